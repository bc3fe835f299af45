//! The desk's costs on screen: a key press that marks or opens a collection of 1,000 quotes
//! (update and draw), a timeline over a million quotes, and what the desk adds to start-up.
//!
//! Run with `cargo bench --bench desk` (`SPOTLIGHT_BENCH_DESK_QUOTES=100000` for a smaller
//! timeline corpus). Prints p50 / p90 / p99 / max; the target for a key press is one frame
//! (16 ms), for start-up 5 ms.

#![allow(clippy::expect_used, missing_docs)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use spotlight::app::{Action, App, DeskUpdate, DeskView, Focus, Shelf};
use spotlight::desk::{Desk, Snapshot};
use spotlight::front::desk::{Delivery, DeskLink};
use spotlight::front::keymap::Keymap;
use spotlight::index::Index;
use spotlight::ui::{self, Theme};

mod common;

const RUNS: usize = 30;

fn main() {
    start_up();
    let index = Index::build(common::corpus(100_000));
    // As the browser's loader does once the full index is shown.
    index.prepare_ids();
    eprintln!("corpus: {} quotes", index.len());
    collections(&index);
    drop(index);
    let quotes = std::env::var("SPOTLIGHT_BENCH_DESK_QUOTES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let built = Instant::now();
    let index = Index::build(common::corpus(quotes));
    eprintln!(
        "corpus: {} quotes, built in {:.0?}",
        index.len(),
        built.elapsed()
    );
    timelines(&index);
}

/// A desk holding a collection of 1,000 fictional quotes and 100 notes.
fn full_desk(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("desk.sqlite");
    let mut desk = Desk::open(&path).expect("desk");
    let quotes: Vec<Snapshot> = (0..1000)
        .map(|i| Snapshot {
            quote: format!("fictional-piece-{i}/0000"),
            text: format!("fictional words {i}"),
            ..Snapshot::default()
        })
        .collect();
    desk.collect("a thousand", &quotes).expect("collected");
    for quote in &quotes[..100] {
        desk.set_note(quote, "a fictional note").expect("noted");
    }
    path
}

/// What the desk adds to start-up: opening it and reading it for the screen.
fn start_up() {
    let dir = tempfile::tempdir().expect("dir");
    let path = full_desk(dir.path());
    let mut times = Vec::new();
    for _ in 0..50 {
        let start = Instant::now();
        let mut link = DeskLink::new(Desk::open(&path).expect("open"), Delivery::Clipboard);
        let view = link.view().expect("read");
        times.push(start.elapsed());
        assert_eq!(view.collections[0].quotes.len(), 1000);
    }
    report("desk open + read (1,000 entries)", times);
    let mut times = Vec::new();
    for n in 0..50 {
        let start = Instant::now();
        let new = dir.path().join(format!("new-{n}.sqlite"));
        let mut link = DeskLink::new(Desk::open(&new).expect("open"), Delivery::Clipboard);
        link.view().expect("read");
        times.push(start.elapsed());
    }
    report("desk made on first start", times);
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| {
            ui::draw(frame, app, &Theme::dark());
        })
        .expect("drawn");
}

/// A key press: the update, then the frame it draws.
fn press(app: &mut App, terminal: &mut Terminal<TestBackend>, action: Action) -> Duration {
    let start = Instant::now();
    app.update(action);
    app.search_inline();
    draw(terminal, app);
    start.elapsed()
}

/// Marking every listed quote (1,000 of them), one more, and opening a 1,000-quote collection.
fn collections(index: &Arc<Index>) {
    let ids: Vec<String> = index
        .corpus
        .quotes
        .iter()
        .take(1000)
        .map(|q| q.id.clone())
        .collect();
    let desk = DeskView {
        collections: vec![Shelf {
            name: "a thousand".into(),
            quotes: ids,
        }],
        ..DeskView::default()
    };
    let (mut mark_all, mut mark, mut open) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let mut app = App::new(Arc::clone(index), 120, 40);
        app.keys_help = Keymap::default().help();
        app.update(Action::Desk(DeskUpdate(Arc::new(desk.clone()))));
        app.search_inline();
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        draw(&mut terminal, &app);
        // A list of 1,000 quotes: the collection itself, opened as the list.
        open.push(press(&mut app, &mut terminal, Action::Collections));
        let opened = press(&mut app, &mut terminal, Action::Open);
        *open.last_mut().expect("timed") += opened;
        assert_eq!(app.results.hits.len(), 1000);
        assert_eq!(app.focus, Focus::Results);
        mark_all.push(press(&mut app, &mut terminal, Action::MarkAll));
        assert_eq!(app.marks.len(), 1000);
        app.update(Action::ClearMarks);
        mark.push(press(&mut app, &mut terminal, Action::Mark));
    }
    report("open a 1,000-quote collection", open);
    report("mark all 1,000 listed", mark_all);
    report("mark one", mark);
    // Putting 1,000 marked quotes in a collection: the desk's write and read back.
    let dir = tempfile::tempdir().expect("dir");
    let mut times = Vec::new();
    let quotes: Vec<Snapshot> = index
        .corpus
        .quotes
        .iter()
        .take(1000)
        .map(|q| spotlight::export::snapshot(q, None, None))
        .collect();
    for n in 0..10 {
        let mut link = DeskLink::new(
            Desk::open(&dir.path().join(format!("{n}.sqlite"))).expect("open"),
            Delivery::Clipboard,
        );
        let start = Instant::now();
        link.apply(spotlight::app::DeskOp::Collect {
            name: "new".into(),
            quotes: quotes.clone(),
        })
        .expect("written");
        times.push(start.elapsed());
    }
    report("collect 1,000 (desk write + read)", times);
}

/// The timeline of every quote and of the busiest actor, opened and drawn.
fn timelines(index: &Arc<Index>) {
    let busiest = (0..index.corpus.actors.len())
        .max_by_key(|&a| index.by_actor.get(a).map_or(0, Vec::len))
        .unwrap_or(0);
    let (mut all, mut actor) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let mut app = App::new(Arc::clone(index), 120, 40);
        app.search_inline();
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        all.push(press(&mut app, &mut terminal, Action::Timeline));
        assert!(app.timeline.is_some());
        app.update(Action::Back);
        app.focus = Focus::Sidebar;
        app.sidebar.selected = app
            .sidebar
            .visible
            .iter()
            .position(|&a| a == busiest)
            .unwrap_or(0);
        actor.push(press(&mut app, &mut terminal, Action::Timeline));
    }
    report("timeline of every quote", all);
    report("timeline of the busiest actor", actor);
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort_unstable();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    eprintln!(
        "{what:<36} n={:<4} p50 {:>9.2?}  p90 {:>9.2?}  p99 {:>9.2?}  max {:>9.2?}",
        times.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
}
