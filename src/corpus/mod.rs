//! Pieces, actors and quotes: the data model, loading saved pages, extraction, validation.
//!
//! Order of work: [`load`] decodes files (or `store::cache` hands back an unchanged corpus), [`page`] reads a saved page into a [`Piece`],
//! [`mentions`] marks actor names and introduces new actors ([`places`] never speak),
//! [`extract`] finds and attributes quotes, and [`corrections`] applies the analysts' fixes.

pub mod corrections;
pub mod dates;
pub mod extract;
pub mod files;
pub mod gazetteer;
pub mod html;
pub mod load;
pub mod markdown;
pub mod marks;
pub mod mentions;
pub mod model;
pub mod name_scan;
pub mod page;
pub mod places;
pub mod problem;
pub mod provenance;
pub mod read;
pub mod referring;
pub mod slug;
pub mod speech;

pub use load::{Corpus, Extent};
pub use model::*;
pub use problem::{Problem, Severity};
pub use read::SourceFile;
