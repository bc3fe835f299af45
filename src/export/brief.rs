//! A collection as a Markdown brief: each quote as a block quote with who said it and when,
//! the analyst's note, the source, and a Chicago note as a footnote (pandoc renders them).

use std::io::{self, Write};

use super::Item;
use super::chicago::{long_date, note};

/// Writes the brief titled `title`.
pub fn write(title: &str, items: &[Item<'_>], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}\n", one_line(title))?;
    let count = items.len();
    let plural = if count == 1 { "" } else { "s" };
    writeln!(out, "{count} statement{plural}, exported from spotlight.\n")?;
    for (n, item) in items.iter().enumerate() {
        let n = n + 1;
        let who = item.speaker_name().unwrap_or("Unattributed");
        let date = item.quote.and_then(|q| q.date).or(item.snapshot.date);
        let when = date.map_or_else(|| "undated".to_string(), long_date);
        writeln!(out, "## {n}. {} \u{2014} {when}\n", one_line(who))?;
        let text = item
            .quote
            .map_or(item.snapshot.text.as_str(), |q| q.text.as_str());
        writeln!(out, "> \u{201c}{}\u{201d}[^{n}]\n", one_line(text))?;
        if let Some(note) = item.note {
            writeln!(out, "**Note:** {}\n", one_line(note))?;
        }
        if item.quote.is_none() {
            writeln!(
                out,
                "*No longer in the corpus: the words as last seen by the desk.*\n"
            )?;
        }
        if let Some(piece) = item.piece {
            match &piece.url {
                Some(url) => writeln!(out, "Source: [{}]({url})\n", one_line(&piece.title))?,
                None => writeln!(out, "Source: {}\n", one_line(&piece.title))?,
            }
        }
    }
    for (n, item) in items.iter().enumerate() {
        writeln!(out, "[^{}]: {}", n + 1, one_line(&note(item)))?;
    }
    Ok(())
}

/// Text on one line, with nothing Markdown would read as a line break or a control.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
