//! Briefs kept in memory, ready to send, keyed by story and version.
//!
//! A story page is the most requested answer and its brief can be hundreds of kilobytes; keeping
//! the encoded bytes saves reading them from SQLite on every request. A stale entry is never
//! served: the caller looks up the story's current version first (a cheap indexed read).

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use axum::body::Bytes;

/// Story id -> (version, encoded brief), and the bytes held in all.
type Entries = (HashMap<i64, (i64, Bytes)>, usize);

/// Encoded briefs by story id, with the version each was made for.
#[derive(Debug)]
pub struct BriefCache {
    entries: Mutex<Entries>,
    budget: usize,
}

impl BriefCache {
    /// A cache holding at most about `budget` bytes.
    pub fn new(budget: usize) -> Self {
        Self {
            entries: Mutex::new((HashMap::new(), 0)),
            budget,
        }
    }

    /// The entries; a panic elsewhere while they were held leaves them usable (the size is only
    /// a budget).
    fn entries(&self) -> MutexGuard<'_, Entries> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The brief of `story` if it was made for `version`.
    pub fn get(&self, story: i64, version: i64) -> Option<Bytes> {
        let entries = self.entries();
        entries
            .0
            .get(&story)
            .filter(|(v, _)| *v == version)
            .map(|(_, b)| b.clone())
    }

    /// Keeps the brief of `story` at `version`. When over budget, everything is dropped: briefs
    /// are cheap to read again, and the busy ones come straight back.
    pub fn put(&self, story: i64, version: i64, body: Bytes) {
        if body.len() > self.budget {
            return;
        }
        let mut entries = self.entries();
        let (map, size) = &mut *entries;
        if *size + body.len() > self.budget {
            map.clear();
            *size = 0;
        }
        *size += body.len();
        if let Some((_, old)) = map.insert(story, (version, body)) {
            *size -= old.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_only_the_version_it_holds_and_stays_in_budget() {
        let cache = BriefCache::new(10);
        cache.put(1, 1, Bytes::from_static(b"abcd"));
        assert_eq!(cache.get(1, 1).as_deref(), Some(&b"abcd"[..]));
        assert_eq!(cache.get(1, 2), None);
        cache.put(1, 2, Bytes::from_static(b"efgh"));
        assert_eq!(cache.get(1, 1), None);
        cache.put(2, 1, Bytes::from_static(b"ijkl"));
        assert!(cache.get(1, 2).is_some() && cache.get(2, 1).is_some());
        cache.put(3, 1, Bytes::from_static(b"mnop"));
        assert_eq!((cache.get(1, 2), cache.get(3, 1).is_some()), (None, true));
        cache.put(4, 1, Bytes::from_static(b"far too long"));
        assert_eq!(cache.get(4, 1), None);
    }
}
