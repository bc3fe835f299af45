//! The actor sidebar: every actor by quote count, narrowed by a filter typed into it.

use super::editor::Editor;
use crate::index::Index;

/// The sidebar's state.
#[derive(Debug, Clone)]
pub struct Sidebar {
    /// Whether it is on screen.
    pub shown: bool,
    /// The filter line.
    pub filter: Editor,
    /// Actors listed (indices in the corpus), best first.
    pub visible: Vec<usize>,
    /// When the filter matched an alias rather than the name: the alias, per visible row.
    pub matched: Vec<Option<String>>,
    /// Index of the selected row in `visible`.
    pub selected: usize,
    /// Index of the first row on screen.
    pub offset: usize,
    all: Vec<usize>,
}

impl Sidebar {
    /// Every actor of `index`, the most quoted first.
    #[must_use]
    pub fn new(index: &Index, shown: bool) -> Self {
        let mut all: Vec<usize> = (0..index.corpus.actors.len()).collect();
        all.sort_by(|&a, &b| {
            let count = |i: usize| index.by_actor.get(i).map_or(0, Vec::len);
            count(b).cmp(&count(a)).then_with(|| {
                index.corpus.actors[a]
                    .name
                    .cmp(&index.corpus.actors[b].name)
            })
        });
        Self {
            shown,
            filter: Editor::default(),
            matched: vec![None; all.len()],
            visible: all.clone(),
            selected: 0,
            offset: 0,
            all,
        }
    }

    /// Lists the actors matching the filter, by name-match rank (any alias, romanization or
    /// Arabic spelling), or all of them when the filter is empty.
    pub fn refilter(&mut self, index: &Index) {
        let filter = self.filter.text().trim();
        if filter.is_empty() {
            self.visible.clone_from(&self.all);
            self.matched = vec![None; self.visible.len()];
        } else {
            let matches = index.actors.filter(filter);
            self.visible = matches.iter().map(|m| m.actor).collect();
            self.matched = matches
                .into_iter()
                .map(|m| {
                    let name = index.corpus.actors.get(m.actor).map(|a| a.name.as_str());
                    (name != Some(m.alias.as_str())).then_some(m.alias)
                })
                .collect();
        }
        self.selected = 0;
        self.offset = 0;
    }

    /// The selected actor (index in the corpus).
    #[must_use]
    pub fn selected_actor(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }
}
