//! Where the local terminal's input comes from: the bytes it sends, read from `/dev/tty` (or
//! stdin) on a thread of their own, and on another the signals about it: size changes
//! (SIGWINCH), a stop asked from outside (SIGTSTP) and the continue after one (SIGCONT).
//!
//! The bytes go through the same [`crate::front::input::InputParser`] as an SSH session's. Reading
//! them here, rather than through crossterm's event reader, is what keeps a burst of input
//! from stalling: crossterm 0.29 reads at most 1 KB per readiness event of its edge-triggered
//! poll, so the rest of a long paste or key repeat waited for the next key.

use std::fs::File;
use std::io::{self, Read};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

/// What the terminal sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Bytes typed, pasted or reported (mouse, focus).
    Bytes(Vec<u8>),
    /// The window changed size, or the program was continued after a stop: ask the terminal
    /// for its size and draw it all again.
    Resize,
    /// Something asked the program to stop (SIGTSTP): give the terminal back first.
    Suspend,
    /// The corpus is read and indexed in full, after a first screen drawn from its image.
    Loaded(crate::app::Loaded),
    /// The corpus changed on disk and was read again.
    Reloaded(crate::app::Reloaded),
    /// The corpus could not be read in full after a first screen drawn from its image.
    Failed(String),
}

/// How long the reader waits, once the terminal is gone, before it lets the loop know: a hangup
/// also sends SIGHUP, which should be what ends the program (exit 129), not the lost read.
const HANGUP_GRACE: Duration = Duration::from_millis(200);

/// Starts reading the terminal and watching its size; the receiver closes when the terminal
/// is gone. The sender is for the loader, whose news arrives with the input.
pub fn spawn() -> io::Result<(Sender<Input>, Receiver<Input>)> {
    let (sender, inputs) = mpsc::channel();
    let news = sender.clone();
    let tty = File::open("/dev/tty").ok();
    let reader = sender.clone();
    std::thread::Builder::new()
        .name("spotlight-input".into())
        .spawn(move || match tty {
            Some(tty) => read_all(tty, &reader),
            None => read_all(io::stdin(), &reader),
        })?;
    use signal_hook::consts::{SIGCONT, SIGTSTP, SIGWINCH};
    let mut signals = signal_hook::iterator::Signals::new([SIGWINCH, SIGTSTP, SIGCONT])?;
    std::thread::Builder::new()
        .name("spotlight-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                let input = if signal == SIGTSTP {
                    Input::Suspend
                } else {
                    Input::Resize
                };
                if sender.send(input).is_err() {
                    break;
                }
            }
        })?;
    Ok((news, inputs))
}

/// Sends everything `source` gives, each read as it comes, until it ends or fails.
fn read_all(mut source: impl Read, sender: &Sender<Input>) {
    let mut buffer = vec![0u8; 16 * 1024];
    loop {
        match source.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                if sender.send(Input::Bytes(buffer[..n].to_vec())).is_err() {
                    return;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    std::thread::sleep(HANGUP_GRACE);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_of_a_long_burst_arrives_in_order() {
        let burst: Vec<u8> = (0..100_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        let (sender, inputs) = mpsc::channel();
        read_all(&burst[..], &sender);
        drop(sender);
        let got: Vec<u8> = inputs
            .iter()
            .flat_map(|input| match input {
                Input::Bytes(bytes) => bytes,
                _ => Vec::new(),
            })
            .collect();
        assert_eq!(got, burst);
    }
}
