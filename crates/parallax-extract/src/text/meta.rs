//! Metadata from the lines around an article: date lines, bylines, wire credits, outlets from URLs.

use std::sync::LazyLock;

use chrono::NaiveDate;
use parallax_core::calendar::{month_from_name, month_from_name_any, weekday_from_name_any};
use parallax_text::chars::{is_digit, is_word};

use super::date_scanners::{
    cjk_date, day_first, dotted_short_date, dotted_year_first_date, iso_date, month_first,
    month_first_any, numeric_date, replace_times, time_at_or_after, url_date,
};
#[cfg(test)]
use regex::Regex;

use crate::lexicon::{
    is_byline_role, DateWordKind, BYLINE_LEAD, DATE_WORDS, MASTHEAD_ARTICLES, MASTHEAD_JOINERS,
    MASTHEAD_WORDS, NAME_JOINER_SEPARATORS, OUTLET_WORDS, WIRES, WIRE_ABBREVIATIONS,
};

/// How a language writes numeric dates whose day and month could be swapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOrder {
    /// `3/7/2022` is March 7 (English, as American news writes it).
    MonthFirst,
    /// `3/7/2022` is 3 July (French, German, Spanish).
    DayFirst,
}

impl NumericOrder {
    /// The order of a language (ISO 639-1); English and unknown languages write the month first.
    pub fn of(language: Option<&str>) -> Self {
        match language {
            Some("fr" | "de" | "es" | "it" | "pt" | "nl") => Self::DayFirst,
            _ => Self::MonthFirst,
        }
    }
}

/// Whether a text may hold a numeric date whose reading depends on [`NumericOrder`]: without
/// one, the order changes nothing and the language need not be known to choose it.
pub fn may_hold_ambiguous_date(text: &str) -> bool {
    // What `numeric_date` finds, read without its groups and with ASCII not decoded: this runs
    // on every block of every plain text.
    if !text.contains(['.', '/', '-']) {
        return false;
    }
    // `\b\d`: a digit run that no word character comes before. Only a digit can open one, so
    // the text is read a character at a time (ASCII without decoding) and the character before
    // is read only at a digit.
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some((c, len)) = parallax_text::char_at(text, bytes, i) {
        if is_digit(c)
            && !text
                .get(..i)
                .and_then(|before| before.chars().next_back())
                .is_some_and(is_word)
            && numeric_date_at(&text[i..])
        {
            return true;
        }
        i += len;
    }
    false
}

/// Whether `text` opens with `\d{1,2}[./-]\d{1,2}[./-]\d{4}\b`, a word boundary before it.
fn numeric_date_at(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    let digits = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
        let mut n = 0;
        while chars.next_if(|&c| is_digit(c)).is_some() {
            n += 1;
        }
        n
    };
    let separator = |c: Option<char>| matches!(c, Some('.' | '/' | '-'));
    (1..=2).contains(&digits(&mut chars))
        && separator(chars.next())
        && (1..=2).contains(&digits(&mut chars))
        && separator(chars.next())
        && digits(&mut chars) == 4
        && !chars.next().is_some_and(is_word)
}

/// Whether `text` has a run of at least `n` digits (`\d`).
fn has_digit_run(text: &str, n: usize) -> bool {
    let mut run = 0;
    text.chars().any(|c| {
        run = if is_digit(c) { run + 1 } else { 0 };
        run >= n
    })
}

/// Whether `text` may hold a month's name in any of the four languages as the date patterns'
/// case-insensitive alternations match it: a spelling of `months.txt` in the lowercased text,
/// with the long s folded to s, as case-insensitive matching folds it (the only character
/// beyond a spelling's own cases that folds to one of its letters).
fn may_name_month(text: &str) -> bool {
    let lower: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{17F}' { 's' } else { c })
        .collect();
    MONTH_FINDERS
        .iter()
        .any(|finder| finder.find(lower.as_bytes()).is_some())
}

/// Searchers of the month spellings that hold no other spelling (`mar`, not `march` or `marzo`):
/// a text holds a spelling exactly when it holds one of these, and each searcher is set up once,
/// not at every search.
static MONTH_FINDERS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
    let names: Vec<&'static str> = parallax_core::calendar::month_names_any().collect();
    names
        .iter()
        .filter(|name| {
            !names
                .iter()
                .any(|other| other != *name && name.contains(other))
        })
        .map(|name| memchr::memmem::Finder::new(name.as_bytes()))
        .collect()
});

/// A date found in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineDate {
    /// The date; years are required, so a bare "August 10th" yields none.
    pub date: Option<NaiveDate>,
    /// Whether the line states a time of day as well.
    pub has_time: bool,
    /// Whether the date (and time, and filler words) is all the line says.
    pub whole_line: bool,
    /// Whether the line says the date is an update ("Updated", "Mis à jour", "Aktualisiert").
    pub updated: bool,
    /// Whether the line says the date is the publication's ("Published", "Publié le").
    pub published: bool,
    /// Whether the date opens the line, after date-line words only ("Publié le 3 mars 2024, par
    /// ...", "26 Septembre 2021, Rédigé par ...").
    pub opens_line: bool,
}

/// The date a short line states, if it states one (numeric dates read month first).
pub fn find_date(line: &str) -> Option<LineDate> {
    find_date_in(line, NumericOrder::MonthFirst)
}

/// The date a short line states, reading numeric dates in the given order. A line stating the
/// date and then its update ("5 de enero de 2025 (actualizado el 6 de enero de 2025 | 15:24)")
/// states the first, and is a whole date line when the rest is one.
pub fn find_date_in(line: &str, order: NumericOrder) -> Option<LineDate> {
    let found = find_one_date_in(line, order)?;
    if found.date_line.whole_line {
        return Some(found.date_line);
    }
    let Some(second) = find_one_date_in(&found.rest, order).filter(|d| d.date_line.whole_line)
    else {
        return Some(found.date_line);
    };
    // What the line says of its first date, it says before it: the words around the second are
    // that date's.
    let before = line[..found.start].to_lowercase();
    let before: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let (updated, published) = date_phrases_held(&before);
    Some(LineDate {
        whole_line: true,
        has_time: found.date_line.has_time || second.date_line.has_time,
        updated,
        published,
        ..found.date_line
    })
}

