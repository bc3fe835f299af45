//! The words that stand for a speaker: pronouns (`he`, `she`, `it`, `their`) and descriptors
//! (`the spokesman`, `the group's spokesman`, `the coalition`, `the channel`), and the head
//! nouns that say what an actor is — a person's office, a group, a channel.

/// Head nouns of an appositive that make a person (sorted: looked up by binary search; the
/// lists are kept packed, one line of words each, so rustfmt leaves them as written).
#[rustfmt::skip]
pub const PERSON_NOUNS: &[&str] = &[
    "activist", "actor", "actress", "administrator", "adviser", "advisor", "ambassador", "analyst",
    "ayatollah", "blogger", "brigadier", "brother", "businessman", "candidate", "captain",
    "chairman", "chairwoman", "chief", "cleric", "colonel", "commander", "commentator",
    "contractor", "correspondent", "councilman", "councilwoman", "daughter", "deputy", "director",
    "doctor", "economist", "editor", "elder", "emir", "engineer", "envoy", "farmer", "father",
    "fighter", "figure", "fisherman", "founder", "general", "governor", "graduate", "hajj", "head",
    "host", "husband", "imam", "journalist", "lawmaker", "lawyer", "leader", "lecturer",
    "lieutenant", "major", "man", "manager", "mayor", "member", "merchant", "minister", "mother",
    "mp", "mullah", "nurse", "officer", "official", "organizer", "owner", "poet", "politician",
    "preacher", "presenter", "producer", "professor", "protester", "reporter", "representative",
    "researcher", "resident", "sayyid", "scholar", "schoolteacher", "secretary-general", "sheikh",
    "singer", "sister", "sociologist", "son", "spokesman", "spokesperson", "spokeswoman",
    "student", "survivor", "teacher", "trader", "veteran", "widow", "wife", "witness", "woman",
    "writer",
];

/// Head nouns that make a group.
#[rustfmt::skip]
pub const GROUP_NOUNS: &[&str] = &[
    "alliance", "assembly", "association", "battalion", "battalions", "bloc", "body", "brand",
    "brigade", "brigades", "clan", "coalition", "collective", "commission", "committee",
    "companies", "coordination", "council", "facade", "faction", "federation", "formation",
    "front", "gathering", "group", "league", "list", "militia", "movement", "network",
    "organization", "outfit", "party", "platform", "slate", "syndicate", "tribe", "umbrella",
    "union", "wing",
];

/// Head nouns that make a channel.
#[rustfmt::skip]
pub const CHANNEL_NOUNS: &[&str] = &[
    "account", "agency", "broadcaster", "channel", "newspaper", "outlet", "page", "podcast",
    "site", "station", "tv", "website",
];

