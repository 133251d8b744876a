//! `parallax eval clusters` measures what `parallax cluster` gives: on one labelled file both
//! produce the same stories, and the scores are those of that partition against the labels.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashMap;
use std::path::Path;

use parallax_eval::clusters::score;
use serde_json::{json, Value};

/// Twelve short invented reports of three events, labelled by event.
fn invented_articles() -> Vec<Value> {
    let events = [
        (
            "bridge",
            "2025-03-04",
            [
                "The Varnholt river bridge was closed on Tuesday after inspectors found cracks in two of its supporting piers, the regional roads office said. Traffic between Varnholt and Eskebro is being sent on a 40-kilometre detour.",
                "Inspectors shut the Varnholt bridge to all vehicles after discovering cracked piers, according to the roads office. Commuters to Eskebro face a long detour while engineers assess the damage.",
                "Cracks in the piers of the bridge over the river at Varnholt forced its closure, the regional roads office announced. Officials could not say when the crossing to Eskebro would reopen.",
                "The roads office said repairs to the Varnholt bridge piers could take months. Buses from Eskebro now take the northern detour, adding almost an hour to the trip.",
            ],
        ),
        (
            "chess",
            "2025-05-18",
            [
                "Grandmaster Ilse Marrow won the Lindqvist Open chess tournament on Sunday, beating Tomas Ferrant in a tense final round. Marrow finished with seven and a half points from nine games.",
                "Ilse Marrow took first place at the Lindqvist Open after defeating Tomas Ferrant in the ninth round. The victory earns her a place in next year's invitational.",
                "Tomas Ferrant resigned on move 54 against Ilse Marrow, handing her the Lindqvist Open title. Ferrant finished second, half a point behind.",
                "The Lindqvist Open ended with Ilse Marrow as champion. Organisers said a record 310 players entered this year's chess tournament.",
            ],
        ),
        (
            "fire",
            "2025-08-09",
            [
                "A wildfire near the hill village of Valmora Alta forced 600 residents to leave their homes overnight, the civil protection agency said. Four aircraft dropped water on the flames at dawn.",
                "About 600 people were evacuated from Valmora Alta as a wildfire spread across the hills, civil protection officials said. Water-bombing aircraft joined ground crews in the morning.",
                "Firefighters battled a wildfire above Valmora Alta for a second day. The civil protection agency said the evacuation of 600 residents would remain in force.",
                "Residents of Valmora Alta watched smoke rise from the hills as the wildfire burned on. Civil protection said no one had been hurt and four aircraft were working the fire.",
            ],
        ),
    ];
    let outlets = [
        "Daily Lantern",
        "Morning Ledger",
        "City Courier",
        "Evening Post",
    ];
    let mut records = Vec::new();
    for (label, date, texts) in events {
        for (k, text) in texts.iter().enumerate() {
            records.push(json!({
                "id": format!("{label}-{k}"),
                "outlet": outlets[k],
                "published": date,
                "text": text,
                "event": label,
            }));
        }
    }
    // Interleaved, so that the stories are not given in file order.
    records.sort_by_key(|r| r["id"].as_str().unwrap().chars().last());
    records
}

/// Runs both commands on the file and checks they agree; returns the story count.
#[track_caller]
fn check_same_partition(file: &Path, label: &str) -> usize {
    let file_arg = file.display().to_string();
    let clustered = common::parallax(&["cluster", &file_arg]);
    assert!(
        clustered.status.success(),
        "cluster failed: {}",
        String::from_utf8_lossy(&clustered.stderr)
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("stories.jsonl");
    let evaluated = common::parallax(&[
        "eval",
        "clusters",
        &file_arg,
        "--label",
        label,
        "--json",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        evaluated.status.success(),
        "eval clusters failed: {}",
        String::from_utf8_lossy(&evaluated.stderr)
    );
    let eval_stories = std::fs::read(&out).unwrap();
    assert!(
        eval_stories == clustered.stdout,
        "eval clusters grouped the file differently from cluster"
    );

    // The scores are those of cluster's partition against the labels of the records.
    let label_of: HashMap<String, String> = std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|r| {
            let id = r["id"].as_str().or(r["doc"].as_str()).unwrap().to_string();
            (id, r[label].as_str().unwrap().to_string())
        })
        .collect();
    let lines: Vec<Value> = String::from_utf8(clustered.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), label_of.len(), "every record is an article");
    let predicted: Vec<u64> = lines.iter().map(|l| l["story"].as_u64().unwrap()).collect();
    let gold: Vec<&str> = lines
        .iter()
        .map(|l| label_of[l["id"].as_str().unwrap()].as_str())
        .collect();
    let expected = score(&predicted, &gold);
    let reported: Value = serde_json::from_slice(&evaluated.stdout).unwrap();
    let scores = &reported["scores"];
    assert_eq!(
        scores["predicted_clusters"].as_u64(),
        Some(expected.predicted_clusters as u64)
    );
    assert_eq!(
        scores["gold_clusters"].as_u64(),
        Some(expected.gold_clusters as u64)
    );
    let f1 = scores["bcubed_f1"].as_f64().unwrap();
    assert!(
        (f1 - expected.bcubed_f1).abs() < 1e-9,
        "eval says B-cubed F1 {f1}, cluster's partition scores {}",
        expected.bcubed_f1
    );
    assert_eq!(reported["unplaced"].as_u64(), Some(0));
    assert_eq!(reported["unlabelled"].as_u64(), Some(0));
    expected.predicted_clusters
}

#[test]
fn eval_clusters_groups_a_file_as_cluster_does() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("labelled.jsonl");
    let body: String = invented_articles()
        .iter()
        .map(|r| format!("{r}\n"))
        .collect();
    std::fs::write(&file, body).unwrap();
    let stories = check_same_partition(&file, "event");
    assert!(stories >= 1);
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn eval_clusters_groups_ecbplus_as_cluster_does() {
    let file = common::shared().join("eval/clusters-ecbplus/documents.jsonl");
    assert!(file.is_file(), "{} is missing", file.display());
    let stories = check_same_partition(&file, "subtopic");
    assert!(stories > 1);
}
