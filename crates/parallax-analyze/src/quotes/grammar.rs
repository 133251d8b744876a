//! The grammar of news speech: where a quote's speaker stands relative to the verb of speech.
//!
//! After the quote: `"…," X said` / `"…," said X` / `"…," a police spokesman said` / `„…“, sagte
//! er`. Before it: `X said: "…"` / `X told reporters that "…"` / `Dazu sagte X: „…“`. With a
//! participle (`saying`, `disant`, `diciendo`) the speaker is the clause's subject, never a name
//! next to the verb: `X led tributes to Y, saying: "…"` is X's; `the paper quoted X as saying`
//! is X's. `according to X` / `selon X` / `laut X` / `según X`. A name right after a preposition
//! is an object, never the speaker. All searches look at a bounded window around the quote.

use std::sync::LazyLock;

use parallax_core::{EntityKind, EntityMention};

use crate::lexicon::{DETERMINERS, SPOKESPERSON_WORDS};

use super::adjacent::is_adjacent;
use super::words::{
    is_addressee_noun, is_participle, is_role, is_speech_verb, is_statement_noun, object_pronoun,
    pronoun, words, words_lazily, Gender, Word, ACCORDING_TO, ADJUNCT_PREPOSITIONS, ADVERBS,
    ARTICLES, AS_WORDS, AUXILIARIES, CLAUSE_OPENERS, CLAUSE_WORDS, COMPLEMENTIZERS, CONJUNCTIONS,
    DETERMINERS_BEFORE_NOUN, PREPOSITIONS, RELATIVE_WORDS, SUBORDINATORS,
};

/// Words after "that" within which the reported clause's subject is named.
const SUBJECT_AFTER_THAT: usize = 3;
/// Longest stretch before a quote searched for its attribution, in bytes.
pub const BEFORE_WINDOW: usize = 320;
/// Most words between a verb of speech and the quote it governs.
const NEAR_VERB: usize = 8;
/// Most words of a reported clause between a verb of speech and the quote it governs, when they
/// name no one else who could have said it.
const REPORTED_CLAUSE: usize = 16;
/// Longest stretch after a quote searched for its attribution, in bytes.
pub const AFTER_WINDOW: usize = 200;

/// How an attribution names its speaker, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A named person or organisation: an index into the article's entities.
    Entity(usize),
    /// A subject pronoun at a byte offset of the article.
    Pronoun(Gender, usize),
    /// A description ("a police spokesman", "the minister").
    Description(String),
    /// A verb of speech with no subject, as languages that drop the subject write it ("…»,
    /// subrayó."): the speaker is whoever spoke just before. The byte offset of the verb.
    Elided(usize),
}

/// The article with its quotes blanked, and its entities, for the grammar to read.
pub struct Text<'a> {
    /// The article with every quoted passage blanked (offsets kept).
    pub masked: &'a str,
    /// The entities, in text order.
    pub entities: &'a [EntityMention],
    /// Whether each entity sits inside a quotation.
    pub quoted: &'a [bool],
}

impl Text<'_> {
    /// Speakers' entities (people and organisations outside quotes) wholly within `[a, b)`.
    fn speakers_within(&self, a: usize, b: usize) -> impl Iterator<Item = (usize, &EntityMention)> {
        self.named_within(a, b)
            .filter(|(_, e)| matches!(e.kind, EntityKind::Person | EntityKind::Organization))
    }

    /// People, organisations and places outside quotes wholly within `[a, b)`: a place may
    /// issue a statement ("a statement from Beijing said"), though it never speaks itself.
    fn named_within(&self, a: usize, b: usize) -> impl Iterator<Item = (usize, &EntityMention)> {
        let first = self.entities.partition_point(|e| e.start < a);
        self.entities[first..]
            .iter()
            .enumerate()
            .map(move |(k, e)| (first + k, e))
            .take_while(move |(_, e)| e.start < b)
            .filter(move |(i, e)| {
                e.end <= b
                    && e.kind != EntityKind::Other
                    && !self.quoted.get(*i).copied().unwrap_or(true)
            })
    }

    fn slice(&self, a: usize, b: usize) -> &str {
        self.masked.get(a..b).unwrap_or("")
    }

    /// The word before byte `at`, lower-cased, past any capitalised words (a title written before
    /// a name: "for British Prime Minister X" gives "for").
    fn word_before(&self, at: usize) -> String {
        let from = floor(self.masked, at.saturating_sub(80));
        let text = self.slice(from, at);
        let ws = words(text);
        let mut end = text.len();
        for w in ws.iter().rev() {
            // Only words joined by spaces to what follows: a comma ends the title.
            let joined = text.get(w.end..end).is_some_and(|g| g.trim().is_empty());
            if !joined || !w.text.chars().next().is_some_and(char::is_uppercase) {
                return if joined {
                    w.text.to_lowercase()
                } else {
                    String::new()
                };
            }
            end = w.start;
        }
        String::new()
    }
}

