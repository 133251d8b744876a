//! Date expressions in sentences ("on Monday", "next week", "Feb. 7", "last month"), kept
//! unresolved until the story's anchor date is known.

use std::sync::LazyLock;

use chrono::NaiveDate;
use parallax_core::calendar::{month_from_name, weekday_from_name, MONTH_PATTERN, WEEKDAY_PATTERN};
use parallax_core::{DateExpr, DateMention, Sentence};
use regex::Regex;

use crate::sentences::closed_quote_spans;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i-u)\b(?:(?P<md_month>{MONTH_PATTERN})\.?\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_year>\d{{4}}))?|(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dm_month>{MONTH_PATTERN})\b\.?(?:,?\s+(?P<dm_year>\d{{4}}))?|(?P<rel>last|next|this|past|coming)\s+(?P<unit>week|month|year|weekend)|(?P<ago_n>\d+|two|three|four|five|six|a)\s+(?P<ago_unit>days?|weeks?|months?|years?)\s+ago|(?P<word>yesterday|today|tomorrow|tonight)|(?P<clock>(?:at\s+(?:around\s+|about\s+)?)?(?:\d{{1,2}}(?::\d{{2}})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{{4}}\s+(?:GMT|UTC)\b|noon\b|midnight\b))|(?:(?P<wd_mod>last|next|this|on|late|early|later\s+on|earlier\s+on)\s+)?(?P<weekday>{WEEKDAY_PATTERN})\b|(?P<m_prep>in|since|by|until|from|early|late|mid-)\s*(?P<month>{MONTH_PATTERN})\b(?P<m_after>\s+\d)?)"
    ))
    .expect("valid regex")
});

static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:will|'ll|shall|(?:is|are|was|were)\s+(?:due|set|scheduled|expected|to)\b|plans?\s+to|planned\s+to|upcoming|later|next|would)\b")
        .expect("valid regex")
});

/// The date expressions of a sentence, outside quotations.
pub fn find_dates(sentence: &Sentence, index: usize) -> Vec<DateMention> {
    let text = &sentence.text;
    let quoted = closed_quote_spans(text);
    let future = FUTURE.is_match(text);
    let mut out = Vec::new();
    // Find with the fast engine, then read groups from the match alone.
    for all in DATE.find_iter(text) {
        let Some(c) = DATE.captures(all.as_str()) else {
            continue;
        };
        if quoted
            .iter()
            .any(|&(s, e)| s <= all.start() && all.start() < e)
        {
            continue;
        }
        let expr = if let Some(m) = c.name("md_month") {
            month_day(
                m.as_str(),
                c.name("md_day").map(|d| d.as_str()),
                c.name("md_year").map(|y| y.as_str()),
            )
        } else if let Some(m) = c.name("dm_month") {
            month_day(
                m.as_str(),
                c.name("dm_day").map(|d| d.as_str()),
                c.name("dm_year").map(|y| y.as_str()),
            )
        } else if let (Some(rel), Some(unit)) = (c.name("rel"), c.name("unit")) {
            let n = match rel.as_str().to_lowercase().as_str() {
                "last" | "past" => -1,
                "next" | "coming" => 1,
                _ => 0,
            };
            match unit.as_str().to_lowercase().as_str() {
                "week" | "weekend" => Some(DateExpr::WeekOffset(n)),
                "month" => Some(DateExpr::MonthOffset(n as i32)),
                _ => Some(DateExpr::YearOffset(n as i32)),
            }
        } else if let (Some(n), Some(unit)) = (c.name("ago_n"), c.name("ago_unit")) {
            let n: i64 = match n.as_str().to_lowercase().as_str() {
                "a" => 1,
                "two" => 2,
                "three" => 3,
                "four" => 4,
                "five" => 5,
                "six" => 6,
                digits => digits.parse().unwrap_or(0),
            };
            match unit.as_str().trim_end_matches('s').to_lowercase().as_str() {
                "day" => Some(DateExpr::DayOffset(-n)),
                "week" => Some(DateExpr::WeekOffset(-n)),
                // A count past i32 is past the calendar: no date rather than a wrapped one.
                "month" => i32::try_from(-n).ok().map(DateExpr::MonthOffset),
                _ => i32::try_from(-n).ok().map(DateExpr::YearOffset),
            }
        } else if c.name("clock").is_some() {
            // A time of day alone ("at 1400 GMT") is on the day the article was written.
            Some(DateExpr::DayOffset(0))
        } else if let Some(w) = c.name("word") {
            Some(DateExpr::DayOffset(
                match w.as_str().to_lowercase().as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                },
            ))
        } else if let Some(wd) = c.name("weekday") {
            // "Fox News Sunday" is a name: a capitalised word right before, not a sentence start.
            let before = text[..all.start()].trim_end();
            let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let named = c.name("wd_mod").is_none()
                && prev.chars().next().is_some_and(char::is_uppercase)
                && !before.ends_with(['.', ',', ':', ';']);
            if named {
                None
            } else {
                weekday_from_name(wd.as_str()).map(DateExpr::Weekday)
            }
        } else if let Some(m) = c.name("month") {
            if c.name("m_after").is_some() {
                None
            } else {
                month_from_name(m.as_str()).map(DateExpr::Month)
            }
        } else {
            None
        };
        let Some(expr) = expr else { continue };
        let wd_future = c.name("wd_mod").map(|m| m.as_str().to_lowercase());
        let future = match wd_future.as_deref() {
            Some("next") => true,
            Some("last") => false,
            _ => future,
        };
        out.push(DateMention {
            expr,
            text: all.as_str().to_string(),
            future,
            sentence: index,
        });
    }
    // A time of day belongs to whatever day the sentence names ("11 pm on Monday").
    if out.iter().any(|d| !CLOCK.is_match(&d.text)) {
        out.retain(|d| !CLOCK.is_match(&d.text));
    }
    out
}

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:at\s+)?(?:around\s+|about\s+)?(?:\d|noon|midnight)").expect("valid regex")
});

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
