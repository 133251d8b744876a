//! Stories, their members and their cached briefs.

use std::collections::{BTreeSet, HashMap};

use chrono::{NaiveDate, SecondsFormat, Utc};
use parallax_core::Brief;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction, TransactionBehavior};

use crate::continuity::{self, Continuity};
use crate::error::{Context, StoreError};
use crate::pause::{pause_at, BRIEFS_WRITTEN, STORIES_COMMITTED, STORIES_WRITTEN};
use crate::types::{
    stored_brief_json, BriefState, CachedBrief, Cursor, StoryPage, StoryQuery, StorySummary,
};

const COLUMNS: &str =
    "id, title, article_count, outlets, first_published, last_published, updated, version, seq";

/// The most stories one page may hold.
const MAX_PAGE: usize = 500;

pub(super) fn set(conn: &mut Connection, groups: &[Vec<i64>]) -> Result<Vec<i64>, StoreError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .during("begin regrouping")?;
    let old = members(&tx)?;
    let Continuity {
        groups,
        ids: id_of_group,
        kept: taken,
    } = continuity::plan(&old, groups);

    let seq: i64 = tx
        .query_row("SELECT coalesce(max(seq), 0) + 1 FROM stories", [], |r| {
            r.get(0)
        })
        .during("read the change sequence")?;
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
    let mut changed = Vec::new();
    for (story, _) in old.iter().filter(|(s, _)| !taken.contains(s)) {
        tx.execute("DELETE FROM stories WHERE id = ?1", [story])
            .during("delete an emptied story")?;
    }
    for (group, id) in groups.iter().zip(id_of_group) {
        let id = match id {
            Some(id) if old.get(&id) == Some(group) => continue,
            Some(id) => {
                tx.execute(
                    "UPDATE stories SET version = version + 1, seq = ?2, updated = ?3 WHERE id = ?1",
                    params![id, seq, now],
                )
                .during("bump a story's version")?;
                id
            }
            None => {
                // Ids come from a counter that only grows: a deleted story's id is never given
                // to another, so a brief cached for (id, version) can never be another's.
                let id: i64 = tx
                    .query_row(
                        "UPDATE counters SET value = max(value, (SELECT coalesce(max(id), 0) FROM stories)) + 1
                         WHERE name = 'story' RETURNING value",
                        [],
                        |r| r.get(0),
                    )
                    .during("take a story id")?;
                tx.execute(
                    "INSERT INTO stories (id, seq, updated) VALUES (?1, ?2, ?3)",
                    params![id, seq, now],
                )
                .during("create a story")?;
                id
            }
        };
        {
            let mut assign = tx
                .prepare_cached("UPDATE articles SET story_id = ?1 WHERE id = ?2")
                .during("prepare story assignment")?;
            for a in group {
                assign
                    .execute([id, *a])
                    .during("assign an article to a story")?;
            }
        }
        refresh_summary(&tx, id)?;
        changed.push(id);
    }
    pause_at(STORIES_WRITTEN);
    tx.commit().during("commit regrouping")?;
    pause_at(STORIES_COMMITTED);
    Ok(changed)
}

/// Current members of every story.
fn members(tx: &Transaction<'_>) -> Result<HashMap<i64, BTreeSet<i64>>, StoreError> {
    let mut stmt = tx
        .prepare("SELECT story_id, id FROM articles WHERE story_id IS NOT NULL")
        .during("prepare the member listing")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
        .during("list members")?;
    let mut out: HashMap<i64, BTreeSet<i64>> = HashMap::new();
    for row in rows {
        let (story, article) = row.during("read a member")?;
        out.entry(story).or_default().insert(article);
    }
    // Stories left without members (never expected) are listed so that they get deleted.
    let mut stmt = tx
        .prepare("SELECT id FROM stories")
        .during("prepare the story listing")?;
    for id in stmt
        .query_map([], |r| r.get::<_, i64>(0))
        .during("list stories")?
    {
        out.entry(id.during("read a story id")?).or_default();
    }
    Ok(out)
}

