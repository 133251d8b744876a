//! The fuzz targets, shared by the mutation fuzzer (`src/main.rs`) and the AFL++ harness
//! (`src/bin/afl.rs`). See `fuzz/README.md`.

use parallax_core::{Format, RawDoc, SourceMeta};
use parallax_extract::{extract, ExtractConfig};
use parallax_fuse::{fuse, FuseConfig};
use parallax_group::{group, GroupConfig, GroupDoc};
use parallax_render::{render, OutputFormat};

/// The targets by name.
pub const TARGETS: &[&str] = &["ingest", "extract", "brief", "search"];

/// The target called `name`.
pub fn target(name: &str) -> Option<fn(&[u8])> {
    Some(match name {
        "ingest" => run_ingest,
        "extract" => run_extract,
        "brief" => run_brief,
        "search" => run_search,
        _ => return None,
    })
}

/// The documents a target makes of its input: what ingest reads in it, and the bytes as HTML and
/// as text.
pub fn documents(bytes: &[u8]) -> Vec<RawDoc> {
    let mut docs = parallax_ingest::read_bytes("fuzz".into(), bytes.to_vec()).unwrap_or_default();
    for format in [Format::Html, Format::Text] {
        docs.push(RawDoc {
            source: "fuzz".into(),
            id: None,
            format,
            body: bytes.to_vec(),
            meta: SourceMeta::default(),
        });
    }
    docs
}

fn run_ingest(bytes: &[u8]) {
    let _ = parallax_ingest::read_bytes("fuzz".into(), bytes.to_vec());
}

fn run_extract(bytes: &[u8]) {
    let config = ExtractConfig::default();
    for doc in documents(bytes) {
        let _ = extract(&doc, &config);
    }
}

fn run_brief(bytes: &[u8]) {
    let config = ExtractConfig::default();
    let mut docs = Vec::new();
    for (i, doc) in documents(bytes).into_iter().enumerate() {
        if let Ok(mut e) = extract(&doc, &config) {
            e.article.id = format!("a{i}");
            docs.push(parallax_analyze::analyze(e.article));
        }
    }
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

fn run_search(bytes: &[u8]) {
    let _ = parallax_store::fts_query(&String::from_utf8_lossy(bytes));
}
