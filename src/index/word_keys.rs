//! The fuzzy keys of the quote index's vocabulary: each word's byte trigrams and loose
//! romanization keys, mapped back to the words that have them, so a misspelled or
//! differently romanized term still reaches the words it means.

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

use super::edits::levenshtein_within;
use super::fold::loose_keys;

/// Word trigrams and loose romanization keys → ids of the words (positions in the sorted
/// vocabulary) that have them.
#[derive(Debug, Default)]
pub(super) struct WordKeys {
    /// Word trigrams → words, for fuzzy and misspelled terms.
    trigrams: HashMap<[u8; 3], Vec<u32>>,
    /// Loose romanization key → words (`hzbl` → `hezbollah`, `hizballah`, ...).
    loose: HashMap<Box<str>, Vec<u32>>,
}

impl WordKeys {
    /// The keys of `words`, the vocabulary in id order.
    pub(super) fn new(words: &[Box<str>]) -> Self {
        let mut by_gram: HashMap<[u8; 3], Vec<u32>> = HashMap::new();
        let keys: Vec<Vec<String>> = words
            .par_iter()
            .map(|w| {
                if w.len() >= 3 {
                    loose_keys(w)
                } else {
                    Vec::new()
                }
            })
            .collect();
        let mut loose: HashMap<Box<str>, Vec<u32>> = HashMap::new();
        for (id, (word, keys)) in words.iter().zip(keys).enumerate() {
            let id = to_u32(id);
            for gram in trigrams(word) {
                by_gram.entry(gram).or_default().push(id);
            }
            for key in keys {
                loose.entry(key.into_boxed_str()).or_default().push(id);
            }
        }
        Self {
            trigrams: by_gram,
            loose,
        }
    }

    /// Ids of words (of `words`, the vocabulary the keys were made from) sharing two thirds
    /// of the trigrams of `term`, or one or two edits away.
    pub(super) fn near(&self, term: &str, words: &[Box<str>]) -> Vec<u32> {
        let grams = trigrams(term);
        if grams.is_empty() {
            return Vec::new();
        }
        let mut counts: HashMap<u32, usize> = HashMap::new();
        for gram in &grams {
            for &word in self.trigrams.get(gram).map_or(&[][..], Vec::as_slice) {
                *counts.entry(word).or_default() += 1;
            }
        }
        // Two thirds of the trigrams: one changed letter in a long name still passes. A word
        // sharing fewer is still near when one edit (two from seven letters) reaches it: a
        // dropped letter breaks two or three trigrams (`scool` shares one with `school`).
        let needed = (grams.len() * 2).div_ceil(3);
        let typed: Vec<char> = term.chars().collect();
        let limit = if typed.len() >= 7 { 2 } else { 1 };
        let (mut letters, mut row) = (Vec::new(), Vec::new());
        counts
            .into_iter()
            .filter(|&(word, n)| {
                n >= needed || {
                    letters.clear();
                    letters.extend(words.get(word as usize).map_or("", |w| w).chars());
                    levenshtein_within(&typed, &letters, limit, &mut row).is_some()
                }
            })
            .map(|(w, _)| w)
            .collect()
    }

    /// Ids of words with the same loose romanization key as `term`.
    pub(super) fn alike(&self, term: &str) -> Vec<u32> {
        loose_keys(term)
            .iter()
            .filter_map(|k| self.loose.get(k.as_str()))
            .flatten()
            .copied()
            .collect()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Byte trigrams of a word (ASCII-lowered already; other scripts work bytewise too).
fn trigrams(word: &str) -> Vec<[u8; 3]> {
    let bytes = word.as_bytes();
    let mut grams: Vec<[u8; 3]> = bytes.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}
