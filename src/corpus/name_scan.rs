//! Capitalized names in running text (`Abu Qamar al-Nonesuch`, `Chatham House`), found by a
//! small hand-written scanner: it runs beside every speech verb of every piece, where a
//! Unicode regex cost more than the rest of extraction.

/// Honorifics and titles written before a name: kept apart from a new actor's canonical name
/// and id, and still matched as part of its aliases. Longest first.
pub const HONORIFICS: &[&str] = &[
    "Grand Ayatollah",
    "Hojatoleslam",
    "Ayatollah",
    "Sheikha",
    "Sheikh",
    "Shaykh",
    "Shaikh",
    "Hajji",
    "Hajj",
    "Haji",
    "Sayyida",
    "Sayyid",
    "Sayyed",
    "Seyyed",
    "Sayed",
    "Mullah",
    "Dr.",
    "Ms.",
    "Mrs.",
    "Mr.",
    "Staff Maj. Gen.",
    "Maj. Gen.",
    "Brig. Gen.",
    "Lt. Gen.",
    "Lt. Col.",
    "Gen.",
    "Col.",
    "Maj.",
    "Capt.",
    "Brig.",
];

/// Honorifics that say the person is a woman.
pub const FEMALE_HONORIFICS: &[&str] = &["Sheikha", "Sayyida", "Ms.", "Mrs."];

/// The honorific at the start of `text` and the length it takes with the space after it.
#[must_use]
pub fn honorific_at(text: &str) -> Option<(&'static str, usize)> {
    // Most capitals open other words: only a first word an honorific starts with goes on.
    let first = text.split([' ', '.']).next().unwrap_or("");
    let opens = matches!(
        first,
        "Grand"
            | "Hojatoleslam"
            | "Ayatollah"
            | "Sheikha"
            | "Sheikh"
            | "Shaykh"
            | "Shaikh"
            | "Hajji"
            | "Hajj"
            | "Haji"
            | "Sayyida"
            | "Sayyid"
            | "Sayyed"
            | "Seyyed"
            | "Sayed"
            | "Mullah"
            | "Dr"
            | "Ms"
            | "Mrs"
            | "Mr"
            | "Staff"
            | "Maj"
            | "Brig"
            | "Lt"
            | "Gen"
            | "Col"
            | "Capt"
    );
    if !opens {
        return None;
    }
    HONORIFICS.iter().find_map(|h| {
        let rest = text.strip_prefix(h)?.strip_prefix(' ')?;
        rest.starts_with(char::is_uppercase)
            .then_some((*h, h.len() + 1))
    })
}

/// Name particles written in lower case inside a name, with their separator.
const PARTICLES: &[&str] = &["al-", "el-", "ul-", "bin-", "ibn-", "al ", "bin ", "ibn "];

/// Length in bytes of a capitalized word at the start of `text`: an upper-case letter, then
/// lower-case letters or apostrophes (at least one).
fn capitalized_word(text: &str) -> usize {
    let bytes = text.as_bytes();
    // ASCII names, the common case, byte by byte.
    if bytes.first().is_some_and(u8::is_ascii_uppercase) {
        let lower = bytes[1..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase() || **b == b'\'')
            .count();
        if bytes.get(1 + lower).is_none_or(u8::is_ascii) {
            return if lower == 0 { 0 } else { 1 + lower };
        }
    }
    let mut chars = text.char_indices();
    if !chars.next().is_some_and(|(_, c)| c.is_uppercase()) {
        return 0;
    }
    let mut end = 0;
    for (at, c) in chars {
        if !(c.is_lowercase() || c == '\'' || c == '’') {
            break;
        }
        end = at + c.len_utf8();
    }
    end
}

/// Length in bytes of the name starting at the start of `text` (0 when there is none).
///
/// A name is capitalized words joined by spaces or hyphens, with particles such as `al-` or
/// `bin` between them.
#[must_use]
pub fn name_len(text: &str) -> usize {
    // A name may open with its particle (`al-Qabda`).
    let lead = if text.starts_with("al-") { 3 } else { 0 };
    let word = capitalized_word(&text[lead..]);
    let mut end = if word == 0 { 0 } else { lead + word };
    if end == 0 {
        return 0;
    }
    loop {
        let last = &text[..end];
        // A possessive ends the name: `Kirkuk's Turkmen` is Kirkuk's.
        if last.ends_with("'s") || last.ends_with("’s") {
            break;
        }
        let rest = &text[end..];
        let Some(after_separator) = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('-'))
        else {
            break;
        };
        // `Council of Samarra Sheikhs`: `of` (and `of the`) inside an organization's name.
        let of = if rest.starts_with(' ') && ORGANIZATIONS.iter().any(|o| last.ends_with(o)) {
            ["of the ", "of "]
                .iter()
                .find(|o| after_separator.starts_with(*o))
                .map_or(0, |o| o.len())
        } else {
            0
        };
        let particle = PARTICLES
            .iter()
            .find(|p| after_separator[of..].starts_with(*p))
            .map_or(0, |p| p.len());
        let next = &after_separator[of + particle..];
        let word = match capitalized_word(next) {
            0 if particle == 0 => acronym(next),
            n => n,
        };
        if word == 0 {
            break;
        }
        end += 1 + of + particle + word;
    }
    end
}

