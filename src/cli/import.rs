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
    let written = write_atomically_with(&target, Durability::Synced, existing, |out| {
        out.write_all(&bytes)
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
