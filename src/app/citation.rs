//! A quote as a citation an analyst can paste into a report.

use jiff::civil::Date;

use crate::index::Index;
use crate::index::quotes::QuoteId;
use crate::printable::for_copy;

/// The institute that publishes *Militia Spotlight*.
const INSTITUTE: &str = "The Washington Institute for Near East Policy";

/// The citation for `quote`: the words, who said them, when and where, then the piece, its
/// authors, series, publisher, date and link.
///
/// `"After a period of calm..." — Hadi al-Ameri (Badr Organization secretary-general), October
/// 30, 2023. Quoted in Hamdi Malik and Michael Knights, "Title," Militia Spotlight, The
/// Washington Institute for Near East Policy, November 1, 2023. URL`
#[must_use]
pub fn citation(index: &Index, quote: QuoteId) -> Option<String> {
    let q = index.quote(quote)?;
    let mut out = format!("\u{201c}{}\u{201d}", q.text);
    if let Some(actor) = index.speaker_of(quote) {
        out.push_str(" \u{2014} ");
        out.push_str(&actor.name);
        if !actor.role.is_empty() {
            out.push_str(&format!(" ({})", actor.role));
        }
    }
    if let Some(date) = q.date {
        out.push_str(&format!(", {}", long_date(date)));
    }
    if let Some(via) = &q.via {
        out.push_str(&format!(", on {via}"));
    }
    out.push('.');
    if let Some(piece) = index.piece_of(quote) {
        out.push_str(" Quoted in ");
        let authors: Vec<&str> = piece.authors.iter().map(|a| a.name.as_str()).collect();
        if !authors.is_empty() {
            out.push_str(&join_names(&authors));
            out.push_str(", ");
        }
        out.push_str(&format!("\u{201c}{},\u{201d} ", piece.title));
        if let Some(series) = piece.series.first() {
            out.push_str(series);
            out.push_str(", ");
        }
        out.push_str(INSTITUTE);
        if let Some(date) = piece.date {
            out.push_str(&format!(", {}", long_date(date)));
        }
        out.push('.');
        if let Some(url) = &piece.url {
            out.push(' ');
            out.push_str(url);
        }
    }
    // A citation is pasted into documents and terminals: no control character may ride along.
    Some(for_copy(&out))
}

fn long_date(date: Date) -> String {
    date.strftime("%B %-d, %Y").to_string()
}

fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn cites_ameri_with_date_piece_authors_series_and_institute() {
        let index = Index::build(Corpus::bundled());
        let id = (0..index.corpus.quotes.len())
            .map(|i| i as QuoteId)
            .find(|&i| {
                index
                    .quote(i)
                    .is_some_and(|q| q.text.starts_with("After a period"))
            })
            .expect("the seed's Ameri quote");
        let text = citation(&index, id).expect("a citation");
        assert!(text.starts_with("\u{201c}After a period of calm"), "{text}");
        assert!(text.contains("\u{2014} Hadi al-Ameri"), "{text}");
        assert!(text.contains("October 30, 2023"), "{text}");
        assert!(text.contains("Hamdi Malik, Michael Knights, Crispin Smith and Ameer al-Kaabi"));
        assert!(
            text.contains("Potential Escalation in Iraq (Part 1)"),
            "{text}"
        );
        assert!(text.contains(INSTITUTE), "{text}");
    }

    #[test]
    fn citations_carry_no_control_characters() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/escapes");
        let index = Index::build(Corpus::load_dir(&dir).expect("the fixture loads"));
        assert!(!index.corpus.quotes.is_empty());
        for id in 0..index.corpus.quotes.len() {
            let text = citation(&index, id as QuoteId).expect("a citation");
            assert!(!text.chars().any(char::is_control), "{text:?}");
        }
    }

    #[test]
    fn joins_author_names_like_prose() {
        assert_eq!(join_names(&["A"]), "A");
        assert_eq!(join_names(&["A", "B"]), "A and B");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B and C");
    }
}
