//! The in-memory index built from a corpus: name folding, actor lookup by any spelling,
//! per-actor / per-piece / per-month quote tables and per-quote search haystacks.
//!
//! Built once at start-up and shared read-only (`Arc<Index>`) by every view and session.

pub mod actors;
pub mod edits;
pub mod fold;
pub mod image;
pub mod quotes;
pub mod stored;
pub mod titles;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use foldhash::HashMap;
use jiff::civil::Date;

use self::actors::ActorIndex;
use self::fold::fold_text;
use self::quotes::{QuoteId, QuoteIndex};
use self::titles::Titles;
use crate::corpus::{Actor, Corpus, Piece, Quote, QuoteKind};

/// Everything search and the views need, built from a [`Corpus`].
#[derive(Debug)]
pub struct Index {
    /// The corpus itself.
    pub corpus: Corpus,
    /// Actor lookup by any spelling.
    pub actors: ActorIndex,
    /// Haystacks and vocabulary of the quotes.
    pub quotes: QuoteIndex,
    /// Quotes per actor (index in `corpus.actors`), ascending.
    pub by_actor: Vec<Vec<QuoteId>>,
    /// Quotes per piece (index in `corpus.pieces`), ascending.
    pub by_piece: Vec<Vec<QuoteId>>,
    /// Quotes per month of their date, made when first asked for ([`Self::by_month`]):
    /// search filters dates through `days`.
    by_month: OnceLock<BTreeMap<(i16, i8), Vec<QuoteId>>>,
    /// The speaker (index in `corpus.actors`) of each quote.
    pub speaker: Vec<Option<u32>>,
    /// The piece (index in `corpus.pieces`) of each quote.
    pub piece: Vec<u32>,
    /// The date of each quote as a [`DayKey`]: filters and tie-breaks read these four bytes
    /// instead of the whole quote.
    pub days: Vec<DayKey>,
    /// The kind of each quote, for the same reason.
    pub kinds: Vec<QuoteKind>,
    /// Folded piece titles, for `piece:` and title matches.
    pub piece_titles: Titles,
    /// Folded actor names as the lists show them (index in `corpus.actors`), so a term typed
    /// on the way to a speaker's name (`al-am`) keeps matching that speaker's quotes.
    pub speaker_names: Vec<String>,
    actor_ids: HashMap<String, u32>,
    /// Made when first asked for, unless building the columns needed it.
    piece_ids: OnceLock<HashMap<String, u32>>,
}

impl Index {
    /// Indexes a loaded corpus: the actor lookup, the quote text index and the tables are
    /// built side by side.
    #[must_use]
    pub fn build(corpus: Corpus) -> Arc<Self> {
        let ((actors, quotes), tables) = rayon::join(
            || {
                rayon::join(
                    || ActorIndex::new(&corpus.actors),
                    || QuoteIndex::new(&corpus.quotes),
                )
            },
            || {
                let ids = Ids::of(&corpus);
                let columns = Columns::of(&corpus, &ids);
                (ids, Tables::of(&corpus, columns))
            },
        );
        let (ids, tables) = tables;
        Arc::new(Self::assemble(corpus, actors, quotes, ids, tables))
    }

    /// An index over `corpus` from an actor lookup, a quote index and per-quote columns
    /// stored earlier (an index image, see [`image`]). The corpus may come without its quote records: search,
    /// lists by actor, piece and month, and the speaker and piece of each quote all work
    /// from the columns, but [`Self::quote`] finds nothing. `None` when the columns do not
    /// fit the corpus or the quote index.
    #[must_use]
    pub fn from_columns(
        corpus: Corpus,
        actors: ActorIndex,
        quotes: QuoteIndex,
        columns: Columns,
    ) -> Option<Arc<Self>> {
        let n = quotes.len();
        let fits = columns.speaker.len() == n
            && columns.piece.len() == n
            && columns.days.len() == n
            && columns.kinds.len() == n
            && (corpus.quotes.is_empty() || corpus.quotes.len() == n)
            && columns
                .speaker
                .iter()
                .flatten()
                .all(|&a| (a as usize) < corpus.actors.len())
            && columns
                .piece
                .iter()
                .all(|&p| (p as usize) < corpus.pieces.len());
        if !fits {
            return None;
        }
        let (ids, tables) =
            rayon::join(|| Ids::actors_of(&corpus), || Tables::of(&corpus, columns));
        Some(Arc::new(Self::assemble(
            corpus, actors, quotes, ids, tables,
        )))
    }

