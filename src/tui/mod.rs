//! The local terminal front-end: the event loop that turns terminal events into actions,
//! draws frames and carries out effects.

pub mod source;
pub mod terminal;

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::crossterm::{cursor::MoveTo, queue};

use self::source::Input;
use self::terminal::LocalTerminal;
use crate::app::{Action, App, Effect, RESULT_LIMIT};
pub use crate::front::config::Settings;
use crate::front::input::InputParser;
use crate::front::{action_of, effects};
use crate::index::Index;
use crate::search::worker::SearchWorker;
use crate::ui;

/// How long to wait for input while a search is running (its results are polled between).
const BUSY_TICK: Duration = Duration::from_millis(8);
/// How long to wait for input when idle; signals are noticed at this pace.
const IDLE_TICK: Duration = Duration::from_millis(250);

/// Loads the index on a thread of its own while the screen says `loading` (so a large corpus
/// never leaves the terminal blank), then runs the TUI over it until the user quits (`None`)
/// or a signal arrives (its number). A failed load gives the terminal back, then its error.
pub fn run<F>(load: F, loading: &str, settings: &Settings) -> io::Result<Option<u8>>
where
    F: FnOnce() -> anyhow::Result<Arc<Index>> + Send + 'static,
{
    let mut session = terminal::Session::start()?;
    let inputs = source::spawn()?;
    let mut parser = InputParser::new();
    let Some(index) = wait_for(load, loading, &mut session, &inputs, &mut parser, settings)? else {
        let signal = session.stop.load(Ordering::Relaxed);
        return Ok(u8::try_from(signal).ok().filter(|&s| s > 0));
    };
    let size = session.terminal.size()?;
    let worker = SearchWorker::spawn(Arc::clone(&index), RESULT_LIMIT);
    let mut app = App::new(index, size.width, size.height);
    app.keys_help = settings.keymap.help();
    app.bidi = settings.bidi;
    let mut dirty = true;
    while !app.quit && session.stop.load(Ordering::Relaxed) == 0 {
        let mut suspend = false;
        for effect in app.take_effects() {
            match effect {
                Effect::Search(request) => worker.submit(request),
                Effect::Copy(text) => effects::copy(&mut io::stdout(), &text)?,
                Effect::OpenLink(url) => {
                    effects::open_in_browser(&url);
                }
                Effect::Suspend => suspend = true,
            }
        }
        if suspend {
            session.suspend()?;
            // The window may have changed while the program was stopped.
            let size = session.terminal.size()?;
            app.update(Action::Resize {
                width: size.width,
                height: size.height,
            });
            dirty = true;
        }
        if dirty {
            draw(&mut session.terminal, &app, settings)?;
            dirty = false;
        }
        let mut tick = if app.searching { BUSY_TICK } else { IDLE_TICK };
        if let Some(due) = parser.deadline() {
            tick = tick.min(due.saturating_duration_since(Instant::now()));
        }
        let mut events = Vec::new();
        match inputs.recv_timeout(tick) {
            Ok(first) => {
                // Take everything already waiting before drawing again: a paste or fast
                // typing costs one frame, not one per key.
                for input in std::iter::once(first).chain(inputs.try_iter()) {
                    match input {
                        Input::Bytes(bytes) => events.extend(parser.feed(&bytes, Instant::now())),
                        Input::Resize => {
                            let size = ratatui::crossterm::terminal::size()?;
                            events.push(Event::Resize(size.0, size.1));
                        }
                        Input::Suspend => app.update(Action::Suspend),
                    }
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            // The terminal is gone (read error): nobody is left to draw for.
            Err(RecvTimeoutError::Disconnected) => break,
        }
        events.extend(parser.flush(Instant::now()));
        for event in events {
            if let Some(action) = action_of(event, &app, &settings.keymap) {
                app.update(action);
                dirty = true;
            }
        }
        if let Some(response) = worker.try_recv() {
            app.update(Action::Found(Box::new(response)));
            dirty = true;
        }
    }
    let signal = session.stop.load(Ordering::Relaxed);
    drop(session);
    Ok(u8::try_from(signal).ok().filter(|&s| s > 0))
}

/// Runs `load` on a thread while the loading frame shows; `None` when the user stopped it (q,
/// ctrl-c) or a signal came first.
fn wait_for<F>(
    load: F,
    message: &str,
    session: &mut terminal::Session,
    inputs: &std::sync::mpsc::Receiver<Input>,
    parser: &mut InputParser,
    settings: &Settings,
) -> io::Result<Option<Arc<Index>>>
where
    F: FnOnce() -> anyhow::Result<Arc<Index>> + Send + 'static,
{
    let (sender, loaded) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("spotlight-load".into())
        .spawn(move || {
            let _ = sender.send(load());
        })?;
    let draw_loading = |session: &mut terminal::Session| {
        session
            .terminal
            .draw(|frame| ui::draw_loading(frame, message, &settings.theme))
            .map(drop)
    };
    // A small corpus is ready before anyone could read the frame: no flash of it.
    let mut wait = Duration::from_millis(50);
    let mut shown = false;
    loop {
        match loaded.recv_timeout(wait) {
            Ok(Ok(index)) => return Ok(Some(index)),
            Ok(Err(error)) => return Err(io::Error::other(format!("{error:#}"))),
            Err(RecvTimeoutError::Timeout) if !shown => {
                draw_loading(session)?;
                (shown, wait) = (true, Duration::from_millis(20));
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                return Err(io::Error::other("the corpus could not be loaded"));
            }
        }
        if session.stop.load(Ordering::Relaxed) != 0 {
            return Ok(None);
        }
        for input in inputs.try_iter() {
            let events = match input {
                Input::Bytes(bytes) => parser.feed(&bytes, Instant::now()),
                Input::Resize => {
                    draw_loading(session)?;
                    Vec::new()
                }
                Input::Suspend => {
                    session.suspend()?;
                    draw_loading(session)?;
                    Vec::new()
                }
            };
            // Only quitting means anything before there is something to browse.
            let stop = events.into_iter().any(|event| match event {
                Event::Key(key) => settings.keymap.action(key, false) == Some(Action::Quit),
                _ => false,
            });
            if stop {
                return Ok(None);
            }
        }
    }
}

/// Draws one frame inside a synchronized update, so slow links never show half a frame, and
/// lays the source link over the status line as a clickable OSC 8 hyperlink.
fn draw(terminal: &mut LocalTerminal, app: &App, settings: &Settings) -> io::Result<()> {
    let mut out = io::stdout();
    queue!(out, BeginSynchronizedUpdate)?;
    let frame = terminal.draw(|frame| {
        ui::draw(frame, app, &settings.theme);
        let area = frame.area();
        if let Some(position) = ui::cursor(app, area.width, area.height) {
            frame.set_cursor_position(position);
        }
    })?;
    let area = frame.area;
    if let Some((row, column, link)) = ui::link_position(app, area.width, area.height) {
        let room = usize::from(area.width - column);
        if link.chars().count() <= room {
            if let Some(sequence) = effects::osc8(link, link) {
                queue!(out, MoveTo(column, row))?;
                out.write_all(sequence.as_bytes())?;
                // The link moved the cursor: put it back where the frame wants it.
                let backend = terminal.backend_mut();
                backend.forget_cursor();
                if let Some(position) = ui::cursor(app, area.width, area.height) {
                    backend.set_cursor_position(position)?;
                    backend.flush()?;
                }
            }
        }
    }
    queue!(out, EndSynchronizedUpdate)?;
    out.flush()
}
