//! One SSH session: its own [`App`] over the shared index, drawn into the client's channel.
//!
//! The session owns a ratatui terminal whose backend ([`WireBackend`]) writes the fewest
//! bytes it can into a buffer; after each frame the buffer (only the changed cells, wrapped
//! in a synchronized update) is sent as one channel message. Input bytes arrive from the
//! connection handler and go through the same [`Driver`] as the local terminal's.

use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::queue;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use russh::ChannelId;
use russh::keys::PublicKey;
use russh::server::Handle;
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, broadcast, mpsc};

use super::Shared;
use crate::app::{Action, App, Effect, Loaded, Reloaded};
use crate::front::desk::{Delivery, DeskLink};
use crate::front::driver::Driver;
use crate::front::effects;
use crate::front::outbox::Outbox;
use crate::front::wire::WireBackend;
use crate::ui::Theme;

/// Largest screen a client may ask for; bigger requests are capped.
pub const MAX_SIZE: (u16, u16) = (500, 200);

/// Bytes of input a session may have waiting unread. A client that types (or pastes) faster
/// than its session reads has the excess dropped, with a log line, instead of queued without
/// bound in the server's memory; a paste is capped at 1 MiB anyway.
pub const INPUT_BUDGET: u32 = 1 << 20;

/// What the connection handler passes to its session.
#[derive(Debug)]
pub enum Input {
    /// Bytes typed in the client's terminal, holding their share of [`INPUT_BUDGET`] until
    /// the session has read them.
    Bytes(Vec<u8>, OwnedSemaphorePermit),
    /// The client's window changed size (columns, rows).
    Resize(u32, u32),
}

/// `data` as input for a session, holding its share of `budget` (what is left of
/// [`INPUT_BUDGET`]); `None` when it does not fit, and the bytes are to be dropped.
#[must_use]
pub fn within_budget(budget: &Arc<Semaphore>, data: &[u8]) -> Option<Input> {
    let share = u32::try_from(data.len()).ok()?;
    let permit = Arc::clone(budget).try_acquire_many_owned(share).ok()?;
    Some(Input::Bytes(data.to_vec(), permit))
}

/// The terminal a session was opened with.
#[derive(Debug, Clone)]
pub struct Pty {
    /// `TERM` from the pty request.
    pub term: String,
    /// Columns and rows.
    pub size: (u32, u32),
}

/// A screen size from a pty request: capped, and 80x24 when the client sent none.
#[must_use]
pub fn screen_size(columns: u32, rows: u32) -> (u16, u16) {
    if columns == 0 || rows == 0 {
        return (80, 24);
    }
    let cap = |n: u32, max: u16| u16::try_from(n).unwrap_or(max).min(max);
    (cap(columns, MAX_SIZE.0), cap(rows, MAX_SIZE.1))
}

/// The styles for a client's `TERM`: no colour for `dumb`.
#[must_use]
pub fn theme_for(term: &str) -> Theme {
    if term == "dumb" || term.is_empty() {
        Theme::mono()
    } else {
        Theme::dark()
    }
}

/// Why a session ended, for the log and the last line the client sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// The client went away (channel closed, connection lost).
    Gone,
    /// No input for longer than the idle timeout.
    Idle,
    /// The server is stopping.
    Shutdown,
    /// The key the session logged in with was taken out of `authorized_keys` (SIGHUP).
    Revoked,
}

