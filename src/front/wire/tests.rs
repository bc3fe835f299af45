use std::num::NonZero;

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::moves::cheapest_move;
use super::sgr::{Pen, palette_index, sgr};
use super::*;
use crate::front::outbox::Outbox;

fn pen(fg: Color, bg: Color, modifier: Modifier) -> Pen {
    Pen {
        fg,
        bg,
        underline: Color::Reset,
        modifier,
    }
}

#[test]
fn attribute_changes_are_one_short_sequence() {
    let plain = Pen::default();
    let hit = pen(Color::Yellow, Color::Reset, Modifier::BOLD);
    assert_eq!(sgr(plain, plain), None);
    assert_eq!(sgr(plain, hit).as_deref(), Some("\x1b[1;33m"));
    assert_eq!(sgr(hit, plain).as_deref(), Some("\x1b[m"));
    let dim = pen(Color::Yellow, Color::Reset, Modifier::DIM);
    assert_eq!(sgr(hit, dim).as_deref(), Some("\x1b[22;2m"));
    let bright = pen(Color::LightGreen, Color::Indexed(236), Modifier::empty());
    assert_eq!(sgr(plain, bright).as_deref(), Some("\x1b[92;48;5;236m"));
    let rgb = pen(Color::Rgb(1, 2, 3), Color::Reset, Modifier::empty());
    assert_eq!(sgr(plain, rgb).as_deref(), Some("\x1b[38;2;1;2;3m"));
    // Turning off three things costs more than starting over.
    let busy = pen(
        Color::Red,
        Color::Blue,
        Modifier::ITALIC | Modifier::UNDERLINED | Modifier::REVERSED,
    );
    assert_eq!(
        sgr(busy, pen(Color::Red, Color::Reset, Modifier::empty())).as_deref(),
        Some("\x1b[0;31m")
    );
}

#[test]
fn moves_are_the_shortest_available() {
    let at = |x, y| Some(Position::new(x, y));
    assert_eq!(cheapest_move(None, Position::new(0, 0)), "\x1b[H");
    assert_eq!(cheapest_move(None, Position::new(0, 4)), "\x1b[5H");
    assert_eq!(cheapest_move(None, Position::new(9, 4)), "\x1b[5;10H");
    assert_eq!(cheapest_move(at(3, 2), Position::new(3, 2)), "");
    assert_eq!(cheapest_move(at(3, 2), Position::new(4, 2)), "\x1b[C");
    assert_eq!(cheapest_move(at(3, 2), Position::new(40, 2)), "\x1b[37C");
    assert_eq!(cheapest_move(at(30, 2), Position::new(0, 2)), "\r");
    assert_eq!(cheapest_move(at(30, 2), Position::new(0, 3)), "\n\r");
    assert_eq!(cheapest_move(at(30, 2), Position::new(30, 4)), "\n\n");
    assert_eq!(cheapest_move(at(30, 20), Position::new(2, 1)), "\x1b[2;3H");
}

fn nonzero(n: u16) -> NonZero<u16> {
    NonZero::new(n).unwrap_or(NonZero::<u16>::MIN)
}

/// A terminal over a tape, `width` x `height`.
fn terminal(width: u16, height: u16) -> (Terminal<WireBackend<Outbox>>, Outbox) {
    let tape = Outbox::default();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
    };
    let backend = WireBackend::new(tape.clone(), width, height);
    let terminal = Terminal::with_options(backend, options).unwrap_or_else(|e| panic!("{e}"));
    (terminal, tape)
}

fn vt_colour(color: Color) -> vt100::Color {
    match color {
        Color::Reset => vt100::Color::Default,
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        other => vt100::Color::Idx(palette_index(other).unwrap_or(0)),
    }
}

/// Asserts that the emulated screen shows exactly the buffer: symbols, colours, attributes.
fn assert_shows(screen: &vt100::Screen, buffer: &Buffer) {
    let area = buffer.area;
    for y in 0..area.height {
        for x in 0..area.width {
            let want = &buffer[(x, y)];
            let covered = x > 0 && buffer[(x - 1, y)].symbol().width() > 1;
            if want.symbol().is_empty() || covered {
                continue;
            }
            let got = screen
                .cell(y, x)
                .unwrap_or_else(|| panic!("no cell at {x},{y}"));
            let where_ = format!("cell {x},{y} of\n{}", screen.contents());
            let shown = if got.has_contents() {
                got.contents()
            } else {
                " "
            };
            assert_eq!(shown, want.symbol(), "{where_}");
            assert_eq!(got.fgcolor(), vt_colour(want.fg), "fg of {where_}");
            assert_eq!(got.bgcolor(), vt_colour(want.bg), "bg of {where_}");
            assert_eq!(
                got.bold(),
                want.modifier.contains(Modifier::BOLD),
                "{where_}"
            );
            assert_eq!(got.dim(), want.modifier.contains(Modifier::DIM), "{where_}");
            assert_eq!(
                got.italic(),
                want.modifier.contains(Modifier::ITALIC),
                "{where_}"
            );
            assert_eq!(
                got.underline(),
                want.modifier.contains(Modifier::UNDERLINED),
                "{where_}"
            );
            assert_eq!(
                got.inverse(),
                want.modifier.contains(Modifier::REVERSED),
                "{where_}"
            );
        }
    }
}

/// One random frame: rows of styled runs, and maybe a cursor.
#[derive(Debug, Clone)]
struct Scene {
    rows: Vec<Vec<(String, usize)>>,
    cursor: Option<(u16, u16)>,
}

