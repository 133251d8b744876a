//! Sparse term vectors: term-frequency counts, IDF weighting and cosine products.

use std::hash::{BuildHasherDefault, Hasher};

/// A sparse vector sorted by term id.
pub type SparseVec = Vec<(u64, f32)>;

/// A hasher for keys that are already well-mixed 64-bit hashes: it passes them through.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = crate::text::mix64(n as u64);
    }
}

/// A map keyed by term ids or other hashes.
pub type IdMap<V> = std::collections::HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Counts occurrences into a sorted sparse vector, each occurrence adding `weight`.
pub fn count(ids: &[u64], weight: f32, into: &mut IdMap<f32>) {
    for &id in ids {
        *into.entry(id).or_insert(0.0) += weight;
    }
}

/// The map's entries sorted by id.
pub fn sorted(map: IdMap<f32>) -> SparseVec {
    let mut v: SparseVec = map.into_iter().collect();
    v.sort_unstable_by_key(|&(id, _)| id);
    v
}

/// Inverse document frequency of a term seen in `df` of `n` documents; zero for a term in all.
pub fn idf(n: usize, df: u32) -> f32 {
    (((n as f64) + 1.0) / (f64::from(df) + 1.0)).ln() as f32
}

/// Collections smaller than this are weighed as if this large: in a handful of articles every
/// shared word would otherwise look common, and reports of one event would share nothing rare.
pub const MIN_COLLECTION: usize = 1000;

/// [`idf`] over a collection of at least [`MIN_COLLECTION`] documents.
pub fn collection_idf(n: usize, df: u32) -> f32 {
    idf(n.max(MIN_COLLECTION), df)
}

/// [`idf`] of every document frequency a collection can have, worked out once: a term's weight
/// is then a table lookup, not a logarithm.
#[derive(Debug, Clone)]
pub struct IdfTable {
    /// The collection size the values are for.
    n: usize,
    /// `idf(n, df)` at index `df`, for `df` from 0 to the number of documents counted.
    values: Vec<f32>,
}

impl IdfTable {
    /// The [`idf`] values over a collection weighed as `n` documents, of which `counted` were
    /// counted (no term is in more).
    pub fn new(n: usize, counted: usize) -> Self {
        let top = u32::try_from(counted).unwrap_or(u32::MAX);
        Self {
            n,
            values: (0..=top).map(|df| idf(n, df)).collect(),
        }
    }

    /// The values of [`collection_idf`] over `n` documents.
    pub fn collection(n: usize) -> Self {
        Self::new(n.max(MIN_COLLECTION), n)
    }

    /// `idf(n, df)`.
    pub fn get(&self, df: u32) -> f32 {
        match self.values.get(df as usize) {
            Some(&v) => v,
            None => idf(self.n, df),
        }
    }
}

/// Term frequencies up to which [`sublinear`] reads whole counts from a table.
const TF_TABLE: usize = 64;

/// `1 + ln(tf)` of the whole counts 0 to `TF_TABLE - 1` (0 read as 1, as [`sublinear`] does).
static SUBLINEAR: std::sync::LazyLock<[f32; TF_TABLE]> = std::sync::LazyLock::new(|| {
    let mut t = [0.0; TF_TABLE];
    for (k, v) in t.iter_mut().enumerate() {
        *v = sublinear_formula(k as f32);
    }
    t
});

/// Sublinear term frequency, `1 + ln(tf)` with `tf` at least 1.
fn sublinear_formula(tf: f32) -> f32 {
    1.0 + tf.max(1.0).ln()
}

/// [`sublinear_formula`], read from a table for whole counts (the usual case: occurrences
/// weighted by whole numbers).
fn sublinear(tf: f32) -> f32 {
    if tf >= 0.0 && tf < TF_TABLE as f32 && tf.fract() == 0.0 {
        if let Some(&v) = SUBLINEAR.get(tf as usize) {
            return v;
        }
    }
    sublinear_formula(tf)
}

/// Sublinear TF-IDF, scaled to unit length and then by `scale`. Zero-weight terms are dropped.
pub fn weigh(counts: &SparseVec, idf_of: impl Fn(u64) -> f32, scale: f32) -> SparseVec {
    let mut v: SparseVec = Vec::with_capacity(counts.len());
    v.extend(
        counts
            .iter()
            .map(|&(id, tf)| (id, sublinear(tf) * idf_of(id)))
            .filter(|&(_, w)| w > 0.0),
    );
    let norm = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w *= scale / norm;
        }
    }
    v
}

