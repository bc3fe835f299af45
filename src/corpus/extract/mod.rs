//! Quote extraction: every quotation in a piece, as a statement with its speaker, date,
//! figure and platform, or as a quoted term.
//!
//! Steps: pair quotation marks ([`marks`]), join quotes split around `he said`, split the
//! paragraphs into sentences ([`sentences`]), then attribute ([`attribute`]) and date each one.

pub mod attribute;
pub mod marks;
pub mod sentences;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use self::attribute::{Attributor, Candidate, CandidateKind, Cast};
use self::marks::{Passage, passages};
use self::sentences::{sentence_around, sentence_starts};
use super::dates::find_dates;
use super::model::{BlockKind, DateSource, Piece, Quote, QuoteKind, SpanKind};
use super::speech::{is_speech_word, referring_phrases};

/// Quotes of up to this many words are terms ("axis of resistance"), not statements.
const TERM_WORDS: usize = 3;

static FIGURE_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?:see\s+)?(?i:fig(?:ure)?s?\.?)\s+(\d{1,4})")
        .unwrap_or_else(|e| unreachable!("static figure reference pattern: {e}"))
});

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
        // Phrases are only ever speakers, never antecedents: only paragraphs with quotes need them.
        let quoted_here = quoted.get(para).is_some_and(|q| !q.is_empty());
        let phrases = if quoted_here {
            referring_phrases(text)
        } else {
            Vec::new()
        };
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

/// What attribution and dating need of a piece.
struct Context<'a> {
    piece: &'a Piece,
    attributor: &'a Attributor<'a>,
    starts: &'a [Vec<usize>],
    quoted: &'a [Vec<Range<usize>>],
}

