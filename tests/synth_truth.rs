//! The extractor against the ground truth of the fictional generator: every pattern of
//! `spotlight synth` (speaker after, split quotes, coreference, quotes over two paragraphs,
//! Telegram captions, figure references) must come out attributed and dated as written.

#![allow(clippy::expect_used)]

use std::collections::HashMap;

use spotlight::corpus::{Corpus, QuoteKind, SourceFile};
use spotlight::synth::{SynthOptions, synth_actors, synth_piece};

#[test]
fn extraction_matches_the_synthetic_truth() {
    for seed in [5, 11] {
        check_seed(seed);
    }
}

fn check_seed(seed: u64) {
    let options = SynthOptions {
        pieces: 300,
        quotes_per_piece: 6,
        seed,
    };
    let actors = synth_actors(&options);
    let pieces: Vec<_> = (0..options.pieces)
        .map(|n| synth_piece(&options, &actors, n))
        .collect();
    let gazetteer = SourceFile {
        name: "actors.json".into(),
        bytes: serde_json::to_vec(&actors).expect("json"),
    };
    let files = pieces
        .iter()
        .map(|p| SourceFile {
            name: p.file_name.clone(),
            bytes: p.markdown.clone().into_bytes(),
        })
        .collect();
    let corpus = Corpus::from_sources(Some(gazetteer), files);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems.first());

    let mut found: HashMap<(String, String), _> = HashMap::new();
    for quote in corpus
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Statement)
    {
        let source = &corpus.piece(&quote.piece).expect("piece").source;
        found.insert((source.clone(), quote.text.clone()), quote);
    }
    let (mut total, mut missing, mut speaker, mut date, mut figure) = (0, 0, 0, 0, 0);
    let mut report = Vec::new();
    for piece in &pieces {
        for truth in &piece.truth {
            total += 1;
            let Some(quote) = found.get(&(piece.file_name.clone(), truth.text.clone())) else {
                missing += 1;
                report.push(format!("missing in {}: {}", piece.file_name, truth.text));
                continue;
            };
            if quote.speaker.as_deref() != Some(truth.speaker.as_str()) {
                speaker += 1;
                report.push(format!(
                    "speaker {:?} != {} in {}: {}",
                    quote.speaker, truth.speaker, piece.file_name, truth.text
                ));
            }
            if quote.date != Some(truth.date) {
                date += 1;
                report.push(format!(
                    "date {:?} != {} in {}: {}",
                    quote.date, truth.date, piece.file_name, truth.text
                ));
            }
            if quote.figure != truth.figure {
                figure += 1;
                report.push(format!(
                    "figure {:?} != {:?} in {}: {}",
                    quote.figure, truth.figure, piece.file_name, truth.text
                ));
            }
        }
    }
    let statements = corpus
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Statement)
        .count();
    eprintln!(
        "{total} truths, {statements} statements; missing {missing}, speaker {speaker}, date {date}, figure {figure}"
    );
    for line in report.iter().take(15) {
        eprintln!("{line}");
    }
    assert_eq!(statements, total, "no statement beyond the truth");
    assert_eq!((missing, speaker, date, figure), (0, 0, 0, 0));
}
