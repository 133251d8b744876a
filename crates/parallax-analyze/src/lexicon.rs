//! The word lists analysis relies on, kept as data files under `data/`: general to English news.

use foldhash::{HashMap, HashSet, HashSetExt};
use std::sync::LazyLock;

use parallax_core::EntityKind;

use parallax_text::{lines, list_words};

/// Lowercase stopwords: the function words of `parallax_text` and analysis's own
/// (`data/stopwords.txt`).
pub static STOPWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    parallax_text::STOPWORDS
        .iter()
        .copied()
        .chain(list_words(include_str!("../data/stopwords.txt")))
        .collect()
});

parallax_text::word_table!(
    /// Lowercase verbs of reported speech.
    pub static CUE_VERBS = lines include_str!("../data/cue_verbs.txt")
);

/// Lowercase role words ("spokesman", "president"): the head word of each title in the data file,
/// since what stands before it ("prime", "fire") is a modifier, not a role of its own.
pub static TITLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let data = include_str!("../data/titles.txt");
    let mut titles = HashSet::with_capacity(parallax_text::lines_at_most(data));
    titles.extend(lines(data).filter_map(|l| l.split_whitespace().last()));
    titles
});

/// Words that open a person's name beyond the gendered given names (`data/given_names_more.txt`:
/// given names of either gender, family names written first).
pub static GIVEN_NAMES_MORE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let data = include_str!("../data/given_names_more.txt");
    let mut names = HashSet::with_capacity(parallax_text::words_at_most(data));
    names.extend(lines(data).flat_map(|l| l.split_whitespace().skip(1)));
    names
});

/// What may follow an abbreviation's full stop in the same sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// Always more of the sentence: a title before a name, a month before its day ("Dr.", "Feb.").
    Continued,
    /// More of the sentence unless a function word follows ("U.S. officials", "in the U.S. The").
    Either,
    /// A time of day ("p.m."): a capitalised word after it opens a new sentence unless it names a
    /// day or a month or is written in capitals ("4 p.m. Sunday", "9 a.m. EST").
    TimeOfDay,
}

/// Abbreviations (lowercase, no final dot) and what may follow them.
pub static ABBREVIATIONS: LazyLock<HashMap<&'static str, Abbreviation>> = LazyLock::new(|| {
    lines(include_str!("../data/abbreviations.txt"))
        .map(|l| {
            if let Some(a) = l.strip_prefix('!') {
                (a, Abbreviation::Continued)
            } else if let Some(a) = l.strip_prefix('@') {
                (a, Abbreviation::TimeOfDay)
            } else {
                (l, Abbreviation::Either)
            }
        })
        .collect()
});

/// A known name: its canonical form and kind.
#[derive(Debug, Clone, Copy)]
pub struct Known {
    /// The canonical name.
    pub name: &'static str,
    /// What it is.
    pub kind: EntityKind,
}

/// The gazetteer's two lists, one text: places (`name | alias ; demonym | demonym`), then
/// organisations (`name | alias`), which begin at [`ORGANIZATIONS_FROM`].
const GAZETTEER_TEXT: &str = concat!(
    include_str!("../data/places.txt"),
    "\n",
    include_str!("../data/organizations.txt")
);
const ORGANIZATIONS_FROM: usize = include_str!("../data/places.txt").len() + 1;
const GAZETTEER_SLOTS: usize = parallax_text::table::slots_for(
    parallax_text::table::separated_at_most(GAZETTEER_TEXT.as_bytes(), b"|;\n"),
);
type GazetteerMap = parallax_text::table::RangeMap<GAZETTEER_SLOTS>;

/// The tags of [`NAMES`]: what a name names.
const PLACE: u8 = 0;
const ORGANIZATION: u8 = 1;

/// Known places and organisations by every name, to their canonical name (the first of a line).
static NAMES: GazetteerMap = gazetteer(Gazetteer::Names);
/// The names of [`NAMES`] that end in a full stop, without it ("U.S" for "U.S.").
static NAMES_WITHOUT_STOP: GazetteerMap = gazetteer(Gazetteer::NamesWithoutStop);
/// Demonyms and adjectives to the place they stand for.
static DEMONYMS: GazetteerMap = gazetteer(Gazetteer::Demonyms);

