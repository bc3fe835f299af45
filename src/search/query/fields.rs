//! Field values: `date:`, `since:`, `until:`, `piece:`, `fig:`, `via:`, `kind:` and `by:`.
//!
//! Each field narrows the query; a value that cannot be read, or that would leave nothing to
//! match given the fields before it, is refused with a problem the parser reports.

use std::ops::RangeInclusive;

use jiff::civil::Date;

use super::{DateRange, FigureFilter, Query};
use crate::corpus::model::{QuoteKind, SpeakerSource};

/// The field names, for the unknown-field message.
pub(super) const NAMES: &str = "date, since, until, piece, fig, via, kind, by";

/// What a date must look like.
const DATE_FORMAT: &str = "expected a date as YYYY, YYYY-MM or YYYY-MM-DD";

/// What an empty `piece:` lacks.
const PIECE_EMPTY: &str = "needs words from a piece title, as in piece:badr";

/// What an empty `via:` lacks.
const VIA_EMPTY: &str = "needs a platform, as in via:telegram";

/// A known field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    /// `date:DATE` or `date:FROM..TO`.
    Date,
    /// `since:DATE`.
    Since,
    /// `until:DATE`.
    Until,
    /// `piece:words`.
    Piece,
    /// `fig:` or `fig:N`.
    Fig,
    /// `via:platform`.
    Via,
    /// `kind:statement` or `kind:term`.
    Kind,
    /// `by:rule`: how the speaker was found.
    By,
}

impl Field {
    /// The field with this name, ignoring ASCII case.
    pub(super) fn from_name(name: &str) -> Option<Self> {
        let field = match name.to_ascii_lowercase().as_str() {
            "date" => Self::Date,
            "since" => Self::Since,
            "until" => Self::Until,
            "piece" => Self::Piece,
            "fig" => Self::Fig,
            "via" => Self::Via,
            "kind" => Self::Kind,
            "by" => Self::By,
            _ => return None,
        };
        Some(field)
    }
}

/// Applies a field's value to `query`; `Err` says what is wrong with the value.
pub(super) fn apply(query: &mut Query, field: Field, value: &str) -> Result<(), String> {
    match field {
        Field::Date => narrow(query, date_field(value)?),
        Field::Since => narrow(query, since(value)?),
        Field::Until => narrow(query, until(value)?),
        Field::Piece => add_text(&mut query.pieces, collapse(value), PIECE_EMPTY),
        Field::Via => add_text(&mut query.via, collapse(value).to_lowercase(), VIA_EMPTY),
        Field::Fig => figure(query, value),
        Field::Kind => kind(query, value),
        Field::By => by(query, value),
    }
}

/// The text with runs of whitespace turned into single spaces and the ends trimmed.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Adds a `piece:` or `via:` value unless it is empty or already there.
fn add_text(list: &mut Vec<String>, text: String, empty: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err(empty.to_string());
    }
    if !list.contains(&text) {
        list.push(text);
    }
    Ok(())
}

/// Intersects the query's dates with `range`, refusing a range that leaves no day.
fn narrow(query: &mut Query, range: DateRange) -> Result<(), String> {
    let current = query.dates;
    let from = later(current.from, range.from);
    let to = earlier(current.to, range.to);
    if matches!((from, to), (Some(f), Some(t)) if f > t) {
        let earlier = super::date_part(&current).unwrap_or_default();
        return Err(format!(
            "does not overlap the earlier date fields ({earlier})"
        ));
    }
    query.dates = DateRange { from, to };
    Ok(())
}

