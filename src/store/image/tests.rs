//! Tests of index images: a written image searches as the index it came from, and a stale,
//! truncated or damaged one is a miss.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::texts::SPARSE;
use super::{Image, is_current, open, write};
use crate::corpus::Corpus;
use crate::index::Index;
use crate::index::quotes::QuoteId;
use crate::search::query::parse;
use crate::search::{Ranges, search_with};
use crate::store::cache::Manifest;
use crate::synth::{SynthOptions, write_corpus};

/// The image at `path` when it was written for `manifest`.
fn open_for(path: &Path, manifest: &Manifest) -> Option<Image> {
    open(path).filter(|image| image.written_for == manifest.digest())
}

/// A small synthetic corpus in `dir`, indexed, and its image written to `dir/image.index`.
fn imaged(dir: &Path) -> (Arc<Index>, Manifest, PathBuf) {
    let options = SynthOptions {
        pieces: 80,
        quotes_per_piece: 5,
        seed: 7,
    };
    write_corpus(&options, dir).expect("synthetic corpus");
    let index = Index::build(Corpus::load_dir(dir).expect("loads"));
    let manifest = Manifest::of(dir).expect("manifest");
    let path = dir.join("image.index");
    write(&path, &manifest, &index).expect("written");
    (index, manifest, path)
}

