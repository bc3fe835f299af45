//! The corpus the server shows: the index every session follows, and the loader's news
//! (the full index after the image's, a reload after the corpus changed) handed to them.

use std::sync::Arc;
use std::sync::mpsc::Receiver;

use super::Shared;
use crate::index::Index;
use crate::store::{News, Reload};

/// What the loader sends: a first index, then the full one, then reloads, or why it failed.
pub(super) type Loads = Receiver<anyhow::Result<News>>;

/// The index every session shows, and, when it replaced one after the corpus changed on disk,
/// what changed.
#[derive(Debug, Clone)]
pub struct Shown {
    /// The index.
    pub index: Arc<Index>,
    /// `corpus reloaded: +3 pieces` when the corpus was read again (its quotes are then found
    /// by their stable ids); `None` for an index of the same corpus (the full one after the
    /// image's).
    pub reload: Option<String>,
    /// Why the corpus could not be read again, when that is the news: the index stays.
    pub problem: Option<String>,
}

/// Hands each index the loader sends after the first to every session.
pub(super) fn follow(shared: &Shared, loads: &Loads) {
    while let Ok(next) = loads.recv() {
        match next {
            Ok(News::Index(index)) => {
                shared.index.send_replace(Shown {
                    index,
                    reload: None,
                    problem: None,
                });
                tracing::info!("corpus read in full");
            }
            Ok(News::Reload(Reload::Read { index, summary })) => {
                tracing::info!("{summary}");
                shared.index.send_replace(Shown {
                    index,
                    reload: Some(summary),
                    problem: None,
                });
            }
            Ok(News::Reload(Reload::Failed(why))) => {
                tracing::error!("{why}");
                shared.index.send_modify(|shown| {
                    shown.reload = None;
                    shown.problem = Some(why);
                });
            }
            Err(error) => tracing::error!(
                "the corpus could not be read in full ({error:#}): sessions show what its \
                 index image holds"
            ),
        }
    }
}
