//! A cache of loaded corpus directories, so a start on an unchanged corpus skips reading and
//! extracting every piece.
//!
//! The cache of a directory is one file in `$XDG_CACHE_HOME/spotlight/` (or
//! `~/.cache/spotlight/`). It holds a [`Manifest`] — the program that wrote it and the size,
//! times and inode of the gazetteer and of every piece file — and the loaded corpus in
//! postcard's binary encoding, in chunks that are checked (CRC-32) and decoded in parallel:
//! pieces, then quotes, then the quotes' ids and contexts, then last the pieces' paragraphs. A
//! lean read ([`Extent::Lean`]) never reads the paragraphs from disk, a bare one
//! ([`Extent::Bare`]) neither the paragraphs nor the ids and contexts. It is used only when the
//! manifest matches the directory exactly: any file added, removed or touched, or a new build
//! of spotlight, means a full load and a new cache. Anything wrong with the cache file
//! (truncated, corrupt, from another version) is a miss, never an error; failing to write it
//! (a read-only home) is not an error either.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::{Deserialize, Serialize, de::DeserializeOwned};

use super::container::{self, Place};

use super::actors::StoredActor;
use crate::corpus::{Actor, Corpus, Extent, Paragraph, Piece, Problem, Quote};

mod manifest;

pub use self::manifest::{Digest, Given, Manifest, Stamp};

/// Changes whenever the layout of the cache file changes, or what a full load gives for the
/// same files (the extraction, the gazetteer's checks): an older cache is then a miss.
pub(crate) const FORMAT: u32 = 8;
/// The first bytes of every cache file (a store container, see [`super::container`]).
const MAGIC: &[u8; 8] = b"SPOTCCH\0";
/// Pieces or quotes per chunk: small enough that two cores share the decoding evenly.
const CHUNK: usize = 512;

/// The head of the cache file. The container's sections are the encoded chunks of pieces, of
/// quotes, of the quotes' ids and contexts (one per chunk of quotes) and of the pieces'
/// paragraphs (one per chunk of pieces), in that order.
#[derive(Serialize, Deserialize)]
struct Head {
    manifest: Manifest,
    actors: Vec<StoredActor>,
    problems: Vec<Problem>,
    /// How many chunks of pieces, and of quotes.
    piece_chunks: usize,
    quote_chunks: usize,
}

/// Where the cache of the directory in `manifest` lives, when there is a cache directory.
#[must_use]
pub fn path_for(manifest: &Manifest) -> Option<PathBuf> {
    path_for_dir(&manifest.dir)
}

/// Where the cache of the directory `dir` (canonical, as [`Manifest::of`] finds it) lives.
#[must_use]
pub fn path_for_dir(dir: &Path) -> Option<PathBuf> {
    let file = format!(
        "corpus-{:016x}.bin",
        fnv1a(dir.as_os_str().as_encoded_bytes())
    );
    crate::xdg::spotlight_file("XDG_CACHE_HOME", ".cache", &file)
}

/// FNV-1a (64 bits) of `bytes`: a hash fixed by its definition, so a directory's cache keeps
/// its file name across builds and toolchains (the standard library's `DefaultHasher`
/// promises no such thing, and a toolchain update would orphan every cache).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// How many corpus directories keep their cache files: the ones used last.
pub const KEEP: usize = 8;

/// Removes the cache files (cache and index image) of all but the [`KEEP`] corpus directories
/// used last, next to `written` (a cache just written): a cache directory does not grow with
/// every corpus ever opened.
pub fn prune(written: &Path) {
    let Some(dir) = written.parent() else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    // Each corpus's files by the name they share (`corpus-<hash>`), with the newest time.
    let mut corpora: std::collections::HashMap<String, (SystemTime, Vec<PathBuf>)> =
        std::collections::HashMap::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name
            .strip_suffix(".bin")
            .or_else(|| name.strip_suffix(".index"))
            .filter(|stem| stem.starts_with("corpus-"))
            .map(str::to_string)
        else {
            continue;
        };
        let modified = entry
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(SystemTime::UNIX_EPOCH);
        let slot = corpora
            .entry(stem)
            .or_insert((SystemTime::UNIX_EPOCH, Vec::new()));
        slot.0 = slot.0.max(modified);
        slot.1.push(path);
    }
    let mut corpora: Vec<(SystemTime, Vec<PathBuf>)> = corpora.into_values().collect();
    corpora.sort_by_key(|c| std::cmp::Reverse(c.0));
    for (_, files) in corpora.into_iter().skip(KEEP) {
        for file in files.iter().filter(|f| f.as_path() != written) {
            let _ = std::fs::remove_file(file);
        }
    }
}

