//! Moving a view to a corpus read again after it changed on disk: quote ids are positions and
//! change with the corpus, so what the view shows is found again by the quotes' and pieces'
//! stable ids.

use std::sync::Arc;

use super::{App, Notice, Reader, Reloaded};
use crate::index::Index;
use crate::index::quotes::QuoteId;

impl App {
    /// Moves to `reloaded`'s index: the results and the selection keep the quotes that are
    /// still there, the reader stays open on its piece (same place, same quote) unless the
    /// piece is gone, the query runs again, and the status line says what changed.
    pub(super) fn reload(&mut self, reloaded: Reloaded) {
        let old = std::mem::replace(&mut self.index, reloaded.index.0);
        let new = Arc::clone(&self.index);
        let moved = |q: QuoteId| old.quote(q).and_then(|quote| new.quote_by_id(&quote.id));
        let selected = self.selected_quote().and_then(moved);
        self.results.hits.retain_mut(|hit| match moved(hit.quote) {
            Some(q) => {
                hit.quote = q;
                true
            }
            None => false,
        });
        self.selected = selected
            .and_then(|q| self.results.hits.iter().position(|h| h.quote == q))
            .unwrap_or(0);
        if let Some(reader) = self.reader.take() {
            self.reader = reopen(&old, &new, &reader);
            self.layout_reader();
        }
        self.marks.remap(moved);
        self.sidebar.refilter(&self.index);
        self.notice = Some(Notice {
            text: reloaded.summary,
            error: false,
        });
        self.submit();
        self.fresh = false;
        if let Some(name) = self.shelf.clone() {
            self.show_shelf(&name);
        }
        self.keep_selection_visible();
    }
}

/// `reader` opened again on the new index: its piece, its place and its quote.
fn reopen(old: &Index, new: &Index, reader: &Reader) -> Option<Reader> {
    let piece = old.corpus.pieces.get(reader.piece)?;
    let at = new.piece_index(&piece.id)? as usize;
    let quote = reader
        .cursor
        .and_then(|c| reader.marks.get(c))
        .and_then(|mark| match mark.kind {
            super::MarkKind::Quote(q) => old.quote(q),
            super::MarkKind::Mention(_) => None,
        })
        .and_then(|quote| new.quote_by_id(&quote.id));
    let mut reopened = Reader::open(new, at, quote);
    reopened.scroll = reader.scroll;
    Some(reopened)
}
