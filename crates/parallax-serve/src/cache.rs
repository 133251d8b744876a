//! Briefs kept in memory, ready to send, keyed by story and version.
//!
//! A story page is the most requested answer and its brief can be hundreds of kilobytes; keeping
//! the encoded bytes saves reading them from SQLite on every request, and keeping them gzipped
//! too saves compressing them again for every browser. A stale entry is never served: the caller
//! looks up the story's current version first (a cheap indexed read).

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use std::io::Write;

use axum::body::Bytes;
use flate2::write::GzEncoder;
use flate2::Compression;

/// A brief ready to send: its JSON, and the same gzipped.
#[derive(Debug, Clone)]
pub struct Encoded {
    /// The JSON.
    pub plain: Bytes,
    /// The JSON, gzipped.
    pub gzip: Bytes,
}

impl Encoded {
    /// Gzips `plain` (CPU work: call it off the async threads).
    pub fn new(plain: Bytes) -> Self {
        let mut encoder =
            GzEncoder::new(Vec::with_capacity(plain.len() / 4), Compression::default());
        // Writing to a Vec cannot fail; should it, the plain bytes are sent instead.
        let gzip = match encoder.write_all(&plain).and_then(|()| encoder.finish()) {
            Ok(bytes) => Bytes::from(bytes),
            Err(_) => Bytes::new(),
        };
        Self { plain, gzip }
    }

    fn len(&self) -> usize {
        self.plain.len() + self.gzip.len()
    }
}

/// Story id -> (version, encoded brief), the bytes held in all, and how many invalidations have
/// been applied (see [`BriefCache::put_unless_invalidated`]).
type Entries = (HashMap<i64, (i64, Encoded)>, usize, u64);

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
            entries: Mutex::new((HashMap::new(), 0, 0)),
            budget,
        }
    }

    /// The entries; a panic elsewhere while they were held leaves them usable (the size is only
    /// a budget).
    fn entries(&self) -> MutexGuard<'_, Entries> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The brief of `story` if it was made for `version`.
    pub fn get(&self, story: i64, version: i64) -> Option<Encoded> {
        let entries = self.entries();
        entries
            .0
            .get(&story)
            .filter(|(v, _)| *v == version)
            .map(|(_, b)| b.clone())
    }

    /// The version of the brief held for `story`, if any: on PostgreSQL, where notifications
    /// drop changed stories' briefs, the one that may be served without asking the store.
    pub fn version_of(&self, story: i64) -> Option<i64> {
        self.entries().0.get(&story).map(|(v, _)| *v)
    }

    /// How many invalidations have been applied so far: read it before reading the store, hand
    /// it to [`Self::put_unless_invalidated`] after.
    pub fn epoch(&self) -> u64 {
        self.entries().2
    }

    /// Drops the briefs of `stories` (all of them when `None`).
    pub fn invalidate(&self, stories: Option<&[i64]>) {
        let mut entries = self.entries();
        let (map, size, epoch) = &mut *entries;
        *epoch += 1;
        match stories {
            None => {
                map.clear();
                *size = 0;
            }
            Some(ids) => {
                for id in ids {
                    if let Some((_, old)) = map.remove(id) {
                        *size -= old.len();
                    }
                }
            }
        }
    }

    /// [`Self::put`], unless an invalidation came after `epoch`: the brief may have been read
    /// before a change that the invalidation announced, and must not outlive it.
    pub fn put_unless_invalidated(&self, epoch: u64, story: i64, version: i64, body: Encoded) {
        if body.len() > self.budget {
            return;
        }
        let mut entries = self.entries();
        if entries.2 == epoch {
            Self::insert(&mut entries, self.budget, story, version, body);
        }
    }

    /// Keeps the brief of `story` at `version`. When over budget, everything is dropped: briefs
    /// are cheap to read again, and the busy ones come straight back.
    pub fn put(&self, story: i64, version: i64, body: Encoded) {
        if body.len() > self.budget {
            return;
        }
        let mut entries = self.entries();
        Self::insert(&mut entries, self.budget, story, version, body);
    }

    fn insert(entries: &mut Entries, budget: usize, story: i64, version: i64, body: Encoded) {
        let (map, size, _) = entries;
        if *size + body.len() > budget {
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

    /// An entry of `text` with no gzip copy, so that sizes are the text's.
    fn entry(text: &'static [u8]) -> Encoded {
        Encoded {
            plain: Bytes::from_static(text),
            gzip: Bytes::new(),
        }
    }

    fn plain(cache: &BriefCache, story: i64, version: i64) -> Option<Bytes> {
        cache.get(story, version).map(|e| e.plain)
    }

    #[test]
    fn serves_only_the_version_it_holds_and_stays_in_budget() {
        let cache = BriefCache::new(10);
        cache.put(1, 1, entry(b"abcd"));
        assert_eq!(plain(&cache, 1, 1).as_deref(), Some(&b"abcd"[..]));
        assert_eq!(plain(&cache, 1, 2), None);
        cache.put(1, 2, entry(b"efgh"));
        assert_eq!(plain(&cache, 1, 1), None);
        cache.put(2, 1, entry(b"ijkl"));
        assert!(plain(&cache, 1, 2).is_some() && plain(&cache, 2, 1).is_some());
        cache.put(3, 1, entry(b"mnop"));
        assert_eq!(
            (plain(&cache, 1, 2), plain(&cache, 3, 1).is_some()),
            (None, true)
        );
        cache.put(4, 1, entry(b"far too long"));
        assert_eq!(plain(&cache, 4, 1), None);
    }

    #[test]
    fn an_invalidation_drops_briefs_and_refuses_those_read_before_it() {
        let cache = BriefCache::new(100);
        cache.put(1, 1, entry(b"abcd"));
        cache.put(2, 1, entry(b"efgh"));
        let before = cache.epoch();
        cache.invalidate(Some(&[1]));
        assert_eq!((cache.version_of(1), cache.version_of(2)), (None, Some(1)));
        cache.put_unless_invalidated(before, 1, 1, entry(b"abcd"));
        assert_eq!(cache.version_of(1), None, "read before the change");
        cache.put_unless_invalidated(cache.epoch(), 1, 2, entry(b"ijkl"));
        assert_eq!(cache.version_of(1), Some(2));
        cache.invalidate(None);
        assert_eq!((cache.version_of(1), cache.version_of(2)), (None, None));
        cache.put(3, 1, entry(&[b'x'; 100]));
        assert_eq!(
            cache.version_of(3),
            Some(1),
            "the byte count went back to zero"
        );
    }

    #[test]
    fn the_gzip_copy_unpacks_to_the_json() {
        use std::io::Read;
        let json = Bytes::from("{\"title\": \"fire\"}".repeat(50));
        let encoded = Encoded::new(json.clone());
        assert!(encoded.gzip.len() < json.len() / 4);
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&encoded.gzip[..])
            .read_to_end(&mut back)
            .unwrap_or_default();
        assert_eq!(back, json);
    }
}
