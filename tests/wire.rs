//! The whole app drawn through the wire backend into a terminal emulator (vt100): after every
//! step of a session, the emulated screen holds exactly what ratatui's buffer holds, so the
//! byte-saving encoder never leaves a stale or miscoloured cell behind.

#![allow(clippy::expect_used)]

use std::num::NonZero;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::{Terminal, TerminalOptions, Viewport, layout::Rect};
use spotlight::app::{Action, App};
use spotlight::corpus::Corpus;
use spotlight::front::outbox::Outbox;
use spotlight::front::wire::WireBackend;
use spotlight::index::Index;
use spotlight::ui::{self, Theme};
use unicode_width::UnicodeWidthStr;

fn vt_colour(color: Color) -> vt100::Color {
    let named = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match color {
        Color::Reset => vt100::Color::Default,
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        Color::Indexed(n) => vt100::Color::Idx(n),
        other => vt100::Color::Idx(
            named
                .iter()
                .position(|&c| c == other)
                .and_then(|i| u8::try_from(i).ok())
                .expect("a named colour"),
        ),
    }
}

/// The differences between the emulated screen and the buffer, described.
fn differences(screen: &vt100::Screen, buffer: &Buffer) -> Vec<String> {
    let mut found = Vec::new();
    let area = buffer.area;
    for y in 0..area.height {
        for x in 0..area.width {
            let want = &buffer[(x, y)];
            let covered = x > 0 && buffer[(x - 1, y)].symbol().width() > 1;
            if covered {
                continue;
            }
            let Some(got) = screen.cell(y, x) else {
                found.push(format!("{x},{y}: no cell"));
                continue;
            };
            let shown = if got.has_contents() {
                got.contents()
            } else {
                " "
            };
            let mut wrong = Vec::new();
            if shown != want.symbol() {
                wrong.push(format!("{shown:?} for {:?}", want.symbol()));
            }
            if got.bgcolor() != vt_colour(want.bg) {
                wrong.push(format!("bg {:?} for {:?}", got.bgcolor(), want.bg));
            }
            if got.fgcolor() != vt_colour(want.fg) {
                wrong.push(format!("fg {:?} for {:?}", got.fgcolor(), want.fg));
            }
            if got.bold() != want.modifier.contains(Modifier::BOLD) {
                wrong.push("bold".into());
            }
            if got.inverse() != want.modifier.contains(Modifier::REVERSED) {
                wrong.push("reversed".into());
            }
            if !wrong.is_empty() {
                found.push(format!("{x},{y}: {}", wrong.join(", ")));
            }
        }
    }
    found
}

#[test]
fn every_frame_of_a_session_reaches_the_terminal_exactly() {
    for (width, height) in [(120u16, 40u16), (80, 24), (40, 12)] {
        let mut app = App::new(Index::build(Corpus::bundled()), width, height);
        app.search_inline();
        let tape = Outbox::default();
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        };
        let backend = WireBackend::new(tape.clone(), width, height);
        let mut terminal = Terminal::with_options(backend, options).expect("a terminal");
        let mut vt = vt100::Parser::new(
            NonZero::new(height).expect("rows"),
            NonZero::new(width).expect("columns"),
            0,
        );
        let mut steps: Vec<Vec<Action>> = "hadi".chars().map(|c| vec![Action::Insert(c)]).collect();
        steps.push(vec![Action::Backspace; 4]);
        steps.extend("ameri".chars().map(|c| vec![Action::Insert(c)]));
        steps.extend([
            vec![Action::Down],
            vec![Action::Down, Action::Down],
            vec![Action::Open],
            vec![Action::NextQuote],
            vec![Action::Back],
            vec![Action::ClearQuery],
            vec![Action::ToggleSidebar],
            vec![Action::Help],
            vec![Action::Back],
        ]);
        steps.extend("العامري".chars().map(|c| vec![Action::Insert(c)]));
        for (i, step) in steps.iter().enumerate() {
            for action in step {
                app.update(action.clone());
            }
            app.search_inline();
            let frame = terminal
                .draw(|frame| {
                    ui::draw(frame, &app, &Theme::dark());
                })
                .expect("drawn");
            let buffer = frame.buffer.clone();
            vt.process(&tape.take());
            let wrong = differences(vt.screen(), &buffer);
            assert!(
                wrong.is_empty(),
                "{width}x{height}, step {i} {step:?}:\n{}\n{}",
                wrong.join("\n"),
                vt.screen().contents()
            );
        }
    }
}
