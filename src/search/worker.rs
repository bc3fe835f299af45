//! The search worker: a thread that runs queries for a view, newest first.
//!
//! The front end hands it every [`Request`] the view asks for (one per keystroke); a newer
//! request cancels the one in flight. Each query answers twice: first a quick screenful (the first matches found in index order, scored), then
//! the full ranking. So the first results reach the screen within a frame even on a million
//! quotes, and the order settles a moment later.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use super::engine::{Results, Stage, run};
use super::query::Query;
use crate::index::Index;

/// How many results the quick first answer holds: more than a tall terminal shows.
pub const SCREENFUL: usize = 200;

/// A query to run, as the view parsed it (once), numbered so that its answers can be told
/// from those of the queries before it, with the index the view shows: a view that moves to a
/// new index (the corpus read in full behind the first frame, a reload) searches that one
/// from its next request on, and the worker never holds an index of its own.
#[derive(Clone)]
pub struct Request {
    /// Increases with every query of a view; answers carry it back.
    pub generation: u64,
    /// The query line as typed.
    pub text: String,
    /// The query line parsed.
    pub query: Query,
    /// The index to search.
    pub index: Arc<Index>,
}

impl PartialEq for Request {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
            && self.text == other.text
            && self.query == other.query
            && Arc::ptr_eq(&self.index, &other.index)
    }
}

impl Eq for Request {}

impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("generation", &self.generation)
            .field("text", &self.text)
            .field("query", &self.query)
            .field("index", &format_args!("{} quotes", self.index.len()))
            .finish()
    }
}

/// An answer to a submitted query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Response {
    /// The generation of the request it answers.
    pub generation: u64,
    /// The query text.
    pub query: String,
    /// The hits so far.
    pub results: Results,
    /// False for the quick first screenful, true for the full ranking.
    pub complete: bool,
}

/// A background thread that runs the searches of one view.
#[derive(Debug)]
pub struct SearchWorker {
    requests: Option<Sender<Request>>,
    responses: Receiver<Response>,
    latest: Arc<AtomicU64>,
    thread: Option<JoinHandle<()>>,
}

impl SearchWorker {
    /// Starts the worker; `limit` caps the full ranking.
    #[must_use]
    pub fn spawn(limit: usize) -> Self {
        Self::spawn_waking(limit, || {})
    }

    /// Like [`Self::spawn`], calling `wake` after each answer is sent: a front end that waits
    /// for input can then take the answer at once instead of looking again after a tick.
    #[must_use]
    pub fn spawn_waking(limit: usize, wake: impl Fn() + Send + 'static) -> Self {
        let (requests, inbox) = mpsc::channel::<Request>();
        let (outbox, responses) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let current = Arc::clone(&latest);
        let thread = std::thread::Builder::new()
            .name("spotlight-search".into())
            .spawn(move || serve(&inbox, &outbox, &current, limit, &wake))
            .ok();
        Self {
            requests: Some(requests),
            responses,
            latest,
            thread,
        }
    }

    /// Submits a query; any query still running is abandoned, and answers to older
    /// generations are dropped from now on.
    pub fn submit(&self, request: Request) {
        self.latest.store(request.generation, Ordering::SeqCst);
        if let Some(requests) = &self.requests {
            let _ = requests.send(request);
        }
    }

    /// The newest response waiting, if any, dropping answers to older queries.
    pub fn try_recv(&self) -> Option<Response> {
        let newest = self.latest.load(Ordering::SeqCst);
        let mut found = None;
        while let Ok(response) = self.responses.try_recv() {
            if response.generation == newest {
                found = Some(response);
            }
        }
        found
    }

    /// Waits up to `timeout` for a response to the newest query.
    pub fn recv_timeout(&self, timeout: Duration) -> Option<Response> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.responses.recv_timeout(left) {
                Ok(r) if r.generation == self.latest.load(Ordering::SeqCst) => return Some(r),
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }
}

impl Drop for SearchWorker {
    fn drop(&mut self) {
        self.requests = None;
        self.latest.fetch_add(1, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The full ranking for `request`, here and now: what a worker's last answer holds, for
/// callers that want no thread (state and frame tests, scripted sessions).
#[must_use]
pub fn answer(request: &Request, limit: usize) -> Response {
    let results = run(&request.index, &request.query, Stage::Full(limit), &|| {
        false
    })
    .unwrap_or_default();
    Response {
        generation: request.generation,
        query: request.text.clone(),
        results,
        complete: true,
    }
}

fn serve(
    inbox: &Receiver<Request>,
    outbox: &Sender<Response>,
    latest: &AtomicU64,
    limit: usize,
    wake: &dyn Fn(),
) {
    while let Ok(mut request) = inbox.recv() {
        // Only the newest of the waiting queries is worth running.
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        let Request {
            generation,
            text,
            query,
            index,
        } = request;
        let cancelled = || latest.load(Ordering::Relaxed) != generation;
        for stage in [Stage::First(SCREENFUL), Stage::Full(limit)] {
            let Some(results) = run(&index, &query, stage, &cancelled) else {
                break;
            };
            // A first screenful that is not full already holds every match, ranked.
            let complete = matches!(stage, Stage::Full(_)) || results.total < SCREENFUL;
            let response = Response {
                generation,
                query: text.clone(),
                results,
                complete,
            };
            if cancelled() || outbox.send(response).is_err() {
                break;
            }
            wake();
            if complete {
                break;
            }
        }
    }
}

/// How long a caller may reasonably wait for the first answer in tests and benchmarks.
pub const PATIENCE: Duration = Duration::from_secs(10);
