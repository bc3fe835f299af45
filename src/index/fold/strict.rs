//! The strict key (docs/folding.md §1 rules 1–8, 11 and 17): one uniform spelling per name, for
//! ranking.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use super::acronym::word_acronym;
use super::{is_apostrophe, is_vowel};

/// Whether `c` is a hyphen, the separator that attaches an article to its noun.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// One token of a name on its way to the strict key.
#[derive(Debug, Clone)]
pub(super) struct Tok {
    /// Lower-case text (for an acronym: its lower-cased key).
    pub(super) text: String,
    /// Whether a hyphen follows directly (`al-`, `ash-`, `Velayat-e`).
    pub(super) attached: bool,
    /// Whether the token is an acronym, which no folding touches.
    pub(super) acronym: bool,
}

/// The strict key of `name`: lower case, no diacritics, articles or apostrophes, uniform spelling.
///
/// Used to rank the candidates the loose keys found and to pick the best-matching alias, so it
/// only removes variation that never tells two names apart. Applies docs/folding.md §1 in order:
/// 1. NFKD without combining marks; scholarly `ḵ ẖ ḫ ṯ ḏ ḡ ġ š` are spelled `kh kh kh th dh gh
///    gh sh` (*al-Ḵurāsānī* → *khurasani*);
/// 2. ayn/hamza marks and apostrophes deleted;
/// 3. Arabizi digits inside words: 2 and 3 deleted, 7→h, 5→kh, 9→q, 6→t, 8→gh;
/// 4. article tokens dropped: `al el il ul`, and `ad ash as at ath adh ar az an` when
///    hyphen-attached; also a Persian ezafe `-e`/`-ye` after a hyphen, so *Velayat-e Faqih* meets
///    *Wilayat al-Faqih* (not in docs/folding.md §1, but needed for its rule-15 example);
/// 5. `allah`, `ullah`, `ollah` attached to the previous token;
/// 6. `abdul abdel abdal abdil abdol abdoul` → `abd`, `abou abo` → `abu`, `ibn` → `bin` (never
///    `abd` ↔ `abu`);
/// 7. doubled consonants collapsed; `ou oo` → `u`, `ee ie` → `i`, `aa` → `a`; final `-ah`/`-eh`
///    → `-a`;
/// 8. hyphens, punctuation and letter–digit boundaries → single spaces.
///
/// Acronym tokens (see [`acronym_key`](super::acronym_key)) are only lower-cased.
#[must_use]
pub fn strict_key(name: &str) -> String {
    let toks = strict_tokens(name);
    let texts: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    texts.join(" ")
}

/// The tokens of the strict key, with their acronym flags (for the loose keys).
pub(super) fn strict_tokens(name: &str) -> Vec<Tok> {
    let toks = attach_allah(drop_articles(raw_tokens(name)));
    toks.into_iter()
        .filter_map(|mut t| {
            if !t.acronym {
                t.text = fold_strict_token(name_particle(&t.text));
            }
            (!t.text.is_empty()).then_some(t)
        })
        .collect()
}

/// Rules 1–3 and 17: split `name` into lower-case tokens, recognizing acronym words first.
fn raw_tokens(name: &str) -> Vec<Tok> {
    let cleaned: String = name.chars().filter(|c| !is_apostrophe(*c)).collect();
    let mut toks = Vec::new();
    for word in cleaned.split_whitespace() {
        match word_acronym(word) {
            Some(key) => toks.push(Tok {
                text: key.to_lowercase(),
                attached: false,
                acronym: true,
            }),
            None => split_word(word, &mut toks),
        }
    }
    toks
}

