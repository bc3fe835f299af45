//! Drawing the application: a pure function of `&App` into a ratatui frame, one file per pane.
//!
//! The layout comes from [`crate::app::Layout`], computed for the frame's own size, so nothing
//! is ever drawn outside the screen whatever size the terminal reports.

pub mod bidi;
mod help;
mod problems;
mod query;
mod reader;
mod results;
pub mod screen_text;
mod shelves;
mod sidebar;
mod status;
pub mod theme;
mod timeline;
mod viewer;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

pub use self::theme::Theme;
use crate::app::{App, Area, Focus, Layout, Panes, display_width};

/// What the status line says when the screen is too small for anything else.
pub const TOO_SMALL: &str = "terminal too small";

/// What a drawn frame tells its front end beyond its cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Drawn {
    /// Where the terminal cursor belongs (the query line or the sidebar filter, when they
    /// have focus); the frame's cursor is set there too.
    pub cursor: Option<Position>,
    /// Where the status line shows the source link (`app.link`), for front ends that overlay
    /// it with an OSC 8 hyperlink.
    pub link: Option<Position>,
}

/// Draws the whole screen for `app`, from one layout computed for the frame's size, and puts
/// the cursor where it belongs.
pub fn draw(frame: &mut Frame<'_>, app: &App, theme: &Theme) -> Drawn {
    let size = frame.area();
    let layout = Layout::compute(size.width, size.height, app.sidebar.shown);
    let (panes, full) = match layout {
        Layout::TooSmall => {
            let line = Line::styled(
                screen_text::fit(TOO_SMALL, usize::from(size.width)),
                theme.error,
            );
            frame.render_widget(Paragraph::new(line), size);
            return Drawn::default();
        }
        Layout::Compact(p) => (p, false),
        Layout::Full(p) => (p, true),
    };
    if let Some(reader) = &app.reader {
        reader::render(frame, rect(panes.body), reader, theme);
    } else {
        if let Some(side) = panes.sidebar {
            sidebar::render(frame, rect(side), app, theme);
        }
        query::render(frame, rect(panes.query), app, theme, full);
        results::render(frame, rect(panes.list), app, theme, full);
        if let Some(viewer) = panes.viewer {
            viewer::render(frame, rect(viewer), app, theme);
        }
    }
    status::render(frame, rect(panes.status), app, theme);
    if let Some(scroll) = app.help {
        help::render(frame, rect(panes.body), app, scroll, theme);
    } else if let Some(scroll) = app.problems {
        problems::render(frame, rect(panes.body), app, scroll, theme);
    } else if let Some(view) = &app.timeline {
        timeline::render(frame, rect(panes.under_query()), view, theme);
    } else if let Some(selected) = app.shelves {
        shelves::render(frame, rect(panes.under_query()), app, selected, theme);
    } else if let Some(list) = &app.searches {
        shelves::render_searches(frame, rect(panes.under_query()), app, list, theme);
    }
    if app.bidi == bidi::Bidi::App {
        bidi::to_visual(frame.buffer_mut());
    }
    let drawn = Drawn {
        cursor: cursor(app, &panes, full),
        link: link_position(app, &panes),
    };
    if let Some(position) = drawn.cursor {
        frame.set_cursor_position(position);
    }
    drawn
}

/// The frame shown while the corpus loads: at once, so a large corpus never leaves the
/// terminal blank.
pub fn draw_loading(frame: &mut Frame<'_>, message: &str, theme: &Theme) {
    let area = frame.area();
    let width = usize::from(area.width);
    let mut lines = vec![Line::default(); usize::from(area.height / 2).saturating_sub(1)];
    let centred = |text: &str| {
        let pad = width.saturating_sub(display_width(text)) / 2;
        format!("{}{text}", " ".repeat(pad))
    };
    lines.push(Line::styled(
        screen_text::fit(&centred(message), width),
        theme.title,
    ));
    lines.push(Line::styled(
        screen_text::fit(&centred("q or ctrl-c stops"), width),
        theme.dim,
    ));
    frame.render_widget(Paragraph::new(lines), area);
}

/// The cell where the terminal cursor belongs: in the query line or the sidebar filter when
/// they have focus, nowhere otherwise.
fn cursor(app: &App, panes: &Panes, full: bool) -> Option<Position> {
    if app.prompt.is_some() {
        return query::cursor(rect(panes.query), app, full);
    }
    if app.reader.is_some()
        || app.help.is_some()
        || app.shelves.is_some()
        || app.searches.is_some()
        || app.timeline.is_some()
    {
        return None;
    }
    match app.focus {
        Focus::Query => query::cursor(rect(panes.query), app, full),
        Focus::Sidebar => panes.sidebar.and_then(|s| sidebar::cursor(rect(s), app)),
        Focus::Results | Focus::Viewer => None,
    }
}

/// Where the status line shows the source link, if it shows one.
fn link_position(app: &App, panes: &Panes) -> Option<Position> {
    app.link.as_ref()?;
    let column = u16::try_from(status::LINK_LABEL.len()).ok()?;
    (column < panes.status.width).then_some(Position::new(column, panes.status.y))
}

fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}

/// A bordered pane, its border bright when it has focus.
fn pane<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(if focused { theme.focused } else { theme.border })
        .title(title.into().style(theme.title))
}

/// An overlay over `area`: a bright rounded border titled `title` (cut to fit); returns the
/// area inside it.
fn titled_overlay(frame: &mut Frame<'_>, area: Rect, title: &str, theme: &Theme) -> Rect {
    let room = usize::from(area.width.saturating_sub(2));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.focused)
        .title(Line::styled(screen_text::clip(title, room), theme.title));
    overlay(frame, area, block)
}

/// Clears `area` and draws a bordered box on it: the base of overlays.
fn overlay<'a>(frame: &mut Frame<'_>, area: Rect, block: Block<'a>) -> Rect {
    frame.render_widget(Clear, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}
