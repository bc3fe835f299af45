//! Property tests: no input makes the reader, the extractor or the loader panic.

use proptest::prelude::*;
use spotlight::corpus::{Corpus, SourceFile};

const GAZETTEER: &[u8] = include_bytes!("../data/actors.json");
const SEED: &str =
    include_str!("../data/pieces/potential-escalation-in-iraq-part-1-khamenei-and-badr.md");

fn load(bytes: Vec<u8>) -> Corpus {
    let actors = SourceFile {
        name: "actors.json".into(),
        bytes: GAZETTEER.to_vec(),
    };
    Corpus::from_sources(
        Some(actors),
        vec![SourceFile {
            name: "random.md".into(),
            bytes,
        }],
    )
}

/// Pieces of saved-page syntax, recombined at random.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# Title\n".to_string()),
        Just("Nov 1, 2023\n".to_string()),
        Just("## ABOUT THE AUTHORS\n".to_string()),
        Just("[Name \\(/experts/x\\)](#)\n".to_string()),
        Just("**Badr Organization (/node/17003)**".to_string()),
        Just("**he warned (/node/1)**, ".to_string()),
        Just("Figure 1: caption, October 30, 2023.\n".to_string()),
        Just("(/sites/default/files/x.png)\n".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just(", he said, ".to_string()),
        Just("Hadi al-Ameri said ".to_string()),
        Just(": ".to_string()),
        Just("(Figure 2)".to_string()),
        Just("\n\n".to_string()),
        Just("## PART OF A SERIES\n".to_string()),
        Just("## TOPICS\n".to_string()),
        Just("العامري قال ".to_string()),
        Just("\r\n".to_string()),
        // The units and cues of attribution: list items, block quotations, Q&A lines,
        // relative dates, honorifics, Arabic names, descriptors.
        Just("\n- ".to_string()),
        Just("\n> ".to_string()),
        Just("\n\nQ: ".to_string()),
        Just("\n\nA: ".to_string()),
        Just("The next day, ".to_string()),
        Just("two days later ".to_string()),
        Just("on the 5th ".to_string()),
        Just("Sheikh Ghanim al-Hilfi (غانم الحلفي), the head of the tribe, ".to_string()),
        Just("Maj. Gen. ".to_string()),
        Just("the group's spokesman ".to_string()),
        Just("she wrote: ".to_string()),
        Just("al-Qabda ".to_string()),
        Just("according to a statement by ".to_string()),
        Just("Thabat TV, a station that ".to_string()),
        "[a-zA-Z .,'-]{0,20}",
        "\\PC{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = load(bytes);
    }

    #[test]
    fn random_markdown_never_panics(parts in proptest::collection::vec(fragment(), 0..60)) {
        let corpus = load(parts.concat().into_bytes());
        for quote in &corpus.quotes {
            prop_assert!(!quote.text.is_empty());
        }
    }

    #[test]
    fn truncated_seed_never_panics(cut in 0usize..SEED.len()) {
        let mut end = cut;
        while !SEED.is_char_boundary(end) {
            end -= 1;
        }
        let _ = load(SEED.as_bytes()[..end].to_vec());
    }

    #[test]
    fn seed_with_random_insertions_never_panics(at in 0usize..SEED.len(), insert in fragment()) {
        let mut at = at;
        while !SEED.is_char_boundary(at) {
            at -= 1;
        }
        let text = format!("{}{insert}{}", &SEED[..at], &SEED[at..]);
        let _ = load(text.into_bytes());
    }
}
