//! The canonical form a page is stored in: the saved-page Markdown the loader reads, under
//! front matter (YAML, as clippers write it) with what the Markdown cannot carry — the page's
//! address and node, its site, when it was saved or fetched, and when it was imported.

use serde::Serialize;

use crate::corpus::html::HtmlPage;

/// The front matter spotlight writes; absent values are left out.
#[derive(Serialize)]
struct Front<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    node: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    site: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    saved: Option<String>,
    imported: String,
}

/// An HTML page read into its stored form: its Markdown under front matter.
pub(super) fn with_front_matter(
    page: &HtmlPage,
    saved: Option<jiff::Timestamp>,
    now: jiff::Timestamp,
) -> Result<String, yaml_serde::Error> {
    let meta = &page.meta;
    let front = Front {
        url: meta.url.as_deref(),
        node: meta.node,
        site: meta.site.as_deref(),
        updated: meta.updated.map(|d| d.to_string()),
        saved: saved.map(|t| t.to_string()),
        imported: now.to_string(),
    };
    let yaml = yaml_serde::to_string(&front)?;
    Ok(format!("---\n{yaml}---\n{}", page.markdown))
}

/// The page with the time of its import in its front matter (`imported: …`), which it gains if
/// it had none: the corpus then says which pieces came in when.
pub(super) fn stamp_imported(text: &str, now: jiff::Timestamp) -> String {
    let line = format!("imported: {now}\n");
    let text = text.replace("\r\n", "\n");
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
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
