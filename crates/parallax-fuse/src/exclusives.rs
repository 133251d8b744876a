//! Details only one outlet reports, checked against every other article: a sentence no other
//! outlet says (in one sentence, two, or spread over its text: paraphrase counts), or a
//! reported sentence that adds names or numbers no other article mentions. Wire copies of one
//! story are one outlet. Only news: sentences that address the reader, hold no name and no
//! figure, or carry a whole quotation (the quotes section shows those) are left out, and so is
//! a quotation's attribution when another outlet quotes the same words. The most
//! important come first, capped per article and in all.

use foldhash::HashSet;
use std::sync::LazyLock;

use parallax_core::{Analyzed, Exclusive, SummarySentence};

use crate::quotes::QuotedBy;
use crate::{FuseConfig, SupportIndex};

/// Exclusives listed at most per article.
const MAX_PER_ARTICLE: usize = 6;
/// Sentences of one article looked at, at most (documented cap: news articles are far shorter;
/// a longer text gives its first ones).
const MAX_SENTENCES: usize = 400;
/// A sentence this long says something even without a name or a figure.
const SUBSTANTIAL_WORDS: usize = 12;
/// Exclusives listed at most in all.
const MAX_EXCLUSIVES: usize = 15;
/// Share of a sentence's weighted content that one other article says somewhere (in any of its
/// sentences) above which the detail is not that outlet's alone.
const PARAPHRASE_COVER: f64 = 0.7;

static READER_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/reader_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Whether a sentence addresses the reader or is page furniture.
fn furniture(text: &str) -> bool {
    let lower = parallax_text::lowercase(text);
    lower.contains("http")
        || lower.contains("www.")
        || lower.contains('©')
        || lower.contains('@')
        || lower
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
            .any(|w| READER_WORDS.contains(w))
}

