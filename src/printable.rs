//! Corpus text made safe for a terminal, wherever it is printed: the TUI, the command line's
//! text output, citations put on the clipboard.
//!
//! A saved page can carry anything, escape sequences included; printed raw they would clear
//! the screen, retitle the window or write the clipboard. Here they become visible symbols.

use std::borrow::Cow;

/// `text` safe to put on a screen: ESC, BEL and every other C0/C1 control character becomes a
/// visible placeholder (`␛`, `␇`, ...), so an escape sequence inside a piece is shown, never
/// obeyed by the terminal.
#[must_use]
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(placeholder).collect())
}

/// `text` safe to paste into a document: [`sanitize`]d, and without the invisible characters
/// the screen drops — bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
/// which could reorder what the reader sees, and zero-width spaces and no-breaks (U+200B,
/// U+2060, U+FEFF). Joiners (U+200C, U+200D) stay: Persian words and emoji need them.
#[must_use]
pub fn for_copy(text: &str) -> String {
    sanitize(text)
        .chars()
        .filter(|&c| !is_invisible_control(c))
        .collect()
}

fn is_invisible_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn placeholder(c: char) -> char {
    match u32::from(c) {
        // Control Pictures: U+2400 + code for C0, U+2421 for DEL.
        code @ 0..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        0x80..=0x9f => '\u{fffd}',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_placeholders() {
        assert_eq!(
            sanitize("a\u{1b}]52;c;x\u{7}b"),
            "a\u{241b}]52;c;x\u{2407}b"
        );
        assert_eq!(sanitize("\u{9b}31m\u{7f}"), "\u{fffd}31m\u{2421}");
        assert!(matches!(sanitize("plain العامري"), Cow::Borrowed(_)));
    }

    #[test]
    fn copies_drop_bidi_overrides_and_zero_width_spaces() {
        assert_eq!(
            for_copy("a\u{202E}evil\u{202C} b\u{200B}c\u{1b}"),
            "aevil bc\u{241b}"
        );
        assert_eq!(for_copy("می\u{200C}خواهم"), "می\u{200C}خواهم");
    }
}
