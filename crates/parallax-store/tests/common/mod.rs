//! Helpers shared by the store's tests.
#![allow(clippy::unwrap_used)] // Tests may unwrap: a panic there is a failed assertion.
#![allow(dead_code)]

use parallax_core::{Article, Brief, BriefArticle, SummarySentence, BRIEF_SCHEMA};
use std::collections::BTreeSet;

use parallax_store::{Pipeline, Store};

/// A plain article for tests.
pub fn article(id: &str, outlet: &str, title: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        source: format!("test/{id}.txt"),
        outlet: Some(outlet.into()).filter(|o: &String| !o.is_empty()),
        wire: vec![],
        title: Some(title.into()),
        authors: vec![],
        published: None,
        url: None,
        language: "en".into(),
        text: text.into(),
        dateline: None,
        removed: vec![],
    }
}

/// A temporary folder removed on drop.
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    /// A fresh folder named after the test.
    pub fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("parallax-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    /// The database file inside it.
    pub fn db(&self) -> std::path::PathBuf {
        self.0.join("test.db")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Groups articles by the first word of their title; briefs list the articles and first sentences.
pub struct ByFirstWord;

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
        brief_of(articles)
    }
}

/// A brief listing the articles, one summary sentence each.
pub fn brief_of(articles: &[Article]) -> Brief {
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

/// The stories as sets of input ids; asserts every article is placed and every brief current.
pub fn partition(store: &dyn Store) -> BTreeSet<BTreeSet<String>> {
    let articles = store.articles().unwrap();
    assert!(
        articles.iter().all(|a| a.story.is_some()),
        "unplaced articles"
    );
    assert!(store.stale_briefs().unwrap().is_empty(), "stale briefs");
    let stories: BTreeSet<i64> = articles.iter().filter_map(|a| a.story).collect();
    stories
        .into_iter()
        .map(|s| {
            store
                .story_articles(s)
                .unwrap()
                .into_iter()
                .map(|a| a.input_id)
                .collect()
        })
        .collect()
}

/// The environment variable naming the PostgreSQL server the tests may use (a connection URL).
pub const POSTGRES_VARIABLE: &str = "PARALLAX_TEST_POSTGRES";

/// A backend the store's tests run on.
pub enum Backend {
    /// A SQLite file in a temporary folder.
    Sqlite,
    /// A fresh schema on this PostgreSQL server.
    Postgres(String),
}

impl Backend {
    /// PostgreSQL when [`POSTGRES_VARIABLE`] is set, else `None`; under CI (`CI=true`) a missing
    /// URL fails the test, so that the PostgreSQL half of the suite never silently stops running.
    pub fn postgres() -> Option<Self> {
        match std::env::var(POSTGRES_VARIABLE) {
            Ok(url) if !url.trim().is_empty() => Some(Self::Postgres(url)),
            _ if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") => panic!(
                "CI is set but {POSTGRES_VARIABLE} is not: start a server with \
                 `eval \"$(deploy/postgres-test.sh start)\"` before the tests"
            ),
            _ => {
                eprintln!(
                    "{POSTGRES_VARIABLE} is not set: the PostgreSQL run of this test is skipped"
                );
                None
            }
        }
    }

    /// A fresh, empty database for the test `name`, removed on drop.
    pub fn fresh(&self, name: &str) -> TestDb {
        match self {
            Self::Sqlite => TestDb::Sqlite(TempDir::new(name)),
            Self::Postgres(server) => TestDb::postgres(server, name),
        }
    }
}

/// A database of one test: a SQLite file, or a PostgreSQL schema of its own (so that tests run in
/// parallel on one server), dropped at the end.
pub enum TestDb {
    /// The folder of the SQLite file.
    Sqlite(TempDir),
    /// The server and the test's schema.
    Postgres {
        /// The server's URL, as given.
        server: String,
        /// The test's schema.
        schema: String,
    },
}

impl TestDb {
    fn postgres(server: &str, name: &str) -> Self {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let name: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .take(30)
            .collect();
        let schema = format!("t_{name}_{}_{n}_{nanos}", std::process::id());
        let mut admin = postgres::Client::connect(server, postgres::NoTls)
            .unwrap_or_else(|e| panic!("cannot reach {POSTGRES_VARIABLE}: {e}"));
        admin
            .batch_execute(&format!("CREATE SCHEMA {schema}"))
            .unwrap();
        Self::Postgres {
            server: server.to_string(),
            schema,
        }
    }

    /// Where the store is: the SQLite file or the PostgreSQL URL that selects the test's schema.
    pub fn location(&self) -> String {
        match self {
            Self::Sqlite(dir) => dir.db().display().to_string(),
            Self::Postgres { server, schema } => {
                let join = if server.contains('?') { '&' } else { '?' };
                format!("{server}{join}options=-csearch_path%3D{schema}")
            }
        }
    }

    /// Opens (creating on first use) the store.
    pub fn open(&self) -> Box<dyn Store + Send> {
        parallax_store::open(self.location()).unwrap()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Self::Postgres { server, schema } = self {
            if let Ok(mut admin) = postgres::Client::connect(server, postgres::NoTls) {
                let _ = admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
            }
        }
    }
}

/// Runs each named test body, a `fn(&Backend)`, as a test on SQLite (module `sqlite`) and one on
/// PostgreSQL (module `postgres`, under the rule of [`Backend::postgres`]).
#[macro_export]
macro_rules! on_both_backends {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $test() {
                    super::$test(&super::common::Backend::Sqlite);
                }
            )*
        }
        mod postgres {
            $(
                #[test]
                fn $test() {
                    if let Some(backend) = super::common::Backend::postgres() {
                        super::$test(&backend);
                    }
                }
            )*
        }
    };
}
