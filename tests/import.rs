//! `spotlight import` end to end: saved HTML pages, a page by its address from a local server,
//! directories and a list on standard input, and a piece recognised whatever form it comes in.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::{Command, Stdio};

use common::{CACHE_HOME, fixture, json_lines, spotlight, stdout};

/// A corpus directory with the bundled gazetteer and no pieces yet.
fn empty_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/actors.json");
    std::fs::copy(bundled, dir.path().join("actors.json")).expect("gazetteer");
    dir
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Statement texts and speakers, sorted.
fn statements(data: &str) -> Vec<(String, String)> {
    let mut args = vec!["quotes", "--json"];
    if !data.is_empty() {
        args.extend(["--data", data]);
    }
    let mut found: Vec<(String, String)> = json_lines(&spotlight(&args))
        .into_iter()
        .filter(|q| q["kind"] == "statement")
        .map(|q| {
            (
                q["text"].as_str().unwrap_or_default().to_string(),
                q["speaker"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn the_bundled_piece_saved_as_html_imports_to_its_six_statements_once() {
    let dir = empty_corpus();
    let data = dir.path().to_str().expect("path");
    let html = fixture("html/bundled-piece.html");
    let first = spotlight(&["import", "--data", data, html.to_str().unwrap()]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let bundled = statements("");
    assert_eq!(bundled.len(), 6);
    assert_eq!(statements(data), bundled);
    let pieces = json_lines(&spotlight(&["pieces", "--json", "--data", data]));
    assert_eq!(pieces.len(), 1);
    assert!(
        pieces[0]["url"]
            .as_str()
            .is_some_and(|u| u.starts_with("https://"))
    );
    assert_eq!(pieces[0]["node"], 18456);
    assert!(pieces[0]["saved"].is_string() && pieces[0]["imported"].is_string());
    // The same piece again, as HTML or as the Markdown it was first saved as: already there.
    let again = spotlight(&["import", "--data", data, html.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stdout(&again).starts_with("already present"),
        "{}",
        stdout(&again)
    );
    let markdown = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/pieces/potential-escalation-in-iraq-part-1-khamenei-and-badr.md");
    let as_markdown = spotlight(&["import", "--data", data, markdown.to_str().unwrap()]);
    assert!(
        stdout(&as_markdown).starts_with("already present"),
        "{}",
        stdout(&as_markdown)
    );
    // Forced, it is replaced where it is: still one piece.
    let forced = spotlight(&["import", "--force", "--data", data, html.to_str().unwrap()]);
    assert!(
        stdout(&forced).starts_with("replaced"),
        "{}",
        stdout(&forced)
    );
    assert_eq!(
        std::fs::read_dir(dir.path().join("pieces"))
            .unwrap()
            .count(),
        1
    );
}

/// Serves `page` at `/piece` and a 404 anywhere else, until the test ends.
fn serve(page: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(&stream);
            let mut first = String::new();
            let _ = reader.read_line(&mut first);
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 && line != "\r\n" {
                line.clear();
            }
            let (status, body) = if first.contains(" /piece ") {
                ("200 OK", page.clone())
            } else {
                ("404 Not Found", b"<html>gone</html>".to_vec())
            };
            let mut stream = &stream;
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
        }
    });
    base
}

#[test]
fn a_page_is_imported_by_its_address_and_a_failed_fetch_says_why() {
    let dir = empty_corpus();
    let data = dir.path().to_str().expect("path");
    let page = std::fs::read(fixture("html/series-2024.html")).expect("fixture");
    let base = serve(page);
    let fetched = spotlight(&["import", "--data", data, &format!("{base}/piece")]);
    assert_eq!(fetched.status.code(), Some(0), "{}", stderr(&fetched));
    let pieces = json_lines(&spotlight(&["pieces", "--json", "--data", data]));
    // The page's own canonical address is its address, not where it was fetched from.
    assert!(
        pieces[0]["url"]
            .as_str()
            .is_some_and(|u| u.contains("washingtoninstitute.org")),
        "{}",
        pieces[0]
    );
    let gone = spotlight(&["import", "--data", data, &format!("{base}/gone")]);
    assert_eq!(gone.status.code(), Some(2));
    let why = stderr(&gone);
    assert!(why.contains("/gone: the server answered 404"), "{why}");
    let not_web = spotlight(&["import", "--data", data, "ftp://example.org/x"]);
    assert_eq!(not_web.status.code(), Some(2));
    assert!(
        stderr(&not_web).contains("not a web address"),
        "{}",
        stderr(&not_web)
    );
}

#[test]
fn single_file_saves_import_to_the_statements_of_the_page_inside() {
    for (single, page, saved) in [
        (
            "mhtml/series-2024.mhtml",
            "html/series-2024.html",
            "2024-02-13T16:05:09Z",
        ),
        (
            "mhtml/windows-1256.mht",
            "html/windows-1256.html",
            "2024-11-21T05:00:00Z",
        ),
    ] {
        let (from_single, from_page) = (empty_corpus(), empty_corpus());
        let (single_data, page_data) = (
            from_single.path().to_str().expect("path"),
            from_page.path().to_str().expect("path"),
        );
        for (data, file) in [(single_data, single), (page_data, page)] {
            let path = fixture(file);
            let out = spotlight(&["import", "--data", data, path.to_str().unwrap()]);
            assert_eq!(out.status.code(), Some(0), "{file}: {}", stderr(&out));
        }
        let found = statements(single_data);
        assert!(!found.is_empty(), "{single}");
        assert_eq!(found, statements(page_data), "{single}");
        let pieces = json_lines(&spotlight(&["pieces", "--json", "--data", single_data]));
        let as_page = json_lines(&spotlight(&["pieces", "--json", "--data", page_data]));
        assert_eq!(pieces[0]["url"], as_page[0]["url"], "{single}");
        assert_eq!(
            pieces[0]["saved"], saved,
            "{single}: saved when the message says"
        );
    }
    // A message that holds no page is refused in one line that names the file.
    let dir = empty_corpus();
    let data = dir.path().to_str().expect("path");
    let mail = dir.path().join("letter.mhtml");
    std::fs::write(
        &mail,
        "Subject: hi\r\nContent-Type: text/plain\r\n\r\nhello\r\n",
    )
    .unwrap();
    let refused = spotlight(&["import", "--data", data, mail.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    let why = stderr(&refused);
    assert!(
        why.lines()
            .any(|l| l.contains("letter.mhtml: the single-file save cannot be read")),
        "{why}"
    );
}

#[test]
fn a_directory_and_a_list_on_stdin() {
    let dir = empty_corpus();
    let data = dir.path().to_str().expect("path");
    let pages = fixture("html");
    let all = spotlight(&["import", "--data", data, pages.to_str().unwrap()]);
    assert_eq!(all.status.code(), Some(0), "{}", stderr(&all));
    assert!(
        stderr(&all).contains("7 imported, 0 replaced, 0 already present"),
        "{}",
        stderr(&all)
    );
    let list = format!(
        "# two of them again\n{}\n{}\n",
        pages.join("generic-news.html").display(),
        pages.join("windows-1256.html").display()
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_spotlight"))
        .args(["import", "--data", data, "-"])
        .env("XDG_CACHE_HOME", CACHE_HOME)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(list.as_bytes())
        .unwrap();
    let again = child.wait_with_output().expect("ran");
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("0 imported, 0 replaced, 2 already present"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn actors_the_gazetteer_does_not_know_are_listed_after_an_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_str().expect("path");
    std::fs::copy(fixture("html/actors.json"), dir.path().join("actors.json")).expect("gazetteer");
    let imported = spotlight(&["import", "--data", data, fixture("html").to_str().unwrap()]);
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    let said = stderr(&imported);
    assert!(said.contains("actors --unknown"), "{said}");
    let listed = json_lines(&spotlight(&[
        "actors",
        "--unknown",
        "--json",
        "--data",
        data,
    ]));
    assert!(!listed.is_empty());
    for actor in &listed {
        assert!(
            actor["mentions"].as_u64().is_some() && actor["pieces"].is_array(),
            "{actor}"
        );
    }
    // The stubs are gazetteer entries the loader takes.
    let stubs = spotlight(&["actors", "--unknown", "--stubs", "--data", data]);
    let entries: serde_json::Value = serde_json::from_slice(&stubs.stdout).expect("a JSON array");
    let first = &entries[0];
    assert_eq!(first["unconfirmed"][0], "*");
    assert!(
        first["kind"].is_string() && first["name"].is_string(),
        "{first}"
    );
}
