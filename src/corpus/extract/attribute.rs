//! Attribution: who said a unit, found by a sieve of rules from the most to the least
//! certain, each leaving its provenance (the rule and the words it rests on).
//!
//! 1. a caption's quote: the actor the caption names;
//! 2. an answer of a Q&A excerpt: the interviewee the excerpt's lead names;
//! 3. a block quotation: the speaker of the sentence that introduces it;
//! 4. a split quotation: the name or pronoun in the attribution between its parts;
//! 5. the subject of the last speech cue before the quote in its clause (`X, a lawmaker,
//!    told reporters that "..."`), or the name after the cue (`according to a statement by X`);
//! 6. the name or pronoun beside a speech verb right after it (`"...," said X`);
//! 7. a list item without one: the speaker of the sentence that introduces the list;
//! 8. the subject of the clause before it, without a cue;
//! 9. the speaker of the previous quote in the paragraph; else the actor mentioned last.

use std::ops::Range;

use super::candidates::{Candidate, CandidateKind};
use super::resolve::Resolver;
use super::sentences::sentence_around;
use super::units::{Shape, Unit};
use crate::corpus::model::{Attribution, BlockKind, Piece, SpeakerSource};
use crate::corpus::referring::Referent;

/// A speaker and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The actor id.
    pub speaker: String,
    /// The rule and its words.
    pub attribution: Attribution,
}

/// What the sieve reads of a piece.
pub struct Attributor<'a> {
    /// The piece.
    pub piece: &'a Piece,
    /// Candidates and how they resolve.
    pub resolver: &'a Resolver<'a>,
    /// Sentence starts of each paragraph.
    pub starts: &'a [Vec<usize>],
    /// Quoted byte ranges of each paragraph.
    pub quoted: &'a [Vec<Range<usize>>],
}

