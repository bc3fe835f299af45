//! Saved HTML pages to the saved-page Markdown the corpus reads, with what Markdown cannot
//! carry kept beside it.
//!
//! ```text
//! pub fn read(bytes: &[u8], source: Option<&str>) -> Result<HtmlPage, HtmlError>
//! ```
//!
//! [`read`] takes a page as the browser saved it ("HTML Only" or "Web Page, Complete") and
//! returns an [`HtmlPage`]: `markdown`, in the form of `data/pieces/*.md` (title, byline with
//! `/experts/slug` links, date line, Arabic link, bios, series lines, bold lead, body with
//! bold `/node/N` actor links, `## ` headings, list items, block quotations, `Figure N:`
//! captions and image paths, TOPICS, REGIONS), ready for [`crate::corpus::page::read_page`];
//! and [`PageMeta`]: canonical URL, node id, Chrome's saved-from URL, site, which reader read
//! it, the published and updated dates, title and byline. `source` is where the bytes came
//! from (a URL or a file path); it names the site when the page does not.
//!
//! The Washington Institute's pages are read by the series reader ([`Reader::Series`]), which
//! knows the site's Drupal layouts and leaves out its chrome and the teaser cards of other
//! pieces; any other page by the generic reader. Bad input is an [`HtmlError`], never a
//! panic: pages over 50 MB, binary files, markup nested past [`limits::MAX_DEPTH`], pages
//! without an article. A truncated download is read as far as it goes. A single-file save
//! (`.mhtml`) is first unpacked by [`mhtml::unpack`].

mod decode;
mod error;
mod generic;
mod head;
pub mod limits;
pub mod mhtml;
mod saved;
mod scope;
mod series;
mod walk;

use dom_query::Document;
use jiff::civil::Date;

pub use self::decode::MAX_BYTES;
pub use self::error::HtmlError;
use self::head::{Head, host_of};
use crate::corpus::dates::find_dates;

/// The site whose pages the series reader knows.
const SERIES_SITE: &str = "washingtoninstitute.org";

/// A page read: the saved-page Markdown and what it cannot carry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HtmlPage {
    /// The page as saved-page Markdown, for `pieces/<id>.md`.
    pub markdown: String,
    /// Where the page is from and how it was read.
    pub meta: PageMeta,
}

/// What import needs to know of a page beyond its Markdown.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PageMeta {
    /// Which reader read it.
    pub reader: Reader,
    /// The headline.
    pub title: String,
    /// The byline's names, in order.
    pub authors: Vec<String>,
    /// The page's address: canonical, else `og:url`, else the saved-from URL, else `source`.
    pub url: Option<String>,
    /// `<link rel="canonical">`.
    pub canonical: Option<String>,
    /// The URL of Chrome's `<!-- saved from url=(0042)... -->` comment.
    pub saved_from: Option<String>,
    /// The Drupal node id, from `<link rel="shortlink">` (`/node/N`).
    pub node: Option<u64>,
    /// The site's host, without `www.`: `washingtoninstitute.org`.
    pub site: Option<String>,
    /// The site's own name (`og:site_name`).
    pub site_name: Option<String>,
    /// The publication date.
    pub published: Option<Date>,
    /// The date of the page's `Updated ...` line, or its `article:modified_time`.
    pub updated: Option<Date>,
    /// The `Updated ...` line as the page reads (`Updated June 27, 2024; originally published
    /// Oct 24, 2023`).
    pub updated_line: Option<String>,
}

/// Which reader read a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reader {
    /// The Washington Institute's Drupal layout.
    Series,
    /// Another site's article markup.
    Generic,
    /// Another site's page, its text found by the Readability port.
    Readability,
}

/// Reads a saved HTML page into saved-page Markdown and its [`PageMeta`].
///
/// `source` is where the bytes came from (a URL or a path), if known.
pub fn read(bytes: &[u8], source: Option<&str>) -> Result<HtmlPage, HtmlError> {
    let text = decode::decode(bytes)?;
    limits::check(&text)?;
    let doc = Document::from(text.as_str());
    let head = Head::read(&doc, &text);
    let url = head
        .url()
        .map(str::to_string)
        .or_else(|| source.filter(|s| s.contains("://")).map(str::to_string));
    let site = url.as_deref().and_then(host_of);
    let is_series = site.as_deref().is_some_and(|s| s.ends_with(SERIES_SITE))
        || head
            .generator
            .as_deref()
            .is_some_and(|g| g.contains("Drupal"))
            && doc.select("a[href*='/experts/']").exists();
    let series = is_series.then(|| series::read(&doc, &head));
    let (draft, reader) = match series {
        Some(Ok(draft)) => (draft, Reader::Series),
        // A page of the site that is not laid out as a piece: try it as any article.
        Some(Err(_)) | None => match generic::read(&doc, &text, &head)? {
            (draft, generic::Found::Markup) => (draft, Reader::Generic),
            (draft, generic::Found::Readability) => (draft, Reader::Readability),
        },
    };
    let updated = draft
        .updated
        .as_deref()
        .and_then(|line| find_dates(line, None).first().map(|d| d.date))
        .or_else(|| {
            let modified = head.modified.as_deref()?;
            crate::corpus::dates::parse_date(modified.get(..10).unwrap_or(modified))
        });
    let meta = PageMeta {
        reader,
        title: draft.title.clone(),
        authors: draft.authors.iter().map(|a| a.name.clone()).collect(),
        url,
        canonical: head.canonical.clone(),
        saved_from: head.saved_from.clone(),
        node: head.node(),
        site,
        site_name: head.site_name.clone(),
        published: draft.date,
        updated,
        updated_line: draft.updated.clone(),
    };
    Ok(HtmlPage {
        markdown: draft.to_markdown(),
        meta,
    })
}

#[cfg(test)]
mod tests;
