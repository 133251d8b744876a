//! Each format's whole output for the sample brief, compared with the files in `tests/golden/`.
//! After an intended change, run with `PARALLAX_BLESS=1` to rewrite them, and review the diff.

// Helpers outside `#[test]` functions unwrap too: in a test, a panic is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use parallax_render::{render, OutputFormat};

fn check(format: OutputFormat) {
    let path = format!(
        "{}/tests/golden/sample.{}",
        env!("CARGO_MANIFEST_DIR"),
        format.extension()
    );
    let actual = render(&common::sample::brief(), format);
    if std::env::var_os("PARALLAX_BLESS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
        panic!(
            "{path} differs from the output at line {}: rerun with PARALLAX_BLESS=1 if the change is intended\n--- output ---\n{actual}",
            line + 1
        );
    }
}

#[test]
fn markdown_matches_golden() {
    check(OutputFormat::Markdown);
}

#[test]
fn json_matches_golden() {
    check(OutputFormat::Json);
}

#[test]
fn html_matches_golden() {
    check(OutputFormat::Html);
}
