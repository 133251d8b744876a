//! Figure groups: the numbers outlets give for the same counted thing, and whether they agree.
//!
//! Two figures count the same thing when their head nouns match and their values are close; they
//! agree when the ranges their qualifiers allow overlap ("nearly 3,000" and "more than 3,000" do not).

use std::collections::HashSet;

use parallax_core::{Analyzed, BriefFigure, Direction, Figure, FigureMention, FigureStatus};

use crate::quotes::most_common;

/// Values further apart than this ratio count different things.
const SAME_THING_RATIO: f64 = 1.3;

/// Groups the figures of all articles.
pub fn group_figures(docs: &[Analyzed]) -> Vec<BriefFigure> {
    let mut all: Vec<(usize, &Figure)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| doc.figures.iter().map(move |f| (d, f)))
        .collect();
    all.sort_by(|a, b| {
        a.1.head
            .cmp(&b.1.head)
            .then(a.1.value.total_cmp(&b.1.value))
            .then(a.0.cmp(&b.0))
    });
    let mut groups: Vec<Vec<(usize, &Figure)>> = Vec::new();
    for item in all {
        match groups.last_mut() {
            Some(g)
                if g.last().is_some_and(|(_, f)| {
                    f.head == item.1.head && item.1.value <= f.value * SAME_THING_RATIO
                }) =>
            {
                g.push(item)
            }
            _ => groups.push(vec![item]),
        }
    }
    let mut out: Vec<(usize, BriefFigure)> = groups
        .into_iter()
        .map(|g| {
            let articles: HashSet<usize> = g.iter().map(|(d, _)| *d).collect();
            let status = if articles.len() < 2 {
                FigureStatus::Single
            } else if g
                .iter()
                .all(|(_, a)| g.iter().all(|(_, b)| compatible(a, b)))
            {
                FigureStatus::Agree
            } else {
                FigureStatus::Differ
            };
            let about = most_common(g.iter().map(|(_, f)| f.about.clone())).unwrap_or_default();
            let mentions = g
                .iter()
                .map(|(d, f)| FigureMention {
                    value: f.value,
                    qualifier: f.qualifier.clone(),
                    text: f.text.clone(),
                    sentence: docs[*d]
                        .sentences
                        .get(f.sentence)
                        .map(|s| s.text.clone())
                        .unwrap_or_default(),
                    article: docs[*d].article.id.clone(),
                })
                .collect();
            (
                articles.len(),
                BriefFigure {
                    about,
                    status,
                    mentions,
                },
            )
        })
        .collect();
    let rank = |s: FigureStatus| match s {
        FigureStatus::Differ => 0,
        FigureStatus::Agree => 1,
        FigureStatus::Single => 2,
    };
    out.sort_by(|a, b| rank(a.1.status).cmp(&rank(b.1.status)).then(b.0.cmp(&a.0)));
    out.into_iter().map(|(_, f)| f).collect()
}

/// The range a figure allows: (low, low excluded, high, high excluded).
fn range(f: &Figure) -> (f64, bool, f64, bool) {
    let v = f.value;
    // Round numbers are rarely exact in news: "100,000 troops" is about 100,000.
    let round = v >= 100.0 && v % 100.0 == 0.0;
    match f.direction {
        Direction::Exact if round => (v * 0.95, false, v * 1.05, false),
        Direction::Exact => (v, false, v, false),
        Direction::Around => (v * 0.85, false, v * 1.15, false),
        Direction::Above => (v, true, v * 1.3, false),
        Direction::Below | Direction::Nearly => (v * 0.8, false, v, true),
        Direction::AtLeast => (v, false, v * 1.3, false),
        Direction::AtMost => (v * 0.8, false, v, false),
    }
}

fn compatible(a: &Figure, b: &Figure) -> bool {
    let (alo, alo_x, ahi, ahi_x) = range(a);
    let (blo, blo_x, bhi, bhi_x) = range(b);
    let low_ok = alo < bhi || (alo == bhi && !alo_x && !bhi_x);
    let high_ok = blo < ahi || (blo == ahi && !blo_x && !ahi_x);
    low_ok && high_ok
}
