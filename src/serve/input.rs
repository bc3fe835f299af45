//! Client input over SSH: the raw bytes a client's terminal sends, turned into crossterm events.
//!
//! Locally crossterm reads the terminal and hands the TUI [`Event`]s; over SSH the session only
//! gets the bytes the client's terminal wrote. [`InputParser`] decodes those bytes (UTF-8 text,
//! control keys, Alt prefixes, CSI and SS3 key sequences, SGR and X10 mouse reports, bracketed
//! paste, focus reports) into the same events, following crossterm's own unix parser, so the
//! keymap and event handling behave alike locally and remotely.
//!
//! It is a byte-at-a-time state machine, so any split of the stream between [`InputParser::feed`]
//! calls gives the same events. The one ambiguity, a lone ESC (the Esc key, or the start of a
//! sequence?), is settled by time: see [`ESC_TIMEOUT`] and [`InputParser::flush`]. Every buffer is
//! capped, unknown sequences are dropped whole, and nothing panics.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// How long a lone ESC waits for the rest of a sequence before it counts as the Esc key.
///
/// A terminal writes a whole key sequence at once and the SSH client forwards it in one packet,
/// so the rest normally arrives with the ESC; 50 ms leaves room for a client that splits a write,
/// yet is too short for anyone to notice on an Esc press.
pub const ESC_TIMEOUT: Duration = Duration::from_millis(50);

/// Parameter and intermediate bytes kept for one CSI sequence; longer ones are dropped whole.
const CSI_CAP: usize = 64;
/// Bytes kept of one bracketed paste; the rest, up to the end marker, is dropped.
const PASTE_CAP: usize = 1 << 20;
/// The end marker of a bracketed paste.
const PASTE_END: &[u8] = b"\x1b[201~";
const ESC: u8 = 0x1b;
const NONE: KeyModifiers = KeyModifiers::NONE;

/// Where the parser is within the byte stream.
#[derive(Debug, Default)]
enum State {
    /// Between events.
    #[default]
    Ground,
    /// Inside a multi-byte UTF-8 character (after an ESC when `alt`).
    Utf8 { buf: [u8; 4], len: usize, alt: bool },
    /// After ESC.
    Esc,
    /// After ESC O.
    Ss3,
    /// After ESC [ and the parameter bytes in `body`; `overflow` once past [`CSI_CAP`].
    Csi { body: Vec<u8>, overflow: bool },
    /// After ESC [ M, collecting the three raw bytes of a legacy X10 mouse report.
    X10 { bytes: [u8; 3], len: usize },
    /// Inside a bracketed paste; `matched` bytes of [`PASTE_END`] seen so far.
    Paste { buf: Vec<u8>, matched: usize },
}

/// Turns the bytes a client's terminal sends into crossterm [`Event`]s, across any split.
#[derive(Debug, Default)]
pub struct InputParser {
    state: State,
    /// When the ESC that began the pending sequence arrived.
    esc_at: Option<Instant>,
}

impl InputParser {
    /// A parser between events, with nothing pending.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds bytes received at `now`; returns the complete events they finish.
    ///
    /// A sequence pending since before `now - ESC_TIMEOUT` is settled first, as
    /// [`flush`](Self::flush) would have, so a late flush changes nothing.
    pub fn feed(&mut self, bytes: &[u8], now: Instant) -> Vec<Event> {
        let mut out = self.flush(now);
        for &byte in bytes {
            self.step(byte, now, &mut out);
        }
        out
    }

    /// Events due at `now` without new bytes: an ESC prefix pending for [`ESC_TIMEOUT`] is
    /// settled, so a lone Esc press is not held back until the next key.
    ///
    /// A lone ESC becomes Esc, ESC [ becomes Alt-[, ESC O becomes Alt-O; a sequence cut off
    /// midway is dropped.
    pub fn flush(&mut self, now: Instant) -> Vec<Event> {
        let mut out = Vec::new();
        if self.deadline().is_some_and(|due| now >= due) {
            match std::mem::take(&mut self.state) {
                State::Esc => out.push(key(KeyCode::Esc, NONE)),
                State::Ss3 => out.push(char_key('O', KeyModifiers::ALT)),
                State::Csi { body, .. } if body.is_empty() => {
                    out.push(char_key('[', KeyModifiers::ALT));
                }
                _ => {}
            }
            self.esc_at = None;
        }
        out
    }

