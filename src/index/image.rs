//! An index image: the quote index, the per-quote columns, the actor lookup and the quotes'
//! texts of a corpus directory, stored as the arrays they are in memory, so that a one-shot
//! search reads them back with no decoding and no string per quote.
//!
//! A search built the normal way loads every quote from the corpus cache (a text, a speaker
//! and a piece id each) and folds and indexes them all; at a hundred thousand quotes that was
//! most of a `spotlight search --plain` run. With an image, the run reads the actors, the
//! problems, each piece's id and title and the actor lookup from the image's head, then the
//! small arrays one after another (read side by side, the threads' page faults only queued
//! on each other); the haystacks and posting lists stay in the file until the search reaches
//! them (see [`super::stored`]), and the texts are read last, only the hits'.
//!
//! The image lives beside the corpus cache (`corpus-HASH.index` in the same directory) and
//! carries a digest of the same [`Manifest`]: any change to the corpus or a new build of
//! spotlight makes it stale, and a stale, truncated or damaged image (the head, each section,
//! each block of haystacks, each posting list and each text has a CRC-32) is a miss, never an
//! error. It is written after a search that had to build the index.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytemuck::Pod;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::actors::ActorIndex;
use super::quotes::{QuoteId, QuoteIndex};
use super::stored::{self, BLOCK, StoredLists, StoredText};
use super::{Columns, DayKey, Index};
use crate::atomic::{Durability, write_atomically_with};
use crate::corpus::cache::{self, Digest, Manifest};
use crate::corpus::{Corpus, Piece, Problem, QuoteKind};
use crate::positioned::read_exact_at;

/// The first bytes of every image.
const MAGIC: &[u8; 8] = b"SPOTIMG\0";
/// Bytes before the head: the magic, the head's length (`u64`) and CRC-32 (`u32`), little-endian.
const START: usize = 20;
/// Changes whenever the layout of the image changes.
const FORMAT: u32 = 1;

/// The sections of an image, in file order.
#[derive(Debug, Clone, Copy)]
enum Section {
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
const SECTIONS: usize = 14;

/// The head of an image, after the magic and its own length (eight bytes, little-endian).
#[derive(Debug, Serialize, Deserialize)]
struct Head {
    /// The digest of the manifest of the directory it was written for.
    manifest: Digest,
    format: u32,
    /// The arrays are stored in the byte order of the machine that wrote them.
    little_endian: bool,
    /// Byte length and CRC-32 of each section.
    sections: Vec<(u64, u32)>,
    /// The actors as JSON (their relations are internally tagged, which postcard cannot read).
    actors: String,
    problems: Vec<Problem>,
    /// Each piece's id and title: what search reads of the pieces.
    pieces: Vec<(String, String)>,
    /// The actor lookup as built.
    actor_index: ActorIndex,
}

/// The index of a corpus read from its image, and the texts of its quotes.
#[derive(Debug)]
pub struct Image {
    /// The index, over a corpus without quote records (see [`Index::from_columns`]) whose
    /// pieces have only their id and title.
    pub index: Arc<Index>,
    /// The quotes' texts, read when first asked for.
    pub texts: Texts,
    /// The digest of the corpus directory's manifest when the image was written.
    pub written_for: Digest,
}

/// The quotes' original texts in an image, read from the file only when needed: a search
/// that matched nothing never reads them, one that matched a few reads just those.
#[derive(Debug)]
pub struct Texts {
    file: File,
    path: PathBuf,
    text: (u64, (u64, u32)),
    ends: (u64, (u64, u32)),
    sums: (u64, (u64, u32)),
}

/// Fewer hits than one in this many quotes are read one by one; more, in one pass over the
/// whole section keeping theirs; more than half of all the quotes, with the whole section.
const SPARSE: usize = 64;
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

impl Texts {
    /// Reads the texts of quotes `ids`: a few one by one, each checked against its own
    /// checksum; many in one pass over the section, a few megabytes at a time, checked as a
    /// whole, keeping only theirs (the section is never in memory whole). `None` when the
    /// file is damaged.
    #[must_use]
    pub fn read(&self, ids: &[QuoteId]) -> Option<TextTable> {
        self.read_in(ids, PASS_CHUNK)
    }

