//! Fuse: one story's analysed articles become one brief.
//!
//! Everything here compares outlets: which sentences several of them support (`support`), which
//! quotes are the same statement (`quotes`), which figures count the same thing and whether they
//! agree (`figures`), which names are the same entity (`names`), what only one outlet reports, and
//! when things happened (`timeline`). The summary (`summary`) is chosen under a word budget and
//! every sentence lists every article that supports it.

mod citations;
mod exclusives;
mod figures;
mod names;
mod quotes;
pub mod summary;
mod support;
mod timeline;

/// What the tests of fuse's modules build their stories from.
#[cfg(test)]
mod testing {
    use parallax_core::Article;

    /// An English article of plain text, with nothing else known about it.
    pub(crate) fn article(id: &str, text: &str) -> Article {
        Article::new(id, text, "en")
    }
}

use parallax_core::{Analyzed, Brief, BriefArticle, Diagnostic, BRIEF_SCHEMA};

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
            summary: SummaryConfig {
                readable: true,
                skip_dangling: true,
                ..SummaryConfig::default()
            },
            support_threshold: 0.4,
            exclusive_min_words: 6,
            novel_share: 0.3,
        }
    }
}

/// Fuses the articles of one story into its brief. `diagnostics` are passed through.
pub fn fuse(docs: &[Analyzed], diagnostics: Vec<Diagnostic>, config: &FuseConfig) -> Brief {
    fuse_with_copies(docs, diagnostics, config, &group_copies(docs))
}

/// [`fuse`], with the copies among the articles already found: `copies` is what
/// `parallax_group::copies` gives for these articles with the default grouping settings (a
/// caller that grouped them has it at hand, and copy detection is not run twice).
pub fn fuse_with_copies(
    docs: &[Analyzed],
    diagnostics: Vec<Diagnostic>,
    config: &FuseConfig,
    copies: &[Option<usize>],
) -> Brief {
    let index = SupportIndex::new(docs);
    let names = names::NameIndex::new(docs);
    let copy_of = copy_of(docs.len(), copies);
    let (quotes, quoted_by) = quotes::grouped_quotes(docs, &names);
    let summary = summary::cited::cited_summary(docs, &index, &copy_of, config, &quoted_by);

    let mut exclusives = exclusives::exclusives(docs, &index, config, &copy_of, &quoted_by);
    exclusives::drop_cited(&mut exclusives, &summary);

    Brief {
        schema: BRIEF_SCHEMA.to_string(),
        title: story_title(docs, &index),
        articles: docs
            .iter()
            .map(|d| BriefArticle::from(&d.article))
            .collect(),
        summary,
        quotes,
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

/// For each of `n` articles, the index of the article it is a copy of (itself when it is no
/// copy), from the grouping stage's `copies`.
fn copy_of(n: usize, copies: &[Option<usize>]) -> Vec<usize> {
    (0..n)
        .map(|d| {
            copies
                .get(d)
                .copied()
                .flatten()
                .filter(|&o| o < n)
                .unwrap_or(d)
        })
        .collect()
}

/// `parallax_group::copies` of the articles, with the default grouping settings.
fn group_copies(docs: &[Analyzed]) -> Vec<Option<usize>> {
    // An article alone is no copy: grouping (and its thread pool) is not started for it.
    if docs.len() < 2 {
        return vec![None; docs.len()];
    }
    let group_docs: Vec<parallax_group::GroupDoc> = docs
        .iter()
        .map(|d| parallax_group::GroupDoc::from(&d.article))
        .collect();
    parallax_group::copies(&group_docs, &parallax_group::GroupConfig::default())
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
