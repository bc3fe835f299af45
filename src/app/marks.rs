//! Quotes marked in the result list, to be put in a collection or exported together.

use std::collections::HashSet;

use crate::index::quotes::QuoteId;

/// Quotes marked in the list, in the order they were marked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    order: Vec<QuoteId>,
    set: HashSet<QuoteId>,
}

impl Marks {
    /// Whether `quote` is marked.
    #[must_use]
    pub fn has(&self, quote: QuoteId) -> bool {
        self.set.contains(&quote)
    }

    /// How many are marked.
    #[must_use]
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether none is.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The marked quotes, in marking order.
    #[must_use]
    pub fn quotes(&self) -> &[QuoteId] {
        &self.order
    }

    /// Marks `quote`, or unmarks it when it was; whether it is marked now.
    pub fn toggle(&mut self, quote: QuoteId) -> bool {
        if self.set.remove(&quote) {
            self.order.retain(|&q| q != quote);
            false
        } else {
            self.set.insert(quote);
            self.order.push(quote);
            true
        }
    }

    /// Marks every one of `quotes` not marked yet.
    pub fn add_all(&mut self, quotes: impl IntoIterator<Item = QuoteId>) {
        for quote in quotes {
            if self.set.insert(quote) {
                self.order.push(quote);
            }
        }
    }

    /// Unmarks everything.
    pub fn clear(&mut self) {
        self.order.clear();
        self.set.clear();
    }

    /// The marks moved to another index: `moved` finds each quote there, or drops it.
    pub fn remap(&mut self, moved: impl Fn(QuoteId) -> Option<QuoteId>) {
        let order: Vec<QuoteId> = self.order.iter().filter_map(|&q| moved(q)).collect();
        self.clear();
        self.add_all(order);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_keep_their_order_and_toggle_off() {
        let mut marks = Marks::default();
        assert!(marks.toggle(7));
        marks.add_all([3, 7, 5]);
        assert_eq!(marks.quotes(), [7, 3, 5]);
        assert!(!marks.toggle(3));
        assert!(!marks.has(3) && marks.has(5));
        marks.remap(|q| (q != 5).then_some(q + 100));
        assert_eq!(marks.quotes(), [107]);
        marks.clear();
        assert!(marks.is_empty());
    }
}
