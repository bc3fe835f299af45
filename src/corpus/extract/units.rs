//! The units a statement arrives in: quotations (joined when split around `he said`), block
//! quotations with or without marks, and the answers of a Q&A excerpt.
//!
//! Quotations inside a unit that has no marks of its own (a `>` block, an `A:` line) are part
//! of it, never units of their own; so are quotations in a `Q:` line, which are not statements.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::corpus::marks::{Passage, passages};
use crate::corpus::model::{BlockKind, Paragraph};
use crate::corpus::speech::is_speech_word;

/// A `(Figure N)` pointer, as pieces write them.
pub(super) static FIGURE_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?:see\s+)?(?i:fig(?:ure)?s?\.?)\s+(\d{1,4})[^)]*\)")
        .unwrap_or_else(|e| unreachable!("static figure reference pattern: {e}"))
});

/// Where a unit stands in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Running text (or a quotation over several paragraphs).
    Inline,
    /// A figure caption.
    Caption,
    /// A list item.
    Item,
    /// A block quotation.
    Blockquote,
    /// The answer of a Q&A excerpt (`A: ...`).
    Answer,
}

/// A quotation or other unit of quoted words.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Where the words are; for a unit without marks, `open == start` and `end == close`.
    pub passage: Passage,
    /// The attribution between the two parts of a split quotation (in `end_para`).
    pub gap: Option<Range<usize>>,
    /// Where it stands.
    pub shape: Shape,
    /// Whether the words are between quotation marks.
    pub marked: bool,
}

/// Every unit of the piece's paragraphs, in reading order.
#[must_use]
pub fn units(paragraphs: &[Paragraph]) -> Vec<Unit> {
    let unmarked = unmarked_units(paragraphs);
    let covered = |p: &Passage| {
        unmarked
            .iter()
            .any(|u| u.passage.para <= p.para && p.end_para <= u.passage.end_para)
            || paragraphs.get(p.para).is_some_and(|x| is_question(&x.text))
    };
    let marked: Vec<Passage> = passages(paragraphs)
        .into_iter()
        .filter(|p| !covered(p))
        .collect();
    let mut all = join_split_quotes(paragraphs, marked);
    for unit in &mut all {
        unit.shape = match paragraphs.get(unit.passage.para).map(|p| p.kind) {
            Some(BlockKind::Caption) => Shape::Caption,
            Some(BlockKind::Item) => Shape::Item,
            Some(BlockKind::Blockquote) => Shape::Blockquote,
            _ => Shape::Inline,
        };
    }
    all.extend(unmarked);
    all.sort_by_key(|u| (u.passage.para, u.passage.open));
    all
}

fn is_question(text: &str) -> bool {
    text.starts_with("Q:") || text.starts_with("Q.")
}

fn is_answer(text: &str) -> bool {
    text.starts_with("A:") || text.starts_with("A.")
}

/// Block quotations that do not open with a quotation mark, and `A:` lines after a `Q:` line.
fn unmarked_units(paragraphs: &[Paragraph]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut i = 0;
    while i < paragraphs.len() {
        let paragraph = &paragraphs[i];
        let text = paragraph.text.as_str();
        if paragraph.kind == BlockKind::Blockquote && !text.starts_with(['"', '“']) {
            let mut last = i;
            while paragraphs
                .get(last + 1)
                .is_some_and(|p| p.kind == BlockKind::Blockquote)
            {
                last += 1;
            }
            out.extend(unmarked(paragraphs, i, last, 0, Shape::Blockquote));
            i = last + 1;
            continue;
        }
        let after_question = paragraphs[i.saturating_sub(3)..i]
            .iter()
            .any(|p| is_question(&p.text));
        if is_answer(text) && after_question {
            let skip = 2 + text[2..].len() - text[2..].trim_start().len();
            out.extend(unmarked(paragraphs, i, i, skip, Shape::Answer));
        }
        i += 1;
    }
    out
}