/// Splits one word on punctuation, hyphens and letter–digit boundaries, after rules 1 and 3.
fn split_word(word: &str, out: &mut Vec<Tok>) {
    let chars: Vec<char> = strip_marks(word).chars().collect();
    let mut start = 0;
    while start < chars.len() {
        if !chars[start].is_alphanumeric() {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < chars.len() && chars[end].is_alphanumeric() {
            end += 1;
        }
        let run: String = chars[start..end].iter().collect();
        let attached = chars.get(end).is_some_and(|c| is_hyphen(*c));
        let pieces = split_digits(&arabizi(&run));
        let last = pieces.len().saturating_sub(1);
        for (i, piece) in pieces.into_iter().enumerate() {
            let tok = match word_acronym(&piece) {
                Some(key) => Tok {
                    text: key.to_lowercase(),
                    attached: false,
                    acronym: true,
                },
                None => Tok {
                    text: piece.to_lowercase(),
                    attached: false,
                    acronym: false,
                },
            };
            out.push(Tok {
                attached: attached && i == last,
                ..tok
            });
        }
        start = end;
    }
}

/// Rule 1: compatibility decomposition without combining marks; scholarly digraph letters
/// spelled out.
fn strip_marks(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match scholarly_digraph(c) {
            Some(spelled) => out.push_str(spelled),
            None => decompose_compatible(c, |d| {
                if !is_combining_mark(d) {
                    out.push(d);
                }
            }),
        }
    }
    out
}

/// The digraph a scholarly transliteration letter stands for (`ḵ` → `kh`), if it is one.
fn scholarly_digraph(c: char) -> Option<&'static str> {
    match c {
        'ḵ' | 'ẖ' | 'ḫ' => Some("kh"),
        'Ḵ' | 'Ḫ' => Some("Kh"),
        'ṯ' => Some("th"),
        'Ṯ' => Some("Th"),
        'ḏ' => Some("dh"),
        'Ḏ' => Some("Dh"),
        'ḡ' | 'ġ' => Some("gh"),
        'Ḡ' | 'Ġ' => Some("Gh"),
        'š' => Some("sh"),
        'Š' => Some("Sh"),
        _ => None,
    }
}

/// Rule 3: Arabizi digits in a run of letters and digits (`Kata2ib`, `3asa2ib`, `7ezbollah`).
///
/// A digit counts only when it stands alone (no digit on either side), touches a letter, the run
/// holds at least two letters and is not an ordinal (`5th`, `18th`), so `Unit10000` is untouched.
fn arabizi(run: &str) -> String {
    let chars: Vec<char> = run.chars().collect();
    if chars.iter().filter(|c| c.is_alphabetic()).count() < 2 || is_ordinal(run) {
        return run.to_string();
    }
    let mut out = String::with_capacity(run.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let lone =
            !prev.is_some_and(|p| p.is_ascii_digit()) && !next.is_some_and(|n| n.is_ascii_digit());
        let touches =
            prev.is_some_and(char::is_alphabetic) || next.is_some_and(char::is_alphabetic);
        match arabizi_digit(c) {
            Some(spelled) if lone && touches => out.push_str(spelled),
            _ => out.push(c),
        }
    }
    out
}

/// The letters an Arabizi digit stands for; 2 (hamza) and 3 (ayn) are deleted like apostrophes.
fn arabizi_digit(c: char) -> Option<&'static str> {
    match c {
        '2' | '3' => Some(""),
        '5' => Some("kh"),
        '6' => Some("t"),
        '7' => Some("h"),
        '8' => Some("gh"),
        '9' => Some("q"),
        _ => None,
    }
}

/// Whether `run` is an English ordinal such as `14th` or `2nd`.
fn is_ordinal(run: &str) -> bool {
    let rest = run.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < run.len() && matches!(rest.to_lowercase().as_str(), "st" | "nd" | "rd" | "th")
}

/// Splits a run where letters meet digits (`Unit10000` → `Unit`, `10000`).
fn split_digits(run: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut prev_digit = None;
    for c in run.chars() {
        let digit = c.is_numeric();
        match pieces.last_mut() {
            Some(piece) if prev_digit == Some(digit) => piece.push(c),
            _ => pieces.push(c.to_string()),
        }
        prev_digit = Some(digit);
    }
    pieces
}

/// Rule 4: drops article tokens (and the Persian ezafe), keeping the name if nothing else is left.
fn drop_articles(toks: Vec<Tok>) -> Vec<Tok> {
    let kept: Vec<Tok> = toks
        .iter()
        .enumerate()
        .filter(|&(i, t)| !is_article(t, i.checked_sub(1).and_then(|j| toks.get(j))))
        .map(|(_, t)| t.clone())
        .collect();
    if kept.is_empty() { toks } else { kept }
}

