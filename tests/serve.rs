//! `spotlight serve` end to end, on loopback, with the real OpenSSH client inside tmux.
//!
//! Skipped (with a note) when `ssh`, `ssh-keygen` or `tmux` is missing; CI installs them.

#![allow(clippy::expect_used)]

#[path = "common/tmux.rs"]
mod tmux;

#[path = "common/server.rs"]
mod server;

use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use server::{Server, WAIT, open_session, text};

#[test]
fn an_authorized_key_gets_the_tui_searches_resizes_and_quits() {
    let Some(server) = Server::start() else {
        return;
    };
    let Some(t) = open_session(&server, "serve") else {
        return;
    };
    t.type_text("ameri");
    let screen = t.wait_for("5/10", WAIT);
    assert!(screen.contains("Hadi al-Ameri"), "{screen}");
    t.resize(110, 30);
    t.wait_for("Actors", WAIT);
    t.send_keys(&["Tab", "q"]);
    let exit = t.wait_exit(WAIT);
    assert_eq!(exit.code, 0, "ssh exit code");
    assert!(exit.sane(), "{}", exit.stty);
    let log = server.log();
    assert!(log.contains("auth accepted"), "{log}");
    assert!(log.contains("session end") && log.contains("Quit"), "{log}");
    assert!(
        !log.contains("ameri"),
        "queries never reach the log:\n{log}"
    );
}

#[test]
fn a_stranger_key_and_passwords_are_refused() {
    let Some(server) = Server::start() else {
        return;
    };
    let stranger = server.ssh("stranger", &["127.0.0.1", "true"]);
    assert_eq!(stranger.status.code(), Some(255));
    assert!(
        text(&stranger).contains("Permission denied (publickey)"),
        "{}\nserver log:\n{}",
        text(&stranger),
        server.log()
    );
    let password = server.ssh(
        "stranger",
        &[
            "-o",
            "PubkeyAuthentication=no",
            "-o",
            "PreferredAuthentications=password,keyboard-interactive",
            "127.0.0.1",
            "true",
        ],
    );
    assert_eq!(password.status.code(), Some(255));
    assert!(
        text(&password).contains("Permission denied"),
        "{}",
        text(&password)
    );
    assert!(server.log().contains("not authorized"), "{}", server.log());
}

#[test]
fn commands_and_sessions_without_a_terminal_are_refused() {
    let Some(server) = Server::start() else {
        return;
    };
    let exec = server.ssh("id", &["127.0.0.1", "cat /etc/passwd"]);
    assert_ne!(exec.status.code(), Some(0));
    assert!(!text(&exec).contains("root:"), "{}", text(&exec));
    let no_pty = server.ssh("id", &["-T", "127.0.0.1"]);
    assert!(
        text(&no_pty).contains("needs a terminal"),
        "{}",
        text(&no_pty)
    );
}

#[test]
fn sigterm_says_goodbye_to_sessions_and_stops() {
    let Some(mut server) = Server::start() else {
        return;
    };
    let Some(t) = open_session(&server, "serve-term") else {
        return;
    };
    let pid = server.child.id().to_string();
    let status = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(status.success());
    t.wait_for("server shutting down", WAIT);
    let deadline = Instant::now() + tmux::patience(WAIT);
    loop {
        if let Some(status) = server.child.try_wait().expect("wait") {
            assert!(status.success(), "server exit: {status}");
            break;
        }
        assert!(Instant::now() < deadline, "the server did not stop");
        std::thread::sleep(Duration::from_millis(50));
    }
    let exit = t.wait_exit(WAIT);
    assert!(exit.sane(), "{}", exit.stty);
    assert!(Path::new(&server.dir.path().join("host_key")).exists());
}

#[test]
fn a_full_server_refuses_one_more_politely() {
    let Some(server) = Server::start_with(&["--max-sessions", "1"]) else {
        return;
    };
    let Some(_first) = open_session(&server, "serve-full") else {
        return;
    };
    let second = server.ssh("id", &["-tt", "127.0.0.1"]);
    assert!(
        text(&second).contains("the server is full (1 session)"),
        "{}",
        text(&second)
    );
}

