//! Loading a corpus directory (or the bundled one): the gazetteer, every saved piece, and the
//! quotes extracted from them. Bad files are reported and skipped; the good ones load.

use std::path::Path;

use foldhash::{HashMap, HashMapExt};
use include_dir::{Dir, include_dir};
use rayon::prelude::*;

use super::files::{ACTORS_FILE, PIECES_DIR, ensure_corpus, is_piece_file, piece_paths};
use super::gazetteer::Gazetteer;
use super::model::{Actor, Piece, Quote};
use super::problem::{Problem, Severity};
use super::read::{PieceResult, SourceFile, gazetteer_from, load_piece};

/// The corpus shipped inside the binary: `data/` at build time.
static BUNDLED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/data");

/// The gazetteer compiled into the binary, as a file to load.
#[must_use]
pub fn bundled_actors() -> Option<SourceFile> {
    BUNDLED.get_file(ACTORS_FILE).map(|f| SourceFile {
        name: format!("data/{ACTORS_FILE}"),
        bytes: f.contents().to_vec(),
    })
}

pub use super::files::LoadError;

/// How much of each piece a load keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    /// Everything, paragraphs included: the reader and the quote viewer show them.
    Whole,
    /// Pieces without their paragraphs: enough to list, search and print quotes (a quote
    /// carries its own context), in less time and memory.
    Lean,
    /// Pieces without their paragraphs and quotes without their id and context, which only
    /// JSON prints: enough to list and search for text output and `--plain`.
    Bare,
}

/// A loaded corpus: pieces, actors (gazetteer first, then unknown names), and quotes.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Corpus {
    /// Pieces, sorted by date then id.
    pub pieces: Vec<Piece>,
    /// Gazetteer actors in file order, then actors of kind `unknown` found in pieces.
    pub actors: Vec<Actor>,
    /// Quotes in piece order, then reading order.
    pub quotes: Vec<Quote>,
    /// Every problem found while loading.
    pub problems: Vec<Problem>,
}

