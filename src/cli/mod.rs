//! The command line: `pieces`, `actors`, `quotes`, `search`, `check`, `import`, `synth`,
//! `completions`, and the TUI when no subcommand is given.
//!
//! Output is aligned text for people or JSON lines (`--json`) for scripts. Exit codes follow
//! grep and ripgrep: 0 when something was found, 1 when nothing was, 2 on error; a closed
//! pipe (`| head`) ends the command quietly with success.

mod args;
mod desk;
mod import;
mod list;
mod search;
mod unknown;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

pub use self::args::{Args, Command};
use crate::corpus::{Corpus, Extent, Severity};
use crate::index::Index;
use crate::store::cache::Manifest;
use crate::store::image;
use crate::store::{self, Loading, load};

/// What a command found, mapped to the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Something was printed (exit 0).
    Found,
    /// Nothing matched (exit 1).
    Nothing,
    /// The command failed or the input had errors (exit 2).
    Failed,
    /// A signal ended the TUI (exit 128 + its number, as shells report it).
    Signalled(u8),
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::Found => Self::SUCCESS,
            Outcome::Nothing => Self::from(1),
            Outcome::Failed => Self::from(2),
            Outcome::Signalled(signal) => Self::from(signal.saturating_add(128)),
        }
    }
}

/// Parses the process arguments, runs the command, and returns the exit code.
#[must_use]
pub fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(&args) {
        Ok(outcome) => outcome.into(),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // An error may quote a file or an argument: shown, never obeyed by the terminal.
            let message = format!("{e:#}");
            let lines: Vec<_> = message.lines().map(crate::printable::sanitize).collect();
            eprintln!("spotlight: {}", lines.join("\n"));
            ExitCode::from(2)
        }
    }
}

/// Whether an error is a write to a closed pipe, directly or inside a JSON writer's error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let io = cause.downcast_ref::<io::Error>().map(io::Error::kind);
        let json = cause
            .downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind);
        io.or(json) == Some(io::ErrorKind::BrokenPipe)
    })
}

/// Runs parsed arguments, writing to stdout.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let configured;
    let args = if args.data.is_some() {
        args
    } else {
        // One rule for every command: --data, else SPOTLIGHT_DATA, else the config's `data`.
        configured = Args {
            data: crate::front::config::configured_data(args.config.as_deref())?,
            ..args.clone()
        };
        &configured
    };
    if args.command.is_none() {
        return interactive(args);
    }
    args.check()?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let loading = loading_of(args, args.command.as_ref().map_or(Extent::Lean, extent_of));
    let outcome = match &args.command {
        None => return interactive(args),
        Some(Command::Check) => check(&mut out, args.data.as_deref())?,
        Some(Command::Import(import)) => import::run(&mut out, import, args.data.as_deref())?,
        Some(Command::Synth(synth)) => list::synth(&mut out, synth)?,
        Some(Command::Eval(eval)) => evaluate(&mut out, eval, args.data.as_deref())?,
        Some(Command::Completions { shell, .. }) => {
            let corpus = load(args.data.as_deref(), loading_of(args, Extent::Bare))?;
            let mut command = Args::completing(&corpus);
            clap_complete::generate(*shell, &mut command, "spotlight", &mut out);
            Outcome::Found
        }
        Some(Command::Serve(serve)) => {
            let options = serve_options(serve)?;
            let (data, loading) = (args.data.clone(), loading_of(args, Extent::Whole));
            let open = move |nudges: store::Nudges, tell: &dyn Fn(store::News) -> bool| {
                store::browse_and_follow(data.as_deref(), loading, nudges, tell)
            };
            crate::serve::run(open, &options)?;
            Outcome::Found
        }
        Some(Command::Search(search)) => search_command(&mut out, args, search, loading)?,
        Some(command) if desk::is_desk(command) => {
            let index = || -> anyhow::Result<std::sync::Arc<Index>> {
                let corpus = load(args.data.as_deref(), loading_of(args, Extent::Lean))?;
                report_problems(&corpus);
                Ok(Index::build(corpus))
            };
            desk::run(&mut out, command, args, &index)?
        }
        Some(Command::Actors {
            unknown: true,
            json,
            stubs,
            ..
        }) => {
            let corpus = load(args.data.as_deref(), loading)?;
            report_problems(&corpus);
            unknown::run(&mut out, &corpus, *json, *stubs)?
        }
        Some(Command::Actors {
            query: Some(query),
            json,
            ..
        }) => {
            let corpus = load(args.data.as_deref(), loading)?;
            report_problems(&corpus);
            search::actors(&mut out, query, *json, &corpus)?
        }
        Some(command) => {
            let corpus = load(args.data.as_deref(), loading)?;
            report_problems(&corpus);
            let outcome = list::run(&mut out, command, &corpus)?;
            leave_to_exit(corpus);
            outcome
        }
    };
    out.flush()?;
    Ok(outcome)
}

