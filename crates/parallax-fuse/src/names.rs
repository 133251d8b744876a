//! Names across a story: one outlet's "Biden" is another's "Joe Biden".

use foldhash::{HashMap, HashMapExt, HashSet};
use std::collections::BTreeMap;

use parallax_analyze::shows_a_person;
use parallax_core::{Analyzed, BriefEntity, EntityKind};

use crate::quotes::most_common;

parallax_text::word_table!(
    /// Courtesy titles and suffixes left out of a speaker's name parts
    /// (`data/name_courtesies.txt`).
    static COURTESIES = lines include_str!("../data/name_courtesies.txt")
);

/// Maps every name used in a story to its fullest form.
#[derive(Debug, Default)]
pub struct NameIndex {
    canonical: HashMap<String, String>,
    kinds: HashMap<String, EntityKind>,
}

impl NameIndex {
    /// Learns the names of all articles.
    pub fn new(docs: &[Analyzed]) -> Self {
        let mut kinds: HashMap<String, EntityKind> = HashMap::new();
        let mut by_last: HashMap<String, HashSet<String>> = HashMap::new();
        // First names an article itself read as a person it names in full ("Mahathir" …
        // "Prime Minister Mahathir Mohamad"): the same word is that person in the others too,
        // even where a preposition before it made it look like a place ("to Mahathir").
        let mut first_name_of: HashMap<String, HashSet<String>> = HashMap::new();
        // The people each word opens the full name of, across the story.
        let mut opening: HashMap<String, HashSet<String>> = HashMap::new();
        for e in docs.iter().flat_map(|d| &d.entities) {
            let first_word = e.name.split_whitespace().next();
            if e.kind == EntityKind::Person
                && e.name.contains(' ')
                && first_word == Some(e.surface.as_str())
            {
                first_name_of
                    .entry(e.surface.clone())
                    .or_default()
                    .insert(e.name.clone());
            }
            let entry = kinds.entry(e.name.clone()).or_insert(e.kind);
            if e.kind == EntityKind::Person || *entry == EntityKind::Other {
                *entry = e.kind;
            }
            if e.kind == EntityKind::Person && e.name.contains(' ') {
                if let Some(first) = e.name.split_whitespace().next() {
                    opening
                        .entry(first.to_string())
                        .or_default()
                        .insert(e.name.clone());
                }
                if let Some(last) = e.name.split_whitespace().last() {
                    by_last
                        .entry(last.to_string())
                        .or_default()
                        .insert(e.name.clone());
                }
            }
        }
        // A first name that names a relative somewhere ("Pinochet's son, Augusto") is not the
        // person named in full anywhere in the story.
        let relatives: HashSet<&str> = docs
            .iter()
            .flat_map(|d| &d.entities)
            .filter(|e| {
                !e.name.contains(' ')
                    && e.title.as_deref().is_some_and(parallax_analyze::is_kinship)
            })
            .map(|e| e.name.as_str())
            .collect();
        let mut canonical = HashMap::new();
        let only = |s: &HashSet<String>| (s.len() == 1).then(|| s.iter().next()).flatten().cloned();
        for (name, kind) in &kinds {
            if name.contains(' ') || *kind == EntityKind::Organization {
                continue;
            }
            let by_surname = (*kind != EntityKind::Place)
                .then(|| by_last.get(name).and_then(only))
                .flatten();
            // A word that is someone's surname, opens two people's names or names a relative
            // is nobody's first name across the story.
            let by_first_name = (!by_last.contains_key(name)
                && !relatives.contains(name.as_str())
                && opening.get(name).is_some_and(|s| s.len() == 1))
            .then(|| first_name_of.get(name).and_then(only))
            .flatten();
            if let Some(full) = by_surname.or(by_first_name) {
                canonical.insert(name.clone(), full);
            }
        }
        canonical.extend(misspellings(docs));
        for full in canonical.values() {
            kinds.insert(full.clone(), EntityKind::Person);
        }
        Self { canonical, kinds }
    }

