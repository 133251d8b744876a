//! Lines that address the reader (widgets, calls to action: "Sign up for our newsletter",
//! "Inscrivez-vous", "Melden Sie sich an", "Suscríbete", "Iscriviti alla nostra newsletter",
//! "Inscreva-se", "Zapisz się") found by their grammar, not their phrasing: a short line in the
//! imperative or with a second-person subject and a modal, that speaks to the reader or for the
//! outlet, holds no quotation and reports no speech. The words of that grammar (persons, modals,
//! speech verbs, the endings and pronouns that mark an imperative) are `data/reader_address.txt`.

use std::sync::LazyLock;

use super::{holds_quote, words_exceed};

/// Lines longer than this are prose, whatever their mood.
pub(super) const MAX_WORDS: usize = 30;
/// An imperative with no mark of its mood ("Click", "Clicca", "Clique", "Kliknij") with "here",
/// "up" or "now" after it and no person is a call to action only in a line this short ("Click here
/// to ...", "Sign up now", "Clicca qui per ..."); so is an Italian, Portuguese or Polish imperative
/// read by the pronoun it bears.
const MAX_BARE_WORDS: usize = 12;
/// Verbs read without a mark of their mood are at least this long ("ok" is no imperative), and so
/// are the stems Portuguese and Polish imperatives bear their pronouns or endings on.
const MIN_VERB_CHARS: usize = 3;
/// A second-person subject and a modal open a line that tells the reader what they can do only
/// in a line this short ("You can change your settings"); longer ones are advice.
const MAX_MODAL_WORDS: usize = 15;
/// French imperatives of the second person plural end in "-ez" and are longer than "chez".
const MIN_EZ_CHARS: usize = 5;
/// Spanish imperatives with a pronoun attached ("únete", "síguenos") are at least this long.
const MIN_CLITIC_CHARS: usize = 5;
/// The stem an Italian imperative bears its pronoun on ("iscrivi-ti", "segui-ci") is at least this
/// long: shorter ones are plurals ("ami-ci", "sta-ti", "da-ti").
const MIN_BARE_STEM_CHARS: usize = 4;
/// The vowels an Italian imperative's stem ends with before its pronoun ("abbona-ti",
/// "iscrivete-vi", "segui-ci"); a plural's stem may end with a consonant ("tut-ti", "mol-ti").
const ITALIAN_STEM_VOWELS: [char; 3] = ['a', 'e', 'i'];

/// The lists of `data/reader_address.txt`, one a key (`key: word` lines).
const READER_ADDRESS: &str = include_str!("../../data/reader_address.txt");
parallax_text::word_table!(static READER = keyed "reader" in READER_ADDRESS);
parallax_text::word_table!(static OUTLET = keyed "outlet" in READER_ADDRESS);
parallax_text::word_table!(static POINTER = keyed "pointer" in READER_ADDRESS);
parallax_text::word_table!(static CHANNEL = keyed "channel" in READER_ADDRESS);
parallax_text::word_table!(static COMMENT = keyed "comment" in READER_ADDRESS);
parallax_text::word_table!(static MODAL = keyed "modal" in READER_ADDRESS);
parallax_text::word_table!(static SPEECH = keyed "speech" in READER_ADDRESS);
parallax_text::word_table!(static EXHORTATION = keyed "exhortation" in READER_ADDRESS);
parallax_text::word_table!(static AFTER_VERB = keyed "after-verb" in READER_ADDRESS);
parallax_text::word_table!(static AFTER_PARTICLE = keyed "after-particle" in READER_ADDRESS);
parallax_text::word_table!(static SHORT_IMPERATIVE = keyed "short-imperative" in READER_ADDRESS);
parallax_text::word_table!(static CLITIC = keyed "clitic" in READER_ADDRESS);
parallax_text::word_table!(static PERSON_CLITIC = keyed "person-clitic" in READER_ADDRESS);
parallax_text::word_table!(static ADVERB_ENDING = keyed "adverb-ending" in READER_ADDRESS);
parallax_text::word_table!(static NOT_FRENCH_LETTER = keyed "not-french-letter" in READER_ADDRESS);
parallax_text::word_table!(static NOT_VERB_ENDING = keyed "not-verb-ending" in READER_ADDRESS);
parallax_text::word_table!(static BARE_CLITIC = keyed "bare-clitic" in READER_ADDRESS);
parallax_text::word_table!(static HYPHEN_CLITIC = keyed "hyphen-clitic" in READER_ADDRESS);
parallax_text::word_table!(static IMPERATIVE_ENDING = keyed "imperative-ending" in READER_ADDRESS);
parallax_text::word_table!(static REFLEXIVE = keyed "reflexive" in READER_ADDRESS);
parallax_text::word_table!(static OBJECT = keyed "object" in READER_ADDRESS);
parallax_text::word_table!(static PERSON_MODAL = keyed "person-modal" in READER_ADDRESS);
parallax_text::word_table!(static AFTER_BARE_VERB = keyed "after-bare-verb" in READER_ADDRESS);
parallax_text::word_table!(static STATEMENT = keyed "statement" in READER_ADDRESS);
parallax_text::word_table!(static GENITIVE = keyed "genitive" in READER_ADDRESS);
type AddressList =
    parallax_text::WordTable<{ parallax_text::table::slots_for_lines(READER_ADDRESS) }>;

