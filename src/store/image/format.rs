//! The layout of an index image inside the store's container (see [`crate::store::container`]):
//! its magic, its head and its sections, in file order. Both the writer and the reader take
//! the layout from here, so it is written down once.

use serde::{Deserialize, Serialize};

use crate::corpus::{Problem, QuoteKind};
use crate::index::actors::ActorIndex;
use crate::store::actors::StoredActor;
use crate::store::cache::Digest;

/// The first bytes of every image.
pub(super) const MAGIC: &[u8; 8] = b"SPOTIMG\0";
/// Changes whenever the layout of the image changes.
pub(super) const FORMAT: u32 = 2;

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

/// The head of an image, after the container's section table.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Head {
    /// The digest of the manifest of the directory it was written for.
    pub(super) manifest: Digest,
    /// [`FORMAT`] when it was written.
    pub(super) format: u32,
    /// The arrays are stored in the byte order of the machine that wrote them.
    pub(super) little_endian: bool,
    /// The actors, every field stored.
    pub(super) actors: Vec<StoredActor>,
    /// The corpus's problems.
    pub(super) problems: Vec<Problem>,
    /// Each piece's id and title: what search reads of the pieces.
    pub(super) pieces: Vec<(String, String)>,
    /// The actor lookup as built.
    pub(super) actor_index: ActorIndex,
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
