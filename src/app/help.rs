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

/// An overlay's scroll after `action`, within `0..=max`, `page` rows a page; `None` when the
/// action closes it (Esc, Enter, or `closer`, the key that opened it).
fn scrolled(
    scroll: usize,
    action: &Action,
    closer: &Action,
    page: usize,
    max: usize,
) -> Option<usize> {
    let next = match action {
        Action::Back | Action::Open => return None,
        _ if action == closer => return None,
        Action::Up | Action::Scroll { up: true, .. } => scroll.saturating_sub(1),
        Action::Down | Action::Scroll { up: false, .. } => scroll + 1,
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll + page,
        Action::First => 0,
        Action::Last => max,
        _ => scroll,
    };
    Some(next.min(max))
}

impl App {
    /// The overlays' inner size on this screen.
    fn overlay_size(&self) -> (usize, usize) {
        let (width, height) = self
            .layout()
            .panes()
            .map_or((self.size.0, 0), |p| (p.body.width, p.body.height));
        inner_size(width, height)
    }

    /// Keys while the help overlay is open: it scrolls by line, page and to either end,
    /// within its content; Esc, Enter or the help key close it.
    pub(super) fn update_help(&mut self, action: &Action) {
        let (inner_width, inner_height) = self.overlay_size();
        let max = rows(self.keys_help.len(), inner_width).saturating_sub(inner_height);
        let page = inner_height.saturating_sub(1).max(1);
        self.help = self
            .help
            .and_then(|scroll| scrolled(scroll, action, &Action::Help, page, max));
    }

    /// Keys while the corpus problems are listed, as for the help overlay.
    pub(super) fn update_problems(&mut self, action: &Action) {
        let (_, inner_height) = self.overlay_size();
        let max = self
            .index
            .corpus
            .problems
            .len()
            .saturating_sub(inner_height);
        let page = inner_height.saturating_sub(1).max(1);
        self.problems = self
            .problems
            .and_then(|scroll| scrolled(scroll, action, &Action::Problems, page, max));
    }
}
