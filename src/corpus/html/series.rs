//! The series reader: pages of The Washington Institute's own site (Drupal 8 and later).
//!
//! The article is found under `#main-content` (or `main`); the header's parts by what they
//! link to (`/experts/slug` bylines, `/ar/...` versions, `/series/` links) and by Drupal's
//! field classes; ABOUT THE AUTHORS, TOPICS and REGIONS by their headings. The body is the
//! body field (or the text components of newer layouts), walked with every teaser card,
//! menu and banner left out.

use dom_query::{Document, NodeRef};

use super::error::HtmlError;
use super::head::{Head, path_of};
use super::saved::{Byline, Draft, Link, Part, one_line};
use super::scope::{Label, Scope, labelled, select_in};
use super::walk::Walker;
use crate::corpus::dates::{find_dates, parse_date};

/// Where the body text is, from older themes' body field to newer themes' components.
const BODY: &str = "[itemprop=articleBody], .field--name-body, .field--name-field-body, \
     .field--name-field-components, [class*=article-body], [class*=article__body], \
     [property=\"schema:text\"]";

/// Reads a series page into a draft, or says why it holds no article.
pub fn read(doc: &Document, head: &Head) -> Result<Draft, HtmlError> {
    let region = region(doc).ok_or_else(|| HtmlError::NoArticle {
        why: "the page has no main content with a headline".into(),
    })?;
    let article = article(&region).unwrap_or(region);
    let mut scope = Scope::new(&article);
    let blocks = labelled(&article);
    for (_, block) in &blocks {
        scope.exclude(block);
    }
    let body = body_nodes(&article, &scope);
    let outside = |node: &NodeRef| {
        !scope.hides(node)
            && !body
                .iter()
                .any(|b| b.id == node.id || node.ancestors_it(None).any(|a| a.id == b.id))
    };
    let mut draft = Draft::default();
    let h1 = select_in(&article, "h1").into_iter().find(|n| outside(n));
    draft.title = h1
        .as_ref()
        .map(|h| one_line(&h.text()))
        .or_else(|| head.title.as_deref().map(strip_site_name))
        .unwrap_or_default();
    draft.authors = bylines(&article, &outside);
    (draft.date, draft.updated) = dates(&article, &outside, head);
    draft.arabic = select_in(&region, "a[hreflang=ar], a[href*='/ar/']")
        .into_iter()
        .filter(|a| outside(a))
        .filter_map(|a| a.attr("href").map(|h| path_of(&h)))
        .find(|p| p.starts_with("/ar/") && p.len() > 4);
    draft.content_type = first_text(
        &article,
        "[class*=content-type], [class*=eyebrow]",
        &outside,
    )
    .filter(|t| t.len() < 60);
    draft.lead = first_text(
        &article,
        "[class*=summary], [class*=dek], [class*=standfirst]",
        &outside,
    );
    (draft.series, draft.see_also) = series(&region, &outside, &blocks);
    for (label, block) in &blocks {
        let links = || links_in(block);
        match label {
            Label::Authors => bios(block, &mut draft.authors),
            Label::Topics => draft.topics.extend(links()),
            Label::Regions => draft.regions.extend(links()),
            Label::Series | Label::Recommended => {}
        }
    }
    let skip = |node: &NodeRef| scope.skips(node) || node.has_name("h1");
    let mut walker = Walker::new(&skip);
    if body.is_empty() {
        walker.walk(&article)?;
    }
    for node in &body {
        walker.walk(node)?;
    }
    draft.body = walker.into_parts();
    if !draft.body.iter().any(|p| matches!(p, Part::Text(_))) {
        return Err(HtmlError::NoArticle {
            why: "the page's article has no paragraphs".into(),
        });
    }
    Ok(draft)
}

/// The main content: `#main-content` (or its parent, where Drupal leaves it an empty skip
/// anchor), else `main`, else the body — the first of them that holds a headline.
fn region(doc: &Document) -> Option<NodeRef<'_>> {
    for selector in ["#main-content", "main", "[role=main]", "body"] {
        for node in doc.select(selector).nodes() {
            let node = match node.parent() {
                Some(parent) if node.text().trim().is_empty() => parent,
                _ => *node,
            };
            if !select_in(&node, "h1").is_empty() {
                return Some(node);
            }
        }
    }
    None
}

/// The piece's own `<article>` in the region: the first that holds a headline and is no
/// teaser card.
fn article<'a>(region: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let scope = Scope::new(region);
    select_in(region, "article")
        .into_iter()
        .find(|a| !scope.hides(a) && !select_in(a, "h1").is_empty())
}

/// The body elements, outermost only, none inside chrome or a labelled block.
fn body_nodes<'a>(article: &NodeRef<'a>, scope: &Scope) -> Vec<NodeRef<'a>> {
    let mut found: Vec<NodeRef<'a>> = Vec::new();
    for node in select_in(article, BODY) {
        let nested = found
            .iter()
            .any(|f| node.ancestors_it(None).any(|a| a.id == f.id));
        if !nested && !scope.hides(&node) {
            found.push(node);
        }
    }
    found
}

/// The byline: links to `/experts/slug` outside the body and the labelled blocks.
fn bylines(article: &NodeRef, outside: &dyn Fn(&NodeRef) -> bool) -> Vec<Byline> {
    let mut authors: Vec<Byline> = Vec::new();
    for link in select_in(article, "a[href*='/experts/']") {
        if !outside(&link) {
            continue;
        }
        let (Some(name), Some(slug)) =
            (name_of(&link), link.attr("href").and_then(|h| slug_of(&h)))
        else {
            continue;
        };
        if !authors
            .iter()
            .any(|a| a.slug.as_deref() == Some(slug.as_str()))
        {
            authors.push(Byline {
                name,
                slug: Some(slug),
                bio: None,
            });
        }
    }
    authors
}

