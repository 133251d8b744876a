//! Named entities: runs of capitalised words, with titles split off ("French President" |
//! "Emmanuel Macron"), kinds from a gazetteer, name shapes and context, and surnames resolved to the
//! full name used earlier in the article.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::borrow::Cow;

use parallax_core::{EntityKind, EntityMention, Sentence};
use parallax_text::fold_diacritics;

use crate::lexicon::{
    demonym, known, ABBREVIATIONS, CUE_VERBS, DETERMINERS, GERMAN_ARTICLES, GIVEN_NAMES_MORE,
    KINSHIP, NAMED_DAYS, NAME_ARTICLES, NAME_CONNECTORS, NAME_OPENERS, NOT_NAMES, OFFICE_TENSE,
    ORGANISATION_GENITIVES, ORG_WORDS, OTHER_WORDS, PERSON_RELATIVES, PLACE_CUES, PLACE_WORDS,
    PORTFOLIO_CONNECTORS, SPOKESPERSON_WORDS, STOPWORDS, TITLES, TITLE_MODIFIERS, TITLE_SUFFIXES,
};
use crate::quotes::words::{given_name_gender, ADJUNCT_PREPOSITIONS, GIVEN_NAMES, PREPOSITIONS};

/// A word token with its byte span in the sentence. Its text is the sentence's own, or the word
/// that tokenised text spaces out ("W ." is "W.", "Strauss - Kahn" is "Strauss-Kahn").
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub text: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
}

/// The word tokens of a sentence (its `parallax_text::tokens`, `words`, without possessive "'s"),
/// with the full stop of an abbreviation kept ("U.S.", "Gen."), also when tokenised text spaces it
/// off ("Mr .", "W ."), and a name spaced around its hyphen joined ("Strauss - Kahn").
fn tokens<'a>(sentence: &'a str, words: &[parallax_text::Token]) -> Vec<Token<'a>> {
    let mut out: Vec<Token<'_>> = Vec::with_capacity(words.len());
    for &t in words {
        let bare = t.text(sentence);
        let rest = &sentence[t.end..];
        let abbreviation = || ABBREVIATIONS.contains_key(parallax_text::lowercase(bare).as_ref());
        let keep_dot = rest.starts_with('.')
            && (bare.contains('.') || bare.chars().count() == 1 || abbreviation());
        let initial = bare.chars().count() == 1 && bare != "I";
        let spaced_dot = rest.starts_with(" .")
            && !rest[2..].starts_with('.')
            && is_capitalised(bare)
            && (initial || abbreviation());
        let token = if keep_dot {
            Token {
                text: Cow::Borrowed(&sentence[t.start..t.end + 1]),
                start: t.start,
                end: t.end + 1,
            }
        } else if spaced_dot {
            Token {
                text: Cow::Owned(format!("{bare}.")),
                start: t.start,
                end: t.end + 2,
            }
        } else {
            Token {
                text: Cow::Borrowed(bare),
                start: t.start,
                end: t.end,
            }
        };
        out.push(token);
    }
    join_spaced_hyphens(sentence, out)
}

/// "Strauss - Kahn": tokenised text spaces out a hyphenated name. Two capitalised words around a
/// spaced hyphen are one word, unless a name goes on after the second ("Tony Thompson - Wladimir
/// Klitschko" is two people).
fn join_spaced_hyphens<'a>(sentence: &'a str, toks: Vec<Token<'a>>) -> Vec<Token<'a>> {
    let mut out: Vec<Token<'a>> = Vec::with_capacity(toks.len());
    let mut iter = toks.into_iter().peekable();
    while let Some(t) = iter.next() {
        let Some(prev) = out.last_mut() else {
            out.push(t);
            continue;
        };
        let gap = sentence.get(prev.end..t.start).unwrap_or("");
        let name_goes_on = iter.peek().is_some_and(|n| {
            is_capitalised(&n.text)
                && sentence
                    .get(t.end..n.start)
                    .is_some_and(|g| !g.is_empty() && g.chars().all(char::is_whitespace))
        });
        let joins = gap == " - "
            && is_capitalised(&prev.text)
            && is_capitalised(&t.text)
            && !prev.text.ends_with('.')
            && !name_goes_on;
        if joins {
            prev.text = Cow::Owned(format!("{}-{}", prev.text, t.text));
            prev.end = t.end;
        } else {
            out.push(t);
        }
    }
    out
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_title_word(word: &str) -> bool {
    TITLES.contains(parallax_text::lowercase(word).as_ref())
}

/// Whether the text after a name opens with a title in apposition: a comma, then a title word
/// or a compound ending in one (", Pressesprecherin der Polizei", ", spokeswoman for").
fn title_in_apposition(after: &str) -> bool {
    word_after_comma(after).is_some_and(|w| is_title_word(w) || is_compound_title(w))
}

/// The word right after a comma that opens the text after a name, without the punctuation
/// around it (", spokeswoman for", ", who praised").
fn word_after_comma(after: &str) -> Option<&str> {
    let rest = after.trim_start().strip_prefix(',')?;
    let w = rest.split_whitespace().next()?;
    Some(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
}

/// Fewest characters of a German compound title ("Bahnchef"): shorter words ending like a title
/// ("Chef") are the title words themselves.
const MIN_COMPOUND_TITLE: usize = 7;

/// A capitalised compound ending in a title ("Bahnchef", "Kreisbrandmeisterin"), as German
/// writes them. Only ever read before a name in the same run: alone, such a word may be a
/// surname ("Hofmeister").
fn is_compound_title(word: &str) -> bool {
    let lower = parallax_text::lowercase(word);
    word.starts_with(char::is_uppercase)
        && word.chars().count() >= MIN_COMPOUND_TITLE
        && TITLE_SUFFIXES
            .iter()
            .any(|s| lower.ends_with(s) && lower.len() > s.len())
}

/// Lowercase title words looked at before a name ("former deputy foreign minister"): a longer
/// run of them is not one title, and the bound keeps the look-back linear.
const MAX_TITLE_WORDS_BEFORE: usize = 8;
/// Capitalised words after "and" looked at to tell one name ("Fire and Rescue Service") from two.
const AND_NAME_WORDS: usize = 4;
/// The most words a name of capitalised words alone may have to be taken for a person's.
const MAX_PERSON_WORDS: usize = 4;
/// The fewest words of a title-case fragment: two capitalised common words are more often a name
/// ("Rose Hill") than a headline.
const MIN_HEADLINE_WORDS: usize = 3;

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
    /// A lone role word ("Bishop"): a person only as the surname of one the article names in
    /// full ("Tony Bishop"), never a name of its own.
    role_word: bool,
    /// A person by the shape of the words alone (no title, no gazetteer entry), or an
    /// organisation by its leading article alone.
    by_shape: bool,
    /// Followed by a title in apposition ("Aylin Erciyas, Pressesprecherin der Polizei").
    role_after: bool,
    /// Right after a word for a relative ("Pinochet's son, Augusto").
    after_kin: bool,
    /// Followed by a comma and a relative pronoun that stands only for people ("Hale, who").
    before_who: bool,
    /// A lone word that is a place only by the word before or after it ("in Mahathir's
    /// absence"): it yields to a person the article names in full.
    place_by_cue: bool,
}

/// One sentence being read, and what the whole article shows.
struct Reading<'a> {
    sentence: &'a Sentence,
    index: usize,
    toks: &'a [Token<'a>],
    /// How the article writes its words elsewhere.
    usage: &'a WordUsage,
}

/// How an article writes its words: what it writes in lowercase somewhere (common words), and
/// what it capitalises in the middle of a sentence (names).
#[derive(Default)]
struct WordUsage {
    lowercase: HashSet<String>,
    capitalised_mid_sentence: HashSet<String>,
    /// Capitalised words written mid-sentence between lowercase words or marks: a surname used
    /// alone ("said Kumar").
    alone: HashSet<String>,
}

/// Finds the named entities of an article's sentences, read as English.
pub fn find_entities(sentences: &[Sentence]) -> Vec<EntityMention> {
    find_entities_in(sentences, "en")
}

/// Finds the named entities of an article's sentences in `language` (ISO 639-1). German
/// capitalises every noun, so there a capitalised word is a name only when more than its shape
/// says so (see [`settle`]).
pub fn find_entities_in(sentences: &[Sentence], language: &str) -> Vec<EntityMention> {
    let words: Vec<Vec<parallax_text::Token>> = sentences
        .iter()
        .map(|s| parallax_text::tokens(&s.text))
        .collect();
    find_entities_with(sentences, &words, language)
}

/// [`find_entities_in`] with each sentence's `parallax_text::tokens` (`words`) at hand.
pub(crate) fn find_entities_with(
    sentences: &[Sentence],
    words: &[Vec<parallax_text::Token>],
    language: &str,
) -> Vec<EntityMention> {
    let usage = word_usage(sentences, words);
    let mut candidates = Vec::new();
    let mut mid_sentence: HashSet<String> = HashSet::new();
    for ((si, s), words) in sentences.iter().enumerate().zip(words) {
        let toks = tokens(&s.text, words);
        let reading = Reading {
            sentence: s,
            index: si,
            toks: &toks,
            usage: &usage,
        };
        let mut i = 0;
        while i < toks.len() {
            if !is_capitalised(&toks[i].text) {
                i += 1;
                continue;
            }
            let run_end = run_end(s, &toks, i);
            let name_end = without_weekday(&toks, i, run_end);
            if let Some(c) = candidate(&reading, i, name_end) {
                if !c.sentence_initial {
                    mid_sentence.insert(c.name.clone());
                }
                candidates.push(c);
            }
            i = run_end + 1;
        }
    }
    settle(candidates, &mid_sentence, language == "de")
}

/// The words an article writes in lowercase, and those it capitalises mid-sentence (`words`: each
/// sentence's tokens).
fn word_usage(sentences: &[Sentence], words: &[Vec<parallax_text::Token>]) -> WordUsage {
    // Sized for what an article holds, so that a set seldom grows word by word: no set holds
    // more words than the article has, and the capitalised ones far fewer. No larger: the words
    // are spread over a whole table, and each 4 KiB page of it the process touches first costs
    // a page fault.
    let most: usize = words.iter().map(Vec::len).sum();
    let mut usage = WordUsage {
        lowercase: HashSet::with_capacity(most),
        capitalised_mid_sentence: HashSet::with_capacity(most / 8),
        alone: HashSet::with_capacity(most / 8),
    };
    for (s, tokens) in sentences.iter().zip(words) {
        let capitalised = |k: Option<usize>| {
            k.and_then(|k| tokens.get(k))
                .is_some_and(|t| t.text(&s.text).starts_with(char::is_uppercase))
        };
        for (k, t) in tokens.iter().enumerate() {
            let word = t.text(&s.text);
            if !t.sentence_start
                && word.starts_with(char::is_uppercase)
                && !capitalised(k.checked_sub(1))
                && !capitalised(Some(k + 1))
                && !usage.alone.contains(word)
            {
                usage.alone.insert(word.to_string());
            }
            match word.chars().next() {
                Some(c) if c.is_lowercase() => {
                    let lower = parallax_text::lowercase(word);
                    if !usage.lowercase.contains(lower.as_ref()) {
                        usage.lowercase.insert(lower.into_owned());
                    }
                }
                Some(c)
                    if c.is_uppercase()
                        && !t.sentence_start
                        && !usage.capitalised_mid_sentence.contains(word) =>
                {
                    usage.capitalised_mid_sentence.insert(word.to_string());
                }
                _ => {}
            }
        }
    }
    usage
}

