//! [`App::update`]: the one place where actions change the state.

mod pointer;
mod reader;

use super::{Action, App, Asking, Bidi, Effect, Focus, Layout, Notice, citation};

/// Rows the mouse wheel moves.
const WHEEL: usize = 3;

impl App {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(
            action,
            Action::Resize { .. }
                | Action::Scroll { .. }
                | Action::Found(_)
                | Action::Loaded(_)
                | Action::Reloaded(_)
                | Action::Desk(_)
        ) {
            self.link = None;
            if self.notice.as_ref().is_some_and(|n| !n.error) {
                self.notice = None;
            }
        }
        match action {
            Action::Resize { width, height } => self.resize(width, height),
            Action::Found(response) => self.receive(*response),
            Action::Loaded(loaded) => self.load(loaded.0),
            Action::Reloaded(reloaded) => self.reload(reloaded),
            Action::Desk(desk) => self.take_desk(desk.0),
            _ if self.prompt.is_some() => self.update_prompt(action),
            Action::Quit => self.quit = true,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::ToggleBidi => self.toggle_bidi(),
            _ if self.help.is_some() => self.update_help(&action),
            _ if self.problems.is_some() => self.update_problems(&action),
            _ if self.timeline.is_some() => self.update_timeline(&action),
            _ if self.shelves.is_some() => self.update_shelves(&action),
            _ if self.searches.is_some() => self.update_searches(&action),
            _ if self.reader.is_some() => self.update_reader(action),
            _ => self.update_browse(action),
        }
    }

    fn toggle_bidi(&mut self) {
        let (bidi, text) = match self.bidi {
            Bidi::App => (Bidi::Terminal, "right-to-left text: left to the terminal"),
            Bidi::Terminal => (
                Bidi::App,
                "right-to-left text: ordered and joined by spotlight",
            ),
        };
        self.bidi = bidi;
        self.notice = Some(Notice {
            text: text.to_string(),
            error: false,
        });
    }

    fn resize(&mut self, width: u16, height: u16) {
        let wide = super::geometry::WIDE;
        if (self.size.0 >= wide) != (width >= wide) {
            self.sidebar.shown = width >= wide;
        }
        self.size = (width, height);
        if !self.sidebar.shown && self.focus == Focus::Sidebar {
            self.focus = Focus::Query;
        }
        self.layout_reader();
        self.keep_selection_visible();
    }

    fn update_browse(&mut self, action: Action) {
        match action {
            Action::Insert(_)
            | Action::Paste(_)
            | Action::Backspace
            | Action::Delete
            | Action::DeleteWord
            | Action::Left
            | Action::Right
            | Action::LineStart
            | Action::LineEnd => self.edit(&action),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-self.page()),
            Action::PageDown => self.move_by(self.page()),
            Action::First => self.move_by(isize::MIN / 2),
            Action::Last => self.move_by(isize::MAX / 2),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::FocusQuery => self.focus = Focus::Query,
            Action::Open if self.focus == Focus::Sidebar => self.pick_actor(),
            Action::Open
            | Action::Copy
            | Action::OpenLink
            | Action::Mark
            | Action::MarkAll
            | Action::Collect
            | Action::Collections
            | Action::Note
            | Action::Export
            | Action::Timeline
            | Action::Searches
            | Action::Notes
                if !self.index.has_records() =>
            {
                self.wait_for_records(action);
            }
            Action::Mark if self.focus == Focus::Sidebar => self.toggle_compare(),
            Action::Mark => self.toggle_mark(),
            Action::MarkAll => self.mark_all(),
            Action::ClearMarks => self.clear_marks(),
            Action::Collect => self.ask_collect(),
            Action::Collections => self.open_shelves(),
            Action::Note => self.ask_note(),
            Action::Export => self.ask(Asking::Export, "md"),
            Action::Timeline => self.open_timeline(),
            Action::MoveUp => self.shift_entry(-1),
            Action::MoveDown => self.shift_entry(1),
            Action::Remove => self.remove_entry(),
            Action::SaveSearch => self.ask_save_search(),
            Action::Notes => self.open_notes(),
            Action::Searches => self.open_searches(),
            Action::Open => self.open_reader(),
            Action::Back => self.back(),
            Action::ClearQuery => self.set_query(""),
            Action::Help => self.help = Some(0),
            Action::Problems => self.problems = Some(0),
            Action::Copy => self.copy(self.selected_quote()),
            Action::OpenLink => self.open_link(self.selected_quote().and_then(|q| {
                let piece = self.index.piece.get(q as usize)?;
                Some(*piece as usize)
            })),
            Action::ToggleSidebar => {
                self.sidebar.shown = !self.sidebar.shown;
                if self.sidebar.shown {
                    self.focus = Focus::Sidebar;
                } else if self.focus == Focus::Sidebar {
                    self.focus = Focus::Query;
                }
            }
            Action::Click { column, row } => self.click(column, row),
            Action::Scroll { up, column, row } => self.wheel(up, column, row),
            Action::NextQuote
            | Action::PrevQuote
            | Action::Quit
            | Action::Suspend
            | Action::ToggleBidi
            | Action::Found(_)
            | Action::Loaded(_)
            | Action::Reloaded(_)
            | Action::Rename
            | Action::Desk(_)
            | Action::Resize { .. } => {}
        }
    }

    fn edit(&mut self, action: &Action) {
        if !matches!(self.focus, Focus::Query | Focus::Sidebar) {
            self.focus = Focus::Query;
        }
        let field = if self.focus == Focus::Sidebar {
            &mut self.sidebar.filter
        } else {
            &mut self.query
        };
        let before = field.text().to_string();
        field.apply(action);
        if field.text() != before {
            if self.focus == Focus::Sidebar {
                self.sidebar.refilter(&self.index);
            } else if self.notes_view.is_some() {
                self.show_notes();
            } else {
                // Typing a query leaves an open collection for the search.
                self.shelf = None;
                self.submit();
            }
        }
    }

    /// Rows in one page of the focused list.
    fn page(&self) -> isize {
        let rows = match self.layout() {
            Layout::TooSmall => 1,
            Layout::Compact(p) => p.list_rows(false),
            Layout::Full(p) if self.focus == Focus::Sidebar => {
                p.sidebar.map_or(1, |s| s.inner().height.saturating_sub(1))
            }
            Layout::Full(p) => p.list_rows(true),
        };
        isize::try_from(rows.max(2) - 1).unwrap_or(1)
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::Sidebar => {
                let len = self.sidebar.visible.len();
                self.sidebar.selected = step(self.sidebar.selected, delta, len);
            }
            Focus::Viewer => self.viewer_scroll = step(self.viewer_scroll, delta, usize::MAX / 2),
            Focus::Query | Focus::Results => {
                let before = self.selected;
                self.selected = step(self.selected, delta, self.results.hits.len());
                if before != self.selected {
                    self.viewer_scroll = 0;
                }
            }
        }
        self.keep_selection_visible();
    }

    /// Scrolls the result list and the sidebar so their selections are on screen.
    pub(super) fn keep_selection_visible(&mut self) {
        let Some(panes) = self.layout().panes().copied() else {
            return;
        };
        let full = matches!(self.layout(), Layout::Full(_));
        let rows = usize::from(panes.list_rows(full)).max(1);
        // On the last row of a capped list, the note under it (see `ui::results`) shows too.
        let last = self.results.hits.len().saturating_sub(1);
        let target = if self.results.is_capped() && self.selected == last && rows > 1 {
            self.selected + 1
        } else {
            self.selected
        };
        self.offset = visible_offset(self.offset, target, rows);
        if let Some(side) = panes.sidebar {
            // The sidebar shows a filter line and, under the list, the actor's details.
            let rows = usize::from(side.inner().height.saturating_sub(1)) / 2;
            self.sidebar.offset =
                visible_offset(self.sidebar.offset, self.sidebar.selected, rows.max(1));
        }
    }

    fn cycle_focus(&mut self, forward: bool) {
        let layout = self.layout();
        let panes = layout.panes();
        let mut ring = Vec::with_capacity(4);
        if panes.is_some_and(|p| p.sidebar.is_some()) {
            ring.push(Focus::Sidebar);
        }
        ring.extend([Focus::Query, Focus::Results]);
        if panes.is_some_and(|p| p.viewer.is_some()) {
            ring.push(Focus::Viewer);
        }
        let at = ring.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = if forward {
            (at + 1) % ring.len()
        } else {
            (at + ring.len() - 1) % ring.len()
        };
        self.focus = ring[next];
    }

    fn back(&mut self) {
        if self.notes_view.is_some() {
            self.close_notes();
            self.focus = Focus::Query;
        } else if self.shelf.is_some() {
            self.close_shelf();
            self.focus = Focus::Query;
        } else if self.focus == Focus::Sidebar && !self.sidebar.filter.text().is_empty() {
            self.sidebar.filter.clear();
            self.sidebar.refilter(&self.index);
        } else if self.focus != Focus::Query {
            self.focus = Focus::Query;
        } else if !self.query.text().is_empty() {
            self.set_query("");
        }
    }

    /// Replaces the query line and searches for it.
    pub fn set_query(&mut self, text: &str) {
        if self.query.text() != text {
            self.query.set(text);
            self.submit();
        } else {
            self.query.end();
        }
    }

    /// Puts the sidebar's selected actor into the query as `@id`, replacing any actor there.
    fn pick_actor(&mut self) {
        if let Some(actor) = self.sidebar.selected_actor() {
            self.filter_by_actor(actor);
        }
    }

    fn filter_by_actor(&mut self, actor: usize) {
        let Some(id) = self.index.corpus.actors.get(actor).map(|a| a.id.clone()) else {
            return;
        };
        let rest: Vec<&str> = self
            .query
            .text()
            .split_whitespace()
            .filter(|w| !w.starts_with('@'))
            .collect();
        let query = std::iter::once(format!("@{id}"))
            .chain(rest.iter().map(|w| (*w).to_string()))
            .collect::<Vec<_>>()
            .join(" ");
        self.set_query(&format!("{query} "));
        self.focus = Focus::Query;
    }

    fn copy(&mut self, quote: Option<u32>) {
        let Some(text) = quote.and_then(|q| citation(&self.index, q)) else {
            self.notice = Some(Notice {
                text: "nothing to copy: no quote selected".into(),
                error: true,
            });
            return;
        };
        self.effects.push(Effect::Copy(text));
        self.notice = Some(Notice {
            text: "copied citation to the clipboard (OSC 52)".into(),
            error: false,
        });
    }

    fn open_link(&mut self, piece: Option<usize>) {
        let Some(piece) = piece.and_then(|p| self.index.corpus.pieces.get(p)) else {
            self.notice = Some(Notice {
                text: "no quote selected: nothing to link to".into(),
                error: false,
            });
            return;
        };
        match piece.url.clone() {
            Some(url) => {
                self.effects.push(Effect::OpenLink(url.clone()));
                self.link = Some(url);
            }
            None => {
                self.notice = Some(Notice {
                    text: "no source link recorded for this piece".into(),
                    error: true,
                });
            }
        }
    }
}

/// `at` moved by `delta`, kept within `0..len`.
fn step(at: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    at.saturating_add_signed(delta).min(len - 1)
}

/// The first row to show so that row `selected` is among `rows` rows starting there.
fn visible_offset(offset: usize, selected: usize, rows: usize) -> usize {
    if selected < offset {
        selected
    } else if selected >= offset + rows {
        selected + 1 - rows
    } else {
        offset
    }
}
