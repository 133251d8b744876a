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
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let offset = |k: usize| chars.get(k).map_or(text.len(), |&(o, _)| o);
    let mut k = 0;
    let mut gap = false;
    while let Some(c) = at(k) {
        if c.is_whitespace() {
            gap = true;
            k += 1;
            continue;
        }
        let start = k;
        let class = if c.is_ascii_digit() {
            k += 1;
            while let Some(c) = at(k) {
                let next_digit = at(k + 1).is_some_and(|n| n.is_ascii_digit());
                let separator = matches!(c, '.' | ',') && next_digit
                    || is_nbsp(c) && three_digits_then_end(&chars, k + 1);
                if c.is_ascii_digit() || separator {
                    k += 1;
                } else {
                    break;
                }
            }
            Class::Digits
        } else if c.is_alphabetic() {
            k += 1;
            while let Some(c) = at(k) {
                let next_letter = at(k + 1).is_some_and(char::is_alphabetic);
                if c.is_alphabetic() || (matches!(c, '\'' | '’') && next_letter) {
                    k += 1;
                } else {
                    break;
                }
            }
            Class::Word
        } else {
            k += 1;
            Class::Punct
        };
        out.push(Token {
            start: offset(start),
            end: offset(k),
            class,
            gap,
        });
        gap = false;
    }
    out
}

/// Whether exactly three digits start at `k` and no digit follows them.
fn three_digits_then_end(chars: &[(usize, char)], k: usize) -> bool {
    (k..k + 3).all(|j| chars.get(j).is_some_and(|&(_, c)| c.is_ascii_digit()))
        && !chars.get(k + 3).is_some_and(|&(_, c)| c.is_ascii_digit())
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
}