impl Context<'_> {
    fn text(&self, para: usize) -> &str {
        self.piece
            .paragraphs
            .get(para)
            .map_or("", |p| p.text.as_str())
    }

    fn sentence(&self, para: usize, from: usize, to: usize) -> Range<usize> {
        let empty = Vec::new();
        sentence_around(
            self.text(para),
            self.starts.get(para).unwrap_or(&empty),
            from,
            to,
        )
    }

    /// Where the lead-in of a quote starts: its sentence start or the end of an earlier quote.
    fn lead_start(&self, passage: &Passage) -> usize {
        let sentence = self.sentence(passage.para, passage.open, passage.open);
        let earlier = self
            .quoted
            .get(passage.para)
            .into_iter()
            .flatten()
            .map(|r| r.end)
            .filter(|&e| e <= passage.open);
        earlier.fold(sentence.start, usize::max)
    }

    fn speaker(&self, found: &Found, previous: Option<String>) -> Option<String> {
        let p = &found.passage;
        let a = self.attributor;
        if let Some(gap) = &found.gap
            && let Some(s) = a.from_tail(p.end_para, self.text(p.end_para), gap.start, gap.end)
        {
            return Some(s);
        }
        let lead = self.lead_start(p);
        let tail = self.sentence(p.end_para, p.close, p.close).end.max(p.close);
        a.from_lead(p.para, self.text(p.para), lead, p.open)
            .or_else(|| a.from_tail(p.end_para, self.text(p.end_para), p.close, tail))
            .or(previous)
            .or_else(|| self.caption_speaker(p.para))
            .or_else(|| a.nearest(p.para, lead, p.open))
            .or_else(|| a.last_mentioned(p.para, p.open))
    }

    fn caption_speaker(&self, para: usize) -> Option<String> {
        let paragraph = self
            .piece
            .paragraphs
            .get(para)
            .filter(|p| p.kind == BlockKind::Caption)?;
        self.attributor.nearest(para, 0, paragraph.text.len())
    }

    /// Fills in date, figure and platform of a statement.
    fn complete(&self, quote: &mut Quote, p: &Passage) {
        let text = self.text(p.para);
        let quoted = self.quoted.get(p.para);
        let outside =
            |at: usize| !quoted.is_some_and(|q| q.iter().any(|r| r.start <= at && at < r.end));
        let leading = find_dates(&text[..p.open], self.piece.date)
            .into_iter()
            .rfind(|d| outside(d.start));
        quote.figure = self.figure(p, quote.speaker.as_deref());
        let figure = quote
            .figure
            .and_then(|n| self.piece.figures.iter().find(|f| f.number == n));
        if let Some(found) = leading {
            (quote.date, quote.date_source) = (Some(found.date), DateSource::Text);
        } else if let Some(date) = figure.and_then(|f| f.date) {
            (quote.date, quote.date_source) = (Some(date), DateSource::Figure);
        }
        let lead = &text[self.lead_start(p)..p.open];
        let end_text = self.text(p.end_para);
        let tail = &end_text[p.close..self.sentence(p.end_para, p.close, p.close).end.max(p.close)];
        let speaker_platform = || {
            quote
                .speaker
                .as_deref()
                .and_then(|s| self.attributor.cast.get(s))
                .and_then(|a| a.platform.clone())
        };
        quote.via = platform(lead)
            .or_else(|| platform(tail))
            .or_else(|| figure.and_then(|f| platform(&f.caption)))
            .or_else(speaker_platform);
    }

    /// The figure a quote is shown in: its own caption, a `(Figure N)` right after it, or a
    /// caption that carries its words.
    fn figure(&self, p: &Passage, speaker: Option<&str>) -> Option<u32> {
        let own = self.piece.figures.iter().find(|f| {
            f.paragraph == p.para
                && self
                    .piece
                    .paragraphs
                    .get(p.para)
                    .is_some_and(|x| x.kind == BlockKind::Caption)
        });
        if let Some(figure) = own {
            return Some(figure.number);
        }
        let text = self.text(p.end_para);
        let sentence_end = self.sentence(p.end_para, p.close, p.close).end.max(p.close);
        let next_quote = self
            .quoted
            .get(p.end_para)
            .into_iter()
            .flatten()
            .map(|r| r.start)
            .filter(|&s| s >= p.close)
            .min();
        // A reference right after the closing mark counts even past a sentence end (`?" (Figure 2)`).
        let right_after = text[p.close..].trim_start_matches([' ', ',', '.']);
        let anchored = right_after.starts_with('(').then_some(right_after);
        let window = &text[p.close..next_quote.unwrap_or(sentence_end).min(sentence_end)];
        if let Some(n) = FIGURE_REF
            .captures(anchored.unwrap_or(window))
            .and_then(|c| c.get(1))
            .and_then(|m| m.as_str().parse().ok())
        {
            return Some(n);
        }
        // A caption that carries the whole quote and names its speaker shows it.
        let words = p.text.trim_end_matches([',', '.']);
        let names_speaker = |paragraph: usize| {
            let spans = self
                .piece
                .paragraphs
                .get(paragraph)
                .map_or(&[][..], |x| &x.spans[..]);
            spans.iter().any(|s| matches!(&s.kind, SpanKind::Mention { actor } if Some(actor.as_str()) == speaker))
        };
        self.piece
            .figures
            .iter()
            .find(|f| words.len() >= 20 && f.caption.contains(words) && names_speaker(f.paragraph))
            .map(|f| f.number)
    }
}

/// The platform a stretch of text names: `Telegram`, `Twitter/X`, ...
fn platform(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let found = if has("telegram") {
        "Telegram"
    } else if has("twitter")
        || has("tweet")
        || has("tweeted")
        || lower.contains("x account")
        || lower.contains("on x ")
    {
        "Twitter/X"
    } else if has("facebook") {
        "Facebook"
    } else if has("instagram") {
        "Instagram"
    } else if has("youtube") {
        "YouTube"
    } else if has("television") || has("tv") || has("broadcast") || has("televised") {
        "TV"
    } else {
        return None;
    };
    Some(found.to_string())
}

#[cfg(test)]
mod tests;
