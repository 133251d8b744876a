//! Cheap text features for grouping: word tokens, stemmed content terms, capitalised-name
//! entities and numbers, each hashed to a 64-bit term id so no shared vocabulary is needed.

use std::cell::RefCell;
use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt};
use parallax_text::{lines, list_words};

/// A lowercase word's classes: the bits below.
type WordClass = u8;
/// A stopword: a function word of `parallax_text`, or one of grouping's noise words: words of
/// every news story and the debris of URLs and datelines (`data/stopwords.txt`), and the
/// function and reporting words of French, German and Spanish (`parallax_text::FUNCTION_WORD_LISTS`),
/// which in a small batch would look as rare as names and join any two reports written in one
/// language.
const STOP: WordClass = 1;
/// A month name or abbreviation (`data/months.txt`).
const MONTH: WordClass = 2;
/// A German article or determiner, after which a capitalised word is a noun
/// (`data/noun_articles.txt`).
const NOUN_ARTICLE: WordClass = 4;

/// The classes of every listed word, so that one lookup per token answers all three questions.
static WORD_CLASSES: LazyLock<HashMap<&'static str, WordClass>> = LazyLock::new(|| {
    let mut classes: HashMap<&'static str, WordClass> = HashMap::new();
    let stop = parallax_text::STOPWORDS
        .iter()
        .copied()
        .chain(list_words(include_str!("../data/stopwords.txt")))
        .chain(
            parallax_text::FUNCTION_WORD_LISTS
                .iter()
                .flat_map(|&(_, list)| list_words(list)),
        );
    let lists = stop
        .map(|w| (w, STOP))
        .chain(lines(include_str!("../data/months.txt")).map(|w| (w, MONTH)))
        .chain(list_words(include_str!("../data/noun_articles.txt")).map(|w| (w, NOUN_ARTICLE)));
    for (word, class) in lists {
        *classes.entry(word).or_insert(0) |= class;
    }
    classes
});

/// The day of the week each weekday name stands for, Monday 0 (`data/weekdays.txt`: English,
/// French, German and Spanish), so that reports in two languages name one day alike.
static WEEKDAYS: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut days: HashMap<&'static str, u8> = HashMap::new();
    for (day, line) in (0u8..).zip(lines(include_str!("../data/weekdays.txt"))) {
        for word in line.split_whitespace() {
            days.insert(word, day);
        }
    }
    days
});

fn word_class(word: &str) -> WordClass {
    WORD_CLASSES.get(word).copied().unwrap_or(0)
}

/// A fast, deterministic 64-bit hash of bytes under a namespace tag (FNV-1a, then a
/// splitmix64 finaliser so that nearby inputs spread over all bits).
pub fn hash_bytes(tag: u8, bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(tag);
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix64(h)
}

/// The splitmix64 finaliser.
pub fn mix64(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Namespace tags keep a word, a name and a number with the same spelling apart.
pub(crate) const TAG_TERM: u8 = 1;
pub(crate) const TAG_NAME: u8 = 2;
pub(crate) const TAG_NUMBER: u8 = 3;
pub(crate) const TAG_WEEKDAY: u8 = 4;

/// One word of the text as the tokenizer saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Where its lowercased form starts in the buffer [`tokenize`] fills.
    pub start: usize,
    /// Where its lowercased form ends in that buffer.
    pub end: usize,
    /// Whether it started with a capital letter.
    pub capitalised: bool,
    /// Whether it is the first word of a sentence or line.
    pub sentence_start: bool,
    /// Whether it contains a digit.
    pub numeric: bool,
    /// Whether punctuation stands between it and the previous token (which ends a name).
    pub after_punct: bool,
}

/// The word tokens of a text (`parallax_text::tokens`), noting where sentences start; their
/// lowercased forms go to `lower`, one space after each, so that a run of tokens reads there as
/// its words joined by spaces. One buffer for the whole text: no allocation per word.
pub fn tokenize(text: &str, lower: &mut String) -> Vec<Token> {
    lower.clear();
    parallax_text::tokens(text)
        .into_iter()
        .map(|t| {
            let word = t.text(text);
            let start = lower.len();
            push_lowercase(word, lower);
            let end = lower.len();
            lower.push(' ');
            Token {
                start,
                end,
                capitalised: word.chars().next().is_some_and(char::is_uppercase),
                sentence_start: t.sentence_start,
                numeric: word.bytes().any(|b| b.is_ascii_digit()),
                after_punct: t.after_punct,
            }
        })
        .collect()
}

