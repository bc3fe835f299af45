//! Seeded randomness: every choice the generator makes comes from a [`Dice`].
//!
//! Each purpose (gazetteer, piece head, piece body) draws from its own salted stream, so a
//! piece can be computed on its own and the output never depends on generation order.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

/// Salt of the gazetteer stream.
pub(super) const GAZETTEER_SALT: u64 = 0x4741_5A45_5454_4545;
/// Salt of each piece's head stream: title, date, authors, focus groups.
pub(super) const HEAD_SALT: u64 = 0x4845_4144;
/// Salt of each piece's body stream: cast, marks and text.
pub(super) const BODY_SALT: u64 = 0x424F_4459;

/// SplitMix64: spreads nearby inputs (seeds, piece numbers) over the whole `u64` range.
pub(super) fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A small wrapper over ChaCha8 with the few draws the generator needs.
///
/// Draws use `next_u64` directly, so output does not depend on `rand`'s sampling algorithms.
pub(super) struct Dice(ChaCha8Rng);

impl Dice {
    /// A stream seeded with `seed` as is.
    pub(super) fn new(seed: u64) -> Self {
        Self(ChaCha8Rng::seed_from_u64(seed))
    }

    /// The stream of piece `n` for one purpose: independent of every other piece.
    pub(super) fn stream(seed: u64, n: usize, salt: u64) -> Self {
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        Self::new(seed ^ splitmix(n ^ salt))
    }

    /// A number in `0..n`, or 0 when `n` is 0.
    pub(super) fn below(&mut self, n: usize) -> usize {
        let Ok(n64) = u64::try_from(n) else { return 0 };
        if n64 == 0 {
            return 0;
        }
        usize::try_from(self.0.next_u64() % n64).unwrap_or(0)
    }

    /// A number in `lo..=hi`.
    pub(super) fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True `percent` times in a hundred.
    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.0.next_u64() % 100 < percent
    }

    /// One item of a non-empty constant list.
    pub(super) fn pick<'b, T>(&mut self, items: &'b [T]) -> &'b T {
        &items[self.below(items.len())]
    }

    /// Fisher–Yates shuffle in place.
    pub(super) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// `k` distinct indices below `n` (fewer when `n < k`).
    pub(super) fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        self.shuffle(&mut all);
        all.truncate(k);
        all
    }
}
