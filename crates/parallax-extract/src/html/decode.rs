//! Bytes to text for HTML: byte-order mark, then the declared charset (HTTP, then `<meta>`), then
//! detection.

use std::borrow::Cow;

use encoding_rs::Encoding;

/// How many leading bytes are searched for a `<meta charset>` declaration.
const PRESCAN_LEN: usize = 4096;

/// An HTML page decoded to text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The page as text: the bytes themselves when they are already UTF-8, a page being tens or
    /// hundreds of kilobytes.
    pub text: Cow<'a, str>,
    /// The name of the encoding used (WHATWG name, such as `UTF-8` or `windows-1252`).
    pub encoding: &'static str,
    /// Set when the bytes did not fit the encoding and some were replaced by U+FFFD.
    pub warning: Option<String>,
}

/// Decodes an HTML page. `http_charset` is the charset a transport declared (an HTTP
/// `Content-Type`), if any; it loses only to a byte-order mark, as browsers do. Text a page
/// holds double-encoded is put back (`mojibake`), with a warning.
pub fn decode_html<'a>(bytes: &'a [u8], http_charset: Option<&str>) -> Decoded<'a> {
    let mut decoded = decode_declared(bytes, http_charset);
    let (text, repaired) = crate::mojibake::undo_double_encoding(decoded.text);
    decoded.text = text;
    if repaired > 0 {
        let note = crate::mojibake::repaired_note(repaired);
        decoded.warning = Some(match decoded.warning {
            Some(w) => format!("{w}; {note}"),
            None => note,
        });
    }
    decoded
}

/// Decodes an HTML page by its byte-order mark, its declared charset or detection.
fn decode_declared<'a>(bytes: &'a [u8], http_charset: Option<&str>) -> Decoded<'a> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    let declared = http_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN_LEN)]));
    match declared {
        // A UTF-8 declaration on bytes that are not UTF-8 is a common lie; detection does better.
        Some(enc) if enc == encoding_rs::UTF_8 && !is_utf8(bytes) => {
            decode_with(detect(bytes), bytes)
        }
        // Bytes beyond ASCII that are valid UTF-8 are UTF-8 whatever the page declares: a page
        // saved or served again as UTF-8 keeps its old `<meta charset>`, and text in a legacy
        // charset almost never forms valid UTF-8 sequences by chance.
        Some(enc) if enc != encoding_rs::UTF_8 && !bytes.is_ascii() && is_utf8(bytes) => {
            decode_with(encoding_rs::UTF_8, bytes)
        }
        // Pages cannot really be UTF-16 once they were found to have no BOM.
        Some(enc) if enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE => {
            decode_with(enc, bytes)
        }
        _ if is_utf8(bytes) => decode_with(encoding_rs::UTF_8, bytes),
        _ => decode_with(detect(bytes), bytes),
    }
}

/// Whether `bytes` are valid UTF-8, as `std::str::from_utf8` tells, read by encoding_rs's
/// validator (vector instructions where the processor has them: a page is tens or hundreds of
/// kilobytes, validated again when it is decoded).
fn is_utf8(bytes: &[u8]) -> bool {
    Encoding::utf8_valid_up_to(bytes) == bytes.len()
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

fn decode_with<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> Decoded<'a> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let warning = had_errors.then(|| {
        format!(
            "bytes not valid in {}; replaced with U+FFFD",
            encoding.name()
        )
    });
    Decoded {
        text,
        encoding: encoding.name(),
        warning,
    }
}

