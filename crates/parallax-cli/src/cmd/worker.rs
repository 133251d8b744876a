//! `parallax worker`: pulls raw documents from the queue, reads, extracts and analyses them as
//! `ingest` does, and publishes the results for the grouper. Any number may run, on any machine.

use std::convert::Infallible;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Args;
use parallax_core::Diagnostic;
use parallax_extract::ExtractConfig;
use parallax_queue::envelope::{decode_doc, doc_id};
use parallax_queue::{Delivery, Processed, Queue, DOCS_STREAM, WORKERS};
use rayon::prelude::*;

use crate::load::{article_of, panic_text};
use crate::pulling::Pulling;

/// Arguments of `parallax worker`.
#[derive(Debug, Args)]
pub struct WorkerArgs {
    /// The NATS server (default: $PARALLAX_QUEUE).
    #[arg(long)]
    pub queue: Option<String>,
    /// Documents pulled and worked on at once (on every core).
    #[arg(long, default_value_t = 64)]
    pub batch: usize,
    /// Stop after the queue has been empty this many seconds (default: run until killed).
    #[arg(long)]
    pub idle_exit: Option<u64>,
}

/// The queue URL: the flag, else `PARALLAX_QUEUE`.
pub fn queue_url(flag: Option<String>) -> Result<String> {
    flag.or_else(|| std::env::var("PARALLAX_QUEUE").ok())
        .filter(|u| !u.trim().is_empty())
        .context("no queue: pass --queue nats://host:port or set PARALLAX_QUEUE")
}

/// How long one pull waits for documents.
const PULL_WAIT: Duration = Duration::from_secs(1);

/// Runs `parallax worker` until killed (or idle for `--idle-exit` seconds).
pub fn run(args: WorkerArgs) -> Result<ExitCode> {
    let url = queue_url(args.queue)?;
    let queue = Queue::connect(&url).with_context(|| format!("opening the queue {url}"))?;
    let puller = queue.puller(DOCS_STREAM, WORKERS)?;
    let config = ExtractConfig::default();
    tracing::info!("parallax: worker on {url}");
    let mut pulling = Pulling::new(args.idle_exit);
    loop {
        let Some(batch) =
            pulling.next(&puller, args.batch, PULL_WAIT, || Ok::<_, Infallible>(()))?
        else {
            let (done, span) = (pulling.done, pulling.busy_seconds());
            tracing::info!("parallax: worker done, {done} documents in {span:.2} s");
            return Ok(ExitCode::SUCCESS);
        };
        let alive = puller.keep_alive(&batch);
        let worked: Vec<Worked> = batch.par_iter().map(|d| work_on(d, &config)).collect();
        let mut results = Vec::new();
        let mut unreadable = Vec::new();
        for (delivery, worked) in batch.iter().zip(worked) {
            match worked {
                Worked::Done(result, diagnostics) => {
                    crate::log::diagnostics(&diagnostics);
                    results.extend(result);
                }
                Worked::Unreadable(message) => {
                    tracing::error!("error: {message}");
                    unreadable.push(delivery.clone());
                }
            }
        }
        // Acknowledged only once the results are in their stream: a worker killed before that
        // leaves the batch to be delivered again.
        queue.publish_results(results, |e| tracing::error!("error: {e}"))?;
        drop(alive);
        puller.reject(&unreadable)?;
        puller.ack(&batch)?;
        pulling.finished(batch.len());
    }
}

/// What became of one document.
enum Worked {
    /// Its result under its id (none when it is no article), and what went wrong on the way.
    Done(Option<(String, Processed)>, Vec<Diagnostic>),
    /// The message holds no document.
    Unreadable(String),
}

/// Reads, extracts and analyses one delivered document.
fn work_on(delivery: &Delivery, config: &ExtractConfig) -> Worked {
    let doc = match decode_doc(delivery.payload()) {
        Ok(doc) => doc,
        Err(e) => return Worked::Unreadable(e.to_string()),
    };
    let (article, diagnostics) = article_of(&doc, config);
    let result = article.map(|article| {
        let analyze = || parallax_analyze::analyze(article.clone());
        // The last net: an analysis that panics leaves the article for the grouper to analyse
        // (and brief with its own net), not a lost document.
        let processed = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(analyze)) {
            Ok(analyzed) => Processed::Analyzed(Box::new(analyzed)),
            Err(panic) => {
                tracing::error!(
                    "error: {}: internal error while analysing: {}",
                    doc.source,
                    panic_text(&*panic)
                );
                Processed::Article(Box::new(article))
            }
        };
        (doc_id(&doc), processed)
    });
    Worked::Done(result, diagnostics)
}
