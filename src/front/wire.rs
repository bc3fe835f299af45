//! A ratatui backend that spends as few bytes as it can on each frame, for terminals at the
//! far end of a slow link (every SSH session, and the local TUI run over plain `ssh`).
//!
//! Ratatui hands a backend only the cells that changed. This one also keeps a copy of what
//! the terminal shows, so it can do better than one cursor jump per run of changes: it
//! rewrites a few unchanged cells rather than jump over them, clears a row's blank tail with
//! one erase, moves the cursor relatively when that is shorter, and merges every attribute
//! change into one SGR sequence with the short colour codes. A frame leaves in one write.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthStr;

use self::moves::{cheapest_move, csi};
use self::sgr::{Pen, sgr};

mod moves;
mod sgr;

/// A backend that writes minimal escape sequences to `W`; see the module documentation.
#[derive(Debug)]
pub struct WireBackend<W: Write> {
    out: W,
    /// The frame being encoded; written to `out` on flush.
    pending: Vec<u8>,
    /// The size set by the owner, or `None` to ask the operating system (a local terminal).
    fixed: Option<Size>,
    /// What the terminal shows, row by row; `shown_size` wide and high.
    shown: Vec<Cell>,
    shown_size: Size,
    /// Where the terminal's cursor is, when known for sure.
    cursor: Option<Position>,
    /// The attributes the terminal will give the next printed character.
    pen: Pen,
    /// Whether the cursor is visible, when known.
    visible: Option<bool>,
}

impl<W: Write> WireBackend<W> {
    /// A backend for a terminal of a known size (an SSH session); change it with [`Self::resize`].
    pub fn new(out: W, width: u16, height: u16) -> Self {
        Self::with(out, Some(Size::new(width, height)))
    }

    /// A backend for the local terminal, whose size is asked of the operating system.
    pub fn local(out: W) -> Self {
        Self::with(out, None)
    }

    fn with(out: W, fixed: Option<Size>) -> Self {
        Self {
            out,
            pending: Vec::new(),
            fixed,
            shown: Vec::new(),
            shown_size: Size::new(0, 0),
            cursor: None,
            pen: Pen::default(),
            visible: None,
        }
    }

    /// Sets the size of a fixed-size terminal (the client's window changed).
    pub fn resize(&mut self, width: u16, height: u16) {
        self.fixed = Some(Size::new(width, height));
    }

    /// Forgets where the cursor is: something else wrote to the terminal since the last frame.
    pub fn forget_cursor(&mut self) {
        self.cursor = None;
    }

    /// Queues bytes that are not cells (a frame's bracketing, a hyperlink) into the output,
    /// written with the next flush.
    pub fn raw(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
    }

    fn shown_cell(&self, x: u16, y: u16) -> Option<&Cell> {
        if x >= self.shown_size.width || y >= self.shown_size.height {
            return None;
        }
        self.shown
            .get(usize::from(y) * usize::from(self.shown_size.width) + usize::from(x))
    }

    /// Starts over with a blank screen of the current size (after a full clear).
    fn blank(&mut self) -> io::Result<()> {
        self.shown_size = self.size()?;
        self.shown = vec![
            Cell::default();
            usize::from(self.shown_size.width) * usize::from(self.shown_size.height)
        ];
        Ok(())
    }

    /// Sets the pen to the attributes of `to`, with one SGR sequence if any.
    fn set_pen(&mut self, to: Pen) {
        if let Some(sequence) = sgr(self.pen, to) {
            self.pending.extend_from_slice(sequence.as_bytes());
        }
        self.pen = to;
    }

    fn move_to(&mut self, to: Position) {
        let sequence = cheapest_move(self.cursor, to);
        self.pending.extend_from_slice(sequence.as_bytes());
        self.cursor = Some(to);
    }

    /// Prints the shown cell at `at`, where the cursor is, and advances the cursor.
    fn print(&mut self, at: Position) {
        let Some(cell) = self.shown_cell(at.x, at.y).cloned() else {
            return;
        };
        self.set_pen(Pen::of(&cell));
        let symbol = cell.symbol();
        self.pending.extend_from_slice(symbol.as_bytes());
        let end = at.x.saturating_add(1);
        // Past the last column the terminal's cursor waits to wrap, and terminals disagree
        // on the width of wide and zero-width symbols: in both cases the next write jumps.
        self.cursor = (symbol.width() == 1 && end < self.shown_size.width)
            .then_some(Position::new(end, at.y));
    }

