//! When a statement was made: the last date before it in its paragraph — an explicit one
//! (`June 3`, `3 June`, `Tuesday, June 3, 2024`) or a relative one (`the next day`, `two days
//! later`, `that evening`, `on the 5th`) counted from the last explicit date before that —
//! else a date later in its own sentence, else its figure's caption date, else the piece's.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::corpus::dates::{DateMention, find_dates};
use crate::corpus::model::DateSource;

/// A date expression found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expression {
    /// A calendar date.
    Explicit(DateMention),
    /// Days after (or, negative, before) the last explicit date: `the next day` is 1.
    Relative {
        /// Byte range of the words.
        range: Range<usize>,
        /// Days from the base date.
        days: i32,
    },
    /// `on the 5th`: that day of the last explicit date's month.
    Ordinal {
        /// Byte range of the words.
        range: Range<usize>,
        /// Day of the month.
        day: i8,
    },
}

impl Expression {
    fn range(&self) -> Range<usize> {
        match self {
            Self::Explicit(d) => d.start..d.end,
            Self::Relative { range, .. } | Self::Ordinal { range, .. } => range.clone(),
        }
    }
}

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:the\s+)?(?:next|following)\s+(?P<next>day|morning|afternoon|evening|night|week)|the\s+day\s+after|(?:the\s+)?same\s+(?:day|morning|afternoon|evening|night)|(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)|hours\s+later|(?P<count>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|after(?:wards?)?|earlier|before)|the\s+(?:previous|preceding)\s+day|the\s+day\s+before|on\s+the\s+(?P<ord>[0-3]?[0-9])(?:st|nd|rd|th))\b",
    )
    .unwrap_or_else(|e| unreachable!("static relative date pattern: {e}"))
});

/// Every date expression of `text`, explicit and relative, outside `quoted`, left to right.
#[must_use]
pub fn expressions(
    text: &str,
    piece_date: Option<Date>,
    quoted: &[Range<usize>],
) -> Vec<Expression> {
    let outside = |at: usize| !quoted.iter().any(|q| q.start <= at && at < q.end);
    let mut found: Vec<Expression> = find_dates(text, piece_date)
        .into_iter()
        .filter(|d| outside(d.start))
        .map(Expression::Explicit)
        .collect();
    let lower_hit = text
        .bytes()
        .any(|b| matches!(b | 0x20, b'l' | b't' | b'n' | b'f' | b'h' | b'b' | b's'));
    if lower_hit {
        for caps in RELATIVE.captures_iter(text) {
            let Some(whole) = caps.get(0) else {
                continue;
            };
            if !outside(whole.start()) || takes_an_object(&caps, &text[whole.end()..]) {
                continue;
            }
            let range = whole.start()..whole.end();
            let expression =
                if let Some(day) = caps.name("ord").and_then(|d| d.as_str().parse().ok()) {
                    Expression::Ordinal { range, day }
                } else {
                    Expression::Relative {
                        range,
                        days: days_of(&caps, whole.as_str()),
                    }
                };
            found.push(expression);
        }
    }
    found.sort_by_key(|e| e.range().start);
    found
}

/// Whether `after`/`before` in the expression is a preposition with an object (`two days
/// before Nasrallah's speech`): then it dates nothing by itself.
fn takes_an_object(caps: &regex::Captures<'_>, rest: &str) -> bool {
    let whole = caps.get(0).map_or("", |m| m.as_str()).to_ascii_lowercase();
    let prepositional = whole.ends_with("after") || whole.ends_with("before");
    prepositional && rest.trim_start().starts_with(|c: char| c.is_alphanumeric())
}

/// The number of days a relative expression moves.
fn days_of(caps: &regex::Captures<'_>, whole: &str) -> i32 {
    let lower = whole.to_ascii_lowercase();
    if let Some(next) = caps.name("next") {
        return if next.as_str().eq_ignore_ascii_case("week") {
            7
        } else {
            1
        };
    }
    if let (Some(count), Some(unit), Some(dir)) =
        (caps.name("count"), caps.name("unit"), caps.name("dir"))
    {
        let n = match count.as_str().to_ascii_lowercase().as_str() {
            "a" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            digits => digits.parse().unwrap_or(0),
        };
        let per = if unit.as_str().to_ascii_lowercase().starts_with("week") {
            7
        } else {
            1
        };
        let sign = if matches!(
            dir.as_str().to_ascii_lowercase().as_str(),
            "earlier" | "before"
        ) {
            -1
        } else {
            1
        };
        return n * per * sign;
    }
    if lower.starts_with("the day after") {
        1
    } else if lower.contains("previous")
        || lower.contains("preceding")
        || lower.starts_with("the day before")
    {
        -1
    } else {
        0
    }
}

/// A statement's date, where it came from and the words it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    /// The date.
    pub date: Option<Date>,
    /// Where it came from.
    pub source: DateSource,
    /// The words (`the next day (after April 28)`), when read from the text.
    pub cue: Option<String>,
}

