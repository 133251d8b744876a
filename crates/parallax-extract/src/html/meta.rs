//! Page metadata from the markup: JSON-LD (`NewsArticle` and kin), OpenGraph, `<meta>`, `<title>`,
//! `<link rel=canonical>` and `<html lang>`. Earlier sources win: JSON-LD, then OpenGraph, then
//! plain `<meta>`, then the document's own elements.

use ego_tree::iter::Edge;
use parallax_core::SourceMeta;
use scraper::{Html, Node};
use serde_json::Value;

/// Metadata read from the markup.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageMeta {
    /// Title, authors, outlet, date and canonical URL.
    pub meta: SourceMeta,
    /// The declared language, ISO 639-1.
    pub language: Option<String>,
}

#[derive(Default)]
struct Found {
    ld: Fields,
    og: Fields,
    meta: Fields,
    doc: Fields,
}

#[derive(Default)]
struct Fields {
    title: Option<String>,
    authors: Vec<String>,
    outlet: Option<String>,
    published: Option<String>,
    url: Option<String>,
    language: Option<String>,
}

/// Reads the metadata of a parsed page.
pub(crate) fn read(doc: &Html) -> PageMeta {
    let mut found = Found::default();
    let mut in_title = false;
    let mut title_text = String::new();
    for edge in doc.tree.root().traverse() {
        let node = match edge {
            Edge::Open(node) => node,
            Edge::Close(node) => {
                if node
                    .value()
                    .as_element()
                    .is_some_and(|e| e.name() == "title")
                {
                    in_title = false;
                }
                continue;
            }
        };
        match node.value() {
            Node::Element(e) => match e.name() {
                "html" => set(
                    &mut found.doc.language,
                    e.attr("lang").or_else(|| e.attr("xml:lang")),
                ),
                "title" if found.doc.title.is_none() && title_text.is_empty() => in_title = true,
                "meta" => read_meta(e, &mut found),
                "link" => {
                    let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
                    if rel.split_whitespace().any(|r| r == "canonical") {
                        set(&mut found.doc.url, e.attr("href"));
                    }
                }
                "script" => {
                    let ty = e.attr("type").unwrap_or("").to_ascii_lowercase();
                    if ty.contains("ld+json") {
                        let text: String = node
                            .children()
                            .filter_map(|c| c.value().as_text().map(|t| &**t))
                            .collect();
                        read_json_ld(&text, &mut found);
                    }
                }
                _ => {}
            },
            Node::Text(t) if in_title => title_text.push_str(t),
            _ => {}
        }
    }
    set(&mut found.doc.title, Some(&title_text));
    finish(found)
}

fn set(slot: &mut Option<String>, value: Option<&str>) {
    if slot.is_none() {
        if let Some(v) = value.map(clean).filter(|v| !v.is_empty()) {
            *slot = Some(v);
        }
    }
}

/// Collapses white space and decodes the entities that survive in attribute-quoted JSON.
fn clean(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.contains('&') {
        s.replace("&amp;", "&")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#039;", "'")
    } else {
        s
    }
}

