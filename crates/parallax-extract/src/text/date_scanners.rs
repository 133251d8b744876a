//! Dates and times of a line ("2022-03-07T10:00Z", "7 March 2022", "March 7, 2022", "7. März
//! 2022", "7 de marzo de 2022", "10:30 a.m. EST", "14.32 Uhr"), found by scanners that find
//! exactly what the expressions in their docs find.
//!
//! Compiling those expressions cost one to two milliseconds each, most of what a brief of one web
//! page takes; the scanners are built of the pieces of `scan.rs`.

use std::sync::LazyLock;

use parallax_text::chars::is_digit;

use super::scan::{
    digits, ends_word, is_word_boundary, one_of, optional_spaces, optional_word,
    optional_word_spaces, spaces, starts, starts_from, words,
};

/// A date found: the whole match and its day, month and year, as byte ranges of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct MonthDate {
    pub whole: std::ops::Range<usize>,
    pub day: std::ops::Range<usize>,
    pub month: std::ops::Range<usize>,
    pub year: Option<std::ops::Range<usize>>,
}

/// The month spellings of the four languages (`months.txt`) in the order of
/// `MONTH_PATTERN_ANY`'s alternation: longest first, then alphabetical.
static ANY_MONTHS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut names: Vec<&str> = parallax_core::calendar::month_names_any().collect();
    names.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    names.dedup();
    names
});

/// What `MONTH_PATTERN` (English) matches, in the order it prefers: each branch's optional
/// ending taken before left out (`sept?(?:ember)?`: "september", "sept", "sepember", "sep").
const ENGLISH_MONTHS: [&str; 25] = [
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sept",
    "sepember",
    "sep",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
];

/// A numeric date: the whole match and its groups (the parts, in the order written, and the
/// first separator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NumericDate {
    pub whole: std::ops::Range<usize>,
    pub first: std::ops::Range<usize>,
    pub separator: std::ops::Range<usize>,
    pub second: std::ops::Range<usize>,
    pub year: std::ops::Range<usize>,
}

/// `\b(\d{1,2})([./-])(\d{1,2})[./-](\d{4})\b`: "07.03.2022", "3/7/2022".
pub(super) fn numeric_date(text: &str) -> Option<NumericDate> {
    let separators = ['.', '/', '-'];
    starts(text).find_map(|at| {
        digits(text, at, 1, 2).into_iter().find_map(|first| {
            let separator = one_of(text, first, &separators)?;
            digits(text, separator, 1, 2)
                .into_iter()
                .find_map(|second| {
                    let year_at = one_of(text, second, &separators)?;
                    let year = digits(text, year_at, 4, 4).into_iter().next()?;
                    ends_word(text, year).then_some(NumericDate {
                        whole: at..year,
                        first: at..first,
                        separator: first..separator,
                        second: separator..second,
                        year: year_at..year,
                    })
                })
        })
    })
}

/// `(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?:$|[^\d.]|\.(?:$|\s))`: "25.04.24", not a part of
/// a longer dotted number. The day, month and two-digit year.
pub(super) fn dotted_short_date(text: &str) -> Option<[std::ops::Range<usize>; 3]> {
    dotted_numbers(text, [(1, 2), (1, 2), (2, 2)])
}

/// `(?:^|[^\d.])(\d{4})\.(\d{2})\.(\d{2})(?:$|[^\d.]|\.(?:$|\s))`: "2019.03.05", as Japanese,
/// Korean and Chinese pages write a date, not a part of a longer dotted number. The year, month
/// and day.
pub(super) fn dotted_year_first_date(text: &str) -> Option<[std::ops::Range<usize>; 3]> {
    dotted_numbers(text, [(4, 4), (2, 2), (2, 2)])
}

