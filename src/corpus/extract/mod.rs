//! Quote extraction: every quotation in a piece, as a statement with its speaker, date,
//! figure and platform — each with how it was found — or as a quoted term.
//!
//! Steps: find the units ([`units`](mod@units): quotations, split ones joined, block quotations, Q&A
//! answers), split their paragraphs into sentences ([`sentences`]), gather what can be a
//! speaker ([`candidates`](mod@candidates)) and what it stands for ([`resolve`]), tell statements from terms
//! ([`terms`]), then attribute ([`attribute`]), date ([`dating`]) and place each statement.

pub mod attribute;
pub mod candidates;
mod clauses;
mod context;
pub mod dating;
pub mod resolve;
pub mod sentences;
pub mod terms;
pub mod units;

use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

use self::attribute::{Attributor, Found};
use self::candidates::candidates;
use self::dating::{Expression, Timeline, expressions};
pub use self::resolve::Cast;
use self::resolve::Resolver;
use self::sentences::sentence_starts;
use self::terms::is_statement;
use self::units::{Shape, Unit, units};
use super::dates::find_dates;
use super::model::{BlockKind, DateSource, Piece, Quote, QuoteKind};

/// Extracts every quotation of `piece` (whose mentions are already marked).
#[must_use]
pub fn extract(piece: &Piece, cast: Cast<'_>) -> Vec<Quote> {
    let units = units(&piece.paragraphs);
    let count = piece.paragraphs.len();
    let quoted = quoted_ranges(count, &units);
    let wanted = wanted_paragraphs(piece, &units);
    let starts: Vec<Vec<usize>> = piece
        .paragraphs
        .iter()
        .zip(&quoted)
        .zip(&wanted)
        .map(|((p, q), &w)| {
            if w {
                sentence_starts(&p.text, q)
            } else {
                vec![0]
            }
        })
        .collect();
    let texts: Vec<&str> = piece.paragraphs.iter().map(|p| p.text.as_str()).collect();
    // Relative dates where they date a quote; elsewhere only the explicit dates a later
    // relative one may count from.
    let dates: Vec<Vec<Expression>> = texts
        .iter()
        .zip(&quoted)
        .zip(&wanted)
        .map(|((text, q), &w)| {
            if w {
                expressions(text, piece.date, q)
            } else {
                find_dates(text, piece.date)
                    .into_iter()
                    .map(Expression::Explicit)
                    .collect()
            }
        })
        .collect();
    let timeline = Timeline::new(&texts, dates);
    let resolver = Resolver::new(candidates(piece, &quoted, &wanted), cast);
    let attributor = Attributor {
        piece,
        resolver: &resolver,
        starts: &starts,
        quoted: &quoted,
    };
    let mut quotes: Vec<Quote> = Vec::with_capacity(units.len());
    let mut previous: Option<(usize, Found)> = None;
    let mut repeats: HashMap<u32, usize> = HashMap::new();
    for unit in &units {
        let p = &unit.passage;
        let mut quote = base_quote(piece, unit, &attributor, &mut repeats);
        let lead = texts[p.para]
            .get(attributor.lead_start(p.para, p.open)..p.open)
            .unwrap_or("");
        if !is_statement(unit, lead) {
            quote.kind = QuoteKind::Term;
            quotes.push(quote);
            continue;
        }
        let before = previous
            .as_ref()
            .filter(|(para, _)| *para == p.para)
            .map(|(_, f)| f);
        let found = attributor.speaker(unit, before);
        if let Some(found) = &found {
            quote.speaker = Some(found.speaker.clone());
            quote.attribution = Some(found.attribution.clone());
            previous = Some((p.end_para, found.clone()));
        }
        let figure = attributor.figure(unit, quote.speaker.as_deref());
        quote.figure = figure.map(|f| f.number);
        // A caption's own date is its figure's: only a quote in running text reads a date
        // later in its sentence.
        let after = if unit.marked && p.para == p.end_para && unit.shape != Shape::Caption {
            p.close..attributor.tail_end(p.para, p.close)
        } else {
            0..0
        };
        let dated = timeline.date_of(
            p.para,
            p.open,
            after,
            figure.and_then(|f| f.date),
            piece.date,
        );
        (quote.date, quote.date_source, quote.date_cue) = (dated.date, dated.source, dated.cue);
        quote.via = attributor.platform(unit, figure, quote.speaker.as_deref());
        quotes.push(quote);
    }
    quotes
}

