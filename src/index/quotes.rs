//! The text side of the index: a folded haystack per quote, and a vocabulary of folded words
//! with posting lists, so a search scores only the quotes that can match.
//!
//! Fuzzy matching over prose matches almost every line; speed comes from narrowing first. Each
//! query term is matched against the vocabulary (prefix, fuzzy via word trigrams, and the loose
//! romanization keys of [`super::fold`], so `hizballah` reaches `hezbollah`), and only the quotes
//! holding a matching word are scored.
//!
//! The vocabulary's fuzzy keys are kept in `word_keys`; haystacks and posting lists read from an
//! index image, in [`super::stored`].

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

use super::fold::fold_into;
pub use super::quote_id::QuoteId;
use super::stored::{BLOCK, StoredLists, StoredText};
use super::word_keys::WordKeys;
use crate::corpus::Quote;

/// Quotes folded per task while indexing.
const FOLD_CHUNK: usize = 4096;

/// Folded haystacks, vocabulary and postings for a list of quotes.
#[derive(Debug, Default)]
pub struct QuoteIndex {
    /// Folded text of every quote (lower case, no diacritics, Arabic normalized), one after
    /// another in one buffer: a search scans them in order, so they sit together in memory
    /// whatever the allocator did while loading. Or left in an index image.
    folded: Haystacks,
    /// Where each quote's folded text ends in `folded`.
    ends: Vec<u64>,
    /// Distinct folded words, sorted, so prefixes are ranges.
    words: Vec<Box<str>>,
    /// The posting lists of all words one after another: for each word, the quotes that hold
    /// it, ascending. Or left in an index image.
    postings: Postings,
    /// Where each word's posting list starts in `postings`, and (last) where the lists end.
    posting_starts: Vec<u64>,
    /// Word trigrams and loose romanization keys → words, for fuzzy, misspelled and
    /// differently romanized terms.
    keys: WordKeys,
}

/// Where the folded haystacks are.
#[derive(Debug)]
enum Haystacks {
    /// In memory, one after another.
    Held(String),
    /// In an index image, read a block at a time.
    Stored(StoredText),
}

impl Default for Haystacks {
    fn default() -> Self {
        Self::Held(String::new())
    }
}

/// Where the posting lists are.
#[derive(Debug)]
enum Postings {
    /// In memory, one after another.
    Held(Vec<QuoteId>),
    /// In an index image, read a list at a time.
    Stored(StoredLists),
}

impl Default for Postings {
    fn default() -> Self {
        Self::Held(Vec::new())
    }
}

