//! Storing and reading articles.

use chrono::{DateTime, SecondsFormat, Utc};
use parallax_core::Article;
use postgres::{Client, Row};

use super::no_nul;
use crate::error::{Context, StoreError};
use crate::pause::{pause_at, BATCH_COMMITTED, BATCH_WRITTEN};
use crate::sqlite::content_hash;
use crate::types::{stored_article, AddOutcome, StoredArticle};

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

/// The most articles one INSERT statement carries; a bigger batch takes several, in one
/// transaction still.
const ROWS_PER_STATEMENT: usize = 512;

pub(super) fn add(client: &mut Client, batch: &[Article]) -> Result<AddOutcome, StoreError> {
    let now = Utc::now();
    let mut tx = client.transaction().during("begin a batch")?;
    // One statement for many articles: a round trip per article would cost more than the insert.
    // Rows go in in batch order, so their new ids, sorted, are in batch order too; a duplicate,
    // of a stored article or of one earlier in the batch, is skipped by ON CONFLICT DO NOTHING.
    let insert = tx
        .prepare(
            "INSERT INTO articles (input_id, source, url, content_hash, ingested_at, outlet, title,
                                   published, fts_config, text, json)
             SELECT u.input_id, u.source, u.url, u.content_hash, $11, u.outlet, u.title,
                    u.published, u.config::regconfig, u.text, u.json
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                         $7::date[], $8::text[], $9::text[], $10::text[]) WITH ORDINALITY
                  AS u(input_id, source, url, content_hash, outlet, title, published, config,
                       text, json, n)
             ORDER BY u.n
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .during("prepare the article insert")?;
    let mut outcome = AddOutcome::default();
    for chunk in batch.chunks(ROWS_PER_STATEMENT) {
        let mut rows = Rows::default();
        for article in chunk {
            rows.push(article)?;
        }
        let mut added: Vec<i64> = tx
            .query(
                &insert,
                &[
                    &rows.input_ids,
                    &rows.sources,
                    &rows.urls,
                    &rows.hashes,
                    &rows.outlets,
                    &rows.titles,
                    &rows.published,
                    &rows.configs,
                    &rows.texts,
                    &rows.jsons,
                    &now,
                ],
            )
            .during("insert articles")?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<_, _>>()
            .during("read a new article's id")?;
        added.sort_unstable();
        outcome.duplicates += chunk.len().saturating_sub(added.len());
        outcome.added.extend(added);
    }
    pause_at(BATCH_WRITTEN);
    tx.commit().during("commit a batch")?;
    pause_at(BATCH_COMMITTED);
    Ok(outcome)
}

/// The columns of a batch of articles, one array each.
#[derive(Default)]
struct Rows {
    input_ids: Vec<String>,
    sources: Vec<String>,
    urls: Vec<Option<String>>,
    hashes: Vec<String>,
    outlets: Vec<Option<String>>,
    titles: Vec<String>,
    published: Vec<Option<chrono::NaiveDate>>,
    configs: Vec<&'static str>,
    texts: Vec<String>,
    jsons: Vec<String>,
}

impl Rows {
    fn push(&mut self, article: &Article) -> Result<(), StoreError> {
        let (json, url) = stored_article(article)?;
        self.input_ids.push(no_nul(&article.id).into_owned());
        self.sources.push(no_nul(&article.source).into_owned());
        self.urls.push(url.map(|u| no_nul(u).into_owned()));
        self.hashes.push(content_hash(article));
        self.outlets
            .push(article.outlet.as_deref().map(|o| no_nul(o).into_owned()));
        self.titles
            .push(no_nul(article.title.as_deref().unwrap_or("")).into_owned());
        self.published.push(article.published);
        self.configs.push(config_for(&article.language));
        self.texts.push(no_nul(&article.text).into_owned());
        self.jsons.push(json);
        Ok(())
    }
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
