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