/// The largest char boundary at or below `i`.
pub fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The speaker named right after a quote ending at `a`; `b` ends the sentence (or the next quote).
pub fn after_quote(t: &Text<'_>, a: usize, b: usize) -> Option<Found> {
    let b = floor(t.masked, b.min(a + AFTER_WINDOW));
    let seg = t.slice(a, b);
    let ws = words(seg);
    // "“…” while X said …": the verb belongs to a clause of its own.
    if ws
        .first()
        .is_some_and(|w| CLAUSE_OPENERS.contains(&parallax_text::lowercase(w.text)))
    {
        return None;
    }
    // "…», dit-elle." and "…», raconte-t-il.": a French verb with its pronoun run in.
    if let Some(first) = ws.first() {
        let verb_part = first.text.split_once('-').map(|(v, _)| v);
        if verb_part.is_some_and(is_speech_verb) {
            if let Some(g) = pronoun(first.text) {
                return Some(Found::Pronoun(g, a + first.start));
            }
        }
    }
    let vi = (0..ws.len().min(16)).find(|&k| is_verb_at(&ws, k))?;
    let verb = ws[vi];
    // "“…” by the move because X had agreed …": a verb after a subordinating conjunction, with
    // no comma between, is that clause's.
    if ws[..vi].iter().any(|w| {
        SUBORDINATORS.contains(&parallax_text::lowercase(w.text))
            && !t.slice(a + w.end, a + verb.start).contains(',')
    }) {
        return None;
    }
    let inverted = vi == 0
        || (vi == 1 && is_auxiliary(ws[0].text))
        || (vi == 1 && pronoun(ws[0].text).is_some() && ws[0].text.contains('-'));
    if vi == 1 && ws[0].text.contains('-') {
        // "a-t-il déclaré"
        if let Some(g) = pronoun(ws[0].text) {
            return Some(Found::Pronoun(g, a + ws[0].start));
        }
    }
    if inverted {
        return after_verb(t, a + verb.end, b)
            .or_else(|| subject_after_object(t, a + verb.end, b))
            .or_else(|| {
                // "…», dijo." and "…», ha asegurado.": the verb, or its auxiliary, opens.
                no_subject_after(t.slice(a + verb.end, b)).then_some(Found::Elided(a + verb.start))
            });
    }
    // "“…,” the paper quoted witness X as saying."
    if is_participle(verb.text) {
        if let Some(f) = quoted_as(t, a, &ws, vi) {
            return f;
        }
    }
    subject_of(t, a, a + verb.start)
}

/// Whether nothing after a verb can be its subject: the sentence ends, or an adjunct opens ("…»,
/// dijo en rueda de prensa", "…», prometió al asegurar que …").
fn no_subject_after(rest: &str) -> bool {
    let rest = rest.trim_start();
    if rest.is_empty() || rest.starts_with(['.', ';', '!', '?']) {
        return true;
    }
    words_lazily(rest).next().is_some_and(|w| {
        w.text.chars().next().is_some_and(char::is_lowercase)
            && ADJUNCT_PREPOSITIONS.contains(w.text)
    })
}

/// The speaker standing after a verb: "said X", "sagte er", "said a police spokesman".
pub fn after_verb(t: &Text<'_>, from: usize, b: usize) -> Option<Found> {
    let rest = t.slice(from, b);
    let np_end = phrase_end(rest);
    let np = &rest[..np_end];
    let ws = words(np);
    if let Some(first) = ws.first() {
        if let Some(g) = pronoun(first.text) {
            return Some(Found::Pronoun(g, from + first.start));
        }
    }
    // "said Flynn's father, Herbert Flynn": a description with the person's name in apposition.
    if description(np).is_some() && rest[np_end..].starts_with(',') {
        if let Some(i) = name_in_apposition(t, from + np_end + 1, b) {
            return Some(Found::Entity(i));
        }
    }
    // "sagte ein Sprecher der Polizei": a description led by an article stays one, unless a
    // person's name follows its role words straight away ("a prévenu le préfet Laurent Castel").
    let article_led = ws.first().is_some_and(|w| is_article(w.text));
    if article_led {
        if let Some(i) = name_after_role(t, from, from + np_end) {
            return Some(Found::Entity(i));
        }
        if let Some(d) = description(np) {
            return Some(d);
        }
    }
    // A name that starts in the phrase ("said commentator Pat J. Buchanan, a ..."); a name that
    // only modifies the head goes before it ("said Velmar Soft researcher Ivo Brand"), while a
    // name after a preposition or conjunction is not the head ("said Ivo Brand of Velmar Soft").
    // The subject ends where an adjunct opens once the subject has begun: "a écrit la mairie sur
    // sa page Facebook" was not written by Facebook, while "a déclaré mardi à la presse le préfet
    // X" names him after the adjunct.
    let subject_end = (1..ws.len())
        .find(|&k| {
            ADJUNCT_PREPOSITIONS.contains(ws[k].text)
                && ws[..k].iter().any(|w| {
                    is_article(w.text) || w.text.chars().next().is_some_and(char::is_uppercase)
                })
        })
        .map_or(np_end, |k| ws[k].start);
    let mut head: Option<(usize, &EntityMention)> = None;
    for (i, e) in t
        .speakers_within(from, b)
        .take_while(|(_, e)| e.start < from + subject_end)
    {
        let Some((_, h)) = head else {
            // A name right after a preposition is no subject either ("a déclaré à la presse le
            // préfet au PC opérationnel", "said in Paris").
            let after_preposition = words(t.slice(from, e.start)).last().is_some_and(|w| {
                PREPOSITIONS.contains(w.text) || ADJUNCT_PREPOSITIONS.contains(w.text)
            });
            if !after_preposition {
                head = Some((i, e));
            }
            continue;
        };
        let gap = words(t.slice(h.end, e.start));
        let modifier = !gap.is_empty()
            && gap.iter().all(|w| {
                w.text.chars().next().is_some_and(char::is_lowercase)
                    && !is_conjunction(w.text)
                    && !PREPOSITIONS.contains(w.text)
            });
        if modifier {
            head = Some((i, e));
        }
    }
    if let Some((i, _)) = head {
        return Some(Found::Entity(i));
    }
    description(np)
}

