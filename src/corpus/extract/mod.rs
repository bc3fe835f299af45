//! Quote extraction: every quotation in a piece, as a statement with its speaker, date,
//! figure and platform, or as a quoted term.
//!
//! Steps: pair quotation marks ([`marks`]), join quotes split around `he said`, split the
//! paragraphs into sentences ([`sentences`]), then attribute ([`attribute`]) and date each one.

pub mod attribute;
mod context;
pub mod marks;
pub mod sentences;

use self::attribute::{Attributor, Candidate, CandidateKind, Cast};
use self::context::Context;
use self::marks::{Passage, passages};
use self::sentences::{sentence_around, sentence_starts};
use super::dates::{DateMention, find_dates};
use super::model::{DateSource, Piece, Quote, QuoteKind, SpanKind};
use super::speech::{ReferringPhrase, is_speech_word, referring_phrases};
use std::ops::Range;

/// Quotes of up to this many words are terms ("axis of resistance"), not statements.
const TERM_WORDS: usize = 3;

/// A quotation after split quotes are joined: the passage and the attribution gap inside it.
#[derive(Debug, Clone)]
struct Found {
    passage: Passage,
    gap: Option<Range<usize>>,
}

/// Extracts every quotation of `piece` (whose mentions are already marked).
#[must_use]
pub fn extract(piece: &Piece, cast: Cast<'_>) -> Vec<Quote> {
    let found = join_split_quotes(piece, passages(&piece.paragraphs));
    let quoted = quoted_ranges(piece, &found);
    let starts: Vec<Vec<usize>> = piece
        .paragraphs
        .iter()
        .zip(&quoted)
        // Sentences matter only where there are quotes.
        .map(|(p, q)| {
            if q.is_empty() {
                vec![0]
            } else {
                sentence_starts(&p.text, q)
            }
        })
        .collect();
    let dates: Vec<Vec<DateMention>> = piece
        .paragraphs
        .iter()
        .zip(&quoted)
        .map(|(p, q)| {
            if q.is_empty() {
                Vec::new()
            } else {
                find_dates(&p.text, piece.date)
            }
        })
        .collect();
    let attributor = Attributor {
        candidates: candidates(piece, &quoted),
        cast,
    };
    let mut quotes: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<(usize, String)> = None;
    for item in &found {
        let passage = &item.passage;
        let ordinal = quotes
            .iter()
            .filter(|q| q.paragraph == passage.para)
            .count()
            + 1;
        let mut quote = base_quote(piece, passage, &starts, ordinal);
        if passage.text.split_whitespace().count() > TERM_WORDS || item.gap.is_some() {
            let context = Context {
                piece,
                attributor: &attributor,
                starts: &starts,
                quoted: &quoted,
                dates: &dates,
            };
            let previous = last_speaker
                .as_ref()
                .filter(|(p, _)| *p == passage.para)
                .map(|(_, s)| s.clone());
            quote.speaker = context.speaker(item, previous);
            context.complete(&mut quote, passage);
            if let Some(speaker) = &quote.speaker {
                last_speaker = Some((passage.end_para, speaker.clone()));
            }
        } else {
            quote.kind = QuoteKind::Term;
        }
        quotes.push(quote);
    }
    quotes
}

/// Joins `"First part," he said, "second part."` into one quotation.
fn join_split_quotes(piece: &Piece, all: Vec<Passage>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for passage in all {
        if let Some(last) = out.last_mut()
            && last.gap.is_none()
            && last.passage.end_para == passage.para
            && let Some(paragraph) = piece.paragraphs.get(passage.para)
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
        out.push(Found { passage, gap: None });
    }
    out
}

/// `, he said, ` between two quotes whose first ends with a comma.
fn is_attribution_gap(gap: &str, first: &str) -> bool {
    let words: Vec<&str> = gap.split_whitespace().collect();
    let comma_before = first.ends_with(',') || gap.trim_start().starts_with(',');
    comma_before
        && gap.trim_end().ends_with(',')
        && (2..=7).contains(&words.len())
        && words.iter().any(|w| is_speech_word(w))
}

/// Byte ranges of quotations per paragraph (marks included).
fn quoted_ranges(piece: &Piece, found: &[Found]) -> Vec<Vec<Range<usize>>> {
    let mut ranges = vec![Vec::new(); piece.paragraphs.len()];
    for f in found {
        let p = &f.passage;
        for para in p.para..=p.end_para {
            let len = piece.paragraphs.get(para).map_or(0, |x| x.text.len());
            let start = if para == p.para { p.open } else { 0 };
            let end = if para == p.end_para { p.close } else { len };
            if let Some(list) = ranges.get_mut(para) {
                list.push(start..end);
            }
        }
        // The attribution between the parts of a split quote is not quoted.
        if let Some(gap) = &f.gap
            && let Some(list) = ranges.get_mut(p.end_para)
            && let Some(whole) = list.pop()
        {
            list.push(whole.start..gap.start);
            list.push(gap.end..whole.end);
        }
    }
    ranges
}