/// Recomputes a story's listing fields from its members.
fn refresh_summary(tx: &Transaction<'_>, id: i64) -> Result<(), StoreError> {
    let mut stmt = tx
        .prepare_cached(
            "SELECT title, outlet, published FROM articles WHERE story_id = ?1 ORDER BY id",
        )
        .during("prepare a story summary")?;
    let rows = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })
        .during("read a story's members")?;
    let (mut title, mut count) = (String::new(), 0i64);
    let mut outlets = BTreeSet::new();
    let (mut first, mut last): (Option<String>, Option<String>) = (None, None);
    for row in rows {
        let (t, outlet, published) = row.during("read a member")?;
        count += 1;
        if title.is_empty() {
            title = t;
        }
        if let Some(o) = outlet.filter(|o| !o.is_empty()) {
            outlets.insert(o);
        }
        if let Some(p) = published {
            if first.as_ref().is_none_or(|f| &p < f) {
                first = Some(p.clone());
            }
            if last.as_ref().is_none_or(|l| &p > l) {
                last = Some(p);
            }
        }
    }
    let outlets = serde_json::to_string(&outlets).unwrap_or_else(|_| "[]".into());
    tx.execute(
        "UPDATE stories SET title = CASE WHEN title = '' THEN ?2 ELSE title END,
            article_count = ?3, outlets = ?4, first_published = ?5, last_published = ?6 WHERE id = ?1",
        params![id, title, count, outlets, first, last],
    )
    .during("update a story summary")?;
    Ok(())
}

pub(super) fn one(conn: &Connection, id: i64) -> Result<Option<StorySummary>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM stories WHERE id = ?1");
    let row = conn
        .prepare_cached(&sql)
        .during("prepare a story lookup")?
        .query_row([id], raw)
        .optional()
        .during("look up a story")?;
    row.map(decode).transpose().map(|r| r.map(|(s, _)| s))
}

pub(super) fn page(conn: &Connection, query: &StoryQuery) -> Result<StoryPage, StoreError> {
    let limit = query.limit.clamp(1, MAX_PAGE);
    // Newest publication first, undated stories last, the higher id first among equals; the
    // cursor is the last story's (day, id), and a page starts just after it in that order.
    let after = query
        .cursor
        .map(|c| Ok::<_, StoreError>((c.day()?.map(|d| d.to_string()), c.id)))
        .transpose()?;
    let sql = format!(
        "SELECT {COLUMNS} FROM stories
         WHERE (?1 IS NULL OR last_published >= ?1)
           AND (?3 IS NULL
                OR (?2 IS NOT NULL AND (last_published IS NULL OR last_published < ?2
                                        OR (last_published = ?2 AND id < ?3)))
                OR (?2 IS NULL AND last_published IS NULL AND id < ?3))
         ORDER BY last_published IS NULL, last_published DESC, id DESC LIMIT ?4"
    );
    let mut stmt = conn
        .prepare_cached(&sql)
        .during("prepare the story listing")?;
    let rows = stmt
        .query_map(
            params![
                query.since.map(|d| d.to_string()),
                after.as_ref().and_then(|a| a.0.clone()),
                after.as_ref().map(|a| a.1),
                limit as i64 + 1
            ],
            raw,
        )
        .during("list stories")?;
    let mut stories = Vec::new();
    let mut more = false;
    for row in rows {
        let (story, seq) = decode(row.during("read a story")?)?;
        if stories.len() == limit {
            // One row beyond the limit was asked for: it came, so there is a next page.
            more = true;
            break;
        }
        stories.push((story, seq));
    }
    let next = match stories.last() {
        Some((story, _)) if more => Some(Cursor {
            seq: Cursor::day_key(story.last_published),
            id: story.id,
        }),
        _ => None,
    };
    Ok(StoryPage {
        stories: stories.into_iter().map(|(s, _)| s).collect(),
        next,
    })
}

type RawRow = (
    i64,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
    String,
    i64,
    i64,
);

fn raw(r: &Row<'_>) -> rusqlite::Result<RawRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
    ))
}