/// The person named right after an article and role words ("le préfet Laurent Castel", "the
/// prosecutor Ana Ruiz"): every word between the article and the name is lowercase, a role
/// among them, and none a preposition or conjunction ("le préfet de police X" stays a
/// description; "the lawyer for X" names whom the lawyer acts for).
fn name_after_role(t: &Text<'_>, from: usize, to: usize) -> Option<usize> {
    let (i, e) = t.speakers_within(from, to).next()?;
    if e.kind != EntityKind::Person {
        return None;
    }
    let before = words(t.slice(from, e.start));
    let (article, roles) = before.split_first()?;
    (is_article(article.text)
        && roles.iter().any(|w| is_role(w.text))
        && roles.iter().all(|w| {
            w.text.chars().next().is_some_and(char::is_lowercase)
                && !is_conjunction(w.text)
                && !PREPOSITIONS.contains(w.text)
                && !ADJUNCT_PREPOSITIONS.contains(w.text)
        }))
    .then_some(i)
}

/// "« … », a déclaré à la presse le préfet": after a quote, an inverted verb, and an object led
/// by a preposition, the subject is the first noun phrase of a role led by an article. (Before a
/// quote, "shouted to a police officer:" names whom the words were said to.)
fn subject_after_object(t: &Text<'_>, from: usize, b: usize) -> Option<Found> {
    let rest = t.slice(from, b);
    let np = &rest[..phrase_end(rest)];
    let ws = words(np);
    let first = ws.first()?;
    if !(PREPOSITIONS.contains(first.text) || ADJUNCT_PREPOSITIONS.contains(first.text)) {
        return None;
    }
    let k = (1..ws.len())
        .find(|&k| is_article(ws[k].text) && ws.get(k + 1).is_some_and(|w| is_role(w.text)))?;
    let found = description(np.get(ws[k].start..)?)?;
    // "escribió en la red social X la alcaldesa de Valencia, María Catalá": the name in
    // apposition to the description is who spoke.
    if rest[np.len()..].starts_with(',') {
        if let Some(i) = name_in_apposition(t, from + np.len() + 1, b) {
            return Some(Found::Entity(i));
        }
    }
    Some(found)
}

/// A person's name standing right at `from` and closing its phrase (a comma, full stop or
/// semicolon after it, or lowercase words): the name in apposition to a description before it
/// ("said Flynn's father, Herbert Flynn").
fn name_in_apposition(t: &Text<'_>, from: usize, b: usize) -> Option<usize> {
    let (i, _) = t.speakers_within(from, b).next().filter(|(_, e)| {
        e.kind == EntityKind::Person
            && t.slice(from, e.start).trim().is_empty()
            && t.slice(e.end, b)
                .trim_start()
                .starts_with(|c: char| matches!(c, ',' | '.' | ';') || c.is_lowercase())
    })?;
    Some(i)
}

