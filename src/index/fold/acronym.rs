//! Acronym keys (docs/folding.md §0, §3): `KH`, `AAH`, `HaN`, `IRGC-QF`, matched on their exact
//! letters.

use super::is_apostrophe;

/// Longest acronym accepted, counting letters and digits.
const ACRONYM_MAX: usize = 10;

/// The acronym key of `name` (`KH`, `AAH`, `HAN`, `IRGCQF`, `PMU`), or `None` for ordinary words.
///
/// Acronyms are matched on their exact letters and never folded: folding turned `SAD` into
/// *al-Saadi* and `KH` into `KIA`. The rule is case-sensitive (`HaN` yes, `Han` no). Every
/// whitespace-separated word of `name` must be an acronym: ASCII letters and digits, optionally
/// split by single hyphens or dots (`IRGC-QF`, `U.S.`), starting with a capital, 2 to 10 letters
/// and digits, at least two capitals, and each lower-case letter standing alone between two
/// capitals (`HaN`, `AaK`, `SoL`; so `Badr`, `Qods` and `WashInstitute` are words). A lower-case
/// `s` right after the last capital is a plural or possessive and is dropped (`PMUs` → `PMU`).
/// The key is the upper-cased letters and digits of all words, without separators (`IRGC QF` →
/// `IRGCQF`).
#[must_use]
pub fn acronym_key(name: &str) -> Option<String> {
    let cleaned: String = name.chars().filter(|c| !is_apostrophe(*c)).collect();
    let mut key = String::new();
    for word in cleaned.split_whitespace() {
        key.push_str(&word_acronym(word)?);
    }
    (!key.is_empty()).then_some(key)
}

/// The acronym key of one whitespace-free word, following the rule of [`acronym_key`].
pub(super) fn word_acronym(word: &str) -> Option<String> {
    let word = word.strip_suffix('.').unwrap_or(word);
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '.';
    if !word.chars().all(allowed) || word.split(['-', '.']).any(str::is_empty) {
        return None;
    }
    let mut letters: Vec<char> = word.chars().filter(char::is_ascii_alphanumeric).collect();
    let n = letters.len();
    if n >= 3 && letters[n - 1] == 's' && letters[n - 2].is_ascii_uppercase() {
        letters.pop();
    }
    if !(2..=ACRONYM_MAX).contains(&letters.len()) || !letters[0].is_ascii_uppercase() {
        return None;
    }
    let capitals = letters.iter().filter(|c| c.is_ascii_uppercase()).count();
    let upper_at = |i: usize| letters.get(i).is_some_and(char::is_ascii_uppercase);
    let lone_lower = (1..letters.len())
        .filter(|&i| letters[i].is_ascii_lowercase())
        .all(|i| upper_at(i - 1) && upper_at(i + 1));
    (capitals >= 2 && lone_lower).then(|| letters.iter().map(char::to_ascii_uppercase).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_gazetteer_acronyms() {
        for (name, key) in [
            ("KH", "KH"),
            ("AAH", "AAH"),
            ("HaN", "HAN"),
            ("SoL", "SOL"),
            ("AaK", "AAK"),
            ("IRGC-QF", "IRGCQF"),
            ("IRGC QF", "IRGCQF"),
            ("USCENTCOM", "USCENTCOM"),
            ("U.S.", "US"),
        ] {
            assert_eq!(acronym_key(name).as_deref(), Some(key), "{name}");
        }
    }

    #[test]
    fn drops_the_plural_or_possessive_s() {
        assert_eq!(acronym_key("PMUs").as_deref(), Some("PMU"));
        assert_eq!(acronym_key("PMF's").as_deref(), Some("PMF"));
        assert_eq!(acronym_key("HaN’s").as_deref(), Some("HAN"));
    }

    #[test]
    fn rejects_ordinary_words() {
        for name in [
            "Badr",
            "Qods",
            "Kaf",
            "Hezbollah",
            "WashInstitute",
            "McDonald",
            "14th",
            "K",
            "kh",
            "",
            "KH Kaf",
            "-KH",
            "K--H",
            "#KH",
            "Kata'ib",
        ] {
            assert_eq!(acronym_key(name), None, "{name}");
        }
    }

    #[test]
    fn recognizes_acronyms_case_sensitively() {
        assert_eq!(acronym_key("HaN").as_deref(), Some("HAN"));
        assert_eq!(acronym_key("Han"), None);
        assert_eq!(acronym_key("han"), None);
        assert_eq!(acronym_key("AK").as_deref(), Some("AK"));
        assert_eq!(acronym_key("Ak"), None);
    }

    #[test]
    fn limits_acronym_length() {
        assert!(acronym_key("ABCDEFGHIJ").is_some());
        assert_eq!(acronym_key("ABCDEFGHIJK"), None);
    }
}
