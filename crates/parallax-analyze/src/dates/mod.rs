//! Date expressions in sentences ("on Monday", "next week", "Feb. 7", "last month"), kept
//! unresolved until the story's anchor date is known.

use std::sync::LazyLock;

use chrono::NaiveDate;
use parallax_core::calendar::{month_from_name, weekday_from_name};
use parallax_core::{DateExpr, DateMention, Sentence};

use crate::sentences::closed_quote_spans;
use english::Reading;

mod english;
mod languages;

/// The tense of the clause a date expression stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// "said on Friday", "last Friday": the day before (or on) the article's date.
    Past,
    /// "will meet on Friday", "next Friday", "the upcoming Friday": on or after it.
    Future,
    /// Nothing says which: the nearest such day.
    Unstated,
}

fn tense_lines() -> impl Iterator<Item = &'static str> {
    include_str!("../../data/tense.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Words ending in -ed that are not past forms ("hundred", "indeed").
static NOT_PAST: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    tense_lines()
        .filter_map(|l| l.strip_prefix("not:"))
        .collect()
});

/// Tense words, from `data/tense.txt`: (`true` for the future, the words).
static TENSE_WORDS: LazyLock<Vec<(bool, Vec<&'static str>)>> = LazyLock::new(|| {
    let mut words = tense_lines()
        .filter_map(|l| {
            let (future, words) = match l.split_once(':')? {
                ("past", w) => (false, w),
                ("future", w) => (true, w),
                _ => return None,
            };
            Some((future, words.split_whitespace().collect::<Vec<_>>()))
        })
        .collect::<Vec<_>>();
    // Longest first: "set to" is the future, "set" alone the past.
    words.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
    words
});

/// Words in a clause before a date expression that are read for its tense.
const TENSE_WINDOW: usize = 8;

/// The tense of the date expression `mention` (its words as written) at byte `start` of
/// `sentence`: its own modifier first ("next", "last", "upcoming"), then the nearest tense word
/// before it in its clause, then the nearest after it, else unstated.
pub fn tense_at(sentence: &str, start: usize, mention: &str) -> Tense {
    let lower_mention = mention.to_lowercase();
    let first = lower_mention.split_whitespace().next().unwrap_or("");
    if first == "last" || lower_mention.ends_with(" ago") {
        return Tense::Past;
    }
    if first == "next" || lower_mention.contains("coming") {
        return Tense::Future;
    }
    let before = sentence.get(..start).unwrap_or("").to_lowercase();
    // The clause: back to the last comma, semicolon or "that".
    let clause_start = before
        .rfind([',', ';', ':'])
        .map_or(0, |i| i + 1)
        .max(before.rfind(" that ").map_or(0, |i| i + 5));
    let words: Vec<&str> = before[clause_start..]
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let tail = &words[words.len().saturating_sub(TENSE_WINDOW)..];
    // Listed words (auxiliaries, modals, irregular verbs) before regular -ed forms: in "could be
    // allowed to return on Friday" the modal sets the tense, not the participle.
    for listed_only in [true, false] {
        for i in (0..tail.len()).rev() {
            if let Some(t) = tense_of_word(tail, i, listed_only) {
                return t;
            }
        }
    }
    let after = sentence
        .get(start.saturating_add(mention.len()).min(sentence.len())..)
        .unwrap_or("")
        .to_lowercase();
    let after_words: Vec<&str> = after
        .trim_start_matches(|c: char| c == ',' || c.is_whitespace())
        .split([',', ';'])
        .next()
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(TENSE_WINDOW)
        .collect();
    [true, false]
        .into_iter()
        .find_map(|listed_only| {
            (0..after_words.len()).find_map(|i| tense_of_word(&after_words, i, listed_only))
        })
        .unwrap_or(Tense::Unstated)
}

