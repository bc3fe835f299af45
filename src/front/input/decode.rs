//! What a finished input sequence means: C0 controls, CSI and SS3 keys with their modifier
//! parameters, and mouse reports, decoded as crossterm's unix parser does.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

const NONE: KeyModifiers = KeyModifiers::NONE;
const ESC: u8 = 0x1b;

/// A key press event.
pub(super) fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

/// A character key; an uppercase character carries Shift, as crossterm reports it.
pub(super) fn char_key(c: char, mut mods: KeyModifiers) -> Event {
    if c.is_uppercase() {
        mods |= KeyModifiers::SHIFT;
    }
    key(KeyCode::Char(c), mods)
}

/// The key a C0 control byte (or DEL) stands for, as crossterm reads it in raw mode:
/// LF is Ctrl-J and BS is Ctrl-H, not Enter and Backspace.
pub(super) fn control_key(byte: u8) -> KeyEvent {
    let ctrl = |c: u8| KeyEvent::new(KeyCode::Char(char::from(c)), KeyModifiers::CONTROL);
    match byte {
        b'\r' => KeyEvent::new(KeyCode::Enter, NONE),
        b'\t' => KeyEvent::new(KeyCode::Tab, NONE),
        0x7f => KeyEvent::new(KeyCode::Backspace, NONE),
        ESC => KeyEvent::new(KeyCode::Esc, NONE),
        0x01..=0x1a => ctrl(byte - 1 + b'a'),
        0x1c..=0x1f => ctrl(byte - 0x1c + b'4'),
        _ => ctrl(b' '),
    }
}

/// Bytes in the UTF-8 character a lead byte begins (0 for a byte that cannot lead one).
pub(super) fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

/// The key of a cursor-style final byte, shared by SS3 and CSI (`ESC O A`, `ESC [ 1 ; 5 A`).
pub(super) fn cursor_key(byte: u8) -> Option<KeyCode> {
    Some(match byte {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + byte - b'P'),
        _ => return None,
    })
}

/// The event of a complete CSI sequence, `body` being its bytes between ESC [ and `last`.
pub(super) fn csi_event(body: &[u8], last: u8) -> Option<Event> {
    if let Some(rest) = body.strip_prefix(b"<") {
        let p = params(rest)?;
        let (cb, x, y) = (*p.first()?, *p.get(1)?, *p.get(2)?);
        let release = match last {
            b'M' => false,
            b'm' => true,
            _ => return None,
        };
        return mouse(cb, x.saturating_sub(1), y.saturating_sub(1), release);
    }
    if body == b"[" {
        return matches!(last, b'A'..=b'E').then(|| key(KeyCode::F(1 + last - b'A'), NONE));
    }
    let p = params(body)?;
    let mods_at = |i: usize| p.get(i).map_or(NONE, |&mask| modifiers(mask));
    match last {
        b'I' if p.is_empty() => Some(Event::FocusGained),
        b'O' if p.is_empty() => Some(Event::FocusLost),
        b'Z' => Some(key(KeyCode::BackTab, KeyModifiers::SHIFT | mods_at(1))),
        b'~' => tilde_key(*p.first()?).map(|code| key(code, mods_at(1))),
        // rxvt mouse: ESC [ Cb ; Cx ; Cy M, with Cb offset by 32.
        b'M' => {
            let (cb, x, y) = (p.first()?.checked_sub(32)?, *p.get(1)?, *p.get(2)?);
            mouse(cb, x.saturating_sub(1), y.saturating_sub(1), false)
        }
        // ESC [ 1 ; 5 A carries the modifiers second; crossterm also reads ESC [ 5 A.
        _ => cursor_key(last).map(|code| key(code, mods_at(usize::from(p.len() > 1)))),
    }
}

/// The numeric parameters of a CSI body (`1;5` → `[1, 5]`; an empty one is 0, a `:` sub-field
/// is ignored); None when the body is not plain parameters.
pub(super) fn params(body: &[u8]) -> Option<Vec<u16>> {
    if body.is_empty() {
        return Some(Vec::new());
    }
    let text = std::str::from_utf8(body).ok()?;
    text.split(';')
        .map(|field| match field.split(':').next().unwrap_or_default() {
            "" => Some(0),
            number => number.parse().ok(),
        })
        .collect()
}

/// The modifiers of an xterm modifier parameter: 1 + a bitmask of Shift, Alt, Ctrl, Super,
/// Hyper, Meta.
pub(super) fn modifiers(mask: u16) -> KeyModifiers {
    let bits = mask.saturating_sub(1);
    [
        KeyModifiers::SHIFT,
        KeyModifiers::ALT,
        KeyModifiers::CONTROL,
        KeyModifiers::SUPER,
        KeyModifiers::HYPER,
        KeyModifiers::META,
    ]
    .into_iter()
    .enumerate()
    .filter(|&(bit, _)| bits & (1 << bit) != 0)
    .fold(NONE, |all, (_, flag)| all | flag)
}

/// The key of an `ESC [ n ~` sequence, by crossterm's table.
pub(super) fn tilde_key(n: u16) -> Option<KeyCode> {
    // The F-key numbers skip 16, 22, 27 and 30, a relic of the VT220 keyboard.
    let f = |k: u16| u8::try_from(k).ok().map(KeyCode::F);
    match n {
        1 | 7 => Some(KeyCode::Home),
        2 => Some(KeyCode::Insert),
        3 => Some(KeyCode::Delete),
        4 | 8 => Some(KeyCode::End),
        5 => Some(KeyCode::PageUp),
        6 => Some(KeyCode::PageDown),
        11..=15 => f(n - 10),
        17..=21 => f(n - 11),
        23..=26 => f(n - 12),
        28..=29 => f(n - 15),
        31..=34 => f(n - 17),
        _ => None,
    }
}

/// A mouse event from an xterm button code (`cb`) at a 0-based cell; `release` for SGR's `m`.
pub(super) fn mouse(cb: u16, column: u16, row: u16, release: bool) -> Option<Event> {
    let button = (cb & 0b11) | ((cb & 0b1100_0000) >> 4);
    let which = [MouseButton::Left, MouseButton::Middle, MouseButton::Right];
    let kind = match (button, cb & 32 != 0) {
        (0..=2, false) if release => MouseEventKind::Up(which[usize::from(button)]),
        (0..=2, false) => MouseEventKind::Down(which[usize::from(button)]),
        (0..=2, true) => MouseEventKind::Drag(which[usize::from(button)]),
        (3, false) => MouseEventKind::Up(MouseButton::Left),
        (3..=5, true) => MouseEventKind::Moved,
        (4, false) => MouseEventKind::ScrollUp,
        (5, false) => MouseEventKind::ScrollDown,
        (6, false) => MouseEventKind::ScrollLeft,
        (7, false) => MouseEventKind::ScrollRight,
        _ => return None,
    };
    let flags = [
        (4, KeyModifiers::SHIFT),
        (8, KeyModifiers::ALT),
        (16, KeyModifiers::CONTROL),
    ];
    let modifiers = flags
        .into_iter()
        .filter(|&(bit, _)| cb & bit != 0)
        .fold(NONE, |all, (_, flag)| all | flag);
    Some(Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers,
    }))
}
