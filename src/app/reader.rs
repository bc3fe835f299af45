//! The piece reader: a whole piece as wrapped lines, with its quotes and actor mentions as
//! marks the cursor can step through.

use std::ops::Range;

use super::wrap::wrap;
use crate::corpus::{BlockKind, SpanKind};
use crate::index::Index;
use crate::index::quotes::QuoteId;

/// What a block of the reader is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockStyle {
    /// The piece's title.
    Title,
    /// Authors, date and series.
    Meta,
    /// The bold lead.
    Lead,
    /// Body text.
    Text,
    /// A subheading.
    Subhead,
    /// A figure caption.
    Caption,
}

/// One block of text: the title, the byline, the lead or a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderBlock {
    /// How it is drawn.
    pub style: BlockStyle,
    /// The text.
    pub text: String,
    /// The paragraph of the piece it shows, if it is one.
    pub paragraph: Option<usize>,
}

/// A quote or an actor mention inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The block it is in.
    pub block: usize,
    /// Its byte range in the block's text.
    pub range: Range<usize>,
    /// What it is.
    pub kind: MarkKind,
}

/// What a [`Mark`] points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkKind {
    /// An extracted quote.
    Quote(QuoteId),
    /// A mention of an actor (index in the corpus).
    Mention(usize),
}

/// One screen line of the reader: a slice of a block, or a blank line between blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderLine {
    /// The block, or `None` for a blank line.
    pub block: Option<usize>,
    /// Byte range of the block's text on this line.
    pub range: Range<usize>,
}

/// The reader's state.
#[derive(Debug, Clone)]
pub struct Reader {
    /// The piece (index in the corpus).
    pub piece: usize,
    /// The blocks, in reading order.
    pub blocks: Vec<ReaderBlock>,
    /// Quotes and mentions, in reading order.
    pub marks: Vec<Mark>,
    /// The selected mark.
    pub cursor: Option<usize>,
    /// The first line on screen.
    pub scroll: usize,
    /// The wrapped lines for the current width.
    pub lines: Vec<ReaderLine>,
    /// The first line of each block.
    starts: Vec<usize>,
    width: usize,
}

impl Reader {
    /// Opens piece `piece` with the cursor on `quote` when it is one of the piece's quotes.
    #[must_use]
    pub fn open(index: &Index, piece: usize, quote: Option<QuoteId>) -> Self {
        let (blocks, marks) = blocks_of(index, piece);
        let cursor = quote.and_then(|q| marks.iter().position(|m| m.kind == MarkKind::Quote(q)));
        Self {
            piece,
            blocks,
            marks,
            cursor,
            scroll: 0,
            lines: Vec::new(),
            starts: Vec::new(),
            width: 0,
        }
    }

    /// Wraps the blocks to `width` columns, keeping the cursor's line in view on `height` rows
    /// when the piece was just opened. Wrapped again at another width, the reader keeps its
    /// place: the text that was at the top of the screen stays there.
    pub fn layout(&mut self, width: usize, height: usize) {
        let first_layout = self.width == 0;
        if width != self.width {
            // The top line's place in the text: its block and where in it the line starts
            // (for a blank line, the block after it).
            let anchor = self.lines.get(self.scroll).map(|line| match line.block {
                Some(block) => (block, line.range.start),
                None => (
                    self.lines[self.scroll..]
                        .iter()
                        .find_map(|l| l.block)
                        .unwrap_or(0),
                    0,
                ),
            });
            self.width = width;
            self.lines.clear();
            self.starts.clear();
            for (i, block) in self.blocks.iter().enumerate() {
                if i > 0 {
                    self.lines.push(ReaderLine {
                        block: None,
                        range: 0..0,
                    });
                }
                self.starts.push(self.lines.len());
                self.lines.extend(
                    wrap(&block.text, width)
                        .into_iter()
                        .map(|range| ReaderLine {
                            block: Some(i),
                            range,
                        }),
                );
            }
            if let Some((block, at)) = anchor.filter(|_| !first_layout) {
                self.scroll = self
                    .lines
                    .iter()
                    .rposition(|l| l.block == Some(block) && l.range.start <= at)
                    .unwrap_or(0);
            }
        }
        if first_layout {
            self.reveal_cursor(height);
        } else {
            self.clamp(height);
        }
    }

    /// Scrolls so the cursor's mark is on screen, a third of the way down when it was not.
    pub fn reveal_cursor(&mut self, height: usize) {
        if let Some(line) = self.cursor.and_then(|c| self.line_of(c)) {
            if line < self.scroll || line >= self.scroll + height.max(1) {
                self.scroll = line.saturating_sub(height / 3);
            }
        }
        self.clamp(height);
    }

