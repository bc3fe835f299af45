//! A tmux harness for end-to-end tests of the TUI: the real binary in a real (virtual)
//! terminal, driven by key presses and read back as screen text, tmux state and raw bytes.
//!
//! Every [`Tmux`] runs its own server on a private socket, so tests run in parallel and never
//! touch a user's tmux. The pane runs a small shell script:
//!
//! ```text
//! until [ -e GATE ]; do sleep 0.02; done    # wait until the raw-output pipe is in place
//! spotlight ARGS...
//! echo EXITED=$?; stty -a                   # the exit code and the terminal modes after it
//! sleep 60                                  # keep the pane (and its screen) alive
//! ```
//!
//! The exit code and `stty -a` are also written to files, so they can be read whatever the
//! size of the pane.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The longest any wait may take; a test that waits longer fails with the last screen.
/// `SPOTLIGHT_TEST_PATIENCE` multiplies it, and every other wait (see [`patience`]).
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(50);

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A tmux server on a private socket with one session, `main`, running `spotlight`.
pub struct Tmux {
    socket: String,
    /// The socket file, removed with the server (tmux leaves it behind).
    socket_path: Option<PathBuf>,
    dir: tempfile::TempDir,
}

/// How the program ended: the shell's `$?` and what `stty -a` said right after.
#[derive(Debug)]
pub struct Exit {
    /// `$?`: the exit code, or 128 + the signal number.
    pub code: i32,
    /// The output of `stty -a` in the pane after the program ended.
    pub stty: String,
}

impl Exit {
    /// Whether the terminal is back in canonical mode with echo, as a shell expects it.
    #[must_use]
    pub fn sane(&self) -> bool {
        let words: Vec<&str> = self.stty.split_whitespace().collect();
        words.contains(&"icanon")
            && words.contains(&"echo")
            && !words.contains(&"-icanon")
            && !words.contains(&"-echo")
    }
}

/// `wait` scaled by `SPOTLIGHT_TEST_PATIENCE` (a factor, 1 when unset or unreadable): a slow
/// or loaded machine gives every wait of the end-to-end tests more time without editing them.
#[must_use]
pub fn patience(wait: Duration) -> Duration {
    let factor = std::env::var("SPOTLIGHT_TEST_PATIENCE")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|f| f.is_finite() && *f > 0.0)
        .unwrap_or(1.0);
    wait.mul_f64(factor)
}

/// Whether this run is CI (`CI` set, and not to `false` or `0`): there, a missing tool fails
/// the end-to-end tests instead of skipping them, so a green run always ran them.
#[must_use]
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Skips a test for want of `tools`: a note outside CI, a failure in it.
pub fn missing(tools: &str, test: &str) {
    assert!(
        !in_ci(),
        "{tools} missing and CI is set: the end-to-end test {test} must run here"
    );
    eprintln!("{tools} missing: skipping {test}");
}

/// Whether tmux can be run here.
#[must_use]
pub fn available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `s` quoted for a POSIX shell.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

impl Tmux {
    /// Starts `spotlight args...` in a `width`x`height` pane, with no user config
    /// (`XDG_CONFIG_HOME` is an empty directory), a desk of its own (`XDG_DATA_HOME`) and no
    /// `SPOTLIGHT_DATA`. `None` when tmux is
    /// not installed: the caller skips the test.
    #[must_use]
    pub fn start(name: &str, width: u16, height: u16, args: &[&str]) -> Option<Self> {
        Self::start_program(name, width, height, env!("CARGO_BIN_EXE_spotlight"), args)
    }

