//! The notes view: every quote with a note, as the result list, filtered by what is typed in
//! the query line (the note's words, the quote's, or the speaker's name) — the desk's own
//! filter, kept out of the search engine.

use super::{App, Focus};
use crate::index::quotes::QuoteId;
use crate::search::engine::{Hit, Results};

impl App {
    /// Opens the notes view; the query typed so far comes back when it is left.
    pub(super) fn open_notes(&mut self) {
        if self.desk.notes.is_empty() {
            return self.say("no notes yet: e writes one on the selected quote");
        }
        if self.notes_view.is_none() {
            self.notes_view = Some(self.query.text().to_string());
        }
        self.shelf = None;
        self.query.set("");
        self.selected = 0;
        self.offset = 0;
        self.focus = Focus::Query;
        self.show_notes();
    }

    /// Fills the result list with the noted quotes the query line's words match, in corpus
    /// order.
    pub(super) fn show_notes(&mut self) {
        let filter = self.query.text().trim().to_lowercase();
        let words: Vec<&str> = filter.split_whitespace().collect();
        let mut quotes: Vec<QuoteId> = self
            .desk
            .notes
            .iter()
            .filter_map(|(id, note)| {
                let at = self.index.quote_by_id(id)?;
                let quote = self.index.quote(at)?;
                let speaker = self.index.speaker_of(at).map_or("", |a| a.name.as_str());
                let haystack = format!("{}\n{}\n{}", note, quote.text, speaker).to_lowercase();
                words.iter().all(|w| haystack.contains(w)).then_some(at)
            })
            .collect();
        quotes.sort_unstable();
        let hits: Vec<Hit> = quotes
            .into_iter()
            .map(|quote| Hit {
                quote,
                score: 0,
                ranges: Vec::new(),
            })
            .collect();
        self.results = Results {
            total: hits.len(),
            hits,
            messages: Vec::new(),
        };
        self.complete = true;
        self.searching = false;
        self.selected = self.selected.min(self.results.hits.len().saturating_sub(1));
        self.keep_selection_visible();
    }

    /// Leaves the notes view for the search it was opened from.
    pub(super) fn close_notes(&mut self) {
        if let Some(query) = self.notes_view.take() {
            self.query.set(&query);
            self.selected = 0;
            self.submit();
        }
    }
}
