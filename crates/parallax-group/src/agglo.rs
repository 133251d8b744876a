//! Average-link agglomerative clustering over a sparse candidate graph. With unit vectors the
//! average cosine between two groups is the dot product of their vector sums divided by the
//! product of their sizes, so each group keeps one sum and links stay exact as groups grow.
//!
//! Links are re-scored lazily: the average link of a merged group to a third one is a weighted
//! mean of its parts' links, so a queued score is an upper bound of the current one; a stale
//! entry is re-scored only when it reaches the top of the queue.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};

use foldhash::HashSet;
use rayon::prelude::*;

use crate::dedup::UnionFind;
use crate::vector::{self, SparseVec};
use crate::GroupConfig;

/// Terms kept in a group's vector sum.
const MAX_SUM_TERMS: usize = 2000;

struct Group {
    sum: SparseVec,
    size: usize,
    days: Option<(i64, i64)>,
    version: u32,
}

#[derive(Clone, Copy, PartialEq)]
struct Link {
    score: f64,
    a: u32,
    b: u32,
    va: u32,
    vb: u32,
}

impl Eq for Link {}

impl PartialOrd for Link {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Link {
    fn cmp(&self, other: &Self) -> Ordering {
        // Highest score first; ties go to the lowest pair, so the result is deterministic.
        self.score
            .total_cmp(&other.score)
            .then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

/// Merges linked groups, best average link first, while it is at least `threshold`. Only pairs
/// joined by `edges`, directly or through merged groups, are ever compared; `cosines`, when
/// given, holds the dot product of each edge's two vectors, already computed. Returns each
/// node's group representative (its smallest member).
///
/// Every merge follows an edge that scored at or above the threshold between single nodes (the
/// others never enter the queue), so the nodes fall apart into the components of those edges;
/// each component is clustered on its own, in parallel, with the same result as one queue over
/// all of them.
pub(crate) fn average_link(
    vecs: &[SparseVec],
    days: &[Option<i64>],
    edges: &[(u32, u32)],
    cosines: Option<&[f64]>,
    threshold: f64,
    config: &GroupConfig,
) -> Vec<usize> {
    let n = vecs.len();
    // Lengths bound the cosines not given, so a pair too far apart in time is never scored.
    let norms: Vec<f64> = match cosines {
        Some(_) => Vec::new(),
        None => vecs.par_iter().map(vector::norm).collect(),
    };
    // Each strong edge keeps its score: the first link of its two single nodes.
    let strong: Vec<ScoredEdge> = edges
        .par_iter()
        .enumerate()
        .filter_map(|(k, &(a, b))| {
            let (i, j) = (a as usize, b as usize);
            if i >= n || j >= n {
                return None;
            }
            let cosine = match cosines.and_then(|c| c.get(k)) {
                Some(&c) => c,
                None if surely_weak(&norms, days, i, j, threshold, config) => return None,
                None => vector::dot(&vecs[i], &vecs[j]),
            };
            let score = pair_score(cosine, days, i, j, config);
            (score >= threshold).then_some((a, b, score))
        })
        .collect();
    let mut sets = UnionFind::new(n);
    for &(a, b, _) in &strong {
        sets.union(a as usize, b as usize);
    }
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        members.entry(sets.find(i)).or_default().push(i);
    }
    let mut component_edges: BTreeMap<usize, Vec<ScoredEdge>> = BTreeMap::new();
    for &(a, b, score) in &strong {
        component_edges
            .entry(sets.find(a as usize))
            .or_default()
            .push((a, b, score));
    }
    let components: Vec<Component> = members
        .into_iter()
        .filter(|(_, m)| m.len() > 1)
        .map(|(root, m)| (m, component_edges.remove(&root).unwrap_or_default()))
        .collect();
    let results: Vec<Vec<(usize, usize)>> = components
        .par_iter()
        .map(|(nodes, edges)| cluster_component(vecs, days, nodes, edges, threshold, config))
        .collect();
    let mut labels: Vec<usize> = (0..n).collect();
    for (node, label) in results.into_iter().flatten() {
        labels[node] = label;
    }
    labels
}

/// An edge `(a, b)`, `a < b`, with the score of its single nodes' link.
type ScoredEdge = (u32, u32, f64);

/// The nodes of one component (ascending) and the strong edges between them.
type Component = (Vec<usize>, Vec<ScoredEdge>);

/// The cosine of two single nodes, lowered by their distance in time.
fn pair_score(cosine: f64, days: &[Option<i64>], a: usize, b: usize, config: &GroupConfig) -> f64 {
    let mut score = cosine;
    if let (Some(Some(x)), Some(Some(y))) = (days.get(a), days.get(b)) {
        score *= config.time_factor((x - y) as f64);
    }
    score
}

/// Whether the pair `i`, `j` scores below `threshold` whatever its cosine: even vectors
/// pointing the same way (a cosine of their lengths' product) would lose too much to the time
/// between them. A margin far above rounding keeps every pair that could reach the threshold.
fn surely_weak(
    norms: &[f64],
    days: &[Option<i64>],
    i: usize,
    j: usize,
    threshold: f64,
    config: &GroupConfig,
) -> bool {
    let (Some(&ni), Some(&nj)) = (norms.get(i), norms.get(j)) else {
        return false;
    };
    let most = ni * nj * (1.0 + 1e-6);
    pair_score(most, days, i, j, config) < threshold
}

/// Average link within one component: `nodes` sorted ascending, `edges` between them in global
/// numbering, each with its score at or above `threshold`. Returns `(node, representative)` for
/// each node, both global.
fn cluster_component(
    vecs: &[SparseVec],
    days: &[Option<i64>],
    nodes: &[usize],
    edges: &[ScoredEdge],
    threshold: f64,
    config: &GroupConfig,
) -> Vec<(usize, usize)> {
    // `nodes` is sorted: a node's local number is its place there.
    let local = |i: u32| nodes.binary_search(&(i as usize)).ok().map(|k| k as u32);
    let mut groups: Vec<Group> = nodes
        .iter()
        .map(|&i| Group {
            sum: vecs[i].clone(),
            size: 1,
            days: days.get(i).copied().flatten().map(|d| (d, d)),
            version: 0,
        })
        .collect();
    // Local numbering keeps the global order, so ties break the same way.
    let first: Vec<Link> = edges
        .iter()
        .filter_map(|&(a, b, score)| {
            Some(Link {
                score,
                a: local(a)?,
                b: local(b)?,
                va: 0,
                vb: 0,
            })
        })
        .collect();
    let mut queue = Queue::new(first);
    let mut sets = UnionFind::new(nodes.len());
    // Pairs already re-scored at their current versions. Two large groups are joined by many
    // edges, and each of them reaches the top stale; the pair's link at those versions is the
    // same every time, so it is scored once (and queued once, when it holds).
    let mut scored: HashSet<Key> = HashSet::default();
    while let Some(top) = queue.pop() {
        let (a, b) = (sets.find(top.a as usize), sets.find(top.b as usize));
        if a == b {
            continue;
        }
        let (a, b) = (a.min(b), a.max(b));
        let key = (a as u32, b as u32, groups[a].version, groups[b].version);
        let current = (top.a, top.b, top.va, top.vb) == key;
        if !current {
            if !scored.insert(key) {
                continue;
            }
            let l = link(&groups, a, b, config);
            if l.score >= threshold {
                queue.push(l);
            }
            continue;
        }
        merge(&mut groups, &mut sets, a, b);
    }
    (0..nodes.len())
        .map(|k| (nodes[k], nodes[sets.find(k)]))
        .collect()
}

/// The average link between groups `a` and `b` at their current versions, weighed by the gap
/// between their date ranges.
fn link(groups: &[Group], a: usize, b: usize, config: &GroupConfig) -> Link {
    let (a, b) = (a.min(b), a.max(b));
    let (ga, gb) = (&groups[a], &groups[b]);
    let mut score = vector::dot(&ga.sum, &gb.sum) / (ga.size * gb.size) as f64;
    if let (Some((a0, a1)), Some((b0, b1))) = (ga.days, gb.days) {
        let gap = (a0.max(b0) - a1.min(b1)).max(0);
        score *= config.time_factor(gap as f64);
    }
    Link {
        score,
        a: a as u32,
        b: b as u32,
        va: ga.version,
        vb: gb.version,
    }
}

/// A pair of groups at their versions: `(a, b, version of a, version of b)`, `a < b`.
type Key = (u32, u32, u32, u32);

/// The links waiting their turn: the strong edges' first links, sorted once, best first, and
/// a heap of the links re-scored since. The sorted part is most of the queue and is read in
/// order, never sifted; it pops in the same order one heap of them all would.
struct Queue {
    first: Vec<Link>,
    next: usize,
    rescored: BinaryHeap<Link>,
}

impl Queue {
    fn new(mut first: Vec<Link>) -> Self {
        first.par_sort_unstable_by(|x, y| y.cmp(x));
        Self {
            first,
            next: 0,
            rescored: BinaryHeap::new(),
        }
    }

