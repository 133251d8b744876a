//! Storing and reading articles.

use chrono::{SecondsFormat, Utc};
use parallax_core::Article;
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use sha2::{Digest, Sha256};

use crate::error::{Context, StoreError};
use crate::pause::{pause_at, BATCH_COMMITTED, BATCH_WRITTEN};
use crate::types::{stored_article, AddOutcome, StoredArticle};

const COLUMNS: &str = "id, story_id, input_id, content_hash, ingested_at, json";

/// The hash that identifies an article's content: SHA-256 (hex) of its outlet, title and text,
/// each with runs of whitespace folded to one space, so re-extracting the same page matches.
pub fn content_hash(article: &Article) -> String {
    let mut hasher = Sha256::new();
    for part in [
        article.outlet.as_deref().unwrap_or(""),
        article.title.as_deref().unwrap_or(""),
        &article.text,
    ] {
        for (i, word) in part.split_whitespace().enumerate() {
            if i > 0 {
                hasher.update(b" ");
            }
            hasher.update(word.as_bytes());
        }
        hasher.update([0u8]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub(super) fn add(conn: &mut Connection, batch: &[Article]) -> Result<AddOutcome, StoreError> {
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .during("begin a batch")?;
    let mut outcome = AddOutcome::default();
    {
        let mut insert = tx
            .prepare_cached(
                "INSERT INTO articles
                    (input_id, source, url, content_hash, ingested_at, outlet, title, published, text, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT DO NOTHING",
            )
            .during("prepare the article insert")?;
        for article in batch {
            let (json, url) = stored_article(article)?;
            let inserted = insert
                .execute(params![
                    article.id,
                    article.source,
                    url,
                    content_hash(article),
                    now,
                    article.outlet,
                    article.title.as_deref().unwrap_or(""),
                    article.published.map(|d| d.to_string()),
                    article.text,
                    json,
                ])
                .during("insert an article")?;
            if inserted == 0 {
                outcome.duplicates += 1;
            } else {
                outcome.added.push(tx.last_insert_rowid());
            }
        }
    }
    pause_at(BATCH_WRITTEN);
    tx.commit().during("commit a batch")?;
    pause_at(BATCH_COMMITTED);
    Ok(outcome)
}

pub(super) fn one(conn: &Connection, id: i64) -> Result<Option<StoredArticle>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM articles WHERE id = ?1");
    let row = conn
        .prepare_cached(&sql)
        .during("prepare an article lookup")?
        .query_row([id], raw)
        .optional()
        .during("look up an article")?;
    row.map(decode).transpose()
}

pub(super) fn all(conn: &Connection, story: Option<i64>) -> Result<Vec<StoredArticle>, StoreError> {
    let sql = match story {
        Some(_) => format!("SELECT {COLUMNS} FROM articles WHERE story_id = ?1 ORDER BY id"),
        None => format!("SELECT {COLUMNS} FROM articles WHERE ?1 IS NULL ORDER BY id"),
    };
    let mut stmt = conn
        .prepare_cached(&sql)
        .during("prepare an article listing")?;
    let rows = stmt.query_map([story], raw).during("list articles")?;
    let mut out = Vec::new();
    for row in rows {
        out.push(decode(row.during("read an article")?)?);
    }
    Ok(out)
}

type RawRow = (i64, Option<i64>, String, String, String, String);

fn raw(r: &Row<'_>) -> rusqlite::Result<RawRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

fn decode(
    (id, story, input_id, content_hash, ingested_at, json): RawRow,
) -> Result<StoredArticle, StoreError> {
    let mut article: Article = serde_json::from_str(&json).map_err(|e| StoreError::Corrupt {
        what: "stored article",
        message: format!("article {id}: {e}"),
    })?;
    article.id = id.to_string();
    Ok(StoredArticle {
        id,
        story,
        input_id,
        content_hash,
        ingested_at,
        article,
    })
}