/// Three numbers joined by dots, of the given fewest and most digits each, not a part of a longer
/// dotted number: their ranges.
fn dotted_numbers(text: &str, widths: [(usize, usize); 3]) -> Option<[std::ops::Range<usize>; 3]> {
    let [(first_min, first_max), (second_min, second_max), (third_min, third_max)] = widths;
    let after_dot_ends = |at: usize| {
        let mut rest = text[at..].chars();
        match rest.next() {
            None => true,
            Some('.') => rest.next().is_none_or(char::is_whitespace),
            Some(c) => !is_digit(c),
        }
    };
    let from = |at: usize| {
        digits(text, at, first_min, first_max)
            .into_iter()
            .find_map(|first| {
                let second_at = one_of(text, first, &['.'])?;
                digits(text, second_at, second_min, second_max)
                    .into_iter()
                    .find_map(|second| {
                        let third_at = one_of(text, second, &['.'])?;
                        digits(text, third_at, third_min, third_max)
                            .into_iter()
                            .find(|&third| after_dot_ends(third))
                            .map(|third| [at..first, second_at..second, third_at..third])
                    })
            })
    };
    text.char_indices().find_map(|(at, c)| {
        let at_start = (at == 0).then(|| from(0)).flatten();
        at_start.or_else(|| {
            (!is_digit(c) && c != '.')
                .then(|| from(at + c.len_utf8()))
                .flatten()
        })
    })
}

/// A Chinese or Japanese date: the whole match, its year if written, month and day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CjkDate {
    pub whole: std::ops::Range<usize>,
    pub year: Option<std::ops::Range<usize>>,
    pub month: std::ops::Range<usize>,
    pub day: std::ops::Range<usize>,
}

/// `(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日`: "2025年1月21日", "1月13日". The year
/// (if written), month and day, and the whole match.
pub(super) fn cjk_date(text: &str) -> Option<CjkDate> {
    let month_day = |at: usize| {
        digits(text, at, 1, 2).into_iter().find_map(|month| {
            let mark = spaces(text, month, 0)[0];
            let after = one_of(text, mark, &['月'])?;
            let day_at = spaces(text, after, 0)[0];
            digits(text, day_at, 1, 2).into_iter().find_map(|day| {
                let mark = spaces(text, day, 0)[0];
                one_of(text, mark, &['日']).map(|end| (at..month, day_at..day, end))
            })
        })
    };
    text.char_indices().find_map(|(at, _)| {
        let with_year = digits(text, at, 4, 4).first().and_then(|&year| {
            let mark = spaces(text, year, 0)[0];
            let after = one_of(text, mark, &['年'])?;
            let (month, day, end) = month_day(spaces(text, after, 0)[0])?;
            Some(CjkDate {
                whole: at..end,
                year: Some(at..year),
                month,
                day,
            })
        });
        with_year.or_else(|| {
            let (month, day, end) = month_day(at)?;
            Some(CjkDate {
                whole: at..end,
                year: None,
                month,
                day,
            })
        })
    })
}

/// `^\d{4}-\d{2}(?:-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)?$`: whether a
/// word is an ISO date ("2025-09-05", "2022-03", "2025-09-05T10:00Z").
pub(super) fn is_iso_word(word: &str) -> bool {
    let exactly = |at: usize, n: usize| digits(word, at, n, n).into_iter().next();
    let is_end = |at: usize| at == word.len();
    let clock = |at: usize| {
        let Some(hour_at) = one_of(word, at, &['T', ' ']) else {
            return false;
        };
        digits(word, hour_at, 1, 2).into_iter().any(|hour| {
            let Some(minutes) = one_of(word, hour, &[':']).and_then(|m| exactly(m, 2)) else {
                return false;
            };
            let seconds = one_of(word, minutes, &[':']).and_then(|s| exactly(s, 2));
            seconds.into_iter().chain([minutes]).any(|t| {
                let zone = one_of(word, t, &['Z']).into_iter().chain(
                    one_of(word, t, &['+', '-'])
                        .and_then(|sign| exactly(sign, 2))
                        .into_iter()
                        .flat_map(|h| {
                            optional_word(word, h, &[":"])
                                .into_iter()
                                .filter_map(|m| exactly(m, 2))
                        }),
                );
                zone.chain([t]).any(is_end)
            })
        })
    };
    let Some(month) = exactly(0, 4)
        .and_then(|y| one_of(word, y, &['-']))
        .and_then(|dash| exactly(dash, 2))
    else {
        return false;
    };
    let day = one_of(word, month, &['-']).and_then(|dash| exactly(dash, 2));
    day.is_some_and(|d| clock(d) || is_end(d)) || is_end(month)
}

