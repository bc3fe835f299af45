//! An article's DOM to body [`Part`]s: paragraphs, headings, list items, block quotations and
//! figures, each with its bold, italic and linked words written as the saved form has them.
//!
//! Links become bold runs carrying their target (`**Badr Organization (/node/17003)**`), as
//! saved pages write them, so actor links reach [`crate::corpus::mentions`] as mentions.

use dom_query::NodeRef;

use super::error::HtmlError;
use super::limits::MAX_DEPTH;
use super::saved::{Part, escape, one_line, target};

/// Elements whose words are never article text.
pub const NEVER_TEXT: &str = "script, style, noscript, template, iframe, svg, form, button, \
     input, select, textarea, object, embed, canvas, dialog, [hidden], [aria-hidden=true]";

/// Walks the DOM below some root into parts, leaving out what `skip` says is not body text.
pub struct Walker<'s> {
    parts: Vec<Part>,
    pending: String,
    skip: &'s dyn Fn(&NodeRef) -> bool,
}

impl<'s> Walker<'s> {
    /// A walker that leaves out every element for which `skip` is true.
    #[must_use]
    pub fn new(skip: &'s dyn Fn(&NodeRef) -> bool) -> Self {
        Self {
            parts: Vec::new(),
            pending: String::new(),
            skip,
        }
    }

    /// Adds the parts found below `root` (not `root`'s own tag).
    pub fn walk(&mut self, root: &NodeRef) -> Result<(), HtmlError> {
        self.children(root, 0)?;
        self.flush();
        Ok(())
    }

    /// The parts found so far.
    #[must_use]
    pub fn into_parts(mut self) -> Vec<Part> {
        self.flush();
        self.parts
    }

    fn children(&mut self, node: &NodeRef, depth: usize) -> Result<(), HtmlError> {
        if depth > MAX_DEPTH {
            return Err(HtmlError::TooDeep {
                depth,
                limit: MAX_DEPTH,
            });
        }
        for child in node.children_it(false) {
            self.node(&child, depth + 1)?;
        }
        Ok(())
    }

    fn node(&mut self, node: &NodeRef, depth: usize) -> Result<(), HtmlError> {
        if node.is_text() {
            self.pending.push_str(&escape(&node.text()));
            return Ok(());
        }
        if !node.is_element() || (self.skip)(node) {
            return Ok(());
        }
        let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
        match name.as_str() {
            "p" => {
                self.flush();
                let text = inline(node, false, depth, self.skip)?;
                self.push(Part::Text, &text);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let text = escape(&one_line(&node.text()));
                self.push(Part::Heading, &text);
            }
            "ul" | "ol" => {
                self.flush();
                self.list(node, depth)?;
            }
            "blockquote" => {
                self.flush();
                let mut inner = Walker::new(self.skip);
                inner.children(node, depth)?;
                for part in inner.into_parts() {
                    if let Part::Text(text) | Part::Item(text) | Part::Quote(text) = part {
                        self.parts.push(Part::Quote(text));
                    }
                }
            }
            "figure" => {
                self.flush();
                self.figure(node, depth)?;
            }
            "br" => self.pending.push(' '),
            "img" | "hr" | "picture" | "video" | "audio" => self.flush(),
            _ if is_inline(&name) => {
                let text = inline_element(node, &name, false, depth, self.skip)?;
                self.pending.push_str(&text);
            }
            _ => {
                self.flush();
                self.children(node, depth)?;
                self.flush();
            }
        }
        Ok(())
    }

    fn list(&mut self, list: &NodeRef, depth: usize) -> Result<(), HtmlError> {
        for item in list.children_it(false) {
            if !item.is_element() || (self.skip)(&item) {
                continue;
            }
            if item
                .node_name()
                .is_some_and(|n| n.eq_ignore_ascii_case("li"))
            {
                let nested = |n: &NodeRef| (self.skip)(n) || n.is("ul, ol");
                let text = inline(&item, false, depth + 1, &nested)?;
                self.push(Part::Item, &text);
                for sub in item.children_it(false).filter(|n| n.is("ul, ol")) {
                    self.list(&sub, depth + 2)?;
                }
            } else {
                self.node(&item, depth + 1)?;
            }
        }
        Ok(())
    }

