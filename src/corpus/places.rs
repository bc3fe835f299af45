//! Places that are never speakers: provinces, cities, districts, bases, crossings and the
//! neighbouring countries, from `places.txt` (data compiled into the binary).
//!
//! A name beside a speech verb that is a place says where something was said (`an MP from
//! Diyala said`), so name discovery and attribution skip it.

use foldhash::HashSet;
use std::sync::LazyLock;

/// The place list, one name per line, `#` comments.
const PLACES: &str = include_str!("places.txt");

static KEYS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    PLACES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(key)
        .collect()
});

/// The matching key of a name: lower case, without a leading `al-` or `the`.
fn key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let bare = lower
        .strip_prefix("al-")
        .or_else(|| lower.strip_prefix("the "))
        .unwrap_or(&lower);
    bare.replace('’', "'")
}

/// Whether `name` is a place (`Basra`, `al-Qaim`, `Ain al-Assad`, `the Green Zone`).
#[must_use]
pub fn is_place(name: &str) -> bool {
    KEYS.contains(&key(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_provinces_cities_bases_and_neighbours() {
        for name in [
            "Basra",
            "al-Qaim",
            "Al-Qaim",
            "Ain al-Assad",
            "the Green Zone",
            "Damascus",
            "Abu al-Khaseeb",
        ] {
            assert!(is_place(name), "{name}");
        }
        for name in [
            "Nisreen al-Fatlawi",
            "Sada al-Jabha",
            "Badr Organization",
            "Abu",
        ] {
            assert!(!is_place(name), "{name}");
        }
    }
}
