//! Attribution: who said a quote.
//!
//! The speaker is the subject nearest the last speech cue before the quote in its sentence
//! (`Hadi al-Ameri ... issued a statement warning that "..."`), else a name or pronoun beside a
//! speech verb right after it (`"...," said Abu X`), with pronouns and descriptors (`he`, `the
//! group`, `the spokesman`) resolved to the last fitting actor mentioned before them.

use crate::corpus::gazetteer::Gazetteer;
use crate::corpus::model::{Actor, ActorKind};
use crate::corpus::speech::{Referent, is_speech_word};

/// The actors a piece can refer to: the gazetteer plus the piece's unknown actors.
#[derive(Debug, Clone, Copy)]
pub struct Cast<'a> {
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// Actors the piece introduced that the gazetteer does not know.
    pub unknown: &'a [Actor],
}

impl Cast<'_> {
    /// The actor with this id, from the gazetteer or the piece's unknowns.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Actor> {
        self.gazetteer
            .get(id)
            .or_else(|| self.unknown.iter().find(|a| a.id == id))
    }

    fn fits(&self, id: &str, referent: Referent) -> bool {
        let Some(actor) = self.get(id) else {
            return false;
        };
        match referent {
            Referent::Person => matches!(actor.kind, ActorKind::Person | ActorKind::Unknown),
            Referent::Group => actor.kind.is_group() && actor.kind != ActorKind::MediaChannel,
            Referent::Channel => actor.kind == ActorKind::MediaChannel,
            Referent::Spokesman => actor.role.contains("spokes"),
        }
    }
}

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
    /// Inside a quotation (never a speaker, never an antecedent).
    pub quoted: bool,
    /// Inside an appositive of an earlier name (`the leader of the Badr Organization`).
    pub appositive: bool,
}

/// A mention names its actor; a phrase must be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CandidateKind {
    /// A mention of this actor id.
    Mention(String),
    /// A pronoun or descriptor.
    Phrase(Referent),
}

/// The candidates of a whole piece, in reading order, and the cast to resolve them against.
#[derive(Debug)]
pub struct Attributor<'a> {
    /// All candidates, sorted by (paragraph, offset).
    pub candidates: Vec<Candidate>,
    /// The actors.
    pub cast: Cast<'a>,
}

impl Attributor<'_> {
    /// Resolves a candidate to an actor id.
    #[must_use]
    pub fn resolve(&self, candidate: &Candidate) -> Option<String> {
        match &candidate.what {
            CandidateKind::Mention(id) => Some(id.clone()),
            CandidateKind::Phrase(referent) => {
                self.antecedent(candidate.para, candidate.start, *referent)
            }
        }
    }

    /// The last actor mentioned before `(para, at)`, outside quotations, that fits `referent`.
    fn antecedent(&self, para: usize, at: usize, referent: Referent) -> Option<String> {
        let before = self
            .candidates
            .iter()
            .rev()
            .filter(|c| !c.quoted && (c.para, c.start) < (para, at));
        let mentions = before.filter_map(|c| match &c.what {
            CandidateKind::Mention(id) => Some(id),
            CandidateKind::Phrase(_) => None,
        });
        let found = mentions.clone().find(|id| self.cast.fits(id, referent));
        let fallback = (referent == Referent::Spokesman).then(|| {
            mentions
                .clone()
                .find(|id| self.cast.fits(id, Referent::Person))
        });
        found.or(fallback.flatten()).cloned()
    }

    /// Candidates of paragraph `para` inside `from..to` that may be speakers.
    pub fn within(
        &self,
        para: usize,
        from: usize,
        to: usize,
    ) -> impl DoubleEndedIterator<Item = &Candidate> {
        self.candidates
            .iter()
            .filter(move |c| c.para == para && c.start >= from && c.end <= to && !c.quoted)
    }

    /// The speaker named by the lead-in `from..to` before a quote, when it has a speech cue.
    #[must_use]
    pub fn from_lead(&self, para: usize, text: &str, from: usize, to: usize) -> Option<String> {
        let cue = last_cue(text, from, to)?;
        let subject = self.within(para, from, cue).rfind(|c| !c.appositive);
        let object = || self.within(para, cue, to).find(|c| !c.appositive);
        subject.or_else(object).and_then(|c| self.resolve(c))
    }

    /// The speaker named right after a quote, beside a speech verb (`," said Abu X`, `, he said`).
    #[must_use]
    pub fn from_tail(&self, para: usize, text: &str, from: usize, to: usize) -> Option<String> {
        let window = text[from..to]
            .split_whitespace()
            .take(10)
            .map(str::len)
            .sum::<usize>();
        let limit = (from + window + 10).min(to);
        self.within(para, from, limit)
            .find(|c| {
                let before = text[from..c.start].split_whitespace().next_back();
                let after = text[c.end..to].split_whitespace().next();
                before.is_some_and(is_speech_word) || after.is_some_and(is_speech_word)
            })
            .and_then(|c| self.resolve(c))
    }

    /// The nearest speaker-like candidate before `to` in `from..to`, for quotes without a cue.
    #[must_use]
    pub fn nearest(&self, para: usize, from: usize, to: usize) -> Option<String> {
        self.within(para, from, to)
            .rfind(|c| !c.appositive)
            .and_then(|c| self.resolve(c))
    }

    /// The last actor mentioned before `(para, at)` in the whole piece.
    #[must_use]
    pub fn last_mentioned(&self, para: usize, at: usize) -> Option<String> {
        self.antecedent(para, at, Referent::Person)
            .or_else(|| self.antecedent(para, at, Referent::Group))
    }
}

/// The position of the last speech cue in `text[from..to]`: a speech word, or a colon that
/// introduces the quote.
fn last_cue(text: &str, from: usize, to: usize) -> Option<usize> {
    let lead = &text[from..to];
    if lead.trim_end().ends_with(':') {
        return Some(from + lead.trim_end().len() - 1);
    }
    let mut cue = None;
    let mut at = 0;
    for word in lead.split_inclusive(char::is_whitespace) {
        if is_speech_word(word) {
            cue = Some(from + at);
        }
        at += word.len();
    }
    cue
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trailing_colon_is_a_cue() {
        let text = "he sought to justify attacks: ";
        assert_eq!(last_cue(text, 0, text.len()), Some(28));
    }

    #[test]
    fn the_last_speech_word_is_the_cue() {
        let text = "X issued a statement warning that ";
        assert_eq!(last_cue(text, 0, text.len()), Some(21));
        assert_eq!(last_cue("nothing here ", 0, 13), None);
    }
}
