//! Credits and notices a block may open or end with, read by scanners that find exactly what
//! the expressions in their docs find (built of `scan.rs`'s pieces): photo credits ("Jane
//! Roe/Harbour", "(AP Photo/…)"), reporting credits ("Additional reporting by …"), calls to join
//! an outlet ("Join the Harbour Gazette on Facebook") and copyright notices ("© 2024 The Harbour
//! Gazette"), each with the cheap test of its first words or marks that spares the scan.

use std::sync::LazyLock;

use parallax_text::chars::is_word;

use super::scan::{
    digits, ends_word, one_of, optional_spaces, optional_word, optional_word_spaces, spaces,
    starts, words,
};

/// The words that label a photo's credit before a colon (`data/credit_labels.txt`: "Photo",
/// "Foto", "Bild", "Crédit", "Zdjęcie"), lowercase.
static CREDIT_LABELS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| parallax_text::lines(include_str!("../../data/credit_labels.txt")).collect());

/// Whether a text ends with a photo credit, as `(?i)(?:\bvia\s+[\w.-]+|\S/\s?[A-Za-z][\w.-]*(?:\s[A-Z][\w.-]*)?|\bgetty images|\bshutterstock|\(?\b(?:ap|afp|reuters|epa|xinhua)\s+photo\b[^)]*\)?|\b(?:LABELS)\s?:\s.*|\bfile photo\)?)\s*$`
/// matches it, `LABELS` the words of [`CREDIT_LABELS`] ("photo|foto|bild|…"): "via Harbour",
/// "Jane Roe/Harbour", "GETTY IMAGES", "(AP Photo/Jane Roe)", "Photo: Jane Roe", "Foto: Jan
/// Kowal", "Photo : AFP", "file photo)".
pub(super) fn credit_ends(tail: &str) -> bool {
    let closes = |at: usize| closes_at(tail, at);
    // `[\w.-]*` at `at`: its end (all of them: nothing after one may be one).
    let word_run = |at: usize| {
        let rest = &tail[at..];
        at + rest
            .find(|c: char| !(is_word(c) || c == '.' || c == '-'))
            .unwrap_or(rest.len())
    };
    // `(?i)[A-Za-z]` at `at`: its end (the long s and the Kelvin sign fold to letters).
    let letter = |at: usize| {
        let c = tail[at..].chars().next()?;
        (c.is_ascii_alphabetic() || matches!(c, '\u{17F}' | '\u{212A}')).then(|| at + c.len_utf8())
    };
    let via = starts(tail).any(|at| {
        words(tail, at, &["via"]).into_iter().any(|v| {
            spaces(tail, v, 1).first().is_some_and(|&s| {
                let end = word_run(s);
                end > s && closes(end)
            })
        })
    });
    // `\S/\s?[A-Za-z][\w.-]*(?:\s[A-Z][\w.-]*)?`: a slash after a character that is no space,
    // one or two words after it, the second after one space.
    let slash = tail.match_indices('/').any(|(i, _)| {
        tail[..i]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
            && optional_spaces(tail, i + 1).into_iter().any(|s| {
                letter(s).is_some_and(|l| {
                    let first = word_run(l);
                    let second = tail[first..]
                        .chars()
                        .next()
                        .filter(|c| c.is_whitespace())
                        .and_then(|c| letter(first + c.len_utf8()))
                        .is_some_and(|l2| closes(word_run(l2)));
                    second || closes(first)
                })
            })
    });
    via || labelled_credit_ends(tail) || slash
}

/// Whether a text ends with a photo credit that says it is one: a label and its colon ("Photo:
/// Jane Roe", "Bild: dpa", "(Image: Getty)"), a picture agency's name ("Getty Images",
/// "Shutterstock"), "(AP Photo/…)" or "file photo)" — the parts of [`credit_ends`] that no line
/// of prose or address ends with ("via Paris", "/index.htm").
pub(super) fn labelled_credit_ends(tail: &str) -> bool {
    let closes = |at: usize| closes_at(tail, at);
    let agencies = ["ap", "afp", "reuters", "epa", "xinhua"];
    starts(tail).any(|at| {
        labelled_credit_at(tail, at)
            // `\(?\b(?:ap|afp|reuters|epa|xinhua)\s+photo\b[^)]*\)?`: an agency's photo, the
            // rest without a closing bracket but for one that only spaces follow.
            || words(tail, at, &agencies).into_iter().any(|a| {
                spaces(tail, a, 1).first().is_some_and(|&s| {
                    words(tail, s, &["photo"]).into_iter().any(|p| {
                        ends_word(tail, p)
                            && tail[p..]
                                .find(')')
                                .is_none_or(|close| closes(p + close + 1))
                    })
                })
            })
    })
}

