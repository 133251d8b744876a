//! Sentence splitting that survives news abbreviations ("U.S.", "Gen.", "Feb. 7"), initials and
//! quotations that run over several sentences.

use foldhash::HashSet;
use std::sync::LazyLock;

use crate::lexicon::{Abbreviation, ABBREVIATIONS, STOPWORDS, TITLES};

/// Month names of four languages (data/months.txt).
static MONTHS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/months.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Byte ranges of the sentences of one paragraph.
pub fn split_sentences(paragraph: &str) -> Vec<(usize, usize)> {
    let quoted = closed_quote_spans(paragraph);
    let inside_quote = |i: usize| {
        let k = quoted.partition_point(|&(s, _)| s < i);
        k > 0 && quoted.get(k - 1).is_some_and(|&(_, e)| i < e)
    };
    // A boundary inside a quotation that closes later in the paragraph is not one.
    // Positions are byte offsets, read character by character as the scan goes: no table of
    // the paragraph's characters (sixteen bytes a byte of text).
    let char_at = |b: usize| paragraph.get(b..).and_then(|r| r.chars().next());
    let mut sentences = Vec::new();
    let mut start = 0;
    // The first byte not yet scanned: a run of marks is taken whole.
    let mut k = 0;
    for (i, c) in paragraph.char_indices() {
        if i < k || !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Take the whole run of terminal marks and closing quotes or brackets.
        let mut j = i + c.len_utf8();
        while let Some(d) = char_at(j).filter(|&d| {
            matches!(
                d,
                '.' | '!'
                    | '?'
                    | '…'
                    | '"'
                    | '”'
                    | '’'
                    | '\''
                    | ')'
                    | ']'
                    | '“'
                    | '»'
                    | '«'
                    | '›'
                    | '‹'
                    | '」'
                    | '』'
            )
        }) {
            j += d.len_utf8();
        }
        let end = j;
        let next_is_space = char_at(j).is_some_and(char::is_whitespace);
        let mut n = j;
        while let Some(d) = char_at(n).filter(|d| d.is_whitespace()) {
            n += d.len_utf8();
        }
        let next_starts_sentence = char_at(n).is_some_and(|c| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '"' | '“'
                        | '‘'
                        | '('
                        | '\''
                        | '„'
                        | '«'
                        | '»'
                        | '‹'
                        | '›'
                        | '「'
                        | '`'
                        | '¿'
                        | '¡'
                )
        });
        let attributed_after = paragraph.get(i..end).is_some_and(asks_or_exclaims)
            && paragraph.get(n..).is_some_and(attribution_follows);
        if next_is_space
            && next_starts_sentence
            && !inside_quote(end)
            && !attributed_after
            && !is_abbreviation(paragraph, i, c, n)
            && !is_ordinal(paragraph, i, c, n)
        {
            sentences.push((start, end));
            start = n;
        }
        k = j;
    }
    if start < paragraph.len() && !paragraph[start..].trim().is_empty() {
        sentences.push((start, paragraph.trim_end().len().max(start)));
    }
    sentences
}

/// Whether a run of terminal marks is a question or exclamation closing a quotation: `?”`,
/// `!"`.
fn asks_or_exclaims(run: &str) -> bool {
    let quote_closes = |c: char| matches!(c, '"' | '”' | '’' | '\'' | '»' | '«');
    run.chars().any(|c| matches!(c, '?' | '!')) && run.chars().last().is_some_and(quote_closes)
}

/// Whether `rest` opens with a name and a verb of speech that ends the clause: `Venn said.`,
/// `Mr. Venn asked,` — the attribution of the quotation before it, which ends no sentence
/// (`“Will you?” Venn said.`). A name is one to four capitalised words.
fn attribution_follows(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    for k in 0..5 {
        let Some(word) = words.next() else {
            return false;
        };
        let bare = word.trim_end_matches(['.', ',', ';', '!']);
        if k > 0 && crate::quotes::words::is_finite_speech_verb(bare) {
            // "Venn continued, “…”" leads into the next quotation instead.
            let leads_in =
                word.ends_with(',') && words.next().is_some_and(crate::quotes::marks::opens_quote);
            return word.len() > bare.len() && !word.ends_with(';') && !leads_in;
        }
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase);
        // Only a title's abbreviation ("Mr.", "Sen.") may end with a full stop within a name.
        if !capitalised || word.len() > bare.len() && bare.chars().count() > 3 {
            return false;
        }
    }
    false
}