/// Mentions and referring phrases of every paragraph, flagged when quoted or appositive.
fn candidates(piece: &Piece, quoted: &[Vec<Range<usize>>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (para, paragraph) in piece.paragraphs.iter().enumerate() {
        let text = &paragraph.text;
        let inside = |at: usize| {
            quoted
                .get(para)
                .is_some_and(|q| q.iter().any(|r| r.start <= at && at < r.end))
        };
        let mut local: Vec<Candidate> = Vec::new();
        for span in &paragraph.spans {
            if let SpanKind::Mention { actor } = &span.kind {
                let what = CandidateKind::Mention(actor.clone());
                local.push(Candidate {
                    para,
                    start: span.start,
                    end: span.end,
                    what,
                    quoted: inside(span.start),
                    appositive: false,
                });
            }
        }
        // Phrases are only ever speakers, never antecedents, and never inside a quote: only
        // the unquoted text of paragraphs with quotes needs them.
        let phrases = quoted
            .get(para)
            .map_or_else(Vec::new, |q| unquoted_phrases(text, q));
        for phrase in phrases {
            let overlaps = local
                .iter()
                .any(|c| c.start < phrase.end && phrase.start < c.end);
            if !overlaps {
                let what = CandidateKind::Phrase(phrase.referent);
                local.push(Candidate {
                    para,
                    start: phrase.start,
                    end: phrase.end,
                    what,
                    quoted: inside(phrase.start),
                    appositive: false,
                });
            }
        }
        local.sort_by_key(|c| c.start);
        mark_appositives(text, &mut local);
        out.extend(local);
    }
    out
}

/// Referring phrases in the text between the quotations of a paragraph.
fn unquoted_phrases(text: &str, quoted: &[Range<usize>]) -> Vec<ReferringPhrase> {
    if quoted.is_empty() {
        return Vec::new();
    }
    let mut ranges: Vec<&Range<usize>> = quoted.iter().collect();
    ranges.sort_by_key(|r| r.start);
    let mut found = Vec::new();
    let mut at = 0;
    for range in ranges
        .iter()
        .map(|r| r.start..r.end)
        .chain(std::iter::once(text.len()..text.len()))
    {
        if range.start > at && text.is_char_boundary(at) && text.is_char_boundary(range.start) {
            found.extend(
                referring_phrases(&text[at..range.start])
                    .into_iter()
                    .map(|mut p| {
                        p.start += at;
                        p.end += at;
                        p
                    }),
            );
        }
        at = at.max(range.end);
    }
    found
}

/// Flags candidates inside `, the leader of the X,` after a name: the name is the subject.
fn mark_appositives(text: &str, local: &mut [Candidate]) {
    let mut ranges = Vec::new();
    for c in local
        .iter()
        .filter(|c| matches!(c.what, CandidateKind::Mention(_)))
    {
        let after = &text[c.end..];
        let after = after
            .strip_prefix("'s")
            .or_else(|| after.strip_prefix("’s"))
            .unwrap_or(after);
        if let Some(rest) = after
            .strip_prefix(", ")
            .filter(|r| r.starts_with(char::is_lowercase))
        {
            let from = text.len() - rest.len();
            let to = rest.find([',', ':', ';']).map_or(text.len(), |i| from + i);
            ranges.push(from..to);
        }
    }
    for c in local.iter_mut() {
        c.appositive = ranges.iter().any(|r| r.start <= c.start && c.end <= r.end);
    }
}

fn base_quote(piece: &Piece, passage: &Passage, starts: &[Vec<usize>], ordinal: usize) -> Quote {
    let text = piece
        .paragraphs
        .get(passage.para)
        .map_or("", |p| p.text.as_str());
    let empty = Vec::new();
    let sentence = sentence_around(
        text,
        starts.get(passage.para).unwrap_or(&empty),
        passage.open,
        passage.close,
    );
    let end = if passage.end_para == passage.para {
        sentence.end
    } else {
        text.len()
    };
    Quote {
        id: format!("{}/{}.{}", piece.id, passage.para, ordinal),
        // `"We will respond," said X`: the comma belongs to the sentence, not to the words.
        text: passage
            .text
            .strip_suffix(',')
            .unwrap_or(&passage.text)
            .trim_end()
            .to_string(),
        speaker: None,
        date: piece.date,
        date_source: DateSource::Piece,
        piece: piece.id.clone(),
        paragraph: passage.para,
        range: (
            passage.start,
            if passage.end_para == passage.para {
                passage.end
            } else {
                text.len()
            },
        ),
        figure: None,
        via: None,
        kind: QuoteKind::Statement,
        context: text[sentence.start..end].trim().to_string(),
    }
}

#[cfg(test)]
mod tests;
