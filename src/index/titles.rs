//! Folded piece titles in one buffer, so looking a term up in every title is one pass over
//! contiguous memory (a `memmem` search) rather than one search per title, wherever the
//! allocator put each.

use std::borrow::Cow;

use memchr::memmem::Finder;

use super::fold::fold_into;

/// The folded titles of the corpus's pieces, in piece order.
#[derive(Debug, Default)]
pub struct Titles {
    /// Every title followed by a newline (no title holds one).
    text: String,
    /// Where each title starts in `text`.
    starts: Vec<usize>,
}

impl Titles {
    /// Folds the titles (as [`super::fold::fold_text`] does), in piece order, straight into
    /// the buffer.
    pub fn new<'a>(titles: impl IntoIterator<Item = &'a str>) -> Self {
        let mut all = Self::default();
        for title in titles {
            all.starts.push(all.text.len());
            // A title is one line; a stray newline would join it to the next.
            let line: Cow<'_, str> = if title.contains('\n') {
                title.replace('\n', "").into()
            } else {
                title.into()
            };
            fold_into(&line, &mut all.text);
            all.text.push('\n');
        }
        all
    }

    /// Number of titles.
    #[must_use]
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The folded title of piece `piece`, or `""` when there is no such piece.
    #[must_use]
    pub fn get(&self, piece: usize) -> &str {
        let Some(&start) = self.starts.get(piece) else {
            return "";
        };
        let end = self
            .starts
            .get(piece + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text.get(start..end.saturating_sub(1)).unwrap_or("")
    }

    /// The pieces whose title holds `part` (folded), ascending, each once. An empty part is
    /// in every title.
    #[must_use]
    pub fn containing(&self, part: &str) -> Vec<u32> {
        let to_u32 = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        if part.is_empty() {
            return (0..self.len()).map(to_u32).collect();
        }
        if part.contains('\n') {
            return Vec::new();
        }
        let mut found: Vec<u32> = Vec::new();
        for at in Finder::new(part).find_iter(self.text.as_bytes()) {
            let piece = to_u32(self.starts.partition_point(|&s| s <= at).saturating_sub(1));
            if found.last() != Some(&piece) {
                found.push(piece);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_titles_holding_a_part_once_each_in_order() {
        let titles = Titles::new(["Badr and the PMF", "Kata'ib Hezbollah", "badr\nbadr", ""]);
        assert_eq!(titles.len(), 4);
        assert_eq!(titles.get(1), "kataib hezbollah", "folded");
        assert_eq!(titles.get(2), "badrbadr", "one line");
        assert_eq!(titles.get(3), "");
        assert_eq!(titles.get(9), "");
        assert_eq!(titles.containing("badr"), vec![0, 2]);
        assert_eq!(titles.containing("hezb"), vec![1]);
        assert_eq!(titles.containing("pmf"), vec![0]);
        // Never across two titles.
        assert_eq!(titles.containing("pmf kataib"), Vec::<u32>::new());
        assert_eq!(titles.containing("pmf\nkataib"), Vec::<u32>::new());
        assert_eq!(titles.containing(""), vec![0, 1, 2, 3]);
    }
}
