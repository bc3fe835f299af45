//! Command-line arguments (clap derive), one struct per subcommand.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

pub use super::desk::args::{
    CollectArgs, CollectionArgs, DeskCommand, ExportArgs, NoteArgs, NotesArgs, SearchesArgs,
    TimelineArgs,
};

/// The help heading of the options every command takes.
const GLOBAL: &str = "Global options";

/// Find, read and cite what Iran-backed militias said, from Militia Spotlight pieces.
#[derive(Debug, Clone, Parser)]
#[command(name = "spotlight", version, about, propagate_version = true)]
pub struct Args {
    /// Corpus directory (`actors.json` and `pieces/*.md`); when not given, the config file's
    /// `data`, else the bundled corpus.
    #[arg(long, global = true, env = "SPOTLIGHT_DATA", value_name = "DIR", help_heading = GLOBAL)]
    pub data: Option<PathBuf>,

    /// Read every piece again instead of the cache of the corpus directory (kept in
    /// `$XDG_CACHE_HOME/spotlight/`, used only when no file changed since it was written).
    #[arg(long, global = true, env = "SPOTLIGHT_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new(), help_heading = GLOBAL)]
    pub no_cache: bool,

    /// Your desk (collections, notes, saved searches) instead of
    /// `$XDG_DATA_HOME/spotlight/desk.sqlite`.
    #[arg(long, global = true, env = "SPOTLIGHT_DESK", value_name = "PATH", help_heading = GLOBAL)]
    pub desk: Option<PathBuf>,

    /// Config file (the default corpus for every command; the TUI's theme and keys) instead of
    /// `$XDG_CONFIG_HOME/spotlight/config.toml`.
    #[arg(long, global = true, value_name = "PATH", help_heading = GLOBAL)]
    pub config: Option<PathBuf>,

