//! The corpus problems overlay: every file or entry the load skipped or warned about, one per
//! row as `file:line: severity: what is wrong`, the file by its name.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::{Theme, overlay, screen_text};
use crate::app::App;
use crate::app::help::WIDTH;
use crate::corpus::Severity;

/// Draws the overlay over `area`, scrolled down `scroll` rows.
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App, scroll: usize, theme: &Theme) {
    let width = area.width.min(WIDTH);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y,
        width,
        area.height,
    );
    let problems = &app.index.corpus.problems;
    let title = format!(
        " {} corpus problem{} \u{2014} Esc closes ",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.focused)
        .title(Line::styled(title, theme.title));
    let inner = overlay(frame, popup, block);
    let inner_width = usize::from(inner.width);
    let lines: Vec<Line<'static>> = problems
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .map(|p| {
            let file = p.file_name();
            let (severity, style) = match p.severity {
                Severity::Error => ("error", theme.error),
                Severity::Warning => ("warning", theme.dim),
            };
            let row = format!("{file}:{}: {severity}: {}", p.line, p.message);
            Line::styled(screen_text::fit(&row, inner_width), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
