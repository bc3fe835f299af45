//! The quote viewer: the whole quote, who said it, when and where, the piece, and the
//! paragraph around it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, pane, screen_text};
use crate::app::{App, Focus};
use crate::corpus::{DateSource, Quote, QuoteKind};
use crate::search::engine::Hit;

/// Draws the selected quote in `area`.
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let block = pane(" Quote ", app.focus == Focus::Viewer, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = content(app, usize::from(inner.width), theme);
    let scroll = app.viewer_scroll.min(lines.len().saturating_sub(1));
    let shown: Vec<Line<'static>> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// One muted line saying how the speaker and the date were found, so an analyst can judge an
/// attribution at a glance: `speaker: "the lawmaker" (role noun); date: "the next day (after
/// April 28)"`.
fn provenance(quote: &Quote) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(how) = &quote.attribution {
        let rule = how.by.label().replace('-', " ");
        if how.cue.is_empty() {
            parts.push(format!("speaker: {rule}"));
        } else {
            parts.push(format!("speaker: \u{201c}{}\u{201d} ({rule})", how.cue));
        }
    }
    if let Some(cue) = &quote.date_cue {
        parts.push(format!("date: \u{201c}{cue}\u{201d}"));
    }
    if let Some(fix) = &quote.correction {
        let on = fix.on.map(|d| format!(" on {d}")).unwrap_or_default();
        parts.push(format!("corrected by {}{on}: {}", fix.by, fix.why));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The quote in marks, then who said it (or that it is a term).
fn said(
    app: &App,
    hit: &Hit,
    text: &str,
    kind: QuoteKind,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let words = screen_text::marked(text, &hit.ranges, theme.quote, theme.matched);
    let mut quoted = vec![("\u{201c}", theme.quote)];
    quoted.extend(words);
    quoted.push(("\u{201d}", theme.quote));
    lines.extend(screen_text::wrap_styled(&quoted, width));
    lines.push(Line::default());
    if kind == QuoteKind::Term {
        lines.push(Line::styled("a quoted term, not a statement", theme.dim));
    } else if let Some(actor) = app.index.speaker_of(hit.quote) {
        let mut who = vec![
            ("\u{2014} ", theme.dim),
            (actor.name.as_str(), theme.speaker),
        ];
        if !actor.role.is_empty() {
            who.push((", ", theme.dim));
            who.push((actor.role.as_str(), theme.dim));
        }
        lines.extend(screen_text::wrap_styled(&who, width));
    }
    lines
}

/// One labelled field (`Date   2024-06-03`), wrapped to `width`.
fn field_line(
    label: &str,
    value: &str,
    style: Style,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let label = format!("{label:<7}");
    screen_text::wrap_styled(&[(&label, theme.dim), (value, style)], width)
}

/// What the viewer shows of a quote before the corpus's records are read (the first frames
/// of a large corpus, drawn from its index image): the quote, who, when and where.
fn preview(app: &App, hit: &Hit, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let index = &app.index;
    let Some(text) = index.text(hit.quote) else {
        return Vec::new();
    };
    let kind = index.kinds.get(hit.quote as usize).copied();
    let mut lines = said(
        app,
        hit,
        &text,
        kind.unwrap_or(QuoteKind::Statement),
        width,
        theme,
    );
    if let Some(date) = index.day_of(hit.quote).date() {
        lines.extend(field_line(
            "Date",
            &date.to_string(),
            theme.date,
            width,
            theme,
        ));
    }
    if let Some(piece) = index.piece_of(hit.quote) {
        lines.extend(field_line(
            "Piece",
            &piece.title,
            theme.heading,
            width,
            theme,
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "reading the rest of the corpus\u{2026}",
        theme.dim,
    ));
    lines
}

/// The viewer's lines for the selected quote, wrapped to `width`.
fn content(app: &App, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let index = &app.index;
    let Some(hit) = app.results.hits.get(app.selected) else {
        return vec![Line::styled("no quote selected", theme.dim)];
    };
    let Some(quote) = index.quote(hit.quote) else {
        return preview(app, hit, width, theme);
    };
    let mut lines = said(app, hit, &quote.text, quote.kind, width, theme);
    let note = app.note_on(hit.quote).map(str::to_string);
    let marked = app.marks.has(hit.quote);
    let mut field = |label: &str, value: &str, style: Style| {
        lines.extend(field_line(label, value, style, width, theme));
    };
    if let Some(note) = &note {
        field("Note", note, theme.matched);
    }
    if marked {
        field(
            "Marked",
            "yes (c puts the marked quotes in a collection)",
            theme.dim,
        );
    }
    if let Some(date) = quote.date {
        let from = match quote.date_source {
            DateSource::Text => "from the text",
            DateSource::Relative => "counted from an earlier date",
            DateSource::Figure => "from the figure caption",
            DateSource::Piece => "the piece's date",
        };
        field("Date", &format!("{date} ({from})"), theme.date);
    }
    if let Some(via) = &quote.via {
        field("Via", via, Style::new());
    }
    if let Some(how) = provenance(quote) {
        field("How", &how, theme.dim);
    }
    let piece = index.piece_of(hit.quote);
    if let Some(piece) = piece {
        field("Piece", &piece.title, theme.heading);
        let authors: Vec<&str> = piece.authors.iter().map(|a| a.name.as_str()).collect();
        if !authors.is_empty() {
            field("By", &authors.join(", "), Style::new());
        }
        if let Some(url) = &piece.url {
            field("Link", url, theme.link);
        }
    }
    let figure = piece.and_then(|p| {
        let n = quote.figure?;
        p.figures.iter().find(|f| f.number == n)
    });
    if let Some(figure) = figure {
        lines.push(Line::default());
        let caption = format!("Figure {}: {}", figure.number, figure.caption);
        lines.extend(screen_text::wrap_styled(&[(&caption, theme.dim)], width));
    }
    if let Some(paragraph) = piece.and_then(|p| p.paragraphs.get(quote.paragraph)) {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled("In context", theme.heading)));
        let range = quote.range.0..quote.range.1;
        let context = screen_text::marked(&paragraph.text, &[range], Style::new(), theme.quote);
        lines.extend(screen_text::wrap_styled(&context, width));
    }
    lines
}
