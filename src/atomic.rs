//! Writing a file so that no reader ever sees half of it: an interrupted write leaves the old
//! file (or none), never a truncated one.

use std::io::{self, Write};
use std::path::Path;

/// Whether the data must survive a crash of the machine, not only of the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Synced to disk before it replaces the old file: for the user's own data.
    Synced,
    /// Left to the system to write back: for what can be rebuilt, like a cache.
    Buffered,
}

/// Writes `bytes` to a temporary file beside `target`, then renames it into place.
pub fn write_atomically(target: &Path, bytes: &[u8], durability: Durability) -> io::Result<()> {
    write_atomically_with(target, durability, |file| file.write_all(bytes))
}

/// Like [`write_atomically`], with the contents written by `fill` (in as many pieces as it
/// likes, through a buffer).
pub fn write_atomically_with(
    target: &Path,
    durability: Durability,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let file_name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = target.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut out = io::BufWriter::new(std::fs::File::create(&temp)?);
        fill(&mut out)?;
        let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        if durability == Durability::Synced {
            file.sync_all()?;
        }
        std::fs::rename(&temp, target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("f.txt");
        std::fs::write(&target, "old").expect("write");
        write_atomically(&target, b"new", Durability::Buffered).expect("atomic write");
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
    }
}
