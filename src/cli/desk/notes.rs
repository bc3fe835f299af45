//! `spotlight note` and `spotlight notes`: one quote's note, and every note.

use std::io::Write;

use anyhow::bail;

use super::args::{NoteArgs, NotesArgs};
use super::{quote_id, snapshot_of};
use crate::cli::Outcome;
use crate::desk::{Desk, Snapshot};
use crate::index::Index;
use crate::printable::sanitize;

/// `spotlight note ID [TEXT]`: prints the note on a quote, or writes one.
pub fn write(
    out: &mut dyn Write,
    args: &NoteArgs,
    desk: &mut Desk,
    index: &Index,
) -> anyhow::Result<Outcome> {
    let Some(text) = &args.text else {
        return Ok(match desk.note(&args.id)? {
            Some(note) => {
                writeln!(out, "{}", sanitize(&note.body))?;
                Outcome::Found
            }
            None => Outcome::Nothing,
        });
    };
    // A note may be taken off a quote that left the corpus; a new one needs the quote.
    let snapshot = match index
        .quote_by_id(&args.id)
        .and_then(|id| snapshot_of(index, id))
    {
        Some(snapshot) => snapshot,
        None if text.trim().is_empty() => Snapshot {
            quote: args.id.clone(),
            ..Snapshot::default()
        },
        None => {
            quote_id(index, &args.id)?;
            bail!("no quote `{}`", args.id)
        }
    };
    desk.set_note(&snapshot, text)?;
    Ok(Outcome::Found)
}

/// `spotlight notes [FILTER]`: every note, latest first.
pub fn list(out: &mut dyn Write, args: &NotesArgs, desk: &Desk) -> anyhow::Result<Outcome> {
    let filter = args.filter.as_deref().map(str::to_lowercase);
    let keep = |note: &crate::desk::Note| {
        filter.as_deref().is_none_or(|f| {
            [
                Some(&note.body),
                Some(&note.snapshot.text),
                note.snapshot.speaker.as_ref(),
            ]
            .into_iter()
            .flatten()
            .any(|text| text.to_lowercase().contains(f))
        })
    };
    let mut any = false;
    for note in desk.notes()?.iter().filter(|n| keep(n)) {
        any = true;
        if args.json {
            let line = serde_json::json!({
                "quote": note.snapshot.quote,
                "note": note.body,
                "updated": note.updated,
                "text": note.snapshot.text,
                "speaker": note.snapshot.speaker,
                "date": note.snapshot.date,
            });
            serde_json::to_writer(&mut *out, &line)?;
            writeln!(out)?;
        } else {
            writeln!(
                out,
                "{}\n    {}: {}\n",
                sanitize(&note.snapshot.quote),
                sanitize(note.snapshot.speaker.as_deref().unwrap_or("-")),
                sanitize(&note.snapshot.text)
            )?;
            writeln!(out, "    note: {}\n", sanitize(&note.body))?;
        }
    }
    Ok(if any {
        Outcome::Found
    } else {
        Outcome::Nothing
    })
}
