//! CSL-JSON (Citation Style Language 1.0.2 items) for Zotero and pandoc: each piece once, as
//! a `webpage` (a `report` when it has no address), and each statement as a `speech` (a
//! `post` when it went out on a platform) by its speaker, "quoted in" the piece.

use std::collections::HashSet;

use jiff::civil::Date;
use serde::Serialize;

use super::Item;
use super::chicago::PUBLISHER;
use crate::corpus::Piece;

/// One CSL-JSON item.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub struct CslItem {
    /// The citation key: the piece's or the quote's id.
    pub id: String,
    /// The CSL item type.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The title: the piece's, or the statement's opening words.
    pub title: String,
    /// The piece's authors, or the statement's speaker.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<CslName>,
    /// When the piece was published or the statement made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<CslDate>,
    /// The website of a piece; the platform of a post.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_title: Option<String>,
    /// The series of a piece (*Militia Spotlight*).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection_title: Option<String>,
    /// The publisher of a piece.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// What the statement was: `Statement`, `Post on Telegram`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    /// The piece's address (for a statement, the piece that quotes it).
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the page was saved or imported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessed: Option<CslDate>,
    /// The statement's whole words.
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
    /// For a statement: where it is quoted, and the analyst's note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A CSL name: a person split into family and given names, or a literal (a group, a channel,
/// a speaker whose name does not split).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum CslName {
    /// A person's name in parts.
    Person {
        /// The family name.
        family: String,
        /// The given names.
        given: String,
    },
    /// A name taken as it is.
    Literal {
        /// The name.
        literal: String,
    },
}

/// A CSL date: `{"date-parts": [[2023, 10, 30]]}`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CslDate {
    /// Year, month, day.
    #[serde(rename = "date-parts")]
    pub parts: [[i32; 3]; 1],
}

impl CslDate {
    fn of(date: Date) -> Self {
        Self {
            parts: [[
                i32::from(date.year()),
                i32::from(date.month()),
                i32::from(date.day()),
            ]],
        }
    }
}

/// The items of an export: every statement, and each piece once before its first statement.
#[must_use]
pub fn items(items: &[Item<'_>]) -> Vec<CslItem> {
    let mut out = Vec::new();
    let mut pieces = HashSet::new();
    for item in items {
        if let Some(piece) = item.piece
            && pieces.insert(piece.id.as_str())
        {
            out.push(piece_item(piece));
        }
        out.push(statement(item));
    }
    out
}

/// An author of a piece: given names, then the last word as the family name.
fn person(name: &str) -> CslName {
    match name.trim().rsplit_once(' ') {
        Some((given, family)) => CslName::Person {
            family: family.to_string(),
            given: given.to_string(),
        },
        None => CslName::Literal {
            literal: name.trim().to_string(),
        },
    }
}

fn piece_item(piece: &Piece) -> CslItem {
    let site = piece.site.clone().unwrap_or_else(|| PUBLISHER.to_string());
    let webpage = piece.url.is_some();
    CslItem {
        id: piece.id.clone(),
        kind: if webpage { "webpage" } else { "report" },
        title: piece.title.clone(),
        author: piece.authors.iter().map(|a| person(&a.name)).collect(),
        issued: piece.date.map(CslDate::of),
        container_title: webpage.then(|| site.clone()),
        collection_title: piece.series.first().cloned(),
        publisher: Some(site),
        genre: None,
        url: piece.url.clone(),
        accessed: piece
            .saved
            .or(piece.imported)
            .map(|t| CslDate::of(t.to_zoned(jiff::tz::TimeZone::UTC).date())),
        words: None,
        note: None,
    }
}

/// A statement's title: its opening words, at most twelve.
fn opening(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 12 {
        words.join(" ")
    } else {
        format!("{}\u{2026}", words[..12].join(" "))
    }
}

fn statement(item: &Item<'_>) -> CslItem {
    let via = item.quote.and_then(|q| q.via.clone());
    let text = item.quote.map_or(&item.snapshot.text, |q| &q.text);
    let quoted_in = super::chicago::note(item);
    let quoted_in = quoted_in
        .split_once(", quoted in ")
        .map_or(String::new(), |(_, rest)| format!("Quoted in {rest}"));
    let note = match (item.note, quoted_in.is_empty()) {
        (Some(note), false) => Some(format!("{quoted_in}\n{note}")),
        (Some(note), true) => Some(note.to_string()),
        (None, false) => Some(quoted_in),
        (None, true) => None,
    };
    CslItem {
        id: item.snapshot.quote.clone(),
        kind: if via.is_some() { "post" } else { "speech" },
        title: opening(text),
        author: item
            .speaker_name()
            .map(|name| CslName::Literal {
                literal: name.to_string(),
            })
            .into_iter()
            .collect(),
        issued: item
            .quote
            .and_then(|q| q.date)
            .or(item.snapshot.date)
            .map(CslDate::of),
        container_title: via.clone(),
        collection_title: None,
        publisher: None,
        genre: Some(via.map_or_else(|| "Statement".to_string(), |v| format!("Post on {v}"))),
        url: item.piece.and_then(|p| p.url.clone()),
        accessed: None,
        words: Some(text.clone()),
        note,
    }
}
