//! Attribution evaluation: how many statements of a hand-annotated set of pieces the extractor
//! finds with the right speaker, date, figure and kind, and which quoted terms it leaks.
//!
//! A set is a directory holding `pieces/*.md` and `truth.json`, in the format of the
//! development set (`../shared/eval/README.md`): the truth names, for every statement, its
//! file, speaker (with aliases), date, figure, a start and an end of its words, and the
//! patterns it exercises; and every term. [`evaluate`] loads the pieces with a gazetteer and
//! scores them; [`Report`] prints per field and per pattern.

mod report;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;

pub use self::report::Report;
use crate::corpus::files::PIECES_DIR;
use crate::corpus::{Corpus, Quote, QuoteKind, SourceFile};

/// The annotations of a set: every statement and every term of its pieces.
#[derive(Debug, Clone, Deserialize)]
pub struct Truth {
    /// The statements, in no particular order.
    pub statements: Vec<TruthStatement>,
    /// Quoted terms, which must not come out as statements.
    #[serde(default)]
    pub terms: Vec<TruthTerm>,
}

/// One annotated statement.
#[derive(Debug, Clone, Deserialize)]
pub struct TruthStatement {
    /// File name inside `pieces/`.
    pub file: String,
    /// Canonical name, without honorifics.
    pub speaker: String,
    /// The id-style slug, the surname and honorific forms.
    #[serde(default)]
    pub speaker_aliases: Vec<String>,
    /// When it was said.
    pub date: Date,
    /// The figure that shows it.
    pub figure: Option<u32>,
    /// Exact words from the start of the statement.
    pub text_start: String,
    /// Exact words from its end.
    pub text_end: String,
    /// Labels of the phenomena it exercises.
    #[serde(default)]
    pub pattern: Vec<String>,
}

/// One annotated term.
#[derive(Debug, Clone, Deserialize)]
pub struct TruthTerm {
    /// File name inside `pieces/`.
    pub file: String,
    /// The term's words, without quotation marks.
    pub text: String,
}

