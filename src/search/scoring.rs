//! Scoring, the part of ranking people tune: the weights and bonuses, and how one quote's
//! score is computed from its folded haystack once the filters and candidates admitted it.
//!
//! Score = per term, the best of its fuzzy score on the text (with bonuses for whole words)
//! and its score as a name of the speaker or of the piece, plus a bonus for the whole phrase.
//! A term naming the speaker scores above the same word in the text: typing a name lists what
//! that person said before what others said about them.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::query::TermMode;
use super::terms::{Naming, PreparedTerm};
use crate::index::Index;
use crate::index::quotes::QuoteId;

/// Bonus when a term is a whole word of the quote.
const WORD_BONUS: i64 = 40;
/// Score per character of a term found as one run (above what scattered matches reach).
const CONTIGUOUS_PER_CHAR: i64 = 32;
/// Bonus when a contiguous match starts a word.
const WORD_START_BONUS: i64 = 30;
/// Bonus when the whole query appears as a phrase.
const PHRASE_BONUS: i64 = 60;
/// Most a contiguous match gains for coming early in the quote.
const EARLY_BONUS: i64 = 20;
/// How far a term naming the speaker scores above the best place the term could have in
/// the text.
const SPEAKER_EDGE: i64 = 10;
/// Score of a term matched only through romanization or a misspelling.
const ALIKE_SCORE: i64 = 20;

/// The positive terms joined, when there are several, and which speakers' names hold them: a
/// quote holding them all in a row, or said by someone so named, is best.
pub(super) struct Phrase {
    text: String,
    /// By actor (index in the corpus): whether the folded name holds the phrase.
    speakers: Vec<bool>,
}

impl Phrase {
    /// The phrase of `groups`; `None` when fewer than two single positive terms make it.
    pub(super) fn new(index: &Index, groups: &[Vec<PreparedTerm>]) -> Option<Self> {
        let singles: Vec<&str> = groups
            .iter()
            .filter_map(|g| match g.as_slice() {
                [only] if !only.negated => Some(only.folded.as_str()),
                _ => None,
            })
            .collect();
        if singles.len() < 2 {
            return None;
        }
        let text = singles.join(" ");
        let speakers = index
            .speaker_names
            .iter()
            .map(|name| name.contains(&text))
            .collect();
        Some(Self { text, speakers })
    }

    /// Whether quote `id`, folded as `text`, holds the phrase or was said by someone so named.
    fn in_quote(&self, index: &Index, text: &str, id: QuoteId) -> bool {
        let speaker = index.speaker.get(id as usize).copied().flatten();
        speaker.is_some_and(|a| self.speakers.get(a as usize).copied().unwrap_or(false))
            || text.contains(&self.text)
    }
}

/// The score of one quote, or `None` when a term group does not match.
pub(super) fn score(
    index: &Index,
    matcher: &SkimMatcherV2,
    groups: &[Vec<PreparedTerm>],
    phrase: Option<&Phrase>,
    id: QuoteId,
) -> Option<i64> {
    let text = index.quotes.folded(id);
    let mut total = 0;
    for group in groups {
        total += group
            .iter()
            .filter_map(|term| term_score(matcher, text, term, id))
            .max()?;
    }
    if phrase.is_some_and(|p| p.in_quote(index, text, id)) {
        total += PHRASE_BONUS;
    }
    Some(total)
}