/// The year, month and day of `/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)` in a URL.
pub(super) fn url_date(url: &str) -> Option<[std::ops::Range<usize>; 3]> {
    url.match_indices('/').find_map(|(slash, _)| {
        let century = words(url, slash + 1, &["19", "20"]).into_iter().next()?;
        let year = digits(url, century, 2, 2).into_iter().next()?;
        let separator = one_of(url, year, &['/', '-'])?;
        digits(url, separator, 1, 2).into_iter().find_map(|month| {
            let second = one_of(url, month, &['/', '-'])?;
            digits(url, second, 1, 2).into_iter().find_map(|day| {
                (day == url.len() || one_of(url, day, &['/', '-']).is_some())
                    .then(|| [slash + 1..year, separator..month, second..day])
            })
        })
    })
}

/// A year-first date: the whole match and its year, separator, month and day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct IsoDate {
    pub whole: std::ops::Range<usize>,
    pub year: std::ops::Range<usize>,
    pub separator: std::ops::Range<usize>,
    pub month: std::ops::Range<usize>,
    pub day: std::ops::Range<usize>,
}

/// `\b(\d{4})([-/])(\d{1,2})[-/](\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b`
pub(super) fn iso_date(text: &str) -> Option<IsoDate> {
    starts(text).find_map(|at| {
        let year = year_at(text, at)?;
        let separator = one_of(text, year.end, &['-', '/'])?;
        digits(text, separator, 1, 2)
            .into_iter()
            .find_map(|month_end| {
                let second = one_of(text, month_end, &['-', '/'])?;
                digits(text, second, 1, 2).into_iter().find_map(|day_end| {
                    let date = |end| IsoDate {
                        whole: at..end,
                        year: year.clone(),
                        separator: year.end..separator,
                        month: separator..month_end,
                        day: second..day_end,
                    };
                    clock_ends(text, day_end)
                        .into_iter()
                        .chain([day_end])
                        .find(|&end| is_word_boundary(text, end))
                        .map(date)
                })
            })
    })
}

/// The ends of `[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?` at `at`, in order of preference.
fn clock_ends(text: &str, at: usize) -> Vec<usize> {
    let Some(start) = one_of(text, at, &['T', ' ']) else {
        return vec![];
    };
    let run = text[start..]
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(text.len() - start);
    let mut ends = vec![];
    for end in (start + 1..=start + run).rev() {
        if let Some(z) = one_of(text, end, &['Z']) {
            ends.push(z);
        } else if let Some(sign) = one_of(text, end, &['+', '-']) {
            for hours in digits(text, sign, 2, 2) {
                for colon in optional_word(text, hours, &[":"]) {
                    ends.extend(digits(text, colon, 2, 2));
                }
            }
        }
        ends.push(end);
    }
    ends
}

/// The first match of `(?i)\b\d{1,2}(?:\s?[:.h]\s?\d{2}|\s*[ap]\.?m\b)(?:\s*[ap]\.?m\b\.?)?(?:\s*(?:uhr|h)\b)?(?:\s*(?:[A-Z]{2,5}|GMT|UTC)(?:[+-]\d{1,2})?)?`
/// at or after byte `from`: a time of day, with its a.m. or p.m., "Uhr" or "h", and zone.
pub(super) fn time_at_or_after(text: &str, from: usize) -> Option<std::ops::Range<usize>> {
    starts_from(text, from).find_map(|at| {
        digits(text, at, 1, 2).into_iter().find_map(|hour_end| {
            let end = clock_minutes(text, hour_end).or_else(|| meridiem(text, hour_end, false))?;
            let end = meridiem(text, end, true).unwrap_or(end);
            let end = spaces(text, end, 0)
                .into_iter()
                .find_map(|s| {
                    words(text, s, &["uhr", "h"])
                        .into_iter()
                        .find(|&w| ends_word(text, w))
                })
                .unwrap_or(end);
            Some(at..zone(text, end).unwrap_or(end))
        })
    })
}

