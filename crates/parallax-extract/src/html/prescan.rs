//! One pass over the markup before parsing. It cuts what never holds article text and costs the
//! parser most (script and style bodies, comments, inline SVG), keeping JSON-LD scripts for
//! metadata; it unwraps a `<noscript>` of the body that holds paragraphs (the page as read
//! without scripts); and it flattens pathological nesting. html5ever's tree builder scans the
//! stack of open elements for some start tags (a `<div>` looks for an open `<p>`), so a page
//! nested 100,000 levels deep would cost minutes: tags past [`MAX_DEPTH`] levels are taken out,
//! their text kept.

/// Nesting deeper than this is flattened.
pub(crate) const MAX_DEPTH: usize = 2_000;

/// Attributes kept on one tag: html5ever checks each new attribute against the tag's others, so
/// a tag with 100,000 of them would cost minutes.
pub(crate) const MAX_ATTRIBUTES: usize = 64;

/// The page as the parser should see it, with the number of tags the scan read in it.
pub(crate) struct Prescanned {
    /// The markup to parse.
    pub markup: String,
    /// Start and end tags read (a `<` before a letter, or before a slash and a letter), those cut
    /// with what they held too: a bound on the elements the parser will make, for sizing its tree.
    pub tags: usize,
}

/// The page as the parser should see it (see [`Prescanned`]).
pub(crate) fn prescan(html: &str, max_depth: usize) -> Prescanned {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut tags = 0usize;
    // `html[last..]` is not yet copied to `out`.
    let mut last = 0;
    let mut depth = 0usize;
    let mut suppressed = 0usize;
    let mut in_body = false;
    // `<noscript>` elements opened and unwrapped, whose end tags go too.
    let mut unwrapped = 0usize;
    let mut i = 0;
    // Where the text since the last tag (or comment, or raw-text body) begins; a `<` that opens
    // no tag leaves it where it is.
    let mut text_from = 0;
    let mut stray_angle = false;
    // The text after `<pre>` or `<listing>` keeps its first newline, which the parser drops.
    let mut verbatim_text = false;
    // A tag's attributes and those it keeps, reused from tag to tag rather than allocated anew.
    let mut all_attributes = Vec::new();
    let mut kept = Vec::new();
    while let Some(off) = bytes.get(i..).and_then(|rest| memchr::memchr(b'<', rest)) {
        if !stray_angle {
            text_from = i;
        }
        stray_angle = false;
        let start = i + off;
        let rest = &bytes[start..];
        let comment = rest.starts_with(b"<!--");
        // A tag starts with a letter; anything else is text (checked first, so that a run of
        // `<` is one pass, not one scan per `<`).
        if !comment {
            let name_start = start + 1 + usize::from(rest.get(1) == Some(&b'/'));
            if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                i = start + 1;
                stray_angle = true;
                continue;
            }
        }
        tags += usize::from(!comment);
        if !std::mem::take(&mut verbatim_text) {
            unbreak_lines(&mut out, html, &mut last, text_from, start);
        }
        if comment {
            let end = if rest.starts_with(b"<!-->") {
                start + 5
            } else if rest.starts_with(b"<!--->") {
                start + 6
            } else {
                find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3)
            };
            out.push_str(&html[last..start]);
            last = end;
            i = end;
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>'))
            .count();
        let name_end = name_start + name_len;
        let mut lower = [0u8; 12];
        let name: &[u8] = if name_len <= lower.len() {
            for (l, b) in lower.iter_mut().zip(&bytes[name_start..name_end]) {
                *l = b.to_ascii_lowercase();
            }
            &lower[..name_len]
        } else {
            b"-"
        };
        let end = read_attributes(html, name_end, &mut all_attributes);
        i = end;
        if name == b"body" && !closing {
            in_body = true;
        }
        verbatim_text = !closing && matches!(name, b"pre" | b"listing");
        if name == b"noscript" && in_body {
            // What a page shows readers without scripts is read as markup when it holds
            // paragraphs (`<p>`, or lines broken by `<br>`): some blogs print their posts only
            // there, the script-drawn copy being cut above. Its tags go, so the parser (which
            // takes a `<noscript>` body for raw text) reads the content. Any other `<noscript>`
            // (a pixel, a notice) is cut whole.
            if closing {
                if unwrapped > 0 {
                    unwrapped -= 1;
                    out.push_str(&html[last..start]);
                    last = end;
                    continue;
                }
            } else {
                let close_at = find_tag_ci(bytes, end, b"</noscript");
                let holds_paragraphs = close_at.is_some_and(|c| {
                    let inside = bytes.get(..c).unwrap_or_default();
                    [b"<p>".as_slice(), b"<p ", b"<br"]
                        .iter()
                        .any(|tag| find_tag_ci(inside, end, tag).is_some())
                });
                out.push_str(&html[last..start]);
                if holds_paragraphs {
                    unwrapped += 1;
                    last = end;
                } else {
                    let close_at = close_at.unwrap_or(bytes.len());
                    last = close_at;
                    i = close_at;
                }
                continue;
            }
        }
        let tag = Tag {
            name_end,
            end,
            rewritten: kept_attributes(closing, name, &all_attributes, &mut kept),
            kept: &kept,
        };
        if is_void(name) || closes_itself(name) {
            tag.keep(&mut out, html, &mut last);
            continue;
        }
        if closing {
            if suppressed > 0 {
                out.push_str(&html[last..start]);
                last = end;
                suppressed -= 1;
            } else {
                depth = depth.saturating_sub(1);
                tag.keep(&mut out, html, &mut last);
            }
            continue;
        }
        if bytes[start..end].ends_with(b"/>") {
            tag.keep(&mut out, html, &mut last);
            continue;
        }
        if let Some(close) = raw_text_close(name) {
            // The element ends at the first matching end tag, as the HTML tokenizer has it (a
            // script's, past the comment-like runs it reads as its text).
            let close_at = if name == b"script" {
                script_end(bytes, end)
            } else {
                find_tag_ci(bytes, end, close)
            }
            .unwrap_or(bytes.len());
            let keep_body = name == b"script" && is_json_ld(&bytes[start..end])
                || name == b"title"
                || name == b"textarea";
            tag.keep(&mut out, html, &mut last);
            if !keep_body {
                out.push_str(&html[last..end]);
                last = close_at;
            }
            i = close_at;
            continue;
        }
        if name == b"svg" {
            let close_at = svg_end(bytes, end);
            out.push_str(&html[last..start]);
            last = close_at;
            i = close_at;
            continue;
        }
        if depth >= max_depth {
            out.push_str(&html[last..start]);
            last = end;
            suppressed += 1;
        } else {
            depth += 1;
            tag.keep(&mut out, html, &mut last);
        }
    }
    if !stray_angle {
        text_from = i;
    }
    if !verbatim_text {
        unbreak_lines(&mut out, html, &mut last, text_from, html.len());
    }
    out.push_str(&html[last..]);
    Prescanned { markup: out, tags }
}

