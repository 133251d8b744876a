//! Scale bench: clusters 100,000 synthetic articles made by recombining real sentences from
//! `../shared/eval` (ECB+ and DUC 2004), so sizes and vocabularies are realistic, then streams
//! them through a `StoryIndex`. Reports articles per second and peak memory (VmHWM).
//! Run: `cargo bench -p parallax-group --bench scale` (`SCALE_N=20000` for fewer articles,
//! `SCALE_SKIP_STREAM=1` for the batch grouping alone, `SCALE_MISSES=1` to list the planted
//! copies that were not found, with their dates and originals).

use std::path::Path;
use std::time::Instant;

use chrono::{Duration, NaiveDate};
use parallax_group::{group, GroupConfig, GroupDoc, StoryIndex};

/// A small deterministic generator (xorshift64*), so every run sees the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Sentences of each real document: ECB+ lines (URL lines dropped) and DUC sentences.
fn source_documents(eval: &Path) -> Vec<Vec<String>> {
    let mut docs = Vec::new();
    if let Ok(body) = std::fs::read_to_string(eval.join("clusters-ecbplus/documents.jsonl")) {
        for line in body.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let text = v.get("text").and_then(|t| t.as_str()).unwrap_or("");
            let sentences: Vec<String> = text
                .lines()
                .filter(|l| !l.starts_with("http") && l.len() > 20)
                .map(str::to_string)
                .collect();
            if sentences.len() >= 3 {
                docs.push(sentences);
            }
        }
    }
    if let Ok(clusters) = std::fs::read_dir(eval.join("duc2004-dev/docs")) {
        let mut paths: Vec<_> = clusters.flatten().map(|e| e.path()).collect();
        paths.sort();
        for dir in paths {
            let Ok(files) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut files: Vec<_> = files.flatten().map(|e| e.path()).collect();
            files.sort();
            for f in files {
                let Ok(text) = std::fs::read_to_string(&f) else {
                    continue;
                };
                let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let sentences: Vec<String> = flat
                    .split_inclusive(". ")
                    .map(|s| s.trim().to_string())
                    .filter(|s| s.len() > 20)
                    .collect();
                if sentences.len() >= 3 {
                    docs.push(sentences);
                }
            }
        }
    }
    docs
}

struct Synthetic {
    id: String,
    title: String,
    text: String,
    published: NaiveDate,
    copy_of: Option<usize>,
}

/// Stories of 1 to 20 articles, each article half of its story's core sentences in a new order
/// plus a few from elsewhere; about 5% of articles are (possibly trimmed) copies of another.
///
/// Half, not more: two articles drawing on one core share about a quarter of it, as reports of
/// one event by two outlets share some sentences but are no copies. With 70% each they shared
/// half their shingles, which is a copy by grouping's own test (Jaccard 0.5), so every article
/// of a core was a copy of the others; at 100,000 articles each core is drawn on by about ten
/// stories over the 60 days, their "copies" chained from story to story, and a planted copy and
/// its source, in the middle of such a chain, were more than `duplicate_days` from its original.
fn generate(sources: &[Vec<String>], n: usize) -> Vec<Synthetic> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let mut out: Vec<Synthetic> = Vec::with_capacity(n);
    let mut story = 0usize;
    while out.len() < n {
        let core = &sources[rng.below(sources.len())];
        let size = 1 + rng.below(20).min(rng.below(20));
        let day = start + Duration::days(rng.below(60) as i64);
        let first_in_story = out.len();
        for k in 0..size {
            if out.len() >= n {
                break;
            }
            let published = day + Duration::days(rng.below(3) as i64);
            if k > 0 && rng.below(20) == 0 {
                let of = first_in_story + rng.below(k);
                let original = &out[of];
                let sentences: Vec<&str> = original.text.split('\n').collect();
                let keep = sentences.len() - sentences.len() / 4 * rng.below(2);
                let text = sentences[..keep.max(1)].join("\n");
                let title = original.title.clone();
                out.push(Synthetic {
                    id: format!("s{story}-a{k}"),
                    title,
                    text,
                    published,
                    copy_of: Some(of),
                });
                continue;
            }
            let mut sentences: Vec<&str> = core
                .iter()
                .filter(|_| rng.below(10) < 5)
                .map(String::as_str)
                .collect();
            for _ in 0..1 + rng.below(3) {
                let other = &sources[rng.below(sources.len())];
                sentences.push(&other[rng.below(other.len())]);
            }
            for i in (1..sentences.len()).rev() {
                sentences.swap(i, rng.below(i + 1));
            }
            let title: String = core[0]
                .split_whitespace()
                .take(10)
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Synthetic {
                id: format!("s{story}-a{k}"),
                title,
                text: sentences.join("\n"),
                published,
                copy_of: None,
            });
        }
        story += 1;
    }
    out
}

