//! Times the store alone: adding articles in batches, regrouping, and searching, on either backend.
//!
//!   parallax extract INPUTS --format jsonl > /tmp/articles.jsonl
//!   cargo run --release -p parallax-store --example store_rate -- /tmp/articles.jsonl DB [COPIES]
//!
//! DB is a SQLite path or a `postgres://` URL (use an empty database). COPIES (default 1) stores
//! the articles that many times, each copy with its own text, for a larger store. Prints articles/s
//! for the inserts, the time of one regrouping into single-article stories, and search latency
//! (median and 95th percentile over the queries made of the articles' own title words).
#![allow(clippy::unwrap_used, clippy::expect_used)] // A measuring tool: a failure is a message.

use std::io::BufRead;
use std::time::{Duration, Instant};

use parallax_core::Article;
use parallax_store::SearchQuery;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(db)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: store_rate ARTICLES.jsonl DB [COPIES]");
        std::process::exit(2);
    };
    let copies: usize = args.get(3).and_then(|c| c.parse().ok()).unwrap_or(1);
    let file = std::fs::File::open(input).expect("the articles file opens");
    let base: Vec<Article> = std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            // `parallax extract` leaves out empty lists; the article type wants them.
            let mut v: serde_json::Value = serde_json::from_str(&l).expect("one article per line");
            for list in ["wire", "authors", "removed"] {
                if v.get(list).is_none() {
                    v[list] = serde_json::json!([]);
                }
            }
            serde_json::from_value(v).expect("an article")
        })
        .collect();
    let mut articles = Vec::with_capacity(base.len() * copies);
    for copy in 0..copies {
        for a in &base {
            let mut a = a.clone();
            if copy > 0 {
                a.url = a.url.map(|u| format!("{u}#{copy}"));
                a.text = format!("{} (copy {copy})", a.text);
            }
            articles.push(a);
        }
    }

    let mut store = parallax_store::open(db).expect("the store opens");
    let started = Instant::now();
    let mut ids = Vec::new();
    for batch in articles.chunks(256) {
        ids.extend(store.add_articles(batch).expect("a batch stores").added);
    }
    let insert = started.elapsed();
    println!(
        "insert: {} articles in {:.2} s = {:.0} articles/s",
        ids.len(),
        insert.as_secs_f64(),
        ids.len() as f64 / insert.as_secs_f64()
    );

    let groups: Vec<Vec<i64>> = ids.iter().map(|i| vec![*i]).collect();
    let started = Instant::now();
    store.set_stories(&groups).expect("regrouping");
    println!(
        "regroup into {} stories: {:.2} s",
        groups.len(),
        started.elapsed().as_secs_f64()
    );

    let queries: Vec<String> = base
        .iter()
        .filter_map(|a| a.title.as_deref())
        .map(|t| t.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
        .filter(|q| !q.is_empty())
        .take(200)
        .collect();
    let mut times: Vec<Duration> = Vec::new();
    let mut hits = 0;
    for q in &queries {
        let started = Instant::now();
        hits += store
            .search(&SearchQuery {
                text: q.clone(),
                outlet: None,
                since: None,
                limit: 20,
            })
            .expect("a search")
            .len();
        times.push(started.elapsed());
    }
    times.sort();
    let at = |p: usize| {
        times
            .get(times.len() * p / 100)
            .copied()
            .unwrap_or_default()
    };
    println!(
        "search: {} queries, {} hits, median {:.2} ms, p95 {:.2} ms",
        times.len(),
        hits,
        at(50).as_secs_f64() * 1e3,
        at(95).as_secs_f64() * 1e3
    );
}
