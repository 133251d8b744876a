//! Direct and partial quotations, with their speakers.
//!
//! A speaker is looked for, in order: right after the quote ("…," Peskov said / said Peskov), as
//! the subject of the first verb of speech before it in its clause (Peskov said: "…"), after
//! "according to", and for a paragraph that is all quote, the previous paragraph's speaker.
//! Pronouns resolve to the last person who spoke or was named.

use std::sync::LazyLock;

use parallax_core::{EntityKind, EntityMention, Quote, Sentence, Speaker};
use regex::Regex;

use crate::entities::tokens;
use crate::lexicon::{CUE_VERBS, TITLES};
use crate::sentences::closed_quote_spans;

static ACCORDING_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\baccording to\s+").expect("valid regex"));
static ADJACENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,[^,]{0,80},)?\s*(?:(?:on|last|this|late|early)\s+\w+\s*|also\s+|later\s+|earlier\s+|then\s+|again\s+|previously\s+|has\s+|had\s+|have\s+|was\s+|is\s+|would\s+|will\s+)*$")
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
    let mut last_speaker: Option<Speaker> = None;
    let mut last_person: Option<Speaker> = None;
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
            let in_sentence: Vec<(usize, usize)> =
                spans.iter().copied().filter(|&(a, _)| a >= ss && a < se).collect();
            for (qi, &(qs, qe)) in in_sentence.iter().enumerate() {
                let inner = strip_quote_marks(&para[qs..qe.min(para.len())]);
                let words = inner.split_whitespace().count();
                if words < 2 || is_title_like(inner) {
                    continue;
                }
                let masked = mask(para, &in_sentence);
                let after_end = in_sentence.get(qi + 1).map_or(se, |n| n.0).min(para.len());
                let after = &masked[qe.min(after_end)..after_end];
                let before = &masked[ss..qs];
                let ents: Vec<&EntityMention> = entities.iter().filter(|e| e.sentence == si).collect();
                let ctx = Context { entities: &ents, last_speaker: &last_speaker, last_person: &last_person };
                let whole_paragraph = para[..qs].trim().is_empty() && para[qe.min(para.len())..].trim().len() < 2;
                let speaker = speaker_after(after, qe + base, &ctx)
                    .or_else(|| speaker_before(before, ss + base, &ctx))
                    .or_else(|| according_to(after, qe + base, &ctx))
                    .or_else(|| according_to(before, ss + base, &ctx))
                    .or_else(|| whole_paragraph.then(|| prev_para_speaker.clone()).flatten());
                let partial = !para[ss..qs].trim().is_empty()
                    && !para[ss..qs].trim_end().ends_with([':', ','])
                    || inner.chars().next().is_some_and(char::is_lowercase);
                if let Some(sp) = &speaker {
                    last_speaker = Some(sp.clone());
                    para_speaker = Some(sp.clone());
                }
                let text = inner.trim_end_matches([',', ' ']).to_string();
                if speaker.is_none() && words < 6 {
                    continue;
                }
                quotes.push(Quote { text, partial, speaker, sentence: si });
            }
            // Track the last person who spoke without quotes ("X said he would ...") or was named.
            if let Some(sp) = reported_speaker(s, si, entities) {
                last_speaker = Some(sp);
            }
            if let Some(p) = entities.iter().find(|e| e.sentence == si && e.kind == EntityKind::Person) {
                last_person = Some(person(p));
            }
        }
        prev_para_speaker = para_speaker.or(if spans.is_empty() { None } else { prev_para_speaker });
    }
    quotes
}

struct Context<'a> {
    entities: &'a [&'a EntityMention],
    last_speaker: &'a Option<Speaker>,
    last_person: &'a Option<Speaker>,
}

fn person(e: &EntityMention) -> Speaker {
    Speaker { name: e.name.clone(), title: e.title.clone(), named: true }
}

fn strip_quote_marks(s: &str) -> &str {
    s.trim_matches(|c| matches!(c, '"' | '“' | '”')).trim()
}

/// Shows and book titles are quoted too ("Fox News Sunday"): every word capitalised.
fn is_title_like(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    words.len() <= 6 && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()))
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
    let trimmed_start = after.len() - after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-')).len();
    let toks = tokens(after);
    let cue = toks.iter().take(9).position(|t| CUE_VERBS.contains(t.text.to_lowercase().as_str()))?;
    let verb = &toks[cue];
    if cue == 0 {
        // said Peskov / said the statement
        let rest_start = offset + verb.end;
        if let Some(e) = ctx.entities.iter().find(|e| e.start >= rest_start && e.start < rest_start + 40 && speaks(e)) {
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
    let nearest = ctx
        .entities
        .iter()
        .filter(|e| e.end <= end && e.start >= offset && speaks(e))
        .max_by_key(|e| e.end);
    if let Some(e) = nearest {
        let between = &subject[(e.end - offset).min(subject.len())..];
        let before_name = &subject[..(e.start - offset).min(subject.len())];
        let title_start = e.title.as_ref().and_then(|t| before_name.rfind(t.as_str())).unwrap_or(before_name.len());
        let role_of = ROLE_OF.is_match(&before_name[..title_start]);
        if ADJACENT.is_match(between) && !role_of {
            return Some(person(e));
        }
        if role_of {
            return description(&subject[clause_head(subject)..]);
        }
    }
    let words: Vec<&str> = subject.split_whitespace().collect();
    if let Some(last) = words.last() {
        if PRONOUNS.contains(&last.to_lowercase().as_str()) {
            return ctx.last_speaker.clone().or_else(|| ctx.last_person.clone());
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
    let d = words.trim().trim_matches(|c: char| c == ',' || c.is_whitespace());
    let n = d.split_whitespace().count();
    let has_role = d.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        let singular = w.trim_end_matches('s');
        TITLES.contains(w.as_str()) || TITLES.contains(singular) || matches!(singular, "official" | "statement" | "report" | "source")
    });
    (n >= 1 && n <= 12 && has_role).then(|| Speaker { name: d.to_string(), title: None, named: false })
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
    let toks = tokens(&s.text);
    let verb = toks.iter().find(|t| CUE_VERBS.contains(t.text.to_lowercase().as_str()))?;
    let verb_at = s.start + verb.start;
    let e = entities
        .iter()
        .filter(|e| e.sentence == si && e.kind == EntityKind::Person && e.end <= verb_at)
        .max_by_key(|e| e.end)?;
    ADJACENT.is_match(&s.text[(e.end - s.start).min(verb.start)..verb.start]).then(|| person(e))
}