/// The last token of the name run that starts at `i`: capitalised words joined by white space,
/// connectors ("of", "von"), "and" inside one organisation's name, and a number after a place word.
fn run_end(s: &Sentence, toks: &[Token<'_>], i: usize) -> usize {
    let joined = |a: &Token<'_>, b: &Token<'_>| s.text[a.end..b.start].trim().is_empty();
    let mut j = i;
    while let Some(next) = toks.get(j + 1) {
        let gap = &s.text[toks[j].end..next.start];
        if gap.is_empty() || !gap.chars().all(char::is_whitespace) {
            break;
        }
        let capitalised_after = |k: usize| {
            toks.get(k)
                .is_some_and(|t| is_capitalised(&t.text) && joined(next, t))
        };
        if is_capitalised(&next.text) {
            j += 1;
        } else if next.text.chars().all(|c| c.is_ascii_digit())
            && PLACE_WORDS.contains(&toks[j].text)
            && !DETERMINERS.contains(parallax_text::lowercase(&toks[j].text).as_ref())
        {
            // "Pier 4", "Terminal 2"
            return j + 1;
        } else if next.text == "and"
            && capitalised_after(j + 2)
            && and_joins_one_name(toks.get(j + 2..).unwrap_or_default())
        {
            // "Fire and Rescue Service" is one organisation; "Poland and Romania" are two places.
            j += 2;
        } else if NAME_CONNECTORS.contains(&next.text)
            && capitalised_after(j + 2)
            && !cues_a_place(&toks[j].text, &next.text)
        {
            j += 2;
        } else {
            break;
        }
    }
    j
}

/// Whether a word and the connector after it cue the place that follows ("Süden von
/// Ludwigshafen", where German capitalises the noun): the place is a name of its own.
fn cues_a_place(word: &str, connector: &str) -> bool {
    let cue = format!("{} {connector}", parallax_text::lowercase(word));
    PLACE_CUES.before.contains(cue.as_str())
}

/// The run `first..=last` without an English weekday it ends in ("in Mexico City Wednesday", as
/// American news writes "on Wednesday"), unless the run ends in the name of a day ("Good
/// Friday"). Abbreviations stay ("The Sun"); other languages write weekdays in lowercase or after
/// a preposition.
fn without_weekday(toks: &[Token<'_>], first: usize, last: usize) -> usize {
    let ends_in_weekday = last > first
        && toks.get(last).is_some_and(|t| {
            t.text.len() >= 6 && parallax_core::calendar::weekday_from_name(&t.text).is_some()
        });
    let named_day = || {
        toks.get(last - 1..=last).is_some_and(|pair| {
            NAMED_DAYS.contains(format!("{} {}", pair[0].text, pair[1].text).as_str())
        })
    };
    if !ends_in_weekday || named_day() {
        return last;
    }
    // "Organizers of Monday('s race)": the connector went with the weekday.
    let mut end = last - 1;
    while end > first
        && toks
            .get(end)
            .is_some_and(|t| NAME_CONNECTORS.contains(&t.text))
    {
        end -= 1;
    }
    end
}

/// Whether "X and Y ..." is one name: the capitalised run after "and" ends in an organisation word.
fn and_joins_one_name(rest: &[Token<'_>]) -> bool {
    let run: Vec<&str> = rest
        .iter()
        .take_while(|t| is_capitalised(&t.text))
        .take(AND_NAME_WORDS)
        .map(|t| &*t.text)
        .collect();
    run.last().is_some_and(|w| ORG_WORDS.contains(w))
        && run.first().is_some_and(|w| known(w).is_none())
}

/// The entity a run of capitalised tokens `first..=last` names, if it names one.
fn candidate(r: &Reading<'_>, first: usize, last: usize) -> Option<Candidate> {
    let run = r.toks.get(first..=last)?;
    let lead = leading_function_words(run);
    let mut words: Vec<&Token<'_>> = run.get(lead..)?.iter().collect();
    if words.is_empty() {
        return None;
    }
    cut_organisation_tail(r, &mut words);
    // "sagte Büroleiterin Lena Ortiz der Zeitung": after a title and a name, a German article
    // opens whom it was said to ("Ursula von der Leyen" keeps hers after "von").
    let titled = |k: usize| {
        words[..k.saturating_sub(2)]
            .iter()
            .any(|w| is_title_word(&w.text) || is_compound_title(&w.text))
    };
    if let Some(k) = (3..words.len()).find(|&k| {
        GERMAN_ARTICLES.contains(&words[k].text)
            && !NAME_CONNECTORS.contains(&words[k - 1].text)
            && titled(k)
    }) {
        words.truncate(k);
    }
    let mut title = split_title(&mut words);
    if words.is_empty() {
        return None;
    }
    if title.is_empty() {
        title = split_affiliation(r, &mut words);
    }
    if title.is_empty() {
        title = split_portfolio(r, first + lead, &mut words);
    }
    let opens_sentence = first + lead == 0 || opens_inner_sentence(r, first + lead);
    let mut sentence_initial = opens_sentence;
    let opener: &str = &words[0].text;
    if title.is_empty()
        && opens_sentence
        && words.len() > 1
        && (is_common_word(r, opener) || is_participle(opener))
        && !r.usage.capitalised_mid_sentence.contains(opener)
    {
        // "Witnesses Anna Berg ...": a common word capitalised by its place, not part of the name
        // (unless the article also capitalises it mid-sentence, as a name: "Mark Brown").
        words.remove(0);
        sentence_initial = false;
    } else if title.is_empty()
        && opens_sentence
        && words.len() > 1
        && OFFICE_TENSE.contains(&parallax_text::lowercase(opener))
    {
        // "Former Brantley County treasurer Gordon Pell": when the office is held is no part of
        // the place or institution that follows (a title before a name keeps it: "Former Prime
        // Minister Shimon Peres").
        words.remove(0);
    }
    // "Die Polizei bittet …": an article and one noun opening a sentence are its subject, not a
    // name such as "Die Zeit" (which the article would capitalise mid-sentence too).
    if opens_sentence
        && words.len() == 2
        && NAME_ARTICLES.contains(&words[0].text)
        && !r.usage.capitalised_mid_sentence.contains(&*words[0].text)
        && known(&format!("{} {}", words[0].text, words[1].text)).is_none()
    {
        return None;
    }
    let role_word = words.len() == 1 && is_title_word(&words[0].text) && !sentence_initial;
    // "the new Bishop", "le nouveau Préfet": a role word after a determiner, or after one and a
    // lowercase word, is the role, never anyone's surname.
    if role_word && role_after_determiner(r, first + lead) {
        return None;
    }
    if names_nobody(&words) && !role_word && !given_name_and_role_surname(r, first + lead, &words) {
        return None;
    }
    let before = title_before(r, first + lead);
    if !before.is_empty() {
        title.splice(0..0, before);
    }
    let run_last = &run[run.len() - 1];
    if title.is_empty() {
        title = title_across_comma(r, first + lead, run_last.end);
    }
    let texts: Vec<&str> = words.iter().map(|t| &*t.text).collect();
    if texts.len() == 1 && is_lone_generic_word(texts[0]) {
        return None;
    }
    let (first_word, last_word) = (words[0], words[words.len() - 1]);
    let name = texts.join(" ");
    let has_title = !title.is_empty();
    let kind = (!role_word)
        .then(|| kind_of(&texts, has_title))
        .flatten()
        .filter(|k| has_title || *k != EntityKind::Person || !is_headline_fragment(r, &texts));
    let place_by_cue =
        kind.is_none() && texts.len() == 1 && place_cue(r, &run[lead], run_last, false);
    let kind = kind.or(place_by_cue.then_some(EntityKind::Place));
    // A name of several words that only its shape made a person's: a place by its cues ("in Suka
    // Makmur village"), nobody after a determiner ("a Texas Ranger").
    let by_shape_only = kind == Some(EntityKind::Person) && !has_title && known(&name).is_none();
    let kind = if by_shape_only && texts.len() > 1 {
        if place_cue(r, &run[lead], run_last, true) {
            Some(EntityKind::Place)
        } else if determiner_before(r, first + lead) {
            Some(EntityKind::Other)
        } else {
            kind
        }
    } else {
        kind
    };
    // "Die Zeit" is an organisation by its article alone: in German, so is "Die Garage".
    let article_led_only = kind == Some(EntityKind::Organization)
        && texts.len() > 1
        && NAME_ARTICLES.contains(texts[0])
        && !texts.iter().any(|w| ORG_WORDS.contains(bare(w)))
        && known(&name).is_none();
    let s = r.sentence;
    let kin = kin_word_before(r, first + lead);
    Some(Candidate {
        name: known(&name).map_or(name.clone(), |k| k.name.to_string()),
        surface: name,
        kind,
        // A relative ("Pinochet's son, Augusto") bears the word for the relation as a title.
        title: has_title
            .then(|| title.join(" "))
            .or_else(|| kin.map(str::to_string)),
        sentence: r.index,
        start: s.start + first_word.start,
        end: s.start + last_word.end.min(s.text.len()),
        sentence_initial,
        // "the town of Addison said": the verb's subject is the phrase the preposition ends in.
        before_cue: before_cue(&s.text[run_last.end..]) && !preposition_before(r, first + lead),
        role_word,
        by_shape: by_shape_only && kind != Some(EntityKind::Place) || article_led_only,
        place_by_cue,
        role_after: title_in_apposition(&s.text[run_last.end.min(s.text.len())..]),
        after_kin: kin.is_some(),
        before_who: before_person_relative(&s.text[run_last.end.min(s.text.len())..]),
    })
}

/// How many function words ("The", "In", "But") open the run: they are not part of a name, nor
/// is a connector in lowercase after them ("In der Halle": the hall is no name).
fn leading_function_words(run: &[Token<'_>]) -> usize {
    let openers = run
        .iter()
        .take_while(|t| {
            let lower = parallax_text::lowercase(&t.text);
            t.text != "New"
                && (STOPWORDS.contains(&*lower) || NAME_OPENERS.contains(&lower))
                && known(&t.text).is_none()
        })
        .count();
    let connectors = run
        .get(openers..)
        .unwrap_or_default()
        .iter()
        .take_while(|t| openers > 0 && !is_capitalised(&t.text))
        .count();
    openers + connectors
}

/// "Sofia Lindqvist of Brennick Police", "Ivo Brand of Fort Velmar": the person is the part before
/// "of <organisation or place>", and before any "of" when that part is a person's name by itself.
fn cut_organisation_tail(r: &Reading<'_>, words: &mut Vec<&Token<'_>>) {
    let Some(of) = words.iter().position(|w| w.text == "of") else {
        return;
    };
    let tail: Vec<&str> = words[of + 1..].iter().map(|w| &*w.text).collect();
    let org_tail = tail
        .iter()
        .any(|w| ORG_WORDS.contains(bare(w)) || PLACE_WORDS.contains(bare(w)))
        || known(&tail.join(" ")).is_some();
    let head: Vec<&str> = words[..of].iter().map(|w| &*w.text).collect();
    // "Trent Lott of Mississippi", "Gordon Gund of Cleveland": a person's name, by its given name
    // or by a surname the article also uses alone, and where the person is from or sits for.
    let person_head = match head.split_last() {
        Some((last, before)) if !before.is_empty() => {
            before.iter().any(|w| is_given_name(w)) || r.usage.alone.contains(*last)
        }
        _ => false,
    };
    let institution_before = head.iter().any(|w| ORG_WORDS.contains(w));
    if of >= 2 && (org_tail || person_head) && !institution_before {
        words.truncate(of);
    }
}

/// Whether the words after a title are German "von" and one word ("Gemeindepräsidentin von
/// Raron"): the office of a place. A name after a role opens with a given name ("Bürgermeisterin
/// Ursula von Berg"), not with "von".
fn german_office_of_a_place(after_title: &[&str]) -> bool {
    matches!(after_title, ["von" | "vom", _])
}

/// Splits a title off the front of the words: everything up to the last role word a name follows.
/// The head word decides: "Brennick General Hospital" is an institution, while in "Home Office
/// Minister Alun Michael" the office is part of a title.
fn split_title<'t>(words: &mut Vec<&'t Token<'_>>) -> Vec<&'t str> {
    let texts: Vec<&'t str> = words.iter().map(|w| &*w.text).collect();
    let institution = texts
        .last()
        .is_some_and(|w| ORG_WORDS.contains(bare(w)) || PLACE_WORDS.contains(bare(w)))
        || known(&texts.join(" ")).is_some();
    if institution {
        return Vec::new();
    }
    let Some(t) = (0..texts.len().saturating_sub(1))
        .rev()
        .find(|&k| is_title_word(texts[k]) || is_compound_title(texts[k]))
    else {
        return Vec::new();
    };
    let connector_after = texts
        .get(t + 1)
        .is_some_and(|w| NAME_CONNECTORS.contains(w));
    let capital_at = |k: usize| texts.get(k).is_some_and(|w| is_capitalised(w));
    // "Fiscalía General del Estado": a title word right after an institution's word is part of
    // the institution's name, and "del Estado" no person's.
    if connector_after && t > 0 && ORG_WORDS.contains(bare(texts[t - 1])) {
        return Vec::new();
    }
    // "Secretary of State Ana Ruiz": the title goes on through a connector and the word after
    // it when a name follows ("Mr. de Klerk" has none: "de" opens the name). A German article
    // after the role opens its genitive ("Sprecher des Polizeipräsidiums Ulm"): an office, and
    // no one's name after it.
    let t = if connector_after
        && !GERMAN_ARTICLES.contains(texts[t + 1])
        && capital_at(t + 2)
        && capital_at(t + 3)
        && !texts[t + 3..].iter().any(|w| ORG_WORDS.contains(bare(w)))
    {
        t + 2
    } else if texts
        .get(t + 1)
        .is_some_and(|w| *w == "of" || GERMAN_ARTICLES.contains(w))
        || german_office_of_a_place(&texts[t + 1..])
    {
        // "Governor of Qeshm": an office with no name after it; "of" opens no one's name.
        words.clear();
        return texts;
    } else {
        t
    };
    words.drain(..=t);
    // "Der Staatsrat Beat Ruppen": the article is no part of the title.
    let article = usize::from(t > 0 && NAME_ARTICLES.contains(texts[0]));
    texts[article..=t].to_vec()
}

/// Whether a German name is a common noun with an organisation after "der", "des" or "von"
/// ("Angaben der Polizei"): nothing before the connector is an organisation's word (nor ends
/// in one: "Landespolizei") or a known name.
fn noun_of_organisation(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(at) = words
        .iter()
        .position(|w| ORGANISATION_GENITIVES.contains(w))
    else {
        return false;
    };
    let head = &words[..at];
    let organisation_word = |w: &&str| {
        let lower = w.to_lowercase();
        ORG_WORDS.contains(w)
            || ORG_WORDS
                .iter()
                .any(|o| o.chars().count() > 3 && lower.ends_with(&o.to_lowercase()))
    };
    !head.is_empty() && !head.iter().any(organisation_word) && known(&head.join(" ")).is_none()
}

/// Whether a German name is a role with a place in the genitive: "Sprecher der Stadt".
fn role_of_a_place(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    matches!(words.as_slice(), [role, article, ..] if GERMAN_ARTICLES.contains(article)
        && (is_title_word(role) || is_compound_title(role)))
}

/// "Northern Railway Anil Mehta": an organisation's name run into a person's, as some outlets write
/// an affiliation before a name. Split after the organisation's head word when two or three words
/// follow it, none an institution's, and the last is a surname the article also uses alone ("said
/// Mehta"), or after an acronym followed by a given name ("CGT Sandrine Lefort"); the
/// organisation is returned as the person's title.
fn split_affiliation<'t>(r: &Reading<'_>, words: &mut Vec<&'t Token<'_>>) -> Vec<&'t str> {
    let texts: Vec<&'t str> = words.iter().map(|w| &*w.text).collect();
    // An acronym before a given name and a surname ("la déléguée CGT Sandrine Lefort", "IGN
    // Andrés Calvo"): the organisation is the person's affiliation.
    if let [acronym, given, rest @ ..] = texts.as_slice() {
        let is_acronym =
            (2..=6).contains(&acronym.chars().count()) && acronym.chars().all(|c| c.is_uppercase());
        if is_acronym && is_given_name(given) && (1..=2).contains(&rest.len()) {
            words.remove(0);
            return vec![acronym];
        }
    }
    let institution = |w: &&str| ORG_WORDS.contains(bare(w)) || PLACE_WORDS.contains(bare(w));
    let Some(head) = texts.iter().rposition(institution) else {
        return Vec::new();
    };
    let person = &texts[head + 1..];
    let splits = (2..=3).contains(&person.len())
        && known(&texts.join(" ")).is_none()
        && person.last().is_some_and(|w| r.usage.alone.contains(*w))
        && !person
            .iter()
            .any(|w| is_common_word(r, w) || is_title_word(w));
    if !splits {
        return Vec::new();
    }
    words.drain(..=head);
    texts[..=head].to_vec()
}

/// Most words of an office's portfolio or place written before a name ("de la Santé publique").
const MAX_PORTFOLIO_WORDS: usize = 4;

/// "le ministre des Transports Julien Carrel", "el ministro de Transportes Óscar Puente", "le
/// ministre de l'Intérieur Bruno Vallet": an office, a joining word and its portfolio written
/// straight before a name, without the comma of an apposition. The run (from token `start`) is cut
/// at its first given name when capitalised words of the portfolio open it, and the office with its
/// portfolio is returned as the person's title. Nothing without an office word and a joining word
/// before the name: "les habitants de Vernanges Paul Ferrand" is not split.
fn split_portfolio<'t>(
    r: &Reading<'t>,
    start: usize,
    words: &mut Vec<&'t Token<'_>>,
) -> Vec<&'t str> {
    // Most names have no joining word or portfolio word right before them: nothing to read.
    let opens_after = start
        .checked_sub(1)
        .and_then(|k| r.toks.get(k))
        .is_some_and(|prev| {
            PORTFOLIO_CONNECTORS.contains(&parallax_text::lowercase(&prev.text))
                || is_capitalised(&prev.text)
                || prev.text.contains(['\'', '’'])
        });
    if !opens_after && words.len() <= 2 {
        return Vec::new();
    }
    let texts: Vec<&'t str> = words.iter().map(|w| &*w.text).collect();
    let Some(given) = texts.iter().position(|w| is_given_name(w)) else {
        return Vec::new();
    };
    let person = &texts[given..];
    // "the Marine Corps": an institution's name is no person's, whatever word opens it.
    let institution = person.iter().any(|w| ORG_WORDS.contains(bare(w)));
    if institution || !(2..=3).contains(&person.len()) || given > MAX_PORTFOLIO_WORDS {
        return Vec::new();
    }
    let elided_capital = |w: &str| {
        let mut cs = w.chars();
        matches!((cs.next(), cs.next(), cs.next()), (Some('l' | 'd'), Some('\'' | '’'), Some(c)) if c.is_uppercase())
    };
    let mut before: Vec<&'t str> = Vec::new();
    let mut k = start.min(r.toks.len());
    let mut joined = false;
    while k > 0 && before.len() < MAX_PORTFOLIO_WORDS {
        let (prev, next) = (&r.toks[k - 1], &r.toks[k]);
        if !r.sentence.text[prev.end..next.start].trim().is_empty() {
            return Vec::new();
        }
        let lower = parallax_text::lowercase(&prev.text);
        if is_title_word(&prev.text) {
            let portfolio = given > 0
                || before
                    .iter()
                    .any(|w| is_capitalised(w) || elided_capital(w));
            // "a spokesman for Governor Brian Kemp", "l'avocat de Paul Ferrand": the name after
            // one who speaks for another may be the other's; so may one after another office.
            let speaks_for = SPOKESPERSON_WORDS.contains(&lower);
            let office_in_portfolio = texts[..given].iter().any(|w| is_title_word(w));
            if !joined || !portfolio || speaks_for || office_in_portfolio {
                return Vec::new();
            }
            before.push(&prev.text);
            before.reverse();
            before.extend(&texts[..given]);
            words.drain(..given);
            return before;
        }
        // "Col. Robert Cabana of the Marine Corps": a name before the joining word is the
        // person, and what follows is where they serve.
        if is_given_name(&prev.text) {
            return Vec::new();
        }
        if PORTFOLIO_CONNECTORS.contains(&lower) {
            joined = true;
        } else if !prev
            .text
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-')
        {
            return Vec::new();
        }
        before.push(&prev.text);
        k -= 1;
    }
    Vec::new()
}

