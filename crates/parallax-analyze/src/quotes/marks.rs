//! Quotation marks of English, French, German and Spanish news (data/quote_marks.txt): where each
//! quoted passage of a paragraph opens and closes, in one pass.

use std::sync::LazyLock;

/// One pair of marks: the opening and the closing one (equal for symmetric marks).
struct Pair {
    open: &'static str,
    close: &'static str,
}

static PAIRS: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    let mut pairs: Vec<Pair> = include_str!("../../data/quote_marks.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (open, close) = l.split_once(' ')?;
            Some(Pair {
                open: open.trim(),
                close: close.trim(),
            })
        })
        .collect();
    // Longer marks first, so ``…'' is not read as two straight quotes.
    pairs.sort_by_key(|p| std::cmp::Reverse(p.open.len()));
    pairs
});

/// Whether a byte can start a mark: every other byte is skipped without comparing marks. A mark
/// never starts with a UTF-8 continuation byte, so the scan only stops on character boundaries.
static FIRST_BYTES: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut first = [false; 256];
    for p in PAIRS.iter() {
        for mark in [p.open, p.close] {
            if let Some(&b) = mark.as_bytes().first() {
                first[usize::from(b)] = true;
            }
        }
    }
    first
});

/// Whether a text opens with an opening quotation mark of any language (`“`, `„`, `«`, `"`).
pub fn opens_quote(text: &str) -> bool {
    PAIRS.iter().any(|p| text.starts_with(p.open))
}

/// A quoted passage of a paragraph, as byte offsets into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Where the opening mark starts (the paragraph start for a quote running on from before).
    pub start: usize,
    /// Where the quoted words start.
    pub inner_start: usize,
    /// Where the quoted words end.
    pub inner_end: usize,
    /// Where the closing mark ends (the paragraph end when the quote does not close in it).
    pub end: usize,
    /// Whether the quote closes in this paragraph.
    pub closed: bool,
    /// Whether the passage goes on the quote before it, from which an attribution within the
    /// marks cut it (`incise`).
    pub continues: bool,
}

/// A mark found in the text, with the index of its pair.
enum Mark {
    Open(usize),
    Close,
    Both(usize),
}

/// The mark at byte `i` of `text`, with its length: the closing mark of the open quote first,
/// then any opening mark, then any closing one.
fn mark_at(text: &str, i: usize, open: Option<usize>) -> Option<(Mark, usize)> {
    let rest = text.get(i..)?;
    if let Some(p) = open.and_then(|k| PAIRS.get(k).map(|p| (k, p))) {
        if rest.starts_with(p.1.close) {
            return Some((Mark::Close, p.1.close.len()));
        }
    }
    for (k, p) in PAIRS.iter().enumerate() {
        if rest.starts_with(p.open) {
            let mark = if p.open == p.close {
                Mark::Both(k)
            } else {
                Mark::Open(k)
            };
            return Some((mark, p.open.len()));
        }
    }
    PAIRS
        .iter()
        .position(|p| rest.starts_with(p.close))
        .and_then(|k| Some((Mark::Close, PAIRS.get(k)?.close.len())))
}

/// The pair whose opening mark is the closing mark found at `i`, so that the same mark closes it.
fn same_close_pair(text: &str, i: usize) -> usize {
    let rest = text.get(i..).unwrap_or("");
    PAIRS
        .iter()
        .position(|p| p.open == p.close && rest.starts_with(p.open))
        .or_else(|| PAIRS.iter().position(|p| rest.starts_with(p.close)))
        .unwrap_or(0)
}

/// Whether a symmetric mark at `i` can only open a quote: after a space (or a colon, as in
/// `said:"We`), glued to a word.
fn looks_opening(text: &str, i: usize, len: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + len..].chars().next();
    before.is_none_or(|c| c.is_whitespace() || c == ':') && after.is_some_and(char::is_alphanumeric)
}

/// Whether a symmetric mark at `i` can only close a quote: glued to the word before, then a space,
/// punctuation or the end (`attacked", he said`).
fn looks_closing(text: &str, i: usize, len: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + len..].chars().next();
    before.is_some_and(|c| !c.is_whitespace())
        && after.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ')' | '!' | '?'))
}

