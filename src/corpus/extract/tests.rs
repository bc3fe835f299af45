use jiff::civil::date;

use crate::corpus::model::{DateSource, Quote, QuoteKind};
use crate::corpus::{ActorKind, Corpus, SourceFile};

fn statements(corpus: &Corpus) -> Vec<&Quote> {
    corpus
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Statement)
        .collect()
}

#[test]
fn seed_piece_gives_exactly_the_six_statements() {
    let corpus = Corpus::bundled();
    for q in &corpus.quotes {
        eprintln!(
            "{:?} {:?} {:?} {:?} {:?} {:?} | {}",
            q.kind, q.speaker, q.date, q.date_source, q.figure, q.via, q.text
        );
    }
    let got: Vec<(Option<&str>, _, _, Option<u32>, &str)> = statements(&corpus)
        .iter()
        .map(|q| {
            (
                q.speaker.as_deref(),
                q.date,
                q.date_source,
                q.figure,
                q.text
                    .split_whitespace()
                    .take(4)
                    .collect::<Vec<_>>()
                    .join(" ")
                    .leak() as &str,
            )
        })
        .collect();
    let want = vec![
        (
            Some("ali-khamenei"),
            Some(date(2023, 11, 1)),
            DateSource::Text,
            Some(1),
            "This war isn't a",
        ),
        (
            Some("hadi-al-ameri"),
            Some(date(2023, 10, 30)),
            DateSource::Text,
            None,
            "it is time for",
        ),
        // `(Figure 2)` closes the sentence that holds this quote too: a pointer names the
        // figure of every quote of its sentence (the annotation convention of the eval sets).
        (
            Some("hadi-al-ameri"),
            Some(date(2023, 10, 30)),
            DateSource::Text,
            Some(2),
            "to set a serious,",
        ),
        (
            Some("hadi-al-ameri"),
            Some(date(2023, 10, 30)),
            DateSource::Text,
            Some(2),
            "After a period of",
        ),
        (
            Some("electronic-hashd"),
            Some(date(2023, 10, 30)),
            DateSource::Figure,
            Some(3),
            "The statement of the",
        ),
        (
            Some("hadi-al-ameri"),
            Some(date(2023, 10, 10)),
            DateSource::Text,
            None,
            "If the Americans intervene",
        ),
    ];
    assert_eq!(got, want);
}

fn fictional() -> Corpus {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fictional");
    Corpus::load_dir(std::path::Path::new(root)).expect("fixture corpus")
}

#[test]
fn fictional_patterns_are_attributed() {
    let corpus = fictional();
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let got: Vec<(String, String)> = statements(&corpus)
        .iter()
        .map(|q| {
            (
                q.speaker.clone().unwrap_or_default(),
                q.text
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .collect();
    let want = [
        ("abu-qamar-al-nonesuch", "We will never"),
        ("abu-qamar-al-nonesuch", "Our patience has"),
        ("abu-qamar-al-nonesuch", "the brigades stand"),
        ("abu-zilal-al-fictawi", "We do not"),
        ("kataib-al-mithal", "The example brigades"),
        ("abu-zilal-al-fictawi", "The invented resistance"),
        ("mithal-news", "The brigades of"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn split_and_multi_paragraph_quotes_are_joined() {
    let corpus = fictional();
    let texts: Vec<&str> = statements(&corpus)
        .iter()
        .map(|q| q.text.as_str())
        .collect();
    assert!(texts.contains(&"We do not seek a war with anyone … but we will answer every aggression with double the force."));
    assert!(texts.iter().any(|t| t.ends_with("wherever he hides. This is the promise of the fictional martyrs, and it will be kept before the spring ends.")));
}

#[test]
fn caption_quotes_take_the_figure_date_and_platform() {
    let corpus = fictional();
    let caption = statements(&corpus)
        .into_iter()
        .find(|q| q.speaker.as_deref() == Some("mithal-news"))
        .expect("caption quote");
    assert_eq!(
        (caption.figure, caption.date_source),
        (Some(1), DateSource::Figure)
    );
    assert_eq!(caption.date, Some(date(2024, 3, 5)));
    assert_eq!(caption.via.as_deref(), Some("Telegram"));
}

#[test]
fn short_quotes_are_terms_without_a_speaker() {
    let corpus = fictional();
    let terms: Vec<&Quote> = corpus
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Term)
        .collect();
    let texts: Vec<&str> = terms.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, vec!["turning point", "axis of examples"]);
    assert!(terms.iter().all(|q| q.speaker.is_none()));
}

#[test]
fn unknown_speakers_become_actors_with_their_role() {
    let corpus = fictional();
    let actor = corpus
        .actor("abu-qamar-al-nonesuch")
        .expect("unknown speaker");
    assert_eq!(actor.kind, ActorKind::Unknown);
    assert_eq!(actor.role, "the group's spokesman");
}

#[test]
fn crlf_bom_and_curly_quotes_read_the_same() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fictional");
    let plain =
        std::fs::read_to_string(format!("{root}/pieces/fictional-patterns.md")).expect("fixture");
    let mut curly = String::from("\u{feff}");
    for line in plain.lines() {
        let mut open = false;
        for c in line.chars() {
            if c == '"' {
                curly.push(if open { '”' } else { '“' });
                open = !open;
            } else {
                curly.push(c);
            }
        }
        curly.push_str("\r\n");
    }
    let actors = std::fs::read(format!("{root}/actors.json")).expect("fixture");
    let file = |name: &str, text: &str| SourceFile {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    };
    let variant = Corpus::from_sources(
        Some(SourceFile {
            name: "actors.json".into(),
            bytes: actors,
        }),
        vec![file("curly.md", &curly)],
    );
    let texts = |c: &Corpus| {
        c.quotes
            .iter()
            .map(|q| (q.text.clone(), q.speaker.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&variant), texts(&fictional()));
}

#[test]
fn quote_ids_survive_edits_above_the_quote_and_repeats_are_numbered() {
    let page = |before: &str| {
        format!(
            "# Ids\n\nMay 14, 2024\n\n## Brief Analysis\n\n**Lead.**\n\n{before}On May 1, Abu Zilal al-Fictawi said: \"We will stay until the end of the story.\" He added: \"We will stay until the end of the story.\"\n"
        )
    };
    let ids = |text: String| -> Vec<String> {
        let corpus = Corpus::from_sources(
            None,
            vec![SourceFile {
                name: "ids.md".into(),
                bytes: text.into_bytes(),
            }],
        );
        corpus.quotes.iter().map(|q| q.id.clone()).collect()
    };
    let plain = ids(page(""));
    let edited = ids(page(
        "A new paragraph with \"a quoted phrase\" was added above.\n\n",
    ));
    assert_eq!(plain.len(), 2);
    assert!(plain[0].starts_with("ids/"), "{plain:?}");
    assert_eq!(plain[1], format!("{}-2", plain[0]));
    assert_eq!(
        &edited[1..],
        &plain[..],
        "the new quote comes first, the old ids stay"
    );
}
