//! Direct and partial quotations, with their speakers.
//!
//! Quote marks of four languages (`marks`) give the passages, a quote left open at a paragraph's
//! end running on into the next. The speaker comes from the grammar of news speech (`grammar`):
//! speaker and verb after the quote, before it, around it, "according to"; then from the text
//! around: a quote that runs on keeps its speaker, an "X said:" lead-in gives the paragraphs of
//! quote after it, a sentence or paragraph that is all quote goes on with the speaker just before.
//! Pronouns and descriptions resolve only to a compatible person (`resolve`); when the text does
//! not settle who spoke, the quote has no speaker (or the description the text gives).

mod adjacent;
mod grammar;
mod incise;
pub(crate) mod marks;
pub(crate) mod resolve;
pub(crate) mod words;

use parallax_core::{EntityKind, EntityMention, Quote, Sentence, Speaker};

use grammar::{
    according_to, after_quote, after_verb, before_quote, colon_lead_in, floor, subject_of, Found,
    Text,
};
use marks::{mask, quote_spans, Span};
use resolve::People;

/// Words before a quote within which a verb of speech governs it through a reported clause.
const GOVERNING_WORDS: usize = 3;

/// Where the words leading into a quote at `qs` are read from: its sentence's start, or the
/// first word's start within [`grammar::BEFORE_WINDOW`] bytes of it, as far as an attribution is
/// looked for. Reading a whole sentence before each of its quotes costs the square of its length
/// where a text runs on without a sentence's end.
fn lead_start(masked: &str, s_start: usize, qs: usize) -> usize {
    let from = floor(masked, qs.saturating_sub(grammar::BEFORE_WINDOW));
    if from <= s_start {
        return s_start;
    }
    // The cut may fall within a word: read from the next one.
    let rest = masked.get(from..qs).unwrap_or("");
    from + rest.find(char::is_whitespace).unwrap_or(rest.len())
}

/// Paragraphs without marks a running quote may cross before it must close.
const MAX_BRIDGE: usize = 3;

/// The quotations of an article, given its paragraphs, sentences and entities.
pub fn find_quotes(text: &str, sentences: &[Sentence], entities: &[EntityMention]) -> Vec<Quote> {
    let mut ents = entities.to_vec();
    ents.sort_by_key(|e| e.start);
    // The passages of every paragraph, a quote left open running on into the next: through
    // paragraphs without any mark too (text written one sentence a line), when it closes within
    // a few paragraphs.
    let mut paras: Vec<(usize, &str, Vec<Span>)> = Vec::new();
    let mut base = 0;
    let mut running = false;
    let mut pending: Vec<usize> = Vec::new();
    for para in text.split("\n\n") {
        let spans = incise::split_at_incises(para, quote_spans(para, running));
        if running && spans.is_empty() && pending.len() < MAX_BRIDGE {
            pending.push(paras.len());
        } else {
            // Closed by a mark with no opener: the running quote ends here.
            let closes_running = running && spans.first().is_some_and(|s| s.inner_start == 0);
            for &p in &pending {
                if let Some((_, text, spans)) = paras.get_mut(p).filter(|_| closes_running) {
                    let n = text.len();
                    *spans = vec![Span::running(n)];
                }
            }
            pending.clear();
            running = spans.last().is_some_and(|s| !s.closed);
        }
        paras.push((base, para, spans));
        base += para.len() + 2;
    }
    let abs: Vec<(usize, usize)> = paras
        .iter()
        .flat_map(|(b, _, spans)| spans.iter().map(move |s| (b + s.start, b + s.end)))
        .collect();
    let masked = mask(text, &abs);
    let quoted: Vec<bool> = ents
        .iter()
        .map(|e| {
            let k = abs.partition_point(|&(s, _)| s <= e.start);
            k > 0 && abs.get(k - 1).is_some_and(|&(_, end)| e.start < end)
        })
        .collect();
    let t = Text {
        masked: &masked,
        entities: &ents,
        quoted: &quoted,
    };
    let mut people = People::new(sentences, &ents, &quoted, &masked);
    let sentence_at = |x: usize| {
        sentences
            .partition_point(|s| s.start <= x)
            .saturating_sub(1)
    };
    let sentence_end = |si: usize| sentences.get(si).map_or(0, |s| s.start + s.text.len());

    let mut state = State::default();
    let mut blanks = Blanks::default();
    let mut raw: Vec<Quote> = Vec::new();
    // Per quote, whether a verb of speech governs it, settled speaker or not.
    let mut spoken: Vec<bool> = Vec::new();
    let mut next_sentence = 0;
    for (base, para, spans) in &paras {
        let (base, para_end) = (*base, base + para.len());
        let mut para_speaker: Option<Speaker> = None;
        // The speaker of a sentence of this paragraph that reports speech without quoting it.
        let mut report_before: Option<(usize, Speaker)> = None;
        let all_quote_para =
            !spans.is_empty() && is_blank(masked.get(base..para_end).unwrap_or(""));
        for (k, sp) in spans.iter().enumerate() {
            let (qs, qe) = (base + sp.start, base + sp.end);
            let si = sentence_at(base + sp.inner_start);
            while next_sentence < si {
                let reporter = state.reported(next_sentence, sentences, &t, &mut people);
                // Only a sentence of this paragraph without a quote of its own.
                let quoted_there = state
                    .last_quote
                    .as_ref()
                    .is_some_and(|(q, _)| *q == next_sentence);
                report_before = reporter
                    .filter(|_| {
                        !quoted_there
                            && sentences
                                .get(next_sentence)
                                .is_some_and(|s| s.start >= base)
                    })
                    .map(|r| (next_sentence, r));
                next_sentence += 1;
            }
            let inner = text
                .get(base + sp.inner_start..base + sp.inner_end)
                .unwrap_or("")
                .trim();
            if sp.continues {
                // The words after an attribution within the marks: the same quote goes on.
                if let Some(prev) = raw.last_mut() {
                    prev.text.push_str(", ");
                    prev.text.push_str(inner.trim_end_matches([',', ' ']));
                }
                if k + 1 == spans.len() {
                    state.running = None;
                    state.open_quote = None;
                }
                continue;
            }
            let s_start = sentences.get(si).map_or(base, |s| s.start).max(base);
            let s_end = sentence_end(sentence_at(qe.saturating_sub(1)))
                .min(para_end)
                .max(qe);
            let next_start = spans
                .get(k + 1)
                .map_or(s_end, |n| (base + n.start).min(s_end));
            let found = after_quote(&t, qe, next_start)
                .or_else(|| before_quote(&t, s_start, qs))
                .or_else(|| according_to(&t, qe, next_start, true))
                .or_else(|| {
                    according_to(
                        &t,
                        floor(&masked, qs.saturating_sub(200).max(s_start)),
                        qs,
                        false,
                    )
                });
            // "…,” Brand's colleague Tamsin, 31, said": a verb of speech after the quote in its
            // own sentence, to which the grammar found no subject, still says that someone spoke
            // whom the text does not settle.
            // So does one right before the quote ("Oskar Lund, head of …, a small watchdog …, said, “…”").
            let lead_from = lead_start(&masked, s_start, qs);
            let lead_text = masked.get(lead_from..qs).unwrap_or("");
            let attributed = found.is_some()
                || words::words(masked.get(qe..next_start).unwrap_or(""))
                    .iter()
                    .any(|w| words::is_finite_speech_verb(w.text))
                || words::words(lead_text).last().is_some_and(|w| {
                    words::is_finite_speech_verb(w.text)
                        && is_blank(masked.get(lead_from + w.end..qs).unwrap_or(""))
                });
            let elided = matches!(found, Some(Found::Elided(_)));
            let mut speaker = found.and_then(|f| state.resolve(f, &t, &mut people, &sentence_at));
            let explicit = speaker.is_some();
            if attributed && !explicit {
                // Someone the text does not settle spoke ("…,” he said): who spoke before does
                // not go on speaking.
                para_speaker = None;
                state.last_speaker = None;
            }
            let opens_sentence = blanks.before(&masked, s_start, qs);
            let whole_sentence = opens_sentence && blanks.after(&masked, qe.min(s_end), s_end);
            // Whether the speaker is only that of speech reported without quotes before the quote
            // ("The Journal said X offered remorse. ¶ “I am sorry …”"): a guess that an
            // attribution where the quote closes, settled or not, overrides ("…,” the convicted
            // killer said").
            let mut from_report = false;
            if speaker.is_none() {
                let running_on = sp.start == 0 && state.running.is_some();
                speaker = if running_on && !(state.open_reported && attributed) {
                    // The quote runs on from the paragraph before.
                    from_report = state.open_reported;
                    state.running.clone().flatten()
                } else if running_on {
                    None
                } else if opens_sentence && state.lead_in.is_some() {
                    state.lead_in.clone()
                } else if whole_sentence
                    && para_speaker.is_some()
                    && !person_between(&state.last_quote, si, sentences, &t)
                {
                    para_speaker.clone()
                } else if let Some((_, r)) = report_before
                    .as_ref()
                    .filter(|(rs, _)| (whole_sentence && !attributed || elided) && rs + 1 == si)
                {
                    // "The bridge is safe, Linde said. “We checked every bolt.”": a quote of a
                    // sentence of its own goes on with the speech reported right before it, and
                    // so does one whose verb has no subject ("… pidió calma. «…», afirmó.").
                    from_report = true;
                    Some(r.clone())
                } else if all_quote_para && k == 0 {
                    from_report = state.prev_para_reported;
                    state.prev_para_speaker.clone()
                } else {
                    None
                };
            }
            if let Some(sp) = &speaker {
                // Two people speaking together are no antecedent of "he" or "she".
                if sp.named && !sp.name.contains(" and ") {
                    state.last_speaker = Some(sp.clone());
                    people.spoke.entry(si).or_default().push(sp.name.clone());
                }
                para_speaker = Some(sp.clone());
            }
            let partial = !opens_sentence
                && !masked
                    .get(s_start..qs)
                    .unwrap_or("")
                    .trim_end()
                    .ends_with([':', ','])
                || inner.chars().next().is_some_and(char::is_lowercase);
            let piece = inner.trim_end_matches([',', ' ']);
            match state.open_quote.filter(|_| sp.start == 0) {
                // The next paragraph of a quote that runs on: one quote.
                Some(q) if raw.get(q).is_some() => {
                    if let Some(prev) = raw.get_mut(q) {
                        prev.text.push(' ');
                        prev.text.push_str(piece);
                        // A speaker named where the quote closes outranks one carried over from
                        // the paragraph before the quote opened.
                        // So does one there that does not settle who spoke, when the speaker was
                        // only that of speech reported before the quote.
                        if prev.speaker.is_none()
                            || state.open_inherited && explicit
                            || state.open_reported && attributed
                        {
                            prev.speaker = speaker.clone();
                            state.open_inherited = !explicit;
                            state.open_reported = from_report;
                        }
                    }
                }
                _ => {
                    state.open_inherited = !explicit;
                    state.open_reported = from_report;
                    // A verb of speech right before a reported clause that opens with a pronoun
                    // and ends in the quote governs it ("X said he was “…”"); not a verb before a
                    // noun it quotes a term of ("requested “total privacy”").
                    let lead = words::words(lead_text);
                    let verb_before = lead
                        .iter()
                        .rev()
                        .take(GOVERNING_WORDS)
                        .position(|w| words::is_finite_speech_verb(w.text))
                        .is_some_and(|back| {
                            let clause = &lead[lead.len() - back..];
                            clause
                                .first()
                                .is_some_and(|w| words::pronoun(w.text).is_some())
                                && !lead_text[clause[0].start..].contains([',', ':', ';'])
                        });
                    spoken.push(verb_before);
                    raw.push(Quote {
                        text: piece.to_string(),
                        partial,
                        speaker: speaker.clone(),
                        sentence: si,
                    });
                }
            }
            state.last_quote = Some((si, speaker.clone()));
            if k + 1 == spans.len() {
                state.running = (!sp.closed).then(|| speaker.clone());
                state.open_quote = (!sp.closed).then(|| raw.len().saturating_sub(1));
            }
        }
        if spans.is_empty() {
            state.running = None;
            state.open_quote = None;
        }
        // Sentences of the paragraph after its last quote.
        let last_si = sentence_at(para_end.saturating_sub(1));
        let mut closing_report = None;
        while next_sentence <= last_si && next_sentence < sentences.len() {
            let reporter = state.reported(next_sentence, sentences, &t, &mut people);
            closing_report = reporter.filter(|_| next_sentence == last_si);
            next_sentence += 1;
        }
        // A paragraph of quote alone goes on with who spoke last: the speaker of the paragraph
        // before's last quote, or of the speech it ends reporting ("…, the ministry said.").
        state.prev_para_reported = spans.is_empty();
        state.prev_para_speaker = if spans.is_empty() {
            closing_report
        } else {
            para_speaker
        };
        // "X said:" (or "X commented,") at the end of a paragraph speaks the paragraphs of quote
        // that follow.
        let own = para.trim_end();
        if own.ends_with([':', ',']) {
            let colon = base + own.len() - 1;
            let s_start = sentences.get(last_si).map_or(base, |s| s.start).max(base);
            let found = if own.ends_with(':') {
                colon_lead_in(&t, s_start, colon)
            } else {
                before_quote(&t, s_start, colon)
            };
            state.lead_in = found.and_then(|f| state.resolve(f, &t, &mut people, &sentence_at));
        } else if !all_quote_para {
            state.lead_in = None;
        }
    }
    // A short quote with no speaker is kept when a verb of speech governs it ("White said he was
    // “completely blindsided”"): someone said it whom the text does not settle. Without one it
    // may be a term or a scare quote.
    let mut spoken = spoken.into_iter();
    raw.retain(|q| {
        let n = q.text.split_whitespace().count();
        let said = spoken.next().unwrap_or(false);
        n >= 2 && !is_title_like(&q.text) && (q.speaker.is_some() || said || n >= 6)
    });
    raw
}

