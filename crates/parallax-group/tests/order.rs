//! Property: batch grouping does not depend on the order of its input.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use parallax_group::{group, GroupConfig, GroupDoc, Grouping};
use proptest::prelude::*;

/// The grouping described by ids only: the set of stories and each copy's original.
fn by_id(
    docs: &[GroupDoc<'_>],
    g: &Grouping,
) -> (BTreeSet<BTreeSet<String>>, BTreeMap<String, String>) {
    let stories = g
        .stories
        .iter()
        .map(|s| s.members.iter().map(|&m| docs[m].id.to_string()).collect())
        .collect();
    let copies = g
        .placements
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            p.duplicate_of
                .map(|o| (docs[i].id.to_string(), docs[o].id.to_string()))
        })
        .collect();
    (stories, copies)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn input_order_does_not_change_the_grouping(order in Just((0..common::ARTICLES.len()).collect::<Vec<_>>()).prop_shuffle()) {
        let docs = common::docs();
        let shuffled: Vec<GroupDoc> = order.iter().map(|&i| docs[i]).collect();
        let config = GroupConfig::default();
        let expected = by_id(&docs, &group(&docs, &config));
        let got = by_id(&shuffled, &group(&shuffled, &config));
        prop_assert_eq!(got, expected);
        // Story numbering is also fixed: the same story gets the same index.
        let a = group(&docs, &config);
        let b = group(&shuffled, &config);
        for (k, &i) in order.iter().enumerate() {
            prop_assert_eq!(a.placements[i].story, b.placements[k].story);
        }
    }
}