/// A date found in a line, with the rest of the line around it.
struct FoundDate {
    date_line: LineDate,
    /// The line without the date.
    rest: String,
    /// Where the date starts in the line.
    start: usize,
}

/// The first date a line states ([`find_date_in`] reads a second one in the rest).
fn find_one_date_in(line: &str, order: NumericOrder) -> Option<FoundDate> {
    // Every date pattern holds a digit (`\d`); without one, no scanner runs.
    if !line.chars().any(char::is_numeric) {
        return None;
    }
    // The month scanners try each spelling at each word's start: they run only on a line that
    // holds a spelling (and a year, where they need one).
    // Read once: the scanners of month names both ask it.
    let names_month = may_name_month(line);
    let named_year = names_month && has_digit_run(line, 4);
    let (date, span) = if let Some(m) = iso_date(line) {
        let d = ymd(
            line[m.year].parse().ok()?,
            line[m.month].parse().ok()?,
            line[m.day].parse().ok()?,
        );
        (d, m.whole)
    } else if let Some(m) = named_year
        .then(|| day_first(line).or_else(|| month_first_any(line)))
        .flatten()
    {
        let d = ymd(
            line[m.year?].parse().ok()?,
            month_from_name_any(&line[m.month])?,
            line[m.day].parse().ok()?,
        );
        (d, m.whole)
    } else if let Some(m) = may_hold_ambiguous_date(line)
        .then(|| numeric_date(line))
        .flatten()
    {
        let (a, b): (u32, u32) = (line[m.first].parse().ok()?, line[m.second].parse().ok()?);
        let year = line[m.year].parse().ok()?;
        // Dots are only ever day first; otherwise a part above 12 settles it, else the language.
        let day_first =
            &line[m.separator] == "." || a > 12 || (b <= 12 && order == NumericOrder::DayFirst);
        let d = if day_first {
            ymd(year, b, a)
        } else {
            ymd(year, a, b)
        };
        (d, m.whole)
    } else if let Some([day, month, year]) = dotted_short_date(line) {
        let d = ymd(
            2000 + line[year.clone()].parse::<i32>().ok()?,
            line[month].parse().ok()?,
            line[day.clone()].parse().ok()?,
        );
        (d, day.start..year.end)
    } else if let Some([year, month, day]) = dotted_year_first_date(line) {
        let d = ymd(
            line[year.clone()].parse().ok()?,
            line[month].parse().ok()?,
            line[day.clone()].parse().ok()?,
        );
        (d, year.start..day.end)
    } else if let Some(m) = names_month.then(|| month_first(line)).flatten() {
        let year = m.year.and_then(|y| line[y].parse().ok());
        let day = line[m.day].parse().ok();
        let d = year.and_then(|y| ymd(y, month_from_name(&line[m.month])?, day?));
        (d, m.whole)
    } else if let Some(m) = (line.contains('月') && line.contains('日'))
        .then(|| cjk_date(line))
        .flatten()
    {
        let d = m.year.and_then(|y| {
            ymd(
                line[y].parse().ok()?,
                line[m.month].parse().ok()?,
                line[m.day].parse().ok()?,
            )
        });
        (d, m.whole)
    } else {
        return None;
    };
    let opens_line = line
        .get(..span.start)
        .unwrap_or("")
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(is_date_word);
    let rest = format!("{} {}", &line[..span.start], &line[span.end..]);
    let has_time = time_at_or_after(&rest, 0).is_some();
    let lower = if has_time {
        replace_times(&rest, " ").to_lowercase()
    } else {
        rest.to_lowercase()
    };
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let whole_line = words.iter().all(|w| is_date_word(w));
    let (updated, published) = date_phrases_held(&words);
    Some(FoundDate {
        date_line: LineDate {
            date,
            has_time,
            whole_line,
            updated,
            published,
            opens_line,
        },
        rest,
        start: span.start,
    })
}

/// Whether a line states a time of day and nothing else but date-line words ("13:10 h.",
/// "um 14.32 Uhr", "à 8h15").
pub(crate) fn is_time_line(line: &str) -> bool {
    if time_at_or_after(line, 0).is_none() {
        return false;
    }
    let rest = replace_times(line, " ").to_lowercase();
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(is_date_word)
}

/// Whether a line says in words of [`DATE_WORDS`] that it times the publication or an update
/// ("Publiziert", "Last updated").
pub(crate) fn says_published_or_updated(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let (updated, published) = date_phrases_held(&words);
    updated || published
}

/// A word a date line may hold besides the date: date-line words (time zones among them),
/// weekdays, the letters of "a.m." and "p.m.".
pub(crate) fn is_date_word(w: &str) -> bool {
    DATE_LINE_WORDS.contains(w)
        || weekday_from_name_any(w).is_some()
        || matches!(w, "am" | "pm" | "a" | "p" | "m")
}

/// Whether `words` holds `phrase` as consecutive words.
#[cfg(test)]
fn contains_words(words: &[&str], phrase: &str) -> bool {
    let p: Vec<&str> = phrase.split_whitespace().collect();
    !p.is_empty() && words.windows(p.len()).any(|w| w == p.as_slice())
}

/// Whether `words` holds, as consecutive words, a phrase of [`DATE_WORDS`] saying an update and
/// one saying the publication: what asking [`contains_words`] of every phrase of each kind
/// tells, with one look-up a word.
fn date_phrases_held(words: &[&str]) -> (bool, bool) {
    let (mut updated, mut published) = (false, false);
    for (at, word) in words.iter().enumerate() {
        let Some(phrases) = DATE_PHRASES.get(word) else {
            continue;
        };
        let rest = words.get(at..).unwrap_or_default();
        for (kind, phrase) in phrases {
            if rest.starts_with(phrase) {
                match kind {
                    DateWordKind::Updated => updated = true,
                    DateWordKind::Published => published = true,
                    DateWordKind::Plain => {}
                }
            }
        }
    }
    (updated, published)
}

