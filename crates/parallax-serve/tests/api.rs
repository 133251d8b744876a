//! The HTTP API driven through the router, no socket: status codes, error shapes, bad input.
#![allow(clippy::unwrap_used)] // Tests may unwrap: a panic there is a failed assertion.

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use parallax_core::{Article, Brief, BriefArticle, SummarySentence, BRIEF_SCHEMA};
use parallax_serve::{router, Options, PlainStages};
use parallax_store::Pipeline;
use serde_json::{json, Value};
use tower::ServiceExt;

const TOKEN: &str = "s3cret";

/// Groups by the first word of the title; a brief lists the articles, one sentence each.
struct ByFirstWord;

impl Pipeline for ByFirstWord {
    fn group(&self, articles: &[Article], _previous: &[Option<i64>]) -> Vec<Vec<usize>> {
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, a) in articles.iter().enumerate() {
            let key = a
                .title
                .as_deref()
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, g)) => g.push(i),
                None => groups.push((key, vec![i])),
            }
        }
        groups.into_iter().map(|(_, g)| g).collect()
    }

    fn brief(&self, articles: &[Article]) -> Brief {
        Brief {
            schema: BRIEF_SCHEMA.into(),
            title: articles
                .first()
                .and_then(|a| a.title.clone())
                .unwrap_or_default(),
            articles: articles.iter().map(BriefArticle::from).collect(),
            summary: articles
                .iter()
                .map(|a| SummarySentence {
                    text: a.text.clone(),
                    sources: vec![a.id.clone()],
                    original: None,
                    copies: Vec::new(),
                })
                .collect(),
            quotes: vec![],
            figures: vec![],
            exclusives: vec![],
            timeline: vec![],
            entities: vec![],
            diagnostics: vec![],
        }
    }
}

struct App {
    router: Router,
    _dir: TempDir,
}

struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn app(name: &str, options: Options) -> App {
    let dir = std::env::temp_dir().join(format!("parallax-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let router = router(
        &dir.join("t.db"),
        Arc::new(PlainStages {
            pipeline: ByFirstWord,
        }),
        &options,
    )
    .unwrap();
    App {
        router,
        _dir: TempDir(dir),
    }
}

fn with_token() -> Options {
    Options {
        token: Some(TOKEN.into()),
        ..Options::default()
    }
}

async fn send(app: &App, request: Request<Body>) -> (StatusCode, Value, String) {
    let response = app.router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let text = String::from_utf8_lossy(&bytes).to_string();
    let json = if content_type
        .as_deref()
        .is_some_and(|c| c.starts_with("application/json"))
    {
        serde_json::from_str(&text).unwrap()
    } else {
        Value::Null
    };
    (status, json, text)
}

async fn get(app: &App, uri: &str) -> (StatusCode, Value, String) {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post(app: &App, body: impl Into<Body>) -> (StatusCode, Value, String) {
    let request = Request::post("/api/articles")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.into())
        .unwrap();
    send(app, request).await
}

fn record(title: &str, text: &str, outlet: &str) -> String {
    json!({ "title": title, "text": text, "outlet": outlet, "published": "2024-05-01" }).to_string()
}

fn encode(q: &str) -> String {
    q.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn assert_error(json: &Value, code: &str) {
    assert_eq!(json["error"]["code"], code, "{json}");
    assert!(
        json["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{json}"
    );
}

#[tokio::test]
async fn writes_need_the_token() {
    let app = app("token", with_token());
    let body = record("Fire at the docks", "A fire broke out.", "Herald");
    for auth in [
        None,
        Some("Bearer wrong"),
        Some("s3cret"),
        Some("Basic s3cret"),
    ] {
        let mut request = Request::post("/api/articles");
        if let Some(auth) = auth {
            request = request.header(header::AUTHORIZATION, auth);
        }
        let (status, json, _) = send(&app, request.body(Body::from(body.clone())).unwrap()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{auth:?}");
        assert_error(&json, "unauthorized");
    }
    let (status, json, _) = post(&app, body).await;
    assert_eq!(status, StatusCode::CREATED, "{json}");
    assert_eq!(json, json!({ "added": 1, "duplicates": 0, "failed": [] }));
}

#[tokio::test]
async fn posting_lists_and_reading_back() {
    let app = app("roundtrip", with_token());
    let lines = [
        record(
            "Fire at the docks",
            "A fire broke out at the docks.",
            "Herald",
        ),
        "{not json".to_string(),
        record("Fire spreads", "The fire spread to a warehouse.", "Courier"),
        "[1, 2]".to_string(),
        json!({ "title": "No text" }).to_string(),
        record("Quake hits town", "The ground shook.", "Herald"),
    ];
    let (status, json, _) = post(&app, lines.join("\n")).await;
    assert_eq!(status, StatusCode::CREATED, "{json}");
    assert_eq!(
        (json["added"].as_u64(), json["duplicates"].as_u64()),
        (Some(3), Some(0))
    );
    let failed: Vec<u64> = json["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["index"].as_u64().unwrap())
        .collect();
    assert_eq!(failed, vec![1, 3, 4]);

    // Posting the same again: duplicates only.
    let (_, json, _) = post(&app, lines[0].clone()).await;
    assert_eq!(
        (json["added"].as_u64(), json["duplicates"].as_u64()),
        (Some(0), Some(1))
    );

    let (status, list, _) = get(&app, "/api/stories").await;
    assert_eq!(status, StatusCode::OK);
    let stories = list["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2);
    assert_eq!(list["next"], Value::Null);
    let fire = stories.iter().find(|s| s["articles"] == 2).unwrap();
    for field in [
        "id",
        "title",
        "articles",
        "outlets",
        "first_published",
        "last_published",
        "updated",
    ] {
        assert!(fire.get(field).is_some(), "missing {field}: {fire}");
    }
    assert_eq!(fire["outlets"], json!(["Courier", "Herald"]));
    assert_eq!(fire["first_published"], "2024-05-01");

    let (status, brief, _) = get(&app, &format!("/api/stories/{}", fire["id"])).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(brief["id"], fire["id"]);
    assert_eq!(brief["schema"], "parallax/brief/v1");
    let article_id = brief["articles"][0]["id"].as_str().unwrap().to_string();

    let (status, article, _) = get(&app, &format!("/api/articles/{article_id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(article["story"], fire["id"]);
    assert_eq!(article["title"], "Fire at the docks");

    // Paging: one story per page, then the second, then no more.
    let (_, first, _) = get(&app, "/api/stories?limit=1").await;
    let next = first["next"].as_str().unwrap().to_string();
    let (_, second, _) = get(&app, &format!("/api/stories?limit=1&cursor={next}")).await;
    assert_eq!(second["next"], Value::Null);
    assert_ne!(first["stories"][0]["id"], second["stories"][0]["id"]);

    let (status, hits, _) = get(&app, "/api/search?q=warehouse").await;
    assert_eq!(status, StatusCode::OK);
    let hits = hits["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["story"], fire["id"]);
    assert!(
        hits[0]["snippet"]
            .as_str()
            .unwrap()
            .contains("<mark>warehouse</mark>"),
        "{}",
        hits[0]
    );

    let (status, health, _) = get(&app, "/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(health["articles"], 3);
}

#[tokio::test]
async fn malformed_and_unusable_bodies() {
    let app = app("malformed", with_token());
    for body in ["{\"title\": ", "", "   ", "not json at all", "{]"] {
        let (status, json, _) = post(&app, body.to_string()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body:?}: {json}");
        assert_error(&json, "bad_request");
    }
    let (status, json, _) = post(&app, Body::from(vec![0xff, 0xfe, b'{'])).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{json}");
    let (status, json, _) = post(&app, json!({ "title": "no text" }).to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
    assert_error(&json, "unprocessable");
    let (status, json, _) = post(&app, json!({ "text": 5 }).to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
}

#[tokio::test]
async fn a_hundred_megabyte_body_is_refused_and_the_server_goes_on() {
    let app = app(
        "large",
        Options {
            token: Some(TOKEN.into()),
            body_limit: 1024 * 1024,
            ..Options::default()
        },
    );
    let chunk = Bytes::from(vec![b' '; 1024 * 1024]);
    let chunks = (0..100).map(move |_| Ok::<_, std::io::Error>(chunk.clone()));
    let (status, json, _) = post(&app, Body::from_stream(futures_util::stream::iter(chunks))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{json}");
    assert_error(&json, "payload_too_large");

    let request = Request::post("/api/articles")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .header(header::CONTENT_LENGTH, 100 * 1024 * 1024)
        .body(Body::from("{}"))
        .unwrap();
    let (status, _, _) = send(&app, request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);

    let (status, _, _) = get(&app, "/healthz").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = post(
        &app,
        record("Still fine", "The server still takes writes.", "Herald"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_request_that_hangs_times_out() {
    let app = app(
        "timeout",
        Options {
            token: Some(TOKEN.into()),
            timeout: Duration::from_millis(200),
            ..Options::default()
        },
    );
    let stalled = futures_util::stream::pending::<Result<Bytes, std::io::Error>>();
    let (status, json, _) = post(&app, Body::from_stream(stalled)).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{json}");
    assert_error(&json, "timeout");
}

#[tokio::test]
async fn unknown_ids_and_paths_are_404() {
    let app = app("notfound", with_token());
    for uri in [
        "/api/stories/999",
        "/api/stories/abc",
        "/api/stories/-1",
        "/api/stories/99999999999999999999999",
        "/api/articles/5",
        "/api/articles/x%00",
        "/api/nothing",
    ] {
        let (status, json, _) = get(&app, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert_error(&json, "not_found");
    }
    for uri in [
        "/story/../../etc/passwd",
        "/story/..%2F..%2Fetc%2Fpasswd",
        "/assets/../../../etc/passwd",
        "/assets/..%2f..%2fetc%2fpasswd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/story/1/../../../etc/passwd",
        "/story/abc",
    ] {
        let (status, _, text) = get(&app, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(!text.contains("root:"), "{uri} leaked a file");
    }
    let (status, json, _) = get(&app, "/api/articles").await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_error(&json, "method_not_allowed");
}

#[tokio::test]
async fn bad_parameters_are_400() {
    let app = app("params", with_token());
    for uri in [
        "/api/stories?limit=abc",
        "/api/stories?limit=0",
        "/api/stories?limit=-5",
        "/api/stories?since=yesterday",
        "/api/stories?cursor=nonsense",
        "/api/search?q=x&since=2024-13-45",
        "/api/search?q=x&limit=%FF",
    ] {
        let (status, json, _) = get(&app, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {json}");
        assert_error(&json, "bad_request");
    }
}

#[tokio::test]
async fn any_search_text_gives_results_or_nothing() {
    let app = app("hostile", with_token());
    post(
        &app,
        record(
            "O'Brien: \"no comment\"",
            "DROP TABLE articles; -- the (fire) * spread",
            "Herald",
        ),
    )
    .await;
    let hostile = [
        "",
        "\"",
        "*",
        "(",
        ")",
        "((fire",
        "fire AND",
        "OR",
        "NOT NOT",
        "NEAR(a b)",
        "title:fire",
        "' OR '1'='1",
        "'; DROP TABLE articles; --",
        "%",
        "_",
        "\\",
        "\u{0}",
        "fire*",
        "\"unbalanced",
        "^",
        "{a b}",
        "ÅÄÖ 中文 🔥",
        "<script>alert(1)</script>",
    ];
    for q in hostile {
        let (status, json, _) = get(&app, &format!("/api/search?q={}", encode(q))).await;
        if q.trim().is_empty() {
            assert_eq!(status, StatusCode::BAD_REQUEST, "{q:?}: {json}");
            continue;
        }
        assert_eq!(status, StatusCode::OK, "{q:?}: {json}");
        assert!(json["hits"].is_array(), "{q:?}: {json}");
    }
    let (_, json, _) = get(
        &app,
        &format!("/api/search?q={}", encode("'; DROP TABLE articles; --")),
    )
    .await;
    assert_eq!(json["hits"].as_array().unwrap().len(), 1);
    let (_, health, _) = get(&app, "/healthz").await;
    assert_eq!(health["articles"], 1);
    // No words to search for is a mistake of the caller's, not an empty answer.
    for uri in ["/api/search", "/api/search?q=", "/api/search?q=%20%20"] {
        let (status, json, _) = get(&app, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {json}");
        assert_error(&json, "bad_request");
    }
}

#[tokio::test]
async fn markup_in_articles_stays_text() {
    let app = app("script", with_token());
    let title = "<script>alert('x')</script> Fire";
    let (status, _, _) = post(
        &app,
        record(
            title,
            "<img src=x onerror=alert(1)> flames & smoke",
            "Herald",
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, list, _) = get(&app, "/api/stories").await;
    let id = list["stories"][0]["id"].clone();

    // The page shell carries no article text; the script builds the page from text nodes only.
    let response = app
        .router
        .clone()
        .oneshot(
            Request::get(format!("/story/{id}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let csp = response
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let shell = String::from_utf8(
        response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec(),
    )
    .unwrap();
    assert!(!shell.contains("alert"));
    let (_, _, script) = get(&app, "/assets/app.js").await;
    assert!(script.contains("createTextNode"));
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!script.contains(sink), "app.js uses {sink}");
    }

    // The JSON keeps the text as it was, labelled JSON and not to be sniffed.
    let response = app
        .router
        .clone()
        .oneshot(
            Request::get(format!("/api/stories/{id}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(
        response.headers().get(header::CONTENT_TYPE).unwrap(),
        "application/json"
    );
    assert_eq!(
        response
            .headers()
            .get(header::X_CONTENT_TYPE_OPTIONS)
            .unwrap(),
        "nosniff"
    );
    let brief: Value =
        serde_json::from_slice(&response.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert_eq!(brief["title"], title);

    // Search snippets escape everything but the <mark> highlights.
    let (_, hits, _) = get(&app, "/api/search?q=flames").await;
    let snippet = hits["hits"][0]["snippet"].as_str().unwrap();
    assert!(
        snippet.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{snippet}"
    );
    assert!(
        snippet.contains("<mark>flames</mark> &amp; smoke"),
        "{snippet}"
    );
}

#[tokio::test]
async fn the_page_and_its_assets_are_served() {
    let app = app("page", with_token());
    for (uri, kind) in [
        ("/", "text/html"),
        ("/story/12", "text/html"),
        ("/search?q=fire", "text/html"),
        ("/assets/app.js", "text/javascript"),
        ("/assets/style.css", "text/css"),
    ] {
        let response = app
            .router
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .unwrap()
            .to_str()
            .unwrap();
        assert!(content_type.starts_with(kind), "{uri}: {content_type}");
    }
}

#[tokio::test]
async fn no_token_means_loopback_only() {
    let dir = std::env::temp_dir().join(format!("parallax-serve-loopback-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let stages = Arc::new(PlainStages {
        pipeline: ByFirstWord,
    });
    let addr = "0.0.0.0:0".parse().unwrap();
    let err = parallax_serve::serve(addr, &dir.join("t.db"), stages, &Options::default())
        .await
        .unwrap_err();
    assert!(
        matches!(err, parallax_serve::ServeError::NoToken(_)),
        "{err}"
    );
    assert!(err.to_string().contains("0.0.0.0"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_stale_brief_is_made_again_when_read() {
    let app = app("stale", with_token());
    let lines = [
        record(
            "Fire at the docks",
            "A fire broke out at the docks.",
            "Herald",
        ),
        record("Fire spreads", "The fire spread to a warehouse.", "Courier"),
    ];
    post(&app, lines.join("\n")).await;
    let (_, list, _) = get(&app, "/api/stories").await;
    let story = list["stories"][0]["id"].as_i64().unwrap();
    let (_, brief, _) = get(&app, &format!("/api/stories/{story}")).await;
    assert_eq!(brief["articles"].as_array().unwrap().len(), 2);

    // Another process regroups behind the server's back: the story loses a member.
    let mut other = parallax_store::SqliteStore::open(app._dir.0.join("t.db")).unwrap();
    use parallax_store::Store;
    let ids: Vec<i64> = other.articles().unwrap().iter().map(|a| a.id).collect();
    other.set_stories(&[vec![ids[0]], vec![ids[1]]]).unwrap();
    let (status, brief, _) = get(&app, &format!("/api/stories/{story}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(brief["articles"].as_array().unwrap().len(), 1);
}

/// Every `$ref` in `value`.
fn refs<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("$ref", Value::String(r)) => out.push(r),
                    _ => refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

#[tokio::test]
async fn the_openapi_document_is_valid_and_covers_every_route() {
    let app = app("openapi", with_token());
    let (status, doc, _) = get(&app, "/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        doc,
        serde_json::to_value(parallax_serve::openapi()).unwrap()
    );

    // Valid: an OpenAPI 3.1 document that reads back as one, with a title and a version...
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1."),
        "{}",
        doc["openapi"]
    );
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    let reread: utoipa::openapi::OpenApi = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(serde_json::to_value(reread).unwrap(), doc);
    // ...whose references all lead somewhere...
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(!found.is_empty());
    for r in found {
        let target = r.strip_prefix('#').map(|pointer| doc.pointer(pointer));
        assert!(matches!(target, Some(Some(_))), "dangling {r}");
    }
    // ...and whose operations each have answers, a unique id, and every path parameter declared.
    let mut ids = std::collections::BTreeSet::new();
    let mut documented = std::collections::BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            assert!(HTTP_METHODS.contains(&method.as_str()), "{path}: {method}");
            documented.insert((method.to_uppercase(), path.clone()));
            assert!(ids.insert(op["operationId"].as_str().unwrap().to_string()));
            assert!(!op["responses"].as_object().unwrap().is_empty(), "{path}");
            let declared: Vec<&str> = op["parameters"]
                .as_array()
                .map(|ps| {
                    ps.iter()
                        .filter(|p| p["in"] == "path" && p["required"] == true)
                        .map(|p| p["name"].as_str().unwrap())
                        .collect()
                })
                .unwrap_or_default();
            for name in path
                .split('{')
                .skip(1)
                .map(|s| s.split('}').next().unwrap())
            {
                assert!(
                    declared.contains(&name),
                    "{method} {path}: {{{name}}} undeclared"
                );
            }
        }
    }

    // Every route the router serves is in the document, and nothing else is.
    let served: std::collections::BTreeSet<(String, String)> = parallax_serve::ROUTES
        .iter()
        .map(|(method, path)| (method.to_string(), path.to_string()))
        .collect();
    assert_eq!(documented, served);
    // And the router really answers each (not its "no such page" fallback, not 405).
    for (method, path) in parallax_serve::ROUTES {
        let request = Request::builder()
            .method(method.clone())
            .uri(path.replace("{id}", "1"))
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .body(Body::empty())
            .unwrap();
        let (status, json, _) = send(&app, request).await;
        assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
        assert_ne!(json["error"]["message"], "no such page", "{method} {path}");
    }
}

#[tokio::test]
async fn a_brief_carries_an_etag_and_a_matching_one_gets_304() {
    let app = app("etag", with_token());
    post(
        &app,
        record("Fire at the docks", "A fire broke out.", "Herald"),
    )
    .await;
    let (_, list, _) = get(&app, "/api/stories").await;
    let id = list["stories"][0]["id"].as_i64().unwrap();
    let uri = format!("/api/stories/{id}");
    let fetch = |tag: Option<String>| {
        let mut request = Request::get(&uri);
        if let Some(tag) = tag {
            request = request.header(header::IF_NONE_MATCH, tag);
        }
        app.router
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
    };
    let first = fetch(None).await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let tag = first.headers()[header::ETAG].to_str().unwrap().to_string();
    assert_eq!(first.headers()[header::CACHE_CONTROL], "no-cache");

    let again = fetch(Some(tag.clone())).await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()[header::ETAG], tag.as_str());
    assert!(again
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .is_empty());
    // A list of tags, one of them ours; the strong form of ours; a stranger's tag.
    let strong = tag.trim_start_matches("W/").to_string();
    for (given, expected) in [
        (format!("\"other\", {tag}"), StatusCode::NOT_MODIFIED),
        (strong, StatusCode::NOT_MODIFIED),
        ("\"other\"".to_string(), StatusCode::OK),
    ] {
        let response = fetch(Some(given.clone())).await.unwrap();
        assert_eq!(response.status(), expected, "{given}");
    }

    // A new article in the story makes a new version: the old tag no longer matches.
    post(&app, record("Fire spreads", "The fire spread.", "Courier")).await;
    let changed = fetch(Some(tag.clone())).await.unwrap();
    assert_eq!(changed.status(), StatusCode::OK);
    assert_ne!(changed.headers()[header::ETAG], tag.as_str());
}

#[tokio::test]
async fn answers_are_compressed_when_the_client_accepts_it() {
    use std::io::Read;
    let app = app("gzip", with_token());
    let long = "The fire spread along the quay and into the old warehouses. ".repeat(40);
    post(&app, record("Fire at the docks", &long, "Herald")).await;
    let (_, list, _) = get(&app, "/api/stories").await;
    let uri = format!("/api/stories/{}", list["stories"][0]["id"]);
    let (_, plain, _) = get(&app, &uri).await;

    let gzip = |uri: String, encoding: &'static str| {
        app.router.clone().oneshot(
            Request::get(uri)
                .header(header::ACCEPT_ENCODING, encoding)
                .body(Body::empty())
                .unwrap(),
        )
    };
    let response = gzip(uri.clone(), "gzip").await.unwrap();
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
    assert_eq!(response.headers()[header::VARY], "accept-encoding");
    let squeezed = response.into_body().collect().await.unwrap().to_bytes();
    let mut text = String::new();
    flate2::read::GzDecoder::new(&squeezed[..])
        .read_to_string(&mut text)
        .unwrap();
    assert!(
        squeezed.len() * 3 < text.len(),
        "{} of {}",
        squeezed.len(),
        text.len()
    );
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), plain);

    for (uri, encoding) in [
        (uri.clone(), "br"),
        ("/assets/app.js".to_string(), "gzip, br"),
        ("/api/openapi.json".to_string(), "br;q=1.0, gzip;q=0.5"),
    ] {
        let response = gzip(uri.clone(), encoding).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        assert!(
            response.headers().contains_key(header::CONTENT_ENCODING),
            "{uri} with {encoding}"
        );
    }
    // Refused by q=0, or not asked for: as is.
    let response = gzip(uri.clone(), "gzip;q=0, identity").await.unwrap();
    assert!(!response.headers().contains_key(header::CONTENT_ENCODING));
    // Without Accept-Encoding: as is.
    let response = app
        .router
        .clone()
        .oneshot(Request::get(&uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert!(!response.headers().contains_key(header::CONTENT_ENCODING));
}

#[tokio::test]
async fn search_pages_with_a_total_and_filters() {
    let app = app("paging", with_token());
    let mut lines = Vec::new();
    for day in 1..=9 {
        let outlet = if day % 3 == 0 { "Courier" } else { "Herald" };
        lines.push(
            json!({
                "title": format!("Harbour report number {day}"),
                "text": format!("The ferry crossing was closed on day {day} of the storm."),
                "outlet": outlet,
                "published": format!("2024-05-0{day}"),
            })
            .to_string(),
        );
    }
    let (status, json, _) = post(&app, lines.join("\n")).await;
    assert_eq!(status, StatusCode::CREATED, "{json}");

    let (status, page, _) = get(&app, "/api/search?q=ferry&limit=4").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(
        (page["total"].as_u64(), page["total_exact"].as_bool()),
        (Some(9), Some(true))
    );
    assert_eq!(
        (page["offset"].as_u64(), page["next"].as_u64()),
        (Some(0), Some(4))
    );
    let mut seen: Vec<i64> = Vec::new();
    let mut offset = Some(0);
    while let Some(at) = offset {
        let (_, page, _) = get(&app, &format!("/api/search?q=ferry&limit=4&offset={at}")).await;
        for hit in page["hits"].as_array().unwrap() {
            // One id type: numbers, for articles and stories alike; each hit names its story.
            seen.push(hit["article"].as_i64().unwrap());
            assert!(hit["story"].is_i64(), "{hit}");
            assert!(
                hit["story_title"].as_str().unwrap().starts_with("Harbour"),
                "{hit}"
            );
        }
        offset = page["next"].as_u64();
    }
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 9);

    let (_, page, _) = get(&app, "/api/search?q=ferry&outlet=courier").await;
    assert_eq!(page["total"], 3);
    assert!(page["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["outlet"] == "Courier"));
    let (_, page, _) = get(
        &app,
        "/api/search?q=ferry&since=2024-05-03&until=2024-05-05",
    )
    .await;
    let mut days: Vec<&str> = page["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["published"].as_str().unwrap())
        .collect();
    days.sort_unstable();
    assert_eq!(days, ["2024-05-03", "2024-05-04", "2024-05-05"]);
    let (_, page, _) = get(&app, "/api/search?q=ferry&offset=50").await;
    assert_eq!(
        (page["hits"].as_array().unwrap().len(), page["next"].clone()),
        (0, Value::Null)
    );
    for uri in [
        "/api/search?q=ferry&offset=-1",
        "/api/search?q=ferry&until=May",
    ] {
        let (status, json, _) = get(&app, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert_error(&json, "bad_request");
    }
}

#[tokio::test]
async fn no_path_on_the_servers_disk_reaches_the_web() {
    let app = app("paths", with_token());
    // As `parallax ingest` stores a file: its path as the source.
    let mut store = parallax_store::SqliteStore::open(app._dir.0.join("t.db")).unwrap();
    use parallax_store::Store;
    let article = Article {
        id: "a1".into(),
        source: "/home/someone/feeds/report-1.txt".into(),
        outlet: None,
        wire: vec![],
        title: Some("Harbour closed".into()),
        authors: vec![],
        published: None,
        url: None,
        language: "en".into(),
        text: "The harbour was closed.".into(),
        dateline: None,
        removed: vec![],
    };
    let added = store.add_articles(&[article]).unwrap().added;
    store.set_stories(std::slice::from_ref(&added)).unwrap();
    let (_, stored, _) = get(&app, &format!("/api/articles/{}", added[0])).await;
    assert_eq!(stored["source"], "report-1.txt", "{stored}");
    let (status, brief, _) = get(&app, &format!("/api/stories/{}", stored["story"])).await;
    assert_eq!(status, StatusCode::OK, "{brief}");
    assert_eq!(brief["articles"][0]["source"], "report-1.txt", "{brief}");
}

#[test]
fn public_sources_keep_urls_and_file_names_only() {
    #[track_caller]
    fn check(source: &str, expected: &str) {
        assert_eq!(parallax_serve::public_source(source), expected);
    }
    check(
        "https://example.org/news/a.html",
        "https://example.org/news/a.html",
    );
    check("HTTP://example.org/", "HTTP://example.org/");
    check("/home/someone/feeds/a.txt", "a.txt");
    check("C:\\feeds\\b.json", "b.json");
    check("feeds/dir/", "dir");
    check("request:3", "request:3");
    check("", "");
}
