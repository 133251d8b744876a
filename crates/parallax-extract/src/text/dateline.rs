//! Datelines opening a paragraph ("MOSCOW, Feb 7 (Reuters) - ", "SÃO PAULO — "), read by
//! hand-written scanners. The regular expressions they replace counted Unicode letter classes
//! (`[\p{L} .-]{1,30}`) and took some 40 ms to compile, most of a short brief's run; each scanner
//! accepts exactly what its expression did (the tests run both on generated paragraphs).

use parallax_text::chars::{is_digit, is_letter, is_lower, is_space, is_upper};

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

/// The number of characters from `from` on that satisfy `class`.
fn run(chars: &[char], from: usize, class: impl Fn(char) -> bool) -> usize {
    chars
        .get(from..)
        .map_or(0, |rest| rest.iter().take_while(|&&c| class(c)).count())
}

/// A wire dateline as `^(PLACE)?\((AGENCY)\)\s*\.?[-–—]+\s*` reads it: PLACE is one to five
/// capitalised words, then perhaps a date (", Feb 7", ", 1 dic. 2025"); AGENCY is a letter and
/// one to thirty letters, spaces, dots, hyphens or slashes (joint credits: "AP/Reuters").
#[derive(Debug, PartialEq, Eq)]
pub struct WireDateline<'a> {
    /// The byte length of the dateline, the spaces after it included.
    pub end: usize,
    /// What stands before the bracket (the place and date), if anything.
    pub place: Option<&'a str>,
    /// What the brackets hold.
    pub agency: &'a str,
}

/// The wire dateline opening a paragraph, if it opens with one.
pub fn wire_dateline(paragraph: &str) -> Option<WireDateline<'_>> {
    // Neither the place nor the agency may hold a bracket: the first ones are the agency's.
    let open = paragraph.find('(')?;
    let inside = open + 1;
    let close = inside + paragraph.get(inside..)?.find(')')?;
    let agency = paragraph.get(inside..close)?;
    let mut letters = agency.chars();
    let first_is_letter = letters.next().is_some_and(is_letter);
    let rest = letters
        .map(|c| is_letter(c) || matches!(c, ' ' | '.' | '-' | '/'))
        .try_fold(0usize, |n, ok| ok.then_some(n + 1));
    if !first_is_letter || !rest.is_some_and(|n| (1..=30).contains(&n)) {
        return None;
    }
    let end = dash_tail(paragraph, close + 1, true, 0)?;
    let place = paragraph.get(..open)?;
    if !place.is_empty() && !is_place_and_date(&place.chars().collect::<Vec<_>>()) {
        return None;
    }
    Some(WireDateline {
        end,
        place: (!place.is_empty()).then_some(place),
        agency,
    })
}

/// `\s*\.?[-–—]+\s*` (or `\s+` at the end, when `min_space_after` is 1) from byte `from`: the
/// byte offset where it ends. Each part stops where the next must start, so greed settles it.
fn dash_tail(text: &str, from: usize, dot: bool, min_space_after: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    let mut chars = rest.char_indices().peekable();
    while chars.next_if(|&(_, c)| is_space(c)).is_some() {}
    if dot {
        chars.next_if(|&(_, c)| c == '.');
    }
    let mut dashes = 0;
    while chars.next_if(|&(_, c)| is_dash(c)).is_some() {
        dashes += 1;
    }
    let mut spaces = 0;
    while chars.next_if(|&(_, c)| is_space(c)).is_some() {
        spaces += 1;
    }
    if dashes == 0 || spaces < min_space_after {
        return None;
    }
    Some(from + chars.peek().map_or(rest.len(), |&(i, _)| i))
}

