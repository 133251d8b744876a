//! Sentences that stand alone: a summary sentence must not open with a connective ("However,"),
//! a pronoun whose referent the summary may not give ("He", "Cela"), or be someone's words in
//! the first person without the speaker. Connectives are cut, a first-person sentence is given
//! its speaker when the analysis knows it, anything else that cannot stand alone is left out.
//! The words are data (`data/`), in the four languages.

use foldhash::{HashMap, HashSet};
use std::sync::LazyLock;

use parallax_core::Analyzed;

use parallax_text::lines;

/// Connectives, lowercase, longest first, by their first character: a text is compared only with
/// the connectives that open as it does.
static CONNECTIVES: LazyLock<HashMap<char, Vec<&'static str>>> = LazyLock::new(|| {
    let mut v: Vec<&str> = lines(include_str!("../../data/connectives.txt")).collect();
    v.sort_by_key(|c| std::cmp::Reverse(c.len()));
    let mut by_first: HashMap<char, Vec<&str>> = HashMap::default();
    for c in v {
        if let Some(first) = c.chars().next() {
            by_first.entry(first).or_default().push(c);
        }
    }
    by_first
});

/// The connectives that may open `text`, longest first.
fn connectives_opening(text: &str) -> &'static [&'static str] {
    text.chars()
        .next()
        .and_then(|first| CONNECTIVES.get(&first))
        .map_or(&[], Vec::as_slice)
}

parallax_text::word_table!(
    static DANGLING = lines include_str!("../../data/dangling.txt")
);

parallax_text::word_table!(
    static DANGLING_BEFORE_LOWERCASE = lines include_str!("../../data/dangling_before_lowercase.txt")
);

parallax_text::word_table!(
    static FIRST_PERSON = lines include_str!("../../data/first_person.txt")
);

/// What a word of [`FIRST_PERSON`] can be: which bytes open one, and the longest's length. A
/// word that cannot be one is not looked up.
static FIRST_PERSON_SHAPE: LazyLock<([bool; 256], usize)> = LazyLock::new(|| {
    let mut first = [false; 256];
    let mut longest = 0;
    for w in FIRST_PERSON.iter() {
        if let Some(&b) = w.as_bytes().first() {
            first[usize::from(b)] = true;
        }
        longest = longest.max(w.len());
    }
    (first, longest)
});

/// Whether `word` is a word of [`FIRST_PERSON`].
fn is_first_person(word: &str) -> bool {
    let (first, longest) = &*FIRST_PERSON_SHAPE;
    word.len() <= *longest
        && word
            .as_bytes()
            .first()
            .is_some_and(|&b| first[usize::from(b)])
        && FIRST_PERSON.contains(word)
}

/// The words of a text, trimmed of punctuation (inner apostrophes kept).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .map(|w| w.trim_end_matches(['\'', '’']))
}

/// The connective `text` opens with, and the byte length of it with what follows it (comma and
/// space).
fn leading_connective(text: &str) -> Option<usize> {
    leading_connective_in(text, &parallax_text::lowercase(text))
}

/// [`leading_connective`] with the text's lowercase at hand.
fn leading_connective_in(text: &str, lower: &str) -> Option<usize> {
    connectives_opening(lower).iter().find_map(|c| {
        let rest = lower.strip_prefix(c)?;
        let boundary = rest.starts_with([',', ' ', ';', ':']);
        if !boundary || lower.len() != text.len() {
            return None;
        }
        let skip = c.len() + (rest.len() - rest.trim_start_matches([',', ' ', ';', ':']).len());
        Some(skip)
    })
}

/// Whether a sentence opens with a connective ("However, ...", "Mais ...").
pub fn opens_with_connective(text: &str) -> bool {
    leading_connective(text.trim_start()).is_some()
}

/// Whether a sentence opens with a word that points back ("He", "These", "Cela").
pub fn opens_with_reference(text: &str) -> bool {
    let mut words = words(text);
    let Some(first) = words.next() else {
        return false;
    };
    DANGLING.contains(first)
        || (DANGLING_BEFORE_LOWERCASE.contains(first)
            && words.take(2).all(|w| w.starts_with(char::is_lowercase)))
}

