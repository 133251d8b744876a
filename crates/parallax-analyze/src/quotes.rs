//! Direct and partial quotations, with their speakers.
//!
//! A speaker is looked for, in order: right after the quote ("…," Peskov said / said Peskov), as
//! the subject of the first verb of speech before it in its clause (Peskov said: "…"), after
//! "according to", and for a paragraph that is all quote, the previous paragraph's speaker.
//! Pronouns resolve to the last person who spoke or was named.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use parallax_core::{EntityKind, EntityMention, Quote, Sentence, Speaker};
use regex::Regex;

use crate::entities::tokens;
use crate::lexicon::{CUE_VERBS, TITLES};
use crate::sentences::closed_quote_spans;

static ACCORDING_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\baccording to\s+").expect("valid regex"));
static ADJACENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s+(?:of|at|from)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*)+)?(?:\s*,[^,]{0,100},)?\s*(?:(?:on|last|this|late|early)\s+\w+\s*|also\s+|later\s+|earlier\s+|then\s+|again\s+|previously\s+|has\s+|had\s+|have\s+|was\s+|is\s+|would\s+|will\s+)*$")
        .expect("valid regex")
});

static ROLE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:spokes(?:man|woman|person)|aides?|advis[eo]rs?|officials?|representatives?|lawyers?|attorneys?|sources?|friends?|allies|ally)\s+(?:for|of|to|close to)\s+$")
        .expect("valid regex")
});

const PRONOUNS: &[&str] = &["he", "she"];

/// The quotations of an article, given its paragraphs, sentences and entities.
pub fn find_quotes(text: &str, sentences: &[Sentence], entities: &[EntityMention]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut genders = learn_genders(sentences, entities);
    let mut last_speaker: Option<Speaker> = None;
    let mut recent: Vec<Speaker> = Vec::new();
    let mut para_start = 0;
    let mut prev_para_speaker: Option<Speaker> = None;
    for para in text.split("\n\n") {
        let base = para_start;
        para_start += para.len() + 2;
        let spans = closed_quote_spans(para);
        let mut para_speaker = None;
        let para_sentences: Vec<usize> = sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.start >= base && s.start < base + para.len())
            .map(|(i, _)| i)
            .collect();
        for &si in &para_sentences {
            let s = &sentences[si];
            let (ss, se) = (s.start - base, s.start - base + s.text.len());
            let in_sentence: Vec<(usize, usize)> = spans
                .iter()
                .copied()
                .filter(|&(a, _)| a >= ss && a < se)
                .collect();
            for (qi, &(qs, qe)) in in_sentence.iter().enumerate() {
                let inner = strip_quote_marks(&para[qs..qe.min(para.len())]);
                let words = inner.split_whitespace().count();
                if words < 2 || is_title_like(inner) {
                    continue;
                }
                // The sentence with its quotations blanked (offsets kept), so names inside quotes
                // are not taken for speakers.
                let local: Vec<(usize, usize)> = in_sentence
                    .iter()
                    .map(|&(a, b)| (a - ss, b.min(se) - ss))
                    .collect();
                let masked = mask(&para[ss..se], &local);
                let after_end = in_sentence.get(qi + 1).map_or(se, |n| n.0).min(se);
                let after = &masked[qe.min(after_end) - ss..after_end - ss];
                let before = &masked[..qs - ss];
                let ents: Vec<&EntityMention> =
                    entities.iter().filter(|e| e.sentence == si).collect();
                let ctx = Context {
                    entities: &ents,
                    last_speaker: &last_speaker,
                    recent: &recent,
                    genders: &genders,
                };
                let whole_paragraph =
                    para[..qs].trim().is_empty() && para[qe.min(para.len())..].trim().len() < 2;
                let speaker = speaker_after(after, qe + base, &ctx)
                    .or_else(|| speaker_before(before, ss + base, &ctx))
                    .or_else(|| according_to(after, qe + base, &ctx))
                    .or_else(|| according_to(before, ss + base, &ctx))
                    .or_else(|| whole_paragraph.then(|| prev_para_speaker.clone()).flatten())
                    // A sentence that is all quote goes on with the paragraph's last speaker.
                    .or_else(|| {
                        let bare =
                            para[ss..qs].trim().is_empty() && para[qe.min(se)..se].trim().len() < 2;
                        bare.then(|| para_speaker.clone()).flatten()
                    });
                let partial = !para[ss..qs].trim().is_empty()
                    && !para[ss..qs].trim_end().ends_with([':', ','])
                    || inner.chars().next().is_some_and(char::is_lowercase);
                if let Some(sp) = &speaker {
                    if let Some(g) = pronoun_gender(after).or_else(|| pronoun_gender(before)) {
                        genders.entry(sp.name.clone()).or_insert(g);
                    }
                    last_speaker = Some(sp.clone());
                    para_speaker = Some(sp.clone());
                }
                let text = inner.trim_end_matches([',', ' ']).to_string();
                if speaker.is_none() && words < 6 {
                    continue;
                }
                quotes.push(Quote {
                    text,
                    partial,
                    speaker,
                    sentence: si,
                });
            }
            // Track the last person who spoke without quotes ("X said he would ...") or was named.
            if let Some(sp) = reported_speaker(s, si, entities) {
                last_speaker = Some(sp);
            }
            for p in entities
                .iter()
                .filter(|e| e.sentence == si && e.kind == EntityKind::Person)
            {
                recent.retain(|r| r.name != p.name);
                recent.push(person(p));
            }
        }
        prev_para_speaker = para_speaker.or(if spans.is_empty() {
            None
        } else {
            prev_para_speaker
        });
    }
    quotes
}

