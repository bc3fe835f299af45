//! The in-memory index built from a corpus: name folding, actor lookup by any spelling,
//! per-actor / per-piece / per-month quote tables and per-quote search haystacks.
//!
//! Built once at start-up and shared read-only (`Arc<Index>`) by every view and session.
//! This module holds [`Index`] itself; the per-quote columns and the tables derived from
//! them are built in `tables`, and dates are packed into [`DayKey`]s in `day_key`.

pub mod actors;
mod day_key;
pub mod edits;
pub mod fold;
mod quote_id;
pub mod quotes;
pub mod stored;
mod tables;
pub mod timeline;
pub mod titles;
mod word_keys;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use foldhash::HashMap;

use self::actors::ActorIndex;
pub use self::day_key::DayKey;
use self::quotes::{QuoteId, QuoteIndex};
pub use self::tables::{Columns, ColumnsRef};
use self::tables::{Ids, Tables, months, piece_ids, quote_ids};
use self::titles::Titles;
use crate::corpus::{Actor, Corpus, Piece, Quote, QuoteKind};

/// Where an index without quote records reads a quote's text: an index image on disk (see
/// `store::image`), a row at a time as a screen asks.
pub trait TextSource: std::fmt::Debug + Send + Sync {
    /// The original text of quote `id`; `None` when it cannot be read.
    fn text(&self, id: QuoteId) -> Option<String>;
}

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
    /// Made when first asked for (a reload finds the quotes a view showed by their ids).
    quote_ids: OnceLock<HashMap<String, u32>>,
    /// Where the quotes' texts are read from, for an index whose corpus came without its
    /// quote records (see [`Self::text`]).
    texts: Option<Box<dyn TextSource>>,
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
    /// stored earlier (an index image, see `store::image`). The corpus may come without its quote
    /// records: search, lists by actor, piece and month, and the speaker and piece of each
    /// quote all work from the columns, the quotes' texts come from `texts`, but
    /// [`Self::quote`] finds nothing. `None` when the columns do not fit the corpus or the
    /// quote index.
    #[must_use]
    pub fn from_columns(
        corpus: Corpus,
        actors: ActorIndex,
        quotes: QuoteIndex,
        columns: Columns,
        texts: Option<Box<dyn TextSource>>,
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
        let mut index = Self::assemble(corpus, actors, quotes, ids, tables);
        index.texts = texts;
        Some(Arc::new(index))
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
            quote_ids: OnceLock::new(),
            texts: None,
        }
    }

    /// Whether the quotes' own records are here (context, figure, provenance...): false for
    /// an index read from an image, which a front end shows while the corpus is read.
    #[must_use]
    pub fn has_records(&self) -> bool {
        self.corpus.quotes.len() == self.quotes.len()
    }

    /// The number of quotes indexed, with or without their records.
    #[must_use]
    pub fn len(&self) -> usize {
        self.quotes.len()
    }

    /// Whether no quote is indexed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.quotes.len() == 0
    }

    /// The original text of a quote: from its record, else read from the index image.
    /// `None` for an unknown id or an image that cannot be read.
    #[must_use]
    pub fn text(&self, id: QuoteId) -> Option<Cow<'_, str>> {
        match self.quote(id) {
            Some(quote) => Some(Cow::Borrowed(quote.text.as_str())),
            None => self.texts.as_ref()?.text(id).map(Cow::Owned),
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

    /// Whether a quote's piece was imported after `since`: what "new" means on the desk (a
    /// piece without an import time, like the bundled one, is never new).
    #[must_use]
    pub fn came_in_after(&self, id: QuoteId, since: jiff::Timestamp) -> bool {
        self.piece_of(id)
            .and_then(|p| p.imported)
            .is_some_and(|t| t > since)
    }

    /// Whether any piece was imported after `since`: when none was, no quote is new, and no
    /// saved search needs running to count its new quotes.
    #[must_use]
    pub fn anything_came_in_after(&self, since: jiff::Timestamp) -> bool {
        self.corpus
            .pieces
            .iter()
            .any(|p| p.imported.is_some_and(|t| t > since))
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

    /// Builds the map from stable quote ids now, off the thread that draws: the desk's views
    /// look quotes up by id, and the first lookup would otherwise pay for it (a quarter of a
    /// second at a million quotes).
    pub fn prepare_ids(&self) {
        self.quote_ids.get_or_init(|| quote_ids(&self.corpus));
    }

    /// The quote with this stable id (see [`Quote::id`]), when the records are here.
    #[must_use]
    pub fn quote_by_id(&self, id: &str) -> Option<QuoteId> {
        self.quote_ids
            .get_or_init(|| quote_ids(&self.corpus))
            .get(id)
            .copied()
    }

    /// Quotes per month of their date (year, month), ascending.
    #[must_use]
    pub fn by_month(&self) -> &BTreeMap<(i16, i8), Vec<QuoteId>> {
        self.by_month.get_or_init(|| months(&self.days))
    }
}

#[cfg(test)]
mod tests {
    use super::tables::to_u32;
    use super::*;

    #[test]
    fn the_lists_hold_each_actors_pieces_and_months_quotes_in_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let options = crate::synth::SynthOptions {
            pieces: 60,
            quotes_per_piece: 5,
            seed: 3,
        };
        crate::synth::write_corpus(&options, dir.path()).expect("synthetic corpus");
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
    fn the_columns_hold_each_quotes_date_and_kind() {
        let index = Index::build(Corpus::bundled());
        for (i, quote) in index.corpus.quotes.iter().enumerate() {
            let id = to_u32(i);
            assert_eq!(index.day_of(id), DayKey::of(quote.date));
            assert_eq!(index.kinds.get(i), Some(&quote.kind));
        }
    }
}
