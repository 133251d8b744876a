//! Names across a story: one outlet's "Biden" is another's "Joe Biden".

use std::collections::{BTreeMap, HashMap, HashSet};

use parallax_core::{Analyzed, BriefEntity, EntityKind};

use crate::quotes::most_common;

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
        for e in docs.iter().flat_map(|d| &d.entities) {
            let entry = kinds.entry(e.name.clone()).or_insert(e.kind);
            if e.kind == EntityKind::Person || *entry == EntityKind::Other {
                *entry = e.kind;
            }
            if e.kind == EntityKind::Person && e.name.contains(' ') {
                if let Some(last) = e.name.split_whitespace().last() {
                    by_last
                        .entry(last.to_string())
                        .or_default()
                        .insert(e.name.clone());
                }
            }
        }
        let mut canonical = HashMap::new();
        for (name, kind) in &kinds {
            if name.contains(' ') || matches!(kind, EntityKind::Place | EntityKind::Organization) {
                continue;
            }
            if let Some(full) = by_last
                .get(name)
                .filter(|s| s.len() == 1)
                .and_then(|s| s.iter().next())
            {
                canonical.insert(name.clone(), full.clone());
            }
        }
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
            .filter(|w| !w.is_empty() && !matches!(*w, "mr" | "mrs" | "ms" | "dr" | "jr" | "sr"))
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
        }
        let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
        for (d, doc) in docs.iter().enumerate() {
            for e in &doc.entities {
                let name = self.canonical(&e.name).to_string();
                let kind = self.kinds.get(&name).copied().unwrap_or(e.kind);
                let a = acc.entry(name.clone()).or_insert_with(|| Acc {
                    kind,
                    aliases: Vec::new(),
                    titles: Vec::new(),
                    sources: Vec::new(),
                    mentions: 0,
                });
                a.mentions += 1;
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
        let mut out: Vec<BriefEntity> = acc
            .into_iter()
            .map(|(name, a)| {
                let mut titles = Vec::new();
                let mut rest = a.titles.clone();
                while let Some(t) = most_common(rest.iter().cloned()) {
                    rest.retain(|x| *x != t);
                    titles.push(t);
                }
                BriefEntity {
                    name,
                    kind: a.kind,
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

#[cfg(test)]
mod tests {
    use super::*;

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
