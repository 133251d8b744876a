//! `parallax ingest`: adds articles to the store, regroups stories and rebriefs the changed ones.
//!
//! Also home of [`Desk`], the pipeline the store and the server run on new articles (reading a
//! posted record, grouping, briefing), shared by `ingest`, `show` and `serve`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Args;
use parallax_core::{Article, Brief, Diagnostic, Format, RawDoc, SourceMeta};
use parallax_extract::{extract, ExtractConfig};
use parallax_fuse::{fuse, FuseConfig};
use parallax_group::{group, GroupConfig, GroupDoc};
use parallax_store::{settle, Pipeline, SettleReport, SqliteStore, Store};
use rayon::prelude::*;
use serde_json::{Map, Value};

use super::stories::db_path;
use crate::load::load;

/// Arguments of `parallax ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files, folders or URLs to add (every input kind `brief` reads).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The database (default: $PARALLAX_DB, else parallax.db); created if missing.
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Articles per transaction.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
}

/// Runs `parallax ingest`: exit code 1 when any input failed.
pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let path = db_path(args.db);
    let loaded = load(&args.inputs);
    for d in &loaded.diagnostics {
        eprintln!("{d}");
    }
    let failed = loaded.errors().count();
    let mut store =
        SqliteStore::open(&path).with_context(|| format!("opening {}", path.display()))?;
    let progress = Progress::new(loaded.articles.len());
    let (mut added, mut duplicates) = (0, 0);
    for batch in loaded.articles.chunks(args.batch.max(1)) {
        let outcome = store
            .add_articles(batch)
            .with_context(|| format!("storing into {}", path.display()))?;
        added += outcome.added.len();
        duplicates += outcome.duplicates;
        progress.show(added + duplicates, "stored");
    }
    progress.message("grouping and briefing");
    // Grouping looks at every stored article, so it runs once, after all batches are in. A run
    // that added nothing still places articles and makes briefs an interrupted run left undone.
    let settled = if added > 0 || store.unplaced()? > 0 || !store.stale_briefs()?.is_empty() {
        settle(&mut store, &Desk::default()).context("regrouping stories")?
    } else {
        SettleReport::default()
    };
    progress.done();
    eprintln!(
        "parallax: {added} added, {duplicates} duplicates, {failed} failed, {} stories touched ({})",
        settled.stories_touched,
        path.display()
    );
    if loaded.articles.is_empty() && failed > 0 {
        bail!("none of the inputs held a readable article");
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A one-line progress count on stderr, shown only when stderr is a terminal.
struct Progress {
    total: usize,
    on: bool,
}

impl Progress {
    fn new(total: usize) -> Self {
        Self {
            total,
            on: std::io::stderr().is_terminal(),
        }
    }

    fn show(&self, n: usize, what: &str) {
        if self.on {
            let width = 30;
            let filled = (n * width)
                .checked_div(self.total)
                .unwrap_or(width)
                .min(width);
            eprint!(
                "\r[{}{}] {n}/{} {what}\x1b[K",
                "#".repeat(filled),
                " ".repeat(width - filled),
                self.total
            );
        }
    }

    fn message(&self, what: &str) {
        if self.on {
            eprint!("\r{what}…\x1b[K");
        }
    }

    fn done(&self) {
        if self.on {
            eprint!("\r\x1b[K");
        }
    }
}

/// The stages run on stored articles: `extract` for posted records, grouping, `analyze` + `fuse`
/// for briefs.
#[derive(Debug, Default)]
pub struct Desk {
    group: GroupConfig,
    fuse: FuseConfig,
    extract: ExtractConfig,
}

impl Pipeline for Desk {
    /// The batch grouper over every stored article: the same partition `parallax cluster` gives
    /// on the same articles, whatever order they arrived in. (`parallax_group::StoryIndex` groups
    /// incrementally, but keeps its index in memory only; a server that stays up could hold one.)
    fn group(&self, articles: &[Article], _previous: &[Option<i64>]) -> Vec<Vec<usize>> {
        let docs: Vec<GroupDoc<'_>> = articles.iter().map(GroupDoc::from).collect();
        group(&docs, &self.group)
            .stories
            .into_iter()
            .map(|s| s.members)
            .collect()
    }

    fn brief(&self, articles: &[Article]) -> Brief {
        let make = || {
            let docs: Vec<_> = articles
                .iter()
                .cloned()
                .map(parallax_analyze::analyze)
                .collect();
            fuse(&docs, Vec::new(), &self.fuse)
        };
        // The last net: a bug one story reaches leaves that story a brief that says so, and the
        // other stories are briefed.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(make)).unwrap_or_else(|panic| {
            let source = articles.first().map_or("story", |a| a.id.as_str());
            let message = format!(
                "internal error while briefing: {}",
                crate::load::panic_text(&*panic)
            );
            fuse(&[], vec![Diagnostic::error(source, message)], &self.fuse)
        })
    }

    fn briefs(&self, stories: &[Vec<Article>]) -> Vec<Brief> {
        stories
            .par_iter()
            .map(|articles| self.brief(articles))
            .collect()
    }
}

