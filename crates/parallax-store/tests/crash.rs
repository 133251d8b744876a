//! Crash safety: a writer killed with SIGKILL in the middle of a batch leaves a sound database
//! holding exactly the batches it committed, and a rerun adds the rest without duplicates.
#![allow(clippy::unwrap_used)] // Tests may unwrap: a panic there is a failed assertion.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use common::{article, TempDir};
use parallax_core::Article;
use parallax_store::{SqliteStore, Store};

const BATCHES: usize = 20;
const BATCH: usize = 300;
const CHILD_ENV: &str = "PARALLAX_STORE_CRASH_CHILD";
const TEST_NAME: &str = "a_killed_writer_leaves_only_committed_batches";

fn batch(n: usize) -> Vec<Article> {
    (0..BATCH)
        .map(|i| {
            let body = format!("Article {i} of batch {n}. ").repeat(40);
            article(
                &format!("{n}-{i}"),
                "Wire",
                &format!("Batch {n} item {i}"),
                &body,
            )
        })
        .collect()
}

/// Runs in the child process: writes batches and says after each commit how many are done.
fn write_batches(db: &str) {
    let mut store = SqliteStore::open(db).unwrap();
    let mut out = std::io::stdout();
    for n in 0..BATCHES {
        store.add_articles(&batch(n)).unwrap();
        writeln!(out, "committed {}", n + 1).unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn a_killed_writer_leaves_only_committed_batches() {
    if let Ok(db) = std::env::var(CHILD_ENV) {
        write_batches(&db);
        return;
    }
    let dir = TempDir::new("crash");
    let db = dir.db();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, &db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut committed = 0;
    for line in BufReader::new(stdout).lines() {
        if let Some(n) = line.unwrap().strip_prefix("committed ") {
            committed = n.trim().parse::<usize>().unwrap();
            if committed == 3 {
                break;
            }
        }
    }
    // The child is now inside batch 4 (or just past it): kill it without warning.
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        committed, 3,
        "the child finished too early or never started"
    );

    let mut store = SqliteStore::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), vec!["ok".to_string()]);
    let stored = store.articles().unwrap();
    assert!(
        stored.len() >= 3 * BATCH,
        "lost committed batches: {}",
        stored.len()
    );
    assert!(
        stored.len() < BATCHES * BATCH,
        "the child was not killed mid-run"
    );
    assert_eq!(
        stored.len() % BATCH,
        0,
        "a partial batch is visible: {}",
        stored.len()
    );
    let whole = stored.len() / BATCH;
    let mut ids: Vec<String> = stored.iter().map(|a| a.input_id.clone()).collect();
    ids.sort();
    let mut expected: Vec<String> = (0..whole)
        .flat_map(|n| (0..BATCH).map(move |i| format!("{n}-{i}")))
        .collect();
    expected.sort();
    assert_eq!(
        ids, expected,
        "the stored articles are not the first {whole} batches"
    );
    let fts: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"batch\"'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        fts as usize,
        stored.len(),
        "the full-text index disagrees with the table"
    );

    // Rerunning the whole ingest completes the rest, adding nothing twice.
    let (mut added, mut duplicates) = (0, 0);
    for n in 0..BATCHES {
        let outcome = store.add_articles(&batch(n)).unwrap();
        added += outcome.added.len();
        duplicates += outcome.duplicates;
    }
    assert_eq!(duplicates, whole * BATCH);
    assert_eq!(added, (BATCHES - whole) * BATCH);
    assert_eq!(store.counts().unwrap().articles as usize, BATCHES * BATCH);
}
