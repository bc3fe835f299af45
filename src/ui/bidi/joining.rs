//! Arabic letters in their joined forms, for terminals that draw each character alone.
//!
//! A terminal without shaping draws "هادي" as four isolated letters. Unicode keeps a
//! presentation form of each letter for each position in a word (isolated, final, initial,
//! medial); choosing it from the neighbours, as Unicode's joining data says each letter joins,
//! gives joined text in any terminal. One letter stays one cell: the lam-alef ligature, which
//! would merge two cells into one, is left as two joined letters.

/// How a letter connects to its neighbours (Unicode's `Joining_Type`, for the letters shaped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joins {
    /// Joins on both sides (beh, seen, lam...).
    Dual,
    /// Joins only to the letter before it (alef, dal, reh, waw...).
    Right,
    /// Joins on both sides without changing form (the tatweel).
    Causing,
}

/// A letter and the first of its presentation forms: isolated, final, then (for dual-joining
/// letters) initial and medial, consecutive in Unicode's presentation-form blocks.
const LETTERS: [(char, Joins, u32); 44] = [
    ('\u{0622}', Joins::Right, 0xFE81),   // alef with madda above
    ('\u{0623}', Joins::Right, 0xFE83),   // alef with hamza above
    ('\u{0624}', Joins::Right, 0xFE85),   // waw with hamza above
    ('\u{0625}', Joins::Right, 0xFE87),   // alef with hamza below
    ('\u{0626}', Joins::Dual, 0xFE89),    // yeh with hamza above
    ('\u{0627}', Joins::Right, 0xFE8D),   // alef
    ('\u{0628}', Joins::Dual, 0xFE8F),    // beh
    ('\u{0629}', Joins::Right, 0xFE93),   // teh marbuta
    ('\u{062A}', Joins::Dual, 0xFE95),    // teh
    ('\u{062B}', Joins::Dual, 0xFE99),    // theh
    ('\u{062C}', Joins::Dual, 0xFE9D),    // jeem
    ('\u{062D}', Joins::Dual, 0xFEA1),    // hah
    ('\u{062E}', Joins::Dual, 0xFEA5),    // khah
    ('\u{062F}', Joins::Right, 0xFEA9),   // dal
    ('\u{0630}', Joins::Right, 0xFEAB),   // thal
    ('\u{0631}', Joins::Right, 0xFEAD),   // reh
    ('\u{0632}', Joins::Right, 0xFEAF),   // zain
    ('\u{0633}', Joins::Dual, 0xFEB1),    // seen
    ('\u{0634}', Joins::Dual, 0xFEB5),    // sheen
    ('\u{0635}', Joins::Dual, 0xFEB9),    // sad
    ('\u{0636}', Joins::Dual, 0xFEBD),    // dad
    ('\u{0637}', Joins::Dual, 0xFEC1),    // tah
    ('\u{0638}', Joins::Dual, 0xFEC5),    // zah
    ('\u{0639}', Joins::Dual, 0xFEC9),    // ain
    ('\u{063A}', Joins::Dual, 0xFECD),    // ghain
    ('\u{0640}', Joins::Causing, 0x0640), // tatweel
    ('\u{0641}', Joins::Dual, 0xFED1),    // feh
    ('\u{0642}', Joins::Dual, 0xFED5),    // qaf
    ('\u{0643}', Joins::Dual, 0xFED9),    // kaf
    ('\u{0644}', Joins::Dual, 0xFEDD),    // lam
    ('\u{0645}', Joins::Dual, 0xFEE1),    // meem
    ('\u{0646}', Joins::Dual, 0xFEE5),    // noon
    ('\u{0647}', Joins::Dual, 0xFEE9),    // heh
    ('\u{0648}', Joins::Right, 0xFEED),   // waw
    ('\u{0649}', Joins::Right, 0xFEEF),   // alef maksura (its joining forms are rare)
    ('\u{064A}', Joins::Dual, 0xFEF1),    // yeh
    ('\u{0671}', Joins::Right, 0xFB50),   // alef wasla
    ('\u{067E}', Joins::Dual, 0xFB56),    // peh
    ('\u{0686}', Joins::Dual, 0xFB7A),    // tcheh
    ('\u{0698}', Joins::Right, 0xFB8A),   // jeh
    ('\u{06A9}', Joins::Dual, 0xFB8E),    // keheh
    ('\u{06AF}', Joins::Dual, 0xFB92),    // gaf
    ('\u{06CC}', Joins::Dual, 0xFBFC),    // farsi yeh
    ('\u{0621}', Joins::Right, 0xFE80),   // hamza: never joins; see `joins`
];

