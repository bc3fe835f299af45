//! The desk's commands: collections, notes, saved searches, export, timelines and the desk's
//! backup.

pub mod args;
mod notes;
mod searches;
mod timeline;

use std::collections::HashMap;
use std::io::Write;

use anyhow::{Context, bail};

use self::args::{CollectArgs, CollectionArgs, DeskCommand, ExportArgs};
use super::{Args, Command, Outcome};
use crate::atomic::Durability;
use crate::desk::{Backup, Desk, Snapshot};
use crate::export::json::ExportJson;
use crate::export::{self, Item, Notes};
use crate::index::Index;
use crate::index::quotes::QuoteId;
use crate::printable::sanitize;
use crate::search::engine::{Ranges, search_with};
use crate::search::query;

/// Whether a command works on the desk.
#[must_use]
pub fn is_desk(command: &Command) -> bool {
    matches!(
        command,
        Command::Collect(_)
            | Command::Collections { .. }
            | Command::Collection(_)
            | Command::Note(_)
            | Command::Notes(_)
            | Command::Searches(_)
            | Command::Export(_)
            | Command::Timeline(_)
            | Command::Desk(_)
    )
}

/// Opens the desk `--desk` names, else the user's own.
pub fn open(args: &Args) -> anyhow::Result<Desk> {
    let path = args
        .desk
        .clone()
        .or_else(Desk::default_path)
        .context("no --desk given and no $XDG_DATA_HOME or $HOME to keep a desk in")?;
    Ok(Desk::open(&path)?)
}

/// Runs a desk command; `index` is built on demand by `load` (a backup needs no corpus).
pub fn run(
    out: &mut dyn Write,
    command: &Command,
    args: &Args,
    load: &dyn Fn() -> anyhow::Result<std::sync::Arc<Index>>,
) -> anyhow::Result<Outcome> {
    match command {
        Command::Timeline(timeline) => timeline::run(out, timeline, &*load()?),
        Command::Desk(desk) => backup(out, desk, &mut open(args)?),
        Command::Collections { json } => collections(out, &open(args)?, *json),
        Command::Collect(collect) => gather(out, collect, &mut open(args)?, &*load()?),
        Command::Collection(collection) => show(out, collection, &mut open(args)?, &load),
        Command::Note(note) => notes::write(out, note, &mut open(args)?, &*load()?),
        Command::Notes(list) => notes::list(out, list, &open(args)?),
        Command::Searches(searches) => searches::run(out, searches, &mut open(args)?, load),
        Command::Export(export) => export_to(out, export, &open(args)?, &*load()?),
        _ => bail!("not a desk command"),
    }
}

/// The quotes a query matches, best first; a malformed query is an error.
pub fn matching(index: &Index, text: &str) -> anyhow::Result<Vec<QuoteId>> {
    let parsed = query::parse(text);
    if let Some(errors) = parsed.error_summary() {
        bail!("query: {errors}");
    }
    Ok(ranked(index, &parsed))
}

/// The quotes a parsed query matches, best first; what the search has to say goes to stderr.
fn ranked(index: &Index, parsed: &query::Query) -> Vec<QuoteId> {
    let results = search_with(index, parsed, usize::MAX, Ranges::Unlit);
    for message in &results.messages {
        eprintln!("spotlight: {message}");
    }
    results.hits.iter().map(|h| h.quote).collect()
}

/// The quote with this id, or an error naming it.
pub(super) fn quote_id(index: &Index, id: &str) -> anyhow::Result<QuoteId> {
    index.quote_by_id(id).with_context(|| {
        format!("no quote `{id}` in the corpus (ids come from `spotlight search --json`)")
    })
}

pub(super) fn snapshot_of(index: &Index, id: QuoteId) -> Option<Snapshot> {
    let quote = index.quote(id)?;
    Some(export::snapshot(
        quote,
        index.piece_of(id),
        index.speaker_of(id),
    ))
}

fn gather(
    out: &mut dyn Write,
    args: &CollectArgs,
    desk: &mut Desk,
    index: &Index,
) -> anyhow::Result<Outcome> {
    let mut ids = Vec::new();
    for id in &args.id {
        ids.push(quote_id(index, id)?);
    }
    if let Some(text) = &args.query {
        ids.extend(matching(index, text)?);
    }
    if ids.is_empty() {
        eprintln!(
            "spotlight: nothing matched; `{}` is unchanged",
            shown(&args.name)
        );
        return Ok(Outcome::Nothing);
    }
    let snapshots: Vec<Snapshot> = ids
        .iter()
        .filter_map(|&id| snapshot_of(index, id))
        .collect();
    let added = desk.collect(&args.name, &snapshots)?;
    let total = desk.entries(&args.name)?.len();
    writeln!(
        out,
        "added {added} quote{} to `{}` ({total} in all)",
        plural(added),
        shown(&args.name)
    )?;
    Ok(Outcome::Found)
}

