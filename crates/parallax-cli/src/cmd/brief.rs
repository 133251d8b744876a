//! `parallax brief`: the brief of one story from several reports of it.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::Args;
use parallax_fuse::{fuse, FuseConfig, SummaryConfig};
use parallax_render::{render, OutputFormat};
use rayon::prelude::*;

use crate::load::load;

/// Arguments of `parallax brief`.
#[derive(Args)]
pub struct BriefArgs {
    /// Files, folders or URLs: the reports of one story.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format: md, json or html.
    #[arg(long, short, default_value = "md")]
    format: OutputFormat,
    /// Word budget of the summary.
    #[arg(long, default_value_t = 120)]
    words: usize,
    /// Write the brief to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// Runs `parallax brief`: exit code 0 when a brief was produced.
pub fn run(args: BriefArgs) -> anyhow::Result<ExitCode> {
    let loaded = load(&args.inputs);
    for d in &loaded.diagnostics {
        eprintln!("{d}");
    }
    if loaded.articles.is_empty() {
        bail!("no brief: none of the {} input(s) held a readable article", args.inputs.len());
    }
    let docs: Vec<_> = loaded.articles.into_par_iter().map(parallax_analyze::analyze).collect();
    let config = FuseConfig {
        summary: SummaryConfig { words: args.words, ..SummaryConfig::default() },
        ..FuseConfig::default()
    };
    let brief = fuse(&docs, loaded.diagnostics, &config);
    let text = render(&brief, args.format);
    match &args.output {
        Some(path) => std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
