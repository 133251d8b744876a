//! Summaries evaluated as DUC evaluates them: for a folder in the DUC layout, Parallax summarizes
//! every cluster, and its summaries and every peer system's are scored with ROUGE against the
//! human models.
//!
//! Layout: `docs/<cluster>t/*` (the articles), `models/<cluster>.*` (human summaries, one
//! sentence a line) and, optionally, `peers/<cluster>.<System>` (other systems' summaries).
//! Further peer folders hold files named `<cluster>.<System>` too.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use parallax_core::{Analyzed, Diagnostic};
use parallax_fuse::{fuse, FuseConfig, SummaryConfig};
use rayon::prelude::*;
use serde::Serialize;

use crate::rouge::{self, Prepared, RougeConfig, Scores};
use crate::EvalError;

/// The name Parallax's own summaries are listed under.
pub const PARALLAX: &str = "Parallax";

/// One cluster of the DUC layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    /// Its id (`d30001`).
    pub id: String,
    /// Its articles, sorted by name.
    pub docs: Vec<PathBuf>,
    /// Its human summaries, sorted by name.
    pub models: Vec<PathBuf>,
    /// Summaries by other systems, by system name.
    pub peers: BTreeMap<String, PathBuf>,
}

/// How the evaluation runs.
#[derive(Debug, Clone)]
pub struct SummariesConfig {
    /// The word budget of every summary; ROUGE cuts summaries to it.
    pub words: usize,
    /// Folders of further peer summaries (`<cluster>.<System>` files).
    pub extra_peers: Vec<PathBuf>,
    /// Whether Parallax summarizes the clusters (off to score peers alone).
    pub run_parallax: bool,
}

impl Default for SummariesConfig {
    fn default() -> Self {
        Self {
            words: 100,
            extra_peers: Vec::new(),
            run_parallax: true,
        }
    }
}

/// The mean scores of one system over the clusters it summarized.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The system's name.
    pub system: String,
    /// Mean ROUGE-1 recall.
    pub rouge_1_recall: f64,
    /// Mean ROUGE-2 recall.
    pub rouge_2_recall: f64,
    /// Mean ROUGE-L F-measure.
    pub rouge_l_f: f64,
    /// How many clusters it summarized.
    pub clusters: usize,
}

/// The result of an evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// One row per system, best ROUGE-2 recall first.
    pub rows: Vec<Row>,
    /// Parallax's summary of each cluster, one sentence a line.
    pub summaries: BTreeMap<String, Vec<String>>,
    /// Time Parallax spent reading, analysing and summarizing all clusters, in seconds.
    pub parallax_seconds: f64,
    /// Problems with the inputs; the evaluation went on without them.
    pub diagnostics: Vec<Diagnostic>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> EvalError + '_ {
    move |error| EvalError::Io {
        path: path.display().to_string(),
        error,
    }
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    parallax_ingest::sorted_entries(dir).map_err(io(dir))
}

/// `<cluster>.<rest>` of a file name.
fn split_name(path: &Path) -> Option<(String, String)> {
    let name = path.file_name()?.to_str()?;
    let (cluster, rest) = name.split_once('.')?;
    Some((cluster.to_string(), rest.to_string()))
}

/// Reads the clusters of a folder in the DUC layout.
pub fn load_layout(dir: &Path) -> Result<Vec<Cluster>, EvalError> {
    let docs_dir = dir.join("docs");
    let models_dir = dir.join("models");
    let mut clusters: BTreeMap<String, Cluster> = BTreeMap::new();
    for folder in sorted_entries(&docs_dir)?
        .into_iter()
        .filter(|p| p.is_dir())
    {
        let Some(name) = folder.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let id = name.strip_suffix('t').unwrap_or(name).to_string();
        let docs = sorted_entries(&folder)?
            .into_iter()
            .filter(|p| p.is_file())
            .collect();
        clusters.insert(
            id.clone(),
            Cluster {
                id,
                docs,
                models: Vec::new(),
                peers: BTreeMap::new(),
            },
        );
    }
    for path in sorted_entries(&models_dir)? {
        if let Some(c) = split_name(&path).and_then(|(id, _)| clusters.get_mut(&id)) {
            c.models.push(path);
        }
    }
    let mut out: Vec<Cluster> = clusters.into_values().collect();
    let peers = dir.join("peers");
    if peers.is_dir() {
        add_peers(&mut out, &peers)?;
    }
    if out.is_empty() {
        return Err(EvalError::Layout {
            path: docs_dir.display().to_string(),
            message: "no cluster folders (docs/<cluster>t/)".into(),
        });
    }
    Ok(out)
}

