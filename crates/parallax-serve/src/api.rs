//! The JSON API handlers.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::NaiveDate;
use http_body_util::{BodyExt, Limited};
use parallax_core::Article;
use parallax_store::{regroup, BriefState, Cursor, Hit, SearchQuery, StoryQuery, StorySummary};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use utoipa::ToSchema;

use crate::cache::Encoded;
use crate::error::ApiError;
use crate::state::AppState;

/// Runs store work on the blocking pool, at most `Options::readers` at a time (more would only
/// make the cores switch between them, and each needs its own connection).
async fn blocking<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let _permit = state
        .permits
        .acquire()
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
}

fn json_bytes(body: Bytes) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

fn parse_date(name: &str, value: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v
            .get(..10)
            .and_then(|d| d.parse::<NaiveDate>().ok())
            .map(Some)
            .ok_or_else(|| {
                ApiError::BadRequest(format!(
                    "{name}: expected a date YYYY-MM-DD, got {:?}",
                    clip(v)
                ))
            }),
    }
}

fn parse_limit(value: Option<&str>, default: usize, max: usize) -> Result<usize, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| *n > 0)
            .map(|n| n.min(max))
            .ok_or_else(|| {
                ApiError::BadRequest(format!(
                    "limit: expected a positive number, got {:?}",
                    clip(v)
                ))
            }),
    }
}

/// User text echoed in messages, cut short.
fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

fn id_of(kind: &str, raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .map_err(|_| ApiError::NotFound(format!("no {kind} {:?}", clip(raw))))
}

/// Query parameters of `GET /api/stories`.
#[derive(Debug, Deserialize)]
pub struct StoriesParams {
    since: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

/// One story as listed.
#[derive(Serialize, ToSchema)]
pub struct StoryItem {
    /// The story's id.
    id: i64,
    /// Its headline.
    title: String,
    /// How many articles it holds.
    articles: usize,
    /// The outlets that report it, sorted.
    outlets: Vec<String>,
    /// The earliest publication date of its articles.
    first_published: Option<NaiveDate>,
    /// The latest publication date of its articles.
    last_published: Option<NaiveDate>,
    /// When its members last changed (RFC 3339, UTC).
    updated: String,
}

impl From<&StorySummary> for StoryItem {
    fn from(s: &StorySummary) -> Self {
        Self {
            id: s.id,
            title: s.title.clone(),
            articles: s.articles,
            outlets: s.outlets.clone(),
            first_published: s.first_published,
            last_published: s.last_published,
            updated: s.updated.clone(),
        }
    }
}

/// The answer of `GET /api/stories`.
#[derive(Serialize, ToSchema)]
pub struct StoriesBody {
    /// Stories by latest publication, newest first, undated last.
    stories: Vec<StoryItem>,
    /// The cursor of the next page, or null on the last.
    next: Option<String>,
}

/// `GET /api/stories`
#[utoipa::path(get, path = "/api/stories", tag = "stories",
    summary = "Stories by latest publication, newest first, undated last, a page at a time",
    params(
        ("since" = Option<NaiveDate>, Query, description = "Only stories with an article published on or after this day"),
        ("limit" = Option<usize>, Query, description = "Stories per page, 1 to 500 (default 50)"),
        ("cursor" = Option<String>, Query, description = "The `next` of the previous page"),
    ),
    responses(
        (status = 200, description = "A page of stories", body = StoriesBody),
        (status = 400, description = "A malformed parameter", body = ErrorBody),
    ))]
pub async fn stories(
    State(state): State<AppState>,
    params: Result<Query<StoriesParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let query = StoryQuery {
        since: parse_date("since", params.since.as_deref())?,
        limit: parse_limit(params.limit.as_deref(), 50, 500)?,
        cursor: match params
            .cursor
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            None => None,
            Some(c) => Some(c.parse::<Cursor>()?),
        },
    };
    let page = blocking(&state.clone(), move || {
        Ok(state.readers.get()?.stories(&query)?)
    })
    .await?;
    Ok(Json(StoriesBody {
        stories: page.stories.iter().map(StoryItem::from).collect(),
        next: page.next.map(|c| c.to_string()),
    })
    .into_response())
}

/// The validator of a story's brief: its id and version, and this server's version (another
/// build may brief the same members differently). Weak, as compression changes the bytes.
fn etag(id: i64, version: i64) -> HeaderValue {
    let tag = format!("W/\"{id}-{version}-{}\"", env!("CARGO_PKG_VERSION"));
    HeaderValue::from_str(&tag).unwrap_or_else(|_| HeaderValue::from_static("W/\"0\""))
}

