//! Which articles support which sentence: content overlap weighted by rarity, so that two outlets
//! saying the same thing in different words still count as agreeing.
//!
//! Candidates come from an inverted index of terms (postings), never from all pairs of sentences:
//! a sentence is compared only with sentences that share two of its terms. Terms in more than
//! `MAX_POSTING` sentences are too common to find candidates by (they still count in the
//! overlap), and each article contributes at most `MAX_CANDIDATES` candidates, those sharing most.

use std::cell::{OnceCell, RefCell};

use foldhash::{HashMap, HashMapExt};

use parallax_core::{Analyzed, Sentence};

/// Terms found in more sentences than this do not propose candidates.
const MAX_POSTING: usize = 2000;
/// Candidate sentences compared per article and query sentence.
const MAX_CANDIDATES: usize = 64;
/// Opening sentences of an article: where news states its main event.
pub const LEAD_SENTENCES: usize = 3;
/// Similarity enough between two opening sentences: outlets word the main event each their own
/// way, and two leads of one story that share this much report the same event.
const LEAD_THRESHOLD: f64 = 0.33;
/// Coverage of a sentence by two sentences of another article that counts as stating it.
const PAIR_THRESHOLD: f64 = 0.5;

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

/// A sentence of another article that shares terms with the sentence asked about.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    sentence: usize,
    /// How many terms it shares and their weight, when every shared term was counted.
    shared: Option<(u32, f64)>,
}

/// What one article says of a sentence: its most similar sentence and the similarity, and its
/// best pair of sentences and their coverage.
#[derive(Debug, Clone, Copy, Default)]
struct Matches {
    single: Option<(usize, f64)>,
    pair: Option<((usize, usize), f64)>,
}

thread_local! {
    /// Per sentence of the story: terms shared with the sentence asked about, and their weight.
    /// Kept between calls (and zeroed where used), so a search costs what its postings cost.
    static SHARED: RefCell<Vec<(u32, f64)>> = const { RefCell::new(Vec::new()) };
}

/// Every term of each article ([`SupportIndex::doc_terms`]): each article's terms as a sorted
/// list, and each term's articles as a sorted list (memory grows with the story's words, not
/// with its articles times its vocabulary).
#[derive(Debug, Clone)]
pub struct DocTerms {
    /// For each article, its distinct term ids in order.
    terms: Vec<Vec<u32>>,
    /// For each term id, the articles that use it, in order.
    users: Vec<Vec<u32>>,
}

impl DocTerms {
    /// Whether article `doc` uses term `t`.
    pub fn uses(&self, doc: usize, t: u32) -> bool {
        self.terms
            .get(doc)
            .is_some_and(|terms| terms.binary_search(&t).is_ok())
    }

    /// Whether no article but `doc` uses term `t` (which `doc` uses).
    fn only_in(&self, doc: usize, t: u32) -> bool {
        match self.users.get(t as usize) {
            Some(users) => users.len() <= usize::from(self.uses(doc, t)),
            None => true,
        }
    }
}