    /// The fullest form of a name.
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.canonical.get(name).map_or(name, String::as_str)
    }

    /// The parts of a speaker's name that identify them across outlets: lower-case, without
    /// diacritics, split at spaces and hyphens ("Strauss - Kahn", "Strauss-Kahn" and "strauss kahn"
    /// are one), courtesy titles dropped.
    pub fn name_parts(name: &str) -> Vec<String> {
        fold(name)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !COURTESIES.contains(w))
            .map(str::to_string)
            .collect()
    }

    /// The entities of the story, most widely reported first.
    pub fn entities(&self, docs: &[Analyzed]) -> Vec<BriefEntity> {
        struct Acc {
            kind: EntityKind,
            aliases: Vec<String>,
            titles: Vec<String>,
            sources: Vec<usize>,
            mentions: usize,
            shown_a_person: bool,
        }
        let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
        for (d, doc) in docs.iter().enumerate() {
            let speakers: HashSet<&str> = doc
                .quotes
                .iter()
                .filter_map(|q| q.speaker.as_ref().map(|s| s.name.as_str()))
                .collect();
            for e in &doc.entities {
                let name = self.canonical(&e.name).to_string();
                let kind = self.kinds.get(&name).copied().unwrap_or(e.kind);
                let a = acc.entry(name.clone()).or_insert_with(|| Acc {
                    kind,
                    aliases: Vec::new(),
                    titles: Vec::new(),
                    sources: Vec::new(),
                    mentions: 0,
                    shown_a_person: false,
                });
                a.mentions += 1;
                a.shown_a_person = a.shown_a_person
                    || shows_a_person(e, speakers.contains(e.name.as_str()), &doc.article.text);
                if !a.sources.contains(&d) {
                    a.sources.push(d);
                }
                for alias in [&e.surface, &e.name] {
                    if *alias != name && !a.aliases.contains(alias) {
                        a.aliases.push(alias.clone());
                    }
                }
                if let Some(t) = &e.title {
                    a.titles.push(t.clone());
                }
            }
        }
        // "Marlow said" in a story of Marlow Health: a lone word with no title that opens the
        // name of exactly one organisation of the story is that organisation, short.
        let mut opens_org: HashMap<&str, Option<&str>> = HashMap::new();
        for (name, a) in &acc {
            if let Some((first, _)) = name
                .split_once(' ')
                .filter(|_| a.kind == EntityKind::Organization)
            {
                opens_org
                    .entry(first)
                    .and_modify(|o| *o = None)
                    .or_insert(Some(name.as_str()));
            }
        }
        let short: Vec<(String, String)> = acc
            .iter()
            .filter(|(name, a)| {
                a.kind == EntityKind::Person && a.titles.is_empty() && !name.contains(' ')
            })
            .filter_map(|(name, _)| {
                Some((name.clone(), (*opens_org.get(name.as_str())?)?.to_string()))
            })
            .collect();
        for (name, org) in short {
            if let (Some(lone), Some(o)) = (acc.remove(&name), acc.get_mut(&org)) {
                o.mentions += lone.mentions;
                for d in lone.sources {
                    if !o.sources.contains(&d) {
                        o.sources.push(d);
                    }
                }
                o.sources.sort_unstable();
                if !o.aliases.contains(&name) {
                    o.aliases.push(name);
                }
            }
        }
        let mut out: Vec<BriefEntity> = acc
            .into_iter()
            .map(|(name, a)| {
                let mut titles = Vec::new();
                let mut rest = a.titles.clone();
                while let Some(t) = most_common(rest.iter().cloned()) {
                    rest.retain(|x| *x != t);
                    titles.push(t);
                }
                // A person only by the shape of the name, nowhere in the story shown to be one, is
                // listed among the other names: a wrong person costs more than a missing one.
                let kind = match a.kind {
                    EntityKind::Person if !a.shown_a_person => EntityKind::Other,
                    kind => kind,
                };
                BriefEntity {
                    name,
                    kind,
                    aliases: a.aliases,
                    titles,
                    sources: a
                        .sources
                        .iter()
                        .map(|&d| docs[d].article.id.clone())
                        .collect(),
                    mentions: a.mentions,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.sources
                .len()
                .cmp(&a.sources.len())
                .then(b.mentions.cmp(&a.mentions))
                .then(a.name.cmp(&b.name))
        });
        out
    }
}

/// Lower-cases a text and takes the diacritics off its Latin letters ("Müller" → "muller",
/// "Sánchez" → "sanchez", "Straße" → "strasse").
pub fn fold(text: &str) -> String {
    // Every letter folded below is outside ASCII: ASCII text is only lowercased.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'č' | 'ĉ' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ğ' | 'ģ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
            'ķ' => "k",
            'ł' | 'ľ' | 'ļ' => "l",
            'ñ' | 'ń' | 'ň' | 'ņ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'ŕ' | 'ř' => "r",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'ť' | 'ţ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            '’' | '‘' => "'",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(plain);
    }
    out
}