/// Adds the peer summaries of a folder (`<cluster>.<System>` files) to the clusters.
pub fn add_peers(clusters: &mut [Cluster], dir: &Path) -> Result<(), EvalError> {
    for path in sorted_entries(dir)? {
        let Some((id, system)) = split_name(&path) else {
            continue;
        };
        if let Some(c) = clusters.iter_mut().find(|c| c.id == id) {
            c.peers.insert(system, path);
        }
    }
    Ok(())
}

/// Reads, cleans and analyses the articles of one cluster as `parallax brief` does.
pub fn analyze_docs(paths: &[PathBuf], diagnostics: &mut Vec<Diagnostic>) -> Vec<Analyzed> {
    let mut out = Vec::new();
    for path in paths {
        let source = path.display().to_string();
        let body = match fs::read(path) {
            Ok(body) => body,
            Err(e) => {
                diagnostics.push(Diagnostic::error(&source, e.to_string()));
                continue;
            }
        };
        let raws = match parallax_ingest::read_bytes(source.clone(), body) {
            Ok(raws) => raws,
            Err(e) => {
                diagnostics.push(Diagnostic::error(&source, e.to_string()));
                continue;
            }
        };
        for raw in raws {
            match parallax_extract::extract(&raw, &parallax_extract::ExtractConfig::default()) {
                Ok(extracted) => {
                    diagnostics.extend(extracted.diagnostics);
                    out.push(parallax_analyze::analyze(extracted.article));
                }
                Err(e) => diagnostics.push(Diagnostic::error(&raw.source, e.to_string())),
            }
        }
    }
    out
}

/// A summarizer under evaluation: the summary of a cluster's article files at `words` words, one
/// sentence a line, with the problems it met added to the diagnostics.
pub type Summarizer<'a> =
    dyn Fn(&[PathBuf], usize, &mut Vec<Diagnostic>) -> Vec<String> + Sync + 'a;

/// The settings of the brief's summary at a word budget: what `parallax brief --words N` uses.
pub fn brief_config(words: usize) -> FuseConfig {
    let default = FuseConfig::default();
    FuseConfig {
        summary: SummaryConfig {
            words,
            ..default.summary
        },
        ..default
    }
}

