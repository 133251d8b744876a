//! The command line's own surface: completions and the manual page name every subcommand, `-q`
//! and `-v` and `RUST_LOG` choose what stderr says, `-o` writes where it is told, and a pipe never
//! receives a progress bar.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Command;

const SUBCOMMANDS: [&str; 11] = [
    "brief",
    "ingest",
    "stories",
    "show",
    "search",
    "serve",
    "extract",
    "eval",
    "cluster",
    "completions",
    "man",
];

fn stdout(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn example() -> String {
    common::root()
        .join("examples/harbour-fire/articles")
        .display()
        .to_string()
}

#[test]
fn completions_are_scripts_naming_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout(&common::parallax(&["completions", shell]));
        for name in SUBCOMMANDS {
            assert!(script.contains(name), "{shell}: no {name}");
        }
    }
    // Bash parses its script without running it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parallax.bash");
    std::fs::write(&path, stdout(&common::parallax(&["completions", "bash"]))).unwrap();
    let parsed = Command::new("bash").arg("-n").arg(&path).output().unwrap();
    assert!(
        parsed.status.success(),
        "{}",
        String::from_utf8_lossy(&parsed.stderr)
    );
}

#[test]
fn the_manual_page_is_roff_naming_every_subcommand() {
    let page = stdout(&common::parallax(&["man"]));
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{page}");
    assert!(page.contains(".TH parallax 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "no {section}");
    }
    for name in SUBCOMMANDS {
        assert!(page.contains(&format!("parallax\\-{name}")), "no {name}");
    }
    // Every roff request line is a known macro or a comment.
    for line in page.lines().filter(|l| l.starts_with('.')) {
        let request = line.split_whitespace().next().unwrap();
        assert!(
            [
                ".TH", ".SH", ".SS", ".TP", ".PP", ".IP", ".RS", ".RE", ".br", ".ie", ".el", ".nh",
                ".ad", ".B", ".I", ".\\\"", ".sp", ".fi", ".nf", ".EX", ".EE", ".in"
            ]
            .contains(&request),
            "unknown request {line}"
        );
    }
}

#[test]
fn quiet_keeps_errors_and_drops_warnings_and_summaries() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let readme = dir.path().join("README.md");
    std::fs::write(&readme, "# Notes\n\nHow to run this folder.\n").unwrap();
    let db = dir.path().join("q.db").display().to_string();
    let inputs = [
        example(),
        empty.display().to_string(),
        readme.display().to_string(),
    ];

    let run = |flags: &[&str]| {
        let mut args = flags.to_vec();
        args.extend(["ingest", "--db", &db]);
        args.extend(inputs.iter().map(String::as_str));
        let out = common::parallax(&args);
        assert_eq!(out.status.code(), Some(1), "an input failed");
        String::from_utf8(out.stderr).unwrap()
    };
    let normal = run(&[]);
    assert!(
        normal
            .lines()
            .any(|l| l.starts_with("warning:") && l.contains("README.md")),
        "{normal}"
    );
    assert!(
        normal
            .lines()
            .any(|l| l.starts_with("error:") && l.contains("empty.txt")),
        "{normal}"
    );
    assert!(
        normal.lines().last().unwrap().contains("duplicates"),
        "{normal}"
    );

    let quiet = run(&["-q"]);
    let lines: Vec<&str> = quiet.lines().collect();
    assert_eq!(lines.len(), 1, "{quiet}");
    assert!(
        lines[0].starts_with("error:") && lines[0].contains("empty.txt"),
        "{quiet}"
    );

    let verbose = run(&["-v"]);
    assert!(
        verbose.lines().any(|l| l.starts_with("debug: ")),
        "{verbose}"
    );
    assert!(verbose.contains("duplicates"), "{verbose}");
}

#[test]
fn rust_log_wins_over_the_flags() {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["-q", "extract", &example()])
        .env("RUST_LOG", "debug")
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    assert!(err.lines().any(|l| l.starts_with("debug: ")), "{err}");
    assert!(!out.stdout.is_empty());
    assert!(!String::from_utf8(out.stdout).unwrap().contains("debug:"));
}

#[test]
fn output_files_hold_what_stdout_would_and_stderr_has_no_bar() {
    let dir = tempfile::tempdir().unwrap();
    let input = example();
    let db = dir.path().join("o.db").display().to_string();
    let ingest = common::parallax(&["ingest", "--db", &db, &input]);
    let said = String::from_utf8(ingest.stderr).unwrap();
    assert!(ingest.status.success(), "{said}");
    // Not a terminal: no carriage return, no escape sequence, only the summary line.
    assert!(!said.contains(['\r', '\x1b']), "{said:?}");
    assert_eq!(said.lines().count(), 1, "{said}");

    let cases: [&[&str]; 6] = [
        &["cluster", &input, "-f", "md"],
        &["extract", &input, "-f", "json"],
        &["brief", &input, "-f", "json"],
        &["stories", "--db", &db, "-f", "jsonl"],
        &["show", "1", "--db", &db, "-f", "json"],
        &["search", "fire", "--db", &db, "-f", "jsonl"],
    ];
    for (n, args) in cases.iter().enumerate() {
        let printed = stdout(&common::parallax(args));
        assert!(!printed.is_empty(), "{args:?}");
        let file = dir.path().join(format!("out-{n}"));
        let mut with_file = args.to_vec();
        with_file.extend(["-o", file.to_str().unwrap()]);
        let out = common::parallax(&with_file);
        assert!(stdout(&out).is_empty(), "{args:?} printed with -o");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), printed, "{args:?}");
    }
}

/// Under `-q` the brief finds the copies among its inputs (05 is a copy of 01) itself, not
/// through the story count whose warning `-q` hides (there are three stories): the brief is the
/// same either way.
#[test]
fn a_quiet_brief_is_the_brief() {
    let dir = tempfile::tempdir().unwrap();
    let articles = common::root().join("examples/harbour-fire/articles");
    for entry in std::fs::read_dir(&articles).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    // A wire copy of one report, and a report of another story.
    let first = std::fs::read_to_string(articles.join("01.txt")).unwrap();
    std::fs::write(dir.path().join("05.txt"), format!("{first}\nUpdated.\n")).unwrap();
    std::fs::write(
        dir.path().join("06.txt"),
        "Budget passes\n\nThe Spanish parliament approved the national budget on Thursday by a \
         narrow margin after the governing coalition won the support of two regional parties in \
         talks that ran late into the night, the finance minister told reporters.\n",
    )
    .unwrap();
    let input = dir.path().display().to_string();
    let normal = common::parallax(&["brief", "--format", "json", &input]);
    let quiet = common::parallax(&["-q", "brief", "--format", "json", &input]);
    let stderr = String::from_utf8_lossy(&normal.stderr);
    assert!(stderr.contains("stories"), "{stderr}");
    assert_eq!(stdout(&quiet), stdout(&normal));
}
