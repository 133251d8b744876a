//! Analyze: reads a clean article into sentences, tokens, named entities, quotations with their
//! speakers, figures and date expressions. Pure: the same article always gives the same analysis.

mod dates;
mod entities;
mod figures;
mod lexicon;
mod quotes;
pub mod sentences;
mod shape;
pub mod tokens;

use parallax_core::{Analyzed, Article, Diagnostic, Sentence};

pub use dates::{find_dates, find_dates_in, in_subordinate_clause, tense_at, tense_at_in, Tense};
pub use entities::{find_entities, is_kinship, shows_a_person};
pub use figures::{
    compatible, counted_thing, counts_a_whole, find_figures, interval, Interval,
    MAX_FIGURES_PER_ARTICLE, MAX_FIGURES_PER_SENTENCE,
};
pub use lexicon::demonym;
pub use quotes::find_quotes;
pub use quotes::resolve::unnamed_holder;
pub use quotes::words::{is_definite_article, is_speaker_pronoun, is_speech_verb};

/// Sentences analysed per article; the longest real articles have a few hundred. Past this, the
/// rest of the text is left out with a warning, which bounds every per-sentence stage after.
pub const MAX_SENTENCES: usize = 3_000;
/// Quotations kept per article.
pub const MAX_QUOTES: usize = 500;
/// Date expressions kept per article.
pub const MAX_DATES: usize = 1_000;

/// Analyses one article. Caps ([`MAX_SENTENCES`] and the others) keep its cost bounded; each cap
/// that cuts leaves a warning in `diagnostics`.
pub fn analyze(article: Article) -> Analyzed {
    let mut diagnostics = Vec::new();
    let source = article.source.clone();
    let cut = |what: &str, found: usize, cap: usize| {
        Diagnostic::warning(
            &source,
            format!("{found} {what}: only the first {cap} analysed"),
        )
    };
    let (mut sentences, mut words) =
        sentences_and_words(&article.text, &article.language, article.dateline_at());
    if sentences.len() > MAX_SENTENCES {
        diagnostics.push(cut("sentences", sentences.len(), MAX_SENTENCES));
        sentences.truncate(MAX_SENTENCES);
        words.truncate(MAX_SENTENCES);
    }
    // The text the kept sentences cover: quotes are read in it, not past it.
    let covered = sentences
        .last()
        .and_then(|s| article.text.get(..s.start + s.text.len()))
        .unwrap_or("");
    let entities = entities::find_entities_with(&sentences, &words, &article.language);
    let mut quotes = find_quotes(covered, &sentences, &entities);
    if quotes.len() > MAX_QUOTES {
        diagnostics.push(cut("quotations", quotes.len(), MAX_QUOTES));
        quotes.truncate(MAX_QUOTES);
    }
    let mut figures = Vec::new();
    let mut crowded = 0;
    for (i, s) in sentences.iter().enumerate() {
        let mut found = find_figures(s, i, &article.language);
        if found.len() >= MAX_FIGURES_PER_SENTENCE {
            crowded += 1;
            found.clear();
        }
        figures.extend(found);
    }
    if crowded > 0 {
        diagnostics.push(Diagnostic::warning(
            &source,
            format!(
                "{crowded} sentence(s) with {MAX_FIGURES_PER_SENTENCE} figures or more: \
                 their figures left out"
            ),
        ));
    }
    if figures.len() > MAX_FIGURES_PER_ARTICLE {
        diagnostics.push(cut("figures", figures.len(), MAX_FIGURES_PER_ARTICLE));
        figures.truncate(MAX_FIGURES_PER_ARTICLE);
    }
    let mut dates: Vec<_> = sentences
        .iter()
        .enumerate()
        .flat_map(|(i, s)| find_dates_in(s, i, &article.language))
        .collect();
    if dates.len() > MAX_DATES {
        diagnostics.push(cut("date expressions", dates.len(), MAX_DATES));
        dates.truncate(MAX_DATES);
    }
    Analyzed {
        article,
        sentences,
        entities,
        quotes,
        figures,
        dates,
        diagnostics,
    }
}