/// Which map of the gazetteer to build.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gazetteer {
    Names,
    NamesWithoutStop,
    Demonyms,
}

/// One map of the gazetteer, at compile time. A later line's name replaces an earlier one's, as
/// inserting into a `HashMap` in the lists' order would.
const fn gazetteer(which: Gazetteer) -> GazetteerMap {
    use parallax_text::table::{find, next_field, next_line};
    let bytes = GAZETTEER_TEXT.as_bytes();
    let mut map = GazetteerMap::new(GAZETTEER_TEXT);
    let mut from = 0;
    while let Some((start, end, next)) = next_line(bytes, from) {
        from = next;
        let tag = if start >= ORGANIZATIONS_FROM {
            ORGANIZATION
        } else {
            PLACE
        };
        // Places end their names at a `;`, demonyms after it; an organisation's line is names.
        let names_end = match find(bytes, start, end, b';') {
            Some(semicolon) if tag == PLACE => semicolon,
            _ => end,
        };
        let (cs, ce, _) = next_field(bytes, start, names_end, b'|');
        if cs == ce {
            continue;
        }
        let canonical = (cs, ce);
        match which {
            Gazetteer::Names => insert_names(&mut map, start, names_end, canonical, tag, false),
            Gazetteer::NamesWithoutStop => {
                insert_names(&mut map, start, names_end, canonical, tag, true)
            }
            Gazetteer::Demonyms if names_end < end => {
                insert_names(&mut map, names_end + 1, end, canonical, tag, false)
            }
            Gazetteer::Demonyms => {}
        }
    }
    map
}

/// Maps each `|`-separated name of `GAZETTEER_TEXT[start..end]` to `canonical`; with
/// `without_stop`, only the names that end in a full stop, without it.
const fn insert_names(
    map: &mut GazetteerMap,
    mut at: usize,
    end: usize,
    canonical: (usize, usize),
    tag: u8,
    without_stop: bool,
) {
    let bytes = GAZETTEER_TEXT.as_bytes();
    while at < end {
        let (s, e, rest) = parallax_text::table::next_field(bytes, at, end, b'|');
        at = rest;
        if s == e {
            continue;
        }
        if !without_stop {
            map.insert((s, e), canonical, tag);
        } else if bytes[e - 1] == b'.' && e - 1 > s {
            map.insert((s, e - 1), canonical, tag);
        }
    }
}

fn known_by(map: &GazetteerMap, name: &str) -> Option<Known> {
    let (canonical, tag) = map.get(name)?;
    let kind = if tag == ORGANIZATION {
        EntityKind::Organization
    } else {
        EntityKind::Place
    };
    Some(Known {
        name: canonical,
        kind,
    })
}

/// A known place or organisation by one of its names, as written (case matters: "US" vs "us"),
/// or in capitals, as datelines and headlines write them ("MEXICO CITY" is "Mexico City").
pub fn known(name: &str) -> Option<Known> {
    known_by(&NAMES, name)
        .or_else(|| name.strip_prefix("the ").and_then(|n| known_by(&NAMES, n)))
        .or_else(|| in_capitals(name).and_then(|n| known_by(&NAMES, &n)))
}

/// A name written all in capitals ("NEW YORK") as names are usually written ("New York").
fn in_capitals(name: &str) -> Option<String> {
    // A lowercase letter, found at once in most names, rules it out before the letters are counted.
    if name.chars().any(char::is_lowercase)
        || name.chars().filter(|c| c.is_alphabetic()).count() < 4
    {
        return None;
    }
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = c.is_whitespace() || c == '-';
    }
    Some(out)
}

/// A known place or organisation whose name is `word` and a full stop ("U.S" -> "U.S.").
pub fn known_with_stop(word: &str) -> Option<Known> {
    known_by(&NAMES_WITHOUT_STOP, word)
}

/// The place a demonym or adjective stands for ("Ukrainian" -> "Ukraine").
pub fn demonym(word: &str) -> Option<&'static str> {
    DEMONYMS.get(word).map(|(place, _)| place)
}

parallax_text::word_table!(
    /// German articles that are name connectors elsewhere ("van der Bellen") but after a role open
    /// its genitive ("Sprecher des Kreisverbandes") and after a name its dative ("sagte Wendland
    /// der Zeitung": `data/german_case_articles.txt`).
    pub static GERMAN_ARTICLES = lines include_str!("../data/german_case_articles.txt")
);

