//! Figure groups: the numbers outlets give for one measured thing, and whether they agree.
//!
//! A measured thing is a kind of quantity (a count, a percentage, money in one currency, a
//! measure in one unit, a duration, a score) of one counted noun ("troops"), told apart by its
//! named modifiers ("US troops" is not "Russian troops"). Two mentions agree when the intervals
//! their qualifiers allow meet. A "differ" verdict needs more: both sentences must say the same
//! thing (their content overlaps), otherwise the group is split by value and no verdict is
//! given. Counts that change as a story unfolds (tolls, injured, missing) are updates, in the
//! order of the articles' dates, not contradictions. Dates are never figures (the grammar leaves
//! them out), and mentions of different kinds are never grouped.

use foldhash::{HashSet, HashSetExt};
use std::collections::BTreeMap;
use std::sync::LazyLock;

use parallax_analyze::{compatible, counted_thing, counts_a_whole};
use parallax_core::{Analyzed, BriefFigure, Figure, FigureKind, FigureMention, FigureStatus};
use parallax_text::lines;

use crate::quotes::most_common;
use crate::SupportIndex;

/// Mentions of one thing compared pair by pair at most; the rest of a larger bucket is left out.
const MAX_BUCKET: usize = 200;
/// Values further apart than this ratio are different things, whatever the sentences say.
const SAME_THING_RATIO: f64 = 1.5;
/// How much two sentences must say the same for their figures to be surely about one thing.
const SAME_THING_SIMILARITY: f64 = 0.3;
/// How much two sentences must say the same for one amount in both to be one thing whatever each
/// reads as measured: more than for mentions of one counted thing.
const SAME_AMOUNT_SIMILARITY: f64 = 0.5;
/// Groups of one amount compared with each group of it, at most.
const MAX_EQUAL_AMOUNTS: usize = 32;
/// Figures only one outlet reports, listed at most (the most prominent first).
const MAX_SINGLES: usize = 15;
/// Longest sentence embedded in a mention, in characters.
const MAX_SENTENCE_CHARS: usize = 600;

/// Stems of the counts that change as a story unfolds.
static CHANGING: LazyLock<HashSet<String>> = LazyLock::new(|| {
    lines(include_str!("../data/changing_counts.txt"))
        .map(|w| parallax_analyze::tokens::stem(&w.to_lowercase()))
        .collect()
});

/// Whether a figure counts something that changes over time (a toll, the injured): its counted
/// words or its sentence say so ("15 dead", "killed 15 people").
pub(crate) fn changes_over_time(f: &Figure, sentence: &str) -> bool {
    let changing = |w: &str| CHANGING.contains(&parallax_analyze::tokens::stem(&w.to_lowercase()));
    f.kind == FigureKind::Count
        && (CHANGING.contains(&f.head)
            || f.about.split_whitespace().any(changing)
            || sentence
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .any(changing))
}

/// One article's figure.
#[derive(Clone, Copy)]
struct Item<'a> {
    doc: usize,
    figure: &'a Figure,
}

/// The key of a measured thing: kind, unit and counted head (a whole a part is counted out of
/// is of the thing its part is, `counted_thing`).
fn thing(f: &Figure) -> (FigureKind, String, String) {
    (
        f.kind,
        f.unit.clone().unwrap_or_default(),
        counted_thing(f).to_lowercase(),
    )
}

/// Capitalised words of the counted phrase other than its head: "US" of "US troops".
fn named_modifiers(f: &Figure) -> HashSet<String> {
    let words: Vec<&str> = f.about.split_whitespace().collect();
    words
        .iter()
        .take(words.len().saturating_sub(1))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| w.to_lowercase())
        .collect()
}

/// Whether two figures may be about the same thing: no named modifier of one contradicts the
/// other's ("US troops", "Russian troops").
fn modifiers_agree(a: &Figure, b: &Figure) -> bool {
    let (x, y) = (named_modifiers(a), named_modifiers(b));
    x.is_empty() || y.is_empty() || !x.is_disjoint(&y)
}

/// Whether two mentions are surely of the same thing: same modifiers, and sentences that say
/// much the same.
fn surely_same(index: &SupportIndex, a: Item, b: Item) -> bool {
    // "Deux des trois voitures" against "Deux voitures sont sorties des rails": the total may
    // be another count than the one the other sentence gives.
    if counts_a_whole(a.figure) || counts_a_whole(b.figure) {
        return false;
    }
    // A bare unit ("3 percent", "$5 million" with nothing measured) is no thing to compare.
    let measured = |f: &Figure| !f.head.is_empty() && Some(f.head.as_str()) != f.unit.as_deref();
    if !measured(a.figure) || !measured(b.figure) {
        return false;
    }
    let (Some(sa), Some(sb)) = (
        index.sets.get(a.doc).and_then(|d| d.get(a.figure.sentence)),
        index.sets.get(b.doc).and_then(|d| d.get(b.figure.sentence)),
    ) else {
        return false;
    };
    modifiers_agree(a.figure, b.figure) && index.similarity(sa, sb) >= SAME_THING_SIMILARITY
}

