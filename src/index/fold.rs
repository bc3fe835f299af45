//! Name folding for actor search: acronym, strict, loose and Arabic keys, and a
//! character-by-character fold for free-text haystacks.
//!
//! Analysts search for one actor under many spellings (*Kataib Hezbollah*, *Kata'ib Hizballah*,
//! *Khata'ib Hezbollah*, *KH*, *كتائب حزب الله*). The rules of `transliteration.md` turn each
//! spelling into a few keys; a query matches an actor when they share a key. Acronyms are kept
//! apart from the folding (`SAD` must not meet *al-Saadi*), the loose keys find candidates and
//! the strict key (or the Arabic key) ranks them.

mod acronym;
mod arabic;
mod free_text;
mod loose;
mod strict;

pub use acronym::acronym_key;
pub use arabic::{arabic_key, arabic_loose_key, is_arabic};
pub use free_text::{fold_into, fold_text};
pub use loose::loose_keys;
pub use strict::strict_key;

/// Apostrophes and the ayn/hamza marks that romanizations use interchangeably (docs/folding.md §1
/// rule 2).
const APOSTROPHES: [char; 11] = [
    '\'', '\u{2019}', '\u{2018}', '\u{02BF}', '\u{02BE}', '\u{02BB}', '\u{02BC}', '`', '\u{00B4}',
    '\u{2032}', '\u{201B}',
];

/// Whether `c` is an apostrophe or an ayn/hamza mark, which folding deletes.
fn is_apostrophe(c: char) -> bool {
    APOSTROPHES.contains(&c)
}

/// Whether `c` is one of the Latin vowel letters a, e, i, o, u.
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Whether the query's tokens form a contiguous run of the alias's tokens (*Khazali* → *Qais
/// al-Khazali*).
///
/// A surname-only search must return every actor with that surname (*Kaabi*: Akram al-Kaabi and
/// Ameer al-Kaabi); ranking on the strict key then decides. Pass strict-key tokens (or the tokens
/// of one loose key). An empty query matches nothing.
#[must_use]
pub fn surname_match(query_tokens: &[&str], alias_tokens: &[&str]) -> bool {
    !query_tokens.is_empty()
        && query_tokens.len() <= alias_tokens.len()
        && alias_tokens
            .windows(query_tokens.len())
            .any(|w| w == query_tokens)
}

/// Every key of one name, as the index stores it.
///
/// One index can serve both scripts: for an Arabic-script name, `strict` is its Arabic key and
/// `loose` holds its Arabic recall key, and the two scripts never share a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKeys {
    /// The acronym key, when the name is an acronym.
    pub acronym: Option<String>,
    /// The strict key, for ranking candidates.
    pub strict: String,
    /// The loose keys, for finding candidates.
    pub loose: Vec<String>,
    /// The Arabic key ([`arabic_key`]), for an Arabic-script name.
    pub arabic: Option<String>,
    /// The Arabic recall key ([`arabic_loose_key`]), for an Arabic-script name.
    pub arabic_loose: Option<String>,
}

