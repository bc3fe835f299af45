//! The corpus loader on arbitrary files: a saved page (read, annotated, extracted against the
//! bundled gazetteer) or a gazetteer file. Bad input is a problem report, never a panic.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use spotlight::corpus::SourceFile;
use spotlight::corpus::gazetteer::Gazetteer;
use spotlight::corpus::read::{gazetteer_from, load_piece};

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let bundled = SourceFile {
        name: "actors.json".to_string(),
        bytes: include_bytes!("../../data/actors.json").to_vec(),
    };
    gazetteer_from(Some(bundled)).0
});

fuzz_target!(|data: &[u8]| {
    // The first byte says which kind of file the rest is.
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    if kind % 4 == 0 {
        let file = SourceFile {
            name: "actors.json".to_string(),
            bytes: bytes.to_vec(),
        };
        let _ = gazetteer_from(Some(file));
    } else {
        let file = SourceFile {
            name: "piece.md".to_string(),
            bytes: bytes.to_vec(),
        };
        let result = load_piece(&file, &GAZETTEER);
        for problem in &result.problems {
            assert!(
                problem.line >= 1,
                "a problem without a line: {}",
                problem.message
            );
        }
    }
});