    /// When `flush` next has something to do (None when nothing is pending), so the session
    /// loop can sleep until then.
    ///
    /// Only sequences begun by ESC wait on time; an unfinished UTF-8 character or paste waits
    /// for bytes instead, so it gives None too.
    #[must_use]
    pub fn deadline(&self) -> Option<Instant> {
        match self.state {
            State::Esc | State::Ss3 | State::Csi { .. } | State::X10 { .. } => {
                self.esc_at.map(|at| at + ESC_TIMEOUT)
            }
            _ => None,
        }
    }

    /// Advances the state machine by one byte.
    fn step(&mut self, byte: u8, now: Instant, out: &mut Vec<Event>) {
        match std::mem::take(&mut self.state) {
            State::Ground => self.ground(byte, now, out),
            State::Utf8 { buf, len, alt } => self.utf8(buf, len, alt, byte, now, out),
            State::Esc => self.after_esc(byte, now, out),
            State::Ss3 => self.ss3(byte, now, out),
            State::Csi { body, overflow } => self.csi(body, overflow, byte, now, out),
            State::X10 { bytes, len } => self.x10(bytes, len, byte, out),
            State::Paste { buf, matched } => self.paste(buf, matched, byte, out),
        }
    }

    /// A byte between events.
    fn ground(&mut self, byte: u8, now: Instant, out: &mut Vec<Event>) {
        match byte {
            ESC => {
                self.state = State::Esc;
                self.esc_at = Some(now);
            }
            0x20..=0x7e => out.push(char_key(char::from(byte), NONE)),
            0x80..=0xff => self.start_utf8(byte, false),
            _ => out.push(Event::Key(control_key(byte))),
        }
    }

    /// Begins a multi-byte character at a lead byte; any other byte is invalid and dropped.
    fn start_utf8(&mut self, lead: u8, alt: bool) {
        if utf8_len(lead) > 1 {
            let buf = [lead, 0, 0, 0];
            self.state = State::Utf8 { buf, len: 1, alt };
        }
    }

    /// A byte inside a multi-byte character: a continuation byte, or else the character is
    /// dropped and the byte starts afresh.
    fn utf8(
        &mut self,
        mut buf: [u8; 4],
        len: usize,
        alt: bool,
        byte: u8,
        now: Instant,
        out: &mut Vec<Event>,
    ) {
        if byte & 0xc0 != 0x80 {
            return self.ground(byte, now, out);
        }
        buf[len] = byte;
        let len = len + 1;
        if len < utf8_len(buf[0]) {
            self.state = State::Utf8 { buf, len, alt };
        } else if let Some(c) = std::str::from_utf8(&buf[..len])
            .ok()
            .and_then(|s| s.chars().next())
        {
            let mods = if alt { KeyModifiers::ALT } else { NONE };
            out.push(char_key(c, mods));
        }
    }

    /// The byte after ESC: a sequence introducer, or a key pressed with Alt.
    fn after_esc(&mut self, byte: u8, now: Instant, out: &mut Vec<Event>) {
        match byte {
            b'[' => {
                self.state = State::Csi {
                    body: Vec::new(),
                    overflow: false,
                }
            }
            b'O' => self.state = State::Ss3,
            0x20..=0x7e => out.push(char_key(char::from(byte), KeyModifiers::ALT)),
            0x80..=0xff if utf8_len(byte) > 1 => self.start_utf8(byte, true),
            ESC | 0x80..=0xff => {
                out.push(key(KeyCode::Esc, NONE));
                self.ground(byte, now, out);
            }
            _ => {
                let mut event = control_key(byte);
                event.modifiers |= KeyModifiers::ALT;
                out.push(Event::Key(event));
            }
        }
    }

    /// The byte after ESC O: a cursor or F1–F4 key, or else ESC O was Alt-O.
    fn ss3(&mut self, byte: u8, now: Instant, out: &mut Vec<Event>) {
        match cursor_key(byte) {
            Some(code) => out.push(key(code, NONE)),
            None => {
                out.push(char_key('O', KeyModifiers::ALT));
                self.ground(byte, now, out);
            }
        }
    }

