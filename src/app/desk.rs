//! The desk as the application sees it: marks on quotes, the prompt that names a collection
//! or writes a note, and what the desk holds ([`DeskView`]), brought in by the front end.
//!
//! The application never touches the database: a change is an [`Effect::Desk`] the front end
//! carries out, and the desk comes back as an [`Action::Desk`] (also when another session of
//! the same user changed it).

use std::collections::HashMap;
use std::sync::Arc;

use super::{Action, App, Editor, Effect, Notice};
use crate::desk::Snapshot;
use crate::export::Format;
use crate::index::quotes::QuoteId;

/// What the desk holds, as the screen needs it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeskView {
    /// The collections, by name.
    pub collections: Vec<Shelf>,
    /// Notes by quote id.
    pub notes: HashMap<String, String>,
    /// Saved searches, by name.
    pub searches: Vec<Saved>,
    /// When the user last opened spotlight before this session: what was imported after it
    /// is new.
    pub last_visit: Option<jiff::Timestamp>,
}

/// A saved search: its name, its query, and when its results were last seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// Its name.
    pub name: String,
    /// The query.
    pub query: String,
    /// When it was last run from the list (`None`: never).
    pub seen: Option<jiff::Timestamp>,
}

/// A collection: its name and its quotes' ids, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shelf {
    /// The collection's name.
    pub name: String,
    /// Its quotes' stable ids, in the analyst's order.
    pub quotes: Vec<String>,
}

/// A change to the desk, for the front end to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskOp {
    /// Put quotes in a collection (made when new).
    Collect {
        /// The collection.
        name: String,
        /// The quotes.
        quotes: Vec<Snapshot>,
    },
    /// Take a quote out of a collection.
    Remove {
        /// The collection.
        name: String,
        /// The quote's id.
        quote: String,
    },
    /// Move a quote of a collection up (negative) or down.
    Shift {
        /// The collection.
        name: String,
        /// The quote's id.
        quote: String,
        /// Places to move.
        by: i64,
    },
    /// Rename a collection.
    Rename {
        /// Its name.
        from: String,
        /// Its new name.
        to: String,
    },
    /// Delete a collection.
    Delete {
        /// Its name.
        name: String,
    },
    /// Save a query under a name (replacing the query of that name).
    SaveSearch {
        /// The name.
        name: String,
        /// The query.
        query: String,
    },
    /// Mark a saved search seen now.
    SeeSearch {
        /// Its name.
        name: String,
    },
    /// Forget a saved search.
    ForgetSearch {
        /// Its name.
        name: String,
    },
    /// Write (or, empty, take away) the note on a quote.
    Note {
        /// The quote.
        quote: Snapshot,
        /// The note.
        body: String,
    },
}

/// What a prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asking {
    /// The collection to put the marked quotes in.
    Collect,
    /// The note on this quote.
    Note(QuoteId),
    /// A new name for this collection.
    Rename(String),
    /// `y` to delete this collection.
    Delete(String),
    /// The format to export in.
    Export,
    /// The name to save the query under.
    SaveSearch,
}

/// A one-line question in place of the query line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What it asks for.
    pub asking: Asking,
    /// The answer being typed.
    pub answer: Editor,
}

impl Prompt {
    /// The question, before the answer.
    #[must_use]
    pub fn label(&self) -> String {
        match &self.asking {
            Asking::Collect => "put in collection: ".into(),
            Asking::Note(_) => "note: ".into(),
            Asking::Rename(name) => format!("rename `{name}` to: "),
            Asking::Delete(name) => format!("delete `{name}`? type y: "),
            Asking::Export => format!("export as ({}): ", Format::NAMES.join(" ")),
            Asking::SaveSearch => "save the search as: ".into(),
        }
    }
}

impl App {
    /// Takes in the desk as the front end read it; the first time, says what is new since the
    /// user's last visit.
    pub(super) fn take_desk(&mut self, desk: Arc<DeskView>) {
        self.desk = desk;
        self.welcome_back();
        if let Some(name) = self.shelf.clone() {
            self.show_shelf(&name);
        } else if self.notes_view.is_some() {
            self.show_notes();
        }
        if let Some(at) = self.shelves {
            self.shelves = Some(at.min(self.desk.collections.len().saturating_sub(1)));
        }
    }

    /// The desk's snapshot of a quote of the index.
    pub(super) fn snapshot(&self, quote: QuoteId) -> Option<Snapshot> {
        let q = self.index.quote(quote)?;
        Some(crate::export::snapshot(
            q,
            self.index.piece_of(quote),
            self.index.speaker_of(quote),
        ))
    }

    /// The note on `quote`, if the desk has one.
    #[must_use]
    pub fn note_on(&self, quote: QuoteId) -> Option<&str> {
        let id = &self.index.quote(quote)?.id;
        self.desk.notes.get(id).map(String::as_str)
    }

    pub(super) fn toggle_mark(&mut self) {
        let Some(quote) = self.selected_quote() else {
            return;
        };
        self.marks.toggle(quote);
        self.move_by(1);
    }

    pub(super) fn mark_all(&mut self) {
        let before = self.marks.len();
        self.marks
            .add_all(self.results.hits.iter().map(|h| h.quote));
        self.say(format!("marked {} more", self.marks.len() - before));
    }

    pub(super) fn clear_marks(&mut self) {
        let had = self.marks.len();
        self.marks.clear();
        self.say(format!(
            "{had} mark{} cleared",
            if had == 1 { "" } else { "s" }
        ));
    }

