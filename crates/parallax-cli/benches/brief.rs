//! The brief of a 10-article story, from raw bytes to the rendered JSON, on one core.
//!
//! The story is DUC 2004 cluster d30001t (ten wire articles) when `../shared` is there, else the
//! bundled example's articles repeated to ten.

// criterion's macros define undocumented items; a failed unwrap is a failed bench assertion.
#![allow(missing_docs, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion};
use parallax_core::{Analyzed, RawDoc};
use parallax_fuse::{fuse, FuseConfig};

fn story() -> Vec<RawDoc> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let duc = root.join("../shared/eval/duc2004-dev/docs/d30001t");
    let files: Vec<PathBuf> = if duc.is_dir() {
        let mut f: Vec<PathBuf> = std::fs::read_dir(&duc)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        f.sort();
        f
    } else {
        let dir = root.join("examples/harbour-fire/articles");
        let mut f: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        f.sort();
        f.iter().cycle().take(10).cloned().collect()
    };
    files.iter().flat_map(|p| read(p)).collect()
}

fn read(path: &Path) -> Vec<RawDoc> {
    parallax_ingest::read_file(path, &Default::default()).unwrap()
}

fn analyze_all(docs: &[RawDoc]) -> Vec<Analyzed> {
    docs.iter()
        .map(|d| {
            parallax_analyze::analyze(
                parallax_extract::extract(d, &Default::default())
                    .unwrap()
                    .article,
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let raw = story();
    assert_eq!(raw.len(), 10);
    let analyzed = analyze_all(&raw);
    let config = FuseConfig::default();
    let brief = fuse(&analyzed, Vec::new(), &config);
    assert!(!brief.summary.is_empty() && brief.summary.iter().all(|s| !s.sources.is_empty()));

    let mut group = c.benchmark_group("brief_10_articles");
    group.bench_function("extract_and_analyze", |b| b.iter(|| analyze_all(&raw)));
    group.bench_function("fuse", |b| b.iter(|| fuse(&analyzed, Vec::new(), &config)));
    group.bench_function("end_to_end_json", |b| {
        b.iter(|| {
            let brief = fuse(&analyze_all(&raw), Vec::new(), &config);
            parallax_render::render(&brief, parallax_render::OutputFormat::Json)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