/// Nouns after which `of` carries a name on (`Council of X`, `League of the Y`).
const ORGANIZATIONS: &[&str] = &[
    "Council",
    "Union",
    "League",
    "Assembly",
    "Association",
    "Committee",
    "Movement",
    "Brigade",
    "Brigades",
    "Companies",
    "Front",
    "Army",
    "Party",
    "Federation",
    "Gathering",
    "Sons",
    "Supporters",
    "Ministry",
    "Commission",
    "Coalition",
    "Alliance",
    "Bloc",
    "Battalions",
    "Guardians",
    "Partisans",
    "People",
];

/// Length of an acronym at the start of `text` (`TV`, `KDP`): two to five capitals.
fn acronym(text: &str) -> usize {
    let len = text.bytes().take_while(u8::is_ascii_uppercase).count();
    let ends = !text[len..].starts_with(|c: char| c.is_alphanumeric());
    if (2..=5).contains(&len) && ends {
        len
    } else {
        0
    }
}

/// The longest name in `text` that ends exactly at its end, searching back at most `window` bytes.
#[must_use]
pub fn name_ending_at(text: &str, window: usize) -> Option<usize> {
    let mut floor = text.len().saturating_sub(window);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    // Only the window is walked, not the text before it.
    let starts = text[floor..]
        .char_indices()
        .map(|(at, c)| (floor + at, c))
        .filter(|(at, c)| {
            c.is_uppercase()
                && text[..*at]
                    .chars()
                    .next_back()
                    .is_none_or(|p| p.is_whitespace() || p == '-')
        });
    starts
        .map(|(at, _)| at)
        .find(|&at| at + name_len(&text[at..]) == text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_with_particles() {
        let text = "Abu Qamar al-Nonesuch, the spokesman";
        assert_eq!(&text[..name_len(text)], "Abu Qamar al-Nonesuch");
        assert_eq!(name_len("Chatham House"), "Chatham House".len());
        assert_eq!(name_len("he warned"), 0);
        assert_eq!(name_len("Part 2"), 4);
    }

    #[test]
    fn finds_the_longest_name_ending_at_a_point() {
        let text = "Later, Abu Zilal al-Fictawi";
        let start = name_ending_at(text, 80).expect("a name");
        assert_eq!(&text[start..], "Abu Zilal al-Fictawi");
        assert_eq!(name_ending_at("then he", 80), None);
        // The window cuts the name: only the part inside it can be found.
        assert_eq!(name_ending_at(text, 12), Some(text.len() - "Fictawi".len()));
        // A window edge inside a multi-byte character moves to the next character.
        let arabic = "قال Abu Zilal";
        assert_eq!(
            name_ending_at(arabic, arabic.len() - 1),
            Some(arabic.len() - 9)
        );
    }

    #[test]
    fn reads_honorifics_before_a_name() {
        assert_eq!(honorific_at("Sheikh Ghanim al-Hilfi"), Some(("Sheikh", 7)));
        assert_eq!(honorific_at("Dr. Intisar al-Khuzai"), Some(("Dr.", 4)));
        assert_eq!(honorific_at("Sheikhdom"), None);
        assert_eq!(honorific_at("Hajj said"), None);
    }

    #[test]
    fn reads_acronyms_possessives_and_of_inside_names() {
        let name = |t: &str| t[..name_len(t)].to_string();
        assert_eq!(name("Thabat TV, a station"), "Thabat TV");
        assert_eq!(name("Kirkuk's Turkmen"), "Kirkuk's");
        assert_eq!(
            name("Council of Samarra Sheikhs (Majlis)"),
            "Council of Samarra Sheikhs"
        );
        assert_eq!(name("Party of God"), "Party of God");
        assert_eq!(name("Baghdad of the past"), "Baghdad");
        assert_eq!(name("TV channel"), "");
    }

    #[test]
    fn handles_arabic_and_accented_names() {
        assert_eq!(name_len("Ḥasan al-Ṣadr said"), "Ḥasan al-Ṣadr".len());
        assert_eq!(name_len("العامري"), 0);
    }
}
