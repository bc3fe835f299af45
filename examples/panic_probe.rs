//! A test probe, not a tool: takes over the terminal exactly as the TUI does, draws one line,
//! then panics, so the end-to-end tests can check that a panic gives the terminal back
//! (main screen, cursor, cooked mode, mouse reporting off) and that its message is readable.

use std::process::ExitCode;
use std::time::Duration;

use ratatui::widgets::Paragraph;
use spotlight::tui::terminal::Session;

fn main() -> ExitCode {
    let mut session = match Session::start() {
        Ok(session) => session,
        Err(e) => {
            eprintln!("panic_probe: cannot take over the terminal: {e}");
            return ExitCode::from(2);
        }
    };
    let _ = session.terminal.draw(|frame| {
        frame.render_widget(Paragraph::new("panic probe ready"), frame.area());
    });
    std::thread::sleep(Duration::from_millis(300));
    panic!("deliberate panic from the probe: the terminal must come back");
}
