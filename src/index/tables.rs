//! The per-quote columns of an [`Index`](super::Index) (speaker, piece, date and kind of each
//! quote) and the lookup tables derived from them: quotes per actor, per piece and per month,
//! the id → position maps, folded titles and names. Built beside the text index when an index
//! is built from a corpus, or from the columns an index image stored.

use std::collections::BTreeMap;

use foldhash::HashMap;

use super::day_key::DayKey;
use super::fold::fold_text;
use super::quotes::QuoteId;
use super::titles::Titles;
use crate::corpus::{Corpus, QuoteKind};

/// `n` as a quote or table position (`u32::MAX` past the end of `u32`).
pub(super) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The per-quote columns of an [`Index`](super::Index), owned: the speaker, piece, date and kind of each
/// quote, in quote order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    /// The speaker (index in the corpus's actors) of each quote.
    pub speaker: Vec<Option<u32>>,
    /// The piece (index in the corpus's pieces) of each quote.
    pub piece: Vec<u32>,
    /// The date of each quote.
    pub days: Vec<DayKey>,
    /// The kind of each quote.
    pub kinds: Vec<QuoteKind>,
}

/// The per-quote columns of an [`Index`](super::Index), borrowed.
#[derive(Debug, Clone, Copy)]
pub struct ColumnsRef<'a> {
    /// The speaker (index in the corpus's actors) of each quote.
    pub speaker: &'a [Option<u32>],
    /// The piece (index in the corpus's pieces) of each quote.
    pub piece: &'a [u32],
    /// The date of each quote.
    pub days: &'a [DayKey],
    /// The kind of each quote.
    pub kinds: &'a [QuoteKind],
}

impl Columns {
    /// The columns of the corpus's quotes.
    pub(super) fn of(corpus: &Corpus, ids: &Ids) -> Self {
        let n = corpus.quotes.len();
        let mut columns = Self {
            speaker: Vec::with_capacity(n),
            piece: Vec::with_capacity(n),
            days: Vec::with_capacity(n),
            kinds: Vec::with_capacity(n),
        };
        let mut last_piece: Option<(&str, u32)> = None;
        for quote in &corpus.quotes {
            let who = quote
                .speaker
                .as_ref()
                .and_then(|s| ids.actors.get(s))
                .copied();
            // Quotes come piece by piece: most look up the piece of the quote before.
            let at = match last_piece {
                Some((id, at)) if id == quote.piece => at,
                _ => ids
                    .pieces()
                    .and_then(|p| p.get(&quote.piece))
                    .copied()
                    .unwrap_or(0),
            };
            last_piece = Some((quote.piece.as_str(), at));
            columns.speaker.push(who);
            columns.piece.push(at);
            columns.days.push(DayKey::of(quote.date));
            columns.kinds.push(quote.kind);
        }
        columns
    }
}

/// Actor and piece ids to their positions in the corpus.
pub(super) struct Ids {
    /// Actor id → position in the corpus's actors.
    pub(super) actors: HashMap<String, u32>,
    /// Left out when nothing needs it yet (see [`Index::piece_index`](super::Index::piece_index)).
    pub(super) pieces: Option<HashMap<String, u32>>,
}

impl Ids {
    /// Both maps, as building the columns needs them.
    pub(super) fn of(corpus: &Corpus) -> Self {
        Self {
            actors: actor_ids(corpus),
            pieces: Some(piece_ids(corpus)),
        }
    }

    /// The actors' map only.
    pub(super) fn actors_of(corpus: &Corpus) -> Self {
        Self {
            actors: actor_ids(corpus),
            pieces: None,
        }
    }

    fn pieces(&self) -> Option<&HashMap<String, u32>> {
        self.pieces.as_ref()
    }
}

fn actor_ids(corpus: &Corpus) -> HashMap<String, u32> {
    positions(corpus.actors.iter().map(|a| a.id.as_str()))
}

/// Piece id → position in the corpus's pieces.
pub(super) fn piece_ids(corpus: &Corpus) -> HashMap<String, u32> {
    positions(corpus.pieces.iter().map(|p| p.id.as_str()))
}

/// Quote id → position in the corpus's quotes.
pub(super) fn quote_ids(corpus: &Corpus) -> HashMap<String, u32> {
    positions(corpus.quotes.iter().map(|q| q.id.as_str()))
}

/// Each id to its position in the list.
fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, u32> {
    ids.enumerate()
        .map(|(i, id)| (id.to_string(), to_u32(i)))
        .collect()
}

/// Quotes per month, from their day keys. Quotes come piece by piece and pieces by date, so a
/// month's quotes come in runs, each added to the map at once.
pub(super) fn months(days: &[DayKey]) -> BTreeMap<(i16, i8), Vec<QuoteId>> {
    let mut by_month: BTreeMap<(i16, i8), Vec<QuoteId>> = BTreeMap::new();
    let mut run: Option<((i16, i8), Vec<QuoteId>)> = None;
    for (i, day) in days.iter().enumerate() {
        let Some(month) = day.year_month() else {
            continue;
        };
        let id = to_u32(i);
        match &mut run {
            Some((current, list)) if *current == month => list.push(id),
            _ => {
                if let Some((current, list)) = run.replace((month, vec![id])) {
                    by_month.entry(current).or_default().extend(list);
                }
            }
        }
    }
    if let Some((current, list)) = run {
        by_month.entry(current).or_default().extend(list);
    }
    by_month
}

/// The tables of an [`Index`](super::Index) that are plain lookups, derived from the columns.
pub(super) struct Tables {
    /// Quotes per actor, ascending.
    pub(super) by_actor: Vec<Vec<QuoteId>>,
    /// Quotes per piece, ascending.
    pub(super) by_piece: Vec<Vec<QuoteId>>,
    /// The columns the tables were derived from.
    pub(super) columns: Columns,
    /// Folded piece titles.
    pub(super) piece_titles: Titles,
    /// Folded actor names.
    pub(super) speaker_names: Vec<String>,
}

impl Tables {
    /// The tables of `corpus`, derived from its `columns`.
    pub(super) fn of(corpus: &Corpus, columns: Columns) -> Self {
        let ((by_actor, by_piece), (piece_titles, speaker_names)) = rayon::join(
            || lists(&columns, corpus.actors.len(), corpus.pieces.len()),
            || {
                (
                    Titles::new(corpus.pieces.iter().map(|p| p.title.as_str())),
                    corpus.actors.iter().map(|a| fold_text(&a.name).0).collect(),
                )
            },
        );
        Self {
            by_actor,
            by_piece,
            columns,
            piece_titles,
            speaker_names,
        }
    }
}

/// The quotes of each actor and of each piece, ascending.
fn lists(
    columns: &Columns,
    actors: usize,
    pieces: usize,
) -> (Vec<Vec<QuoteId>>, Vec<Vec<QuoteId>>) {
    // Sized first: growing a list per piece by doubling was most of the work.
    let mut per_piece = vec![0usize; pieces];
    for &at in &columns.piece {
        if let Some(n) = per_piece.get_mut(at as usize) {
            *n += 1;
        }
    }
    let mut by_piece: Vec<Vec<QuoteId>> = per_piece.into_iter().map(Vec::with_capacity).collect();
    let mut by_actor = vec![Vec::new(); actors];
    for (i, (who, at)) in columns.speaker.iter().zip(&columns.piece).enumerate() {
        let id = to_u32(i);
        if let Some(list) = who.and_then(|w| by_actor.get_mut(w as usize)) {
            list.push(id);
        }
        if let Some(list) = by_piece.get_mut(*at as usize) {
            list.push(id);
        }
    }
    (by_actor, by_piece)
}
