//! `parallax eval`: measures Parallax against published data.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use parallax_eval::summaries::{self, Report, SummariesConfig, PARALLAX};

use crate::output::Output;
use crate::progress;

/// Arguments of `parallax eval`.
#[derive(Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    what: EvalCommand,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Brief every cluster of a DUC-layout folder and score the summary the brief prints
    /// (`parallax brief --words N`) and every peer with ROUGE (ROUGE-1.5.5 conventions: stemmed,
    /// stopwords kept, cut at the word budget).
    #[command(
        after_help = "Layout: DIR/docs/<cluster>t/*, DIR/models/<cluster>.*, optional DIR/peers/<cluster>.<System>\n\nExamples:\n  parallax eval summaries ../shared/eval/duc2004-dev\n  parallax eval summaries DIR --peers eval/peers/out --format json"
    )]
    Summaries(SummariesArgs),
    /// Extract every page of a folder in the Zyte benchmark's layout and score Parallax and every
    /// peer (4-gram shingle precision, recall, F1; exact-token accuracy).
    #[command(
        after_help = "Layout: DIR/html/<id>.html.gz, DIR/ground-truth.json, DIR/peers/<name>.json\n\nExample:\n  parallax eval extraction ../shared/eval/extraction-zyte"
    )]
    Extraction(super::extract::EvalExtractionArgs),
    /// Cluster a labelled JSON Lines file exactly as `parallax cluster` does and score the
    /// stories against the labels (B-cubed and pairwise precision, recall, F1; cluster counts;
    /// time).
    #[command(
        after_help = "Example:\n  parallax eval clusters ../shared/eval/clusters-ecbplus/documents.jsonl --label subtopic"
    )]
    Clusters(super::cluster::EvalClustersArgs),
    /// Brief every event of a gold set of shared quotations and score the quote groups and their
    /// speakers by the set's `check.py` rules, with a breakdown by how each quote is attributed.
    #[command(
        after_help = "Example:\n  parallax eval quotes ../shared/eval/quotes-ecbplus/quotes.jsonl --out predictions.jsonl"
    )]
    Quotes(QuotesArgs),
    /// Extract every page of a folder in Mozilla Readability's test layout and count title,
    /// byline, site name and date found right, side by side with peers' metadata.
    #[command(
        after_help = "Layout: DIR/pages/<name>/source.html, DIR/pages/<name>/expected-metadata.json\nPeers: JSON {\"system\": .., \"pages\": {<name>: {title, byline, site, date}}}, as eval/peers/trafilatura_metadata.sh writes\n\nExample:\n  parallax eval metadata ../shared/eval/extraction-readability --peers eval/peers/out/trafilatura-metadata.json"
    )]
    Metadata(MetadataArgs),
}

/// Output formats of the evaluation.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// An aligned table for people.
    Table,
    /// The whole report as JSON.
    Json,
}

#[derive(Args)]
struct SummariesArgs {
    /// The folder in DUC layout.
    dir: PathBuf,
    /// Word budget of each summary, as `parallax brief --words` (ROUGE cuts at it).
    #[arg(long, default_value_t = 100, value_parser = crate::args::word_budget)]
    words: usize,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    format: Format,
    #[command(flatten)]
    output: Output,
    /// More folders of peer summaries named `<cluster>.<System>`.
    #[arg(long, num_args = 1..)]
    peers: Vec<PathBuf>,
    /// Also write Parallax's summaries to this folder as `<cluster>.Parallax`.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Runs `parallax eval`.
pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    match args.what {
        EvalCommand::Summaries(args) => run_summaries(args),
        EvalCommand::Extraction(args) => super::extract::run_eval(args),
        EvalCommand::Clusters(args) => super::cluster::run_eval(args),
        EvalCommand::Quotes(args) => run_quotes(args),
        EvalCommand::Metadata(args) => run_metadata(args),
    }
}

#[derive(Args)]
struct QuotesArgs {
    /// The gold quote groups (JSON Lines, one statement a line).
    gold: PathBuf,
    /// The articles, one a line with `doc`, `text` and `subtopic` (default: `documents.jsonl` in
    /// `../clusters-ecbplus/` next to the gold file).
    #[arg(long)]
    documents: Option<PathBuf>,
    /// Also write the predicted groups here, in `check.py`'s format.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Brief every event of the documents, not only those of the gold file (events with no shared
    /// quotation then test that nothing is grouped by mistake).
    #[arg(long)]
    all_events: bool,
    #[command(flatten)]
    output: Output,
}

