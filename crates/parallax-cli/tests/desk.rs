//! The store through the command line: ingest is idempotent, and the stored stories are the same
//! partition `parallax cluster` gives on the same articles, on SQLite and on PostgreSQL (when
//! `PARALLAX_TEST_POSTGRES` names a server; under CI it must).

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

fn last_line(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn ingest_twice_adds_once_and_stores_the_cluster_partition() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    ingest_twice_and_compare_with_cluster(db.to_str().unwrap());
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn on_postgres_ingest_twice_adds_once_and_stores_the_cluster_partition() {
    let Some(schema) = common::PostgresSchema::fresh("desk") else {
        return;
    };
    ingest_twice_and_compare_with_cluster(&schema.url);
}

fn ingest_twice_and_compare_with_cluster(db: &str) {
    let shared = common::shared();
    let ecb = shared
        .join("eval/clusters-ecbplus/documents.jsonl")
        .canonicalize()
        .unwrap();
    let example = common::root()
        .join("examples/harbour-fire/articles")
        .canonicalize()
        .unwrap();
    let (ecb, example) = (ecb.display().to_string(), example.display().to_string());

    let first = last_line(&common::parallax(&["ingest", &ecb, "--db", db]));
    assert!(
        first.contains("982 added, 0 duplicates, 0 failed"),
        "{first}"
    );
    let second = last_line(&common::parallax(&["ingest", &example, "--db", db]));
    assert!(second.contains("4 added"), "{second}");
    let again = last_line(&common::parallax(&["ingest", &ecb, "--db", db]));
    assert!(
        again.contains("0 added, 982 duplicates, 0 failed, 0 stories touched"),
        "{again}"
    );

    // The stored stories, as sets of sources.
    let listing = common::parallax(&["stories", "--db", db, "--format", "jsonl"]);
    assert!(listing.status.success());
    let mut stored: BTreeSet<BTreeSet<String>> = BTreeSet::new();
    for line in String::from_utf8_lossy(&listing.stdout).lines() {
        let story: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = story["id"].to_string();
        let show = common::parallax(&["show", &id, "--db", db, "--format", "json"]);
        assert!(
            show.status.success(),
            "{}",
            String::from_utf8_lossy(&show.stderr)
        );
        let brief: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
        stored.insert(
            brief["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["source"].as_str().unwrap().to_string())
                .collect(),
        );
    }

    // What `parallax cluster` makes of the same articles.
    let clusters = common::parallax(&["cluster", &ecb, &example]);
    assert!(clusters.status.success());
    let mut by_story: BTreeMap<u64, BTreeSet<String>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&clusters.stdout).lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        by_story
            .entry(row["story"].as_u64().unwrap())
            .or_default()
            .insert(row["source"].as_str().unwrap().to_string());
    }
    let clustered: BTreeSet<BTreeSet<String>> = by_story.into_values().collect();
    assert_eq!(stored.len(), clustered.len());
    assert!(
        stored == clustered,
        "the store and `parallax cluster` partition the articles differently"
    );
}
