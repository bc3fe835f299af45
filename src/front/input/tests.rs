//! The input parser against every encoding it knows, and random bytes in random splits.
use super::*;
use proptest::prelude::*;
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

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
fn a_paste_whose_end_never_comes_ends_after_a_pause_and_keys_go_through_again() {
    let now = Instant::now();
    let mut parser = InputParser::new();
    assert!(parser.feed(b"\x1b[200~half a paste\x1b[20", now).is_empty());
    assert_eq!(parser.deadline(), Some(now + PASTE_IDLE));
    let soon = now + PASTE_IDLE / 2;
    assert!(parser.feed(b"", soon).is_empty());
    let later = now + PASTE_IDLE;
    assert_eq!(
        parser.flush(later),
        vec![Event::Paste("half a paste".into())]
    );
    assert_eq!(parser.feed(b"q", later), vec![ch('q')]);
    // Bytes keep a paste open: the pause counts from the last one.
    assert!(parser.feed(b"\x1b[200~a", now).is_empty());
    assert!(parser.feed(b"b", now + PASTE_IDLE / 2).is_empty());
    assert!(parser.flush(now + PASTE_IDLE).is_empty());
}

#[test]
fn ctrl_c_ends_a_paste_and_goes_through() {
    assert_eq!(
        parse(b"\x1b[200~stuck\x03x"),
        vec![
            Event::Paste("stuck".into()),
            k(KeyCode::Char('c'), CTRL),
            ch('x')
        ]
    );
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
