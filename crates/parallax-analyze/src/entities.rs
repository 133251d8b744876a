//! Named entities: runs of capitalised words, with titles split off ("French President" |
//! "Emmanuel Macron"), kinds from a gazetteer, name shapes and context, and surnames resolved to the
//! full name used earlier in the article.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use parallax_core::{EntityKind, EntityMention, Sentence};
use regex::Regex;

use crate::lexicon::{
    demonym, known, ABBREVIATIONS, CUE_VERBS, ORG_WORDS, OTHER_WORDS, PLACE_WORDS, STOPWORDS,
    TITLES,
};

static TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'’.&-]*").expect("valid regex"));

/// Lowercase words that may stand inside a title before a name ("national security adviser").
const TITLE_MODIFIERS: &[&str] = &[
    "security",
    "foreign",
    "defense",
    "defence",
    "finance",
    "press",
    "prime",
    "vice",
    "deputy",
    "chief",
    "senior",
    "top",
    "former",
    "national",
    "interior",
    "health",
    "economy",
    "justice",
    "trade",
    "state",
    "assistant",
    "general",
    "executive",
    "communications",
    "military",
    "political",
    "presidential",
    "white",
    "house",
    "government",
    "opposition",
    "party",
    "foreign-policy",
    "policy",
    "fire",
    "police",
    "county",
    "city",
    "regional",
    "local",
    "acting",
    "interim",
    "then",
    "late",
    "presidency",
    "ministry",
    "agency",
    "department",
    "company",
    "campaign",
    "union",
    "team",
];

const CONNECTORS: &[&str] = &[
    "of", "de", "du", "des", "la", "le", "van", "von", "der", "bin", "al", "da", "di", "del",
];

/// A word token with its byte span in the sentence.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// The word tokens of a sentence, with trailing full stops dropped unless they belong to an
/// abbreviation ("U.S.", "Gen.").
pub(crate) fn tokens(sentence: &str) -> Vec<Token<'_>> {
    TOKEN
        .find_iter(sentence)
        .map(|m| {
            let mut text = m.as_str();
            let keep_dot = text.ends_with('.') && {
                let bare = text.trim_end_matches('.');
                bare.contains('.')
                    || bare.chars().count() == 1
                    || ABBREVIATIONS.contains_key(bare.to_lowercase().as_str())
            };
            if !keep_dot {
                text = text.trim_end_matches('.');
            }
            text = text.trim_end_matches(['-', '\'', '’', '&']);
            Token {
                text,
                start: m.start(),
                end: m.start() + text.len(),
            }
        })
        .filter(|t| !t.text.is_empty())
        .collect()
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

fn is_title_word(word: &str) -> bool {
    TITLES.contains(word.to_lowercase().as_str())
}

/// A candidate before kinds are settled across the article.
struct Candidate {
    name: String,
    surface: String,
    kind: Option<EntityKind>,
    title: Option<String>,
    sentence: usize,
    start: usize,
    end: usize,
    sentence_initial: bool,
    before_cue: bool,
}

/// Finds the named entities of an article's sentences (`offsets[i]` is sentence i's byte offset).
pub fn find_entities(sentences: &[Sentence]) -> Vec<EntityMention> {
    let mut candidates = Vec::new();
    let mut mid_sentence: HashSet<String> = HashSet::new();
    for (si, s) in sentences.iter().enumerate() {
        let toks = tokens(&s.text);
        let mut i = 0;
        while i < toks.len() {
            if !is_capitalised(toks[i].text) {
                i += 1;
                continue;
            }
            // Grow a run of capitalised words joined by white space and connectors.
            let mut j = i;
            let mut run_end = i;
            loop {
                if possessive(toks[j].text).is_some() {
                    break;
                }
                let Some(next) = toks.get(j + 1) else { break };
                let gap = &s.text[toks[j].end..next.start];
                if !gap.chars().all(char::is_whitespace) || gap.is_empty() {
                    break;
                }
                if is_capitalised(next.text) {
                    j += 1;
                    run_end = j;
                } else if next.text.chars().all(|c| c.is_ascii_digit())
                    && PLACE_WORDS.contains(toks[j].text)
                {
                    // "Pier 4", "Terminal 2"
                    j += 1;
                    run_end = j;
                    break;
                } else if next.text == "and"
                    && toks.get(j + 2).is_some_and(|t| {
                        is_capitalised(t.text) && s.text[next.end..t.start].trim().is_empty()
                    })
                    && and_joins_one_name(&toks[j + 2..])
                {
                    // "Fire and Rescue Service" is one organisation; "Poland and Romania" are two places.
                    j += 2;
                    run_end = j;
                } else if CONNECTORS.contains(&next.text)
                    && toks.get(j + 2).is_some_and(|t| {
                        is_capitalised(t.text) && s.text[next.end..t.start].trim().is_empty()
                    })
                {
                    j += 2;
                    run_end = j;
                } else {
                    break;
                }
            }
            if let Some(c) = candidate(s, si, &toks, i, run_end) {
                if !c.sentence_initial {
                    mid_sentence.insert(c.name.clone());
                }
                candidates.push(c);
            }
            i = run_end + 1;
        }
    }
    settle(candidates, &mid_sentence)
}