/// A name as the user typed it, trimmed and safe to print.
fn shown(name: &str) -> std::borrow::Cow<'_, str> {
    sanitize(name.trim())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn collections(out: &mut dyn Write, desk: &Desk, json: bool) -> anyhow::Result<Outcome> {
    let all = desk.collections()?;
    for collection in &all {
        if json {
            serde_json::to_writer(&mut *out, collection)?;
            writeln!(out)?;
        } else {
            let updated = collection.updated.get(..10).unwrap_or(&collection.updated);
            writeln!(
                out,
                "{:>5}  {updated}  {}",
                collection.count,
                sanitize(&collection.name)
            )?;
        }
    }
    Ok(if all.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

/// Every note by quote id.
fn notes_of(desk: &Desk) -> anyhow::Result<Notes> {
    Ok(desk
        .notes()?
        .into_iter()
        .map(|n| (n.snapshot.quote, n.body))
        .collect::<HashMap<_, _>>())
}

fn show(
    out: &mut dyn Write,
    args: &CollectionArgs,
    desk: &mut Desk,
    load: &dyn Fn() -> anyhow::Result<std::sync::Arc<Index>>,
) -> anyhow::Result<Outcome> {
    if args.delete {
        let held = desk.delete(&args.name)?;
        writeln!(
            out,
            "deleted `{}` ({held} quote{})",
            shown(&args.name),
            plural(held)
        )?;
        return Ok(Outcome::Found);
    }
    if let Some(new) = &args.rename {
        desk.rename(&args.name, new)?;
        writeln!(out, "renamed `{}` to `{}`", shown(&args.name), shown(new))?;
        return Ok(Outcome::Found);
    }
    if !args.remove.is_empty() {
        let removed = desk.remove(&args.name, &args.remove)?;
        writeln!(
            out,
            "removed {removed} quote{} from `{}`",
            plural(removed),
            shown(&args.name)
        )?;
        return Ok(if removed > 0 {
            Outcome::Found
        } else {
            Outcome::Nothing
        });
    }
    let entries = desk.entries(&args.name)?;
    let (index, notes) = (load()?, notes_of(desk)?);
    let items: Vec<Item<'_>> = entries
        .into_iter()
        .map(|e| {
            let note = notes.get(&e.snapshot.quote).map(String::as_str);
            Item::of_entry(&index, e.snapshot, note)
        })
        .collect();
    for (n, item) in items.iter().enumerate() {
        if args.json {
            serde_json::to_writer(&mut *out, &ExportJson::new(item))?;
            writeln!(out)?;
            continue;
        }
        let date = item
            .quote
            .and_then(|q| q.date)
            .or(item.snapshot.date)
            .map_or_else(|| "----------".into(), |d| d.to_string());
        let who = item.speaker_name().unwrap_or("-");
        let gone = if item.quote.is_none() { "[gone] " } else { "" };
        let noted = if item.note.is_some() { " [note]" } else { "" };
        writeln!(
            out,
            "{:>3}  {date}  {:<22}  {gone}{}{noted}",
            n + 1,
            sanitize(who),
            sanitize(&item.snapshot.text)
        )?;
    }
    Ok(if items.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

fn export_to(
    out: &mut dyn Write,
    args: &ExportArgs,
    desk: &Desk,
    index: &Index,
) -> anyhow::Result<Outcome> {
    let notes = notes_of(desk)?;
    let note = |id: &str| notes.get(id).map(String::as_str);
    let (title, items): (String, Vec<Item<'_>>) = match (&args.name, &args.query) {
        (Some(name), _) => {
            let entries = desk.entries(name)?;
            let items = entries
                .into_iter()
                .map(|e| {
                    let n = note(&e.snapshot.quote);
                    Item::of_entry(index, e.snapshot, n)
                })
                .collect();
            (name.trim().to_string(), items)
        }
        (None, Some(text)) => {
            let items = matching(index, text)?
                .into_iter()
                .filter_map(|id| {
                    let n = index.quote(id).and_then(|q| note(&q.id));
                    Item::of(index, id, n)
                })
                .collect();
            (format!("Quotes matching `{text}`"), items)
        }
        (None, None) => bail!("give a collection's name or --query"),
    };
    let mut bytes = Vec::new();
    export::write(args.format, &title, &items, &mut bytes)?;
    match &args.out {
        Some(path) => {
            crate::atomic::write_atomically(path, &bytes, Durability::Synced)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "spotlight: wrote {} quote{} to {}",
                items.len(),
                plural(items.len()),
                path.display()
            );
        }
        None => out.write_all(&bytes)?,
    }
    Ok(if items.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

fn backup(out: &mut dyn Write, command: &DeskCommand, desk: &mut Desk) -> anyhow::Result<Outcome> {
    match command {
        DeskCommand::Path => writeln!(out, "{}", desk.path().display())?,
        DeskCommand::Export { out: file } => {
            let mut text = serde_json::to_string_pretty(&desk.backup()?)?;
            text.push('\n');
            match file {
                Some(path) => {
                    crate::atomic::write_atomically(path, text.as_bytes(), Durability::Synced)
                        .with_context(|| format!("cannot write {}", path.display()))?
                }
                None => out.write_all(text.as_bytes())?,
            }
        }
        DeskCommand::Import { file } => {
            let changed = desk.restore(&Backup::read(file)?)?;
            writeln!(
                out,
                "{changed} entr{} added or updated",
                if changed == 1 { "y" } else { "ies" }
            )?;
        }
    }
    Ok(Outcome::Found)
}