/// Appends `word.to_lowercase()` to `out`, without a new string when the word is ASCII.
fn push_lowercase(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// The hashes of a text's lowercase words, in order (the `words` of [`TextFeatures`]): what copy
/// detection shingles.
pub fn word_hashes(text: &str) -> Vec<u64> {
    let mut lower = String::with_capacity(text.len() + 16);
    tokenize(text, &mut lower)
        .iter()
        .map(|t| hash_bytes(0, lower.as_bytes().get(t.start..t.end).unwrap_or_default()))
        .collect()
}

/// The content features of one text, each a hashed term id.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TextFeatures {
    /// Stems of content words, one entry per occurrence.
    pub terms: Vec<u64>,
    /// Capitalised names (single words and whole sequences) and numbers, one per occurrence.
    pub names: Vec<u64>,
    /// Every token's hash, in order, for shingling.
    pub words: Vec<u64>,
    /// How many of `terms` come from the lead (the first words of the text).
    pub lead_terms: usize,
    /// How many of `names` come from the lead.
    pub lead_names: usize,
    /// The days of the week named (hashed, one id per day whatever the language), one per
    /// occurrence.
    pub weekdays: Vec<u64>,
    /// How many of `weekdays` come from the lead.
    pub lead_weekdays: usize,
    /// The hashes (as in `words`) of the words written in lowercase, one per occurrence.
    pub lowercase: Vec<u64>,
}

/// Reads the features of texts.
#[derive(Debug, Default)]
pub struct Featurizer;

impl Featurizer {
    /// Adds the features of `text` to `out`, noting which come from its first `lead` words.
    pub fn add(&self, text: &str, lead: usize, out: &mut TextFeatures) {
        self.add_with(text, lead, &[], out);
    }

    /// Adds the features of a headline to `out`. A capitalised word of the headline that its
    /// article's `body` writes in lowercase is not a name: many outlets capitalise every word
    /// of a headline ("Deputy Arrested In Shooting"), and the body shows which are common words.
    pub fn add_headline(&self, title: &str, body: &TextFeatures, out: &mut TextFeatures) {
        let mut common = body.lowercase.clone();
        common.sort_unstable();
        common.dedup();
        self.add_with(title, 0, &common, out);
    }

    /// [`Featurizer::add`], reading the capitalised words whose hash is in `common` (sorted)
    /// as common words.
    fn add_with(&self, text: &str, lead: usize, common: &[u64], out: &mut TextFeatures) {
        let mut lower = String::with_capacity(text.len() + 16);
        let tokens = tokenize(text, &mut lower);
        out.words.reserve(tokens.len());
        out.terms.reserve(tokens.len());
        let word_of = |t: &Token| lower.get(t.start..t.end).unwrap_or_default();
        // The pending capitalised sequence: consecutive tokens, from the first.
        let mut name: &[Token] = &[];
        let mut name_at_start = false;
        let mut after_article = false;
        WORDS.with_borrow_mut(|memo| {
            for (k, tok) in tokens.iter().enumerate() {
                if k == lead {
                    out.lead_terms = out.terms.len();
                    out.lead_names = out.names.len();
                    out.lead_weekdays = out.weekdays.len();
                }
                let word = word_of(tok);
                let info = memo.get(word);
                out.words.push(info.hash);
                let class = info.class;
                let stop = class & STOP != 0;
                // A capitalised word opens or continues a name unless it is a function word, a
                // German noun after its article, a common word (`common`), or a lone
                // sentence-initial word (which is capitalised by position, not by being a name).
                let namey = tok.capitalised
                    && !stop
                    && class & MONTH == 0
                    && !tok.numeric
                    && !after_article
                    && common.binary_search(&info.hash).is_err();
                if !tok.capitalised {
                    out.lowercase.push(info.hash);
                }
                after_article = !tok.capitalised && class & NOUN_ARTICLE != 0;
                if namey && tok.after_punct {
                    flush_name(&mut name, name_at_start, &lower, out);
                }
                if namey {
                    if name.is_empty() {
                        name_at_start = tok.sentence_start;
                        name = tokens.get(k..=k).unwrap_or_default();
                    } else {
                        // The sequence so far ends just before this token.
                        name = tokens
                            .get(k.saturating_sub(name.len())..=k)
                            .unwrap_or_default();
                    }
                } else {
                    flush_name(&mut name, name_at_start, &lower, out);
                }
                out.weekdays.extend(info.weekday);
                match info.feature {
                    Feature::Number(id) => out.names.push(id),
                    Feature::Term(id) => out.terms.push(id),
                    Feature::None => {}
                }
            }
        });
        flush_name(&mut name, name_at_start, &lower, out);
        if tokens.len() <= lead {
            out.lead_terms = out.terms.len();
            out.lead_names = out.names.len();
            out.lead_weekdays = out.weekdays.len();
        }
    }
}

