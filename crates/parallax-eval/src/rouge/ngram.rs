//! ROUGE-N: clipped n-gram co-occurrence between a peer and each model.

use std::collections::HashMap;

/// Counts of the n-grams of a token sequence, and how many there are.
pub(crate) struct Grams<'a> {
    counts: HashMap<&'a [u32], u32>,
    total: u32,
}

impl<'a> Grams<'a> {
    /// The n-grams of `tokens` (the whole summary as one sequence, across sentence ends).
    pub(crate) fn new(tokens: &'a [u32], n: usize) -> Self {
        let mut counts = HashMap::new();
        let mut total = 0;
        if n > 0 && tokens.len() >= n {
            for gram in tokens.windows(n) {
                *counts.entry(gram).or_insert(0) += 1;
                total += 1;
            }
        }
        Self { counts, total }
    }

    /// How many n-grams there are, repeats included.
    pub(crate) fn total(&self) -> u32 {
        self.total
    }

    /// The n-grams shared with `other`, each counted at most as often as it occurs in both.
    pub(crate) fn hits(&self, other: &Grams<'_>) -> u32 {
        self.counts
            .iter()
            .map(|(gram, &c)| other.counts.get(gram).map_or(0, |&o| c.min(o)))
            .sum()
    }
}
