//! A store that heals: a run stopped between storing and grouping is completed by the next run,
//! two writers at once both succeed, and a story id is never given twice; on SQLite and on
//! PostgreSQL (`sqlite::NAME`, `postgres::NAME`; see `tests/store.rs`).

#![allow(clippy::unwrap_used)] // Tests may unwrap: a panic there is a failed assertion.

#[macro_use]
mod common;

use common::{article, partition, Backend, ByFirstWord};
use parallax_core::Article;
use parallax_store::ingest;

on_both_backends!(
    a_rerun_after_a_kill_between_commit_and_grouping_gives_the_same_stories,
    two_writers_at_once_both_succeed,
    story_ids_are_never_given_twice,
);

fn batch(prefix: &str, n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let topic = ["Fire", "Quake", "Flood"][i % 3];
            let id = format!("{prefix}{i}");
            article(
                &id,
                "Desk",
                &format!("{topic} report {id}"),
                &format!("Text of {id}."),
            )
        })
        .collect()
}

fn a_rerun_after_a_kill_between_commit_and_grouping_gives_the_same_stories(backend: &Backend) {
    let articles = batch("a", 9);

    let whole = backend.fresh("heal-rerun-whole");
    let mut uninterrupted = whole.open();
    ingest(&mut *uninterrupted, &ByFirstWord, &articles).unwrap();

    // Killed after the commit, before grouping: the articles are stored, in no story.
    let cut = backend.fresh("heal-rerun-cut");
    cut.open().add_articles(&articles).unwrap();
    let mut rerun = cut.open();
    assert_eq!(rerun.unplaced().unwrap(), 9);
    let report = ingest(&mut *rerun, &ByFirstWord, &articles).unwrap();
    assert_eq!((report.added.len(), report.duplicates), (0, 9));
    assert_eq!(rerun.unplaced().unwrap(), 0);
    assert_eq!(partition(&*rerun), partition(&*uninterrupted));
}

fn two_writers_at_once_both_succeed(backend: &Backend) {
    let db = backend.fresh("heal-concurrent");
    db.open();
    let writers: Vec<_> = ["x", "y"]
        .into_iter()
        .map(|prefix| {
            let mut store = db.open();
            std::thread::spawn(move || {
                let articles = batch(prefix, 60);
                for chunk in articles.chunks(4) {
                    ingest(&mut *store, &ByFirstWord, chunk).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let store = db.open();
    let stories = partition(&*store);
    assert_eq!(store.counts().unwrap().articles, 120);
    assert_eq!(stories.len(), 3, "{stories:?}");
}

fn story_ids_are_never_given_twice(backend: &Backend) {
    let db = backend.fresh("heal-ids");
    let mut store = db.open();
    let ids = store
        .add_articles(&[
            article("1", "A", "Fire one", "one"),
            article("2", "B", "Quake two", "two"),
            article("3", "C", "Flood three", "three"),
        ])
        .unwrap()
        .added;
    let first = store
        .set_stories(&[vec![ids[0]], vec![ids[1]], vec![ids[2]]])
        .unwrap();
    // The newest story (the highest id) goes away, then a new one comes.
    store
        .set_stories(&[vec![ids[0], ids[2]], vec![ids[1]]])
        .unwrap();
    let newest = *first.iter().max().unwrap();
    assert!(store.story(newest).unwrap().is_none() || store.counts().unwrap().stories == 2);
    let again = store
        .set_stories(&[vec![ids[0]], vec![ids[1]], vec![ids[2]]])
        .unwrap();
    let created: Vec<i64> = again.into_iter().filter(|s| !first.contains(s)).collect();
    assert_eq!(created.len(), 1);
    assert!(
        created[0] > newest,
        "{created:?} reuses an id up to {newest}"
    );
}
