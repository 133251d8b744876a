//! Incremental grouping: articles arrive one at a time and join the nearest open story found
//! through an inverted index of story terms, or open a new one. Memory is bounded by a window
//! of recent articles (by date, and by count) after which documents and stories are forgotten.
//!
//! Placing one article at a time is greedy: an early article can open a story that later ones
//! would have shown to be part of another. [`StoryIndex::settle`] regroups the remembered window
//! with the batch algorithm and keeps each story's id where most of its articles stay, so a
//! stream that settles now and then ends with the partition [`crate::group`] would give.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::features::{self, DocFeatures};
use crate::text::Featurizer;
use crate::vector::{self, IdMap, SparseVec};
use crate::{GroupConfig, GroupDoc};

/// Heaviest terms of a story's centroid kept (the rest add little and cost memory).
const CENTROID_TERMS: usize = 300;
/// Terms of each new member under which its story is indexed.
const STORY_INDEX_TERMS: usize = 20;

/// Where a streamed article went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamPlacement {
    /// The story it joined or opened; ids are never reused.
    pub story: u64,
    /// The id of the remembered article it copies, if any.
    pub duplicate_of: Option<String>,
}

struct Remembered {
    seq: u64,
    id: String,
    day: Option<i64>,
    features: DocFeatures,
    keys: Vec<u64>,
    story: u64,
    original: Option<String>,
}

struct OpenStory {
    sum: SparseVec,
    size: usize,
    last_day: Option<i64>,
    last_seq: u64,
    indexed: HashSet<u64>,
}

/// Groups a stream of articles incrementally, remembering only a recent window.
pub struct StoryIndex {
    config: GroupConfig,
    featurizer: Featurizer,
    df: IdMap<u32>,
    docs: VecDeque<Remembered>,
    next_seq: u64,
    next_story: u64,
    stories: HashMap<u64, OpenStory>,
    postings: IdMap<Vec<u64>>,
    bands: IdMap<Vec<u64>>,
    latest_day: Option<i64>,
}

impl StoryIndex {
    /// An empty index. The config should have passed [`GroupConfig::validate`].
    pub fn new(config: GroupConfig) -> Self {
        Self {
            config,
            featurizer: Featurizer,
            df: IdMap::default(),
            docs: VecDeque::new(),
            next_seq: 0,
            next_story: 0,
            stories: HashMap::new(),
            postings: IdMap::default(),
            bands: IdMap::default(),
            latest_day: None,
        }
    }

    /// Articles currently remembered.
    pub fn remembered(&self) -> usize {
        self.docs.len()
    }

    /// Stories currently open.
    pub fn open_stories(&self) -> usize {
        self.stories.len()
    }

    /// Adds one article and says which story it joined.
    pub fn insert(&mut self, doc: &GroupDoc<'_>) -> StreamPlacement {
        let f = features::extract(doc, &self.config, &self.featurizer);
        if let Some(day) = f.day {
            self.latest_day = Some(self.latest_day.map_or(day, |l| l.max(day)));
        }
        for &(t, _) in f.terms.iter().chain(&f.names) {
            *self.df.entry(t).or_insert(0) += 1;
        }
        let keys: Vec<u64> = f
            .signature
            .as_ref()
            .map(|s| s.band_keys(self.config.lsh_rows).map(|(_, k)| k).collect())
            .unwrap_or_default();
        let v = self.embed(&f, self.docs.len() + 1);

        let original = self.find_original(&f, &keys);
        let (story, duplicate_of) = match original {
            Some((story, id)) => (story, Some(id)),
            None => (
                self.nearest_story(&v, f.day)
                    .unwrap_or_else(|| self.open_story()),
                None,
            ),
        };
        self.add_to_story(story, &v, f.day);
        let seq = self.next_seq;
        self.next_seq += 1;
        for &k in &keys {
            self.bands.entry(k).or_default().push(seq);
        }
        self.docs.push_back(Remembered {
            seq,
            id: doc.id.to_string(),
            day: f.day,
            features: f,
            keys,
            story,
            original: duplicate_of.clone(),
        });
        self.expire();
        StreamPlacement {
            story,
            duplicate_of,
        }
    }

    /// The article's vector under the window's current document frequencies.
    fn embed(&self, f: &DocFeatures, n: usize) -> SparseVec {
        let df = &self.df;
        features::embed(
            f,
            |id| vector::collection_idf(n, df.get(&id).copied().unwrap_or(0)),
            self.config.name_weight,
        )
    }

