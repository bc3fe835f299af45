//! The user's intents: every key, click and resize becomes one [`Action`] before it changes state.
//!
//! Keys are mapped to actions in one place (the keymap of the terminal front-ends), so a config
//! file can rebind them and the help overlay can list them. An action's config name (kebab
//! case: `page-down`) and its help text are written once, on its variant; the bindable actions
//! are the variants that carry no data, in the order declared, which is the help's order.

use std::sync::Arc;

use strum::{EnumMessage, IntoEnumIterator};

use crate::index::Index;

/// One thing the user asked for.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
    strum::EnumMessage,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Action {
    /// Select the previous result, actor or line.
    #[strum(message = "previous item")]
    Up,
    /// Select the next result, actor or line.
    #[strum(message = "next item")]
    Down,
    /// Move up one page.
    #[strum(message = "page up")]
    PageUp,
    /// Move down one page.
    #[strum(message = "page down")]
    PageDown,
    /// Go to the first result, actor or line.
    #[strum(message = "first item")]
    First,
    /// Go to the last result, actor or line.
    #[strum(message = "last item")]
    Last,
    /// Open the selected quote in its piece, pick the selected actor, or follow a mention.
    #[strum(message = "open quote in its piece / pick actor")]
    Open,
    /// Close the overlay or reader, or clear the query.
    #[strum(message = "back, close, or clear the query")]
    Back,
    /// Move focus to the next pane (in the reader: the next quote or mention).
    #[strum(message = "next pane (reader: next mark)")]
    FocusNext,
    /// Move focus to the previous pane (in the reader: the previous quote or mention).
    #[strum(message = "previous pane (reader: previous mark)")]
    FocusPrev,
    /// Put the cursor in the query line.
    #[strum(message = "edit the query")]
    FocusQuery,
    /// Clear the query line.
    #[strum(message = "clear the query")]
    ClearQuery,
    /// Copy the selected quote as a citation (OSC 52, works over SSH).
    #[strum(message = "copy the quote as a citation")]
    Copy,
    /// Show the source link of the selected quote's piece, and open it where a browser is.
    #[strum(message = "show / open the source link")]
    OpenLink,
    /// Show or hide the actor sidebar.
    #[strum(message = "show or hide the actors")]
    ToggleSidebar,
    /// Switch who orders right-to-left text: spotlight, or the terminal (for those that do).
    #[strum(message = "Arabic drawn by spotlight / terminal")]
    ToggleBidi,
    /// In the reader: jump to the next quote.
    #[strum(message = "reader: next quote")]
    NextQuote,
    /// In the reader: jump to the previous quote.
    #[strum(message = "reader: previous quote")]
    PrevQuote,
    /// Mark the selected quote, or unmark it, and move to the next.
    #[strum(message = "mark / unmark the quote")]
    Mark,
    /// Mark every quote in the list.
    #[strum(message = "mark every quote listed")]
    MarkAll,
    /// Unmark every quote.
    #[strum(message = "clear the marks")]
    ClearMarks,
    /// Put the marked quotes (or the selected one) in a collection, new or existing.
    #[strum(message = "put marked quotes in a collection")]
    Collect,
    /// List the collections; Enter opens one as the list.
    #[strum(message = "collections (Enter opens, r renames, d deletes)")]
    Collections,
    /// Write a note on the selected quote (an empty one takes it away).
    #[strum(message = "write a note on the quote")]
    Note,
    /// Export the open collection, the marked quotes or the list (Markdown, CSL-JSON...).
    #[strum(message = "export collection / marked / list")]
    Export,
    /// Show quotes per month for the sidebar's actor, or for the query; Enter narrows to one.
    #[strum(message = "timeline (Enter narrows to the month)")]
    Timeline,
    /// In a collection: move the selected quote up.
    #[strum(message = "collection: move the quote up")]
    MoveUp,
    /// In a collection: move the selected quote down.
    #[strum(message = "collection: move the quote down")]
    MoveDown,
    /// Take the selected quote out of the open collection (or delete the selected collection).
    #[strum(message = "collection: take the quote out")]
    Remove,
    /// Rename the selected collection.
    #[strum(message = "collections: rename")]
    Rename,
    /// List the quotes with a note, filtered by what is typed; Esc goes back to the search.
    #[strum(message = "your notes (type to filter)")]
    Notes,
    /// Save the query under a name.
    #[strum(message = "save the search")]
    SaveSearch,
    /// List the saved searches, with how many quotes are new in each; Enter runs one.
    #[strum(message = "saved searches (Enter runs, d forgets)")]
    Searches,
    /// Show or hide the list of keys.
    #[strum(message = "this help")]
    Help,
    /// List the corpus's problems (files and entries skipped, warnings), file and line each.
    #[strum(message = "the corpus's problems")]
    Problems,
    /// Leave spotlight.
    #[strum(message = "quit")]
    Quit,
    /// Stop the program and give the terminal back, as Ctrl-Z does in a shell (`fg` resumes).
    #[strum(message = "suspend (fg resumes)")]
    Suspend,
    /// Delete the character before the cursor.
    #[strum(message = "delete back")]
    Backspace,
    /// Delete the character under the cursor.
    #[strum(message = "delete forward")]
    Delete,
    /// Delete the word before the cursor.
    #[strum(message = "delete a word back")]
    DeleteWord,
    /// Move the cursor one character left.
    #[strum(message = "cursor left")]
    Left,
    /// Move the cursor one character right.
    #[strum(message = "cursor right")]
    Right,
    /// Move the cursor to the start of the line.
    #[strum(message = "cursor to line start")]
    LineStart,
    /// Move the cursor to the end of the line.
    #[strum(message = "cursor to line end")]
    LineEnd,
    /// Type a character into the focused text field.
    #[strum(message = "type", disabled)]
    Insert(char),
    /// Insert pasted text into the focused text field.
    #[strum(message = "paste", disabled)]
    Paste(String),
    /// A mouse click at a cell of the screen.
    #[strum(message = "click", disabled)]
    Click {
        /// Column of the cell.
        column: u16,
        /// Row of the cell.
        row: u16,
    },
    /// The mouse wheel, over a cell of the screen.
    #[strum(message = "scroll", disabled)]
    Scroll {
        /// True for up (away from the user).
        up: bool,
        /// Column of the cell.
        column: u16,
        /// Row of the cell.
        row: u16,
    },
    /// The search worker answered a query (not a key: it comes from the front end).
    #[strum(message = "search results", disabled)]
    Found(Box<crate::search::worker::Response>),
    /// A new index of the same corpus is ready: the corpus read in full behind a first frame
    /// drawn from its index image (not a key: it comes from the front end).
    #[strum(message = "corpus loaded", disabled)]
    Loaded(Loaded),
    /// The corpus changed on disk and was read again: a new index, whose quotes are found by
    /// their stable ids (not a key: it comes from the front end).
    #[strum(message = "corpus reloaded", disabled)]
    Reloaded(Reloaded),
    /// The desk as the front end read it, after a change here or in another session of the
    /// same user (not a key: it comes from the front end).
    #[strum(message = "desk", disabled)]
    Desk(DeskUpdate),
    /// The terminal changed size.
    #[strum(message = "resize", disabled)]
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
}

