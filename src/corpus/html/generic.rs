//! The generic reader: an article page of any other site (a news site, another think tank).
//!
//! Title, byline, date and address come from the page's `<meta>` tags, JSON-LD and byline
//! markup; the body from the article element (`itemprop=articleBody`, `<article>`, `main`).
//! When that holds no paragraphs, a Readability port (`dom_smoothie`) looks for the text,
//! with a cap on the elements it scores.

use std::sync::LazyLock;

use dom_query::{Document, NodeRef};
use regex::Regex;

use super::error::HtmlError;
use super::head::Head;
use super::saved::{Byline, Draft, Part, one_line};
use super::scope::{Scope, labelled, select_in};
use super::walk::Walker;
use crate::corpus::dates::{find_dates, parse_date};

/// Where an article's text is, most specific first.
const ARTICLE: [&str; 8] = [
    "[itemprop=articleBody]",
    "[class*=article-body]",
    "[class*=article__body]",
    "[class*=story-body]",
    "[class*=entry-content]",
    "[class*=post-content]",
    "article",
    "main, [role=main]",
];

/// Byline markup: the names of the authors.
const BYLINE: &str = "[rel=author], [itemprop=author], [class*=byline] a, [class*=author-name]";

/// The most elements the Readability port scores: its passes are not linear in the page.
const READABILITY_ELEMENTS: usize = 20_000;

static JSON_LD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""datePublished"\s*:\s*"([^"]{10,40})""#)
        .unwrap_or_else(|e| unreachable!("static JSON-LD pattern: {e}"))
});

/// How the generic reader found the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// In the article markup.
    Markup,
    /// Through the Readability port.
    Readability,
}

/// Reads an article page of any site into a draft.
pub fn read(doc: &Document, text: &str, head: &Head) -> Result<(Draft, Found), HtmlError> {
    let mut draft = Draft {
        content_type: Some("Article".into()),
        ..Draft::default()
    };
    let root = article(doc);
    let page = doc.root();
    let chrome = Scope::new(&page);
    let title = select_in(&page, "h1")
        .into_iter()
        .find(|h| !chrome.hides(h));
    draft.title = title
        .map(|h| one_line(&h.text()))
        .filter(|t| !t.is_empty())
        .or_else(|| head.title.clone())
        .unwrap_or_default();
    draft.authors = authors(doc, head);
    draft.date = date(doc, text, head);
    let mut found = Found::Markup;
    if let Some(root) = root {
        draft.body = body(&root)?;
    }
    if !has_text(&draft.body) {
        let (body, title) = readability(text, head)?;
        draft.body = body;
        if draft.title.is_empty() {
            draft.title = title;
        }
        found = Found::Readability;
    }
    if draft.title.is_empty() {
        return Err(HtmlError::NoArticle {
            why: "the page has no headline".into(),
        });
    }
    Ok((draft, found))
}

/// The most specific article element with some text.
fn article(doc: &Document) -> Option<NodeRef<'_>> {
    ARTICLE.iter().find_map(|selector| {
        let selection = doc.try_select(selector)?;
        selection
            .nodes()
            .iter()
            .find(|n| n.text().split_whitespace().nth(20).is_some())
            .copied()
    })
}

fn body(root: &NodeRef) -> Result<Vec<Part>, HtmlError> {
    let mut scope = Scope::new(root);
    for (_, block) in labelled(root) {
        scope.exclude(&block);
    }
    let header = format!("h1, time, {BYLINE}, [class*=byline], [class*=dateline]");
    for node in select_in(root, &header) {
        // A date inside a sentence is the sentence's, and quotes are dated by it.
        if !node.ancestors_it(None).any(|a| a.is("p, li, blockquote")) {
            scope.exclude(&node);
        }
    }
    let skip = |n: &NodeRef| scope.skips(n);
    let mut walker = Walker::new(&skip);
    walker.walk(root)?;
    Ok(walker.into_parts())
}

/// Whether the body has a paragraph worth the name.
fn has_text(body: &[Part]) -> bool {
    body.iter()
        .any(|p| matches!(p, Part::Text(t) if t.split_whitespace().nth(5).is_some()))
}

/// The body through the Readability port, with its idea of the title.
fn readability(text: &str, head: &Head) -> Result<(Vec<Part>, String), HtmlError> {
    let config = dom_smoothie::Config {
        max_elements_to_parse: READABILITY_ELEMENTS,
        ..dom_smoothie::Config::default()
    };
    let url = head.url().filter(|u| u.starts_with("http"));
    let no_article = |e: dom_smoothie::ReadabilityError| HtmlError::NoArticle {
        why: format!("no article text could be told from the page's chrome ({e})"),
    };
    let mut reader = dom_smoothie::Readability::new(text, url, Some(config.clone()))
        .or_else(|_| dom_smoothie::Readability::new(text, None, Some(config)))
        .map_err(no_article)?;
    let found = reader.parse().map_err(no_article)?;
    let content = Document::from(found.content.to_string());
    let root = content.root();
    let body = body(&root)?;
    if !has_text(&body) {
        return Err(HtmlError::NoArticle {
            why: "the page has no paragraphs of text".into(),
        });
    }
    Ok((body, one_line(&found.title)))
}

/// The authors from the `author` meta tag, else the byline markup.
fn authors(doc: &Document, head: &Head) -> Vec<Byline> {
    let marked = |selector: &str| -> Vec<String> {
        doc.try_select(selector)
            .map(|s| {
                s.nodes()
                    .iter()
                    .flat_map(|n| split_names(&n.text()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let names = match &head.author {
        Some(author) => split_names(author),
        None => Some(marked(BYLINE))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| marked("[class*=byline]")),
    };
    let mut authors: Vec<Byline> = Vec::new();
    for name in names {
        if !authors.iter().any(|a| a.name == name) {
            authors.push(Byline {
                name,
                slug: None,
                bio: None,
            });
        }
    }
    authors
}

/// `By A, B and C` as `A`, `B`, `C`.
fn split_names(text: &str) -> Vec<String> {
    let text = one_line(text);
    let text = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("by "))
        .unwrap_or(&text);
    text.split([',', '&', ';'])
        .flat_map(|s| s.split(" and "))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty() && s.len() < 80)
        .collect()
}

/// The publication date: meta tags, JSON-LD, then the first `<time datetime>`.
fn date(doc: &Document, text: &str, head: &Head) -> Option<jiff::civil::Date> {
    let parse = |value: &str| {
        parse_date(value.get(..10).unwrap_or(value))
            .or_else(|| find_dates(value, None).first().map(|d| d.date))
    };
    let json_ld = || {
        let found = JSON_LD_DATE.captures(text)?;
        parse(found.get(1)?.as_str())
    };
    let time = || {
        let selection = doc.try_select("time[datetime]")?;
        let nodes = selection.nodes();
        nodes.iter().find_map(|t| parse(&t.attr("datetime")?))
    };
    head.published
        .as_deref()
        .and_then(parse)
        .or_else(json_ld)
        .or_else(time)
}
