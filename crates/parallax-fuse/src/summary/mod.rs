//! The summary of a story: the sentences, across all its articles, that best cover what the
//! articles report, under a word budget.
//!
//! This is concept coverage in the manner of ICSISumm (Gillick and Favre, 2009): concepts are
//! stemmed word bigrams, a concept is worth the square of the number of articles that report it
//! (content many outlets carry is central), and the summary is the set of sentences that covers
//! the most concept weight within the budget, each concept counted once (which is the redundancy
//! control). Concepts first met early in an article weigh more, as news puts the essentials
//! first, and content words count too, at a lower weight. Sentences are compressed first
//! (attributions, weekdays, parentheticals, asides between dashes and discourse openers dropped)
//! so that more content fits, and a
//! sentence with a trailing clause (", which ...") may also be taken without it.
//! The set is found greedily by gain per word and then improved by swapping sentences while that
//! helps.
//! Everything is deterministic: ties break on article and sentence order.

mod candidates;
pub(crate) mod cited;
mod compress;
mod concepts;
pub mod readable;
mod select;

use foldhash::{HashSet, HashSetExt};

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
    /// Whether sentences that open with a pronoun or demonstrative ("He", "This") are left out,
    /// since what they point back to may not be in the summary. Off by default: on DUC 2004 it
    /// costs about 0.2 ROUGE-1 and 0.4 ROUGE-2 recall.
    pub skip_dangling: bool,
    /// Whether every sentence must stand alone for a reader: connectives cut, first-person
    /// sentences given their speaker or left out, sentences that point back left out
    /// (`readable`). Briefs turn it on; evaluations against DUC references leave it off.
    pub readable: bool,
}

impl Default for SummaryConfig {
    fn default() -> Self {
        Self {
            words: 120,
            overflow: false,
            min_sentence_words: 8,
            max_sentence_words: 55,
            compress: true,
            skip_dangling: false,
            readable: false,
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
    Pool::new(docs, config).summarize_around(&[], &HashSet::new())
}

/// Every sentence the summary may use, as it would give it (compressed, made to stand alone),
/// in article and sentence order.
pub fn usable(docs: &[Analyzed], config: &SummaryConfig) -> Vec<SentenceRef> {
    Pool::new(docs, config).usable()
}

/// The sentences a summary of a story may use and their concepts, gathered once for several
/// selections.
pub struct Pool<'a> {
    docs: &'a [Analyzed],
    config: &'a SummaryConfig,
    candidates: Vec<candidates::Candidate>,
    space: concepts::Space,
}

impl<'a> Pool<'a> {
    /// Gathers the usable sentences of the articles and weighs their concepts.
    pub fn new(docs: &'a [Analyzed], config: &'a SummaryConfig) -> Self {
        let candidates = candidates::collect(docs, config);
        let space = concepts::Space::build(docs, &candidates);
        Self {
            docs,
            config,
            candidates,
            space,
        }
    }

    /// Every sentence the summary may use, whole, as it would give it, in article and sentence
    /// order.
    pub fn usable(&self) -> Vec<SentenceRef> {
        self.candidates
            .iter()
            .filter(|c| !c.cut)
            .map(|c| SentenceRef {
                text: c.text.clone(),
                ..c.at.clone()
            })
            .collect()
    }

    /// The summary with the sentences `keep` (article, sentence) in it, whatever their length,
    /// and the sentences `leave_out` not in it; the rest of the budget goes to what covers most.
    /// Sentences the summary may not use are not kept.
    pub fn summarize_around(
        &self,
        keep: &[(usize, usize)],
        leave_out: &HashSet<(usize, usize)>,
    ) -> Vec<SentenceRef> {
        let pool = &self.candidates;
        if pool.is_empty() {
            return Vec::new();
        }
        let at = |c: &candidates::Candidate| (c.at.doc, c.at.sentence);
        let fixed: Vec<usize> = keep
            .iter()
            .filter_map(|k| pool.iter().position(|c| !c.cut && at(c) == *k))
            .collect();
        let excluded: Vec<bool> = pool.iter().map(|c| leave_out.contains(&at(c))).collect();
        let chosen = select::select(pool, &self.space, self.config, &fixed, &excluded);
        order(self.docs, pool, chosen)
    }
}

/// Reading order: the budgeted sentences by article date and position, then the overflow one.
fn order(
    docs: &[Analyzed],
    pool: &[candidates::Candidate],
    chosen: select::Chosen,
) -> Vec<SentenceRef> {
    let at = |i: usize| SentenceRef {
        text: pool[i].text.clone(),
        ..pool[i].at.clone()
    };
    let mut main: Vec<SentenceRef> = chosen.main.iter().map(|&i| at(i)).collect();
    main.sort_by_key(|r| (docs[r.doc].article.published, r.doc, r.sentence));
    main.extend(chosen.overflow.map(at));
    main
}

#[cfg(test)]
mod tests {
    use parallax_core::Analyzed;