    /// What it costs to reach `to` by rewriting the unchanged cells between the cursor and
    /// it, or `None` when that is impossible or unsafe (not plain ASCII, not on this row).
    fn bridge_cost(&self, to: Position) -> Option<usize> {
        let from = self.cursor.filter(|c| c.y == to.y && c.x <= to.x)?;
        let mut pen = self.pen;
        let mut cost = 0;
        for x in from.x..to.x {
            let cell = self.shown_cell(x, to.y)?;
            let plain = matches!(cell.symbol().as_bytes(), [b' '..=b'~']);
            let covered = self.covering_head(x, to.y).is_some();
            if !plain || covered || cell.diff_option == CellDiffOption::Skip {
                return None;
            }
            let next = Pen::of(cell);
            cost += 1 + sgr(pen, next).map_or(0, |s| s.len());
            pen = next;
        }
        Some(cost)
    }

    /// Brings the cursor to `to`, by rewriting the cells on the way when that is cheaper.
    fn reach(&mut self, to: Position) {
        let jump = cheapest_move(self.cursor, to).len();
        if self.bridge_cost(to).is_some_and(|bridge| bridge <= jump) {
            if let Some(from) = self.cursor {
                for x in from.x..to.x {
                    self.print(Position::new(x, to.y));
                }
            }
        }
        if self.cursor != Some(to) {
            self.move_to(to);
        }
    }

    /// How many columns the shown cell at `x` takes (1 off the screen).
    fn span(&self, x: u16, y: u16) -> u16 {
        self.shown_cell(x, y).map_or(1, |c| span_of(c.symbol()))
    }

    /// The column of the wide symbol whose second half is at `x`, if one is.
    fn covering_head(&self, x: u16, y: u16) -> Option<u16> {
        (1..=3)
            .filter_map(|k| x.checked_sub(k))
            .find(|&head| self.span(head, y) > x - head)
    }

    /// Records that `cell` goes to `x`, and adds to `changed` the columns of any wide symbol
    /// the write cuts in half: terminals blank the other half as they see fit, so it is
    /// written again. The columns a wide symbol covers hold blanks, as in ratatui's buffer.
    fn apply(&mut self, x: u16, y: u16, cell: &Cell, changed: &mut Vec<(u16, u16)>) {
        let end = x.saturating_add(span_of(cell.symbol()));
        let mut cut = |from: u16, to: u16| {
            changed.extend((from..to).filter(|&c| c < x || c >= end).map(|c| (y, c)));
        };
        if let Some(head) = self.covering_head(x, y) {
            cut(head, head.saturating_add(self.span(head, y)));
        }
        for column in x..end {
            let span = self.span(column, y);
            if span > 1 {
                cut(column, column.saturating_add(span));
            }
        }
        let width = usize::from(self.shown_size.width);
        let row = usize::from(y) * width;
        for column in x..end.min(self.shown_size.width) {
            if let Some(shown) = self.shown.get_mut(row + usize::from(column)) {
                *shown = if column == x {
                    cell.clone()
                } else {
                    Cell::default()
                };
            }
        }
    }

    /// Whether the cell at `x` shows nothing an erase would not also show.
    fn erasable(&self, x: u16, y: u16) -> bool {
        self.shown_cell(x, y).is_some_and(looks_blank) && self.covering_head(x, y).is_none()
    }

    /// Writes the changed cells of row `y` (sorted columns). A run of changed cells that
    /// became blank is erased in one sequence when that is shorter than writing spaces: to
    /// the end of the row (EL), or a count of cells (ECH).
    fn encode_row(&mut self, y: u16, changed: &[u16]) {
        let mut rest = changed;
        while let Some((&x, after)) = rest.split_first() {
            rest = after;
            // The second half of a wide symbol: printing the symbol covered it.
            let empty = self.shown_cell(x, y).is_some_and(|c| c.symbol().is_empty());
            if empty || self.covering_head(x, y).is_some() {
                continue;
            }
            let at = Position::new(x, y);
            if self.erasable(x, y) {
                let mut end = x + 1;
                while end < self.shown_size.width && self.erasable(end, y) {
                    end += 1;
                }
                let last = rest.iter().take_while(|&&c| c < end).last().copied();
                let count = last.unwrap_or(x) - x + 1;
                let to_row_end = end == self.shown_size.width;
                if (to_row_end && count >= EL_FROM) || count >= ECH_FROM {
                    self.reach(at);
                    self.set_pen(Pen::default());
                    let sequence = if to_row_end {
                        "\x1b[K".to_string()
                    } else {
                        csi(count, 'X')
                    };
                    self.pending.extend_from_slice(sequence.as_bytes());
                    rest = &rest[rest.iter().take_while(|&&c| c < end).count()..];
                    continue;
                }
            }
            self.reach(at);
            self.print(at);
        }
    }
}

