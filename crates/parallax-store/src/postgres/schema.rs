//! The PostgreSQL schema as numbered migrations, applied in order and recorded in `schema_version`.

use postgres::Client;

use crate::error::StoreError;

/// Each entry moves the schema from version `index` to `index + 1`. Never edit a shipped entry:
/// append a new one.
const MIGRATIONS: &[&str] = &[
    // 1: articles with full-text search, stories, cached briefs.
    r#"
    CREATE TABLE stories (
        id              bigint      PRIMARY KEY,
        version         bigint      NOT NULL DEFAULT 1,
        seq             bigint      NOT NULL,
        updated         timestamptz NOT NULL,
        title           text        NOT NULL DEFAULT '',
        article_count   bigint      NOT NULL DEFAULT 0,
        outlets         text        NOT NULL DEFAULT '[]',
        first_published date,
        last_published  date
    );
    CREATE INDEX stories_newest ON stories (seq DESC, id DESC);
    -- Story ids only grow: a deleted story's id is never given to another, so a brief cached for
    -- (id, version) can never be another story's.
    CREATE SEQUENCE story_ids;

    CREATE TABLE articles (
        id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        input_id     text        NOT NULL,
        source       text        NOT NULL,
        url          text        UNIQUE,
        content_hash text        NOT NULL UNIQUE,
        ingested_at  timestamptz NOT NULL,
        outlet       text,
        title        text        NOT NULL DEFAULT '',
        published    date,
        fts_config   regconfig   NOT NULL,
        text         text        NOT NULL,
        json         text        NOT NULL,
        story_id     bigint      REFERENCES stories (id) ON DELETE SET NULL,
        -- Titles weigh more than texts (weight A against B). Only the first 200,000 characters are
        -- indexed: a tsvector holds at most 1 MB, and a longer text would fail its whole batch.
        tsv          tsvector    GENERATED ALWAYS AS (
            setweight(to_tsvector(fts_config, left(title, 10000)), 'A') ||
            setweight(to_tsvector(fts_config, left(text, 200000)), 'B')
        ) STORED
    );
    CREATE INDEX articles_story ON articles (story_id);
    CREATE INDEX articles_tsv ON articles USING gin (tsv);

    CREATE TABLE briefs (
        story_id bigint PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
        version  bigint NOT NULL,
        json     text   NOT NULL
    );
    "#,
    // 2: stories listed by their latest publication, newest first, undated last.
    r#"
    CREATE INDEX stories_by_published ON stories (last_published DESC NULLS LAST, id DESC);
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Any fixed number: the advisory lock that makes two processes opening a new database at once
/// migrate it once.
const MIGRATION_LOCK: i64 = 0x7061_7261_6c6c_6178;

/// Brings the schema (in the connection's first `search_path` schema) up to [`SCHEMA_VERSION`] in
/// one transaction.
pub(super) fn migrate(client: &mut Client, url: &str) -> Result<(), StoreError> {
    let open = |error| StoreError::Connect {
        url: url.to_string(),
        error,
    };
    // An up-to-date schema is only read: no lock, no write, so that a read-only standby opens too.
    let exists: bool = client
        .query_one("SELECT to_regclass('schema_version') IS NOT NULL", &[])
        .and_then(|row| row.try_get(0))
        .map_err(open)?;
    let current: Option<i64> = if exists {
        client
            .query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])
            .and_then(|row| row.try_get(0))
            .map_err(open)?
    } else {
        None
    };
    if current == Some(SCHEMA_VERSION) {
        return Ok(());
    }
    let mut tx = client.transaction().map_err(open)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .map_err(open)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_version (
            version bigint PRIMARY KEY,
            applied timestamptz NOT NULL DEFAULT now()
        )",
    )
    .map_err(open)?;
    let found: i64 = tx
        .query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])
        .and_then(|row| row.try_get(0))
        .map_err(open)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            database: url.to_string(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        tx.batch_execute(sql).map_err(open)?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&(index as i64 + 1)],
        )
        .map_err(open)?;
    }
    tx.commit().map_err(open)
}
