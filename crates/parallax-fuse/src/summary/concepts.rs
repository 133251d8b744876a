//! Concepts and their weights: stemmed bigrams that are not made of stopwords alone, and content
//! words at a lower weight, worth the square of the number of articles that report them, more
//! when an article reports them early.

use foldhash::{HashMap, HashMapExt};

use parallax_core::Analyzed;

use super::candidates::Candidate;

/// Extra worth of a concept an article reports in its first sentence.
const POSITION_BONUS: f64 = 2.0;

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

/// Small integer ids for stems, so that concepts are pairs of numbers rather than strings.
struct Stems<'a>(HashMap<&'a str, u32>);

impl<'a> Stems<'a> {
    fn id(&mut self, stem: &'a str) -> u32 {
        let next = self.0.len() as u32;
        *self.0.entry(stem).or_insert(next)
    }
}

/// A concept: a bigram of stem ids, or a single stem id with `u32::MAX` as its second half.
type Concept = u64;

fn concept(a: u32, b: u32) -> Concept {
    (u64::from(a) << 32) | u64::from(b)
}

fn is_bigram(c: Concept) -> bool {
    c & 0xffff_ffff != u64::from(u32::MAX)
}

/// The buffers [`sentence_concepts`] works in, kept from one sentence to the next.
#[derive(Default)]
struct Scratch {
    /// The sentence's content terms, as stem ids.
    terms: Vec<u32>,
    /// Its words, as stem ids.
    words: Vec<u32>,
    /// Whether each word is a content term.
    content: Vec<bool>,
}

/// The concepts of one sentence in word order, each with the index of its last word.
///
/// The list is allocated at its exact length: every sentence's list is kept until the concept
/// space is built, and each 4 KiB page they fill first costs a page fault.
fn sentence_concepts<'a>(
    stems: &'a [String],
    terms: &'a [String],
    ids: &mut Stems<'a>,
    scratch: &mut Scratch,
) -> Vec<(Concept, usize)> {
    let Scratch {
        terms: term_ids,
        words,
        content,
    } = scratch;
    term_ids.clear();
    term_ids.extend(terms.iter().map(|t| ids.id(t)));
    words.clear();
    words.extend(stems.iter().map(|s| ids.id(s)));
    content.clear();
    content.extend(words.iter().map(|w| term_ids.contains(w)));
    let bigrams = content.windows(2).filter(|w| w[0] || w[1]).count();
    let unigrams = content.iter().filter(|&&c| c).count();
    let mut out = Vec::with_capacity(bigrams + unigrams);
    for i in 1..words.len() {
        if content[i - 1] || content[i] {
            out.push((concept(words[i - 1], words[i]), i));
        }
    }
    for (i, &w) in words.iter().enumerate() {
        if content[i] {
            out.push((concept(w, u32::MAX), i));
        }
    }
    out
}

impl Space {
    /// Extracts the concepts of every sentence and weighs them over all articles.
    pub(crate) fn build(docs: &[Analyzed], pool: &[Candidate]) -> Self {
        let words: usize = docs
            .iter()
            .flat_map(|d| &d.sentences)
            .map(|s| s.stems.len())
            .sum();
        let mut stems = Stems(HashMap::with_capacity(words / 4));
        // Each sentence's concepts, read once: a whole sentence in the pool has these too.
        let mut of_sentence: Vec<Vec<Vec<(Concept, usize)>>> = Vec::with_capacity(docs.len());
        let mut scratch = Scratch::default();
        for doc in docs {
            let mut of_doc = Vec::with_capacity(doc.sentences.len());
            for sentence in &doc.sentences {
                of_doc.push(sentence_concepts(
                    &sentence.stems,
                    &sentence.terms,
                    &mut stems,
                    &mut scratch,
                ));
            }
            of_sentence.push(of_doc);
        }
        // For each concept, how widely it is reported.
        let seen = Seen::build(&of_sentence, stems.0.len(), words);
        let min_docs = min_docs(docs.len());
        let mut ids: HashMap<Concept, u32> = HashMap::new();
        let mut weights = Vec::new();
        let mut of = Vec::with_capacity(pool.len());
        let mut ends = Vec::with_capacity(pool.len());
        // A candidate's concepts are gathered here, then kept at their exact length.
        let mut mine = Vec::new();
        let mut mine_ends = Vec::new();
        for cand in pool {
            let own;
            let concepts = match &cand.reading {
                Some(r) => {
                    own = sentence_concepts(&r.stems, &r.terms, &mut stems, &mut scratch);
                    &own
                }
                None => of_sentence
                    .get(cand.at.doc)
                    .and_then(|d| d.get(cand.at.sentence))
                    .map_or(&[][..], Vec::as_slice),
            };
            mine.clear();
            mine_ends.clear();
            for &(c, end) in concepts {
                let Some(reach) = seen.get(c) else {
                    continue;
                };
                if (reach.docs as usize) < min_docs {
                    continue;
                }
                let id = *ids.entry(c).or_insert_with(|| {
                    let scale = if is_bigram(c) { 1.0 } else { UNIGRAM_WEIGHT };
                    weights.push(reach.weight() * scale);
                    (weights.len() - 1) as u32
                });
                if !mine.contains(&id) {
                    mine.push(id);
                    mine_ends.push(end);
                }
            }
            of.push(mine.to_vec());
            ends.push(mine_ends.to_vec());
        }
        Self { weights, of, ends }
    }
}

