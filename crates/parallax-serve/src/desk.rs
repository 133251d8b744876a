//! What the server needs from the rest of Parallax to accept new articles.
//!
//! Reading a posted record into an [`Article`] is the `extract` stage's job, and grouping and
//! briefing belong to `group` and `fuse`; the server takes them as a [`Desk`] so that it depends
//! on none of those crates. [`PlainDesk`] is a stand-in that reads records as they are.

use chrono::NaiveDate;
use parallax_core::{Article, Brief};
use parallax_store::Pipeline;
use serde_json::{Map, Value};

/// The stages behind `POST /api/articles`: reading records, then grouping and briefing.
pub trait Desk: Pipeline {
    /// Reads one posted record (the JSON Lines input shape of `extract`:
    /// `{"url", "title", "text" | "html", "published", "outlet", ...}`) into an article.
    /// `source` names the record in messages. An unusable record is an `Err` with a message.
    fn read_record(&self, source: &str, record: &Map<String, Value>) -> Result<Article, String>;
}

/// Reads a record's fields as they stand, without cleaning: `text` is required (`html` is not
/// understood). A stand-in for the real `extract` stage, used by tests and when none is wired.
pub fn plain_article(source: &str, record: &Map<String, Value>) -> Result<Article, String> {
    let field = |name: &str| -> Result<Option<String>, String> {
        match record.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
            Some(other) => Err(format!(
                "field {name:?} must be a string, not {}",
                kind(other)
            )),
        }
    };
    let text = field("text")?.ok_or_else(|| "the record has no \"text\"".to_string())?;
    let published = match field("published")? {
        None => None,
        Some(p) => Some(
            p.get(..10)
                .and_then(|d| d.parse::<NaiveDate>().ok())
                .ok_or_else(|| format!("\"published\" is not a date: {p:?}"))?,
        ),
    };
    let url = field("url")?;
    Ok(Article {
        id: field("id")?
            .or(field("doc")?)
            .unwrap_or_else(|| source.to_string()),
        source: url.clone().unwrap_or_else(|| source.to_string()),
        outlet: field("outlet")?,
        wire: Vec::new(),
        title: field("title")?,
        authors: Vec::new(),
        published,
        url,
        language: field("language")?.unwrap_or_else(|| "und".into()),
        text,
        removed: Vec::new(),
    })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A desk built from a [`Pipeline`] and a record reader.
pub struct PlainDesk<P> {
    /// Groups and briefs.
    pub pipeline: P,
}

impl<P: Pipeline> Pipeline for PlainDesk<P> {
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

impl<P: Pipeline> Desk for PlainDesk<P> {
    fn read_record(&self, source: &str, record: &Map<String, Value>) -> Result<Article, String> {
        plain_article(source, record)
    }
}
