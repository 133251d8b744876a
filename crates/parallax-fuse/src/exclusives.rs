//! Details only one outlet reports: sentences no other article supports, and supported sentences
//! that add names or numbers no other article mentions.

use std::collections::HashSet;

use parallax_core::{Analyzed, Exclusive};

use crate::{FuseConfig, SupportIndex};

/// The exclusives of a story; none when there is only one article to compare.
pub fn exclusives(docs: &[Analyzed], index: &SupportIndex, config: &FuseConfig) -> Vec<Exclusive> {
    if docs.len() < 2 {
        return Vec::new();
    }
    let doc_terms = index.doc_terms();
    let entity_words: Vec<HashSet<String>> = docs
        .iter()
        .map(|d| {
            d.entities
                .iter()
                .flat_map(|e| e.name.split_whitespace().map(str::to_lowercase))
                .collect()
        })
        .collect();
    docs.iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            let (doc_terms, entity_words) = (&doc_terms, &entity_words);
            doc.sentences.iter().enumerate().filter_map(move |(i, s)| {
                // Unreported elsewhere, or reported but with details of its own.
                let alone = index.supporters(d, i, config.support_threshold).len() == 1;
                let novelty = index.novelty(d, i, doc_terms);
                // A supported sentence is a detail of its own only for new names or numbers.
                let names_something = novelty.terms.iter().any(|t| {
                    t.contains(' ')
                        || t.chars().any(|c| c.is_ascii_digit())
                        || entity_words[d].contains(*t)
                });
                let adds = novelty.share >= config.novel_share
                    && novelty.terms.len() >= 4
                    && names_something;
                ((alone || adds) && s.words.len() >= config.exclusive_min_words).then(|| {
                    Exclusive {
                        article: doc.article.id.clone(),
                        text: s.text.clone(),
                    }
                })
            })
        })
        .collect()
}