/// Splits folded text into words: runs of letters and digits.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl QuoteIndex {
    /// Folds every quote and builds the vocabulary.
    #[must_use]
    pub fn new(quotes: &[Quote]) -> Self {
        // Folded in parallel by chunks, each into one buffer, so there is no string per quote
        // to allocate and free.
        let chunks: Vec<(String, Vec<usize>)> = quotes
            .par_chunks(FOLD_CHUNK)
            .map(|chunk| {
                let mut buffer = String::new();
                let mut lengths = Vec::with_capacity(chunk.len());
                for quote in chunk {
                    let before = buffer.len();
                    fold_into(&quote.text, &mut buffer);
                    lengths.push(buffer.len() - before);
                }
                (buffer, lengths)
            })
            .collect();
        let mut folded = String::with_capacity(chunks.iter().map(|c| c.0.len()).sum());
        let mut ends = Vec::with_capacity(quotes.len());
        for (buffer, lengths) in chunks {
            let mut end = folded.len();
            for length in lengths {
                end += length;
                ends.push(end as u64);
            }
            folded.push_str(&buffer);
        }
        // Each chunk of quotes lists its words in parallel; the lists are then joined in
        // chunk order, so every posting list stays ascending.
        let firsts: Vec<usize> = (0..ends.len()).step_by(FOLD_CHUNK).collect();
        let chunk_words: Vec<HashMap<&str, Vec<QuoteId>>> = firsts
            .par_iter()
            .map(|&first| {
                let mut local: HashMap<&str, Vec<QuoteId>> = HashMap::new();
                for at in first..(first + FOLD_CHUNK).min(ends.len()) {
                    let quote = QuoteId::try_from(at).unwrap_or(QuoteId::MAX);
                    for word in words(folded_of(&folded, &ends, at)) {
                        let list = local.entry(word).or_default();
                        if list.last() != Some(&quote) {
                            list.push(quote);
                        }
                    }
                }
                local
            })
            .collect();
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut postings: Vec<Vec<QuoteId>> = Vec::new();
        for local in chunk_words {
            for (word, list) in local {
                let next = u32::try_from(postings.len()).unwrap_or(u32::MAX);
                let id = *ids.entry(word).or_insert(next);
                if id == next {
                    postings.push(list);
                } else {
                    postings[id as usize].extend(list);
                }
            }
        }
        let mut order: Vec<(&str, u32)> = ids.into_iter().collect();
        order.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let words: Vec<Box<str>> = order.iter().map(|(w, _)| Box::from(*w)).collect();
        let mut posting_starts = Vec::with_capacity(order.len() + 1);
        let mut flat = Vec::with_capacity(postings.iter().map(Vec::len).sum());
        for (_, id) in &order {
            posting_starts.push(flat.len() as u64);
            flat.extend_from_slice(&postings[*id as usize]);
        }
        posting_starts.push(flat.len() as u64);
        let keys = WordKeys::new(&words);
        Self {
            folded: Haystacks::Held(folded),
            ends,
            words,
            postings: Postings::Held(flat),
            posting_starts,
            keys,
        }
    }

    /// An index whose haystacks and posting lists stay in an index image, read as searches
    /// need them; the word keys are derived again from the words. `None` when the parts do
    /// not fit together (a damaged image): the ends and posting starts must rise, one start
    /// per word and one more, the words ascend.
    #[must_use]
    pub fn from_stored(
        ends: Vec<u64>,
        words: Vec<Box<str>>,
        posting_starts: Vec<u64>,
        folded: StoredText,
        postings: StoredLists,
    ) -> Option<Self> {
        let fits = ends.windows(2).all(|w| w[0] <= w[1])
            && posting_starts.len() == words.len() + 1
            && posting_starts.first() == Some(&0)
            && posting_starts.windows(2).all(|w| w[0] <= w[1])
            && words.windows(2).all(|w| w[0] < w[1]);
        if !fits {
            return None;
        }
        let keys = WordKeys::new(&words);
        Some(Self {
            folded: Haystacks::Stored(folded),
            ends,
            words,
            postings: Postings::Stored(postings),
            posting_starts,
            keys,
        })
    }

    /// The parts of the index an image stores (the word keys are derived from the words);
    /// `None` for an index read from an image.
    #[must_use]
    pub fn parts(&self) -> Option<PartsRef<'_>> {
        let (Haystacks::Held(folded), Postings::Held(postings)) = (&self.folded, &self.postings)
        else {
            return None;
        };
        Some(PartsRef {
            folded,
            ends: &self.ends,
            words: &self.words,
            postings,
            posting_starts: &self.posting_starts,
        })
    }

    /// Tells the index that about `quotes` haystacks are about to be read, so an index left
    /// in an image reads its haystacks at once when that is most of them.
    pub fn prefetch(&self, quotes: usize) {
        if let Haystacks::Stored(stored) = &self.folded {
            stored.prefetch(quotes, self.len());
        }
    }

    /// Whether part of an index left in an image failed its check when read: what was
    /// searched since may be wrong.
    #[must_use]
    pub fn is_damaged(&self) -> bool {
        matches!(&self.folded, Haystacks::Stored(s) if s.is_damaged())
            || matches!(&self.postings, Postings::Stored(s) if s.is_damaged())
    }

    /// Number of quotes indexed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether no quote is indexed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The folded haystack of a quote.
    #[must_use]
    pub fn folded(&self, quote: QuoteId) -> &str {
        let at = quote as usize;
        match &self.folded {
            Haystacks::Held(folded) => folded_of(folded, &self.ends, at),
            Haystacks::Stored(stored) => {
                let end_of = |i: usize| self.ends.get(i).copied();
                let first = at - at % BLOCK;
                let last = (first + BLOCK).min(self.ends.len());
                let before = |i: usize| i.checked_sub(1).map_or(Some(0), end_of);
                match (
                    before(first),
                    end_of(last.wrapping_sub(1)),
                    before(at),
                    end_of(at),
                ) {
                    (Some(block_start), Some(block_end), Some(start), Some(end)) => {
                        stored.get(at, block_start, block_end, start, end)
                    }
                    _ => "",
                }
            }
        }
    }

    /// Number of distinct words.
    #[must_use]
    pub fn vocabulary_len(&self) -> usize {
        self.words.len()
    }

    /// The word with this id.
    #[must_use]
    pub fn word(&self, id: u32) -> &str {
        self.words.get(id as usize).map_or("", |w| w)
    }

    /// The quotes holding word `id`.
    #[must_use]
    pub fn postings(&self, id: u32) -> &[QuoteId] {
        let at = id as usize;
        let bound = |i: usize| {
            self.posting_starts
                .get(i)
                .and_then(|&s| usize::try_from(s).ok())
        };
        match (&self.postings, bound(at), bound(at + 1)) {
            (Postings::Held(all), Some(start), Some(end)) => all.get(start..end).unwrap_or(&[]),
            (Postings::Stored(stored), Some(start), Some(end)) => {
                stored.get(at, start as u64, end as u64)
            }
            _ => &[],
        }
    }

    /// Ids of the words that start with `prefix` (folded).
    #[must_use]
    pub fn words_with_prefix(&self, prefix: &str) -> std::ops::Range<u32> {
        let start = self.words.partition_point(|w| &**w < prefix);
        let end = start + self.words[start..].partition_point(|w| w.starts_with(prefix));
        to_u32(start)..to_u32(end)
    }

    /// Ids of words sharing two thirds of the trigrams of `term` (a misspelling still shares most).
    #[must_use]
    pub fn words_near(&self, term: &str) -> Vec<u32> {
        self.keys.near(term, &self.words)
    }

    /// Ids of words with the same loose romanization key as `term`.
    #[must_use]
    pub fn words_alike(&self, term: &str) -> Vec<u32> {
        self.keys.alike(term)
    }
}