/// Phrases of a kind cut into their words, by their first word.
type PhrasesByFirstWord = foldhash::HashMap<&'static str, Vec<(DateWordKind, Vec<&'static str>)>>;

/// The phrases of [`DATE_WORDS`] by their first word, each cut into its words once rather than
/// at every line read.
static DATE_PHRASES: LazyLock<PhrasesByFirstWord> = LazyLock::new(|| {
    let mut by_first: foldhash::HashMap<_, Vec<_>> = foldhash::HashMap::default();
    for &(kind, phrase) in DATE_WORDS.iter() {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        if let Some(&first) = words.first() {
            by_first.entry(first).or_default().push((kind, words));
        }
    }
    by_first
});

/// The words of [`DATE_WORDS`]' phrases, hashed with foldhash: looked up for every word of
/// every line read for a date.
static DATE_LINE_WORDS: LazyLock<foldhash::HashSet<&'static str>> = LazyLock::new(|| {
    DATE_WORDS
        .iter()
        .flat_map(|(_, phrase)| phrase.split_whitespace())
        .collect()
});

/// Parses a date as metadata containers write it (ISO 8601, RFC 2822, or words).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    find_date(s).and_then(|d| d.date)
}

/// The date a URL's path states as `/2024/03/07/` or `/2024-03-07-`: a last resort, as a path can
/// name the date a story was first filed under.
pub fn date_from_url(url: &str) -> Option<NaiveDate> {
    let [year, month, day] = url_date(url)?;
    ymd(
        url[year].parse().ok()?,
        url[month].parse().ok()?,
        url[day].parse().ok()?,
    )
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).filter(|_| (1900..=2100).contains(&y))
}

/// What a byline says.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Byline {
    /// Named people.
    pub authors: Vec<String>,
    /// Wire services credited.
    pub wire: Vec<String>,
    /// An outlet named as "<Outlet> Staff".
    pub outlet: Option<String>,
}

/// Longest text of names a byline carries.
const MAX_BYLINE_NAMES: usize = 120;

/// The names after a byline's lead word ("by", "par", "von", "por", `data/byline_lead.txt`),
/// which opens the line or follows its first word ("avatar by …").
fn byline_names(line: &str) -> Option<&str> {
    let second = line
        .find(char::is_whitespace)
        .map(|i| i + line[i..].len() - line[i..].trim_start().len());
    [Some(0), second].into_iter().flatten().find_map(|start| {
        let rest = &line[start..];
        BYLINE_LEAD.iter().find_map(|lead| {
            let head = rest.get(..lead.len())?;
            let names = rest[lead.len()..].strip_prefix(char::is_whitespace)?.trim();
            (head.to_lowercase() == *lead && (2..=MAX_BYLINE_NAMES).contains(&names.len()))
                .then_some(names)
        })
    })
}

/// Parses a byline ("By Jane Doe and Reuters Staff", "Par Anne Roy et Luc Blanc"), or returns
/// `None` when the line is not one.
pub fn parse_byline(line: &str) -> Option<Byline> {
    if line.split_whitespace().count() > 14 || line.ends_with('.') && !line.ends_with(" Jr.") {
        return None;
    }
    let names = byline_names(line)?;
    let mut byline = Byline::default();
    let parts = names
        .split([',', '&', ';', '|'])
        .flat_map(split_joined)
        .map(str::trim)
        .filter(|p| !p.is_empty());
    for part in parts {
        if let Some(wire) = wire_name(part) {
            byline.wire.push(wire.to_string());
        } else if let Some(outlet) = part
            .strip_suffix(" Staff")
            .or_else(|| part.strip_suffix(" staff"))
        {
            if let Some(wire) = wire_name(outlet) {
                byline.wire.push(wire.to_string());
            } else if byline.outlet.is_none() {
                byline.outlet = Some(outlet.trim().to_string());
            }
        } else if names_an_outlet(part) {
            // "By Sam Ellery, Valley Post": the outlet the author writes for.
            if byline.outlet.is_none() {
                byline.outlet = Some(part.to_string());
            }
        } else if looks_like_person(part) && !is_byline_role(part) {
            byline.authors.push(part.to_string());
        }
    }
    if byline == Byline::default() {
        return None;
    }
    byline.wire.dedup();
    Some(byline)
}

/// The wire a credit ends with after a joining word ("Rédaction Info Continu avec AFP", "Staff
/// with AP"): the newsroom wrote with the wire's copy.
pub fn wire_joined_at_end(part: &str) -> Option<&'static str> {
    match split_joined(part).as_slice() {
        [_, .., last] => wire_name(last),
        _ => None,
    }
}

/// Whether a byline's part is an outlet's name: capitalised words (joined by lowercase ones
/// inside), the last one a masthead's ("Valley Post", "Calder TV") or the first, after an article
/// ("Radio Vallée", "Le Courrier du Plateau").
pub fn names_an_outlet(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let masthead = |w: Option<&&str>| {
        w.is_some_and(|w| {
            let lower = w.to_lowercase();
            MASTHEAD_WORDS.contains(lower.as_str()) || ends_in_masthead_word(&lower)
        })
    };
    // Lowercase joining words only inside ("Le Courrier du Plateau", "Diario de Sevilla").
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let inner_ok = words
        .iter()
        .all(|w| capitalised(w) || MASTHEAD_JOINERS.contains(w.to_lowercase().as_str()));
    // The masthead word last ("Valley Post") or first, after an article ("Radio Vallée", "Le
    // Courrier du Plateau", "La Voz del Valle").
    let opening = if MASTHEAD_ARTICLES.contains(first.to_lowercase().as_str()) {
        words.get(1)
    } else {
        words.first()
    };
    words.len() >= 2
        && capitalised(first)
        && capitalised(last)
        && inner_ok
        && (masthead(words.last()) || masthead(opening))
}

/// Letters a compound needs before the masthead word it ends in ("Seezeitung", "Morgenpost").
const MASTHEAD_COMPOUND_PREFIX: usize = 3;

