//! The NATS JetStream pipeline end to end, on loopback: ECB+ and the bundled example go through
//! `ingest --queue`, two workers and a grouper (with a standby) into PostgreSQL; a worker and the
//! active grouper are killed with SIGKILL mid-stream and others started: every article is stored
//! once, and the stories are the partition `parallax cluster` gives. Then two `serve` replicas on
//! the same database answer the same story JSON, and a story changed through one is fresh on the
//! other.
//!
//! Needs `PARALLAX_TEST_NATS` (`deploy/nats-test.sh start`) and `PARALLAX_TEST_POSTGRES`
//! (`deploy/postgres-test.sh start`): skipped, saying so, without them; under CI (`CI=true`) it
//! fails instead.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The NATS server the test uses, or `None` (skipped) when `PARALLAX_TEST_NATS` is not set; under
/// CI a missing server fails the test.
fn nats() -> Option<String> {
    match std::env::var("PARALLAX_TEST_NATS") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") => panic!(
            "CI is set but PARALLAX_TEST_NATS is not: start a server with \
             `eval \"$(deploy/nats-test.sh start)\"` before the tests"
        ),
        _ => {
            eprintln!("PARALLAX_TEST_NATS is not set: the queue test is skipped");
            None
        }
    }
}

/// The processes of the test, killed (SIGKILL, by their own handles) when it ends.
struct Processes {
    logs: PathBuf,
    running: Vec<(String, Child)>,
}

impl Processes {
    /// Starts `parallax args…` as `name`, its stderr in a log file of that name.
    fn start(&mut self, name: &str, args: &[&str]) {
        let log = std::fs::File::create(self.logs.join(format!("{name}.log"))).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(args)
            .env("RUST_LOG", "info")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        self.running.push((name.to_string(), child));
    }

    /// Kills `name` with SIGKILL, as a crash would.
    fn kill(&mut self, name: &str) {
        let at = self.running.iter().position(|(n, _)| n == name).unwrap();
        let (_, mut child) = self.running.remove(at);
        child.kill().unwrap();
        child.wait().unwrap();
    }

    /// Waits until the log of `name` shows `what` (`seen`), failing after 60 s.
    fn wait_log(&self, name: &str, what: &str, seen: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let log =
                std::fs::read_to_string(self.logs.join(format!("{name}.log"))).unwrap_or_default();
            if seen(&log) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "{name} never {what}\n{}",
                self.logs()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Every log, for a failure message.
    fn logs(&self) -> String {
        let mut out = String::new();
        for entry in std::fs::read_dir(&self.logs).unwrap().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let tail: Vec<&str> = text.lines().rev().take(15).collect();
            out += &format!("--- {}\n", entry.path().display());
            for line in tail.into_iter().rev() {
                out += line;
                out.push('\n');
            }
        }
        out
    }
}