/// Whether "X and Y ..." is one name: the capitalised run after "and" ends in an organisation word.
fn and_joins_one_name(rest: &[Token<'_>]) -> bool {
    let run: Vec<&str> = rest
        .iter()
        .take_while(|t| is_capitalised(t.text))
        .take(4)
        .map(|t| t.text)
        .collect();
    run.last().is_some_and(|w| ORG_WORDS.contains(w)) && known(run[0]).is_none()
}

fn candidate(
    s: &Sentence,
    si: usize,
    toks: &[Token<'_>],
    first: usize,
    last: usize,
) -> Option<Candidate> {
    let mut words: Vec<&str> = toks[first..=last].iter().map(|t| t.text).collect();
    let mut starts: Vec<usize> = toks[first..=last].iter().map(|t| t.start).collect();
    if let Some(w) = words.last_mut() {
        *w = possessive(w).unwrap_or(w);
    }
    // Leading function words ("The", "In", "But") are not part of a name.
    let mut lead = 0;
    while lead < words.len()
        && words[lead] != "New"
        && STOPWORDS.contains(words[lead].to_lowercase().as_str())
        && known(words[lead]).is_none()
    {
        lead += 1;
    }
    let opens_sentence = first == 0
        || s.text[..toks[first].start]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty();
    words.drain(..lead);
    starts.drain(..lead);
    if words.is_empty() {
        return None;
    }
    // "Sofia Lindqvist of Brennick Police": the person is the part before "of <organisation>".
    if let Some(of) = words.iter().position(|w| *w == "of") {
        let tail = &words[of + 1..];
        let org_tail =
            tail.iter().any(|w| ORG_WORDS.contains(w)) || known(&tail.join(" ")).is_some();
        if of >= 2 && org_tail && !words[..of].iter().any(|w| ORG_WORDS.contains(w)) {
            words.truncate(of);
            starts.truncate(of);
        }
    }
    // Split a title off the front: everything up to the last role word that a name follows.
    let mut title: Vec<&str> = Vec::new();
    // The head word decides: "Brennick General Hospital" is an institution, while in "Home Office
    // Minister Alun Michael" the office is part of a title.
    let institution = words
        .last()
        .is_some_and(|w| ORG_WORDS.contains(w) || PLACE_WORDS.contains(w))
        || known(&words.join(" ")).is_some();
    let title_end = (0..words.len().saturating_sub(1))
        .rev()
        .find(|&k| is_title_word(words[k]));
    if let Some(t) = title_end.filter(|_| !institution) {
        title = words[..=t].to_vec();
        words.drain(..=t);
        starts.drain(..=t);
    }
    // A run of adjectives ("Eastern European") or role words alone names nobody.
    if words
        .iter()
        .all(|w| demonym(w).is_some() || is_title_word(w))
        && known(&words.join(" ")).is_none()
    {
        return None;
    }
    // "Eastern European", "British Prime Minister": an adjective or a role, not a name.
    if words.len() > 1
        && words
            .last()
            .is_some_and(|w| demonym(w).is_some() || is_title_word(w))
        && known(&words.join(" ")).is_none()
    {
        return None;
    }
    // Lowercase role words and modifiers just before the run belong to the title too.
    let mut k = first + lead;
    let mut pre: Vec<&str> = Vec::new();
    let mut saw_role = false;
    while k > 0 {
        let prev = &toks[k - 1];
        if !s.text[prev.end..toks[k].start].trim().is_empty() {
            break;
        }
        let lower = prev.text.to_lowercase();
        if is_title_word(prev.text) {
            saw_role = true;
        } else if !(saw_role
            && (TITLE_MODIFIERS.contains(&lower.as_str()) || is_capitalised(prev.text)))
        {
            break;
        }
        if saw_role && is_capitalised(prev.text) && STOPWORDS.contains(lower.as_str()) {
            break;
        }
        pre.push(prev.text);
        k -= 1;
    }
    pre.reverse();
    if saw_role {
        pre.extend(title);
        title = pre;
    }
    let generic =
        |w: &str| ORG_WORDS.contains(w) || PLACE_WORDS.contains(w) || OTHER_WORDS.contains(w);
    if words.len() == 1
        && (is_not_a_name(words[0]) || generic(words[0]) && known(words[0]).is_none())
    {
        return None;
    }
    let name = words.join(" ");
    let start = s.start + starts[0];
    let end = start
        + (s.text[starts[0]..]
            .find(words.last().copied().unwrap_or(""))
            .map_or(name.len(), |p| p + words.last().map_or(0, |w| w.len())));
    let after = &s.text[toks[last].end..];
    let before_cue = after.split_whitespace().next().is_some_and(|w| {
        CUE_VERBS.contains(
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .as_str(),
        )
    });
    let before_word = s.text[..toks[first + lead].start]
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let after_word = after
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    let place_cue = matches!(
        before_word.as_str(),
        "in" | "at" | "near" | "outside" | "to" | "from" | "toward" | "towards"
    ) || matches!(
        after_word.as_str(),
        "district"
            | "area"
            | "region"
            | "neighbourhood"
            | "neighborhood"
            | "city"
            | "town"
            | "village"
            | "province"
            | "county"
            | "port"
            | "harbour"
            | "harbor"
    );
    let kind = kind_of(&words, !title.is_empty())
        .or_else(|| (words.len() == 1 && place_cue).then_some(EntityKind::Place));
    let surface = words.join(" ");
    let name = match known(&name) {
        Some(k) => k.name.to_string(),
        None => name,
    };
    Some(Candidate {
        name,
        surface,
        kind,
        title: (!title.is_empty()).then(|| title.join(" ")),
        sentence: si,
        start,
        end: end.min(s.start + s.text.len()),
        sentence_initial: opens_sentence && lead == 0,
        before_cue,
    })
}

/// Capitalised words that are not names on their own: calendar words, time zones, bare adjectives.
fn is_not_a_name(word: &str) -> bool {
    parallax_core::calendar::month_from_name(word).is_some() && word.len() > 3
        || parallax_core::calendar::weekday_from_name(word).is_some()
        || matches!(
            word,
            "GMT"
                | "UTC"
                | "EST"
                | "EDT"
                | "BST"
                | "CET"
                | "Western"
                | "Eastern"
                | "Northern"
                | "Southern"
                | "Central"
                | "Islamic"
                | "Christian"
                | "Muslim"
                | "Jewish"
                | "Arab"
                | "Soviet"
                | "Communist"
                | "Democrat"
                | "Democrats"
                | "Republican"
                | "Republicans"
                | "I"
                | "OK"
                | "TV"
        )
}

/// The kind a name's own words show, if they show one.
fn kind_of(words: &[&str], has_title: bool) -> Option<EntityKind> {
    let name = words.join(" ");
    if let Some(k) = known(&name) {
        return Some(k.kind);
    }
    // Foreign articles open newspaper and institution names ("El Mundo", "Le Monde").
    if words.iter().any(|w| ORG_WORDS.contains(w))
        || words.len() > 1 && matches!(words[0], "El" | "Le" | "La" | "Il" | "Die" | "Der" | "Das")
    {
        return Some(EntityKind::Organization);
    }
    if words.iter().any(|w| PLACE_WORDS.contains(w)) {
        return Some(EntityKind::Place);
    }
    if words.iter().any(|w| OTHER_WORDS.contains(w)) {
        return Some(EntityKind::Other);
    }
    if has_title {
        return Some(EntityKind::Person);
    }
    if words.len() == 1 {
        let w = words[0];
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '&') {
            return Some(EntityKind::Organization);
        }
        return None;
    }
    let name_like = words.len() <= 4
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        });
    name_like.then_some(EntityKind::Person)
}

