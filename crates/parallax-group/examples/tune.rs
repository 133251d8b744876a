//! Sweeps one grouping setting over a labelled JSON Lines file and prints B-cubed scores, the
//! tool used to choose the defaults. Usage:
//! `cargo run --release -p parallax-group --example tune -- FILE.jsonl LABEL [FIELD V1 V2 ...]`
//! (with `PARALLAX_GROUP='{"story_threshold":0.1}'` to fix other settings).

use std::collections::HashMap;
use std::time::Instant;

use parallax_group::{group, GroupConfig, GroupDoc, StoryIndex};

fn bcubed(pred: &[usize], gold: &[&str]) -> (f64, f64, f64) {
    let mut cells: HashMap<(usize, &str), f64> = HashMap::new();
    let mut ps: HashMap<usize, f64> = HashMap::new();
    let mut gs: HashMap<&str, f64> = HashMap::new();
    for (&p, &g) in pred.iter().zip(gold) {
        *cells.entry((p, g)).or_default() += 1.0;
        *ps.entry(p).or_default() += 1.0;
        *gs.entry(g).or_default() += 1.0;
    }
    let n = pred.len().max(1) as f64;
    let p: f64 = cells
        .iter()
        .map(|(&(a, _), &c)| c * c / ps[&a])
        .sum::<f64>()
        / n;
    let r: f64 = cells.iter().map(|(&(_, b), &c)| c * c / gs[b]).sum::<f64>() / n;
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(label)) = (args.first(), args.get(1)) else {
        return Err("usage: tune FILE.jsonl LABEL [FIELD VALUES...]".into());
    };
    let mut records = Vec::new();
    let mut heads: Vec<(Option<String>, Option<chrono::NaiveDate>)> = Vec::new();
    for line in std::fs::read_to_string(path)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        // The headline and date when the record has them, as the product reads them.
        heads.push((
            s("title"),
            s("published").and_then(|d| d.get(..10)?.parse().ok()),
        ));
        records.push((
            s("id").or_else(|| s("doc")).unwrap_or_default(),
            s("text").unwrap_or_default(),
            s(label).unwrap_or_default(),
        ));
    }
    let docs: Vec<GroupDoc> = records
        .iter()
        .zip(&heads)
        .map(|((id, text, _), (title, published))| GroupDoc {
            id,
            title: title.as_deref(),
            text,
            published: *published,
        })
        .collect();
    let gold: Vec<&str> = records.iter().map(|r| r.2.as_str()).collect();
    let base: serde_json::Value = match std::env::var("PARALLAX_GROUP") {
        Ok(s) => serde_json::from_str(&s)?,
        Err(_) => serde_json::json!({}),
    };
    let mut runs: Vec<serde_json::Value> = vec![base.clone()];
    if let Some(field) = args.get(2) {
        runs = args[3..]
            .iter()
            .map(|v| {
                let mut c = base.clone();
                c[field.as_str()] = serde_json::from_str(v).unwrap_or(serde_json::Value::Null);
                c
            })
            .collect();
    }
    for run in runs {
        let config: GroupConfig = serde_json::from_value(run.clone())?;
        config.validate()?;
        if std::env::var_os("TUNE_STREAM").is_some() {
            // Streaming, in file order.
            let t = Instant::now();
            let mut index = StoryIndex::new(config.clone());
            let pred: Vec<usize> = docs
                .iter()
                .map(|d| index.insert(d).story as usize)
                .collect();
            let (p, r, f) = bcubed(&pred, &gold);
            let stories = pred.iter().collect::<std::collections::HashSet<_>>().len();
            println!(
                "stream {run} P={p:.3} R={r:.3} F1={f:.4} stories={stories} {:.2}s",
                t.elapsed().as_secs_f64()
            );
            // Then the window settled once, as a caller does after a batch of inserts.
            let moved = index.settle();
            let settled: HashMap<&str, usize> = index
                .placements()
                .map(|(id, story)| (id, story as usize))
                .collect();
            let pred: Vec<usize> = docs
                .iter()
                .map(|d| settled.get(d.id).copied().unwrap_or(usize::MAX))
                .collect();
            let (p, r, f) = bcubed(&pred, &gold);
            let stories = pred.iter().collect::<std::collections::HashSet<_>>().len();
            println!(
                "settled {run} P={p:.3} R={r:.3} F1={f:.4} stories={stories} moved={moved} {:.2}s",
                t.elapsed().as_secs_f64()
            );
            continue;
        }
        let t = Instant::now();
        let g = group(&docs, &config);
        let secs = t.elapsed().as_secs_f64();
        let pred: Vec<usize> = g.placements.iter().map(|p| p.story).collect();
        let (p, r, f) = bcubed(&pred, &gold);
        if let Ok(dump) = std::env::var("TUNE_DUMP") {
            let lines: Vec<String> = g
                .placements
                .iter()
                .zip(&records)
                .map(|(pl, rec)| {
                    format!(
                        "{}\t{}\t{}\t{:?}",
                        rec.0,
                        rec.2,
                        pl.story,
                        pl.duplicate_of.map(|d| &records[d].0)
                    )
                })
                .collect();
            std::fs::write(&dump, lines.join("\n"))?;
        }
        let dups = g
            .placements
            .iter()
            .filter(|p| p.duplicate_of.is_some())
            .count();
        let largest = g.stories.iter().map(|s| s.members.len()).max().unwrap_or(0);
        println!(
            "{run} P={p:.3} R={r:.3} F1={f:.4} stories={} largest={largest} copies={dups} {secs:.2}s",
            g.stories.len()
        );
    }
    Ok(())
}
