//! Whether a few articles are about what a larger story is about: their key names and numbers
//! (those an article gives twice or more, the headline's counting twice: whom and where it
//! reports on) must be found in the story. A developing story keeps its people and place from
//! report to report while its words drift; a happening of the same kind elsewhere shares the
//! words and some side names (the country, the agency), but its own people and place are in
//! none of the other story's reports.

use crate::vector::{self, IdMap, SparseVec};

/// Occurrences in an article that make a name or number key to it.
const KEY_COUNT: f32 = 2.0;

/// The names of an article or a group of articles: how many of its articles give each name or
/// number, and how many give each as a key one; both sorted by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Names {
    all: SparseVec,
    key: SparseVec,
}

impl Names {
    /// An article's names, from its name and number counts.
    pub(crate) fn of(counts: &SparseVec) -> Self {
        let once = |&(id, _): &(u64, f32)| (id, 1.0);
        Self {
            all: counts.iter().map(once).collect(),
            key: counts
                .iter()
                .filter(|&&(_, c)| c >= KEY_COUNT)
                .map(once)
                .collect(),
        }
    }

    /// The names of a group: its articles' together.
    pub(crate) fn sum<'a>(articles: impl IntoIterator<Item = &'a Names>) -> Self {
        let (mut all, mut key) = (IdMap::default(), IdMap::default());
        for names in articles {
            for (part, sum) in [(&names.all, &mut all), (&names.key, &mut key)] {
                for &(id, count) in part {
                    *sum.entry(id).or_insert(0.0) += count;
                }
            }
        }
        Self {
            all: vector::sorted(all),
            key: vector::sorted(key),
        }
    }

    /// Whether at least `share` of these key names are given by some article of `story`, each
    /// name counting as many times as these articles give it as a key one: the people and place
    /// most of a few reports repeat are what they are about, a name one of them repeats in
    /// passing (a wire service, the scale of a quake) is not. With no key name there is nothing
    /// to test, and it passes.
    pub(crate) fn found_in(&self, story: &Names, share: f64) -> bool {
        let (mut found, mut total) = (0.0f64, 0.0f64);
        let mut j = 0;
        for &(id, articles) in &self.key {
            total += f64::from(articles);
            while story.all.get(j).is_some_and(|&(o, _)| o < id) {
                j += 1;
            }
            if story.all.get(j).is_some_and(|&(o, _)| o == id) {
                found += f64::from(articles);
            }
        }
        found >= share * total
    }

    /// Whether at least `share` of these key names, or of all these names when none is key, are
    /// given by some article of `other`; with no name at all, not. The test for two small
    /// stories of which neither is the larger: two reports of one kind that name nothing twice
    /// must still share a name to be one story.
    pub(crate) fn shared_with(&self, other: &Names, share: f64) -> bool {
        let own = if self.key.is_empty() {
            &self.all
        } else {
            &self.key
        };
        let found = own
            .iter()
            .filter(|&&(id, _)| other.all.binary_search_by_key(&id, |&(o, _)| o).is_ok())
            .count();
        found > 0 && found as f64 >= share * own.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of a group whose articles give the ids of `articles` (an id twice: a key one).
    fn group(articles: &[&[u64]]) -> Names {
        let each: Vec<Names> = articles
            .iter()
            .map(|ids| {
                let mut counts: IdMap<f32> = IdMap::default();
                for &id in *ids {
                    *counts.entry(id).or_insert(0.0) += 1.0;
                }
                Names::of(&vector::sorted(counts))
            })
            .collect();
        Names::sum(&each)
    }

    #[track_caller]
    fn check(story: &[&[u64]], joining: &[&[u64]], share: f64, expected: bool) {
        let got = group(joining).found_in(&group(story), share);
        assert_eq!(got, expected, "{story:?} <- {joining:?} at {share}");
    }

    #[track_caller]
    fn check_shared(first: &[&[u64]], second: &[&[u64]], share: f64, expected: bool) {
        let got = group(first).shared_with(&group(second), share);
        assert_eq!(got, expected, "{first:?} ~ {second:?} at {share}");
    }

    #[test]
    fn a_small_story_shares_its_key_names_or_else_its_names() {
        // Key names (given twice) are tested when there are some.
        check_shared(&[&[1, 1, 5]], &[&[1, 6]], 0.5, true);
        check_shared(&[&[3, 3, 5]], &[&[1, 5]], 0.5, false);
        // With none, all the names: one in two found is enough at 0.5.
        check_shared(&[&[1, 5]], &[&[1, 6]], 0.5, true);
        check_shared(&[&[3, 4]], &[&[1, 2]], 0.2, false);
        // No name at all: nothing ties the two.
        check_shared(&[&[]], &[&[1]], 0.2, false);
    }

    #[test]
    fn a_group_is_about_a_story_only_if_its_key_names_are_there() {
        // A story of a person (1) in a place (2); 5, 6 and 7 are side names.
        let story: &[&[u64]] = &[&[1, 1, 2, 5], &[1, 2, 2, 6], &[1, 7]];
        check(story, &[&[1, 1, 9]], 0.5, true);
        // Another happening of the kind: its own person (3) and place (4), a side name shared.
        check(story, &[&[3, 3, 4, 4, 5]], 0.2, false);
        // A key name of either article of a pair counts; half of them found is enough at 0.5.
        check(story, &[&[3, 3], &[2, 2]], 0.5, true);
        check(story, &[&[3, 3, 8, 8], &[2, 2]], 0.5, false);
        // A name given once is no key name: nothing to test.
        check(story, &[&[3, 4]], 1.0, true);
        // A name both articles of a pair repeat weighs twice one that one of them repeats: the
        // pair's own place (4) is not in the story, a side name (5) is, and that is a third.
        check(story, &[&[4, 4, 5, 5], &[4, 4]], 0.34, false);
        check(story, &[&[4, 4, 5, 5], &[4, 4]], 0.33, true);
    }
}
