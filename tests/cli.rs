//! The command line as a user runs it: output, JSON contract, exit codes.

mod common;

use common::{fixture, json_lines, run_cached, spotlight, stdout, synthetic_corpus};

#[test]
fn quotes_json_gives_the_six_seed_statements() {
    let output = spotlight(&["quotes", "--json", "--kind", "statement"]);
    assert_eq!(output.status.code(), Some(0));
    let quotes = json_lines(&output);
    let summary: Vec<(String, String, String, String)> = quotes
        .iter()
        .map(|q| {
            let field = |k: &str| {
                q[k].as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| q[k].to_string())
            };
            (
                field("speaker_id"),
                field("date"),
                field("date_source"),
                field("figure"),
            )
        })
        .collect();
    let want = [
        ("ali-khamenei", "2023-11-01", "text", "1"),
        ("hadi-al-ameri", "2023-10-30", "text", "null"),
        ("hadi-al-ameri", "2023-10-30", "text", "2"),
        ("hadi-al-ameri", "2023-10-30", "text", "2"),
        ("electronic-hashd", "2023-10-30", "figure", "3"),
        ("hadi-al-ameri", "2023-10-10", "text", "null"),
    ];
    let want: Vec<(String, String, String, String)> = want
        .iter()
        .map(|(a, b, c, d)| ((*a).into(), (*b).into(), (*c).into(), (*d).into()))
        .collect();
    assert_eq!(summary, want);
    assert_eq!(quotes[4]["via"], "Telegram");
    assert_eq!(quotes[0]["via"], "Twitter/X");
}

#[test]
fn quote_json_has_every_contract_field() {
    let quotes = json_lines(&spotlight(&["quotes", "--json"]));
    let fields = [
        "id",
        "text",
        "speaker_id",
        "speaker",
        "date",
        "date_source",
        "date_cue",
        "attribution",
        "correction",
        "piece_id",
        "piece_title",
        "paragraph",
        "figure",
        "via",
        "kind",
        "context",
    ];
    for quote in &quotes {
        for field in fields {
            assert!(quote.get(field).is_some(), "{field} missing in {quote}");
        }
    }
    assert!(
        quotes
            .iter()
            .any(|q| q["kind"] == "term" && q["speaker_id"].is_null())
    );
}

#[test]
fn actors_json_counts_statements_per_speaker() {
    let actors = json_lines(&spotlight(&["actors", "--json"]));
    let count = |id: &str| {
        actors
            .iter()
            .find(|a| a["id"] == id)
            .map(|a| a["quote_count"].as_u64())
    };
    assert_eq!(count("hadi-al-ameri"), Some(Some(4)));
    assert_eq!(count("ali-khamenei"), Some(Some(1)));
    assert_eq!(count("electronic-hashd"), Some(Some(1)));
    assert_eq!(count("badr-organization"), Some(Some(0)));
    assert!(actors.len() >= 96);
}

#[test]
fn pieces_json_lists_the_seed_with_its_figures() {
    let pieces = json_lines(&spotlight(&["pieces", "--json"]));
    assert_eq!(pieces.len(), 1);
    assert_eq!(
        pieces[0]["id"],
        "potential-escalation-in-iraq-part-1-khamenei-and-badr"
    );
    assert_eq!(pieces[0]["figures"].as_array().map(Vec::len), Some(3));
    assert_eq!(pieces[0]["quote_count"], 6);
    assert_eq!(pieces[0]["authors"][0]["slug"], "hamdi-malik");
}

#[test]
fn filters_compose_and_nothing_found_exits_1() {
    let ameri = spotlight(&[
        "quotes",
        "--actor",
        "hadi-al-ameri",
        "--since",
        "2023-10-30",
    ]);
    assert_eq!(stdout(&ameri).lines().count(), 3);
    let none = spotlight(&[
        "quotes",
        "--actor",
        "hadi-al-ameri",
        "--until",
        "2020-01-01",
    ]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
}

#[test]
fn unknown_ids_and_bad_dates_exit_2_with_a_message() {
    let bad_actor = spotlight(&["quotes", "--actor", "nobody"]);
    assert_eq!(bad_actor.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_actor.stderr).contains("no actor with id `nobody`"));
    let bad_date = spotlight(&["quotes", "--since", "2023-13-01"]);
    assert_eq!(bad_date.status.code(), Some(2));
}