/// The date of a unit opening at byte `open` of paragraph `para`.
///
/// `all` holds the expressions of every paragraph (empty where none was looked for);
/// `after` is the stretch of the unit's own sentence after it; `figure` is its figure's date.
#[must_use]
pub fn date_of(
    texts: &[&str],
    all: &[Vec<Expression>],
    para: usize,
    open: usize,
    after: Range<usize>,
    figure: Option<Date>,
    piece: Option<Date>,
) -> Dated {
    let here = all.get(para).map_or(&[][..], Vec::as_slice);
    let before = here.iter().rposition(|e| e.range().end <= open);
    let later = here.iter().position(|e| {
        matches!(e, Expression::Explicit(_))
            && after.start <= e.range().start
            && e.range().end <= after.end
    });
    if let Some(at) = before.or(later) {
        if let Some(dated) = resolve(texts, all, para, at) {
            return dated;
        }
    }
    match figure {
        Some(date) => Dated {
            date: Some(date),
            source: DateSource::Figure,
            cue: None,
        },
        None => Dated {
            date: piece,
            source: DateSource::Piece,
            cue: None,
        },
    }
}

/// The date expression `at` of paragraph `para` as a date: a relative one is counted from the
/// last explicit date before it, in its paragraph or an earlier one.
fn resolve(texts: &[&str], all: &[Vec<Expression>], para: usize, at: usize) -> Option<Dated> {
    let words = |p: usize, r: Range<usize>| {
        texts
            .get(p)
            .and_then(|t| t.get(r))
            .unwrap_or("")
            .to_string()
    };
    let expression = all.get(para)?.get(at)?;
    if let Expression::Explicit(d) = expression {
        return Some(Dated {
            date: Some(d.date),
            source: DateSource::Text,
            cue: Some(words(para, d.start..d.end)),
        });
    }
    let base = (0..=para).rev().find_map(|p| {
        let list = all.get(p)?;
        let upto = if p == para { at } else { list.len() };
        list[..upto].iter().rev().find_map(|e| match e {
            Expression::Explicit(d) => Some((p, *d)),
            _ => None,
        })
    })?;
    let (base_para, base) = base;
    let date = match expression {
        Expression::Relative { days, .. } => base
            .date
            .checked_add(jiff::Span::new().days(i64::from(*days)))
            .ok()?,
        Expression::Ordinal { day, .. } => {
            Date::new(base.date.year(), base.date.month(), *day).ok()?
        }
        Expression::Explicit(_) => return None,
    };
    let cue = format!(
        "{} (after {})",
        words(para, expression.range()),
        words(base_para, base.start..base.end)
    );
    Some(Dated {
        date: Some(date),
        source: DateSource::Relative,
        cue: Some(cue),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn dated(paragraphs: &[&str], para: usize, open: usize) -> Dated {
        let piece = Some(date(2024, 5, 14));
        let all: Vec<Vec<Expression>> = paragraphs
            .iter()
            .map(|t| expressions(t, piece, &[]))
            .collect();
        date_of(paragraphs, &all, para, open, 0..0, None, piece)
    }

    #[test]
    fn counts_a_relative_date_from_the_last_explicit_one() {
        let text = "On April 28, she said one thing. The next day, she wrote: ";
        let found = dated(&[text], 0, text.len());
        assert_eq!(found.date, Some(date(2024, 4, 29)));
        assert_eq!(found.source, DateSource::Relative);
        assert_eq!(found.cue.as_deref(), Some("The next day (after April 28)"));
        let text = "On March 16, it declared one thing. Two days later, the coalition insisted ";
        assert_eq!(dated(&[text], 0, text.len()).date, Some(date(2024, 3, 18)));
        let text = "On October 2, they met. That evening, the leader issued ";
        // October after a May piece date: the year before.
        assert_eq!(dated(&[text], 0, text.len()).date, Some(date(2023, 10, 2)));
    }

    #[test]
    fn before_with_an_object_is_no_relative_date() {
        let text = "On November 1, two days before Nasrallah is due to speak, Khamenei said ";
        let found = dated(&[text], 0, text.len());
        assert_eq!(
            (found.date, found.source),
            (Some(date(2023, 11, 1)), DateSource::Text)
        );
        let text = "On May 1, they met. Two days before, he had said ";
        assert_eq!(dated(&[text], 0, text.len()).date, Some(date(2024, 4, 29)));
    }

    #[test]
    fn a_relative_date_reaches_back_to_an_earlier_paragraph() {
        let first = "On May 3, the cleric spoke.";
        let second = "A week later, he said ";
        assert_eq!(
            dated(&[first, second], 1, second.len()).date,
            Some(date(2024, 5, 10))
        );
        let second = "On the 5th, he said ";
        assert_eq!(
            dated(&[first, second], 1, second.len()).date,
            Some(date(2024, 5, 5))
        );
    }

    #[test]
    fn reads_day_first_and_weekday_dates_and_falls_back_to_the_piece() {
        assert_eq!(
            dated(&["On 7 May, the group said "], 0, 25).date,
            Some(date(2024, 5, 7))
        );
        let text = "On Tuesday, March 11, it said ";
        assert_eq!(dated(&[text], 0, text.len()).date, Some(date(2024, 3, 11)));
        let found = dated(&["In his February warning, he said "], 0, 33);
        assert_eq!(
            (found.date, found.source),
            (Some(date(2024, 5, 14)), DateSource::Piece)
        );
    }
}
