//! The result list: one quote per row, its speaker and date, matched characters highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, pane, screen_text};
use crate::app::{App, Focus};
use crate::corpus::QuoteKind;
use crate::search::engine::Hit;

/// Columns for the speaker's name.
const SPEAKER: usize = 16;
/// From this width up, rows show the date (the wide layout's list is about 48 columns).
const WITH_DATE: usize = 44;

/// Draws the list in `area` (bordered when `full`).
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme, full: bool) {
    let inner = if full {
        let title = match &app.shelf {
            None if app.notes_view.is_some() => format!(
                " Notes ({}) \u{2014} type to filter, alt-e edits, Esc goes back ",
                app.results.hits.len()
            ),
            Some(name) => format!(
                " Collection: {} ({}) \u{2014} K/J move, d takes out, Esc leaves ",
                screen_text::sanitize(name),
                app.results.hits.len()
            ),
            None if app.results.hits.is_empty() => " Quotes ".to_string(),
            None => " Quotes \u{2014} Enter reads the piece ".to_string(),
        };
        let block = pane(title, app.focus == Focus::Results, theme);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        inner
    } else {
        area
    };
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let mut lines: Vec<Line<'static>> = if app.results.hits.is_empty() {
        vec![Line::styled(empty_message(app), theme.dim)]
    } else {
        app.results
            .hits
            .iter()
            .enumerate()
            .skip(app.offset)
            .take(rows)
            .map(|(i, hit)| row(app, hit, i == app.selected, width, theme))
            .collect()
    };
    let end_in_view = app.offset + lines.len() == app.results.hits.len();
    if app.results.is_capped() && end_in_view && lines.len() < rows {
        lines.push(Line::styled(
            screen_text::fit(&capped_note(app), width),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Under the last row of a list that holds only the best matches: how many, and how to see
/// the rest.
fn capped_note(app: &App) -> String {
    format!(
        "\u{2026} the best {} of {} matches: narrow the query (@actor, date:, piece:) for the rest",
        app.results.hits.len(),
        app.results.total
    )
}

fn empty_message(app: &App) -> &'static str {
    if app.searching {
        "searching\u{2026}"
    } else if app.index.is_empty() {
        "the corpus has no quotes"
    } else {
        "no quote matches the query"
    }
}

fn row(app: &App, hit: &Hit, selected: bool, width: usize, theme: &Theme) -> Line<'static> {
    let base = if selected {
        theme.selected
    } else {
        Style::new()
    };
    let index = &app.index;
    let Some(text) = index.text(hit.quote) else {
        return Line::default();
    };
    let kind = index.kinds.get(hit.quote as usize).copied();
    let speaker = match (index.speaker_of(hit.quote), kind) {
        (_, Some(QuoteKind::Term)) => "(term)".to_string(),
        (Some(actor), _) => actor.name.clone(),
        (None, _) => "\u{2014}".to_string(),
    };
    let mut spans = vec![Span::styled(
        if selected { "\u{258c}" } else { " " },
        theme.focused.patch(base),
    )];
    // Marked quotes carry `>` (as fzf marks them), new ones `+`, quotes with a note `*`.
    let flag = if app.marks.has(hit.quote) {
        ">"
    } else if app.is_new(hit.quote) {
        "+"
    } else if app.note_on(hit.quote).is_some() {
        "*"
    } else {
        " "
    };
    spans.push(Span::styled(flag, theme.matched.patch(base)));
    let mut left = width.saturating_sub(2);
    let speaker_width = SPEAKER.min(left / 3);
    spans.push(Span::styled(
        screen_text::fit(&speaker, speaker_width),
        theme.speaker.patch(base),
    ));
    left -= speaker_width;
    if width >= WITH_DATE {
        let date = index
            .day_of(hit.quote)
            .date()
            .map_or_else(|| " ".repeat(10), |d| d.to_string());
        spans.push(Span::styled(format!(" {date}"), theme.date.patch(base)));
        left = left.saturating_sub(11);
    }
    if left > 1 {
        spans.push(Span::styled(" ", base));
        left -= 1;
        let pieces = screen_text::marked(&text, &hit.ranges, base, theme.matched);
        let first = pieces.iter().position(|(_, s)| *s != base);
        spans.extend(screen_text::one_line(&pieces, first, left));
    }
    let used: usize = spans.iter().map(Span::width).sum();
    if selected && used < width {
        spans.push(Span::styled(" ".repeat(width - used), base));
    }
    Line::from(spans)
}
