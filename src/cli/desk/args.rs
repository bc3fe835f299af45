//! Arguments of the desk's commands: `collect`, `collections`, `collection`, `notes`, `note`,
//! `searches`, `export`, `timeline` and `desk`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::export::Format;
use crate::index::timeline::Period;

/// Arguments of `spotlight collect`.
#[derive(Debug, Clone, Parser)]
pub struct CollectArgs {
    /// The collection (made when it does not exist).
    pub name: String,
    /// Add every quote this query matches, best first.
    #[arg(required_unless_present = "id")]
    pub query: Option<String>,
    /// Add the quote with this id (see `search --json`); repeat for more.
    #[arg(long, value_name = "QUOTE_ID")]
    pub id: Vec<String>,
}

/// Arguments of `spotlight collection`.
#[derive(Debug, Clone, Parser)]
pub struct CollectionArgs {
    /// The collection.
    pub name: String,
    /// Print JSON lines, one quote a line.
    #[arg(long)]
    pub json: bool,
    /// Take the quote with this id out of the collection; repeat for more.
    #[arg(long, value_name = "QUOTE_ID", conflicts_with_all = ["rename", "delete"])]
    pub remove: Vec<String>,
    /// Give the collection a new name.
    #[arg(long, value_name = "NEW_NAME", conflicts_with = "delete")]
    pub rename: Option<String>,
    /// Delete the collection (its quotes' notes stay).
    #[arg(long)]
    pub delete: bool,
}

/// Arguments of `spotlight note`.
#[derive(Debug, Clone, Parser)]
pub struct NoteArgs {
    /// The quote's id (see `search --json`).
    pub id: String,
    /// The note; an empty one takes the note away. Without it, the note is printed.
    pub text: Option<String>,
}

/// Arguments of `spotlight notes`.
#[derive(Debug, Clone, Parser)]
pub struct NotesArgs {
    /// Only notes whose words, or whose quote's words or speaker, contain this (any case).
    pub filter: Option<String>,
    /// Print JSON lines.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `spotlight export`.
#[derive(Debug, Clone, Parser)]
pub struct ExportArgs {
    /// The collection to export.
    #[arg(required_unless_present = "query", conflicts_with = "query")]
    pub name: Option<String>,
    /// Export what this query matches instead of a collection, best first.
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,
    /// The format: md (a brief), csv, jsonl, csl-json, bibtex or biblatex.
    #[arg(long, short, value_name = "FORMAT", value_parser = format_of, default_value = "md")]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Arguments of `spotlight timeline`.
#[derive(Debug, Clone, Parser)]
pub struct TimelineArgs {
    /// The quotes to count (the query language; `@actor` for one actor's statements).
    pub query: String,
    /// How long a bar is: month, week or year.
    #[arg(long, value_name = "PERIOD", value_parser = period_of, default_value = "month")]
    pub by: Period,
    /// Print JSON lines, one period a line.
    #[arg(long)]
    pub json: bool,
}

/// `spotlight desk` subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum DeskCommand {
    /// Print everything on the desk as one JSON file (a backup, or to share a collection).
    Export {
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Add a desk's JSON file to this desk: collections merge by name, newer notes win.
    Import {
        /// The file `desk export` wrote.
        file: PathBuf,
    },
    /// Print where the desk is kept.
    Path,
}

fn format_of(text: &str) -> Result<Format, String> {
    text.parse().map_err(|_| {
        format!(
            "`{text}` is not a format: use one of {}",
            Format::NAMES.join(", ")
        )
    })
}

fn period_of(text: &str) -> Result<Period, String> {
    text.parse()
        .map_err(|_| format!("`{text}` is not a period: use month, week or year"))
}

/// Arguments of `spotlight searches`.
#[derive(Debug, Clone, Parser)]
pub struct SearchesArgs {
    /// Save QUERY under NAME, replacing the query a search of that name had.
    #[arg(long, num_args = 2, value_names = ["NAME", "QUERY"], conflicts_with_all = ["forget", "new"])]
    pub save: Vec<String>,
    /// Forget the saved search NAME.
    #[arg(long, value_name = "NAME", conflicts_with = "new")]
    pub forget: Option<String>,
    /// Print the quotes that came into the corpus since each saved search (or only NAME) was
    /// last run, and record the run.
    #[arg(long, value_name = "NAME", num_args = 0..=1, default_missing_value = "")]
    pub new: Option<String>,
    /// Print JSON lines.
    #[arg(long)]
    pub json: bool,
}