/// Whether `tok` is an article: `al`-type always; sun-letter forms and the ezafe only after a
/// hyphen.
fn is_article(tok: &Tok, prev: Option<&Tok>) -> bool {
    if tok.acronym {
        return false;
    }
    match tok.text.as_str() {
        "al" | "el" | "il" | "ul" => true,
        "ad" | "ash" | "as" | "at" | "ath" | "adh" | "ar" | "az" | "an" => tok.attached,
        "e" | "ye" => prev.is_some_and(|p| p.attached && !p.acronym),
        _ => false,
    }
}

/// Rule 5: attaches `allah`, `ullah` and `ollah` to the token before (`Hizb Allah` → `hizballah`).
fn attach_allah(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    for tok in toks {
        let allah = !tok.acronym && matches!(tok.text.as_str(), "allah" | "ullah" | "ollah");
        match out.last_mut() {
            Some(prev) if allah && !prev.acronym => {
                prev.text.push_str(&tok.text);
                prev.attached = tok.attached;
            }
            _ => out.push(tok),
        }
    }
    out
}

/// Rule 6: the uniform spelling of Abd, Abu and Bin. Abd ("servant of") and Abu ("father of")
/// stay apart.
fn name_particle(token: &str) -> &str {
    match token {
        "abdul" | "abdel" | "abdal" | "abdil" | "abdol" | "abdoul" => "abd",
        "abou" | "abo" => "abu",
        "ibn" => "bin",
        other => other,
    }
}

