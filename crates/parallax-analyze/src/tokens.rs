//! Words, stems and content terms of a sentence.

use crate::lexicon::{demonym, known, known_with_stop, STOPWORDS};
use parallax_text::is_function_word_in;

pub use parallax_text::stem;

/// The words of a text as written, compounds in their parts (`parallax_text::tokens` and
/// `Token::parts`: numbers keep their separators, "100,000", "3.5"; a possessive "'s" is left
/// out; "al-Assad" is "al" and "Assad"), so that content terms match word by word.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    parallax_text::tokens(text)
        .into_iter()
        .flat_map(move |t| t.parts(text))
}

/// Whether a lowercase word is a stopword (the function words and analysis's own).
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(word)
}

/// Lowercased words, their stems, and the content terms of an English text.
pub fn tokenize(text: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    tokenize_in(text, "en")
}

/// [`tokenize`] of a text in `language` (ISO 639-1): the function words of French, German and
/// Spanish are no content terms of a text in that language ("la", "der", "que").
pub fn tokenize_in(text: &str, language: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    tokenize_tokens(text, &parallax_text::tokens(text), language)
}

/// [`tokenize_in`] of a text whose `parallax_text::tokens` are at hand.
pub(crate) fn tokenize_tokens(
    text: &str,
    tokens: &[parallax_text::Token],
    language: &str,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut lower = Vec::with_capacity(tokens.len());
    let mut stems = Vec::with_capacity(tokens.len());
    let mut terms = Vec::with_capacity(tokens.len());
    for w in tokens.iter().flat_map(|t| t.parts(text)) {
        let l = parallax_text::lowercase(w).into_owned();
        let s = stem(&l);
        if let Some(term) = term(w, &l, &s).filter(|_| !is_function_word_in(&l, language)) {
            terms.push(term);
        }
        lower.push(l);
        stems.push(s);
    }
    (lower, stems, terms)
}

/// The content term of one word, or `None` for stopwords and punctuation-only tokens.
fn term(original: &str, lower: &str, stem: &str) -> Option<String> {
    if original.bytes().any(|b| b.is_ascii_digit()) {
        let digits: String = original.chars().filter(|c| *c != ',').collect();
        return Some(digits);
    }
    // Case matters for short names ("US" the country, "us" the pronoun).
    if original.chars().next().is_some_and(char::is_uppercase) {
        if let Some(k) = known(original).or_else(|| known_with_stop(original)) {
            return Some(k.name.to_lowercase());
        }
        if let Some(place) = demonym(original) {
            return Some(place.to_lowercase());
        }
    }
    if is_stopword(lower) || lower.chars().count() < 2 {
        return None;
    }
    Some(stem.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_fold_demonyms_and_numbers() {
        let (words, stems, terms) =
            tokenize("Russian troops: more than 100,000 near the U.S. border, Putin's aides said.");
        assert_eq!(words.len(), stems.len());
        assert!(terms.contains(&"russia".to_string()), "{terms:?}");
        assert!(terms.contains(&"100000".to_string()), "{terms:?}");
        assert!(terms.contains(&"united states".to_string()), "{terms:?}");
        assert!(terms.contains(&"troop".to_string()), "{terms:?}");
        assert!(terms.contains(&"putin".to_string()), "{terms:?}");
        assert!(!terms.contains(&"the".to_string()));
    }

    /// Checks the content terms of `text` in `language`.
    #[track_caller]
    fn check(text: &str, language: &str, expected: &[&str]) {
        assert_eq!(tokenize_in(text, language).2, expected, "{text}");
    }

    #[test]
    fn function_words_are_no_terms_in_their_own_language() {
        check(
            "La alcaldesa ha pedido calma a los vecinos.",
            "es",
            &["alcaldesa", "pedido", "calma", "vecino"],
        );
        // "war" is German's "was"; months are words of every report.
        check(
            "Der Tank war im Oktober geprüft worden.",
            "de",
            &["tank", "geprüft", "worden"],
        );
        check(
            "Il est parti car il pleuvait.",
            "fr",
            &["parti", "pleuvait"],
        );
        // "car" is a French function word, and an English noun.
        check("The car hit a wall.", "en", &["car", "hit", "wall"]);
    }
}
