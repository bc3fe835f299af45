//! The front matter a page may open with: a YAML block between `---` lines, as clippers write
//! it (title, source URL, author, published and clipped dates) and as `spotlight import` writes
//! what it knows of a page (its URL, node, when it was saved and imported).
//!
//! The block is read here and taken out of the page (its lines left blank, so the line numbers
//! of everything after it stay true); the page reader fills in what the page's own lines do
//! not say.

use std::borrow::Cow;

use jiff::Timestamp;
use jiff::civil::DateTime;
use serde::Deserialize;

use super::PageIssue;
use crate::corpus::dates::parse_date;
use crate::corpus::model::{Author, Piece};

/// The keys a front matter block may hold; any other key is ignored. Each has the spellings
/// common clippers use.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Keys {
    title: Option<String>,
    #[serde(alias = "source", alias = "link", alias = "canonical")]
    url: Option<String>,
    #[serde(alias = "published", alias = "date_published")]
    date: Option<yaml_serde::Value>,
    updated: Option<yaml_serde::Value>,
    #[serde(alias = "author")]
    authors: Option<yaml_serde::Value>,
    node: Option<u64>,
    site: Option<String>,
    #[serde(alias = "clipped", alias = "fetched", alias = "created")]
    saved: Option<yaml_serde::Value>,
    imported: Option<yaml_serde::Value>,
}

/// What a page's front matter says, ready to be laid over the piece.
#[derive(Debug, Default)]
pub(super) struct FrontMatter {
    keys: Keys,
}

/// Splits a page into its front matter and the rest, the front matter's lines blanked; a page
/// without front matter comes back whole. A block that is not YAML, or not a mapping, is a
/// problem on its first line, and the page is read without it.
pub(super) fn split(text: &str) -> (Option<Result<FrontMatter, PageIssue>>, Cow<'_, str>) {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = body.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return (None, Cow::Borrowed(text));
    }
    let mut yaml = String::new();
    let mut count = 1;
    let mut closed = false;
    for line in lines.by_ref() {
        count += 1;
        if matches!(line.trim_end(), "---" | "...") {
            closed = true;
            break;
        }
        yaml.push_str(line);
    }
    if !closed {
        return (None, Cow::Borrowed(text));
    }
    let rest: String = lines.collect();
    let blanked = "\n".repeat(count) + &rest;
    let parsed = match yaml_serde::from_str::<Option<Keys>>(&yaml) {
        Ok(keys) => Ok(FrontMatter {
            keys: keys.unwrap_or_default(),
        }),
        Err(error) => Err(PageIssue {
            line: 1,
            message: format!("front matter: not a YAML mapping of known keys ({error})"),
        }),
    };
    (Some(parsed), Cow::Owned(blanked))
}

impl FrontMatter {
    /// The title it gives, for a page without a `# Title` line.
    pub(super) fn title(&self) -> Option<&str> {
        self.keys
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
    }

    /// Lays what it says over `piece` where the page itself said nothing; a value that cannot
    /// be read (a date that is no date) is a problem, on the block's first line.
    pub(super) fn apply(self, piece: &mut Piece, issues: &mut Vec<PageIssue>) {
        let keys = self.keys;
        let mut bad = |key: &str| {
            issues.push(PageIssue {
                line: 1,
                message: format!("front matter: `{key}` is not a date this reader knows"),
            });
        };
        if piece.url.is_none() {
            piece.url = keys.url.filter(|u| u.starts_with("http"));
        }
        if let Some(value) = keys.date.as_ref().filter(|_| piece.date.is_none()) {
            piece.date = day(value);
            if piece.date.is_none() {
                bad("date");
            }
        }
        if let Some(value) = keys.updated.as_ref().filter(|_| piece.updated.is_none()) {
            piece.updated = day(value);
            if piece.updated.is_none() {
                bad("updated");
            }
        }
        if piece.authors.is_empty() {
            piece.authors = names(keys.authors.as_ref())
                .into_iter()
                .map(|name| Author {
                    name,
                    slug: None,
                    bio: None,
                })
                .collect();
        }
        piece.node = piece.node.or(keys.node);
        piece.site = piece.site.take().or(keys.site);
        for (key, value, slot) in [
            ("saved", keys.saved.as_ref(), &mut piece.saved),
            ("imported", keys.imported.as_ref(), &mut piece.imported),
        ] {
            if let Some(value) = value {
                *slot = moment(value);
                if slot.is_none() {
                    bad(key);
                }
            }
        }
    }
}