    use super::*;

    fn doc(id: &str, text: &str) -> Analyzed {
        parallax_analyze::analyze(crate::testing::article(id, text))
    }

    fn story() -> Vec<Analyzed> {
        vec![
            doc("a", "The harbour fire destroyed three warehouses in the old port on Tuesday night. Firefighters fought the harbour fire for six hours before they brought it under control. The mayor praised the crews and promised help for the owners of the warehouses."),
            doc("b", "A harbour fire destroyed three warehouses in the old port, officials said. The cause of the harbour fire is not yet known and an inquiry has been opened. Nobody was hurt, but two firefighters were treated for smoke inhalation at the scene."),
            doc("c", "Three warehouses in the old port were destroyed by a harbour fire. Firefighters fought the blaze for six hours before it was under control. Local traders fear the losses will run into millions of dollars this year."),
        ]
    }

    fn words(docs: &[Analyzed], refs: &[SentenceRef]) -> usize {
        refs.iter()
            .map(|r| {
                r.text
                    .as_deref()
                    .unwrap_or(&docs[r.doc].sentences[r.sentence].text)
                    .split_whitespace()
                    .count()
            })
            .sum()
    }

    #[test]
    fn picks_what_several_outlets_report_within_the_budget() {
        let docs = story();
        let config = SummaryConfig {
            words: 30,
            ..SummaryConfig::default()
        };
        let refs = summarize(&docs, &config);
        assert!(!refs.is_empty());
        assert!(words(&docs, &refs) <= 30);
        let texts: Vec<&str> = refs
            .iter()
            .map(|r| {
                r.text
                    .as_deref()
                    .unwrap_or(&docs[r.doc].sentences[r.sentence].text)
            })
            .collect();
        assert!(texts.iter().any(|t| t.contains("warehouses")), "{texts:?}");
        assert!(
            !texts.iter().any(|t| t.contains("Nobody was hurt")),
            "{texts:?}"
        );
        for r in &refs {
            assert!(
                r.sentence < docs[r.doc].sentences.len(),
                "every summary sentence has a source"
            );
        }
    }

    #[test]
    fn overflow_adds_one_sentence_past_the_budget() {
        let docs = story();
        let strict = summarize(
            &docs,
            &SummaryConfig {
                words: 30,
                ..SummaryConfig::default()
            },
        );
        let loose = summarize(
            &docs,
            &SummaryConfig {
                words: 30,
                overflow: true,
                ..SummaryConfig::default()
            },
        );
        assert!(loose.len() <= strict.len() + 1);
        assert_eq!(&loose[..strict.len()], &strict[..]);
    }

    #[test]
    fn a_sentence_copied_into_another_article_is_usable_once() {
        let shared =
            "The harbour fire destroyed three warehouses in the old port on Tuesday night.";
        let docs = vec![
            doc("a", &format!("{shared} Firefighters fought the blaze for six hours before they brought it under control.")),
            doc("b", &format!("Traders fear the losses will run into millions of dollars this year. {shared}")),
        ];
        let config = SummaryConfig {
            readable: true,
            ..SummaryConfig::default()
        };
        let at: Vec<(usize, usize)> = usable(&docs, &config)
            .iter()
            .map(|r| (r.doc, r.sentence))
            .collect();
        assert_eq!(at, [(0, 0), (0, 1), (1, 0)]);
    }

    #[test]
    fn deterministic_and_empty_safe() {
        let docs = story();
        let config = SummaryConfig::default();
        assert_eq!(summarize(&docs, &config), summarize(&docs, &config));
        assert!(summarize(&[], &config).is_empty());
        assert!(summarize(&[doc("x", "Too short.")], &config).is_empty());
    }
}
