//! Quotes out of spotlight, for a brief or a reference manager: Markdown with Chicago
//! "quoted in" notes, CSV, JSON lines, CSL-JSON and BibTeX/BibLaTeX.
//!
//! An export is a list of [`Item`]s: a quote as the corpus has it now, or, for a desk entry
//! whose quote left the corpus, the snapshot the desk kept (marked as such in every format).

mod bibtex;
mod brief;
pub mod chicago;
pub mod csl;
pub mod json;
mod rows;

use std::collections::HashMap;
use std::io::{self, Write};

use crate::corpus::{Actor, Piece, Quote};
use crate::desk::Snapshot;
use crate::index::Index;
use crate::index::quotes::QuoteId;

/// The formats an export can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Format {
    /// A brief: each quote with its speaker, date, note, source and a Chicago note.
    #[strum(serialize = "md", serialize = "markdown")]
    Markdown,
    /// One row per quote, every field of the JSON lines plus the note and the URL.
    Csv,
    /// One JSON object per quote (the `quotes --json` fields plus `note`, `url`, `in_corpus`).
    Jsonl,
    /// CSL-JSON for Zotero and pandoc: each piece once, each statement "quoted in" it.
    CslJson,
    /// BibTeX (`@misc` entries).
    Bibtex,
    /// BibLaTeX (`@online` pieces).
    Biblatex,
}

impl Format {
    /// Every format's name, as `--format` takes it.
    pub const NAMES: [&'static str; 6] = ["md", "csv", "jsonl", "csl-json", "bibtex", "biblatex"];

    /// The usual file extension of the format.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::Jsonl => "jsonl",
            Self::CslJson => "json",
            Self::Bibtex | Self::Biblatex => "bib",
        }
    }
}

/// One quote to export.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    /// The quote's id and words: as the corpus has them, else as the desk last saw them.
    pub snapshot: Snapshot,
    /// The quote, when it is still in the corpus.
    pub quote: Option<&'a Quote>,
    /// Its piece.
    pub piece: Option<&'a Piece>,
    /// Its speaker.
    pub speaker: Option<&'a Actor>,
    /// The analyst's note on it.
    pub note: Option<&'a str>,
}

impl<'a> Item<'a> {
    /// The item of the quote `id` of `index`.
    #[must_use]
    pub fn of(index: &'a Index, id: QuoteId, note: Option<&'a str>) -> Option<Self> {
        let quote = index.quote(id)?;
        let (piece, speaker) = (index.piece_of(id), index.speaker_of(id));
        Some(Self {
            snapshot: snapshot(quote, piece, speaker),
            quote: Some(quote),
            piece,
            speaker,
            note,
        })
    }

    /// The item of a desk entry: the quote it names when the corpus still has it, else its
    /// snapshot alone.
    #[must_use]
    pub fn of_entry(index: &'a Index, entry: Snapshot, note: Option<&'a str>) -> Self {
        index
            .quote_by_id(&entry.quote)
            .and_then(|id| Self::of(index, id, note))
            .unwrap_or(Self {
                snapshot: entry,
                quote: None,
                piece: None,
                speaker: None,
                note,
            })
    }

    /// The speaker's name: as the corpus has it, else as last seen.
    #[must_use]
    pub fn speaker_name(&self) -> Option<&str> {
        self.speaker
            .map(|a| a.name.as_str())
            .or(self.snapshot.speaker.as_deref())
    }
}

/// What the desk keeps of `quote`.
#[must_use]
pub fn snapshot(quote: &Quote, piece: Option<&Piece>, speaker: Option<&Actor>) -> Snapshot {
    Snapshot {
        quote: quote.id.clone(),
        text: quote.text.clone(),
        speaker: speaker.map(|a| a.name.clone()),
        piece: piece.map(|p| p.title.clone()),
        date: quote.date,
    }
}

/// Notes by quote id, as exports look them up.
pub type Notes = HashMap<String, String>;

/// Writes `items` as `format`; `title` heads a Markdown brief.
pub fn write(
    format: Format,
    title: &str,
    items: &[Item<'_>],
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Markdown => brief::write(title, items, out),
        Format::Csv => rows::write(items, out),
        Format::Jsonl => {
            for item in items {
                serde_json::to_writer(&mut *out, &json::ExportJson::new(item))?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }
        Format::CslJson => {
            serde_json::to_writer_pretty(&mut *out, &csl::items(items))?;
            out.write_all(b"\n")
        }
        Format::Bibtex => out.write_all(bibtex::write(items, false).as_bytes()),
        Format::Biblatex => out.write_all(bibtex::write(items, true).as_bytes()),
    }
}

#[cfg(test)]
mod tests;
