//! The HTTP server: a JSON API and a web page over a Parallax store.
//!
//! [`router`] builds the whole application as an axum `Router`, which tests drive directly with
//! `tower::ServiceExt::oneshot`; [`serve`] binds it to an address. Store work runs on tokio's
//! blocking pool with one connection per task (SQLite: WAL lets reads go on during a write;
//! PostgreSQL: its synchronous client must never block an async thread); all writes go through one
//! connection behind a mutex. Errors reach clients only as
//! `{"error": {"code", "message"}}`, built in one place ([`ApiError`]).
//!
//! The routes are one table ([`ROUTES`] and `route_table`), from which the router is built; the
//! OpenAPI document (`GET /api/openapi.json`, [`openapi`]) describes each, and a test holds the
//! two to each other. `docs/api.md` is the guide for people. Answers are compressed (gzip or br)
//! when the client accepts it; a brief carries an `ETag` from its story's version.

mod api;
mod cache;
mod error;
mod guard;
mod invalidate;
mod listen;
mod openapi;
mod page;
mod pool;
mod stages;
mod state;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use parallax_store::{is_postgres_url, without_password};
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::compression::CompressionLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};

pub use api::public_source;
pub use error::{ApiError, ServeError};
pub use listen::{serve_listener, MAX_CONNECTION_LIFE};
pub use stages::{plain_article, PlainStages, RecordError, Stages};

use pool::Pool;
use state::AppState;

/// How the server behaves.
#[derive(Debug, Clone)]
pub struct Options {
    /// The bearer token writes need; `None` lets anyone write (allowed only on loopback).
    pub token: Option<String>,
    /// Whether `POST /api/articles` is served at all.
    pub writes: bool,
    /// The largest request body accepted, in bytes.
    pub body_limit: usize,
    /// The longest a request may take.
    pub timeout: Duration,
    /// How many bytes of encoded briefs to keep in memory.
    pub cache_bytes: usize,
    /// How many requests may do store work at once; as many read connections are kept open.
    pub readers: usize,
    /// The longest a client may take to send a request's headers, or to start the next request
    /// on a kept-alive connection.
    pub header_timeout: Duration,
    /// The most connections open at once.
    pub max_connections: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            token: None,
            writes: true,
            body_limit: 16 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            readers: 8,
            cache_bytes: 64 * 1024 * 1024,
            header_timeout: Duration::from_secs(10),
            // Well under the usual 1,024 open files, leaving room for the database's.
            max_connections: 512,
        }
    }
}

/// Every route the server answers, as (method, path template): the OpenAPI document must
/// describe exactly these.
pub const ROUTES: [(Method, &str); 12] = [
    (Method::GET, "/api/stories"),
    (Method::GET, "/api/stories/{id}"),
    (Method::POST, "/api/articles"),
    (Method::GET, "/api/articles/{id}"),
    (Method::GET, "/api/search"),
    (Method::GET, "/api/openapi.json"),
    (Method::GET, "/healthz"),
    (Method::GET, "/"),
    (Method::GET, "/search"),
    (Method::GET, "/story/{id}"),
    (Method::GET, "/assets/app.js"),
    (Method::GET, "/assets/style.css"),
];

/// The handler of each of [`ROUTES`], in the same order.
fn route_table() -> [MethodRouter<AppState>; 12] {
    [
        get(api::stories),
        get(api::story),
        post(api::post_articles),
        get(api::article),
        get(api::search),
        get(openapi::document),
        get(api::healthz),
        get(page::home),
        get(page::search),
        get(page::story),
        get(page::script),
        get(page::style),
    ]
}

/// The OpenAPI 3.1 document of the server, as served at `GET /api/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    <openapi::ApiDoc as utoipa::OpenApi>::openapi()
}

