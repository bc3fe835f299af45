//! A `spotlight serve` on loopback for end-to-end tests, with fresh keys in a temporary
//! directory, and the OpenSSH client to reach it.

#![allow(dead_code, clippy::expect_used)]

use std::net::TcpStream;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use super::tmux::{self, Tmux};

/// How long a step may take.
pub const WAIT: Duration = Duration::from_secs(10);

pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The port in the server's `listen=127.0.0.1:PORT` log line, once it is written.
pub fn listening_port(log: &str) -> Option<u16> {
    let rest = &log[log.find("listen=127.0.0.1:")? + "listen=127.0.0.1:".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// A running server with its keys in a temporary directory; killed on drop.
pub struct Server {
    pub child: Child,
    pub port: u16,
    pub dir: tempfile::TempDir,
}

impl Server {
    pub fn start() -> Option<Self> {
        Self::start_with(&[])
    }

    /// Starts a server with extra `serve` options.
    pub fn start_with(options: &[&str]) -> Option<Self> {
        Self::launch("127.0.0.1:0", options, None)
    }

    /// Starts a server listening on `listen`, with extra `serve` options, and at most `nofile`
    /// open file descriptors when given (`ulimit -n`).
    pub fn launch(listen: &str, options: &[&str], nofile: Option<u32>) -> Option<Self> {
        if !(have("ssh") && have("ssh-keygen") && tmux::available()) {
            tmux::missing("ssh, ssh-keygen or tmux", "serve");
            return None;
        }
        let dir = tempfile::tempdir().expect("tempdir");
        for name in ["id", "colleague", "stranger"] {
            let status = Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-f"])
                .arg(dir.path().join(name))
                .status()
                .expect("ssh-keygen");
            assert!(status.success());
        }
        // Two users are let in: `id` and `colleague`; `stranger` is not.
        let mut authorized = std::fs::read_to_string(dir.path().join("id.pub")).expect("id.pub");
        authorized.push_str(
            &std::fs::read_to_string(dir.path().join("colleague.pub")).expect("colleague.pub"),
        );
        std::fs::write(dir.path().join("authorized_keys"), authorized).expect("authorized keys");
        // The server picks its own port and logs it: choosing a free port here and handing it
        // over raced with other tests' servers and ssh's own ephemeral ports.
        let limit = nofile.map_or_else(|| "unlimited".to_string(), |n| n.to_string());
        let mut child = Command::new("sh")
            .args([
                "-c",
                "[ \"$1\" = unlimited ] || ulimit -n \"$1\"; shift; exec \"$@\"",
            ])
            .args(["serve-under-limit", &limit, env!("CARGO_BIN_EXE_spotlight")])
            .args(["serve", "--listen", listen])
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .arg("--host-key")
            .arg(dir.path().join("host_key"))
            .arg("--authorized-keys")
            .arg(dir.path().join("authorized_keys"))
            .args(options)
            .env_remove("SPOTLIGHT_DATA")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(dir.path().join("server.log")).expect("log"))
            .spawn()
            .expect("spotlight serve");
        let deadline = Instant::now() + tmux::patience(WAIT);
        let port = loop {
            let log = std::fs::read_to_string(dir.path().join("server.log")).unwrap_or_default();
            if let Some(port) = listening_port(&log) {
                break port;
            }
            if let Ok(Some(status)) = child.try_wait() {
                panic!("the server exited ({status}) before listening:\n{log}");
            }
            assert!(
                Instant::now() < deadline,
                "the server never listened:\n{log}"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(
            TcpStream::connect(("127.0.0.1", port)).is_ok(),
            "the server logged port {port} but does not accept there"
        );
        Some(Self { child, port, dir })
    }

    /// `ssh` options that log in with `key` and trust the fresh host key.
    pub fn ssh_args(&self, key: &str) -> Vec<String> {
        let known = self.dir.path().join("known_hosts");
        [
            "-p",
            &self.port.to_string(),
            "-i",
            &self.dir.path().join(key).to_string_lossy(),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            &format!("UserKnownHostsFile={}", known.display()),
            "-o",
            "LogLevel=ERROR",
        ]
        .iter()
        .map(ToString::to_string)
        .collect()
    }

    /// Runs a non-interactive `ssh` with `extra` arguments and returns what it printed.
    pub fn ssh(&self, key: &str, extra: &[&str]) -> Output {
        Command::new("ssh")
            .args(self.ssh_args(key))
            .args(["-o", "BatchMode=yes"])
            .args(extra)
            .stdin(Stdio::null())
            .output()
            .expect("ssh")
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Starts `ssh -t` in tmux against `server` and waits for the browser.
pub fn open_session(server: &Server, name: &str) -> Option<Tmux> {
    open_session_as(server, name, "id")
}

/// Starts `ssh -t` in tmux against `server` with the key `key` and waits for the browser.
pub fn open_session_as(server: &Server, name: &str, key: &str) -> Option<Tmux> {
    let mut args: Vec<String> = vec!["-t".into()];
    args.extend(server.ssh_args(key));
    args.push("127.0.0.1".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let t = Tmux::start_program(name, 80, 24, "ssh", &args)?;
    t.wait_for("/10", WAIT);
    Some(t)
}