impl Corpus {
    /// Loads the corpus compiled into the binary.
    #[must_use]
    pub fn bundled() -> Self {
        let actors = bundled_actors();
        let pieces = BUNDLED
            .get_dir(PIECES_DIR)
            .map(|dir| {
                dir.files()
                    .filter(|f| is_piece_file(f.path()))
                    .map(|f| SourceFile {
                        name: format!("data/{}", f.path().display()),
                        bytes: f.contents().to_vec(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Self::from_sources(actors, pieces)
    }

    /// Checks, without loading it, that `dir` can be read and looks like a corpus.
    pub fn check_dir(dir: &Path) -> Result<(), LoadError> {
        std::fs::metadata(dir).map_err(|source| LoadError::Dir {
            path: dir.to_path_buf(),
            source,
        })?;
        ensure_corpus(dir)
    }

    /// The corpus with only what `extent` keeps.
    #[must_use]
    pub fn cut_to(mut self, extent: Extent) -> Self {
        if extent != Extent::Whole {
            self.pieces
                .par_iter_mut()
                .for_each(|p| p.paragraphs = Vec::new());
        }
        if extent == Extent::Bare {
            self.quotes.par_iter_mut().for_each(|q| {
                q.id = String::new();
                q.context = String::new();
            });
        }
        self
    }

    /// Loads `dir/actors.json` and `dir/pieces/*.md`, every file read and parsed.
    pub fn load_dir(dir: &Path) -> Result<Self, LoadError> {
        let dir_error = |source| LoadError::Dir {
            path: dir.to_path_buf(),
            source,
        };
        std::fs::metadata(dir).map_err(dir_error)?;
        ensure_corpus(dir)?;
        let actors_path = dir.join(ACTORS_FILE);
        let actors = std::fs::read(&actors_path).ok().map(|bytes| SourceFile {
            name: actors_path.display().to_string(),
            bytes,
        });
        // Listing thousands of files and building the gazetteer's matcher overlap.
        let ((paths, skipped), (gazetteer, mut problems)) =
            rayon::join(|| piece_paths(dir), || gazetteer_from(actors));
        problems.extend(skipped);
        // Reading and parsing in one pass, so one thread's file reads overlap the other's parsing.
        let results = paths
            .par_iter()
            .map(|path| {
                let name = path.display().to_string();
                match std::fs::read(path) {
                    Ok(bytes) => load_piece(&SourceFile { name, bytes }, &gazetteer),
                    Err(e) => PieceResult::unreadable(name, &e),
                }
            })
            .collect();
        let mut corpus = Self::assemble(&gazetteer, problems, results);
        let problems = super::corrections::apply_dir(&mut corpus, dir);
        corpus.problems.extend(problems);
        if !actors_path.exists() {
            let message =
                format!("no {ACTORS_FILE}: speakers are known only by the names in the pieces");
            corpus.problems.insert(
                0,
                Problem {
                    file: actors_path.display().to_string(),
                    line: 1,
                    message,
                    severity: Severity::Warning,
                },
            );
        }
        Ok(corpus)
    }

    /// Builds a corpus from a gazetteer file and piece files, reporting problems per file.
    #[must_use]
    pub fn from_sources(actors: Option<SourceFile>, pieces: Vec<SourceFile>) -> Self {
        let (gazetteer, problems) = gazetteer_from(actors);
        let results = pieces
            .par_iter()
            .map(|file| load_piece(file, &gazetteer))
            .collect();
        Self::assemble(&gazetteer, problems, results)
    }

    /// Gathers per-piece results into a corpus.
    fn assemble(gazetteer: &Gazetteer, problems: Vec<Problem>, results: Vec<PieceResult>) -> Self {
        let mut corpus = Self {
            actors: gazetteer.actors().to_vec(),
            problems,
            ..Self::default()
        };
        corpus.merge(results);
        corpus
    }

    /// Adds the loaded pieces, their quotes and unknown speakers, in the corpus's order: pieces
    /// by date then id, each piece's quotes in reading order (already sorted by [`load_piece`]).
    /// A piece whose id an earlier file took is skipped with an error.
    fn merge(&mut self, results: Vec<PieceResult>) {
        let mut seen: HashMap<String, String> = HashMap::new();
        // Gazetteer actors and unknown speakers found so far, by id.
        let mut actor_at: HashMap<String, usize> = self
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let known = self.actors.len();
        let mut kept: Vec<(Piece, Vec<Quote>)> = Vec::with_capacity(results.len());
        for result in results {
            self.problems.extend(result.problems);
            let Some((piece, quotes, unknown)) = result.loaded else {
                continue;
            };
            if let Some(first) = seen.get(&piece.id) {
                let message = format!(
                    "piece id `{}` is already used by {first}; this file is skipped",
                    piece.id
                );
                self.problems.push(Problem {
                    file: piece.source.clone(),
                    line: 1,
                    message,
                    severity: Severity::Error,
                });
                continue;
            }
            seen.insert(piece.id.clone(), piece.source.clone());
            for actor in unknown {
                match actor_at.get(&actor.id) {
                    Some(&i) if i >= known => fill_unknown(&mut self.actors[i], &actor),
                    Some(_) => {}
                    None => {
                        actor_at.insert(actor.id.clone(), self.actors.len());
                        self.actors.push(actor);
                    }
                }
            }
            kept.push((piece, quotes));
        }
        // Sorting the pieces carries their quotes along: no sort over every quote.
        kept.sort_by(|(a, _), (b, _)| (a.date, &a.id).cmp(&(b.date, &b.id)));
        self.pieces.reserve(kept.len());
        self.quotes
            .reserve(kept.iter().map(|(_, quotes)| quotes.len()).sum());
        for (piece, quotes) in kept {
            self.pieces.push(piece);
            self.quotes.extend(quotes);
        }
    }

    /// The actor with this id.
    #[must_use]
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The piece with this id.
    #[must_use]
    pub fn piece(&self, id: &str) -> Option<&Piece> {
        self.pieces.iter().find(|p| p.id == id)
    }

    /// Whether any problem made a file or entry unusable.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

fn fill_unknown(known: &mut Actor, other: &Actor) {
    known.node = known.node.or(other.node);
    if known.role.is_empty() {
        known.role.clone_from(&other.role);
    }
}
