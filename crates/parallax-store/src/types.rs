//! The values the store hands out and takes in.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use parallax_core::Article;
use serde::Serialize;

use crate::error::StoreError;

/// An article as stored: its `article.id` is the store's id, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    /// The store's id for it.
    pub id: i64,
    /// The story it belongs to, once grouped.
    pub story: Option<i64>,
    /// The id `extract` gave it in its own batch.
    pub input_id: String,
    /// Hex SHA-256 of its whitespace-normalised title and text.
    pub content_hash: String,
    /// When it was stored (RFC 3339, UTC).
    pub ingested_at: String,
    /// The article itself.
    pub article: Article,
}

/// What adding a batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddOutcome {
    /// Store ids of the articles that were new, in batch order.
    pub added: Vec<i64>,
    /// How many were already stored (same URL or same content).
    pub duplicates: usize,
}

/// One story as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StorySummary {
    /// The store's id for it.
    pub id: i64,
    /// Its headline: the brief's title once briefed, else its first article's.
    pub title: String,
    /// How many articles it holds.
    pub articles: usize,
    /// The outlets that report it, sorted.
    pub outlets: Vec<String>,
    /// The earliest publication date of its articles.
    pub first_published: Option<NaiveDate>,
    /// The latest publication date of its articles.
    pub last_published: Option<NaiveDate>,
    /// When its members last changed (RFC 3339, UTC).
    pub updated: String,
    /// Bumped each time its members change; the brief cache is keyed on it.
    #[serde(skip)]
    pub version: i64,
}

/// Where a page of stories starts: just after the story with this position. Stories are listed
/// by their latest publication day, newest first, undated last, the higher id first among equals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    /// The position key of the last story seen: its latest publication day as days of the common
    /// era, 0 when undated.
    pub seq: i64,
    /// The id of the last story seen.
    pub id: i64,
}

impl Cursor {
    /// A story's position key in the listing: its latest publication day (days of the common
    /// era, at least 1), 0 when undated; never negative, as the cursor's text form needs.
    pub(crate) fn day_key(day: Option<NaiveDate>) -> i64 {
        day.map_or(0, |d| i64::from(d.num_days_from_ce()).max(1))
    }

    /// The day this cursor's key stands for (`None`: undated); a key no day has is a bad cursor.
    pub(crate) fn day(&self) -> Result<Option<NaiveDate>, StoreError> {
        if self.seq == 0 {
            return Ok(None);
        }
        i32::try_from(self.seq)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .map(Some)
            .ok_or_else(|| StoreError::BadCursor(self.seq.to_string()))
    }
}

impl fmt::Display for Cursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.seq, self.id)
    }
}

impl FromStr for Cursor {
    type Err = StoreError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || StoreError::BadCursor(s.chars().take(64).collect());
        let (seq, id) = s.split_once('-').ok_or_else(bad)?;
        Ok(Self {
            seq: seq.parse().map_err(|_| bad())?,
            id: id.parse().map_err(|_| bad())?,
        })
    }
}

/// Which stories to list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryQuery {
    /// Only stories with an article published on or after this day.
    pub since: Option<NaiveDate>,
    /// At most this many.
    pub limit: usize,
    /// Continue after this position.
    pub cursor: Option<Cursor>,
}

impl Default for StoryQuery {
    fn default() -> Self {
        Self {
            since: None,
            limit: 50,
            cursor: None,
        }
    }
}

/// A page of stories, newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryPage {
    /// The stories.
    pub stories: Vec<StorySummary>,
    /// Where the next page starts, if there is one.
    pub next: Option<Cursor>,
}

/// A story's brief as cached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedBrief {
    /// The story version it was made for.
    pub version: i64,
    /// The brief as JSON v1, with the story's `"id"` added.
    pub json: String,
}

/// What the cache holds for a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BriefState {
    /// A brief made for the story's current version.
    Current(CachedBrief),
    /// No brief for the current version; an older one if there is one.
    Stale(Option<CachedBrief>),
}

/// A full-text search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// What the user typed; any text is accepted.
    pub text: String,
    /// Only articles of this outlet (case-insensitive).
    pub outlet: Option<String>,
    /// Only articles published on or after this day.
    pub since: Option<NaiveDate>,
    /// At most this many hits.
    pub limit: usize,
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The article's store id.
    pub article: i64,
    /// Its story, if grouped.
    pub story: Option<i64>,
    /// Its headline.
    pub title: Option<String>,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its publication date.
    pub published: Option<NaiveDate>,
    /// The best-matching passage.
    pub snippet: Snippet,
}

/// A passage with the matched words marked by [`Snippet::OPEN`] and [`Snippet::CLOSE`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet(pub String);

impl Snippet {
    /// Marks the start of a matched word.
    pub const OPEN: char = '\u{2}';
    /// Marks the end of a matched word.
    pub const CLOSE: char = '\u{3}';

    /// The passage with no marks.
    pub fn plain(&self) -> String {
        self.0
            .chars()
            .filter(|c| *c != Self::OPEN && *c != Self::CLOSE)
            .collect()
    }

    /// The passage with each match wrapped in `open` and `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.0.len() + 16);
        for c in self.0.chars() {
            match c {
                Self::OPEN => out.push_str(open),
                Self::CLOSE => out.push_str(close),
                c => out.push(c),
            }
        }
        out
    }

    /// The passage as safe HTML: every character escaped, matches in `<mark>`.
    pub fn to_html(&self) -> String {
        let mut out = String::with_capacity(self.0.len() + 16);
        for c in self.0.chars() {
            match c {
                Self::OPEN => out.push_str("<mark>"),
                Self::CLOSE => out.push_str("</mark>"),
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
        out
    }
}

/// How much the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Articles stored.
    pub articles: u64,
    /// Stories.
    pub stories: u64,
}

/// A brief as the store keeps it: JSON with `"id": story` as its first field. JSON escapes a NUL,
/// so the text is safe for PostgreSQL too.
pub(crate) fn stored_brief_json(
    story: i64,
    brief: &parallax_core::Brief,
) -> Result<String, StoreError> {
    let json = serde_json::to_string(brief).map_err(|e| StoreError::Corrupt {
        what: "brief to store",
        message: format!("story {story}: {e}"),
    })?;
    match json.strip_prefix('{') {
        Some(rest) if rest.trim_start().starts_with('}') => Ok(format!("{{\"id\":{story}}}")),
        Some(rest) => Ok(format!("{{\"id\":{story},{rest}")),
        None => Err(StoreError::Corrupt {
            what: "brief to store",
            message: format!("story {story}: not an object"),
        }),
    }
}

/// An article as the store keeps it: its JSON, and its URL trimmed (`None` when blank), the key
/// that a second copy of it is known by.
pub(crate) fn stored_article(article: &Article) -> Result<(String, Option<&str>), StoreError> {
    let json = serde_json::to_string(article).map_err(|e| StoreError::Corrupt {
        what: "article to store",
        message: e.to_string(),
    })?;
    let url = article
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    Ok((json, url))
}