/// What a lowercase word adds to the features besides its part in names.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Feature {
    /// Nothing: a stopword, a one-letter word or a lone digit.
    None,
    /// A content term: its hashed stem.
    Term(u64),
    /// A number of two or more characters: its hashed [`number_key`].
    Number(u64),
}

/// Everything [`Featurizer::add`] reads off a lowercase word alone, worked out once per word.
#[derive(Debug, Clone, Copy, PartialEq)]
struct WordInfo {
    /// The word's hash, for shingling.
    hash: u64,
    /// Its [`WordClass`].
    class: WordClass,
    /// The term or number it adds.
    feature: Feature,
    /// The day of the week it names, hashed.
    weekday: Option<u64>,
}

impl WordInfo {
    /// Works out what a lowercase word is: stemming, the list lookups and number parsing.
    fn of(word: &str) -> Self {
        let class = word_class(word);
        let feature = if word.bytes().any(|b| b.is_ascii_digit()) {
            let digits = number_key(word);
            // Lone one-digit numbers are too common to tell events apart.
            if digits.len() >= 2 {
                Feature::Number(hash_bytes(TAG_NUMBER, digits.as_bytes()))
            } else {
                Feature::None
            }
        } else if class & STOP != 0 || word.chars().nth(1).is_none() {
            Feature::None
        } else {
            Feature::Term(hash_bytes(TAG_TERM, parallax_text::stem(word).as_bytes()))
        };
        Self {
            hash: hash_bytes(0, word.as_bytes()),
            class,
            feature,
            weekday: WEEKDAYS
                .get(word)
                .map(|&day| hash_bytes(TAG_WEEKDAY, &[day])),
        }
    }
}

/// Words whose [`WordInfo`] a thread keeps before it starts again.
const WORD_MEMO_WORDS: usize = 200_000;

/// A thread's [`WordInfo`] by word: most words of an article were seen before, and
/// `parallax_text::stem` caches stems for all threads behind one lock.
#[derive(Debug)]
struct WordMemo(HashMap<String, WordInfo>);

/// Words a [`WordMemo`] has room for from the start: a ten-article story's distinct words (some
/// 1,300), so that it seldom grows while one is read. No more: the words are spread over the
/// whole table, and each 4 KiB page of it the process touches first costs a page fault.
const WORD_MEMO_START: usize = 1_024;

impl Default for WordMemo {
    fn default() -> Self {
        Self(HashMap::with_capacity(WORD_MEMO_START))
    }
}

impl WordMemo {
    /// The [`WordInfo`] of a lowercase word, worked out on its first sight. The memo is
    /// emptied when it holds [`WORD_MEMO_WORDS`] words, so it stays bounded however many
    /// articles a thread reads.
    fn get(&mut self, word: &str) -> WordInfo {
        if let Some(&info) = self.0.get(word) {
            return info;
        }
        let info = WordInfo::of(word);
        if self.0.len() >= WORD_MEMO_WORDS {
            self.0.clear();
        }
        self.0.insert(word.to_string(), info);
        info
    }
}

thread_local! {
    /// This thread's [`WordMemo`].
    static WORDS: RefCell<WordMemo> = RefCell::new(WordMemo::default());
}

#[cfg(test)]
impl Featurizer {
    /// The hashed stem of a word.
    fn term_id(&self, word: &str) -> u64 {
        hash_bytes(TAG_TERM, parallax_text::stem(word).as_bytes())
    }
}

