//! The interactive application as plain data: what is focused, typed, found and selected.
//!
//! Only [`App::update`] changes it, one [`Action`] at a time; the UI draws it from `&App`; the
//! terminal front-ends (local and SSH) turn keys into actions and carry out the [`Effect`]s
//! (clipboard, browser) that an update asks for. No terminal or ratatui type appears here.

mod action;
mod citation;
mod desk;
mod editor;
mod geometry;
pub mod help;
mod marks;
mod notes;
mod reader;
mod reload;
mod saved;
mod shelf;
mod sidebar;
mod timeline;
mod update;
mod wrap;

use std::sync::Arc;

pub use self::action::{Action, DeskUpdate, Loaded, Reloaded};
pub use self::citation::citation;
pub use self::desk::{Asking, DeskOp, DeskView, Prompt, Saved, Shelf};
pub use self::editor::Editor;
pub use self::geometry::{Area, Layout, Panes};
pub use self::marks::Marks;
pub use self::reader::{BlockStyle, Mark, MarkKind, Reader, ReaderBlock, ReaderLine};
pub use self::saved::SearchList;
pub use self::sidebar::Sidebar;
pub use self::timeline::TimelineView;
pub use self::wrap::{cluster_width, display_width, wrap};
use crate::index::Index;
use crate::index::quotes::QuoteId;
use crate::search::engine::Results;
use crate::search::query::parse;
use crate::search::worker::{self, Request, Response};

/// What the status line says while keys wait for the corpus to be read.
const WAITING: &str = "reading the corpus\u{2026} (the key takes effect when it is read)";

/// How many results the full ranking keeps for the list.
pub const RESULT_LIMIT: usize = 10_000;

/// The pane that receives typed keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The query line: typing edits the query.
    Query,
    /// The result list.
    Results,
    /// The quote viewer: keys scroll it.
    Viewer,
    /// The actor sidebar: typing filters it.
    Sidebar,
}

/// Something the front-end must do outside the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Run this query (with the search worker) and bring its answers back as
    /// [`Action::Found`].
    Search(Request),
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Open this link in a local browser, where there is one.
    OpenLink(String),
    /// Stop the program and give the terminal back until `fg` (a local terminal only).
    Suspend,
    /// Write this change to the desk, then bring the desk back as [`Action::Desk`].
    Desk(DeskOp),
    /// Export these quotes (stable ids, in order) as `format`: to a file on a local terminal,
    /// to the clipboard over SSH.
    Export {
        /// The format.
        format: crate::export::Format,
        /// The title of a brief.
        title: String,
        /// The quotes' stable ids.
        quotes: Vec<String>,
    },
}

/// Who puts right-to-left text (Arabic names, quotes) in visual order with joined letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Bidi {
    /// spotlight reorders and shapes each frame: for terminals that draw cells as they come
    /// (xterm, tmux, kitty, Alacritty, Windows Terminal...), the most common kind.
    #[default]
    App,
    /// The cells go out in logical order: for terminals that do bidi and shaping themselves
    /// (VTE-based ones, Konsole, mlterm), which the app's reordering would undo.
    Terminal,
}

/// A one-line message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The message.
    pub text: String,
    /// Whether it reports a problem.
    pub error: bool,
}

