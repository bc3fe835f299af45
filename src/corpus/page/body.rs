//! The body of a saved page: text paragraphs, subheads, figure captions and their images.

use std::sync::LazyLock;

use regex::Regex;

use super::super::dates::find_dates;
use super::super::markdown::{Block, Container};
use super::super::model::{BlockKind, Figure, Paragraph, Related, Span, SpanKind};
use super::{PageIssue, PageParser, bare_target, is_piece_path};

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:figure)\s+(\d{1,4})\s*[:.\-–—]\s*(.*)$")
        .unwrap_or_else(|e| unreachable!("static figure pattern: {e}"))
});

impl PageParser {
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
        let kind = if block.heading.is_some() {
            BlockKind::Subhead
        } else if block.container == Container::Item {
            BlockKind::Item
        } else if block.container == Container::Quote {
            BlockKind::Blockquote
        } else if block.is_all_bold() && block.first_link().is_none() {
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
        if let Some(previous) = self.piece.paragraphs.last_mut()
            && kind == BlockKind::Text
            && continues(previous, &text)
        {
            // A sentence the saved page broke in two with a blank line: one paragraph again.
            previous.text.push(' ');
            let shift = previous.text.len();
            previous.text.push_str(&text);
            previous.spans.extend(spans.into_iter().map(|span| Span {
                start: span.start + shift,
                end: span.end + shift,
                kind: span.kind,
            }));
            return;
        }
        self.piece.paragraphs.push(Paragraph {
            kind,
            text,
            line: block.line,
            spans,
        });
    }
}

/// Whether `next` carries on the sentence that `previous` leaves unfinished: a text paragraph
/// ending mid-sentence (on a word, a comma, a dash) followed by one starting in lower case.
/// Saved pages break a paragraph that way where the web page had a line break inside it.
fn continues(previous: &Paragraph, next: &str) -> bool {
    let open_end = previous.text.chars().next_back().is_some_and(|c| {
        c.is_alphanumeric() || matches!(c, ',' | ';' | '-' | '\u{2013}' | '\u{2014}')
    });
    let lower_start = next.chars().next().is_some_and(char::is_lowercase);
    previous.kind == BlockKind::Text && open_end && lower_start
}

#[cfg(test)]
mod tests {
    use super::super::read_page;

    #[test]
    fn a_sentence_broken_by_a_blank_line_is_one_paragraph() {
        let page = "# Title\n\nBadr, which **Chatham House (https://example.org/a)** called a \"parochial\" militia focused\n\nprimarily on **politics**, is a case.\n\nA new paragraph.\n\nlower case after a full stop stays apart.\n";
        let (piece, _) = read_page(page, "test.md").unwrap_or_else(|e| panic!("{e:?}"));
        let texts: Vec<&str> = piece.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let joined = texts
            .iter()
            .find(|t| t.starts_with("Badr"))
            .unwrap_or_else(|| panic!("{texts:?}"));
        assert!(
            joined.ends_with("militia focused primarily on politics, is a case."),
            "{texts:?}"
        );
        let paragraph = piece
            .paragraphs
            .iter()
            .find(|p| p.text.starts_with("Badr"))
            .unwrap_or_else(|| panic!("{texts:?}"));
        let marked: Vec<&str> = paragraph
            .spans
            .iter()
            .map(|s| &paragraph.text[s.start..s.end])
            .collect();
        assert!(marked.contains(&"politics"), "{marked:?}");
        assert!(
            texts.contains(&"lower case after a full stop stays apart."),
            "{texts:?}"
        );
    }

    #[test]
    fn an_escape_glued_to_an_author_link_stays_in_the_name() {
        let page = "# Title\n\nby [\u{1b}[31mTest Author \\(/experts/t\\)](#)\n\nMar 12, 2024\n\n## Brief Analysis\n\nText.\n";
        let (piece, _) = read_page(page, "test.md").unwrap_or_else(|e| panic!("{e:?}"));
        let names: Vec<&str> = piece.authors.iter().map(|a| a.name.as_str()).collect();
        assert!(
            names
                .first()
                .is_some_and(|n| n.contains('\u{1b}') && n.ends_with("31mTest Author")),
            "{names:?}"
        );
    }
}
