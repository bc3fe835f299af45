//! The words that introduce speech, and the words that stand for a speaker.
//!
//! Shared by name discovery (a capitalized name beside `said` is a speaker) and attribution
//! (the speaker is the subject nearest the last speech cue before a quote).

/// The lower-case words that mark reported speech (verbs and nouns), sorted for binary search.
const SPEECH_LEXEMES: &[&str] = &[
    "according",
    "accused",
    "added",
    "adds",
    "affirmed",
    "announced",
    "announces",
    "argued",
    "argues",
    "asked",
    "asks",
    "boasted",
    "called",
    "calls",
    "claimed",
    "claims",
    "commented",
    "continued",
    "declared",
    "declares",
    "declaring",
    "demanded",
    "denied",
    "emphasized",
    "explained",
    "insisted",
    "insisting",
    "insists",
    "message",
    "noted",
    "pledged",
    "posted",
    "posts",
    "proclaimed",
    "promised",
    "reiterated",
    "remarked",
    "remarks",
    "replied",
    "responded",
    "said",
    "say",
    "saying",
    "says",
    "speech",
    "stated",
    "statement",
    "states",
    "stating",
    "stressed",
    "stresses",
    "tells",
    "threatened",
    "threatens",
    "told",
    "tweeted",
    "urged",
    "urges",
    "vowed",
    "vows",
    "warned",
    "warning",
    "warns",
    "writes",
    "wrote",
];

/// For each word length, a bit per letter (`a` is bit 0) that some speech lexeme of that length
/// starts with, and one that some ends with: most words of a piece are turned away by these two
/// lookups, before any string comparison.
const FIRST_LETTERS: [u32; LONGEST_SPEECH_WORD + 1] = letter_masks(0);
/// See [`FIRST_LETTERS`]; `usize::MAX` stands for the last letter.
const LAST_LETTERS: [u32; LONGEST_SPEECH_WORD + 1] = letter_masks(usize::MAX);

const fn letter_masks(at: usize) -> [u32; LONGEST_SPEECH_WORD + 1] {
    let mut masks = [0u32; LONGEST_SPEECH_WORD + 1];
    let mut i = 0;
    while i < SPEECH_LEXEMES.len() {
        let word = SPEECH_LEXEMES[i].as_bytes();
        let letter = if at == usize::MAX { word.len() - 1 } else { at };
        if word.len() <= LONGEST_SPEECH_WORD {
            masks[word.len()] |= 1 << (word[letter] - b'a');
        }
        i += 1;
    }
    masks
}

/// Whether a speech lexeme of `word`'s length starts and ends with its letters (any case).
fn may_be_lexeme(word: &[u8]) -> bool {
    let (Some(first), Some(last)) = (word.first(), word.last()) else {
        return false;
    };
    let bit = |b: u8| 1u32 << (b.to_ascii_lowercase() - b'a');
    FIRST_LETTERS[word.len()] & bit(*first) != 0 && LAST_LETTERS[word.len()] & bit(*last) != 0
}

/// Whether a lower-case word marks reported speech.
fn is_speech_lexeme(word: &str) -> bool {
    SPEECH_LEXEMES.binary_search(&word).is_ok()
}

/// The longest word [`is_speech_word`] can accept, in bytes ("acknowledged" and the like).
const LONGEST_SPEECH_WORD: usize = 12;

/// Whether `word` (any case, surrounding punctuation ignored) marks reported speech.
#[must_use]
pub fn is_speech_word(word: &str) -> bool {
    // Trimmed by bytes: the ends kept are ASCII letters, so the cut is on character boundaries.
    let bytes = word.as_bytes();
    let Some(from) = bytes.iter().position(u8::is_ascii_alphabetic) else {
        return false;
    };
    let to = bytes
        .iter()
        .rposition(u8::is_ascii_alphabetic)
        .map_or(from, |i| i + 1);
    let word = &word[from..to];
    if !(2..=LONGEST_SPEECH_WORD).contains(&word.len()) || !may_be_lexeme(word.as_bytes()) {
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
    fn every_speech_lexeme_passes_the_first_letter_filter() {
        assert!(SPEECH_LEXEMES.is_sorted());
        for word in SPEECH_LEXEMES {
            assert!(word.len() <= LONGEST_SPEECH_WORD, "{word}");
            assert!(is_speech_word(word), "{word}");
            assert!(is_speech_word(&word.to_uppercase()), "{word}");
        }
        for word in ["the", "with", "Said,", "sad", "warmed", "militia"] {
            assert_eq!(is_speech_word(word), word == "Said,", "{word}");
        }
    }

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
