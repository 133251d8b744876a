//! The word lists analysis relies on, kept as data files under `data/`: general to English news.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use parallax_core::EntityKind;

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lowercase stopwords.
pub static STOPWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lines(include_str!("../data/stopwords.txt"))
        .flat_map(str::split_whitespace)
        .collect()
});

/// Lowercase verbs of reported speech.
pub static CUE_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../data/cue_verbs.txt")).collect());

/// Lowercase role words ("spokesman", "president"): the head word of each title in the data file,
/// since what stands before it ("prime", "fire") is a modifier, not a role of its own.
pub static TITLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lines(include_str!("../data/titles.txt"))
        .filter_map(|l| l.split_whitespace().last())
        .collect()
});

/// Abbreviations (lowercase, no final dot) and whether they are always followed by more sentence.
pub static ABBREVIATIONS: LazyLock<HashMap<&'static str, bool>> = LazyLock::new(|| {
    lines(include_str!("../data/abbreviations.txt"))
        .map(|l| match l.strip_prefix('!') {
            Some(a) => (a, true),
            None => (l, false),
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

/// Known places and organisations by every name, and demonyms by place.
struct Gazetteer {
    names: HashMap<&'static str, Known>,
    demonyms: HashMap<&'static str, &'static str>,
}

fn gazetteer() -> Gazetteer {
    let mut names = HashMap::new();
    let mut demonyms = HashMap::new();
    for line in lines(include_str!("../data/places.txt")) {
        let (names_part, demonym_part) = line.split_once(';').unwrap_or((line, ""));
        let mut aliases = names_part
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let Some(canonical) = aliases.next() else {
            continue;
        };
        let known = Known {
            name: canonical,
            kind: EntityKind::Place,
        };
        names.insert(canonical, known);
        for alias in aliases {
            names.insert(alias, known);
        }
        for d in demonym_part
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            demonyms.insert(d, canonical);
        }
    }
    for line in lines(include_str!("../data/organizations.txt")) {
        let mut aliases = line.split('|').map(str::trim).filter(|s| !s.is_empty());
        let Some(canonical) = aliases.next() else {
            continue;
        };
        let known = Known {
            name: canonical,
            kind: EntityKind::Organization,
        };
        names.insert(canonical, known);
        for alias in aliases {
            names.insert(alias, known);
        }
    }
    Gazetteer { names, demonyms }
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(gazetteer);

/// A known place or organisation by one of its names, as written (case matters: "US" vs "us").
pub fn known(name: &str) -> Option<Known> {
    let g = &GAZETTEER.names;
    g.get(name)
        .or_else(|| name.strip_prefix("the ").and_then(|n| g.get(n)))
        .copied()
}

/// The place a demonym or adjective stands for ("Ukrainian" -> "Ukraine").
pub fn demonym(word: &str) -> Option<&'static str> {
    GAZETTEER.demonyms.get(word).copied()
}

/// Words that make a name an organisation's.
pub static ORG_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    "Agency Ministry Department Council Committee Commission Union Organization Organisation Bank \
     University College School Institute Association Federation Party Corporation Corp Inc Ltd Company \
     Group Times Post News Press Journal Herald Tribune Gazette Guardian Telegraph Network Radio \
     Television TV Court Parliament Assembly Congress Senate Office Service Services Forces Army Navy \
     Police Force Foundation Fund Authority Board Bureau Centre Center Hospital Airlines Airways Railways \
     Club Church Ministry Administration Government Cabinet Coalition Alliance Movement Front League \
     Society Trust Media Records Studios Motors Holdings Industries Reserve Guard Command Embassy \
     Logistics Shipping Energy Systems Technologies Pharmaceuticals Partners Capital Airline Courier Ledger \
     Chronicle Observer Express Mail Daily Weekly FM Broadcasting Rescue Brigade Agency Commissioner Council \
     Clinic Prison Academy Museum Library Laboratory Lab Institute Exchange Corps Secretariat"
        .split_whitespace()
        .collect()
});

/// Words that make a name an event's or thing's rather than a person's.
pub static OTHER_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    "War Cup Games Olympics Summit Conference Day Act Treaty Accord Agreement Award Awards Prize Festival \
     Week Crisis Revolution Era Project Plan Program Programme Sunday Monday Tuesday Wednesday Thursday \
     Friday Saturday Empire \
     Declaration Constitution Bill Law Doctrine Index Show Live Tonight Today"
        .split_whitespace()
        .collect()
});

/// Words that make a name a place's.
pub static PLACE_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    "Street Avenue Road Square Bridge Airport Station Stadium Park River Lake Mountain Mountains Island \
     Islands Sea Ocean Bay Valley Province Region District County City Town Village Port Harbour Harbor \
     Beach Coast Peninsula Strait Canal Desert Forest Hills Heights Walk Lane Drive Pier Quay Wharf Dock Docks"
        .split_whitespace()
        .collect()
});