/// Runs one session until the user quits, the client goes, it idles out, its `key` is taken
/// out of `authorized_keys` or the server stops. Returns how it ended and how many bytes it
/// sent.
pub async fn run(
    shared: Arc<Shared>,
    handle: Handle,
    channel: ChannelId,
    pty: Pty,
    mut inbox: mpsc::UnboundedReceiver<Input>,
    mut shutdown: broadcast::Receiver<()>,
    key: Option<PublicKey>,
) -> (Ending, u64) {
    let mut keys_changed = shared.keys_changed.subscribe();
    let (width, height) = screen_size(pty.size.0, pty.size.1);
    let outbox = Outbox::default();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
    };
    let backend = WireBackend::new(outbox.clone(), width, height);
    let Ok(mut terminal) = Terminal::with_options(backend, options) else {
        return (Ending::Gone, 0);
    };
    let mut index = shared.index.subscribe();
    let mut app = App::new(Arc::clone(&index.borrow_and_update().index), width, height);
    app.keys_help = shared.keymap.help();
    // The search worker wakes the loop when it answers: a held frame goes out at once, not at
    // the next tick.
    let answered = Arc::new(Notify::new());
    let wake = Arc::clone(&answered);
    let driver = Driver::waking(
        app,
        shared.keymap.clone(),
        theme_for(&pty.term),
        Instant::now(),
        move || wake.notify_one(),
    );
    let mut driver = match key.as_ref().map(|key| desk_of(&shared.desks, key)) {
        Some(Ok(desk)) => driver.with_desk(DeskLink::new(desk, Delivery::Clipboard)),
        Some(Err(e)) => {
            tracing::warn!(error = %e, "desk not opened");
            let mut driver = driver;
            driver.warn(&format!("{e}: collections and notes are off"));
            driver
        }
        None => driver,
    };
    let mut sent = 0u64;
    let _ = queue!(
        outbox.clone(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    );
    let ending = loop {
        // A desk write or an export takes milliseconds: this worker's other sessions move to
        // another thread meanwhile.
        let effects = if driver.owes_desk_work() {
            tokio::task::block_in_place(|| driver.turn(Instant::now()))
        } else {
            driver.turn(Instant::now())
        };
        for effect in effects {
            // The clipboard travels to the client; a browser cannot be opened from here.
            if let Effect::Copy(text) = effect {
                let _ = outbox.clone().write_all(effects::osc52(&text).as_bytes());
            }
        }
        let _ = driver.draw_if_due(&mut terminal, Instant::now());
        let frame = outbox.take();
        if !frame.is_empty() {
            sent += frame.len() as u64;
            if handle.data(channel, frame).await.is_err() {
                break Ending::Gone;
            }
        }
        if driver.app().quit {
            break Ending::Quit;
        }
        let now = Instant::now();
        let idle_left = shared.idle_timeout.saturating_sub(driver.idle(now));
        if idle_left.is_zero() {
            break Ending::Idle;
        }
        tokio::select! {
            message = inbox.recv() => match message {
                Some(Input::Bytes(bytes, _budget)) => driver.feed(&bytes, Instant::now()),
                Some(Input::Resize(columns, rows)) => {
                    let (width, height) = screen_size(columns, rows);
                    driver.resize(&mut terminal, width, height);
                }
                None => break Ending::Gone,
            },
            _ = shutdown.recv() => break Ending::Shutdown,
            _ = keys_changed.recv() => {
                if key.as_ref().is_some_and(|key| !shared.allows(key)) {
                    break Ending::Revoked;
                }
            }
            () = answered.notified() => {}
            Ok(()) = index.changed() => {
                let shown = index.borrow_and_update().clone();
                match (shown.problem, shown.reload) {
                    (Some(why), _) => driver.warn(&why),
                    (None, None) => driver.act(Action::Loaded(Loaded(shown.index))),
                    (None, Some(summary)) => driver.act(Action::Reloaded(Reloaded {
                        index: Loaded(shown.index),
                        summary,
                    })),
                }
            }
            () = tokio::time::sleep(driver.tick(now).min(idle_left)) => {}
        }
    };
    if ending != Ending::Gone {
        let mut goodbye = outbox.clone();
        let _ = queue!(
            goodbye,
            DisableMouseCapture,
            DisableBracketedPaste,
            Show,
            LeaveAlternateScreen
        );
        let _ = write!(goodbye, "{}", farewell(ending, shared.idle_timeout));
        let bytes = outbox.take();
        sent += bytes.len() as u64;
        let _ = handle.data(channel, bytes).await;
        let _ = handle.exit_status_request(channel, 0).await;
        let _ = handle.eof(channel).await;
        let _ = handle.close(channel).await;
    }
    // Dropping the driver joins its search thread, which may be mid-search: not on a runtime
    // thread.
    drop(tokio::task::spawn_blocking(move || drop(driver)));
    (ending, sent)
}

/// The last line a client sees.
fn farewell(ending: Ending, idle: Duration) -> String {
    match ending {
        Ending::Quit | Ending::Gone => String::new(),
        Ending::Idle => format!(
            "spotlight: no input for {} s; session closed\r\n",
            idle.as_secs()
        ),
        Ending::Shutdown => "spotlight: server shutting down\r\n".to_string(),
        Ending::Revoked => {
            "spotlight: your key was removed from the server's authorized keys; session closed\r\n"
                .to_string()
        }
    }
}

/// The desk of the user whose key is `key`, in `dir`: one file per key, named by the key's
/// SHA-256 fingerprint (its `authorized_keys` comment is only a display name, and may repeat).
pub fn desk_of(
    dir: &std::path::Path,
    key: &PublicKey,
) -> Result<crate::desk::Desk, crate::desk::DeskError> {
    let fingerprint = key
        .fingerprint(russh::keys::ssh_key::HashAlg::Sha256)
        .to_string();
    let name: String = fingerprint
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    crate::desk::Desk::open(&dir.join(format!("{name}.sqlite")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_capped_and_zero_means_80x24() {
        assert_eq!(screen_size(0, 0), (80, 24));
        assert_eq!(screen_size(120, 0), (80, 24));
        assert_eq!(screen_size(100_000, 70_000), MAX_SIZE);
        assert_eq!(screen_size(132, 43), (132, 43));
    }

    #[test]
    fn dumb_terminals_get_no_colour() {
        assert_eq!(theme_for("dumb"), Theme::mono());
        assert_eq!(theme_for("xterm-256color"), Theme::dark());
    }

    #[test]
    fn input_beyond_the_budget_is_dropped_until_the_session_reads() {
        let budget = Arc::new(Semaphore::new(INPUT_BUDGET as usize));
        let chunk = vec![b'x'; 32 * 1024];
        let mut unread: Vec<Input> = (0..32)
            .map(|_| within_budget(&budget, &chunk).expect("within the budget"))
            .collect();
        // 1 MiB waiting: the next byte is refused, however small.
        assert!(within_budget(&budget, b"y").is_none());
        // The session reads one chunk: that much room comes back.
        unread.pop();
        let refill = within_budget(&budget, &chunk);
        assert!(refill.is_some());
        assert!(within_budget(&budget, b"y").is_none());
        drop(refill);
        drop(unread);
        assert!(within_budget(&budget, &chunk).is_some());
    }
}
