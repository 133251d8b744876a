//! A page's stamp of time under its headline: how long ago the article was published or updated
//! ("Last updated 6 hours ago", "vor 2 Stunden", "hace 2 horas") and how long it takes to read
//! ("4 minute read", "Lesezeit: 3 Min.", "3 min de lecture"). It says nothing of the story; the
//! header reads it as metadata, and no date is read from it (it is relative to when the page
//! was fetched).

use std::sync::LazyLock;

use foldhash::HashSet;

use super::scan;

/// The words of `data/page_stamps.txt`.
const PAGE_STAMPS: &str = include_str!("../../data/page_stamps.txt");

/// Phrases one of which makes a line a stamp ("ago", "il y a", "lesezeit").
static ANCHORS: LazyLock<Vec<&str>> =
    LazyLock::new(|| parallax_text::keyed_lines(PAGE_STAMPS, "anchor").collect());

/// Words a stamp may hold besides figures and a date line's words: units and the little words
/// around them.
static WORDS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| parallax_text::keyed_lines(PAGE_STAMPS, "word").collect());

/// Words a stamp has at most ("Published 3 hours ago · Updated 1 hour ago · 4 min read").
const MAX_STAMP_WORDS: usize = 12;

/// Whether a line is a page's stamp of time and nothing else: a figure or more, the words of
/// [`WORDS`] or of a date line (`published`, `updated`, a month's name), figures glued to a unit
/// ("3min", "2h"), and one of the [`ANCHORS`] as whole words; or a time of day with no date that
/// says it is the publication's or an update's ("Publiziert heute um 12:19 Uhr", "Actualizado a
/// las 20:56h."). Words two inline elements glued together are read apart ("18:50
/// UhrLesedauer: 4 Min.").
pub(super) fn is_page_stamp(line: &str) -> bool {
    if super::words_exceed(line, MAX_STAMP_WORDS) || !line.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let line = &unglued(line);
    if super::meta::is_time_line(line) && super::meta::says_published_or_updated(line) {
        return true;
    }
    let lower = line.to_lowercase();
    let all_stamp_words = lower
        .split(|c: char| !c.is_alphanumeric())
        .map(|w| w.trim_start_matches(|c: char| c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .all(|w| WORDS.contains(w) || super::meta::is_date_word(w) || is_month_name(w));
    all_stamp_words && ANCHORS.iter().any(|a| scan::holds_phrase(&lower, a))
}

/// A line with a space put where a lowercase letter runs into an uppercase one ("UhrLesedauer"):
/// two elements set side by side with no space between them. Only a stamp is read so; a name
/// ("McLean", "YouTube") is no word of one either way.
fn unglued(line: &str) -> std::borrow::Cow<'_, str> {
    let glued = |(a, b): (char, char)| a.is_lowercase() && b.is_uppercase();
    let mut pairs = line.chars().zip(line.chars().skip(1));
    if !pairs.any(glued) {
        return line.into();
    }
    let mut out = String::with_capacity(line.len() + 4);
    let mut prev = ' ';
    for c in line.chars() {
        if glued((prev, c)) {
            out.push(' ');
        }
        out.push(c);
        prev = c;
    }
    out.into()
}

/// Whether a lowercased word names a month in one of the languages dates are read in.
pub(super) fn is_month_name(w: &str) -> bool {
    parallax_core::calendar::month_from_name_any(w).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: bool) {
        assert_eq!(is_page_stamp(line), expected, "{line:?}");
    }

    #[test]
    fn a_stamp_of_time_is_told_in_seven_languages() {
        for line in [
            "4 minute read",
            "Last updated 6 hours ago",
            "1 HR ago 2 mins read",
            "Sep 24 2 mins read",
            "Updated 2h ago",
            "vor 2 Stunden",
            "Lesezeit: 3 Min.",
            "Aktualisiert vor 45 Minuten",
            "il y a 3 heures",
            "Temps de lecture : 4 min",
            "hace 2 horas",
            "Lectura: 5 min",
            "2 ore fa",
            "Tempo di lettura: 3 minuti",
            "há 5 horas",
            "Leitura: 4 min",
            "3 godziny temu",
            "Czas czytania: 5 min",
            // A time of day saying it is the publication's or an update's, with no date.
            "Publiziert heute um 12:19 Uhr",
            "Actualizado a las 20:56h.",
            "Updated today at 9:41 am",
            // Two elements' words glued together.
            "18:50 UhrLesedauer: 4 Min.",
        ] {
            check(line, true);
        }
    }

    #[test]
    fn a_line_saying_more_is_no_stamp() {
        for line in [
            // No anchor: a date, a duration.
            "3 hours",
            "May 25, 2026",
            // A word that is no stamp's.
            "Vor 2 Jahren brannte das Lagerhaus",
            "Read 3 chapters a day",
            "Il y a 300 habitants au village.",
            "Hace 2 años que vive en Madrid.",
            // Years are no unit of a stamp: a fact box's date of what the article is about.
            "February 28, 1998; 18 years ago",
            "vor 3 Jahren",
            // No figure.
            "A while ago",
            "Read more",
            // A time of day that says nothing of the page, or says more.
            "heute um 12:19 Uhr",
            "Publiziert heute um 12:19 Uhr im Rathaus",
            "Opening hours: 9:00-17:00",
            // Too long to be a stamp.
            "1 2 3 4 5 6 7 8 9 10 11 12 13 minutes ago",
        ] {
            check(line, false);
        }
    }

    #[test]
    fn every_word_and_anchor_is_lowercase_and_every_anchor_is_a_stamps() {
        for word in parallax_text::keyed_lines(PAGE_STAMPS, "word") {
            assert_eq!(word, word.to_lowercase(), "{word:?}");
        }
        for anchor in parallax_text::keyed_lines(PAGE_STAMPS, "anchor") {
            assert_eq!(anchor, anchor.to_lowercase(), "{anchor:?}");
            check(&format!("3 {anchor}"), true);
        }
    }
}