/// Whether a lowercase word is a compound ending in a masthead word ("seezeitung", "morgenpost",
/// "abendblatt"), as German mastheads are written.
fn ends_in_masthead_word(lower: &str) -> bool {
    MASTHEAD_WORDS.iter().any(|m| {
        m.chars().count() >= 4
            && lower.strip_suffix(m).is_some_and(|head| {
                head.chars().count() >= MASTHEAD_COMPOUND_PREFIX
                    && head.chars().all(char::is_alphabetic)
            })
    })
}

/// A part of a byline split at its joining words ("and", "et", "und", "y"), at each joiner in
/// turn.
pub(crate) fn split_joined(part: &str) -> Vec<&str> {
    let mut out = vec![part];
    for sep in NAME_JOINER_SEPARATORS.iter() {
        // Most parts hold no joiner, and a piece without this one is left whole by splitting.
        if out.iter().any(|p| p.contains(sep.as_str())) {
            out = out
                .into_iter()
                .flat_map(|p| p.split(sep.as_str()))
                .collect();
        }
    }
    out
}

/// The canonical wire-service name for a name as written, if it is one.
pub fn wire_name(name: &str) -> Option<&'static str> {
    WIRES
        .get(&name.trim().trim_start_matches("the ").to_lowercase())
        .copied()
}

/// The name a page credits for `wire` when the page spells out the wire's abbreviation as
/// another agency's name: a credit among `credits` (bylines, copyright notices) whose
/// capitalised words' initials are an abbreviation `wire` is known by, whose last word is one
/// outlets are named with, and which is no wire of the list ("(CP)" of a page whose copyright is "Continental Press" is not The Canadian Press).
/// A name in capitals is given with capitals only on its words' first letters.
pub fn wire_spelled_out(wire: &str, credits: &[&str]) -> Option<String> {
    let abbreviations = WIRE_ABBREVIATIONS.get(wire)?;
    let credit = credits.iter().find(|c| {
        let initials: String = c
            .split_whitespace()
            .filter_map(|w| w.chars().next().filter(|ch| ch.is_uppercase()))
            .collect();
        // An agency's name ends in a word outlets are named with ("Press", "News"), a person's
        // does not: a reporter whose initials are the wire's stays the author.
        let agency = c
            .split_whitespace()
            .next_back()
            .is_some_and(|w| OUTLET_WORDS.contains(w.to_lowercase().as_str()));
        agency
            && initials.chars().count() >= 2
            && abbreviations.contains(&initials.as_str())
            && wire_name(c).is_none()
    })?;
    if credit.chars().any(char::is_lowercase) {
        return Some(credit.trim().to_string());
    }
    let words: Vec<String> = credit
        .split_whitespace()
        .map(|w| super::capitalize_first(&w.to_lowercase()))
        .collect();
    Some(words.join(" "))
}

/// Two to four capitalised words without digits: a plausible personal name.
fn looks_like_person(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        })
}

/// A dateline at the start of a paragraph ("MOSCOW, Feb 7 (Reuters) - "): its length in bytes,
/// and the wire service it credits.
pub fn dateline(paragraph: &str) -> Option<(usize, Option<&'static str>)> {
    if let Some(d) = super::dateline::wire_dateline(paragraph) {
        // A joint credit ("AP/Reuters") credits the first wire service it names.
        if let Some(wire) = wire_name(d.agency).or_else(|| d.agency.split('/').find_map(wire_name))
        {
            return Some((d.end, Some(wire)));
        }
        // A place in capitals and an agency not in the list ("KYIV (Ukrinform) -") is a
        // dateline too, also with its region after a comma ("BRANTLEY COUNTY, Ohio (WKRB) —");
        // the agency is left uncredited.
        let place = d.place.unwrap_or("").split(',').next().unwrap_or("").trim();
        if place.len() >= 3
            && place
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        {
            return Some((d.end, None));
        }
    }
    let end = super::dateline::caps_dateline(paragraph)?;
    let (head, rest) = (paragraph.get(..end)?, paragraph.get(end..)?);
    caps_place_opens_story(head, rest).then_some((end, None))
}

/// Most words a place in capitals has when no region or date follows it ("SALT LAKE CITY —",
/// "RIO DE JANEIRO —"); a longer run is a kicker ("LE POINT SUR LA SITUATION -").
const CAPS_PLACE_WORDS: usize = 4;

/// Whether a run of capitals before a dash (`head`) is the place a story is filed from, not a
/// kicker, a label or a word set off in capitals ("EXCLUSIVE —", "TLDR - any ...", "ESPRESSO -
/// 1/3 coffee"): the sentence after it opens with a capital or a quotation mark, and a place
/// without a region or date after a comma has at most [`CAPS_PLACE_WORDS`] words and is no
/// headline label.
fn caps_place_opens_story(head: &str, rest: &str) -> bool {
    let opens_a_sentence = rest.trim_start().chars().next().is_none_or(|c| {
        c.is_uppercase() || matches!(c, '"' | '“' | '„' | '«' | '‘' | '\'' | '¿' | '¡')
    });
    if !opens_a_sentence {
        return false;
    }
    if head.contains(',') {
        return true;
    }
    let place = head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—'));
    place.split_whitespace().count() <= CAPS_PLACE_WORDS
        && !crate::headline::is_label(&place.to_lowercase())
}

/// The first http(s) URL in a line, as `https?://[^\s<>()]+` finds it, less a full stop, comma or
/// semicolon after it.
pub fn find_url(line: &str) -> Option<&str> {
    line.match_indices("http").find_map(|(at, _)| {
        let rest = &line[at + 4..];
        let rest = rest.strip_prefix('s').unwrap_or(rest);
        let rest = rest.strip_prefix("://")?;
        let len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')'))
            .unwrap_or(rest.len());
        let end = line.len() - rest.len() + len;
        (len > 0).then(|| line[at..end].trim_end_matches(['.', ',', ';']))
    })
}