    /// A byte after ESC [: a parameter byte to keep, a final byte that ends the sequence, or
    /// anything else, which drops the sequence and starts afresh.
    fn csi(
        &mut self,
        mut body: Vec<u8>,
        overflow: bool,
        byte: u8,
        now: Instant,
        out: &mut Vec<Event>,
    ) {
        match byte {
            b'M' if body.is_empty() => {
                self.state = State::X10 {
                    bytes: [0; 3],
                    len: 0,
                }
            }
            // Linux console F1–F5 are ESC [ [ A..E; '[' would otherwise be a final byte.
            b'[' if body.is_empty() => {
                body.push(byte);
                self.state = State::Csi { body, overflow };
            }
            0x20..=0x3f => {
                let overflow = overflow || body.len() >= CSI_CAP;
                if !overflow {
                    body.push(byte);
                }
                self.state = State::Csi { body, overflow };
            }
            0x40..=0x7e if overflow => {}
            0x40..=0x7e if byte == b'~' && body == b"200" => {
                self.state = State::Paste {
                    buf: Vec::new(),
                    matched: 0,
                };
            }
            0x40..=0x7e => out.extend(csi_event(&body, byte)),
            _ => self.ground(byte, now, out),
        }
    }

    /// One of the three raw bytes of an X10 mouse report (button + 32, column + 33, row + 33).
    fn x10(&mut self, mut bytes: [u8; 3], len: usize, byte: u8, out: &mut Vec<Event>) {
        bytes[len] = byte;
        if len + 1 < bytes.len() {
            self.state = State::X10 {
                bytes,
                len: len + 1,
            };
        } else if let Some(cb) = u16::from(bytes[0]).checked_sub(32) {
            let [column, row] = [bytes[1], bytes[2]].map(|b| u16::from(b).saturating_sub(33));
            out.extend(mouse(cb, column, row, false));
        }
    }

    /// A byte inside a bracketed paste: kept (up to the cap) until the end marker completes.
    fn paste(&mut self, mut buf: Vec<u8>, matched: usize, byte: u8, out: &mut Vec<Event>) {
        let matched = if byte == PASTE_END[matched] {
            matched + 1
        } else {
            usize::from(byte == ESC)
        };
        if buf.len() < PASTE_CAP + PASTE_END.len() {
            buf.push(byte);
        }
        if matched == PASTE_END.len() {
            // The marker's bytes are the last kept unless the cap was reached, when the first
            // PASTE_CAP bytes are all text.
            buf.truncate((buf.len() - PASTE_END.len()).min(PASTE_CAP));
            out.push(Event::Paste(String::from_utf8_lossy(&buf).into_owned()));
        } else {
            self.state = State::Paste { buf, matched };
        }
    }
}

/// A key press event.
fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

/// A character key; an uppercase character carries Shift, as crossterm reports it.
fn char_key(c: char, mut mods: KeyModifiers) -> Event {
    if c.is_uppercase() {
        mods |= KeyModifiers::SHIFT;
    }
    key(KeyCode::Char(c), mods)
}