/// The sentence without its leading connective and without a connective set off by commas
/// after its first words ("Russia, however, has denied ..."); `None` when there is none.
pub fn strip_connectives(text: &str) -> Option<String> {
    let t = text.trim();
    let mut out = t.to_string();
    let mut lower = t.to_lowercase();
    if let Some(skip) = leading_connective_in(t, &lower) {
        let rest = t.get(skip..).unwrap_or("");
        let mut chars = rest.chars();
        out = match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
        lower = out.to_lowercase();
    }
    // ", however," within the first five words.
    if lower.len() == out.len() {
        // Only the opening words are searched: ", however," after the subject.
        let mut head_end = lower.len().min(120);
        while !lower.is_char_boundary(head_end) {
            head_end -= 1;
        }
        let opening = &lower[..head_end];
        // At each comma of the opening, a connective closed by another comma.
        let bytes = opening.as_bytes();
        let mut commas = (0..bytes.len().saturating_sub(1))
            .filter(|&k| bytes[k] == b',' && bytes[k + 1] == b' ');
        let found = commas.find_map(|at| {
            let rest = opening.get(at + 2..)?;
            let c = connectives_opening(rest).iter().find(|c| {
                rest.strip_prefix(**c)
                    .is_some_and(|after| after.starts_with(','))
            })?;
            Some((at, 2 + c.len() + 1))
        });
        if let Some((at, len)) = found {
            let head = out.get(..at).unwrap_or("");
            let tail = out.get(at + len..).unwrap_or("").trim_start();
            if head.split_whitespace().count() <= 5 {
                out = format!("{head} {tail}");
            }
        }
    }
    (out != t && out.split_whitespace().count() >= 4).then_some(out)
}

/// Whether any of the [`words`] of a text is a word of [`FIRST_PERSON`].
fn any_first_person(text: &str) -> bool {
    if !text.is_ascii() {
        return words(text).any(is_first_person);
    }
    // ASCII (most sentences): the same words, split and trimmed byte by byte. Of ASCII, white
    // space is the space and \t to \r, and only letters and digits are alphanumeric.
    let bytes = text.as_bytes();
    let kept = |b: u8| b.is_ascii_alphanumeric() || b == b'\'';
    let mut start = 0;
    for end in (0..=bytes.len()).filter(|&i| {
        bytes
            .get(i)
            .is_none_or(|b| matches!(b, b' ' | b'\t'..=b'\r'))
    }) {
        let (mut a, mut b) = (start, end);
        start = end + 1;
        while a < b && !kept(bytes[a]) {
            a += 1;
        }
        while a < b && !kept(bytes[b - 1]) {
            b -= 1;
        }
        while a < b && bytes[b - 1] == b'\'' {
            b -= 1;
        }
        if a < b && text.get(a..b).is_some_and(is_first_person) {
            return true;
        }
    }
    false
}

/// Whether the text speaks in the first person outside quotation marks.
fn first_person(text: &str) -> bool {
    // Without quotation marks, all of the text is outside them.
    if !text.contains(['“', '«', '„', '”', '»', '"']) {
        return any_first_person(text);
    }
    let mut outside = String::with_capacity(text.len());
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '“' if depth > 0 => depth -= 1,
            '“' | '«' | '„' => depth += 1,
            '”' | '»' if depth > 0 => depth -= 1,
            '"' => depth = if depth > 0 { 0 } else { 1 },
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    any_first_person(&outside)
}

/// The sentence as a summary may give it: connectives cut; a first-person sentence given its
/// speaker when the analysis knows who speaks, else `None`; `None` too when it opens with a
/// word that points back.
pub fn standalone(doc: &Analyzed, sentence: usize, text: &str) -> Option<String> {
    match standalone_by_text(text) {
        ByText::Decided(out) => out,
        ByText::FirstPerson(text) => with_speaker(doc, sentence, text),
    }
}

/// What the text of a sentence alone says of it standing alone.
pub(crate) enum ByText {
    /// The sentence as a summary may give it, or `None`: the same whatever the article.
    Decided(Option<String>),
    /// A sentence in the first person (connectives cut): whether it stands depends on who
    /// speaks in its article.
    FirstPerson(String),
}

