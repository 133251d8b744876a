//! Article markup a page sends only inside its scripts: an app's state handed to the browser
//! as JSON (`window.__STATE__ = {"content":"\u003cp\u003e…"}`, a query cache, a framework's
//! stream of chunks), which a script renders once the page has loaded. A page read without
//! running them shows nothing, yet its text is there, escaped in a string.

use super::prescan::{find_tag_ci, script_end};

/// Paragraph elements a string must open, at least, to be read as an article's markup rather
/// than a widget's template or a single caption.
const MIN_PARAGRAPHS: usize = 2;
/// Bytes of script text read, at most: a page's scripts can be megabytes of code.
const MAX_SCRIPT_BYTES: usize = 4 << 20;
/// Bytes of markup gathered, at most.
const MAX_MARKUP_BYTES: usize = 1 << 20;
/// String levels unwrapped: a string may hold a serialized structure whose own strings hold the
/// markup (a chunk stream's JSON inside a script's string), escaped twice.
const MAX_DEPTH: usize = 2;

/// The markup held in the strings of a page's inline scripts, in page order, each distinct
/// string once: every string literal that, unescaped, opens [`MIN_PARAGRAPHS`] paragraphs.
/// Read from the page's source (the parsed page has its script bodies cut). `None` when no
/// script holds any.
pub(crate) fn markup_in_scripts(html: &str) -> Option<String> {
    let mut markup = String::new();
    let mut seen = foldhash::HashSet::default();
    let mut read = 0usize;
    for code in inline_scripts(html) {
        let code = head(code, MAX_SCRIPT_BYTES.saturating_sub(read));
        read += code.len();
        gather(code, MAX_DEPTH, &mut markup, &mut seen);
        if read >= MAX_SCRIPT_BYTES || markup.len() >= MAX_MARKUP_BYTES {
            break;
        }
    }
    (!markup.is_empty()).then_some(markup)
}

/// The bodies of the `<script>` elements of a page's source that have no `src`, in order.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let open = find_tag_ci(html.as_bytes(), at, b"<script")?;
        let tag_end = html.get(open..)?.find('>')? + open + 1;
        let tag = html.get(open..tag_end)?;
        let body_end = script_end(html.as_bytes(), tag_end).unwrap_or(html.len());
        at = body_end;
        // "<scripts>" or "<script-x>" is another element.
        let named = tag
            .as_bytes()
            .get(7)
            .is_some_and(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace());
        if named && !tag.to_ascii_lowercase().contains("src=") {
            return html.get(tag_end..body_end);
        }
    })
}

/// Whether a block of rendered markup is a template's placeholder that its app fills in ("$$AD$$",
/// "{{related}}", "%%SLOT%%"): one word between a template's marks doubled on both sides.
pub(crate) fn is_placeholder(block: &str) -> bool {
    let word = block.trim();
    let marks = |open: &str, close: &str| {
        word.strip_prefix(open)
            .and_then(|w| w.strip_suffix(close))
            .is_some_and(|name| {
                !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
            })
    };
    [
        ("$$", "$$"),
        ("%%", "%%"),
        ("{{", "}}"),
        ("[[", "]]"),
        ("@@", "@@"),
    ]
    .iter()
    .any(|&(open, close)| marks(open, close))
}

/// Adds to `out` the strings of `code` that hold markup, unwrapping strings inside strings down
/// to `depth` levels.
fn gather(code: &str, depth: usize, out: &mut String, seen: &mut foldhash::HashSet<u64>) {
    for literal in string_literals(code) {
        if out.len() >= MAX_MARKUP_BYTES {
            return;
        }
        if paragraphs_opened(&literal) >= MIN_PARAGRAPHS {
            if seen.insert(fingerprint(&literal)) {
                out.push_str(&literal);
                out.push('\n');
            }
        } else if depth > 1 && literal.contains('"') {
            gather(&literal, depth - 1, out, seen);
        }
    }
}

/// The first `max` bytes of `text`, cut at a character boundary.
fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// How many paragraph elements (`<p>`, `<p class=…>`) a text opens.
fn paragraphs_opened(text: &str) -> usize {
    text.as_bytes()
        .windows(3)
        .filter(|w| {
            w[0] == b'<'
                && w[1].eq_ignore_ascii_case(&b'p')
                && matches!(w[2], b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
        })
        .count()
}

/// A hash of a string, to take each distinct one once (state is often sent twice: in the
/// stream a framework renders from and in the cache an app reads).
fn fingerprint(text: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = foldhash::fast::FixedState::with_seed(0).build_hasher();
    h.write(text.as_bytes());
    h.finish()
}

/// The double-quoted string literals of script or JSON text, unescaped as JSON and JavaScript
/// escape them (`\"`, `\\`, `\/`, `\n`, `\uXXXX` with surrogate pairs, `\xHH`). A literal left
/// open at the end of the text is dropped.
fn string_literals(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while let Some(open) = bytes[i..].iter().position(|&b| b == b'"').map(|p| p + i) {
        match read_literal(code, open + 1) {
            Some((text, end)) => {
                // Only strings long enough to hold two paragraphs are worth keeping.
                if text.len() >= 14 {
                    out.push(text);
                }
                i = end;
            }
            None => break,
        }
    }
    out
}

/// Reads the literal whose body starts at byte `start` (just after its opening quote): its text
/// and the byte after its closing quote.
fn read_literal(code: &str, start: usize) -> Option<(String, usize)> {
    let bytes = code.as_bytes();
    let mut text = String::new();
    let mut i = start;
    let mut run = start;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                text.push_str(code.get(run..i)?);
                return Some((text, i + 1));
            }
            b'\\' => {
                text.push_str(code.get(run..i)?);
                let (c, len) = escape(code, i + 1);
                text.extend(c);
                i += 1 + len;
                run = i;
            }
            _ => i += 1,
        }
    }
    None
}

