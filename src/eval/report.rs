//! The figures of an evaluation: per field, per pattern, terms leaked, statements invented.

use std::collections::BTreeMap;
use std::fmt;

use super::{Outcome, TruthStatement};

/// Counts of one evaluation, and what went wrong where.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Annotated statements.
    pub statements: usize,
    /// Statements whose words some quote holds.
    pub found: usize,
    /// Of those, extracted as statements (not terms).
    pub kind: usize,
    /// With the right speaker.
    pub speaker: usize,
    /// With the right date.
    pub date: usize,
    /// With the right figure.
    pub figure: usize,
    /// With every field right.
    pub right: usize,
    /// Per pattern label: (right, total).
    pub patterns: BTreeMap<String, (usize, usize)>,
    /// Annotated terms.
    pub terms: usize,
    /// Terms that came out as statements (`file: text`).
    pub leaked: Vec<String>,
    /// Statements that are no annotated statement nor term (`file: text`).
    pub invented: Vec<String>,
    /// Statements not right: file, the start of their words, what was wanted, what came out.
    pub misses: Vec<String>,
}

impl Report {
    pub(super) fn add(&mut self, truth: &TruthStatement, outcome: Outcome) {
        self.statements += 1;
        self.found += usize::from(outcome.found);
        self.kind += usize::from(outcome.found && outcome.kind);
        self.speaker += usize::from(outcome.speaker);
        self.date += usize::from(outcome.date);
        self.figure += usize::from(outcome.found && outcome.figure);
        let right = outcome.right();
        self.right += usize::from(right);
        for label in &truth.pattern {
            let entry = self.patterns.entry(label.clone()).or_default();
            entry.0 += usize::from(right);
            entry.1 += 1;
        }
        if !right {
            let got = if outcome.found {
                let kind = if outcome.kind { "" } else { " (as a term)" };
                format!("{}{kind}", outcome.got)
            } else {
                "not found".to_string()
            };
            self.misses.push(format!(
                "{}: \"{}\" wanted {} | {} | {}; got {got}",
                truth.file,
                truth.text_start,
                truth.speaker,
                truth.date,
                truth
                    .figure
                    .map_or_else(|| "-".to_string(), |f| f.to_string()),
            ));
        }
    }

    /// The share of statements with every field right, in percent.
    #[must_use]
    pub fn percent_right(&self) -> f64 {
        percent(self.right, self.statements)
    }

    /// The report with the list of misses, leaks and inventions.
    #[must_use]
    pub fn verbose(&self) -> Verbose<'_> {
        Verbose(self)
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        #[allow(clippy::cast_precision_loss)]
        let share = part as f64 * 100.0 / whole as f64;
        share
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.statements;
        let line = |f: &mut fmt::Formatter<'_>, name: &str, count: usize| {
            writeln!(
                f,
                "  {name:<22} {count:>4}/{n:<4} {:>5.1}%",
                percent(count, n)
            )
        };
        writeln!(f, "statements               {n}")?;
        line(f, "found", self.found)?;
        line(f, "kind (statement)", self.kind)?;
        line(f, "speaker", self.speaker)?;
        line(f, "date", self.date)?;
        line(f, "figure", self.figure)?;
        line(f, "all right", self.right)?;
        writeln!(
            f,
            "terms leaked             {}/{}",
            self.leaked.len(),
            self.terms
        )?;
        writeln!(f, "statements invented      {}", self.invented.len())?;
        writeln!(f, "per pattern (all right / statements):")?;
        for (label, (right, total)) in &self.patterns {
            writeln!(f, "  {label:<26} {right:>3}/{total:<3}")?;
        }
        Ok(())
    }
}

/// A [`Report`] printed with every miss, leaked term and invented statement.
#[derive(Debug)]
pub struct Verbose<'a>(&'a Report);

impl fmt::Display for Verbose<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        for (title, list) in [
            ("misses", &self.0.misses),
            ("terms leaked", &self.0.leaked),
            ("statements invented", &self.0.invented),
        ] {
            if !list.is_empty() {
                writeln!(f, "{title}:")?;
                for item in list {
                    writeln!(f, "  {item}")?;
                }
            }
        }
        Ok(())
    }
}
