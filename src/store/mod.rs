//! Opening a corpus for a need: the one place that decides between the index image, the
//! corpus cache and reading every file, so the commands and front ends only ask and format.
//!
//! - A one-shot listing needs the corpus's records to some [`Extent`]: [`load`] reads them from
//!   the cache when no file changed, else from the files (and writes the cache).
//! - A search whose output needs nothing but texts reads the index image: [`current_image`].
//! - Browsing (the TUI, `serve`) needs everything, but not before the first frame: [`browse`]
//!   hands over the index read from the image first, when it is current, so the first screen
//!   is drawn from it while the records are read behind it, then the full index.

mod actors;
pub mod cache;
pub mod container;
pub mod follow;
pub mod image;
mod open;

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

pub use self::follow::Reload;

use self::cache::Manifest;
use self::image::Image;
use crate::corpus::{Corpus, Extent};
use crate::index::Index;

/// How a corpus directory is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    /// From its cache when nothing changed (and the cache is written for next time),
    /// keeping what the extent says.
    Cached(Extent),
    /// Every file read and parsed.
    Full,
}

/// Loads the corpus at `data`, or the bundled one.
pub fn load(data: Option<&Path>, loading: Loading) -> anyhow::Result<Corpus> {
    Ok(match (data, loading) {
        (Some(dir), Loading::Cached(extent)) => Corpus::open(dir, extent)?,
        (Some(dir), Loading::Full) => Corpus::load_dir(dir)?,
        (None, _) => Corpus::bundled(),
    })
}

/// Opens `data` (the bundled corpus when `None`) for browsing. When the directory's index
/// image is current, its index (no quote records: see [`Index::has_records`]) goes to `first`
/// as soon as it is read; the full index is returned once the corpus is read and indexed.
/// The image is written again when it was missing or stale. `Loading::Full` reads every file
/// and never looks at the image.
pub fn browse(
    data: Option<&Path>,
    loading: Loading,
    first: impl FnOnce(Arc<Index>),
) -> anyhow::Result<Arc<Index>> {
    let (Some(dir), Loading::Cached(_)) = (data, loading) else {
        return Ok(Index::build(load(data, loading)?));
    };
    let (manifest, current) = current_image(dir);
    let fresh = current.is_some();
    if let Some(image) = current {
        first(image.index);
    }
    let corpus = Corpus::open_with(dir, manifest.clone(), Extent::Whole)?;
    let index = Index::build(corpus);
    if let (false, Some(manifest), Some(path)) = (fresh, manifest, image::path_for(dir)) {
        write_image(&path, &manifest, &index);
    }
    Ok(index)
}

/// The index image of the cached corpus at `dir`, when it was written for the directory as it
/// is now: read while the directory's manifest is taken (a stat of every piece file), used only
/// if the two agree. The manifest comes back either way, for a caller that falls back to the
/// corpus (and writes the image again through [`write_image`]).
#[must_use]
pub fn current_image(dir: &Path) -> (Option<Manifest>, Option<Image>) {
    let (manifest, opened) = rayon::join(
        || Manifest::of(dir),
        || image::path_for(dir).as_deref().and_then(image::open),
    );
    let digest = manifest.as_ref().map(Manifest::digest);
    let current = opened.filter(|image| digest == Some(image.written_for));
    (manifest, current)
}

/// Writes the index image of `index` for the directory whose manifest is `manifest`, unless a
/// current one is there; a failure only costs the next start its head start.
pub fn write_image(path: &Path, manifest: &Manifest, index: &Index) {
    if image::is_current(path, manifest) {
        return;
    }
    if let Err(error) = image::write(path, manifest, index) {
        tracing::debug!(%error, image = %path.display(), "index image not written");
    }
}

/// A channel that asks a followed corpus to be read again (see [`follow::follow`]): the
/// watcher sends on a clone of the sender, and so may anyone else (`serve` on SIGHUP).
pub type Nudges = (Sender<()>, Receiver<()>);

/// A new channel of [`Nudges`].
#[must_use]
pub fn nudges() -> Nudges {
    mpsc::channel()
}

/// What a browsing front end is told about its corpus.
#[derive(Debug)]
pub enum News {
    /// An index of the corpus as it is: a first one from the image, then the full one.
    Index(Arc<Index>),
    /// The corpus changed on disk and was read again, or could not be.
    Reload(Reload),
}

/// [`browse`], then, for a corpus directory, [`follow::follow`] it until `tell` returns false:
/// every index and reload goes to `tell`. Fails only when the first full load does; a
/// directory that cannot be watched is browsed as it is.
pub fn browse_and_follow(
    data: Option<&Path>,
    loading: Loading,
    nudges: Nudges,
    tell: &dyn Fn(News) -> bool,
) -> anyhow::Result<()> {
    let full = browse(data, loading, |first| {
        tell(News::Index(first));
    })?;
    if !tell(News::Index(Arc::clone(&full))) {
        return Ok(());
    }
    full.prepare_ids();
    if let Some(dir) = data {
        if let Err(error) = follow::follow(dir, full, nudges, |reload| tell(News::Reload(reload))) {
            tracing::warn!(%error, dir = %dir.display(), "not watching the corpus for changes");
        }
    }
    Ok(())
}
