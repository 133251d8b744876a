//! The text layer every Parallax stage shares: word tokens with their byte spans, stems (cached),
//! the stopword list, and the loader of word lists kept as data files.
//!
//! ```
//! let text = "Al-Assad's aides cut 3.5% of U.S. staff.";
//! let words: Vec<&str> = parallax_text::tokens(text).iter().map(|t| t.text(text)).collect();
//! assert_eq!(words, ["Al-Assad", "aides", "cut", "3.5", "of", "U.S", "staff"]);
//! assert_eq!(parallax_text::stem("aides"), "aid");
//! assert!(parallax_text::is_stopword("of"));
//! ```

pub mod chars;
pub mod table;

pub use table::WordTable;

use foldhash::{HashMap, HashMapExt, HashSet};
use std::hash::BuildHasher;
use std::sync::{LazyLock, Mutex, PoisonError};

use rust_stemmers::{Algorithm, Stemmer};

/// The entries of a word list: one per line, trimmed, without blank lines and `#` comments.
pub fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of one key of a word list written `key: entry` a line ([`lines`]), in order, both
/// trimmed; empty entries left out.
pub fn keyed_lines<'k>(
    data: &'static str,
    key: &'k str,
) -> impl Iterator<Item = &'static str> + 'k {
    lines(data)
        .filter_map(|l| l.split_once(':'))
        .filter(move |(k, _)| k.trim() == key)
        .map(|(_, entry)| entry.trim())
        .filter(|entry| !entry.is_empty())
}

/// The words of a word list that holds several to a line.
pub fn list_words(data: &'static str) -> impl Iterator<Item = &'static str> {
    lines(data).flat_map(str::split_whitespace)
}

/// A set of words from a word list, hashed with the fast hasher every stage uses (the standard
/// library's SipHash costs several times more a lookup, and word lists need no defence against
/// chosen keys).
pub type WordSet = HashSet<&'static str>;

/// The lines of a word list ([`lines`]) as a set, sized for them from the start: a set collected
/// from an iterator that cannot tell its length grows step by step, hashing every word again at
/// each step, and start-up reads dozens of lists.
pub fn line_set<S: BuildHasher + Default>(
    data: &'static str,
) -> std::collections::HashSet<&'static str, S> {
    let mut set =
        std::collections::HashSet::with_capacity_and_hasher(lines_at_most(data), S::default());
    set.extend(lines(data));
    set
}

/// How many lines a text has at most: what a table of its entries is sized for.
pub fn lines_at_most(data: &str) -> usize {
    data.bytes().filter(|&b| b == b'\n').count() + 1
}

/// How many words a text has at most (words are separated by white space, so there are no more
/// than separators, plus one): what a table of its words is sized for.
pub fn words_at_most(data: &str) -> usize {
    data.bytes().filter(u8::is_ascii_whitespace).count() + 1
}

/// The words of a word list ([`list_words`]) as a set, sized for them from the start (see
/// [`line_set`]).
pub fn word_set<S: BuildHasher + Default>(
    data: &'static str,
) -> std::collections::HashSet<&'static str, S> {
    let mut set =
        std::collections::HashSet::with_capacity_and_hasher(words_at_most(data), S::default());
    set.extend(list_words(data));
    set
}

/// Lowercase function words of English (`data/stopwords.txt`); stages add their own noise words.
pub static STOPWORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../data/stopwords.txt")));

/// Whether a lowercase word is one of the function words of [`STOPWORDS`].
#[inline]
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(word)
}

/// The function words of French, German and Spanish, and the words of every news report in them
/// (`data/function_words/`), as word lists ([`list_words`]) by language (ISO 639-1).
pub const FUNCTION_WORD_LISTS: [(&str, &str); 3] = [
    ("fr", include_str!("../data/function_words/fr.txt")),
    ("de", include_str!("../data/function_words/de.txt")),
    ("es", include_str!("../data/function_words/es.txt")),
];

/// The function words of each language of [`FUNCTION_WORD_LISTS`], with those that are also
/// English words (`data/function_words/own_language.txt`: "war", "son", "la").
static FUNCTION_WORDS: LazyLock<Vec<(&'static str, HashSet<&'static str>)>> = LazyLock::new(|| {
    let own = include_str!("../data/function_words/own_language.txt");
    FUNCTION_WORD_LISTS
        .iter()
        .map(|&(language, list)| {
            let mut words: HashSet<&'static str> = word_set(list);
            for line in lines(own) {
                if let Some((l, more)) = line.split_once(':').filter(|(l, _)| *l == language) {
                    debug_assert_eq!(l, language);
                    words.extend(more.split_whitespace());
                }
            }
            (language, words)
        })
        .collect()
});

