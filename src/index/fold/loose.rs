//! Loose keys (docs/folding.md §0, §1 rules 9–16): consonant skeletons for finding candidates.

use super::is_vowel;
use super::strict::{Tok, strict_tokens};

/// Most loose keys built for one name before falling back to uniform variants.
const MAX_LOOSE_KEYS: usize = 16;

/// One sound of a strict token as the loose key sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sym {
    /// A vowel (or a non-initial y): kept only at the start of a token.
    Vowel(char),
    /// A consonant after the class folds.
    Cons(char),
    /// `sh` (also from `ch`).
    Sh,
    /// `kh`, which is ambiguous between k and h.
    Kh,
    /// A plain `h`, dropped at the end of a token.
    H,
}

/// The loose keys of `name`: consonant skeletons for finding candidates (high recall).
///
/// Spellings of one name differ in short vowels and in how each Arabic consonant is romanized;
/// the skeleton keeps what they share. Built from the strict key token by token (tokens stay
/// separated by spaces, so surname-only matching works on them):
/// - consonant classes: q, k, g, gh, c → k; dh, z → d; th → t; v → w; ch → sh; dj → j; ph → f;
///   an initial `u` before a vowel (the strict form of *ou*) → w; adjacent equal consonants
///   collapse. The `c` → k fold is not in the docs/folding.md §0 list but is implied by the
///   collisions it reports (*CF* ~ *Kaf*, *IRGC* ~ *IRCC*);
/// - vowels and y are dropped except at the start of a token, where y is a consonant and an
///   initial e or o is written i or u (the short-vowel classes of rule 9: *Esmail* ~ *Ismail*);
/// - a final plain h is dropped;
/// - ambiguity gives several keys: `kh` read as k and as h, and a token glued to the article
///   (*Alkahf*) with and without its `al`;
/// - acronym tokens stay as their upper-case key, so they never meet a skeleton.
///
/// Sorted and deduplicated; at most 16 keys.
#[must_use]
pub fn loose_keys(name: &str) -> Vec<String> {
    let options: Vec<Vec<String>> = strict_tokens(name)
        .iter()
        .map(token_options)
        .filter(|o| !o.is_empty())
        .collect();
    if options.is_empty() {
        return Vec::new();
    }
    let mut keys = combine(&options);
    keys.sort();
    keys.dedup();
    keys
}

/// The loose spellings of one strict token: its kh readings, with and without a glued `al`.
///
/// The glued article is only guessed before a consonant (*Alkahf*, *Alfayyadh*), so English
/// words such as *Alliance* keep a single reading.
fn token_options(tok: &Tok) -> Vec<String> {
    if tok.acronym {
        return vec![tok.text.to_uppercase()];
    }
    let mut bases = vec![tok.text.as_str()];
    if let Some(rest) = tok.text.strip_prefix("al").filter(|r| {
        r.chars().count() >= 3 && r.starts_with(|c: char| c.is_alphabetic() && !is_vowel(c))
    }) {
        bases.push(rest);
    }
    let mut options = Vec::new();
    for base in bases {
        for kh_as_h in [false, true] {
            let key = skeleton(base, kh_as_h);
            if !key.is_empty() && !options.contains(&key) {
                options.push(key);
            }
        }
    }
    options
}

/// Every combination of the token options, or only the uniform ones when there would be too many.
fn combine(options: &[Vec<String>]) -> Vec<String> {
    let total = options.iter().try_fold(1usize, |acc, o| {
        acc.checked_mul(o.len()).filter(|n| *n <= MAX_LOOSE_KEYS)
    });
    if total.is_none() {
        let widest = options.iter().map(Vec::len).max().unwrap_or(0);
        return (0..widest)
            .map(|k| {
                let picked: Vec<&str> = options
                    .iter()
                    .map(|o| o[k.min(o.len() - 1)].as_str())
                    .collect();
                picked.join(" ")
            })
            .collect();
    }
    let mut keys = vec![String::new()];
    for opts in options {
        let mut next = Vec::with_capacity(keys.len() * opts.len());
        for prefix in &keys {
            for opt in opts {
                let sep = if prefix.is_empty() { "" } else { " " };
                next.push(format!("{prefix}{sep}{opt}"));
            }
        }
        keys = next;
    }
    keys
}