/// Byte ranges of the units per paragraph (marks included, attribution gaps left out).
fn quoted_ranges(count: usize, units: &[Unit]) -> Vec<Vec<Range<usize>>> {
    let mut ranges = vec![Vec::new(); count];
    for unit in units {
        let p = &unit.passage;
        for para in p.para..=p.end_para {
            let start = if para == p.para { p.open } else { 0 };
            let end = if para == p.end_para {
                p.close
            } else {
                usize::MAX
            };
            if let Some(list) = ranges.get_mut(para) {
                list.push(start..end);
            }
        }
        if let Some(gap) = &unit.gap
            && let Some(list) = ranges.get_mut(p.end_para)
            && let Some(whole) = list.pop()
        {
            list.push(whole.start..gap.start);
            list.push(gap.end..whole.end);
        }
    }
    ranges
}

/// The paragraphs whose sentences, phrases and relative dates matter: those holding units and
/// those introducing a list, a block quotation or a Q&A excerpt that holds one.
fn wanted_paragraphs(piece: &Piece, units: &[Unit]) -> Vec<bool> {
    let mut wanted = vec![false; piece.paragraphs.len()];
    for unit in units {
        let p = &unit.passage;
        for flag in wanted.iter_mut().take(p.end_para + 1).skip(p.para) {
            *flag = true;
        }
        if matches!(unit.shape, Shape::Item | Shape::Blockquote | Shape::Answer) {
            let kind = piece.paragraphs.get(p.para).map(|x| x.kind);
            let mut at = p.para;
            while at > 0 {
                at -= 1;
                if let Some(flag) = wanted.get_mut(at) {
                    *flag = true;
                }
                let here = piece.paragraphs.get(at);
                let same = here.is_some_and(|x| Some(x.kind) == kind && x.kind != BlockKind::Text);
                let qa = here.is_some_and(|x| x.text.starts_with("Q:") || x.text.starts_with("A:"));
                if !same && !qa {
                    break;
                }
            }
        }
    }
    wanted
}

/// The stable id of a quote: its piece and a fingerprint of its words (lower case, letters and
/// digits only), with `-2`, `-3` for the same words again in the piece.
fn quote_id(piece: &str, text: &str, repeats: &mut HashMap<u32, usize>) -> String {
    // The words in lower case, each followed by a space, hashed at once.
    let mut normal = String::with_capacity(text.len() + 1);
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if word.is_ascii() {
            normal.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            normal.extend(word.chars().flat_map(char::to_lowercase));
        }
        normal.push(' ');
    }
    let print = crc32fast::hash(normal.as_bytes());
    let seen = repeats.entry(print).or_insert(0);
    *seen += 1;
    if *seen == 1 {
        format!("{piece}/{print:08x}")
    } else {
        format!("{piece}/{print:08x}-{seen}")
    }
}

fn base_quote(
    piece: &Piece,
    unit: &Unit,
    attributor: &Attributor<'_>,
    repeats: &mut HashMap<u32, usize>,
) -> Quote {
    let p = &unit.passage;
    let text = piece.paragraphs.get(p.para).map_or("", |x| x.text.as_str());
    let single = p.end_para == p.para;
    let context = if unit.marked {
        let sentence = attributor.sentence(p.para, p.open, p.close);
        let end = if single { sentence.end } else { text.len() };
        text[sentence.start..end].trim().to_string()
    } else {
        text.trim().to_string()
    };
    // `"We will respond," said X`: the comma belongs to the sentence, not to the words.
    let words = p
        .text
        .strip_suffix(',')
        .unwrap_or(&p.text)
        .trim_end()
        .to_string();
    Quote {
        id: quote_id(&piece.id, &words, repeats),
        text: words,
        speaker: None,
        date: piece.date,
        date_source: DateSource::Piece,
        date_cue: None,
        attribution: None,
        correction: None,
        piece: piece.id.clone(),
        paragraph: p.para,
        range: (p.start, if single { p.end } else { text.len() }),
        figure: None,
        via: None,
        kind: QuoteKind::Statement,
        context,
    }
}

#[cfg(test)]
mod tests;