/// Where the noun phrase at the start of `rest` ends: at a comma, colon, semicolon, bracket or a
/// full stop that ends no abbreviation or initial ("said Troy police Lt . Gerry Scherlinck").
fn phrase_end(rest: &str) -> usize {
    let mut from = 0;
    while let Some(p) = rest
        .get(from..)
        .and_then(|r| r.find([',', '.', ';', ':', '(']))
    {
        let at = from + p;
        if !rest[at..].starts_with('.') {
            return at;
        }
        let before = rest[..at].strip_suffix(' ').unwrap_or(&rest[..at]);
        let word = words(before).last().map_or("", |w| w.text);
        let abbreviated = !word.is_empty()
            && before.ends_with(word)
            && (word.chars().count() == 1 && word.chars().all(char::is_uppercase) && word != "I"
                || crate::lexicon::ABBREVIATIONS.get(&*parallax_text::lowercase(word))
                    == Some(&crate::lexicon::Abbreviation::Continued));
        if !abbreviated || !word.chars().next().is_some_and(char::is_uppercase) {
            return at;
        }
        from = at + 1;
    }
    rest.len()
}

/// Whether the word at `k` is a verb of speech, not a noun of the same form ("the claims").
fn is_verb_at(ws: &[Word<'_>], k: usize) -> bool {
    let Some(w) = ws.get(k) else { return false };
    let after_determiner = k
        .checked_sub(1)
        .and_then(|p| ws.get(p))
        .is_some_and(|p| is_determiner(p.text));
    is_speech_verb(w.text) && !after_determiner
}

/// Determiners before a noun (not "a", which is also the French auxiliary of "a déclaré").
fn is_determiner(w: &str) -> bool {
    DETERMINERS_BEFORE_NOUN.contains(&parallax_text::lowercase(w))
}

/// Conjunctions that join two verbs of one subject, in four languages.
fn is_conjunction(w: &str) -> bool {
    CONJUNCTIONS.contains(&parallax_text::lowercase(w))
}

/// Articles of the four languages.
pub(super) fn is_article(w: &str) -> bool {
    ARTICLES.contains(&parallax_text::lowercase(w))
}

/// The speaker of a quote starting at `b`, named before it in its sentence (from `a`).
pub fn before_quote(t: &Text<'_>, a: usize, b: usize) -> Option<Found> {
    let a = floor(t.masked, a.max(b.saturating_sub(BEFORE_WINDOW)));
    let seg = t.slice(a, b);
    // Only the clause the quote stands in.
    let clause = ["; ", " — ", " – ", " - "]
        .iter()
        .filter_map(|m| seg.rfind(m).map(|p| p + m.len()))
        .max()
        .unwrap_or(0);
    let ca = a + clause;
    let ws = words(t.slice(ca, b));
    let vi = (0..ws.len()).rev().find(|&k| is_verb_at(&ws, k))?;
    // The verb governs the quote only when few words stand between them; a longer reported
    // clause only when the subject of a finite verb names the speaker and the clause names no one
    // else who could have said it.
    let between = &ws[vi + 1..];
    let verb = ws[vi];
    if between.len() > NEAR_VERB {
        let (from, to) = (ca + verb.end, b);
        return (between.len() <= REPORTED_CLAUSE
            && !is_participle(verb.text)
            && !t.slice(from, to).contains([':', ';'])
            && names_no_other_speaker(t, from, to, between)
            && !relative_clause_has_own_subject(t, ca, between, b))
        .then(|| subject_of(t, ca, ca + verb.start))
        .flatten();
    }
    if relative_clause_has_own_subject(t, ca, between, b) {
        return None;
    }
    if is_participle(verb.text) {
        if let Some(f) = quoted_as(t, ca, &ws, vi) {
            return f;
        }
        // ", an inside source calling it “…”": a noun phrase of its own before the participle
        // is its subject, not the sentence's.
        let lead = t.slice(ca, ca + verb.start);
        let own = lead.rfind(',').map_or("", |c| &lead[c + 1..]);
        let own_words = words(own);
        if (1..=5).contains(&own_words.len()) {
            let own_start = ca + verb.start - own.len();
            if let Some((i, _)) = t.speakers_within(own_start, ca + verb.start).last() {
                return Some(Found::Entity(i));
            }
            if let Some(d) = description(own) {
                return Some(d);
            }
        }
        return reported_clause_subject(t, ca, &ws[..vi])
            .or_else(|| clause_subject(t, a, ca + verb.start));
    }
    if let Some(f) = subject_of(t, ca, ca + verb.start) {
        return Some(f);
    }
    // "X said …, but added “…”": a verb after a conjunction shares the clause's subject.
    let before_verb = words(t.slice(ca, ca + verb.start));
    if before_verb.last().is_some_and(|w| is_conjunction(w.text)) {
        return clause_subject(t, a, ca + verb.start);
    }
    // "Dazu sagte Merkel: „…“", "Said Smith: “…”".
    let between = t.slice(ca + verb.end, b);
    if between.trim_end().ends_with([':', ',']) {
        return after_verb(t, ca + verb.end, b);
    }
    None
}

/// Whether the words between a verb of speech and its quote (from byte `a` to `b`) leave the
/// verb's subject the only one who can have said it: no person or organisation, no subject
/// pronoun and no second verb of speech among them ("X said the chances of a deal remained
/// “…”", not "X said the plan, which he called “…”").
fn names_no_other_speaker(t: &Text<'_>, a: usize, b: usize, between: &[Word<'_>]) -> bool {
    t.speakers_within(a, b).next().is_none()
        && between
            .iter()
            .all(|w| pronoun(w.text).is_none() && !is_speech_verb(w.text))
}