/// The key a C0 control byte (or DEL) stands for, as crossterm reads it in raw mode:
/// LF is Ctrl-J and BS is Ctrl-H, not Enter and Backspace.
fn control_key(byte: u8) -> KeyEvent {
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
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

/// The key of a cursor-style final byte, shared by SS3 and CSI (`ESC O A`, `ESC [ 1 ; 5 A`).
fn cursor_key(byte: u8) -> Option<KeyCode> {
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
fn csi_event(body: &[u8], last: u8) -> Option<Event> {
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
fn params(body: &[u8]) -> Option<Vec<u16>> {
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
fn modifiers(mask: u16) -> KeyModifiers {
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
fn tilde_key(n: u16) -> Option<KeyCode> {
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
fn mouse(cb: u16, column: u16, row: u16, release: bool) -> Option<Event> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ALT: KeyModifiers = KeyModifiers::ALT;
    const CTRL: KeyModifiers = KeyModifiers::CONTROL;
    const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

    /// Events of `bytes` fed in one call and then flushed far in the future.
    fn parse(bytes: &[u8]) -> Vec<Event> {
        let now = Instant::now();
        let mut parser = InputParser::new();
        let mut events = parser.feed(bytes, now);
        events.extend(parser.flush(now + Duration::from_secs(60)));
        events
    }

    /// Events of `bytes` fed one byte per call, all at the same instant, then flushed.
    fn parse_bytewise(bytes: &[u8]) -> Vec<Event> {
        let now = Instant::now();
        let mut parser = InputParser::new();
        let mut events: Vec<Event> = bytes.iter().flat_map(|b| parser.feed(&[*b], now)).collect();
        events.extend(parser.flush(now + Duration::from_secs(60)));
        events
    }

    fn k(code: KeyCode, mods: KeyModifiers) -> Event {
        key(code, mods)
    }

    fn ch(c: char) -> Event {
        k(KeyCode::Char(c), NONE)
    }

    fn click(kind: MouseEventKind, column: u16, row: u16, modifiers: KeyModifiers) -> Event {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers,
        })
    }

    /// Asserts each sequence gives exactly its one event, whole and byte by byte.
    fn assert_each(cases: &[(&[u8], Event)]) {
        for (bytes, want) in cases {
            assert_eq!(parse(bytes), vec![want.clone()], "{bytes:?}");
            assert_eq!(
                parse_bytewise(bytes),
                vec![want.clone()],
                "{bytes:?} bytewise"
            );
        }
    }

    #[test]
    fn printable_ascii_is_a_plain_char() {
        assert_eq!(parse(b"a1 ~"), vec![ch('a'), ch('1'), ch(' '), ch('~')]);
    }

    #[test]
    fn uppercase_letters_carry_shift_like_crossterm() {
        assert_eq!(parse(b"G"), vec![k(KeyCode::Char('G'), SHIFT)]);
        assert_eq!(parse("É".as_bytes()), vec![k(KeyCode::Char('É'), SHIFT)]);
    }

    #[test]
    fn arabic_cjk_and_emoji_are_chars() {
        let text = "حزب 中文 🦀";
        assert_eq!(
            parse(text.as_bytes()),
            text.chars().map(ch).collect::<Vec<_>>()
        );
    }

    #[test]
    fn utf8_split_across_feeds_waits_for_the_rest() {
        let now = Instant::now();
        let mut parser = InputParser::new();
        let crab = "🦀".as_bytes();
        assert!(parser.feed(&crab[..1], now).is_empty());
        assert!(parser.feed(&crab[1..3], now).is_empty());
        assert_eq!(parser.deadline(), None);
        assert_eq!(parser.feed(&crab[3..], now), vec![ch('🦀')]);
    }

    #[test]
    fn invalid_utf8_is_dropped_and_parsing_continues() {
        assert_eq!(
            parse(b"\xffa\x80b\xc3c\xed\xa0\x80d"),
            vec![ch('a'), ch('b'), ch('c'), ch('d')]
        );
    }

    #[test]
    fn c0_controls_map_like_crossterm() {
        assert_each(&[
            (b"\r", k(KeyCode::Enter, NONE)),
            (b"\t", k(KeyCode::Tab, NONE)),
            (b"\x7f", k(KeyCode::Backspace, NONE)),
            (b"\x00", k(KeyCode::Char(' '), CTRL)),
            (b"\x01", k(KeyCode::Char('a'), CTRL)),
            (b"\x03", k(KeyCode::Char('c'), CTRL)),
            (b"\x08", k(KeyCode::Char('h'), CTRL)),
            (b"\n", k(KeyCode::Char('j'), CTRL)),
            (b"\x1a", k(KeyCode::Char('z'), CTRL)),
            (b"\x1c", k(KeyCode::Char('4'), CTRL)),
            (b"\x1f", k(KeyCode::Char('7'), CTRL)),
        ]);
    }

    #[test]
    fn esc_before_a_key_adds_alt() {
        assert_each(&[
            (b"\x1bb", k(KeyCode::Char('b'), ALT)),
            (b"\x1bH", k(KeyCode::Char('H'), ALT | SHIFT)),
            (b"\x1b\x7f", k(KeyCode::Backspace, ALT)),
            (b"\x1b\r", k(KeyCode::Enter, ALT)),
            (b"\x1b\x01", k(KeyCode::Char('a'), ALT | CTRL)),
            ("\x1bش".as_bytes(), k(KeyCode::Char('ش'), ALT)),
        ]);
    }

    #[test]
    fn double_esc_is_two_esc_keys() {
        assert_eq!(parse(b"\x1b\x1b"), vec![k(KeyCode::Esc, NONE); 2]);
        assert_eq!(
            parse(b"\x1b\x1b[A"),
            vec![k(KeyCode::Esc, NONE), k(KeyCode::Up, NONE)]
        );
    }

    #[test]
    fn arrows_in_csi_and_ss3() {
        assert_each(&[
            (b"\x1b[A", k(KeyCode::Up, NONE)),
            (b"\x1b[B", k(KeyCode::Down, NONE)),
            (b"\x1b[C", k(KeyCode::Right, NONE)),
            (b"\x1b[D", k(KeyCode::Left, NONE)),
            (b"\x1bOA", k(KeyCode::Up, NONE)),
            (b"\x1bOB", k(KeyCode::Down, NONE)),
            (b"\x1bOC", k(KeyCode::Right, NONE)),
            (b"\x1bOD", k(KeyCode::Left, NONE)),
        ]);
    }

    #[test]
    fn home_and_end_in_every_encoding() {
        let (home, end) = (k(KeyCode::Home, NONE), k(KeyCode::End, NONE));
        assert_each(&[
            (b"\x1b[H", home.clone()),
            (b"\x1bOH", home.clone()),
            (b"\x1b[1~", home.clone()),
            (b"\x1b[7~", home),
            (b"\x1b[F", end.clone()),
            (b"\x1bOF", end.clone()),
            (b"\x1b[4~", end.clone()),
            (b"\x1b[8~", end),
        ]);
    }

    #[test]
    fn insert_delete_and_page_keys() {
        assert_each(&[
            (b"\x1b[2~", k(KeyCode::Insert, NONE)),
            (b"\x1b[3~", k(KeyCode::Delete, NONE)),
            (b"\x1b[5~", k(KeyCode::PageUp, NONE)),
            (b"\x1b[6~", k(KeyCode::PageDown, NONE)),
        ]);
    }

    #[test]
    fn backtab_carries_shift() {
        assert_each(&[(b"\x1b[Z", k(KeyCode::BackTab, SHIFT))]);
    }

    #[test]
    fn function_keys_in_every_encoding() {
        let f = |n| k(KeyCode::F(n), NONE);
        assert_each(&[
            (b"\x1bOP", f(1)),
            (b"\x1bOS", f(4)),
            (b"\x1b[11~", f(1)),
            (b"\x1b[14~", f(4)),
            (b"\x1b[[A", f(1)),
            (b"\x1b[[E", f(5)),
            (b"\x1b[15~", f(5)),
            (b"\x1b[17~", f(6)),
            (b"\x1b[18~", f(7)),
            (b"\x1b[19~", f(8)),
            (b"\x1b[20~", f(9)),
            (b"\x1b[21~", f(10)),
            (b"\x1b[23~", f(11)),
            (b"\x1b[24~", f(12)),
        ]);
    }

    #[test]
    fn modifier_parameters() {
        assert_each(&[
            (b"\x1b[1;2A", k(KeyCode::Up, SHIFT)),
            (b"\x1b[1;3B", k(KeyCode::Down, ALT)),
            (b"\x1b[1;4C", k(KeyCode::Right, SHIFT | ALT)),
            (b"\x1b[1;5D", k(KeyCode::Left, CTRL)),
            (b"\x1b[1;6H", k(KeyCode::Home, CTRL | SHIFT)),
            (b"\x1b[1;7F", k(KeyCode::End, CTRL | ALT)),
            (b"\x1b[1;8P", k(KeyCode::F(1), CTRL | ALT | SHIFT)),
            (b"\x1b[3;5~", k(KeyCode::Delete, CTRL)),
            (b"\x1b[6;2~", k(KeyCode::PageDown, SHIFT)),
            (b"\x1b[15;3~", k(KeyCode::F(5), ALT)),
            (b"\x1b[5A", k(KeyCode::Up, CTRL)),
        ]);
    }

    #[test]
    fn sgr_mouse_press_release_and_drag() {
        use MouseButton::{Left, Middle, Right};
        assert_each(&[
            (
                b"\x1b[<0;1;1M",
                click(MouseEventKind::Down(Left), 0, 0, NONE),
            ),
            (
                b"\x1b[<0;10;20m",
                click(MouseEventKind::Up(Left), 9, 19, NONE),
            ),
            (
                b"\x1b[<1;5;6M",
                click(MouseEventKind::Down(Middle), 4, 5, NONE),
            ),
            (
                b"\x1b[<2;300;7M",
                click(MouseEventKind::Down(Right), 299, 6, NONE),
            ),
            (
                b"\x1b[<2;3;7m",
                click(MouseEventKind::Up(Right), 2, 6, NONE),
            ),
            (
                b"\x1b[<32;4;5M",
                click(MouseEventKind::Drag(Left), 3, 4, NONE),
            ),
            (b"\x1b[<35;4;5M", click(MouseEventKind::Moved, 3, 4, NONE)),
        ]);
    }

    #[test]
    fn sgr_mouse_wheel_and_modifiers() {
        assert_each(&[
            (
                b"\x1b[<64;2;3M",
                click(MouseEventKind::ScrollUp, 1, 2, NONE),
            ),
            (
                b"\x1b[<65;2;3M",
                click(MouseEventKind::ScrollDown, 1, 2, NONE),
            ),
            (
                b"\x1b[<4;1;1M",
                click(MouseEventKind::Down(MouseButton::Left), 0, 0, SHIFT),
            ),
            (
                b"\x1b[<8;1;1M",
                click(MouseEventKind::Down(MouseButton::Left), 0, 0, ALT),
            ),
            (
                b"\x1b[<80;1;1M",
                click(MouseEventKind::ScrollUp, 0, 0, CTRL),
            ),
        ]);
    }

    #[test]
    fn x10_and_rxvt_mouse_are_decoded() {
        assert_each(&[
            (
                b"\x1b[M !\"",
                click(MouseEventKind::Down(MouseButton::Left), 0, 1, NONE),
            ),
            (b"\x1b[M`**", click(MouseEventKind::ScrollUp, 9, 9, NONE)),
            (
                b"\x1b[32;5;6M",
                click(MouseEventKind::Down(MouseButton::Left), 4, 5, NONE),
            ),
        ]);
        // Raw X10 bytes may be anything, even ESC; the report still ends after three of them.
        assert_eq!(parse(b"\x1b[M\x1b\x1b\x1bx"), vec![ch('x')]);
    }

    #[test]
    fn bracketed_paste_split_byte_by_byte_with_esc_inside() {
        let bytes = "\x1b[200~a\x1b[Ab\x1b\x1b[201\nحزب\x1b[201~z".as_bytes();
        let want = vec![Event::Paste("a\x1b[Ab\x1b\x1b[201\nحزب".into()), ch('z')];
        assert_eq!(parse(bytes), want);
        assert_eq!(parse_bytewise(bytes), want);
        assert_eq!(
            parse(b"\x1b[200~\xffok\x1b[201~"),
            vec![Event::Paste("\u{fffd}ok".into())]
        );
        assert_eq!(
            parse(b"\x1b[200~\x1b[201~"),
            vec![Event::Paste(String::new())]
        );
    }

    #[test]
    fn endless_paste_is_capped_and_still_ends() {
        let now = Instant::now();
        let mut parser = InputParser::new();
        assert!(parser.feed(b"\x1b[200~", now).is_empty());
        let chunk = vec![b'x'; 64 * 1024];
        for _ in 0..24 {
            assert!(parser.feed(&chunk, now).is_empty());
        }
        match &parser.state {
            State::Paste { buf, .. } => assert!(buf.len() <= PASTE_CAP + PASTE_END.len()),
            other => panic!("not in a paste: {other:?}"),
        }
        let events = parser.feed(b"\x1b[201~q", now);
        assert_eq!(events, vec![Event::Paste("x".repeat(PASTE_CAP)), ch('q')]);
    }

    #[test]
    fn focus_reports() {
        assert_each(&[
            (b"\x1b[I", Event::FocusGained),
            (b"\x1b[O", Event::FocusLost),
        ]);
    }

    #[test]
    fn lone_esc_becomes_esc_only_after_the_timeout() {
        let now = Instant::now();
        let mut parser = InputParser::new();
        assert!(parser.feed(b"\x1b", now).is_empty());
        assert_eq!(parser.deadline(), Some(now + ESC_TIMEOUT));
        assert!(parser.flush(now + ESC_TIMEOUT / 2).is_empty());
        assert_eq!(parser.flush(now + ESC_TIMEOUT), vec![k(KeyCode::Esc, NONE)]);
        assert_eq!(parser.deadline(), None);
        assert!(parser.flush(now + ESC_TIMEOUT * 9).is_empty());
    }

    #[test]
    fn esc_then_sequence_within_the_timeout_is_one_key() {
        let now = Instant::now();
        let mut parser = InputParser::new();
        assert!(parser.feed(b"\x1b", now).is_empty());
        assert!(parser.feed(b"[", now + ESC_TIMEOUT / 3).is_empty());
        assert_eq!(
            parser.feed(b"A", now + ESC_TIMEOUT / 2),
            vec![k(KeyCode::Up, NONE)]
        );
    }

    #[test]
    fn bytes_after_the_timeout_settle_the_pending_esc_first() {
        let now = Instant::now();
        let mut parser = InputParser::new();
        assert!(parser.feed(b"\x1b", now).is_empty());
        let events = parser.feed(b"[A", now + ESC_TIMEOUT * 2);
        assert_eq!(
            events,
            vec![k(KeyCode::Esc, NONE), ch('['), k(KeyCode::Char('A'), SHIFT)]
        );
    }

    #[test]
    fn timed_out_prefixes_are_alt_keys_and_cut_sequences_are_dropped() {
        assert_eq!(parse(b"\x1b["), vec![k(KeyCode::Char('['), ALT)]);
        assert_eq!(parse(b"\x1bO"), vec![k(KeyCode::Char('O'), ALT | SHIFT)]);
        assert_eq!(parse(b"\x1b[1;5"), vec![]);
        assert_eq!(
            parse(b"\x1bOx"),
            vec![k(KeyCode::Char('O'), ALT | SHIFT), ch('x')]
        );
    }

    #[test]
    fn unknown_sequences_are_dropped_whole_then_parsing_continues() {
        let bytes = b"\x1b[99~a\x1b[?1049hb\x1b[1;5Xc\x1b[>0;1uc\x1b[[Zd\x1b[<99;1;1Me\x1b[201~f";
        let want: Vec<Event> = "abccdef".chars().map(ch).collect();
        assert_eq!(parse(bytes), want);
        assert_eq!(parse_bytewise(bytes), want);
    }

    #[test]
    fn control_byte_inside_csi_drops_it_and_counts_itself() {
        assert_eq!(parse(b"\x1b[1\r"), vec![k(KeyCode::Enter, NONE)]);
        assert_eq!(parse(b"\x1b[1;\x1b[B"), vec![k(KeyCode::Down, NONE)]);
    }

    #[test]
    fn overlong_csi_is_capped_and_dropped() {
        let mut bytes = b"\x1b[".to_vec();
        bytes.extend(std::iter::repeat_n(b'1', 10_000));
        bytes.extend(b"~x");
        let now = Instant::now();
        let mut parser = InputParser::new();
        assert!(parser.feed(&bytes[..5000], now).is_empty());
        match &parser.state {
            State::Csi { body, overflow } => assert!(*overflow && body.len() <= CSI_CAP),
            other => panic!("not in a CSI: {other:?}"),
        }
        assert_eq!(parser.feed(&bytes[5000..], now), vec![ch('x')]);
    }

    /// Bytes biased towards the ones that make sequences, so the fuzzing reaches them.
    fn input_byte() -> impl Strategy<Value = u8> {
        prop_oneof![
            any::<u8>(),
            prop::sample::select(b"\x1b\x1b\x1b[[O<;;0125~~MmAZIu\r\x7f\xc3\xa9\xf0\x9f".to_vec()),
        ]
    }

    proptest! {
        #[test]
        fn any_split_gives_the_same_events_and_never_panics(
            bytes in prop::collection::vec(input_byte(), 0..2048),
            cuts in prop::collection::vec(1usize..64, 0..64),
        ) {
            let now = Instant::now();
            let later = now + Duration::from_secs(60);
            let mut whole = InputParser::new();
            let mut want = whole.feed(&bytes, now);
            want.extend(whole.flush(later));

            let mut split = InputParser::new();
            let mut got = Vec::new();
            let mut rest = &bytes[..];
            for cut in cuts.iter().cycle().take(bytes.len()) {
                let (head, tail) = rest.split_at((*cut).min(rest.len()));
                got.extend(split.feed(head, now));
                rest = tail;
            }
            got.extend(split.feed(rest, now));
            got.extend(split.flush(later));
            prop_assert_eq!(got, want);
        }
    }
}
