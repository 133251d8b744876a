//! `parallax ingest` on a real full disk: a 1 MB tmpfs fills in the middle of the batches. The
//! ingest fails with a message, the database passes its integrity check and holds whole batches,
//! and once the disk has room a rerun gives the stories of an uninterrupted ingest.
//!
//! Mounting needs root, so this test is ignored by default (it says so in the test listing) and
//! runs with `cargo test -p parallax-cli --test crash_full_disk -- --ignored`, where it fails if it
//! cannot mount. `crates/parallax-store/tests/full_disk.rs` covers every stage of a full disk
//! without root (SQLite's `max_page_count`), and runs everywhere.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const BATCH: usize = 20;

/// A tmpfs mounted for the test, unmounted on drop.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: PathBuf, size: &str) -> Self {
        std::fs::create_dir_all(&dir).unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "cannot mount a tmpfs (this test needs root): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Self(dir)
    }

    fn resize(&self, size: &str) {
        let out = Command::new("mount")
            .args(["-o", &format!("remount,size={size}")])
            .arg(&self.0)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn stories(db: &Path) -> (usize, usize, BTreeSet<BTreeSet<String>>) {
    let conn = common::sound_database(db);
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as usize;
    let stored = count("SELECT count(*) FROM articles");
    let unplaced = count("SELECT count(*) FROM articles WHERE story_id IS NULL");
    (stored, unplaced, common::placed_stories(&conn))
}

#[test]
#[ignore = "mounts a tmpfs, which needs root: run with -- --ignored"]
fn a_full_disk_stops_the_ingest_cleanly_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = common::ecb_articles(dir.path(), 200);
    let input = input.to_str().unwrap();
    let batch = BATCH.to_string();

    let clean = dir.path().join("clean.db");
    let out = common::parallax(&[
        "ingest",
        input,
        "--db",
        clean.to_str().unwrap(),
        "--batch",
        &batch,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (total, _, expected) = stories(&clean);

    let disk = Tmpfs::mount(dir.path().join("disk"), "1m");
    let db = disk.0.join("full.db");
    let args = [
        "ingest",
        input,
        "--db",
        db.to_str().unwrap(),
        "--batch",
        &batch,
    ];
    let full = common::parallax(&args);
    let said = String::from_utf8_lossy(&full.stderr);
    assert!(
        !full.status.success(),
        "the disk should have filled: {said}"
    );
    assert!(said.contains("full"), "{said}");
    let (stored, _, _) = stories(&db);
    assert!(stored > 0 && stored < total, "{stored} of {total} stored");
    assert_eq!(stored % BATCH, 0, "{stored} articles is not whole batches");

    disk.resize("32m");
    let rerun = common::parallax(&args);
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    let (stored, unplaced, partition) = stories(&db);
    assert_eq!((stored, unplaced), (total, 0));
    assert!(
        partition == expected,
        "other stories than an uninterrupted ingest"
    );
}