/// The exclusives of a story, most important first; none when there is only one article (or
/// only copies of one) to compare. `copy_of[d]` is the article `d` is a wire copy of (itself
/// when none).
pub fn exclusives(
    docs: &[Analyzed],
    index: &SupportIndex,
    config: &FuseConfig,
    copy_of: &[usize],
    quoted_by: &QuotedBy,
) -> Vec<Exclusive> {
    let origin = |d: usize| copy_of.get(d).copied().unwrap_or(d);
    let outlets: HashSet<usize> = (0..docs.len()).map(origin).collect();
    if outlets.len() < 2 {
        return Vec::new();
    }
    let doc_terms = index.doc_terms();
    // The words of each article's names, read for an article only when one of its sentences
    // needs them.
    let mut entity_words: Vec<Option<HashSet<String>>> = vec![None; docs.len()];
    let mut found: Vec<(f64, usize, usize, String)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        // A copy's details are its original's.
        if origin(d) != d {
            continue;
        }
        let whole_quotes: Vec<(usize, &str)> = doc
            .quotes
            .iter()
            .filter(|q| !q.partial)
            .map(|q| (q.sentence, q.text.as_str()))
            .collect();
        let named: HashSet<usize> = doc.entities.iter().map(|e| e.sentence).collect();
        let any_quote: HashSet<usize> = doc.quotes.iter().map(|q| q.sentence).collect();
        let counted: HashSet<usize> = doc.figures.iter().map(|f| f.sentence).collect();
        for (i, s) in doc.sentences.iter().enumerate().take(MAX_SENTENCES) {
            // News names someone, gives a figure, or says enough.
            let substance =
                named.contains(&i) || counted.contains(&i) || s.words.len() >= SUBSTANTIAL_WORDS;
            if s.words.len() < config.exclusive_min_words || !substance || furniture(&s.text) {
                continue;
            }
            // Said by no other outlet: not in its text's terms (the cheaper test, read first),
            // nor in its sentences. The coverages read are kept: a sentence said by no other
            // outlet is weighed by the largest.
            let each = index.covered_by_each(d, i, &doc_terms);
            let covers: Vec<f64> = (0..docs.len())
                .filter(|&o| origin(o) != d)
                .map(|o| each.get(o).copied().unwrap_or(0.0))
                .collect();
            let alone = covers.iter().all(|&cover| cover < PARAPHRASE_COVER)
                && index
                    .supporters(d, i, config.support_threshold)
                    .into_iter()
                    .all(|o| origin(o) == d);
            // A reported sentence is a detail of its own only for new names or numbers (what
            // no other article mentions matters only then).
            let novelty = (!alone).then(|| index.novelty(d, i, &doc_terms));
            let adds = novelty.as_ref().is_some_and(|novelty| {
                novelty.share >= config.novel_share
                    && novelty.terms.len() >= 4
                    && novelty.terms.iter().any(|t| {
                        t.contains(' ')
                            || t.chars().any(|c| c.is_ascii_digit())
                            || entity_words[d]
                                .get_or_insert_with(|| {
                                    doc.entities
                                        .iter()
                                        .flat_map(|e| {
                                            e.name.split_whitespace().map(str::to_lowercase)
                                        })
                                        .collect()
                                })
                                .contains(*t)
                    })
            });
            if !(alone || adds) {
                continue;
            }
            // The quotes section shows whole quotations: what is left around one, if anything.
            let quoted: Vec<&str> = whole_quotes
                .iter()
                .filter(|(q, _)| *q == i)
                .map(|(_, t)| *t)
                .collect();
            let text = match without_quotes(&s.text, &quoted) {
                Some(rest)
                    if rest.split_whitespace().count() >= config.exclusive_min_words
                        && !introduces_a_quote(&rest)
                        && (names_more_than_speakers(&rest, doc, i)
                            || opens_with_speech(&rest) && keeps_a_figure(&rest, doc, i)) =>
                {
                    // "«…», a déclaré le préfet depuis les lieux" without its quotation is no
                    // sentence: the whole one is shown, unless another outlet quotes it too and
                    // the rest gives no figure of its own (the quotes section shows the words with
                    // both outlets, and "only in" would deny that).
                    if !opens_with_speech(&rest) {
                        rest
                    } else if !keeps_a_figure(&rest, doc, i)
                        && quoted.iter().any(|q| {
                            docs.iter().enumerate().any(|(o, other)| {
                                origin(o) != d && quoted_by.quotes(d, q, other, o)
                            })
                        })
                    {
                        continue;
                    } else {
                        s.text.clone()
                    }
                }
                Some(_) => continue,
                None => s.text.clone(),
            };
            // Important: unreported, with figures and names, early in the article.
            let unreported = match &novelty {
                None => 1.0 - covers.iter().copied().fold(0.0, f64::max),
                Some(novelty) => novelty.share,
            };
            let weight = unreported.max(0.05)
                * if counted.contains(&i) { 1.5 } else { 1.0 }
                * if named.contains(&i) { 1.2 } else { 1.0 }
                // Quoted words are the quotes section's.
                * if any_quote.contains(&i) && quoted.is_empty() { 0.5 } else { 1.0 }
                / (1.0 + i as f64 / 40.0);
            found.push((weight, d, i, text));
        }
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut per_article = vec![0usize; docs.len()];
    let mut out = Vec::new();
    // The copies that reprint a listed detail are named with it: "only in A" must not hide that
    // B carries the same words. Looked for only in what is listed.
    let copies_of = |d: usize, i: usize| -> Vec<String> {
        let supporters = index.supporters(d, i, config.support_threshold);
        (0..docs.len())
            .filter(|&o| o != d && origin(o) == d)
            .filter(|&o| {
                supporters.contains(&o) || index.covered_by(d, i, &doc_terms, o) >= PARAPHRASE_COVER
            })
            .map(|o| docs[o].article.id.clone())
            .collect()
    };
    for (_, d, i, text) in found {
        if out.len() >= MAX_EXCLUSIVES {
            break;
        }
        let Some(n) = per_article.get_mut(d) else {
            continue;
        };
        if *n >= MAX_PER_ARTICLE {
            continue;
        }
        *n += 1;
        out.push(Exclusive {
            article: docs[d].article.id.clone(),
            text,
            copies: copies_of(d, i),
        });
    }
    out
}

/// Leaves out the exclusives that the summary gives as reported by more than one outlet (a
/// sentence that adds a detail to what others report is listed as the outlet's own, but the
/// brief must not say "only in A" of a sentence it cites to A and B).
pub(crate) fn drop_cited(exclusives: &mut Vec<Exclusive>, summary: &[SummarySentence]) {
    let shared: HashSet<(&str, &str)> = summary
        .iter()
        .filter(|s| {
            let copies: usize = s.copies.iter().map(|g| g.len().saturating_sub(1)).sum();
            s.sources.len().saturating_sub(copies) > 1
        })
        .flat_map(|s| {
            let text = s.original.as_deref().unwrap_or(&s.text);
            s.sources.iter().map(move |a| (a.as_str(), text))
        })
        .collect();
    exclusives.retain(|e| !shared.contains(&(e.article.as_str(), e.text.as_str())));
}