/// A run of adjectives or role words alone ("Eastern European", "British Prime Minister") names
/// nobody.
fn names_nobody(words: &[&Token<'_>]) -> bool {
    let texts: Vec<&str> = words.iter().map(|w| &*w.text).collect();
    let adjective_or_role = |w: &&str| demonym(w).is_some() || is_title_word(w);
    let known_name = known(&texts.join(" ")).is_some();
    texts.is_empty()
        || !known_name
            && (texts.iter().all(adjective_or_role)
                || texts.len() > 1 && texts.last().is_some_and(adjective_or_role))
}

/// "Billy King", "Tony Bishop": a surname that is also a role word, after a word that can only be
/// a given name (no role, modifier, adjective, common word of the article or known name), with no
/// determiner before ("the Finance Minister").
fn given_name_and_role_surname(r: &Reading<'_>, start: usize, words: &[&Token<'_>]) -> bool {
    let [given, surname] = words else {
        return false;
    };
    let g: &str = &given.text;
    let lower = g.to_lowercase();
    let determiner_before = determiner_before(r, start);
    is_title_word(&surname.text)
        && !is_title_word(g)
        && demonym(g).is_none()
        && known(g).is_none()
        && !TITLE_MODIFIERS.contains(lower.as_str())
        && !ORG_WORDS.contains(g)
        && !PLACE_WORDS.contains(g)
        && !OTHER_WORDS.contains(g)
        && !is_common_word(r, g)
        && g.chars().all(char::is_alphabetic)
        && !determiner_before
}

