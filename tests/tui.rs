//! The full-screen browser end to end: the real binary in a tmux pane, driven by keys and
//! checked through the screen, tmux's view of the terminal state and the raw bytes written.
//!
//! Each test runs its own tmux server, so they run in parallel. When tmux is not installed
//! the tests print a note and pass (CI installs it).

#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "common/tmux.rs"]
mod tmux;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use tmux::{Exit, Tmux, find, rfind};
use unicode_width::UnicodeWidthStr;

/// The bound on every wait.
const WAIT: Duration = Duration::from_secs(10);

const PIECE_TITLE: &str = "Potential Escalation in Iraq (Part 1): Khamenei and Badr";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The screen's rows.
fn rows(screen: &str) -> Vec<&str> {
    screen.lines().collect()
}

/// The row of the results list that carries the selection mark.
fn selected_row(screen: &str) -> Option<&str> {
    screen.lines().find(|l| l.contains('\u{258c}'))
}

/// The `N/M` counter at the end of the reader's bottom border.
fn reader_position(screen: &str) -> Option<String> {
    let border = screen.lines().rfind(|l| l.starts_with('\u{2570}'))?;
    let inner = border.trim_end_matches('\u{256f}').trim_end();
    let word = inner.rsplit(' ').next()?;
    word.contains('/').then(|| word.to_string())
}

/// The first line of the quote in the "Quote" viewer, without its opening mark.
fn viewer_first_line(screen: &str) -> String {
    let lines = rows(screen);
    let at = lines
        .iter()
        .position(|l| l.starts_with("\u{256d} Quote \u{2500}"))
        .expect("a Quote viewer");
    lines[at + 1]
        .trim_matches('\u{2502}')
        .trim()
        .trim_start_matches('\u{201c}')
        .to_string()
}

/// The screen fits the pane: no more rows than `height`, no row wider than `width`.
fn assert_fits(screen: &str, width: u16, height: u16) {
    let lines = rows(screen);
    assert!(
        lines.len() <= usize::from(height),
        "{} rows on a {height}-row pane:\n{screen}",
        lines.len()
    );
    for line in lines {
        assert!(
            line.width() <= usize::from(width),
            "row wider than {width}: {line:?}\n{screen}"
        );
    }
}

/// The full layout at 80x24: search box with its count, results, viewer, status line.
fn assert_full_layout(screen: &str, count: &str) {
    let lines = rows(screen);
    assert!(lines[0].starts_with("\u{256d} Search"), "{screen}");
    assert!(lines[0].contains(count), "count {count} missing:\n{screen}");
    assert!(screen.contains("\u{256d} Quotes"), "{screen}");
    assert!(screen.contains("\u{256d} Quote \u{2500}"), "{screen}");
    assert!(lines.last().unwrap().ends_with("help"), "{screen}");
    assert_fits(screen, 80, 24);
}

/// After the program ended: exit code, tty modes, and tmux's view of the terminal.
fn assert_restored(tmux: &Tmux, exit: &Exit) {
    assert!(
        exit.sane(),
        "terminal left without icanon/echo:\n{}",
        exit.stty
    );
    assert_eq!(
        tmux.display("#{alternate_on}"),
        "0",
        "still on the alternate screen"
    );
    assert_eq!(
        tmux.display("#{mouse_any_flag}"),
        "0",
        "mouse reporting left on"
    );
    assert_eq!(tmux.display("#{cursor_flag}"), "1", "cursor left hidden");
    // Everything turned on was turned off again, after the last time it was turned on.
    let raw = tmux.wait_for_raw(b"EXITED=", WAIT);
    for (on, off) in [
        (&b"\x1b[?1049h"[..], &b"\x1b[?1049l"[..]),
        (b"\x1b[?1000h", b"\x1b[?1000l"),
        (b"\x1b[?1002h", b"\x1b[?1002l"),
        (b"\x1b[?1003h", b"\x1b[?1003l"),
        (b"\x1b[?1006h", b"\x1b[?1006l"),
        (b"\x1b[?2004h", b"\x1b[?2004l"),
    ] {
        if let Some(last_on) = rfind(&raw, on) {
            let last_off = rfind(&raw, off);
            assert!(
                last_off.is_some_and(|off| off > last_on),
                "{:?} never undone",
                String::from_utf8_lossy(on)
            );
        }
    }
}