/// An outlet name made from a URL's host: "www.dailyherald.co.uk" -> "The Daily Herald" when the
/// host splits into known words, else the registrable part of the host ("dailyherald.co.uk").
pub fn outlet_from_url(url: &str) -> Option<String> {
    let host = url
        .split("://")
        .nth(1)?
        .split(['/', '?', '#', ':'])
        .next()?
        .to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let labels: Vec<&str> = host.split('.').collect();
    let name_index = match labels.as_slice() {
        [.., a, b, c] if b.len() <= 3 && c.len() == 2 && *a != "www" => labels.len() - 3,
        [.., _, _] => labels.len() - 2,
        _ => return None,
    };
    let name = labels[name_index];
    Some(match split_words(name) {
        Some(words) => words
            .iter()
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" "),
        None => labels[name_index..].join("."),
    })
}

/// Splits a run of letters into the fewest known words, if it can be split at all.
fn split_words(s: &str) -> Option<Vec<&str>> {
    let n = s.len();
    if n > 40 || !s.is_ascii() {
        return None;
    }
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for end in 1..=n {
        for start in 0..end {
            let Some((count, _)) = best[start] else {
                continue;
            };
            if OUTLET_WORDS.contains(&s[start..end]) && best[end].is_none_or(|(c, _)| count + 1 < c)
            {
                best[end] = Some((count + 1, start));
            }
        }
    }
    let mut words = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start) = best[end]?;
        words.push(&s[start..end]);
        end = start;
    }
    words.reverse();
    (words.len() > 1).then_some(words)
}

#[cfg(test)]
mod tests {
    use super::super::scan::random_texts;

    /// `split_joined` as first written: the part split at every joiner in turn, each joiner's
    /// separator made anew.
    fn split_joined_plainly(part: &str) -> Vec<&str> {
        let mut out = vec![part];
        for joiner in crate::lexicon::NAME_JOINERS.iter() {
            let sep = format!(" {joiner} ");
            out = out
                .into_iter()
                .flat_map(|p| p.split(sep.as_str()))
                .collect();
        }
        out
    }

    #[test]
    fn bylines_are_split_at_joiners_as_the_plain_reading_splits_them() {
        let shapes: &[&[&str]] = &[
            &["Ana Ruiz", " y ", "Jan Kowal"],
            &["Léa Roy", " et ", "Paul Marc", " avec ", "Agence"],
            &["Tom Hale", " and ", " and ", "Kim Lo"],
            &["Eva Stein", " und ", "y", " mit ", "Redaktion"],
            &["Staff", " with ", "Wire", " con ", "e", " e ", "x"],
        ];
        let pieces = [
            " ", "  ", "and", " and", "and ", " y", "y ", " et ", " e ", "Und", " UND ", "é", "-",
            "Name", " con", "avec ", " mit ",
        ];
        for part in random_texts(shapes, &pieces, 5_000) {
            assert_eq!(split_joined(&part), split_joined_plainly(&part), "{part:?}");
        }
    }

