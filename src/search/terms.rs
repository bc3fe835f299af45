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
    /// For a term of several words and no candidates (`al-ameri`), which then matches only
    /// as one run of characters: a sorted superset of the quotes holding it, from the words
    /// it needs (one ending with its first part, its middle words, one starting with its last
    /// part). `None` when not narrowed this way.
    pub within: Option<Vec<QuoteId>>,
    /// Quotes whose speaker the term names, sorted by quote, with how well it names them.
    /// (A piece's title is no match: every quote of a piece titled after Khamenei is not about
    /// him. `piece:` asks for the title.)
    pub by_speaker: Vec<(QuoteId, Naming)>,
}

/// How a term names a quote's speaker, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Naming {
    /// The term starts a word of the name as the list shows it (`al-am` on the way to
    /// `al-ameri`).
    Start,
    /// The term is a whole word of that name, or names the actor by any alias or spelling.
    Whole,
}

impl PreparedTerm {
    /// Folds `term` and collects its candidates from `index`.
    #[must_use]
    pub fn new(index: &Index, term: &Term) -> Self {
        let folded = fold_text(&term.text).0.trim().to_string();
        let by_speaker = if term.negated {
            Vec::new()
        } else {
            speaker_matches(index, &term.text, &folded)
        };
        let candidates = if term.negated {
            None
        } else {
            candidates(index, &folded, term.mode)
        };
        let within = if term.negated || candidates.is_some() {
            None
        } else {
            within(index, &folded, term.mode)
        };
        Self {
            folded,
            mode: term.mode,
            negated: term.negated,
            candidates,
            within,
            by_speaker,
        }
    }

    /// How the term names the speaker of `quote`, if it does.
    #[must_use]
    pub fn names_speaker(&self, quote: QuoteId) -> Option<Naming> {
        self.by_speaker
            .binary_search_by_key(&quote, |&(id, _)| id)
            .ok()
            .and_then(|at| self.by_speaker.get(at))
            .map(|&(_, naming)| naming)
    }

    /// The quotes the index narrows this term to (its candidates, else the quotes it can be
    /// within); `None` when every quote must be checked. Named speakers and titles come on top.
    #[must_use]
    pub fn narrowed(&self) -> Option<&[QuoteId]> {
        self.candidates.as_deref().or(self.within.as_deref())
    }

    /// Whether the text of `quote` holds a word the term reaches (by prefix, misspelling or
    /// romanization), so that its letters scattered in the text count as a match.
    #[must_use]
    pub fn reaches_words_of(&self, quote: QuoteId) -> bool {
        self.candidates
            .as_ref()
            .is_some_and(|c| c.binary_search(&quote).is_ok())
    }

    /// The quotes the term matches through their speaker's name rather than text.
    pub fn named_quotes(&self) -> impl Iterator<Item = QuoteId> + '_ {
        self.by_speaker.iter().map(|&(id, _)| id)
    }

    /// Whether the quote may match (before scoring).
    #[must_use]
    pub fn admits(&self, quote: QuoteId) -> bool {
        self.candidates
            .as_ref()
            .is_none_or(|c| c.binary_search(&quote).is_ok())
            || self.names_speaker(quote).is_some()
    }
}

/// Quotes whose speaker the term names: any spelling of the actor, as `@term` would, or a
/// word of the name as the list shows it, whole or begun (`al-am` while typing `al-ameri`).
fn speaker_matches(index: &Index, text: &str, folded: &str) -> Vec<(QuoteId, Naming)> {
    let letters = folded.chars().count();
    if letters < 2 {
        return Vec::new();
    }
    let resolved = if letters >= 3 {
        index.actors.resolve(text)
    } else {
        Vec::new()
    };
    let typed = index
        .speaker_names
        .iter()
        .enumerate()
        .filter_map(|(actor, name)| naming_in(name, folded).map(|n| (actor, n)));
    let mut found: Vec<(QuoteId, Naming)> = Vec::new();
    for (actor, naming) in resolved
        .into_iter()
        .map(|a| (a, Naming::Whole))
        .chain(typed)
    {
        let quotes = index.by_actor.get(actor).into_iter().flatten();
        found.extend(quotes.map(|&id| (id, naming)));
    }
    // Sorted, the strongest naming of a quote comes last among its equals: that one is kept.
    found.sort_unstable();
    found.reverse();
    found.dedup_by_key(|&mut (id, _)| id);
    found.reverse();
    found
}

