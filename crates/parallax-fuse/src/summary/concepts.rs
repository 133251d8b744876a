//! Concepts and their weights: stemmed bigrams that are not made of stopwords alone, worth the
//! number of articles that report them, a little more when an article reports them early.

use std::collections::{HashMap, HashSet};

use parallax_core::{Analyzed, Sentence};

use super::candidates::Candidate;

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
fn sentence_concepts(sentence: &Sentence) -> Vec<(String, usize)> {
    let terms: HashSet<&str> = sentence.terms.iter().map(String::as_str).collect();
    let content = |i: usize| terms.contains(sentence.stems[i].as_str());
    let mut out = Vec::new();
    for i in 1..sentence.stems.len() {
        if content(i - 1) || content(i) {
            out.push((format!("{} {}", sentence.stems[i - 1], sentence.stems[i]), i));
        }
    }
    if knob("UNI", 0.0) > 0.0 {
        for (i, s) in sentence.stems.iter().enumerate() {
            if content(i) {
                out.push((s.clone(), i));
            }
        }
    }
    out
}

pub(crate) fn knob(name: &str, default: f64) -> f64 {
    std::env::var(format!("PX_{name}")).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

impl Space {
    /// Extracts the concepts of every sentence and weighs them over all articles.
    pub(crate) fn build(docs: &[Analyzed], pool: &[Candidate]) -> Self {
        // For each concept: the articles that have it, and its earliest sentence in each.
        let mut first_seen: HashMap<String, HashMap<usize, usize>> = HashMap::new();
        for (d, doc) in docs.iter().enumerate() {
            for (s, sentence) in doc.sentences.iter().enumerate() {
                for (c, _) in sentence_concepts(sentence) {
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
            let sentence = &docs[cand.at.doc].sentences[cand.at.sentence];
            let mut mine = Vec::new();
            let mut mine_ends = Vec::new();
            for (c, end) in sentence_concepts(sentence) {
                let Some(in_docs) = first_seen.get(&c) else { continue };
                if in_docs.len() < min_docs {
                    continue;
                }
                let id = match ids.get(&c) {
                    Some(&id) => id,
                    None => {
                        let id = weights.len() as u32;
                        let w = weight(in_docs) * if c.contains(' ') { 1.0 } else { knob("UNI", 0.0) };
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

/// The fewest articles a concept must appear in to count: three of ten, as ICSISumm, and
/// fewer for small stories so that two articles still agree on something.
fn min_docs(n: usize) -> usize {
    ((n as f64 * knob("MINDF", 0.3)).round() as usize).clamp(1, knob("MAXMINDF", 3.0) as usize)
}

/// A concept's worth: one per article that has it, plus a bonus for early mentions.
fn weight(in_docs: &HashMap<usize, usize>) -> f64 {
    let b = knob("POS", 1.0);
    in_docs.values().map(|&pos| 1.0 + b / (1.0 + pos as f64)).sum()
}
