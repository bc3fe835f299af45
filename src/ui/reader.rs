//! The piece reader: the whole piece, its quotes and actor mentions highlighted, the selected
//! one reversed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, pane, screen_text};
use crate::app::{BlockStyle, Mark, MarkKind, Reader, ReaderBlock};

/// Draws `reader` in `area`.
pub fn render(frame: &mut Frame<'_>, area: Rect, reader: &Reader, theme: &Theme) {
    let hints = " n/N quotes \u{b7} Tab marks \u{b7} Enter actor \u{b7} y cite \u{b7} Esc back ";
    let position = format!(
        " {}/{} ",
        (reader.scroll + 1).min(reader.lines.len()),
        reader.lines.len()
    );
    let title = match reader.blocks.first() {
        Some(first) => format!(" Reader \u{2014} {} ", screen_text::sanitize(&first.text)),
        None => " Reader ".to_string(),
    };
    let block = pane(title, true, theme)
        .title_bottom(Line::styled(hints, theme.dim))
        .title_bottom(Line::styled(position, theme.dim).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line<'static>> = reader
        .lines
        .iter()
        .skip(reader.scroll)
        .take(usize::from(inner.height))
        .map(|line| {
            match line
                .block
                .and_then(|b| reader.blocks.get(b).map(|x| (b, x)))
            {
                Some((b, block)) => styled_line(reader, b, block, line.range.clone(), theme),
                None => Line::default(),
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn styled_line(
    reader: &Reader,
    b: usize,
    block: &ReaderBlock,
    range: std::ops::Range<usize>,
    theme: &Theme,
) -> Line<'static> {
    let base = match block.style {
        BlockStyle::Title | BlockStyle::Subhead => theme.heading,
        BlockStyle::Meta | BlockStyle::Caption => theme.dim,
        BlockStyle::Lead => theme.heading,
        BlockStyle::Text => Style::new(),
    };
    // Cut points: the line's ends and every mark edge inside it.
    let marks: Vec<(usize, &Mark)> = reader
        .marks
        .iter()
        .enumerate()
        .filter(|(_, m)| m.block == b && m.range.start < range.end && m.range.end > range.start)
        .collect();
    let mut cuts = vec![range.start, range.end];
    for (_, m) in &marks {
        cuts.extend([m.range.start.max(range.start), m.range.end.min(range.end)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans: Vec<Span<'static>> = cuts
        .windows(2)
        .filter_map(|w| {
            let (start, end) = (w[0], w[1]);
            let piece = block.text.get(start..end)?;
            let mut style = base;
            for (i, m) in &marks {
                if m.range.start <= start && end <= m.range.end {
                    style = style.patch(match m.kind {
                        MarkKind::Quote(_) => theme.quote,
                        MarkKind::Mention(_) => theme.mention,
                    });
                    if reader.cursor == Some(*i) {
                        style = style.patch(theme.cursor);
                    }
                }
            }
            Some(Span::styled(
                screen_text::sanitize(piece).into_owned(),
                style,
            ))
        })
        .collect();
    Line::from(spans)
}
