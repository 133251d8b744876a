//! The word lists attribution relies on (data/speech_*.txt, speaker_roles.txt, according_to.txt,
//! grammar_words.txt, gendered_words.txt ...), loaded once, and a small word tokenizer with byte
//! offsets.

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

use parallax_text::lines;

use crate::shape::WordShape;

parallax_text::word_table!(
    /// Words that introduce someone not named ("one former official", "ein Sprecher";
    /// `data/indefinite_articles.txt`).
    pub static INDEFINITE_ARTICLES = lines include_str!("../../data/indefinite_articles.txt")
);

parallax_text::word_table!(
    /// Finite forms and participles of verbs of speech ("said", "a déclaré" through "déclaré").
    pub static SPEECH_VERBS = lines include_str!("../../data/speech_verbs.txt")
);

parallax_text::word_table!(
    /// Forms whose subject is the clause's subject ("saying", "disant", "diciendo").
    pub static PARTICIPLES = lines include_str!("../../data/speech_participles.txt")
);

parallax_text::word_table!(
    /// Nouns that make a noun phrase a speaker ("spokesman", "porte-parole", "sprecher"),
    /// lowercase.
    pub static ROLES = lines include_str!("../../data/speaker_roles.txt")
);

parallax_text::word_table!(
    /// Words after which a name is an object ("to", "about", "pour", "über", "sobre").
    pub static PREPOSITIONS = lines include_str!("../../data/speech_prepositions.txt")
);

parallax_text::word_table!(
    /// Prepositions that end a described speaker ("in a statement", "dans un communiqué").
    pub static ADJUNCT_PREPOSITIONS = lines include_str!("../../data/adjunct_prepositions.txt")
);

/// Endings of German nouns for the press a statement is made to ("Presse-Agentur",
/// "Tageszeitung"), lowercase.
pub static ADDRESSEE_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/addressee_nouns.txt")).collect());

/// Whether a word is a German noun for the press ([`ADDRESSEE_NOUNS`]).
pub fn is_addressee_noun(word: &str) -> bool {
    let lower = parallax_text::lowercase(word);
    ADDRESSEE_NOUNS.iter().any(|end| lower.ends_with(end))
}

/// Phrases that put the source after them ("according to", "selon", "laut", "según").
pub static ACCORDING_TO: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/according_to.txt")).collect());

parallax_text::word_table!(
    /// Nouns of a written statement that speak for whoever issued them ("a statement from X said").
    pub static STATEMENT_NOUNS = lines include_str!("../../data/statement_nouns.txt")
);

/// Whether a word is the noun of a written statement ("statement", "communiqué").
pub fn is_statement_noun(word: &str) -> bool {
    STATEMENT_NOUNS.contains(parallax_text::lowercase(word).as_ref())
}

parallax_text::word_table!(
    /// Words that open a clause of reported content ("that", "que", "dass").
    pub static COMPLEMENTIZERS = lines include_str!("../../data/complementizers.txt")
);

parallax_text::word_table!(
    /// Words that open a relative clause ("which", "qui"), never a description of a speaker.
    pub static RELATIVE_WORDS = lines include_str!("../../data/relative_words.txt")
);

parallax_text::word_table!(
    /// Conjunctions that open a subordinate clause ("because", "parce que", "weil", "porque";
    /// `data/subordinators.txt`).
    pub static SUBORDINATORS = lines include_str!("../../data/subordinators.txt")
);

parallax_text::word_table!(
    /// Words that open a new clause ("while", "mais"): a verb after one is not the quote's.
    pub static CLAUSE_OPENERS = lines include_str!("../../data/clause_openers.txt")
);

