//! Stories, their members and their cached briefs.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use parallax_core::Brief;
use postgres::{Client, Row, Transaction};

use super::STORIES_CHANNEL;
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

/// Regrouping and brief writes hold this lock until they commit, so that they follow each other
/// as under SQLite's one writer; plain reads (ACCESS SHARE) never wait for it.
const WRITE_LOCK: &str = "LOCK TABLE stories IN SHARE ROW EXCLUSIVE MODE";

pub(super) fn set(client: &mut Client, groups: &[Vec<i64>]) -> Result<Vec<i64>, StoreError> {
    let mut tx = client.transaction().during("begin regrouping")?;
    tx.batch_execute(WRITE_LOCK)
        .during("lock the stories for regrouping")?;
    let old = members(&mut tx)?;
    let Continuity {
        groups,
        ids: id_of_group,
        kept: taken,
    } = continuity::plan(&old, groups);

    let seq: i64 = tx
        .query_one("SELECT coalesce(max(seq), 0) + 1 FROM stories", &[])
        .and_then(|r| r.try_get(0))
        .during("read the change sequence")?;
    let now = Utc::now();
    let emptied: Vec<i64> = old.keys().filter(|s| !taken.contains(s)).copied().collect();
    tx.execute("DELETE FROM stories WHERE id = ANY($1)", &[&emptied])
        .during("delete emptied stories")?;
    let mut changed = Vec::new();
    // An article listed in two groups ends in the later one, as under SQLite.
    let mut assigned: BTreeMap<i64, i64> = BTreeMap::new();
    for (group, id) in groups.iter().zip(id_of_group) {
        let id = match id {
            Some(id) if old.get(&id) == Some(group) => continue,
            Some(id) => {
                tx.execute(
                    "UPDATE stories SET version = version + 1, seq = $2, updated = $3 WHERE id = $1",
                    &[&id, &seq, &now],
                )
                .during("bump a story's version")?;
                id
            }
            None => tx
                .query_one(
                    "INSERT INTO stories (id, seq, updated) VALUES (nextval('story_ids'), $1, $2)
                     RETURNING id",
                    &[&seq, &now],
                )
                .and_then(|r| r.try_get(0))
                .during("create a story")?,
        };
        for a in group {
            assigned.insert(*a, id);
        }
        changed.push(id);
    }
    let (assigned_articles, assigned_stories): (Vec<i64>, Vec<i64>) = assigned.into_iter().unzip();
    tx.execute(
        "UPDATE articles a SET story_id = u.story
         FROM unnest($1::bigint[], $2::bigint[]) AS u(article, story) WHERE a.id = u.article",
        &[&assigned_articles, &assigned_stories],
    )
    .during("assign articles to stories")?;
    refresh_summaries(&mut tx, &changed)?;
    notify_changed(&mut tx, changed.iter().chain(&emptied))?;
    pause_at(STORIES_WRITTEN);
    tx.commit().during("commit regrouping")?;
    pause_at(STORIES_COMMITTED);
    Ok(changed)
}

/// Ids named in one notification at most; more make it `*`, every story (a payload must stay
/// under 8,000 bytes).
const MAX_NOTIFIED: usize = 300;

/// Tells every session listening on [`STORIES_CHANNEL`] which stories changed or went, when the
/// transaction commits: serve replicas drop their cached briefs of them.
fn notify_changed<'a>(
    tx: &mut Transaction<'_>,
    stories: impl Iterator<Item = &'a i64>,
) -> Result<(), StoreError> {
    let ids: Vec<String> = stories.map(i64::to_string).collect();
    let payload = match ids.len() {
        0 => return Ok(()),
        n if n > MAX_NOTIFIED => "*".to_string(),
        _ => ids.join(" "),
    };
    tx.execute("SELECT pg_notify($1, $2)", &[&STORIES_CHANNEL, &payload])
        .during("announce changed stories")?;
    Ok(())
}

/// Current members of every story, stories left without members (never expected) included so
/// that they get deleted.
fn members(tx: &mut Transaction<'_>) -> Result<BTreeMap<i64, BTreeSet<i64>>, StoreError> {
    let mut out: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    for row in tx
        .query(
            "SELECT story_id, id FROM articles WHERE story_id IS NOT NULL",
            &[],
        )
        .during("list members")?
    {
        let story: i64 = row.try_get(0).during("read a member")?;
        let article: i64 = row.try_get(1).during("read a member")?;
        out.entry(story).or_default().insert(article);
    }
    for row in tx
        .query("SELECT id FROM stories", &[])
        .during("list stories")?
    {
        out.entry(row.try_get(0).during("read a story id")?)
            .or_default();
    }
    Ok(out)
}