/// The parts of a [`QuoteIndex`], borrowed, for writing an image.
#[derive(Debug, Clone, Copy)]
pub struct PartsRef<'a> {
    /// Folded texts, one after another.
    pub folded: &'a str,
    /// Where each quote's folded text ends.
    pub ends: &'a [u64],
    /// The vocabulary, sorted.
    pub words: &'a [Box<str>],
    /// Every word's posting list, one after another.
    pub postings: &'a [QuoteId],
    /// Where each word's list starts, then where the last ends.
    pub posting_starts: &'a [u64],
}

/// The folded text of quote `at`: empty when the ends do not hold it (never a panic).
fn folded_of<'a>(folded: &'a str, ends: &[u64], at: usize) -> &'a str {
    let offset = |i: usize| ends.get(i).and_then(|&e| usize::try_from(e).ok());
    let Some(end) = offset(at) else {
        return "";
    };
    let start = match at.checked_sub(1) {
        Some(before) => offset(before).unwrap_or(0),
        None => 0,
    };
    folded.get(start..end).unwrap_or("")
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{DateSource, QuoteKind};
    use crate::index::fold::fold_text;

    fn quote(text: String) -> Quote {
        Quote {
            id: String::new(),
            text,
            speaker: None,
            date: None,
            date_source: DateSource::Piece,
            date_cue: None,
            attribution: None,
            correction: None,
            piece: String::new(),
            paragraph: 0,
            range: (0, 0),
            figure: None,
            via: None,
            kind: QuoteKind::Statement,
            context: String::new(),
        }
    }

    #[test]
    fn every_quote_keeps_its_own_haystack_across_folding_chunks() {
        // More quotes than one folding task takes, of varying lengths, some not ASCII.
        let quotes: Vec<Quote> = (0..FOLD_CHUNK * 2 + 7)
            .map(|i| quote(format!("Qu\u{e9}te {i} {}", "ab".repeat(i % 5))))
            .collect();
        let index = QuoteIndex::new(&quotes);
        assert_eq!(index.len(), quotes.len());
        for (i, q) in quotes.iter().enumerate() {
            let id = QuoteId::try_from(i).unwrap_or(QuoteId::MAX);
            assert_eq!(index.folded(id), fold_text(&q.text).0, "quote {i}");
        }
    }

    #[test]
    fn posting_lists_are_whole_and_ascending_across_chunks() {
        // `shared` is in every quote, `odd` in every other one, `n<i % 3>` in a third.
        let quotes: Vec<Quote> = (0..FOLD_CHUNK * 2 + 7)
            .map(|i| {
                let odd = if i % 2 == 1 { "odd" } else { "" };
                quote(format!("shared {odd} n{} shared", i % 3))
            })
            .collect();
        let index = QuoteIndex::new(&quotes);
        let postings = |word: &str| {
            let range = index.words_with_prefix(word);
            assert_eq!(range.len(), 1, "{word}");
            index.postings(range.start).to_vec()
        };
        let all: Vec<QuoteId> = (0..quotes.len())
            .map(|i| QuoteId::try_from(i).unwrap_or(QuoteId::MAX))
            .collect();
        assert_eq!(postings("shared"), all);
        let odd: Vec<QuoteId> = all.iter().copied().filter(|i| i % 2 == 1).collect();
        assert_eq!(postings("odd"), odd);
        let thirds: Vec<QuoteId> = all.iter().copied().filter(|i| i % 3 == 2).collect();
        assert_eq!(postings("n2"), thirds);
    }
}