/// Whether a relative clause with a subject of its own stands between a verb of speech and its
/// quote ("X said the plan, which Y called “…”"): the quote may be that subject's words, not the
/// verb's subject's. "that", which also opens reported speech, is left to the complementizer rules.
fn relative_clause_has_own_subject(
    t: &Text<'_>,
    ca: usize,
    between: &[Word<'_>],
    b: usize,
) -> bool {
    let Some(k) = between.iter().position(|w| {
        let lower = parallax_text::lowercase(w.text);
        RELATIVE_WORDS.contains(&lower) && !COMPLEMENTIZERS.contains(&lower)
    }) else {
        return false;
    };
    let after = &between[k + 1..];
    let Some(first) = after.first() else {
        return false;
    };
    t.speakers_within(ca + first.start, b).next().is_some()
        || after.iter().any(|w| pronoun(w.text).is_some())
}

/// "the paper quoted X as saying": the object of "quoted" (a name, a pronoun or a description),
/// `Some(None)` when the object is none of these. `None` when the verb is not in that
/// construction or has no object ("X was quoted as saying": the clause's subject speaks).
fn quoted_as(t: &Text<'_>, ca: usize, ws: &[Word<'_>], vi: usize) -> Option<Option<Found>> {
    static QUOTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        include_str!("../../data/quoted_as.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    let as_word = ws.get(vi.checked_sub(1)?)?;
    if !AS_WORDS.contains(&parallax_text::lowercase(as_word.text)) {
        return None;
    }
    let q = ws[..vi - 1]
        .iter()
        .rposition(|w| QUOTED.contains(&&*parallax_text::lowercase(w.text)))?;
    let object = &ws[q + 1..vi - 1];
    let (first, last) = (object.first()?, object.last()?);
    let (from, to) = (ca + first.start, ca + last.end);
    if let Some((i, _)) = t.speakers_within(from, to).last() {
        return Some(Some(Found::Entity(i)));
    }
    // "the agency quoted him as saying": whoever the pronoun stands for.
    if let [object] = object {
        if let Some(g) = object_pronoun(object.text) {
            return Some(Some(Found::Pronoun(g, ca + object.start)));
        }
    }
    Some(description(t.slice(from, to)))
}

/// The subject standing right before a verb at `b` (the phrase starting at `a`).
pub fn subject_of(t: &Text<'_>, a: usize, b: usize) -> Option<Found> {
    let seg = t.slice(a, b);
    // People first, nearest the verb first; then organisations ("the ministry said"); then
    // places, which speak only through a statement they issue.
    let mut cands: Vec<(usize, &EntityMention)> = t.named_within(a, b).collect();
    cands.sort_by_key(|(_, e)| (speaker_rank(e.kind), std::cmp::Reverse(e.end)));
    for (i, e) in cands {
        let gap = t.slice(e.end, b);
        let gap_words = words(gap);
        // "an X statement said": the statement speaks for X.
        let statement_of = matches!(gap_words.as_slice(), [w] if is_statement_noun(w.text));
        if statement_of {
            return Some(Found::Entity(i));
        }
        let place = e.kind == EntityKind::Place;
        if !place && named_in_apposition(seg, e.start - a, gap) {
            return Some(Found::Entity(i));
        }
        if e.kind == EntityKind::Person && described_after_opening_name(seg, e.start - a, gap) {
            return Some(Found::Entity(i));
        }
        if !is_adjacent(gap) {
            continue;
        }
        // "a spokesman for X said": the description speaks, not X; nor does X after an
        // article ("le directeur régional de la SNCF"). With capitalised words between the
        // preposition and the name, they are the name's title when one who speaks for another
        // is described ("a spokesman for British Prime Minister Boris Johnson"), and else what
        // the described holds an office of ("El sismólogo del IGN Andrés Calvo señaló").
        let at = floor(seg, e.start.saturating_sub(a));
        let head = seg.get(clause_head(&seg[..at])..at).unwrap_or("");
        let head_words = words(head);
        let right_after = preposition_before(seg, e.start - a);
        let after_capitals = head_words
            .last()
            .is_some_and(|w| w.text.chars().next().is_some_and(char::is_uppercase));
        let speaks_for = head_words
            .iter()
            .any(|w| SPOKESPERSON_WORDS.contains(&parallax_text::lowercase(w.text)));
        let preposition_further = PREPOSITIONS.contains(t.word_before(e.start).as_str())
            && (!after_capitals || speaks_for);
        if right_after || preposition_further {
            if head_words.iter().any(|w| is_role(w.text)) {
                return description(&seg[clause_head(seg)..]);
            }
            // "a statement from X said": the statement speaks for X.
            let content_words = head_words
                .iter()
                .filter(|w| !DETERMINERS.contains(&parallax_text::lowercase(w.text)))
                .count();
            if content_words <= 3 && head_words.iter().any(|w| is_statement_noun(w.text)) {
                return Some(Found::Entity(i));
            }
            continue;
        }
        if place {
            continue;
        }
        return Some(Found::Entity(i));
    }
    let ws = words(seg);
    let last = ws
        .iter()
        .rev()
        .find(|w| !is_auxiliary(w.text) && !is_adverb(w.text))?;
    if let Some(g) = pronoun(last.text) {
        // Only a pronoun that ends the subject: "he said", "he also told".
        let after = t.slice(a + last.end, b);
        if words(after)
            .iter()
            .all(|w| is_auxiliary(w.text) || is_adverb(w.text))
        {
            return Some(Found::Pronoun(g, a + last.start));
        }
    }
    description(&seg[clause_head(seg)..])
}

/// The order in which a subject's entities are tried as its speaker: people, organisations,
/// then places (only as the issuer of a statement).
fn speaker_rank(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place | EntityKind::Other => 2,
    }
}

