//! Incremental grouping on the fixtures: reports of one event join, copies are marked.

#![allow(clippy::unwrap_used)]

mod common;

use parallax_group::{GroupConfig, GroupDoc, StoryIndex};

#[test]
fn streamed_reports_of_one_event_share_a_story_and_copies_are_marked() {
    let mut index = StoryIndex::new(GroupConfig::default());
    let placed: Vec<_> = common::ARTICLES
        .iter()
        .map(|&(id, _, text)| {
            index.insert(&GroupDoc {
                id,
                title: None,
                text,
                published: None,
            })
        })
        .collect();
    let pred: Vec<u64> = placed.iter().map(|p| p.story).collect();
    let gold: Vec<&str> = common::ARTICLES.iter().map(|a| a.1).collect();
    let f = common::bcubed_f1(&pred, &gold);
    assert!(f >= 0.8, "B-cubed F1 {f:.3}: {pred:?}");
    let copy = common::ARTICLES
        .iter()
        .position(|a| a.0 == "fire-copy")
        .unwrap();
    assert_eq!(placed[copy].duplicate_of.as_deref(), Some("fire-1"));
    let trim = common::ARTICLES
        .iter()
        .position(|a| a.0 == "fire-trim")
        .unwrap();
    assert_eq!(placed[trim].duplicate_of.as_deref(), Some("fire-1"));
    // No event of one kind is merged with another.
    assert_ne!(pred[0], pred[5]);
}

#[test]
fn a_settled_stream_groups_as_the_batch_does() {
    let docs = common::docs();
    let batch = parallax_group::group(&docs, &GroupConfig::default());
    let mut index = StoryIndex::new(GroupConfig::default());
    for d in &docs {
        index.insert(d);
    }
    index.settle();
    let settled: std::collections::HashMap<&str, u64> = index.placements().collect();
    // Same partition: two articles share a story in one exactly when they do in the other.
    for (i, a) in docs.iter().enumerate() {
        for (j, b) in docs.iter().enumerate() {
            let together_batch = batch.placements[i].story == batch.placements[j].story;
            let together_stream = settled[a.id] == settled[b.id];
            assert_eq!(together_batch, together_stream, "{} and {}", a.id, b.id);
        }
    }
    // Settling again changes nothing, and story ids stay put.
    let before: Vec<(String, u64)> = index
        .placements()
        .map(|(i, s)| (i.to_string(), s))
        .collect();
    assert_eq!(index.settle(), 0);
    let after: Vec<(String, u64)> = index
        .placements()
        .map(|(i, s)| (i.to_string(), s))
        .collect();
    assert_eq!(before, after);
}