/// Splits a clean text (paragraphs separated by blank lines) into tokenised sentences.
pub fn sentences_of(text: &str) -> Vec<Sentence> {
    sentences_and_words(text, "en", None).0
}

/// [`sentences_of`] of a text in `language` (ISO 639-1), with each sentence's
/// `parallax_text::tokens`: read once, for the terms and for the names. A dateline (its
/// paragraph and length, [`Article::dateline_at`]) is no part of the sentence it opens.
fn sentences_and_words(
    text: &str,
    language: &str,
    dateline: Option<(usize, usize)>,
) -> (Vec<Sentence>, Vec<Vec<parallax_text::Token>>) {
    let mut out = Vec::new();
    let mut words = Vec::new();
    let mut offset = 0;
    for (p, para) in text.split("\n\n").enumerate() {
        let skip = match dateline {
            Some((at, len)) if at == p && para.is_char_boundary(len) => len,
            _ => 0,
        };
        let spans = sentences::split_sentences(&para[skip..])
            .into_iter()
            .map(|(s, e)| (s + skip, e + skip));
        out.reserve(spans.len());
        words.reserve(spans.len());
        for (s, e) in spans {
            let sentence = para[s..e].trim();
            if sentence.is_empty() {
                continue;
            }
            let lead = para[s..e].len() - para[s..e].trim_start().len();
            let found = parallax_text::tokens(sentence);
            let (lower, stems, terms) = tokens::tokenize_tokens(sentence, &found, language);
            words.push(found);
            out.push(Sentence {
                text: sentence.to_string(),
                start: offset + s + lead,
                paragraph: p,
                words: lower,
                stems,
                terms,
            });
        }
        offset += para.len() + 2;
    }
    (out, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: String) -> Article {
        Article::new("a", &text, "en")
    }

    #[test]
    fn a_dateline_is_no_part_of_the_sentence_it_opens() {
        let mut a = article(
            "A standfirst of the talks.\n\nKYIV (Reuters) - The talks resumed. They ended at noon."
                .into(),
        );
        a.dateline = Some("KYIV (Reuters) - ".into());
        let analyzed = analyze(a);
        let texts: Vec<&str> = analyzed.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "A standfirst of the talks.",
                "The talks resumed.",
                "They ended at noon."
            ]
        );
        let second = &analyzed.sentences[1];
        assert_eq!(
            &analyzed.article.text[second.start..second.start + second.text.len()],
            "The talks resumed."
        );
    }

    #[test]
    fn caps_cut_with_a_warning() {
        let long = analyze(article(
            "The council met again. ".repeat(MAX_SENTENCES + 10),
        ));
        assert_eq!(long.sentences.len(), MAX_SENTENCES);
        assert_eq!(long.diagnostics.len(), 1, "{:?}", long.diagnostics);
        assert!(long.diagnostics[0].message.contains("sentences"));
        let numbers: Vec<String> = (1..=60).map(|n| format!("{n} boats")).collect();
        let table = format!("The fleet had {}. ", numbers.join(", "));
        let crowded = analyze(article(table.repeat(2)));
        assert!(crowded.figures.is_empty());
        assert!(crowded.diagnostics[0].message.contains("figures"));
        let quotes =
            "\u{201c}We will rebuild the bridge,\u{201d} the mayor said. ".repeat(MAX_QUOTES + 5);
        let quoted = analyze(article(quotes));
        assert_eq!(quoted.quotes.len(), MAX_QUOTES);
        assert!(quoted
            .diagnostics
            .iter()
            .any(|d| d.message.contains("quotations")));
    }

    #[test]
    fn an_ordinary_article_has_no_warning() {
        let a = analyze(article(
            "\u{201c}We will rebuild,\u{201d} the mayor said. It cost $4 million.".into(),
        ));
        assert!(a.diagnostics.is_empty());
        assert_eq!((a.quotes.len(), a.figures.len()), (1, 1));
    }
}