/// Every time of day of `text` (what [`time_at_or_after`] finds, one after another), replaced by
/// `with`.
pub(super) fn replace_times(text: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    while let Some(found) = time_at_or_after(text, from) {
        out.push_str(&text[from..found.start]);
        out.push_str(with);
        from = found.end;
    }
    out.push_str(&text[from..]);
    out
}

/// `\s?[:.h]\s?\d{2}` at `at` (any case), the first way it matches.
fn clock_minutes(text: &str, at: usize) -> Option<usize> {
    optional_spaces(text, at).into_iter().find_map(|s| {
        let mark = words(text, s, &[":", ".", "h"]).into_iter().next()?;
        optional_spaces(text, mark)
            .into_iter()
            .find_map(|m| digits(text, m, 2, 2).into_iter().next())
    })
}

/// `\s*[ap]\.?m\b`, and a dot after it if `trailing_dot` (any case), the first way it matches.
fn meridiem(text: &str, at: usize, trailing_dot: bool) -> Option<usize> {
    spaces(text, at, 0).into_iter().find_map(|s| {
        let letter = words(text, s, &["a", "p"]).into_iter().next()?;
        optional_word(text, letter, &["."])
            .into_iter()
            .find_map(|d| {
                let m = words(text, d, &["m"])
                    .into_iter()
                    .next()
                    .filter(|&m| ends_word(text, m))?;
                Some(if trailing_dot {
                    optional_word(text, m, &["."])[0]
                } else {
                    m
                })
            })
    })
}

/// `\s*(?:[A-Z]{2,5}|GMT|UTC)(?:[+-]\d{1,2})?` at `at` (any case), the first way it matches.
fn zone(text: &str, at: usize) -> Option<usize> {
    spaces(text, at, 0).into_iter().find_map(|s| {
        let mut letters = vec![];
        for (i, c) in text[s..].char_indices().take(5) {
            if !(c.is_ascii_alphabetic() || matches!(c, '\u{17F}' | '\u{212A}')) {
                break;
            }
            letters.push(s + i + c.len_utf8());
        }
        // "GMT" and "UTC" are letters too: the longest run of two to five is the name.
        let name = letters.get(1..).and_then(|l| l.last().copied())?;
        let offset = one_of(text, name, &['+', '-'])
            .and_then(|sign| digits(text, sign, 1, 2).into_iter().next());
        Some(offset.unwrap_or(name))
    })
}

/// `(?i)\b(\d{1,2})(?:st|nd|rd|th|er|\.|º)?\s*(?:de\s+)?(MONTH_PATTERN_ANY)\.?\s*,?\s+(?:de\s+|del\s+)?(\d{4})\b`
pub(super) fn day_first(text: &str) -> Option<MonthDate> {
    starts(text).find_map(|at| {
        let day = digits(text, at, 1, 2);
        day.iter().find_map(|&day_end| {
            let after_ordinal =
                optional_word(text, day_end, &["st", "nd", "rd", "th", "er", ".", "º"]);
            after_ordinal.iter().find_map(|&o| {
                spaces(text, o, 0).into_iter().find_map(|s| {
                    optional_word_spaces(text, s, &["de"])
                        .into_iter()
                        .find_map(|m| {
                            words(text, m, &ANY_MONTHS)
                                .into_iter()
                                .find_map(|month_end| {
                                    month_tail_then_year(text, month_end).map(|year| MonthDate {
                                        whole: at..year.end,
                                        day: at..day_end,
                                        month: m..month_end,
                                        year: Some(year),
                                    })
                                })
                        })
                })
            })
        })
    })
}

/// After the month of [`day_first`]: `\.?\s*,?\s+(?:de\s+|del\s+)?(\d{4})\b`, the year's range.
fn month_tail_then_year(text: &str, month_end: usize) -> Option<std::ops::Range<usize>> {
    optional_word(text, month_end, &["."])
        .into_iter()
        .find_map(|d| {
            spaces(text, d, 0).into_iter().find_map(|s| {
                optional_word(text, s, &[","]).into_iter().find_map(|c| {
                    spaces(text, c, 1).into_iter().find_map(|s2| {
                        optional_word_spaces(text, s2, &["de", "del"])
                            .into_iter()
                            .find_map(|y| year_at(text, y).filter(|r| ends_word(text, r.end)))
                    })
                })
            })
        })
}