    /// [`Self::read`], passing over the section `chunk` bytes at a time.
    fn read_in(&self, ids: &[QuoteId], chunk: u64) -> Option<TextTable> {
        let read = |(at, listed)| section::<u64>(&self.file, &self.path, at, listed);
        let ends = read(self.ends)?;
        let (text_at, (text_len, text_sum)) = self.text;
        let fits = ends.windows(2).all(|w| w[0] <= w[1])
            && ends.last().is_none_or(|&last| last == text_len);
        if !fits {
            return None;
        }
        if ids.len().saturating_mul(2) > ends.len() {
            let (at, listed) = self.text;
            let text = text_section(&self.file, &self.path, at, listed)?;
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
            let (at, listed) = self.sums;
            let sums = section::<u32>(&self.file, &self.path, at, listed)?;
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

/// Where the image of the corpus directory `dir` lives: beside its cache. Found without
/// taking the directory's manifest, so the image can be read while the manifest is taken.
#[must_use]
pub fn path_for(dir: &Path) -> Option<PathBuf> {
    let dir = dir.canonicalize().ok()?;
    cache::path_for_dir(&dir).map(|p| p.with_extension("index"))
}

/// Opens the image at `path`. It is good only for the directory as it was when the image was
/// written: the caller compares [`Image::written_for`] with its manifest's digest.
#[must_use]
pub fn open(path: &Path) -> Option<Image> {
    let path = path.to_path_buf();
    let mut file = File::open(&path).ok()?;
    let (head, body_at) = read_head(&mut file)?;
    if head.format != FORMAT
        || head.little_endian != cfg!(target_endian = "little")
        || head.sections.len() != SECTIONS
    {
        return None;
    }
    let file_len = file.metadata().ok()?.len();
    let mut starts = [0u64; SECTIONS];
    let mut at = body_at;
    for (start, &(length, _)) in starts.iter_mut().zip(&head.sections) {
        *start = at;
        at = at.checked_add(length)?;
    }
    if at != file_len {
        return None;
    }
    let place = |s: Section| (starts[s as usize], head.sections[s as usize]);
    let quotes = read_quote_index(&file, &path, &place)?;
    let columns = read_columns(&file, &path, &place)?;
    let corpus = Corpus {
        pieces: head
            .pieces
            .into_iter()
            .map(|(id, title)| Piece::named(id, title, String::new()))
            .collect(),
        actors: serde_json::from_str(&head.actors).ok()?,
        quotes: Vec::new(),
        problems: head.problems,
    };
    let index = Index::from_columns(corpus, head.actor_index, quotes, columns)?;
    let texts = Texts {
        text: place(Section::Texts),
        ends: place(Section::TextEnds),
        sums: place(Section::TextSums),
        file,
        path,
    };
    Some(Image {
        index,
        texts,
        written_for: head.manifest,
    })
}

/// Whether there is an image at `path` written for `manifest`.
#[must_use]
pub fn is_current(path: &Path, manifest: &Manifest) -> bool {
    let head = File::open(path)
        .ok()
        .and_then(|mut file| read_head(&mut file));
    head.is_some_and(|(head, _)| head.manifest == manifest.digest() && head.format == FORMAT)
}

/// Writes the image of `index`, built with its quote records (their texts are stored) from
/// the directory of `manifest`, to `path`: to a temporary file renamed into place.
pub fn write(path: &Path, manifest: &Manifest, index: &Index) -> io::Result<()> {
    let quotes = &index.corpus.quotes;
    if quotes.len() != index.quotes.len() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the index has no quote records to store",
        ));
    }
    let parts = index.quotes.parts().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "the index was read from an image",
        )
    })?;
    let columns = index.columns();
    let words = parts.words.join("\n");
    let speaker: Vec<u32> = columns
        .speaker
        .iter()
        .map(|s| s.unwrap_or(u32::MAX))
        .collect();
    let days: Vec<i32> = columns.days.iter().map(|d| d.raw()).collect();
    let kinds: Vec<u8> = columns.kinds.iter().map(|&k| kind_byte(k)).collect();
    let mut texts = String::with_capacity(quotes.iter().map(|q| q.text.len()).sum());
    let mut text_ends = Vec::with_capacity(quotes.len());
    for quote in quotes {
        texts.push_str(&quote.text);
        text_ends.push(texts.len() as u64);
    }
    let sums: Vec<u32> = quotes
        .par_iter()
        .map(|q| crc32fast::hash(q.text.as_bytes()))
        .collect();
    let folded_sums: Vec<u32> = parts
        .ends
        .par_chunks(BLOCK)
        .enumerate()
        .map(|(b, block)| {
            let start = (b * BLOCK)
                .checked_sub(1)
                .map_or(0, |before| parts.ends[before]);
            let end = block.last().copied().unwrap_or(start);
            let range = usize::try_from(start).unwrap_or(0)..usize::try_from(end).unwrap_or(0);
            crc32fast::hash(parts.folded.as_bytes().get(range).unwrap_or(&[]))
        })
        .collect();
    let posting_sums: Vec<u32> = parts
        .posting_starts
        .par_windows(2)
        .map(|w| {
            let range = usize::try_from(w[0]).unwrap_or(0)..usize::try_from(w[1]).unwrap_or(0);
            crc32fast::hash(bytemuck::cast_slice(
                parts.postings.get(range).unwrap_or(&[]),
            ))
        })
        .collect();
    let sections: [&[u8]; SECTIONS] = [
        parts.folded.as_bytes(),
        bytemuck::cast_slice(parts.ends),
        words.as_bytes(),
        bytemuck::cast_slice(parts.posting_starts),
        bytemuck::cast_slice(parts.postings),
        bytemuck::cast_slice(&speaker),
        bytemuck::cast_slice(columns.piece),
        bytemuck::cast_slice(&days),
        &kinds,
        texts.as_bytes(),
        bytemuck::cast_slice(&text_ends),
        bytemuck::cast_slice(&sums),
        bytemuck::cast_slice(&folded_sums),
        bytemuck::cast_slice(&posting_sums),
    ];
    let corpus = &index.corpus;
    let head = Head {
        manifest: manifest.digest(),
        format: FORMAT,
        little_endian: cfg!(target_endian = "little"),
        actors: serde_json::to_string(&corpus.actors)?,
        problems: corpus.problems.clone(),
        pieces: corpus
            .pieces
            .iter()
            .map(|p| (p.id.clone(), p.title.clone()))
            .collect(),
        actor_index: index.actors.clone(),
        sections: sections
            .par_iter()
            .map(|s| (s.len() as u64, crc32fast::hash(s)))
            .collect(),
    };
    let head = postcard::to_stdvec(&head).map_err(io::Error::other)?;
    write_atomically_with(path, Durability::Buffered, |out| {
        out.write_all(MAGIC)?;
        out.write_all(&(head.len() as u64).to_le_bytes())?;
        out.write_all(&crc32fast::hash(&head).to_le_bytes())?;
        out.write_all(&head)?;
        sections.iter().try_for_each(|s| out.write_all(s))
    })
}