impl Attributor<'_> {
    pub(super) fn text(&self, para: usize) -> &str {
        self.piece
            .paragraphs
            .get(para)
            .map_or("", |p| p.text.as_str())
    }

    fn kind(&self, para: usize) -> Option<BlockKind> {
        self.piece.paragraphs.get(para).map(|p| p.kind)
    }

    /// The sentence of paragraph `para` around `from..to`.
    pub fn sentence(&self, para: usize, from: usize, to: usize) -> Range<usize> {
        let empty = Vec::new();
        sentence_around(
            self.text(para),
            self.starts.get(para).unwrap_or(&empty),
            from,
            to,
        )
    }

    /// Where the clause leading to a quote starts: its sentence, or the end of an earlier
    /// quotation in it.
    pub fn lead_start(&self, para: usize, open: usize) -> usize {
        let sentence = self.sentence(para, open, open);
        self.quoted
            .get(para)
            .into_iter()
            .flatten()
            .map(|r| r.end)
            .filter(|&e| e <= open)
            .fold(sentence.start, usize::max)
    }

    /// Where the stretch after a quote ends: its sentence's end or the next quotation.
    pub fn tail_end(&self, para: usize, close: usize) -> usize {
        let end = self.sentence(para, close, close).end.max(close);
        self.quoted
            .get(para)
            .into_iter()
            .flatten()
            .map(|r| r.start)
            .filter(|&s| s >= close)
            .fold(end, usize::min)
    }

    /// Who said `unit`; `previous` is the speaker of the quote before it in the paragraph.
    #[must_use]
    pub fn speaker(&self, unit: &Unit, previous: Option<&Found>) -> Option<Found> {
        let p = &unit.passage;
        let structural = match unit.shape {
            Shape::Caption => self.caption(p.para, p.open),
            Shape::Answer => self.interviewee(p.para),
            Shape::Blockquote if !unit.marked => {
                self.introducer(p.para, SpeakerSource::BlockquoteLead)
            }
            _ => None,
        };
        if structural.is_some() {
            return structural;
        }
        if let Some(gap) = &unit.gap
            && let Some(found) = self.in_gap(p.end_para, gap.start, gap.end)
        {
            return Some(found);
        }
        let lead = self.lead_start(p.para, p.open);
        // `She charged that "...," and asked the command to "...": a quote whose clause
        // starts after an earlier quote of its sentence and names no subject before its cue
        // has that quote's speaker.
        let continues = lead > self.sentence(p.para, p.open, p.open).start;
        if continues
            && let Some(before) = previous
            && let Some(cue) = self.last_cue(p.para, lead, p.open)
            && self.subject(p.para, lead, cue).is_none()
        {
            return Some(self.found(
                before.speaker.clone(),
                SpeakerSource::Previous,
                &before.attribution.cue,
            ));
        }
        // Past a term earlier in the sentence (`announced the launch of "Operation X",
        // pledging to "..."`), the subject is back at the sentence's start.
        let sentence_start = self.sentence(p.para, p.open, p.open).start;
        let from_lead = self.with_cue(p.para, lead, p.open).or_else(|| {
            continues
                .then(|| self.with_cue(p.para, sentence_start, p.open))
                .flatten()
        });
        let from_tail = || self.in_tail(p.end_para, p.close, self.tail_end(p.end_para, p.close));
        let from_list = || {
            (unit.shape == Shape::Item)
                .then(|| self.introducer(p.para, SpeakerSource::ListItem))
                .flatten()
        };
        let from_blockquote = || {
            (unit.shape == Shape::Blockquote)
                .then(|| self.introducer(p.para, SpeakerSource::BlockquoteLead))
                .flatten()
        };
        from_lead
            .or_else(from_tail)
            .or_else(from_blockquote)
            .or_else(|| self.without_cue(p.para, lead, p.open))
            .or_else(from_list)
            .or_else(|| {
                previous.map(|f| {
                    self.found(
                        f.speaker.clone(),
                        SpeakerSource::Previous,
                        &f.attribution.cue,
                    )
                })
            })
            .or_else(|| self.last_mentioned(p.para, p.open))
    }

    pub(super) fn found(&self, speaker: String, by: SpeakerSource, cue: &str) -> Found {
        Found {
            speaker,
            attribution: Attribution {
                by,
                cue: cue.to_string(),
            },
        }
    }

    /// The candidate's actor, with the candidate's own words as the cue.
    pub(super) fn take(&self, c: &Candidate, by: Option<SpeakerSource>) -> Option<Found> {
        let words = &self.text(c.para)[c.start..c.end];
        if let Some(named) = self.named_after(c) {
            let (speaker, _) = self.resolver.resolve(named, words)?;
            return Some(self.found(speaker, by.unwrap_or(SpeakerSource::RoleNoun), words));
        }
        let (speaker, source) = self.resolver.resolve(c, words)?;
        Some(self.found(speaker, by.unwrap_or(source), words))
    }

    /// The name a role is given right after it (`the brigade's spokesman, known on Telegram as
    /// Abu X,`, `its media official, Y,`): the role stands for that person, not for an earlier
    /// one who held the same title.
    fn named_after(&self, c: &Candidate) -> Option<&Candidate> {
        if !matches!(c.what, CandidateKind::Phrase(Referent::Person(_))) {
            return None;
        }
        let next = self
            .resolver
            .candidates
            .iter()
            .find(|n| n.para == c.para && n.start >= c.end)?;
        let between = self.text(c.para).get(c.end..next.start)?;
        let close = between.starts_with(", ")
            && between.split_whitespace().count() <= 6
            && !between.contains(['.', ';', ':', '"', '“', '”']);
        let person =
            matches!(&next.what, CandidateKind::Mention(id) if self.resolver.cast.is_person(id));
        (close && person).then_some(next)
    }

    /// Candidates of `para` in `from..to`, outside quotations.
    pub(super) fn within(
        &self,
        para: usize,
        from: usize,
        to: usize,
    ) -> impl DoubleEndedIterator<Item = &Candidate> {
        // The candidates are in reading order: the stretch is found by binary search, so a
        // piece of thousands of quotes costs no more per quote than a short one.
        let all = &self.resolver.candidates;
        let begin = all.partition_point(|c| (c.para, c.start) < (para, from));
        let end = begin + all[begin..].partition_point(|c| c.para == para && c.start < to);
        all[begin..end]
            .iter()
            .filter(move |c| c.end <= to && !c.quoted)
    }

    /// The last person mentioned before `(para, at)`, else the last actor.
    fn last_mentioned(&self, para: usize, at: usize) -> Option<Found> {
        use super::candidates::CandidateKind;
        let all = &self.resolver.candidates;
        let before = &all[..all.partition_point(|c| (c.para, c.start) < (para, at))];
        let mentions = || {
            before
                .iter()
                .rev()
                .filter(|c| !c.quoted && matches!(c.what, CandidateKind::Mention(_)))
        };
        mentions()
            .filter(|c| matches!(&c.what, CandidateKind::Mention(id) if self.resolver.cast.is_person(id)))
            .find_map(|c| self.take(c, Some(SpeakerSource::Nearby)))
            .or_else(|| mentions().find_map(|c| self.take(c, Some(SpeakerSource::Nearby))))
    }

    /// The actor a caption names before its quotation (`Nabd al-Muqawama's post: "..."`).
    fn caption(&self, para: usize, open: usize) -> Option<Found> {
        self.within(para, 0, open)
            .filter(|c| !c.appositive && !c.object)
            .find_map(|c| self.take(c, Some(SpeakerSource::Caption)))
            .or_else(|| {
                self.within(para, 0, open)
                    .find_map(|c| self.take(c, Some(SpeakerSource::Caption)))
            })
    }

    /// The interviewee of the Q&A excerpt that holds paragraph `para`.
    fn interviewee(&self, para: usize) -> Option<Found> {
        let lead = (0..para).rev().find(|&p| {
            let text = self.text(p);
            !(text.starts_with("Q:")
                || text.starts_with("A:")
                || text.starts_with("Q.")
                || text.starts_with("A."))
        })?;
        self.speaker_of_sentence(lead, SpeakerSource::Interview)
    }

    /// The speaker of the sentence introducing a block quotation or list that holds `para`.
    fn introducer(&self, para: usize, by: SpeakerSource) -> Option<Found> {
        let kind = self.kind(para)?;
        let lead = (0..para).rev().find(|&p| self.kind(p) != Some(kind))?;
        if !matches!(self.kind(lead), Some(BlockKind::Text | BlockKind::Item)) {
            return None;
        }
        self.speaker_of_sentence(lead, by)
    }

    /// Who the last sentence of paragraph `para` gives as speaking.
    fn speaker_of_sentence(&self, para: usize, by: SpeakerSource) -> Option<Found> {
        let text = self.text(para);
        let end = text.trim_end().len();
        let sentence = self.sentence(para, end.saturating_sub(1), end);
        let relabel = |f: Found| self.found(f.speaker, by, &f.attribution.cue);
        self.with_cue(para, sentence.start, end)
            .or_else(|| self.without_cue(para, sentence.start, end))
            .or_else(|| self.last_mentioned(para, end))
            .map(relabel)
    }
}
