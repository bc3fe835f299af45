//! Fetching one page by its URL, only when asked (`spotlight import https://…`), never
//! following its links: a blocking HTTP client on rustls, with an honest User-Agent, connect
//! and read timeouts, a size cap, a redirect limit and gzip. A page that is not one (an error
//! status, a PDF, a bot challenge, a few bytes) is reported as such, with the advice to save
//! it from the browser and import the file.

use std::time::Duration;

use ureq::{Agent, ResponseExt};

/// What a fetch may cost.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest wait for the connection.
    pub connect: Duration,
    /// Longest wait for the answer, and for the whole body.
    pub read: Duration,
    /// Largest body taken, in bytes.
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub redirects: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            read: Duration::from_secs(30),
            max_bytes: 20 << 20,
            redirects: 5,
        }
    }
}

/// A page as fetched.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The address it was fetched from, after any redirects.
    pub url: String,
    /// Its bytes, decompressed.
    pub bytes: Vec<u8>,
    /// When it was fetched.
    pub at: jiff::Timestamp,
}

/// The smallest body taken for an article: anything shorter is an error page or a stub.
const SMALLEST: usize = 2048;

/// Said with every failure that a browser can get around.
const ADVICE: &str = "save the page from your browser (Save Page As…, \"Web Page, Complete\") \
                      and import the file";

/// Why a page could not be fetched, in words a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not an http(s) address.
    #[error("not a web address (only http:// and https:// are fetched)")]
    NotHttp,
    /// The server answered with an error status.
    #[error("the server answered {0}")]
    Status(u16),
    /// More redirects than the limit.
    #[error("more than {0} redirects: the address goes round in circles")]
    Redirects(u32),
    /// The server did not answer in time.
    #[error("the server did not answer in time; {ADVICE}")]
    Timeout,
    /// The body is larger than the cap.
    #[error("the page is larger than {} MB", .0 >> 20)]
    TooLarge(u64),
    /// Not an HTML page.
    #[error("not an HTML page (content type {0})")]
    NotHtml(String),
    /// A bot check instead of the page.
    #[error("the site answered with a bot check instead of the page; {ADVICE}")]
    Challenge,
    /// Too short to be an article.
    #[error("the answer is only {0} bytes, not an article; {ADVICE}")]
    TooSmall(usize),
    /// The connection failed.
    #[error("cannot fetch it: {0}")]
    Network(String),
}

/// Fetches `url` within `limits`.
pub fn fetch(url: &str, limits: &Limits) -> Result<Fetched, FetchError> {
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(FetchError::NotHttp);
    }
    let agent: Agent = Agent::config_builder()
        .user_agent(concat!(
            "spotlight/",
            env!("CARGO_PKG_VERSION"),
            " (one page, fetched when its reader asked for it)"
        ))
        .timeout_connect(Some(limits.connect))
        .timeout_recv_response(Some(limits.read))
        .timeout_recv_body(Some(limits.read))
        .max_redirects(limits.redirects)
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        .call()
        .map_err(|e| failure(e, limits))?;
    let status = response.status().as_u16();
    let fetched_from = response.get_uri().to_string();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(|e| failure(e, limits))?;
    if is_challenge(status, &bytes) {
        return Err(FetchError::Challenge);
    }
    if status >= 400 {
        return Err(FetchError::Status(status));
    }
    if !(kind.is_empty() || kind.contains("html")) {
        return Err(FetchError::NotHtml(kind));
    }
    if bytes.len() < SMALLEST {
        return Err(FetchError::TooSmall(bytes.len()));
    }
    Ok(Fetched {
        url: fetched_from,
        bytes,
        at: jiff::Timestamp::now(),
    })
}

/// The client's error in the user's terms.
fn failure(error: ureq::Error, limits: &Limits) -> FetchError {
    match error {
        ureq::Error::Timeout(_) => FetchError::Timeout,
        ureq::Error::TooManyRedirects => FetchError::Redirects(limits.redirects),
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(limits.max_bytes),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => FetchError::Timeout,
        other => FetchError::Network(other.to_string()),
    }
}

/// Whether the answer is a bot check (Cloudflare's and the like) rather than the page.
fn is_challenge(status: u16, bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(16 * 1024)]).to_lowercase();
    let marked = [
        "cf-chl",
        "challenge-platform",
        "just a moment...",
        "attention required!",
        "checking your browser",
        "captcha",
    ]
    .iter()
    .any(|m| head.contains(m));
    marked && (status == 403 || status == 429 || status == 503 || bytes.len() < 64 * 1024)
}

#[cfg(test)]
mod tests;
