//! `parallax search QUERY`: full-text search over stored articles, best match first.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use parallax_store::SearchQuery;
use serde_json::json;

use super::stories::ListFormat;
use crate::db::open_existing;
use crate::output::Output;

/// Arguments of `parallax search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for: words (all must match), "a phrase", or a prefix*. Any text is accepted.
    pub query: String,
    /// The database (default: $PARALLAX_DB, else parallax.db).
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Only articles from this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only articles published on or after this day (YYYY-MM-DD, today, yesterday, N days ago).
    #[arg(long, value_parser = crate::args::day)]
    pub since: Option<chrono::NaiveDate>,
    /// At most this many hits.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// `md` for readable hits with matches in **bold**, `jsonl` for one JSON object per hit.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Md)]
    pub format: ListFormat,
    #[command(flatten)]
    pub output: Output,
}

/// Runs `parallax search`.
pub fn run(args: SearchArgs) -> Result<ExitCode> {
    let jsonl = args.format == ListFormat::Jsonl;
    let store = open_existing(args.db)?;
    let hits = store.search(&SearchQuery {
        text: args.query,
        outlet: args.outlet,
        since: args.since,
        limit: args.limit,
    })?;
    let mut out = String::new();
    for hit in &hits {
        if jsonl {
            let value = json!({
                "article": hit.article.to_string(),
                "story": hit.story,
                "title": hit.title,
                "outlet": hit.outlet,
                "published": hit.published,
                "snippet": hit.snippet.plain(),
            });
            writeln!(out, "{value}")?;
            continue;
        }
        let story = hit
            .story
            .map(|s| format!("story {s}"))
            .unwrap_or_else(|| "no story".into());
        let mut meta = vec![story, format!("article {}", hit.article)];
        meta.extend(hit.outlet.clone());
        meta.extend(hit.published.map(|d| d.to_string()));
        writeln!(
            out,
            "- {} ({})",
            hit.title.as_deref().unwrap_or("(untitled)"),
            meta.join(", ")
        )?;
        writeln!(
            out,
            "  {}",
            hit.snippet.marked("**", "**").replace('\n', " ")
        )?;
    }
    args.output.write(&out)?;
    if hits.is_empty() {
        tracing::info!("parallax: nothing found");
    }
    Ok(ExitCode::SUCCESS)
}
