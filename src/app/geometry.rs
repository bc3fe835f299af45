//! Which panes the screen holds at a given size, and where: decided here, as plain data, so
//! that paging and mouse clicks (state) and drawing (the UI) agree on one layout.

/// A rectangle of cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Area {
    /// Left column.
    pub x: u16,
    /// Top row.
    pub y: u16,
    /// Columns.
    pub width: u16,
    /// Rows.
    pub height: u16,
}

impl Area {
    /// Whether the cell at (`column`, `row`) lies inside.
    #[must_use]
    pub fn contains(self, column: u16, row: u16) -> bool {
        column >= self.x
            && row >= self.y
            && u32::from(column) < u32::from(self.x) + u32::from(self.width)
            && u32::from(row) < u32::from(self.y) + u32::from(self.height)
    }

    /// The area inside a one-cell border.
    #[must_use]
    pub fn inner(self) -> Self {
        Self {
            x: self.x.saturating_add(1),
            y: self.y.saturating_add(1),
            width: self.width.saturating_sub(2),
            height: self.height.saturating_sub(2),
        }
    }
}

/// Below this width or height the screen shows only a "too small" line.
pub const MIN_WIDTH: u16 = 20;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 5;
/// From this width up, the sidebar, the list and the viewer stand side by side.
pub const WIDE: u16 = 100;
/// Below this width or [`COMPACT_HEIGHT`], a single borderless list.
pub const COMPACT_WIDTH: u16 = 40;
/// See [`COMPACT_WIDTH`].
pub const COMPACT_HEIGHT: u16 = 10;

/// Rows under the query box needed to stack the viewer under the list.
const MIN_STACKED: u16 = 14;

/// How the screen is divided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Too small for anything but a one-line note.
    TooSmall,
    /// Query line, list and status line, no borders.
    Compact(Panes),
    /// Bordered panes: the viewer beside the list (wide) or under it (narrow).
    Full(Panes),
}

/// The panes of the browsing screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    /// The actor sidebar, when shown.
    pub sidebar: Option<Area>,
    /// The query line (bordered box in the full layout).
    pub query: Area,
    /// The result list (bordered in the full layout).
    pub list: Area,
    /// The quote viewer, when there is room.
    pub viewer: Option<Area>,
    /// The whole screen but the status line: where the reader and overlays go.
    pub body: Area,
    /// The status line.
    pub status: Area,
}

impl Panes {
    /// The body under the query line, across the whole width: where overlays that keep the
    /// query line (and its prompts) in sight go.
    #[must_use]
    pub fn under_query(&self) -> Area {
        let top = self.list.y.max(self.body.y);
        Area {
            x: self.body.x,
            y: top,
            width: self.body.width,
            height: (self.body.y + self.body.height).saturating_sub(top),
        }
    }

    /// Rows of results the list shows at once.
    #[must_use]
    pub fn list_rows(&self, full: bool) -> u16 {
        if full {
            self.list.inner().height
        } else {
            self.list.height
        }
    }
}

