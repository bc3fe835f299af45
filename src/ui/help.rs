//! The help overlay: every key from the keymap, the query syntax and the sidebar's markers.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::{Theme, overlay, screen_text};
use crate::app::App;
use crate::app::help::{self, MARKERS, SYNTAX};

/// Draws the overlay over `area`, scrolled down `scroll` rows.
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App, scroll: usize, theme: &Theme) {
    let width = area.width.min(help::WIDTH);
    let height = area.height;
    let popup = Rect::new(area.x + (area.width - width) / 2, area.y, width, height);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.focused)
        .title(Line::styled(" Keys \u{2014} Esc closes ", theme.title));
    let inner = overlay(frame, popup, block);
    let inner_width = usize::from(inner.width);
    // The key column is as wide as the widest keys and a space: a key never runs into its
    // description.
    let key_width = help::key_width(&app.keys_help, inner_width);
    let row = |key: &str, what: &str, key_style| {
        Line::from(vec![
            Span::styled(
                screen_text::fit(key, key_width.saturating_sub(1)),
                key_style,
            ),
            Span::raw(" "),
            Span::styled(
                screen_text::fit(what, inner_width.saturating_sub(key_width)),
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
    lines.extend(screen_text::wrap_styled(
        &[(MARKERS, theme.dim)],
        inner_width,
    ));
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
    let shown: Vec<Line<'static>> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
