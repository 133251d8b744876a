//! Loading inputs into articles: ingest then extract, in parallel, with every failure kept as a
//! diagnostic so that one bad input never stops the batch.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use parallax_core::{Article, Diagnostic, Level};
use parallax_extract::{extract, listing, not_a_page, ExtractConfig};
use parallax_ingest::{expand_inputs, stream, IngestConfig};
use rayon::prelude::*;

use crate::progress;

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

/// Reads and cleans every input (files, folders, URLs), with a progress bar.
pub fn load(inputs: &[PathBuf]) -> Loaded {
    load_with(inputs, true, &ExtractConfig::default())
}

/// What a load does with a page that reads as a listing of headlines or links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listings {
    /// Leaves it out, with a warning: no story is made of it.
    Skip,
    /// Reads it, with a warning: `parallax extract` was asked for the page.
    Read,
}

/// [`load`] for `parallax extract`: a listing page is read too (with a warning), as the page the
/// user asked for; folder documentation is still no page.
pub fn load_pages(inputs: &[PathBuf]) -> Loaded {
    load_listings(inputs, true, &ExtractConfig::default(), Listings::Read)
}

/// [`load`] for grouping alone (`cluster`, `eval clusters`): grouping reads no language, so none
/// is detected.
pub fn load_for_grouping(inputs: &[PathBuf]) -> Loaded {
    let config = ExtractConfig {
        detect_language: false,
        ..ExtractConfig::default()
    };
    load_with(inputs, true, &config)
}

/// [`load`], with or without its progress bar (without: for many small loads under a bar of
/// their own), extracting with `extract_config`.
pub fn load_with(
    inputs: &[PathBuf],
    show_progress: bool,
    extract_config: &ExtractConfig,
) -> Loaded {
    load_listings(inputs, show_progress, extract_config, Listings::Skip)
}

fn load_listings(
    inputs: &[PathBuf],
    show_progress: bool,
    extract_config: &ExtractConfig,
    listings: Listings,
) -> Loaded {
    let start = Instant::now();
    let (files, mut diagnostics) = expand_inputs(inputs);
    tracing::debug!("{} inputs: {} files or URLs", inputs.len(), files.len());
    let ingest = IngestConfig::default();
    let reading = Reading {
        bar: if show_progress {
            progress::bar(files.len(), "reading")
        } else {
            indicatif::ProgressBar::hidden()
        },
        documents: AtomicUsize::new(0),
    };
    let read_file = |path: &PathBuf| {
        // The stages return their failures as values; this catch is the last net, so that a
        // bug one input reaches is that input's diagnostic and the batch goes on.
        let read = || load_one(path, &ingest, extract_config, &reading, listings);
        let loaded =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|panic| {
                let message = format!("internal error while reading: {}", panic_text(&*panic));
                (
                    Vec::new(),
                    vec![Diagnostic::error(path.display().to_string(), message)],
                )
            });
        reading.bar.inc(1);
        loaded
    };
    // One input is read on this thread: no thread pool is started for it.
    let per_file: Vec<(Vec<Article>, Vec<Diagnostic>)> = if files.len() > 1 {
        files.par_iter().map(read_file).collect()
    } else {
        files.iter().map(read_file).collect()
    };
    drop(reading);
    let mut articles = Vec::new();
    for (a, d) in per_file {
        articles.extend(a);
        diagnostics.extend(d);
    }
    make_ids_unique(&mut articles);
    tracing::debug!(
        "read {} articles from {} files in {:.2} s ({} diagnostics)",
        articles.len(),
        files.len(),
        start.elapsed().as_secs_f64(),
        diagnostics.len()
    );
    Loaded {
        articles,
        diagnostics,
    }
}

/// Documents of one input extracted at once: a file of many records (JSON Lines, WARC, a feed) is
/// extracted on every core, in its order, while the next chunk is read, with at most twice this
/// many documents in memory.
const CHUNK: usize = 512;

/// The reading bar: files done, and documents read so far (a file of records holds many).
struct Reading {
    bar: indicatif::ProgressBar,
    documents: AtomicUsize,
}

