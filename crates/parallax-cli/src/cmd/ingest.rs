//! `parallax ingest`: adds articles to the store, regroups stories and rebriefs the changed ones.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Args;
use parallax_store::{settle, SettleReport};

use crate::db::{db_path, open_store, shown};
use crate::load::load;
use crate::pipeline::Stages;
use crate::progress;

/// Arguments of `parallax ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files, folders or URLs to add (every input kind `brief` reads).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The database, a SQLite file or a postgres:// URL (default: $PARALLAX_DB, else
    /// parallax.db); created if missing.
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Publish the raw documents to this NATS server (nats://host:port) for `parallax worker`
    /// instead of storing them here.
    #[arg(long, conflicts_with = "db")]
    pub queue: Option<String>,
    /// Articles per transaction.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
}

/// Runs `parallax ingest`: exit code 1 when any input failed.
pub fn run(args: IngestArgs) -> Result<ExitCode> {
    if let Some(queue) = args.queue {
        return crate::cmd::enqueue::run(&args.inputs, &queue);
    }
    let path = db_path(args.db);
    let loaded = load(&args.inputs);
    crate::log::diagnostics(&loaded.diagnostics);
    let failed = loaded.errors().count();
    let mut store = open_store(&path)?;
    let storing = progress::bar(loaded.articles.len(), "storing");
    let (mut added, mut duplicates) = (0, 0);
    for batch in loaded.articles.chunks(args.batch.max(1)) {
        let outcome = store
            .add_articles(batch)
            .with_context(|| format!("storing into {}", shown(&path)))?;
        added += outcome.added.len();
        duplicates += outcome.duplicates;
        storing.set_position((added + duplicates) as u64);
    }
    drop(storing);
    tracing::debug!("{added} added, {duplicates} duplicates; settling the stories");
    // Grouping looks at every stored article, so it runs once, after all batches are in. A run
    // that added nothing still places articles and makes briefs an interrupted run left undone.
    let settled = if added > 0 || store.unplaced()? > 0 || !store.stale_briefs()?.is_empty() {
        let _settling = progress::spinner("grouping and briefing");
        settle(&mut *store, &Stages::default()).context("regrouping stories")?
    } else {
        SettleReport::default()
    };
    tracing::info!(
        "parallax: {added} added, {duplicates} duplicates, {failed} failed, {} stories touched ({})",
        settled.stories_touched,
        shown(&path)
    );
    if loaded.articles.is_empty() && failed > 0 {
        bail!("none of the inputs held a readable article");
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
