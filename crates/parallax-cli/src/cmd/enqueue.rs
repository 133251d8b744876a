//! `parallax ingest --queue`: publishes the inputs' raw documents to the NATS stream the workers
//! pull from, instead of storing them here.

use std::cell::Cell;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use parallax_core::{Diagnostic, Level};
use parallax_ingest::{expand_inputs, stream, IngestConfig};
use parallax_queue::Queue;

use crate::load::strip_source;

/// Publishes every document of `inputs` to the queue at `url`: exit code 1 when any input failed.
pub fn run(inputs: &[PathBuf], url: &str) -> Result<ExitCode> {
    let (files, diagnostics) = expand_inputs(inputs);
    crate::log::diagnostics(&diagnostics);
    let failed = Cell::new(
        diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .count(),
    );
    let queue = Queue::connect(url).with_context(|| format!("opening the queue {url}"))?;
    let config = IngestConfig::default();
    let docs = files
        .iter()
        .flat_map(|file| stream(file, &config))
        .filter_map(|doc| {
            doc.map_err(|e| {
                failed.set(failed.get() + 1);
                let message = strip_source(&e.to_string(), e.source_name());
                crate::log::diagnostic(&Diagnostic::error(e.source_name(), message));
            })
            .ok()
        });
    let published = queue
        .publish_docs(docs, |e| {
            failed.set(failed.get() + 1);
            tracing::error!("error: {e}");
        })
        .with_context(|| format!("publishing to {url}"))?;
    let failed = failed.get();
    tracing::info!(
        "parallax: {} queued, {} already queued, {failed} failed ({url})",
        published.stored,
        published.duplicates
    );
    if published.stored + published.duplicates == 0 && failed > 0 {
        bail!("none of the inputs held a readable document");
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