/// Writes the text `html[from..to]` with its line breaks (`\n`, `\r\n`, `\r`) as spaces. The
/// tokenizer reads a run of text at once up to a line break and takes each break alone, and a
/// page's indentation is full of them; extraction reads any white space as a space, and the text
/// keeps its length as the tokenizer counts it (`\r\n` is one character there). Text that holds
/// a `<` (a doctype, a stray bracket) is left as written.
fn unbreak_lines(out: &mut String, html: &str, last: &mut usize, from: usize, to: usize) {
    let Some(text) = html.as_bytes().get(from..to) else {
        return;
    };
    // Most runs between tags are short and hold no break: one plain pass tells.
    let Some(first) = break_or_angle(text) else {
        return;
    };
    if from < *last || text[first] == b'<' {
        return;
    }
    let written = out.len();
    out.push_str(&html[*last..from]);
    // `text[copied..]` is not yet written; line breaks are ASCII, so every cut is a char boundary.
    let mut copied = 0;
    let mut at = first;
    while let Some(&b) = text.get(at) {
        if b == b'<' {
            out.truncate(written);
            return;
        }
        out.push_str(&html[from + copied..from + at]);
        out.push(' ');
        at += if b == b'\r' && text.get(at + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        copied = at;
        match text.get(at..).and_then(break_or_angle) {
            Some(off) => at += off,
            None => break,
        }
    }
    out.push_str(&html[from + copied..to]);
    *last = to;
}

/// Where the first line break or `<` of `text` is: byte by byte in a short text, by a vector
/// search in a long one (a paragraph's text), where setting one up costs less than the bytes.
fn break_or_angle(text: &[u8]) -> Option<usize> {
    if text.len() < 64 {
        text.iter().position(|&b| matches!(b, b'\n' | b'\r' | b'<'))
    } else {
        memchr::memchr3(b'\n', b'\r', b'<', text)
    }
}

/// Elements whose every attribute may carry metadata.
fn keeps_all_attributes(name: &[u8]) -> bool {
    matches!(
        name,
        b"meta" | b"link" | b"html" | b"script" | b"time" | b"-"
    )
}

/// The attributes extraction reads on ordinary elements (metadata's too: `rel="author"` on a
/// link, `content` and `datetime` beside an `itemprop`); the rest (links' targets, image sources,
/// data attributes) only cost the parser time.
fn is_used_attribute(name: &str) -> bool {
    const USED: [&str; 17] = [
        "class",
        "id",
        "role",
        "itemprop",
        "itemtype",
        "hidden",
        "aria-hidden",
        "aria-modal",
        "aria-controls",
        "popover",
        "open",
        "style",
        "lang",
        "xml:lang",
        "rel",
        "content",
        "datetime",
    ];
    USED.iter().any(|u| u.eq_ignore_ascii_case(name))
}

/// The attributes of a tag whose name ends at `from`, as (name, whole text) pairs in `out`
/// (emptied first), and the index just past the `>` that closes the tag (the end of `html` when
/// none does). One pass finds what [`tag_end`] and then [`attributes`] over the tag find in two:
/// both read a quote as opening a value only after a name's `=`, so the `>` that ends the
/// attributes is the one that ends the tag.
fn read_attributes<'a>(html: &'a str, from: usize, out: &mut Vec<(&'a str, &'a str)>) -> usize {
    let bytes = html.as_bytes();
    out.clear();
    let mut i = from;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        match bytes.get(i) {
            None => break,
            Some(b'>') => return i + 1,
            Some(_) => {}
        }
        let start = i;
        // A name may begin with `=` (the tokenizer reads `<p =x>` so).
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'>' | b'/')
            && (i == start || bytes[i] != b'=')
        {
            i += 1;
        }
        let name_end = i;
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'=' {
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            match bytes.get(j) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    j = find_byte(bytes, j + 1, q).map_or(bytes.len(), |at| at + 1);
                }
                _ => {
                    while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                        j += 1;
                    }
                }
            }
            i = j;
        }
        out.push((&html[start..name_end], &html[start..i]));
    }
    bytes.len()
}

