//! Every input kind, well-formed and broken, read through the public API. Inputs are generated
//! here: nothing big is committed.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::Instant;

use flate2::write::GzEncoder;
use parallax_core::Format;
use parallax_ingest::{read_bytes, stream, IngestConfig, IngestError};

fn gz(data: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-ingest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn read_all(path: &Path) -> (Vec<parallax_core::RawDoc>, Vec<IngestError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for item in stream(path, &IngestConfig::default()) {
        match item {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e),
        }
    }
    (docs, errors)
}

fn warc_record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http_response(body: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n{body}")
        .into_bytes()
}

#[test]
fn json_lines_keep_metadata_and_report_a_malformed_line() {
    let data = concat!(
        "{\"id\": \"a1\", \"url\": \"https://x.test/a\", \"title\": \"T\", \"text\": \"Body one.\", \"published\": \"2024-01-02\", \"outlet\": \"X\", \"lang\": \"en\"}\n",
        "{\"doc\": 7, \"html\": \"<p>Body two.</p>\"\n",
        "\n",
        "{\"doc\": 8, \"html\": \"<html><p>Body three.</p></html>\", \"author\": [\"Ann Lee\"]}\n",
        "{\"id\": \"x\"}\n",
    );
    let path = temp_file("articles.jsonl", data.as_bytes());
    let (docs, errors) = read_all(&path);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].id.as_deref(), Some("a1"));
    assert_eq!(docs[0].format, Format::Text);
    assert_eq!(docs[0].meta.outlet.as_deref(), Some("X"));
    assert_eq!(
        docs[0].meta.extra.get("lang").and_then(|v| v.as_str()),
        Some("en")
    );
    assert_eq!(docs[0].source, format!("{}:1", path.display()));
    assert_eq!(docs[1].id.as_deref(), Some("8"));
    assert_eq!(docs[1].format, Format::Html);
    assert_eq!(docs[1].meta.authors, vec!["Ann Lee"]);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].to_string().contains("articles.jsonl:2"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].to_string().contains("articles.jsonl:5"),
        "{}",
        errors[1]
    );
}

#[test]
fn warc_responses_are_streamed_and_a_truncated_record_is_reported() {
    let mut warc = warc_record("warcinfo", "", b"software: test\r\n");
    warc.extend(warc_record(
        "response",
        "https://x.test/1",
        &http_response("<html><p>caf\u{e9}</p></html>"),
    ));
    warc.extend(warc_record(
        "request",
        "https://x.test/1",
        b"GET / HTTP/1.1\r\n\r\n",
    ));
    warc.extend(warc_record(
        "response",
        "https://x.test/2",
        &http_response("<html><p>Second page.</p></html>"),
    ));
    let mut cut = warc_record(
        "response",
        "https://x.test/3",
        &http_response("<html><p>Third page, cut short.</p></html>"),
    );
    cut.truncate(cut.len() - 30);
    warc.extend(cut);

    for (name, bytes) in [("crawl.warc", warc.clone()), ("crawl.warc.gz", gz(&warc))] {
        let path = temp_file(name, &bytes);
        let (docs, errors) = read_all(&path);
        assert_eq!(docs.len(), 2, "{name}");
        assert_eq!(docs[0].meta.url.as_deref(), Some("https://x.test/1"));
        assert_eq!(docs[0].format, Format::Html);
        assert_eq!(
            docs[0].meta.extra.get("charset").and_then(|v| v.as_str()),
            Some("ISO-8859-1")
        );
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        let msg = errors[0].to_string();
        assert!(msg.contains(name) && msg.contains("truncated"), "{msg}");
    }
}

#[test]
fn a_gzip_bomb_is_stopped_quickly() {
    let bomb = gz(&vec![b' '; 32 << 20]);
    assert!(bomb.len() < 1 << 20);
    let path = temp_file("bomb.html.gz", &bomb);
    let start = Instant::now();
    let (docs, errors) = read_all(&path);
    assert!(docs.is_empty());
    assert_eq!(errors.len(), 1);
    let msg = errors[0].to_string();
    assert!(
        msg.contains("bomb.html.gz") && msg.contains("gzip bomb"),
        "{msg}"
    );
    assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
}

