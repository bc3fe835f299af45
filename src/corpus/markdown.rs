//! Markdown to flat blocks: the first step of reading a saved page.
//!
//! Saved pages write links as `[Name \(/target\)](#)` and mentions as `**Name (/node/N)**`;
//! this module turns each paragraph or heading into plain text plus marked runs, moving
//! such trailing `(target)` parentheses out of the text into the run.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A paragraph or heading as plain text with its bold, italic and link runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Heading level (1–6), or `None` for a paragraph.
    pub heading: Option<u8>,
    /// What holds the block: the page itself, a list item or a block quotation.
    pub container: Container,
    /// Plain text with link targets moved out.
    pub text: String,
    /// 1-based line of the block's first character.
    pub line: u32,
    /// Marked runs inside `text`.
    pub runs: Vec<Run>,
}

/// What a block stands in: each list item is a block of its own, and a block quotation (`> ...`)
/// marks the words it holds as quoted, with or without quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Container {
    /// Directly in the page.
    #[default]
    Page,
    /// A list item (`- ...`, `1. ...`).
    Item,
    /// A block quotation (`> ...`).
    Quote,
}

/// A run of bold, italic or linked text inside a [`Block`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Byte offset of the run in [`Block::text`].
    pub start: usize,
    /// Byte offset one past the run.
    pub end: usize,
    /// Bold text.
    pub strong: bool,
    /// The link target: the Markdown destination, or the `(target)` the saved text carried.
    pub target: Option<String>,
}

impl Block {
    /// Whether one bold run covers all the visible text (a lead or a subhead).
    #[must_use]
    pub fn is_all_bold(&self) -> bool {
        let trimmed = self.text.trim();
        if trimmed.is_empty() {
            return false;
        }
        let lead = self.text.len() - self.text.trim_start().len();
        let tail = lead + trimmed.len();
        self.runs
            .iter()
            .any(|r| r.strong && r.start <= lead && r.end >= tail)
    }

    /// The first run with a link target.
    #[must_use]
    pub fn first_link(&self) -> Option<&Run> {
        self.runs.iter().find(|r| r.target.is_some())
    }
}

/// Splits a saved page into blocks, in order, with their source lines.
///
/// Each paragraph, heading and list item is a block (a tight list's items hold no paragraph,
/// so the item itself starts one); a nested list ends its item's block.
#[must_use]
pub fn blocks(source: &str) -> Vec<Block> {
    let mut lines = LineCounter::new(source);
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    let mut open: Vec<(usize, bool, Option<String>)> = Vec::new();
    let (mut quotes, mut items) = (0usize, 0usize);
    let container = |quotes: usize, items: usize| match (quotes, items) {
        (0, 0) => Container::Page,
        (0, _) => Container::Item,
        _ => Container::Quote,
    };
    for (event, range) in Parser::new_ext(source, Options::empty()).into_offset_iter() {
        match event {
            // A loose list item's first paragraph fills the block the item started.
            Event::Start(Tag::Paragraph)
                if !current.as_ref().is_some_and(|b| b.text.is_empty()) =>
            {
                finish(&mut current, &mut out, &mut open);
                current = Some(new_block(
                    None,
                    container(quotes, items),
                    lines.line(range.start),
                    range.len(),
                ));
            }
            Event::Start(Tag::Heading { level, .. }) => {
                finish(&mut current, &mut out, &mut open);
                let level = u8::try_from(level as usize).unwrap_or(6);
                let line = lines.line(range.start);
                current = Some(new_block(
                    Some(level),
                    container(quotes, items),
                    line,
                    range.len(),
                ));
            }
            Event::Start(Tag::Item) => {
                finish(&mut current, &mut out, &mut open);
                items += 1;
                let line = lines.line(range.start);
                current = Some(new_block(None, container(quotes, items), line, range.len()));
            }
            Event::Start(Tag::BlockQuote(_)) => {
                finish(&mut current, &mut out, &mut open);
                quotes += 1;
            }
            Event::Start(Tag::List(_)) => finish(&mut current, &mut out, &mut open),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => {
                finish(&mut current, &mut out, &mut open);
            }
            Event::End(TagEnd::Item) => {
                finish(&mut current, &mut out, &mut open);
                items = items.saturating_sub(1);
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                finish(&mut current, &mut out, &mut open);
                quotes = quotes.saturating_sub(1);
            }
            Event::Start(Tag::Strong) => push_open(&current, &mut open, true, None),
            Event::Start(Tag::Link { dest_url, .. }) => {
                // Saved pages mostly link to `#`, which names no target: skip copying it.
                let target = is_target(&dest_url).then(|| dest_url.to_string());
                push_open(&current, &mut open, false, target);
            }
            Event::End(TagEnd::Strong | TagEnd::Link) => {
                if let (Some(block), Some((start, strong, target))) = (current.as_mut(), open.pop())
                {
                    close_run(block, start, strong, target);
                }
            }
            Event::Text(text) | Event::Code(text) => append(&mut current, &text),
            Event::SoftBreak => append(&mut current, " "),
            Event::HardBreak => append(&mut current, "\n"),
            _ => {}
        }
    }
    finish(&mut current, &mut out, &mut open);
    out
}

