//! Analyze: reads a clean article into sentences, tokens, named entities, quotations with their
//! speakers, figures and date expressions. Pure: the same article always gives the same analysis.

mod dates;
mod entities;
mod figures;
mod lexicon;
mod quotes;
pub mod sentences;
pub mod tokens;

use parallax_core::{Analyzed, Article, Sentence};

pub use dates::{find_dates, tense_at, Tense};
pub use entities::find_entities;
pub use figures::{compatible, find_figures, interval, Interval};
pub use lexicon::demonym;
pub use quotes::find_quotes;

/// Analyses one article.
pub fn analyze(article: Article) -> Analyzed {
    let sentences = sentences_of(&article.text);
    let entities = find_entities(&sentences);
    let quotes = find_quotes(&article.text, &sentences, &entities);
    let figures = sentences
        .iter()
        .enumerate()
        .flat_map(|(i, s)| find_figures(s, i, &article.language))
        .take(figures::MAX_FIGURES_PER_ARTICLE)
        .collect();
    let dates = sentences
        .iter()
        .enumerate()
        .flat_map(|(i, s)| find_dates(s, i))
        .collect();
    Analyzed {
        article,
        sentences,
        entities,
        quotes,
        figures,
        dates,
    }
}

/// Splits a clean text (paragraphs separated by blank lines) into tokenised sentences.
pub fn sentences_of(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (p, para) in text.split("\n\n").enumerate() {
        for (s, e) in sentences::split_sentences(para) {
            let sentence = para[s..e].trim();
            if sentence.is_empty() {
                continue;
            }
            let lead = para[s..e].len() - para[s..e].trim_start().len();
            let (words, stems, terms) = tokens::tokenize(sentence);
            out.push(Sentence {
                text: sentence.to_string(),
                start: offset + s + lead,
                paragraph: p,
                words,
                stems,
                terms,
            });
        }
        offset += para.len() + 2;
    }
    out
}