    /// The per-quote columns, borrowed: what an index image stores beside the quote index.
    #[must_use]
    pub fn columns(&self) -> ColumnsRef<'_> {
        ColumnsRef {
            speaker: &self.speaker,
            piece: &self.piece,
            days: &self.days,
            kinds: &self.kinds,
        }
    }

    fn assemble(
        corpus: Corpus,
        actors: ActorIndex,
        quotes: QuoteIndex,
        ids: Ids,
        tables: Tables,
    ) -> Self {
        Self {
            actors,
            quotes,
            corpus,
            by_actor: tables.by_actor,
            by_piece: tables.by_piece,
            by_month: OnceLock::new(),
            speaker: tables.columns.speaker,
            piece: tables.columns.piece,
            days: tables.columns.days,
            kinds: tables.columns.kinds,
            piece_titles: tables.piece_titles,
            speaker_names: tables.speaker_names,
            actor_ids: ids.actors,
            piece_ids: ids.pieces.map(OnceLock::from).unwrap_or_default(),
        }
    }

    /// The quote with this id.
    #[must_use]
    pub fn quote(&self, id: QuoteId) -> Option<&Quote> {
        self.corpus.quotes.get(id as usize)
    }

    /// The speaker of a quote.
    #[must_use]
    pub fn speaker_of(&self, id: QuoteId) -> Option<&Actor> {
        let at = self.speaker.get(id as usize).copied().flatten()?;
        self.corpus.actors.get(at as usize)
    }

    /// The piece of a quote.
    #[must_use]
    pub fn piece_of(&self, id: QuoteId) -> Option<&Piece> {
        let at = self.piece.get(id as usize)?;
        self.corpus.pieces.get(*at as usize)
    }

    /// The date of a quote as a [`DayKey`]; [`DayKey::NONE`] when it has none.
    #[must_use]
    pub fn day_of(&self, id: QuoteId) -> DayKey {
        self.days.get(id as usize).copied().unwrap_or(DayKey::NONE)
    }

    /// Index of the actor with this id.
    #[must_use]
    pub fn actor_index(&self, id: &str) -> Option<u32> {
        self.actor_ids.get(id).copied()
    }

    /// Index of the piece with this id.
    #[must_use]
    pub fn piece_index(&self, id: &str) -> Option<u32> {
        self.piece_ids
            .get_or_init(|| piece_ids(&self.corpus))
            .get(id)
            .copied()
    }

    /// Quotes per month of their date (year, month), ascending.
    #[must_use]
    pub fn by_month(&self) -> &BTreeMap<(i16, i8), Vec<QuoteId>> {
        self.by_month.get_or_init(|| months(&self.days))
    }
}

/// A date packed into one ordered integer (`year·512 + month·32 + day`), or none.
///
/// Comparing keys compares dates; a quote without a date has the lowest key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayKey(i32);

impl DayKey {
    /// No date: below every real one.
    pub const NONE: Self = Self(i32::MIN);

    /// The key of `date`, or [`DayKey::NONE`].
    #[must_use]
    pub fn of(date: Option<Date>) -> Self {
        date.map_or(Self::NONE, |d| {
            Self(i32::from(d.year()) * 512 + i32::from(d.month()) * 32 + i32::from(d.day()))
        })
    }

    /// Whether there is a date.
    #[must_use]
    pub fn is_some(self) -> bool {
        self != Self::NONE
    }

    /// The year and month of the date, as the per-month table keys them.
    #[must_use]
    pub fn year_month(self) -> Option<(i16, i8)> {
        if !self.is_some() {
            return None;
        }
        let year = i16::try_from(self.0.div_euclid(512)).ok()?;
        let month = i8::try_from(self.0.rem_euclid(512) / 32).ok()?;
        Some((year, month))
    }

    /// The key as stored in an index image.
    #[must_use]
    pub fn raw(self) -> i32 {
        self.0
    }

