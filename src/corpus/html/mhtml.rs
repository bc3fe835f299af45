//! Single-file saves (`.mhtml`, `.mht`: "Save as… Webpage, Single File" in Chrome and Edge):
//! a MIME message whose root part is the page, its images and styles the parts after it.
//!
//! [`unpack`] finds the page (the part the message's `start` names, else its first HTML part),
//! undoes its transfer encoding (quoted-printable or base64), and reads what the message says
//! of it: the address it was saved from (`Snapshot-Content-Location`, else the page part's
//! `Content-Location`) and when (`Date`). The page then goes through [`super::read`] like any
//! saved HTML page.

use encoding_rs::Encoding;
use mailparse::{MailHeaderMap, ParsedMail};

use super::decode::MAX_BYTES;
use super::error::HtmlError;

/// The largest single-file save read: the page plus its images, base64-encoded.
pub const MAX_SINGLE_FILE: usize = 4 * MAX_BYTES;

/// The page inside a single-file save, with what the message says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unpacked {
    /// The page's bytes for [`super::read`]: as saved, or as UTF-8 behind a byte-order mark
    /// when the part names its character set (a mark outranks the page's own `<meta>`).
    pub html: Vec<u8>,
    /// The address the page was saved from.
    pub url: Option<String>,
    /// When the page was saved: the message's date.
    pub saved: Option<jiff::Timestamp>,
}

