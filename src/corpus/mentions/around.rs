//! What is written around a name: a parenthesis after it, an appositive, a role before it, a
//! place noun after it — the evidence [`super::discover`] reads to take a name for an actor.

use super::super::referring::PERSON_NOUNS;
use super::kinds::{STOPS, first_words};

/// Whether a place noun follows a name (`the al-Jumhuriya district`): then it is a place's.
pub(super) fn before_place_noun(after: &str) -> bool {
    const PLACE_NOUNS: &[&str] = &[
        "district",
        "quarter",
        "neighborhood",
        "neighbourhood",
        "province",
        "governorate",
        "city",
        "town",
        "village",
        "area",
        "region",
        "crossing",
        "base",
        "port",
        "camp",
        "airport",
        "bridge",
        "road",
        "highway",
        "river",
        "marshes",
        "desert",
        "square",
        "street",
        "market",
        "mosque",
        "shrine",
        "hospital",
        "university",
        "plain",
        "plains",
        "valley",
        "hills",
        "mountains",
        "range",
        "field",
        "oilfield",
    ];
    first_words(after, 1)
        .next()
        .is_some_and(|w| PLACE_NOUNS.iter().any(|p| p.eq_ignore_ascii_case(w)))
}

pub(super) fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

/// ` (inner) rest` at the start of `text`.
pub(super) fn parenthesis(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix(" (")?;
    let close = rest.find(')')?;
    Some((&rest[..close], &rest[close + 1..]))
}

/// `, the group's spokesman, ...` at the start of `text`: the appositive and what follows it.
pub(super) fn appositive_after(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix(", ")?;
    let end = appositive_end(rest)?;
    let phrase = rest[..end].trim();
    let words = phrase.split_whitespace().count();
    ((1..=40).contains(&words)).then(|| (phrase, rest[end..].trim_start_matches(',')))
}

/// Where an appositive that starts `rest` (after its comma) ends, if `rest` starts one: it
/// opens with a determiner or a relative pronoun (`, told reporters` and `, and who had
/// posted` carry the sentence on) and closes with a comma or the sentence's end (`, the media
/// official defended the campaign:` is the clause's subject, not a description).
#[must_use]
pub fn appositive_end(rest: &str) -> Option<usize> {
    const OPENS: &[&str] = &[
        "a", "an", "the", "his", "her", "its", "their", "one", "who", "whose", "which", "himself",
        "herself", "itself", "former", "another",
    ];
    let first = rest.split_whitespace().next().unwrap_or("");
    if !OPENS.contains(&first) {
        return None;
    }
    let end = rest.find([',', '.', ';', ':', '(']).unwrap_or(rest.len());
    let closes = rest[end..].chars().next();
    matches!(closes, None | Some(',' | '.' | '(')).then_some(end)
}

/// A role given just before a name: `the group’s secretary-general, ` or `spokesman `.
pub(super) fn role_before(before: &str) -> Option<String> {
    let rest = before.strip_suffix(", ")?;
    let clause = rest
        .rsplit([',', '.', ';', ':'])
        .next()
        .unwrap_or(rest)
        .trim();
    // The head noun comes before any preposition: `an MP from Diyala` is an MP.
    let lower: Vec<String> = clause.split_whitespace().map(str::to_lowercase).collect();
    let end = lower
        .iter()
        .position(|w| STOPS.contains(&w.as_str()))
        .unwrap_or(lower.len());
    let head = lower.get(..end)?.last()?;
    let head = head.trim_start_matches(|c: char| !c.is_alphanumeric());
    PERSON_NOUNS.contains(&head).then(|| {
        let words: Vec<&str> = clause.split_whitespace().collect();
        let from = words
            .iter()
            .rposition(|w| matches!(*w, "the" | "a" | "an" | "its" | "his" | "her"))
            .unwrap_or(0);
        words[from..].join(" ")
    })
}

/// Whether `text` ends with the words of `phrase` (any case) and a space.
pub(super) fn ends_with_words(text: &str, phrase: &str) -> bool {
    let Some(body) = text.strip_suffix(' ') else {
        return false;
    };
    body.len() >= phrase.len()
        && body.is_char_boundary(body.len() - phrase.len())
        && body[body.len() - phrase.len()..].eq_ignore_ascii_case(phrase)
        && body[..body.len() - phrase.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}
