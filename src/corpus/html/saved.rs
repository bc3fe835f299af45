//! Writing what a reader found as the saved-page Markdown that [`crate::corpus::page`] reads.
//!
//! The shapes are the bundled piece's: `# Title`, `by [Name \(/experts/slug\)](#)`, a
//! `Nov 1, 2023` date line, `Also available in` and the Arabic link, ABOUT THE AUTHORS, the
//! content type as `## `, series lines, the bold lead, the body, then TOPICS and REGIONS.

use jiff::civil::Date;

/// A link as the saved form writes it: visible words and where they point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The visible words.
    pub text: String,
    /// The `href`, as the page wrote it.
    pub href: String,
}

/// One author: the byline name and, on the Institute's site, the expert page's slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    /// The name as the byline shows it.
    pub name: String,
    /// The slug of `/experts/slug`, when the byline links there.
    pub slug: Option<String>,
    /// The author's bio from ABOUT THE AUTHORS.
    pub bio: Option<String>,
}

/// A block of the body, its inline text already written as Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A paragraph.
    Text(String),
    /// A heading inside the body.
    Heading(String),
    /// A list item.
    Item(String),
    /// A paragraph of a block quotation.
    Quote(String),
    /// A figure: its caption (`Figure N: ..., Date.`) and image path.
    Figure {
        /// The caption, as Markdown.
        caption: String,
        /// The image's `src`.
        image: Option<String>,
    },
}

/// Everything a reader found in a page, ready to be written as a saved page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// The headline.
    pub title: String,
    /// The byline's authors, in order, with their bios.
    pub authors: Vec<Byline>,
    /// The publication date.
    pub date: Option<Date>,
    /// The page's own `Updated ...` line, kept as it reads.
    pub updated: Option<String>,
    /// The Arabic version's path.
    pub arabic: Option<String>,
    /// `Brief Analysis`, `Article`...
    pub content_type: Option<String>,
    /// The series the piece is part of.
    pub series: Vec<Link>,
    /// `or see Part 1:` lines: the words before the link (`Part 1:`) and the link.
    pub see_also: Vec<(String, Link)>,
    /// The all-bold summary under the header.
    pub lead: Option<String>,
    /// The body, in order.
    pub body: Vec<Part>,
    /// TOPICS.
    pub topics: Vec<Link>,
    /// REGIONS & COUNTRIES.
    pub regions: Vec<Link>,
}

impl Draft {
    /// The draft as saved-page Markdown.
    #[must_use]
    pub fn to_markdown(&self) -> String {
        let mut out = String::with_capacity(4096);
        let mut line = |text: &str| {
            out.push_str(text);
            out.push_str("\n\n");
        };
        line(&format!("# {}", escape(&one_line(&self.title))));
        let names: Vec<String> = self.authors.iter().map(author_link).collect();
        if !names.is_empty() {
            line(&format!("by {}", names.join(", ")));
        }
        if let Some(date) = self.date {
            line(&date_line(date));
        }
        if let Some(updated) = &self.updated {
            line(&escape(updated));
        }
        if let Some(arabic) = &self.arabic {
            line("Also available in");
            line(&format!("[العربية \\({}\\)](#)", target(arabic)));
        }
        if self.authors.iter().any(|a| a.bio.is_some()) {
            line("## ABOUT THE AUTHORS");
            for author in self.authors.iter().filter(|a| a.bio.is_some()) {
                line(&author_link(author));
                line(&escape(author.bio.as_deref().unwrap_or_default()));
            }
        }
        if let Some(kind) = &self.content_type {
            line(&format!("## {}", escape(kind)));
        }
        for series in &self.series {
            let href = target(&series.href);
            line(&format!(
                "Part of a series: [{} \\({href}\\)]({href})",
                escape(&series.text)
            ));
        }
        for (label, link) in &self.see_also {
            let (label, text) = (escape(label), escape(&link.text));
            let href = target(&link.href);
            line(&format!("or see {label} [{text} \\({href}\\)](#)"));
        }
        if let Some(lead) = &self.lead {
            line(&format!("**{}**", escape(lead)));
        }
        for part in &self.body {
            write_part(part, &mut line);
        }
        for (heading, links) in [
            ("TOPICS", &self.topics),
            ("REGIONS & COUNTRIES", &self.regions),
        ] {
            if !links.is_empty() {
                line(&format!("## {heading}"));
                for link in links {
                    let href = target(&link.href);
                    line(&format!("[{} \\({href}\\)]({href})", escape(&link.text)));
                }
            }
        }
        out
    }
}

fn write_part(part: &Part, line: &mut impl FnMut(&str)) {
    match part {
        Part::Text(text) => line(&guard_line_start(text)),
        Part::Heading(text) => line(&format!("## {text}")),
        Part::Item(text) => line(&format!("- {text}")),
        Part::Quote(text) => line(&format!("> {text}")),
        Part::Figure { caption, image } => {
            line(caption);
            if let Some(image) = image {
                line(&format!("({})", target(image)));
            }
        }
    }
}

fn author_link(author: &Byline) -> String {
    let name = escape(&author.name);
    match &author.slug {
        Some(slug) => format!("[{name} \\(/experts/{}\\)](#)", target(slug)),
        None => name,
    }
}

/// `Nov 1, 2023`, the date line the saved form has under the byline.
#[must_use]
pub fn date_line(date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = usize::try_from(date.month() - 1).unwrap_or(0);
    format!("{} {}, {}", MONTHS[month % 12], date.day(), date.year())
}

/// Escapes what Markdown would read as markup, so the loader reads back the page's words.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A link target fit for the saved form's `(target)`: no spaces or parentheses inside.
#[must_use]
pub fn target(href: &str) -> String {
    let mut out = String::with_capacity(href.len());
    for c in href.trim().chars() {
        match c {
            ' ' | '\t' | '\n' | '\r' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '*' | '_' | '[' | ']' | '\\' | '`' | '<' | '&' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Collapses every run of whitespace (newlines included) to one space and trims the ends.
#[must_use]
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Keeps a paragraph from starting a heading, a list, a quotation or a rule.
fn guard_line_start(text: &str) -> String {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let after_digits = text.as_bytes().get(digits);
    if matches!(
        text.as_bytes().first(),
        Some(b'#' | b'>' | b'-' | b'+' | b'=')
    ) {
        format!("\\{text}")
    } else if digits > 0 && matches!(after_digits, Some(b'.' | b')')) {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::markdown::blocks;

    #[test]
    fn escaped_text_reads_back_as_the_same_words() {
        let words = "a *b* _c_ [d](e) `f` <g> &amp; \\ h";
        let got = blocks(&escape(words));
        assert_eq!(got[0].text, words);
        assert!(got[0].runs.is_empty());
    }

    #[test]
    fn paragraphs_that_look_like_markup_stay_paragraphs() {
        for text in [
            "# not a title",
            "- not an item",
            "1. not an item",
            "> not quoted",
            "---",
        ] {
            let got = blocks(&guard_line_start(text));
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].text, text);
            assert_eq!(got[0].heading, None);
        }
    }

    #[test]
    fn writes_the_date_line_the_loader_reads() {
        let date = Date::constant(2023, 11, 1);
        assert_eq!(date_line(date), "Nov 1, 2023");
        assert_eq!(
            crate::corpus::dates::parse_date(&date_line(date)),
            Some(date)
        );
    }
}