/// A scalar as text.
fn scalar(value: &yaml_serde::Value) -> Option<String> {
    match value {
        yaml_serde::Value::String(s) => Some(s.trim().to_string()),
        yaml_serde::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A date: `2024-06-03`, `June 3, 2024`, or the date of a timestamp.
fn day(value: &yaml_serde::Value) -> Option<jiff::civil::Date> {
    let text = scalar(value)?;
    let head = text.split(['T', ' ']).next().unwrap_or(&text);
    head.parse().ok().or_else(|| parse_date(&text))
}

/// A moment: an RFC 3339 timestamp, or a date and time or a date alone, taken as UTC.
fn moment(value: &yaml_serde::Value) -> Option<Timestamp> {
    let text = scalar(value)?;
    if let Ok(at) = text.parse::<Timestamp>() {
        return Some(at);
    }
    let civil = text
        .replace(' ', "T")
        .parse::<DateTime>()
        .ok()
        .or_else(|| day(value).map(|d| d.to_datetime(jiff::civil::Time::midnight())))?;
    civil
        .to_zoned(jiff::tz::TimeZone::UTC)
        .ok()
        .map(|z| z.timestamp())
}

/// Author names: one, a list, or `[[Name]]` wiki links as some clippers write them.
fn names(value: Option<&yaml_serde::Value>) -> Vec<String> {
    let clean = |s: &str| {
        s.trim()
            .trim_start_matches("[[")
            .trim_end_matches("]]")
            .trim()
            .to_string()
    };
    let list: Vec<String> = match value {
        Some(yaml_serde::Value::Sequence(items)) => items.iter().filter_map(scalar).collect(),
        Some(other) => scalar(other).into_iter().collect(),
        None => Vec::new(),
    };
    list.iter()
        .map(|s| clean(s))
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clippers_front_matter_fills_what_the_page_leaves_out() {
        let page = "---\ntitle: \"A Title\"\nsource: https://example.org/a\nauthor:\n  - \"[[Jane Analyst]]\"\npublished: 2024-06-03\ncreated: 2024-06-05T10:30:00Z\ntags: [x]\n---\n# Heading\n";
        let (front, rest) = split(page);
        let front = front.expect("front matter").expect("reads");
        // The lines stay where they were.
        assert_eq!(rest.lines().position(|l| l == "# Heading"), Some(9));
        assert_eq!(front.title(), Some("A Title"));
        let mut piece = Piece::named(String::new(), String::new(), "x.md".into());
        let mut issues = Vec::new();
        front.apply(&mut piece, &mut issues);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(piece.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(
            piece.date.map(|d| d.to_string()).as_deref(),
            Some("2024-06-03")
        );
        assert_eq!(piece.authors[0].name, "Jane Analyst");
        assert_eq!(
            piece.saved.map(|t| t.to_string()).as_deref(),
            Some("2024-06-05T10:30:00Z")
        );
    }

    #[test]
    fn a_clipped_series_page_keeps_its_byline_links() {
        let page = "---\nsource: https://www.washingtoninstitute.org/policy-analysis/x\n---\n# A Title\n\nBy [Sami Sampleton](https://www.washingtoninstitute.org/experts/sami-sampleton)\n\nMay 2, 2024\n\nFICTIONAL TEST DATA body text.\n";
        let (piece, _) = crate::corpus::page::read_page(page, "x.md").expect("a page");
        assert_eq!(piece.authors[0].name, "Sami Sampleton");
        assert_eq!(piece.authors[0].slug.as_deref(), Some("sami-sampleton"));
        assert!(piece.url.is_some_and(|u| u.ends_with("/policy-analysis/x")));
    }

    #[test]
    fn no_front_matter_or_a_broken_one() {
        let (front, rest) = split("# Title\n---\n");
        assert!(front.is_none());
        assert_eq!(rest, "# Title\n---\n");
        // Never closed: not front matter.
        assert!(split("---\ntitle: x\n").0.is_none());
        let (front, _) = split("---\n: : [\n---\n# T\n");
        assert!(front.is_some_and(|f| f.is_err()));
        let (front, _) = split("---\nsaved: someday\n---\n");
        let mut piece = Piece::named(String::new(), String::new(), "x.md".into());
        let mut issues = Vec::new();
        front
            .expect("some")
            .expect("yaml")
            .apply(&mut piece, &mut issues);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert!(piece.saved.is_none());
    }
}