/// Whether the full stop at byte `dot` ends an abbreviation rather than the sentence.
fn is_abbreviation(text: &str, dot: usize, mark: char, next: usize) -> bool {
    if mark != '.' {
        return false;
    }
    // Tokenised text puts a space before the full stop ("Mr . Smith", "George W . Bush"): the
    // word before the space is the one the stop belongs to.
    let spaced = text[..dot].ends_with(' ');
    let before = text[..dot].strip_suffix(' ').unwrap_or(&text[..dot]);
    if before.ends_with(char::is_whitespace) {
        return false;
    }
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    // Spaced, only a capitalised word is read as abbreviated: "the answer is no . Then" ends.
    if word.is_empty() || spaced && !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // A single capital letter: an initial ("J. K. Rowling"), not the pronoun "I", nor a letter
    // after a lowercase word other than a role, which no name's initial follows ("escribió en X.
    // Molina dijo", "switched to plan B. Then"; but "spokesman L. Ari Fleischer").
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) && word != "I" {
        let before_word = text[..word_start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        let after_lowercase = before_word.chars().next().is_some_and(char::is_lowercase)
            && !TITLES.contains(before_word);
        // "said L. Ari Fleischer": a name of two words after the letter makes it an initial.
        let rest = text.get(next..).unwrap_or("");
        let name_after = rest
            .split_whitespace()
            .take(2)
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count()
            == 2;
        // "a indiqué M. Verdier": a letter that abbreviates a title (monsieur) goes on to a name.
        let title_before_name = ABBREVIATIONS.contains_key(word)
            && rest
                .split_whitespace()
                .next()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        return !after_lowercase || name_after || title_before_name;
    }
    let lower = word.to_lowercase();
    let next_word: String = text
        .get(next..)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'')
        .collect();
    // Initials run together ("A.J. Smith") read like a known abbreviation that a sentence may
    // end on.
    let initials = word.split('.').count() >= 2
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    let goes_on = !next_word.is_empty() && !STOPWORDS.contains(next_word.to_lowercase().as_str());
    // "shortly after 7 a.m. (0700 GMT), said": an aside in brackets after an abbreviation that
    // the sentence goes on after is the sentence's.
    if ABBREVIATIONS.contains_key(lower.as_str()) && continues_after_brackets(text, next) {
        return true;
    }
    match ABBREVIATIONS.get(lower.as_str()) {
        Some(Abbreviation::Continued) => true,
        // "U.S. officials" continues; "in the U.S. The" ends.
        Some(Abbreviation::Either) => goes_on,
        // "at 4 p.m. Sunday" and "9 a.m. EST" continue; "at 10:30 a.m. Oregon State Police
        // responded" ends.
        Some(Abbreviation::TimeOfDay) => {
            goes_on
                && (!next_word.starts_with(char::is_uppercase)
                    || next_word.chars().all(|c| c.is_uppercase())
                    || MONTHS.contains(next_word.to_lowercase().as_str())
                    || parallax_core::calendar::weekday_from_name_any(&next_word).is_some())
        }
        None if initials => goes_on,
        None => false,
    }
}

/// Characters an aside in brackets after an abbreviation holds at most.
const MAX_ASIDE_CHARS: usize = 60;

/// Whether the text at byte `at` is an aside in brackets after which the sentence goes on: the
/// closing bracket comes soon, and a comma, a semicolon, a full stop or a lowercase word follows.
fn continues_after_brackets(text: &str, at: usize) -> bool {
    let Some(aside) = text.get(at..).and_then(|r| r.strip_prefix('(')) else {
        return false;
    };
    let Some(close) = aside
        .char_indices()
        .take(MAX_ASIDE_CHARS)
        .find(|&(_, c)| matches!(c, ')' | '('))
        .filter(|&(_, c)| c == ')')
        .map(|(i, _)| i)
    else {
        return false;
    };
    aside[close + 1..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| matches!(c, ',' | ';' | '.' | ':') || c.is_lowercase())
}

/// Whether the full stop at byte `dot` follows a day or ordinal number before a month name ("am
/// Sonntag (27. Oktober)", "le 1. mai"): German and other writers' ordinals, not a sentence end.
fn is_ordinal(text: &str, dot: usize, mark: char, next: usize) -> bool {
    if mark != '.' {
        return false;
    }
    let digits = text[..dot]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .count();
    let before_digits = text[..dot - digits].chars().next_back();
    if !(1..=2).contains(&digits) || before_digits.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let next_word: String = text
        .get(next..)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    MONTHS.contains(next_word.as_str())
}

