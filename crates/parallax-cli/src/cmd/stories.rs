//! `parallax stories`: lists the stories in the store, newest first.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use parallax_store::{StoryQuery, StorySummary};

use crate::db::open_existing;
use crate::output::Output;

/// Output formats of `parallax stories` and `parallax search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A readable Markdown list.
    Md,
    /// One JSON object a line.
    Jsonl,
}

/// Arguments of `parallax stories`.
#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// The database (default: $PARALLAX_DB, else parallax.db).
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Only stories with an article published on or after this day (YYYY-MM-DD, today, yesterday, N days ago).
    #[arg(long, value_parser = crate::args::day)]
    pub since: Option<chrono::NaiveDate>,
    /// At most this many stories (default: all).
    #[arg(long)]
    pub limit: Option<usize>,
    /// `md` for a readable list, `jsonl` for one JSON object per story.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Md)]
    pub format: ListFormat,
    #[command(flatten)]
    pub output: Output,
}

/// Runs `parallax stories`.
pub fn run(args: StoriesArgs) -> Result<ExitCode> {
    let jsonl = args.format == ListFormat::Jsonl;
    let store = open_existing(args.db)?;
    let mut out = String::new();
    let mut left = args.limit.unwrap_or(usize::MAX);
    let mut query = StoryQuery {
        since: args.since,
        limit: left.min(500),
        cursor: None,
    };
    let mut shown = 0;
    while left > 0 {
        let page = store.stories(&query)?;
        for story in &page.stories {
            if jsonl {
                writeln!(out, "{}", serde_json::to_string(story)?)?;
            } else {
                writeln!(out, "{}", line(story))?;
            }
        }
        shown += page.stories.len();
        left = left.saturating_sub(page.stories.len());
        match page.next {
            Some(next) if left > 0 => {
                query = StoryQuery {
                    cursor: Some(next),
                    limit: left.min(500),
                    ..query
                }
            }
            _ => break,
        }
    }
    args.output.write(&out)?;
    if shown == 0 {
        tracing::info!(
            "parallax: no stories{}",
            if args.since.is_some() {
                " since that day"
            } else {
                ""
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// One story as a Markdown list item.
fn line(story: &StorySummary) -> String {
    let span = match (story.first_published, story.last_published) {
        (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
        (Some(a), _) | (None, Some(a)) => a.to_string(),
        (None, None) => "undated".into(),
    };
    let outlets = if story.outlets.is_empty() {
        "no outlet named".to_string()
    } else {
        story.outlets.join(", ")
    };
    let title = if story.title.trim().is_empty() {
        "(untitled)"
    } else {
        story.title.trim()
    };
    format!(
        "- **{}** {title} — {} article{}, {outlets}, {span}",
        story.id,
        story.articles,
        if story.articles == 1 { "" } else { "s" }
    )
}