/// The entries of a list that is tried entry by entry (endings and attached pronouns), gathered
/// once: a table of `data/reader_address.txt` has as many slots as the whole file has lines, and
/// reading them all for a handful of entries cost thousands of steps a line.
fn entries_of(list: &'static AddressList) -> Vec<&'static str> {
    list.iter().collect()
}

/// [`CLITIC`]'s entries, to try one by one.
static CLITIC_ENTRIES: LazyLock<Vec<&'static str>> = LazyLock::new(|| entries_of(&CLITIC));
/// [`PERSON_CLITIC`]'s entries, to try one by one.
static PERSON_CLITIC_ENTRIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries_of(&PERSON_CLITIC));
/// [`NOT_VERB_ENDING`]'s entries, to try one by one.
static NOT_VERB_ENDING_ENTRIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries_of(&NOT_VERB_ENDING));
/// [`BARE_CLITIC`]'s entries, to try one by one.
static BARE_CLITIC_ENTRIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries_of(&BARE_CLITIC));
/// [`ADVERB_ENDING`]'s entries, to try one by one.
static ADVERB_ENDING_ENTRIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries_of(&ADVERB_ENDING));
/// [`IMPERATIVE_ENDING`]'s entries, to try one by one.
static IMPERATIVE_ENDING_ENTRIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries_of(&IMPERATIVE_ENDING));

/// A second-person word: German capitalised forms ("Sie", "Ihnen") only as written, since their
/// lowercase forms are other words ("sie": she, "ihr": her); the others in any case.
fn is_reader_word(w: &str) -> bool {
    READER.contains(w) || READER.contains(&w.to_lowercase())
}

/// A German second-person word as listed, with its capital.
fn is_german_capital(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && READER.contains(w) && !READER.contains(&w.to_lowercase())
}

/// Whether a line opens with a second-person subject and a modal ("You can ...", "Vous pouvez
/// ...", "Ty możesz ...") or with a modal whose ending says "you" ("Puoi ...", "Możesz ..."):
/// German "Sie" opening a line is "they" as well as "you".
fn opens_with_person_and_modal(first: &str, second_lower: &str) -> bool {
    is_reader_word(first) && !is_german_capital(first) && MODAL.contains(second_lower)
        || PERSON_MODAL.contains(&parallax_text::lowercase(first))
}

/// Whether a block is a line addressed to the reader.
pub(super) fn is_reader_address(b: &str) -> bool {
    !words_exceed(b, MAX_WORDS) && is_short_reader_address(b)
}

/// The words of a line: runs of letters and digits, apostrophes and hyphens inside them.
fn line_words(b: &str) -> impl Iterator<Item = &str> {
    b.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .filter(|w| !w.is_empty())
}

/// The [`line_words`] of a line, in lowercase.
fn lowercase_words(b: &str) -> Vec<String> {
    line_words(b)
        .map(|w| parallax_text::lowercase(w).into_owned())
        .collect()
}

/// Words a line telling the reader what they can do needs to be advice rather than a widget's
/// label ("You may also like").
const MIN_ADVICE_WORDS: usize = 6;

/// Whether a line addressed to the reader is advice, the text of a how-to or a guide rather than
/// a widget: a second-person subject and a modal ("You can use any pot you wish.") in a line of
/// some length that names neither the outlet nor its offer ("You can view our archive").
pub(super) fn is_advice(b: &str) -> bool {
    let words: Vec<&str> = line_words(b).collect();
    let (Some(first), Some(second)) = (words.first(), words.get(1)) else {
        return false;
    };
    words.len() >= MIN_ADVICE_WORDS
        && opens_with_person_and_modal(first, &parallax_text::lowercase(second))
        && !words
            .iter()
            .any(|w| OUTLET.contains(&parallax_text::lowercase(w)))
}

/// Words an instruction to the reader needs to be a step of a guide rather than a prompt.
const MIN_INSTRUCTION_WORDS: usize = 8;

/// Whether a line addressed to the reader is an instruction of a guide or a how-to ("Gießen Sie
/// die Pflanze jeden zweiten Tag, am besten morgens.", "Arrosez la plante tous les deux jours,
/// de préférence le matin."): a full sentence of some length that names neither the outlet nor
/// its offer and points at nothing on the page ("here", "below", a link).
pub(super) fn is_instruction(b: &str) -> bool {
    let words = lowercase_words(b);
    words.len() >= MIN_INSTRUCTION_WORDS
        && b.trim_end().ends_with('.')
        && !words
            .iter()
            .any(|w| OUTLET.contains(w) || POINTER.contains(w))
}

/// Words a sentence to the reader has at least to be read as the text's own ("Drink water.").
const MIN_SENTENCE_WORDS: usize = 3;

