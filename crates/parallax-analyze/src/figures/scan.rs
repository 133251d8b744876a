//! Tokens of a sentence for the quantity grammar: digit runs (with their inner separators),
//! words (with inner apostrophes) and single punctuation marks, each knowing whether space
//! stands before it.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// Digits with inner `.`, `,` or no-break-space separators ("3,000", "2,5", "5 000").
    Digits,
    /// Letters, with inner apostrophes ("o'clock", "d'euros").
    Word,
    /// Any other single character.
    Punct,
}

/// One token, as byte offsets into the sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    pub start: usize,
    pub end: usize,
    pub class: Class,
    /// Whether whitespace separates it from the token before.
    pub gap: bool,
}

fn is_nbsp(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Splits a sentence into tokens. Linear in its length.
pub(super) fn tokens(text: &str) -> Vec<Token> {
    // A token and the space after it take five bytes or more in nearly all text.
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    // Positions are byte offsets; the character at one, and the offset just past it.
    let bytes = text.as_bytes();
    // ASCII (nearly all of it) read as bytes, other characters decoded.
    let at = |k: usize| match bytes.get(k) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(k..).and_then(|rest| rest.chars().next()),
        None => None,
    };
    let after = |k: usize| k + at(k).map_or(1, char::len_utf8);
    let mut k = 0;
    let mut gap = false;
    while let Some(c) = at(k) {
        if c.is_whitespace() {
            gap = true;
            k = after(k);
            continue;
        }
        let start = k;
        let class = if c.is_ascii_digit() {
            k = after(k);
            loop {
                // ASCII digits are taken as bytes, and ASCII that is no separator ends the run,
                // without reading the character after.
                k += ascii_run(bytes, k, u8::is_ascii_digit);
                if bytes
                    .get(k)
                    .is_some_and(|&b| b.is_ascii() && !matches!(b, b'.' | b','))
                {
                    break;
                }
                let Some(c) = at(k) else {
                    break;
                };
                let next = after(k);
                let next_digit = at(next).is_some_and(|n| n.is_ascii_digit());
                let separator = matches!(c, '.' | ',') && next_digit
                    || is_nbsp(c) && three_digits_then_end(text, next);
                if c.is_ascii_digit() || separator {
                    k = next;
                } else {
                    break;
                }
            }
            Class::Digits
        } else if c.is_alphabetic() {
            k = after(k);
            loop {
                // ASCII letters likewise; other ASCII, but for an apostrophe, ends the word.
                k += ascii_run(bytes, k, u8::is_ascii_alphabetic);
                if bytes.get(k).is_some_and(|&b| b.is_ascii() && b != b'\'') {
                    break;
                }
                let Some(c) = at(k) else {
                    break;
                };
                let next = after(k);
                let next_letter = at(next).is_some_and(char::is_alphabetic);
                if c.is_alphabetic() || (matches!(c, '\'' | '’') && next_letter) {
                    k = next;
                } else {
                    break;
                }
            }
            Class::Word
        } else {
            k = after(k);
            Class::Punct
        };
        out.push(Token {
            start,
            end: k.min(text.len()),
            class,
            gap,
        });
        gap = false;
    }
    out
}

/// How many bytes from `k` on `keep` takes, one after another.
#[inline]
fn ascii_run(bytes: &[u8], k: usize, keep: impl Fn(&u8) -> bool) -> usize {
    bytes
        .get(k..)
        .map_or(0, |rest| rest.iter().take_while(|b| keep(b)).count())
}

/// Whether exactly three digits start at byte `k` and no digit follows them.
fn three_digits_then_end(text: &str, k: usize) -> bool {
    let digit = |j: usize| text.as_bytes().get(j).is_some_and(u8::is_ascii_digit);
    (k..k + 3).all(digit) && !digit(k + 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_words_and_marks() {
        let text = "Some 3,000 d'euros, 5\u{a0}000 km at 10:24 (6-3).";
        let toks: Vec<(&str, Class, bool)> = tokens(text)
            .iter()
            .map(|t| (&text[t.start..t.end], t.class, t.gap))
            .collect();
        assert_eq!(toks[1], ("3,000", Class::Digits, true));
        assert_eq!(toks[2], ("d'euros", Class::Word, true));
        assert_eq!(toks[4], ("5\u{a0}000", Class::Digits, true));
        assert!(toks.contains(&(":", Class::Punct, false)));
        assert!(toks.contains(&("-", Class::Punct, false)));
    }

    /// The character-by-character reading `tokens` once was, kept as the reference its byte
    /// runs must agree with.
    fn tokens_by_chars(text: &str) -> Vec<(usize, usize, Class, bool)> {
        let at = |k: usize| text.get(k..).and_then(|rest| rest.chars().next());
        let after = |k: usize| k + at(k).map_or(1, char::len_utf8);
        let (mut out, mut k, mut gap) = (Vec::new(), 0, false);
        while let Some(c) = at(k) {
            if c.is_whitespace() {
                gap = true;
                k = after(k);
                continue;
            }
            let start = k;
            k = after(k);
            let class = if c.is_ascii_digit() {
                while let Some(c) = at(k) {
                    let next = after(k);
                    let next_digit = at(next).is_some_and(|n| n.is_ascii_digit());
                    let separator = matches!(c, '.' | ',') && next_digit
                        || is_nbsp(c) && three_digits_then_end(text, next);
                    if !(c.is_ascii_digit() || separator) {
                        break;
                    }
                    k = next;
                }
                Class::Digits
            } else if c.is_alphabetic() {
                while let Some(c) = at(k) {
                    let next = after(k);
                    let next_letter = at(next).is_some_and(char::is_alphabetic);
                    if !(c.is_alphabetic() || (matches!(c, '\'' | '’') && next_letter)) {
                        break;
                    }
                    k = next;
                }
                Class::Word
            } else {
                Class::Punct
            };
            out.push((start, k.min(text.len()), class, gap));
            gap = false;
        }
        out
    }

    #[test]
    fn byte_runs_agree_with_reading_by_chars() {
        let pieces = [
            "a", "Z", "7", "0", " ", "\t", ".", ",", "'", "’", "-", "é", "ß", "٣", "中", "\u{a0}",
            "\u{202f}", "000", "3,5", "d'", "o’c", "\u{2003}", "$", "%", "İ",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..4000 {
            let mut text = String::new();
            for _ in 0..(seed % 20) {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let got: Vec<(usize, usize, Class, bool)> = tokens(&text)
                .iter()
                .map(|t| (t.start, t.end, t.class, t.gap))
                .collect();
            assert_eq!(got, tokens_by_chars(&text), "{text:?}");
        }
    }
}
