//! The date expressions of English text, read by a hand-written scanner that accepts exactly
//! what the regular expression it replaces did, and reads it the same way (the tests run both on
//! generated sentences), at no cost to compile. That expression, ASCII only and case-insensitive,
//! starting at a word boundary, its branches tried in order:
//!
//! ```text
//! MONTH\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?       "Feb. 7, 2022"
//! \d{1,2}(?:st|nd|rd|th)?\s+MONTH\b\.?(?:,?\s+\d{4})?       "7 March"
//! (?:last|next|this|past|coming)\s+(?:week|month|year|weekend)
//! (?:\d+|two|three|four|five|six|a)\s+(?:days?|weeks?|months?|years?)\s+ago
//! yesterday|today|tomorrow|tonight
//! (?:at\s+(?:around\s+|about\s+)?)?(?:\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)
//!     |\d{4}\s+(?:GMT|UTC)\b|noon\b|midnight\b)               a time of day
//! (?:(?:last|next|this|on|late|early|later\s+on|earlier\s+on
//!     |(?:the\s+|this\s+)?(?:upcoming|coming))\s+)?WEEKDAY\b  "early Tuesday"
//! (?:in|since|by|until|from|early|late|mid-)\s*MONTH\b(?:\s+\d)?   "in mid-July"
//! ```
//!
//! `MONTH` is `jan(?:uary)?|…|sept?(?:ember)?|…` ([`parallax_core::calendar::MONTH_PATTERN`]),
//! `WEEKDAY` a full weekday name. Like the expression, the scanner takes the first branch that
//! reads a match at the leftmost position, each optional part taken when the rest still reads,
//! and goes on after the match.

use parallax_text::chars::{folds_to, is_word, space_end, starts_with_folded};

/// A stretch of the text, as byte offsets.
pub type Span = (usize, usize);

/// What a date expression says, with the stretches its parts stand at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// "Feb. 7, 2022", "7 March": a month, a day, perhaps a year.
    MonthDay {
        month: Span,
        day: Span,
        year: Option<Span>,
    },
    /// "last week", "next month": the relative word and the unit.
    Relative { rel: Span, unit: Span },
    /// "three days ago": the count and the unit.
    Ago { count: Span, unit: Span },
    /// "yesterday", "today", "tomorrow", "tonight".
    Word(Span),
    /// A time of day: "at 10 p.m.", "1400 GMT", "noon".
    Clock,
    /// "Tuesday", "early Tuesday", "this coming Tuesday": the modifier, if any, and the weekday.
    Weekday {
        modifier: Option<Span>,
        weekday: Span,
    },
    /// "in April", "mid-July": the month, and whether a digit follows it ("in May 5").
    Month { month: Span, digit_after: bool },
}

/// One date expression: where it stands and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset past its end.
    pub end: usize,
    /// What it says.
    pub reading: Reading,
}

/// The date expressions of `text`, leftmost first, none overlapping.
pub fn scan(text: &str) -> Vec<DateMatch> {
    let s = Scanner(text.as_bytes());
    let mut out = Vec::new();
    let mut at = 0;
    while at < s.0.len() {
        if s.is_word(at) && !s.is_word_before(at) {
            if let Some(m) = s.read(at) {
                at = m.end;
                out.push(m);
                continue;
            }
        }
        at += 1;
    }
    out
}

/// Whether `text` starts with a time of day: `(?i)^(?:at\s+)?(?:around\s+|about\s+)?(?:\d|noon|
/// midnight)` on ASCII text (what [`scan`] reads is ASCII).
pub fn starts_with_clock(text: &str) -> bool {
    let s = Scanner(text.as_bytes());
    let after_at = s.word(0, "at").and_then(|e| s.spaces(e));
    [after_at, Some(0)].into_iter().flatten().any(|p| {
        let after_about = ["around", "about"]
            .iter()
            .find_map(|w| s.word(p, w).and_then(|e| s.spaces(e)));
        [after_about, Some(p)]
            .into_iter()
            .flatten()
            .any(|q| s.digit(q) || s.word(q, "noon").is_some() || s.word(q, "midnight").is_some())
    })
}

