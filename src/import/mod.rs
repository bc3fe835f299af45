//! Bringing pages into a corpus: fetching them by address (`fetch`).

pub mod fetch;
