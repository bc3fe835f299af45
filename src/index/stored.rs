//! Parts of the quote index left in an index image and read on first use: the folded
//! haystacks a block of quotes at a time, the posting lists a word at a time. A search that
//! checks a few thousand quotes of a million reads a few thousand blocks, not the 115 MB of
//! haystacks; one that checks most of them reads the section at once (see
//! [`StoredText::prefetch`]).
//!
//! Every block is checked against its CRC-32 as it is read. A block that fails reads as empty
//! and marks the store damaged ([`StoredText::is_damaged`]): the caller then throws the
//! results away and searches the corpus itself.

use std::fs::File;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use bytemuck::Pod;

use super::quote_id::QuoteId;
use crate::positioned::read_exact_at;

/// Quotes per block of stored haystacks: about two kilobytes, so scattered candidates read
/// little they do not need.
pub const BLOCK: usize = 16;

/// Where a section lies in an image file.
#[derive(Debug)]
pub struct Section {
    /// The open image.
    pub file: File,
    /// Its path (for systems without positioned reads).
    pub path: PathBuf,
    /// The section's first byte.
    pub at: u64,
    /// Its length and CRC-32.
    pub listed: (u64, u32),
}

impl Section {
    /// `count` items of `T` from byte `offset` of the section, when their CRC-32 is `sum`.
    fn read<T: Pod>(&self, offset: u64, count: usize, sum: u32) -> Option<Vec<T>> {
        let mut items = vec![T::zeroed(); count];
        let bytes: &mut [u8] = bytemuck::cast_slice_mut(&mut items);
        let end = offset.checked_add(bytes.len() as u64)?;
        if end > self.listed.0 {
            return None;
        }
        read_exact_at(&self.file, &self.path, self.at.checked_add(offset)?, bytes)?;
        (crc32fast::hash(bytes) == sum).then_some(items)
    }
}

/// Folded haystacks left in an image.
#[derive(Debug)]
pub struct StoredText {
    section: Section,
    /// CRC-32 of each block of [`BLOCK`] quotes.
    sums: Vec<u32>,
    blocks: Vec<OnceLock<Option<Box<str>>>>,
    /// The whole section, once a search asked for most of it.
    whole: OnceLock<Option<String>>,
    damaged: AtomicBool,
}

impl StoredText {
    /// A store over `section`, the haystacks of quotes ending at `ends`, with `sums` per block.
    #[must_use]
    pub fn new(section: Section, ends: &[u64], sums: Vec<u32>) -> Option<Self> {
        let blocks = ends.len().div_ceil(BLOCK);
        if sums.len() != blocks || ends.last().is_some_and(|&e| e != section.listed.0) {
            return None;
        }
        Some(Self {
            section,
            sums,
            blocks: (0..blocks).map(|_| OnceLock::new()).collect(),
            whole: OnceLock::new(),
            damaged: AtomicBool::new(false),
        })
    }

    /// Tells the store that about `quotes` of the `total` haystacks are about to be read:
    /// when that is more than one in eight, the whole section is read at once.
    pub fn prefetch(&self, quotes: usize, total: usize) {
        if quotes.saturating_mul(8) > total && self.whole.get().is_none() {
            let whole = self.whole.get_or_init(|| {
                let (length, sum) = self.section.listed;
                let bytes = self
                    .section
                    .read::<u8>(0, usize::try_from(length).ok()?, sum)?;
                String::from_utf8(bytes).ok()
            });
            if whole.is_none() {
                self.damaged.store(true, Ordering::Relaxed);
            }
        }
    }

    /// The folded haystack of quote `at`, whose block starts at byte `block_start` and ends
    /// at `block_end`, and which spans `start..end`; empty when its block is damaged.
    pub fn get(&self, at: usize, block_start: u64, block_end: u64, start: u64, end: u64) -> &str {
        if let Some(Some(whole)) = self.whole.get() {
            let range = usize::try_from(start).ok().zip(usize::try_from(end).ok());
            return range.and_then(|(s, e)| whole.get(s..e)).unwrap_or("");
        }
        let b = at / BLOCK;
        let Some(cell) = self.blocks.get(b) else {
            return "";
        };
        let block = cell.get_or_init(|| {
            let sum = *self.sums.get(b)?;
            let count = usize::try_from(block_end.checked_sub(block_start)?).ok()?;
            let bytes = self.section.read::<u8>(block_start, count, sum)?;
            String::from_utf8(bytes).ok().map(String::into_boxed_str)
        });
        let Some(block) = block else {
            self.damaged.store(true, Ordering::Relaxed);
            return "";
        };
        let range = usize::try_from(start - block_start)
            .ok()
            .zip(usize::try_from(end - block_start).ok());
        match range.and_then(|(s, e)| block.get(s..e)) {
            Some(text) => text,
            None => {
                self.damaged.store(true, Ordering::Relaxed);
                ""
            }
        }
    }

    /// Whether a block read so far failed its check.
    #[must_use]
    pub fn is_damaged(&self) -> bool {
        self.damaged.load(Ordering::Relaxed)
    }
}

/// Posting lists left in an image.
#[derive(Debug)]
pub struct StoredLists {
    section: Section,
    /// CRC-32 of each word's list.
    sums: Vec<u32>,
    lists: Vec<OnceLock<Option<Box<[QuoteId]>>>>,
    quotes: usize,
    damaged: AtomicBool,
}

impl StoredLists {
    /// A store over `section`, lists starting at `starts` (one more than there are words),
    /// each with its CRC-32 in `sums`, naming quotes below `quotes`.
    #[must_use]
    pub fn new(section: Section, starts: &[u64], sums: Vec<u32>, quotes: usize) -> Option<Self> {
        let words = starts.len().checked_sub(1)?;
        let size = std::mem::size_of::<QuoteId>() as u64;
        if sums.len() != words || starts.last().map(|&s| s * size) != Some(section.listed.0) {
            return None;
        }
        Some(Self {
            section,
            sums,
            lists: (0..words).map(|_| OnceLock::new()).collect(),
            quotes,
            damaged: AtomicBool::new(false),
        })
    }

    /// The list of word `id`, which spans `start..end` in the postings; empty when damaged.
    pub fn get(&self, id: usize, start: u64, end: u64) -> &[QuoteId] {
        let Some(cell) = self.lists.get(id) else {
            return &[];
        };
        let list = cell.get_or_init(|| {
            let sum = *self.sums.get(id)?;
            let count = usize::try_from(end.checked_sub(start)?).ok()?;
            let size = std::mem::size_of::<QuoteId>() as u64;
            let list: Vec<QuoteId> = self.section.read(start.checked_mul(size)?, count, sum)?;
            let sound = list.windows(2).all(|w| w[0] < w[1])
                && list.last().is_none_or(|&q| (q as usize) < self.quotes);
            sound.then(|| list.into_boxed_slice())
        });
        if let Some(list) = list {
            list
        } else {
            self.damaged.store(true, Ordering::Relaxed);
            &[]
        }
    }

    /// Whether a list read so far failed its check.
    #[must_use]
    pub fn is_damaged(&self) -> bool {
        self.damaged.load(Ordering::Relaxed)
    }
}
