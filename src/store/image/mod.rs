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
//!
//! The container layout is in `format.rs`; `writer.rs` writes an image, `reader.rs` reads its
//! arrays back and `texts.rs` reads the quotes' texts when they are asked for.

mod format;
mod reader;
mod texts;
mod writer;

#[cfg(test)]
mod tests;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use self::format::{FORMAT, Head, MAGIC, SECTIONS, Section};
use self::reader::{read_columns, read_quote_index};
pub use self::texts::{TextTable, Texts};
pub use self::writer::write;
use super::container;
use crate::corpus::{Actor, Corpus, Piece};
use crate::index::Index;
use crate::store::cache::{self, Digest, Manifest};

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
    let (head, places): (Head, _) = container::open(&mut file, MAGIC)?;
    if head.format != FORMAT
        || head.little_endian != cfg!(target_endian = "little")
        || places.len() != SECTIONS
    {
        return None;
    }
    let place = |s: Section| places[s as usize];
    let quotes = read_quote_index(&file, &path, &place)?;
    let columns = read_columns(&file, &path, &place)?;
    let corpus = Corpus {
        pieces: head
            .pieces
            .into_iter()
            .map(|(id, title)| Piece::named(id, title, String::new()))
            .collect(),
        actors: head.actors.into_iter().map(Actor::from).collect(),
        quotes: Vec::new(),
        problems: head.problems,
    };
    let texts = Texts {
        text: place(Section::Texts),
        ends: place(Section::TextEnds),
        sums: place(Section::TextSums),
        file,
        path,
        spans: OnceLock::new(),
    };
    let index = Index::from_columns(
        corpus,
        head.actor_index,
        quotes,
        columns,
        Some(Box::new(texts.try_clone()?)),
    )?;
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
        .and_then(|mut file| container::open::<Head>(&mut file, MAGIC));
    head.is_some_and(|(head, _)| head.manifest == manifest.digest() && head.format == FORMAT)
}