fn decode(
    (id, title, count, outlets, first, last, updated, version, seq): RawRow,
) -> Result<(StorySummary, i64), StoreError> {
    let corrupt = |message: String| StoreError::Corrupt {
        what: "stored story",
        message: format!("story {id}: {message}"),
    };
    let outlets: Vec<String> =
        serde_json::from_str(&outlets).map_err(|e| corrupt(e.to_string()))?;
    let date = |d: Option<String>| -> Result<Option<NaiveDate>, StoreError> {
        d.map(|d| {
            d.parse::<NaiveDate>()
                .map_err(|e| corrupt(format!("date {d:?}: {e}")))
        })
        .transpose()
    };
    let summary = StorySummary {
        id,
        title,
        articles: count.max(0) as usize,
        outlets,
        first_published: date(first)?,
        last_published: date(last)?,
        updated,
        version,
    };
    Ok((summary, seq))
}

pub(super) fn brief(conn: &Connection, story: i64) -> Result<Option<CachedBrief>, StoreError> {
    conn.prepare_cached("SELECT version, json FROM briefs WHERE story_id = ?1")
        .during("prepare a brief lookup")?
        .query_row([story], |r| {
            Ok(CachedBrief {
                version: r.get(0)?,
                json: r.get(1)?,
            })
        })
        .optional()
        .during("look up a brief")
}

pub(super) fn put_briefs(
    conn: &mut Connection,
    briefs: &[(i64, i64, &Brief)],
) -> Result<usize, StoreError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .during("begin storing briefs")?;
    let mut stored = 0;
    {
        let mut put = tx
            .prepare_cached(
                "INSERT INTO briefs (story_id, version, json)
                 SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?1 AND version = ?2)
                 ON CONFLICT (story_id) DO UPDATE SET version = excluded.version, json = excluded.json",
            )
            .during("prepare the brief insert")?;
        let mut title = tx
            .prepare_cached("UPDATE stories SET title = ?2 WHERE id = ?1 AND ?2 != ''")
            .during("prepare the title update")?;
        for (story, version, brief) in briefs {
            let json = stored_brief_json(*story, brief)?;
            if put
                .execute(params![story, version, json])
                .during("store a brief")?
                > 0
            {
                title
                    .execute(params![story, brief.title.trim()])
                    .during("update a story title")?;
                stored += 1;
            }
        }
    }
    pause_at(BRIEFS_WRITTEN);
    tx.commit().during("commit briefs")?;
    Ok(stored)
}

pub(super) fn stale(conn: &Connection) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT s.id FROM stories s LEFT JOIN briefs b ON b.story_id = s.id
             WHERE b.version IS NULL OR b.version != s.version ORDER BY s.id",
        )
        .during("prepare the stale brief listing")?;
    let rows = stmt
        .query_map([], |r| r.get::<_, i64>(0))
        .during("list stale briefs")?;
    rows.collect::<Result<_, _>>().during("read a stale brief")
}

pub(super) fn current_brief(
    conn: &Connection,
    story: i64,
) -> Result<Option<BriefState>, StoreError> {
    let row = conn
        .prepare_cached(
            "SELECT s.version, b.version, b.json FROM stories s
             LEFT JOIN briefs b ON b.story_id = s.id WHERE s.id = ?1",
        )
        .during("prepare a brief lookup")?
        .query_row([story], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })
        .optional()
        .during("look up a brief")?;
    Ok(row.map(|(current, version, json)| {
        let cached = version
            .zip(json)
            .map(|(version, json)| CachedBrief { version, json });
        match cached {
            Some(c) if c.version == current => BriefState::Current(c),
            other => BriefState::Stale(other),
        }
    }))
}

pub(super) fn version(conn: &Connection, story: i64) -> Result<Option<i64>, StoreError> {
    conn.prepare_cached("SELECT version FROM stories WHERE id = ?1")
        .during("prepare a version lookup")?
        .query_row([story], |r| r.get(0))
        .optional()
        .during("look up a story version")
}

pub(super) fn unplaced(conn: &Connection) -> Result<usize, StoreError> {
    conn.prepare_cached("SELECT count(*) FROM articles WHERE story_id IS NULL")
        .during("prepare the unplaced count")?
        .query_row([], |r| r.get::<_, i64>(0))
        .map(|n| n.max(0) as usize)
        .during("count unplaced articles")
}
