//! Clustering metrics: B-cubed and pairwise precision/recall/F1 of predicted stories against
//! gold labels, read from a JSON Lines file of articles (`id` or `doc`, `text`, a label field).
//! [`score_run`] scores the stories a run of the product gave the articles it read from that file,
//! matching each article to its record.

use std::collections::HashMap;
use std::hash::Hash;
use std::path::Path;

use parallax_core::Diagnostic;
use serde::Serialize;

use crate::EvalError;

/// The gold label of one record of a JSON Lines file, and how the loader names that record.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldLabel {
    /// `file:line` (1-based, blank lines counted), the name `parallax_ingest` gives the record.
    pub source: String,
    /// The record's `id`, else its `doc`, if it has one.
    pub id: Option<String>,
    /// The gold label (a string, or a number written as a string).
    pub label: String,
}

/// Reads the label of every record, whatever its other fields; a line that is not JSON, or a
/// record without the label, becomes an error diagnostic naming `file:line`.
pub fn read_labels(
    path: &Path,
    label: &str,
) -> Result<(Vec<GoldLabel>, Vec<Diagnostic>), EvalError> {
    let name = path.display().to_string();
    let body = std::fs::read_to_string(path).map_err(|error| EvalError::Io {
        path: name.clone(),
        error,
    })?;
    let mut labels = Vec::new();
    let mut diagnostics = Vec::new();
    for (k, line) in body.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let source = format!("{name}:{}", k + 1);
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                diagnostics.push(Diagnostic::error(source, format!("not JSON: {e}")));
                continue;
            }
        };
        let field = |key: &str| -> Option<String> {
            match value.get(key)? {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            }
        };
        let Some(gold) = field(label) else {
            diagnostics.push(Diagnostic::error(source, format!("no `{label}` field")));
            continue;
        };
        labels.push(GoldLabel {
            id: field("id")
                .filter(|id| !id.is_empty())
                .or_else(|| field("doc").filter(|id| !id.is_empty())),
            source,
            label: gold,
        });
    }
    if labels.is_empty() && diagnostics.is_empty() {
        return Err(EvalError::Layout {
            path: name,
            message: "no records".into(),
        });
    }
    Ok((labels, diagnostics))
}

/// One article as a run placed it: the record it was read from, its id and its story.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed<'a> {
    /// The name of the record it was read from (`file:line`).
    pub source: &'a str,
    /// Its id.
    pub id: &'a str,
    /// The story it was put in.
    pub story: usize,
}

/// The scores of a run, with what could not be scored as the run gave it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RunScores {
    /// Scores over every labelled record.
    pub scores: ClusterScores,
    /// Labelled records no article came from (dropped while reading): each counts as a story
    /// of its own, since the run put it in none.
    pub unplaced: usize,
    /// Articles matched to no labelled record: grouped with the rest, but not scored.
    pub unlabelled: usize,
}

/// A predicted cluster: a story of the run, or a labelled record the run did not place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Predicted {
    Story(usize),
    Alone(usize),
}

