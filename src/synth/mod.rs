//! Synthetic corpus: a deterministic generator of fictional pieces and a fictional gazetteer.
//!
//! Benchmarks and demos need thousands of pieces in the saved-page format, and tests of the
//! quote extractor need pieces whose statements are known in advance. Everything made here is
//! invented: actor names are built from obviously fake roots (`Abu Zarqan al-Fictawi`,
//! `Kataib al-Synthiya`), every title starts with `[SYNTHETIC]`, every lead says the piece is
//! generated test data, and no statement is attributed to a real person or group.
//!
//! # Quote patterns
//!
//! Pieces mix: (1) speaker before, `On March 3, X, the leader of the **Z (/node/N)**, said
//! that "..."`; (2) speaker after, `"...," said X, the group's spokesman.`, sometimes with a
//! speaker absent from the gazetteer, often followed by `"...," the spokesman said.` or
//! `Later, al-Nonesuch added, "..."`; (3) split quotes, `"...," he said, "..."` or
//! `"...," said X, "..."`; (4) coreference, a sentence naming a person, group or channel and
//! then `He warned, "..."`, `The group stated, "..."` or `The channel posted, "..."`, in the
//! same or the next paragraph; (5) a quote running over two paragraphs; (6) a Telegram post
//! quoted in a figure caption; (7) `... stated, "..." (Figure N).` with the dated caption after
//! the paragraph. About 40% of pieces use curly quotes, 10% CRLF line endings; each piece has
//! zero to two quoted terms.
//!
//! # Ground truth
//!
//! Each [`SynthPiece`] carries the statements it contains as [`TruthQuote`]s, in the order
//! they start in the file. Quoted terms (one to three words) are not statements and are not
//! listed. The conventions:
//!
//! - **Text**: the characters between the opening and the closing quotation mark, minus one
//!   trailing comma (`"We will respond," said X` gives `We will respond`). Other final
//!   punctuation inside the marks (`.`, `?`) is kept.
//! - **Split quote** (`"First part," he said, "second part."`): the first part without its
//!   trailing comma, then ` … ` (space, U+2026, space), then the second part.
//! - **Quote over two paragraphs** (no closing mark at the end of the first paragraph, an
//!   opening mark at the start of the next): both parts joined with a single space.
//! - **Speaker**: the actor id; a speaker absent from the gazetteer gets the slug of the name
//!   as written (`Abu Qamar al-Nonesuch` → `abu-qamar-al-nonesuch`).
//! - **Date**: for a quote inside a caption or followed by `(Figure N)`, the date at the end of
//!   that figure's caption (and `figure` is its number; a caption that merely follows a quote
//!   does not count); otherwise the explicit date that opens the paragraph where the quote
//!   starts (`On March 3, ...`; the year, when left out, is the piece's year or the
//!   one before, whichever is not after publication); otherwise the piece's date. A paragraph
//!   carries at most one date and dates never carry over to the next paragraph. Quote dates
//!   are 1 to 90 days before the piece's date.
//!
//! # Layout
//!
//! `dice` holds the seeded random draws and `text` the small string helpers. The gazetteer
//! is built in `actors` from the invented name material in `words`. A piece is computed
//! from its `head` (title, date, authors), its `cast` (the actors it draws on) and a
//! `writer` that lays out paragraphs; `patterns` writes the quote patterns, `prose` the
//! statements and `narrative` the text around them, and `piece` assembles the page.

mod actors;
mod cast;
mod dice;
mod formatting;
mod head;
mod narrative;
mod patterns;
mod piece;
mod prose;
mod words;
mod writer;

#[cfg(test)]
mod tests;

use std::fs;
use std::io;
use std::path::Path;

use jiff::civil::Date;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::model::Actor;

/// What to generate: how many pieces, how many statements in each, and from which seed.
///
/// One value drives the gazetteer and every piece, so a corpus is reproducible from it alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    /// Number of pieces [`write_corpus`] writes.
    pub pieces: usize,
    /// Target number of statements per piece; a two-statement pattern may add one more.
    pub quotes_per_piece: usize,
    /// Seed of every random choice.
    pub seed: u64,
}

impl Default for SynthOptions {
    /// A small corpus: 100 pieces of six statements each, seed 1.
    fn default() -> Self {
        Self {
            pieces: 100,
            quotes_per_piece: 6,
            seed: 1,
        }
    }
}

/// One statement a synthetic piece contains, as the extractor should find it.
///
/// Tests compare extracted quotes with these to measure accuracy; see the module docs for
/// exactly how `text`, `speaker` and `date` are formed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TruthQuote {
    /// The speaker's actor id, or the slug of an unknown speaker's name.
    pub speaker: String,
    /// The statement's words, joined as the module docs describe.
    pub text: String,
    /// When it was said, per the piece.
    pub date: Date,
    /// The figure showing or backing the quote.
    pub figure: Option<u32>,
}

/// A generated piece: its file name, its saved-page Markdown and its statements.
///
/// Keeping the truth next to the text lets tests check the extractor piece by piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthPiece {
    /// `<slug of the title>.md`.
    pub file_name: String,
    /// The page, in the saved-page format of `data/pieces`.
    pub markdown: String,
    /// The statements in the page, in order of appearance.
    pub truth: Vec<TruthQuote>,
}

/// What [`write_corpus`] wrote.
///
/// Benchmarks print it so a run can be compared with another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SynthSummary {
    /// Piece files written.
    pub pieces: usize,
    /// Statements in all pieces together.
    pub statements: usize,
    /// Actors in the gazetteer.
    pub actors: usize,
}

/// The fictional gazetteer: invented persons, militias, front groups, channels and bodies.
///
/// Pieces mention and quote these actors; the list is deterministic for `opts.seed`, every
/// relation points at an id in the list, and aliases are unique across the list so a search
/// for one spelling finds one actor.
#[must_use]
pub fn synth_actors(opts: &SynthOptions) -> Vec<Actor> {
    actors::gazetteer(opts)
}

/// One fictional piece, number `n`, with the statements it contains.
///
/// The piece depends only on `(opts.seed, n)` and the gazetteer, never on other pieces, so
/// pieces can be generated in any order or in parallel.
#[must_use]
pub fn synth_piece(opts: &SynthOptions, actors: &[Actor], n: usize) -> SynthPiece {
    piece::assemble(opts, actors, n)
}

/// Writes a whole fictional corpus: `out/actors.json` and `out/pieces/*.md`.
///
/// Same layout as `data/`, so the corpus loads like the real one; directories are created,
/// existing files with the same names are overwritten. Pieces are generated in parallel.
///
/// # Errors
///
/// Any error creating a directory or writing a file.
pub fn write_corpus(opts: &SynthOptions, out: &Path) -> io::Result<SynthSummary> {
    let pieces_dir = out.join("pieces");
    fs::create_dir_all(&pieces_dir)?;
    let actors = synth_actors(opts);
    let json = serde_json::to_string_pretty(&actors).map_err(io::Error::other)?;
    fs::write(out.join("actors.json"), json + "\n")?;
    let counts = (0..opts.pieces)
        .into_par_iter()
        .map(|n| {
            let piece = synth_piece(opts, &actors, n);
            fs::write(pieces_dir.join(&piece.file_name), piece.markdown.as_bytes())?;
            Ok(piece.truth.len())
        })
        .collect::<io::Result<Vec<usize>>>()?;
    Ok(SynthSummary {
        pieces: counts.len(),
        statements: counts.iter().sum(),
        actors: actors.len(),
    })
}