/// Whether token `start` opens a sentence inside the sentence: one a quotation holds ("'Oh my
/// God. They're …'"), or a quotation itself (“They …”, "They …", ``They …), where a capital says
/// nothing of a name.
fn opens_inner_sentence(r: &Reading<'_>, start: usize) -> bool {
    let Some(tok) = r.toks.get(start) else {
        return false;
    };
    let before = &r.sentence.text[..tok.start.min(r.sentence.text.len())];
    // French sets its guillemet off with a space ("« J'ai vu").
    if before.ends_with(['“', '«', '„', '"', '`', '‘']) || before.trim_end().ends_with('«')
    {
        return true;
    }
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() || !trimmed.ends_with(['.', '!', '?']) {
        return false;
    }
    // "Gen. Smith", "John F. Kennedy": a full stop that ends an abbreviation or an initial.
    let word = trimmed
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    word.chars().count() > 1 && !ABBREVIATIONS.contains_key(parallax_text::lowercase(word).as_ref())
}

/// Whether the word before token `start` is a preposition ("of", "in", "de", "von").
fn preposition_before(r: &Reading<'_>, start: usize) -> bool {
    start
        .checked_sub(1)
        .and_then(|k| r.toks.get(k))
        .is_some_and(|t| {
            let lower = parallax_text::lowercase(&t.text);
            PREPOSITIONS.contains(lower.as_ref()) || ADJUNCT_PREPOSITIONS.contains(lower.as_ref())
        })
}

/// The word for a relative standing right before token `start`, a comma at most between ("his
/// son Augusto", "Pinochet's son, Augusto").
fn kin_word_before<'a>(r: &Reading<'a>, start: usize) -> Option<&'a str> {
    let prev = r.toks.get(start.checked_sub(1)?)?;
    let tok = r.toks.get(start)?;
    let gap = r.sentence.text.get(prev.end..tok.start)?;
    (gap.trim_matches(|c: char| c.is_whitespace() || c == ',')
        .is_empty()
        && is_kinship(&prev.text))
    .then_some(&*prev.text)
}

/// Whether a word names a relation ("son", "Witwe", "hija"; `data/kinship.txt`).
pub fn is_kinship(word: &str) -> bool {
    KINSHIP.contains(parallax_text::lowercase(word).as_ref())
}

/// Whether a determiner stands right before token `start`, or before a lowercase word right
/// before it ("the new", "der neue"), with no punctuation between ("the factor, King" is not).
fn role_after_determiner(r: &Reading<'_>, start: usize) -> bool {
    let joined = |k: usize| {
        k.checked_sub(1)
            .and_then(|p| Some((r.toks.get(p)?, r.toks.get(k)?)))
            .and_then(|(p, t)| r.sentence.text.get(p.end..t.start))
            .is_some_and(|gap| gap.trim().is_empty())
    };
    joined(start)
        && (determiner_before(r, start)
            || start.checked_sub(1).is_some_and(|k| {
                joined(k)
                    && r.toks
                        .get(k)
                        .is_some_and(|t| t.text.chars().next().is_some_and(char::is_lowercase))
                    && determiner_before(r, k)
            }))
}

/// Whether a determiner stands right before token `start` ("the", "a", "der").
fn determiner_before(r: &Reading<'_>, start: usize) -> bool {
    start
        .checked_sub(1)
        .and_then(|k| r.toks.get(k))
        .is_some_and(|t| DETERMINERS.contains(parallax_text::lowercase(&t.text).as_ref()))
}

/// Lowercase role words and modifiers just before the name ("national security adviser"): part of
/// the title. Empty unless a role word is among them.
fn title_before<'a>(r: &Reading<'a>, name_start: usize) -> Vec<&'a str> {
    let toks = r.toks;
    let mut k = name_start.min(toks.len());
    let mut pre: Vec<&str> = Vec::new();
    let mut saw_role = false;
    while k > 0 && pre.len() < MAX_TITLE_WORDS_BEFORE {
        let prev = &toks[k - 1];
        if !r.sentence.text[prev.end..toks[k].start].trim().is_empty() {
            break;
        }
        let lower = parallax_text::lowercase(&prev.text);
        if is_title_word(&prev.text) {
            saw_role = true;
        } else if !(saw_role && (TITLE_MODIFIERS.contains(&lower) || is_capitalised(&prev.text))) {
            break;
        }
        let article = STOPWORDS.contains(&*lower) || NAME_ARTICLES.contains(&prev.text);
        if saw_role && is_capitalised(&prev.text) && article {
            break;
        }
        pre.push(&prev.text);
        k -= 1;
    }
    if !saw_role {
        return Vec::new();
    }
    pre.reverse();
    pre
}

/// The title a comma sets before a name in apposition: "le maire de Sommières, Pierre Vidal,",
/// "Its chief executive, Ruth Caldwell, declined", "selon le préfet, Arnaud Delmas.". A
/// determiner, then a role word (with lowercase modifiers before it, and its place or portfolio
/// after it: "de Sommières"), then the comma; the name closed by a comma or the sentence's end,
/// so that it is set off as the role's holder and opens no clause of its own ("Selon le maire,
/// Pierre Martin a été arrêté" names no mayor). Empty for anything else.
fn title_across_comma<'a>(r: &Reading<'a>, name_start: usize, name_end: usize) -> Vec<&'a str> {
    let (toks, text) = (r.toks, r.sentence.text.as_str());
    let gap = |k: usize| {
        text.get(toks[k - 1].end..toks[k].start)
            .unwrap_or("")
            .trim()
    };
    if name_start < 2 || name_start > toks.len() || gap(name_start) != "," {
        return Vec::new();
    }
    let after = text.get(name_end..).unwrap_or("").trim_start();
    if !(after.is_empty() || after.starts_with([',', '.', ';'])) {
        return Vec::new();
    }
    // Back from the comma to the determiner, across words with nothing between them.
    let mut k = name_start - 1;
    let mut phrase: Vec<&'a str> = Vec::new();
    loop {
        let lower = parallax_text::lowercase(&toks[k].text);
        if DETERMINERS.contains(&lower) && !phrase.is_empty() {
            break;
        }
        phrase.push(&toks[k].text);
        if k == 0 || !gap(k).is_empty() || phrase.len() > MAX_TITLE_WORDS_BEFORE {
            return Vec::new();
        }
        k -= 1;
    }
    phrase.reverse();
    // The role word, after lowercase modifiers; then only a place or portfolio.
    let Some(role) = phrase.iter().position(|w| is_title_word(w)) else {
        return Vec::new();
    };
    let modifiers = phrase[..role]
        .iter()
        .all(|w| TITLE_MODIFIERS.contains(&parallax_text::lowercase(w)) || is_title_word(w));
    let portfolio = phrase[role + 1..].iter().all(|w| {
        is_title_word(w)
            || is_capitalised(w)
            || PORTFOLIO_CONNECTORS.contains(&parallax_text::lowercase(w))
    });
    let joined = phrase[role + 1..].first().is_none_or(|w| {
        is_title_word(w) || PORTFOLIO_CONNECTORS.contains(&parallax_text::lowercase(w))
    });
    if modifiers && portfolio && joined {
        phrase
    } else {
        Vec::new()
    }
}

/// A single word that names a kind of thing ("Police", "Street") unless the gazetteer knows it, or
/// that is not a name at all ("Monday", "GMT").
fn is_lone_generic_word(word: &str) -> bool {
    let generic =
        ORG_WORDS.contains(word) || PLACE_WORDS.contains(word) || OTHER_WORDS.contains(word);
    is_not_a_name(word) || generic && known(word).is_none()
}

/// Whether a capitalised word is one the article also writes in lowercase, and no known name.
fn is_common_word(r: &Reading<'_>, word: &str) -> bool {
    known(word).is_none()
        && r.usage
            .lowercase
            .contains(parallax_text::lowercase(word).as_ref())
}

/// "Citing Hun Sen", "Acquiring Netscape": an English present participle, which opens a sentence
/// before a name but is no part of it (no known name, no given name: "Sterling Hayden").
fn is_participle(word: &str) -> bool {
    word.len() > 5 && word.ends_with("ing") && known(word).is_none() && !is_given_name(word)
}

/// A title-case fragment ("Fire Destroys Warehouses"): most of its words are ones the article also
/// writes in lowercase, so they are common words in a headline's capitals, not a person's name.
fn is_headline_fragment(r: &Reading<'_>, words: &[&str]) -> bool {
    let common = words.iter().filter(|w| is_common_word(r, w)).count();
    words.len() >= MIN_HEADLINE_WORDS && common * 2 > words.len()
}

/// Whether the word after the run is a verb of speech ("Smith said").
fn before_cue(after: &str) -> bool {
    after.split_whitespace().next().is_some_and(|w| {
        CUE_VERBS.contains(
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .as_str(),
        )
    })
}

/// Whether a name is followed by a comma and a relative pronoun that stands only for people
/// (`data/person_relatives.txt`: "Hale, who praised …").
fn before_person_relative(after: &str) -> bool {
    word_after_comma(after)
        .is_some_and(|w| PERSON_RELATIVES.contains(parallax_text::lowercase(w).as_ref()))
}

/// Whether a word is a tag of one letter and a hyphen ("D-Ohio", "R-N.Y."): what a name is
/// followed by, not a name.
fn is_letter_tag(word: &str) -> bool {
    word.split_once('-')
        .is_some_and(|(head, _)| head.chars().count() == 1)
}

