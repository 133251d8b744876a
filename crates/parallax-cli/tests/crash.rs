//! Crash safety of `parallax ingest`: killed with SIGKILL in the middle of a large batch, it leaves
//! a database that passes its integrity check and holds exactly the batches it committed; running
//! the same ingest again stores the rest, and nothing twice.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BATCH: usize = 25;

fn count(db: &std::path::Path) -> Option<usize> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .ok()?;
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
        .ok()
        .map(|n| n as usize)
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn a_killed_ingest_keeps_whole_batches_and_a_rerun_completes_it() {
    let shared = common::shared();
    // Two variants of every ECB+ article: an input large enough to be caught in the middle.
    let ecb =
        std::fs::read_to_string(shared.join("eval/clusters-ecbplus/documents.jsonl")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
    let mut total = 0;
    for copy in 0..2 {
        for line in ecb.lines() {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            v["doc"] = format!("{}#{copy}", v["doc"].as_str().unwrap()).into();
            // A word changed inside the body, so that each variant is new content.
            let text = v["text"].as_str().unwrap();
            let text = if text.contains(" the ") {
                text.replacen(" the ", &format!(" the {copy} "), 1)
            } else {
                format!("{text} {copy}")
            };
            v["text"] = text.into();
            writeln!(file, "{v}").unwrap();
            total += 1;
        }
    }
    file.flush().unwrap();
    drop(file);
    let db = dir.path().join("crash.db");
    let batch = BATCH.to_string();
    let args = [
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--batch",
        &batch,
    ];

    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut seen = 0;
    while start.elapsed() < Duration::from_secs(300) {
        seen = count(&db).unwrap_or(0);
        if seen >= 2 * BATCH {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(
        seen > 0 && seen < total,
        "the kill must land mid-ingest (saw {seen} of {total})"
    );

    let conn = rusqlite::Connection::open(&db).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let stored = count(&db).unwrap();
    assert_eq!(
        stored % BATCH,
        0,
        "{stored} articles is not a whole number of {BATCH}-article batches"
    );
    drop(conn);

    let rerun = common::parallax(&args);
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    let summary = String::from_utf8_lossy(&rerun.stderr)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    let added = count(&db).unwrap() - stored;
    let expected = format!("{added} added, {} duplicates, 0 failed", total - added);
    assert!(summary.contains(&expected), "{summary} (wanted {expected})");

    // The same input ingested without a crash stores the same articles.
    let clean = dir.path().join("clean.db");
    let clean_args = [
        "ingest",
        input.to_str().unwrap(),
        "--db",
        clean.to_str().unwrap(),
    ];
    assert!(common::parallax(&clean_args).status.success());
    assert_eq!(count(&db), count(&clean));
}
