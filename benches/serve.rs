//! Load test of `spotlight serve` on loopback: many SSH sessions at once (russh's client),
//! each typing a query key by key at 80x24.
//!
//! Run with `cargo bench --bench serve` (`SESSIONS=100 KEYS=20` by default). Starts the real
//! binary with a fresh host key and one authorized client key, opens every session, measures
//! the server's resident memory with all of them idle, then has them all type at once. Reports
//! p50 / p99 keystroke → frame-received latency, bytes per keystroke, memory per idle session,
//! and the session count the server logs once everyone has left; then `CYCLES` (1000) quick
//! connect / open / quit cycles, with the server's memory after the first tenth and after all,
//! to show that sessions leave nothing behind.

#![allow(clippy::expect_used, missing_docs)]

use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use russh::client::{self, Handle};
use russh::keys::{Algorithm, PrivateKey, PrivateKeyWithHashAlg};
use russh::{ChannelMsg, Disconnect};

/// What a keystroke's frame ends with: the close of its synchronized update.
const FRAME_END: &[u8] = b"\x1b[?2026l";
/// Typed by every session (the first `KEYS` characters).
const QUERY: &str = "hadi al-ameri attack bases timetable";

struct Trusting;

impl client::Handler for Trusting {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn main() {
    let sessions = env_number("SESSIONS", 100);
    let keys = env_number("KEYS", 20).min(QUERY.len());
    let dir = tempfile::tempdir().expect("tempdir");
    let key = PrivateKey::random(&mut rand_keys::rng(), Algorithm::Ed25519).expect("a key");
    let public = key.public_key().to_openssh().expect("openssh");
    std::fs::write(dir.path().join("authorized_keys"), format!("{public}\n")).expect("write");
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a port")
        .port();
    let log = dir.path().join("server.log");
    let mut server = Command::new(env!("CARGO_BIN_EXE_spotlight"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .args(["--max-sessions", &(sessions * 2).to_string()])
        // Every session logs in at once from one address: room for all of them in the
        // waiting room, or the server (rightly) drops the longest-waiting as a flood.
        .args(["--max-pending", &(sessions * 2).to_string()])
        .args(["--max-pending-per-address", &(sessions * 2).to_string()])
        .arg("--host-key")
        .arg(dir.path().join("host_key"))
        .arg("--authorized-keys")
        .arg(dir.path().join("authorized_keys"))
        .env_remove("SPOTLIGHT_DATA")
        .stdin(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("spotlight serve");
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the server never listened");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    let before = rss_kib(server.id());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let key = Arc::new(key);
    let (idle_rss, latencies, bytes, first_frame) =
        runtime.block_on(load(port, Arc::clone(&key), sessions, keys, server.id()));
    std::thread::sleep(Duration::from_secs(1));
    let cycles = env_number("CYCLES", 1000);
    let (after_first, after_all) = runtime.block_on(churn(port, key, cycles, server.id()));
    std::thread::sleep(Duration::from_secs(1));
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    let left = text
        .lines()
        .rfind(|l| l.contains("session end"))
        .and_then(|l| l.split("sessions=").nth(1))
        .map(str::trim)
        .unwrap_or("?")
        .to_string();
    let _ = server.kill();
    let _ = server.wait();
    report(
        sessions, keys, before, idle_rss, latencies, bytes, &left, &log,
    );
    eprintln!("first frame (largest of the sessions): {first_frame} bytes");
    eprintln!(
        "{cycles} connect/open/quit cycles: server RSS {after_first} KiB after the first {}, {after_all} KiB after all",
        cycles / 10
    );
}

/// Connects, opens the browser, waits for its first frame and quits, `cycles` times (ten at a
/// time); returns the server's RSS after the first tenth and after all of them, to show
/// whether sessions leak.
async fn churn(port: u16, key: Arc<PrivateKey>, cycles: usize, pid: u32) -> (u64, u64) {
    let config = Arc::new(client::Config::default());
    let rounds = cycles.div_ceil(10);
    let mut after_first = 0;
    for round in 1..=rounds {
        let mut tasks = Vec::new();
        for _ in 0..10 {
            let config = Arc::clone(&config);
            let key = Arc::clone(&key);
            tasks.push(tokio::spawn(async move {
                let (handle, channel, _) = open(config, port, key).await;
                let _ = channel.data_bytes(vec![0x03]).await;
                let _ = channel.close().await;
                let _ = handle
                    .disconnect(Disconnect::ByApplication, "done", "en")
                    .await;
            }));
        }
        for task in tasks {
            task.await.expect("task");
        }
        if round == rounds / 10 {
            tokio::time::sleep(Duration::from_millis(500)).await;
            after_first = rss_kib(pid);
        }
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    (after_first, rss_kib(pid))
}

async fn load(
    port: u16,
    key: Arc<PrivateKey>,
    sessions: usize,
    keys: usize,
    pid: u32,
) -> (u64, Vec<Duration>, u64, u64) {
    let config = Arc::new(client::Config::default());
    let mut opened = Vec::new();
    for _ in 0..sessions {
        let config = Arc::clone(&config);
        let key = Arc::clone(&key);
        opened.push(tokio::spawn(async move { open(config, port, key).await }));
    }
    let mut channels = Vec::new();
    let mut first_frame = 0;
    for task in opened {
        let (handle, channel, first) = task.await.expect("task");
        first_frame = first_frame.max(first);
        channels.push((handle, channel));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle_rss = rss_kib(pid);
    let mut typing = Vec::new();
    for (handle, channel) in channels {
        typing.push(tokio::spawn(async move {
            type_query(handle, channel, keys).await
        }));
    }
    let mut latencies = Vec::new();
    let mut bytes = 0;
    for task in typing {
        let (times, sent) = task.await.expect("task");
        latencies.extend(times);
        bytes += sent;
    }
    (idle_rss, latencies, bytes, first_frame)
}

async fn open(
    config: Arc<client::Config>,
    port: u16,
    key: Arc<PrivateKey>,
) -> (Handle<Trusting>, russh::Channel<client::Msg>, u64) {
    let mut handle = client::connect(config, ("127.0.0.1", port), Trusting)
        .await
        .expect("connect");
    let auth = handle
        .authenticate_publickey("analyst", PrivateKeyWithHashAlg::new(key, None))
        .await
        .expect("auth");
    assert!(auth.success(), "the key was refused");
    let mut channel = handle.channel_open_session().await.expect("channel");
    channel
        .request_pty(false, "xterm-256color", 80, 24, 0, 0, &[])
        .await
        .expect("pty");
    channel.request_shell(false).await.expect("shell");
    let mut first = 0;
    until_frame(&mut channel, &mut first).await;
    (handle, channel, first)
}

/// Reads until a frame ends; adds the bytes read to `bytes`.
async fn until_frame(channel: &mut russh::Channel<client::Msg>, bytes: &mut u64) {
    let mut tail: Vec<u8> = Vec::new();
    while let Some(message) = channel.wait().await {
        if let ChannelMsg::Data { data } = message {
            *bytes += data.len() as u64;
            tail.extend_from_slice(&data);
            if tail.windows(FRAME_END.len()).any(|w| w == FRAME_END) {
                return;
            }
            let keep = tail.len().saturating_sub(FRAME_END.len());
            tail.drain(..keep);
        }
    }
}

/// Types the query; returns each key's latency to its first frame and every byte received.
async fn type_query(
    handle: Handle<Trusting>,
    mut channel: russh::Channel<client::Msg>,
    keys: usize,
) -> (Vec<Duration>, u64) {
    let mut times = Vec::new();
    let mut bytes = 0;
    for key in QUERY.bytes().take(keys) {
        let start = Instant::now();
        channel.data_bytes(vec![key]).await.expect("send");
        until_frame(&mut channel, &mut bytes).await;
        times.push(start.elapsed());
        // Between keystrokes, take in whatever else this key sent (the full ranking's frame).
        while let Ok(Some(message)) =
            tokio::time::timeout(Duration::from_millis(60), channel.wait()).await
        {
            if let ChannelMsg::Data { data } = message {
                bytes += data.len() as u64;
            }
        }
    }
    let _ = channel.data_bytes(vec![0x03]).await;
    let _ = channel.close().await;
    let _ = handle
        .disconnect(Disconnect::ByApplication, "done", "en")
        .await;
    (times, bytes)
}

#[allow(clippy::too_many_arguments)]
fn report(
    sessions: usize,
    keys: usize,
    before: u64,
    idle: u64,
    mut times: Vec<Duration>,
    bytes: u64,
    left: &str,
    log: &Path,
) {
    times.sort_unstable();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    let typed = (sessions * keys) as f64;
    eprintln!("{sessions} sessions x {keys} keys at 80x24 on the bundled corpus");
    eprintln!(
        "keystroke -> frame received: p50 {:.2?}  p90 {:.2?}  p99 {:.2?}  max {:.2?}",
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
    eprintln!("bytes per keystroke: {:.0}", bytes as f64 / typed);
    eprintln!(
        "server RSS: {before} KiB before, {idle} KiB with {sessions} idle sessions: {:.0} KiB per session",
        idle.saturating_sub(before) as f64 / sessions as f64
    );
    eprintln!(
        "sessions left after everyone quit: {left} (log: {})",
        log.display()
    );
}