/// Takes the page out of a single-file save; a message without an HTML part, or bytes that
/// are no MIME message, are an [`HtmlError::NotSingleFile`].
pub fn unpack(bytes: &[u8]) -> Result<Unpacked, HtmlError> {
    if bytes.len() > MAX_SINGLE_FILE {
        return Err(HtmlError::TooLarge {
            size: bytes.len(),
            limit: MAX_SINGLE_FILE,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(not_single_file("the file is empty"));
    }
    let message = mailparse::parse_mail(bytes)
        .map_err(|e| not_single_file(&format!("it is no MIME message ({e})")))?;
    if message.headers.get_first_value("Content-Type").is_none() {
        return Err(not_single_file(
            "it is no MIME message (it has no Content-Type header)",
        ));
    }
    if !message.ctype.mimetype.starts_with("multipart/") && !is_html(&message) {
        return Err(not_single_file(&format!(
            "it is a {} message, not a saved page",
            message.ctype.mimetype
        )));
    }
    let page = root(&message).ok_or_else(|| not_single_file("it holds no HTML page"))?;
    let raw = page
        .get_body_raw()
        .map_err(|e| not_single_file(&format!("its page cannot be decoded: {e}")))?;
    let html = match declared_charset(page) {
        Some(encoding) => {
            let (text, _, _) = encoding.decode(&raw);
            let mut utf8 = Vec::with_capacity(text.len() + 3);
            utf8.extend_from_slice(b"\xef\xbb\xbf");
            utf8.extend_from_slice(text.as_bytes());
            utf8
        }
        None => raw,
    };
    let url = message
        .headers
        .get_first_value("Snapshot-Content-Location")
        .or_else(|| page.headers.get_first_value("Content-Location"))
        .map(|u| u.trim().to_string())
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let saved = message
        .headers
        .get_first_value("Date")
        .and_then(|d| mailparse::dateparse(&d).ok())
        .and_then(|seconds| jiff::Timestamp::from_second(seconds).ok());
    Ok(Unpacked { html, url, saved })
}

fn not_single_file(why: &str) -> HtmlError {
    HtmlError::NotSingleFile {
        why: why.to_string(),
    }
}

fn is_html(part: &ParsedMail<'_>) -> bool {
    part.ctype.mimetype.eq_ignore_ascii_case("text/html")
}

/// The page: the part whose `Content-ID` the root's `start` parameter names, else the first
/// HTML part in document order (Chrome writes the page first, its frames after).
fn root<'a>(message: &'a ParsedMail<'a>) -> Option<&'a ParsedMail<'a>> {
    let start = message.ctype.params.get("start").map(|s| s.trim());
    let named = start.and_then(|start| {
        message.parts().find(|part| {
            part.headers
                .get_first_value("Content-ID")
                .is_some_and(|id| id.trim() == start)
        })
    });
    named
        .filter(|part| is_html(part))
        .or_else(|| message.parts().find(|part| is_html(part)))
}

/// The character set the page part's `Content-Type` names, when `encoding_rs` knows it.
fn declared_charset(part: &ParsedMail<'_>) -> Option<&'static Encoding> {
    let label = part.ctype.params.get("charset")?;
    Encoding::for_label(label.trim().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A single-file save as Chrome writes one: CRLF lines, the page quoted-printable, an
    /// image after it.
    fn save(page_headers: &str, page: &str) -> Vec<u8> {
        [
            "From: <Saved by Blink>",
            "Snapshot-Content-Location: https://www.example.org/analysis/a-piece",
            "Subject: A piece",
            "Date: Mon, 7 Dec 2026 09:30:00 -0000",
            "MIME-Version: 1.0",
            "Content-Type: multipart/related;",
            "\ttype=\"text/html\";",
            "\tboundary=\"----MultipartBoundary--x1----\"",
            "",
            "",
            "------MultipartBoundary--x1----",
            page_headers,
            "Content-Transfer-Encoding: quoted-printable",
            "Content-Location: https://www.example.org/analysis/a-piece",
            "",
            page,
            "",
            "------MultipartBoundary--x1----",
            "Content-Type: image/png",
            "Content-Transfer-Encoding: base64",
            "Content-Location: https://www.example.org/a.png",
            "",
            "iVBORw0KGgo=",
            "",
            "------MultipartBoundary--x1------",
            "",
        ]
        .join("\r\n")
        .into_bytes()
    }

    #[test]
    fn the_page_its_address_and_its_date_come_out() {
        let page = "<html><head><meta charset=3D\"utf-8\"></head><body><p>caf=C3=A9 and a lo=\r\nng line</p></body></html>";
        let unpacked = unpack(&save("Content-Type: text/html", page)).expect("unpacked");
        let html = String::from_utf8(unpacked.html).expect("UTF-8");
        assert!(html.contains("<p>café and a long line</p>"), "{html}");
        assert_eq!(
            unpacked.url.as_deref(),
            Some("https://www.example.org/analysis/a-piece")
        );
        assert_eq!(
            unpacked.saved.map(|t| t.to_string()).as_deref(),
            Some("2026-12-07T09:30:00Z")
        );
    }

    #[test]
    fn a_charset_named_by_the_part_is_decoded_behind_a_byte_order_mark() {
        // "سلام" in windows-1256, quoted-printable.
        let page = "<html><body><p>=D3=E1=C7=E3</p></body></html>";
        let unpacked = unpack(&save(
            "Content-Type: text/html; charset=\"windows-1256\"",
            page,
        ))
        .expect("unpacked");
        let html = String::from_utf8(unpacked.html).expect("UTF-8");
        assert_eq!(
            html.trim_end(),
            "\u{feff}<html><body><p>سلام</p></body></html>"
        );
    }

    #[test]
    fn what_is_no_saved_page_is_refused_with_its_reason() {
        let mail = b"Subject: hello\r\nContent-Type: text/plain\r\n\r\nNothing here.\r\n";
        let refused = unpack(mail).expect_err("a plain message");
        assert!(refused.to_string().contains("text/plain"), "{refused}");
        let no_page = String::from_utf8(save("Content-Type: text/css", "p { }"))
            .expect("UTF-8")
            .into_bytes();
        let refused = unpack(&no_page).expect_err("no page inside");
        assert!(refused.to_string().contains("no HTML page"), "{refused}");
        for (bytes, why) in [
            (&b" \r\n"[..], "the file is empty"),
            (&b"\x89PNG\r\n\x1a\n binary"[..], "no MIME message"),
            (&b"just some words\r\n"[..], "no MIME message"),
        ] {
            let refused = unpack(bytes).expect_err("not a save");
            assert!(refused.to_string().contains(why), "{refused}");
        }
        assert!(matches!(
            unpack(&vec![b'x'; MAX_SINGLE_FILE + 1]),
            Err(HtmlError::TooLarge { .. })
        ));
    }

    #[test]
    fn the_part_named_by_start_is_the_page() {
        let mail = [
            "Content-Type: multipart/related; boundary=\"b\"; start=\"<main@x>\"",
            "",
            "--b",
            "Content-Type: text/html",
            "Content-ID: <frame@x>",
            "",
            "<p>a frame</p>",
            "--b",
            "Content-Type: text/html",
            "Content-ID: <main@x>",
            "",
            "<p>the page</p>",
            "--b--",
        ]
        .join("\n");
        let unpacked = unpack(mail.as_bytes()).expect("unpacked");
        assert!(String::from_utf8_lossy(&unpacked.html).contains("the page"));
        assert_eq!(unpacked.url, None);
        assert_eq!(unpacked.saved, None);
    }
}
