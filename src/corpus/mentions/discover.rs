//! New actors: names a piece introduces that the gazetteer does not know, with what the text
//! says of them — kind (person, group, channel), role, honorific, Arabic name, other names.
//!
//! A capitalized name is taken for an actor only on evidence: a speech verb beside it (across
//! a parenthesis or an appositive), an Arabic-script name or a translation in parentheses after
//! it, an honorific before it, a naming phrase (`calling itself`, `who goes by`), a role given
//! in apposition before it (`the group's secretary-general, Jassim al-X`), or a channel noun
//! after it. Places, months, days and sentence openers never are.

use super::super::dates::MONTH_NAMES;
use super::super::name_scan::{FEMALE_HONORIFICS, honorific_at, name_len};
use super::super::places::is_place;
use super::super::referring::{Referent, noun_of};
use super::super::speech::is_speech_verb;
use super::NOT_NAMES;
pub use super::around::appositive_end;
use super::around::{
    appositive_after, before_place_noun, ends_with_words, is_arabic, parenthesis, role_before,
};
pub use super::kinds::Guess;
use super::kinds::{GROUP_NAME_WORDS, first_words, guess, last_words};

/// One name introduced in a paragraph, with the evidence around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Introduced {
    /// Byte range of the name (honorific and possessive left out).
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// The honorific written before it.
    pub honorific: Option<&'static str>,
    /// What it is.
    pub kind: Guess,
    /// A role given in apposition.
    pub role: Option<String>,
    /// An Arabic-script name in parentheses after it.
    pub arabic: Option<String>,
    /// A translation or other name in parentheses after it.
    pub alias: Option<String>,
    /// The text says she is a woman (a female honorific).
    pub female: bool,
}

/// Phrases right before a name that introduce it as a name.
const NAMING: &[&str] = &[
    "the name",
    "posts as",
    "writes as",
    "signs as",
    "calling itself the",
    "calling itself",
    "calls itself the",
    "calls itself",
    "styling itself",
    "known as",
    "goes by",
    "go by",
    "under the name",
    "called",
    "dubbed",
    "named",
];