/// Whether a label and its colon, a picture agency's name or "file photo" start at `at` and
/// end `tail`.
fn labelled_credit_at(tail: &str, at: usize) -> bool {
    let closes = |at: usize| closes_at(tail, at);
    let named = words(tail, at, &["getty images", "shutterstock"])
        .into_iter()
        .any(closes);
    let file_photo = words(tail, at, &["file photo"])
        .into_iter()
        .any(|f| optional_word(tail, f, &[")"]).into_iter().any(closes));
    // `\b(?:LABELS)\s?:\s.*`: a label, the colon after it or after one space (French
    // typography), a space, and the rest of the line.
    let photo_colon = words(tail, at, &CREDIT_LABELS)
        .into_iter()
        .flat_map(|p| optional_spaces(tail, p))
        .any(|p| {
            let Some(colon) = one_of(tail, p, &[':']) else {
                return false;
            };
            tail[colon..].chars().next().is_some_and(|c| {
                c.is_whitespace() && {
                    let line = colon + c.len_utf8();
                    closes(tail[line..].find('\n').map_or(tail.len(), |n| line + n))
                }
            })
        });
    named || file_photo || photo_colon
}

/// `\s*$` at `at` in `text`: only spaces from there on.
fn closes_at(text: &str, at: usize) -> bool {
    text[at..].trim_start().is_empty()
}

/// `[A-Z][\w'&-]*` at `at` in `text`: the end of a capitalised name (all of its characters: a
/// name's reading never turns on where it is cut).
fn capitalised_name(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix(|c: char| c.is_ascii_uppercase())?;
    let len = rest
        .find(|c: char| !(is_word(c) || matches!(c, '\'' | '&' | '-')))
        .unwrap_or(rest.len());
    Some(text.len() - rest.len() + len)
}

/// The outlet a copyright notice names, as the group of `(?:©|\([cC]\)|(?i:copyright))\s*(?:\d{4}\s*(?:[-–]\s*\d{4}\s*)?)?((?:The\s+)?[A-Z][\w'&-]*(?:\s+(?:(?:of|de|del|de\s+la|des|du|der|di|da)\s+)?(?:(?:de\s+)?[ld]['’])?[A-Z][\w'&-]*){0,4})`
/// reads it: "© 2024 The Harbour Gazette", "(c) Diario de la Costa".
pub(super) fn copyright_outlet(b: &str) -> Option<&str> {
    b.char_indices().find_map(|(at, _)| {
        let mark = one_of(b, at, &['©'])
            .or_else(|| {
                ["(c)", "(C)"]
                    .iter()
                    .find(|m| b[at..].starts_with(*m))
                    .map(|m| at + m.len())
            })
            .or_else(|| words(b, at, &["copyright"]).into_iter().next())?;
        let after_mark = spaces(b, mark, 0)[0];
        // Where the name may start: after a year (and a range of years), else right there.
        let mut starts = vec![];
        if let Some(year) = digits(b, after_mark, 4, 4).first() {
            let after_year = spaces(b, *year, 0)[0];
            let range = one_of(b, after_year, &['-', '–'])
                .and_then(|dash| digits(b, spaces(b, dash, 0)[0], 4, 4).first().copied())
                .map(|to| spaces(b, to, 0)[0]);
            starts.extend(range);
            starts.push(after_year);
        }
        starts.push(after_mark);
        starts
            .into_iter()
            .find_map(|start| copyright_name(b, start).map(|end| &b[start..end]))
    })
}

