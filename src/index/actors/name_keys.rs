//! The precomputed keys of one name (an actor's name, alias or Arabic spelling, or a query),
//! and the edit distances that rank the candidates the loose keys find.

use crate::index::edits::levenshtein;
use crate::index::fold::NameKeys;

/// One name with every key the lookup compares, computed once.
///
/// The index builds one per name of every actor; a query is read into the same shape, so both
/// sides always agree on the folding.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct Name {
    /// Index of the actor in the slice given to [`ActorIndex::new`](super::ActorIndex::new).
    pub(super) actor: usize,
    /// The name as written, shown as the matching alias.
    pub(super) written: String,
    /// Lower case with whitespace collapsed: the exact-match key.
    pub(super) exact: String,
    /// Whether the name is in Arabic script.
    pub(super) arabic: bool,
    /// The acronym key (`KH`, `HAN`, `IRGCQF`) when the name is an acronym.
    pub(super) acronym: Option<String>,
    /// The strict key (the Arabic key for an Arabic name).
    pub(super) strict: String,
    /// The loose keys as written by `loose_keys` (the Arabic recall key for an Arabic name).
    pub(super) loose: Vec<String>,
    /// The same loose keys split into tokens, for token-run (surname) matching.
    pub(super) loose_tokens: Vec<Vec<String>>,
    /// One spelling per token for edit distances, aligned with the loose tokens.
    pub(super) sound: Vec<String>,
    /// The strict key's tokens, aligned with `sound` (the Arabic tokens for an Arabic name):
    /// the spelling that decides between candidates whose sounds agree (docs/folding.md §3).
    pub(super) spelled: Vec<String>,
    /// Length of each sound token in characters, so the fuzzy scan can skip far windows cheaply.
    pub(super) lens: Vec<usize>,
}

impl Name {
    /// Reads `written` into all its keys; `actor` is the owner's index.
    pub(super) fn of(actor: usize, written: &str) -> Name {
        let keys = NameKeys::of(written);
        let arabic = keys.arabic.is_some();
        let loose_tokens: Vec<Vec<String>> = keys
            .loose
            .iter()
            .map(|k| k.split(' ').map(str::to_string).collect())
            .collect();
        let sound = if arabic {
            loose_tokens.first().cloned().unwrap_or_default()
        } else if keys.strict.is_empty() {
            Vec::new()
        } else {
            keys.strict.split(' ').map(sound_token).collect()
        };
        let spelled = if arabic {
            sound.clone()
        } else {
            keys.strict.split(' ').map(str::to_string).collect()
        };
        let lens = sound.iter().map(|t| t.chars().count()).collect();
        Name {
            actor,
            written: written.to_string(),
            exact: exact_key(written),
            arabic,
            acronym: keys.acronym,
            strict: keys.strict,
            loose: keys.loose,
            loose_tokens,
            sound,
            spelled,
            lens,
        }
    }

    /// Number of letters in the sound tokens: how long the name is for the fuzzy limits.
    pub(super) fn letters(&self) -> usize {
        self.lens.iter().sum()
    }
}

/// Lower case with whitespace collapsed to single spaces: the exact-match key.
pub(super) fn exact_key(s: &str) -> String {
    let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
    words.join(" ")
}

/// The vowel-keeping spelling of one strict token, for edit distances between candidates.
///
/// The loose key drops vowels to find candidates, which merges *Muhammad* and *Mahmud* (both
/// `mhmd`). Distances are therefore measured on a spelling that keeps the vowels but folds what
/// never tells two names apart: the consonant classes of the loose key (q k g gh c kh → k, dh
/// z → d, th → t, sh ch → š, dj → j, ph → f, v → w), e → i, o → u, a non-initial y → i, an
/// initial u before a vowel → w, and runs of one letter collapsed. So *Kazemi* and *Kadhimi*
/// are 0 apart, *Mohammed* and *Muhammad* 1, *Muhammad* and *Mahmud* 3.
pub(super) fn sound_token(token: &str) -> String {
    let chars: Vec<char> = token.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let next = chars.get(i + 1).copied();
        let (c, width) = match (chars[i], next) {
            ('k' | 'g', Some('h')) => ('k', 2),
            ('d' | 't', Some('h')) => (chars[i], 2),
            ('s' | 'c', Some('h')) => ('š', 2),
            ('d', Some('j')) => ('j', 2),
            ('p', Some('h')) => ('f', 2),
            ('q' | 'c' | 'g', _) => ('k', 1),
            ('z', _) => ('d', 1),
            ('v', _) => ('w', 1),
            ('e', _) => ('i', 1),
            ('o', _) => ('u', 1),
            ('y', _) if i > 0 => ('i', 1),
            ('u', Some('a' | 'e' | 'i' | 'o' | 'u')) if i == 0 => ('w', 1),
            (c, _) => (c, 1),
        };
        if out.last() != Some(&c) {
            out.push(c);
        }
        i += width;
    }
    out.into_iter().collect()
}

