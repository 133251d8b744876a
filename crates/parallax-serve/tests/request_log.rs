//! The request log, in a test binary of its own: a subscriber set for one test sees the events
//! only when no other test in the process has already fixed the interest of their call sites.
#![allow(clippy::unwrap_used)] // Tests may unwrap: a panic there is a failed assertion.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use parallax_core::{Article, Brief, BRIEF_SCHEMA};
use parallax_serve::{router, Options, PlainStages};
use parallax_store::Pipeline;
use tower::ServiceExt;

/// Every article its own story; a brief with no content (no test here asks for one).
struct Singletons;

impl Pipeline for Singletons {
    fn group(&self, articles: &[Article], _previous: &[Option<i64>]) -> Vec<Vec<usize>> {
        (0..articles.len()).map(|i| vec![i]).collect()
    }

    fn brief(&self, _articles: &[Article]) -> Brief {
        Brief {
            schema: BRIEF_SCHEMA.into(),
            title: String::new(),
            articles: vec![],
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

/// Collects what a subscriber writes.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Log {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn each_answer_is_logged_at_debug_level_with_method_uri_and_status() {
    let log = Log::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let dir = std::env::temp_dir().join(format!("parallax-serve-log-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let app = router(
        &dir.join("t.db"),
        Arc::new(PlainStages {
            pipeline: Singletons,
        }),
        &Options::default(),
    )
    .unwrap();
    let request = Request::get("/api/stories/424242")
        .header("host", "127.0.0.1")
        .body(Body::empty())
        .unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    drop(response);
    let _ = std::fs::remove_dir_all(&dir);
    let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("/api/stories/424242"))
        .unwrap_or_else(|| panic!("no request logged: {text}"));
    assert!(
        line.contains("DEBUG") && line.contains("GET") && line.contains("status=404"),
        "{line}"
    );
}
