//! The words that introduce speech: speech verbs and the nouns of reported speech.
//!
//! Shared by name discovery (a capitalized name beside `said` is a speaker) and attribution
//! (the speaker is the subject nearest the last speech cue before a quote); the words that
//! stand for a speaker are in [`super::referring`].

/// The lower-case words that mark reported speech (verbs and nouns), sorted for binary search.
const SPEECH_LEXEMES: &[&str] = &[
    "according",
    "accusation",
    "accused",
    "accusing",
    "acknowledged",
    "added",
    "adding",
    "adds",
    "affirmed",
    "affirming",
    "alleged",
    "alleging",
    "announced",
    "announces",
    "announcing",
    "appeal",
    "argued",
    "argues",
    "arguing",
    "asked",
    "asks",
    "asserted",
    "asserting",
    "assured",
    "blamed",
    "boasted",
    "called",
    "calls",
    "caption",
    "cautioned",
    "charge",
    "charged",
    "charges",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "comment",
    "commented",
    "commenting",
    "complained",
    "conceded",
    "confirmed",
    "continued",
    "declared",
    "declares",
    "declaring",
    "demanded",
    "denied",
    "denies",
    "denying",
    "described",
    "emphasized",
    "explained",
    "explaining",
    "hinted",
    "insisted",
    "insisting",
    "insists",
    "interview",
    "lamented",
    "lamenting",
    "letter",
    "maintained",
    "message",
    "mocked",
    "mocking",
    "noted",
    "noting",
    "observed",
    "pledged",
    "pledging",
    "pointed",
    "post",
    "posted",
    "posting",
    "posts",
    "preached",
    "proclaimed",
    "promised",
    "quipped",
    "quoted",
    "quoting",
    "read",
    "reads",
    "recalled",
    "recalling",
    "recounted",
    "reiterated",
    "remarked",
    "remarks",
    "reminded",
    "reminding",
    "repeated",
    "repeating",
    "replied",
    "replying",
    "responded",
    "responding",
    "retorted",
    "said",
    "say",
    "saying",
    "says",
    "sermon",
    "speaking",
    "speech",
    "stated",
    "statement",
    "states",
    "stating",
    "stressed",
    "stresses",
    "stressing",
    "suggested",
    "telling",
    "tells",
    "threatened",
    "threatening",
    "threatens",
    "told",
    "tweeted",
    "tweeting",
    "ultimatum",
    "urged",
    "urges",
    "urging",
    "vowed",
    "vowing",
    "vows",
    "warned",
    "warning",
    "warns",
    "writes",
    "writing",
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
const LONGEST_SPEECH_WORD: usize = 13;

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
    "sermon",
    "interview",
    "letter",
    "post",
    "caption",
    "appeal",
    "ultimatum",
    "claim",
    "speaking",
    "quoting",
    "quoted",
    "comment",
    "charge",
    "charges",
    "accusation",
];

/// Whether `word` is a speech verb that can sit beside its speaker's name (`said Abu X`).
#[must_use]
pub fn is_speech_verb(word: &str) -> bool {
    is_speech_word(word) && {
        let bare = word.trim_matches(|c: char| !c.is_ascii_alphabetic());
        !SPEECH_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(bare))
    }
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
}