/// Ends the block being filled, if any.
fn finish(
    current: &mut Option<Block>,
    out: &mut Vec<Block>,
    open: &mut Vec<(usize, bool, Option<String>)>,
) {
    if let Some(block) = current.take() {
        out.push(block);
    }
    open.clear();
}

/// A block about to be filled; its text never outgrows the Markdown it comes from.
fn new_block(heading: Option<u8>, container: Container, line: u32, source_len: usize) -> Block {
    Block {
        heading,
        container,
        text: String::with_capacity(source_len),
        line,
        runs: Vec::new(),
    }
}

fn push_open(
    current: &Option<Block>,
    open: &mut Vec<(usize, bool, Option<String>)>,
    strong: bool,
    target: Option<String>,
) {
    if let Some(block) = current {
        open.push((block.text.len(), strong, target));
    }
}

fn append(current: &mut Option<Block>, text: &str) {
    if let Some(block) = current.as_mut() {
        block.text.push_str(text);
    }
}

/// Ends a run; a trailing `(target)` inside it becomes the run's target and leaves the text.
fn close_run(block: &mut Block, start: usize, strong: bool, target: Option<String>) {
    let mut target = target.filter(|t| is_target(t)).map(site_path);
    if let Some((cut, inner)) = trailing_target(&block.text[start..]) {
        // The carried target names the real page; a `#` destination says nothing.
        target = Some(site_path(inner));
        block.text.truncate(start + cut);
    }
    let end = block.text.len();
    if end > start {
        // A bold link and its bold run describe the same text: merge them.
        if let Some(inner) = block
            .runs
            .iter_mut()
            .find(|r| r.start == start && r.end == end)
        {
            inner.strong |= strong;
            if inner.target.is_none() {
                inner.target = target;
            }
            return;
        }
        block.runs.push(Run {
            start,
            end,
            strong,
            target,
        });
    }
}

/// The series site's host: its absolute links are read as the paths saved pages write.
const SERIES_HOST: &str = "washingtoninstitute.org";

/// A link to a page of the series' site as the path saved pages write (`/node/17003`,
/// `/experts/hamdi-malik`), as clippers keep the whole address; other targets unchanged.
fn site_path(target: String) -> String {
    let Some(rest) = target
        .strip_prefix("https://")
        .or_else(|| target.strip_prefix("http://"))
    else {
        return target;
    };
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    if host == SERIES_HOST || host.ends_with(&format!(".{SERIES_HOST}")) {
        format!("/{path}")
    } else {
        target
    }
}

/// Whether a link destination names a page: an empty or `#` destination says nothing.
fn is_target(destination: &str) -> bool {
    !destination.is_empty() && destination != "#"
}

/// Finds `" (target)"` at the end of a run's text: returns where the text stops and the target.
fn trailing_target(text: &str) -> Option<(usize, String)> {
    let body = text.strip_suffix(')')?;
    let open = body.rfind('(')?;
    let inner = &body[open + 1..];
    let looks_like_target = inner.starts_with('/') || inner.starts_with("http");
    if !looks_like_target || inner.contains(char::is_whitespace) {
        return None;
    }
    let cut = text[..open].trim_end().len();
    Some((cut, inner.to_string()))
}

