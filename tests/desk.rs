//! The desk from the command line: collections, notes, export, timelines, backups, and a desk
//! that survives `kill -9` in the middle of its writes.

#![allow(clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use common::{CACHE_HOME, json_lines, stdout};
use spotlight::desk::Desk;

/// Runs `spotlight` on the bundled corpus with the desk at `desk`.
fn run(desk: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_spotlight"))
        .args(args)
        .arg("--desk")
        .arg(desk)
        .env_remove("SPOTLIGHT_DATA")
        .env_remove("SPOTLIGHT_DESK")
        .env("XDG_CACHE_HOME", CACHE_HOME)
        .output()
        .expect("run spotlight")
}

fn ok(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout(output)
}

const KHAMENEI: &str = "potential-escalation-in-iraq-part-1-khamenei-and-badr/ff1002a8";

#[test]
fn a_collection_built_from_a_query_and_an_id_lists_exports_and_backs_up() {
    let dir = tempfile::tempdir().expect("dir");
    let desk = dir.path().join("desk.sqlite");
    let added = ok(&run(&desk, &["collect", "KH threats", "@ameri"]));
    assert!(
        added.starts_with("added 4 quotes to `KH threats`"),
        "{added}"
    );
    ok(&run(&desk, &["collect", "KH threats", "--id", KHAMENEI]));
    let unknown = run(&desk, &["collect", "KH threats", "--id", "no/such"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no quote `no/such`"));
    ok(&run(
        &desk,
        &[
            "note",
            KHAMENEI,
            "frames the war as faith against falsehood",
        ],
    ));

    let listed = json_lines(&run(&desk, &["collections", "--json"]));
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0]["name"].as_str(), listed[0]["count"].as_u64()),
        (Some("KH threats"), Some(5))
    );
    let quotes = json_lines(&run(&desk, &["collection", "KH threats", "--json"]));
    assert_eq!(quotes.len(), 5);
    assert!(quotes[..4].iter().all(|q| q["speaker"] == "Hadi al-Ameri"));
    assert_eq!(quotes[4]["id"], KHAMENEI);
    assert_eq!(
        quotes[4]["note"],
        "frames the war as faith against falsehood"
    );
    assert!(quotes.iter().all(|q| q["in_corpus"] == true));
    let notes = json_lines(&run(&desk, &["notes", "--json", "FAITH"]));
    assert_eq!(notes.len(), 1);

    let brief = ok(&run(&desk, &["export", "KH threats", "--format", "md"]));
    assert!(brief.starts_with("# KH threats\n\n5 statements"), "{brief}");
    assert!(brief.contains("**Note:** frames the war"), "{brief}");
    let csl_file = dir.path().join("brief.json");
    let csl_path = csl_file.to_string_lossy().into_owned();
    ok(&run(
        &desk,
        &["export", "KH threats", "-f", "csl-json", "--out", &csl_path],
    ));
    let items =
        citeworks_csl::from_slice(&std::fs::read(&csl_file).expect("written")).expect("CSL-JSON");
    assert_eq!(items.len(), 6, "the piece and five statements");
    let bad = run(&desk, &["export", "KH threats", "--format", "docx"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("csl-json"));

    let backup = dir.path().join("backup.json");
    let backup_path = backup.to_string_lossy().into_owned();
    ok(&run(&desk, &["desk", "export", "--out", &backup_path]));
    let other = dir.path().join("other.sqlite");
    ok(&run(&other, &["desk", "import", &backup_path]));
    assert_eq!(
        json_lines(&run(&other, &["collection", "KH threats", "--json"])),
        quotes
    );

    ok(&run(
        &desk,
        &["collection", "KH threats", "--remove", KHAMENEI],
    ));
    ok(&run(
        &desk,
        &["collection", "KH threats", "--rename", "Badr"],
    ));
    assert_eq!(
        json_lines(&run(&desk, &["collection", "Badr", "--json"])).len(),
        4
    );
    let gone = run(&desk, &["collection", "KH threats"]);
    assert_eq!(gone.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&gone.stderr).contains("no collection named `KH threats`"));
    ok(&run(&desk, &["collection", "Badr", "--delete"]));
    assert_eq!(run(&desk, &["collections"]).status.code(), Some(1));
}

