//! Ranking: filters narrow the quotes, terms narrow them further through the index, and only
//! the survivors are scored with fuzzy-matcher's `SkimMatcherV2` on the folded haystack.
//!
//! Score = per term, the best of its fuzzy score on the text (with bonuses for whole words)
//! and its score as a name of the speaker or of the piece, plus a bonus for the whole phrase.
//! A term naming the speaker scores above the same word in the text: typing a name lists what
//! that person said before what others said about them. Ties go to the more recent quote.
//! Only the top `limit` hits get highlight ranges, mapped back from folded to original text.

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use super::filters::Filter;
use super::query::{Query, TermMode};
use super::terms::{Naming, PreparedTerm, intersect};
use crate::index::Index;
use crate::index::fold::fold_text;
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

/// One ranked quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The quote's position in [`crate::corpus::Corpus::quotes`].
    pub quote: QuoteId,
    /// Higher is better.
    pub score: i64,
    /// Byte ranges of matched characters in the quote's original text.
    pub ranges: Vec<Range<usize>>,
}

/// The result of a search: the top hits, how many quotes matched, and what was wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    /// Best first, at most the requested limit.
    pub hits: Vec<Hit>,
    /// Every quote that matched.
    pub total: usize,
    /// Problems with the query (a malformed field, an unknown actor); the rest still ran.
    pub messages: Vec<String>,
}

impl Results {
    /// Whether more quotes matched than the list holds (the best are kept).
    #[must_use]
    pub fn is_capped(&self) -> bool {
        self.total > self.hits.len()
    }
}

/// How much of the ranking to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The first `n` matches in index order (newest pieces first), scored: a quick screenful.
    First(usize),
    /// Every match scored, the best `n` kept.
    Full(usize),
}

/// Whether hits come with highlight ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ranges {
    /// Each hit carries the ranges of its matched characters.
    Lit,
    /// No ranges: for output that shows none (`search --plain`), which need not pay for
    /// mapping them back on every one of a million matches.
    Unlit,
}

/// Runs `query` over `index` and returns the best `limit` hits.
#[must_use]
pub fn search(index: &Index, query: &Query, limit: usize) -> Results {
    search_with(index, query, limit, Ranges::Lit)
}

/// Runs `query` over `index` and returns the best `limit` hits, lit or not.
#[must_use]
pub fn search_with(index: &Index, query: &Query, limit: usize, ranges: Ranges) -> Results {
    run_with(index, query, Stage::Full(limit), ranges, &|| false).unwrap_or_default()
}

/// Runs one stage of a search; `None` when `cancelled` turned true along the way.
pub fn run<F: Fn() -> bool + Sync>(
    index: &Index,
    query: &Query,
    stage: Stage,
    cancelled: &F,
) -> Option<Results> {
    run_with(index, query, stage, Ranges::Lit, cancelled)
}

fn run_with<F: Fn() -> bool + Sync>(
    index: &Index,
    query: &Query,
    stage: Stage,
    ranges: Ranges,
    cancelled: &F,
) -> Option<Results> {
    let mut messages: Vec<String> = query.errors.iter().map(|e| e.message.clone()).collect();
    let filter = Filter::new(index, query, &mut messages);
    let groups: Vec<Vec<PreparedTerm>> = query
        .groups
        .iter()
        .map(|g| {
            g.alternatives
                .iter()
                .map(|t| PreparedTerm::new(index, t))
                .collect()
        })
        .collect();
    let pool = candidate_pool(index, &filter, &groups);
    index.quotes.prefetch(pool.len());
    let phrase = Phrase::new(index, &groups);
    let matcher = SkimMatcherV2::default();
    let score_one = |id: QuoteId| {
        if !filter.admits(index, id) {
            return None;
        }
        score(index, &matcher, &groups, phrase.as_ref(), id).map(|s| (s, id))
    };
    let (mut scored, limit): (Vec<(i64, QuoteId)>, usize) = match stage {
        Stage::First(n) => (
            pool.iter()
                .rev()
                .filter_map(|&id| score_one(id))
                .take(n)
                .collect(),
            n,
        ),
        Stage::Full(n) => {
            let all = pool
                .par_iter()
                .filter_map(|&id| if cancelled() { None } else { score_one(id) })
                .collect();
            (all, n)
        }
    };
    if cancelled() {
        return None;
    }
    let total = scored.len();
    let order = |a: &(i64, QuoteId), b: &(i64, QuoteId)| {
        b.0.cmp(&a.0)
            .then_with(|| index.day_of(b.1).cmp(&index.day_of(a.1)))
            .then(a.1.cmp(&b.1))
    };
    if scored.len() > limit && limit > 0 {
        scored.select_nth_unstable_by(limit - 1, order);
    }
    scored.truncate(limit);
    scored.sort_unstable_by(order);
    let hits = scored
        .into_iter()
        .map(|(score, quote)| Hit {
            quote,
            score,
            ranges: match ranges {
                Ranges::Lit => highlight(index, &matcher, &groups, quote),
                Ranges::Unlit => Vec::new(),
            },
        })
        .collect();
    messages.dedup();
    Some(Results {
        hits,
        total,
        messages,
    })
}

