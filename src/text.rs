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
}
