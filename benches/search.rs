//! Search benchmarks on fictional corpora of about 10k, 100k and 1M quotes (`spotlight synth`).
//!
//! Run with `cargo bench --bench search` (the 1M corpus takes a minute to build and several GB
//! of memory; `SPOTLIGHT_BENCH_SIZES=10000,100000` picks sizes). Reports, per corpus size: index
//! build, the ranked search of each query in the mix, and the first screenful of the worker.

#![allow(clippy::expect_used, missing_docs)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use spotlight::index::Index;
use spotlight::search::engine::{Stage, run};
use spotlight::search::query::parse;
use spotlight::search::search;
use spotlight::search::worker::SCREENFUL;

mod common;

use common::corpus;

/// The query mix: one character, one word, three words, a misspelled name, an actor, a date plus a word.
const QUERIES: [(&str, &str); 6] = [
    ("one_char", "p"),
    ("one_word", "patience"),
    ("three_words", "patience limits response"),
    ("misspelled_name", "notrealuly"),
    ("actor", "@abu-qumqiv-al-notrealuli"),
    ("date_word", "date:2023 desert"),
];

fn sizes() -> Vec<usize> {
    let chosen = std::env::var("SPOTLIGHT_BENCH_SIZES").unwrap_or_default();
    let chosen: Vec<usize> = chosen
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    if chosen.is_empty() {
        vec![10_000, 100_000, 1_000_000]
    } else {
        chosen
    }
}

fn benches(c: &mut Criterion) {
    for size in sizes() {
        let corpus = corpus(size);
        eprintln!(
            "corpus ~{size}: {} quotes in {} pieces",
            corpus.quotes.len(),
            corpus.pieces.len()
        );
        let mut group = c.benchmark_group(format!("search_{size}"));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(if size >= 1_000_000 { 30 } else { 5 }));
        if size <= 100_000 {
            group.bench_function("index_build", |b| {
                b.iter_batched(|| corpus.clone(), Index::build, BatchSize::LargeInput)
            });
        }
        let index: Arc<Index> = Index::build(corpus);
        for (name, text) in QUERIES {
            let query = parse(text);
            let total = search(&index, &query, 100).total;
            eprintln!("  {name} `{text}`: {total} matches");
            group.bench_with_input(BenchmarkId::new("ranked", name), &query, |b, q| {
                b.iter(|| black_box(search(&index, q, 100)))
            });
            group.bench_with_input(BenchmarkId::new("first_screenful", name), &query, |b, q| {
                b.iter(|| black_box(run(&index, q, Stage::First(SCREENFUL), &|| false)))
            });
        }
        group.finish();
    }
}

criterion_group!(search_benches, benches);
criterion_main!(search_benches);
