//! Verified citations: an article supports a summary sentence only if it says it without
//! contradicting it. Content overlap proposes the article (`support`); then the sentence's
//! figures must be stated by the article with a compatible value and qualifier (and never given
//! a different value for the same thing), the people it names must be named by the article (and
//! not only someone else of the same surname), and so must the places and organisations it names;
//! the words it quotes must be quoted by the article, and the weekday it gives must not differ
//! from the one the article's matching sentence gives.

use std::sync::LazyLock;

use parallax_analyze::compatible;
use parallax_core::{calendar, Analyzed, EntityKind, EntityMention, Figure, FigureKind};

use crate::names::NameIndex;
use crate::quotes::{same_person, QuotedBy};
use crate::SupportIndex;

/// The articles that support sentence (`doc`, `i`) as the summary shows it (`shown`): its own
/// first, then every other article that says it and contradicts none of it, each with its
/// sentence that says it (none for its own).
pub(crate) fn verified_supporters(
    docs: &[Analyzed],
    index: &SupportIndex,
    doc: usize,
    i: usize,
    shown: &str,
    threshold: f64,
    quoted_by: &QuotedBy,
) -> Vec<(usize, Option<usize>)> {
    let Some(own) = docs.get(doc) else {
        return Vec::new();
    };
    let figures: Vec<&Figure> = own
        .figures
        .iter()
        .filter(|f| f.sentence == i && shown.contains(f.text.as_str()))
        .collect();
    // The names the sentence shows.
    let named: Vec<&EntityMention> = own
        .entities
        .iter()
        .filter(|e| e.sentence == i && shown.contains(&e.surface))
        .collect();
    let names: Vec<(Vec<String>, &str)> = named
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(|e| {
            Some((
                NameIndex::name_parts(&e.name),
                e.name.split_whitespace().last()?,
            ))
        })
        .filter(|(parts, _)| !parts.is_empty())
        .collect();
    // Places, organisations and other names the sentence gives: a detail of its own ("… en
    // préfecture à Charleville-Mézières"), which an outlet that never names them does not support.
    let other_names: Vec<&EntityMention> = named
        .iter()
        .copied()
        .filter(|e| e.kind != EntityKind::Person)
        .collect();
    let quoted: Vec<&str> = own
        .quotes
        .iter()
        .filter(|q| q.sentence == i && shown.contains(opening(&q.text)))
        .map(|q| q.text.as_str())
        .collect();
    // Words set in quotation marks that are no quote of the sentence's own ("described the
    // moment the ship \"juddered and tipped\""): someone's words, which an outlet that never
    // writes them does not report.
    let phrases: Vec<String> = quoted_phrases(shown)
        .filter(|p| !quoted.iter().any(|q| fold(q).contains(p.as_str())))
        .collect();
    // What the sentence says beyond whom and what it names, and beyond its figures: an outlet
    // that names the same people but says nothing of what they did is no support.
    let said = claim_terms(own, i, shown, &named);
    let weekdays = weekdays_in(shown);
    let times = times_in(shown);
    // Digits a figure holds ("1500 troops") are its number, checked with the figures.
    let numbers: Vec<&str> = numbers_in(shown)
        .into_iter()
        .filter(|n| !figures.iter().any(|f| f.text.contains(n)))
        .collect();
    index
        .supporters_with_match(doc, i, threshold)
        .into_iter()
        .filter(|&(o, matched)| {
            if o == doc {
                return true;
            }
            let Some(other) = docs.get(o) else {
                return false;
            };
            let matched_text = matched
                .and_then(|s| other.sentences.get(s))
                .map_or("", |s| s.text.as_str());
            index.share_used_by(o, said.iter().map(String::as_str)) >= MIN_CLAIM_SHARE
                && figures.iter().all(|f| {
                    states_figure(f, other)
                        && !matched.is_some_and(|m| gives_another_value(f, other, m))
                })
                && names
                    .iter()
                    .all(|(parts, surname)| names_person(parts, surname, other))
                && other_names.iter().all(|e| {
                    other.article.text.contains(&e.surface) || other.article.text.contains(&e.name)
                })
                && quoted.iter().all(|q| quoted_by.quotes(doc, q, other, o))
                && (phrases.is_empty() || {
                    let theirs = fold(&other.article.text);
                    phrases.iter().all(|p| theirs.contains(p.as_str()))
                })
                && weekdays_agree(&weekdays, &weekdays_in(matched_text))
                && (numbers.is_empty() || {
                    let theirs = numbers_in(&other.article.text);
                    numbers.iter().all(|n| theirs.contains(n))
                })
                && (times.is_empty() || {
                    let theirs = times_in(&other.article.text);
                    times.iter().all(|t| theirs.contains(t))
                })
        })
        .collect()
}

