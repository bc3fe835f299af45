//! SGR sequences: the attributes a character is printed with, and the shortest way from one
//! set of attributes to another.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// The attributes a printed character takes from the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Pen {
    pub(super) fg: Color,
    pub(super) bg: Color,
    pub(super) underline: Color,
    pub(super) modifier: Modifier,
}

impl Pen {
    pub(super) fn of(cell: &Cell) -> Self {
        Self {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// Modifiers and their SGR codes, in code order.
const MODIFIER_CODES: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

/// The shortest SGR sequence that turns pen `from` into `to`, or `None` when they agree:
/// either the changes alone, or a reset followed by everything `to` sets.
pub(super) fn sgr(from: Pen, to: Pen) -> Option<String> {
    if from == to {
        return None;
    }
    let mut changes = Vec::new();
    let removed = from.modifier - to.modifier;
    let mut added = to.modifier - from.modifier;
    // Some "off" codes turn off two modifiers at once; the one that stays is set again.
    let pairs = [
        (Modifier::BOLD | Modifier::DIM, 22),
        (Modifier::ITALIC, 23),
        (Modifier::UNDERLINED, 24),
        (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK, 25),
        (Modifier::REVERSED, 27),
        (Modifier::HIDDEN, 28),
        (Modifier::CROSSED_OUT, 29),
    ];
    for (group, off) in pairs {
        if removed.intersects(group) {
            changes.push(off.to_string());
            added |= to.modifier & group;
        }
    }
    push_set(&mut changes, from, to, added);
    let mut reset = vec!["0".to_string()];
    push_set(&mut reset, Pen::default(), to, to.modifier);
    let params = if to == Pen::default() {
        String::new()
    } else if reset.join(";").len() < changes.join(";").len() {
        reset.join(";")
    } else {
        changes.join(";")
    };
    Some(format!("\x1b[{params}m"))
}

/// Adds the codes that set `added` and the colours of `to` that differ from `from`.
fn push_set(params: &mut Vec<String>, from: Pen, to: Pen, added: Modifier) {
    for (modifier, code) in MODIFIER_CODES {
        if added.contains(modifier) {
            params.push(code.to_string());
        }
    }
    if from.fg != to.fg {
        params.push(colour(to.fg, 30));
    }
    if from.bg != to.bg {
        params.push(colour(to.bg, 40));
    }
    if from.underline != to.underline {
        params.push(match to.underline {
            Color::Reset => "59".to_string(),
            Color::Rgb(r, g, b) => format!("58;2;{r};{g};{b}"),
            other => format!("58;5;{}", palette_index(other).unwrap_or(0)),
        });
    }
}

/// The SGR parameters for a foreground (`base` 30) or background (`base` 40) colour: the
/// short codes for the sixteen named colours, which every colour terminal knows.
fn colour(color: Color, base: u8) -> String {
    match color {
        Color::Reset => (base + 9).to_string(),
        Color::Indexed(n) => format!("{};5;{n}", base + 8),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", base + 8),
        named => match palette_index(named).unwrap_or(0) {
            n @ 0..8 => (base + n).to_string(),
            n => (base + 60 + n - 8).to_string(),
        },
    }
}

/// The palette index (0–15) of a named colour.
pub(super) fn palette_index(color: Color) -> Option<u8> {
    Some(match color {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(n) => n,
        Color::Reset | Color::Rgb(..) => return None,
    })
}