#[test]
fn search_read_copy_resize_and_quit() {
    let Some(t) = Tmux::start("flow", 80, 24, &[]) else {
        return;
    };
    let screen = t.wait_until("the first frame", WAIT, |s| {
        s.contains("/10") && s.lines().last().is_some_and(|l| l.ends_with("help"))
    });
    assert_full_layout(&screen, "/10");

    // Typing narrows the list.
    t.type_text("ameri");
    let screen = t.wait_until("5/10 for ameri", WAIT, |s| {
        s.contains("> ameri") && s.contains("5/10")
    });
    assert_full_layout(&screen, "5/10");
    assert!(screen.contains("Hadi al-Ameri"), "{screen}");
    assert!(screen.contains("If the Americans intervene"), "{screen}");
    let first = selected_row(&screen).expect("a selected row").to_string();

    // Down selects the next row; the viewer follows.
    t.send_keys(&["Down"]);
    let screen = t.wait_until("the selection to move", WAIT, |s| {
        selected_row(s).is_some_and(|r| r != first)
    });
    assert!(
        selected_row(&screen).unwrap().contains("Hadi al-Ameri"),
        "{screen}"
    );
    let quote = viewer_first_line(&screen);
    let probe: String = quote.chars().take(20).collect();
    assert!(probe.chars().count() == 20, "short viewer line {quote:?}");

    // Enter opens the piece in the reader at that quote.
    t.send_keys(&["Enter"]);
    let screen = t.wait_for(" Reader ", WAIT);
    assert!(screen.starts_with("\u{256d} Reader "), "{screen}");
    let flat = screen.replace('\u{2502}', " ");
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    let probe_words = probe.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&probe_words),
        "the reader does not show {probe:?}:\n{screen}"
    );
    assert_fits(&screen, 80, 24);
    assert!(reader_position(&screen).is_some(), "{screen}");

    // n jumps to the next quote: its highlight moves (and the text scrolls when it must).
    let before = t.capture_styled();
    t.type_text("n");
    let screen = t.wait_until_styled("the reader's quote to move", WAIT, |s| s != before);
    assert!(screen.contains(" Reader "), "{screen}");

    // Esc goes back to the list, query kept.
    t.send_keys(&["Escape"]);
    let screen = t.wait_until("the list again", WAIT, |s| {
        s.contains("> ameri") && s.contains("5/10") && !s.contains(" Reader ")
    });
    assert_full_layout(&screen, "5/10");
    let quote = viewer_first_line(&screen);

    // Tab leaves the query; y copies a citation through OSC 52.
    t.send_keys(&["Tab"]);
    t.wait_for("? help", WAIT);
    t.type_text("y");
    t.wait_for("copied citation", WAIT);
    let copies = t.wait_for_copies(WAIT);
    assert_eq!(copies.len(), 1, "{copies:?}");
    let citation = &copies[0];
    assert!(citation.contains("Hadi al-Ameri"), "{citation}");
    assert!(
        citation.contains("Potential Escalation in Iraq"),
        "{citation}"
    );
    assert!(citation.contains(PIECE_TITLE), "{citation}");
    let quote_words = quote
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        citation.contains(&quote_words),
        "citation {citation:?} is not of the quote shown ({quote:?})"
    );

    // Tiny: the compact list, not "terminal too small".
    t.resize(20, 5);
    let screen = t.wait_until("the compact list", WAIT, |s| {
        s.lines().next().is_some_and(|l| l.starts_with("> ameri"))
    });
    assert!(screen.contains("5/10"), "{screen}");
    assert!(!screen.contains("terminal too"), "{screen}");
    assert!(
        !screen.contains('\u{256d}'),
        "borders in the compact list:\n{screen}"
    );
    assert!(screen.contains("Hadi"), "{screen}");
    assert!(rows(&screen).last().unwrap().ends_with("help"), "{screen}");
    assert_fits(&screen, 20, 5);

    // Back to full size: the full layout again.
    t.resize(80, 24);
    let screen = t.wait_until("the full layout again", WAIT, |s| {
        s.starts_with("\u{256d} Search") && s.contains("\u{256d} Quote \u{2500}")
    });
    assert_full_layout(&screen, "5/10");
    assert!(screen.contains("> ameri"), "{screen}");

    // q quits (focus is outside the query) and gives the terminal back.
    t.type_text("q");
    let exit = t.wait_exit(WAIT);
    assert_eq!(exit.code, 0, "{}", t.capture());
    t.wait_for("EXITED=0", WAIT);
    assert_restored(&t, &exit);
}