/// Whether a line addressed to the reader is a sentence of the text speaking to them, not a
/// prompt of the site's: a full sentence ("Check your smoke alarm in the hallway.", "You can
/// use a bucket.") that names neither the outlet nor one of its channels (a newsletter, an
/// account, a comment) and points at nothing on the page.
pub(super) fn is_sentence_to_reader(b: &str) -> bool {
    let text = b.trim_end();
    if !text.ends_with(['.', '!', '?']) || text.ends_with("..") {
        return false;
    }
    let words = lowercase_words(text);
    words.len() >= MIN_SENTENCE_WORDS
        && !words.iter().any(|w| {
            OUTLET.contains(w) || CHANNEL.contains(w) || POINTER.contains(w) || COMMENT.contains(w)
        })
}

/// Words a line telling the reader where more of the story is has at least ("You can download
/// it here."); "You may also like" is a widget's label.
const MIN_POINTER_WORDS: usize = 5;

/// Whether a line addressed to the reader tells them where more of the article's subject is to
/// be had: a second-person subject and a modal in a full sentence ("You can see more images of
/// the storm at the Harbour Weather Office's site.", "Vous pouvez télécharger le rapport ici.")
/// that points at the page ("here", "below") or names something (a capitalised word in its first
/// sentence past its opening, not a word for the reader), and names neither the outlet nor one
/// of its channels to its readers (a newsletter, a feed, a social network, an account or its
/// settings: "You can follow Ana on Twitter.", "You can change your settings here.").
pub(super) fn tells_where_more_is(b: &str) -> bool {
    let text = b.trim_end();
    if !text.ends_with(['.', '!', '。', '！']) || text.ends_with("..") || holds_quote(text) {
        return false;
    }
    let words: Vec<&str> = line_words(text).collect();
    let (Some(first), Some(second)) = (words.first(), words.get(1)) else {
        return false;
    };
    if words.len() < MIN_POINTER_WORDS
        || !opens_with_person_and_modal(first, &parallax_text::lowercase(second))
    {
        return false;
    }
    let lower = lowercase_words(text);
    if lower
        .iter()
        .any(|w| OUTLET.contains(w) || CHANNEL.contains(w) || SPEECH.contains(w))
    {
        return false;
    }
    // Words past the opening that a sentence's start does not capitalise: those of the first.
    let first_sentence = text.find(['.', '!', '?']).map_or(text, |end| &text[..end]);
    lower.iter().any(|w| POINTER.contains(w))
        || line_words(first_sentence).skip(2).any(|w| {
            w.chars().count() > 1
                && w.chars().next().is_some_and(char::is_uppercase)
                && !is_reader_word(w)
        })
}

/// Words a line asking for the reader's comments has at least ("Tell us what you think in the
/// comments."); "Leave a comment" is a thread's button.
const MIN_QUESTION_WORDS: usize = 6;

/// Whether a line addressed to the reader is the author's question to them, asking for their
/// comments on the article ("Tell us in the comments what you would build on the old pier.",
/// "Dites-nous en commentaire …"): a full sentence naming a comment (`comment:` words) and no
/// channel of the outlet's (signing in to post one is the thread's notice: "You must be logged
/// in to post a comment.").
pub(super) fn asks_for_comments(b: &str) -> bool {
    let text = b.trim_end();
    if !text.ends_with(['.', '!', '?', '。', '！', '？']) || holds_quote(text) {
        return false;
    }
    let lower = lowercase_words(text);
    lower.len() >= MIN_QUESTION_WORDS
        && lower.iter().any(|w| COMMENT.contains(w))
        && !lower.iter().any(|w| CHANNEL.contains(w))
}

/// A word of a line lowercased to be looked up, unless it is an abbreviation: a word of two
/// letters or more in capitals in a line that is not ("US troops"), which names a country or a
/// company, never the reader or the outlet, whatever pronoun it spells.
fn folded(word: &str, line_in_capitals: bool) -> String {
    let abbreviation = !line_in_capitals
        && word.chars().count() >= 2
        && word.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
    if abbreviation {
        word.to_string()
    } else {
        word.to_lowercase()
    }
}

/// A line's first `upto` words lowercased to be looked up: the first whatever its case (the verb
/// or the person), a later one unless it is an abbreviation ([`folded`]).
fn lowered(words: &[&str], upto: usize) -> Vec<String> {
    let capitals = in_capitals(words);
    words
        .iter()
        .take(upto)
        .enumerate()
        .map(|(i, w)| {
            if i == 0 {
                w.to_lowercase()
            } else {
                folded(w, capitals)
            }
        })
        .collect()
}

/// Whether a line's words are all in capitals (a shouted line, whose pronouns are pronouns).
fn in_capitals(words: &[&str]) -> bool {
    !words.iter().any(|w| w.chars().any(char::is_lowercase))
}