fn close(a: &Figure, b: &Figure) -> bool {
    let (lo, hi) = if a.value <= b.value {
        (a.value, b.value)
    } else {
        (b.value, a.value)
    };
    hi <= lo * SAME_THING_RATIO || (lo == 0.0 && hi == 0.0)
}

/// Groups the figures of all articles.
pub fn group_figures(docs: &[Analyzed], index: &SupportIndex) -> Vec<BriefFigure> {
    let mut buckets: BTreeMap<(FigureKind, String, String), Vec<Item>> = BTreeMap::new();
    for (doc, d) in docs.iter().enumerate() {
        for figure in &d.figures {
            if figure.head.is_empty() {
                continue;
            }
            buckets
                .entry(thing(figure))
                .or_default()
                .push(Item { doc, figure });
        }
    }
    let mut groups: Vec<(FigureStatus, Vec<Item>)> = Vec::new();
    for (_, mut items) in buckets {
        items.sort_by(|a, b| {
            a.figure
                .value
                .total_cmp(&b.figure.value)
                .then(a.doc.cmp(&b.doc))
        });
        items.truncate(MAX_BUCKET);
        for set in things(&items, index) {
            groups.extend(verdicts(set, docs, index));
        }
    }
    join_equal_amounts(&mut groups, index);
    let mut out: Vec<(usize, usize, BriefFigure)> = groups
        .into_iter()
        .map(|(status, items)| {
            let articles: HashSet<usize> = items.iter().map(|i| i.doc).collect();
            let first = items.iter().map(|i| i.figure.sentence).min().unwrap_or(0);
            (articles.len(), first, brief_figure(docs, status, items))
        })
        .collect();
    let rank = |s: FigureStatus| match s {
        FigureStatus::Differ => 0,
        FigureStatus::Updated => 1,
        FigureStatus::Agree => 2,
        FigureStatus::Single => 3,
    };
    out.sort_by(|a, b| {
        rank(a.2.status)
            .cmp(&rank(b.2.status))
            .then(b.0.cmp(&a.0))
            .then(a.1.cmp(&b.1))
    });
    let mut singles = 0;
    // An outlet writing one figure twice (in its standfirst and its text) reports it once.
    let mut written: HashSet<(String, String)> = HashSet::default();
    out.into_iter()
        .filter(|(_, _, f)| {
            if f.status != FigureStatus::Single {
                return true;
            }
            let repeated = f
                .mentions
                .iter()
                .all(|m| !written.insert((m.article.clone(), m.text.to_lowercase())));
            if repeated {
                return false;
            }
            singles += 1;
            singles <= MAX_SINGLES
        })
        .map(|(_, _, f)| f)
        .collect()
}

/// Whether a figure is an amount in a unit (money, a share, a measure, a duration) rather than a
/// count, whose counted noun is all that tells things apart.
fn is_amount(f: &Figure) -> bool {
    f.kind != FigureKind::Count && f.unit.is_some()
}

