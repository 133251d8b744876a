//! What `analyze` produces: an article read into sentences, entities, quotes, figures and dates.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::{Article, Diagnostic};

/// One sentence of an article's clean text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence as written.
    pub text: String,
    /// Byte offset of the sentence in `Article::text`.
    pub start: usize,
    /// Index of the paragraph it stands in.
    pub paragraph: usize,
    /// Lowercased word tokens, in order.
    pub words: Vec<String>,
    /// The stem of each word in `words` (same length).
    pub stems: Vec<String>,
    /// Content terms: stems of non-stopwords, with demonyms folded into their place
    /// ("Russian" -> "russia") and numbers in a canonical form.
    pub terms: Vec<String>,
}

/// The broad kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A company, institution, government body, party or outlet.
    Organization,
    /// A country, city, region or other place.
    Place,
    /// Anything else with a name (events, programmes, products).
    Other,
}

/// One mention of a named entity in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    /// The fullest name the article uses for it ("Dmitry Peskov" for a later "Peskov").
    pub name: String,
    /// The words as they stand here.
    pub surface: String,
    /// What kind of thing it names.
    pub kind: EntityKind,
    /// A role or title written next to the name ("Kremlin spokesman"), kept apart from it.
    pub title: Option<String>,
    /// Index of the sentence it stands in.
    pub sentence: usize,
    /// Byte offset of the name in `Article::text`.
    pub start: usize,
    /// Byte offset just past the name in `Article::text`.
    pub end: usize,
}

/// Who a quote is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// A person's or organisation's full name, or a description when no name is given
    /// ("a spokesman for the ministry").
    pub name: String,
    /// The speaker's role or title, when the article gives one.
    pub title: Option<String>,
    /// Whether `name` is a named entity (as opposed to a description).
    pub named: bool,
}

/// A direct or partial quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Whether it is a fragment inside the reporter's own sentence rather than a whole statement.
    pub partial: bool,
    /// Who said it, when the article says.
    pub speaker: Option<Speaker>,
    /// Index of the sentence where the quote opens.
    pub sentence: usize,
}

/// How a qualifier bounds a figure's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// As stated.
    Exact,
    /// Approximately ("about", "some", "roughly").
    Around,
    /// Strictly above ("more than", "over").
    Above,
    /// Strictly below, possibly far ("fewer than", "under").
    Below,
    /// Just under ("nearly", "almost", "close to").
    Nearly,
    /// At or above ("at least").
    AtLeast,
    /// At or below ("up to", "at most").
    AtMost,
}

/// A number an article reports, with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The value, scale words applied ("1.2 million" -> 1200000).
    pub value: f64,
    /// The qualifier as written ("more than"), if any.
    pub qualifier: Option<String>,
    /// How the qualifier bounds the value.
    pub direction: Direction,
    /// What is counted, as written ("US troops").
    pub about: String,
    /// The stem of the counted thing's head noun ("troop"), used to match figures across outlets.
    pub head: String,
    /// The whole figure phrase as written ("nearly 3,000 US troops").
    pub text: String,
    /// Index of the sentence it stands in.
    pub sentence: usize,
    /// What kind of quantity it is.
    #[serde(default)]
    pub kind: FigureKind,
    /// The upper end of a range ("10 to 20"), or the second number of a score or vote ("6-3").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// The unit, normalised: a currency code ("USD"), a measure ("km"), a duration ("minute"),
    /// "%" for percentages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// What kind of quantity a figure is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// A number of things ("300 residents").
    #[default]
    Count,
    /// A rank ("the 23rd minute", "third place").
    Ordinal,
    /// A percentage ("55 percent").
    Percent,
    /// An amount of money ("$1.2 billion").
    Money,
    /// A measurement with a unit ("5 km", "magnitude 7.8").
    Measure,
    /// A length of time ("120 minutes").
    Duration,
    /// A score or a vote tally ("6-3", "52 to 48").
    Score,
}

/// How precise a resolved date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// A calendar day.
    Day,
    /// A week, given by its Monday.
    Week,
    /// A month, given by its first day.
    Month,
    /// A year, given by its first day.
    Year,
}

