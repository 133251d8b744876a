//! Raw text to blocks: markup left in by scrapers stripped, entities decoded, hard-wrapped lines
//! joined back into paragraphs.

use std::borrow::Cow;

/// The most characters a tag's attributes may run to before the tag is taken for text.
const MAX_TAG_ATTRIBUTES: usize = 200;

/// The end of a tag at `at`, as `</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,200})?/?>` matches it there.
fn tag_end(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_end = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let name_at = text.len() - rest.len();
    // `/?>` at a place: its end.
    let closes = |at: usize| {
        let rest = &text[at..];
        if rest.starts_with("/>") {
            Some(at + 2)
        } else {
            rest.starts_with('>').then_some(at + 1)
        }
    };
    let after_name = name_at + name_end;
    let attributes = text[after_name..]
        .chars()
        .next()
        .filter(|c| c.is_whitespace())
        .and_then(|space| {
            let from = after_name + space.len_utf8();
            let mut ends = vec![from];
            for (i, c) in text[from..].char_indices().take(MAX_TAG_ATTRIBUTES) {
                if c == '<' || c == '>' {
                    break;
                }
                ends.push(from + i + c.len_utf8());
            }
            ends.into_iter().rev().find_map(closes)
        });
    attributes.or_else(|| closes(after_name))
}

/// `text` with every tag (what [`tag_end`] reads, from the left) taken out.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    let mut search = 0;
    while let Some(i) = text[search..].find('<') {
        let at = search + i;
        match tag_end(text, at) {
            Some(end) => {
                out.push_str(&text[from..at]);
                from = end;
                search = end;
            }
            None => search = at + 1,
        }
    }
    out.push_str(&text[from..]);
    out
}

/// Splits plain text into blocks: one per line, or one per blank-line-separated paragraph when
/// the text is hard-wrapped.
pub fn split_blocks(text: &str) -> Vec<String> {
    let text: Cow<str> = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    };
    let lines: Vec<&str> = text.lines().collect();
    if !is_hard_wrapped(&lines) {
        return lines
            .iter()
            .map(|l| normalize(without_marker(l)))
            .filter(|b| !b.is_empty())
            .collect();
    }
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in &lines {
        let indented = line.starts_with([' ', '\t']) && !line.trim().is_empty();
        let ends_sentence = current.last().is_some_and(|l| ends_with_terminal(l));
        let opens = line.trim().is_empty() || (indented && ends_sentence) || is_list_item(line);
        if opens && !current.is_empty() {
            blocks.push(current.join(" "));
            current.clear();
        }
        if !line.trim().is_empty() {
            current.push(without_marker(line).trim());
        }
    }
    if !current.is_empty() {
        blocks.push(current.join(" "));
    }
    blocks
        .iter()
        .map(|b| normalize(b))
        .filter(|b| !b.is_empty())
        .collect()
}

/// The marks that open an item of a list.
const LIST_MARKERS: [&str; 6] = ["- ", "• ", "* ", "– ", "· ", "▪ "];

/// Whether a line is an item of a list ("- ", "• "): a block of its own, whose missing full stop
/// says nothing of wrapping.
fn is_list_item(line: &str) -> bool {
    let line = line.trim_start();
    LIST_MARKERS.iter().any(|m| line.starts_with(m))
}

/// A line without the mark of a list item: the mark is layout, not text.
fn without_marker(line: &str) -> &str {
    let trimmed = line.trim_start();
    LIST_MARKERS
        .iter()
        .find_map(|m| trimmed.strip_prefix(m))
        .unwrap_or(line)
}

/// Most lines of some length stop mid-sentence, and where one runs on into the next the next
/// often goes on in lowercase: the text was wrapped at a fixed width. (A page's last lines of
/// furniture, "Photo : KYODO / via REUTERS" then "Aucun commentaire", stop without a full stop
/// too, but what follows them opens anew.)
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let long: Vec<&&str> = lines
        .iter()
        .filter(|l| l.trim().len() >= 25 && !is_list_item(l))
        .collect();
    let open = long.iter().filter(|l| !ends_with_terminal(l)).count();
    if long.len() < 3 || open * 2 <= long.len() {
        return false;
    }
    let (mut runs_on, mut goes_on_lowercase) = (0usize, 0usize);
    for pair in lines.windows(2) {
        let (line, next) = (pair[0].trim(), pair[1].trim());
        if line.is_empty() || next.is_empty() || ends_with_terminal(line) || is_list_item(line) {
            continue;
        }
        runs_on += 1;
        // A line opening with a digit or a mark ("3 de diciembre de 2026") may as well stand
        // alone: only a lowercase letter shows a sentence running on.
        goes_on_lowercase += usize::from(next.starts_with(char::is_lowercase));
    }
    goes_on_lowercase * 3 >= runs_on
}

