//! Who a pronoun or a description stands for: the nearest compatible person (gender where the
//! text shows it), the subject of speech first; nobody when the text does not settle it.

use foldhash::{HashMap, HashMapExt};

use parallax_core::{EntityKind, EntityMention, Sentence, Speaker};

use super::grammar::{floor, is_article};
use super::words::{
    given_name_gender, is_definite_article, is_role, is_speech_verb, pronoun, words, words_lazily,
    Gender, COMPLEMENTIZERS, FEMALE_PRONOUNS, FEMALE_TITLES, INDEFINITE_ARTICLES, MALE_PRONOUNS,
    MALE_TITLES, PREPOSITIONS, RELATIVE_WORDS,
};

/// How many sentences back a pronoun looks for its antecedent.
const LOOK_BACK: usize = 4;
/// Words before a name that can still be the sentence's subject ("Out-going Doctor X").
const SUBJECT_LEAD_WORDS: usize = 4;
/// Bytes of a sentence's opening read for its subject's role word: its first words fit in them.
const SUBJECT_LEAD_BYTES: usize = 120;
/// Distinct people of one sentence a pronoun weighs before it counts as ambiguous.
const MAX_CANDIDATES: usize = 8;

/// People named outside quotes, by sentence, and what the text shows of their gender.
pub struct People {
    /// Indices of person mentions outside quotes, per sentence.
    by_sentence: Vec<Vec<usize>>,
    /// Where a surname that people of the article share stands alone, per sentence: a person
    /// the text does not settle.
    unsettled: Vec<Vec<usize>>,
    /// Genders shown by titles and pronouns.
    pub genders: HashMap<String, Gender>,
    /// Names that were the subject of speech in each sentence.
    pub spoke: HashMap<usize, Vec<String>>,
    /// The person the article is about, by gender (an entity index): see `subject_of_article`.
    article_subjects: HashMap<Gender, usize>,
    /// Where each sentence starts in the text.
    sentence_starts: Vec<usize>,
    /// Per sentence, whether a role word stands among its first words ("Transportation officials,
    /// however, were quick to …"): when it names nobody, a pronoun after it may be one of them.
    role_subject: Vec<bool>,
}

impl People {
    /// Indexes the people of an article.
    pub fn new(
        sentences: &[Sentence],
        entities: &[EntityMention],
        quoted: &[bool],
        masked: &str,
    ) -> Self {
        let mut by_sentence = vec![Vec::new(); sentences.len()];
        for (i, e) in entities.iter().enumerate() {
            if e.kind == EntityKind::Person && !quoted.get(i).copied().unwrap_or(true) {
                if let Some(list) = by_sentence.get_mut(e.sentence) {
                    list.push(i);
                }
            }
        }
        // A lone word left no one's name though people of the article bear it as their surname
        // ("Gomes" with Gary and Catherine Gomes): someone is named whom the text does not settle.
        let surnames: foldhash::HashSet<&str> = entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .filter_map(|e| e.name.rsplit(' ').next().filter(|_| e.name.contains(' ')))
            .collect();
        let mut unsettled = vec![Vec::new(); sentences.len()];
        for (i, e) in entities.iter().enumerate() {
            if e.kind != EntityKind::Person
                && !e.name.contains(' ')
                && surnames.contains(e.name.as_str())
                && !quoted.get(i).copied().unwrap_or(true)
            {
                if let Some(list) = unsettled.get_mut(e.sentence) {
                    list.push(e.start);
                }
            }
        }
        let genders = learn_genders(sentences, entities, &by_sentence, masked);
        let mut people = Self {
            by_sentence,
            unsettled,
            genders,
            spoke: HashMap::new(),
            article_subjects: HashMap::new(),
            sentence_starts: sentences.iter().map(|s| s.start).collect(),
            role_subject: sentences
                .iter()
                .map(|s| {
                    // The opening is enough for its first words: the rest is not read.
                    let end = s.start + s.text.len().min(SUBJECT_LEAD_BYTES);
                    let lead = masked
                        .get(floor(masked, s.start)..floor(masked, end))
                        .unwrap_or("");
                    words_lazily(lead)
                        .take(SUBJECT_LEAD_WORDS)
                        .any(|w| is_role(w.text))
                })
                .collect(),
        };
        for g in [Gender::Male, Gender::Female] {
            if let Some(i) = people.subject_of_article(g, entities) {
                people.article_subjects.insert(g, i);
            }
        }
        people
    }

    fn fits(&self, name: &str, wanted: Gender) -> bool {
        self.genders.get(name).is_none_or(|g| *g == wanted)
    }