/// `(?i)\b(MONTH_PATTERN_ANY)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})\b`
pub(super) fn month_first_any(text: &str) -> Option<MonthDate> {
    month_first_with(text, &ANY_MONTHS, true)
}

/// `(?i)\b(MONTH_PATTERN)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:\s*,?\s+(\d{4}))?`: English month
/// names, the year optional.
pub(super) fn month_first(text: &str) -> Option<MonthDate> {
    month_first_with(text, &ENGLISH_MONTHS, false)
}

/// [`month_first_any`] (`year_required`) or [`month_first`] with the month spellings `months`.
fn month_first_with(text: &str, months: &[&str], year_required: bool) -> Option<MonthDate> {
    starts(text).find_map(|at| {
        words(text, at, months).into_iter().find_map(|month_end| {
            let dot = optional_word(text, month_end, &["."]);
            dot.into_iter().find_map(|d| {
                spaces(text, d, 1).into_iter().find_map(|s| {
                    digits(text, s, 1, 2).into_iter().find_map(|day_end| {
                        let ordinal = optional_word(text, day_end, &["st", "nd", "rd", "th"]);
                        ordinal.into_iter().find_map(|o| {
                            let date = |year: Option<std::ops::Range<usize>>| MonthDate {
                                whole: at..year.as_ref().map_or(o, |y| y.end),
                                day: s..day_end,
                                month: at..month_end,
                                year,
                            };
                            if year_required {
                                comma_then_year(text, o, true).map(|y| date(Some(y)))
                            } else if ends_word(text, o) {
                                Some(date(comma_then_year(text, o, false)))
                            } else {
                                None
                            }
                        })
                    })
                })
            })
        })
    })
}

/// `\s*,?\s+(\d{4})` at `at`, followed by `\b` if `word_end`, the first way it matches: the
/// year's range.
fn comma_then_year(text: &str, at: usize, word_end: bool) -> Option<std::ops::Range<usize>> {
    spaces(text, at, 0).into_iter().find_map(|s| {
        optional_word(text, s, &[","]).into_iter().find_map(|c| {
            spaces(text, c, 1).into_iter().find_map(|y| {
                year_at(text, y).filter(|year| !word_end || ends_word(text, year.end))
            })
        })
    })
}