/// What a pronoun or descriptive phrase can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Referent {
    /// `he`, `his`: the last man mentioned.
    He,
    /// `she`, `her`: the last woman mentioned.
    She,
    /// `they`, `their`, `it`, `its`: the last group or channel mentioned.
    They,
    /// `the spokesman`, `the group's spokesman`, `the MP`: the last person given that role,
    /// else the last person.
    Person(&'static str),
    /// `the group`, `the coalition`, `the council`: the last group named so, else the last group.
    Group(&'static str),
    /// `the channel`, `the outlet`: the last channel.
    Channel(&'static str),
}

/// A pronoun or descriptor found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferringPhrase {
    /// Byte offset of the phrase.
    pub start: usize,
    /// Byte offset one past the phrase.
    pub end: usize,
    /// What it refers to.
    pub referent: Referent,
    /// Written as a possessive (`his`, `the coalition's`): the owner of what follows.
    pub possessive: bool,
}

/// Every pronoun and descriptor in `text` (case-insensitive, whole words), left to right.
///
/// A descriptor is a determiner (`the`, `its`, `his`, `her`, `their`, `the same`), at most two
/// modifiers or an owner (`the group's`), then a head noun from [`PERSON_NOUNS`],
/// [`GROUP_NOUNS`] or [`CHANNEL_NOUNS`]: `the tribal leader`, `the brigade's spokesman`.
///
/// Only outside the byte ranges `skip` (a paragraph's quotations, sorted), where no phrase can
/// stand for a speaker.
#[must_use]
pub fn referring_phrases_outside(
    text: &str,
    skip: &[std::ops::Range<usize>],
) -> Vec<ReferringPhrase> {
    let mut found = Vec::new();
    let mut at = 0;
    for range in skip {
        if range.start > at {
            phrases_between(text, at, range.start.min(text.len()), &mut found);
        }
        at = at.max(range.end);
    }
    if at < text.len() {
        phrases_between(text, at, text.len(), &mut found);
    }
    found
}

/// The phrases that start in `from..to` of `text`.
fn phrases_between(text: &str, from: usize, to: usize, found: &mut Vec<ReferringPhrase>) {
    // Runs over every paragraph with a quote: words are read in place, and only those that
    // can open a phrase (`the`, `its`, `his`, `her`, `their`, `he`, `she`, `they`, `it`) are
    // looked at twice.
    let bytes = text.as_bytes();
    let mut at = from;
    while at < to {
        if !bytes[at].is_ascii_alphabetic() {
            at += 1;
            continue;
        }
        let end = word_end(text, at);
        let opens = at == 0 || !ends_word(&text[..at]);
        let first = bytes[at] | 0x20;
        if !opens || end - at > 5 || !matches!(first, b't' | b'h' | b's' | b'i') {
            at = end;
            continue;
        }
        let word = &text[at..end];
        if let Some(phrase) = descriptor(text, at, end) {
            at = phrase.end;
            found.push(phrase);
            continue;
        }
        let pronoun = [
            ("he", Referent::He, false),
            ("his", Referent::He, true),
            ("she", Referent::She, false),
            ("her", Referent::She, true),
            ("they", Referent::They, false),
            ("it", Referent::They, false),
            ("their", Referent::They, true),
            ("its", Referent::They, true),
        ]
        .into_iter()
        .find(|(p, _, _)| p.eq_ignore_ascii_case(word));
        if let Some((_, referent, possessive)) = pronoun {
            found.push(ReferringPhrase {
                start: at,
                end,
                referent,
                possessive,
            });
        }
        at = end;
    }
}

/// Whether a character belongs to a word: letters, digits, hyphens and apostrophes.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')
}

/// Whether `before` ends inside a word.
fn ends_word(before: &str) -> bool {
    before.chars().next_back().is_some_and(is_word_char)
}

/// Where the word starting at `at` ends.
fn word_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = at;
    // ASCII first, byte by byte; a character is decoded only past a non-ASCII byte.
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii() {
            if !(b.is_ascii_alphanumeric() || b == b'-' || b == b'\'') {
                return end;
            }
            end += 1;
        } else {
            match text[end..].chars().next() {
                Some(c) if is_word_char(c) => end += c.len_utf8(),
                _ => return end,
            }
        }
    }
    end
}

/// The word after a single space at `end`, if there is one.
fn next_word(text: &str, end: usize) -> Option<(usize, usize)> {
    let start = end + 1;
    let rest = text.get(end..)?;
    if !rest.starts_with(' ') || !rest[1..].starts_with(is_word_char) {
        return None;
    }
    Some((start, word_end(text, start)))
}