/// Whether a line ends the way a sentence does.
pub fn ends_with_terminal(line: &str) -> bool {
    // Tokenised text puts a space before the closing mark ("… happen . \"").
    let t = line.trim_end().trim_end_matches(|c: char| {
        matches!(c, '"' | '”' | '’' | '\'' | ')' | ']') || c.is_whitespace()
    });
    t.ends_with(['.', '!', '?', ':', '…', '。', '！', '？', '」', '』'])
}

/// One block's text made plain: tags stripped, entities decoded, quotes and spaces normalised.
pub fn normalize(block: &str) -> String {
    // Without a '<' there is no tag.
    let stripped: Cow<str> = if block.contains('<') {
        strip_tags(block).into()
    } else {
        block.into()
    };
    let decoded: Cow<str> = if stripped.contains('&') {
        decode_entities(&stripped).into()
    } else {
        stripped
    };
    // Tokenised quote marks: the replacements are made only where there are some.
    let quoted: Cow<str> = if decoded.contains('`') || holds_pair(&decoded, b'\'') {
        typographic_quotes(&decoded).into()
    } else {
        decoded
    };
    collapse_spaces(&quoted)
}

/// The words of `text` (as `split_whitespace` finds them) joined by single spaces. Read byte by
/// byte: ASCII without decoding, and each word copied whole.
fn collapse_spaces(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut push_word = |word: &str| {
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    };
    let (mut start, mut i) = (0, 0);
    while let Some((c, len)) = parallax_text::char_at(text, bytes, i) {
        if c.is_whitespace() {
            push_word(text.get(start..i).unwrap_or(""));
            start = i + len;
        }
        i += len;
    }
    push_word(text.get(start..).unwrap_or(""));
    out
}

