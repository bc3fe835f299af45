//! Dating, figures and platforms of a quote, and the sentence context they are read from.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::Found;
use super::attribute::Attributor;
use super::marks::Passage;
use super::sentences::sentence_around;
use crate::corpus::dates::DateMention;
use crate::corpus::model::{BlockKind, DateSource, Piece, Quote, SpanKind};

static FIGURE_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?:see\s+)?(?i:fig(?:ure)?s?\.?)\s+(\d{1,4})")
        .unwrap_or_else(|e| unreachable!("static figure reference pattern: {e}"))
});

/// What attribution and dating need of a piece.
pub(super) struct Context<'a> {
    pub(super) piece: &'a Piece,
    pub(super) attributor: &'a Attributor<'a>,
    pub(super) starts: &'a [Vec<usize>],
    pub(super) quoted: &'a [Vec<Range<usize>>],
    /// Dates of each paragraph that holds a quote (found once, not once per quote).
    pub(super) dates: &'a [Vec<DateMention>],
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

    pub(super) fn speaker(&self, found: &Found, previous: Option<String>) -> Option<String> {
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
    pub(super) fn complete(&self, quote: &mut Quote, p: &Passage) {
        let text = self.text(p.para);
        let quoted = self.quoted.get(p.para);
        let outside =
            |at: usize| !quoted.is_some_and(|q| q.iter().any(|r| r.start <= at && at < r.end));
        let leading = self
            .dates
            .get(p.para)
            .into_iter()
            .flatten()
            .rfind(|d| d.end <= p.open && outside(d.start));
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
///
/// Words are compared in place, without lower-casing a copy: this runs up to three times for
/// every quote of every piece. When several platforms are named, the first in this order wins:
/// Telegram, Twitter/X, Facebook, Instagram, YouTube, TV.
fn platform(text: &str) -> Option<String> {
    let is = |word: &str, names: &[&str]| names.iter().any(|n| word.eq_ignore_ascii_case(n));
    let mut best: Option<usize> = None;
    let mut previous = "";
    let words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    for word in words {
        let end = word.as_ptr() as usize - text.as_ptr() as usize + word.len();
        // `on X` (followed by more text) and `X account` name Twitter/X; a bare `x` does not.
        let x_account = is(previous, &["x"]) && is(word, &["account"]);
        let on_x = is(previous, &["on"]) && is(word, &["x"]) && text[end..].starts_with(' ');
        let rank = if is(word, &["telegram"]) {
            Some(0)
        } else if is(word, &["twitter", "tweet", "tweeted"]) || x_account || on_x {
            Some(1)
        } else if is(word, &["facebook"]) {
            Some(2)
        } else if is(word, &["instagram"]) {
            Some(3)
        } else if is(word, &["youtube"]) {
            Some(4)
        } else if is(word, &["television", "tv", "broadcast", "televised"]) {
            Some(5)
        } else {
            None
        };
        if let Some(rank) = rank {
            best = Some(best.map_or(rank, |b: usize| b.min(rank)));
        }
        previous = word;
        if best == Some(0) {
            break;
        }
    }
    let names = [
        "Telegram",
        "Twitter/X",
        "Facebook",
        "Instagram",
        "YouTube",
        "TV",
    ];
    best.and_then(|b| names.get(b)).map(|n| (*n).to_string())
}

#[cfg(test)]
mod tests {
    use super::platform;

    #[test]
    fn names_the_platform_a_text_mentions() {
        let cases = [
            ("posted on its Telegram channel", Some("Telegram")),
            ("TELEGRAM and Twitter", Some("Telegram")),
            ("Twitter before Telegram", Some("Telegram")),
            ("he tweeted", Some("Twitter/X")),
            ("wrote on X that", Some("Twitter/X")),
            ("his X account", Some("Twitter/X")),
            ("wrote on X", None),
            ("Box account", None),
            ("on Facebook and YouTube", Some("Facebook")),
            ("a televised speech", Some("TV")),
            ("the telegrams", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(platform(text).as_deref(), want, "{text}");
        }
    }
}
