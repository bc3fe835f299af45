//! The timeline overlay: statements per month for the sidebar's actor or for the query, as
//! bars; picking a bar narrows the query to that month (`date:YYYY-MM`).

use super::{Action, App, Focus};
use crate::index::quotes::QuoteId;
use crate::index::timeline::{Period, Timeline};
use crate::search::engine::{Ranges, search_with};
use crate::search::query::parse;

/// A timeline on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineView {
    /// What it counts: `Statements by Hadi al-Ameri`, `Quotes matching @kh`.
    pub title: String,
    /// The actor it is for (`@id`), when it is an actor's.
    pub actor: Option<String>,
    /// The bars.
    pub timeline: Timeline,
    /// The selected bar.
    pub selected: usize,
}

impl App {
    /// Opens the timeline of the sidebar's actor when the sidebar has focus, else of the
    /// query's matches (all of them, not only the listed best).
    pub(super) fn open_timeline(&mut self) {
        let actor = (self.focus == Focus::Sidebar)
            .then(|| self.sidebar.selected_actor())
            .flatten();
        let (title, actor, quotes): (String, Option<String>, Vec<QuoteId>) = match actor {
            Some(at) => {
                let Some(who) = self.index.corpus.actors.get(at) else {
                    return;
                };
                let quotes = self.index.by_actor.get(at).cloned().unwrap_or_default();
                (
                    format!("Statements by {}", who.name),
                    Some(who.id.clone()),
                    quotes,
                )
            }
            None => {
                let text = self.query.text().trim();
                let title = if let Some(name) = &self.shelf {
                    format!("Collection: {name}")
                } else if text.is_empty() {
                    "All quotes".to_string()
                } else {
                    format!("Quotes matching {text}")
                };
                let quotes = if self.shelf.is_some() || !self.results.is_capped() {
                    self.results.hits.iter().map(|h| h.quote).collect()
                } else if text.is_empty() {
                    (0..self.index.len() as QuoteId).collect()
                } else {
                    let all = search_with(&self.index, &parse(text), usize::MAX, Ranges::Unlit);
                    all.hits.iter().map(|h| h.quote).collect()
                };
                (title, None, quotes)
            }
        };
        let timeline = Timeline::of(&self.index, &quotes, Period::Month);
        if timeline.bars.is_empty() {
            return self.say("no dated quotes to draw a timeline of");
        }
        let selected = timeline.bars.len() - 1;
        self.timeline = Some(TimelineView {
            title,
            actor,
            timeline,
            selected,
        });
    }

    /// A key while the timeline is open: arrows pick a bar, Enter narrows the query to it.
    pub(super) fn update_timeline(&mut self, action: &Action) {
        let Some(view) = self.timeline.as_mut() else {
            return;
        };
        let last = view.timeline.bars.len().saturating_sub(1);
        match action {
            Action::Left | Action::Up => view.selected = view.selected.saturating_sub(1),
            Action::Right | Action::Down => view.selected = (view.selected + 1).min(last),
            Action::First => view.selected = 0,
            Action::Last => view.selected = last,
            Action::Back | Action::Timeline => self.timeline = None,
            Action::Open => {
                let Some(view) = self.timeline.take() else {
                    return;
                };
                let Some(bar) = view.timeline.bars.get(view.selected) else {
                    return;
                };
                let month = format!("date:{}", bar.period);
                let query = match &view.actor {
                    Some(id) => format!("@{id} {month} "),
                    None => {
                        let kept: Vec<&str> = self
                            .query
                            .text()
                            .split_whitespace()
                            .filter(|w| !w.starts_with("date:"))
                            .collect();
                        format!("{} {month} ", kept.join(" "))
                            .trim_start()
                            .to_string()
                    }
                };
                if self.shelf.is_some() {
                    self.shelf = None;
                }
                self.set_query(&query);
                self.focus = Focus::Results;
            }
            _ => {}
        }
    }
}
