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
        Article {
            id: id.into(),
            source: id.into(),
            outlet: None,
            wire: vec![],
            title: None,
            authors: vec![],
            published: None,
            url: None,
            language: "en".into(),
            text: text.into(),
            removed: vec![],
        }
    }
}

use std::collections::HashSet;

use parallax_core::{Analyzed, Brief, BriefArticle, Diagnostic, SummarySentence, BRIEF_SCHEMA};

pub use summary::{summarize, SentenceRef, SummaryConfig};
pub use support::SupportIndex;
use support::LEAD_SENTENCES;
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
    let index = SupportIndex::new(docs);
    let names = names::NameIndex::new(docs);
    let copy_of = copies(docs);
    let id = |d: usize| docs[d].article.id.clone();

    let rank = |r: SentenceRef| -> Option<Ranked> {
        let sentence = docs.get(r.doc)?.sentences.get(r.sentence)?;
        let shown = r.text.clone().unwrap_or_else(|| sentence.text.clone());
        let matched = citations::verified_supporters(
            docs,
            &index,
            r.doc,
            r.sentence,
            &shown,
            config.support_threshold,
        );
        let supporters: Vec<usize> = matched.iter().map(|m| m.0).collect();
        // Outlets that report its content, whatever figures they give: what makes news main.
        let reported: HashSet<usize> = index
            .supporters(r.doc, r.sentence, config.support_threshold)
            .into_iter()
            .map(|d| copy_of[d])
            .collect();
        let independent: HashSet<usize> = supporters.iter().map(|&d| copy_of[d]).collect();
        // How many articles say it in their opening sentences: the main news.
        let lead = matched
            .iter()
            .filter(|m| m.1.unwrap_or(r.sentence) < LEAD_SENTENCES)
            .count();
        let mut groups: Vec<Vec<String>> = Vec::new();
        for &o in &independent {
            let members: Vec<String> = supporters
                .iter()
                .filter(|&&d| copy_of[d] == o)
                .map(|&d| id(d))
                .collect();
            if members.len() > 1 {
                groups.push(members);
            }
        }
        groups.sort();
        let original = (shown != sentence.text).then(|| sentence.text.clone());
        Some(Ranked {
            reported: reported.len(),
            independent: independent.len(),
            lead,
            words: shown.split_whitespace().count(),
            at: (r.doc, r.sentence),
            sentence: SummarySentence {
                text: shown,
                sources: supporters.into_iter().map(id).collect(),
                original,
                copies: groups,
            },
        })
    };
    let mut ranked: Vec<Ranked> = summarize(docs, &config.summary)
        .into_iter()
        .filter_map(rank)
        .collect();
    // Lead with the main news: of the opening sentences, the one most independent outlets
    // report (even where they give different figures), most of them in their own opening
    // sentences.
    let openers = summary::usable(docs, &config.summary)
        .into_iter()
        .filter(|r| r.sentence < LEAD_SENTENCES)
        .filter_map(rank);
    let key = |r: &Ranked| {
        (
            r.reported,
            r.lead,
            std::cmp::Reverse(r.at.1),
            std::cmp::Reverse(r.at.0),
        )
    };
    let lead = openers
        .chain(ranked.iter().map(|r| Ranked {
            sentence: r.sentence.clone(),
            ..*r
        }))
        .max_by(|a, b| key(a).cmp(&key(b)));
    ranked.sort_by_key(|r| std::cmp::Reverse(r.independent));
    if let Some(lead) = lead {
        ranked.retain(|r| r.at != lead.at);
        ranked.insert(0, lead);
    }
    // No fact twice: a sentence that says what one placed before it says is left out.
    let mut kept: Vec<Ranked> = Vec::new();
    let mut words = 0;
    for r in ranked {
        let repeats = kept
            .iter()
            .any(|k| index.says_same(r.at, k.at, config.support_threshold));
        // The lead may push the summary past its budget: the least supported give way.
        let fits = kept.is_empty() || words + r.words <= config.summary.words;
        if !repeats && fits {
            words += r.words;
            kept.push(r);
        }
    }

    let exclusives = exclusives::exclusives(docs, &index, config, &copy_of);

    Brief {
        schema: BRIEF_SCHEMA.to_string(),
        title: story_title(docs, &index),
        articles: docs
            .iter()
            .map(|d| BriefArticle::from(&d.article))
            .collect(),
        summary: kept.into_iter().map(|r| r.sentence).collect(),
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

/// A summary sentence with what ranks it.
struct Ranked {
    /// Articles that report its content, copies counted once, whether or not they give the same
    /// figures.
    reported: usize,
    /// Supporting articles, wire copies of one story counted once.
    independent: usize,
    /// Supporting articles that say it in their opening sentences.
    lead: usize,
    /// Its length in words.
    words: usize,
    /// Its article and sentence.
    at: (usize, usize),
    sentence: SummarySentence,
}

/// For each article, the index of the article it is a copy of (itself when it is no copy), as
/// the grouping stage's copy detection finds them.
fn copies(docs: &[Analyzed]) -> Vec<usize> {
    let group_docs: Vec<parallax_group::GroupDoc> = docs
        .iter()
        .map(|d| parallax_group::GroupDoc::from(&d.article))
        .collect();
    let grouping = parallax_group::group(&group_docs, &parallax_group::GroupConfig::default());
    (0..docs.len())
        .map(|d| {
            grouping
                .placements
                .get(d)
                .and_then(|p| p.duplicate_of)
                .filter(|&o| o < docs.len())
                .unwrap_or(d)
        })
        .collect()
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
