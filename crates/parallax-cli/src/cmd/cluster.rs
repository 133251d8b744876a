//! `parallax cluster`: groups the inputs into stories and lists them, one line per article
//! (JSON Lines) or one section per story (Markdown).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use parallax_core::{Article, Level};
use parallax_group::{GroupConfig, Grouping};

use crate::load::{load_for_grouping, Loaded};
use crate::output::Output;
use crate::pipeline::Stages;
use crate::progress;

/// Output formats of `parallax cluster`.
#[derive(Clone, Copy, ValueEnum)]
pub enum ClusterFormat {
    /// One JSON object per article: `{"source","id","story","duplicate_of"}`.
    Jsonl,
    /// A list of stories with each article's date, outlet and title.
    Md,
}

/// Arguments of `parallax cluster`.
#[derive(Args)]
pub struct ClusterArgs {
    /// Files, folders or URLs holding the articles (text, HTML, JSON Lines, WARC, feeds).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ClusterFormat::Jsonl)]
    format: ClusterFormat,
    #[command(flatten)]
    output: Output,
    /// A JSON file of grouping settings overriding the defaults (see `GroupConfig`).
    #[arg(long)]
    config: Option<PathBuf>,
}

/// Runs `parallax cluster`: exit code 1 when any input could not be used.
pub fn run(args: ClusterArgs) -> anyhow::Result<ExitCode> {
    let config = read_config(args.config.as_deref())?;
    let (loaded, grouping) = cluster_inputs(&args.inputs, config)?;
    let mut out = args.output.writer()?;
    match args.format {
        ClusterFormat::Jsonl => write_jsonl(&mut out, &loaded.articles, &grouping)?,
        ClusterFormat::Md => write_md(&mut out, &loaded.articles, &grouping)?,
    }
    out.finish()?;
    Ok(if loaded.errors().next().is_some() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// What `parallax cluster` and `parallax eval clusters` both run: read and extract the inputs,
/// then group the articles with the settings given; diagnostics go to the log.
fn cluster_inputs(inputs: &[PathBuf], config: GroupConfig) -> anyhow::Result<(Loaded, Grouping)> {
    let loaded = load_for_grouping(inputs);
    crate::log::diagnostics(&loaded.diagnostics);
    if loaded.articles.is_empty() {
        bail!(
            "nothing to cluster: none of the {} input(s) held a readable article",
            inputs.len()
        );
    }
    let stages = Stages {
        group: config,
        ..Stages::default()
    };
    let grouping = {
        let _grouping = progress::spinner(&format!("grouping {} articles", loaded.articles.len()));
        stages.stories_of(&loaded.articles)
    };
    crate::log::diagnostics(&grouping.diagnostics);
    Ok((loaded, grouping))
}

/// The defaults, with the settings a JSON file gives replaced.
pub fn read_config(path: Option<&std::path::Path>) -> anyhow::Result<GroupConfig> {
    let Some(path) = path else {
        return Ok(GroupConfig::default());
    };
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let config: GroupConfig = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a grouping config", path.display()))?;
    config
        .validate()
        .with_context(|| path.display().to_string())?;
    Ok(config)
}

/// Story numbers as printed: 1 is the largest story.
fn story_number(index: usize) -> usize {
    index + 1
}

fn write_jsonl(
    out: &mut impl Write,
    articles: &[Article],
    grouping: &Grouping,
) -> anyhow::Result<()> {
    for (a, p) in articles.iter().zip(&grouping.placements) {
        let line = serde_json::json!({
            "source": a.source,
            "id": a.id,
            "story": story_number(p.story),
            "duplicate_of": p.duplicate_of.map(|o| articles[o].id.as_str()),
        });
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn write_md(out: &mut impl Write, articles: &[Article], grouping: &Grouping) -> anyhow::Result<()> {
    writeln!(
        out,
        "# {} stories from {} articles\n",
        grouping.stories.len(),
        articles.len()
    )?;
    for (s, story) in grouping.stories.iter().enumerate() {
        let Some(&lead) = story.members.first() else {
            continue;
        };
        let outlets: std::collections::BTreeSet<&str> = story
            .members
            .iter()
            .filter_map(|&m| articles[m].outlet.as_deref())
            .collect();
        writeln!(out, "## {}. {}", story_number(s), headline(&articles[lead]))?;
        let mut facts = vec![format!(
            "{} article{}",
            story.members.len(),
            if story.members.len() == 1 { "" } else { "s" }
        )];
        if !outlets.is_empty() {
            facts.push(outlets.into_iter().collect::<Vec<_>>().join(", "));
        }
        let dates: Vec<_> = story
            .members
            .iter()
            .filter_map(|&m| articles[m].published)
            .collect();
        if let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) {
            facts.push(if first == last {
                first.to_string()
            } else {
                format!("{first} to {last}")
            });
        }
        writeln!(out, "{}\n", facts.join(" · "))?;
        for &m in &story.members {
            let a = &articles[m];
            let date = a
                .published
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into());
            let copy = grouping.placements[m]
                .duplicate_of
                .map(|o| format!(" (copy of `{}`)", articles[o].id))
                .unwrap_or_default();
            writeln!(
                out,
                "- {date} · {} · {} · `{}`{copy}",
                a.label(),
                headline(a),
                a.id
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The article's title, else the start of its text.
fn headline(a: &Article) -> String {
    if let Some(t) = a.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return t.trim().to_string();
    }
    let first = a
        .text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let mut words: Vec<&str> = first.split_whitespace().take(12).collect();
    if first.split_whitespace().count() > 12 {
        words.push("…");
    }
    words.join(" ")
}

/// Arguments of `parallax eval clusters`.
#[derive(Args)]
pub struct EvalClustersArgs {
    /// A JSON Lines file: one article a line, as `parallax cluster` reads it, with the gold label.
    file: PathBuf,
    /// The field holding each article's gold story label.
    #[arg(long, default_value = "label")]
    label: String,
    /// Print the scores as JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// A JSON file of grouping settings overriding the defaults.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Also write the stories found there, as `parallax cluster` prints them (JSON Lines).
    #[arg(long)]
    out: Option<PathBuf>,
    #[command(flatten)]
    output: Output,
}

/// Runs `parallax eval clusters`: clusters the file exactly as `parallax cluster` does (same
/// reading, extraction and settings) and scores the stories against the labels of its records.
/// A labelled record that reading dropped counts as a story of its own.
pub fn run_eval(args: EvalClustersArgs) -> anyhow::Result<ExitCode> {
    use parallax_eval::clusters::{read_labels, render_table, score_run, ClusterRow, Placed};
    let config = read_config(args.config.as_deref())?;
    let (labels, label_diagnostics) = read_labels(&args.file, &args.label)?;
    crate::log::diagnostics(&label_diagnostics);
    if labels.is_empty() {
        bail!(
            "{}: no record has the label `{}`",
            args.file.display(),
            args.label
        );
    }
    let start = std::time::Instant::now();
    let (loaded, grouping) = cluster_inputs(std::slice::from_ref(&args.file), config)?;
    let seconds = start.elapsed().as_secs_f64();
    if let Some(path) = &args.out {
        let file = std::fs::File::create(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        let mut out = std::io::BufWriter::new(file);
        write_jsonl(&mut out, &loaded.articles, &grouping)?;
        out.flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let placed: Vec<Placed<'_>> = loaded
        .articles
        .iter()
        .zip(&grouping.placements)
        .map(|(a, p)| Placed {
            source: &a.source,
            id: &a.id,
            story: p.story,
        })
        .collect();
    let run = score_run(&labels, &placed);
    let row = ClusterRow {
        system: "parallax".into(),
        scores: run.scores,
        seconds,
    };
    let copies = grouping
        .placements
        .iter()
        .filter(|p| p.duplicate_of.is_some())
        .count();
    let mut out = args.output.writer()?;
    if args.json {
        let mut value = serde_json::to_value(&row)?;
        if let Some(fields) = value.as_object_mut() {
            fields.insert("records".into(), labels.len().into());
            fields.insert("articles".into(), loaded.articles.len().into());
            fields.insert("unplaced".into(), run.unplaced.into());
            fields.insert("unlabelled".into(), run.unlabelled.into());
            fields.insert("copies".into(), copies.into());
        }
        writeln!(out, "{value}")?;
    } else {
        write!(out, "{}", render_table(std::slice::from_ref(&row)))?;
        writeln!(
            out,
            "\n{} labelled records, {} articles read and grouped (seconds: reading, extraction and grouping), {} marked as copies",
            labels.len(),
            loaded.articles.len(),
            copies
        )?;
        if run.unplaced > 0 {
            writeln!(
                out,
                "{} labelled records were dropped while reading: each is scored as a story of its own",
                run.unplaced
            )?;
        }
        if run.unlabelled > 0 {
            writeln!(
                out,
                "{} articles match no labelled record: grouped, not scored",
                run.unlabelled
            )?;
        }
    }
    out.finish()?;
    let failed = label_diagnostics.iter().any(|d| d.level == Level::Error)
        || loaded.errors().next().is_some();
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