/// The character an escape stands for, whose letter starts at byte `at`, and the escape's length
/// after the backslash. An escape that stands for no character gives none (a lone surrogate, a
/// line continuation).
fn escape(code: &str, at: usize) -> (Option<char>, usize) {
    let bytes = code.as_bytes();
    let Some(&letter) = bytes.get(at) else {
        return (None, 0);
    };
    let hex = |from: usize, len: usize| {
        code.get(from..from + len)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    match letter {
        b'n' => (Some('\n'), 1),
        b't' => (Some('\t'), 1),
        b'r' => (Some('\r'), 1),
        b'b' | b'f' | b'v' | b'0' => (Some(' '), 1),
        b'\n' => (None, 1),
        b'x' => match hex(at + 1, 2) {
            Some(v) => (char::from_u32(v), 3),
            None => (Some('x'), 1),
        },
        b'u' => match hex(at + 1, 4) {
            Some(high @ 0xD800..=0xDBFF) => {
                let low = (bytes.get(at + 5..at + 7) == Some(b"\\u"))
                    .then(|| hex(at + 7, 4))
                    .flatten()
                    .filter(|low| (0xDC00..=0xDFFF).contains(low));
                match low {
                    Some(low) => (
                        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)),
                        11,
                    ),
                    None => (None, 5),
                }
            }
            Some(v) => (char::from_u32(v), 5),
            None => (Some('u'), 1),
        },
        _ => {
            // Any other character stands for itself (`\"`, `\\`, `\/`, `\'`).
            let c = code.get(at..).and_then(|rest| rest.chars().next());
            (c, c.map_or(1, char::len_utf8))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the markup found in the scripts of `page`.
    #[track_caller]
    fn check(page: &str, expected: Option<&str>) {
        assert_eq!(markup_in_scripts(page).as_deref(), expected);
    }

    #[test]
    fn markup_escaped_in_a_scripts_state_is_found_once() {
        let state = r#"{"title":"Ferry service resumes","content":"\u003cp class=\"lead\"\u003eThe ferry ran again on Friday.\u003c/p\u003e\u003cp\u003eIt had stopped for a week.\u003c/p\u003e"}"#;
        check(
            &format!(
                "<html><head><script>window.__STATE__ = {state};</script></head><body><div id=app></div>\
                 <script>cache.push({state})</script></body></html>"
            ),
            Some(
                "<p class=\"lead\">The ferry ran again on Friday.</p><p>It had stopped for a week.</p>\n",
            ),
        );
    }

    #[test]
    fn markup_escaped_twice_in_a_stream_of_chunks_is_found() {
        let page = r#"<script>self.push([1,"5:{\"html\":\"\\u003cp\\u003eUn pont a été fermé.\\u003c/p\\u003e\\u003cp\\u003eLa ville l’a dit.\\u003c/p\\u003e\"}"])</script>"#;
        check(
            page,
            Some("<p>Un pont a été fermé.</p><p>La ville l’a dit.</p>\n"),
        );
    }

    #[test]
    fn scripts_without_paragraphs_or_from_elsewhere_give_nothing() {
        // One paragraph is a template or a caption, not an article.
        check(r#"<script>var t = "<p>Loading…</p>";</script>"#, None);
        check(r#"<script src="app.js">"<p>a</p><p>b</p>"</script>"#, None);
        check(r#"<SCRIPT SRC='app.js'>"<p>a</p><p>b</p>"</SCRIPT>"#, None);
        check(r#"<scripts>"<p>a</p><p>b</p>"</scripts>"#, None);
        check(
            r#"<SCRIPT type="text/javascript">x = "<P>a paragraph</P><p>and one more</p>"</SCRIPT>"#,
            Some("<P>a paragraph</P><p>and one more</p>\n"),
        );
        check(
            r#"<script>var s = "<span>a</span><pre>b</pre>";</script>"#,
            None,
        );
        // A string left open at the end of a script is not read.
        check(r#"<script>var s = "<p>a</p><p>b</p>;</script>"#, None);
    }

    #[test]
    fn template_placeholders_are_told_from_text() {
        for block in [
            "$$ARTICLEAD$$",
            " {{related_links}} ",
            "%%SLOT-2%%",
            "[[ad.top]]",
        ] {
            assert!(is_placeholder(block), "{block}");
        }
        for block in [
            "$$", "$5$", "$$é$", "$$ab$", "{{a b}}", "The end.", "--", "$$$$", "**Note**", "$$a$",
        ] {
            assert!(!is_placeholder(block), "{block}");
        }
    }

    #[test]
    fn escapes_read_as_json_and_javascript_write_them() {
        let literals = string_literals(r#"x = "a\"b\\c\/d\n\u00e9\ud83d\ude00\x41\u12" + "end";"#);
        assert_eq!(literals, vec!["a\"b\\c/d\né😀Au12".to_string()]);
        // A lone surrogate stands for nothing.
        assert_eq!(
            string_literals(r#""\ud83d and some more text""#),
            vec![" and some more text".to_string()]
        );
    }
}
