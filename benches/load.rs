//! Load + extraction throughput on a fictional corpus of 10,000 pieces (`spotlight synth`), and
//! how long until the corpus is indexed and ready to search: reading every file, or from the
//! cache of an unchanged directory.
//!
//! Run with `cargo bench --bench load`; the figures go in the README. What is built is dropped
//! outside the timing: a real run keeps it for the life of the process.

#![allow(clippy::expect_used, missing_docs)]

use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use spotlight::corpus::{Corpus, Extent};
use spotlight::index::Index;
use spotlight::store::cache::{self, Manifest};
use spotlight::synth::{SynthOptions, write_corpus};

/// What a start with a cache does: check the directory against the cache, then decode it.
fn from_cache(dir: &Path, cache_file: &Path) -> Corpus {
    let manifest = Manifest::of(dir).expect("manifest");
    cache::read(cache_file, &manifest, Extent::Whole).expect("a cache hit")
}

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
        if pieces == 10_000 {
            let cache_file = dir.path().join("cache.bin");
            let manifest = Manifest::of(&out).expect("manifest");
            cache::write(&cache_file, &manifest, &corpus).expect("written");
            group.bench_function("10000_pieces_cache_write", |b| {
                b.iter(|| cache::write(&cache_file, &manifest, &corpus).expect("written"))
            });
            group.bench_function("10000_pieces_from_cache", |b| {
                b.iter_with_large_drop(|| from_cache(&out, &cache_file))
            });
            group.bench_function("10000_pieces_indexed", |b| {
                b.iter_with_large_drop(|| Index::build(Corpus::load_dir(&out).expect("load")))
            });
            group.bench_function("10000_pieces_indexed_from_cache", |b| {
                b.iter_with_large_drop(|| Index::build(from_cache(&out, &cache_file)))
            });
        }
    }
    group.bench_function("bundled", |b| b.iter_with_large_drop(Corpus::bundled));
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
