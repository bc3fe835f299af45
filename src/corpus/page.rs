//! The saved-page reader: a Militia Spotlight page rendered to Markdown, as users save it.
//!
//! The page is read in sections: the header (title, byline, date, Arabic link), ABOUT THE
//! AUTHORS, the preamble (content type, series lines, bold lead), the body (text, subheads,
//! figure captions) and the trailing PART OF A SERIES, RECOMMENDED, TOPICS and REGIONS lists.
//! Actor mentions are not resolved here; links keep their targets for [`super::mentions`].

use std::sync::LazyLock;

use regex::Regex;

use super::dates::{find_dates, parse_date};
use super::markdown::{Block, blocks};
use super::model::{Author, BlockKind, Figure, Paragraph, Piece, Related, Span, SpanKind};
use super::slug::slugify;

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:figure)\s+(\d{1,4})\s*[:.\-–—]\s*(.*)$")
        .unwrap_or_else(|e| unreachable!("static figure pattern: {e}"))
});

/// A problem in a saved page, with the line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageIssue {
    /// 1-based line in the file.
    pub line: u32,
    /// What is wrong, in words for the analyst.
    pub message: String,
}

/// Where the reader is in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Header,
    Authors,
    Preamble,
    Body,
    Series,
    Recommended,
    Topics,
    Regions,
}

/// Reads a saved page. `source` names the file in the corpus (for the piece's `source`).
///
/// Returns the piece and the warnings worth showing (missing date, figure without a caption);
/// fails only when the page has no title or no body at all.
pub fn read_page(text: &str, source: &str) -> Result<(Piece, Vec<PageIssue>), PageIssue> {
    let mut reader = Reader::new(source);
    for block in blocks(text) {
        reader.block(block);
    }
    reader.finish()
}

struct Reader {
    piece: Piece,
    section: Section,
    issues: Vec<PageIssue>,
    title_line: Option<u32>,
    /// A related link whose real target is on the next `(path)` line.
    pending_related: Option<usize>,
    current_author: Option<usize>,
}

impl Reader {
    fn new(source: &str) -> Self {
        let piece = Piece {
            id: String::new(),
            title: String::new(),
            url: None,
            date: None,
            authors: Vec::new(),
            series: Vec::new(),
            content_type: None,
            arabic_url: None,
            lead: None,
            paragraphs: Vec::new(),
            figures: Vec::new(),
            topics: Vec::new(),
            regions: Vec::new(),
            related: Vec::new(),
            source: source.to_string(),
        };
        let issues = Vec::new();
        Self {
            piece,
            section: Section::Header,
            issues,
            title_line: None,
            pending_related: None,
            current_author: None,
        }
    }

    fn block(&mut self, block: Block) {
        let text = block.text.trim();
        if text.is_empty() {
            return;
        }
        if block.heading == Some(1) && self.title_line.is_none() {
            self.piece.title = text.to_string();
            self.title_line = Some(block.line);
            return;
        }
        if let Some(section) = trailer_section(&block) {
            self.section = section;
            self.pending_related = None;
            return;
        }
        match self.section {
            Section::Header | Section::Authors | Section::Preamble => self.front_matter(block),
            Section::Body => self.body(block),
            Section::Series | Section::Recommended => self.related(&block),
            Section::Topics | Section::Regions => self.label(&block),
        }
    }

    fn front_matter(&mut self, block: Block) {
        let text = block.text.trim();
        if block.heading.is_some() && text.eq_ignore_ascii_case("about the authors") {
            self.section = Section::Authors;
        } else if block.heading == Some(2)
            && self.piece.content_type.is_none()
            && self.piece.lead.is_none()
        {
            self.piece.content_type = Some(text.to_string());
            self.section = Section::Preamble;
        } else if let Some(rest) = text
            .strip_prefix("by ")
            .filter(|_| self.piece.authors.is_empty())
        {
            self.byline(&block, rest);
        } else if let Some(date) = self
            .piece
            .date
            .is_none()
            .then(|| parse_date(text))
            .flatten()
        {
            self.piece.date = Some(date);
        } else if text.starts_with("Updated ") || text.eq_ignore_ascii_case("also available in") {
        } else if let Some(target) = block
            .first_link()
            .and_then(|r| r.target.clone())
            .filter(|t| t.starts_with("/ar/"))
        {
            self.piece.arabic_url = Some(target);
        } else if let Some(index) = self.author_link(&block) {
            self.current_author = Some(index);
        } else if self.section == Section::Authors
            && self.current_author.is_some()
            && block.heading.is_none()
        {
            self.bio(text);
        } else if text.starts_with("Part of a series:") {
            if let Some(run) = block.first_link() {
                self.piece
                    .series
                    .push(block.text[run.start..run.end].trim().to_string());
            }
        } else if text.starts_with("or see ") {
            self.push_related(&block, "series");
        } else if block.is_all_bold() && self.piece.lead.is_none() {
            self.piece.lead = Some(text.to_string());
            self.section = Section::Body;
        } else {
            self.section = Section::Body;
            self.body(block);
        }
    }

