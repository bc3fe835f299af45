//! Mouse clicks and the wheel, mapped onto the panes of the current layout.

use super::super::{App, Focus, Layout};
use super::WHEEL;

impl App {
    pub(super) fn click(&mut self, column: u16, row: u16) {
        let layout = self.layout();
        let Some(panes) = layout.panes() else {
            return;
        };
        let full = matches!(layout, Layout::Full(_));
        let list = if full { panes.list.inner() } else { panes.list };
        if list.contains(column, row) {
            let at = self.offset + usize::from(row - list.y);
            if at < self.results.hits.len() {
                self.selected = at;
                self.viewer_scroll = 0;
            }
            self.focus = Focus::Results;
        } else if panes.query.contains(column, row) {
            self.focus = Focus::Query;
        } else if panes.viewer.is_some_and(|v| v.contains(column, row)) {
            self.focus = Focus::Viewer;
        } else if let Some(side) = panes.sidebar.filter(|s| s.contains(column, row)) {
            self.focus = Focus::Sidebar;
            let first_row = side.inner().y + 1;
            if let Some(r) = row.checked_sub(first_row) {
                let at = self.sidebar.offset + usize::from(r);
                if at < self.sidebar.visible.len() {
                    self.sidebar.selected = at;
                }
            }
        }
        self.keep_selection_visible();
    }

    pub(super) fn wheel(&mut self, up: bool, column: u16, row: u16) {
        let Some(panes) = self.layout().panes().copied() else {
            return;
        };
        let delta = if up {
            -(WHEEL as isize)
        } else {
            WHEEL as isize
        };
        if panes.viewer.is_some_and(|v| v.contains(column, row)) {
            let before = self.focus;
            self.focus = Focus::Viewer;
            self.move_by(delta);
            self.focus = before;
        } else if panes.sidebar.is_some_and(|s| s.contains(column, row)) {
            let before = self.focus;
            self.focus = Focus::Sidebar;
            self.move_by(delta);
            self.focus = before;
        } else if self.focus == Focus::Sidebar || self.focus == Focus::Viewer {
            self.focus = Focus::Results;
            self.move_by(delta);
        } else {
            self.move_by(delta);
        }
    }
}
