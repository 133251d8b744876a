//! One record, two ways in: POSTed to `parallax serve`'s `/api/articles` and read from a `.jsonl`
//! file by `parallax ingest`, it is stored as the same article, date and aliases included. Only
//! `source` differs, by design: it says where each copy was read (the URL, `file:line`).

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A record that uses the aliases `date_publish` and `source_domain`.
fn record() -> serde_json::Value {
    serde_json::json!({
        "id": "quay-1",
        "url": "https://herald.example/news/quay-fire",
        "title": "Fire on the quay",
        "date_publish": "2024-05-01T09:30:00",
        "source_domain": "herald.example",
        "author": "Ann Lee",
        "text": "A fire destroyed two warehouses on the quay on Monday, the fire service said.\n\n\
                 Nobody was hurt, according to a spokeswoman for the port authority.\n\n\
                 The cause of the fire is not yet known, she added."
    })
}

/// The stored articles of a database, as their JSON.
fn stored(db: &Path) -> Vec<serde_json::Value> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut rows = conn.prepare("SELECT json FROM articles").unwrap();
    rows.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|j| serde_json::from_str(&j.unwrap()).unwrap())
        .collect()
}

/// POSTs `body` to `/api/articles` on `addr` once the server answers; the response text.
fn post(addr: &str, body: &str) -> String {
    let start = Instant::now();
    loop {
        match TcpStream::connect(addr) {
            Ok(mut stream) => {
                write!(
                    stream,
                    "POST /api/articles HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
                     Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                )
                .unwrap();
                let mut response = String::new();
                stream.read_to_string(&mut response).unwrap();
                return response;
            }
            Err(_) if start.elapsed() < Duration::from_secs(60) => {
                std::thread::sleep(Duration::from_millis(100))
            }
            Err(e) => panic!("the server did not start: {e}"),
        }
    }
}

#[test]
fn a_posted_record_and_the_same_jsonl_line_store_the_same_article() {
    let dir = tempfile::tempdir().unwrap();
    let line = record().to_string();

    let file = dir.path().join("one.jsonl");
    std::fs::write(&file, format!("{line}\n")).unwrap();
    let from_file = dir.path().join("file.db");
    let out = common::parallax(&[
        "ingest",
        file.to_str().unwrap(),
        "--db",
        from_file.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let from_post = dir.path().join("post.db");
    let addr = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().to_string()
    };
    let mut server = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args([
            "serve",
            "--db",
            from_post.to_str().unwrap(),
            "--addr",
            &addr,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let response = post(&addr, &line);
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(response.starts_with("HTTP/1.1 201"), "{response}");

    let (mut posted, mut read) = (stored(&from_post), stored(&from_file));
    assert_eq!((posted.len(), read.len()), (1, 1), "{posted:?} {read:?}");
    let posted_source = posted[0]["source"].take();
    let read_source = read[0]["source"].take();
    assert_eq!(posted_source, "https://herald.example/news/quay-fire");
    assert!(
        read_source.as_str().unwrap().ends_with("one.jsonl:1"),
        "{read_source}"
    );
    assert_eq!(posted, read);
    assert_eq!(posted[0]["published"], "2024-05-01");
    assert_eq!(posted[0]["outlet"], "herald.example");
}
