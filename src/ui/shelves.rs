//! The list of collections: name and size, the selected one highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, screen_text, titled_overlay};
use crate::app::App;

/// Draws the list over `area`, row `selected` highlighted.
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App, selected: usize, theme: &Theme) {
    let title = " Collections \u{2014} Enter opens, r renames, d deletes, Esc closes ";
    let inner = titled_overlay(frame, area, title, theme);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height).max(1);
    let offset = (selected + 1).saturating_sub(rows);
    let lines: Vec<Line<'static>> = app
        .desk
        .collections
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, shelf)| {
            let style = if i == selected {
                theme.selected
            } else {
                theme.title
            };
            let count = format!(" {:>5} quotes", shelf.quotes.len());
            let name_width = width.saturating_sub(count.len());
            let name = screen_text::fit(&screen_text::sanitize(&shelf.name), name_width);
            let pad = name_width.saturating_sub(crate::app::display_width(&name));
            Line::from(vec![
                Span::styled(name, style),
                Span::styled(" ".repeat(pad), style),
                Span::styled(count, theme.dim.patch(style)),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Draws the saved searches over `area`: name, query, and how many quotes are new in each.
pub fn render_searches(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App,
    list: &crate::app::SearchList,
    theme: &Theme,
) {
    let title = " Saved searches \u{2014} Enter runs, d forgets, Esc closes ";
    let inner = titled_overlay(frame, area, title, theme);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height).max(1);
    let offset = (list.selected + 1).saturating_sub(rows);
    let name_width = (width / 3).max(1);
    let lines: Vec<Line<'static>> = app
        .desk
        .searches
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, saved)| {
            let style = if i == list.selected {
                theme.selected
            } else {
                theme.title
            };
            let new = list.new.get(i).copied().unwrap_or(0);
            let count = if new > 0 {
                format!(" {new:>5} new")
            } else {
                " ".repeat(10)
            };
            let query_width = width.saturating_sub(name_width + 1 + count.len());
            Line::from(vec![
                Span::styled(screen_text::fit(&saved.name, name_width), style),
                Span::styled(" ", style),
                Span::styled(
                    screen_text::fit(&saved.query, query_width),
                    theme.dim.patch(style),
                ),
                Span::styled(count, theme.matched.patch(style)),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