/// Whether a lowercase word is a function word of `language` (ISO 639-1) by its lists in
/// `data/function_words/`; false in a language without one (English's are [`STOPWORDS`]).
pub fn is_function_word_in(word: &str, language: &str) -> bool {
    if !FUNCTION_WORD_LISTS.iter().any(|(l, _)| *l == language) {
        return false;
    }
    FUNCTION_WORDS
        .iter()
        .any(|(l, words)| *l == language && words.contains(word))
}

/// One word of a text: its byte span, without a possessive "'s".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past its last character (before a possessive "'s").
    pub end: usize,
    /// Whether it is the first word of the text, or follows `.`, `!`, `?`, `:`, a line break, a
    /// double quote or `|`: capitalised by position rather than by being a name.
    pub sentence_start: bool,
    /// Whether punctuation stands between it and the previous word (which ends a name).
    pub after_punct: bool,
}

impl Token {
    /// The word as written.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The parts of a compound word between its hyphens and ampersands ("al-Assad" -> "al",
    /// "Assad"; "AT&T" -> "AT", "T"), for counting content terms word by word; a simple word is
    /// its own one part.
    #[inline]
    pub fn parts<'a>(&self, text: &'a str) -> impl Iterator<Item = &'a str> {
        self.text(text).split(['-', '&']).filter(|p| !p.is_empty())
    }
}

/// Splits text into words: runs of letters and digits, with `'`, `’`, `-` and `&` kept between two
/// of them ("al-Assad", "don't", "AT&T"), `.` and `,` between two digits ("3.5", "100,000"), and `.`
/// between single letters ("U.S", "e.g"; the final full stop is the sentence's). A possessive "'s"
/// is left out of the word.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6);
    out.extend(tokens_lazily(text));
    out
}

/// The words of [`tokens`], read one by one as they are asked for: a caller that needs only the
/// first words ("the first four words", "the first word that is a verb") reads no further.
pub fn tokens_lazily(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        at: 0,
        sentence_start: true,
        after_punct: false,
    }
}

/// The iterator of [`tokens_lazily`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    /// Byte offset of the next character to read.
    at: usize,
    sentence_start: bool,
    after_punct: bool,
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Read byte by byte: ASCII (nearly all of news) without decoding, other characters whole.
        while let Some((c, len)) = char_at(text, bytes, self.at) {
            if !is_word_char(c) {
                if matches!(c, '.' | '!' | '?' | '\n' | ':' | '"' | '“' | '|') {
                    self.sentence_start = true;
                }
                if !c.is_whitespace() {
                    self.after_punct = true;
                }
                self.at += len;
                continue;
            }
            let start = self.at;
            let end = word_end(text, start, start + len);
            self.at = end;
            let token = word_token(text, start, end, self.sentence_start, self.after_punct);
            self.sentence_start = false;
            self.after_punct = false;
            return Some(token);
        }
        None
    }
}

/// Where the word that starts at byte `start` of `text`, its first character read up to `end`,
/// ends.
#[inline]
fn word_end(text: &str, start: usize, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    // Where the current part began: an initialism's parts are single letters.
    let mut part_start = start;
    loop {
        // ASCII letters and digits, most of every word, are taken without decoding.
        end += bytes
            .get(end..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| ASCII_ALNUM[usize::from(b)])
            .count();
        let Some((d, dl)) = char_at(text, bytes, end) else {
            break;
        };
        if is_word_char(d) {
            end += dl;
            continue;
        }
        // Only these characters ever join (see `joins`): a space or other punctuation ends the
        // word without looking further.
        if !matches!(d, '\'' | '’' | '-' | '&' | ',' | '.') {
            break;
        }
        let rest = text.get(end + dl..).unwrap_or("");
        if !joins(d, &text[part_start..end], rest) {
            break;
        }
        end += dl;
        part_start = end;
    }
    end
}

/// The token of the word at `start..end` of `text`, a possessive "'s" left out.
#[inline]
fn word_token(
    text: &str,
    start: usize,
    end: usize,
    sentence_start: bool,
    after_punct: bool,
) -> Token {
    let word = &text[start..end];
    // Most words do not end in "s": their last byte rules out a possessive at once.
    let end = if word.ends_with('s') {
        start
            + word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("’s"))
                .unwrap_or(word)
                .len()
    } else {
        end
    };
    Token {
        start,
        end,
        sentence_start,
        after_punct,
    }
}