/// `spotlight search`: from the corpus's index image when the output needs nothing else (see
/// [`crate::store::image`]); otherwise from the corpus, writing the image for next time when
/// the corpus is cached.
fn search_command(
    out: &mut impl Write,
    args: &Args,
    search: &args::SearchArgs,
    loading: Loading,
) -> anyhow::Result<Outcome> {
    let cached = match (args.data.as_deref(), loading) {
        (Some(dir), Loading::Cached(_)) => Some(dir),
        _ => None,
    };
    let (manifest, image) = match cached {
        Some(dir) if search::reads_image(search) => store::current_image(dir),
        Some(dir) => (Manifest::of(dir), None),
        None => (None, None),
    };
    if let Some(image) = image {
        if let Some(outcome) = search::run_on_image(out, search, &image)? {
            report_problems(&image.index.corpus);
            leave_to_exit(image);
            return Ok(outcome);
        }
        // A damaged image: the search runs on the corpus, and the image is written again.
        if let Some(path) = cached.and_then(image::path_for) {
            let _ = std::fs::remove_file(path);
        }
    }
    let corpus = match (args.data.as_deref(), loading) {
        (Some(dir), Loading::Cached(extent)) => Corpus::open_with(dir, manifest.clone(), extent)?,
        _ => load(args.data.as_deref(), loading)?,
    };
    report_problems(&corpus);
    let index = Index::build(corpus);
    let outcome = search::run(out, search, &index)?;
    out.flush()?;
    if let (Some(manifest), Some(path)) = (manifest, cached.and_then(image::path_for)) {
        store::write_image(&path, &manifest, &index);
    }
    leave_to_exit(index);
    Ok(outcome)
}

/// Leaves what a one-shot command built to the end of the process: the system takes the
/// memory back at once, where freeing a large corpus string by string took a twentieth of a
/// 100k-quote search.
fn leave_to_exit<T>(built: T) {
    std::mem::forget(built);
}

/// How much of the corpus a one-shot command reads: never the paragraphs (only the reader
/// shows them), and the quotes' ids and contexts only for JSON quotes, the one output that
/// prints them.
fn extent_of(command: &Command) -> Extent {
    match command {
        Command::Search(search) if search.json => Extent::Lean,
        Command::Quotes(quotes) if quotes.json => Extent::Lean,
        // Mentions are in the paragraphs.
        Command::Actors { unknown: true, .. } => Extent::Whole,
        _ => Extent::Bare,
    }
}

/// How a command loads the corpus: one-shot commands skip the paragraphs the reader shows.
fn loading_of(args: &Args, extent: Extent) -> Loading {
    if args.no_cache {
        Loading::Full
    } else {
        Loading::Cached(extent)
    }
}

