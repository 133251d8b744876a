//! Attributions set inside a quotation: French writes the speaker's verb and pronoun between two
//! commas within the marks ("« Nous avons évacué 340 personnes, a-t-il précisé, et les
//! recherches se poursuivent »"), Spanish the verb and its subject between two dashes («Fue muy
//! rápido —relató uno de los alumnos—, no vimos nada»). Such a passage is read as two pieces of
//! one quote with the attribution between them, outside the marks, where the grammar of speech
//! reads it.

use super::marks::Span;
use super::words::{is_speech_verb, pronoun, INVERTED_AUXILIARIES};

/// Words an attribution within a quote holds at most ("a-t-il précisé").
const MAX_INCISE_WORDS: usize = 3;
/// Words an attribution between dashes holds at most ("relató uno de los alumnos del colegio").
const MAX_DASHED_INCISE_WORDS: usize = 10;

/// The spans of a paragraph with each closed quote that holds an attribution between commas cut
/// into two: the first closes at the comma before the attribution, the second opens after the
/// comma that ends it and goes on the first ([`Span::continues`]).
pub(crate) fn split_at_incises(para: &str, spans: Vec<Span>) -> Vec<Span> {
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        match incise_in(para, &span) {
            Some((comma, resume)) if span.closed => {
                out.push(Span {
                    inner_end: comma,
                    end: comma,
                    ..span
                });
                out.push(Span {
                    start: resume,
                    inner_start: resume,
                    continues: true,
                    ..span
                });
            }
            _ => out.push(span),
        }
    }
    out
}

/// Where the words before an attribution inside the span end (its opening comma) and where the
/// quote's words resume after it (past its closing comma and the space after), for the first
/// attribution the span holds.
fn incise_in(para: &str, span: &Span) -> Option<(usize, usize)> {
    comma_incise_in(para, span).or_else(|| dashed_incise_in(para, span))
}

/// [`incise_in`] for an attribution between dashes that opens with a verb of speech: the first
/// piece ends before the opening dash, the second opens after the closing one and the comma or
/// full stop after it.
fn dashed_incise_in(para: &str, span: &Span) -> Option<(usize, usize)> {
    const DASH: &str = "\u{2014}";
    let inner = para.get(span.inner_start..span.inner_end)?;
    let open = inner.find(&format!(" {DASH}"))?;
    let after = &inner[open + 1 + DASH.len()..];
    let close = after.find(DASH)?;
    let words: Vec<&str> = after[..close].split_whitespace().collect();
    let verb = words.first()?;
    let resumes = after[close + DASH.len()..].trim_start_matches([',', '.', ' ']);
    if open == 0
        || words.len() > MAX_DASHED_INCISE_WORDS
        || !verb.starts_with(char::is_lowercase)
        || !is_speech_verb(verb)
        || !resumes.chars().next().is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    Some((span.inner_start + open, span.inner_end - resumes.len()))
}

/// [`incise_in`] for an inverted attribution between commas.
fn comma_incise_in(para: &str, span: &Span) -> Option<(usize, usize)> {
    let inner = para.get(span.inner_start..span.inner_end)?;
    let mut from = 0;
    while let Some(at) = inner.get(from..)?.find(", ").map(|k| from + k) {
        from = at + 2;
        let rest = &inner[at + 2..];
        let Some(close) = rest.find(',') else {
            break;
        };
        let words: Vec<&str> = rest[..close].split_whitespace().collect();
        let resumes = rest[close + 1..].trim_start();
        if at > 0
            && (1..=MAX_INCISE_WORDS).contains(&words.len())
            && is_inverted_attribution(&words)
            && resumes.chars().next().is_some_and(char::is_alphanumeric)
        {
            let resume = span.inner_start + at + 2 + close + 1;
            let resume = resume + (para.len() - resume - para[resume..].trim_start().len());
            return Some((span.inner_start + at, resume));
        }
    }
    None
}

/// "a-t-il précisé", "dit-elle", "poursuit-il": a verb of speech, or an auxiliary before one,
/// with its subject pronoun run in after a hyphen.
fn is_inverted_attribution(words: &[&str]) -> bool {
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    let Some(verb) = first.split('-').next() else {
        return false;
    };
    if !first.contains('-') || pronoun(first).is_none() {
        return false;
    }
    let lower = verb.to_lowercase();
    if INVERTED_AUXILIARIES.contains(&lower) {
        rest.first().is_some_and(|w| is_speech_verb(w))
    } else {
        is_speech_verb(verb) && rest.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::quote_spans;

    /// The quoted pieces of `para` after splitting, each with whether it goes on the one before.
    #[track_caller]
    fn check(para: &str, expected: &[(&str, bool)]) {
        let got: Vec<(&str, bool)> = split_at_incises(para, quote_spans(para, false))
            .iter()
            .map(|s| (para[s.inner_start..s.inner_end].trim(), s.continues))
            .collect();
        assert_eq!(got, expected, "{para}");
    }

    #[test]
    fn an_inverted_attribution_inside_the_marks_cuts_the_quote() {
        check(
            "« Nous avons évacué 340 personnes, a-t-il précisé, et les recherches continuent. »",
            &[
                ("Nous avons évacué 340 personnes", false),
                ("et les recherches continuent.", true),
            ],
        );
        check(
            "« C'est fini, dit-elle, nous partons demain. »",
            &[("C'est fini", false), ("nous partons demain.", true)],
        );
        check(
            "«Fue todo muy rápido \u{2014}relató uno de los alumnos\u{2014}, no vimos nada».",
            &[("Fue todo muy rápido", false), ("no vimos nada", true)],
        );
    }

    #[test]
    fn commas_without_an_attribution_leave_the_quote_whole() {
        check(
            "« Il faut, dit le texte, agir vite. »",
            &[("Il faut, dit le texte, agir vite.", false)],
        );
        check(
            "« Nous avons vu, puis-je dire, le pire. »",
            &[("Nous avons vu, puis-je dire, le pire.", false)],
        );
        check("« C'est fini », dit-elle.", &[("C'est fini", false)]);
        check(
            "«El puente \u{2014}el más viejo de la zona\u{2014} resistió», dijo.",
            &[(
                "El puente \u{2014}el más viejo de la zona\u{2014} resistió",
                false,
            )],
        );
    }
}
