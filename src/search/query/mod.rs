//! The query language: fzf's term syntax plus `@actor` and field filters.
//!
//! Analysts already type fzf queries, so terms follow fzf (`'exact`, `^prefix`, `suffix$`,
//! `!negated`, `a | b`); the fields (`date:`, `piece:`, `fig:`, `via:`, `kind:`) cover what this
//! data adds. Parsing is pure and never fails: a malformed part becomes a [`QueryError`], is left
//! out of the query, and the rest still runs, so a half-typed query keeps showing results.

mod fields;
mod lex;
mod parser;

pub use fields::{first_day, last_day};
#[cfg(test)]
mod tests;

use std::fmt;
use std::ops::Range;

use jiff::civil::Date;

use crate::corpus::model::{QuoteKind, SpeakerSource};

/// Parses a query; problems are collected in [`Query::errors`] instead of failing.
///
/// The view parses on every keystroke, so a query that is wrong in one place must still search
/// with everything else it says.
#[must_use]
pub fn parse(input: &str) -> Query {
    parser::parse(input)
}

/// A parsed query: term groups to match plus filters on who, when and where.
///
/// Terms and filters are kept apart because the index narrows by filters first and scores only
/// the text against the terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Term groups; a quote must match every group (AND).
    pub groups: Vec<Group>,
    /// `@actor` filters, in the order typed; names are resolved by the search layer.
    pub actors: Vec<ActorFilter>,
    /// The intersection of every `date:`, `since:` and `until:` field.
    pub dates: DateRange,
    /// `piece:` title words, one entry per field.
    pub pieces: Vec<String>,
    /// The `fig:` filter, if any.
    pub figure: Option<FigureFilter>,
    /// `via:` platforms, lower-case; a quote may come through any of them.
    pub via: Vec<String>,
    /// The `kind:` filter, if any.
    pub kind: Option<QuoteKind>,
    /// `by:` rules of attribution (`by:pronoun`, `by:corrected`); a quote may match any.
    pub by: Vec<SpeakerSource>,
    /// What could not be understood, in input order; each was left out of the query.
    pub errors: Vec<QueryError>,
}

/// Terms of which at least one must match (OR); the groups of a query are ANDed.
///
/// fzf's `a b | c d` means a AND (b OR c) AND d; a group holds the terms one `|` chain joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The alternatives, in the order typed; never empty.
    pub alternatives: Vec<Term>,
}

/// One search term with its matching mode.
///
/// The text is kept as typed (not folded) so the search layer can fold it the same way it folds
/// the quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The text to look for, without the operator characters; never empty.
    pub text: String,
    /// How the text must match.
    pub mode: TermMode,
    /// Whether quotes that match are excluded instead of kept.
    pub negated: bool,
}

/// How a [`Term`] matches a quote's text.
///
/// These are fzf's term types, with anchors applied to words because a quote is not a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermMode {
    /// `word`: the letters in order, not necessarily together.
    Fuzzy,
    /// `'word` (or `!word`): the text as a substring.
    Exact,
    /// `^word`: a word that starts with the text.
    Prefix,
    /// `word$`: a word that ends with the text.
    Suffix,
    /// `^word$`: the text as a whole word.
    Word,
    /// `"several words"`: the words together, in order, as a substring.
    Phrase,
}

/// An `@actor` filter: quotes by an actor named by any spelling.
///
/// The name is kept as typed; the search layer resolves it against names, aliases and ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorFilter {
    /// The name after `@`, without quotes or the trailing `+`; never empty.
    pub name: String,
    /// `@actor+`: also quotes by the actor's affiliates.
    pub affiliates: bool,
    /// `!@actor`: exclude quotes by this speaker instead.
    pub negated: bool,
}

/// An inclusive range of dates; an open end is `None`.
///
/// Partial dates are widened when parsed (`date:2023-10` is the whole month), so the search
/// layer only compares whole days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    /// The first day allowed.
    pub from: Option<Date>,
    /// The last day allowed.
    pub to: Option<Date>,
}

impl DateRange {
    /// Whether the range allows every date.
    ///
    /// A query without date fields has an unbounded range rather than no range.
    #[must_use]
    pub fn is_unbounded(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// A `fig:` filter.
///
/// Quotes shown in figures (screenshots of posts) are often what an analyst wants to cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureFilter {
    /// `fig:`: the quote is shown in some figure.
    Any,
    /// `fig:2`: the quote is shown in figure 2.
    Number(u32),
}

/// A part of the query that could not be understood and was left out.
///
/// The span lets the view underline the culprit; the message goes in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// Byte range of the offending text in the input; always on char boundaries.
    pub span: Range<usize>,
    /// What is wrong, naming the offending text.
    pub message: String,
}