/// Byte spans of quoted passages (any language's marks) that close within the paragraph.
pub fn closed_quote_spans(text: &str) -> Vec<(usize, usize)> {
    crate::quotes::marks::closed_quote_spans(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = split_sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn initials_run_together_do_not_end_sentences() {
        check(
            "General manager A.J. Smith said so. The club thanked J.R. Ewing. The fans left.",
            &[
                "General manager A.J. Smith said so.",
                "The club thanked J.R. Ewing.",
                "The fans left.",
            ],
        );
    }

    #[test]
    fn a_letter_after_a_lowercase_word_is_no_initial() {
        check(
            "Escribió el ministro en X. Molina dijo que habló con todos.",
            &[
                "Escribió el ministro en X.",
                "Molina dijo que habló con todos.",
            ],
        );
        check(
            "The novel by Ana J. Molina sold well. They switched to plan B. Then it rained.",
            &[
                "The novel by Ana J. Molina sold well.",
                "They switched to plan B.",
                "Then it rained.",
            ],
        );
        // A letter that is a title goes on to the name: "M." for monsieur.
        check(
            "« Nous verrons », a indiqué M. Verdier. Le train est reparti.",
            &[
                "« Nous verrons », a indiqué M. Verdier.",
                "Le train est reparti.",
            ],
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        check(
            "Gen. Mark Milley met U.S. officials on Feb. 7 in Washington. J. K. Rowling was not there.",
            &["Gen. Mark Milley met U.S. officials on Feb. 7 in Washington.", "J. K. Rowling was not there."],
        );
        check(
            "He lives in the U.S. The rest is history.",
            &["He lives in the U.S.", "The rest is history."],
        );
    }

    #[test]
    fn a_capitalised_word_after_a_time_of_day_opens_a_sentence_unless_it_is_a_day_or_zone() {
        check(
            "The crew declared an emergency at 12:48 p.m. Harwick's runway was closed.",
            &[
                "The crew declared an emergency at 12:48 p.m.",
                "Harwick's runway was closed.",
            ],
        );
        check(
            "They met at 4 p.m. Sunday and at 9 a.m. EST on Monday.",
            &["They met at 4 p.m. Sunday and at 9 a.m. EST on Monday."],
        );
        check(
            "It opened at 8 a.m. local time.",
            &["It opened at 8 a.m. local time."],
        );
        check(
            "It hit a sandbank shortly after 7 a.m. (0700 GMT), said the coastguard. All were safe.",
            &[
                "It hit a sandbank shortly after 7 a.m. (0700 GMT), said the coastguard.",
                "All were safe.",
            ],
        );
        check(
            "It happened at 7 a.m. (Reuters had the first report.) Then the roads closed.",
            &[
                "It happened at 7 a.m.",
                "(Reuters had the first report.)",
                "Then the roads closed.",
            ],
        );
    }

    #[test]
    fn tokenised_text_spaces_the_stop_of_an_abbreviation_or_initial() {
        check(
            "Const . Ivo Brand and George W . Bush arrived . He left .",
            &[
                "Const . Ivo Brand and George W . Bush arrived .",
                "He left .",
            ],
        );
        check(
            "The answer was no . Then so did I . It rained .",
            &["The answer was no .", "Then so did I .", "It rained ."],
        );
    }

    #[test]
    fn quotations_stay_whole() {
        check(
            "“We are in the window. Any day now, it could happen,” Sullivan said. He left.",
            &[
                "“We are in the window. Any day now, it could happen,” Sullivan said.",
                "He left.",
            ],
        );
        check(
            "He said: “It is over.” Then he left.",
            &["He said: “It is over.”", "Then he left."],
        );
    }

    #[test]
    fn ordinal_dates_do_not_end_sentences() {
        check(
            "Die Wahl fand am Sonntag (27. Oktober) statt. Danach sprach sie.",
            &[
                "Die Wahl fand am Sonntag (27. Oktober) statt.",
                "Danach sprach sie.",
            ],
        );
        check(
            "Am 3. März begann der Prozess. Er dauerte lange.",
            &["Am 3. März begann der Prozess.", "Er dauerte lange."],
        );
        check(
            "Sie kam am 27. Dann ging sie.",
            &["Sie kam am 27.", "Dann ging sie."],
        );
    }

    #[test]
    fn quotations_of_other_languages_stay_whole() {
        check(
            "Er sagte: „Wir bleiben. Wir kämpfen.“ Dann ging er.",
            &["Er sagte: „Wir bleiben. Wir kämpfen.“", "Dann ging er."],
        );
        check(
            "« Nous restons. Nous luttons », a déclaré le maire. Il est parti.",
            &[
                "« Nous restons. Nous luttons », a déclaré le maire.",
                "Il est parti.",
            ],
        );
    }

    #[test]
    fn a_question_quoted_before_its_speaker_ends_no_sentence() {
        check(
            "“Will you put your name to that?” Venn said. “I cannot say yet.”",
            &[
                "“Will you put your name to that?” Venn said.",
                "“I cannot say yet.”",
            ],
        );
        check(
            "“Stop!” Mr. Venn shouted, and the room went quiet.",
            &["“Stop!” Mr. Venn shouted, and the room went quiet."],
        );
        // A name that goes on with something other than the quote's attribution opens a
        // sentence of its own.
        check(
            "“Why now?” Venn said nothing for a while.",
            &["“Why now?”", "Venn said nothing for a while."],
        );
        check(
            "“Why now?” Reporters asked it all day.",
            &["“Why now?”", "Reporters asked it all day."],
        );
        // The verb leads into the next quotation: the chant before is another's.
        check(
            "The crowd shouted, “Step down!” Venn continued, “I will finish my term.”",
            &[
                "The crowd shouted, “Step down!”",
                "Venn continued, “I will finish my term.”",
            ],
        );
    }

    #[test]
    fn decimals_and_question_marks() {
        check(
            "Growth was 3.5 percent. Why? Nobody knows!",
            &["Growth was 3.5 percent.", "Why?", "Nobody knows!"],
        );
    }
}
