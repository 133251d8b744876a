//! `parallax show STORY`: prints one stored story's brief, as `parallax brief` prints it.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Args;
use parallax_core::Brief;
use parallax_render::{render, OutputFormat};
use parallax_store::regroup::refresh_brief;

use crate::db::{db_path, open_existing, shown};
use crate::output::Output;
use crate::pipeline::Stages;

/// Arguments of `parallax show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The story's id, as `parallax stories` lists it.
    pub story: i64,
    /// The database (default: $PARALLAX_DB, else parallax.db).
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Output format: md, json or html.
    #[arg(long, short, default_value = "md")]
    pub format: OutputFormat,
    #[command(flatten)]
    pub output: Output,
}

/// Runs `parallax show`.
pub fn run(args: ShowArgs) -> Result<ExitCode> {
    let format = args.format;
    let db = db_path(args.db);
    let mut store = open_existing(Some(db.clone()))?;
    // A brief left stale by an interrupted ingest is made again here.
    let Some(cached) = refresh_brief(&mut *store, &Stages::default(), args.story)? else {
        bail!("no story {} in {}", args.story, shown(&db));
    };
    let brief: Brief = serde_json::from_str(&cached.json)
        .with_context(|| format!("story {}: the stored brief is unreadable", args.story))?;
    let mut text = render(&brief, format);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    args.output.write(&text)?;
    Ok(ExitCode::SUCCESS)
}