/// The corpus cached at `path` when it was written for exactly `manifest`, with what `extent`
/// keeps: the sections it leaves out (paragraphs; quote ids and contexts) are not even read.
#[must_use]
pub fn read(path: &Path, manifest: &Manifest, extent: Extent) -> Option<Corpus> {
    let mut file = std::fs::File::open(path).ok()?;
    // The head holds the actors and the chunk table, checked like every chunk.
    let (head, places): (Head, Vec<Place>) = container::open(&mut file, MAGIC)?;
    if head.manifest != *manifest {
        return None;
    }
    let (p, q) = (head.piece_chunks, head.quote_chunks);
    if places.len() != p.checked_mul(2)?.checked_add(q.checked_mul(2)?)? {
        return None;
    }
    // Each chunk is read by the task that decodes it, so the file is never in memory whole:
    // at a million quotes that is most of a gigabyte less at the peak.
    let (piece_chunks, rest) = places.split_at(p);
    let (quote_chunks, rest) = rest.split_at(q);
    let (detail_chunks, body_chunks) = rest.split_at(q);
    let actors: Vec<Actor> = head.actors.into_iter().map(Actor::from).collect();
    let ((pieces, bodies), (quotes, details)) = rayon::join(
        || {
            rayon::join(
                || read_chunks::<Piece>(&file, path, piece_chunks),
                || match extent {
                    Extent::Whole => read_chunks::<Vec<Paragraph>>(&file, path, body_chunks),
                    Extent::Lean | Extent::Bare => Some(Vec::new()),
                },
            )
        },
        || {
            rayon::join(
                || read_chunks::<Quote>(&file, path, quote_chunks),
                || match extent {
                    Extent::Whole | Extent::Lean => {
                        read_chunks::<(String, String)>(&file, path, detail_chunks)
                    }
                    Extent::Bare => Some(Vec::new()),
                },
            )
        },
    );
    let mut pieces = pieces?;
    if extent == Extent::Whole {
        let bodies = bodies?;
        if bodies.len() != pieces.len() {
            return None;
        }
        for (piece, paragraphs) in pieces.iter_mut().zip(bodies) {
            piece.paragraphs = paragraphs;
        }
    }
    let mut quotes = quotes?;
    if extent != Extent::Bare {
        let details = details?;
        if details.len() != quotes.len() {
            return None;
        }
        for (quote, (id, context)) in quotes.iter_mut().zip(details) {
            quote.id = id;
            quote.context = context;
        }
    }
    let mut problems = head.problems;
    // Written through another path to the same directory: name files by the path given now.
    let (from, to) = (&head.manifest.given, &manifest.given);
    if from.0 != to.0 {
        for piece in &mut pieces {
            piece.source = from.rebase(&piece.source, to);
        }
        for problem in &mut problems {
            problem.file = from.rebase(&problem.file, to);
        }
    }
    Some(Corpus {
        pieces,
        actors,
        quotes,
        problems,
    })
}

/// Reads the chunks at `places` of `file` (open at `path`) and decodes them in parallel, each
/// only when its checksum holds (a damaged disk block must not turn into a wrong corpus).
fn read_chunks<T: DeserializeOwned + Send>(
    file: &std::fs::File,
    path: &Path,
    places: &[Place],
) -> Option<Vec<T>> {
    let decoded: Option<Vec<Vec<T>>> = places
        .par_iter()
        .map(|place| place.decode::<Vec<T>>(file, path))
        .collect();
    Some(decoded?.into_iter().flatten().collect())
}

/// Encodes `items` in chunks, in parallel.
fn encode<T: Serialize + Sync>(items: &[T]) -> Option<Vec<Vec<u8>>> {
    items
        .par_chunks(CHUNK)
        .map(|chunk| postcard::to_stdvec(chunk).ok())
        .collect()
}

