//! What the benchmarks share: fictional corpora of a given size, built in memory.

#![allow(clippy::expect_used, dead_code)]

use rayon::prelude::*;
use spotlight::corpus::{Corpus, SourceFile};
use spotlight::synth::{SynthOptions, synth_actors, synth_piece};

/// Statements per synthetic piece.
pub const QUOTES_PER_PIECE: usize = 20;

/// A fictional corpus of about `quotes` statements (plus quoted terms), built in memory.
pub fn corpus(quotes: usize) -> Corpus {
    let options = SynthOptions {
        pieces: quotes / (QUOTES_PER_PIECE + 1),
        quotes_per_piece: QUOTES_PER_PIECE,
        seed: 42,
    };
    let actors = synth_actors(&options);
    let files: Vec<SourceFile> = (0..options.pieces)
        .into_par_iter()
        .map(|n| {
            let piece = synth_piece(&options, &actors, n);
            SourceFile {
                name: piece.file_name,
                bytes: piece.markdown.into_bytes(),
            }
        })
        .collect();
    let gazetteer = SourceFile {
        name: "actors.json".into(),
        bytes: serde_json::to_vec(&actors).expect("json"),
    };
    Corpus::from_sources(Some(gazetteer), files)
}
