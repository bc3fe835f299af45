//! The pieces already in a corpus directory, found by what identifies a piece whatever form
//! it came in: its address, its node number on the site, its id (the slug of its title).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::corpus::{Corpus, Extent, Piece};

/// A piece in the corpus: its file and the date of its "Updated" line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The piece's file.
    pub path: PathBuf,
    /// Its "Updated" date, if any.
    pub updated: Option<Date>,
}

/// The pieces of a corpus directory, by address, node and id.
#[derive(Debug, Default)]
pub struct Present {
    entries: Vec<Entry>,
    by_url: HashMap<String, usize>,
    by_node: HashMap<u64, usize>,
    by_id: HashMap<String, usize>,
}

impl Present {
    /// The corpus at `dir` as an import finds it (empty when it has no pieces yet), and its
    /// pieces.
    pub fn of(dir: &Path) -> anyhow::Result<(Corpus, Self)> {
        let mut present = Self::default();
        if !dir.join(crate::corpus::files::PIECES_DIR).is_dir() {
            return Ok((Corpus::default(), present));
        }
        let corpus = Corpus::open(dir, Extent::Bare)?;
        for piece in &corpus.pieces {
            present.add(piece, dir.join(&piece.source));
        }
        Ok((corpus, present))
    }

    /// Notes `piece`, stored at `path`.
    pub fn add(&mut self, piece: &Piece, path: PathBuf) {
        let at = self.entries.len();
        self.entries.push(Entry {
            path,
            updated: piece.updated,
        });
        if let Some(url) = piece.url.as_deref() {
            self.by_url.insert(same_page(url), at);
        }
        if let Some(node) = piece.node {
            self.by_node.insert(node, at);
        }
        self.by_id.insert(piece.id.clone(), at);
    }

    /// The piece already present that `piece` is: same address, same node, or same id.
    #[must_use]
    pub fn find(&self, piece: &Piece) -> Option<&Entry> {
        let by_url = piece
            .url
            .as_deref()
            .and_then(|u| self.by_url.get(&same_page(u)));
        let by_node = piece.node.and_then(|n| self.by_node.get(&n));
        let at = by_url.or(by_node).or_else(|| self.by_id.get(&piece.id))?;
        self.entries.get(*at)
    }
}

/// An address as it names a page: scheme, `www.`, case of the host, a trailing slash, the
/// query and the fragment make no difference.
#[must_use]
pub fn same_page(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    format!("{host}/{}", path.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_page_by_any_of_its_addresses() {
        let a = same_page("https://www.Example.org/policy-analysis/a-piece/?utm=x#top");
        assert_eq!(a, "example.org/policy-analysis/a-piece");
        assert_eq!(same_page("http://example.org/policy-analysis/a-piece"), a);
        let mut present = Present::default();
        let mut piece = Piece::named("a-piece".into(), "A Piece".into(), "pieces/a.md".into());
        piece.node = Some(7);
        present.add(&piece, PathBuf::from("pieces/a.md"));
        let mut other = Piece::named("retitled".into(), "Retitled".into(), String::new());
        assert!(present.find(&other).is_none());
        other.node = Some(7);
        assert_eq!(
            present.find(&other).map(|e| e.path.clone()),
            Some(PathBuf::from("pieces/a.md"))
        );
    }
}
