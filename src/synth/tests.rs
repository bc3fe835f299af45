//! Unit tests of the generator: determinism, gazetteer consistency, truth against text.

use std::collections::HashSet;
use std::fs;

use super::actors::fold;
use super::formatting::{add_days, long_date, slug, word_count};
use super::head::{groups_of, head};
use super::*;
use crate::corpus::model::{Actor, ActorKind};

fn small() -> SynthOptions {
    SynthOptions {
        pieces: 40,
        quotes_per_piece: 6,
        seed: 7,
    }
}

fn pieces(opts: &SynthOptions) -> Vec<SynthPiece> {
    let actors = synth_actors(opts);
    (0..opts.pieces)
        .map(|n| synth_piece(opts, &actors, n))
        .collect()
}

#[test]
fn same_seed_gives_the_same_bytes() {
    let opts = small();
    assert_eq!(synth_actors(&opts), synth_actors(&opts));
    assert_eq!(pieces(&opts), pieces(&opts));
    let actors = synth_actors(&opts);
    let backwards: Vec<SynthPiece> = (0..opts.pieces)
        .rev()
        .map(|n| synth_piece(&opts, &actors, n))
        .collect();
    assert!(backwards.into_iter().rev().eq(pieces(&opts)));
}

#[test]
fn different_seeds_differ() {
    let a = small();
    let b = SynthOptions { seed: 8, ..a };
    assert_ne!(synth_actors(&a), synth_actors(&b));
    let (pa, pb) = (pieces(&a), pieces(&b));
    assert!(pa.iter().zip(&pb).all(|(x, y)| x.markdown != y.markdown));
}

#[test]
fn titles_are_marked_synthetic_and_leads_say_test_data() {
    for p in pieces(&small()) {
        let text = p.markdown.replace("\r\n", "\n");
        let title = text
            .lines()
            .find(|l| l.starts_with("# "))
            .unwrap_or_default();
        assert!(title.starts_with("# [SYNTHETIC] "), "{title}");
        assert!(p.file_name.starts_with("synthetic-") && p.file_name.ends_with(".md"));
        assert_eq!(p.file_name, format!("{}.md", slug(&title[2..])));
        assert!(text.contains("\n**Generated test data, not real analysis: "));
    }
}

#[test]
fn no_name_or_alias_is_in_the_real_gazetteer() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/actors.json");
    let real: Vec<Actor> = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let names = |a: &Actor| {
        let mut all = vec![a.name.clone(), a.id.clone()];
        all.extend(a.aliases.iter().cloned());
        all.extend(a.arabic.iter().cloned());
        all.into_iter().map(|n| fold(&n))
    };
    let real: HashSet<String> = real.iter().flat_map(names).collect();
    for seed in [1, 2, 3] {
        let opts = SynthOptions { seed, ..small() };
        for a in synth_actors(&opts) {
            for n in names(&a) {
                assert!(!real.contains(&n), "{n} is a real name");
            }
        }
    }
}

#[test]
fn gazetteer_is_consistent() {
    let actors = synth_actors(&small());
    assert!((30..=200).contains(&actors.len()));
    let ids: HashSet<&str> = actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), actors.len());
    let mut names = HashSet::new();
    for a in &actors {
        for r in &a.relations {
            assert!(ids.contains(r.to.as_str()), "{} -> {}", a.id, r.to);
        }
        assert!(a.affiliations.iter().all(|f| ids.contains(f.as_str())));
        for n in std::iter::once(&a.name).chain(&a.aliases) {
            assert!(names.insert(fold(n)), "{n} names two actors");
        }
    }
    let channels = actors.iter().filter(|a| a.kind == ActorKind::MediaChannel);
    assert!(
        channels
            .clone()
            .filter(|a| a.platform.as_deref() == Some("Telegram"))
            .count()
            >= 8
    );
    assert!(actors.iter().filter(|a| !a.arabic.is_empty()).count() > actors.len() / 3);
    let json = serde_json::to_string_pretty(&actors).unwrap();
    assert_eq!(serde_json::from_str::<Vec<Actor>>(&json).unwrap(), actors);
}

/// The markdown with paragraph-spanning quotes glued back, for substring checks.
fn glued(p: &SynthPiece) -> String {
    let text = p.markdown.replace("\r\n", "\n");
    let mut out = text.clone();
    for open in ["\n\n\n\n\"", "\n\n\n\n\u{201c}", "\n\n\"", "\n\n\u{201c}"] {
        out = out.replace(open, " ");
    }
    out
}