/// Maps byte offsets to 1-based line numbers, counting forward from the last offset asked
/// about: blocks arrive in document order, so the whole page is scanned once.
#[derive(Debug)]
struct LineCounter<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(source: &'a str) -> Self {
        Self {
            bytes: source.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The 1-based line holding byte `offset`.
    fn line(&mut self, offset: usize) -> u32 {
        let offset = offset.min(self.bytes.len());
        if offset < self.at {
            self.at = 0;
            self.line = 1;
        }
        self.line += memchr::memchr_iter(b'\n', &self.bytes[self.at..offset]).count();
        self.at = offset;
        u32::try_from(self.line).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_escaped_link_targets_out_of_the_text() {
        let b =
            &blocks("by [Hamdi Malik \\(/experts/hamdi-malik\\)](#), [X \\(/experts/x\\)](#)\n")[0];
        assert_eq!(b.text, "by Hamdi Malik, X");
        assert_eq!(b.runs[0].target.as_deref(), Some("/experts/hamdi-malik"));
        assert_eq!(&b.text[b.runs[0].start..b.runs[0].end], "Hamdi Malik");
    }

    #[test]
    fn reads_bold_mentions_with_node_ids() {
        // A clipper keeps the whole address: the series' own links read as their paths.
        let b = &blocks(
            "the **[Badr Organization](https://www.washingtoninstitute.org/node/17003)** said",
        )[0];
        assert_eq!(b.runs[0].target.as_deref(), Some("/node/17003"));
        let b = &blocks("see [a report](https://example.org/node/5)")[0];
        assert_eq!(
            b.runs[0].target.as_deref(),
            Some("https://example.org/node/5")
        );
        let b = &blocks("the Iran-backed **Badr Organization (/node/17003)**, issued")[0];
        assert_eq!(b.text, "the Iran-backed Badr Organization, issued");
        let run = &b.runs[0];
        assert!(run.strong);
        assert_eq!(run.target.as_deref(), Some("/node/17003"));
        assert_eq!(&b.text[run.start..run.end], "Badr Organization");
    }

    #[test]
    fn keeps_ordinary_parentheses() {
        let b = &blocks("**Badr (the group)** said")[0];
        assert_eq!(b.text, "Badr (the group) said");
        assert_eq!(b.runs[0].target, None);
    }

    #[test]
    fn tells_all_bold_paragraphs_from_a_bold_drop_cap() {
        let all = blocks("**Iraqi elements are bellicose.**\n\n**A**s Israel's campaign\n");
        assert!(all[0].is_all_bold());
        assert!(!all[1].is_all_bold());
        assert_eq!(all[1].text, "As Israel's campaign");
    }

    #[test]
    fn every_list_item_and_quoted_paragraph_is_a_block() {
        let all = blocks(
            "Claims:\n\n- On May 1, X said \"a\".\n- 2 May: Y.\n\n> Quoted words.\n\nAfter.\n",
        );
        let got: Vec<(&str, Container)> =
            all.iter().map(|b| (b.text.as_str(), b.container)).collect();
        assert_eq!(
            got,
            vec![
                ("Claims:", Container::Page),
                ("On May 1, X said \"a\".", Container::Item),
                ("2 May: Y.", Container::Item),
                ("Quoted words.", Container::Quote),
                ("After.", Container::Page),
            ]
        );
        let loose = blocks("- one\n\n- two\n");
        let texts: Vec<&str> = loose.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["one", "two"]);
    }

    #[test]
    fn records_lines_of_headings_and_paragraphs() {
        let all = blocks("# Title\n\nby someone\n\n\n## ABOUT\n");
        let lines: Vec<u32> = all.iter().map(|b| b.line).collect();
        assert_eq!(lines, vec![1, 3, 6]);
        assert_eq!(all[0].heading, Some(1));
    }

    #[test]
    fn counts_lines_forward_and_starts_over_when_asked_about_an_earlier_offset() {
        let mut lines = LineCounter::new("a\nb\n\nc");
        assert_eq!(lines.line(0), 1);
        assert_eq!(lines.line(2), 2);
        assert_eq!(lines.line(5), 4);
        assert_eq!(lines.line(99), 4);
        assert_eq!(lines.line(3), 2);
    }
}
