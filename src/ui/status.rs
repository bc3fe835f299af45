//! The status line: a message or the query's error, the active filters, corpus warnings and
//! the key for help.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, screen_text};
use crate::app::{App, display_width};

/// What precedes the source link when one is shown.
pub const LINK_LABEL: &str = "link: ";

/// Draws the status line in `area`.
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width);
    let help_key = app
        .keys_help
        .iter()
        .find(|(_, what)| what == "this help")
        .and_then(|(keys, _)| {
            // While typing, a plain `?` types itself: name a key that works there.
            let mut keys = keys.split(", ");
            if app.typing() {
                keys.find(|k| k.chars().count() > 1)
            } else {
                keys.next()
            }
        })
        .unwrap_or("F1");
    // The right side gives way from the left as the screen narrows: the help key stays.
    let all = app.index.len();
    let problems = app.index.corpus.problems.len();
    let mut parts = vec![format!("{help_key} help")];
    // A first screenful is not a count: say so until the whole ranking is in.
    let count = if app.complete {
        format!("{} of {all} quotes", app.results.total)
    } else {
        format!("counting\u{2026} of {all} quotes")
    };
    parts.insert(0, count);
    if !app.marks.is_empty() {
        parts.insert(0, format!("{} marked", app.marks.len()));
    }
    if problems > 0 {
        parts.insert(
            0,
            format!("\u{26a0} {problems} corpus problem{}", plural(problems)),
        );
    }
    while parts.len() > 1 && display_width(&parts.join(" \u{b7} ")) > width / 2 {
        parts.remove(0);
    }
    let right = parts.join(" \u{b7} ");
    let (left, style) = if let Some(link) = &app.link {
        (format!("{LINK_LABEL}{link}"), theme.link)
    } else if let Some(notice) = &app.notice {
        (
            notice.text.clone(),
            if notice.error { theme.error } else { theme.dim },
        )
    } else if !app.results.messages.is_empty() {
        (app.results.messages.join("; "), theme.error)
    } else if !app.filters.is_empty() {
        (format!("filters: {}", app.filters), theme.dim)
    } else {
        (String::new(), theme.dim)
    };
    let right_width = display_width(&right).min(width);
    let left_width = width.saturating_sub(right_width + 1);
    let line = Line::from(vec![
        Span::styled(screen_text::fit(&left, left_width), style),
        Span::raw(if left_width < width { " " } else { "" }),
        Span::styled(screen_text::fit(&right, right_width), theme.dim),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
