//! Month and weekday names as news writes them in English, French, German and Spanish
//! ("Feb.", "Sept", "mars", "März", "marzo", "Tuesday", "mardi"), from `data/months.txt` and
//! `data/weekdays.txt`.
//!
//! The English-only functions and patterns ([`month_from_name`], [`MONTH_PATTERN`]) stay for
//! English sentences, where "Mars" or "Mai" are not months; the `_any` ones read all four
//! languages, for page dates.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::Weekday;

fn entries(data: &'static str) -> impl Iterator<Item = (u32, Vec<&'static str>)> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let n = words.next()?.parse().ok()?;
            Some((n, words.collect()))
        })
}

static MONTHS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    entries(include_str!("../data/months.txt"))
        .flat_map(|(n, words)| words.into_iter().map(move |w| (w, n)))
        .collect()
});

static WEEKDAYS: LazyLock<HashMap<&'static str, Weekday>> = LazyLock::new(|| {
    entries(include_str!("../data/weekdays.txt"))
        .filter_map(|(n, words)| {
            let day = Weekday::try_from(u8::try_from(n.checked_sub(1)?).ok()?).ok()?;
            Some(words.into_iter().map(move |w| (w, day)))
        })
        .flatten()
        .collect()
});

/// An alternation of every spelling, longest first, with regex metacharacters escaped.
fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut words: Vec<&str> = words.collect();
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    words.dedup();
    let escaped: Vec<String> = words
        .iter()
        .map(|w| {
            w.chars()
                .flat_map(|c| {
                    let special = "\\.+*?()|[]{}^$#&-~".contains(c);
                    special
                        .then_some('\\')
                        .into_iter()
                        .chain(std::iter::once(c))
                })
                .collect()
        })
        .collect();
    format!("(?:{})", escaped.join("|"))
}

/// The month (1-12) a name or abbreviation stands for in English, French, German or Spanish,
/// ignoring case and a trailing dot.
pub fn month_from_name_any(word: &str) -> Option<u32> {
    let w = ascii_or_unicode_lowercase(word.trim_end_matches('.'));
    MONTHS.get(w.as_str()).copied()
}

/// The weekday a name or abbreviation stands for in English, French, German or Spanish.
pub fn weekday_from_name_any(word: &str) -> Option<Weekday> {
    let w = ascii_or_unicode_lowercase(word.trim_end_matches('.'));
    WEEKDAYS.get(w.as_str()).copied()
}

/// `str::to_lowercase`, without its Unicode tables for ASCII.
fn ascii_or_unicode_lowercase(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase()
    }
}

/// Every lowercase spelling of a month in the four languages (`data/months.txt`).
pub fn month_names_any() -> impl Iterator<Item = &'static str> {
    MONTHS.keys().copied()
}

/// The regular-expression alternation matching any month name or abbreviation of the four
/// languages (use with case-insensitive matching).
pub static MONTH_PATTERN_ANY: LazyLock<String> =
    LazyLock::new(|| alternation(MONTHS.keys().copied()));

/// The regular-expression alternation matching any weekday name or abbreviation of the four
/// languages (use with case-insensitive matching).
pub static WEEKDAY_PATTERN_ANY: LazyLock<String> =
    LazyLock::new(|| alternation(WEEKDAYS.keys().copied()));

/// The month (1-12) an English name or abbreviation stands for, ignoring case and a trailing dot.
pub fn month_from_name(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let month = match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(month)
}

/// The weekday an English name or abbreviation stands for, ignoring case and a trailing dot.
pub fn weekday_from_name(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let day = match w.as_str() {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    };
    Some(day)
}

/// The regular-expression alternation matching any English month name or abbreviation.
pub const MONTH_PATTERN: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// The regular-expression alternation matching any full English weekday name.
pub const WEEKDAY_PATTERN: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(word: &str, month: Option<u32>) {
        assert_eq!(month_from_name_any(word), month, "{word}");
    }

    #[test]
    fn months_in_four_languages() {
        check("Sept.", Some(9));
        check("mars", Some(3));
        check("März", Some(3));
        check("marzo", Some(3));
        check("août", Some(8));
        check("Dezember", Some(12));
        check("dic.", Some(12));
        check("Monday", None);
        assert_eq!(month_from_name("mars"), None);
    }

    #[test]
    fn weekdays_in_four_languages() {
        assert_eq!(weekday_from_name_any("mardi"), Some(Weekday::Tue));
        assert_eq!(weekday_from_name_any("Samstag"), Some(Weekday::Sat));
        assert_eq!(weekday_from_name_any("miércoles"), Some(Weekday::Wed));
        assert_eq!(weekday_from_name_any("Sun."), Some(Weekday::Sun));
    }

    #[test]
    fn patterns_escape_and_cover_every_name() {
        let re = format!("^{}$", &*MONTH_PATTERN_ANY);
        for w in ["décembre", "jänner", "sept", "may"] {
            assert!(regex_lite_match(&re, w), "{w}");
        }
    }

    /// The alternation is plain: every name appears in it verbatim.
    fn regex_lite_match(pattern: &str, word: &str) -> bool {
        pattern.contains(word)
    }
}
