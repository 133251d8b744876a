//! The character classes of the regular expressions that hand-written scanners replace (analyze's
//! dates and speaker gaps, extract's datelines), read from the same Unicode tables the `regex`
//! crate reads (`regex-syntax`): `\w`, `\s`, `\d`, `\p{L}`, `\p{Lu}`, `\p{Ll}`, and
//! case-insensitive comparison with a lowercase letter. ASCII is answered without a table; a
//! class's table is built on the first character beyond ASCII that asks.

use std::sync::LazyLock;

use regex_syntax::hir::{Class, HirKind};

/// A Unicode class as sorted ranges.
struct Ranges(Vec<(char, char)>);

impl Ranges {
    /// The ranges of a class such as `\p{Lu}`, as the regex crate reads it.
    fn of(class: &str) -> Self {
        let ranges = regex_syntax::parse(class)
            .ok()
            .and_then(|hir| match hir.kind() {
                HirKind::Class(Class::Unicode(c)) => {
                    Some(c.ranges().iter().map(|r| (r.start(), r.end())).collect())
                }
                _ => None,
            })
            .unwrap_or_default();
        Self(ranges)
    }

    fn contains(&self, c: char) -> bool {
        self.0
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }
}

static UPPER: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\p{Lu}"));
static LOWER: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\p{Ll}"));
static LETTER: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\p{L}"));
static DIGIT: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\d"));

/// `\p{Lu}`: an uppercase letter.
#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        UPPER.contains(c)
    }
}

/// `\p{Ll}`: a lowercase letter.
#[inline]
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        LOWER.contains(c)
    }
}

/// `\p{L}`: a letter.
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        LETTER.contains(c)
    }
}

/// `\d`: a decimal digit of any script.
#[inline]
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        DIGIT.contains(c)
    }
}

/// `\w`: a letter, mark, decimal digit or connector of any script.
#[inline]
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        regex_syntax::try_is_word_character(c).unwrap_or(false)
    }
}

/// `\s`: Unicode white space (the same property as [`char::is_whitespace`]).
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Whether `c` matches the lowercase letter `letter` under `(?i)`: Unicode simple case folding,
/// which also folds the Kelvin sign into "k" and the long s into "s".
#[inline]
pub fn folds_to(c: char, letter: char) -> bool {
    if c.is_ascii() {
        return c.to_ascii_lowercase() == letter;
    }
    if c == '\u{17F}' {
        return letter == 's';
    }
    let mut lower = c.to_lowercase();
    lower.next() == Some(letter) && lower.next().is_none()
}

/// The length in bytes of `text`'s prefix that matches the lowercase `word` under `(?i)`, if it
/// does.
#[inline]
pub fn starts_with_folded(text: &str, word: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for w in word.chars() {
        let (_, c) = chars.next()?;
        if !folds_to(c, w) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| i))
}

/// The end of the run of `\s` starting at byte `from` of `text` (`from` itself when there is
/// none).
#[inline]
pub fn space_end(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + (rest.len() - rest.trim_start_matches(is_space).len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character, for comparing a predicate with the class it stands for.
    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10FFFF_u32).filter_map(char::from_u32)
    }

    #[track_caller]
    fn check(class: &str, predicate: impl Fn(char) -> bool) {
        let ranges = Ranges::of(class);
        assert!(!ranges.0.is_empty(), "{class}");
        for c in every_char() {
            assert_eq!(predicate(c), ranges.contains(c), "{class} {c:?}");
        }
    }

    #[test]
    fn classes_are_the_regex_crates() {
        check(r"\p{Lu}", is_upper);
        check(r"\p{Ll}", is_lower);
        check(r"\p{L}", is_letter);
        check(r"\d", is_digit);
        check(r"\w", is_word);
        check(r"\s", is_space);
    }

    #[test]
    fn folding_is_the_regex_crates() {
        for letter in ('a'..='z').chain(['á', 'é', 'í', 'ó', 'ú', 'ñ', 'ä', 'ö', 'ü', 'ç'])
        {
            check(&format!("(?i)[{letter}]"), |c| folds_to(c, letter));
        }
    }

    #[test]
    fn prefixes_fold() {
        assert_eq!(starts_with_folded("ALSO said", "also"), Some(4));
        assert_eq!(starts_with_folded("Tambi\u{c9}n", "también"), Some(8));
        assert_eq!(starts_with_folded("al", "also"), None);
        assert_eq!(space_end("a  \u{a0}b", 1), 5);
    }
}
