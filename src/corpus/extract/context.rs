//! The figure and the platform of a statement, read from its sentence and its caption.

use super::attribute::Attributor;
use super::units::{FIGURE_REF, Shape, Unit};
use crate::corpus::model::{BlockKind, Figure, SpanKind};

impl Attributor<'_> {
    /// The figure that shows a unit: the caption it stands in, a `(Figure N)` in its own
    /// sentence (the one it opens in or the one it closes in), or a caption that carries its
    /// words and names its speaker.
    #[must_use]
    pub fn figure(&self, unit: &Unit, speaker: Option<&str>) -> Option<&Figure> {
        let p = &unit.passage;
        let figures = &self.piece.figures;
        if unit.shape == Shape::Caption {
            return figures.iter().find(|f| f.paragraph == p.para);
        }
        let pointer = |para: usize, range: std::ops::Range<usize>| {
            let text = self
                .piece
                .paragraphs
                .get(para)
                .map_or("", |x| x.text.as_str());
            let stretch = text.get(range)?;
            // Most sentences hold no parenthesis: no pattern to run.
            if !stretch.contains('(') {
                return None;
            }
            let number: u32 = FIGURE_REF
                .captures(stretch)?
                .get(1)?
                .as_str()
                .parse()
                .ok()?;
            figures.iter().find(|f| f.number == number)
        };
        let (opening, closing) = if unit.marked {
            (
                self.sentence(p.para, p.open, p.open),
                self.sentence(p.end_para, p.close, p.close),
            )
        } else {
            let len = self
                .piece
                .paragraphs
                .get(p.end_para)
                .map_or(0, |x| x.text.len());
            (0..0, 0..len)
        };
        let same = p.para == p.end_para && unit.marked;
        let found = if same {
            pointer(p.para, opening.start..closing.end.max(p.close))
        } else {
            pointer(p.para, opening).or_else(|| pointer(p.end_para, closing))
        };
        if found.is_some() {
            return found;
        }
        // A caption that carries the whole quote and names its speaker shows it.
        let words = p.text.trim_end_matches([',', '.']);
        let names_speaker = |paragraph: usize| {
            self.piece.paragraphs.get(paragraph).is_some_and(|x| {
                x.kind == BlockKind::Caption
                    && x.spans.iter().any(|s| matches!(&s.kind, SpanKind::Mention { actor } if Some(actor.as_str()) == speaker))
            })
        };
        figures.iter().find(|f| {
            words.len() >= 20
                && words.len() <= f.caption.len()
                && names_speaker(f.paragraph)
                && f.caption.contains(words)
        })
    }

    /// The platform a unit was posted on: named in its lead or tail, its figure's caption, or
    /// the speaker's own.
    #[must_use]
    pub fn platform(
        &self,
        unit: &Unit,
        figure: Option<&Figure>,
        speaker: Option<&str>,
    ) -> Option<String> {
        let p = &unit.passage;
        let text = self
            .piece
            .paragraphs
            .get(p.para)
            .map_or("", |x| x.text.as_str());
        let lead = text
            .get(self.lead_start(p.para, p.open)..p.open)
            .unwrap_or("");
        let end_text = self
            .piece
            .paragraphs
            .get(p.end_para)
            .map_or("", |x| x.text.as_str());
        let tail = end_text
            .get(p.close..self.tail_end(p.end_para, p.close))
            .unwrap_or("");
        platform(lead)
            .or_else(|| platform(tail))
            .or_else(|| figure.and_then(|f| platform(&f.caption)))
            .or_else(|| {
                speaker
                    .and_then(|s| self.resolver.cast.get(s))
                    .and_then(|a| a.platform.clone())
            })
    }
}

/// The platform a stretch of text names: `Telegram`, `Twitter/X`, ...
///
/// Words are compared in place, without lower-casing a copy: this runs up to three times for
/// every quote of every piece. When several platforms are named, the first in this order wins:
/// Telegram, Twitter/X, Facebook, Instagram, YouTube, TV.
fn platform(text: &str) -> Option<String> {
    let is = |word: &str, names: &[&str]| names.iter().any(|n| word.eq_ignore_ascii_case(n));
    let mut best: Option<usize> = None;
    let mut previous = "";
    let words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    for word in words {
        let end = word.as_ptr() as usize - text.as_ptr() as usize + word.len();
        // `on X` (followed by more text) and `X account` name Twitter/X; a bare `x` does not.
        let x_account = is(previous, &["x"]) && is(word, &["account"]);
        let on_x = is(previous, &["on"]) && is(word, &["x"]) && text[end..].starts_with(' ');
        let rank = if is(word, &["telegram"]) {
            Some(0)
        } else if is(word, &["twitter", "tweet", "tweeted"]) || x_account || on_x {
            Some(1)
        } else if is(word, &["facebook"]) {
            Some(2)
        } else if is(word, &["instagram"]) {
            Some(3)
        } else if is(word, &["youtube"]) {
            Some(4)
        } else if is(word, &["television", "tv", "broadcast", "televised"]) {
            Some(5)
        } else {
            None
        };
        if let Some(rank) = rank {
            best = Some(best.map_or(rank, |b: usize| b.min(rank)));
        }
        previous = word;
        if best == Some(0) {
            break;
        }
    }
    let names = [
        "Telegram",
        "Twitter/X",
        "Facebook",
        "Instagram",
        "YouTube",
        "TV",
    ];
    best.and_then(|b| names.get(b)).map(|n| (*n).to_string())
}

#[cfg(test)]
mod tests {
    use super::platform;

    #[test]
    fn names_the_platform_a_text_mentions() {
        let cases = [
            ("posted on its Telegram channel", Some("Telegram")),
            ("TELEGRAM and Twitter", Some("Telegram")),
            ("Twitter before Telegram", Some("Telegram")),
            ("he tweeted", Some("Twitter/X")),
            ("wrote on X that", Some("Twitter/X")),
            ("his X account", Some("Twitter/X")),
            ("wrote on X", None),
            ("Box account", None),
            ("on Facebook and YouTube", Some("Facebook")),
            ("a televised speech", Some("TV")),
            ("the telegrams", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(platform(text).as_deref(), want, "{text}");
        }
    }
}
