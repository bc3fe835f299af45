//! Candidates for query terms: which quotes can match a term, from the index vocabulary.
//!
//! A term is folded like the haystacks; its candidates are the postings of the vocabulary words
//! it reaches (by prefix, by shared trigrams for misspellings, by loose romanization key), plus
//! the quotes of actors and pieces whose names hold it — so `ameri` finds Ameri's statements even
//! when the quote text never names him.

use crate::index::Index;
use crate::index::fold::fold_text;
use crate::index::quotes::{QuoteId, words};
use crate::search::query::{Term, TermMode};

/// Above this many candidates, a term is checked by scanning instead of merging postings.
const SCAN_THRESHOLD: usize = 200_000;

/// A term prepared for matching: folded, with the quotes that can match it.
#[derive(Debug, Clone)]
pub struct PreparedTerm {
    /// The folded term text.
    pub folded: String,
    /// How it matches.
    pub mode: TermMode,
    /// Excludes instead of includes.
    pub negated: bool,
    /// Sorted quotes that can match; `None` means "check every quote".
    pub candidates: Option<Vec<QuoteId>>,
    /// Sorted quotes whose speaker or piece title holds the term (a match without the text).
    pub by_name: Vec<QuoteId>,
}

impl PreparedTerm {
    /// Folds `term` and collects its candidates from `index`.
    #[must_use]
    pub fn new(index: &Index, term: &Term) -> Self {
        let folded = fold_text(&term.text).0.trim().to_string();
        let by_name = if term.negated {
            Vec::new()
        } else {
            name_matches(index, &term.text, &folded)
        };
        let candidates = if term.negated {
            None
        } else {
            candidates(index, &folded, term.mode)
        };
        Self {
            folded,
            mode: term.mode,
            negated: term.negated,
            candidates,
            by_name,
        }
    }

    /// Whether the quote may match (before scoring).
    #[must_use]
    pub fn admits(&self, quote: QuoteId) -> bool {
        self.candidates
            .as_ref()
            .is_none_or(|c| c.binary_search(&quote).is_ok())
            || self.by_name.binary_search(&quote).is_ok()
    }
}

/// Quotes whose speaker the term names (any spelling, as `@term` would, or the start of a word
/// of the name as the list shows it: `al-am` while typing `al-ameri`) or whose piece title holds
/// the folded term.
fn name_matches(index: &Index, text: &str, folded: &str) -> Vec<QuoteId> {
    let letters = folded.chars().count();
    if letters < 2 {
        return Vec::new();
    }
    let mut found: Vec<QuoteId> = Vec::new();
    let resolved = if letters >= 3 {
        index.actors.resolve(text)
    } else {
        Vec::new()
    };
    let typed = index
        .speaker_names
        .iter()
        .enumerate()
        .filter(|(_, name)| starts_a_word(name, folded))
        .map(|(actor, _)| actor);
    for actor in resolved.into_iter().chain(typed) {
        found.extend(index.by_actor.get(actor).into_iter().flatten());
    }
    for (piece, title) in index.piece_titles.iter().enumerate() {
        if letters >= 3 && title.contains(folded) {
            found.extend(index.by_piece.get(piece).into_iter().flatten());
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// Whether `part` occurs in `name` where a word starts.
fn starts_a_word(name: &str, part: &str) -> bool {
    name.match_indices(part).any(|(at, _)| {
        !name[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    })
}

/// Vocabulary words a term reaches, by mode.
fn matching_words(index: &Index, folded: &str, mode: TermMode) -> Vec<u32> {
    let q = &index.quotes;
    let all = 0..u32::try_from(q.vocabulary_len()).unwrap_or(u32::MAX);
    match mode {
        TermMode::Prefix => q.words_with_prefix(folded).collect(),
        TermMode::Word => q
            .words_with_prefix(folded)
            .filter(|&w| q.word(w) == folded)
            .collect(),
        TermMode::Suffix => all.filter(|&w| q.word(w).ends_with(folded)).collect(),
        TermMode::Exact => all.filter(|&w| q.word(w).contains(folded)).collect(),
        TermMode::Phrase => Vec::new(),
        TermMode::Fuzzy => {
            let mut found: Vec<u32> = q.words_with_prefix(folded).collect();
            if folded.len() >= 3 {
                found.extend(q.words_near(folded));
                found.extend(q.words_alike(folded));
            }
            found.sort_unstable();
            found.dedup();
            found
        }
    }
}

/// Sorted candidate quotes of a term, or `None` when every quote must be checked.
fn candidates(index: &Index, folded: &str, mode: TermMode) -> Option<Vec<QuoteId>> {
    let q = &index.quotes;
    if mode == TermMode::Phrase || folded.contains(char::is_whitespace) {
        return phrase_candidates(index, folded);
    }
    // A term that is not one word (`u.s`) cannot use the vocabulary. One word with marks
    // around it (`al-`, typed on the way to `al-ameri`) reaches the vocabulary by the word.
    let mut parts = words(folded);
    let (Some(word), None) = (parts.next(), parts.next()) else {
        return None;
    };
    if mode == TermMode::Fuzzy && word.chars().count() < 3 {
        return None;
    }
    let reached = matching_words(index, word, mode);
    let size: usize = reached.iter().map(|&w| q.postings(w).len()).sum();
    if size > SCAN_THRESHOLD {
        return None;
    }
    let mut found: Vec<QuoteId> = Vec::with_capacity(size);
    for w in reached {
        found.extend_from_slice(q.postings(w));
    }
    found.sort_unstable();
    found.dedup();
    Some(found)
}

/// Quotes holding every word of a phrase (checked for the whole phrase when scoring).
fn phrase_candidates(index: &Index, folded: &str) -> Option<Vec<QuoteId>> {
    let mut result: Option<Vec<QuoteId>> = None;
    for word in words(folded) {
        let ids = index
            .quotes
            .words_with_prefix(word)
            .filter(|&w| index.quotes.word(w) == word);
        let mut postings: Vec<QuoteId> = ids
            .flat_map(|w| index.quotes.postings(w).iter().copied())
            .collect();
        postings.sort_unstable();
        result = Some(match result {
            None => postings,
            Some(so_far) => intersect(&so_far, &postings),
        });
    }
    result
}

/// Intersection of two sorted lists.
#[must_use]
pub fn intersect(a: &[QuoteId], b: &[QuoteId]) -> Vec<QuoteId> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    fn term(text: &str) -> Term {
        Term {
            text: text.to_string(),
            mode: TermMode::Fuzzy,
            negated: false,
        }
    }

    #[test]
    fn a_word_with_marks_around_it_uses_the_vocabulary() {
        let index = Index::build(Corpus::bundled());
        let plain = PreparedTerm::new(&index, &term("timetable"));
        assert!(plain.candidates.as_ref().is_some_and(|c| !c.is_empty()));
        for marked in ["timetable.", "(timetable)", "\u{201c}timetable"] {
            let prepared = PreparedTerm::new(&index, &term(marked));
            assert_eq!(prepared.candidates, plain.candidates, "{marked}");
        }
        // Two words joined by a mark still need every quote checked.
        assert_eq!(PreparedTerm::new(&index, &term("u.s")).candidates, None);
    }
}
