//! Short notes on quotes: one note a quote, kept with a snapshot of the quote it is on.

use rusqlite::{OptionalExtension, params};

use super::{Desk, DeskError, Snapshot, now, snapshot_at};

/// A note on a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The quote as last seen.
    pub snapshot: Snapshot,
    /// What the analyst wrote.
    pub body: String,
    /// When it was last written (RFC 3339).
    pub updated: String,
}

/// The most characters a note keeps: a short note, one editor line.
pub const MAX_NOTE: usize = 2000;

fn note_of(row: &rusqlite::Row<'_>) -> rusqlite::Result<Note> {
    Ok(Note {
        body: row.get(0)?,
        updated: row.get(1)?,
        snapshot: snapshot_at(row, 2)?,
    })
}

/// Writes (or, with an empty body, takes away) the note on `quote` inside `tx`, as written `at`.
pub(super) fn note_in(
    tx: &rusqlite::Transaction<'_>,
    quote: &Snapshot,
    body: &str,
    at: &str,
) -> Result<(), DeskError> {
    if body.is_empty() {
        tx.execute("DELETE FROM notes WHERE quote = ?1", [&quote.quote])?;
    } else {
        tx.execute(
            "INSERT INTO notes (quote, body, updated, text, speaker, piece, date)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (quote) DO UPDATE SET body = ?2, updated = ?3, text = ?4,
                speaker = ?5, piece = ?6, date = ?7",
            params![
                quote.quote,
                body,
                at,
                quote.text,
                quote.speaker,
                quote.piece,
                quote.date.map(|d| d.to_string())
            ],
        )?;
    }
    Ok(())
}

impl Desk {
    /// Writes the note on `quote`; an empty (or blank) body takes the note away. Control
    /// characters become spaces and the body is cut at [`MAX_NOTE`] characters.
    pub fn set_note(&mut self, quote: &Snapshot, body: &str) -> Result<(), DeskError> {
        let body: String = body
            .trim()
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(MAX_NOTE)
            .collect();
        let at = now();
        self.write(|tx| note_in(tx, quote, &body, &at))
    }

    /// The note on the quote with this id.
    pub fn note(&self, quote: &str) -> Result<Option<Note>, DeskError> {
        self.read(|c| {
            c.query_row(
                "SELECT body, updated, quote, text, speaker, piece, date FROM notes
                 WHERE quote = ?1",
                [quote],
                note_of,
            )
            .optional()
        })
    }

    /// Every note, the latest written first.
    pub fn notes(&self) -> Result<Vec<Note>, DeskError> {
        self.read(|c| {
            c.prepare(
                "SELECT body, updated, quote, text, speaker, piece, date FROM notes
                 ORDER BY updated DESC, quote",
            )?
            .query_map([], note_of)?
            .collect()
        })
    }
}
