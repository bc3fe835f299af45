//! The door of the server: how many connections may wait to log in, in all and per client
//! address, which one goes to make room for a newcomer, and how often a flood may write to the
//! log.
//!
//! A plain cap (sshd's `MaxStartups`) lets a flood of idle connections lock everyone out. Here
//! a full cap drops the connection that has waited longest instead, so a real user, whose
//! login takes a fraction of a second, always gets in.

use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// How many connections may wait to log in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// In all.
    pub total: usize,
    /// From one client address.
    pub per_address: usize,
}

/// Why a waiting connection was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Its address had the most connections waiting it may have.
    PerAddress,
    /// The server had the most connections waiting it may have.
    Total,
    /// Every connection slot (see `Shared::slots`) stayed taken.
    NoSlot,
}

impl Why {
    /// The words of the log line.
    #[must_use]
    pub fn reason(self) -> &'static str {
        match self {
            Self::PerAddress => "too many connections from this address waiting to log in",
            Self::Total => "too many connections waiting to log in",
            Self::NoSlot => "every connection slot is taken",
        }
    }
}

/// A connection dropped to make room: its address, what the caller holds to end it, and why.
#[derive(Debug)]
pub struct Evicted<T> {
    /// The client's address.
    pub address: IpAddr,
    /// What the caller registered with it (a handle that can close the socket).
    pub item: T,
    /// Which cap made room.
    pub why: Why,
}

/// The connections waiting to log in, oldest first, each with what closes it.
#[derive(Debug)]
pub struct Waiting<T> {
    limits: Limits,
    next: u64,
    entries: BTreeMap<u64, (IpAddr, T)>,
}

impl<T> Waiting<T> {
    /// An empty waiting room with these limits (each at least 1).
    #[must_use]
    pub fn new(limits: Limits) -> Self {
        let limits = Limits {
            total: limits.total.max(1),
            per_address: limits.per_address.max(1),
        };
        Self {
            limits,
            next: 0,
            entries: BTreeMap::new(),
        }
    }

    /// The limits in force.
    #[must_use]
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Connections waiting now.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nobody is waiting.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Lets a new connection from `address` in, returning its ticket and the connections
    /// dropped to make room for it (the longest waiting from its address, then overall).
    pub fn admit(&mut self, address: IpAddr, item: T) -> (u64, Vec<Evicted<T>>) {
        let mut evicted = Vec::new();
        let from_here = self.entries.values().filter(|(a, _)| *a == address).count();
        if from_here >= self.limits.per_address
            && let Some(ticket) = self.oldest_where(|a| a == address)
        {
            evicted.extend(self.evict(ticket, Why::PerAddress));
        }
        if self.entries.len() >= self.limits.total
            && let Some(ticket) = self.oldest_where(|_| true)
        {
            evicted.extend(self.evict(ticket, Why::Total));
        }
        let ticket = self.next;
        self.next += 1;
        self.entries.insert(ticket, (address, item));
        (ticket, evicted)
    }

    /// The connection with `ticket` logged in or went away: it no longer waits.
    pub fn leave(&mut self, ticket: u64) {
        self.entries.remove(&ticket);
    }

    /// Drops the connection that has waited longest, when no connection slot frees up.
    pub fn evict_oldest(&mut self) -> Option<Evicted<T>> {
        let ticket = self.oldest_where(|_| true)?;
        self.evict(ticket, Why::NoSlot)
    }

    fn oldest_where(&self, keep: impl Fn(IpAddr) -> bool) -> Option<u64> {
        self.entries
            .iter()
            .find(|(_, (address, _))| keep(*address))
            .map(|(&ticket, _)| ticket)
    }

    fn evict(&mut self, ticket: u64, why: Why) -> Option<Evicted<T>> {
        let (address, item) = self.entries.remove(&ticket)?;
        Some(Evicted { address, item, why })
    }
}

/// At most one log line a second for each kind of event, so a flood cannot fill the disk; the
/// next line says how many were held back.
#[derive(Debug, Default)]
pub struct Throttle {
    kinds: HashMap<String, (Instant, u64)>,
}