/// Whether the words around a lone capitalised word make it a place ("in X", "X district"); for a
/// name of several words only the stronger cues count ("in X Y", "X Y village").
fn place_cue(r: &Reading<'_>, word: &Token<'_>, run_last: &Token<'_>, several: bool) -> bool {
    let text = &r.sentence.text;
    let mut preceding = text[..word.start].split_whitespace().rev();
    let before = preceding.next().unwrap_or("").to_lowercase();
    // Cues of two words: "town of", "municipio de".
    let two_before = preceding
        .next()
        .map(|w| format!("{} {before}", w.to_lowercase()));
    let after = text[run_last.end..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    // "at Hiller's hearing": the preposition's object is what the owner has.
    let owner = opens_with_possessive(&text[run_last.end..]);
    let cue =
        |w: &str| PLACE_CUES.name_before.contains(w) || !several && PLACE_CUES.before.contains(w);
    !owner && (cue(&before) || two_before.is_some_and(|t| cue(&t)))
        || PLACE_CUES.after.contains(after.as_str())
}

/// Whether the text right after a name makes it an owner ("'s", "’s"; tokenised text spaces the
/// ending off: "Hiller 's").
pub(crate) fn opens_with_possessive(after: &str) -> bool {
    let rest = after.strip_prefix(' ').unwrap_or(after);
    rest.starts_with("'s") || rest.starts_with("’s")
}

/// Capitalised words that are not names on their own: calendar words, time zones, bare adjectives.
fn is_not_a_name(word: &str) -> bool {
    parallax_core::calendar::month_from_name(word).is_some() && word.len() > 3
        || parallax_core::calendar::weekday_from_name(word).is_some()
        || NOT_NAMES.contains(word)
}

/// A word without the full stop of its abbreviation ("Ltd." is "Ltd").
fn bare(word: &str) -> &str {
    word.strip_suffix('.').unwrap_or(word)
}

/// The fewest letters of an acronym that opens an organisation's name.
const MIN_ACRONYM_LETTERS: usize = 3;

/// The kind a name's own words show, if they show one.
fn kind_of(words: &[&str], has_title: bool) -> Option<EntityKind> {
    let name = words.join(" ");
    if let Some(k) = known(&name) {
        return Some(k.kind);
    }
    // Foreign articles open newspaper and institution names ("El Mundo", "Le Monde").
    if words.iter().any(|w| ORG_WORDS.contains(bare(w)))
        || words.len() > 1 && NAME_ARTICLES.contains(words[0])
    {
        return Some(EntityKind::Organization);
    }
    // "la ministra Ana Puente": an office held by a name that opens with a given name is a
    // person's, whatever words of places the surname is ("Victoria Station" has no office).
    if has_title && words.len() > 1 && is_given_name(words[0]) {
        return Some(EntityKind::Person);
    }
    // A place's office is no place ("Dallas County Medical Examiner", "Orange County Sheriff").
    if words.iter().any(|w| PLACE_WORDS.contains(bare(w))) {
        let office = words.len() > 2 && words.last().is_some_and(|w| is_title_word(w));
        return Some(if office {
            EntityKind::Other
        } else {
            EntityKind::Place
        });
    }
    if words.iter().any(|w| OTHER_WORDS.contains(bare(w))) {
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
    // "BBC Drama Commissioning", "NHS England": an acronym opens an institution's name; initials
    // opening a person's are two letters ("JD Roundy").
    if words[0].chars().count() >= MIN_ACRONYM_LETTERS && words[0].chars().all(|c| c.is_uppercase())
    {
        return Some(EntityKind::Organization);
    }
    let name_like = words.len() <= MAX_PERSON_WORDS
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        });
    name_like.then_some(EntityKind::Person)
}

/// One spelling for each person whose full name the article writes in several ways: with and
/// without diacritics (the one with them, which an ASCII spelling only drops), and with and without
/// a middle name ("Ana Ruiz", "Ana María Ruiz": the longer, when the article gives only one middle
/// name for that first and last name; two different ones are two people).
fn person_spellings(candidates: &[Candidate]) -> HashMap<String, String> {
    let mut spellings: HashMap<String, String> = HashMap::new();
    let accents = |name: &str| name.chars().filter(|c| !c.is_ascii()).count();
    for c in candidates {
        if c.kind == Some(EntityKind::Person) && c.name.contains(' ') {
            let chosen = spellings
                .entry(fold_diacritics(&c.name))
                .or_insert_with(|| c.name.clone());
            if accents(&c.name) > accents(chosen) {
                *chosen = c.name.clone();
            }
        }
    }
    // First and last name -> the one middle part written between them, or None when several.
    let mut middles: HashMap<(String, String), Option<String>> = HashMap::new();
    for folded in spellings.keys() {
        let words: Vec<&str> = folded.split_whitespace().collect();
        if let [first, middle @ .., last] = words.as_slice() {
            if !middle.is_empty() {
                let entry = middles
                    .entry((first.to_string(), last.to_string()))
                    .or_insert_with(|| Some(middle.join(" ")));
                if entry.as_deref() != Some(middle.join(" ").as_str()) {
                    *entry = None;
                }
            }
        }
    }
    let mut longer: Vec<(String, String)> = Vec::new();
    for folded in spellings.keys() {
        if let [first, last] = folded.split_whitespace().collect::<Vec<_>>().as_slice() {
            if let Some(Some(middle)) = middles.get(&(first.to_string(), last.to_string())) {
                let full = format!("{first} {middle} {last}");
                if let Some(spelling) = spellings.get(&full) {
                    longer.push((folded.clone(), spelling.clone()));
                }
            }
        }
    }
    spellings.extend(longer);
    spellings
}