/// Whether `If-None-Match` names `tag` (weak comparison, as RFC 9110 asks for this header).
fn matches_etag(headers: &HeaderMap, tag: &HeaderValue) -> bool {
    let strip = |t: &str| t.trim().trim_start_matches("W/").to_string();
    let ours = strip(tag.to_str().unwrap_or_default());
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim() == "*" || strip(t) == ours)
}

/// Browsers and proxies may keep a brief but must ask each time whether it changed; the ETag
/// makes that question cheap (a 304 without a body).
const REVALIDATE: HeaderValue = HeaderValue::from_static("no-cache");

/// `GET /api/stories/{id}`: the story's brief, JSON v1, with `"id"`.
#[utoipa::path(get, path = "/api/stories/{id}", tag = "stories",
    summary = "A story's brief (JSON `parallax/brief/v1`, see docs/brief-json.md) with its `id`",
    params(
        ("id" = i64, Path, description = "The story's id"),
        ("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer"),
    ),
    responses(
        (status = 200, description = "The brief; `ETag` names its version",
            body = Object, content_type = "application/json",
            headers(("ETag" = String, description = "Changes when the story's articles change"),
                    ("Cache-Control" = String, description = "`no-cache`: revalidate with the ETag"))),
        (status = 304, description = "The brief has not changed since the ETag given"),
        (status = 404, description = "No such story", body = ErrorBody),
    ))]
pub async fn story(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id = id_of("story", &raw)?;
    // Read before the store is: a brief read before a change announced meanwhile is not kept.
    let epoch = state.briefs.epoch();
    let version = match &state.invalidation {
        // SQLite: the version check is one indexed read of a few microseconds: done here, it
        // costs less than handing the request to a blocking thread and back.
        None => state.readers.get()?.story_version(id)?,
        // PostgreSQL: a brief held is current until a notification drops it; without one the
        // store is asked, on the blocking pool (its client blocks).
        Some(invalidation) => match state
            .briefs
            .version_of(id)
            .filter(|_| invalidation.trusted())
        {
            Some(version) => Some(version),
            None => {
                let shared = state.clone();
                blocking(&state, move || {
                    Ok(shared.readers.get()?.story_version(id)?)
                })
                .await?
            }
        },
    };
    let Some(version) = version else {
        return Err(ApiError::NotFound(format!("no story {id}")));
    };
    let tag = etag(id, version);
    if matches_etag(&headers, &tag) {
        let headers = [(header::ETAG, tag), (header::CACHE_CONTROL, REVALIDATE)];
        return Ok((StatusCode::NOT_MODIFIED, headers).into_response());
    }
    let gzip = accepts_gzip(&headers);
    if let Some(body) = state.briefs.get(id, version) {
        return Ok(versioned(body, tag, gzip));
    }
    let shared = state.clone();
    let (version, body) = blocking(&state, move || {
        let (version, json) = current_or_fresh(&shared, id)?;
        Ok((version, Encoded::new(Bytes::from(public_brief(json)))))
    })
    .await?;
    match version {
        Some(version) => {
            if state.invalidation.is_some() {
                state
                    .briefs
                    .put_unless_invalidated(epoch, id, version, body.clone());
            } else {
                state.briefs.put(id, version, body.clone());
            }
            Ok(versioned(body, etag(id, version), gzip))
        }
        // An older brief served because a fresh one could not be made: not to be kept.
        None => Ok(json_bytes(body.plain)),
    }
}

/// The story's brief, made again first when its members changed since it was made; the version
/// it was made for, `None` for an older brief served because a fresh one could not be made.
fn current_or_fresh(state: &AppState, id: i64) -> Result<(Option<i64>, String), ApiError> {
    let stale = match state.readers.get()?.current_brief(id)? {
        None => return Err(ApiError::NotFound(format!("no story {id}"))),
        Some(BriefState::Current(cached)) => return Ok((Some(cached.version), cached.json)),
        Some(BriefState::Stale(stale)) => stale,
    };
    // Missing or made for an older version: make it now, under the write lock. Should that
    // fail (another process holding the database too long), an older brief beats none.
    let mut writer = state.write_lock();
    match (
        regroup::refresh_brief(&mut **writer, state.stages.as_ref(), id),
        stale,
    ) {
        (Ok(Some(brief)), _) => Ok((Some(brief.version), brief.json)),
        (Ok(None), _) => Err(ApiError::NotFound(format!("no story {id}"))),
        (Err(_), Some(stale)) => Ok((None, stale.json)),
        (Err(e), None) => Err(e.into()),
    }
}

