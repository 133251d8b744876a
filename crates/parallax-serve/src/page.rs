//! The web page: one HTML shell, a script and a style sheet, embedded in the binary.
//!
//! The server sends no article text inside HTML: the script fetches JSON and builds the page with
//! DOM text nodes, so nothing an article says can become markup.

use axum::extract::Path;
use axum::http::{header, HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

const INDEX: &str = include_str!("../assets/index.html");
const SCRIPT: &str = include_str!("../assets/app.js");
const STYLE: &str = include_str!("../assets/style.css");

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
                   img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// `GET /`: the story list.
#[utoipa::path(get, path = "/", tag = "page", operation_id = "page_home", summary = "The web page: stories",
    params(("cursor" = Option<String>, Query, description = "A page of the list")),
    responses((status = 200, description = "The page", content_type = "text/html")))]
pub async fn home() -> Response {
    shell()
}

/// `GET /search`: the search page.
#[utoipa::path(get, path = "/search", tag = "page", operation_id = "page_search", summary = "The web page: search",
    params(("q" = Option<String>, Query, description = "The words searched for")),
    responses((status = 200, description = "The page", content_type = "text/html")))]
pub async fn search() -> Response {
    shell()
}

/// `GET /assets/app.js`
#[utoipa::path(get, path = "/assets/app.js", tag = "page", summary = "The page's script",
    responses((status = 200, description = "The script", content_type = "text/javascript")))]
pub async fn script() -> Response {
    asset(SCRIPT, "text/javascript; charset=utf-8")
}

/// `GET /assets/style.css`
#[utoipa::path(get, path = "/assets/style.css", tag = "page", summary = "The page's style sheet",
    responses((status = 200, description = "The style sheet", content_type = "text/css")))]
pub async fn style() -> Response {
    asset(STYLE, "text/css; charset=utf-8")
}

fn shell() -> Response {
    let headers: [(HeaderName, HeaderValue); 4] = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        ),
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
    ];
    (headers, INDEX).into_response()
}

/// `GET /story/{id}`: a story.
#[utoipa::path(get, path = "/story/{id}", tag = "page", operation_id = "page_story", summary = "The web page: one story",
    params(("id" = i64, Path, description = "The story's id")),
    responses((status = 200, description = "The page", content_type = "text/html"),
              (status = 404, description = "Not a story id", body = crate::api::ErrorBody)))]
pub async fn story(Path(id): Path<String>) -> Response {
    if !id.is_empty() && id.len() <= 18 && id.bytes().all(|b| b.is_ascii_digit()) {
        shell()
    } else {
        ApiError::NotFound("no such page".into()).into_response()
    }
}

fn asset(body: &'static str, kind: &'static str) -> Response {
    let headers: [(HeaderName, HeaderValue); 3] = [
        (header::CONTENT_TYPE, HeaderValue::from_static(kind)),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
    ];
    (headers, body).into_response()
}