    fn figure(&mut self, figure: &NodeRef, depth: usize) -> Result<(), HtmlError> {
        let image = figure
            .descendants_it()
            .find(|n| n.has_name("img"))
            .and_then(|img| img.attr("src").or_else(|| img.attr("data-src")))
            .map(|src| src.to_string())
            .filter(|src| !src.trim().is_empty() && !src.starts_with("data:"));
        let caption = match figure.descendants_it().find(|n| n.has_name("figcaption")) {
            Some(caption) => one_line(&inline(&caption, false, depth + 1, self.skip)?),
            None => String::new(),
        };
        if !caption.is_empty() {
            self.parts.push(Part::Figure { caption, image });
        }
        Ok(())
    }

    fn push(&mut self, kind: fn(String) -> Part, text: &str) {
        let text = one_line(text);
        if !text.is_empty() {
            self.parts.push(kind(text));
        }
    }

    /// Ends the paragraph of loose inline content (text directly in a `div`), if any.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.pending);
        self.push(Part::Text, &text);
    }
}

/// Whether an element lives inside a paragraph rather than holding paragraphs.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "ins"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
    )
}

/// The Markdown of an element's content as one paragraph's text.
///
/// `bold` says whether the text is already inside a bold run, where a link is written
/// without bold markers of its own.
pub fn inline(
    node: &NodeRef,
    bold: bool,
    depth: usize,
    skip: &dyn Fn(&NodeRef) -> bool,
) -> Result<String, HtmlError> {
    if depth > MAX_DEPTH {
        return Err(HtmlError::TooDeep {
            depth,
            limit: MAX_DEPTH,
        });
    }
    let mut out = String::new();
    for child in node.children_it(false) {
        if child.is_text() {
            out.push_str(&escape(&child.text()));
        } else if child.is_element() && !skip(&child) {
            let name = child.node_name().unwrap_or_default().to_ascii_lowercase();
            out.push_str(&inline_element(&child, &name, bold, depth + 1, skip)?);
        }
    }
    Ok(out)
}

fn inline_element(
    node: &NodeRef,
    name: &str,
    bold: bool,
    depth: usize,
    skip: &dyn Fn(&NodeRef) -> bool,
) -> Result<String, HtmlError> {
    Ok(match name {
        "strong" | "b" if !bold => wrap("**", &inline(node, true, depth, skip)?),
        "em" | "i" | "cite" => wrap("*", &inline(node, bold, depth, skip)?),
        "a" => {
            let words = inline(node, true, depth, skip)?;
            match node.attr("href").filter(|h| is_page_link(h)) {
                Some(href) if !words.trim().is_empty() => {
                    let linked = format!("{} ({})", words.trim(), target(&href));
                    let linked = if bold {
                        linked
                    } else {
                        format!("**{linked}**")
                    };
                    let (before, after) = edges(&words);
                    format!("{before}{linked}{after}")
                }
                _ => words,
            }
        }
        "br" => " ".to_string(),
        "img" | "picture" | "video" | "audio" => String::new(),
        _ if is_inline(name) => inline(node, bold, depth, skip)?,
        // A block inside a paragraph (a `div` in a list item) still parts its words.
        _ => format!(" {} ", inline(node, bold, depth, skip)?),
    })
}

/// Whether an `href` names a page worth keeping as a link target.
fn is_page_link(href: &str) -> bool {
    let href = href.trim();
    !(href.is_empty()
        || href.starts_with('#')
        || href.starts_with("javascript:")
        || href.starts_with("mailto:")
        || href.starts_with("tel:"))
}

/// `**text**` with the spaces that edged the text moved outside the markers, which Markdown
/// would otherwise not read as bold.
fn wrap(marker: &str, text: &str) -> String {
    let inner = text.trim();
    if inner.is_empty() {
        return text.to_string();
    }
    let (before, after) = edges(text);
    format!("{before}{marker}{inner}{marker}{after}")
}

/// A space for each end of `text` that had whitespace.
fn edges(text: &str) -> (&'static str, &'static str) {
    let before = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let after = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    (before, after)
}