/// Whether a preposition stands right before byte `at` of `seg`, or a preposition and an
/// article ("of the", "de la", "von der").
fn preposition_before(seg: &str, at: usize) -> bool {
    let head = &seg[..floor(seg, at)];
    let ws = words(head);
    let joined =
        |w: &Word<'_>, end: usize| head.get(w.end..end).is_some_and(|g| g.trim().is_empty());
    let mut end = head.len();
    for (k, w) in ws.iter().rev().take(2).enumerate() {
        if !joined(w, end) {
            return false;
        }
        let lower = parallax_text::lowercase(w.text);
        if PREPOSITIONS.contains(&lower) {
            return true;
        }
        if k > 0 || !DETERMINERS.contains(&lower) {
            return false;
        }
        end = w.start;
    }
    false
}

/// "El ministro del Interior, Fernando Grande-Marlaska, ha asegurado": the name (at byte `at`
/// of the subject `seg`, `gap` after it up to the verb) closes an apposition to a role that
/// opens the clause. "Tras reunirse con el presidente, Pedro Sánchez, ha asegurado" opens with
/// a preposition, so the name there is no subject.
fn named_in_apposition(seg: &str, at: usize, gap: &str) -> bool {
    let closes = gap.trim_start().strip_prefix(',').is_some_and(is_adjacent);
    let Some(head) = seg.get(..at).and_then(|s| s.trim_end().strip_suffix(',')) else {
        return false;
    };
    closes && description(&head[clause_head(head)..]).is_some()
}

/// "X, lead writer and producer says": a name that opens the subject, then a comma and a
/// description of a role up to the verb, the apposition's closing comma left out. The name is
/// the subject the description describes; the roles are not a speaker of their own. A name after
/// other words of the subject ("Asked about X, the mayor said") is no such subject.
fn described_after_opening_name(seg: &str, at: usize, gap: &str) -> bool {
    let opens = seg
        .get(..at)
        .is_some_and(|before| !before.chars().any(char::is_alphanumeric));
    let Some(rest) = gap.trim_start().strip_prefix(',') else {
        return false;
    };
    opens && !rest.contains(',') && description(rest).is_some()
}

/// "X told reporters that Y called 911, saying “…”": a participle after a clause of reported
/// content is that clause's subject's, when a person opens it (a name right after "that").
fn reported_clause_subject(t: &Text<'_>, ca: usize, before: &[Word<'_>]) -> Option<Found> {
    let k = before
        .iter()
        .rposition(|w| COMPLEMENTIZERS.contains(&parallax_text::lowercase(w.text)))?;
    let from = ca + before[k].end;
    let to = ca
        + match before.get(k + 1 + SUBJECT_AFTER_THAT) {
            Some(w) => w.start,
            None => before.last().map_or(0, |w| w.end),
        };
    let (i, e) = t.speakers_within(from, to).next()?;
    (e.kind == EntityKind::Person).then_some(Found::Entity(i))
}

