//! MinHash signatures over word shingles, and the LSH band keys that find likely copies.

use crate::text::mix64;

/// The MinHash signature of a shingle set, with the set's size.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// The minimum of each hash function over the shingles.
    pub mins: Vec<u32>,
    /// How many distinct shingles the text has.
    pub shingles: usize,
}

/// Signs the shingles of `words` (token hashes in order), `width` words each, with `hashes`
/// hash functions. Returns `None` when the text has fewer than `min_shingles` shingles.
pub fn sign(words: &[u64], width: usize, hashes: usize, min_shingles: usize) -> Option<Signature> {
    if words.len() < width.max(1) {
        return None;
    }
    let shingles = shingle_hashes(words, width);
    if shingles.len() < min_shingles {
        return None;
    }
    // The shift keeps order, so the least product, shifted once, is the least hash.
    let mins = (0..hashes as u64)
        .map(|k| {
            let (seed, mul) = hash_function(k);
            let least = shingles
                .iter()
                .map(|&s| (s ^ seed).wrapping_mul(mul))
                .min()
                .unwrap_or(u64::MAX);
            (least >> 32) as u32
        })
        .collect();
    Some(Signature {
        mins,
        shingles: shingles.len(),
    })
}

/// The distinct hashes of the shingles of `words`, `width` words each, sorted.
fn shingle_hashes(words: &[u64], width: usize) -> Vec<u64> {
    let mut shingles: Vec<u64> = words
        .windows(width.max(1))
        .map(|w| {
            w.iter().fold(0x9e37_79b9_7f4a_7c15u64, |h, &x| {
                mix64(h.rotate_left(17) ^ x)
            })
        })
        .collect();
    shingles.sort_unstable();
    shingles.dedup();
    shingles
}

/// Hash function `k`'s seed and odd multiplier: it is multiply-shift over the (already mixed)
/// shingle hash xored with its seed, two cheap operations per value.
fn hash_function(k: u64) -> (u64, u64) {
    (mix64(k.wrapping_add(0x51ed)), mix64(k ^ 0xa5a5_5a5a) | 1)
}

/// Hash function `k` of a shingle hash.
#[cfg(test)]
fn hash(k: u64, shingle: u64) -> u32 {
    let (seed, mul) = hash_function(k);
    ((shingle ^ seed).wrapping_mul(mul) >> 32) as u32
}

impl Signature {
    /// The estimated Jaccard similarity of the two shingle sets.
    pub fn jaccard(&self, other: &Signature) -> f64 {
        let n = self.mins.len().min(other.mins.len());
        if n == 0 {
            return 0.0;
        }
        let same = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / n as f64
    }

    /// The estimated share of the smaller set's shingles found in the larger, from the Jaccard
    /// estimate and both sizes: |A∩B| = J(|A|+|B|)/(1+J).
    pub fn containment(&self, other: &Signature) -> f64 {
        let j = self.jaccard(other);
        let (a, b) = (self.shingles as f64, other.shingles as f64);
        let inter = j * (a + b) / (1.0 + j);
        (inter / a.min(b).max(1.0)).min(1.0)
    }

    /// One key per LSH band: articles sharing any key are candidate copies.
    pub fn band_keys(&self, rows: usize) -> impl Iterator<Item = (usize, u64)> + '_ {
        self.mins
            .chunks(rows.max(1))
            .enumerate()
            .map(|(band, chunk)| {
                let key = chunk
                    .iter()
                    .fold(band as u64, |h, &x| mix64(h ^ u64::from(x)));
                (band, key)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: u64) -> Vec<u64> {
        (0..n).map(|i| mix64(i + 1)).collect()
    }

    #[test]
    fn identical_texts_match_and_disjoint_ones_do_not() {
        let a = sign(&words(200), 4, 64, 5).unwrap();
        let b = sign(&words(200), 4, 64, 5).unwrap();
        assert_eq!(a.jaccard(&b), 1.0);
        let c: Vec<u64> = (1000..1200).map(mix64).collect();
        let c = sign(&c, 4, 64, 5).unwrap();
        assert!(a.jaccard(&c) < 0.1);
    }

    #[test]
    fn a_trimmed_copy_is_contained_in_the_original() {
        let full = sign(&words(400), 4, 128, 5).unwrap();
        let half = sign(&words(200), 4, 128, 5).unwrap();
        let j = full.jaccard(&half);
        assert!((0.3..0.7).contains(&j), "{j}");
        assert!(half.containment(&full) > 0.8, "{}", half.containment(&full));
    }

    /// The least product shifted once is the least of the shifted products, hash by hash.
    #[test]
    fn each_min_is_the_least_hash_of_the_shingles() {
        let text = words(120);
        let sig = sign(&text, 4, 64, 5).unwrap();
        let shingles = shingle_hashes(&text, 4);
        for (k, &m) in sig.mins.iter().enumerate() {
            let least = shingles.iter().map(|&s| hash(k as u64, s)).min();
            assert_eq!(Some(m), least, "hash {k}");
        }
    }

    #[test]
    fn short_texts_are_not_signed() {
        assert!(sign(&words(3), 4, 64, 1).is_none());
        assert!(sign(&words(10), 4, 64, 12).is_none());
    }
}