/// The character at byte `i` of `text` (a character boundary) and its length in bytes, ASCII
/// read without decoding: for loops that step through a text byte by byte. `bytes` is
/// `text.as_bytes()`, taken once by the caller.
#[inline]
pub fn char_at(text: &str, bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let b = *bytes.get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Whether each ASCII byte is a letter or digit: one load per byte of a word instead of three
/// range tests.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Whether a character belongs to a word: a letter or digit of any script.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        ASCII_ALNUM[c as usize]
    } else {
        c.is_alphanumeric()
    }
}

/// Whether the joiner `d` keeps the word going, between the part before it and the text after it.
fn joins(d: char, part: &str, rest: &str) -> bool {
    let mut next = rest.chars();
    let Some(n) = next.next().filter(|n| n.is_alphanumeric()) else {
        return false;
    };
    let prev = part.chars().next_back();
    match d {
        '\'' | '’' | '-' | '&' => true,
        ',' => prev.is_some_and(|p| p.is_ascii_digit()) && n.is_ascii_digit(),
        '.' if prev.is_some_and(|p| p.is_ascii_digit()) => n.is_ascii_digit(),
        '.' => {
            let single = |s: &str| {
                let mut cs = s.chars();
                cs.next().is_some_and(char::is_alphabetic) && cs.next().is_none()
            };
            single(part) && n.is_alphabetic() && !next.next().is_some_and(char::is_alphanumeric)
        }
        _ => false,
    }
}

/// Distinct words whose stems the process remembers; the cache is emptied when it is full.
pub const STEM_CACHE_WORDS: usize = 200_000;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// News reuses its words, and stemming is the costliest step of reading terms. One cache for all
/// threads: analysis stems a story's words on rayon's workers, and grouping and fusion, which run
/// on another thread, ask for the same words again. Boxed strings: an entry is two words
/// smaller than one of two `String`s, and so is the table.
static STEMS: LazyLock<Mutex<HashMap<Box<str>, Box<str>>>> =
    LazyLock::new(|| Mutex::new(HashMap::with_capacity(STEMS_AT_START)));

/// Distinct words the stem cache has room for from the start: a brief's cluster of ten articles
/// stems some 1,500, which then do not grow the cache step by step. No more: the words are
/// spread over the whole table, and each 4 KiB page of it the process touches first costs a
/// page fault (some microseconds, as much as thousands of instructions).
const STEMS_AT_START: usize = 2_048;

/// The German Snowball stemmer, made the first time a German word needs it.
static GERMAN_STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::German));

/// The stem of a lowercase word of `language`: German by its own Snowball stemmer, which
/// folds its case endings ("Verletzte", "Verletzten"), every other language by [`stem`].
pub fn stem_in(word: &str, language: &str) -> String {
    if language == "de" {
        GERMAN_STEMMER.stem(word).into_owned()
    } else {
        stem(word)
    }
}

/// The Snowball (English) stem of a lowercase word.
pub fn stem(word: &str) -> String {
    // Snowball leaves a word of fewer than three letters as it is ("not hop 3"): the shortest
    // words, among the commonest, need neither the lock nor the cache.
    if word.chars().nth(2).is_none() {
        return word.to_string();
    }
    // A panic elsewhere while the lock was held leaves a cache that is still valid.
    let cache = || STEMS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(s) = cache().get(word) {
        // Copied as a `str` (`to_string` of a box would go through `Display`).
        return String::from(&**s);
    }
    // Stemmed outside the lock, so that threads stemming new words do not wait on each other.
    let s = STEMMER.stem(word).into_owned();
    let mut cache = cache();
    if cache.len() >= STEM_CACHE_WORDS {
        cache.clear();
    }
    cache.insert(word.into(), s.as_str().into());
    s
}

/// Exactly `str::to_lowercase`, borrowed when nothing changes (most words of running text), so
/// that a lookup by lowercase word allocates only when it must.
#[inline]
pub fn lowercase(text: &str) -> std::borrow::Cow<'_, str> {
    // ASCII (nearly every word) is checked and lowered byte by byte, without the Unicode tables.
    if text.is_ascii() {
        return if text.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(text.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(text)
        };
    }
    // Up to the first character that lowercasing changes, the text is its own lowercase.
    let Some(first) = text
        .char_indices()
        .find_map(|(i, c)| changes(c).then_some(i))
    else {
        return std::borrow::Cow::Borrowed(text);
    };
    let (same, rest) = text.split_at(first);
    // A capital sigma lowers by its place in the word ("ΟΔΟΣ" -> "οδος"), which only
    // `str::to_lowercase` knows; every other character lowers on its own.
    if rest.contains('Σ') {
        return std::borrow::Cow::Owned(text.to_lowercase());
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(same);
    // Runs of ASCII (most of a Latin-script text) are lowered byte by byte, in bulk; each other
    // character through its own lowercase, which for ASCII would be the same.
    let mut rest = rest;
    while !rest.is_empty() {
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        let (run, after) = rest.split_at(ascii);
        let start = out.len();
        out.push_str(run);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
        let mut chars = after.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_lowercase());
        }
        rest = chars.as_str();
    }
    std::borrow::Cow::Owned(out)
}

