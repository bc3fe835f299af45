//! The words that introduce speech, and the words that stand for a speaker.
//!
//! Shared by name discovery (a capitalized name beside `said` is a speaker) and attribution
//! (the speaker is the subject nearest the last speech cue before a quote).

/// Whether a lower-case word marks reported speech (verbs and nouns).
fn is_speech_lexeme(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "saying"
            | "stated"
            | "states"
            | "statement"
            | "warned"
            | "warns"
            | "warning"
            | "declared"
            | "declares"
            | "posted"
            | "posts"
            | "wrote"
            | "writes"
            | "called"
            | "calls"
            | "asked"
            | "asks"
            | "urged"
            | "urges"
            | "added"
            | "adds"
            | "told"
            | "tells"
            | "claimed"
            | "claims"
            | "announced"
            | "announces"
            | "threatened"
            | "threatens"
            | "vowed"
            | "vows"
            | "insisted"
            | "insists"
            | "argued"
            | "argues"
            | "stressed"
            | "stresses"
            | "emphasized"
            | "affirmed"
            | "pledged"
            | "demanded"
            | "remarked"
            | "replied"
            | "responded"
            | "tweeted"
            | "commented"
            | "explained"
            | "accused"
            | "promised"
            | "reiterated"
            | "speech"
            | "remarks"
            | "message"
            | "according"
            | "proclaimed"
            | "noted"
            | "continued"
            | "boasted"
            | "denied"
            | "insisting"
            | "declaring"
            | "stating"
    )
}

/// The longest word [`is_speech_word`] can accept, in bytes ("acknowledged" and the like).
const LONGEST_SPEECH_WORD: usize = 12;

/// Whether `word` (any case, surrounding punctuation ignored) marks reported speech.
#[must_use]
pub fn is_speech_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_ascii_alphabetic());
    if !(2..=LONGEST_SPEECH_WORD).contains(&word.len()) {
        return false;
    }
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        // Lower-case on the stack: this runs for every word of every piece.
        let mut lower = [0u8; LONGEST_SPEECH_WORD];
        let lower = &mut lower[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(is_speech_lexeme)
    } else {
        is_speech_lexeme(word)
    }
}

/// Speech words that are nouns: cues before a quote, but never beside a speaker's name.
const SPEECH_NOUNS: &[&str] = &[
    "statement",
    "speech",
    "remarks",
    "message",
    "according",
    "warning",
    "saying",
];

/// Whether `word` is a speech verb that can sit beside its speaker's name (`said Abu X`).
#[must_use]
pub fn is_speech_verb(word: &str) -> bool {
    is_speech_word(word) && {
        let bare = word.trim_matches(|c: char| !c.is_ascii_alphabetic());
        !SPEECH_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(bare))
    }
}

/// What a pronoun or descriptive phrase can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Referent {
    /// `he`, `she`, `the leader`: the last person mentioned.
    Person,
    /// `they`, `the group`, `the militia`: the last organisation mentioned.
    Group,
    /// `the channel`, `the outlet`: the last media channel mentioned.
    Channel,
    /// `the spokesman`: the last actor described as a spokesman, else the last person.
    Spokesman,
}

/// Phrases that stand for a speaker, longest first, with what they refer to.
const REFERRING: &[(&str, Referent)] = &[
    ("the group's spokesman", Referent::Spokesman),
    ("the militia's spokesman", Referent::Spokesman),
    ("its spokesman", Referent::Spokesman),
    ("the spokesman", Referent::Spokesman),
    ("the spokesperson", Referent::Spokesman),
    ("the secretary-general", Referent::Person),
    ("the commander", Referent::Person),
    ("the leader", Referent::Person),
    ("the cleric", Referent::Person),
    ("the organization", Referent::Group),
    ("the movement", Referent::Group),
    ("the militia", Referent::Group),
    ("the faction", Referent::Group),
    ("the group", Referent::Group),
    ("the channel", Referent::Channel),
    ("the outlet", Referent::Channel),
    ("he", Referent::Person),
    ("she", Referent::Person),
    ("they", Referent::Group),
];

/// A pronoun or descriptor found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferringPhrase {
    /// Byte offset of the phrase.
    pub start: usize,
    /// Byte offset one past the phrase.
    pub end: usize,
    /// What it refers to.
    pub referent: Referent,
}

/// Every pronoun and descriptor in `text` (case-insensitive, whole words), left to right.
#[must_use]
pub fn referring_phrases(text: &str) -> Vec<ReferringPhrase> {
    let bytes = text.as_bytes();
    let mut found: Vec<ReferringPhrase> = Vec::new();
    for (at, &byte) in bytes.iter().enumerate() {
        // Every phrase starts with h, s, t or i; an ASCII letter is always a char boundary.
        if !matches!(byte | 0x20, b'h' | b's' | b't' | b'i')
            || found.last().is_some_and(|f| at < f.end)
        {
            continue;
        }
        let starts_word = match at.checked_sub(1).map(|p| bytes[p]) {
            None => true,
            Some(p) if p.is_ascii() => !p.is_ascii_alphanumeric(),
            Some(_) => !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric),
        };
        if !starts_word {
            continue;
        }
        let first_word = text[at..]
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        if !["the", "its", "he", "she", "they"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(first_word))
        {
            continue;
        }
        if let Some((phrase, referent)) = REFERRING
            .iter()
            .find(|(phrase, _)| phrase_at(text, at, phrase))
        {
            found.push(ReferringPhrase {
                start: at,
                end: at + phrase.len(),
                referent: *referent,
            });
        }
    }
    found
}

/// Whether `phrase` (lower case) stands at `at` as whole words.
fn phrase_at(text: &str, at: usize, phrase: &str) -> bool {
    let Some(candidate) = text.get(at..at + phrase.len()) else {
        return false;
    };
    let next = text[at + phrase.len()..].chars().next();
    candidate.eq_ignore_ascii_case(phrase)
        && !next.is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_speech_verbs_in_any_case_with_punctuation() {
        assert!(is_speech_word("Said,"));
        assert!(is_speech_word("warned"));
        assert!(!is_speech_word("attacked"));
        assert!(is_speech_verb("said"));
        assert!(!is_speech_verb("statement,"));
    }

    #[test]
    fn finds_pronouns_and_descriptors_as_whole_words() {
        let found =
            referring_phrases("The group's spokesman said he would; the shepherd said nothing.");
        let kinds: Vec<Referent> = found.iter().map(|f| f.referent).collect();
        assert_eq!(kinds, vec![Referent::Spokesman, Referent::Person]);
    }

    #[test]
    fn does_not_read_possessives_as_the_group() {
        assert!(referring_phrases("the group's").is_empty());
        assert_eq!(referring_phrases("The group said").len(), 1);
    }
}
