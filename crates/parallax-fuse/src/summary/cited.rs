//! The summary as a brief gives it: the main news first (the opening sentence most outlets
//! report), every sentence with the articles that support it, no fact twice, within the budget.
//! The lead is chosen before the rest, so that the coverage selection spends the rest of the
//! budget around it; a sentence that repeats one placed before it is left out and its place
//! chosen again.

use foldhash::{HashSet, HashSetExt};
use std::cmp::Reverse;

use parallax_core::{Analyzed, SummarySentence};

use super::{Pool, SentenceRef};
use crate::citations;
use crate::quotes::QuotedBy;
use crate::support::{SupportIndex, LEAD_SENTENCES};
use crate::FuseConfig;

/// How many times the selection is made again after sentences that repeat others are left out.
const ROUNDS: usize = 4;

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

/// The brief's summary of a story's articles. `copy_of` maps each article to the one it copies
/// (itself when none).
pub(crate) fn cited_summary(
    docs: &[Analyzed],
    index: &SupportIndex,
    copy_of: &[usize],
    config: &FuseConfig,
    quoted_by: &QuotedBy,
) -> Vec<SummarySentence> {
    let copy = |d: usize| copy_of.get(d).copied().unwrap_or(d);
    let rank = |r: SentenceRef| -> Option<Ranked> {
        let sentence = docs.get(r.doc)?.sentences.get(r.sentence)?;
        let shown = r.text.clone().unwrap_or_else(|| sentence.text.clone());
        let matched = citations::verified_supporters(
            docs,
            index,
            r.doc,
            r.sentence,
            &shown,
            config.support_threshold,
            quoted_by,
        );
        let supporters: Vec<usize> = matched.iter().map(|m| m.0).collect();
        // Outlets that report its content, whatever figures they give: what makes news main.
        let reported: HashSet<usize> = index
            .supporters(r.doc, r.sentence, config.support_threshold)
            .into_iter()
            .map(copy)
            .collect();
        let independent: HashSet<usize> = supporters.iter().map(|&d| copy(d)).collect();
        // How many articles say it in their opening sentences: the main news.
        let lead = matched
            .iter()
            .filter(|m| m.1.unwrap_or(r.sentence) < LEAD_SENTENCES)
            .count();
        let id = |d: usize| {
            docs.get(d)
                .map_or_else(String::new, |x| x.article.id.clone())
        };
        let mut groups: Vec<Vec<String>> = Vec::new();
        for &o in &independent {
            let members: Vec<String> = supporters
                .iter()
                .filter(|&&d| copy(d) == o)
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
    // Lead with the main news: of the opening sentences, the one most independent outlets
    // report (even where they give different figures); of those, the one most of them are cited
    // for, then most of them in their own opening sentences.
    let key = |r: &Ranked| {
        (
            r.reported,
            r.independent,
            r.lead,
            Reverse(r.at.1),
            Reverse(r.at.0),
        )
    };
    let pool = Pool::new(docs, &config.summary);
    let lead = pool
        .usable()
        .into_iter()
        .filter(|r| r.sentence < LEAD_SENTENCES)
        .filter_map(rank)
        .max_by(|a, b| key(a).cmp(&key(b)));
    let keep: Vec<(usize, usize)> = lead.iter().map(|l| l.at).collect();

    let mut leave_out: HashSet<(usize, usize)> = HashSet::new();
    let mut kept: Vec<Ranked> = Vec::new();
    for _ in 0..ROUNDS {
        let mut ranked: Vec<Ranked> = pool
            .summarize_around(&keep, &leave_out)
            .into_iter()
            .filter_map(rank)
            .collect();
        // The lead first, then the best supported; ties in reading order.
        ranked.sort_by_key(|r| (!keep.contains(&r.at), Reverse(r.independent)));
        // No fact twice: a sentence that says what one placed before it says is left out.
        kept.clear();
        let mut words = 0;
        let mut repeated = false;
        for r in ranked {
            let repeats = kept
                .iter()
                .any(|k| index.says_same(r.at, k.at, config.support_threshold));
            let fits = kept.is_empty() || words + r.words <= config.summary.words;
            if repeats {
                repeated = true;
                leave_out.insert(r.at);
            } else if fits {
                words += r.words;
                kept.push(r);
            }
        }
        if !repeated {
            break;
        }
    }
    kept.into_iter().map(|r| r.sentence).collect()
}
