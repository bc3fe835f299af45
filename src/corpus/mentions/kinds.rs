//! What a new actor is — a person, a group or a channel — read from its own words (`Kataib`,
//! `Coalition`, `TV`), its honorific, and the words around it (`a Telegram channel`, `a civil
//! activist`, `a group calling itself`).

use super::super::referring::{Referent, noun_of};

/// What a piece says an unknown actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guess {
    /// A person.
    Person,
    /// A group, front, coalition, council or tribe.
    Group,
    /// A channel, outlet or station.
    Channel,
}

impl Guess {
    /// The label kept in an unknown actor's `subkind`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Group => "group",
            Self::Channel => "channel",
        }
    }
}

/// Words in a name that make it a group's.
#[rustfmt::skip]
pub(crate) const GROUP_NAME_WORDS: &[&str] = &[
    "Albu", "Alliance", "Alwiya", "Army", "Asaib", "Ashab", "Assembly", "Association", "Authority",
    "Bani", "Battalion", "Battalions", "Bloc", "Brigade", "Brigades", "Coalition", "Command",
    "Commission", "Committee", "Companies", "Coordination", "Council", "Faction", "Fawj",
    "Federation", "Firqat", "Forces", "Front", "Gathering", "Group", "Harakat", "Hashd", "Hay'at",
    "Hayat", "Hizb", "Itilaf", "Ittihad", "Ittilaf", "Jabhat", "Jamaat", "Jamiat", "Jaysh",
    "Kata'ib", "Kataib", "Katiba", "Katibat", "League", "Liwa", "Majlis", "Majmuat", "Ministry",
    "Movement", "Munazzamat", "Organization", "Party", "Platform", "Quwat", "Rabitat",
    "Resistance", "Saraya", "Sariyat", "Syndicate", "Tahaluf", "Tajammu", "Tansiqiyat", "Tashkil",
    "Tayyar", "Thar", "Tribe", "Tribes", "Union", "Usbat",
];

/// Words in a name that make it a channel's.
#[rustfmt::skip]
const CHANNEL_NAME_WORDS: &[&str] = &[
    "Agency", "Channel", "Media", "Network", "News", "Post", "Press", "Radio", "TV", "Talk",
];

/// What a name is, from its own words first, then its honorific, then the text around it.
pub(super) fn guess(
    name: &str,
    honorific: Option<&str>,
    appositive: Option<&str>,
    after: &str,
    before: &str,
) -> Guess {
    let words: Vec<&str> = name.split([' ', '-']).collect();
    // Both lists are sorted (a test holds them to it).
    if words
        .iter()
        .any(|w| GROUP_NAME_WORDS.binary_search(w).is_ok())
    {
        return Guess::Group;
    }
    if words
        .iter()
        .any(|w| CHANNEL_NAME_WORDS.binary_search(w).is_ok())
    {
        return Guess::Channel;
    }
    if honorific.is_some() || matches!(words.first(), Some(&("Abu" | "Umm"))) {
        return Guess::Person;
    }
    if first_words(after, 2).any(|w| matches!(noun_of(w), Some(Referent::Channel(_)))) {
        return Guess::Channel;
    }
    if let Some(kind) = appositive.and_then(head_kind) {
        return kind;
    }
    // The words just before the name: `the Telegram channel al-Qabda`, `a group calling itself`.
    let before: Vec<&str> = last_words(before, 4).collect();
    if before
        .iter()
        .any(|w| matches!(noun_of(w), Some(Referent::Channel(_))))
    {
        return Guess::Channel;
    }
    if before
        .iter()
        .any(|w| w.eq_ignore_ascii_case("itself") || matches!(noun_of(w), Some(Referent::Group(_))))
    {
        return Guess::Group;
    }
    Guess::Person
}

/// Words that end the noun phrase whose head an appositive or a role names.
pub(super) const STOPS: &[&str] = &[
    "of", "from", "in", "close", "who", "which", "that", "whose", "with", "at", "on", "for", "to",
];

/// The kind an appositive's head noun names: `a Telegram channel close to X` is a channel,
/// `an independent council member from Y` a person, `which presents itself as` a group.
pub(super) fn head_kind(appositive: &str) -> Option<Guess> {
    let words: Vec<&str> = appositive.split_whitespace().collect();
    match words.first() {
        Some(w) if w.eq_ignore_ascii_case("who") || w.eq_ignore_ascii_case("whose") => {
            return Some(Guess::Person);
        }
        Some(w) if w.eq_ignore_ascii_case("which") => return Some(Guess::Group),
        _ => {}
    }
    let end = words
        .iter()
        .position(|w| STOPS.iter().any(|s| s.eq_ignore_ascii_case(w)))
        .unwrap_or(words.len());
    // Only the noun phrase itself: `a reporter for a local radio station` is no station.
    words[..end].iter().rev().find_map(|w| match noun_of(w)? {
        Referent::Person(_) => Some(Guess::Person),
        Referent::Channel(_) => Some(Guess::Channel),
        Referent::Group(_) => Some(Guess::Group),
        _ => None,
    })
}

/// The first `n` words of `text`, punctuation trimmed.
pub(super) fn first_words(text: &str, n: usize) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .take(n)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// The last `n` words of `text`, last first, punctuation trimmed.
pub(super) fn last_words(text: &str, n: usize) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .rev()
        .take(n)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_word_lists_are_sorted_for_binary_search() {
        assert!(GROUP_NAME_WORDS.is_sorted());
        assert!(CHANNEL_NAME_WORDS.is_sorted());
    }

    #[test]
    fn a_description_says_what_a_name_is() {
        assert_eq!(
            head_kind("a Telegram channel close to X"),
            Some(Guess::Channel)
        );
        assert_eq!(
            head_kind("an independent council member from Y"),
            Some(Guess::Person)
        );
        assert_eq!(
            head_kind("a reporter for a local radio station"),
            Some(Guess::Person)
        );
        assert_eq!(
            head_kind("which presents itself as a body"),
            Some(Guess::Group)
        );
        assert_eq!(
            guess("Kataib Hurras al-Thaghr", None, None, "", ""),
            Guess::Group
        );
        assert_eq!(guess("Thabat TV", None, None, "", ""), Guess::Channel);
    }
}
