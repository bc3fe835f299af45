//! Dates as pieces write them: `Nov 1, 2023`, `October 30`, `Oct. 10, 2023`, `30 October 2023`.
//!
//! Pieces give quote dates without a year ("On October 30"); the year comes from the piece's
//! own date, stepping back a year when the result would land well after publication.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

/// English month names, as pieces write them.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Month names, full or abbreviated, with an optional period.
const MONTH_PATTERN: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

/// An ASCII word boundary. Every part of a date is ASCII, and a Unicode `\b` makes the regex
/// engine fall back from its fast DFA to a backtracker on any text with curly quotes.
const B: &str = r"(?-u:\b)";

static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{B}{MONTH_PATTERN}\s+[0-3]?[0-9](?:st|nd|rd|th)?{B}(?:,?\s+(?:19|20)[0-9][0-9]{B})?"
    ))
    .unwrap_or_else(|e| unreachable!("static date pattern: {e}"))
});

static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{B}[0-3]?[0-9]\s+{MONTH_PATTERN}(?:,?\s+(?:19|20)[0-9][0-9]{B})?"
    ))
    .unwrap_or_else(|e| unreachable!("static date pattern: {e}"))
});

/// A date found in running text, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset where the date expression starts.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The date, with the year inferred when the text leaves it out.
    pub date: Date,
}

fn month_number(name: &str) -> Option<i8> {
    let key = name.get(..3)?.to_ascii_lowercase();
    let index = MONTHS.iter().position(|m| *m == key)?;
    i8::try_from(index + 1).ok()
}

/// Parses a whole date line such as `Nov 1, 2023`, `November 1, 2023` or `2023-11-01`.
#[must_use]
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim().trim_end_matches('.');
    if let Ok(date) = text.parse::<Date>() {
        return Some(date);
    }
    let found = find_dates(text, None);
    match found.as_slice() {
        [only] if only.start == 0 && only.end == text.len() => Some(only.date),
        _ => None,
    }
}

/// Finds every date expression in `text`, in order.
///
/// Dates without a year take it from `reference` (the piece's date): the same year, or the
/// year before when that would put the date after `reference` (a January piece quoting a
/// December date). Without a reference, year-less dates are skipped.
#[must_use]
pub fn find_dates(text: &str, reference: Option<Date>) -> Vec<DateMention> {
    let mut found: Vec<DateMention> = Vec::new();
    if !may_hold_a_day(text) {
        return found;
    }
    for regex in [&*MONTH_FIRST, &*DAY_FIRST] {
        // Matches only: the parts are read from the matched text, which is cheaper than
        // asking the regex engine for capture groups.
        for whole in regex.find_iter(text) {
            if found
                .iter()
                .any(|f| f.start < whole.end() && whole.start() < f.end)
            {
                continue;
            }
            let Some((month, day, year)) = date_parts(whole.as_str()) else {
                continue;
            };
            let year = year.and_then(|y| y.parse::<i16>().ok());
            if let Some(date) = build(month, day, year, reference) {
                found.push(DateMention {
                    start: whole.start(),
                    end: whole.end(),
                    date,
                });
            }
        }
    }
    found.sort_by_key(|f| f.start);
    found
}

/// The month, day and year of a matched date (`October 30th, 2023`, `3 March 2021`): the
/// month is the first run of letters, the day the first run of digits, the year the second.
fn date_parts(matched: &str) -> Option<(&str, &str, Option<&str>)> {
    let runs = |keep: fn(&u8) -> bool| {
        matched
            .split(move |c: char| !u8::try_from(c).is_ok_and(|b| keep(&b)))
            .filter(|run| !run.is_empty())
    };
    let month = runs(u8::is_ascii_alphabetic).next()?;
    let mut digits = runs(u8::is_ascii_digit);
    let day = digits.next()?;
    Some((month, day, digits.next()))
}

/// Whether `text` has an ASCII digit, which every date pattern needs for its day: a paragraph
/// without one is skipped without running the two regex scans.
fn may_hold_a_day(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

fn build(month: &str, day: &str, year: Option<i16>, reference: Option<Date>) -> Option<Date> {
    let month = month_number(month)?;
    let day: i8 = day.parse().ok()?;
    match year {
        Some(year) => Date::new(year, month, day).ok(),
        None => {
            let reference = reference?;
            let same_year = Date::new(reference.year(), month, day).ok()?;
            if same_year > reference {
                Date::new(reference.year() - 1, month, day).ok()
            } else {
                Some(same_year)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn parses_the_seed_date_line() {
        assert_eq!(parse_date("Nov 1, 2023"), Some(date(2023, 11, 1)));
        assert_eq!(parse_date("November 1, 2023."), Some(date(2023, 11, 1)));
        assert_eq!(parse_date("2023-11-01"), Some(date(2023, 11, 1)));
        assert_eq!(parse_date("1 November 2023"), Some(date(2023, 11, 1)));
    }

    #[test]
    fn reads_the_parts_of_a_matched_date() {
        assert_eq!(
            date_parts("October 30th, 2023"),
            Some(("October", "30", Some("2023")))
        );
        assert_eq!(date_parts("Oct. 10"), Some(("Oct", "10", None)));
        assert_eq!(
            date_parts("3 March 2021"),
            Some(("March", "3", Some("2021")))
        );
        assert_eq!(date_parts("March"), None);
    }

    #[test]
    fn rejects_lines_that_are_not_only_a_date() {
        assert_eq!(parse_date("On Nov 1, 2023 he said"), None);
        assert_eq!(parse_date("Nov 31, 2023"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn infers_the_year_from_the_piece_date() {
        let piece = date(2023, 11, 1);
        let found = find_dates("On October 30, Hadi said", Some(piece));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].date, date(2023, 10, 30));
        assert_eq!(
            &"On October 30, Hadi said"[found[0].start..found[0].end],
            "October 30"
        );
    }

    #[test]
    fn steps_back_a_year_for_dates_after_publication() {
        let found = find_dates("On December 20, they met.", Some(date(2024, 1, 5)));
        assert_eq!(found[0].date, date(2023, 12, 20));
    }

    #[test]
    fn reads_abbreviated_and_day_first_dates() {
        let found = find_dates("on Oct. 10 and 3 March 2021", Some(date(2023, 11, 1)));
        let dates: Vec<Date> = found.iter().map(|f| f.date).collect();
        assert_eq!(dates, vec![date(2023, 10, 10), date(2021, 3, 3)]);
    }

    #[test]
    fn ignores_may_as_a_verb_without_a_day() {
        assert!(find_dates("they may now come into play", Some(date(2023, 1, 1))).is_empty());
    }

    #[test]
    fn finds_dates_in_text_with_curly_quotes_and_arabic() {
        let text = "\u{201c}Leave now,\u{201d} he said on Oct. 30 \u{2014} \u{0642}\u{0627}\u{0644} 4 November.";
        let found = find_dates(text, Some(date(2023, 11, 10)));
        let dates: Vec<Date> = found.iter().map(|f| f.date).collect();
        assert_eq!(dates, vec![date(2023, 10, 30), date(2023, 11, 4)]);
        assert!(find_dates("Oct 305 and xOct 3", Some(date(2023, 11, 10))).is_empty());
    }
}
