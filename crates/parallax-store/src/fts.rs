//! Turns any text a user types into a safe FTS5 query.
//!
//! FTS5 has its own syntax (quotes, `*`, parentheses, `AND`/`OR`/`NOT`/`NEAR`, column filters), and
//! a malformed query is an error. Rather than pass user text through, we keep only its words, quote
//! each one, and join them with FTS5's implicit AND. Text the user put in double quotes stays a
//! phrase, and a word ending in `*` stays a prefix search. Nothing else of the syntax survives.

/// The most words a query keeps, in phrases or not; the rest are dropped. A phrase costs a pass
/// over its words' position lists, so a 12,000-word phrase once cost seconds and 340 MB.
pub(crate) const MAX_WORDS: usize = 32;

/// An FTS5 query matching the words of `text`, or `None` when it has no words.
pub fn fts_query(text: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut budget = MAX_WORDS;
    for (i, part) in text.split('"').enumerate() {
        if budget == 0 {
            break;
        }
        let in_quotes = i % 2 == 1;
        let mut words = words(part, budget);
        words.truncate(budget);
        budget -= words.len();
        if in_quotes {
            if !words.is_empty() {
                let phrase: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
                terms.push(format!("\"{}\"", phrase.join(" ")));
            }
        } else {
            for (word, prefix) in words {
                terms.push(if prefix {
                    format!("\"{word}\"*")
                } else {
                    format!("\"{word}\"")
                });
            }
        }
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The first `max` runs of letters and digits in `text`, each with whether a `*` directly follows it.
pub(crate) fn words(text: &str, max: usize) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if out.len() >= max {
            return out;
        }
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

    #[test]
    fn a_huge_phrase_is_cut_to_the_word_budget() {
        let phrase = format!("\"{}\" fire", "word ".repeat(12_000));
        let query = fts_query(&phrase).unwrap();
        assert_eq!(query.split_whitespace().count(), MAX_WORDS);
        let many = "fire ".repeat(100);
        assert_eq!(fts_query(&many).unwrap().matches("fire").count(), MAX_WORDS);
    }
}
