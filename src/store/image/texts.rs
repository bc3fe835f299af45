//! The quotes' original texts in an index image, read lazily: only the hits' texts, one by
//! one or in one pass over the section, each checked against its CRC-32 before it is trusted.

use std::fs::File;
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::index::quotes::QuoteId;
use crate::positioned::read_exact_at;
use crate::store::container::Place;

/// The quotes' original texts in an image, read from the file only when needed: a search
/// that matched nothing never reads them, one that matched a few reads just those.
#[derive(Debug)]
pub struct Texts {
    /// The open image.
    pub(super) file: File,
    /// Its path (for systems without positioned reads).
    pub(super) path: PathBuf,
    /// Where the texts section lies.
    pub(super) text: Place,
    /// Where the section of the texts' ends lies.
    pub(super) ends: Place,
    /// Where the section of the texts' CRC-32s lies.
    pub(super) sums: Place,
    /// The texts' ends and CRC-32s, read when [`Self::one`] is first asked (`None`: damaged).
    pub(super) spans: OnceLock<Option<Spans>>,
}

/// Where each text ends in the texts section, and each text's CRC-32.
#[derive(Debug)]
pub(super) struct Spans {
    ends: Vec<u64>,
    sums: Vec<u32>,
}

/// Fewer hits than one in this many quotes are read one by one; more, in one pass over the
/// whole section keeping theirs; more than half of all the quotes, with the whole section.
pub(super) const SPARSE: usize = 64;
/// Bytes of texts read at a time in a pass over the section.
const PASS_CHUNK: u64 = 4 << 20;

/// The original texts of some quotes.
#[derive(Debug, Default)]
pub struct TextTable {
    text: String,
    /// Where each text ends in `text`.
    ends: Vec<usize>,
    /// The quotes held, ascending; `None` when all of them are.
    ids: Option<Vec<QuoteId>>,
}

impl TextTable {
    /// The text of quote `id`; empty when the table does not hold it.
    #[must_use]
    pub fn get(&self, id: QuoteId) -> &str {
        let slot = match &self.ids {
            None => Some(id as usize),
            Some(ids) => ids.binary_search(&id).ok(),
        };
        let Some(at) = slot.filter(|&at| at < self.ends.len()) else {
            return "";
        };
        let start = at.checked_sub(1).map_or(0, |before| self.ends[before]);
        self.text.get(start..self.ends[at]).unwrap_or("")
    }

    fn push(&mut self, id: QuoteId, bytes: &[u8]) -> Option<()> {
        self.text.push_str(std::str::from_utf8(bytes).ok()?);
        self.ends.push(self.text.len());
        self.ids.get_or_insert_with(Vec::new).push(id);
        Some(())
    }
}

impl crate::index::TextSource for Texts {
    fn text(&self, id: QuoteId) -> Option<String> {
        self.one(id)
    }
}

impl Texts {
    /// A second handle on the same texts (the file opened twice over).
    pub(super) fn try_clone(&self) -> Option<Self> {
        Some(Self {
            file: self.file.try_clone().ok()?,
            path: self.path.clone(),
            text: self.text,
            ends: self.ends,
            sums: self.sums,
            spans: OnceLock::new(),
        })
    }

    /// The text of quote `id`, read from the file and checked against its CRC-32: what a
    /// screen needs, a row at a time. The ends and checksums of all the texts are read once,
    /// on the first call. `None` for an unknown id or a damaged file.
    #[must_use]
    pub fn one(&self, id: QuoteId) -> Option<String> {
        let spans = self.spans.get_or_init(|| self.spans()).as_ref()?;
        let at = id as usize;
        let start = at
            .checked_sub(1)
            .map_or(Some(0), |before| spans.ends.get(before).copied())?;
        let end = *spans.ends.get(at)?;
        let mut buffer = vec![0; usize::try_from(end.checked_sub(start)?).ok()?];
        read_exact_at(
            &self.file,
            &self.path,
            self.text.at.checked_add(start)?,
            &mut buffer,
        )?;
        if spans.sums.get(at) != Some(&crc32fast::hash(&buffer)) {
            return None;
        }
        String::from_utf8(buffer).ok()
    }

