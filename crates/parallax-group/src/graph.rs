//! Candidate pairs: each article's heaviest terms go into an inverted index, and an article is
//! compared only with the articles that share them, keeping its nearest neighbours.

use rayon::prelude::*;

use crate::vector::{self, IdMap, SparseVec};
use crate::GroupConfig;

/// Longest posting list kept per term.
const MAX_POSTINGS: usize = 200;

/// Lowest exact cosine for a pair to become an edge.
const MIN_EDGE: f64 = 0.02;

/// Candidate pairs and the exact cosine of each, computed once here and read again by the
/// first agglomeration rather than recomputed.
pub(crate) struct Candidates {
    /// Similar pairs `(i, j)` with `i < j`, sorted.
    pub pairs: Vec<(u32, u32)>,
    /// The cosine of each pair's vectors, in the order of `pairs`.
    pub cosines: Vec<f64>,
}

/// Similar pairs found through the inverted index, with their cosines.
pub(crate) fn candidate_edges(vecs: &[SparseVec], config: &GroupConfig) -> Candidates {
    let n = vecs.len();
    let tops: Vec<SparseVec> = vecs
        .par_iter()
        .map(|v| vector::top(v, config.index_terms))
        .collect();
    let mut postings: IdMap<Vec<(u32, f32)>> = IdMap::default();
    for (i, top) in tops.iter().enumerate() {
        for &(id, w) in top {
            postings.entry(id).or_default().push((i as u32, w));
        }
    }
    // A common term keeps only the articles it weighs most in, which bounds the work per
    // article whatever the collection's size; the article's rarer terms still find the rest.
    let mut long: Vec<&mut Vec<(u32, f32)>> = postings
        .values_mut()
        .filter(|list| list.len() > MAX_POSTINGS)
        .collect();
    long.par_iter_mut().for_each(|list| {
        list.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        list.truncate(MAX_POSTINGS);
    });
    let k = config.neighbours;
    let mut pairs: Vec<(u32, u32)> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0f32; n], Vec::<u32>::new()),
            |(acc, touched), i| {
                for &(id, w) in &tops[i] {
                    let Some(list) = postings.get(&id) else {
                        continue;
                    };
                    for &(j, wj) in list {
                        if j as usize != i {
                            if acc[j as usize] == 0.0 {
                                touched.push(j);
                            }
                            acc[j as usize] += w * wj;
                        }
                    }
                }
                let mut scored: Vec<(f32, u32)> =
                    touched.iter().map(|&j| (acc[j as usize], j)).collect();
                for &j in touched.iter() {
                    acc[j as usize] = 0.0;
                }
                touched.clear();
                // Only the `k` best are kept: select them before sorting, not after.
                let best_first =
                    |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
                if scored.len() > k {
                    scored.select_nth_unstable_by(k, best_first);
                    scored.truncate(k);
                }
                scored
                    .into_iter()
                    .map(|(_, j)| ((i as u32).min(j), (i as u32).max(j)))
                    .collect::<Vec<_>>()
            },
        )
        .flatten()
        .collect();
    // A pair found from both ends is scored once.
    pairs.par_sort_unstable();
    pairs.dedup();
    let (pairs, cosines) = pairs
        .into_par_iter()
        .filter_map(|(a, b)| {
            let cosine = vector::dot(vecs.get(a as usize)?, vecs.get(b as usize)?);
            (cosine >= MIN_EDGE).then_some(((a, b), cosine))
        })
        .unzip();
    Candidates { pairs, cosines }
}

/// Each article's neighbours in the edge list.
pub(crate) fn adjacency(n: usize, edges: &[(u32, u32)]) -> Vec<Vec<u32>> {
    let mut adj = vec![Vec::new(); n];
    for &(a, b) in edges {
        adj[a as usize].push(b);
        adj[b as usize].push(a);
    }
    adj
}
