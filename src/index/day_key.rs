//! Dates packed for the per-quote date column: a [`DayKey`] is four ordered bytes, so
//! filters, tie-breaks and the per-month table compare dates without touching the quotes.

use jiff::civil::Date;

/// A date packed into one ordered integer (`year·512 + month·32 + day`), or none.
///
/// Comparing keys compares dates; a quote without a date has the lowest key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayKey(i32);

impl DayKey {
    /// No date: below every real one.
    pub const NONE: Self = Self(i32::MIN);

    /// The key of `date`, or [`DayKey::NONE`].
    #[must_use]
    pub fn of(date: Option<Date>) -> Self {
        date.map_or(Self::NONE, |d| {
            Self(i32::from(d.year()) * 512 + i32::from(d.month()) * 32 + i32::from(d.day()))
        })
    }

    /// Whether there is a date.
    #[must_use]
    pub fn is_some(self) -> bool {
        self != Self::NONE
    }

    /// The year and month of the date, as the per-month table keys them.
    #[must_use]
    pub fn year_month(self) -> Option<(i16, i8)> {
        if !self.is_some() {
            return None;
        }
        let year = i16::try_from(self.0.div_euclid(512)).ok()?;
        let month = i8::try_from(self.0.rem_euclid(512) / 32).ok()?;
        Some((year, month))
    }

    /// The date the key packs, if any.
    #[must_use]
    pub fn date(self) -> Option<Date> {
        let (year, month) = self.year_month()?;
        let day = i8::try_from(self.0.rem_euclid(32)).ok()?;
        Date::new(year, month, day).ok()
    }

    /// The key as stored in an index image.
    #[must_use]
    pub fn raw(self) -> i32 {
        self.0
    }

    /// A key stored in an index image.
    #[must_use]
    pub fn from_raw(raw: i32) -> Self {
        Self(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_keys_order_as_their_dates_and_no_date_comes_first() {
        let dates = [
            jiff::civil::date(1999, 12, 31),
            jiff::civil::date(2023, 1, 31),
            jiff::civil::date(2023, 2, 1),
            jiff::civil::date(2023, 10, 30),
            jiff::civil::date(2023, 10, 31),
            jiff::civil::date(2023, 11, 1),
        ];
        let keys: Vec<DayKey> = dates.iter().map(|&d| DayKey::of(Some(d))).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        assert!(keys.iter().all(|k| k.is_some() && *k > DayKey::NONE));
        assert_eq!(DayKey::of(None), DayKey::NONE);
        assert!(!DayKey::NONE.is_some());
    }

    #[test]
    fn a_day_key_gives_back_its_year_and_month() {
        for (y, m, d) in [(2023, 10, 30), (1999, 1, 1), (2024, 12, 31), (-5, 6, 15)] {
            let key = DayKey::of(Some(jiff::civil::date(y, m, d)));
            assert_eq!(key.year_month(), Some((y, m)));
            assert_eq!(DayKey::from_raw(key.raw()), key);
        }
        assert_eq!(DayKey::NONE.year_month(), None);
    }
}