/// Writes the cache of `corpus`, loaded from the directory of `manifest`, to `path`: to a
/// temporary file first, renamed into place, so a reader never sees half a cache.
pub fn write(path: &Path, manifest: &Manifest, corpus: &Corpus) -> std::io::Result<()> {
    let invalid =
        |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string());
    let actors = corpus.actors.iter().map(StoredActor::from).collect();
    let ((pieces, bodies), quotes) = rayon::join(
        || {
            rayon::join(
                || encode(&corpus.pieces),
                || {
                    let bodies: Vec<&Vec<Paragraph>> =
                        corpus.pieces.iter().map(|p| &p.paragraphs).collect();
                    encode(&bodies)
                },
            )
        },
        || {
            rayon::join(
                || encode(&corpus.quotes),
                || {
                    let details: Vec<(&String, &String)> =
                        corpus.quotes.iter().map(|q| (&q.id, &q.context)).collect();
                    encode(&details)
                },
            )
        },
    );
    let (pieces, quotes, details, bodies) = (
        pieces.ok_or_else(|| invalid("pieces"))?,
        quotes.0.ok_or_else(|| invalid("quotes"))?,
        quotes.1.ok_or_else(|| invalid("ids and contexts"))?,
        bodies.ok_or_else(|| invalid("paragraphs"))?,
    );
    let head = Head {
        manifest: manifest.clone(),
        actors,
        problems: corpus.problems.clone(),
        piece_chunks: pieces.len(),
        quote_chunks: quotes.len(),
    };
    let sections: Vec<&[u8]> = pieces
        .iter()
        .chain(&quotes)
        .chain(&details)
        .chain(&bodies)
        .map(Vec::as_slice)
        .collect();
    container::write(path, MAGIC, head, &sections)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atomic::{Durability, Existing, write_atomically_with};
    use crate::corpus::files::PIECES_DIR;
    use crate::synth::{SynthOptions, write_corpus};

    #[test]
    fn cache_names_come_from_a_hash_fixed_by_its_definition() {
        // FNV-1a's published values: a toolchain or build change never renames a cache.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
        // (No cache directory at all, with neither XDG_CACHE_HOME nor HOME set, gives none.)
        if let Some(path) = path_for_dir(Path::new("/srv/spotlight/corpus")) {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            assert_eq!(name.as_deref(), Some("corpus-f81fcb4954dcdbc1.bin"));
        }
    }

    /// A small synthetic corpus in `dir`, loaded, and its cache written to `dir/cache.bin`.
    fn cached(dir: &Path) -> (Corpus, Manifest, PathBuf) {
        let options = SynthOptions {
            pieces: 40,
            quotes_per_piece: 4,
            seed: 11,
        };
        write_corpus(&options, dir).expect("synthetic corpus");
        let corpus = Corpus::load_dir(dir).expect("loads");
        let manifest = Manifest::of(dir).expect("manifest");
        let cache = dir.join("cache.bin");
        write(&cache, &manifest, &corpus).expect("written");
        (corpus, manifest, cache)
    }

    #[test]
    fn a_cached_corpus_is_the_corpus_that_was_loaded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (corpus, manifest, cache) = cached(dir.path());
        assert!(read(&cache, &manifest, Extent::Whole).is_some_and(|cached| cached == corpus));
        assert!(corpus.pieces.iter().any(|p| !p.paragraphs.is_empty()));
        // Actors keep the fields their JSON form leaves out when empty.
        assert!(corpus.actors.iter().any(|a| !a.relations.is_empty()));
        assert!(corpus.actors.iter().any(|a| a.platform.is_some()));
        let lean = corpus.clone().cut_to(Extent::Lean);
        assert!(read(&cache, &manifest, Extent::Lean).is_some_and(|cached| cached == lean));
        assert!(corpus.quotes.iter().any(|q| !q.context.is_empty()));
        let bare = corpus.clone().cut_to(Extent::Bare);
        assert!(
            bare.quotes
                .iter()
                .all(|q| q.id.is_empty() && q.context.is_empty())
        );
        assert!(read(&cache, &manifest, Extent::Bare).is_some_and(|cached| cached == bare));
    }

    #[test]
    fn any_change_to_the_directory_misses() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (_, manifest, cache) = cached(dir.path());
        let pieces = dir.path().join(PIECES_DIR);
        let first = std::fs::read_dir(&pieces)
            .expect("pieces")
            .find_map(|e| e.ok().map(|e| e.path()))
            .expect("a piece");
        // Edited (same length, so only the times and the rename tell).
        let text = std::fs::read_to_string(&first).expect("read");
        write_atomically_with(&first, Durability::Buffered, Existing::Replace, |out| {
            out.write_all(text.replacen('a', "b", 1).as_bytes())
        })
        .expect("rewritten");
        let edited = Manifest::of(dir.path()).expect("manifest");
        assert_ne!(edited, manifest);
        assert!(read(&cache, &edited, Extent::Whole).is_none());
        // Added, and removed.
        std::fs::write(pieces.join("new.md"), "# New\n").expect("added");
        assert_ne!(Manifest::of(dir.path()).expect("manifest"), edited);
        std::fs::remove_file(pieces.join("new.md")).expect("removed");
        std::fs::remove_file(&first).expect("removed");
        assert_ne!(Manifest::of(dir.path()).expect("manifest"), edited);
        // The same directory by another path is the same directory.
        let other = dir.path().join(PIECES_DIR).join("..");
        assert_eq!(Manifest::of(&other), Manifest::of(dir.path()));
    }

    #[test]
    fn another_path_to_the_directory_reads_the_cache_in_its_own_terms() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (_, _, cache) = cached(dir.path());
        let other = dir.path().join(PIECES_DIR).join("..");
        let manifest = Manifest::of(&other).expect("manifest");
        let corpus = read(&cache, &manifest, Extent::Lean).expect("a hit");
        assert!(
            corpus
                .pieces
                .iter()
                .all(|p| p.source.starts_with(&other.display().to_string())),
            "{:?}",
            corpus.pieces.first().map(|p| &p.source)
        );
    }

    #[test]
    fn a_dangling_link_among_the_pieces_keeps_the_cache() {
        let dir = tempfile::tempdir().expect("tempdir");
        let pieces = dir.path().join(PIECES_DIR);
        std::fs::create_dir_all(&pieces).expect("pieces");
        std::os::unix::fs::symlink(dir.path().join("nowhere.md"), pieces.join("gone.md"))
            .expect("link");
        assert!(Manifest::of(dir.path()).is_some());
    }

    #[test]
    fn only_the_corpora_used_last_keep_their_cache_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut last = PathBuf::new();
        for n in 0..KEEP + 3 {
            for extension in ["bin", "index"] {
                last = dir.path().join(format!("corpus-{n:04}.{extension}"));
                std::fs::write(&last, b"x").expect("cache file");
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        std::fs::write(dir.path().join("unrelated.txt"), b"x").expect("other file");
        prune(&last);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left.len(), KEEP * 2 + 1, "{left:?}");
        assert!(!left.contains(&"corpus-0000.bin".to_string()), "{left:?}");
        assert!(left.contains(&"unrelated.txt".to_string()), "{left:?}");
    }

    #[test]
    fn a_damaged_cache_is_a_miss() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (_, manifest, cache) = cached(dir.path());
        let bytes = std::fs::read(&cache).expect("read");
        for cut in [0, 1, 10, bytes.len() / 2, bytes.len() - 1] {
            std::fs::write(&cache, &bytes[..cut]).expect("truncated");
            assert!(
                read(&cache, &manifest, Extent::Whole).is_none(),
                "cut at {cut}"
            );
            assert!(
                read(&cache, &manifest, Extent::Lean).is_none(),
                "cut at {cut}"
            );
        }
        // One bit flipped in a quote's text would still decode: the checksum catches it.
        let mut flipped = bytes.clone();
        let at = flipped.len() - 100;
        flipped[at] ^= 1;
        std::fs::write(&cache, &flipped).expect("damaged");
        assert!(read(&cache, &manifest, Extent::Whole).is_none());
        // Every chunk is checked as it is read, wherever the damage is.
        for eighth in 1..8 {
            let mut flipped = bytes.clone();
            flipped[bytes.len() * eighth / 8] ^= 1;
            std::fs::write(&cache, &flipped).expect("damaged");
            assert!(
                read(&cache, &manifest, Extent::Whole).is_none(),
                "flipped at {eighth}/8"
            );
        }
        assert!(read(&dir.path().join("missing.bin"), &manifest, Extent::Lean).is_none());
    }
}
