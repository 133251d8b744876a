//! Parallax's summaries on DUC 2004 (development half): ROUGE-1 and ROUGE-2 recall above every
//! published system in `shared/eval/duc2004-dev`. Ignored by default: it reads, cleans, analyses
//! and summarizes 250 articles, which takes a while in a debug build; run it with
//! `cargo test --release -p parallax-eval --test summaries_duc2004 -- --ignored`.

// A test that cannot read its data has failed: unwrapping is the assertion.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use parallax_eval::summaries::{brief_summary, evaluate, SummariesConfig, PARALLAX};

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/eval/duc2004-dev"
);

#[test]
#[ignore = "slow in debug builds: run with --release -- --ignored"]
fn parallax_beats_every_published_system() {
    let dir = Path::new(DATA);
    assert!(dir.is_dir(), "{DATA} is missing: this test needs ../shared");
    let report = evaluate(dir, &SummariesConfig::default(), &brief_summary, &|_, _| {}).unwrap();
    let ours = report.rows.iter().find(|r| r.system == PARALLAX).unwrap();
    for row in report.rows.iter().filter(|r| r.system != PARALLAX) {
        eprintln!(
            "{:<12} {:.4} {:.4}",
            row.system, row.rouge_1_recall, row.rouge_2_recall
        );
        assert!(
            ours.rouge_1_recall > row.rouge_1_recall,
            "ROUGE-1 {ours:?} vs {row:?}"
        );
        assert!(
            ours.rouge_2_recall > row.rouge_2_recall,
            "ROUGE-2 {ours:?} vs {row:?}"
        );
    }
    assert_eq!(report.summaries.len(), 25);
}