/// What a story's listing shows, gathered from its members.
#[derive(Default)]
struct Summary {
    title: String,
    count: i64,
    outlets: BTreeSet<String>,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
}

/// Recomputes the listing fields of `stories` from their members: one read, one write.
fn refresh_summaries(tx: &mut Transaction<'_>, stories: &[i64]) -> Result<(), StoreError> {
    let mut summaries: BTreeMap<i64, Summary> = BTreeMap::new();
    for row in tx
        .query(
            "SELECT story_id, title, outlet, published FROM articles
             WHERE story_id = ANY($1) ORDER BY story_id, id",
            &[&stories],
        )
        .during("read the members of changed stories")?
    {
        let read = "read a member";
        let story: i64 = row.try_get(0).during(read)?;
        let title: String = row.try_get(1).during(read)?;
        let outlet: Option<String> = row.try_get(2).during(read)?;
        let published: Option<NaiveDate> = row.try_get(3).during(read)?;
        let s = summaries.entry(story).or_default();
        s.count += 1;
        if s.title.is_empty() {
            s.title = title;
        }
        if let Some(o) = outlet.filter(|o| !o.is_empty()) {
            s.outlets.insert(o);
        }
        if let Some(p) = published {
            s.first = Some(s.first.map_or(p, |f| f.min(p)));
            s.last = Some(s.last.map_or(p, |l| l.max(p)));
        }
    }
    let mut ids = Vec::new();
    let mut titles = Vec::new();
    let mut counts = Vec::new();
    let mut outlets = Vec::new();
    let mut firsts = Vec::new();
    let mut lasts = Vec::new();
    for (id, s) in summaries {
        ids.push(id);
        titles.push(s.title);
        counts.push(s.count);
        outlets.push(serde_json::to_string(&s.outlets).unwrap_or_else(|_| "[]".into()));
        firsts.push(s.first);
        lasts.push(s.last);
    }
    tx.execute(
        "UPDATE stories s SET title = CASE WHEN s.title = '' THEN u.title ELSE s.title END,
            article_count = u.n, outlets = u.outlets, first_published = u.first,
            last_published = u.last
         FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::date[], $6::date[])
            AS u(id, title, n, outlets, first, last)
         WHERE s.id = u.id",
        &[&ids, &titles, &counts, &outlets, &firsts, &lasts],
    )
    .during("update story summaries")?;
    Ok(())
}

pub(super) fn one(client: &mut Client, id: i64) -> Result<Option<StorySummary>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM stories WHERE id = $1");
    let row = client.query_opt(&sql, &[&id]).during("look up a story")?;
    row.map(|r| decode(&r))
        .transpose()
        .map(|r| r.map(|(s, _)| s))
}

pub(super) fn page(client: &mut Client, query: &StoryQuery) -> Result<StoryPage, StoreError> {
    let limit = query.limit.clamp(1, MAX_PAGE);
    // Newest publication first, undated stories last, the higher id first among equals; the
    // cursor is the last story's (day, id), and a page starts just after it in that order.
    let after_day = query.cursor.map(|c| c.day()).transpose()?.flatten();
    let sql = format!(
        "SELECT {COLUMNS} FROM stories
         WHERE ($1::date IS NULL OR last_published >= $1)
           AND ($3::bigint IS NULL
                OR ($2::date IS NOT NULL AND (last_published IS NULL OR last_published < $2
                                              OR (last_published = $2 AND id < $3)))
                OR ($2::date IS NULL AND last_published IS NULL AND id < $3))
         ORDER BY last_published DESC NULLS LAST, id DESC LIMIT $4"
    );
    let rows = client
        .query(
            &sql,
            &[
                &query.since,
                &after_day,
                &query.cursor.map(|c| c.id),
                &(limit as i64 + 1),
            ],
        )
        .during("list stories")?;
    let mut stories = Vec::new();
    let mut more = false;
    for row in &rows {
        let (story, _) = decode(row)?;
        if stories.len() == limit {
            // One row beyond the limit was asked for: it came, so there is a next page.
            more = true;
            break;
        }
        stories.push(story);
    }
    let next = match stories.last() {
        Some(story) if more => Some(Cursor {
            seq: Cursor::day_key(story.last_published),
            id: story.id,
        }),
        _ => None,
    };
    Ok(StoryPage { stories, next })
}