    /// The best link left.
    fn pop(&mut self) -> Option<Link> {
        let from_first = match (self.first.get(self.next), self.rescored.peek()) {
            (Some(f), Some(r)) => f >= r,
            (Some(_), None) => true,
            (None, _) => false,
        };
        if from_first {
            let link = self.first.get(self.next).copied();
            self.next += 1;
            link
        } else {
            self.rescored.pop()
        }
    }

    fn push(&mut self, link: Link) {
        self.rescored.push(link);
    }
}

/// Folds group `b` into group `a` (`a < b`), keeping `a` as the survivor.
fn merge(groups: &mut [Group], sets: &mut UnionFind, a: usize, b: usize) {
    let taken = std::mem::take(&mut groups[b].sum);
    let (b_size, b_days) = (groups[b].size, groups[b].days);
    sets.union(a, b);
    let ga = &mut groups[a];
    ga.sum = vector::add(&ga.sum, &taken);
    if ga.sum.len() > MAX_SUM_TERMS {
        // A big group's link is carried by its heaviest terms; the long tail only costs time.
        vector::keep_top(&mut ga.sum, MAX_SUM_TERMS);
    }
    ga.size += b_size;
    ga.days = match (ga.days, b_days) {
        (Some((x0, x1)), Some((y0, y1))) => Some((x0.min(y0), x1.max(y1))),
        (x, y) => x.or(y),
    };
    ga.version += 1;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(ids: &[u64]) -> SparseVec {
        let w = 1.0 / (ids.len() as f32).sqrt();
        ids.iter().map(|&i| (i, w)).collect()
    }

    #[test]
    fn merges_close_pairs_and_stops_at_the_threshold() {
        let vecs = vec![
            unit(&[1, 2, 3]),
            unit(&[1, 2, 4]),
            unit(&[7, 8, 9]),
            unit(&[7, 8, 10]),
            unit(&[3, 9]),
        ];
        let days = vec![None; 5];
        let edges = vec![(0, 1), (2, 3), (1, 2), (0, 4), (3, 4)];
        let labels = average_link(&vecs, &days, &edges, None, 0.5, &GroupConfig::default());
        assert_eq!(labels, vec![0, 0, 2, 2, 4]);
        let labels = average_link(&vecs, &days, &edges, None, 0.0, &GroupConfig::default());
        assert!(labels.iter().all(|&l| l == 0), "{labels:?}");
    }

    /// A small deterministic generator (xorshift64*) for random components.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
        }
    }

