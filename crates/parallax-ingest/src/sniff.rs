//! Content sniffing: what an input is, judged from its first bytes rather than its name.

use parallax_core::Format;

/// How many leading bytes are inspected.
pub(crate) const SNIFF_LEN: usize = 4096;

/// What a stream of bytes holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// gzip-compressed data, to be sniffed again once decompressed.
    Gzip,
    /// A WARC archive (records of crawled pages).
    Warc,
    /// JSON Lines: one JSON object per line.
    JsonLines,
    /// An RSS or Atom feed.
    Feed,
    /// A single document.
    Document(Format),
    /// Binary data that is none of the above.
    Binary,
}

/// What a stream of bytes holds, from its first bytes.
pub fn sniff_kind(head: &[u8]) -> Kind {
    if head.starts_with(&[0x1f, 0x8b]) {
        return Kind::Gzip;
    }
    let trimmed = trim_start(head);
    if trimmed.starts_with(b"WARC/") {
        return Kind::Warc;
    }
    if trimmed.starts_with(b"{") {
        return Kind::JsonLines;
    }
    if is_feed(trimmed) {
        return Kind::Feed;
    }
    match sniff_format(head) {
        Some(format) => Kind::Document(format),
        None => Kind::Binary,
    }
}

fn trim_start(head: &[u8]) -> &[u8] {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    &head[start..]
}

/// `String::from_utf8_lossy`, which reads valid UTF-8 (nearly every head) byte by byte; the
/// standard validation reads ASCII a word at a time, and only a head it rejects is read again.
fn lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// An XML document whose root is `<rss>`, `<feed>` or `<rdf:RDF>`.
fn is_feed(trimmed: &[u8]) -> bool {
    let text = lossy(&trimmed[..trimmed.len().min(SNIFF_LEN)]).to_ascii_lowercase();
    if !text.starts_with('<') {
        return false;
    }
    // Skip the XML declaration, comments and processing instructions before the root element.
    let mut rest = text.as_str();
    loop {
        rest = rest.trim_start();
        if rest.starts_with("<?") {
            match rest.find("?>") {
                Some(end) => rest = &rest[end + 2..],
                None => return false,
            }
        } else if rest.starts_with("<!--") {
            match rest.find("-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return false,
            }
        } else if rest.starts_with("<!doctype") && !rest.starts_with("<!doctype html") {
            match rest.find('>') {
                Some(end) => rest = &rest[end + 1..],
                None => return false,
            }
        } else {
            break;
        }
    }
    ["<rss", "<feed", "<rdf:rdf"]
        .iter()
        .any(|root| rest.starts_with(root))
}

/// The format of a single document's bytes, or `None` when they are binary.
pub fn sniff_format(body: &[u8]) -> Option<Format> {
    let head = &body[..body.len().min(SNIFF_LEN)];
    if looks_binary(head) {
        return None;
    }
    Some(Format::of_content(body))
}

/// NUL bytes, or more than one byte in ten a control character other than white space.
fn looks_binary(head: &[u8]) -> bool {
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_recognised_by_content() {
        assert_eq!(
            sniff_format(b"\n  <!DOCTYPE html><html></html>"),
            Some(Format::Html)
        );
        assert_eq!(
            sniff_format(b"Just words <b>with</b> a tag."),
            Some(Format::Text)
        );
        // Pages saved without the usual opening are pages still.
        assert_eq!(
            sniff_format(b"<!DOCTYPE doctype PUBLIC \"-//w3c//dtd html 4.0//en\">"),
            Some(Format::Html)
        );
        assert_eq!(
            sniff_format(b"&nbsp;\r\n<table><tr><td>a</td></tr></table><p>b</p>"),
            Some(Format::Html)
        );
        assert_eq!(sniff_format(b"\x00\x01PK"), None);
    }

    #[test]
    fn containers_are_recognised_by_content() {
        assert_eq!(sniff_kind(b"\x1f\x8b\x08\x00"), Kind::Gzip);
        assert_eq!(
            sniff_kind(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"),
            Kind::Warc
        );
        assert_eq!(
            sniff_kind(b"{\"id\": 1, \"text\": \"x\"}\n"),
            Kind::JsonLines
        );
        assert_eq!(
            sniff_kind(b"<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"),
            Kind::Feed
        );
        assert_eq!(
            sniff_kind(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Kind::Feed
        );
        assert_eq!(
            sniff_kind(b"<html><body>rss</body></html>"),
            Kind::Document(Format::Html)
        );
        assert_eq!(sniff_kind(b"Plain words."), Kind::Document(Format::Text));
        assert_eq!(sniff_kind(b"\x00\x00\x00"), Kind::Binary);
    }
}