fn read_meta(e: &scraper::node::Element, found: &mut Found) {
    let Some(content) = e.attr("content") else {
        return;
    };
    let key = e
        .attr("property")
        .or_else(|| e.attr("name"))
        .or_else(|| e.attr("itemprop"));
    let Some(key) = key.map(str::to_ascii_lowercase) else {
        return;
    };
    let text = content;
    let content = Some(content);
    match key.as_str() {
        "og:title" => set(&mut found.og.title, content),
        "og:site_name" => set(&mut found.og.outlet, content),
        "og:url" => set(&mut found.og.url, content),
        "og:locale" => set(&mut found.og.language, content),
        "article:published_time" | "og:article:published_time" => {
            set(&mut found.og.published, content)
        }
        "article:author" | "og:article:author" => push_authors(&mut found.og.authors, text),
        "author" | "dc.creator" | "dc.creator.author" | "sailthru.author" | "parsely-author"
        | "byl" => push_authors(&mut found.meta.authors, text),
        "twitter:title" | "dc.title" | "headline" => set(&mut found.meta.title, content),
        "application-name" | "twitter:site:name" | "publisher" | "dc.publisher" => {
            set(&mut found.meta.outlet, content)
        }
        "date"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "publish_date"
        | "dc.date"
        | "dc.date.issued"
        | "dc.date.created"
        | "sailthru.date"
        | "parsely-pub-date"
        | "article.published"
        | "datepublished"
        | "date.published"
        | "citation_publication_date"
        | "originalpublicationdate"
        | "displaydate"
        | "og:published_time" => set(&mut found.meta.published, content),
        "language" | "content-language" | "dc.language" => set(&mut found.meta.language, content),
        _ => {}
    }
}

/// Article types of schema.org that describe one piece of writing.
fn is_article_type(v: &Value) -> bool {
    let is = |s: &str| {
        s.ends_with("Article")
            || matches!(
                s,
                "BlogPosting" | "Report" | "LiveBlogPosting" | "Article" | "SocialMediaPosting"
            )
    };
    match v {
        Value::String(s) => is(s),
        Value::Array(a) => a.iter().any(|x| x.as_str().is_some_and(is)),
        _ => false,
    }
}

fn read_json_ld(text: &str, found: &mut Found) {
    let Ok(value) = serde_json::from_str::<Value>(text.trim().trim_end_matches(';')) else {
        return;
    };
    // Walk with an explicit stack: JSON-LD can nest arbitrarily.
    let mut stack = vec![&value];
    let mut outlet_fallback = None;
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
                let ty = map.get("@type").unwrap_or(&Value::Null);
                if is_article_type(ty) && found.ld.title.is_none() {
                    let ld = &mut found.ld;
                    set(
                        &mut ld.title,
                        map.get("headline")
                            .or_else(|| map.get("name"))
                            .and_then(Value::as_str),
                    );
                    set(
                        &mut ld.published,
                        map.get("datePublished")
                            .or_else(|| map.get("dateCreated"))
                            .and_then(Value::as_str),
                    );
                    set(
                        &mut ld.language,
                        map.get("inLanguage").and_then(Value::as_str),
                    );
                    let url = map.get("url").and_then(Value::as_str).or_else(|| {
                        map.get("mainEntityOfPage").and_then(|m| {
                            m.as_str().or_else(|| m.get("@id").and_then(Value::as_str))
                        })
                    });
                    set(&mut ld.url, url);
                    if let Some(authors) = map.get("author").or_else(|| map.get("creator")) {
                        ld_authors(authors, &mut ld.authors);
                    }
                    if let Some(p) = map.get("publisher") {
                        set(
                            &mut ld.outlet,
                            p.get("name").and_then(Value::as_str).or_else(|| p.as_str()),
                        );
                    }
                } else if matches!(
                    ty.as_str(),
                    Some("WebSite" | "NewsMediaOrganization" | "Organization")
                ) {
                    outlet_fallback =
                        outlet_fallback.or_else(|| map.get("name").and_then(Value::as_str));
                }
            }
            _ => {}
        }
    }
    if found.ld.outlet.is_none() {
        set(&mut found.meta.outlet, outlet_fallback);
    }
}

/// Persons named as authors; organisations are not bylines.
fn ld_authors(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => push_authors(out, s),
        Value::Array(items) => items.iter().for_each(|i| ld_authors(i, out)),
        Value::Object(map) => {
            let ty = map.get("@type").and_then(Value::as_str).unwrap_or("Person");
            if ty == "Person" {
                if let Some(name) = map.get("name").and_then(Value::as_str) {
                    push_authors(out, name);
                }
            }
        }
        _ => {}
    }
}

