//! The word lists extraction relies on, kept as data files under `data/`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use parallax_text::lines;

/// Site-chrome phrases: (`true` if matched only at the start of a block, lowercase phrase).
pub static BOILERPLATE: LazyLock<Vec<(bool, &'static str)>> = LazyLock::new(|| {
    lines(include_str!("../data/boilerplate.txt"))
        .filter_map(|l| {
            l.strip_prefix("start:")
                .map(|p| (true, p))
                .or_else(|| l.strip_prefix("any:").map(|p| (false, p)))
        })
        .collect()
});

/// Literal phrases by their first byte: the test whether a text holds one of them compares each
/// position only with the phrases that open with its byte. Built from a few hundred short phrases
/// in a few thousand instructions, where an Aho-Corasick automaton took over a million (most of a
/// one-sentence brief's start-up), and as fast on the short blocks and names it reads.
pub struct Phrases {
    by_first: Vec<Vec<Phrase>>,
    /// Whether an empty phrase is listed: it is in every text.
    empty: bool,
}

/// A phrase of [`Phrases`], its first eight bytes packed into a word: most phrases met at a
/// place of a text differ from the text there within them, told by one comparison of words
/// rather than a comparison of slices.
#[derive(Debug, Clone)]
struct Phrase {
    /// The first eight bytes as [`head_of`] reads them.
    head: u64,
    /// Ones over the bytes of `head` the phrase fills.
    mask: u64,
    /// The whole phrase.
    bytes: &'static [u8],
}

impl Phrase {
    /// Whether the phrase opens `rest`, whose head is `head` ([`head_of`]): what
    /// `rest.starts_with(self.bytes)` tells.
    fn opens(&self, rest: &[u8], head: u64) -> bool {
        rest.len() >= self.bytes.len()
            && head & self.mask == self.head
            && self
                .bytes
                .get(8..)
                .is_none_or(|tail| rest.get(8..).is_some_and(|more| more.starts_with(tail)))
    }
}

/// The first eight bytes of `bytes` as a little-endian word, zeros after a shorter slice.
fn head_of(bytes: &[u8]) -> u64 {
    if let Some(first) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*first);
    }
    let mut word = [0u8; 8];
    for (w, b) in word.iter_mut().zip(bytes) {
        *w = *b;
    }
    u64::from_le_bytes(word)
}

impl Phrases {
    /// The set of `phrases`.
    pub fn new(phrases: impl IntoIterator<Item = &'static str>) -> Self {
        let mut by_first = vec![Vec::new(); 256];
        let mut empty = false;
        for phrase in phrases {
            let bytes = phrase.as_bytes();
            match bytes.first() {
                Some(&b) => {
                    let filled = bytes.len().min(8);
                    let mask = if filled == 8 {
                        u64::MAX
                    } else {
                        (1u64 << (8 * filled)) - 1
                    };
                    if let Some(list) = by_first.get_mut(usize::from(b)) {
                        list.push(Phrase {
                            head: head_of(bytes),
                            mask,
                            bytes,
                        });
                    }
                }
                None => empty = true,
            }
        }
        Self { by_first, empty }
    }

    /// Whether `text` holds one of the phrases anywhere (a phrase opens with the first byte of a
    /// character, so a match in the bytes is a match in the text).
    pub fn is_match(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        self.empty
            || (0..bytes.len()).any(|i| {
                let rest = bytes.get(i..).unwrap_or_default();
                rest.first()
                    .and_then(|&b| self.by_first.get(usize::from(b)))
                    .filter(|list| !list.is_empty())
                    .is_some_and(|list| {
                        let head = head_of(rest);
                        list.iter().any(|p| p.opens(rest, head))
                    })
            })
    }
}

/// What a sentence of a site's notice after its first chrome one may speak of instead of a chrome
/// phrase, lowercase: personal data, consent, privacy (`notice:` in `data/boilerplate.txt`).
pub static NOTICE_PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(
        lines(include_str!("../data/boilerplate.txt")).filter_map(|l| l.strip_prefix("notice:")),
    )
});

