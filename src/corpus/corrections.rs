//! An analyst's corrections: `corrections.toml` in the corpus directory changes a quote's
//! speaker, date, figure or kind, or drops it, without editing the saved page.
//!
//! Each `[[correction]]` names its quote by id (`<piece id>/<fingerprint of the words>`, which
//! extraction gives the same words every time), says who made it, when and why, and is applied
//! at load. An entry whose quote is gone — its words changed, or the page lost it — is stale:
//! reported, not applied. An entry naming an actor the corpus does not know is an error.

use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::model::{Attribution, Correction, QuoteKind, SpeakerSource};
use super::problem::{Problem, Severity};
use super::{Corpus, SourceFile};

/// The corrections file's name inside a corpus directory.
pub const CORRECTIONS_FILE: &str = "corrections.toml";

/// The file: a list of `[[correction]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    correction: Vec<Spanned<Entry>>,
}

/// One correction.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    /// The quote's id, as `spotlight quotes --json` prints it.
    quote: String,
    /// The start of the quote's words as they were when corrected: a quote whose words no
    /// longer start so is stale.
    text: Option<String>,
    /// The right speaker's actor id.
    speaker: Option<String>,
    /// The right date.
    date: Option<Datetime>,
    /// The right figure; 0 for none.
    figure: Option<u32>,
    /// `statement` or `term`.
    kind: Option<QuoteKind>,
    /// The quote is no quote at all (a misread passage): leave it out.
    #[serde(default)]
    drop: bool,
    /// Who made the correction.
    by: String,
    /// When.
    on: Option<Datetime>,
    /// Why.
    why: String,
}

/// The calendar date of a TOML date (`2024-05-03`), when it has one.
fn date_of(value: &Datetime) -> Option<Date> {
    let d = value.date?;
    Date::new(
        i16::try_from(d.year).ok()?,
        i8::try_from(d.month).ok()?,
        i8::try_from(d.day).ok()?,
    )
    .ok()
}

/// Applies `dir/corrections.toml`, when there is one, to `corpus` loaded from `dir`.
pub fn apply_dir(corpus: &mut Corpus, dir: &std::path::Path) -> Vec<Problem> {
    let path = dir.join(CORRECTIONS_FILE);
    match std::fs::read(&path) {
        Ok(bytes) => {
            let file = SourceFile {
                name: path.display().to_string(),
                bytes,
            };
            apply(corpus, &file)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => vec![Problem {
            file: path.display().to_string(),
            line: 1,
            message: format!("cannot read the corrections: {e}"),
            severity: Severity::Error,
        }],
    }
}

/// Applies the corrections in `file` to `corpus` (quotes with their ids), returning every
/// problem as `file:line: what is wrong`.
pub fn apply(corpus: &mut Corpus, file: &SourceFile) -> Vec<Problem> {
    let mut problems = Vec::new();
    let problem = |line: usize, message: String, severity| Problem {
        file: file.name.clone(),
        line: u32::try_from(line).unwrap_or(u32::MAX),
        message,
        severity,
    };
    let text = match std::str::from_utf8(&file.bytes) {
        Ok(text) => text,
        Err(e) => {
            let message = format!("not valid UTF-8 (byte {})", e.valid_up_to() + 1);
            return vec![problem(1, message, Severity::Error)];
        }
    };
    let line_of = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
    let parsed: File = match toml::from_str(text) {
        Ok(parsed) => parsed,
        Err(e) => {
            let line = e.span().map_or(1, |s| line_of(s.start));
            return vec![problem(
                line,
                e.message().trim().to_string(),
                Severity::Error,
            )];
        }
    };
    let index: foldhash::HashMap<String, usize> = corpus
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.clone(), i))
        .collect();
    let mut dropped = Vec::new();
    for spanned in parsed.correction {
        let line = line_of(spanned.span().start);
        let entry = spanned.into_inner();
        match check(corpus, &index, &entry) {
            Err((message, severity)) => problems.push(problem(line, message, severity)),
            Ok(at) => {
                if entry.drop {
                    dropped.push(at);
                } else if let Some(quote) = corpus.quotes.get_mut(at) {
                    correct(quote, &entry);
                }
            }
        }
    }
    dropped.sort_unstable();
    for at in dropped.into_iter().rev() {
        corpus.quotes.remove(at);
    }
    problems
}

