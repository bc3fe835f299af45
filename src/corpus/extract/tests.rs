use jiff::civil::date;

use crate::corpus::model::{DateSource, Quote, QuoteKind};
use crate::corpus::{Corpus, SourceFile};

fn statements(corpus: &Corpus) -> Vec<&Quote> {
    corpus.quotes.iter().filter(|q| q.kind == QuoteKind::Statement).collect()
}

#[test]
fn seed_piece_gives_exactly_the_six_statements() {
    let corpus = Corpus::bundled();
    for q in &corpus.quotes {
        eprintln!("{:?} {:?} {:?} {:?} {:?} {:?} | {}", q.kind, q.speaker, q.date, q.date_source, q.figure, q.via, q.text);
    }
    let got: Vec<(Option<&str>, _, _, Option<u32>, &str)> = statements(&corpus)
        .iter()
        .map(|q| (q.speaker.as_deref(), q.date, q.date_source, q.figure, q.text.split_whitespace().take(4).collect::<Vec<_>>().join(" ").leak() as &str))
        .collect();
    let want = vec![
        (Some("ali-khamenei"), Some(date(2023, 11, 1)), DateSource::Text, Some(1), "This war isn't a"),
        (Some("hadi-al-ameri"), Some(date(2023, 10, 30)), DateSource::Text, None, "it is time for"),
        (Some("hadi-al-ameri"), Some(date(2023, 10, 30)), DateSource::Text, None, "to set a serious,"),
        (Some("hadi-al-ameri"), Some(date(2023, 10, 30)), DateSource::Text, Some(2), "After a period of"),
        (Some("electronic-hashd"), Some(date(2023, 10, 30)), DateSource::Figure, Some(3), "The statement of the"),
        (Some("hadi-al-ameri"), Some(date(2023, 10, 10)), DateSource::Text, None, "If the Americans intervene"),
    ];
    assert_eq!(got, want);
}

#[test]
fn debug_unknowns() {
    let corpus = Corpus::bundled();
    for a in corpus.actors.iter().filter(|a| a.kind == crate::corpus::ActorKind::Unknown) {
        eprintln!("{} {:?} {:?}", a.id, a.name, a.role);
    }
    let _ = SourceFile { name: String::new(), bytes: Vec::new() };
}
