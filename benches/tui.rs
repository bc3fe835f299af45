//! TUI latency: keystroke → rendered frame while typing queries on a fictional corpus of about
//! 100k quotes (ratatui `TestBackend`), and start → first frame on the bundled corpus.
//!
//! Run with `cargo bench --bench tui` (`SPOTLIGHT_BENCH_TUI_QUOTES=1000000` for another size).
//! Prints p50 / p90 / p99 / max over every keystroke of several typing rounds:
//! - `key→frame`: the frame drawn for a keystroke (update, take in results, draw). Search runs on
//!   the worker thread, so this is what the user waits for on every key;
//! - `key→results frame`: the first frame that shows results for the new query.

#![allow(clippy::expect_used, missing_docs)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use spotlight::app::{Action, App, Effect, RESULT_LIMIT};
use spotlight::corpus::Corpus;
use spotlight::front::keymap::Keymap;
use spotlight::front::outbox::Outbox;
use spotlight::index::Index;
use spotlight::search::worker::{PATIENCE, SearchWorker};
use spotlight::ui::{self, Theme};

mod common;

/// What the analyst types: words, a misspelled name, an actor filter, a date filter.
const SCRIPTS: [&str; 4] = [
    "patience limits response",
    "notrealuly",
    "@abu-qumqiv-al-notrealuli occupier",
    "date:2023 desert",
];
const ROUNDS: usize = 3;

fn main() {
    let quotes = std::env::var("SPOTLIGHT_BENCH_TUI_QUOTES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    start_to_first_frame();
    bytes_per_keystroke();
    let built = Instant::now();
    let index = Index::build(common::corpus(quotes));
    eprintln!(
        "corpus: {} quotes, built and indexed in {:.0?}",
        index.corpus.quotes.len(),
        built.elapsed()
    );
    for (width, height) in [(120, 40), (80, 24)] {
        let (frames, results) = typing(&index, width, height);
        report(&format!("{width}x{height} key\u{2192}frame"), frames);
        report(
            &format!("{width}x{height} key\u{2192}results frame"),
            results,
        );
    }
}

/// Corpus load, index, app and first frame on the bundled corpus, as at start-up.
fn start_to_first_frame() {
    let mut times = Vec::new();
    for _ in 0..50 {
        let start = Instant::now();
        let index = Index::build(Corpus::bundled());
        let mut app = App::new(index, 80, 24);
        app.keys_help = Keymap::default().help();
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        terminal
            .draw(|frame| {
                ui::draw(frame, &app, &Theme::dark());
            })
            .expect("draw");
        times.push(start.elapsed());
    }
    report("start\u{2192}first frame (bundled)", times);
}

/// Queries typed key by key into the wire backend, each on its own after a clear.
const WIRE_QUERIES: [&str; 7] = [
    "hadi al-ameri attack",
    "timetable",
    "khamenei war",
    "electronic hashd telegram",
    "americans attack bases",
    "coalition forces leave iraq",
    "@ameri date:2023-10",
];

/// What an SSH session sends at 80x24 on the bundled corpus: the first frame, then each
/// keystroke's frame while typing queries, each frame wrapped in a synchronized update as
/// `spotlight serve` does. Drawn with spotlight's wire backend, and with ratatui's crossterm
/// backend for comparison; then the wire backend's mean per key for each of [`WIRE_QUERIES`].
fn bytes_per_keystroke() {
    use spotlight::front::wire::WireBackend;

    let session = ["ameri", "timetable", "khamenei war"];
    let (first, per_query) = ssh_bytes(|sink| WireBackend::new(sink, 80, 24), &session, true);
    let (keys, total) = sum(&per_query);
    eprintln!(
        "ssh bytes at 80x24 (bundled)          first frame {first} B, {:.0} B per keystroke over {keys} keys",
        total / keys as f64
    );
    let (first, per_query) = ssh_bytes(ratatui::backend::CrosstermBackend::new, &session, true);
    let (_, total) = sum(&per_query);
    eprintln!(
        "  the same with ratatui's crossterm backend: first frame {first} B, {:.0} B per keystroke",
        total / keys as f64
    );
    let (_, per_query) = ssh_bytes(|sink| WireBackend::new(sink, 80, 24), &WIRE_QUERIES, false);
    for (query, (keys, bytes)) in WIRE_QUERIES.iter().zip(per_query) {
        eprintln!(
            "  typing {query:<28} {:>4.0} B per keystroke",
            bytes as f64 / keys as f64
        );
    }
}

/// Keys and bytes summed over queries.
fn sum(per_query: &[(usize, usize)]) -> (usize, f64) {
    let keys = per_query.iter().map(|q| q.0).sum();
    let bytes: usize = per_query.iter().map(|q| q.1).sum();
    (keys, bytes as f64)
}

/// The first frame's bytes, then the keys typed and bytes sent for each query, for a terminal
/// over `backend`. The query is cleared after each; with `count_clear` the clear is a key.
fn ssh_bytes<B: ratatui::backend::Backend>(
    backend: impl FnOnce(Outbox) -> B,
    queries: &[&str],
    count_clear: bool,
) -> (usize, Vec<(usize, usize)>) {
    use ratatui::layout::Rect;
    use ratatui::{TerminalOptions, Viewport};

    let mut app = App::new(Index::build(Corpus::bundled()), 80, 24);
    app.keys_help = Keymap::default().help();
    app.search_inline();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
    };
    let sink = Outbox::default();
    let mut terminal = Terminal::with_options(backend(sink.clone()), options)
        .unwrap_or_else(|_| panic!("a terminal"));
    let theme = Theme::dark();
    let frame = |terminal: &mut Terminal<B>, app: &App| {
        let mut out = sink.clone();
        std::io::Write::write_all(&mut out, b"\x1b[?2026h").expect("write");
        terminal
            .draw(|frame| {
                ui::draw(frame, app, &theme);
            })
            .unwrap_or_else(|_| panic!("drawn"));
        std::io::Write::write_all(&mut out, b"\x1b[?2026l").expect("write");
    };
    frame(&mut terminal, &app);
    let first = sink.take().len();
    let mut per_query = Vec::new();
    for query in queries {
        let (mut keys, mut bytes) = (0, 0);
        let actions = query
            .chars()
            .map(|c| (Action::Insert(c), true))
            .chain(std::iter::once((Action::ClearQuery, count_clear)));
        for (action, counted) in actions {
            app.update(action);
            app.search_inline();
            frame(&mut terminal, &app);
            let sent = sink.take().len();
            if counted {
                bytes += sent;
                keys += 1;
            }
        }
        per_query.push((keys, bytes));
    }
    (first, per_query)
}

