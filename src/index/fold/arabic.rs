//! Arabic-script keys (docs/folding.md §2): the normalizations of Lucene, Elasticsearch and
//! `CAMeL` Tools.

use unicode_normalization::UnicodeNormalization;

/// docs/folding.md §2 steps 1–8 on one character: the folded character, or `None` when it is
/// deleted.
pub(super) fn arabic_fold_char(c: char) -> Option<char> {
    match c {
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' => Some('\u{0627}'),
        '\u{0629}' | '\u{06C1}' | '\u{06C0}' | '\u{06D5}' => Some('\u{0647}'),
        '\u{0649}' | '\u{06CC}' => Some('\u{064A}'),
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => None,
        '\u{06A9}' | '\u{06AF}' => Some('\u{0643}'),
        '\u{067E}' => Some('\u{0628}'),
        '\u{0686}' => Some('\u{062C}'),
        '\u{06A4}' => Some('\u{0641}'),
        '\u{0698}' => Some('\u{0632}'),
        '\u{200B}'..='\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => None,
        '\u{0660}'..='\u{0669}' => char::from_digit(u32::from(c) - 0x0660, 10),
        '\u{06F0}'..='\u{06F9}' => char::from_digit(u32::from(c) - 0x06F0, 10),
        _ => Some(c),
    }
}

/// Whether `c` is an Arabic presentation form (a contextual glyph, as copied from PDFs).
pub(super) fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// Calls `f` with the letters `c` stands for: itself, or the NFKC letters of a presentation form.
pub(super) fn base_letters(c: char, f: impl FnMut(char)) {
    if is_presentation_form(c) {
        std::iter::once(c).nfkc().for_each(f);
    } else {
        std::iter::once(c).for_each(f);
    }
}

/// The Arabic key of `name`: docs/folding.md §2 steps 1–8, whitespace collapsed to single spaces.
///
/// Queries and documents are normalized the same way, so *أصحاب* meets *اصحاب*, *حركة* meets
/// *حركه* and *الکهف* (keheh) meets *الكهف*: alef forms → ا, ة → ه, ى → ي, tashkeel and Quranic
/// marks removed, tatweel removed, Persian and Urdu letters folded (ی ک ہ ۀ ە گ پ چ ڤ ژ), invisible
/// characters removed (ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, bidi controls, BOM), Arabic-Indic and
/// Persian digits → ASCII. Beyond docs/folding.md §2, presentation forms (contextual glyphs, *ﷲ*)
/// are first replaced by their letters. Other characters pass through.
#[must_use]
pub fn arabic_key(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars() {
        base_letters(c, |b| folded.extend(arabic_fold_char(b)));
    }
    let words: Vec<&str> = folded.split_whitespace().collect();
    words.join(" ")
}

/// The Arabic recall key of `name`: [`arabic_key`] plus docs/folding.md §2 step 9.
///
/// For finding candidates only: ؤ → و, ئ → ي, a bare ء deleted, and the attached article or
/// proclitic (وال بال كال فال ال لل) stripped from each token when at least two letters remain,
/// except in tokens ending in لله (*الله*, *لله*, *نصرالله*).
#[must_use]
pub fn arabic_loose_key(name: &str) -> String {
    let hamza_free: String = arabic_key(name)
        .chars()
        .filter_map(|c| match c {
            '\u{0624}' => Some('\u{0648}'),
            '\u{0626}' => Some('\u{064A}'),
            '\u{0621}' => None,
            other => Some(other),
        })
        .collect();
    let words: Vec<&str> = hamza_free.split_whitespace().map(strip_proclitic).collect();
    words.join(" ")
}

/// Strips one attached article or proclitic from an Arabic token (protecting *الله* and *لله*).
fn strip_proclitic(token: &str) -> &str {
    const PREFIXES: [&str; 6] = ["وال", "بال", "كال", "فال", "ال", "لل"];
    if token.ends_with("لله") {
        return token;
    }
    PREFIXES
        .iter()
        .find_map(|p| {
            token
                .strip_prefix(p)
                .filter(|rest| rest.chars().count() >= 2)
        })
        .unwrap_or(token)
}