impl Drop for Processes {
    fn drop(&mut self) {
        for (_, child) in &mut self.running {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// (articles stored, articles not yet in a story).
fn progress(db: &mut postgres::Client) -> (i64, i64) {
    let row = db
        .query_one(
            "SELECT count(*), count(*) FILTER (WHERE story_id IS NULL) FROM articles",
            &[],
        )
        .unwrap();
    (row.get(0), row.get(1))
}

/// Waits until `done` holds of the store, failing with the processes' logs after `limit`.
fn wait_for(
    db: &mut postgres::Client,
    processes: &Processes,
    limit: Duration,
    what: &str,
    done: impl Fn((i64, i64)) -> bool,
) {
    let start = Instant::now();
    loop {
        let now = progress(db);
        if done(now) {
            return;
        }
        assert!(
            start.elapsed() < limit,
            "{what}: still {now:?} (stored, unplaced) after {limit:?}\n{}",
            processes.logs()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The stored stories as sets of sources, and how many articles each source has.
fn stored_partition(db: &mut postgres::Client) -> (BTreeSet<BTreeSet<String>>, usize) {
    let mut by_story: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    let mut rows = 0;
    for row in db
        .query("SELECT story_id, source FROM articles", &[])
        .unwrap()
    {
        rows += 1;
        by_story
            .entry(row.get::<_, Option<i64>>(0).unwrap())
            .or_default()
            .insert(row.get(1));
    }
    (by_story.into_values().collect(), rows)
}

/// What `parallax cluster` makes of the inputs, as sets of sources.
fn cluster_partition(inputs: &[&str]) -> BTreeSet<BTreeSet<String>> {
    let mut args = vec!["cluster"];
    args.extend(inputs);
    let out = common::parallax(&args);
    assert!(out.status.success());
    let mut by_story: BTreeMap<u64, BTreeSet<String>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        by_story
            .entry(row["story"].as_u64().unwrap())
            .or_default()
            .insert(row["source"].as_str().unwrap().to_string());
    }
    by_story.into_values().collect()
}

fn canonical(path: &Path) -> String {
    path.canonicalize().unwrap().display().to_string()
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn through_the_queue_with_crashes_every_article_is_stored_once_in_the_cluster_partition() {
    let ecb = canonical(&common::shared().join("eval/clusters-ecbplus/documents.jsonl"));
    let example = canonical(&common::root().join("examples/harbour-fire/articles"));
    let Some(nats) = nats() else { return };
    let Some(schema) = common::PostgresSchema::fresh("queue") else {
        return;
    };
    let total = 982 + 4;
    parallax_queue::Queue::connect(&nats)
        .unwrap()
        .purge()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut processes = Processes {
        logs: dir.path().to_path_buf(),
        running: Vec::new(),
    };
    let db_url = schema.url.as_str();
    let worker = ["worker", "--queue", &nats, "--batch", "8"];
    let grouper = [
        "grouper", "--queue", &nats, "--db", db_url, "--batch", "128",
    ];
    // The grouper first, so that it holds the lease; the second waits as a standby.
    processes.start("grouper-1", &grouper);
    processes.wait_log("grouper-1", "took the lease", |log| {
        log.contains("grouper on")
    });
    processes.start("grouper-2", &grouper);
    processes.wait_log("grouper-2", "stood by", |log| log.contains("standby"));
    processes.start("worker-1", &worker);
    processes.start("worker-2", &worker);

    let queued = common::parallax(&["ingest", "--queue", &nats, &ecb, &example]);
    assert!(
        queued.status.success(),
        "{}",
        String::from_utf8_lossy(&queued.stderr)
    );
    let mut db = postgres::Client::connect(db_url, postgres::NoTls).unwrap();

    // Mid-stream: some articles stored, most not.
    wait_for(
        &mut db,
        &processes,
        Duration::from_secs(300),
        "first articles",
        |(stored, _)| stored > 0,
    );
    processes.kill("worker-1");
    processes.kill("grouper-1");
    assert!(progress(&mut db).0 < total, "killed too late to test");
    processes.start("worker-3", &worker);
    // The standby takes the lease the killed grouper held; a new grouper then waits in its turn.
    processes.wait_log("grouper-2", "took over from the killed grouper", |log| {
        let waited = log.find("standby").unwrap_or(usize::MAX);
        log.find("grouper on").is_some_and(|took| waited < took)
    });
    processes.start("grouper-3", &grouper);

    wait_for(
        &mut db,
        &processes,
        Duration::from_secs(600),
        "every article placed",
        |(stored, unplaced)| stored == total && unplaced == 0,
    );
    // A further look: nothing more arrives after the queue is drained.
    std::thread::sleep(Duration::from_secs(2));
    let (stored, rows) = stored_partition(&mut db);
    let sources: usize = stored.iter().map(BTreeSet::len).sum();
    assert_eq!((rows, sources), (total as usize, total as usize));
    let clustered = cluster_partition(&[&ecb, &example]);
    assert_eq!(stored.len(), clustered.len());
    assert!(
        stored == clustered,
        "the queue's stories and `parallax cluster` partition the articles differently"
    );

    two_replicas_agree_and_stay_fresh(&mut processes, db_url);
}

/// A free port on loopback (free when asked; the replica binds it a moment later).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One HTTP/1.1 request to loopback: (status, body). The server's answers to these requests carry
/// a length (no compression is asked for), and the connection closes after one.
fn http(port: u16, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, body.to_string())
}

/// Waits until a replica answers its health check.
fn wait_up(port: u16, processes: &Processes) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "serve on {port} did not start\n{}",
            processes.logs()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(http(port, "GET", "/healthz", "").0, 200);
}

/// A story's JSON from a replica.
fn story(port: u16, id: i64) -> serde_json::Value {
    let (status, body) = http(port, "GET", &format!("/api/stories/{id}"), "");
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

fn two_replicas_agree_and_stay_fresh(processes: &mut Processes, db_url: &str) {
    let ports = [free_port(), free_port()];
    for (i, port) in ports.iter().enumerate() {
        let addr = format!("127.0.0.1:{port}");
        processes.start(
            &format!("serve-{}", i + 1),
            &["serve", "--db", db_url, "--addr", &addr],
        );
    }
    for port in ports {
        wait_up(port, processes);
    }
    let (status, hits) = http(ports[0], "GET", "/api/search?q=Brennick+warehouse", "");
    assert_eq!(status, 200, "{hits}");
    let hits: serde_json::Value = serde_json::from_str(&hits).unwrap();
    let id = hits["hits"][0]["story"].as_i64().unwrap();
    let (first, second) = (story(ports[0], id), story(ports[1], id));
    assert_eq!(first, second, "the replicas answer story {id} differently");
    let before = first["articles"].as_array().unwrap().len();

    // A fifth report of the harbour fire (our own words), posted to the first replica.
    let report = serde_json::json!({
        "title": "Brennick harbour warehouse fire finally out after three days",
        "outlet": "Queue Test Courier",
        "url": "https://example.org/queue-test/brennick-fire-out",
        "date": "2025-03-07",
        "text": "The warehouse fire on Pier 4 at the Port of Brennick was declared out on \
                 Friday, three days after it began, the Brennick Fire and Rescue Service said.\n\n\
                 Fire Chief Marta Okonkwo said crews would stay at the pier to watch for hot \
                 spots. Residents evacuated from homes near the docks began returning, and the \
                 harbour reopened to shipping.",
    });
    let (status, posted) = http(ports[0], "POST", "/api/articles", &report.to_string());
    assert_eq!(status, 201, "{posted}");
    // The second replica held the old brief; the change reaches it as a notification.
    let start = Instant::now();
    loop {
        let fresh = story(ports[1], id);
        if fresh["articles"].as_array().unwrap().len() == before + 1 {
            assert_eq!(
                fresh,
                story(ports[0], id),
                "the replicas disagree after the change"
            );
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "story {id} is stale on the second replica: {} articles\n{}",
            fresh["articles"].as_array().unwrap().len(),
            processes.logs()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
