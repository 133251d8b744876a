//! The JSON API handlers.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::NaiveDate;
use http_body_util::{BodyExt, Limited};
use parallax_core::Article;
use parallax_store::{regroup, BriefState, Cursor, SearchQuery, Store, StoryQuery, StorySummary};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

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

/// `GET /api/stories`
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
    let next = page.next.map(|c| c.to_string());
    Ok(Json(StoriesBody {
        stories: &page.stories,
        next,
    })
    .into_response())
}

/// `GET /api/stories/{id}`: the story's brief, JSON v1, with `"id"`.
pub async fn story(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let id = id_of("story", &raw)?;
    // The version check is one indexed read of a few microseconds: done here, it costs less than
    // handing the request to a blocking thread and back.
    let version = state.readers.get()?.story_version(id)?;
    let Some(version) = version else {
        return Err(ApiError::NotFound(format!("no story {id}")));
    };
    if let Some(body) = state.briefs.get(id, version) {
        return Ok(json_bytes(body));
    }
    let shared = state.clone();
    let (version, json) = blocking(&state, move || {
        let state = shared;
        let stale = match state.readers.get()?.current_brief(id)? {
            None => return Err(ApiError::NotFound(format!("no story {id}"))),
            Some(BriefState::Current(cached)) => return Ok((Some(cached.version), cached.json)),
            Some(BriefState::Stale(stale)) => stale,
        };
        // Missing or made for an older version: make it now, under the write lock. Should that
        // fail (another process holding the database too long), an older brief beats none.
        let mut writer = state.write_lock();
        match (
            regroup::refresh_brief(&mut *writer, state.stages.as_ref(), id),
            stale,
        ) {
            (Ok(Some(brief)), _) => Ok((Some(brief.version), brief.json)),
            (Ok(None), _) => Err(ApiError::NotFound(format!("no story {id}"))),
            (Err(_), Some(stale)) => Ok((None, stale.json)),
            (Err(e), None) => Err(e.into()),
        }
    })
    .await?;
    let body = Bytes::from(json);
    if let Some(version) = version {
        state.briefs.put(id, version, body.clone());
    }
    Ok(json_bytes(body))
}

/// `GET /api/articles/{id}`: the article as `extract` gives it, with its `"story"`.
pub async fn article(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let id = id_of("article", &raw)?;
    let stored = blocking(&state.clone(), move || {
        Ok(state.readers.get()?.article(id)?)
    })
    .await?;
    let stored = stored.ok_or_else(|| ApiError::NotFound(format!("no article {id}")))?;
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
    outlet: Option<String>,
    since: Option<String>,
}

/// The longest search text accepted; the store keeps at most 32 of its words anyway.
const MAX_QUERY_BYTES: usize = 2_000;

/// `GET /api/search`: hits best first; `snippet` is HTML-escaped text with matches in `<mark>`.
pub async fn search(
    State(state): State<AppState>,
    params: Result<Query<SearchParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let text = params.q.unwrap_or_default();
    if text.len() > MAX_QUERY_BYTES {
        return Err(ApiError::BadRequest(format!(
            "q: at most {MAX_QUERY_BYTES} bytes"
        )));
    }
    let query = SearchQuery {
        text,
        outlet: params.outlet.filter(|o| !o.trim().is_empty()),
        since: parse_date("since", params.since.as_deref())?,
        limit: parse_limit(params.limit.as_deref(), 20, 200)?,
    };
    let hits = blocking(&state.clone(), move || {
        Ok(state.readers.get()?.search(&query)?)
    })
    .await?;
    let hits: Vec<HitBody> = hits
        .into_iter()
        .map(|h| HitBody {
            article: h.article.to_string(),
            story: h.story,
            snippet: h.snippet.to_html(),
            title: h.title,
            outlet: h.outlet,
            published: h.published,
        })
        .collect();
    Ok(Json(HitsBody { hits }).into_response())
}

/// The answer of `GET /api/stories`.
#[derive(Serialize)]
struct StoriesBody<'a> {
    stories: &'a [StorySummary],
    next: Option<String>,
}

/// The answer of `GET /api/search`.
#[derive(Serialize)]
struct HitsBody {
    hits: Vec<HitBody>,
}

/// One search hit as the API gives it.
#[derive(Serialize)]
struct HitBody {
    article: String,
    story: Option<i64>,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<NaiveDate>,
    snippet: String,
}

/// `GET /healthz`
pub async fn healthz(State(state): State<AppState>) -> Result<Response, ApiError> {
    let counts = blocking(&state.clone(), move || Ok(state.readers.get()?.counts()?)).await?;
    Ok(
        Json(json!({ "status": "ok", "articles": counts.articles, "stories": counts.stories }))
            .into_response(),
    )
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
        let mut failed: Vec<Value> = Vec::new();
        for (index, record) in parse_records(text)? {
            let source = format!("request:{}", index + 1);
            match record.and_then(|r| stages.read_record(&source, r).map_err(|e| e.to_string())) {
                Ok(article) => articles.push(article),
                Err(message) => failed.push(json!({ "index": index, "message": message })),
            }
        }
        Ok((articles, failed))
    })
    .await?;
    if articles.is_empty() {
        let first = failed
            .first()
            .and_then(|f| f["message"].as_str())
            .unwrap_or("no records")
            .to_string();
        return Err(ApiError::Unprocessable(format!(
            "no usable record: {first}"
        )));
    }
    let report = blocking(&state.clone(), move || {
        let mut writer = state.write_lock();
        Ok(regroup::ingest(
            &mut *writer,
            state.stages.as_ref(),
            &articles,
        )?)
    })
    .await?;
    Ok(Json(
        json!({ "added": report.added.len(), "duplicates": report.duplicates, "failed": failed }),
    )
    .into_response())
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
