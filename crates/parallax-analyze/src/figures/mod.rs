//! Figures: the quantities a sentence states, read by a small grammar in four languages.
//!
//! A figure is a number (digits in the language's notation, spelled out, or mixed: "5 thousand
//! 383", "2,5 Millionen", "cinq mille"), optionally a range ("10 to 20") or a score ("6-3"), with
//! its qualifier ("more than", "knapp", "casi"), its unit (percent, a currency, a measure, a
//! duration) and what it counts. Numbers that are not quantities are left out: dates, clock
//! times, years, relative dates ("three days ago"), numbers in names ("iPhone 15", "A320",
//! "Flight 370"), URLs, and whole date lines. The words are data (`data/figures/`).

mod interval;
mod lexicon;
mod number;
mod scan;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use parallax_core::{Direction, Figure, FigureKind, Sentence};

use crate::lexicon::STOPWORDS;
pub use interval::{compatible, interval, Interval};
use lexicon::{is, language, Role, Unit, CONTEXT, PLURAL_ENDINGS, QUALIFIERS, UNITS};
use number::{digits_value, word_pieces, Reading};
use parallax_text::stem_in;
use scan::{tokens, Class, Token};

/// Most figures read from one sentence; a sentence of numbers (a table, a list of results)
/// gives its first ones only.
pub const MAX_FIGURES_PER_SENTENCE: usize = 24;

/// Most figures kept from one article (documented cap: a page of results or tables gives its
/// first ones only).
pub const MAX_FIGURES_PER_ARTICLE: usize = 400;

/// Longest counted phrase, in words.
const MAX_COUNTED_WORDS: usize = 4;

/// A sentence's tokens with their text.
struct Words<'a> {
    text: &'a str,
    toks: Vec<Token>,
    /// Each token's text, lowercased (read many times over); borrowed when it is lowercase
    /// ASCII already, as most words are.
    lowers: Vec<Cow<'a, str>>,
    /// Token indices inside a URL or e-mail address.
    masked: Vec<bool>,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        let toks = tokens(text);
        let spans = url_spans(text);
        let masked = toks
            .iter()
            .map(|t| spans.iter().any(|&(s, e)| t.start >= s && t.end <= e))
            .collect();
        let lowers = toks
            .iter()
            .map(|t| parallax_text::lowercase(text.get(t.start..t.end).unwrap_or("")))
            .collect();
        Self {
            text,
            toks,
            lowers,
            masked,
        }
    }

    fn raw(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn lower(&self, i: usize) -> &str {
        self.lowers.get(i).map_or("", |w| w.as_ref())
    }

    fn class(&self, i: usize) -> Option<Class> {
        self.toks.get(i).map(|t| t.class)
    }

    fn gap(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| t.gap)
    }

    fn is_word(&self, i: usize) -> bool {
        self.class(i) == Some(Class::Word)
    }

    /// The lowercase text of tokens `i..i + n`, with one space where the text has space.
    fn phrase(&self, i: usize, n: usize) -> String {
        let mut s = String::new();
        for k in i..(i + n).min(self.toks.len()) {
            if k > i && self.gap(k) {
                s.push(' ');
            }
            s.push_str(self.lower(k));
        }
        s
    }

    /// The longest phrase starting at `i` (at most `max` tokens) that `accept` knows, and its
    /// length in tokens.
    fn longest_at<T>(
        &self,
        i: usize,
        max: usize,
        accept: impl Fn(&str) -> Option<T>,
    ) -> Option<(T, usize)> {
        // Each candidate is a prefix of the longest one: written once, cut at token ends.
        let longest = max.min(self.toks.len().saturating_sub(i));
        let mut text = String::new();
        let mut ends = Vec::with_capacity(longest);
        for k in i..i + longest {
            if k > i && self.gap(k) {
                text.push(' ');
            }
            text.push_str(self.lower(k));
            ends.push(text.len());
        }
        (1..=longest)
            .rev()
            .find_map(|n| accept(text.get(..ends[n - 1]).unwrap_or("")).map(|t| (t, n)))
    }

    /// The longest phrase ending just before `end` (at most `max` tokens) that `accept` knows,
    /// and its first token.
    fn longest_before<T>(
        &self,
        end: usize,
        max: usize,
        accept: impl Fn(&str) -> Option<T>,
    ) -> Option<(T, usize)> {
        // Each candidate is a suffix of the longest one: written once, cut at token starts.
        let longest = max.min(end);
        let first = end - longest;
        let mut text = String::new();
        let mut starts = Vec::with_capacity(longest);
        for k in first..end {
            if k < self.toks.len() {
                if k > first && self.gap(k) {
                    text.push(' ');
                }
                starts.push(text.len());
                text.push_str(self.lower(k));
            } else {
                starts.push(text.len());
            }
        }
        (1..=longest).rev().find_map(|n| {
            let from = starts[longest - n];
            accept(text.get(from..).unwrap_or("")).map(|t| (t, end - n))
        })
    }

    /// The nearest word token before `i`, skipping commas and points.
    fn word_before(&self, i: usize) -> Option<usize> {
        let mut k = i;
        while k > 0 {
            k -= 1;
            match self.class(k) {
                Some(Class::Word) => return Some(k),
                Some(Class::Punct) if matches!(self.raw(k), "," | ".") => continue,
                _ => return None,
            }
        }
        None
    }

    /// The nearest word token from `i` on, skipping commas and points.
    fn word_from(&self, i: usize) -> Option<usize> {
        let mut k = i;
        while k < self.toks.len() {
            match self.class(k) {
                Some(Class::Word) => return Some(k),
                Some(Class::Punct) if matches!(self.raw(k), "," | ".") => k += 1,
                _ => return None,
            }
        }
        None
    }
}

