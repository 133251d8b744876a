//! WARC archives (such as CC-NEWS): the HTTP `response` records holding pages, read one record at
//! a time so that an archive of any size is never held in memory.
//!
//! A record that is too large or not a page is skipped; a truncated or malformed record is an
//! error naming `path#offset`, and reading stops there since the next record cannot be found.

use std::io::{self, BufRead, Read};

use parallax_core::{RawDoc, SourceMeta};
use serde_json::Value;

use crate::sniff::{sniff_kind, Kind};
use crate::{read_error, IngestError};

/// Longest header line read.
const MAX_LINE: u64 = 64 * 1024;

/// Largest record header read: real ones are under 2 KB; one that never ends must not grow
/// memory without bound.
const MAX_HEADER: u64 = 256 * 1024;

/// Iterates over the page records of a WARC stream.
pub(crate) struct Warc<R> {
    source: String,
    reader: R,
    offset: u64,
    max_record: u64,
    done: bool,
}

impl<R: BufRead> Warc<R> {
    pub(crate) fn new(source: String, reader: R, max_record: u64) -> Self {
        Self {
            source,
            reader,
            offset: 0,
            max_record,
            done: false,
        }
    }

    fn name(&self, offset: u64) -> String {
        format!("{}#{}", self.source, offset)
    }

    /// Reads one line, without its line ending; `None` at the end of the stream.
    fn line(&mut self) -> io::Result<Option<String>> {
        let mut buf = Vec::new();
        let n = Read::take(&mut self.reader, MAX_LINE).read_until(b'\n', &mut buf)?;
        self.offset += n as u64;
        if n == 0 {
            return Ok(None);
        }
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
    }

    /// The next record's document, `Ok(None)` for a record that holds no page.
    fn record(&mut self) -> Result<Option<Option<RawDoc>>, IngestError> {
        // Records are separated by blank lines.
        let start = self.offset;
        let version = loop {
            match self.line().map_err(|e| read_error(&self.name(start), e))? {
                None => return Ok(None),
                Some(l) if l.trim().is_empty() => continue,
                Some(l) => break l,
            }
        };
        let name = self.name(start);
        if !version.starts_with("WARC/") {
            return Err(IngestError::malformed(
                &name,
                format!("expected a WARC record, found {:?}", clip(&version)),
            ));
        }
        let mut headers = Vec::new();
        let header_start = self.offset;
        loop {
            if self.offset - header_start > MAX_HEADER {
                return Err(IngestError::malformed(
                    &name,
                    format!("WARC record header longer than {MAX_HEADER} bytes"),
                ));
            }
            match self.line().map_err(|e| read_error(&name, e))? {
                None => {
                    return Err(IngestError::malformed(
                        &name,
                        "truncated WARC record header",
                    ))
                }
                Some(l) if l.is_empty() => break,
                Some(l) => {
                    if let Some((k, v)) = l.split_once(':') {
                        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                    }
                }
            }
        }
        let header = |key: &str| {
            headers
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let length: u64 = header("content-length")
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| {
                IngestError::malformed(&name, "WARC record without a valid Content-Length")
            })?;
        let is_response = header("warc-type") == Some("response")
            && header("content-type").is_some_and(|t| t.starts_with("application/http"));
        if !is_response || length > self.max_record {
            let skipped = io::copy(&mut Read::take(&mut self.reader, length), &mut io::sink())
                .map_err(|e| read_error(&name, e))?;
            self.offset += skipped;
            if skipped < length {
                return Err(truncated(&name, skipped, length));
            }
            return Ok(Some(None));
        }
        let mut block = Vec::with_capacity(length as usize);
        let read = Read::take(&mut self.reader, length)
            .read_to_end(&mut block)
            .map_err(|e| read_error(&name, e))?;
        self.offset += read as u64;
        if (read as u64) < length {
            return Err(truncated(&name, read as u64, length));
        }
        let uri = header("warc-target-uri").map(str::to_string);
        let record_name = match &uri {
            Some(u) => format!("{name} ({u})"),
            None => name,
        };
        let mut meta = SourceMeta {
            url: uri,
            ..SourceMeta::default()
        };
        if let Some(date) = header("warc-date") {
            meta.extra
                .insert("warc_date".into(), Value::String(date.into()));
        }
        if let Some(id) = header("warc-record-id") {
            meta.extra
                .insert("warc_record_id".into(), Value::String(id.into()));
        }
        Ok(Some(http_page(record_name, &block, meta)))
    }
}

impl<R: BufRead> Iterator for Warc<R> {
    type Item = Result<RawDoc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.record() {
                Ok(None) => self.done = true,
                Ok(Some(None)) => continue,
                Ok(Some(Some(doc))) => return Some(Ok(doc)),
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
        None
    }
}

fn truncated(name: &str, got: u64, want: u64) -> IngestError {
    IngestError::malformed(
        name,
        format!("truncated WARC record: {got} of {want} bytes"),
    )
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

/// The page an HTTP response holds, if it is a successful text or HTML response.
fn http_page(name: String, block: &[u8], mut meta: SourceMeta) -> Option<RawDoc> {
    let split = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| {
            block
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|p| (p, p + 2))
        })?;
    let head = String::from_utf8_lossy(&block[..split.0]);
    let body = &block[split.1..];
    let mut lines = head.lines();
    let status: u16 = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    if status != 200 {
        return None;
    }
    let mut encoded = false;
    for line in lines {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
        if k == "content-type" {
            if let Some(cs) = charset_of(v) {
                meta.extra.insert("charset".into(), Value::String(cs));
            }
        } else if k == "content-encoding" && !v.eq_ignore_ascii_case("identity") {
            encoded = true;
        }
    }
    // Crawlers store bodies as sent; a compressed body is not a page we can read here.
    if encoded || body.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    match sniff_kind(body) {
        Kind::Document(format) => Some(RawDoc {
            source: name,
            id: None,
            format,
            body: body.to_vec(),
            meta,
        }),
        _ => None,
    }
}

/// The `charset` parameter of a `Content-Type` value.
pub(crate) fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"').to_string())
    })
}
