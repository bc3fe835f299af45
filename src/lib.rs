//! spotlight: find, read and cite what Iran-backed militias said.
//!
//! Modules, in dependency order (each uses only those above it):
//! - [`corpus`]: pieces, actors and quotes; loading saved pages, extraction, validation, synthesis.
//! - [`index`]: name folding and the in-memory index built from a corpus.
//! - [`search`]: the query language and ranking.
//! - [`cli`]: the non-interactive subcommands.

pub mod cli;
pub mod corpus;
pub mod index;
pub mod search;