/// Whether the client takes gzip (`Accept-Encoding`, a `q` of 0 meaning no).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .is_some_and(|q| q.parse::<f32>().is_ok_and(|q| q <= 0.0))
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

/// A brief with its validator, gzipped when the client takes it (the compression layer leaves
/// an answer with a `Content-Encoding` alone).
fn versioned(body: Encoded, tag: HeaderValue, gzip: bool) -> Response {
    let mut response = if gzip && !body.gzip.is_empty() {
        let mut response = json_bytes(body.gzip);
        response
            .headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        response
    } else {
        json_bytes(body.plain)
    };
    let headers = response.headers_mut();
    headers.insert(header::ETAG, tag);
    headers.insert(header::CACHE_CONTROL, REVALIDATE);
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// Where an article came from, as the web may see it: a URL as is, a file by its name only
/// (a path on the server's disk is nobody's business).
pub fn public_source(source: &str) -> &str {
    let lower = source.get(..8).unwrap_or(source).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return source;
    }
    source
        .rsplit(['/', '\\'])
        .find(|part| !part.is_empty())
        .unwrap_or(source)
}

/// The brief as stored, with each article's `source` made public ([`public_source`]). Done once
/// per brief version, before it is cached.
fn public_brief(json: String) -> String {
    let Ok(mut value) = serde_json::from_str::<Value>(&json) else {
        return json;
    };
    let Some(articles) = value.get_mut("articles").and_then(Value::as_array_mut) else {
        return json;
    };
    for article in articles {
        if let Some(Value::String(source)) = article.get_mut("source") {
            let public = public_source(source);
            if public.len() != source.len() {
                *source = public.to_string();
            }
        }
    }
    serde_json::to_string(&value).unwrap_or(json)
}

/// `GET /api/articles/{id}`: the article as `extract` gives it, with its `"story"`.
#[utoipa::path(get, path = "/api/articles/{id}", tag = "articles",
    summary = "One article as extracted (clean text and metadata) with its story's id",
    params(("id" = i64, Path, description = "The article's id")),
    responses(
        (status = 200, description = "The article, with `story` (a story id, or null before grouping)",
            body = Object, content_type = "application/json"),
        (status = 404, description = "No such article", body = ErrorBody),
    ))]
pub async fn article(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let id = id_of("article", &raw)?;
    let stored = blocking(&state.clone(), move || {
        Ok(state.readers.get()?.article(id)?)
    })
    .await?;
    let mut stored = stored.ok_or_else(|| ApiError::NotFound(format!("no article {id}")))?;
    stored.article.source = public_source(&stored.article.source).to_string();
    let mut value =
        serde_json::to_value(&stored.article).map_err(|e| ApiError::Internal(e.to_string()))?;
    if let Value::Object(map) = &mut value {
        map.insert("story".into(), json!(stored.story));
    }
    Ok(Json(value).into_response())
}

/// Query parameters of `GET /api/search`.
#[derive(Debug, Deserialize)]
pub struct SearchParams {
    q: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
    outlet: Option<String>,
    since: Option<String>,
    until: Option<String>,
}

/// The longest search text accepted; the store keeps at most 32 of its words anyway.
const MAX_QUERY_BYTES: usize = 2_000;

/// How many hits one search ranks at most: totals and pages stop there (`total_exact` says so).
const MAX_RANKED: usize = 200;

/// `GET /api/search`: hits best first; `snippet` is HTML-escaped text with matches in `<mark>`.
#[utoipa::path(get, path = "/api/search", tag = "search",
    summary = "Articles matching words, best first, a page at a time",
    params(
        ("q" = String, Query, description = "Words (required); \"a phrase\" in quotes, word* for a prefix"),
        ("limit" = Option<usize>, Query, description = "Hits per page, 1 to 100 (default 20)"),
        ("offset" = Option<usize>, Query, description = "How many hits to skip (default 0)"),
        ("outlet" = Option<String>, Query, description = "Only articles of this outlet (any case)"),
        ("since" = Option<NaiveDate>, Query, description = "Only articles published on or after this day"),
        ("until" = Option<NaiveDate>, Query, description = "Only articles published on or before this day"),
    ),
    responses(
        (status = 200, description = "A page of hits", body = HitsBody),
        (status = 400, description = "No `q`, or a malformed parameter", body = ErrorBody),
    ))]
