//! The store: articles, stories and briefs, kept in an embedded SQLite database or on a PostgreSQL
//! server.
//!
//! [`Store`] is the narrow interface the rest of Parallax uses; [`SqliteStore`] implements it on
//! one SQLite file (WAL mode, versioned migrations, an FTS5 index over titles and texts), and
//! [`PostgresStore`] on a PostgreSQL database (versioned migrations, a `tsvector` column under a GIN
//! index). [`open`] picks one from what names the database. [`regroup`] holds the work that sits on
//! top of any store: grouping articles into stories and keeping each story's brief up to date,
//! through the [`Pipeline`] the caller supplies.
//!
//! Invariants: an article is stored once (unique URL, unique content hash); every stored article
//! belongs to at most one story; a cached brief is served only for the story version it was made for.

mod continuity;
mod error;
mod fts;
pub mod pause;
mod postgres;
pub mod regroup;
mod schema;
mod sqlite;
mod types;

use parallax_core::{Article, Brief};

pub use self::postgres::{
    is_postgres_url, without_password, PostgresStore, POSTGRES_SCHEMA_VERSION, STORIES_CHANNEL,
};
pub use error::StoreError;
pub use fts::fts_query;
pub use regroup::{ingest, refresh_brief, settle, IngestReport, Pipeline, SettleReport};
pub use schema::SCHEMA_VERSION;
pub use sqlite::{content_hash, SqliteStore};
pub use types::{
    AddOutcome, BriefState, CachedBrief, Counts, Cursor, Hit, SearchQuery, Snippet, StoredArticle,
    StoryPage, StoryQuery, StorySummary,
};

/// Opens the store `db` names: a `postgres://` or `postgresql://` URL opens PostgreSQL, anything
/// else is the path of a SQLite file (created if missing).
pub fn open(db: impl AsRef<std::path::Path>) -> Result<Box<dyn Store + Send>, StoreError> {
    let db = db.as_ref();
    match db.to_str().filter(|s| is_postgres_url(s)) {
        Some(url) => Ok(Box::new(PostgresStore::open(url)?)),
        None => Ok(Box::new(SqliteStore::open(db)?)),
    }
}

/// What Parallax needs from a store of articles, stories and briefs.
pub trait Store {
    /// Adds a batch of articles in one transaction; those already stored (same URL or same
    /// content) are counted as duplicates. Either the whole batch is stored or none of it.
    fn add_articles(&mut self, batch: &[Article]) -> Result<AddOutcome, StoreError>;

    /// One article by its store id.
    fn article(&self, id: i64) -> Result<Option<StoredArticle>, StoreError>;

    /// Every stored article, oldest first.
    fn articles(&self) -> Result<Vec<StoredArticle>, StoreError>;

    /// The articles of one story, oldest first.
    fn story_articles(&self, story: i64) -> Result<Vec<StoredArticle>, StoreError>;

    /// Makes the stories exactly `groups` (each a list of article ids). A group keeps the id of
    /// the existing story it overlaps most; stories whose members change get a new version.
    /// Returns the ids of the new and changed stories.
    fn set_stories(&mut self, groups: &[Vec<i64>]) -> Result<Vec<i64>, StoreError>;

    /// One story by id.
    fn story(&self, id: i64) -> Result<Option<StorySummary>, StoreError>;

    /// A page of stories by latest publication, newest first, undated last.
    fn stories(&self, query: &StoryQuery) -> Result<StoryPage, StoreError>;

    /// The cached brief of a story, whatever version it was made for.
    fn brief(&self, story: i64) -> Result<Option<CachedBrief>, StoreError>;

    /// A story's current version, or `None` when it does not exist. Cheap: a caller holding a
    /// brief made for that version need not read it again.
    fn story_version(&self, story: i64) -> Result<Option<i64>, StoreError>;

    /// The cached brief of a story and whether it is current, in one lookup; `None` when the
    /// story does not exist.
    fn current_brief(&self, story: i64) -> Result<Option<BriefState>, StoreError>;

    /// Caches briefs, each `(story, version, brief)`, in one transaction. A brief made for a
    /// version the story no longer has is dropped. Returns how many were stored.
    fn put_briefs(&mut self, briefs: &[(i64, i64, &Brief)]) -> Result<usize, StoreError>;

    /// Stories whose cached brief is missing or made for an older version.
    fn stale_briefs(&self) -> Result<Vec<i64>, StoreError>;

    /// How many stored articles belong to no story (a run stopped between storing and grouping,
    /// or a concurrent regrouping took their story away): the next [`settle`] places them.
    fn unplaced(&self) -> Result<usize, StoreError>;

    /// Full-text search, best match first.
    fn search(&self, query: &SearchQuery) -> Result<Vec<Hit>, StoreError>;

    /// How many articles and stories the store holds.
    fn counts(&self) -> Result<Counts, StoreError>;
}
