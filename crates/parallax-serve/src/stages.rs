//! What the server needs from the rest of Parallax to accept new articles.
//!
//! Reading a posted record into an [`Article`] is the `extract` stage's job, and grouping and
//! briefing belong to `group` and `fuse`; the server takes them as a [`Stages`] so that it depends
//! on none of those crates. [`PlainStages`] is a stand-in that reads records as they are.

use chrono::NaiveDate;
use parallax_core::{Article, Brief, Format};
use parallax_store::Pipeline;
use serde_json::{Map, Value};

/// The stages behind `POST /api/articles`: reading records, then grouping and briefing.
pub trait Stages: Pipeline {
    /// Reads one posted record (the JSON Lines input shape, read by [`parallax_ingest::record`])
    /// into an article. `source` names the record in messages.
    fn read_record(&self, source: &str, record: Map<String, Value>)
        -> Result<Article, RecordError>;
}

/// Why a posted record could not become an article.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The record does not have the input shape (no body, a field of the wrong kind).
    #[error(transparent)]
    Shape(#[from] parallax_ingest::IngestError),
    /// A field has the right kind but a value that cannot be used.
    #[error("{source_name}: {message}")]
    Invalid {
        /// The record.
        source_name: String,
        /// What is wrong.
        message: String,
    },
    /// The stage that cleans records (`extract`) rejected it.
    #[error(transparent)]
    Rejected(Box<dyn std::error::Error + Send + Sync>),
}

/// Reads a record's fields as they stand, without cleaning: the body must be plain text (`html` is
/// not understood). A stand-in for the real `extract` stage, used by tests and when none is wired.
pub fn plain_article(source: &str, record: Map<String, Value>) -> Result<Article, RecordError> {
    let doc = parallax_ingest::record(source, record)?;
    let invalid = |message: String| RecordError::Invalid {
        source_name: source.to_string(),
        message,
    };
    if doc.format != Format::Text {
        return Err(invalid(format!(
            "a {:?} body needs the extract stage",
            doc.format
        )));
    }
    let text = String::from_utf8(doc.body).map_err(|e| invalid(e.to_string()))?;
    let published = match doc.meta.published {
        None => None,
        Some(p) => Some(
            p.get(..10)
                .and_then(|d| d.parse::<NaiveDate>().ok())
                .ok_or_else(|| invalid(format!("\"published\" is not a date: {p:?}")))?,
        ),
    };
    let language = match doc.meta.extra.get("language") {
        Some(Value::String(l)) => l.clone(),
        _ => "und".into(),
    };
    Ok(Article {
        id: doc.id.unwrap_or_else(|| source.to_string()),
        // A posted record is known by its URL, when it has one, not by its place in a request.
        source: doc.meta.url.clone().unwrap_or(doc.source),
        outlet: doc.meta.outlet,
        wire: Vec::new(),
        title: doc.meta.title,
        authors: doc.meta.authors,
        published,
        url: doc.meta.url,
        language,
        text: text.trim().to_string(),
        dateline: None,
        removed: Vec::new(),
    })
}

/// Stages built from a [`Pipeline`] and a record reader.
pub struct PlainStages<P> {
    /// Groups and briefs.
    pub pipeline: P,
}

impl<P: Pipeline> Pipeline for PlainStages<P> {
    fn group(&self, articles: &[Article], previous: &[Option<i64>]) -> Vec<Vec<usize>> {
        self.pipeline.group(articles, previous)
    }

    fn brief(&self, articles: &[Article]) -> Brief {
        self.pipeline.brief(articles)
    }

    fn briefs(&self, stories: &[Vec<Article>]) -> Vec<Brief> {
        self.pipeline.briefs(stories)
    }
}

impl<P: Pipeline> Stages for PlainStages<P> {
    fn read_record(
        &self,
        source: &str,
        record: Map<String, Value>,
    ) -> Result<Article, RecordError> {
        plain_article(source, record)
    }
}
