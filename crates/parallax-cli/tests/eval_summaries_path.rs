//! `parallax eval summaries` scores what `parallax brief` prints: on the same articles and word
//! budget, the summary it writes with `--out` is the brief's summary, sentence for sentence.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{brief_json, parallax, root, shared, text};

/// The summary `eval summaries --words WORDS --out` writes for the one cluster of a DUC layout.
fn eval_summary(layout: &Path, cluster: &str, words: usize) -> Vec<String> {
    let out = layout.join("out");
    let run = parallax(&[
        "eval",
        "summaries",
        layout.to_str().unwrap(),
        "--words",
        &words.to_string(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::read_to_string(out.join(format!("{cluster}.Parallax")))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The summary `parallax brief --words WORDS --format json` prints for the files, whitespace
/// collapsed as `eval` writes it.
fn brief_summary(files: &[PathBuf], words: usize) -> Vec<String> {
    let mut inputs = vec![PathBuf::from("--words"), PathBuf::from(words.to_string())];
    inputs.extend(files.iter().cloned());
    let brief = brief_json(&inputs);
    brief["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            text(&s["text"])
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// A DUC layout of one cluster, `c1`, holding `files` and one reference written for the test.
fn layout_of(files: &[PathBuf]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs/c1t");
    std::fs::create_dir_all(&docs).unwrap();
    for f in files {
        std::fs::copy(f, docs.join(f.file_name().unwrap())).unwrap();
    }
    let models = dir.path().join("models");
    std::fs::create_dir_all(&models).unwrap();
    std::fs::write(
        models.join("c1.m.100.t.A"),
        "A fire destroyed warehouses in the port.\nFirefighters fought it for hours.\n",
    )
    .unwrap();
    dir
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[track_caller]
fn check_same(files: &[PathBuf], words: usize) {
    let layout = layout_of(files);
    let docs = sorted_files(&layout.path().join("docs/c1t"));
    let briefed = brief_summary(&docs, words);
    assert!(!briefed.is_empty(), "the brief has a summary");
    let counted: usize = briefed.iter().map(|s| s.split_whitespace().count()).sum();
    assert!(counted <= words, "{counted} words: {briefed:#?}");
    assert_eq!(eval_summary(layout.path(), "c1", words), briefed);
}

#[test]
fn eval_summaries_scores_the_briefs_own_summary() {
    let files = sorted_files(&root().join("examples/harbour-fire/articles"));
    check_same(&files, 60);
    check_same(&files, 100);
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn eval_summaries_scores_the_briefs_own_summary_on_duc() {
    let files = sorted_files(&shared().join("eval/duc2004-dev/docs/d30001t"));
    check_same(&files, 100);
}
