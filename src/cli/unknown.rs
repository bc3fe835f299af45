//! `spotlight actors --unknown`: the actors the pieces mention that the gazetteer does not
//! know — found by a bold profile link (`/node/N`) or a name beside a speech verb — with how
//! often and where they are mentioned, and, with `--stubs`, gazetteer entries to complete.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::Outcome;
use crate::corpus::{ActorKind, Corpus, SpanKind};
use crate::printable::sanitize;

/// An unknown actor as `--json` prints it.
#[derive(Debug, Serialize)]
struct UnknownJson<'a> {
    id: &'a str,
    name: &'a str,
    /// What the piece made of it: `person`, `group` or `channel`.
    subkind: Option<&'a str>,
    node: Option<u64>,
    mentions: usize,
    quote_count: usize,
    pieces: Vec<&'a str>,
}

/// A gazetteer entry to complete: the fields `actors.json` needs, marked unconfirmed.
#[derive(Debug, Serialize)]
struct Stub<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    aliases: [&'a str; 0],
    role: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    node: Option<u64>,
    unconfirmed: [&'static str; 1],
    sources: Vec<String>,
}

/// Lists the unknown actors of `corpus`, most mentioned first.
pub fn run(
    out: &mut impl Write,
    corpus: &Corpus,
    json: bool,
    stubs: bool,
) -> anyhow::Result<Outcome> {
    let unknown = unknown(corpus);
    if stubs {
        let entries: Vec<Stub<'_>> = unknown
            .iter()
            .map(|u| Stub {
                id: u.id,
                name: u.name,
                kind: match u.subkind {
                    Some("channel") => "media-channel",
                    Some("group") => "militia",
                    _ => "person",
                },
                aliases: [],
                role: "",
                node: u.node,
                unconfirmed: ["*"],
                sources: u.pieces.iter().map(|p| format!("pieces/{p}.md")).collect(),
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &entries)?;
        writeln!(out)?;
    } else if json {
        for u in &unknown {
            serde_json::to_writer(&mut *out, u)?;
            writeln!(out)?;
        }
    } else {
        for u in &unknown {
            let node = u.node.map(|n| format!("/node/{n}")).unwrap_or_default();
            writeln!(
                out,
                "{:<32}  {:<8}  {:>3} mention(s)  {:>3} quote(s)  {:<12}  {}",
                sanitize(u.name),
                u.subkind.unwrap_or("?"),
                u.mentions,
                u.quote_count,
                node,
                u.pieces.join(", ")
            )?;
        }
    }
    Ok(if unknown.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

/// The unknown actors, most mentioned first, with their mentions, quotes and pieces.
fn unknown(corpus: &Corpus) -> Vec<UnknownJson<'_>> {
    let mut mentions: BTreeMap<&str, (usize, Vec<&str>)> = BTreeMap::new();
    for piece in &corpus.pieces {
        for span in piece.paragraphs.iter().flat_map(|p| &p.spans) {
            if let SpanKind::Mention { actor } = &span.kind {
                let entry = mentions.entry(actor.as_str()).or_default();
                entry.0 += 1;
                if entry.1.last() != Some(&piece.id.as_str()) {
                    entry.1.push(piece.id.as_str());
                }
            }
        }
    }
    let mut quotes: BTreeMap<&str, usize> = BTreeMap::new();
    for quote in &corpus.quotes {
        if let Some(speaker) = quote.speaker.as_deref() {
            *quotes.entry(speaker).or_default() += 1;
        }
    }
    let mut found: Vec<UnknownJson<'_>> = corpus
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Unknown)
        .map(|a| {
            let (count, pieces) = mentions.get(a.id.as_str()).cloned().unwrap_or_default();
            UnknownJson {
                id: &a.id,
                name: &a.name,
                subkind: a.subkind.as_deref(),
                node: a.node,
                mentions: count,
                quote_count: quotes.get(a.id.as_str()).copied().unwrap_or_default(),
                pieces,
            }
        })
        .collect();
    found.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(b.id)));
    found
}

/// How many unknown actors `after` has that `before` did not: what an import added.
#[must_use]
pub fn new_unknown(before: &Corpus, after: &Corpus) -> usize {
    let known: std::collections::HashSet<&str> = before
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Unknown)
        .map(|a| a.id.as_str())
        .collect();
    after
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Unknown && !known.contains(a.id.as_str()))
        .count()
}
