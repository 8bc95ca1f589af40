//! A fast, non-cryptographic hasher for the model's and the recogniser's internal maps.
//!
//! The keys are document identifiers and years from the minutes being converted, hashed
//! once per lookup in loops over every decision: SipHash's cost grew with large meetings.
//! This is the multiply-rotate hash of rustc (FxHash) with a final avalanche, so that
//! keys differing only in their high bits do not share buckets. It is not keyed: a draft
//! crafted to collide could slow its own recognition, not anyone else's.

use std::hash::{BuildHasherDefault, Hasher};

/// A `BuildHasher` for [`FxHasher`], for `HashMap::with_hasher` and friends.
pub type FxBuildHasher = BuildHasherDefault<FxHasher>;

/// A `HashMap` hashed with [`FxHasher`].
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuildHasher>;

/// A `HashSet` hashed with [`FxHasher`].
pub type FxHashSet<T> = std::collections::HashSet<T, FxBuildHasher>;

/// FxHash: one rotate, xor and multiply per word.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        // The tail in 4-, 2- and 1-byte words, as rustc's FxHasher does: padding it with
        // zeros instead would make `ab` and `ab\0` collide.
        let mut rest = chunks.remainder();
        for width in [4, 2, 1] {
            if let (Some(head), Some(tail)) = (rest.get(..width), rest.get(width..)) {
                let mut word = [0; 8];
                if let Some(low) = word.get_mut(..width) {
                    low.copy_from_slice(head);
                }
                self.add(u64::from_le_bytes(word));
                rest = tail;
            }
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // A final avalanche (MurmurHash3's fmix64): the table indexes by the low bits, and
        // without it keys differing only in their high bits (numbers that are multiples of
        // 2^20, say, from a crafted draft) would all land in one bucket.
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn equal_keys_hash_alike_and_different_ones_differ() {
        let build = FxBuildHasher::default();
        assert_eq!(build.hash_one("SEC-2015-0524"), build.hash_one("SEC-2015-0524"));
        assert_ne!(build.hash_one("SEC-2015-0524"), build.hash_one("SEC-2015-0525"));
        assert_ne!(build.hash_one("ab"), build.hash_one("ab\0"));
        let mut map: FxHashMap<(u16, &str), usize> = FxHashMap::default();
        for serial in 0..1000 {
            map.insert((2015, "x"), serial);
        }
        assert_eq!(map.len(), 1);
    }

    // Keys that differ only in high bits still spread over the low bits the table uses.
    #[test]
    fn high_bits_reach_the_low_bits() {
        let build = FxBuildHasher::default();
        let buckets: FxHashSet<u64> =
            (0..1024u64).map(|i| build.hash_one(i << 40) & 0x3ff).collect();
        assert!(buckets.len() > 512, "{}", buckets.len());
    }
}
