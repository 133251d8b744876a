//! The summary of a story: the sentences, across all its articles, that best cover what the
//! articles report, under a word budget.
//!
//! This is concept coverage in the manner of ICSISumm (Gillick and Favre, 2009): concepts are
//! stemmed word bigrams, a concept is worth the number of articles that report it (content many
//! outlets carry is central), and the summary is the set of sentences that covers the most
//! concept weight within the budget, each concept counted once (which is the redundancy control).
//! Concepts first met early in an article weigh more, as news puts the essentials first, and
//! content words count too, at a lower weight. Sentences are compressed first (attributions,
//! weekdays, parentheticals and discourse openers dropped) so that more content fits.
//! The set is found greedily by gain per word and then improved by swapping sentences while that
//! helps.
//! Everything is deterministic: ties break on article and sentence order.

mod candidates;
mod compress;
mod concepts;
mod select;

use parallax_core::Analyzed;

/// How the summary is chosen.
#[derive(Debug, Clone)]
pub struct SummaryConfig {
    /// The word budget, counted as whitespace-separated words of the sentences as written.
    pub words: usize,
    /// Whether one last sentence may run past the budget. Evaluations that cut summaries at the
    /// budget (as ROUGE does) use this to fill the budget to the last word.
    pub overflow: bool,
    /// Sentences shorter than this many words are not used.
    pub min_sentence_words: usize,
    /// Sentences longer than this many words are not used.
    pub max_sentence_words: usize,
    /// Whether sentences are compressed (attributions, weekdays, parentheticals dropped).
    pub compress: bool,
}

impl Default for SummaryConfig {
    fn default() -> Self {
        Self {
            words: 120,
            overflow: false,
            min_sentence_words: 8,
            max_sentence_words: 55,
            compress: true,
        }
    }
}

/// One sentence of the summary: an index into the articles and into that article's sentences.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SentenceRef {
    /// Index of the article in the input.
    pub doc: usize,
    /// Index of the sentence in `docs[doc].sentences`.
    pub sentence: usize,
    /// The sentence as the summary gives it, when compression shortened it.
    pub text: Option<String>,
}

/// Chooses the summary of the articles of one story, in the order it should be read.
pub fn summarize(docs: &[Analyzed], config: &SummaryConfig) -> Vec<SentenceRef> {
    let pool = candidates::collect(docs, config);
    if pool.is_empty() {
        return Vec::new();
    }
    let space = concepts::Space::build(docs, &pool);
    let chosen = select::select(&pool, &space, config);
    order(docs, &pool, chosen)
}

/// Reading order: the budgeted sentences by article date and position, then the overflow one.
fn order(docs: &[Analyzed], pool: &[candidates::Candidate], chosen: select::Chosen) -> Vec<SentenceRef> {
    let at = |i: usize| SentenceRef { text: pool[i].text.clone(), ..pool[i].at.clone() };
    let mut main: Vec<SentenceRef> = chosen.main.iter().map(|&i| at(i)).collect();
    main.sort_by_key(|r| (docs[r.doc].article.published, r.doc, r.sentence));
    main.extend(chosen.overflow.map(at));
    main
}

#[doc(hidden)]
pub fn knob(name: &str, default: f64) -> f64 {
    static KNOBS: std::sync::LazyLock<std::collections::HashMap<String, f64>> = std::sync::LazyLock::new(|| {
        std::env::vars().filter_map(|(k, v)| Some((k.strip_prefix("PX_")?.to_string(), v.parse().ok()?))).collect()
    });
    KNOBS.get(name).copied().unwrap_or(default)
}