/// Byte spans of URLs and e-mail addresses.
fn url_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes = text.as_bytes();
    // Every chunk taken below holds an '@' or a '/' or opens with "www.": a sentence with none
    // of them (nearly every one) is not read chunk by chunk.
    let www = |i: usize| {
        i.checked_sub(3)
            .and_then(|s| bytes.get(s..i))
            .is_some_and(|w| w.eq_ignore_ascii_case(b"www"))
    };
    let any = bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'@' || b == b'/' || (b == b'.' && www(i)));
    if !any {
        return out;
    }
    let mut i = 0;
    // Read as `char::is_whitespace` reads: ASCII byte by byte (its spaces are tab to carriage
    // return and the space), other characters decoded; the end of the text ends a chunk too.
    loop {
        let (space, len) = match bytes.get(i) {
            None => (true, 0),
            Some(&b) if b.is_ascii() => (matches!(b, b'\t'..=b'\r' | b' '), 1),
            Some(_) => text
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .map_or((true, 0), |c| (c.is_whitespace(), c.len_utf8())),
        };
        let at = i;
        i += len;
        if space {
            if let Some(s) = start.take() {
                let chunk = &text[s..at];
                // Every test below needs an '@', a '/' or a leading "www.": most words have
                // none, and are not lowercased to find out.
                let maybe = chunk.bytes().any(|b| b == b'@' || b == b'/')
                    || chunk
                        .as_bytes()
                        .get(..4)
                        .is_some_and(|p| p.eq_ignore_ascii_case(b"www."));
                if !maybe {
                    continue;
                }
                let lower = chunk.to_ascii_lowercase();
                if lower.contains("://")
                    || lower.starts_with("www.")
                    || lower.contains('@')
                    || (lower.contains('/') && lower.contains('.') && !lower.contains(' '))
                        && lower.chars().any(|c| c.is_ascii_alphabetic())
                {
                    out.push((s, at));
                }
            }
        } else if start.is_none() {
            start = Some(at);
        }
        if len == 0 {
            break;
        }
    }
    out
}

/// Whether a sentence is a date line or metadata rather than prose: it holds a date or a time
/// and almost no other words ("February 7, 2022 10:24 am", "Updated 7 Feb 2022").
fn is_date_line(w: &Words) -> bool {
    let mut calendar = false;
    let mut other = 0;
    for i in 0..w.toks.len() {
        if w.is_word(i) {
            let l = w.lower(i);
            if is("month", l) || is("weekday", l) || is("time_after", l) {
                calendar = true;
            } else if l.chars().count() > 1 {
                other += 1;
                if other == 3 {
                    // Prose, whatever else the sentence holds.
                    break;
                }
            }
        } else if w.raw(i) == ":" && w.class(i + 1) == Some(Class::Digits) && !w.gap(i + 1) {
            calendar = true;
        }
    }
    // Only the opening is lowercased, to compare: a word read char by char ('©' has no case).
    let copyright = w
        .text
        .chars()
        .flat_map(char::to_lowercase)
        .take("copyright".len())
        .eq("copyright".chars());
    (calendar && other < 3) || w.text.contains('©') || copyright
}

