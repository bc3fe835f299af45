//! Where spotlight keeps its files, by the XDG base-directory convention.

use std::path::PathBuf;

/// `$VAR/spotlight/FILE` when the variable is set and not empty, else
/// `$HOME/FALLBACK/spotlight/FILE`: `spotlight_file("XDG_CONFIG_HOME", ".config", "config.toml")`.
#[must_use]
pub fn spotlight_file(var: &str, fallback: &str, file: &str) -> Option<PathBuf> {
    let base = std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(fallback)))?;
    Some(base.join("spotlight").join(file))
}
