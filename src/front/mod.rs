//! The front-end kit: what the local terminal and every SSH session share between a terminal
//! and [`App`] — the keymap and config file, the input parser, the byte-saving ratatui
//! backend and its in-memory outbox, the escape sequences of effects — and the one mapping
//! from terminal events to actions.

pub mod config;
pub mod desk;
pub mod driver;
pub mod effects;
pub mod input;
pub mod keymap;
pub mod outbox;
pub mod wire;

use ratatui::crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};

use self::keymap::Keymap;
use crate::app::{Action, App};

/// The action for a terminal event, if any: the one mapping from events to actions, for the
/// local terminal and SSH sessions alike.
pub fn action_of(event: Event, app: &App, keymap: &Keymap) -> Option<Action> {
    match event {
        Event::Key(key) => keymap.action(key, app.typing()),
        Event::Mouse(MouseEvent {
            kind, column, row, ..
        }) => match kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                up: true,
                column,
                row,
            }),
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                up: false,
                column,
                row,
            }),
            _ => None,
        },
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::FocusGained | Event::FocusLost => None,
    }
}
