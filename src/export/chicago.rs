//! Chicago-style notes (17th edition, notes and bibliography): a statement "quoted in" the
//! piece that reports it, as a footnote of a brief cites it.

use jiff::civil::Date;

use super::Item;

/// The publisher of *Militia Spotlight*, as Chicago names it (no leading "The").
pub const PUBLISHER: &str = "Washington Institute for Near East Policy";

/// The note for `item`: who said it, in what form and when, "quoted in" the piece's authors,
/// title, series, publisher, date and URL.
///
/// `Hadi al-Ameri, statement, October 30, 2023, quoted in Hamdi Malik et al., "Title,"
/// Militia Spotlight, Washington Institute for Near East Policy, November 1, 2023, URL.`
#[must_use]
pub fn note(item: &Item<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.push(item.speaker_name().unwrap_or("Unattributed").to_string());
    parts.push(form(item));
    if let Some(date) = item.quote.and_then(|q| q.date).or(item.snapshot.date) {
        parts.push(long_date(date));
    }
    let mut out = parts.join(", ");
    let Some(piece) = item.piece else {
        if let Some(title) = &item.snapshot.piece {
            out.push_str(&format!(", quoted in \u{201c}{title}\u{201d}"));
        }
        out.push('.');
        return out;
    };
    out.push_str(", quoted in ");
    let authors: Vec<&str> = piece.authors.iter().map(|a| a.name.as_str()).collect();
    if !authors.is_empty() {
        out.push_str(&note_authors(&authors));
        out.push_str(", ");
    }
    out.push_str(&format!("\u{201c}{},\u{201d} ", piece.title));
    let mut tail: Vec<String> = Vec::new();
    if let Some(series) = piece.series.first() {
        tail.push(series.clone());
    }
    match &piece.site {
        Some(site) => tail.push(site.clone()),
        None => tail.push(PUBLISHER.to_string()),
    }
    tail.push(piece.date.map_or_else(|| "n.d.".to_string(), long_date));
    if let Some(url) = &piece.url {
        tail.push(url.clone());
    }
    out.push_str(&tail.join(", "));
    out.push('.');
    out
}

/// What kind of utterance it was: a post on a platform, else a statement.
fn form(item: &Item<'_>) -> String {
    match item.quote.and_then(|q| q.via.as_deref()) {
        Some(via) => format!("post on {via}"),
        None => "statement".to_string(),
    }
}

/// A date as Chicago writes it: `October 30, 2023`.
#[must_use]
pub fn long_date(date: Date) -> String {
    date.strftime("%B %-d, %Y").to_string()
}

/// Authors in a note: one, two (`A and B`), three (`A, B, and C`), four or more (`A et al.`).
fn note_authors(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [a, b] => format!("{a} and {b}"),
        [a, b, c] => format!("{a}, {b}, and {c}"),
        [first, ..] => format!("{first} et al."),
    }
}
