//! What an import is given, spelled out: files, directories (every saved page under them),
//! web addresses, and `-` for a list of paths or addresses on standard input, one a line.

use std::io::BufRead;
use std::path::{Path, PathBuf};

/// One page to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A saved page on disk.
    File(PathBuf),
    /// A page to fetch.
    Url(String),
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::File(path) => write!(f, "{}", path.display()),
            Self::Url(url) => f.write_str(url),
        }
    }
}

/// The file names an import reads in a directory: saved pages in Markdown, HTML or MHTML.
const PAGE_EXTENSIONS: [&str; 6] = ["md", "markdown", "html", "htm", "mhtml", "mht"];

/// Whether `path` names a page an import reads.
#[must_use]
pub fn is_page(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PAGE_EXTENSIONS.iter().any(|p| e.eq_ignore_ascii_case(p)))
}

/// The sources `given` names, in order: `-` is replaced by the lines of `stdin` (blank lines
/// and `#` comments skipped), a directory by the pages under it (sorted; the `_files` folders
/// browsers save beside a page are not pages). A name that is neither an address nor an
/// existing file or directory is kept as a file, whose reading then fails with its reason.
pub fn sources(given: &[String], stdin: &mut dyn BufRead) -> std::io::Result<Vec<Source>> {
    let mut out = Vec::new();
    for item in given {
        if item == "-" {
            for line in stdin.lines() {
                let line = line?;
                let line = line.trim();
                if !line.is_empty() && !line.starts_with('#') {
                    push(line, &mut out);
                }
            }
        } else {
            push(item, &mut out);
        }
    }
    Ok(out)
}

fn push(item: &str, out: &mut Vec<Source>) {
    let lower = item.to_ascii_lowercase();
    if lower.contains("://") {
        out.push(Source::Url(item.to_string()));
        return;
    }
    let path = PathBuf::from(item);
    if path.is_dir() {
        let mut found = Vec::new();
        walk(&path, &mut found);
        found.sort();
        out.extend(found.into_iter().map(Source::File));
    } else {
        out.push(Source::File(path));
    }
}

/// Every page under `dir`, recursively, leaving out hidden entries and `_files` folders.
fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(kind) if kind.is_dir() && !name.ends_with("_files") => walk(&path, found),
            Ok(kind) if kind.is_file() && is_page(&path) => found.push(path),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_addresses_and_a_list_on_stdin() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/page_files")).expect("dirs");
        for name in [
            "a/one.html",
            "a/page_files/x.html",
            "b.md",
            "notes.txt",
            ".hidden.md",
        ] {
            std::fs::write(root.join(name), "x").expect("file");
        }
        let list = format!(
            "# pages to read\n\nhttps://example.org/a\n{}\n",
            root.join("b.md").display()
        );
        let given = vec![root.display().to_string(), "-".to_string()];
        let found = sources(&given, &mut list.as_bytes()).expect("sources");
        assert_eq!(
            found,
            vec![
                Source::File(root.join("a/one.html")),
                Source::File(root.join("b.md")),
                Source::Url("https://example.org/a".into()),
                Source::File(root.join("b.md")),
            ]
        );
    }
}
