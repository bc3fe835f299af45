//! spotlight: find, read and cite what Iran-backed militias said.
//!
//! Modules, in dependency order (each uses only those above it):
//! - [`xdg`]: where the config file, the corpus cache and the server's host key live.
//! - [`atomic`], [`positioned`]: writing files so that no reader sees half of one; reading a
//!   file at an offset.
//! - [`printable`]: corpus text made safe to print on a terminal, or to copy.
//! - [`desk`]: the analyst's collections, notes and saved searches (SQLite, one per user).
//! - [`corpus`]: pieces, actors and quotes; reading saved pages, extraction, validation.
//! - [`synth`]: a generator of fictional corpora, for benchmarks and tests (uses `corpus`).
//! - [`eval`]: scoring quote attribution against annotated pieces.
//! - [`index`]: name folding, and the index built from a corpus.
//! - [`store`]: what lives on disk (the corpus cache, the index image) and opening a corpus
//!   for a need: from its index image, its cache or its files.
//! - [`export`]: quotes out for a brief or a reference manager (Markdown, CSV, JSON lines,
//!   CSL-JSON, BibTeX), with Chicago "quoted in" notes.
//! - [`import`]: bringing pages into a corpus (fetching a page by its address).
//! - [`search`]: the query language, ranking and the search worker.
//! - [`app`]: the interactive application as plain data: state, actions, update, effects.
//! - [`ui`]: drawing the application with ratatui (right-to-left text included).
//! - [`front`]: what both front ends share: keymap, config file, input parser, the wire
//!   backend, effects, events → actions, and the [`front::driver::Driver`] loop step.
//! - [`tui`]: the local terminal: setup and restore, its input thread, the event loop.
//! - [`serve`]: the TUI over SSH.
//! - [`cli`]: the command line: the non-interactive subcommands, and the TUI when none is given.

pub mod app;
pub mod atomic;
pub mod cli;
pub mod corpus;
pub mod desk;
pub mod eval;
pub mod export;
pub mod front;
pub mod import;
pub mod index;
pub mod positioned;
pub mod printable;
pub mod search;
pub mod serve;
pub mod store;
pub mod synth;
pub mod tui;
pub mod ui;
pub mod xdg;