/// Joins groups of the very same amount given by different outlets in sentences that say much
/// the same (or in two opening sentences alike, [`SupportIndex::says_same`]), whatever each names
/// as what is measured: "Den Schaden schätzte die Polizei auf rund 1,5 Millionen Euro" and "Der
/// Schaden soll … bei 1,5 Millionen Euro liegen" agree, though the first reads the police as its
/// subject. A group that agrees already joins too, so that one amount is one line. Sorted by
/// amount, only runs of equal amounts are compared.
fn join_equal_amounts<'a>(groups: &mut Vec<(FigureStatus, Vec<Item<'a>>)>, index: &SupportIndex) {
    fn amount<'a>(status: FigureStatus, items: &[Item<'a>]) -> Option<&'a Figure> {
        let first = items.first()?.figure;
        let equal = items.iter().all(|i| same_amount(i.figure, first));
        let joinable = matches!(status, FigureStatus::Single | FigureStatus::Agree);
        (joinable && equal && is_amount(first)).then_some(first)
    }
    fn same_amount(a: &Figure, b: &Figure) -> bool {
        a.kind == b.kind && a.unit == b.unit && a.value == b.value && a.high == b.high
    }
    let mut amounts: Vec<(usize, &'a Figure)> = groups
        .iter()
        .enumerate()
        .filter_map(|(g, (status, items))| Some((g, amount(*status, items)?)))
        .collect();
    amounts.sort_by(|(_, a), (_, b)| {
        (a.kind, &a.unit)
            .cmp(&(b.kind, &b.unit))
            .then(a.value.total_cmp(&b.value))
    });
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    fn root(parent: &mut [usize], mut g: usize) -> usize {
        while parent[g] != g {
            parent[g] = parent[parent[g]];
            g = parent[g];
        }
        g
    }
    let alike = |a: &[Item], b: &[Item]| {
        a.iter().any(|x| {
            b.iter().any(|y| {
                x.doc != y.doc
                    && compatible(x.figure, y.figure)
                    && modifiers_agree(x.figure, y.figure)
                    && index.says_same(
                        (x.doc, x.figure.sentence),
                        (y.doc, y.figure.sentence),
                        SAME_AMOUNT_SIMILARITY,
                    )
            })
        })
    };
    // The outlets of each joined set, kept at its root: one outlet gives one amount once.
    let mut outlets: Vec<HashSet<usize>> = groups
        .iter()
        .map(|(_, items)| items.iter().map(|i| i.doc).collect())
        .collect();
    for (k, &(a, fa)) in amounts.iter().enumerate() {
        for &(b, _) in amounts[k + 1..]
            .iter()
            .take(MAX_EQUAL_AMOUNTS)
            .take_while(|(_, f)| same_amount(fa, f))
        {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            if ra != rb
                && outlets[ra].is_disjoint(&outlets[rb])
                && alike(&groups[a].1, &groups[b].1)
            {
                let (keep, gone) = (ra.min(rb), ra.max(rb));
                parent[gone] = keep;
                let moved = std::mem::take(&mut outlets[gone]);
                outlets[keep].extend(moved);
            }
        }
    }
    for g in (0..groups.len()).rev() {
        let r = root(&mut parent, g);
        if r != g {
            let moved = std::mem::take(&mut groups[g].1);
            groups[r].1.extend(moved);
            groups[r].0 = FigureStatus::Agree;
        }
    }
    groups.retain(|(_, items)| !items.is_empty());
}

/// Splits one bucket into things: mentions join when their values are compatible, or close and
/// surely about the same thing.
fn things<'a>(items: &[Item<'a>], index: &SupportIndex) -> Vec<Vec<Item<'a>>> {
    let n = items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for a in 0..n {
        for b in a + 1..n {
            let (x, y) = (items[a], items[b]);
            if !close(x.figure, y.figure) {
                // Sorted by value: nothing further is close either.
                break;
            }
            let join = modifiers_agree(x.figure, y.figure)
                && (compatible(x.figure, y.figure) || surely_same(index, x, y));
            if join {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                parent[ra] = rb;
            }
        }
    }
    let mut sets: BTreeMap<usize, Vec<Item>> = BTreeMap::new();
    for (k, &item) in items.iter().enumerate() {
        let root = find(&mut parent, k);
        sets.entry(root).or_default().push(item);
    }
    sets.into_values().collect()
}

/// The verdict on one thing: agree, differ or updated when every pair of articles settles it;
/// otherwise the thing is split into runs of compatible values and no difference is claimed.
fn verdicts<'a>(
    items: Vec<Item<'a>>,
    docs: &[Analyzed],
    index: &SupportIndex,
) -> Vec<(FigureStatus, Vec<Item<'a>>)> {
    let articles: HashSet<usize> = items.iter().map(|i| i.doc).collect();
    if articles.len() < 2 {
        return vec![(FigureStatus::Single, items)];
    }
    let mut clash = false;
    let mut unsure = false;
    for (k, a) in items.iter().enumerate() {
        for b in &items[k + 1..] {
            if a.doc != b.doc && !compatible(a.figure, b.figure) {
                clash = true;
                if !surely_same(index, *a, *b) {
                    unsure = true;
                }
            }
        }
    }
    if !clash {
        return vec![(FigureStatus::Agree, items)];
    }
    if !unsure {
        let changing = items.iter().all(|i| {
            let sentence = docs
                .get(i.doc)
                .and_then(|d| d.sentences.get(i.figure.sentence))
                .map_or("", |s| s.text.as_str());
            changes_over_time(i.figure, sentence)
        });
        // An update needs its order: two outlets of one day (or undated) giving other counts of
        // something that changes may each be the later one, so no verdict is given.
        let dated_apart = |a: &Item, b: &Item| {
            let date = |i: &Item| docs.get(i.doc).and_then(|d| d.article.published);
            matches!((date(a), date(b)), (Some(x), Some(y)) if x != y)
        };
        let ordered = items.iter().enumerate().all(|(k, a)| {
            items[k + 1..]
                .iter()
                .all(|b| a.doc == b.doc || compatible(a.figure, b.figure) || dated_apart(a, b))
        });
        match (changing, ordered) {
            (false, _) => return vec![(FigureStatus::Differ, items)],
            (true, true) => return vec![(FigureStatus::Updated, items)],
            (true, false) => {}
        }
    }
    // No verdict: runs of values that agree with the run's first.
    let mut runs: Vec<Vec<Item>> = Vec::new();
    for item in items {
        match runs.last_mut() {
            Some(run) if run.iter().all(|r| compatible(r.figure, item.figure)) => run.push(item),
            _ => runs.push(vec![item]),
        }
    }
    runs.into_iter()
        .map(|run| {
            let n: HashSet<usize> = run.iter().map(|i| i.doc).collect();
            let status = if n.len() < 2 {
                FigureStatus::Single
            } else {
                FigureStatus::Agree
            };
            (status, run)
        })
        .collect()
}

