//! Average-link agglomerative clustering over a sparse candidate graph. With unit vectors the
//! average cosine between two groups is the dot product of their vector sums divided by the
//! product of their sizes, so each group keeps one sum and links stay exact as groups grow.
//!
//! Links are re-scored lazily: the average link of a merged group to a third one is a weighted
//! mean of its parts' links, so a queued score is an upper bound of the current one; a stale
//! entry is re-scored only when it reaches the top of the queue.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet};

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

#[derive(PartialEq)]
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
    let local: HashMap<u32, u32> = nodes
        .iter()
        .enumerate()
        .map(|(k, &i)| (i as u32, k as u32))
        .collect();
    let mut groups: Vec<Group> = nodes
        .iter()
        .map(|&i| Group {
            sum: vecs[i].clone(),
            size: 1,
            days: days.get(i).copied().flatten().map(|d| (d, d)),
            version: 0,
        })
        .collect();
    let link = |groups: &[Group], a: usize, b: usize| -> Link {
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
    };
    // Local numbering keeps the global order, so ties break the same way.
    let mut heap: BinaryHeap<Link> = edges
        .iter()
        .filter_map(|&(a, b, score)| {
            Some(Link {
                score,
                a: *local.get(&a)?,
                b: *local.get(&b)?,
                va: 0,
                vb: 0,
            })
        })
        .collect();
    let mut sets = UnionFind::new(nodes.len());
    // Pairs already re-scored at their current versions. Two large groups are joined by many
    // edges, and each of them reaches the top stale; the pair's link at those versions is the
    // same every time, so it is scored once (and queued once, when it holds).
    let mut scored: HashSet<(u32, u32, u32, u32)> = HashSet::new();
    while let Some(top) = heap.pop() {
        let (a, b) = (sets.find(top.a as usize), sets.find(top.b as usize));
        if a == b {
            continue;
        }
        let (a, b) = (a.min(b), a.max(b));
        let current = a == top.a as usize
            && b == top.b as usize
            && groups[a].version == top.va
            && groups[b].version == top.vb;
        if !current {
            if !scored.insert((a as u32, b as u32, groups[a].version, groups[b].version)) {
                continue;
            }
            let l = link(&groups, a, b);
            if l.score >= threshold {
                heap.push(l);
            }
            continue;
        }
        merge(&mut groups, &mut sets, a, b);
    }
    (0..nodes.len())
        .map(|k| (nodes[k], nodes[sets.find(k)]))
        .collect()
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
