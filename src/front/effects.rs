//! Carrying out what the application asks beyond the screen: the clipboard through OSC 52,
//! hyperlinks through OSC 8, and a local browser.

use std::io::{self, Write};
use std::process::{Command, Stdio};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The OSC 52 sequence that puts `text` on the terminal's clipboard (it travels over SSH).
#[must_use]
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text))
}

/// `text` made a clickable OSC 8 hyperlink to `url`; `None` when the link holds control
/// characters, which must never reach the terminal.
#[must_use]
pub fn osc8(url: &str, text: &str) -> Option<String> {
    if url.chars().chain(text.chars()).any(char::is_control) {
        return None;
    }
    Some(format!("\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\"))
}

/// Writes the clipboard sequence for `text` to `out`.
pub fn copy(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

/// Opens `url` in a browser when this is a local desktop session (`$BROWSER`, or `xdg-open`
/// under X11/Wayland); does nothing over SSH or on a bare console. Returns whether it tried.
pub fn open_in_browser(url: &str) -> bool {
    let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    if env("SSH_CONNECTION").is_some() || env("SSH_TTY").is_some() {
        return false;
    }
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return false;
    }
    let program = match env("BROWSER") {
        Some(browser) => browser,
        None if env("DISPLAY").is_some() || env("WAYLAND_DISPLAY").is_some() => "xdg-open".into(),
        None => return false,
    };
    let child = Command::new(program)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match child {
        Ok(mut child) => {
            // Reap it in the background so it never lingers as a zombie.
            std::thread::spawn(move || child.wait());
            true
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }

    #[test]
    fn osc8_refuses_control_characters() {
        assert_eq!(
            osc8("https://x.org", "x").as_deref(),
            Some("\x1b]8;;https://x.org\x1b\\x\x1b]8;;\x1b\\")
        );
        assert_eq!(osc8("https://x.org/\x1b[2J", "x"), None);
    }
}
