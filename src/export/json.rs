//! The JSON-lines contract of the command line and of exports: one object per line, fields
//! documented in the README. These views borrow from the corpus so printing allocates little.

use jiff::civil::Date;
use serde::Serialize;

use crate::corpus::{Actor, Attribution, Corpus, Correction, DateSource, Piece, Quote, QuoteKind};

/// A quote as printed by `spotlight quotes --json`.
#[derive(Debug, Serialize)]
pub struct QuoteJson<'a> {
    id: &'a str,
    text: &'a str,
    speaker_id: Option<&'a str>,
    speaker: Option<&'a str>,
    date: Option<Date>,
    date_source: DateSource,
    date_cue: Option<&'a str>,
    attribution: Option<&'a Attribution>,
    correction: Option<&'a Correction>,
    piece_id: &'a str,
    piece_title: &'a str,
    paragraph: usize,
    figure: Option<u32>,
    via: Option<&'a str>,
    kind: QuoteKind,
    context: &'a str,
}

impl<'a> QuoteJson<'a> {
    /// The view of `quote`, with speaker name and piece title looked up in `corpus`.
    #[must_use]
    pub fn new(quote: &'a Quote, corpus: &'a Corpus) -> Self {
        let speaker = quote.speaker.as_deref().and_then(|id| corpus.actor(id));
        Self::of(quote, speaker, corpus.piece(&quote.piece))
    }

    /// The view of `quote` with its speaker and piece already found.
    #[must_use]
    pub fn of(quote: &'a Quote, speaker: Option<&'a Actor>, piece: Option<&'a Piece>) -> Self {
        let speaker = speaker.map(|a| a.name.as_str());
        Self {
            id: &quote.id,
            text: &quote.text,
            speaker_id: quote.speaker.as_deref(),
            speaker,
            date: quote.date,
            date_source: quote.date_source,
            date_cue: quote.date_cue.as_deref(),
            attribution: quote.attribution.as_ref(),
            correction: quote.correction.as_ref(),
            piece_id: &quote.piece,
            piece_title: piece.map_or("", |p| p.title.as_str()),
            paragraph: quote.paragraph,
            figure: quote.figure,
            via: quote.via.as_deref(),
            kind: quote.kind,
            context: &quote.context,
        }
    }
}

/// An actor as printed by `spotlight actors --json`.
#[derive(Debug, Serialize)]
pub struct ActorJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    subkind: Option<&'a str>,
    role: &'a str,
    aliases: &'a [String],
    arabic: &'a [String],
    affiliations: &'a [String],
    quote_count: usize,
}

impl<'a> ActorJson<'a> {
    /// The view of `actor` with its number of statements.
    #[must_use]
    pub fn new(actor: &'a Actor, quote_count: usize) -> Self {
        Self {
            id: &actor.id,
            name: &actor.name,
            kind: actor.kind.label(),
            subkind: actor.subkind.as_deref(),
            role: &actor.role,
            aliases: &actor.aliases,
            arabic: &actor.arabic,
            affiliations: &actor.affiliations,
            quote_count,
        }
    }
}

/// A figure inside [`PieceJson`].
#[derive(Debug, Serialize)]
pub struct FigureJson<'a> {
    number: u32,
    caption: &'a str,
    date: Option<Date>,
}

/// An author inside [`PieceJson`].
#[derive(Debug, Serialize)]
pub struct AuthorJson<'a> {
    name: &'a str,
    slug: Option<&'a str>,
}

/// A piece as printed by `spotlight pieces --json`.
#[derive(Debug, Serialize)]
pub struct PieceJson<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<Date>,
    authors: Vec<AuthorJson<'a>>,
    url: Option<&'a str>,
    figures: Vec<FigureJson<'a>>,
    topics: &'a [String],
    regions: &'a [String],
    quote_count: usize,
    /// The date of the page's "Updated …" line.
    updated: Option<Date>,
    /// The site's node number of the piece.
    node: Option<u64>,
    /// The site of a page that is not the series' own.
    site: Option<&'a str>,
    /// When the page was fetched or saved.
    saved: Option<jiff::Timestamp>,
    /// When the page was imported.
    imported: Option<jiff::Timestamp>,
}

impl<'a> PieceJson<'a> {
    /// The view of `piece` with its number of statements.
    #[must_use]
    pub fn new(piece: &'a Piece, quote_count: usize) -> Self {
        Self {
            id: &piece.id,
            title: &piece.title,
            date: piece.date,
            authors: piece
                .authors
                .iter()
                .map(|a| AuthorJson {
                    name: &a.name,
                    slug: a.slug.as_deref(),
                })
                .collect(),
            url: piece.url.as_deref(),
            updated: piece.updated,
            node: piece.node,
            site: piece.site.as_deref(),
            saved: piece.saved,
            imported: piece.imported,
            figures: piece
                .figures
                .iter()
                .map(|f| FigureJson {
                    number: f.number,
                    caption: &f.caption,
                    date: f.date,
                })
                .collect(),
            topics: &piece.topics,
            regions: &piece.regions,
            quote_count,
        }
    }
}

/// A quote as an export writes it: the [`QuoteJson`] fields (or, for a quote no longer in the
/// corpus, what the desk last saw of it), plus its source URL, the analyst's note and whether
/// the corpus still has it.
#[derive(Debug, Serialize)]
pub struct ExportJson<'a> {
    #[serde(flatten)]
    quote: Option<QuoteJson<'a>>,
    #[serde(flatten)]
    gone: Option<GoneJson<'a>>,
    url: Option<&'a str>,
    note: Option<&'a str>,
    in_corpus: bool,
}

/// What the desk last saw of a quote that left the corpus.
#[derive(Debug, Serialize)]
struct GoneJson<'a> {
    id: &'a str,
    text: &'a str,
    speaker: Option<&'a str>,
    date: Option<Date>,
    piece_title: Option<&'a str>,
}

impl<'a> ExportJson<'a> {
    /// The view of an export item.
    #[must_use]
    pub fn new(item: &'a super::Item<'a>) -> Self {
        let quote = item
            .quote
            .map(|q| QuoteJson::of(q, item.speaker, item.piece));
        let gone = item.quote.is_none().then(|| GoneJson {
            id: &item.snapshot.quote,
            text: &item.snapshot.text,
            speaker: item.snapshot.speaker.as_deref(),
            date: item.snapshot.date,
            piece_title: item.snapshot.piece.as_deref(),
        });
        Self {
            quote,
            gone,
            url: item.piece.and_then(|p| p.url.as_deref()),
            note: item.note,
            in_corpus: item.quote.is_some(),
        }
    }
}
