//! JSON Lines: one article per line, `{"id","url","title","text"|"html","published","outlet"}`;
//! other keys are kept as extra metadata. A malformed line is an error naming `path:line`, and the
//! lines after it are still read. [`record`] is the one reader of that record shape: the server
//! reads posted articles through it too.

use std::io::{BufRead, Read};

use parallax_core::{Format, RawDoc, SourceMeta};
use serde_json::{Map, Value};

use crate::sniff::sniff_format;
use crate::{read_error, IngestError};

/// Reads records one line at a time; no line may pass `max_line` bytes.
pub(crate) struct JsonLines<R> {
    source: String,
    reader: R,
    line: usize,
    max_line: u64,
    done: bool,
}

impl<R: BufRead> JsonLines<R> {
    pub(crate) fn new(source: String, reader: R, max_line: u64) -> Self {
        Self {
            source,
            reader,
            line: 0,
            max_line,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<RawDoc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line += 1;
            let name = format!("{}:{}", self.source, self.line);
            let mut buf = Vec::new();
            let read = Read::take(&mut self.reader, self.max_line + 1).read_until(b'\n', &mut buf);
            match read {
                Ok(0) => self.done = true,
                Ok(_) if buf.len() as u64 > self.max_line => {
                    // The rest of an over-long line cannot be told from the next record.
                    self.done = true;
                    return Some(Err(IngestError::TooLarge {
                        source_name: name,
                        size: buf.len() as u64,
                        limit: self.max_line,
                    }));
                }
                Ok(_) => {
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(line_record(name, &buf));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(read_error(&name, e)));
                }
            }
        }
        None
    }
}

/// Parses one line and reads the object on it.
fn line_record(name: String, line: &[u8]) -> Result<RawDoc, IngestError> {
    let value: Value = serde_json::from_slice(line)
        .map_err(|e| IngestError::malformed(&name, format!("not a JSON object: {e}")))?;
    let Value::Object(map) = value else {
        return Err(IngestError::malformed(&name, "not a JSON object"));
    };
    record(&name, map)
}

/// Reads one record of the JSON input shape into a document. `id` (else `doc`) is the id; `html`
/// wins over `text`, and a `text` that is HTML is read as HTML; `published` may also be spelled
/// `date` or `date_publish`, `outlet` `source_domain`; `author(s)` is a string or a list; every
/// other key is kept as extra metadata. `source` names the document and the record in errors.
pub fn record(source: &str, mut map: Map<String, Value>) -> Result<RawDoc, IngestError> {
    let id = take_id(&mut map, "id").or_else(|| take_id(&mut map, "doc"));
    let (format, body) = match (take_string(&mut map, "html"), take_string(&mut map, "text")) {
        (Some(html), _) if !html.trim().is_empty() => (Format::Html, html),
        (_, Some(text)) if !text.trim().is_empty() => {
            let format = sniff_format(text.as_bytes()).unwrap_or(Format::Text);
            (format, text)
        }
        _ => {
            return Err(IngestError::malformed(
                source,
                "no \"text\" or \"html\" field with content",
            ))
        }
    };
    let mut authors = Vec::new();
    for key in ["authors", "author"] {
        match map.remove(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => authors.push(s.trim().to_string()),
            Some(Value::Array(items)) => authors.extend(
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(|s| s.trim().to_string()),
            ),
            Some(other) => {
                map.insert(key.to_string(), other);
            }
            None => {}
        }
    }
    let meta = SourceMeta {
        url: take_string(&mut map, "url").filter(|u| !u.trim().is_empty()),
        title: take_string(&mut map, "title"),
        published: take_string(&mut map, "published")
            .or_else(|| take_string(&mut map, "date"))
            .or_else(|| take_string(&mut map, "date_publish")),
        outlet: take_string(&mut map, "outlet").or_else(|| take_string(&mut map, "source_domain")),
        authors,
        extra: map.into_iter().collect(),
    };
    Ok(RawDoc {
        source: source.to_string(),
        id,
        format,
        body: body.into_bytes(),
        meta,
    })
}

fn take_string(map: &mut Map<String, Value>, key: &str) -> Option<String> {
    match map.remove(key) {
        Some(Value::String(s)) => Some(s),
        Some(Value::Null) | None => None,
        Some(other) => {
            map.insert(key.to_string(), other);
            None
        }
    }
}

fn take_id(map: &mut Map<String, Value>, key: &str) -> Option<String> {
    match map.get(key) {
        Some(Value::String(s)) if !s.is_empty() => take_string(map, key),
        Some(Value::Number(n)) => {
            let id = n.to_string();
            map.remove(key);
            Some(id)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(value: Value) -> Result<RawDoc, IngestError> {
        match value {
            Value::Object(map) => record("request:1", map),
            _ => unreachable!("a test record is an object"),
        }
    }

    #[test]
    fn fields_and_their_aliases_are_read() {
        let doc = read(
            json!({"doc": "a1", "url": "https://x.example/a", "title": "T",
            "text": "Body.", "source_domain": "x.example", "date_publish": "2024-05-01",
            "author": "Ann Lee", "section": "World"}),
        )
        .unwrap();
        assert_eq!((doc.format, doc.id.as_deref()), (Format::Text, Some("a1")));
        assert_eq!(doc.source, "request:1");
        assert_eq!(doc.meta.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(doc.meta.published.as_deref(), Some("2024-05-01"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("x.example"));
        assert_eq!(doc.meta.authors, vec!["Ann Lee".to_string()]);
        assert_eq!(doc.meta.extra.get("section"), Some(&json!("World")));
        let dated = read(json!({"text": "Body.", "date": "2024-05-02"})).unwrap();
        assert_eq!(dated.meta.published.as_deref(), Some("2024-05-02"));
    }

    #[test]
    fn html_wins_and_html_in_text_is_read_as_html() {
        let html = read(json!({"html": "<p>Hi</p>", "text": "ignored"})).unwrap();
        assert_eq!(html.format, Format::Html);
        let sniffed =
            read(json!({"text": "<!DOCTYPE html><html><body><p>Hi</p></body></html>"})).unwrap();
        assert_eq!(sniffed.format, Format::Html);
    }

    #[test]
    fn a_record_without_a_body_is_a_typed_error() {
        let err = read(json!({"title": "no body", "text": "  "})).unwrap_err();
        assert!(matches!(err, IngestError::Malformed { .. }), "{err}");
        assert!(err.to_string().contains("request:1"), "{err}");
        assert!(read(json!({"text": 3})).is_err());
    }
}
