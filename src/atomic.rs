//! Writing a file so that no reader ever sees half of it: an interrupted write leaves the old
//! file (or none), never a truncated one.
//!
//! The contents go to a uniquely named temporary file beside the target (so two writers never
//! share one), which is then renamed into place — over the old file, or only where there is
//! none, which leaves no moment between checking and writing for another file to appear.

use std::io::{self, Write};
use std::path::Path;

use tempfile::NamedTempFile;

/// Whether the data must survive a crash of the machine, not only of the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// The file, then its directory, synced to disk: for the user's own data.
    Synced,
    /// Left to the system to write back: for what can be rebuilt, like a cache.
    Buffered,
}

/// What a write does when the target already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Replace it.
    Replace,
    /// Leave it and fail with [`io::ErrorKind::AlreadyExists`].
    Keep,
}

/// Writes `bytes` to `target` atomically, replacing any file there.
pub fn write_atomically(target: &Path, bytes: &[u8], durability: Durability) -> io::Result<()> {
    write_atomically_with(target, durability, Existing::Replace, |file| {
        file.write_all(bytes)
    })
}

/// Writes `target` atomically with the contents `fill` writes (in as many pieces as it likes,
/// through a buffer); `existing` says what happens to a file already there.
pub fn write_atomically_with(
    target: &Path,
    durability: Durability,
    existing: Existing,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let file_name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{file_name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    let mut out = io::BufWriter::new(temp);
    fill(&mut out)?;
    let temp: NamedTempFile = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    if durability == Durability::Synced {
        temp.as_file().sync_all()?;
    }
    // On failure the temporary file is removed when the error drops it.
    match existing {
        Existing::Replace => temp.persist(target).map(drop).map_err(|e| e.error)?,
        Existing::Keep => temp
            .persist_noclobber(target)
            .map(drop)
            .map_err(|e| e.error)?,
    }
    if durability == Durability::Synced {
        // The rename lives in the directory: synced too, or a crash may forget it.
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("f.txt");
        std::fs::write(&target, "old").expect("write");
        write_atomically(&target, b"new", Durability::Synced).expect("atomic write");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_failed_write_keeps_nothing_half_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("missing-folder").join("f.txt");
        assert!(write_atomically(&target, b"x", Durability::Synced).is_err());
        assert!(!target.exists());
        // A fill that fails leaves neither the target nor a temporary file.
        let target = dir.path().join("g.txt");
        let failed =
            write_atomically_with(&target, Durability::Buffered, Existing::Replace, |_| {
                Err(io::Error::other("disk full"))
            });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
    }

    #[test]
    fn keeping_an_existing_file_refuses_and_leaves_it_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("piece.md");
        std::fs::write(&target, "mine").expect("write");
        let refused = write_atomically_with(&target, Durability::Synced, Existing::Keep, |out| {
            out.write_all(b"theirs")
        });
        assert_eq!(
            refused.map_err(|e| e.kind()),
            Err(io::ErrorKind::AlreadyExists)
        );
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "mine");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
        let new = dir.path().join("new.md");
        write_atomically_with(&new, Durability::Synced, Existing::Keep, |out| {
            out.write_all(b"fresh")
        })
        .expect("a new file is written");
        assert_eq!(std::fs::read_to_string(&new).expect("read"), "fresh");
    }
}
