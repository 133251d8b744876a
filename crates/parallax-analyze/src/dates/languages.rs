//! Date expressions of French, German and Spanish sentences ("le 3 mars", "am 3. März", "el 3 de
//! marzo", "mardi dernier", "am vergangenen Montag", "hace tres días", "hier", "gestern"), read
//! word by word with the words of `data/dates/<language>.txt`, and the tense of their clause.

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

use chrono::NaiveDate;
use parallax_core::calendar::{month_from_name_any, weekday_from_name_any};
use parallax_core::DateExpr;

use super::Tense;

/// Full month names of the four languages (`data/months.txt`): abbreviations ("mar", "set",
/// "ago") are words of their own in running text.
static MONTH_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| parallax_text::list_words(include_str!("../../data/months.txt")).collect());

/// Weekday abbreviations are at most this long ("thurs"); full names are longer, but for "lunes",
/// "mardi" and the like, which are as long and are no abbreviation.
const MIN_WEEKDAY_CHARS: usize = 5;

/// Words read from before a date expression, and after it, for its tense.
const TENSE_WINDOW: usize = 8;

/// Suffix rules apply to words of at least this many characters.
const MIN_SUFFIX_WORD: usize = 5;

/// The date words of one language: each key of its data file to its phrases, each phrase as
/// lowercase words.
pub(super) struct Words {
    phrases: HashMap<&'static str, Vec<Vec<String>>>,
}

impl Words {
    fn parse(data: &'static str) -> Self {
        let mut phrases: HashMap<&'static str, Vec<Vec<String>>> = HashMap::new();
        for line in parallax_text::lines(data) {
            let Some((key, words)) = line.split_once(':') else {
                continue;
            };
            let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
            if !words.is_empty() {
                phrases.entry(key.trim()).or_default().push(words);
            }
        }
        // Longest first: "pasado mañana" before "pasado".
        for list in phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        Words { phrases }
    }

    fn get(&self, key: &str) -> &[Vec<String>] {
        self.phrases.get(key).map_or(&[], Vec::as_slice)
    }

    /// How many words one of `key`'s phrases takes at `words[i..]`.
    fn at(&self, key: &str, words: &[String], i: usize) -> Option<usize> {
        self.get(key).iter().find_map(|p| {
            words
                .get(i..i.saturating_add(p.len()))
                .is_some_and(|w| w == p.as_slice())
                .then_some(p.len())
        })
    }

    /// The single word `w` is one of `key`'s (one-word) entries.
    fn is(&self, key: &str, w: &str) -> bool {
        self.get(key)
            .iter()
            .any(|p| p.len() == 1 && p.first().is_some_and(|e| e == w))
    }

    /// The relative day a phrase at `words[i..]` names, and its length.
    fn day_at(&self, words: &[String], i: usize) -> Option<(i64, usize)> {
        (-2..=2).find_map(|n: i64| Some((n, self.at(&format!("day{n}"), words, i)?)))
    }

    /// The value of a count word ("3", "trois", "drei", "tres").
    fn number(&self, w: &str) -> Option<i64> {
        if let Ok(n) = w.parse::<i64>() {
            return Some(n);
        }
        self.get("number")
            .iter()
            .find(|p| p.get(1).is_some_and(|x| x == w))
            .and_then(|p| p.first()?.parse().ok())
    }

