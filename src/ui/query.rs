//! The query line: the prompt, the text being typed and the match count.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;

use super::{Theme, pane, screen_text};
use crate::app::{App, Focus, cluster_width, display_width};

const PROMPT: &str = "> ";

/// Draws the query line in `area` (a bordered box when `full`).
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme, full: bool) {
    let count = count(app);
    let focused = app.focus == Focus::Query || app.prompt.is_some();
    let (label, text, cursor) = field(app);
    let title = if app.prompt.is_some() {
        " Desk "
    } else {
        " Search "
    };
    let inner = if full {
        let block = pane(title, focused, theme)
            .title_top(Line::styled(format!(" {count} "), theme.dim).right_aligned());
        let inner = block.inner(area);
        frame.render_widget(block, area);
        inner
    } else {
        area
    };
    let count_width = if full { 0 } else { display_width(&count) + 1 };
    let label = screen_text::clip(&label, usize::from(inner.width) / 2);
    let room = usize::from(inner.width).saturating_sub(display_width(&label) + count_width);
    let (shown, _) = visible_query(text, cursor, room);
    let prompt_style = if app.prompt.is_some() {
        theme.matched
    } else if app.results.messages.is_empty() {
        theme.title
    } else {
        theme.error
    };
    let used = display_width(&label) + display_width(shown);
    let mut spans = vec![
        Span::styled(label, prompt_style),
        Span::raw(screen_text::sanitize(shown).into_owned()),
    ];
    if !full {
        let pad = usize::from(inner.width).saturating_sub(used + display_width(&count));
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(count, theme.dim));
    }
    let line_area = Rect {
        height: inner.height.min(1),
        ..inner
    };
    frame.render_widget(Paragraph::new(Line::from(spans)), line_area);
}

/// Where the cursor goes in the query line.
pub fn cursor(area: Rect, app: &App, full: bool) -> Option<Position> {
    let inner = if full {
        Rect::new(
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            area.height.saturating_sub(2),
        )
    } else {
        area
    };
    if inner.width == 0 || inner.height == 0 {
        return None;
    }
    let count_width = if full {
        0
    } else {
        display_width(&count(app)) + 1
    };
    let (label, text, cursor) = field(app);
    let label = display_width(&screen_text::clip(&label, usize::from(inner.width) / 2));
    let room = usize::from(inner.width).saturating_sub(label + count_width);
    let (_, column) = visible_query(text, cursor, room);
    let x = usize::from(inner.x) + label + column;
    let x = u16::try_from(x).ok()?.min(inner.x + inner.width - 1);
    Some(Position::new(x, inner.y))
}

/// `12/340`: matching quotes out of all, with `…` while the ranking is still coming.
fn count(app: &App) -> String {
    let all = app.index.len();
    let more = if app.searching { "\u{2026}" } else { "" };
    format!("{}/{all}{more}", app.results.total)
}

/// The line's label, text and cursor: a prompt's when one is open, else the query's.
fn field(app: &App) -> (String, &str, usize) {
    match &app.prompt {
        Some(prompt) => (prompt.label(), prompt.answer.text(), prompt.answer.cursor()),
        None => (PROMPT.to_string(), app.query.text(), app.query.cursor()),
    }
}

/// The part of `text` that fits in `room` columns with the cursor in it, and the cursor's
/// column within that part.
fn visible_query(text: &str, cursor: usize, room: usize) -> (&str, usize) {
    let room = room.max(1);
    // Back from the cursor while its column stays inside the room: one pass, whatever the
    // length of the query (a 10 KB paste included).
    let (mut start, mut column) = (cursor, 0);
    for (at, cluster) in text[..cursor].grapheme_indices(true).rev() {
        let width = cluster_width(cluster);
        if column + width >= room {
            break;
        }
        column += width;
        start = at;
    }
    let (mut end, mut used) = (start, 0);
    for (at, cluster) in text[start..].grapheme_indices(true) {
        let width = cluster_width(cluster);
        if used + width > room {
            break;
        }
        used += width;
        end = start + at + cluster.len();
    }
    (&text[start..end.max(cursor)], column)
}
