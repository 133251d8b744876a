//! Pieces of hand-written scanners that find exactly what a regular expression finds. Each
//! piece gives the places where it can end, in the order the expression prefers them (greedy
//! repetitions longest first, an option taken before it is left out, alternatives in their
//! order); a scanner tries them in turn, backtracking as the expression would, from the leftmost
//! start. A scanner costs nothing before it runs, where compiling its expression cost a
//! millisecond or two, most of what a brief of one web page takes.

use parallax_text::chars::{is_digit, is_word};

/// The end of one of `chars` at `at`.
pub(super) fn one_of(text: &str, at: usize, chars: &[char]) -> Option<usize> {
    let c = text[at..].chars().next().filter(|c| chars.contains(c))?;
    Some(at + c.len_utf8())
}

/// Whether `\b` holds at `at`: a word character on one side of it and none on the other.
pub(super) fn is_word_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back().is_some_and(is_word);
    let after = text[at..].chars().next().is_some_and(is_word);
    before != after
}

/// Whether a lowercased text holds `phrase` as whole words.
pub(super) fn holds_phrase(lower: &str, phrase: &str) -> bool {
    lower
        .match_indices(phrase)
        .any(|(at, _)| is_word_boundary(lower, at) && ends_word(lower, at + phrase.len()))
}

/// The ends of `\s?` at `at`: one space, then none.
pub(super) fn optional_spaces(text: &str, at: usize) -> Vec<usize> {
    match text[at..].chars().next().filter(|c| c.is_whitespace()) {
        Some(c) => vec![at + c.len_utf8(), at],
        None => vec![at],
    }
}

/// Where a match may start: each character with no word character before it (`\b` before a
/// word character; a non-word character there matches no scanner's first piece anyway).
pub(super) fn starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    starts_from(text, 0)
}

/// [`starts`] at or after byte `from`, the character before `from` read as the text has it.
pub(super) fn starts_from(text: &str, from: usize) -> impl Iterator<Item = usize> + '_ {
    let mut before_is_word = text[..from].chars().next_back().is_some_and(is_word);
    text[from..].char_indices().filter_map(move |(i, c)| {
        let start = !before_is_word;
        before_is_word = is_word(c);
        start.then_some(from + i)
    })
}

/// Whether no word character follows `at` (`\b` after a word character).
pub(super) fn ends_word(text: &str, at: usize) -> bool {
    !text[at..].chars().next().is_some_and(is_word)
}

/// The ends of `\d{min,max}` at `at`, longest first.
pub(super) fn digits(text: &str, at: usize, min: usize, max: usize) -> Vec<usize> {
    let mut ends = vec![];
    for (i, c) in text[at..].char_indices().take(max) {
        if !is_digit(c) {
            break;
        }
        ends.push(at + i + c.len_utf8());
    }
    ends.drain(..min.saturating_sub(1).min(ends.len()));
    ends.reverse();
    ends
}

/// The ends of `\s*` (`least` 0) or `\s+` (`least` 1) at `at`, longest first.
pub(super) fn spaces(text: &str, at: usize, least: usize) -> Vec<usize> {
    let mut ends = vec![at];
    for (i, c) in text[at..].char_indices() {
        if !c.is_whitespace() {
            break;
        }
        ends.push(at + i + c.len_utf8());
    }
    ends.drain(..least.min(ends.len()));
    ends.reverse();
    ends
}

/// The ends of `(?i)(?:w1|w2|…)` at `at`, in the order of `words`.
pub(super) fn words(text: &str, at: usize, words: &[&str]) -> Vec<usize> {
    let rest = &text[at..];
    // Most words of a long list (the months of every language) differ from the text in their
    // first character: what that character folds to is worked out once, not once a word.
    let opens = FirstFold::of(rest);
    words
        .iter()
        .filter(|w| opens.may_open(w))
        .filter_map(|w| folded_prefix(rest, w).map(|len| at + len))
        .collect()
}

/// What the first character of a text matches under [`folds_to`]: itself, its lowercase when
/// that is one character, and "s" when it is the long s.
struct FirstFold {
    /// The text's first character, if any.
    first: Option<char>,
    /// Its lowercase, when that is one character.
    lower: Option<char>,
    /// Whether it is the long s.
    long_s: bool,
}

impl FirstFold {
    /// What the first character of `text` matches.
    fn of(text: &str) -> Self {
        let first = text.chars().next();
        let lower = first.and_then(|c| {
            let mut lower = c.to_lowercase();
            lower.next().filter(|_| lower.next().is_none())
        });
        FirstFold {
            first,
            lower,
            long_s: first == Some('\u{17F}'),
        }
    }

