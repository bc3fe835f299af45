//! Named collections of quotes, in the order the analyst put them.

use rusqlite::{OptionalExtension, Transaction, params};

use super::{Desk, DeskError, Snapshot, now, snapshot_at};

/// A collection as listed: its name, size and times.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Collection {
    /// Its name.
    pub name: String,
    /// How many quotes it holds.
    pub count: usize,
    /// When it was made (RFC 3339).
    pub created: String,
    /// When it last changed (RFC 3339).
    pub updated: String,
}

/// One quote in a collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The quote as last seen.
    pub snapshot: Snapshot,
    /// When it was put in (RFC 3339).
    pub added: String,
}

/// A collection name as stored: trimmed, and refused when nothing in it could name anything.
pub(super) fn checked(name: &str) -> Result<&str, DeskError> {
    let name = name.trim();
    if name.chars().any(char::is_alphanumeric) && !name.chars().any(char::is_control) {
        Ok(name)
    } else {
        Err(DeskError::BadName(name.to_string()))
    }
}

/// The row id of the collection `name`, if there is one.
fn id_of(tx: &Transaction<'_>, name: &str) -> rusqlite::Result<Option<i64>> {
    tx.query_row(
        "SELECT id FROM collections WHERE name = ?1",
        [name],
        |row| row.get(0),
    )
    .optional()
}

/// Adds `quotes` (each with when it was put in) to the collection `name` inside `tx`, making
/// the collection (as made `at`) when it does not exist. Returns how many were new.
pub(super) fn collect_in<'q>(
    tx: &Transaction<'_>,
    name: &str,
    at: &str,
    quotes: impl Iterator<Item = (&'q Snapshot, &'q str)>,
) -> Result<usize, DeskError> {
    let id = match id_of(tx, name)? {
        Some(id) => id,
        None => {
            tx.execute(
                "INSERT INTO collections (name, created, updated) VALUES (?1, ?2, ?2)",
                params![name, at],
            )?;
            tx.last_insert_rowid()
        }
    };
    let mut next: i64 = tx.query_row(
        "SELECT coalesce(max(position), 0) FROM entries WHERE collection = ?1",
        [id],
        |row| row.get(0),
    )?;
    let mut added = 0;
    for (q, when) in quotes {
        let date = q.date.map(|d| d.to_string());
        let known = tx.execute(
            "UPDATE entries SET text = ?3, speaker = ?4, piece = ?5, date = ?6
             WHERE collection = ?1 AND quote = ?2",
            params![id, q.quote, q.text, q.speaker, q.piece, date],
        )?;
        if known == 0 {
            next += 1;
            tx.execute(
                "INSERT INTO entries (collection, quote, position, added, text, speaker, piece, date)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![id, q.quote, next, when, q.text, q.speaker, q.piece, date],
            )?;
            added += 1;
        }
    }
    tx.execute(
        "UPDATE collections SET updated = ?2 WHERE id = ?1",
        params![id, now()],
    )?;
    Ok(added)
}

impl Desk {
    /// Every collection, by name.
    pub fn collections(&self) -> Result<Vec<Collection>, DeskError> {
        self.read(|c| {
            let mut statement = c.prepare(
                "SELECT name, created, updated,
                        (SELECT count(*) FROM entries WHERE collection = collections.id)
                 FROM collections ORDER BY name COLLATE NOCASE, name",
            )?;
            let rows = statement.query_map([], |row| {
                Ok(Collection {
                    name: row.get(0)?,
                    created: row.get(1)?,
                    updated: row.get(2)?,
                    count: row.get::<_, i64>(3)?.try_into().unwrap_or(0),
                })
            })?;
            rows.collect()
        })
    }

    /// Adds quotes to the collection `name`, making it when it does not exist; quotes already
    /// in it keep their place (their snapshot is brought up to date). Returns how many were new.
    pub fn collect(&mut self, name: &str, quotes: &[Snapshot]) -> Result<usize, DeskError> {
        let name = checked(name)?.to_string();
        let at = now();
        self.write(|tx| collect_in(tx, &name, &at, quotes.iter().map(|q| (q, at.as_str()))))
    }