/// Whether a sentence names who said it by a pronoun alone, in a clause set off by a comma
/// ("…, he said.", "The operators, she said, …", "…, a-t-il précisé.", "…, sagte er."): out of
/// its article, nobody knows who.
pub fn said_by_a_pronoun(text: &str) -> bool {
    let text = text.trim_end();
    // One clause alone has no comma to set it off ("He said the port would reopen.").
    text.contains(", ")
        && text.split(", ").any(|clause| {
            let words = || words(clause).filter(|w| !w.is_empty());
            (2..=3).contains(&words().take(4).count())
                && words().any(parallax_analyze::is_speaker_pronoun)
                && words().any(parallax_analyze::is_speech_verb)
        })
}

/// German reported speech: Konjunktiv I forms, and the words that name a source.
static REPORTED_SPEECH: LazyLock<(HashSet<&'static str>, HashSet<&'static str>)> =
    LazyLock::new(|| {
        let (mut verbs, mut sources) = (HashSet::default(), HashSet::default());
        for line in lines(include_str!("../../data/reported_speech.txt")) {
            if let Some(verb) = line.strip_prefix("verb ") {
                verbs.insert(verb);
            } else if let Some(source) = line.strip_prefix("source ") {
                sources.insert(source);
            }
        }
        (verbs, sources)
    });

/// Whether a sentence is someone's words reported with no speaker in it: a German verb of
/// reported speech ("Der Hang habe sich bewegt.") and no verb of speech or source named.
pub fn reported_without_speaker(text: &str) -> bool {
    let (verbs, sources) = &*REPORTED_SPEECH;
    // Most sentences have no such verb: looked for first, as it is the cheaper test.
    words(text).any(|w| verbs.contains(w))
        && !words(text).any(|w| {
            parallax_analyze::is_speech_verb(w)
                || sources.contains(parallax_text::lowercase(w).as_ref())
        })
}

/// The part of [`standalone`] that reads the text alone.
pub(crate) fn standalone_by_text(text: &str) -> ByText {
    let text = strip_connectives(text).unwrap_or_else(|| text.trim().to_string());
    if opens_with_reference(&text) || said_by_a_pronoun(&text) || reported_without_speaker(&text) {
        return ByText::Decided(None);
    }
    if !first_person(&text) {
        return ByText::Decided(Some(text));
    }
    ByText::FirstPerson(text)
}

