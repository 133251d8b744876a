//! RSS 2.0 and Atom feeds: one document per item, with its link, date and title, and its content
//! (or summary) as the body when the feed carries it.

use encoding_rs::Encoding;
use parallax_core::{Format, RawDoc, SourceMeta};

use crate::sniff::sniff_format;
use crate::IngestError;

/// The items of a feed held in memory.
pub(crate) fn items(source: &str, bytes: &[u8]) -> Vec<Result<RawDoc, IngestError>> {
    let parser = feed_rs::parser::Builder::new().build();
    let utf8 = as_utf8_without_declarations(bytes);
    let feed = match parser.parse(utf8.as_bytes()) {
        Ok(feed) => feed,
        Err(e) => {
            return vec![Err(IngestError::malformed(
                source,
                format!("not a readable RSS or Atom feed: {e}"),
            ))]
        }
    };
    let outlet = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let mut out = Vec::new();
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let link = entry.links.first().map(|l| l.href.clone());
        let name = match &link {
            Some(l) => format!("{source}#item{} ({l})", i + 1),
            None => format!("{source}#item{}", i + 1),
        };
        let title = entry
            .title
            .map(|t| t.content.trim().to_string())
            .filter(|t| !t.is_empty());
        let body = entry
            .content
            .and_then(|c| c.body)
            .filter(|b| !b.trim().is_empty())
            .or_else(|| {
                entry
                    .summary
                    .map(|s| s.content)
                    .filter(|s| !s.trim().is_empty())
            });
        let Some(body) = body else {
            out.push(Err(IngestError::malformed(
                &name,
                "feed item has no content or summary",
            )));
            continue;
        };
        let format = if body.contains('<') {
            Format::Html
        } else {
            sniff_format(body.as_bytes()).unwrap_or(Format::Text)
        };
        let published = entry.published.or(entry.updated).map(|d| d.to_rfc3339());
        let authors = entry
            .authors
            .into_iter()
            .filter_map(|a| a.name)
            .map(|n| n.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        let meta = SourceMeta {
            url: link,
            title,
            published,
            outlet: outlet.clone(),
            authors,
            extra: Default::default(),
        };
        let id = Some(entry.id).filter(|id| !id.is_empty());
        out.push(Ok(RawDoc {
            source: name,
            id,
            format,
            body: body.into_bytes(),
            meta,
        }));
    }
    if out.is_empty() {
        out.push(Err(IngestError::malformed(source, "feed has no items")));
    }
    out
}

/// The feed decoded to UTF-8 with every `<?xml …?>` declaration taken out.
///
/// quick-xml (under feed-rs) switches its decoder on any declaration that names an encoding and
/// panics when one comes after its first 64 bytes. Decoding here, once, by the byte-order mark or
/// the leading declaration, leaves it nothing to switch.
fn as_utf8_without_declarations(bytes: &[u8]) -> String {
    let (encoding, skip) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (encoding, bom),
        None => match bytes {
            [b'<', 0, b'?', 0, ..] => (encoding_rs::UTF_16LE, 0),
            [0, b'<', 0, b'?', ..] => (encoding_rs::UTF_16BE, 0),
            _ => (declared_encoding(bytes).unwrap_or(encoding_rs::UTF_8), 0),
        },
    };
    let rest = bytes.get(skip..).unwrap_or_default();
    let (text, _) = encoding.decode_without_bom_handling(rest);
    strip_declarations(&text)
}

/// The encoding a leading `<?xml … encoding="…"?>` names, when it is one we know.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = bytes.get(start..)?.strip_prefix(b"<?xml")?;
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = head.get(..end)?;
    let at = decl.windows(8).position(|w| w == b"encoding")?;
    let after = decl.get(at + 8..)?;
    let quote = after.iter().position(|b| *b == b'"' || *b == b'\'')?;
    let q = after[quote];
    let value = after.get(quote + 1..)?;
    let close = value.iter().position(|b| *b == q)?;
    Encoding::for_label(value.get(..close)?)
}

/// `text` without its XML declarations (`<?xml` then a space or `?`, up to the next `?>`).
fn strip_declarations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("<?xml") {
        let after = &rest[at + 5..];
        let is_declaration = after.starts_with(|c: char| c.is_ascii_whitespace() || c == '?');
        match after.find("?>") {
            Some(end) if is_declaration => {
                out.push_str(&rest[..at]);
                rest = &after[end + 2..];
            }
            _ => {
                out.push_str(&rest[..at + 5]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEED: &str = "<rss version=\"2.0\"><channel><title>Desk</title><item><title>A</title>\
        <description>The council met on Tuesday.</description></item></channel></rss>";

    fn bodies(bytes: &[u8]) -> Vec<String> {
        items("feed.xml", bytes)
            .into_iter()
            .map(|r| match r {
                Ok(doc) => String::from_utf8_lossy(&doc.body).into_owned(),
                Err(e) => format!("error: {e}"),
            })
            .collect()
    }

    #[test]
    fn a_late_declaration_is_not_a_panic() {
        let inside = FEED.replace(
            "</channel>",
            "<?xml version=\"1.0\" encoding=\"utf-16\"?></channel>",
        );
        assert_eq!(bodies(inside.as_bytes()), ["The council met on Tuesday."]);
        let padded = format!(
            "{}<?xml version=\"1.0\" encoding=\"latin1\"?>{FEED}",
            " ".repeat(100)
        );
        assert_eq!(bodies(padded.as_bytes()), ["The council met on Tuesday."]);
    }

    #[test]
    fn a_leading_declaration_still_decodes() {
        let mut latin = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>".to_vec();
        let marked = FEED.replace("Tuesday", "Mardi\u{1}");
        latin.extend(marked.bytes().map(|b| if b == 1 { 0xE9 } else { b }));
        assert_eq!(bodies(&latin), ["The council met on Mardi\u{e9}."]);
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in FEED.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(bodies(&utf16), ["The council met on Tuesday."]);
    }

    #[test]
    fn processing_instructions_that_are_not_declarations_stay() {
        assert_eq!(
            strip_declarations("a<?xml-stylesheet x?>b"),
            "a<?xml-stylesheet x?>b"
        );
        assert_eq!(
            strip_declarations("a<?xml version='1.0'?>b<?xml"),
            "ab<?xml"
        );
    }
}