/// Scores the stories a run gave the articles it read against the labels of the file's records.
/// An article is matched to its record by source, else by id when exactly one record has it.
pub fn score_run(labels: &[GoldLabel], placed: &[Placed<'_>]) -> RunScores {
    let by_source: HashMap<&str, usize> = labels
        .iter()
        .enumerate()
        .map(|(k, l)| (l.source.as_str(), k))
        .collect();
    let mut by_id: HashMap<&str, Option<usize>> = HashMap::new();
    for (k, l) in labels.iter().enumerate() {
        if let Some(id) = l.id.as_deref() {
            by_id
                .entry(id)
                .and_modify(|seen| *seen = None)
                .or_insert(Some(k));
        }
    }
    let mut predicted: Vec<Predicted> = (0..labels.len()).map(Predicted::Alone).collect();
    let mut matched = vec![false; labels.len()];
    let mut unlabelled = 0;
    for p in placed {
        let record = by_source
            .get(p.source)
            .copied()
            .or_else(|| by_id.get(p.id).copied().flatten())
            .filter(|&k| !matched.get(k).copied().unwrap_or(true));
        match record {
            Some(k) => {
                matched[k] = true;
                predicted[k] = Predicted::Story(p.story);
            }
            None => unlabelled += 1,
        }
    }
    let gold: Vec<&str> = labels.iter().map(|l| l.label.as_str()).collect();
    RunScores {
        scores: score(&predicted, &gold),
        unplaced: matched.iter().filter(|&&m| !m).count(),
        unlabelled,
    }
}

/// How well predicted clusters match gold ones.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ClusterScores {
    /// B-cubed precision: per item, the share of its predicted cluster with its gold label.
    pub bcubed_precision: f64,
    /// B-cubed recall: per item, the share of its gold cluster in its predicted cluster.
    pub bcubed_recall: f64,
    /// Harmonic mean of the two.
    pub bcubed_f1: f64,
    /// Share of predicted same-cluster pairs that are gold pairs (1 when there are none).
    pub pairwise_precision: f64,
    /// Share of gold pairs predicted together (1 when there are none).
    pub pairwise_recall: f64,
    /// Harmonic mean of the two.
    pub pairwise_f1: f64,
    /// Number of predicted clusters.
    pub predicted_clusters: usize,
    /// Number of gold clusters.
    pub gold_clusters: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Scores predicted cluster labels against gold labels, item by item (same length; extra
/// items in the longer slice are ignored).
pub fn score<P: Eq + Hash, G: Eq + Hash>(predicted: &[P], gold: &[G]) -> ClusterScores {
    let n = predicted.len().min(gold.len());
    let mut pred_ids: HashMap<&P, usize> = HashMap::new();
    let mut gold_ids: HashMap<&G, usize> = HashMap::new();
    let mut cells: HashMap<(usize, usize), u64> = HashMap::new();
    for (p, g) in predicted.iter().zip(gold).take(n) {
        let np = pred_ids.len();
        let pi = *pred_ids.entry(p).or_insert(np);
        let ng = gold_ids.len();
        let gi = *gold_ids.entry(g).or_insert(ng);
        *cells.entry((pi, gi)).or_insert(0) += 1;
    }
    let mut pred_size = vec![0u64; pred_ids.len()];
    let mut gold_size = vec![0u64; gold_ids.len()];
    for (&(p, g), &c) in &cells {
        pred_size[p] += c;
        gold_size[g] += c;
    }
    let pairs = |c: u64| (c * c.saturating_sub(1) / 2) as f64;
    let (mut bp, mut br, mut together) = (0.0, 0.0, 0.0);
    for (&(p, g), &c) in &cells {
        let c2 = (c * c) as f64;
        bp += c2 / pred_size[p] as f64;
        br += c2 / gold_size[g] as f64;
        together += pairs(c);
    }
    let total = n.max(1) as f64;
    let (bp, br) = if n == 0 {
        (1.0, 1.0)
    } else {
        (bp / total, br / total)
    };
    let pred_pairs: f64 = pred_size.iter().map(|&c| pairs(c)).sum();
    let gold_pairs: f64 = gold_size.iter().map(|&c| pairs(c)).sum();
    let pp = if pred_pairs > 0.0 {
        together / pred_pairs
    } else {
        1.0
    };
    let pr = if gold_pairs > 0.0 {
        together / gold_pairs
    } else {
        1.0
    };
    ClusterScores {
        bcubed_precision: bp,
        bcubed_recall: br,
        bcubed_f1: f1(bp, br),
        pairwise_precision: pp,
        pairwise_recall: pr,
        pairwise_f1: f1(pp, pr),
        predicted_clusters: pred_ids.len(),
        gold_clusters: gold_ids.len(),
    }
}

/// One system's line in the results table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterRow {
    /// The system's name.
    pub system: String,
    /// Its scores.
    pub scores: ClusterScores,
    /// Wall-clock seconds it took to cluster.
    pub seconds: f64,
}

/// A Markdown table of the rows.
pub fn render_table(rows: &[ClusterRow]) -> String {
    let mut out = String::from(
        "| system | B3 P | B3 R | B3 F1 | pair P | pair R | pair F1 | clusters | gold | seconds |\n\
         |---|---|---|---|---|---|---|---|---|---|\n",
    );
    for r in rows {
        let s = &r.scores;
        out.push_str(&format!(
            "| {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {} | {} | {:.2} |\n",
            r.system,
            s.bcubed_precision,
            s.bcubed_recall,
            s.bcubed_f1,
            s.pairwise_precision,
            s.pairwise_recall,
            s.pairwise_f1,
            s.predicted_clusters,
            s.gold_clusters,
            r.seconds
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn perfect_and_all_in_one_clusterings() {
        let gold = ["a", "a", "b", "b", "b"];
        let s = score(&[1, 1, 2, 2, 2], &gold);
        assert!(close(s.bcubed_f1, 1.0) && close(s.pairwise_f1, 1.0));
        assert_eq!((s.predicted_clusters, s.gold_clusters), (2, 2));
        let s = score(&[0, 0, 0, 0, 0], &gold);
        // B-cubed precision: 2 items see 2/5, 3 items see 3/5 -> (0.8 + 1.8) / 5.
        assert!(close(s.bcubed_precision, 0.52), "{}", s.bcubed_precision);
        assert!(close(s.bcubed_recall, 1.0));
        // Pairs: 10 predicted, 1 + 3 gold.
        assert!(close(s.pairwise_precision, 0.4));
        assert!(close(s.pairwise_recall, 1.0));
    }

    #[test]
    fn singletons_have_full_bcubed_precision() {
        let s = score(&[0, 1, 2, 3], &["a", "a", "b", "b"]);
        assert!(close(s.bcubed_precision, 1.0));
        assert!(close(s.bcubed_recall, 0.5));
        assert!(close(s.pairwise_recall, 0.0));
        assert!(close(s.pairwise_f1, 0.0));
    }

    fn gold(source: &str, id: Option<&str>, label: &str) -> GoldLabel {
        GoldLabel {
            source: source.into(),
            id: id.map(Into::into),
            label: label.into(),
        }
    }

    fn placed(source: &'static str, id: &'static str, story: usize) -> Placed<'static> {
        Placed { source, id, story }
    }

    #[test]
    fn a_run_is_matched_to_its_records_by_source_then_unique_id() {
        let labels = [
            gold("f:1", Some("a"), "x"),
            gold("f:2", Some("b"), "x"),
            gold("f:4", Some("c"), "y"),
        ];
        // The second article's source is unknown but its id names one record.
        let run = [
            placed("f:1", "a", 0),
            placed("g:9", "b", 0),
            placed("f:4", "c", 1),
        ];
        let r = score_run(&labels, &run);
        assert!(close(r.scores.bcubed_f1, 1.0));
        assert_eq!((r.unplaced, r.unlabelled), (0, 0));
    }

    #[test]
    fn an_unplaced_record_is_a_story_of_its_own_and_an_unlabelled_article_is_not_scored() {
        let labels = [
            gold("f:1", None, "x"),
            gold("f:2", None, "x"),
            gold("f:3", None, "y"),
        ];
        // f:2 was dropped while reading; "extra" has no record; both land in story 0.
        let run = [
            placed("f:1", "a", 0),
            placed("f:9", "extra", 0),
            placed("f:3", "c", 1),
        ];
        let r = score_run(&labels, &run);
        assert_eq!((r.unplaced, r.unlabelled), (1, 1));
        assert!(close(r.scores.bcubed_precision, 1.0));
        assert!(close(r.scores.bcubed_recall, 2.0 / 3.0), "{:?}", r.scores);
        assert_eq!(r.scores.predicted_clusters, 3);
    }

    #[test]
    fn an_id_two_records_share_matches_neither_and_no_record_is_matched_twice() {
        let labels = [gold("f:1", Some("a"), "x"), gold("f:2", Some("a"), "x")];
        let run = [
            placed("g:1", "a", 0),
            placed("f:1", "a", 0),
            placed("f:1", "a-2", 0),
        ];
        let r = score_run(&labels, &run);
        assert_eq!((r.unplaced, r.unlabelled), (1, 2));
    }

    #[test]
    fn labels_are_read_from_records_without_text() {
        let dir = std::env::temp_dir().join(format!("parallax-eval-labels-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.jsonl");
        std::fs::write(
            &path,
            "{\"id\":\"\",\"doc\":\"d1\",\"html\":\"<p>t</p>\",\"g\":\"1a\"}\n\n{\"text\":\"u\",\"g\":2}\n{\"id\":\"x\"}\n",
        )
        .unwrap();
        let (labels, diags) = read_labels(&path, "g").unwrap();
        assert_eq!(labels.len(), 2);
        assert_eq!(labels[0].id.as_deref(), Some("d1"));
        assert!(
            labels[1].source.ends_with("x.jsonl:3"),
            "{}",
            labels[1].source
        );
        assert_eq!(
            (labels[1].id.as_deref(), labels[1].label.as_str()),
            (None, "2")
        );
        assert_eq!(diags.len(), 1);
        assert!(diags[0].source.ends_with(":4"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn table_has_a_row_per_system() {
        let s = score(&[0, 0], &["a", "a"]);
        let t = render_table(&[ClusterRow {
            system: "parallax".into(),
            scores: s,
            seconds: 0.5,
        }]);
        assert!(t.contains("| parallax | 1.000 |"), "{t}");
    }
}