    /// The person a pronoun at byte `at` of sentence `si` stands for.
    pub fn resolve(
        &self,
        gender: Gender,
        si: usize,
        at: usize,
        entities: &[EntityMention],
        last_speaker: Option<&Speaker>,
        masked: &str,
    ) -> Option<Speaker> {
        if gender == Gender::Plural {
            return None;
        }
        for back in 0..=LOOK_BACK {
            let Some(s) = si.checked_sub(back) else {
                break;
            };
            // Someone named by a surname that several people share comes first: who the pronoun
            // stands for is not settled.
            if self
                .unsettled
                .get(s)
                .into_iter()
                .flatten()
                .any(|&start| back > 0 || start < at)
            {
                return None;
            }
            let mut names: Vec<&EntityMention> = Vec::new();
            for &i in self.by_sentence.get(s).into_iter().flatten() {
                let Some(e) = entities.get(i) else { continue };
                if (back > 0 || e.end <= at)
                    && self.fits(&e.name, gender)
                    && !names.iter().any(|n| n.name == e.name)
                {
                    names.push(e);
                    // Beyond a few people the pronoun is ambiguous anyway; the cap bounds cost.
                    if names.len() > MAX_CANDIDATES {
                        break;
                    }
                }
            }
            match names.as_slice() {
                // People named only by their role come between: "he" may be one of them.
                [] if back > 0
                    && self.role_subject.get(s).copied().unwrap_or(false)
                    && self.by_sentence.get(s).is_none_or(Vec::is_empty) =>
                {
                    return None
                }
                [] => continue,
                // "In Clinton's case, he said": the owner may be what "he" stands for, or the
                // subject of the sentences before may still be speaking. Only when they are one
                // person does the text settle it. So with a name after a preposition in the
                // pronoun's own sentence ("Standing beside Ewing, he said").
                [one]
                    if possessive(one, masked)
                        || back == 0 && self.after_preposition(one, masked) =>
                {
                    let earlier = self.subjects_before(gender, s, entities, masked);
                    return earlier.iter().all(|n| *n == one.name).then(|| person(one));
                }
                // "At 55, he is the same age as X": that sentence goes on about whom its own
                // pronoun stands for, and the name it brings in is no antecedent of a later one.
                [one] if back > 0 && self.pronoun_before(gender, one, masked) => continue,
                [one] => return Some(person(one)),
                several => {
                    // Two or more people: the one who spoke there, else the last speaker if among
                    // them, else nobody.
                    let spoke: Vec<&&EntityMention> =
                        several.iter().filter(|e| self.spoke_in(s, e)).collect();
                    if let [one] = spoke.as_slice() {
                        return Some(person(one));
                    }
                    // Nearest subject first: a name after a preposition ("to X", "about X") is
                    // no subject, nor the owner of a role ("X's chief operating officer, Y,
                    // praised …"; but "X's answer …, he said" is X's), nor a name within a
                    // relative clause ("with X, who endorsed Y"); one name left that is none of
                    // these is the antecedent.
                    let subjects: Vec<&&EntityMention> = several
                        .iter()
                        .filter(|e| {
                            !self.after_preposition(e, masked)
                                && !owns_a_role(e, masked)
                                && !in_relative_clause(e, masked)
                        })
                        .collect();
                    let distinct: Vec<&str> = subjects.iter().map(|e| e.name.as_str()).collect();
                    if let [one] = subjects.as_slice() {
                        if distinct.len() == 1 {
                            return Some(person(one));
                        }
                    }
                    // The sentence's own subject, named among its first words, before anyone
                    // it mentions later ("X welcomed Y's casting. “…,” he said" is X's).
                    let openers: Vec<&EntityMention> = subjects
                        .iter()
                        .map(|e| **e)
                        .filter(|e| self.opens_sentence(e, masked))
                        .collect();
                    if let [one] = openers.as_slice() {
                        return Some(person(one));
                    }
                    return last_speaker
                        .filter(|l| several.iter().any(|e| e.name == l.name))
                        .cloned();
                }
            }
        }
        // The last speaker goes on only when no one else of the pronoun's gender has been named
        // since they spoke ("…, said prison spokesman X. [four sentences about Y] … he said").
        last_speaker
            .filter(|l| l.named && self.fits(&l.name, gender))
            .filter(|l| !self.other_named_since(l, gender, si, entities))
            .cloned()
            .or_else(|| {
                let i = self.article_subjects.get(&gender)?;
                entities.get(*i).map(person)
            })
    }