/// The site-chrome phrases matched anywhere in a (lowercased) block.
pub static BOILERPLATE_ANYWHERE: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(
        BOILERPLATE
            .iter()
            .filter(|&&(at_start, _)| !at_start)
            .map(|&(_, phrase)| phrase),
    )
});

/// The site-chrome phrases matched at the start of a block, by their first byte: a block is
/// compared only with the phrases that open as it does.
pub static BOILERPLATE_AT_START: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    by_first_byte(
        BOILERPLATE
            .iter()
            .filter(|&&(at_start, _)| at_start)
            .map(|&(_, phrase)| phrase),
    )
});

/// `phrases` listed by their first byte (256 lists; an empty phrase is in none): a text is
/// compared only with the phrases that open with its first byte.
pub fn by_first_byte(phrases: impl IntoIterator<Item = &'static str>) -> Vec<Vec<&'static str>> {
    let mut by_first = vec![Vec::new(); 256];
    for phrase in phrases {
        if let Some(list) = phrase
            .as_bytes()
            .first()
            .and_then(|&b| by_first.get_mut(usize::from(b)))
        {
            list.push(phrase);
        }
    }
    by_first
}

/// Every site-chrome phrase, wherever it stands: the test that a text holds none of them, before
/// the search that says where one stands.
pub static BOILERPLATE_ALL: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::new(BOILERPLATE.iter().map(|&(_, phrase)| phrase)));

parallax_text::word_table!(
    /// Lowercase blocks that are site chrome when they are all a block says: "Anzeige", "Teilen",
    /// "Externer Inhalt" (`data/chrome_blocks.txt`).
    pub static CHROME_BLOCKS = lines include_str!("../data/chrome_blocks.txt")
);

parallax_text::word_table!(
    /// Lowercase words a counter beside a post or comment gives after its count: "likes",
    /// "Antworten", "réponses" (`data/counters.txt`).
    pub static COUNTED = lines include_str!("../data/counters.txt")
);

/// A page label that opens a block or stands alone ("summary", "résumé", "resumen").
pub struct PageLabel {
    /// The label, lowercase.
    pub words: &'static str,
    /// Whether writers also open their own sentences with it ("in short": `phrase: ` in
    /// `data/labels.txt`): a label then only as a block of its own.
    pub alone_only: bool,
}

/// The page labels of `data/labels.txt`.
pub static LABELS: LazyLock<Vec<PageLabel>> = LazyLock::new(|| {
    lines(include_str!("../data/labels.txt"))
        .map(|l| match l.strip_prefix("phrase: ") {
            Some(words) => PageLabel {
                words,
                alone_only: true,
            },
            None => PageLabel {
                words: l,
                alone_only: false,
            },
        })
        .collect()
});

/// Lowercase openings of a site's notice asking consent to its cookies ("we use cookies",
/// "wir verwenden Cookies"; `open:` in `data/consent_openings.txt`).
pub static CONSENT_OPENINGS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lines(include_str!("../data/consent_openings.txt"))
        .filter_map(|l| l.strip_prefix("open: "))
        .collect()
});

/// Lowercase words the lines of such a notice speak of ("cookie"; `word:` in
/// `data/consent_openings.txt`).
pub static CONSENT_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lines(include_str!("../data/consent_openings.txt"))
        .filter_map(|l| l.strip_prefix("word: "))
        .collect()
});

/// Lowercase words a site's line on its data policy speaks of beside cookies ("privacy",
/// "Datenschutz"; `policy:` in `data/consent_openings.txt`).
pub static DATA_POLICY_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lines(include_str!("../data/consent_openings.txt"))
        .filter_map(|l| l.strip_prefix("policy: "))
        .collect()
});

/// Lowercase markers that open a teaser for another story.
pub static RELATED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("../data/related.txt")).collect());

/// Wire-service names, lowercase alias -> canonical name.
pub static WIRES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in lines(include_str!("../data/wires.txt")) {
        let mut parts = line.split('|');
        if let Some(canonical) = parts.next() {
            for alias in parts {
                map.insert(alias.to_lowercase(), canonical);
            }
        }
    }
    map
});

