//! The saved-page reader: a Militia Spotlight page rendered to Markdown, as users save it.
//!
//! The page is read in sections: the header (title, byline, date, Arabic link), ABOUT THE
//! AUTHORS, the preamble (content type, series lines, bold lead), the body (text, subheads,
//! figure captions) and the trailing PART OF A SERIES, RECOMMENDED, TOPICS and REGIONS lists.
//! Actor mentions are not resolved here; links keep their targets for [`super::mentions`].

mod body;
mod front_matter;
mod trailer;

use self::trailer::trailer_section;
use super::dates::parse_date;
use super::markdown::{Block, blocks};
use super::model::{Author, BlockKind, Piece};
use super::slug::slugify;

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
    let (front, text) = front_matter::split(text);
    let mut parser = PageParser::new(source);
    let front = match front {
        Some(Ok(front)) => Some(front),
        Some(Err(issue)) => {
            parser.issues.push(issue);
            None
        }
        None => None,
    };
    for block in blocks(&text) {
        parser.block(block);
    }
    if let Some(front) = front {
        if parser.title_line.is_none() {
            if let Some(title) = front.title() {
                parser.piece.title = title.to_string();
                parser.title_line = Some(1);
            }
        }
        front.apply(&mut parser.piece, &mut parser.issues);
    }
    parser.finish()
}

/// The state of reading one saved page's Markdown blocks into a piece: which section the
/// blocks are in, and what is pending from the block before.
struct PageParser {
    piece: Piece,
    section: Section,
    issues: Vec<PageIssue>,
    title_line: Option<u32>,
    /// A related link whose real target is on the next `(path)` line.
    pending_related: Option<usize>,
    current_author: Option<usize>,
}

impl PageParser {
    fn new(source: &str) -> Self {
        let piece = Piece::named(String::new(), String::new(), source.to_string());
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
            .get(..3)
            .filter(|by| by.eq_ignore_ascii_case("by ") && self.piece.authors.is_empty())
            .map(|_| &text[3..])
        {
            self.byline(&block, rest);
        } else if let Some(updated) = text.strip_prefix("Updated ") {
            self.piece.updated = self.piece.updated.or_else(|| parse_date(updated));
        } else if let Some(date) = self
            .piece
            .date
            .is_none()
            .then(|| parse_date(text))
            .flatten()
        {
            self.piece.date = Some(date);
        } else if text.eq_ignore_ascii_case("also available in") {
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
            // What is glued to the link's front belongs to the name: in `by ESC[[31mName](…)`
            // the Markdown link starts at the second bracket, and the ESC must not vanish.
            let glued = block.text[..run.start]
                .char_indices()
                .rev()
                .take_while(|(_, c)| !c.is_whitespace() && *c != ',')
                .last()
                .map_or(run.start, |(at, _)| at);
            let name = block.text[glued..run.end].trim().to_string();
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
