//! Copy detection: articles whose shingle signatures share an LSH band are compared, and those
//! similar enough (or contained in a longer one) are marked as copies of one original.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::minhash::Signature;
use crate::vector::IdMap;
use crate::GroupConfig;

/// Largest LSH bucket compared in full, pair by pair.
const MAX_BUCKET: usize = 64;
/// In a bigger bucket (a text copied very widely, or boilerplate), each article is compared with
/// this many that follow it; copies still connect through chains and through other bands.
const BUCKET_WINDOW: usize = 16;

/// For each article (in the given order), the index of the article it is a copy of. Within a
/// group of copies the original is the earliest dated, then the longest, then the first; a
/// member dated more than `duplicate_days` from it is no copy.
pub(crate) fn find_copies(
    sigs: &[Option<&Signature>],
    days: &[Option<i64>],
    config: &GroupConfig,
) -> Vec<Option<usize>> {
    let n = sigs.len();
    let mut buckets: IdMap<Vec<u32>> = IdMap::default();
    for (i, sig) in sigs.iter().enumerate() {
        if let Some(sig) = sig {
            for (_, key) in sig.band_keys(config.lsh_rows) {
                buckets.entry(key).or_default().push(i as u32);
            }
        }
    }
    let buckets: Vec<&Vec<u32>> = buckets.values().filter(|m| m.len() > 1).collect();
    let mut pairs: Vec<(u32, u32)> = buckets
        .par_iter()
        .flat_map_iter(|members| {
            let window = if members.len() <= MAX_BUCKET {
                members.len()
            } else {
                BUCKET_WINDOW
            };
            members.iter().enumerate().flat_map(move |(k, &a)| {
                members
                    .iter()
                    .skip(k + 1)
                    .take(window)
                    .filter(move |&&b| a != b)
                    .map(move |&b| (a.min(b), a.max(b)))
            })
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    // Two articles dated far apart are no copy pair, so they join no family: a text reused in
    // stories weeks apart starts no chain between them.
    let near = |a: usize, b: usize| match (days.get(a), days.get(b)) {
        (Some(Some(x)), Some(Some(y))) => x.abs_diff(*y) <= config.duplicate_days.unsigned_abs(),
        _ => true,
    };
    // Which pairs are copies is checked on every core; the sets they join do not depend on the
    // order of the unions.
    let copies: Vec<(u32, u32)> = pairs
        .into_par_iter()
        .filter(|&(a, b)| near(a as usize, b as usize))
        .filter(|&(a, b)| {
            let (Some(Some(sa)), Some(Some(sb))) = (sigs.get(a as usize), sigs.get(b as usize))
            else {
                return false;
            };
            sa.jaccard(sb) >= config.duplicate_jaccard
                || sa.containment(sb) >= config.duplicate_containment
        })
        .collect();
    let mut sets = UnionFind::new(n);
    for (a, b) in copies {
        sets.union(a as usize, b as usize);
    }
    let mut original: HashMap<usize, usize> = HashMap::new();
    let len = |i: usize| sigs[i].map_or(0, |s| s.shingles);
    let better = |a: usize, b: usize| {
        // Earlier date first (undated last), then longer, then earlier in order.
        let key = |i: usize| (days[i].unwrap_or(i64::MAX), std::cmp::Reverse(len(i)), i);
        key(a) < key(b)
    };
    for i in 0..n {
        let root = sets.find(i);
        let best = original.entry(root).or_insert(i);
        if better(i, *best) {
            *best = i;
        }
    }
    // Pairs still chain into families through union; a member dated far from the original is
    // not its copy.
    (0..n)
        .map(|i| {
            let o = original.get(&sets.find(i)).copied().unwrap_or(i);
            (o != i && near(i, o)).then_some(o)
        })
        .collect()
}

/// Disjoint sets with path halving.
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singleton sets.
    pub fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    /// The representative of `x`'s set.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins two sets; the smaller representative wins, so results do not depend on call order.
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.parent[hi] = lo;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minhash;

    #[track_caller]
    fn check(days: &[Option<i64>], expected: &[Option<usize>]) {
        let config = GroupConfig::default();
        let words: Vec<u64> = (0..40).collect();
        let sigs: Vec<_> = days
            .iter()
            .map(|_| {
                minhash::sign(
                    &words,
                    config.shingle_words,
                    config.lsh_bands * config.lsh_rows,
                    config.duplicate_min_shingles,
                )
            })
            .collect();
        let refs: Vec<Option<&Signature>> = sigs.iter().map(Option::as_ref).collect();
        assert_eq!(find_copies(&refs, days, &config), expected);
    }

    #[test]
    fn the_earliest_of_identical_texts_is_the_original() {
        check(&[Some(5), Some(3), None], &[Some(1), None, Some(1)]);
    }

    #[test]
    fn a_text_reused_weeks_later_is_no_copy() {
        check(&[Some(0), Some(2), Some(40)], &[None, Some(0), None]);
    }

    #[test]
    fn copies_of_a_text_reused_weeks_later_are_copies_of_each_other() {
        check(&[Some(0), Some(40), Some(41)], &[None, None, Some(1)]);
    }
}