/// Adds the names a byline string holds, skipping anything that is not plainly a name.
fn push_authors(out: &mut Vec<String>, s: &str) {
    let s = clean(s);
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .unwrap_or(&s);
    for part in s.split([',', ';', '|', '&']).flat_map(|p| p.split(" and ")) {
        let name = part.trim().trim_matches(|c: char| !c.is_alphanumeric());
        if plausible_name(name) && !out.iter().any(|o| o == name) {
            out.push(name.to_string());
        }
    }
}

/// Two to five words, starting with capitals, with no digits, links or handles.
fn plausible_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && !s.contains(['@', '/', ':', '#'])
        && !s.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || w.len() <= 3
        })
}

fn finish(found: Found) -> PageMeta {
    let Found { ld, og, meta, doc } = found;
    let outlet = ld.outlet.or(og.outlet).or(meta.outlet);
    let title = ld
        .title
        .or(og.title)
        .or(meta.title)
        .or_else(|| doc.title.map(|t| strip_site(&t, outlet.as_deref())));
    let authors = [ld.authors, og.authors, meta.authors]
        .into_iter()
        .find(|a| !a.is_empty())
        .unwrap_or_default();
    let published = ld.published.or(og.published).or(meta.published);
    let url = doc
        .url
        .or(ld.url)
        .or(og.url)
        .filter(|u| u.starts_with("http"));
    let language = doc
        .language
        .or(ld.language)
        .or(og.language)
        .or(meta.language)
        .and_then(|l| iso639_1(&l));
    PageMeta {
        meta: SourceMeta {
            url,
            title,
            published,
            outlet,
            authors,
            extra: Default::default(),
        },
        language,
    }
}

/// `"Headline - Outlet"` without the outlet.
fn strip_site(title: &str, outlet: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let named = outlet.is_some_and(|o| tail.trim().eq_ignore_ascii_case(o.trim()));
            if named
                || (tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 4)
            {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// `en-US`, `en_GB`, `EN` -> `en`.
fn iso639_1(lang: &str) -> Option<String> {
    let code = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase())).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> PageMeta {
        read(&Html::parse_document(html))
    }

    #[test]
    fn json_ld_wins_over_open_graph_and_title() {
        let m = meta_of(
            r#"<html lang="de-DE"><head><title>Fallback - Site</title>
            <meta property="og:title" content="OG title"><meta property="og:site_name" content="Die Zeitung">
            <link rel="canonical" href="https://example.de/a">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Z"},
            {"@type":"NewsArticle","headline":"Echter Titel","datePublished":"2024-03-01T10:00:00+01:00",
             "author":[{"@type":"Person","name":"Anna Schmidt"},{"@type":"Organization","name":"dpa"}],
             "publisher":{"@type":"Organization","name":"Die Zeitung"}}]}</script></head><body></body></html>"#,
        );
        assert_eq!(m.meta.title.as_deref(), Some("Echter Titel"));
        assert_eq!(m.meta.authors, vec!["Anna Schmidt"]);
        assert_eq!(m.meta.outlet.as_deref(), Some("Die Zeitung"));
        assert_eq!(
            m.meta.published.as_deref(),
            Some("2024-03-01T10:00:00+01:00")
        );
        assert_eq!(m.meta.url.as_deref(), Some("https://example.de/a"));
        assert_eq!(m.language.as_deref(), Some("de"));
    }

    #[test]
    fn unlikely_authors_are_left_out() {
        let m = meta_of(
            r#"<meta name="author" content="https://facebook.com/someone">
            <meta property="article:author" content="staff"><title>A long headline here today | Outlet</title>"#,
        );
        assert!(m.meta.authors.is_empty(), "{:?}", m.meta.authors);
        assert_eq!(m.meta.title.as_deref(), Some("A long headline here today"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><title>T</title>"#,
        );
        assert_eq!(m.meta.title.as_deref(), Some("T"));
    }
}
