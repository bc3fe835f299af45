//! The HTML reader on arbitrary bytes: a page is read or refused with an error, never a
//! panic, and what it reads loads as a saved page.

#![no_main]

use libfuzzer_sys::fuzz_target;
use spotlight::corpus::html;
use spotlight::corpus::page::read_page;

fuzz_target!(|data: &[u8]| {
    if let Ok(page) = html::read(data, Some("https://www.washingtoninstitute.org/x")) {
        let _ = read_page(&page.markdown, "fuzz.md");
    }
});
