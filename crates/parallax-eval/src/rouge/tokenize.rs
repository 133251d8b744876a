//! Reading a summary the way ROUGE-1.5.5 reads one-sentence-per-line (SPL) input: case folded,
//! cut to the word limit, non-alphanumerics turned into separators, words stemmed.

use super::porter::stem;
use super::Exceptions;

/// Splits like Perl's `split(/\s+/, $s)`: a leading separator yields one empty field, trailing
/// ones yield none. ROUGE counts words for its length limit this way.
fn perl_split_ws(s: &str) -> Vec<&str> {
    // Perl's `\s` also matches vertical tab, which `is_ascii_whitespace` does not.
    let fields: Vec<&str> = s
        .split(|c: char| c.is_ascii_whitespace() || c == '\x0b')
        .collect();
    let leading_empty = fields.first().is_some_and(|f| f.is_empty()) && !s.is_empty();
    let mut out: Vec<&str> = fields.into_iter().filter(|f| !f.is_empty()).collect();
    if leading_empty && !out.is_empty() {
        out.insert(0, "");
    }
    out
}

/// Lowercases ASCII letters only, as Perl's `tr/A-Z/a-z/` does.
fn ascii_lower(s: &str) -> String {
    s.chars().map(|c| c.to_ascii_lowercase()).collect()
}

/// The sentences of a summary cut to its first `limit` words (whitespace-separated, counted
/// before any other cleaning), as `readText` and `readText_LCS` do with `-l`.
pub(crate) fn truncate_lines(lines: &[&str], limit: Option<usize>) -> Vec<String> {
    let lines: Vec<String> = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| ascii_lower(l))
        .collect();
    let Some(limit) = limit.filter(|&l| l > 0) else {
        return lines;
    };
    let mut out = Vec::new();
    let mut count = 0;
    for line in &lines {
        let tokens = perl_split_ws(line);
        if count + tokens.len() < limit {
            count += tokens.len();
            out.push(line.clone());
        } else {
            out.push(tokens[..limit - count].join(" "));
            break;
        }
    }
    out
}

/// The words of one (already truncated) sentence that ROUGE counts: `-` and every byte other
/// than ASCII letters and digits separate words, tokens must start with a letter or digit, and
/// when stemming, words longer than three letters are replaced by their base form if they are
/// irregular, else stemmed.
pub(crate) fn words(sentence: &str, stemming: Option<&Exceptions>) -> Vec<String> {
    sentence
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| match stemming {
            Some(exceptions) if t.len() > 3 => exceptions
                .get(t)
                .map_or_else(|| stem(t), |base| base.into_owned()),
            _ => t.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perl_split_keeps_a_leading_empty_field() {
        assert_eq!(perl_split_ws(" a b "), vec!["", "a", "b"]);
        assert_eq!(perl_split_ws("a  b"), vec!["a", "b"]);
        assert!(perl_split_ws("  ").is_empty());
    }

    #[test]
    fn truncation_counts_whitespace_words_before_cleaning() {
        let lines = ["The U.S. said so.", "Hun-Sen left, again and again."];
        let cut = truncate_lines(&lines, Some(6));
        assert_eq!(cut, vec!["the u.s. said so.", "hun-sen left,"]);
        let all = truncate_lines(&lines, Some(100));
        assert_eq!(all.len(), 2);
    }

    #[test]
    fn words_split_on_non_alphanumerics_and_stem() {
        let ex = Exceptions::builtin();
        assert_eq!(
            words("hun-sen's ``victory'' u.s. 64", Some(&ex)),
            vec!["hun", "sen", "s", "victori", "u", "s", "64"]
        );
        assert_eq!(
            words("governments were said", Some(&ex)),
            vec!["govern", "be", "say"]
        );
        assert_eq!(words("governments said", None), vec!["governments", "said"]);
    }
}
