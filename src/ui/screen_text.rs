//! Turning corpus text into screen text: control characters made visible, matched ranges
//! styled, lines wrapped and cut to a width.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use crate::app::{cluster_width, display_width, wrap};
pub use crate::printable::sanitize;

/// Pieces of `text` styled `base`, with the bytes in `ranges` styled `marked` on top.
#[must_use]
pub fn marked<'a>(
    text: &'a str,
    ranges: &[Range<usize>],
    base: Style,
    marked: Style,
) -> Vec<(&'a str, Style)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut sorted: Vec<&Range<usize>> = ranges.iter().collect();
    sorted.sort_by_key(|r| r.start);
    for r in sorted {
        let start = r.start.max(at).min(text.len());
        let end = r.end.min(text.len());
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            out.push((&text[at..start], base));
        }
        out.push((&text[start..end], base.patch(marked)));
        at = end;
    }
    if at < text.len() {
        out.push((&text[at..], base));
    }
    out
}

/// Styled pieces wrapped into lines of at most `width` columns.
#[must_use]
pub fn wrap_styled(pieces: &[(&str, Style)], width: usize) -> Vec<Line<'static>> {
    let text: String = pieces.iter().map(|(t, _)| *t).collect();
    let mut bounds = Vec::with_capacity(pieces.len());
    let mut at = 0;
    for (t, style) in pieces {
        bounds.push((at..at + t.len(), *style));
        at += t.len();
    }
    wrap(&text, width)
        .into_iter()
        .map(|line| {
            let spans: Vec<Span<'static>> = bounds
                .iter()
                .filter_map(|(r, style)| {
                    let start = r.start.max(line.start);
                    let end = r.end.min(line.end);
                    (start < end)
                        .then(|| Span::styled(sanitize(&text[start..end]).into_owned(), *style))
                })
                .collect();
            Line::from(spans)
        })
        .collect()
}

/// Styled pieces on one line of `width` columns: cut with `…` at the end, and started later
/// (after a `…`) when the first `marked` piece would otherwise fall off the right edge, the way
/// fzf keeps a match in view.
#[must_use]
pub fn one_line(
    pieces: &[(&str, Style)],
    first_mark: Option<usize>,
    width: usize,
) -> Vec<Span<'static>> {
    let total: usize = pieces.iter().map(|(t, _)| display_width(t)).sum();
    let mut skip = 0;
    if let Some(mark) = first_mark {
        let before: usize = pieces
            .iter()
            .take(mark)
            .map(|(t, _)| display_width(t))
            .sum();
        let mark_width = pieces.get(mark).map_or(0, |(t, _)| display_width(t));
        if total > width && before + mark_width.min(width / 2) > width.saturating_sub(1) {
            skip = (before + 1).saturating_sub(width / 3);
        }
    }
    let mut spans = Vec::new();
    let mut left = width;
    if skip > 0 && left > 0 {
        spans.push(Span::raw("\u{2026}"));
        left -= 1;
    }
    let mut skipped = 0;
    let mut cut = false;
    for (t, style) in pieces {
        let mut piece = String::new();
        for c in sanitize(t).graphemes(true) {
            let w = cluster_width(c);
            if skipped < skip {
                skipped += w;
                continue;
            }
            if w > left || (w == left && !cut && total - skip > width) {
                cut = true;
                break;
            }
            left -= w;
            piece.push_str(c);
        }
        if !piece.is_empty() {
            spans.push(Span::styled(piece, *style));
        }
        if cut {
            break;
        }
    }
    if cut && left > 0 {
        spans.push(Span::raw("\u{2026}"));
    }
    spans
}

/// `text` cut to at most `width` columns with `…`, never padded: for titles and labels that
/// other things follow.
#[must_use]
pub fn clip(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        sanitize(text).into_owned()
    } else {
        fit(text, width)
    }
}

/// `text` cut to `width` columns with `…`, then padded with spaces to exactly `width`.
#[must_use]
pub fn fit(text: &str, width: usize) -> String {
    let text = sanitize(text);
    let mut out = String::new();
    let mut used = 0;
    let full = display_width(&text) <= width;
    for c in text.graphemes(true) {
        let w = cluster_width(c);
        if used + w > width || (!full && used + w + 1 > width) {
            break;
        }
        used += w;
        out.push_str(c);
    }
    if !full && used < width {
        out.push('\u{2026}');
        used += 1;
    }
    out.extend(std::iter::repeat_n(' ', width - used));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_emoji_sequence_is_one_glyph_wide() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(display_width(family), 2);
        let fitted = fit(&format!("a{family}b"), 6);
        assert_eq!(fitted, format!("a{family}b  "));
        assert_eq!(display_width(&fitted), 6);
    }

    fn plain(spans: &[Span<'_>]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn marked_splits_around_ranges_and_ignores_bad_ones() {
        let base = Style::new();
        let hl = Style::new().bold();
        let parts = marked("hello world", &[6..11, 0..1, 3..99, 2..2], base, hl);
        let texts: Vec<&str> = parts.iter().map(|(t, _)| *t).collect();
        assert_eq!(
            texts,
            ["h", "el", "lo world"],
            "ranges past the end are cut to the text"
        );
        let inside_a_char = 0..1;
        assert_eq!(marked("é", &[inside_a_char], base, hl).len(), 1);
    }

    #[test]
    fn one_line_cuts_with_an_ellipsis_and_keeps_the_match_in_view() {
        let s = Style::new();
        let cut = one_line(&[("abcdefghij", s)], None, 5);
        assert_eq!(plain(&cut), "abcd\u{2026}");
        let parts = [
            ("a long prefix before the ", s),
            ("match", s),
            (" and after", s),
        ];
        let shown = plain(&one_line(&parts, Some(1), 16));
        assert!(
            shown.starts_with('\u{2026}') && shown.contains("match"),
            "{shown}"
        );
        assert!(display_width(&shown) <= 16);
        assert_eq!(plain(&one_line(&[("short", s)], Some(0), 16)), "short");
    }

    #[test]
    fn fit_pads_and_cuts_to_the_width() {
        assert_eq!(fit("Badr", 6), "Badr  ");
        assert_eq!(fit("Hadi al-Ameri", 6), "Hadi \u{2026}");
        assert_eq!(display_width(&fit("العامري الأمين", 5)), 5);
        assert_eq!(fit("x", 0), "");
    }

    #[test]
    fn wrap_styled_keeps_styles_across_lines() {
        let hl = Style::new().bold();
        let lines = wrap_styled(&[("one two ", Style::new()), ("three four", hl)], 9);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1].spans[0].content, "three");
        assert_eq!(lines[1].spans[0].style, hl);
    }
}
