//! The loop step both front ends run, written once: input → actions → update → effects → one
//! synchronized frame, with one policy for when to draw and how long to wait.
//!
//! A front end keeps only what is its own: where bytes come from (the local tty thread, an SSH
//! channel), how it waits for them (blocking or async), and the effects only it can carry out
//! (suspending, a browser, the clipboard's way out). [`Driver`] does the rest over any ratatui
//! backend that can frame its output ([`Screen`]), so a whole session runs in a test on
//! ratatui's `TestBackend`.

use std::io;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::layout::{Position, Rect};

use super::action_of;
use super::desk::{Delivered, DeskLink};
use super::effects::osc8;
use super::input::InputParser;
use super::keymap::Keymap;
use super::wire::WireBackend;
use crate::app::{Action, App, DeskUpdate, Effect, RESULT_LIMIT};
use crate::search::worker::SearchWorker;
use crate::ui::{self, Drawn, Theme};

/// How long a keystroke's frame may wait for the results of the search it started: the echo of
/// the key and its results then cost one frame, not two.
pub const COALESCE: Duration = Duration::from_millis(12);
/// How long the first frame may wait for the opening results (the whole corpus), or the
/// screen would be drawn twice. It goes out with their first screenful, not waiting for the
/// full ranking, which on a large corpus comes a moment later.
pub const FIRST_FRAME: Duration = Duration::from_millis(100);
/// How often a held frame looks whether its results came.
const HELD: Duration = Duration::from_millis(1);
/// How long to wait for input while a search runs (its answers are taken between).
const BUSY: Duration = Duration::from_millis(8);
/// How long to wait for input when nothing runs: signals and timeouts are noticed at this pace.
const IDLE: Duration = Duration::from_millis(250);

/// A ratatui backend a driver draws frames on: a frame is one synchronized update, and the
/// status line's link can be overlaid as an OSC 8 hyperlink.
pub trait Screen: Backend {
    /// Opens a frame: the terminal shows nothing of it until [`Screen::end_frame`].
    fn begin_frame(&mut self) -> io::Result<()>;
    /// Closes a frame and sends it.
    fn end_frame(&mut self) -> io::Result<()>;
    /// Makes the text at `at` a hyperlink to `url` (the text is the link itself), then puts
    /// the cursor back at `cursor`.
    fn link(&mut self, at: Position, url: &str, cursor: Option<Position>) -> io::Result<()>;
    /// The terminal is now `width` x `height` (a fixed-size screen: an SSH client's window).
    fn set_size(&mut self, width: u16, height: u16);
}

impl<W: io::Write> Screen for WireBackend<W> {
    fn begin_frame(&mut self) -> io::Result<()> {
        self.raw(b"\x1b[?2026h");
        Ok(())
    }

    fn end_frame(&mut self) -> io::Result<()> {
        self.raw(b"\x1b[?2026l");
        Backend::flush(self)
    }

    fn link(&mut self, at: Position, url: &str, cursor: Option<Position>) -> io::Result<()> {
        let Some(sequence) = osc8(url, url) else {
            return Ok(());
        };
        self.raw(format!("\x1b[{};{}H", at.y + 1, at.x + 1).as_bytes());
        self.raw(sequence.as_bytes());
        // The link moved the cursor: put it back where the frame wants it.
        self.forget_cursor();
        match cursor {
            Some(position) => self.set_cursor_position(position),
            None => Ok(()),
        }
    }

    fn set_size(&mut self, width: u16, height: u16) {
        self.resize(width, height);
    }
}