    /// The people of the pronoun's gender, owners ("X's") aside, named in the nearest sentence
    /// before `s` that names any, within the look-back.
    fn subjects_before<'e>(
        &self,
        gender: Gender,
        s: usize,
        entities: &'e [EntityMention],
        masked: &str,
    ) -> Vec<&'e str> {
        for back in 1..=LOOK_BACK {
            let Some(earlier) = s.checked_sub(back) else {
                break;
            };
            let names: Vec<&str> = self
                .by_sentence
                .get(earlier)
                .into_iter()
                .flatten()
                .filter_map(|&i| entities.get(i))
                .filter(|e| self.fits(&e.name, gender) && !possessive(e, masked))
                .map(|e| e.name.as_str())
                .collect();
            if !names.is_empty() {
                return names;
            }
        }
        Vec::new()
    }

    /// Whether a mention stands among the first words of its sentence.
    fn opens_sentence(&self, e: &EntityMention, masked: &str) -> bool {
        let start = self.sentence_starts.get(e.sentence).copied().unwrap_or(0);
        let lead = masked
            .get(floor(masked, start)..floor(masked, e.start))
            .unwrap_or("");
        words_lazily(lead).nth(SUBJECT_LEAD_WORDS).is_none()
    }

    /// Whether a subject pronoun of `gender` stands before mention `e` in its sentence.
    fn pronoun_before(&self, gender: Gender, e: &EntityMention, masked: &str) -> bool {
        let start = self.sentence_starts.get(e.sentence).copied().unwrap_or(0);
        let lead = masked
            .get(floor(masked, start)..floor(masked, e.start))
            .unwrap_or("");
        words_lazily(lead).any(|w| pronoun(w.text) == Some(gender))
    }

    /// Whether a person of `gender` other than `last` is named after the last sentence, up to
    /// `si`, in which `last` spoke.
    fn other_named_since(
        &self,
        last: &Speaker,
        gender: Gender,
        si: usize,
        entities: &[EntityMention],
    ) -> bool {
        let Some(spoke) = (0..=si)
            .rev()
            .find(|s| self.spoke.get(s).is_some_and(|v| v.contains(&last.name)))
        else {
            return false;
        };
        (spoke + 1..=si).any(|s| {
            self.by_sentence.get(s).into_iter().flatten().any(|&i| {
                entities
                    .get(i)
                    .is_some_and(|e| e.name != last.name && self.fits(&e.name, gender))
            })
        })
    }

    /// Whether `e` was the subject of speech in sentence `s`.
    fn spoke_in(&self, s: usize, e: &EntityMention) -> bool {
        self.spoke.get(&s).is_some_and(|v| v.contains(&e.name))
    }

    /// Whether the mention follows a preposition ("to X", "about X"), so is no subject.
    fn after_preposition(&self, e: &EntityMention, masked: &str) -> bool {
        let from = floor(masked, e.start.saturating_sub(30));
        let before = masked.get(from..e.start).unwrap_or("");
        words(before)
            .last()
            .is_some_and(|w| PREPOSITIONS.contains(parallax_text::lowercase(w.text).as_ref()))
    }

    /// The person the article is about, for a pronoun with no antecedent nearby: the one of the
    /// pronoun's gender (known, not guessed) mentioned most, at least twice as often as any other
    /// person who may be of that gender (one whose gender the text does not show may be: a man
    /// named twice with "Mr" is not the subject of an article that names another, of unknown
    /// gender, ten times).
    fn subject_of_article(&self, gender: Gender, entities: &[EntityMention]) -> Option<usize> {
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        for &i in self.by_sentence.iter().flatten() {
            let Some(e) = entities.get(i) else { continue };
            if self.fits(&e.name, gender) {
                counts.entry(e.name.as_str()).or_insert((0, i)).0 += 1;
            }
        }
        let mut ranked: Vec<(usize, usize)> = counts.into_values().collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        match ranked.as_slice() {
            [(n, i), rest @ ..]
                if *n >= 2
                    && rest.first().is_none_or(|r| r.0 * 2 <= *n)
                    && entities
                        .get(*i)
                        .is_some_and(|e| self.genders.get(&e.name) == Some(&gender)) =>
            {
                Some(*i)
            }
            _ => None,
        }
    }
}

/// Whether a mention stands within a relative clause ("X, who endorsed Y", "X, qui a soutenu
/// Y"): the clause since the last comma opens with a relative word, so the name is no subject of
/// the sentence.
fn in_relative_clause(e: &EntityMention, masked: &str) -> bool {
    let from = floor(masked, e.start.saturating_sub(RELATIVE_CLAUSE_BYTES));
    let before = masked.get(from..floor(masked, e.start)).unwrap_or("");
    let Some(comma) = before.rfind([',', ';', '(']) else {
        return false;
    };
    words_lazily(&before[comma + 1..]).next().is_some_and(|w| {
        let lower = parallax_text::lowercase(w.text);
        RELATIVE_WORDS.contains(&lower) && !COMPLEMENTIZERS.contains(&lower)
    })
}

