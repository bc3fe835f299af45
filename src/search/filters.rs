//! Query filters: `@actor`, `date:`, `piece:`, `fig:`, `via:`, `kind:`, `by:`.
//!
//! `@actor` narrows the quotes up front through the per-actor tables; the others are checked
//! per quote. Without `kind:`, search covers statements: terms are nobody's words.

use std::collections::HashSet;

use super::query::{FigureFilter, Query};
use super::terms::intersect;
use crate::corpus::{QuoteKind, SpeakerSource};
use crate::index::fold::fold_text;
use crate::index::quotes::QuoteId;
use crate::index::{DayKey, Index};

/// The filters of a query, resolved against the index.
#[derive(Debug, Clone)]
pub struct Filter {
    /// Sorted quotes of the `@actor` filters, when there are any.
    pub quotes: Option<Vec<QuoteId>>,
    excluded_speakers: HashSet<u32>,
    kind: QuoteKind,
    from: Option<DayKey>,
    to: Option<DayKey>,
    pieces: Option<HashSet<u32>>,
    figure: Option<FigureFilter>,
    via: Vec<String>,
    by: Vec<SpeakerSource>,
}

impl Filter {
    /// Resolves the query's filters; unknown actors and pieces add a message.
    #[must_use]
    pub fn new(index: &Index, query: &Query, messages: &mut Vec<String>) -> Self {
        let mut included: Option<Vec<QuoteId>> = None;
        let mut excluded_speakers = HashSet::new();
        for filter in &query.actors {
            let found = index.actors.resolve(&filter.name);
            if found.is_empty() {
                messages.push(format!("no actor matches `@{}`", filter.name));
            }
            let mut actors: Vec<usize> = found.clone();
            if filter.affiliates {
                actors.extend(found.iter().flat_map(|&a| index.actors.with_affiliates(a)));
            }
            if filter.negated {
                excluded_speakers.extend(actors.iter().filter_map(|&a| u32::try_from(a).ok()));
                continue;
            }
            let list = included.get_or_insert_with(Vec::new);
            list.extend(
                actors
                    .iter()
                    .flat_map(|&a| index.by_actor.get(a).into_iter().flatten()),
            );
        }
        if let Some(list) = &mut included {
            list.sort_unstable();
            list.dedup();
        }
        Self {
            quotes: included,
            excluded_speakers,
            kind: query.kind.unwrap_or(QuoteKind::Statement),
            from: query.dates.from.map(|d| DayKey::of(Some(d))),
            to: query.dates.to.map(|d| DayKey::of(Some(d))),
            pieces: pieces(index, &query.pieces, messages),
            figure: query.figure,
            via: query.via.iter().map(|v| v.to_lowercase()).collect(),
            by: query.by.clone(),
        }
    }

    /// Whether a quote passes every per-quote filter.
    ///
    /// The index's per-quote columns are checked first and the quote itself only for `fig:`
    /// and `via:`: a date filter rejects most candidates, and reading four bytes per quote
    /// instead of the quote keeps a first screenful on a million quotes within a frame.
    #[must_use]
    pub fn admits(&self, index: &Index, id: QuoteId) -> bool {
        let at = id as usize;
        if index.kinds.get(at) != Some(&self.kind) {
            return false;
        }
        let day = index.day_of(id);
        let dates_ok = (self.from.is_none() && self.to.is_none())
            || (day.is_some()
                && self.from.is_none_or(|f| day >= f)
                && self.to.is_none_or(|t| day <= t));
        if !dates_ok {
            return false;
        }
        let speaker_ok = self.excluded_speakers.is_empty()
            || index
                .speaker
                .get(at)
                .copied()
                .flatten()
                .is_none_or(|s| !self.excluded_speakers.contains(&s));
        let piece_ok = self
            .pieces
            .as_ref()
            .is_none_or(|p| index.piece.get(at).is_some_and(|x| p.contains(x)));
        if !(speaker_ok && piece_ok) {
            return false;
        }
        if self.figure.is_none() && self.via.is_empty() && self.by.is_empty() {
            return true;
        }
        let Some(quote) = index.quote(id) else {
            return false;
        };
        let figure_ok = match &self.figure {
            None => true,
            Some(FigureFilter::Any) => quote.figure.is_some(),
            Some(FigureFilter::Number(n)) => quote.figure == Some(*n),
        };
        let via_ok = self.via.is_empty()
            || quote.via.as_ref().is_some_and(|v| {
                self.via
                    .iter()
                    .any(|w| v.to_lowercase().contains(w.as_str()))
            });
        // `by:corrected` finds every corrected quote, whatever field the correction changed.
        let by_ok = self.by.is_empty()
            || self.by.iter().any(|b| match b {
                SpeakerSource::Corrected => quote.correction.is_some(),
                _ => quote.attribution.as_ref().is_some_and(|a| a.by == *b),
            });
        figure_ok && via_ok && by_ok
    }
}

/// Pieces whose folded title holds every word of each `piece:` filter.
fn pieces(index: &Index, filters: &[String], messages: &mut Vec<String>) -> Option<HashSet<u32>> {
    if filters.is_empty() {
        return None;
    }
    let mut found = HashSet::new();
    for filter in filters {
        let folded = fold_text(filter).0;
        let before = found.len();
        let mut matching: Option<Vec<u32>> = None;
        for word in folded.split_whitespace() {
            let holding = index.piece_titles.containing(word);
            matching = Some(match matching {
                None => holding,
                Some(so_far) => intersect(&so_far, &holding),
            });
        }
        found.extend(matching.unwrap_or_else(|| index.piece_titles.containing("")));
        if found.len() == before {
            messages.push(format!("no piece title matches `piece:{filter}`"));
        }
    }
    Some(found)
}
