//! Why an HTML page could not be read, in words that tell the user what to do next.

/// Why [`super::read`] refused a page or found nothing in it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    /// The file is larger than any saved article page: probably not one.
    #[error(
        "the page is {size} bytes, over the {limit}-byte limit for a saved page: save the article alone (\"Web Page, HTML Only\")"
    )]
    TooLarge {
        /// The page's size in bytes.
        size: usize,
        /// The largest size read.
        limit: usize,
    },
    /// The bytes are not text: an image, a PDF or an archive saved under an `.html` name.
    #[error("the file is not an HTML page ({what}): save the page itself from the browser")]
    NotText {
        /// What the bytes look like instead.
        what: String,
    },
    /// The markup nests deeper than any real page; reading it would cost too much.
    #[error(
        "the page's markup nests {depth} levels deep (the limit is {limit}): it is not a saved article"
    )]
    TooDeep {
        /// How deep the markup went before reading stopped.
        depth: usize,
        /// The deepest nesting read.
        limit: usize,
    },
    /// The page has more elements than an article page ever has.
    #[error(
        "the page has over {limit} elements: it is not a saved article (or save it as \"HTML Only\")"
    )]
    TooManyElements {
        /// The most elements read.
        limit: usize,
    },
    /// No article text could be found: a listing, a login wall or an empty page.
    #[error("no article found: {why}; open the article's own page and save that")]
    NoArticle {
        /// What was missing.
        why: String,
    },
    /// A single-file save (`.mhtml`) that holds no page to read.
    #[error(
        "the single-file save cannot be read: {why}; save the page as \"Web Page, Complete\" and import that"
    )]
    NotSingleFile {
        /// What is wrong with it.
        why: String,
    },
}
