//! The user's intents: every key, click and resize becomes one [`Action`] before it changes state.
//!
//! Keys are mapped to actions in one place (the keymap of the terminal front-ends), so a config
//! file can rebind them and the help overlay can list them.

/// One thing the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave spotlight.
    Quit,
    /// List the corpus's problems (files and entries skipped, warnings), file and line each.
    Problems,
    /// Stop the program and give the terminal back, as Ctrl-Z does in a shell (`fg` resumes).
    Suspend,
    /// Select the previous result, actor or line.
    Up,
    /// Select the next result, actor or line.
    Down,
    /// Move up one page.
    PageUp,
    /// Move down one page.
    PageDown,
    /// Go to the first result, actor or line.
    First,
    /// Go to the last result, actor or line.
    Last,
    /// Move focus to the next pane (in the reader: the next quote or mention).
    FocusNext,
    /// Move focus to the previous pane (in the reader: the previous quote or mention).
    FocusPrev,
    /// Put the cursor in the query line.
    FocusQuery,
    /// Open the selected quote in its piece, pick the selected actor, or follow a mention.
    Open,
    /// Close the overlay or reader, or clear the query.
    Back,
    /// Clear the query line.
    ClearQuery,
    /// Show or hide the list of keys.
    Help,
    /// Copy the selected quote as a citation (OSC 52, works over SSH).
    Copy,
    /// Show the source link of the selected quote's piece, and open it where a browser is.
    OpenLink,
    /// Show or hide the actor sidebar.
    ToggleSidebar,
    /// Switch who orders right-to-left text: spotlight, or the terminal (for those that do).
    ToggleBidi,
    /// In the reader: jump to the next quote.
    NextQuote,
    /// In the reader: jump to the previous quote.
    PrevQuote,
    /// Type a character into the focused text field.
    Insert(char),
    /// Insert pasted text into the focused text field.
    Paste(String),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Move the cursor one character left.
    Left,
    /// Move the cursor one character right.
    Right,
    /// Move the cursor to the start of the line.
    LineStart,
    /// Move the cursor to the end of the line.
    LineEnd,
    /// A mouse click at a cell of the screen.
    Click {
        /// Column of the cell.
        column: u16,
        /// Row of the cell.
        row: u16,
    },
    /// The mouse wheel, over a cell of the screen.
    Scroll {
        /// True for up (away from the user).
        up: bool,
        /// Column of the cell.
        column: u16,
        /// Row of the cell.
        row: u16,
    },
    /// The search worker answered a query (not a key: it comes from the front end).
    Found(Box<crate::search::worker::Response>),
    /// The terminal changed size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
}

impl Action {
    /// The name used in the config file and the help overlay (`move-down`), for actions a key
    /// can be bound to; `None` for those carrying data (typed characters, clicks, sizes).
    #[must_use]
    pub fn name(&self) -> Option<&'static str> {
        Some(match self {
            Self::Quit => "quit",
            Self::Suspend => "suspend",
            Self::Problems => "problems",
            Self::Up => "up",
            Self::Down => "down",
            Self::PageUp => "page-up",
            Self::PageDown => "page-down",
            Self::First => "first",
            Self::Last => "last",
            Self::FocusNext => "focus-next",
            Self::FocusPrev => "focus-prev",
            Self::FocusQuery => "focus-query",
            Self::Open => "open",
            Self::Back => "back",
            Self::ClearQuery => "clear-query",
            Self::Help => "help",
            Self::Copy => "copy",
            Self::OpenLink => "open-link",
            Self::ToggleSidebar => "toggle-sidebar",
            Self::ToggleBidi => "toggle-bidi",
            Self::NextQuote => "next-quote",
            Self::PrevQuote => "prev-quote",
            Self::Backspace => "backspace",
            Self::Delete => "delete",
            Self::DeleteWord => "delete-word",
            Self::Left => "left",
            Self::Right => "right",
            Self::LineStart => "line-start",
            Self::LineEnd => "line-end",
            Self::Insert(_)
            | Self::Paste(_)
            | Self::Click { .. }
            | Self::Scroll { .. }
            | Self::Found(_)
            | Self::Resize { .. } => return None,
        })
    }

    /// What the action does, in a few words, for the help overlay.
    #[must_use]
    pub fn describe(&self) -> &'static str {
        match self {
            Self::Quit => "quit",
            Self::Suspend => "suspend (fg resumes)",
            Self::Problems => "the corpus's problems",
            Self::Up => "previous item",
            Self::Down => "next item",
            Self::PageUp => "page up",
            Self::PageDown => "page down",
            Self::First => "first item",
            Self::Last => "last item",
            Self::FocusNext => "next pane (reader: next mark)",
            Self::FocusPrev => "previous pane (reader: previous mark)",
            Self::FocusQuery => "edit the query",
            Self::Open => "open quote in its piece / pick actor",
            Self::Back => "back, close, or clear the query",
            Self::ClearQuery => "clear the query",
            Self::Help => "this help",
            Self::Copy => "copy the quote as a citation",
            Self::OpenLink => "show / open the source link",
            Self::ToggleSidebar => "show or hide the actors",
            Self::ToggleBidi => "Arabic drawn by spotlight / terminal",
            Self::NextQuote => "reader: next quote",
            Self::PrevQuote => "reader: previous quote",
            Self::Backspace => "delete back",
            Self::Delete => "delete forward",
            Self::DeleteWord => "delete a word back",
            Self::Left => "cursor left",
            Self::Right => "cursor right",
            Self::LineStart => "cursor to line start",
            Self::LineEnd => "cursor to line end",
            Self::Insert(_) => "type",
            Self::Paste(_) => "paste",
            Self::Click { .. } => "click",
            Self::Scroll { .. } => "scroll",
            Self::Resize { .. } => "resize",
            Self::Found(_) => "search results",
        }
    }

    /// Every action a key can be bound to, in help-overlay order.
    pub const BINDABLE: [Self; 29] = [
        Self::Up,
        Self::Down,
        Self::PageUp,
        Self::PageDown,
        Self::First,
        Self::Last,
        Self::Open,
        Self::Back,
        Self::FocusNext,
        Self::FocusPrev,
        Self::FocusQuery,
        Self::ClearQuery,
        Self::Copy,
        Self::OpenLink,
        Self::ToggleSidebar,
        Self::ToggleBidi,
        Self::NextQuote,
        Self::PrevQuote,
        Self::Help,
        Self::Problems,
        Self::Quit,
        Self::Suspend,
        Self::Backspace,
        Self::Delete,
        Self::DeleteWord,
        Self::Left,
        Self::Right,
        Self::LineStart,
        Self::LineEnd,
    ];

    /// The bindable action with this config name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::BINDABLE.into_iter().find(|a| a.name() == Some(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bindable_action_has_a_unique_name_that_parses_back() {
        let mut names: Vec<&str> = Action::BINDABLE.iter().filter_map(Action::name).collect();
        assert_eq!(names.len(), Action::BINDABLE.len());
        for name in &names {
            assert_eq!(Action::from_name(name).and_then(|a| a.name()), Some(*name));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::BINDABLE.len());
    }
}