/// Runs `parallax eval quotes`: each event's articles go through the path of `parallax brief`
/// (`load`, then `Stages::analyze_all` and `Stages::brief_of`, as `brief` calls them); the brief's quote groups are scored against the gold set.
fn run_quotes(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    use parallax_eval::quotes::{
        read_gold, render_report, score, PredictedGroup, PredictedVariant,
    };
    use rayon::prelude::*;
    use std::collections::{BTreeMap, BTreeSet, HashMap};

    let gold = read_gold(&args.gold)?;
    let documents = args.documents.clone().unwrap_or_else(|| {
        args.gold
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join("../clusters-ecbplus/documents.jsonl")
    });
    let (labels, label_diagnostics) = parallax_eval::clusters::read_labels(&documents, "subtopic")?;
    let event_of: HashMap<String, String> = labels
        .into_iter()
        .map(|g| (g.id.unwrap_or(g.source), g.label))
        .collect();
    let gold_events: BTreeSet<&str> = gold.iter().map(|g| g.subtopic.as_str()).collect();
    let loaded = crate::load::load(std::slice::from_ref(&documents));
    crate::log::diagnostics(label_diagnostics.iter().chain(&loaded.diagnostics));
    let mut events: BTreeMap<String, Vec<parallax_core::Article>> = BTreeMap::new();
    for a in loaded.articles {
        if let Some(event) = event_of.get(&a.id) {
            if args.all_events || gold_events.contains(event.as_str()) {
                events.entry(event.clone()).or_default().push(a);
            }
        }
    }
    // The stages `parallax brief` runs, with its settings.
    let stages = crate::pipeline::Stages::default();
    let briefing = progress::bar(events.len(), "briefing");
    let cpu_before = crate::cpu::process_seconds();
    let briefed: Vec<(Vec<PredictedGroup>, f64, usize)> = events
        .into_par_iter()
        .map(|(event, articles)| {
            let n = articles.len();
            let start = std::time::Instant::now();
            let docs = crate::pipeline::Stages::analyze_all(articles);
            let brief = stages.brief_of(&docs, Vec::new());
            let seconds = start.elapsed().as_secs_f64();
            let groups = brief
                .quotes
                .into_iter()
                .map(|q| PredictedGroup {
                    subtopic: event.clone(),
                    speaker: q.speaker,
                    variants: q
                        .variants
                        .into_iter()
                        .map(|v| PredictedVariant {
                            doc: v.article,
                            text: v.text,
                            speaker: v.speaker,
                        })
                        .collect(),
                })
                .collect();
            briefing.inc(1);
            (groups, seconds, n)
        })
        .collect();
    drop(briefing);
    let cpu = cpu_before
        .zip(crate::cpu::process_seconds())
        .map(|(a, b)| b - a);
    let slowest = briefed.iter().map(|b| b.1).fold(0.0, f64::max);
    let total: f64 = briefed.iter().map(|b| b.1).sum();
    let articles: usize = briefed.iter().map(|b| b.2).sum();
    let events_run = briefed.len();
    let preds: Vec<PredictedGroup> = briefed.into_iter().flat_map(|b| b.0).collect();
    if let Some(out) = &args.out {
        let mut body = String::new();
        for p in &preds {
            body += &serde_json::to_string(p)?;
            body.push('\n');
        }
        std::fs::write(out, body).with_context(|| format!("cannot write {}", out.display()))?;
    }
    let mut report = args.output.writer()?;
    write!(report, "{}", render_report(&score(&gold, &preds)))?;
    let cpu_line = match cpu {
        Some(cpu) => format!(
            "{:.1} ms of CPU per event ({:.1} per 10 articles), ",
            cpu * 1000.0 / events_run.max(1) as f64,
            cpu * 10_000.0 / articles.max(1) as f64
        ),
        None => String::new(),
    };
    writeln!(
        report,
        "\n{events_run} events, {articles} articles; analysis and fusion {cpu_line}{:.1} ms wall per event on average, {:.1} ms the slowest",
        total * 1000.0 / events_run.max(1) as f64,
        slowest * 1000.0
    )?;
    report.finish()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
struct MetadataArgs {
    /// The folder in Readability's test layout.
    dir: PathBuf,
    /// Peers' metadata files, scored beside Parallax.
    #[arg(long, num_args = 1..)]
    peers: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    format: Format,
    #[command(flatten)]
    output: Output,
    /// Also write Parallax's metadata there, in the peers' JSON shape.
    #[arg(long)]
    out: Option<PathBuf>,
}

fn run_metadata(args: MetadataArgs) -> anyhow::Result<ExitCode> {
    use parallax_eval::metadata::{self, Comparison, Row};
    let pages = metadata::load_pages(&args.dir)
        .with_context(|| format!("reading {}", args.dir.display()))?;
    let found = {
        let _extracting = progress::spinner(&format!("extracting {} pages", pages.len()));
        metadata::parallax_metadata(&pages)
    };
    let row = |system: String, found: &metadata::Metadata| Row {
        system,
        contain: metadata::score(&pages, found, Comparison::Contain),
        exact: metadata::score(&pages, found, Comparison::Exact),
    };
    let mut rows = vec![row("parallax".into(), &found)];
    for path in &args.peers {
        let (name, peer) = metadata::load_peer(path)?;
        rows.push(row(name, &peer));
    }
    if let Some(path) = &args.out {
        let file = serde_json::json!({ "system": "parallax", "pages": found });
        std::fs::write(path, serde_json::to_string_pretty(&file)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let mut out = args.output.writer()?;
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        Format::Table => writeln!(
            out,
            "{}{} pages",
            metadata::render_table(&rows),
            pages.len()
        )?,
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn run_summaries(args: SummariesArgs) -> anyhow::Result<ExitCode> {
    let config = SummariesConfig {
        words: args.words,
        extra_peers: args.peers,
        run_parallax: true,
    };
    let scoring = progress::bar(0, "summarizing");
    let progress = |done: usize, total: usize| {
        scoring.set_length(total as u64);
        scoring.set_position(done as u64);
    };
    let report = summaries::evaluate(&args.dir, &config, &brief_summary, &progress)
        .with_context(|| format!("evaluating summaries in {}", args.dir.display()))?;
    drop(scoring);
    if let Some(out) = &args.out {
        summaries::write_summaries(&report, out)?;
    }
    crate::log::diagnostics(&report.diagnostics);
    let mut out = args.output.writer()?;
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        Format::Table => write_table(&mut out, &report)?,
    }
    out.finish()?;
    let failed = report
        .diagnostics
        .iter()
        .any(|d| d.level == parallax_core::Level::Error);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The summary `parallax brief --words WORDS FILES` prints, one sentence a line: the same loading,
/// stages and settings.
fn brief_summary(
    files: &[PathBuf],
    words: usize,
    diagnostics: &mut Vec<parallax_core::Diagnostic>,
) -> Vec<String> {
    let loaded = crate::load::load_with(files, false, &parallax_extract::ExtractConfig::default());
    diagnostics.extend(loaded.diagnostics);
    let docs = crate::pipeline::Stages::analyze_all(loaded.articles);
    super::brief::stages_for(words)
        .brief_of(&docs, Vec::new())
        .summary
        .into_iter()
        .map(|s| s.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn write_table(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    let width = report
        .rows
        .iter()
        .map(|r| r.system.len())
        .max()
        .unwrap_or(6)
        .max(6);
    writeln!(
        out,
        "{:<width$}  {:>7}  {:>7}  {:>7}  {:>8}",
        "system", "R-1 R", "R-2 R", "R-L F", "clusters"
    )?;
    for r in &report.rows {
        let mark = if r.system == PARALLAX { " *" } else { "" };
        writeln!(
            out,
            "{:<width$}  {:>7.2}  {:>7.2}  {:>7.2}  {:>8}{mark}",
            r.system,
            r.rouge_1_recall * 100.0,
            r.rouge_2_recall * 100.0,
            r.rouge_l_f * 100.0,
            r.clusters
        )?;
    }
    writeln!(
        out,
        "\nParallax: {:.2} s reading, analysing and briefing; {:.1} ms per cluster",
        report.parallax_seconds,
        report.parallax_seconds * 1000.0 / report.summaries.len().max(1) as f64
    )
}