/// What attribution carries from one quote to the next.
#[derive(Default)]
struct State {
    /// The last named speaker.
    last_speaker: Option<Speaker>,
    /// The speaker of the previous paragraph's last quote, when it had quotes.
    prev_para_speaker: Option<Speaker>,
    /// The speaker of an "X said:" lead-in, while paragraphs of quote follow it.
    lead_in: Option<Speaker>,
    /// A quote left open at the previous paragraph's end, with its speaker.
    running: Option<Option<Speaker>>,
    /// Which quote found so far that one is.
    open_quote: Option<usize>,
    /// Whether that quote's speaker was carried over rather than named at it.
    open_inherited: bool,
    /// Whether that speaker is only that of speech reported without quotes before the quote.
    open_reported: bool,
    /// Whether the previous paragraph's speaker reported speech without quoting it.
    prev_para_reported: bool,
    /// The sentence of the last quote found and its speaker, if any.
    last_quote: Option<(usize, Option<Speaker>)>,
}

impl State {
    fn resolve(
        &mut self,
        found: Found,
        t: &Text<'_>,
        people: &mut People,
        sentence_at: &dyn Fn(usize) -> usize,
    ) -> Option<Speaker> {
        match found {
            Found::Entity(i) => {
                let e = t.entities.get(i)?;
                // "Mark and Condon said in a joint statement": both speak.
                let joined = |a: usize, b: usize| {
                    let (x, y) = (t.entities.get(a)?, t.entities.get(b)?);
                    let both = [x, y].iter().all(|e| e.kind == EntityKind::Person)
                        && x.name != y.name
                        && !t.quoted.get(a).copied().unwrap_or(true);
                    let gap = t.masked.get(x.end..y.start)?;
                    (both && words::is_joining_and(gap)).then(|| resolve::joint(x, y))
                };
                i.checked_sub(1)
                    .and_then(|p| joined(p, i))
                    .or_else(|| joined(i, i + 1))
                    .or_else(|| Some(resolve::person(e)))
            }
            Found::Description(d) => Some(resolve::description(&d, t.entities, t.masked)),
            // No subject: the speaker of a quote in this sentence or the one before, and nobody
            // when none was named there.
            Found::Elided(at) => {
                let si = sentence_at(at);
                match &self.last_quote {
                    Some((q, speaker)) if q + 1 >= si => speaker.clone(),
                    _ => None,
                }
            }
            Found::Pronoun(g, at) => {
                let si = sentence_at(at);
                let sp =
                    people.resolve(g, si, at, t.entities, self.last_speaker.as_ref(), t.masked)?;
                people.genders.entry(sp.name.clone()).or_insert(g);
                Some(sp)
            }
        }
    }

    /// A sentence that reports speech without quoting it ("Kuleba said he would ...") makes its
    /// subject, a person, the last speaker. Returns who reported: a person, an organisation or a
    /// description ("…, said a police spokesman").
    fn reported(
        &mut self,
        si: usize,
        sentences: &[Sentence],
        t: &Text<'_>,
        people: &mut People,
    ) -> Option<Speaker> {
        let s = sentences.get(si)?;
        let (a, b) = (s.start, floor(t.masked, s.start + s.text.len()));
        let text = t.masked.get(a..b).unwrap_or("");
        for w in words::words_lazily(text)
            .filter(|w| words::is_finite_speech_verb(w.text))
            .take(3)
        {
            let from = floor(t.masked, (a + w.start).saturating_sub(160).max(a));
            let found = subject_of(t, from, a + w.start).or_else(|| {
                // "…, said the spokesman." / "…, sagte der Sprecher.": the subject follows.
                let lead = t.masked.get(from..a + w.start)?;
                lead.trim_end()
                    .ends_with(',')
                    .then(|| after_verb(t, a + w.end, b))
                    .flatten()
            });
            match found {
                Some(Found::Entity(i)) => {
                    if let Some(e) = t.entities.get(i) {
                        if e.kind == EntityKind::Person {
                            people.spoke.entry(si).or_default().push(e.name.clone());
                            self.last_speaker = Some(resolve::person(e));
                            return self.last_speaker.clone();
                        }
                        if e.kind == EntityKind::Organization {
                            return Some(resolve::person(e));
                        }
                    }
                }
                Some(Found::Description(d)) => {
                    return Some(resolve::description(&d, t.entities, t.masked));
                }
                _ => {}
            }
        }
        None
    }
}

