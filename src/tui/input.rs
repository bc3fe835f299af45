//! Terminal input: the raw bytes a terminal sends, turned into crossterm events.
//!
//! Both front-ends read bytes, not events: the local TUI from its terminal, an SSH session from
//! its channel. [`InputParser`] decodes them (UTF-8 text, control keys, Alt prefixes, CSI and
//! SS3 key sequences, SGR and X10 mouse reports, bracketed paste, focus reports) into the events
//! crossterm's own unix parser gives, so the keymap and event handling behave alike locally and
//! remotely — and no byte waits unread for the next key.
//!
//! It is a byte-at-a-time state machine, so any split of the stream between [`InputParser::feed`]
//! calls gives the same events. The one ambiguity, a lone ESC (the Esc key, or the start of a
//! sequence?), is settled by time: see [`ESC_TIMEOUT`] and [`InputParser::flush`]. A bracketed
//! paste whose end marker never comes ends after [`PASTE_IDLE`] without bytes, and Ctrl-C ends it
//! at once, so a broken paste never swallows the keys after it. Every buffer is capped, unknown
//! sequences are dropped whole, and nothing panics.

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

/// How long a bracketed paste may go without a byte before it is taken as ended: a terminal
/// sends a paste in one burst, so a pause this long means its end marker was lost.
pub const PASTE_IDLE: Duration = Duration::from_millis(500);

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
    /// When the last byte of a pending bracketed paste arrived.
    paste_at: Option<Instant>,
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
    /// midway is dropped; a paste idle for [`PASTE_IDLE`] ends with what it holds.
    pub fn flush(&mut self, now: Instant) -> Vec<Event> {
        let mut out = Vec::new();
        if self.deadline().is_some_and(|due| now >= due) {
            match std::mem::take(&mut self.state) {
                State::Esc => out.push(key(KeyCode::Esc, NONE)),
                State::Ss3 => out.push(char_key('O', KeyModifiers::ALT)),
                State::Csi { body, .. } if body.is_empty() => {
                    out.push(char_key('[', KeyModifiers::ALT));
                }
                State::Paste { buf, matched } => out.push(pasted(buf, matched)),
                _ => {}
            }
            self.esc_at = None;
            self.paste_at = None;
        }
        out
    }

    /// When `flush` next has something to do (None when nothing is pending), so the session
    /// loop can sleep until then.
    ///
    /// Sequences begun by ESC wait [`ESC_TIMEOUT`], a paste [`PASTE_IDLE`] after its last byte;
    /// an unfinished UTF-8 character waits for bytes instead, so it gives None.
    #[must_use]
    pub fn deadline(&self) -> Option<Instant> {
        match self.state {
            State::Esc | State::Ss3 | State::Csi { .. } | State::X10 { .. } => {
                self.esc_at.map(|at| at + ESC_TIMEOUT)
            }
            State::Paste { .. } => self.paste_at.map(|at| at + PASTE_IDLE),
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
            State::Paste { buf, matched } => {
                self.paste_at = Some(now);
                self.paste(buf, matched, byte, out);
            }
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
                self.paste_at = Some(now);
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
    /// Ctrl-C ends the paste and goes through as a key: a way out of a paste that never ends.
    fn paste(&mut self, mut buf: Vec<u8>, matched: usize, byte: u8, out: &mut Vec<Event>) {
        if byte == 0x03 {
            out.push(pasted(buf, matched));
            out.push(char_key('c', KeyModifiers::CONTROL));
            return;
        }
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

/// The paste of `buf`, without the first `matched` bytes of an end marker it was cut inside.
fn pasted(mut buf: Vec<u8>, matched: usize) -> Event {
    buf.truncate((buf.len().saturating_sub(matched)).min(PASTE_CAP));
    Event::Paste(String::from_utf8_lossy(&buf).into_owned())
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
mod tests;
