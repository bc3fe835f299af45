//! Reading the arrays of an index image back: the quote index (its haystacks and posting
//! lists left in the file, see [`crate::index::stored`]) and the per-quote columns.

use std::fs::File;
use std::path::Path;

use super::format::{Section, byte_kind};
use crate::index::quotes::QuoteIndex;
use crate::index::stored::{self, StoredLists, StoredText};
use crate::index::{Columns, DayKey};
use crate::store::container::Place;

/// Where each section lies.
pub(super) type Places<'a> = &'a (dyn Fn(Section) -> Place + Sync);

/// The quote index of an image: the ends, words and posting starts read now, the haystacks
/// and posting lists left in the file until a search asks for them.
pub(super) fn read_quote_index(file: &File, path: &Path, place: Places<'_>) -> Option<QuoteIndex> {
    let array = |s: Section| place(s).array::<u64>(file, path);
    let sums = |s: Section| place(s).array::<u32>(file, path);
    let stored = |s: Section| {
        let place = place(s);
        Some(stored::Section {
            file: file.try_clone().ok()?,
            path: path.to_path_buf(),
            at: place.at,
            listed: (place.length, place.crc),
        })
    };
    let ends = array(Section::Ends)?;
    let posting_starts = array(Section::PostingStarts)?;
    let words = place(Section::Words).text(file, path)?;
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
pub(super) fn read_columns(file: &File, path: &Path, place: Places<'_>) -> Option<Columns> {
    let speaker = place(Section::Speaker).array::<u32>(file, path)?;
    let piece = place(Section::Piece).array::<u32>(file, path)?;
    let days = place(Section::Days).array::<i32>(file, path)?;
    let kinds = place(Section::Kinds).array::<u8>(file, path)?;
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