/// The articles of one input and its diagnostics.
fn load_one(
    path: &std::path::Path,
    ingest: &IngestConfig,
    extract_config: &ExtractConfig,
    reading: &Reading,
    listings: Listings,
) -> (Vec<Article>, Vec<Diagnostic>) {
    let mut articles = Vec::new();
    let mut diags = Vec::new();
    let mut docs = stream(path, ingest);
    let mut next: Vec<_> = docs.by_ref().take(CHUNK).collect();
    while !next.is_empty() {
        let chunk = std::mem::take(&mut next);
        let read = reading
            .documents
            .fetch_add(chunk.len(), Ordering::Relaxed)
            .saturating_add(chunk.len());
        if read > CHUNK {
            reading.bar.set_message(format!("reading ({read} docs)"));
        }
        let extract_doc = |doc: Result<_, parallax_ingest::IngestError>| match doc {
            Ok(doc) => read_doc(&doc, extract_config, listings),
            Err(e) => (
                None,
                vec![Diagnostic::error(
                    e.source_name(),
                    strip_source(&e.to_string(), e.source_name()),
                )],
            ),
        };
        let done: Vec<(Option<Article>, Vec<Diagnostic>)> = if chunk.len() == CHUNK {
            // Reading is one thread's work: the next chunk is read while this one is extracted.
            let (done, following) = rayon::join(
                || chunk.into_par_iter().map(extract_doc).collect(),
                || docs.by_ref().take(CHUNK).collect(),
            );
            next = following;
            done
        } else if chunk.len() > 1 {
            chunk.into_par_iter().map(extract_doc).collect()
        } else {
            chunk.into_iter().map(extract_doc).collect()
        };
        for (article, d) in done {
            articles.extend(article);
            diags.extend(d);
        }
    }
    (articles, diags)
}

/// The article of one document as read, or why there is none: the one path from a raw document
/// to an article, for files here and for documents a queue worker pulls.
pub fn article_of(
    doc: &parallax_core::RawDoc,
    config: &ExtractConfig,
) -> (Option<Article>, Vec<Diagnostic>) {
    read_doc(doc, config, Listings::Skip)
}

/// [`article_of`], a page that reads as a listing skipped or, for `parallax extract`, read all
/// the same with a warning that says what it is.
fn read_doc(
    doc: &parallax_core::RawDoc,
    config: &ExtractConfig,
    listings: Listings,
) -> (Option<Article>, Vec<Diagnostic>) {
    match extract_one(doc, config) {
        // A README is no page; a listing page is not news: a warning, not an article.
        Ok(e) => match (not_a_page(doc), listing(&e.article.text), listings) {
            (Some(reason), _, _) => (None, vec![Diagnostic::warning(&doc.source, reason)]),
            (None, Some(what), Listings::Skip) => (
                None,
                vec![Diagnostic::warning(&doc.source, format!("skipped: {what}"))],
            ),
            (None, Some(what), Listings::Read) => {
                let mut diagnostics = e.diagnostics;
                diagnostics.push(Diagnostic::warning(
                    &doc.source,
                    format!("read as asked: {what}"),
                ));
                (Some(e.article), diagnostics)
            }
            (None, None, _) => (Some(e.article), e.diagnostics),
        },
        Err(e) => (
            None,
            vec![Diagnostic::error(
                &doc.source,
                strip_source(&e, &doc.source),
            )],
        ),
    }
}

/// `extract` on one document, a panic in it caught as that document's error, so that the rest of
/// its file is still read.
fn extract_one(
    doc: &parallax_core::RawDoc,
    config: &ExtractConfig,
) -> Result<parallax_extract::Extracted, String> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(doc, config))) {
        Ok(result) => result.map_err(|e| e.to_string()),
        Err(panic) => Err(format!(
            "internal error while extracting: {}",
            panic_text(&*panic)
        )),
    }
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
pub(crate) fn strip_source(message: &str, source: &str) -> String {
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
