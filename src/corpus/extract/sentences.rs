//! Sentence boundaries that ignore periods inside quotations and abbreviations like `U.S.`.

use std::ops::Range;

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "maj", "capt", "no", "vs", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "co",
    "etc", "approx", "e.g", "i.e",
];

/// Byte offsets where sentences start in `text` (always including 0).
///
/// `quoted` are the byte ranges of quotations, whose periods end no sentence — except a
/// quotation that itself ends a sentence (`... leave Iraq." Although ...`).
#[must_use]
pub fn sentence_starts(text: &str, quoted: &[Range<usize>]) -> Vec<usize> {
    let mut starts = vec![0];
    for (at, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = at + 1;
        let inside = quoted.iter().find(|q| q.start < at && at < q.end);
        if let Some(q) = inside {
            // A period just before the closing mark ends the sentence after the mark.
            let closing = text[end..]
                .chars()
                .next()
                .filter(|c| matches!(c, '"' | '”'));
            match closing {
                Some(mark) if end + mark.len_utf8() >= q.end => end += mark.len_utf8(),
                _ => continue,
            }
        }
        if c == '.' && is_abbreviation(&text[..at]) {
            continue;
        }
        let rest = &text[end..];
        let next = rest.trim_start();
        let spaced = rest.len() > next.len();
        let opens = next.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '*'));
        if spaced && opens {
            starts.push(end + (rest.len() - next.len()));
        }
    }
    starts
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let single_letter = word.chars().next_back().is_some_and(char::is_uppercase)
        && word.chars().rev().nth(1).is_none_or(|c| c == '.');
    // Compared without lower-casing into a new string: this runs at every period.
    single_letter || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The sentence around byte range `from..to`: where it starts and where it ends.
#[must_use]
pub fn sentence_around(text: &str, starts: &[usize], from: usize, to: usize) -> Range<usize> {
    let start = starts
        .iter()
        .copied()
        .filter(|&s| s <= from)
        .max()
        .unwrap_or(0);
    let end = starts
        .iter()
        .copied()
        .find(|&s| s >= to.max(start + 1))
        .unwrap_or(text.len());
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_periods_followed_by_capitals() {
        let text = "One here. Two there? Three.";
        assert_eq!(sentence_starts(text, &[]), vec![0, 10, 21]);
    }

    #[test]
    fn keeps_abbreviations_inside_a_sentence() {
        let text = "We will attack all U.S. targets. Then we rest. Gen. Smith agreed.";
        assert_eq!(sentence_starts(text, &[]), vec![0, 33, 47]);
    }

    #[test]
    fn ignores_periods_inside_quotes_unless_they_end_the_sentence() {
        let text = r#"He said "Go. Now." Then left."#;
        let quoted: Vec<Range<usize>> = std::iter::once(8..18).collect();
        assert_eq!(sentence_starts(text, &quoted), vec![0, 19]);
    }

    #[test]
    fn finds_the_sentence_around_a_range() {
        let text = "First one. The quote is here. Last.";
        let starts = sentence_starts(text, &[]);
        assert_eq!(
            &text[sentence_around(text, &starts, 15, 20)],
            "The quote is here. "
        );
    }
}