#[test]
fn escape_sequences_in_the_corpus_are_shown_not_obeyed() {
    let data = fixture("escapes");
    let Some(t) = Tmux::start("escapes", 80, 24, &["--data", data.to_str().unwrap()]) else {
        return;
    };
    let before = t.display("#{pane_title}");
    let screen = t.wait_for("2/2", WAIT);
    assert_full_layout(&screen, "2/2");
    // The first quote (the clipboard one) is in the list and the viewer, with placeholders.
    assert!(
        screen.contains("\u{241b}]52;c;ZXZpbA==\u{2407}"),
        "{screen}"
    );

    t.type_text("targets");
    let screen = t.wait_until("the hostile quote", WAIT, |s| s.contains("1/2"));
    assert_full_layout(&screen, "1/2");
    assert!(screen.contains("Abu Sirab al-Wa"), "{screen}");
    assert!(screen.contains("\u{241b}[2J targets"), "{screen}");
    assert!(screen.contains("\u{241b}]0;pwned\u{2407}"), "{screen}");
    assert!(screen.contains("\u{241b}[31mburn"), "{screen}");
    assert_eq!(t.display("#{pane_title}"), before, "the title was set");

    // The reader shows the raw paragraph the same way.
    t.send_keys(&["Enter"]);
    let screen = t.wait_for(" Reader ", WAIT);
    assert!(screen.contains("[FICTIONAL] Test Piece"), "{screen}");
    assert!(screen.contains("\u{241b}[2J"), "{screen}");
    assert!(screen.contains("ZXZpbA==\u{2407}"), "{screen}");
    assert!(
        screen.starts_with("\u{256d} Reader "),
        "screen cleared?\n{screen}"
    );
    assert!(rows(&screen).last().unwrap().ends_with("help"), "{screen}");
    assert_fits(&screen, 80, 24);

    t.send_keys(&["C-c"]);
    let exit = t.wait_exit(WAIT);
    assert_eq!(exit.code, 0);
    assert_restored(&t, &exit);
    assert_ne!(t.display("#{pane_title}"), "pwned");

    // Nothing of the fixture's sequences reached the terminal as bytes.
    let raw = t.wait_for_raw(b"EXITED=", WAIT);
    for hostile in [
        &b"\x1b]52;c;ZXZpbA=="[..],
        b"\x1b]0;pwned",
        b"\x1b[2J targets",
        b"\x1b[31mburn",
    ] {
        assert!(
            find(&raw, hostile).is_none(),
            "the raw output carries {:?}",
            String::from_utf8_lossy(hostile)
        );
    }
    assert!(
        find(&raw, b"\x1b]52;").is_none(),
        "a clipboard write nobody asked for"
    );
}

/// A signal ends the program and the terminal is given back.
fn signal_restores_the_terminal(signal: &str) {
    let Some(t) = Tmux::start(&format!("sig{signal}"), 80, 24, &[]) else {
        return;
    };
    let screen = t.wait_for("/10", WAIT);
    assert_full_layout(&screen, "/10");
    assert_eq!(t.display("#{alternate_on}"), "1");
    assert_eq!(t.display("#{mouse_any_flag}"), "1");
    t.signal(signal);
    let exit = t.wait_exit(WAIT);
    let number = match signal {
        "HUP" => 1,
        "INT" => 2,
        _ => 15,
    };
    assert_eq!(exit.code, 128 + number, "exit code after SIG{signal}");
    assert_restored(&t, &exit);
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_the_terminal("TERM");
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores_the_terminal("HUP");
}

#[test]
fn sigint_restores_the_terminal() {
    signal_restores_the_terminal("INT");
}

