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
        r"(?i-u)\b(?:(?:the\s+)?(?:next|following)\s+(?P<next>day|morning|afternoon|evening|night|week)|the\s+day\s+after|(?:the\s+)?same\s+(?:day|morning|afternoon|evening|night)|(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)|hours\s+later|(?P<count>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|after(?:wards?)?|earlier|before)|the\s+(?:previous|preceding)\s+day|the\s+day\s+before|on\s+the\s+(?P<ord>[0-3]?[0-9])(?:st|nd|rd|th))\b",
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
    {
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

/// A date expression with the date it stands for.
#[derive(Debug, Clone)]
struct Placed {
    range: Range<usize>,
    explicit: bool,
    dated: Option<Dated>,
}

/// Every date expression of a piece, resolved in reading order: a relative one counts from
/// the date before it, explicit or itself relative (`On May 3 ... the next day ... that
/// evening`).
#[derive(Debug, Clone)]
pub struct Timeline {
    placed: Vec<Vec<Placed>>,
}

impl Timeline {
    /// Resolves `all` (the expressions of each paragraph of `texts`).
    #[must_use]
    pub fn new(texts: &[&str], all: Vec<Vec<Expression>>) -> Self {
        let mut current: Option<Date> = None;
        let placed = all
            .into_iter()
            .enumerate()
            .map(|(para, list)| {
                let text = texts.get(para).copied().unwrap_or("");
                list.into_iter()
                    .map(|e| {
                        let range = e.range();
                        let words = text.get(range.clone()).unwrap_or("").to_string();
                        let date = match &e {
                            Expression::Explicit(d) => Some(d.date),
                            Expression::Relative { days, .. } => current.and_then(|base| {
                                base.checked_add(jiff::Span::new().days(i64::from(*days)))
                                    .ok()
                            }),
                            Expression::Ordinal { day, .. } => current
                                .and_then(|base| Date::new(base.year(), base.month(), *day).ok()),
                        };
                        let explicit = matches!(e, Expression::Explicit(_));
                        let dated = date.map(|date| Dated {
                            date: Some(date),
                            source: if explicit {
                                DateSource::Text
                            } else {
                                DateSource::Relative
                            },
                            cue: Some(match (explicit, current) {
                                (false, Some(base)) => {
                                    format!("{words} (after {})", base.strftime("%B %-d"))
                                }
                                _ => words.clone(),
                            }),
                        });
                        if date.is_some() {
                            current = date;
                        }
                        Placed {
                            range,
                            explicit,
                            dated,
                        }
                    })
                    .collect()
            })
            .collect();
        Self { placed }
    }

    /// The date of a unit opening at byte `open` of paragraph `para`: the last date expression
    /// before it in the paragraph, else an explicit one in `after` (the rest of its sentence),
    /// else `figure` (its figure's date), else `piece`.
    #[must_use]
    pub fn date_of(
        &self,
        para: usize,
        open: usize,
        after: Range<usize>,
        figure: Option<Date>,
        piece: Option<Date>,
    ) -> Dated {
        let here = self.placed.get(para).map_or(&[][..], Vec::as_slice);
        let before = here.iter().rev().find(|e| e.range.end <= open);
        let later = || {
            here.iter()
                .find(|e| e.explicit && after.start <= e.range.start && e.range.end <= after.end)
        };
        if let Some(dated) = before.or_else(later).and_then(|e| e.dated.clone()) {
            return dated;
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
        Timeline::new(paragraphs, all).date_of(para, open, 0..0, None, piece)
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
    fn relative_dates_chain() {
        let text = "On 10 January, he spoke. Two days later, they met. The same day, she warned ";
        let found = dated(&[text], 0, text.len());
        assert_eq!(found.date, Some(date(2024, 1, 12)));
        assert_eq!(
            found.cue.as_deref(),
            Some("The same day (after January 12)")
        );
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
