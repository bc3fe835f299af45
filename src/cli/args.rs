//! Command-line arguments (clap derive), one struct per subcommand.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

/// Find, read and cite what Iran-backed militias said, from Militia Spotlight pieces.
#[derive(Debug, Parser)]
#[command(name = "spotlight", version, about, propagate_version = true)]
pub struct Args {
    /// Corpus directory (`actors.json` and `pieces/*.md`); the bundled corpus when not given.
    #[arg(long, global = true, env = "SPOTLIGHT_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// What to do; without one, prints this help.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List pieces: date, quote count, id and title.
    Pieces {
        /// Print JSON lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List actors: id, kind, quote count, name and aliases.
    Actors {
        /// Print JSON lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List quotes, filtered by speaker, piece, date and kind.
    Quotes(QuotesArgs),
    /// Check a corpus: every problem as `file:line: what is wrong`; exit 2 on errors.
    Check,
    /// Check saved pages and copy them into the corpus's `pieces/` folder.
    Import(ImportArgs),
    /// Write a fictional corpus for benchmarks and demos.
    Synth(SynthArgs),
    /// Print shell completions.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// Filters for `spotlight quotes`.
#[derive(Debug, Parser)]
pub struct QuotesArgs {
    /// Only quotes by this actor id (see `spotlight actors`).
    #[arg(long, value_name = "ID")]
    pub actor: Option<String>,
    /// Only quotes from this piece id (see `spotlight pieces`).
    #[arg(long, value_name = "ID")]
    pub piece: Option<String>,
    /// Only quotes dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<Date>,
    /// Only quotes dated on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<Date>,
    /// Only statements or only terms.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Print JSON lines instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `--kind` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Words attributed to a speaker.
    Statement,
    /// Quoted terms of one to three words.
    Term,
}

/// Arguments of `spotlight import`.
#[derive(Debug, Parser)]
pub struct ImportArgs {
    /// Saved pages (Markdown) to import.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Replace a piece that is already in the corpus.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `spotlight synth`.
#[derive(Debug, Parser)]
pub struct SynthArgs {
    /// How many pieces to write.
    #[arg(long, default_value_t = 100)]
    pub pieces: usize,
    /// Statements per piece.
    #[arg(long, default_value_t = 6)]
    pub quotes_per_piece: usize,
    /// Random seed; the same seed writes the same corpus.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Directory to write (`actors.json` and `pieces/`).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}