struct Context<'a> {
    entities: &'a [&'a EntityMention],
    last_speaker: &'a Option<Speaker>,
    recent: &'a [Speaker],
    genders: &'a HashMap<String, Gender>,
}

impl Context<'_> {
    /// The person a pronoun stands for: the last speaker, else the most recently named person,
    /// skipping anyone known to be of the other gender.
    fn resolve(&self, pronoun: &str) -> Option<Speaker> {
        let wanted = if pronoun.eq_ignore_ascii_case("she") {
            Gender::Female
        } else {
            Gender::Male
        };
        let fits = |s: &Speaker| self.genders.get(&s.name).is_none_or(|g| *g == wanted);
        self.last_speaker
            .iter()
            .chain(self.recent.iter().rev())
            .find(|s| fits(s))
            .cloned()
    }
}

/// Grammatical gender of a person, as the text's pronouns and titles show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

fn pronoun_gender(text: &str) -> Option<Gender> {
    text.split(|c: char| !c.is_alphabetic())
        .find_map(|w| match w.to_lowercase().as_str() {
            "he" | "his" | "him" => Some(Gender::Male),
            "she" | "her" | "hers" => Some(Gender::Female),
            _ => None,
        })
}

/// Genders the article shows: a title ("spokeswoman", "Mrs"), or a pronoun after a sentence's
/// only named person ("Baerbock ... as she headed to Kyiv").
fn learn_genders(sentences: &[Sentence], entities: &[EntityMention]) -> HashMap<String, Gender> {
    let mut genders = HashMap::new();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        let title = e.title.as_deref().unwrap_or_default().to_lowercase();
        let g = title
            .split_whitespace()
            .find_map(|w| match w.trim_end_matches('.') {
                "spokeswoman" | "chairwoman" | "congresswoman" | "mrs" | "ms" | "queen"
                | "princess" | "lady" | "dame" => Some(Gender::Female),
                "spokesman" | "chairman" | "congressman" | "mr" | "king" | "prince" | "lord"
                | "sir" => Some(Gender::Male),
                _ => None,
            });
        if let Some(g) = g {
            genders.entry(e.name.clone()).or_insert(g);
        }
    }
    for (si, s) in sentences.iter().enumerate() {
        let people: Vec<&EntityMention> = entities
            .iter()
            .filter(|e| e.sentence == si && e.kind == EntityKind::Person)
            .collect();
        let names: HashSet<&str> = people.iter().map(|e| e.name.as_str()).collect();
        if let ([first, ..], 1) = (people.as_slice(), names.len()) {
            let after = &s.text[(first.end - s.start).min(s.text.len())..];
            let unquoted: String = mask(after, &closed_quote_spans(after));
            if let Some(g) = pronoun_gender(&unquoted) {
                genders.entry(first.name.clone()).or_insert(g);
            }
        }
    }
    genders
}

fn person(e: &EntityMention) -> Speaker {
    Speaker {
        name: e.name.clone(),
        title: e.title.clone(),
        named: true,
    }
}

fn strip_quote_marks(s: &str) -> &str {
    s.trim_matches(|c| matches!(c, '"' | '“' | '”')).trim()
}

/// Shows and book titles are quoted too ("Fox News Sunday"): every word capitalised.
fn is_title_like(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    words.len() <= 6
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
}