/// The attributes of a tag, from just after its name to its end: (name, whole text) pairs, in
/// `out` (emptied first). The plain reading [`read_attributes`] is tested against.
#[cfg(test)]
fn attributes<'a>(rest: &'a str, out: &mut Vec<(&'a str, &'a str)>) {
    let bytes = rest.as_bytes();
    out.clear();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' {
            break;
        }
        let start = i;
        // A name may begin with `=` (the tokenizer reads `<p =x>` so).
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'>' | b'/')
            && (i == start || bytes[i] != b'=')
        {
            i += 1;
        }
        let name_end = i;
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'=' {
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            match bytes.get(j) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    j = find_byte(bytes, j + 1, q).map_or(bytes.len(), |at| at + 1);
                }
                _ => {
                    while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                        j += 1;
                    }
                }
            }
            i = j;
        }
        if name_end == start {
            i += 1;
            continue;
        }
        out.push((&rest[start..name_end], &rest[start..i.min(rest.len())]));
    }
}

/// A tag the scan has read: where its name and the tag end, and whether it is rewritten with the
/// attributes it keeps because some must go (if not, the tag stands as written).
struct Tag<'a, 'k> {
    name_end: usize,
    end: usize,
    rewritten: bool,
    kept: &'k [&'a str],
}

impl Tag<'_, '_> {
    /// Leaves the tag in the output, rewritten when some attributes go.
    fn keep(&self, out: &mut String, html: &str, last: &mut usize) {
        if !self.rewritten {
            return;
        }
        out.push_str(&html[*last..self.name_end]);
        for text in self.kept {
            out.push(' ');
            out.push_str(text);
        }
        out.push('>');
        *last = self.end;
    }
}

