//! ROUGE as ROUGE-1.5.5 computes it, so that scores compare with the published DUC numbers.
//!
//! The conventions are those of `ROUGE-1.5.5.pl -n N -m -l WORDS -f A -p 0.5` on
//! one-sentence-per-line files: both peer and models are cut to their first `WORDS`
//! whitespace-separated words, ASCII letters are lowercased, `-` and every other byte that is not
//! an ASCII letter or digit separates words, stopwords are kept, and words longer than three
//! letters go through ROUGE's own Porter stemmer ([`stem`]).
//!
//! With several models, `-f A` pools them: recall is the sum of the clipped hits against each
//! model over the sum of the models' n-gram counts, precision divides the same hits by the
//! peer's count times the number of models. (ROUGE before 1.4 jackknifed over models; 1.5.5 does
//! not.) `-f B` keeps the single model with the best recall. Before stemming, ROUGE-1.5.5 replaces
//! irregular forms by their base form from WordNet's exception lists ([`Exceptions`]): a built-in
//! table covers the frequent ones, and WordNet's own lists can be loaded for the rest.
//!
//! ```
//! use parallax_eval::rouge::{score, Prepared, RougeConfig};
//! let config = RougeConfig::default();
//! let model = Prepared::new(&["The cat sat on the mat."], &config);
//! let peer = Prepared::new(&["A cat sat on a mat."], &config);
//! let s = score(&peer, &[model], &config);
//! assert!((s.n[0].recall - 4.0 / 6.0).abs() < 1e-9);
//! ```

mod exceptions;
mod lcs;
mod ngram;
mod porter;
mod tokenize;

use std::collections::HashMap;

use serde::Serialize;

pub use exceptions::Exceptions;
pub use porter::stem;

/// How scores against several models are combined (ROUGE-1.5.5's `-f`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScoreMode {
    /// `-f A`: hits and counts summed over all models.
    #[default]
    Average,
    /// `-f B`: only the model the peer matches best.
    Best,
}

/// Which ROUGE scores to compute and how.
#[derive(Debug, Clone)]
pub struct RougeConfig {
    /// ROUGE-1 to ROUGE-`max_n` are computed (`-n`).
    pub max_n: usize,
    /// Whether ROUGE-L is computed (the opposite of `-x`).
    pub lcs: bool,
    /// Peer and models are cut to this many words (`-l`); `None` keeps them whole.
    pub word_limit: Option<usize>,
    /// Whether words are stemmed (`-m`).
    pub stem: bool,
    /// Weight of precision in F (`-p`): 0.5 is the harmonic mean.
    pub alpha: f64,
    /// How several models are combined (`-f`).
    pub mode: ScoreMode,
    /// Irregular forms replaced by their base form instead of being stemmed.
    pub exceptions: Exceptions,
}

impl Default for RougeConfig {
    /// The DUC 2004 settings: `-n 2 -m -l 100 -p 0.5 -f A`, with ROUGE-L.
    fn default() -> Self {
        Self {
            max_n: 2,
            lcs: true,
            word_limit: Some(100),
            stem: true,
            alpha: 0.5,
            mode: ScoreMode::Average,
            exceptions: Exceptions::default(),
        }
    }
}

/// A summary read as ROUGE reads it: its sentences, truncated, as lists of words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    units: Vec<Vec<String>>,
}

impl Prepared {
    /// Prepares a summary given one sentence per line (empty lines are skipped).
    pub fn new<S: AsRef<str>>(lines: &[S], config: &RougeConfig) -> Self {
        let lines: Vec<&str> = lines.iter().map(AsRef::as_ref).collect();
        let units = tokenize::truncate_lines(&lines, config.word_limit)
            .iter()
            .map(|s| tokenize::words(s, config.stem.then_some(&config.exceptions)))
            .collect();
        Self { units }
    }

    /// Prepares the contents of a one-sentence-per-line file.
    pub fn from_text(text: &str, config: &RougeConfig) -> Self {
        let lines: Vec<&str> = text.split('\n').collect();
        Self::new(&lines, config)
    }

    /// The words ROUGE counts, sentence by sentence.
    pub fn units(&self) -> &[Vec<String>] {
        &self.units
    }

    /// How many words ROUGE counts in all.
    pub fn len(&self) -> usize {
        self.units.iter().map(Vec::len).sum()
    }

    /// Whether no word is counted.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Recall, precision and F of one score.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Prf {
    /// Share of the models' units found in the peer.
    pub recall: f64,
    /// Share of the peer's units found in the models.
    pub precision: f64,
    /// Weighted harmonic mean of the two.
    pub f: f64,
}

impl Prf {
    fn from_counts(hits: f64, model_total: f64, peer_total: f64, alpha: f64) -> Self {
        let recall = if model_total > 0.0 {
            hits / model_total
        } else {
            0.0
        };
        let precision = if peer_total > 0.0 {
            hits / peer_total
        } else {
            0.0
        };
        let denom = (1.0 - alpha) * precision + alpha * recall;
        let f = if denom > 0.0 {
            precision * recall / denom
        } else {
            0.0
        };
        Self {
            recall,
            precision,
            f,
        }
    }
}

/// The ROUGE scores of one peer against its models.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Scores {
    /// ROUGE-1 at index 0, ROUGE-2 at index 1, and so on.
    pub n: Vec<Prf>,
    /// ROUGE-L, when computed.
    pub l: Option<Prf>,
}

/// Maps words to small integers so that n-grams and LCS compare numbers, not strings.
struct Interner<'a>(HashMap<&'a str, u32>);