pub async fn search(
    State(state): State<AppState>,
    params: Result<Query<SearchParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let text = params.q.unwrap_or_default();
    if text.trim().is_empty() {
        return Err(ApiError::BadRequest(
            "q: the words to search for are required".into(),
        ));
    }
    if text.len() > MAX_QUERY_BYTES {
        return Err(ApiError::BadRequest(format!(
            "q: at most {MAX_QUERY_BYTES} bytes"
        )));
    }
    let limit = parse_limit(params.limit.as_deref(), 20, 100)?;
    let offset = parse_offset(params.offset.as_deref())?;
    let until = parse_date("until", params.until.as_deref())?;
    let query = SearchQuery {
        text,
        outlet: params.outlet.filter(|o| !o.trim().is_empty()),
        since: parse_date("since", params.since.as_deref())?,
        limit: MAX_RANKED,
    };
    let body = blocking(&state.clone(), move || {
        let store = state.readers.get()?;
        let ranked = store.search(&query)?;
        let total_exact = ranked.len() < MAX_RANKED;
        let ranked: Vec<Hit> = ranked
            .into_iter()
            .filter(|h| until.is_none_or(|u| h.published.is_some_and(|p| p <= u)))
            .collect();
        let total = ranked.len();
        let mut titles: HashMap<i64, Option<String>> = HashMap::new();
        let mut hits = Vec::new();
        for h in ranked.into_iter().skip(offset).take(limit) {
            let story_title = match h.story {
                Some(story) => match titles.get(&story) {
                    Some(title) => title.clone(),
                    None => {
                        let title = store.story(story)?.map(|s| s.title);
                        titles.insert(story, title.clone());
                        title
                    }
                },
                None => None,
            };
            hits.push(HitBody {
                article: h.article,
                story: h.story,
                story_title,
                snippet: h.snippet.to_html(),
                title: h.title,
                outlet: h.outlet,
                published: h.published,
            });
        }
        let next = offset
            .checked_add(hits.len())
            .filter(|n| *n < total && !hits.is_empty());
        Ok(HitsBody {
            hits,
            total,
            total_exact,
            offset,
            limit,
            next,
        })
    })
    .await?;
    Ok(Json(body).into_response())
}

fn parse_offset(value: Option<&str>) -> Result<usize, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(0),
        Some(v) => v.parse::<usize>().map_err(|_| {
            ApiError::BadRequest(format!(
                "offset: expected a number of hits to skip, got {:?}",
                clip(v)
            ))
        }),
    }
}

/// The answer of `GET /api/search`.
#[derive(Serialize, ToSchema)]
pub struct HitsBody {
    /// This page's hits, best first.
    hits: Vec<HitBody>,
    /// How many hits there are in all (at most 200 are ranked).
    total: usize,
    /// False when the ranking stopped at its cap and there may be more.
    total_exact: bool,
    /// How many hits come before this page.
    offset: usize,
    /// The page size asked for.
    limit: usize,
    /// The `offset` of the next page, or null on the last.
    next: Option<usize>,
}

/// One search hit as the API gives it.
#[derive(Serialize, ToSchema)]
pub struct HitBody {
    /// The article's id.
    article: i64,
    /// Its story's id, or null before grouping.
    story: Option<i64>,
    /// Its story's headline.
    story_title: Option<String>,
    /// The article's headline.
    title: Option<String>,
    /// Its outlet.
    outlet: Option<String>,
    /// Its publication date.
    published: Option<NaiveDate>,
    /// A passage around the match: HTML-escaped text, matches in `<mark>`.
    snippet: String,
}

/// The answer of `GET /healthz`.
#[derive(Serialize, ToSchema)]
pub struct Health {
    /// Always `ok`.
    status: &'static str,
    /// Articles stored.
    articles: u64,
    /// Stories stored.
    stories: u64,
}

/// The answer of `POST /api/articles`.
#[derive(Serialize, ToSchema)]
pub struct Posted {
    /// How many articles were new.
    added: usize,
    /// How many were already stored.
    duplicates: usize,
    /// The records that could not be used.
    failed: Vec<FailedRecord>,
}

/// A posted record that could not be used.
#[derive(Serialize, ToSchema)]
pub struct FailedRecord {
    /// Its position in the body, from 0.
    index: usize,
    /// Why.
    message: String,
}

/// Every error answer.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    /// The error.
    error: ErrorDetail,
}

/// What went wrong.
#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// A stable code: bad_request, not_found, unauthorized, ...
    code: String,
    /// A message for people.
    message: String,
}

/// `GET /healthz`
#[utoipa::path(get, path = "/healthz", tag = "server",
    summary = "Whether the server can read its store, with its counts",
    responses((status = 200, description = "Up", body = Health)))]
pub async fn healthz(State(state): State<AppState>) -> Result<Response, ApiError> {
    let counts = blocking(&state.clone(), move || Ok(state.readers.get()?.counts()?)).await?;
    Ok(Json(Health {
        status: "ok",
        articles: counts.articles,
        stories: counts.stories,
    })
    .into_response())
}

