//! `spotlight searches`: the saved searches, how many quotes came in since each was last run,
//! and those quotes — what a morning script asks of the desk.

use std::io::Write;

use anyhow::bail;

use super::args::SearchesArgs;
use super::{matching, ranked, shown};
use crate::cli::Outcome;
use crate::desk::{Desk, SavedSearch};
use crate::export::json::QuoteJson;
use crate::index::Index;
use crate::index::quotes::QuoteId;
use crate::printable::sanitize;
use crate::search::query;

/// Runs `spotlight searches` (list, `--save`, `--forget` or `--new`); `load` builds the index
/// when the answer needs the corpus.
pub fn run(
    out: &mut dyn Write,
    args: &SearchesArgs,
    desk: &mut Desk,
    load: &dyn Fn() -> anyhow::Result<std::sync::Arc<Index>>,
) -> anyhow::Result<Outcome> {
    if let [name, query] = args.save.as_slice() {
        let index = load()?;
        let found = matching(&index, query)?.len();
        desk.save_search(name, query.trim())?;
        writeln!(
            out,
            "saved `{}`: {found} quote{} match it now",
            shown(name),
            if found == 1 { "" } else { "s" }
        )?;
        return Ok(Outcome::Found);
    }
    if let Some(name) = &args.forget {
        if !desk.forget_search(name)? {
            bail!("no saved search `{}`", name.trim());
        }
        writeln!(out, "forgot `{}`", shown(name))?;
        return Ok(Outcome::Found);
    }
    let saved = desk.saved_searches()?;
    if let Some(only) = args.new.as_deref().map(str::trim) {
        let chosen: Vec<&SavedSearch> = saved
            .iter()
            .filter(|s| only.is_empty() || s.name == only)
            .collect();
        if chosen.is_empty() && !only.is_empty() {
            bail!("no saved search `{only}` (`spotlight searches` lists them)");
        }
        return new_quotes(out, &chosen, desk, &*load()?, args.json);
    }
    if saved.is_empty() {
        eprintln!("spotlight: no saved searches yet: `searches --save NAME QUERY` saves one");
        return Ok(Outcome::Nothing);
    }
    let index = load()?;
    for search in &saved {
        let hits = hits_of(&index, search);
        let new = new_among(&index, &hits, search).len();
        if args.json {
            let line = serde_json::json!({
                "name": search.name,
                "query": search.query,
                "created": search.created,
                "seen": search.seen,
                "matches": hits.len(),
                "new": new,
            });
            serde_json::to_writer(&mut *out, &line)?;
            writeln!(out)?;
        } else {
            writeln!(
                out,
                "{:>5} new {:>6} in all  {:<24}  {}",
                new,
                hits.len(),
                sanitize(&search.name),
                sanitize(&search.query)
            )?;
        }
    }
    Ok(Outcome::Found)
}

/// The quotes a saved search matches, best first. A part of its query that no longer parses
/// (saved from the browser, which runs the rest) is said on stderr, and the rest runs.
fn hits_of(index: &Index, search: &SavedSearch) -> Vec<QuoteId> {
    let parsed = query::parse(&search.query);
    if let Some(errors) = parsed.error_summary() {
        eprintln!(
            "spotlight: saved search `{}`: {errors}; the rest of its query runs",
            sanitize(&search.name)
        );
    }
    ranked(index, &parsed)
}

/// The quotes of `hits` whose piece was imported after `search` was last run (all of them
/// before its first run).
fn new_among(index: &Index, hits: &[QuoteId], search: &SavedSearch) -> Vec<QuoteId> {
    let since = search
        .seen
        .as_deref()
        .and_then(|s| s.parse::<jiff::Timestamp>().ok())
        .unwrap_or(jiff::Timestamp::MIN);
    hits.iter()
        .copied()
        .filter(|&q| index.came_in_after(q, since))
        .collect()
}

/// Prints each chosen search's new quotes, best first, and records that it was run.
fn new_quotes(
    out: &mut dyn Write,
    chosen: &[&SavedSearch],
    desk: &mut Desk,
    index: &Index,
    json: bool,
) -> anyhow::Result<Outcome> {
    let mut any = false;
    for search in chosen {
        let hits = hits_of(index, search);
        for id in new_among(index, &hits, search) {
            let Some(quote) = index.quote(id) else {
                continue;
            };
            any = true;
            if json {
                let mut line = serde_json::to_value(QuoteJson::of(
                    quote,
                    index.speaker_of(id),
                    index.piece_of(id),
                ))?;
                if let Some(fields) = line.as_object_mut() {
                    fields.insert("search".into(), search.name.clone().into());
                }
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            } else {
                let date = quote
                    .date
                    .map_or_else(|| "----------".into(), |d| d.to_string());
                let who = index.speaker_of(id).map_or("-", |a| a.name.as_str());
                writeln!(
                    out,
                    "{}  {date}  {:<22}  {}",
                    sanitize(&search.name),
                    sanitize(who),
                    sanitize(&quote.text)
                )?;
            }
        }
        desk.see_search(&search.name)?;
    }
    Ok(if any {
        Outcome::Found
    } else {
        Outcome::Nothing
    })
}
