use std::sync::Arc;

use super::*;
use crate::corpus::{Author, Corpus};

fn bundled() -> Arc<Index> {
    Index::build(Corpus::bundled())
}

fn item_starting<'a>(index: &'a Index, words: &str, note: Option<&'a str>) -> Item<'a> {
    (0..index.len() as QuoteId)
        .find(|&i| index.quote(i).is_some_and(|q| q.text.starts_with(words)))
        .and_then(|i| Item::of(index, i, note))
        .expect("the seed's quote")
}

const TITLE: &str = "\u{201c}Potential Escalation in Iraq (Part 1): Khamenei and Badr,\u{201d}";

#[test]
fn chicago_quoted_in_notes_match_the_reference_rendering() {
    let index = bundled();
    let ameri = item_starting(&index, "After a period of calm", None);
    assert_eq!(
        chicago::note(&ameri),
        format!(
            "Hadi al-Ameri, statement, October 30, 2023, quoted in Hamdi Malik et al., {TITLE} \
             Militia Spotlight, Washington Institute for Near East Policy, November 1, 2023."
        )
    );
    let khamenei = item_starting(&index, "This war isn't", None);
    assert!(
        chicago::note(&khamenei)
            .starts_with("Ali Khamenei, post on Twitter/X, November 1, 2023, quoted in Hamdi"),
        "{}",
        chicago::note(&khamenei)
    );
}

#[test]
fn chicago_notes_name_two_or_three_authors_and_end_with_the_address() {
    let index = bundled();
    let mut piece = index.piece_of(0).expect("a piece").clone();
    piece.authors.truncate(3);
    piece.url = Some("https://example.org/fictional".into());
    piece.date = None;
    let mut item = item_starting(&index, "After a period of calm", None);
    item.piece = Some(&piece);
    assert!(chicago::note(&item).ends_with(
        "quoted in Hamdi Malik, Michael Knights, and Crispin Smith, \u{201c}Potential Escalation \
         in Iraq (Part 1): Khamenei and Badr,\u{201d} Militia Spotlight, Washington Institute for \
         Near East Policy, n.d., https://example.org/fictional."
    ));
    let mut two = piece.clone();
    two.authors = vec![
        Author {
            name: "Hamdi Malik".into(),
            slug: None,
            bio: None,
        };
        2
    ];
    item.piece = Some(&two);
    assert!(chicago::note(&item).contains("quoted in Hamdi Malik and Hamdi Malik, "));
}

#[test]
fn a_quote_gone_from_the_corpus_exports_from_its_snapshot() {
    let index = bundled();
    let gone = Snapshot {
        quote: "an-old-piece/0000".into(),
        text: "words no longer extracted".into(),
        speaker: Some("Someone Fictional".into()),
        piece: Some("An Old Piece".into()),
        date: "2023-01-02".parse().ok(),
    };
    let item = Item::of_entry(&index, gone, Some("keep this"));
    assert!(item.quote.is_none());
    assert_eq!(
        chicago::note(&item),
        "Someone Fictional, statement, January 2, 2023, quoted in \u{201c}An Old Piece\u{201d}."
    );
    let mut out = Vec::new();
    write(Format::Jsonl, "t", &[item], &mut out).expect("written");
    let line: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(line["in_corpus"], false);
    assert_eq!(line["text"], "words no longer extracted");
    assert_eq!(line["note"], "keep this");
}

#[test]
fn csl_json_loads_in_a_csl_library_with_the_speaker_as_author() {
    let index = bundled();
    let items = [
        item_starting(&index, "After a period of calm", Some("the turning point")),
        item_starting(&index, "This war isn't", None),
    ];
    let mut out = Vec::new();
    write(Format::CslJson, "t", &items, &mut out).expect("written");
    let parsed = citeworks_csl::from_slice(&out).expect("CSL-JSON a CSL library reads");
    // The piece once, then each statement.
    assert_eq!(parsed.len(), 3);
    let json: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(json[0]["type"], "report");
    assert_eq!(json[0]["author"][0]["family"], "Malik");
    assert_eq!(json[0]["collection-title"], "Militia Spotlight");
    assert_eq!(json[1]["type"], "speech");
    assert_eq!(json[1]["author"][0]["literal"], "Hadi al-Ameri");
    assert_eq!(json[1]["issued"]["date-parts"][0][0], 2023);
    assert!(
        json[1]["note"]
            .as_str()
            .is_some_and(|n| n.starts_with("Quoted in Hamdi Malik"))
    );
    assert!(
        json[1]["note"]
            .as_str()
            .is_some_and(|n| n.ends_with("the turning point"))
    );
    assert_eq!(json[2]["type"], "post");
    assert_eq!(json[2]["container-title"], "Twitter/X");
}

#[test]
fn bibtex_and_biblatex_parse_back_with_every_entry() {
    let index = bundled();
    let items = [
        item_starting(&index, "After a period of calm", None),
        item_starting(&index, "The statement of the secretary-general", None),
    ];
    for format in [Format::Bibtex, Format::Biblatex] {
        let mut out = Vec::new();
        write(format, "t", &items, &mut out).expect("written");
        let text = String::from_utf8(out).expect("utf-8");
        let bib = biblatex::Bibliography::parse(&text).expect("parses");
        assert_eq!(bib.len(), 3, "{text}");
        let ameri = bib.get(&items[0].snapshot.quote).expect("the statement");
        assert_eq!(ameri.author().expect("author")[0].name, "Hadi al-Ameri");
    }
}

#[test]
fn csv_has_a_header_and_a_row_per_quote_that_read_back() {
    let index = bundled();
    let items = [item_starting(
        &index,
        "After a period of calm",
        Some("a, \"quoted\" note"),
    )];
    let mut out = Vec::new();
    write(Format::Csv, "t", &items, &mut out).expect("written");
    let mut table = csv::Reader::from_reader(out.as_slice());
    let header = table.headers().expect("header").clone();
    let row = table.records().next().expect("a row").expect("readable");
    let field = |name: &str| row.get(header.iter().position(|h| h == name).expect(name));
    assert_eq!(field("speaker"), Some("Hadi al-Ameri"));
    assert_eq!(field("date"), Some("2023-10-30"));
    assert_eq!(field("note"), Some("a, \"quoted\" note"));
    assert_eq!(field("attribution_by"), Some("pronoun"));
    assert_eq!(field("in_corpus"), Some("true"));
}

#[test]
fn a_markdown_brief_has_each_quote_its_note_and_a_footnote() {
    let index = bundled();
    let items = [
        item_starting(&index, "After a period of calm", Some("why it matters")),
        item_starting(&index, "This war isn't", None),
    ];
    let mut out = Vec::new();
    write(Format::Markdown, "KH threats", &items, &mut out).expect("written");
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.starts_with("# KH threats\n\n2 statements"), "{text}");
    assert!(
        text.contains("## 1. Hadi al-Ameri \u{2014} October 30, 2023\n\n> \u{201c}After a period")
    );
    assert!(
        text.contains("[^1]\n\n**Note:** why it matters\n"),
        "{text}"
    );
    assert!(text.contains("\n[^1]: Hadi al-Ameri, statement, October 30, 2023, quoted in"));
    assert!(text.contains("\n[^2]: Ali Khamenei, post on Twitter/X"));
}

#[test]
fn formats_are_named_as_the_command_line_takes_them() {
    for name in Format::NAMES {
        let format: Format = name.parse().expect(name);
        assert!(!format.extension().is_empty());
    }
    assert_eq!("markdown".parse::<Format>().ok(), Some(Format::Markdown));
}