/// The quotes worth checking: the intersection of the term candidates and the filter's set.
fn candidate_pool(index: &Index, filter: &Filter, groups: &[Vec<PreparedTerm>]) -> Vec<QuoteId> {
    let mut pool: Option<Vec<QuoteId>> = filter.quotes.clone();
    for group in groups {
        if group.iter().any(|t| t.negated || t.narrowed().is_none()) {
            continue;
        }
        let mut union: Vec<QuoteId> = group
            .iter()
            .flat_map(|t| {
                t.narrowed()
                    .into_iter()
                    .flatten()
                    .copied()
                    .chain(t.named_quotes())
            })
            .collect();
        // A few sorted runs (each term's candidates, speakers, titles): the stable sort finds
        // and merges them in about linear time, where an unstable sort starts from scratch.
        union.sort();
        union.dedup();
        pool = Some(match pool {
            None => union,
            Some(so_far) => intersect(&so_far, &union),
        });
    }
    pool.unwrap_or_else(|| (0..u32::try_from(index.quotes.len()).unwrap_or(u32::MAX)).collect())
}

/// The positive terms joined, when there are several, and which speakers' names hold them: a
/// quote holding them all in a row, or said by someone so named, is best.
struct Phrase {
    text: String,
    /// By actor (index in the corpus): whether the folded name holds the phrase.
    speakers: Vec<bool>,
}

impl Phrase {
    fn new(index: &Index, groups: &[Vec<PreparedTerm>]) -> Option<Self> {
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
fn score(
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

/// Highlight ranges in the original text of a quote, merged and sorted: what each term matched
/// in the text. A one-character term is not shown: lighting every `a` of a quote tells the
/// reader nothing.
fn highlight(
    index: &Index,
    matcher: &SkimMatcherV2,
    groups: &[Vec<PreparedTerm>],
    id: QuoteId,
) -> Vec<Range<usize>> {
    let Some(quote) = index.quote(id) else {
        return Vec::new();
    };
    let (folded, offsets) = fold_text(&quote.text);
    let mut bytes: Vec<usize> = Vec::new();
    for term in groups
        .iter()
        .flatten()
        .filter(|t| !t.negated && t.folded.chars().nth(1).is_some())
    {
        // A term naming the speaker matched the speaker (it scores above any place in the text).
        if term.names_speaker(id).is_some() {
            continue;
        }
        if term.mode == TermMode::Fuzzy && !folded.contains(term.folded.as_str()) {
            // Letters scattered over the text count only in quotes holding a word the term
            // reaches (as in scoring); elsewhere they would light up noise.
            if !term.reaches_words_of(id) {
                continue;
            }
            if let Some((_, chars)) = matcher.fuzzy_indices(&folded, &term.folded) {
                let starts: Vec<usize> = folded.char_indices().map(|(b, _)| b).collect();
                bytes.extend(chars.iter().filter_map(|&c| starts.get(c).copied()));
            }
        } else {
            for (at, m) in folded.match_indices(term.folded.as_str()) {
                bytes.extend(at..at + m.len());
            }
        }
    }
    to_ranges(&quote.text, &offsets, bytes)
}

/// Turns folded byte positions into merged ranges of whole characters in the original.
fn to_ranges(original: &str, offsets: &[usize], mut folded_bytes: Vec<usize>) -> Vec<Range<usize>> {
    folded_bytes.sort_unstable();
    folded_bytes.dedup();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for b in folded_bytes {
        let Some(&start) = offsets.get(b) else {
            continue;
        };
        let len = original[start..].chars().next().map_or(0, char::len_utf8);
        match ranges.last_mut() {
            Some(last) if last.end >= start => last.end = last.end.max(start + len),
            _ => ranges.push(start..start + len),
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::search::query::parse;

    #[test]
    fn unlit_hits_are_the_lit_ones_without_ranges() {
        let index = Index::build(Corpus::bundled());
        for text in ["timetable", "americans attack", "@amiri", "a"] {
            let query = parse(text);
            let lit = search_with(&index, &query, usize::MAX, Ranges::Lit);
            let unlit = search_with(&index, &query, usize::MAX, Ranges::Unlit);
            assert!(!lit.hits.is_empty(), "{text}");
            assert_eq!(lit.total, unlit.total, "{text}");
            let order = |r: &Results| {
                r.hits
                    .iter()
                    .map(|h| (h.quote, h.score))
                    .collect::<Vec<_>>()
            };
            assert_eq!(order(&lit), order(&unlit), "{text}");
            assert!(unlit.hits.iter().all(|h| h.ranges.is_empty()), "{text}");
        }
        let lit = search(&index, &parse("timetable"), 1);
        assert!(lit.hits.iter().all(|h| !h.ranges.is_empty()));
    }

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
