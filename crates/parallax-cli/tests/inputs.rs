//! Inputs that are not articles (a folder's EXPECTED.md or README, a listing page) are skipped
//! with a warning that names them, and never cited in a brief.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

/// The sources of the articles a JSON brief cites.
fn brief_sources(stdout: &[u8]) -> Vec<String> {
    let brief: serde_json::Value = serde_json::from_slice(stdout).unwrap();
    brief["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["source"].as_str().map(str::to_string))
        .collect()
}

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
    let sources = brief_sources(&out.stdout);
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

/// A page of headlines: `brief` leaves it out of the story, `extract` reads the page it was asked
/// for, and both say what it is.
#[test]
fn a_listing_is_left_out_of_a_brief_and_read_by_extract() {
    let dir = tempfile::tempdir().unwrap();
    let items: String = (0..15)
        .map(|i| {
            format!(
                "<li><a href=\"/n{i}\">Headline number {i} about the harbour and the city</a></li>"
            )
        })
        .collect();
    std::fs::write(
        dir.path().join("index.html"),
        format!("<html><body><main><h1>Latest news</h1><ul>{items}</ul></main></body></html>"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("story.txt"),
        "The council approved the new budget on Tuesday after a long debate, officials said.\n\nThe mayor said the plan would fund two new schools and repair the old bridge by next year.\n",
    )
    .unwrap();
    let listing = dir.path().join("index.html");
    let out = common::parallax(&["extract", listing.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Headline number 14"), "{stdout}");
    assert!(stdout.contains("a listing of headlines"), "{stdout}");
    let out = common::parallax(&["brief", "--format", "json", dir.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("index.html") && stderr.contains("skipped"),
        "{stderr}"
    );
    let sources = brief_sources(&out.stdout);
    assert!(
        sources.iter().all(|s| !s.ends_with("index.html")),
        "{sources:?}"
    );
}