#[test]
fn help_overlay_opens_and_closes() {
    let Some(t) = Tmux::start("help", 80, 24, &[]) else {
        return;
    };
    t.wait_for("/10", WAIT);

    // ? in the query is typed, not help.
    t.type_text("?");
    t.wait_for("> ?", WAIT);
    let screen = t.settled();
    assert!(!screen.contains("Keys"), "{screen}");
    t.send_keys(&["C-u"]);
    t.wait_for_absent("> ?", WAIT);

    t.send_keys(&["Tab"]);
    t.wait_for("? help", WAIT);
    t.type_text("?");
    let screen = t.wait_for("Keys", WAIT);
    assert!(screen.contains("copy the quote as a citation"), "{screen}");
    assert_fits(&screen, 80, 24);
    t.send_keys(&["Escape"]);
    let screen = t.wait_for_absent("copy the quote as a citation", WAIT);
    assert!(!screen.contains("Keys"), "{screen}");
    assert_full_layout(&screen, "/10");

    // F1 opens it from anywhere.
    t.send_keys(&["F1"]);
    t.wait_for("copy the quote as a citation", WAIT);
    t.send_keys(&["Escape"]);
    t.wait_for_absent("copy the quote as a citation", WAIT);

    t.type_text("q");
    let exit = t.wait_exit(WAIT);
    assert_eq!(exit.code, 0);
    assert_restored(&t, &exit);
}

#[test]
fn tiny_terminals_say_too_small_and_survive() {
    let Some(t) = Tmux::start("tiny", 10, 3, &[]) else {
        return;
    };
    // "terminal too small" cut to 10 columns.
    let screen = t.wait_for("terminal", WAIT);
    assert_eq!(rows(&screen)[0], "terminal \u{2026}", "{screen}");
    assert_fits(&screen, 10, 3);
    // Keys still reach the query while nothing but the notice fits.
    t.type_text("ameri");

    t.resize(10, 1);
    let screen = t.wait_until("a one-row screen", WAIT, |s| s.lines().count() == 1);
    assert_eq!(screen.trim_end(), "terminal \u{2026}", "{screen}");

    t.resize(1, 1);
    let screen = t.wait_until("a one-cell screen", WAIT, |s| s.trim_end() == "\u{2026}");
    assert_fits(&screen, 1, 1);

    t.resize(19, 20);
    let screen = t.wait_for("terminal too small", WAIT);
    assert_fits(&screen, 19, 20);

    t.resize(30, 4);
    let screen = t.wait_for("terminal too", WAIT);
    assert_fits(&screen, 30, 4);

    // The smallest compact screen: query line, rows, status line.
    t.resize(20, 5);
    let screen = t.wait_until("the compact list", WAIT, |s| s.starts_with('>'));
    assert!(!screen.contains("terminal too"), "{screen}");
    assert!(screen.starts_with("> ameri"), "{screen}");
    assert!(screen.contains("5/10"), "{screen}");
    assert!(rows(&screen).last().unwrap().ends_with("help"), "{screen}");
    assert_fits(&screen, 20, 5);

    // The query has focus: q would be typed, so ctrl-c quits.
    t.send_keys(&["C-c"]);
    let exit = t.wait_exit(WAIT);
    assert_eq!(exit.code, 0, "{}", t.capture());
    assert_restored(&t, &exit);
}

