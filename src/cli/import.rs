//! `spotlight import`: pages in the forms analysts have them, into a corpus directory (see
//! [`crate::import`]), with a progress bar on a terminal and a summary at the end.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::Outcome;
use super::args::ImportArgs;
use crate::corpus::files::ACTORS_FILE;
use crate::corpus::{Corpus, SourceFile};
use crate::import::{self, Options, Present};

/// Imports every page given; exit 0 when each was imported or was already there, 2 when any
/// failed (each failure said on stderr with its reason).
pub fn run(
    out: &mut impl Write,
    args: &ImportArgs,
    data: Option<&Path>,
) -> anyhow::Result<Outcome> {
    let Some(dir) = data
        .map(Path::to_path_buf)
        .or_else(|| Some(PathBuf::from("data")).filter(|d| d.is_dir()))
    else {
        bail!(
            "import needs a corpus directory: pass --data DIR or set SPOTLIGHT_DATA (the bundled corpus is read-only)"
        );
    };
    let sources = import::sources(&args.files, &mut std::io::stdin().lock())
        .context("reading the list of pages on standard input")?;
    let (before, mut present) = Present::of(&dir)
        .with_context(|| format!("reading the pieces already in {}", dir.display()))?;
    let options = Options {
        force: args.force,
        ..Options::default()
    };
    let bar = progress(sources.len());
    let mut tally = Tally::default();
    let mut stored = Vec::new();
    for source in &sources {
        bar.set_message(source.to_string());
        let (outcome, warnings) = import::import(source, &dir, &mut present, &options);
        if let import::Outcome::Imported(path) | import::Outcome::Replaced(path) = &outcome {
            stored.push(path.clone());
        }
        bar.suspend(|| -> std::io::Result<()> {
            for warning in &warnings {
                eprintln!("{warning}");
            }
            tally.say(out, source, &outcome)
        })?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    if sources.len() > 1 || tally.failed > 0 {
        eprintln!("{}", tally.summary());
    }
    if !stored.is_empty() {
        let new = super::unknown::new_unknown(&before, &just_these(&dir, &stored));
        if new > 0 {
            eprintln!(
                "{new} actor(s) the gazetteer does not know are mentioned: `spotlight actors \
                 --unknown` lists them, `--stubs` writes entries for actors.json"
            );
        }
    }
    Ok(if tally.failed > 0 {
        Outcome::Failed
    } else {
        Outcome::Found
    })
}

/// The pages just stored, read on their own with the corpus's gazetteer: enough to name the
/// unknown actors they bring (an unknown actor's id is its name's slug, the same in the whole
/// corpus), without reading every piece again — the import has just made the cache stale, and
/// the next command that opens the corpus rebuilds it once.
fn just_these(dir: &Path, stored: &[PathBuf]) -> Corpus {
    let read = |path: &Path| {
        std::fs::read(path).ok().map(|bytes| SourceFile {
            name: path.display().to_string(),
            bytes,
        })
    };
    let actors = read(&dir.join(ACTORS_FILE));
    Corpus::from_sources(actors, stored.iter().filter_map(|p| read(p)).collect())
}

/// A progress bar on standard error when it is a terminal and there is more than one page.
fn progress(pages: usize) -> indicatif::ProgressBar {
    if pages < 2 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(pages as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// How the pages fared, for the summary.
#[derive(Default)]
struct Tally {
    imported: usize,
    replaced: usize,
    present: usize,
    newer: usize,
    failed: usize,
}

impl Tally {
    /// Counts one outcome and says it: what went in on stdout, problems on stderr.
    fn say(
        &mut self,
        out: &mut impl Write,
        source: &import::Source,
        outcome: &import::Outcome,
    ) -> std::io::Result<()> {
        match outcome {
            import::Outcome::Imported(path) => {
                self.imported += 1;
                writeln!(out, "imported {source} -> {}", path.display())
            }
            import::Outcome::Replaced(path) => {
                self.replaced += 1;
                writeln!(out, "replaced {} with {source}", path.display())
            }
            import::Outcome::Present(path) => {
                self.present += 1;
                writeln!(out, "already present: {source} is {}", path.display())
            }
            import::Outcome::Newer(path) => {
                self.newer += 1;
                writeln!(
                    out,
                    "updated: {source} is a newer version of {}; pass --force to replace it",
                    path.display()
                )
            }
            import::Outcome::Failed(why) => {
                self.failed += 1;
                out.flush()?;
                eprintln!("{why}");
                Ok(())
            }
        }
    }

    fn summary(&self) -> String {
        format!(
            "{} imported, {} replaced, {} already present ({} with a newer version), {} failed",
            self.imported,
            self.replaced,
            self.present + self.newer,
            self.newer,
            self.failed
        )
    }
}
