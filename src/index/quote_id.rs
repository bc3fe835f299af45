//! The quote id: the one type every column, posting list, stored list and hit names a quote
//! by. A leaf module, so the text index ([`super::quotes`]) and the parts of it left in an
//! image ([`super::stored`]) both depend on it rather than on each other.

/// Quote ids are `u32`: four bytes a posting, enough for four billion quotes.
pub type QuoteId = u32;