/// Bytes before a name read for the relative word that opens its clause.
const RELATIVE_CLAUSE_BYTES: usize = 80;

/// Whether a mention is an owner ("Clinton's case").
fn possessive(e: &EntityMention, masked: &str) -> bool {
    masked
        .get(e.end..)
        .is_some_and(crate::entities::opens_with_possessive)
}

/// Words after an owner's "'s" read for the role it owns ("X's chief operating officer").
const OWNED_ROLE_WORDS: usize = 4;

/// Whether a mention owns a role ("Northline's chief operating officer", "her lawyer"): the owner
/// of someone else.
fn owns_a_role(e: &EntityMention, masked: &str) -> bool {
    possessive(e, masked)
        && masked.get(e.end..).is_some_and(|after| {
            let owned = after
                .split([',', ';', ':', '.', '(', '"', '“'])
                .next()
                .unwrap_or("");
            words_lazily(owned)
                .take(OWNED_ROLE_WORDS)
                .any(|w| is_role(w.text))
        })
}

/// A named speaker from an entity.
pub fn person(e: &EntityMention) -> Speaker {
    Speaker {
        name: e.name.clone(),
        title: e.title.clone(),
        named: true,
    }
}

/// Two named speakers of one statement ("Laurence Mark and Bill Condon said").
pub fn joint(a: &EntityMention, b: &EntityMention) -> Speaker {
    Speaker {
        name: format!("{} and {}", a.name, b.name),
        title: None,
        named: true,
    }
}

/// A definite description ("the officer", "le ministre") stands for the one person of the article
/// given that role; anything else stays a description.
pub fn description(text: &str, entities: &[EntityMention], masked: &str) -> Speaker {
    let ws = words(text);
    let definite = ws
        .first()
        .is_some_and(|w| is_definite_article(&parallax_text::lowercase(w.text)));
    if definite && ws.len() <= 3 {
        if let Some(head) = ws.last().map(|w| w.text.to_lowercase()) {
            let mut named: Vec<&EntityMention> = Vec::new();
            for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
                let has = e
                    .title
                    .as_deref()
                    .is_some_and(|t| words_lazily(t).any(|w| w.text.to_lowercase() == head))
                    || apposition_has(masked, e, &head);
                if has && !named.iter().any(|n| n.name == e.name) {
                    named.push(e);
                }
            }
            if let [one] = named.as_slice() {
                if !unnamed_holder(masked, &head) {
                    return person(one);
                }
            }
        }
    }
    Speaker {
        name: text.to_string(),
        title: None,
        named: false,
    }
}

/// Whether the article, outside quotes, introduces someone of the role `head` without a name:
/// "One former senior official of the agency said …" — an indefinite article at most four words
/// before the role word, not in apposition to a name ("Ivo Brand, a former senior official" is
/// named).
pub fn unnamed_holder(masked: &str, head: &str) -> bool {
    let ws = words(masked);
    ws.iter().enumerate().any(|(k, w)| {
        w.text.len() == head.len()
            && w.text.to_lowercase() == head
            && (k.saturating_sub(4)..k).any(|j| {
                ws.get(j).is_some_and(|a| {
                    // One noun phrase: the article and the role word with only words between,
                    // no punctuation or blanked quotation ("another brother inside. “…” the
                    // father" is no unnamed father).
                    let gap = masked.get(a.end..w.start).unwrap_or(".");
                    INDEFINITE_ARTICLES.contains(&parallax_text::lowercase(a.text))
                        && gap.len() <= 40
                        && gap
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
                        // Nor a preposition or article between: "a rally for the president".
                        && words(gap).iter().all(|g| {
                            !is_article(g.text)
                                && !PREPOSITIONS.contains(&parallax_text::lowercase(g.text))
                        })
                        && !masked
                            .get(..a.start)
                            .unwrap_or("")
                            .trim_end()
                            .ends_with(',')
                })
            })
    })
}