/// `word` in lower case, in `buffer`, when it is short ASCII (every head noun is).
fn lower<'b>(word: &str, buffer: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    let out = buffer.get_mut(..bytes.len())?;
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// The head noun's referent, if `word` (any case) is one.
fn head(word: &str) -> Option<Referent> {
    let mut buffer = [0u8; 24];
    let word = lower(word, &mut buffer)?;
    // The lists are sorted (a test holds them to it): this runs after every `the`.
    let find = |list: &[&'static str]| list.binary_search(&word).ok().map(|i| list[i]);
    find(PERSON_NOUNS)
        .map(Referent::Person)
        .or_else(|| find(GROUP_NOUNS).map(Referent::Group))
        .or_else(|| find(CHANNEL_NOUNS).map(Referent::Channel))
}

/// What a noun (any case, punctuation around it ignored) names: a person's office, a group or
/// a channel; `None` for any other word.
#[must_use]
pub fn noun_of(word: &str) -> Option<Referent> {
    head(word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
}

/// A possessive word (`group's`, `brigade’s`): the word without its ending.
fn owner(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

/// A descriptor whose determiner is the word `start..first_end`, if one starts there.
fn descriptor(text: &str, start: usize, first_end: usize) -> Option<ReferringPhrase> {
    let first = &text[start..first_end];
    if !["the", "its", "his", "her", "their"]
        .iter()
        .any(|d| d.eq_ignore_ascii_case(first))
    {
        return None;
    }
    let mut word = next_word(text, first_end)?;
    if text[word.0..word.1].eq_ignore_ascii_case("same") {
        word = next_word(text, word.1)?;
    }
    // Up to two modifiers or one owner before the head: `the tribal leader`, `the group's spokesman`.
    for _ in 0..3 {
        let (from, end) = word;
        let written = &text[from..end];
        if let Some(bare) = owner(written) {
            // `the group's spokesman` names the spokesman; `the group's leaders` names nobody,
            // and `the coalition's founding text` is the coalition's.
            let owner_head = head(bare)?;
            if let Some((next_from, next_end)) = next_word(text, end)
                && let Some(Referent::Person(noun)) = head(&text[next_from..next_end])
            {
                return Some(ReferringPhrase {
                    start,
                    end: next_end,
                    referent: Referent::Person(noun),
                    possessive: false,
                });
            }
            return Some(ReferringPhrase {
                start,
                end,
                referent: owner_head,
                possessive: true,
            });
        }
        if let Some(referent) = head(written) {
            // A capitalized head is part of a name (`the Front`), except the acronym `MP`.
            if written.starts_with(char::is_uppercase) && !written.eq_ignore_ascii_case("mp") {
                return None;
            }
            // A compound names its last noun: `the council member` is a person.
            if let Some((next_from, next_end)) = next_word(text, end)
                && let Some(referent) = head(&text[next_from..next_end])
            {
                return Some(ReferringPhrase {
                    start,
                    end: next_end,
                    referent,
                    possessive: false,
                });
            }
            return Some(ReferringPhrase {
                start,
                end,
                referent,
                possessive: false,
            });
        }
        if !written.starts_with(char::is_lowercase) {
            return None;
        }
        word = next_word(text, end)?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_noun_lists_are_sorted_for_binary_search() {
        for list in [PERSON_NOUNS, GROUP_NOUNS, CHANNEL_NOUNS] {
            assert!(list.is_sorted(), "{list:?}");
        }
    }

    #[test]
    fn finds_pronouns_and_descriptors_as_whole_words() {
        let text =
            "The group's spokesman said he would; the shepherd said nothing to the tribal leader.";
        let found: Vec<(&str, Referent)> = referring_phrases_outside(text, &[])
            .iter()
            .map(|f| (&text[f.start..f.end], f.referent))
            .collect();
        assert_eq!(
            found,
            vec![
                ("The group's spokesman", Referent::Person("spokesman")),
                ("he", Referent::He),
                ("the tribal leader", Referent::Person("leader")),
            ]
        );
    }

    #[test]
    fn a_possessive_group_owns_what_follows() {
        let found =
            referring_phrases_outside("The coalition’s founding text and the group said", &[]);
        assert_eq!(found.len(), 2);
        assert!(found[0].possessive);
        assert_eq!(found[1].referent, Referent::Group("group"));
        assert!(referring_phrases_outside("the Support Fronts Coalition", &[]).is_empty());
    }
}