#[test]
fn refuses_to_start_without_a_terminal() {
    let config = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_spotlight"))
        .env_remove("SPOTLIGHT_DATA")
        .env("XDG_CONFIG_HOME", config.path())
        .env("XDG_CACHE_HOME", config.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run spotlight");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("terminal"), "{stderr}");
    // Nothing meant for a terminal went to the pipe.
    assert!(!output.stdout.contains(&0x1b), "{:?}", output.stdout);
}

/// Regression: when the terminal went away (tmux killed, SSH dropped), crossterm's reader spun
/// on the failed read forever and the process never ended, even on SIGHUP.
#[test]
fn closing_the_terminal_ends_the_program() {
    let Some(t) = Tmux::start("hangup", 80, 24, &[]) else {
        return;
    };
    t.wait_for("/10", WAIT);
    let pid = t.spotlight_pid();
    t.kill_server();
    let deadline = std::time::Instant::now() + WAIT;
    while std::path::Path::new(&format!("/proc/{pid}")).exists() {
        assert!(
            std::time::Instant::now() < deadline,
            "spotlight {pid} still runs after its terminal closed"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// A panic while the TUI owns the terminal gives it back, and the message can be read.
#[test]
fn a_panic_restores_the_terminal() {
    // `cargo test` builds the examples next to the test binaries' directory.
    let exe = std::env::current_exe().expect("the test binary");
    let probe = exe
        .parent()
        .and_then(std::path::Path::parent)
        .map(|dir| dir.join("examples/panic_probe"))
        .expect("the target directory");
    assert!(
        probe.exists(),
        "{} was not built: plain `cargo test` builds it, or `cargo build --example panic_probe`",
        probe.display()
    );
    let Some(t) = Tmux::start_program("panic", 80, 24, &probe.to_string_lossy(), &[]) else {
        return;
    };
    t.wait_for("panic probe ready", WAIT);
    let exit = t.wait_exit(WAIT);
    assert_eq!(exit.code, 101, "a Rust panic's exit code");
    assert_restored(&t, &exit);
    // The message is written on the main screen, after the alternate screen was left.
    let raw = t.wait_for_raw(b"deliberate panic from the probe", WAIT);
    let message = find(&raw, b"deliberate panic from the probe");
    let left = rfind(&raw, b"\x1b[?1049l");
    assert!(
        left.is_some_and(|left| message.is_some_and(|m| m > left)),
        "the panic message was printed before the screen was given back"
    );
}

/// The screen once it differs from `before` and has not changed for 200 ms (the key's echo
/// and its results can come in two frames).
fn settled_styled(t: &Tmux, before: &str) -> String {
    let mut last = t.capture_styled();
    let mut same = 0;
    for _ in 0..250 {
        std::thread::sleep(Duration::from_millis(40));
        let now = t.capture_styled();
        same = if now == last && now != before {
            same + 1
        } else {
            0
        };
        if same == 5 {
            return now;
        }
        last = now;
    }
    panic!("the screen never settled:\n{last}");
}

/// Frames are sent as differences from what the terminal shows (cursor jumps, erases,
/// rewritten gaps). After every step of a session, what the terminal shows (text, colours,
/// attributes) must be what a full redraw of the same state shows.
#[test]
fn key_by_key_frames_match_a_full_redraw() {
    let Some(t) = Tmux::start("redraw", 120, 40, &[]) else {
        return;
    };
    t.wait_for("F1 help", WAIT);
    let steps: &[&[&str]] = &[
        &["h"],
        &["a"],
        &["d"],
        &["i"],
        &["BSpace", "BSpace", "BSpace", "BSpace"],
        &["a", "m", "e", "r", "i"],
        &["Down"],
        &["Down", "Down"],
        &["Enter"],
        &["n"],
        &["Escape"],
        &["C-u"],
        &["F2"],
    ];
    // Every step changes the screen, so a step is done once the screen has changed and settled.
    let mut before = t.capture_styled();
    for (i, keys) in steps.iter().enumerate() {
        t.send_keys(keys);
        let incremental = settled_styled(&t, &before);
        // Widening clears the screen and redraws it all; narrowing back does it again.
        let drawn_at = |width: usize| {
            move |s: &str| {
                let top = s.lines().next().unwrap_or_default();
                top.chars().count() == width && top.ends_with('\u{256e}')
            }
        };
        t.resize(121, 40);
        t.wait_until("the frame at 121 columns", WAIT, drawn_at(121));
        t.resize(120, 40);
        t.wait_until("the frame at 120 columns", WAIT, drawn_at(120));
        let redrawn = t.capture_styled();
        assert_eq!(incremental, redrawn, "after step {i} ({keys:?})");
        before = redrawn;
    }
}

#[test]
fn a_10_kb_burst_is_read_to_its_last_byte() {
    let Some(t) = Tmux::start("burst", 80, 24, &[]) else {
        return;
    };
    t.wait_for("/10", WAIT);
    // The search ignores the spaces, so `5/10` shows only once the last bytes were read.
    t.type_text(&format!("{}ameri", " ".repeat(10_000)));
    let screen = t.wait_for("5/10", WAIT);
    assert!(screen.contains("Hadi al-Ameri"), "{screen}");
}

#[test]
fn a_paste_that_never_ends_does_not_swallow_the_keys_after_it() {
    let Some(t) = Tmux::start("stuck-paste", 80, 24, &[]) else {
        return;
    };
    t.wait_for("/10", WAIT);
    // The start marker of a bracketed paste, and no end marker ever.
    t.type_text("\u{1b}[200~ameri");
    // The paste ends after a pause: what it held is in the query, and typing goes on.
    t.wait_for("5/10", WAIT);
    t.type_text(" al");
    t.wait_for("> ameri al", WAIT);
    // Ctrl-C goes through a paste at once.
    t.type_text("\u{1b}[200~stuck");
    t.send_keys(&["C-c"]);
    let exit = t.wait_exit(WAIT);
    assert_eq!(exit.code, 0);
    assert_restored(&t, &exit);
}

/// Waits until tmux reports `format` as `want`.
fn wait_display(t: &Tmux, format: &str, want: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    while t.display(format) != want {
        assert!(
            std::time::Instant::now() < deadline,
            "{format} never became {want}:\n{}",
            t.capture()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn ctrl_z_and_sigtstp_give_the_terminal_back_and_fg_takes_it_again() {
    let Some(t) = Tmux::start("suspend", 80, 24, &[]) else {
        return;
    };
    t.wait_for("/10", WAIT);
    for stop in ["ctrl-z", "SIGTSTP"] {
        if stop == "ctrl-z" {
            t.send_keys(&["C-z"]);
        } else {
            t.signal("TSTP");
        }
        // Stopped: the main screen is back and the mouse is the terminal's again.
        wait_display(&t, "#{alternate_on}", "0");
        assert_eq!(t.display("#{mouse_any_flag}"), "0", "after {stop}");
        // What `fg` sends: the program takes the terminal again and draws it whole.
        t.signal("CONT");
        wait_display(&t, "#{alternate_on}", "1");
        t.wait_for("/10", WAIT);
        assert_eq!(t.display("#{mouse_any_flag}"), "1", "after {stop}");
    }
    // Keys are read raw again (no echo of `^[[B`): typing still searches.
    t.type_text("ameri");
    t.wait_for("5/10", WAIT);
    t.send_keys(&["Tab", "q"]);
    let exit = t.wait_exit(WAIT);
    assert_eq!(exit.code, 0);
    assert_restored(&t, &exit);
}

#[test]
fn term_dumb_gets_no_colour_locally_too() {
    let bin = env!("CARGO_BIN_EXE_spotlight");
    let Some(t) = Tmux::start_program("dumb", 80, 24, "env", &["TERM=dumb", bin]) else {
        return;
    };
    t.wait_for("/10", WAIT);
    let styled = t.capture_styled();
    // Colours are SGR 30–37, 90–97 (and 38;…) for the foreground, 40–47, 100–107 (48;…) behind.
    let coloured = styled.split('\u{1b}').any(|sequence| {
        sequence
            .strip_prefix('[')
            .and_then(|s| s.split_once('m'))
            .is_some_and(|(params, _)| {
                params.split(';').any(|p| {
                    p.parse::<u16>()
                        .is_ok_and(|n| matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107))
                })
            })
    });
    assert!(!coloured, "{styled}");
    t.send_keys(&["Tab", "q"]);
    assert_eq!(t.wait_exit(WAIT).code, 0);
}

#[test]
fn a_large_corpus_shows_a_loading_frame_at_once_then_the_browser() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("corpus");
    let data = data.to_str().expect("path");
    let synth = Command::new(env!("CARGO_BIN_EXE_spotlight"))
        .args(["synth", "--pieces", "400", "--seed", "4", "--out", data])
        .output()
        .expect("synth");
    assert!(synth.status.success());
    let Some(t) = Tmux::start("loading", 80, 24, &["--data", data, "--no-cache"]) else {
        return;
    };
    t.wait_for("loading 400 pieces", WAIT);
    // Then the browser, and once the ranking is whole, its count.
    t.wait_until("the browser with its count", WAIT, |s| {
        s.contains(" of ") && s.contains("quotes") && !s.contains("counting")
    });
    t.send_keys(&["Tab", "q"]);
    assert_eq!(t.wait_exit(WAIT).code, 0);
}

/// A second start on a cached corpus draws its first screen from the index image, then reads
/// the records behind it: a key that needs them (Enter opens the piece) is carried out once
/// they are in, and the screen is the one a start from the records gives.
#[test]
fn a_start_from_the_index_image_reads_the_records_behind_the_first_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("corpus");
    let data = data.to_str().expect("path");
    let cache = dir.path().join("cache");
    let synth = Command::new(env!("CARGO_BIN_EXE_spotlight"))
        .args(["synth", "--pieces", "300", "--seed", "5", "--out", data])
        .output()
        .expect("synth");
    assert!(synth.status.success());
    // A search writes the corpus cache and the index image.
    let search = Command::new(env!("CARGO_BIN_EXE_spotlight"))
        .args(["search", "--plain", "--data", data, "resistance"])
        .env("XDG_CACHE_HOME", &cache)
        .output()
        .expect("search");
    assert!(search.status.success());
    let images = std::fs::read_dir(cache.join("spotlight"))
        .expect("the cache directory")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "index"))
        })
        .count();
    assert_eq!(images, 1, "one index image");
    let cache_home = format!("XDG_CACHE_HOME={}", cache.display());
    let spotlight = env!("CARGO_BIN_EXE_spotlight");
    let args = [cache_home.as_str(), spotlight, "--data", data];
    let Some(t) = Tmux::start_program("from-image", 80, 24, "/usr/bin/env", &args) else {
        return;
    };
    t.wait_until("the browser with its count", WAIT, |s| {
        s.contains(" of ") && s.contains("quotes") && !s.contains("counting")
    });
    t.send_keys(&["Enter"]);
    let screen = t.wait_for(" Reader ", WAIT);
    assert!(screen.contains("SYNTHETIC"), "{screen}");
    // Not typing in the reader: q quits.
    t.send_keys(&["q"]);
    assert_eq!(t.wait_exit(WAIT).code, 0, "{}", t.capture());
}

