//! Saved searches, and when the analyst last saw each (and the corpus as a whole).

use rusqlite::{OptionalExtension, params};

use super::collections::checked;
use super::{Desk, DeskError, now};

/// A query saved under a name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SavedSearch {
    /// Its name.
    pub name: String,
    /// The query, in the query language.
    pub query: String,
    /// When it was saved (RFC 3339).
    pub created: String,
    /// When its results were last seen (RFC 3339); `None` before the first time.
    #[serde(default)]
    pub seen: Option<String>,
}

impl Desk {
    /// Saves `query` under `name`, replacing the query a search of that name had.
    pub fn save_search(&mut self, name: &str, query: &str) -> Result<(), DeskError> {
        let name = checked(name)?.to_string();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO saved_searches (name, query, created) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO UPDATE SET query = ?2",
                params![name, query, now()],
            )?;
            Ok(())
        })
    }

    /// Every saved search, by name.
    pub fn saved_searches(&self) -> Result<Vec<SavedSearch>, DeskError> {
        self.read(|c| {
            c.prepare(
                "SELECT name, query, created, seen FROM saved_searches
                 ORDER BY name COLLATE NOCASE, name",
            )?
            .query_map([], |row| {
                Ok(SavedSearch {
                    name: row.get(0)?,
                    query: row.get(1)?,
                    created: row.get(2)?,
                    seen: row.get(3)?,
                })
            })?
            .collect()
        })
    }

    /// Forgets the saved search `name`; whether there was one.
    pub fn forget_search(&mut self, name: &str) -> Result<bool, DeskError> {
        let name = name.trim().to_string();
        self.write(|tx| Ok(tx.execute("DELETE FROM saved_searches WHERE name = ?1", [name])? > 0))
    }

    /// Marks the saved search `name` seen now; returns when it was seen before.
    pub fn see_search(&mut self, name: &str) -> Result<Option<String>, DeskError> {
        let name = name.trim().to_string();
        self.write(|tx| {
            let before: Option<Option<String>> = tx
                .query_row(
                    "SELECT seen FROM saved_searches WHERE name = ?1",
                    [&name],
                    |row| row.get(0),
                )
                .optional()?;
            tx.execute(
                "UPDATE saved_searches SET seen = ?2 WHERE name = ?1",
                params![name, now()],
            )?;
            Ok(before.flatten())
        })
    }

    /// Records a visit to `what` (`corpus` for the corpus as a whole) now; returns the time of
    /// the visit before, if any: what is new is what was imported after it.
    pub fn visit(&mut self, what: &str) -> Result<Option<String>, DeskError> {
        self.write(|tx| {
            let before: Option<String> = tx
                .query_row("SELECT seen FROM visits WHERE what = ?1", [what], |row| {
                    row.get(0)
                })
                .optional()?;
            tx.execute(
                "INSERT INTO visits (what, seen) VALUES (?1, ?2)
                 ON CONFLICT (what) DO UPDATE SET seen = ?2",
                params![what, now()],
            )?;
            Ok(before)
        })
    }
}