/// Every new name introduced in `text`, outside `quoted` byte ranges and `taken` ones (names
/// already marked: links and gazetteer hits).
#[must_use]
pub fn introduced(
    text: &str,
    quoted: &[(usize, usize)],
    taken: &[(usize, usize)],
) -> Vec<Introduced> {
    let mut found = Vec::new();
    let mut skip: Vec<(usize, usize)> = quoted.to_vec();
    skip.sort_unstable();
    let mut next_skip = 0;
    let mut at = 0;
    while at < text.len() {
        // Quotations hold no introductions: the scan jumps over them.
        while let Some(&(from, to)) = skip.get(next_skip)
            && from <= at
        {
            at = at.max(to);
            next_skip += 1;
        }
        let limit = skip.get(next_skip).map_or(text.len(), |r| r.0);
        let Some(start) = next_capital(&text[..limit], at) else {
            if limit >= text.len() {
                break;
            }
            at = limit;
            continue;
        };
        let (honorific, skip) =
            honorific_at(&text[start..]).map_or((None, 0), |(h, n)| (Some(h), n));
        let from = start + skip;
        let len = name_len(&text[from..]);
        if len == 0 {
            at = start + text[start..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        at = from + len;
        // Most capitals open a sentence or a one-word name: nothing to read around.
        if honorific.is_none() && !text[from..from + len].contains([' ', '-']) {
            continue;
        }
        let (from, to) = trim_name(text, from, from + len);
        let inside = |r: &(usize, usize)| r.0 < to && from < r.1;
        // A known name inside a longer one (`al-Hamidawi` in `Qais al-Hamidawi`) does not make
        // the longer one known, unless all it adds is a particle (`al-` before `Hamidawi`).
        let blocks = |r: &(usize, usize)| {
            let within = from <= r.0 && r.1 <= to;
            let adds_a_name = text[from..r.0.max(from)]
                .chars()
                .chain(text[r.1.min(to)..to].chars())
                .any(char::is_uppercase);
            inside(r) && !(within && adds_a_name)
        };
        if to <= from || quoted.iter().any(inside) || taken.iter().any(blocks) {
            continue;
        }
        // A name in parentheses is another name of the one before it (`(Tahaluf Jabhat X)`).
        if text[..start].ends_with('(') {
            continue;
        }
        let name = &text[from..to];
        let words = name.split([' ', '-']).filter(|w| !w.is_empty()).count();
        if (words < 2 && honorific.is_none()) || is_place(name) || before_place_noun(&text[to..]) {
            continue;
        }
        if let Some(found_here) = evidence(text, start, from, to, honorific) {
            found.push(found_here);
        }
    }
    found
}

/// The next byte offset at or after `at` where a capitalized word starts.
fn next_capital(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let opens = |i: usize| {
        let rest = &text[i..];
        rest.starts_with(|c: char| c.is_uppercase())
            || (rest.starts_with("al-") && rest[3..].starts_with(|c: char| c.is_uppercase()))
    };
    if at == 0 && opens(0) {
        return Some(0);
    }
    // A name outside quotations starts a paragraph or follows a space or a parenthesis: those
    // are found with a vectorized search instead of testing every byte of every paragraph.
    memchr::memchr2_iter(b' ', b'(', &bytes[at.saturating_sub(1)..])
        .map(|i| at.saturating_sub(1) + i + 1)
        .find(|&i| i >= at && i < bytes.len() && opens(i))
}

/// Platforms written after a channel's name (`the Ain al-Basra Telegram channel`).
const PLATFORM_WORDS: &[&str] = &[
    "Telegram",
    "WhatsApp",
    "Facebook",
    "Twitter",
    "Instagram",
    "YouTube",
    "TikTok",
];

/// Drops sentence openers, months and days before a name, and a possessive or a platform
/// after it.
fn trim_name(text: &str, mut from: usize, mut to: usize) -> (usize, usize) {
    for suffix in ["'s", "’s"] {
        if text[from..to].ends_with(suffix) {
            to -= suffix.len();
        }
    }
    for platform in PLATFORM_WORDS {
        if let Some(rest) = text[from..to].strip_suffix(platform)
            && let Some(rest) = rest.strip_suffix(' ')
        {
            to = from + rest.len();
        }
    }
    loop {
        let name = &text[from..to];
        let first = name.split(' ').next().unwrap_or(name);
        let skip = NOT_NAMES.contains(&first) || MONTH_NAMES.contains(&first);
        if !skip || first.len() == name.len() {
            break;
        }
        from += first.len() + 1;
    }
    let first = text[from..to].split(' ').next().unwrap_or("");
    if NOT_NAMES.contains(&first) || MONTH_NAMES.contains(&first) {
        return (from, from);
    }
    (from, to)
}

/// The evidence that the name at `from..to` (honorific from `start`) is an actor, if any.
fn evidence(
    text: &str,
    start: usize,
    from: usize,
    to: usize,
    honorific: Option<&'static str>,
) -> Option<Introduced> {
    let (introduced, strong) = read_around(text, start, from, to, honorific);
    strong.then_some(introduced)
}

/// What the text around a name that is known to be an actor (a bold link) says of it.
#[must_use]
pub fn describe(text: &str, from: usize, to: usize) -> Introduced {
    let (honorific, skip) = honorific_at(&text[from..to]).map_or((None, 0), |(h, n)| (Some(h), n));
    read_around(text, from, from + skip, to, honorific).0
}

/// The name at `from..to` with what surrounds it, and whether that is evidence enough.
fn read_around(
    text: &str,
    start: usize,
    from: usize,
    to: usize,
    honorific: Option<&'static str>,
) -> (Introduced, bool) {
    let name = &text[from..to];
    let mut after = text[to..]
        .strip_prefix("'s")
        .or_else(|| text[to..].strip_prefix("’s"))
        .unwrap_or(&text[to..]);
    let (mut arabic, mut alias) = (None, None);
    // Up to two parentheses: `(/node/N)` was moved out already; an Arabic name; a translation.
    for _ in 0..2 {
        let Some((inner, rest)) = parenthesis(after) else {
            break;
        };
        // `(Figure 1)` points at a figure; it is no other name.
        if inner.starts_with("Figure") || inner.starts_with("Fig.") || inner.starts_with("see ") {
            after = rest;
            continue;
        }
        if inner.chars().any(is_arabic) {
            arabic = Some(inner.to_string());
        } else if inner.starts_with(char::is_uppercase) && inner.split(' ').count() <= 8 {
            alias = Some(inner.to_string());
        }
        after = rest;
    }
    let appositive = appositive_after(after);
    let past_appositive = appositive.map_or(after, |(_, rest)| rest);
    let verb_after = first_words(past_appositive, 3).any(is_speech_verb);
    let before = text[..start].trim_end_matches([' ', ',']);
    let verb_before = last_words(before, 2).any(is_speech_verb);
    // `known on Telegram as X`: `known` a few words before an `as` that ends right before it.
    let known_as = {
        let words: Vec<&str> = last_words(&text[..start], 4).collect();
        words.first().is_some_and(|w| w.eq_ignore_ascii_case("as"))
            && words.iter().any(|w| w.eq_ignore_ascii_case("known"))
    };
    let naming = known_as || NAMING.iter().any(|n| ends_with_words(&text[..start], n));
    let role_before = role_before(&text[..start]);
    let channel_after =
        first_words(after, 2).any(|w| matches!(noun_of(w), Some(Referent::Channel(_))));
    // `the Zulfiqar Digital network`, `the X coalition`: a group's noun right after the name.
    let noun_after = first_words(after, 1).next().and_then(|w| match noun_of(w) {
        Some(Referent::Group(noun)) => Some(noun.to_string()),
        _ => None,
    });
    // `X, a Framework lawmaker who ...`: an appositive whose head names a person, group or
    // channel says what the name is.
    // Any description in apposition (`, a schoolteacher who ...`) says the name is an actor's.
    let described = appositive.is_some();
    let strong = verb_after
        || described
        || verb_before
        || naming
        || arabic.is_some()
        || alias.is_some()
        || honorific.is_some()
        || role_before.is_some()
        || channel_after
        || noun_after.is_some();
    // A translation in parentheses tells too: `Katibat X (Battalion of the Men of Y)`.
    let translated_group = alias.as_deref().is_some_and(|a| {
        a.split(' ')
            .any(|w| GROUP_NAME_WORDS.binary_search(&w).is_ok())
    });
    let kind = match guess(name, honorific, appositive.map(|(a, _)| a), after, before) {
        _ if noun_after.is_some() && !channel_after => Guess::Group,
        Guess::Person if translated_group && honorific.is_none() => Guess::Group,
        kind => kind,
    };
    // Both descriptions when there are two (`the channel's director, X, a former officer,`).
    let role = match (appositive.map(|(a, _)| a.to_string()), role_before) {
        (Some(a), Some(b)) => Some(format!("{b}; {a}")),
        (a, b) => a.or(b).or(noun_after),
    };
    let introduced = Introduced {
        start: from,
        end: to,
        honorific,
        kind,
        role,
        arabic,
        alias,
        female: honorific.is_some_and(|h| FEMALE_HONORIFICS.contains(&h)),
    };
    (introduced, strong)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Guess)> {
        introduced(text, &[], &[])
            .into_iter()
            .map(|i| (text[i.start..i.end].to_string(), i.kind))
            .collect()
    }

    #[test]
    fn finds_a_speaker_across_an_appositive() {
        let text = "On April 28, Nisreen al-Fatlawi, a Coordination Framework lawmaker from Basra, told reporters that";
        assert_eq!(
            names(text),
            vec![("Nisreen al-Fatlawi".to_string(), Guess::Person)]
        );
    }

    #[test]
    fn reads_channels_groups_and_arabic_names() {
        let text =
            "picked up by Sada al-Jabha (Echo of the Front), a Telegram channel that has acted";
        assert_eq!(
            names(text),
            vec![("Sada al-Jabha".to_string(), Guess::Channel)]
        );
        let text = "a new umbrella calling itself the Support Fronts Coalition (Tahaluf Jabhat al-Isnad) declared";
        assert_eq!(
            names(text),
            vec![("Support Fronts Coalition".to_string(), Guess::Group)]
        );
        let found = introduced(
            "said Abu Hawraa al-Basri (أبو حوراء البصري), the spokesman",
            &[],
            &[],
        );
        assert_eq!(found[0].arabic.as_deref(), Some("أبو حوراء البصري"));
        assert_eq!(found[0].role.as_deref(), Some("the spokesman"));
    }

    #[test]
    fn keeps_the_honorific_apart() {
        let text = "In his sermon, Sheikh Ghanim al-Hilfi, the head of the tribe, told the elders";
        let found = introduced(text, &[], &[]);
        assert_eq!(&text[found[0].start..found[0].end], "Ghanim al-Hilfi");
        assert_eq!(found[0].honorific, Some("Sheikh"));
        assert_eq!(found[0].role.as_deref(), Some("the head of the tribe"));
    }

    #[test]
    fn places_and_bare_capitals_are_not_actors() {
        assert!(
            names("In Erbil, the reaction was immediate. On Tuesday, March 4, the group said")
                .is_empty()
        );
        assert!(names("a lawmaker from Jurf al-Sakhar said").is_empty());
    }

    #[test]
    fn a_role_before_a_name_introduces_it() {
        let text =
            "signs his statements as the group’s secretary-general, Jassim al-Khaqani, and who had";
        let found = introduced(text, &[], &[]);
        assert_eq!(&text[found[0].start..found[0].end], "Jassim al-Khaqani");
        assert_eq!(
            found[0].role.as_deref(),
            Some("the group’s secretary-general")
        );
    }
}
