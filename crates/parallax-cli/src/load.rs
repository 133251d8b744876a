//! Loading inputs into articles: ingest then extract, in parallel, with every failure kept as a
//! diagnostic so that one bad input never stops the batch.

use std::collections::HashMap;
use std::path::PathBuf;

use parallax_core::{Article, Diagnostic, Level};
use parallax_extract::{extract, not_an_article, ExtractConfig};
use parallax_ingest::{expand_inputs, stream, IngestConfig};
use rayon::prelude::*;

/// The articles of a batch of inputs, in input order, and what went wrong on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every article extracted, with ids unique within the batch.
    pub articles: Vec<Article>,
    /// Warnings and errors, each naming its input.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// The diagnostics that mean an input was not used.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.level == Level::Error)
    }
}

/// Reads and cleans every input (files, folders, URLs).
pub fn load(inputs: &[PathBuf]) -> Loaded {
    let (files, mut diagnostics) = expand_inputs(inputs);
    let ingest = IngestConfig::default();
    let extract_config = ExtractConfig::default();
    let per_file: Vec<(Vec<Article>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|path| {
            // The stages return their failures as values; this catch is the last net, so that a
            // bug one input reaches is that input's diagnostic and the batch goes on.
            let read = || load_one(path, &ingest, &extract_config);
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|panic| {
                let message = format!("internal error while reading: {}", panic_text(&*panic));
                (
                    Vec::new(),
                    vec![Diagnostic::error(path.display().to_string(), message)],
                )
            })
        })
        .collect();
    let mut articles = Vec::new();
    for (a, d) in per_file {
        articles.extend(a);
        diagnostics.extend(d);
    }
    make_ids_unique(&mut articles);
    Loaded {
        articles,
        diagnostics,
    }
}

/// Records of one input extracted together on all cores: a large JSON Lines or WARC file is
/// one input, so without this its records would be cleaned one after another on one core.
const EXTRACT_CHUNK: usize = 512;

/// The articles of one input and its diagnostics, in the input's order.
fn load_one(
    path: &std::path::Path,
    ingest: &IngestConfig,
    extract_config: &ExtractConfig,
) -> (Vec<Article>, Vec<Diagnostic>) {
    let mut articles = Vec::new();
    let mut diags = Vec::new();
    let mut chunk = Vec::with_capacity(EXTRACT_CHUNK);
    let mut docs = stream(path, ingest).peekable();
    while docs.peek().is_some() {
        chunk.extend(docs.by_ref().take(EXTRACT_CHUNK));
        let done: Vec<(Option<Article>, Vec<Diagnostic>)> = chunk
            .par_drain(..)
            .map(|doc| match doc {
                Ok(doc) => match extract(&doc, extract_config) {
                    // A README or a listing page is not news: a warning, not an article.
                    Ok(e) => match not_an_article(&doc, &e.article.text) {
                        Some(reason) => (None, vec![Diagnostic::warning(&doc.source, reason)]),
                        None => (Some(e.article), e.diagnostics),
                    },
                    Err(e) => (
                        None,
                        vec![Diagnostic::error(
                            &doc.source,
                            strip_source(&e.to_string(), &doc.source),
                        )],
                    ),
                },
                Err(e) => (
                    None,
                    vec![Diagnostic::error(
                        e.source_name(),
                        strip_source(&e.to_string(), e.source_name()),
                    )],
                ),
            })
            .collect();
        for (article, d) in done {
            articles.extend(article);
            diags.extend(d);
        }
    }
    (articles, diags)
}

/// The message a panic carried, when it carried text.
pub fn panic_text(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic")
}

/// Error messages name their input; a diagnostic names it once, in its own field.
fn strip_source(message: &str, source: &str) -> String {
    message
        .strip_prefix(source)
        .and_then(|m| m.strip_prefix(": "))
        .unwrap_or(message)
        .to_string()
}

/// Gives every article an id no other article in the batch has, suffixing repeats ("a", "a-2").
fn make_ids_unique(articles: &mut [Article]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for a in articles.iter_mut() {
        let n = seen.entry(a.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            a.id = format!("{}-{}", a.id, n);
        }
    }
}
