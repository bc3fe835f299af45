//! The one container format of the files spotlight keeps (the corpus cache, the index image):
//! a magic naming the kind of file, the head's length and CRC-32, the head (postcard: the
//! section table, then what the kind of file keeps there), and the sections one after another.
//! Every section's length and CRC-32 is in the table, so each is read and checked on its own,
//! and nothing a file says is trusted before it is checked against the file's size.
//!
//! ```text
//! magic (8 bytes) | head length (u64 LE) | head CRC-32 (u32 LE) | head | section 0 | section 1 | …
//! ```

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use bytemuck::Pod;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::atomic::{Durability, Existing, write_atomically_with};
use crate::positioned::read_exact_at;

/// Bytes before the head: the magic, the head's length and its CRC-32.
const START: u64 = 20;

/// Where a section lies in its file, and the CRC-32 it must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Its first byte.
    pub at: u64,
    /// Its length in bytes.
    pub length: u64,
    /// The CRC-32 of its bytes.
    pub crc: u32,
}

/// The head as stored: the section table, then the file kind's own head.
#[derive(Serialize, Deserialize)]
struct Stored<H> {
    sections: Vec<(u64, u32)>,
    head: H,
}

/// Writes `head` and `sections` to `path` as one container: to a temporary file renamed into
/// place (see [`crate::atomic`]), so a reader never sees half of one.
pub fn write<H: Serialize>(
    path: &Path,
    magic: &[u8; 8],
    head: H,
    sections: &[&[u8]],
) -> io::Result<()> {
    let stored = Stored {
        sections: sections
            .iter()
            .map(|s| (s.len() as u64, crc32fast::hash(s)))
            .collect(),
        head,
    };
    let head = postcard::to_stdvec(&stored).map_err(io::Error::other)?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    write_atomically_with(path, Durability::Buffered, Existing::Replace, |out| {
        out.write_all(magic)?;
        out.write_all(&(head.len() as u64).to_le_bytes())?;
        out.write_all(&crc32fast::hash(&head).to_le_bytes())?;
        out.write_all(&head)?;
        sections.iter().try_for_each(|s| out.write_all(s))
    })
}

/// The head of the container in `file` and where each of its sections lies; `None` when the
/// file is not a container of this `magic`, its head fails its CRC-32 or does not decode, or
/// the sections do not end where the file ends.
pub fn open<H: DeserializeOwned>(file: &mut File, magic: &[u8; 8]) -> Option<(H, Vec<Place>)> {
    let file_len = file.metadata().ok()?.len();
    let mut start = [0u8; START as usize];
    file.read_exact(&mut start).ok()?;
    let (found, rest) = start.split_at(magic.len());
    let (length, crc) = rest.split_at(8);
    if found != magic {
        return None;
    }
    let length = u64::from_le_bytes(length.try_into().ok()?);
    let crc = u32::from_le_bytes(crc.try_into().ok()?);
    // Lengths come from the file: checked against its size before anything is allocated.
    if length > file_len {
        return None;
    }
    let mut bytes = vec![0; usize::try_from(length).ok()?];
    file.read_exact(&mut bytes).ok()?;
    if crc32fast::hash(&bytes) != crc {
        return None;
    }
    let stored: Stored<H> = postcard::from_bytes(&bytes).ok()?;
    let mut at = START.checked_add(length)?;
    let mut places = Vec::with_capacity(stored.sections.len());
    for (length, crc) in stored.sections {
        places.push(Place { at, length, crc });
        at = at.checked_add(length)?;
    }
    (at == file_len).then_some((stored.head, places))
}

impl Place {
    /// The section's bytes, when its CRC-32 holds.
    #[must_use]
    pub fn bytes(&self, file: &File, path: &Path) -> Option<Vec<u8>> {
        self.array(file, path)
    }

    /// The section read as an array of `T`, when its CRC-32 holds.
    #[must_use]
    pub fn array<T: Pod>(&self, file: &File, path: &Path) -> Option<Vec<T>> {
        let length = usize::try_from(self.length).ok()?;
        let size = std::mem::size_of::<T>();
        if length % size != 0 {
            return None;
        }
        let mut items = vec![T::zeroed(); length / size];
        let bytes: &mut [u8] = bytemuck::cast_slice_mut(&mut items);
        read_exact_at(file, path, self.at, bytes)?;
        (crc32fast::hash(bytes) == self.crc).then_some(items)
    }

    /// The section as UTF-8 text, when its CRC-32 holds.
    #[must_use]
    pub fn text(&self, file: &File, path: &Path) -> Option<String> {
        String::from_utf8(self.bytes(file, path)?).ok()
    }

    /// The section decoded from postcard, when its CRC-32 holds.
    #[must_use]
    pub fn decode<T: DeserializeOwned>(&self, file: &File, path: &Path) -> Option<T> {
        postcard::from_bytes(&self.bytes(file, path)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAGIC: &[u8; 8] = b"SPOTTEST";

    fn written(dir: &Path) -> std::path::PathBuf {
        let path = dir.join("file");
        let sections: [&[u8]; 3] = [b"first", b"", &[1, 0, 0, 0, 2, 0, 0, 0]];
        write(&path, MAGIC, "head".to_string(), &sections).expect("written");
        path
    }

    #[test]
    fn sections_come_back_as_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = written(dir.path());
        let mut file = File::open(&path).expect("open");
        let (head, places) = open::<String>(&mut file, MAGIC).expect("a container");
        assert_eq!(head, "head");
        assert_eq!(places.len(), 3);
        assert_eq!(places[0].text(&file, &path).as_deref(), Some("first"));
        assert_eq!(places[1].bytes(&file, &path), Some(Vec::new()));
        assert_eq!(places[2].array::<u32>(&file, &path), Some(vec![1, 2]));
        // Another kind of file is not this one.
        let mut file = File::open(&path).expect("open");
        assert!(open::<String>(&mut file, b"SPOTELSE").is_none());
    }

    #[test]
    fn a_flipped_bit_anywhere_is_caught() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = written(dir.path());
        let good = std::fs::read(&path).expect("read");
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 0x10;
            std::fs::write(&path, &bad).expect("write");
            let mut file = File::open(&path).expect("open");
            let read = open::<String>(&mut file, MAGIC).and_then(|(head, places)| {
                let all: Option<Vec<Vec<u8>>> =
                    places.iter().map(|p| p.bytes(&file, &path)).collect();
                Some((head, all?))
            });
            assert!(read.is_none(), "byte {at} flipped went unnoticed");
        }
        // Cut short, it is no container either.
        std::fs::write(&path, &good[..good.len() - 1]).expect("write");
        let mut file = File::open(&path).expect("open");
        assert!(open::<String>(&mut file, MAGIC).is_none());
    }
}