/// The quoted passages of a paragraph. `running` says that a quotation left open at the end of the
/// previous paragraph may go on here: then a closing mark met before any opening one closes a
/// passage that starts at the paragraph's start. A quote that does not close ends at the
/// paragraph's end with `closed == false`. Inch marks (`17 '' screen`) are not quotes.
pub fn quote_spans(text: &str, running: bool) -> Vec<Span> {
    let mut spans = Vec::new();
    // The open passage: its pair, where its mark starts, where its words start.
    let mut open: Option<(usize, usize, usize)> = None;
    let mut seen_open = false;
    let first_bytes = &*FIRST_BYTES;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if !first_bytes[usize::from(b)] {
            i += 1;
            continue;
        }
        let Some((mark, len)) = mark_at(text, i, open.map(|o| o.0)) else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let first = running && !seen_open && spans.is_empty();
        match (mark, open) {
            (Mark::Open(k), None) => {
                open = Some((k, i, i + len));
                seen_open = true;
            }
            (Mark::Both(k), None) => {
                let inch = len == 2 && text[..i].trim_end().ends_with(|c: char| c.is_ascii_digit());
                if first && !looks_opening(text, i, len) {
                    spans.push(Span::new(0, 0, i, i + len, true));
                } else if looks_closing(text, i, len) {
                    // The close of a quote whose opening mark was not one (`que:”Oui", a-t-il
                    // dit`): opening here would pair every later mark the wrong way round.
                } else if !inch {
                    open = Some((k, i, i + len));
                    seen_open = true;
                }
            }
            (Mark::Close, None) => {
                if first {
                    spans.push(Span::new(0, 0, i, i + len, true));
                } else if looks_opening(text, i, len) {
                    // A closing mark used as an opener (”Like this”, as Nordic and some
                    // converted text writes).
                    open = Some((same_close_pair(text, i), i, i + len));
                    seen_open = true;
                }
            }
            (Mark::Close, Some((_, s, inner))) => {
                spans.push(Span::new(s, inner, i, i + len, true));
                open = None;
            }
            // A symmetric mark closing a curly or PTB opener, as mixed text does.
            (Mark::Both(_), Some((_, s, inner))) if !looks_opening(text, i, len) => {
                spans.push(Span::new(s, inner, i, i + len, true));
                open = None;
            }
            // Another opener inside an open quote: the first one never closed.
            (Mark::Open(k) | Mark::Both(k), Some(_)) => {
                open = Some((k, i, i + len));
            }
        }
        i += len;
    }
    if let Some((_, s, inner)) = open {
        spans.push(Span::new(s, inner, text.len(), text.len(), false));
    }
    spans
}

impl Span {
    /// A whole paragraph inside a quote that runs on across it.
    pub fn running(len: usize) -> Self {
        Span::new(0, 0, len, len, false)
    }

    fn new(start: usize, inner_start: usize, inner_end: usize, end: usize, closed: bool) -> Self {
        Span {
            start,
            inner_start,
            inner_end,
            end,
            closed,
            continues: false,
        }
    }
}

/// Byte spans (marks included) of the quoted passages that close within the text.
pub fn closed_quote_spans(text: &str) -> Vec<(usize, usize)> {
    quote_spans(text, false)
        .into_iter()
        .filter(|s| s.closed)
        .map(|s| (s.start, s.end))
        .collect()
}