/// `text` with tokenised quote marks made typographic, "``" opening and "''" closing: what
/// replacing the one and then the other gives, read in one pass.
fn typographic_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.bytes().position(|b| b == b'`' || b == b'\'') {
        let (before, from) = rest.split_at(i);
        out.push_str(before);
        let (mark, after) = if let Some(after) = from.strip_prefix("``") {
            ("“", after)
        } else if let Some(after) = from.strip_prefix("''") {
            ("”", after)
        } else {
            from.split_at(1)
        };
        out.push_str(mark);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Whether `s` holds the byte `b` twice in a row.
fn holds_pair(s: &str, b: u8) -> bool {
    s.as_bytes().windows(2).any(|w| w == [b, b])
}

/// Decodes the HTML character references scrapers commonly leave in text.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "hellip" => Some('…'),
                "rsquo" => Some('’'),
                "lsquo" => Some('‘'),
                "rdquo" => Some('”'),
                "ldquo" => Some('“'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tags are taken out where the expression the stripper replaces finds them: texts drawn at
    /// random from the pieces of tags and text around them.
    #[test]
    fn tags_are_stripped_as_their_expression_strips_them() {
        let tag = regex::Regex::new(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,200})?/?>")
            .expect("valid regex");
        let long = "x".repeat(199);
        let pieces = [
            "<",
            ">",
            "/",
            "/>",
            "</",
            "a",
            "B2",
            "3",
            " ",
            "\u{a0}",
            "href='x'",
            "<<",
            "é",
            long.as_str(),
            "=",
            "\n",
        ];
        let shapes: [&[&str]; 3] = [
            &[
                "By", " ", "<", "a", " ", "href='x'", ">", "Jo", "</", "a", ">", ".",
            ],
            &["<", "B2", "/>", " ", "<", "a", " ", long.as_str(), "x", ">"],
            &["<<", "a", "\n", "=", "/", ">", "3", "</", "B2", " ", ">"],
        ];
        let mut stripped = 0;
        for text in super::super::scan::random_texts(&shapes, &pieces, 40_000) {
            let expected = tag.replace_all(&text, "");
            stripped += usize::from(expected != text);
            assert_eq!(strip_tags(&text), expected, "{text:?}");
        }
        assert!(stripped > 1_000, "{stripped}");
    }

    #[test]
    fn typographic_quotes_are_both_replacements_in_one_pass() {
        for text in [
            "``Yes,'' he said.",
            "```'''",
            "`''` ''``",
            "don't `quote' ''",
            "'''' ````",
            "é``ü''ß",
            "",
        ] {
            assert_eq!(
                super::typographic_quotes(text),
                text.replace("``", "“").replace("''", "”"),
                "{text:?}"
            );
        }
    }
    #[test]
    fn spaces_collapse_as_split_whitespace_and_join_do() {
        for text in [
            "",
            "   ",
            "one",
            "  two  words  ",
            "tab\tnew\nline\r\ncr\x0bvt\x0cff",
            "no\u{a0}break\u{2003}em\u{3000}ideographic\u{85}next",
            "é  ü\u{200b}zero-width ß\u{1c}\u{1f}units",
            "« guillemets »\u{2028}line\u{2029}para",
        ] {
            assert_eq!(
                super::collapse_spaces(text),
                text.split_whitespace().collect::<Vec<_>>().join(" "),
                "{text:?}"
            );
        }
    }

    #[test]
    fn tags_and_entities_are_cleaned() {
        assert_eq!(normalize("By <u>AFP</u> &amp; staff"), "By AFP & staff");
        assert_eq!(
            normalize("It was ``fine,'' he said"),
            "It was “fine,” he said"
        );
        assert_eq!(normalize("a < b and c > d"), "a < b and c > d");
    }

    #[test]
    fn hard_wrapped_text_is_rejoined() {
        let text = "The first paragraph starts here and goes on\nfor a while across several lines of\ntext that were wrapped at a width\nby the archive that kept them, and\nends here.\n\nA second paragraph begins and it\nalso goes on for a few lines that\nwere wrapped.\n";
        let blocks = split_blocks(text);
        assert_eq!(blocks.len(), 2, "{blocks:?}");
        assert!(blocks[0].ends_with("ends here."));
    }

    #[test]
    fn a_tokenised_closing_quote_still_ends_a_sentence() {
        assert!(ends_with_terminal("Nothing bad is going to happen . \""));
        assert!(ends_with_terminal("We will stay . ''"));
        assert!(!ends_with_terminal("Fire at the harbour \""));
    }

    #[test]
    fn list_items_are_blocks_of_their_own() {
        let body = "The council met on Monday and approved the plan for the harbour.\nThe vote was close and the debate went on late into the night.\nResidents had asked for the plan for years and welcomed it.\n";
        let list = "- Ten Things To Know About The New Harbour Bridge\n- Why The Council Keeps Meeting At Night\n- Column: Five Ways To Save On Parking\n";
        let blocks = split_blocks(&format!("A title\n\n{body}{list}"));
        assert_eq!(blocks.len(), 7, "{blocks:#?}");
        assert_eq!(blocks[4], "Ten Things To Know About The New Harbour Bridge");
        // Wrapped text still joins, and a list inside it stays apart.
        let wrapped = "The council met on Monday and\napproved the plan for the\nharbour after a long debate\n- First Item Of A List\n";
        assert_eq!(
            split_blocks(wrapped),
            vec![
                "The council met on Monday and approved the plan for the harbour after a long debate",
                "First Item Of A List"
            ]
        );
    }

    #[test]
    fn furniture_lines_without_full_stops_do_not_make_a_text_wrapped() {
        let text = "Quakes kill at least 57 in the north\n\nThe quakes that struck the north on Monday killed at least 57 people.\nRescuers searched through the night, the agency said.\nPhoto: Harbour Daily via Wire Service\nNo comments on this article yet\nThank you for your visit to our site\n";
        assert_eq!(split_blocks(text).len(), 6, "{:#?}", split_blocks(text));
    }

    #[test]
    fn a_line_opening_with_a_digit_shows_no_wrapping() {
        let text = "Inicio / Actualidad / España\n\nCaos en los aeropuertos por la huelga de los controladores\n\nPor María José Llorente\n3 de diciembre de 2026, 17:12\n\nCerca de 50.000 viajeros sufrieron cancelaciones por la huelga.\n\nAena canceló 320 vuelos, la mayoría en Barajas y Palma.\n\nSuscríbete a nuestro boletín\n";
        let blocks = split_blocks(text);
        assert!(
            blocks.contains(&"3 de diciembre de 2026, 17:12".to_string()),
            "{blocks:#?}"
        );
    }

    #[test]
    fn one_paragraph_a_line_stays_apart() {
        let blocks = split_blocks("A title\n\nFirst paragraph.\nSecond paragraph.\n");
        assert_eq!(
            blocks,
            vec!["A title", "First paragraph.", "Second paragraph."]
        );
    }
}
