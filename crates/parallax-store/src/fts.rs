//! Turns any text a user types into a safe FTS5 query.
//!
//! FTS5 has its own syntax (quotes, `*`, parentheses, `AND`/`OR`/`NOT`/`NEAR`, column filters), and
//! a malformed query is an error. Rather than pass user text through, we keep only its words, quote
//! each one, and join them with FTS5's implicit AND. Text the user put in double quotes stays a
//! phrase, and a word ending in `*` stays a prefix search. Nothing else of the syntax survives.

/// The most words a query keeps; the rest are dropped.
const MAX_TERMS: usize = 32;

/// An FTS5 query matching the words of `text`, or `None` when it has no words.
pub fn fts_query(text: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    for (i, part) in text.split('"').enumerate() {
        let in_quotes = i % 2 == 1;
        if in_quotes {
            let words = words(part);
            if !words.is_empty() {
                let phrase: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
                terms.push(format!("\"{}\"", phrase.join(" ")));
            }
        } else {
            for (word, prefix) in words(part) {
                terms.push(if prefix {
                    format!("\"{word}\"*")
                } else {
                    format!("\"{word}\"")
                });
            }
        }
    }
    terms.truncate(MAX_TERMS);
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The runs of letters and digits in `text`, each with whether a `*` directly follows it.
fn words(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push((std::mem::take(&mut word), c == '*'));
        }
    }
    if !word.is_empty() {
        out.push((word, false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_and_syntax_dropped() {
        assert_eq!(
            fts_query("fire harbour").as_deref(),
            Some("\"fire\" \"harbour\"")
        );
        assert_eq!(fts_query("a OR b").as_deref(), Some("\"a\" \"OR\" \"b\""));
        assert_eq!(fts_query("(fire").as_deref(), Some("\"fire\""));
        assert_eq!(
            fts_query("title:fire").as_deref(),
            Some("\"title\" \"fire\"")
        );
        assert_eq!(
            fts_query("' OR 1=1; --").as_deref(),
            Some("\"OR\" \"1\" \"1\"")
        );
    }

    #[test]
    fn phrases_and_prefixes_survive() {
        assert_eq!(
            fts_query("\"harbour fire\" exp*").as_deref(),
            Some("\"harbour fire\" \"exp\"*")
        );
        assert_eq!(
            fts_query("\"unbalanced phrase").as_deref(),
            Some("\"unbalanced phrase\"")
        );
    }

    #[test]
    fn no_words_no_query() {
        assert_eq!(fts_query(""), None);
        assert_eq!(fts_query("\"\" * ( ) ^ -"), None);
    }
}
