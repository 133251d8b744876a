//! Full-text search over titles and texts, ranked by BM25.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use crate::error::{Context, StoreError};
use crate::fts::fts_query;
use crate::types::{Hit, SearchQuery, Snippet};

/// The most hits one search returns.
const MAX_HITS: usize = 200;

pub(super) fn search(conn: &Connection, query: &SearchQuery) -> Result<Vec<Hit>, StoreError> {
    let Some(fts) = fts_query(&query.text) else {
        return Ok(Vec::new());
    };
    // Title matches weigh more than body matches (bm25 is lower for better matches).
    let mut stmt = conn
        .prepare_cached(
            "SELECT a.id, a.story_id, a.title, a.outlet, a.published,
                    snippet(articles_fts, -1, char(2), char(3), '…', 24)
             FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
             WHERE articles_fts MATCH ?1
               AND (?2 IS NULL OR a.outlet = ?2 COLLATE NOCASE)
               AND (?3 IS NULL OR a.published >= ?3)
             ORDER BY bm25(articles_fts, 4.0, 1.0), a.id
             LIMIT ?4",
        )
        .during("prepare a search")?;
    let rows = stmt
        .query_map(
            params![
                fts,
                query.outlet,
                query.since.map(|d| d.to_string()),
                query.limit.clamp(1, MAX_HITS) as i64
            ],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            },
        )
        .during("search")?;
    let mut hits = Vec::new();
    for row in rows {
        let (article, story, title, outlet, published, snippet) = row.during("read a hit")?;
        hits.push(Hit {
            article,
            story,
            title: Some(title).filter(|t| !t.is_empty()),
            outlet,
            published: published.and_then(|p| p.parse::<NaiveDate>().ok()),
            snippet: Snippet(snippet.unwrap_or_default()),
        });
    }
    Ok(hits)
}