/// A set of first bytes as bits: one per letter (either case), one for all the digits.
const fn first_bytes(bytes: &[u8]) -> u32 {
    let mut set = 0;
    let mut i = 0;
    while i < bytes.len() {
        set |= match bytes[i].to_ascii_lowercase() {
            b @ b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << 26,
            _ => 0,
        };
        i += 1;
    }
    set
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const DAY_SUFFIXES: [&str; 4] = ["st", "nd", "rd", "th"];

/// The text as bytes, read with ASCII classes as `(?i-u)` reads it.
struct Scanner<'a>(&'a [u8]);

impl Scanner<'_> {
    fn byte(&self, at: usize) -> Option<u8> {
        self.0.get(at).copied()
    }

    /// `\w` of ASCII at `at`.
    fn is_word(&self, at: usize) -> bool {
        self.byte(at)
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
    }

    fn is_word_before(&self, at: usize) -> bool {
        at.checked_sub(1).is_some_and(|p| self.is_word(p))
    }

    /// `\b` at `at`.
    fn boundary(&self, at: usize) -> bool {
        self.is_word(at) != self.is_word_before(at)
    }

    fn digit(&self, at: usize) -> bool {
        self.byte(at).is_some_and(|b| b.is_ascii_digit())
    }

    fn is(&self, at: usize, byte: u8) -> bool {
        self.byte(at) == Some(byte)
    }

    /// `word` (lowercase ASCII) at `at`, in any case: the offset past it.
    #[inline]
    fn word(&self, at: usize, word: &str) -> Option<usize> {
        let end = at.checked_add(word.len())?;
        self.0
            .get(at..end)?
            .eq_ignore_ascii_case(word.as_bytes())
            .then_some(end)
    }

    /// The first of `words` at `at`, in their order: the offset past it.
    fn one_of(&self, at: usize, words: &[&str]) -> Option<usize> {
        words.iter().find_map(|w| self.word(at, w))
    }

    /// The end of the run of ASCII spaces (`\s` of `(?-u)`: tab, line feed, vertical tab, form
    /// feed, carriage return, space) at `at`.
    fn space_end(&self, at: usize) -> usize {
        let run = self
            .0
            .get(at..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '))
            .count();
        at + run
    }

    /// `\s+` at `at` before something that is no space: the offset past the run.
    fn spaces(&self, at: usize) -> Option<usize> {
        let end = self.space_end(at);
        (end > at).then_some(end)
    }

    /// The offset past the run of digits at `at`.
    fn digit_end(&self, at: usize) -> usize {
        let mut end = at;
        while self.digit(end) {
            end += 1;
        }
        end
    }

    /// `\d{1,2}` at `at`: the offsets it may end at, longest first.
    fn one_or_two_digits(&self, at: usize) -> impl Iterator<Item = usize> {
        let run = self.digit_end(at) - at;
        (1..=run.min(2)).rev().map(move |n| at + n)
    }

    /// `\d{n}` at `at`.
    fn digits(&self, at: usize, n: usize) -> Option<usize> {
        (self.digit_end(at) >= at + n).then_some(at + n)
    }

    /// `(?:st|nd|rd|th)?` at `at`: the offsets it may end at, the suffix first.
    fn day_suffix(&self, at: usize) -> impl Iterator<Item = usize> {
        self.one_of(at, &DAY_SUFFIXES).into_iter().chain([at])
    }

    /// `MONTH` at `at`: the offsets it may end at, in the order the expression tries them.
    fn month(&self, at: usize) -> [Option<usize>; 4] {
        let e = at.saturating_add(3);
        let Some(&[a, b, c]) = self.0.get(at..e) else {
            return [None; 4];
        };
        let tail = match [a, b, c].map(|x| x.to_ascii_lowercase()) {
            [b'm', b'a', b'y'] => return [Some(e), None, None, None],
            [b'j', b'u', b'n'] => "e",
            [b'j', b'u', b'l'] => "y",
            [b'j', b'a', b'n'] => "uary",
            [b'f', b'e', b'b'] => "ruary",
            [b'm', b'a', b'r'] => "ch",
            [b'a', b'p', b'r'] => "il",
            [b'a', b'u', b'g'] => "ust",
            [b'o', b'c', b't'] => "ober",
            [b'n', b'o', b'v'] | [b'd', b'e', b'c'] => "ember",
            [b's', b'e', b'p'] => {
                // "sept?(?:ember)?": the "t" taken or not, then the tail taken or not.
                let t = self.word(e, "t");
                return [
                    t.and_then(|h| self.word(h, "ember")),
                    t,
                    self.word(e, "ember"),
                    Some(e),
                ];
            }
            _ => return [None; 4],
        };
        [self.word(e, tail), Some(e), None, None]
    }

    /// `(?:,?\s+\d{4})?` at `at`: the year, if there is one, and the offset past what was read.
    fn year(&self, at: usize) -> (Option<Span>, usize) {
        let comma = self.is(at, b',').then_some(at + 1);
        for from in comma.into_iter().chain([at]) {
            if let Some(y) = self.spaces(from) {
                if let Some(end) = self.digits(y, 4) {
                    return (Some((y, end)), end);
                }
            }
        }
        (None, at)
    }

    /// The first branch that reads a date expression starting at `at`.
    fn read(&self, at: usize) -> Option<DateMatch> {
        // The branches in the expression's order, each with the (lowercase) bytes its matches can
        // start with: a word that starts with none of them is read by no branch.
        type Branch<'s> = fn(&Scanner<'s>, usize) -> Option<(usize, Reading)>;
        let branches: [(u32, Branch<'_>); 8] = [
            (first_bytes(b"jfmasond"), Self::month_first),
            (first_bytes(b"0"), Self::day_first),
            (first_bytes(b"lntpc"), Self::relative),
            (first_bytes(b"0tfsa"), Self::ago),
            (first_bytes(b"yt"), Self::day_word),
            (first_bytes(b"0anm"), Self::clock),
            (first_bytes(b"lntoeucmwfs"), Self::weekday),
            (first_bytes(b"isbufelm"), Self::month_alone),
        ];
        if !self.may_start(at) {
            return None;
        }
        let first = first_bytes(&[self.byte(at)?]);
        let (end, reading) = branches
            .iter()
            .filter(|(firsts, _)| firsts & first != 0)
            .find_map(|(_, branch)| branch(self, at))?;
        Some(DateMatch {
            start: at,
            end,
            reading,
        })
    }

    /// Whether a date expression may start at `at`, by its first two bytes: a digit, an "a", or
    /// the first two letters of a word some branch starts with (of the month names, "last",
    /// "next", "this", "past", "coming", "two" to "six", "yesterday", "today", "tomorrow",
    /// "tonight", "noon", "midnight", "on", "late", "early", "later", "earlier", "the",
    /// "upcoming", the weekdays, "in", "since", "by", "until", "from", "mid-"). Most words of a
    /// text start none, and are not read branch by branch.
    fn may_start(&self, at: usize) -> bool {
        let Some(first) = self.byte(at) else {
            return false;
        };
        let second = self.byte(at + 1).map(|b| b.to_ascii_lowercase());
        match first.to_ascii_lowercase() {
            b'0'..=b'9' | b'a' => true,
            b'j' => matches!(second, Some(b'a' | b'u')),
            b'f' => matches!(second, Some(b'e' | b'i' | b'o' | b'r')),
            b'm' => matches!(second, Some(b'a' | b'i' | b'o')),
            b's' => matches!(second, Some(b'a' | b'e' | b'i' | b'u')),
            b'o' => matches!(second, Some(b'c' | b'n')),
            b'n' => matches!(second, Some(b'e' | b'o')),
            b'd' => second == Some(b'e'),
            b'l' => second == Some(b'a'),
            b't' => matches!(second, Some(b'h' | b'o' | b'u' | b'w')),
            b'p' => second == Some(b'a'),
            b'c' => second == Some(b'o'),
            b'y' => second == Some(b'e'),
            b'e' => second == Some(b'a'),
            b'u' => matches!(second, Some(b'n' | b'p')),
            b'w' => second == Some(b'e'),
            b'i' => second == Some(b'n'),
            b'b' => second == Some(b'y'),
            _ => false,
        }
    }

    /// `MONTH\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?`.
    fn month_first(&self, at: usize) -> Option<(usize, Reading)> {
        for month in self.month(at).into_iter().flatten() {
            let dot = self.is(month, b'.').then_some(month + 1);
            for after in dot.into_iter().chain([month]) {
                let Some(day) = self.spaces(after) else {
                    continue;
                };
                for day_end in self.one_or_two_digits(day) {
                    for end in self.day_suffix(day_end) {
                        if self.boundary(end) {
                            let (year, end) = self.year(end);
                            let reading = Reading::MonthDay {
                                month: (at, month),
                                day: (day, day_end),
                                year,
                            };
                            return Some((end, reading));
                        }
                    }
                }
            }
        }
        None
    }

    /// `\d{1,2}(?:st|nd|rd|th)?\s+MONTH\b\.?(?:,?\s+\d{4})?`.
    fn day_first(&self, at: usize) -> Option<(usize, Reading)> {
        for day_end in self.one_or_two_digits(at) {
            for after in self.day_suffix(day_end) {
                let Some(m) = self.spaces(after) else {
                    continue;
                };
                for month in self.month(m).into_iter().flatten() {
                    if self.boundary(month) {
                        let end = if self.is(month, b'.') {
                            month + 1
                        } else {
                            month
                        };
                        let (year, end) = self.year(end);
                        let reading = Reading::MonthDay {
                            month: (m, month),
                            day: (at, day_end),
                            year,
                        };
                        return Some((end, reading));
                    }
                }
            }
        }
        None
    }

    /// `(?:last|next|this|past|coming)\s+(?:week|month|year|weekend)`.
    fn relative(&self, at: usize) -> Option<(usize, Reading)> {
        let rel = self.one_of(at, &["last", "next", "this", "past", "coming"])?;
        let unit = self.spaces(rel)?;
        let end = self.one_of(unit, &["week", "month", "year", "weekend"])?;
        let reading = Reading::Relative {
            rel: (at, rel),
            unit: (unit, end),
        };
        Some((end, reading))
    }

    /// `(?:\d+|two|three|four|five|six|a)\s+(?:days?|weeks?|months?|years?)\s+ago`.
    fn ago(&self, at: usize) -> Option<(usize, Reading)> {
        let count = if self.digit(at) {
            self.digit_end(at)
        } else {
            self.one_of(at, &["two", "three", "four", "five", "six", "a"])?
        };
        let unit = self.spaces(count)?;
        let unit_end = self.one_of(unit, &["day", "week", "month", "year"])?;
        // "s?" then spaces: the "s" is taken when spaces follow it.
        let unit_end = match self.word(unit_end, "s").and_then(|e| self.spaces(e)) {
            Some(_) => unit_end + 1,
            None => unit_end,
        };
        let end = self.word(self.spaces(unit_end)?, "ago")?;
        let reading = Reading::Ago {
            count: (at, count),
            unit: (unit, unit_end),
        };
        Some((end, reading))
    }

    /// `yesterday|today|tomorrow|tonight`.
    fn day_word(&self, at: usize) -> Option<(usize, Reading)> {
        let end = self.one_of(at, &["yesterday", "today", "tomorrow", "tonight"])?;
        Some((end, Reading::Word((at, end))))
    }

    /// `(?:at\s+(?:around\s+|about\s+)?)?(?:CLOCK_TIME)`.
    fn clock(&self, at: usize) -> Option<(usize, Reading)> {
        let after_at = self.word(at, "at").and_then(|e| self.spaces(e));
        let after_about = after_at.and_then(|p| {
            self.one_of(p, &["around", "about"])
                .and_then(|e| self.spaces(e))
        });
        let end = [after_about, after_at, Some(at)]
            .into_iter()
            .flatten()
            .find_map(|p| self.clock_time(p))?;
        Some((end, Reading::Clock))
    }

    /// `\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{4}\s+(?:GMT|UTC)\b|noon\b|midnight\b`.
    fn clock_time(&self, at: usize) -> Option<usize> {
        for hour in self.one_or_two_digits(at) {
            let minutes = self
                .is(hour, b':')
                .then(|| self.digits(hour + 1, 2))
                .flatten();
            for after in minutes.into_iter().chain([hour]) {
                let p = self.space_end(after);
                if let Some(end) = self.one_of(p, &["a.m.", "p.m."]) {
                    return Some(end);
                }
                if let Some(end) = self.one_of(p, &["am", "pm"]) {
                    if self.boundary(end) {
                        return Some(end);
                    }
                }
            }
        }
        let zone = self
            .digits(at, 4)
            .and_then(|e| self.spaces(e))
            .and_then(|p| self.one_of(p, &["gmt", "utc"]));
        [zone, self.word(at, "noon"), self.word(at, "midnight")]
            .into_iter()
            .flatten()
            .find(|&end| self.boundary(end))
    }

    /// `(?:MODIFIER\s+)?WEEKDAY\b`.
    fn weekday(&self, at: usize) -> Option<(usize, Reading)> {
        let day = |p: usize| {
            self.one_of(p, &WEEKDAYS)
                .filter(|&end| self.boundary(end))
                .map(|end| (p, end))
        };
        let read = self
            .weekday_modifiers(at)
            .into_iter()
            .flatten()
            .find_map(|m| Some((Some((at, m)), day(self.spaces(m)?)?)))
            .or_else(|| Some((None, day(at)?)));
        let (modifier, (start, end)) = read?;
        let reading = Reading::Weekday {
            modifier,
            weekday: (start, end),
        };
        Some((end, reading))
    }

    /// `last|next|this|on|late|early|later\s+on|earlier\s+on|(?:the\s+|this\s+)?(?:upcoming|
    /// coming)` at `at`: the offsets it may end at, in the order the expression tries them.
    fn weekday_modifiers(&self, at: usize) -> [Option<usize>; 11] {
        let later_on = |w: &str| {
            self.word(at, w)
                .and_then(|e| self.spaces(e))
                .and_then(|p| self.word(p, "on"))
        };
        let coming =
            |lead: Option<usize>| lead.and_then(|p| self.one_of(p, &["upcoming", "coming"]));
        let after = |w: &str| self.word(at, w).and_then(|e| self.spaces(e));
        [
            self.word(at, "last"),
            self.word(at, "next"),
            self.word(at, "this"),
            self.word(at, "on"),
            self.word(at, "late"),
            self.word(at, "early"),
            later_on("later"),
            later_on("earlier"),
            coming(after("the")),
            coming(after("this")),
            coming(Some(at)),
        ]
    }

    /// `(?:in|since|by|until|from|early|late|mid-)\s*MONTH\b(?:\s+\d)?`.
    fn month_alone(&self, at: usize) -> Option<(usize, Reading)> {
        let prep = self.one_of(
            at,
            &[
                "in", "since", "by", "until", "from", "early", "late", "mid-",
            ],
        )?;
        let m = self.space_end(prep);
        let month = self
            .month(m)
            .into_iter()
            .flatten()
            .find(|&end| self.boundary(end))?;
        let digit = self.spaces(month).filter(|&p| self.digit(p));
        let end = digit.map_or(month, |p| p + 1);
        let reading = Reading::Month {
            month: (m, month),
            digit_after: digit.is_some(),
        };
        Some((end, reading))
    }
}

