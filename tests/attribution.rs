//! Quote attribution on annotated pieces the extractor was not written from: the development
//! set beside the repository (`../shared/eval`) and the project's own sets
//! (`tests/attribution`, `tests/attribution-blind`). Each must come out at least 95% right
//! (speaker, date, figure and kind together), with no term leaked as a statement and no
//! statement invented.

#![allow(clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use spotlight::corpus::load::bundled_actors;
use spotlight::eval::{Report, evaluate, read_set};

fn report(dir: &Path) -> Report {
    let (truth, pieces) = read_set(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    evaluate(&truth, bundled_actors(), pieces)
}

fn assert_holds(dir: &Path) {
    let report = report(dir);
    eprintln!("{}\n{}", dir.display(), report.verbose());
    assert!(
        report.percent_right() >= 95.0,
        "{}: {:.1}% right",
        dir.display(),
        report.percent_right()
    );
    assert!(
        report.leaked.is_empty(),
        "terms leaked: {:?}",
        report.leaked
    );
    assert!(
        report.invented.is_empty(),
        "invented: {:?}",
        report.invented
    );
}

#[test]
fn the_projects_own_annotated_pieces_come_out_right() {
    assert_holds(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/attribution"));
}

#[test]
fn the_pieces_written_blind_come_out_right() {
    assert_holds(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/attribution-blind"));
}

#[test]
fn the_development_set_comes_out_right() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    // The set lives beside the repository, as CI and every session have it; a checkout
    // without it cannot run this test, and says so rather than passing.
    assert!(
        dir.join("truth.json").exists(),
        "{} is missing: the development set sits beside the repository",
        dir.display()
    );
    assert_holds(&dir);
}

#[test]
fn eval_prints_per_field_and_per_pattern_figures() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/attribution");
    let out = common::spotlight(&["eval", dir]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for line in [
        "found",
        "speaker",
        "date",
        "figure",
        "all right",
        "terms leaked",
        "per pattern",
        "bulleted-list",
    ] {
        assert!(text.contains(line), "{line} missing:\n{text}");
    }
    let bad = common::spotlight(&["eval", "/nonexistent"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("/nonexistent/truth.json"));
}
