//! Ranking: filters narrow the quotes, terms narrow them further through the index, and only
//! the survivors are scored (see `scoring.rs`) with fuzzy-matcher's `SkimMatcherV2` on
//! the folded haystack.
//!
//! This module runs the stages: it builds the filter and the prepared terms, intersects the
//! candidates, scores them in parallel (or the first few in index order), keeps the best, and
//! assembles the results. Ties go to the more recent quote. Only the top `limit` hits get
//! highlight ranges, mapped back from folded to original text.

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use super::filters::Filter;
use super::query::{Query, TermMode};
use super::scoring::{Phrase, score};
use super::terms::{PreparedTerm, intersect};
use crate::index::Index;
use crate::index::fold::fold_text;
use crate::index::quotes::QuoteId;

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
}