/// How `part` names `name`: a whole word of it, the start of one, or not at all.
fn naming_in(name: &str, part: &str) -> Option<Naming> {
    let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    name.match_indices(part)
        .filter(|&(at, _)| !alphanumeric(name[..at].chars().next_back()))
        .map(|(at, _)| {
            if alphanumeric(name[at + part.len()..].chars().next()) {
                Naming::Start
            } else {
                Naming::Whole
            }
        })
        .max()
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
/// Quotes that can hold `folded`, a term of several words without spaces (`al-ameri`), as one
/// run of characters: those holding a word that ends with its first part, each of its middle
/// words, and a word that starts with its last part. A part reaching too many quotes is left
/// out (the rest still narrow); `None` when every part does, or the term is one word.
fn within(index: &Index, folded: &str, mode: TermMode) -> Option<Vec<QuoteId>> {
    if mode == TermMode::Phrase || folded.contains(char::is_whitespace) {
        return None;
    }
    let parts: Vec<&str> = words(folded).collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        return None;
    };
    if parts.len() < 2 {
        return None;
    }
    let q = &index.quotes;
    let all = 0..u32::try_from(q.vocabulary_len()).unwrap_or(u32::MAX);
    let mut reached: Vec<Vec<u32>> = vec![all.filter(|&w| q.word(w).ends_with(first)).collect()];
    reached.extend(middle.iter().map(|word| {
        q.words_with_prefix(word)
            .filter(|&w| q.word(w) == *word)
            .collect::<Vec<u32>>()
    }));
    reached.push(q.words_with_prefix(last).collect());
    let mut result: Option<Vec<QuoteId>> = None;
    for words in reached {
        let size: usize = words.iter().map(|&w| q.postings(w).len()).sum();
        if size > SCAN_THRESHOLD {
            continue;
        }
        let mut quotes: Vec<QuoteId> = Vec::with_capacity(size);
        for w in words {
            quotes.extend_from_slice(q.postings(w));
        }
        quotes.sort_unstable();
        quotes.dedup();
        result = Some(match result {
            None => quotes,
            Some(so_far) => intersect(&so_far, &quotes),
        });
    }
    result
}

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
    fn a_term_of_several_words_is_narrowed_to_a_superset_of_the_quotes_holding_it() {
        let index = Index::build(Corpus::bundled());
        for text in [
            "secretary-general",
            "ary-gen",
            "short-term",
            "rt-te",
            "u.s.-led",
            "x-y-z",
        ] {
            let prepared = PreparedTerm::new(&index, &term(text));
            assert!(prepared.candidates.is_none(), "{text}");
            let within = prepared.within.as_ref().expect("narrowed");
            assert!(within.windows(2).all(|w| w[0] < w[1]), "{text}");
            let holding: Vec<QuoteId> = (0..index.quotes.len())
                .filter_map(|i| QuoteId::try_from(i).ok())
                .filter(|&id| index.quotes.folded(id).contains(&prepared.folded))
                .collect();
            assert!(holding.iter().all(|id| within.contains(id)), "{text}");
            assert_eq!(prepared.narrowed(), Some(within.as_slice()));
        }
        // One word, or words with a space between, are narrowed the other ways.
        assert!(
            PreparedTerm::new(&index, &term("timetable"))
                .within
                .is_none()
        );
        assert!(
            PreparedTerm::new(&index, &term("-timetable"))
                .within
                .is_none()
        );
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

    #[test]
    fn a_term_names_a_speaker_by_a_whole_word_or_the_start_of_one() {
        let name = "hadi al-ameri";
        assert_eq!(naming_in(name, "hadi"), Some(Naming::Whole));
        assert_eq!(naming_in(name, "al-ameri"), Some(Naming::Whole));
        assert_eq!(naming_in(name, "ameri"), Some(Naming::Whole));
        assert_eq!(naming_in(name, "al-am"), Some(Naming::Start));
        assert_eq!(naming_in(name, "ha"), Some(Naming::Start));
        assert_eq!(naming_in(name, "adi"), None);
        assert_eq!(naming_in(name, "meri"), None);
        // The strongest place wins: `hadi` starts `hadiya` and is a whole word after it.
        assert_eq!(naming_in("abu hadiya hadi", "hadi"), Some(Naming::Whole));
    }

    #[test]
    fn a_speaker_named_twice_is_kept_once_at_the_stronger_naming() {
        let index = Index::build(Corpus::bundled());
        // `ameri` resolves to Hadi al-Ameri (whole) and is a word of his name.
        let prepared = PreparedTerm::new(&index, &term("ameri"));
        let ids: Vec<QuoteId> = prepared.by_speaker.iter().map(|&(id, _)| id).collect();
        let mut sorted = ids.clone();
        sorted.dedup();
        assert_eq!(ids, sorted, "sorted by quote, each once");
        assert_eq!(ids.len(), 4);
        assert!(prepared.by_speaker.iter().all(|&(_, n)| n == Naming::Whole));
    }
}
