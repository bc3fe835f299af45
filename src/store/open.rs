//! Opening a corpus directory for a need: from its cache when no file changed since the cache
//! was written, else by reading every file (and writing the cache for next time). The one
//! place that decides between the two; loading itself knows nothing of the cache.

use std::path::Path;

use super::cache::{self, Manifest};
use crate::corpus::files::ensure_corpus;
use crate::corpus::load::LoadError;
use crate::corpus::{Corpus, Extent};

impl Corpus {
    /// Loads `dir` from its cache when no file changed since the cache was written (see
    /// [`cache`]); otherwise loads it in full and writes the cache for next time.
    /// With [`Extent::Lean`] the pieces come without their paragraphs; with [`Extent::Bare`]
    /// the quotes also come without their id and context.
    pub fn open(dir: &Path, extent: Extent) -> Result<Self, LoadError> {
        Self::open_with(dir, Manifest::of(dir), extent)
    }

    /// [`Self::open`] with the directory's manifest already taken (`None`: no cache).
    pub fn open_with(
        dir: &Path,
        manifest: Option<Manifest>,
        extent: Extent,
    ) -> Result<Self, LoadError> {
        if std::fs::metadata(dir).is_ok() {
            ensure_corpus(dir)?;
        }
        let path = manifest.as_ref().and_then(cache::path_for);
        let (Some(manifest), Some(path)) = (manifest, path) else {
            return Ok(Self::load_dir(dir)?.cut_to(extent));
        };
        if let Some(corpus) = cache::read(&path, &manifest, extent) {
            return Ok(corpus);
        }
        let corpus = Self::load_dir(dir)?;
        match cache::write(&path, &manifest, &corpus) {
            Ok(()) => cache::prune(&path),
            Err(error) => {
                tracing::debug!(%error, cache = %path.display(), "corpus cache not written");
            }
        }
        Ok(corpus.cut_to(extent))
    }
}