/// The summary of a brief of analysed articles, one sentence a line (whitespace collapsed), as
/// the brief prints it.
pub fn summary_lines(docs: &[Analyzed], config: &FuseConfig) -> Vec<String> {
    fuse(docs, Vec::new(), config)
        .summary
        .into_iter()
        .map(|s| s.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The brief's summary of a cluster's files, read with [`analyze_docs`].
pub fn brief_summary(
    paths: &[PathBuf],
    words: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let docs = analyze_docs(paths, diagnostics);
    summary_lines(&docs, &brief_config(words))
}

/// What one cluster yields: Parallax's summary and the scores of every system.
struct ClusterResult {
    id: String,
    summary: Vec<String>,
    scores: Vec<(String, Scores)>,
    pipeline: Duration,
    diagnostics: Vec<Diagnostic>,
}

fn evaluate_cluster(
    cluster: &Cluster,
    config: &SummariesConfig,
    summarizer: &Summarizer,
    rouge: &RougeConfig,
) -> ClusterResult {
    let mut diagnostics = Vec::new();
    let mut models = Vec::new();
    for path in &cluster.models {
        match fs::read_to_string(path) {
            Ok(text) => models.push(Prepared::from_text(&text, rouge)),
            Err(e) => {
                diagnostics.push(Diagnostic::error(path.display().to_string(), e.to_string()))
            }
        }
    }
    let mut scores = Vec::new();
    let (mut summary, mut pipeline) = (Vec::new(), Duration::ZERO);
    if config.run_parallax {
        let start = Instant::now();
        summary = summarizer(&cluster.docs, config.words, &mut diagnostics);
        pipeline = start.elapsed();
        if !models.is_empty() {
            scores.push((
                PARALLAX.to_string(),
                rouge::score(&Prepared::new(&summary, rouge), &models, rouge),
            ));
        }
    }
    for (system, path) in &cluster.peers {
        match fs::read_to_string(path) {
            Ok(text) if !models.is_empty() => {
                scores.push((
                    system.clone(),
                    rouge::score(&Prepared::from_text(&text, rouge), &models, rouge),
                ));
            }
            Ok(_) => {}
            Err(e) => {
                diagnostics.push(Diagnostic::error(path.display().to_string(), e.to_string()))
            }
        }
    }
    if models.is_empty() {
        diagnostics.push(Diagnostic::error(
            &cluster.id,
            "no model summaries: cluster not scored",
        ));
    }
    ClusterResult {
        id: cluster.id.clone(),
        summary,
        scores,
        pipeline,
        diagnostics,
    }
}

/// Evaluates a summarizer (Parallax's, [`brief_summary`] or the binary's own path) and every
/// peer on the clusters of a DUC-layout folder. `progress` is called after each cluster with the
/// number done.
pub fn evaluate(
    dir: &Path,
    config: &SummariesConfig,
    summarizer: &Summarizer,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Report, EvalError> {
    let mut clusters = load_layout(dir)?;
    for extra in &config.extra_peers {
        add_peers(&mut clusters, extra)?;
    }
    Ok(evaluate_clusters(&clusters, config, summarizer, progress))
}

/// Evaluates already loaded clusters.
pub fn evaluate_clusters(
    clusters: &[Cluster],
    config: &SummariesConfig,
    summarizer: &Summarizer,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Report {
    let rouge = RougeConfig {
        word_limit: Some(config.words),
        ..RougeConfig::default()
    };
    let done = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<ClusterResult> = clusters
        .par_iter()
        .map(|c| {
            let r = evaluate_cluster(c, config, summarizer, &rouge);
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(n, clusters.len());
            r
        })
        .collect();

    let mut by_system: BTreeMap<String, Vec<Scores>> = BTreeMap::new();
    let mut report = Report {
        rows: Vec::new(),
        summaries: BTreeMap::new(),
        parallax_seconds: 0.0,
        diagnostics: Vec::new(),
    };
    for r in results {
        for (system, s) in r.scores {
            by_system.entry(system).or_default().push(s);
        }
        report.parallax_seconds += r.pipeline.as_secs_f64();
        report.diagnostics.extend(r.diagnostics);
        if config.run_parallax {
            report.summaries.insert(r.id, r.summary);
        }
    }
    report.rows = by_system
        .into_iter()
        .map(|(system, scores)| {
            let m = rouge::mean(&scores);
            let get = |i: usize| m.n.get(i).map_or(0.0, |p| p.recall);
            Row {
                system,
                rouge_1_recall: get(0),
                rouge_2_recall: get(1),
                rouge_l_f: m.l.map_or(0.0, |p| p.f),
                clusters: scores.len(),
            }
        })
        .collect();
    report.rows.sort_by(|a, b| {
        b.rouge_2_recall
            .total_cmp(&a.rouge_2_recall)
            .then(b.rouge_1_recall.total_cmp(&a.rouge_1_recall))
            .then(a.system.cmp(&b.system))
    });
    report
}

/// Writes Parallax's summaries in the peers layout (`<cluster>.Parallax`), one sentence a line.
pub fn write_summaries(report: &Report, dir: &Path) -> Result<(), EvalError> {
    fs::create_dir_all(dir).map_err(io(dir))?;
    for (id, lines) in &report.summaries {
        let path = dir.join(format!("{id}.{PARALLAX}"));
        fs::write(&path, lines.join("\n") + "\n").map_err(io(&path))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_split_into_cluster_and_system() {
        assert_eq!(
            split_name(Path::new("peers/d30001.OCCAMS_V")),
            Some(("d30001".to_string(), "OCCAMS_V".to_string()))
        );
        assert_eq!(split_name(Path::new("README")), None);
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_it() {
        let err = load_layout(Path::new("/nonexistent/duc")).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/duc/docs"), "{err}");
    }
}