#[test]
fn a_client_killed_mid_session_frees_its_place() {
    let Some(server) = Server::start_with(&["--max-sessions", "1"]) else {
        return;
    };
    let Some(first) = open_session(&server, "serve-killed") else {
        return;
    };
    // The terminal goes away with ssh in it: ssh dies without a goodbye.
    first.kill_server();
    let deadline = Instant::now() + tmux::patience(WAIT);
    while !server.log().contains("session end") {
        assert!(Instant::now() < deadline, "{}", server.log());
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(server.log().contains("Gone"), "{}", server.log());
    let Some(second) = open_session(&server, "serve-after-kill") else {
        return;
    };
    second.send_keys(&["Tab", "q"]);
    assert_eq!(second.wait_exit(WAIT).code, 0);
}

#[test]
fn idle_sessions_are_closed() {
    let Some(server) = Server::start_with(&["--idle-timeout", "1s"]) else {
        return;
    };
    let Some(t) = open_session(&server, "serve-idle") else {
        return;
    };
    t.wait_for("no input for 1 s; session closed", WAIT);
    let exit = t.wait_exit(WAIT);
    assert!(exit.sane(), "{}", exit.stty);
    assert!(server.log().contains("Idle"), "{}", server.log());
}

#[test]
fn a_client_that_never_logs_in_is_dropped_after_the_grace_time() {
    let Some(server) = Server::start_with(&["--login-grace", "1s"]) else {
        return;
    };
    for banner in [&b""[..], b"SSH-2.0-stalling\r\n"] {
        let started = Instant::now();
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
        stream.set_read_timeout(Some(WAIT)).expect("timeout");
        std::io::Write::write_all(&mut stream, banner).expect("banner");
        let mut received = Vec::new();
        // Reads until the server closes the connection (or the bound runs out).
        let _ = std::io::Read::read_to_end(&mut stream, &mut received);
        let waited = started.elapsed();
        assert!(
            waited >= Duration::from_millis(900) && waited < WAIT,
            "closed after {waited:?}"
        );
        assert!(received.starts_with(b"SSH-2.0-"), "{received:?}");
    }
    let log = server.log();
    assert_eq!(log.matches("no login within 1 s").count(), 2, "{log}");
}

#[test]
fn arabic_is_drawn_in_visual_order_over_ssh_and_a_key_toggles_it_per_session() {
    // "هادي العامري" right to left with joined letters, then in logical order.
    const VISUAL: &str =
        "\u{FEF1}\u{FEAE}\u{FEE3}\u{FE8E}\u{FECC}\u{FEDF}\u{FE8D} \u{FEF1}\u{FEA9}\u{FE8E}\u{FEEB}";
    const LOGICAL: &str = "هادي العامري";
    let Some(server) = Server::start() else {
        return;
    };
    let Some(t) = open_session(&server, "serve-bidi") else {
        return;
    };
    let Some(other) = open_session(&server, "serve-bidi-other") else {
        return;
    };
    for session in [&t, &other] {
        session.resize(120, 30);
        session.wait_for(VISUAL, WAIT);
    }
    t.send_keys(&["F4"]);
    t.wait_for(LOGICAL, WAIT);
    // The other session keeps its own setting.
    let screen = other.capture();
    assert!(screen.contains(VISUAL), "{screen}");
    for session in [&t, &other] {
        session.send_keys(&["Tab", "q"]);
        assert_eq!(session.wait_exit(WAIT).code, 0);
    }
}

/// A piece imported into the corpus of a running server reaches both connected sessions,
/// which stay connected; a broken page keeps the last good corpus, and the server up.
#[test]
fn sessions_see_a_piece_imported_while_the_server_runs() {
    let corpus = tempfile::tempdir().expect("tempdir");
    let data = corpus.path().join("corpus");
    let data = data.to_str().expect("path");
    let synth = Command::new(env!("CARGO_BIN_EXE_spotlight"))
        .args(["synth", "--pieces", "20", "--seed", "8", "--out", data])
        .output()
        .expect("synth");
    assert!(synth.status.success());
    let Some(server) = Server::start_with(&["--data", data]) else {
        return;
    };
    let session = |name: &str| {
        let mut args: Vec<String> = vec!["-t".into()];
        args.extend(server.ssh_args("id"));
        args.push("127.0.0.1".into());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let t = tmux::Tmux::start_program(name, 100, 30, "ssh", &args)?;
        t.wait_until("the browser", WAIT, |s| {
            s.contains(" of ") && s.contains("quotes")
        });
        Some(t)
    };
    let (Some(first), Some(second)) = (session("live-1"), session("live-2")) else {
        return;
    };
    let piece =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clipped/clipped-piece.md");
    let started = Instant::now();
    let import = Command::new(env!("CARGO_BIN_EXE_spotlight"))
        .args(["import", "--data", data])
        .arg(&piece)
        .output()
        .expect("import");
    assert!(import.status.success(), "{}", text(&import));
    for t in [&first, &second] {
        let screen = t.wait_for("corpus reloaded: +1 piece", WAIT);
        assert!(screen.contains("quotes"), "{screen}");
    }
    eprintln!("import -> both sessions reloaded: {:?}", started.elapsed());
    // The new piece's statement is there to find.
    first.send_keys(&["c", "o", "n", "v", "o", "y", "s"]);
    first.wait_for("\u{201c}the convoys will not pass", WAIT);
    // A broken page: the last good corpus stays, the sessions are told why, the server and
    // both sessions stay up.
    std::fs::write(Path::new(data).join("pieces/broken.md"), "no title here\n").expect("written");
    second.wait_for("corpus not reloaded: broken.md:1:", WAIT);
    first.send_keys(&["C-u"]);
    first.wait_until("the list again", WAIT, |s| {
        s.contains(" of ") && s.contains("quotes")
    });
    assert!(server.log().contains("corpus reloaded"), "{}", server.log());
}

#[test]
fn each_key_has_its_own_desk_and_a_users_sessions_share_theirs() {
    let Some(server) = Server::start() else {
        return;
    };
    let Some(mine) = open_session(&server, "desk-mine") else {
        return;
    };
    // Mark two of Ameri's quotes and put them in a collection.
    mine.type_text("ameri");
    mine.wait_for("5/10", WAIT);
    mine.send_keys(&["Tab", "m", "m", "c"]);
    mine.wait_for("put in collection:", WAIT);
    mine.type_text("mine only");
    mine.send_keys(&["Enter"]);
    mine.wait_for("put 2 quotes in `mine only`", WAIT);
    // The same user in a second session sees it.
    let Some(again) = server::open_session_as(&server, "desk-again", "id") else {
        return;
    };
    again.send_keys(&["Tab", "C"]);
    let screen = again.wait_for("mine only", WAIT);
    assert!(screen.contains("2 quotes"), "{screen}");
    // A colleague logged in with another key sees none of it, and cannot change it.
    let Some(theirs) = server::open_session_as(&server, "desk-theirs", "colleague") else {
        return;
    };
    theirs.send_keys(&["Tab", "C"]);
    let screen = theirs.wait_for("no collections yet", WAIT);
    assert!(!screen.contains("mine only"), "{screen}");
    theirs.send_keys(&["m", "c"]);
    theirs.wait_for("put in collection:", WAIT);
    theirs.type_text("theirs");
    theirs.send_keys(&["Enter"]);
    theirs.wait_for("put 1 quote in `theirs`", WAIT);
    // The first session is kept in step with the second's change, and never sees the
    // colleague's collection.
    again.send_keys(&["Escape"]);
    mine.send_keys(&["C"]);
    let screen = mine.wait_for("mine only", WAIT);
    assert!(!screen.contains("theirs"), "{screen}");
    let desks: Vec<_> = std::fs::read_dir(server.dir.path().join("data/spotlight/desks"))
        .expect("the desks directory")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".sqlite"))
        .collect();
    assert_eq!(desks.len(), 2, "one desk per key: {desks:?}");
}