/// Whether a tag keeps fewer than all its attributes `all` ([`read_attributes`]), and (in
/// `kept`, emptied first) those it keeps: end tags keep none, most elements only those
/// extraction reads, and no tag more than [`MAX_ATTRIBUTES`].
fn kept_attributes<'a>(
    closing: bool,
    name: &[u8],
    all: &[(&'a str, &'a str)],
    kept: &mut Vec<&'a str>,
) -> bool {
    kept.clear();
    let keep_all = keeps_all_attributes(name);
    // A named anchor keeps its name, which tells it from a link once the targets are gone; a
    // script's "link" (`href="javascript:..."`) keeps its target, which says it leads nowhere,
    // and so does a link to a place in the page (`href="#part-2"`), which leads nowhere else.
    let anchor = name == b"a" && !all.iter().any(|(n, _)| n.eq_ignore_ascii_case("href"));
    kept.extend(
        all.iter()
            .filter(|(attr, text)| {
                !closing
                    && (keep_all
                        || is_used_attribute(attr)
                        || anchor && attr.eq_ignore_ascii_case("name")
                        || name == b"a" && attr.eq_ignore_ascii_case("href") && leads_nowhere(text))
            })
            .map(|(_, text)| *text)
            .take(MAX_ATTRIBUTES),
    );
    kept.len() < all.len()
}

/// Whether a link's attribute (`href=...` as written) holds a script or points at a place in
/// the page itself: its value read once for both.
fn leads_nowhere(attribute: &str) -> bool {
    let Some((_, value)) = attribute.split_once('=') else {
        return false;
    };
    let value = value.trim_start_matches([' ', '\t', '\n', '\r', '"', '\'']);
    is_script_url(value) || is_fragment_url(value)
}

/// Whether a link's value (`javascript:...`) holds a script, not a target.
fn is_script_url(value: &str) -> bool {
    value
        .get(..11)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("javascript:"))
}

/// Whether a link's value (`#section`) points at a place in the page itself.
fn is_fragment_url(value: &str) -> bool {
    value.starts_with('#') && value[1..].starts_with(|c: char| c.is_alphanumeric())
}

/// Elements that never hold content.
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"keygen"
    )
}

/// Elements whose end tag is often left out and which the parser closes by itself; they do not
/// build depth, so leaving them uncounted keeps pages of unclosed `<p>` and `<li>` intact.
fn closes_itself(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"li"
            | b"td"
            | b"th"
            | b"tr"
            | b"option"
            | b"optgroup"
            | b"dd"
            | b"dt"
            | b"tbody"
            | b"thead"
            | b"tfoot"
            | b"colgroup"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"html"
            | b"head"
            | b"body"
    )
}

/// Where an inline SVG opened before `from` ends, as the HTML parser reads it: at its own end tag,
/// or before an end tag of an element opened outside it (`</a>` around an icon) or the first start
/// tag of HTML that breaks out of it (a `<div>`, a `<p>`, a `<ul>`) where no `<desc>`, `<title>`
/// or `<foreignObject>` is open to hold HTML. An icon left unclosed in a menu would otherwise take
/// the rest of the page with it.
fn svg_end(bytes: &[u8], from: usize) -> usize {
    // Elements opened inside the SVG and not yet closed, nested SVGs too, and SVGs open.
    let mut open = 0usize;
    let mut svgs = 1usize;
    // `<desc>`, `<title>` and `<foreignObject>` elements open: HTML inside them stays in the SVG.
    let mut holders = 0usize;
    let mut i = from;
    while let Some(off) = bytes.get(i..).and_then(|rest| memchr::memchr(b'<', rest)) {
        let start = i + off;
        if bytes[start..].starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = bytes.get(start + 1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = start + 1;
            continue;
        }
        let name_end = name_start
            + bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
        let name = &bytes[name_start..name_end];
        let end = tag_end(bytes, name_end);
        let is = |n: &[u8]| name.eq_ignore_ascii_case(n);
        let holder = is(b"desc") || is(b"title") || is(b"foreignobject");
        i = end;
        if closing && is(b"svg") {
            // It closes the innermost SVG open, whatever is left open inside that.
            svgs -= 1;
            if svgs == 0 {
                return end;
            }
            open = open.saturating_sub(1);
        } else if closing {
            if open == 0 {
                return start;
            }
            open -= 1;
            if holder {
                holders = holders.saturating_sub(1);
            }
        } else if holders == 0 && breaks_out_of_svg(name) {
            return start;
        } else if !bytes[start..end].ends_with(b"/>") {
            open += 1;
            svgs += usize::from(is(b"svg"));
            holders += usize::from(holder);
            // A script's or style's text may hold a `<` that opens no tag.
            if is(b"script") || is(b"style") {
                let close: &[u8] = if is(b"script") {
                    b"</script"
                } else {
                    b"</style"
                };
                i = find_tag_ci(bytes, end, close).unwrap_or(bytes.len());
            }
        }
    }
    bytes.len()
}