/// The closed-class words the attribution grammar reads, by part (`data/grammar_words.txt`).
const GRAMMAR_WORDS: &str = include_str!("../../data/grammar_words.txt");
parallax_text::word_table!(
    /// Determiners before a noun ("his", "ses"; not "a", also the French auxiliary).
    pub(super) static DETERMINERS_BEFORE_NOUN = keyed "determiner" in GRAMMAR_WORDS
);
parallax_text::word_table!(
    /// Conjunctions that join two verbs of one subject ("and", "mais").
    pub(super) static CONJUNCTIONS = keyed "conjunction" in GRAMMAR_WORDS
);
parallax_text::word_table!(
    /// Articles ("a", "les", "eine").
    pub(super) static ARTICLES = keyed "article" in GRAMMAR_WORDS
);
parallax_text::word_table!(
    /// Definite articles, which open a definite description ("the", "le", "die").
    static DEFINITE_ARTICLES = keyed "definite" in GRAMMAR_WORDS
);
parallax_text::word_table!(
    /// What follows "quoted X" before the participle ("as", "comme", "als").
    pub(super) static AS_WORDS = keyed "as" in GRAMMAR_WORDS
);
parallax_text::word_table!(
    /// Auxiliaries between a subject and its verb of speech ("has", "a", "hatte").
    pub(super) static AUXILIARIES = keyed "auxiliary" in GRAMMAR_WORDS
);
parallax_text::word_table!(
    /// Adverbs between a subject and its verb of speech ("also", "auch").
    pub(super) static ADVERBS = keyed "adverb" in GRAMMAR_WORDS
);
parallax_text::word_table!(
    /// Words that open a clause, as written ("and", "while", "dass").
    pub(super) static CLAUSE_WORDS = keyed "clause" in GRAMMAR_WORDS
);
parallax_text::word_table!(
    /// French auxiliaries that open an inverted attribution ("a-t-il précisé", "avait-elle dit").
    pub(super) static INVERTED_AUXILIARIES = keyed "inverted_auxiliary" in GRAMMAR_WORDS
);
parallax_text::word_table!(
    /// The one word that joins two names into one subject ("and", "et", "y").
    static JOINING_AND = keyed "and" in GRAMMAR_WORDS
);

/// Whether a lowercase word is a definite article ("the", "le", "der", "el"): a definite
/// description ("the judge") stands for the story's one person of that role.
pub fn is_definite_article(lower: &str) -> bool {
    DEFINITE_ARTICLES.contains(lower)
}

/// Words that show a person's gender, by part (`data/gendered_words.txt`).
const GENDERED_WORDS: &str = include_str!("../../data/gendered_words.txt");
parallax_text::word_table!(
    /// Titles and roles of women ("mrs", "spokeswoman", "frau").
    pub(super) static FEMALE_TITLES = keyed "female_title" in GENDERED_WORDS
);
parallax_text::word_table!(
    /// Titles and roles of men ("mr", "spokesman", "herr").
    pub(super) static MALE_TITLES = keyed "male_title" in GENDERED_WORDS
);
parallax_text::word_table!(
    /// English object and possessive forms of "she" ("her", "herself").
    pub(super) static FEMALE_PRONOUNS = keyed "female_pronoun" in GENDERED_WORDS
);
parallax_text::word_table!(
    /// English object and possessive forms of "he" ("his", "himself").
    pub(super) static MALE_PRONOUNS = keyed "male_pronoun" in GENDERED_WORDS
);

/// Whether the text between two names is only "and" ("et", "und", "y"): one subject of two.
pub fn is_joining_and(gap: &str) -> bool {
    JOINING_AND.contains(gap.trim())
}

/// What a subject pronoun shows of its referent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// He, il, er, él.
    Male,
    /// She, elle, sie, ella.
    Female,
    /// They, ils, ellos: never resolved to one person.
    Plural,
}

/// Subject pronouns and the gender each shows.
pub static PRONOUNS: LazyLock<HashMap<&'static str, Gender>> = LazyLock::new(|| {
    lines(include_str!("../../data/speech_pronouns.txt"))
        .filter_map(|l| {
            let (word, gender) = l.split_once(' ')?;
            Some((word, gender_named(gender)))
        })
        .collect()
});

