//! Reading the arrays of an index image back: the quote index (its haystacks and posting
//! lists left in the file, see [`crate::index::stored`]) and the per-quote columns.

use std::fs::File;
use std::path::Path;

use super::format::{Section, byte_kind, section, text_section};
use crate::index::quotes::QuoteIndex;
use crate::index::stored::{self, StoredLists, StoredText};
use crate::index::{Columns, DayKey};

/// Where a section lies: its first byte, and its length and CRC-32 as the head lists them.
pub(super) type Place<'a> = &'a (dyn Fn(Section) -> (u64, (u64, u32)) + Sync);

/// The quote index of an image: the ends, words and posting starts read now, the haystacks
/// and posting lists left in the file until a search asks for them.
pub(super) fn read_quote_index(file: &File, path: &Path, place: Place<'_>) -> Option<QuoteIndex> {
    let array = |s: Section| {
        let (at, listed) = place(s);
        section::<u64>(file, path, at, listed)
    };
    let sums = |s: Section| {
        let (at, listed) = place(s);
        section::<u32>(file, path, at, listed)
    };
    let stored = |s: Section| {
        let (at, listed) = place(s);
        Some(stored::Section {
            file: file.try_clone().ok()?,
            path: path.to_path_buf(),
            at,
            listed,
        })
    };
    let ends = array(Section::Ends)?;
    let posting_starts = array(Section::PostingStarts)?;
    let (at, listed) = place(Section::Words);
    let words = text_section(file, path, at, listed)?;
    let words: Vec<Box<str>> = if words.is_empty() {
        Vec::new()
    } else {
        words.split('\n').map(Box::from).collect()
    };
    let folded = StoredText::new(stored(Section::Folded)?, &ends, sums(Section::FoldedSums)?)?;
    let postings = StoredLists::new(
        stored(Section::Postings)?,
        &posting_starts,
        sums(Section::PostingSums)?,
        ends.len(),
    )?;
    QuoteIndex::from_stored(ends, words, posting_starts, folded, postings)
}

/// The per-quote columns of an image: speaker, piece, day and kind of each quote.
pub(super) fn read_columns(file: &File, path: &Path, place: Place<'_>) -> Option<Columns> {
    let (at, listed) = place(Section::Speaker);
    let speaker = section::<u32>(file, path, at, listed)?;
    let (at, listed) = place(Section::Piece);
    let piece = section::<u32>(file, path, at, listed)?;
    let (at, listed) = place(Section::Days);
    let days = section::<i32>(file, path, at, listed)?;
    let (at, listed) = place(Section::Kinds);
    let kinds = section::<u8>(file, path, at, listed)?;
    Some(Columns {
        speaker: speaker
            .into_iter()
            .map(|s| (s != u32::MAX).then_some(s))
            .collect(),
        piece,
        days: days.into_iter().map(DayKey::from_raw).collect(),
        kinds: kinds.into_iter().map(byte_kind).collect::<Option<_>>()?,
    })
}