/// The speaker of a lead-in that introduces the paragraphs of quote after it with a colon but no
/// verb of speech ("The judge had advice for the guards:", "X was blunt:"): the sentence's
/// subject, a name or pronoun among its first words or a definite description of a role ("the
/// judge"); never a thing ("The report listed three findings:").
pub fn colon_lead_in(t: &Text<'_>, a: usize, colon: usize) -> Option<Found> {
    if let Some(f) = before_quote(t, a, colon) {
        return Some(f);
    }
    let ws = words(t.slice(a, colon));
    let with_article = ws.first().is_some_and(|w| is_article(w.text));
    if let Some(head) = ws
        .iter()
        .position(|w| is_role(w.text))
        .filter(|&h| with_article && h <= 2 && h + 1 < ws.len())
    {
        return description(t.slice(a, a + ws[head].end));
    }
    match clause_subject(t, a, colon)? {
        Found::Entity(i) if t.entities.get(i)?.kind == EntityKind::Person => Some(Found::Entity(i)),
        Found::Pronoun(g, at) => Some(Found::Pronoun(g, at)),
        _ => None,
    }
}

/// The subject of a sentence's main clause (for participles): the first name or pronoun that is
/// not the object of a preposition, within the first words.
fn clause_subject(t: &Text<'_>, a: usize, b: usize) -> Option<Found> {
    let seg = t.slice(a, b);
    let ws = words(seg);
    let first_entity = t
        .speakers_within(a, b)
        .find(|(_, e)| !PREPOSITIONS.contains(t.word_before(e.start).as_str()));
    let pronoun_at = ws
        .iter()
        .take(6)
        .find_map(|w| pronoun(w.text).map(|g| (g, a + w.start)));
    match (first_entity, pronoun_at) {
        (Some((_, e)), Some((g, p))) if p < e.start => Some(Found::Pronoun(g, p)),
        (Some((i, e)), _) => {
            // Only a name among the clause's first words is its subject.
            let rank = ws.iter().take_while(|w| a + w.start < e.start).count();
            (rank <= 4).then_some(Found::Entity(i))
        }
        (None, Some((g, p))) => Some(Found::Pronoun(g, p)),
        (None, None) => None,
    }
}

/// "…," according to X / selon X / laut X / según X.
pub fn according_to(t: &Text<'_>, a: usize, b: usize, right_after_quote: bool) -> Option<Found> {
    let b = floor(t.masked, b);
    let seg = t.slice(a, b);
    let lower = seg.to_lowercase();
    if lower.len() != seg.len() {
        // Lower-casing changed byte lengths: offsets would not line up.
        return None;
    }
    for phrase in ACCORDING_TO.iter() {
        // "^pour": only where it opens the stretch ("Pour Hélène Rousset, « … »"), and only
        // before a name.
        let (phrase, opening_only) = match phrase.strip_prefix('^') {
            Some(p) => (p, true),
            None => (*phrase, false),
        };
        let single = !phrase.contains(' ') && phrase.len() <= 2;
        let Some(p) = find_word(&lower, phrase) else {
            continue;
        };
        let lead = seg.get(..p).unwrap_or("");
        if single && (!right_after_quote || !lead.trim_matches([',', ' ']).is_empty()) {
            continue;
        }
        if opening_only && (right_after_quote || !lead.trim().is_empty()) {
            continue;
        }
        let from = a + p + phrase.len();
        let np_end = seg
            .get(p + phrase.len()..)
            .unwrap_or("")
            .find([',', '.', ';', ':'])
            .map_or(b, |e| from + e);
        if let Some((i, _)) = t.speakers_within(from, np_end).next() {
            let gap = t.slice(from, t.entities.get(i)?.start);
            if words_lazily(gap).nth(3).is_none() {
                return Some(Found::Entity(i));
            }
        }
        if opening_only {
            if let Some(i) = role_then_holder(t, from, np_end, b) {
                return Some(Found::Entity(i));
            }
            continue;
        }
        return description(t.slice(from, np_end));
    }
    None
}

/// "Pour le maire de Valmont, Hervé Dubreuil, « … »": a role in `[from, np_end)`, then, set
/// off by commas before `b`, only the name of whoever holds it (its entity). Not "Pour les
/// habitants, « … »", which names no role, nor a name with more words beside it.
fn role_then_holder(t: &Text<'_>, from: usize, np_end: usize, b: usize) -> Option<usize> {
    if !words_lazily(t.slice(from, np_end)).any(|w| is_role(w.text))
        || !t.slice(np_end, b).starts_with(',')
    {
        return None;
    }
    let next = np_end + 1;
    let next_end = next + t.slice(next, b).find([',', '.', ';', ':'])?;
    let (i, e) = t.speakers_within(next, next_end).next()?;
    let alone = words_lazily(t.slice(next, e.start)).next().is_none()
        && words_lazily(t.slice(e.end, next_end)).next().is_none();
    (alone && e.kind == EntityKind::Person).then_some(i)
}