#[test]
fn check_passes_on_the_bundled_corpus() {
    let output = spotlight(&["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let data = spotlight(&[
        "check",
        "--data",
        concat!(env!("CARGO_MANIFEST_DIR"), "/data"),
    ]);
    assert_eq!(data.status.code(), Some(0), "{}", stdout(&data));
}

#[test]
fn check_reports_every_broken_fixture_with_file_and_line() {
    let output = spotlight(&["check", "--data", fixture("broken").to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    for expected in [
        "actors.json:9: error: duplicate actor id `fictional-front`",
        "actors.json:3: error: actor `fictional-front` refers to `missing-patron`",
        "binary.md:3: error: the file holds NUL bytes",
        "empty.md:1: error: the file is empty",
        "latin1.md:5: error: not valid UTF-8",
        "no-title.md:1: error: no title",
        "truncated.md:1: error: no body text",
        "is already used by",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let syntax = spotlight(&[
        "check",
        "--data",
        fixture("broken-syntax").to_str().expect("path"),
    ]);
    assert_eq!(syntax.status.code(), Some(2));
    assert!(
        stdout(&syntax).contains("actors.json:3: error: column 14"),
        "{}",
        stdout(&syntax)
    );
}

#[test]
fn a_corpus_with_bad_files_still_loads_the_good_ones() {
    let output = spotlight(&[
        "quotes",
        "--data",
        fixture("broken").to_str().expect("path"),
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let quotes = json_lines(&output);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0]["speaker_id"], "fictional-front");
    assert!(String::from_utf8_lossy(&output.stderr).contains("spotlight check"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    // Far more output than a pipe buffer holds, so the writer really meets a closed pipe.
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_str().expect("path");
    let synth = spotlight(&["synth", "--pieces", "300", "--seed", "3", "--out", data]);
    assert_eq!(synth.status.code(), Some(0));
    let mut child = Command::new(env!("CARGO_BIN_EXE_spotlight"))
        .args(["quotes", "--json", "--data", data])
        .env("XDG_CACHE_HOME", common::CACHE_HOME)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    let mut stdout = child.stdout.take().expect("stdout");
    stdout.read_exact(&mut first).expect("read");
    drop(stdout);
    let status = child.wait_with_output().expect("wait");
    assert_eq!(
        status.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(
        status.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn a_corpus_directory_is_cached_and_every_change_is_seen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (data, cache_home) = synthetic_corpus(dir.path(), "5");
    let run = |args: &[&str]| {
        let output = run_cached(&data, &cache_home, args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
        stdout(&output)
    };
    let caches = || {
        std::fs::read_dir(cache_home.join("spotlight"))
            .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_else(|_| Vec::new())
    };
    let loaded = run(&["quotes", "--json"]);
    let written: Vec<_> = caches();
    assert_eq!(written.len(), 1, "one cache file: {written:?}");
    assert_eq!(run(&["quotes", "--json"]), loaded, "from the cache");
    assert_eq!(run(&["--no-cache", "quotes", "--json"]), loaded);
    // Text output reads the cache without the quotes' contexts; JSON output (above) has them.
    let search = ["search", "--plain", "--limit", "0", "kind:statement"];
    let plain = run(&search);
    assert!(!plain.is_empty());
    assert_eq!(plain, run(&[&["--no-cache"], &search[..]].concat()));
    assert_eq!(
        run(&["quotes", "--json"]),
        loaded,
        "after a read without contexts"
    );
    // An imported piece is there on the next run.
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/pieces/potential-escalation-in-iraq-part-1-khamenei-and-badr.md"
    );
    run(&["import", seed]);
    let imported = run(&["quotes", "--json"]);
    assert!(imported.contains("it is time for the international coalition forces"));
    assert_eq!(imported, run(&["--no-cache", "quotes", "--json"]));
    // A damaged cache file is read around, and replaced.
    std::fs::write(&written[0], b"not a cache").expect("damage the cache");
    assert_eq!(run(&["quotes", "--json"]), imported);
    assert!(std::fs::metadata(&written[0]).expect("cache").len() > 100);
    let corpus_caches = caches()
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .count();
    assert_eq!(corpus_caches, 1, "replaced, not added to");
}

#[test]
fn plain_searches_read_the_index_image_a_search_wrote() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (data, cache_home) = synthetic_corpus(dir.path(), "6");
    let run = |args: &[&str]| {
        let output = run_cached(&data, &cache_home, args);
        (output.status.code(), stdout(&output))
    };
    let image = || {
        std::fs::read_dir(cache_home.join("spotlight"))
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "index"))
    };
    let queries = [
        "kind:statement",
        "patience",
        "patience limits response",
        "notrealuly",
        "kind:term",
        "date:2023 !the",
        "fig:",
        "via:telegram",
        "nothing-matches-this-zzz",
    ];
    let plain = |q: &str, cache: bool| {
        let args = ["search", "--plain", "--limit", "0", q];
        if cache {
            run(&args)
        } else {
            run(&[&["--no-cache"], &args[..]].concat())
        }
    };
    let expected: Vec<_> = queries.iter().map(|q| plain(q, false)).collect();
    assert!(expected.iter().filter(|(code, _)| *code == Some(0)).count() >= 5);
    assert_eq!(image(), None, "--no-cache writes nothing");
    assert_eq!(run(&["search", "--limit", "3", "patience"]).0, Some(0));
    let written = image().expect("the first search wrote an image");
    for (q, want) in queries.iter().zip(&expected) {
        assert_eq!(&plain(q, true), want, "{q} from the image");
    }
    // A changed corpus makes the image stale: the search is right and the image rewritten.
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/pieces/potential-escalation-in-iraq-part-1-khamenei-and-badr.md"
    );
    assert_eq!(run(&["import", seed]).0, Some(0));
    let fresh = plain("timetable", false);
    assert!(fresh.1.contains("timetable"));
    let before = std::fs::metadata(&written).expect("image").modified().ok();
    assert_eq!(plain("timetable", true), fresh);
    assert_eq!(plain("timetable", true), fresh, "from the new image");
    assert_ne!(
        std::fs::metadata(&written).expect("image").modified().ok(),
        before
    );
    // A damaged image is read around, and replaced.
    std::fs::write(&written, b"not an image").expect("damage the image");
    assert_eq!(plain("timetable", true), fresh);
    assert!(std::fs::metadata(&written).expect("image").len() > 100);
    assert_eq!(plain("timetable", true), fresh);
}

#[test]
fn help_and_completions_work() {
    let help = spotlight(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("quotes"));
    let completions = spotlight(&["completions", "bash"]);
    assert!(stdout(&completions).contains("spotlight"));
}

#[test]
fn import_copies_atomically_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_str().expect("path");
    let piece = fixture("fictional/pieces/fictional-patterns.md");
    let piece = piece.to_str().expect("path");
    let first = spotlight(&["import", "--data", data, piece]);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let target = dir
        .path()
        .join("pieces/fictional-test-piece-speakers-after-split-quotes-and-captions.md");
    // The page as it was, under front matter that says when it was imported.
    let stored = std::fs::read_to_string(&target).expect("imported");
    let source = std::fs::read_to_string(piece).expect("source");
    let (front, rest) = stored
        .split_once("---\n# ")
        .expect("front matter, then the page");
    assert!(front.starts_with("---\nimported: 20"), "{front}");
    assert_eq!(format!("# {rest}"), source);
    // Again: already present, left as it is (not an error), and said so.
    let kept = std::fs::read(&target).expect("imported");
    let again = spotlight(&["import", "--data", data, piece]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stdout(&again).starts_with("already present"),
        "{}",
        stdout(&again)
    );
    assert_eq!(std::fs::read(&target).expect("still there"), kept);
    let forced = spotlight(&["import", "--data", data, "--force", piece]);
    assert_eq!(forced.status.code(), Some(0));
    assert!(
        stdout(&forced).starts_with("replaced"),
        "{}",
        stdout(&forced)
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("pieces"))
        .expect("dir")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(leftovers.len(), 1, "no temp files left behind");
}

/// A page in a clipper's form (front matter with title, source address, author and dates) is
/// imported with its address, which then reaches `pieces --json`, and the import's own time.
#[test]
fn a_clipped_page_keeps_its_address_and_dates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_str().expect("path");
    let piece = fixture("clipped/clipped-piece.md");
    let imported = spotlight(&["import", "--data", data, piece.to_str().expect("path")]);
    assert_eq!(
        imported.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let pieces = json_lines(&spotlight(&["pieces", "--json", "--data", data]));
    let piece = &pieces[0];
    assert_eq!(piece["title"], "Fictional Test Piece: A Clipped Page");
    assert_eq!(
        piece["url"],
        "https://www.example.org/policy-analysis/fictional-test-piece-a-clipped-page"
    );
    assert_eq!(piece["date"], "2025-03-14");
    assert_eq!(piece["updated"], "2025-03-15");
    assert_eq!(piece["saved"], "2025-03-20T09:15:00Z");
    assert!(
        piece["imported"]
            .as_str()
            .is_some_and(|t| t.starts_with("20"))
    );
    assert_eq!(piece["authors"][0]["name"], "Sami Sampleton");
}

#[test]
fn import_rejects_a_broken_page_and_names_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = fixture("broken/pieces/no-title.md");
    let output = spotlight(&[
        "import",
        "--data",
        dir.path().to_str().expect("path"),
        broken.to_str().expect("path"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-title.md:1: no title"));
}

#[test]
fn an_unreadable_piece_is_reported_with_the_io_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("pieces/a-folder.md")).expect("dir");
    std::os::unix::fs::symlink(
        dir.path().join("nowhere"),
        dir.path().join("pieces/gone.md"),
    )
    .expect("link");
    let output = spotlight(&["check", "--data", dir.path().to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    assert!(
        text.contains("gone.md:1: error: cannot read the file"),
        "{text}"
    );
    assert!(
        text.contains("a-folder.md:1: warning: not a regular file"),
        "{text}"
    );
    assert!(text.contains("no actors.json"), "{text}");
}

#[test]
fn text_output_shows_escape_sequences_from_the_corpus_instead_of_sending_them() {
    let data = fixture("escapes");
    let data = data.to_str().expect("utf-8 path");
    for args in [
        vec!["--data", data, "quotes"],
        vec!["--data", data, "pieces"],
        vec!["--data", data, "actors"],
        vec!["--data", data, "search", "targets"],
        vec!["--data", data, "search", "targets", "--plain"],
        vec!["--data", data, "search", "targets", "--color", "always"],
    ] {
        let output = spotlight(&args);
        let text = stdout(&output);
        assert!(!text.is_empty(), "{args:?}");
        let controls: Vec<char> = text
            .chars()
            .filter(|c| c.is_control() && *c != '\n')
            .filter(|c| !(args.contains(&"always") && *c == '\u{1b}'))
            .collect();
        assert!(controls.is_empty(), "{args:?}: {controls:?} in {text}");
        if args.contains(&"always") {
            assert!(!text.contains("\u{1b}]"), "no OSC from the corpus: {text}");
            assert!(!text.contains("\u{1b}[2J"), "no screen clearing: {text}");
        }
    }
}

#[test]
fn synth_refuses_a_directory_that_is_not_empty_unless_forced() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("actors.json"), "[]").expect("a real corpus");
    let data = dir.path().to_str().expect("path");
    let refused = spotlight(&["synth", "--pieces", "2", "--out", data]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("is not empty (it holds actors.json)"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("actors.json")).expect("kept"),
        "[]"
    );
    let forced = spotlight(&["synth", "--pieces", "2", "--out", data, "--force"]);
    assert_eq!(forced.status.code(), Some(0));
}

#[test]
fn a_directory_that_is_no_corpus_is_an_error_with_a_hint() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pieces = dir.path().join("big").join("pieces");
    std::fs::create_dir_all(&pieces).expect("pieces");
    std::fs::write(pieces.join("a.md"), "# A\n").expect("a page");
    let cases = [
        (pieces.clone(), "did you mean"),
        (dir.path().join("big").join("pieces"), "big/?"),
        (
            dir.path().to_path_buf(),
            "a corpus holds actors.json and pieces/*.md",
        ),
    ];
    for (data, says) in cases {
        let data = data.to_str().expect("path");
        for command in ["pieces", "check"] {
            let output = spotlight(&[command, "--data", data]);
            assert_eq!(output.status.code(), Some(2), "{command} --data {data}");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                stderr.contains("is not a corpus") && stderr.contains(says),
                "{command} --data {data}: {stderr}"
            );
        }
    }
}