    /// Opens a prompt asking for `asking`, its answer starting as `answer`.
    pub(super) fn ask(&mut self, asking: Asking, answer: &str) {
        self.prompt = Some(Prompt {
            asking,
            answer: Editor::new(answer),
        });
    }

    pub(super) fn ask_collect(&mut self) {
        if self.marks.is_empty() && self.selected_quote().is_none() {
            return self.complain("nothing to collect: mark quotes (m) or select one");
        }
        let last = self
            .shelf
            .clone()
            .or_else(|| self.last_shelf.clone())
            .unwrap_or_default();
        self.ask(Asking::Collect, &last);
    }

    pub(super) fn ask_note(&mut self) {
        let Some(quote) = self.selected_quote() else {
            return self.complain("no quote selected to write a note on");
        };
        let note = self.note_on(quote).unwrap_or_default().to_string();
        self.ask(Asking::Note(quote), &note);
    }

    /// A key while a prompt is open: editing keys edit the answer, Enter gives it, Esc drops it.
    pub(super) fn update_prompt(&mut self, action: Action) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        let field = &mut prompt.answer;
        match action {
            // An answer is one line.
            Action::Paste(text) => field.insert(&text.replace(['\n', '\r'], " ")),
            Action::ClearQuery => field.clear(),
            Action::Back => self.prompt = None,
            Action::Open => {
                if let Some(prompt) = self.prompt.take() {
                    self.answer(prompt.asking, prompt.answer.text().trim());
                }
            }
            other => {
                field.apply(&other);
            }
        }
    }

    /// Acts on a prompt's answer.
    fn answer(&mut self, asking: Asking, answer: &str) {
        match asking {
            Asking::Collect if answer.is_empty() => self.complain("a collection needs a name"),
            Asking::Collect => self.collect(answer),
            Asking::Note(quote) => {
                if let Some(snapshot) = self.snapshot(quote) {
                    self.effects.push(Effect::Desk(DeskOp::Note {
                        quote: snapshot,
                        body: answer.to_string(),
                    }));
                    self.say(if answer.is_empty() {
                        "note taken away"
                    } else {
                        "note saved"
                    });
                }
            }
            Asking::Rename(from) if !answer.is_empty() => {
                if self.shelf.as_deref() == Some(from.as_str()) {
                    self.shelf = Some(answer.to_string());
                }
                self.effects.push(Effect::Desk(DeskOp::Rename {
                    from,
                    to: answer.to_string(),
                }));
            }
            Asking::Rename(_) => {}
            Asking::Delete(name) if answer.eq_ignore_ascii_case("y") => {
                self.say(format!("deleted `{name}`"));
                self.effects.push(Effect::Desk(DeskOp::Delete { name }));
            }
            Asking::Delete(_) => self.say("nothing deleted"),
            Asking::SaveSearch if answer.is_empty() => self.complain("a saved search needs a name"),
            Asking::SaveSearch => {
                let query = self.query.text().trim().to_string();
                self.say(format!(
                    "saved `{query}` as `{answer}` (S lists saved searches)"
                ));
                self.effects.push(Effect::Desk(DeskOp::SaveSearch {
                    name: answer.to_string(),
                    query,
                }));
            }
            Asking::Export => match answer.parse::<Format>() {
                Ok(format) => self.export(format),
                Err(_) => self.complain(&format!(
                    "`{answer}` is not a format: {}",
                    Format::NAMES.join(", ")
                )),
            },
        }
    }

    /// Puts the marked quotes (else the selected one) in the collection `name`.
    fn collect(&mut self, name: &str) {
        let quotes: Vec<QuoteId> = if self.marks.is_empty() {
            self.selected_quote().into_iter().collect()
        } else {
            self.marks.quotes().to_vec()
        };
        let snapshots: Vec<Snapshot> = quotes.iter().filter_map(|&q| self.snapshot(q)).collect();
        let count = snapshots.len();
        self.effects.push(Effect::Desk(DeskOp::Collect {
            name: name.to_string(),
            quotes: snapshots,
        }));
        self.marks.clear();
        self.last_shelf = Some(name.to_string());
        self.say(format!(
            "put {count} quote{} in `{name}` (C lists collections)",
            if count == 1 { "" } else { "s" }
        ));
    }

    /// Exports the open collection, else the marked quotes, else the result list.
    fn export(&mut self, format: Format) {
        let (title, quotes): (String, Vec<QuoteId>) = if let Some(name) = &self.shelf {
            (
                name.clone(),
                self.results.hits.iter().map(|h| h.quote).collect(),
            )
        } else if !self.marks.is_empty() {
            ("Marked quotes".into(), self.marks.quotes().to_vec())
        } else if self.notes_view.is_some() {
            (
                "Notes".into(),
                self.results.hits.iter().map(|h| h.quote).collect(),
            )
        } else {
            let title = format!("Quotes matching `{}`", self.query.text().trim());
            (title, self.results.hits.iter().map(|h| h.quote).collect())
        };
        let quotes = quotes
            .into_iter()
            .filter_map(|q| self.index.quote(q).map(|q| q.id.clone()))
            .collect();
        self.effects.push(Effect::Export {
            format,
            title,
            quotes,
        });
    }

    /// A message for the status line.
    pub(super) fn say(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
    }

    /// A problem for the status line.
    pub(super) fn complain(&mut self, text: &str) {
        self.notice = Some(Notice {
            text: text.to_string(),
            error: true,
        });
    }
}
