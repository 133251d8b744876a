//! The OpenAPI document of the server, generated from the handlers' own annotations and served
//! at `GET /api/openapi.json`.

use std::sync::OnceLock;

use axum::body::Bytes;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::{api, page};

/// The document: every route of [`crate::router`], its parameters, answers and their shapes.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Parallax",
        description = "Stories told by many outlets, as briefs: what they agree on, who said \
                       what, where figures differ. Errors are always \
                       `{\"error\": {\"code\", \"message\"}}`. Ids of stories and articles are \
                       integers; inside a brief (JSON `parallax/brief/v1`) article ids are the \
                       same numbers written as strings, as that format has them."
    ),
    paths(
        api::stories,
        api::story,
        api::article,
        api::post_articles,
        api::search,
        api::healthz,
        document,
        page::home,
        page::search,
        page::story,
        page::script,
        page::style,
    ),
    modifiers(&BearerToken),
    tags(
        (name = "stories", description = "Stories and their briefs"),
        (name = "articles", description = "Articles as extracted; adding articles"),
        (name = "search", description = "Full-text search over articles"),
        (name = "server", description = "The server itself"),
        (name = "page", description = "The web page (HTML, script and style)"),
    )
)]
pub struct ApiDoc;

/// Writes need `Authorization: Bearer <token>` when the server was started with a token.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The document as JSON, made once.
fn json() -> Bytes {
    static JSON: OnceLock<Bytes> = OnceLock::new();
    JSON.get_or_init(|| {
        Bytes::from(
            ApiDoc::openapi()
                .to_pretty_json()
                .unwrap_or_else(|_| "{}".into()),
        )
    })
    .clone()
}

/// `GET /api/openapi.json`
#[utoipa::path(get, path = "/api/openapi.json", tag = "server",
    summary = "This document",
    responses((status = 200, description = "OpenAPI 3.1", body = Object, content_type = "application/json")))]
pub async fn document() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        json(),
    )
        .into_response()
}
