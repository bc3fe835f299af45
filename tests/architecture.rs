//! The house rules a build can check: no two modules import each other, no module imports one
//! of a higher layer, and no source file holds more than 400 lines before its tests.

#![allow(clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules from the lowest layer up: each may use only those before it.
const LAYERS: [&str; 19] = [
    "xdg",
    "atomic",
    "positioned",
    "printable",
    "desk",
    "corpus",
    "synth",
    "eval",
    "index",
    "store",
    "export",
    "import",
    "search",
    "app",
    "ui",
    "front",
    "tui",
    "serve",
    "cli",
];

/// The most lines a source file may hold before its `#[cfg(test)]` module.
const MAX_LINES: usize = 400;

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source directory") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a source file (`src/index/image/mod.rs` → `index::image`).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file
        .strip_prefix(src)
        .expect("under src")
        .with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    if parts == ["lib"] || parts == ["main"] {
        parts.clear();
    }
    parts
}

/// The code of a file without its test module and without comments.
fn code(text: &str) -> String {
    let before_tests = text.split("#[cfg(test)]").next().unwrap_or(text);
    before_tests
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths a file's code names with `crate::`, `super::` or `self::`.
fn references(module: &[String], code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start).map(|i| i + from) {
            from = at + start.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let path: String = code[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let mut segments = path.split("::").filter(|s| !s.is_empty());
            let mut base: Vec<String> = match segments.next() {
                Some("crate") => Vec::new(),
                Some("self") => module.to_vec(),
                _ => module[..module.len().saturating_sub(1)].to_vec(),
            };
            let mut rest: Vec<&str> = segments.collect();
            while rest.first() == Some(&"super") {
                base.pop();
                rest.remove(0);
            }
            base.extend(rest.iter().map(|s| (*s).to_string()));
            found.push(base);
        }
    }
    found
}

#[test]
fn no_module_imports_one_that_imports_it_and_layers_point_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    // Sibling modules (same parent) each file's code reaches.
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in files.iter().filter(|f| !f.ends_with("tests.rs")) {
        let module = module_of(&src, file);
        let text = std::fs::read_to_string(file).expect("readable");
        for target in references(&module, &code(&text)) {
            let shared = module
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if shared < module.len() && shared < target.len() {
                edges
                    .entry(module[..=shared].to_vec())
                    .or_default()
                    .insert(target[..=shared].to_vec());
            }
        }
    }
    let mut problems = Vec::new();
    for (from, tos) in &edges {
        for to in tos {
            if from < to && edges.get(to).is_some_and(|back| back.contains(from)) {
                problems.push(format!(
                    "{} and {} import each other",
                    from.join("::"),
                    to.join("::")
                ));
            }
            let rank = |m: &[String]| LAYERS.iter().position(|l| m.len() == 1 && m[0] == *l);
            if let (Some(a), Some(b)) = (rank(from), rank(to))
                && b > a
            {
                problems.push(format!("{} (lower) uses {}", from[0], to[0]));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_source_file_holds_more_than_400_lines_before_its_tests() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut long = Vec::new();
    for file in files.iter().filter(|f| !f.ends_with("tests.rs")) {
        let text = std::fs::read_to_string(file).expect("readable");
        let lines = text
            .split("#[cfg(test)]")
            .next()
            .unwrap_or(&text)
            .lines()
            .count();
        if lines > MAX_LINES {
            long.push(format!("{}: {lines} lines", file.display()));
        }
    }
    assert!(long.is_empty(), "{}", long.join("\n"));
}

#[test]
fn every_top_level_module_has_a_layer() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("lib.rs");
    for line in lib.lines() {
        if let Some(name) = line
            .strip_prefix("pub mod ")
            .and_then(|l| l.strip_suffix(';'))
        {
            assert!(LAYERS.contains(&name), "{name} is in no layer");
        }
    }
}