/// The fewest letters of a surname whose one-letter misspelling is taken for it.
const MIN_SURNAME_LETTERS: usize = 6;
/// Full names with one first name compared pairwise for misspellings; past this, none are.
const MAX_NAMES_PER_FIRST_NAME: usize = 32;

/// Full names that one outlet misspells ("Andrew Welzler" for "Andrew Wetzler"): the same first
/// name, a surname of some length one letter away, and the rarer spelling (by mentions across the
/// story) taken for the commoner. Equally common spellings stay apart: nothing says which is right.
fn misspellings(docs: &[Analyzed]) -> HashMap<String, String> {
    let mut mentions: BTreeMap<&str, usize> = BTreeMap::new();
    for e in docs.iter().flat_map(|d| &d.entities) {
        if e.kind == EntityKind::Person && e.name.split_whitespace().count() == 2 {
            *mentions.entry(e.name.as_str()).or_default() += 1;
        }
    }
    let mut by_first: BTreeMap<&str, Vec<(&str, &str, usize)>> = BTreeMap::new();
    for (&name, &n) in &mentions {
        if let Some((first, last)) = name.split_once(' ') {
            by_first.entry(first).or_default().push((name, last, n));
        }
    }
    let mut out = HashMap::new();
    for names in by_first.values() {
        if names.len() > MAX_NAMES_PER_FIRST_NAME {
            continue;
        }
        for &(rare, rare_last, n) in names {
            let commoner: Vec<&str> = names
                .iter()
                .filter(|&&(_, last, m)| {
                    m > n
                        && last.chars().count().min(rare_last.chars().count())
                            >= MIN_SURNAME_LETTERS
                        && one_letter_apart(last, rare_last)
                })
                .map(|&(name, _, _)| name)
                .collect();
            if let [one] = commoner.as_slice() {
                out.insert(rare.to_string(), (*one).to_string());
            }
        }
    }
    out
}