impl Screen for TestBackend {
    fn begin_frame(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn end_frame(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn link(&mut self, _: Position, _: &str, _: Option<Position>) -> io::Result<()> {
        Ok(())
    }

    fn set_size(&mut self, width: u16, height: u16) {
        self.resize(width, height);
    }
}

/// One session of the application: its state, the input parser and search worker that feed
/// it, and when its screen is due.
pub struct Driver {
    app: App,
    keymap: Keymap,
    theme: Theme,
    parser: InputParser,
    worker: SearchWorker,
    /// Whether the screen is out of date.
    dirty: bool,
    /// Until when a due frame waits for the results of the newest search.
    hold_until: Instant,
    /// No frame drawn yet: the first waits only for the opening results' first answer.
    opening: bool,
    /// An answer to the newest search came since the last input.
    answered: bool,
    last_input: Instant,
    /// The user's desk, when the session has one.
    desk: Option<DeskLink>,
}

impl Driver {
    /// A session for `app` (its size, help and bidi already set), keys read with `keymap`,
    /// drawn with `theme`; `now` starts the clock of its first frame and of its idle time.
    #[must_use]
    pub fn new(app: App, keymap: Keymap, theme: Theme, now: Instant) -> Self {
        Self::waking(app, keymap, theme, now, || {})
    }

    /// Like [`Self::new`], with `wake` called whenever a search answers, so a front end that
    /// sleeps between turns takes the answer (and draws its frame) at once.
    #[must_use]
    pub fn waking(
        app: App,
        keymap: Keymap,
        theme: Theme,
        now: Instant,
        wake: impl Fn() + Send + 'static,
    ) -> Self {
        let worker = SearchWorker::spawn_waking(RESULT_LIMIT, wake);
        Self {
            app,
            keymap,
            theme,
            parser: InputParser::new(),
            worker,
            dirty: true,
            hold_until: now + FIRST_FRAME,
            opening: true,
            answered: false,
            last_input: now,
            desk: None,
        }
    }

    /// Gives the session its user's desk: read now, and kept in step from then on.
    #[must_use]
    pub fn with_desk(mut self, mut desk: DeskLink) -> Self {
        match desk.view() {
            Ok(view) => self.act(Action::Desk(DeskUpdate(view))),
            Err(e) => self.warn(&e.to_string()),
        }
        self.desk = Some(desk);
        self
    }

    /// The application state.
    #[must_use]
    pub fn app(&self) -> &App {
        &self.app
    }

    /// Bytes from the terminal, read at `now`: parsed into events, mapped to actions, applied.
    pub fn feed(&mut self, bytes: &[u8], now: Instant) {
        self.last_input = now;
        self.hold_until = now + COALESCE;
        self.answered = false;
        for event in self.parser.feed(bytes, now) {
            if let Some(action) = action_of(event, &self.app, &self.keymap) {
                self.act(action);
            }
        }
    }

    /// Applies an action that did not come from the input bytes (a resize, a signal).
    pub fn act(&mut self, action: Action) {
        self.app.update(action);
        self.dirty = true;
    }

    /// Puts a problem the front end met (not an action of the user's) in the status line.
    pub fn warn(&mut self, text: &str) {
        self.app.notice = Some(crate::app::Notice {
            text: text.to_string(),
            error: true,
        });
        self.dirty = true;
    }

    /// A fixed-size screen (an SSH client's window) is now `width` x `height`.
    pub fn resize<B: Screen>(&mut self, terminal: &mut Terminal<B>, width: u16, height: u16) {
        terminal.backend_mut().set_size(width, height);
        let _ = terminal.resize(Rect::new(0, 0, width, height));
        self.act(Action::Resize { width, height });
    }

    /// Whether the next [`Self::turn`] writes the desk or exports: milliseconds of SQLite
    /// (with a full sync) or of formatting, which an async front end runs off its workers.
    #[must_use]
    pub fn owes_desk_work(&self) -> bool {
        self.app
            .pending_effects()
            .iter()
            .any(|e| matches!(e, Effect::Desk(_) | Effect::Export { .. }))
    }

    /// One turn of the loop at `now`: input whose time has come (a lone Esc, a paste that
    /// never closed), the search worker's newest answer, and the effects asked for. Searches
    /// go to the worker; the other effects are the front end's to carry out.
    pub fn turn(&mut self, now: Instant) -> Vec<Effect> {
        for event in self.parser.flush(now) {
            if let Some(action) = action_of(event, &self.app, &self.keymap) {
                self.act(action);
            }
        }
        if let Some(response) = self.worker.try_recv() {
            self.answered = true;
            self.act(Action::Found(Box::new(response)));
        }
        if let Some(changed) = self.desk.as_mut().and_then(DeskLink::changed) {
            self.desk_read(changed);
        }
        let mut others = Vec::new();
        for effect in self.app.take_effects() {
            match effect {
                Effect::Search(request) => self.worker.submit(request),
                Effect::Desk(op) => match self.desk.as_mut() {
                    Some(desk) => {
                        let read = desk.apply(op);
                        self.desk_read(read);
                    }
                    None => self.warn("no desk in this session: collections and notes are off"),
                },
                Effect::Export {
                    format,
                    title,
                    quotes,
                } => others.extend(self.export(format, &title, &quotes)),
                other => others.push(other),
            }
        }
        others
    }

    /// Takes in the desk as read, or says why it could not be.
    fn desk_read(
        &mut self,
        read: Result<std::sync::Arc<crate::app::DeskView>, crate::desk::DeskError>,
    ) {
        match read {
            Ok(view) => self.act(Action::Desk(DeskUpdate(view))),
            Err(e) => self.warn(&e.to_string()),
        }
    }

    /// Carries out an export; a clipboard copy goes back to the front end as an effect.
    fn export(
        &mut self,
        format: crate::export::Format,
        title: &str,
        quotes: &[String],
    ) -> Option<Effect> {
        let Some(desk) = self.desk.as_ref() else {
            self.warn("no desk in this session: export is off");
            return None;
        };
        let index = std::sync::Arc::clone(&self.app.index);
        let n = quotes.len();
        let plural = if n == 1 { "" } else { "s" };
        match desk.export(&index, &self.app.desk, format, title, quotes) {
            Ok(Delivered::File(path)) => {
                self.say(&format!("exported {n} quote{plural} to {}", path.display()));
                None
            }
            Ok(Delivered::Copy(text)) => {
                self.say(&format!(
                    "exported {n} quote{plural} to the clipboard ({} KB, OSC 52)",
                    text.len().div_ceil(1024)
                ));
                Some(Effect::Copy(text))
            }
            Ok(Delivered::TooLarge(bytes)) => {
                self.warn(&format!(
                    "the export is {} KB, more than a terminal's clipboard takes (100 KB): \
                     export fewer quotes, or use `spotlight export` on the server",
                    bytes.div_ceil(1024)
                ));
                None
            }
            Err(e) => {
                self.warn(&format!("export failed: {e}"));
                None
            }
        }
    }

    /// Puts a message (not a problem) in the status line.
    fn say(&mut self, text: &str) {
        self.app.notice = Some(crate::app::Notice {
            text: text.to_string(),
            error: false,
        });
        self.dirty = true;
    }

    /// Draws a frame if the screen changed and is not waiting for results; true when it drew.
    pub fn draw_if_due<B: Screen>(
        &mut self,
        terminal: &mut Terminal<B>,
        now: Instant,
    ) -> io::Result<bool> {
        if !self.dirty || self.held(now) {
            return Ok(false);
        }
        self.dirty = false;
        self.opening = false;
        terminal.backend_mut().begin_frame()?;
        let mut drawn = Drawn::default();
        let frame = terminal
            .draw(|frame| drawn = ui::draw(frame, &self.app, &self.theme))
            .map_err(|e| io::Error::other(e.to_string()))?;
        if let (Some(at), Some(url)) = (drawn.link, self.app.link.as_deref()) {
            let room = usize::from(frame.area.width.saturating_sub(at.x));
            if url.chars().count() <= room {
                terminal.backend_mut().link(at, url, drawn.cursor)?;
            }
        }
        terminal.backend_mut().end_frame()?;
        Ok(true)
    }

    /// Forgets what the terminal shows: the next frame is drawn whole (after a suspend).
    pub fn redraw(&mut self) {
        self.dirty = true;
    }

    /// How long the front end may wait for input before the next turn: a held frame looks
    /// often, a running search less often, an idle screen four times a second; never past a
    /// pending input deadline.
    #[must_use]
    pub fn tick(&self, now: Instant) -> Duration {
        let tick = if self.dirty && self.held(now) {
            HELD.min(self.hold_until.saturating_duration_since(now))
        } else if self.app.searching {
            BUSY
        } else {
            IDLE
        };
        match self.parser.deadline() {
            Some(due) => tick.min(due.saturating_duration_since(now)),
            None => tick,
        }
    }

    /// Whether a due frame waits for the newest search's results.
    fn held(&self, now: Instant) -> bool {
        self.app.searching && now < self.hold_until && !(self.opening && self.answered)
    }

    /// How long since the last input.
    #[must_use]
    pub fn idle(&self, now: Instant) -> Duration {
        now.saturating_duration_since(self.last_input)
    }
}

#[cfg(test)]
mod tests;
