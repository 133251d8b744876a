//! What travels in a message: a raw document (its metadata as one JSON line, then its bytes as
//! read) and a worker's result (an analysed article, or only the article when its analysis would
//! not fit in one message).

use std::hash::{DefaultHasher, Hash, Hasher};

use parallax_core::{Analyzed, Article, RawDoc};

use crate::error::QueueError;

/// A raw document as one message payload: its JSON (without the body) on the first line, the body
/// after the newline. JSON escapes every newline, so the first one ends the metadata.
pub fn encode_doc(doc: &RawDoc) -> Result<Vec<u8>, QueueError> {
    let mut out =
        serde_json::to_vec(doc).map_err(|e| QueueError::Decode(format!("{}: {e}", doc.source)))?;
    out.reserve(doc.body.len() + 1);
    out.push(b'\n');
    out.extend_from_slice(&doc.body);
    Ok(out)
}

/// The raw document [`encode_doc`] made.
pub fn decode_doc(payload: &[u8]) -> Result<RawDoc, QueueError> {
    let newline = payload
        .iter()
        .position(|&b| b == b'\n')
        .ok_or_else(|| QueueError::Decode("a document without its metadata line".into()))?;
    let (meta, body) = payload.split_at(newline);
    let mut doc: RawDoc =
        serde_json::from_slice(meta).map_err(|e| QueueError::Decode(e.to_string()))?;
    doc.body = body.get(1..).unwrap_or_default().to_vec();
    Ok(doc)
}

/// The de-duplication id of a document (JetStream drops a second message with the same id within
/// its window): the same source with the same bytes is the same message.
pub fn doc_id(doc: &RawDoc) -> String {
    let mut hasher = DefaultHasher::new();
    doc.source.hash(&mut hasher);
    doc.body.hash(&mut hasher);
    format!("doc-{:016x}", hasher.finish())
}

/// A worker's result for one document.
#[derive(Debug, Clone, PartialEq)]
pub enum Processed {
    /// The article with its analysis.
    Analyzed(Box<Analyzed>),
    /// The article alone: its analysis was too large for a message, and the grouper makes it.
    Article(Box<Article>),
}

impl Processed {
    /// The article.
    pub fn article(&self) -> &Article {
        match self {
            Self::Analyzed(a) => &a.article,
            Self::Article(a) => a,
        }
    }
}

/// The header that says which [`Processed`] a result message holds.
pub const KIND_HEADER: &str = "Parallax-Kind";

/// A result as (kind, JSON).
pub fn encode_processed(processed: &Processed) -> Result<(&'static str, Vec<u8>), QueueError> {
    let encoded = match processed {
        Processed::Analyzed(a) => ("analyzed", serde_json::to_vec(a)),
        Processed::Article(a) => ("article", serde_json::to_vec(a)),
    };
    let (kind, json) = encoded;
    Ok((kind, json.map_err(|e| QueueError::Decode(e.to_string()))?))
}

/// The result [`encode_processed`] made; `kind` is its header's value.
pub fn decode_processed(kind: Option<&str>, payload: &[u8]) -> Result<Processed, QueueError> {
    let bad = |e: serde_json::Error| QueueError::Decode(e.to_string());
    match kind {
        Some("analyzed") => Ok(Processed::Analyzed(Box::new(
            serde_json::from_slice(payload).map_err(bad)?,
        ))),
        Some("article") => Ok(Processed::Article(Box::new(
            serde_json::from_slice(payload).map_err(bad)?,
        ))),
        other => Err(QueueError::Decode(format!("unknown result kind {other:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{Format, SourceMeta};

    fn doc(body: &[u8]) -> RawDoc {
        RawDoc {
            source: "feed.jsonl:3".into(),
            id: Some("a".into()),
            format: Format::Html,
            body: body.to_vec(),
            meta: SourceMeta {
                title: Some("Harbour\nfire".into()),
                ..SourceMeta::default()
            },
        }
    }

    #[track_caller]
    fn check(body: &[u8]) {
        let original = doc(body);
        let back = decode_doc(&encode_doc(&original).unwrap()).unwrap();
        assert_eq!(back, original);
    }

    #[test]
    fn documents_come_back_whole() {
        check(b"");
        check(b"<p>two\nlines</p>\n");
        check(&[0, 255, b'\n', 10]);
    }

    #[test]
    fn a_payload_without_metadata_is_an_error_not_a_panic() {
        assert!(decode_doc(b"").is_err());
        assert!(decode_doc(b"{not json\nbody").is_err());
        assert!(decode_processed(Some("other"), b"{}").is_err());
        assert!(decode_processed(None, b"{}").is_err());
    }

    #[test]
    fn the_same_document_has_the_same_id() {
        assert_eq!(doc_id(&doc(b"x")), doc_id(&doc(b"x")));
        assert_ne!(doc_id(&doc(b"x")), doc_id(&doc(b"y")));
    }
}
