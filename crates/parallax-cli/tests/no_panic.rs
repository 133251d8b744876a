//! No input panics: arbitrary bytes and text built from the pieces parsers trip on go through the
//! whole brief path (ingest, extract, analyze, group, fuse, render). A modest run is a normal test;
//! `cargo test -p parallax-cli --test no_panic -- --ignored` runs the long one.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

use parallax_core::{Analyzed, Format, RawDoc, SourceMeta};
use parallax_extract::{extract, ExtractConfig};
use parallax_fuse::{fuse, FuseConfig};
use parallax_group::{group, GroupConfig, GroupDoc};
use parallax_render::{render, OutputFormat};
use proptest::prelude::*;

/// Pieces that parsers of HTML, feeds, WARC, dates, quotes and figures react to.
const PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "‹",
    "›",
    "„",
    "—",
    "-",
    "(",
    ")",
    "[",
    "]",
    "<",
    ">",
    "</",
    "/>",
    "&",
    "&amp;",
    "&#",
    "&#x1F600;",
    "=",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<html>",
    "<body>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<?xml version=\"1.0\"?>",
    "<?xml version=\"1.0\" encoding=\"utf-16\"?>",
    "<rss version=\"2.0\">",
    "<channel>",
    "<item>",
    "<title>",
    "</title>",
    "<description>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
    "<entry>",
    "<meta charset=\"shift_jis\">",
    "<meta property=\"og:title\" content=\"",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"",
    "WARC/1.0\r\n",
    "Content-Length: ",
    "WARC-Type: response\r\n",
    "{\"text\":\"",
    "\"}",
    "\\u",
    "0",
    "1",
    "7",
    "12",
    "2022",
    "31",
    "100000000",
    "12345678901234567",
    "2147483648",
    "99999999999999999999",
    "1.5",
    "3,000",
    "$",
    "€",
    "£",
    "%",
    " per cent",
    " million",
    " billion",
    " days ago",
    " weeks ago",
    " months ago",
    " years ago",
    " last week",
    "yesterday",
    "on Monday",
    "Feb. 7",
    "7 February 2022",
    "January",
    "said",
    "says",
    "told",
    "according to",
    "he said",
    "she added",
    "Mr.",
    "Dr.",
    "U.S.",
    "The",
    "Minister",
    "John Smith",
    "Smith,",
    "Reuters",
    "AP",
    "By ",
    "Photo: ",
    "Share",
    "Berlin",
    "de",
    "la",
    "él",
    "über",
    "ß",
    "é",
    "\u{301}",
    "\u{200b}",
    "\u{feff}",
    "\u{fffd}",
    "日本",
    "🙂",
    "\u{0}",
    "\u{7f}",
];

fn text_of_pieces(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|p| p.concat())
}

/// Runs the whole brief path on `inputs` and returns nothing: its only check is that it ends.
fn brief_of(inputs: &[Vec<u8>]) {
    let config = ExtractConfig::default();
    let mut articles = Vec::new();
    for (i, body) in inputs.iter().enumerate() {
        let Ok(docs) = parallax_ingest::read_bytes(format!("input-{i}"), body.clone()) else {
            continue;
        };
        for doc in docs {
            if let Ok(e) = extract(&doc, &config) {
                articles.push(e.article);
            }
        }
        // The same bytes read as each format, whatever the sniffer thinks.
        for format in [Format::Html, Format::Text] {
            let doc = RawDoc {
                source: format!("input-{i}"),
                id: None,
                format,
                body: body.clone(),
                meta: SourceMeta::default(),
            };
            if let Ok(e) = extract(&doc, &config) {
                articles.push(e.article);
            }
        }
    }
    for (i, a) in articles.iter_mut().enumerate() {
        a.id = format!("{}-{i}", a.id);
    }
    let docs: Vec<Analyzed> = articles
        .into_iter()
        .map(parallax_analyze::analyze)
        .collect();
    let group_docs: Vec<GroupDoc> = docs.iter().map(|d| GroupDoc::from(&d.article)).collect();
    let _ = group(&group_docs, &GroupConfig::default());
    let brief = fuse(&docs, Vec::new(), &FuseConfig::default());
    for format in [
        OutputFormat::Markdown,
        OutputFormat::Json,
        OutputFormat::Html,
    ] {
        let _ = render(&brief, format);
    }
}

fn inputs() -> impl Strategy<Value = Vec<Vec<u8>>> {
    let one = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        text_of_pieces(200).prop_map(String::into_bytes),
        (text_of_pieces(40), text_of_pieces(200))
            .prop_map(|(head, body)| format!("{head}\n\n{body}").into_bytes()),
    ];
    prop::collection::vec(one, 1..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn no_input_panics_the_brief_path(inputs in inputs()) {
        brief_of(&inputs);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]
    #[test]
    #[ignore = "long: run with --ignored"]
    fn no_input_panics_the_brief_path_long(inputs in inputs()) {
        brief_of(&inputs);
    }
}

/// The sites that once panicked, each as the input that reached it.
#[test]
fn inputs_that_once_panicked_make_a_brief() {
    let dated = |s: &str| {
        format!("Title: Council\nDate: 2022-02-07\n\nThe council said the bridge opened {s} after a long delay in the city.\n").into_bytes()
    };
    let feed = b"<rss version=\"2.0\"><channel><title>T</title><item><title>A</title>\
        <description>The council met.</description></item>\
        <?xml version=\"1.0\" encoding=\"utf-16\"?></channel></rss>"
        .to_vec();
    brief_of(&[
        dated("100000000 days ago"),
        dated("100000000 weeks ago"),
        dated("12345678901234567 weeks ago"),
        dated("12345678901234567 days ago"),
        dated("2147483648 months ago"),
        feed,
    ]);
}