/// The index an [`Action::Loaded`] brings; two are equal when they are the same index.
#[derive(Clone)]
pub struct Loaded(pub Arc<Index>);

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Loaded {}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Loaded({} quotes)", self.0.len())
    }
}

/// A corpus read again after it changed, and what changed, in a few words for the status line.
#[derive(Clone, PartialEq, Eq)]
pub struct Reloaded {
    /// The new index.
    pub index: Loaded,
    /// `corpus reloaded: +3 pieces`, or why the corpus could not be read again.
    pub summary: String,
}

impl std::fmt::Debug for Reloaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Reloaded({:?}, {:?})", self.index, self.summary)
    }
}

/// The desk an [`Action::Desk`] brings; two are equal when they hold the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskUpdate(pub Arc<super::DeskView>);

impl Action {
    /// Whether the action carries data (a character, a click, a size, results): such actions
    /// come from events, never from a key binding.
    fn carries_data(&self) -> bool {
        matches!(
            self,
            Self::Insert(_)
                | Self::Paste(_)
                | Self::Click { .. }
                | Self::Scroll { .. }
                | Self::Found(_)
                | Self::Loaded(_)
                | Self::Reloaded(_)
                | Self::Desk(_)
                | Self::Resize { .. }
        )
    }

    /// The name used in the config file and the help overlay (`move-down`), for actions a key
    /// can be bound to; `None` for those carrying data (typed characters, clicks, sizes).
    #[must_use]
    pub fn name(&self) -> Option<&'static str> {
        (!self.carries_data()).then(|| self.into())
    }

    /// What the action does, in a few words, for the help overlay.
    #[must_use]
    pub fn describe(&self) -> &'static str {
        self.get_message().unwrap_or_default()
    }

    /// Every action a key can be bound to, in help-overlay order.
    pub fn bindable() -> impl Iterator<Item = Self> {
        Self::iter().filter(|a| !a.carries_data())
    }

    /// The bindable action with this config name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        name.parse::<Self>().ok().filter(|a| !a.carries_data())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bindable_action_has_a_unique_name_that_parses_back() {
        let mut names: Vec<&str> = Action::bindable().filter_map(|a| a.name()).collect();
        assert_eq!(names.len(), Action::bindable().count());
        for name in &names {
            assert_eq!(Action::from_name(name).and_then(|a| a.name()), Some(*name));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::bindable().count());
        assert_eq!(Action::PageDown.name(), Some("page-down"));
        assert_eq!(Action::ToggleSidebar.name(), Some("toggle-sidebar"));
    }

    #[test]
    fn actions_with_data_have_no_name_and_are_never_parsed() {
        assert_eq!(Action::Insert('x').name(), None);
        for name in ["insert", "paste", "click", "scroll", "found", "resize"] {
            assert_eq!(Action::from_name(name), None, "{name}");
        }
        assert!(Action::bindable().all(|a| !a.describe().is_empty()));
    }
}