/// Whether what is left around a quotation names something besides its speaker and whom the
/// speaker told (a capitalised word after the first that is not part of a speaker's name, nor
/// right after the verb of speech): "Sullivan said on Fox News Sunday" does, "Spokeswoman Priya
/// Nandakumar said in a statement" and "a spokesperson for the town told AFP" do not.
fn names_more_than_speakers(rest: &str, doc: &Analyzed, sentence: usize) -> bool {
    let speakers: HashSet<&str> = doc
        .quotes
        .iter()
        .filter(|q| q.sentence == sentence)
        .filter_map(|q| q.speaker.as_ref())
        .flat_map(|s| {
            s.name
                .split_whitespace()
                .chain(s.title.iter().flat_map(|t| t.split_whitespace()))
        })
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let words: Vec<&str> = rest
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    // The words between the verb and the speaker's name describe the speaker: "a déclaré le
    // préfet de la Loire, Antoine Verdier", "The prefect of the Loire, Antoine Verdier, said".
    let verb = words
        .iter()
        .position(|w| parallax_analyze::is_speech_verb(w));
    let named_at: Vec<usize> = (0..words.len())
        .filter(|&k| speakers.contains(words[k]))
        .collect();
    let described = |k: usize| match (verb, named_at.first(), named_at.last()) {
        (Some(v), Some(&first), Some(&last)) if v < first => k > v && k <= last,
        (Some(v), Some(_), Some(&last)) if last < v => k < v,
        _ => false,
    };
    let mut told = false;
    words.iter().enumerate().any(|(k, w)| {
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let names = k > 0 && capital && !told && !speakers.contains(w) && !described(k);
        // The run of capitals right after the verb is whom it was said to.
        told = parallax_analyze::is_speech_verb(w) || told && capital;
        names
    })
}

/// Whether what is left around a quotation still gives one of the sentence's figures ("…, dijo
/// la ministra, que cifró en unos 2,4 millones los trabajadores beneficiados").
fn keeps_a_figure(rest: &str, doc: &Analyzed, sentence: usize) -> bool {
    doc.figures
        .iter()
        .any(|f| f.sentence == sentence && !f.text.is_empty() && rest.contains(&f.text))
}

/// Whether what is left of a sentence opens with its verb of speech, the speaker after it ("A
/// déclaré le préfet …", "Dijo la ministra …", "Said the mayor …") or a bare pronoun before it
/// ("He said during a visit …"): no sentence a reader can take alone.
fn opens_with_speech(rest: &str) -> bool {
    let mut words = rest
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
    let (Some(first), second, third) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    // "A-t-il précisé", "ha afirmado", "hat gesagt", "he said", "they said", and a pronoun
    // before a compound tense: "Elle a précisé".
    let short = |w: &str| w.chars().count() <= 3;
    let pronoun = parallax_analyze::is_speaker_pronoun(first);
    let verb = |w: Option<&str>| w.is_some_and(parallax_analyze::is_speech_verb);
    parallax_analyze::is_speech_verb(first)
        || (short(first) || pronoun) && verb(second)
        || pronoun && second.is_some_and(short) && verb(third)
}

/// Whether what is left of a sentence only led into the quotation cut from its end ("Speaking
/// to reporters, the mayor said,"): without it, it says nothing.
fn introduces_a_quote(rest: &str) -> bool {
    rest.trim_end().ends_with([',', ':', ';'])
}