#[test]
fn a_timeline_counts_per_period_with_gaps_as_json_lines_or_text() {
    let dir = tempfile::tempdir().expect("dir");
    let desk = dir.path().join("desk.sqlite");
    let weeks = json_lines(&run(
        &desk,
        &["timeline", "@ameri", "--by", "week", "--json"],
    ));
    let periods: Vec<(&str, u64)> = weeks
        .iter()
        .map(|w| {
            (
                w["period"].as_str().expect("period"),
                w["count"].as_u64().expect("count"),
            )
        })
        .collect();
    assert_eq!(
        periods,
        [
            ("2023-W41", 1),
            ("2023-W42", 0),
            ("2023-W43", 0),
            ("2023-W44", 3)
        ]
    );
    assert_eq!(ok(&run(&desk, &["timeline", "@ameri"])), "2023-10\t4\n");
    let none = run(&desk, &["timeline", "'nothing-like-this"]);
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn a_name_with_escape_sequences_is_shown_never_obeyed() {
    let dir = tempfile::tempdir().expect("dir");
    let desk = dir.path().join("desk.sqlite");
    // Refused as a name of a collection or a saved search, and said with the escape visible.
    let name = "evil\u{1b}]52;c;eA==\u{7}";
    for args in [
        vec!["collect", name, "@ameri"],
        vec!["searches", "--save", name, "ameri"],
        vec!["collection", "gone\u{1b}[2J", "--delete"],
    ] {
        let refused = run(&desk, &args);
        assert_eq!(refused.status.code(), Some(2), "{args:?}");
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(
            said.contains('\u{241b}') && !said.contains('\u{1b}') && !said.contains('\u{7}'),
            "{said}"
        );
    }
}

#[test]
fn saved_searches_say_and_print_what_came_in_since_each_was_last_run() {
    let dir = tempfile::tempdir().expect("dir");
    let desk = dir.path().join("desk.sqlite");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("pieces")).expect("pieces/");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::copy(data.join("actors.json"), corpus.join("actors.json")).expect("gazetteer");
    let corpus = corpus.to_str().expect("path");
    let none = run(&desk, &["searches", "--data", corpus]);
    assert_eq!(none.status.code(), Some(1));
    let saved = ok(&run(
        &desk,
        &["searches", "--data", corpus, "--save", "drones", "drone"],
    ));
    assert!(saved.starts_with("saved `drones`: 0 quotes"), "{saved}");
    // A piece comes in: its matching quotes are new for the search, once.
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html/series-2024.html");
    let page = page.to_str().expect("path");
    ok(&run(&desk, &["import", "--data", corpus, page]));
    let listed = run(&desk, &["searches", "--json", "--data", corpus]);
    ok(&listed);
    let listed = json_lines(&listed);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["name"], "drones");
    let new = listed[0]["new"].as_u64().expect("a count");
    assert!(new > 0, "{}", listed[0]);
    let quotes = run(&desk, &["searches", "--new", "--json", "--data", corpus]);
    ok(&quotes);
    let quotes = json_lines(&quotes);
    assert_eq!(quotes.len() as u64, new);
    assert!(
        quotes
            .iter()
            .all(|q| q["search"] == "drones" && q["id"].is_string())
    );
    let again = run(&desk, &["searches", "--new", "drones", "--data", corpus]);
    assert_eq!(again.status.code(), Some(1), "nothing new the second time");
    // A query saved from the browser with a part that does not parse: said, the rest runs.
    Desk::open(&desk)
        .expect("the desk")
        .save_search("broken", "date:2023-13 drone")
        .expect("saved");
    let listed = run(&desk, &["searches", "--data", corpus]);
    let said = String::from_utf8_lossy(&listed.stderr);
    assert!(
        said.contains("saved search `broken`: date:2023-13"),
        "{said}"
    );
    let listed = ok(&listed);
    assert!(
        listed.contains("broken") && listed.contains("drones"),
        "{listed}"
    );
    ok(&run(&desk, &["searches", "--forget", "drones"]));
    let gone = run(&desk, &["searches", "--forget", "drones"]);
    assert_eq!(gone.status.code(), Some(2));
}

/// A desk backup of `entries` quotes in the collection `name`, all fictional.
fn batch(name: &str, entries: usize) -> String {
    let entries: Vec<serde_json::Value> = (0..entries)
        .map(|i| {
            serde_json::json!({
                "quote": format!("fictional-piece/{i:08x}"),
                "text": format!("fictional words {i}"),
                "added": "2026-01-01T00:00:00Z",
            })
        })
        .collect();
    serde_json::json!({
        "kind": "spotlight-desk",
        "format": 1,
        "collections": [{"name": name, "created": "2026-01-01T00:00:00Z", "entries": entries}],
        "notes": [],
        "searches": [],
    })
    .to_string()
}

#[test]
fn kill_9_in_the_middle_of_writes_loses_and_breaks_nothing() {
    const ENTRIES: usize = 2000;
    let dir = tempfile::tempdir().expect("dir");
    let desk = dir.path().join("desk.sqlite");
    let mut seed: u64 = std::process::id().into();
    let mut kept = Vec::new();
    let mut killed = 0;
    for round in 0..200 {
        let name = format!("batch {round}");
        let file = dir.path().join(format!("batch-{round}.json"));
        std::fs::write(&file, batch(&name, ENTRIES)).expect("written");
        let mut child = Command::new(env!("CARGO_BIN_EXE_spotlight"))
            .args(["desk", "import"])
            .arg(&file)
            .arg("--desk")
            .arg(&desk)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawned");
        // A pseudo-random moment from start-up to past the commit: 0 to 40 ms.
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        std::thread::sleep(Duration::from_micros((seed >> 33) % 40_000));
        let _ = child.kill();
        let status = child.wait().expect("reaped");
        if status.success() {
            kept.push(name.clone());
        } else {
            killed += 1;
        }
        let check = Desk::open(&desk).expect("the desk opens after every kill");
        assert_eq!(check.check().expect("checked"), ["ok"], "round {round}");
        let collections = check.collections().expect("listed");
        for collection in &collections {
            assert_eq!(
                collection.count, ENTRIES,
                "round {round}: {collection:?} is half written"
            );
        }
        for name in &kept {
            assert!(
                collections.iter().any(|c| &c.name == name),
                "round {round}: {name}, written before, is lost"
            );
        }
        std::fs::remove_file(&file).expect("removed");
    }
    eprintln!("{killed} of 200 runs killed, {} finished", kept.len());
    assert!(
        killed >= 20,
        "only {killed} of 200 runs were killed: the test proves little"
    );
    assert!(
        !kept.is_empty(),
        "no run finished: the kills all came too early"
    );
}