    fn byline(&mut self, block: &Block, rest: &str) {
        for run in &block.runs {
            let name = block.text[run.start..run.end].trim().to_string();
            let slug = run
                .target
                .as_deref()
                .and_then(|t| t.strip_prefix("/experts/"))
                .map(str::to_string);
            self.piece.authors.push(Author {
                name,
                slug,
                bio: None,
            });
        }
        if block.runs.is_empty() {
            let names = rest.split([',', '&']).flat_map(|s| s.split(" and "));
            for name in names.map(str::trim).filter(|n| !n.is_empty()) {
                self.piece.authors.push(Author {
                    name: name.to_string(),
                    slug: None,
                    bio: None,
                });
            }
        }
    }

    /// A paragraph that is only a link to an expert page starts that author's bio.
    fn author_link(&mut self, block: &Block) -> Option<usize> {
        let run = block.first_link()?;
        let slug = run.target.as_deref()?.strip_prefix("/experts/")?;
        if run.start > 0 || run.end < block.text.trim_end().len() {
            return None;
        }
        let name = block.text[run.start..run.end].trim();
        let found = self
            .piece
            .authors
            .iter()
            .position(|a| a.slug.as_deref() == Some(slug));
        Some(found.unwrap_or_else(|| {
            let author = Author {
                name: name.to_string(),
                slug: Some(slug.to_string()),
                bio: None,
            };
            self.piece.authors.push(author);
            self.piece.authors.len() - 1
        }))
    }

    fn bio(&mut self, text: &str) {
        if let Some(author) = self
            .current_author
            .and_then(|i| self.piece.authors.get_mut(i))
        {
            match &mut author.bio {
                Some(bio) => {
                    bio.push(' ');
                    bio.push_str(text);
                }
                None => author.bio = Some(text.to_string()),
            }
        }
    }