/// Merges two sorted vectors with disjoint or overlapping ids, adding weights.
pub fn add(a: &SparseVec, b: &SparseVec) -> SparseVec {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Above this ratio of lengths, [`dot`] gallops through the longer vector rather than merging.
const GALLOP_RATIO: usize = 4;

/// Dot product of two sorted vectors. Whichever way it walks them, the matched products are
/// added in id order, so the sum is the same to the last bit.
pub fn dot(a: &SparseVec, b: &SparseVec) -> f64 {
    // A short vector against a long one (an article against a story's sum): gallop to each of
    // the short one's terms rather than walk every term of the long one.
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len().saturating_mul(GALLOP_RATIO) < long.len() {
        return gallop_dot(short, long);
    }
    merge_dot(a, b)
}

/// Matched products held back before they are added, in [`merge_dot`].
const PENDING: usize = 64;

/// [`dot`] by one walk through both vectors. Branch-free: which side advances is data, not a
/// jump the processor must guess. Each step writes its product to the next free slot of a small
/// buffer and keeps it only when the ids match; the kept products are added in their order, so
/// no step waits on the addition before it.
fn merge_dot(a: &[(u64, f32)], b: &[(u64, f32)]) -> f64 {
    let mut pending = [0.0f64; PENDING];
    let (mut s, mut i, mut j, mut m) = (0.0f64, 0usize, 0usize, 0usize);
    while let (Some(&(xa, wa)), Some(&(yb, wb))) = (a.get(i), b.get(j)) {
        pending[m % PENDING] = f64::from(wa) * f64::from(wb);
        m += usize::from(xa == yb);
        i += usize::from(xa <= yb);
        j += usize::from(yb <= xa);
        if m == PENDING {
            s = pending.iter().fold(s, |s, p| s + p);
            m = 0;
        }
    }
    pending.iter().take(m).fold(s, |s, p| s + p)
}

/// [`dot`] of a short vector against a much longer one: for each term of the short one, an
/// exponential search forward from where the last one was found.
fn gallop_dot(short: &[(u64, f32)], long: &[(u64, f32)]) -> f64 {
    let mut s = 0.0f64;
    let mut rest = long;
    for &(id, w) in short {
        let mut bound = 1;
        while bound < rest.len() && rest.get(bound).is_some_and(|&(j, _)| j < id) {
            bound *= 2;
        }
        let window = rest.get(..(bound + 1).min(rest.len())).unwrap_or(rest);
        let k = window.partition_point(|&(j, _)| j < id);
        rest = rest.get(k..).unwrap_or_default();
        match rest.split_first() {
            Some((&(j, v), tail)) if j == id => {
                s += f64::from(w) * f64::from(v);
                rest = tail;
            }
            Some(_) => {}
            None => break,
        }
    }
    s
}

/// A vector's weights by id, for [`dot_lookup`]: built once for a long vector (a story's sum)
/// that many short ones are multiplied with.
pub fn lookup(a: &SparseVec) -> IdMap<f32> {
    a.iter().copied().collect()
}

/// [`dot`] of `a` with the vector `table` was built from: each term of `a` looked up rather than
/// searched for. The matched products are added in `a`'s id order, as [`dot`] adds them, so the
/// sum is the same to the last bit.
pub fn dot_lookup(a: &SparseVec, table: &IdMap<f32>) -> f64 {
    let mut s = 0.0f64;
    for &(id, w) in a {
        if let Some(&v) = table.get(&id) {
            s += f64::from(w) * f64::from(v);
        }
    }
    s
}

/// Euclidean length.
pub fn norm(a: &SparseVec) -> f64 {
    a.iter()
        .map(|&(_, w)| f64::from(w) * f64::from(w))
        .sum::<f64>()
        .sqrt()
}

/// The `k` heaviest entries, sorted by id.
pub fn top(a: &SparseVec, k: usize) -> SparseVec {
    let mut kept = a.clone();
    keep_top(&mut kept, k);
    kept
}

/// Keeps the `k` heaviest entries of `a` in place, still sorted by id: [`top`] without a new
/// vector.
pub fn keep_top(a: &mut SparseVec, k: usize) {
    if a.len() <= k {
        return;
    }
    if k == 0 {
        a.clear();
        return;
    }
    // Heaviest first, ties by id: a total order, so the `k`-th entry splits the vector in the
    // `k` kept and the rest, and filtering by it keeps the id order without sorting again.
    let heavier = |x: &(u64, f32), y: &(u64, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
    let mut scratch = a.clone();
    let (_, &mut last, _) = scratch.select_nth_unstable_by(k - 1, heavier);
    a.retain(|x| heavier(x, &last) != std::cmp::Ordering::Greater);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighted_vectors_have_unit_length_and_cosines_behave() {
        let a: SparseVec = vec![(1, 2.0), (2, 1.0), (5, 1.0)];
        let b: SparseVec = vec![(2, 1.0), (5, 3.0), (9, 1.0)];
        let wa = weigh(&a, |_| 1.0, 1.0);
        let wb = weigh(&b, |_| 1.0, 1.0);
        assert!((norm(&wa) - 1.0).abs() < 1e-6);
        assert!((dot(&wa, &wa) - 1.0).abs() < 1e-6);
        let d = dot(&wa, &wb);
        assert!(d > 0.0 && d < 1.0);
        assert_eq!(add(&a, &b), vec![(1, 2.0), (2, 2.0), (5, 4.0), (9, 1.0)]);
        assert_eq!(top(&a, 1), vec![(1, 2.0)]);
        assert_eq!(top(&b, 2), vec![(2, 1.0), (5, 3.0)]);
        assert_eq!(top(&b, 0), vec![]);
        let mut kept = vec![(1, 1.0), (2, 3.0), (4, 3.0), (8, 2.0)];
        keep_top(&mut kept, 2);
        assert_eq!(kept, vec![(2, 3.0), (4, 3.0)]);
        assert_eq!(idf(10, 10), 0.0);
    }

    #[test]
    fn tables_hold_the_formulas_to_the_last_bit() {
        for n in [0, 1, 7, 10, 999, 1000, 1001, 5000] {
            let table = IdfTable::new(n, n);
            let collection = IdfTable::collection(n);
            for df in 0..=(n as u32 + 3) {
                assert_eq!(table.get(df).to_bits(), idf(n, df).to_bits(), "{n} {df}");
                assert_eq!(
                    collection.get(df).to_bits(),
                    collection_idf(n, df).to_bits(),
                    "{n} {df}"
                );
            }
        }
        for k in 0..200 {
            for tf in [k as f32, k as f32 + 0.5, k as f32 * 0.25] {
                assert_eq!(
                    sublinear(tf).to_bits(),
                    (1.0 + tf.max(1.0).ln()).to_bits(),
                    "{tf}"
                );
            }
        }
    }

    /// The plain merge, the reference every path of [`dot`] must equal to the last bit.
    fn plain_dot(a: &SparseVec, b: &SparseVec) -> f64 {
        let (mut s, mut i, mut j) = (0.0f64, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += f64::from(a[i].1) * f64::from(b[j].1);
                    i += 1;
                    j += 1;
                }
            }
        }
        s
    }

    #[test]
    fn every_path_of_dot_sums_as_the_merge_does() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for round in 0..200 {
            let mut vec_of = |len: u64| {
                let mut ids: Vec<u64> = (0..len).map(|_| next() % 400).collect();
                ids.sort_unstable();
                ids.dedup();
                ids.into_iter()
                    .map(|id| (id, (next() % 1000) as f32 / 997.0 + 0.001))
                    .collect::<SparseVec>()
            };
            let a = vec_of(1 + round % 13 + (round % 3) * 100);
            let b = vec_of(1 + (round * 7) % 300);
            assert_eq!(
                dot(&a, &b).to_bits(),
                plain_dot(&a, &b).to_bits(),
                "round {round}"
            );
            assert_eq!(
                dot(&b, &a).to_bits(),
                plain_dot(&a, &b).to_bits(),
                "round {round}"
            );
            assert_eq!(
                dot_lookup(&a, &lookup(&b)).to_bits(),
                plain_dot(&a, &b).to_bits(),
                "round {round}"
            );
            assert_eq!(
                dot_lookup(&b, &lookup(&a)).to_bits(),
                plain_dot(&a, &b).to_bits(),
                "round {round}"
            );
        }
        assert_eq!(dot(&vec![], &vec![(1, 1.0)]), 0.0);
        assert_eq!(dot_lookup(&vec![], &lookup(&vec![(1, 1.0)])), 0.0);
    }
}