/// A first-person sentence given its speaker, when the analysis knows who speaks.
pub(crate) fn with_speaker(doc: &Analyzed, sentence: usize, text: String) -> Option<String> {
    let own = doc.sentences.get(sentence)?;
    let speaker = doc
        .quotes
        .iter()
        .filter(|q| q.sentence == sentence || q.text.contains(own.text.trim_end_matches('.')))
        .find_map(|q| q.speaker.as_ref().filter(|s| s.named))?;
    let surname = speaker.name.split_whitespace().last().unwrap_or("");
    if text.contains(surname) {
        // Attributed in the sentence itself ("..., Macron said").
        return Some(text);
    }
    Some(format!("{} said: “{}”", speaker.name, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_table_reads_its_list_as_the_run_time_reader_does() {
        parallax_text::assert_tables_read_as_at_run_time!(
            DANGLING,
            DANGLING_BEFORE_LOWERCASE,
            FIRST_PERSON,
        );
    }

    #[test]
    fn the_shape_check_keeps_every_first_person_word() {
        for w in FIRST_PERSON.iter() {
            assert!(is_first_person(w), "{w}");
        }
        for w in ["", "US", "Us", "mine", "Nosotross", "they", "é", "Ich's"] {
            assert_eq!(is_first_person(w), FIRST_PERSON.contains(w), "{w}");
        }
    }

    #[test]
    fn first_person_words_are_read_alike_byte_by_byte() {
        for text in [
            "I said it",
            "We'll see, he said.",
            "'we' did -- it.",
            "they told us'' so",
            "  ...I...  ",
            "'''",
            "Ours,\tmine\nand\x0byours",
            "no one here",
            "Je pense, donc... nous",
            "",
        ] {
            assert_eq!(
                any_first_person(text),
                words(text).any(is_first_person),
                "{text:?}"
            );
        }
    }

    fn analyzed(text: &str) -> Analyzed {
        parallax_analyze::analyze(crate::testing::article("a", text))
    }

    #[track_caller]
    fn check(text: &str, expected: Option<&str>) {
        check_doc(&analyzed(text), expected);
    }

    #[track_caller]
    fn check_doc(doc: &Analyzed, expected: Option<&str>) {
        let last = doc.sentences.len().saturating_sub(1);
        let sentence = doc.sentences.get(last).map_or("", |s| s.text.as_str());
        assert_eq!(
            standalone(doc, last, sentence).as_deref(),
            expected,
            "{sentence}"
        );
    }

    #[test]
    fn a_speaker_named_by_a_pronoun_alone_leaves_the_sentence_out() {
        check("The port will reopen on Monday, he said.", None);
        check(
            "Environ 120 passagers se trouvaient à bord du train, a-t-il précisé.",
            None,
        );
        check("Die Ursache sei noch unklar, sagte er.", None);
        check(
            "The operators, she said, \"want to replace people with software.\"",
            None,
        );
        check("He said, \"The port will reopen on Monday.\"", None);
        check(
            "The port will reopen on Monday, the mayor said.",
            Some("The port will reopen on Monday, the mayor said."),
        );
        check(
            "Ships wait outside, and he said the port would reopen.",
            Some("Ships wait outside, and he said the port would reopen."),
        );
    }

    #[test]
    fn reported_speech_without_its_speaker_is_left_out() {
        check(
            "Der Hang habe sich seit dem Morgen um wenige Zentimeter bewegt.",
            None,
        );
        check(
            "Der Geologe erklärte, der Boden sei völlig gesättigt.",
            Some("Der Geologe erklärte, der Boden sei völlig gesättigt."),
        );
        check(
            "Laut Polizei sei niemand verletzt worden.",
            Some("Laut Polizei sei niemand verletzt worden."),
        );
        check(
            "Der Hang wird rund um die Uhr überwacht.",
            Some("Der Hang wird rund um die Uhr überwacht."),
        );
    }

    #[test]
    fn connectives_are_cut() {
        check(
            "However, the port reopened on Monday morning.",
            Some("The port reopened on Monday morning."),
        );
        check(
            "The city, however, has denied any such plans.",
            Some("The city has denied any such plans."),
        );
        check(
            "Mais la ville a rouvert le port lundi matin.",
            Some("La ville a rouvert le port lundi matin."),
        );
        check(
            "Sin embargo, el puerto reabrió el lunes por la mañana.",
            Some("El puerto reabrió el lunes por la mañana."),
        );
    }

    #[test]
    fn pointing_back_is_left_out() {
        check("He said the port would reopen on Monday.", None);
        check("Cela a permis de rouvrir le port lundi.", None);
        check(
            "Zudem gehen die Einsatzkräfte von rund 50 Verletzten aus.",
            None,
        );
        check("Dabei starben drei Menschen im Hafen.", None);
        check("Das teilte der Kanton am Nachmittag mit.", None);
        check(
            "Das neue Gesetz gilt ab Montag.",
            Some("Das neue Gesetz gilt ab Montag."),
        );
    }

    #[test]
    fn first_person_needs_its_speaker() {
        check("We will rebuild every warehouse by the summer.", None);
        let mut doc = analyzed("We will rebuild every warehouse by the summer.");
        doc.quotes.push(parallax_core::Quote {
            text: "We will rebuild every warehouse by the summer".into(),
            partial: false,
            speaker: Some(parallax_core::Speaker {
                name: "Anna Berg".into(),
                title: None,
                named: true,
            }),
            sentence: 0,
        });
        check_doc(
            &doc,
            Some("Anna Berg said: “We will rebuild every warehouse by the summer.”"),
        );
        check(
            "The mayor said we should expect the port to reopen soon.",
            None,
        );
        check(
            "“We will rebuild every warehouse,” Mayor Anna Berg said.",
            Some("“We will rebuild every warehouse,” Mayor Anna Berg said."),
        );
    }
}
