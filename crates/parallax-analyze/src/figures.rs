//! Figures: numbers with their qualifier ("more than", "nearly") and what they count.

use std::sync::LazyLock;

use parallax_core::{Direction, Figure, Sentence};
use regex::Regex;

use crate::lexicon::STOPWORDS;
use crate::tokens::stem;

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix-u)
        (?:\b(?P<qual>more\ than|less\ than|fewer\ than|nearly|almost|about|around|approximately|roughly|some|over|under|at\ least|at\ most|up\ to|as\ many\ as|as\ few\ as|close\ to|just\ over|just\ under|upwards\ of|an\ estimated|estimated|only|just)\s+)?
        (?P<cur>\$|€|£)?
        (?P<num>\b\d{1,3}(?:,\d{3})+(?:\.\d+)?|\b\d+(?:\.\d+)?|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a\ dozen|dozen)\b)
        (?:\s*(?P<scale>million|billion|trillion|thousand|hundred|bn|m)\b)?
        (?P<pct>\s*%|\s+percent\b|\s+per\ cent\b)?",
    )
    .expect("valid regex")
});

/// Words after a number that make it a time, date or rank rather than a count.
const NOT_COUNTS: &[&str] = &[
    "gmt", "utc", "am", "pm", "a.m", "p.m", "o'clock", "th", "st", "nd", "rd", "bst", "est", "et",
];

fn word_value(w: &str) -> Option<f64> {
    Some(match w.to_lowercase().as_str() {
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "fifteen" => 15.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "hundred" => 100.0,
        "a dozen" | "dozen" => 12.0,
        _ => return None,
    })
}

fn direction(qualifier: Option<&str>) -> Direction {
    match qualifier.map(str::to_lowercase).as_deref() {
        None | Some("only") | Some("just") => Direction::Exact,
        Some("more than" | "over" | "just over" | "upwards of") => Direction::Above,
        Some(
            "less than" | "fewer than" | "nearly" | "almost" | "under" | "just under" | "close to",
        ) => Direction::Below,
        Some("at least" | "as many as") => Direction::AtLeast,
        Some("at most" | "up to" | "as few as") => Direction::AtMost,
        Some(_) => Direction::Around,
    }
}

/// The figures of one sentence.
pub fn find_figures(sentence: &Sentence, index: usize) -> Vec<Figure> {
    let text = &sentence.text;
    let mut out = Vec::new();
    // Find with the fast engine, then read groups from the match alone.
    for m in FIGURE.find_iter(text) {
        let Some(c) = FIGURE.captures(m.as_str()) else {
            continue;
        };
        let Some(num) = c.name("num") else { continue };
        let (all_start, all_end, num_end) = (m.start(), m.end(), m.start() + num.end());
        let raw = num.as_str();
        let mut value = match raw.chars().next() {
            Some(d) if d.is_ascii_digit() => match raw.replace(',', "").parse::<f64>() {
                Ok(v) => v,
                Err(_) => continue,
            },
            _ => match word_value(raw) {
                Some(v) => v,
                None => continue,
            },
        };
        // An ordinal ("20th") or a unit glued to the number ("5km") is not a count of things.
        if text[num_end..].starts_with(|c: char| c.is_alphabetic()) {
            continue;
        }
        let before = text[..all_start].trim_end();
        let prev_word = before
            .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
            .next()
            .unwrap_or("");
        // Dates, times and years are not counts.
        // "Pier 4", "Flight 370": a number right after a capitalised word names something.
        let names_something = prev_word.chars().next().is_some_and(char::is_uppercase)
            && !before.trim_end_matches(prev_word).trim().is_empty()
            && c.name("qual").is_none();
        if names_something
            || parallax_core::calendar::month_from_name(prev_word).is_some()
            || text[num_end..].starts_with([':', '/'])
            || before.ends_with([':', '/'])
            || (raw.len() == 4
                && !raw.contains([',', '.'])
                && (1900.0..=2100.0).contains(&value)
                && c.name("scale").is_none())
        {
            continue;
        }
        if let Some(scale) = c.name("scale") {
            value *= match scale.as_str().to_lowercase().as_str() {
                "thousand" => 1e3,
                "hundred" => 1e2,
                "million" | "m" => 1e6,
                "billion" | "bn" => 1e9,
                "trillion" => 1e12,
                _ => 1.0,
            };
        }
        let after = &text[all_end..];
        let (about, head) = if c.name("pct").is_some() {
            ("percent".to_string(), "percent".to_string())
        } else if let Some(cur) = c.name("cur") {
            (cur.as_str().to_string(), cur.as_str().to_string())
        } else {
            match counted(after) {
                Some(x) => x,
                None => continue,
            }
        };
        if NOT_COUNTS.contains(&head.as_str()) {
            continue;
        }
        let qualifier = c.name("qual").map(|q| q.as_str().to_lowercase());
        let phrase_end = all_end + after.find(about.as_str()).map_or(0, |p| p + about.len());
        out.push(Figure {
            value,
            direction: direction(qualifier.as_deref()),
            qualifier,
            about,
            head,
            text: text[all_start..phrase_end.min(text.len())]
                .trim()
                .to_string(),
            sentence: index,
        });
    }
    out
}

/// The counted thing after a number: up to four words, stopping at a function word or punctuation.
/// Returns the words as written and the stem of the last one (the head noun).
fn counted(after: &str) -> Option<(String, String)> {
    let mut words = Vec::new();
    for w in after.split_whitespace().take(5) {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')', '”', '"', '’']);
        let bare = bare
            .strip_suffix("’s")
            .or_else(|| bare.strip_suffix("'s"))
            .unwrap_or(bare);
        let lower = bare.to_lowercase();
        let stop = lower == bare
            && STOPWORDS.contains(lower.as_str())
            && !matches!(
                lower.as_str(),
                "new" | "other" | "more" | "own" | "same" | "few" | "many"
            );
        if bare.is_empty()
            || stop
            || !bare
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '.')
        {
            break;
        }
        words.push(bare);
        // The first plural noun is the head: "troops near ...", "leaders meet ...".
        let plural =
            bare.len() > 3 && bare.ends_with('s') && !bare.ends_with("ss") && !bare.ends_with("us");
        if bare.len() != w.len() || plural || words.len() == 4 {
            break;
        }
    }
    let head = words.last()?.to_lowercase();
    Some((words.join(" "), stem(head.trim_end_matches('.'))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences_of;

    fn figures(text: &str) -> Vec<Figure> {
        sentences_of(text)
            .iter()
            .enumerate()
            .flat_map(|(i, s)| find_figures(s, i))
            .collect()
    }

    #[test]
    fn qualifiers_values_and_heads() {
        let f = figures(
            "Biden ordered nearly 3,000 US troops to Poland at 1400 GMT on February 7, 2022.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].value, 3000.0);
        assert_eq!(f[0].direction, Direction::Below);
        assert_eq!(f[0].about, "US troops");
        assert_eq!(f[0].head, "troop");
        let f = figures(
            "Russia has more than 100,000 troops and $1.2 billion. Turnout was 55 percent.",
        );
        assert_eq!(f[0].direction, Direction::Above);
        assert_eq!(f[0].value, 100_000.0);
        assert_eq!(f[1].value, 1.2e9);
        assert_eq!(f[2].about, "percent");
        let f = figures("Three firefighters were hurt.");
        assert_eq!(f[0].value, 3.0);
        assert_eq!(f[0].head, "firefight");
    }
}
