//! Corrections end to end: an analyst writes `corrections.toml` beside the pieces, the next
//! run applies it (through the cache), `check` is clean, and once the page's words change the
//! entry is reported stale instead of being applied to the wrong quote.

#![allow(clippy::expect_used)]

mod common;

use std::path::Path;

use common::{json_lines, run_cached, stdout};

const PIECE: &str = "potential-escalation-in-iraq-part-1-khamenei-and-badr.md";

/// A corpus directory holding the bundled gazetteer and piece.
fn corpus(dir: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::create_dir_all(dir.join("pieces")).expect("pieces");
    std::fs::copy(root.join("actors.json"), dir.join("actors.json")).expect("actors");
    std::fs::copy(
        root.join("pieces").join(PIECE),
        dir.join("pieces").join(PIECE),
    )
    .expect("piece");
    dir.to_string_lossy().into_owned()
}

#[test]
fn a_correction_is_applied_then_reported_stale_when_the_page_changes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = corpus(&tmp.path().join("corpus"));
    let cache = tmp.path().join("cache");
    let quotes = json_lines(&run_cached(&data, &cache, &["quotes", "--json"]));
    let electronic = quotes
        .iter()
        .find(|q| q["speaker_id"] == "electronic-hashd")
        .expect("the Electronic Hashd caption quote");
    let id = electronic["id"].as_str().expect("id").to_string();
    assert!(electronic["correction"].is_null());

    let corrections = format!(
        "# Corrections by the analysts of this desk.\n\n[[correction]]\nquote = \"{id}\"\ntext = \"The statement of the secretary-general\"\nspeaker = \"badr-organization\"\ndate = 2023-10-31\nby = \"A. Analyst\"\non = 2026-12-06\nwhy = \"The channel relays Badr's own statement.\"\n"
    );
    std::fs::write(Path::new(&data).join("corrections.toml"), corrections).expect("written");
    let quotes = json_lines(&run_cached(&data, &cache, &["quotes", "--json"]));
    let fixed = quotes
        .iter()
        .find(|q| q["id"] == id.as_str())
        .expect("still there");
    assert_eq!(fixed["speaker_id"], "badr-organization");
    assert_eq!(fixed["date"], "2023-10-31");
    assert_eq!(fixed["attribution"]["by"], "corrected");
    assert_eq!(fixed["correction"]["by"], "A. Analyst");
    assert_eq!(fixed["correction"]["on"], "2026-12-06");
    let found = run_cached(&data, &cache, &["search", "by:corrected", "--json"]);
    assert_eq!(json_lines(&found).len(), 1, "{}", stdout(&found));
    let check = run_cached(&data, &cache, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(
        !stdout(&check).contains("corrections.toml"),
        "{}",
        stdout(&check)
    );

    // The page is edited: the quote's words change, so its id does, and the entry is stale.
    let page = Path::new(&data).join("pieces").join(PIECE);
    let text = std::fs::read_to_string(&page).expect("page");
    let edited = text.replace(
        "today constitutes a turning point",
        "now constitutes a turning point",
    );
    assert_ne!(edited, text);
    std::fs::write(&page, edited).expect("edited");
    let check = run_cached(&data, &cache, &["check"]);
    let report = stdout(&check);
    assert!(
        report.contains("corrections.toml:3: warning: stale correction"),
        "{report}"
    );
    let quotes = json_lines(&run_cached(&data, &cache, &["quotes", "--json"]));
    let relayed = quotes
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .is_some_and(|t| t.contains("now constitutes"))
        })
        .expect("the edited quote");
    assert_eq!(
        relayed["speaker_id"], "electronic-hashd",
        "not applied to the new words"
    );
    assert!(relayed["correction"].is_null());
}

#[test]
fn an_unknown_actor_in_a_correction_fails_check_with_its_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = corpus(&tmp.path().join("corpus"));
    let cache = tmp.path().join("cache");
    let quotes = json_lines(&run_cached(&data, &cache, &["quotes", "--json"]));
    let id = quotes[0]["id"].as_str().expect("id").to_string();
    let corrections = format!(
        "[[correction]]\nquote = \"{id}\"\nspeaker = \"no-such-actor\"\nby = \"A\"\nwhy = \"test\"\n"
    );
    std::fs::write(Path::new(&data).join("corrections.toml"), corrections).expect("written");
    let check = run_cached(&data, &cache, &["check"]);
    assert_eq!(check.status.code(), Some(2));
    assert!(
        stdout(&check).contains("corrections.toml:1: error: unknown actor `no-such-actor`"),
        "{}",
        stdout(&check)
    );
}