/// Settles kinds and full names across the article: a lone surname takes the full name used
/// elsewhere, and a word that only ever opens a sentence is not taken for a name.
fn settle(candidates: Vec<Candidate>, mid_sentence: &HashSet<String>) -> Vec<EntityMention> {
    let mut by_last: HashMap<String, Option<String>> = HashMap::new();
    let mut titles: HashMap<String, String> = HashMap::new();
    for c in &candidates {
        if c.kind == Some(EntityKind::Person) {
            let parts: Vec<&str> = c.name.split_whitespace().collect();
            if parts.len() > 1 {
                if let Some(last) = parts.last() {
                    let entry = by_last
                        .entry(last.to_string())
                        .or_insert_with(|| Some(c.name.clone()));
                    if entry.as_deref() != Some(c.name.as_str()) {
                        *entry = None; // two people share the surname: leave it ambiguous
                    }
                }
            }
            if let Some(t) = &c.title {
                titles.entry(c.name.clone()).or_insert_with(|| t.clone());
            }
        }
    }
    let persons: HashSet<String> = candidates
        .iter()
        .filter(|c| c.kind == Some(EntityKind::Person))
        .map(|c| c.name.clone())
        .collect();
    let mut out = Vec::new();
    for mut c in candidates {
        if c.kind != Some(EntityKind::Person) && !c.name.contains(' ') && persons.contains(&c.name)
        {
            c.kind = Some(EntityKind::Person);
        }
        let (name, kind) = match (c.kind, by_last.get(&c.name)) {
            (Some(EntityKind::Person) | None, Some(Some(full))) if !c.name.contains(' ') => {
                (full.clone(), EntityKind::Person)
            }
            (Some(kind), _) => (c.name.clone(), kind),
            (None, _)
                if c.before_cue && (!c.sentence_initial || mid_sentence.contains(&c.name)) =>
            {
                (c.name.clone(), EntityKind::Person)
            }
            (None, _) if !c.sentence_initial || mid_sentence.contains(&c.name) => {
                (c.name.clone(), EntityKind::Other)
            }
            (None, _) => continue,
        };
        let title = c.title.or_else(|| titles.get(&name).cloned());
        out.push(EntityMention {
            name,
            surface: c.surface,
            kind,
            title,
            sentence: c.sentence,
            start: c.start,
            end: c.end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences_of;

    fn entities(text: &str) -> Vec<EntityMention> {
        find_entities(&sentences_of(text))
    }

    fn find<'a>(es: &'a [EntityMention], surface: &str) -> &'a EntityMention {
        es.iter()
            .find(|e| e.surface == surface)
            .unwrap_or_else(|| panic!("no {surface} in {es:#?}"))
    }

    #[test]
    fn titles_are_split_from_names() {
        let es = entities("French President Emmanuel Macron met Kremlin spokesperson Dmitry Peskov in Moscow. Later, Peskov said it went well.");
        let macron = find(&es, "Emmanuel Macron");
        assert_eq!(macron.kind, EntityKind::Person);
        assert_eq!(macron.title.as_deref(), Some("French President"));
        let peskov = find(&es, "Dmitry Peskov");
        assert_eq!(peskov.title.as_deref(), Some("Kremlin spokesperson"));
        let later = find(&es, "Peskov");
        assert_eq!(later.name, "Dmitry Peskov");
        assert_eq!(later.kind, EntityKind::Person);
        assert_eq!(find(&es, "Moscow").kind, EntityKind::Place);
        assert_eq!(find(&es, "Kremlin").kind, EntityKind::Organization);
    }

    #[test]
    fn sentence_openers_and_adjectives_are_not_names() {
        let es = entities("Western leaders met. The Eastern European allies of NATO agreed.");
        assert!(
            es.iter()
                .all(|e| e.surface != "Western" && e.surface != "The"),
            "{es:#?}"
        );
        assert!(
            es.iter().all(|e| !e.surface.contains("European")),
            "{es:#?}"
        );
        assert_eq!(find(&es, "NATO").kind, EntityKind::Organization);
    }

    #[test]
    fn lowercase_titles_before_names() {
        let es =
            entities("National security adviser Jake Sullivan on Sunday said it could happen.");
        assert_eq!(
            find(&es, "Jake Sullivan").title.as_deref(),
            Some("National security adviser")
        );
    }
}
