//! The database schema as a list of migrations, applied in order and recorded in `PRAGMA user_version`.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::StoreError;

/// Each entry moves the schema from version `index` to `index + 1`. Never edit a shipped entry:
/// append a new one.
const MIGRATIONS: &[&str] = &[
    // 1: articles with full-text search, stories, cached briefs.
    r#"
    CREATE TABLE stories (
        id              INTEGER PRIMARY KEY,
        version         INTEGER NOT NULL DEFAULT 1,
        seq             INTEGER NOT NULL,
        updated         TEXT    NOT NULL,
        title           TEXT    NOT NULL DEFAULT '',
        article_count   INTEGER NOT NULL DEFAULT 0,
        outlets         TEXT    NOT NULL DEFAULT '[]',
        first_published TEXT,
        last_published  TEXT
    );
    CREATE INDEX stories_newest ON stories(seq DESC, id DESC);

    CREATE TABLE articles (
        id           INTEGER PRIMARY KEY,
        input_id     TEXT    NOT NULL,
        source       TEXT    NOT NULL,
        url          TEXT    UNIQUE,
        content_hash TEXT    NOT NULL UNIQUE,
        ingested_at  TEXT    NOT NULL,
        outlet       TEXT,
        title        TEXT    NOT NULL DEFAULT '',
        published    TEXT,
        text         TEXT    NOT NULL,
        json         TEXT    NOT NULL,
        story_id     INTEGER REFERENCES stories(id) ON DELETE SET NULL
    );
    CREATE INDEX articles_story ON articles(story_id);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content = 'articles', content_rowid = 'id', tokenize = 'porter unicode61'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;

    CREATE TABLE briefs (
        story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
        version  INTEGER NOT NULL,
        json     TEXT    NOT NULL
    );
    "#,
    // 2: story ids from a counter that only grows, so that no id is ever given twice.
    r#"
    CREATE TABLE counters (
        name  TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    INSERT INTO counters (name, value) SELECT 'story', coalesce(max(id), 0) FROM stories;
    "#,
    // 3: stories listed by their latest publication, newest first, undated last.
    r#"
    CREATE INDEX stories_by_published
        ON stories(last_published IS NULL, last_published DESC, id DESC);
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database up to [`SCHEMA_VERSION`] in one transaction.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let open = |error| StoreError::Open {
        path: path.to_path_buf(),
        error,
    };
    let version = |conn: &Connection| -> Result<i64, StoreError> {
        conn.query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(open)
    };
    let found = version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            database: path.display().to_string(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    // Under the write lock, the version is read again: two processes opening a new database at
    // once migrate it once.
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(open)?;
    let found = version(&tx)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        tx.execute_batch(sql).map_err(open)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)
            .map_err(open)?;
    }
    tx.commit().map_err(open)?;
    Ok(())
}
