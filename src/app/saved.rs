//! Saved searches and what is new: a query saved under a name, run again from a list that
//! says how many of its quotes came in since it was last run; and, on start, how many quotes
//! came in since the user's last visit. New quotes carry `+` in the list.

use super::desk::{Asking, DeskOp, Saved};
use super::{Action, App, Effect, Focus};
use crate::index::quotes::QuoteId;
use crate::search::engine::{Ranges, search_with};
use crate::search::query::parse;

/// The list of saved searches on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchList {
    /// The selected row.
    pub selected: usize,
    /// For each saved search, how many of its quotes are new since it was last run.
    pub new: Vec<usize>,
}

impl App {
    /// Whether `quote`'s piece was imported after the moment "new" counts from.
    #[must_use]
    pub fn is_new(&self, quote: QuoteId) -> bool {
        self.new_since
            .is_some_and(|since| self.index.came_in_after(quote, since))
    }

    /// How many of `quotes` came in after `since`.
    fn count_new(&self, quotes: impl Iterator<Item = QuoteId>, since: jiff::Timestamp) -> usize {
        quotes
            .filter(|&q| self.index.came_in_after(q, since))
            .count()
    }

    /// Says, once, how many quotes are new since the last visit: when both the desk and the
    /// quotes' records (their pieces' import times) are in, whichever comes last.
    pub(super) fn welcome_back(&mut self) {
        let Some(since) = self.desk.last_visit else {
            return;
        };
        if self.welcomed || !self.index.has_records() {
            return;
        }
        self.welcomed = true;
        let new = self.count_new(0..self.index.len() as QuoteId, since);
        if new > 0 {
            self.new_since = Some(since);
            let day = since.strftime("%Y-%m-%d");
            self.say(format!(
                "{new} quote{} new since your last visit ({day}): + marks them",
                if new == 1 { "" } else { "s" }
            ));
        }
    }

    pub(super) fn ask_save_search(&mut self) {
        if self.query.text().trim().is_empty() {
            return self.complain("type a query first: an empty one shows everything");
        }
        let name = self
            .desk
            .searches
            .iter()
            .find(|s| s.query == self.query.text().trim())
            .map_or_else(|| self.query.text().trim().to_string(), |s| s.name.clone());
        self.ask(Asking::SaveSearch, &name);
    }

    /// Opens the list of saved searches, each with how many of its quotes are new.
    pub(super) fn open_searches(&mut self) {
        if self.desk.searches.is_empty() {
            return self.say("no saved searches yet: type a query, then s saves it");
        }
        let new = self
            .desk
            .searches
            .iter()
            .map(|saved| {
                let since = saved.seen.unwrap_or(jiff::Timestamp::MIN);
                // Nothing came in since: nothing to search for (a search at 1M quotes is tens
                // of milliseconds, on the thread that draws).
                if !self.index.anything_came_in_after(since) {
                    return 0;
                }
                let hits =
                    search_with(&self.index, &parse(&saved.query), usize::MAX, Ranges::Unlit);
                self.count_new(hits.hits.iter().map(|h| h.quote), since)
            })
            .collect();
        self.searches = Some(SearchList { selected: 0, new });
    }

    /// A key while the list of saved searches is open.
    pub(super) fn update_searches(&mut self, action: &Action) {
        let Some(list) = self.searches.as_mut() else {
            return;
        };
        let last = self.desk.searches.len().saturating_sub(1);
        let saved = self.desk.searches.get(list.selected).cloned();
        match (action, saved) {
            (Action::Up, _) => list.selected = list.selected.saturating_sub(1),
            (Action::Down, _) => list.selected = (list.selected + 1).min(last),
            (Action::First, _) => list.selected = 0,
            (Action::Last, _) => list.selected = last,
            (Action::Back | Action::Searches, _) => self.searches = None,
            (Action::Open, Some(saved)) => self.run_saved(saved),
            (Action::Remove | Action::Delete, Some(saved)) => {
                self.say(format!("forgot the saved search `{}`", saved.name));
                self.effects
                    .push(Effect::Desk(DeskOp::ForgetSearch { name: saved.name }));
            }
            _ => {}
        }
    }

    /// Runs a saved search, marking the quotes new since it was last run, and records the run.
    fn run_saved(&mut self, saved: Saved) {
        let new = self
            .searches
            .take()
            .and_then(|list| list.new.get(list.selected).copied())
            .unwrap_or(0);
        self.new_since = Some(saved.seen.unwrap_or(jiff::Timestamp::MIN));
        self.shelf = None;
        self.set_query(&format!("{} ", saved.query));
        self.focus = Focus::Results;
        self.say(format!(
            "`{}`: {new} new since you last ran it{}",
            saved.name,
            if new > 0 { " (marked +)" } else { "" }
        ));
        self.effects
            .push(Effect::Desk(DeskOp::SeeSearch { name: saved.name }));
    }
}