/// The byte offset of `word` in `text` as a whole word.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = text.get(from..)?.find(word) {
        let at = from + p;
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = text[at + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// Where the subject noun phrase starts: after the last comma or clause-opening word
/// (`CLAUSE_WORDS`, between spaces).
fn clause_head(subject: &str) -> usize {
    // Every break ends in a space: read back from the end, only where a space is, and stop at the
    // first break that ends there.
    let bytes = subject.as_bytes();
    (1..=bytes.len())
        .rev()
        .filter(|&end| bytes[end - 1] == b' ')
        .find(|&end| {
            let before = &subject[..end - 1];
            before.ends_with(',')
                || before
                    .rfind(' ')
                    .is_some_and(|space| CLAUSE_WORDS.contains(&before[space + 1..]))
        })
        .unwrap_or(0)
}

/// A speaker described rather than named ("a spokesman for the ministry", "officials", "her
/// rep"): a short noun phrase with a role noun, not starting with a preposition.
pub fn description(words_text: &str) -> Option<Found> {
    let mut d = words_text
        .trim()
        .trim_matches(|c: char| c == ',' || c == ':' || c.is_whitespace());
    // A separable particle or a dangling preposition ends no description ("die Polizei mit").
    if let Some(last) = words(d).last().filter(|w| PREPOSITIONS.contains(w.text)) {
        d = d[..last.start].trim_end();
    }
    // "the minister in a statement", "the official who spoke on condition of anonymity": the
    // description ends before an adjunct or a relative clause.
    if let Some(adjunct) = words_lazily(d).skip(2).find(|w| {
        let lower = w.text.to_lowercase();
        ADJUNCT_PREPOSITIONS.contains(lower.as_str()) || RELATIVE_WORDS.contains(lower.as_str())
    }) {
        d = d[..adjunct.start].trim_end();
    }
    d = without_addressee(d);
    let ws = words(d);
    let first = ws.first()?;
    let lower = first.text.to_lowercase();
    let preposition = PREPOSITIONS.contains(lower.as_str()) && !is_article(first.text);
    if preposition || RELATIVE_WORDS.contains(lower.as_str()) || ws.len() > 8 {
        return None;
    }
    // The role must be the head (among the first words), not buried in a clause.
    let has_role = ws.iter().take(5).any(|w| is_role(w.text));
    let has_verb = ws.iter().any(|w| is_speech_verb(w.text));
    (has_role && !has_verb).then(|| Found::Description(d.to_string()))
}

/// A German description without whom it was said to: "ein Sprecher des Innenministeriums der
/// Deutschen Presse-Agentur" is the spokesman; after the head, "dem" opens a dative, and so does
/// "der" after a first attribute in the genitive has closed, or before a noun for the press
/// within two words ("die Ministerin der Deutschen Presse-Agentur").
fn without_addressee(d: &str) -> &str {
    let ws = words(d);
    let mut genitive = false;
    for (k, w) in ws.iter().enumerate().skip(1) {
        let press = || {
            ws.iter()
                .skip(k + 1)
                .take(2)
                .any(|n| is_addressee_noun(n.text))
        };
        let dative = w.text == "dem" || w.text == "der" && (genitive || press());
        if dative && k >= 2 {
            return d[..w.start].trim_end();
        }
        genitive |= matches!(w.text, "des" | "der") && k + 1 < ws.len();
    }
    d
}

fn is_auxiliary(w: &str) -> bool {
    AUXILIARIES.contains(&parallax_text::lowercase(w))
}

fn is_adverb(w: &str) -> bool {
    ADVERBS.contains(&parallax_text::lowercase(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(subject: &str, expected: &str) {
        assert_eq!(&subject[clause_head(subject)..], expected, "{subject:?}");
    }

    #[test]
    fn the_subject_starts_after_the_last_comma_or_conjunction() {
        check(
            "a spokesman for the ministry",
            "a spokesman for the ministry",
        );
        check("Rain fell, and a spokesman", "a spokesman");
        check("Prices rose but the minister", "the minister");
        check("Il pleuvait et le préfet", "le préfet");
        check("Es regnete, aber die Sprecherin", "die Sprecherin");
        check("He knew that the official", "the official");
        check("She left, the police and the mayor", "the mayor");
        check("", "");
        check(", ", "");
        check("Thatcher", "Thatcher");
    }

    #[test]
    fn the_subject_starts_where_a_search_for_each_break_puts_it() {
        let breaks: Vec<String> = CLAUSE_WORDS
            .iter()
            .map(|w| format!(" {w} "))
            .chain([", ".to_string()])
            .collect();
        let by_search = |s: &str| {
            breaks
                .iter()
                .filter_map(|b| s.rfind(b.as_str()).map(|p| p + b.len()))
                .max()
                .unwrap_or(0)
        };
        for s in [
            "one, and two and three",
            "x , y,  z",
            "dass que that while",
            "a but  b",
            "über, und ähnlich ",
            " and ",
            "and",
            "the mayor and",
            "Es regnete, aber die Sprecherin",
            "He knew that the official",
            "llovía y el portavoz",
            "il pleuvait, mais le préfet que",
        ] {
            assert_eq!(clause_head(s), by_search(s), "{s:?}");
        }
    }
}