impl NameKeys {
    /// All keys of `name`, choosing the Latin or the Arabic layers by its script.
    ///
    /// Indexing a gazetteer name and reading a query go through the same function, so both
    /// sides always agree.
    #[must_use]
    pub fn of(name: &str) -> NameKeys {
        if is_arabic(name) {
            let key = arabic_key(name);
            let loose = arabic_loose_key(name);
            return NameKeys {
                acronym: None,
                strict: key.clone(),
                loose: if loose.is_empty() {
                    Vec::new()
                } else {
                    vec![loose.clone()]
                },
                arabic: Some(key),
                arabic_loose: Some(loose),
            };
        }
        NameKeys {
            acronym: acronym_key(name),
            strict: strict_key(name),
            loose: loose_keys(name),
            arabic: None,
            arabic_loose: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use proptest::prelude::*;

    use super::*;
    use crate::corpus::Actor;

    /// The strict-key tokens of `name`.
    fn tokens(name: &str) -> Vec<String> {
        strict_key(name).split(' ').map(str::to_string).collect()
    }

    /// Whether the strict-key tokens of `query` form a run of those of `alias`.
    fn surname_hit(query: &str, alias: &str) -> bool {
        let (q, a) = (tokens(query), tokens(alias));
        let q: Vec<&str> = q.iter().map(String::as_str).collect();
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        surname_match(&q, &a)
    }

    /// Whether two key lists share an element.
    fn overlap(a: &[String], b: &[String]) -> bool {
        a.iter().any(|k| b.contains(k))
    }

    #[test]
    fn muhammad_and_mahmud_share_a_loose_key_but_not_a_strict_key() {
        assert!(overlap(&loose_keys("Muhammad"), &loose_keys("Mahmud")));
        assert_ne!(strict_key("Muhammad"), strict_key("Mahmud"));
    }

    #[test]
    fn abd_and_abu_never_merge() {
        for (abd, abu) in [
            ("Abd al-Aziz", "Abu Aziz"),
            ("Abdul-Aziz", "Abou Aziz"),
            ("Abdel Aziz", "Abo Aziz"),
            ("Abd Allah", "Abu Allah"),
        ] {
            assert_ne!(strict_key(abd), strict_key(abu), "{abd} / {abu}");
            assert!(
                !overlap(&loose_keys(abd), &loose_keys(abu)),
                "{abd} / {abu}"
            );
        }
    }

    #[test]
    fn acronyms_are_case_sensitive() {
        assert_eq!(NameKeys::of("HaN").acronym.as_deref(), Some("HAN"));
        assert_eq!(NameKeys::of("Han").acronym, None);
        assert!(!overlap(&loose_keys("HaN"), &loose_keys("Han")));
        assert!(!overlap(&loose_keys("AK"), &loose_keys("Ak")));
    }

    #[test]
    fn names_inside_longer_names_keep_their_own_keys() {
        for (short, long) in [
            ("Hezbollah", "Kataib Hezbollah"),
            ("Islamic Resistance", "Islamic Resistance in Lebanon"),
            ("Fatah", "Fatah Alliance"),
        ] {
            assert_ne!(strict_key(short), strict_key(long));
            assert!(
                !overlap(&loose_keys(short), &loose_keys(long)),
                "{short} / {long}"
            );
            // Contained all the same: the index must prefer the longest match.
            assert!(surname_hit(short, long), "{short} / {long}");
        }
    }

    #[test]
    fn surname_only_search_returns_every_bearer() {
        for (surname, bearers) in [
            ("Kaabi", ["Akram al-Kaabi", "Ameer al-Kaabi"]),
            ("al-Khazali", ["Qais al-Khazali", "Laith al-Khazali"]),
            ("Saadi", ["Abu Baqir al-Saadi", "Saud al-Saadi"]),
        ] {
            for bearer in bearers {
                assert!(surname_hit(surname, bearer), "{surname} / {bearer}");
            }
        }
        assert!(
            !surname_hit("Saadi", "Saud al-Saedi"),
            "ranking, not surname match, decides"
        );
    }

    #[test]
    fn surname_match_needs_a_contiguous_run() {
        assert!(surname_match(
            &["qais", "khazali"],
            &["sheikh", "qais", "khazali"]
        ));
        assert!(!surname_match(
            &["sheikh", "khazali"],
            &["sheikh", "qais", "khazali"]
        ));
        assert!(!surname_match(&["khazali", "qais"], &["qais", "khazali"]));
        assert!(!surname_match(&[], &["qais"]));
        assert!(!surname_match(&["qais", "khazali"], &["qais"]));
    }

    #[test]
    fn renamed_groups_are_aliases_not_folds() {
        assert!(!overlap(
            &loose_keys("Rabaallah"),
            &loose_keys("al-Lijan al-Shaabiyah")
        ));
        assert!(!overlap(
            &loose_keys("Saraya al-Salam"),
            &loose_keys("Jaish al-Mahdi")
        ));
    }

    #[test]
    fn name_keys_choose_the_layers_by_script() {
        let latin = NameKeys::of("Kata'ib Hizballah");
        assert_eq!(latin.acronym, None);
        assert_eq!(latin.strict, "kataib hizbala");
        assert_eq!(latin.loose, ["ktb hdbl"]);
        assert_eq!(latin.arabic, None);
        let acronym = NameKeys::of("KH");
        assert_eq!(acronym.acronym.as_deref(), Some("KH"));
        assert_eq!(acronym.loose, ["KH"]);
        let arabic = NameKeys::of("كتائب حزب الله");
        assert_eq!(arabic.acronym, None);
        assert_eq!(arabic.arabic.as_deref(), Some("كتائب حزب الله"));
        assert_eq!(arabic.strict, "كتائب حزب الله");
        assert_eq!(arabic.loose, ["كتايب حزب الله"]);
    }

    /// One layer of keys: for every actor, the union of the keys of its names.
    type Layer = Vec<(String, BTreeSet<String>)>;

    /// The pairs of actors whose key sets intersect, with one shared key each.
    fn collisions(layer: &Layer) -> Vec<(String, String, String)> {
        let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
        let mut found = Vec::new();
        for (id, keys) in layer {
            for key in keys {
                match owner.get(key.as_str()) {
                    Some(other) if other != id => {
                        found.push((other.to_string(), id.clone(), key.clone()));
                    }
                    _ => {
                        owner.insert(key, id);
                    }
                }
            }
        }
        found
    }

    /// Builds a layer by applying `keys` to the Latin or Arabic names of every actor.
    fn layer(actors: &[Actor], arabic: bool, keys: impl Fn(&str) -> Vec<String>) -> Layer {
        actors
            .iter()
            .map(|a| {
                let names: Vec<&String> = if arabic {
                    a.arabic.iter().collect()
                } else {
                    std::iter::once(&a.name).chain(&a.aliases).collect()
                };
                (a.id.clone(), names.iter().flat_map(|n| keys(n)).collect())
            })
            .collect()
    }

    #[test]
    fn gazetteer_keys_are_not_shared_between_actors() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/actors.json");
        let text = std::fs::read_to_string(path).unwrap();
        let actors: Vec<Actor> = serde_json::from_str(&text).unwrap();
        let layers = [
            (
                "acronym",
                layer(&actors, false, |n| acronym_key(n).into_iter().collect()),
            ),
            ("strict", layer(&actors, false, |n| vec![strict_key(n)])),
            ("loose", layer(&actors, false, loose_keys)),
            ("arabic", layer(&actors, true, |n| vec![arabic_key(n)])),
            (
                "arabic-loose",
                layer(&actors, true, |n| vec![arabic_loose_key(n)]),
            ),
        ];
        let latin: usize = actors.iter().map(|a| 1 + a.aliases.len()).sum();
        let arabic: usize = actors.iter().map(|a| a.arabic.len()).sum();
        println!(
            "{} actors, {latin} Latin names, {arabic} Arabic names",
            actors.len()
        );
        let mut problems = Vec::new();
        for (label, layer) in &layers {
            let total: usize = layer.iter().map(|(_, k)| k.len()).sum();
            let found = collisions(layer);
            println!(
                "{label}: {total} keys, {}.{} per actor, {} collisions",
                total / actors.len(),
                total * 10 / actors.len() % 10,
                found.len()
            );
            problems.extend(found.into_iter().map(|c| (*label, c)));
        }
        assert!(problems.is_empty(), "shared keys: {problems:#?}");
    }

    /// Strings rich in the characters the folds care about.
    fn name_like() -> impl Strategy<Value = String> {
        let special = prop::sample::select(vec![
            'a', 'e', 'o', 'u', 'y', 'h', 'k', 'q', 'A', 'H', 'K', 'S', 'l', '-', ' ', '\'', '’',
            'ʿ', '2', '3', '5', '7', '9', 'ā', 'Ḵ', 'ﬁ', 'İ', 'أ', 'ة', 'ى', 'ئ', 'ء', 'ـ', 'ک',
            'ا', 'ل', 'ه', 'و', 'ب', '\u{064E}', '\u{200C}', '\u{202B}', '٣', '۴', '.', '(',
        ]);
        let ch = prop_oneof![3 => special, 1 => any::<char>()];
        prop::collection::vec(ch, 0..40).prop_map(String::from_iter)
    }

    proptest! {
        #[test]
        fn no_function_panics(s in prop_oneof![name_like(), any::<String>()]) {
            let keys = NameKeys::of(&s);
            prop_assert!(keys.loose.len() <= 16);
            let _ = (acronym_key(&s), strict_key(&s), loose_keys(&s));
            let _ = (arabic_key(&s), arabic_loose_key(&s), is_arabic(&s), fold_text(&s));
            let strict = strict_key(&s);
            let tidy = !strict.starts_with(' ') && !strict.ends_with(' ') && !strict.contains("  ");
            prop_assert!(tidy);
            let tokens: Vec<&str> = strict.split(' ').collect();
            prop_assert!(strict.is_empty() || surname_match(&tokens, &tokens));
        }

        #[test]
        fn fold_text_maps_every_byte_to_a_char_boundary(
            s in prop_oneof![name_like(), any::<String>()]
        ) {
            let (folded, offsets) = fold_text(&s);
            prop_assert_eq!(offsets.len(), folded.len());
            prop_assert!(offsets.windows(2).all(|w| w[0] <= w[1]));
            prop_assert!(offsets.iter().all(|&o| o < s.len() && s.is_char_boundary(o)));
        }

        #[test]
        fn folding_into_a_buffer_appends_the_same_text(
            before in any::<String>(),
            s in prop_oneof![name_like(), any::<String>()]
        ) {
            let mut buffer = before.clone();
            fold_into(&s, &mut buffer);
            prop_assert_eq!(buffer, before + &fold_text(&s).0);
        }
    }
}