/// The least share of a sentence's claim terms ([`claim_terms`], weighted by rarity) a
/// supporting article must use: most of what the sentence says of its names.
const MIN_CLAIM_SHARE: f64 = 0.35;

/// The content terms of sentence `i` of `own` as shown, less those of the names it shows (`named`:
/// people, organisations, places) with their titles ("Assistant U.S. Attorney") and its numbers:
/// what it says of them.
fn claim_terms(own: &Analyzed, i: usize, shown: &str, named: &[&EntityMention]) -> Vec<String> {
    let language = own.article.language.as_str();
    let named: Vec<String> = named
        .iter()
        .flat_map(|e| {
            let title = e.title.as_deref().filter(|t| shown.contains(t));
            [Some(e.surface.as_str()), title]
        })
        .flatten()
        .flat_map(|words| parallax_analyze::tokens::tokenize_in(words, language).2)
        .collect();
    // A sentence shown as written has its terms read already.
    let terms = match own.sentences.get(i) {
        Some(s) if s.text == shown => s.terms.clone(),
        _ => parallax_analyze::tokens::tokenize_in(shown, language).2,
    };
    terms
        .into_iter()
        .filter(|t| !named.contains(t) && !t.bytes().any(|b| b.is_ascii_digit()))
        .collect()
}

/// Whether two figures measure the same thing: kind, unit and counted head.
pub(crate) fn same_thing(a: &Figure, b: &Figure) -> bool {
    a.kind == b.kind && a.unit == b.unit && a.head == b.head
}

/// Whether `other` states figure `f`: it gives a compatible value for the same kind of quantity
/// (for the same counted thing, or the very same number), and gives the same thing no value
/// that contradicts it.
pub(crate) fn states_figure(f: &Figure, other: &Analyzed) -> bool {
    let same_value = |g: &Figure| (g.value - f.value).abs() <= f.value.abs() * 1e-9;
    let stated = other.figures.iter().any(|g| {
        g.kind == f.kind
            && g.unit == f.unit
            && compatible(f, g)
            && (g.head == f.head || same_value(g))
    });
    stated && !contradicts(f, other)
}

/// Whether sentence `s` of `other`, the one that says what `f`'s sentence says, gives a value of
/// `f`'s kind and unit (for counts, of the same counted thing) and none that can be `f`'s: that
/// outlet tells the same fact with another number ("ordered to pay $2.4 million" against "ordered
/// to repay $2.3 million"), even when it states `f`'s number elsewhere about something else.
fn gives_another_value(f: &Figure, other: &Analyzed, s: usize) -> bool {
    let measures_alike = |g: &&Figure| {
        g.sentence == s
            && g.kind == f.kind
            && g.unit == f.unit
            && (f.kind != FigureKind::Count || g.head == f.head)
    };
    let mut alike = other.figures.iter().filter(measures_alike).peekable();
    alike.peek().is_some() && !alike.any(|g| compatible(f, g))
}

/// Whether `other` gives the thing `f` measures only values that cannot be `f`'s.
pub(crate) fn contradicts(f: &Figure, other: &Analyzed) -> bool {
    let mut same = other.figures.iter().filter(|g| same_thing(f, g)).peekable();
    same.peek().is_some()
        && !other
            .figures
            .iter()
            .any(|g| same_thing(f, g) && compatible(f, g))
}

/// The passages a sentence sets in quotation marks, folded ([`fold`]), without the punctuation
/// at their ends.
fn quoted_phrases(shown: &str) -> impl Iterator<Item = String> + '_ {
    parallax_analyze::sentences::closed_quote_spans(shown)
        .into_iter()
        .filter_map(|(start, end)| {
            let inner = shown
                .get(start..end)?
                .trim_matches(|c: char| !c.is_alphanumeric());
            let folded = fold(inner);
            (!folded.is_empty()).then_some(folded)
        })
}