/// The consonant skeleton of one strict token, reading `kh` as h when `kh_as_h`.
fn skeleton(token: &str, kh_as_h: bool) -> String {
    let chars: Vec<char> = token.chars().collect();
    let mut syms = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let (sym, width) = symbol_at(&chars, i);
        syms.push(sym);
        i += width;
    }
    syms.dedup_by(|a, b| a == b && !matches!(a, Sym::Vowel(_) | Sym::Cons('0'..='9')));
    let mut kept: Vec<Sym> = syms
        .into_iter()
        .enumerate()
        .filter(|(i, s)| *i == 0 || !matches!(s, Sym::Vowel(_)))
        .map(|(_, s)| s)
        .collect();
    if kept.len() > 1 && kept.last() == Some(&Sym::H) {
        kept.pop();
    }
    let mut out = String::with_capacity(kept.len() + 2);
    for sym in kept {
        match sym {
            Sym::Vowel(v) => out.push(v),
            Sym::Cons(c) => out.push(c),
            Sym::Sh => out.push_str("sh"),
            Sym::Kh => out.push(if kh_as_h { 'h' } else { 'k' }),
            Sym::H => out.push('h'),
        }
    }
    out
}

/// The symbol starting at `chars[i]` and how many characters it spans.
fn symbol_at(chars: &[char], i: usize) -> (Sym, usize) {
    let next = chars.get(i + 1).copied();
    match (chars[i], next) {
        ('k', Some('h')) => (Sym::Kh, 2),
        ('g', Some('h')) => (Sym::Cons('k'), 2),
        ('d', Some('h')) => (Sym::Cons('d'), 2),
        ('t', Some('h')) => (Sym::Cons('t'), 2),
        ('s' | 'c', Some('h')) => (Sym::Sh, 2),
        ('d', Some('j')) => (Sym::Cons('j'), 2),
        ('p', Some('h')) => (Sym::Cons('f'), 2),
        ('q' | 'k' | 'g' | 'c', _) => (Sym::Cons('k'), 1),
        ('z', _) => (Sym::Cons('d'), 1),
        ('v', _) => (Sym::Cons('w'), 1),
        ('h', _) => (Sym::H, 1),
        ('u', Some(n)) if i == 0 && is_vowel(n) => (Sym::Cons('w'), 1),
        ('y', _) if i == 0 => (Sym::Cons('y'), 1),
        ('e', _) => (Sym::Vowel('i'), 1),
        ('o', _) => (Sym::Vowel('u'), 1),
        (c, _) if is_vowel(c) || c == 'y' => (Sym::Vowel(c), 1),
        (c, _) => (Sym::Cons(c), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the loose keys of `a` and `b` intersect.
    fn shares_key(a: &str, b: &str) -> bool {
        let kb = loose_keys(b);
        loose_keys(a).iter().any(|k| kb.contains(k))
    }

    /// Asserts that every name in `names` shares a loose key with the first.
    fn all_share(names: &[&str]) {
        for name in names {
            assert!(
                shares_key(names[0], name),
                "{} ~ {name}: {:?} vs {:?}",
                names[0],
                loose_keys(names[0]),
                loose_keys(name)
            );
        }
    }

    #[test]
    fn folds_hizballah_to_hezbollah() {
        all_share(&[
            "Hezbollah",
            "Hizballah",
            "Hizbullah",
            "Hizbollah",
            "Hizb Allah",
            "Hezbolah",
        ]);
        assert_eq!(loose_keys("Hizballah"), ["hdbl"]);
    }

    #[test]
    fn drops_non_initial_short_vowels() {
        all_share(&["Kataib", "Kataeb", "Ketaib", "Kata'ib"]);
        all_share(&["Mohammed", "Muhammad", "Mohamed", "Mouhamed"]);
        all_share(&["Mohandes", "Muhandis"]);
        all_share(&["Kadhimi", "Kadhemi"]);
        all_share(&["Sheibani", "Shaybani"]);
    }

    #[test]
    fn treats_y_as_a_vowel_except_at_word_start() {
        all_share(&["Saeedi", "Saadi", "Saidi"]);
        all_share(&["Zaidi", "Zaydi"]);
        all_share(&["Laith", "Layth"]);
        all_share(&["Haidar", "Haydar", "Hayder"]);
        assert_eq!(loose_keys("Yasiri"), ["ysr"]);
    }

    #[test]
    fn keeps_and_harmonizes_the_initial_vowel() {
        all_share(&["Esmail", "Ismail"]);
        all_share(&["Osbat", "Usbat"]);
        assert!(!shares_key("Amir", "Umar"));
    }

    #[test]
    fn drops_a_final_h() {
        all_share(&["Tali'a", "Taleaa", "Taliah"]);
        all_share(&["Fatah", "Fateh", "Fata"]);
        assert_eq!(loose_keys("Faqih"), ["fk"]);
        assert_eq!(loose_keys("Sheikh"), ["shh", "shk"]);
        assert_eq!(loose_keys("Usbat"), ["usbt"]);
    }

    #[test]
    fn folds_q_k_g_and_gh_to_k() {
        all_share(&["Qais", "Kais", "Qays", "Gais"]);
        all_share(&["Qods", "Quds"]);
        all_share(&["Qaani", "Ghaani", "Kaani", "Qa'ani"]);
        all_share(&["Qassem", "Kassem", "Ghasem"]);
    }

    #[test]
    fn reads_kh_both_as_k_and_as_h() {
        let keys = loose_keys("Khata'ib Hezbollah");
        assert_eq!(keys, ["htb hdbl", "ktb hdbl"]);
        all_share(&[
            "Khata'ib Hezbollah",
            "Kata'ib Hezbollah",
            "Hata'ib Hezbollah",
        ]);
        all_share(&["Khazali", "Kazali", "Hazali"]);
    }

    #[test]
    fn folds_dh_and_z_to_d_and_th_to_t() {
        all_share(&["Kadhimi", "Kazemi", "Kazimi"]);
        all_share(&["Fadhil", "Fazil", "Fadil"]);
        all_share(&["Fayyadh", "Fayyad", "Fayad"]);
        all_share(&["Thaereen", "Thaireen", "Taireen"]);
    }

    #[test]
    fn folds_v_and_initial_ou_to_w() {
        all_share(&["Hamidawi", "Himeydavi"]);
        all_share(&["Wilayat al-Faqih", "Velayat-e Faqih"]);
        all_share(&["Ouassim", "Wassim"]);
    }

    #[test]
    fn folds_ch_dj_and_ph() {
        all_share(&["Chaabi", "Shaabi"]);
        all_share(&["Djaafar", "Jaafar"]);
        all_share(&["Mustapha", "Mustafa"]);
        assert!(!shares_key("Gamal", "Jamal"));
    }

    #[test]
    fn reads_a_glued_article_both_ways() {
        all_share(&["Ashab Alkahf", "Ashab al-Kahf"]);
        all_share(&["Falih Alfayyadh", "Falih al-Fayyadh"]);
        assert_eq!(loose_keys("Fatah Alliance"), ["ft alnk"]);
        assert_eq!(loose_keys("Ali"), ["al"]);
    }

    #[test]
    fn keeps_token_boundaries() {
        assert_eq!(loose_keys("Qais al-Khazali"), ["ks hdl", "ks kdl"]);
        assert_eq!(loose_keys("Unit 10000"), ["unt 10000"]);
    }

    #[test]
    fn keeps_acronyms_out_of_the_skeletons() {
        for (acronym, word) in [
            ("SAD", "al-Saadi"),
            ("CF", "Kaf"),
            ("IRGC", "IRCC"),
            ("KH", "HAAA"),
            ("KH", "KIA"),
            ("KH", "Kaf"),
        ] {
            assert!(!shares_key(acronym, word), "{acronym} ~ {word}");
        }
        assert_eq!(loose_keys("KH"), ["KH"]);
        assert_eq!(loose_keys("KH Kaf"), ["KH kf"]);
    }

    #[test]
    fn bounds_the_number_of_keys() {
        let keys = loose_keys("Khalid Khalil Khazal Khadim Khatib Khayr Alkhas");
        assert!(!keys.is_empty() && keys.len() <= MAX_LOOSE_KEYS, "{keys:?}");
        assert!(
            keys.contains(&"kld kll kdl kdm ktb kr alks".to_string()),
            "{keys:?}"
        );
    }

    #[test]
    fn gives_no_key_to_an_empty_name() {
        assert!(loose_keys("").is_empty());
        assert!(loose_keys(" - ' ").is_empty());
    }
}