/// Settles kinds and full names across the article: one spelling per person, a lone surname (with
/// or without its diacritics) takes the full name used elsewhere, and a word that only ever opens
/// a sentence is not taken for a name.
fn settle(
    mut candidates: Vec<Candidate>,
    mid_sentence: &HashSet<String>,
    nouns_capitalised: bool,
) -> Vec<EntityMention> {
    if nouns_capitalised {
        // "Ein Polizeisprecher", "Schwere der Verletzungen": capitals make no person here; a
        // given name the data knows does, and so does a title before or after the name
        // ("Bürgermeisterin Anna Vogt", "Aylin Erciyas, Pressesprecherin der Polizei").
        let kept =
            |c: &Candidate| !c.by_shape || c.role_after || given_name_gender(&c.name).is_some();
        // "sagte Wendland der Zeitung": a surname with whom it was said to run into it is the
        // surname alone, which the person named in full then takes.
        let surnames: HashSet<String> = candidates
            .iter()
            .filter(|c| c.kind == Some(EntityKind::Person) && c.name.contains(' ') && kept(c))
            .filter_map(|c| c.name.split_whitespace().last())
            .map(fold_diacritics)
            .collect();
        for c in &mut candidates {
            if let [surname, article, ..] = c.name.split_whitespace().collect::<Vec<_>>()[..] {
                if GERMAN_ARTICLES.contains(article)
                    && surnames.contains(&fold_diacritics(surname))
                    && c.surface.starts_with(surname)
                {
                    c.end = c.start + surname.len();
                    c.surface = surname.to_string();
                    c.name = surname.to_string();
                    c.kind = None;
                    c.by_shape = false;
                }
            }
        }
        candidates.retain(kept);
        // "Angaben der Polizei", "Rettungskräfte der Feuerwehr": a noun with an organisation in
        // the genitive is no organisation's name ("Partei der Arbeit", "Bank der Länder" are).
        candidates
            .retain(|c| c.kind != Some(EntityKind::Organization) || !noun_of_organisation(&c.name));
        // "ein Sprecher der Stadt": a role with a place in the genitive is an office, no place.
        candidates.retain(|c| c.kind != Some(EntityKind::Place) || !role_of_a_place(&c.name));
    }
    let spellings = person_spellings(&candidates);
    for c in &mut candidates {
        if c.kind == Some(EntityKind::Person) {
            if let Some(spelling) = spellings.get(&fold_diacritics(&c.name)) {
                c.name.clone_from(spelling);
            }
        }
    }
    let mut by_last: HashMap<String, Option<String>> = HashMap::new();
    let mut by_first: HashMap<String, Option<String>> = HashMap::new();
    let mut titles: HashMap<String, String> = HashMap::new();
    for c in &candidates {
        if c.kind == Some(EntityKind::Person) {
            let parts: Vec<&str> = c.name.split_whitespace().collect();
            if let [first, .., last] = parts[..] {
                // "Jorge Suárez Torres" is "Suárez" too: the first of two surnames, where the
                // middle word is no given name nor an initial, of a name more than its shape
                // makes a person's ("Ordinary North Koreans" is not "North").
                let first_surname = match parts[..] {
                    _ if c.by_shape && !c.role_after && !opens_with_a_given_name(&c.name) => None,
                    [_, middle, _] if !middle.contains('.') && !is_given_name(middle) => {
                        Some(middle)
                    }
                    _ => None,
                };
                let keys = [
                    (true, Some(last)),
                    (false, Some(first)),
                    (true, first_surname),
                ];
                for (surname, part) in keys {
                    let Some(part) = part else { continue };
                    let map = if surname { &mut by_last } else { &mut by_first };
                    let entry = map
                        .entry(fold_diacritics(part))
                        .or_insert_with(|| Some(c.name.clone()));
                    if entry.as_deref() != Some(c.name.as_str()) {
                        *entry = None; // two people share the name: leave it ambiguous
                    }
                }
            }
            if let Some(t) = &c.title {
                titles.entry(c.name.clone()).or_insert_with(|| t.clone());
            }
        }
    }
    // A first name stands for its person only where the article shows a person behind it: the
    // full name has a title, or the word alone has one or speaks ("Mahathir said"). A name run
    // that is a person by its shape alone ("House Republicans") lends its first word to nobody.
    let person_like_alone: HashSet<String> = candidates
        .iter()
        .filter(|c| !c.name.contains(' ') && (c.title.is_some() || c.before_cue))
        .map(|c| fold_diacritics(&c.name))
        .collect();
    // A first name that names a relative somewhere in the article ("his son, Augusto") is not
    // read as the person named in full anywhere in it.
    let relatives: HashSet<String> = candidates
        .iter()
        .filter(|c| c.after_kin && !c.name.contains(' '))
        .map(|c| fold_diacritics(&c.name))
        .collect();
    by_first.retain(|first, full| {
        !relatives.contains(first)
            && full
                .as_ref()
                .is_some_and(|full| titles.contains_key(full) || person_like_alone.contains(first))
    });
    let persons: HashSet<String> = candidates
        .iter()
        .filter(|c| c.kind == Some(EntityKind::Person))
        .map(|c| c.name.clone())
        .collect();
    let mut out = Vec::new();
    for mut c in candidates {
        if c.role_word {
            match by_last.get(&fold_diacritics(&c.name)) {
                Some(Some(_)) => c.kind = Some(EntityKind::Person),
                _ => continue,
            }
        }
        if c.kind != Some(EntityKind::Person) && !c.name.contains(' ') && persons.contains(&c.name)
        {
            c.kind = Some(EntityKind::Person);
        }
        // A lone word is the surname of one person named in full, else the first name of one
        // whose first name is no one's surname ("Prime Minister Mahathir Mohamad" … "Mahathir").
        let full_name = if c.name.contains(' ') {
            None
        } else {
            let folded = fold_diacritics(&c.name);
            by_last.get(&folded).or_else(|| {
                by_first
                    .get(&folded)
                    .filter(|_| !by_last.contains_key(&folded))
            })
        };
        if c.place_by_cue && matches!(full_name, Some(Some(_))) {
            c.kind = None;
        }
        let (name, kind) = match (c.kind, full_name) {
            (Some(EntityKind::Person) | None, Some(Some(full))) => {
                (full.clone(), EntityKind::Person)
            }
            (Some(kind), _) => (c.name.clone(), kind),
            // A lone capitalised word names nothing of its own where every noun is capitalised.
            (None, _) if nouns_capitalised => continue,
            // "Pinochet's son, Augusto, said": the name a relative is given is a person's.
            (None, _) if c.after_kin => (c.name.clone(), EntityKind::Person),
            (None, _)
                if (c.before_cue || c.before_who && !is_letter_tag(&c.name))
                    && (!c.sentence_initial || mid_sentence.contains(&c.name)) =>
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

/// Whether a mention of a person's name shows that it is one, where the name's shape alone made it
/// a person's ("Kuala Lumpur", "Indiana Pacers", "Besides Ewing" are not): it has a title or role,
/// it is one word (the article calls the person by part of the name, or the words around a lone
/// name made it a person's), it speaks (`speaks`: it is a quotation's speaker), it opens with a
/// given name the data knows, the gazetteer knows it as a person's, or an age or a title in
/// apposition follows it in `text` ("Anna Berg, 45,", "Nwafor Brandt, porte-parole des …").
pub fn shows_a_person(e: &EntityMention, speaks: bool, text: &str) -> bool {
    e.title.is_some()
        || !e.name.contains(' ')
        || !e.surface.contains(' ')
        || speaks
        || opens_with_a_given_name(&e.name)
        || known(&e.name).is_some_and(|k| k.kind == EntityKind::Person)
        || text
            .get(e.end..)
            .is_some_and(|after| age_follows(after) || title_in_apposition(after))
}

/// Whether a word is a given name the data knows (`data/given_names.txt`,
/// `data/given_names_more.txt`).
fn is_given_name(word: &str) -> bool {
    GIVEN_NAMES.contains_key(word) || GIVEN_NAMES_MORE.contains(word)
}

/// Whether a word before the last of a name is a given name the data knows ("Trent Lott",
/// "Britons Peter Kennedy"), or a family name written first ("Liu Xiaobo").
fn opens_with_a_given_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words
        .split_last()
        .is_some_and(|(_, before)| before.iter().any(|w| is_given_name(w)))
}

/// Whether an age follows a name: ", 45," or " (45)".
fn age_follows(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix(", ")
        .or_else(|| after.strip_prefix(" ("))
    else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && matches!(rest.as_bytes().get(digits), Some(b',' | b')' | b' '))
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

    /// The people found in `text`, one line each: `surface -> name [title]`.
    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let people: Vec<String> = entities(text)
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| match &e.title {
                Some(t) => format!("{} -> {} [{t}]", e.surface, e.name),
                None => format!("{} -> {}", e.surface, e.name),
            })
            .collect();
        assert_eq!(people, expected, "{text:?}");
    }

    /// Every entity found in `text`, one line each: `surface -> name (kind)`.
    #[track_caller]
    fn check_all(text: &str, expected: &[&str]) {
        let found: Vec<String> = entities(text)
            .iter()
            .map(|e| format!("{} -> {} ({:?})", e.surface, e.name, e.kind))
            .collect();
        assert_eq!(found, expected, "{text:?}");
    }

    /// Whether each name the text makes a person's is shown to be one by the article itself
    /// (`expected`: name and whether it is; the name must be found as a person).
    #[track_caller]
    fn check_shown(text: &str, speaker: Option<&str>, expected: &[(&str, bool)]) {
        let es = entities(text);
        for (name, shown) in expected {
            let mentions: Vec<&EntityMention> = es
                .iter()
                .filter(|e| e.name == *name && e.kind == EntityKind::Person)
                .collect();
            assert!(!mentions.is_empty(), "{name} is no person in {es:?}");
            let any = mentions
                .iter()
                .any(|e| shows_a_person(e, speaker == Some(*name), text));
            assert_eq!(any, *shown, "{name} in {text:?}");
        }
    }

    #[test]
    fn what_a_person_is_in_the_story_is_a_title_and_an_airline_is_an_organisation() {
        check(
            "Passenger Elna Vartberg, 67, said she saw flames.",
            &["Elna Vartberg -> Elna Vartberg [Passenger]"],
        );
        check_all(
            "A Castor Air jet landed safely at noon.",
            &["Castor Air -> Castor Air (Organization)"],
        );
    }

    #[test]
    fn where_a_person_is_from_is_not_part_of_the_name() {
        check(
            "Trent Obuya of Mississippi spoke on Monday.",
            &["Trent Obuya -> Trent Obuya"],
        );
        check(
            "Nwafor Brandt of Amberley arrived. It was late when Brandt left.",
            &["Nwafor Brandt -> Nwafor Brandt", "Brandt -> Nwafor Brandt"],
        );
        // Nothing shows a person's name before "of": the run stays whole.
        check(
            "Delegates praised Okoro Vantage of Amberley warmly.",
            &["Okoro Vantage of Amberley -> Okoro Vantage of Amberley"],
        );
    }

    #[test]
    fn a_german_direction_before_von_is_no_part_of_the_place() {
        let german = |text: &str| -> Vec<String> {
            find_entities_in(&sentences_of(text), "de")
                .iter()
                .map(|e| format!("{} ({:?})", e.name, e.kind))
                .collect()
        };
        assert_eq!(
            german("Es brannte in einem Werk im Süden von Ludwigshafen."),
            ["Ludwigshafen (Place)"]
        );
        assert_eq!(
            german("Oberhalb des Dorfes rutschte ein Hang oberhalb von Raron ab."),
            ["Raron (Place)"]
        );
        // A name joined by "von" stays one name.
        assert_eq!(
            german("Das sagte Bürgermeisterin Ursula von Berg am Montag."),
            ["Ursula von Berg (Person)"]
        );
    }

    #[test]
    fn former_opening_a_sentence_is_no_part_of_a_place() {
        check_all(
            "Former Brantley County treasurer Gordon Pell was sentenced on Tuesday.",
            &[
                "Brantley County -> Brantley County (Place)",
                "Gordon Pell -> Gordon Pell (Person)",
            ],
        );
        let es = entities("Former Israeli Prime Minister Shimon Peres spoke on Tuesday.");
        assert_eq!(
            find(&es, "Shimon Peres").title.as_deref(),
            Some("Former Israeli Prime Minister")
        );
    }

    #[test]
    fn near_and_around_a_word_make_it_a_place() {
        check_all(
            "Un train a déraillé mardi près de Montbrison.",
            &["Montbrison -> Montbrison (Place)"],
        );
        check_all(
            "The storm hit the coast north of Brisbane.",
            &["Brisbane -> Brisbane (Place)"],
        );
        check_all(
            "El tren descarriló cerca de Albacete.",
            &["Albacete -> Albacete (Place)"],
        );
        check_all(
            "Floods hit the outskirts of Velmar overnight.",
            &["Velmar -> Velmar (Place)"],
        );
    }

    #[test]
    fn a_german_role_of_a_place_and_a_noun_after_in_der_are_no_places() {
        let german = |text: &str| -> Vec<String> {
            find_entities_in(&sentences_of(text), "de")
                .iter()
                .map(|e| format!("{} ({:?})", e.name, e.kind))
                .collect()
        };
        assert!(german("Das sagte ein Sprecher der Stadt am Abend.").is_empty());
        assert!(german("In der Halle lagerte vor allem Granulat.").is_empty());
    }

    #[test]
    fn german_articles_after_a_role_or_a_name_open_no_name() {
        // A role's genitive is an office, not a person's name.
        check_all(
            "Das bestätigte ein Sprecher des Polizeipräsidiums Ulm.",
            &[],
        );
        check(
            "Das sagte Jonas Rieger, Sprecher des Kreisverbandes im Allgäu.",
            &["Jonas Rieger -> Jonas Rieger"],
        );
        let german = |text: &str| -> Vec<String> {
            find_entities_in(&sentences_of(text), "de")
                .iter()
                .map(|e| format!("{} -> {} ({:?})", e.surface, e.name, e.kind))
                .collect()
        };
        // A preposition run into its article opens no name: "Im Kreis Brakenfeld".
        assert_eq!(
            german("Im Kreis Brakenfeld fällt der Unterricht aus."),
            ["Kreis Brakenfeld -> Kreis Brakenfeld (Place)"]
        );
        // Whom it was said to, run into a surname, leaves the surname.
        assert_eq!(
            german("Verbandspräsident Klaus-Dieter Wendland sprach am Montag. Das sagte Wendland der Zeitung."),
            [
                "Klaus-Dieter Wendland -> Klaus-Dieter Wendland (Person)",
                "Wendland -> Klaus-Dieter Wendland (Person)",
            ]
        );
        // Set phrases after "in" name no place.
        assert!(german("Die Helfer arbeiteten in Ruhe, aber in Gefahr.").is_empty());
        // Professions are titles too.
        assert_eq!(
            german("„Das wird der Wirtschaft schaden“, warnte der Ökonom Raj Patel."),
            ["Raj Patel -> Raj Patel (Person)"]
        );
        // Whom a titled person said it to is no part of the name.
        assert_eq!(
            german("„Niemand will das“, sagte Büroleiterin Lena Ortiz der Zeitung."),
            ["Lena Ortiz -> Lena Ortiz (Person)"]
        );
        // A compound title, with or without its article, is no part of the name.
        assert_eq!(
            german(
                "Der Staatsrat Beat Ruppen kündigte Hilfe an. Kantonsgeologe Markus Imhof warnte."
            ),
            [
                "Beat Ruppen -> Beat Ruppen (Person)",
                "Markus Imhof -> Markus Imhof (Person)"
            ]
        );
        let titles: Vec<Option<String>> = find_entities_in(
            &sentences_of("Der Staatsrat Beat Ruppen kündigte Hilfe an."),
            "de",
        )
        .into_iter()
        .map(|e| e.title)
        .collect();
        assert_eq!(titles, [Some("Staatsrat".to_string())]);
        // A role and "von" with one word: the office of a place, and nobody's name.
        assert!(
            german("Das sagte die Gemeindepräsidentin von Raron am Morgen.")
                .iter()
                .all(|e| !e.ends_with("(Person)"))
        );
    }

    #[test]
    fn the_first_of_two_surnames_alone_is_the_person() {
        check(
            "Deputy chief Julián Cortés Mena spoke first. It was late when Cortés left.",
            &[
                "Julián Cortés Mena -> Julián Cortés Mena [Deputy chief]",
                "Cortés -> Julián Cortés Mena [Deputy chief]",
            ],
        );
        // Named with a role in apposition rather than a title before.
        check(
            "Julián Cortés Mena, deputy chief of the service, spoke first. It was late when Cortés left.",
            &["Julián Cortés Mena -> Julián Cortés Mena", "Cortés -> Julián Cortés Mena"],
        );
    }

    #[test]
    fn what_shows_that_a_name_is_a_persons() {
        // Only the shape of the name: not shown.
        check_shown(
            "Delegates praised Kuala Lumpur warmly.",
            None,
            &[("Kuala Lumpur", false)],
        );
        check_shown(
            "Besides Okonjo, Nwafor Brandt came.",
            None,
            &[("Nwafor Brandt", false)],
        );
        // A title, a surname used alone, speech, a given name, an age.
        check_shown(
            "Coach Nwafor Brandt came.",
            None,
            &[("Nwafor Brandt", true)],
        );
        check_shown(
            "Nwafor Brandt came. Brandt left.",
            None,
            &[("Nwafor Brandt", true)],
        );
        check_shown(
            "Nwafor Brandt came.",
            Some("Nwafor Brandt"),
            &[("Nwafor Brandt", true)],
        );
        check_shown("Then Trent Obuya came.", None, &[("Trent Obuya", true)]);
        check_shown("Then Liu Xiaodan came.", None, &[("Liu Xiaodan", true)]);
        check_shown(
            "Then Nwafor Brandt, 45, came.",
            None,
            &[("Nwafor Brandt", true)],
        );
        check_shown(
            "Then Nwafor Brandt (45) came.",
            None,
            &[("Nwafor Brandt", true)],
        );
        check_shown(
            "Then Nwafor Brandt, 4500 km away, came.",
            None,
            &[("Nwafor Brandt", false)],
        );
    }

    #[test]
    fn a_weekday_after_a_name_is_not_part_of_it() {
        check_all(
            "Rescuers searched the rubble in Mexico City Wednesday as the toll rose.",
            &["Mexico City -> Mexico City (Place)"],
        );
        check_all(
            "Officials met Anna Berg Thursday in the capital.",
            &["Anna Berg -> Anna Berg (Person)"],
        );
        check_all(
            "Supporters of Monday's vote gathered in Vienna.",
            &["Vienna -> Vienna (Place)"],
        );
        check_all(
            "Shops opened early on Black Friday across the region.",
            &["Black Friday -> Black Friday (Other)"],
        );
    }

    #[test]
    fn organisations_and_places_of_three_more_languages() {
        check_all(
            "Los alumnos del Colegio Enrique Soto salieron a la Plaza Colón.",
            &[
                "Colegio Enrique Soto -> Colegio Enrique Soto (Organization)",
                "Plaza Colón -> Plaza Colón (Place)",
            ],
        );
        check_all(
            "Les élèves du Lycée Jean Morel ont rejoint la Rue Lamarck.",
            &[
                "Lycée Jean Morel -> Lycée Jean Morel (Organization)",
                "Rue Lamarck -> Rue Lamarck (Place)",
            ],
        );
        check_all(
            "Kinder aus der Schule Anna Weber liefen zum Flughafen Tegel.",
            &[
                "Schule Anna Weber -> Schule Anna Weber (Organization)",
                "Flughafen Tegel -> Flughafen Tegel (Place)",
            ],
        );
    }

    #[test]
    fn a_name_after_a_preposition_is_not_the_subject_of_the_verb_after_it() {
        check_all(
            "A spokeswoman for the town of Addison said the road was closed.",
            &["Addison -> Addison (Place)"],
        );
        check_all(
            "A spokeswoman for the family of Brannock said nothing more.",
            &["Brannock -> Brannock (Other)"],
        );
    }

    #[test]
    fn an_owner_after_a_preposition_is_no_place() {
        check_all(
            "Tomas Berg was charged. In Berg's case, the court waited.",
            &[
                "Tomas Berg -> Tomas Berg (Person)",
                "Berg -> Tomas Berg (Person)",
            ],
        );
    }

    #[test]
    fn cues_of_two_words_make_places() {
        check_all(
            "Vivía en la comunidad de Paraje Montero, del municipio de Malinaltepec.",
            &[
                "Paraje Montero -> Paraje Montero (Place)",
                "Malinaltepec -> Malinaltepec (Place)",
            ],
        );
    }

    #[test]
    fn a_title_is_split_off_only_before_a_name() {
        check_all(
            "Autoridades de la Fiscalía General del Estado no han confirmado el deceso.",
            &["Fiscalía General del Estado -> Fiscalía General del Estado (Organization)"],
        );
        check(
            "Secretary of State Madeleine Brooke spoke first.",
            &["Madeleine Brooke -> Madeleine Brooke [Secretary of State]"],
        );
        check("Mr. de Vries spoke first.", &["de Vries -> de Vries [Mr.]"]);
        check_all("The Governor of Qeshm island visited.", &[]);
    }

    #[test]
    fn a_place_s_office_is_no_place() {
        check_all(
            "The Dallas County Medical Examiner confirmed the deaths.",
            &[],
        );
        check_all(
            "Crowds filled Madison Square Garden.",
            &["Madison Square Garden -> Madison Square Garden (Place)"],
        );
        check_all(
            "The plane hit a hangar at Addison Municipal Airport.",
            &["Addison Municipal Airport -> Addison Municipal Airport (Place)"],
        );
    }

    #[test]
    fn a_capital_opening_a_sentence_inside_a_quotation_is_no_name() {
        check_all("“It was loud. They're coming back,” a witness said.", &[]);
        check_all(
            "« Il a dit ’non’. Les pompiers restent », a dit un témoin.",
            &[],
        );
        check_all(
            "The pilot, Gen. Harlow, landed first.",
            &["Harlow -> Harlow (Person)"],
        );
    }

    #[test]
    fn a_capital_after_a_straight_or_typewriter_opening_quote_is_no_name() {
        for text in [
            "The mayor spoke. \"Finally we know,\" she said.",
            "The mayor spoke. ``Finally we know,'' she said.",
            "The mayor spoke. ‘Finally we know,’ she said.",
            "The mayor spoke. « Finally we know », she said.",
        ] {
            check_all(text, &[]);
        }
    }

    #[test]
    fn an_article_and_a_number_are_no_name() {
        check_all("Las 25 familias fueron evacuadas.", &[]);
    }

    #[test]
    fn a_known_name_in_capitals_is_known() {
        check_all(
            "The quake was felt in MEXICO CITY and beyond.",
            &["MEXICO CITY -> Mexico City (Place)"],
        );
    }

    #[test]
    fn one_person_with_and_without_diacritics() {
        check(
            "Mayor José Pérez opened the bridge. On Tuesday, Jose Perez said the port would reopen.",
            &[
                "José Pérez -> José Pérez [Mayor]",
                "Jose Perez -> José Pérez [Mayor]",
            ],
        );
    }

    #[test]
    fn a_surname_alone_with_or_without_diacritics_is_the_full_name() {
        check(
            "Officials named Lena Sørensen as the new harbour chief. Sorensen starts in May.",
            &[
                "Lena Sørensen -> Lena Sørensen",
                "Sorensen -> Lena Sørensen",
            ],
        );
    }

    #[test]
    fn a_first_name_alone_is_the_one_person_it_opens() {
        check(
            "Prime Minister Rahmat Salleh opened the bridge. Critics said Rahmat spent too much. \
             The letter went to Rahmat on Friday.",
            &[
                "Rahmat Salleh -> Rahmat Salleh [Prime Minister]",
                "Rahmat -> Rahmat Salleh [Prime Minister]",
                "Rahmat -> Rahmat Salleh [Prime Minister]",
            ],
        );
        // Without a title, the word alone must speak or bear a title.
        check(
            "Rahmat Salleh opened the bridge. Rahmat said it cost too much.",
            &["Rahmat Salleh -> Rahmat Salleh", "Rahmat -> Rahmat Salleh"],
        );
        check(
            "Tellan Vosk met on Monday. The vote in Tellan was close.",
            &["Tellan Vosk -> Tellan Vosk"],
        );
        // Two people open with it: nobody.
        check(
            "Rahmat Salleh met Rahmat Osman. Critics said Rahmat spent too much.",
            &[
                "Rahmat Salleh -> Rahmat Salleh",
                "Rahmat Osman -> Rahmat Osman",
            ],
        );
        // A relative of that first name: a person of their own, never the one it opens.
        check(
            "Prime Minister Rahmat Salleh was away. His son, Rahmat, said the family was proud.",
            &[
                "Rahmat Salleh -> Rahmat Salleh [Prime Minister]",
                "Rahmat -> Rahmat [son]",
            ],
        );
        check(
            "The singer's daughter, Leontyne, was in the audience.",
            &["Leontyne -> Leontyne [daughter]"],
        );
        // Someone's surname first: the surname's owner.
        check(
            "Karim Lee met Tom Karim. Critics said Karim spent too much.",
            &[
                "Karim Lee -> Karim Lee",
                "Tom Karim -> Tom Karim",
                "Karim -> Tom Karim",
            ],
        );
    }

    #[test]
    fn a_name_with_and_without_its_middle_name_is_one_person() {
        check(
            "Ana María Ruiz led the vote. Ana Ruiz said it passed. Ruiz left.",
            &[
                "Ana María Ruiz -> Ana María Ruiz",
                "Ana Ruiz -> Ana María Ruiz",
                "Ruiz -> Ana María Ruiz",
            ],
        );
        // Two middle names for one first and last name: two people, and the surname stays open.
        check(
            "George H. Walker met George T. Walker. Walker spoke.",
            &[
                "George H. Walker -> George H. Walker",
                "George T. Walker -> George T. Walker",
            ],
        );
    }

    #[test]
    fn a_title_with_a_surname_is_the_person_named_in_full() {
        check(
            "Minister Hanna Kowalczyk visited the quay. Later, Minister Kowalczyk spoke to crews.",
            &[
                "Hanna Kowalczyk -> Hanna Kowalczyk [Minister]",
                "Kowalczyk -> Hanna Kowalczyk [Minister]",
            ],
        );
    }

    #[test]
    fn tokenised_text_spaces_out_hyphens_initials_and_abbreviations() {
        check(
            "Officials said Dominique Strauss - Kahn would speak . Later , Strauss - Kahn left .",
            &[
                "Dominique Strauss-Kahn -> Dominique Strauss-Kahn",
                "Strauss-Kahn -> Dominique Strauss-Kahn",
            ],
        );
        check(
            "Police named Mr . Ivo Brand and Anna J . Vogt as the drivers .",
            &[
                "Ivo Brand -> Ivo Brand [Mr.]",
                "Anna J. Vogt -> Anna J. Vogt",
            ],
        );
        // A spaced hyphen between two names is no hyphenated name.
        check(
            "Result : Ivo Brand - Tomas Berg Lind , in four rounds .",
            &[
                "Ivo Brand -> Ivo Brand",
                "Tomas Berg Lind -> Tomas Berg Lind",
            ],
        );
    }

    #[test]
    fn an_acronym_opens_an_organisation_not_a_person() {
        check(
            "Ivo Brand, Controller, VHF Drama Commissioning says the cast is set. JD Roundy agreed.",
            &["Ivo Brand -> Ivo Brand", "JD Roundy -> JD Roundy"],
        );
    }

    #[test]
    fn places_and_things_of_two_words_are_no_people() {
        check(
            "In Suka Lemba village a landslide hit , said Ivo Brand of Fort Velmar . A Texas Ranger came .",
            &["Ivo Brand -> Ivo Brand"],
        );
    }

    #[test]
    fn a_surname_that_is_a_role_word_is_a_name_only_after_the_full_name() {
        check(
            "Officials said Tony Bishop would lead . Later , Bishop said the port would reopen .",
            &["Tony Bishop -> Tony Bishop", "Bishop -> Tony Bishop"],
        );
        check("Later , Bishop said the port would reopen .", &[]);
        // After a determiner the word is the role: "the new Bishop" is nobody's surname.
        check(
            "Officials said Tony Bishop would lead . Later , the new Bishop said the port would reopen .",
            &["Tony Bishop -> Tony Bishop"],
        );
        // Punctuation between: the surname alone again.
        check(
            "Officials said Tony Bishop would lead . “ We want to get it right and not let money be the factor , ” Bishop said .",
            &["Tony Bishop -> Tony Bishop", "Bishop -> Tony Bishop"],
        );
    }

    #[test]
    fn a_participle_opening_a_sentence_is_not_part_of_the_name() {
        check(
            "Citing Nwafor Brandt, the paper said the talks failed. It was late when Nwafor Brandt left.",
            &["Nwafor Brandt -> Nwafor Brandt", "Nwafor Brandt -> Nwafor Brandt"],
        );
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_not_part_of_the_name() {
        check(
            "Witnesses Tomas Berg and Ada Lind saw the blaze. The witnesses waited.",
            &["Tomas Berg -> Tomas Berg", "Ada Lind -> Ada Lind"],
        );
    }

    #[test]
    fn a_sentence_opener_the_article_also_uses_as_a_name_stays_in_it() {
        check(
            "Mark Brown said the mark was small. Officials thanked Mark Brown.",
            &["Mark Brown -> Mark Brown", "Mark Brown -> Mark Brown"],
        );
    }

    #[test]
    fn two_capitalised_common_words_may_still_be_a_name() {
        check(
            "Officials said Rose Hill would lead. Prices rose near the hill.",
            &["Rose Hill -> Rose Hill"],
        );
    }

    #[test]
    fn headline_fragments_are_not_people() {
        check(
            "Read more: Storm Floods Coastal Roads. A storm floods coastal roads every winter.",
            &[],
        );
    }

    #[test]
    fn a_lone_word_opening_a_sentence_is_not_a_person() {
        check("Firefighters said the fire was out. Rain helped.", &[]);
    }

    #[test]
    fn french_title_and_opener() {
        check(
            "Le président Marc Lefèvre a visité le port. Selon Marc Lefevre, les dégâts sont limités.",
            &[
                "Marc Lefèvre -> Marc Lefèvre [président]",
                "Marc Lefevre -> Marc Lefèvre [président]",
            ],
        );
    }

    #[test]
    fn german_capitalised_nouns_are_no_names() {
        let found = |text: &str| -> Vec<String> {
            find_entities_in(&sentences_of(text), "de")
                .iter()
                .map(|e| format!("{} ({:?})", e.name, e.kind))
                .collect()
        };
        assert_eq!(
            found("Ein Feuerwehrmann wurde in Sömmerda verletzt. Schwere der Verletzungen blieb unklar. Die Garage stand leer. Er fiel vom Dach der Garage."),
            ["Sömmerda (Place)"]
        );
        assert_eq!(
            found("Die Polizei bittet Zeugen, sich in Sömmerda zu melden."),
            ["Sömmerda (Place)"]
        );
        assert_eq!(
            found("Laut den ersten Angaben der Polizei kam der Bus von der Straße ab. Am Montag tagte die Partei der Arbeit in Bern."),
            ["Partei der Arbeit (Organization)", "Bern (Place)"]
        );
        assert_eq!(
            found("Bürgermeisterin Anna Vogt besuchte den Hafen. Laut Vogt gehen die Arbeiten weiter. Klaus Berger sagte, der Hafen bleibe offen."),
            ["Anna Vogt (Person)", "Anna Vogt (Person)", "Klaus Berger (Person)"]
        );
        // A name the data does not know is a person with a title in apposition, and only then.
        assert_eq!(
            found("Das sagte Tülay Ercan, Pressesprecherin der Polizei. Grüne Wiesen, Bäume und Felder."),
            ["Tülay Ercan (Person)"]
        );
        assert_eq!(
            found("Das sagte Tülay Ercan am Montag."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn german_compound_titles_are_split_from_names() {
        let es = find_entities_in(
            &sentences_of("Der Unfall erschütterte die Region. Deutschlands Bahnchef Richard Lutz rang um Fassung. Laut Kreisbrandmeisterin Charlotte Ziller starben drei Menschen."),
            "de",
        );
        let lutz = find(&es, "Richard Lutz");
        assert_eq!(lutz.title.as_deref(), Some("Deutschlands Bahnchef"));
        let ziller = find(&es, "Charlotte Ziller");
        assert_eq!(ziller.title.as_deref(), Some("Kreisbrandmeisterin"));
        let es = find_entities_in(
            &sentences_of("Das erklärte Bahnvorstand Martin Seidel am Montag."),
            "de",
        );
        assert_eq!(
            find(&es, "Martin Seidel").title.as_deref(),
            Some("Bahnvorstand")
        );
        // Alone, such a word may be a surname.
        let es = entities("Gary Hofmeister met voters on Sunday. Hofmeister tried his best.");
        assert_eq!(find(&es, "Hofmeister").name, "Gary Hofmeister");
    }

    #[test]
    fn german_title_opener_and_capitalised_nouns() {
        check(
            "Bürgermeisterin Anna Vogt besuchte am Montag den Hafen. Laut Vogt gehen die Arbeiten weiter.",
            &[
                "Anna Vogt -> Anna Vogt [Bürgermeisterin]",
                "Vogt -> Anna Vogt [Bürgermeisterin]",
            ],
        );
    }

    #[test]
    fn spanish_title_and_opener() {
        check(
            "El alcalde Pedro Ruiz visitó el puerto. Según Ruiz, los daños son leves.",
            &[
                "Pedro Ruiz -> Pedro Ruiz [alcalde]",
                "Ruiz -> Pedro Ruiz [alcalde]",
            ],
        );
    }

    #[test]
    fn a_long_run_of_repeated_names_is_read_in_linear_time() {
        // Quadratic look-backs took seconds on this; linear ones take milliseconds.
        // One long sentence, built directly: the test is of entities, not of sentence splitting.
        let sentence = |text: String| Sentence {
            text,
            start: 0,
            paragraph: 0,
            words: Vec::new(),
            stems: Vec::new(),
            terms: Vec::new(),
        };
        let found = find_entities(&[sentence("Smith, ".repeat(20_000))]);
        assert!(found.len() <= 20_000);
        let found = find_entities(&[sentence("minister Smith ".repeat(20_000))]);
        assert!(found.iter().all(|e| e
            .title
            .as_deref()
            .is_none_or(|t| t.split(' ').count() <= MAX_TITLE_WORDS_BEFORE)));
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
    fn an_office_and_its_portfolio_before_a_name_are_its_title() {
        check(
            "Le ministre des Transports Julien Carrel est attendu vendredi.",
            &["Julien Carrel -> Julien Carrel [ministre des Transports]"],
        );
        check(
            "Le ministre de l'Intérieur Bruno Vallet a annoncé une enquête.",
            &["Bruno Vallet -> Bruno Vallet [ministre de l'Intérieur]"],
        );
        check(
            "El ministro de Transportes Óscar Puente viajó a la zona. La ministra Ana Puente llegó.",
            &[
                "Óscar Puente -> Óscar Puente [ministro de Transportes]",
                "Ana Puente -> Ana Puente [ministra]",
            ],
        );
        // One who speaks for another: the name may be the other's.
        check(
            "A spokesman for Governor Brian Kemp said the roads were closed.",
            &["Brian Kemp -> Brian Kemp [Governor]"],
        );
        check(
            "Le maire a salué les pompiers. Le président de la région Auvergne Laurent Vautrin a réagi.",
            &["Laurent Vautrin -> Laurent Vautrin [président de la région Auvergne]"],
        );
        // A person before the joining word: what follows is where they serve.
        for text in [
            "Col. Robert Cabana of the Marine Corps flew the shuttle.",
            "Col. Cabana of the Marine Corps flew the shuttle.",
        ] {
            assert_eq!(find(&entities(text), "Marine Corps").title, None, "{text}");
        }
        // No office before the name: nothing is cut.
        check(
            "Hier, les habitants de Vernanges Paul Ferrand et Anne Vidal ont voté.",
            &[
                "Vernanges Paul Ferrand -> Vernanges Paul Ferrand",
                "Anne Vidal -> Anne Vidal",
            ],
        );
    }

    #[test]
    fn a_title_set_off_by_a_comma_before_a_name_is_its_title() {
        check(
            "« C'est du jamais vu », a déclaré le maire de Sommières, Pierre Vidal, qui a ouvert le gymnase.",
            &["Pierre Vidal -> Pierre Vidal [maire de Sommières]"],
        );
        check(
            "Its chief executive, Ruth Caldwell, declined to comment.",
            &["Ruth Caldwell -> Ruth Caldwell [chief executive]"],
        );
        check(
            "Plus de 300 personnes ont été évacuées, selon le préfet, Arnaud Delmas.",
            &["Arnaud Delmas -> Arnaud Delmas [préfet]"],
        );
        // The name opens a clause of its own, or no role stands before the comma.
        check(
            "Selon le maire, Pierre Martin a été arrêté mardi.",
            &["Pierre Martin -> Pierre Martin"],
        );
        check(
            "After the storm, Pierre Martin, a farmer, counted the losses.",
            &["Pierre Martin -> Pierre Martin"],
        );
    }

    #[test]
    fn an_affiliation_run_into_a_name_is_split_from_it() {
        let es = entities("A spokesman of Northern Railway Anil Mehta said the line was closed. Trains will run again on Friday, said Mehta.");
        let mehta = find(&es, "Anil Mehta");
        assert_eq!(mehta.kind, EntityKind::Person);
        assert_eq!(mehta.title.as_deref(), Some("Northern Railway"));
        // Without the surname used alone, the run stays as it is.
        let es = entities("A spokesman of Northern Railway Anil Mehta said the line was closed.");
        assert!(es.iter().all(|e| e.surface != "Anil Mehta"));
        // An acronym before a given name is the person's affiliation.
        let es = entities("« On nous a menti », a affirmé la déléguée CGT Sandrine Lefort.");
        let lefort = find(&es, "Sandrine Lefort");
        assert_eq!(lefort.kind, EntityKind::Person);
        assert_eq!(lefort.title.as_deref(), Some("CGT"));
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

    #[test]
    fn a_lone_name_before_a_who_clause_is_a_person() {
        check(
            "The show also featured an interview with Hale, who praised the new chief.",
            &["Hale -> Hale"],
        );
        // A party and state tag before "who" is no name.
        check(
            "The bill was written by Rep. Jo Kell, D-Ohio, who chairs the panel.",
            &["Jo Kell -> Jo Kell [Rep.]"],
        );
        // "which" stands for things.
        check_all(
            "The deal was made with Brixo, which builds pumps.",
            &["Brixo -> Brixo (Other)"],
        );
    }
}
