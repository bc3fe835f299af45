//! Which files in a directory make a corpus: the gazetteer, the folder of saved pieces and
//! the pages in it — and a clear error when `--data` points somewhere else.

use std::path::{Path, PathBuf};

use super::problem::{Problem, Severity};

/// Why a corpus could not be loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The directory is missing or unreadable.
    #[error("cannot read corpus directory {path}")]
    Dir {
        /// The directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The directory has neither `pieces/` nor `actors.json`, so it is no corpus (a mistyped
    /// `--data`).
    #[error("{path} is not a corpus: it has no pieces/ directory{hint}")]
    NotACorpus {
        /// The directory.
        path: PathBuf,
        /// What was probably meant (`; did you mean big/?`), or nothing.
        hint: String,
    },
}

/// The gazetteer's file name inside a corpus directory.
pub const ACTORS_FILE: &str = "actors.json";
/// The folder of saved pieces inside a corpus directory.
pub const PIECES_DIR: &str = "pieces";

/// Checks that `dir` looks like a corpus (it has `pieces/` or `actors.json`), with a hint when
/// it does not: a `pieces/` folder itself, or a folder of saved pages.
pub fn ensure_corpus(dir: &Path) -> Result<(), LoadError> {
    if dir.join(PIECES_DIR).is_dir() || dir.join(ACTORS_FILE).is_file() {
        return Ok(());
    }
    let pages = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| is_piece_file(&e.path()))
                .count()
        })
        .unwrap_or(0);
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let hint = if dir.file_name().is_some_and(|n| n == PIECES_DIR) {
        format!("; did you mean {}/?", parent.display())
    } else if pages > 0 {
        format!("; it holds {pages} saved pages itself: a corpus keeps them in pieces/")
    } else {
        "; a corpus holds actors.json and pieces/*.md".to_string()
    };
    Err(LoadError::NotACorpus {
        path: dir.to_path_buf(),
        hint,
    })
}

/// The saved pieces in `dir/pieces`, in byte order of their paths (none when it is missing),
/// and a warning for each `.md` entry that is not a regular file (a FIFO would block the
/// load forever, a folder holds no page): those are skipped. A file that cannot even be
/// looked at (a dangling link) stays, for the load to report as unreadable.
pub fn piece_paths(dir: &Path) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(dir.join(PIECES_DIR)) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|e| is_piece_file(&e.path()))
            .filter_map(|e| {
                let path = e.path();
                // The entry's type comes with the listing; only a link costs a stat.
                let regular = match e.file_type() {
                    Ok(kind) if kind.is_symlink() => std::fs::metadata(&path).map(|m| m.is_file()),
                    Ok(kind) => Ok(kind.is_file()),
                    Err(error) => Err(error),
                };
                if matches!(regular, Ok(false)) {
                    problems.push(skipped(
                        &path,
                        "not a regular file (a folder, FIFO or device)",
                    ));
                    return None;
                }
                Some(path)
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    // By bytes: the paths share their folder, and a byte compare is cheaper than comparing
    // path components 10,000 times over.
    paths.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    problems.sort_by(|a, b| a.file.cmp(&b.file));
    (paths, problems)
}

fn skipped(path: &Path, why: &str) -> Problem {
    Problem {
        file: path.display().to_string(),
        line: 1,
        message: format!("{why}; skipped"),
        severity: Severity::Warning,
    }
}

/// Whether a path is a saved piece (`.md` or `.markdown`).
#[must_use]
pub fn is_piece_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}
