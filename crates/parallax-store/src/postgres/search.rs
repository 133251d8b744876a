//! Full-text search with PostgreSQL's own: `websearch_to_tsquery` under the language
//! configurations articles are indexed with, ranked by `ts_rank`, passages by `ts_headline`.

use std::fmt::Write as _;

use postgres::Client;

use super::articles::all_configs;
use super::no_nul;
use crate::error::{Context, StoreError};
use crate::fts::{words, MAX_WORDS};
use crate::types::{Hit, SearchQuery, Snippet};

/// The most hits one search returns.
const MAX_HITS: usize = 200;

/// What the user typed, cut to its words: `websearch` for `websearch_to_tsquery` (every word
/// quoted, so that none of its syntax, `or` and `-`, survives; phrases kept), and the words
/// written with a trailing `*`, searched as prefixes.
#[derive(Debug, PartialEq, Eq)]
struct TextQuery {
    websearch: String,
    prefixes: String,
}

/// The query for `text`, or `None` when it has no words. The same words, phrases and prefixes as
/// the SQLite store's [`fts_query`](crate::fts_query), under the same budget of words.
fn text_query(text: &str) -> Option<TextQuery> {
    let mut websearch = String::new();
    let mut prefixes: Vec<String> = Vec::new();
    let mut budget = MAX_WORDS;
    for (i, part) in text.split('"').enumerate() {
        if budget == 0 {
            break;
        }
        let mut found = words(part, budget);
        found.truncate(budget);
        budget -= found.len();
        if i % 2 == 1 {
            if !found.is_empty() {
                let phrase: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
                let _ = write!(websearch, " \"{}\"", phrase.join(" "));
            }
            continue;
        }
        for (word, prefix) in found {
            if prefix {
                // Words are letters and digits only, so the quotes cannot be broken out of.
                prefixes.push(format!("'{word}':*"));
            } else {
                let _ = write!(websearch, " \"{word}\"");
            }
        }
    }
    (!websearch.is_empty() || !prefixes.is_empty()).then(|| TextQuery {
        websearch: websearch.trim_start().to_string(),
        prefixes: prefixes.join(" & "),
    })
}

/// The tsquery of the query text under `config` (an SQL expression); a part left empty is not
/// parsed, since an empty query costs a notice.
fn tsquery(config: &str) -> String {
    format!(
        "CASE WHEN $1 = '' THEN to_tsquery({config}, $2) \
              WHEN $2 = '' THEN websearch_to_tsquery({config}, $1) \
              ELSE websearch_to_tsquery({config}, $1) && to_tsquery({config}, $2) END"
    )
}

pub(super) fn search(client: &mut Client, query: &SearchQuery) -> Result<Vec<Hit>, StoreError> {
    let Some(text) = text_query(&query.text) else {
        return Ok(Vec::new());
    };
    // Each article is indexed under its own language's configuration, so the query is the `||`
    // of itself under every configuration (a constant the GIN index answers). An article matches
    // through its own language's branch; another branch matching it would need the same lexeme
    // in both stemmings, which costs a rare extra hit, never a missed one.
    let any: Vec<String> = all_configs()
        .map(|c| format!("({})", tsquery(&format!("'{c}'::regconfig"))))
        .collect();
    let sql = format!(
        "WITH hits AS (
            SELECT a.id, a.story_id, a.title, a.outlet, a.published, a.fts_config, a.text,
                   ts_rank(a.tsv, q.query) AS rank, q.query
            FROM articles a, (SELECT {any} AS query) q
            WHERE a.tsv @@ q.query
              AND ($3::text IS NULL OR lower(a.outlet) = lower($3))
              AND ($4::date IS NULL OR a.published >= $4)
            ORDER BY rank DESC, a.id
            LIMIT $5
         )
         SELECT id, story_id, title, outlet, published,
                ts_headline(fts_config, left(title, 10000) || ' ' || left(text, 200000), query,
                    'StartSel=' || chr(2) || ', StopSel=' || chr(3) ||
                    ', MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…')
         FROM hits ORDER BY rank DESC, id",
        any = any.join(" || "),
    );
    let outlet = query.outlet.as_deref().map(no_nul);
    let rows = client
        .query(
            &sql,
            &[
                &text.websearch,
                &text.prefixes,
                &outlet,
                &query.since,
                &(query.limit.clamp(1, MAX_HITS) as i64),
            ],
        )
        .during("search")?;
    rows.iter()
        .map(|r| {
            let title: String = r.try_get(2)?;
            Ok(Hit {
                article: r.try_get(0)?,
                story: r.try_get(1)?,
                title: Some(title).filter(|t| !t.is_empty()),
                outlet: r.try_get(3)?,
                published: r.try_get(4)?,
                snippet: Snippet(r.try_get::<_, Option<String>>(5)?.unwrap_or_default()),
            })
        })
        .collect::<Result<_, postgres::Error>>()
        .during("read a hit")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: Option<(&str, &str)>) {
        let got = text_query(input);
        let got = got
            .as_ref()
            .map(|q| (q.websearch.as_str(), q.prefixes.as_str()));
        assert_eq!(got, expected, "{input:?}");
    }

    #[test]
    fn words_are_quoted_and_syntax_dropped() {
        check("fire harbour", Some(("\"fire\" \"harbour\"", "")));
        check("a or -b", Some(("\"a\" \"or\" \"b\"", "")));
        check("' OR 1=1; --", Some(("\"OR\" \"1\" \"1\"", "")));
    }

    #[test]
    fn phrases_and_prefixes_survive() {
        check(
            "\"harbour fire\" exp*",
            Some(("\"harbour fire\"", "'exp':*")),
        );
        check("a* b*", Some(("", "'a':* & 'b':*")));
    }

    #[test]
    fn no_words_no_query() {
        check("", None);
        check("\"\" * ( ) ^ - '", None);
    }

    #[test]
    fn the_word_budget_holds() {
        let many = "fire ".repeat(100);
        let q = text_query(&many).unwrap();
        assert_eq!(q.websearch.matches("fire").count(), MAX_WORDS);
    }
}
