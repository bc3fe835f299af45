//! Helpers shared by the integration tests: running the real binary, fixture paths.

#![allow(dead_code, clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// A fixture directory under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Where the tests' runs of `spotlight` keep their corpus caches: in the build's temporary
/// directory, never in the user's home.
pub const CACHE_HOME: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache");

/// Runs `spotlight` with `args` and no `SPOTLIGHT_DATA` from the environment.
pub fn spotlight(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_spotlight"))
        .args(args)
        .env_remove("SPOTLIGHT_DATA")
        .env("XDG_CACHE_HOME", CACHE_HOME)
        .output()
        .expect("run spotlight")
}

/// Runs `spotlight` on the corpus `data`, with its caches under `cache_home`.
pub fn run_cached(data: &str, cache_home: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_spotlight"))
        .args(args)
        .args(["--data", data])
        .env_remove("SPOTLIGHT_DATA")
        .env("XDG_CACHE_HOME", cache_home)
        .output()
        .expect("run spotlight")
}

/// A fictional corpus of 30 pieces written under `dir` from `seed`, and a cache home for it.
pub fn synthetic_corpus(dir: &std::path::Path, seed: &str) -> (String, PathBuf) {
    let data = dir.join("corpus").to_string_lossy().into_owned();
    let synth = spotlight(&["synth", "--pieces", "30", "--seed", seed, "--out", &data]);
    assert_eq!(synth.status.code(), Some(0));
    (data, dir.join("cache"))
}

/// Stdout as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Parses stdout as JSON lines.
pub fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}