/// The end of `(?:The\s+)?[A-Z][\w'&-]*(?:\s+(?:(?:of|de|…)\s+)?(?:(?:de\s+)?[ld]['’])?[A-Z][\w'&-]*){0,4}`
/// at `at`: a name of up to five capitalised words, "of", "de la" or "d'" between them.
fn copyright_name(b: &str, at: usize) -> Option<usize> {
    let joiners = ["of", "de", "del", "de la", "des", "du", "der", "di", "da"];
    let after_the = b[at..]
        .strip_prefix("The")
        .and_then(|rest| spaces(b, b.len() - rest.len(), 1).first().copied())
        .and_then(|name| capitalised_name(b, name));
    let mut end = after_the.or_else(|| capitalised_name(b, at))?;
    for _ in 0..4 {
        let Some(&gap) = spaces(b, end, 1).first() else {
            break;
        };
        // The joiners (each with its spaces), then none; for each, an article ("d'", "de l'")
        // or none; the first way that a capitalised word follows.
        let mut joined: Vec<usize> = joiners
            .iter()
            .filter_map(|j| joiner_end(b, gap, j))
            .flat_map(|j| spaces(b, j, 1))
            .collect();
        joined.push(gap);
        let next = joined.into_iter().find_map(|j| {
            let mut articles: Vec<usize> = [Some(j), spaces_after_de(b, j)]
                .into_iter()
                .flatten()
                .rev()
                .filter_map(|a| elided_article(b, a))
                .collect();
            articles.push(j);
            articles.into_iter().find_map(|a| capitalised_name(b, a))
        });
        match next {
            Some(next) => end = next,
            None => break,
        }
    }
    Some(end)
}

/// The end of the joiner `j` at `at` (`de la` with any spaces between its words).
fn joiner_end(b: &str, at: usize, j: &str) -> Option<usize> {
    match j.split_once(' ') {
        Some((first, second)) => {
            let rest = b[at..].strip_prefix(first)?;
            let gap = spaces(b, b.len() - rest.len(), 1).first().copied()?;
            let rest = b[gap..].strip_prefix(second)?;
            Some(b.len() - rest.len())
        }
        None => b[at..].strip_prefix(j).map(|rest| b.len() - rest.len()),
    }
}

/// After `de\s+` at `at`: where the elided article starts (`(?:de\s+)?` present).
fn spaces_after_de(b: &str, at: usize) -> Option<usize> {
    let rest = b[at..].strip_prefix("de")?;
    spaces(b, b.len() - rest.len(), 1).first().copied()
}

/// `[ld]['’]` at `at`: its end.
fn elided_article(b: &str, at: usize) -> Option<usize> {
    let rest = b[at..].strip_prefix(['l', 'd'])?;
    let rest = rest.strip_prefix(['\'', '’'])?;
    Some(b.len() - rest.len())
}
/// Whether a block opens as `^\(?(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|translated)\s+by)\b`
/// does: a credit for reporting, writing or editing.
pub(super) fn opens_with_reporting_credit(b: &str) -> bool {
    let credit = ["reporting", "writing", "editing", "compiled", "translated"];
    optional_word(b, 0, &["("]).into_iter().any(|open| {
        optional_word_spaces(b, open, &["additional"])
            .into_iter()
            .any(|a| {
                words(b, a, &credit).into_iter().any(|w| {
                    spaces(b, w, 1)
                        .into_iter()
                        .any(|s| words(b, s, &["by"]).into_iter().any(|by| ends_word(b, by)))
                })
            })
    })
}

/// The outlet a call to join it names, as `^(?i:join|support|subscribe to|follow)\s+(the\s+[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,3})(?:\s+on\s+.*)?\s*[.!]?$`
/// reads it (its group): "Join the Harbour Gazette on Facebook".
pub(super) fn join_outlet(b: &str) -> Option<&str> {
    let name_char = |c: char| parallax_text::chars::is_word(c) || matches!(c, '\'' | '&' | '-');
    // `[A-Z][\w'&-]*` at `at`: its end (the name's characters are all taken, as nothing that
    // may follow a name is one of them).
    let name = |at: usize| {
        let rest = b[at..].strip_prefix(|c: char| c.is_ascii_uppercase())?;
        let len = rest.find(|c: char| !name_char(c)).unwrap_or(rest.len());
        Some(b.len() - rest.len() + len)
    };
    // `\s*[.!]?$` at `at`.
    let closes = |at: usize| matches!(b[at..].trim_start(), "" | "." | "!");
    let opener = ["join", "support", "subscribe to", "follow"];
    words(b, 0, &opener).into_iter().find_map(|o| {
        spaces(b, o, 1).into_iter().find_map(|the| {
            let rest = b[the..].strip_prefix("the")?;
            let after_the = b.len() - rest.len();
            spaces(b, after_the, 1).into_iter().find_map(|first| {
                let mut ends = vec![name(first)?];
                // `(?:\s+[A-Z][\w'&-]*){0,3}`: as many more names as there are, at most three.
                while ends.len() < 4 {
                    let last = ends[ends.len() - 1];
                    match spaces(b, last, 1).first().and_then(|&s| name(s)) {
                        Some(end) => ends.push(end),
                        None => break,
                    }
                }
                ends.into_iter().rev().find_map(|end| {
                    let on_clause = spaces(b, end, 1).into_iter().any(|s| {
                        b[s..].strip_prefix("on").is_some_and(|rest| {
                            let on = b.len() - rest.len();
                            spaces(b, on, 1).into_iter().any(|t| {
                                let line = b[t..].find('\n').map_or(b.len(), |n| t + n);
                                b[t..line]
                                    .char_indices()
                                    .map(|(i, _)| t + i)
                                    .chain([line])
                                    .rev()
                                    .any(closes)
                            })
                        })
                    });
                    (on_clause || closes(end)).then(|| &b[the..end])
                })
            })
        })
    })
}