/// The tense word `words[i]` is (with the words after it for "set to", "going to"), if any;
/// regular -ed forms only when not `listed_only`.
fn tense_of_word(words: &[&str], i: usize, listed_only: bool) -> Option<Tense> {
    let w = *words.get(i)?;
    for (future, phrase) in TENSE_WORDS.iter() {
        let n = phrase.len();
        if words
            .get(i..i + n)
            .is_some_and(|ws| ws == phrase.as_slice())
        {
            return Some(if *future { Tense::Future } else { Tense::Past });
        }
    }
    // Regular past forms: "announced", "killed"; not short words like "red" or "bed".
    (!listed_only && w.len() >= 5 && w.ends_with("ed") && w.is_ascii() && !NOT_PAST.contains(&w))
        .then_some(Tense::Past)
}

/// Words of `data/dates/until.txt`: (`true` for the words of a state that holds now, `false`
/// for those before a day a state lasts until).
static UNTIL_WORDS: LazyLock<Vec<(bool, &'static str)>> = LazyLock::new(|| {
    parallax_text::lines(include_str!("../../data/dates/until.txt"))
        .filter_map(|l| match l.split_once(':')? {
            ("until", w) => Some((false, w)),
            ("ongoing", w) => Some((true, w)),
            _ => None,
        })
        .flat_map(|(ongoing, w)| w.split_whitespace().map(move |w| (ongoing, w)))
        .collect()
});

/// Words that may stand between "until" and its day ("until at least Saturday", "bis
/// spätestens Samstag", "hasta el sábado").
const MAX_UNTIL_GAP: usize = 2;

/// The tense of the day at byte `start` of `sentence` that a state lasts until ("have been
/// suspended until at least Saturday"): the future when the clause says the state holds now;
/// unstated when it tells it in the past ("the road was closed until Saturday" may be written
/// before that Saturday or after it, and "suspended" is no past of the day's); none when no
/// "until" word stands right before the day.
fn until_tense(sentence: &str, start: usize, tense: Tense) -> Option<Tense> {
    let before = sentence.get(..start)?.to_lowercase().replace('’', "'");
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let listed = |ongoing: bool, w: &str| UNTIL_WORDS.iter().any(|&(o, u)| o == ongoing && u == w);
    let tail = &words[words.len().saturating_sub(MAX_UNTIL_GAP + 1)..];
    let at = tail.iter().rposition(|w| listed(false, w))?;
    let clause = &words[..words.len() - tail.len() + at];
    let clause = &clause[clause.len().saturating_sub(TENSE_WINDOW)..];
    Some(if clause.iter().any(|w| listed(true, w)) {
        Tense::Future
    } else if tense == Tense::Past {
        Tense::Unstated
    } else {
        tense
    })
}

/// The tense of the date expression `mention` at byte `start` of `sentence`, in a text of
/// `language` (ISO 639-1): French, German and Spanish by their own words ("mardi dernier", "am
/// kommenden Montag", "visitará el lunes"), any other language as English ([`tense_at`]); a day
/// a state lasts until by [`until_tense`].
pub fn tense_at_in(sentence: &str, start: usize, mention: &str, language: &str) -> Tense {
    let tense = clause_tense_at_in(sentence, start, mention, language);
    until_tense(sentence, start, tense).unwrap_or(tense)
}

/// [`tense_at_in`] before the "until" reading.
fn clause_tense_at_in(sentence: &str, start: usize, mention: &str, language: &str) -> Tense {
    let Some(words) = languages::words_of(language) else {
        return tense_at(sentence, start, mention);
    };
    let own = languages::find(words, mention)
        .first()
        .and_then(|&(_, _, own)| own);
    match own {
        Some(true) => Tense::Future,
        Some(false) => Tense::Past,
        None => {
            languages::clause_tense(words, sentence, start, start.saturating_add(mention.len()))
        }
    }
}

/// The date expressions of a sentence in `language` (ISO 639-1), outside quotations: French,
/// German and Spanish by their own words, any other language as English ([`find_dates`]).
pub fn find_dates_in(sentence: &Sentence, index: usize, language: &str) -> Vec<DateMention> {
    let Some(words) = languages::words_of(language) else {
        return find_dates(sentence, index);
    };
    let text = &sentence.text;
    let quoted = closed_quote_spans(text);
    languages::find(words, text)
        .into_iter()
        .filter(|&(_, (s, _), _)| !quoted.iter().any(|&(qs, qe)| qs <= s && s < qe))
        .filter_map(|(expr, (s, e), own)| {
            let future = match own {
                Some(f) => f,
                None => languages::clause_tense(words, text, s, e) == Tense::Future,
            };
            Some(DateMention {
                expr,
                text: text.get(s..e)?.to_string(),
                future,
                sentence: index,
            })
        })
        .collect()
}

