//! Bad input never stops a batch: each bad file gets a one-line diagnostic naming it, the rest is
//! briefed, and the exit code says whether a brief was produced.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

const GOOD: &str = "Council Approves New Bridge\n\nBy Jane Porter\n\nMarch 3, 2024\n\n\
The city council of Alderton voted on Monday to build a new bridge over the Wend river, ending a debate that had lasted more than two years.\n\n\
\u{201c}This bridge will connect two halves of our city,\u{201d} Mayor Tom Hale said after the vote.\n\n\
The project will cost about $40 million and take three years to finish, council documents show.\n\n\
Opponents said the money would be better spent on schools. \u{201c}We will keep fighting this,\u{201d} said Rita Moss, who leads a residents' group.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn run(inputs: &[&Path], format: &str) -> (bool, String, String) {
    let mut args = vec!["brief".to_string(), "--format".into(), format.into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = common::parallax(&refs);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn bad_files_are_named_and_the_rest_is_briefed() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let empty = write(dir.path(), "empty.txt", b"");
    let binary = write(
        dir.path(),
        "binary.bin",
        &[0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0],
    );
    let missing = dir.path().join("missing.txt");
    let (ok, stdout, stderr) = run(&[&good, &empty, &binary, &missing], "json");
    assert!(ok, "a brief was produced, so exit 0: {stderr}");
    let brief: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(brief["articles"].as_array().unwrap().len(), 1);
    for (path, word) in [(&empty, "empty"), (&binary, "binary"), (&missing, "")] {
        let line = stderr
            .lines()
            .find(|l| l.contains(&path.display().to_string()))
            .unwrap_or_else(|| panic!("no diagnostic for {}: {stderr}", path.display()));
        assert!(line.starts_with("error:") && line.contains(word), "{line}");
    }
    // The diagnostics are in the brief too.
    assert_eq!(
        brief["diagnostics"].as_array().unwrap().len(),
        3,
        "{:#}",
        brief["diagnostics"]
    );
}

#[test]
fn nothing_readable_is_a_failure_with_one_line_per_input() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"   \n");
    let binary = write(dir.path(), "blob.bin", &[0u8; 64]);
    let (ok, stdout, stderr) = run(&[&empty, &binary], "md");
    assert!(!ok);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with("error:")).count(),
        2,
        "{stderr}"
    );
    assert!(
        stderr.lines().last().unwrap().contains("no brief"),
        "{stderr}"
    );
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut latin1 = GOOD.replace(['\u{201c}', '\u{201d}'], "\"").into_bytes();
    latin1.extend_from_slice(
        b"\nThe caf\xe9 on the river bank will close during the works, the council said.\n",
    );
    let path = write(dir.path(), "latin1.txt", &latin1);
    let (ok, stdout, stderr) = run(&[&path], "json");
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("not valid UTF-8") && stderr.contains("latin1.txt"),
        "{stderr}"
    );
    assert!(stdout.contains("café"));
}

#[test]
fn a_huge_text_file_is_cut_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "The river rose again on Tuesday, and the council said it would meet on Friday to decide what to do next about the flooded streets.\n\n";
    let huge = paragraph.repeat(50 * 1024 * 1024 / paragraph.len() + 1);
    let path = write(dir.path(), "huge.txt", huge.as_bytes());
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let (ok, stdout, stderr) = run(&[&path, &good], "json");
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("huge.txt") && stderr.contains("only the first"),
        "{stderr}"
    );
    let brief: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(brief["articles"].as_array().unwrap().len(), 2);
}

#[test]
fn another_language_is_briefed_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let italian = "Il consiglio comunale di Alderton ha deciso lunedì di costruire un nuovo ponte sul fiume. \
Il dibattito era durato più di due anni, e molti cittadini erano contrari al progetto.\n\n\
Il ponte dovrebbe costare circa 40 milioni di euro ed essere pronto fra tre anni, ha detto il sindaco.\n";
    let path = write(dir.path(), "it.txt", italian.as_bytes());
    let (ok, stdout, stderr) = run(&[&path], "json");
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("it.txt") && stderr.contains("`it`"),
        "{stderr}"
    );
    let brief: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(brief["articles"][0]["language"], "it");
}

/// German is one of the four languages analysis reads: briefed, its language noted, no warning.
#[test]
fn a_language_analysis_reads_is_briefed_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let german = "Der Stadtrat von Alderton hat am Montag beschlossen, eine neue Brücke über den Fluss zu bauen. \
Die Debatte hatte mehr als zwei Jahre gedauert, und viele Bürger waren gegen das Projekt.\n\n\
Die Brücke soll etwa 40 Millionen Euro kosten und in drei Jahren fertig sein, sagte der Bürgermeister.\n";
    let path = write(dir.path(), "de.txt", german.as_bytes());
    let (ok, stdout, stderr) = run(&[&path], "json");
    assert!(ok, "{stderr}");
    assert!(!stderr.contains("language looks like"), "{stderr}");
    let brief: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(brief["articles"][0]["language"], "de");
}

#[test]
fn a_single_article_has_no_cross_outlet_groups() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let (ok, stdout, stderr) = run(&[&good], "json");
    assert!(ok, "{stderr}");
    let brief: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(
        brief["exclusives"].as_array().unwrap().is_empty(),
        "nothing to compare with"
    );
    for q in brief["quotes"].as_array().unwrap() {
        assert_eq!(q["variants"].as_array().unwrap().len(), 1);
    }
    for f in brief["figures"].as_array().unwrap() {
        assert_eq!(f["status"], "single");
    }
    for s in brief["summary"].as_array().unwrap() {
        assert_eq!(s["sources"], serde_json::json!(["good"]));
    }
    assert_eq!(brief["articles"][0]["title"], "Council Approves New Bridge");
    assert_eq!(
        brief["articles"][0]["authors"],
        serde_json::json!(["Jane Porter"])
    );
    let speakers: Vec<&str> = brief["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|q| q["speaker"].as_str())
        .collect();
    assert!(
        speakers.contains(&"Tom Hale") && speakers.contains(&"Rita Moss"),
        "{speakers:?}"
    );
}

#[test]
fn a_zero_word_budget_and_an_unreadable_day_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let out = common::parallax(&["brief", "--words", "0", &good.display().to_string()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("at least one word"), "{err}");

    let db = dir.path().join("none.db").display().to_string();
    let out = common::parallax(&["stories", "--since", "last week", "--db", &db]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("YYYY-MM-DD, today, yesterday"), "{err}");
}