/// Whether `c` belongs to one of the Arabic-script blocks.
fn is_arabic_char(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Whether `s` is mainly Arabic script: more of its letters are Arabic than not.
///
/// Decides whether a query goes to the Arabic keys or to the Latin ones.
#[must_use]
pub fn is_arabic(s: &str) -> bool {
    let (mut arabic, mut other) = (0usize, 0usize);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if is_arabic_char(c) {
            arabic += 1;
        } else {
            other += 1;
        }
    }
    arabic > other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_alef_forms() {
        assert_eq!(arabic_key("أصحاب"), arabic_key("اصحاب"));
        assert_eq!(arabic_key("أبو آلاء"), "ابو الاء");
        assert_eq!(arabic_key("إسماعيل"), "اسماعيل");
        assert_eq!(arabic_key("ٱلله"), "الله");
    }

    #[test]
    fn folds_taa_marbuta_to_ha() {
        assert_eq!(arabic_key("حركة"), arabic_key("حركه"));
        assert_eq!(arabic_key("الحشد الشعبي"), "الحشد الشعبي");
    }

    #[test]
    fn folds_alef_maqsura_to_ya() {
        assert_eq!(arabic_key("الولائى"), arabic_key("الولائي"));
        assert_eq!(arabic_key("مقتدى"), "مقتدي");
    }

    #[test]
    fn removes_tashkeel_and_quranic_marks() {
        assert_eq!(arabic_key("كَتائِبُ حِزْبِ اللّه"), "كتائب حزب الله");
        assert_eq!(arabic_key("هٰذا"), "هذا");
        assert_eq!(arabic_key("الله\u{06D6}"), "الله");
    }

    #[test]
    fn removes_tatweel() {
        assert_eq!(arabic_key("كتـــائب"), "كتائب");
    }

    #[test]
    fn folds_persian_and_urdu_letters() {
        assert_eq!(arabic_key("اصحاب الکهف"), arabic_key("أصحاب الكهف"));
        assert_eq!(arabic_key("علی"), "علي");
        assert_eq!(arabic_key("گ پ چ ڤ ژ"), "ك ب ج ف ز");
        assert_eq!(arabic_key("ہ ۀ ە"), "ه ه ه");
    }

    #[test]
    fn removes_invisible_characters() {
        let noisy = concat!(
            "\u{200F}كتائب\u{200C} حزب\u{061C} ",
            "\u{202B}الله\u{202C}\u{2067}\u{2069}\u{200D}\u{200E}\u{FEFF}"
        );
        assert_eq!(arabic_key(noisy), "كتائب حزب الله");
    }

    #[test]
    fn converts_arabic_indic_and_persian_digits() {
        assert_eq!(arabic_key("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(arabic_key("لواء ۴۵"), "لواء 45");
    }

    #[test]
    fn replaces_presentation_forms_by_letters() {
        assert_eq!(arabic_key("\u{FDF2}"), "الله");
        assert_eq!(arabic_key("\u{FEA3}\u{FEB0}\u{FE90}"), "حزب");
        assert_eq!(arabic_loose_key("\u{FE8B}"), "ي");
    }

    #[test]
    fn collapses_whitespace() {
        assert_eq!(arabic_key("  حزب \t\n الله  "), "حزب الله");
    }

    #[test]
    fn folds_hamza_carriers_in_the_loose_key() {
        assert_eq!(arabic_loose_key("كتائب"), "كتايب");
        assert_eq!(arabic_loose_key("مؤسسة"), "موسسه");
        assert_eq!(arabic_loose_key("النجباء"), "نجبا");
        assert_eq!(arabic_key("النجباء"), "النجباء");
    }

    #[test]
    fn strips_articles_and_proclitics_but_protects_allah() {
        assert_eq!(arabic_loose_key("العراق"), "عراق");
        assert_eq!(arabic_loose_key("والمقاومة وبالعراق"), "مقاومه وبالعراق");
        assert_eq!(arabic_loose_key("للمقاومة"), "مقاومه");
        assert_eq!(arabic_loose_key("بالحشد كالحشد فالحشد"), "حشد حشد حشد");
        assert_eq!(arabic_loose_key("حزب الله"), "حزب الله");
        assert_eq!(arabic_loose_key("لله"), "لله");
        assert_eq!(arabic_loose_key("نصرالله"), "نصرالله");
        assert_eq!(arabic_loose_key("فالح الفياض"), "فالح فياض");
    }

    #[test]
    fn detects_mainly_arabic_text() {
        assert!(is_arabic("كتائب حزب الله"));
        assert!(is_arabic("KH كتائب حزب الله"));
        assert!(!is_arabic("Kataib Hezbollah"));
        assert!(!is_arabic("KH ك"));
        assert!(!is_arabic(""));
        assert!(!is_arabic("٠١٢"));
    }
}