    /// Like [`Tmux::start`], for another program built with the crate (an example probe).
    #[must_use]
    pub fn start_program(
        name: &str,
        width: u16,
        height: u16,
        program: &str,
        args: &[&str],
    ) -> Option<Self> {
        if !available() {
            missing("tmux", name);
            return None;
        }
        let dir = tempfile::tempdir().expect("a temporary directory");
        let socket = format!(
            "spotlight-{}-{}-{name}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let config = dir.path().join("config");
        std::fs::create_dir(&config).expect("an empty config directory");
        let path = |file: &str| quote(&dir.path().join(file).to_string_lossy());
        let mut program = quote(program);
        for arg in args {
            program.push(' ');
            program.push_str(&quote(arg));
        }
        let mut script = String::new();
        writeln!(script, "unset SPOTLIGHT_DATA").unwrap();
        writeln!(
            script,
            "XDG_CONFIG_HOME={}; export XDG_CONFIG_HOME",
            quote(&config.to_string_lossy())
        )
        .unwrap();
        writeln!(
            script,
            "XDG_CACHE_HOME={}; export XDG_CACHE_HOME",
            path("cache")
        )
        .unwrap();
        writeln!(
            script,
            "XDG_DATA_HOME={}; export XDG_DATA_HOME; unset SPOTLIGHT_DESK",
            path("data")
        )
        .unwrap();
        // The program runs in a directory of its own: what it writes there (an export) is
        // the test's to read, never the repository's.
        std::fs::create_dir(dir.path().join("work")).expect("a working directory");
        writeln!(script, "cd {}", path("work")).unwrap();
        writeln!(script, "until [ -e {} ]; do sleep 0.02; done", path("gate")).unwrap();
        writeln!(script, "{program}").unwrap();
        writeln!(script, "code=$?").unwrap();
        writeln!(script, "echo EXITED=$code").unwrap();
        writeln!(script, "stty -a > {} 2>&1", path("stty.part")).unwrap();
        writeln!(script, "mv {} {}", path("stty.part"), path("stty")).unwrap();
        writeln!(script, "echo $code > {}", path("exit.part")).unwrap();
        writeln!(script, "mv {} {}", path("exit.part"), path("exit")).unwrap();
        writeln!(script, "cat {}", path("stty")).unwrap();
        writeln!(script, "sleep 60").unwrap();
        let mut tmux = Self {
            socket,
            socket_path: None,
            dir,
        };
        let (w, h) = (width.to_string(), height.to_string());
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            &w,
            "-y",
            &h,
            "sh",
            "-c",
            &script,
        ]);
        tmux.socket_path = Some(PathBuf::from(tmux.display("#{socket_path}")));
        // Every byte the program writes, from its first one: the pipe is in place before the
        // script passes its gate.
        let raw = quote(&tmux.raw_path().to_string_lossy());
        tmux.run(&["pipe-pane", "-o", "-t", "main", &format!("cat >> {raw}")]);
        std::fs::write(tmux.dir.path().join("gate"), b"").expect("open the gate");
        Some(tmux)
    }

    /// Runs `tmux -L socket args...` and returns its output; panics when it fails.
    fn run(&self, args: &[&str]) -> Output {
        let output = self.try_run(args);
        assert!(
            output.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    fn try_run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("run tmux")
    }

    /// Sends keys: tmux key names (`Enter`, `Escape`, `Tab`, `C-c`, `Down`, `F1`) one by one.
    pub fn send_keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "main", key]);
        }
    }

    /// Types `text` literally (no key-name lookup).
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "main", "-l", text]);
    }

    /// The screen as text, one line per row (trailing spaces trimmed by tmux).
    #[must_use]
    pub fn capture(&self) -> String {
        let output = self.run(&["capture-pane", "-p", "-t", "main"]);
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// The screen with its colours and attributes (tmux's `capture-pane -e`).
    #[must_use]
    pub fn capture_styled(&self) -> String {
        let output = self.run(&["capture-pane", "-p", "-e", "-t", "main"]);
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Polls the screen until `pred` holds on a settled screen; panics with the last screen
    /// after `timeout` (never more than [`TIMEOUT`]). Returns the screen that matched.
    ///
    /// A screen counts only when two captures in a row are the same: tmux (before 3.4) does
    /// not honour synchronized updates, so a capture can catch a frame half drawn.
    pub fn wait_until(&self, what: &str, timeout: Duration, pred: impl Fn(&str) -> bool) -> String {
        self.poll(Self::capture, what, timeout, pred)
    }

    /// [`Self::wait_until`] on the screen with its colours and attributes.
    pub fn wait_until_styled(
        &self,
        what: &str,
        timeout: Duration,
        pred: impl Fn(&str) -> bool,
    ) -> String {
        self.poll(Self::capture_styled, what, timeout, pred)
    }

    fn poll(
        &self,
        capture: fn(&Self) -> String,
        what: &str,
        timeout: Duration,
        pred: impl Fn(&str) -> bool,
    ) -> String {
        let deadline = Instant::now() + patience(timeout.min(TIMEOUT));
        let mut matched: Option<String> = None;
        loop {
            let screen = capture(self);
            if pred(&screen) {
                if matched.as_deref() == Some(screen.as_str()) {
                    return screen;
                }
                matched = Some(screen);
            } else {
                matched = None;
            }
            if Instant::now() >= deadline {
                let screen = self.capture();
                panic!("timed out waiting for {what}; last screen:\n{screen}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// The screen once it has stayed the same for 200 ms: for asserting that something did
    /// *not* happen after a key, without guessing how long to sleep.
    pub fn settled(&self) -> String {
        let quiet = patience(Duration::from_millis(200));
        let deadline = Instant::now() + patience(TIMEOUT);
        let mut last = self.capture();
        let mut since = Instant::now();
        loop {
            std::thread::sleep(POLL);
            let now = self.capture();
            if now != last {
                last = now;
                since = Instant::now();
            } else if since.elapsed() >= quiet {
                return last;
            }
            assert!(
                Instant::now() < deadline,
                "the screen never settled:\n{last}"
            );
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> String {
        self.wait_until(&format!("{text:?}"), timeout, |s| s.contains(text))
    }

    /// Waits until the screen no longer shows `text`.
    pub fn wait_for_absent(&self, text: &str, timeout: Duration) -> String {
        self.wait_until(&format!("{text:?} to go"), timeout, |s| !s.contains(text))
    }

    /// Resizes the window (and so the pane) to `width`x`height`.
    pub fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "main",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// A tmux format expanded for the pane: `#{alternate_on}`, `#{mouse_any_flag}`,
    /// `#{cursor_flag}`, `#{pane_title}`, `#{pane_pid}`...
    #[must_use]
    pub fn display(&self, format: &str) -> String {
        let output = self.run(&["display-message", "-p", "-t", "main", format]);
        String::from_utf8_lossy(&output.stdout)
            .trim_end()
            .to_string()
    }

    /// The pid of the running `spotlight`: the child of the pane's shell.
    #[must_use]
    pub fn spotlight_pid(&self) -> u32 {
        let shell = self.display("#{pane_pid}");
        let deadline = Instant::now() + patience(TIMEOUT);
        loop {
            let output = Command::new("pgrep")
                .args(["-P", &shell, "-x", "spotlight"])
                .output()
                .expect("run pgrep");
            let text = String::from_utf8_lossy(&output.stdout);
            if let Some(pid) = text.lines().next().and_then(|l| l.trim().parse().ok()) {
                return pid;
            }
            assert!(
                Instant::now() < deadline,
                "no spotlight process under the pane's shell {shell}"
            );
            std::thread::sleep(POLL);
        }
    }

    /// Sends `signal` (`TERM`, `HUP`, `INT`...) to the running `spotlight`.
    pub fn signal(&self, signal: &str) {
        let pid = self.spotlight_pid().to_string();
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{signal} {pid} failed");
    }

    fn raw_path(&self) -> PathBuf {
        self.dir.path().join("raw.out")
    }

    /// Every byte the program (and the script after it) wrote to the terminal so far.
    #[must_use]
    pub fn raw(&self) -> Vec<u8> {
        std::fs::read(self.raw_path()).unwrap_or_default()
    }

    /// Polls the raw output until it contains `needle`; panics after `timeout`. Returns it.
    pub fn wait_for_raw(&self, needle: &[u8], timeout: Duration) -> Vec<u8> {
        let deadline = Instant::now() + patience(timeout.min(TIMEOUT));
        loop {
            let raw = self.raw();
            if find(&raw, needle).is_some() {
                return raw;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {:?} in the raw output ({} bytes); screen:\n{}",
                String::from_utf8_lossy(needle),
                raw.len(),
                self.capture()
            );
            std::thread::sleep(POLL);
        }
    }

    /// Waits for the program to end and returns its exit code and the terminal modes after it.
    pub fn wait_exit(&self, timeout: Duration) -> Exit {
        let deadline = Instant::now() + patience(timeout.min(TIMEOUT));
        let file = |name: &str| std::fs::read_to_string(self.dir.path().join(name)).ok();
        loop {
            if let (Some(code), Some(stty)) = (file("exit"), file("stty")) {
                let code = code.trim().parse().expect("an exit code");
                return Exit { code, stty };
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for the program to end; last screen:\n{}",
                self.capture()
            );
            std::thread::sleep(POLL);
        }
    }

    /// A directory that lives as long as the session, for the test's own files.
    /// Kills the tmux server, which closes the terminal under the program.
    pub fn kill_server(&self) {
        let _ = self.try_run(&["kill-server"]);
    }

    #[must_use]
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.try_run(&["kill-server"]);
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Where `needle` first occurs in `haystack`.
#[must_use]
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Where `needle` last occurs in `haystack`.
#[must_use]
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(haystack.len());
    }
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The payloads of every OSC 52 clipboard write (`ESC ] 52 ; c ; <base64> BEL` or `ESC \`)
/// in `raw`, still in base64.
#[must_use]
pub fn osc52_payloads(raw: &[u8]) -> Vec<String> {
    const START: &[u8] = b"\x1b]52;c;";
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = find(&raw[at..], START) {
        let begin = at + i + START.len();
        let rest = &raw[begin..];
        // Only finished sequences: the pipe may still be carrying the rest of one.
        let Some(end) = rest.iter().position(|&b| b == 0x07 || b == 0x1b) else {
            break;
        };
        out.push(String::from_utf8_lossy(&rest[..end]).into_owned());
        at = begin + end;
    }
    out
}

impl Tmux {
    /// Waits until the raw output holds a finished OSC 52 clipboard write and returns the
    /// decoded text of each one.
    pub fn wait_for_copies(&self, timeout: Duration) -> Vec<String> {
        use base64::Engine;
        let deadline = Instant::now() + patience(timeout.min(TIMEOUT));
        loop {
            let payloads = osc52_payloads(&self.raw());
            if !payloads.is_empty() {
                return payloads
                    .iter()
                    .map(|p| {
                        let bytes = base64::engine::general_purpose::STANDARD
                            .decode(p)
                            .unwrap_or_else(|e| panic!("OSC 52 payload {p:?} is not base64: {e}"));
                        String::from_utf8(bytes).expect("the copied text is UTF-8")
                    })
                    .collect();
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for an OSC 52 clipboard write; screen:\n{}",
                self.capture()
            );
            std::thread::sleep(POLL);
        }
    }
}
