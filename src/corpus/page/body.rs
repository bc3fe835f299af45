//! The body of a saved page: text paragraphs, subheads, figure captions and their images.

use std::sync::LazyLock;

use regex::Regex;

use super::super::dates::find_dates;
use super::super::markdown::Block;
use super::super::model::{BlockKind, Figure, Paragraph, Related, Span, SpanKind};
use super::{PageIssue, Reader, bare_target, is_piece_path};

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:figure)\s+(\d{1,4})\s*[:.\-–—]\s*(.*)$")
        .unwrap_or_else(|e| unreachable!("static figure pattern: {e}"))
});

impl Reader {
    pub(super) fn body(&mut self, block: Block) {
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

    pub(super) fn figure(&mut self, block: Block, number: u32, caption: String) {
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

    pub(super) fn attach_image(&mut self, image: &str) {
        let last_is_caption = self
            .piece
            .paragraphs
            .last()
            .is_some_and(|p| p.kind == BlockKind::Caption);
        if let (true, Some(figure)) = (last_is_caption, self.piece.figures.last_mut()) {
            figure.image.get_or_insert_with(|| image.to_string());
        }
    }

    pub(super) fn paragraph(&mut self, block: Block, kind: BlockKind) {
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
}