/// The start tags of HTML that end an SVG or MathML element still open, as the HTML parser has
/// them (a `<font>` only with attributes, left out here).
fn breaks_out_of_svg(name: &[u8]) -> bool {
    const TAGS: [&[u8]; 44] = [
        b"b",
        b"big",
        b"blockquote",
        b"body",
        b"br",
        b"center",
        b"code",
        b"dd",
        b"div",
        b"dl",
        b"dt",
        b"em",
        b"embed",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"head",
        b"hr",
        b"i",
        b"img",
        b"li",
        b"listing",
        b"menu",
        b"meta",
        b"nobr",
        b"ol",
        b"p",
        b"pre",
        b"ruby",
        b"s",
        b"small",
        b"span",
        b"strong",
        b"strike",
        b"sub",
        b"sup",
        b"table",
        b"tt",
        b"u",
        b"ul",
        b"var",
    ];
    TAGS.iter().any(|t| name.eq_ignore_ascii_case(t))
}

/// The end tag that closes an element whose content is raw text, not markup.
fn raw_text_close(name: &[u8]) -> Option<&'static [u8]> {
    Some(match name {
        b"script" => b"</script",
        b"style" => b"</style",
        b"textarea" => b"</textarea",
        b"title" => b"</title",
        b"xmp" => b"</xmp",
        b"iframe" => b"</iframe",
        b"noembed" => b"</noembed",
        b"noframes" => b"</noframes",
        _ => return None,
    })
}

fn is_json_ld(tag: &[u8]) -> bool {
    tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
}

/// The index just past the `>` closing a tag, read as the HTML tokenizer reads it: a quote opens
/// a value only right after an attribute name's `=` (and spaces). A stray quote elsewhere must not
/// hide the `>`, or the tags after it would escape the depth limit and reach the parser.
fn tag_end(bytes: &[u8], mut i: usize) -> usize {
    // Whether the scan stands within or just after an attribute name, where `=` starts a value.
    let mut after_name = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => return i + 1,
            b'/' => after_name = false,
            b'=' if after_name => {
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        i = find_byte(bytes, i + 1, q).map_or(bytes.len(), |at| at + 1);
                    }
                    _ => {
                        while bytes
                            .get(i)
                            .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                        {
                            i += 1;
                        }
                    }
                }
                after_name = false;
                continue;
            }
            // Spaces keep a name's `=` ahead (`a = "b"`), and begin no name of their own.
            b if b.is_ascii_whitespace() => {}
            _ => after_name = true,
        }
        i += 1;
    }
    bytes.len()
}

fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    memchr::memchr(byte, bytes.get(from..)?).map(|p| from + p)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|p| from + p)
}