/// Wire services credited by an abbreviation: canonical name -> the abbreviations it appears
/// under, as written ("The Canadian Press" -> "CP").
pub static WIRE_ABBREVIATIONS: LazyLock<HashMap<&'static str, Vec<&'static str>>> =
    LazyLock::new(|| {
        let mut map: HashMap<&str, Vec<&str>> = HashMap::new();
        for line in lines(include_str!("../data/wires.txt")) {
            let mut parts = line.split('|');
            if let Some(canonical) = parts.next() {
                let abbreviations = parts.filter(|a| {
                    (2..=5).contains(&a.len()) && a.bytes().all(|b| b.is_ascii_uppercase())
                });
                map.entry(canonical).or_default().extend(abbreviations);
            }
        }
        map
    });

/// Job titles a byline gives after a name ("Staff Writer", "Korrespondentin"), lowercase.
pub static BYLINE_ROLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lines(include_str!("../data/byline_roles.txt"))
        .flat_map(str::split_whitespace)
        .collect()
});

/// Whether a byline part is a writer's role, not a name: its last word is a job title of
/// [`BYLINE_ROLES`] ("Staff Writer", "Senior Correspondent").
pub fn is_byline_role(part: &str) -> bool {
    part.split_whitespace()
        .next_back()
        .is_some_and(|w| BYLINE_ROLES.contains(w.to_lowercase().as_str()))
}

/// Words outlet names are made of, for splitting web hosts into words.
pub static OUTLET_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lines(include_str!("../data/outlet_words.txt"))
        .flat_map(str::split_whitespace)
        .collect()
});

/// Lowercase words an outlet's name ends or opens with (`data/masthead_words.txt`).
pub static MASTHEAD_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../data/masthead_words.txt")).collect());

/// Lowercase articles that may open an outlet's name before its masthead word
/// (`data/masthead_articles.txt`).
pub static MASTHEAD_ARTICLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../data/masthead_articles.txt")).collect());

/// Lowercase words that may join the words of an outlet's name (`data/masthead_joiners.txt`).
pub static MASTHEAD_JOINERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../data/masthead_joiners.txt")).collect());

/// Lowercase words that open a byline before the names ("by", "par", "von", "por"), longest first.
pub static BYLINE_LEAD: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = lines(include_str!("../data/byline_lead.txt")).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
});

/// Lowercase words that open a byline before its lead word ("posted", "beitrag", "publié"):
/// `data/byline_openers.txt`.
pub static BYLINE_OPENERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../data/byline_openers.txt")).collect());

/// Lowercase words that end a name in a byline, what follows saying where the author writes
/// from or for whom ("in", "for", "à", "aus", "desde"): `data/name_enders.txt`.
pub static NAME_ENDERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../data/name_enders.txt")).collect());

/// Lowercase words that join two names in a byline ("and", "et", "und", "y").
pub static NAME_JOINERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("../data/name_joiners.txt")).collect());

/// The [`NAME_JOINERS`] as a byline is cut at them: each between spaces (" and ").
pub static NAME_JOINER_SEPARATORS: LazyLock<Vec<String>> = LazyLock::new(|| {
    NAME_JOINERS
        .iter()
        .map(|joiner| format!(" {joiner} "))
        .collect()
});

/// What a date-line word says of the date it stands by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateWordKind {
    /// Nothing: "on", "at", "am", "um".
    Plain,
    /// It is the publication date: "Published", "Publié le", "Veröffentlicht".
    Published,
    /// It is a later update: "Updated", "Mis à jour", "Aktualisiert".
    Updated,
}

/// Lowercase words around a date in a date line, with what they say of it.
pub static DATE_WORDS: LazyLock<Vec<(DateWordKind, &'static str)>> = LazyLock::new(|| {
    lines(include_str!("../data/date_words.txt"))
        .map(|l| {
            if let Some(w) = l.strip_prefix("updated:") {
                (DateWordKind::Updated, w)
            } else if let Some(w) = l.strip_prefix("published:") {
                (DateWordKind::Published, w)
            } else {
                (DateWordKind::Plain, l)
            }
        })
        .collect()
});

