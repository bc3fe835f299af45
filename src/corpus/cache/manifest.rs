//! The manifest of a corpus directory: the program, the directory as given, and the size,
//! times and inode of every file a loaded corpus depends on. A cache is used only when its
//! manifest equals the directory's.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::FORMAT;
use crate::corpus::load::{ACTORS_FILE, PIECES_DIR, is_piece_file};

/// What a file looked like when the cache was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    modified_ns: i128,
    changed_ns: i128,
    inode: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        let ns = |t: std::io::Result<SystemTime>| {
            t.ok()
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(i128::MAX))
        };
        #[cfg(unix)]
        let (changed_ns, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (changed_ns, inode) = (0, 0);
        Some(Self {
            len: meta.len(),
            modified_ns: ns(meta.modified()),
            changed_ns,
            inode,
        })
    }
}

/// Everything a cached corpus depends on: the program, the directory and its files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    format: u32,
    version: String,
    program: Option<Stamp>,
    /// The directory as found, and as given: messages and piece sources use the path given.
    pub(super) dir: PathBuf,
    given: PathBuf,
    actors: Option<Stamp>,
    pieces: Vec<(String, Stamp)>,
}

impl Manifest {
    /// The manifest of `dir` as it is now; `None` when it cannot be told (an unreadable
    /// directory or file), and the cache is then not used.
    #[must_use]
    pub fn of(given: &Path) -> Option<Self> {
        let dir = given.canonicalize().ok()?;
        let actors_path = dir.join(ACTORS_FILE);
        let actors = if actors_path.exists() {
            Some(Stamp::of(&actors_path)?)
        } else {
            None
        };
        let paths: Vec<PathBuf> = match std::fs::read_dir(dir.join(PIECES_DIR)) {
            Ok(entries) => entries
                .map(|entry| entry.map(|e| e.path()))
                .collect::<std::io::Result<Vec<_>>>()
                .ok()?,
            Err(_) => Vec::new(),
        };
        let mut pieces: Vec<(String, Stamp)> = paths
            .par_iter()
            .filter(|path| is_piece_file(path))
            .map(|path| {
                let name = path.file_name()?.to_string_lossy().into_owned();
                Some((name, Stamp::of(path)?))
            })
            .collect::<Option<_>>()?;
        pieces.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let program = std::env::current_exe().ok().and_then(|exe| Stamp::of(&exe));
        Some(Self {
            format: FORMAT,
            version: env!("CARGO_PKG_VERSION").to_string(),
            program,
            dir,
            given: given.to_path_buf(),
            actors,
            pieces,
        })
    }
}