/// How widely each concept of the articles is reported: a table from concept to the index of its
/// [`Reach`], keyed by four bytes when every stem id fits in sixteen bits (a story has a few
/// thousand stems), by eight otherwise. The table has a slot for every word of the story, and
/// each page of it the process touches first costs a page fault: eight bytes a slot rather than
/// twenty-four halve what it touches.
enum Seen {
    /// Concepts as `a << 16 | b`, a single stem with `0xffff` as its second half.
    Narrow(HashMap<u32, u32>, Vec<Reach>),
    /// Concepts as they are.
    Wide(HashMap<Concept, u32>, Vec<Reach>),
}

impl Seen {
    /// The reach of every concept of `of_sentence` (by article, by sentence), whose stems have
    /// ids below `stems`, sized for `words` words.
    fn build(of_sentence: &[Vec<Vec<(Concept, usize)>>], stems: usize, words: usize) -> Self {
        // `words` bounds the story's distinct concepts closely enough (each word opens at most a
        // bigram and a single): sized for them from the start, the list of reaches is not copied
        // into a table twice as large, on fresh pages, each time it fills.
        fn fill<K: std::hash::Hash + Eq>(
            of_sentence: &[Vec<Vec<(Concept, usize)>>],
            index: &mut HashMap<K, u32>,
            key: impl Fn(Concept) -> Option<K>,
            words: usize,
        ) -> Vec<Reach> {
            let mut reach: Vec<Reach> = Vec::with_capacity(words);
            for (d, of_doc) in of_sentence.iter().enumerate() {
                for (s, concepts) in of_doc.iter().enumerate() {
                    for &(c, _) in concepts {
                        let Some(k) = key(c) else { continue };
                        let next = reach.len() as u32;
                        let i = *index.entry(k).or_insert(next) as usize;
                        if i == reach.len() {
                            reach.push(Reach::default());
                        }
                        if let Some(r) = reach.get_mut(i) {
                            r.add(d, s);
                        }
                    }
                }
            }
            reach
        }
        if stems < usize::from(NARROW_SINGLE) {
            let mut index = HashMap::with_capacity(words);
            let reach = fill(of_sentence, &mut index, narrow, words);
            Self::Narrow(index, reach)
        } else {
            let mut index = HashMap::with_capacity(words);
            let reach = fill(of_sentence, &mut index, Some, words);
            Self::Wide(index, reach)
        }
    }

    /// How widely concept `c` is reported; `None` if no article has it.
    fn get(&self, c: Concept) -> Option<&Reach> {
        let i = match self {
            Self::Narrow(index, _) => index.get(&narrow(c)?),
            Self::Wide(index, _) => index.get(&c),
        };
        let reach = match self {
            Self::Narrow(_, reach) | Self::Wide(_, reach) => reach,
        };
        reach.get(*i? as usize)
    }
}

/// The second half of a narrow single-stem concept.
const NARROW_SINGLE: u16 = u16::MAX;

