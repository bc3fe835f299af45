//! Collections on screen: the list of them (an overlay), and one collection open as the
//! result list, in its own order, re-orderable.

use super::desk::{Asking, DeskOp};
use super::{Action, App, Effect, Focus};
use crate::search::engine::{Hit, Results};

impl App {
    /// Opens the list of collections.
    pub(super) fn open_shelves(&mut self) {
        if self.desk.collections.is_empty() {
            return self.say("no collections yet: mark quotes (m), then put them in one (c)");
        }
        let at = self
            .shelf
            .as_ref()
            .and_then(|name| self.desk.collections.iter().position(|s| &s.name == name));
        self.shelves = Some(at.unwrap_or(0));
    }

    /// A key while the list of collections is open.
    pub(super) fn update_shelves(&mut self, action: &Action) {
        let Some(at) = self.shelves else { return };
        let last = self.desk.collections.len().saturating_sub(1);
        let name = self.desk.collections.get(at).map(|s| s.name.clone());
        match (action, name) {
            (Action::Up, _) => self.shelves = Some(at.saturating_sub(1)),
            (Action::Down, _) => self.shelves = Some((at + 1).min(last)),
            (Action::First, _) => self.shelves = Some(0),
            (Action::Last, _) => self.shelves = Some(last),
            (Action::Back | Action::Collections, _) => self.shelves = None,
            (Action::Open, Some(name)) => self.open_shelf(&name),
            (Action::Rename, Some(name)) => {
                self.shelves = None;
                self.ask(Asking::Rename(name.clone()), &name);
            }
            (Action::Remove | Action::Delete, Some(name)) => {
                self.shelves = None;
                self.ask(Asking::Delete(name), "");
            }
            _ => {}
        }
    }

    /// Shows the collection `name` as the result list.
    pub(super) fn open_shelf(&mut self, name: &str) {
        self.shelves = None;
        if let Some(query) = self.notes_view.take() {
            self.query.set(&query);
        }
        self.shelf = Some(name.to_string());
        self.selected = 0;
        self.offset = 0;
        self.viewer_scroll = 0;
        self.focus = Focus::Results;
        self.show_shelf(name);
    }

    /// Fills the result list from the collection `name` as the desk holds it now; a quote no
    /// longer in the corpus is counted in the status line (the command line lists it).
    pub(super) fn show_shelf(&mut self, name: &str) {
        let Some(shelf) = self.desk.collections.iter().find(|s| s.name == name) else {
            self.shelf = None;
            self.submit();
            return;
        };
        let hits: Vec<Hit> = shelf
            .quotes
            .iter()
            .filter_map(|id| self.index.quote_by_id(id))
            .map(|quote| Hit {
                quote,
                score: 0,
                ranges: Vec::new(),
            })
            .collect();
        let gone = shelf.quotes.len() - hits.len();
        let messages = if gone > 0 {
            vec![format!(
                "{gone} quote{} no longer in the corpus: `spotlight collection` shows {}",
                if gone == 1 { " is" } else { "s are" },
                if gone == 1 { "it" } else { "them" }
            )]
        } else {
            Vec::new()
        };
        self.results = Results {
            total: hits.len(),
            hits,
            messages,
        };
        self.complete = true;
        self.searching = false;
        self.selected = self.selected.min(self.results.hits.len().saturating_sub(1));
        self.keep_selection_visible();
    }

    /// Leaves the open collection for the search.
    pub(super) fn close_shelf(&mut self) {
        self.shelf = None;
        self.selected = 0;
        self.submit();
    }

    /// Moves the selected quote of the open collection by `by` places.
    pub(super) fn shift_entry(&mut self, by: i64) {
        let (Some(name), Some(quote)) = (self.shelf.clone(), self.selected_quote()) else {
            return self.say("open a collection (C) to put its quotes in order");
        };
        let Some(id) = self.index.quote(quote).map(|q| q.id.clone()) else {
            return;
        };
        self.effects.push(Effect::Desk(DeskOp::Shift {
            name,
            quote: id,
            by,
        }));
        // The selection follows the quote; the desk's answer redraws the order.
        let len = self.results.hits.len();
        let to = self
            .selected
            .saturating_add_signed(by as isize)
            .min(len.saturating_sub(1));
        if to != self.selected {
            self.results.hits.swap(self.selected, to);
            self.selected = to;
        }
        self.keep_selection_visible();
    }

    /// Takes the selected quote out of the open collection.
    pub(super) fn remove_entry(&mut self) {
        let (Some(name), Some(quote)) = (self.shelf.clone(), self.selected_quote()) else {
            return self.say("open a collection (C) to take quotes out of it");
        };
        let Some(id) = self.index.quote(quote).map(|q| q.id.clone()) else {
            return;
        };
        self.results.hits.remove(self.selected);
        self.results.total = self.results.hits.len();
        self.selected = self.selected.min(self.results.total.saturating_sub(1));
        self.say(format!("taken out of `{name}`"));
        self.effects
            .push(Effect::Desk(DeskOp::Remove { name, quote: id }));
    }
}
