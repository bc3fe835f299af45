//! Reading a clause for its speaker: the last speech cue before a quote and the subject it
//! has (`X, a lawmaker, told reporters that "..."`), an inverted verb (`said Abu X:`), a
//! relative or participle clause (`..., which added:`, `..., posting that`), the name after the
//! cue (`according to a statement by X`), and a speech verb after the quote (`"...," said X`).

use super::attribute::{Attributor, Found};
use super::candidates::{Candidate, CandidateKind};
use crate::corpus::model::SpeakerSource;
use crate::corpus::referring::Referent;
use crate::corpus::speech::is_speech_word;

impl Attributor<'_> {
    /// The speaker a clause with a speech cue names: the subject nearest before the last cue,
    /// else the first name after it.
    pub(super) fn with_cue(&self, para: usize, from: usize, to: usize) -> Option<Found> {
        let cue = self.last_cue(para, from, to)?;
        self.inverted(para, cue, to)
            .or_else(|| self.relative(para, from, cue))
            .or_else(|| self.participle(para, from, cue))
            .or_else(|| self.subject(para, from, cue))
            .or_else(|| self.after_cue(para, cue, to))
    }

    /// `said Abu X:`, `wrote X, the spokesman,`: a name right after a verb that can be inverted,
    /// and closed by punctuation (in `told X that`, X is who was told).
    pub(super) fn inverted(&self, para: usize, cue: usize, to: usize) -> Option<Found> {
        const INVERTED: &[&str] = &[
            "said",
            "says",
            "added",
            "wrote",
            "writes",
            "continued",
            "replied",
            "explained",
            "noted",
            "observed",
            "declared",
            "asserted",
            "stated",
            "insisted",
            "responded",
        ];
        let text = self.text(para);
        let verb_end = cue + text[cue..].find(char::is_whitespace)?;
        let verb = text[cue..verb_end].trim_matches(|c: char| !c.is_alphanumeric());
        let next = self.within(para, verb_end, to).next()?;
        let between = text.get(verb_end..next.start)?;
        let adjacent = between.chars().all(|c| c.is_whitespace() || c == ',');
        let is_name = matches!(next.what, CandidateKind::Mention(_));
        let after = &text[next.end..];
        let after = after
            .strip_prefix("'s")
            .or_else(|| after.strip_prefix("’s"))
            .unwrap_or(after);
        let closed = after.starts_with([':', ',', '.', ';', ' ']) && !after.starts_with(" that");
        let closed = closed && !after.trim_start().starts_with(char::is_lowercase);
        (adjacent && is_name && closed && INVERTED.iter().any(|v| v.eq_ignore_ascii_case(verb)))
            .then(|| self.take(next, None))
            .flatten()
    }

    /// `X, a channel that ..., which added:`: a cue right after `which` or `who` is said by the
    /// name that clause hangs on, the nearest before it.
    pub(super) fn relative(&self, para: usize, from: usize, cue: usize) -> Option<Found> {
        let text = self.text(para);
        let before = text[from..cue].trim_end();
        let pronoun = ["which", "who"].iter().find(|w| {
            before.ends_with(*w)
                && !before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })?;
        let at = from + before.len() - pronoun.len();
        self.within(para, from, at)
            .rev()
            .filter(|c| !c.possessive)
            .find_map(|c| self.take(c, None))
    }

    /// `X mocked the council, posting that ...`: a participle after a comma has the clause's
    /// subject, its first name, not the nearest one.
    pub(super) fn participle(&self, para: usize, from: usize, cue: usize) -> Option<Found> {
        let text = self.text(para);
        let word: String = text[cue..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let after_comma = text[from..cue].trim_end().ends_with(',');
        if !(word.ends_with("ing") && after_comma) {
            return None;
        }
        self.within(para, from, cue)
            .filter(|c| !c.appositive && !c.object && !c.possessive)
            .find_map(|c| self.take(c, None))
    }

    /// The first name after a cue that can be its speaker: not an object, unless brought in by
    /// `by` (`according to a statement by X`, `a message posted by Y`).
    pub(super) fn after_cue(&self, para: usize, cue: usize, to: usize) -> Option<Found> {
        let text = self.text(para);
        let by = |c: &Candidate| {
            let before = text[..c.start].split_whitespace().rev().take(4);
            before
                .take_while(|w| !w.ends_with(','))
                .any(|w| w.eq_ignore_ascii_case("by") || w.eq_ignore_ascii_case("according"))
        };
        self.within(para, cue, to)
            .filter(|c| !c.appositive && (!c.object || by(c)))
            .find_map(|c| self.take(c, None))
    }

    /// The nearest subject before `cue`: not in an appositive, not an object, a possessive only
    /// when nothing else is there (`the coalition's founding text ... read:`).
    pub(super) fn subject(&self, para: usize, from: usize, cue: usize) -> Option<Found> {
        let pronoun = |c: &Candidate| {
            matches!(
                c.what,
                CandidateKind::Phrase(Referent::He | Referent::She | Referent::They)
            )
        };
        // Nearest first; a possessive only after the rest, and `its` after `the coalition's`.
        let eligible = |possessive: bool, pronouns: bool| {
            self.within(para, from, cue)
                .filter(move |c| {
                    !c.appositive
                        && !c.object
                        && c.possessive == possessive
                        && (!possessive || pronoun(c) == pronouns)
                })
                .rev()
                .find_map(|c| self.take(c, None))
        };
        eligible(false, false)
            .or_else(|| eligible(true, false))
            .or_else(|| eligible(true, true))
    }

    /// The position of the last speech cue in `from..to` of `para` outside quotations: a speech
    /// word, or a colon ending the clause.
    pub(super) fn last_cue(&self, para: usize, from: usize, to: usize) -> Option<usize> {
        let text = self.text(para);
        let quoted = self.quoted.get(para);
        let outside =
            |at: usize| !quoted.is_some_and(|q| q.iter().any(|r| r.start <= at && at < r.end));
        let lead = &text[from..to];
        let mut cue = None;
        let mut at = 0;
        for word in lead.split_inclusive(char::is_whitespace) {
            if is_speech_word(word) && outside(from + at) {
                cue = Some(from + at);
            }
            at += word.len();
        }
        cue.or_else(|| {
            let trimmed = lead.trim_end();
            trimmed.ends_with(':').then(|| from + trimmed.len() - 1)
        })
    }

    /// `"...," said X`, `"...," X (…), the head of Y, told`, `"...," the group insisted`: the
    /// first name or phrase of a stretch that has a speech verb.
    pub(super) fn in_tail(&self, para: usize, from: usize, to: usize) -> Option<Found> {
        let text = self.text(para);
        let stretch = text.get(from..to)?;
        // The stretch ends with its sentence already; a period inside is an abbreviation's
        // (`cautioned Dr. X`).
        let clause_end = stretch.find([';', '!', '?']).map_or(to, |i| from + i);
        let has_verb = text[from..clause_end]
            .split_whitespace()
            .take(30)
            .any(is_speech_word);
        if !has_verb {
            return None;
        }
        self.in_gap(para, from, clause_end)
    }

    /// The attribution between the parts of a split quote (`"A," the director shot back the
    /// same evening, "B."`): its first name or phrase, with or without a speech verb.
    pub(super) fn in_gap(&self, para: usize, from: usize, to: usize) -> Option<Found> {
        let clause_end = to;
        let eligible = |object: bool| {
            self.within(para, from, clause_end)
                .filter(move |c| !c.appositive && (object || !c.object) && !c.possessive)
                .find_map(|c| self.take(c, None))
        };
        eligible(false).or_else(|| eligible(true))
    }

    /// The subject of the clause before a quote that has no speech cue (`That evening, the
    /// tribal leader issued an ultimatum giving the group "..."`): its first name.
    pub(super) fn without_cue(&self, para: usize, from: usize, to: usize) -> Option<Found> {
        self.within(para, from, to)
            .filter(|c| !c.appositive && !c.object && !c.possessive)
            .find_map(|c| self.take(c, Some(SpeakerSource::Nearby)))
    }
}
