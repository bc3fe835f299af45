//! The desk's schema, versioned from the first version on: each migration brings a desk from
//! one `user_version` to the next, in one transaction.

use super::{Desk, DeskError};

/// The migrations, in order: `MIGRATIONS[n]` brings version `n` to `n + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: collections with their ordered entries, notes, saved searches, visits.
    "CREATE TABLE collections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE TABLE entries (
        collection INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        quote TEXT NOT NULL,
        position INTEGER NOT NULL,
        added TEXT NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        piece TEXT,
        date TEXT,
        PRIMARY KEY (collection, quote)
    );
    CREATE INDEX entries_by_position ON entries (collection, position);
    CREATE TABLE notes (
        quote TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        updated TEXT NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        piece TEXT,
        date TEXT
    );
    CREATE TABLE saved_searches (
        name TEXT PRIMARY KEY,
        query TEXT NOT NULL,
        created TEXT NOT NULL,
        seen TEXT
    );
    CREATE TABLE visits (
        what TEXT PRIMARY KEY,
        seen TEXT NOT NULL
    );",
];

/// The newest schema version this build knows.
#[must_use]
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// Brings `desk` to the newest schema; refuses a desk a newer build wrote.
pub(super) fn migrate(desk: &mut Desk) -> Result<(), DeskError> {
    let version: i64 = desk.read(|c| c.query_row("PRAGMA user_version", [], |row| row.get(0)))?;
    if version > latest() {
        return Err(DeskError::Newer {
            path: desk.path.clone(),
            found: version,
            known: latest(),
        });
    }
    for (from, migration) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
        desk.write(|tx| {
            tx.execute_batch(migration)?;
            tx.pragma_update(None, "user_version", from as i64 + 1)?;
            Ok(())
        })?;
    }
    Ok(())
}
