//! [`SqliteStore`]: the [`Store`](crate::Store) on one SQLite file.

mod articles;
mod search;
mod stories;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use parallax_core::{Article, Brief};
use rusqlite::Connection;

use crate::error::StoreError;
use crate::schema::migrate;
use crate::types::{
    AddOutcome, BriefState, CachedBrief, Counts, Hit, SearchQuery, StoredArticle, StoryPage,
    StoryQuery, StorySummary,
};
use crate::Store;

pub use articles::content_hash;

/// How long a connection waits for another's lock before it gives up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Puts the database in WAL mode. Two processes opening a new database at once contend for
/// the lock the switch needs, and SQLite reports it busy at once, without waiting on the busy
/// timeout: the switch is tried again until that timeout has passed.
fn set_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.pragma_update(None, "journal_mode", "wal") {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy && Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            done => return done,
        }
    }
}

/// A store in one SQLite file. Open one per thread: many readers and one writer may work on the
/// same file at once (WAL mode), and readers never see a half-written batch.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref().to_path_buf();
        let open = |error| StoreError::Open {
            path: path.clone(),
            error,
        };
        let mut conn = Connection::open(&path).map_err(open)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open)?;
        // WAL: readers go on while a writer works. NORMAL sync keeps every committed transaction
        // through a crash of the process (the OS holds the WAL), which is what ingest needs.
        set_wal(&conn).map_err(open)?;
        conn.pragma_update(None, "synchronous", "normal")
            .map_err(open)?;
        conn.pragma_update(None, "foreign_keys", "on")
            .map_err(open)?;
        migrate(&mut conn, &path)?;
        Ok(Self { conn, path })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Caps the database at about `bytes` for this connection (SQLite's `max_page_count`, never
    /// below the current size): a write past it fails as it would on a full disk. Returns the cap
    /// in bytes. For deployments that must leave room on their disk, and for full-disk tests.
    pub fn limit_size(&mut self, bytes: u64) -> Result<u64, StoreError> {
        let page: i64 = self
            .conn
            .pragma_query_value(None, "page_size", |r| r.get(0))
            .map_err(sql("read the page size"))?;
        let page = u64::try_from(page).unwrap_or(4096).max(1);
        let pages: i64 = self
            .conn
            .pragma_update_and_check(None, "max_page_count", bytes / page, |r| r.get(0))
            .map_err(sql("limit the database size"))?;
        Ok(u64::try_from(pages).unwrap_or(0).saturating_mul(page))
    }

    /// Runs `PRAGMA integrity_check` and returns its lines (`["ok"]` when sound).
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(sql("integrity check"))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(sql("integrity check"))?;
        rows.collect::<Result<_, _>>()
            .map_err(sql("integrity check"))
    }
}

fn sql(what: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |error| StoreError::Sql { what, error }
}

impl Store for SqliteStore {
    fn add_articles(&mut self, batch: &[Article]) -> Result<AddOutcome, StoreError> {
        articles::add(&mut self.conn, batch)
    }

    fn article(&self, id: i64) -> Result<Option<StoredArticle>, StoreError> {
        articles::one(&self.conn, id)
    }

    fn articles(&self) -> Result<Vec<StoredArticle>, StoreError> {
        articles::all(&self.conn, None)
    }

    fn story_articles(&self, story: i64) -> Result<Vec<StoredArticle>, StoreError> {
        articles::all(&self.conn, Some(story))
    }

    fn set_stories(&mut self, groups: &[Vec<i64>]) -> Result<Vec<i64>, StoreError> {
        stories::set(&mut self.conn, groups)
    }

    fn story(&self, id: i64) -> Result<Option<StorySummary>, StoreError> {
        stories::one(&self.conn, id)
    }

    fn stories(&self, query: &StoryQuery) -> Result<StoryPage, StoreError> {
        stories::page(&self.conn, query)
    }

    fn brief(&self, story: i64) -> Result<Option<CachedBrief>, StoreError> {
        stories::brief(&self.conn, story)
    }

    fn story_version(&self, story: i64) -> Result<Option<i64>, StoreError> {
        stories::version(&self.conn, story)
    }

    fn current_brief(&self, story: i64) -> Result<Option<BriefState>, StoreError> {
        stories::current_brief(&self.conn, story)
    }

    fn put_briefs(&mut self, briefs: &[(i64, i64, &Brief)]) -> Result<usize, StoreError> {
        stories::put_briefs(&mut self.conn, briefs)
    }

    fn stale_briefs(&self) -> Result<Vec<i64>, StoreError> {
        stories::stale(&self.conn)
    }

    fn unplaced(&self) -> Result<usize, StoreError> {
        stories::unplaced(&self.conn)
    }

    fn search(&self, query: &SearchQuery) -> Result<Vec<Hit>, StoreError> {
        search::search(&self.conn, query)
    }

    fn counts(&self) -> Result<Counts, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            self.conn
                .prepare_cached(&format!("SELECT count(*) FROM {table}"))
                .and_then(|mut stmt| stmt.query_row([], |r| r.get::<_, i64>(0)))
                .map(|n| n.max(0) as u64)
                .map_err(sql("count rows"))
        };
        Ok(Counts {
            articles: count("articles")?,
            stories: count("stories")?,
        })
    }
}