const STYLES: [(Color, Color, Modifier); 6] = [
    (Color::Reset, Color::Reset, Modifier::empty()),
    (Color::Yellow, Color::Reset, Modifier::BOLD),
    (Color::LightGreen, Color::Rgb(45, 50, 70), Modifier::empty()),
    (Color::Gray, Color::Reset, Modifier::DIM),
    (Color::Indexed(200), Color::Blue, Modifier::ITALIC),
    (Color::Reset, Color::Reset, Modifier::REVERSED),
];

fn scene(height: usize) -> impl Strategy<Value = Scene> {
    let run = (
        prop::sample::select(vec![
            "a",
            "bb",
            "   ",
            "x y",
            "ق",
            "هادي",
            "中",
            "é",
            " ",
            "--",
            "            ",
        ]),
        0..STYLES.len(),
    )
        .prop_map(|(s, style)| (s.to_string(), style));
    (
        prop::collection::vec(prop::collection::vec(run, 0..8), height),
        prop::option::of((0u16..30, 0u16..7)),
    )
        .prop_map(|(rows, cursor)| Scene { rows, cursor })
}

fn draw(terminal: &mut Terminal<WireBackend<Outbox>>, scene: &Scene) -> Buffer {
    let frame = terminal
        .draw(|frame| {
            let area = frame.area();
            let buffer = frame.buffer_mut();
            for (y, row) in scene.rows.iter().enumerate().take(usize::from(area.height)) {
                let mut x = 0;
                for (text, style) in row {
                    let (fg, bg, modifier) = STYLES[*style];
                    let style = Style::new().fg(fg).bg(bg).add_modifier(modifier);
                    let room = usize::from(area.width.saturating_sub(x));
                    let y = u16::try_from(y).unwrap_or(0);
                    x = buffer.set_stringn(x, y, text, room, style).0;
                }
            }
            if let Some((x, y)) = scene.cursor {
                if x < area.width && y < area.height {
                    frame.set_cursor_position((x, y));
                }
            }
        })
        .unwrap_or_else(|e| panic!("{e}"));
    frame.buffer.clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever sequence of frames is drawn, a terminal emulator fed the bytes shows each
    /// frame exactly, with the cursor where the frame put it.
    #[test]
    fn an_emulator_shows_every_frame_exactly(
        scenes in prop::collection::vec(scene(7), 1..8),
        resize_at in prop::option::of(0usize..8),
        grow in any::<bool>(),
    ) {
        let (mut width, mut height) = (24u16, 6u16);
        let (mut terminal, tape) = terminal(width, height);
        let mut vt = vt100::Parser::new(nonzero(height), nonzero(width), 0);
        for (i, scene) in scenes.iter().enumerate() {
            if resize_at == Some(i) {
                (width, height) = if grow { (30, 7) } else { (18, 5) };
                terminal.backend_mut().resize(width, height);
                terminal
                    .resize(Rect::new(0, 0, width, height))
                    .unwrap_or_else(|e| panic!("{e}"));
                vt.screen_mut().set_size(nonzero(height), nonzero(width));
            }
            let buffer = draw(&mut terminal, scene);
            vt.process(&tape.take());
            assert_shows(vt.screen(), &buffer);
            match scene.cursor.filter(|&(x, y)| x < width && y < height) {
                Some((x, y)) => {
                    prop_assert!(!vt.screen().hide_cursor());
                    prop_assert_eq!(vt.screen().cursor_position(), (y, x));
                }
                None => prop_assert!(vt.screen().hide_cursor()),
            }
        }
    }
}

#[test]
fn a_frame_that_empties_rows_erases_them() {
    let (mut terminal, tape) = terminal(40, 3);
    let full = Scene {
        rows: vec![vec![("x".repeat(40), 0)]; 3],
        cursor: None,
    };
    draw(&mut terminal, &full);
    let _ = tape.take();
    let empty = Scene {
        rows: vec![vec![("x".to_string(), 0)]; 3],
        cursor: None,
    };
    draw(&mut terminal, &empty);
    let bytes = String::from_utf8(tape.take()).unwrap_or_default();
    assert_eq!(bytes, "\x1b[1;2H\x1b[K\n\x1b[K\n\x1b[K");
}

#[test]
fn short_gaps_are_rewritten_not_jumped() {
    let (mut terminal, tape) = terminal(20, 1);
    let before = Scene {
        rows: vec![vec![("abcdefghij".to_string(), 0)]],
        cursor: None,
    };
    draw(&mut terminal, &before);
    let _ = tape.take();
    let after = Scene {
        rows: vec![vec![("AbCdefghiJ".to_string(), 0)]],
        cursor: None,
    };
    draw(&mut terminal, &after);
    let bytes = String::from_utf8(tape.take()).unwrap_or_default();
    // Back to the row start with a carriage return; rewriting "b" beats a jump, rewriting
    // "defghi" does not.
    assert_eq!(bytes, "\rAbC\x1b[6CJ");
}

#[test]
fn blank_runs_inside_a_row_are_erased_by_count() {
    let (mut terminal, tape) = terminal(30, 1);
    let text = |middle: &str| Scene {
        rows: vec![vec![(format!("ab{middle}|"), 0)]],
        cursor: None,
    };
    draw(&mut terminal, &text("cdefghijklmnop"));
    let _ = tape.take();
    draw(&mut terminal, &text(&" ".repeat(14)));
    let bytes = String::from_utf8(tape.take()).unwrap_or_default();
    assert_eq!(bytes, "\x1b[15D\x1b[14X");
}
