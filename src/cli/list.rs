//! `pieces`, `actors`, `quotes` and `synth`: listing the corpus as text or JSON lines.

use std::collections::HashMap;
use std::io::Write;

use anyhow::{Context, bail};

use super::Outcome;
use super::args::{Command, KindArg, QuotesArgs, SynthArgs};
use crate::corpus::{Corpus, Quote, QuoteKind};
use crate::export::json::{ActorJson, PieceJson, QuoteJson};
use crate::printable::sanitize;
use crate::synth::{SynthOptions, write_corpus};

/// Runs a listing command over a loaded corpus.
pub fn run(out: &mut impl Write, command: &Command, corpus: &Corpus) -> anyhow::Result<Outcome> {
    match command {
        Command::Pieces { json } => pieces(out, corpus, *json),
        Command::Actors {
            json, query: None, ..
        } => actors(out, corpus, *json),
        Command::Quotes(args) => quotes(out, corpus, args),
        _ => bail!("not a listing command"),
    }
}

/// Statements per speaker and per piece (terms are said by nobody).
fn counts(corpus: &Corpus) -> (HashMap<&str, usize>, HashMap<&str, usize>) {
    let mut by_actor = HashMap::new();
    let mut by_piece = HashMap::new();
    for quote in corpus
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Statement)
    {
        if let Some(speaker) = &quote.speaker {
            *by_actor.entry(speaker.as_str()).or_default() += 1;
        }
        *by_piece.entry(quote.piece.as_str()).or_default() += 1;
    }
    (by_actor, by_piece)
}

fn found(any: bool) -> Outcome {
    if any {
        Outcome::Found
    } else {
        Outcome::Nothing
    }
}

fn pieces(out: &mut impl Write, corpus: &Corpus, json: bool) -> anyhow::Result<Outcome> {
    let (_, by_piece) = counts(corpus);
    // The count column is as wide as the largest count (at least three), so it stays aligned.
    let width = by_piece
        .values()
        .max()
        .map_or(1, |n| n.to_string().len())
        .max(3);
    for piece in &corpus.pieces {
        let count = by_piece.get(piece.id.as_str()).copied().unwrap_or(0);
        if json {
            serde_json::to_writer(&mut *out, &PieceJson::new(piece, count))?;
            writeln!(out)?;
        } else {
            let date = piece
                .date
                .map_or_else(|| "----------".to_string(), |d| d.to_string());
            writeln!(
                out,
                "{date}  {count:>width$}  {}  {}",
                sanitize(&piece.id),
                sanitize(&piece.title)
            )?;
        }
    }
    Ok(found(!corpus.pieces.is_empty()))
}

fn actors(out: &mut impl Write, corpus: &Corpus, json: bool) -> anyhow::Result<Outcome> {
    let (by_actor, _) = counts(corpus);
    let width = corpus.actors.iter().map(|a| a.id.len()).max().unwrap_or(0);
    for actor in &corpus.actors {
        let count = by_actor.get(actor.id.as_str()).copied().unwrap_or(0);
        if json {
            serde_json::to_writer(&mut *out, &ActorJson::new(actor, count))?;
            writeln!(out)?;
        } else {
            let aliases = actor
                .aliases
                .iter()
                .take(4)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            let aliases = if aliases.is_empty() {
                String::new()
            } else {
                format!(" ({aliases})")
            };
            writeln!(
                out,
                "{:<width$}  {:<13}  {count:>3}  {}{}",
                sanitize(&actor.id),
                actor.kind.label(),
                sanitize(&actor.name),
                sanitize(&aliases)
            )?;
        }
    }
    Ok(found(!corpus.actors.is_empty()))
}

fn quotes(out: &mut impl Write, corpus: &Corpus, args: &QuotesArgs) -> anyhow::Result<Outcome> {
    if let Some(id) = &args.actor
        && corpus.actor(id).is_none()
    {
        bail!("no actor with id `{id}`; `spotlight actors` lists them");
    }
    if let Some(id) = &args.piece
        && corpus.piece(id).is_none()
    {
        bail!("no piece with id `{id}`; `spotlight pieces` lists them");
    }
    let selected: Vec<&Quote> = corpus.quotes.iter().filter(|q| keep(q, args)).collect();
    let speaker_width = selected
        .iter()
        .filter_map(|q| speaker_name(corpus, q))
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0);
    for quote in &selected {
        if args.json {
            serde_json::to_writer(&mut *out, &QuoteJson::new(quote, corpus))?;
            writeln!(out)?;
        } else {
            let date = quote
                .date
                .map_or_else(|| "----------".to_string(), |d| d.to_string());
            let speaker = speaker_name(corpus, quote).unwrap_or("(term)");
            let pad = speaker_width.saturating_sub(speaker.chars().count());
            writeln!(
                out,
                "{date}  {}{:pad$}  “{}”",
                sanitize(speaker),
                "",
                sanitize(&quote.text)
            )?;
        }
    }
    Ok(found(!selected.is_empty()))
}

fn speaker_name<'a>(corpus: &'a Corpus, quote: &Quote) -> Option<&'a str> {
    quote
        .speaker
        .as_deref()
        .and_then(|id| corpus.actor(id))
        .map(|a| a.name.as_str())
}

fn keep(quote: &Quote, args: &QuotesArgs) -> bool {
    let kind = match args.kind {
        Some(KindArg::Statement) => quote.kind == QuoteKind::Statement,
        Some(KindArg::Term) => quote.kind == QuoteKind::Term,
        None => true,
    };
    let actor = args
        .actor
        .as_ref()
        .is_none_or(|id| quote.speaker.as_ref() == Some(id));
    let piece = args.piece.as_ref().is_none_or(|id| &quote.piece == id);
    let since = args
        .since
        .is_none_or(|d| quote.date.is_some_and(|q| q >= d));
    let until = args
        .until
        .is_none_or(|d| quote.date.is_some_and(|q| q <= d));
    kind && actor && piece && since && until
}

/// A fictional corpus is never written over a real one by mistake: `dir` must be new or empty.
fn refuse_non_empty(dir: &std::path::Path) -> anyhow::Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let shown = names.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
    let more = if names.len() > 3 { ", …" } else { "" };
    anyhow::bail!(
        "{} is not empty (it holds {shown}{more}): synth would replace its actors.json and mix \
         fictional pieces in with its own; give a new or empty directory, or --force",
        dir.display()
    )
}

/// `spotlight synth`: writes a fictional corpus for benchmarks and demos, and says what it
/// wrote.
pub fn synth(out: &mut impl Write, args: &SynthArgs) -> anyhow::Result<Outcome> {
    let options = SynthOptions {
        pieces: args.pieces,
        quotes_per_piece: args.quotes_per_piece,
        seed: args.seed,
    };
    if !args.force {
        refuse_non_empty(&args.out)?;
    }
    let summary = write_corpus(&options, &args.out)
        .with_context(|| format!("writing {}", args.out.display()))?;
    writeln!(
        out,
        "wrote {} fictional pieces, {} statements and {} actors to {}",
        summary.pieces,
        summary.statements,
        summary.actors,
        args.out.display()
    )?;
    Ok(Outcome::Found)
}
