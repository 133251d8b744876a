//! What every brief the test suite makes must hold, checked on the real binary's JSON: the
//! seeds, the bundled example, DUC 2004 dev clusters and ECB+ events.
//! - no summary sentence cites an article that gives a different value for one of its figures;
//! - no summary sentence starts with a connective or a word that points back;
//! - no figure group mixes a date with a count (or two kinds of quantity).
//!
//! To keep debug-build runtime modest the DUC and ECB+ sets are sampled (every third DUC cluster,
//! every sixth ECB+ event); `PARALLAX_BRIEFS_ALL=1` takes them all. `PARALLAX_BRIEFS_STATS=1`
//! prints counts instead of failing, and `PARALLAX_BIN` runs another binary: together they
//! measure a build before and after a change.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use parallax_analyze::{analyze, compatible, find_figures, sentences_of};
use parallax_core::{Article, Figure};
use parallax_fuse::summary::readable::{opens_with_connective, opens_with_reference};
use serde_json::Value;

/// What went wrong in the briefs, and how often "differ" was said.
#[derive(Debug, Default)]
struct Findings {
    briefs: usize,
    citations: usize,
    contradicting: Vec<String>,
    unreadable: Vec<String>,
    mixed: Vec<String>,
    differ: usize,
}

fn brief(inputs: &[PathBuf]) -> Value {
    let bin = std::env::var_os("PARALLAX_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_parallax")));
    let mut cmd = Command::new(bin);
    cmd.args(["brief", "--format", "json"]).args(inputs);
    let out = cmd.output().expect("parallax runs");
    assert!(
        out.status.success(),
        "parallax failed on {inputs:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("brief is JSON")
}

fn article(a: &Value) -> Article {
    Article {
        id: a["id"].as_str().unwrap_or_default().into(),
        source: a["source"].as_str().unwrap_or_default().into(),
        outlet: None,
        wire: vec![],
        title: None,
        authors: vec![],
        published: None,
        url: None,
        language: a["language"].as_str().unwrap_or("en").into(),
        text: a["text"].as_str().unwrap_or_default().into(),
        dateline: None,
        removed: vec![],
    }
}

fn same_thing(a: &Figure, b: &Figure) -> bool {
    a.kind == b.kind && a.unit == b.unit && a.head == b.head
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "février",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Whether a figure phrase is a date, a year or a clock time rather than a quantity.
fn looks_like_date(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != ':')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| MONTHS.contains(w))
        || words.iter().any(|w| {
            let b = w.as_bytes();
            (w.len() == 4
                && (w.starts_with("19") || w.starts_with("20"))
                && w.bytes().all(|c| c.is_ascii_digit())
                && words.len() == 1)
                || (w.contains(':') && b.first().is_some_and(u8::is_ascii_digit))
        })
}