/// Term weights (inverse sentence frequency) over a story, and every sentence's term set.
#[derive(Debug)]
pub struct SupportIndex {
    weights: Vec<f64>,
    vocabulary: HashMap<String, u32>,
    terms: Vec<String>,
    /// For each term id, the sentences that use it, as positions in `located`.
    postings: Vec<Vec<u32>>,
    /// Every sentence of the story as (doc, sentence), in article and sentence order.
    located: Vec<(u32, u32)>,
    /// `sets[doc][sentence]`.
    pub sets: Vec<Vec<TermSet>>,
    /// What each article says of a sentence, once worked out: the summary and the exclusives
    /// ask about the same sentences.
    matches: RefCell<HashMap<(usize, usize), Vec<Matches>>>,
    /// Every article's terms, built when first asked for.
    article_terms: OnceCell<DocTerms>,
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
                        // Looked up before it is copied: most terms are already known.
                        if let Some(&id) = vocabulary.get(t.as_str()) {
                            return id;
                        }
                        let next = vocabulary.len() as u32;
                        vocabulary.insert(t.clone(), next);
                        next
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
        let sets: Vec<Vec<TermSet>> = raw
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
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocabulary.len()];
        let mut located: Vec<(u32, u32)> = Vec::with_capacity(n);
        for (d, doc) in sets.iter().enumerate() {
            for (i, set) in doc.iter().enumerate() {
                let at = located.len() as u32;
                located.push((d as u32, i as u32));
                for &t in &set.ids {
                    if let Some(list) = postings.get_mut(t as usize) {
                        list.push(at);
                    }
                }
            }
        }
        Self {
            weights,
            vocabulary,
            terms,
            postings,
            located,
            sets,
            matches: RefCell::new(HashMap::new()),
            article_terms: OnceCell::new(),
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

    /// The sentences of other articles that share at least two terms with sentence (`doc`,
    /// `i`), by article: at most `MAX_CANDIDATES` each, those sharing most terms first, each
    /// with the weight of the terms it shares when the postings gave all of them.
    fn candidates(&self, doc: usize, i: usize) -> Vec<Vec<Candidate>> {
        let mut by_doc: Vec<Vec<Candidate>> = vec![Vec::new(); self.sets.len()];
        let Some(a) = self.sets.get(doc).and_then(|d| d.get(i)) else {
            return by_doc;
        };
        let mut complete = true;
        let mut found: Vec<(u32, u32, f64)> = Vec::new();
        SHARED.with(|shared| {
            let mut shared = shared.borrow_mut();
            if shared.len() < self.located.len() {
                shared.resize(self.located.len(), (0, 0.0));
            }
            // Counted in place, each sentence met noted once: linear in the postings read. Terms
            // are added in id order, as `coverage` adds them, so the sums are the same.
            let mut met: Vec<u32> = Vec::with_capacity(self.located.len().min(256));
            for &t in &a.ids {
                let Some(list) = self.postings.get(t as usize) else {
                    continue;
                };
                if list.len() > MAX_POSTING {
                    complete = false;
                    continue;
                }
                let w = self.weights[t as usize];
                for &at in list {
                    let Some(slot) = shared.get_mut(at as usize) else {
                        continue;
                    };
                    if slot.0 == 0 {
                        met.push(at);
                    }
                    slot.0 += 1;
                    slot.1 += w;
                }
            }
            found.reserve(met.len());
            for at in met {
                if let Some(slot) = shared.get_mut(at as usize) {
                    if slot.0 >= 2 {
                        found.push((slot.0, at, slot.1));
                    }
                    *slot = (0, 0.0);
                }
            }
        });
        // Each article's candidates, those sharing most first, the first in the story on a tie.
        // What is made of them does not depend on their order (see `matches_among`), so only an
        // article with more than it keeps needs them sorted.
        let mut counted: Vec<Vec<(u32, u32, f64)>> = vec![Vec::new(); self.sets.len()];
        for (count, at, shared) in found {
            let Some(&(d, _)) = self.located.get(at as usize) else {
                continue;
            };
            if d as usize == doc {
                continue;
            }
            if let Some(list) = counted.get_mut(d as usize) {
                list.push((count, at, shared));
            }
        }
        for (list, out) in counted.iter_mut().zip(&mut by_doc) {
            if list.len() > MAX_CANDIDATES {
                list.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                list.truncate(MAX_CANDIDATES);
            }
            out.extend(list.iter().filter_map(|&(count, at, shared)| {
                let &(_, s) = self.located.get(at as usize)?;
                Some(Candidate {
                    sentence: s as usize,
                    shared: complete.then_some((count, shared)),
                })
            }));
        }
        by_doc
    }

    /// `coverage(a, b)` and `coverage(b, a)` of a candidate `b`, from the shared weight the
    /// candidate search summed when it has it.
    fn coverages(&self, a: &TermSet, b: &TermSet, shared: Option<(u32, f64)>) -> (f64, f64) {
        match shared {
            Some((count, weight)) if count >= 2 => {
                let of = |x: &TermSet| if x.total > 0.0 { weight / x.total } else { 0.0 };
                (of(a), of(b))
            }
            Some(_) => (0.0, 0.0),
            None => (self.coverage(a, b), self.coverage(b, a)),
        }
    }

    /// For each article, its sentence most similar to sentence (`doc`, `i`) and the similarity,
    /// and the best coverage of that sentence by two of its sentences (none for `doc` itself
    /// and for articles with no candidate). The same whatever the order of the candidates: ties
    /// go to the earlier sentence.
    fn matches_among(&self, doc: usize, i: usize, candidates: &[Vec<Candidate>]) -> Vec<Matches> {
        let Some(a) = self.sets.get(doc).and_then(|d| d.get(i)) else {
            return vec![Matches::default(); self.sets.len()];
        };
        candidates
            .iter()
            .enumerate()
            .map(|(o, list)| {
                let Some(sets) = self.sets.get(o) else {
                    return Matches::default();
                };
                let mut single: Option<(usize, f64)> = None;
                // The two candidates that cover most on their own, the earlier on a tie.
                let mut top: [Option<(usize, f64)>; 2] = [None, None];
                let above = |x: (usize, f64), y: Option<(usize, f64)>| {
                    y.is_none_or(|y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)).is_gt())
                };
                for c in list {
                    let Some(b) = sets.get(c.sentence) else {
                        continue;
                    };
                    let (forward, backward) = self.coverages(a, b, c.shared);
                    // As `similarity`: a sentence must have three terms to count as covered.
                    let sim = if b.ids.len() >= 3 {
                        forward.max(backward)
                    } else {
                        forward
                    };
                    let better = single.is_none_or(|(s, best)| {
                        sim.total_cmp(&best).then(s.cmp(&c.sentence)).is_gt()
                    });
                    if better {
                        single = Some((c.sentence, sim));
                    }
                    let x = (c.sentence, forward);
                    if above(x, top[0]) {
                        top = [Some(x), top[0]];
                    } else if above(x, top[1]) {
                        top[1] = Some(x);
                    }
                }
                let pair = match top {
                    [Some((s1, _)), Some((s2, _))] => sets
                        .get(s1)
                        .zip(sets.get(s2))
                        .map(|(b, c)| ((s1.min(s2), s1.max(s2)), self.pair_coverage(a, b, c))),
                    _ => None,
                };
                Matches { single, pair }
            })
            .collect()
    }

    /// How much of `a`'s content two sentences of another article say between them, from 0 to 1:
    /// a fact an outlet spreads over two sentences is still stated.
    pub fn pair_coverage(&self, a: &TermSet, b: &TermSet, c: &TermSet) -> f64 {
        if a.total <= 0.0 {
            return 0.0;
        }
        let (mut shared, mut count) = (0.0, 0);
        // The ids are sorted: one walk through the three lists, adding in `a`'s order.
        let (mut bi, mut ci) = (b.ids.iter().peekable(), c.ids.iter().peekable());
        for &t in &a.ids {
            let has = |ids: &mut std::iter::Peekable<std::slice::Iter<'_, u32>>| {
                while ids.next_if(|&&x| x < t).is_some() {}
                ids.peek().is_some_and(|&&x| x == t)
            };
            // Both walks advance past the smaller ids whatever the first finds.
            let (in_b, in_c) = (has(&mut bi), has(&mut ci));
            if in_b || in_c {
                shared += self.weights[t as usize];
                count += 1;
            }
        }
        if count < 3 {
            return 0.0;
        }
        shared / a.total
    }

    /// What a sentence says that no other article mentions at all.
    pub fn novelty(&self, doc: usize, i: usize, doc_terms: &DocTerms) -> Novelty<'_> {
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
            .filter(|&t| doc_terms.only_in(doc, t))
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

    /// How much of sentence (`doc`, `i`)'s weighted content article `other` says anywhere, from
    /// 0 to 1: paraphrase spread over several sentences.
    pub fn covered_by(&self, doc: usize, i: usize, doc_terms: &DocTerms, other: usize) -> f64 {
        let Some(a) = self.sets.get(doc).and_then(|d| d.get(i)) else {
            return 0.0;
        };
        if a.total <= 0.0 {
            return 0.0;
        }
        let shared: f64 = a
            .ids
            .iter()
            .filter(|&&t| doc_terms.uses(other, t))
            .map(|&t| self.weights[t as usize])
            .sum();
        shared / a.total
    }

    /// [`SupportIndex::covered_by`] of sentence (`doc`, `i`) for every article at once, by
    /// article: one walk through the articles that use each of its terms.
    pub fn covered_by_each(&self, doc: usize, i: usize, doc_terms: &DocTerms) -> Vec<f64> {
        let n = self.sets.len();
        let Some(a) = self.sets.get(doc).and_then(|d| d.get(i)) else {
            return vec![0.0; n];
        };
        if a.total <= 0.0 {
            return vec![0.0; n];
        }
        // Each article's shared weight is added in `a`'s term order, as `covered_by` adds it.
        let mut shared = vec![0.0; n];
        for &t in &a.ids {
            let w = self.weights[t as usize];
            for &o in doc_terms
                .users
                .get(t as usize)
                .map_or(&[][..], Vec::as_slice)
            {
                if let Some(x) = shared.get_mut(o as usize) {
                    *x += w;
                }
            }
        }
        for x in &mut shared {
            *x /= a.total;
        }
        shared
    }

    /// The share of the weight of `terms` (those of this story's vocabulary) that article `doc`
    /// uses anywhere, from 0 to 1; 1 when none of them is in the vocabulary.
    pub fn share_used_by<'a>(&self, doc: usize, terms: impl IntoIterator<Item = &'a str>) -> f64 {
        let article_terms = self.article_terms.get_or_init(|| self.doc_terms());
        let (mut used, mut all) = (0.0, 0.0);
        let mut seen: Vec<u32> = Vec::new();
        for t in terms {
            let Some(&id) = self.vocabulary.get(t) else {
                continue;
            };
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            let w = self.weights.get(id as usize).copied().unwrap_or(0.0);
            all += w;
            if article_terms.uses(doc, id) {
                used += w;
            }
        }
        if all > 0.0 {
            used / all
        } else {
            1.0
        }
    }

    /// Every term of each article.
    pub fn doc_terms(&self) -> DocTerms {
        let mut users: Vec<Vec<u32>> = vec![Vec::new(); self.terms.len()];
        let terms = self
            .sets
            .iter()
            .enumerate()
            .map(|(d, doc)| {
                let mut ids: Vec<u32> = doc.iter().flat_map(|s| s.ids.iter().copied()).collect();
                ids.sort_unstable();
                ids.dedup();
                for &t in &ids {
                    if let Some(u) = users.get_mut(t as usize) {
                        u.push(d as u32);
                    }
                }
                ids
            })
            .collect();
        DocTerms { terms, users }
    }

    /// Whether two sentences say the same: similar above `threshold`, or above the lower
    /// threshold of two opening sentences.
    pub fn says_same(&self, a: (usize, usize), b: (usize, usize), threshold: f64) -> bool {
        let (Some(x), Some(y)) = (
            self.sets.get(a.0).and_then(|d| d.get(a.1)),
            self.sets.get(b.0).and_then(|d| d.get(b.1)),
        ) else {
            return false;
        };
        let sim = self.similarity(x, y);
        sim >= threshold || (a.1 < LEAD_SENTENCES && b.1 < LEAD_SENTENCES && sim >= LEAD_THRESHOLD)
    }

    /// The articles that report sentence (`doc`, `i`): its own first, then the others in order,
    /// each with the sentence of it that says most the same (none for its own).
    pub fn supporters_with_match(
        &self,
        doc: usize,
        i: usize,
        threshold: f64,
    ) -> Vec<(usize, Option<usize>)> {
        if !self.matches.borrow().contains_key(&(doc, i)) {
            let found = self.matches_among(doc, i, &self.candidates(doc, i));
            self.matches.borrow_mut().insert((doc, i), found);
        }
        // Read in place: the cache holds each sentence's matches once.
        let known = self.matches.borrow();
        let matches = known.get(&(doc, i)).map_or(&[][..], Vec::as_slice);
        let mut out = Vec::with_capacity(matches.len().max(1));
        out.push((doc, None));
        for (o, m) in matches.iter().enumerate() {
            if o == doc {
                continue;
            }
            let single = m.single.filter(|&(s, sim)| {
                sim >= threshold
                    || (i < LEAD_SENTENCES && s < LEAD_SENTENCES && sim >= LEAD_THRESHOLD)
            });
            let pair = m
                .pair
                .filter(|&(_, cover)| cover >= PAIR_THRESHOLD.max(threshold));
            if let Some((s, _)) = single {
                out.push((o, Some(s)));
            } else if let Some(((s, _), _)) = pair {
                out.push((o, Some(s)));
            }
        }
        out
    }

    /// The articles that report sentence (`doc`, `i`): its own first, then the others in order.
    pub fn supporters(&self, doc: usize, i: usize, threshold: f64) -> Vec<usize> {
        self.supporters_with_match(doc, i, threshold)
            .into_iter()
            .map(|(o, _)| o)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use foldhash::HashSet;

    #[test]
    fn article_terms_answer_as_sets_of_them_do() {
        let docs: Vec<Analyzed> = [
            "A ferry sank off Bergen on Monday. Twelve passengers were rescued by the coast guard.",
            "The coast guard rescued twelve people after a ferry sank near Bergen. Divers searched.",
            "Norway's ferry operator said the vessel was inspected in May. Bergen mourned.",
        ]
        .iter()
        .enumerate()
        .map(|(k, t)| parallax_analyze::analyze(crate::testing::article(&k.to_string(), t)))
        .collect();
        let index = SupportIndex::new(&docs);
        let sets: Vec<HashSet<u32>> = index
            .sets
            .iter()
            .map(|d| d.iter().flat_map(|s| s.ids.iter().copied()).collect())
            .collect();
        let terms = index.doc_terms();
        for (doc, d) in index.sets.iter().enumerate() {
            for (i, a) in d.iter().enumerate() {
                let each = index.covered_by_each(doc, i, &terms);
                for (o, set) in sets.iter().enumerate() {
                    let shared: f64 = a
                        .ids
                        .iter()
                        .filter(|t| set.contains(t))
                        .map(|&t| index.weights[t as usize])
                        .sum();
                    let expected = if a.total > 0.0 { shared / a.total } else { 0.0 };
                    let got = index.covered_by(doc, i, &terms, o);
                    assert_eq!(got.to_bits(), expected.to_bits(), "{doc} {i} {o}");
                    // The same value, but for the sign of a zero.
                    assert_eq!(each[o], got, "{doc} {i} {o}");
                }
                let novel: Vec<&str> = a
                    .ids
                    .iter()
                    .filter(|t| (0..sets.len()).all(|o| o == doc || !sets[o].contains(t)))
                    .map(|&t| index.terms[t as usize].as_str())
                    .collect();
                if a.total > 0.0 {
                    assert_eq!(index.novelty(doc, i, &terms).terms, novel, "{doc} {i}");
                }
            }
        }
    }
}