    fn spans(&self) -> Option<Spans> {
        let ends = self.ends.array::<u64>(&self.file, &self.path)?;
        let sums = self.sums.array::<u32>(&self.file, &self.path)?;
        let fits = ends.len() == sums.len()
            && ends.windows(2).all(|w| w[0] <= w[1])
            && ends.last().is_none_or(|&last| last == self.text.length);
        fits.then_some(Spans { ends, sums })
    }

    /// Reads the texts of quotes `ids`: a few one by one, each checked against its own
    /// checksum; many in one pass over the section, a few megabytes at a time, checked as a
    /// whole, keeping only theirs (the section is never in memory whole). `None` when the
    /// file is damaged.
    #[must_use]
    pub fn read(&self, ids: &[QuoteId]) -> Option<TextTable> {
        self.read_in(ids, PASS_CHUNK)
    }

    /// [`Self::read`], passing over the section `chunk` bytes at a time.
    pub(super) fn read_in(&self, ids: &[QuoteId], chunk: u64) -> Option<TextTable> {
        let ends = self.ends.array::<u64>(&self.file, &self.path)?;
        let Place {
            at: text_at,
            length: text_len,
            crc: text_sum,
        } = self.text;
        let fits = ends.windows(2).all(|w| w[0] <= w[1])
            && ends.last().is_none_or(|&last| last == text_len);
        if !fits {
            return None;
        }
        if ids.len().saturating_mul(2) > ends.len() {
            let text = self.text.text(&self.file, &self.path)?;
            let ends = ends
                .into_iter()
                .map(|e| {
                    usize::try_from(e)
                        .ok()
                        .filter(|&e| text.is_char_boundary(e))
                })
                .collect::<Option<_>>()?;
            return Some(TextTable {
                text,
                ends,
                ids: None,
            });
        }
        let mut wanted = ids.to_vec();
        wanted.sort_unstable();
        wanted.dedup();
        let span = |id: QuoteId| {
            let at = id as usize;
            let start = at
                .checked_sub(1)
                .map_or(Some(0), |before| ends.get(before).copied())?;
            Some((start, *ends.get(at)?))
        };
        // Sized up front: growing by doubling would copy the texts over and over.
        let bytes: u64 = wanted
            .iter()
            .filter_map(|&id| span(id).map(|(start, end)| end.saturating_sub(start)))
            .sum();
        let mut table = TextTable {
            text: String::with_capacity(usize::try_from(bytes).ok()?),
            ends: Vec::with_capacity(wanted.len()),
            ids: Some(Vec::with_capacity(wanted.len())),
        };
        let mut buffer = Vec::new();
        let fill = |start: u64, end: u64, buffer: &mut Vec<u8>| {
            buffer.resize(usize::try_from(end - start).ok()?, 0);
            read_exact_at(&self.file, &self.path, text_at.checked_add(start)?, buffer)
        };
        if wanted.len().saturating_mul(SPARSE) < ends.len() {
            let sums = self.sums.array::<u32>(&self.file, &self.path)?;
            for &id in &wanted {
                let (start, end) = span(id)?;
                fill(start, end, &mut buffer)?;
                if sums.get(id as usize) != Some(&crc32fast::hash(&buffer)) {
                    return None;
                }
                table.push(id, &buffer)?;
            }
            return Some(table);
        }
        // Chunks end where a quote ends, so every text lies in one chunk.
        let mut hasher = crc32fast::Hasher::new();
        let mut next = wanted.iter().copied().peekable();
        let mut first = 0usize;
        while first < ends.len() {
            let chunk_start = span(QuoteId::try_from(first).ok()?)?.0;
            let mut last = first;
            while last + 1 < ends.len() && ends[last + 1] - chunk_start <= chunk {
                last += 1;
            }
            let chunk_end = ends[last];
            fill(chunk_start, chunk_end, &mut buffer)?;
            hasher.update(&buffer);
            while let Some(id) = next.next_if(|&id| (id as usize) <= last) {
                let (start, end) = span(id)?;
                let from = usize::try_from(start - chunk_start).ok()?;
                let to = usize::try_from(end - chunk_start).ok()?;
                table.push(id, buffer.get(from..to)?)?;
            }
            first = last + 1;
        }
        (hasher.finalize() == text_sum && next.next().is_none()).then_some(table)
    }
}