/// Whether a person is named between the last quote's sentence and sentence `si` (the
/// sentences in between, outside quotes): then a quote of a sentence of its own does not go on
/// with the paragraph's speaker ("“…,” Venn said. … Tasch waved away talk that … “…”").
fn person_between(
    last_quote: &Option<(usize, Option<Speaker>)>,
    si: usize,
    sentences: &[Sentence],
    t: &Text<'_>,
) -> bool {
    let Some((from, _)) = last_quote else {
        return false;
    };
    let (Some(after), Some(here)) = (sentences.get(from + 1), sentences.get(si)) else {
        return false;
    };
    if from + 1 >= si {
        return false;
    }
    let (a, b) = (after.start, here.start);
    let first = t.entities.partition_point(|e| e.start < a);
    t.entities[first..]
        .iter()
        .enumerate()
        .take_while(|(_, e)| e.start < b)
        .any(|(k, e)| {
            e.kind == EntityKind::Person && !t.quoted.get(first + k).copied().unwrap_or(true)
        })
}

/// Whether a stretch holds no words (only spaces, punctuation, blanked quotes).
fn is_blank(s: &str) -> bool {
    !s.chars().any(char::is_alphanumeric)
}

/// Whether the stretches between a sentence's start and a quote, and between a quote and the
/// sentence's end, are blank ([`is_blank`]), read once per sentence however many quotes it
/// holds: a text that runs on without a sentence's end would otherwise be read again for each.
struct Blanks {
    /// The start the stretches before are read from; the first word after it, if read.
    start: usize,
    first_word: Option<usize>,
    /// How far from `start` the text is read and blank.
    blank_to: usize,
    /// The end the stretches after are read to; the last word before it, if read.
    end: usize,
    last_word: Option<usize>,
    /// Back to where before `end` the text is read and blank.
    blank_from: usize,
}

impl Default for Blanks {
    fn default() -> Self {
        Blanks {
            start: usize::MAX,
            first_word: None,
            blank_to: 0,
            end: usize::MAX,
            last_word: None,
            blank_from: 0,
        }
    }
}

impl Blanks {
    /// Whether `text[start..to]` is blank.
    fn before(&mut self, text: &str, start: usize, to: usize) -> bool {
        if self.start != start {
            (self.start, self.first_word, self.blank_to) = (start, None, start);
        }
        if self.first_word.is_none() && self.blank_to < to {
            let from = self.blank_to;
            match text
                .get(from..to)
                .and_then(|s| s.find(char::is_alphanumeric))
            {
                Some(i) => self.first_word = Some(from + i),
                None => self.blank_to = to,
            }
        }
        self.first_word.is_none_or(|w| w >= to)
    }

    /// Whether `text[from..end]` is blank.
    fn after(&mut self, text: &str, from: usize, end: usize) -> bool {
        if self.end != end {
            (self.end, self.last_word, self.blank_from) = (end, None, end);
        }
        if self.last_word.is_none() && from < self.blank_from {
            let to = self.blank_from;
            match text
                .get(from..to)
                .and_then(|s| s.rfind(char::is_alphanumeric))
            {
                Some(i) => self.last_word = Some(from + i),
                None => self.blank_from = from,
            }
        }
        self.last_word.is_none_or(|w| w < from)
    }
}