/// The publication date and the `Updated ...` line, from the header: a `<time datetime>`, a
/// line that is a date, else the page's `article:published_time`.
fn dates(
    article: &NodeRef,
    outside: &dyn Fn(&NodeRef) -> bool,
    head: &Head,
) -> (Option<jiff::civil::Date>, Option<String>) {
    let leaves: Vec<NodeRef> = article
        .descendants_it()
        .filter(|n| n.is_element() && n.first_element_child().is_none() && outside(n))
        .collect();
    let updated = leaves
        .iter()
        .map(|n| one_line(&n.text()))
        .find(|t| t.starts_with("Updated ") && t.len() < 200);
    let from_time = select_in(article, "time[datetime]")
        .into_iter()
        .filter(|t| outside(t) && !t.text().contains("Updated"))
        .find_map(|t| {
            t.attr("datetime")
                .and_then(|d| parse_date(d.get(..10).unwrap_or(&d)))
        });
    let from_line = || leaves.iter().find_map(|n| parse_date(&one_line(&n.text())));
    let from_head = || {
        let published = head.published.as_deref()?;
        parse_date(published.get(..10).unwrap_or(published))
            .or_else(|| find_dates(published, None).first().map(|d| d.date))
    };
    (from_time.or_else(from_line).or_else(from_head), updated)
}

/// The series the piece belongs to and its `or see Part 1:` links.
fn series(
    region: &NodeRef,
    outside: &dyn Fn(&NodeRef) -> bool,
    blocks: &[(Label, NodeRef)],
) -> (Vec<Link>, Vec<(String, Link)>) {
    let in_series_block = |n: &NodeRef| {
        blocks.iter().any(|(label, b)| {
            *label == Label::Series && (b.id == n.id || n.ancestors_it(None).any(|a| a.id == b.id))
        })
    };
    let mut series: Vec<Link> = Vec::new();
    let mut see_also = Vec::new();
    for anchor in select_in(region, "a[href]") {
        let in_block = in_series_block(&anchor);
        if !(outside(&anchor) || in_block) {
            continue;
        }
        let (Some(text), Some(href)) = (name_of(&anchor), anchor.attr("href")) else {
            continue;
        };
        let link = Link {
            text,
            href: href.to_string(),
        };
        if href.contains("/series/") {
            if !series.iter().any(|s| s.text == link.text) {
                series.push(link);
            }
        } else if !in_block
            && let Some(label) = anchor.parent().and_then(|p| see_label(&p, &link.text))
        {
            see_also.push((label, link));
        }
    }
    (series, see_also)
}

/// The `Part 1:` of an element reading `or see Part 1: <link words>`.
fn see_label(parent: &NodeRef, words: &str) -> Option<String> {
    let text = one_line(&parent.text());
    let rest = text.strip_prefix("or see ")?;
    let label = rest.split(words).next().unwrap_or_default().trim();
    Some(label.to_string())
}

/// The bios in ABOUT THE AUTHORS: each expert link's card, less the name.
fn bios(block: &NodeRef, authors: &mut Vec<Byline>) {
    for link in select_in(block, "a[href*='/experts/']") {
        let (Some(name), Some(slug)) =
            (name_of(&link), link.attr("href").and_then(|h| slug_of(&h)))
        else {
            continue;
        };
        // The card: the largest element around the link that names no other expert (a card
        // may link its photo and its name to the same page).
        let mut card = link;
        while let Some(parent) = card.parent() {
            let others = select_in(&parent, "a[href*='/experts/']")
                .iter()
                .filter_map(|a| a.attr("href").and_then(|h| slug_of(&h)))
                .any(|s| s != slug);
            if parent.id == block.id || others {
                break;
            }
            card = parent;
        }
        let text = if card.id == link.id {
            card.next_element_sibling()
                .map(|n| n.text().to_string())
                .unwrap_or_default()
        } else {
            card.text().replacen(&*link.text(), "", 1)
        };
        let bio = Some(one_line(&text)).filter(|b| !b.is_empty());
        match authors
            .iter_mut()
            .find(|a| a.slug.as_deref() == Some(slug.as_str()))
        {
            Some(author) => author.bio = author.bio.take().or(bio),
            None => authors.push(Byline {
                name,
                slug: Some(slug),
                bio,
            }),
        }
    }
}

fn links_in(block: &NodeRef) -> Vec<Link> {
    select_in(block, "a[href]")
        .iter()
        .filter_map(|a| {
            Some(Link {
                text: name_of(a)?,
                href: a.attr("href")?.to_string(),
            })
        })
        .collect()
}

fn first_text(
    article: &NodeRef,
    selector: &str,
    outside: &dyn Fn(&NodeRef) -> bool,
) -> Option<String> {
    select_in(article, selector)
        .into_iter()
        .filter(|n| outside(n))
        .map(|n| one_line(&n.text()))
        .find(|t| !t.is_empty())
}

fn name_of(node: &NodeRef) -> Option<String> {
    Some(one_line(&node.text())).filter(|t| !t.is_empty())
}

/// The `slug` of `/experts/slug` (or of a full URL to it).
fn slug_of(href: &str) -> Option<String> {
    let rest = href.split_once("/experts/")?.1;
    let slug = rest.split(['/', '?', '#']).next()?;
    Some(slug.to_string()).filter(|s| !s.is_empty())
}

/// A `<title>` without its ` | The Washington Institute` tail.
fn strip_site_name(title: &str) -> String {
    one_line(title.split(" | ").next().unwrap_or(title))
}
