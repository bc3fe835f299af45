//! Problems found in corpus files: what is wrong, where, and whether the file was skipped.
//!
//! Loading reports them all instead of stopping at the first, and `spotlight check` prints them
//! as `file:line: severity: message`.

use std::fmt;

/// How serious a [`Problem`] is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    /// Something odd that loading worked around.
    Warning,
    /// Something that made a file, or part of it, unusable.
    Error,
}

/// A problem in a corpus file, printed as `file:line: message`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    /// The file, as a path the user can open.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// What is wrong.
    pub message: String,
    /// Whether the file or entry was skipped.
    pub severity: Severity,
}

impl Problem {
    /// The problem's file by its name alone (`empty.md`), for a screen too narrow for paths.
    #[must_use]
    pub fn file_name(&self) -> String {
        std::path::Path::new(&self.file)
            .file_name()
            .map_or_else(|| self.file.clone(), |n| n.to_string_lossy().into_owned())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}:{}: {label}: {}", self.file, self.line, self.message)
    }
}