/// Whether all of `s` is `(?:\p{Lu}[\p{L}.'-]*[ ,/]*){1,5}` and then perhaps the date part of
/// [`is_date_part`]. The places a word can end after k words are tracked as sets, k = 1 to 5.
fn is_place_and_date(s: &[char]) -> bool {
    let n = s.len();
    let in_word = |c: char| is_letter(c) || matches!(c, '.' | '\'' | '-');
    let is_separator = |c: char| matches!(c, ' ' | ',' | '/');
    // word_end[i]: where the run of word characters from i stops; separator_end likewise.
    let mut word_end = vec![n; n + 1];
    let mut separator_end = vec![n; n + 1];
    for i in (0..n).rev() {
        word_end[i] = if in_word(s[i]) { word_end[i + 1] } else { i };
        separator_end[i] = if is_separator(s[i]) {
            separator_end[i + 1]
        } else {
            i
        };
    }
    let mut at = vec![false; n + 1];
    at[0] = true;
    for _ in 1..=5 {
        // A word from i (an uppercase letter) may end anywhere in its letters or, after all of
        // them, anywhere in the separators that follow.
        let mut starts = vec![0i32; n + 2];
        for i in (0..n).filter(|&i| at[i] && is_upper(s[i])) {
            let last = separator_end[word_end[i + 1]];
            starts[i + 1] += 1;
            starts[last + 1] -= 1;
        }
        let mut open = 0;
        for (i, reach) in at.iter_mut().enumerate() {
            open += starts[i];
            *reach = open > 0;
        }
        if at[n] || (0..n).any(|i| at[i] && s[i] == ',' && is_date_part(&s[i..])) {
            return true;
        }
        if !at.contains(&true) {
            return false;
        }
    }
    false
}

/// Whether all of `s` is `,\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\.?\s+\p{L}{3,10}\.?)
/// (?:,?\s+\d{4})?\s*`.
fn is_date_part(s: &[char]) -> bool {
    let trailing_space = |i: usize| i + run(s, i, is_space) == s.len();
    date_part_ends(s, 0)
        .into_iter()
        .flatten()
        .any(trailing_space)
}

/// Where `,\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\.?\s+\p{L}{3,10}\.?)(?:,?\s+\d{4})?`
/// can end from character `from`: with the year, then without it, as the greedy expression tries
/// them. Every run ends where a character of another class must follow, so its whole length is
/// what the counts bound.
fn date_part_ends(s: &[char], from: usize) -> [Option<usize>; 2] {
    let at = |i: usize| s.get(i).copied();
    if at(from) != Some(',') {
        return [None, None];
    }
    let i = from + 1 + run(s, from + 1, is_space);
    let counted = |i: usize, class: fn(char) -> bool, min: usize, max: usize| {
        let n = run(s, i, class);
        (min..=max).contains(&n).then_some(i + n)
    };
    let dot = |i: usize| i + usize::from(at(i) == Some('.'));
    let spaces = |i: usize| counted(i, is_space, 1, usize::MAX);
    let day_month = match at(i) {
        Some(c) if is_upper(c) => counted(i + 1, is_lower, 2, 8)
            .map(dot)
            .and_then(spaces)
            .and_then(|i| counted(i, is_digit, 1, 2)),
        Some(c) if is_digit(c) => counted(i, is_digit, 1, 2)
            .map(dot)
            .and_then(spaces)
            .and_then(|i| counted(i, is_letter, 3, 10))
            .map(dot),
        _ => None,
    };
    let Some(after) = day_month else {
        return [None, None];
    };
    let comma = after + usize::from(at(after) == Some(','));
    let year = spaces(comma).and_then(|i| counted(i, is_digit, 4, 4));
    [year, Some(after)]
}

/// `\s*[-–—]*—` from character `from`, when the dashes touch the next word: the character index
/// just past the last em dash of the run.
fn em_dash_tail(chars: &[char], from: usize) -> Option<usize> {
    let dashes = from + run(chars, from, is_space);
    let after = dashes + run(chars, dashes, is_dash);
    if chars.get(after).is_some_and(|&c| is_space(c)) {
        return None;
    }
    let last = (dashes..after)
        .rev()
        .find(|&k| chars.get(k) == Some(&'—'))?;
    Some(last + 1)
}