/// Why a set could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// `truth.json` is not in the expected format.
    #[error("{path}:{line}: {message}")]
    Truth {
        /// The truth file.
        path: PathBuf,
        /// 1-based line of the error.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Reads `dir/truth.json` and the pieces in `dir/pieces`.
pub fn read_set(dir: &Path) -> Result<(Truth, Vec<SourceFile>), EvalError> {
    let read = |path: PathBuf| {
        std::fs::read(&path).map_err(|source| EvalError::Read {
            path: path.clone(),
            source,
        })
    };
    let truth_path = dir.join("truth.json");
    let bytes = read(truth_path.clone())?;
    let truth: Truth = serde_json::from_slice(&bytes).map_err(|e| EvalError::Truth {
        path: truth_path,
        line: e.line(),
        message: e.to_string(),
    })?;
    let pieces_dir = dir.join(PIECES_DIR);
    let entries = std::fs::read_dir(&pieces_dir).map_err(|source| EvalError::Read {
        path: pieces_dir.clone(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| crate::corpus::files::is_piece_file(p))
        .collect();
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = read(path.clone())?;
        files.push(SourceFile {
            name: path.display().to_string(),
            bytes,
        });
    }
    Ok((truth, files))
}

/// Loads `pieces` with the gazetteer `actors` and scores the quotes against `truth`.
#[must_use]
pub fn evaluate(truth: &Truth, actors: Option<SourceFile>, pieces: Vec<SourceFile>) -> Report {
    let corpus = Corpus::from_sources(actors, pieces);
    score(truth, &corpus)
}

/// Scores the quotes of `corpus` against `truth`.
#[must_use]
pub fn score(truth: &Truth, corpus: &Corpus) -> Report {
    let mut by_file: BTreeMap<String, Vec<&Quote>> = BTreeMap::new();
    for quote in &corpus.quotes {
        let file = corpus
            .piece(&quote.piece)
            .map(|p| file_name(&p.source))
            .unwrap_or_default();
        by_file.entry(file).or_default().push(quote);
    }
    let mut report = Report::default();
    for statement in &truth.statements {
        let quotes = by_file.get(&statement.file).map_or(&[][..], Vec::as_slice);
        let best = quotes
            .iter()
            .filter(|q| {
                q.text.contains(&statement.text_start) && q.text.contains(&statement.text_end)
            })
            .map(|q| Outcome::of(statement, q, corpus))
            .max_by_key(Outcome::rank);
        report.add(statement, best.unwrap_or_default());
    }
    for (file, quotes) in &by_file {
        for quote in quotes.iter().filter(|q| q.kind == QuoteKind::Statement) {
            let term = truth
                .terms
                .iter()
                .find(|t| &t.file == file && is_term_text(&quote.text, &t.text));
            if let Some(term) = term {
                report.leaked.push(format!("{file}: {}", term.text));
                continue;
            }
            let real = truth.statements.iter().any(|s| {
                &s.file == file
                    && (quote.text.contains(&s.text_start) || quote.text.contains(&s.text_end))
            });
            if !real {
                report.invented.push(format!("{file}: {}", quote.text));
            }
        }
    }
    report.terms = truth.terms.len();
    report
}

/// Whether a quote's text is the term (trailing punctuation aside).
fn is_term_text(quote: &str, term: &str) -> bool {
    quote.trim_end_matches([',', '.', ';', ':']).trim() == term
}

/// The last component of a path, as the truth names files.
fn file_name(source: &str) -> String {
    Path::new(source)
        .file_name()
        .map_or_else(|| source.to_string(), |n| n.to_string_lossy().into_owned())
}

/// How one annotated statement came out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// A quote holds its words.
    pub found: bool,
    /// That quote is a statement, not a term.
    pub kind: bool,
    /// Its speaker is the annotated one.
    pub speaker: bool,
    /// Its date is the annotated one.
    pub date: bool,
    /// Its figure is the annotated one.
    pub figure: bool,
    /// What was extracted, for the list of misses: speaker, date, figure.
    pub got: String,
}

impl Outcome {
    fn of(truth: &TruthStatement, quote: &Quote, corpus: &Corpus) -> Self {
        let actor = quote.speaker.as_deref().and_then(|id| corpus.actor(id));
        let names: Vec<&str> = quote
            .speaker
            .iter()
            .map(String::as_str)
            .chain(actor.map(|a| a.name.as_str()))
            .collect();
        let wanted: Vec<String> = std::iter::once(&truth.speaker)
            .chain(&truth.speaker_aliases)
            .map(|n| squash(n))
            .collect();
        let speaker = names.iter().any(|n| wanted.contains(&squash(n)));
        let got = format!(
            "{} | {} | {}",
            actor.map_or("-", |a| a.name.as_str()),
            quote
                .date
                .map_or_else(|| "-".to_string(), |d| d.to_string()),
            quote
                .figure
                .map_or_else(|| "-".to_string(), |f| f.to_string()),
        );
        Self {
            found: true,
            kind: quote.kind == QuoteKind::Statement,
            speaker,
            date: quote.date == Some(truth.date),
            figure: quote.figure == truth.figure,
            got,
        }
    }

    /// Whether every field is right.
    #[must_use]
    pub fn right(&self) -> bool {
        self.found && self.kind && self.speaker && self.date && self.figure
    }

    fn rank(&self) -> (bool, bool, u8) {
        let fields = u8::from(self.speaker) + u8::from(self.date) + u8::from(self.figure);
        (self.right(), self.kind, fields)
    }
}

/// Lower case with every character that is not a letter or digit removed, as the truth's
/// matching rule compares speakers.
fn squash(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squashes_names_as_the_truth_compares_them() {
        assert_eq!(squash("Nisreen al-Fatlawi"), squash("nisreen-al-fatlawi"));
        assert_ne!(squash("Fatlawi"), squash("al-Fatlawi"));
    }

    #[test]
    fn a_term_with_trailing_punctuation_is_the_term() {
        assert!(is_term_text("electronic flies,", "electronic flies"));
        assert!(!is_term_text("the electronic flies of", "electronic flies"));
    }
}
