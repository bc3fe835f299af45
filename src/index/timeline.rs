//! Statements per period (month, ISO week or year) for a set of quotes: what a timeline's bars
//! draw and `spotlight timeline` prints, with the periods without statements kept as gaps.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::Index;
use super::day_key::DayKey;
use super::quotes::QuoteId;
use crate::corpus::QuoteKind;

/// How long a bar of a timeline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Period {
    /// A calendar month: `2023-10`.
    #[default]
    Month,
    /// An ISO week, from Monday: `2023-W44`.
    Week,
    /// A calendar year: `2023`.
    Year,
}

impl Period {
    /// The first day of the period `date` is in.
    #[must_use]
    pub fn start(self, date: Date) -> Date {
        match self {
            Self::Month => date.first_of_month(),
            Self::Year => date.first_of_year(),
            Self::Week => {
                let back = i64::from(date.weekday().since(Weekday::Monday));
                date.checked_sub(back.days()).unwrap_or(date)
            }
        }
    }

    /// The first day of the period after the one starting at `start`.
    fn next(self, start: Date) -> Option<Date> {
        let step = match self {
            Self::Month => 1.month(),
            Self::Week => 7.days(),
            Self::Year => 1.year(),
        };
        start.checked_add(step).ok()
    }

    /// The period's name: `2023-10`, `2023-W44`, `2023`.
    #[must_use]
    pub fn label(self, start: Date) -> String {
        match self {
            Self::Month => start.strftime("%Y-%m").to_string(),
            Self::Year => start.year().to_string(),
            Self::Week => {
                let week = start.iso_week_date();
                format!("{}-W{:02}", week.year(), week.week())
            }
        }
    }
}

/// One bar: a period and how many quotes fall in it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Bar {
    /// The period's name (`2023-10`).
    pub period: String,
    /// Its first day.
    pub start: Date,
    /// Its last day.
    pub end: Date,
    /// Quotes dated in it.
    pub count: usize,
    /// Of which statements.
    pub statements: usize,
}

/// The bars of a set of quotes, from the first period with one to the last, gaps included.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    /// The length of each bar.
    pub period: Period,
    /// The bars, oldest first.
    pub bars: Vec<Bar>,
    /// Quotes without a date, in no bar.
    pub undated: usize,
}

impl Timeline {
    /// The timeline of `quotes` of `index` by `period`. Quotes are counted per day in a flat
    /// table first, so a million of them cost two passes over their day keys.
    #[must_use]
    pub fn of(index: &Index, quotes: &[QuoteId], period: Period) -> Self {
        let day = |id: QuoteId| index.days.get(id as usize).copied().unwrap_or(DayKey::NONE);
        let (mut low, mut high) = (i32::MAX, i32::MIN);
        for &id in quotes {
            let key = day(id);
            if key.is_some() {
                low = low.min(key.raw());
                high = high.max(key.raw());
            }
        }
        let mut timeline = Self {
            period,
            ..Self::default()
        };
        if low > high {
            timeline.undated = quotes.len();
            return timeline;
        }
        let slots = (high - low) as usize + 1;
        let (mut all, mut said) = (vec![0usize; slots], vec![0usize; slots]);
        for &id in quotes {
            let key = day(id);
            if !key.is_some() {
                timeline.undated += 1;
                continue;
            }
            let slot = (key.raw() - low) as usize;
            all[slot] += 1;
            if index.kinds.get(id as usize) == Some(&QuoteKind::Statement) {
                said[slot] += 1;
            }
        }
        let dated = all
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .filter_map(|(slot, &n)| {
                let date = DayKey::from_raw(low + slot as i32).date()?;
                Some((period.start(date), n, said[slot]))
            });
        for (start, count, statements) in dated {
            timeline.add(start, count, statements);
        }
        timeline
    }

    /// Adds quotes to the bar starting at `start`, making the bars up to it (empty ones for
    /// the gap) when it is past the last.
    fn add(&mut self, start: Date, count: usize, statements: usize) {
        loop {
            let next = match self.bars.last() {
                Some(bar) if bar.start == start => break,
                Some(bar) if bar.start > start => return,
                Some(bar) => self.period.next(bar.start).unwrap_or(start),
                None => start,
            };
            let end = self
                .period
                .next(next)
                .and_then(|d| d.yesterday().ok())
                .unwrap_or(next);
            self.bars.push(Bar {
                period: self.period.label(next),
                start: next,
                end,
                count: 0,
                statements: 0,
            });
        }
        if let Some(bar) = self.bars.last_mut() {
            bar.count += count;
            bar.statements += statements;
        }
    }

    /// The most quotes in one bar.
    #[must_use]
    pub fn peak(&self) -> usize {
        self.bars.iter().map(|b| b.count).max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn the_bundled_piece_by_month_has_october_and_november() {
        let index = Index::build(Corpus::bundled());
        let all: Vec<QuoteId> = (0..index.len() as QuoteId).collect();
        let months = Timeline::of(&index, &all, Period::Month);
        let bars: Vec<(&str, usize)> = months
            .bars
            .iter()
            .map(|b| (b.period.as_str(), b.count))
            .collect();
        assert_eq!(bars, [("2023-10", 5), ("2023-11", 5)]);
        assert_eq!(months.bars[0].statements, 5);
        assert_eq!(months.bars[0].end, jiff::civil::date(2023, 10, 31));
        assert_eq!(months.undated, 0);
    }

    #[test]
    fn empty_periods_are_gaps_and_weeks_start_on_monday() {
        let index = Index::build(Corpus::bundled());
        let all: Vec<QuoteId> = (0..index.len() as QuoteId).collect();
        let weeks = Timeline::of(&index, &all, Period::Week);
        // October 10 (week 41) to November 1 (week 44): weeks 42 and 43 are gaps.
        let labels: Vec<&str> = weeks.bars.iter().map(|b| b.period.as_str()).collect();
        assert_eq!(labels, ["2023-W41", "2023-W42", "2023-W43", "2023-W44"]);
        assert_eq!(weeks.bars[1].count, 0);
        assert_eq!(weeks.bars[0].start.weekday(), Weekday::Monday);
        assert_eq!(Period::Year.label(jiff::civil::date(2023, 5, 5)), "2023");
        assert_eq!(Timeline::of(&index, &[], Period::Month).bars, []);
    }
}
