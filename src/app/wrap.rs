//! Word wrapping by display width (Arabic and CJK counted right), as byte ranges of the text.
//!
//! The reader needs to know on which line each paragraph and quote lands to scroll to it, and
//! the UI needs the same lines to draw them: both use this one function.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Splits `text` into lines at most `width` columns wide, breaking at spaces where it can and
/// inside a word only when the word alone is wider than a line. Spaces at a break are dropped.
/// An empty text is one empty line.
#[must_use]
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    // Where the line may break: the end of the last word and the start of the next.
    let mut last_break: Option<(usize, usize)> = None;
    let mut used = 0;
    // By grapheme cluster, as the terminal draws them: a family emoji is one glyph.
    let mut chars = text.grapheme_indices(true).peekable();
    while let Some((at, cluster)) = chars.next() {
        let c = cluster.chars().next().unwrap_or(' ');
        let w = cluster_width(cluster);
        if c == '\n' {
            lines.push(start..at);
            start = at + 1;
            used = 0;
            last_break = None;
            continue;
        }
        if used + w > width && at > start {
            if c == ' ' {
                lines.push(start..at);
                start = skip_spaces(text, at);
                while chars.peek().is_some_and(|&(i, _)| i < start) {
                    chars.next();
                }
                used = 0;
                last_break = None;
                continue;
            }
            if let Some((end, next)) = last_break.filter(|&(_, next)| next > start) {
                lines.push(start..end);
                start = next;
                used = display_width(&text[start..at]);
            } else {
                lines.push(start..at);
                start = at;
                used = 0;
            }
            last_break = None;
        }
        if c == ' ' {
            let next = skip_spaces(text, at);
            if next > at + 1 || chars.peek().is_some() {
                last_break = Some((at, next));
            }
        }
        used += w;
    }
    lines.push(start..text.len());
    lines
}

/// Display width of `text` in terminal columns, cluster by cluster as the terminal draws it
/// (an emoji sequence joined by ZWJ is one glyph); a control character counts as the
/// one-column placeholder the UI draws for it.
#[must_use]
pub fn display_width(text: &str) -> usize {
    text.graphemes(true).map(cluster_width).sum()
}

/// Columns of one grapheme cluster: a control character is its one-column placeholder.
#[must_use]
pub fn cluster_width(cluster: &str) -> usize {
    let mut chars = cluster.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.width().unwrap_or(1),
        _ => UnicodeWidthStr::width(cluster),
    }
}

fn skip_spaces(text: &str, from: usize) -> usize {
    text[from..]
        .find(|c: char| c != ' ')
        .map_or(text.len(), |i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn breaks_at_spaces() {
        assert_eq!(
            lines("it is time for the coalition to leave", 12),
            ["it is time", "for the", "coalition to", "leave"]
        );
    }

    #[test]
    fn splits_words_longer_than_a_line() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn counts_wide_characters_as_two_columns() {
        assert_eq!(lines("中文字符", 5), ["中文", "字符"]);
        assert!(
            lines("هادي العامري الأمين العام", 10)
                .iter()
                .all(|l| display_width(l) <= 10)
        );
    }

    #[test]
    fn keeps_explicit_line_breaks_and_empty_text() {
        assert_eq!(lines("a\nb", 10), ["a", "b"]);
        assert_eq!(lines("", 10), [""]);
    }

    #[test]
    fn no_line_is_wider_than_asked() {
        let text = "After a period of calm, the  statement  of the secretary-general of Badr \
                    the victor, Hadi al-Ameri, came";
        for width in 1..40 {
            for line in lines(text, width) {
                assert!(display_width(line) <= width, "{width}: {line:?}");
            }
        }
    }
}
