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

use self::decode::{char_key, control_key, csi_event, cursor_key, key, mouse, utf8_len};
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};

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

mod decode;
#[cfg(test)]
mod tests;