/// The figures of one sentence, read as `language` (an ISO 639-1 code) writes numbers.
pub fn find_figures(sentence: &Sentence, index: usize, language_code: &str) -> Vec<Figure> {
    let lang = language(language_code);
    let w = Words::new(&sentence.text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.toks.len() && out.len() < MAX_FIGURES_PER_SENTENCE {
        match read_figure(&w, i, lang) {
            Read::Figure(mut f, next) => {
                f.sentence = index;
                out.push(*f);
                i = next.max(i + 1);
            }
            Read::Skip(next) => i = next.max(i + 1),
        }
    }
    // A date line gives no figures: asked only of the sentences that gave some.
    if !out.is_empty() && is_date_line(&w) {
        out.clear();
    }
    out
}

/// What reading at a token gave.
enum Read {
    /// A figure, and the token after it.
    Figure(Box<Figure>, usize),
    /// Nothing: go on at this token.
    Skip(usize),
}

/// A number read from tokens `start..end`.
struct Num {
    value: f64,
    end: usize,
    /// Whether it is one plain digit run (for year, date and ordinal rules).
    plain_digits: bool,
}

/// Reads the number that starts at token `i`, if one does.
fn read_number(w: &Words, i: usize, lang: &str) -> Option<Num> {
    let mut reading = Reading::default();
    let mut j = i;
    let mut last_digits = false;
    let mut started_with_article = false;
    while j < w.toks.len() && !w.masked[j] {
        match w.class(j) {
            Some(Class::Digits) => {
                if j > i && !w.gap(j) {
                    break;
                }
                let Some(mut v) = digits_value(w.raw(j), lang) else {
                    break;
                };
                let mut k = j + 1;
                // "5 000" in French, German and Spanish: a space groups thousands.
                if lang != "en" && j == i && plain(w.raw(j)) && w.raw(j).len() <= 3 {
                    while w.class(k) == Some(Class::Digits)
                        && plain(w.raw(k))
                        && w.raw(k).len() == 3
                        && single_space_before(w, k)
                    {
                        v = v * 1000.0 + digits_value(w.raw(k), lang).unwrap_or(0.0);
                        k += 1;
                    }
                }
                if !reading.push_digits(v) {
                    break;
                }
                last_digits = true;
                j = k;
            }
            Some(Class::Word) => {
                let lower = w.lower(j);
                let Some(pieces) = word_pieces(lower, lang) else {
                    break;
                };
                if last_digits && pieces.iter().any(|p| p.1 != Role::Scale) {
                    break;
                }
                if j == i && pieces.first().is_some_and(|p| p.1 == Role::Scale) {
                    // "thousands of", "millions de": no number.
                    return None;
                }
                let mut trial = reading.clone();
                if !pieces.iter().all(|&(v, r)| trial.push(v, r, lang)) {
                    break;
                }
                if j == i && pieces.first().is_some_and(|p| p.1 == Role::Article) {
                    started_with_article = true;
                } else if started_with_article
                    && reading.pieces == 0
                    && pieces.first().is_some_and(|p| p.1 != Role::Scale)
                {
                    // "a two-day visit": the article is not part of the number.
                    return None;
                }
                reading = trial;
                last_digits = false;
                j += 1;
            }
            Some(Class::Punct) => {
                // A hyphen inside a spelled number ("twenty-five", "quatre-vingt-dix").
                let joins = w.raw(j) == "-"
                    && !w.gap(j)
                    && !w.gap(j + 1)
                    && j > i
                    && w.is_word(j - 1)
                    && w.is_word(j + 1)
                    && word_pieces(w.lower(j + 1), lang).is_some();
                if !joins {
                    break;
                }
                j += 1;
            }
            None => break,
        }
        // A connector between number words: "hundred and five", "vingt et un", "treinta y dos".
        if w.is_word(j) && is("connector", w.lower(j)) && !last_digits {
            let next = w.lower(j + 1);
            if let Some(pieces) = word_pieces(next, lang) {
                let mut trial = reading.clone();
                if pieces.iter().all(|&(v, r)| trial.push(v, r, lang)) {
                    j += 1;
                }
            }
        }
    }
    if reading.pieces == 0 || (started_with_article && j <= i + 1) {
        return None;
    }
    let value = reading.value();
    (value.is_finite() && j > i).then_some(Num {
        value,
        end: j,
        plain_digits: j == i + 1 && w.class(i) == Some(Class::Digits),
    })
}

fn plain(raw: &str) -> bool {
    raw.chars().all(|c| c.is_ascii_digit())
}

fn single_space_before(w: &Words, k: usize) -> bool {
    match (w.toks.get(k.wrapping_sub(1)), w.toks.get(k)) {
        (Some(a), Some(b)) if k > 0 => w.text.get(a.end..b.start) == Some(" "),
        _ => false,
    }
}

/// Whether token `i` starts a number at all (cheap test before reading).
fn starts_number(w: &Words, i: usize, lang: &str) -> bool {
    match w.class(i) {
        Some(Class::Digits) => true,
        Some(Class::Word) => word_pieces(w.lower(i), lang).is_some(),
        _ => false,
    }
}

/// A currency written before the number ("$", "US$", "EUR"): the unit and its first token.
fn currency_before(w: &Words, i: usize, lang: &str) -> Option<(Unit, usize)> {
    let (unit, start) = w.longest_before(i, 2, |p| {
        UNITS.get(lang, p).filter(|u| u.kind == FigureKind::Money)
    })?;
    // A word code needs a space ("USD 5"); a symbol may be glued ("$5").
    let glued_symbol = w.class(i - 1) == Some(Class::Punct);
    (glued_symbol || w.gap(i)).then_some((unit, start))
}

/// Reads the figure whose number starts at token `i`.
fn read_figure(w: &Words, i: usize, lang: &str) -> Read {
    if w.masked.get(i).copied().unwrap_or(true) || !starts_number(w, i, lang) {
        return Read::Skip(i + 1);
    }
    // Glued to letters before it: a code or a model ("A320", "F-16", "COVID-19", "G7").
    if i > 0 && !w.gap(i) {
        let prev = w.raw(i - 1);
        let glued_name = w.is_word(i - 1)
            || (prev == "-" && i > 1 && !w.gap(i - 1) && w.is_word(i - 2))
            || prev == "#";
        if glued_name {
            return Read::Skip(skip_run(w, i));
        }
    }
    let Some(num) = read_number(w, i, lang) else {
        return Read::Skip(i + 1);
    };
    let mut value = num.value;
    let mut j = num.end;
    let mut kind = FigureKind::Count;
    let mut unit: Option<&'static str> = None;

    let currency = currency_before(w, i, lang);
    if let Some((u, _)) = currency {
        kind = FigureKind::Money;
        unit = Some(u.name);
    }

    // Clock times: "10:24", "10.30 am", "15h30", "1400 GMT", "à 15 heures", "halb drei".
    if matches!(w.raw(j), ":" | "/") && !w.gap(j) && w.class(j + 1) == Some(Class::Digits) {
        return Read::Skip(skip_run(w, j + 1));
    }
    if w.longest_before(i, 2, |p| is("clock_before", p).then_some(()))
        .is_some()
    {
        return Read::Skip(j);
    }
    if num.plain_digits && (w.raw(i).matches('.').count() >= 2 || w.raw(i).contains('/')) {
        return Read::Skip(j);
    }

    // Letters glued after the digits: an ordinal, a scale, a unit, or a code ("5G").
    if num.plain_digits || w.class(i) == Some(Class::Digits) {
        if w.is_word(j) && !w.gap(j) {
            let suffix = w.lower(j);
            let money_after = w
                .longest_at(j + 1, UNITS.longest, |p| UNITS.get(lang, p))
                .is_some_and(|(u, _)| u.kind == FigureKind::Money);
            if is("time_after", suffix) {
                return Read::Skip(skip_run(w, j + 1));
            } else if let Some(&f) = UNITS
                .scales
                .get(suffix)
                .filter(|_| currency.is_some() || money_after)
            {
                value *= f;
                j += 1;
            } else if let Some(u) = UNITS.get(lang, suffix) {
                kind = if currency.is_some() { kind } else { u.kind };
                unit = unit.or(Some(u.name));
                j += 1;
            } else if is("ordinal_suffix", suffix) && value.fract() == 0.0 {
                kind = FigureKind::Ordinal;
                j += 1;
            } else {
                return Read::Skip(j + 1);
            }
        } else if lang == "de"
            && num.plain_digits
            && w.raw(j) == "."
            && !w.gap(j)
            && w.is_word(j + 1)
        {
            // German ordinals: "der 3. Platz".
            kind = FigureKind::Ordinal;
            j += 1;
        }
    }

    // A second number: a range ("10 to 20", "zwischen 10 und 20") or a score ("6-3").
    let mut high = None;
    // Where the figure starts, with its qualifier: read once, asked three times below.
    let qualified = qualifier_start(w, i, lang, currency);
    let range_open = w
        .word_before(qualified.0)
        .is_some_and(|k| is("range_open", w.lower(k)));
    if kind != FigureKind::Ordinal && unit.is_none_or(|_| kind == FigureKind::Money) {
        let joiner = w.lower(j);
        let dash = matches!(joiner, "-" | "–" | "—");
        let word_join =
            w.is_word(j) && is("range_join", joiner) && (range_open || !is("range_and", joiner));
        // Digits pair with digits; a number in words with one in words too ("zwei bis drei
        // Wochen", "two to three weeks"), which a word after a dash never is.
        let second_number = match w.class(j + 1) {
            Some(Class::Digits) => true,
            Some(Class::Word) => word_join && w.class(i) == Some(Class::Word),
            _ => false,
        };
        // Digits after a dash written with a leading zero ("555-0170", "12-0345") make a phone
        // or file number, no range or score.
        let second = w.raw(j + 1);
        if dash && !w.gap(j) && second.len() > 1 && second.starts_with('0') && second_number {
            return Read::Skip(skip_run(w, j + 1));
        }
        if (dash || word_join) && second_number {
            if let Some(second) = read_number(w, j + 1, lang) {
                let score_near = score_word_near(w, i, second.end);
                let both_whole = value.fract() == 0.0 && second.value.fract() == 0.0;
                let score = !range_open
                    && both_whole
                    && currency.is_none()
                    && ((dash && value >= second.value) || score_near);
                if score {
                    kind = FigureKind::Score;
                    high = Some(second.value);
                    j = second.end;
                } else if second.value > value {
                    high = Some(second.value);
                    j = second.end;
                }
            }
        }
    }

    // A span of years ("1994-96", "2019-2021") is a date.
    let span_of_years = high.is_some_and(|h| h < 100.0 || (1900.0..=2100.0).contains(&h));
    // Years, and days of a month, are dates.
    if num.plain_digits
        && (high.is_none() || span_of_years)
        && currency.is_none()
        && is_year(w.raw(i), value)
    {
        let after_unit = w.longest_at(j, UNITS.longest, |p| UNITS.get(lang, p));
        if after_unit.is_none() {
            return Read::Skip(j);
        }
    }
    if month_beside(w, i, j) {
        return Read::Skip(j);
    }
    // "Tuesday 5": a day of the month; "am Dienstag zwei Mitarbeiter" counts.
    if let Some(k) = w
        .word_before(i)
        .filter(|_| w.class(i) == Some(Class::Digits))
    {
        if is("weekday", w.lower(k)) {
            return Read::Skip(j);
        }
    }

    // The unit after the number: percent, currency, measure, duration (also "10-day").
    if kind != FigureKind::Ordinal
        && (unit.is_none() || (kind == FigureKind::Money && currency.is_some()))
    {
        let hyphen = w.raw(j) == "-" && !w.gap(j) && !w.gap(j + 1);
        let at = if hyphen { j + 1 } else { j };
        // "ein 51-Jähriger", "die 34-jährige Frau": an age.
        if hyphen && lang == "de" && w.is_word(at) && w.lower(at).starts_with("jährig") {
            kind = FigureKind::Measure;
            unit = Some("age");
            j = at + 1;
        }
        // "millions de dollars", "d'euros".
        else if let Some((u, n)) = unit_at(w, at, lang) {
            if currency.is_none() {
                kind = u.kind;
                unit = Some(u.name);
                j = at + n;
            } else if u.kind == FigureKind::Money {
                j = at + n;
            }
        }
    }
    if is("time_after", w.lower(j))
        || w.phrase(j, 4).starts_with("a.m")
        || w.phrase(j, 4).starts_with("p.m")
    {
        return Read::Skip(j + 1);
    }
    if kind == FigureKind::Duration {
        let hour = unit == Some("hour");
        let before_time = w
            .longest_before(qualified.0, 3, |p| is("time_before", p).then_some(()))
            .is_some();
        let relative_before = w
            .longest_before(i, 3, |p| is("relative_before", p).then_some(()))
            .is_some();
        let relative_after = w
            .longest_at(j, 2, |p| is("relative_after", p).then_some(()))
            .is_some();
        // "peu après 21 heures" is a time of day, "après 21 heures de négociations" a duration.
        let of_after = w.is_word(j) && is("spent_on", w.lower(j));
        let before_time = before_time
            || !of_after
                && w.longest_before(qualified.0, 1, |p| {
                    is("time_before_unless_of", p).then_some(())
                })
                .is_some();
        if (hour && before_time) || relative_before || relative_after {
            return Read::Skip(j);
        }
        // "a 33-year-old", "der 54 Jahre alte Fahrer": an age.
        let years = unit == Some("year");
        let old = |k: usize| w.lower(k) == "old" || years && is("age_after", w.lower(k));
        let hyphen = w.raw(j) == "-";
        if hyphen && old(j + 1) || old(j) {
            kind = FigureKind::Measure;
            unit = Some("age");
            j += if hyphen { 2 } else { 1 };
        }
    }

    // A unit written before the number: "magnitude 7.8". In French, German and Spanish, whose
    // nouns come before it ("un terremoto de magnitud 4,8 sacudió"), it is the thing measured,
    // and the word after it none.
    let mut unit_before = None;
    if kind == FigureKind::Count && high.is_none() {
        if let Some(k) = w.word_before(i) {
            let l = w.lower(k);
            if is("unit_before", l) {
                kind = FigureKind::Measure;
                unit = Some("magnitude");
                unit_before = (lang != "en").then_some(k);
            }
        }
    }

    // Numbers in names: "Pier 4", "Flight 370", "iPhone 15", "No. 10".
    if kind == FigureKind::Count && high.is_none() && names_before(w, i, lang) {
        return Read::Skip(j);
    }

    // Qualifiers: before the number (or its currency), or right after it ("300 or more").
    let (start, mut direction, mut qualifier) = {
        let (start, found) = qualified;
        match found {
            Some((dir, q)) => (start, dir, Some(q)),
            None => (start, Direction::Exact, None),
        }
    };
    // "rund 350.000 Euro, nicht 400.000 Euro, wie zunächst berichtet": a figure the sentence
    // denies is none it reports ("not more than" is a qualifier, read above).
    if qualifier.is_none()
        && w.word_before(start)
            .is_some_and(|k| is("negation", w.lower(k)))
    {
        return Read::Skip(j);
    }
    if qualifier.is_none() {
        if let Some(q) = QUALIFIERS.get(lang) {
            if let Some((dir, n)) = w.longest_at(j, q.longest, |p| q.after.get(p).copied()) {
                direction = dir;
                qualifier = Some(w.phrase(j, n));
                j += n;
            }
        }
    }

    // "elevaron a cinco la cifra de muertos", "à 12 le nombre de morts": a toll named after the
    // number counts what it is a toll of.
    if kind == FigureKind::Count
        && unit.is_none()
        && (j..j + 3).all(|k| w.is_word(k))
        && is("partitive_determiner", w.lower(j))
        && is("toll_noun", w.lower(j + 1))
        && is("partitive", w.lower(j + 2))
    {
        j += 3;
        if w.is_word(j) && is("partitive_determiner", w.lower(j)) {
            j += 1;
        }
    }
    // What it counts: the words after it, or the subject before it ("turnout was 55 percent");
    // after a partitive, only what follows it ("31 of the injured"), and "one of" counts nothing.
    let partitive =
        kind == FigureKind::Count && unit.is_none() && w.is_word(j) && is("partitive", w.lower(j));
    // The total a part is counted out of ("deux des trois voitures"), read once.
    let whole = kind == FigureKind::Count && !partitive && whole_of_a_part(w, start, lang);
    let counted = if unit_before.is_some() {
        None
    } else if partitive {
        if value == 1.0 && high.is_none() {
            return Read::Skip(j + 1);
        }
        let determiner = w.is_word(j + 1) && is("partitive_determiner", w.lower(j + 1));
        let mut k = j + 1 + usize::from(determiner);
        // "deux des trois voitures": the part is of what the whole counts.
        let mut whole_given = false;
        if starts_number(w, k, lang) {
            if let Some(whole) = read_number(w, k, lang) {
                k = whole.end;
                whole_given = true;
            }
        }
        // After "of the" a word that reads as a verb is the thing: "the injured", "los heridos";
        // not after a number ("drei von fünf ausgegeben": the verb of the clause).
        // A part is no total: "31 of the injured" is compared only with other parts of it.
        counted_after(w, k, lang, kind)
            .or_else(|| {
                let lower = w.lower(k);
                (determiner && !whole_given && w.is_word(k) && !is_function(lower, lang)).then(
                    || Counted {
                        about: w.raw(k).to_string(),
                        head: head_stem(lower, lang),
                        end: k + 1,
                    },
                )
            })
            .map(|c| Counted {
                head: format!("{PART_OF}{}", c.head),
                ..c
            })
    } else if whole {
        // The whole of a part counts what follows it: before it stands the part's own words
        // ("Warnstufe drei von fünf ausgegeben": a rating, nothing counted).
        counted_after(w, j, lang, kind)
    } else {
        counted_after(w, j, lang, kind)
            .or_else(|| counted_after_determiner(w, start, j, lang, kind))
            // An age's noun comes after it: the name before "ein 51-Jähriger" is someone else.
            .or_else(|| (unit != Some("age")).then(|| subject_before(w, start, lang))?)
    };
    let counted =
        counted.filter(|c| kind != FigureKind::Count || value <= 1.0 || plural(&c.about, lang));
    let (about, mut head, end) = match (counted, unit) {
        (Some(c), _) => (c.about, c.head, c.end.max(j)),
        (None, Some(u)) => (u.to_string(), u.to_string(), j),
        (None, None) => return Read::Skip(j),
    };
    if whole {
        head = format!("{WHOLE_OF}{head}");
    }
    // Shown with its unit: "magnitud 4,8".
    let start = unit_before.filter(|&k| k < start).unwrap_or(start);
    let (Some(first), Some(last)) = (w.toks.get(start), w.toks.get(end.max(start + 1) - 1)) else {
        return Read::Skip(j);
    };
    let text = w
        .text
        .get(first.start..last.end)
        .unwrap_or("")
        .trim()
        .to_string();
    Read::Figure(
        Box::new(Figure {
            value,
            qualifier,
            direction,
            about,
            head,
            text,
            sentence: 0,
            kind,
            high,
            unit: unit.map(str::to_string),
        }),
        j,
    )
}

/// Whether the counted phrase opens with a plural, where the language marks every plural (French,
/// Spanish); always elsewhere.
fn plural(about: &str, lang: &str) -> bool {
    let Some(endings) = PLURAL_ENDINGS.get(lang) else {
        return true;
    };
    about.split_whitespace().next().is_some_and(|w| {
        let lower = w.to_lowercase();
        endings.iter().any(|e| lower.ends_with(e))
    })
}

/// The token after a run of glued digits, letters and marks ("COVID-19", "15h30").
fn skip_run(w: &Words, i: usize) -> usize {
    let mut k = i + 1;
    while k < w.toks.len() && !w.gap(k) && w.class(k) != Some(Class::Punct) {
        k += 1;
    }
    k
}

/// The unit that starts at token `i` ("percent", "km", "millions de dollars" after its scale,
/// "d'euros"), with its length in tokens.
fn unit_at(w: &Words, i: usize, lang: &str) -> Option<(Unit, usize)> {
    if let Some(found) = w.longest_at(i, UNITS.longest + 1, |p| UNITS.get(lang, p)) {
        return Some(found);
    }
    // "de dollars", "d'euros", "de euros".
    let l = w.lower(i);
    if lang != "en" && is("unit_of", l) {
        return w
            .longest_at(i + 1, UNITS.longest, |p| UNITS.get(lang, p))
            .filter(|(u, _)| u.kind == FigureKind::Money)
            .map(|(u, n)| (u, n + 1));
    }
    let elided = l.strip_prefix("d'").or_else(|| l.strip_prefix("d’"))?;
    UNITS
        .get(lang, elided)
        .filter(|u| u.kind == FigureKind::Money)
        .map(|u| (u, 1))
}

/// Where the figure's phrase starts (its qualifier, its currency or its number) and the
/// qualifier before it, if any.
fn qualifier_start(
    w: &Words,
    i: usize,
    lang: &str,
    currency: Option<(Unit, usize)>,
) -> (usize, Option<(Direction, String)>) {
    let at = currency.map_or(i, |(_, s)| s);
    let Some(q) = QUALIFIERS.get(lang) else {
        return (at, None);
    };
    match w.longest_before(at, q.longest + 2, |p| q.before.get(p).copied()) {
        Some((dir, s)) => (s, Some((dir, w.phrase(s, at - s)))),
        None => (at, None),
    }
}

fn is_year(raw: &str, value: f64) -> bool {
    raw.len() == 4 && (1900.0..=2100.0).contains(&value)
}

/// The stem that names a counted thing: one for words that name the same thing ("Personen",
/// "Menschen").
fn head_stem(word: &str, lang: &str) -> String {
    stem_in(lexicon::same_thing(word, lang), lang)
}

/// Whether a month name stands right before the number or right after the figure.
fn month_beside(w: &Words, i: usize, end: usize) -> bool {
    let before = w.word_before(i).is_some_and(|k| {
        let l = w.lower(k);
        is("month", l)
            || (is("month_of", l) && w.word_before(k).is_some_and(|m| is("month", w.lower(m))))
    });
    let after = w.word_from(end).is_some_and(|k| {
        let l = w.lower(k);
        is("month", l) || (is("month_of", l) && is("month", w.lower(k + 1)))
    });
    before || after
}

/// Whether a score word ("won", "vote", "victory") stands within four tokens of the figure.
fn score_word_near(w: &Words, start: usize, end: usize) -> bool {
    let from = start.saturating_sub(4);
    let to = (end + 4).min(w.toks.len());
    (from..to).any(|k| (k < start || k >= end) && w.is_word(k) && is("score", w.lower(k)))
}

/// Whether the word right before the number names something the number belongs to, or the
/// number is a code.
fn names_before(w: &Words, i: usize, lang: &str) -> bool {
    if w.class(i) != Some(Class::Digits) {
        return false;
    }
    // A leading zero writes a code, not a quantity: a dialling code ("0511"), an agent's "007".
    let digits = w.raw(i);
    if digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    if i == 0 || !w.is_word(i - 1) {
        // "No. 10", "Nr. 5".
        return i >= 2 && w.raw(i - 1) == "." && is("number_sign", w.lower(i - 2));
    }
    let prev = w.raw(i - 1);
    let lower = prev.to_lowercase();
    let mut chars = prev.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let inner_upper = chars.any(char::is_uppercase);
    if is("number_noun", &lower) {
        return true;
    }
    if !(first_upper || inner_upper) {
        return false;
    }
    let known = STOPWORDS.contains(lower.as_str())
        || is("function", &lower)
        || is("month", &lower)
        || is("weekday", &lower)
        || word_pieces(&lower, lang).is_some()
        || UNITS.get(lang, &lower).is_some()
        || QUALIFIERS.get(lang).is_some_and(|q| {
            q.before
                .keys()
                .any(|k| k.split(' ').any(|part| part == lower))
        });
    if known {
        return false;
    }
    // German capitalises every noun: only a marked name counts there ("BMW", "iPhone"), a
    // single letter ("L 712") or a road, street or line ("Landstraße 712").
    lang != "de"
        || inner_upper
        || prev.chars().count() == 1
        || CONTEXT
            .get("numbered_ending_de")
            .is_some_and(|ends| ends.iter().any(|e| lower.ends_with(e)))
}

/// Marks the head of a count of part of a group ("31 of the injured"): it measures another
/// thing than the group's total.
const PART_OF: &str = "part of ";

/// Marks the head of the total that a part is counted out of ("the three" of "two of the three
/// cars"): how many there are in all, no count of the ones the sentence tells of.
const WHOLE_OF: &str = "whole of ";

/// Whether a figure counts the whole that a part is counted out of ("the three" of "two of the
/// three cars"): how many there are in all, which a plain count of the same thing ("two cars
/// left the rails") may or may not be.
pub fn counts_a_whole(f: &Figure) -> bool {
    f.head.starts_with(WHOLE_OF)
}

/// The counted thing of a figure, a whole read as what it is a whole of: "three cars" in all
/// and "three cars" are one thing to compare, though never to tell apart ([`counts_a_whole`]).
pub fn counted_thing(f: &Figure) -> &str {
    f.head.strip_prefix(WHOLE_OF).unwrap_or(&f.head)
}

/// Whether the figure starting at `start` follows a number and a partitive ("two of the",
/// "deux des", "zwei der", "dos de los"), as the whole that number is a part of.
fn whole_of_a_part(w: &Words, start: usize, lang: &str) -> bool {
    let Some(mut k) = start.checked_sub(1) else {
        return false;
    };
    // "of the three": a determiner between (the German "der" is both words and stands alone).
    if w.is_word(k) && is("partitive_determiner", w.lower(k)) && !is("partitive", w.lower(k)) {
        let Some(before) = k.checked_sub(1) else {
            return false;
        };
        k = before;
    }
    w.is_word(k)
        && is("partitive", w.lower(k))
        && k.checked_sub(1)
            .is_some_and(|n| w.gap(k) && starts_number(w, n, lang))
}

/// The counted phrase after a figure.
struct Counted {
    about: String,
    head: String,
    end: usize,
}

/// Whether a word is (likely) a verb, which ends a noun phrase: a link verb, a common
/// irregular past, or in English a regular past ("marched").
fn is_verb(lower: &str, lang: &str) -> bool {
    is("link_verb", lower)
        || is("verb", lower)
        || (lang == "en" && lower.len() > 4 && lower.ends_with("ed"))
}

fn is_function(lower: &str, lang: &str) -> bool {
    (lang == "en" && STOPWORDS.contains(lower)) || is("function", lower)
}

/// Up to four words after the figure, stopping at a function word or punctuation. The head is
/// the first plural noun in English ("US troops near"), the first word elsewhere ("soldats
/// américains", "Menschen").
fn counted_after(w: &Words, j: usize, lang: &str, kind: FigureKind) -> Option<Counted> {
    let mut k = j;
    // "5 percent of voters", "$5 million in aid" keep the thing after the preposition.
    if kind != FigureKind::Count
        && w.is_word(k)
        && (matches!(w.lower(k), "of" | "de" | "des" | "du" | "del" | "von")
            || (lang == "de" && w.lower(k) == "der")
            || (kind == FigureKind::Money && w.lower(k) == "in"))
    {
        k += 1;
        // "80 Prozent der Fernzüge", "5 % de los votos" read as French "5 % des votes" does.
        // English keeps "5 percent of the vote" to its subject: outlets drop "of the" freely.
        if lang != "en" && w.is_word(k) && is("partitive_determiner", w.lower(k)) {
            k += 1;
        }
    }
    let mut words: Vec<(usize, String)> = Vec::new();
    while k < w.toks.len() && words.len() < MAX_COUNTED_WORDS {
        if !w.is_word(k) || (!words.is_empty() && w.gap(k) && w.raw(k - 1) == "-") {
            // A hyphenated word continues: "long-range missiles".
            if w.raw(k) == "-"
                && !w.gap(k)
                && !w.gap(k + 1)
                && w.is_word(k + 1)
                && !words.is_empty()
            {
                k += 1;
                continue;
            }
            break;
        }
        let raw = w.raw(k);
        let lower = raw.to_lowercase();
        if lang != "en" && words.is_empty() && (is("rate", &lower) || is("prenominal", &lower)) {
            k += 1;
            continue;
        }
        // German writes every noun in capitals: a word in lowercase after the number is an
        // adjective before the noun ("die zwei verletzten Mitarbeiter") or a verb ("1,5 Millionen
        // Euro liegen"), no counted thing.
        if lang == "de" && words.is_empty() && raw == lower {
            let noun_next = w.is_word(k + 1)
                && w.raw(k + 1).starts_with(char::is_uppercase)
                && !is_function(&lower, lang)
                && !is_verb(&lower, lang);
            if !noun_next {
                break;
            }
            k += 1;
            continue;
        }
        // Only lowercase words are function words: "US troops" keeps "US".
        if raw == lower
            && is_function(&lower, lang)
            && !matches!(lower.as_str(), "new" | "other" | "more" | "few" | "many")
        {
            break;
        }
        if is_verb(&lower, lang) || is("month", &lower) || is("weekday", &lower) {
            break;
        }
        words.push((k, raw.to_string()));
        let possessive = lower.ends_with("'s") || lower.ends_with("’s");
        let plural = is("plural", &lower)
            || (lower.len() > 3
                && !possessive
                && lower.ends_with('s')
                && !lower.ends_with("ss")
                && !lower.ends_with("us"));
        if lang != "en" || plural {
            break;
        }
        k += 1;
    }
    let &(last_k, ref last) = words.last()?;
    let about = w
        .text
        .get(w.toks.get(words.first()?.0)?.start..w.toks.get(last_k)?.end)?
        .to_string();
    let trimmed = last
        .strip_suffix("’s")
        .or_else(|| last.strip_suffix("'s"))
        .unwrap_or(last);
    Some(Counted {
        about,
        head: head_stem(&trimmed.to_lowercase(), lang),
        end: last_k + 1,
    })
}

/// A count whose thing follows it after a plural determiner, where a verb of counting put the
/// number first: "cifró en 2,4 millones los trabajadores", "elevó a 45 los fallecidos".
fn counted_after_determiner(
    w: &Words,
    start: usize,
    j: usize,
    lang: &str,
    kind: FigureKind,
) -> Option<Counted> {
    let after_preposition = w
        .word_before(start)
        .is_some_and(|k| matches!(w.lower(k), "a" | "en" | "à"));
    let determiner = w.is_word(j) && is("partitive_determiner", w.lower(j));
    if kind != FigureKind::Count || !PLURAL_ENDINGS.contains_key(lang) || !after_preposition {
        return None;
    }
    if !determiner || !plural(w.raw(j), lang) {
        return None;
    }
    counted_after(w, j + 1, lang, kind)
}

/// The thing a figure measures when it comes before it: "the death toll rose to 45",
/// "turnout was 55 percent". Looks back over link verbs within the clause. Where the noun
/// comes first ("salario mínimo interprofesional"), the first word of the phrase is its head.
fn subject_before(w: &Words, start: usize, lang: &str) -> Option<Counted> {
    let mut k = start;
    let mut steps = 0;
    while k > 0 && steps < 6 {
        k -= 1;
        steps += 1;
        if !w.is_word(k) {
            return None;
        }
        let lower = w.lower(k);
        // In German only a capitalised word is a noun: "Der Schaden soll bei …" is the damage.
        let german_non_noun = lang == "de" && w.raw(k) == lower;
        if is_verb(lower, lang) || is_function(lower, lang) || is("score", lower) || german_non_noun
        {
            continue;
        }
        if word_pieces(lower, lang).is_some()
            || lower.chars().count() < 3
            || is("month", lower)
            || is("weekday", lower)
        {
            return None;
        }
        // Take a modifier before it too: "death toll"; where the noun comes first, the words
        // of its phrase: "salario mínimo interprofesional".
        let noun_first = matches!(lang, "es" | "fr");
        let reach = if noun_first { 2 } else { 1 };
        let mut first = k;
        while k - first < reach
            && first > 0
            && w.is_word(first - 1)
            && !is_function(w.lower(first - 1), lang)
            && !is_verb(w.lower(first - 1), lang)
            && word_pieces(w.lower(first - 1), lang).is_none()
        {
            first -= 1;
        }
        let about = w
            .text
            .get(w.toks.get(first)?.start..w.toks.get(k)?.end)?
            .to_string();
        let head = if noun_first { w.lower(first) } else { lower };
        return Some(Counted {
            about,
            head: head_stem(head, lang),
            end: start,
        });
    }
    None
}