/// [`is_reader_address`] of a block known to have at most [`MAX_WORDS`] words.
pub(super) fn is_short_reader_address(b: &str) -> bool {
    if holds_quote(b) {
        return false;
    }
    let words: Vec<&str> = line_words(b)
        .map(|w| w.trim_matches(['\'', '’', '-']))
        .filter(|w| !w.is_empty())
        .collect();
    // Every form of address is told by the first words; most lines open with none, and are
    // settled without reading the rest.
    if !opens_like_address(&words) {
        return false;
    }
    let lower = lowered(&words, words.len());
    if lower.iter().any(|w| SPEECH.contains(w)) {
        return false;
    }
    let (Some(first), Some(first_lower)) = (words.first(), lower.first()) else {
        return false;
    };
    let second = words.get(1).copied().unwrap_or("");
    let second_lower = second.to_lowercase();
    let addressed = words
        .iter()
        .zip(&lower)
        .skip(1)
        .any(|(w, l)| READER.contains(w) || READER.contains(l) || OUTLET.contains(l))
        || first.split('-').skip(1).any(|w| {
            let w = w.to_lowercase();
            READER.contains(&w) || OUTLET.contains(&w)
        });
    let modal_opening =
        opens_with_person_and_modal(first, &second_lower) && words.len() <= MAX_MODAL_WORDS;
    // A third-person "be" or "have" makes the line a statement, whatever its first words: "Save
    // our harbour is the campaign's slogan", "Rendez-vous est pris", "Wyniki ... są jasne".
    let states = lower.iter().any(|w| STATEMENT.contains(w));
    !states
        && (modal_opening
            || !opens_with_a_label(b) && bare_imperative(&lower, addressed)
            || marked_imperative(
                [first, second],
                [first_lower, &second_lower],
                &lower[1..],
                addressed,
                words.len(),
            ))
}

/// What [`is_reader_address`] requires of a line's first three words, whatever the rest says:
/// each of its forms with the tests on later words taken as passed.
fn opens_like_address(words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let opening = lowered(words, 3);
    let second = words.get(1).copied().unwrap_or("");
    let second_lower = opening.get(1).map_or("", String::as_str);
    let modal_opening =
        opens_with_person_and_modal(first, second_lower) && words.len() <= MAX_MODAL_WORDS;
    modal_opening
        || bare_imperative_opening(&opening, words.len())
        || marked_imperative(
            [first, second],
            [&opening[0], second_lower],
            &[],
            true,
            words.len(),
        )
}

/// Whether a line of `words` words opens with an imperative its form marks in one of the
/// languages (a French "-ez", German "Sie" after the verb, a pronoun attached or after a hyphen,
/// a Polish ending), given its first two words as written and lowercased and its later words
/// lowercased (none: taken as French); `addressed`: whether the line names the reader or the
/// outlet.
fn marked_imperative(
    [first, second]: [&str; 2],
    [first_lower, second_lower]: [&str; 2],
    later: &[String],
    addressed: bool,
    words: usize,
) -> bool {
    french_imperative(first_lower) && reads_as_french(later)
        || german_imperative(first, second)
        || spanish_imperative(first_lower, addressed, words)
        || italian_imperative(first_lower, second_lower, addressed, words)
        || portuguese_imperative(first_lower, addressed, words)
        || polish_imperative(first_lower, second_lower, addressed, words)
}