/// A dateline in capitals,
/// `^\p{Lu}[\p{Lu} .'-]{2,30}(?:,\s*\p{Lu}[\p{L} .]{1,20})?(?:DATE)?\s*(?:[-–—]+\s+|[-–—]*—)`
/// with DATE the date part of [`date_part_ends`] ("SÃO PAULO — ", "KYIV, Ukraine - ", "PATNA,
/// India—", "NEWARK, N.J., Dec 3 - "): its byte length, as that expression's leftmost-first match
/// would end. Longer runs are tried first, the place after a comma before none, a date before
/// none. An em dash may touch the next word, as some wire styles write it; a hyphen may not.
pub fn caps_dateline(paragraph: &str) -> Option<usize> {
    let mut opening = paragraph.chars();
    let in_place = |c: char| is_upper(c) || matches!(c, ' ' | '.' | '\'' | '-');
    if !opening.next().is_some_and(is_upper) || !opening.take(2).all(in_place) {
        return None;
    }
    let (offsets, chars): (Vec<usize>, Vec<char>) = paragraph.char_indices().unzip();
    let byte = |i: usize| offsets.get(i).copied().unwrap_or(paragraph.len());
    let dash = |i: usize| {
        dash_tail(paragraph, byte(i), false, 1).or_else(|| em_dash_tail(&chars, i).map(byte))
    };
    let tail = |i: usize| {
        date_part_ends(&chars, i)
            .into_iter()
            .flatten()
            .chain([i])
            .find_map(dash)
    };
    let place = run(&chars, 1, in_place).min(30);
    for x in (2..=place).rev() {
        let after = 1 + x;
        if chars.get(after) == Some(&',') {
            let upper = after + 1 + run(&chars, after + 1, is_space);
            if chars.get(upper).is_some_and(|&c| is_upper(c)) {
                let region = run(&chars, upper + 1, |c| {
                    is_letter(c) || matches!(c, ' ' | '.')
                });
                for z in (1..=region.min(20)).rev() {
                    if let Some(end) = tail(upper + 1 + z) {
                        return Some(end);
                    }
                }
            }
        }
        if let Some(end) = tail(after) {
            return Some(end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The expressions the scanners replace, as the oracle they must agree with.
    const WIRE: &str = r"^((?:\p{Lu}[\p{L}.'-]*[ ,/]*){1,5}(?:,\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\.?\s+\p{L}{3,10}\.?)(?:,?\s+\d{4})?\s*)?)?\((\p{L}[\p{L} ./-]{1,30})\)\s*\.?[-–—]+\s*";
    const CAPS: &str = r"^\p{Lu}[\p{Lu} .'-]{2,30}(?:,\s*\p{Lu}[\p{L} .]{1,20})?(?:,\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\.?\s+\p{L}{3,10}\.?)(?:,?\s+\d{4})?)?\s*(?:[-–—]+\s+|[-–—]*—)";

    #[track_caller]
    fn check(paragraph: &str, wire: Option<(&str, &str)>, caps: Option<&str>) {
        let got = wire_dateline(paragraph).map(|d| (&paragraph[..d.end], d.agency));
        assert_eq!(got, wire, "wire: {paragraph:?}");
        let got = caps_dateline(paragraph).map(|end| &paragraph[..end]);
        assert_eq!(got, caps, "caps: {paragraph:?}");
    }

    #[test]
    fn datelines() {
        check(
            "MOSCOW, Feb 7 (Reuters) - The talks.",
            Some(("MOSCOW, Feb 7 (Reuters) - ", "Reuters")),
            None,
        );
        check(
            "BOGOTÁ, 1 dic. 2025 (EFE).- El consejo.",
            Some(("BOGOTÁ, 1 dic. 2025 (EFE).- ", "EFE")),
            None,
        );
        check("(AP) — The council.", Some(("(AP) — ", "AP")), None);
        check(
            "LIMA (Daily Ledger/News Desk) -- The council.",
            Some((
                "LIMA (Daily Ledger/News Desk) -- ",
                "Daily Ledger/News Desk",
            )),
            None,
        );
        check("SÃO PAULO — The council.", None, Some("SÃO PAULO — "));
        check(
            "KYIV, Ukraine - The council.",
            None,
            Some("KYIV, Ukraine - "),
        );
        check(
            "PATNA, India—A train derailed.",
            None,
            Some("PATNA, India—"),
        );
        check(
            "NEWARK, N.J., Dec 3 - Dock workers walked out.",
            None,
            Some("NEWARK, N.J., Dec 3 - "),
        );
        check(
            "PARIS, 3 décembre 2026 — Les dockers.",
            None,
            Some("PARIS, 3 décembre 2026 — "),
        );
        check("KYIV, Ukraine-based firms.", None, None);
        // Too many words before the agency, a digit in it, a lowercase start.
        check("ONE TWO THREE FOUR FIVE SIX (AP) - x", None, None);
        check("PARIS (AP2) - x", None, None);
        check("the council (AP) - x", None, None);
        check("PARIS, Februaryish 7 (AFP) - x", None, None);
    }

    #[test]
    fn scanners_agree_with_the_expressions_they_replace() {
        let wire = Regex::new(WIRE).unwrap();
        let caps = Regex::new(CAPS).unwrap();
        let pieces = [
            "MOSCOW",
            "Paris",
            "SÃO",
            "NEW",
            "DELHI",
            "Kyiv",
            " ",
            " ",
            ", ",
            ",",
            "/",
            ".",
            "'",
            "-",
            " - ",
            "–",
            "—",
            ".-",
            "(",
            ")",
            "(",
            ")",
            "Reuters",
            "dpa-AFX",
            "AP",
            "Feb",
            "Dezember",
            "dic",
            "Sept",
            "Ab",
            "Abcdefghi",
            "abcdefghijk",
            "7",
            "12",
            "123",
            "2025",
            "20251",
            "\t",
            "é",
            "É",
            "ǅ",
            "ª",
            "Ⓐ",
            "٣",
            "Ⅻ",
            "ʰ",
            "A",
            "a",
            "x y",
            "McD",
            "1.",
            "The",
            " Ukraine",
            "abcdefghijklmnopqrstuvwxyzabcdef",
        ];
        let mut below = crate::testing::below(crate::testing::SEED);
        let mut matched = (0, 0);
        // Half the paragraphs are free strings of pieces, half follow a dateline's shape (words,
        // a date, an agency, a dash), each slot from its own pieces or from any piece.
        let slots: [&[&str]; 8] = [
            &["MOSCOW", "Paris", "SÃO", "NEW", "ÉVRY", "Ǆx", "McD", "a"],
            &[" ", ", ", "/", "", "  ", " DELHI ", " Ⓐ ", "\t"],
            &[
                "",
                ", Feb 7",
                ", 1 dic.",
                ", 12 Dezember",
                ", Sept. 30",
                ", Ab 7",
                ", ٣ mars",
            ],
            &["", ", 2025", " 2025", " 20251", ",2025", " "],
            &["(", "(", " (", "x("],
            &[
                "Reuters",
                "dpa-AFX",
                "AP",
                "AP/Reuters",
                "A",
                "EFE 2",
                "ǅ.",
                "abcdefghijklmnopqrstuvwxyzabcdef",
            ],
            &[") - ", ").- ", ") —", ")-", ") . – ", ")\u{a0}— ", ") x"],
            &["The talks.", "", "(x) - y", " - "],
        ];
        for case in 0..200_000 {
            let mut p = String::new();
            if case % 2 == 0 {
                for slot in slots {
                    let choices = if below(8) == 0 { &pieces[..] } else { slot };
                    p.push_str(choices[below(choices.len())]);
                }
            } else {
                for _ in 0..1 + below(14) {
                    p.push_str(pieces[below(pieces.len())]);
                }
            }
            let expected = wire.captures(&p).map(|c| WireDateline {
                end: c.get(0).map_or(0, |m| m.end()),
                place: c.get(1).map(|m| m.as_str()),
                agency: c.get(2).map_or("", |m| m.as_str()),
            });
            let got = wire_dateline(&p);
            matched.0 += usize::from(expected.is_some());
            assert_eq!(got, expected, "wire: {p:?}");
            let expected = caps.find(&p).map(|m| m.end());
            matched.1 += usize::from(expected.is_some());
            assert_eq!(caps_dateline(&p), expected, "caps: {p:?}");
        }
        // The generator must reach both kinds of match, not only misses.
        assert!(matched.0 > 500 && matched.1 > 500, "{matched:?}");
    }
}