/// The whole state of one interactive session over a shared index.
#[derive(Debug)]
pub struct App {
    /// The corpus and its index, shared with every other session.
    pub index: Arc<Index>,
    /// The generation of the newest query submitted: answers to older ones are ignored.
    generation: u64,
    /// The query line.
    pub query: Editor,
    /// The query's filters (`@actor`, `date:`, ...) in normal form, for the status line.
    pub filters: String,
    /// The latest results for the query line.
    pub results: Results,
    /// Whether `results` are the full ranking (not just the first screenful).
    pub complete: bool,
    /// Whether the latest query's results are still to come.
    pub searching: bool,
    /// Index of the selected hit in `results.hits`.
    pub selected: usize,
    /// Index of the first hit on screen.
    pub offset: usize,
    /// Lines the viewer is scrolled down.
    pub viewer_scroll: usize,
    /// Which pane has the keys.
    pub focus: Focus,
    /// The actor sidebar.
    pub sidebar: Sidebar,
    /// The piece reader, when open.
    pub reader: Option<Reader>,
    /// The help overlay's scroll, when open.
    pub help: Option<usize>,
    /// The corpus problems overlay's scroll, when open.
    pub problems: Option<usize>,
    /// The link shown by [`Action::OpenLink`], until the next action.
    pub link: Option<String>,
    /// The latest message for the status line.
    pub notice: Option<Notice>,
    /// Screen size in cells.
    pub size: (u16, u16),
    /// Whether the user wants to leave.
    pub quit: bool,
    /// The help overlay's rows (keys, what they do), filled in by the front-end's keymap.
    pub keys_help: Vec<(String, String)>,
    /// Who orders right-to-left text on this terminal, set by the front-end; a key toggles it.
    pub bidi: Bidi,
    /// Whether the newest query was typed after the current results: its first answer starts
    /// the list from the top.
    fresh: bool,
    /// Keys that need the quotes' records (open, copy, link), pressed while the index had
    /// none yet: carried out when the corpus is loaded.
    waiting: Vec<Action>,
    /// The user's desk (collections, notes), as the front end last read it.
    pub desk: Arc<DeskView>,
    /// Quotes marked in the list.
    pub marks: Marks,
    /// A question in place of the query line (a collection's name, a note), when asked.
    pub prompt: Option<Prompt>,
    /// The collection shown as the result list, when one is open.
    pub shelf: Option<String>,
    /// The collection quotes were last put in: the collect prompt offers it.
    pub last_shelf: Option<String>,
    /// The list of collections (its selected row), when open.
    pub shelves: Option<usize>,
    /// The notes view, when open: the query it was opened from, given back when it closes.
    pub notes_view: Option<String>,
    /// The list of saved searches, when open.
    pub searches: Option<SearchList>,
    /// Quotes whose pieces were imported after this are new (marked `+`): since the last
    /// visit, or since a saved search was last run.
    pub new_since: Option<jiff::Timestamp>,
    /// Whether "new since your last visit" has been said.
    welcomed: bool,
    /// Actors marked in the sidebar to compare side by side (at most three).
    pub compare: Vec<usize>,
    /// The timeline overlay, when open.
    pub timeline: Option<TimelineView>,
    effects: Vec<Effect>,
}

impl App {
    /// A session over `index` on a `width` x `height` screen, showing every quote.
    #[must_use]
    pub fn new(index: Arc<Index>, width: u16, height: u16) -> Self {
        let sidebar = Sidebar::new(&index, width >= geometry::WIDE);
        let notice = corpus_notice(&index);
        let mut app = Self {
            index,
            generation: 0,
            query: Editor::default(),
            filters: String::new(),
            results: Results::default(),
            complete: false,
            searching: false,
            selected: 0,
            offset: 0,
            viewer_scroll: 0,
            focus: Focus::Query,
            sidebar,
            reader: None,
            help: None,
            problems: None,
            link: None,
            notice,
            size: (width, height),
            quit: false,
            keys_help: Vec::new(),
            bidi: Bidi::default(),
            fresh: true,
            waiting: Vec::new(),
            desk: Arc::default(),
            marks: Marks::default(),
            prompt: None,
            shelf: None,
            shelves: None,
            last_shelf: None,
            searches: None,
            notes_view: None,
            new_since: None,
            compare: Vec::new(),
            welcomed: false,
            timeline: None,
            effects: Vec::new(),
        };
        app.submit();
        app
    }

    /// The layout of the current screen.
    #[must_use]
    pub fn layout(&self) -> Layout {
        Layout::compute(self.size.0, self.size.1, self.sidebar.shown)
    }

    /// Whether typed characters go into a text field (the query line or the sidebar filter)
    /// rather than acting as keys (`j`, `q`, `?`).
    #[must_use]
    pub fn typing(&self) -> bool {
        self.prompt.is_some()
            || self.reader.is_none()
                && self.timeline.is_none()
                && self.shelves.is_none()
                && self.searches.is_none()
                && self.help.is_none()
                && matches!(self.focus, Focus::Query | Focus::Sidebar)
    }

