//! Reading part of a file at an offset without moving a shared cursor, so several threads can
//! read one file side by side (the corpus cache and the index image are read that way).

use std::fs::File;
use std::path::Path;

/// Fills `buffer` from byte `offset` of `file`; `None` when the file is shorter or unreadable.
#[cfg(unix)]
pub fn read_exact_at(file: &File, _path: &Path, offset: u64, buffer: &mut [u8]) -> Option<()> {
    use std::os::unix::fs::FileExt;
    file.read_exact_at(buffer, offset).ok()
}

/// Fills `buffer` from byte `offset` of the file at `path`, through a handle of its own.
#[cfg(not(unix))]
pub fn read_exact_at(_file: &File, path: &Path, offset: u64, buffer: &mut [u8]) -> Option<()> {
    use std::io::{Read, Seek, SeekFrom};
    let mut own = File::open(path).ok()?;
    own.seek(SeekFrom::Start(offset)).ok()?;
    own.read_exact(buffer).ok()
}