/// Subordinate-clause openers of `data/dates/clauses.txt`: (language, only first after a comma,
/// the opener's words).
static CLAUSE_OPENERS: LazyLock<Vec<(&'static str, bool, Vec<&'static str>)>> =
    LazyLock::new(|| {
        parallax_text::lines(include_str!("../../data/dates/clauses.txt"))
            .filter_map(|l| {
                let (head, words) = l.split_once(':')?;
                let (language, place) = head.split_once(' ')?;
                let words: Vec<&str> = words.split_whitespace().collect();
                (!words.is_empty()).then_some((language, place.trim() == "first", words))
            })
            .collect()
    });

/// Whether the date expression at byte `start` of `sentence` (in `language`, ISO 639-1; English
/// when none of the listed) stands in a subordinate clause: a relative or complement clause
/// opens between the start of its stretch (the sentence start or the last comma, semicolon,
/// colon or dash before it) and it ("X, who took office last year, ...", "said on Monday that
/// talks resume next week"). A date there is not the date of the sentence's main happening.
pub fn in_subordinate_clause(sentence: &str, start: usize, language: &str) -> bool {
    let language = if CLAUSE_OPENERS.iter().any(|(l, _, _)| *l == language) {
        language
    } else {
        "en"
    };
    let before = sentence.get(..start).unwrap_or("");
    let stretch_start = before
        .rfind([',', ';', ':', '–', '—', '('])
        .map_or(0, |i| i + 1);
    let stretch = before.get(stretch_start..).unwrap_or("").to_lowercase();
    let words: Vec<&str> = stretch
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    CLAUSE_OPENERS
        .iter()
        .filter(|(l, _, _)| *l == language)
        .filter(|(_, first_only, _)| !*first_only || stretch_start > 0)
        .any(|(_, first_only, opener)| {
            let last = if *first_only { 1 } else { words.len() };
            (0..last.min(words.len())).any(|i| {
                words.get(i..i + opener.len()).is_some_and(|w| {
                    w.iter()
                        .zip(opener)
                        .all(|(a, b)| a == b || b.ends_with(['\'', '’']) && a.starts_with(b))
                })
            })
        })
}

