//! Inputs built to hang or exhaust ingest: a symlink loop, a FIFO in a folder, a WARC header that
//! never ends. Each must end promptly with a diagnostic.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use parallax_ingest::{expand_inputs, read_bytes};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_walked_once() {
    use std::os::unix::fs::symlink;
    let dir = temp_dir("loops");
    let a = dir.join("a");
    let b = a.join("b");
    std::fs::create_dir_all(&b).unwrap();
    std::fs::write(a.join("one.txt"), "The council met on Tuesday.").unwrap();
    std::fs::write(b.join("two.txt"), "The council met on Wednesday.").unwrap();
    // Two loops: each once made the walk go round again (41 visits; two loops, exponential).
    symlink(&a, b.join("up")).unwrap();
    symlink(&dir, b.join("top")).unwrap();
    symlink(&b, a.join("side")).unwrap();
    let (files, diagnostics) = expand_inputs(std::slice::from_ref(&dir));
    let mut names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["one.txt", "two.txt"], "{files:?}");
    assert!(diagnostics
        .iter()
        .all(|d| d.message.contains("already read")));
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_skipped_not_read() {
    let dir = temp_dir("fifo");
    std::fs::write(dir.join("a.txt"), "The council met on Tuesday.").unwrap();
    let fifo = dir.join("b.pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (files, diagnostics) = expand_inputs(std::slice::from_ref(&dir));
    assert_eq!(files, [dir.join("a.txt")]);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(diagnostics[0].message.contains("not a regular file"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_warc_header_that_never_ends_is_cut() {
    // 24 MB of header lines and no blank line: once all held in memory, now an error at 256 KB.
    let mut warc = b"WARC/1.0\r\nWARC-Type: response\r\n".to_vec();
    let line = format!("X-Padding: {}\r\n", "a".repeat(1000));
    for _ in 0..24_000 {
        warc.extend_from_slice(line.as_bytes());
    }
    let err = read_bytes("crawl.warc".into(), warc).unwrap_err();
    assert!(err.to_string().contains("header longer than"), "{err}");
}