/// Where the entry's quote is, or what is wrong with the entry.
fn check(
    corpus: &Corpus,
    index: &foldhash::HashMap<String, usize>,
    entry: &Entry,
) -> Result<usize, (String, Severity)> {
    let stale = |why: &str| {
        let message = format!(
            "stale correction of `{}`: {why}; it is not applied (see the quote's new id with `spotlight quotes --json`)",
            entry.quote
        );
        (message, Severity::Warning)
    };
    let at = *index
        .get(&entry.quote)
        .ok_or_else(|| stale("no quote has this id now (its words changed, or it is gone)"))?;
    let quote = &corpus.quotes[at];
    if let Some(start) = &entry.text
        && !quote.text.starts_with(start.as_str())
    {
        return Err(stale("the quote's words no longer start with `text`"));
    }
    if let Some(speaker) = &entry.speaker
        && corpus.actor(speaker).is_none()
    {
        let message = format!("unknown actor `{speaker}` (see `spotlight actors`)");
        return Err((message, Severity::Error));
    }
    if let Some(date) = &entry.date
        && date_of(date).is_none()
    {
        let message = format!("`date = {date}` is not a calendar date like 2024-05-03");
        return Err((message, Severity::Error));
    }
    if entry.by.trim().is_empty() || entry.why.trim().is_empty() {
        let message = "a correction says who made it (`by`) and why (`why`)".to_string();
        return Err((message, Severity::Error));
    }
    Ok(at)
}

/// Changes `quote` as `entry` says, and records the correction on it.
fn correct(quote: &mut super::Quote, entry: &Entry) {
    if let Some(speaker) = &entry.speaker {
        quote.speaker = Some(speaker.clone());
        quote.attribution = Some(Attribution {
            by: SpeakerSource::Corrected,
            cue: entry.by.clone(),
        });
    }
    if let Some(date) = entry.date.as_ref().and_then(date_of) {
        quote.date = Some(date);
        quote.date_cue = Some(format!("corrected by {}", entry.by));
    }
    if let Some(figure) = entry.figure {
        quote.figure = (figure != 0).then_some(figure);
    }
    if let Some(kind) = entry.kind {
        quote.kind = kind;
        if kind == QuoteKind::Term {
            quote.speaker = None;
            quote.attribution = None;
        }
    }
    quote.correction = Some(Correction {
        by: entry.by.clone(),
        on: entry.on.as_ref().and_then(date_of),
        why: entry.why.clone(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corrected(toml: &str) -> (Corpus, Vec<Problem>) {
        let mut corpus = Corpus::bundled();
        let file = SourceFile {
            name: "corrections.toml".into(),
            bytes: toml.as_bytes().to_vec(),
        };
        let problems = apply(&mut corpus, &file);
        (corpus, problems)
    }

    fn first_statement_id() -> String {
        let corpus = Corpus::bundled();
        let quote = corpus
            .quotes
            .iter()
            .find(|q| q.kind == QuoteKind::Statement)
            .map(|q| q.id.clone());
        quote.unwrap_or_default()
    }

    #[test]
    fn a_correction_changes_the_speaker_and_says_who_and_why() {
        let id = first_statement_id();
        let (corpus, problems) = corrected(&format!(
            "[[correction]]\nquote = \"{id}\"\nspeaker = \"hadi-al-ameri\"\nby = \"A. Analyst\"\non = 2026-12-06\nwhy = \"test\"\n"
        ));
        assert!(problems.is_empty(), "{problems:?}");
        let quote = corpus.quotes.iter().find(|q| q.id == id).cloned();
        let quote = quote.unwrap_or_else(|| panic!("{id} is gone"));
        assert_eq!(quote.speaker.as_deref(), Some("hadi-al-ameri"));
        assert_eq!(
            quote.attribution.map(|a| a.by),
            Some(SpeakerSource::Corrected)
        );
        assert_eq!(quote.correction.map(|c| c.why), Some("test".into()));
    }

    #[test]
    fn stale_unknown_and_malformed_entries_are_reported_with_their_line() {
        let id = first_statement_id();
        let (corpus, problems) = corrected(&format!(
            "# notes\n[[correction]]\nquote = \"nowhere/00000000\"\nby = \"A\"\nwhy = \"x\"\n\n[[correction]]\nquote = \"{id}\"\nspeaker = \"nobody-at-all\"\nby = \"A\"\nwhy = \"x\"\n"
        ));
        let lines: Vec<(u32, Severity)> = problems.iter().map(|p| (p.line, p.severity)).collect();
        assert_eq!(
            lines,
            vec![(2, Severity::Warning), (7, Severity::Error)],
            "{problems:?}"
        );
        assert!(
            problems[0].message.contains("stale"),
            "{}",
            problems[0].message
        );
        assert!(
            problems[1].message.contains("nobody-at-all"),
            "{}",
            problems[1].message
        );
        assert_eq!(corpus.quotes.len(), Corpus::bundled().quotes.len());
        let (_, problems) = corrected("[[correction]]\nquote = 3\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 2);
    }

    #[test]
    fn a_dropped_quote_leaves_the_corpus() {
        let id = first_statement_id();
        let (corpus, problems) = corrected(&format!(
            "[[correction]]\nquote = \"{id}\"\ndrop = true\nby = \"A\"\nwhy = \"not a quote\"\n"
        ));
        assert!(problems.is_empty(), "{problems:?}");
        assert!(corpus.quotes.iter().all(|q| q.id != id));
    }
}