/// The whole application over the database `db` names: a SQLite file (created if missing) or a
/// `postgres://` URL. On PostgreSQL the server keeps nothing but a cache of briefs, which a
/// listener keeps fresh (see `invalidate.rs`): any number of replicas may serve one database.
pub fn router(db: &Path, stages: Arc<dyn Stages>, options: &Options) -> Result<Router, ServeError> {
    // The PostgreSQL client must not be opened on a thread that runs async tasks.
    let writer =
        std::thread::scope(|s| s.spawn(|| parallax_store::open(db)).join()).map_err(|_| {
            ServeError::Io {
                addr: SocketAddr::from(([127, 0, 0, 1], 0)),
                error: std::io::Error::other("opening the store panicked"),
            }
        })??;
    let briefs = Arc::new(cache::BriefCache::new(options.cache_bytes));
    let invalidation = db
        .to_str()
        .filter(|d| is_postgres_url(d))
        .map(|url| invalidate::listen(url.to_string(), Arc::clone(&briefs)));
    let state = AppState {
        // Blocking tasks use at most `readers` connections; the async threads' quick version
        // lookups a few more. Keeping them all idle avoids reopening the file under load.
        readers: Arc::new(Pool::new(db.to_path_buf(), options.readers.max(1) + 8)),
        writer: Arc::new(Mutex::new(writer)),
        stages,
        token: options.token.as_deref().map(Arc::from),
        writes: options.writes,
        briefs,
        permits: Arc::new(tokio::sync::Semaphore::new(options.readers.max(1))),
        body_limit: options.body_limit,
        invalidation,
    };
    let app = ROUTES
        .iter()
        .zip(route_table())
        .fold(Router::new(), |router, ((_, path), handler)| {
            router.route(path, handler)
        })
        .with_state(state)
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(middleware::from_fn_with_state(options.timeout, time_limit));
    // Without a token the server listens on loopback only (see [`serve`]); what a web page in
    // the user's browser could send it is refused.
    let app = if options.token.is_none() {
        app.layer(middleware::from_fn(guard::loopback_only))
    } else {
        app
    };
    Ok(app
        .layer(middleware::map_response(no_sniff))
        .layer(CompressionLayer::new())
        .layer(request_log()))
}

/// The request log: one `debug` event per answer (status, latency in µs) in a span naming the
/// method and URI, and an `error` event for each server error (5xx). At the default level the
/// span and its events are off at their call site, so a request pays almost nothing for them.
fn request_log(
) -> TraceLayer<SharedClassifier<ServerErrorsAsFailures>, DefaultMakeSpan, (), DefaultOnResponse> {
    TraceLayer::new_for_http()
        .make_span_with(DefaultMakeSpan::new().level(tracing::Level::DEBUG))
        .on_request(())
        .on_response(
            DefaultOnResponse::new()
                .level(tracing::Level::DEBUG)
                .latency_unit(tower_http::LatencyUnit::Micros),
        )
}

/// Browsers must take every answer as the type it is labelled with (JSON is never run as HTML).
async fn no_sniff(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// Answers with a timeout error when a request takes longer than allowed.
async fn time_limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::Timeout.into_response(),
    }
}

/// Serves the application on `addr` until Ctrl-C. Refuses a non-loopback address without a token.
pub async fn serve(
    addr: SocketAddr,
    db: &Path,
    stages: Arc<dyn Stages>,
    options: &Options,
) -> Result<(), ServeError> {
    if options.writes && options.token.is_none() && !addr.ip().is_loopback() {
        return Err(ServeError::NoToken(addr));
    }
    let app = router(db, stages, options)?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|error| ServeError::Io { addr, error })?;
    let local = listener
        .local_addr()
        .map_err(|error| ServeError::Io { addr, error })?;
    tracing::info!("parallax: serving {} on http://{local}/", shown(db));
    serve_listener(listener, app.clone(), options, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    // Its connections close off the async threads (a PostgreSQL client blocks as it closes).
    let _ = tokio::task::spawn_blocking(move || drop(app)).await;
    Ok(())
}

/// The database as logs name it: a URL loses its password.
fn shown(db: &Path) -> String {
    match db.to_str().filter(|d| is_postgres_url(d)) {
        Some(url) => without_password(url),
        None => db.display().to_string(),
    }
}

/// [`serve`] on a runtime of its own, for callers without one.
pub fn serve_blocking(
    addr: SocketAddr,
    db: &Path,
    stages: Arc<dyn Stages>,
    options: &Options,
) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| ServeError::Io { addr, error })?;
    runtime.block_on(serve(addr, db, stages, options))
}
