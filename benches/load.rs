//! Load + extraction throughput on a fictional corpus of 10,000 pieces (`spotlight synth`).
//!
//! Run with `cargo bench --bench load`; the figure goes in the README. The corpus is dropped
//! outside the timing: a real run keeps it for the life of the process.

#![allow(clippy::expect_used, missing_docs)]

use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use spotlight::corpus::Corpus;
use spotlight::corpus::synth::{SynthOptions, write_corpus};

fn load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("load");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for pieces in [1_000, 10_000] {
        let out = dir.path().join(pieces.to_string());
        let options = SynthOptions {
            pieces,
            quotes_per_piece: 6,
            seed: 7,
        };
        write_corpus(&options, &out).expect("write synthetic corpus");
        let corpus = Corpus::load_dir(&out).expect("load");
        eprintln!(
            "{pieces} pieces: {} quotes, {} actors, {} problems",
            corpus.quotes.len(),
            corpus.actors.len(),
            corpus.problems.len()
        );
        group.throughput(Throughput::Elements(pieces as u64));
        group.bench_function(format!("{pieces}_pieces"), |b| {
            b.iter_with_large_drop(|| Corpus::load_dir(&out).expect("load"))
        });
    }
    group.bench_function("bundled", |b| b.iter_with_large_drop(Corpus::bundled));
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