/// How often one kind of event may be logged.
pub const LOG_EVERY: Duration = Duration::from_secs(1);

impl Throttle {
    /// Whether an event of `kind` may be logged at `now`: `Some(n)` with the `n` events of that
    /// kind held back since the last line, or `None` to hold this one back too.
    pub fn allow(&mut self, kind: &str, now: Instant) -> Option<u64> {
        match self.kinds.get_mut(kind) {
            Some((last, held)) if now.duration_since(*last) < LOG_EVERY => {
                *held += 1;
                None
            }
            Some((last, held)) => {
                *last = now;
                Some(std::mem::take(held))
            }
            None => {
                self.kinds.insert(kind.to_string(), (now, 0));
                Some(0)
            }
        }
    }
}

/// How many connections may wait to log in, given `descriptors` the process may open: each
/// connection holds two (its socket and the handle that can close it), `sessions` running
/// sessions keep theirs, and a reserve stays free for the log, the host key and the runtime,
/// so a flood never leaves a logged-in user or the server itself without one.
#[must_use]
pub fn fit_to_descriptors(wanted: usize, descriptors: u64, sessions: usize) -> usize {
    const PER_CONNECTION: u64 = 2;
    const RESERVE: u64 = 32;
    let in_sessions = PER_CONNECTION.saturating_mul(sessions as u64);
    let free = descriptors.saturating_sub(RESERVE + in_sessions) / PER_CONNECTION;
    wanted
        .min(usize::try_from(free).unwrap_or(usize::MAX))
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(last: u8) -> IpAddr {
        IpAddr::from([10, 0, 0, last])
    }

    #[test]
    fn a_full_room_drops_the_longest_waiting_not_the_newcomer() {
        let mut room = Waiting::new(Limits {
            total: 3,
            per_address: 3,
        });
        for n in 1..=3 {
            assert!(room.admit(ip(n), n).1.is_empty());
        }
        let (_, evicted) = room.admit(ip(9), 9);
        assert_eq!(evicted.len(), 1);
        assert_eq!((evicted[0].item, evicted[0].why), (1, Why::Total));
        assert_eq!(room.len(), 3);
    }

    #[test]
    fn one_address_only_pushes_out_its_own() {
        let mut room = Waiting::new(Limits {
            total: 10,
            per_address: 2,
        });
        room.admit(ip(1), "a1");
        room.admit(ip(2), "b1");
        room.admit(ip(1), "a2");
        let (_, evicted) = room.admit(ip(1), "a3");
        assert_eq!(evicted.len(), 1);
        assert_eq!((evicted[0].item, evicted[0].why), ("a1", Why::PerAddress));
        assert_eq!(room.len(), 3);
    }

    #[test]
    fn who_logged_in_leaves_the_room() {
        let mut room = Waiting::new(Limits {
            total: 1,
            per_address: 1,
        });
        let (ticket, _) = room.admit(ip(1), ());
        room.leave(ticket);
        assert!(room.is_empty());
        assert!(room.admit(ip(1), ()).1.is_empty());
        assert_eq!(room.evict_oldest().map(|e| e.why), Some(Why::NoSlot));
        assert!(room.evict_oldest().is_none());
    }

    #[test]
    fn a_flood_logs_once_a_second_with_the_count_held_back() {
        let mut throttle = Throttle::default();
        let start = Instant::now();
        assert_eq!(throttle.allow("evicted", start), Some(0));
        for n in 1..=100 {
            let now = start + Duration::from_millis(n * 5);
            assert_eq!(throttle.allow("evicted", now), None);
        }
        assert_eq!(throttle.allow("other", start), Some(0));
        assert_eq!(
            throttle.allow("evicted", start + Duration::from_millis(1001)),
            Some(100)
        );
    }

    #[test]
    fn the_descriptor_limit_bounds_the_waiting_room() {
        assert_eq!(fit_to_descriptors(64, 1024, 64), 64);
        assert_eq!(fit_to_descriptors(64, 256, 64), 48);
        assert_eq!(fit_to_descriptors(64, 16, 64), 1);
    }
}
