//! A cheap first test of whether a word can be one of a list's words: by its byte length and its
//! first and last bytes. Most words of running text fail it and are then not looked up.

/// What the words of a list can be: for each byte that opens one, the byte lengths of those it
/// opens (as bits; lengths of 63 bytes and more share the last), and which bytes end one.
pub(crate) struct WordShape {
    lengths_by_first: [u64; 256],
    last: [bool; 256],
}

impl WordShape {
    /// The shape of `words`, as written.
    pub(crate) fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut shape = Self {
            lengths_by_first: [0; 256],
            last: [false; 256],
        };
        for w in words {
            let bytes = w.as_bytes();
            if let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) {
                shape.lengths_by_first[usize::from(first)] |= length_bit(bytes.len());
                shape.last[usize::from(last)] = true;
            }
        }
        shape
    }

    /// Whether `word`, as written, is surely none of the words. An empty word is never ruled out.
    pub(crate) fn surely_not(&self, word: &str) -> bool {
        self.surely_not_bytes(word, |b| b)
    }

    /// Whether `word` is surely none of the words whatever its ASCII case, when the words are
    /// lowercase. A word outside ASCII is never ruled out.
    pub(crate) fn surely_not_ascii_folded(&self, word: &str) -> bool {
        word.is_ascii() && self.surely_not_bytes(word, |b| b.to_ascii_lowercase())
    }

    fn surely_not_bytes(&self, word: &str, fold: impl Fn(u8) -> u8) -> bool {
        let bytes = word.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return false;
        };
        self.lengths_by_first[usize::from(fold(first))] & length_bit(bytes.len()) == 0
            || !self.last[usize::from(fold(last))]
    }
}

/// The bit of a byte length in [`WordShape::lengths_by_first`].
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(word: &str, expected_surely_not: bool) {
        let shape = WordShape::of(["said", "told", "añadió"]);
        assert_eq!(shape.surely_not(word), expected_surely_not, "{word:?}");
    }

    #[test]
    fn a_word_of_another_length_or_first_or_last_byte_is_surely_not_listed() {
        check("said", false);
        check("sold", false); // same shape: looked up
        check("saidx", true);
        check("paid", true);
        check("sais", true);
        check("añadió", false);
        check("", false);
        check("Said", true);
        let shape = WordShape::of(["said"]);
        assert!(!shape.surely_not_ascii_folded("SAID"));
        assert!(shape.surely_not_ascii_folded("SAIL"));
        assert!(!shape.surely_not_ascii_folded("SAÏD"));
    }
}