/// The head of an image and where its sections start; `None` when it is not one or its
/// checksum fails.
fn read_head(file: &mut File) -> Option<(Head, u64)> {
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
fn section<T: Pod>(
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
fn text_section(file: &File, path: &Path, at: u64, listed: (u64, u32)) -> Option<String> {
    String::from_utf8(section::<u8>(file, path, at, listed)?).ok()
}

type Place<'a> = &'a (dyn Fn(Section) -> (u64, (u64, u32)) + Sync);

/// The quote index of an image: the ends, words and posting starts read now, the haystacks
/// and posting lists left in the file until a search asks for them.
fn read_quote_index(file: &File, path: &Path, place: Place<'_>) -> Option<QuoteIndex> {
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

fn read_columns(file: &File, path: &Path, place: Place<'_>) -> Option<Columns> {
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

fn kind_byte(kind: QuoteKind) -> u8 {
    match kind {
        QuoteKind::Statement => 0,
        QuoteKind::Term => 1,
    }
}

fn byte_kind(byte: u8) -> Option<QuoteKind> {
    match byte {
        0 => Some(QuoteKind::Statement),
        1 => Some(QuoteKind::Term),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::synth::{SynthOptions, write_corpus};
    use crate::search::query::parse;
    use crate::search::{Ranges, search_with};

    /// The image at `path` when it was written for `manifest`.
    fn open_for(path: &Path, manifest: &Manifest) -> Option<Image> {
        open(path).filter(|image| image.written_for == manifest.digest())
    }

    /// A small synthetic corpus in `dir`, indexed, and its image written to `dir/image.index`.
    fn imaged(dir: &Path) -> (Arc<Index>, Manifest, PathBuf) {
        let options = SynthOptions {
            pieces: 80,
            quotes_per_piece: 5,
            seed: 7,
        };
        write_corpus(&options, dir).expect("synthetic corpus");
        let index = Index::build(Corpus::load_dir(dir).expect("loads"));
        let manifest = Manifest::of(dir).expect("manifest");
        let path = dir.join("image.index");
        write(&path, &manifest, &index).expect("written");
        (index, manifest, path)
    }

    #[test]
    fn an_image_searches_as_the_index_it_was_written_from() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (built, manifest, path) = imaged(dir.path());
        assert!(is_current(&path, &manifest));
        let image = open_for(&path, &manifest).expect("opened");
        let read = &image.index;
        assert_eq!(read.quotes.len(), built.corpus.quotes.len());
        assert!(read.corpus.quotes.is_empty());
        assert_eq!(read.by_actor, built.by_actor);
        assert_eq!(read.by_piece, built.by_piece);
        assert_eq!(read.by_month(), built.by_month());
        for piece in &built.corpus.pieces {
            assert_eq!(read.piece_index(&piece.id), built.piece_index(&piece.id));
        }
        assert_eq!(read.speaker_names, built.speaker_names);
        let all: Vec<QuoteId> = (0..read.quotes.len())
            .map(|i| QuoteId::try_from(i).expect("few quotes"))
            .collect();
        let texts = image.texts.read(&all).expect("texts");
        // A few hits are read one by one, and only they are held.
        let few = [7, 3, 3, 150];
        let some = image.texts.read(&few).expect("some texts");
        assert!(few.len() * SPARSE < all.len());
        for id in few {
            assert_eq!(some.get(id), built.corpus.quotes[id as usize].text);
        }
        assert_eq!(some.get(8), "");
        // Every third quote: more than a few, read in one pass over the section, here in
        // chunks of about a kilobyte.
        let thirds: Vec<QuoteId> = all.iter().copied().step_by(3).collect();
        let passed = image
            .texts
            .read_in(&thirds, 1000)
            .expect("a third of the texts");
        for &id in &all {
            let want = if id % 3 == 0 {
                built.corpus.quotes[id as usize].text.as_str()
            } else {
                ""
            };
            assert_eq!(passed.get(id), want, "{id}");
        }
        for (i, quote) in built.corpus.quotes.iter().enumerate() {
            let id = QuoteId::try_from(i).expect("few quotes");
            assert_eq!(texts.get(id), quote.text);
            assert_eq!(read.quotes.folded(id), built.quotes.folded(id));
            assert_eq!(read.day_of(id), built.day_of(id));
        }
        let speaker = built
            .corpus
            .actors
            .iter()
            .find(|a| {
                built
                    .actor_index(&a.id)
                    .is_some_and(|i| !built.by_actor[i as usize].is_empty())
            })
            .expect("an actor with quotes");
        let queries = [
            "a".to_string(),
            "patience".to_string(),
            "patience limits response".to_string(),
            "notrealuly".to_string(),
            format!("@{}", speaker.name),
            format!("{} date:2023", speaker.name),
            "'the !never ^re es$ | war".to_string(),
            "kind:term".to_string(),
            "piece:synthetic since:2020-01-01".to_string(),
        ];
        for text in &queries {
            let query = parse(text);
            let want = search_with(&built, &query, usize::MAX, Ranges::Unlit);
            let got = search_with(read, &query, usize::MAX, Ranges::Unlit);
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_stale_or_damaged_image_is_a_miss() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (_, manifest, path) = imaged(dir.path());
        let bytes = std::fs::read(&path).expect("read");
        for cut in [0, 1, 10, 20, bytes.len() / 2, bytes.len() - 1] {
            std::fs::write(&path, &bytes[..cut]).expect("truncated");
            assert!(open_for(&path, &manifest).is_none(), "cut at {cut}");
        }
        // Wherever a bit flips, the image or the texts read are refused, or what is read is
        // what was written: never a wrong answer.
        std::fs::write(&path, &bytes).expect("restored");
        let image = open_for(&path, &manifest).expect("opened");
        let all: Vec<QuoteId> = (0..image.index.quotes.len())
            .map(|i| QuoteId::try_from(i).expect("few quotes"))
            .collect();
        let few = [0, 80, all.len() as QuoteId - 1];
        let texts = |image: &Image, ids: &[QuoteId]| {
            image.texts.read(ids).map(|t| {
                ids.iter()
                    .map(|&id| t.get(id).to_string())
                    .collect::<Vec<_>>()
            })
        };
        let (whole, some) = (texts(&image, &all), texts(&image, &few));
        let queries = ["patience", "a", "notrealuly", "al-notrealuly"].map(parse);
        let searches = |image: &Image| {
            queries
                .iter()
                .map(|q| search_with(&image.index, q, usize::MAX, Ranges::Unlit))
                .collect::<Vec<_>>()
        };
        let found = searches(&image);
        let mut noticed = 0;
        for sixty_fourth in 1..64 {
            let mut flipped = bytes.clone();
            flipped[bytes.len() * sixty_fourth / 64] ^= 1;
            std::fs::write(&path, &flipped).expect("damaged");
            let Some(damaged) = open_for(&path, &manifest) else {
                continue;
            };
            let at = format!("flipped at {sixty_fourth}/64");
            assert!(
                texts(&damaged, &all).is_none_or(|t| Some(t) == whole),
                "{at}"
            );
            assert!(
                texts(&damaged, &few).is_none_or(|t| Some(t) == some),
                "{at}"
            );
            // Haystacks and lists are read as searches need them: a damaged one is noticed.
            let searched = searches(&damaged);
            assert!(
                damaged.index.quotes.is_damaged() || searched == found,
                "{at}"
            );
            noticed += usize::from(damaged.index.quotes.is_damaged());
        }
        assert!(noticed > 0, "some flips land in the haystacks and lists");
        std::fs::write(&path, &bytes).expect("restored");
        assert!(open_for(&path, &manifest).is_some());
        // Another corpus (here a piece added) makes it stale.
        let options = SynthOptions {
            pieces: 1,
            quotes_per_piece: 1,
            seed: 99,
        };
        let other = tempfile::tempdir().expect("tempdir");
        write_corpus(&options, other.path()).expect("synthetic corpus");
        let pieces = other.path().join(crate::corpus::files::PIECES_DIR);
        for entry in std::fs::read_dir(&pieces).expect("pieces").flatten() {
            let name = format!("extra-{}", entry.file_name().to_string_lossy());
            std::fs::copy(
                entry.path(),
                dir.path().join(crate::corpus::files::PIECES_DIR).join(name),
            )
            .expect("copied");
        }
        let changed = Manifest::of(dir.path()).expect("manifest");
        assert!(!is_current(&path, &changed));
        assert!(open_for(&path, &changed).is_none());
        assert!(open_for(&dir.path().join("missing.index"), &manifest).is_none());
    }

    #[test]
    fn an_index_without_quote_records_is_not_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (_, manifest, path) = imaged(dir.path());
        let image = open_for(&path, &manifest).expect("opened");
        let again = dir.path().join("again.index");
        assert!(write(&again, &manifest, &image.index).is_err());
        assert!(!again.exists());
    }
}