/// The local TUI follows its corpus directory: a piece imported while it runs is there
/// without a restart, and the status line says what changed; the open piece stays open.
#[test]
fn a_piece_imported_while_the_tui_runs_appears() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("corpus");
    let data = data.to_str().expect("path");
    let synth = Command::new(env!("CARGO_BIN_EXE_spotlight"))
        .args(["synth", "--pieces", "12", "--seed", "6", "--out", data])
        .output()
        .expect("synth");
    assert!(synth.status.success());
    let Some(t) = Tmux::start("live", 100, 30, &["--data", data]) else {
        return;
    };
    t.wait_until("the browser with its count", WAIT, |s| {
        s.contains(" of ") && s.contains("quotes") && !s.contains("counting")
    });
    t.send_keys(&["Enter"]);
    t.wait_for(" Reader ", WAIT);
    let piece =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clipped/clipped-piece.md");
    let import = Command::new(env!("CARGO_BIN_EXE_spotlight"))
        .args(["import", "--data", data])
        .arg(&piece)
        .output()
        .expect("import");
    assert!(import.status.success());
    let screen = t.wait_for("corpus reloaded: +1 piece", WAIT);
    assert!(
        screen.contains(" Reader "),
        "the reader stays open: {screen}"
    );
    t.send_keys(&["q"]);
    assert_eq!(t.wait_exit(WAIT).code, 0, "{}", t.capture());
}

