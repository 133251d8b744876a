//! The legal line under a form ("By signing up, you agree to our Terms of Use …", "En vous
//! inscrivant, vous acceptez …"): what the reader agrees to by sending a sign-up, a comment or a
//! request for a quote. A page sets it inside the article's container as often as beside it, and
//! it is no sentence of the article.

use std::sync::LazyLock;

use parallax_text::chars::starts_with_folded;

use super::scan;

/// The phrases of `data/form_terms.txt`.
const FORM_TERMS: &str = include_str!("../../data/form_terms.txt");

/// What the reader does to a form, opening the line (lowercase), by their first byte: a block is
/// compared only with the actions that open as it does.
static ACTIONS: LazyLock<Vec<Vec<&str>>> = LazyLock::new(|| {
    crate::lexicon::by_first_byte(parallax_text::keyed_lines(FORM_TERMS, "action"))
});

/// The reader's (or the first person's) assent, anywhere in the line's first sentence.
static ASSENTS: LazyLock<Vec<&str>> =
    LazyLock::new(|| parallax_text::keyed_lines(FORM_TERMS, "assent").collect());

/// Words of the longest first sentence read: such a line says what the reader agrees to in one
/// sentence; an article's sentence running longer is its own.
const MAX_TERMS_WORDS: usize = 60;

/// Whether a block is a form's legal line: its first sentence opens with what the reader does to
/// the form ("By clicking …", "Mit Ihrer Anmeldung …") and says the reader agrees ("you agree",
/// "stimmen Sie … zu"). Opening so without assent, a sentence is the article's ("By clicking the
/// button twice, you will see …").
pub(super) fn is_form_terms(b: &str) -> bool {
    let b = b.trim_start();
    if !opens_with_action(b) {
        return false;
    }
    let first = super::sentences(b).next().unwrap_or_default();
    if super::words_exceed(first, MAX_TERMS_WORDS) {
        return false;
    }
    let lower = first.to_lowercase();
    ASSENTS.iter().any(|a| scan::holds_phrase(&lower, a))
}

/// Whether a text opens with an action of a form, in any case, as whole words. Every action opens
/// with an ASCII letter: a text opening with another byte opens with none.
fn opens_with_action(text: &str) -> bool {
    let first = text.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    ACTIONS[usize::from(first)].iter().any(|action| {
        starts_with_folded(text, action).is_some_and(|end| scan::ends_word(text, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(block: &str, expected: bool) {
        assert_eq!(is_form_terms(block), expected, "{block:?}");
    }

    #[test]
    fn a_forms_legal_line_is_told_in_seven_languages() {
        for line in [
            "By signing up, you agree to receive our offers by text message. Rates may apply.",
            "By clicking “Send”, you agree to our terms and acknowledge our privacy notice.",
            "By continuing, I agree to the site's rules.",
            "BY CREATING AN ACCOUNT, YOU ACCEPT OUR TERMS.",
            "En vous inscrivant, vous acceptez nos conditions générales d'utilisation.",
            "Mit Ihrer Anmeldung stimmen Sie unseren Nutzungsbedingungen zu.",
            "Indem Sie auf „Absenden“ klicken, akzeptieren Sie die Bedingungen.",
            "Al suscribirte, aceptas nuestra política de privacidad.",
            "Iscrivendoti accetti i termini del servizio.",
            "Ao se inscrever, você concorda com os nossos termos.",
            "Zapisując się, akceptujesz regulamin serwisu.",
        ] {
            check(line, true);
        }
    }

    #[test]
    fn a_sentence_opening_the_same_way_without_assent_is_the_articles() {
        for line in [
            "By clicking the button several times, you will see each answer arrive in turn.",
            "By providing customers with timely deals, shops keep them coming back.",
            "By signing up for the trial, the council hopes to cut its costs by a tenth.",
            "By clicking on these links, you may be taken to a partner's site.",
            // The action must open the line, and the assent be a whole phrase.
            "The rules say that by signing up you agree to be contacted.",
            "By subscribing, you agreeably wait for the next issue.",
            "Bylines clicking into place, you agree it was a good day.",
        ] {
            check(line, false);
        }
    }

    #[test]
    fn every_action_opens_with_a_lowercase_ascii_letter_and_is_found_by_it() {
        for action in parallax_text::keyed_lines(FORM_TERMS, "action") {
            assert!(action.as_bytes()[0].is_ascii_lowercase(), "{action:?}");
            check(&format!("{action}, you agree to the rules."), true);
        }
    }

    #[test]
    fn only_the_first_sentence_is_read_for_the_assent() {
        check(
            "By continuing the talks, the two sides bought time. You agree, surely, that this helps.",
            false,
        );
    }
}