/// The sentence without the whole quotations it holds (and their marks), when it holds any.
fn without_quotes(sentence: &str, quotes: &[&str]) -> Option<String> {
    let mut out = sentence.to_string();
    let mut cut = false;
    for q in quotes {
        let q = q.trim();
        let Some(at) = (!q.is_empty()).then(|| out.find(q)).flatten() else {
            continue;
        };
        let opening = |c: char| matches!(c, '"' | '“' | '«' | '„' | '\'' | '‘' | ' ');
        let closing = |c: char| matches!(c, '"' | '”' | '»' | '“' | '\'' | '’' | ',' | '.' | ' ');
        let start = out[..at].trim_end_matches(opening).len();
        let tail = &out[at + q.len()..];
        let end = at + q.len() + (tail.len() - tail.trim_start_matches(closing).len());
        out = format!("{} {}", &out[..start], &out[end..])
            .trim()
            .to_string();
        cut = true;
    }
    if !cut {
        return None;
    }
    let mut chars = out.chars();
    Some(match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: bool) {
        assert_eq!(furniture(text), expected, "{text}");
    }

    #[test]
    fn a_sentence_the_summary_cites_to_several_outlets_is_no_exclusive() {
        let exclusive = |article: &str, text: &str| Exclusive {
            article: article.into(),
            text: text.into(),
            copies: Vec::new(),
        };
        let cited = |text: &str, sources: &[&str], copies: Vec<Vec<String>>| SummarySentence {
            text: text.into(),
            sources: sources.iter().map(|s| s.to_string()).collect(),
            original: None,
            copies,
        };
        let summary = [
            cited("The fire was set.", &["a", "b"], Vec::new()),
            cited(
                "Two were hurt.",
                &["a", "c"],
                vec![vec!["a".into(), "c".into()]],
            ),
            cited("Nobody died.", &["b"], Vec::new()),
        ];
        let mut found = vec![
            exclusive("a", "The fire was set."),
            exclusive("b", "The fire was set."),
            exclusive("a", "Two were hurt."),
            exclusive("b", "Nobody died."),
        ];
        drop_cited(&mut found, &summary);
        assert_eq!(
            found,
            [
                exclusive("a", "Two were hurt."),
                exclusive("b", "Nobody died."),
            ]
        );
    }

    #[test]
    fn reader_addressing_is_furniture() {
        check("Sign up for our newsletter to get the latest news.", true);
        check("You can add location information to your posts.", true);
        check("Abonnez-vous à notre lettre d'information.", true);
        check("The harbour authority closed Pier 4 to all traffic.", false);
    }

    #[test]
    fn whole_quotes_are_left_to_the_quotes_section() {
        assert_eq!(
            without_quotes(
                "“We will rebuild,” the mayor said during a visit to Pier 4 on Sunday.",
                &["We will rebuild"]
            )
            .as_deref(),
            Some("The mayor said during a visit to Pier 4 on Sunday.")
        );
        assert_eq!(without_quotes("The port reopened.", &[]), None);
        let lead_in = without_quotes(
            "Speaking to reporters in Lima, the mayor said, “We will rebuild the pier.”",
            &["We will rebuild the pier."],
        );
        assert_eq!(
            lead_in.as_deref(),
            Some("Speaking to reporters in Lima, the mayor said,")
        );
        assert!(lead_in.as_deref().is_some_and(introduces_a_quote));
        assert!(!introduces_a_quote(
            "The mayor said during a visit to Pier 4 on Sunday."
        ));
    }

    #[test]
    fn a_speech_verb_first_is_no_sentence_alone() {
        let check = |rest: &str, expected: bool| {
            assert_eq!(opens_with_speech(rest), expected, "{rest}");
        };
        check(
            "A déclaré le préfet de la Loire, Antoine Verdier, depuis Montbrison.",
            true,
        );
        check(
            "Dijo la ministra de Trabajo, que cifró en 2,4 millones.",
            true,
        );
        check("A-t-il précisé depuis Lyon.", true);
        check("Sagte der Bürgermeister am Montag in Ulm.", true);
        check("He said during a visit to Pier 4 on Sunday.", true);
        check("They said after the meeting in Lyon.", true);
        check("Elle a précisé depuis Lyon.", true);
        check("The mayor said during a visit to Pier 4 on Sunday.", false);
        check("Le maire a déclaré lors d'une visite à Lyon.", false);
    }

    #[test]
    fn a_speakers_title_is_no_detail_of_its_own() {
        let doc = parallax_analyze::analyze(parallax_core::Article::new(
            "a",
            "« Nous ne savons rien », a déclaré le préfet de la Loire, Antoine Verdier, depuis les lieux.",
            "fr",
        ));
        let rest = "A déclaré le préfet de la Loire, Antoine Verdier, depuis les lieux.";
        assert!(!names_more_than_speakers(rest, &doc, 0));
    }

    #[test]
    fn whom_a_speaker_told_is_no_detail_of_its_own() {
        let doc = parallax_analyze::analyze(parallax_core::Article::new(
            "a",
            "“The road is closed,” a spokesperson for the town told Harbour Radio.",
            "en",
        ));
        let rest = "A spokesperson for the town told Harbour Radio.";
        assert!(!names_more_than_speakers(rest, &doc, 0));
        assert!(names_more_than_speakers(
            "A spokesperson for the town said at Pier 4.",
            &doc,
            0
        ));
    }
}