/// Text lowercased, its apostrophes one character and its white space single spaces: the same
/// words written by two outlets compare equal.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            out.push(if matches!(c, '’' | 'ʼ' | '`') {
                '\''
            } else {
                c
            });
        }
    }
    out
}

/// The first words of a quote, enough to tell whether a shortened sentence still shows it.
fn opening(quote: &str) -> &str {
    const OPENING_CHARS: usize = 24;
    let end = quote
        .char_indices()
        .nth(OPENING_CHARS)
        .map_or(quote.len(), |(k, _)| k);
    quote.get(..end).unwrap_or(quote)
}

/// Whether `other` names the person whose name has these parts (`surname` as written): its text
/// holds the surname, and no person it names with that surname is someone else ("Deepak Kumar"
/// is not "Birendra Kumar"; "Mr. Kumar" may be either).
fn names_person(parts: &[String], surname: &str, other: &Analyzed) -> bool {
    let Some(folded) = parts.last() else {
        return true;
    };
    let mut namesakes = other
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| NameIndex::name_parts(&e.name))
        .filter(|p| p.contains(folded))
        .peekable();
    match namesakes.peek() {
        None => other.article.text.contains(surname),
        Some(_) => namesakes.any(|p| same_person(&p, parts)),
    }
}

/// Weekday names are longer than their abbreviations ("Mon", "sun", "mar" are words).
const MIN_WEEKDAY_CHARS: usize = 5;

/// The weekdays a sentence names, in English, French, German or Spanish ("Friday", "vendredi",
/// "Freitag", "viernes"): English and German write them with a capital, French and Spanish not.
fn weekdays_in(text: &str) -> Vec<chrono::Weekday> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= MIN_WEEKDAY_CHARS)
        .filter_map(calendar::weekday_from_name_any)
        .collect()
}

/// The numbers of two digits or more a text writes in digits, figures or not: a year ("since
/// 1977"), a limit ("por debajo del límite de 60"), a route. Each is a claim of its own, which an
/// outlet that never writes it does not support. One digit is left out: outlets spell those.
fn numbers_in(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() >= 2)
        .collect()
}

/// Words for hours after a time of day written with a full stop (`data/hour_words.txt`).
static HOUR_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| parallax_text::lines(include_str!("../data/hour_words.txt")).collect());

/// The times of day a text gives with their minutes, as (hour of 24, minute): "12:48 p.m.",
/// "16.10 Uhr", "9h30". Like a year, a time is a claim of its own ("declared an emergency at
/// 12:48 p.m."), which an outlet that never gives it does not support.
fn times_in(text: &str) -> Vec<(u32, u32)> {
    let bytes = text.as_bytes();
    let mut times = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let digits = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let opens_word = start == 0 || !matches!(bytes[start - 1], b'0'..=b'9' | b'.' | b',');
        let at = start + digits.max(1);
        if !(1..=2).contains(&digits) || !opens_word {
            start = at;
            continue;
        }
        start = at;
        let (Some(&separator), Some(minutes)) = (bytes.get(at), text.get(at + 1..at + 3)) else {
            continue;
        };
        let after = text.get(at + 3..).unwrap_or("");
        let after_word = after.trim_start();
        let next_word = after_word
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        // A full stop parts hours from minutes only before a word for hours ("16.10 Uhr"):
        // elsewhere "12.48" is a decimal number.
        let hours_word = HOUR_WORDS.contains(&&*parallax_text::lowercase(next_word));
        let separates = separator == b':' || separator == b'h' || separator == b'.' && hours_word;
        let (Ok(hour), Ok(minute)) = (text[at - digits..at].parse::<u32>(), minutes.parse::<u32>())
        else {
            continue;
        };
        if !separates || after.starts_with(|c: char| c.is_ascii_digit()) || hour > 23 || minute > 59
        {
            continue;
        }
        let meridiem: Vec<u8> = after_word
            .bytes()
            .take(3)
            .map(|b| b.to_ascii_lowercase())
            .collect();
        let afternoon = meridiem.starts_with(b"p.m") || meridiem.starts_with(b"pm");
        let morning = meridiem.starts_with(b"a.m") || meridiem.starts_with(b"am");
        let hour = match hour {
            1..=11 if afternoon => hour + 12,
            12 if morning => 0,
            _ => hour,
        };
        times.push((hour, minute));
    }
    times
}

