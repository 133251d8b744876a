//! The stamp a player sets under a video or audio teaser: its running time ("0:21 min",
//! "Laufzeit 8 Minuten 15 Sekunden") or how long a broadcaster keeps it online ("Verfügbar bis
//! 06.05.2024"). Closing a short block, it makes the block the teaser's caption, no sentence of
//! the article.

use std::sync::LazyLock;

use super::scan;

/// The words of `data/media_stamps.txt`.
const MEDIA_STAMPS: &str = include_str!("../../data/media_stamps.txt");

/// The words of one key of `data/media_stamps.txt`.
fn words(key: &str) -> Vec<&'static str> {
    parallax_text::keyed_lines(MEDIA_STAMPS, key).collect()
}

/// Labels opening a running time ("Laufzeit", "durée").
static LABELS: LazyLock<Vec<&str>> = LazyLock::new(|| words("label"));
/// Units of minutes and of seconds in a running time.
static MINUTES: LazyLock<Vec<&str>> = LazyLock::new(|| words("minutes"));
static SECONDS: LazyLock<Vec<&str>> = LazyLock::new(|| words("seconds"));
/// Phrases followed by the date a recording goes offline ("verfügbar bis").
static UNTIL: LazyLock<Vec<&str>> = LazyLock::new(|| words("until"));

/// Labels of a broadcaster's line naming the programme a story was aired in ("Sendung").
static AIRED: LazyLock<Vec<&str>> = LazyLock::new(|| words("aired"));

/// Words of the longest programme's line [`is_programme_line`] reads.
const MAX_PROGRAMME_WORDS: usize = 12;

/// Whether a block is a broadcaster's line naming the programme a story was aired in and when,
/// and nothing else: a label of [`AIRED`] and a colon, the programme, a comma and a date line
/// ("Sendung: hr-INFO, 25.04.2024, 10.45 Uhr", "Émission : Le 18h, 3 mai 2024"). "Sendung: Die
/// Sendung mit der Maus" names a programme and stays.
pub(super) fn is_programme_line(b: &str) -> bool {
    if super::words_exceed(b, MAX_PROGRAMME_WORDS) {
        return false;
    }
    let Some((label, rest)) = b.split_once(':') else {
        return false;
    };
    let Some((programme, when)) = rest.split_once(',') else {
        return false;
    };
    AIRED.contains(&label.trim().to_lowercase().as_str())
        && !programme.trim().is_empty()
        && super::meta::find_date(when).is_some_and(|d| d.whole_line)
}

/// Bytes at the end of a block within which a stamp's last figure stands ("… Laufzeit 8
/// Minuten 15 Sekunden" holds its last one 16 bytes from the end).
const STAMP_TAIL_BYTES: usize = 48;

/// Words after an availability phrase that a date takes at most ("22. April 2026").
const DATE_WORDS: usize = 3;

/// Whether a block closes with a player's stamp: a clock time and "min" ("18.04.2024 | 0:21
/// min"), a running time after its label down to the seconds ("Laufzeit 8 Minuten 15
/// Sekunden": a running time in minutes alone is as often an event's, "Dauer: 90 Minuten"), or
/// a date a recording stays online until ("Verfügbar bis 06.05.2024."). The caller reads only
/// short blocks.
pub(super) fn closes_with_media_stamp(b: &str) -> bool {
    // Every stamp ends with a figure or a unit right after one: a block with no digit near its
    // end is read no further (most are).
    let bytes = b.trim_end().as_bytes();
    if !bytes[bytes.len().saturating_sub(STAMP_TAIL_BYTES)..]
        .iter()
        .any(u8::is_ascii_digit)
    {
        return false;
    }
    let lower = last_words(b.trim_end().trim_end_matches('.').trim_end()).to_lowercase();
    closes_with_clock_minutes(&lower)
        || closes_with_running_time(&lower)
        || closes_with_availability(&lower)
}

/// Bytes at the end of a block that a stamp, its label or phrase too, fits in ("disponibile
/// fino al 22 settembre 2026" is 38).
const STAMP_BYTES: usize = 96;

/// The whole words within the last [`STAMP_BYTES`] bytes of a text: the phrases and labels a
/// stamp opens with are looked for there only.
fn last_words(text: &str) -> &str {
    let Some(cut) = text.len().checked_sub(STAMP_BYTES) else {
        return text;
    };
    let tail = (cut..text.len())
        .find(|&i| text.is_char_boundary(i))
        .map_or("", |i| &text[i..]);
    tail.find(char::is_whitespace)
        .map_or("", |space| tail[space..].trim_start())
}

/// Whether a lowercased text closes with a clock time and "min" ("0:21 min", "02:57 min").
fn closes_with_clock_minutes(lower: &str) -> bool {
    lower
        .strip_suffix("min")
        .map(str::trim_end)
        .is_some_and(|rest| closes_with_clock(rest).is_some())
}

/// Where a clock time closing a text opens ("2:57", "1:02:03"): one or two digits, then one or
/// two pairs of digits each after a colon, no word glued before it.
fn closes_with_clock(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    let mut pairs = 0;
    while pairs < 2
        && end >= 3
        && bytes[end - 1].is_ascii_digit()
        && bytes[end - 2].is_ascii_digit()
        && bytes[end - 3] == b':'
    {
        end -= 3;
        pairs += 1;
    }
    let digits = bytes[..end]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let start = end - digits;
    (pairs > 0 && (1..=2).contains(&digits) && scan::is_word_boundary(text, start)).then_some(start)
}