/// Opens the TUI on the corpus, once settings and corpus are known to be usable: a bad config
/// file or corpus directory is reported before the screen is taken over.
fn interactive(args: &Args) -> anyhow::Result<Outcome> {
    use std::io::IsTerminal;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        anyhow::bail!(
            "the full-screen browser needs a terminal on stdin and stdout; in scripts use a \
             subcommand (`spotlight search QUERY --json`), see `spotlight --help`"
        );
    }
    let settings = crate::front::config::Settings::load(args.config.as_deref())?;
    let data = args.data.clone().or_else(|| settings.data.clone());
    // A directory that is no corpus is said before the screen is taken over; the load itself
    // runs behind a `loading` frame.
    let pieces = match data.as_deref() {
        Some(dir) => {
            Corpus::check_dir(dir)?;
            crate::corpus::files::piece_paths(dir).0.len()
        }
        None => 1,
    };
    let loading = loading_of(args, Extent::Whole);
    let load = move |tell: &dyn Fn(store::News) -> bool| {
        store::browse_and_follow(data.as_deref(), loading, store::nudges(), tell)
    };
    let message = format!(
        "loading {pieces} piece{}\u{2026}",
        if pieces == 1 { "" } else { "s" }
    );
    let desk = desk::open(args)
        .map(|desk| {
            let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            crate::front::desk::DeskLink::new(desk, crate::front::desk::Delivery::Files(here))
        })
        .map_err(|e| format!("{e:#}: collections and notes are off"));
    Ok(match crate::tui::run(load, &message, &settings, desk)? {
        None => Outcome::Found,
        Some(signal) => Outcome::Signalled(signal),
    })
}

/// The server's options, with the default key paths filled in.
fn serve_options(args: &args::ServeArgs) -> anyhow::Result<crate::serve::Options> {
    let host_key = args
        .host_key
        .clone()
        .or_else(crate::serve::keys::default_host_key_path)
        .context("no --host-key given and no $XDG_DATA_HOME or $HOME to put one in")?;
    let authorized_keys = args
        .authorized_keys
        .clone()
        .or_else(crate::serve::keys::default_authorized_keys_path)
        .context("no --authorized-keys given and no $HOME/.ssh/authorized_keys")?;
    let desks = args
        .desks
        .clone()
        .or_else(|| crate::xdg::spotlight_file("XDG_DATA_HOME", ".local/share", "desks"))
        .context("no --desks given and no $XDG_DATA_HOME or $HOME to keep desks in")?;
    Ok(crate::serve::Options {
        desks,
        listen: args.listen.clone(),
        host_key,
        authorized_keys,
        max_sessions: args.max_sessions,
        idle_timeout: args.idle_timeout,
        login_grace: args.login_grace,
        waiting: crate::serve::gate::Limits {
            total: args.max_pending,
            per_address: args.max_pending_per_address,
        },
    })
}

/// One line on stderr when files had problems, so scripts still get clean stdout.
fn report_problems(corpus: &Corpus) {
    let errors = corpus
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    if errors > 0 {
        eprintln!(
            "spotlight: {errors} problem(s) in the corpus skipped files or entries; run `spotlight check` for details"
        );
    }
}

/// `spotlight eval`: the gazetteer of `--data` (else the bundled one) over each annotated set.
fn evaluate(
    out: &mut impl Write,
    eval: &args::EvalArgs,
    data: Option<&Path>,
) -> anyhow::Result<Outcome> {
    let actors = match data {
        Some(dir) => {
            let path = dir.join(crate::corpus::files::ACTORS_FILE);
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            Some(crate::corpus::SourceFile {
                name: path.display().to_string(),
                bytes,
            })
        }
        None => crate::corpus::load::bundled_actors(),
    };
    for dir in &eval.sets {
        let (truth, pieces) = crate::eval::read_set(dir)?;
        let report = crate::eval::evaluate(&truth, actors.clone(), pieces);
        writeln!(out, "{}", dir.display())?;
        if eval.verbose {
            write!(out, "{}", report.verbose())?;
        } else {
            write!(out, "{report}")?;
        }
    }
    Ok(Outcome::Found)
}

/// Checking reads every file: it is what an analyst runs after editing one.
fn check(out: &mut impl Write, data: Option<&Path>) -> anyhow::Result<Outcome> {
    let corpus = load(data, Loading::Full)?;
    for problem in &corpus.problems {
        writeln!(out, "{problem}")?;
    }
    let errors = corpus
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = corpus.problems.len() - errors;
    let place = data.map_or_else(|| PathBuf::from("bundled corpus"), Path::to_path_buf);
    let summary = format!(
        "{}: {} pieces, {} actors, {} quotes; {errors} error(s), {warnings} warning(s)",
        place.display(),
        corpus.pieces.len(),
        corpus.actors.len(),
        corpus.quotes.len()
    );
    out.flush()?;
    eprintln!("{summary}");
    Ok(if errors > 0 {
        Outcome::Failed
    } else {
        Outcome::Found
    })
}
