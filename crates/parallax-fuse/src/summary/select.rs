//! Budgeted maximum coverage: the set of sentences whose concepts weigh most within the word
//! budget, found greedily and then improved by swaps.

use super::candidates::Candidate;
use super::concepts::Space;
use super::SummaryConfig;

/// The chosen sentences, as indices into the candidate pool.
#[derive(Debug, Default)]
pub(crate) struct Chosen {
    /// Sentences within the budget.
    pub main: Vec<usize>,
    /// One more sentence that runs past the budget, when allowed.
    pub overflow: Option<usize>,
}

/// Concept coverage counts of a partial summary.
struct Cover<'a> {
    space: &'a Space,
    count: Vec<u32>,
}

impl<'a> Cover<'a> {
    fn new(space: &'a Space) -> Self {
        Self { space, count: vec![0; space.weights.len()] }
    }

    fn gain(&self, i: usize) -> f64 {
        self.space.of[i].iter().filter(|&&c| self.count[c as usize] == 0).map(|&c| self.space.weights[c as usize]).sum()
    }

    /// Gain of the concepts that lie wholly within the first `n` words of sentence `i`.
    fn gain_prefix(&self, i: usize, n: usize) -> f64 {
        self.space.of[i]
            .iter()
            .zip(&self.space.ends[i])
            .filter(|&(&c, &end)| end < n && self.count[c as usize] == 0)
            .map(|(&c, _)| self.space.weights[c as usize])
            .sum()
    }

    fn add(&mut self, i: usize) {
        for &c in &self.space.of[i] {
            self.count[c as usize] += 1;
        }
    }

    fn remove(&mut self, i: usize) {
        for &c in &self.space.of[i] {
            self.count[c as usize] -= 1;
        }
    }

    fn total(&self) -> f64 {
        self.count.iter().zip(&self.space.weights).filter(|(&n, _)| n > 0).map(|(_, w)| w).sum()
    }
}

/// Chooses the sentences that cover the most concept weight within the budget.
pub(crate) fn select(pool: &[Candidate], space: &Space, config: &SummaryConfig) -> Chosen {
    let budget = config.words;
    let mut cover = Cover::new(space);
    let mut chosen: Vec<usize> = Vec::new();
    let mut used = 0;

    // Greedy by gain per word.
    loop {
        let best = (0..pool.len())
            .filter(|i| !chosen.contains(i) && used + pool[*i].words <= budget)
            .map(|i| (i, cover.gain(i) / (pool[i].words as f64).powf(super::concepts::knob("R", 1.0))))
            .filter(|&(_, g)| g > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let Some((i, _)) = best else { break };
        cover.add(i);
        used += pool[i].words;
        chosen.push(i);
    }

    // Swaps: replace one chosen sentence by another that fits and covers more.
    let mut improved = true;
    let mut rounds = 0;
    while improved && rounds < 10 {
        improved = false;
        rounds += 1;
        let current = cover.total();
        let mut best: Option<(usize, usize, f64)> = None;
        for (k, &out) in chosen.iter().enumerate() {
            cover.remove(out);
            let room = budget - (used - pool[out].words);
            for j in 0..pool.len() {
                if chosen.contains(&j) || pool[j].words > room {
                    continue;
                }
                let value = current - cover.gain(out) + cover.gain(j);
                if value > best.map_or(current + 1e-9, |b| b.2) {
                    best = Some((k, j, value));
                }
            }
            cover.add(out);
        }
        if let Some((k, j, _)) = best {
            let out = chosen[k];
            cover.remove(out);
            cover.add(j);
            used = used - pool[out].words + pool[j].words;
            chosen[k] = j;
            improved = true;
            // Fill any room the swap freed.
            loop {
                let add = (0..pool.len())
                    .filter(|i| !chosen.contains(i) && used + pool[*i].words <= budget)
                    .map(|i| (i, cover.gain(i) / pool[i].words as f64))
                    .filter(|&(_, g)| g > 0.0)
                    .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
                let Some((i, _)) = add else { break };
                cover.add(i);
                used += pool[i].words;
                chosen.push(i);
            }
        }
    }

    let overflow = if config.overflow && used < budget {
        let room = budget - used;
        (0..pool.len())
            .filter(|i| !chosen.contains(i))
            .map(|i| {
                (i, cover.gain_prefix(i, room))
            })
            .filter(|&(_, g)| g > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i)
    } else {
        None
    };
    Chosen { main: chosen, overflow }
}
