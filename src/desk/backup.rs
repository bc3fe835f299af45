//! The desk as one JSON file (`spotlight desk export` / `import`): a backup, and the way a
//! team passes a collection from one analyst's desk to another's.

use std::path::Path;

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::collections::{checked, collect_in};
use super::notes::note_in;
use super::{Desk, DeskError, SavedSearch, Snapshot};

/// The backup format's version, written in every file and checked on import.
pub const FORMAT: u32 = 1;

/// Everything on a desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// Always `spotlight-desk`: what the file is.
    pub kind: String,
    /// [`FORMAT`] when written.
    pub format: u32,
    /// The collections with their entries, in order.
    pub collections: Vec<BackupCollection>,
    /// The notes.
    pub notes: Vec<BackupNote>,
    /// The saved searches.
    pub searches: Vec<SavedSearch>,
}

/// A collection in a [`Backup`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupCollection {
    /// Its name.
    pub name: String,
    /// When it was made.
    pub created: String,
    /// Its quotes, in order.
    pub entries: Vec<BackupEntry>,
}

/// An entry of a [`BackupCollection`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupEntry {
    /// The quote as last seen.
    #[serde(flatten)]
    pub snapshot: Snapshot,
    /// When it was put in.
    pub added: String,
}

/// A note in a [`Backup`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupNote {
    /// The quote as last seen.
    #[serde(flatten)]
    pub snapshot: Snapshot,
    /// The note.
    pub body: String,
    /// When it was written.
    pub updated: String,
}

impl Backup {
    /// Reads a backup file, refusing what is not one with the file named.
    pub fn read(path: &Path) -> Result<Self, DeskError> {
        let bad = |message: String| DeskError::Backup {
            path: path.to_path_buf(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
        let backup: Self =
            serde_json::from_str(&text).map_err(|e| bad(format!("line {}: {e}", e.line())))?;
        if backup.kind != "spotlight-desk" {
            return Err(bad(format!(
                "`kind` is `{}`, not `spotlight-desk`",
                backup.kind
            )));
        }
        if backup.format > FORMAT {
            return Err(bad(format!(
                "format {} is newer than this spotlight reads ({FORMAT})",
                backup.format
            )));
        }
        Ok(backup)
    }
}

impl Desk {
    /// Everything on the desk, as a backup.
    pub fn backup(&self) -> Result<Backup, DeskError> {
        let mut collections = Vec::new();
        for collection in self.collections()? {
            let entries = self
                .entries(&collection.name)?
                .into_iter()
                .map(|e| BackupEntry {
                    snapshot: e.snapshot,
                    added: e.added,
                })
                .collect();
            collections.push(BackupCollection {
                name: collection.name,
                created: collection.created,
                entries,
            });
        }
        let notes = self
            .notes()?
            .into_iter()
            .map(|n| BackupNote {
                snapshot: n.snapshot,
                body: n.body,
                updated: n.updated,
            })
            .collect();
        Ok(Backup {
            kind: "spotlight-desk".into(),
            format: FORMAT,
            collections,
            notes,
            searches: self.saved_searches()?,
        })
    }

    /// Adds a backup to the desk in one transaction: collections are merged by name (new
    /// quotes go at the end), a note replaces an older one, saved searches by name. Returns
    /// how many entries, notes and searches were new or changed.
    pub fn restore(&mut self, backup: &Backup) -> Result<usize, DeskError> {
        for collection in &backup.collections {
            checked(&collection.name)?;
        }
        self.write(|tx| {
            let mut changed = 0;
            for collection in &backup.collections {
                let entries = collection
                    .entries
                    .iter()
                    .map(|e| (&e.snapshot, e.added.as_str()));
                changed +=
                    collect_in(tx, checked(&collection.name)?, &collection.created, entries)?;
            }
            for note in &backup.notes {
                let newer: bool = tx.query_row(
                    "SELECT NOT EXISTS (SELECT 1 FROM notes WHERE quote = ?1 AND updated >= ?2)",
                    params![note.snapshot.quote, note.updated],
                    |row| row.get(0),
                )?;
                if newer {
                    note_in(tx, &note.snapshot, note.body.trim(), &note.updated)?;
                    changed += 1;
                }
            }
            for search in &backup.searches {
                changed += tx.execute(
                    "INSERT INTO saved_searches (name, query, created, seen) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (name) DO UPDATE SET query = ?2",
                    params![search.name, search.query, search.created, search.seen],
                )?;
            }
            Ok(changed)
        })
    }
}