#[test]
fn truth_matches_the_text() {
    let opts = SynthOptions {
        pieces: 60,
        ..small()
    };
    let actors = synth_actors(&opts);
    let ids: HashSet<&str> = actors.iter().map(|a| a.id.as_str()).collect();
    let (mut unknown, mut split, mut figures) = (0, 0, 0);
    for n in 0..opts.pieces {
        let p = synth_piece(&opts, &actors, n);
        let head = head(&opts, &groups_of(&actors), n);
        let text = glued(&p);
        assert!((opts.quotes_per_piece..=opts.quotes_per_piece + 1).contains(&p.truth.len()));
        let texts: HashSet<&str> = p.truth.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts.len(),
            p.truth.len(),
            "statements repeat in {}",
            p.file_name
        );
        for t in &p.truth {
            assert!((6..=40).contains(&word_count(&t.text)), "{}", t.text);
            // Undated quotes take the piece's date; dated ones come before it.
            assert!(
                t.date == head.date || (t.date < head.date && t.date >= add_days(head.date, -90))
            );
            for part in t.text.split(" \u{2026} ") {
                assert!(text.contains(part), "{part:?} not in {}", p.file_name);
            }
            split += usize::from(t.text.contains('\u{2026}'));
            figures += usize::from(t.figure.is_some());
            if let Some(f) = t.figure {
                assert!(text.contains(&format!("Figure {f}: ")));
                assert!(
                    p.markdown.contains(&format!("{}.\n", long_date(t.date)))
                        || p.markdown.contains(&format!("{}.\r\n", long_date(t.date)))
                );
            }
            if !ids.contains(t.speaker.as_str()) {
                unknown += 1;
                assert!(t.speaker.starts_with("abu-") && t.speaker == slug(&t.speaker));
            }
        }
    }
    assert!(unknown > 0 && split > 0 && figures > 0);
}

#[test]
fn pages_read_back_with_the_crate_reader() {
    let opts = small();
    let actors = synth_actors(&opts);
    for n in 0..opts.pieces {
        let p = synth_piece(&opts, &actors, n);
        let (piece, issues) = crate::corpus::page::read_page(&p.markdown, &p.file_name).unwrap();
        assert!(issues.is_empty(), "{}: {issues:?}", p.file_name);
        assert_eq!(format!("{}.md", piece.id), p.file_name);
        assert_eq!(piece.date, Some(head(&opts, &groups_of(&actors), n).date));
        assert!(
            piece
                .lead
                .as_deref()
                .is_some_and(|l| l.starts_with("Generated test data"))
        );
        assert!(piece.arabic_url.is_some() && !piece.authors.is_empty());
        assert!(piece.authors.iter().all(|a| a.bio.is_some()));
        let numbers: Vec<u32> = piece.figures.iter().map(|f| f.number).collect();
        assert_eq!(numbers, (1..=numbers.len() as u32).collect::<Vec<_>>());
        assert!(piece.figures.iter().all(|f| f.date.is_some()));
        for t in p.truth.iter().filter(|t| t.figure.is_some()) {
            let figure = piece.figures.iter().find(|f| Some(f.number) == t.figure);
            assert_eq!(figure.and_then(|f| f.date), Some(t.date));
        }
        assert!(!piece.topics.is_empty() && !piece.regions.is_empty());
    }
}

#[test]
fn styles_vary_across_pieces() {
    let all = pieces(&SynthOptions {
        pieces: 60,
        ..small()
    });
    assert!(all.iter().any(|p| p.markdown.contains('\u{201c}')));
    assert!(all.iter().any(|p| !p.markdown.contains('\u{201c}')));
    assert!(all.iter().any(|p| p.markdown.contains("\r\n")));
    assert!(all.iter().any(|p| !p.markdown.contains('\r')));
    assert!(
        all.iter()
            .any(|p| p.markdown.contains("the spokesman said"))
    );
    assert!(all.iter().any(|p| p.markdown.contains("The group ")));
    assert!(all.iter().any(|p| p.markdown.contains("The channel ")));
    assert!(
        all.iter()
            .any(|p| p.markdown.contains("A post on the Telegram channel "))
    );
}

#[test]
fn zero_quotes_still_gives_a_page() {
    let opts = SynthOptions {
        pieces: 1,
        quotes_per_piece: 0,
        seed: 3,
    };
    let p = synth_piece(&opts, &synth_actors(&opts), 0);
    assert!(p.truth.is_empty());
    assert!(p.markdown.contains("## Brief Analysis") && p.markdown.contains("## TOPICS"));
}

#[test]
fn an_empty_gazetteer_falls_back_to_unknown_speakers() {
    let opts = small();
    let p = synth_piece(&opts, &[], 0);
    assert_eq!(p.truth.len().min(6), 6);
    assert!(p.truth.iter().all(|t| t.speaker.starts_with("abu-")));
}

#[test]
fn write_corpus_writes_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let opts = SynthOptions {
        pieces: 25,
        quotes_per_piece: 4,
        seed: 11,
    };
    let summary = write_corpus(&opts, dir.path()).unwrap();
    assert_eq!(summary.pieces, 25);
    assert!(summary.statements >= 100);
    let files = fs::read_dir(dir.path().join("pieces")).unwrap().count();
    assert_eq!(files, 25);
    let actors: Vec<Actor> =
        serde_json::from_str(&fs::read_to_string(dir.path().join("actors.json")).unwrap()).unwrap();
    assert_eq!(actors.len(), summary.actors);
}