    /// Whether `word` may match at the start of the text: it is empty (it matches anywhere), or
    /// its first character is one the text's first character folds to, as [`folds_to`] has it.
    fn may_open(&self, word: &str) -> bool {
        word.chars().next().is_none_or(|w| {
            self.first == Some(w) || self.lower == Some(w) || self.long_s && w == 's'
        })
    }
}

/// The ends of `(?i)(?:w1|w2|…)?` at `at`: each word that matches, in order, then none.
pub(super) fn optional_word(text: &str, at: usize, options: &[&str]) -> Vec<usize> {
    let mut ends = words(text, at, options);
    ends.push(at);
    ends
}

/// The ends of `(?i)(?:w1\s+|w2\s+|…)?` at `at`: each word with its spaces longest first, in
/// order, then none.
pub(super) fn optional_word_spaces(text: &str, at: usize, options: &[&str]) -> Vec<usize> {
    let mut ends: Vec<usize> = words(text, at, options)
        .into_iter()
        .flat_map(|w| spaces(text, w, 1))
        .collect();
    ends.push(at);
    ends
}

/// The length in `text` of a case-insensitive match of the lowercase `word` at its start, as
/// `(?i)` matches: each character the word's or one that folds to it (the long s to "s").
fn folded_prefix(text: &str, word: &str) -> Option<usize> {
    let mut len = 0;
    let mut chars = text.chars();
    for w in word.chars() {
        let c = chars.next()?;
        if !folds_to(c, w) {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

/// Whether `c` matches the lowercase `w` under case-insensitive matching: itself, its capital,
/// or a character whose lowercase it is (the Kelvin sign for "k"), or the long s for "s".
fn folds_to(c: char, w: char) -> bool {
    if c == w {
        return true;
    }
    let mut lower = c.to_lowercase();
    (lower.next() == Some(w) && lower.next().is_none()) || (c == '\u{17F}' && w == 's')
}

/// Texts drawn at random for the scanners' tests: one of `shapes`, each piece now and then left
/// out or replaced by one of `pieces`, with up to two of `pieces` added on either side.
#[cfg(test)]
pub(super) fn random_texts(shapes: &[&[&str]], pieces: &[&str], count: usize) -> Vec<String> {
    let mut below = crate::testing::below(0x2545_f491_4f6c_dd1d);
    (0..count)
        .map(|_| {
            let mut text = String::new();
            for _ in 0..below(3) {
                text.push_str(pieces[below(pieces.len())]);
            }
            for piece in shapes[below(shapes.len())] {
                match below(8) {
                    0 => {}
                    1 => text.push_str(pieces[below(pieces.len())]),
                    _ => text.push_str(piece),
                }
            }
            for _ in 0..below(3) {
                text.push_str(pieces[below(pieces.len())]);
            }
            text
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `words` as first written: each word folded against the text in full.
    fn words_plainly(text: &str, at: usize, words: &[&str]) -> Vec<usize> {
        words
            .iter()
            .filter_map(|w| folded_prefix(&text[at..], w).map(|len| at + len))
            .collect()
    }

    #[test]
    fn words_are_found_as_folding_each_word_in_full_finds_them() {
        let months: Vec<&str> = parallax_core::calendar::month_names_any().collect();
        let lists: [&[&str]; 4] = [
            &months,
            &["st", "nd", "rd", "th", "er", ".", "º"],
            &["", "s", "sept", "ſ", "k", "i̇", "de", "del"],
            &["é", "ä", "straße", "ss", "ǅ", "ǆ"],
        ];
        let shapes: &[&[&str]] = &[
            &["3", " ", "März", " ", "2024"],
            &["SEPT", ".", " ", "12th"],
            &["ſeptember", " ", "\u{212A}", "de", " ", "mayo"],
            &["Ǆ", "Éte", "İ", "ß", " del "],
        ];
        let pieces = [
            " ", "s", "S", "ſ", "\u{212A}", "k", "K", "é", "É", "ǅ", "İ", "1", ".", "º", "de",
            "ST", "日", "",
        ];
        for text in random_texts(shapes, &pieces, 3_000) {
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                for list in lists {
                    assert_eq!(
                        words(&text, at, list),
                        words_plainly(&text, at, list),
                        "{text:?} at {at}"
                    );
                }
            }
        }
    }
}