parallax_text::word_table!(
    /// German words after which a noun's complement is an organisation ("Angaben der Polizei":
    /// `data/organisation_genitives.txt`).
    pub static ORGANISATION_GENITIVES = lines include_str!("../data/organisation_genitives.txt")
);

parallax_text::word_table!(
    /// Names of days that end in a weekday ("Good Friday": `data/named_days.txt`).
    pub static NAMED_DAYS = lines include_str!("../data/named_days.txt")
);

/// Endings of German compound titles (`data/title_suffixes.txt`).
pub static TITLE_SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("../data/title_suffixes.txt")).collect());

parallax_text::word_table!(
    /// Words that make a name an organisation's (`data/org_words.txt`).
    pub static ORG_WORDS = words include_str!("../data/org_words.txt")
);

parallax_text::word_table!(
    /// Words that make a name an event's or thing's rather than a person's (`data/other_words.txt`).
    pub static OTHER_WORDS = words include_str!("../data/other_words.txt")
);

parallax_text::word_table!(
    /// Words that make a name a place's (`data/place_words.txt`).
    pub static PLACE_WORDS = words include_str!("../data/place_words.txt")
);

parallax_text::word_table!(
    /// Lowercase words that may stand inside a title before a name (`data/title_modifiers.txt`).
    /// Words that join an office to its portfolio before a name ("ministre des Transports Julien
    /// Carrel"), lowercase (`data/portfolio_connectors.txt`).
    pub static PORTFOLIO_CONNECTORS = lines include_str!("../data/portfolio_connectors.txt")
);

parallax_text::word_table!(
    /// Offices of one who speaks for another, lowercase (`data/spokesperson_words.txt`).
    pub static SPOKESPERSON_WORDS = lines include_str!("../data/spokesperson_words.txt")
);

parallax_text::word_table!(
    pub static TITLE_MODIFIERS = lines include_str!("../data/title_modifiers.txt")
);

parallax_text::word_table!(
    /// Lowercase words that say when someone holds an office ("former", "acting",
    /// `data/office_tense.txt`).
    pub static OFFICE_TENSE = words include_str!("../data/office_tense.txt")
);

parallax_text::word_table!(
    /// Lowercase words that join the parts of one name (`data/name_connectors.txt`).
    pub static NAME_CONNECTORS = words include_str!("../data/name_connectors.txt")
);

parallax_text::word_table!(
    /// Capitalised words that are not names on their own (`data/not_names.txt`).
    pub static NOT_NAMES = words include_str!("../data/not_names.txt")
);

parallax_text::word_table!(
    /// Function words of other languages that open a sentence before a name (`data/name_openers.txt`).
    pub static NAME_OPENERS = words include_str!("../data/name_openers.txt")
);

parallax_text::word_table!(
    /// Determiners of four languages, lowercase (`data/determiners.txt`).
    pub static DETERMINERS = words include_str!("../data/determiners.txt")
);

parallax_text::word_table!(
    /// Words for relatives (`data/kinship.txt`).
    pub static KINSHIP = words include_str!("../data/kinship.txt")
);

parallax_text::word_table!(
    /// Relative pronouns that stand only for people (`data/person_relatives.txt`).
    pub static PERSON_RELATIVES = words include_str!("../data/person_relatives.txt")
);

parallax_text::word_table!(
    /// Articles that open institution names in other languages (`data/name_articles.txt`).
    pub static NAME_ARTICLES = words include_str!("../data/name_articles.txt")
);

/// Words around a lone capitalised word that make it a place (`data/place_cues.txt`): the word
/// before it, and the word after it.
pub struct PlaceCues {
    /// Lowercase words just before ("in", "near").
    pub before: HashSet<&'static str>,
    /// Lowercase words just after ("district", "harbour").
    pub after: HashSet<&'static str>,
    /// Lowercase words just before that make a place even of a name of several words ("in").
    pub name_before: HashSet<&'static str>,
}

