//! A cloneable in-memory writer: a terminal backend writes frames into one clone, and the
//! owner takes them out of another (an SSH session sends them down its channel; tests feed
//! them to a terminal emulator; benchmarks count them).

use std::io::{self, Write};
use std::sync::{Arc, Mutex, PoisonError};

/// Bytes written through any clone, until taken.
#[derive(Debug, Clone, Default)]
pub struct Outbox(Arc<Mutex<Vec<u8>>>);

impl Outbox {
    /// Everything written since the last take.
    #[must_use]
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

impl Write for Outbox {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
