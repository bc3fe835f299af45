//! `spotlight search` and `spotlight actors QUERY`: ranked quotes and ranked actors.

use std::io::Write;

use serde::Serialize;

use super::Outcome;
use super::args::SearchArgs;
use crate::corpus::Corpus;
use crate::export::json::QuoteJson;
use crate::index::Index;
use crate::index::actors::ActorIndex;
use crate::index::quotes::QuoteId;
use crate::printable::sanitize;
use crate::search::query::parse;
use crate::search::{Ranges, Results, search_with};
use crate::store::image::Image;

/// A ranked quote in `--json` output: the quote contract plus `score` and `ranges`.
#[derive(Debug, Serialize)]
struct HitJson<'a> {
    #[serde(flatten)]
    quote: QuoteJson<'a>,
    score: i64,
    /// Byte ranges `[start, end)` of matched characters in `text`.
    ranges: Vec<[usize; 2]>,
}

/// Whether a search can run on an index image (see [`crate::store::image`]): `--plain` output,
/// which prints texts only, of a query without `fig:`, `via:` or `by:`, the filters that read
/// a quote's own record.
#[must_use]
pub fn reads_image(args: &SearchArgs) -> bool {
    let query = parse(&args.query);
    args.plain && query.figure.is_none() && query.via.is_empty() && query.by.is_empty()
}

/// Runs a `--plain` search on an index image and prints the texts of the hits; `None`, having
/// printed nothing, when part of the image read along the way turns out damaged (the caller
/// then searches the corpus itself).
pub fn run_on_image(
    out: &mut impl Write,
    args: &SearchArgs,
    image: &Image,
) -> anyhow::Result<Option<Outcome>> {
    let results = ranked(args, &image.index, Ranges::Unlit);
    if image.index.quotes.is_damaged() {
        return Ok(None);
    }
    if results.hits.is_empty() {
        report(&results);
        return Ok(Some(Outcome::Nothing));
    }
    let ids: Vec<QuoteId> = results.hits.iter().map(|h| h.quote).collect();
    let Some(texts) = image.texts.read(&ids) else {
        return Ok(None);
    };
    report(&results);
    for hit in &results.hits {
        writeln!(out, "{}", sanitize(texts.get(hit.quote)))?;
    }
    Ok(Some(Outcome::Found))
}

/// Runs the query of `args`.
fn ranked(args: &SearchArgs, index: &Index, lit: Ranges) -> Results {
    let limit = if args.limit == 0 {
        usize::MAX
    } else {
        args.limit
    };
    search_with(index, &parse(&args.query), limit, lit)
}

/// Reports the problems with the query on stderr.
fn report(results: &Results) {
    for message in &results.messages {
        eprintln!("spotlight: query: {message}");
    }
}

/// Runs a search and prints the hits.
pub fn run(out: &mut impl Write, args: &SearchArgs, index: &Index) -> anyhow::Result<Outcome> {
    let color = args.color.enabled();
    let lit = if args.json || (color && !args.plain) {
        Ranges::Lit
    } else {
        Ranges::Unlit
    };
    let results = ranked(args, index, lit);
    report(&results);
    let corpus = &index.corpus;
    for hit in &results.hits {
        let Some(quote) = index.quote(hit.quote) else {
            continue;
        };
        if args.plain {
            writeln!(out, "{}", sanitize(&quote.text))?;
        } else if args.json {
            let ranges = hit.ranges.iter().map(|r| [r.start, r.end]).collect();
            serde_json::to_writer(
                &mut *out,
                &HitJson {
                    quote: QuoteJson::new(quote, corpus),
                    score: hit.score,
                    ranges,
                },
            )?;
            writeln!(out)?;
        } else {
            let date = quote
                .date
                .map_or_else(|| "----------".into(), |d| d.to_string());
            let speaker = index
                .speaker_of(hit.quote)
                .map_or("(term)", |a| a.name.as_str());
            let text = if color {
                highlighted(&quote.text, &hit.ranges)
            } else {
                sanitize(&quote.text).into_owned()
            };
            writeln!(out, "{date}  {}  “{text}”", sanitize(speaker))?;
        }
    }
    Ok(if results.hits.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

/// The text with matched ranges in bold red (SGR), as ripgrep and fzf mark matches.
fn highlighted(text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 12);
    let mut at = 0;
    for range in ranges {
        if range.start < at || range.end > text.len() {
            continue;
        }
        out.push_str(&sanitize(&text[at..range.start]));
        out.push_str("\x1b[1;31m");
        out.push_str(&sanitize(&text[range.clone()]));
        out.push_str("\x1b[0m");
        at = range.end;
    }
    out.push_str(&sanitize(&text[at..]));
    out
}

/// An actor ranked by a name query in `--json` output.
#[derive(Debug, Serialize)]
struct ActorMatchJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    matched: &'a str,
    how: String,
    score: u32,
}

/// Ranks actors by how well `query` names them and prints which alias matched.
pub fn actors(
    out: &mut impl Write,
    query: &str,
    json: bool,
    corpus: &Corpus,
) -> anyhow::Result<Outcome> {
    let index = ActorIndex::new(&corpus.actors);
    let matches = index.lookup(query);
    for m in &matches {
        let Some(actor) = corpus.actors.get(m.actor) else {
            continue;
        };
        let how = format!("{:?}", m.how).to_lowercase();
        if json {
            let row = ActorMatchJson {
                id: &actor.id,
                name: &actor.name,
                kind: actor.kind.label(),
                matched: &m.alias,
                how,
                score: m.score,
            };
            serde_json::to_writer(&mut *out, &row)?;
            writeln!(out)?;
        } else {
            writeln!(
                out,
                "{:<28}  {:<13}  {}  (matched “{}”, {how})",
                sanitize(&actor.id),
                actor.kind.label(),
                sanitize(&actor.name),
                sanitize(&m.alias)
            )?;
        }
    }
    Ok(if matches.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
