//! The sentences a summary may use: not too short or long, not questions, not opening with a
//! quotation, and not repeating a sentence already taken (wire copies carry the same text); each
//! with its shorter variant, cut before a trailing clause, when it has one.

use foldhash::{HashSet, HashSetExt};
use std::hash::BuildHasher;

use parallax_core::Analyzed;

use super::compress::{compress, cut_trailing_clause};
use super::readable::{self, ByText};
use super::{SentenceRef, SummaryConfig};

/// A sentence the summary may use.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// Where it is.
    pub at: SentenceRef,
    /// Its length as readers (and ROUGE) count it: whitespace-separated words.
    pub words: usize,
    /// The compressed text, when compression cut something.
    pub text: Option<String>,
    /// Stems of the words and content terms of the compressed text, when there is one (a whole
    /// sentence's are its `Sentence`'s, not copied).
    pub reading: Option<Reading>,
    /// Whether this is a sentence cut before its trailing clause: the shorter form of the
    /// candidate before it, which the selection may take instead of it (never both).
    pub cut: bool,
}

/// Stems of a text's words and its content terms, as `parallax_analyze::tokens::tokenize_in`
/// reads them.
#[derive(Debug, Clone)]
pub(crate) struct Reading {
    /// Stems of its words.
    pub stems: Vec<String>,
    /// Its content terms.
    pub terms: Vec<String>,
}

impl Reading {
    fn of(text: &str, language: &str) -> Self {
        let (_, stems, terms) = parallax_analyze::tokens::tokenize_in(text, language);
        Self { stems, terms }
    }
}

/// A hash of a sentence's stems, to recognise copies that differ only in case or punctuation.
fn fingerprint(stems: &[String]) -> u64 {
    // One fixed seed: a fingerprint only has to tell the sentences of one run apart.
    foldhash::quality::FixedState::with_seed(0).hash_one(stems)
}

/// Whether a sentence opens with a quotation, in any of the four languages' marks (“, ", ``,
/// ', «, „, ‚, and German »): the quotes section gives someone's words, the summary the story.
fn opens_with_quote(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with(['"', '\u{201c}', '\'', '«', '„', '‚', '»', '‹', '›']) || t.starts_with("``")
}

/// The usable sentences of all articles, in article and sentence order.
pub(crate) fn collect(docs: &[Analyzed], config: &SummaryConfig) -> Vec<Candidate> {
    let mut seen = HashSet::new();
    // Sentences read already whose candidates followed from their text alone: a copy of one (wire
    // copies repeat whole sentences) would give the same candidates again, which `seen` turns
    // away, so it is not read again.
    let mut read_by_text: HashSet<&str> = HashSet::new();
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (s, sentence) in doc.sentences.iter().enumerate() {
            if read_by_text.contains(sentence.text.as_str()) {
                continue;
            }
            // What rules a sentence out by its own text is read before it is compressed.
            if sentence.text.contains('?')
                || opens_with_quote(&sentence.text)
                || (config.skip_dangling && super::readable::opens_with_reference(&sentence.text))
            {
                continue;
            }
            let mut text = if config.compress {
                compress(&sentence.text)
            } else {
                None
            };
            if config.readable {
                let shown = text.as_deref().unwrap_or(&sentence.text);
                let standalone = match readable::standalone_by_text(shown) {
                    ByText::Decided(out) => {
                        read_by_text.insert(&sentence.text);
                        out
                    }
                    ByText::FirstPerson(t) => readable::with_speaker(doc, s, t),
                };
                match standalone {
                    Some(t) if t == sentence.text => text = None,
                    Some(t) => text = Some(t),
                    None => continue,
                }
            } else {
                read_by_text.insert(&sentence.text);
            }
            let language = doc.article.language.as_str();
            let reading = text.as_deref().map(|t| Reading::of(t, language));
            let stems = reading.as_ref().map_or(&sentence.stems, |r| &r.stems);
            let words = text
                .as_deref()
                .unwrap_or(&sentence.text)
                .split_whitespace()
                .count();
            if words < config.min_sentence_words
                || words > config.max_sentence_words
                || !seen.insert(fingerprint(stems))
            {
                continue;
            }
            let shorter = config
                .compress
                .then(|| cut_trailing_clause(text.as_deref().unwrap_or(&sentence.text)))
                .flatten();
            let at = SentenceRef {
                doc: d,
                sentence: s,
                text: None,
            };
            out.push(Candidate {
                at: at.clone(),
                words,
                text,
                reading,
                cut: false,
            });
            if let Some(short) = shorter {
                let words = short.split_whitespace().count();
                let reading = Reading::of(&short, language);
                if words >= config.min_sentence_words && seen.insert(fingerprint(&reading.stems)) {
                    out.push(Candidate {
                        at,
                        words,
                        text: Some(short),
                        reading: Some(reading),
                        cut: true,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: bool) {
        assert_eq!(opens_with_quote(text), expected, "{text}");
    }

    #[test]
    fn a_quotation_opens_a_sentence_in_every_language() {
        check("“We will rebuild,” the mayor said.", true);
        check("``We will rebuild,'' the mayor said.", true);
        check(
            "« Toute la lumière sera faite », a promis le ministre.",
            true,
        );
        check(
            "„Meine Gedanken sind bei den Verletzten“, erklärte sie.",
            true,
        );
        check("»Wir bauen alles wieder auf«, sagte er.", true);
        check("«Es una subida justa», dijo la ministra.", true);
        check("The mayor said: “We will rebuild.”", false);
    }
}
