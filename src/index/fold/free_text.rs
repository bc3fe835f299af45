//! Free-text folding: a character-by-character fold with an offset map back to the original.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use super::arabic::{arabic_fold_char, base_letters, is_presentation_form};
use super::is_apostrophe;

/// Folds free text for searching, with the byte offset in `s` of every byte of the result.
///
/// Search runs over a million quotes, and matches must be highlighted in the original text, so
/// the fold works character by character and never reorders or drops whole words: lower case,
/// diacritics stripped (compatibility decomposition without combining marks), apostrophes and
/// ayn/hamza marks deleted, Arabic normalized (docs/folding.md §2 steps 1–8). A character may fold
/// to nothing or
/// to several characters; each output byte maps to the start of the character it came from, so
/// the offsets never decrease and fall on char boundaries. Pure ASCII takes a fast path. Fold the
/// query with the same function.
#[must_use]
pub fn fold_text(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut offsets = Vec::with_capacity(s.len());
    fold_with(s, &mut out, &mut offsets);
    (out, offsets)
}

/// Appends the fold of `s` ([`fold_text`]) to `out`, without the offsets: for indexing many
/// texts into one buffer.
pub fn fold_into(s: &str, out: &mut String) {
    fold_with(s, out, &mut ());
}

/// Where the source offsets of folded bytes go: kept for highlighting, or dropped.
trait Offsets {
    /// `bytes` output bytes came from the character at `at`.
    fn record(&mut self, at: usize, bytes: usize);
    /// Each byte of `range` was copied as it is.
    fn copied(&mut self, range: std::ops::Range<usize>);
}

impl Offsets for Vec<usize> {
    fn record(&mut self, at: usize, bytes: usize) {
        self.extend(std::iter::repeat_n(at, bytes));
    }

    fn copied(&mut self, range: std::ops::Range<usize>) {
        self.extend(range);
    }
}

impl Offsets for () {
    fn record(&mut self, _: usize, _: usize) {}

    fn copied(&mut self, _: std::ops::Range<usize>) {}
}

fn fold_with(s: &str, out: &mut String, offsets: &mut impl Offsets) {
    let dots = acronym_dots(s);
    if dots.is_empty() && s.is_ascii() && !s.bytes().any(|b| b == b'\'' || b == b'`') {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        offsets.copied(0..s.len());
        return;
    }
    let mut dots = dots.into_iter().peekable();
    for (i, c) in s.char_indices() {
        if dots.next_if_eq(&i).is_some() {
            continue;
        }
        if c.is_ascii() {
            if c != '\'' && c != '`' {
                out.push(c.to_ascii_lowercase());
                offsets.record(i, 1);
            }
        } else {
            fold_char(c, i, out, offsets);
        }
    }
}

/// Byte offsets of the dots inside dotted acronyms (`U.S.`, `U.N.`, `U.S.-led`), which folding
/// drops so they read as their letters (`us`, `un`, `us-led`): two or more single letters, each
/// followed by a dot, the first not preceded by a letter or digit.
fn acronym_dots(s: &str) -> Vec<usize> {
    let bytes = s.as_bytes();
    let mut dots = Vec::new();
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'.', &bytes[at..]) {
        let dot = at + found;
        at = dot + 1;
        let starts = dot >= 1
            && bytes[dot - 1].is_ascii_alphabetic()
            && (dot < 2 || !bytes[dot - 2].is_ascii_alphanumeric());
        if !starts || dots.last().is_some_and(|&d| d >= dot) {
            continue;
        }
        // Letter-dot pairs from here on.
        let mut run = vec![dot];
        let mut next = dot + 1;
        while next + 1 < bytes.len()
            && bytes[next].is_ascii_alphabetic()
            && bytes[next + 1] == b'.'
            && (next + 2 >= bytes.len() || !bytes[next + 2].is_ascii_alphabetic())
        {
            run.push(next + 1);
            next += 2;
        }
        if run.len() >= 2 {
            at = next;
            dots.extend(run);
        }
    }
    dots
}

