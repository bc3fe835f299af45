//! The input parser every SSH session feeds with the client's bytes: whatever arrives, in
//! whatever pieces and at whatever pace, it must neither panic nor hold bytes forever.

#![no_main]

use std::time::{Duration, Instant};

use libfuzzer_sys::fuzz_target;
use spotlight::front::input::InputParser;

fuzz_target!(|data: &[u8]| {
    // The first byte picks where the stream is cut into reads; the rest is the stream.
    let Some((&cut, stream)) = data.split_first() else {
        return;
    };
    let piece = usize::from(cut % 16) + 1;
    let mut parser = InputParser::new();
    let mut now = Instant::now();
    for chunk in stream.chunks(piece) {
        let _ = parser.feed(chunk, now);
        // Time passes between reads, sometimes past the parser's deadline.
        now += Duration::from_millis(u64::from(chunk[0] % 4) * 200);
        let _ = parser.flush(now);
    }
    // Long after the last byte, nothing is left pending.
    let _ = parser.flush(now + Duration::from_secs(5));
    assert!(
        parser.deadline().is_none(),
        "bytes held after every deadline passed"
    );
});
