//! `spotlight serve`: the TUI over SSH, one session per client over one shared index.
//!
//! The corpus is loaded and indexed once; every client that logs in with an authorized public
//! key gets its own [`crate::app::App`] drawn into its channel (see [`session`]). Only
//! interactive sessions with a pty are served: exec, subsystems, environment variables and
//! every kind of forwarding are refused, and so are passwords.

mod handler;
pub mod input;
pub mod keys;
pub mod session;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context, bail};
use russh::MethodKind;
use russh::server::Config;
use tokio::net::TcpListener;
use tokio::sync::broadcast;

use self::keys::AuthorizedKeys;
use crate::index::Index;
use crate::tui::keymap::Keymap;

/// How often a silent client is asked whether it is still there (three unanswered: gone).
const KEEPALIVE: Duration = Duration::from_secs(30);

/// How `spotlight serve` was asked to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Address and port to listen on.
    pub listen: SocketAddr,
    /// The host key file (made on first start).
    pub host_key: PathBuf,
    /// The `authorized_keys` file.
    pub authorized_keys: PathBuf,
    /// Sessions served at once; one more is refused politely.
    pub max_sessions: usize,
    /// Sessions without input for this long are closed.
    pub idle_timeout: Duration,
    /// Connections not logged in after this long are dropped.
    pub login_grace: Duration,
}

/// What every connection shares: the index, the keys allowed in, the limits.
#[derive(Debug)]
pub struct Shared {
    /// The corpus and its index.
    pub index: Arc<Index>,
    /// The keys allowed in.
    pub authorized: AuthorizedKeys,
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
    /// Sent once when the server stops.
    pub shutdown: broadcast::Sender<()>,
}

/// Serves the TUI over SSH until SIGTERM or SIGINT; logs go to stderr.
pub fn run(index: Arc<Index>, options: &Options) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(serve(index, options))
}

async fn serve(index: Arc<Index>, options: &Options) -> anyhow::Result<()> {
    let host_key = keys::host_key(&options.host_key)?;
    let authorized = AuthorizedKeys::read(&options.authorized_keys)?;
    for problem in &authorized.problems {
        tracing::warn!("{problem}");
    }
    if authorized.is_empty() {
        bail!(
            "{}: no usable public key, so nobody could log in",
            options.authorized_keys.display()
        );
    }
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
    let shared = Arc::new(Shared {
        index,
        authorized,
        keymap: Keymap::default(),
        sessions: AtomicUsize::new(0),
        max_sessions: options.max_sessions,
        idle_timeout: options.idle_timeout,
        login_grace: options.login_grace,
        shutdown,
    });
    let listener = TcpListener::bind(options.listen)
        .await
        .with_context(|| format!("cannot listen on {}", options.listen))?;
    // Log the bound address, not the requested one, so `--listen 127.0.0.1:0` says its port.
    let bound = listener.local_addr().unwrap_or(options.listen);
    tracing::info!(
        listen = %bound,
        keys = shared.authorized.len(),
        "serving spotlight over SSH"
    );
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((socket, peer)) => {
                    tokio::spawn(handler::connection(
                        Arc::clone(&shared),
                        Arc::clone(&config),
                        socket,
                        peer,
                    ));
                }
                Err(e) => tracing::warn!("accept failed: {e}"),
            },
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