/// The date expressions of an English sentence, outside quotations.
pub fn find_dates(sentence: &Sentence, index: usize) -> Vec<DateMention> {
    let text = &sentence.text;
    let found = english::scan(text);
    if found.is_empty() {
        return Vec::new();
    }
    let quoted = closed_quote_spans(text);
    let future = std::cell::LazyCell::new(|| english::has_future_word(text));
    let part = |(s, e): english::Span| text.get(s..e).unwrap_or("");
    let mut out = Vec::new();
    for m in found {
        if quoted.iter().any(|&(s, e)| s <= m.start && m.start < e) {
            continue;
        }
        let mut modifier = None;
        let expr = match m.reading {
            Reading::MonthDay { month, day, year } => {
                month_day(part(month), Some(part(day)), year.map(part))
            }
            Reading::Relative { rel, unit } => {
                let n = match part(rel).to_lowercase().as_str() {
                    "last" | "past" => -1,
                    "next" | "coming" => 1,
                    _ => 0,
                };
                match part(unit).to_lowercase().as_str() {
                    "week" | "weekend" => Some(DateExpr::WeekOffset(n)),
                    "month" => Some(DateExpr::MonthOffset(n as i32)),
                    _ => Some(DateExpr::YearOffset(n as i32)),
                }
            }
            Reading::Ago { count, unit } => {
                let n: i64 = match part(count).to_lowercase().as_str() {
                    "a" => 1,
                    "two" => 2,
                    "three" => 3,
                    "four" => 4,
                    "five" => 5,
                    "six" => 6,
                    digits => digits.parse().unwrap_or(0),
                };
                match part(unit).trim_end_matches('s').to_lowercase().as_str() {
                    "day" => Some(DateExpr::DayOffset(-n)),
                    "week" => Some(DateExpr::WeekOffset(-n)),
                    // A count past i32 is past the calendar: no date rather than a wrapped one.
                    "month" => i32::try_from(-n).ok().map(DateExpr::MonthOffset),
                    _ => i32::try_from(-n).ok().map(DateExpr::YearOffset),
                }
            }
            // A time of day alone ("at 1400 GMT") is on the day the article was written.
            Reading::Clock => Some(DateExpr::DayOffset(0)),
            Reading::Word(w) => Some(DateExpr::DayOffset(match part(w).to_lowercase().as_str() {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            })),
            Reading::Weekday {
                modifier: m_span,
                weekday,
            } => {
                modifier = m_span.map(|s| part(s).to_lowercase());
                // "Fox News Sunday" is a name: a capitalised word right before, not a sentence
                // start.
                let before = text.get(..m.start).unwrap_or("").trim_end();
                let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
                let named = modifier.is_none()
                    && prev.chars().next().is_some_and(char::is_uppercase)
                    && !before.ends_with(['.', ',', ':', ';']);
                if named {
                    None
                } else {
                    weekday_from_name(part(weekday)).map(DateExpr::Weekday)
                }
            }
            Reading::Month { month, digit_after } => {
                if digit_after {
                    None
                } else {
                    month_from_name(part(month)).map(DateExpr::Month)
                }
            }
        };
        let Some(expr) = expr else { continue };
        let future = match modifier.as_deref() {
            Some(m) if m == "next" || m.ends_with("coming") => true,
            Some("last") => false,
            _ => *future,
        };
        out.push(DateMention {
            expr,
            text: part((m.start, m.end)).to_string(),
            future,
            sentence: index,
        });
    }
    // A time of day belongs to whatever day the sentence names ("11 pm on Monday").
    if out.iter().any(|d| !english::starts_with_clock(&d.text)) {
        out.retain(|d| !english::starts_with_clock(&d.text));
    }
    out
}