/// A date expression as written, before it is anchored to a calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateExpr {
    /// A full calendar date ("February 7, 2022").
    Absolute(NaiveDate),
    /// A month and day without a year ("Feb. 7"): the nearest such day to the anchor.
    MonthDay {
        /// 1 to 12.
        month: u32,
        /// 1 to 31.
        day: u32,
    },
    /// A month alone ("in April"): the nearest such month to the anchor, in the tense's direction.
    Month(u32),
    /// A weekday ("on Monday"): the nearest such day to the anchor.
    Weekday(Weekday),
    /// Days from the anchor ("yesterday" -1, "today" 0, "tomorrow" +1).
    DayOffset(i64),
    /// Weeks from the anchor's week ("last week" -1, "next week" +1).
    WeekOffset(i64),
    /// Months from the anchor's month ("last month" -1).
    MonthOffset(i32),
    /// Years from the anchor's year ("last year" -1).
    YearOffset(i32),
}

/// A date expression in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// What the words say.
    pub expr: DateExpr,
    /// The words as written ("on Monday").
    pub text: String,
    /// Whether the sentence speaks of the future ("will", "is due to"), which breaks ties.
    pub future: bool,
    /// Index of the sentence it stands in.
    pub sentence: usize,
}

impl DateMention {
    /// The calendar date this expression names when the article was written on `anchor`.
    pub fn resolve(&self, anchor: NaiveDate) -> Option<(NaiveDate, DatePrecision)> {
        use DatePrecision::*;
        match self.expr {
            DateExpr::Absolute(d) => Some((d, Day)),
            DateExpr::MonthDay { month, day } => {
                let candidates = [anchor.year() - 1, anchor.year(), anchor.year() + 1]
                    .into_iter()
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day));
                candidates
                    .min_by_key(|d| (*d - anchor).num_days().abs())
                    .map(|d| (d, Day))
            }
            DateExpr::Month(month) => {
                // The nearest such month; when it is far either way, the tense decides.
                let forward = (month as i32 - anchor.month() as i32).rem_euclid(12);
                let backward = forward - 12;
                let delta = if forward == 0 || forward.min(-backward) <= 3 && forward <= -backward {
                    forward
                } else if -backward <= 3 {
                    backward
                } else if self.future {
                    forward
                } else {
                    backward
                };
                Some((first_of_month(anchor, delta)?, Month))
            }
            DateExpr::Weekday(w) => {
                let delta = (w.num_days_from_monday() as i64
                    - anchor.weekday().num_days_from_monday() as i64)
                    .rem_euclid(7);
                let (forward, backward) = (delta, delta - 7);
                let days = match delta {
                    0 => 0,
                    3 | 4 if self.future => forward,
                    3 | 4 => backward,
                    _ if forward.abs() < backward.abs() => forward,
                    _ => backward,
                };
                Some((add_days(anchor, days)?, Day))
            }
            DateExpr::DayOffset(n) => Some((add_days(anchor, n)?, Day)),
            DateExpr::WeekOffset(n) => {
                let monday = add_days(anchor, -(anchor.weekday().num_days_from_monday() as i64))?;
                let days = n.checked_mul(7)?;
                Some((add_days(monday, days)?, Week))
            }
            DateExpr::MonthOffset(n) => Some((first_of_month(anchor, n)?, Month)),
            DateExpr::YearOffset(n) => Some((
                NaiveDate::from_ymd_opt(anchor.year().checked_add(n)?, 1, 1)?,
                Year,
            )),
        }
    }
}

/// `date` moved by `days`, or `None` when the count is beyond the calendar ("100000000 days ago").
fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(Duration::try_days(days)?)
}

/// The first day of the month `delta` months from `anchor`'s, or `None` beyond the calendar.
fn first_of_month(anchor: NaiveDate, delta: i32) -> Option<NaiveDate> {
    let months = anchor
        .year()
        .checked_mul(12)?
        .checked_add(anchor.month0() as i32)?
        .checked_add(delta)?;
    NaiveDate::from_ymd_opt(months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1)
}

