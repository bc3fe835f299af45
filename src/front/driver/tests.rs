//! A whole session through the driver on ratatui's `TestBackend`: no terminal, no tmux.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::corpus::Corpus;
use crate::index::Index;

/// A driver over the bundled corpus on an 80x24 test screen, started at `now`.
fn session(now: Instant) -> (Driver, Terminal<TestBackend>) {
    let index: Arc<Index> = Index::build(Corpus::bundled());
    let mut app = App::new(index, 80, 24);
    app.keys_help = Keymap::default().help();
    let driver = Driver::new(app, Keymap::default(), Theme::dark(), now);
    let terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    (driver, terminal)
}

/// Runs turns until no search is running, counting the frames drawn. The driver's clock
/// stays at `at` (a frame held for results is never let go by time, however slow the machine)
/// while the worker, a real thread, is given real time.
fn settle(driver: &mut Driver, terminal: &mut Terminal<TestBackend>, at: Instant) -> usize {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut frames = 0;
    loop {
        assert!(driver.turn(at).is_empty());
        frames += usize::from(driver.draw_if_due(terminal, at).expect("drawn"));
        if !driver.app().searching && !driver.dirty {
            return frames;
        }
        assert!(Instant::now() < deadline, "the search never finished");
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    buffer
        .content
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_first_frame_waits_for_the_opening_results_and_is_drawn_once() {
    let now = Instant::now();
    let (mut driver, mut terminal) = session(now);
    driver.turn(now);
    // Searching, within the first frame's wait: nothing drawn yet.
    assert!(driver.app().searching);
    assert!(!driver.draw_if_due(&mut terminal, now).expect("no error"));
    assert!(driver.tick(now) <= HELD);
    assert_eq!(settle(&mut driver, &mut terminal, now), 1);
    assert!(screen(&terminal).contains("/10"), "{}", screen(&terminal));
}

#[test]
fn a_key_and_its_results_cost_one_frame() {
    let start = Instant::now();
    let (mut driver, mut terminal) = session(start);
    settle(&mut driver, &mut terminal, start);
    driver.feed(b"a", start);
    assert_eq!(settle(&mut driver, &mut terminal, start), 1);
    let shown = screen(&terminal);
    assert!(shown.contains("> a"), "{shown}");
    // A burst of keys read at once is one frame too.
    driver.feed(b"meri", start);
    assert_eq!(settle(&mut driver, &mut terminal, start), 1);
    assert!(screen(&terminal).contains("5/10"), "{}", screen(&terminal));
}

#[test]
fn a_frame_held_past_its_wait_is_drawn_without_the_results() {
    let start = Instant::now();
    let (mut driver, mut terminal) = session(start);
    driver.turn(start);
    // Past the first frame's wait, the frame goes out even if the search has not answered.
    let late = start + FIRST_FRAME + Duration::from_millis(1);
    assert!(driver.draw_if_due(&mut terminal, late).expect("no error"));
    assert!(!driver.draw_if_due(&mut terminal, late).expect("no error"));
}

#[test]
fn effects_for_the_front_end_come_back_from_a_turn() {
    let (mut driver, mut terminal) = session(Instant::now());
    settle(&mut driver, &mut terminal, Instant::now());
    // Tab to the list, then y: a citation to copy; the search effects stay inside.
    driver.feed(b"\ty", Instant::now());
    let effects = driver.turn(Instant::now());
    assert!(
        matches!(effects.as_slice(), [Effect::Copy(text)] if text.contains("—")),
        "{effects:?}"
    );
    // ctrl-z asks the front end to suspend.
    driver.feed(b"\x1a", Instant::now());
    assert_eq!(driver.turn(Instant::now()), vec![Effect::Suspend]);
}

#[test]
fn idle_time_counts_from_the_last_input_and_an_esc_sets_the_tick() {
    let start = Instant::now();
    let (mut driver, mut terminal) = session(start);
    settle(&mut driver, &mut terminal, Instant::now());
    let later = start + Duration::from_secs(5);
    assert!(driver.idle(later) >= Duration::from_secs(5));
    driver.feed(b"x", later);
    assert_eq!(driver.idle(later), Duration::ZERO);
    settle(&mut driver, &mut terminal, Instant::now());
    // Nothing to do: the idle pace.
    assert_eq!(driver.tick(Instant::now()), IDLE);
    // A lone Esc waits for what may follow it, no longer than its timeout.
    let now = Instant::now();
    driver.feed(b"\x1b", now);
    assert!(driver.tick(now) < IDLE);
}

#[test]
fn a_resize_redraws_at_the_new_size() {
    let (mut driver, mut terminal) = session(Instant::now());
    settle(&mut driver, &mut terminal, Instant::now());
    driver.resize(&mut terminal, 120, 40);
    assert_eq!(settle(&mut driver, &mut terminal, Instant::now()), 1);
    assert!(
        screen(&terminal).contains("Actors"),
        "{}",
        screen(&terminal)
    );
}

#[test]
fn desk_work_is_announced_before_the_turn_that_does_it() {
    let now = Instant::now();
    let (driver, mut terminal) = session(now);
    let desk = crate::desk::Desk::in_memory().expect("a desk");
    let mut driver = driver.with_desk(crate::front::desk::DeskLink::new(
        desk,
        crate::front::desk::Delivery::Clipboard,
    ));
    settle(&mut driver, &mut terminal, now);
    // To the list, mark the quote, put it in a new collection `x`.
    driver.feed(b"\tmcx\r", now);
    assert!(driver.owes_desk_work());
    driver.turn(now);
    assert!(!driver.owes_desk_work());
    let shelves = &driver.app().desk.collections;
    assert_eq!(shelves.len(), 1);
    assert_eq!(shelves[0].name, "x");
}