#[test]
fn gzip_of_a_page_and_a_too_large_page() {
    let path = temp_file(
        "page.html.gz",
        &gz(b"<!doctype html><html><body><p>Hello.</p></body></html>"),
    );
    let (docs, errors) = read_all(&path);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs[0].format, Format::Html);
    let config = IngestConfig {
        max_bytes: 1000,
        ..IngestConfig::default()
    };
    let path = temp_file("big.html", &vec![b'a'; 5000]);
    let errors: Vec<_> = stream(&path, &config).filter_map(Result::err).collect();
    assert!(
        matches!(errors[0], IngestError::TooLarge { .. }),
        "{errors:?}"
    );
}

#[test]
fn feeds_give_items_even_with_broken_dates() {
    let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Planet</title>
        <item><title>One</title><link>https://p.test/1</link><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
          <description>&lt;p&gt;First story body.&lt;/p&gt;</description></item>
        <item><title>Two</title><link>https://p.test/2</link><pubDate>not a date at all</pubDate>
          <description>Second story body.</description></item>
        <item><title>Three</title><link>https://p.test/3</link><pubDate>32/13/2024 99:99</pubDate></item>
        </channel></rss>"#;
    let path = temp_file("feed.xml", rss.as_bytes());
    let (docs, errors) = read_all(&path);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].meta.url.as_deref(), Some("https://p.test/1"));
    assert!(docs[0]
        .meta
        .published
        .as_deref()
        .is_some_and(|d| d.starts_with("2024-01-02")));
    assert_eq!(docs[0].meta.outlet.as_deref(), Some("Daily Planet"));
    assert_eq!(docs[0].format, Format::Html);
    assert_eq!(docs[1].meta.published, None);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].to_string().contains("feed.xml#item3"));

    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
        <entry><title>E</title><id>urn:e1</id><link href="https://a.test/e"/><updated>yesterday</updated>
        <content type="html">&lt;p&gt;Atom body.&lt;/p&gt;</content></entry></feed>"#;
    let docs = read_bytes("atom.xml".into(), atom.as_bytes().to_vec()).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id.as_deref(), Some("urn:e1"));
    assert_eq!(docs[0].meta.url.as_deref(), Some("https://a.test/e"));
}

#[test]
fn an_unreachable_url_is_an_error_naming_it() {
    // Bind a port, then free it: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/story");
    let start = Instant::now();
    let errors: Vec<_> = stream(Path::new(&url), &IngestConfig::default())
        .filter_map(Result::err)
        .collect();
    assert_eq!(errors.len(), 1);
    let msg = errors[0].to_string();
    assert!(msg.contains(&url) && msg.contains("cannot fetch"), "{msg}");
    assert!(start.elapsed().as_secs() < 10);
}

#[test]
fn a_url_is_fetched_with_a_user_agent() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        use std::io::Read;
        let (mut conn, _) = listener.accept().unwrap();
        let mut req = [0u8; 4096];
        let n = conn.read(&mut req).unwrap();
        let body = "<html><body><p>Served page.</p></body></html>";
        let reply = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        conn.write_all(reply.as_bytes()).unwrap();
        String::from_utf8_lossy(&req[..n]).into_owned()
    });
    let url = format!("http://127.0.0.1:{port}/a");
    let docs: Vec<_> = stream(Path::new(&url), &IngestConfig::default())
        .collect::<Result<_, _>>()
        .unwrap();
    let request = server.join().unwrap();
    assert!(
        request
            .to_ascii_lowercase()
            .contains("user-agent: parallax/"),
        "{request}"
    );
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].meta.url.as_deref(), Some(url.as_str()));
    assert_eq!(
        docs[0].meta.extra.get("charset").and_then(|v| v.as_str()),
        Some("windows-1252")
    );
}
