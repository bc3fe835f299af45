//! Saved HTML pages through the HTML reader and the real loader: each fixture under
//! `tests/fixtures/html/` is read, its Markdown written into a temporary corpus and loaded,
//! and its truth file (`<name>.truth.json`) says which statements, speakers and dates must
//! come out and which teaser quotes must not.

#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};

use serde::Deserialize;
use spotlight::corpus::html::{self, HtmlPage, Reader};
use spotlight::corpus::{Corpus, QuoteKind};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html")
}

/// What a fixture must come out as.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Truth {
    reader: String,
    title: String,
    url: Option<String>,
    node: Option<u64>,
    saved_from: Option<String>,
    site: Option<String>,
    date: String,
    updated: Option<String>,
    authors: Vec<String>,
    statements: Vec<Statement>,
    /// Words of teaser cards and chrome that must appear in no quote or paragraph.
    absent: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Statement {
    text: String,
    speaker: String,
    date: String,
}

/// Reads a fixture, writes its Markdown into a fresh corpus beside `actors`, and loads it.
fn import(file: &str, actors: &Path) -> (HtmlPage, Corpus, tempfile::TempDir) {
    let bytes = std::fs::read(fixtures().join(file)).expect("the fixture");
    let page = html::read(&bytes, Some(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let dir = tempfile::tempdir().expect("a temporary corpus");
    std::fs::create_dir(dir.path().join("pieces")).expect("pieces/");
    std::fs::copy(actors, dir.path().join("actors.json")).expect("actors.json");
    let name = file.trim_end_matches(".html");
    std::fs::write(dir.path().join(format!("pieces/{name}.md")), &page.markdown)
        .expect("the piece");
    let corpus = Corpus::load_dir(dir.path()).expect("the corpus loads");
    (page, corpus, dir)
}

/// The statements of a corpus as (text, speaker, date).
fn statements(corpus: &Corpus) -> Vec<(String, String, String)> {
    corpus
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Statement)
        .map(|q| {
            let speaker = q.speaker.clone().unwrap_or_default();
            let date = q.date.map(|d| d.to_string()).unwrap_or_default();
            (q.text.clone(), speaker, date)
        })
        .collect()
}

fn check(file: &str, actors: &Path) {
    let truth_path = fixtures().join(file.replace(".html", ".truth.json"));
    let truth: Truth = serde_json::from_str(&std::fs::read_to_string(&truth_path).expect("truth"))
        .unwrap_or_else(|e| panic!("{}: {e}", truth_path.display()));
    let (page, corpus, _dir) = import(file, actors);
    let meta = &page.meta;
    let reader = match meta.reader {
        Reader::Series => "series",
        Reader::Generic => "generic",
        Reader::Readability => "readability",
    };
    assert_eq!(reader, truth.reader, "{file}: reader");
    assert_eq!(meta.title, truth.title, "{file}: title");
    assert_eq!(meta.url, truth.url, "{file}: url");
    assert_eq!(meta.node, truth.node, "{file}: node");
    assert_eq!(meta.saved_from, truth.saved_from, "{file}: saved-from");
    assert_eq!(meta.site, truth.site, "{file}: site");
    assert_eq!(meta.authors, truth.authors, "{file}: authors");
    let published = meta.published.map(|d| d.to_string());
    assert_eq!(
        published.as_deref(),
        Some(truth.date.as_str()),
        "{file}: date"
    );
    let updated = meta.updated.map(|d| d.to_string());
    assert_eq!(updated, truth.updated, "{file}: updated");
    let problems: Vec<String> = corpus.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        corpus.pieces.len(),
        1,
        "{file}: {problems:?}\n{}",
        page.markdown
    );
    let piece = &corpus.pieces[0];
    assert_eq!(piece.title, truth.title, "{file}: the piece's title");
    let date = piece.date.map(|d| d.to_string());
    assert_eq!(
        date.as_deref(),
        Some(truth.date.as_str()),
        "{file}: the piece's date"
    );
    let got = statements(&corpus);
    for want in &truth.statements {
        let found = got.iter().find(|(text, _, _)| *text == want.text);
        let Some((_, speaker, date)) = found else {
            panic!(
                "{file}: no statement {:?}\ngot {got:#?}\n{}",
                want.text, page.markdown
            );
        };
        assert_eq!(speaker, &want.speaker, "{file}: speaker of {:?}", want.text);
        assert_eq!(date, &want.date, "{file}: date of {:?}", want.text);
    }
    assert_eq!(
        got.len(),
        truth.statements.len(),
        "{file}: statements beyond the truth: {got:#?}"
    );
    for words in &truth.absent {
        assert!(
            !page.markdown.contains(words.as_str()),
            "{file}: {words:?} leaked"
        );
        assert!(
            corpus
                .quotes
                .iter()
                .all(|q| !q.text.contains(words.as_str())),
            "{file}: {words:?} became a quote"
        );
    }
}

fn fictional_actors() -> PathBuf {
    fixtures().join("actors.json")
}

#[test]
fn the_bundled_piece_written_as_html_gives_the_same_six_statements() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let saved = Corpus::load_dir(&data).expect("the bundled corpus");
    let (page, from_html, _dir) = import("bundled-piece.html", &data.join("actors.json"));
    let want = statements(&saved);
    assert_eq!(want.len(), 6, "{want:#?}");
    assert_eq!(statements(&from_html), want, "{}", page.markdown);
    let (a, b) = (&saved.pieces[0], &from_html.pieces[0]);
    assert_eq!(b.title, a.title);
    assert_eq!(b.id, a.id);
    assert_eq!(b.date, a.date);
    assert_eq!(b.authors, a.authors);
    assert_eq!(b.arabic_url, a.arabic_url);
    assert_eq!(b.lead, a.lead);
    assert_eq!(b.series, a.series);
    assert_eq!(b.topics, a.topics);
    assert_eq!(b.regions, a.regions);
    assert_eq!(b.figures, a.figures);
    assert_eq!(page.meta.node, Some(18456));
}

#[test]
fn the_bundled_piece_written_as_html_matches_its_truth() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    check("bundled-piece.html", &data.join("actors.json"));
}

#[test]
fn an_older_series_layout_imports_with_its_statements() {
    check("series-2021.html", &fictional_actors());
}

#[test]
fn a_newer_series_layout_imports_with_both_dates_and_no_teaser_quotes() {
    check("series-2024.html", &fictional_actors());
}

#[test]
fn a_page_saved_complete_with_heavy_chrome_keeps_only_the_article() {
    check("saved-complete.html", &fictional_actors());
}

#[test]
fn a_news_article_imports_through_the_generic_reader() {
    check("generic-news.html", &fictional_actors());
}

#[test]
fn a_think_tank_article_imports_through_the_generic_reader() {
    check("generic-thinktank.html", &fictional_actors());
}

#[test]
fn a_windows_1256_page_decodes_and_imports() {
    check("windows-1256.html", &fictional_actors());
}