/// The text with every span blanked byte for byte (offsets kept): each character that starts
/// inside a span becomes as many spaces as it has bytes. The text between spans is copied whole.
pub fn mask(text: &str, spans: &[(usize, usize)]) -> String {
    let n = text.len();
    // The first character boundary at or after byte `b`.
    let boundary = |b: usize| {
        let mut b = b.min(n);
        while !text.is_char_boundary(b) {
            b += 1;
        }
        b
    };
    let mut sorted: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|&(s, e)| s < e && s < n)
        .collect();
    sorted.sort_unstable();
    let mut out = String::with_capacity(n);
    let mut copied = 0;
    let mut blank = |out: &mut String, (s, e): (usize, usize)| {
        let (from, to) = (boundary(s).max(copied), boundary(e));
        if from < to {
            out.push_str(&text[copied..from]);
            out.extend(std::iter::repeat_n(' ', to - from));
            copied = to;
        }
    };
    let mut merged: Option<(usize, usize)> = None;
    for (s, e) in sorted {
        merged = match merged {
            Some((ms, me)) if s <= me => Some((ms, me.max(e))),
            Some(done) => {
                blank(&mut out, done);
                Some((s, e))
            }
            None => Some((s, e)),
        };
    }
    if let Some(done) = merged {
        blank(&mut out, done);
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char masking `mask` once was, kept as the reference it must agree with.
    fn mask_by_chars(text: &str, spans: &[(usize, usize)]) -> String {
        let mut sorted: Vec<(usize, usize)> = spans.to_vec();
        sorted.sort_unstable();
        let mut out = String::with_capacity(text.len());
        let mut next = sorted.iter().peekable();
        let mut current_end = 0;
        for (i, c) in text.char_indices() {
            while let Some(&&(s, e)) = next.peek() {
                if s <= i {
                    current_end = current_end.max(e);
                    next.next();
                } else {
                    break;
                }
            }
            if i < current_end {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn masking_by_slices_agrees_with_masking_by_chars() {
        let texts = [
            "He said “we won” and «they lost» — é ü 中 end.",
            "short",
            "",
            "€€€ ab",
        ];
        let mut seed: u64 = 0x853c_49e6_748f_ea9b;
        let mut draw = |m: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % m
        };
        for text in texts {
            for _ in 0..3000 {
                let spans: Vec<(usize, usize)> = (0..draw(5))
                    .map(|_| (draw(text.len() + 3), draw(text.len() + 3)))
                    .collect();
                assert_eq!(
                    mask(text, &spans),
                    mask_by_chars(text, &spans),
                    "{text:?} {spans:?}"
                );
            }
        }
    }

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = quote_spans(text, false)
            .iter()
            .map(|s| &text[s.inner_start..s.inner_end])
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn marks_of_four_languages() {
        check("He said “we won” today.", &["we won"]);
        check(
            "He said \"we won\" and \"they lost\".",
            &["we won", "they lost"],
        );
        check(
            "Sie sagte: „Wir bleiben.“ Dann ging sie.",
            &["Wir bleiben."],
        );
        check(
            "Il a dit : « Nous restons », puis il est parti.",
            &[" Nous restons "],
        );
        check("Dijo: «Nos quedamos» y se fue.", &["Nos quedamos"]);
        check(
            "Er sagte: »Wir bleiben« und ›gern‹.",
            &["Wir bleiben", "gern"],
        );
        check("‹ Oui › et 「はい」", &[" Oui ", "はい"]);
        check("`` We will stay , '' he said .", &[" We will stay , "]);
    }

    #[test]
    fn mixed_inch_and_open_marks() {
        check(
            "a \"stop , she has a gun ! '' he said",
            &["stop , she has a gun ! "],
        );
        check("the new 17 '' screen is bright", &[]);
        let open = quote_spans("He said: “We will stay", false);
        assert_eq!(open.len(), 1);
        assert!(!open[0].closed);
    }

    #[test]
    fn a_closing_mark_used_as_opener() {
        check("”We will stay , ” he said .", &["We will stay , "]);
        check(
            "Il a écrit:”Soutien à nos policiers\", au moment du départ. \"Merci à tous\", a-t-il dit.",
            &["Soutien à nos policiers", "Merci à tous"],
        );
    }

    #[test]
    fn a_symmetric_mark_glued_to_the_word_before_opens_nothing() {
        check(
            "they were attacked\", he said, and \"we stayed\" there.",
            &["we stayed"],
        );
    }

    #[test]
    fn a_running_quote_closes_in_the_next_paragraph() {
        let text = "and we will stay.” Then he left.";
        let spans = quote_spans(text, true);
        assert_eq!(spans.len(), 1);
        assert_eq!(
            &text[spans[0].inner_start..spans[0].inner_end],
            "and we will stay."
        );
        assert!(quote_spans(text, false).is_empty());
    }

    #[test]
    fn mask_is_linear_and_keeps_offsets() {
        let text = "a “bc” d";
        assert_eq!(
            mask(text, &closed_quote_spans(text)),
            format!("a {} d", " ".repeat(8))
        );
        let long = "“x” ".repeat(5000);
        let spans = closed_quote_spans(&long);
        assert_eq!(spans.len(), 5000);
        let start = std::time::Instant::now();
        let masked = mask(&long, &spans);
        assert_eq!(masked.len(), long.len());
        assert!(start.elapsed().as_millis() < 500, "mask is not linear");
    }
}
