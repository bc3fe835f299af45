//! Bringing pages into a corpus, in the forms analysts have them: saved Markdown (the series'
//! saved-page form, or a clipper's with front matter), saved HTML and single-file saves
//! (`.mhtml`; read by [`crate::corpus::html`]), and web addresses (fetched once, by
//! [`fetch`]). Each page is stored in one canonical form, `pieces/<id>.md`: the saved-page
//! Markdown the loader reads, under front matter that records its address, its node, when it
//! was saved or fetched and when it was imported. A piece already present (same address, node
//! or id) is left as it is unless forced.

pub mod fetch;
mod present;
pub mod sources;
mod stored;

use std::path::{Path, PathBuf};

pub use self::present::{Present, same_page};
pub use self::sources::{Source, sources};
use crate::atomic::{Durability, Existing, write_atomically_with};
use crate::corpus::files::PIECES_DIR;
use crate::corpus::page::read_page;

/// How an import behaves.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Replace a piece that is already present.
    pub force: bool,
    /// What fetching an address may cost.
    pub limits: fetch::Limits,
}

/// How one page fared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored as a new piece, at this path.
    Imported(PathBuf),
    /// Stored over the piece it already was (`--force`).
    Replaced(PathBuf),
    /// Already present, at this path: left as it is.
    Present(PathBuf),
    /// Already present, and this page's "Updated" date is newer: `--force` replaces it.
    Newer(PathBuf),
    /// Not imported, and why (`file:line: what is wrong`, or the fetch's reason).
    Failed(String),
}

/// A page read, in the form it will be stored in, with the warnings worth showing.
struct Read {
    text: String,
    warnings: Vec<String>,
}

/// Imports `source` into the corpus at `dir`, which holds the pieces in `present` (the new
/// piece joins them). Never panics on bad input; a failure is an [`Outcome::Failed`].
pub fn import(
    source: &Source,
    dir: &Path,
    present: &mut Present,
    options: &Options,
) -> (Outcome, Vec<String>) {
    let name = source.to_string();
    let read = match read(source, options) {
        Ok(read) => read,
        Err(why) => return (Outcome::Failed(why), Vec::new()),
    };
    let (piece, issues) = match read_page(&read.text, &name) {
        Ok(read) => read,
        Err(issue) => {
            return (
                Outcome::Failed(format!("{name}:{}: {}", issue.line, issue.message)),
                read.warnings,
            );
        }
    };
    let mut warnings = read.warnings;
    warnings.extend(
        issues
            .iter()
            .map(|i| format!("{name}:{}: warning: {}", i.line, i.message)),
    );
    let (target, existing) = match present.find(&piece) {
        Some(entry) if !options.force => {
            let newer = match (piece.updated, entry.updated) {
                (Some(new), Some(old)) => new > old,
                (Some(_), None) => true,
                _ => false,
            };
            let path = entry.path.clone();
            return if newer {
                (Outcome::Newer(path), warnings)
            } else {
                (Outcome::Present(path), warnings)
            };
        }
        Some(entry) => (entry.path.clone(), Existing::Replace),
        None => (
            dir.join(PIECES_DIR).join(format!("{}.md", piece.id)),
            Existing::Keep,
        ),
    };
    if let Some(parent) = target.parent() {
        if let Err(e) = std::fs::create_dir_all(parent) {
            return (
                Outcome::Failed(format!("{name}: creating {}: {e}", parent.display())),
                warnings,
            );
        }
    }
    let written = write_atomically_with(&target, Durability::Synced, existing, |out| {
        out.write_all(read.text.as_bytes())
    });
    let outcome = match written {
        Ok(()) if existing == Existing::Replace => Outcome::Replaced(target.clone()),
        Ok(()) => Outcome::Imported(target.clone()),
        // Appeared meanwhile (another import): never overwritten without --force.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Outcome::Present(target.clone()),
        Err(e) => Outcome::Failed(format!("{name}: writing {}: {e}", target.display())),
    };
    if matches!(outcome, Outcome::Imported(_) | Outcome::Replaced(_)) {
        present.add(&piece, target);
    }
    (outcome, warnings)
}

/// Reads `source` into the text it will be stored as.
fn read(source: &Source, options: &Options) -> Result<Read, String> {
    let now = jiff::Timestamp::now();
    match source {
        Source::Url(url) => {
            let fetched = fetch::fetch(url, &options.limits).map_err(|e| format!("{url}: {e}"))?;
            html(
                &fetched.bytes,
                url,
                Some(&fetched.url),
                Some(fetched.at),
                now,
            )
        }
        Source::File(path) => {
            let name = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
            let extension = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            let modified = || {
                std::fs::metadata(path)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| jiff::Timestamp::try_from(t).ok())
            };
            match extension.as_deref() {
                Some("html" | "htm") => html(&bytes, &name, Some(&name), modified(), now),
                Some("mhtml" | "mht") => {
                    let single = crate::corpus::html::mhtml::unpack(&bytes)
                        .map_err(|e| format!("{name}: {e}"))?;
                    let source = single.url.as_deref().unwrap_or(&name);
                    let saved = single.saved.or_else(modified);
                    html(&single.html, &name, Some(source), saved, now)
                }
                _ => {
                    let text = crate::corpus::read::decode(&bytes)
                        .map_err(|i| format!("{name}:{}: {}", i.line, i.message))?;
                    Ok(Read {
                        text: stored::stamp_imported(&text, now),
                        warnings: Vec::new(),
                    })
                }
            }
        }
    }
}

/// An HTML page as it will be stored: `name` is what errors call it, `source` where it is
/// from (an address, or the path it was read from).
fn html(
    bytes: &[u8],
    name: &str,
    source: Option<&str>,
    saved: Option<jiff::Timestamp>,
    now: jiff::Timestamp,
) -> Result<Read, String> {
    let page = crate::corpus::html::read(bytes, source).map_err(|e| format!("{name}: {e}"))?;
    let text = stored::with_front_matter(&page, saved, now).map_err(|e| format!("{name}: {e}"))?;
    Ok(Read {
        text,
        warnings: Vec::new(),
    })
}