fn decode(row: &Row) -> Result<(StorySummary, i64), StoreError> {
    let read = "read a story";
    let id: i64 = row.try_get(0).during(read)?;
    let outlets: String = row.try_get(3).during(read)?;
    let outlets: Vec<String> = serde_json::from_str(&outlets).map_err(|e| StoreError::Corrupt {
        what: "stored story",
        message: format!("story {id}: {e}"),
    })?;
    let count: i64 = row.try_get(2).during(read)?;
    let updated: DateTime<Utc> = row.try_get(6).during(read)?;
    let summary = StorySummary {
        id,
        title: row.try_get(1).during(read)?,
        articles: usize::try_from(count).unwrap_or(0),
        outlets,
        first_published: row.try_get(4).during(read)?,
        last_published: row.try_get(5).during(read)?,
        updated: updated.to_rfc3339_opts(SecondsFormat::Millis, true),
        version: row.try_get(7).during(read)?,
    };
    Ok((summary, row.try_get(8).during(read)?))
}

pub(super) fn brief(client: &mut Client, story: i64) -> Result<Option<CachedBrief>, StoreError> {
    let row = client
        .query_opt(
            "SELECT version, json FROM briefs WHERE story_id = $1",
            &[&story],
        )
        .during("look up a brief")?;
    row.map(|r| {
        Ok::<_, postgres::Error>(CachedBrief {
            version: r.try_get(0)?,
            json: r.try_get(1)?,
        })
    })
    .transpose()
    .during("read a brief")
}

pub(super) fn put_briefs(
    client: &mut Client,
    briefs: &[(i64, i64, &Brief)],
) -> Result<usize, StoreError> {
    let mut tx = client.transaction().during("begin storing briefs")?;
    tx.batch_execute(WRITE_LOCK)
        .during("lock the stories for briefs")?;
    let put = tx
        .prepare(
            "INSERT INTO briefs (story_id, version, json)
             SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM stories WHERE id = $1 AND version = $2)
             ON CONFLICT (story_id) DO UPDATE SET version = excluded.version, json = excluded.json",
        )
        .during("prepare the brief insert")?;
    let title = tx
        .prepare("UPDATE stories SET title = $2 WHERE id = $1 AND $2 <> ''")
        .during("prepare the title update")?;
    let mut stored = 0;
    for (story, version, brief) in briefs {
        let json = stored_brief_json(*story, brief)?;
        if tx
            .execute(&put, &[story, version, &json])
            .during("store a brief")?
            > 0
        {
            tx.execute(&title, &[story, &super::no_nul(brief.title.trim())])
                .during("update a story title")?;
            stored += 1;
        }
    }
    pause_at(BRIEFS_WRITTEN);
    tx.commit().during("commit briefs")?;
    Ok(stored)
}

pub(super) fn stale(client: &mut Client) -> Result<Vec<i64>, StoreError> {
    client
        .query(
            "SELECT s.id FROM stories s LEFT JOIN briefs b ON b.story_id = s.id
             WHERE b.version IS NULL OR b.version <> s.version ORDER BY s.id",
            &[],
        )
        .during("list stale briefs")?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<_, _>>()
        .during("read a stale brief")
}

pub(super) fn current_brief(
    client: &mut Client,
    story: i64,
) -> Result<Option<BriefState>, StoreError> {
    let row = client
        .query_opt(
            "SELECT s.version, b.version, b.json FROM stories s
             LEFT JOIN briefs b ON b.story_id = s.id WHERE s.id = $1",
            &[&story],
        )
        .during("look up a brief")?;
    let Some(row) = row else {
        return Ok(None);
    };
    let read = "read a brief";
    let current: i64 = row.try_get(0).during(read)?;
    let version: Option<i64> = row.try_get(1).during(read)?;
    let json: Option<String> = row.try_get(2).during(read)?;
    let cached = version
        .zip(json)
        .map(|(version, json)| CachedBrief { version, json });
    Ok(Some(match cached {
        Some(c) if c.version == current => BriefState::Current(c),
        other => BriefState::Stale(other),
    }))
}