    /// The searchers of the shortest month spellings find a month wherever a search for every
    /// spelling does.
    #[test]
    fn month_names_are_found_as_a_search_for_every_spelling_finds_them() {
        for text in [
            "",
            "no month here",
            "Published 3 March 2024",
            "le 12 févr. 2021",
            "am 1. Jänner",
            "SEPTIEMBRE",
            "Decembre, décembre",
            "mayo y junio",
            "agosto",
            "Oktober",
            "juillet et août",
            "the marina",
            "ſeptember",
        ] {
            let lower: String = text
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '\u{17F}' { 's' } else { c })
                .collect();
            let every = parallax_core::calendar::month_names_any().any(|name| lower.contains(name));
            assert_eq!(super::may_name_month(text), every, "{text}");
        }
    }
    #[test]
    fn an_ambiguous_numeric_date_is_seen_before_the_language_is_known() {
        assert!(may_hold_ambiguous_date("Posted 07/03/2022 at noon"));
        assert!(may_hold_ambiguous_date("3-7-2022"));
        assert!(!may_hold_ambiguous_date("Posted on 7 March 2022"));
        assert!(!may_hold_ambiguous_date("2022-03-07"));
    }

    /// Every cheap test admits each text its pattern matches: dates and times of every shape,
    /// pieces of them replaced and added at random from the pieces they are written with, in any
    /// case, with no-break spaces, the long s, Arabic-Indic digits and CJK date marks.
    #[test]
    fn cheap_tests_admit_what_the_date_patterns_match() {
        let pieces = [
            "7",
            "07",
            "2022",
            "24",
            "12",
            "\u{663}",
            ".",
            "/",
            "-",
            ":",
            " ",
            "\u{a0}",
            "h",
            "H",
            "a",
            "P",
            "m",
            "M",
            "March",
            "MÄRZ",
            "\u{17F}ept",
            "mar",
            "de ",
            "st",
            "er",
            ",",
            "年",
            "月",
            "日",
            "x",
            "Uhr",
            "é",
        ];
        // Dates of each shape, a piece now and then replaced and pieces added on either side.
        let shapes: [&[&str]; 8] = [
            &["2022", "-", "07", "-", "7"],
            &["7", " ", "MÄRZ", " ", "2022"],
            &["March", " ", "7", ",", " ", "2022"],
            &["07", "/", "7", "/", "2022"],
            &["7", ".", "12", ".", "24"],
            &["mar", ".", " ", "7"],
            &["2022", "年", "7", "月", "7", "日"],
            &["7", ":", "24", " ", "P", ".", "m"],
        ];
        let mut matched = [0usize; 5];
        for text in random_texts(&shapes, &pieces, 40_000) {
            let named_year = may_name_month(&text) && has_digit_run(&text, 4);
            let cases = [
                (&*crate::text::date_scanners::tests::DAY_FIRST, named_year),
                (
                    &*crate::text::date_scanners::tests::MONTH_FIRST_ANY,
                    named_year,
                ),
                (
                    &*crate::text::date_scanners::tests::NUMERIC,
                    may_hold_ambiguous_date(&text),
                ),
                (
                    &*crate::text::date_scanners::tests::MONTH_FIRST,
                    may_name_month(&text),
                ),
                (
                    &*crate::text::date_scanners::tests::CJK,
                    text.contains('月') && text.contains('日'),
                ),
            ];
            for (k, (pattern, admitted)) in cases.into_iter().enumerate() {
                if pattern.is_match(&text) {
                    matched[k] += 1;
                    assert!(admitted, "{} matches {text:?}", pattern.as_str());
                }
            }
        }
        // Each pattern matched some of the texts, so each test was put to the proof.
        assert!(matched.iter().all(|&m| m > 0), "{matched:?}");
        for url in ["https://x.org/2024/03/07/a", "https://x.org/1999-1-2-b"] {
            assert!(date_from_url(url).is_some(), "{url}");
        }
    }

    /// [`find_url`] finds the URL `https?://[^\s<>()]+` finds.
    #[test]
    fn urls_are_found_as_their_expression_finds_them() {
        let url = Regex::new(r"https?://[^\s<>()]+").expect("valid regex");
        let pieces = [
            "http", "s", "://", "x.org", "/a", " ", "\u{a0}", "(", ">", ".", ";", "é",
        ];
        let shapes: [&[&str]; 2] = [
            &["see", " ", "http", "s", "://", "x.org", "/a", "."],
            &["(", "http", "://", "x.org", ")", ";"],
        ];
        let mut found = 0;
        for text in random_texts(&shapes, &pieces, 30_000) {
            let expected = url
                .find(&text)
                .map(|m| m.as_str().trim_end_matches(['.', ',', ';']));
            found += usize::from(expected.is_some());
            assert_eq!(find_url(&text), expected, "{text:?}");
        }
        assert!(found > 300, "{found}");
    }

    /// The scanner answers as the expression it replaces, on what either side of the edge holds.
    #[test]
    fn the_ambiguous_date_scanner_agrees_with_its_expression() {
        let cases = [
            "07/03/2022",
            "7.3.2022.",
            "on 3-7-2022, late",
            "a3/7/2022",
            "_3/7/2022",
            "123/7/2022",
            "3/123/2022",
            "3/7/20222",
            "3/7/202",
            "3/7/2022a",
            "3/7/2022_",
            "3//7/2022",
            "3/7-2022-",
            "12/12/12/2022",
            "1/2/3/2022",
            "é3/7/2022",
            "٣/٧/٢٠٢٢",
            "3/7/٢٠٢٢x",
            "(3/7/2022)",
            "1-2-3-4-5-6-7-2020",
            "no digits - here.",
            "",
        ];
        for case in cases {
            assert_eq!(
                may_hold_ambiguous_date(case),
                crate::text::date_scanners::tests::NUMERIC.is_match(case),
                "{case:?}"
            );
        }
    }

    use super::*;

    /// The phrases looked up by their first word are found where asking for every phrase of a
    /// kind finds one.
    #[test]
    fn date_phrases_are_found_as_asking_for_every_phrase_finds_them() {
        let mut lines: Vec<String> = DATE_WORDS.iter().map(|(_, p)| format!("x {p} y")).collect();
        lines.extend(DATE_WORDS.iter().map(|(_, p)| p.to_string()));
        let words: Vec<&str> = DATE_WORDS
            .iter()
            .flat_map(|(_, p)| p.split_whitespace())
            .collect();
        for (i, w) in words.iter().enumerate() {
            let next = words.get(i + 7).unwrap_or(&"on");
            lines.push(format!("{w} {next} am 3 {}", words[(i * 5) % words.len()]));
        }
        lines.extend(["", "updated", "zuletzt aktualisiert am", "published on"].map(String::from));
        for line in &lines {
            let words: Vec<&str> = line.split_whitespace().collect();
            let says = |kind| {
                DATE_WORDS
                    .iter()
                    .any(|&(k, phrase)| k == kind && contains_words(&words, phrase))
            };
            assert_eq!(
                date_phrases_held(&words),
                (says(DateWordKind::Updated), says(DateWordKind::Published)),
                "{line:?}"
            );
        }
    }

    /// Checks the date a line states, read in `order`, as `YYYY-MM-DD` (or `None`).
    #[track_caller]
    fn check_in(line: &str, order: NumericOrder, expected: Option<&str>) {
        let got = find_date_in(line, order).and_then(|d| d.date);
        assert_eq!(got.map(|d| d.to_string()).as_deref(), expected, "{line:?}");
    }

    #[track_caller]
    fn check(line: &str, expected: Option<&str>) {
        check_in(line, NumericOrder::MonthFirst, expected);
    }

    #[test]
    fn english_dates() {
        check("March 7, 2022", Some("2022-03-07"));
        check("Sept. 30, 2021 10:05 a.m. ET", Some("2021-09-30"));
        check("7 March 2022", Some("2022-03-07"));
        check("Monday 7th March 2022 14:30 GMT", Some("2022-03-07"));
        check("Published 3/7/2022", Some("2022-03-07"));
        check("Updated: 25/12/2023", Some("2023-12-25"));
        check("August 10th", None);
        // Tokenised text, as corpora keep it.
        check("WEDNESDAY , JULY 29 , 2009", Some("2009-07-29"));
        assert!(
            find_date("January 5 , 2011 at 12 : 19 PM")
                .unwrap()
                .whole_line
        );
    }

    #[test]
    fn a_line_of_the_date_and_its_update_states_the_first() {
        // The publication's date, then the update's in brackets: a whole date line, its date
        // the first, which no word before it calls an update.
        for line in [
            "5 de enero de 2025 ( actualizado el 6 de enero de 2025 | 15:24)",
            "5. Januar 2025 (aktualisiert am 6. Januar 2025, 15:24 Uhr)",
            "Published March 7, 2022 (updated March 8, 2022 at 10:05 a.m.)",
        ] {
            let found = find_date(line).unwrap();
            assert!(found.whole_line, "{line}");
            assert!(!found.updated, "{line}");
        }
        check(
            "5 de enero de 2025 ( actualizado el 6 de enero de 2025 | 15:24)",
            Some("2025-01-05"),
        );
        // A second date in a line of other words leaves it what it is.
        assert!(
            !find_date("March 7, 2022 and the storm of March 8, 2022")
                .unwrap()
                .whole_line
        );
    }

    #[test]
    fn french_dates() {
        check("Publié le 7 mars 2022 à 10h30", Some("2022-03-07"));
        check("1er janvier 2024", Some("2024-01-01"));
        check("Mis à jour le 12 déc. 2023", Some("2023-12-12"));
        check_in("07/03/2022", NumericOrder::DayFirst, Some("2022-03-07"));
    }

    #[test]
    fn german_dates() {
        check(
            "Veröffentlicht am 7. März 2022, 14:30 Uhr",
            Some("2022-03-07"),
        );
        check("07.03.2022", Some("2022-03-07"));
        check("Stand: 12.01.2024 18:00 Uhr", Some("2024-01-12"));
        check("3. Dezember 2023", Some("2023-12-03"));
    }

    #[test]
    fn spanish_dates() {
        check("Publicado el 7 de marzo de 2022", Some("2022-03-07"));
        check("Actualizado 12 dic. 2023 - 10:15 CET", Some("2023-12-12"));
        check_in(
            "07/03/2022 10:15",
            NumericOrder::DayFirst,
            Some("2022-03-07"),
        );
    }

    #[test]
    fn iso_dates_with_time_zones() {
        check("2024-05-01T10:00:00+02:00", Some("2024-05-01"));
        check("2024-05-01T23:30:00Z", Some("2024-05-01"));
        check("2024/05/01", Some("2024-05-01"));
        check("2025/1/21 20:50", Some("2025-01-21"));
        check("2025年1月21日 20:50", Some("2025-01-21"));
        check("1月13日", None);
        // Dots between a year's and two-digit month's and day's numbers, as East Asian pages
        // write them; a longer dotted number is no date.
        check("2019.03.05", Some("2019-03-05"));
        check("등록 2019.03.05. 14:20", Some("2019-03-05"));
        check("Version 2019.03.05.1", None);
        check("2019.3.5", None);
        assert!(find_date("1月13日").is_some_and(|d| d.whole_line));
        check("2024-13-01", None);
    }

    #[test]
    fn date_lines_and_updates() {
        let d = find_date("Do 25.04.24 | 14:07 Uhr").unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 4, 25));
        assert!(find_date("Version 1.2.24.3").is_none());
        let d = find_date("Publié le 7 mars 2022 à 10h30").unwrap();
        assert!(d.whole_line && d.has_time && !d.updated);
        let d = find_date("Aktualisiert am 8. März 2022").unwrap();
        assert!(d.whole_line && d.updated && !d.published);
        let d = find_date("First Published : June 13 , 2013 4 : 59 PM EDT").unwrap();
        assert!(d.whole_line && d.published);
        let d = find_date("Última actualización: 8 de marzo de 2022").unwrap();
        assert!(d.updated);
        assert!(
            !find_date("El 7 de marzo de 2022 llegó la tormenta.")
                .unwrap()
                .whole_line
        );
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(
            date_from_url("https://example.com/news/2024/03/07/fire-at-harbour"),
            NaiveDate::from_ymd_opt(2024, 3, 7)
        );
        assert_eq!(
            date_from_url("https://example.com/2024-03-07-fire"),
            NaiveDate::from_ymd_opt(2024, 3, 7)
        );
        assert_eq!(date_from_url("https://example.com/item/20240307"), None);
        assert_eq!(date_from_url("https://example.com/2024/99/07/x"), None);
    }

    #[test]
    fn date_lines() {
        let d = find_date("February 7, 2022 10:24 am").unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2022, 2, 7));
        assert!(d.has_time && d.whole_line);
        let d = find_date("Wednesday, August 10th | 13 Av 5782").unwrap();
        assert_eq!(d.date, None);
        assert_eq!(
            find_date("Published 7 March 2021").unwrap().date,
            NaiveDate::from_ymd_opt(2021, 3, 7)
        );
        assert_eq!(
            parse_date("2024-05-01T10:00:00Z"),
            NaiveDate::from_ymd_opt(2024, 5, 1)
        );
        assert!(
            !find_date("The talks of February 7, 2022 ended without a deal.")
                .unwrap()
                .whole_line
        );
    }

    #[test]
    fn bylines_open_with_italian_lead_words() {
        let b = parse_byline("di Giulia Neri").unwrap();
        assert_eq!(b.authors, vec!["Giulia Neri"]);
        let b = parse_byline("a cura di Marco Bassi").unwrap();
        assert_eq!(b.authors, vec!["Marco Bassi"]);
    }

    #[test]
    fn an_opinion_piece_names_its_author_after_its_kind() {
        for (line, author) in [
            ("Ein Kommentar von Anna Roth", "Anna Roth"),
            ("A commentary by Jane Doe", "Jane Doe"),
            ("Une tribune de Léa Martin", "Léa Martin"),
            ("Un análisis de Ana Ruiz", "Ana Ruiz"),
        ] {
            let b = parse_byline(line).unwrap();
            assert_eq!(b.authors, vec![author], "{line}");
        }
        assert!(parse_byline("Ein Kommentar von gestern").is_none());
    }

    #[test]
    fn bylines() {
        let b = parse_byline("avatar by Reuters and Algemeiner Staff").unwrap();
        assert_eq!(b.wire, vec!["Reuters"]);
        assert_eq!(b.outlet.as_deref(), Some("Algemeiner"));
        assert!(b.authors.is_empty());
        let b = parse_byline("By Jane Doe, John Roe and Agence France-Presse").unwrap();
        assert_eq!(b.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(b.wire, vec!["AFP"]);
        assert!(parse_byline("He was stopped by police on the bridge.").is_none());
        let b = parse_byline("Par Anne Roy et Luc Blanc").unwrap();
        assert_eq!(b.authors, vec!["Anne Roy", "Luc Blanc"]);
        let b = parse_byline("por Ana Ruiz y Jan Kowal").unwrap();
        assert_eq!(b.authors, vec!["Ana Ruiz", "Jan Kowal"]);
        let b = parse_byline("By Lena Ortiz, Staff Writer").unwrap();
        assert_eq!(b.authors, vec!["Lena Ortiz"]);
        let b = parse_byline("By Sam Ellery, Valley Post").unwrap();
        assert_eq!(b.authors, vec!["Sam Ellery"]);
        assert_eq!(b.outlet.as_deref(), Some("Valley Post"));
        // The masthead word may open the name, after an article.
        let b = parse_byline("Par Hélène Marchal, Le Courrier du Plateau").unwrap();
        assert_eq!(
            (b.authors, b.outlet.as_deref()),
            (
                vec!["Hélène Marchal".to_string()],
                Some("Le Courrier du Plateau")
            )
        );
        let b = parse_byline("Von Katrin Sommer, Allgemeine Seezeitung").unwrap();
        assert_eq!(b.outlet.as_deref(), Some("Allgemeine Seezeitung"));
        let b = parse_byline("Por Ana Ruiz, Diario de la Sierra").unwrap();
        assert_eq!(b.outlet.as_deref(), Some("Diario de la Sierra"));
        // A job in capitals is no outlet, nor a name that ends in a joining word.
        let b = parse_byline("By Lena Ortiz, Senior Radio Reporter").unwrap();
        assert_eq!(b.outlet, None);
        assert!(!names_an_outlet("Radio de"));
        assert!(parse_byline("von Montag bis Freitag geöffnet").is_none());
        assert!(parse_byline("Par ailleurs, le port reste fermé").is_none());
        // A wire the newsroom wrote with: "avec AFP", "with AP", "mit dpa", "con EFE".
        let b = parse_byline("Par Claire Mounier avec AFP").unwrap();
        assert_eq!(
            (b.authors, b.wire),
            (vec!["Claire Mounier".to_string()], vec!["AFP".to_string()])
        );
        let b = parse_byline("Par la rédaction, avec AFP").unwrap();
        assert_eq!((b.authors.len(), b.wire), (0, vec!["AFP".to_string()]));
    }

    #[test]
    fn outlets_from_hosts() {
        assert_eq!(
            outlet_from_url("https://www.dailyherald.co.uk/x").as_deref(),
            Some("Daily Herald")
        );
        assert_eq!(
            outlet_from_url("https://news.zzqxv.com/a").as_deref(),
            Some("zzqxv.com")
        );
    }

    #[test]
    fn datelines() {
        let p = "MOSCOW, Feb 7 (Reuters) - The Kremlin said on Monday.";
        let (len, wire) = dateline(p).unwrap();
        assert_eq!(&p[len..], "The Kremlin said on Monday.");
        assert_eq!(wire, Some("Reuters"));
        assert!(dateline("The Kremlin said on Monday - nothing.").is_none());
        let p = "NEW DELHI (dpa-AFX) - India said on Monday.";
        let (len, wire) = dateline(p).unwrap();
        assert_eq!((&p[len..], wire), ("India said on Monday.", Some("dpa")));
        let p = "KYIV (Kyivpress) - The council met.";
        let (len, wire) = dateline(p).unwrap();
        assert_eq!((&p[len..], wire), ("The council met.", None));
    }

    /// Checks the text left after the dateline of `p` and the wire it credits.
    #[track_caller]
    fn check_dateline(p: &str, rest: &str, wire: Option<&str>) {
        let (len, found) = dateline(p).unwrap_or((0, None));
        assert_eq!((&p[len..], found), (rest, wire), "{p}");
    }

    #[test]
    fn capitals_that_are_no_place_are_no_dateline() {
        for p in [
            "LE POINT SUR LA SITUATION - «Nous avons tenu», dit le maire.",
            "EXCLUSIVE — The council met in secret.",
            "EILMELDUNG - Der Rat tagte.",
            "EN DIRECT - Le conseil s'est réuni.",
            "TLDR - any project that teaches the basics.",
            "ESPRESSO - 1/3 strong coffee, a splash of milk.",
        ] {
            check_dateline(p, p, None);
        }
        // The same capitals with a region after a comma are a place.
        check_dateline(
            "LA PAZ, Bolivia - El consejo se reunió.",
            "El consejo se reunió.",
            None,
        );
    }

    #[test]
    fn datelines_of_four_languages() {
        check_dateline(
            "KYIV, Dec 1 (AP) — The council met.",
            "The council met.",
            Some("AP"),
        );
        check_dateline(
            "PARIS (Reuters) - The council met.",
            "The council met.",
            Some("Reuters"),
        );
        check_dateline(
            "MADRID, 1 dic (EFE).- El consejo se reunió.",
            "El consejo se reunió.",
            Some("EFE"),
        );
        check_dateline(
            "BOGOTÁ, 1 dic. 2025 (EFE) - El consejo se reunió.",
            "El consejo se reunió.",
            Some("EFE"),
        );
        // A dateline on a line of its own, the text in the next paragraph.
        check_dateline("MADRID, 2 Dic. (EUROPA PRESS) -", "", Some("Europa Press"));
        check_dateline(
            "Berlin (dpa) - Der Rat tagte.",
            "Der Rat tagte.",
            Some("dpa"),
        );
        check_dateline(
            "BERLIN, 1. Dezember (dpa) - Der Rat tagte.",
            "Der Rat tagte.",
            Some("dpa"),
        );
        check_dateline(
            "Paris (AFP) - Le conseil s'est réuni.",
            "Le conseil s'est réuni.",
            Some("AFP"),
        );
        check_dateline("SÃO PAULO — The council met.", "The council met.", None);
        check_dateline(
            "SALT LAKE CITY — The council met.",
            "The council met.",
            None,
        );
        check_dateline(
            "RÍO — «El consejo se reunió».",
            "«El consejo se reunió».",
            None,
        );
        check_dateline("MADRID — ¿Quién paga?", "¿Quién paga?", None);
        check_dateline(
            "LIMA (AP/Reuters) -- The council met.",
            "The council met.",
            Some("AP"),
        );
        check_dateline(
            "LIMA (Ledgerville/Daily Ledger) -- The council met.",
            "The council met.",
            None,
        );
        check_dateline(
            "BRANTLEY COUNTY, Ohio (WKRB) — The council met.",
            "The council met.",
            None,
        );
        // A sentence with a dash or brackets is no dateline.
        check_dateline(
            "The council (AP) met - again.",
            "The council (AP) met - again.",
            None,
        );
        check_dateline(
            "Le conseil s'est réuni - enfin.",
            "Le conseil s'est réuni - enfin.",
            None,
        );
    }
}
