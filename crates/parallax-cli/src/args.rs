//! Argument values that clap's own parsers take too loosely: a word budget must be positive, and
//! a day may be written as people say it ("yesterday", "3 days ago") as well as YYYY-MM-DD.

use chrono::{Days, Local, NaiveDate};

/// A word budget of at least one word (`--words 0` would print an empty summary).
pub fn word_budget(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("the summary needs at least one word".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{s}` is not a number of words")),
    }
}

/// A day: YYYY-MM-DD, "today", "yesterday", or "N days ago" / "N weeks ago", counted from the
/// local calendar day.
pub fn day(s: &str) -> Result<NaiveDate, String> {
    day_from(s, Local::now().date_naive())
}

fn day_from(s: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = s.trim().to_lowercase();
    let unclear =
        || format!("`{s}` is not a day: write YYYY-MM-DD, today, yesterday, or N days (weeks) ago");
    if let Ok(d) = NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
        return Ok(d);
    }
    let back = match text.split_whitespace().collect::<Vec<_>>().as_slice() {
        ["today"] => 0,
        ["yesterday"] => 1,
        [n, unit, "ago"] => {
            let n: u64 = n.parse().map_err(|_| unclear())?;
            match *unit {
                "day" | "days" => n,
                "week" | "weeks" => n.checked_mul(7).ok_or_else(unclear)?,
                _ => return Err(unclear()),
            }
        }
        _ => return Err(unclear()),
    };
    today
        .checked_sub_days(Days::new(back))
        .ok_or_else(|| format!("`{s}` is before the calendar begins"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: Option<&str>) {
        let today = NaiveDate::from_ymd_opt(2024, 3, 10).expect("a real day");
        let got = day_from(input, today).ok().map(|d| d.to_string());
        assert_eq!(got.as_deref(), expected, "{input}");
    }

    #[test]
    fn days_as_written_and_as_said() {
        check("2024-02-29", Some("2024-02-29"));
        check("today", Some("2024-03-10"));
        check(" Yesterday ", Some("2024-03-09"));
        check("3 days ago", Some("2024-03-07"));
        check("1 day ago", Some("2024-03-09"));
        check("2 weeks ago", Some("2024-02-25"));
        check("last tuesday", None);
        check("2024-13-01", None);
        check("99999999999999999999 days ago", None);
        check("18446744073709551615 weeks ago", None);
        check("900000000 days ago", None);
    }

    #[test]
    fn a_word_budget_is_positive() {
        assert_eq!(word_budget("100"), Ok(100));
        assert!(word_budget("0").is_err());
        assert!(word_budget("-5").is_err());
        assert!(word_budget("many").is_err());
    }
}