/// A text folded as ASCII case-insensitive matching folds it: the two characters beyond ASCII
/// that Unicode folds to an ASCII letter (long s, the Kelvin sign) become it, the rest is
/// lowercased in ASCII. A `(?i)` literal of ASCII letters matches a text only if its folded form
/// holds the literal, which makes the cheap tests that spare scanning a text that cannot match.
fn fold_ascii(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{17F}' => 's',
            '\u{212A}' => 'k',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Whether a block may open with a reporting credit: [`opens_with_reporting_credit`]'s first
/// words.
pub(super) fn may_open_with_reporting_credit(b: &str) -> bool {
    let head: String = b.strip_prefix('(').unwrap_or(b).chars().take(12).collect();
    let head = fold_ascii(&head);
    [
        "additional",
        "reporting",
        "writing",
        "editing",
        "compiled",
        "translated",
    ]
    .iter()
    .any(|w| head.starts_with(w))
}

/// Whether a block may open with a call to join an outlet: [`join_outlet`]'s first words.
pub(super) fn may_open_with_join(b: &str) -> bool {
    let head = fold_ascii(&b.chars().take(12).collect::<String>());
    ["join", "support", "subscribe to", "follow"]
        .iter()
        .any(|w| head.starts_with(w))
}

/// Whether a text may hold a copyright notice: [`copyright_outlet`]'s marks.
pub(super) fn may_hold_copyright(b: &str) -> bool {
    b.contains('©') || b.contains("(c)") || b.contains("(C)") || fold_ascii(b).contains("copyright")
}

/// Whether a text may end with a photo credit: a literal every branch of [`credit_ends`] holds
/// (a credit's label, in any case, when the text holds a colon).
pub(super) fn may_hold_credit(tail: &str) -> bool {
    // Lowercased as `(?i)` folds case: every letter, and the long s and the Kelvin sign too.
    let lower: String = tail
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{17F}' { 's' } else { c })
        .collect();
    ["via", "/", "getty images", "shutterstock", "photo"]
        .iter()
        .any(|w| lower.contains(w))
        || tail.contains(':') && CREDIT_LABELS.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The scanners for credits and calls to join an outlet read what the expressions in their
    /// docs match: texts drawn at random from their pieces, in any case, with spaces of every
    /// kind, line breaks and the long s.
    #[test]
    fn credit_and_join_scanners_agree_with_their_expressions() {
        let reporting = Regex::new(
            r"^\(?(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|translated)\s+by)\b",
        )
        .expect("valid regex");
        let join = Regex::new(r"^(?i:join|support|subscribe to|follow)\s+(the\s+[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,3})(?:\s+on\s+.*)?\s*[.!]?$")
            .expect("valid regex");
        let pieces = [
            "(",
            "Additional",
            " ",
            "  ",
            "\u{a0}",
            "\n",
            "reporting",
            "EDITING",
            "by",
            "BY",
            "bye",
            "Join",
            "\u{17F}upport",
            "subscribe to",
            "follow",
            "the",
            "The",
            "Harbour",
            "Gazette's",
            "A&B",
            "x-y",
            "on",
            "On",
            "Facebook",
            ".",
            "!",
            "é",
            "Ö",
        ];
        let shapes: [&[&str]; 3] = [
            &[
                "(",
                "Additional",
                " ",
                "reporting",
                " ",
                "by",
                " ",
                "Harbour",
            ],
            &[
                "Join",
                " ",
                "the",
                " ",
                "Harbour",
                " ",
                "Gazette's",
                " ",
                "on",
                " ",
                "Facebook",
                ".",
            ],
            &[
                "follow", "  ", "the", "\u{a0}", "A&B", " ", "x-y", "\n", "!",
            ],
        ];
        let (mut credits, mut joins) = (0, 0);
        for text in super::super::scan::random_texts(&shapes, &pieces, 60_000) {
            let credit = reporting.is_match(&text);
            credits += usize::from(credit);
            assert_eq!(opens_with_reporting_credit(&text), credit, "{text:?}");
            let outlet = join
                .captures(&text)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str());
            joins += usize::from(outlet.is_some());
            assert_eq!(join_outlet(&text), outlet, "{text:?}");
        }
        assert!(credits > 1_000 && joins > 1_000, "{credits} {joins}");
    }

    /// [`credit_ends`] answers as the expression in its doc: texts drawn at random from the
    /// pieces of photo credits, in any case, with spaces of every kind and line breaks.
    #[test]
    fn the_credit_scanner_agrees_with_its_expression() {
        let credit = Regex::new(&format!(r"(?i)(?:\bvia\s+[\w.-]+|\S/\s?[A-Za-z][\w.-]*(?:\s[A-Z][\w.-]*)?|\bgetty images|\bshutterstock|\(?\b(?:ap|afp|reuters|epa|xinhua)\s+photo\b[^)]*\)?|\b(?:{})\s?:\s.*|\bfile photo\)?)\s*$", CREDIT_LABELS.join("|")))
            .expect("valid regex");
        let pieces = [
            "A boat.",
            " ",
            "  ",
            "\u{a0}",
            "\n",
            "via",
            "Via",
            "viaduct",
            "Harbour",
            "x.y-z",
            "/",
            "//",
            "Jane",
            "Roe",
            "3",
            "Getty Images",
            "SHUTTER\u{17F}TOCK",
            "(",
            ")",
            "AP",
            "Reuters",
            "photo",
            "Photos",
            "PHOTOGRAPH",
            ":",
            "File photo",
            "é",
            "\u{212A}",
            "Foto",
            "BILD",
            "Bildung",
            "Crédit",
            "CRÉDITS",
            "zdjęcie",
            "ZDJĘCIE",
            "\u{202F}",
        ];
        let shapes: [&[&str]; 7] = [
            &["A boat.", " ", "via", " ", "x.y-z", " "],
            &[
                "A boat.", " ", "Jane", "/", " ", "Roe", " ", "Harbour", "\n",
            ],
            &["(", "AP", " ", "photo", "/", "Jane", " ", "Roe", ")", " "],
            &[
                "A boat.",
                " ",
                "PHOTOGRAPH",
                ":",
                " ",
                "Jane",
                " ",
                "Roe",
                "\n",
                " ",
            ],
            &["A boat.", " ", "(", "File photo", ")", "Getty Images"],
            &[
                "Un bateau.",
                " ",
                "Crédit",
                "\u{202F}",
                ":",
                " ",
                "Jane",
                "\n",
            ],
            &["Ein Boot.", " ", "BILD", ":", "\u{a0}", "Jane", " ", "Roe"],
        ];
        let mut credits = 0;
        for text in super::super::scan::random_texts(&shapes, &pieces, 50_000) {
            let expected = credit.is_match(&text);
            credits += usize::from(expected);
            assert_eq!(credit_ends(&text), expected, "{text:?}");
        }
        assert!(credits > 2_000, "{credits}");
    }

    /// [`copyright_outlet`] reads the outlet the expression in its doc reads: texts drawn at
    /// random from the pieces of copyright notices.
    #[test]
    fn the_copyright_scanner_agrees_with_its_expression() {
        let copyright = Regex::new(r"(?:©|\([cC]\)|(?i:copyright))\s*(?:\d{4}\s*(?:[-–]\s*\d{4}\s*)?)?((?:The\s+)?[A-Z][\w'&-]*(?:\s+(?:(?:of|de|del|de\s+la|des|du|der|di|da)\s+)?(?:(?:de\s+)?[ld]['’])?[A-Z][\w'&-]*){0,4})")
            .expect("valid regex");
        let pieces = [
            "©",
            "(c)",
            "(C)",
            "COPYRIGHT",
            "Copy\u{17F}ight",
            " ",
            "  ",
            "\u{a0}",
            "2024",
            "20245",
            "-",
            "–",
            "The",
            "the",
            "Harbour",
            "Gazette's",
            "A&B",
            "of",
            "de",
            "del",
            "la",
            "des",
            "der",
            "l'",
            "d’",
            "Ivoire",
            "x",
            "é",
            "Émile",
            "\n",
            "/",
        ];
        let shapes: [&[&str]; 3] = [
            &[
                "©",
                " ",
                "2024",
                " ",
                "-",
                " ",
                "2024",
                " ",
                "The",
                " ",
                "Harbour",
                " ",
                "Gazette's",
            ],
            &[
                "(c)", " ", "Harbour", " ", "de", " ", "la", " ", "Ivoire", " ", "of", " ", "A&B",
            ],
            &[
                "COPYRIGHT",
                "2024",
                "The",
                " ",
                "Harbour",
                " ",
                "de",
                " ",
                "l'",
                "Ivoire",
                " ",
                "x",
            ],
        ];
        let mut outlets = 0;
        for text in super::super::scan::random_texts(&shapes, &pieces, 50_000) {
            let expected = copyright
                .captures(&text)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str());
            outlets += usize::from(expected.is_some());
            assert_eq!(copyright_outlet(&text), expected, "{text:?}");
        }
        assert!(outlets > 2_000, "{outlets}");
    }

    #[track_caller]
    fn check(caption: &str, expected: bool) {
        assert_eq!(
            may_hold_credit(caption) && credit_ends(caption),
            expected,
            "{caption}"
        );
    }

    #[test]
    fn photo_credits_are_labelled_in_seven_languages() {
        check("A boat in the harbour. Photo: Jane Roe", true);
        check("Ein Boot im Hafen. Foto: Jan Kowal", true);
        check("Ein Boot im Hafen. Bild: Jan Kowal", true);
        check("Un bateau dans le port. Photo : Jeanne Roux", true);
        check("Un bateau dans le port. Crédit\u{a0}: Jeanne Roux", true);
        check("Un barco en el puerto. Fotografía: Juana Ruiz", true);
        check("Una barca nel porto. Immagine: Gianna Rossi", true);
        check("Um barco no porto. Crédito: Joana Rocha", true);
        check("Łódź w porcie. Zdjęcie: Jan Kowal", true);
        // A label is a whole word, and its colon ends it.
        check("Die Bildung: ein Thema", false);
        check("Ein Boot im Hafen. Fotos zeigen es", false);
    }

    #[test]
    fn cheap_tests_admit_what_the_patterns_match() {
        for b in [
            "Reporting by Jane Roe; Editing by John Doe",
            "(Additional reporting by Jane Roe)",
            "WRITING BY JANE ROE",
        ] {
            assert!(
                may_open_with_reporting_credit(b) && opens_with_reporting_credit(b),
                "{b}"
            );
        }
        for b in [
            "Join the Harbour Gazette on Facebook",
            "\u{17F}upport the Harbour Gazette",
        ] {
            assert!(may_open_with_join(b) && join_outlet(b).is_some(), "{b}");
        }
        for b in [
            "© 2024 The Harbour Gazette",
            "(c) Harbour Gazette",
            "COPYRIGHT Harbour Gazette",
        ] {
            assert!(
                may_hold_copyright(b) && copyright_outlet(b).is_some(),
                "{b}"
            );
        }
        for b in [
            "Photo: Jane Roe",
            "A boat. Jane Roe/Harbour",
            "via Harbour",
            "GETTY IMAGES",
        ] {
            assert!(may_hold_credit(b) && credit_ends(b), "{b}");
        }
        let b = "The council met on the harbour to vote.";
        assert!(!may_open_with_reporting_credit(b) && !opens_with_reporting_credit(b));
        assert!(!may_open_with_join(b) && join_outlet(b).is_none());
        assert!(!may_hold_copyright(b) && copyright_outlet(b).is_none());
        assert!(!may_hold_credit(b) && !credit_ends(b));
    }
}
