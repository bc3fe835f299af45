//! The local terminal front-end: taking the terminal over, the loading frame, and the loop
//! that feeds the [`Driver`] with the tty's bytes, window changes and signals, and carries
//! out what only a local terminal can (the clipboard on standard output, a browser, Ctrl-Z).

pub mod source;
pub mod terminal;

use std::cell::Cell;
use std::io;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::Event;

use self::source::Input;
use crate::app::{Action, App, Effect, Loaded, Reloaded};
pub use crate::front::config::Settings;
use crate::front::desk::DeskLink;
use crate::front::driver::Driver;
use crate::front::effects;
use crate::front::input::InputParser;
use crate::index::Index;
use crate::store::{News, Reload};
use crate::ui;

/// Loads the index on a thread of its own while the screen says `loading` (so a large corpus
/// never leaves the terminal blank), then runs the TUI over it until the user quits (`None`)
/// or a signal arrives (its number). `load` tells what it has as it goes (see
/// [`crate::store::browse_and_follow`]): a first index from the image, the full one, then the
/// corpus read again whenever it changes; the TUI starts on the first and moves to each next.
/// A failed load gives the terminal back, then its error. `desk` is the user's desk, or why
/// it could not be opened (said in the status line; browsing goes on without one).
pub fn run<F>(
    load: F,
    loading: &str,
    settings: &Settings,
    desk: Result<DeskLink, String>,
) -> io::Result<Option<u8>>
where
    F: FnOnce(&dyn Fn(News) -> bool) -> anyhow::Result<()> + Send + 'static,
{
    let mut session = terminal::Session::start()?;
    let (news, inputs) = source::spawn()?;
    spawn_loader(load, news)?;
    let mut parser = InputParser::new();
    let Some(index) = wait_for(loading, &mut session, &inputs, &mut parser, settings)? else {
        let signal = session.stop.load(Ordering::Relaxed);
        return Ok(u8::try_from(signal).ok().filter(|&s| s > 0));
    };
    let size = session.terminal.size()?;
    let mut app = App::new(index, size.width, size.height);
    app.keys_help = settings.keymap.help();
    app.bidi = settings.bidi;
    let driver = Driver::new(app, settings.keymap.clone(), settings.theme, Instant::now());
    let mut driver = match desk {
        Ok(desk) => driver.with_desk(desk),
        Err(why) => {
            let mut driver = driver;
            driver.warn(&why);
            driver
        }
    };
    while !driver.app().quit && session.stop.load(Ordering::Relaxed) == 0 {
        let mut suspend = false;
        for effect in driver.turn(Instant::now()) {
            match effect {
                Effect::Copy(text) => effects::copy(&mut io::stdout(), &text)?,
                Effect::OpenLink(url) => {
                    effects::open_in_browser(&url);
                }
                Effect::Suspend => suspend = true,
                Effect::Search(_) | Effect::Desk(_) | Effect::Export { .. } => {}
            }
        }
        if suspend {
            session.suspend()?;
            // The window may have changed while the program was stopped.
            let size = session.terminal.size()?;
            driver.act(Action::Resize {
                width: size.width,
                height: size.height,
            });
            continue;
        }
        driver.draw_if_due(&mut session.terminal, Instant::now())?;
        match inputs.recv_timeout(driver.tick(Instant::now())) {
            Ok(first) => {
                // Take everything already waiting before drawing again: a paste or fast
                // typing costs one frame, not one per key.
                for input in std::iter::once(first).chain(inputs.try_iter()) {
                    match input {
                        Input::Bytes(bytes) => driver.feed(&bytes, Instant::now()),
                        Input::Resize => {
                            let (width, height) = ratatui::crossterm::terminal::size()?;
                            driver.act(Action::Resize { width, height });
                        }
                        Input::Suspend => driver.act(Action::Suspend),
                        Input::Loaded(loaded) => driver.act(Action::Loaded(loaded)),
                        Input::Reloaded(reloaded) => driver.act(Action::Reloaded(reloaded)),
                        Input::Failed(error) => driver.warn(&error),
                    }
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            // The terminal is gone (read error): nobody is left to draw for.
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    let signal = session.stop.load(Ordering::Relaxed);
    drop(session);
    Ok(u8::try_from(signal).ok().filter(|&s| s > 0))
}

/// Runs `load` on a thread of its own; what it brings (a first index, the full one, reloads,
/// or why it failed) comes with the terminal's input.
fn spawn_loader<F>(load: F, news: Sender<Input>) -> io::Result<()>
where
    F: FnOnce(&dyn Fn(News) -> bool) -> anyhow::Result<()> + Send + 'static,
{
    std::thread::Builder::new()
        .name("spotlight-load".into())
        .spawn(move || {
            let started = Cell::new(false);
            let tell = |told: News| {
                let input = match told {
                    News::Index(index) => {
                        started.set(true);
                        Input::Loaded(Loaded(index))
                    }
                    News::Reload(Reload::Read { index, summary }) => Input::Reloaded(Reloaded {
                        index: Loaded(index),
                        summary,
                    }),
                    News::Reload(Reload::Failed(why)) => Input::Failed(why),
                };
                news.send(input).is_ok()
            };
            if let Err(error) = load(&tell) {
                let why = if started.get() {
                    format!(
                        "the corpus could not be read in full ({error:#}): what is shown may be incomplete"
                    )
                } else {
                    format!("{error:#}")
                };
                let _ = news.send(Input::Failed(why));
            }
        })?;
    Ok(())
}

/// Shows the loading frame until the loader brings a first index; `None` when the user
/// stopped it (q, ctrl-c) or a signal came first.
fn wait_for(
    message: &str,
    session: &mut terminal::Session,
    inputs: &Receiver<Input>,
    parser: &mut InputParser,
    settings: &Settings,
) -> io::Result<Option<Arc<Index>>> {
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
        let input = match inputs.recv_timeout(wait) {
            Ok(input) => input,
            Err(RecvTimeoutError::Timeout) => {
                if !shown {
                    draw_loading(session)?;
                    (shown, wait) = (true, Duration::from_millis(20));
                }
                if session.stop.load(Ordering::Relaxed) != 0 {
                    return Ok(None);
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(io::Error::other("the corpus could not be loaded"));
            }
        };
        if session.stop.load(Ordering::Relaxed) != 0 {
            return Ok(None);
        }
        let events = match input {
            Input::Loaded(Loaded(index)) => return Ok(Some(index)),
            // Not before there is a first index.
            Input::Reloaded(_) => Vec::new(),
            Input::Failed(error) => return Err(io::Error::other(error)),
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
