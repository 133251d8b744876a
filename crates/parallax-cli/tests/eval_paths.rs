//! `parallax eval quotes` measures what `parallax brief` prints: on the same articles, the quote
//! groups it scores are the brief's own, speaker and wordings alike.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;

use common::{brief_json, parallax, root, text};
use serde_json::{json, Value};

/// A quote group as (speaker, sorted (article, wording) pairs), whichever command printed it.
type Group = (String, Vec<(String, String)>);

fn groups_of(items: &[Value], article_key: &str) -> BTreeSet<Group> {
    items
        .iter()
        .map(|g| {
            let mut variants: Vec<(String, String)> = g["variants"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| (text(&v[article_key]), text(&v["text"])))
                .collect();
            variants.sort();
            (text(&g["speaker"]), variants)
        })
        .collect()
}

#[test]
fn eval_quotes_scores_the_briefs_own_quote_groups() {
    let dir = tempfile::tempdir().unwrap();
    // The bundled example story as one labelled event of JSON Lines.
    let mut documents = String::new();
    for name in ["01", "02", "03", "04"] {
        let body = std::fs::read_to_string(
            root().join(format!("examples/harbour-fire/articles/{name}.txt")),
        )
        .unwrap();
        let line = json!({"doc": name, "subtopic": "fire", "text": body});
        documents += &format!("{line}\n");
    }
    let documents_path = dir.path().join("documents.jsonl");
    std::fs::write(&documents_path, documents).unwrap();
    let gold = json!({"subtopic": "fire", "group": "fire-01", "speaker": "Tomas Reyland",
        "speaker_kind": "person", "role": "", "uncertain": false, "note": "",
        "occurrences": [{"doc": "02", "text": "reopen the port", "attribution": "he said"}]});
    let gold_path = dir.path().join("gold.jsonl");
    std::fs::write(&gold_path, format!("{gold}\n")).unwrap();
    let predictions = dir.path().join("predictions.jsonl");

    let out = parallax(&[
        "eval",
        "quotes",
        gold_path.to_str().unwrap(),
        "--documents",
        documents_path.to_str().unwrap(),
        "--out",
        predictions.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let predicted: Vec<Value> = std::fs::read_to_string(&predictions)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();

    let brief = brief_json(&[documents_path]);
    let briefed = brief["quotes"].as_array().unwrap();
    assert!(briefed.len() > 3, "the example has quotes: {brief:#}");
    assert_eq!(groups_of(&predicted, "doc"), groups_of(briefed, "article"));
}
