//! The server against hostile clients: cross-site writes and DNS rebinding on the tokenless
//! loopback default, a panic while writing, a huge quoted search, and (on a real loopback socket)
//! clients that never finish their headers.
#![allow(clippy::unwrap_used)] // Tests may unwrap: a panic there is a failed assertion.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use parallax_core::{Article, Brief, BriefArticle, BRIEF_SCHEMA};
use parallax_serve::{router, serve_listener, Options, PlainStages};
use parallax_store::Pipeline;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower::ServiceExt;

/// One story per article; a brief panics when an article's title says so, and grouping the
/// first time an article's title asks for it.
struct Fragile;

static GROUPING_PANICKED: AtomicBool = AtomicBool::new(false);

impl Pipeline for Fragile {
    fn group(&self, articles: &[Article], _previous: &[Option<i64>]) -> Vec<Vec<usize>> {
        let asks = articles
            .iter()
            .any(|a| a.title.as_deref() == Some("group panic"));
        if asks && !GROUPING_PANICKED.swap(true, Ordering::SeqCst) {
            panic!("a bug in grouping, once");
        }
        (0..articles.len()).map(|i| vec![i]).collect()
    }

    fn brief(&self, articles: &[Article]) -> Brief {
        if articles.iter().any(|a| a.title.as_deref() == Some("panic")) {
            panic!("a bug reached by one article");
        }
        Brief {
            schema: BRIEF_SCHEMA.into(),
            title: String::new(),
            articles: articles.iter().map(BriefArticle::from).collect(),
            summary: vec![],
            quotes: vec![],
            figures: vec![],
            exclusives: vec![],
            timeline: vec![],
            entities: vec![],
            diagnostics: vec![],
        }
    }
}

struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn app(name: &str, options: &Options) -> (Router, TempDir) {
    let dir = std::env::temp_dir().join(format!("parallax-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let stages = Arc::new(PlainStages { pipeline: Fragile });
    (
        router(&dir.join("t.db"), stages, options).unwrap(),
        TempDir(dir),
    )
}

async fn status(app: &Router, request: Request<Body>) -> StatusCode {
    app.clone().oneshot(request).await.unwrap().status()
}

fn post(title: &str) -> axum::http::request::Builder {
    let _ = title;
    Request::post("/api/articles").header(header::HOST, "127.0.0.1:8484")
}

fn record(title: &str) -> String {
    format!(r#"{{"title": "{title}", "text": "The council met on Tuesday to vote on {title}."}}"#)
}

#[tokio::test]
async fn the_tokenless_server_refuses_what_a_web_page_could_send() {
    let (app, _dir) = app("csrf", &Options::default());
    let json = |title: &str| {
        post(title)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(record(title)))
            .unwrap()
    };
    // A form or text/plain body: what a page may send cross-site without a preflight.
    let plain = post("plain")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from(record("plain")))
        .unwrap();
    assert_eq!(
        status(&app, plain).await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    let bare = post("bare").body(Body::from(record("bare"))).unwrap();
    assert_eq!(status(&app, bare).await, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // A foreign origin, and the opaque one of sandboxed frames.
    for origin in ["http://evil.example", "null", "http://127.0.0.1:9999"] {
        let mut request = json("foreign");
        request
            .headers_mut()
            .insert(header::ORIGIN, origin.parse().unwrap());
        assert_eq!(
            status(&app, request).await,
            StatusCode::FORBIDDEN,
            "{origin}"
        );
    }
    // DNS rebinding: the browser sends the attacker's name as Host.
    let rebound = Request::get("/api/stories")
        .header(header::HOST, "evil.example:8484")
        .body(Body::empty())
        .unwrap();
    assert_eq!(status(&app, rebound).await, StatusCode::FORBIDDEN);
    // The page itself, and tools like curl, still work.
    let mut same = json("same origin");
    same.headers_mut()
        .insert(header::ORIGIN, "http://127.0.0.1:8484".parse().unwrap());
    assert_eq!(status(&app, same).await, StatusCode::CREATED);
    assert_eq!(status(&app, json("no origin")).await, StatusCode::CREATED);
    let local = Request::get("/api/stories")
        .header(header::HOST, "localhost:8484")
        .body(Body::empty())
        .unwrap();
    assert_eq!(status(&app, local).await, StatusCode::OK);
}

#[tokio::test]
async fn a_panic_while_writing_does_not_lock_out_later_writes() {
    let (app, _dir) = app("poison", &Options::default());
    let write = |title: &str| {
        post(title)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(record(title)))
            .unwrap()
    };
    // A panic while the writer lock is held: this write fails...
    let first = status(&app, write("group panic")).await;
    assert!(first.is_server_error(), "{first}");
    // ...and, once, the poisoned lock answered 500 to every write after.
    assert_eq!(status(&app, write("bridge")).await, StatusCode::CREATED);
    // A story whose brief panics is stored with a brief that says so; later writes go on.
    assert_eq!(status(&app, write("panic")).await, StatusCode::CREATED);
    assert_eq!(status(&app, write("ferry")).await, StatusCode::CREATED);
    let stories = app
        .clone()
        .oneshot(
            Request::get("/api/stories?limit=10")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(stories.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_huge_quoted_search_is_refused_and_a_long_one_bounded() {
    let (app, _dir) = app("search", &Options::default());
    let huge = format!("\"{}\"", vec!["x"; 12_000].join(" "));
    let uri = |q: &str| {
        Request::get(format!(
            "/api/search?q={}",
            q.replace(' ', "+").replace('"', "%22")
        ))
        .body(Body::empty())
        .unwrap()
    };
    assert_eq!(status(&app, uri(&huge)).await, StatusCode::BAD_REQUEST);
    let long = format!("\"{}\"", vec!["vote"; 300].join(" "));
    assert_eq!(status(&app, uri(&long)).await, StatusCode::OK);
}

/// Reads from `stream` until the server closes it; how long that took.
async fn until_closed(stream: &mut tokio::net::TcpStream) -> Duration {
    let start = Instant::now();
    let mut buf = [0u8; 1024];
    loop {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return start.elapsed(),
            Ok(_) => {}
        }
    }
}

#[tokio::test]
async fn slow_header_clients_are_closed_while_others_are_served() {
    let options = Options {
        header_timeout: Duration::from_secs(1),
        max_connections: 8,
        ..Options::default()
    };
    let (app, _dir) = app("slow", &options);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        serve_listener(listener, app, &options, async {
            let _ = stopped.await;
        })
        .await;
    });
    let test = async {
        // More slow clients than there are connection slots, each sending half a request.
        let mut slow = Vec::new();
        for _ in 0..12 {
            let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
            s.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .await
                .unwrap();
            slow.push(s);
        }
        // A normal client is answered once the header timeout has freed slots.
        let mut normal = tokio::net::TcpStream::connect(addr).await.unwrap();
        normal
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let mut answer = Vec::new();
        normal.read_to_end(&mut answer).await.unwrap();
        assert!(
            answer.starts_with(b"HTTP/1.1 200"),
            "{}",
            String::from_utf8_lossy(&answer)
        );
        // Each slow client was closed by the server.
        for s in &mut slow {
            assert!(until_closed(s).await < Duration::from_secs(10));
        }
        // An idle kept-alive connection is closed too.
        let mut idle = tokio::net::TcpStream::connect(addr).await.unwrap();
        idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .await
            .unwrap();
        assert!(until_closed(&mut idle).await < Duration::from_secs(10));
    };
    tokio::time::timeout(Duration::from_secs(30), test)
        .await
        .expect("the slow-client test ended in time");
    let _ = stop.send(());
    server.await.unwrap();
}