/// `(\d{4})` at `at`.
fn year_at(text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    digits(text, at, 4, 4).first().map(|&end| at..end)
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::scan::random_texts;
    use super::*;
    use parallax_core::calendar::{MONTH_PATTERN, MONTH_PATTERN_ANY};
    use regex::Regex;

    /// The expression [`day_first`] finds.
    pub(in crate::text) static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s*(?:de\s+)?({})\.?\s*,?\s+(?:de\s+|del\s+)?(\d{{4}})\b",
            &*MONTH_PATTERN_ANY
        ))
        .expect("valid regex")
    });
    /// The expression [`month_first_any`] finds.
    pub(in crate::text) static MONTH_FIRST_ANY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)\b({})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(\d{{4}})\b",
            &*MONTH_PATTERN_ANY
        ))
        .expect("valid regex")
    });
    /// The expression [`month_first`] finds.
    pub(in crate::text) static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)\b({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,?\s+(\d{{4}}))?"
        ))
        .expect("valid regex")
    });

    /// The expression [`iso_date`] finds.
    pub(in crate::text) static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(\d{4})([-/])(\d{1,2})[-/](\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b",
        )
        .expect("valid regex")
    });
    /// The expression [`time_at_or_after`] finds.
    pub(in crate::text) static TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b\d{1,2}(?:\s?[:.h]\s?\d{2}|\s*[ap]\.?m\b)(?:\s*[ap]\.?m\b\.?)?(?:\s*(?:uhr|h)\b)?(?:\s*(?:[A-Z]{2,5}|GMT|UTC)(?:[+-]\d{1,2})?)?")
            .expect("valid regex")
    });

    /// The expression [`numeric_date`] finds.
    pub(in crate::text) static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(\d{1,2})([./-])(\d{1,2})[./-](\d{4})\b").expect("valid regex")
    });
    /// The expression [`dotted_short_date`] finds.
    pub(in crate::text) static DOTTED_SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?:$|[^\d.]|\.(?:$|\s))")
            .expect("valid regex")
    });
    /// The expression [`dotted_year_first_date`] finds.
    pub(in crate::text) static DOTTED_YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\d.])(\d{4})\.(\d{2})\.(\d{2})(?:$|[^\d.]|\.(?:$|\s))")
            .expect("valid regex")
    });
    /// The expression [`cjk_date`] finds.
    pub(in crate::text) static CJK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日").expect("valid regex")
    });

    /// Numeric, dotted, CJK dates and ISO words as their expressions find them, groups and all.
    #[test]
    fn numeric_dates_are_found_as_their_expressions_find_them() {
        let iso_word = Regex::new(
            r"^\d{4}-\d{2}(?:-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)?$",
        )
        .expect("valid regex");
        let pieces = [
            "7", "07", "2022", "24", "\u{663}", ".", "/", "-", " ", "\u{a0}", "年", "月", "日",
            "T", ":", "Z", "+", "x", "é", "\n",
        ];
        let shapes: [&[&str]; 6] = [
            &["07", ".", "7", "/", "2022"],
            &["x", "7", ".", "07", ".", "24", ".", " "],
            &["x", "2022", ".", "07", ".", "07", "."],
            &["2022", " ", "年", "7", " ", "月", "07", "日"],
            &[
                "2022", "-", "07", "-", "07", "T", "7", ":", "07", ":", "07", "+", "07", ":", "07",
            ],
            &["2022", "-", "07", "-", "07", " ", "07", ":", "07", "Z"],
        ];
        let mut found = [0usize; 5];
        for text in random_texts(&shapes, &pieces, 60_000) {
            let numeric = NUMERIC.captures(&text).map(|c| NumericDate {
                whole: c.get(0).map_or(0..0, |m| m.range()),
                first: c.get(1).map_or(0..0, |m| m.range()),
                separator: c.get(2).map_or(0..0, |m| m.range()),
                second: c.get(3).map_or(0..0, |m| m.range()),
                year: c.get(4).map_or(0..0, |m| m.range()),
            });
            found[0] += usize::from(numeric.is_some());
            assert_eq!(numeric_date(&text), numeric, "{text:?}");
            let dotted = DOTTED_SHORT_YEAR
                .captures(&text)
                .map(|c| [1, 2, 3].map(|g| c.get(g).map_or(0..0, |m| m.range())));
            found[1] += usize::from(dotted.is_some());
            assert_eq!(dotted_short_date(&text), dotted, "{text:?}");
            let year_first = DOTTED_YEAR_FIRST
                .captures(&text)
                .map(|c| [1, 2, 3].map(|g| c.get(g).map_or(0..0, |m| m.range())));
            found[4] += usize::from(year_first.is_some());
            assert_eq!(dotted_year_first_date(&text), year_first, "{text:?}");
            let cjk = CJK.captures(&text).map(|c| CjkDate {
                whole: c.get(0).map_or(0..0, |m| m.range()),
                year: c.get(1).map(|m| m.range()),
                month: c.get(2).map_or(0..0, |m| m.range()),
                day: c.get(3).map_or(0..0, |m| m.range()),
            });
            found[2] += usize::from(cjk.is_some());
            assert_eq!(cjk_date(&text), cjk, "{text:?}");
            // A whole word is an ISO date or not: the shape's pieces alone, none added.
            let word = text.trim_matches(|c: char| !c.is_ascii_digit());
            for text in [text.as_str(), word] {
                let iso = iso_word.is_match(text);
                found[3] += usize::from(iso);
                assert_eq!(is_iso_word(text), iso, "{text:?}");
            }
        }
        assert!(found.iter().all(|&n| n > 500), "{found:?}");
    }

    /// The expression [`url_date`] finds.
    static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)").expect("valid regex")
    });

    #[test]
    fn url_dates_are_found_as_their_expression_finds_them() {
        let pieces = [
            "/", "-", "19", "20", "2024", "07", "7", "\u{663}", "x", "a.html",
        ];
        let shapes: [&[&str]; 2] = [
            &["/", "20", "24", "/", "07", "/", "7", "/", "a.html"],
            &["/", "19", "99", "-", "1", "-", "07"],
        ];
        let mut found = 0;
        for url in random_texts(&shapes, &pieces, 30_000) {
            let expected = URL_DATE
                .captures(&url)
                .map(|c| [1, 2, 3].map(|g| c.get(g).map_or(0..0, |m| m.range())));
            found += usize::from(expected.is_some());
            assert_eq!(url_date(&url), expected, "{url:?}");
        }
        assert!(found > 1_000, "{found}");
    }

    /// Year-first dates and times of day as their expressions find them: the same date with
    /// the same groups, every time of a text at the same place, and the same text with them
    /// replaced.
    #[test]
    fn iso_dates_and_times_are_found_as_their_expressions_find_them() {
        let pieces = [
            "7",
            "07",
            "2022",
            "20222",
            "\u{663}\u{663}",
            "-",
            "/",
            "T",
            " ",
            "  ",
            "\u{a0}",
            ":",
            ".",
            "Z",
            "+",
            "05",
            "h",
            "H",
            "Uhr",
            "uhrzeit",
            "a",
            "P",
            ".m",
            "M",
            "EST",
            "gmt",
            "\u{17F}t",
            "\u{212A}",
            "x",
            "_",
            "é",
        ];
        let shapes: [&[&str]; 5] = [
            &[
                "2022", "-", "07", "/", "7", "T", "10", ":", "00", "+", "05", ":", "30",
            ],
            &["2022", "/", "7", "-", "07", " ", "10", ".", "5", "Z"],
            &[
                "10", ":", "30", " ", "a", ".", "m", ".", " ", "EST", "-", "5",
            ],
            &["14", ".", "32", " ", "Uhr"],
            &["9", " ", "P", "m", " ", "a", ".", "m", " ", "h"],
        ];
        let (mut dates, mut times) = (0, 0);
        for text in random_texts(&shapes, &pieces, 60_000) {
            let expected = ISO.captures(&text).map(|c| IsoDate {
                whole: c.get(0).map_or(0..0, |m| m.range()),
                year: c.get(1).map_or(0..0, |m| m.range()),
                separator: c.get(2).map_or(0..0, |m| m.range()),
                month: c.get(3).map_or(0..0, |m| m.range()),
                day: c.get(4).map_or(0..0, |m| m.range()),
            });
            dates += usize::from(expected.is_some());
            assert_eq!(iso_date(&text), expected, "{text:?}");
            let expected: Vec<_> = TIME.find_iter(&text).map(|m| m.range()).collect();
            let mut found = vec![];
            let mut from = 0;
            while let Some(t) = time_at_or_after(&text, from) {
                from = t.end;
                found.push(t);
            }
            times += expected.len();
            assert_eq!(found, expected, "{text:?}");
            assert_eq!(
                replace_times(&text, " "),
                TIME.replace_all(&text, " "),
                "{text:?}"
            );
        }
        // Both expressions found many, so both scanners were put to the proof.
        assert!(dates > 1_000 && times > 1_000, "{dates} {times}");
    }

    /// What an expression finds, as a [`MonthDate`] of its groups (day, month, year in the
    /// order `groups` names them).
    fn by_regex(regex: &Regex, text: &str, groups: [usize; 3]) -> Option<MonthDate> {
        let c = regex.captures(text)?;
        Some(MonthDate {
            whole: c.get(0)?.range(),
            day: c.get(groups[0])?.range(),
            month: c.get(groups[1])?.range(),
            year: c.get(groups[2]).map(|m| m.range()),
        })
    }

    #[track_caller]
    fn check(text: &str, expected: Option<(&str, &str, Option<&str>)>) {
        for (scanner, regex, groups) in scanners() {
            let found = scanner(text);
            assert_eq!(
                found,
                by_regex(regex, text, groups),
                "{text:?} {}",
                regex.as_str()
            );
        }
        let found = day_first(text)
            .or_else(|| month_first_any(text))
            .or_else(|| month_first(text));
        let parts = found.map(|d| (&text[d.day], &text[d.month], d.year.map(|y| &text[y])));
        assert_eq!(parts, expected, "{text:?}");
    }

    type Scanner = fn(&str) -> Option<MonthDate>;

    fn scanners() -> [(Scanner, &'static Regex, [usize; 3]); 3] {
        [
            (day_first, &*DAY_FIRST, [1, 2, 3]),
            (month_first_any, &*MONTH_FIRST_ANY, [2, 1, 3]),
            (month_first, &*MONTH_FIRST, [2, 1, 3]),
        ]
    }

    #[test]
    fn dates_with_a_month_name_in_four_languages() {
        check(
            "Posted 7 March 2022, 10:00",
            Some(("7", "March", Some("2022"))),
        );
        check("le 1er janvier 2024", Some(("1", "janvier", Some("2024"))));
        check("7. März 2022", Some(("7", "März", Some("2022"))));
        check("7 de marzo de 2022", Some(("7", "marzo", Some("2022"))));
        check("Sept. 7, 2022", Some(("7", "Sept", Some("2022"))));
        check("SEPTEMBER 7TH 2022", Some(("7", "SEPTEMBER", Some("2022"))));
        check("Updated August 10th", Some(("10", "August", None)));
        check(
            "\u{17F}ept 3, 2020",
            Some(("3", "\u{17F}ept", Some("2020"))),
        );
        check("mars 7 2022", Some(("7", "mars", Some("2022"))));
        check("7 mars 20222", None);
        check("a7 March 2022", None);
        check("Marching 7 bands", None);
    }

    /// Texts drawn at random from the pieces of dates, with spaces of every kind, cases, the long
    /// s, Arabic-Indic digits and word characters around: each scanner finds what its expression
    /// finds, groups and all.
    #[test]
    fn scanners_find_what_their_expressions_find() {
        let pieces = [
            "7",
            "07",
            "123",
            "2022",
            "20222",
            "\u{663}",
            "\u{663}\u{663}\u{663}\u{663}",
            " ",
            "  ",
            "\u{a0}",
            "\t",
            ".",
            ",",
            "de",
            "del",
            "De ",
            "st",
            "ER",
            "º",
            "th",
            "March",
            "mar",
            "MÄRZ",
            "mars",
            "märz",
            "sept",
            "Sep",
            "sepember",
            "\u{17F}eptember",
            "jun",
            "June",
            "juin",
            "déc",
            "x",
            "_",
            "é",
            "-",
        ];
        let shapes: [&[&str]; 4] = [
            &[
                "7", "st", " ", "de", " ", "March", ".", " ", ",", " ", "del", " ", "2022",
            ],
            &["March", ".", " ", "7", "th", " ", ",", " ", "2022"],
            &["sept", " ", "07", ",", "\u{a0}", "2022"],
            &["7", " ", "de", " ", "mars", " ", "de", " ", "2022"],
        ];
        let mut found = [0usize; 3];
        for text in random_texts(&shapes, &pieces, 60_000) {
            for (k, (scanner, regex, groups)) in scanners().into_iter().enumerate() {
                let expected = by_regex(regex, &text, groups);
                found[k] += usize::from(expected.is_some());
                assert_eq!(scanner(&text), expected, "{text:?} {}", regex.as_str());
            }
        }
        // Each expression found dates in many texts, so each scanner was put to the proof.
        assert!(found.iter().all(|&n| n > 1_000), "{found:?}");
    }

    /// The English spellings are what `MONTH_PATTERN` matches, whole, and nothing else.
    #[test]
    fn english_spellings_are_the_month_pattern() {
        let whole = Regex::new(&format!("^(?i:{MONTH_PATTERN})$")).expect("valid regex");
        let spellings = &ENGLISH_MONTHS;
        assert!(spellings.iter().all(|m| whole.is_match(m)));
        for m in parallax_core::calendar::month_names_any() {
            assert_eq!(whole.is_match(m), spellings.contains(&m), "{m}");
        }
    }
}
