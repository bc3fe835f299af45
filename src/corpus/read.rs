//! Reading one source file: bytes to text, a saved page to its piece, quotes and unknown
//! speakers, and the gazetteer file to the gazetteer — each problem named by file and line.

use std::borrow::Cow;

use super::extract::{Cast, extract};
use super::gazetteer::{Gazetteer, parse_actors};
use super::mentions::annotate;
use super::model::{Actor, Piece, Quote};
use super::page::{PageIssue, read_page};
use super::problem::{Problem, Severity};

/// A file to load: its display name and its bytes.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path shown in messages.
    pub name: String,
    /// The raw contents.
    pub bytes: Vec<u8>,
}

fn load_actors(file: &SourceFile, problems: &mut Vec<Problem>) -> Vec<Actor> {
    let text = match decode(&file.bytes) {
        Ok(text) => text,
        Err(issue) => {
            problems.push(problem(&file.name, issue, Severity::Error));
            return Vec::new();
        }
    };
    let (actors, issues) = parse_actors(&text);
    problems.extend(
        issues
            .into_iter()
            .map(|i| problem(&file.name, i, Severity::Error)),
    );
    actors
}

/// What loading one saved page gave: the piece, its quotes and unknown speakers, and the
/// problems found on the way.
pub struct PieceResult {
    /// The piece, its quotes and the speakers the gazetteer does not know; none when unusable.
    pub loaded: Option<(Piece, Vec<Quote>, Vec<Actor>)>,
    /// What was wrong.
    pub problems: Vec<Problem>,
}

impl PieceResult {
    /// A file that could not be read at all (permissions, a vanished file).
    pub fn unreadable(file: String, error: &std::io::Error) -> Self {
        let message = format!("cannot read the file: {error}");
        let problems = vec![Problem {
            file,
            line: 1,
            message,
            severity: Severity::Error,
        }];
        Self {
            loaded: None,
            problems,
        }
    }
}

/// Loads the gazetteer file (if any), reporting its problems.
pub fn gazetteer_from(actors: Option<SourceFile>) -> (Gazetteer, Vec<Problem>) {
    let mut problems = Vec::new();
    let actors = actors
        .map(|file| load_actors(&file, &mut problems))
        .unwrap_or_default();
    (Gazetteer::new(actors), problems)
}

/// Reads, annotates and extracts one piece.
pub fn load_piece(file: &SourceFile, gazetteer: &Gazetteer) -> PieceResult {
    let parsed = decode(&file.bytes).and_then(|text| read_page(&text, &file.name));
    match parsed {
        Ok((mut piece, issues)) => {
            let problems = issues
                .into_iter()
                .map(|i| problem(&file.name, i, Severity::Warning))
                .collect();
            let unknown = annotate(&mut piece, gazetteer);
            let mut quotes = extract(
                &piece,
                Cast {
                    gazetteer,
                    unknown: &unknown,
                },
            );
            // Reading order; stable, so quotes at one place keep the order they were found in.
            quotes.sort_by_key(|q| (q.paragraph, q.range.0));
            PieceResult {
                loaded: Some((piece, quotes, unknown)),
                problems,
            }
        }
        Err(issue) => PieceResult {
            loaded: None,
            problems: vec![problem(&file.name, issue, Severity::Error)],
        },
    }
}

fn problem(file: &str, issue: PageIssue, severity: Severity) -> Problem {
    Problem {
        file: file.to_string(),
        line: issue.line,
        message: issue.message,
        severity,
    }
}

/// Turns file bytes into text: UTF-8 only, no NUL bytes, BOM dropped, CRLF and CR made LF.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, PageIssue> {
    let line_of = |at: usize| {
        u32::try_from(bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1).unwrap_or(u32::MAX)
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(PageIssue {
            line: 1,
            message: "the file is empty".into(),
        });
    }
    // `contains` is a memchr; the position is only needed for the message.
    if let Some(at) = bytes
        .contains(&0)
        .then(|| bytes.iter().position(|&b| b == 0))
        .flatten()
    {
        return Err(PageIssue {
            line: line_of(at),
            message: "the file holds NUL bytes: it looks binary, not a saved page".into(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let message = format!(
            "not valid UTF-8 (byte {} of the file); save the page as UTF-8",
            e.valid_up_to() + 1
        );
        PageIssue {
            line: line_of(e.valid_up_to()),
            message,
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    })
}