/// Where a script's text, from `from`, ends: the `<` of its end tag, read as the HTML tokenizer
/// reads a script's text. Old pages wrap a script in `<!-- … //-->` and write tags from it
/// (`document.write('<script src=…></script>')`); within that comment-like run a `<script>` opens
/// a stretch where `</script>` closes only that stretch, so the first `</script>` does not end the
/// script. `None` when the script runs to the end of the page.
pub(super) fn script_end(bytes: &[u8], from: usize) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum State {
        Text,
        Escaped,
        DoubleEscaped,
    }
    let named_script = |at: usize, tag: &[u8]| {
        bytes
            .get(at..at + tag.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(tag))
            && bytes
                .get(at + tag.len())
                .is_some_and(|&b| matches!(b, b'\t' | b'\n' | 0x0c | b' ' | b'/' | b'>'))
    };
    let mut state = State::Text;
    let mut i = from;
    while let Some(off) = memchr::memchr2(b'<', b'-', bytes.get(i..)?) {
        let at = i + off;
        i = at + 1;
        match (state, bytes[at]) {
            (State::Text, b'<') if bytes[at..].starts_with(b"<!--") => {
                state = State::Escaped;
                // The `--` of `<!--` may close the run at once (`<!-->`).
                i = at + 2;
            }
            (State::Text | State::Escaped, b'<') if named_script(at, b"</script") => {
                return Some(at);
            }
            (State::Escaped, b'<') if named_script(at, b"<script") => state = State::DoubleEscaped,
            (State::DoubleEscaped, b'<') if named_script(at, b"</script") => state = State::Escaped,
            (State::Escaped | State::DoubleEscaped, b'-') if bytes[at..].starts_with(b"-->") => {
                state = State::Text;
            }
            _ => {}
        }
    }
    None
}

