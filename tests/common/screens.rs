//! What the rendered-frame snapshot tests share: typing, drawing an app on a test terminal,
//! and the `screen!` snapshot macro.

#![allow(dead_code, clippy::expect_used)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use spotlight::app::{Action, App};
use spotlight::ui::{self, Theme};

/// The actions of typing `text`.
pub fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Insert).collect()
}

/// `app` drawn on a test terminal of its size, dark theme.
pub fn render(app: &App) -> Terminal<TestBackend> {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| {
            ui::draw(frame, app, &Theme::dark());
        })
        .expect("drawn");
    terminal
}

/// Snapshots the screen of an app under a name.
#[macro_export]
macro_rules! screen {
    ($name:literal, $app:expr) => {
        insta::assert_snapshot!($name, screens::render(&$app).backend());
    };
}
