//! The analyst's desk: collections of quotes, notes on quotes and saved searches, kept in an
//! embedded SQLite database, one file per user.
//!
//! The desk refers to quotes by their stable ids (`<piece id>/<fingerprint>`) and keeps a
//! [`Snapshot`] of each quote's words beside the id, so an entry whose quote left the corpus
//! still shows what it was. Every change is one transaction in WAL mode with full sync: a
//! process killed in the middle of a write leaves the desk as it was before or after it.

mod backup;
mod collections;
mod notes;
mod saved;
mod schema;

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

pub use self::backup::Backup;
pub use self::collections::{Collection, Entry};
pub use self::notes::Note;
pub use self::saved::SavedSearch;

/// The desk's file name under `$XDG_DATA_HOME/spotlight/`.
pub const FILE: &str = "desk.sqlite";

/// What went wrong with a desk, naming its file.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    /// The database could not be opened, read or written.
    #[error("desk {}: {source}", path.display())]
    Sql {
        /// The desk's file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The desk's directory could not be made.
    #[error("desk {}: {source}", path.display())]
    Dir {
        /// The directory.
        path: PathBuf,
        /// Why not.
        source: std::io::Error,
    },
    /// A newer spotlight wrote the desk: this one does not know its schema.
    #[error(
        "desk {}: schema version {found} is newer than this spotlight knows ({known}); \
         update spotlight, or back the desk up with a newer one (`spotlight desk export`)",
        path.display()
    )]
    Newer {
        /// The desk's file.
        path: PathBuf,
        /// The version the file has.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// A name the operation needs does not exist.
    #[error("no collection named `{0}` (see `spotlight collections`)")]
    NoCollection(String),
    /// A new name is already taken.
    #[error("a collection named `{0}` already exists")]
    Taken(String),
    /// A name (of a collection or a saved search) that cannot be one.
    #[error("`{0}` cannot be a name: give one with a letter or digit in it")]
    BadName(String),
    /// A backup file that cannot be read.
    #[error("{}: {message}", path.display())]
    Backup {
        /// The backup file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
}

/// What the desk remembers of a quote beside its id: enough to show and cite an entry whose
/// quote is no longer in the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Snapshot {
    /// The quote's stable id.
    pub quote: String,
    /// Its words when last seen.
    pub text: String,
    /// Its speaker's name when last seen.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Its piece's title when last seen.
    #[serde(default)]
    pub piece: Option<String>,
    /// Its date when last seen.
    #[serde(default)]
    pub date: Option<Date>,
}

/// One user's desk: an open SQLite database.
#[derive(Debug)]
pub struct Desk {
    conn: Connection,
    path: PathBuf,
}

impl Desk {
    /// The default desk of the local user: `$XDG_DATA_HOME/spotlight/desk.sqlite`.
    #[must_use]
    pub fn default_path() -> Option<PathBuf> {
        crate::xdg::spotlight_file("XDG_DATA_HOME", ".local/share", FILE)
    }

    /// Opens the desk at `path`, making it (and its directory) on first use and bringing an
    /// older schema up to date.
    pub fn open(path: &Path) -> Result<Self, DeskError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| DeskError::Dir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|source| DeskError::Sql {
            path: path.to_path_buf(),
            source,
        })?;
        Self::ready(conn, path.to_path_buf())
    }

    /// A desk that lives in memory only, for tests and for a session without a disk.
    pub fn in_memory() -> Result<Self, DeskError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| DeskError::Sql {
            path: path.clone(),
            source,
        })?;
        Self::ready(conn, path)
    }

    fn ready(conn: Connection, path: PathBuf) -> Result<Self, DeskError> {
        let mut desk = Self { conn, path };
        let setup = desk.conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
        );
        desk.sql(setup)?;
        schema::migrate(&mut desk)?;
        Ok(desk)
    }

    /// A number that changes when another connection (another session of the same user, a
    /// command) commits a change to the desk: polled to keep sessions in step.
    pub fn version(&self) -> Result<i64, DeskError> {
        self.read(|c| c.query_row("PRAGMA data_version", [], |row| row.get(0)))
    }

    /// SQLite's own check of the file: `ok`, or what is damaged.
    pub fn check(&self) -> Result<Vec<String>, DeskError> {
        self.read(|c| {
            c.prepare("PRAGMA integrity_check")?
                .query_map([], |row| row.get(0))?
                .collect()
        })
    }

    /// The desk's file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The result of a SQLite call, its error naming this desk's file.
    fn sql<T>(&self, result: rusqlite::Result<T>) -> Result<T, DeskError> {
        result.map_err(|source| DeskError::Sql {
            path: self.path.clone(),
            source,
        })
    }

    /// Runs `work` in one transaction: all of it is written, or none.
    fn write<T>(
        &mut self,
        work: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, DeskError>,
    ) -> Result<T, DeskError> {
        let path = self.path.clone();
        let run = |conn: &mut Connection| {
            let tx = conn.transaction()?;
            let value = work(&tx)?;
            tx.commit()?;
            Ok(value)
        };
        run(&mut self.conn).map_err(|e| match e {
            DeskError::Sql { path: p, source } if p.as_os_str().is_empty() => {
                DeskError::Sql { path, source }
            }
            other => other,
        })
    }

    /// Runs a read, its SQLite errors naming this desk's file.
    fn read<T>(
        &self,
        work: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, DeskError> {
        self.sql(work(&self.conn))
    }
}

/// A SQLite error inside [`Desk::write`], which names the file once it is out.
impl From<rusqlite::Error> for DeskError {
    fn from(source: rusqlite::Error) -> Self {
        Self::Sql {
            path: PathBuf::new(),
            source,
        }
    }
}

/// Now, as the desk stores times: RFC 3339 in UTC, which sorts as text.
fn now() -> String {
    jiff::Timestamp::now().to_string()
}

/// The snapshot in the five columns of `row` from `first` on: quote, text, speaker, piece,
/// date (the order entries and notes both store them in).
fn snapshot_at(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Snapshot> {
    Ok(Snapshot {
        quote: row.get(first)?,
        text: row.get(first + 1)?,
        speaker: row.get(first + 2)?,
        piece: row.get(first + 3)?,
        date: day(row.get(first + 4)?),
    })
}

/// A stored day back as a date; a malformed one is dropped rather than failing a listing.
fn day(text: Option<String>) -> Option<Date> {
    text.and_then(|t| t.parse().ok())
}

#[cfg(test)]
mod tests;