/// The summed distance between two aligned token lists, or `None` when a token is too far.
///
/// Candidates from the loose keys already share a consonant skeleton; a token further than a
/// third of its length (at least 1) from its partner is a different name that happens to share
/// the skeleton (*Mahmud* for *Muhammad*), so it is rejected rather than ranked low.
pub(super) fn token_distance(query: &[String], alias: &[String]) -> Option<usize> {
    if query.len() != alias.len() {
        return None;
    }
    let mut total = 0;
    for (q, a) in query.iter().zip(alias) {
        let longest = q.chars().count().max(a.chars().count());
        let d = levenshtein(q, a);
        if d > (longest / 3).max(1) {
            return None;
        }
        total += d;
    }
    Some(total)
}

/// Whether aligned strict-key tokens are spelled alike: each within half its length (at least
/// 1) of its partner.
///
/// The sound spelling folds consonant classes and some vowels, so a short token can sound like
/// an unrelated word: *Khaz* (typed on the way to *Khazali*) and *God* (in *Party of God*) are
/// one vowel apart, *Khaza* and *Qada* not at all. Section 3 of the reference decides between
/// such candidates on the strict key, which keeps every letter as written.
pub(super) fn spelled_alike(query: &[String], alias: &[String]) -> bool {
    query.len() == alias.len()
        && query.iter().zip(alias).all(|(q, a)| {
            let longest = q.chars().count().max(a.chars().count());
            levenshtein(q, a) <= (longest / 2).max(1)
        })
}

/// Whether two aligned token lists agree on the Abd/Abu/Bin particles (docs/folding.md §1 rule 6).
///
/// *Abd* ("servant of") and *Abu* ("father of") make different names one letter apart, so the
/// fuzzy fallback must never trade one for the other.
pub(super) fn particles_agree(query: &[String], alias: &[String]) -> bool {
    let particle = |t: &str| matches!(t, "abd" | "abu" | "bin");
    query
        .iter()
        .zip(alias)
        .all(|(q, a)| q == a || (!particle(q) && !particle(a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sound tokens of `name`.
    fn sound(name: &str) -> Vec<String> {
        Name::of(0, name).sound
    }

    #[test]
    fn sound_keeps_vowels_but_folds_consonant_classes() {
        assert_eq!(sound("Kazemi"), sound("Kadhimi"));
        assert_eq!(sound("Qaani"), sound("Ghaani"));
        assert_eq!(sound("Soleimani"), sound("Suleimani"));
        assert_eq!(sound("Hamidawi")[0], "hamidawi");
        assert_eq!(sound("Ouassim"), sound("Wassim"));
    }

    #[test]
    fn muhammad_and_mahmud_are_three_apart() {
        let (muhammad, mahmud) = (sound("Muhammad"), sound("Mahmud"));
        assert_eq!(levenshtein(&muhammad[0], &mahmud[0]), 3);
        assert_eq!(token_distance(&muhammad, &mahmud), None);
        assert_eq!(token_distance(&sound("Mohammed"), &muhammad), Some(1));
    }

    #[test]
    fn particles_never_trade_places() {
        let t = |s: &[&str]| s.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert!(!particles_agree(
            &t(&["abd", "hamid"]),
            &t(&["abu", "hamid"])
        ));
        assert!(particles_agree(
            &t(&["abu", "hamid"]),
            &t(&["abu", "hamit"])
        ));
    }

    #[test]
    fn arabic_names_use_the_recall_key_tokens() {
        let name = Name::of(3, "هادي العامري");
        assert!(name.arabic);
        assert_eq!(name.sound, ["هادي", "عامري"]);
        assert_eq!(name.loose_tokens, [["هادي", "عامري"]]);
        assert_eq!(name.actor, 3);
    }
}