    /// The quotes of the collection `name`, in their order.
    pub fn entries(&self, name: &str) -> Result<Vec<Entry>, DeskError> {
        let entries = self.read(|c| {
            let id: Option<i64> = c
                .query_row(
                    "SELECT id FROM collections WHERE name = ?1",
                    [name.trim()],
                    |row| row.get(0),
                )
                .optional()?;
            let Some(id) = id else { return Ok(None) };
            let mut statement = c.prepare(
                "SELECT quote, text, speaker, piece, date, added FROM entries
                 WHERE collection = ?1 ORDER BY position",
            )?;
            let rows = statement.query_map([id], |row| {
                Ok(Entry {
                    snapshot: snapshot_at(row, 0)?,
                    added: row.get(5)?,
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>().map(Some)
        })?;
        entries.ok_or_else(|| DeskError::NoCollection(name.trim().to_string()))
    }

    /// Takes quotes out of the collection `name`; returns how many were in it.
    pub fn remove(&mut self, name: &str, quotes: &[String]) -> Result<usize, DeskError> {
        let name = name.trim().to_string();
        self.write(|tx| {
            let id = id_of(tx, &name)?.ok_or_else(|| DeskError::NoCollection(name.clone()))?;
            let mut removed = 0;
            for quote in quotes {
                removed += tx.execute(
                    "DELETE FROM entries WHERE collection = ?1 AND quote = ?2",
                    params![id, quote],
                )?;
            }
            tx.execute(
                "UPDATE collections SET updated = ?2 WHERE id = ?1",
                params![id, now()],
            )?;
            Ok(removed)
        })
    }

    /// Moves one quote of the collection `name` by `by` places (negative: towards the top),
    /// stopping at either end. Returns its new place, from 0.
    pub fn shift(&mut self, name: &str, quote: &str, by: i64) -> Result<usize, DeskError> {
        let name = name.trim().to_string();
        self.write(|tx| {
            let id = id_of(tx, &name)?.ok_or_else(|| DeskError::NoCollection(name.clone()))?;
            let mut order: Vec<String> = tx
                .prepare("SELECT quote FROM entries WHERE collection = ?1 ORDER BY position")?
                .query_map([id], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let Some(from) = order.iter().position(|q| q == quote) else {
                return Ok(0);
            };
            let last = order.len() - 1;
            let to = (from as i64 + by).clamp(0, last as i64) as usize;
            let moved = order.remove(from);
            order.insert(to, moved);
            for (place, quote) in order.iter().enumerate() {
                tx.execute(
                    "UPDATE entries SET position = ?3 WHERE collection = ?1 AND quote = ?2",
                    params![id, quote, place as i64 + 1],
                )?;
            }
            tx.execute(
                "UPDATE collections SET updated = ?2 WHERE id = ?1",
                params![id, now()],
            )?;
            Ok(to)
        })
    }

    /// Renames the collection `from` to `to`.
    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), DeskError> {
        let (from, to) = (from.trim().to_string(), checked(to)?.to_string());
        self.write(|tx| {
            let id = id_of(tx, &from)?.ok_or_else(|| DeskError::NoCollection(from.clone()))?;
            if from != to && id_of(tx, &to)?.is_some() {
                return Err(DeskError::Taken(to.clone()));
            }
            tx.execute(
                "UPDATE collections SET name = ?2, updated = ?3 WHERE id = ?1",
                params![id, to, now()],
            )?;
            Ok(())
        })
    }

    /// Deletes the collection `name` and its entries (never the quotes' notes); returns how
    /// many entries it held.
    pub fn delete(&mut self, name: &str) -> Result<usize, DeskError> {
        let name = name.trim().to_string();
        self.write(|tx| {
            let id = id_of(tx, &name)?.ok_or_else(|| DeskError::NoCollection(name.clone()))?;
            let held = tx.execute("DELETE FROM entries WHERE collection = ?1", [id])?;
            tx.execute("DELETE FROM collections WHERE id = ?1", [id])?;
            Ok(held)
        })
    }
}
