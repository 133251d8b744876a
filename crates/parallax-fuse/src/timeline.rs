//! The timeline: dated happenings, relative dates resolved against each article's date (or the
//! story's, for an article without one) and by tense ("said on Friday" is the Friday before,
//! "will meet on Friday" the one after), merged across outlets when they tell the same thing.
//! The same sentence read against two anchors (a wire copy in two articles) stands once.

use foldhash::{HashMap, HashMapExt};

use chrono::{Datelike, Duration, NaiveDate};
use parallax_analyze::{in_subordinate_clause, tense_at_in, Tense};
use parallax_core::{Analyzed, DateExpr, DateMention, DatePrecision, TimelineEntry};

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

/// The date a mention names in an article written on `anchor`: a weekday by the tense of its
/// clause (the nearest one when nothing says, none when it is half a week either way), a month
/// of a main clause never after the article's in the past nor before it in the future,
/// everything else as the mention resolves itself.
fn resolve(
    m: &DateMention,
    anchor: NaiveDate,
    sentence: &str,
    language: &str,
) -> Option<(NaiveDate, DatePrecision)> {
    let start = sentence.find(&m.text).unwrap_or(0);
    if let DateExpr::Month(month) = m.expr {
        let (date, precision) = m.resolve(anchor)?;
        let this_month = anchor.with_day(1)?;
        // A relative clause has a tense of its own ("Macron, who faces an election in April,
        // has positioned himself"), which the tense read here may not be.
        if in_subordinate_clause(sentence, start, language) {
            return Some((date, precision));
        }
        let year = match tense_at_in(sentence, start, &m.text, language) {
            Tense::Past if date > this_month => date.year() - 1,
            Tense::Future if date < this_month => date.year() + 1,
            _ => return Some((date, precision)),
        };
        return Some((NaiveDate::from_ymd_opt(year, month, 1)?, precision));
    }
    let DateExpr::Weekday(day) = m.expr else {
        return m.resolve(anchor);
    };
    let forward = (i64::from(day.num_days_from_monday())
        - i64::from(anchor.weekday().num_days_from_monday()))
    .rem_euclid(7);
    match tense_at_in(sentence, start, &m.text, language) {
        Tense::Past => Some((
            anchor - Duration::days((7 - forward) % 7),
            DatePrecision::Day,
        )),
        Tense::Future => Some((anchor + Duration::days(forward), DatePrecision::Day)),
        // Half a week either way ("mantiene paros para el lunes" on a Thursday): with no tense
        // to say which, no date.
        Tense::Unstated if matches!(forward, 3 | 4) && !m.future => None,
        Tense::Unstated => m.resolve(anchor),
    }
}

/// Whether article `other` states every figure of sentence `sentence` of `doc` with a
/// compatible value.
fn figures_stated(doc: &Analyzed, sentence: usize, other: &Analyzed) -> bool {
    doc.figures
        .iter()
        .filter(|f| f.sentence == sentence)
        .all(|f| crate::citations::states_figure(f, other))
}

