//! ROUGE-L: summary-level union LCS between each model sentence and all peer sentences, with
//! ROUGE-1.5.5's clipping so that a peer word is credited once.

use std::collections::HashMap;

/// Marks in `hit` the positions of `model` on one longest common subsequence with `peer`,
/// following ROUGE-1.5.5's traceback order (diagonal, then up on ties, then left).
fn mark_lcs(model: &[u32], peer: &[u32], hit: &mut [bool]) {
    let (m, n) = (model.len(), peer.len());
    if m == 0 || n == 0 {
        return;
    }
    let width = n + 1;
    let mut c = vec![0u32; (m + 1) * width];
    // 0 = diagonal, 1 = up, 2 = left.
    let mut b = vec![0u8; (m + 1) * width];
    for i in 1..=m {
        for j in 1..=n {
            let (cell, dir) = if model[i - 1] == peer[j - 1] {
                (c[(i - 1) * width + j - 1] + 1, 0)
            } else if c[(i - 1) * width + j] >= c[i * width + j - 1] {
                (c[(i - 1) * width + j], 1)
            } else {
                (c[i * width + j - 1], 2)
            };
            c[i * width + j] = cell;
            b[i * width + j] = dir;
        }
    }
    let (mut i, mut j) = (m, n);
    while i != 0 && j != 0 {
        match b[i * width + j] {
            0 => {
                i -= 1;
                j -= 1;
                hit[i] = true;
            }
            1 => i -= 1,
            _ => j -= 1,
        }
    }
}

fn unigram_counts(units: &[Vec<u32>]) -> HashMap<u32, u32> {
    let mut counts = HashMap::new();
    for &t in units.iter().flatten() {
        *counts.entry(t).or_insert(0) += 1;
    }
    counts
}

/// The LCS hits of `peer` against one model, and the model's length in words.
pub(crate) fn lcs_hits(model: &[Vec<u32>], peer: &[Vec<u32>]) -> (u32, u32) {
    let mut model_left = unigram_counts(model);
    let mut peer_left = unigram_counts(peer);
    let mut hits = 0;
    let mut base = 0;
    for unit in model {
        base += unit.len() as u32;
        let mut mask = vec![false; unit.len()];
        for p in peer {
            mark_lcs(unit, p, &mut mask);
        }
        for (t, _) in unit.iter().zip(&mask).filter(|(_, &m)| m) {
            let (Some(ml), Some(pl)) = (model_left.get_mut(t), peer_left.get_mut(t)) else {
                continue;
            };
            if *ml > 0 && *pl > 0 {
                hits += 1;
                *ml -= 1;
                *pl -= 1;
            }
        }
    }
    (hits, base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_lcs_over_peer_sentences() {
        // Lin (2004): model w1 w2 w3 w4 w5; peer sentences w1 w2 w6 w7 w8 and w1 w3 w8 w9 w5.
        let model = vec![vec![1, 2, 3, 4, 5]];
        let peer = vec![vec![1, 2, 6, 7, 8], vec![1, 3, 8, 9, 5]];
        assert_eq!(lcs_hits(&model, &peer), (4, 5));
    }

    #[test]
    fn a_peer_word_is_credited_once() {
        let model = vec![vec![1, 2], vec![1, 2]];
        let peer = vec![vec![1, 2]];
        assert_eq!(lcs_hits(&model, &peer), (2, 4));
    }
}
