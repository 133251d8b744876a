//! `parallax grouper`: the one process that places the workers' articles into stories and writes
//! them to PostgreSQL. It groups only while it holds the store's lease; a second one started
//! beside it waits as a standby and takes over when the first dies.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::Args;
use parallax_core::Article;
use parallax_queue::envelope::{decode_processed, KIND_HEADER};
use parallax_queue::{Lease, Processed, Queue, ANALYZED_STREAM, GROUPER};
use parallax_store::{settle, Store};

use crate::analyses::{Analyses, WithAnalyses};
use crate::cmd::worker::queue_url;
use crate::db::{db_path, open_store, shown};
use crate::pipeline::Stages;
use crate::pulling::Pulling;

/// Arguments of `parallax grouper`.
#[derive(Debug, Args)]
pub struct GrouperArgs {
    /// The NATS server (default: $PARALLAX_QUEUE).
    #[arg(long)]
    pub queue: Option<String>,
    /// The PostgreSQL database, a postgres:// URL (default: $PARALLAX_DB).
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Articles pulled and stored in one transaction, then grouped.
    #[arg(long, default_value_t = 512)]
    pub batch: usize,
    /// Workers' analyses kept for briefing (the rest are made again).
    #[arg(long, default_value_t = 4096)]
    pub analyses: usize,
    /// Stop after the queue has been empty this many seconds (default: run until killed).
    #[arg(long)]
    pub idle_exit: Option<u64>,
}

/// How long one pull waits for results; also how often a standby tries the lease.
const PULL_WAIT: Duration = Duration::from_secs(1);

/// Runs `parallax grouper` until killed (or idle for `--idle-exit` seconds).
pub fn run(args: GrouperArgs) -> Result<ExitCode> {
    let url = queue_url(args.queue)?;
    let db = db_path(args.db);
    let Some(db_url) = db.to_str().filter(|d| parallax_store::is_postgres_url(d)) else {
        bail!(
            "the grouper writes to PostgreSQL: pass --db postgres://… (not {})",
            shown(&db)
        );
    };
    let queue = Queue::connect(&url).with_context(|| format!("opening the queue {url}"))?;
    let mut lease = Lease::acquire(db_url, PULL_WAIT, || {
        tracing::info!(
            "parallax: standby, another grouper holds the lease on {}",
            shown(&db)
        );
    })
    .context("taking the grouper's lease")?;
    tracing::info!("parallax: grouper on {url}, writing to {}", shown(&db));
    let puller = queue.puller(ANALYZED_STREAM, GROUPER)?;
    let mut store = open_store(&db)?;
    let stages = Stages::default();
    let analyses = Analyses::new(args.analyses);
    let pipeline = WithAnalyses {
        stages: &stages,
        analyses: &analyses,
    };
    // What a killed grouper stored but did not place or brief is done first.
    if store.unplaced()? > 0 || !store.stale_briefs()?.is_empty() {
        settle(&mut *store, &pipeline).context("regrouping stories")?;
    }
    let mut pulling = Pulling::new(args.idle_exit);
    loop {
        let Some(batch) = pulling.next(&puller, args.batch, PULL_WAIT, || lease.check())? else {
            let (done, span) = (pulling.done, pulling.busy_seconds());
            tracing::info!("parallax: grouper done, {done} articles in {span:.2} s");
            return Ok(ExitCode::SUCCESS);
        };
        let alive = puller.keep_alive(&batch);
        let mut articles: Vec<Article> = Vec::with_capacity(batch.len());
        let mut good = Vec::with_capacity(batch.len());
        let mut unreadable = Vec::new();
        for delivery in &batch {
            match decode_processed(delivery.header(KIND_HEADER), delivery.payload()) {
                Ok(Processed::Analyzed(analyzed)) => {
                    articles.push(analyzed.article.clone());
                    analyses.keep(*analyzed);
                    good.push(delivery.clone());
                }
                Ok(Processed::Article(article)) => {
                    articles.push(*article);
                    good.push(delivery.clone());
                }
                Err(e) => {
                    tracing::error!("error: {e}");
                    unreadable.push(delivery.clone());
                }
            }
        }
        store_and_group(&mut *store, &pipeline, &articles)?;
        // Acknowledged only after the transaction committed: a grouper killed before that leaves
        // the batch to be delivered again, and storing it again adds nothing.
        drop(alive);
        puller.ack(&good)?;
        puller.reject(&unreadable)?;
        pulling.finished(batch.len());
    }
}

/// Stores a batch in one transaction and, when anything was new, regroups and rebriefs as
/// `ingest` does (the store tells serve replicas which stories changed).
fn store_and_group(
    store: &mut dyn Store,
    pipeline: &WithAnalyses<'_>,
    articles: &[Article],
) -> Result<()> {
    let outcome = store.add_articles(articles).context("storing articles")?;
    if outcome.added.is_empty() && store.unplaced()? == 0 {
        tracing::debug!("{} repeats of stored articles", outcome.duplicates);
        return Ok(());
    }
    let settled = settle(store, pipeline).context("regrouping stories")?;
    tracing::debug!(
        "{} added, {} repeats, {} stories touched",
        outcome.added.len(),
        outcome.duplicates,
        settled.stories_touched
    );
    Ok(())
}