/// Builds the timeline of a story.
pub fn timeline(docs: &[Analyzed], index: &SupportIndex) -> Vec<TimelineEntry> {
    let anchor = story_date(docs);
    let mut items: Vec<(TimelineEntry, usize, usize)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let Some(anchor) = doc.article.published.or(anchor) else {
            continue;
        };
        let language = doc.article.language.as_str();
        let subordinate = |m: &DateMention| {
            doc.sentences.get(m.sentence).is_some_and(|s| {
                let start = s.text.find(&m.text).unwrap_or(0);
                in_subordinate_clause(&s.text, start, language)
            })
        };
        // A sentence is about the date of its main clause: a date in a relative or reported
        // clause ("X, who took office last year, met Y on Monday") dates it only when its main
        // clause names none.
        let main_dated: foldhash::HashSet<usize> = doc
            .dates
            .iter()
            .filter(|m| !subordinate(m))
            .map(|m| m.sentence)
            .collect();
        for m in &doc.dates {
            let Some(sentence) = doc.sentences.get(m.sentence) else {
                continue;
            };
            if main_dated.contains(&m.sentence) && subordinate(m) {
                continue;
            }
            let Some((date, precision)) = resolve(m, anchor, &sentence.text, language) else {
                continue;
            };
            // A sentence can tell several happenings ("meets Biden on Monday and will visit
            // Kyiv next week"): one entry per date it names, never two for the same date.
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
                // Never one entry for two outlets that give its figures different values.
                && members.iter().all(|&(md, ms)| {
                    figures_stated(&docs[md], ms, &docs[d]) && figures_stated(&docs[d], s, &docs[md])
                })
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
    // The same sentence and date words from two outlets (a wire copy read against two anchors)
    // stand once, where most outlets put them.
    out.sort_by_key(|e| std::cmp::Reverse(e.sources.len()));
    let mut seen = <foldhash::HashSet<_> as foldhash::HashSetExt>::new();
    out.retain(|e| {
        seen.insert((
            e.text.split_whitespace().collect::<Vec<_>>().join(" "),
            e.when.to_lowercase(),
        ))
    });
    out.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.precision.cmp(&b.precision))
            .then(b.sources.len().cmp(&a.sources.len()))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    /// Resolves the weekday `day`, written as `when` in `sentence`, in an article of Wednesday
    /// 5 March 2025, and checks the date.
    #[track_caller]
    fn check(sentence: &str, when: &str, day: Weekday, expected: &str) {
        let m = DateMention {
            expr: DateExpr::Weekday(day),
            text: when.into(),
            future: false,
            sentence: 0,
        };
        let anchor = NaiveDate::from_ymd_opt(2025, 3, 5).expect("a date");
        let got = resolve(&m, anchor, sentence, "en").map(|(d, _)| d.to_string());
        assert_eq!(got.as_deref(), Some(expected), "{sentence}");
    }

    /// Builds the timeline of articles written on Wednesday 5 March 2025 (`language`, texts)
    /// and checks its entries as (date, how the text starts).
    #[track_caller]
    fn check_timeline(articles: &[(&str, &str)], expected: &[(&str, &str)]) {
        let docs: Vec<Analyzed> = articles
            .iter()
            .enumerate()
            .map(|(k, (language, text))| {
                let mut a = crate::testing::article(&format!("a{k}"), text);
                a.language = (*language).into();
                a.published = NaiveDate::from_ymd_opt(2025, 3, 5);
                parallax_analyze::analyze(a)
            })
            .collect();
        let index = SupportIndex::new(&docs);
        let got: Vec<(String, String)> = timeline(&docs, &index)
            .into_iter()
            .map(|e| (e.date.to_string(), e.text))
            .collect();
        let matches = got.len() == expected.len()
            && got
                .iter()
                .zip(expected)
                .all(|((d, t), (ed, et))| d == ed && t.starts_with(et));
        assert!(matches, "{got:#?}");
    }

    #[test]
    fn outlets_that_give_a_figure_different_values_are_two_entries() {
        let docs: Vec<Analyzed> = [
            "Last week the ministry sent nearly 3,000 soldiers to the northern border region.",
            "Last week the ministry sent more than 3,000 soldiers to the northern border region.",
            "Last week the ministry sent about 3,000 soldiers to the northern border region.",
        ]
        .iter()
        .enumerate()
        .map(|(k, text)| {
            let mut a = crate::testing::article(&format!("a{k}"), text);
            a.published = NaiveDate::from_ymd_opt(2025, 3, 5);
            parallax_analyze::analyze(a)
        })
        .collect();
        let index = SupportIndex::new(&docs);
        let sources: Vec<Vec<String>> = timeline(&docs, &index)
            .into_iter()
            .map(|e| e.sources)
            .collect();
        assert_eq!(sources, [vec!["a0", "a2"], vec!["a1"]]);
    }

    #[test]
    fn a_sentence_stands_at_the_date_of_its_main_clause() {
        // The relative clause's "last year" does not date the sentence.
        check_timeline(
            &[(
                "en",
                "The mayor, who took office last year, opened the new harbour bridge on Monday.",
            )],
            &[("2025-03-03", "The mayor, who took office")],
        );
        // Nor does the reported clause's "next week".
        check_timeline(
            &[(
                "en",
                "Police said on Monday that the harbour road would reopen next week.",
            )],
            &[("2025-03-03", "Police said on Monday")],
        );
        // A date in a subordinate clause still dates a sentence whose main clause names none.
        check_timeline(
            &[(
                "en",
                "Officials expect that the harbour road will reopen next week.",
            )],
            &[("2025-03-10", "Officials expect that")],
        );
        // Two main clauses, two happenings.
        check_timeline(
            &[(
                "en",
                "The mayor met the council on Monday and will visit the harbour next week.",
            )],
            &[
                ("2025-03-03", "The mayor met the council"),
                ("2025-03-10", "The mayor met the council"),
            ],
        );
        check_timeline(
            &[(
                "fr",
                "La police a indiqué lundi que la route du port rouvrira la semaine prochaine.",
            )],
            &[("2025-03-03", "La police a indiqué")],
        );
        check_timeline(
            &[("de", "Der Bürgermeister, der im vergangenen Jahr gewählt wurde, eröffnete am Montag die neue Brücke.")],
            &[("2025-03-03", "Der Bürgermeister, der")],
        );
        check_timeline(
            &[(
                "es",
                "El alcalde inauguró ayer el puente y visitará el puerto el próximo lunes.",
            )],
            &[
                ("2025-03-04", "El alcalde inauguró"),
                ("2025-03-10", "El alcalde inauguró"),
            ],
        );
    }

    #[test]
    fn months_resolve_by_tense() {
        let anchor = NaiveDate::from_ymd_opt(2026, 12, 2).expect("a date");
        for (sentence, when, month, language, expected) in [
            (
                "Another quake struck in March.",
                "in March",
                3,
                "en",
                "2026-03-01",
            ),
            (
                "La tempête a frappé en février.",
                "en février",
                2,
                "fr",
                "2026-02-01",
            ),
            (
                "The works will end in February.",
                "in February",
                2,
                "en",
                "2027-02-01",
            ),
            (
                "Die Arbeiten enden im Oktober.",
                "im Oktober",
                10,
                "de",
                "2026-10-01",
            ),
            // A relative clause's month is the nearest: its tense is not the sentence's.
            (
                "The mayor, who faces an election in February, has vowed to rebuild.",
                "in February",
                2,
                "en",
                "2027-02-01",
            ),
        ] {
            let m = DateMention {
                expr: DateExpr::Month(month),
                text: when.into(),
                future: false,
                sentence: 0,
            };
            let date = resolve(&m, anchor, sentence, language).map(|(d, _)| d.to_string());
            assert_eq!(date.as_deref(), Some(expected), "{sentence}");
        }
    }

    #[test]
    fn weekdays_resolve_by_tense() {
        check(
            "Police said on Friday that the road was closed.",
            "on Friday",
            Weekday::Fri,
            "2025-02-28",
        );
        check(
            "The talks will resume on Friday.",
            "on Friday",
            Weekday::Fri,
            "2025-03-07",
        );
        check(
            "The vote takes place the upcoming Monday.",
            "the upcoming Monday",
            Weekday::Mon,
            "2025-03-10",
        );
        check(
            "Crowds gathered on Thursday.",
            "on Thursday",
            Weekday::Thu,
            "2025-02-27",
        );
        check(
            "Officials spoke on Wednesday.",
            "on Wednesday",
            Weekday::Wed,
            "2025-03-05",
        );
        // Nothing says which: the nearest such day.
        check(
            "A vigil on Thursday.",
            "on Thursday",
            Weekday::Thu,
            "2025-03-06",
        );
        // Half a week either way, and nothing says which: no date.
        let anchor = NaiveDate::from_ymd_opt(2025, 3, 5).expect("a date");
        for (sentence, when, day) in [
            ("A vigil on Sunday.", "on Sunday", Weekday::Sun),
            (
                "El sindicato mantiene paros para el sábado.",
                "el sábado",
                Weekday::Sat,
            ),
        ] {
            let m = DateMention {
                expr: DateExpr::Weekday(day),
                text: when.into(),
                future: false,
                sentence: 0,
            };
            assert_eq!(resolve(&m, anchor, sentence, "es"), None, "{sentence}");
        }
    }
}