impl parallax_serve::Desk for Desk {
    fn read_record(&self, source: &str, record: &Map<String, Value>) -> Result<Article, String> {
        let doc = raw_doc(source, record)?;
        extract(&doc, &self.extract)
            .map(|e| e.article)
            .map_err(|e| e.to_string())
    }
}

/// One posted record (the JSON Lines input shape) as a raw document for `extract`.
fn raw_doc(source: &str, record: &Map<String, Value>) -> Result<RawDoc, String> {
    let text = |key: &str| match record.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    };
    let (format, body) = match (text("html"), text("text")) {
        (Some(html), _) => (Format::Html, html),
        (None, Some(t)) => (Format::Text, t),
        (None, None) => {
            return Err(Diagnostic::error(source, "no \"text\" or \"html\" with content").message)
        }
    };
    let authors = match record.get("authors").or_else(|| record.get("author")) {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    };
    const KNOWN: [&str; 10] = [
        "id",
        "doc",
        "url",
        "title",
        "published",
        "outlet",
        "text",
        "html",
        "authors",
        "author",
    ];
    let extra = record
        .iter()
        .filter(|(k, _)| !KNOWN.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok(RawDoc {
        source: text("url").unwrap_or_else(|| source.to_string()),
        id: text("id").or_else(|| text("doc")),
        format,
        body: body.into_bytes(),
        meta: SourceMeta {
            url: text("url"),
            title: text("title"),
            published: text("published"),
            outlet: text("outlet"),
            authors,
            extra,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => unreachable!(),
        }
    }

    #[test]
    fn posted_records_become_raw_documents() {
        let doc = raw_doc(
            "request:1",
            &map(json!({"id": "a1", "url": "https://x.example/a", "title": "T", "text": "Body.",
                        "outlet": "X", "published": "2024-05-01", "author": "Ann Lee", "section": "World"})),
        )
        .unwrap();
        assert_eq!((doc.format, doc.id.as_deref()), (Format::Text, Some("a1")));
        assert_eq!(doc.source, "https://x.example/a");
        assert_eq!(doc.meta.authors, vec!["Ann Lee".to_string()]);
        assert_eq!(doc.meta.extra.get("section"), Some(&json!("World")));
        let html = raw_doc(
            "request:2",
            &map(json!({"html": "<p>Hi</p>", "text": "ignored"})),
        )
        .unwrap();
        assert_eq!(
            (html.format, html.source.as_str()),
            (Format::Html, "request:2")
        );
        let err =
            raw_doc("request:3", &map(json!({"title": "no body", "text": "  "}))).unwrap_err();
        assert!(err.contains("text"), "{err}");
    }

    #[test]
    fn the_desk_reads_records_through_extract() {
        use parallax_serve::Desk as _;
        let desk = Desk::default();
        let record = map(json!({"title": "Harbour fire", "outlet": "Herald",
            "text": "A fire destroyed two warehouses at the harbour on Monday, officials said.\n\nNo one was hurt."}));
        let article = desk.read_record("request:1", &record).unwrap();
        assert_eq!(article.title.as_deref(), Some("Harbour fire"));
        assert!(article.text.contains("warehouses"));
        assert!(desk
            .read_record("request:2", &map(json!({"text": 3})))
            .is_err());
    }
}
