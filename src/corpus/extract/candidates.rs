//! What in a piece can be a speaker: actor mentions and referring phrases, each with where it
//! stands in its clause — inside a quotation, in an appositive or parenthesis of another name,
//! after a preposition (an object, not a subject), or as a possessive.

use std::ops::Range;

use crate::corpus::mentions::discover::appositive_end;
use crate::corpus::model::{Piece, SpanKind};
use crate::corpus::referring::{Referent, referring_phrases_outside};

/// Something in the text that can be a speaker: a mention or a referring phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Paragraph index.
    pub para: usize,
    /// Byte offset in the paragraph.
    pub start: usize,
    /// Byte offset one past it.
    pub end: usize,
    /// What it is.
    pub what: CandidateKind,
    /// Inside a quotation: never a speaker, never an antecedent.
    pub quoted: bool,
    /// Inside an appositive, parenthesis or relative clause of an earlier name
    /// (`X, a commentator close to the Fatah Alliance,`).
    pub appositive: bool,
    /// After a preposition in its clause (`any link to X`, `an interview with Y`).
    pub object: bool,
    /// Written as a possessive (`the coalition's founding text`, `its appeal`).
    pub possessive: bool,
}

/// A mention names its actor; a phrase must be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CandidateKind {
    /// A mention of this actor id.
    Mention(String),
    /// A pronoun or descriptor.
    Phrase(Referent),
}

/// Words that make the name after them an object (or a reported clause's subject).
const PREPOSITIONS: &[&str] = &[
    "to",
    "with",
    "by",
    "from",
    "of",
    "for",
    "against",
    "on",
    "in",
    "at",
    "about",
    "toward",
    "towards",
    "near",
    "under",
    "over",
    "through",
    "behind",
    "among",
    "between",
    "into",
    "via",
    "like",
    "than",
    "upon",
    "across",
    "after",
    "during",
    "without",
    "within",
    "inside",
    "around",
    "including",
    "on",
    "onto",
    "whose",
    // After a complementizer a name is the subject of the reported clause, not the speaker:
    // `she rejected the claim that the brigade had protected X, and observed that "..."`.
    "that",
    "whether",
];

/// Mentions of every paragraph and referring phrases of the paragraphs in `phrases_in`, in
/// reading order, flagged by `quoted` (per paragraph, the byte ranges of its quotations).
#[must_use]
pub fn candidates(
    piece: &Piece,
    quoted: &[Vec<Range<usize>>],
    phrases_in: &[bool],
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (para, paragraph) in piece.paragraphs.iter().enumerate() {
        let text = &paragraph.text;
        let ranges = quoted.get(para).map_or(&[][..], Vec::as_slice);
        let inside = |at: usize| ranges.iter().any(|r| r.start <= at && at < r.end);
        let mut local: Vec<Candidate> = Vec::new();
        for span in &paragraph.spans {
            if let SpanKind::Mention { actor } = &span.kind {
                local.push(Candidate {
                    para,
                    start: span.start,
                    end: span.end,
                    what: CandidateKind::Mention(actor.clone()),
                    quoted: inside(span.start),
                    appositive: false,
                    object: false,
                    possessive: is_possessive(&text[span.end..]),
                });
            }
        }
        if phrases_in.get(para).copied().unwrap_or(false) {
            let mut skip = ranges.to_vec();
            skip.sort_by_key(|r| r.start);
            for phrase in referring_phrases_outside(text, &skip) {
                let overlaps = local
                    .iter()
                    .any(|c| c.start < phrase.end && phrase.start < c.end);
                if !overlaps && !inside(phrase.start) {
                    local.push(Candidate {
                        para,
                        start: phrase.start,
                        end: phrase.end,
                        what: CandidateKind::Phrase(phrase.referent),
                        quoted: false,
                        appositive: false,
                        object: false,
                        possessive: phrase.possessive,
                    });
                }
            }
        }
        local.sort_by_key(|c| c.start);
        mark_positions(text, ranges, &mut local);
        out.extend(local);
    }
    out
}

fn is_possessive(after: &str) -> bool {
    after.starts_with("'s") || after.starts_with("’s")
}

/// Flags appositives (after `, ` and a lower-case word or `who`/`which`, up to the next comma,
/// and anything in parentheses) and objects (a preposition among the four words before, in
/// the same clause).
fn mark_positions(text: &str, quoted: &[Range<usize>], local: &mut [Candidate]) {
    let mut ranges: Vec<Range<usize>> = parentheses(text);
    for c in local.iter() {
        let rest = &text[c.end..];
        let mut rest = rest
            .strip_prefix("'s")
            .or_else(|| rest.strip_prefix("’s"))
            .unwrap_or(rest);
        // Past parentheses right after the name: `X (Arabic) (Translation), the ...`.
        while let Some(inner) = rest
            .strip_prefix(" (")
            .and_then(|r| r.find(')').map(|e| &r[e + 1..]))
        {
            rest = inner;
        }
        if let Some(after) = rest.strip_prefix(", ")
            && let Some(end) = appositive_end(after)
        {
            let from = text.len() - after.len();
            let to = from + end;
            // A quotation inside the stretch ends it: the appositive never runs into one.
            let to = quoted
                .iter()
                .map(|q| q.start)
                .filter(|&s| s > from)
                .fold(to, usize::min);
            ranges.push(from..to);
        }
    }
    for c in local.iter_mut() {
        c.appositive = ranges.iter().any(|r| r.start <= c.start && c.end <= r.end);
        c.object = after_preposition(&text[..c.start]);
    }
}

/// Byte ranges inside parentheses.
fn parentheses(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open = None;
    for (at, c) in text.char_indices() {
        match c {
            '(' => open = Some(at),
            ')' => {
                if let Some(from) = open.take() {
                    out.push(from..at + 1);
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether one of the (up to four) words before a name, in its clause, is a preposition.
fn after_preposition(before: &str) -> bool {
    let clause = before
        .rsplit([',', ';', ':', '.', '(', '"', '“', '”'])
        .next()
        .unwrap_or(before);
    // A verb between closes the phrase: in `the center of the dispute is Dr. X`, X is no object.
    const VERBS: &[&str] = &[
        "is", "was", "are", "were", "be", "been", "became", "remains",
    ];
    clause
        .split_whitespace()
        .rev()
        .take(4)
        .map(str::to_ascii_lowercase)
        .take_while(|w| !VERBS.contains(&w.as_str()))
        .any(|w| PREPOSITIONS.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_after_a_preposition_is_an_object() {
        assert!(after_preposition("The faction also denied any link to "));
        assert!(after_preposition(
            "In a recent interview with the pro-Hashd podcast "
        ));
        assert!(!after_preposition("In his sermon on May 3, "));
        assert!(!after_preposition("On April 28, "));
        assert!(!after_preposition(
            "The candidate at the center of the dispute is "
        ));
    }
}
