//! Storing and reading articles.

use chrono::{DateTime, SecondsFormat, Utc};
use parallax_core::Article;
use postgres::{Client, Row};

use super::no_nul;
use crate::error::{Context, StoreError};
use crate::pause::{pause_at, BATCH_COMMITTED, BATCH_WRITTEN};
use crate::sqlite::content_hash;
use crate::types::{AddOutcome, StoredArticle};

const COLUMNS: &str = "id, story_id, input_id, content_hash, ingested_at, json";

/// The text-search configuration for each language code; any other language is indexed with
/// `simple` (words lower-cased, no stemming, no stop words), which never mangles a word.
const CONFIGS: &[(&str, &str)] = &[
    ("en", "english"),
    ("fr", "french"),
    ("de", "german"),
    ("es", "spanish"),
    ("it", "italian"),
    ("pt", "portuguese"),
    ("nl", "dutch"),
];

/// Every configuration an article may be indexed with.
pub(super) fn all_configs() -> impl Iterator<Item = &'static str> {
    CONFIGS
        .iter()
        .map(|(_, config)| *config)
        .chain(std::iter::once("simple"))
}

/// The text-search configuration for an article in `language` (ISO 639-1, any case).
pub(super) fn config_for(language: &str) -> &'static str {
    let code = language.trim();
    CONFIGS
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map_or("simple", |(_, config)| config)
}

pub(super) fn add(client: &mut Client, batch: &[Article]) -> Result<AddOutcome, StoreError> {
    let now = Utc::now();
    let mut tx = client.transaction().during("begin a batch")?;
    let insert = tx
        .prepare(
            "INSERT INTO articles (input_id, source, url, content_hash, ingested_at, outlet, title,
                                   published, fts_config, text, json)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ($9::text)::regconfig, $10, $11)
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .during("prepare the article insert")?;
    let mut outcome = AddOutcome::default();
    for article in batch {
        let json = serde_json::to_string(article).map_err(|e| StoreError::Corrupt {
            what: "article to store",
            message: e.to_string(),
        })?;
        let url = article
            .url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(no_nul);
        let outlet = article.outlet.as_deref().map(no_nul);
        let row = tx
            .query_opt(
                &insert,
                &[
                    &no_nul(&article.id),
                    &no_nul(&article.source),
                    &url,
                    &content_hash(article),
                    &now,
                    &outlet,
                    &no_nul(article.title.as_deref().unwrap_or("")),
                    &article.published,
                    &config_for(&article.language),
                    &no_nul(&article.text),
                    &json,
                ],
            )
            .during("insert an article")?;
        match row {
            Some(row) => outcome
                .added
                .push(row.try_get(0).during("read a new article's id")?),
            None => outcome.duplicates += 1,
        }
    }
    pause_at(BATCH_WRITTEN);
    tx.commit().during("commit a batch")?;
    pause_at(BATCH_COMMITTED);
    Ok(outcome)
}

pub(super) fn one(client: &mut Client, id: i64) -> Result<Option<StoredArticle>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM articles WHERE id = $1");
    client
        .query_opt(&sql, &[&id])
        .during("look up an article")?
        .map(|row| decode(&row))
        .transpose()
}

pub(super) fn all(
    client: &mut Client,
    story: Option<i64>,
) -> Result<Vec<StoredArticle>, StoreError> {
    let rows = match story {
        Some(story) => client.query(
            &format!("SELECT {COLUMNS} FROM articles WHERE story_id = $1 ORDER BY id"),
            &[&story],
        ),
        None => client.query(&format!("SELECT {COLUMNS} FROM articles ORDER BY id"), &[]),
    }
    .during("list articles")?;
    rows.iter().map(decode).collect()
}

fn decode(row: &Row) -> Result<StoredArticle, StoreError> {
    let read = "read an article";
    let id: i64 = row.try_get(0).during(read)?;
    let json: String = row.try_get(5).during(read)?;
    let ingested_at: DateTime<Utc> = row.try_get(4).during(read)?;
    let mut article: Article = serde_json::from_str(&json).map_err(|e| StoreError::Corrupt {
        what: "stored article",
        message: format!("article {id}: {e}"),
    })?;
    article.id = id.to_string();
    Ok(StoredArticle {
        id,
        story: row.try_get(1).during(read)?,
        input_id: row.try_get(2).during(read)?,
        content_hash: row.try_get(3).during(read)?,
        ingested_at: ingested_at.to_rfc3339_opts(SecondsFormat::Millis, true),
        article,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_pick_their_configuration() {
        assert_eq!(config_for("en"), "english");
        assert_eq!(config_for(" DE "), "german");
        assert_eq!(config_for("und"), "simple");
        assert_eq!(config_for(""), "simple");
        assert!(all_configs().any(|c| c == "simple"));
    }
}