/// Whether a lowercased text closes with a labelled running time down to the seconds:
/// "laufzeit 8 minuten 15 sekunden", "duration: 45 seconds", "durée : 1:30".
fn closes_with_running_time(lower: &str) -> bool {
    LABELS.iter().any(|label| {
        after_last_phrase(lower, label).is_some_and(|rest| {
            let rest = rest.trim_start_matches([':', ' ']);
            let tokens: Vec<&str> = rest.split_whitespace().collect();
            let number = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
            let unit = |t: &str, units: &[&str]| units.contains(&t);
            match tokens.as_slice() {
                [clock] => closes_with_clock(clock) == Some(0),
                [n, s] => number(n) && unit(s, &SECONDS),
                [m, mu, s, su] => {
                    number(m) && unit(mu, &MINUTES) && number(s) && unit(su, &SECONDS)
                }
                _ => false,
            }
        })
    })
}

/// Whether a lowercased text closes with an availability phrase and a date: "verfügbar bis
/// 06.05.2024", "disponible jusqu'au 3 mai 2026".
fn closes_with_availability(lower: &str) -> bool {
    UNTIL.iter().any(|phrase| {
        after_last_phrase(lower, phrase).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with(|c: char| c.is_ascii_digit())
                && rest.split_whitespace().count() <= DATE_WORDS
        })
    })
}

/// The text after the last whole-word occurrence of `phrase` in `lower`.
fn after_last_phrase<'t>(lower: &'t str, phrase: &str) -> Option<&'t str> {
    let at = lower.rfind(phrase)?;
    let end = at + phrase.len();
    (scan::is_word_boundary(lower, at) && scan::ends_word(lower, end)).then(|| &lower[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(block: &str, expected: bool) {
        assert_eq!(closes_with_media_stamp(block), expected, "{block:?}");
    }

    #[test]
    fn a_programme_s_line_names_when_the_story_was_aired() {
        for line in [
            "Sendung: hr-INFO, 25.04.2024, 10.45 Uhr",
            "Sendung: Antenne Brandenburg, 24.04.2024, 15:10 Uhr",
            "Émission : Le 18h, 3 mai 2024",
            "Broadcast: Morning Report, May 3, 2024",
        ] {
            assert!(is_programme_line(line), "{line:?}");
        }
        for line in [
            // A programme named with no date, a date with no programme's label.
            "Sendung: Die Sendung mit der Maus",
            "Stand: 25.04.2024, 10.45 Uhr",
            // A sentence that speaks of a broadcast.
            "Diffusion: the ink spread 3 cm by 25.04.2024 in the lab tests we ran on the samples, she said",
        ] {
            assert!(!is_programme_line(line), "{line:?}");
        }
    }

    #[test]
    fn a_players_stamp_closes_a_teasers_caption() {
        for block in [
            "The ferry's crew speak about the night of the storm. 12.04.2026 | 0:21 min",
            "02:57 Min.. Verfügbar bis 06.05.2026.",
            "Studio Velmar. 22.04.2026. 00:21 Min.. Verfügbar bis 22.04.2028. Velmar Online.",
            "Audio abspielen. Laufzeit 8 Minuten 15 Sekunden.",
            "Listen. Duration: 1 minute 30 seconds",
            "Vidéo. Durée : 1:02:30",
            "Le reportage est disponible jusqu'au 3 mai 2026.",
            "Vídeo disponible hasta 03/05/2026",
            "Czas trwania 45 sekund",
        ] {
            check(block, true);
        }
    }

    #[test]
    fn a_sentence_with_a_time_or_a_duration_is_the_articles() {
        for block in [
            // A time of day, a score, a result are no running time.
            "The ferry left at 10:30.",
            "Velmar won 2:1 in the last minute.",
            "She ran the mile in 4:05, a record for the club.",
            // A running time in minutes alone is an event's or a course's.
            "Dauer: 90 Minuten",
            "Duration: 8 weeks",
            "The tour lasts 1 minute 30 seconds longer than last year.",
            // A date must follow the phrase, and the phrase be whole words.
            "Tickets are available until the end of May.",
            "The report will be available until further notice, the council said.",
            // "min" must follow a clock, not a word glued to it.
            "Lap 1:05min and more",
            "Admin",
        ] {
            check(block, false);
        }
    }

    #[test]
    fn a_stamp_closing_a_long_caption_is_read_in_its_last_words() {
        let long = "The ferry's crew, the harbour master and two of the firefighters speak about the night the warehouse burned.";
        check(&format!("{long} Laufzeit 8 Minuten 15 Sekunden"), true);
        check(&format!("{long} Verfügbar bis 06.05.2026."), true);
        // A phrase is a whole word even where the last words are cut from the rest.
        assert_eq!(last_words("abc def"), "abc def");
        assert_eq!(last_words(&format!("{}xx yy", "é".repeat(60))), "yy");
    }

    #[test]
    fn every_word_is_lowercase_and_a_label_of_each_language_is_read() {
        for key in ["label", "minutes", "seconds", "until"] {
            for word in words(key) {
                assert_eq!(word, word.to_lowercase(), "{key}: {word:?}");
            }
        }
        for label in words("label") {
            check(&format!("Video. {label} 2 minutes 5 seconds"), true);
        }
        for until in words("until") {
            check(&format!("Recording {until} 06.05.2026"), true);
        }
    }
}
