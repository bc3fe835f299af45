//! `spotlight serve` under attack and under an operator's hand: floods of connections that
//! never log in, SIGHUP, options that would make it useless, and requests it refuses.
//!
//! Skipped (with a note) when `ssh`, `ssh-keygen` or `tmux` is missing; CI installs them.

#![allow(clippy::expect_used)]

#[path = "common/tmux.rs"]
mod tmux;

#[path = "common/server.rs"]
mod server;

use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use server::{Server, WAIT, open_session, text};

/// Waits until the server's log holds `needle`.
fn wait_for_log(server: &Server, needle: &str) -> String {
    let deadline = Instant::now() + tmux::patience(WAIT);
    loop {
        let log = server.log();
        if log.contains(needle) {
            return log;
        }
        assert!(
            Instant::now() < deadline,
            "no `{needle}` in the log:\n{log}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn signal(server: &Server, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &server.child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
}

#[test]
fn a_flood_of_idle_connections_neither_floods_the_log_nor_locks_a_user_out() {
    // 256 descriptors, as the hostile tester's `ulimit -n 256`; the flood comes from the
    // user's own address, so the per-address cap is raised to let the total cap work.
    let options = ["--max-sessions", "8", "--max-pending-per-address", "1000"];
    let Some(server) = Server::launch("127.0.0.1:0", &options, Some(256)) else {
        return;
    };
    let before = server.log().lines().count();
    let started = Instant::now();
    let flood: Vec<TcpStream> = (0..300)
        .filter_map(|_| TcpStream::connect(("127.0.0.1", server.port)).ok())
        .collect();
    assert!(flood.len() > 250, "only {} connections opened", flood.len());
    let t = open_session(&server, "serve-flood").expect("ssh and tmux are here");
    std::thread::sleep(Duration::from_secs(1));
    let log = server.log();
    let lines = log.lines().count() - before;
    let seconds = started.elapsed().as_secs_f64();
    assert!(
        (lines as f64) < 4.0 * seconds + 6.0,
        "{lines} log lines in {seconds:.1} s:\n{log}"
    );
    assert!(log.contains("dropped a connection not logged in"), "{log}");
    assert!(!log.contains("accept failed"), "{log}");
    t.send_keys(&["Tab", "q"]);
    assert_eq!(t.wait_exit(WAIT).code, 0);
    drop(flood);
}

#[test]
fn authentication_results_name_the_client_address_for_fail2ban() {
    let Some(server) = Server::start() else {
        return;
    };
    let _ = server.ssh("stranger", &["127.0.0.1", "true"]);
    let log = wait_for_log(&server, "auth rejected");
    let line = log
        .lines()
        .find(|l| l.contains("auth rejected"))
        .expect("a line");
    assert!(line.contains("addr=127.0.0.1 "), "{line}");
}

#[test]
fn sighup_reloads_the_keys_without_dropping_sessions() {
    let Some(server) = Server::start() else {
        return;
    };
    let Some(t) = open_session(&server, "serve-hup") else {
        return;
    };
    let dir = server.dir.path();
    let keys = dir.join("authorized_keys");
    let id = std::fs::read_to_string(dir.join("id.pub")).expect("id key");
    let stranger = std::fs::read_to_string(dir.join("stranger.pub")).expect("stranger key");
    // A new user's key is added: they get in, and the running session goes on.
    std::fs::write(&keys, format!("{id}{stranger}")).expect("keys");
    signal(&server, "HUP");
    wait_for_log(&server, "keys=2");
    let newcomer = server.ssh("stranger", &["-T", "127.0.0.1"]);
    assert!(
        text(&newcomer).contains("needs a terminal"),
        "{}",
        text(&newcomer)
    );
    t.type_text("ameri");
    t.wait_for("5/10", WAIT);
    // The first user's key is taken out: their session ends with a word, the server stays.
    std::fs::write(&keys, &stranger).expect("keys");
    signal(&server, "HUP");
    t.wait_for("your key was removed", WAIT);
    let exit = t.wait_exit(WAIT);
    assert!(exit.sane(), "{}", exit.stty);
    let log = server.log();
    assert!(log.contains("Revoked"), "{log}");
    assert!(!log.contains("shutting down"), "{log}");
    // A file that no longer holds a usable key keeps the keys in force.
    std::fs::write(&keys, "not a key\n").expect("keys");
    signal(&server, "HUP");
    wait_for_log(&server, "keys kept as they were");
    let still = server.ssh("stranger", &["-T", "127.0.0.1"]);
    assert!(
        text(&still).contains("needs a terminal"),
        "{}",
        text(&still)
    );
}

#[test]
fn a_host_name_is_listened_on() {
    let Some(server) = Server::launch("localhost:0", &[], None) else {
        return;
    };
    assert!(server.log().contains("listen="), "{}", server.log());
}

#[test]
fn refused_port_forwards_are_logged() {
    let Some(server) = Server::start() else {
        return;
    };
    let forward = server.ssh(
        "id",
        &[
            "-N",
            "-o",
            "ExitOnForwardFailure=yes",
            "-R",
            "0:127.0.0.1:9",
            "127.0.0.1",
        ],
    );
    assert_ne!(forward.status.code(), Some(0), "{}", text(&forward));
    wait_for_log(&server, "remote port forward refused");
}

#[test]
fn options_that_would_serve_nobody_are_refused() {
    for (option, value, says) in [
        ("--max-sessions", "0", "0 would serve nobody"),
        ("--max-pending", "0", "0 would serve nobody"),
        ("--idle-timeout", "0s", "no time at all"),
        ("--login-grace", "0m", "no time at all"),
        ("--listen", "2222", "is not HOST:PORT"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_spotlight"))
            .args(["serve", option, value])
            .stdin(Stdio::null())
            .output()
            .expect("spotlight");
        assert_eq!(output.status.code(), Some(2), "{option} {value}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(says), "{option} {value}: {stderr}");
    }
}
