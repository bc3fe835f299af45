//! `spotlight serve`: the TUI over SSH, one session per client over one shared index.
//!
//! The corpus is loaded and indexed once; every client that logs in with an authorized public
//! key gets its own [`crate::app::App`] drawn into its channel (see [`session`]). Only
//! interactive sessions with a pty are served: exec, subsystems, environment variables and
//! every kind of forwarding are refused, and so are passwords.

mod connection;
pub mod gate;
mod handler;
pub mod keys;
pub mod session;
mod shown;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use russh::MethodKind;
use russh::server::Config;
use tokio::net::TcpListener;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::{Semaphore, broadcast, watch};

use self::gate::{Evicted, Limits, Throttle, Waiting};
use self::keys::AuthorizedKeys;
pub use self::shown::Shown;
use self::shown::{Loads, follow};
use crate::front::keymap::Keymap;
use crate::index::Index;
use crate::store::{News, Nudges};
use std::sync::mpsc::Sender;

/// How often a silent client is asked whether it is still there (three unanswered: gone).
const KEEPALIVE: Duration = Duration::from_secs(30);

/// How `spotlight serve` was asked to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Host (a name or an address) and port to listen on; every address the host name
    /// resolves to is listened on.
    pub listen: String,
    /// The host key file (made on first start).
    pub host_key: PathBuf,
    /// The `authorized_keys` file (read again on SIGHUP).
    pub authorized_keys: PathBuf,
    /// Sessions served at once (at least 1); one more is refused politely.
    pub max_sessions: usize,
    /// Sessions without input for this long are closed.
    pub idle_timeout: Duration,
    /// Connections not logged in after this long are dropped.
    pub login_grace: Duration,
    /// Connections that may wait to log in, in all and per client address.
    pub waiting: Limits,
    /// Where each user's desk is kept: `<dir>/<key fingerprint>.sqlite`.
    pub desks: PathBuf,
}

/// A socket handle that can end its connection from outside the task serving it.
pub type Plug = Arc<std::net::TcpStream>;

/// What every connection shares: the index, the keys allowed in, the limits.
#[derive(Debug)]
pub struct Shared {
    /// The corpus and its index, newest first: sessions move to a new one when it is sent
    /// (the corpus read in full behind a start from its index image, or read again after it
    /// changed).
    pub index: watch::Sender<Shown>,
    /// The keys allowed in; replaced when SIGHUP reloads the file.
    pub authorized: RwLock<AuthorizedKeys>,
    /// Sent after the keys were reloaded: sessions whose key went end.
    pub keys_changed: broadcast::Sender<()>,
    /// The keymap every session uses.
    pub keymap: Keymap,
    /// Sessions running now.
    pub sessions: AtomicUsize,
    /// See [`Options::max_sessions`].
    pub max_sessions: usize,
    /// See [`Options::idle_timeout`].
    pub idle_timeout: Duration,
    /// See [`Options::login_grace`].
    pub login_grace: Duration,
    /// See [`Options::desks`].
    pub desks: PathBuf,
    /// Connections waiting to log in, each with the plug that ends it.
    pub waiting: Mutex<Waiting<Plug>>,
    /// One permit for each connection the file descriptors leave room for: sessions and
    /// connections waiting to log in. Accepting waits for one, so a flood never runs the
    /// process out of descriptors.
    pub slots: Arc<Semaphore>,
    /// Keeps floods out of the log.
    pub throttle: Mutex<Throttle>,
    /// Sent once when the server stops.
    pub shutdown: broadcast::Sender<()>,
}

/// A lock whose holder panicked is still usable: what it guards stays consistent.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// Whether `key` may log in now.
    pub fn allows(&self, key: &russh::keys::PublicKey) -> bool {
        self.authorized
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .allows(key)
    }

    /// Logs a line of `kind` unless one went out less than a second ago; the line says how
    /// many were held back since.
    pub fn log_throttled(&self, kind: &str, log: impl FnOnce(u64)) {
        if let Some(held) = lock(&self.throttle).allow(kind, Instant::now()) {
            log(held);
        }
    }

    /// Registers a connection that has not logged in yet, ending the ones it makes room for.
    pub fn admit(&self, peer: SocketAddr, plug: Plug) -> u64 {
        let (ticket, evicted) = lock(&self.waiting).admit(peer.ip(), plug);
        for gone in evicted {
            self.end_waiting(gone);
        }
        ticket
    }

    /// The connection with `ticket` logged in or went: it no longer waits.
    pub fn leave(&self, ticket: u64) {
        lock(&self.waiting).leave(ticket);
    }

    fn end_waiting(&self, gone: Evicted<Plug>) {
        let _ = gone.item.shutdown(std::net::Shutdown::Both);
        let why = gone.why.reason();
        self.log_throttled(why, |held| {
            tracing::warn!(addr = %gone.address, held_back = held, "dropped a connection not logged in: {why}");
        });
    }
}

