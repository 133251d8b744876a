//! A JSON Lines file is extracted on every core, in chunks: the articles still come out in the
//! file's order, each once, and a bad line is one diagnostic while the lines after it are read.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::Write;

#[test]
fn a_long_json_lines_file_keeps_its_order_across_chunks() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("many.jsonl");
    let mut file = std::fs::File::create(&input).unwrap();
    let records = 1_300; // More than two chunks of 512.
    for i in 0..records {
        if i == 700 {
            writeln!(file, "{{not json").unwrap();
        }
        let record = serde_json::json!({
            "id": format!("r{i}"),
            "url": format!("https://example.com/{i}"),
            "title": format!("Ferry timetable change {i}"),
            "text": format!("The ferry leaves the harbour at {i} past the hour from Monday, the operator said."),
        });
        writeln!(file, "{record}").unwrap();
    }
    drop(file);
    let out = common::parallax(&["extract", input.to_str().unwrap()]);
    let ids: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let article: serde_json::Value = serde_json::from_str(l).unwrap();
            article["id"].as_str().unwrap().to_string()
        })
        .collect();
    let expected: Vec<String> = (0..records).map(|i| format!("r{i}")).collect();
    assert!(ids == expected, "articles out of order or missing");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("many.jsonl:701").count(),
        1,
        "one diagnostic for the bad line: {stderr}"
    );
}
