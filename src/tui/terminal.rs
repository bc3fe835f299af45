//! Taking over the terminal and giving it back: raw mode, the alternate screen, mouse and
//! paste reporting on the way in; all of it undone on the way out, whatever the way out is
//! (return, error, panic, SIGTERM/SIGHUP/SIGINT).

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

/// The terminal while spotlight owns it; dropping it restores the terminal.
pub struct Session {
    /// The ratatui terminal.
    pub terminal: DefaultTerminal,
    /// The number of the signal that asked the program to end, or 0.
    pub stop: Arc<AtomicUsize>,
}

impl Session {
    /// Takes over the terminal. A panic from here on restores it before the message prints.
    pub fn start() -> io::Result<Self> {
        let stop = Arc::new(AtomicUsize::new(0));
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            let number = usize::try_from(signal).unwrap_or(0);
            signal_hook::flag::register_usize(signal, Arc::clone(&stop), number)?;
        }
        // ratatui's hook leaves raw mode and the alternate screen; ours, run first, turns off
        // what ratatui does not know we turned on.
        let terminal = ratatui::try_init()?;
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = undo_reporting();
            hook(info);
        }));
        let session = Self { terminal, stop };
        execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = undo_reporting();
        ratatui::restore();
    }
}

fn undo_reporting() -> io::Result<()> {
    let mut out = io::stdout();
    execute!(out, DisableMouseCapture, DisableBracketedPaste, Show)?;
    out.flush()
}
