//! Quote groups: the same statement as each outlet quotes it, matched by speaker and wording.

use std::collections::{BTreeMap, HashSet};

use parallax_analyze::tokens::tokenize;
use parallax_core::{Analyzed, BriefQuote, QuoteVariant, Speaker};

use crate::names::NameIndex;

/// Share of the shorter quote's content words the longer one must contain to be the same quote.
const SAME_QUOTE: f64 = 0.5;

struct Item<'a> {
    doc: usize,
    text: &'a str,
    speaker: Option<String>,
    title: Option<&'a str>,
    terms: HashSet<String>,
}

/// Groups the quotes of all articles.
pub fn group_quotes(docs: &[Analyzed], names: &NameIndex) -> Vec<BriefQuote> {
    let mut items = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for q in &doc.quotes {
            let (_, _, terms) = tokenize(&q.text);
            items.push(Item {
                doc: d,
                text: &q.text,
                speaker: q.speaker.as_ref().map(|s| speaker_name(s, names)),
                title: q.speaker.as_ref().and_then(|s| s.title.as_deref()),
                terms: terms.into_iter().collect(),
            });
        }
    }
    let mut parent: Vec<usize> = (0..items.len()).collect();
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            if same_quote(&items[i], &items[j]) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut out: Vec<(usize, usize, BriefQuote)> = groups
        .into_values()
        .map(|members| {
            let speaker = most_common(members.iter().filter_map(|&m| items[m].speaker.clone()));
            let title = most_common(
                members
                    .iter()
                    .filter_map(|&m| items[m].title.map(str::to_string)),
            );
            let mut variants: Vec<QuoteVariant> = Vec::new();
            for &m in &members {
                let v = QuoteVariant {
                    text: items[m].text.to_string(),
                    article: docs[items[m].doc].article.id.clone(),
                };
                if !variants.contains(&v) {
                    variants.push(v);
                }
            }
            let outlets = members
                .iter()
                .map(|&m| items[m].doc)
                .collect::<HashSet<_>>()
                .len();
            (
                outlets,
                members[0],
                BriefQuote {
                    speaker,
                    speaker_title: title,
                    variants,
                },
            )
        })
        .collect();
    out.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    out.into_iter().map(|(_, _, q)| q).collect()
}

fn speaker_name(s: &Speaker, names: &NameIndex) -> String {
    if s.named {
        names.canonical(&s.name).to_string()
    } else {
        s.name.clone()
    }
}

fn same_quote(a: &Item<'_>, b: &Item<'_>) -> bool {
    if let (Some(x), Some(y)) = (&a.speaker, &b.speaker) {
        if x != y {
            return false;
        }
    }
    let shared = a.terms.intersection(&b.terms).count();
    let smaller = a.terms.len().min(b.terms.len());
    if smaller == 0 || shared < 2.min(smaller) {
        return false;
    }
    let containment = shared as f64 / smaller as f64;
    let needed = if a.speaker.is_some() && b.speaker.is_some() {
        SAME_QUOTE
    } else {
        0.8
    };
    containment >= needed
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The most frequent value, the first seen winning ties.
pub fn most_common(values: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some((_, c)) => *c += 1,
            None => counts.push((v, 1)),
        }
    }
    let best = counts.iter().map(|(_, c)| *c).max()?;
    counts.into_iter().find(|(_, c)| *c == best).map(|(v, _)| v)
}