    /// Keeps the scroll within the text.
    pub fn clamp(&mut self, height: usize) {
        self.scroll = self
            .scroll
            .min(self.lines.len().saturating_sub(height.max(1)));
    }

    /// Moves the cursor to the next (or previous) mark that `wanted` accepts, wrapping around.
    pub fn step(&mut self, forward: bool, wanted: impl Fn(&MarkKind) -> bool) {
        let n = self.marks.len();
        if n == 0 {
            return;
        }
        let start = self
            .cursor
            .or_else(|| self.first_visible_mark().map(|m| m + n - 1))
            .unwrap_or(n - 1);
        for k in 1..=n {
            let i = if forward {
                (start + k) % n
            } else {
                (start + n * 2 - k) % n
            };
            if wanted(&self.marks[i].kind) {
                self.cursor = Some(i);
                return;
            }
        }
    }

    /// The line holding the start of mark `mark`.
    #[must_use]
    pub fn line_of(&self, mark: usize) -> Option<usize> {
        let m = self.marks.get(mark)?;
        // Only the mark's block's lines are looked at: a long piece has tens of thousands.
        let at = *self.starts.get(m.block)?;
        self.lines
            .get(at..)?
            .iter()
            .take_while(|l| l.block == Some(m.block))
            .position(|l| {
                l.block == Some(m.block)
                    && l.range.start <= m.range.start
                    && m.range.start <= l.range.end
            })
            .map(|i| at + i)
    }

    fn first_visible_mark(&self) -> Option<usize> {
        (0..self.marks.len()).find(|&i| self.line_of(i).is_some_and(|l| l >= self.scroll))
    }
}

fn blocks_of(index: &Index, piece_at: usize) -> (Vec<ReaderBlock>, Vec<Mark>) {
    let mut blocks = Vec::new();
    let mut marks = Vec::new();
    let Some(piece) = index.corpus.pieces.get(piece_at) else {
        return (blocks, marks);
    };
    let block = |style, text: &str| ReaderBlock {
        style,
        text: text.to_string(),
        paragraph: None,
    };
    blocks.push(block(BlockStyle::Title, &piece.title));
    let mut meta: Vec<String> = Vec::new();
    if !piece.authors.is_empty() {
        let names: Vec<&str> = piece.authors.iter().map(|a| a.name.as_str()).collect();
        meta.push(format!("by {}", names.join(", ")));
    }
    meta.extend(piece.date.map(|d| d.strftime("%B %-d, %Y").to_string()));
    meta.extend(piece.series.first().cloned());
    if !meta.is_empty() {
        blocks.push(block(BlockStyle::Meta, &meta.join(" · ")));
    }
    if let Some(lead) = &piece.lead {
        if piece.paragraphs.first().is_none_or(|p| &p.text != lead) {
            blocks.push(block(BlockStyle::Lead, lead));
        }
    }
    let quotes = index.by_piece.get(piece_at).map_or(&[][..], Vec::as_slice);
    // Each paragraph's quotes, found in one pass: a piece of thousands of paragraphs and
    // quotes opens at once.
    let mut by_paragraph: Vec<Vec<QuoteId>> = vec![Vec::new(); piece.paragraphs.len()];
    for &q in quotes {
        if let Some(list) = index
            .quote(q)
            .and_then(|quote| by_paragraph.get_mut(quote.paragraph))
        {
            list.push(q);
        }
    }
    for (p, paragraph) in piece.paragraphs.iter().enumerate() {
        let at = blocks.len();
        let mut here: Vec<Mark> = by_paragraph[p]
            .iter()
            .filter_map(|&q| {
                let quote = index.quote(q)?;
                Some(Mark {
                    block: at,
                    range: quote.range.0..quote.range.1,
                    kind: MarkKind::Quote(q),
                })
            })
            .collect();
        here.extend(paragraph.spans.iter().filter_map(|span| match &span.kind {
            SpanKind::Mention { actor } => Some(Mark {
                block: at,
                range: span.start..span.end,
                kind: MarkKind::Mention(index.actor_index(actor)? as usize),
            }),
            SpanKind::Link { .. } | SpanKind::Emphasis => None,
        }));
        here.retain(|m| m.range.end <= paragraph.text.len() && m.range.start < m.range.end);
        here.sort_by_key(|m| (m.range.start, m.range.end));
        marks.extend(here);
        let style = match paragraph.kind {
            BlockKind::Text | BlockKind::Item | BlockKind::Blockquote => BlockStyle::Text,
            BlockKind::Subhead => BlockStyle::Subhead,
            BlockKind::Caption => BlockStyle::Caption,
        };
        blocks.push(ReaderBlock {
            style,
            text: paragraph.text.clone(),
            paragraph: Some(p),
        });
    }
    (blocks, marks)
}