/// The charset a `<meta charset=...>` or `<meta http-equiv content="...; charset=...">` declares.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(at) = find(tag, b"charset") {
            let rest = &tag[at + 7..];
            let rest = rest
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .copied()
                .collect::<Vec<_>>();
            if let Some(value) = rest.strip_prefix(b"=") {
                let value: Vec<u8> = value
                    .iter()
                    .skip_while(|b| b.is_ascii_whitespace() || **b == b'"' || **b == b'\'')
                    .take_while(|b| {
                        !b.is_ascii_whitespace() && !matches!(b, b'"' | b'\'' | b';' | b'/' | b'>')
                    })
                    .copied()
                    .collect();
                if let Some(enc) = Encoding::for_label(&value) {
                    return Some(enc);
                }
            }
        }
        from = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_told_as_the_standard_library_tells_it() {
        // Valid and broken sequences strung together at random (a fixed-seed generator: the
        // same bytes every run), long enough for the vector validator: surrogates, overlong
        // forms, code points past U+10FFFF, sequences cut short, stray continuation bytes.
        let pieces: [&[u8]; 16] = [
            b"plain ascii text ",
            "é".as_bytes(),
            "日本".as_bytes(),
            "😀".as_bytes(),
            b"\xed\xa0\x80",
            b"\xc0\x80",
            b"\xe0\x80\xaf",
            b"\xf4\x90\x80\x80",
            b"\xf0\x9f\x98",
            b"\x80",
            b"\xff",
            b"\xc3",
            b"<p class=\"a\">",
            b"\n",
            "\u{10FFFF}".as_bytes(),
            "\u{FEFF}".as_bytes(),
        ];
        let mut below = crate::testing::below(crate::testing::SEED);
        // Long texts met, invalid and valid.
        let mut seen = [0usize; 2];
        for _ in 0..20_000 {
            let mut bytes = Vec::new();
            let len = below(40);
            for k in 0..len {
                // Mostly valid pieces, so that long valid runs are met as well as broken ones.
                let piece = if below(4) == 0 {
                    below(16)
                } else {
                    [0, 1, 2, 3, 12, 13, 14][below(7)]
                };
                bytes.extend_from_slice(pieces[piece]);
                if k % 9 == 8 {
                    bytes.extend_from_slice(&[b'x'; 70]);
                }
            }
            let valid = std::str::from_utf8(&bytes).is_ok();
            assert_eq!(is_utf8(&bytes), valid, "{bytes:?}");
            seen[usize::from(valid)] += usize::from(bytes.len() >= 64);
        }
        assert!(seen.iter().all(|&n| n > 1_000), "{seen:?}");
    }

    #[test]
    fn utf8_pages_are_read_in_place() {
        let page = "<meta charset=\"windows-1252\"><p>café</p>".as_bytes();
        assert!(matches!(decode_html(page, None).text, Cow::Borrowed(_)));
        let latin1 = b"<meta charset=\"windows-1252\"><p>caf\xe9</p>";
        assert!(matches!(decode_html(latin1, None).text, Cow::Owned(_)));
    }

    #[test]
    fn a_meta_charset_is_honoured() {
        let mut page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf".to_vec();
        page.push(0xe9);
        let d = decode_html(&page, None);
        assert!(d.text.ends_with("café"), "{}", d.text);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.warning.is_none());
    }

    #[test]
    fn http_equiv_and_http_charsets_are_honoured() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>\x93\xfa\x96\x7b</p>";
        assert!(decode_html(page, None).text.contains("日本"));
        let page = b"<p>\x93\xfa\x96\x7b</p>";
        assert!(decode_html(page, Some("shift_jis")).text.contains("日本"));
    }

    #[test]
    fn a_bom_wins_and_undeclared_pages_are_detected() {
        let d = decode_html(
            b"\xef\xbb\xbf<meta charset=\"windows-1251\"><p>\xd0\xb4\xd0\xb0</p>",
            None,
        );
        assert!(d.text.contains("да"), "{}", d.text);
        let cyrillic =
            "<p>Москва — столица России, крупнейший город страны и её политический центр.</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(cyrillic);
        let d = decode_html(&bytes, None);
        assert_eq!(d.encoding, "windows-1251");
        assert!(d.text.contains("Москва"));
    }

    #[test]
    fn valid_utf8_beyond_ascii_wins_over_a_stale_declaration() {
        let page = "<meta charset=\"gb2312\"><p>北京的天气很好。</p>";
        let d = decode_html(page.as_bytes(), None);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("北京的天气很好"), "{}", d.text);
        let page = "<meta charset=\"iso-8859-1\"><p>Le café du coin.</p>";
        assert!(decode_html(page.as_bytes(), None).text.contains("café"));
        // Text really in the declared charset stays read in it.
        let (gbk, _, _) =
            encoding_rs::GBK.encode("<meta charset=\"gb2312\"><p>北京的天气很好。</p>");
        assert!(decode_html(&gbk, None).text.contains("北京的天气很好"));
    }

    #[test]
    fn double_encoded_text_is_put_back_with_a_warning() {
        let page = "<meta charset=\"utf-8\"><p>Itâ€™s fÃ¼r dich.</p>";
        let d = decode_html(page.as_bytes(), None);
        assert!(d.text.contains("It’s für dich."), "{}", d.text);
        assert!(d.warning.is_some_and(|w| w.starts_with("2 double-encoded")));
        let page = "<meta charset=\"utf-8\"><p>It’s für dich.</p>";
        assert!(decode_html(page.as_bytes(), None).warning.is_none());
    }

    #[test]
    fn bad_bytes_give_a_warning() {
        let d = decode_html(b"<meta charset=\"shift_jis\"><p>\x81</p>", None);
        assert!(d.warning.is_some());
    }
}
