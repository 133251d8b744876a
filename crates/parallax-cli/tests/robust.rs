//! One failure is one diagnostic: inputs that once panicked (a feed with a late XML declaration,
//! a date beyond the calendar) inside a folder leave the rest of the batch stored and briefed.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

const GOOD: &str = "Council Approves New Bridge\n\nMarch 3, 2024\n\n\
The city council of Alderton voted on Monday to build a new bridge over the Wend river, ending a debate that had lasted more than two years.\n\n\
The project will cost about $40 million and take three years to finish, council documents show.\n";

const LATE_DECLARATION: &str = "<rss version=\"2.0\"><channel><title>Desk</title><item>\
    <title>Ferry</title><description>The ferry service resumed on Tuesday after repairs.</description>\
    </item><?xml version=\"1.0\" encoding=\"utf-16\"?></channel></rss>";

const FAR_DATE: &str = "Old Bridge\n\nMarch 3, 2024\n\n\
The old bridge over the Wend river was built 100000000 days ago, the council said on Monday, and 12345678901234567 weeks ago it was first planned.\n";

#[test]
fn a_bad_feed_in_a_folder_does_not_stop_the_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).unwrap();
    fs::write(inputs.join("a-good.txt"), GOOD).unwrap();
    fs::write(inputs.join("b-feed.xml"), LATE_DECLARATION).unwrap();
    fs::write(inputs.join("c-date.txt"), FAR_DATE).unwrap();
    let db = dir.path().join("p.db");
    let out = common::parallax(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        inputs.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("3 added"), "{stderr}");
    let brief = common::parallax(&["brief", "--format", "json", inputs.to_str().unwrap()]);
    assert!(
        brief.status.success(),
        "{}",
        String::from_utf8_lossy(&brief.stderr)
    );
}

/// Stories as sets of article ids, read from the database.
fn stories_of(db: &std::path::Path) -> (usize, std::collections::BTreeSet<Vec<String>>) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let unplaced: i64 = conn
        .query_row(
            "SELECT count(*) FROM articles WHERE story_id IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT story_id, input_id FROM articles WHERE story_id IS NOT NULL ORDER BY input_id",
        )
        .unwrap();
    let mut by_story: std::collections::BTreeMap<i64, Vec<String>> = Default::default();
    for row in stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
    {
        let (story, id) = row.unwrap();
        by_story.entry(story).or_default().push(id);
    }
    (unplaced as usize, by_story.into_values().collect())
}

#[test]
fn a_rerun_places_articles_a_killed_ingest_left_without_a_story() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).unwrap();
    fs::write(inputs.join("a-good.txt"), GOOD).unwrap();
    fs::write(inputs.join("c-date.txt"), FAR_DATE).unwrap();
    let ingest = |db: &std::path::Path| {
        let out = common::parallax(&[
            "ingest",
            "--db",
            db.to_str().unwrap(),
            inputs.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let whole = dir.path().join("whole.db");
    ingest(&whole);
    // The state a kill between the articles' commit and the grouping leaves.
    let cut = dir.path().join("cut.db");
    ingest(&cut);
    rusqlite::Connection::open(&cut)
        .unwrap()
        .execute_batch(
            "UPDATE articles SET story_id = NULL; DELETE FROM briefs; DELETE FROM stories;",
        )
        .unwrap();
    assert_eq!(stories_of(&cut).0, 2);
    ingest(&cut);
    assert_eq!(stories_of(&cut), stories_of(&whole));
}

/// Sends one HTTP/1.1 request to `addr` and returns the status line.
fn http(addr: std::net::SocketAddr, request: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.lines().next().unwrap_or("").to_string()
}

fn post(addr: std::net::SocketAddr, body: &str) -> String {
    http(
        addr,
        &format!(
            "POST /api/articles HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

#[test]
fn an_absurd_date_posted_to_the_server_leaves_later_writes_working() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args([
            "serve",
            "--db",
            db.to_str().unwrap(),
            "--addr",
            &addr.to_string(),
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while std::net::TcpStream::connect(addr).is_err() {
        assert!(started.elapsed().as_secs() < 60, "the server did not start");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let absurd =
        serde_json::json!({"title": "Old Bridge", "published": "2024-03-03", "text": FAR_DATE})
            .to_string();
    let first = post(addr, &absurd);
    let good =
        serde_json::json!({"title": "Council Approves New Bridge", "text": GOOD}).to_string();
    let second = post(addr, &good);
    let listed = http(
        addr,
        &format!("GET /api/stories HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    );
    let _ = server.kill();
    let _ = server.wait();
    assert!(first.contains(" 201 ") || first.contains(" 4"), "{first}");
    assert!(second.contains(" 201 "), "{second}");
    assert!(listed.contains(" 200 "), "{listed}");
}