fn month_day(month: &str, day: Option<&str>, year: Option<&str>) -> Option<DateExpr> {
    let month = month_from_name(month)?;
    let day: u32 = day?.parse().ok()?;
    match year.and_then(|y| y.parse::<i32>().ok()) {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day).map(DateExpr::Absolute),
        None => (1..=31)
            .contains(&day)
            .then_some(DateExpr::MonthDay { month, day }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences_of;
    use chrono::Weekday;

    fn dates(text: &str) -> Vec<DateMention> {
        sentences_of(text)
            .iter()
            .enumerate()
            .flat_map(|(i, s)| find_dates(s, i))
            .collect()
    }

    /// Checks the date expressions read in `text`, in order.
    #[track_caller]
    fn check(text: &str, expected: &[DateExpr]) {
        let found: Vec<DateExpr> = dates(text).into_iter().map(|d| d.expr).collect();
        assert_eq!(found, expected, "{text}");
    }

    #[test]
    fn one_case_per_kind_of_expression() {
        check(
            "The ferry sailed on March 3, 2021.",
            &[DateExpr::Absolute(
                NaiveDate::from_ymd_opt(2021, 3, 3).expect("a date"),
            )],
        );
        check(
            "The ferry sails on March 3.",
            &[DateExpr::MonthDay { month: 3, day: 3 }],
        );
        check("Work resumes in April.", &[DateExpr::Month(4)]);
        check(
            "The council met on Tuesday.",
            &[DateExpr::Weekday(Weekday::Tue)],
        );
        check("The council met yesterday.", &[DateExpr::DayOffset(-1)]);
        check("The council meets next week.", &[DateExpr::WeekOffset(1)]);
        check("The council met last month.", &[DateExpr::MonthOffset(-1)]);
        check("The council meets next year.", &[DateExpr::YearOffset(1)]);
        check(
            "The council met three days ago.",
            &[DateExpr::DayOffset(-3)],
        );
    }

    /// Checks the tense read for the first date expression of `text`.
    #[track_caller]
    fn check_tense(text: &str, expected: Tense) {
        let d = dates(text);
        let m = d.first().expect("a date expression");
        let start = text.find(&m.text).expect("mention in text");
        assert_eq!(tense_at(text, start, &m.text), expected, "{text}");
    }

    #[test]
    fn tense_of_a_date_expression() {
        check_tense(
            "Police said on Friday that the road would reopen.",
            Tense::Past,
        );
        check_tense("The minister arrived on Friday.", Tense::Past);
        check_tense("The talks will resume on Friday.", Tense::Future);
        check_tense("The vote is set to take place on Friday.", Tense::Future);
        check_tense("The vote takes place the upcoming Friday.", Tense::Future);
        check_tense("He spoke next Friday.", Tense::Future);
        check_tense("Crowds gathered last Friday.", Tense::Past);
        check_tense("On Friday, officials announced a curfew.", Tense::Past);
        check_tense(
            "Officials said that on Friday the port will reopen.",
            Tense::Future,
        );
        check_tense("A hundred people on Friday.", Tense::Unstated);
        check_tense("He said work would resume on Friday.", Tense::Future);
        check_tense("They could be allowed to return on Friday.", Tense::Future);
    }

    #[test]
    fn expressions_are_recognised() {
        let d = dates("Scholz was due to meet Biden on Monday and will visit Kyiv next week.");
        assert_eq!(d.len(), 2, "{d:#?}");
        assert_eq!(d[0].expr, DateExpr::Weekday(Weekday::Mon));
        assert_eq!(d[1].expr, DateExpr::WeekOffset(1));
        assert!(d[0].future);
        let d =
            dates("He spoke on “Fox News Sunday.” Talks began Feb. 7, 2022, and resume in April.");
        assert_eq!(d.len(), 2, "{d:#?}");
        assert_eq!(d[1].expr, DateExpr::Month(4));
        let d = dates("Putin was due to meet Macron at around 1400 GMT for talks.");
        assert_eq!(d[0].expr, DateExpr::DayOffset(0));
        let d = dates("Sullivan said on Sunday that “today is the day.”");
        assert_eq!(d.len(), 1, "{d:#?}");
    }

    /// Checks the date expressions read in `text` of `language`, each with the tense read for it.
    #[track_caller]
    fn check_in(language: &str, text: &str, expected: &[(DateExpr, Tense)]) {
        let found: Vec<(DateExpr, Tense)> = sentences_of(text)
            .iter()
            .enumerate()
            .flat_map(|(i, s)| find_dates_in(s, i, language))
            .map(|d| {
                let start = text.find(&d.text).expect("mention in text");
                (d.expr, tense_at_in(text, start, &d.text, language))
            })
            .collect();
        assert_eq!(found, expected, "{text}");
    }

    #[test]
    fn a_day_a_state_lasts_until_is_read_by_whether_it_holds_now() {
        use Tense::*;
        let sat = DateExpr::Weekday(Weekday::Sat);
        check_in(
            "en",
            "Services have been suspended until at least Saturday.",
            &[(sat.clone(), Future)],
        );
        check_in(
            "en",
            "The road was closed until Saturday.",
            &[(sat.clone(), Unstated)],
        );
        check_in(
            "en",
            "The road will stay closed until Saturday.",
            &[(sat.clone(), Future)],
        );
        check_in(
            "en",
            "The road was closed on Saturday.",
            &[(sat.clone(), Past)],
        );
        check_in(
            "fr",
            "La ligne a été fermée jusqu'à samedi.",
            &[(sat.clone(), Unstated)],
        );
        check_in(
            "es",
            "La carretera permanecerá cerrada hasta el sábado.",
            &[(sat, Future)],
        );
    }

    #[test]
    fn french_german_and_spanish_expressions() {
        use Tense::*;
        check_in(
            "fr",
            "Le maire a été élu l'année dernière.",
            &[(DateExpr::YearOffset(-1), Past)],
        );
        check_in(
            "fr",
            "La police a dit qu'hier le pont était fermé.",
            &[(DateExpr::DayOffset(-1), Past)],
        );
        let march_3 = DateExpr::MonthDay { month: 3, day: 3 };
        let absolute =
            |y, m, d| DateExpr::Absolute(NaiveDate::from_ymd_opt(y, m, d).expect("a date"));
        check_in(
            "fr",
            "Le ferry a coulé le 3 mars.",
            &[(march_3.clone(), Past)],
        );
        check_in(
            "de",
            "Die Fähre sank am 3. März.",
            &[(march_3.clone(), Unstated)],
        );
        check_in(
            "es",
            "El ferry se hundió el 3 de marzo de 2021.",
            &[(absolute(2021, 3, 3), Past)],
        );
        // Another year's month is no month near the article's date.
        check_in(
            "es",
            "El último seísmo comparable se produjo en enero de 2021.",
            &[],
        );
        check_in("fr", "Un incident similaire a eu lieu en mars 2019.", &[]);
        check_in(
            "de",
            "Der letzte Unfall ereignete sich im Januar 2021.",
            &[],
        );
        check_in(
            "es",
            "El anterior se produjo en marzo.",
            &[(DateExpr::Month(3), Past)],
        );
        check_in(
            "fr",
            "Les travaux reprennent le 1er avril 2024.",
            &[(absolute(2024, 4, 1), Unstated)],
        );
        check_in(
            "fr",
            "Le conseil s'est réuni lundi.",
            &[(DateExpr::Weekday(Weekday::Mon), Past)],
        );
        check_in(
            "fr",
            "Le conseil se réunira lundi.",
            &[(DateExpr::Weekday(Weekday::Mon), Future)],
        );
        check_in(
            "fr",
            "Le conseil se réunit mardi dernier.",
            &[(DateExpr::Weekday(Weekday::Tue), Past)],
        );
        check_in(
            "de",
            "Der Rat traf sich am Montag.",
            &[(DateExpr::Weekday(Weekday::Mon), Past)],
        );
        // "konnte … gelöscht werden": a past modal, and "werden" the passive's.
        check_in(
            "de",
            "Das Feuer war am späten Dienstagabend ausgebrochen und konnte erst am frühen Mittwochmorgen gelöscht werden.",
            &[
                (DateExpr::Weekday(Weekday::Tue), Past),
                (DateExpr::Weekday(Weekday::Wed), Past),
            ],
        );
        check_in(
            "de",
            "Der Rat traf sich am Mittwochabend.",
            &[(DateExpr::Weekday(Weekday::Wed), Past)],
        );
        check_in(
            "de",
            "Der Rat tagt am kommenden Montag.",
            &[(DateExpr::Weekday(Weekday::Mon), Future)],
        );
        check_in(
            "de",
            "Der Rat wird am Montag tagen.",
            &[(DateExpr::Weekday(Weekday::Mon), Future)],
        );
        check_in(
            "es",
            "El consejo se reunió el lunes.",
            &[(DateExpr::Weekday(Weekday::Mon), Past)],
        );
        check_in(
            "es",
            "El consejo visitará el lunes la ciudad.",
            &[(DateExpr::Weekday(Weekday::Mon), Future)],
        );
        check_in(
            "es",
            "El consejo se reúne el próximo lunes.",
            &[(DateExpr::Weekday(Weekday::Mon), Future)],
        );
        check_in(
            "fr",
            "Le maire a parlé hier.",
            &[(DateExpr::DayOffset(-1), Past)],
        );
        check_in(
            "de",
            "Der Bürgermeister sprach gestern.",
            &[(DateExpr::DayOffset(-1), Unstated)],
        );
        check_in(
            "es",
            "El alcalde habló ayer.",
            &[(DateExpr::DayOffset(-1), Past)],
        );
        check_in(
            "fr",
            "Le vote a eu lieu la semaine dernière.",
            &[(DateExpr::WeekOffset(-1), Past)],
        );
        check_in(
            "de",
            "Die Wahl findet nächste Woche statt.",
            &[(DateExpr::WeekOffset(1), Future)],
        );
        check_in(
            "es",
            "La votación fue el año pasado.",
            &[(DateExpr::YearOffset(-1), Past)],
        );
        check_in(
            "fr",
            "Le pont a fermé il y a trois jours.",
            &[(DateExpr::DayOffset(-3), Past)],
        );
        check_in(
            "de",
            "Die Brücke schloss vor drei Tagen.",
            &[(DateExpr::DayOffset(-3), Past)],
        );
        check_in(
            "es",
            "El puente cerró hace un año.",
            &[(DateExpr::YearOffset(-1), Past)],
        );
        check_in(
            "fr",
            "Les travaux reprennent en avril.",
            &[(DateExpr::Month(4), Unstated)],
        );
        check_in(
            "de",
            "Die Arbeiten beginnen im April.",
            &[(DateExpr::Month(4), Unstated)],
        );
    }

    #[test]
    fn nouns_and_quotes_are_not_dates() {
        use Tense::*;
        // "heute Morgen" is this morning, "esta mañana" too: a noun, not tomorrow.
        check_in(
            "de",
            "Der Rat hat heute Morgen getagt.",
            &[(DateExpr::DayOffset(0), Past)],
        );
        check_in("es", "El consejo se reunió esta mañana.", &[]);
        // German "hier" is "here"; French abbreviations of English ("mar", "sun") are words.
        check_in("de", "Der Rat tagt hier.", &[]);
        check_in(
            "fr",
            "Le maire a dit « nous partirons lundi » à la presse.",
            &[],
        );
        // English sentences are read as before.
        check_in(
            "en",
            "The council met on Tuesday.",
            &[(DateExpr::Weekday(Weekday::Tue), Past)],
        );
    }

    /// Checks whether the date expression `mention` of `text` stands in a subordinate clause.
    #[track_caller]
    fn check_clause(language: &str, text: &str, mention: &str, expected: bool) {
        let start = text.find(mention).expect("mention in text");
        assert_eq!(
            in_subordinate_clause(text, start, language),
            expected,
            "{mention} in {text}"
        );
    }

    #[test]
    fn dates_in_subordinate_clauses() {
        let relative = "The mayor, who took office last year, opened the bridge on Monday.";
        check_clause("en", relative, "last year", true);
        check_clause("en", relative, "on Monday", false);
        let reported = "Police said on Friday that the road would reopen next week.";
        check_clause("en", reported, "on Friday", false);
        check_clause("en", reported, "next week", true);
        let coordinated = "The mayor met the council on Monday and will visit the port next week.";
        check_clause("en", coordinated, "next week", false);
        check_clause(
            "fr",
            "Le maire, qui a pris ses fonctions l'an dernier, a inauguré le pont lundi.",
            "l'an dernier",
            true,
        );
        check_clause(
            "fr",
            "La police a indiqué vendredi qu'elle rouvrira la route la semaine prochaine.",
            "la semaine prochaine",
            true,
        );
        check_clause("de", "Der Bürgermeister, der im vergangenen Jahr gewählt wurde, eröffnete am Montag die Brücke.", "im vergangenen Jahr", true);
        check_clause(
            "de",
            "Der Bürgermeister eröffnete am Montag die Brücke.",
            "am Montag",
            false,
        );
        check_clause(
            "es",
            "La policía dijo el viernes que la carretera abrirá la próxima semana.",
            "la próxima semana",
            true,
        );
        check_clause(
            "es",
            "La policía dijo el viernes que la carretera abrirá la próxima semana.",
            "el viernes",
            false,
        );
    }

    #[test]
    fn counts_past_the_calendar_do_not_panic() {
        // i32::MIN months: negating its i32 once overflowed.
        let d = dates("The vote was held 2147483648 months ago and 99999999999 years ago.");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].expr, DateExpr::MonthOffset(i32::MIN));
        let d = dates("The plan was drafted 100000000 days ago by the council.");
        assert_eq!(d[0].expr, DateExpr::DayOffset(-100_000_000));
    }
}