/// Types every script forward then erases it, `ROUNDS` times; returns the two latencies of
/// every keystroke.
fn typing(index: &Arc<Index>, width: u16, height: u16) -> (Vec<Duration>, Vec<Duration>) {
    let worker = SearchWorker::spawn(RESULT_LIMIT);
    let mut app = App::new(Arc::clone(index), width, height);
    app.keys_help = Keymap::default().help();
    // What a front end does: searches go to the worker, its answers come back as actions.
    let submit = |app: &mut App| {
        for effect in app.take_effects() {
            if let Effect::Search(request) = effect {
                worker.submit(request);
            }
        }
    };
    let settle = |app: &mut App| {
        while app.searching {
            let Some(response) = worker.recv_timeout(PATIENCE) else {
                break;
            };
            app.update(Action::Found(Box::new(response)));
        }
    };
    submit(&mut app);
    settle(&mut app);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    let theme = Theme::dark();
    let mut frames = Vec::new();
    let mut results = Vec::new();
    for _ in 0..ROUNDS {
        for script in SCRIPTS {
            let keys = script
                .chars()
                .map(Action::Insert)
                .chain(script.chars().map(|_| Action::Backspace));
            for key in keys {
                let start = Instant::now();
                app.update(key);
                submit(&mut app);
                if let Some(response) = worker.try_recv() {
                    app.update(Action::Found(Box::new(response)));
                }
                terminal
                    .draw(|frame| {
                        ui::draw(frame, &app, &theme);
                    })
                    .expect("draw");
                frames.push(start.elapsed());
                if app.searching {
                    if let Some(response) = worker.recv_timeout(PATIENCE) {
                        app.update(Action::Found(Box::new(response)));
                    }
                    terminal
                        .draw(|frame| {
                            ui::draw(frame, &app, &theme);
                        })
                        .expect("draw");
                }
                results.push(start.elapsed());
                // Let the full ranking finish, as it would between an analyst's keystrokes.
                settle(&mut app);
            }
        }
    }
    (frames, results)
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort_unstable();
    let at = |q: f64| {
        let i = ((times.len() as f64 - 1.0) * q).round() as usize;
        times[i]
    };
    eprintln!(
        "{what:<36} n={:<5} p50 {:>9.2?}  p90 {:>9.2?}  p99 {:>9.2?}  max {:>9.2?}",
        times.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
}
