//! A CSV table: one row per quote, every field of the JSON lines (nested ones spread over
//! columns of their own) plus the note and the source URL.

use std::io::{self, Write};

use super::Item;

/// The columns, in order.
const HEADER: [&str; 23] = [
    "id",
    "text",
    "speaker_id",
    "speaker",
    "date",
    "date_source",
    "date_cue",
    "attribution_by",
    "attribution_cue",
    "correction_by",
    "correction_on",
    "correction_why",
    "piece_id",
    "piece_title",
    "paragraph",
    "figure",
    "via",
    "kind",
    "context",
    "url",
    "note",
    "in_corpus",
    "citation",
];

/// Writes the table with its header.
pub fn write(items: &[Item<'_>], out: &mut dyn Write) -> io::Result<()> {
    let mut table = csv::Writer::from_writer(out);
    table.write_record(HEADER)?;
    for item in items {
        table.write_record(row(item))?;
    }
    table.flush()
}

/// A serde enum as the word the JSON lines print for it.
fn word<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn row(item: &Item<'_>) -> Vec<String> {
    let text = |s: Option<&str>| s.unwrap_or_default().to_string();
    let s = &item.snapshot;
    let q = item.quote;
    let attribution = q.and_then(|q| q.attribution.as_ref());
    let correction = q.and_then(|q| q.correction.as_ref());
    vec![
        s.quote.clone(),
        q.map_or(s.text.clone(), |q| q.text.clone()),
        text(q.and_then(|q| q.speaker.as_deref())),
        text(item.speaker_name()),
        q.and_then(|q| q.date)
            .or(s.date)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        q.map(|q| word(&q.date_source)).unwrap_or_default(),
        text(q.and_then(|q| q.date_cue.as_deref())),
        attribution.map(|a| word(&a.by)).unwrap_or_default(),
        text(attribution.map(|a| a.cue.as_str())),
        text(correction.map(|c| c.by.as_str())),
        correction
            .and_then(|c| c.on)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        text(correction.map(|c| c.why.as_str())),
        q.map(|q| q.piece.clone()).unwrap_or_default(),
        item.piece
            .map(|p| p.title.clone())
            .or(s.piece.clone())
            .unwrap_or_default(),
        q.map(|q| q.paragraph.to_string()).unwrap_or_default(),
        q.and_then(|q| q.figure)
            .map(|f| f.to_string())
            .unwrap_or_default(),
        text(q.and_then(|q| q.via.as_deref())),
        q.map(|q| word(&q.kind)).unwrap_or_default(),
        text(q.map(|q| q.context.as_str())),
        text(item.piece.and_then(|p| p.url.as_deref())),
        text(item.note),
        item.quote.is_some().to_string(),
        super::chicago::note(item),
    ]
}
