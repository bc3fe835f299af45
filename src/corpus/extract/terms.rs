//! Statement or term: a quotation is a term when it names rather than says — a scare quote of
//! one to three words ("vanguard"), or a title ("Loyalty to the Martyrs", the "Hashd Service
//! and Retirement Law") — unless a speech verb gives it as what someone said (`adding that
//! the sponsors "will be named"`).

use super::units::{Shape, Unit};
use crate::corpus::speech::is_speech_word;

/// Quotations of up to this many words are terms unless a speech verb introduces them.
const TERM_WORDS: usize = 3;

/// Words right before a quotation that make it a name, not speech (`a campaign called "X"`).
const NAMING: &[&str] = &[
    "called", "titled", "entitled", "named", "dubbed", "as", "itself",
];

/// Determiners before a quotation: it names a thing (`their "strategic depth"`) unless a speech
/// verb governs it directly (`announced its "full support"`).
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "our"];

/// Whether `unit`, introduced by `lead` (its clause before the opening mark), is a statement.
#[must_use]
pub fn is_statement(unit: &Unit, lead: &str) -> bool {
    let text = unit
        .passage
        .text
        .trim_end_matches([',', '.', ';', ':'])
        .trim();
    if !unit.marked || unit.gap.is_some() || unit.passage.end_para != unit.passage.para {
        return true;
    }
    if matches!(unit.shape, Shape::Blockquote | Shape::Answer) {
        return true;
    }
    // Counted up to nine: a longer quote is neither a title nor a scare quote.
    let words = word_count(text).min(9);
    if words > 8 {
        return true;
    }
    if is_title(text) {
        return false;
    }
    if words > TERM_WORDS {
        return true;
    }
    if unit.shape == Shape::Caption && words > 1 {
        return true;
    }
    // `it posted a single word: "Soon."`: a colon gives even one word as said.
    if lead.trim_end().ends_with(':') {
        return true;
    }
    words > 1 && introduced_as_speech(lead)
}

/// Words in `text`: spaces part them, and in scripts written without spaces (Chinese,
/// Japanese) every two characters count as one, so a long sentence is never one "word".
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .map(|word| {
            let unspaced = word.chars().filter(|&c| is_unspaced_script(c)).count();
            1 + unspaced.saturating_sub(1) / 2
        })
        .sum()
}

/// Whether `c` belongs to a script written without spaces between words: CJK ideographs,
/// Hiragana, Katakana, Thai.
fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{0E00}'..='\u{0E7F}'
        | '\u{20000}'..='\u{2FFFF}')
}

/// A title: two to eight words, the first and every word of four letters or more capitalized,
/// no sentence punctuation inside.
fn is_title(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=8).contains(&words.len())
        && !text.contains(['.', ',', ';', ':', '?', '!', '…'])
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            w.chars().count() < 4 || w.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
        })
        // Two capitals at least: `Diyala is for its men` is a sentence, not a title.
        && words
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count()
            >= 2
}

/// Whether a speech verb stands in the lead's clause, and the word right before the
/// quotation (a determiner, a possessive, `called`) does not make it a name.
fn introduced_as_speech(lead: &str) -> bool {
    // `with a caption of her own: "Read it yourselves."`: a colon gives what follows as said.
    if lead.trim_end().ends_with(':') {
        return true;
    }
    let clause = lead.rsplit([',', ';', ':', '.']).next().unwrap_or(lead);
    let mut words: Vec<String> = clause
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    // Past an owner and a determiner (`the minister's`, `its`): what comes before them decides.
    let possessive = words
        .last()
        .is_some_and(|w| ["'s", "’s", "s'", "s’"].iter().any(|e| w.ends_with(e)));
    if possessive {
        words.pop();
    }
    let determiner = words
        .last()
        .is_some_and(|w| DETERMINERS.contains(&w.as_str()));
    if determiner {
        words.pop();
    }
    let Some(last) = words.last() else {
        return false;
    };
    if NAMING.contains(&last.as_str()) {
        return false;
    }
    // `announced its "full support"`: a determiner right after the speech verb.
    if determiner && !possessive {
        return is_speech_word(last);
    }
    words.iter().any(|w| is_speech_word(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::marks::Passage;

    fn unit(text: &str) -> Unit {
        Unit {
            passage: Passage {
                para: 0,
                open: 0,
                start: 1,
                end_para: 0,
                end: text.len() + 1,
                close: text.len() + 2,
                text: text.into(),
            },
            gap: None,
            shape: Shape::Inline,
            marked: true,
        }
    }

    #[test]
    fn titles_and_scare_quotes_are_terms() {
        assert!(!is_statement(
            &unit("Hashd Service and Retirement Law,"),
            "the first reading of the "
        ));
        assert!(!is_statement(
            &unit("Loyalty to the Martyrs"),
            "a hashtag campaign, "
        ));
        assert!(!is_statement(
            &unit("electronic flies,"),
            "by the factions' "
        ));
        assert!(!is_statement(&unit("brand"), "he said the "));
    }

    #[test]
    fn a_long_sentence_without_spaces_is_no_term() {
        assert!(is_statement(
            &unit("美国军队必须立即离开伊拉克，否则我们将攻击他们的基地。"),
            "the channel's caption, "
        ));
        assert!(!is_statement(&unit("抵抗"), "what it called "));
    }

    #[test]
    fn a_short_quote_given_as_speech_is_a_statement() {
        assert!(is_statement(
            &unit("will be named"),
            "the channel wrote, adding that the bill's sponsors "
        ));
        assert!(is_statement(
            &unit("name the groups"),
            "She called on the federal government to "
        ));
        assert!(!is_statement(
            &unit("loyalty pledge"),
            "a campaign it called "
        ));
        assert!(is_statement(
            &unit("The Hashd does not retire"),
            "a poster reading "
        ));
    }
}