/// Shows and book titles are quoted too ("Fox News Sunday", "All the President's Men"): short,
/// and nearly every word of three letters or more capitalised.
fn is_title_like(inner: &str) -> bool {
    // A title has ten words at most: the eleventh settles it without reading the rest.
    let (mut words, mut long, mut capitalised) = (0, 0, 0);
    for w in words::words_lazily(inner).take(11) {
        words += 1;
        if w.text.chars().nth(2).is_some() {
            long += 1;
            capitalised += usize::from(w.text.chars().next().is_some_and(char::is_uppercase));
        }
    }
    words <= 10 && long > 0 && capitalised * 4 >= long * 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{find_entities, sentences_of};

    /// Each expected quote (by the start of its words) with its speaker's name (`None`: nobody).
    #[track_caller]
    fn check(text: &str, expected: &[(&str, Option<&str>)]) {
        check_in("en", text, expected);
    }

    /// [`check`] of a text whose names are read in `language` (German capitalises every noun).
    #[track_caller]
    fn check_in(language: &str, text: &str, expected: &[(&str, Option<&str>)]) {
        let sentences = sentences_of(text);
        let entities = crate::entities::find_entities_in(&sentences, language);
        let quotes = find_quotes(text, &sentences, &entities);
        let got: Vec<(String, Option<String>)> = quotes
            .iter()
            .map(|q| (q.text.clone(), q.speaker.as_ref().map(|s| s.name.clone())))
            .collect();
        assert_eq!(got.len(), expected.len(), "quotes: {got:?}");
        for ((text, speaker), (start, want)) in got.iter().zip(expected) {
            assert!(
                text.starts_with(start),
                "{text:?} does not start with {start:?}"
            );
            assert_eq!(speaker.as_deref(), *want, "speaker of {text:?}");
        }
    }

    #[test]
    fn blanks_read_once_agree_with_reading_each_stretch() {
        let text = "  “    ”  , he   “  ”  said   ;  ";
        let ends: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &start in &ends {
            // As the quotes of a sentence ask: stretches before them from its start, onwards.
            let mut blanks = Blanks::default();
            for &to in ends.iter().filter(|&&to| to >= start) {
                let alone = is_blank(&text[start..to]);
                assert_eq!(blanks.before(text, start, to), alone, "{start}..{to}");
            }
            let mut blanks = Blanks::default();
            for &from in ends.iter().filter(|&&from| from <= start) {
                let alone = is_blank(&text[from..start]);
                assert_eq!(blanks.after(text, from, start), alone, "{from}..{start}");
            }
        }
    }

    #[test]
    fn the_words_before_a_quote_are_read_from_a_word_within_the_window() {
        let short = "Officials said “we will”";
        let qs = short.find('“').expect("a quote");
        assert_eq!(lead_start(short, 0, qs), 0);
        let long = format!("{} he said “we will”", "word ".repeat(200));
        let qs = long.find('“').expect("a quote");
        let from = lead_start(&long, 0, qs);
        assert!(from > 0 && qs - from <= grammar::BEFORE_WINDOW);
        assert!(long[from..].starts_with(char::is_whitespace));
        // The verb before the quote still attributes it.
        check(
            &format!(
                "{}, the mayor said: “We will rebuild the pier.”",
                "word ".repeat(200)
            ),
            &[("We will rebuild", Some("the mayor"))],
        );
    }

    #[test]
    fn english_speaker_after_the_quote() {
        check(
            "“We will rebuild the pier by spring,” Mara Linde said.",
            &[("We will rebuild", Some("Mara Linde"))],
        );
        check(
            "“We will rebuild the pier by spring,” said Mara Linde, the harbour master.",
            &[("We will rebuild", Some("Mara Linde"))],
        );
        check(
            "\"Nobody was hurt in the blaze,\" a police spokesman said on Monday.",
            &[("Nobody was hurt", Some("a police spokesman"))],
        );
    }

    #[test]
    fn english_speaker_before_the_quote() {
        check(
            "Mara Linde said: “We will rebuild the pier by spring.”",
            &[("We will rebuild", Some("Mara Linde"))],
        );
        check(
            "Mara Linde told reporters that the pier was “beyond repair for now”.",
            &[("beyond repair", Some("Mara Linde"))],
        );
        check(
            "Mara Linde was quoted as saying “the pier is safe for everyone”.",
            &[("the pier is safe", Some("Mara Linde"))],
        );
    }

    #[test]
    fn a_long_reported_clause_keeps_its_speaker_when_it_names_no_one_else() {
        // Ten words between the verb and the quote, none of them someone who could speak.
        check(
            "Talks stalled, and Mara Linde said the chances of a settlement of the dispute over the \
             pier remained “far better than the threat of a strike.”",
            &[("far better", Some("Mara Linde"))],
        );
        check(
            "Talks stalled, and the harbour's chief engineer said the chances of a settlement of \
             the dispute over the pier remained “far better than the threat of a strike.”",
            &[("far better", Some("the harbour's chief engineer"))],
        );
        // The clause names a second person, starts a relative clause with its own subject, or
        // runs on past a colon: the quote may be someone else's words, so it is left unattributed.
        check(
            "Mara Linde said the long and costly dispute over the pier, which Tom Reyes called \
             “a farce that wastes everyone's time,” had ended.",
            &[("a farce", None)],
        );
        check(
            "Mara Linde said the plan for the pier, which he called “a farce \
             that wastes everyone's time,” had been dropped.",
            &[("a farce", None)],
        );
        check(
            "Mara Linde noted one detail: the town's charter requires that there be one pier for \
             the “people's harbour and its many fishing boats.”",
            &[("people's harbour", None)],
        );
        // A participle's long clause is not read this way.
        check(
            "Mara Linde quoted the mayor as telling her that the purpose of the long visit to the \
             pier was to “make sure that the repairs to the old pier start before the winter \
             storms.”",
            &[("make sure", None)],
        );
    }

    #[test]
    fn an_agency_quoting_him_quotes_whom_the_pronoun_stands_for() {
        check(
            "The talks were useful, Mara Linde said on Monday. “That does not mean we agree on \
             everything,” the agency quoted her as saying.",
            &[("That does not mean", Some("Mara Linde"))],
        );
        // "her" as a possessive is no object: her aide is described, not named.
        check(
            "The talks were useful, Mara Linde said on Monday. “That does not mean we agree on \
             everything,” the agency quoted her aide as saying.",
            &[("That does not mean", Some("her aide"))],
        );
        check(
            "The talks were useful, Mara Linde said on Monday. “That does not mean we agree on \
             everything,” the agency quoted a statement as saying.",
            &[("That does not mean", None)],
        );
    }

    #[test]
    fn a_quote_of_its_own_goes_on_with_the_speech_reported_right_before_it() {
        check(
            "The pier is safe to use, Mara Linde said. “We checked every bolt twice and found \
             nothing wrong.”",
            &[("We checked", Some("Mara Linde"))],
        );
        check(
            "The pier is safe to use, said a harbour spokesman. “We checked every bolt twice and \
             found nothing wrong.”",
            &[("We checked", Some("a harbour spokesman"))],
        );
        check(
            "Die Brücke sei sicher, sagte der Sprecher. „Wir haben jede Schraube zweimal geprüft \
             und nichts gefunden.“",
            &[("Wir haben", Some("der Sprecher"))],
        );
        // A sentence between, or a quote that is part of a sentence: nobody.
        check(
            "The pier is safe to use, Mara Linde said. The storm has passed. “We checked every \
             bolt twice and found nothing wrong.”",
            &[("We checked", None)],
        );
        check(
            "The pier is safe to use, Mara Linde said. Workers found “nothing wrong with any of \
             the bolts they checked twice.”",
            &[("nothing wrong", None)],
        );
    }

    #[test]
    fn a_carried_over_speaker_yields_to_an_unsettled_attribution_where_the_quote_closes() {
        // The paragraph before reports someone's speech; the quote running over two paragraphs
        // closes on a description the text does not settle: nobody, not the reporter.
        check(
            "A court spokesman said Tom Baker offered an apology before the sentence.\n\n\
             “I am sorry.\n\nI will not waste the chance I was given,” the convicted arsonist \
             said.",
            &[("I am sorry", None)],
        );
        check(
            "A court spokesman said Tom Baker offered an apology before the sentence.\n\n\
             “I am sorry.\n\nI will not waste the chance I was given,” Baker said.",
            &[("I am sorry", Some("Tom Baker"))],
        );
        // Carried over from the quote of the paragraph before, whose speaker is named, the
        // speaker stays.
        check(
            "“We will rebuild the pier,” Mara Linde said in a statement.\n\n“My hope is that the \
             town will help.\n\nWe need every hand we can get,” the veteran said.",
            &[
                ("We will rebuild", Some("Mara Linde")),
                ("My hope", Some("Mara Linde")),
            ],
        );
    }

    #[test]
    fn a_pronoun_before_the_only_name_keeps_its_gender_from_the_name() {
        // "he" opens the sentence before "Voss" is named: the later "he" is his, and "her" shows
        // Voss's gender, so the quote is not Voss's.
        check(
            "Carl Brandt, 40, was arrested on Monday. Dara Voss was the victim in that case. In \
             2005, he was charged with assault on Voss, court records show, which say he grabbed \
             her and told her, “You are never going to leave me,” the newspaper reported.",
            &[("You are never", Some("Carl Brandt"))],
        );
    }

    #[test]
    fn the_subject_of_the_article_is_mentioned_most_of_all_who_may_be_of_its_gender() {
        // Colt is a man by the pronoun after him, Garo's gender is not shown, and Garo is named
        // far more often: "he", with no antecedent near, is nobody rather than Colt.
        check(
            "Ruben Colt retired in 1957, and he left the city. Colt later ran a bar. Tavi Garo \
             took over the docks. Garo ran them for decades. Garo was seen in a bathrobe. Garo was arrested in \
             1990. The trial lasted a year. It ended in a conviction. The sentence was long. The \
             appeal failed. At the hearing, he said “God bless you all, and thank you” to the judge.",
            &[("God bless", None)],
        );
    }

    #[test]
    fn a_verb_after_a_subordinating_conjunction_is_no_attribution() {
        check(
            "Mara Linde told a judge the move was safe. Tomas Rivera said he was “completely blindsided \
             by the move to a new clinic” because Linde had agreed to another plan.",
            &[("completely blindsided", Some("Tomas Rivera"))],
        );
    }

    #[test]
    fn a_surname_several_people_share_leaves_a_pronoun_unresolved() {
        check(
            "Gary Holm and his mother, Clara Holm, lived in the flat. On Monday, Holm was seen \
             near the flat. “You will never leave this place, not ever,” he told the officers.",
            &[("You will never", None)],
        );
    }

    #[test]
    fn a_short_quote_a_verb_of_speech_governs_is_kept_without_its_speaker() {
        // "White" opening the sentence is no name the text settles; the words were still said.
        check(
            "White said he was “completely blindsided” by the move.",
            &[("completely blindsided", None)],
        );
        // With no verb of speech, a few quoted words may be a term.
        check("The move was called “a bold step” by many.", &[]);
    }

    #[test]
    fn a_name_within_a_relative_clause_is_no_antecedent() {
        // The sentence before names Gorman after a preposition and Lind in a relative clause:
        // neither is its subject, and "he" is left unresolved.
        check(
            "The show featured an interview with Pat Gorman, who praised Tobin Lind. “I think he \
             is great and will do well,” he says.",
            &[("I think he", None)],
        );
    }

    #[test]
    fn a_name_in_apposition_to_the_role_that_opens_the_clause_speaks() {
        check(
            "El ministro del Interior, Fernando Grande-Marlaska, ha asegurado que “estamos \
             preparados para una nueva crecida”.",
            &[("estamos preparados", Some("Fernando Grande-Marlaska"))],
        );
        check(
            "Le préfet de la région, Jean Dupont, a déclaré que la ville était « prête à faire \
             face à une nouvelle crue ».",
            &[("prête à faire", Some("Jean Dupont"))],
        );
        // After a preposition the name is an object, and the subject is left unsaid.
        check(
            "Tras reunirse con el alcalde, Juan Pérez, ha asegurado que “estamos preparados \
             para una nueva crecida”.",
            &[("estamos preparados", None)],
        );
    }

    #[test]
    fn english_according_to_and_ptb_marks() {
        check(
            "The pier will reopen in May, “if the weather holds,” according to Mara Linde.",
            &[("if the weather holds", Some("Mara Linde"))],
        );
        check(
            "`` We will rebuild the pier by spring , '' Mara Linde said .",
            &[("We will rebuild", Some("Mara Linde"))],
        );
    }

    #[test]
    fn a_participle_takes_the_subject_at_the_clause_start_only() {
        check(
            "In 2005 , Ivo Brand was convicted of beating Mara Linde and telling her “you will never leave this house again”.",
            &[("you will never leave", Some("Ivo Brand"))],
        );
        check(
            "Ivo Brand was convicted in 2005 after beating Mara Linde and telling her “you will never leave this house again”.",
            &[("you will never leave", Some("Ivo Brand"))],
        );
        check(
            "After a long trial in the old court , the jury heard from Mara Linde , saying “the house was never safe for anyone”.",
            &[("the house was never", None)],
        );
    }

    #[test]
    fn a_lead_in_and_a_quote_over_two_paragraphs() {
        check(
            "Mara Linde said:\n\n“We will rebuild the pier by spring.”\n\nThe town applauded.",
            &[("We will rebuild", Some("Mara Linde"))],
        );
        check(
            "“We will rebuild the pier,” Mara Linde said. “It will take a year and a lot of money.\n\n“Nobody will lose their job in the meantime.”\n\nIvo Brand left early.",
            &[
                ("We will rebuild", Some("Mara Linde")),
                ("It will take a year and a lot of money. Nobody will lose", Some("Mara Linde")),
            ],
        );
        // Written one sentence a line: the quote crosses lines without marks until it closes.
        check(
            "“The team held on when it had to.\n\nThe defence struggled all night.\n\nThen we found a way,” Mara Linde said.\n\nThe crowd left.",
            &[("The team held on when it had to. The defence struggled all night. Then we found", Some("Mara Linde"))],
        );
        check(
            "“We will stay here in the harbour.\n\nThe crowd left without a word.\n\nIt rained.\n\nIt rained more.\n\nIt stopped.\n\nThe end came,” Mara Linde said.",
            &[("We will stay here", None)],
        );
    }

    #[test]
    fn a_paragraph_of_quote_after_reported_speech_or_a_comma_lead_in() {
        // The paragraph before ends reporting what a ministry said: the quote is the ministry's.
        check(
            "The navy rescued the crew of a cargo ship on Saturday, the Velmar Defence Ministry said.\n\n“On sighting the helicopter, the boats turned back and tried to escape.”",
            &[("On sighting", Some("Velmar Defence Ministry"))],
        );
        // Reported speech earlier in the paragraph, not at its end: no speaker.
        check(
            "The Velmar Defence Ministry said the crew was safe. The ship sailed on to port.\n\n“On sighting the helicopter, the boats turned back and tried to escape.”",
            &[("On sighting", None)],
        );
        check(
            "Ana Ruiz, head of the port authority, commented,\n\n“The new quay will be ready before the winter storms arrive.”",
            &[("The new quay", Some("Ana Ruiz"))],
        );
    }

    #[test]
    fn he_is_the_subject_of_the_sentence_before_not_the_last_speaker() {
        check(
            "“I am ready for the job,” Tomas Berg said.\n\nHarbour master Ivo Brand welcomed Tomas Berg's appointment on Monday.\n\n“I wish my successor all the best,” he said.",
            &[("I am ready", Some("Tomas Berg")), ("I wish", Some("Ivo Brand"))],
        );
    }

    #[test]
    fn a_participle_after_a_reported_clause_is_its_subjects() {
        check(
            "Dispatcher Ivo Brand told reporters on Friday that Mrs. Maria Lind called the police, saying “I am the one you are looking for.”",
            &[("I am the one", Some("Maria Lind"))],
        );
        // The clause names no person: the participle stays the sentence subject's.
        check(
            "Ivo Brand said that the pier was closed, adding “nobody will work there before spring.”",
            &[("nobody will work", Some("Ivo Brand"))],
        );
        check(
            "Le répartiteur Ivo Brand a indiqué que Maria Berg avait appelé la police, disant « je suis celle que vous cherchez ».",
            &[("je suis celle", Some("Maria Berg"))],
        );
    }

    #[test]
    fn a_colon_lead_in_without_a_verb_of_speech() {
        let quote = "“Do not trust him ever again, not for one day.”";
        check(
            &format!("The judge had advice for the guards who will watch Ivo Brand:\n\n{quote}"),
            &[("Do not trust", Some("The judge"))],
        );
        check(
            &format!("Harbour master Mara Linde was blunt:\n\n{quote}"),
            &[("Do not trust", Some("Mara Linde"))],
        );
        check(
            &format!("The report listed what the inspectors found:\n\n{quote}"),
            &[("Do not trust", None)],
        );
    }

    #[test]
    fn a_newspaper_that_reported_the_words() {
        check(
            "Velmar woke to the news. “Agents have found that the break-in was part of a wider campaign,” the Velmar Post reported.",
            &[("Agents have found", Some("Velmar Post"))],
        );
    }

    #[test]
    fn a_person_with_a_title_and_an_organisation_in_apposition() {
        check(
            "Ivo Brand, Controller, Velmar Harbour Films says: “We started thinking about him months ago.”",
            &[("We started", Some("Ivo Brand"))],
        );
    }

    #[test]
    fn a_quote_over_two_paragraphs_takes_the_speaker_named_where_it_closes() {
        check(
            "“Our hearts are with the family tonight,” said Ivo Brand.\n\n“He was badly shaken.\n\nHe tried to help her,” said Sgt. Mara Linde of the police.",
            &[
                ("Our hearts are with", Some("Ivo Brand")),
                ("He was badly shaken. He tried to help her", Some("Mara Linde")),
            ],
        );
    }

    #[test]
    fn a_new_quote_after_lines_without_marks_is_not_a_continuation() {
        check(
            "“We had a plan for the whole season.\n\nThe coach left the field.\n\n“It is an honour to be here tonight,” Ivo Brand said.",
            &[("We had a plan", None), ("It is an honour", Some("Ivo Brand"))],
        );
    }

    #[test]
    fn a_second_verb_shares_the_subject_and_a_title_does_not_hide_a_preposition() {
        check(
            "Harbour master Mara Linde said she expected “a long and costly repair,” but added “the pier will open again in the spring,” according to the Velmar Post.",
            &[("a long and costly", Some("Mara Linde")), ("the pier will open", Some("Mara Linde"))],
        );
        check(
            "A spokesman for Harbour Master Mara Linde said the claims were “entirely unfounded and harmful to the port”.",
            &[("entirely unfounded", Some("A spokesman for Harbour Master Mara Linde"))],
        );
        check(
            "A spokesman for British Prime Minister Ivo Brand said the claims were “entirely unfounded as the port is open”.",
            &[("entirely unfounded", Some("A spokesman for British Prime Minister Ivo Brand"))],
        );
        // An organisation's name between the office and the holder's is no one spoken for.
        check_in(
            "es",
            "El sismólogo del IGN Andrés Calvo señaló que la zona es «la de mayor actividad sísmica de la península».",
            &[("la de mayor actividad", Some("Andrés Calvo"))],
        );
        // An article between the preposition and the organisation hides neither.
        check_in(
            "fr",
            "Le directeur régional de la SNCF a assuré que le train roulait « à une vitesse normale ».",
            &[("à une vitesse normale", Some("Le directeur régional de la SNCF"))],
        );
        check(
            "The chief executive of the Velmar Harbour Authority said the pier was “safe to use”.",
            &[(
                "safe to use",
                Some("The chief executive of the Velmar Harbour Authority"),
            )],
        );
    }

    #[test]
    fn a_place_before_a_comma_is_no_title() {
        check(
            "In Velmar, Mara Linde said: “We will rebuild the pier by spring.”",
            &[("We will rebuild", Some("Mara Linde"))],
        );
    }

    #[test]
    fn an_apposition_with_a_preposition_before_the_verb() {
        check(
            "Ivo Brand , head of production for Harbour Films , located down the street , said “we lost everything in one night”.",
            &[("we lost everything", Some("Ivo Brand"))],
        );
    }

    #[test]
    fn a_quote_after_a_colon_is_no_lead_in_for_the_next_paragraph() {
        check(
            "Mara Linde said: “Nothing suggests the fire was set on purpose.”\n\nIvo Brand said the port was closed. “We will reopen it when it is safe,” he said. “Our first duty is to the people here.”",
            &[
                ("Nothing suggests", Some("Mara Linde")),
                ("We will reopen", Some("Ivo Brand")),
                ("Our first duty", Some("Ivo Brand")),
            ],
        );
    }

    #[test]
    fn traps_a_tribute_and_he_said_after_two_people() {
        check(
            "Mara Linde led tributes to Ivo Brand, saying: “He gave this town its harbour and its pride.”",
            &[("He gave this town", Some("Mara Linde"))],
        );
        check(
            "Mara Linde met Ivo Brand on Monday. “We agreed on nothing at all today,” he said.",
            &[("We agreed on nothing", None)],
        );
        // "she" skips the nearest name when its given name shows a man.
        check(
            "Mary Holm died on Sunday. Her agent, Mark Stone, spoke on Monday. “I never wanted to be photographed when old,” she said in 1998.",
            &[("I never wanted", Some("Mary Holm"))],
        );
        check(
            "Mara Linde wrote a letter to Ivo Brand. “We agreed on nothing at all today,” she said.",
            &[("We agreed on nothing", Some("Mara Linde"))],
        );
        check(
            "Ivo Brand met Mara Linde on Monday. Linde said she was tired. “We agreed on nothing at all today,” she said.",
            &[("We agreed on nothing", Some("Mara Linde"))],
        );
        // A quote whose "she" is unsettled ends who spoke before: the quote after it is not his.
        check(
            "Ivo Brand said: “The pier will reopen in spring.” Mara Linde met Anna Berg later. “We agreed on nothing at all today,” she said. “We will meet again next week.”",
            &[
                ("The pier will reopen", Some("Ivo Brand")),
                ("We agreed on nothing", None),
                ("We will meet again", None),
            ],
        );
        // An owner ("Berg's") before "he", and someone else the subject before it: unsettled.
        check(
            "Tomas Berg was charged on Monday. Rep. Ivo Brand of Ohio, the committee chairman, said the House must tell private acts from public ones. In Berg's case, he said, “we are dealing with a plain abuse of office.”",
            &[("we are dealing", None)],
        );
        check(
            "Tomas Berg was charged on Monday. In Berg's statement, he said he was “entirely innocent of every charge brought”.",
            &[("entirely innocent", Some("Tomas Berg"))],
        );
        // An owner opening the sentence is not its subject: the role it owns, named in
        // apposition, is.
        check(
            "Castor Vale's chief executive, Tomas Berg, praised the crew. “They did everything right,” he told reporters.",
            &[("They did everything", Some("Tomas Berg"))],
        );
        // The owner of what opens the sentence may still be its speaker.
        check(
            "Ivo Brand asked Tomas Berg about the deal. Berg's answer was not the one Brand had been after. “It is unfortunate,” he said.",
            &[("It is unfortunate", Some("Tomas Berg"))],
        );
        // So is a name after a preposition in the pronoun's own sentence: the one standing
        // beside Berg is not Berg.
        check(
            "Ivo Brand, the union's director, spoke first. Standing a few feet away from Tomas Berg, he said, “We are serious about a deal now.”",
            &[("We are serious", None)],
        );
        check(
            "Tomas Berg spoke first. Standing a few feet away from Berg, he said, “We are serious about a deal now.”",
            &[("We are serious", Some("Tomas Berg"))],
        );
    }

    #[test]
    fn french() {
        // The attribution within the marks: one quote, its speaker the pronoun's.
        check(
            "Le préfet Arnaud Delmas a fait le point. « Nous avons évacué 340 personnes, a-t-il précisé, et les recherches se poursuivent. »",
            &[("Nous avons évacué 340 personnes, et les recherches se poursuivent", Some("Arnaud Delmas"))],
        );
        check(
            "«Fue todo muy rápido \u{2014}relató Ana Ruiz\u{2014}, no vimos nada».",
            &[("Fue todo muy rápido, no vimos nada", Some("Ana Ruiz"))],
        );
        check(
            "« Nous reconstruirons le port avant l'été », a déclaré Marie Dubois.",
            &[("Nous reconstruirons", Some("Marie Dubois"))],
        );
        check(
            "Marie Dubois a affirmé : « Nous reconstruirons le port avant l'été. »",
            &[("Nous reconstruirons", Some("Marie Dubois"))],
        );
        check(
            "Marie Dubois a réagi. « Personne ne tombera dans ce piège », a-t-elle tranché.",
            &[("Personne ne tombera", Some("Marie Dubois"))],
        );
        // The verb with its pronoun run in.
        check(
            "Marine Chevalier devait rejoindre Lisbonne. « On nous a prévenus la veille au soir », raconte-t-elle. « Tout est complet », dit-elle.",
            &[
                ("On nous a prévenus", Some("Marine Chevalier")),
                ("Tout est complet", Some("Marine Chevalier")),
            ],
        );
        check(
            "Le port rouvrira en mai, « si le temps le permet », selon Marie Dubois.",
            &[("si le temps", Some("Marie Dubois"))],
        );
        check(
            "« Personne n'a été blessé dans l'incendie », a indiqué un porte-parole de la police.",
            &[("Personne n'a été", Some("un porte-parole de la police"))],
        );
    }

    #[test]
    fn german() {
        check(
            "„Wir bauen den Hafen bis zum Frühjahr wieder auf“, sagte Anna Becker.",
            &[("Wir bauen", Some("Anna Becker"))],
        );
        check(
            "Anna Becker sagte: „Wir bauen den Hafen bis zum Frühjahr wieder auf.“",
            &[("Wir bauen", Some("Anna Becker"))],
        );
        check(
            "„Der Hafen öffnet im Mai wieder“, so Anna Becker.",
            &[("Der Hafen", Some("Anna Becker"))],
        );
        check(
            "„Wir ermitteln in alle Richtungen“, teilte die Polizei mit.",
            &[("Wir ermitteln", Some("die Polizei"))],
        );
        check(
            "»Niemand wurde bei dem Brand verletzt«, sagte ein Sprecher der Polizei.",
            &[("Niemand wurde", Some("ein Sprecher der Polizei"))],
        );
        check_in(
            "de",
            "Verbandspräsident Klaus-Dieter Wendland sprach am Montag in Berlin. «Uns hilft das dichte Netz an Wachen», sagte Wendland der Zeitung.",
            &[("Uns hilft", Some("Klaus-Dieter Wendland"))],
        );
        check(
            "„Bringen Sie sich nicht selbst in Gefahr“, appellierte Verbandspräsident Hartmut Lorenz in Berlin.",
            &[("Bringen Sie", Some("Hartmut Lorenz"))],
        );
        // Whom it was said to, in the dative, is no part of who said it.
        check(
            "„Wir prüfen den Fall sehr genau“, sagte ein Sprecher des Innenministeriums der Deutschen Presse-Agentur.",
            &[("Wir prüfen", Some("ein Sprecher des Innenministeriums"))],
        );
        check(
            "„Wir prüfen den Fall sehr genau“, sagte eine Sprecherin der Stadt dem Sender.",
            &[("Wir prüfen", Some("eine Sprecherin der Stadt"))],
        );
        check(
            "„Wir prüfen den Fall sehr genau“, sagte die Ministerin der Deutschen Presse-Agentur.",
            &[("Wir prüfen", Some("die Ministerin"))],
        );
        // A genitive that names no press is whose the role is.
        check(
            "„Wir prüfen den Fall sehr genau“, sagte die Sprecherin der Deutschen Bahn.",
            &[("Wir prüfen", Some("die Sprecherin der Deutschen Bahn"))],
        );
    }

    #[test]
    fn for_a_person_opening_the_sentence_names_the_speaker() {
        check_in(
            "fr",
            "Pour Hélène Rousset, la maire de Montbrison, « la commune est sous le choc ».",
            &[("la commune", Some("Hélène Rousset"))],
        );
        check_in(
            "es",
            "Para Tomás Herrero, «nadie corre peligro».",
            &[("nadie corre", Some("Tomás Herrero"))],
        );
        // A role, then the name of whoever holds it.
        check_in(
            "fr",
            "Pour le maire de Montbrison, Hélène Rousset, « la commune est sous le choc ».",
            &[("la commune", Some("Hélène Rousset"))],
        );
        check_in(
            "es",
            "Para la alcaldesa de Santa Fe, Lucía Moreno, «ha sido un susto enorme».",
            &[("ha sido", Some("Lucía Moreno"))],
        );
        // Not before a name, nor later in the sentence.
        check_in(
            "fr",
            "Pour les habitants du quartier, Montbrison, « la nuit a été très longue et personne n'a dormi dans le quartier ».",
            &[("la nuit", None)],
        );
        check_in(
            "fr",
            "Pour les habitants, « la nuit a été très longue et personne n'a dormi dans le quartier ».",
            &[("la nuit", None)],
        );
        check_in(
            "fr",
            "Le maire a débloqué des fonds pour Hélène Rousset. « La nuit a été très longue et personne n'a dormi dans le quartier », lit-on sur une affiche.",
            &[("La nuit", None)],
        );
    }

    #[test]
    fn spanish_compound_tenses_of_speech_introduce_quotes() {
        // Praise is speech: the words quoted after it go on with its speaker.
        check_in(
            "es",
            "La delegada del Gobierno, Marta Ibáñez, ha elogiado la «rápida actuación» de los equipos. «Ahora lo importante es la recuperación de los heridos», ha añadido.",
            &[
                ("rápida actuación", Some("Marta Ibáñez")),
                ("Ahora lo importante", Some("Marta Ibáñez")),
            ],
        );
        check_in(
            "es",
            "La alcaldesa de Santa Fe, Lucía Moreno, ha pedido calma. «Ha sido un susto enorme», ha reconocido Moreno.",
            &[("Ha sido", Some("Lucía Moreno"))],
        );
        check_in(
            "es",
            "«Las réplicas son normales», ha señalado el sismólogo Andrés Calvo.",
            &[("Las réplicas", Some("Andrés Calvo"))],
        );
    }

    #[test]
    fn verbs_of_promising_and_complaining_introduce_quotes() {
        check_in(
            "fr",
            "« Toute la lumière sera faite », a promis le ministre des Transports, Julien Marchetti.",
            &[("Toute la lumière", Some("Julien Marchetti"))],
        );
        check_in(
            "es",
            "«Habrá ayudas para todos», prometió la alcaldesa, Marta Ibáñez.",
            &[("Habrá ayudas", Some("Marta Ibáñez"))],
        );
        check(
            "\"We have rebuilt that office from top to bottom,\" said the county's new treasurer, Alan Burke.",
            &[("We have rebuilt", Some("Alan Burke"))],
        );
        check_in(
            "es",
            "«Nadie debe volver a casa», ha insistido la consejera de Medio Ambiente, Pilar Soto.",
            &[("Nadie debe", Some("Pilar Soto"))],
        );
        check_in(
            "es",
            "El alcalde, Andrés Molina, ha pedido calma en una entrevista: «Nadie debe volver todavía».",
            &[("Nadie debe", Some("Andrés Molina"))],
        );
        check_in(
            "es",
            "«Habrá ayudas para todas las familias», garantiza la consejera, Rosa Gil.",
            &[("Habrá ayudas", Some("Rosa Gil"))],
        );
        check_in(
            "de",
            "„Wir bauen alles wieder auf“, versprach Bürgermeisterin Anna Berg.",
            &[("Wir bauen", Some("Anna Berg"))],
        );
        // A council member's title is no part of the name.
        check(
            "City Council Member Dana Reyes lamented that \"the vigil turned into a riot.\"",
            &[("the vigil", Some("Dana Reyes"))],
        );
    }

    #[test]
    fn spanish() {
        // A name in apposition after an adjunct and a description.
        check(
            "«Pedimos a los vecinos que no se acerquen al edificio», escribió en la red social X la alcaldesa de Castellón, Marta Ibáñez Roig.",
            &[("Pedimos a los vecinos", Some("Marta Ibáñez Roig"))],
        );
        check(
            "«Reconstruiremos el puerto antes del verano», dijo Lucía Romero.",
            &[("Reconstruiremos", Some("Lucía Romero"))],
        );
        check(
            "Lucía Romero afirmó: «Reconstruiremos el puerto antes del verano».",
            &[("Reconstruiremos", Some("Lucía Romero"))],
        );
        check(
            "El puerto abrirá en mayo, «si el tiempo lo permite», según Lucía Romero.",
            &[("si el tiempo", Some("Lucía Romero"))],
        );
        check(
            "«Nadie resultó herido en el incendio», señaló un portavoz de la policía.",
            &[("Nadie resultó", Some("un portavoz de la policía"))],
        );
    }

    #[test]
    fn a_name_after_a_preposition_is_not_the_speaker_after_the_verb() {
        check(
            "« La situation est plus favorable que ce matin », a déclaré à la presse le préfet de la région au PC opérationnel de Saint-Brieuc.",
            &[("La situation", Some("le préfet de la région"))],
        );
        // Before the quote, the object is whom the words were said to.
        check(
            "In the corridor, a doorman shouted to a police officer: \"The mayor has just resigned from office!\"",
            &[("The mayor has just", None)],
        );
    }

    #[test]
    fn he_after_a_sentence_opened_by_officials_may_be_one_of_them() {
        check(
            "Marc Olsen, head of the harbour board, said the ferry was overloaded. Transport officials, however, blamed the captain. \"We will look at the stability of the vessel and the weather,\" he added.",
            &[("We will look", None)],
        );
        check(
            "Marc Olsen, head of the harbour board, said the ferry was overloaded. The ferry had left the port at noon. \"We will look at the stability of the vessel and the weather,\" he added.",
            &[("We will look", Some("Marc Olsen"))],
        );
    }

    #[test]
    fn a_verb_without_subject_goes_on_with_the_speaker_just_before() {
        check(
            "«Reconstruiremos el puerto antes del verano», dijo Lucía Romero en el muelle. «Nadie quedará sin casa», subrayó. «Será un año difícil», añadió en rueda de prensa.",
            &[
                ("Reconstruiremos", Some("Lucía Romero")),
                ("Nadie quedará", Some("Lucía Romero")),
                ("Será un año", Some("Lucía Romero")),
            ],
        );
        // Right after speech reported without quotes, its speaker goes on.
        check(
            "El alcalde, Tomás Herrero, pidió calma a los vecinos. «Nadie corre peligro», afirmó.",
            &[("Nadie corre", Some("Tomás Herrero"))],
        );
        // A verb in a compound tense opens with its auxiliary.
        check(
            "La delegada del Gobierno, Pilar Sanz, ha anunciado ayudas. «Estaremos con los vecinos desde el primer minuto», ha asegurado.",
            &[("Estaremos", Some("Pilar Sanz"))],
        );
        // Two sentences later, or after a quote without a speaker, nobody is named.
        check(
            "«Reconstruiremos el puerto antes del verano», dijo Lucía Romero. El muelle sigue cerrado desde el incendio. Los barcos esperan en la bahía. «Nadie quedará sin casa en este invierno tan duro», subrayó.",
            &[("Reconstruiremos", Some("Lucía Romero")), ("Nadie quedará", None)],
        );
    }

    #[test]
    fn lead_ins_running_quotes_pronouns_and_tributes_in_other_languages() {
        check(
            "Anna Becker sagte:\n\n„Wir bauen den Hafen bis zum Frühjahr wieder auf.“",
            &[("Wir bauen", Some("Anna Becker"))],
        );
        check(
            "Anna Becker kam am Montag an den Hafen. „Wir geben diesen Hafen niemals auf“, sagte sie.",
            &[("Wir geben", Some("Anna Becker"))],
        );
        check(
            "« Nous reconstruirons le port », a déclaré Marie Dubois. « Cela prendra un an et beaucoup d'argent.\n\n« Personne ne perdra son emploi. »",
            &[
                ("Nous reconstruirons", Some("Marie Dubois")),
                ("Cela prendra un an et beaucoup d'argent. Personne ne perdra", Some("Marie Dubois")),
            ],
        );
        check(
            "Lucía Romero rindió homenaje a Pablo Ortega, diciendo: «Dio a este pueblo su puerto y su orgullo».",
            &[("Dio a este pueblo", Some("Lucía Romero"))],
        );
        check(
            // Given names that do not show a gender: "él" may be either.
            "Ariel Romero y Noa Ortega hablaron el lunes. «No hemos acordado nada en todo el día», dijo él.",
            &[("No hemos acordado", None)],
        );
        // Given names that show it: "él" is the man.
        check(
            "Lucía Romero y Pablo Ortega hablaron el lunes. «No hemos acordado nada en todo el día», dijo él.",
            &[("No hemos acordado", Some("Pablo Ortega"))],
        );
    }

    #[test]
    fn english_said_before_a_title_abbreviation_and_an_organisation() {
        check(
            "`` There may have been a leak , '' said Troy police Lt . Gerry Marsh .",
            &[("There may have been", Some("Gerry Marsh"))],
        );
        check(
            "“People should patch their systems now,” said Velmar Soft threat researcher Ivo Brand.",
            &[("People should patch", Some("Ivo Brand"))],
        );
    }

    #[test]
    fn a_participle_after_a_noun_phrase_of_its_own_belongs_to_it() {
        check(
            "Ivo Brand's talks with the studio went badly, an inside source calling them “a terrible experience for everyone”.",
            &[("a terrible experience", Some("an inside source"))],
        );
        check(
            "Ivo Brand rejected the claims on Thursday, calling them “smoke screens to hide the truth”.",
            &[("smoke screens", Some("Ivo Brand"))],
        );
    }

    #[test]
    fn a_description_with_the_name_in_apposition_is_the_name() {
        check(
            "“I am glad it is over at last,” said the girl's father, Ivo Brand, after the verdict.",
            &[("I am glad", Some("Ivo Brand"))],
        );
    }

    #[test]
    fn passives_of_hearing_and_quoting_after_the_quote() {
        check(
            "“A good harbour is one that is never empty,” Ivo Brand was heard saying.",
            &[("A good harbour", Some("Ivo Brand"))],
        );
        check(
            "“The cars just came so fast,” the Velmar Post quoted witness Ivo Brand as saying.",
            &[("The cars just came", Some("Ivo Brand"))],
        );
    }

    #[test]
    fn a_verb_after_while_belongs_to_its_own_clause() {
        check(
            "Mara Linde told reporters there was “nothing to show the rules were broken” while Ivo Brand, a former chief, said “it looks like a fair decision”.",
            &[("nothing to show", Some("Mara Linde")), ("it looks like", Some("Ivo Brand"))],
        );
    }

    #[test]
    fn two_people_joined_by_and_speak_together() {
        check(
            "“He is the ideal host for the night,” Linde and Brand said in a joint statement. Mara Linde and Ivo Brand produce the show.",
            &[("He is the ideal", Some("Mara Linde and Ivo Brand"))],
        );
        check(
            "“He is the ideal host for the night,” said Mara Linde and Ivo Brand, the producers.",
            &[("He is the ideal", Some("Mara Linde and Ivo Brand"))],
        );
    }

    #[test]
    fn a_relative_clause_is_no_speaker() {
        check(
            "Ivo Brand spoke of “being close to the harbour folk”, which officials testified is a code.",
            &[("being close to", None)],
        );
    }

    #[test]
    fn a_definite_description_may_be_an_unnamed_one_of_that_role() {
        check(
            "“The file was already thick,” recalled Ivo Brand, a former senior official in the ministry. One former senior official of the agency said staff were hopeful. “We feared the board would say no,” the former official said.",
            &[
                ("The file was already", Some("Ivo Brand")),
                ("We feared the board", Some("the former official")),
            ],
        );
        // An indefinite article of another phrase before the role word is none of its.
        check(
            "The hearing resumes on Monday, said the defendant's father, Ivo Brand. He waited outside while another brother went in. “We saw no point in watching,” the father said.",
            &[("We saw no point", Some("Ivo Brand"))],
        );
        check(
            "President Ivo Brand spoke at a rally for the president of the union. “We will win,” the president said.",
            &[("We will win", Some("Ivo Brand"))],
        );
    }

    #[test]
    fn a_definite_description_is_the_one_person_given_that_role() {
        check(
            "A child was hurt, said Ema Lind, a doctor at the clinic. “Thirty people are badly injured,” added the doctor.",
            &[("Thirty people", Some("Ema Lind"))],
        );
        check(
            "Ema Lind, a doctor, and Ivo Brand, a doctor too, came. “Thirty people are badly injured,” added the doctor.",
            &[("Thirty people", Some("the doctor"))],
        );
    }

    #[test]
    fn a_quote_of_its_own_after_another_person_is_named_is_not_the_last_speakers() {
        check(
            "“This is for the courts, not for us,” Prime Minister Arlo Venn said. Minister Mira Tasch met reporters. Tasch waved away talk that the deal would fail. “Nobody should make a drama of this.”",
            &[
                ("This is for the courts", Some("Arlo Venn")),
                ("Nobody should make", None),
            ],
        );
        // With no one else named in between, the quote goes on with the paragraph's speaker.
        check(
            "“This is for the courts, not for us,” Prime Minister Arlo Venn said. The talks lasted an hour. “Nobody should make a drama of this.”",
            &[
                ("This is for the courts", Some("Arlo Venn")),
                ("Nobody should make", Some("Arlo Venn")),
            ],
        );
    }

    #[test]
    fn an_unsettled_speaker_before_the_quote_ends_who_spoke_before() {
        check(
            "“It is a stunt,” Arlo Venn said. Oskar Lund, head of Fair Votes, a small, independent watchdog of party funding, said, “This is buying a pig in a poke.” When shops do it, he added, the council sends inspectors. “But nobody will ever inspect this one.”",
            &[
                ("It is a stunt", Some("Arlo Venn")),
                ("This is buying a pig", None),
                ("But nobody will ever", None),
            ],
        );
    }

    #[test]
    fn a_question_quoted_before_its_speaker_is_the_speakers() {
        check(
            "Mira Tasch said the choice was a mistake. “Will you put your name to that?” Venn said. “I cannot say yet.”",
            &[
                ("Will you put your name", Some("Venn")),
                ("I cannot say yet", Some("Venn")),
            ],
        );
    }

    #[test]
    fn a_quote_whose_speaker_is_not_settled_ends_who_spoke_before() {
        // "Tamsin" is no person the grammar can name, but someone other than the minister spoke:
        // the quote after hers is not the minister's.
        check(
            "Minister Arlo Venn spoke on television. “We will find them,” said Venn. The victims were named. “He was building a life there,” Brand's colleague Tamsin, 31, said on Wednesday. “He could fix any engine you gave him.”",
            &[
                ("We will find them", Some("Arlo Venn")),
                ("He was building a life", None),
                ("He could fix", None),
            ],
        );
    }

    #[test]
    fn a_statement_speaks_for_whoever_issued_it() {
        check(
            "“We have set up a fund for the families,” a statement from the Velmar Harbour Board said.",
            &[("We have set up", Some("Velmar Harbour Board"))],
        );
        check(
            "“The crew was rescued before dawn,” a Velmar Harbour Board statement said.",
            &[("The crew was rescued", Some("Velmar Harbour Board"))],
        );
        check(
            "“The crew was rescued before dawn,” the statement said.",
            &[("The crew was rescued", None)],
        );
        // An issuer read as a place ("from X") still issues the statement.
        check(
            "“We have set up a fund for the families,” a statement from Harbourmart said.",
            &[("We have set up", Some("Harbourmart"))],
        );
        check(
            "A statement from Harbourmart said: “We have set up a fund for the families.”",
            &[("We have set up", Some("Harbourmart"))],
        );
    }

    #[test]
    fn english_organisations_and_told_that() {
        check(
            "“The harbour will stay closed until Friday,” the Velmar Port Authority said.",
            &[("The harbour will stay", Some("Velmar Port Authority"))],
        );
        check(
            "Mara Linde told the council that “the pier cannot be saved this year”.",
            &[("the pier cannot", Some("Mara Linde"))],
        );
    }

    #[test]
    fn a_description_ends_before_an_adjunct() {
        check(
            "« Les agents ont été attaqués », a déclaré le ministre de l'Intérieur dans un communiqué.",
            &[("Les agents", Some("le ministre de l'Intérieur"))],
        );
        check(
            "“The officers were attacked,” said the interior minister in a statement.",
            &[("The officers", Some("the interior minister"))],
        );
        check(
            "“The officers were attacked,” said an official who spoke on condition of anonymity.",
            &[("The officers", Some("an official"))],
        );
        check(
            "« Deux agents ont été blessés », a détaillé Paul Girard.",
            &[("Deux agents", Some("Paul Girard"))],
        );
    }

    #[test]
    fn french_forms_and_traps() {
        // A name right after the article and the role is the speaker; a name after a
        // preposition in the description is not.
        check(
            "« Nous ne pouvons pas exclure d'autres victimes », a prévenu le préfet Laurent Castel.",
            &[("Nous ne pouvons", Some("Laurent Castel"))],
        );
        check(
            "\"We will appeal the ruling,\" said the lawyer for Anna Berg.",
            &[("We will appeal", Some("the lawyer for Anna Berg"))],
        );
        // A name inside an adjunct after the subject is no speaker.
        check(
            "« Préparez vos papiers et attendez l'invitation à partir », a écrit la municipalité de Velmar sur sa page Facebook après la réunion.",
            &[("Préparez vos papiers", None)],
        );
        check(
            "« Nous reconstruirons le port avant l'été », a déclaré mardi à la presse le préfet Marc Dupont.",
            &[("Nous reconstruirons", Some("Marc Dupont"))],
        );
        check(
            "Marie Dubois a déclaré :\n\n« Nous reconstruirons le port avant l'été. »",
            &[("Nous reconstruirons", Some("Marie Dubois"))],
        );
        check(
            "Marie Dubois a dit aux journalistes que « le port est hors d'usage ».",
            &[("le port est", Some("Marie Dubois"))],
        );
        check(
            "Marie Dubois a rendu hommage à Paul Girard, disant : « Il a donné à cette ville son port. »",
            &[("Il a donné", Some("Marie Dubois"))],
        );
        check(
            "Camille Dubois a rencontré Dominique Girard lundi. « Nous ne sommes d'accord sur rien », a-t-il dit.",
            &[("Nous ne sommes", None)],
        );
        check(
            "« Les recherches continuent toute la nuit », a indiqué la préfecture.",
            &[("Les recherches continuent", Some("la préfecture"))],
        );
    }

    #[test]
    fn german_forms_and_traps() {
        check(
            "Der Hafen öffnet im Mai, „wenn das Wetter hält“, laut Anna Becker.",
            &[("wenn das Wetter", Some("Anna Becker"))],
        );
        check(
            "Anna Becker sagte den Reportern, dass „der Hafen nicht zu retten ist“.",
            &[("der Hafen nicht", Some("Anna Becker"))],
        );
        check(
            "Anna Becker würdigte Paul Krüger und sagte: „Er hat dieser Stadt ihren Hafen gegeben.“",
            &[("Er hat dieser", Some("Anna Becker"))],
        );
        check(
            "Kim Becker traf Sascha Krüger am Montag. „Wir haben uns auf nichts geeinigt“, sagte er.",
            &[("Wir haben uns", None)],
        );
        check(
            "„Wir bauen den Hafen wieder auf“, sagte Anna Becker. „Das kostet ein Jahr und viel Geld.\n\n„Niemand verliert seine Arbeit.“\n\nPaul Krüger ging früh.",
            &[
                ("Wir bauen", Some("Anna Becker")),
                ("Das kostet ein Jahr und viel Geld. Niemand verliert", Some("Anna Becker")),
            ],
        );
    }

    #[test]
    fn spanish_forms_and_traps() {
        check(
            "Lucía Romero dijo:\n\n«Reconstruiremos el puerto antes del verano».",
            &[("Reconstruiremos", Some("Lucía Romero"))],
        );
        check(
            "Lucía Romero llegó el lunes al puerto. «Nunca abandonaremos este puerto», dijo ella.",
            &[("Nunca abandonaremos", Some("Lucía Romero"))],
        );
        check(
            "Lucía Romero dijo a los periodistas que «el puerto no tiene arreglo».",
            &[("el puerto no", Some("Lucía Romero"))],
        );
        check(
            "«Reconstruiremos el puerto», dijo Lucía Romero. «Costará un año y mucho dinero.\n\n«Nadie perderá su empleo».\n\nPablo Ortega se fue pronto.",
            &[
                ("Reconstruiremos el puerto", Some("Lucía Romero")),
                ("Costará un año y mucho dinero. Nadie perderá", Some("Lucía Romero")),
            ],
        );
        check(
            "«La búsqueda sigue durante toda la noche», informó la Guardia Civil.",
            &[("La búsqueda sigue", Some("la Guardia Civil"))],
        );
    }

    #[test]
    fn unattributed_short_quotes_and_titles_are_left_out() {
        check("The film “Blue Harbour Nights” opened.", &[]);
        check("Locals called it “a disgrace”.", &[]);
    }

    #[test]
    fn many_quotes_cost_linear_time() {
        let text = "“We will stay here,” Mara Linde said. ".repeat(2000);
        let start = std::time::Instant::now();
        let sentences = sentences_of(&text);
        let entities = find_entities(&sentences);
        let quotes = find_quotes(&text, &sentences, &entities);
        assert_eq!(quotes.len(), 2000);
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }

    #[test]
    fn a_name_then_its_roles_without_the_closing_comma_is_the_speaker() {
        // The apposition's closing comma is often left out: the name speaks, not "executive
        // producer". A name after other words of the subject is no such speaker.
        check(
            "Tom Verity, lead engineer and executive producer says: \"It's a fine choice for the port.\"",
            &[("It's a fine choice", Some("Tom Verity"))],
        );
        check(
            "Asked about Tom Verity, the mayor said: \"He is a fine choice for the port.\"",
            &[("He is a fine choice", Some("the mayor"))],
        );
        check(
            "After meeting Tom Verity on Monday, the mayor said \"He is a fine choice for the port.\"",
            &[("He is a fine choice", Some("the mayor"))],
        );
        // Opening the sentence, the name is the one the role describes.
        check(
            "Tom Verity, the mayor said: \"We will rebuild the old quay by the spring.\"",
            &[("We will rebuild", Some("Tom Verity"))],
        );
    }

    #[test]
    fn a_pronoun_goes_to_the_person_a_who_clause_shows() {
        // "Hale, who praised …" is a person though named by one word: "he" is Hale, not the
        // guest named before him.
        check(
            "The evening show, hosted by Ann Marsh, featured guests such as Paul Dent. The show \
             also featured an interview with Hale, who praised the new chief. \"I think she is \
             great,\" he says.",
            &[("I think she is great", Some("Hale"))],
        );
    }

    #[test]
    fn a_pronoun_skips_a_name_its_own_sentence_brings_in_after_a_pronoun() {
        // "he is the same age as Ivo Brand": the sentence is about whom its "he" stands for.
        check(
            "Tom Verity has been named the new harbour master. It is not the first time Verity \
             has worked at the port: he ran the north quay in 2008. At 55, he is the same age as \
             Ivo Brand when he was given the post. \"Being asked to run the harbour is an \
             honour,\" he said.",
            &[("Being asked to run the harbour", Some("Tom Verity"))],
        );
    }

    #[test]
    fn the_last_speaker_goes_on_only_while_no_one_else_is_named() {
        // The spokesman spoke four sentences before; Gil Moss has been named since: "he" is not
        // settled by the spokesman, and Gil Moss, the article's subject, is the one meant.
        check(
            "Gil Moss died on Monday in the city prison, said prison spokesman Al Renn. He was \
             72. Gil Moss had won a long string of cases before his conviction in 1997. He was \
             sentenced to 12 years. He lost his appeal in 1999. After years of silence he finally spoke at a hearing in 2003. \
             That brought him another sentence. At that hearing, he shook hands with the lawyers \
             and said \"God bless you all, every one of you\" to the judge.",
            &[("God bless you all", Some("Gil Moss"))],
        );
    }
}