/// The next `needle` (an end tag's opening, lowercase, starting with `<`), found by its `<`.
pub(super) fn find_tag_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', bytes.get(i..)?) {
        let at = i + off;
        if bytes
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The markup a prescan gives: what most tests look at.
    fn prescan(html: &str, max_depth: usize) -> String {
        super::prescan(html, max_depth).markup
    }

    #[test]
    fn tags_are_counted_and_stray_angles_and_comments_are_not() {
        let scanned = super::prescan("<p>a < b <3</p><!-- c --><br><svg><g></g></svg>", 10);
        // `<p>`, `</p>`, `<br>` and `<svg>`, whose inside is cut unread.
        assert_eq!(scanned.tags, 4);
        assert_eq!(super::prescan("1 < 2 and 3 <> 4", 10).tags, 0);
    }

    #[test]
    fn scripts_styles_comments_and_svg_are_cut_but_json_ld_kept() {
        let page = concat!(
            "<html><head><title>T &amp; U</title><style>p{color:red}</style>",
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>",
            "<script>if (a<b) { document.write('</div>'); }</SCRIPT></head>",
            "<body><!-- note --><p>One<svg><text>icon</text></svg>two</p></body></html>"
        );
        let out = prescan(page, 100);
        assert!(out.contains("<title>T &amp; U</title>"));
        assert!(out.contains("{\"@type\":\"NewsArticle\"}"));
        assert!(
            !out.contains("color:red") && !out.contains("document.write") && !out.contains("note")
        );
        assert!(!out.contains("icon"));
        assert!(out.contains("<p>Onetwo</p>"), "{out}");
        let custom = prescan("<my-widget data-a=1 class=x>t</my-widget>", 100);
        assert_eq!(custom, "<my-widget class=x>t</my-widget>");
        let tags = prescan("<div class=\"a b\" data-x='1>2' id=k hidden><a href=\"/x?a=1&b=2\" class=c>x</a><img src=a.png alt=\"A\"></div>", 100);
        assert_eq!(
            tags,
            "<div class=\"a b\" id=k hidden><a class=c>x</a><img></div>"
        );
    }

    #[test]
    fn a_script_ends_where_the_tokenizer_ends_it() {
        let check = |page: &str, expected: &str| assert_eq!(prescan(page, 100), expected);
        // A script wrapped in `<!-- … //-->` that writes a script tag: its `</script>` closes
        // the written tag, not the script.
        check(
            "<script><!--\nif (ads) { document.write('<script src=\"a.js\"></script>'); }\n//-->\n</script><p>Text.</p>",
            "<script></script><p>Text.</p>",
        );
        check(
            "<SCRIPT><!-- document.write('<Script>x()</SCRIPT>'); --></Script>after",
            "<SCRIPT></Script>after",
        );
        // Outside such a run, or once it is closed, the first end tag ends the script.
        check(
            "<script>document.write('<script></script>');</script>after",
            "<script></script>');</script>after",
        );
        check(
            "<script><!-- a --> document.write('<script>'); </script>after",
            "<script></script>after",
        );
        check("<script><!-->x</script>after", "<script></script>after");
        // Only a whole name counts: `</scripts>` is text of the script.
        check(
            "<script>a = '</scripts>';</script>after",
            "<script></script>after",
        );
        // A script left open runs to the end.
        check("<p>a</p><script><!-- <script></script>", "<p>a</p><script>");
    }

    #[test]
    fn an_svg_ends_where_the_parser_ends_it() {
        let check = |page: &str, expected: &str| assert_eq!(prescan(page, 100), expected);
        // An icon left unclosed in a menu ends at the first HTML block after it, not at the end
        // of the page.
        check(
            "<nav><a href=#><svg width=18><path d=\"M0 0\"/></a></nav><main><p>Body text.</p></main>",
            "<nav><a></a></nav><main><p>Body text.</p></main>",
        );
        check(
            "<li><svg><g><svg><rect/></svg><text>x</text></g></svg>One</li>",
            "<li>One</li>",
        );
        // HTML in an SVG's description or foreign object stays in the SVG.
        check(
            "<svg><desc><p>A plate.</p></desc><text>Oils</text></svg><p>After.</p>",
            "<p>After.</p>",
        );
        check(
            "<svg><foreignObject><div>Label</div></foreignObject></svg>x",
            "x",
        );
        check(
            "<svg><path d=\"M0 0\"><g></svg><p>After.</p>",
            "<p>After.</p>",
        );
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let page = format!(
            "{}<span title=\"a>b\">text</span>{}",
            "<div>".repeat(10),
            "</div>".repeat(10)
        );
        let flat = prescan(&page, 4);
        assert_eq!(flat.matches("<div>").count(), 4);
        assert_eq!(flat.matches("</div>").count(), 4);
        assert!(flat.contains("text"));
    }

    #[test]
    fn unclosed_paragraphs_and_list_items_do_not_count_as_depth() {
        let page = format!("<div>{}</div>", "<p>para <li>item ".repeat(50));
        assert_eq!(prescan(&page, 3), page);
    }

    #[test]
    fn runs_of_angle_brackets_are_one_pass() {
        // Each `<` once scanned the whole run ahead of it for a tag name: 200 KB took 23 s.
        let page = "<\u{2039}".repeat(100_000);
        assert_eq!(prescan(&page, MAX_DEPTH), page);
        let page = "<".repeat(200_000);
        assert_eq!(prescan(&page, MAX_DEPTH), page);
    }

    #[test]
    fn a_stray_quote_does_not_hide_deep_nesting() {
        // The tokenizer ends `<div x">` at its `>`; reading the quote as a value's once hid the
        // 30,000 levels after it from the depth limit.
        for opener in ["<div x\">", "<div =\">", "<div\">", "<abcdefghijklmnopq\">"] {
            let page = format!("{opener}{}text", "<div>".repeat(30_000));
            let out = prescan(&page, MAX_DEPTH);
            assert!(out.matches("<div").count() <= MAX_DEPTH + 1, "{opener}");
            assert!(out.ends_with("text"));
        }
        let tags = prescan("<div class = \"a>b\" data-x='1'>t</div>", 100);
        assert_eq!(tags, "<div class = \"a>b\">t</div>");
    }

    #[test]
    fn line_breaks_between_tags_are_spaces_of_the_same_length() {
        let check = |page: &str, expected: &str| assert_eq!(prescan(page, 100), expected);
        check(
            "<div>\n    <p>One\r\n\t two\rthree</p>\n</div>\n",
            "<div>     <p>One \t two three</p> </div> ",
        );
        // Inside tags, JSON-LD and titles, after `<pre>` (whose first newline the parser drops)
        // and around a stray `<` or a doctype, text stays as written.
        check(
            "<p  class=\"a\n b\">x</p><title>A\n  B</title>",
            "<p  class=\"a\n b\">x</p><title>A\n  B</title>",
        );
        check(
            "<script type=\"application/ld+json\">{\"a\":  \"b\n c\"}</script>",
            "<script type=\"application/ld+json\">{\"a\":  \"b\n c\"}</script>",
        );
        check("<pre>\n  code</pre>\n\n", "<pre>\n  code</pre>  ");
        check(
            "<!DOCTYPE html>\n<p>a < b\n</p>",
            "<!DOCTYPE html>\n<p>a < b\n</p>",
        );
        check("<p>a<!-- c -->\r\nb", "<p>a b");
    }

    /// Runs of text long enough to be searched by vector (a paragraph's) are read as short ones
    /// are: each break a space, and a run holding a `<` anywhere left as written.
    #[test]
    fn long_runs_of_text_are_unbroken_as_short_ones() {
        let words = "word ".repeat(20);
        let page = format!("<p>{words}\r\n{words}\n{words}\r{words}</p>");
        let expected = format!("<p>{words} {words} {words} {words}</p>");
        assert_eq!(prescan(&page, 100), expected);
        let stray = format!("<p>{words}\n{words} a < b {words}\n</p>");
        assert_eq!(prescan(&stray, 100), stray);
    }

    /// What `leads_nowhere` tells, as first written: the attribute's value read apart for a
    /// script and for a place in the page.
    fn leads_nowhere_plainly(attribute: &str) -> bool {
        fn value(attribute: &str) -> Option<&str> {
            attribute
                .split_once('=')
                .map(|(_, value)| value.trim_start_matches([' ', '\t', '\n', '\r', '"', '\'']))
        }
        let script = value(attribute).is_some_and(|v| {
            v.get(..11)
                .is_some_and(|scheme| scheme.eq_ignore_ascii_case("javascript:"))
        });
        let fragment = value(attribute).is_some_and(|v| {
            v.starts_with('#') && v[1..].starts_with(|c: char| c.is_alphanumeric())
        });
        script || fragment
    }

    #[test]
    fn links_lead_nowhere_as_read_apart() {
        let pieces = [
            "href",
            "=",
            " ",
            "\"",
            "'",
            "\n",
            "javascript:",
            "JavaScript:void(0)",
            "javas",
            "#",
            "#part-2",
            "#é",
            "#-",
            "https://example.org/#a",
            "é",
            "日",
            "x",
        ];
        let mut below = crate::testing::below(crate::testing::SEED);
        let mut nowhere = 0;
        for _ in 0..20_000 {
            let count = below(6);
            let attribute: String = (0..count).map(|_| pieces[below(pieces.len())]).collect();
            let plain = leads_nowhere_plainly(&attribute);
            assert_eq!(leads_nowhere(&attribute), plain, "{attribute:?}");
            nowhere += usize::from(plain);
        }
        assert!(nowhere > 500, "{nowhere}");
    }

    #[test]
    fn a_tags_attributes_and_end_are_read_in_one_pass_as_in_two() {
        // Pieces of tags strung together at random (a fixed-seed generator: the same tags every
        // run): names, `=` in and out of place, quotes closed and not, `>` inside values and out,
        // slashes, white space, text beyond ASCII.
        let pieces = [
            "a", "class", "data-x", " ", "  ", "\n", "\t", "\x0c", "=", " = ", "\"", "'", ">", "/",
            "/>", "\"v\"", "'w'", "\"x>y\"", "'>'", "é", "日", "href=#a", "=\"", "<", "b", "\"\"",
        ];
        let mut below = crate::testing::below(crate::testing::SEED);
        for _ in 0..50_000 {
            let (mut one, mut plain) = (Vec::new(), Vec::new());
            let mut html = String::from("<div");
            for _ in 0..below(12) {
                html.push_str(pieces[below(pieces.len())]);
            }
            if below(2) == 0 {
                html.push_str("> text <p class=\"z\">");
            }
            let from = 4;
            let end = read_attributes(&html, from, &mut one);
            let plain_end = tag_end(html.as_bytes(), from);
            attributes(&html[from..plain_end], &mut plain);
            assert_eq!((end, &one), (plain_end, &plain), "{html:?}");
        }
    }

    #[test]
    fn attributes_are_capped_per_tag() {
        let many: String = (0..100_000).map(|i| format!(" a{i}=1")).collect();
        let out = prescan(
            &format!("<html{many}><p class=x{many}>t</p></html>"),
            MAX_DEPTH,
        );
        assert_eq!(out.matches('=').count(), MAX_ATTRIBUTES + 1);
        assert!(out.contains("<p class=x>t</p>"));
        assert_eq!(prescan("<p>t</p a=1 b=2>", 10), "<p>t</p>");
    }
}
