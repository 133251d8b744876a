//! [`PostgresStore`]: the [`Store`](crate::Store) on a PostgreSQL server.
//!
//! The same behaviour as the SQLite store, in PostgreSQL's own terms: every batch is one
//! transaction, duplicates fall to `ON CONFLICT DO NOTHING` on the unique URL and content hash,
//! regrouping and brief writes take one lock on `stories` so that they follow each other as SQLite's
//! write lock makes them, and search uses a `tsvector` column under a GIN index.

mod articles;
mod schema;
mod search;
mod stories;

use std::sync::{Mutex, MutexGuard, PoisonError};

use parallax_core::{Article, Brief};
use postgres::{Client, NoTls};

use crate::error::{Context, StoreError};
use crate::types::{
    AddOutcome, BriefState, CachedBrief, Counts, Hit, SearchQuery, StoredArticle, StoryPage,
    StoryQuery, StorySummary,
};
use crate::Store;

pub use schema::SCHEMA_VERSION as POSTGRES_SCHEMA_VERSION;

/// The channel a committed regrouping notifies (`NOTIFY`) with the ids of the stories it changed
/// or deleted, separated by spaces, or `*` for too many to name: serve replicas listen on it to
/// drop their cached briefs.
pub const STORIES_CHANNEL: &str = "parallax_stories";

/// A store on a PostgreSQL server. One connection per store: open one per thread, as with
/// [`SqliteStore`](crate::SqliteStore); readers never see a half-written batch.
///
/// The client is rust-postgres' synchronous one, which drives its own small runtime: open, call and
/// drop it on plain threads (or tokio's blocking pool), never on a thread that runs async tasks,
/// where tokio forbids blocking on another runtime and panics.
pub struct PostgresStore {
    // The trait reads through `&self`; the client needs `&mut` for every query.
    client: Mutex<Client>,
    url: String,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore")
            .field("url", &self.url)
            .finish()
    }
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user:password@host:port/database`, with any libpq-style
    /// parameter such as `?options=-csearch_path%3Dname`) and brings its schema up to date. The
    /// connection is not encrypted: use it on loopback or a private network.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        let shown = without_password(url);
        let mut client = Client::connect(url, NoTls).map_err(|error| StoreError::Connect {
            url: shown.clone(),
            error,
        })?;
        // A query of stop words only, or a part left empty, is a notice per row otherwise: each
        // one a message to this client.
        client
            .batch_execute("SET client_min_messages = warning")
            .map_err(|error| StoreError::Connect {
                url: shown.clone(),
                error,
            })?;
        schema::migrate(&mut client, &shown)?;
        Ok(Self {
            client: Mutex::new(client),
            url: shown,
        })
    }

    /// The connection URL, without its password.
    pub fn url(&self) -> &str {
        &self.url
    }

    fn client(&self) -> MutexGuard<'_, Client> {
        // A panic while holding the lock leaves no half-done transaction behind: the client rolls
        // back a transaction it drops.
        self.client.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Whether `db` names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres_url(db: &str) -> bool {
    let lower: String = db
        .trim_start()
        .chars()
        .take(13)
        .collect::<String>()
        .to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// `url` with the password, if any, replaced by `***`, for messages.
pub fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user_info, host)) => match user_info.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

impl Store for PostgresStore {
    fn add_articles(&mut self, batch: &[Article]) -> Result<AddOutcome, StoreError> {
        articles::add(&mut self.client(), batch)
    }

    fn article(&self, id: i64) -> Result<Option<StoredArticle>, StoreError> {
        articles::one(&mut self.client(), id)
    }

    fn articles(&self) -> Result<Vec<StoredArticle>, StoreError> {
        articles::all(&mut self.client(), None)
    }

    fn story_articles(&self, story: i64) -> Result<Vec<StoredArticle>, StoreError> {
        articles::all(&mut self.client(), Some(story))
    }

    fn set_stories(&mut self, groups: &[Vec<i64>]) -> Result<Vec<i64>, StoreError> {
        stories::set(&mut self.client(), groups)
    }

    fn story(&self, id: i64) -> Result<Option<StorySummary>, StoreError> {
        stories::one(&mut self.client(), id)
    }

    fn stories(&self, query: &StoryQuery) -> Result<StoryPage, StoreError> {
        stories::page(&mut self.client(), query)
    }

    fn brief(&self, story: i64) -> Result<Option<CachedBrief>, StoreError> {
        stories::brief(&mut self.client(), story)
    }

    fn story_version(&self, story: i64) -> Result<Option<i64>, StoreError> {
        self.client()
            .query_opt("SELECT version FROM stories WHERE id = $1", &[&story])
            .and_then(|row| row.map(|r| r.try_get(0)).transpose())
            .during("look up a story version")
    }

    fn current_brief(&self, story: i64) -> Result<Option<BriefState>, StoreError> {
        stories::current_brief(&mut self.client(), story)
    }

    fn put_briefs(&mut self, briefs: &[(i64, i64, &Brief)]) -> Result<usize, StoreError> {
        stories::put_briefs(&mut self.client(), briefs)
    }

    fn stale_briefs(&self) -> Result<Vec<i64>, StoreError> {
        stories::stale(&mut self.client())
    }

    fn unplaced(&self) -> Result<usize, StoreError> {
        count(
            &mut self.client(),
            "SELECT count(*) FROM articles WHERE story_id IS NULL",
        )
        .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
    }

    fn search(&self, query: &SearchQuery) -> Result<Vec<Hit>, StoreError> {
        search::search(&mut self.client(), query)
    }

    fn counts(&self) -> Result<Counts, StoreError> {
        let mut client = self.client();
        Ok(Counts {
            articles: count(&mut client, "SELECT count(*) FROM articles")?,
            stories: count(&mut client, "SELECT count(*) FROM stories")?,
        })
    }
}

fn count(client: &mut Client, sql: &str) -> Result<u64, StoreError> {
    client
        .query_one(sql, &[])
        .and_then(|row| row.try_get::<_, i64>(0))
        .map(|n| n.max(0) as u64)
        .during("count rows")
}

/// `text` without NUL characters, which PostgreSQL's `text` cannot hold (SQLite can).
fn no_nul(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\0') {
        text.replace('\0', "").into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_pick_postgres_and_hide_passwords() {
        assert!(is_postgres_url("postgres://u@h/db"));
        assert!(is_postgres_url("PostgreSQL://u@h/db"));
        assert!(!is_postgres_url("parallax.db"));
        assert!(!is_postgres_url("postgres.db"));
        assert!(!is_postgres_url("ü"));
        assert!(is_postgres_url("postgres://h"));
        assert_eq!(
            without_password("postgres://me:secret@h:5432/db?x=1"),
            "postgres://me:***@h:5432/db?x=1"
        );
        assert_eq!(without_password("postgres://me@h/db"), "postgres://me@h/db");
        assert_eq!(without_password("postgres://h/db"), "postgres://h/db");
        assert_eq!(without_password("plain"), "plain");
    }
}