#[test]
fn the_config_files_corpus_is_every_commands_corpus() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("config.toml");
    let corpus = fixture("fictional");
    std::fs::write(
        &config,
        format!("data = {:?}\n", corpus.display().to_string()),
    )
    .expect("config");
    let config = config.to_str().expect("path");
    for command in [
        &["pieces"][..],
        &["quotes"],
        &["search", "fictional"],
        &["check"],
    ] {
        let mut args = command.to_vec();
        args.extend(["--config", config]);
        let output = spotlight(&args);
        let text = stdout(&output) + &String::from_utf8_lossy(&output.stderr);
        assert!(
            text.contains("fictional") && !text.contains("Khamenei"),
            "{command:?} searched another corpus:\n{text}"
        );
    }
    // --data still wins over the config.
    let bundled = spotlight(&["pieces", "--config", config, "--data", "data"]);
    assert!(
        stdout(&bundled).contains("Khamenei"),
        "{}",
        stdout(&bundled)
    );
}

#[test]
fn a_malformed_query_or_date_in_a_script_is_an_error_not_a_result() {
    for (args, says) in [
        (
            &["search", "ameri date:2023-13"][..],
            "month 13 does not exist",
        ),
        (
            &["search", "date:2023-02-30"],
            "February 2023 has only 28 days",
        ),
        (
            &["quotes", "--since", "2023-13-01"],
            "month 13 does not exist",
        ),
        (
            &["quotes", "--since", "2023-11-01", "--until", "2023-10-01"],
            "is after --until",
        ),
    ] {
        let output = spotlight(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stdout(&output).is_empty(), "{args:?} printed results");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    let month = spotlight(&[
        "quotes", "--since", "2023-10", "--until", "2023-10", "--json",
    ]);
    assert_eq!(json_lines(&month).len(), 5);
}

#[test]
fn a_fifo_among_the_pieces_is_skipped_with_a_warning_not_waited_on() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().expect("tempdir");
    let (data, cache) = synthetic_corpus(dir.path(), "5");
    let fifo = std::path::Path::new(&data).join("pieces").join("stuck.md");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    for command in ["check", "pieces"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_spotlight"))
            .args([command, "--data", &data])
            .env("XDG_CACHE_HOME", &cache)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while child.try_wait().expect("wait").is_none() {
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                panic!("`{command}` hung on a FIFO");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let output = child.wait_with_output().expect("output");
        assert_eq!(output.status.code(), Some(0), "{command}");
        if command == "check" {
            let text = stdout(&output);
            assert!(
                text.contains("stuck.md:1: warning: not a regular file"),
                "{text}"
            );
        }
    }
}

#[test]
fn the_pieces_count_column_stays_aligned_past_three_digits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_str().expect("path");
    let synth = spotlight(&[
        "synth",
        "--pieces",
        "1",
        "--quotes-per-piece",
        "1000",
        "--out",
        data,
    ]);
    assert_eq!(synth.status.code(), Some(0));
    let small = fixture("fictional/pieces/fictional-patterns.md");
    std::fs::copy(&small, dir.path().join("pieces/small.md")).expect("a small piece");
    let output = spotlight(&["pieces", "--data", data]);
    let text = stdout(&output);
    let columns: Vec<usize> = text
        .lines()
        .map(|line| {
            line.find("  synthetic-")
                .or(line.find("  fictional-"))
                .expect("an id")
        })
        .collect();
    assert_eq!(columns.len(), 2, "{text}");
    assert_eq!(columns[0], columns[1], "{text}");
}

#[test]
fn helps_and_completions_fit_each_command() {
    let synth = stdout(&spotlight(&["synth", "--help"]));
    assert!(
        !synth.contains("--data") && !synth.contains("--no-cache"),
        "{synth}"
    );
    let search = stdout(&spotlight(&["search", "--help"]));
    assert!(search.contains("Global options:\n      --data"), "{search}");
    // Still accepted where it means nothing: scripts pass --data everywhere.
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("corpus");
    let out = out.to_str().expect("path");
    let synth = spotlight(&["synth", "--pieces", "1", "--out", out, "--data", "x"]);
    assert_eq!(synth.status.code(), Some(0));
    let bash = stdout(&spotlight(&["completions", "bash"]));
    let actor = bash.find("--actor)").expect("an --actor case");
    assert!(
        bash[actor..]
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("hadi-al-ameri"))
    );
}
