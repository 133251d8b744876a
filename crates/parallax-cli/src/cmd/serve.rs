//! `parallax serve`: the JSON API and the web page over a store.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Args;
use parallax_serve::{serve_blocking, Options};

use crate::db::{db_path, shown};
use crate::pipeline::Stages;

/// Arguments of `parallax serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The database, a SQLite file or a postgres:// URL (default: $PARALLAX_DB, else
    /// parallax.db); created if missing. On PostgreSQL any number of replicas may serve it.
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Where to listen. Any address but loopback needs --token.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// The bearer token that `POST /api/articles` needs (default: $PARALLAX_TOKEN).
    #[arg(long)]
    pub token: Option<String>,
    /// Refuse all writes.
    #[arg(long)]
    pub read_only: bool,
    /// The largest request body accepted, in MiB.
    #[arg(long, default_value_t = 16)]
    pub max_body_mb: usize,
    /// The longest a request may take, in seconds.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
}

/// Runs `parallax serve` until Ctrl-C.
pub fn run(args: ServeArgs) -> Result<ExitCode> {
    let db = db_path(args.db);
    let token = args
        .token
        .or_else(|| std::env::var("PARALLAX_TOKEN").ok())
        .filter(|t| !t.trim().is_empty());
    let options = Options {
        token,
        writes: !args.read_only,
        body_limit: args.max_body_mb.max(1) * 1024 * 1024,
        timeout: Duration::from_secs(args.timeout.max(1)),
        ..Options::default()
    };
    serve_blocking(args.addr, &db, Arc::new(Stages::default()), &options)
        .with_context(|| format!("serving {}", shown(&db)))?;
    Ok(ExitCode::SUCCESS)
}