    /// What to do; without one, opens the full-screen browser (TUI).
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Args {
    /// Refuses, before any loading, what a script would otherwise get silently wrong results
    /// for: a malformed query (the query language's message), or `--since` after `--until`.
    pub fn check(&self) -> anyhow::Result<()> {
        match &self.command {
            Some(Command::Search(search)) => {
                if let Some(errors) = crate::search::query::parse(&search.query).error_summary() {
                    anyhow::bail!("query: {errors}");
                }
            }
            Some(Command::Quotes(quotes)) => {
                if let (Some(since), Some(until)) = (quotes.since, quotes.until)
                    && since > until
                {
                    anyhow::bail!("--since {since} is after --until {until}: no day is in both");
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The interface as shell completions describe it: where an actor or piece id goes, the
    /// ids of `corpus` are offered, not file names.
    #[must_use]
    pub fn completing(corpus: &crate::corpus::Corpus) -> clap::Command {
        use clap::CommandFactory;
        let actors: Vec<String> = corpus.actors.iter().map(|a| a.id.clone()).collect();
        let pieces: Vec<String> = corpus.pieces.iter().map(|p| p.id.clone()).collect();
        let offer = |ids: Vec<String>| clap::builder::PossibleValuesParser::new(ids);
        Self::command().mut_subcommand("quotes", |quotes| {
            quotes
                .mut_arg("actor", |arg| arg.value_parser(offer(actors)))
                .mut_arg("piece", |arg| arg.value_parser(offer(pieces)))
        })
    }
}

/// The subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// List pieces: date, quote count, id and title.
    Pieces {
        /// Print JSON lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List actors, or rank them by how well a name matches QUERY (any alias, acronym,
    /// romanization or Arabic spelling).
    Actors {
        /// A name to look up, e.g. `kata'ib hizballah`, `AAH`, `al-Amiri` or `العامري`.
        query: Option<String>,
        /// Print JSON lines instead of text.
        #[arg(long)]
        json: bool,
        /// List the actors the pieces mention that the gazetteer does not know, with their
        /// node ids, mention counts and pieces.
        #[arg(long, conflicts_with = "query")]
        unknown: bool,
        /// With --unknown: print gazetteer entries for them, ready to complete and paste into
        /// actors.json.
        #[arg(long, requires = "unknown")]
        stubs: bool,
    },
    /// Search quotes with the query language (fuzzy terms, `'exact`, `^prefix`, `suffix$`,
    /// `!not`, `a | b`, `@actor`, `@actor+`, `date:`, `since:`, `until:`, `piece:`, `fig:`,
    /// `via:`, `kind:`); ranked best first.
    Search(SearchArgs),
    /// List quotes, filtered by speaker, piece, date and kind.
    Quotes(QuotesArgs),
    /// Check a corpus: every problem as `file:line: what is wrong`; exit 2 on errors.
    Check,
    /// Check saved pages and copy them into the corpus's `pieces/` folder.
    Import(ImportArgs),
    /// Add quotes to a collection on your desk (made when new), by id or by query.
    Collect(CollectArgs),
    /// List the collections on your desk.
    Collections {
        /// Print JSON lines.
        #[arg(long)]
        json: bool,
    },
    /// Print a collection's quotes in order; or remove from, rename or delete it.
    Collection(CollectionArgs),
    /// Print the note on a quote, or write one.
    Note(NoteArgs),
    /// List your notes, latest first.
    Notes(NotesArgs),
    /// List your saved searches with how many quotes came in since each was last run; save,
    /// forget, or print the new quotes (`--new`).
    Searches(SearchesArgs),
    /// Export a collection, or what a query matches, as a brief (Markdown), CSV, JSON lines,
    /// CSL-JSON or BibTeX/BibLaTeX with Chicago "quoted in" citations.
    Export(ExportArgs),
    /// Count quotes per month, week or year; a text bar chart, or JSON lines.
    Timeline(TimelineArgs),
    /// Back up, restore or locate your desk (collections, notes, saved searches).
    #[command(subcommand)]
    Desk(DeskCommand),
    /// Write a fictional corpus for benchmarks and demos.
    Synth(SynthArgs),
    /// Score quote attribution on annotated sets (each DIR holds `pieces/` and `truth.json`):
    /// per field, per pattern, terms leaked and statements invented.
    Eval(EvalArgs),
    /// Serve the full-screen browser over SSH to everyone in an authorized_keys file.
    Serve(ServeArgs),
    /// Print shell completions.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
        /// The global options, which mean nothing here.
        #[command(flatten)]
        ignored: Ignored,
    },
}

/// Filters for `spotlight quotes`.
#[derive(Debug, Clone, Parser)]
pub struct QuotesArgs {
    /// Only quotes by this actor id (see `spotlight actors`).
    #[arg(long, value_name = "ID")]
    pub actor: Option<String>,
    /// Only quotes from this piece id (see `spotlight pieces`).
    #[arg(long, value_name = "ID")]
    pub piece: Option<String>,
    /// Only quotes dated on or after this day (YYYY-MM-DD; YYYY-MM and YYYY mean their first).
    #[arg(long, value_name = "DATE", value_parser = crate::search::query::first_day)]
    pub since: Option<Date>,
    /// Only quotes dated on or before this day (YYYY-MM-DD; YYYY-MM and YYYY mean their last).
    #[arg(long, value_name = "DATE", value_parser = crate::search::query::last_day)]
    pub until: Option<Date>,
    /// Only statements or only terms.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Print JSON lines instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `spotlight search`.
#[derive(Debug, Clone, Parser)]
pub struct SearchArgs {
    /// The query (quote it in the shell when it has spaces).
    pub query: String,
    /// At most this many results; 0 for all.
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    /// Print JSON lines: the quote fields plus `score` and `ranges`.
    #[arg(long, conflicts_with = "plain")]
    pub json: bool,
    /// Print only the quote texts, one per line, like `fzf --filter`.
    #[arg(long)]
    pub plain: bool,
    /// Highlight matched characters: `auto` when stdout is a terminal and `NO_COLOR` is unset.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to stdout.
    #[must_use]
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

/// `--kind` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Words attributed to a speaker.
    Statement,
    /// Quoted terms of one to three words.
    Term,
}

/// Arguments of `spotlight eval`.
#[derive(Debug, Clone, Parser)]
pub struct EvalArgs {
    /// Annotated sets: directories with `pieces/*.md` and `truth.json`.
    #[arg(required = true, value_name = "DIR")]
    pub sets: Vec<PathBuf>,
    /// List every statement not right, every term leaked and every statement invented.
    #[arg(long, short)]
    pub verbose: bool,
}

/// Arguments of `spotlight import`.
#[derive(Debug, Clone, Parser)]
pub struct ImportArgs {
    /// Saved pages (Markdown or HTML), directories of them, web addresses (fetched once), or
    /// `-` for a list of any of these on standard input, one a line.
    #[arg(required = true, value_name = "PAGE")]
    pub files: Vec<String>,
    /// Replace a piece that is already in the corpus.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `spotlight serve`.
#[derive(Debug, Clone, Parser)]
pub struct ServeArgs {
    /// Host (a name or an address) and port to listen on, on every address the name resolves
    /// to; a public address is the operator's explicit choice. Port 0 picks a free port, which
    /// the `serving spotlight over SSH listen=ADDR:PORT` log line gives.
    #[arg(long, default_value = "127.0.0.1:2222", value_name = "HOST:PORT", value_parser = parse_listen)]
    pub listen: String,
    /// The server's ed25519 host key, made (mode 0600) on first start
    /// [default: $XDG_DATA_HOME/spotlight/host_ed25519_key].
    #[arg(long, value_name = "PATH")]
    pub host_key: Option<PathBuf>,
    /// Public keys allowed in, one per line, OpenSSH format [default: ~/.ssh/authorized_keys].
    #[arg(long, value_name = "PATH")]
    pub authorized_keys: Option<PathBuf>,
    /// Sessions served at once; one more is refused with a message.
    #[arg(long, default_value_t = 64, value_name = "N", value_parser = at_least_one)]
    pub max_sessions: usize,
    /// Close sessions without input for this long (`90s`, `30m`, `2h`).
    #[arg(long, default_value = "30m", value_name = "DURATION", value_parser = parse_duration)]
    pub idle_timeout: std::time::Duration,
    /// Drop connections that have not logged in after this long (as sshd's LoginGraceTime).
    #[arg(long, default_value = "30s", value_name = "DURATION", value_parser = parse_duration)]
    pub login_grace: std::time::Duration,
    /// Connections that may wait to log in at once; when full, the one that has waited
    /// longest is dropped to make room (lowered to fit the file-descriptor limit).
    #[arg(long, default_value_t = 64, value_name = "N", value_parser = at_least_one)]
    pub max_pending: usize,
    /// Connections from one client address that may wait to log in at once; when full, that
    /// address's longest-waiting one is dropped.
    #[arg(long, default_value_t = 10, value_name = "N", value_parser = at_least_one)]
    pub max_pending_per_address: usize,
    /// Where each user's desk is kept, one file per key fingerprint
    /// [default: $XDG_DATA_HOME/spotlight/desks].
    #[arg(long, value_name = "DIR")]
    pub desks: Option<PathBuf>,
}

/// A duration like `90s`, `30m`, `2h` or `1h 30m`, longer than zero.
fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let span: jiff::SignedDuration = text
        .parse()
        .map_err(|e| format!("`{text}` is not a duration like 90s, 30m or 2h ({e})"))?;
    let duration =
        std::time::Duration::try_from(span).map_err(|_| format!("`{text}` is negative"))?;
    if duration.is_zero() {
        return Err(format!(
            "`{text}` is no time at all: give a duration like 90s, 30m or 2h"
        ));
    }
    Ok(duration)
}

/// A count of at least one: zero sessions or connections would serve nobody.
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("0 would serve nobody: give 1 or more".to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{text}` is not a whole number")),
    }
}

/// `HOST:PORT`, the host a name (`localhost`) or an address (`[::1]` for IPv6); the name is
/// resolved when the server starts.
fn parse_listen(text: &str) -> Result<String, String> {
    let expected = || format!("`{text}` is not HOST:PORT (like 127.0.0.1:2222 or localhost:2222)");
    let (host, port) = text.rsplit_once(':').ok_or_else(expected)?;
    if host.is_empty() || port.parse::<u16>().is_err() {
        return Err(expected());
    }
    Ok(text.to_string())
}

/// Arguments of `spotlight synth`.
#[derive(Debug, Clone, Parser)]
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
    /// Directory to write (`actors.json` and `pieces/`): a new or empty one.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Write into a directory that is not empty, replacing its `actors.json` and mixing
    /// fictional pieces in with what `pieces/` holds.
    #[arg(long)]
    pub force: bool,
    /// The global options mean nothing here: accepted (scripts pass them everywhere), not
    /// listed in `--help`.
    #[command(flatten)]
    pub ignored: Ignored,
}

/// The global options, taken by a command they mean nothing to: accepted and hidden.
#[derive(Debug, Clone, clap::Args)]
pub struct Ignored {
    #[arg(long, hide = true, value_name = "DIR")]
    data: Option<PathBuf>,
    #[arg(long, hide = true)]
    no_cache: bool,
    #[arg(long, hide = true, value_name = "PATH")]
    config: Option<PathBuf>,
}