/// Fewest changed blanks at a row's end worth an erase-line (3 bytes) instead of spaces.
const EL_FROM: u16 = 4;
/// Fewest changed blanks inside a row worth an erase-characters (and the jump after it).
const ECH_FROM: u16 = 10;

impl<W: Write> Backend for WireBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        if self.shown_size != self.size()? {
            self.blank()?;
        }
        let updates: Vec<(u16, u16, &Cell)> = content
            .filter(|&(x, y, _)| x < self.shown_size.width && y < self.shown_size.height)
            .collect();
        let mut changed: Vec<(u16, u16)> = Vec::with_capacity(updates.len());
        for (x, y, cell) in updates {
            changed.push((y, x));
            self.apply(x, y, cell, &mut changed);
        }
        changed.sort_unstable();
        changed.dedup();
        for row in changed.chunk_by(|a, b| a.0 == b.0) {
            let columns: Vec<u16> = row.iter().map(|&(_, x)| x).collect();
            self.encode_row(row[0].0, &columns);
        }
        // Whatever is written between frames (a clipboard sequence, a farewell) starts plain.
        self.set_pen(Pen::default());
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(false) {
            self.pending.extend_from_slice(b"\x1b[?25l");
            self.visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(true) {
            self.pending.extend_from_slice(b"\x1b[?25h");
            self.visible = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor.unwrap_or_default())
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        if self.cursor != Some(position) {
            self.move_to(position);
        }
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.set_pen(Pen::default());
        let at = self.cursor.unwrap_or_default();
        let (sequence, from, to): (&[u8], usize, usize) = {
            let width = usize::from(self.shown_size.width);
            let here = usize::from(at.y) * width + usize::from(at.x);
            let row = usize::from(at.y) * width;
            match clear_type {
                ClearType::All => (b"\x1b[2J", 0, usize::MAX),
                ClearType::AfterCursor => (b"\x1b[J", here, usize::MAX),
                ClearType::BeforeCursor => (b"\x1b[1J", 0, here + 1),
                ClearType::CurrentLine => (b"\x1b[2K", row, row + width),
                ClearType::UntilNewLine => (b"\x1b[K", here, row + width),
            }
        };
        // A cursor position nobody knows must be set before a partial clear means anything.
        if self.cursor.is_none() && !matches!(clear_type, ClearType::All) {
            self.move_to(at);
        }
        self.pending.extend_from_slice(sequence);
        if self.shown_size != self.size()? || (from == 0 && to == usize::MAX) {
            self.blank()?;
        } else {
            let end = to.min(self.shown.len());
            for cell in self.shown.get_mut(from.min(end)..end).into_iter().flatten() {
                cell.reset();
            }
        }
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.fixed {
            Some(size) => Ok(size),
            None => {
                let (width, height) = ratatui::crossterm::terminal::size()?;
                Ok(Size::new(width, height))
            }
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size()?,
            pixels: Size::new(0, 0),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.out.write_all(&self.pending)?;
            self.pending.clear();
        }
        self.out.flush()
    }
}

/// How many columns a symbol takes on the terminal; at least one.
fn span_of(symbol: &str) -> u16 {
    u16::try_from(symbol.width()).unwrap_or(1).max(1)
}

/// Whether a cell is what an erase leaves: a space with no colour and no attribute. (A
/// coloured space looks the same, but the terminal would then hold other attributes than
/// the buffer, and a later frame could show the difference.)
fn looks_blank(cell: &Cell) -> bool {
    cell.symbol() == " " && Pen::of(cell) == Pen::default()
}

#[cfg(test)]
mod tests;
