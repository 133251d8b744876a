//! Which stored story each group of a regrouping continues, whatever the backend: a story keeps
//! its id (and so its readers' links and its cached brief's key) through a regrouping that only
//! grows or trims it.

use std::collections::{BTreeSet, HashMap};

/// A regrouping planned against the stories stored before it.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Continuity {
    /// The new groups, empty ones left out.
    pub groups: Vec<BTreeSet<i64>>,
    /// For each group, the stored story it continues (`None`: a new story).
    pub ids: Vec<Option<i64>>,
    /// The stored stories some group continues; the others are left empty.
    pub kept: BTreeSet<i64>,
}

/// Each group keeps the id of the stored story it shares most members with, largest overlaps
/// first (ties by group order, then by story id), each stored id kept by one group at most.
pub(crate) fn plan<'a>(
    old: impl IntoIterator<Item = (&'a i64, &'a BTreeSet<i64>)>,
    groups: &[Vec<i64>],
) -> Continuity {
    let groups: Vec<BTreeSet<i64>> = groups
        .iter()
        .map(|g| g.iter().copied().collect())
        .filter(|g: &BTreeSet<i64>| !g.is_empty())
        .collect();
    let mut story_of: HashMap<i64, i64> = HashMap::new();
    for (story, members) in old {
        for a in members {
            story_of.insert(*a, *story);
        }
    }
    let mut overlaps: Vec<(usize, usize, i64)> = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        let mut counts: HashMap<i64, usize> = HashMap::new();
        for a in group {
            if let Some(s) = story_of.get(a) {
                *counts.entry(*s).or_default() += 1;
            }
        }
        overlaps.extend(counts.into_iter().map(|(s, n)| (n, g, s)));
    }
    overlaps.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut ids: Vec<Option<i64>> = vec![None; groups.len()];
    let mut kept: BTreeSet<i64> = BTreeSet::new();
    for (_, g, s) in overlaps {
        if let Some(slot) = ids.get_mut(g) {
            if slot.is_none() && !kept.contains(&s) {
                *slot = Some(s);
                kept.insert(s);
            }
        }
    }
    Continuity { groups, ids, kept }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[track_caller]
    fn check(old: &[(i64, &[i64])], groups: &[&[i64]], expected: &[Option<i64>]) {
        let old: BTreeMap<i64, BTreeSet<i64>> = old
            .iter()
            .map(|(s, m)| (*s, m.iter().copied().collect()))
            .collect();
        let groups: Vec<Vec<i64>> = groups.iter().map(|g| g.to_vec()).collect();
        assert_eq!(plan(&old, &groups).ids, expected);
    }

    #[test]
    fn a_group_continues_the_story_it_shares_most_with() {
        // Grown, trimmed, and a new one.
        check(
            &[(7, &[1, 2]), (9, &[3])],
            &[&[1, 2, 4], &[5], &[3]],
            &[Some(7), None, Some(9)],
        );
        // A split: the larger part keeps the id, the other is new.
        check(&[(7, &[1, 2, 3])], &[&[1], &[2, 3]], &[None, Some(7)]);
        // A merge: one id survives, the larger overlap's.
        check(&[(7, &[1]), (9, &[2, 3])], &[&[1, 2, 3]], &[Some(9)]);
        // Empty groups are left out.
        check(&[(7, &[1])], &[&[], &[1]], &[Some(7)]);
    }
}
