//! spotlight: find, read and cite what Iran-backed militias said.
//!
//! Modules, in dependency order (each uses only those above it):
//! - [`xdg`]: where the config file, the corpus cache and the server's host key live.
//! - [`atomic`]: writing files so that no reader sees half of one.
//! - [`printable`]: corpus text made safe to print on a terminal.
//! - [`corpus`]: pieces, actors and quotes; loading saved pages, extraction, validation, synthesis.
//! - [`eval`]: scoring quote attribution against annotated pieces.
//! - [`index`]: name folding and the in-memory index built from a corpus.
//! - [`search`]: the query language and ranking.
//! - [`app`]: the interactive application as plain data: state, actions, update.
//! - [`ui`]: drawing the application with ratatui.
//! - [`front`]: what both front ends share: keymap, config file, input parser, the wire
//!   backend, effects, and events → actions.
//! - [`tui`]: the local terminal: setup and restore, its input thread, the event loop.
//! - [`serve`]: the TUI over SSH.
//! - [`cli`]: the command line: the non-interactive subcommands, and the TUI when none is given.

pub mod app;
pub mod atomic;
pub mod cli;
pub mod corpus;
pub mod eval;
pub mod front;
pub mod index;
pub mod positioned;
pub mod printable;
pub mod search;
pub mod serve;
pub mod tui;
pub mod ui;
pub mod xdg;