parallax_text::word_table!(
    /// File stems (lowercase) of folder documentation that is not an article ("readme", "expected").
    pub static NON_ARTICLE_NAMES = lines include_str!("../data/non_article_names.txt")
);

/// Class and id words that name an author's box, not the byline (`data/byline_class_not.txt`).
pub static BYLINE_CLASS_NOT: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("../data/byline_class_not.txt")).collect());

parallax_text::word_table!(
    /// English function words, for the fast path of language detection
    /// (`data/english_function_words.txt`).
    pub static ENGLISH_FUNCTION_WORDS = words include_str!("../data/english_function_words.txt")
);

#[cfg(test)]
mod tests {
    use super::*;

    /// `Phrases::is_match` as first written: each phrase of the text's byte compared as a slice.
    fn is_match_plainly(phrases: &[&str], text: &str) -> bool {
        let bytes = text.as_bytes();
        phrases.iter().any(|p| p.is_empty())
            || (0..bytes.len())
                .any(|i| phrases.iter().any(|p| bytes[i..].starts_with(p.as_bytes())))
    }

    #[test]
    fn phrases_are_found_as_comparing_each_as_a_slice_finds_them() {
        let boilerplate: Vec<&str> = BOILERPLATE.iter().map(|&(_, phrase)| phrase).collect();
        let lists: [Vec<&str>; 4] = [
            boilerplate.clone(),
            vec![
                "ab",
                "abcdefgh",
                "abcdefghi",
                "abcdefghij",
                "a",
                "é",
                "日本語です",
            ],
            vec!["", "zz"],
            vec!["a\0", "\0", "share this", "sharé"],
        ];
        // Texts strung together at random (a fixed-seed generator: the same texts every run)
        // from pieces of the phrases, cut and whole, and other text.
        let mut pieces: Vec<&str> = vec![
            " ",
            "a",
            "abcdefg",
            "h",
            "ij",
            "é",
            "日本",
            "語です",
            "\0",
            "x",
            "share ",
            "this",
        ];
        for phrase in boilerplate.iter().take(60) {
            pieces.push(phrase);
            pieces.push(&phrase[..phrase.floor_char_boundary(phrase.len() / 2)]);
        }
        let mut below = crate::testing::below(crate::testing::SEED);
        let sets: Vec<Phrases> = lists.iter().map(|l| Phrases::new(l.clone())).collect();
        let mut found = 0;
        for _ in 0..20_000 {
            let count = below(6);
            let text: String = (0..count).map(|_| pieces[below(pieces.len())]).collect();
            for (list, set) in lists.iter().zip(&sets) {
                let plain = is_match_plainly(list, &text);
                assert_eq!(set.is_match(&text), plain, "{text:?} {list:?}");
                found += usize::from(plain);
            }
        }
        assert!(found > 5_000, "{found}");
    }

    #[test]
    fn every_word_table_reads_its_list_as_the_run_time_reader_does() {
        parallax_text::assert_tables_read_as_at_run_time!(
            CHROME_BLOCKS,
            COUNTED,
            NON_ARTICLE_NAMES,
            ENGLISH_FUNCTION_WORDS,
        );
    }
    use super::Phrases;

    #[track_caller]
    fn check(phrases: &[&'static str], text: &str, expected: bool) {
        let set = Phrases::new(phrases.iter().copied());
        assert_eq!(set.is_match(text), expected, "{phrases:?} in {text:?}");
    }

    #[test]
    fn a_phrase_matches_anywhere_in_the_text() {
        check(&["share this", "©"], "please share this story", true);
        check(&["share this", "©"], "text © 2024 herald", true);
        check(&["share this", "©"], "share thi", false);
        check(&["share this"], "", false);
        check(&[""], "any text", true);
        check(&["é"], "caf\u{e9}", true);
    }
}
