//! What `extract` produces: one article's clean text and metadata.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A piece of the raw document that cleaning took out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// What it was: `boilerplate`, `teaser`, `caption`, `credit`, `byline`, `dateline`,
    /// `title`, `date`, `url`, `header`, `markup`.
    pub kind: String,
    /// The text as it stood in the input.
    pub text: String,
}

/// One article: clean body text plus the metadata recovered from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Unique within a batch; stable for the same input.
    pub id: String,
    /// Where it came from (the path as given, or a URL).
    pub source: String,
    /// The publishing outlet, when the input names it.
    pub outlet: Option<String>,
    /// Wire services the article is credited to (Reuters, AFP, AP, ...).
    pub wire: Vec<String>,
    /// The headline.
    pub title: Option<String>,
    /// Named bylines; better none than wrong.
    pub authors: Vec<String>,
    /// The article's own publication date (not a page header's or a teaser's).
    pub published: Option<NaiveDate>,
    /// The article's URL.
    pub url: Option<String>,
    /// ISO 639-1 code of the body's language, or `und` when unknown.
    pub language: String,
    /// The clean body: paragraphs separated by a blank line.
    pub text: String,
    /// What cleaning took out.
    pub removed: Vec<Removed>,
}

impl Article {
    /// An article of `text` in `language` with nothing else known: no title, date, outlet, wire
    /// or authors, and its id for its source.
    pub fn new(id: &str, text: &str, language: &str) -> Self {
        Self {
            id: id.into(),
            source: id.into(),
            outlet: None,
            wire: Vec::new(),
            title: None,
            authors: Vec::new(),
            published: None,
            url: None,
            language: language.into(),
            text: text.into(),
            removed: Vec::new(),
        }
    }

    /// A short name for the article to show readers: its outlet, else its id.
    pub fn label(&self) -> &str {
        self.outlet.as_deref().unwrap_or(&self.id)
    }
}
