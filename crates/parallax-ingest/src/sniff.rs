//! Content sniffing: what a document is, judged from its first bytes rather than its name.

use parallax_core::Format;

/// How many leading bytes are inspected.
const SNIFF_LEN: usize = 4096;

/// The format of a document's bytes, or `None` when they are binary.
pub fn sniff_format(body: &[u8]) -> Option<Format> {
    let head = &body[..body.len().min(SNIFF_LEN)];
    if looks_binary(head) {
        return None;
    }
    let text = String::from_utf8_lossy(head);
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let lower = start.get(..start.len().min(512)).unwrap_or(start).to_ascii_lowercase();
    let html_openers = ["<!doctype html", "<html", "<head", "<body", "<meta", "<!--", "<div", "<article"];
    if html_openers.iter().any(|o| lower.starts_with(o)) {
        Some(Format::Html)
    } else {
        Some(Format::Text)
    }
}

/// NUL bytes, or more than one byte in ten a control character other than white space.
fn looks_binary(head: &[u8]) -> bool {
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_recognised_by_content() {
        assert_eq!(sniff_format(b"\n  <!DOCTYPE html><html></html>"), Some(Format::Html));
        assert_eq!(sniff_format(b"Just words <b>with</b> a tag."), Some(Format::Text));
        assert_eq!(sniff_format(b"\x00\x01PK"), None);
    }
}