/// The words of paragraphs `first..=last` from byte `skip` of the first, without a trailing
/// figure pointer: a unit without marks.
fn unmarked(
    paragraphs: &[Paragraph],
    first: usize,
    last: usize,
    skip: usize,
    shape: Shape,
) -> Option<Unit> {
    let texts: Vec<&str> = paragraphs[first..=last]
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    let end_text = texts.last()?;
    let end = without_pointer(end_text);
    let mut words: Vec<&str> = Vec::new();
    for (n, text) in texts.iter().enumerate() {
        let from = if n == 0 { skip } else { 0 };
        let to = if n + 1 == texts.len() {
            end
        } else {
            text.len()
        };
        words.push(text.get(from..to)?.trim());
    }
    let text = words.join(" ");
    if !text.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(Unit {
        passage: Passage {
            para: first,
            open: skip,
            start: skip,
            end_para: last,
            end,
            close: end,
            text,
        },
        gap: None,
        shape,
        marked: false,
    })
}

/// Where the words of a paragraph end before a closing `(Figure N).` pointer.
fn without_pointer(text: &str) -> usize {
    let trimmed = text.trim_end().trim_end_matches('.').trim_end();
    match FIGURE_REF.find_iter(trimmed).last() {
        Some(m) if m.end() == trimmed.len() => trimmed[..m.start()].trim_end().len(),
        _ => text.trim_end().len(),
    }
}

/// Joins `"First part," he said, "second part."` into one unit.
fn join_split_quotes(paragraphs: &[Paragraph], all: Vec<Passage>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for passage in all {
        if let Some(last) = out.last_mut()
            && last.gap.is_none()
            && last.passage.end_para == passage.para
            && let Some(paragraph) = paragraphs.get(passage.para)
            && is_attribution_gap(
                &paragraph.text[last.passage.close..passage.open],
                &last.passage.text,
            )
        {
            let first = last.passage.text.trim_end_matches(',').trim_end();
            last.passage.text = format!("{first} … {}", passage.text);
            last.gap = Some(last.passage.close..passage.open);
            last.passage.end_para = passage.end_para;
            last.passage.end = passage.end;
            last.passage.close = passage.close;
            continue;
        }
        out.push(Unit {
            passage,
            gap: None,
            shape: Shape::Inline,
            marked: true,
        });
    }
    out
}

/// `, he said, ` or `, X (…), the commander of Y, replied on the same panel, ` between two
/// quotes whose first ends with a comma: one clause with a speech verb, no sentence end.
fn is_attribution_gap(gap: &str, first: &str) -> bool {
    let words: Vec<&str> = gap.split_whitespace().collect();
    let comma_before = first.ends_with(',') || gap.trim_start().starts_with(',');
    let sentence_end = [". ", "? ", "! ", "; "].iter().any(|e| gap.contains(e));
    // A short attribution needs no speech verb (`"A," the director shot back, "B."`); a long
    // one does.
    let speaks = words.len() <= 12 || words.iter().any(|w| is_speech_word(w));
    comma_before
        && gap.trim_end().ends_with(',')
        && !sentence_end
        && (2..=30).contains(&words.len())
        && speaks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(kind: BlockKind, text: &str) -> Paragraph {
        Paragraph {
            kind,
            text: text.into(),
            line: 1,
            spans: Vec::new(),
        }
    }

    fn texts(paragraphs: &[Paragraph]) -> Vec<(String, Shape)> {
        units(paragraphs)
            .into_iter()
            .map(|u| (u.passage.text, u.shape))
            .collect()
    }

    #[test]
    fn a_block_quotation_without_marks_is_one_unit_with_its_quotes_inside() {
        let found = texts(&[
            para(BlockKind::Text, "The statement read:"),
            para(
                BlockKind::Blockquote,
                "We say \"never\" to them (Figure 2).",
            ),
        ]);
        assert_eq!(
            found,
            vec![("We say \"never\" to them".into(), Shape::Blockquote)]
        );
    }

    #[test]
    fn answers_are_units_and_questions_are_not() {
        let found = texts(&[
            para(BlockKind::Text, "He said:"),
            para(BlockKind::Text, "Q: Do you accept \"reform\" at all?"),
            para(BlockKind::Text, "A: We accept organization."),
        ]);
        assert_eq!(
            found,
            vec![("We accept organization.".into(), Shape::Answer)]
        );
    }

    #[test]
    fn joins_a_split_quote_around_a_long_attribution() {
        let text = "\"Our duty is the border,\" Abu X (Arabic), the commander of a brigade in al-Qaim, replied on the same panel, \"and the border is held.\"";
        let found = units(&[para(BlockKind::Text, text)]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].passage.text,
            "Our duty is the border … and the border is held."
        );
        assert!(found[0].gap.is_some());
    }
}