    /// Articles' vectors, their days and the edges between them.
    type Component = (Vec<SparseVec>, Vec<Option<i64>>, Vec<(u32, u32)>);

    /// `n` articles over a small vocabulary (so many links tie or nearly tie), some dated, and
    /// each linked to a few others.
    fn random_component(seed: u64, n: usize) -> Component {
        let mut rng = Rng(seed | 1);
        let vecs: Vec<SparseVec> = (0..n)
            .map(|_| {
                let mut ids: Vec<u64> = (0..2 + rng.below(6)).map(|_| rng.below(40)).collect();
                ids.sort_unstable();
                ids.dedup();
                unit(&ids)
            })
            .collect();
        let days = (0..n)
            .map(|_| (rng.below(3) > 0).then(|| rng.below(30) as i64))
            .collect();
        let mut edges: Vec<(u32, u32)> = (0..n * 4)
            .map(|_| (rng.below(n as u64) as u32, rng.below(n as u64) as u32))
            .filter(|(a, b)| a != b)
            .map(|(a, b)| (a.min(b), a.max(b)))
            .collect();
        edges.sort_unstable();
        edges.dedup();
        (vecs, days, edges)
    }

    /// The agglomeration as one heap of every link: what `cluster_component` must give with its
    /// sorted first links beside a heap of re-scored ones.
    fn one_heap(
        vecs: &[SparseVec],
        days: &[Option<i64>],
        edges: &[(u32, u32)],
        threshold: f64,
        config: &GroupConfig,
    ) -> Vec<usize> {
        let mut groups: Vec<Group> = (0..vecs.len())
            .map(|i| Group {
                sum: vecs[i].clone(),
                size: 1,
                days: days[i].map(|d| (d, d)),
                version: 0,
            })
            .collect();
        let mut heap: BinaryHeap<Link> = edges
            .iter()
            .map(|&(a, b)| link(&groups, a as usize, b as usize, config))
            .filter(|l| l.score >= threshold)
            .collect();
        let mut sets = UnionFind::new(vecs.len());
        let mut scored = HashSet::default();
        while let Some(top) = heap.pop() {
            let (a, b) = (sets.find(top.a as usize), sets.find(top.b as usize));
            if a == b {
                continue;
            }
            let (a, b) = (a.min(b), a.max(b));
            let key = (a as u32, b as u32, groups[a].version, groups[b].version);
            if (top.a, top.b, top.va, top.vb) != key {
                if scored.insert(key) {
                    let l = link(&groups, a, b, config);
                    if l.score >= threshold {
                        heap.push(l);
                    }
                }
                continue;
            }
            merge(&mut groups, &mut sets, a, b);
        }
        (0..vecs.len()).map(|i| sets.find(i)).collect()
    }

