//! Which articles support which sentence: content overlap weighted by rarity, so that two outlets
//! saying the same thing in different words still count as agreeing.

use std::collections::{HashMap, HashSet};

use parallax_core::{Analyzed, Sentence};

/// The terms of a sentence that no other article of the story uses.
#[derive(Debug, Clone)]
pub struct Novelty<'a> {
    /// Their share of the sentence's weighted content.
    pub share: f64,
    /// The terms themselves.
    pub terms: Vec<&'a str>,
}

/// A sentence's content terms, as ids with weights, for fast overlap.
#[derive(Debug, Clone)]
pub struct TermSet {
    ids: Vec<u32>,
    total: f64,
}

/// Term weights (inverse sentence frequency) over a story, and every sentence's term set.
#[derive(Debug)]
pub struct SupportIndex {
    weights: Vec<f64>,
    vocabulary: HashMap<String, u32>,
    terms: Vec<String>,
    /// `sets[doc][sentence]`.
    pub sets: Vec<Vec<TermSet>>,
}

impl SupportIndex {
    /// Indexes every sentence of every article.
    pub fn new(docs: &[Analyzed]) -> Self {
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let mut df: Vec<f64> = Vec::new();
        let mut raw: Vec<Vec<Vec<u32>>> = Vec::with_capacity(docs.len());
        let mut n = 0usize;
        for d in docs {
            let mut doc_sets = Vec::with_capacity(d.sentences.len());
            for s in &d.sentences {
                let mut ids: Vec<u32> = s
                    .terms
                    .iter()
                    .map(|t| {
                        let next = vocabulary.len() as u32;
                        *vocabulary.entry(t.clone()).or_insert(next)
                    })
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                for &id in &ids {
                    if id as usize >= df.len() {
                        df.resize(id as usize + 1, 0.0);
                    }
                    df[id as usize] += 1.0;
                }
                n += 1;
                doc_sets.push(ids);
            }
            raw.push(doc_sets);
        }
        let weights: Vec<f64> = df.iter().map(|&f| (1.0 + n as f64 / f).ln()).collect();
        let sets = raw
            .into_iter()
            .map(|doc| {
                doc.into_iter()
                    .map(|ids| {
                        let total = ids.iter().map(|&i| weights[i as usize]).sum();
                        TermSet { ids, total }
                    })
                    .collect()
            })
            .collect();
        let mut terms = vec![String::new(); vocabulary.len()];
        for (term, &id) in &vocabulary {
            terms[id as usize].clone_from(term);
        }
        Self {
            weights,
            vocabulary,
            terms,
            sets,
        }
    }

    /// The term set of any text's sentence, over this story's vocabulary.
    pub fn set_of(&self, sentence: &Sentence) -> TermSet {
        let mut ids: Vec<u32> = sentence
            .terms
            .iter()
            .filter_map(|t| self.vocabulary.get(t).copied())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let total = ids.iter().map(|&i| self.weights[i as usize]).sum();
        TermSet { ids, total }
    }

    /// How much of `a`'s content `b` also says, from 0 to 1.
    pub fn coverage(&self, a: &TermSet, b: &TermSet) -> f64 {
        if a.total <= 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut shared, mut count) = (0, 0, 0.0, 0);
        while i < a.ids.len() && j < b.ids.len() {
            match a.ids[i].cmp(&b.ids[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.weights[a.ids[i] as usize];
                    count += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        if count < 2 {
            return 0.0;
        }
        shared / a.total
    }

    /// How much two sentences say the same: the larger of the two coverages, where a sentence
    /// must have some substance (three terms) to count as covered.
    pub fn similarity(&self, a: &TermSet, b: &TermSet) -> f64 {
        let forward = self.coverage(a, b);
        let backward = if b.ids.len() >= 3 {
            self.coverage(b, a)
        } else {
            0.0
        };
        forward.max(backward)
    }

    /// The best similarity of sentence (`doc`, `i`) to any sentence of article `other`.
    pub fn best_in(&self, doc: usize, i: usize, other: usize) -> f64 {
        let a = &self.sets[doc][i];
        self.sets[other]
            .iter()
            .map(|b| self.similarity(a, b))
            .fold(0.0, f64::max)
    }

    /// What a sentence says that no other article mentions at all.
    pub fn novelty(&self, doc: usize, i: usize, doc_terms: &[HashSet<u32>]) -> Novelty<'_> {
        let a = &self.sets[doc][i];
        if a.total <= 0.0 {
            return Novelty {
                share: 0.0,
                terms: Vec::new(),
            };
        }
        let novel: Vec<u32> = a
            .ids
            .iter()
            .copied()
            .filter(|t| {
                doc_terms
                    .iter()
                    .enumerate()
                    .all(|(o, terms)| o == doc || !terms.contains(t))
            })
            .collect();
        let weight: f64 = novel.iter().map(|&t| self.weights[t as usize]).sum();
        let terms = novel
            .iter()
            .filter_map(|&t| self.terms.get(t as usize).map(String::as_str))
            .collect();
        Novelty {
            share: weight / a.total,
            terms,
        }
    }

    /// Every term of each article.
    pub fn doc_terms(&self) -> Vec<HashSet<u32>> {
        self.sets
            .iter()
            .map(|doc| doc.iter().flat_map(|s| s.ids.iter().copied()).collect())
            .collect()
    }

    /// The articles that report sentence (`doc`, `i`): its own first, then the others in order.
    pub fn supporters(&self, doc: usize, i: usize, threshold: f64) -> Vec<usize> {
        let mut out = vec![doc];
        out.extend(
            (0..self.sets.len()).filter(|&o| o != doc && self.best_in(doc, i, o) >= threshold),
        );
        out
    }
}
