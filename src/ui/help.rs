//! The help overlay: every key from the keymap, the query syntax and the sidebar's markers.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::{Theme, overlay, text};
use crate::app::App;

/// The query language in one screen.
const SYNTAX: [(&str, &str); 12] = [
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
const MARKERS: &str = "P person  M militia  F front group  C channel  S state body  B party  \
                       T think tank  O other  ? unknown";

/// Draws the overlay over `area`, scrolled down `scroll` rows.
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App, scroll: usize, theme: &Theme) {
    let width = area.width.min(72);
    let height = area.height;
    let popup = Rect::new(area.x + (area.width - width) / 2, area.y, width, height);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.focused)
        .title(Line::styled(" Keys \u{2014} Esc closes ", theme.title));
    let inner = overlay(frame, popup, block);
    let inner_width = usize::from(inner.width);
    let key_width = 20.min(inner_width / 2);
    let row = |key: &str, what: &str, key_style| {
        Line::from(vec![
            Span::styled(text::fit(key, key_width), key_style),
            Span::styled(
                text::fit(what, inner_width.saturating_sub(key_width + 1)),
                theme.dim,
            ),
        ])
    };
    let mut lines: Vec<Line<'static>> = app
        .keys_help
        .iter()
        .map(|(keys, what)| row(keys, what, theme.title))
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled("Query syntax", theme.heading));
    lines.extend(SYNTAX.iter().map(|(q, what)| row(q, what, theme.matched)));
    lines.push(Line::default());
    lines.push(Line::styled("Actor markers", theme.heading));
    lines.extend(text::wrap_styled(&[(MARKERS, theme.dim)], inner_width));
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
    let shown: Vec<Line<'static>> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