/// A number as one spelling whatever the language's separators: thousands separators dropped
/// ("3,000" and "3.000" are "3000"), the decimal one a point ("5,7" and "5.7" are "5.7"). A
/// separator followed by groups of exactly three digits separates thousands; when both marks
/// appear, the last one is the decimal mark.
fn number_key(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let between_digits = |k: usize| {
        k > 0
            && chars.get(k - 1).is_some_and(char::is_ascii_digit)
            && chars.get(k + 1).is_some_and(char::is_ascii_digit)
    };
    let seps: Vec<usize> = (0..chars.len())
        .filter(|&k| matches!(chars[k], ',' | '.') && between_digits(k))
        .collect();
    let Some(&last) = seps.last() else {
        return word.to_string();
    };
    let mixed = seps.iter().any(|&k| chars[k] != chars[last]);
    let decimal = if mixed {
        Some(last)
    } else {
        // Digits in each group after a separator, up to the next separator or non-digit.
        let thousands = seps.iter().all(|&k| {
            chars[k + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count()
                == 3
        });
        (!thousands).then_some(last)
    };
    chars
        .iter()
        .enumerate()
        .filter_map(|(k, &c)| {
            if Some(k) == decimal {
                Some('.')
            } else if seps.contains(&k) {
                None
            } else {
                Some(c)
            }
        })
        .collect()
}

/// Emits the pending capitalised sequence as name features: each word, and the whole (read in
/// `lower`, where the sequence's words stand joined by spaces).
fn flush_name(name: &mut &[Token], at_start: bool, lower: &str, out: &mut TextFeatures) {
    let words = std::mem::take(name);
    // A lone capitalised word opening a sentence is capitalised by position, not as a name.
    if words.len() == 1 && at_start {
        return;
    }
    let bytes = lower.as_bytes();
    for t in words {
        out.names.push(hash_bytes(
            TAG_NAME,
            bytes.get(t.start..t.end).unwrap_or_default(),
        ));
    }
    if let (true, Some(first), Some(last)) = (words.len() > 1, words.first(), words.last()) {
        let joined = bytes.get(first.start..last.end).unwrap_or_default();
        out.names.push(hash_bytes(TAG_NAME, joined));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_stopword(word: &str) -> bool {
        word_class(word) & STOP != 0
    }

    #[test]
    fn stopwords_are_recognised() {
        for w in [
            "the",
            "said",
            "www",
            "according",
            "reports",
            "yourself",
            "a",
        ] {
            assert!(is_stopword(w), "{w}");
        }
        for w in ["fire", "bergen", "harbour"] {
            assert!(!is_stopword(w), "{w}");
        }
        // French, German and Spanish function and reporting words, but not English content
        // words spelt like one of them.
        for w in ["les", "selon", "der", "und", "laut", "los", "según", "dijo"] {
            assert!(is_stopword(w), "{w}");
        }
        for w in ["war", "son", "séisme", "brücke", "incendio"] {
            assert!(!is_stopword(w), "{w}");
        }
    }

    #[test]
    fn tokens_keep_numbers_and_names_whole() {
        let mut lower = String::new();
        let toks = tokenize(
            "Lindsay Lohan's car hit 3,500 cones. Then al-Assad spoke.",
            &mut lower,
        );
        let words: Vec<&str> = toks.iter().map(|t| &lower[t.start..t.end]).collect();
        assert_eq!(
            words,
            ["lindsay", "lohan", "car", "hit", "3,500", "cones", "then", "al-assad", "spoke"]
        );
        assert!(toks[0].sentence_start && toks[6].sentence_start && !toks[1].sentence_start);
        assert!(toks[4].numeric);
    }

    #[test]
    fn words_are_lowercased_as_to_lowercase_does() {
        let text = "Der MÜNCHNER Stadtrat met ǅemal in İzmir, ΟΔΥΣΣΕΥΣ in NEW York's 2nd ward.";
        let mut lower = String::new();
        let toks = tokenize(text, &mut lower);
        let expected: Vec<String> = parallax_text::tokens(text)
            .iter()
            .map(|t| t.text(text).to_lowercase())
            .collect();
        let words: Vec<&str> = toks.iter().map(|t| &lower[t.start..t.end]).collect();
        assert_eq!(words, expected);
        // A run of tokens reads in the buffer as its words joined by spaces.
        assert_eq!(&lower[toks[0].start..toks[2].end], "der münchner stadtrat");
    }

    #[test]
    fn remembered_words_read_as_on_first_sight() {
        let mut memo = WordMemo::default();
        for _ in 0..2 {
            let pirates = memo.get("pirates");
            assert_eq!(
                pirates.feature,
                Feature::Term(hash_bytes(TAG_TERM, b"pirat"))
            );
            assert_eq!(pirates.hash, hash_bytes(0, b"pirates"));
            assert_eq!(
                memo.get("harbours").feature,
                Feature::Term(hash_bytes(TAG_TERM, b"harbour"))
            );
            assert_eq!(
                memo.get("3,000").feature,
                Feature::Number(hash_bytes(TAG_NUMBER, b"3000"))
            );
            for w in ["the", "a", "7"] {
                assert_eq!(memo.get(w).feature, Feature::None, "{w}");
            }
            assert_eq!(memo.get("der").class, NOUN_ARTICLE | STOP);
        }
    }

    #[track_caller]
    fn check(number: &str, expected: &str) {
        assert_eq!(number_key(number), expected, "{number}");
    }

    #[test]
    fn numbers_are_spelt_one_way_in_every_language() {
        check("57", "57");
        check("5,7", "5.7");
        check("5.7", "5.7");
        check("3,000", "3000");
        check("3.000", "3000");
        check("12,500,000", "12500000");
        check("1,234.5", "1234.5");
        check("1.234,5", "1234.5");
        check("2,50", "2.50");
        check("1990s", "1990s");
        check("3.5%", "3.5%");
    }

    /// The features of `text` whose first `lead` words are its lead.
    fn features_of(text: &str, lead: usize) -> TextFeatures {
        let mut out = TextFeatures::default();
        Featurizer.add(text, lead, &mut out);
        out
    }

    #[test]
    fn a_german_noun_after_its_article_is_no_name() {
        let f = Featurizer;
        let out = features_of("Laut der Polizei in Kornwald gab es einen Unfall.", 0);
        assert!(out.names.contains(&hash_bytes(TAG_NAME, b"kornwald")));
        assert!(!out.names.contains(&hash_bytes(TAG_NAME, b"polizei")));
        assert!(!out.names.contains(&hash_bytes(TAG_NAME, b"unfall")));
        assert!(out.terms.contains(&f.term_id("polizei")));
    }

    #[test]
    fn names_and_numbers_become_name_features() {
        let out = features_of(
            "The navy caught 23 pirates near Gulf of Aden, INS Mysore said.",
            3,
        );
        assert_eq!((out.lead_terms, out.lead_names), (2, 0));
        assert!(out.names.contains(&hash_bytes(TAG_NUMBER, b"23")));
        assert!(out.names.contains(&hash_bytes(TAG_NAME, b"ins mysore")));
        assert!(out.names.contains(&hash_bytes(TAG_NAME, b"aden")));
        assert!(!out.names.contains(&hash_bytes(TAG_NAME, b"the")));
        assert!(out.terms.contains(&hash_bytes(TAG_TERM, b"pirat")));
    }

    /// The names of `title` read as the headline of `body`, as lowercase strings.
    fn headline_names(title: &str, body: &str) -> Vec<&'static str> {
        let body = features_of(body, 0);
        let mut head = TextFeatures::default();
        Featurizer.add_headline(title, &body, &mut head);
        let known = [
            "deputy",
            "arrested",
            "in",
            "shooting",
            "lakewood",
            "jamal",
            "williams",
            "jamal williams",
            "deputy arrested",
            "williams arrested",
            "jamal williams arrested",
            "suspect",
            "suspect jamal williams",
            "lakewood shooting",
        ];
        let mut found: Vec<&str> = known
            .into_iter()
            .filter(|n| head.names.contains(&hash_bytes(TAG_NAME, n.as_bytes())))
            .collect();
        found.sort_unstable();
        found
    }

    #[track_caller]
    fn check_headline(title: &str, body: &str, expected: &[&str]) {
        assert_eq!(headline_names(title, body), expected, "{title:?}");
    }

    #[test]
    fn a_headline_word_its_body_writes_in_lowercase_is_no_name() {
        let body = "Jamal Williams was arrested after a shooting in Lakewood, the deputy said.";
        // Every word capitalised: only the names the body writes capitalised stay names.
        check_headline(
            "Jamal Williams Arrested In Lakewood Shooting",
            body,
            &["jamal", "jamal williams", "lakewood", "williams"],
        );
        // A sentence-case headline keeps its names, and a word the body never writes stays one.
        check_headline(
            "Suspect Jamal Williams arrested",
            body,
            &["jamal", "suspect", "suspect jamal williams", "williams"],
        );
    }

    #[test]
    fn a_day_of_the_week_is_one_feature_in_every_language() {
        let en = features_of("The quake struck on Sunday; on Monday rescuers came.", 6);
        let es = features_of("El terremoto golpeó el domingo.", 6);
        let de = features_of("Das Beben traf die Insel am Sonntag.", 6);
        assert_eq!(en.lead_weekdays, 1);
        assert_eq!(en.weekdays.len(), 2);
        assert_eq!(es.weekdays, en.weekdays[..1]);
        assert_eq!(de.weekdays, en.weekdays[..1]);
        // Still no term and no name.
        assert!(!en.terms.contains(&Featurizer.term_id("sunday")));
        assert!(!de.names.contains(&hash_bytes(TAG_NAME, b"sonntag")));
    }
}