/// Peak resident memory of this process, from /proc (Linux only).
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| "unknown".into())
}

/// CPU seconds this process has used (user + system), from /proc (Linux only): on a shared
/// machine wall time depends on the neighbours, CPU time much less.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let eval = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval"));
    if !eval.exists() {
        println!("scale bench skipped: {} is absent", eval.display());
        return;
    }
    let n: usize = std::env::var("SCALE_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let sources = source_documents(eval);
    assert!(
        sources.len() > 100,
        "too few source documents under {}",
        eval.display()
    );
    let corpus = generate(&sources, n);
    let bytes: usize = corpus.iter().map(|d| d.text.len()).sum();
    println!(
        "corpus: {} articles from {} real documents, {:.1} MB of text, {:.0} words per article; memory after generating: {}",
        corpus.len(),
        sources.len(),
        bytes as f64 / 1e6,
        corpus.iter().map(|d| d.text.split_whitespace().count()).sum::<usize>() as f64 / corpus.len() as f64,
        peak_memory()
    );
    let docs: Vec<GroupDoc<'_>> = corpus
        .iter()
        .map(|d| GroupDoc {
            id: &d.id,
            title: Some(&d.title),
            text: &d.text,
            published: Some(d.published),
        })
        .collect();
    let config = GroupConfig::default();

    let (t, cpu) = (Instant::now(), cpu_seconds());
    let grouping = group(&docs, &config);
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    let planted = corpus.iter().filter(|d| d.copy_of.is_some()).count();
    // A planted copy is found when it and its source point at the same original (which may be
    // the copy itself when it is dated earlier).
    let root = |i: usize| grouping.placements[i].duplicate_of.unwrap_or(i);
    let found = corpus
        .iter()
        .enumerate()
        .filter(|(i, d)| d.copy_of.is_some_and(|of| root(*i) == root(of)))
        .count();
    println!(
        "batch group: {} articles in {:.1} s wall ({:.1} s CPU) = {:.0} articles/s; {} stories; planted copies found {}/{}; peak memory {}",
        docs.len(),
        secs,
        cpu,
        docs.len() as f64 / secs,
        grouping.stories.len(),
        found,
        planted,
        peak_memory()
    );
    if std::env::var_os("SCALE_MISSES").is_some() {
        // Each miss with its source: their dates, stories and the originals they point at.
        let mut shown = 0;
        for (i, d) in corpus.iter().enumerate() {
            let Some(of) = d.copy_of else { continue };
            if root(i) == root(of) {
                continue;
            }
            shown += 1;
            if shown > 40 {
                break;
            }
            let show = |k: usize| {
                let p = &grouping.placements[k];
                let o = p.duplicate_of;
                format!(
                    "{} {} story {} dup_of {:?}",
                    corpus[k].id,
                    corpus[k].published,
                    p.story,
                    o.map(|o| (corpus[o].id.clone(), corpus[o].published))
                )
            };
            println!("MISS copy {} | source {}", show(i), show(of));
        }
    }
    assert_eq!(grouping.placements.len(), docs.len());
    assert!(
        found * 10 >= planted * 9,
        "copy detection found only {found} of {planted} planted copies"
    );

    if std::env::var_os("SCALE_SKIP_STREAM").is_some() {
        return;
    }
    let mut index = StoryIndex::new(config);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&i| (docs[i].published, i));
    let (t, cpu) = (Instant::now(), cpu_seconds());
    for &i in &order {
        index.insert(&docs[i]);
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    println!(
        "stream insert (one thread): {} articles in {:.1} s wall ({:.1} s CPU) = {:.0} articles/s; {} remembered, {} open stories; peak memory {}",
        docs.len(),
        secs,
        cpu,
        docs.len() as f64 / secs,
        index.remembered(),
        index.open_stories(),
        peak_memory()
    );
}