/// Whether one letter changed, added or dropped turns `a` into `b`.
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    match long.len() - short.len() {
        0 => prefix < short.len() && short[prefix + 1..] == long[prefix + 1..],
        1 => short[prefix..] == long[prefix + 1..],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn courtesy_titles_are_no_part_of_a_name() {
        assert!(COURTESIES.reads_as_at_run_time());
        assert_eq!(
            NameIndex::name_parts("Mr. Jean-Luc Ávila Jr"),
            ["jean", "luc", "avila"]
        );
    }

    #[track_caller]
    fn check(a: &str, b: &str, expected: bool) {
        assert_eq!(one_letter_apart(a, b), expected, "{a:?} {b:?}");
    }

    #[test]
    fn one_outlets_misspelling_is_the_name_the_others_use() {
        let doc =
            |id: &str, text: &str| parallax_analyze::analyze(crate::testing::article(id, text));
        let docs = [
            doc(
                "a",
                "Andrew Wetzler spoke first. Later Andrew Wetzler left the hall.",
            ),
            doc("b", "The council heard Andrew Wetzler on Monday."),
            doc("c", "The council heard Andrew Welzler on Monday."),
            doc(
                "d",
                "Maria Lindqvist and Maria Lindkvist both spoke on Monday.",
            ),
        ];
        let names = NameIndex::new(&docs);
        assert_eq!(names.canonical("Andrew Welzler"), "Andrew Wetzler");
        assert_eq!(names.canonical("Andrew Wetzler"), "Andrew Wetzler");
        // As common as each other: nothing says which is right.
        assert_eq!(names.canonical("Maria Lindkvist"), "Maria Lindkvist");
    }

    /// The kind under which the story's entities list each name.
    fn listed_kinds(texts: &[&str]) -> HashMap<String, EntityKind> {
        let docs: Vec<Analyzed> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| parallax_analyze::analyze(crate::testing::article(&format!("d{i}"), t)))
            .collect();
        NameIndex::new(&docs)
            .entities(&docs)
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect()
    }

    #[test]
    fn an_organisation_called_by_its_first_word_is_no_person() {
        let kinds = listed_kinds(&[
            "A cyberattack crippled the computer systems of Marlow Health on Sunday night. Ambulances were diverted from 12 hospitals, Marlow said.",
            "Marlow Health said patients should still come to their appointments.",
        ]);
        assert_eq!(kinds.get("Marlow"), None, "{kinds:?}");
        assert_eq!(
            kinds.get("Marlow Health"),
            Some(&EntityKind::Organization),
            "{kinds:?}"
        );
    }

    #[test]
    fn a_name_only_its_shape_made_a_persons_is_listed_among_other_names() {
        let kinds = listed_kinds(&[
            "Delegates praised Kuala Lumpur on Monday. Fans said Indiana Pacers lost.",
            "Everyone praised Kuala Lumpur late into the night.",
        ]);
        assert_eq!(
            kinds.get("Kuala Lumpur"),
            Some(&EntityKind::Other),
            "{kinds:?}"
        );
        assert_eq!(
            kinds.get("Indiana Pacers"),
            Some(&EntityKind::Other),
            "{kinds:?}"
        );
    }

    #[test]
    fn a_name_one_outlet_shows_to_be_a_persons_is_a_person_in_the_story() {
        // Nothing in the first outlet shows that Okonjo Brandt is a person; the second calls him
        // by his surname, the third gives his role.
        for second in [
            "Okonjo Brandt arrived late. Brandt left early.",
            "The club's coach Okonjo Brandt arrived late.",
        ] {
            let kinds = listed_kinds(&["The hall was full when Okonjo Brandt arrived.", second]);
            assert_eq!(
                kinds.get("Okonjo Brandt"),
                Some(&EntityKind::Person),
                "{second}"
            );
        }
        let alone = listed_kinds(&["The hall was full when Okonjo Brandt arrived."]);
        assert_eq!(alone.get("Okonjo Brandt"), Some(&EntityKind::Other));
    }

    #[test]
    fn a_first_name_one_outlet_reads_as_a_person_is_that_person_in_all() {
        let doc =
            |id: &str, text: &str| parallax_analyze::analyze(crate::testing::article(id, text));
        let docs = [
            doc(
                "a",
                "Prime Minister Rahmat Salleh opened the bridge. Rahmat said it cost too much.",
            ),
            doc(
                "b",
                "Crowds marched to Rahmat on Friday. Rahmat spoke later.",
            ),
            doc("c", "Crowds marched to Tellan on Friday."),
        ];
        let names = NameIndex::new(&docs);
        assert_eq!(names.canonical("Rahmat"), "Rahmat Salleh");
        // Nothing read "Tellan" as anyone.
        assert_eq!(names.canonical("Tellan"), "Tellan");
        // A surname read as one person in one outlet may be another's in the next: left alone.
        let lindes = [
            doc(
                "a",
                "Senator Mara Linde spoke. Linde said the vote was close.",
            ),
            doc("b", "Mayor Tom Linde spoke first."),
            doc("c", "Crowds marched to Linde on Friday."),
        ];
        assert_eq!(NameIndex::new(&lindes).canonical("Linde"), "Linde");
        // Two people the word opens, across the story: left alone too.
        let rahmats = [
            doc(
                "a",
                "Prime Minister Rahmat Salleh opened the bridge. Rahmat said it cost too much.",
            ),
            doc("b", "Rahmat Osman, an engineer, was not there."),
            doc("c", "Crowds marched to Rahmat on Friday."),
        ];
        assert_eq!(NameIndex::new(&rahmats).canonical("Rahmat"), "Rahmat");
        // A relative of that first name, beside the full name in one outlet: left alone.
        let relatives = [
            doc(
                "a",
                "Prime Minister Rahmat Salleh opened the bridge. Rahmat said it cost too much.",
            ),
            doc(
                "b",
                "Prime Minister Rahmat Salleh was away. His son, Rahmat, said the family was proud.",
            ),
            doc("c", "Crowds marched to Rahmat on Friday."),
        ];
        assert_eq!(NameIndex::new(&relatives).canonical("Rahmat"), "Rahmat");
        let rahmat = names
            .entities(&docs)
            .into_iter()
            .find(|e| e.name == "Rahmat Salleh")
            .expect("one entity");
        assert_eq!(rahmat.kind, EntityKind::Person);
        assert_eq!(rahmat.sources, ["a", "b"]);
    }

    #[test]
    fn one_letter_changed_added_or_dropped() {
        check("Wetzler", "Welzler", true);
        check("Wetzler", "Wetzlers", true);
        check("Wetzler", "Wezler", true);
        check("Wetzler", "Wetzler", false);
        check("Wetzler", "Weltzer", false);
        check("Müller", "Muller", true);
    }

    #[test]
    fn names_with_and_without_diacritics_are_one() {
        assert_eq!(
            NameIndex::name_parts("José Sánchez"),
            NameIndex::name_parts("Jose Sanchez")
        );
        assert_eq!(
            NameIndex::name_parts("Dominique Strauss - Kahn"),
            ["dominique", "strauss", "kahn"]
        );
        assert_eq!(fold("Müller, Straße"), "muller, strasse");
    }
}
