//! Finding quoted passages: pairing quotation marks, within and across paragraphs.

use crate::corpus::model::{BlockKind, Paragraph};

/// A quoted passage, possibly running over several paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Paragraph where the opening mark is.
    pub para: usize,
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset of the first quoted character.
    pub start: usize,
    /// Paragraph where the closing mark is.
    pub end_para: usize,
    /// Byte offset one past the last quoted character (in `end_para`).
    pub end: usize,
    /// Byte offset one past the closing mark (in `end_para`).
    pub close: usize,
    /// The quoted words.
    pub text: String,
}

/// One quoted segment inside a single paragraph.
#[derive(Debug, Clone, Copy)]
struct Segment {
    open: usize,
    start: usize,
    end: usize,
    close: usize,
    closed: bool,
}

/// Pairs the quotation marks of every text and caption paragraph.
///
/// Curly marks pair as written; a straight `"` opens when no quote is open and closes
/// otherwise. A quote left open at the end of a paragraph continues when the next paragraph
/// opens with a quotation mark (the English convention for long quotes); otherwise it is dropped.
#[must_use]
pub fn passages(paragraphs: &[Paragraph]) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    let mut carried: Option<Passage> = None;
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if paragraph.kind == BlockKind::Subhead {
            carried = None;
            continue;
        }
        let segments = segments(&paragraph.text);
        for (n, segment) in segments.iter().enumerate() {
            let inner = &paragraph.text[segment.start..segment.end];
            let continues = n == 0 && segment.open == 0;
            let mut passage = match carried.take() {
                Some(mut previous) if continues => {
                    previous.text.push(' ');
                    previous.text.push_str(inner.trim());
                    previous
                }
                _ => Passage {
                    para: i,
                    open: segment.open,
                    start: segment.start,
                    end_para: i,
                    end: segment.end,
                    close: segment.close,
                    text: inner.trim().to_string(),
                },
            };
            passage.end_para = i;
            passage.end = segment.end;
            passage.close = segment.close;
            if segment.closed {
                out.push(passage);
            } else {
                carried = Some(passage);
            }
        }
        if segments.last().is_none_or(|s| s.closed) {
            carried = None;
        }
    }
    out.retain(|p| p.text.chars().any(char::is_alphanumeric));
    out
}

fn segments(text: &str) -> Vec<Segment> {
    let mut found = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    // Quotation marks are `"` or start with the byte 0xE2 (“ and ”).
    let marks = text
        .bytes()
        .enumerate()
        .filter(|(_, b)| matches!(b, b'"' | 0xE2))
        .map(|(at, _)| at);
    for at in marks {
        let Some(c) = text[at..].chars().next() else {
            continue;
        };
        let after = at + c.len_utf8();
        match (c, open) {
            ('“' | '"', None) => open = Some((at, after)),
            ('”' | '"', Some((o, s))) => {
                found.push(Segment {
                    open: o,
                    start: s,
                    end: at,
                    close: after,
                    closed: true,
                });
                open = None;
            }
            _ => {}
        }
    }
    if let Some((o, s)) = open {
        found.push(Segment {
            open: o,
            start: s,
            end: text.len(),
            close: text.len(),
            closed: false,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Paragraph {
        Paragraph {
            kind: BlockKind::Text,
            text: text.into(),
            line: 1,
            spans: Vec::new(),
        }
    }

    #[test]
    fn pairs_straight_and_curly_marks() {
        let found = passages(&[para(r#"He said "one two" and “three four”."#)]);
        let texts: Vec<&str> = found.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, vec!["one two", "three four"]);
    }

    #[test]
    fn joins_a_quote_that_runs_into_the_next_paragraph() {
        let found = passages(&[
            para(r#"He said, "We will stay"#),
            para(r#""until the end," he added."#),
        ]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "We will stay until the end,");
        assert_eq!((found[0].para, found[0].end_para), (0, 1));
    }

    #[test]
    fn drops_a_quote_that_is_never_closed() {
        assert!(passages(&[para(r#"He said "never closed"#), para("Next.")]).is_empty());
    }
}