/// Hadi al-Ameri's Arabic name as a terminal without bidi must receive it: right to left,
/// letters in their joined forms.
const AMERI_VISUAL: &str =
    "\u{FEF1}\u{FEAE}\u{FEE3}\u{FE8E}\u{FECC}\u{FEDF}\u{FE8D} \u{FEF1}\u{FEA9}\u{FE8E}\u{FEEB}";
/// The same name in logical order, as it is stored and copied.
const AMERI_LOGICAL: &str = "هادي العامري";

#[test]
fn arabic_reaches_the_terminal_in_visual_order_unless_the_terminal_does_bidi() {
    // tmux does no bidi: by default the cells go out reordered and joined.
    let Some(t) = Tmux::start("bidi", 120, 30, &[]) else {
        return;
    };
    let screen = t.wait_for(AMERI_VISUAL, WAIT);
    assert!(!screen.contains(AMERI_LOGICAL), "{screen}");
    // F4 leaves it to the terminal, for one that does bidi itself; F4 again takes it back.
    t.send_keys(&["F4"]);
    t.wait_for(AMERI_LOGICAL, WAIT);
    t.wait_for("left to the terminal", WAIT);
    t.send_keys(&["F4"]);
    t.wait_for(AMERI_VISUAL, WAIT);
    t.send_keys(&["Tab", "q"]);
    assert_eq!(t.wait_exit(WAIT).code, 0);

    // `bidi = "terminal"` in the config file: logical order from the first frame.
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "bidi = \"terminal\"\n").expect("write the config");
    let config = config.to_str().expect("path");
    let Some(t) = Tmux::start("bidi-terminal", 120, 30, &["--config", config]) else {
        return;
    };
    let screen = t.wait_for(AMERI_LOGICAL, WAIT);
    assert!(!screen.contains(AMERI_VISUAL), "{screen}");
    t.send_keys(&["Tab", "q"]);
    assert_eq!(t.wait_exit(WAIT).code, 0);
}
