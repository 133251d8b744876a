//! Concepts and their weights: stemmed bigrams that are not made of stopwords alone, and content
//! words at a lower weight, worth the number of articles that report them, more when an article
//! reports them early.

use std::collections::{HashMap, HashSet};

use parallax_core::Analyzed;

use super::candidates::Candidate;

/// Extra worth of a concept an article reports in its first sentence.
const POSITION_BONUS: f64 = 2.0;
fn pos_bonus() -> f64 { super::knob("POS", POSITION_BONUS) }

/// Worth of a single content word relative to a bigram: unigrams break ties between sentences
/// with the same bigrams and reward coverage of key words stated differently.
const UNIGRAM_WEIGHT: f64 = 0.3;

/// The concepts of the candidate sentences and what each is worth.
#[derive(Debug)]
pub(crate) struct Space {
    /// Weight of each concept, by id.
    pub weights: Vec<f64>,
    /// The concepts of each candidate (ids, without repeats), in word order.
    pub of: Vec<Vec<u32>>,
    /// For each concept of `of`, the index of its last word in the sentence.
    pub ends: Vec<Vec<usize>>,
}

/// The concepts of one sentence, as strings, in word order, each with the index of its last word.
fn sentence_concepts(stems: &[String], terms: &[String]) -> Vec<(String, usize)> {
    let terms: HashSet<&str> = terms.iter().map(String::as_str).collect();
    let content = |i: usize| terms.contains(stems[i].as_str());
    let mut out = Vec::new();
    for i in 1..stems.len() {
        if content(i - 1) || content(i) {
            out.push((format!("{} {}", stems[i - 1], stems[i]), i));
        }
    }
    for (i, s) in stems.iter().enumerate() {
        if content(i) {
            out.push((s.clone(), i));
        }
    }
    out
}

impl Space {
    /// Extracts the concepts of every sentence and weighs them over all articles.
    pub(crate) fn build(docs: &[Analyzed], pool: &[Candidate]) -> Self {
        // For each concept: the articles that have it, and its earliest sentence in each.
        let mut first_seen: HashMap<String, HashMap<usize, usize>> = HashMap::new();
        for (d, doc) in docs.iter().enumerate() {
            for (s, sentence) in doc.sentences.iter().enumerate() {
                for (c, _) in sentence_concepts(&sentence.stems, &sentence.terms) {
                    first_seen.entry(c).or_default().entry(d).or_insert(s);
                }
            }
        }
        let min_docs = min_docs(docs.len());
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut weights = Vec::new();
        let mut of = Vec::with_capacity(pool.len());
        let mut ends = Vec::with_capacity(pool.len());
        for cand in pool {
            let mut mine = Vec::new();
            let mut mine_ends = Vec::new();
            for (c, end) in sentence_concepts(&cand.stems, &cand.terms) {
                let Some(in_docs) = first_seen.get(&c) else { continue };
                if in_docs.len() < min_docs {
                    continue;
                }
                let id = match ids.get(&c) {
                    Some(&id) => id,
                    None => {
                        let id = weights.len() as u32;
                        let w = weight(in_docs) * if c.contains(' ') { 1.0 } else { super::knob("UNI", UNIGRAM_WEIGHT) };
                        weights.push(w);
                        ids.insert(c, id);
                        id
                    }
                };
                if !mine.contains(&id) {
                    mine.push(id);
                    mine_ends.push(end);
                }
            }
            of.push(mine);
            ends.push(mine_ends);
        }
        Self { weights, of, ends }
    }
}

/// The fewest articles a concept must appear in to count: a fifth of them (two of ten), at
/// least one, and never more than three (ICSISumm's threshold), so that large stories keep
/// concepts that several outlets share.
fn min_docs(n: usize) -> usize {
    ((n as f64 * super::knob("MINDF", 0.2)).round() as usize).clamp(1, 3)
}

/// A concept's worth: one per article that has it, plus a bonus for early mentions that halves
/// with each sentence further from the lead (`bonus / (1 + position)`).
fn weight(in_docs: &HashMap<usize, usize>) -> f64 {
    in_docs.values().map(|&pos| 1.0 + pos_bonus() / (1.0 + pos as f64).powf(super::knob("DECAY", 1.0))).sum()
}
