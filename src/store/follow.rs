//! Following a corpus directory while a TUI or a server shows it: when a file in it changes
//! (a piece imported, edited or removed; the gazetteer or the corrections edited), or when
//! asked (`serve` on SIGHUP), the corpus is read again and indexed beside the one shown, and
//! handed over whole. A corpus that can no longer be read keeps the last good index; the
//! front end is told why.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use super::cache::Manifest;
use crate::corpus::files::{ACTORS_FILE, PIECES_DIR};
use crate::corpus::{Corpus, Extent, Severity};
use crate::index::Index;

/// How long the directory must stay quiet before it is read again: an import of many files,
/// or an editor's save, is one reload.
const QUIET: Duration = Duration::from_millis(300);

/// What a reload brings.
#[derive(Debug)]
pub enum Reload {
    /// The corpus read again, and what changed (`corpus reloaded: +3 pieces`).
    Read {
        /// The new index.
        index: Arc<Index>,
        /// What changed, in a few words.
        summary: String,
    },
    /// The corpus could not be read again: the last good index stays, and this says why.
    Failed(String),
}

/// Watches `dir` and reads it again after each burst of changes, or each time something is
/// sent on `nudges` (the sender given is the watcher's own, and may be cloned to ask for a
/// reload). `tell` gets each reload; following stops when it returns false, or when every
/// sender is gone. `current` is the index shown now.
pub fn follow(
    dir: &Path,
    current: Arc<Index>,
    nudges: (Sender<()>, Receiver<()>),
    mut tell: impl FnMut(Reload) -> bool,
) -> notify::Result<()> {
    let (nudge, nudged) = nudges;
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| e.paths.iter().any(|p| worth_a_reload(p))) {
            let _ = nudge.send(());
        }
    })?;
    watcher.watch(dir, RecursiveMode::Recursive)?;
    let mut shown = current;
    let mut last = Manifest::of(dir);
    while nudged.recv().is_ok() {
        // Let the burst end.
        loop {
            match nudged.recv_timeout(QUIET) {
                Ok(()) => {}
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        }
        let manifest = Manifest::of(dir);
        if manifest.is_some() && manifest == last {
            continue;
        }
        let reload = match Corpus::open_with(dir, manifest.clone(), Extent::Whole) {
            Ok(corpus) => match broke(&shown.corpus, &corpus) {
                Some(why) => Reload::Failed(format!(
                    "corpus not reloaded: {why}; still showing it as it was (fix the file and \
                     it is read again)"
                )),
                None => {
                    let index = Index::build(corpus);
                    let summary = summary(&shown, &index);
                    shown = Arc::clone(&index);
                    last = manifest;
                    Reload::Read { index, summary }
                }
            },
            Err(error) => Reload::Failed(format!(
                "corpus not reloaded ({error}): still showing it as it was"
            )),
        };
        if !tell(reload) {
            break;
        }
    }
    Ok(())
}

/// The first error `new` has that `old` had not (a file or entry skipped), as `file:line:
/// what is wrong`: a corpus made broken by a bad file is not shown in place of a good one.
fn broke(old: &Corpus, new: &Corpus) -> Option<String> {
    let known: HashSet<(&str, u32, &str)> = old
        .problems
        .iter()
        .map(|p| (p.file.as_str(), p.line, p.message.as_str()))
        .collect();
    new.problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .find(|p| !known.contains(&(p.file.as_str(), p.line, p.message.as_str())))
        .map(|p| format!("{}:{}: {}", p.file_name(), p.line, p.message))
}

/// Whether a change to `path` can change the corpus: a piece, the gazetteer, the corrections
/// (not an editor's swap file or an import's temporary file).
fn worth_a_reload(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy());
    let in_pieces = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|p| p == PIECES_DIR);
    match name.as_deref() {
        Some(ACTORS_FILE | crate::corpus::corrections::CORRECTIONS_FILE) => true,
        Some(name) if in_pieces => name.ends_with(".md") && !name.starts_with('.'),
        Some(PIECES_DIR) => true,
        _ => false,
    }
}

/// What changed between two indexes of a corpus, for the status line.
#[must_use]
pub fn summary(old: &Index, new: &Index) -> String {
    let ids = |index: &Index| -> HashSet<String> {
        index.corpus.pieces.iter().map(|p| p.id.clone()).collect()
    };
    let (before, after) = (ids(old), ids(new));
    let added = after.difference(&before).count();
    let removed = before.difference(&after).count();
    let plural = |n: usize| if n == 1 { "piece" } else { "pieces" };
    let mut parts = Vec::new();
    if added > 0 {
        parts.push(format!("+{added} {}", plural(added)));
    }
    if removed > 0 {
        parts.push(format!("\u{2212}{removed} {}", plural(removed)));
    }
    if parts.is_empty() {
        parts.push("pieces edited".to_string());
    }
    let skipped = new
        .corpus
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let mut text = format!(
        "corpus reloaded: {} ({} \u{2192} {} quotes)",
        parts.join(", "),
        old.len(),
        new.len()
    );
    if skipped > 0 {
        text.push_str(&format!(
            "; {skipped} problem(s) skipped files or entries: F3 lists them"
        ));
    }
    text
}
