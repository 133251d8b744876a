//! What `ingest` hands to `extract`: the bytes of one document and what its container said about it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The kind of markup a document's bytes are in, as sniffed from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, such as a scraped article saved as `.txt`.
    Text,
    /// An HTML page.
    Html,
}

/// Metadata that the container of a document supplied (a JSON Lines record, a WARC header, a feed
/// item). It is trusted over what `extract` can guess from the text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceMeta {
    /// The article's URL.
    pub url: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The publication date or time, as the container wrote it.
    pub published: Option<String>,
    /// The publishing outlet's name.
    pub outlet: Option<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// Any other fields the container had, kept as they were.
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// One document as read, before any cleaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawDoc {
    /// Where it came from: a path as given, `path:line` for a record in a file, or a URL.
    pub source: String,
    /// The input's own id, when it has one (a JSON Lines `id` or `doc` field).
    pub id: Option<String>,
    /// How the body is marked up.
    pub format: Format,
    /// The body as read: not yet decoded, so that `extract` can detect the encoding.
    #[serde(skip)]
    pub body: Vec<u8>,
    /// What the container said about the document.
    pub meta: SourceMeta,
}