    /// Which unit a word is ("semaine", "Woche", "mes"), one-word and longer phrases alike.
    fn unit_at(&self, words: &[String], i: usize) -> Option<(Unit, usize)> {
        [
            ("weekend", Unit::Week),
            ("week", Unit::Week),
            ("month", Unit::Month),
            ("year", Unit::Year),
            ("days", Unit::Day),
        ]
        .into_iter()
        .find_map(|(key, unit)| Some((unit, self.at(key, words, i)?)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

fn offset(unit: Unit, n: i64) -> Option<DateExpr> {
    Some(match unit {
        Unit::Day => DateExpr::DayOffset(n),
        Unit::Week => DateExpr::WeekOffset(n),
        Unit::Month => DateExpr::MonthOffset(i32::try_from(n).ok()?),
        Unit::Year => DateExpr::YearOffset(i32::try_from(n).ok()?),
    })
}

static FRENCH: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../../data/dates/fr.txt")));
static GERMAN: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../../data/dates/de.txt")));
static SPANISH: LazyLock<Words> =
    LazyLock::new(|| Words::parse(include_str!("../../data/dates/es.txt")));

/// The date words of a language (ISO 639-1 code), when it is one of French, German, Spanish.
pub(super) fn words_of(language: &str) -> Option<&'static Words> {
    match language {
        "fr" => Some(&FRENCH),
        "de" => Some(&GERMAN),
        "es" => Some(&SPANISH),
        _ => None,
    }
}

/// The words of a text with their byte spans: letters, digits and the apostrophes and hyphens
/// inside a word ("aujourd'hui", "avant-hier").
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let inner = |c: char| c == '\'' || c == '’' || c == '-';
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || (inner(c) && start.is_some()) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    // A word does not end with a hyphen; an elided article or pronoun is a word of its own
    // ("l'année" is "l'" and "année"), a longer word before an apostrophe is one ("aujourd'hui").
    let mut words = Vec::with_capacity(out.len());
    for (s, e) in out {
        let word = text.get(s..e).unwrap_or("").trim_end_matches('-');
        let e = s + word.len();
        match word.char_indices().find(|&(_, c)| c == '\'' || c == '’') {
            Some((i, c))
                if (1..=2).contains(&word[..i].chars().count())
                    && i + c.len_utf8() < word.len() =>
            {
                let cut = s + i + c.len_utf8();
                words.push((s, cut));
                words.push((cut, e));
            }
            _ => words.push((s, e)),
        }
    }
    words.retain(|(s, e)| e > s);
    words
}

/// A day of the month ("3", "1er", "1º") in 1..=31.
fn day_of_month(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| !c.is_ascii_digit());
    let suffix = &w[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "er" | "º" | "°" | "o") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn month_of(w: &str) -> Option<u32> {
    MONTH_NAMES
        .contains(&w)
        .then(|| month_from_name_any(w))
        .flatten()
}

fn weekday_of(w: &str) -> Option<chrono::Weekday> {
    (w.chars().count() >= MIN_WEEKDAY_CHARS)
        .then(|| weekday_from_name_any(w).or_else(|| weekday_with_part_of_day(w)))
        .flatten()
}

/// The weekday of a lowercase word that is a weekday and a part of the day in one.
/// The parts of the day are German (`part-of-day-suffix` in `data/dates/de.txt`): "Mittwochmorgen".
fn weekday_with_part_of_day(w: &str) -> Option<chrono::Weekday> {
    GERMAN
        .get("part-of-day-suffix")
        .iter()
        .filter_map(|part| part.first())
        .find_map(|part| w.strip_suffix(part.as_str()))
        .filter(|day| day.chars().count() >= MIN_WEEKDAY_CHARS)
        .and_then(weekday_from_name_any)
}

/// One expression: what it says, its first and past-last word, and whether its own words put it
/// in the past (`Some(false)`) or the future (`Some(true)`).
struct Found {
    expr: DateExpr,
    end: usize,
    future: Option<bool>,
}

/// The date expressions of a sentence of the language `words` is for: (expression, byte span,
/// tense its own words give).
pub(super) fn find(words: &Words, text: &str) -> Vec<(DateExpr, (usize, usize), Option<bool>)> {
    let spans = word_spans(text);
    let lower: Vec<String> = spans
        .iter()
        .map(|&(s, e)| text[s..e].to_lowercase())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        match read_at(words, text, &spans, &lower, i) {
            Some(f) => {
                let (Some(&(start, _)), Some(&(_, end))) =
                    (spans.get(i), spans.get(f.end.saturating_sub(1)))
                else {
                    break;
                };
                out.push((f.expr, (start, end), f.future));
                i = f.end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// The expression that starts at word `i`, if any.
fn read_at(
    words: &Words,
    text: &str,
    spans: &[(usize, usize)],
    lower: &[String],
    i: usize,
) -> Option<Found> {
    let w = lower.get(i)?.as_str();
    // "3 mars 2024", "3. März", "3 de marzo de 2024".
    if let Some(day) = day_of_month(w) {
        let mut j = i + 1;
        if lower.get(j).is_some_and(|x| x == "de") {
            j += 1;
        }
        if let Some(month) = lower.get(j).and_then(|m| month_of(m)) {
            let mut end = j + 1;
            let mut k = end;
            if lower.get(k).is_some_and(|x| x == "de") {
                k += 1;
            }
            let year = lower
                .get(k)
                .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|y| y.parse::<i32>().ok());
            let expr = match year {
                Some(y) => {
                    end = k + 1;
                    DateExpr::Absolute(NaiveDate::from_ymd_opt(y, month, day)?)
                }
                None => DateExpr::MonthDay { month, day },
            };
            return Some(Found {
                expr,
                end,
                future: None,
            });
        }
    }
    // "vergangenen Montag", "el próximo lunes", "letzte Woche", "cette semaine".
    for (key, future) in [
        ("past-before", Some(false)),
        ("future-before", Some(true)),
        ("this", None),
    ] {
        if let Some(n) = words.at(key, lower, i) {
            let j = i + n;
            let sign = match future {
                Some(true) => 1,
                Some(false) => -1,
                None => 0,
            };
            if let Some(day) = lower.get(j).and_then(|x| weekday_of(x)) {
                return Some(Found {
                    expr: DateExpr::Weekday(day),
                    end: j + 1,
                    future,
                });
            }
            if let Some((unit, m)) = words.unit_at(lower, j).filter(|(u, _)| *u != Unit::Day) {
                return Some(Found {
                    expr: offset(unit, sign)?,
                    end: j + m,
                    future,
                });
            }
        }
    }
    // "mardi dernier", "el lunes pasado", "am Montag".
    if let Some(day) = weekday_of(w) {
        let (end, future) = after_modifier(words, lower, i + 1);
        return Some(Found {
            expr: DateExpr::Weekday(day),
            end,
            future,
        });
    }
    // "la semaine dernière", "el año que viene".
    if let Some((unit, n)) = words.unit_at(lower, i).filter(|(u, _)| *u != Unit::Day) {
        let (end, future) = after_modifier(words, lower, i + n);
        if let Some(f) = future {
            return Some(Found {
                expr: offset(unit, if f { 1 } else { -1 })?,
                end,
                future,
            });
        }
    }
    // "il y a trois jours", "vor drei Tagen", "hace un año".
    if let Some(n) = words.at("ago", lower, i) {
        let count = lower.get(i + n).and_then(|x| words.number(x));
        let unit = words.unit_at(lower, i + n + 1);
        if let (Some(count), Some((unit, m))) = (count, unit) {
            return Some(Found {
                expr: offset(unit, count.checked_neg()?)?,
                end: i + n + 1 + m,
                future: Some(false),
            });
        }
    }
    // "hier", "gestern", "ayer"; not "heute Morgen" (a noun) nor "esta mañana".
    if let Some((days, n)) = words.day_at(lower, i) {
        let written = spans
            .get(i)
            .and_then(|&(s, e)| text.get(s..e))
            .unwrap_or("");
        let capital_inside = i > 0 && written.starts_with(char::is_uppercase);
        let noun = i > 0
            && lower
                .get(i - 1)
                .is_some_and(|p| words.is("day-not-after", p));
        if !capital_inside && !noun {
            return Some(Found {
                expr: DateExpr::DayOffset(days),
                end: i + n,
                future: None,
            });
        }
    }
    // "en mars", "im März", "a mediados de marzo"; not "en enero de 2021", which names another
    // year's month (as the English scanner reads "in January 2021").
    if let Some(n) = words.at("month-prep", lower, i) {
        let month = lower.get(i + n).and_then(|m| month_of(m));
        let year_after = || {
            let k = i + n + 1 + usize::from(lower.get(i + n + 1).is_some_and(|x| x == "de"));
            lower
                .get(k)
                .is_some_and(|y| y.bytes().next().is_some_and(|b| b.is_ascii_digit()))
        };
        if let Some(month) = month.filter(|_| !year_after()) {
            return Some(Found {
                expr: DateExpr::Month(month),
                end: i + n + 1,
                future: None,
            });
        }
    }
    None
}

/// A past or future modifier after a weekday or unit at word `j`: where the expression ends and
/// what the modifier says.
fn after_modifier(words: &Words, lower: &[String], j: usize) -> (usize, Option<bool>) {
    if let Some(n) = words.at("past-after", lower, j) {
        (j + n, Some(false))
    } else if let Some(n) = words.at("future-after", lower, j) {
        (j + n, Some(true))
    } else {
        (j, None)
    }
}

/// The tense of the clause a date expression at bytes `start..end` of `text` stands in: the
/// nearest tense word before it in its clause, then the nearest after it.
pub(super) fn clause_tense(words: &Words, text: &str, start: usize, end: usize) -> Tense {
    let before = text.get(..start).unwrap_or("");
    let before_words: Vec<String> = word_spans(before)
        .iter()
        .map(|&(s, e)| before[s..e].to_lowercase())
        .collect();
    let punct = before.rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let punct_words = word_spans(before.get(..punct).unwrap_or("")).len();
    let clause_from = before_words
        .iter()
        .rposition(|w| is_clause_word(words, w))
        .map_or(0, |i| i + 1)
        .max(punct_words);
    let clause = before_words.get(clause_from..).unwrap_or(&[]);
    let tail = &clause[clause.len().saturating_sub(TENSE_WINDOW)..];
    if let Some(t) = (0..tail.len())
        .rev()
        .find_map(|i| tense_at_word(words, tail, i))
    {
        return t;
    }
    let after = text.get(end.min(text.len())..).unwrap_or("");
    let after = after.split([',', ';']).next().unwrap_or("");
    let after_words: Vec<String> = word_spans(after)
        .iter()
        .map(|&(s, e)| after[s..e].to_lowercase())
        .take_while(|w| !is_clause_word(words, w))
        .take(TENSE_WINDOW)
        .collect();
    (0..after_words.len())
        .find_map(|i| tense_at_word(words, &after_words, i))
        .unwrap_or(Tense::Unstated)
}

/// The tense a listed word or phrase ("s' est", "se sont") at `clause[i..]` sets, else the
/// tense of the word's ending.
fn tense_at_word(words: &Words, clause: &[String], i: usize) -> Option<Tense> {
    if words.at("past", clause, i).is_some() {
        return Some(Tense::Past);
    }
    if words.at("future", clause, i).is_some() {
        return Some(Tense::Future);
    }
    tense_of(words, clause.get(i)?)
}

fn is_clause_word(words: &Words, w: &str) -> bool {
    let w = w.trim_end_matches(['\'', '’']);
    words.get("clause").iter().any(|p| {
        p.len() == 1
            && p.first()
                .is_some_and(|c| c.trim_end_matches(['\'', '’']) == w)
    })
}

fn tense_of(words: &Words, w: &str) -> Option<Tense> {
    if words.is("past", w) {
        return Some(Tense::Past);
    }
    if words.is("future", w) {
        return Some(Tense::Future);
    }
    if w.chars().count() < MIN_SUFFIX_WORD {
        return None;
    }
    let ends = |key: &str| {
        words
            .get(key)
            .iter()
            .any(|p| p.first().is_some_and(|e| w.ends_with(e.as_str())))
    };
    if ends("future-suffix") {
        Some(Tense::Future)
    } else if ends("past-suffix") {
        Some(Tense::Past)
    } else {
        None
    }
}