/// Object pronouns with the gender they show (data/object_pronouns.txt).
static OBJECT_PRONOUNS: LazyLock<HashMap<&'static str, Gender>> = LazyLock::new(|| {
    lines(include_str!("../../data/object_pronouns.txt"))
        .filter_map(|l| {
            let (word, gender) = l.split_once(' ')?;
            Some((word, gender_named(gender)))
        })
        .collect()
});

/// Given names that show their holder's gender (data/given_names.txt).
pub static GIVEN_NAMES: LazyLock<HashMap<&'static str, Gender>> = LazyLock::new(|| {
    let data = include_str!("../../data/given_names.txt");
    let mut names = HashMap::with_capacity(parallax_text::words_at_most(data));
    for line in lines(data) {
        let mut ws = line.split_whitespace();
        let gender = match ws.next() {
            Some("male") => Gender::Male,
            Some("female") => Gender::Female,
            _ => continue,
        };
        for w in ws {
            names.insert(w, gender);
        }
    }
    names
});

/// The gender a person's given name shows: the first word of a name of two words or more that
/// the list knows ("Rev Billy Graham" gives Billy's).
pub fn given_name_gender(name: &str) -> Option<Gender> {
    let ws: Vec<&str> = name.split_whitespace().collect();
    let (_, given) = ws.split_last()?;
    given.iter().find_map(|w| GIVEN_NAMES.get(w).copied())
}

/// The shape of the verbs of speech and their participles.
static SPEECH_SHAPE: LazyLock<WordShape> =
    LazyLock::new(|| WordShape::of(SPEECH_VERBS.iter().chain(PARTICIPLES.iter())));

/// Whether an ASCII word cannot be a verb of speech or a participle of one, by its length and its
/// first and last letters, without lowercasing it (most words of running text are no such verb).
/// A word outside ASCII is always read whole.
fn surely_no_speech_verb(word: &str) -> bool {
    SPEECH_SHAPE.surely_not_ascii_folded(word)
}

/// Whether a word is a subject pronoun that can name a speaker ("he", "elle", "sie"), or a French
/// verb with its pronoun run in ("a-t-il", "ajoute-t-elle"), case-insensitive.
pub fn is_speaker_pronoun(word: &str) -> bool {
    let w = parallax_text::lowercase(word);
    let pronoun = w.rsplit('-').next().unwrap_or(&w);
    PRONOUNS.contains_key(pronoun)
}

/// Whether a word is a verb of speech (case-insensitive).
pub fn is_speech_verb(word: &str) -> bool {
    if surely_no_speech_verb(word) {
        return false;
    }
    let w = parallax_text::lowercase(word);
    SPEECH_VERBS.contains(w.as_ref()) || PARTICIPLES.contains(w.as_ref())
}

/// Whether a word is a verb of speech and no participle ("said", not "saying"), read with one
/// lowercasing.
pub fn is_finite_speech_verb(word: &str) -> bool {
    if surely_no_speech_verb(word) {
        return false;
    }
    let w = parallax_text::lowercase(word);
    SPEECH_VERBS.contains(w.as_ref()) && !PARTICIPLES.contains(w.as_ref())
}

/// Whether a word is a participle of speech.
pub fn is_participle(word: &str) -> bool {
    PARTICIPLES.contains(parallax_text::lowercase(word).as_ref())
}

/// Whether a word is a speaker role ("spokesman", "officials").
pub fn is_role(word: &str) -> bool {
    // Lowercase ASCII (most words) is read as it is, without a copy.
    let lower = if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    };
    let w = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    ROLES.contains(w)
        || w.strip_suffix('s').is_some_and(|s| ROLES.contains(s))
        || w.strip_suffix("es").is_some_and(|s| ROLES.contains(s))
        || w.strip_suffix("men")
            .is_some_and(|s| ROLES.contains(&format!("{s}man")))
}

/// The gender a subject pronoun shows; French inverted "-t-il", "-elle" too.
pub fn pronoun(word: &str) -> Option<Gender> {
    let w = parallax_text::lowercase(word);
    let w = w.rsplit('-').next().unwrap_or(&w);
    PRONOUNS.get(w).copied()
}