/// Whether `text` holds a word of the future: the expression `(?i)\b(?:will|'ll|shall|(?:is|are|
/// was|were)\s+(?:due|set|scheduled|expected|to)\b|plans?\s+to|planned\s+to|upcoming|later|next|
/// would)\b`, read with Unicode classes and case folding as it was.
pub fn has_future_word(text: &str) -> bool {
    const WORDS: [&str; 7] = ["will", "'ll", "shall", "upcoming", "later", "next", "would"];
    const AUXILIARIES: [&str; 4] = ["is", "are", "was", "were"];
    const AFTER_AUXILIARY: [&str; 5] = ["due", "set", "scheduled", "expected", "to"];
    const PLANS: [&str; 3] = ["plans", "plan", "planned"];
    /// The letters the words above start with: a cheap test before reading any of them.
    const FIRST: [char; 9] = ['w', '\'', 's', 'u', 'l', 'n', 'i', 'a', 'p'];
    let boundary = |at: usize| {
        let before = text.get(..at).and_then(|t| t.chars().next_back());
        let after = text.get(at..).and_then(|t| t.chars().next());
        before.is_some_and(is_word) != after.is_some_and(is_word)
    };
    // One of `words` at `at`, ending at a word boundary.
    let word_at = |at: usize, words: &[&str]| {
        let rest = text.get(at..).unwrap_or("");
        words
            .iter()
            .any(|w| starts_with_folded(rest, w).is_some_and(|n| boundary(at + n)))
    };
    // One of `heads` at `at`, then spaces, then one of `tails` ending at a word boundary.
    let phrase_at = |at: usize, heads: &[&str], tails: &[&str]| {
        let rest = text.get(at..).unwrap_or("");
        heads.iter().any(|h| {
            starts_with_folded(rest, h).is_some_and(|n| {
                let from = space_end(text, at + n);
                from > at + n && word_at(from, tails)
            })
        })
    };
    let mut after_word = false;
    text.char_indices().any(|(i, c)| {
        let word = is_word(c);
        let starts = word != after_word && FIRST.iter().any(|&f| folds_to(c, f));
        after_word = word;
        starts
            && (word_at(i, &WORDS)
                || phrase_at(i, &AUXILIARIES, &AFTER_AUXILIARY)
                || phrase_at(i, &PLANS, &["to"]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::calendar::{MONTH_PATTERN, WEEKDAY_PATTERN};
    use regex::Regex;
    use std::sync::LazyLock;

    /// The expression [`scan`] replaces, as it was.
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i-u)\b(?:(?P<md_month>{MONTH_PATTERN})\.?\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_year>\d{{4}}))?|(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dm_month>{MONTH_PATTERN})\b\.?(?:,?\s+(?P<dm_year>\d{{4}}))?|(?P<rel>last|next|this|past|coming)\s+(?P<unit>week|month|year|weekend)|(?P<ago_n>\d+|two|three|four|five|six|a)\s+(?P<ago_unit>days?|weeks?|months?|years?)\s+ago|(?P<word>yesterday|today|tomorrow|tonight)|(?P<clock>(?:at\s+(?:around\s+|about\s+)?)?(?:\d{{1,2}}(?::\d{{2}})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{{4}}\s+(?:GMT|UTC)\b|noon\b|midnight\b))|(?:(?P<wd_mod>last|next|this|on|late|early|later\s+on|earlier\s+on|(?:the\s+|this\s+)?(?:upcoming|coming))\s+)?(?P<weekday>{WEEKDAY_PATTERN})\b|(?P<m_prep>in|since|by|until|from|early|late|mid-)\s*(?P<month>{MONTH_PATTERN})\b(?P<m_after>\s+\d)?)"
        ))
        .expect("valid regex")
    });

    /// The expression [`has_future_word`] replaces.
    static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:will|'ll|shall|(?:is|are|was|were)\s+(?:due|set|scheduled|expected|to)\b|plans?\s+to|planned\s+to|upcoming|later|next|would)\b")
            .expect("valid regex")
    });

    /// The expression [`starts_with_clock`] replaces.
    static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:at\s+)?(?:around\s+|about\s+)?(?:\d|noon|midnight)")
            .expect("valid regex")
    });

    type Parts = Vec<(&'static str, Span)>;

    /// What the expression read: each match with the groups the old code consulted, as the old
    /// code read them (the groups of the match read again on its own).
    fn by_expression(text: &str) -> Vec<(Span, Parts)> {
        DATE.find_iter(text)
            .map(|all| {
                let c = DATE.captures(all.as_str()).expect("a match matches itself");
                let at = |name: &str| {
                    c.name(name)
                        .map(|g| (all.start() + g.start(), all.start() + g.end()))
                };
                let mut parts = Parts::new();
                let mut put = |key: &'static str, names: [&str; 2]| {
                    if let Some(span) = names.iter().find_map(|n| at(n)) {
                        parts.push((key, span));
                    }
                };
                put("md_month", ["md_month", "dm_month"]);
                put("md_day", ["md_day", "dm_day"]);
                put("md_year", ["md_year", "dm_year"]);
                put("rel", ["rel", "rel"]);
                put("unit", ["unit", "unit"]);
                put("ago_n", ["ago_n", "ago_n"]);
                put("ago_unit", ["ago_unit", "ago_unit"]);
                put("word", ["word", "word"]);
                put("clock", ["clock", "clock"]);
                put("wd_mod", ["wd_mod", "wd_mod"]);
                put("weekday", ["weekday", "weekday"]);
                put("month", ["month", "month"]);
                if let Some((_, e)) = at("m_after") {
                    parts.push(("m_after", (e, e)));
                }
                ((all.start(), all.end()), parts)
            })
            .collect()
    }

    fn by_scanner(text: &str) -> Vec<(Span, Parts)> {
        scan(text)
            .into_iter()
            .map(|m| {
                let parts = match m.reading {
                    Reading::MonthDay { month, day, year } => {
                        let mut p = vec![("md_month", month), ("md_day", day)];
                        p.extend(year.map(|y| ("md_year", y)));
                        p
                    }
                    Reading::Relative { rel, unit } => vec![("rel", rel), ("unit", unit)],
                    Reading::Ago { count, unit } => vec![("ago_n", count), ("ago_unit", unit)],
                    Reading::Word(w) => vec![("word", w)],
                    Reading::Clock => vec![("clock", (m.start, m.end))],
                    Reading::Weekday { modifier, weekday } => {
                        let mut p: Parts = modifier.map(|s| ("wd_mod", s)).into_iter().collect();
                        p.push(("weekday", weekday));
                        p
                    }
                    Reading::Month { month, digit_after } => {
                        let mut p = vec![("month", month)];
                        if digit_after {
                            p.push(("m_after", (m.end, m.end)));
                        }
                        p
                    }
                };
                ((m.start, m.end), parts)
            })
            .collect()
    }

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let found: Vec<&str> = scan(text).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, expected, "{text:?}");
        assert_eq!(by_scanner(text), by_expression(text), "{text:?}");
    }

    #[test]
    fn one_case_per_branch() {
        check("It fell on Feb. 7, 2022, they said.", &["Feb. 7, 2022"]);
        check("They met on 7 March.", &["7 March."]);
        check("They met last week.", &["last week"]);
        check("They met this weekend.", &["this week"]);
        check("They met three years ago.", &["three years ago"]);
        check(
            "They met yesterday and will meet tonight.",
            &["yesterday", "tonight"],
        );
        check(
            "They met at about 10 p.m. and at noon.",
            &["at about 10 p.m.", "at noon"],
        );
        check("They met at 1400 GMT.", &["at 1400 GMT"]);
        check("They met early Tuesday.", &["early Tuesday"]);
        check("They meet this coming Tuesday.", &["this coming Tuesday"]);
        check("They met in mid-July.", &["mid-July"]);
        check("They met in May 5.", &["in May 5"]);
        check("THEY MET IN DECEMBER.", &["IN DECEMBER"]);
        check("Sept. 11 and Sepember 3", &["Sept. 11", "Sepember 3"]);
        check("May 123 and 12345 GMT", &[]);
        check(
            "The committee approved the budget for the park on its first vote.",
            &[],
        );
    }

    #[test]
    fn the_scanner_reads_every_kind_of_date() {
        for text in [
            "It fell on Feb. 7, 2022.",
            "They met on 7 March.",
            "They met last week.",
            "They met three years ago.",
            "They met yesterday and will meet tonight.",
            "They met at noon.",
            "They met at 10 p.m.",
            "They met early Tuesday.",
            "They met in mid-July.",
            "THEY MET IN DECEMBER.",
        ] {
            assert!(!scan(text).is_empty() && DATE.is_match(text), "{text}");
        }
        let text = "The committee approved the budget for the park on its first vote.";
        assert!(scan(text).is_empty() && !DATE.is_match(text));
    }

    /// A random sentence of pieces that exercise every branch, the spaces and the word
    /// boundaries.
    fn random_text(state: &mut u64, pieces: &[&str]) -> String {
        let mut text = String::new();
        loop {
            *state ^= *state << 13;
            *state ^= *state >> 7;
            *state ^= *state << 17;
            text.push_str(pieces[(*state % pieces.len() as u64) as usize]);
            if (*state >> 20).is_multiple_of(3) {
                text.push(' ');
            }
            if (*state >> 8).is_multiple_of(17) || text.len() > 160 {
                return text;
            }
        }
    }

    const PIECES: [&str; 70] = [
        " ",
        "  ",
        "\t",
        "\u{b}",
        "\u{a0}",
        ",",
        ".",
        "-",
        "_",
        ":",
        "é",
        "x",
        "the",
        "this",
        "last",
        "next",
        "past",
        "coming",
        "upcoming",
        "on",
        "late",
        "later",
        "early",
        "earlier",
        "at",
        "around",
        "about",
        "in",
        "since",
        "by",
        "until",
        "from",
        "mid-",
        "jan",
        "January",
        "feb",
        "Mar",
        "march",
        "apr",
        "may",
        "MAY",
        "jun",
        "June",
        "jul",
        "july",
        "aug",
        "sep",
        "sept",
        "September",
        "ember",
        "oct",
        "nov",
        "dec",
        "Monday",
        "sunday",
        "st",
        "th",
        "5",
        "12",
        "123",
        "2024",
        "1400",
        "a.m.",
        "pm",
        "am",
        "GMT",
        "utc",
        "noon",
        "midnight",
        "ago",
    ];
    const UNITS: [&str; 12] = [
        "day",
        "days",
        "week",
        "weeks",
        "weekend",
        "month",
        "months",
        "year",
        "years",
        "yesterday",
        "today",
        "tonight",
    ];

    /// The scanner reads every sentence as the expression did: the same matches, the same parts.
    #[test]
    fn the_scanner_agrees_with_the_expression_it_replaces() {
        let pieces: Vec<&str> = PIECES.iter().chain(&UNITS).copied().collect();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut matches = 0;
        for _ in 0..40_000 {
            let text = random_text(&mut state, &pieces);
            let expected = by_expression(&text);
            assert_eq!(by_scanner(&text), expected, "{text:?}");
            matches += expected.len();
            for (span, _) in &expected {
                let found = &text[span.0..span.1];
                assert_eq!(starts_with_clock(found), CLOCK.is_match(found), "{found:?}");
            }
        }
        assert!(matches > 10_000, "{matches}");
    }

    #[test]
    fn words_of_the_future() {
        for (text, expected) in [
            ("They will meet.", true),
            ("They'll meet.", true),
            ("They ' ll meet.", false),
            ("The vote is set to pass.", true),
            ("The vote is settled.", false),
            ("The vote is\u{a0}due.", true),
            ("He plans to go and planned to stay.", true),
            ("He planted it.", false),
            ("It comes LATER.", true),
            ("\u{17f}hall we?", true),
            ("Nextel won.", false),
        ] {
            assert_eq!(has_future_word(text), expected, "{text:?}");
            assert_eq!(FUTURE.is_match(text), expected, "{text:?}");
        }
    }

    /// [`has_future_word`] reads every sentence as the expression did.
    #[test]
    fn the_future_agrees_with_the_expression_it_replaces() {
        let pieces = [
            " ",
            "\u{a0}",
            "'",
            "’",
            "ll",
            "we",
            "will",
            "WILL",
            "shall",
            "\u{17f}hall",
            "is",
            "are",
            "was",
            "were",
            "due",
            "set",
            "scheduled",
            "expected",
            "to",
            "too",
            "plan",
            "plans",
            "planned",
            "upcoming",
            "later",
            "next",
            "would",
            "é",
            "_",
            "x",
            ".",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut future = 0;
        for _ in 0..40_000 {
            let text = random_text(&mut state, &pieces);
            let expected = FUTURE.is_match(&text);
            assert_eq!(has_future_word(&text), expected, "{text:?}");
            future += usize::from(expected);
        }
        assert!(future > 5_000 && future < 35_000, "{future}");
    }
}
