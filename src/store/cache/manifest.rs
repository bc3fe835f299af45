//! The manifest of a corpus directory: the program, the directory, and the size, times and
//! inode of every file a loaded corpus depends on. A cache is used only when its manifest
//! equals the directory's. The path the directory was given by (`./big`, `/x/big`, `big/`) is
//! kept but does not count: every path to one directory shares its cache.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::FORMAT;
use crate::corpus::files::{ACTORS_FILE, PIECES_DIR, is_piece_file};

/// What a file looked like when the cache was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    modified_ns: i128,
    changed_ns: i128,
    inode: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Self> {
        Some(Self::from_metadata(&std::fs::metadata(path).ok()?))
    }

    /// The stamp of a directory entry, read relative to the open directory (no walk down the
    /// whole path per file); through a symbolic link, of the file it points to, or of the link
    /// itself when it points nowhere (the load reports it; the cache still works).
    fn of_entry(entry: &std::fs::DirEntry) -> Option<Self> {
        let meta = entry.metadata().ok()?;
        if meta.file_type().is_symlink() {
            Self::of(&entry.path()).or(Some(Self::from_metadata(&meta)))
        } else {
            Some(Self::from_metadata(&meta))
        }
    }

    fn from_metadata(meta: &std::fs::Metadata) -> Self {
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
        Self {
            len: meta.len(),
            modified_ns: ns(meta.modified()),
            changed_ns,
            inode,
        }
    }
}

/// Everything a cached corpus depends on: the program, the directory and its files.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Manifest {
    format: u32,
    version: String,
    program: Option<Stamp>,
    /// The directory as found, and as given: messages and piece sources use the path given.
    pub(super) dir: PathBuf,
    pub(crate) given: Given,
    actors: Option<Stamp>,
    corrections: Option<Stamp>,
    pieces: Vec<(String, Stamp)>,
}

/// The path a directory was given by: kept, so what a cache or image says about its files can
/// be told in the user's own terms, but never part of a manifest's equality or digest.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Given(pub PathBuf);

impl PartialEq for Given {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Given {}

impl std::hash::Hash for Given {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

impl Given {
    /// `text` (a file path written from the path this was given by) written from `to`
    /// instead: `big/pieces/a.md` → `/x/big/pieces/a.md`. Other text is returned unchanged.
    #[must_use]
    pub fn rebase(&self, text: &str, to: &Self) -> String {
        match Path::new(text).strip_prefix(&self.0) {
            Ok(rest) => to.0.join(rest).display().to_string(),
            Err(_) => text.to_string(),
        }
    }
}

/// A 128-bit digest of a [`Manifest`]: what an index image keeps of the manifest it was
/// written for, so a start compares sixteen bytes instead of reading a stamp per piece file.
/// (It is made with the standard library's hasher, which may change between builds of
/// spotlight; a new build changes the manifest anyway.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Digest([u64; 2]);

impl Manifest {
    /// The manifest's digest.
    #[must_use]
    pub fn digest(&self) -> Digest {
        use std::hash::{Hash, Hasher};
        let half = |salt: u8| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            salt.hash(&mut hasher);
            self.hash(&mut hasher);
            hasher.finish()
        };
        Digest([half(0), half(1)])
    }

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
        // The analysts' corrections change the loaded quotes as much as the pages do.
        let corrections = Stamp::of(&dir.join(crate::corpus::corrections::CORRECTIONS_FILE));
        let entries: Vec<std::fs::DirEntry> = match std::fs::read_dir(dir.join(PIECES_DIR)) {
            Ok(entries) => entries.collect::<std::io::Result<Vec<_>>>().ok()?,
            Err(_) => Vec::new(),
        };
        let mut pieces: Vec<(String, Stamp)> = entries
            .par_iter()
            .filter(|entry| is_piece_file(Path::new(&entry.file_name())))
            .map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                Some((name, Stamp::of_entry(entry)?))
            })
            .collect::<Option<_>>()?;
        pieces.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let program = std::env::current_exe().ok().and_then(|exe| Stamp::of(&exe));
        Some(Self {
            format: FORMAT,
            version: env!("CARGO_PKG_VERSION").to_string(),
            program,
            dir,
            given: Given(given.to_path_buf()),
            actors,
            corrections,
            pieces,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_piece_reached_through_a_link_is_stamped_as_the_file_it_points_to() {
        let dir = tempfile::tempdir().expect("tempdir");
        let pieces = dir.path().join(PIECES_DIR);
        std::fs::create_dir(&pieces).expect("pieces");
        let target = dir.path().join("elsewhere.md");
        std::fs::write(&target, "# A piece\n").expect("written");
        std::os::unix::fs::symlink(&target, pieces.join("linked.md")).expect("linked");
        let before = Manifest::of(dir.path()).expect("manifest");
        std::fs::write(&target, "# A longer piece\n").expect("edited");
        let after = Manifest::of(dir.path()).expect("manifest");
        assert_ne!(before, after, "an edit behind the link is seen");
        assert_eq!(after, Manifest::of(dir.path()).expect("manifest"));
        assert_ne!(before.digest(), after.digest());
        assert_eq!(after.digest(), after.clone().digest());
    }
}