    /// Each remembered article's id and story, oldest first.
    pub fn placements(&self) -> impl Iterator<Item = (&str, u64)> + '_ {
        self.docs.iter().map(|r| (r.id.as_str(), r.story))
    }

    /// Regroups the remembered window with the batch algorithm ([`crate::group`]'s clustering)
    /// and rebuilds the open stories from the result. A new group keeps the id of the old story
    /// most of its articles were in (each id goes to one group, the largest overlap first);
    /// other groups get new ids. Copies stay with their original. Returns how many remembered
    /// articles changed story. Costs one batch grouping of the window.
    pub fn settle(&mut self) -> usize {
        let feats: Vec<DocFeatures> = self.docs.iter().map(|r| r.features.clone()).collect();
        let days: Vec<Option<i64>> = self.docs.iter().map(|r| r.day).collect();
        let labels = crate::batch::cluster(&feats, &days, &self.config);
        drop(feats);
        let position: HashMap<&str, usize> = self
            .docs
            .iter()
            .enumerate()
            .map(|(k, r)| (r.id.as_str(), k))
            .collect();
        // A copy follows its original when the original is still remembered.
        let labels: Vec<usize> = self
            .docs
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let own = labels.get(k).copied().unwrap_or(k);
                r.original
                    .as_deref()
                    .and_then(|o| position.get(o))
                    .and_then(|&p| labels.get(p).copied())
                    .unwrap_or(own)
            })
            .collect();
        drop(position);
        let mut overlap: HashMap<(usize, u64), usize> = HashMap::new();
        for (r, &l) in self.docs.iter().zip(&labels) {
            *overlap.entry((l, r.story)).or_insert(0) += 1;
        }
        let mut pairs: Vec<((usize, u64), usize)> = overlap.into_iter().collect();
        pairs.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut new_id: HashMap<usize, u64> = HashMap::new();
        let mut taken: HashSet<u64> = HashSet::new();
        for ((label, story), _) in pairs {
            if !new_id.contains_key(&label) && taken.insert(story) {
                new_id.insert(label, story);
            }
        }
        let mut moved = 0;
        let mut stories: Vec<u64> = Vec::with_capacity(labels.len());
        for &label in &labels {
            let id = match new_id.get(&label) {
                Some(&id) => id,
                None => {
                    let id = self.next_story;
                    self.next_story += 1;
                    new_id.insert(label, id);
                    id
                }
            };
            stories.push(id);
        }
        for (r, &story) in self.docs.iter_mut().zip(&stories) {
            if r.story != story {
                moved += 1;
                r.story = story;
            }
        }
        self.rebuild_stories();
        moved
    }

    /// Rebuilds every open story (centroid, size, dates, index) from the remembered articles.
    fn rebuild_stories(&mut self) {
        self.stories.clear();
        self.postings.clear();
        let n = self.docs.len();
        let placed: Vec<(u64, SparseVec, Option<i64>, u64)> = self
            .docs
            .iter()
            .map(|r| (r.story, self.embed(&r.features, n), r.day, r.seq))
            .collect();
        for (story, v, day, seq) in placed {
            self.stories.entry(story).or_insert_with(|| OpenStory {
                sum: Vec::new(),
                size: 0,
                last_day: None,
                last_seq: 0,
                indexed: HashSet::new(),
            });
            self.add_member(story, &v, day, seq);
        }
    }

    fn remembered_by_seq(&self, seq: u64) -> Option<&Remembered> {
        let front = self.docs.front()?.seq;
        self.docs.get(seq.checked_sub(front)? as usize)
    }

    /// The story and original id of a remembered article this one copies.
    fn find_original(&self, f: &DocFeatures, keys: &[u64]) -> Option<(u64, String)> {
        let sig = f.signature.as_ref()?;
        let mut seen: Vec<u64> = keys
            .iter()
            .filter_map(|k| self.bands.get(k))
            .flatten()
            .copied()
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for seq in seen {
            let Some(r) = self.remembered_by_seq(seq) else {
                continue;
            };
            let Some(other) = r.features.signature.as_ref() else {
                continue;
            };
            let copy = sig.jaccard(other) >= self.config.duplicate_jaccard
                || sig.containment(other) >= self.config.duplicate_containment;
            let near = match (f.day, r.day) {
                (Some(x), Some(y)) => x.abs_diff(y) <= self.config.duplicate_days.unsigned_abs(),
                _ => true,
            };
            if copy && near && self.stories.contains_key(&r.story) {
                let id = r.original.clone().unwrap_or_else(|| r.id.clone());
                return Some((r.story, id));
            }
        }
        None
    }

    /// The open story whose centroid is closest, if close enough.
    fn nearest_story(&self, v: &SparseVec, day: Option<i64>) -> Option<u64> {
        let mut candidates: Vec<u64> = vector::top(v, self.config.index_terms)
            .iter()
            .filter_map(|(t, _)| self.postings.get(t))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(f64, u64)> = None;
        for id in candidates {
            let Some(s) = self.stories.get(&id) else {
                continue;
            };
            let len = vector::norm(&s.sum);
            if len <= 0.0 {
                continue;
            }
            let mut score = vector::dot(v, &s.sum) / len;
            if let (Some(d), Some(last)) = (day, s.last_day) {
                score *= self.config.time_factor((d - last) as f64);
            }
            if score >= self.config.stream_threshold && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, id));
            }
        }
        best.map(|(_, id)| id)
    }

    fn open_story(&mut self) -> u64 {
        let id = self.next_story;
        self.next_story += 1;
        self.stories.insert(
            id,
            OpenStory {
                sum: Vec::new(),
                size: 0,
                last_day: None,
                last_seq: 0,
                indexed: HashSet::new(),
            },
        );
        id
    }

    fn add_to_story(&mut self, story: u64, v: &SparseVec, day: Option<i64>) {
        self.add_member(story, v, day, self.next_seq);
    }

    fn add_member(&mut self, story: u64, v: &SparseVec, day: Option<i64>, seq: u64) {
        let Some(s) = self.stories.get_mut(&story) else {
            return;
        };
        s.sum = vector::top(&vector::add(&s.sum, v), CENTROID_TERMS);
        s.size += 1;
        s.last_seq = s.last_seq.max(seq);
        if let Some(d) = day {
            s.last_day = Some(s.last_day.map_or(d, |l| l.max(d)));
        }
        for (t, _) in vector::top(v, STORY_INDEX_TERMS) {
            if s.indexed.insert(t) {
                self.postings.entry(t).or_default().push(story);
            }
        }
    }

    /// Forgets articles beyond the window, and the stories none of whose articles remain.
    fn expire(&mut self) {
        while let Some(front) = self.docs.front() {
            let too_many = self.docs.len() > self.config.window_articles;
            let too_old = matches!((front.day, self.latest_day), (Some(d), Some(l)) if l - d > self.config.window_days);
            if !too_many && !too_old {
                break;
            }
            let Some(old) = self.docs.pop_front() else {
                break;
            };
            for (t, _) in old.features.terms.iter().chain(&old.features.names) {
                if let Some(c) = self.df.get_mut(t) {
                    *c -= 1;
                    if *c == 0 {
                        self.df.remove(t);
                    }
                }
            }
            for k in &old.keys {
                if let Some(list) = self.bands.get_mut(k) {
                    list.retain(|&s| s != old.seq);
                    if list.is_empty() {
                        self.bands.remove(k);
                    }
                }
            }
            let closed = self
                .stories
                .get(&old.story)
                .is_some_and(|s| s.last_seq <= old.seq);
            if closed {
                self.close_story(old.story);
            }
        }
    }

    fn close_story(&mut self, story: u64) {
        let Some(s) = self.stories.remove(&story) else {
            return;
        };
        for t in s.indexed {
            if let Some(list) = self.postings.get_mut(&t) {
                list.retain(|&x| x != story);
                if list.is_empty() {
                    self.postings.remove(&t);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn doc<'a>(id: &'a str, text: &'a str, day: u32) -> GroupDoc<'a> {
        GroupDoc {
            id,
            title: None,
            text,
            published: NaiveDate::from_ymd_opt(2024, 3, day),
        }
    }

    const FIRE: &str = "A fire destroyed a warehouse in the Bergen harbour on Monday, and firefighters from Bergen fought the blaze for six hours before the warehouse roof collapsed.";
    const FIRE2: &str = "Firefighters in Bergen battled a harbour warehouse blaze for six hours; the roof of the warehouse collapsed, officials in Bergen said.";
    const VOTE: &str = "Parliament in Lisbon passed the budget vote after the Socialists and the Liberals agreed on a pension reform that the finance minister had proposed.";

    #[test]
    fn old_stories_are_forgotten() {
        let mut index = StoryIndex::new(GroupConfig {
            window_days: 3,
            ..GroupConfig::default()
        });
        let a = index.insert(&doc("a", FIRE, 1));
        let b = index.insert(&doc("b", VOTE, 20));
        assert_eq!(index.remembered(), 1);
        assert_eq!(index.open_stories(), 1);
        let c = index.insert(&doc("c", FIRE2, 21));
        assert_ne!(a.story, c.story);
        assert_ne!(b.story, c.story);
    }

    #[test]
    fn memory_is_bounded_by_the_article_window() {
        let mut index = StoryIndex::new(GroupConfig {
            window_articles: 5,
            ..GroupConfig::default()
        });
        for i in 0..50 {
            let id = format!("d{i}");
            let text = format!("{FIRE} Update number {i} from reporter Number{i}.");
            index.insert(&GroupDoc {
                id: &id,
                title: None,
                text: &text,
                published: None,
            });
        }
        assert_eq!(index.remembered(), 5);
        assert!(index.open_stories() <= 5);
    }
}
