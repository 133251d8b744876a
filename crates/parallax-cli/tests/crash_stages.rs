//! `parallax ingest` killed (SIGKILL) at every stage of its writes, then run again, ends with the
//! stories an uninterrupted ingest makes: killed inside a batch's transaction, after a commit and
//! before grouping, after grouping and before its write, inside and after the stories' transaction,
//! inside the briefs' transaction. The process is stopped at each stage by
//! `PARALLAX_TEST_PAUSE_AT` (see `parallax_store::pause`), so every kill lands where it is meant
//! to, not where a timer happens to. And two ingests into one database at once both succeed, with
//! the stories of one ingest of both inputs.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use parallax_store::pause::{self, PAUSE_VARIABLE};

/// Articles taken from the ECB+ file: several stories, a few batches.
const ARTICLES: usize = 90;
const BATCH: usize = 30;

/// Stories as sets of input ids, after checking the database is sound, every article placed and
/// every brief made for its story's current version.
fn stories(db: &Path) -> BTreeSet<BTreeSet<String>> {
    let conn = common::sound_database(db);
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(
        count("SELECT count(*) FROM articles WHERE story_id IS NULL"),
        0,
        "articles without a story"
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM stories s LEFT JOIN briefs b ON b.story_id = s.id
             WHERE b.version IS NOT s.version"
        ),
        0,
        "stories without a current brief"
    );
    common::placed_stories(&conn)
}

fn ingest_args<'a>(input: &'a str, db: &'a str, batch: &'a str) -> [&'a str; 6] {
    ["ingest", input, "--db", db, "--batch", batch]
}

/// Runs the ingest until it pauses at `stage`, then kills it.
fn kill_at(stage: &str, args: &[&str]) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env(PAUSE_VARIABLE, stage)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let mut said = Vec::new();
    let mut paused = false;
    for line in stderr.lines() {
        let line = line.unwrap();
        if line.starts_with("parallax: paused at ") {
            paused = true;
            break;
        }
        said.push(line);
    }
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(
        paused,
        "the ingest never reached {stage} ({status}): {}",
        said.join("\n")
    );
}

/// The first `n` ECB+ articles, as JSON Lines lines.
fn ecb_lines(n: usize) -> Vec<String> {
    let ecb =
        std::fs::read_to_string(common::shared().join("eval/clusters-ecbplus/documents.jsonl"))
            .unwrap();
    ecb.lines().take(n).map(str::to_string).collect()
}

fn write_lines(path: &Path, lines: &[String]) {
    let mut file = std::fs::File::create(path).unwrap();
    for line in lines {
        writeln!(file, "{line}").unwrap();
    }
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn two_ingests_at_once_both_succeed_with_the_stories_of_one() {
    let lines = ecb_lines(ARTICLES);
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (
        dir.path().join("first.jsonl"),
        dir.path().join("second.jsonl"),
    );
    let half = lines.len() / 2;
    write_lines(&first, &lines[..half]);
    write_lines(&second, &lines[half..]);
    let (first, second) = (first.to_str().unwrap(), second.to_str().unwrap());

    let together = dir.path().join("together.db");
    let together = together.to_str().unwrap();
    let out = common::parallax(&["ingest", first, second, "--db", together]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let db = dir.path().join("concurrent.db");
    let db = db.to_str().unwrap();
    let children: Vec<_> = [first, second]
        .into_iter()
        .map(|input| {
            Command::new(env!("CARGO_BIN_EXE_parallax"))
                .args(["ingest", input, "--db", db, "--batch", "10"])
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(
        stories(Path::new(db)) == stories(Path::new(together)),
        "two ingests at once give other stories than one ingest of both inputs"
    );
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn a_kill_at_every_stage_then_a_rerun_gives_the_stories_of_an_uninterrupted_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let input = common::ecb_articles(dir.path(), ARTICLES);
    let input = input.to_str().unwrap();
    let batch = BATCH.to_string();

    let clean = dir.path().join("clean.db");
    let out = common::parallax(&ingest_args(input, clean.to_str().unwrap(), &batch));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = stories(&clean);
    assert!(expected.len() > 1, "the input should make several stories");

    let batches = ARTICLES.div_ceil(BATCH);
    let mut stages: Vec<String> = Vec::new();
    for &stage in pause::STAGES {
        stages.push(stage.to_string());
        if stage == pause::BATCH_WRITTEN || stage == pause::BATCH_COMMITTED {
            // In the middle of the batches, and after the last one.
            stages.push(format!("{stage}:2"));
            stages.push(format!("{stage}:{batches}"));
        }
    }
    for stage in &stages {
        let db = dir.path().join(format!("{}.db", stage.replace(':', "-")));
        let args = ingest_args(input, db.to_str().unwrap(), &batch);
        kill_at(stage, &args);
        let rerun = common::parallax(&args);
        assert!(
            rerun.status.success(),
            "rerun after a kill at {stage}: {}",
            String::from_utf8_lossy(&rerun.stderr)
        );
        assert!(
            stories(&db) == expected,
            "a kill at {stage} then a rerun gives other stories than an uninterrupted ingest"
        );
    }
}
