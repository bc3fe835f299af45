//! Bytes to text: the size cap, refusing what is not text, and the page's character set.
//!
//! The charset comes from a byte-order mark, else from a `<meta charset>` or `<meta
//! http-equiv="content-type">` near the top, else the bytes are UTF-8 when they are valid
//! UTF-8 and windows-1252 (what browsers assume) when not. Arabic pages saved by older sites
//! come as windows-1256 and decode through their `<meta>`.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::error::HtmlError;

/// The largest page read: a saved article is a few megabytes at most.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// How far into the page a `<meta>` charset declaration is looked for.
const SNIFF_BYTES: usize = 4096;

/// Decodes a page to text, refusing one too large or not text at all.
pub fn decode(bytes: &[u8]) -> Result<String, HtmlError> {
    if bytes.len() > MAX_BYTES {
        return Err(HtmlError::TooLarge {
            size: bytes.len(),
            limit: MAX_BYTES,
        });
    }
    let (encoding, skip) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (encoding, bom),
        None => {
            refuse_binary(bytes)?;
            (declared(bytes).unwrap_or_else(|| guessed(bytes)), 0)
        }
    };
    let rest = bytes.get(skip..).unwrap_or_default();
    let (text, _) = encoding.decode_without_bom_handling(rest);
    let text = text.into_owned();
    if !text.contains('<') {
        return Err(HtmlError::NotText {
            what: "text without a single HTML tag".into(),
        });
    }
    Ok(text)
}

/// Fails on bytes that are not text: known file signatures, or NUL bytes (which no text
/// page without a UTF-16 byte-order mark holds).
fn refuse_binary(bytes: &[u8]) -> Result<(), HtmlError> {
    const SIGNATURES: [(&[u8], &str); 7] = [
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive (a .docx or .epub?)"),
        (b"\x1f\x8b", "gzip-compressed data: decompress it first"),
        (b"RIFF", "a RIFF file (an image or a sound)"),
    ];
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(HtmlError::NotText {
            what: (*what).to_string(),
        });
    }
    let head = bytes.get(..64 * 1024).unwrap_or(bytes);
    if memchr::memchr(0, head).is_some() {
        return Err(HtmlError::NotText {
            what: "binary data: it holds NUL bytes".into(),
        });
    }
    Ok(())
}

/// The encoding a `<meta>` near the top declares, if it names one `encoding_rs` knows.
///
/// A declaration of UTF-16 in bytes without its byte-order mark is read as UTF-8, as
/// browsers do: the bytes in hand are ASCII-compatible or the declaration could not be read.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta").map(|i| i + from) {
        let end = memchr::memchr(b'>', &lower[at..]).map_or(lower.len(), |i| at + i);
        let tag = &lower[at..end];
        if let Some(label) = charset_in(tag) {
            let encoding = Encoding::for_label(label)?;
            return Some(if encoding.output_encoding() == UTF_8 {
                UTF_8
            } else {
                encoding
            });
        }
        from = end;
    }
    None
}

/// The value after `charset=` inside one lower-cased `<meta ...>` tag.
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let at = find(tag, b"charset")? + b"charset".len();
    let rest = tag[at..].trim_ascii_start().strip_prefix(b"=")?;
    let rest = rest.trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Some(&rest[..len]).filter(|l| !l.is_empty())
}

/// UTF-8 when the bytes are (a truncated last character allowed), else windows-1252.
fn guessed(bytes: &[u8]) -> &'static Encoding {
    match std::str::from_utf8(bytes) {
        Ok(_) => UTF_8,
        // A download cut inside a character is still UTF-8.
        Err(e) if e.error_len().is_none() => UTF_8,
        Err(_) => WINDOWS_1252,
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_page_over_the_size_cap() {
        let big = vec![b' '; MAX_BYTES + 1];
        assert!(matches!(decode(&big), Err(HtmlError::TooLarge { .. })));
    }

    #[test]
    fn refuses_binary_data_named_html() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let err = decode(png).unwrap_err();
        assert!(err.to_string().contains("PNG image"), "{err}");
        let nul = b"<html>\0\0\x01\x02garbage";
        assert!(matches!(decode(nul), Err(HtmlError::NotText { .. })));
    }

    #[test]
    fn refuses_text_with_no_tag() {
        assert!(matches!(
            decode(b"just words"),
            Err(HtmlError::NotText { .. })
        ));
    }

    #[test]
    fn decodes_windows_1256_from_the_meta_charset() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("<p>العراق</p>");
        let mut page = b"<html><head><meta charset=\"windows-1256\"></head><body>".to_vec();
        page.extend_from_slice(&bytes);
        assert!(decode(&page).unwrap().contains("<p>العراق</p>"));
    }

    #[test]
    fn decodes_the_charset_of_an_http_equiv_meta() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("بغداد");
        let mut page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"><p>"
                .to_vec();
        page.extend_from_slice(&bytes);
        assert!(decode(&page).unwrap().ends_with("<p>بغداد"));
    }

    #[test]
    fn follows_a_byte_order_mark_over_the_meta() {
        let mut page = vec![0xFF, 0xFE];
        for unit in "<meta charset=windows-1252><p>é</p>".encode_utf16() {
            page.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(
            decode(&page).unwrap(),
            "<meta charset=windows-1252><p>é</p>"
        );
    }

    #[test]
    fn guesses_utf8_for_a_truncated_download_and_windows_1252_otherwise() {
        let cut = "<p>العراق".as_bytes();
        let cut = &cut[..cut.len() - 1];
        assert!(decode(cut).unwrap().starts_with("<p>العرا"));
        assert_eq!(decode(b"<p>caf\xe9</p>").unwrap(), "<p>café</p>");
    }
}