/// Two sentences agree on the day when either names none or they share one.
fn weekdays_agree(a: &[chrono::Weekday], b: &[chrono::Weekday]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|d| b.contains(d))
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::SupportIndex;

    fn doc(id: &str, text: &str) -> Analyzed {
        parallax_analyze::analyze(crate::testing::article(id, text))
    }

    /// The ids that support the first sentence of the first article.
    #[track_caller]
    fn check(texts: &[&str], expected: &[&str]) {
        let docs: Vec<Analyzed> = texts
            .iter()
            .enumerate()
            .map(|(k, t)| doc(&format!("a{k}"), t))
            .collect();
        let index = SupportIndex::new(&docs);
        let shown = docs[0].sentences[0].text.clone();
        let (_, quoted_by) = crate::quotes::grouped_quotes(&docs, &NameIndex::new(&docs));
        let got: Vec<String> = verified_supporters(&docs, &index, 0, 0, &shown, 0.4, &quoted_by)
            .into_iter()
            .map(|(d, _)| docs[d].article.id.clone())
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn an_outlet_with_a_different_value_does_not_support() {
        check(
            &[
                "The fire forced nearly 400 residents of the harbour district to leave their homes.",
                "The fire forced more than 450 residents of the harbour district to leave their homes.",
                "The fire forced about 390 residents of the harbour district to leave their homes.",
            ],
            &["a0", "a2"],
        );
    }

    #[test]
    fn an_outlet_that_tells_it_with_another_amount_does_not_support() {
        check(
            &[
                "Judge Mara Lind ordered the former treasurer to repay $2.3 million to the county.",
                "The former treasurer stole nearly $2.3 million. Judge Mara Lind ordered the former treasurer to repay $2.4 million in restitution to the county.",
                "Judge Mara Lind ordered the former treasurer to repay $2.3 million to the county, which lost $2.3 million.",
            ],
            &["a0", "a2"],
        );
    }

    #[test]
    fn an_outlet_that_gives_no_tally_does_not_support_it() {
        check(
            &[
                "The council approved the harbour plan by 7-2 after a long debate on Monday evening.",
                "The council approved the harbour plan after a long debate on Monday evening.",
            ],
            &["a0"],
        );
    }

    #[test]
    fn weekdays_of_four_languages_must_agree() {
        check(
            &[
                "Le maire a inauguré vendredi le nouveau pont du port après des années de retard.",
                "Le maire a inauguré jeudi le nouveau pont du port après des années de retard.",
                "Le maire a inauguré vendredi le nouveau pont du port après des années de retard, selon la mairie.",
            ],
            &["a0", "a2"],
        );
        check(
            &[
                "Der Bürgermeister eröffnete am Freitag die neue Hafenbrücke nach Jahren der Verzögerung.",
                "Der Bürgermeister eröffnete am Donnerstag die neue Hafenbrücke nach Jahren der Verzögerung.",
            ],
            &["a0"],
        );
        check(
            &[
                "El alcalde inauguró el viernes el nuevo puente del puerto tras años de retrasos.",
                "El alcalde inauguró el jueves el nuevo puente del puerto tras años de retrasos.",
            ],
            &["a0"],
        );
    }

    #[test]
    fn names_and_weekdays_must_agree() {
        check(
            &[
                "Mayor Anna Berg opened the new harbour bridge on Friday after years of delays.",
                "Mayor Anna Berg opened the new harbour bridge on Thursday after years of delays.",
                "The mayor opened the new harbour bridge on Friday after years of delays.",
                "Mayor Anna Berg opened the new harbour bridge after years of delays, officials said.",
            ],
            &["a0", "a3"],
        );
    }

    #[test]
    fn a_time_of_day_needs_an_outlet_that_gives_it() {
        check(
            &[
                "The aviation authority said the crew had declared an emergency at 12:48 p.m. over the harbour.",
                "The crew declared an emergency over the harbour at 12:48, the aviation authority said.",
                "The crew of the jet declared an emergency over the harbour, the aviation authority said.",
                "The aviation authority said the crew declared an emergency over the harbour at 12:38.",
            ],
            &["a0", "a1"],
        );
        assert_eq!(
            times_in("at 4:10 p.m. and 16.10 Uhr, à 9h05"),
            [(16, 10), (16, 10), (9, 5)]
        );
        assert!(times_in("rose 12.48 percent, 3,12:30").is_empty());
    }

    #[test]
    fn a_year_needs_an_outlet_that_names_it() {
        check(
            &[
                "The strike at the three harbour terminals is the first coordinated walkout there since 1977.",
                "Dock workers began a strike at the three harbour terminals, the first coordinated walkout there since 1977.",
                "Dock workers began a coordinated strike at the three harbour terminals, the first walkout there.",
                "The strike at the three harbour terminals is the first coordinated walkout there since 1971.",
            ],
            &["a0", "a1"],
        );
        // So does any number of two digits or more that is no figure of the sentence.
        check(
            &[
                "The train ran at walking pace on the bridge, below the limit of 60 on that stretch, the operator said.",
                "The train ran at walking pace on the bridge below the limit of 60 on that stretch, the operator said.",
                "The train ran at walking pace on the bridge, below the limit on that stretch, the operator said.",
            ],
            &["a0", "a1"],
        );
    }

    #[test]
    fn quoted_words_need_an_outlet_that_quotes_them() {
        check(
            &[
                "The harbour master said: \"Four cranes of the eastern pier collapsed in the storm on Monday.\"",
                "Four cranes of the eastern pier collapsed in the storm on Monday, the harbour master said.",
                "The harbour master said: \"Four cranes of the eastern pier collapsed in the storm on Monday.\"",
            ],
            &["a0", "a2"],
        );
        check(
            &[
                "Mayor Anna Berg said she was \"deeply worried\" about the eastern pier after the storm.",
                "Mayor Anna Berg said she was worried about the eastern pier after the storm.",
                "\"I am deeply worried about the pier,\" Mayor Anna Berg said after the storm.",
            ],
            &["a0", "a2"],
        );
    }

    #[test]
    fn words_set_in_quotation_marks_need_an_outlet_that_writes_them() {
        check(
            &[
                "Passengers on a ferry that ran aground off Skarra have described the moment the ship \"juddered and tipped\" as it struck a sandbank in fog.",
                "The ferry ran aground off Skarra after it struck a sandbank in thick fog, and passengers were taken off by lifeboat.",
                "Passengers said the moment the ferry \"juddered and tipped\" as it struck a sandbank in fog off Skarra was frightening.",
            ],
            &["a0", "a2"],
        );
    }

    #[test]
    fn naming_the_same_people_is_not_saying_what_they_did() {
        check(
            &[
                "Mayor Lena Ortiz of Velmar urged residents to stay calm.",
                "Mayor Lena Ortiz of Velmar opened a library.",
                "Residents should stay calm, Mayor Lena Ortiz of Velmar urged.",
                "The harbour reopened on Monday after repairs to the sea wall.",
                "Shipping resumed at the harbour as crews cleared debris from the sea wall.",
            ],
            &["a0", "a2"],
        );
    }

    #[test]
    fn a_place_the_sentence_names_needs_an_outlet_that_names_it() {
        check(
            &[
                "Une réunion doit se tenir jeudi en préfecture à Charleville-Mézières avec les syndicats.",
                "Une réunion doit se tenir jeudi en préfecture avec les syndicats.",
                "Les syndicats sont convoqués à Charleville-Mézières. Une réunion doit se tenir jeudi en préfecture avec les syndicats.",
            ],
            &["a0", "a2"],
        );
    }

    #[test]
    fn naming_the_same_officials_by_their_titles_is_not_saying_the_same() {
        check(
            &[
                "Prosecutor Dan Reyes told the judge the theft had been deliberate.",
                "\"It was a scheme,\" prosecutor Dan Reyes told the judge in court.",
                "Prosecutor Dan Reyes told the court that the theft had been deliberate.",
            ],
            &["a0", "a2"],
        );
    }

    #[test]
    fn a_namesake_is_not_the_person_named() {
        check(
            &[
                "Engineer Lena Okafor inspected the damaged eastern pier of the harbour on Monday.",
                "Engineer Marcus Okafor inspected the damaged eastern pier of the harbour on Monday.",
                "Ms. Okafor inspected the damaged eastern pier of the harbour on Monday.",
            ],
            &["a0", "a2"],
        );
    }
}
