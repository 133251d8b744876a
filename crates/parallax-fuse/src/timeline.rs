//! The timeline: dated happenings, relative dates resolved against each article's date (or the
//! story's, for an article without one), merged across outlets when they tell the same thing.

use std::collections::HashMap;

use chrono::NaiveDate;
use parallax_core::{Analyzed, TimelineEntry};

use crate::support::SupportIndex;

/// Two outlets' dated sentences are the same happening above this overlap.
const SAME_HAPPENING: f64 = 0.3;

/// The date most articles carry: the anchor for articles without one.
pub fn story_date(docs: &[Analyzed]) -> Option<NaiveDate> {
    let mut counts: HashMap<NaiveDate, usize> = HashMap::new();
    for d in docs.iter().filter_map(|d| d.article.published) {
        *counts.entry(d).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(d, _)| d)
}

/// Builds the timeline of a story.
pub fn timeline(docs: &[Analyzed], index: &SupportIndex) -> Vec<TimelineEntry> {
    let anchor = story_date(docs);
    let mut items: Vec<(TimelineEntry, usize, usize)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let Some(anchor) = doc.article.published.or(anchor) else {
            continue;
        };
        for m in &doc.dates {
            let Some((date, precision)) = m.resolve(anchor) else {
                continue;
            };
            let Some(sentence) = doc.sentences.get(m.sentence) else {
                continue;
            };
            if items
                .iter()
                .any(|(e, dd, s)| *dd == d && *s == m.sentence && e.date == date)
            {
                continue;
            }
            let entry = TimelineEntry {
                date,
                precision,
                when: m.text.clone(),
                text: sentence.text.clone(),
                sources: vec![doc.article.id.clone()],
            };
            items.push((entry, d, m.sentence));
        }
    }
    // Merge the same happening told by several outlets into the first telling.
    let mut merged: Vec<(TimelineEntry, Vec<(usize, usize)>)> = Vec::new();
    for (entry, d, s) in items {
        let same = merged.iter_mut().find(|(e, members)| {
            e.date == entry.date
                && e.precision == entry.precision
                && members.iter().all(|&(md, _)| md != d)
                && members.iter().any(|&(md, ms)| {
                    let a = &index.sets[d][s];
                    let b = &index.sets[md][ms];
                    index.coverage(a, b).max(index.coverage(b, a)) >= SAME_HAPPENING
                })
        });
        match same {
            Some((e, members)) => {
                e.sources.push(docs[d].article.id.clone());
                members.push((d, s));
            }
            None => merged.push((entry, vec![(d, s)])),
        }
    }
    let mut out: Vec<TimelineEntry> = merged.into_iter().map(|(e, _)| e).collect();
    out.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.precision.cmp(&b.precision))
            .then(b.sources.len().cmp(&a.sources.len()))
    });
    out
}
