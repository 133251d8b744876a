//! The work on top of a store: grouping articles into stories and keeping briefs current.
//!
//! The stages that do the thinking (grouping, fusing) live in other crates; callers hand them in
//! as a [`Pipeline`], so the store depends on none of them.

use std::panic::{catch_unwind, AssertUnwindSafe};

use parallax_core::{Article, Brief, BriefArticle, Diagnostic, BRIEF_SCHEMA};

use crate::error::StoreError;
use crate::pause::{pause_at, GROUPED};
use crate::types::CachedBrief;
use crate::Store;

/// The stages the store needs from the rest of Parallax.
pub trait Pipeline: Send + Sync {
    /// Groups `articles` into stories: each group lists indices into `articles`. `previous[i]` is
    /// the story article `i` was in before (`None` for a new article), so that an incremental
    /// grouper can keep its earlier decisions. An index left out becomes a story of its own.
    fn group(&self, articles: &[Article], previous: &[Option<i64>]) -> Vec<Vec<usize>>;

    /// The brief of one story, made from its articles.
    fn brief(&self, articles: &[Article]) -> Brief;

    /// The briefs of many stories, in order. Override to make them in parallel.
    fn briefs(&self, stories: &[Vec<Article>]) -> Vec<Brief> {
        stories.iter().map(|a| self.brief(a)).collect()
    }
}

/// What [`settle`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SettleReport {
    /// Stories created or changed.
    pub stories_touched: usize,
    /// Briefs made.
    pub briefed: usize,
}

/// What [`ingest`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// Store ids of the new articles.
    pub added: Vec<i64>,
    /// Articles already stored.
    pub duplicates: usize,
    /// Stories created or changed.
    pub stories_touched: usize,
}

/// Adds one batch (one transaction), then regroups (when anything was added) and rebriefs what
/// changed.
pub fn ingest(
    store: &mut dyn Store,
    pipeline: &dyn Pipeline,
    batch: &[Article],
) -> Result<IngestReport, StoreError> {
    let outcome = store.add_articles(batch)?;
    let settled = if outcome.added.is_empty() && store.unplaced()? == 0 {
        // Nothing new to group; only briefs left stale by an interrupted run need making.
        let stale = store.stale_briefs()?;
        SettleReport {
            stories_touched: 0,
            briefed: rebrief(store, pipeline, &stale)?,
        }
    } else {
        settle(store, pipeline)?
    };
    Ok(IngestReport {
        added: outcome.added,
        duplicates: outcome.duplicates,
        stories_touched: settled.stories_touched,
    })
}

/// Regroupings tried before briefing when concurrent writers keep taking stories away.
const MAX_REGROUPS: usize = 4;

/// Regroups every stored article, then makes the briefs of stories whose brief is missing or was
/// made for an older version (changed now, or left stale by an interrupted run).
///
/// Grouping works on a snapshot, outside any lock: a writer that stored and grouped meanwhile may
/// see its new stories replaced, leaving articles without a story. Those are seen here and the
/// store regrouped again, so every article ends in a story.
pub fn settle(store: &mut dyn Store, pipeline: &dyn Pipeline) -> Result<SettleReport, StoreError> {
    let mut touched = std::collections::BTreeSet::new();
    for _ in 0..MAX_REGROUPS {
        touched.extend(regroup(store, pipeline)?);
        if store.unplaced()? == 0 {
            break;
        }
    }
    let stale = store.stale_briefs()?;
    let briefed = rebrief(store, pipeline, &stale)?;
    Ok(SettleReport {
        stories_touched: touched.len(),
        briefed,
    })
}

/// One regrouping of every stored article; returns the stories created or changed.
fn regroup(store: &mut dyn Store, pipeline: &dyn Pipeline) -> Result<Vec<i64>, StoreError> {
    let stored = store.articles()?;
    let previous: Vec<Option<i64>> = stored.iter().map(|a| a.story).collect();
    let articles: Vec<Article> = stored.iter().map(|a| a.article.clone()).collect();
    let mut seen = vec![false; stored.len()];
    let mut groups: Vec<Vec<i64>> = Vec::new();
    for group in pipeline.group(&articles, &previous) {
        let ids: Vec<i64> = group
            .into_iter()
            .filter(|&i| i < seen.len() && !std::mem::replace(&mut seen[i], true))
            .map(|i| stored[i].id)
            .collect();
        if !ids.is_empty() {
            groups.push(ids);
        }
    }
    groups.extend(
        seen.iter()
            .enumerate()
            .filter(|(_, s)| !**s)
            .map(|(i, _)| vec![stored[i].id]),
    );
    pause_at(GROUPED);
    store.set_stories(&groups)
}

/// Makes and stores the briefs of `stories`; returns how many were stored.
fn rebrief(
    store: &mut dyn Store,
    pipeline: &dyn Pipeline,
    stories: &[i64],
) -> Result<usize, StoreError> {
    let mut jobs = Vec::new();
    let mut inputs = Vec::new();
    for &story in stories {
        let Some(summary) = store.story(story)? else {
            continue;
        };
        jobs.push((story, summary.version));
        inputs.push(
            store
                .story_articles(story)?
                .into_iter()
                .map(|a| a.article)
                .collect::<Vec<_>>(),
        );
    }
    let briefs = briefs_or_diagnostics(pipeline, &inputs);
    let items: Vec<(i64, i64, &Brief)> = jobs
        .iter()
        .zip(&briefs)
        .map(|(&(story, version), brief)| (story, version, brief))
        .collect();
    store.put_briefs(&items)
}

/// The briefs of `stories`. A panic in the pipeline is caught here, at the story boundary, as a
/// last net: each story is then briefed alone, and one whose brief panics gets a brief that says
/// so instead, cached for its version like any other. Without it, one such story failed every
/// later write of a server and every later `ingest`.
fn briefs_or_diagnostics(pipeline: &dyn Pipeline, stories: &[Vec<Article>]) -> Vec<Brief> {
    if let Ok(briefs) = catch_unwind(AssertUnwindSafe(|| pipeline.briefs(stories))) {
        if briefs.len() == stories.len() {
            return briefs;
        }
    }
    stories
        .iter()
        .map(|articles| {
            catch_unwind(AssertUnwindSafe(|| pipeline.brief(articles)))
                .unwrap_or_else(|_| failed_brief(articles))
        })
        .collect()
}

/// The brief of a story whose brief could not be made: its articles and a diagnostic.
fn failed_brief(articles: &[Article]) -> Brief {
    let source = articles.first().map_or("story", |a| a.source.as_str());
    Brief {
        schema: BRIEF_SCHEMA.to_string(),
        title: articles
            .iter()
            .find_map(|a| a.title.clone())
            .unwrap_or_default(),
        articles: articles.iter().map(BriefArticle::from).collect(),
        summary: Vec::new(),
        quotes: Vec::new(),
        figures: Vec::new(),
        exclusives: Vec::new(),
        timeline: Vec::new(),
        entities: Vec::new(),
        diagnostics: vec![Diagnostic::error(
            source,
            "internal error: this story's brief could not be made",
        )],
    }
}

/// The current brief of a story, made now if the cache has none for its version.
/// `None` when the story does not exist.
pub fn refresh_brief(
    store: &mut dyn Store,
    pipeline: &dyn Pipeline,
    story: i64,
) -> Result<Option<CachedBrief>, StoreError> {
    let Some(summary) = store.story(story)? else {
        return Ok(None);
    };
    if let Some(cached) = store.brief(story)? {
        if cached.version == summary.version {
            return Ok(Some(cached));
        }
    }
    rebrief(store, pipeline, &[story])?;
    store.brief(story)
}