/// Rules 7, 8 and 11 on one lower-case token: doubled consonants, vowel digraphs, final -ah/-eh.
fn fold_strict_token(token: &str) -> String {
    let mut single: Vec<char> = Vec::with_capacity(token.len());
    for c in token.chars() {
        let doubled = single.last() == Some(&c) && c.is_alphabetic() && !is_vowel(c);
        if !doubled {
            single.push(c);
        }
    }
    let mut folded: Vec<char> = Vec::with_capacity(single.len());
    for c in single {
        match (folded.last().copied(), c) {
            (Some('o'), 'u' | 'o') => {
                folded.pop();
                folded.push('u');
            }
            (Some('e' | 'i'), 'e') => {
                folded.pop();
                folded.push('i');
            }
            (Some('a'), 'a') => {}
            _ => folded.push(c),
        }
    }
    let n = folded.len();
    if n > 2 && folded[n - 1] == 'h' && matches!(folded[n - 2], 'a' | 'e') {
        folded.truncate(n - 2);
        folded.push('a');
    }
    folded.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that all `names` have the same strict key, and returns it.
    fn same(names: &[&str]) -> String {
        let key = strict_key(names[0]);
        for name in names {
            assert_eq!(strict_key(name), key, "{name} vs {}", names[0]);
        }
        key
    }

    #[test]
    fn strips_scholarly_diacritics() {
        assert_eq!(
            strict_key("Sarāya Ṭalīʿa al-Ḵurāsānī"),
            "saraya talia khurasani"
        );
        same(&["Naïm Qassem", "Naim Qassem"]);
        assert_eq!(strict_key("Ḏū al-Fiqār"), "dhu fiqar");
    }

    #[test]
    fn deletes_ayn_hamza_marks_and_apostrophes() {
        same(&[
            "Kata'ib",
            "Kata’ib",
            "Kataib",
            "Kata‘ib",
            "Kataʿib",
            "Kataʾib",
            "Kata`ib",
            "Kata´ib",
        ]);
        same(&["Asa'ib", "Asaib"]);
        assert_eq!(same(&["Sha'abi", "Shaabi", "Sha'bi"]), "shabi");
        same(&["Tha'ireen", "Thaireen"]);
        same(&["Rab'Allah", "Rab’Allah"]);
    }

    #[test]
    fn reads_arabizi_digits_inside_words() {
        same(&["Kata2ib", "Kataib"]);
        same(&["3asa2ib", "Asaib"]);
        same(&["7ezbollah", "Hezbollah"]);
        same(&["5azali", "Khazali"]);
        same(&["9ais", "Qais"]);
        assert_eq!(strict_key("Unit10000"), "unit 10000");
        assert_eq!(strict_key("18th Brigade"), "18 th brigade");
    }

    #[test]
    fn drops_the_definite_article() {
        assert_eq!(
            same(&[
                "al-Khazali",
                "Khazali",
                "el-Khazali",
                "Al Khazali",
                "Al-Khazali"
            ]),
            "khazali"
        );
        same(&["Saraya ad-Difa' ash-Sha'abi", "Saraya al-Difa al-Shaabi"]);
        same(&["Saraya as-Salam", "Saraya al-Salam", "Saraya al Salam"]);
        same(&["Asaib Ahl-al-Haq", "Asaib Ahl al-Haq"]);
        assert_eq!(strict_key("Hashd al-Shaabi"), "hashd shabi");
    }

    #[test]
    fn keeps_sun_letter_forms_that_are_not_hyphen_attached() {
        assert_eq!(strict_key("known as Kaf"), "known as kaf");
        assert_eq!(strict_key("an Iraqi at Najaf"), "an iraqi at najaf");
    }

    #[test]
    fn keeps_a_name_that_is_only_an_article() {
        assert_eq!(strict_key("al"), "al");
    }

    #[test]
    fn attaches_allah_to_the_previous_word() {
        same(&["Hizb Allah", "Hizballah"]);
        same(&["Nasr Allah", "Nasrallah"]);
        same(&["Ansar Allah", "Ansarallah"]);
        same(&[
            "Rab' Allah",
            "Rab'Allah",
            "Rabaallah",
            "Rab Allah",
            "Raba' Allah",
        ]);
        same(&["Sayf Allah", "Sayfallah"]);
        same(&["Sayf Ullah", "Sayfullah"]);
        assert_eq!(strict_key("Abd Allah"), "abdala");
    }

    #[test]
    fn normalizes_abd_abu_and_bin() {
        assert_eq!(
            same(&[
                "Abdul-Aziz",
                "Abd al-Aziz",
                "Abdul Aziz",
                "Abdel Aziz",
                "Abdal Aziz"
            ]),
            "abd aziz"
        );
        same(&["Abou Mahdi", "Abu Mahdi", "Abo Mahdi"]);
        assert_eq!(strict_key("Ibn Taymiyya"), "bin taymiya");
    }

    #[test]
    fn collapses_doubled_consonants() {
        same(&["Muhammad", "Muhamad"]);
        same(&["Fayyadh", "Fayadh"]);
        same(&["Hezbollah", "Hezbolah"]);
        same(&["Saadi", "Sadi"]);
        same(&["Qa'ani", "Qaani", "Qani"]);
        assert_eq!(strict_key("Unit 10000"), "unit 10000");
    }

    #[test]
    fn harmonizes_vowel_digraphs() {
        same(&["Abou", "Abu"]);
        same(&["Sadiqoun", "Sadiqun"]);
        same(&["Hoqooq", "Hoquq"]);
        assert_eq!(strict_key("Sabereen"), "saberin");
        same(&["Tha'ireen", "Thairin"]);
        same(&["Shiaa", "Shia"]);
        same(&["Mouhamed", "Muhamed"]);
        same(&["Mohie", "Mohi"]);
    }

    #[test]
    fn makes_the_final_ah_uniform() {
        same(&["Shia", "Shiaa", "Shia'", "Shiah"]);
        same(&["Fadhila", "Fadhilah"]);
        same(&["Ruqayya", "Ruqayyah", "Ruqayyeh"]);
        assert_eq!(strict_key("Usbat Harakat"), "usbat harakat");
    }

    #[test]
    fn treats_hyphens_and_punctuation_as_spaces() {
        same(&["Unit10000", "Unit 10000", "Unit-10000"]);
        assert_eq!(strict_key("Hezbollah (Lebanon)"), "hezbola lebanon");
        assert_eq!(
            strict_key("  Militia   Spotlight: Profiles "),
            "militia spotlight profiles"
        );
    }

    #[test]
    fn drops_the_persian_ezafe_after_a_hyphen() {
        assert_eq!(strict_key("Velayat-e Faqih"), "velayat faqih");
        assert_eq!(strict_key("Sepah-e Qods"), "sepa qods");
        assert_eq!(strict_key("Vitamin E"), "vitamin e");
    }

    #[test]
    fn leaves_acronym_tokens_unfolded() {
        assert_eq!(strict_key("AAH"), "aah");
        assert_eq!(strict_key("IRGC-QF"), "irgcqf");
        assert_eq!(strict_key("PMF Commission"), "pmf comision");
        assert_eq!(strict_key("Mudiriyat al-Amn (PMF)"), "mudiriyat amn pmf");
    }
}