/// Whether a line opens with one word and a colon: a label over what follows ("FAQ : vos
/// questions …", "Resumen: tus derechos …", "Guide: your rights …"), a heading's topic, not a verb
/// with no mark of its mood.
fn opens_with_a_label(b: &str) -> bool {
    let rest = b
        .trim_start()
        .trim_start_matches(|c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'));
    rest.len() < b.trim_start().len()
        && rest
            .trim_start_matches([' ', '\u{a0}', '\u{202f}'])
            .starts_with(':')
}

/// "Follow us", "Enter your email", "Click here to ...", "Sign up for ...", "Clicca qui per
/// ...", "Clique aqui para ...", "Kliknij tutaj, aby ...": a verb with no subject and no mark of
/// its mood before the outlet or the reader, or before a particle that ends the line or leads on
/// to what the reader is to do.
fn bare_imperative(lower: &[String], addressed: bool) -> bool {
    let (verb_like, person_next, particle_next) = bare_imperative_parts(lower, lower.len());
    verb_like && (person_next && addressed || particle_next)
}

/// [`bare_imperative`] with the reader or the outlet taken as addressed: what the opening
/// words (at least three of a line of `words`) decide.
fn bare_imperative_opening(opening: &[String], words: usize) -> bool {
    let (verb_like, person_next, particle_next) = bare_imperative_parts(opening, words);
    verb_like && (person_next || particle_next)
}

/// Whether the first word may be an imperative, the outlet or the reader follows it, and a
/// particle follows it in a short line, in a line of `words` words opening with `lower` (all
/// false when the first word is no verb).
fn bare_imperative_parts(lower: &[String], words: usize) -> (bool, bool, bool) {
    let word = |i: usize| lower.get(i).map_or("", String::as_str);
    let first = word(0);
    let verb_like = first.chars().all(|c| c.is_ascii_alphabetic())
        && first.chars().count() >= MIN_VERB_CHARS
        && !NOT_VERB_ENDING_ENTRIES.iter().any(|e| first.ends_with(e))
        && !EXHORTATION.contains(first)
        && !parallax_text::is_stopword(first);
    if !verb_like {
        return (false, false, false);
    }
    let second = word(1);
    // The outlet speaking ("Follow us") in any line; the reader alone ("Enter your email") in a
    // short one: longer imperatives to the reader are advice, which articles give too. Only the
    // words that may follow an imperative count: others follow nouns ("Wyniki naszego ...").
    let person_next = AFTER_BARE_VERB.contains(second)
        && (OUTLET.contains(second)
            || READER.contains(second) && second != "you" && words <= MAX_BARE_WORDS);
    let particle_next = AFTER_VERB.contains(second)
        && words <= MAX_BARE_WORDS
        && (words == 2 || AFTER_PARTICLE.contains(word(2)));
    (verb_like, person_next, particle_next)
}

/// "Abonnez-vous", "Découvrez nos offres": the second person plural opens the line, in letters
/// French writes ("Álvarez" is a surname).
fn french_imperative(first: &str) -> bool {
    let verb = first.split('-').next().unwrap_or("");
    verb.chars().count() >= MIN_EZ_CHARS
        && verb.ends_with("ez")
        && !verb
            .chars()
            .any(|c| NOT_FRENCH_LETTER.contains(c.encode_utf8(&mut [0; 4])))
}

/// Whether a line's words after its first are the function words of no other language more
/// than of French: a French "-ez" opens a line in French ("Découvrez nos offres", "Abonnez-vous"),
/// a surname ending so opens a sentence in Spanish or English ("Sánchez anunció este martes …",
/// "Jimenez tried to quit …"), which is news, not a call to the reader.
fn reads_as_french(later: &[String]) -> bool {
    let in_language = |language: &str| {
        later
            .iter()
            .filter(|w| parallax_text::is_function_word_in(w, language))
            .count()
    };
    let english = later
        .iter()
        .filter(|w| parallax_text::is_stopword(w))
        .count();
    let french = in_language("fr");
    french >= english && french >= in_language("es") && french >= in_language("de")
}

/// "Melden Sie sich an", "Lesen Sie auch": a verb, then "Sie" as written.
fn german_imperative(first: &str, second: &str) -> bool {
    second == "Sie" && first != "Sie" && first.chars().all(char::is_alphabetic)
}

/// "Suscríbete", "Síguenos", "Haz clic": a Spanish imperative, with a pronoun attached (and the
/// written accent that comes with it) or in one of its own forms. With no reader or outlet
/// word, only the forms that speak to "you" ("-te") or for "us" ("-nos") in a line of a few
/// words: other accented words end so too ("défense", "émeute").
fn spanish_imperative(first: &str, addressed: bool, words: usize) -> bool {
    let accented = first.chars().any(|c| "áéíóú".contains(c));
    let ends_in = |list: &[&str]| list.iter().any(|c| first.ends_with(c));
    let attached = accented
        && first.chars().count() >= MIN_CLITIC_CHARS
        && ends_in(&CLITIC_ENTRIES)
        && !ends_in(&ADVERB_ENDING_ENTRIES);
    attached
        && (addressed || (2..=MAX_BARE_WORDS).contains(&words) && ends_in(&PERSON_CLITIC_ENTRIES))
        || SHORT_IMPERATIVE.contains(first)
}

/// "Iscriviti alla nostra newsletter", "Scrivici al nostro indirizzo": an Italian imperative
/// with the reader's or the outlet's pronoun attached after the vowel of its stem, in a short
/// line that names the reader or the outlet (plurals end as such imperatives do: "risultati";
/// one followed by a genitive, "Medici del nostro ospedale", or by a possessive, which in Italian
/// follows a noun and never an imperative: "Bambini nostri", Polish "Dzieci naszych").
fn italian_imperative(first: &str, second: &str, addressed: bool, words: usize) -> bool {
    addressed
        && words <= MAX_BARE_WORDS
        && !GENITIVE.contains(second)
        && !OUTLET.contains(second)
        && !READER.contains(second)
        && first.chars().all(char::is_alphabetic)
        && BARE_CLITIC_ENTRIES.iter().any(|clitic| {
            first.strip_suffix(clitic).is_some_and(|stem| {
                stem.chars().count() >= MIN_BARE_STEM_CHARS && stem.ends_with(ITALIAN_STEM_VOWELS)
            })
        })
}

/// "Inscreva-se na nossa newsletter", "Siga-nos": a Portuguese imperative with its pronoun
/// after a hyphen, in a short line that names the reader or the outlet or whose pronoun is
/// theirs ("-nos", "-te"): "-se" is also the passive of news ("Trata-se de ...").
fn portuguese_imperative(first: &str, addressed: bool, words: usize) -> bool {
    let Some((verb, clitic)) = first.rsplit_once('-') else {
        return false;
    };
    words <= MAX_BARE_WORDS
        && verb.chars().count() >= MIN_VERB_CHARS
        && verb.chars().all(char::is_alphabetic)
        && HYPHEN_CLITIC.contains(clitic)
        && (addressed || PERSON_CLITIC.contains(clitic))
}

/// "Obserwuj nas", "Zapisz się do naszego newslettera", "Zarejestruj się": a Polish imperative
/// (by its ending) before the outlet as its object, or before the reflexive pronoun in a line
/// that names the reader or the outlet or is those two words alone (nouns end as imperatives
/// do, and the pronoun follows them too: "Mecz się odbędzie ...").
fn polish_imperative(first: &str, second: &str, addressed: bool, words: usize) -> bool {
    words <= MAX_BARE_WORDS
        && first.chars().count() > MIN_VERB_CHARS
        && first.chars().all(char::is_alphabetic)
        && IMPERATIVE_ENDING_ENTRIES.iter().any(|e| first.ends_with(e))
        && (OBJECT.contains(second) || REFLEXIVE.contains(second) && (addressed || words == 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_the_reader_address_lists_has_its_table() {
        let keys: std::collections::BTreeSet<&str> = parallax_text::lines(READER_ADDRESS)
            .filter_map(|l| Some(l.split_once(':')?.0.trim()))
            .collect();
        let tables = [
            ("reader", &READER),
            ("outlet", &OUTLET),
            ("pointer", &POINTER),
            ("modal", &MODAL),
            ("speech", &SPEECH),
            ("exhortation", &EXHORTATION),
            ("after-verb", &AFTER_VERB),
            ("after-particle", &AFTER_PARTICLE),
            ("short-imperative", &SHORT_IMPERATIVE),
            ("clitic", &CLITIC),
            ("person-clitic", &PERSON_CLITIC),
            ("adverb-ending", &ADVERB_ENDING),
            ("not-french-letter", &NOT_FRENCH_LETTER),
            ("not-verb-ending", &NOT_VERB_ENDING),
            ("bare-clitic", &BARE_CLITIC),
            ("hyphen-clitic", &HYPHEN_CLITIC),
            ("imperative-ending", &IMPERATIVE_ENDING),
            ("reflexive", &REFLEXIVE),
            ("object", &OBJECT),
            ("person-modal", &PERSON_MODAL),
            ("after-bare-verb", &AFTER_BARE_VERB),
            ("statement", &STATEMENT),
            ("genitive", &GENITIVE),
            ("channel", &CHANNEL),
            ("comment", &COMMENT),
        ];
        assert_eq!(keys, tables.iter().map(|(k, _)| *k).collect());
        for (key, table) in tables {
            assert!(table.reads_as_at_run_time(), "{key}");
        }
    }

    /// Each list tried entry by entry holds its own table's entries, every one of them.
    #[test]
    fn lists_tried_entry_by_entry_hold_their_tables_entries() {
        let lists: [(&AddressList, &[&str]); 6] = [
            (&CLITIC, &CLITIC_ENTRIES),
            (&PERSON_CLITIC, &PERSON_CLITIC_ENTRIES),
            (&NOT_VERB_ENDING, &NOT_VERB_ENDING_ENTRIES),
            (&BARE_CLITIC, &BARE_CLITIC_ENTRIES),
            (&IMPERATIVE_ENDING, &IMPERATIVE_ENDING_ENTRIES),
            (&ADVERB_ENDING, &ADVERB_ENDING_ENTRIES),
        ];
        for (table, entries) in lists {
            assert!(!entries.is_empty());
            assert_eq!(entries.len(), table.iter().count());
            assert!(entries.iter().all(|e| table.contains(e)), "{entries:?}");
        }
        assert!(CLITIC_ENTRIES.contains(&"te") || CLITIC_ENTRIES.contains(&"nos"));
    }

    #[track_caller]
    fn check(line: &str, expected: bool) {
        assert_eq!(is_reader_address(line), expected, "{line}");
    }

    #[test]
    fn lines_addressed_to_the_reader() {
        check("Follow us on Mastodon for the latest updates.", true);
        check("Enter your email address to keep reading.", true);
        check("Click here to see the full gallery.", true);
        check("You can change your settings at any time.", true);
        check("Inscrivez-vous à notre lettre du matin.", true);
        check("Découvrez nos offres pour les lecteurs.", true);
        check("Melden Sie sich jetzt für den Morgenbrief an.", true);
        check("Lesen Sie auch unsere Analyse der Wahl.", true);
        check("Suscríbete a nuestro boletín diario.", true);
        check("Síguenos en las redes sociales.", true);
        check("Haz clic aquí para ver la galería.", true);
        check(
            "Você pode alterar as suas preferências a qualquer momento.",
            true,
        );
        check("Ty możesz zmienić ustawienia w każdej chwili.", true);
    }

    #[test]
    fn a_pronoun_spelled_as_an_abbreviation_is_a_name() {
        // "US" in a line not in capitals is the country: no outlet speaking. A line shouted
        // whole still speaks to the reader.
        check("Consider US school holiday timings", false);
        check("Listen US reaction to the trade talks", false);
        check("FOLLOW US ON MASTODON", true);
        check("Follow us on Mastodon", true);
    }

    #[test]
    fn a_label_and_a_colon_open_no_call_to_action() {
        // A heading's topic before a colon is no verb, though the reader is named after it.
        check(
            "FAQ : vos questions fréquentes avant l'achat d'un grill",
            false,
        );
        check("Resumen: tus derechos como cliente de la tienda", false);
        check("Podsumowanie: twoje prawa jako klienta sklepu", false);
        check("Guide: your rights as a customer of the shop", false);
        // The verb itself still calls, with its colon after the reader.
        check("Enter your email: we send one letter a week.", true);
    }

    #[test]
    fn a_surname_ending_as_a_french_imperative_opens_news() {
        // Spanish surnames end in "-ez" as French imperatives do; the words after them tell.
        check(
            "Sánchez anunció este martes un plan de vivienda para los jóvenes.",
            false,
        );
        check(
            "Jiménez recordó que el año pasado se anunció un programa similar.",
            false,
        );
        check(
            "Jimenez tried to quit, but the coach talked her out of it.",
            false,
        );
        check("Gómez erzielte in der letzten Minute das Siegtor.", false);
        check("Álvarez lo confirmó en rueda de prensa.", false);
        check("Découvrez nos offres pour les lecteurs.", true);
        check("Abonnez-vous", true);
        check("Retrouvez tous nos articles sur notre site.", true);
    }

    #[test]
    fn an_adverb_ending_as_an_imperative_with_its_pronoun_opens_news() {
        // "-mente" ends as "suscríbete" does, accent and all.
        check("Únicamente dos diputados votaron en contra.", false);
        check("Prácticamente nadie acudió a la cita.", false);
        check("Próximamente habrá más detalles.", false);
        check("Suscríbete a nuestro boletín diario.", true);
        check("Apúntate a nuestro club de lectura.", true);
    }

    #[test]
    fn news_and_quotes_are_not_addressed_to_the_reader() {
        check("Stay indoors, the mayor told residents on Monday.", false);
        check("Você pode votar até domingo, disse o ministro.", false);
        check(
            "Ty możesz to zmienić, powiedział premier w poniedziałek.",
            false,
        );
        check(
            "Police here are investigating the cause of the fire.",
            false,
        );
        check("Residents fled their homes as the fire spread.", false);
        check(
            "“Leave your car at home,” the mayor urged residents.",
            false,
        );
        check(
            "You can't win them all, the coach said after the match.",
            false,
        );
        // Advice the article reports, its verb after it.
        check(
            "Schließen Sie Fenster und Türen, warnt die Feuerwehr.",
            false,
        );
        check("Restez chez vous, a conseillé le maire.", false);
        check("Évitez le secteur, prévient la gendarmerie.", false);
        check("Quédense en casa, recomendó el alcalde.", false);
        check(
            "Chez les jeunes, le chômage a reculé de deux points.",
            false,
        );
        check("Sie sagte, der Rat werde am Montag tagen.", false);
        check(
            "Die Polizei hat ihre Ermittlungen am Montag aufgenommen.",
            false,
        );
        check("Según la policía, el incendio comenzó en el puerto.", false);
        check(
            "Después del incendio, el puerto cerró durante dos días.",
            false,
        );
        check("Ukraine and its allies met again on Tuesday.", false);
        check("Ok, now for the second half of the match.", false);
        check("Défense.", false);
        check(
            "Let us not forget the lessons of this harbour, Senator.",
            false,
        );
        check("Keep your receipts and your bank statements for at least six years, in case of an audit.", false);
        check("Tell us what you think of the harbour plan.", true);
    }

    #[test]
    fn calls_to_action_in_italian_portuguese_and_polish() {
        // An imperative with no mark of its mood before "here" and a particle.
        check("Clicca qui per vedere la galleria completa.", true);
        check("Clique aqui para ver a galeria completa.", true);
        check("Pulsa aquí para ver la galería completa.", true);
        check("Kliknij tutaj, aby zobaczyć całą galerię.", true);
        // ... or before "now" alone.
        check("Abbonati ora", true);
        check("Assine agora", true);
        check("Compra ahora", true);
        check("Kup teraz", true);
        // A pronoun attached, after a hyphen, or after the verb.
        check("Iscriviti alla nostra newsletter del mattino.", true);
        check("Inscreva-se na nossa newsletter da manhã.", true);
        check("Siga-nos nas redes sociais.", true);
        check("Zapisz się do naszego newslettera.", true);
        check("Obserwuj nas na Facebooku.", true);
        check("Zarejestruj się", true);
        // A modal whose ending says "you".
        check("Puoi cambiare le impostazioni in qualsiasi momento.", true);
        check("Możesz zmienić ustawienia w każdej chwili.", true);
        check("Podes alterar as preferências a qualquer momento.", true);
    }

    #[test]
    fn news_in_italian_portuguese_and_polish_is_not_addressed_to_the_reader() {
        check(
            "Sono qui per aiutare le famiglie, ha detto il sindaco.",
            false,
        );
        check("Estou aqui para ajudar as famílias.", false);
        check("Risultati delle elezioni comunali.", false);
        check("Tutti i nostri lettori hanno ricevuto la lettera.", false);
        check("Amici e nemici della riforma.", false);
        check("Trata-se de uma decisão do governo.", false);
        check("Protestos nas ruas de Lisboa.", false);
        check("Mecz się odbędzie w sobotę.", false);
        check("Kraj się zmienia.", false);
        check("Puoi fare tutto, disse il ministro.", false);
        check("Solo ora", false);
        check("Ogni ora il porto apre le sue porte ai traghetti.", false);
    }

    #[test]
    fn italian_news_naming_the_outlet_or_the_reader_is_kept() {
        // A plural noun shaped as an imperative with its pronoun ("risulta-ti", "medi-ci") before
        // a genitive or in a line stating something of it.
        check("Risultati della nostra inchiesta sono chiari.", false);
        check("Medici del nostro ospedale in sciopero da lunedì.", false);
        check("Politici della nostra regione divisi sulla riforma.", false);
        check("Archivi della nostra città riaperti dopo i lavori.", false);
        check(
            "Deputati e senatori hanno votato la nostra proposta.",
            false,
        );
        check("Candidati al nostro consiglio comunale sono dodici.", false);
        // A possessive or pronoun after a noun or an adverb, not after a verb.
        check("Bambini nostri e dei vicini giocano nel cortile.", false);
        check("Anche noi abbiamo chiesto chiarimenti al comune.", false);
        check("Anche noi siamo stati colpiti dalla tempesta.", false);
        check("Tecnici del comune al lavoro nel nostro quartiere.", false);
    }

    #[test]
    fn portuguese_news_naming_the_outlet_or_the_reader_is_kept() {
        check("Resultados da nossa investigação são claros.", false);
        check(
            "Casa nossa é onde a família se reúne, conta a moradora.",
            false,
        );
        check(
            "Fala-se muito da nossa seleção, que foi campeã em 2002.",
            false,
        );
        check(
            "Vende-se a nossa antiga sede, que está vazia há anos.",
            false,
        );
        check(
            "Sabe-se agora que o nosso hospital tem falta de médicos.",
            false,
        );
        check("Amigos nossos foram presos em Lisboa.", false);
        check("Ajuda nossa foi enviada para a região.", false);
        check(
            "Vitória nossa é também do povo, afirma o presidente.",
            false,
        );
    }

    #[test]
    fn polish_news_naming_the_outlet_or_the_reader_is_kept() {
        // A noun before a possessive, which in Polish may follow it.
        check("Wyniki naszego śledztwa są jasne.", false);
        check(
            "Wyniki naszego śledztwa opublikujemy w poniedziałek.",
            false,
        );
        check("Lekarze naszego szpitala odeszli z pracy.", false);
        check("Radni naszego miasta przyjęli budżet.", false);
        check("Dzieci naszych sąsiadów wróciły ze szkoły.", false);
        check("Uczniowie naszej szkoły wygrali konkurs.", false);
        check("Mieszkańcy naszej gminy protestowali przed urzędem.", false);
        // A noun ending as an imperative does, in a line that states something.
        check("Mecz naszej drużyny jest w sobotę.", false);
        check("Kraj się zmienia, a nasza gospodarka jest silna.", false);
        check(
            "Mecz się odbył na naszym stadionie, było pełno kibiców.",
            false,
        );
    }

    #[test]
    fn a_line_stating_with_a_third_person_be_or_have_is_kept_in_every_language() {
        check(
            "Save our harbour is the campaign's slogan this year.",
            false,
        );
        check("Follow your heart was the title of her first novel.", false);
        check("Sal Rivera is the harbour's new pilot.", false);
        check("Rendez-vous est pris pour lundi avec le maire.", false);
        check("Rendez-vous a été pris, le maire était présent.", false);
        check(
            "Ob Sie es glauben oder nicht, der Hafen ist seit Montag zu.",
            false,
        );
        check("Sal y pimienta es todo lo que lleva esta receta.", false);
        check("Ven conmigo fue su primera canción en la radio.", false);
        // A call to action states nothing so.
        check("Save our harbour: sign the petition today.", true);
        check("Rendez-vous sur notre site pour voter.", true);
    }

    #[test]
    fn advice_is_a_modal_line_of_some_length_that_offers_nothing_of_the_outlet() {
        assert!(is_advice(
            "You can use any pot you like, as long as it drains."
        ));
        assert!(is_advice("Vous pouvez utiliser n'importe quel pot percé."));
        assert!(!is_advice("You may also like"));
        assert!(!is_advice("You can read our guide to gardening here."));
        assert!(!is_advice(
            "Sign up for the newsletter to read more every day."
        ));
        assert!(!is_advice("Sie können den Brief hier jeden Tag lesen."));
        assert!(is_advice("Puoi usare qualsiasi vaso, purché sia forato."));
        assert!(!is_advice("Puoi leggere la nostra guida al giardinaggio."));
    }
}