/// Serves the TUI over SSH until SIGTERM or SIGINT; logs go to stderr. SIGHUP reads the
/// `authorized_keys` file and the corpus again. `open` loads the index on a thread of its own
/// and tells what it has as it goes (see [`crate::store::browse_and_follow`]; a send on the
/// nudges asks for the corpus to be read again): the server listens as soon as the first index
/// comes, and every session moves to each next one.
pub fn run<F>(open: F, options: &Options) -> anyhow::Result<()>
where
    F: FnOnce(Nudges, &dyn Fn(News) -> bool) -> anyhow::Result<()> + Send + 'static,
{
    use std::io::IsTerminal;
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
    let (sender, loads) = std::sync::mpsc::channel();
    let nudges = crate::store::nudges();
    let hangup = nudges.0.clone();
    std::thread::Builder::new()
        .name("spotlight-load".into())
        .spawn(move || {
            let tell = |news: News| sender.send(Ok(news)).is_ok();
            if let Err(error) = open(nudges, &tell) {
                let _ = sender.send(Err(error));
            }
        })?;
    let index = match loads.recv().context("the corpus could not be loaded")?? {
        News::Index(index) => index,
        News::Reload(_) => bail!("the corpus could not be loaded"),
    };
    if index.corpus.has_errors() {
        tracing::warn!(
            problems = index.corpus.problems.len(),
            "the corpus has problems that skipped files or entries; `spotlight check` lists them"
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(serve(index, loads, hangup, options))
}

/// The connections that may wait, fitted to the descriptors the process may open (raised to
/// the hard limit first, as daemons do).
fn waiting_limits(options: &Options) -> Limits {
    let descriptors = rlimit::increase_nofile_limit(u64::MAX)
        .or_else(|_| rlimit::Resource::NOFILE.get().map(|(soft, _)| soft))
        .unwrap_or(1024);
    let total = gate::fit_to_descriptors(options.waiting.total, descriptors, options.max_sessions);
    if total < options.waiting.total {
        tracing::warn!(
            descriptors,
            max_pending = total,
            "the descriptor limit allows {total} connections waiting to log in, not {}",
            options.waiting.total
        );
    }
    Limits {
        total,
        per_address: options.waiting.per_address.min(total),
    }
}

fn read_keys(path: &std::path::Path) -> anyhow::Result<AuthorizedKeys> {
    let authorized = AuthorizedKeys::read(path)?;
    for problem in &authorized.problems {
        tracing::warn!("{problem}");
    }
    if authorized.is_empty() {
        bail!(
            "{}: no usable public key, so nobody could log in",
            path.display()
        );
    }
    Ok(authorized)
}

/// Reads `authorized_keys` again; a file that cannot be read, or holds no usable key, leaves
/// the keys in force as they were.
fn reload_keys(shared: &Shared, path: &std::path::Path) {
    match read_keys(path) {
        Ok(keys) => {
            let count = keys.len();
            let before = {
                let mut authorized = shared
                    .authorized
                    .write()
                    .unwrap_or_else(PoisonError::into_inner);
                std::mem::replace(&mut *authorized, keys).len()
            };
            tracing::info!(keys = count, before, "SIGHUP: reloaded {}", path.display());
            let _ = shared.keys_changed.send(());
        }
        Err(error) => tracing::error!("SIGHUP: keys kept as they were: {error:#}"),
    }
}

async fn bind(listen: &str) -> anyhow::Result<Vec<TcpListener>> {
    let addresses: Vec<SocketAddr> = tokio::net::lookup_host(listen)
        .await
        .with_context(|| format!("--listen {listen}: expected HOST:PORT (a name or an address)"))?
        .collect();
    let mut listeners = Vec::new();
    let mut failure = None;
    for address in addresses {
        match TcpListener::bind(address).await {
            Ok(listener) => listeners.push(listener),
            Err(e) => {
                failure = Some(anyhow::Error::new(e).context(format!("cannot listen on {address}")))
            }
        }
    }
    match failure {
        Some(error) if listeners.is_empty() => Err(error),
        _ if listeners.is_empty() => bail!("--listen {listen}: the name resolves to no address"),
        _ => Ok(listeners),
    }
}

async fn serve(
    index: Arc<Index>,
    loads: Loads,
    hangup_nudge: Sender<()>,
    options: &Options,
) -> anyhow::Result<()> {
    let host_key = keys::host_key(&options.host_key)?;
    let authorized = read_keys(&options.authorized_keys)?;
    let config = Arc::new(Config {
        methods: (&[MethodKind::PublicKey][..]).into(),
        keys: vec![host_key],
        auth_rejection_time: Duration::from_millis(500),
        auth_rejection_time_initial: Some(Duration::ZERO),
        nodelay: true,
        // Idle users are the session's business (--idle-timeout), not the transport's; a
        // client that vanished without a word stops answering keepalives and is let go.
        inactivity_timeout: None,
        keepalive_interval: Some(KEEPALIVE),
        keepalive_max: 3,
        ..Config::default()
    });
    let (shutdown, _) = broadcast::channel(1);
    let (keys_changed, _) = broadcast::channel(4);
    let keys = authorized.len();
    let waiting = waiting_limits(options);
    let shared = Arc::new(Shared {
        index: watch::Sender::new(Shown {
            index,
            reload: None,
            problem: None,
        }),
        authorized: RwLock::new(authorized),
        keys_changed,
        keymap: Keymap::default(),
        sessions: AtomicUsize::new(0),
        max_sessions: options.max_sessions,
        idle_timeout: options.idle_timeout,
        login_grace: options.login_grace,
        desks: options.desks.clone(),
        waiting: Mutex::new(Waiting::new(waiting)),
        slots: Arc::new(Semaphore::new(options.max_sessions + waiting.total)),
        throttle: Mutex::new(Throttle::default()),
        shutdown,
    });
    let following = Arc::clone(&shared);
    tokio::task::spawn_blocking(move || follow(&following, &loads));
    let mut term = signal(SignalKind::terminate())?;
    let mut hangup = signal(SignalKind::hangup())?;
    for listener in bind(&options.listen).await? {
        // Log the bound address, not the requested one, so `--listen 127.0.0.1:0` says its port.
        let bound = listener.local_addr().context("the bound address")?;
        tracing::info!(listen = %bound, keys, "serving spotlight over SSH");
        tokio::spawn(accept(listener, Arc::clone(&shared), Arc::clone(&config)));
    }
    loop {
        tokio::select! {
            _ = hangup.recv() => {
                reload_keys(&shared, &options.authorized_keys);
                let _ = hangup_nudge.send(());
            }
            _ = term.recv() => break,
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    tracing::info!(
        sessions = shared.sessions.load(Ordering::SeqCst),
        "shutting down"
    );
    let _ = shared.shutdown.send(());
    // Give sessions a moment to say goodbye and close their channels.
    for _ in 0..50 {
        if shared.sessions.load(Ordering::SeqCst) == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok(())
}

/// Accepts connections until the server stops, each once a slot is free (see
/// [`Shared::slots`]); when none frees up soon, the connection that has waited longest to log
/// in goes to make room. A failing accept backs off, up to half a second, instead of spinning.
async fn accept(listener: TcpListener, shared: Arc<Shared>, config: Arc<Config>) {
    const FIRST_PAUSE: Duration = Duration::from_millis(5);
    const LONGEST_PAUSE: Duration = Duration::from_millis(500);
    // Dropped connections free their slots within moments; only then is another one dropped.
    const SLOT_WAIT: Duration = Duration::from_millis(100);
    let mut pause = FIRST_PAUSE;
    loop {
        let slots = Arc::clone(&shared.slots);
        let slot = match tokio::time::timeout(SLOT_WAIT, Arc::clone(&slots).acquire_owned()).await {
            Ok(Ok(slot)) => slot,
            Ok(Err(_)) => return,
            Err(_) => {
                let oldest = lock(&shared.waiting).evict_oldest();
                if let Some(gone) = oldest {
                    shared.end_waiting(gone);
                }
                match slots.acquire_owned().await {
                    Ok(slot) => slot,
                    Err(_) => return,
                }
            }
        };
        match listener.accept().await {
            Ok((socket, peer)) => {
                pause = FIRST_PAUSE;
                tokio::spawn(connection::serve(
                    Arc::clone(&shared),
                    Arc::clone(&config),
                    socket,
                    peer,
                    slot,
                ));
            }
            Err(error) => {
                drop(slot);
                let kind = error.kind().to_string();
                shared.log_throttled(&kind, |held| {
                    tracing::warn!(held_back = held, "accept failed: {error}");
                });
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(LONGEST_PAUSE);
            }
        }
    }
}
