//! Behaviour of batch grouping on small fixtures: events apart, copies marked, bad input kept.

#![allow(clippy::unwrap_used)]

mod common;

use chrono::NaiveDate;
use parallax_group::{copies, group, GroupConfig, GroupDoc};

use common::docs;

fn story_of(grouping: &parallax_group::Grouping, docs: &[GroupDoc<'_>], id: &str) -> usize {
    let i = docs.iter().position(|d| d.id == id).unwrap();
    grouping.placements[i].story
}

#[test]
fn events_of_one_kind_stay_apart_and_reports_of_one_event_join() {
    let docs = docs();
    let g = group(&docs, &GroupConfig::default());
    let pred: Vec<usize> = g.placements.iter().map(|p| p.story).collect();
    let gold: Vec<&str> = common::ARTICLES.iter().map(|a| a.1).collect();
    assert_eq!(common::bcubed_f1(&pred, &gold), 1.0, "{:?}", g.stories);
    assert_eq!(g.stories.len(), 3);
    assert_ne!(
        story_of(&g, &docs, "fire-1"),
        story_of(&g, &docs, "blaze-1")
    );
}

#[test]
fn wire_copies_and_trimmed_reprints_point_at_the_original() {
    let docs = docs();
    let g = group(&docs, &GroupConfig::default());
    let id_of = |i: usize| docs[i].id;
    let dup = |id: &str| {
        let i = docs.iter().position(|d| d.id == id).unwrap();
        g.placements[i].duplicate_of.map(id_of)
    };
    // The longest, then first by id, is the original.
    assert_eq!(dup("fire-1"), None);
    assert_eq!(dup("fire-copy"), Some("fire-1"));
    assert_eq!(dup("fire-trim"), Some("fire-1"));
    assert_eq!(dup("fire-2"), None);
    assert_eq!(dup("vote-2"), None);
}

#[test]
fn copies_alone_are_the_copies_grouping_marks() {
    let mut docs = docs();
    // Reversed, so that canonical order (not input order) decides the original.
    docs.reverse();
    let g = group(&docs, &GroupConfig::default());
    let marked: Vec<Option<usize>> = g.placements.iter().map(|p| p.duplicate_of).collect();
    assert!(
        marked.iter().filter(|d| d.is_some()).count() >= 2,
        "{marked:?}"
    );
    assert_eq!(copies(&docs, &GroupConfig::default()), marked);
}

#[test]
fn the_earliest_dated_copy_is_the_original() {
    let text = common::ARTICLES[0].2;
    let day = |d| NaiveDate::from_ymd_opt(2024, 5, d);
    let docs = [
        GroupDoc {
            id: "a",
            title: None,
            text,
            published: day(3),
        },
        GroupDoc {
            id: "b",
            title: None,
            text,
            published: day(2),
        },
    ];
    let g = group(&docs, &GroupConfig::default());
    assert_eq!(g.placements[0].duplicate_of, Some(1));
    assert_eq!(g.placements[1].duplicate_of, None);
    assert_eq!(g.stories[0].members, vec![1, 0], "oldest first");
}

#[test]
fn empty_and_odd_inputs_never_panic_and_are_reported() {
    let docs = [
        GroupDoc {
            id: "empty",
            title: None,
            text: "",
            published: None,
        },
        GroupDoc {
            id: "punct",
            title: Some("!!!"),
            text: "... --- ???",
            published: None,
        },
        GroupDoc {
            id: "one",
            title: None,
            text: "Word",
            published: None,
        },
        GroupDoc {
            id: "empty",
            title: None,
            text: "",
            published: None,
        },
    ];
    let g = group(&docs, &GroupConfig::default());
    assert_eq!(g.placements.len(), 4);
    assert!(
        g.diagnostics.iter().any(|d| d.source == "empty"),
        "{:?}",
        g.diagnostics
    );
    let total: usize = g.stories.iter().map(|s| s.members.len()).sum();
    assert_eq!(total, 4);
    assert!(group(&[], &GroupConfig::default()).stories.is_empty());
}

#[test]
fn articles_far_apart_in_time_are_separate_stories() {
    let text = common::ARTICLES[1].2;
    let other = common::ARTICLES[2].2;
    let docs = [
        GroupDoc {
            id: "a",
            title: None,
            text,
            published: NaiveDate::from_ymd_opt(2020, 1, 1),
        },
        GroupDoc {
            id: "b",
            title: None,
            text: other,
            published: NaiveDate::from_ymd_opt(2024, 1, 1),
        },
    ];
    let g = group(&docs, &GroupConfig::default());
    assert_ne!(g.placements[0].story, g.placements[1].story);
}
