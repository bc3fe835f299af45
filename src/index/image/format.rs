//! The container format of an index image: the magic, the head (postcard, with its own
//! CRC-32) and the sections after it, each with a length and CRC-32 listed in the head. Both
//! the writer and the reader take the layout from here, so it is written down once.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use bytemuck::Pod;
use serde::{Deserialize, Serialize};

use crate::corpus::cache::Digest;
use crate::corpus::{Problem, QuoteKind};
use crate::index::actors::ActorIndex;
use crate::positioned::read_exact_at;

/// The first bytes of every image.
pub(super) const MAGIC: &[u8; 8] = b"SPOTIMG\0";
/// Bytes before the head: the magic, the head's length (`u64`) and CRC-32 (`u32`), little-endian.
const START: usize = 20;
/// Changes whenever the layout of the image changes.
pub(super) const FORMAT: u32 = 1;

/// The sections of an image, in file order.
#[derive(Debug, Clone, Copy)]
pub(super) enum Section {
    Folded,
    Ends,
    Words,
    PostingStarts,
    Postings,
    Speaker,
    Piece,
    Days,
    Kinds,
    Texts,
    TextEnds,
    /// A CRC-32 of each text, so a few can be read and checked alone.
    TextSums,
    /// A CRC-32 of each block of folded haystacks.
    FoldedSums,
    /// A CRC-32 of each word's posting list.
    PostingSums,
}

/// Number of sections.
pub(super) const SECTIONS: usize = 14;

/// The head of an image, after the magic and its own length (eight bytes, little-endian).
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Head {
    /// The digest of the manifest of the directory it was written for.
    pub(super) manifest: Digest,
    /// [`FORMAT`] when it was written.
    pub(super) format: u32,
    /// The arrays are stored in the byte order of the machine that wrote them.
    pub(super) little_endian: bool,
    /// Byte length and CRC-32 of each section.
    pub(super) sections: Vec<(u64, u32)>,
    /// The actors as JSON (their relations are internally tagged, which postcard cannot read).
    pub(super) actors: String,
    /// The corpus's problems.
    pub(super) problems: Vec<Problem>,
    /// Each piece's id and title: what search reads of the pieces.
    pub(super) pieces: Vec<(String, String)>,
    /// The actor lookup as built.
    pub(super) actor_index: ActorIndex,
}

/// The head of an image and where its sections start; `None` when it is not one or its
/// checksum fails.
pub(super) fn read_head(file: &mut File) -> Option<(Head, u64)> {
    let file_len = file.metadata().ok()?.len();
    let mut start = [0u8; START];
    file.read_exact(&mut start).ok()?;
    let (magic, rest) = start.split_at(MAGIC.len());
    let (length, checksum) = rest.split_at(8);
    if magic != MAGIC {
        return None;
    }
    let length = u64::from_le_bytes(length.try_into().ok()?);
    let checksum = u32::from_le_bytes(checksum.try_into().ok()?);
    if length > file_len {
        return None;
    }
    let mut bytes = vec![0; usize::try_from(length).ok()?];
    file.read_exact(&mut bytes).ok()?;
    if crc32fast::hash(&bytes) != checksum {
        return None;
    }
    let head = postcard::from_bytes(&bytes).ok()?;
    Some((head, START as u64 + length))
}

/// A section read into an array of `T`, when its checksum holds.
pub(super) fn section<T: Pod>(
    file: &File,
    path: &Path,
    at: u64,
    (length, checksum): (u64, u32),
) -> Option<Vec<T>> {
    let length = usize::try_from(length).ok()?;
    let size = std::mem::size_of::<T>();
    if length % size != 0 {
        return None;
    }
    let mut items = vec![T::zeroed(); length / size];
    let bytes: &mut [u8] = bytemuck::cast_slice_mut(&mut items);
    read_exact_at(file, path, at, bytes)?;
    (crc32fast::hash(bytes) == checksum).then_some(items)
}

/// A section that holds UTF-8 text.
pub(super) fn text_section(
    file: &File,
    path: &Path,
    at: u64,
    listed: (u64, u32),
) -> Option<String> {
    String::from_utf8(section::<u8>(file, path, at, listed)?).ok()
}

/// The byte a quote's kind is stored as.
pub(super) fn kind_byte(kind: QuoteKind) -> u8 {
    match kind {
        QuoteKind::Statement => 0,
        QuoteKind::Term => 1,
    }
}

/// The kind stored as `byte`; `None` for a byte no kind is stored as.
pub(super) fn byte_kind(byte: u8) -> Option<QuoteKind> {
    match byte {
        0 => Some(QuoteKind::Statement),
        1 => Some(QuoteKind::Term),
        _ => None,
    }
}