    /// The selected quote, if any.
    #[must_use]
    pub fn selected_quote(&self) -> Option<QuoteId> {
        self.results.hits.get(self.selected).map(|h| h.quote)
    }

    /// Takes the effects the last updates asked for.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The effects asked for and not yet taken, for a front end that plans how to carry them.
    #[must_use]
    pub fn pending_effects(&self) -> &[Effect] {
        &self.effects
    }

    /// Answers the searches asked for, here and now, leaving the other effects queued: for
    /// tests, benchmarks and scripted sessions that want a settled screen without a worker.
    pub fn search_inline(&mut self) {
        let (searches, others): (Vec<Effect>, Vec<Effect>) = std::mem::take(&mut self.effects)
            .into_iter()
            .partition(|e| matches!(e, Effect::Search(_)));
        self.effects = others;
        for effect in searches {
            if let Effect::Search(request) = effect {
                let response = worker::answer(&request, RESULT_LIMIT);
                self.update(Action::Found(Box::new(response)));
            }
        }
    }

    /// Takes in an answer from the search worker, unless a newer query has been submitted
    /// since.
    fn receive(&mut self, response: Response) {
        if response.generation != self.generation
            || self.shelf.is_some()
            || self.notes_view.is_some()
        {
            return;
        }
        let keep = if std::mem::take(&mut self.fresh) {
            None
        } else {
            self.selected_quote()
        };
        self.results = response.results;
        self.complete = response.complete;
        self.searching = !response.complete;
        // Keep the same quote selected while the ranking settles, else go back to the top.
        self.selected = keep
            .and_then(|q| self.results.hits.iter().position(|h| h.quote == q))
            .unwrap_or(0);
        if self.selected == 0 {
            self.offset = 0;
            self.viewer_scroll = 0;
        }
        self.keep_selection_visible();
    }

    /// Moves to a new index of the same corpus (the same quotes, actors and pieces, in the
    /// same order, now with their records): searches the query again on it, keeping the
    /// selected quote, then carries out the keys that were waiting for the records.
    fn load(&mut self, index: Arc<Index>) {
        self.index = index;
        self.submit();
        self.fresh = false;
        if !self.index.has_records() {
            return;
        }
        if self.notice.as_ref().is_some_and(|n| n.text == WAITING) {
            self.notice = None;
        }
        self.welcome_back();
        for action in std::mem::take(&mut self.waiting) {
            self.update(action);
        }
    }

    /// Keeps a key that needs the quotes' records until they are read.
    fn wait_for_records(&mut self, action: Action) {
        self.waiting.push(action);
        self.notice = Some(Notice {
            text: WAITING.to_string(),
            error: false,
        });
    }

    /// Asks for the query line to be searched (an [`Effect::Search`]), parsed once here.
    fn submit(&mut self) {
        let query = parse(self.query.text());
        let mut filters = query.clone();
        filters.groups.clear();
        filters.errors.clear();
        self.filters = filters.to_string();
        self.generation += 1;
        self.effects.push(Effect::Search(Request {
            generation: self.generation,
            text: self.query.text().to_string(),
            query,
            index: Arc::clone(&self.index),
        }));
        self.searching = true;
        self.fresh = true;
    }
}

/// The corpus's problems in one short line: the count (and how many are errors), or the one
/// problem by its file name; the list is one key away (F3).
fn corpus_notice(index: &Index) -> Option<Notice> {
    let problems = &index.corpus.problems;
    let first = problems.first()?;
    let errors = problems
        .iter()
        .filter(|p| p.severity == crate::corpus::Severity::Error)
        .count();
    let text = if problems.len() == 1 {
        format!(
            "corpus: {}:{}: {}",
            first.file_name(),
            first.line,
            first.message
        )
    } else {
        format!(
            "corpus: {} problems, {errors} error{}: F3 lists them",
            problems.len(),
            if errors == 1 { "" } else { "s" }
        )
    };
    Some(Notice {
        text,
        error: index.corpus.has_errors(),
    })
}

#[cfg(test)]
mod tests;