    /// Clusters a random component and checks it against one heap.
    #[track_caller]
    fn check(seed: u64, n: usize, threshold: f64) {
        let config = GroupConfig::default();
        let (vecs, days, edges) = random_component(seed, n);
        let expected = one_heap(&vecs, &days, &edges, threshold, &config);
        let scored: Vec<ScoredEdge> = edges
            .iter()
            .map(|&(a, b)| {
                let cosine = vector::dot(&vecs[a as usize], &vecs[b as usize]);
                (
                    a,
                    b,
                    pair_score(cosine, &days, a as usize, b as usize, &config),
                )
            })
            .filter(|&(_, _, s)| s >= threshold)
            .collect();
        let nodes: Vec<usize> = (0..n).collect();
        let got: Vec<usize> = cluster_component(&vecs, &days, &nodes, &scored, threshold, &config)
            .into_iter()
            .map(|(_, label)| label)
            .collect();
        assert_eq!(got, expected, "seed {seed}");
    }

    #[test]
    fn the_sorted_queue_merges_as_one_heap_does() {
        for seed in 1..40 {
            check(seed, 60, 0.1);
            check(seed, 200, 0.25);
        }
        // Merges all the way down, stale links at every step.
        check(7, 300, 0.0);
    }

    #[test]
    fn distance_in_time_keeps_similar_texts_apart() {
        let vecs = vec![unit(&[1, 2, 3]), unit(&[1, 2, 3])];
        let edges = vec![(0, 1)];
        let near = average_link(
            &vecs,
            &[Some(0), Some(1)],
            &edges,
            None,
            0.5,
            &GroupConfig::default(),
        );
        let far = average_link(
            &vecs,
            &[Some(0), Some(40)],
            &edges,
            None,
            0.5,
            &GroupConfig::default(),
        );
        assert_eq!(near, vec![0, 0]);
        assert_eq!(far, vec![0, 1]);
    }
}
