//! A guard against pathologically deep markup. html5ever's tree builder scans the stack of open
//! elements for some start tags (a `<div>` checks for an open `<p>`), so a page nested 100,000
//! levels deep costs minutes. Before parsing, tags past a sane depth are taken out; their text
//! stays, only the nesting is flattened. Real pages stay far below the limit and pass untouched.

use std::borrow::Cow;

/// Nesting deeper than this is flattened.
pub(crate) const MAX_DEPTH: usize = 2_000;

/// The page, with start and end tags beyond `max_depth` levels removed.
pub(crate) fn flatten_deep(html: &str, max_depth: usize) -> Cow<'_, str> {
    if max_nesting(html, max_depth).is_none() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut suppressed = 0usize;
    let mut last = 0;
    scan(html, |tag| {
        match tag {
            Tag::Open { start, end } if depth >= max_depth => {
                out.push_str(&html[last..start]);
                last = end;
                suppressed += 1;
            }
            Tag::Open { .. } => depth += 1,
            Tag::Close { start, end } if suppressed > 0 => {
                out.push_str(&html[last..start]);
                last = end;
                suppressed -= 1;
            }
            Tag::Close { .. } => depth = depth.saturating_sub(1),
        }
        true
    });
    out.push_str(&html[last..]);
    Cow::Owned(out)
}

/// `Some(())` as soon as the nesting passes `max_depth`.
fn max_nesting(html: &str, max_depth: usize) -> Option<()> {
    let mut depth = 0usize;
    let mut deep = None;
    scan(html, |tag| {
        match tag {
            Tag::Open { .. } => depth += 1,
            Tag::Close { .. } => depth = depth.saturating_sub(1),
        }
        if depth > max_depth {
            deep = Some(());
            return false;
        }
        true
    });
    deep
}

/// A start or end tag that counts for nesting, by its byte range.
enum Tag {
    Open { start: usize, end: usize },
    Close { start: usize, end: usize },
}

/// Elements that never hold content.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta" | "param"
            | "source" | "track" | "wbr" | "keygen"
    )
}

/// Elements whose end tag is often left out and which the parser closes by itself; they do not
/// build depth, so leaving them uncounted keeps pages of unclosed `<p>` and `<li>` intact.
fn closes_itself(name: &str) -> bool {
    matches!(
        name,
        "p" | "li" | "td" | "th" | "tr" | "option" | "optgroup" | "dd" | "dt" | "tbody" | "thead"
            | "tfoot" | "colgroup" | "rb" | "rt" | "rp" | "html" | "head" | "body"
    )
}

/// Elements whose content is raw text, not markup.
fn is_raw_text(name: &str) -> bool {
    matches!(name, "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes" | "plaintext")
}

/// Calls `visit` for each counting tag, in order, until it returns false.
fn scan(html: &str, mut visit: impl FnMut(Tag) -> bool) {
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |p| name_start + p);
        if name_end == name_start || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let end = tag_end(bytes, name_end);
        let name = html[name_start..name_end].to_ascii_lowercase();
        i = end;
        if is_void(&name) || closes_itself(&name) {
            continue;
        }
        if closing {
            if !visit(Tag::Close { start, end }) {
                return;
            }
            continue;
        }
        if bytes[..end].ends_with(b"/>") {
            continue;
        }
        if is_raw_text(&name) {
            // Skip to the element's end tag; its content is not markup.
            let close = format!("</{name}");
            i = find_ci(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if !visit(Tag::Open { start, end }) {
            return;
        }
    }
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// The index just past the `>` closing a tag, minding quoted attribute values.
fn tag_end(bytes: &[u8], mut i: usize) -> usize {
    let mut quote = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

fn find_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_untouched() {
        let page = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><script>if (a<b) {}</script></div></body></html>";
        assert!(matches!(flatten_deep(page, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let page = format!("{}<span title=\"a>b\">text</span>{}", "<div>".repeat(10), "</div>".repeat(10));
        let flat = flatten_deep(&page, 4);
        assert_eq!(flat.matches("<div>").count(), 4);
        assert_eq!(flat.matches("</div>").count(), 4);
        assert!(flat.contains("text"));
    }
}
