//! Helpers shared by the CLI tests: run the real binary, find the shared data.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared` beside the repository (the evaluation data kept outside it). Tests that call this
/// carry `#[cfg_attr(not(shared_data), ignore = "needs ../shared")]`; when they run without the
/// data (under CI), they fail here, naming the missing folder.
pub fn shared() -> PathBuf {
    let dir = root().join("../shared");
    assert!(
        dir.is_dir(),
        "{} is missing: this test needs the evaluation data beside the repository",
        dir.display()
    );
    dir
}

/// The first `n` ECB+ records of `../shared` as a JSON Lines file in `dir`.
pub fn ecb_articles(dir: &Path, n: usize) -> PathBuf {
    let ecb = std::fs::read_to_string(shared().join("eval/clusters-ecbplus/documents.jsonl"))
        .expect("ECB+ documents");
    let input = dir.join("articles.jsonl");
    let lines: Vec<&str> = ecb.lines().take(n).collect();
    std::fs::write(&input, lines.join("\n") + "\n").expect("write the articles");
    input
}

/// Runs `parallax` with arguments (and the default log filter, whatever `RUST_LOG` the test run
/// has).
pub fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env_remove("RUST_LOG")
        .output()
        .expect("parallax runs")
}

/// Runs `parallax brief --format json` on inputs and parses the brief.
pub fn brief_json(inputs: &[PathBuf]) -> serde_json::Value {
    let mut args: Vec<String> = vec!["brief".into(), "--format".into(), "json".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = parallax(&refs);
    assert!(
        out.status.success(),
        "parallax failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("brief is JSON")
}

/// Asserts that a brief validates against `schema/brief-v1.schema.json`.
pub fn assert_valid_brief(brief: &serde_json::Value) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema/brief-v1.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(brief)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "brief does not match the schema: {errors:#?}"
    );
}

/// A JSON string's text, or "" for anything else.
pub fn text(v: &serde_json::Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// The quote group one of whose wordings contains `words` (ignoring case).
pub fn quote_group<'a>(brief: &'a serde_json::Value, words: &str) -> &'a serde_json::Value {
    let words = words.to_lowercase();
    brief["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .find(|g| {
            g["variants"].as_array().is_some_and(|v| {
                v.iter()
                    .any(|v| text(&v["text"]).to_lowercase().contains(&words))
            })
        })
        .unwrap_or_else(|| panic!("no quote with {words:?} in {:#}", brief["quotes"]))
}

/// The distinct values of `field` over the objects in `value[list]`, sorted: for example the
/// articles a quote group's variants come from.
pub fn ids_of(value: &serde_json::Value, list: &str, field: &str) -> Vec<String> {
    let mut ids: Vec<String> = value[list]
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| text(&v[field]))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The brief as JSON text without the `removed` parts of its articles: what a reader sees.
pub fn visible(brief: &serde_json::Value) -> String {
    let mut b = brief.clone();
    for a in b["articles"].as_array_mut().expect("articles") {
        a.as_object_mut().expect("an article").remove("removed");
    }
    b.to_string()
}

/// The database at `db`, opened after it passes SQLite's integrity check.
pub fn sound_database(db: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(db).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "{}", db.display());
    conn
}

/// The stored stories as sets of input ids (articles not yet placed are left out).
pub fn placed_stories(conn: &rusqlite::Connection) -> BTreeSet<BTreeSet<String>> {
    let mut stmt = conn
        .prepare("SELECT story_id, input_id FROM articles WHERE story_id IS NOT NULL")
        .unwrap();
    let mut by_story: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for row in stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
    {
        let (story, id) = row.unwrap();
        by_story.entry(story).or_default().insert(id);
    }
    by_story.into_values().collect()
}

/// A schema of its own on the PostgreSQL server `PARALLAX_TEST_POSTGRES` names, dropped on drop.
pub struct PostgresSchema {
    server: String,
    name: String,
    /// The URL that opens the store in this schema.
    pub url: String,
}

impl PostgresSchema {
    /// A fresh schema for the test `test`, or `None` when `PARALLAX_TEST_POSTGRES` is not set;
    /// under CI (`CI=true`) a missing server fails the test instead.
    pub fn fresh(test: &str) -> Option<Self> {
        let server = match std::env::var("PARALLAX_TEST_POSTGRES") {
            Ok(url) if !url.trim().is_empty() => url,
            _ if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") => panic!(
                "CI is set but PARALLAX_TEST_POSTGRES is not: start a server with \
                 `eval \"$(deploy/postgres-test.sh start)\"` before the tests"
            ),
            _ => {
                eprintln!("PARALLAX_TEST_POSTGRES is not set: the PostgreSQL test is skipped");
                return None;
            }
        };
        let name = format!("cli_{test}_{}", std::process::id());
        let mut admin = postgres::Client::connect(&server, postgres::NoTls)
            .unwrap_or_else(|e| panic!("cannot reach PARALLAX_TEST_POSTGRES: {e}"));
        admin
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
            ))
            .unwrap_or_else(|e| panic!("cannot create schema {name}: {e}"));
        let join = if server.contains('?') { '&' } else { '?' };
        let url = format!("{server}{join}options=-csearch_path%3D{name}");
        Some(Self { server, name, url })
    }
}

impl Drop for PostgresSchema {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&self.server, postgres::NoTls) {
            let _ = admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
        }
    }
}
