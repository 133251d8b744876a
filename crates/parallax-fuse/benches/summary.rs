//! Time of the summary of one ten-article DUC 2004 cluster (already analysed), at 100 words.

// `criterion_group!` defines a function that cannot carry a doc comment.
#![allow(missing_docs)]

use std::fs;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use parallax_core::{Analyzed, Format, RawDoc, SourceMeta};
use parallax_fuse::summary::{summarize, SummaryConfig};

const CLUSTER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/eval/duc2004-dev/docs/d30001t"
);

fn load(dir: &Path) -> Vec<Analyzed> {
    let mut paths: Vec<_> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let raw = RawDoc {
                source: p.display().to_string(),
                id: None,
                format: Format::Text,
                body: fs::read(p).ok()?,
                meta: SourceMeta::default(),
            };
            let extracted = parallax_extract::extract(&raw, &Default::default()).ok()?;
            Some(parallax_analyze::analyze(extracted.article))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = load(Path::new(CLUSTER));
    if docs.is_empty() {
        eprintln!("skipped: {CLUSTER} is absent");
        return;
    }
    let config = SummaryConfig {
        words: 100,
        overflow: true,
        ..SummaryConfig::default()
    };
    let summary = summarize(&docs, &config);
    assert!(
        summary.len() >= 3,
        "a 100-word summary of ten articles has several sentences"
    );
    c.bench_function("summary of a 10-article DUC cluster", |b| {
        b.iter(|| summarize(std::hint::black_box(&docs), &config))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
