//! Sentence splitting that survives news abbreviations ("U.S.", "Gen.", "Feb. 7"), initials and
//! quotations that run over several sentences.

use crate::lexicon::{ABBREVIATIONS, STOPWORDS};

/// Byte ranges of the sentences of one paragraph.
pub fn split_sentences(paragraph: &str) -> Vec<(usize, usize)> {
    let quoted = closed_quote_spans(paragraph);
    let inside_quote = |i: usize| quoted.iter().any(|&(s, e)| s < i && i < e);
    // A boundary inside a quotation that closes later in the paragraph is not one.
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if !matches!(c, '.' | '!' | '?' | '…') {
            k += 1;
            continue;
        }
        // Take the whole run of terminal marks and closing quotes or brackets.
        let mut j = k + 1;
        while j < chars.len()
            && matches!(
                chars[j].1,
                '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ']'
            )
        {
            j += 1;
        }
        let end = chars.get(j).map_or(paragraph.len(), |&(b, _)| b);
        let next_is_space = chars.get(j).is_some_and(|&(_, c)| c.is_whitespace());
        let mut n = j;
        while n < chars.len() && chars[n].1.is_whitespace() {
            n += 1;
        }
        let next_starts_sentence = chars.get(n).is_some_and(|&(_, c)| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '\'')
        });
        if next_is_space
            && next_starts_sentence
            && !inside_quote(end)
            && !is_abbreviation(paragraph, i, c, &chars, n)
        {
            sentences.push((start, end));
            start = chars.get(n).map_or(paragraph.len(), |&(b, _)| b);
        }
        k = j;
    }
    if start < paragraph.len() && !paragraph[start..].trim().is_empty() {
        sentences.push((start, paragraph.trim_end().len().max(start)));
    }
    sentences
}

/// Whether the full stop at byte `dot` ends an abbreviation rather than the sentence.
fn is_abbreviation(
    text: &str,
    dot: usize,
    mark: char,
    chars: &[(usize, char)],
    next: usize,
) -> bool {
    if mark != '.' {
        return false;
    }
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // A single capital letter: an initial ("J. K. Rowling").
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = word.to_lowercase();
    let next_word: String = chars[next..]
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphanumeric() || *c == '\'')
        .collect();
    match ABBREVIATIONS.get(lower.as_str()) {
        Some(true) => true,
        // "U.S. officials" continues; "in the U.S. The" ends.
        Some(false) => {
            !next_word.is_empty() && !STOPWORDS.contains(next_word.to_lowercase().as_str())
        }
        None => false,
    }
}

/// Byte spans of double-quoted passages that close within the paragraph.
pub fn closed_quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(s) = open.take() {
                    spans.push((s, i + c.len_utf8()));
                }
            }
            '"' => match open.take() {
                Some(s) => spans.push((s, i + 1)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = split_sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        check(
            "Gen. Mark Milley met U.S. officials on Feb. 7 in Washington. J. K. Rowling was not there.",
            &["Gen. Mark Milley met U.S. officials on Feb. 7 in Washington.", "J. K. Rowling was not there."],
        );
        check(
            "He lives in the U.S. The rest is history.",
            &["He lives in the U.S.", "The rest is history."],
        );
    }

    #[test]
    fn quotations_stay_whole() {
        check(
            "“We are in the window. Any day now, it could happen,” Sullivan said. He left.",
            &[
                "“We are in the window. Any day now, it could happen,” Sullivan said.",
                "He left.",
            ],
        );
        check(
            "He said: “It is over.” Then he left.",
            &["He said: “It is over.”", "Then he left."],
        );
    }

    #[test]
    fn decimals_and_question_marks() {
        check(
            "Growth was 3.5 percent. Why? Nobody knows!",
            &["Growth was 3.5 percent.", "Why?", "Nobody knows!"],
        );
    }
}