/// A sentence cut to `MAX_SENTENCE_CHARS` characters.
fn capped(sentence: &str) -> String {
    match sentence.char_indices().nth(MAX_SENTENCE_CHARS) {
        Some((cut, _)) => format!("{}…", &sentence[..cut]),
        None => sentence.to_string(),
    }
}

fn brief_figure(docs: &[Analyzed], status: FigureStatus, mut items: Vec<Item>) -> BriefFigure {
    // One mention per article and wording.
    let mut seen = HashSet::new();
    items.retain(|i| seen.insert((i.doc, i.figure.text.clone())));
    if status == FigureStatus::Updated {
        // By article date, undated last; then smaller counts first, as tolls grow.
        let date = |i: &Item| {
            let p = docs[i.doc].article.published;
            (p.is_none(), p)
        };
        items.sort_by(|a, b| {
            date(a)
                .cmp(&date(b))
                .then(a.figure.value.total_cmp(&b.figure.value))
        });
    }
    let about = most_common(items.iter().map(|i| i.figure.about.clone())).unwrap_or_default();
    let mentions = items
        .iter()
        .map(|i| {
            let d = &docs[i.doc];
            FigureMention {
                value: i.figure.value,
                qualifier: i.figure.qualifier.clone(),
                text: i.figure.text.clone(),
                sentence: d
                    .sentences
                    .get(i.figure.sentence)
                    .map(|s| capped(&s.text))
                    .unwrap_or_default(),
                article: d.article.id.clone(),
                kind: Some(i.figure.kind),
                unit: i.figure.unit.clone(),
                published: d.article.published,
            }
        })
        .collect();
    BriefFigure {
        about,
        status,
        mentions,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use parallax_core::Article;

    use super::*;

    fn doc(id: &str, day: u32, text: &str) -> Analyzed {
        parallax_analyze::analyze(Article {
            published: NaiveDate::from_ymd_opt(2025, 3, day),
            ..crate::testing::article(id, text)
        })
    }

    /// Each group as "status: wording / wording".
    #[track_caller]
    fn check(texts: &[(u32, &str)], expected: &[&str]) {
        let docs: Vec<Analyzed> = texts
            .iter()
            .enumerate()
            .map(|(k, (day, t))| doc(&format!("a{k}"), *day, t))
            .collect();
        let index = SupportIndex::new(&docs);
        let got: Vec<String> = group_figures(&docs, &index)
            .iter()
            .map(|g| {
                let words: Vec<&str> = g.mentions.iter().map(|m| m.text.as_str()).collect();
                format!("{:?}: {}", g.status, words.join(" / ")).to_lowercase()
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn qualifiers_that_cannot_both_hold_differ() {
        check(
            &[
                (4, "The Pentagon ordered nearly 3,000 US troops to Poland and Romania this week."),
                (4, "The Pentagon ordered more than 3,000 US troops to Poland and Romania this week."),
            ],
            &["differ: nearly 3,000 us troops / more than 3,000 us troops"],
        );
    }

    #[test]
    fn a_whole_agrees_with_its_count_and_never_differs_from_one() {
        // The total a part is counted out of agrees with the same count elsewhere ...
        check(
            &[
                (
                    4,
                    "The strike closed 12 of its 14 hospitals on Monday, the network said.",
                ),
                (
                    4,
                    "The strike closed most of its 14 hospitals on Monday, the network said.",
                ),
            ],
            &[
                "agree: 14 hospitals / 14 hospitals",
                "single: 12 of its 14 hospitals",
            ],
        );
        // ... and is no other count of what the part counts: two cars derailed, of three.
        check(
            &[
                (4, "Two cars of the regional train left the rails near the bridge on Thursday."),
                (4, "Two of the three cars of the regional train left the rails near the bridge on Thursday."),
            ],
            &[
                "single: two cars",
                "single: three cars",
                "single: two of the three cars",
            ],
        );
    }

    #[test]
    fn over_a_value_agrees_with_the_value() {
        check(
            &[
                (
                    4,
                    "The final lasted over 120 minutes after extra time in the rain.",
                ),
                (
                    4,
                    "The final lasted 120 minutes after extra time in the rain.",
                ),
            ],
            &["agree: over 120 minutes / 120 minutes"],
        );
    }

    #[test]
    fn one_amount_in_sentences_alike_agrees_whatever_each_reads_as_measured() {
        check(
            &[
                (4, "Police estimated the damage to the harbour warehouse at $1.5 million on Monday."),
                (4, "The damage to the harbour warehouse will cost the insurers $1.5 million, police said."),
                (4, "The city pledged $1.5 million for a new school library."),
            ],
            &[
                "agree: $1.5 million / $1.5 million",
                "single: $1.5 million",
            ],
        );
    }

    #[test]
    fn one_amount_in_two_leads_alike_agrees() {
        let a = "A man who ran a charity set up to help flood victims was sentenced to nine years in prison on Tuesday for stealing about £4.3 million of its funds.";
        let b = "The former chief executive of a flood relief charity has been jailed for nine years after stealing £4.3 million in donations over six years.";
        let library = "The city pledged £4.3 million for a new school library.";
        check(
            &[(4, a), (4, b), (4, library)],
            &[
                "agree: £4.3 million in donations / about £4.3 million",
                "agree: nine years / nine years",
                "single: £4.3 million",
                "single: over six years",
            ],
        );
        // An amount two outlets agree on already takes in a third outlet's like it.
        check(
            &[
                (4, b),
                (4, a),
                (4, "The former chief executive of a flood relief charity was jailed for nine years on Tuesday."),
            ],
            &[
                "agree: nine years / nine years / nine years",
                "agree: £4.3 million in donations / about £4.3 million",
                "single: over six years",
            ],
        );
        // Below the opening sentences, the same words are not enough.
        let later = |s: &str| {
            format!(
                "The court sat for a week. Reporters waited outside. The verdict came late. {s}"
            )
        };
        check(
            &[(4, &later(a)), (4, &later(b))],
            &[
                "single: £4.3 million in donations",
                "single: about £4.3 million",
                "single: nine years",
                "single: over six years",
                "single: nine years",
            ],
        );
    }

    #[test]
    fn a_figure_an_outlet_writes_twice_is_one_line() {
        check(
            &[(
                4,
                "More than 180 litres fell in six hours. The river burst its banks after more than 180 litres fell in six hours overnight.",
            )],
            &["single: more than 180 litres", "single: six hours"],
        );
    }

    #[test]
    fn named_modifiers_tell_things_apart() {
        check(
            &[
                (4, "Washington sent 3,000 US troops to Poland."),
                (4, "Moscow massed 100,000 Russian troops near the border."),
            ],
            &["single: 3,000 us troops", "single: 100,000 russian troops"],
        );
    }

    #[test]
    fn tolls_that_grow_are_updates_in_date_order() {
        check(
            &[
                (
                    5,
                    "The storm killed 15 people in the coastal towns, officials said on Wednesday.",
                ),
                (
                    4,
                    "The storm killed 12 people in the coastal towns, officials said on Tuesday.",
                ),
            ],
            &["updated: 12 people / 15 people"],
        );
        // Of one day, either may be the later: no verdict.
        check(
            &[
                (
                    4,
                    "The storm killed 15 people in the coastal towns, officials said.",
                ),
                (
                    4,
                    "The storm killed 12 people in the coastal towns, officials said.",
                ),
            ],
            &["single: 12 people", "single: 15 people"],
        );
    }

    #[test]
    fn different_values_in_unlike_sentences_get_no_verdict() {
        check(
            &[
                (4, "Police arrested 40 protesters outside parliament."),
                (
                    4,
                    "Organisers said 50 protesters had travelled from the north by bus overnight.",
                ),
            ],
            &["single: 40 protesters", "single: 50 protesters"],
        );
    }
}
