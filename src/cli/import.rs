//! `spotlight import`: check saved pages and copy them into a corpus, atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::Outcome;
use super::args::ImportArgs;
use crate::atomic::{Durability, Existing, write_atomically_with};
use crate::corpus::files::PIECES_DIR;
use crate::corpus::page::read_page;
use crate::corpus::read::decode;

/// Imports every file; a bad file is reported and skipped, and the exit code says so.
pub fn run(
    out: &mut impl Write,
    args: &ImportArgs,
    data: Option<&Path>,
) -> anyhow::Result<Outcome> {
    let Some(dir) = data
        .map(Path::to_path_buf)
        .or_else(|| Some(PathBuf::from("data")).filter(|d| d.is_dir()))
    else {
        bail!(
            "import needs a corpus directory: pass --data DIR or set SPOTLIGHT_DATA (the bundled corpus is read-only)"
        );
    };
    let pieces = dir.join(PIECES_DIR);
    std::fs::create_dir_all(&pieces).with_context(|| format!("creating {}", pieces.display()))?;
    let mut outcome = Outcome::Found;
    for file in &args.files {
        match import_one(file, &pieces, args.force) {
            Ok(target) => writeln!(out, "imported {} -> {}", file.display(), target.display())?,
            Err(e) => {
                out.flush()?;
                eprintln!("{e:#}");
                outcome = Outcome::Failed;
            }
        }
    }
    Ok(outcome)
}

/// The page with the time of its import in its front matter (`imported: …`), which it gains if
/// it had none: the corpus then says which pieces came in when.
fn stamp_imported(text: &str, now: jiff::Timestamp) -> String {
    let line = format!("imported: {now}\n");
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(rest) = body.strip_prefix("---\n") {
        let mut out = String::from("---\n");
        let mut lines = rest.split_inclusive('\n');
        for l in lines.by_ref() {
            if matches!(l.trim_end(), "---" | "...") {
                out.push_str(&line);
                out.push_str(l);
                out.extend(lines);
                return out;
            }
            if !l.starts_with("imported:") {
                out.push_str(l);
            }
        }
    }
    format!("---\n{line}---\n{body}")
}

fn import_one(file: &Path, pieces: &Path, force: bool) -> anyhow::Result<PathBuf> {
    let name = file.display().to_string();
    let bytes = std::fs::read(file).with_context(|| format!("{name}: cannot read"))?;
    let text = decode(&bytes).map_err(|i| anyhow::anyhow!("{name}:{}: {}", i.line, i.message))?;
    let (piece, issues) =
        read_page(&text, &name).map_err(|i| anyhow::anyhow!("{name}:{}: {}", i.line, i.message))?;
    for issue in issues {
        eprintln!("{name}:{}: warning: {}", issue.line, issue.message);
    }
    let target = pieces.join(format!("{}.md", piece.id));
    // Without --force an existing piece is kept: the check and the write are one step, so a
    // piece that appears meanwhile is never overwritten either.
    let existing = if force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    let stamped = stamp_imported(&text, jiff::Timestamp::now());
    let written = write_atomically_with(&target, Durability::Synced, existing, |out| {
        out.write_all(stamped.as_bytes())
    });
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => bail!(
            "{name}: {} already exists (same title); pass --force to replace it",
            target.display()
        ),
        other => other.with_context(|| format!("{name}: writing {}", target.display()))?,
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_stamps_its_time_into_the_front_matter() {
        let now: jiff::Timestamp = "2026-12-06T20:00:00Z".parse().expect("a time");
        assert_eq!(
            stamp_imported("# T\n", now),
            "---\nimported: 2026-12-06T20:00:00Z\n---\n# T\n"
        );
        let again = stamp_imported(
            "---\nurl: https://x.org/a\nimported: 2020-01-01T00:00:00Z\n---\n# T\n",
            now,
        );
        assert_eq!(
            again,
            "---\nurl: https://x.org/a\nimported: 2026-12-06T20:00:00Z\n---\n# T\n"
        );
        // A page whose first line only looks like a fence is not taken apart.
        assert!(stamp_imported("---\nno end\n", now).starts_with("---\nimported:"));
    }
}
