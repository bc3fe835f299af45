//! Actions while the piece reader is open.

use super::super::reader::{MarkKind, Reader};
use super::super::{Action, App, Focus};

impl App {
    pub(super) fn open_reader(&mut self) {
        let Some(quote) = self.selected_quote() else {
            return;
        };
        let Some(&piece) = self.index.piece.get(quote as usize) else {
            return;
        };
        self.reader = Some(Reader::open(&self.index, piece as usize, Some(quote)));
        self.layout_reader();
    }

    /// Columns and rows of the reader's text.
    fn reader_size(&self) -> (usize, usize) {
        let body = self.layout().panes().map(|p| p.body.inner());
        body.map_or((1, 1), |b| (usize::from(b.width), usize::from(b.height)))
    }

    pub(in crate::app) fn layout_reader(&mut self) {
        let (width, height) = self.reader_size();
        if let Some(reader) = self.reader.as_mut() {
            reader.layout(width, height);
        }
    }

    pub(super) fn update_reader(&mut self, action: Action) {
        let (_, height) = self.reader_size();
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        let page = height.saturating_sub(1).max(1);
        match action {
            Action::Back => self.reader = None,
            Action::FocusQuery => {
                self.reader = None;
                self.focus = Focus::Query;
            }
            Action::Up | Action::Scroll { up: true, .. } => {
                reader.scroll = reader.scroll.saturating_sub(scroll_rows(&action));
            }
            Action::Down | Action::Scroll { up: false, .. } => {
                reader.scroll += scroll_rows(&action);
            }
            Action::PageUp => reader.scroll = reader.scroll.saturating_sub(page),
            Action::PageDown => reader.scroll += page,
            Action::First => reader.scroll = 0,
            Action::Last => reader.scroll = usize::MAX / 2,
            Action::NextQuote | Action::PrevQuote => {
                reader.step(action == Action::NextQuote, |k| {
                    matches!(k, MarkKind::Quote(_))
                });
                reader.reveal_cursor(height);
            }
            Action::FocusNext | Action::FocusPrev => {
                reader.step(action == Action::FocusNext, |_| true);
                reader.reveal_cursor(height);
            }
            Action::Open => {
                let mark = reader.cursor.and_then(|c| reader.marks.get(c));
                if let Some(MarkKind::Mention(actor)) = mark.map(|m| &m.kind) {
                    let actor = *actor;
                    self.reader = None;
                    self.filter_by_actor(actor);
                }
                return;
            }
            Action::Copy => {
                let quote = reader.cursor.and_then(|c| match reader.marks.get(c)?.kind {
                    MarkKind::Quote(q) => Some(q),
                    MarkKind::Mention(_) => None,
                });
                self.copy(quote.or_else(|| self.selected_quote()));
                return;
            }
            Action::OpenLink => {
                let piece = reader.piece;
                self.open_link(Some(piece));
                return;
            }
            Action::Help => self.help = Some(0),
            Action::Problems => self.problems = Some(0),
            _ => {}
        }
        if let Some(reader) = self.reader.as_mut() {
            reader.clamp(height);
        }
    }
}

/// Lines one scroll step moves: a wheel notch moves several.
fn scroll_rows(action: &Action) -> usize {
    if matches!(action, Action::Scroll { .. }) {
        super::WHEEL
    } else {
        1
    }
}
