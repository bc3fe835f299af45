//! What a page says about itself outside the article: `<link rel=canonical>`, the
//! `rel=shortlink` that gives the Drupal node id, Chrome's `<!-- saved from url=... -->`
//! comment, and the `<meta>` tags sites fill for search engines and link previews.

use std::sync::LazyLock;

use dom_query::Document;
use regex::Regex;

static SAVED_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->")
        .unwrap_or_else(|e| unreachable!("static saved-from pattern: {e}"))
});

static NODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/node/(\d{1,12})(?:[/?#]|$)")
        .unwrap_or_else(|e| unreachable!("static node pattern: {e}"))
});

/// The page's self-description, each field as the page gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    /// `<link rel="canonical">`.
    pub canonical: Option<String>,
    /// `<link rel="shortlink">`.
    pub shortlink: Option<String>,
    /// The URL in Chrome's `<!-- saved from url=(0042)... -->` comment.
    pub saved_from: Option<String>,
    /// `og:url`.
    pub og_url: Option<String>,
    /// `og:title`, else `<title>`.
    pub title: Option<String>,
    /// `og:site_name`.
    pub site_name: Option<String>,
    /// `article:published_time`, `date`, `dc.date`...
    pub published: Option<String>,
    /// `article:modified_time`.
    pub modified: Option<String>,
    /// `<meta name="author">`.
    pub author: Option<String>,
    /// `<meta name="Generator">`: `Drupal 10 (https://www.drupal.org)`.
    pub generator: Option<String>,
}

impl Head {
    /// Reads the head of a parsed page; `text` is the page's text, for the saved-from comment
    /// (a comment before `<html>` is outside the parsed document's elements).
    #[must_use]
    pub fn read(doc: &Document, text: &str) -> Self {
        let link = |rel: &str| attr(doc, &format!("link[rel~=\"{rel}\"]"), "href");
        let meta = |names: &[&str]| {
            names.iter().find_map(|name| {
                let selector = format!("meta[property=\"{name}\"], meta[name=\"{name}\" i]");
                attr(doc, &selector, "content")
            })
        };
        let head_of_text = text.get(..text.len().min(64 * 1024)).unwrap_or(text);
        Self {
            canonical: link("canonical"),
            shortlink: link("shortlink"),
            saved_from: SAVED_FROM
                .captures(head_of_text)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_string()),
            og_url: meta(&["og:url"]),
            title: meta(&["og:title"]).or_else(|| {
                let title = doc.select("title").text();
                Some(title.trim().to_string()).filter(|t| !t.is_empty())
            }),
            site_name: meta(&["og:site_name", "application-name"]),
            published: meta(&[
                "article:published_time",
                "datePublished",
                "date",
                "dc.date",
                "dcterms.date",
                "pubdate",
            ]),
            modified: meta(&["article:modified_time", "dateModified"]),
            author: meta(&["author", "article:author", "byl"]),
            generator: meta(&["generator"]),
        }
    }

    /// The page's own address: canonical, else `og:url`, else where it was saved from.
    #[must_use]
    pub fn url(&self) -> Option<&str> {
        self.canonical
            .as_deref()
            .or(self.og_url.as_deref())
            .or(self.saved_from.as_deref())
    }

    /// The Drupal node id, from the shortlink (`/node/18457`) or, failing that, the canonical.
    #[must_use]
    pub fn node(&self) -> Option<u64> {
        [&self.shortlink, &self.canonical]
            .into_iter()
            .flatten()
            .find_map(|url| node_of(url))
    }
}

/// The `N` of a `/node/N` path.
#[must_use]
pub fn node_of(url: &str) -> Option<u64> {
    NODE.captures(url)?.get(1)?.as_str().parse().ok()
}

/// The host of an absolute URL, without `www.`: `washingtoninstitute.org`.
#[must_use]
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    Some(host).filter(|h| h.contains('.'))
}

/// The path of a URL on the same site (`https://www.x.org/ar/a` → `/ar/a`); a path stays.
#[must_use]
pub fn path_of(url: &str) -> String {
    match url.split_once("://") {
        Some((_, rest)) => rest
            .find('/')
            .map_or("/".to_string(), |i| rest[i..].to_string()),
        None => url.to_string(),
    }
}

fn attr(doc: &Document, selector: &str, name: &str) -> Option<String> {
    let selection = doc.try_select(selector)?;
    selection
        .nodes()
        .iter()
        .find_map(|n| n.attr(name))
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_canonical_shortlink_and_saved_from() {
        let text = "<!-- saved from url=(0042)https://www.example.org/policy-analysis/x -->\n<html><head><link rel=\"canonical\" href=\"https://www.example.org/policy-analysis/x\"><link rel=\"shortlink\" href=\"https://www.example.org/node/18457\"><meta property=\"og:site_name\" content=\"Example\"></head><body></body></html>";
        let head = Head::read(&Document::from(text), text);
        assert_eq!(
            head.saved_from.as_deref(),
            Some("https://www.example.org/policy-analysis/x")
        );
        assert_eq!(head.node(), Some(18457));
        assert_eq!(head.site_name.as_deref(), Some("Example"));
        assert_eq!(
            host_of(head.url().unwrap_or_default()).as_deref(),
            Some("example.org")
        );
    }

    #[test]
    fn takes_paths_of_site_urls() {
        assert_eq!(
            path_of("https://www.x.org/ar/policy-analysis/a"),
            "/ar/policy-analysis/a"
        );
        assert_eq!(path_of("/ar/b"), "/ar/b");
        assert_eq!(node_of("/node/17003"), Some(17003));
        assert_eq!(node_of("/node/17003x"), None);
    }
}
