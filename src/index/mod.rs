//! The in-memory index built from a corpus: name folding and alias keys.

pub mod fold;
