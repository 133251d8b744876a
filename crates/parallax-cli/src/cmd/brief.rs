//! `parallax brief`: the brief of one story from several reports of it.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::Args;
use parallax_render::{render, OutputFormat};
use rayon::prelude::*;

use crate::load::load;
use crate::output::Output;
use crate::pipeline::Stages;
use crate::progress;

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
    #[arg(long, default_value_t = 120, value_parser = crate::args::word_budget)]
    words: usize,
    #[command(flatten)]
    output: Output,
    /// Brief only the articles of this story, as numbered in the `--clusters` file.
    #[arg(long, requires = "clusters")]
    story: Option<usize>,
    /// The output of `parallax cluster` (JSON Lines) for the same inputs.
    #[arg(long, requires = "story")]
    clusters: Option<PathBuf>,
    /// Group the inputs into stories and write one brief per story into this folder.
    #[arg(long, conflicts_with_all = ["story", "output", "dump"])]
    all: Option<PathBuf>,
    /// Print an intermediate stage as JSON instead of the brief, for debugging.
    #[arg(long, value_enum)]
    dump: Option<Stage>,
}

/// A stage whose output `--dump` prints.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Stage {
    /// The clean articles, as extraction leaves them.
    Articles,
    /// The articles with their sentences, entities, quotes, figures and dates.
    Analyzed,
}

/// Runs `parallax brief`: exit code 0 when a brief was produced.
pub fn run(args: BriefArgs) -> anyhow::Result<ExitCode> {
    let mut loaded = load(&args.inputs);
    crate::log::diagnostics(&loaded.diagnostics);
    if let (Some(story), Some(file)) = (args.story, &args.clusters) {
        let members = story_members(file, story)?;
        loaded.articles.retain(|a| members.contains(&a.id));
        if loaded.articles.is_empty() {
            bail!(
                "no brief: story {story} of {} has none of these inputs' articles",
                file.display()
            );
        }
    }
    if loaded.articles.is_empty() {
        bail!(
            "no brief: none of the {} input(s) held a readable article",
            args.inputs.len()
        );
    }
    if let Some(dir) = &args.all {
        return brief_every_story(loaded, dir, &args);
    }
    if let Some(Stage::Articles) = args.dump {
        args.output
            .write(&(serde_json::to_string_pretty(&loaded.articles)? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let docs = analyze(loaded.articles);
    if let Some(Stage::Analyzed) = args.dump {
        args.output
            .write(&(serde_json::to_string_pretty(&docs)? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    // The stories are counted only for a warning that can be seen: without it (`-q`), grouping
    // would be read for nothing, and the brief finds the copies itself from the copy
    // signatures alone.
    let copies = if args.story.is_none() && tracing::enabled!(tracing::Level::WARN) {
        warn_if_several_stories(&docs)
    } else {
        None
    };
    let briefing = progress::spinner("briefing");
    let brief = stages(&args).brief_of_with_copies(&docs, loaded.diagnostics, copies.as_deref());
    drop(briefing);
    args.output.write(&render(&brief, args.format))?;
    Ok(ExitCode::SUCCESS)
}

/// [`Stages::analyze_all`] with a spinner on screen.
fn analyze(articles: Vec<parallax_core::Article>) -> Vec<parallax_core::Analyzed> {
    let _analysing = progress::spinner(&format!("analysing {} articles", articles.len()));
    Stages::analyze_all(articles)
}

fn stages(args: &BriefArgs) -> Stages {
    stages_for(args.words)
}

/// The stages of a brief whose summary has `words` words: `parallax eval summaries` scores
/// summaries made by these very stages.
pub fn stages_for(words: usize) -> Stages {
    Stages {
        fuse: parallax_eval::summaries::brief_config(words),
        ..Stages::default()
    }
}

/// The ids of a story's articles in a `parallax cluster` JSON Lines file.
fn story_members(
    file: &std::path::Path,
    story: usize,
) -> anyhow::Result<std::collections::HashSet<String>> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let mut members = std::collections::HashSet::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let value: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", file.display(), n + 1))?;
        if value["story"].as_u64() == Some(story as u64) {
            if let Some(id) = value["id"].as_str() {
                members.insert(id.to_string());
            }
        }
    }
    Ok(members)
}

/// Groups the articles into stories and writes each story's brief to `dir/story-N.EXT`, the
/// largest story first, as `parallax cluster` numbers them.
fn brief_every_story(
    loaded: crate::load::Loaded,
    dir: &std::path::Path,
    args: &BriefArgs,
) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let stages = stages(args);
    let grouping = {
        let _grouping = progress::spinner(&format!("grouping {} articles", loaded.articles.len()));
        stages.stories_of(&loaded.articles)
    };
    let docs = analyze(loaded.articles);
    let briefing = progress::bar(grouping.stories.len(), "briefing");
    let written: Vec<anyhow::Result<PathBuf>> = grouping
        .stories
        .par_iter()
        .enumerate()
        .map(|(n, story)| {
            let members: Vec<_> = story.members.iter().map(|&m| docs[m].clone()).collect();
            let brief = stages.brief_of(&members, Vec::new());
            let path = dir.join(format!("story-{}.{}", n + 1, args.format.extension()));
            std::fs::write(&path, render(&brief, args.format))
                .with_context(|| format!("cannot write {}", path.display()))?;
            briefing.inc(1);
            Ok(path)
        })
        .collect();
    drop(briefing);
    for w in written {
        w?;
    }
    tracing::info!(
        "{} stories from {} articles written to {}",
        grouping.stories.len(),
        docs.len(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Warns on stderr when the articles form more than one story, and points to `--all`. Gives
/// the copies among the articles, found by the same grouping (with the default grouping
/// settings, as the brief's own copy detection), when there are several articles.
fn warn_if_several_stories(docs: &[parallax_core::Analyzed]) -> Option<Vec<Option<usize>>> {
    if docs.len() < 2 {
        return None;
    }
    let (stories, copies) = {
        let _grouping = progress::spinner(&format!("grouping {} articles", docs.len()));
        Stages::default().story_count_and_copies(docs.iter().map(|d| &d.article))
    };
    if stories > 1 {
        tracing::warn!(
            "these {} articles form {stories} stories, and this brief mixes them; \
             `parallax brief --all DIR` writes one brief per story",
            docs.len()
        );
    }
    Some(copies)
}