#[test]
fn an_image_searches_as_the_index_it_was_written_from() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (built, manifest, path) = imaged(dir.path());
    assert!(is_current(&path, &manifest));
    let image = open_for(&path, &manifest).expect("opened");
    let read = &image.index;
    assert_eq!(read.quotes.len(), built.corpus.quotes.len());
    assert!(read.corpus.quotes.is_empty());
    assert_eq!(read.by_actor, built.by_actor);
    assert_eq!(read.by_piece, built.by_piece);
    assert_eq!(read.by_month(), built.by_month());
    for piece in &built.corpus.pieces {
        assert_eq!(read.piece_index(&piece.id), built.piece_index(&piece.id));
    }
    assert_eq!(read.speaker_names, built.speaker_names);
    let all: Vec<QuoteId> = (0..read.quotes.len())
        .map(|i| QuoteId::try_from(i).expect("few quotes"))
        .collect();
    let texts = image.texts.read(&all).expect("texts");
    // A few hits are read one by one, and only they are held.
    let few = [7, 3, 3, 150];
    let some = image.texts.read(&few).expect("some texts");
    assert!(few.len() * SPARSE < all.len());
    for id in few {
        assert_eq!(some.get(id), built.corpus.quotes[id as usize].text);
    }
    assert_eq!(some.get(8), "");
    // Every third quote: more than a few, read in one pass over the section, here in
    // chunks of about a kilobyte.
    let thirds: Vec<QuoteId> = all.iter().copied().step_by(3).collect();
    let passed = image
        .texts
        .read_in(&thirds, 1000)
        .expect("a third of the texts");
    for &id in &all {
        let want = if id % 3 == 0 {
            built.corpus.quotes[id as usize].text.as_str()
        } else {
            ""
        };
        assert_eq!(passed.get(id), want, "{id}");
    }
    for (i, quote) in built.corpus.quotes.iter().enumerate() {
        let id = QuoteId::try_from(i).expect("few quotes");
        assert_eq!(texts.get(id), quote.text);
        assert_eq!(read.quotes.folded(id), built.quotes.folded(id));
        assert_eq!(read.day_of(id), built.day_of(id));
    }
    let speaker = built
        .corpus
        .actors
        .iter()
        .find(|a| {
            built
                .actor_index(&a.id)
                .is_some_and(|i| !built.by_actor[i as usize].is_empty())
        })
        .expect("an actor with quotes");
    let queries = [
        "a".to_string(),
        "patience".to_string(),
        "patience limits response".to_string(),
        "notrealuly".to_string(),
        format!("@{}", speaker.name),
        format!("{} date:2023", speaker.name),
        "'the !never ^re es$ | war".to_string(),
        "kind:term".to_string(),
        "piece:synthetic since:2020-01-01".to_string(),
    ];
    for text in &queries {
        let query = parse(text);
        let want = search_with(&built, &query, usize::MAX, Ranges::Unlit);
        let got = search_with(read, &query, usize::MAX, Ranges::Unlit);
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_stale_or_damaged_image_is_a_miss() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, manifest, path) = imaged(dir.path());
    let bytes = std::fs::read(&path).expect("read");
    for cut in [0, 1, 10, 20, bytes.len() / 2, bytes.len() - 1] {
        std::fs::write(&path, &bytes[..cut]).expect("truncated");
        assert!(open_for(&path, &manifest).is_none(), "cut at {cut}");
    }
    // Wherever a bit flips, the image or the texts read are refused, or what is read is
    // what was written: never a wrong answer.
    std::fs::write(&path, &bytes).expect("restored");
    let image = open_for(&path, &manifest).expect("opened");
    let all: Vec<QuoteId> = (0..image.index.quotes.len())
        .map(|i| QuoteId::try_from(i).expect("few quotes"))
        .collect();
    let few = [0, 80, all.len() as QuoteId - 1];
    let texts = |image: &Image, ids: &[QuoteId]| {
        image.texts.read(ids).map(|t| {
            ids.iter()
                .map(|&id| t.get(id).to_string())
                .collect::<Vec<_>>()
        })
    };
    let (whole, some) = (texts(&image, &all), texts(&image, &few));
    let queries = ["patience", "a", "notrealuly", "al-notrealuly"].map(parse);
    let searches = |image: &Image| {
        queries
            .iter()
            .map(|q| search_with(&image.index, q, usize::MAX, Ranges::Unlit))
            .collect::<Vec<_>>()
    };
    let found = searches(&image);
    let mut noticed = 0;
    for sixty_fourth in 1..64 {
        let mut flipped = bytes.clone();
        flipped[bytes.len() * sixty_fourth / 64] ^= 1;
        std::fs::write(&path, &flipped).expect("damaged");
        let Some(damaged) = open_for(&path, &manifest) else {
            continue;
        };
        let at = format!("flipped at {sixty_fourth}/64");
        assert!(
            texts(&damaged, &all).is_none_or(|t| Some(t) == whole),
            "{at}"
        );
        assert!(
            texts(&damaged, &few).is_none_or(|t| Some(t) == some),
            "{at}"
        );
        // Haystacks and lists are read as searches need them: a damaged one is noticed.
        let searched = searches(&damaged);
        assert!(
            damaged.index.quotes.is_damaged() || searched == found,
            "{at}"
        );
        noticed += usize::from(damaged.index.quotes.is_damaged());
    }
    assert!(noticed > 0, "some flips land in the haystacks and lists");
    std::fs::write(&path, &bytes).expect("restored");
    assert!(open_for(&path, &manifest).is_some());
    // Another corpus (here a piece added) makes it stale.
    let options = SynthOptions {
        pieces: 1,
        quotes_per_piece: 1,
        seed: 99,
    };
    let other = tempfile::tempdir().expect("tempdir");
    write_corpus(&options, other.path()).expect("synthetic corpus");
    let pieces = other.path().join(crate::corpus::files::PIECES_DIR);
    for entry in std::fs::read_dir(&pieces).expect("pieces").flatten() {
        let name = format!("extra-{}", entry.file_name().to_string_lossy());
        std::fs::copy(
            entry.path(),
            dir.path().join(crate::corpus::files::PIECES_DIR).join(name),
        )
        .expect("copied");
    }
    let changed = Manifest::of(dir.path()).expect("manifest");
    assert!(!is_current(&path, &changed));
    assert!(open_for(&path, &changed).is_none());
    assert!(open_for(&dir.path().join("missing.index"), &manifest).is_none());
}

#[test]
fn an_index_without_quote_records_is_not_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, manifest, path) = imaged(dir.path());
    let image = open_for(&path, &manifest).expect("opened");
    let again = dir.path().join("again.index");
    assert!(write(&again, &manifest, &image.index).is_err());
    assert!(!again.exists());
}
