//! A full disk: the database is capped (SQLite's `max_page_count`, what a full disk looks like to
//! SQLite: `SQLITE_FULL`) at every size from "no room for the first batch" to "room for all but the
//! last brief". Whatever write the cap stops, the store passes its integrity check, holds whole
//! batches only, and a rerun with room completes it into the stories of an uninterrupted ingest.
//! The cap needs no root, no tmpfs and no loop device, so this runs everywhere, CI included.

#![allow(clippy::unwrap_used)] // Tests may unwrap: a panic there is a failed assertion.

mod common;

use std::collections::BTreeSet;

use common::{article, partition, ByFirstWord, TempDir};
use parallax_core::Article;
use parallax_store::{ingest, SqliteStore, Store, StoreError};

const BATCH: usize = 6;

fn articles() -> Vec<Article> {
    (0..30)
        .map(|i| {
            let topic = ["Fire", "Quake", "Flood", "Storm"][i % 4];
            let id = format!("a{i:02}");
            // Long enough texts that each batch takes several pages.
            let text = format!("The {topic} report {id} says what the desk wrote. ").repeat(40);
            article(&id, "Desk", &format!("{topic} report {id}"), &text)
        })
        .collect()
}

fn is_full(error: &StoreError) -> bool {
    matches!(
        error,
        StoreError::Sql {
            error: rusqlite::Error::SqliteFailure(e, _),
            ..
        } if e.code == rusqlite::ErrorCode::DiskFull
    )
}

#[test]
fn a_full_disk_leaves_the_store_consistent_and_a_rerun_completes_it() {
    let dir = TempDir::new("full-disk");
    let articles = articles();
    let batches: Vec<&[Article]> = articles.chunks(BATCH).collect();

    let whole = dir.0.join("whole.db");
    let mut uninterrupted = SqliteStore::open(&whole).unwrap();
    for batch in &batches {
        ingest(&mut uninterrupted, &ByFirstWord, batch).unwrap();
    }
    let expected = partition(&uninterrupted);
    drop(uninterrupted);

    // Where the cap stopped each run, by the failing step's name; and the runs that finished.
    let mut stopped_in: BTreeSet<&'static str> = BTreeSet::new();
    let mut finished = 0;
    let step = 4096;
    let mut cap = step;
    while finished == 0 {
        assert!(
            cap < 64 << 20,
            "no cap up to {cap} bytes let the ingest finish"
        );
        let db = dir.0.join(format!("cap-{cap}.db"));
        let mut store = SqliteStore::open(&db).unwrap();
        store.limit_size(cap).unwrap();
        let mut failure = None;
        for batch in &batches {
            if let Err(e) = ingest(&mut store, &ByFirstWord, batch) {
                failure = Some(e);
                break;
            }
        }
        drop(store);
        match &failure {
            Some(e @ StoreError::Sql { what, .. }) => {
                assert!(is_full(e), "cap {cap}: not a full-disk error: {e}");
                stopped_in.insert(what);
            }
            Some(other) => panic!("cap {cap}: {other}"),
            None => finished += 1,
        }

        // Consistent: sound, whole batches only, every story's articles stored.
        let mut store = SqliteStore::open(&db).unwrap();
        assert_eq!(store.integrity_check().unwrap(), ["ok"], "cap {cap}");
        let stored: Vec<String> = store
            .articles()
            .unwrap()
            .into_iter()
            .map(|a| a.input_id)
            .collect();
        assert_eq!(stored.len() % BATCH, 0, "cap {cap}: a partial batch");
        let prefix: Vec<String> = articles[..stored.len()]
            .iter()
            .map(|a| a.id.clone())
            .collect();
        assert_eq!(stored, prefix, "cap {cap}: not the first batches");

        // With room again, the same ingest completes it.
        for batch in &batches {
            ingest(&mut store, &ByFirstWord, batch).unwrap();
        }
        assert_eq!(partition(&store), expected, "cap {cap}");
        assert_eq!(store.integrity_check().unwrap(), ["ok"], "cap {cap}");
        cap += step;
    }
    // The caps must have stopped storing, grouping and briefing each at least once.
    let stages = |words: &[&str]| {
        stopped_in
            .iter()
            .any(|w| words.iter().any(|x| w.contains(x)))
    };
    assert!(stages(&["article", "batch"]), "{stopped_in:?}");
    assert!(stages(&["story", "regroup", "assign"]), "{stopped_in:?}");
    assert!(stages(&["brief"]), "{stopped_in:?}");
}