/// The gender an object pronoun shows ("him", "her", "ihn").
pub fn object_pronoun(word: &str) -> Option<Gender> {
    OBJECT_PRONOUNS
        .get(&*parallax_text::lowercase(word))
        .copied()
}

/// A gender as the data files write it: "male", "female", else plural.
fn gender_named(name: &str) -> Gender {
    match name.trim() {
        "male" => Gender::Male,
        "female" => Gender::Female,
        _ => Gender::Plural,
    }
}

/// A word and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word.
    pub text: &'a str,
    /// Its first byte.
    pub start: usize,
    /// The byte after it.
    pub end: usize,
}

/// The words of a text, as `parallax_text::tokens` splits them, each with its possessive "'s"
/// kept ("Reid's rep"): attribution reads possessives as part of a description.
pub fn words(text: &str) -> Vec<Word<'_>> {
    words_lazily(text).collect()
}

/// The words of [`words`], read only as far as they are asked for.
pub fn words_lazily(text: &str) -> impl Iterator<Item = Word<'_>> {
    parallax_text::tokens_lazily(text).map(move |t| {
        let rest = text.get(t.end..).unwrap_or("");
        let end = ["'s", "’s"]
            .iter()
            .find(|s| rest.starts_with(*s))
            .map_or(t.end, |s| t.end + s.len());
        Word {
            text: text.get(t.start..end).unwrap_or(""),
            start: t.start,
            end,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_listed_in_lowercase() {
        // `is_role` looks up the lowercase word.
        assert!(ROLES.iter().all(|r| r == r.to_lowercase()));
    }

    #[test]
    fn every_word_table_reads_its_list_as_the_run_time_reader_does() {
        parallax_text::assert_tables_read_as_at_run_time!(
            INDEFINITE_ARTICLES,
            SPEECH_VERBS,
            PARTICIPLES,
            PREPOSITIONS,
            ADJUNCT_PREPOSITIONS,
            STATEMENT_NOUNS,
            COMPLEMENTIZERS,
            RELATIVE_WORDS,
            CLAUSE_OPENERS,
            SUBORDINATORS,
            ROLES,
            DETERMINERS_BEFORE_NOUN,
            CONJUNCTIONS,
            ARTICLES,
            DEFINITE_ARTICLES,
            AS_WORDS,
            AUXILIARIES,
            ADVERBS,
            CLAUSE_WORDS,
            JOINING_AND,
            INVERTED_AUXILIARIES,
            FEMALE_TITLES,
            MALE_TITLES,
            FEMALE_PRONOUNS,
            MALE_PRONOUNS,
        );
        assert!(AUXILIARIES.contains("has been") && ARTICLES.contains("a"));
        assert!(!DETERMINERS_BEFORE_NOUN.contains("a"));
        assert!(is_joining_and(" und ") && !is_joining_and("or"));
    }

    /// The shape check never turns away a verb of the lists, in any case.
    #[test]
    fn the_shape_check_keeps_every_verb_of_speech() {
        for w in SPEECH_VERBS.iter().chain(PARTICIPLES.iter()) {
            for form in [w.to_string(), w.to_uppercase(), {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }] {
                let lower = form.to_lowercase();
                let listed =
                    SPEECH_VERBS.contains(lower.as_str()) || PARTICIPLES.contains(lower.as_str());
                assert_eq!(is_speech_verb(&form), listed, "{form}");
                assert!(!surely_no_speech_verb(&form) || !listed, "{form}");
            }
        }
        for w in ["the", "", "Said", "SAYS", "saying", "Mayor", "x", "déclaré"] {
            let lower = w.to_lowercase();
            let finite =
                SPEECH_VERBS.contains(lower.as_str()) && !PARTICIPLES.contains(lower.as_str());
            assert_eq!(is_finite_speech_verb(w), finite, "{w}");
        }
    }
}