fn check_brief(name: &str, brief: &Value, found: &mut Findings) {
    found.briefs += 1;
    let articles: BTreeMap<&str, &Value> = brief["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap_or_default(), a))
        .collect();
    let mut analyzed = BTreeMap::new();
    for s in brief["summary"].as_array().unwrap() {
        let text = s["text"].as_str().unwrap_or_default();
        if opens_with_connective(text) || opens_with_reference(text) {
            found.unreadable.push(format!("{name}: {text}"));
        }
        let sources: Vec<&str> = s["sources"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let Some(own) = sources.first().and_then(|id| articles.get(id)) else {
            continue;
        };
        let lang = own["language"].as_str().unwrap_or("en");
        let figures: Vec<Figure> = sentences_of(text)
            .iter()
            .enumerate()
            .flat_map(|(i, sentence)| find_figures(sentence, i, lang))
            .collect();
        for id in sources.iter().skip(1) {
            found.citations += 1;
            let Some(a) = articles.get(id) else { continue };
            let other = analyzed
                .entry(id.to_string())
                .or_insert_with(|| analyze(article(a)));
            for f in &figures {
                let same: Vec<&Figure> =
                    other.figures.iter().filter(|g| same_thing(f, g)).collect();
                if !same.is_empty() && !same.iter().any(|g| compatible(f, g)) {
                    found.contradicting.push(format!(
                        "{name}: {text:?} cites {id}, which gives {:?} for {:?}",
                        same.iter().map(|g| &g.text).collect::<Vec<_>>(),
                        f.text
                    ));
                }
            }
        }
    }
    for group in brief["figures"].as_array().unwrap() {
        if group["status"] == "differ" {
            found.differ += 1;
        }
        let mentions = group["mentions"].as_array().unwrap();
        let dates = mentions
            .iter()
            .filter(|m| looks_like_date(m["text"].as_str().unwrap_or_default()))
            .count();
        let mut kinds: Vec<&str> = mentions.iter().filter_map(|m| m["kind"].as_str()).collect();
        kinds.sort();
        kinds.dedup();
        if (dates > 0 && dates < mentions.len()) || kinds.len() > 1 {
            found.mixed.push(format!("{name}: {group}"));
        }
    }
}

fn finish(set: &str, found: &Findings) {
    if std::env::var_os("PARALLAX_BRIEFS_STATS").is_some() {
        println!(
            "{set}: {} briefs, {} citations, {} contradict a figure, {} unreadable openings, {} mixed groups, {} differ verdicts",
            found.briefs,
            found.citations,
            found.contradicting.len(),
            found.unreadable.len(),
            found.mixed.len(),
            found.differ
        );
        for c in &found.contradicting {
            println!("  contradicts: {c}");
        }
        return;
    }
    assert!(found.briefs > 0, "{set}: no brief made");
    assert!(
        found.contradicting.is_empty(),
        "{set}: citations that contradict a figure: {:#?}",
        found.contradicting
    );
    assert!(
        found.unreadable.is_empty(),
        "{set}: sentences that do not stand alone: {:#?}",
        found.unreadable
    );
    assert!(
        found.mixed.is_empty(),
        "{set}: figure groups that mix dates with counts: {:#?}",
        found.mixed
    );
}

fn shared() -> PathBuf {
    let dir = common::root().join("../shared");
    assert!(dir.is_dir(), "../shared is missing");
    dir
}

fn every_nth<T>(items: Vec<T>, n: usize) -> Vec<T> {
    if std::env::var_os("PARALLAX_BRIEFS_ALL").is_some() {
        return items;
    }
    items.into_iter().step_by(n).collect()
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn the_example_holds() {
    let mut found = Findings::default();
    let dir = common::root().join("examples/harbour-fire/articles");
    check_brief("example", &brief(&[dir]), &mut found);
    finish("example", &found);
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn the_seeds_hold() {
    let mut found = Findings::default();
    let files: Vec<PathBuf> = files_in(&shared().join("seeds"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    check_brief("seeds", &brief(&files), &mut found);
    finish("seeds", &found);
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn duc_dev_clusters_hold() {
    let mut found = Findings::default();
    let docs = shared().join("eval/duc2004-dev/docs");
    let mut clusters: Vec<PathBuf> = std::fs::read_dir(&docs)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    clusters.sort();
    assert!(
        !clusters.is_empty(),
        "no DUC clusters in {}",
        docs.display()
    );
    for cluster in every_nth(clusters, 3) {
        let name = cluster.file_name().unwrap().to_string_lossy().to_string();
        check_brief(&name, &brief(&files_in(&cluster)), &mut found);
    }
    finish("DUC 2004 dev", &found);
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn ecbplus_events_hold() {
    let mut found = Findings::default();
    let path = shared().join("eval/clusters-ecbplus/documents.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut events: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).unwrap();
        events
            .entry(v["subtopic"].as_str().unwrap().to_string())
            .or_default()
            .push((
                v["doc"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            ));
    }
    assert!(!events.is_empty(), "no ECB+ events in {}", path.display());
    let tmp = tempfile::tempdir().unwrap();
    for (event, docs) in every_nth(events.into_iter().collect(), 6) {
        let dir = tmp.path().join(&event);
        std::fs::create_dir_all(&dir).unwrap();
        let files: Vec<PathBuf> = docs
            .iter()
            .map(|(doc, text)| {
                let file = dir.join(format!("{doc}.txt"));
                std::fs::write(&file, text).unwrap();
                file
            })
            .collect();
        check_brief(&format!("ECB+ {event}"), &brief(&files), &mut found);
    }
    finish("ECB+", &found);
}

#[test]
fn dates_are_told_from_counts() {
    assert!(looks_like_date("February 7"));
    assert!(looks_like_date("10:24"));
    assert!(looks_like_date("2022"));
    assert!(!looks_like_date("nearly 3,000 US troops"));
    assert!(!looks_like_date("2022 residents"));
}
