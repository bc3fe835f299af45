//! Taking over the terminal and giving it back: raw mode, the alternate screen, mouse and
//! paste reporting on the way in; all of it undone exactly once on the way out, whatever the
//! way out is (return, error, panic, SIGTERM/SIGHUP/SIGINT) — and for the time of a suspend
//! (Ctrl-Z, SIGTSTP), taken again on `fg`.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use ratatui::Terminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};

use crate::front::wire::WireBackend;

/// The local terminal: ratatui over standard output, drawn with few bytes (the local TUI is
/// often run over plain `ssh`).
pub type LocalTerminal = Terminal<WireBackend<io::Stdout>>;

/// Whether the terminal is taken over and not yet given back. Restoring twice would be
/// harmful, not idle: leaving the alternate screen again moves the cursor back over a panic
/// message printed in between.
static TAKEN: AtomicBool = AtomicBool::new(false);

/// The terminal while spotlight owns it; dropping it restores the terminal.
pub struct Session {
    /// The ratatui terminal.
    pub terminal: LocalTerminal,
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
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            hook(info);
        }));
        let taken = take().and_then(|()| Terminal::new(WireBackend::local(io::stdout())));
        match taken {
            Ok(terminal) => Ok(Self { terminal, stop }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Session {
    /// Gives the terminal back and stops the process, as a shell's Ctrl-Z would; once it is
    /// continued (`fg`), takes the terminal again and clears it so the next frame is whole.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        // Stops here until SIGCONT.
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
        take()?;
        self.terminal.clear()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode, the alternate screen, mouse and paste reporting.
fn take() -> io::Result<()> {
    enable_raw_mode()?;
    TAKEN.store(true, Ordering::SeqCst);
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Gives the terminal back if it is still taken: reporting off, cursor shown, then raw mode
/// off and the main screen back.
fn restore() {
    if TAKEN.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste, Show);
        let _ = ratatui::try_restore();
        let _ = out.flush();
    }
}