/// The paragraph with every quoted passage blanked, so names inside quotes are not taken as speakers.
fn mask(para: &str, spans: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(para.len());
    for (i, c) in para.char_indices() {
        if spans.iter().any(|&(s, e)| s <= i && i < e) {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

/// "…," Peskov said / "…," he said / "…," said Peskov / "…," a spokesman said.
fn speaker_after(after: &str, offset: usize, ctx: &Context<'_>) -> Option<Speaker> {
    let trimmed_start = after.len()
        - after
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-'))
            .len();
    let toks = tokens(after);
    let cue = toks
        .iter()
        .take(9)
        .position(|t| CUE_VERBS.contains(t.text.to_lowercase().as_str()))?;
    let verb = &toks[cue];
    if cue == 0 {
        // said Peskov / said the statement
        let rest_start = offset + verb.end;
        if let Some(e) = ctx
            .entities
            .iter()
            .find(|e| e.start >= rest_start && e.start < rest_start + 40 && speaks(e))
        {
            return Some(person(e));
        }
        let rest = &after[verb.end..];
        return description(rest.split([',', '.', ';']).next().unwrap_or(""));
    }
    let subject = &after[trimmed_start.min(verb.start)..verb.start];
    subject_speaker(subject, offset + trimmed_start.min(verb.start), ctx)
}

/// Peskov said: "…" / He noted that "…" / A spokesman for X said "…".
fn speaker_before(before: &str, offset: usize, ctx: &Context<'_>) -> Option<Speaker> {
    // Only the clause the quote stands in.
    let clause_start = [" — ", " – ", "; "]
        .iter()
        .filter_map(|b| before.rfind(b).map(|p| p + b.len()))
        .max()
        .unwrap_or(0);
    let clause = &before[clause_start..];
    tokens(clause)
        .iter()
        .filter(|t| CUE_VERBS.contains(t.text.to_lowercase().as_str()))
        .find_map(|verb| subject_speaker(&clause[..verb.start], offset + clause_start, ctx))
}

/// The speaker named by the words before a verb of speech.
fn subject_speaker(subject: &str, offset: usize, ctx: &Context<'_>) -> Option<Speaker> {
    let end = offset + subject.len();
    // People first, nearest first; then organisations ("the ministry said").
    let mut candidates: Vec<&&EntityMention> = ctx
        .entities
        .iter()
        .filter(|e| e.end <= end && e.start >= offset && speaks(e))
        .collect();
    candidates.sort_by_key(|e| (e.kind != EntityKind::Person, std::cmp::Reverse(e.end)));
    for e in candidates {
        let between = &subject[(e.end - offset).min(subject.len())..];
        let before_name = &subject[..(e.start - offset).min(subject.len())];
        let title_start = e
            .title
            .as_ref()
            .and_then(|t| before_name.rfind(t.as_str()))
            .unwrap_or(before_name.len());
        if ROLE_OF.is_match(&before_name[..title_start]) {
            return description(&subject[clause_head(subject)..]);
        }
        if ADJACENT.is_match(between) {
            return Some(person(e));
        }
    }
    let words: Vec<&str> = subject.split_whitespace().collect();
    if let Some(last) = words.last() {
        if PRONOUNS.contains(&last.to_lowercase().as_str()) {
            return ctx.resolve(last);
        }
    }
    description(&subject[clause_head(subject)..])
}

/// Where the subject noun phrase starts: after the last comma or conjunction.
fn clause_head(subject: &str) -> usize {
    [", and ", ", but ", ", ", " and ", " but ", " while "]
        .iter()
        .filter_map(|b| subject.rfind(b).map(|p| p + b.len()))
        .max()
        .unwrap_or(0)
}

/// A speaker described rather than named ("a spokesman for the ministry", "officials").
fn description(words: &str) -> Option<Speaker> {
    let d = words
        .trim()
        .trim_matches(|c: char| c == ',' || c.is_whitespace());
    let n = d.split_whitespace().count();
    let has_role = d.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        let singular = w.trim_end_matches('s');
        TITLES.contains(w.as_str())
            || TITLES.contains(singular)
            || matches!(singular, "official" | "statement" | "report" | "source")
    });
    ((1..=12).contains(&n) && has_role).then(|| Speaker {
        name: d.to_string(),
        title: None,
        named: false,
    })
}

/// "…," according to the White House.
fn according_to(text: &str, offset: usize, ctx: &Context<'_>) -> Option<Speaker> {
    let m = ACCORDING_TO.find(text)?;
    let at = offset + m.end();
    ctx.entities
        .iter()
        .find(|e| e.start >= at && e.start <= at + 5 && speaks(e))
        .map(|e| person(e))
}

fn speaks(e: &EntityMention) -> bool {
    matches!(e.kind, EntityKind::Person | EntityKind::Organization)
}

/// The person a sentence reports as speaking without quotation marks ("Kuleba said he would ...").
fn reported_speaker(s: &Sentence, si: usize, entities: &[EntityMention]) -> Option<Speaker> {
    tokens(&s.text)
        .iter()
        .filter(|t| CUE_VERBS.contains(t.text.to_lowercase().as_str()))
        .find_map(|verb| {
            let verb_at = s.start + verb.start;
            let e = entities
                .iter()
                .filter(|e| e.sentence == si && e.kind == EntityKind::Person && e.end <= verb_at)
                .max_by_key(|e| e.end)?;
            ADJACENT
                .is_match(&s.text[(e.end - s.start).min(verb.start)..verb.start])
                .then(|| person(e))
        })
}