fn term_score(
    matcher: &SkimMatcherV2,
    text: &str,
    term: &PreparedTerm,
    id: QuoteId,
) -> Option<i64> {
    let t = term.folded.as_str();
    if term.negated {
        return (!exact_match(text, t, term.mode)).then_some(0);
    }
    if !term.admits(id) {
        return None;
    }
    let found = match term.mode {
        // A contiguous match is the best a fuzzy match can be: score it without the matcher.
        TermMode::Fuzzy => match text.find(t) {
            Some(at) => Some(contiguous_score(text, t, at)),
            // Scattered letters count only in quotes the vocabulary picked (a similar word is
            // there); for a common or very short term they would match nearly every quote.
            None if term.candidates.is_some() => matcher.fuzzy_match(text, t),
            None => None,
        },
        mode => exact_match(text, t, mode).then(|| 100 + WORD_BONUS * i64::from(has_word(text, t))),
    };
    let named = term
        .names_speaker(id)
        .map(|naming| speaker_score(t, naming));
    match (found, named) {
        (Some(s), Some(n)) => Some(s.max(n)),
        (Some(s), None) | (None, Some(s)) => Some(s),
        (None, None) if term.mode == TermMode::Fuzzy && term.candidates.is_some() => {
            Some(ALIKE_SCORE)
        }
        (None, None) => None,
    }
}

/// Score of a term that names the speaker. A whole name word scores above any place the
/// same letters could have in the text; the start of one, above any place where they start a
/// word of the text without being one.
fn speaker_score(t: &str, naming: Naming) -> i64 {
    let chars = i64::try_from(t.chars().count()).unwrap_or(1000);
    let word = if naming == Naming::Whole {
        WORD_BONUS
    } else {
        0
    };
    chars * CONTIGUOUS_PER_CHAR + WORD_START_BONUS + EARLY_BONUS + word + SPEAKER_EDGE
}

/// Score of a term found as one run of characters at byte `at`: more for longer terms, for
/// starting a word, for being a whole word, and for coming early in the quote. A single
/// character, typed on the way to a word, scores the same wherever it is.
fn contiguous_score(text: &str, t: &str, at: usize) -> i64 {
    let chars = i64::try_from(t.chars().count()).unwrap_or(1000);
    if chars == 1 {
        return CONTIGUOUS_PER_CHAR;
    }
    let starts_word = !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let early = EARLY_BONUS
        - i64::try_from(at / 10)
            .unwrap_or(EARLY_BONUS)
            .min(EARLY_BONUS);
    let word = if has_word(text, t) { WORD_BONUS } else { 0 };
    chars * CONTIGUOUS_PER_CHAR + if starts_word { WORD_START_BONUS } else { 0 } + early + word
}

/// Whether `t` occurs in `text` as a whole word (or whole words).
fn has_word(text: &str, t: &str) -> bool {
    text.match_indices(t)
        .any(|(at, _)| is_boundary(text, at, at + t.len()))
}

fn is_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Exact, prefix, suffix, whole-word and phrase matching on folded text.
fn exact_match(text: &str, t: &str, mode: TermMode) -> bool {
    let mut at = text.match_indices(t).map(|(at, _)| at);
    let word_start = |a: usize| {
        !text[..a]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    };
    let word_end = |a: usize| {
        !text[a + t.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    };
    match mode {
        TermMode::Fuzzy | TermMode::Exact | TermMode::Phrase => at.next().is_some(),
        TermMode::Prefix => at.any(word_start),
        TermMode::Suffix => at.any(word_end),
        TermMode::Word => at.any(|a| word_start(a) && word_end(a)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_character_scores_the_same_wherever_it_is() {
        let text = "a war between falsehood and truth";
        assert_eq!(
            contiguous_score(text, "a", 0),
            contiguous_score(text, "a", 9)
        );
        // Longer terms still prefer an early whole word.
        assert!(contiguous_score(text, "war", 2) > contiguous_score(text, "tru", 28));
    }

    #[test]
    fn naming_the_speaker_beats_the_best_place_in_the_text() {
        for term in ["ha", "hadi", "al-ameri"] {
            let best_in_text = contiguous_score(term, term, 0);
            assert!(speaker_score(term, Naming::Whole) > best_in_text, "{term}");
            // Begun, not finished: above the same letters starting a longer word of the text.
            let begun = contiguous_score(&format!("{term}ya"), term, 0);
            assert!(speaker_score(term, Naming::Start) > begun, "{term}");
        }
    }
}
