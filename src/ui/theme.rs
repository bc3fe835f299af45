//! Every colour and text style of the UI, in one place: three themes and `NO_COLOR`.
//!
//! Colours come from the sixteen named ones and the 256-colour palette, never 24-bit RGB:
//! every colour terminal shows them, and they cost fewer bytes on a slow link.

use ratatui::style::{Color, Modifier, Style};

/// The styles the panes draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Borders of unfocused panes.
    pub border: Style,
    /// The border of the focused pane.
    pub focused: Style,
    /// Pane titles.
    pub title: Style,
    /// The selected row.
    pub selected: Style,
    /// Matched characters in a result.
    pub matched: Style,
    /// Speaker names.
    pub speaker: Style,
    /// Dates.
    pub date: Style,
    /// Secondary text: labels, counts, hints.
    pub dim: Style,
    /// Errors in the status line and query.
    pub error: Style,
    /// Quotes in the viewer's context and the reader.
    pub quote: Style,
    /// Actor mentions in the reader.
    pub mention: Style,
    /// The reader's selected quote or mention.
    pub cursor: Style,
    /// Headings: piece titles, subheads.
    pub heading: Style,
    /// A link.
    pub link: Style,
}

impl Theme {
    /// Light text on a dark background.
    #[must_use]
    pub fn dark() -> Self {
        Self {
            border: Style::new().fg(Color::DarkGray),
            focused: Style::new().fg(Color::Cyan),
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Indexed(237))
                .add_modifier(Modifier::BOLD),
            matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            speaker: Style::new().fg(Color::LightGreen),
            date: Style::new().fg(Color::LightBlue),
            dim: Style::new().fg(Color::Gray),
            error: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            quote: Style::new().fg(Color::LightYellow),
            mention: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::UNDERLINED),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            heading: Style::new().add_modifier(Modifier::BOLD),
            link: Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::UNDERLINED),
        }
    }

    /// Dark text on a light background.
    #[must_use]
    pub fn light() -> Self {
        Self {
            border: Style::new().fg(Color::Gray),
            focused: Style::new().fg(Color::Blue),
            title: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Indexed(189))
                .add_modifier(Modifier::BOLD),
            matched: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            speaker: Style::new().fg(Color::Green),
            date: Style::new().fg(Color::Blue),
            dim: Style::new().fg(Color::DarkGray),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            quote: Style::new().fg(Color::Indexed(94)),
            mention: Style::new()
                .fg(Color::Green)
                .add_modifier(Modifier::UNDERLINED),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            heading: Style::new().add_modifier(Modifier::BOLD),
            link: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
        }
    }

    /// No colour at all, only bold, underline and reverse: for `NO_COLOR` and dumb terminals.
    #[must_use]
    pub fn mono() -> Self {
        let plain = Style::new();
        Self {
            border: plain,
            focused: Style::new().add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            speaker: Style::new().add_modifier(Modifier::BOLD),
            date: plain,
            dim: plain,
            error: Style::new().add_modifier(Modifier::BOLD),
            quote: Style::new().add_modifier(Modifier::ITALIC),
            mention: Style::new().add_modifier(Modifier::UNDERLINED),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            heading: Style::new().add_modifier(Modifier::BOLD),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The theme called `name` (`dark`, `light` or `mono`).
    #[must_use]
    pub fn named(name: &str) -> Option<Self> {
        match name {
            "dark" => Some(Self::dark()),
            "light" => Some(Self::light()),
            "mono" => Some(Self::mono()),
            _ => None,
        }
    }

    /// The names [`Theme::named`] knows, for error messages.
    pub const NAMES: [&'static str; 3] = ["dark", "light", "mono"];
}

impl Default for Theme {
    fn default() -> Self {
        Self::dark()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_uses_no_colour() {
        let t = Theme::mono();
        for style in [
            t.border, t.focused, t.title, t.selected, t.matched, t.speaker, t.date, t.dim, t.error,
            t.quote, t.mention, t.cursor, t.heading, t.link,
        ] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
    }

    #[test]
    fn every_name_is_a_theme() {
        assert!(Theme::NAMES.iter().all(|n| Theme::named(n).is_some()));
        assert_eq!(Theme::named("solarized"), None);
    }
}
