//! Fuse: one story's analysed articles become one brief.
//!
//! Everything here compares outlets: which sentences several of them support (`support`), which
//! quotes are the same statement (`quotes`), which figures count the same thing and whether they
//! agree (`figures`), which names are the same entity (`names`), what only one outlet reports, and
//! when things happened (`timeline`). The summary (`summary`) is chosen under a word budget and
//! every sentence lists every article that supports it.

mod exclusives;
mod figures;
mod names;
mod quotes;
pub mod summary;
mod support;
mod timeline;

use parallax_core::{Analyzed, Brief, BriefArticle, Diagnostic, SummarySentence, BRIEF_SCHEMA};

pub use summary::{summarize, SentenceRef, SummaryConfig};
pub use support::SupportIndex;
pub use timeline::story_date;

/// Settings for fusing a story.
#[derive(Debug, Clone)]
pub struct FuseConfig {
    /// The summary's settings, among them its word budget.
    pub summary: SummaryConfig,
    /// Share of a sentence's weighted content another article must say for it to count as support.
    pub support_threshold: f64,
    /// Shortest sentence, in words, listed as a detail only one outlet reports.
    pub exclusive_min_words: usize,
    /// Share of a supported sentence's weighted content found in no other article that still makes
    /// it a detail of its own outlet.
    pub novel_share: f64,
}

impl Default for FuseConfig {
    fn default() -> Self {
        Self {
            summary: SummaryConfig::default(),
            support_threshold: 0.4,
            exclusive_min_words: 6,
            novel_share: 0.3,
        }
    }
}

/// Fuses the articles of one story into its brief. `diagnostics` are passed through.
pub fn fuse(docs: &[Analyzed], diagnostics: Vec<Diagnostic>, config: &FuseConfig) -> Brief {
    let index = SupportIndex::new(docs);
    let names = names::NameIndex::new(docs);
    let id = |d: usize| docs[d].article.id.clone();

    let mut summary: Vec<(usize, SummarySentence)> = summarize(docs, &config.summary)
        .into_iter()
        .filter_map(|r| {
            let sentence = docs.get(r.doc)?.sentences.get(r.sentence)?;
            let sources: Vec<String> = index
                .supporters(r.doc, r.sentence, config.support_threshold)
                .into_iter()
                .map(id)
                .collect();
            let (text, original) = match r.text {
                Some(short) if short != sentence.text => (short, Some(sentence.text.clone())),
                _ => (sentence.text.clone(), None),
            };
            Some((
                sources.len(),
                SummarySentence {
                    text,
                    sources,
                    original,
                },
            ))
        })
        .collect();
    // Lead with what most outlets report.
    summary.sort_by_key(|s| std::cmp::Reverse(s.0));

    let exclusives = exclusives::exclusives(docs, &index, config);

    Brief {
        schema: BRIEF_SCHEMA.to_string(),
        title: story_title(docs, &index),
        articles: docs
            .iter()
            .map(|d| BriefArticle::from(&d.article))
            .collect(),
        summary: summary.into_iter().map(|(_, s)| s).collect(),
        quotes: quotes::group_quotes(docs, &names),
        figures: figures::group_figures(docs, &index),
        exclusives,
        timeline: timeline::timeline(docs, &index),
        entities: names.entities(docs),
        diagnostics: diagnostics
            .into_iter()
            .chain(docs.iter().flat_map(|d| d.diagnostics.iter().cloned()))
            .collect(),
    }
}

/// The headline that shares most with the other articles, else the best-supported first sentence.
fn story_title(docs: &[Analyzed], index: &SupportIndex) -> String {
    let titled = docs
        .iter()
        .filter_map(|d| d.article.title.as_deref().map(|t| (d, t)));
    let best = titled
        .map(|(d, t)| {
            let sentence = parallax_analyze::sentences_of(t);
            let score: f64 = sentence
                .first()
                .map(|s| {
                    let set = index.set_of(s);
                    docs.iter()
                        .filter(|o| o.article.id != d.article.id)
                        .map(|o| {
                            let oi = docs
                                .iter()
                                .position(|x| x.article.id == o.article.id)
                                .unwrap_or(0);
                            index.sets[oi]
                                .iter()
                                .map(|b| index.coverage(&set, b))
                                .fold(0.0, f64::max)
                        })
                        .sum()
                })
                .unwrap_or(0.0);
            (score, t)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((_, t)) => t.to_string(),
        None => docs
            .iter()
            .flat_map(|d| d.sentences.first())
            .next()
            .map(|s| {
                s.text
                    .split_whitespace()
                    .take(14)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_else(|| "Untitled story".to_string()),
    }
}
