//! The help overlay's content and scrolling: the keymap's rows, the query syntax and the
//! sidebar's markers, in the overlay the body of the screen holds (at most 72 columns wide).

use super::wrap::wrap;
use super::{Action, App};

/// The query language in one screen.
pub const SYNTAX: [(&str, &str); 12] = [
    ("word", "fuzzy match, through romanizations"),
    ("'word", "exact word"),
    ("^start end$", "prefix, suffix"),
    ("!word", "without"),
    ("a | b", "either"),
    ("@name", "quotes by an actor (any spelling)"),
    ("@name+", "... and its members, fronts, channels"),
    ("date:2023-10", "a year, month, day or a..b range"),
    ("since: until:", "open-ended dates"),
    ("piece:words", "from pieces with these title words"),
    ("fig: via:telegram", "shown in a figure; by platform"),
    ("kind:term", "quoted terms instead of statements"),
];

/// The sidebar's kind markers.
pub const MARKERS: &str = "P person  M militia  F front group  C channel  S state body  \
                           B party  T think tank  O other  ? unknown";

/// The widest the overlay gets.
pub const WIDTH: u16 = 72;

/// The overlay's inner size (inside its border) on a body of `width` x `height`.
#[must_use]
pub fn inner_size(width: u16, height: u16) -> (usize, usize) {
    (
        usize::from(width.min(WIDTH).saturating_sub(2)),
        usize::from(height.saturating_sub(2)),
    )
}

/// The width of the key column: the widest key list, within half the overlay, plus a space.
#[must_use]
pub fn key_width(keys_help: &[(String, String)], inner_width: usize) -> usize {
    let widest = keys_help
        .iter()
        .map(|(keys, _)| super::display_width(keys))
        .chain(SYNTAX.iter().map(|(q, _)| super::display_width(q)))
        .max()
        .unwrap_or(0);
    (widest + 1).min(inner_width / 2)
}

/// How many rows the overlay's content takes at `inner_width`.
#[must_use]
pub fn rows(keys: usize, inner_width: usize) -> usize {
    keys + 2 + SYNTAX.len() + 2 + wrap(MARKERS, inner_width).len()
}

impl App {
    /// The overlay's scroll limit: its last row at the bottom of the overlay.
    fn help_max_scroll(&self) -> usize {
        let (width, height) = self
            .layout()
            .panes()
            .map_or((self.size.0, 0), |p| (p.body.width, p.body.height));
        let (inner_width, inner_height) = inner_size(width, height);
        rows(self.keys_help.len(), inner_width).saturating_sub(inner_height)
    }

    /// Keys while the overlay is open: it scrolls by line, page and to either end, within
    /// its content; Esc, Enter or the help key close it.
    pub(super) fn update_help(&mut self, action: &Action) {
        let max = self.help_max_scroll();
        let page = self
            .layout()
            .panes()
            .map_or(1, |p| usize::from(p.body.height.saturating_sub(3)).max(1));
        let Some(scroll) = self.help.as_mut() else {
            return;
        };
        *scroll = match action {
            Action::Help | Action::Back | Action::Open => {
                self.help = None;
                return;
            }
            Action::Up | Action::Scroll { up: true, .. } => scroll.saturating_sub(1),
            Action::Down | Action::Scroll { up: false, .. } => *scroll + 1,
            Action::PageUp => scroll.saturating_sub(page),
            Action::PageDown => *scroll + page,
            Action::First => 0,
            Action::Last => max,
            _ => *scroll,
        }
        .min(max);
    }
}
