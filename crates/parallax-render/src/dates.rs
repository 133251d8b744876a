//! Dates as a reader writes them: "Tue 4 Mar 2025", "week of 10 Mar 2025", "February 2025".

use chrono::NaiveDate;
use parallax_core::DatePrecision;

/// A publication date in the sources table: ISO, so that columns line up and sort.
pub fn published(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "—".to_string())
}

/// A timeline date, written as precisely as it is known.
pub fn timeline(date: NaiveDate, precision: DatePrecision) -> String {
    match precision {
        DatePrecision::Day => date.format("%a %-d %b %Y").to_string(),
        DatePrecision::Week => format!("week of {}", date.format("%-d %b %Y")),
        DatePrecision::Month => date.format("%B %Y").to_string(),
        DatePrecision::Year => date.format("%Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn each_precision_reads_naturally() {
        let d = ymd(2022, 2, 7);
        assert_eq!(timeline(d, DatePrecision::Day), "Mon 7 Feb 2022");
        assert_eq!(
            timeline(ymd(2022, 2, 14), DatePrecision::Week),
            "week of 14 Feb 2022"
        );
        assert_eq!(
            timeline(ymd(2022, 2, 1), DatePrecision::Month),
            "February 2022"
        );
        assert_eq!(timeline(ymd(2022, 1, 1), DatePrecision::Year), "2022");
        assert_eq!(published(Some(d)), "2022-02-07");
        assert_eq!(published(None), "—");
    }
}
