//! A cheap look at the markup before parsing it: how deep it nests and how many tags it has.
//!
//! An HTML parser's tree builder searches its stack of open elements for many tags, so
//! markup nested ten thousand deep costs it time in the square of that; a page past these
//! limits is refused before it is parsed.

use super::error::HtmlError;

/// The deepest nesting read; real article pages stay under a hundred levels.
pub const MAX_DEPTH: usize = 512;

/// The most tags read; a long article page with heavy chrome has tens of thousands.
pub const MAX_TAGS: usize = 400_000;

/// Elements without content (`<br>`) or whose end tag the parser supplies itself (`<p>`,
/// `<li>`): they never pile up on the parser's stack.
const NOT_NESTING: [&str; 28] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody",
    "thead", "tfoot", "rb", "rt",
];

/// Fails when the markup nests deeper than [`MAX_DEPTH`] or has more than [`MAX_TAGS`] tags.
///
/// Counts start tags less end tags, skipping comments and the raw text of scripts and styles;
/// an end tag without its start tag counts for nothing.
pub fn check(text: &str) -> Result<(), HtmlError> {
    let bytes = text.as_bytes();
    let (mut depth, mut tags, mut at) = (0usize, 0usize, 0usize);
    while let Some(lt) = memchr::memchr(b'<', &bytes[at..]).map(|i| at + i) {
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            at = skip_past(bytes, lt + 4, b"-->");
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        at = name_start + name_len;
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        tags += 1;
        if tags > MAX_TAGS {
            return Err(HtmlError::TooManyElements { limit: MAX_TAGS });
        }
        let name = text[name_start..at].to_ascii_lowercase();
        let end = memchr::memchr(b'>', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        let self_closing = end > at && bytes.get(end - 1) == Some(&b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            let close = format!("</{name}");
            at = skip_past_ignoring_case(bytes, end, close.as_bytes());
            continue;
        } else if !self_closing && !NOT_NESTING.contains(&name.as_str()) {
            depth += 1;
            if depth > MAX_DEPTH {
                return Err(HtmlError::TooDeep {
                    depth,
                    limit: MAX_DEPTH,
                });
            }
        }
        at = end.min(bytes.len());
    }
    Ok(())
}

/// The offset just past the next `needle` at or after `from`, or the end.
fn skip_past(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    let from = from.min(bytes.len());
    memchr::memmem::find(&bytes[from..], needle).map_or(bytes.len(), |i| from + i + needle.len())
}

/// [`skip_past`] for a lower-case `needle` matched in any case (`</SCRIPT`).
fn skip_past_ignoring_case(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    let from = from.min(bytes.len());
    let mut at = from;
    while let Some(lt) = memchr::memchr(b'<', &bytes[at..]).map(|i| at + i) {
        let candidate = bytes.get(lt..lt + needle.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(needle)) {
            return lt + needle.len();
        }
        at = lt + 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_markup_nested_past_the_limit() {
        let deep = "<div>".repeat(MAX_DEPTH + 1);
        assert!(matches!(check(&deep), Err(HtmlError::TooDeep { .. })));
        let ok = format!("{}{}", "<div>".repeat(100), "</div>".repeat(100)).repeat(50);
        assert_eq!(check(&ok), Ok(()));
    }

    #[test]
    fn unclosed_paragraphs_and_void_elements_do_not_count_as_depth() {
        let page = "<p>a<br><img src=x><li>b".repeat(5_000);
        assert_eq!(check(&page), Ok(()));
    }

    #[test]
    fn skips_scripts_and_comments() {
        let page = format!(
            "<script>{}</SCRIPT><!-- {} --><p>x",
            "<div>".repeat(2_000),
            "<div>".repeat(2_000)
        );
        assert_eq!(check(&page), Ok(()));
    }

    #[test]
    fn refuses_too_many_tags() {
        let page = "<br>".repeat(MAX_TAGS + 1);
        assert!(matches!(
            check(&page),
            Err(HtmlError::TooManyElements { .. })
        ));
    }
}