impl Layout {
    /// The layout of a `width` x `height` screen; `sidebar` says whether the user wants the
    /// actor sidebar (it is shown by default only on wide screens).
    #[must_use]
    pub fn compute(width: u16, height: u16, sidebar: bool) -> Self {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Self::TooSmall;
        }
        let body = Area {
            x: 0,
            y: 0,
            width,
            height: height - 1,
        };
        let status = Area {
            x: 0,
            y: height - 1,
            width,
            height: 1,
        };
        if width < COMPACT_WIDTH || height < COMPACT_HEIGHT {
            let query = Area { height: 1, ..body };
            let list = Area {
                y: 1,
                height: body.height - 1,
                ..body
            };
            return Self::Compact(Panes {
                sidebar: None,
                query,
                list,
                viewer: None,
                body,
                status,
            });
        }
        let mut main = body;
        let mut panes = Panes {
            body,
            status,
            ..Panes::default()
        };
        if sidebar {
            let side = if width >= WIDE {
                28
            } else {
                (width / 3).min(30)
            };
            panes.sidebar = Some(Area {
                width: side,
                ..body
            });
            main.x += side;
            main.width -= side;
        }
        let query_height = 3;
        if width >= WIDE {
            let list_width = main.width * 11 / 20;
            panes.query = Area {
                width: list_width,
                height: query_height,
                ..main
            };
            panes.list = Area {
                y: main.y + query_height,
                width: list_width,
                height: main.height - query_height,
                ..main
            };
            panes.viewer = Some(Area {
                x: main.x + list_width,
                width: main.width - list_width,
                ..main
            });
        } else {
            let rest = main.height - query_height;
            // The viewer goes under the list only where both keep a useful height.
            let list_height = if rest >= MIN_STACKED {
                rest * 9 / 20
            } else {
                rest
            };
            panes.query = Area {
                height: query_height,
                ..main
            };
            panes.list = Area {
                y: main.y + query_height,
                height: list_height,
                ..main
            };
            panes.viewer = (list_height < rest).then_some(Area {
                y: main.y + query_height + list_height,
                height: rest - list_height,
                ..main
            });
        }
        Self::Full(panes)
    }

    /// The panes, unless the screen is too small for any.
    #[must_use]
    pub fn panes(&self) -> Option<&Panes> {
        match self {
            Self::TooSmall => None,
            Self::Compact(p) | Self::Full(p) => Some(p),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(width: u16, height: u16, sidebar: bool) -> Panes {
        match Layout::compute(width, height, sidebar) {
            Layout::Full(p) => p,
            other => panic!("expected the full layout, got {other:?}"),
        }
    }

    #[test]
    fn wide_screens_put_three_panes_side_by_side() {
        let p = full(120, 40, true);
        let side = p.sidebar.expect("sidebar");
        let viewer = p.viewer.expect("viewer");
        assert_eq!(side.x + side.width, p.query.x);
        assert_eq!(p.list.x + p.list.width, viewer.x);
        assert_eq!(viewer.x + viewer.width, 120);
        assert_eq!(viewer.height, 39);
    }

    #[test]
    fn narrow_screens_put_the_viewer_under_the_list() {
        let p = full(80, 24, false);
        let viewer = p.viewer.expect("viewer");
        assert_eq!(p.sidebar, None);
        assert_eq!(viewer.y, p.list.y + p.list.height);
        assert_eq!(viewer.y + viewer.height, 23);
        assert_eq!(p.status.y, 23);
    }

    #[test]
    fn short_screens_drop_the_viewer_rather_than_squeeze_the_list() {
        let p = full(40, 12, false);
        assert_eq!(p.viewer, None);
        assert_eq!(p.list.height, 8);
    }

    #[test]
    fn small_screens_get_a_single_list_and_tiny_ones_a_note() {
        assert!(matches!(Layout::compute(39, 12, true), Layout::Compact(_)));
        assert!(matches!(Layout::compute(80, 9, true), Layout::Compact(_)));
        assert_eq!(Layout::compute(10, 3, true), Layout::TooSmall);
        assert_eq!(Layout::compute(200, 1, true), Layout::TooSmall);
        assert_eq!(Layout::compute(0, 0, true), Layout::TooSmall);
    }

    #[test]
    fn every_size_keeps_panes_on_screen() {
        for width in 0..130 {
            for height in 0..45 {
                let Some(p) = Layout::compute(width, height, true).panes().copied() else {
                    continue;
                };
                for area in [
                    Some(p.query),
                    Some(p.list),
                    p.viewer,
                    p.sidebar,
                    Some(p.status),
                ]
                .into_iter()
                .flatten()
                {
                    assert!(area.x + area.width <= width, "{width}x{height}: {area:?}");
                    assert!(area.y + area.height <= height, "{width}x{height}: {area:?}");
                }
            }
        }
    }

    #[test]
    fn contains_tests_the_edges() {
        let a = Area {
            x: 2,
            y: 3,
            width: 4,
            height: 1,
        };
        assert!(a.contains(2, 3) && a.contains(5, 3));
        assert!(!a.contains(6, 3) && !a.contains(2, 4) && !a.contains(1, 3));
    }
}