impl<'a> Interner<'a> {
    fn ids(&mut self, p: &'a Prepared) -> Vec<Vec<u32>> {
        p.units
            .iter()
            .map(|u| {
                u.iter()
                    .map(|w| {
                        let next = self.0.len() as u32;
                        *self.0.entry(w.as_str()).or_insert(next)
                    })
                    .collect()
            })
            .collect()
    }
}

/// Running totals of hits and counts over the models.
#[derive(Default, Clone, Copy)]
struct Totals {
    hits: f64,
    model: f64,
    peer: f64,
    best: f64,
}

impl Totals {
    fn add(&mut self, mode: ScoreMode, hits: u32, model: u32, peer: u32) {
        let (hits, model, peer) = (hits as f64, model as f64, peer as f64);
        match mode {
            ScoreMode::Average => {
                self.hits += hits;
                self.model += model;
                self.peer += peer;
            }
            ScoreMode::Best => {
                let recall = if model > 0.0 { hits / model } else { 0.0 };
                if recall > self.best || self.model == 0.0 && self.peer == 0.0 {
                    *self = Totals {
                        hits,
                        model,
                        peer,
                        best: recall,
                    };
                }
            }
        }
    }

    fn prf(&self, alpha: f64) -> Prf {
        Prf::from_counts(self.hits, self.model, self.peer, alpha)
    }
}

/// Scores one peer summary against its model summaries.
pub fn score(peer: &Prepared, models: &[Prepared], config: &RougeConfig) -> Scores {
    let mut interner = Interner(HashMap::new());
    let peer_units = interner.ids(peer);
    let model_units: Vec<Vec<Vec<u32>>> = models.iter().map(|m| interner.ids(m)).collect();
    let flat = |units: &[Vec<u32>]| units.iter().flatten().copied().collect::<Vec<u32>>();
    let peer_flat = flat(&peer_units);
    let model_flat: Vec<Vec<u32>> = model_units.iter().map(|m| flat(m)).collect();

    let n = (1..=config.max_n)
        .map(|n| {
            let peer_grams = ngram::Grams::new(&peer_flat, n);
            let mut totals = Totals {
                best: -1.0,
                ..Totals::default()
            };
            for m in &model_flat {
                let model_grams = ngram::Grams::new(m, n);
                let hits = model_grams.hits(&peer_grams);
                totals.add(config.mode, hits, model_grams.total(), peer_grams.total());
            }
            totals.prf(config.alpha)
        })
        .collect();

    let l = config.lcs.then(|| {
        let mut totals = Totals {
            best: -1.0,
            ..Totals::default()
        };
        for m in &model_units {
            let (hits, base) = lcs::lcs_hits(m, &peer_units);
            totals.add(config.mode, hits, base, peer_flat.len() as u32);
        }
        totals.prf(config.alpha)
    });
    Scores { n, l }
}

/// The mean of per-summary scores, as ROUGE-1.5.5 averages its evaluations (without `-t`).
pub fn mean(scores: &[Scores]) -> Scores {
    let count = scores.len().max(1) as f64;
    let max_n = scores.iter().map(|s| s.n.len()).max().unwrap_or(0);
    let avg = |get: &dyn Fn(&Scores) -> Option<Prf>| {
        let mut sum = Prf::default();
        for p in scores.iter().filter_map(get) {
            sum.recall += p.recall;
            sum.precision += p.precision;
            sum.f += p.f;
        }
        Prf {
            recall: sum.recall / count,
            precision: sum.precision / count,
            f: sum.f / count,
        }
    };
    let n = (0..max_n)
        .map(|i| avg(&|s: &Scores| s.n.get(i).copied()))
        .collect();
    let l = scores
        .iter()
        .any(|s| s.l.is_some())
        .then(|| avg(&|s: &Scores| s.l));
    Scores { n, l }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prep(lines: &[&str]) -> Prepared {
        Prepared::new(lines, &RougeConfig::default())
    }

    #[test]
    fn models_are_pooled_not_averaged() {
        let config = RougeConfig::default();
        let peer = prep(&["a b c"]);
        let models = [prep(&["a b"]), prep(&["a x y z"])];
        let s = score(&peer, &models, &config);
        // Hits 2 + 1 over 2 + 4 model unigrams.
        assert!((s.n[0].recall - 0.5).abs() < 1e-12);
        // Hits 3 over 3 peer unigrams per model.
        assert!((s.n[0].precision - 0.5).abs() < 1e-12);
    }

    #[test]
    fn best_mode_keeps_the_best_model() {
        let config = RougeConfig {
            mode: ScoreMode::Best,
            ..RougeConfig::default()
        };
        let peer = prep(&["a b c"]);
        let models = [prep(&["a b"]), prep(&["a x y z"])];
        let s = score(&peer, &models, &config);
        assert!((s.n[0].recall - 1.0).abs() < 1e-12);
    }

    #[test]
    fn bigrams_cross_sentence_ends_and_clip() {
        let config = RougeConfig::default();
        let peer = prep(&["x a", "b a b"]);
        let model = prep(&["a b a b"]);
        let s = score(&peer, &[model], &config);
        // Model bigrams: ab ab ba; peer: xa ab ba ab.
        assert!((s.n[1].recall - 1.0).abs() < 1e-12);
        assert!((s.n[1].precision - 0.75).abs() < 1e-12);
    }

    #[test]
    fn empty_peer_scores_zero() {
        let s = score(&prep(&[]), &[prep(&["a b"])], &RougeConfig::default());
        assert_eq!(s.n[0], Prf::default());
        assert_eq!(s.l, Some(Prf::default()));
    }
}
