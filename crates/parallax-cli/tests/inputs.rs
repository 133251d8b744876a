//! Inputs that are not articles (a folder's EXPECTED.md or README, a listing page) are skipped
//! with a warning that names them, and never cited in a brief.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

#[test]
fn the_example_folder_s_expected_md_is_not_an_article() {
    let folder = common::root().join("examples/harbour-fire");
    let out = common::parallax(&["brief", "--format", "json", folder.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "parallax failed: {stderr}");
    assert!(
        stderr.contains("EXPECTED.md") && stderr.contains("skipped"),
        "no warning naming EXPECTED.md: {stderr}"
    );
    let brief: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sources: Vec<&str> = brief["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["source"].as_str())
        .collect();
    assert_eq!(sources.len(), 4, "{sources:?}");
    assert!(
        sources.iter().all(|s| !s.ends_with("EXPECTED.md")),
        "{sources:?}"
    );
}

#[test]
fn a_readme_beside_articles_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("README.md"),
        "# Notes\n\nThese files were collected by hand for a test of the tool.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("story.txt"),
        "The council approved the new budget on Tuesday after a long debate, officials said.\n\nThe mayor said the plan would fund two new schools and repair the old bridge by next year.\n",
    )
    .unwrap();
    let out = common::parallax(&["extract", dir.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("story.txt"), "{stdout}");
    assert!(stderr.contains("README.md"), "{stderr}");
}
