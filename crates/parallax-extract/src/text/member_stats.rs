//! A forum member's figures, shown beside each of their posts: how many posts they wrote and
//! since when they are a member ("Posts: 9179", "Joined: Wed Feb 04, 2015 6:38 pm",
//! "Beiträge: 212", "Registriert: Mo 4. Mai 2020, 18:02"). They say nothing of the discussion.

use std::sync::LazyLock;

use foldhash::HashSet;

/// The words of `data/member_stats.txt`.
const MEMBER_STATS: &str = include_str!("../../data/member_stats.txt");

/// The labels of a member's figures, lowercase.
static LABELS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parallax_text::keyed_lines(MEMBER_STATS, "label").collect());

/// The short weekdays a forum writes before a member's date ("Mo", "lun", "śr").
static DAYS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parallax_text::keyed_lines(MEMBER_STATS, "day").collect());

/// Characters of the longest line read: a label, a colon and a date.
const MAX_STAT_CHARS: usize = 60;

/// Whether a line is one of a member's figures and nothing else: a label of [`LABELS`], a colon,
/// and a count ("9179", "1,804", "10.6k") or a date ("Sun Dec 17, 2023 11:18 am", "März 2020").
pub(super) fn is_member_stat(line: &str) -> bool {
    if line.chars().nth(MAX_STAT_CHARS).is_some() {
        return false;
    }
    let Some((label, value)) = line.split_once(':') else {
        return false;
    };
    let value = value.trim();
    LABELS.contains(label.trim().to_lowercase().as_str())
        && value.contains(|c: char| c.is_ascii_digit())
        && (is_count(value) || is_date(value))
}

/// Whether a value is a count: digits with their group marks, perhaps a unit of thousands or
/// millions ("1,804", "2 450", "10.6k"); a counter beside a post gives one too ("12 likes").
pub(super) fn is_count(value: &str) -> bool {
    let digits = value.trim_end_matches(['k', 'K', 'm', 'M']);
    digits
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\''))
}

/// Whether a value is a date and a time at most: figures, and words a date line holds (a
/// weekday, short as a forum writes it too, a month's name, "am").
fn is_date(value: &str) -> bool {
    value
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .all(|w| {
            super::meta::is_date_word(w) || super::page_stamps::is_month_name(w) || DAYS.contains(w)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: bool) {
        assert_eq!(is_member_stat(line), expected, "{line:?}");
    }

    #[test]
    fn a_member_s_figures_are_told_in_seven_languages() {
        for line in [
            "Posts: 9179",
            "Threads: 23",
            "Join Date: Aug 2008",
            "Joined: Wed Feb 04, 2015 6:38 pm",
            "Beiträge: 1.804",
            "Registriert: Mo 4. Mai 2020, 18:02",
            "Mitglied seit: März 2020",
            "Messages : 2 450",
            "Inscrit le : 12 janvier 2019",
            "Mensajes: 37",
            "Messaggi: 10.6k",
            "Mensagens: 12",
            "Posty: 5",
            "Reaction score: 1,215",
        ] {
            check(line, true);
        }
    }

    #[test]
    fn a_line_saying_more_is_no_member_s_figure() {
        for line in [
            // A label of no member's figure.
            "Population: 2,300",
            "Score: 3",
            // A value that is neither a count nor a date.
            "Posts: 3 new replies since your last visit",
            "Registriert: nahe Karlsruhe",
            "Joined: the club in 2019 after a long search",
            "Messages: none",
            // No colon, or no figure.
            "Posts 9179",
            "Posts: many",
        ] {
            check(line, false);
        }
    }

    #[test]
    fn every_label_and_day_is_lowercase() {
        assert!(LABELS.len() > 30 && DAYS.len() > 30);
        for word in LABELS.iter().chain(DAYS.iter()) {
            assert_eq!(*word, word.to_lowercase(), "{word:?}");
        }
    }
}