/// Whether the name `e` has the role `head` in apposition: "Ema Lind, a doctor at the clinic"
/// (an indefinite or definite article, at most two words before the role word). When a verb of
/// speech follows the role word, the role may be the verb's own subject ("Asked about Ema Lind,
/// the doctor said"): only a name that opens its clause is described then.
fn apposition_has(masked: &str, e: &EntityMention, head: &str) -> bool {
    let to = floor(masked, e.end.saturating_add(60));
    let after = masked.get(e.end..to).unwrap_or("");
    let Some(rest) = after.trim_start().strip_prefix(',') else {
        return false;
    };
    let ws = words(rest);
    if !ws.first().is_some_and(|w| is_article(w.text)) {
        return false;
    }
    let Some(k) = (1..ws.len().min(4)).find(|&k| ws[k].text.to_lowercase() == head) else {
        return false;
    };
    let says = ws.get(k + 1).is_some_and(|w| is_speech_verb(w.text))
        && rest
            .get(ws[k].end..ws[k + 1].start)
            .is_some_and(|g| g.trim().is_empty());
    !says || opens_clause(masked, e.start)
}

/// Whether nothing but punctuation stands between the start of the clause (a sentence's end, a
/// line break, a colon, a semicolon or a quotation mark) and byte `at`.
fn opens_clause(masked: &str, at: usize) -> bool {
    let before = masked.get(..floor(masked, at)).unwrap_or("");
    let from = before
        .rfind(['.', '!', '?', '\n', ':', ';', '"', '“', '”', '«', '»'])
        .map_or(0, |p| p + 1);
    !before[from..].chars().any(char::is_alphanumeric)
}

/// Genders the article shows: a title ("spokeswoman", "Mrs"), or a pronoun after a sentence's
/// only named person ("Baerbock ... as she headed to Kyiv").
fn learn_genders(
    sentences: &[Sentence],
    entities: &[EntityMention],
    by_sentence: &[Vec<usize>],
    masked: &str,
) -> HashMap<String, Gender> {
    let mut genders = HashMap::new();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        let title = e.title.as_deref().unwrap_or_default().to_lowercase();
        let g = words_lazily(&title)
            .find_map(|w| title_gender(w.text.trim_end_matches('.')))
            .or_else(|| given_name_gender(&e.name));
        if let Some(g) = g {
            genders.entry(e.name.clone()).or_insert(g);
        }
    }
    for (si, s) in sentences.iter().enumerate() {
        let people: Vec<&EntityMention> = by_sentence
            .get(si)
            .into_iter()
            .flatten()
            .filter_map(|&i| entities.get(i))
            // An owner ("at Y's hearing") is not who the sentence's pronouns are.
            .filter(|e| !possessive(e, masked))
            .collect();
        let Some(first) = people.first() else {
            continue;
        };
        if people.iter().any(|p| p.name != first.name) {
            continue;
        }
        // A pronoun before the name is someone else's, named earlier ("In 2005, he was charged
        // with assault on X, … he grabbed her"): pronouns of its gender after the name may be
        // that person's too, and only one of another gender shows the name's.
        let start = floor(masked, s.start);
        let lead = masked.get(start..floor(masked, first.start)).unwrap_or("");
        let taken: Vec<Gender> = words_lazily(lead)
            .filter_map(|w| possessive_gender(w.text))
            .collect();
        let from = floor(masked, first.end);
        let to = floor(masked, s.start + s.text.len());
        let after = masked.get(from..to).unwrap_or("");
        let g = words_lazily(after)
            .filter_map(|w| possessive_gender(w.text))
            .find(|g| !taken.contains(g));
        if let Some(g) = g {
            genders.entry(first.name.clone()).or_insert(g);
        }
    }
    genders
}

/// The gender a title or role shows (`data/gendered_words.txt`), lowercase.
fn title_gender(w: &str) -> Option<Gender> {
    if FEMALE_TITLES.contains(w) {
        Some(Gender::Female)
    } else if MALE_TITLES.contains(w) {
        Some(Gender::Male)
    } else {
        None
    }
}

fn possessive_gender(w: &str) -> Option<Gender> {
    let lower = parallax_text::lowercase(w);
    if MALE_PRONOUNS.contains(&lower) {
        Some(Gender::Male)
    } else if FEMALE_PRONOUNS.contains(&lower) {
        Some(Gender::Female)
    } else {
        pronoun(&lower).filter(|g| *g != Gender::Plural)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_pronouns_show_a_gender() {
        assert_eq!(title_gender("spokeswoman"), Some(Gender::Female));
        assert_eq!(title_gender("herr"), Some(Gender::Male));
        assert_eq!(title_gender("minister"), None);
        assert_eq!(possessive_gender("His"), Some(Gender::Male));
        assert_eq!(possessive_gender("herself"), Some(Gender::Female));
        assert_eq!(possessive_gender("she"), Some(Gender::Female));
        assert_eq!(possessive_gender("they"), None);
        assert_eq!(possessive_gender("the"), None);
    }
}