/// See [`PlaceCues`].
pub static PLACE_CUES: LazyLock<PlaceCues> = LazyLock::new(|| {
    let mut cues = PlaceCues {
        before: HashSet::new(),
        after: HashSet::new(),
        name_before: HashSet::new(),
    };
    for line in lines(include_str!("../data/place_cues.txt")) {
        match line.split_once(' ') {
            Some(("before", w)) => cues.before.insert(w.trim()),
            Some(("after", w)) => cues.after.insert(w.trim()),
            Some(("name-before", w)) => cues.name_before.insert(w.trim()),
            _ => false,
        };
    }
    cues
});

#[cfg(test)]
mod tests {
    use super::*;
    use foldhash::HashMapExt;

    /// The gazetteer as it was built at run time, in the lists' order (known places and
    /// organisations by every name, and demonyms by place): what the compile-time maps must hold.
    struct RunTimeGazetteer {
        names: HashMap<&'static str, Known>,
        /// The names that end in a full stop, without it.
        without_stop: HashMap<&'static str, Known>,
        demonyms: HashMap<&'static str, &'static str>,
    }

    fn run_time_gazetteer() -> RunTimeGazetteer {
        let (places, organizations) = (
            include_str!("../data/places.txt"),
            include_str!("../data/organizations.txt"),
        );
        // Sized for every word of both lists: names of several words make that a bound.
        let mut names = HashMap::with_capacity(
            parallax_text::words_at_most(places) + parallax_text::words_at_most(organizations),
        );
        let mut demonyms = HashMap::with_capacity(parallax_text::words_at_most(places));
        let parts = |list: &'static str| list.split('|').map(str::trim).filter(|s| !s.is_empty());
        // A line's first name is the entity's, and every name of it is known as that entity.
        let mut insert = |names_part: &'static str, kind: EntityKind| {
            let mut aliases = parts(names_part);
            let canonical = aliases.next()?;
            let known = Known {
                name: canonical,
                kind,
            };
            names.insert(canonical, known);
            for alias in aliases {
                names.insert(alias, known);
            }
            Some(canonical)
        };
        for line in lines(places) {
            let (names_part, demonym_part) = line.split_once(';').unwrap_or((line, ""));
            let Some(canonical) = insert(names_part, EntityKind::Place) else {
                continue;
            };
            for d in parts(demonym_part) {
                demonyms.insert(d, canonical);
            }
        }
        for line in lines(organizations) {
            insert(line, EntityKind::Organization);
        }
        // "U.S." is tokenised "U.S": names ending in a full stop are found without it too.
        let without_stop = names
            .iter()
            .filter_map(|(name, known)| Some((name.strip_suffix('.')?, *known)))
            .collect();
        RunTimeGazetteer {
            names,
            without_stop,
            demonyms,
        }
    }

    #[test]
    fn the_gazetteer_built_at_compile_time_is_the_one_read_at_run_time() {
        let g = run_time_gazetteer();
        let same = |map: &GazetteerMap, expected: &HashMap<&str, Known>| {
            assert_eq!(map.len(), expected.len());
            for (name, k) in expected {
                let got = known_by(map, name).unwrap_or_else(|| panic!("{name} is missing"));
                assert_eq!((got.name, got.kind), (k.name, k.kind), "{name}");
            }
        };
        same(&NAMES, &g.names);
        same(&NAMES_WITHOUT_STOP, &g.without_stop);
        assert_eq!(DEMONYMS.len(), g.demonyms.len());
        for (d, place) in &g.demonyms {
            assert_eq!(demonym(d), Some(*place), "{d}");
        }
        assert_eq!(known("U.S").map(|k| k.name), None);
        assert_eq!(
            known_with_stop("U.S").map(|k| k.name),
            Some("United States")
        );
    }

    #[test]
    fn every_word_table_reads_its_list_as_the_run_time_reader_does() {
        parallax_text::assert_tables_read_as_at_run_time!(
            CUE_VERBS,
            NAMED_DAYS,
            GERMAN_ARTICLES,
            ORGANISATION_GENITIVES,
            ORG_WORDS,
            OTHER_WORDS,
            PLACE_WORDS,
            PORTFOLIO_CONNECTORS,
            SPOKESPERSON_WORDS,
            TITLE_MODIFIERS,
            OFFICE_TENSE,
            NAME_CONNECTORS,
            NOT_NAMES,
            NAME_OPENERS,
            DETERMINERS,
            KINSHIP,
            PERSON_RELATIVES,
            NAME_ARTICLES,
        );
    }
}