/// Folds one non-ASCII character of [`fold_text`], recording `at` for every byte written.
fn fold_char(c: char, at: usize, out: &mut String, offsets: &mut impl Offsets) {
    let mut emit = |f: char| {
        if !is_combining_mark(f) && !is_apostrophe(f) {
            out.push(f);
            offsets.record(at, f.len_utf8());
        }
    };
    if is_apostrophe(c) {
        return;
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        if let Some(f) = arabic_fold_char(c) {
            emit(f);
        }
        return;
    }
    if is_presentation_form(c) {
        base_letters(c, |b| {
            if let Some(f) = arabic_fold_char(b) {
                emit(f);
            }
        });
        return;
    }
    decompose_compatible(c, |d| {
        for lower in d.to_lowercase() {
            if let Some(f) = arabic_fold_char(lower) {
                emit(f);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The original text a folded byte range came from.
    fn source<'a>(original: &'a str, offsets: &[usize], range: std::ops::Range<usize>) -> &'a str {
        let start = offsets[range.start];
        let end = offsets.get(range.end).copied().unwrap_or(original.len());
        &original[start..end]
    }

    #[test]
    fn dotted_acronyms_fold_to_their_letters() {
        let fold = |s: &str| fold_text(s).0;
        assert_eq!(fold("attack all U.S. targets"), "attack all us targets");
        assert_eq!(
            fold("the U.S.-led coalition and the U.N."),
            "the us-led coalition and the un"
        );
        assert_eq!(fold("Plan B. Then e.g. this"), "plan b. then eg this");
        assert_eq!(fold("version 2.5. A.B"), "version 2.5. a.b");
        let (folded, offsets) = fold_text("U.S. bases");
        assert_eq!(source("U.S. bases", &offsets, 0..2), "U.S.");
        assert_eq!(source("U.S. bases", &offsets, 3..8), "bases");
        assert_eq!(folded, "us bases");
    }

    #[test]
    fn lower_cases_ascii_and_deletes_apostrophes() {
        let (folded, offsets) = fold_text("Kata'ib HEZBOLLAH `KH`");
        assert_eq!(folded, "kataib hezbollah kh");
        assert_eq!(offsets.len(), folded.len());
        assert_eq!(&offsets[..6], &[0, 1, 2, 3, 5, 6]);
    }

    #[test]
    fn strips_diacritics_and_ayn_marks() {
        let original = "Sarāya Ṭalīʿa";
        let (folded, offsets) = fold_text(original);
        assert_eq!(folded, "saraya talia");
        let at = folded.find("talia").unwrap();
        assert_eq!(source(original, &offsets, at..at + 5), "Ṭalīʿa");
    }

    #[test]
    fn normalizes_arabic_steps_one_to_eight() {
        let (folded, offsets) = fold_text("أصحاب الکهف ـ حركة ٤٥");
        assert_eq!(folded, "اصحاب الكهف  حركه 45");
        assert_eq!(offsets.len(), folded.len());
    }

    #[test]
    fn folds_arabic_presentation_forms_like_arabic_key() {
        let (folded, offsets) = fold_text("\u{FEA3}\u{FEB0}\u{FE90} \u{FDF2}");
        assert_eq!(folded, "حزب الله");
        assert_eq!(offsets.len(), folded.len());
    }

    #[test]
    fn never_drops_or_merges_words() {
        assert_eq!(
            fold_text("al-Khazali, Hizb Allah").0,
            "al-khazali, hizb allah"
        );
    }

    #[test]
    fn maps_expansions_and_deletions_to_their_source() {
        let original = "ﬁ\u{200C}x";
        let (folded, offsets) = fold_text(original);
        assert_eq!(folded, "fix");
        assert_eq!(offsets, [0, 0, 6]);
    }

    #[test]
    fn highlights_a_match_in_the_original() {
        let original = "Khata’ib Ḥizballah said";
        let (folded, offsets) = fold_text(original);
        let at = folded.find("hizballah").unwrap();
        assert_eq!(
            source(original, &offsets, at..at + "hizballah".len()),
            "Ḥizballah"
        );
    }
}