    fn body(&mut self, block: Block) {
        let text = block.text.trim();
        if let Some(image) = bare_target(text) {
            self.attach_image(image);
            return;
        }
        let maybe_figure = text
            .get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case("figure"));
        if let Some(caps) = maybe_figure.then(|| FIGURE.captures(text)).flatten() {
            let number = caps.get(1).and_then(|m| m.as_str().parse().ok());
            let caption = caps.get(2).map_or("", |m| m.as_str()).to_string();
            if let Some(number) = number {
                self.figure(block, number, caption);
                return;
            }
        }
        let kind =
            if block.heading.is_some() || (block.is_all_bold() && block.first_link().is_none()) {
                BlockKind::Subhead
            } else {
                BlockKind::Text
            };
        self.paragraph(block, kind);
    }

    fn figure(&mut self, block: Block, number: u32, caption: String) {
        let reference = self.piece.date;
        let date = find_dates(&caption, reference).last().map(|d| d.date);
        if self.piece.figures.iter().any(|f| f.number == number) {
            let message = format!("Figure {number} has a second caption; the first one is kept");
            self.issues.push(PageIssue {
                line: block.line,
                message,
            });
        } else {
            let paragraph = self.piece.paragraphs.len();
            self.piece.figures.push(Figure {
                number,
                caption,
                date,
                image: None,
                paragraph,
            });
        }
        self.paragraph(block, BlockKind::Caption);
    }

    fn attach_image(&mut self, image: &str) {
        let last_is_caption = self
            .piece
            .paragraphs
            .last()
            .is_some_and(|p| p.kind == BlockKind::Caption);
        if let (true, Some(figure)) = (last_is_caption, self.piece.figures.last_mut()) {
            figure.image.get_or_insert_with(|| image.to_string());
        }
    }

    fn paragraph(&mut self, block: Block, kind: BlockKind) {
        let offset = block.text.len() - block.text.trim_start().len();
        let kept = block.text.trim_end().len().saturating_sub(offset);
        let spans: Vec<Span> = block
            .runs
            .iter()
            .filter(|r| r.start >= offset && r.end <= offset + kept)
            .map(|r| Span {
                start: r.start - offset,
                end: r.end - offset,
                kind: r
                    .target
                    .clone()
                    .map_or(SpanKind::Emphasis, |target| SpanKind::Link { target }),
            })
            .collect();
        for run in &block.runs {
            if let Some(target) = run.target.as_deref().filter(|t| is_piece_path(t)) {
                let title = block.text[run.start..run.end].trim().to_string();
                let related = Related {
                    title,
                    target: target.to_string(),
                    section: "body".into(),
                };
                self.piece.related.push(related);
            }
        }
        // Trim in place: the block's text becomes the paragraph's without a copy.
        let mut text = block.text;
        text.truncate(offset + kept);
        text.drain(..offset);
        self.piece.paragraphs.push(Paragraph {
            kind,
            text,
            line: block.line,
            spans,
        });
    }

    fn related(&mut self, block: &Block) {
        let text = block.text.trim();
        if let Some(target) = bare_target(text) {
            if let Some(related) = self
                .pending_related
                .take()
                .and_then(|i| self.piece.related.get_mut(i))
            {
                related.target = target.to_string();
            }
            return;
        }
        let section = if self.section == Section::Series {
            "series"
        } else {
            "recommended"
        };
        let Some(run) = block.first_link() else {
            return;
        };
        if block.heading == Some(3)
            && section == "series"
            && run
                .target
                .as_deref()
                .is_some_and(|t| t.contains("/series/"))
        {
            let name = block.text[run.start..run.end].trim().to_string();
            if !self.piece.series.contains(&name) {
                self.piece.series.push(name);
            }
            return;
        }
        self.push_related(block, section);
    }

    fn push_related(&mut self, block: &Block, section: &str) {
        let Some(run) = block.runs.iter().find(|r| r.end > r.start) else {
            return;
        };
        let title = block.text[run.start..run.end].trim().to_string();
        let target = run.target.clone().unwrap_or_default();
        self.pending_related = target.is_empty().then_some(self.piece.related.len());
        self.piece.related.push(Related {
            title,
            target,
            section: section.to_string(),
        });
    }

    fn label(&mut self, block: &Block) {
        let list = if self.section == Section::Topics {
            &mut self.piece.topics
        } else {
            &mut self.piece.regions
        };
        let name = block
            .first_link()
            .map_or(block.text.trim(), |r| block.text[r.start..r.end].trim());
        if !name.is_empty() && !list.iter().any(|t| t == name) {
            list.push(name.to_string());
        }
    }

    fn finish(mut self) -> Result<(Piece, Vec<PageIssue>), PageIssue> {
        let Some(title_line) = self.title_line else {
            return Err(PageIssue {
                line: 1,
                message: "no title: a saved page starts with a `# Title` line".into(),
            });
        };
        self.piece.id = slugify(&self.piece.title);
        if self.piece.id.is_empty() {
            return Err(PageIssue {
                line: title_line,
                message: "the title has no letters or digits to make an id from".into(),
            });
        }
        if self.piece.date.is_none() {
            let message = "no date line (like `Nov 1, 2023`) under the title; quotes without a date in the text get none".into();
            self.issues.push(PageIssue {
                line: title_line,
                message,
            });
        }
        if !self
            .piece
            .paragraphs
            .iter()
            .any(|p| p.kind == BlockKind::Text)
        {
            return Err(PageIssue {
                line: title_line,
                message: "no body text after the header".into(),
            });
        }
        Ok((self.piece, self.issues))
    }
}

fn trailer_section(block: &Block) -> Option<Section> {
    if block.heading != Some(2) {
        return None;
    }
    match block.text.trim().to_ascii_uppercase().as_str() {
        "PART OF A SERIES" => Some(Section::Series),
        "RECOMMENDED" => Some(Section::Recommended),
        "TOPICS" => Some(Section::Topics),
        "REGIONS & COUNTRIES" | "REGIONS" => Some(Section::Regions),
        _ => None,
    }
}

/// A paragraph that is only a parenthesized path: `(/sites/default/files/figure%201.png)`.
fn bare_target(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('(')?.strip_suffix(')')?;
    let is_target = (inner.starts_with('/') || inner.starts_with("http"))
        && !inner.contains(char::is_whitespace);
    is_target.then_some(inner)
}

/// Whether a link target is another piece (rather than a file or an outside page).
#[must_use]
pub fn is_piece_path(target: &str) -> bool {
    target.starts_with("/node/") || target.starts_with("/policy-analysis/")
}
