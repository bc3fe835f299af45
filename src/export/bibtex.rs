//! BibTeX and BibLaTeX through the `biblatex` crate: each piece once (`@online`, `@misc` in
//! BibTeX) and each statement as a `@misc` by its speaker, noting the piece it is quoted in.

use std::collections::HashSet;

use biblatex::{Chunk, Entry, EntryType, Spanned};

use super::Item;
use super::chicago::{PUBLISHER, note};
use crate::corpus::Piece;

/// The entries as BibLaTeX (`latex`) or BibTeX.
#[must_use]
pub fn write(items: &[Item<'_>], latex: bool) -> String {
    let mut entries = Vec::new();
    let mut pieces = HashSet::new();
    for item in items {
        if let Some(piece) = item.piece
            && pieces.insert(piece.id.as_str())
        {
            entries.push(piece_entry(piece));
        }
        entries.push(statement(item));
    }
    let mut out = String::new();
    for entry in &entries {
        let text = if latex {
            entry.to_biblatex_string()
        } else {
            // A malformed date is the only failure, and every date here is written by us.
            entry
                .to_bibtex_string()
                .unwrap_or_else(|_| entry.to_biblatex_string())
        };
        out.push_str(&text);
        out.push_str("\n\n");
    }
    out
}

/// A field's value as text the styles may recase.
fn normal(text: &str) -> Vec<Spanned<Chunk>> {
    vec![Spanned::detached(Chunk::Normal(text.to_string()))]
}

/// A field's value kept exactly (a name that is not a person, a title's capitals).
fn exact(text: &str) -> Vec<Spanned<Chunk>> {
    vec![Spanned::detached(Chunk::Verbatim(text.to_string()))]
}

/// A citation key from an id: letters, digits and `-_:./` kept, the rest `-`.
fn key(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_:./".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect()
}

fn piece_entry(piece: &Piece) -> Entry {
    let mut entry = Entry::new(key(&piece.id), EntryType::Online);
    let authors: Vec<&str> = piece.authors.iter().map(|a| a.name.as_str()).collect();
    if !authors.is_empty() {
        entry.set("author", normal(&authors.join(" and ")));
    }
    entry.set("title", exact(&piece.title));
    if let Some(date) = piece.date {
        entry.set("date", normal(&date.to_string()));
    }
    if let Some(series) = piece.series.first() {
        entry.set("series", normal(series));
    }
    let site = piece.site.as_deref().unwrap_or(PUBLISHER);
    entry.set("organization", exact(site));
    if let Some(url) = &piece.url {
        entry.set("url", normal(url));
    }
    entry
}

fn statement(item: &Item<'_>) -> Entry {
    let mut entry = Entry::new(key(&item.snapshot.quote), EntryType::Misc);
    if let Some(name) = item.speaker_name() {
        entry.set("author", exact(name));
    }
    let text = item.quote.map_or(&item.snapshot.text, |q| &q.text);
    entry.set("title", exact(text));
    if let Some(date) = item.quote.and_then(|q| q.date).or(item.snapshot.date) {
        entry.set("date", normal(&date.to_string()));
    }
    let form = item
        .quote
        .and_then(|q| q.via.as_deref())
        .map_or_else(|| "Statement".to_string(), |v| format!("Post on {v}"));
    entry.set("howpublished", normal(&form));
    let cited = note(item);
    let mut remark = cited
        .split_once(", quoted in ")
        .map_or(String::new(), |(_, rest)| format!("Quoted in {rest}"));
    if let Some(n) = item.note {
        if !remark.is_empty() {
            remark.push(' ');
        }
        remark.push_str(n);
    }
    if !remark.is_empty() {
        entry.set("note", normal(&remark));
    }
    if let Some(url) = item.piece.and_then(|p| p.url.as_deref()) {
        entry.set("url", normal(url));
    }
    entry
}
