//! ECB+ story clustering (two events of one kind per topic): quality floors on the real data in
//! `../shared/eval/clusters-ecbplus`. The fast test takes the first ten topics; the whole file is
//! behind `--ignored` (about a second in release builds, much longer in debug).

#![allow(clippy::unwrap_used)]

mod common;

use parallax_group::{group, GroupConfig, GroupDoc};

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/eval/clusters-ecbplus/documents.jsonl"
);

fn records() -> Vec<(String, String, String)> {
    let body = std::fs::read_to_string(DATA)
        .unwrap_or_else(|e| panic!("{DATA} is missing ({e}): this test needs ../shared"));
    body.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str().unwrap().to_string();
            (s("doc"), s("text"), s("subtopic"))
        })
        .collect()
}

fn f1(records: &[(String, String, String)]) -> f64 {
    let docs: Vec<GroupDoc> = records
        .iter()
        .map(|(id, text, _)| GroupDoc {
            id,
            title: None,
            text,
            published: None,
        })
        .collect();
    let g = group(&docs, &GroupConfig::default());
    let pred: Vec<usize> = g.placements.iter().map(|p| p.story).collect();
    let gold: Vec<&str> = records.iter().map(|r| r.2.as_str()).collect();
    common::bcubed_f1(&pred, &gold)
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn first_ten_topics_are_split_into_their_events() {
    let all = records();
    let topics: Vec<String> = (1..=10).map(|t| t.to_string()).collect();
    let some: Vec<_> = all
        .into_iter()
        .filter(|r| topics.iter().any(|t| r.2.trim_end_matches(['a', 'b']) == t))
        .collect();
    assert!(some.len() > 150);
    let f = f1(&some);
    assert!(f >= 0.9, "B-cubed F1 {f:.3} on topics 1-10");
}

#[test]
#[ignore = "whole ECB+ file; run with --release -- --ignored"]
fn whole_ecbplus_reaches_the_target() {
    let all = records();
    let f = f1(&all);
    assert!(f >= 0.95, "B-cubed F1 {f:.3}");
}
