//! The HTML reader on arbitrary bytes, as a page and as a single-file save: a page is read or
//! refused with an error, never a panic, and what it reads loads as a saved page.

#![no_main]

use libfuzzer_sys::fuzz_target;
use spotlight::corpus::html;
use spotlight::corpus::page::read_page;

const SOURCE: &str = "https://www.washingtoninstitute.org/x";

fuzz_target!(|data: &[u8]| {
    if let Ok(page) = html::read(data, Some(SOURCE)) {
        let _ = read_page(&page.markdown, "fuzz.md");
    }
    if let Ok(single) = html::mhtml::unpack(data) {
        if let Ok(page) = html::read(&single.html, single.url.as_deref().or(Some(SOURCE))) {
            let _ = read_page(&page.markdown, "fuzz.md");
        }
    }
});
