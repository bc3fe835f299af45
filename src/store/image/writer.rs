//! Writing an index image: the quote index's arrays, the per-quote columns and the quotes'
//! texts laid out as the sections of a store container, with a CRC-32 per section (the
//! container's), per block of haystacks, per posting list and per text.

use std::io;
use std::path::Path;

use rayon::prelude::*;

use super::format::{FORMAT, Head, MAGIC, SECTIONS, kind_byte};
use crate::index::Index;
use crate::index::stored::BLOCK;
use crate::store::actors::StoredActor;
use crate::store::cache::Manifest;
use crate::store::container;

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
        actors: corpus.actors.iter().map(StoredActor::from).collect(),
        problems: corpus.problems.clone(),
        pieces: corpus
            .pieces
            .iter()
            .map(|p| (p.id.clone(), p.title.clone()))
            .collect(),
        actor_index: index.actors.clone(),
    };
    container::write(path, MAGIC, head, &sections)
}