/// Whether lowercasing changes a character (a titlecase "ǅ", neither upper- nor lowercase,
/// does).
#[inline]
fn changes(c: char) -> bool {
    let mut lower = c.to_lowercase();
    lower.next() != Some(c) || lower.next().is_some()
}

/// Letters with diacritics and what they fold to (`data/diacritics.txt`).
static FOLDS: LazyLock<HashMap<char, &'static str>> = LazyLock::new(|| {
    let mut folds = HashMap::new();
    for line in lines(include_str!("../data/diacritics.txt")) {
        if let Some((base, letters)) = line.split_once(' ') {
            for c in letters.trim().chars() {
                folds.insert(c, base);
            }
        }
    }
    folds
});

/// The text with the diacritics of Latin letters taken off ("Pérez" -> "Perez", "Müller" ->
/// "Muller"), for comparing names written with and without them.
pub fn fold_diacritics(text: &str) -> String {
    // Every letter folded is outside ASCII (a test holds the list to that).
    if text.is_ascii() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match FOLDS.get(&c) {
            Some(base) => out.push_str(base),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_lines_are_one_keys_entries_in_order() {
        let data = "# a: comment\na: x\nb: y\n  a :  w  \na:\nab: v\nno colon\n";
        assert_eq!(keyed_lines(data, "a").collect::<Vec<_>>(), ["x", "w"]);
        assert_eq!(keyed_lines(data, "b").collect::<Vec<_>>(), ["y"]);
        assert_eq!(keyed_lines(data, "c").count(), 0);
    }

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let words: Vec<&str> = tokens(text).iter().map(|t| t.text(text)).collect();
        assert_eq!(words, expected, "{text:?}");
    }

    #[test]
    fn words_and_their_joiners() {
        check("The fire spread.", &["The", "fire", "spread"]);
        check(
            "al-Assad don't l’hôpital",
            &["al-Assad", "don't", "l’hôpital"],
        );
        check("AT&T and M&S", &["AT&T", "and", "M&S"]);
        check("a - b -c d'", &["a", "b", "c", "d"]);
    }

    #[test]
    fn numbers_keep_their_separators_only_between_digits() {
        check("3.5 100,000 1,000.50", &["3.5", "100,000", "1,000.50"]);
        check("in 2024. Then 5,", &["in", "2024", "Then", "5"]);
        check("one,two", &["one", "two"]);
    }

    #[test]
    fn initialisms_keep_their_inner_full_stops() {
        check(
            "the U.S. and e.g. U.S.A.",
            &["the", "U.S", "and", "e.g", "U.S.A"],
        );
        check("end.The A.Smith", &["end", "The", "A", "Smith"]);
    }

    #[test]
    fn compounds_split_into_parts() {
        let text = "al-Assad, AT&T and 3.5";
        let parts: Vec<&str> = tokens(text).iter().flat_map(|t| t.parts(text)).collect();
        assert_eq!(parts, ["al", "Assad", "AT", "T", "and", "3.5"]);
    }

    #[test]
    fn possessives_are_left_out_of_the_word() {
        let text = "Putin's aides and Lohan’s car";
        check(text, &["Putin", "aides", "and", "Lohan", "car"]);
    }

    #[test]
    fn sentence_starts_and_punctuation_are_noted() {
        let toks = tokens("Fire hit. Then \"Smith\" spoke, Jones said");
        let starts: Vec<bool> = toks.iter().map(|t| t.sentence_start).collect();
        assert_eq!(starts, [true, false, true, true, true, false, false]);
        let punct: Vec<bool> = toks.iter().map(|t| t.after_punct).collect();
        assert_eq!(punct, [false, false, true, true, true, true, false]);
    }

    /// The plain char-by-char reading `tokens` once was, kept as the reference its byte-level
    /// loop must agree with.
    fn tokens_by_chars(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut sentence_start = true;
        let mut after_punct = false;
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !c.is_alphanumeric() {
                if matches!(c, '.' | '!' | '?' | '\n' | ':' | '"' | '“' | '|') {
                    sentence_start = true;
                }
                if !c.is_whitespace() {
                    after_punct = true;
                }
                continue;
            }
            let mut end = start + c.len_utf8();
            let mut part_start = start;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                let rest = text.get(j + d.len_utf8()..).unwrap_or("");
                if !joins(d, &text[part_start..end], rest) {
                    break;
                }
                chars.next();
                end = j + d.len_utf8();
                part_start = end;
            }
            out.push(word_token(text, start, end, sentence_start, after_punct));
            sentence_start = false;
            after_punct = false;
        }
        out
    }

    #[test]
    fn byte_reading_agrees_with_reading_by_chars() {
        let pieces = [
            "a", "Z", "7", "0", " ", "\n", "\t", ".", ",", "-", "&", "'", "’", "s", "!", "?", ":",
            "\"", "“", "”", "|", "é", "Ü", "ß", "ﬁ", "٣", "中", "²", "\u{a0}", "\u{2003}", "—",
            "(", "U.S.", "3.5", "1,000", "al-", "’s ", "'s", "e.g.", "İ", "ǅ", "\u{301}",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..4000 {
            let mut text = String::new();
            for _ in 0..(seed % 24) {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_add(0x2545_f491_4f6c_dd1d);
            assert_eq!(tokens(&text), tokens_by_chars(&text), "{text:?}");
            assert_eq!(
                tokens_lazily(&text).take(3).collect::<Vec<_>>(),
                tokens(&text).into_iter().take(3).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn the_letter_and_digit_table_is_ascii_alphanumeric() {
        for b in 0..=255u8 {
            assert_eq!(
                ASCII_ALNUM[usize::from(b)],
                b.is_ascii_alphanumeric(),
                "{b}"
            );
        }
    }

    #[test]
    fn lists_skip_comments_and_blank_lines() {
        let list: Vec<&str> = lines("# a comment\n\n one \ntwo three\n").collect();
        assert_eq!(list, ["one", "two three"]);
        let words: Vec<&str> = list_words("# c\none\ntwo three").collect();
        assert_eq!(words, ["one", "two", "three"]);
    }

    #[test]
    fn diacritics_fold_to_base_letters() {
        assert_eq!(fold_diacritics("José Pérez"), "Jose Perez");
        assert_eq!(fold_diacritics("Müller Straße Łódź"), "Muller Strasse Lodz");
        assert_eq!(fold_diacritics("Plain"), "Plain");
        assert!(
            FOLDS.keys().all(|c| !c.is_ascii()),
            "ASCII text is returned as it is"
        );
    }

    #[test]
    fn lowercase_borrows_what_is_already_lowercase() {
        assert!(matches!(
            lowercase("ruling"),
            std::borrow::Cow::Borrowed("ruling")
        ));
        assert_eq!(lowercase("Ärzte"), "ärzte");
        for text in [
            "ruling",
            "Ruling",
            "U.S.",
            "Ärzte",
            "\u{1c5}ore",
            "ΟΔΟΣ",
            "straße",
            "ⓐⓑ Ⅻ",
            "",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        }
        assert_eq!(lowercase("İstanbul"), "İstanbul".to_lowercase());
    }

    #[test]
    fn lowercase_is_str_to_lowercase_in_every_script() {
        for text in [
            "ΟΔΟΣ ΣΟΦΙΑ Σ ΑΣ. Σ",
            "Σ",
            "aΣ",
            "ΌΣΟΙ οδός",
            "İSTANBUL İzmir iı",
            "STRASSE Straße ẞ",
            "Ärzte MÜNCHEN Łódź",
            "Москва МОСКВА",
            "ǄǅǆǇ",
            "Ⓐⓑ ⅫⅰⅡ",
            "中文 Ｔｅｓｔ",
            "already lowercase é",
            "ΑΘΗΝΑ, Ελλάδα (ΣΥΡΙΖΑ)",
            "Le PRÉSIDENT a dit « NON » à l'ÉLYSÉE, MARDI",
            "“Quoted” WORDS – DASHES… and ÀÉÎÕÜ",
            "ÉCOLE",
            "école ÉCOLE",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        }
    }

    #[test]
    fn short_words_stem_as_snowball_leaves_them() {
        for word in [
            "a", "is", "as", "us", "ss", "ys", "ed", "ly", "ño", "ée", "ü",
        ] {
            assert_eq!(stem(word), STEMMER.stem(word), "{word}");
        }
    }

    #[test]
    fn stems_and_stopwords() {
        assert_eq!(stem("troops"), "troop");
        assert_eq!(stem("troops"), "troop");
        assert!(is_stopword("the") && is_stopword("said"));
        assert!(!is_stopword("fire"));
    }
}
