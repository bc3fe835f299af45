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
    /// The actors it is for (their ids), when it is actors'.
    pub actors: Vec<String>,
    /// The bars: all its quotes together.
    pub timeline: Timeline,
    /// When it compares actors: each one's name and count in each bar of `timeline`.
    pub series: Vec<(String, Vec<usize>)>,
    /// The selected bar.
    pub selected: usize,
}

impl App {
    /// Marks the sidebar's actor for comparison, or unmarks it (at most three at once).
    pub(super) fn toggle_compare(&mut self) {
        let Some(actor) = self.sidebar.selected_actor() else {
            return;
        };
        if let Some(at) = self.compare.iter().position(|&a| a == actor) {
            self.compare.remove(at);
        } else if self.compare.len() < 3 {
            self.compare.push(actor);
        } else {
            return self.complain("three actors at most side by side: unmark one first");
        }
        let names: Vec<&str> = self
            .compare
            .iter()
            .filter_map(|&a| self.index.corpus.actors.get(a).map(|x| x.name.as_str()))
            .collect();
        let text = if names.is_empty() {
            "no actor marked to compare".to_string()
        } else {
            format!("compare: {} (F6 shows them side by side)", names.join(", "))
        };
        self.say(text);
    }

    /// Opens the timeline of the sidebar's actor when the sidebar has focus (of the actors
    /// marked to compare, side by side, when there are two or three), else of the query's
    /// matches (all of them, not only the listed best).
    pub(super) fn open_timeline(&mut self) {
        let in_sidebar = self.focus == Focus::Sidebar;
        let actors: Vec<usize> = match (in_sidebar, self.compare.len()) {
            (true, 2..) => self.compare.clone(),
            (true, _) => self.sidebar.selected_actor().into_iter().collect(),
            (false, _) => Vec::new(),
        };
        let mut series = Vec::new();
        let (title, ids, quotes): (String, Vec<String>, Vec<QuoteId>) = match actors.as_slice() {
            [] => {
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
                (title, Vec::new(), quotes)
            }
            chosen => {
                let who: Vec<&crate::corpus::Actor> = chosen
                    .iter()
                    .filter_map(|&a| self.index.corpus.actors.get(a))
                    .collect();
                let names: Vec<&str> = who.iter().map(|a| a.name.as_str()).collect();
                let mut quotes = Vec::new();
                for &at in chosen {
                    quotes.extend(self.index.by_actor.get(at).cloned().unwrap_or_default());
                }
                let ids = who.iter().map(|a| a.id.clone()).collect();
                if chosen.len() > 1 {
                    series = chosen
                        .iter()
                        .zip(&names)
                        .map(|(&at, name)| {
                            let own = self.index.by_actor.get(at).cloned().unwrap_or_default();
                            (
                                (*name).to_string(),
                                Timeline::of(&self.index, &own, Period::Month),
                            )
                        })
                        .collect();
                }
                (format!("Statements by {}", names.join(" / ")), ids, quotes)
            }
        };

        let timeline = Timeline::of(&self.index, &quotes, Period::Month);
        if timeline.bars.is_empty() {
            return self.say("no dated quotes to draw a timeline of");
        }
        // Each compared actor's counts, in the bars of all of them together.
        let series = series
            .into_iter()
            .map(|(name, own): (String, Timeline)| {
                let counts = timeline
                    .bars
                    .iter()
                    .map(|bar| {
                        own.bars
                            .iter()
                            .find(|b| b.start == bar.start)
                            .map_or(0, |b| b.count)
                    })
                    .collect();
                (name, counts)
            })
            .collect();
        let selected = timeline.bars.len() - 1;
        self.timeline = Some(TimelineView {
            title,
            actors: ids,
            timeline,
            series,
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
                let query = match view.actors.as_slice() {
                    [] => {
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
                    ids => {
                        let who: Vec<String> = ids.iter().map(|id| format!("@{id}")).collect();
                        format!("{} {month} ", who.join(" | "))
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