/// Checks the bearer token of a write.
fn authorize(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    if !state.writes {
        return Err(ApiError::Forbidden);
    }
    let Some(token) = &state.token else {
        return Ok(());
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(given) if constant_time_eq(given.as_bytes(), token.as_bytes()) => Ok(()),
        _ => Err(ApiError::Unauthorized),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `POST /api/articles`: one JSON object, or JSON Lines, in the `extract` input shape.
#[utoipa::path(post, path = "/api/articles", tag = "articles",
    summary = "Adds articles (one JSON object, or JSON Lines) and regroups the stories they touch",
    request_body(content = Object, content_type = "application/json",
        description = "`{\"title\", \"text\", \"outlet\", \"published\", \"url\", ...}` as `parallax extract` reads it, or one such object a line"),
    responses(
        (status = 201, description = "Stored; some records may have failed", body = Posted),
        (status = 400, description = "Malformed JSON, or an empty body", body = ErrorBody),
        (status = 401, description = "A missing or wrong bearer token", body = ErrorBody),
        (status = 403, description = "Writes are disabled, or a request from a foreign page", body = ErrorBody),
        (status = 413, description = "The body is over the limit", body = ErrorBody),
        (status = 415, description = "Not declared as JSON", body = ErrorBody),
        (status = 422, description = "No record could be used", body = ErrorBody),
    ),
    security(("bearer" = [])))]
pub async fn post_articles(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    authorize(&state, &headers)?;
    let limit = state.body_limit;
    let stages = Arc::clone(&state.stages);
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(ApiError::TooLarge { limit });
    }
    let bytes = match Limited::new(body, limit).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => {
            return Err(ApiError::TooLarge { limit })
        }
        Err(e) => {
            return Err(ApiError::BadRequest(format!(
                "could not read the body: {e}"
            )))
        }
    };
    // Reading records runs `extract`, which is CPU work: keep it off the async threads too.
    let (articles, failed) = blocking(&state, move || {
        let text = std::str::from_utf8(&bytes)
            .map_err(|e| ApiError::BadRequest(format!("the body is not UTF-8: {e}")))?;
        let mut articles: Vec<Article> = Vec::new();
        let mut failed: Vec<FailedRecord> = Vec::new();
        for (index, record) in parse_records(text)? {
            let source = format!("request:{}", index + 1);
            match record.and_then(|r| stages.read_record(&source, r).map_err(|e| e.to_string())) {
                Ok(article) => articles.push(article),
                Err(message) => failed.push(FailedRecord { index, message }),
            }
        }
        Ok((articles, failed))
    })
    .await?;
    if articles.is_empty() {
        let first = failed
            .first()
            .map_or("no records", |f| f.message.as_str())
            .to_string();
        return Err(ApiError::Unprocessable(format!(
            "no usable record: {first}"
        )));
    }
    let report = blocking(&state.clone(), move || {
        let mut writer = state.write_lock();
        Ok(regroup::ingest(
            &mut **writer,
            state.stages.as_ref(),
            &articles,
        )?)
    })
    .await?;
    let posted = Posted {
        added: report.added.len(),
        duplicates: report.duplicates,
        failed,
    };
    Ok((StatusCode::CREATED, Json(posted)).into_response())
}

/// One posted record, or why it is unusable.
type Record = Result<Map<String, Value>, String>;

/// The records of a body: one JSON object, or one per line. A line that is not a JSON object is a
/// failed record; a body in which nothing parses is malformed.
fn parse_records(text: &str) -> Result<Vec<(usize, Record)>, ApiError> {
    if text.trim().is_empty() {
        return Err(ApiError::BadRequest("the body is empty".into()));
    }
    if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) {
        return Ok(vec![(0, Ok(map))]);
    }
    let mut records = Vec::new();
    let mut parsed_any = false;
    let mut first_error = None;
    for (index, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let record = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(map)) => {
                parsed_any = true;
                Ok(map)
            }
            Ok(_) => {
                parsed_any = true;
                Err("a record must be a JSON object".to_string())
            }
            Err(e) => {
                first_error.get_or_insert_with(|| format!("line {}: {e}", index + 1));
                Err(format!("malformed JSON: {e}"))
            }
        };
        records.push((index, record));
    }
    if !parsed_any {
        let detail = first_error.unwrap_or_default();
        return Err(ApiError::BadRequest(format!("malformed JSON: {detail}")));
    }
    Ok(records)
}

/// Any path nothing else serves.
pub async fn not_found() -> ApiError {
    ApiError::NotFound("no such page".into())
}

/// A method a path does not serve.
pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
