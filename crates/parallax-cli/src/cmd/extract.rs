//! `parallax extract`: the clean text and metadata of every article in the inputs, and
//! `parallax eval extraction`: how well that text matches hand-made article bodies.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::{Args, ValueEnum};
use parallax_core::{Article, Diagnostic};
use parallax_eval::extraction::{self, Row};
use serde_json::{json, Value};

use crate::load::load_pages;
use crate::output::Output;
use crate::progress;

/// Output formats of `parallax extract`.
#[derive(Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per article, one a line.
    Jsonl,
    /// One JSON array of all articles.
    Json,
    /// Markdown for reading.
    Md,
}

/// Arguments of `parallax extract`.
#[derive(Args)]
pub struct ExtractArgs {
    /// Files, folders, URLs: text, HTML, JSON Lines, WARC, RSS/Atom, or any of them gzipped.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ExtractFormat::Jsonl)]
    format: ExtractFormat,
    #[command(flatten)]
    output: Output,
}

/// Runs `parallax extract`.
pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let loaded = load_pages(&args.inputs);
    let mut by_source: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in &loaded.diagnostics {
        by_source.entry(d.source.as_str()).or_default().push(d);
    }
    let mut out = args.output.writer()?;
    let records = loaded
        .articles
        .iter()
        .map(|a| record(a, by_source.get(a.source.as_str())));
    match args.format {
        ExtractFormat::Jsonl => {
            for r in records {
                serde_json::to_writer(&mut out, &r)?;
                writeln!(out)?;
            }
        }
        ExtractFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &records.collect::<Vec<_>>())?;
            writeln!(out)?;
        }
        ExtractFormat::Md => {
            for a in &loaded.articles {
                write_markdown(&mut out, a)?;
            }
        }
    }
    out.finish()?;
    let sources: std::collections::HashSet<&str> =
        loaded.articles.iter().map(|a| a.source.as_str()).collect();
    // Diagnostics of inputs that gave no article have no record to ride on: they go to the log.
    crate::log::diagnostics(
        loaded
            .diagnostics
            .iter()
            .filter(|d| !sources.contains(d.source.as_str())),
    );
    let failed = loaded.errors().count();
    if failed > 0 {
        tracing::info!(
            "parallax: {} articles extracted; {failed} inputs or records failed",
            loaded.articles.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// The JSON record of one article.
fn record(a: &Article, diagnostics: Option<&Vec<&Diagnostic>>) -> Value {
    json!({
        "source": a.source,
        "id": a.id,
        "url": a.url,
        "title": a.title,
        "outlet": a.outlet,
        "wire": a.wire,
        "authors": a.authors,
        "published": a.published,
        "language": a.language,
        "text": a.text,
        "dateline": a.dateline.as_deref().map(str::trim_end),
        "diagnostics": diagnostics.map(|ds| ds.iter().map(|d| json!(d)).collect::<Vec<_>>()).unwrap_or_default(),
    })
}

fn write_markdown(out: &mut impl Write, a: &Article) -> std::io::Result<()> {
    writeln!(out, "# {}\n", a.title.as_deref().unwrap_or(&a.id))?;
    let mut line: Vec<String> = Vec::new();
    line.extend(a.outlet.clone());
    if !a.authors.is_empty() {
        line.push(a.authors.join(", "));
    }
    line.extend(a.published.map(|d| d.to_string()));
    line.extend(a.url.clone());
    if !line.is_empty() {
        writeln!(out, "*{}*\n", line.join(" · "))?;
    }
    writeln!(out, "{}\n\n---\n", a.text)
}

/// Arguments of `parallax eval extraction`.
#[derive(Args)]
pub struct EvalExtractionArgs {
    /// A folder in the layout of the Zyte article extraction benchmark.
    dir: PathBuf,
    /// Also write Parallax's output there, in the benchmark's JSON shape.
    #[arg(long)]
    out: Option<PathBuf>,
    #[command(flatten)]
    output: Output,
}

/// Runs `parallax eval extraction`: Parallax over every page, through the whole extract path,
/// scored with every peer in one table.
pub fn run_eval(args: EvalExtractionArgs) -> anyhow::Result<ExitCode> {
    let pages = extraction::load_pages(&args.dir)
        .with_context(|| format!("reading {}", args.dir.display()))?;
    let peers = extraction::load_peers(&args.dir)
        .with_context(|| format!("reading {}", args.dir.display()))?;
    let extracting = progress::spinner(&format!("extracting {} pages", pages.len()));
    let start = Instant::now();
    let predicted = extraction::parallax_bodies(&pages, extraction::Stage::Full);
    let seconds = start.elapsed().as_secs_f64();
    let gold: BTreeMap<String, String> = pages
        .iter()
        .map(|p| (p.id.clone(), p.gold.clone()))
        .collect();
    // The HTML stage alone, before text-level cleaning: shows what each stage adds or costs.
    let html_only = extraction::parallax_bodies(&pages, extraction::Stage::HtmlOnly);
    drop(extracting);
    let mut rows = vec![
        Row {
            name: "parallax".into(),
            scores: extraction::score(&gold, &predicted),
        },
        Row {
            name: "parallax (HTML stage only)".into(),
            scores: extraction::score(&gold, &html_only),
        },
    ];
    for (name, output) in &peers {
        rows.push(Row {
            name: name.clone(),
            scores: extraction::score(&gold, output),
        });
    }
    if let Some(path) = &args.out {
        let body: BTreeMap<&String, Value> = predicted
            .iter()
            .map(|(k, v)| (k, json!({ "articleBody": v })))
            .collect();
        std::fs::write(path, serde_json::to_string_pretty(&body)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let mut out = args.output.writer()?;
    write!(out, "{}", extraction::render_table(&rows))?;
    let mut systems = vec![("parallax".to_string(), &predicted)];
    systems.extend(peers.iter().map(|(name, bodies)| (name.clone(), bodies)));
    for (group, title) in [
        (extraction::Group::Language, "By language"),
        (extraction::Group::Kind, "By kind of page"),
    ] {
        let table = extraction::render_groups(&pages, &systems, group);
        if !table.is_empty() {
            write!(out, "\n{title}:\n\n{table}")?;
        }
    }
    writeln!(
        out,
        "\nparallax: {} pages in {:.2} s ({:.0} pages/s on {} threads), ingest + HTML extraction + text cleaning",
        pages.len(),
        seconds,
        pages.len() as f64 / seconds.max(1e-9),
        rayon::current_num_threads()
    )?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_has_every_field_of_the_contract() {
        let article = Article {
            id: "a".into(),
            source: "a.html".into(),
            outlet: Some("Planet".into()),
            wire: vec!["AP".into()],
            title: Some("T".into()),
            authors: vec!["Ann Lee".into()],
            published: chrono::NaiveDate::from_ymd_opt(2024, 1, 2),
            url: None,
            language: "en".into(),
            text: "Body.".into(),
            dateline: None,
            removed: Vec::new(),
        };
        let warning = Diagnostic::warning("a.html", "decoded lossily");
        let r = record(&article, Some(&vec![&warning]));
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        let mut expected = vec![
            "source",
            "id",
            "url",
            "title",
            "outlet",
            "wire",
            "authors",
            "published",
            "language",
            "text",
            "dateline",
            "diagnostics",
        ];
        expected.sort();
        assert_eq!(keys, expected);
        assert_eq!(r["published"], "2024-01-02");
        assert_eq!(r["diagnostics"][0]["message"], "decoded lossily");
    }
}