/// An article after analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analyzed {
    /// The article analysed.
    pub article: Article,
    /// Its sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Named entity mentions, in order.
    pub entities: Vec<EntityMention>,
    /// Quotations, in order.
    pub quotes: Vec<Quote>,
    /// Figures, in order.
    pub figures: Vec<Figure>,
    /// Date expressions, in order.
    pub dates: Vec<DateMention>,
    /// What analysis left out (a cap that cut), naming the article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(expr: DateExpr, future: bool) -> NaiveDate {
        let anchor = NaiveDate::from_ymd_opt(2022, 2, 7).unwrap(); // a Monday
        let m = DateMention {
            expr,
            text: String::new(),
            future,
            sentence: 0,
        };
        m.resolve(anchor).unwrap().0
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weekdays_resolve_to_the_nearest_day() {
        assert_eq!(
            resolve(DateExpr::Weekday(Weekday::Mon), false),
            ymd(2022, 2, 7)
        );
        assert_eq!(
            resolve(DateExpr::Weekday(Weekday::Tue), false),
            ymd(2022, 2, 8)
        );
        assert_eq!(
            resolve(DateExpr::Weekday(Weekday::Sun), false),
            ymd(2022, 2, 6)
        );
        assert_eq!(
            resolve(DateExpr::Weekday(Weekday::Sat), true),
            ymd(2022, 2, 5)
        );
        assert_eq!(
            resolve(DateExpr::Weekday(Weekday::Thu), true),
            ymd(2022, 2, 10)
        );
        assert_eq!(
            resolve(DateExpr::Weekday(Weekday::Thu), false),
            ymd(2022, 2, 3)
        );
    }

    #[test]
    fn relative_periods_resolve_to_their_start() {
        assert_eq!(resolve(DateExpr::WeekOffset(1), true), ymd(2022, 2, 14));
        assert_eq!(resolve(DateExpr::WeekOffset(-1), false), ymd(2022, 1, 31));
        assert_eq!(resolve(DateExpr::MonthOffset(-1), false), ymd(2022, 1, 1));
        assert_eq!(resolve(DateExpr::MonthOffset(-2), false), ymd(2021, 12, 1));
        assert_eq!(resolve(DateExpr::YearOffset(-1), false), ymd(2021, 1, 1));
        assert_eq!(resolve(DateExpr::Month(4), true), ymd(2022, 4, 1));
        assert_eq!(resolve(DateExpr::Month(12), false), ymd(2021, 12, 1));
        assert_eq!(resolve(DateExpr::Month(4), false), ymd(2022, 4, 1));
        assert_eq!(resolve(DateExpr::Month(9), false), ymd(2021, 9, 1));
        assert_eq!(resolve(DateExpr::Month(9), true), ymd(2022, 9, 1));
        assert_eq!(
            resolve(DateExpr::MonthDay { month: 12, day: 30 }, false),
            ymd(2021, 12, 30)
        );
    }

    #[test]
    fn offsets_beyond_the_calendar_resolve_to_nothing() {
        let anchor = ymd(2022, 2, 7);
        let beyond = |expr| {
            let m = DateMention {
                expr,
                text: String::new(),
                future: false,
                sentence: 0,
            };
            m.resolve(anchor)
        };
        // "100000000 days ago" and "... weeks ago": past chrono's range, once a panic.
        assert_eq!(beyond(DateExpr::DayOffset(-100_000_000)), None);
        assert_eq!(beyond(DateExpr::WeekOffset(-100_000_000)), None);
        // A 17-digit count: past `TimeDelta`'s own range.
        assert_eq!(beyond(DateExpr::DayOffset(-12_345_678_901_234_567)), None);
        assert_eq!(beyond(DateExpr::WeekOffset(-12_345_678_901_234_567)), None);
        assert_eq!(beyond(DateExpr::DayOffset(i64::MIN)), None);
        assert_eq!(beyond(DateExpr::WeekOffset(i64::MAX)), None);
        assert_eq!(beyond(DateExpr::MonthOffset(i32::MIN)), None);
        assert_eq!(beyond(DateExpr::YearOffset(i32::MAX)), None);
        let edge = NaiveDate::MAX;
        let m = DateMention {
            expr: DateExpr::Weekday(Weekday::Mon),
            text: String::new(),
            future: true,
            sentence: 0,
        };
        let _ = m.resolve(edge);
    }
}
