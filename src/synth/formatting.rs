//! Small text helpers: dates as pages write them, slugs, word counts and casing.
//!
//! Kept apart from the prose so layout and ground truth share one definition of each.

use jiff::Span;
use jiff::civil::Date;

use crate::corpus::dates::MONTH_NAMES as MONTHS;

/// The English name of the date's month.
pub(super) fn month_name(d: Date) -> &'static str {
    let index = usize::try_from(d.month() - 1).unwrap_or(0);
    MONTHS.get(index).copied().unwrap_or("January")
}

/// `October 30, 2023`, as captions end.
pub(super) fn long_date(d: Date) -> String {
    format!("{} {}, {}", month_name(d), d.day(), d.year())
}

/// `Nov 1, 2023`, as the date line under the title.
pub(super) fn short_date(d: Date) -> String {
    let month = month_name(d);
    format!("{} {}, {}", &month[..3], d.day(), d.year())
}

/// `base` moved by `days` (negative goes back); `base` itself if out of range.
pub(super) fn add_days(base: Date, days: i64) -> Date {
    base.checked_add(Span::new().days(days)).unwrap_or(base)
}

/// The id of a name or title: lower case, words joined with hyphens, apostrophes dropped.
///
/// Matches the crate's slug rule for the ASCII text generated here.
pub(super) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else if !matches!(c, '\'' | '\u{2019}' | '\u{2018}') {
            gap = true;
        }
    }
    out
}

/// Words of a statement, not counting the ` … ` of a split quote.
pub(super) fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| *w != "\u{2026}").count()
}

/// The text with its first character in lower case.
pub(super) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// Escapes brackets and parentheses for link text, as saved pages do.
pub(super) fn escape_link_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '[' | ']' | '(' | ')') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The text with its first character in upper case.
pub(super) fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