impl Query {
    /// Whether the query has no terms and no filters.
    ///
    /// An empty query (blank, or only errors) lets the view show everything rather than nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && !self.has_filters()
    }

    /// Whether any filter (`@actor` or a field) is set.
    ///
    /// A filter-only query lists matching quotes without term scores.
    #[must_use]
    pub fn has_filters(&self) -> bool {
        !self.actors.is_empty()
            || !self.dates.is_unbounded()
            || !self.pieces.is_empty()
            || self.figure.is_some()
            || !self.via.is_empty()
            || self.kind.is_some()
            || !self.by.is_empty()
    }

    /// The error messages joined with `; `, or `None` when there are none.
    ///
    /// The status line has room for one line only.
    #[must_use]
    pub fn error_summary(&self) -> Option<String> {
        if self.errors.is_empty() {
            return None;
        }
        let messages: Vec<&str> = self.errors.iter().map(|e| e.message.as_str()).collect();
        Some(messages.join("; "))
    }
}

impl fmt::Display for Query {
    /// A normalized query: filters first, then the term groups, each in a form that parses back
    /// to the same thing (`@hadi-al-ameri date:2023-10-01..2023-10-31 'word`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = self.actors.iter().map(ToString::to_string).collect();
        parts.extend(date_part(&self.dates));
        parts.extend(
            self.pieces
                .iter()
                .map(|p| format!("piece:{}", quote_if_spaced(p))),
        );
        parts.extend(self.figure.map(|fig| match fig {
            FigureFilter::Any => "fig:".to_string(),
            FigureFilter::Number(n) => format!("fig:{n}"),
        }));
        parts.extend(
            self.via
                .iter()
                .map(|v| format!("via:{}", quote_if_spaced(v))),
        );
        parts.extend(self.kind.map(|k| format!("kind:{}", k.label())));
        parts.extend(self.by.iter().map(|b| format!("by:{}", b.label())));
        parts.extend(self.groups.iter().map(ToString::to_string));
        f.write_str(&parts.join(" "))
    }
}

impl fmt::Display for Group {
    /// The alternatives joined with ` | `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.alternatives.iter().map(ToString::to_string).collect();
        f.write_str(&parts.join(" | "))
    }
}

impl fmt::Display for Term {
    /// The term in the syntax that parses back to it (`'word`, `^pre`, `!"a phrase"`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let not = if self.negated { "!" } else { "" };
        let text = &self.text;
        match self.mode {
            TermMode::Fuzzy if !self.negated => write!(f, "{text}"),
            TermMode::Fuzzy | TermMode::Exact if self.negated && !lex::needs_exact_mark(text) => {
                write!(f, "!{text}")
            }
            TermMode::Fuzzy | TermMode::Exact => write!(f, "{not}'{text}"),
            TermMode::Prefix => write!(f, "{not}^{text}"),
            TermMode::Suffix => write!(f, "{not}{text}$"),
            TermMode::Word => write!(f, "{not}^{text}$"),
            TermMode::Phrase => write!(f, "{not}\"{text}\""),
        }
    }
}

impl fmt::Display for ActorFilter {
    /// `@name`, `!@name`, `@name+`, quoted when the name has spaces or ends with `+`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let not = if self.negated { "!" } else { "" };
        let plus = if self.affiliates { "+" } else { "" };
        let name = if self.name.ends_with('+') {
            format!("\"{}\"", self.name)
        } else {
            quote_if_spaced(&self.name)
        };
        write!(f, "{not}@{name}{plus}")
    }
}

/// The `date:` field for a range, or nothing when it is unbounded.
fn date_part(range: &DateRange) -> Option<String> {
    match (range.from, range.to) {
        (None, None) => None,
        (Some(from), Some(to)) if from == to => Some(format!("date:{}", day(from))),
        (from, to) => {
            let end = |d: Option<Date>| d.map(day).unwrap_or_default();
            Some(format!("date:{}..{}", end(from), end(to)))
        }
    }
}

/// A date as `YYYY-MM-DD`, the form the parser reads back.
fn day(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// The text in double quotes when it contains whitespace, else as is.
fn quote_if_spaced(text: &str) -> String {
    if text.contains(char::is_whitespace) {
        format!("\"{text}\"")
    } else {
        text.to_string()
    }
}
