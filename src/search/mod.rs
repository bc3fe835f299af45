//! Search: the query language, filters, term candidates, ranking over the index, and the
//! background worker the views use.

pub mod engine;
pub mod filters;
pub mod query;
mod scoring;
pub mod terms;
pub mod worker;

pub use engine::{Hit, Ranges, Results, search, search_with};