/// The letter's joining and first presentation form, if it is one spotlight shapes.
fn letter(c: char) -> Option<(Joins, u32)> {
    if !('\u{0621}'..='\u{06CC}').contains(&c) {
        return None;
    }
    LETTERS
        .iter()
        .find(|(l, _, _)| *l == c)
        .map(|&(_, joins, first)| (joins, first))
}

/// How `c` joins, hamza (which never joins) apart.
fn joins(c: char) -> Option<Joins> {
    letter(c).filter(|_| c != '\u{0621}').map(|(j, _)| j)
}

/// Whether `c` is an Arabic letter spotlight would shape: the cheap test before [`shape`].
#[must_use]
pub fn is_shaped(c: char) -> bool {
    letter(c).is_some()
}

/// The joined forms of a run of letters in logical order, one per cell: `letters[i]` is the
/// first character of cell `i` (marks stay in their cell and do not break a join). Cells that
/// are not Arabic letters come back unchanged.
#[must_use]
pub fn shape(letters: &[char]) -> Vec<char> {
    let joins_at = |i: Option<usize>| i.and_then(|i| letters.get(i)).and_then(|&c| joins(c));
    letters
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let Some((own, first)) = letter(c) else {
                return c;
            };
            if own == Joins::Causing || c == '\u{0621}' {
                return c;
            }
            let before = joins_at(i.checked_sub(1));
            let after = joins_at(Some(i + 1));
            let to_before = matches!(before, Some(Joins::Dual | Joins::Causing));
            let to_after = own == Joins::Dual && after.is_some();
            let offset = match (to_before, to_after) {
                (false, false) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (true, true) => 3,
            };
            char::from_u32(first + offset).unwrap_or(c)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shaped(text: &str) -> String {
        shape(&text.chars().collect::<Vec<_>>())
            .into_iter()
            .collect()
    }

    #[test]
    fn a_name_takes_initial_medial_and_final_forms() {
        // هادي: heh initial, alef final (it joins back to heh, never forward), dal isolated,
        // yeh isolated (dal never joins forward).
        assert_eq!(shaped("هادي"), "\u{FEEB}\u{FE8E}\u{FEA9}\u{FEF1}");
        // العامري: alef isolated, lam initial, ain medial, alef final, meem initial, reh final,
        // yeh isolated.
        assert_eq!(
            shaped("العامري"),
            "\u{FE8D}\u{FEDF}\u{FECC}\u{FE8E}\u{FEE3}\u{FEAE}\u{FEF1}"
        );
    }

    #[test]
    fn spaces_and_latin_letters_break_a_word() {
        assert_eq!(shaped("ب ب"), "\u{FE8F} \u{FE8F}");
        assert_eq!(shaped("بب"), "\u{FE91}\u{FE90}");
        assert_eq!(shaped("aبc"), "a\u{FE8F}c");
    }

    #[test]
    fn hamza_and_tatweel_keep_their_form_and_tatweel_joins() {
        assert_eq!(shaped("ء"), "ء");
        assert_eq!(shaped("بـ"), "\u{FE91}\u{0640}");
    }

    #[test]
    fn persian_letters_are_shaped() {
        assert_eq!(shaped("پی"), "\u{FB58}\u{FBFD}");
    }
}
