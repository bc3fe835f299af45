//! The desk behind a session: writing the application's desk changes, reading the desk back
//! for the screen (also when another session of the same user changed it), and exports,
//! delivered as a file on a local terminal or on the clipboard over SSH.

use std::path::PathBuf;
use std::sync::Arc;

use crate::app::{DeskOp, DeskView, Saved, Shelf};
use crate::desk::{Desk, DeskError};
use crate::export::{self, Format, Item};
use crate::index::Index;

/// The most an export may weigh to go to the clipboard with OSC 52: about what common
/// terminals accept.
pub const CLIPBOARD_LIMIT: usize = 100 * 1024;

/// Where exports go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Files in this directory (a local terminal: the directory spotlight started in).
    Files(PathBuf),
    /// The client's clipboard (an SSH session).
    Clipboard,
}

/// What became of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivered {
    /// Written to this file.
    File(PathBuf),
    /// To be put on the clipboard.
    Copy(String),
    /// Too large for the clipboard: its size in bytes.
    TooLarge(usize),
}

/// A session's desk: the database, and the version of it the screen shows.
#[derive(Debug)]
pub struct DeskLink {
    desk: Desk,
    seen: i64,
    delivery: Delivery,
    /// The user's visit before this session's, recorded when the link was made.
    last_visit: Option<jiff::Timestamp>,
}

impl DeskLink {
    /// A link to `desk`, exports going to `delivery`; records this visit (what is new is
    /// what was imported since the one before).
    pub fn new(mut desk: Desk, delivery: Delivery) -> Self {
        let last_visit = desk
            .visit("corpus")
            .ok()
            .flatten()
            .and_then(|t| t.parse().ok());
        Self {
            desk,
            seen: -1,
            delivery,
            last_visit,
        }
    }

    /// The desk as the screen needs it.
    pub fn view(&mut self) -> Result<Arc<DeskView>, DeskError> {
        self.seen = self.desk.version()?;
        let mut collections = Vec::new();
        for collection in self.desk.collections()? {
            let quotes = self
                .desk
                .entries(&collection.name)?
                .into_iter()
                .map(|e| e.snapshot.quote)
                .collect();
            collections.push(Shelf {
                name: collection.name,
                quotes,
            });
        }
        let notes = self
            .desk
            .notes()?
            .into_iter()
            .map(|n| (n.snapshot.quote, n.body))
            .collect();
        let searches = self
            .desk
            .saved_searches()?
            .into_iter()
            .map(|s| Saved {
                name: s.name,
                query: s.query,
                seen: s.seen.and_then(|t| t.parse().ok()),
            })
            .collect();
        Ok(Arc::new(DeskView {
            collections,
            notes,
            searches,
            last_visit: self.last_visit,
        }))
    }

    /// The desk again when another connection changed it since the last [`Self::view`].
    pub fn changed(&mut self) -> Option<Result<Arc<DeskView>, DeskError>> {
        match self.desk.version() {
            Ok(version) if version == self.seen => None,
            Ok(_) => Some(self.view()),
            Err(e) => Some(Err(e)),
        }
    }

    /// Writes one change, then reads the desk back.
    pub fn apply(&mut self, op: DeskOp) -> Result<Arc<DeskView>, DeskError> {
        let desk = &mut self.desk;
        match op {
            DeskOp::Collect { name, quotes } => desk.collect(&name, &quotes).map(drop)?,
            DeskOp::Remove { name, quote } => desk.remove(&name, &[quote]).map(drop)?,
            DeskOp::Shift { name, quote, by } => desk.shift(&name, &quote, by).map(drop)?,
            DeskOp::Rename { from, to } => desk.rename(&from, &to)?,
            DeskOp::Delete { name } => desk.delete(&name).map(drop)?,
            DeskOp::Note { quote, body } => desk.set_note(&quote, &body)?,
            DeskOp::SaveSearch { name, query } => desk.save_search(&name, &query)?,
            DeskOp::SeeSearch { name } => desk.see_search(&name).map(drop)?,
            DeskOp::ForgetSearch { name } => desk.forget_search(&name).map(drop)?,
        }
        self.view()
    }

    /// Exports `quotes` (stable ids) of `index` as `format`, titled `title`, with their notes.
    pub fn export(
        &self,
        index: &Index,
        notes: &DeskView,
        format: Format,
        title: &str,
        quotes: &[String],
    ) -> std::io::Result<Delivered> {
        let items: Vec<Item<'_>> = quotes
            .iter()
            .filter_map(|id| {
                let note = notes.notes.get(id).map(String::as_str);
                Item::of(index, index.quote_by_id(id)?, note)
            })
            .collect();
        let mut bytes = Vec::new();
        export::write(format, title, &items, &mut bytes)?;
        match &self.delivery {
            Delivery::Clipboard if bytes.len() > CLIPBOARD_LIMIT => {
                Ok(Delivered::TooLarge(bytes.len()))
            }
            Delivery::Clipboard => Ok(Delivered::Copy(String::from_utf8_lossy(&bytes).into())),
            Delivery::Files(dir) => {
                let path = free_name(dir, title, format.extension());
                crate::atomic::write_atomically_with(
                    &path,
                    crate::atomic::Durability::Synced,
                    crate::atomic::Existing::Keep,
                    |file| std::io::Write::write_all(file, &bytes),
                )?;
                Ok(Delivered::File(path))
            }
        }
    }
}

/// `dir/<title as a file name>.<ext>`, with `-2`, `-3`... when that file exists: an export
/// never replaces a file.
fn free_name(dir: &std::path::Path, title: &str, ext: &str) -> PathBuf {
    let stem: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    let stem = if stem.is_empty() {
        "spotlight-export".to_string()
    } else {
        stem
    };
    (1..)
        .map(|n| match n {
            1 => dir.join(format!("{stem}.{ext}")),
            n => dir.join(format!("{stem}-{n}.{ext}")),
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{stem}.{ext}")))
}
