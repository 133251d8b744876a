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

impl Format {
    /// HTML or text, judged from a document's bytes rather than its name. A page is HTML when,
    /// past white space and non-breaking-space entities, it opens with a declaration
    /// (`<!doctype`, `<!--`, `<?xml`), with an element only pages open with (`<html>`, `<meta>`,
    /// `<div>`), or with a tag that it closes (`<pre>` … `</pre>`) or that several end tags
    /// follow early on (`<table>`, `<script>`, `<a name=top>`). Prose does not open with a tag,
    /// and text that names one (`<b> opens a bold run`) seldom closes it.
    pub fn of_content(body: &[u8]) -> Format {
        let head = &body[..body.len().min(MARKUP_SNIFF_BYTES)];
        let start = skip_blank_opening(head);
        let Some(rest) = head.get(start..).filter(|r| r.first() == Some(&b'<')) else {
            return Format::Text;
        };
        if matches!(rest.get(1), Some(b'!' | b'?')) {
            return Format::Html;
        }
        // A page cut from a larger one may open with an end tag.
        let tag = rest.strip_prefix(b"</").unwrap_or(&rest[1..]);
        let name_len = tag.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if !tag.first().is_some_and(u8::is_ascii_alphabetic) {
            return Format::Text;
        }
        let name = &tag[..name_len];
        if PAGE_OPENERS.iter().any(|o| o.eq_ignore_ascii_case(name)) {
            return Format::Html;
        }
        let end_tags = memchr::memmem::find_iter(head, b"</").count();
        if end_tags >= MARKUP_MIN_END_TAGS || closes(&body[start..], name) {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Elements only a page opens with, whatever follows.
const PAGE_OPENERS: [&[u8]; 9] = [
    b"html", b"head", b"body", b"meta", b"link", b"title", b"div", b"article", b"p",
];
/// Bytes this far into a document tell markup from text.
const MARKUP_SNIFF_BYTES: usize = 4096;
/// End tags that many in a document's first bytes make one that opens with a tag markup.
const MARKUP_MIN_END_TAGS: usize = 3;

/// Where a document's first content starts: past byte-order marks, white space and
/// non-breaking-space entities (`&nbsp;`, `&#160;`), which some pages put before their first tag.
fn skip_blank_opening(head: &[u8]) -> usize {
    const BLANKS: [&[u8]; 4] = [b"\xef\xbb\xbf", b"&nbsp;", b"&#160;", b"&#xa0;"];
    let mut at = 0;
    loop {
        let rest = &head[at..];
        if rest.first().is_some_and(u8::is_ascii_whitespace) {
            at += 1;
            continue;
        }
        let blank = BLANKS
            .into_iter()
            .find(|e| rest.len() >= e.len() && rest[..e.len()].eq_ignore_ascii_case(e));
        match blank {
            Some(e) => at += e.len(),
            None => return at,
        }
    }
}

/// Whether `body` holds the end tag of element `name`, in any case.
fn closes(body: &[u8], name: &[u8]) -> bool {
    memchr::memmem::find_iter(body, b"</").any(|at| {
        let tail = &body[at + 2..];
        tail.len() > name.len()
            && tail[..name.len()].eq_ignore_ascii_case(name)
            && !tail[name.len()].is_ascii_alphanumeric()
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(body: &str, expected: Format) {
        assert_eq!(Format::of_content(body.as_bytes()), expected, "{body:?}");
    }

    #[test]
    fn a_page_is_told_from_text_by_how_it_opens() {
        let pages = [
            "\n  <!DOCTYPE html><html></html>",
            "<!DOCTYPE doctype PUBLIC \"-//w3c//dtd html 4.0//en\">\n<html>",
            "\u{feff}<?xml version=\"1.0\"?><html>",
            "<!-- saved page --><table>",
            "<meta charset=utf-8><p>Hello",
            "&nbsp;\r\n<table><tr><td>a</td></tr></table><p>b</p>",
            "\n\u{feff}<html>",
            "\n\t</body>\n</font>\n<img src=a.gif>\n</td>",
            "<pre>\nA story told in a pre block.\n</PRE>",
            "<script>var a;</script><table><tr><td>x</td></tr></table>",
        ];
        for page in pages {
            check(page, Format::Html);
        }
        let texts = [
            "Just words <b>with</b> a tag.",
            "<b> opens a bold run in HTML, the tutorial said; it is closed by a slash tag.",
            "The council met. </p> </p> </p>",
            "<3 the council, the sign said.",
            "",
        ];
        for text in texts {
            check(text, Format::Text);
        }
    }
}