    /// A key stored in an index image.
    #[must_use]
    pub fn from_raw(raw: i32) -> Self {
        Self(raw)
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The per-quote columns of an [`Index`], owned: the speaker, piece, date and kind of each
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

/// The per-quote columns of an [`Index`], borrowed.
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
    fn of(corpus: &Corpus, ids: &Ids) -> Self {
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
struct Ids {
    actors: HashMap<String, u32>,
    /// Left out when nothing needs it yet (see [`Index::piece_index`]).
    pieces: Option<HashMap<String, u32>>,
}

impl Ids {
    /// Both maps, as building the columns needs them.
    fn of(corpus: &Corpus) -> Self {
        Self {
            actors: actor_ids(corpus),
            pieces: Some(piece_ids(corpus)),
        }
    }

    /// The actors' map only.
    fn actors_of(corpus: &Corpus) -> Self {
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

fn piece_ids(corpus: &Corpus) -> HashMap<String, u32> {
    positions(corpus.pieces.iter().map(|p| p.id.as_str()))
}

/// Each id to its position in the list.
fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, u32> {
    ids.enumerate()
        .map(|(i, id)| (id.to_string(), to_u32(i)))
        .collect()
}

/// Quotes per month, from their day keys. Quotes come piece by piece and pieces by date, so a
/// month's quotes come in runs, each added to the map at once.
fn months(days: &[DayKey]) -> BTreeMap<(i16, i8), Vec<QuoteId>> {
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

/// The tables of an [`Index`] that are plain lookups, derived from the columns.
struct Tables {
    by_actor: Vec<Vec<QuoteId>>,
    by_piece: Vec<Vec<QuoteId>>,
    columns: Columns,
    piece_titles: Titles,
    speaker_names: Vec<String>,
}

impl Tables {
    fn of(corpus: &Corpus, columns: Columns) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_keys_order_as_their_dates_and_no_date_comes_first() {
        let dates = [
            jiff::civil::date(1999, 12, 31),
            jiff::civil::date(2023, 1, 31),
            jiff::civil::date(2023, 2, 1),
            jiff::civil::date(2023, 10, 30),
            jiff::civil::date(2023, 10, 31),
            jiff::civil::date(2023, 11, 1),
        ];
        let keys: Vec<DayKey> = dates.iter().map(|&d| DayKey::of(Some(d))).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        assert!(keys.iter().all(|k| k.is_some() && *k > DayKey::NONE));
        assert_eq!(DayKey::of(None), DayKey::NONE);
        assert!(!DayKey::NONE.is_some());
    }

    #[test]
    fn the_lists_hold_each_actors_pieces_and_months_quotes_in_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let options = crate::corpus::synth::SynthOptions {
            pieces: 60,
            quotes_per_piece: 5,
            seed: 3,
        };
        crate::corpus::synth::write_corpus(&options, dir.path()).expect("synthetic corpus");
        let index = Index::build(Corpus::load_dir(dir.path()).expect("loads"));
        let corpus = &index.corpus;
        let mut by_actor = vec![Vec::new(); corpus.actors.len()];
        let mut by_piece = vec![Vec::new(); corpus.pieces.len()];
        let mut by_month: BTreeMap<(i16, i8), Vec<QuoteId>> = BTreeMap::new();
        for (i, quote) in corpus.quotes.iter().enumerate() {
            let id = to_u32(i);
            if let Some(at) = quote.speaker.as_deref().and_then(|s| index.actor_index(s)) {
                by_actor[at as usize].push(id);
            }
            let piece = index.piece_index(&quote.piece).expect("its piece");
            by_piece[piece as usize].push(id);
            if let Some(date) = quote.date {
                by_month
                    .entry((date.year(), date.month()))
                    .or_default()
                    .push(id);
            }
        }
        assert!(by_month.len() > 1);
        assert_eq!(index.by_actor, by_actor);
        assert_eq!(index.by_piece, by_piece);
        assert_eq!(index.by_month(), &by_month);
    }

    #[test]
    fn a_day_key_gives_back_its_year_and_month() {
        for (y, m, d) in [(2023, 10, 30), (1999, 1, 1), (2024, 12, 31), (-5, 6, 15)] {
            let key = DayKey::of(Some(jiff::civil::date(y, m, d)));
            assert_eq!(key.year_month(), Some((y, m)));
            assert_eq!(DayKey::from_raw(key.raw()), key);
        }
        assert_eq!(DayKey::NONE.year_month(), None);
    }

    #[test]
    fn the_columns_hold_each_quotes_date_and_kind() {
        let index = Index::build(Corpus::bundled());
        for (i, quote) in index.corpus.quotes.iter().enumerate() {
            let id = to_u32(i);
            assert_eq!(index.day_of(id), DayKey::of(quote.date));
            assert_eq!(index.kinds.get(i), Some(&quote.kind));
        }
    }
}
