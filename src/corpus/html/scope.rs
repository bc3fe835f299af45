//! Which parts of a page are chrome (menus, banners, teaser cards for other pieces) and which
//! labelled blocks (ABOUT THE AUTHORS, TOPICS...) a reader has taken apart already.

use dom_query::{Matcher, NodeId, NodeRef, Selection};

use super::walk::NEVER_TEXT;

/// Page chrome: never the article, whatever the site. Teaser cards for other pieces are here,
/// so a quotation in one can never become a statement of the page read.
pub const CHROME: &str = "nav, header[role=banner], footer, aside, [role=navigation], \
     [role=banner], [role=contentinfo], [role=complementary], [class*=teaser], \
     [class*=recommended], [class*=related], [class*=share], [class*=social], \
     [class*=cookie], [id*=cookie], [class*=newsletter], [class*=subscribe], \
     [class*=breadcrumb], [class*=menu], [class*=visually-hidden], \
     [class*=skip-link], [class*=advert], [class*=pullquote], [class*=pull-quote], [class*=comments]";

/// A labelled block of a page: its heading's words and the element holding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// ABOUT THE AUTHORS.
    Authors,
    /// PART OF A SERIES (the list of the series' other pieces).
    Series,
    /// RECOMMENDED or RELATED.
    Recommended,
    /// TOPICS.
    Topics,
    /// REGIONS & COUNTRIES.
    Regions,
}

impl Label {
    fn of(heading: &str) -> Option<Self> {
        let heading = heading.trim().trim_end_matches(':').to_ascii_lowercase();
        match heading.as_str() {
            "about the authors" | "about the author" => Some(Self::Authors),
            "part of a series" => Some(Self::Series),
            "recommended" | "related" | "related content" | "more on this topic" => {
                Some(Self::Recommended)
            }
            "topics" => Some(Self::Topics),
            "regions & countries" | "regions and countries" | "regions" => Some(Self::Regions),
            _ => None,
        }
    }
}

/// The parts of one page a reader keeps out of the body, below the element it reads (the
/// elements around that one are not looked at: a `<body class="has-sidebar">` hides nothing).
#[derive(Debug)]
pub struct Scope {
    root: NodeId,
    excluded: Vec<NodeId>,
    /// [`CHROME`] and [`NEVER_TEXT`], compiled once: every element of a page is matched.
    chrome: Option<Matcher>,
}

impl Scope {
    /// A scope for reading below `root`, nothing excluded yet.
    #[must_use]
    pub fn new(root: &NodeRef) -> Self {
        Self {
            root: root.id,
            excluded: Vec::new(),
            chrome: Matcher::new(&format!("{CHROME}, {NEVER_TEXT}")).ok(),
        }
    }

    /// Leaves `node` (and all it holds) out of the body.
    pub fn exclude(&mut self, node: &NodeRef) {
        self.excluded.push(node.id);
    }

    /// Whether `node` itself is left out: chrome, never text, or excluded by the reader.
    #[must_use]
    pub fn skips(&self, node: &NodeRef) -> bool {
        node.is_element()
            && node.id != self.root
            && (self.excluded.contains(&node.id)
                || self.chrome.as_ref().is_some_and(|m| node.is_match(m)))
    }

    /// Whether `node` or any element around it is left out.
    #[must_use]
    pub fn hides(&self, node: &NodeRef) -> bool {
        self.skips(node)
            || node
                .ancestors_it(None)
                .take_while(|a| a.id != self.root)
                .any(|a| self.skips(&a))
    }
}

/// The labelled blocks under `root`: for each heading (or Drupal field label) whose words name
/// one, the element that holds the heading and what it labels.
#[must_use]
pub fn labelled<'a>(root: &NodeRef<'a>) -> Vec<(Label, NodeRef<'a>)> {
    let headings = Selection::from(*root)
        .select("h2, h3, h4, h5, h6, .field__label, [class*=block-title], [class*=block__title]");
    let mut found = Vec::new();
    for heading in headings.nodes() {
        let Some(label) = Label::of(&heading.text()) else {
            continue;
        };
        let Some(block) = heading.parent() else {
            continue;
        };
        // A heading straight in the article labels only what follows it up to the next one.
        let holds_more = block.id == root.id || Selection::from(block).select("h1").exists();
        if holds_more {
            found.push((label, *heading));
            if let Some(next) = heading.next_element_sibling() {
                found.push((label, next));
            }
        } else {
            found.push((label, block));
        }
    }
    found
}

/// Every element below `root` that `selector` matches, in document order.
#[must_use]
pub fn select_in<'a>(root: &NodeRef<'a>, selector: &str) -> Vec<NodeRef<'a>> {
    Selection::from(*root)
        .try_select(selector)
        .map(|s| s.nodes().to_vec())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use dom_query::{Document, Matcher};

    use super::*;

    #[test]
    fn the_chrome_selectors_compile() {
        assert!(Matcher::new(&format!("{CHROME}, {NEVER_TEXT}")).is_ok());
    }

    #[test]
    fn a_teaser_hides_what_it_holds_and_the_root_hides_nothing() {
        let doc = Document::from(
            r#"<div class="has-sidebar-menu" id="r"><div class="c-teaser"><p id="t">x</p></div><p id="k">y</p></div>"#,
        );
        let root = doc.select("#r").nodes()[0];
        let scope = Scope::new(&root);
        assert!(scope.hides(&doc.select("#t").nodes()[0]));
        assert!(!scope.hides(&doc.select("#k").nodes()[0]));
    }
}