/// Concept `c` in four bytes, if both its stem ids fit in sixteen bits (below [`NARROW_SINGLE`]):
/// a stem met only after the table was built has none, and no article has its concepts.
fn narrow(c: Concept) -> Option<u32> {
    let (a, b) = ((c >> 32) as u32, (c & 0xffff_ffff) as u32);
    let half = |x: u32| u16::try_from(x).ok().filter(|&x| x != NARROW_SINGLE);
    let b = if b == u32::MAX {
        NARROW_SINGLE
    } else {
        half(b)?
    };
    Some(u32::from(half(a)?) << 16 | u32::from(b))
}

/// The fewest articles a concept must appear in to count: a fifth of them (two of ten), at
/// least one, and never more than three (ICSISumm's threshold), so that large stories keep
/// concepts that several outlets share.
fn min_docs(n: usize) -> usize {
    ((n as f64 * 0.2).round() as usize).clamp(1, 3)
}

/// How widely a concept is reported: the articles that have it and the worth of its earliest
/// mention in each, added up article by article as they are met (in article order).
///
/// Sixteen bytes: the table of every concept of a story holds one per concept (some ten thousand
/// in ten articles), and each page of it the process touches first costs a page fault.
#[derive(Debug, Default)]
struct Reach {
    /// One past the last article counted (0: none yet).
    last_doc: u32,
    /// Articles that have it.
    docs: u32,
    /// The worth of its mentions, one per article.
    mentions: f64,
}

impl Reach {
    /// A mention in sentence `sentence` of article `doc`; only an article's first counts.
    fn add(&mut self, doc: usize, sentence: usize) {
        // Articles past `u32::MAX - 1` share one mark; no story comes near it.
        let mark = u32::try_from(doc).map_or(u32::MAX, |d| d.saturating_add(1));
        if self.last_doc != mark {
            self.last_doc = mark;
            self.docs = self.docs.saturating_add(1);
            self.mentions += 1.0 + POSITION_BONUS / (1.0 + sentence as f64);
        }
    }

    /// A concept's worth: one per article that has it, plus a bonus for early mentions that
    /// halves with each sentence further from the lead (`bonus / (1 + position)`), all times the
    /// number of articles that have it. Worth thus grows with the square of how widely a concept
    /// is reported: what most outlets carry is the story, and a detail a few outlets open with
    /// does not outweigh it.
    fn weight(&self) -> f64 {
        self.mentions * f64::from(self.docs)
    }
}

#[cfg(test)]
mod tests {
    use super::{concept, narrow, Reach};

    /// Concepts of small stem ids narrow to distinct keys; one with an id that does not fit has
    /// none, rather than the key of another concept.
    #[test]
    fn narrow_keys_never_collide() {
        assert_eq!(narrow(concept(1, 2)), Some(0x0001_0002));
        assert_eq!(narrow(concept(1, u32::MAX)), Some(0x0001_ffff));
        assert_eq!(narrow(concept(0x1_0001, 2)), None);
        assert_eq!(narrow(concept(1, 0xffff)), None);
        assert_eq!(narrow(concept(0xffff, u32::MAX)), None);
    }

    /// The worth of a concept mentioned at these (article, sentence), in article order.
    fn weight(mentions: &[(usize, usize)]) -> f64 {
        let mut reach = Reach::default();
        for &(d, s) in mentions {
            reach.add(d, s);
        }
        reach.weight()
    }

    /// Whether a concept reported at `wide` (article, sentence) outweighs one reported at `early`.
    #[track_caller]
    fn check(wide: &[(usize, usize)], early: &[(usize, usize)], expected: bool) {
        assert_eq!(
            weight(wide) > weight(early),
            expected,
            "{wide:?} vs {early:?}"
        );
    }

    #[test]
    fn what_most_articles_report_outweighs_what_a_few_open_with() {
        // Four articles, mid-article, against two articles' first sentences.
        check(&[(0, 5), (1, 6), (2, 5), (3, 7)], &[(0, 0), (1, 0)], true);
        // Among as many articles, the earlier mention still weighs more.
        check(&[(0, 5), (1, 5)], &[(0, 0), (1, 0)], false);
        check(&[(0, 0), (1, 0)], &[(0, 5), (1, 5)], true);
    }
}