/// The later of two optional bounds; a missing one does not bound.
fn later(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The earlier of two optional bounds; a missing one does not bound.
fn earlier(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// A `date:` value: one (partial) date or a range with one or both ends.
fn date_field(value: &str) -> Result<DateRange, String> {
    let Some((start, end)) = value.split_once("..") else {
        let (first, last) = days(value)?;
        return Ok(DateRange {
            from: Some(first),
            to: Some(last),
        });
    };
    if start.is_empty() && end.is_empty() {
        return Err(
            "a range needs at least one end, as in date:2023-10.. or date:..2023-11".to_string(),
        );
    }
    let from = (!start.is_empty())
        .then(|| days(start))
        .transpose()?
        .map(|d| d.0);
    let to = (!end.is_empty())
        .then(|| days(end))
        .transpose()?
        .map(|d| d.1);
    if matches!((from, to), (Some(f), Some(t)) if f > t) {
        return Err("the range ends before it starts".to_string());
    }
    Ok(DateRange { from, to })
}

/// A `since:` value: from the first day of the date on.
fn since(value: &str) -> Result<DateRange, String> {
    Ok(DateRange {
        from: Some(single(value)?.0),
        to: None,
    })
}

/// An `until:` value: up to the last day of the date.
fn until(value: &str) -> Result<DateRange, String> {
    Ok(DateRange {
        from: None,
        to: Some(single(value)?.1),
    })
}

/// The one date of a `since:` or `until:` value, as its first and last day.
fn single(value: &str) -> Result<(Date, Date), String> {
    if value.contains("..") {
        return Err("takes one date; use date:FROM..TO for a range".to_string());
    }
    days(value)
}

/// The first day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with the query language's messages:
/// what `--since` takes.
pub fn first_day(text: &str) -> Result<Date, String> {
    days(text).map(|(first, _)| first)
}

/// The last day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: what `--until` takes.
pub fn last_day(text: &str) -> Result<Date, String> {
    days(text).map(|(_, last)| last)
}

/// The first and last day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn days(text: &str) -> Result<(Date, Date), String> {
    let mut parts = text.split('-');
    let year = number(parts.next().unwrap_or_default(), 4..=4)?;
    let month = parts.next().map(|m| number(m, 1..=2)).transpose()?;
    let day = parts.next().map(|d| number(d, 1..=2)).transpose()?;
    if parts.next().is_some() {
        return Err(DATE_FORMAT.to_string());
    }
    let Some(month) = month else {
        return Ok((civil(year, 1, 1)?, civil(year, 12, 31)?));
    };
    let first = month_start(year, month)?;
    let Some(day) = day else {
        return Ok((first, first.last_of_month()));
    };
    let date = day_of(first, day)?;
    Ok((date, date))
}

/// A run of ASCII digits whose length is in `lengths`.
fn number(text: &str, lengths: RangeInclusive<usize>) -> Result<i16, String> {
    if !lengths.contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DATE_FORMAT.to_string());
    }
    text.parse().map_err(|_| DATE_FORMAT.to_string())
}

/// The first day of a month, refusing months that do not exist.
fn month_start(year: i16, month: i16) -> Result<Date, String> {
    match i8::try_from(month) {
        Ok(m @ 1..=12) => civil(year, m, 1),
        _ => Err(format!("month {month} does not exist")),
    }
}

/// Day `day` of the month that starts on `first`, refusing days the month does not have.
fn day_of(first: Date, day: i16) -> Result<Date, String> {
    let last = first.days_in_month();
    match i8::try_from(day) {
        Ok(d) if (1..=last).contains(&d) => civil(first.year(), first.month(), d),
        Ok(d) if (29..=31).contains(&d) => {
            let month = first.strftime("%B %Y");
            Err(format!("{month} has only {last} days"))
        }
        _ => Err(format!("day {day} does not exist")),
    }
}

/// A checked calendar date.
fn civil(year: i16, month: i8, day: i8) -> Result<Date, String> {
    Date::new(year, month, day).map_err(|e| e.to_string())
}

/// A `fig:` value: nothing for any figure, or a figure number from 1.
fn figure(query: &mut Query, value: &str) -> Result<(), String> {
    let new = if value.is_empty() {
        FigureFilter::Any
    } else {
        let number: u32 = value
            .parse()
            .ok()
            .filter(|_| value.bytes().all(|b| b.is_ascii_digit()))
            .ok_or("expected a figure number, as in fig:2, or fig: for any figure")?;
        if number == 0 {
            return Err("figures are numbered from 1".to_string());
        }
        FigureFilter::Number(number)
    };
    query.figure = Some(match (query.figure, new) {
        (Some(FigureFilter::Number(a)), FigureFilter::Number(b)) if a != b => {
            return Err(format!("conflicts with fig:{a}"));
        }
        (Some(old @ FigureFilter::Number(_)), FigureFilter::Any) => old,
        (_, new) => new,
    });
    Ok(())
}

/// A `kind:` value: `statement` or `term` (plurals and any case accepted).
/// `by:pronoun`: quotes whose speaker was found by that rule (`by:corrected`: corrected ones).
fn by(query: &mut Query, value: &str) -> Result<(), String> {
    let wanted = value.trim().to_lowercase().replace(' ', "-");
    let Some(source) = SpeakerSource::ALL.iter().find(|s| s.label() == wanted) else {
        let labels: Vec<&str> = SpeakerSource::ALL.iter().map(|s| s.label()).collect();
        return Err(format!("expected one of {}", labels.join(", ")));
    };
    if !query.by.contains(source) {
        query.by.push(*source);
    }
    Ok(())
}

fn kind(query: &mut Query, value: &str) -> Result<(), String> {
    let new = match value.to_lowercase().as_str() {
        "statement" | "statements" => QuoteKind::Statement,
        "term" | "terms" => QuoteKind::Term,
        _ => return Err("expected kind:statement or kind:term".to_string()),
    };
    match query.kind {
        Some(old) if old != new => Err(format!("conflicts with kind:{}", old.label())),
        _ => {
            query.kind = Some(new);
            Ok(())
        }
    }
}
