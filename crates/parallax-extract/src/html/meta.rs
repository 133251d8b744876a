//! Page metadata from the markup: JSON-LD (`NewsArticle` and kin), OpenGraph, `<meta>`, `<title>`,
//! `<link rel=canonical>`, `<html lang>`, and the page's own byline and date elements
//! (`itemprop=author`, `rel=author`, byline classes, `itemprop=datePublished`, `<time pubdate>`).
//! Earlier sources win: JSON-LD, then OpenGraph, then plain `<meta>`, then the document's own
//! elements. A title is taken only when the page's `<title>` agrees with it, and loses the site's
//! name when it ends with one.

use ego_tree::iter::Edge;
use parallax_core::SourceMeta;
use scraper::{Html, Node};
use serde_json::Value;
use std::sync::LazyLock;

use super::attrs::{attr, Attrs};
use super::dom::Declared;
use crate::lexicon::{is_byline_role, BYLINE_LEAD, BYLINE_OPENERS};
use html5ever::local_name;
use parallax_core::calendar::month_from_name;

/// Metadata read from the markup.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageMeta {
    /// Title, authors, outlet, date and canonical URL.
    pub meta: SourceMeta,
    /// The declared language, ISO 639-1.
    pub language: Option<String>,
    /// The article's whole text as its JSON-LD states it (`articleBody`), the longest if several.
    pub article_body: Option<String>,
    /// What JSON-LD or microdata declare the page to be: a discussion (see
    /// [`is_discussion_type`]), its subject an article or a product ([`is_subject_type`]).
    pub declared: Declared,
}

#[derive(Default)]
struct Found {
    ld: Fields,
    og: Fields,
    meta: Fields,
    doc: Fields,
    /// `dateCreated` of JSON-LD: a weaker publication date than any `datePublished`.
    ld_created: Option<String>,
    /// The `name` of the JSON-LD article whose `headline` is taken: the title when the headline
    /// is a description ("constitutional monarchy in Oceania" of a page named "New Zealand").
    ld_name: Option<String>,
    /// Bylines in the page's elements, by strength: `itemprop=author`, `rel=author`, classes.
    dom_authors: [Vec<String>; 3],
    /// `datePublished` of a JSON-LD node that is the page or a fact check rather than an article.
    ld_page_published: Option<String>,
    /// The page's headline (an `<h1>` agreeing with its `<title>`), once read: dates shown after
    /// it are the article's, dates before it can be the day's in a site header.
    headline: Option<String>,
    /// The first `<time datetime>` after the headline, or the last before it in the headline's
    /// own box ([`HEADLINE_BOX_LEVELS`]).
    dom_time: Option<String>,
    /// The last `<time datetime>` read before the headline is, and its node.
    time_before_headline: Option<(ego_tree::NodeId, String)>,
    /// The text of the first element after the headline whose class or id names a publication
    /// date, when it states one.
    dom_date_text: Option<String>,
    /// The longest `articleBody` of an article's JSON-LD.
    ld_body: Option<String>,
    /// What the lines between the headline and the article's first paragraph state, when the
    /// page marks none of them up as a byline or a date (the byline and date line of a
    /// `<p class="meta">`).
    header: HeaderLines,
    /// What JSON-LD or microdata declare the page to be.
    declared: Declared,
    /// Whether JSON-LD, microdata or `og:type` declare the page a product.
    typed_product: bool,
    /// Whether JSON-LD or microdata type an article on the page.
    typed_article: bool,
    /// Whether a node is page chrome or stands in it, for the nodes [`in_page_chrome`] has
    /// asked about: each ancestor is classified once a page, not once for every element under it.
    chrome_ancestry: ChromeAncestry,
    /// Whether a card (an `<li>` or `<article>`) is a teaser, for the cards [`in_teaser`] has
    /// asked about: each is read once a page, however many elements named bylines it holds.
    teaser_cards: foldhash::HashMap<ego_tree::NodeId, bool>,
}

/// Nodes of a page, each with whether it or one of its ancestors is page chrome (see
/// [`in_page_chrome`]).
type ChromeAncestry = foldhash::HashMap<ego_tree::NodeId, bool>;

/// The lines between the headline and the article's first paragraph, read as metadata.
#[derive(Default)]
struct HeaderLines {
    /// Elements read so far.
    read: usize,
    /// Paragraphs read so far.
    paragraphs: usize,
    /// Whether the article's first paragraph has been reached.
    done: bool,
    /// The first date a line states: the line, or the date in ISO 8601 where the line alone
    /// would not give it again.
    date: Option<String>,
    /// The authors the first byline among them names.
    authors: Vec<String>,
}

/// Elements after the headline read for a byline or a date at most.
const MAX_HEADER_ELEMENTS: usize = 12;
/// Words from which an element after the headline is a paragraph, or from which, ending like a
/// sentence, it is.
const HEADER_PARAGRAPH_WORDS: [usize; 2] = [40, 15];
/// Paragraphs after the headline that end its header: the standfirst may come before the
/// byline, the article's first paragraph does not.
const HEADER_PARAGRAPHS: usize = 2;

/// Most byline elements read from one page, so that a page of comments costs nothing.
const MAX_BYLINE_ELEMENTS: usize = 8;

#[derive(Default)]
struct Fields {
    title: Option<String>,
    authors: Vec<String>,
    outlet: Option<String>,
    published: Option<String>,
    url: Option<String>,
    language: Option<String>,
}

/// Days a date the page shows may lie from the date its address states (a story filed late at
/// night, its address dated the day before) and still be the article's.
const URL_DATE_DAYS: i64 = 2;

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
        let attrs = node.value().as_element().map(Attrs::of).unwrap_or_default();
        match node.value() {
            Node::Element(e) => match e.name() {
                "html" => set(
                    &mut found.doc.language,
                    attr(e, &local_name!("lang")).or_else(|| e.attr("xml:lang")),
                ),
                "title" if found.doc.title.is_none() && title_text.is_empty() => in_title = true,
                "meta" => read_meta(e, &mut found),
                _ if attrs
                    .itemprop
                    .is_some_and(|p| p.split_whitespace().any(|p| p == "datePublished")) =>
                {
                    set(
                        &mut found.doc.published,
                        attrs.content.or_else(|| attr(e, &local_name!("datetime"))),
                    );
                }
                "link" => {
                    let rel = attrs.rel.unwrap_or("").to_ascii_lowercase();
                    if rel.split_whitespace().any(|r| r == "canonical") {
                        set(&mut found.doc.url, attr(e, &local_name!("href")));
                    }
                }
                "time" => {
                    let pubdate = e.attr("pubdate").is_some()
                        || attrs.itemprop.is_some_and(|p| p.contains("datePublished"));
                    if pubdate {
                        set(&mut found.doc.published, attr(e, &local_name!("datetime")));
                    }
                }
                "script" => {
                    let ty = attr(e, &local_name!("type"))
                        .unwrap_or("")
                        .to_ascii_lowercase();
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
        if let Some(itemtype) = attrs.itemtype {
            let typed =
                |is: fn(&str) -> bool| itemtype.split_whitespace().any(|t| is(schema_name(t)));
            found.declared.discussion |= typed(is_discussion_type);
            found.declared.question |= typed(is_question_type);
            found.typed_product |= typed(is_product_name);
            found.typed_article |= typed(is_article_name);
        }
        if let Some(el) = scraper::ElementRef::wrap(node) {
            read_dom_byline(el, &attrs, &title_text, &mut found);
            let had_headline = found.headline.is_some();
            read_dom_date(el, &attrs, &title_text, &mut found);
            if had_headline {
                read_header_lines(el, &mut found);
            }
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
    let Some(content) = attr(e, &local_name!("content")) else {
        return;
    };
    // The page's own `<meta>` names its key; one keyed by `itemprop` alone is microdata.
    let page_key = attr(e, &local_name!("property")).or_else(|| attr(e, &local_name!("name")));
    let Some(key) = page_key
        .or_else(|| attr(e, &local_name!("itemprop")))
        .map(str::to_ascii_lowercase)
    else {
        return;
    };
    let text = content;
    let content = Some(content);
    match key.as_str() {
        // A microdata property of the item around it, as a `<time itemprop>` is: a customer
        // review's date on a shop's page.
        "datepublished" if page_key.is_none() => set(&mut found.doc.published, content),
        "og:title" => set(&mut found.og.title, content),
        "og:site_name" => set(&mut found.og.outlet, content),
        "og:url" => set(&mut found.og.url, content),
        "og:locale" => set(&mut found.og.language, content),
        "og:type" => found.typed_product |= is_product_og_type(text),
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

/// Whether a class or id holds "byline" or "author", ASCII case aside: one pass over its bytes.
fn names_a_byline(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.iter().enumerate().any(|(at, &b)| {
        // English, and the authors of Spanish, German, Polish, Portuguese ("autor") and French
        // ("auteur") pages.
        let words: &[&[u8]] = match b | 0x20 {
            b'b' => &[b"byline"],
            b'a' => &[b"author", b"autor", b"auteur"],
            _ => return false,
        };
        words.iter().any(|word| {
            let end = at + word.len();
            // "authorization", "autorité", "authority" name no author.
            let authority = bytes.get(end).is_some_and(|b| b | 0x20 == b'i')
                && bytes
                    .get(end + 1)
                    .is_some_and(|b| matches!(b | 0x20, b'z' | b't' | b's'));
            bytes
                .get(at..end)
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
                && !authority
        })
    })
}

/// Article types of schema.org that describe one piece of writing.
fn is_article_type(v: &Value) -> bool {
    match v {
        Value::String(s) => is_article_name(s),
        Value::Array(a) => a.iter().any(|x| x.as_str().is_some_and(is_article_name)),
        _ => false,
    }
}

/// Whether a schema.org type's name is an article type's (see [`is_article_type`]).
fn is_article_name(s: &str) -> bool {
    s.ends_with("Article")
        || matches!(
            s,
            "BlogPosting" | "Report" | "LiveBlogPosting" | "Article" | "SocialMediaPosting"
        )
}

/// Whether a schema.org type names the one subject of a page: an article or a product. A
/// service's or a landing page's structured data types the page (`WebPage`), its site and its
/// trail, not a subject.
fn is_subject_type(name: &str) -> bool {
    is_article_name(name) || is_product_name(name)
}

/// Whether a schema.org type's name is a shop's product's.
fn is_product_name(name: &str) -> bool {
    matches!(name, "Product" | "ProductGroup")
}

/// Whether an `og:type` declares a product (`product`, `og:product`, `product.item`).
fn is_product_og_type(ty: &str) -> bool {
    let ty = ty.trim();
    let ty = ty.strip_prefix("og:").unwrap_or(ty);
    ty.eq_ignore_ascii_case("product")
        || ty
            .split_once('.')
            .is_some_and(|(head, _)| head.eq_ignore_ascii_case("product"))
}

/// The type of schema.org that makes a page a discussion: a forum's thread
/// (`DiscussionForumPosting`). Its replies are its text, though its software names them
/// comments; a news article's comment thread types its comments `Comment`, never its page so,
/// and a question's page ([`is_question_type`]) is one only when its markup names no answer.
fn is_discussion_type(name: &str) -> bool {
    name == "DiscussionForumPosting"
}

/// The type of schema.org of a question's page with its answers.
fn is_question_type(name: &str) -> bool {
    name == "QAPage"
}

/// The name of a schema.org type written as its URL (`https://schema.org/QAPage`) or bare.
fn schema_name(ty: &str) -> &str {
    ty.rsplit('/').next().unwrap_or(ty)
}

/// Types of schema.org whose `datePublished` is the page's when no article type dates it: the
/// web page itself, or a fact check (a review of a claim). A comment's or a product review's date
/// is not.
fn is_page_type(v: &Value) -> bool {
    let is = |s: &str| s == "WebPage" || s == "ItemPage" || s == "ClaimReview";
    match v {
        Value::String(s) => is(s),
        Value::Array(a) => a.iter().any(|x| x.as_str().is_some_and(is)),
        _ => false,
    }
}

fn read_json_ld(text: &str, found: &mut Found) {
    // Pages wrap JSON-LD in CDATA sections or comments for old parsers.
    let text = text.trim();
    let text = text.strip_prefix("//").map(str::trim_start).unwrap_or(text);
    let text = text
        .strip_prefix("<![CDATA[")
        .or_else(|| text.strip_prefix("<!--"))
        .unwrap_or(text)
        .trim();
    let text = text
        .strip_suffix("]]>")
        .or_else(|| text.strip_suffix("-->"))
        .unwrap_or(text)
        .trim_end()
        .trim_end_matches("//")
        .trim_end()
        .trim_end_matches(';');
    let Ok(value) = serde_json::from_str::<Value>(text) else {
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
                let types = match ty {
                    Value::Array(a) => a.as_slice(),
                    one => std::slice::from_ref(one),
                };
                let typed = |is: fn(&str) -> bool| {
                    types
                        .iter()
                        .filter_map(Value::as_str)
                        .any(|t| is(schema_name(t)))
                };
                found.declared.discussion |= typed(is_discussion_type);
                found.declared.question |= typed(is_question_type);
                found.declared.typed_subject |= typed(is_subject_type);
                found.typed_product |= typed(is_product_name);
                found.typed_article |= typed(is_article_name);
                if is_article_type(ty) {
                    if let Some(body) = map.get("articleBody").and_then(Value::as_str) {
                        if found.ld_body.as_ref().is_none_or(|b| b.len() < body.len()) {
                            found.ld_body = Some(body.to_owned());
                        }
                    }
                }
                if is_article_type(ty) && found.ld.title.is_none() {
                    let ld = &mut found.ld;
                    set(
                        &mut ld.title,
                        map.get("headline")
                            .or_else(|| map.get("name"))
                            .and_then(Value::as_str),
                    );
                    set(&mut found.ld_name, map.get("name").and_then(Value::as_str));
                    set(
                        &mut ld.published,
                        map.get("datePublished").and_then(Value::as_str),
                    );
                    set(
                        &mut found.ld_created,
                        map.get("dateCreated").and_then(Value::as_str),
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
                } else if is_page_type(ty) {
                    set(
                        &mut found.ld_page_published,
                        map.get("datePublished").and_then(Value::as_str),
                    );
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
    for name in byline_names(s) {
        if !out.contains(&name) {
            out.push(name);
        }
    }
}

/// The plausible personal names in a byline ("By Ann Lee and Bob Roe, March 3" -> two names):
/// the lead word goes, the line stops at its first digit, names split at commas and joiners.
pub(crate) fn byline_names(s: &str) -> Vec<String> {
    let s = clean(s);
    let s = strip_lead(&s);
    let s = s.split(|c: char| c.is_ascii_digit()).next().unwrap_or("");
    let s = BYLINE_BREAKS
        .iter()
        .filter_map(|b| s.find(b))
        .min()
        .map_or(s, |at| &s[..at]);
    let mut out = Vec::new();
    for part in s.split([',', ';', '|', '&', '·', '•', '/', '(', ')']) {
        for piece in crate::text::split_joined(part) {
            let name = before_name_ender(strip_lead(piece.trim()));
            let name = drop_trailing_month(name.trim_matches(|c: char| !c.is_alphanumeric()));
            // "Veröffentlicht am 27.04.24" in a byline's box: the words of a date line.
            let date_words = name
                .split_whitespace()
                .all(|w| crate::text::is_date_word(&w.to_lowercase()));
            if plausible_name(name)
                && !is_byline_role(name)
                && !date_words
                && !out.iter().any(|o| o == name)
            {
                out.push(name.to_string());
            }
        }
    }
    out
}

/// A byline without its lead word ("By", "Par", "Von", "Por", "Texte :"), which opens it or
/// follows a word of [`BYLINE_OPENERS`] ("Posted by …", "Beitrag von …"); after any other
/// word it is part of a name ("Ursula von der Leyen").
fn strip_lead(s: &str) -> &str {
    let second = s.split_once(char::is_whitespace).and_then(|(first, rest)| {
        let first = first
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        BYLINE_OPENERS
            .contains(first.as_str())
            .then(|| rest.trim_start())
    });
    after_lead(s)
        .or_else(|| second.and_then(after_lead))
        .unwrap_or(s)
}

/// What follows a lead word opening `s`, if one does.
fn after_lead(s: &str) -> Option<&str> {
    let lower = s.to_lowercase();
    BYLINE_LEAD.iter().find_map(|lead| {
        let rest = lower.strip_prefix(lead)?;
        (rest.starts_with([' ', ':']) && s.is_char_boundary(lead.len()))
            .then(|| s[lead.len()..].trim_start_matches([' ', ':']))
    })
}

/// Marks set with spaces around them between a byline's names and what follows them
/// ("Beitrag von Anna » Sa 2. Mär", "Ann Lee – Harbour Post").
const BYLINE_BREAKS: [&str; 5] = [" » ", " « ", " – ", " — ", " - "];

/// A byline's name up to the first word of [`NAME_ENDERS`] when two words at least come before
/// it and a few after it: "Ann Lee in Politics on" -> "Ann Lee", "Anne Roy à Lyon" -> "Anne Roy";
/// an organisation named by its author field stays whole ("Organization for Transformative
/// Works").
///
/// [`NAME_ENDERS`]: crate::lexicon::NAME_ENDERS
fn before_name_ender(name: &str) -> &str {
    let mut at = 0;
    for (count, word) in name.split(' ').enumerate() {
        if crate::lexicon::NAME_ENDERS.contains(word) {
            // What follows is a place, an outlet or a section, in a few words: a longer rest is
            // a sentence ("Thanks for recommending this job to a friend").
            let rest = name[at + word.len()..].split_whitespace().count();
            return if count >= 2 && rest <= MAX_WORDS_AFTER_NAME_ENDER {
                name[..at].trim_end()
            } else {
                name
            };
        }
        at += word.len() + 1;
    }
    name
}

/// Words a byline may give after a name's ender: where, for whom or in which section ("for the
/// Harbour Post Weekly Edition").
const MAX_WORDS_AFTER_NAME_ENDER: usize = 5;

/// "Ann Lee March" (a date cut at its digits) -> "Ann Lee".
fn drop_trailing_month(name: &str) -> &str {
    match name.rsplit_once(' ') {
        Some((head, last)) if month_from_name(last).is_some() => head.trim_end(),
        _ => name,
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
        && words
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Bylines the page's own elements carry: `itemprop=author` (its `name` inside, if any),
/// `rel=author` links, and short elements whose class or id says byline or author.
fn read_dom_byline(el: scraper::ElementRef<'_>, attrs: &Attrs<'_>, title: &str, found: &mut Found) {
    let e = el.value();
    let itemprop = attrs.itemprop.is_some_and(|p| {
        p.split_whitespace()
            .any(|p| p == "author" || p == "creator")
    });
    let rel = e.name() == "a"
        && attrs.rel.is_some_and(|r| {
            r.split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("author"))
        });
    // Most elements name neither: they are told apart without building the lowercased names.
    let may_name_byline = [attrs.class, attrs.id]
        .into_iter()
        .flatten()
        .any(names_a_byline);
    let class = may_name_byline && {
        let names = format!("{} {}", attrs.class.unwrap_or(""), attrs.id.unwrap_or(""))
            .to_ascii_lowercase();
        !crate::lexicon::BYLINE_CLASS_NOT
            .iter()
            .any(|n| names.contains(n))
    };
    let slot = if itemprop {
        0
    } else if rel {
        1
    } else if class {
        2
    } else {
        return;
    };
    // Of the elements named bylines, the first to name someone is the article's: the others
    // are a list of other stories' ("Par Laurence Defranoux", "Par Pierre Alonso", …); its
    // co-authors are named in it. Asked first, so that a page of posts costs no more.
    let taken = slot == 2 && !found.dom_authors[slot].is_empty();
    if taken
        || found.dom_authors[slot].len() >= MAX_BYLINE_ELEMENTS
        || el.value().name() == "figcaption"
        || in_box_of_other_bylines(el)
        || in_teaser(el, title, &mut found.teaser_cards)
    {
        return;
    }
    let text = if let Some(content) = attrs.content {
        content.to_string()
    } else {
        // A schema.org author names itself in an inner `itemprop=name`.
        let inner_name = el
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
            .find(|d| {
                attr(d.value(), &local_name!("itemprop"))
                    .is_some_and(|p| p.split_whitespace().any(|p| p == "name"))
            });
        let Some(text) = short_text(inner_name.unwrap_or(el), 300) else {
            return;
        };
        text
    };
    if text.split_whitespace().count() > 16 {
        return;
    }
    let mut names = byline_names(&text);
    if names.is_empty() && attrs.content.is_none() {
        names = linked_names(el, &text);
    }
    let list = &mut found.dom_authors[slot];
    for n in names {
        if !list.contains(&n) {
            list.push(n);
        }
    }
}

/// The names a byline sets in links when its whole text gives none, its parts set side by side
/// with no mark between them ("By", a link "Howard Blume", "Staff Writer": "By Howard Blume
/// Staff Writer"): each link's text that is a name, when the rest of the byline names no one
/// (only lead words, roles and a date: [`says_no_one`]).
fn linked_names(el: scraper::ElementRef<'_>, text: &str) -> Vec<String> {
    let links: Vec<String> = el
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
        .filter(|d| d.value().name() == "a")
        .filter_map(|link| short_text(link, 80))
        .collect();
    let mut rest = text.to_string();
    for link in &links {
        rest = rest.replacen(link.trim(), " ", 1);
    }
    if links.is_empty() || !says_no_one(&rest) {
        return Vec::new();
    }
    let mut names = Vec::new();
    for link in &links {
        if let [name] = byline_names(link).as_slice() {
            if name == link.trim() && !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    names
}

/// Whether a byline's words up to its first digit are only lead words, role words and date
/// words ("By", "Staff Writer", "Dec."): no name among them.
fn says_no_one(rest: &str) -> bool {
    let head = rest
        .split(|c: char| c.is_ascii_digit())
        .next()
        .unwrap_or("");
    head.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .all(|w| {
            BYLINE_LEAD.contains(&w.as_str())
                || crate::lexicon::BYLINE_ROLES.contains(w.as_str())
                || crate::text::is_date_word(&w)
        })
}

/// Whether an element named a byline stands where the bylines are not the article's, read in
/// one walk up its ancestors (the page's `<body>` and `<html>` not asked: their classes describe
/// the page, "comments-open"): in a thread of readers' comments, in a `<nav>`, or in a box whose
/// names say chrome whatever it holds (related stories, recommendations, sharing), whatever its
/// tag: other stories' (`<aside class="related">` "Sur le même sujet … Par Laurence Defranoux"),
/// in the site's footer (a `<footer>` of no article or section, or `role=contentinfo`: a
/// quotation's author in it), or in a figure or its caption (a photo's credit). An `<aside>` or
/// a `<footer>` of the article not named so may hold its author.
fn in_box_of_other_bylines(el: scraper::ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(|node| node.value().as_element().map(|e| (node, e)))
        .filter(|(_, e)| !matches!(e.name(), "body" | "html"))
        .any(|(node, e)| {
            let attrs = Attrs::of(e);
            // Asked of a `<div>`: what the names say, not the tag. An aside named both chrome
            // and content is the former (`<aside id="related-content">`).
            let names = super::patterns::classify("div", &attrs);
            super::patterns::names_comments(&attrs)
                || matches!(e.name(), "nav" | "figure" | "figcaption")
                || names == super::patterns::Chrome::Strong
                || e.name() == "aside" && names == super::patterns::Chrome::Mixed
                || is_site_footer(node, e.name(), &attrs)
        })
}

/// Whether an element is the site's footer: `role=contentinfo`, or a `<footer>` that no article,
/// section, aside or `<main>` holds (HTML's footer of the page, not of one of its parts).
fn is_site_footer(node: ego_tree::NodeRef<'_, Node>, tag: &str, attrs: &Attrs<'_>) -> bool {
    if attrs
        .role
        .is_some_and(|r| r.eq_ignore_ascii_case("contentinfo"))
    {
        return true;
    }
    tag == "footer"
        && !node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|a| matches!(a.name(), "article" | "section" | "aside" | "main"))
        })
}

/// Levels above a byline within which the card of a teaser it stands in is looked for.
const TEASER_CARD_LEVELS: usize = 4;
/// Headings of a card read for its title.
const TEASER_CARD_HEADINGS: usize = 3;

/// Whether an element named a byline stands in another story's teaser: its nearest `<li>` or
/// `<article>`, [`TEASER_CARD_LEVELS`] up at most, has among its first three headings a linked
/// title of four words or more, and none that the page's `<title>` agrees with ("Hot Property:
/// …" over "By Caitlin Clark" in a list of popular stories after the article). A post under its
/// own title, linked or not, is the page's, and so is an article under an unlinked `<h1>`
/// rewording its `<title>`.
fn in_teaser(
    el: scraper::ElementRef<'_>,
    title: &str,
    known: &mut foldhash::HashMap<ego_tree::NodeId, bool>,
) -> bool {
    let card = el
        .ancestors()
        .take(TEASER_CARD_LEVELS)
        .filter_map(scraper::ElementRef::wrap)
        .find(|a| matches!(a.value().name(), "li" | "article"));
    let Some(card) = card else {
        return false;
    };
    *known
        .entry(card.id())
        .or_insert_with(|| is_teaser_card(card, title))
}

/// Whether a card is a teaser, as [`in_teaser`] tells.
fn is_teaser_card(card: scraper::ElementRef<'_>, title: &str) -> bool {
    // Its first headings: one the page's (a post under its own title) makes it no teaser; one
    // of four words or more linked elsewhere is a teaser's title (past a kicker's label,
    // "Tech Industry" linked to its topic in an `<h6>`).
    let mut linked_title = false;
    let headings = card
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
        .filter(|d| super::dom::is_heading(d.value().name()))
        .take(TEASER_CARD_HEADINGS);
    for heading in headings {
        let text: String = heading.text().take(64).collect();
        let linked = is_linked(heading);
        if agrees(&text, title) || heading.value().name() == "h1" && !linked {
            return false;
        }
        linked_title |= linked && crate::text::words_exceed(&text, MIN_HEADLINE_WORDS - 1);
    }
    linked_title
}

/// Whether a heading is a link's text: it holds a link or a link holds it (a link as the content
/// pass has it, [`super::dom::is_link`]: no named anchor, no heading's link to its own place).
fn is_linked(heading: scraper::ElementRef<'_>) -> bool {
    let is_link = |node: ego_tree::NodeRef<'_, Node>| {
        node.value()
            .as_element()
            .is_some_and(|e| super::dom::is_link(node, e.name(), &Attrs::of(e)))
    };
    heading.descendants().any(is_link) || heading.parent().is_some_and(is_link)
}

/// Levels above the headline that make its box: a `<time>` before the headline in the box of
/// its parent's parent ("<header><div><time/></div><div><h1/></div></header>") dates it.
const HEADLINE_BOX_LEVELS: usize = 2;

/// Words an `<h1>` has at least to be taken for the article's headline.
const MIN_HEADLINE_WORDS: usize = 4;

/// Whether an element stands in chrome whatever it holds (comments, sharing, related links), an
/// `<aside>`, `<nav>` or `<footer>`: a date shown there is not the article's. What is learnt of
/// its ancestors is kept in `known`, so that the elements of a page cost one classification of
/// each ancestor in all.
fn in_page_chrome(el: scraper::ElementRef<'_>, known: &mut ChromeAncestry) -> bool {
    let mut unknown = Vec::new();
    let mut in_chrome = false;
    let mut ancestor = el.parent();
    while let Some(node) = ancestor {
        if let Some(&chrome) = known.get(&node.id()) {
            in_chrome = chrome;
            break;
        }
        unknown.push(node);
        ancestor = node.parent();
    }
    // Outermost first: each is in chrome when it is chrome or its parent is in it.
    for node in unknown.into_iter().rev() {
        in_chrome = in_chrome || is_page_chrome(node);
        known.insert(node.id(), in_chrome);
    }
    in_chrome
}

/// Whether a node is an element that is chrome whatever it holds (see [`in_page_chrome`]); the
/// page's `<body>` and `<html>` are not: their classes describe the page.
fn is_page_chrome(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.value().as_element().is_some_and(|e| {
        !matches!(e.name(), "body" | "html")
            && (matches!(e.name(), "aside" | "nav" | "footer")
                || super::patterns::classify(e.name(), &Attrs::of(e))
                    == super::patterns::Chrome::Strong)
    })
}

/// What a word of a class or id says of a date's element: one bit each for a date, a
/// publication and an update (`data/date_names.txt`); a word may say more than one.
const NAMES_DATE: u8 = 1;
/// See [`NAMES_DATE`].
const NAMES_PUBLISHED: u8 = 2;
/// See [`NAMES_DATE`].
const NAMES_UPDATED: u8 = 4;

/// The words of a class or id that name a date's element (`data/date_names.txt`), each with
/// what it says ([`NAMES_DATE`] and the others), listed by their length: a word of a length no
/// name has is passed over on one look.
static DATE_NAMES: LazyLock<Vec<Vec<(&'static str, u8)>>> = LazyLock::new(|| {
    let data = include_str!("../../data/date_names.txt");
    let mut by_len: Vec<Vec<(&str, u8)>> = Vec::new();
    for (part, bit) in [
        ("date", NAMES_DATE),
        ("published", NAMES_PUBLISHED),
        ("updated", NAMES_UPDATED),
    ] {
        for name in parallax_text::keyed_lines(data, part) {
            if by_len.len() <= name.len() {
                by_len.resize(name.len() + 1, Vec::new());
            }
            let same_len = &mut by_len[name.len()];
            match same_len
                .iter_mut()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                Some((_, bits)) => *bits |= bit,
                None => same_len.push((name, bit)),
            }
        }
    }
    by_len
});

/// What a word (ASCII letters and digits) says of a date's element, as `table` ([`DATE_NAMES`])
/// has it; 0 for a word that names none.
fn date_name_bits(table: &[Vec<(&str, u8)>], word: &[u8]) -> u8 {
    table.get(word.len()).map_or(0, |names| {
        names
            .iter()
            .filter(|(name, _)| name.as_bytes().eq_ignore_ascii_case(word))
            .fold(0, |bits, (_, bit)| bits | bit)
    })
}

/// Whether a class or id names a publication date (`Some(true)`), an update (`Some(false)`) or
/// neither, by its words (split at anything not an ASCII letter or digit; the bytes of a
/// character beyond ASCII are none, so splitting bytes cuts the same words).
fn names_a_date(names: &str) -> Option<bool> {
    let table = &*DATE_NAMES;
    let mut said = 0;
    for word in names.as_bytes().split(|b| !b.is_ascii_alphanumeric()) {
        let bits = date_name_bits(table, word);
        if bits & NAMES_PUBLISHED != 0 {
            return Some(true);
        }
        said |= bits;
    }
    if said & NAMES_UPDATED != 0 {
        Some(false)
    } else {
        (said & NAMES_DATE != 0).then_some(true)
    }
}

/// Dates the page shows after its headline: the first `<time datetime>`, and the first element
/// named a publication date whose short text states one. Both only stand in when no metadata
/// dates the page; a comment's date is none of them.
fn read_dom_date(el: scraper::ElementRef<'_>, attrs: &Attrs<'_>, title: &str, found: &mut Found) {
    let e = el.value();
    if found.dom_time.is_none() && e.name() == "time" {
        let update = attrs.class.is_some_and(|c| names_a_date(c) == Some(false));
        if let Some(datetime) = attr(e, &local_name!("datetime")).filter(|_| !update) {
            if !in_page_chrome(el, &mut found.chrome_ancestry) {
                if found.headline.is_some() {
                    found.dom_time = Some(datetime.to_string());
                } else {
                    found.time_before_headline = Some((el.id(), datetime.to_string()));
                }
            }
        }
    }
    if found.headline.is_none() {
        if e.name() == "h1" {
            let headline: String = el.text().take(64).collect();
            // A site's name in an `<h1>` (its logo) also agrees with the `<title>`.
            // Words as the text stage counts them: in Chinese and Japanese, two characters a word.
            let long_enough = crate::text::words_exceed(&headline, MIN_HEADLINE_WORDS - 1);
            if long_enough && agrees(&headline, title) {
                found.headline = Some(headline);
                found.dom_time = found
                    .time_before_headline
                    .take()
                    .filter(|(time, _)| in_headline_box(el, *time))
                    .map(|(_, datetime)| datetime);
            }
        }
        return;
    }
    if found.dom_date_text.is_some() {
        return;
    }
    let names = [attrs.class, attrs.id].into_iter().flatten();
    let named = names.map(names_a_date).fold(None, |a, b| match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), _) | (_, Some(true)) => Some(true),
        _ => None,
    });
    if named != Some(true) {
        return;
    }
    let Some(text) = short_text(el, 200) else {
        return;
    };
    if text.split_whitespace().count() <= 12
        && crate::text::find_date(&text).is_some_and(|d| d.date.is_some() && !d.updated)
        && !in_page_chrome(el, &mut found.chrome_ancestry)
    {
        found.dom_date_text = Some(text.trim().to_string());
    }
}

/// Whether a node read before the headline stands in the headline's box: under its ancestor
/// [`HEADLINE_BOX_LEVELS`] up.
fn in_headline_box(headline: scraper::ElementRef<'_>, node: ego_tree::NodeId) -> bool {
    let Some(node) = headline.tree().get(node) else {
        return false;
    };
    headline
        .ancestors()
        .nth(HEADLINE_BOX_LEVELS - 1)
        .is_some_and(|the_box| node.ancestors().any(|a| a.id() == the_box.id()))
}

/// Reads an element after the headline as a line of the article's header when it holds no other
/// block (a `<p>`, a `<div>` of inline text): its lines (cut at `<br>`) that are a byline or a
/// date line and nothing else give the article's byline and date, where nothing marks them up.
/// Lines in chrome (a sidebar, a related box, a caption) are not the article's; the first
/// paragraph of the body ends the header.
fn read_header_lines(el: scraper::ElementRef<'_>, found: &mut Found) {
    let header = &mut found.header;
    // Once a date and a byline are read, no later line changes either.
    let read_both = header.date.is_some() && !header.authors.is_empty();
    if header.done || read_both || !super::dom::is_block(el.value().name()) {
        return;
    }
    let holds_block = el
        .descendants()
        .skip(1)
        .filter_map(|n| n.value().as_element())
        .any(|e| e.name() != "br" && super::dom::is_block(e.name()));
    if holds_block {
        return;
    }
    let in_headline_or_chrome = el
        .ancestors()
        .filter_map(|n| n.value().as_element())
        .any(|e| matches!(e.name(), "h1" | "figure" | "figcaption" | "form"))
        || in_page_chrome(el, &mut found.chrome_ancestry)
        || is_page_chrome(*el)
        || el.value().name() == "figcaption";
    if in_headline_or_chrome {
        return;
    }
    // Elements set side by side with only white space between them ("<span>Ana Ruiz</span>
    // <span>Actualizado: 03/12/2026</span>") are lines of their own.
    let side_by_side = el.children().all(|c| match c.value() {
        Node::Text(t) => t.trim().is_empty(),
        _ => true,
    }) && el.children().filter(|c| c.value().is_element()).count() > 1;
    let mut lines = vec![String::new()];
    for node in el.descendants().skip(1) {
        if side_by_side && node.parent().is_some_and(|p| p.id() == el.id()) {
            lines.push(String::new());
        }
        match node.value() {
            Node::Text(t) => {
                let line = lines.last_mut().expect("one line at least");
                line.push_str(t);
                line.push(' ');
            }
            Node::Element(e) if e.name() == "br" => lines.push(String::new()),
            _ => {}
        }
    }
    let lines: Vec<String> = lines
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return;
    }
    header.read += 1;
    let [long, sentence] = HEADER_PARAGRAPH_WORDS;
    let paragraph = lines.iter().any(|l| {
        crate::text::words_exceed(l, long)
            || crate::text::words_exceed(l, sentence) && crate::text::ends_with_terminal(l)
    });
    header.paragraphs += usize::from(paragraph);
    if header.paragraphs >= HEADER_PARAGRAPHS || header.read > MAX_HEADER_ELEMENTS {
        header.done = true;
        return;
    }
    if paragraph {
        return;
    }
    let language = found.doc.language.as_deref().and_then(iso639_1);
    let order = crate::text::NumericOrder::of(language.as_deref());
    for line in &lines {
        let (date, authors) = crate::text::header_line_metadata(line, order);
        if header.date.is_none() {
            // The line itself, where reading it again finds that date, so that its numbers are
            // read in the order the page's text settles (a declared language may be wrong).
            header.date = date.map(|d| {
                match crate::text::find_date_in(line, order).and_then(|found| found.date) {
                    Some(again) if again == d => line.clone(),
                    _ => d.to_string(),
                }
            });
        }
        if header.authors.is_empty() {
            header.authors = authors;
        }
    }
}

/// An element's text, its pieces joined by spaces; none when it runs past `max` bytes (a block
/// of content, not a byline or a date line), read no further than that.
fn short_text(el: scraper::ElementRef<'_>, max: usize) -> Option<String> {
    let mut text = String::new();
    for t in el.text() {
        text.push_str(t);
        text.push(' ');
        if text.len() > max {
            return None;
        }
    }
    Some(text)
}

fn finish(found: Found) -> PageMeta {
    let Found {
        ld,
        og,
        meta,
        doc,
        ld_created,
        ld_name,
        dom_authors,
        ld_page_published,
        dom_time,
        dom_date_text,
        headline,
        ld_body,
        header,
        declared,
        typed_product,
        typed_article,
        ..
    } = found;
    let url = doc
        .url
        .or(ld.url)
        .or(og.url)
        .filter(|u| u.starts_with("http"));
    let outlet = [ld.outlet, og.outlet, meta.outlet]
        .into_iter()
        .flatten()
        .find(|o| !looks_like_url(o) && o.split_whitespace().count() <= 8)
        .or_else(|| {
            doc.title
                .as_deref()
                .zip(url.as_deref())
                .and_then(|(t, u)| outlet_in_title_tail(t, u))
        });
    // A JSON-LD headline the `<title>` bears a third of the words of at most is a description
    // ("matrix equal to its conjugate-transpose" of "Hermitian matrix"), not a rewording.
    let ld_name = ld_name.filter(|_| {
        ld.title
            .as_deref()
            .zip(doc.title.as_deref())
            .is_some_and(|(headline, title)| shares_a_third_at_most(headline, title))
    });
    let title = pick_title(
        [ld.title, og.title, meta.title, ld_name],
        doc.title,
        outlet.as_deref(),
        url.as_deref(),
        headline.as_deref(),
    );
    let [dom_itemprop, dom_rel, dom_class] = dom_authors;
    let authors = [
        ld.authors,
        og.authors,
        meta.authors,
        dom_itemprop,
        dom_rel,
        dom_class,
        header.authors,
    ]
    .into_iter()
    .find(|a| !a.is_empty())
    .unwrap_or_default();
    // A product has no date of its own: a date shown on its page, or given in its microdata (a
    // `<time>` or `<meta>` with `itemprop`), is a customer review's, an offer's or a delivery's.
    // Only the page's own metadata dates it.
    let product = typed_product && !typed_article;
    let on_page = |date: Option<String>| date.filter(|_| !product);
    // A date the page only shows, where its own address states another, is some other story's
    // (a list of teasers after the article, each dated); the address dates the article.
    let url_date = url.as_deref().and_then(crate::text::date_from_url);
    let shown_date = |date: Option<String>| {
        date.filter(|d| {
            let shown = crate::text::find_date(d).and_then(|d| d.date);
            url_date
                .zip(shown)
                .is_none_or(|(u, s)| (s - u).num_days().abs() <= URL_DATE_DAYS)
        })
    };
    let published = ld
        .published
        .or(og.published)
        .or(meta.published)
        .or(on_page(doc.published))
        .or(ld_created)
        .or(ld_page_published)
        .or(shown_date(on_page(dom_time)))
        .or(shown_date(on_page(dom_date_text)))
        .or(shown_date(on_page(header.date)));
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
        article_body: ld_body,
        declared,
    }
}

/// The headline: the first declared title the page's `<title>` agrees with (a JSON-LD headline
/// can be a description: its `name`, last in `declared`, may then be the title), else the first
/// declared one, else the `<title>` itself; never a URL, and without the site's name at its end.
fn pick_title(
    declared: [Option<String>; 4],
    doc: Option<String>,
    outlet: Option<&str>,
    url: Option<&str>,
    headline: Option<&str>,
) -> Option<String> {
    let declared: Vec<String> = declared
        .into_iter()
        .flatten()
        .filter(|t| !looks_like_url(t))
        .collect();
    let doc = doc.filter(|t| !looks_like_url(t));
    let (chosen, from_doc) = match &doc {
        Some(d) => match declared.iter().find(|t| agrees(t, d)) {
            Some(t) => (t.clone(), false),
            None => match declared.first() {
                Some(t) => (t.clone(), false),
                None => (d.clone(), true),
            },
        },
        None => (declared.first()?.clone(), false),
    };
    let stripped = strip_site(&chosen, outlet, url, from_doc, headline);
    (!stripped.is_empty()).then_some(stripped)
}

/// The separators between a page's headline and the site's name its `<title>` ends with.
const TITLE_SEPARATORS: [&str; 7] = [" | ", " - ", " — ", " – ", " :: ", " · ", " _ "];

/// Words an outlet's name at the end of a page's `<title>` has at most.
const MAX_TITLE_TAIL_WORDS: usize = 5;

/// The outlet's name a page's `<title>` ends with ("… | The Harbour Gazette"), when the page
/// declares none: the tail after the last separator, written as the address's host is, its words
/// run together and lowercased, with at most an article before it ("harbourgazette.example").
fn outlet_in_title_tail(title: &str, url: &str) -> Option<String> {
    let host = url
        .split("://")
        .nth(1)?
        .split(['/', '?', '#', ':'])
        .next()?;
    let labels: Vec<String> = host.split('.').map(str::to_lowercase).collect();
    let (head, tail) = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rsplit_once(sep))
        .min_by_key(|(_, tail)| tail.len())?;
    let words: Vec<&str> = tail.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_TITLE_TAIL_WORDS || head.trim().is_empty() {
        return None;
    }
    // Addresses are written without accents ("Le Républicain du Midi" at republicaindumidi.fr).
    let squash = |ws: &[&str]| -> String {
        parallax_text::fold_diacritics(&ws.concat())
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let article = words.len() > 1
        && crate::lexicon::MASTHEAD_ARTICLES.contains(words[0].to_lowercase().as_str());
    let keys = [Some(squash(&words)), article.then(|| squash(&words[1..]))];
    let named = keys
        .iter()
        .flatten()
        .any(|k| k.len() >= 3 && labels.contains(k));
    named.then(|| tail.trim().to_string())
}

/// Most of a title's words are in the page's `<title>`.
fn agrees(title: &str, doc_title: &str) -> bool {
    let (shared, words) = words_borne(title, doc_title);
    words > 0 && shared * 3 >= words * 2
}

/// Whether `doc_title` bears a third of the words of `title` at most.
fn shares_a_third_at_most(title: &str, doc_title: &str) -> bool {
    let (shared, words) = words_borne(title, doc_title);
    shared * 3 <= words
}

/// How many of `title`'s words `doc_title` bears, and how many words `title` has.
fn words_borne(title: &str, doc_title: &str) -> (usize, usize) {
    let t = title_words(title);
    let d = title_words(doc_title);
    (t.iter().filter(|w| d.contains(w)).count(), t.len())
}

/// A title's words, lowercased.
fn title_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("www.")
        || (!s.contains(' ') && s.contains('/') && s.contains('.'))
}

/// `"Headline - Outlet"` without the outlet: the tail is the outlet's name or the URL's host, or,
/// in a `<title>` (which pages suffix with their name), a short name after a long headline that
/// the page's `<h1>` (`headline`) does not bear too.
fn strip_site(
    title: &str,
    outlet: Option<&str>,
    url: Option<&str>,
    doc_title: bool,
    headline: Option<&str>,
) -> String {
    let host_labels: Vec<String> = url
        .and_then(|u| u.split("://").nth(1))
        .and_then(|rest| rest.split(['/', '?', '#', ':']).next())
        .map(|h| h.split('.').map(str::to_lowercase).collect())
        .unwrap_or_default();
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let mut title = title.trim().to_string();
    // A tail can be two deep ("Headline - Section | Outlet"): peel at most twice.
    for _ in 0..2 {
        let mut peeled = None;
        for sep in TITLE_SEPARATORS {
            if let Some((head, tail)) = title.rsplit_once(sep) {
                let tail_key = squash(tail);
                let named = outlet.is_some_and(|o| {
                    let o = squash(o);
                    !o.is_empty()
                        && (o == tail_key
                            || o.contains(&tail_key) && tail_key.len() >= 4
                            || tail_key.contains(&o))
                }) || (tail_key.len() >= 3 && host_labels.contains(&tail_key))
                    || (doc_title
                        && tail.split_whitespace().count() <= 4
                        && !headline.is_some_and(|h| squash(h).contains(&tail_key))
                        && head.split_whitespace().count() >= 4);
                if named && head.split_whitespace().count() >= 2 {
                    peeled = Some(head.trim().to_string());
                    break;
                }
            }
        }
        match peeled {
            Some(head) => title = head,
            None => break,
        }
    }
    title
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

    /// Every element of the page, each with whether [`in_page_chrome`] puts it in chrome, all
    /// asked with one memory of what is known, in `order` (document order or its reverse).
    fn chrome_of_each(html: &str, reverse: bool) -> Vec<(String, bool)> {
        let doc = Html::parse_document(html);
        let mut els: Vec<_> = doc
            .tree
            .root()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
            .collect();
        if reverse {
            els.reverse();
        }
        let mut known = ChromeAncestry::default();
        let mut out: Vec<(String, bool)> = els
            .into_iter()
            .map(|el| {
                let name = el.value().id().unwrap_or(el.value().name()).to_string();
                (name, in_page_chrome(el, &mut known))
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn elements_in_page_chrome_whatever_order_they_are_asked_in() {
        let html = r#"<html><body class="share-page"><div id="wrap">
            <article id="story"><p id="lead">Text</p>
              <div class="share-buttons"><span id="in-share"><b id="deep">x</b></span></div>
            </article>
            <aside id="side"><p id="in-aside">Other</p></aside>
            <footer id="foot"><nav id="foot-nav"><a id="in-nav">Link</a></nav></footer>
            <p id="after">Last</p></div></body></html>"#;
        let expected = [
            ("after", false),
            ("body", false),
            ("deep", true),
            ("foot", false),
            ("foot-nav", true),
            ("head", false),
            ("html", false),
            ("in-aside", true),
            ("in-nav", true),
            ("in-share", true),
            ("lead", false),
            ("side", false),
            ("story", false),
            ("wrap", false),
        ]
        .map(|(name, chrome)| (name.to_string(), chrome))
        .to_vec();
        let mut in_order = chrome_of_each(html, false);
        in_order.retain(|(name, _)| name != "div");
        assert_eq!(in_order, expected);
        let mut reversed = chrome_of_each(html, true);
        reversed.retain(|(name, _)| name != "div");
        assert_eq!(reversed, expected);
    }

    #[test]
    fn byline_names_are_found_in_any_case() {
        for (haystack, found) in [
            ("post-Byline", true),
            ("AUTHOR-box", true),
            ("by-line authr", false),
            ("b", false),
            ("autho", false),
            ("authorizing", false),
            ("autorite", false),
            ("author-info", true),
            ("x-AuThOr", true),
            ("firma-autor", true),
            ("nom-auteur", true),
            ("", false),
        ] {
            assert_eq!(names_a_byline(haystack), found, "{haystack}");
        }
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
    fn a_json_ld_headline_that_is_a_description_gives_way_to_the_name_the_title_bears() {
        let page = |ld: &str| {
            format!(
                r#"<html><head><title>Harbour Town - Example Encyclopedia</title>
                <script type="application/ld+json">{ld}</script></head><body></body></html>"#
            )
        };
        let m = meta_of(&page(
            r#"{"@type":"Article","name":"Harbour Town","headline":"port city on the north coast"}"#,
        ));
        assert_eq!(m.meta.title.as_deref(), Some("Harbour Town"));
        let m = meta_of(&page(
            r#"{"@type":"Article","name":"Harbour Town","headline":"town in the north of the island"}"#,
        ));
        assert_eq!(m.meta.title.as_deref(), Some("Harbour Town"));
        // A headline the title does not bear either is still taken when the name is no closer.
        let m = meta_of(&page(
            r#"{"@type":"Article","name":"Article","headline":"Ferry service resumes"}"#,
        ));
        assert_eq!(m.meta.title.as_deref(), Some("Ferry service resumes"));
        // A headline rewording the title is the newsroom's; the name is the title for search.
        let m = meta_of(&page(
            r#"{"@type":"Article","name":"Harbour Town - Example Encyclopedia","headline":"Harbour Town's new ferry"}"#,
        ));
        assert_eq!(m.meta.title.as_deref(), Some("Harbour Town's new ferry"));
    }

    #[test]
    fn the_bylines_of_other_stories_on_the_page_are_not_the_article_s() {
        // A related box before the article's byline, and a list of teasers after it.
        let m = meta_of(
            r#"<html><head><title>Ferry service resumes</title></head><body>
            <aside id="related-content"><a href="/a"><h2>Storm hits the coast</h2></a>
              <span class="author">Par <span class="authorname">Laurence Dufour</span></span></aside>
            <article><h1>Ferry service resumes</h1><p class="byline">By Ann Lee</p>
              <p>The harbour reopened on Friday after a week of repairs, the mayor said.</p></article>
            <ul><li><a href="/b">Bridge closed</a> <span class="byline">By Tom Hart</span></li>
              <li><a href="/c">Rail strike ends</a> <span class="byline">By Eva Stone</span></li></ul>
            </body></html>"#,
        );
        assert_eq!(m.meta.authors, vec!["Ann Lee"]);
        // Co-authors named in the article's byline are all kept.
        let m = meta_of(
            r#"<html><head><title>Ferry service resumes</title></head><body>
            <article><h1>Ferry service resumes</h1><p class="byline">By Ann Lee and Tom Hart</p>
              <p>The harbour reopened on Friday after a week of repairs, the mayor said.</p></article>
            </body></html>"#,
        );
        assert_eq!(m.meta.authors, vec!["Ann Lee", "Tom Hart"]);
    }

    #[test]
    fn an_author_s_box_named_in_another_language_is_no_byline() {
        for class in [
            "ueber-den-autor",
            "a-propos-de-l-auteur",
            "sobre-el-autor",
            "sull-autore",
            "sobre-o-autor",
            "o-autorze",
        ] {
            check_page(
                &format!(r#"<div class="{class}">Ana Ruiz</div>"#),
                authors,
                None,
            );
        }
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
    fn a_product_is_dated_by_its_page_s_metadata_only() {
        // A customer review's date, shown or in its microdata, is no date of the product.
        let reviewed = |date: &str| {
            format!(
                r#"<h1 class="product-name">Enamel mug, green</h1>
                <p>A light enamel mug for the kitchen and the trail.</p>
                <div itemprop="review" itemscope itemtype="https://schema.org/Review">
                <div class="review-date"><small>14.05.2024</small></div>{date}
                <p>Lovely mug, quick delivery.</p></div>"#
            )
        };
        let reviews = [
            reviewed(r#"<time itemprop="datePublished" datetime="2024-05-14">14 May 2024</time>"#),
            reviewed(r#"<meta itemprop="datePublished" content="2024-05-14">"#),
        ];
        for declared in [
            r#"<meta property="og:type" content="product">"#,
            r#"<meta property="og:type" content="product.item">"#,
            r#"<script type="application/ld+json">{"@type":"Product","name":"Enamel mug"}</script>"#,
            r#"<div itemscope itemtype="https://schema.org/Product"></div>"#,
        ] {
            for review in &reviews {
                check_page(&format!("{declared}{review}"), published, None);
                let dated = format!(r#"<meta name="date" content="2024-02-01">{declared}{review}"#);
                check_page(&dated, published, Some("2024-02-01"));
            }
        }
        // Not declared a product, or an article about one: the date shown is the page's.
        let article = r#"<meta property="og:type" content="product">
            <script type="application/ld+json">[{"@type":"Review"},{"@type":"Product"},
            {"@type":"NewsArticle","headline":"Enamel mug, green"}]</script>"#;
        for review in &reviews {
            check_page(review, published, Some("2024-05-14"));
            check_page(&format!("{article}{review}"), published, Some("2024-05-14"));
        }
    }

    #[test]
    fn a_name_in_the_site_s_footer_is_no_byline() {
        let page = |footer: &str| {
            format!(
                "<html><head><title>Harbour fire under control</title></head><body><main>\
                 <h1>Harbour fire under control</h1><p>The fire was out by noon.</p></main>\
                 {footer}</body></html>"
            )
        };
        let quote = r#"<span class="quote-author">Ann Lee</span>"#;
        for footer in [
            format!("<footer>{quote}</footer>"),
            format!(r#"<div role="contentinfo">{quote}</div>"#),
        ] {
            let m = meta_of(&page(&footer));
            assert!(m.meta.authors.is_empty(), "{footer}");
        }
        // An article's own footer signs it.
        let m = meta_of(&page(&format!(
            "<article><footer>{quote}</footer></article>"
        )));
        assert_eq!(m.meta.authors, ["Ann Lee"]);
    }

    #[test]
    fn a_teaser_s_byline_is_another_story_s() {
        let page = |title: &str, card: &str| {
            format!(
                "<html><head><title>{title}</title></head><body>\
                 <h1>Harbour fire under control after night</h1><p>The fire was out by noon.</p>\
                 <ul><li>{card}</li></ul></body></html>"
            )
        };
        let teaser = r#"<h2><a href="/pier">Pier reopens to walkers</a></h2><span class="byline">By Ann Lee</span>"#;
        let m = meta_of(&page("Harbour fire under control after night", teaser));
        assert!(m.meta.authors.is_empty(), "{:?}", m.meta.authors);
        // A post under its own linked title is the page's.
        let post = r#"<h2><a href="/fire">Harbour fire under control after night</a></h2><span class="byline">By Ann Lee</span>"#;
        let m = meta_of(&page("Harbour fire under control after night", post));
        assert_eq!(m.meta.authors, ["Ann Lee"]);
        // A post under its own short linked title is the page's.
        let short = r#"<h1><a href="/ball">Ball</a></h1><span class="byline">By Ann Lee</span><h3><a href="/x">Pier reopens to walkers</a></h3>"#;
        let m = meta_of(&page("Ball - Neatorama", short));
        assert_eq!(m.meta.authors, ["Ann Lee"]);
        // An article under its own `<h1>`, reworded from the `<title>`, with a linked title of
        // a related story further down, is the page's.
        let reworded = r#"<h1>Fire at the harbour is out</h1><span class="byline">By Ann Lee</span><h3><a href="/x">Pier reopens to walkers</a></h3>"#;
        let m = meta_of(&page("Harbour fire under control after night", reworded));
        assert_eq!(m.meta.authors, ["Ann Lee"]);
        // A topic's label linked over the article is no teaser's title.
        let labelled =
            r#"<h6><a href="/topics/fires">Fires</a></h6><span class="byline">By Ann Lee</span>"#;
        let m = meta_of(&page("Harbour fire under control after night", labelled));
        assert_eq!(m.meta.authors, ["Ann Lee"]);
        // A title holding only a named anchor is no link.
        let anchored = r#"<h2><a name="pier"></a>Pier reopens to walkers</h2><span class="byline">By Ann Lee</span>"#;
        let m = meta_of(&page("Harbour fire under control after night", anchored));
        assert_eq!(m.meta.authors, ["Ann Lee"]);
        // A card whose title is no link is no teaser.
        let card = r#"<h2>Pier reopens to walkers</h2><span class="byline">By Ann Lee</span>"#;
        let m = meta_of(&page("Harbour fire under control after night", card));
        assert_eq!(m.meta.authors, ["Ann Lee"]);
    }

    #[test]
    fn a_comment_authors_name_is_no_byline() {
        let page = |comment: &str| {
            meta_of(&format!(
                r#"<body class="single comments-open"><article><h1>Bridge reopens</h1>
                <p class="byline">By Ann Lee</p><p>The bridge reopened on Monday.</p></article>
                <ol class="comment-list"><li>{comment}</li></ol></body>"#
            ))
            .meta
            .authors
        };
        assert_eq!(
            page(r#"<cite class="author">Bob Roe</cite> Nice."#),
            ["Ann Lee"]
        );
        let no_byline = meta_of(
            r#"<body><article><h1>Bridge reopens</h1><p>The bridge reopened.</p></article>
            <ol class="comment-list"><li><cite class="author">Bob Roe</cite> Nice.</li></ol></body>"#,
        );
        assert!(
            no_byline.meta.authors.is_empty(),
            "{:?}",
            no_byline.meta.authors
        );
    }

    /// The date metadata gives a page of the given head and body, with the headline
    /// "Harbour fire under control after night" under the `<title>` of that name.
    #[track_caller]
    fn check_date(head: &str, body: &str, expected: Option<&str>) {
        let m = meta_of(&format!(
            "<html><head><title>Harbour fire under control after night | Daily Planet</title>{head}\
             </head><body>{body}</body></html>"
        ));
        assert_eq!(m.meta.published.as_deref(), expected, "{body}");
    }

    #[test]
    fn a_date_shown_under_the_headline_dates_the_page() {
        let h1 = "<h1>Harbour fire under control after night</h1>";
        let para = "<p>The fire was out by noon.</p>";
        check_date(
            "",
            &format!(r#"{h1}<span class="post-date">5 March 2024</span>{para}"#),
            Some("5 March 2024"),
        );
        check_date(
            "",
            &format!(r#"{h1}<time datetime="2024-03-05T08:00">Tuesday</time>{para}"#),
            Some("2024-03-05T08:00"),
        );
        // Shown far from the date the page's address states, it is a teaser's after the
        // article; near it, the article's (filed late, its address dated the day before).
        let dated = r#"<link rel="canonical" href="https://example.com/2016/11/28/harbour-fire/">"#;
        check_date(
            dated,
            &format!(r#"{h1}{para}<span class="media-date">8/10/2022 9:57 AM PT</span>"#),
            None,
        );
        check_date(
            dated,
            &format!(r#"{h1}<span class="post-date">29 November 2016</span>{para}"#),
            Some("29 November 2016"),
        );
        // The day's date in the site's header, before the headline, is no publication date.
        check_date(
            "",
            &format!(r#"<div class="header-date">Wednesday, 10 August 2022</div>{h1}{para}"#),
            None,
        );
        // A `<time>` just above the headline, in the headline's own box, dates the page; one
        // in the site's header outside that box does not.
        check_date(
            "",
            &format!(
                r#"<header><div><time datetime="2024-03-05">5 March</time></div><div>{h1}</div></header>{para}"#
            ),
            Some("2024-03-05"),
        );
        check_date(
            "",
            &format!(
                r#"<div class="top"><div><div><time datetime="2022-08-10">Today</time></div></div></div><main><div>{h1}</div>{para}</main>"#
            ),
            None,
        );
        // A Chinese or Japanese headline, its words unspaced, is a headline.
        let title = "<title>港の火事が夜を徹して鎮火される</title>";
        let m = meta_of(&format!(
            r#"<html><head>{title}</head><body><h1>港の火事が夜を徹して鎮火される</h1><time datetime="2024-03-05">3月5日</time></body></html>"#
        ));
        assert_eq!(m.meta.published.as_deref(), Some("2024-03-05"));
        // Nor is a site's name in an `<h1>`, nor an update, nor a comment's or a sidebar's date.
        check_date(
            "",
            r#"<h1>Daily Planet</h1><span class="date">5 March 2024</span>"#,
            None,
        );
        check_date(
            "",
            &format!(r#"{h1}<span class="date-updated">6 March 2024</span>{para}"#),
            None,
        );
        check_date(
            "",
            &format!(
                r#"{h1}{para}<ol class="comment-list"><li><time datetime="2024-04-01">1 April</time></li></ol>"#
            ),
            None,
        );
        check_date(
            "",
            &format!(r#"{h1}{para}<aside><span class="date">2 April 2024</span></aside>"#),
            None,
        );
        // Metadata wins; a web page's own JSON-LD date stands in for an article's.
        check_date(
            r#"<meta property="article:published_time" content="2024-03-04">"#,
            &format!(r#"{h1}<span class="date">5 March 2024</span>{para}"#),
            Some("2024-03-04"),
        );
        check_date(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2024-03-03"},{"@type":"Comment","datePublished":"2024-05-01"}]}</script>"#,
            &format!(r#"{h1}<span class="date">5 March 2024</span>{para}"#),
            Some("2024-03-03"),
        );
    }

    /// `names_a_date` as first written: each word against each list in turn.
    fn names_a_date_plainly(names: &str) -> Option<bool> {
        let data = include_str!("../../data/date_names.txt");
        let part = |key| parallax_text::keyed_lines(data, key).collect::<Vec<_>>();
        let [date, published, updated] = [part("date"), part("published"), part("updated")];
        let (mut dated, mut update) = (false, false);
        let any = |list: &[&str], w: &str| list.iter().any(|n| n.eq_ignore_ascii_case(w));
        for w in names.split(|c: char| !c.is_ascii_alphanumeric()) {
            if any(&published, w) {
                return Some(true);
            }
            update |= any(&updated, w);
            dated |= any(&date, w);
        }
        if update {
            Some(false)
        } else {
            dated.then_some(true)
        }
    }

    #[test]
    fn date_names_are_read_as_the_plain_reading_reads_them() {
        // Pieces of names, of other words and of separators, ASCII and not, in any case,
        // strung together at random (a fixed-seed generator: the same strings every run).
        let pieces = [
            "date",
            "DATE",
            "Fecha",
            "publ",
            "ished",
            "post",
            "ed",
            "upd",
            "ated",
            "modified",
            "LastMod",
            "datum",
            "time",
            "stamp",
            "entry",
            "meta",
            "-",
            "_",
            " ",
            "  ",
            "é",
            "ü",
            "日",
            "1",
            "42",
            "x",
            "data",
            "actualizado",
            "pubdate",
            "update",
            "Ä",
            "--",
            ".",
        ];
        let mut below = crate::testing::below(crate::testing::SEED);
        for _ in 0..20_000 {
            let len = below(8);
            let names: String = (0..len).map(|_| pieces[below(pieces.len())]).collect();
            assert_eq!(
                names_a_date(&names),
                names_a_date_plainly(&names),
                "{names:?}"
            );
        }
        for names in [
            "",
            " ",
            "date",
            "published updated",
            "updated date",
            "Ünpublished",
        ] {
            assert_eq!(
                names_a_date(names),
                names_a_date_plainly(names),
                "{names:?}"
            );
        }
    }

    #[test]
    fn class_names_of_a_publication_date() {
        let check = |names: &str, expected: Option<bool>| {
            assert_eq!(names_a_date(names), expected, "{names}")
        };
        check("post-date meta", Some(true));
        check("article__published", Some(true));
        check("date updated", Some(false));
        check("entry-date published updated", Some(true));
        check("candidate validate", None);
        check("update-notice", Some(false));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><title>T</title>"#,
        );
        assert_eq!(m.meta.title.as_deref(), Some("T"));
    }

    #[track_caller]
    fn check_byline(line: &str, expected: &[&str]) {
        assert_eq!(byline_names(line), expected, "{line:?}");
    }

    #[test]
    fn bylines_in_four_languages() {
        check_byline("By Ann Lee and Bob Roe", &["Ann Lee", "Bob Roe"]);
        check_byline(
            "Par Marie Dupont et Jean Martin",
            &["Marie Dupont", "Jean Martin"],
        );
        check_byline(
            "Von Anna Schmidt und Jonas Weber",
            &["Anna Schmidt", "Jonas Weber"],
        );
        check_byline(
            "Por María López y Carlos Ruiz",
            &["María López", "Carlos Ruiz"],
        );
        check_byline("By Ann Lee March 25, 2015", &["Ann Lee"]);
        check_byline("Texte : Marie Dupont", &["Marie Dupont"]);
        check_byline("staff", &[]);
        check_byline("By Lena Ortiz, Staff Writer", &["Lena Ortiz"]);
        check_byline(
            "Von Anna Schmidt, Politische Korrespondentin",
            &["Anna Schmidt"],
        );
        // A lead word after the line's first word, and what follows the names after a mark.
        check_byline("Posted by Ann Lee", &["Ann Lee"]);
        // A lead word after a name's first word is part of the name.
        check_byline("Ursula von der Leyen", &["Ursula von der Leyen"]);
        check_byline("Maria di Rosa", &["Maria di Rosa"]);
        check_byline("Anna Berg og Lars Holm", &["Anna Berg", "Lars Holm"]);
        check_byline("Jan Kowalski i Anna Nowak", &["Jan Kowalski", "Anna Nowak"]);
        check_byline("Ann Lee – Harbour Post", &["Ann Lee"]);
        // A word saying where or for whom the author writes ends the name.
        check_byline(
            "Written by Ann Lee in Politics on 1 June 2019",
            &["Ann Lee"],
        );
        check_byline("Par Anne Roy à Lyon", &["Anne Roy"]);
        check_byline("Von Jonas Weber aus Berlin", &["Jonas Weber"]);
        check_byline("Por Ana de la Cruz", &["Ana de la Cruz"]);
        check_byline("By Ann Lee for the Harbour Post", &["Ann Lee"]);
        check_byline("By Ann Lee View author archive", &[]);
        check_byline(
            "Authorizing... Thanks for recommending this job to a friend",
            &[],
        );
        check_byline(
            "Posted by Ann Lee, Program Manager for Harbour Outreach",
            &["Ann Lee"],
        );
        check_byline(
            "Organization for Transformative Works",
            &["Organization for Transformative Works"],
        );
        // A forum post's line names its writer's handle, no person's name.
        check_byline("Beitrag von Gartenzwerg » Sa 2. Mär 2024, 10:14", &[]);
    }

    #[track_caller]
    fn check_page(html: &str, field: fn(&PageMeta) -> Option<String>, expected: Option<&str>) {
        assert_eq!(field(&meta_of(html)).as_deref(), expected, "{html}");
    }

    fn title(m: &PageMeta) -> Option<String> {
        m.meta.title.clone()
    }
    fn authors(m: &PageMeta) -> Option<String> {
        (!m.meta.authors.is_empty()).then(|| m.meta.authors.join(", "))
    }
    fn published(m: &PageMeta) -> Option<String> {
        m.meta.published.clone()
    }
    /// The date the page states, read as extraction reads it: in the declared language's order.
    fn published_date(m: &PageMeta) -> Option<String> {
        let order = crate::text::NumericOrder::of(m.language.as_deref());
        let shown = m.meta.published.as_deref()?;
        Some(crate::text::find_date_in(shown, order)?.date?.to_string())
    }

    #[test]
    fn bylines_from_the_page_elements() {
        check_page(
            r#"<p itemprop="author" itemscope><span itemprop="name">Ann Lee</span> Staff writer</p>"#,
            authors,
            Some("Ann Lee"),
        );
        check_page(
            r#"<a rel="author" href="/a/bob">Bob Roe</a>"#,
            authors,
            Some("Bob Roe"),
        );
        check_page(
            r#"<div class="article-byline">Par Marie Dupont</div>"#,
            authors,
            Some("Marie Dupont"),
        );
        check_page(
            r#"<div class="comment-author">Some Reader</div>"#,
            authors,
            None,
        );
        // Its parts side by side, no mark between them: the linked name is the writer's.
        check_page(
            r#"<div class="byline"><span>By</span> <a href="/people/ann-lee">Ann Lee</a><span>Staff Writer</span></div>"#,
            authors,
            Some("Ann Lee"),
        );
        // A photo's credit is its photographer's, not the article's.
        check_page(
            r#"<figure><img src="a.jpg"><figcaption itemprop="author">Foto: Ann Lee</figcaption></figure>"#,
            authors,
            None,
        );
        // A link beside words that may name someone else is not read alone.
        check_page(
            r#"<div class="byline">By Bob Roe<span>Staff Writer</span> <a href="/people/ann-lee">Ann Lee</a></div>"#,
            authors,
            None,
        );
    }

    #[test]
    fn titles_lose_the_site_tail_and_are_never_urls() {
        check_page(
            r#"<meta property="og:site_name" content="Daily Planet"><meta property="og:title" content="Fire at the harbour - Daily Planet"><title>Fire at the harbour - Daily Planet</title>"#,
            title,
            Some("Fire at the harbour"),
        );
        check_page(
            r#"<link rel="canonical" href="https://en.example.org/wiki/X"><title>New Zealand - Example</title>"#,
            title,
            Some("New Zealand"),
        );
        // A tail the page's headline bears too is the headline's own.
        check_page(
            r#"<meta property="og:site_name" content="Radio Velmar"><title>Velmar: Storm cuts power to thousands – mayor warns of branches</title><h1>Velmar: Storm cuts power to thousands – mayor warns of branches</h1>"#,
            title,
            Some("Velmar: Storm cuts power to thousands – mayor warns of branches"),
        );
        check_page(
            r#"<title>Velmar: Storm cuts power to thousands of homes - Local News</title><h1>Velmar: Storm cuts power to thousands of homes</h1>"#,
            title,
            Some("Velmar: Storm cuts power to thousands of homes"),
        );
        check_page(
            r#"<meta property="og:title" content="https://example.com/a/b"><title>Storm hits the coast</title>"#,
            title,
            Some("Storm hits the coast"),
        );
        // A JSON-LD headline the page's title does not bear out is a description.
        check_page(
            r#"<title>New Zealand - Example</title><meta property="og:title" content="New Zealand">
            <script type="application/ld+json">{"@type":"Article","headline":"country in Oceania"}</script>"#,
            title,
            Some("New Zealand"),
        );
    }

    #[test]
    fn dates_from_json_ld_in_cdata_and_page_elements() {
        check_page(
            "<script type=\"application/ld+json\">//<![CDATA[\n{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"datePublished\":\"2024-06-25\"}\n//]]></script>",
            published,
            Some("2024-06-25"),
        );
        check_page(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","dateCreated":"2017-02-24T01:18:13Z"}</script>
            <meta property="article:published_time" content="2017-02-23T17:18:13-08:00">"#,
            published,
            Some("2017-02-23T17:18:13-08:00"),
        );
        check_page(
            r#"<time datetime="2019-01-01">x</time><time itemprop="datePublished" datetime="2015-03-27T13:07:55Z">x</time>"#,
            published,
            Some("2015-03-27T13:07:55Z"),
        );
        check_page(r#"<time datetime="2019-01-01">x</time>"#, published, None);
    }

    fn outlet(m: &PageMeta) -> Option<String> {
        m.meta.outlet.clone()
    }

    /// A page whose headline is followed by `header` and then the article's first paragraph.
    fn under_headline(header: &str) -> String {
        format!(
            r#"<html lang="en"><title>Ferry runs aground off the island | Gazette</title><body>
            <article><h1>Ferry runs aground off the island</h1>{header}
            <p>A passenger ferry ran aground off the island in thick fog early on Thursday, and
            everyone on board was taken ashore by lifeboat, the coastguard said.</p>
            <p>By the coastguard's account, 3 December 2026 was the foggiest day of the year.</p>
            </article></body></html>"#
        )
    }

    #[test]
    fn a_byline_and_date_line_under_the_headline_date_and_sign_the_page() {
        let strip = r#"<p class="meta">By Ann Lee, Transport Correspondent<br>
            Published: Thursday 3 December 2026 09:41 GMT | Updated: 11:20 GMT</p>"#;
        check_page(&under_headline(strip), authors, Some("Ann Lee"));
        check_page(&under_headline(strip), published_date, Some("2026-12-03"));
        let french = r#"<div class="infos"><span>Par Anne Roy</span></div>
            <div class="infos">Publié le 03/12/2026 à 08h15</div>"#;
        check_page(
            &under_headline(french).replace("lang=\"en\"", "lang=\"fr-FR\""),
            published_date,
            Some("2026-12-03"),
        );
        check_page(&under_headline(french), authors, Some("Anne Roy"));
        // Name and date side by side, each in an element of its own.
        let side_by_side = r#"<div class="firma"><span class="nombre">Por Lucía Márquez</span>
            <span class="hora">Actualizado: 03/12/2026 12:45</span></div>"#;
        let spanish = under_headline(side_by_side).replace("lang=\"en\"", "lang=\"es\"");
        check_page(&spanish, authors, Some("Lucía Márquez"));
        check_page(&spanish, published_date, Some("2026-12-03"));
        // A standfirst may stand between the headline and the byline.
        let after_standfirst = r#"<div class="chapo">La rivière est sortie de son lit dans la nuit
            après des pluies diluviennes. Un automobiliste a été retrouvé mort.</div>
            <div class="signature">Par Julie Fabre<br>Publié le 3 décembre 2026 à 08h15</div>"#;
        check_page(
            &under_headline(after_standfirst),
            authors,
            Some("Julie Fabre"),
        );
        check_page(
            &under_headline(after_standfirst),
            published_date,
            Some("2026-12-03"),
        );
        // A date in the body, a byline in a sidebar or a caption, lines above the headline:
        // none is the article's.
        check_page(&under_headline(""), published, None);
        let elsewhere = r#"<aside><p>By Ann Lee</p><p>3 December 2026</p></aside>
            <figure><figcaption>By Ann Lee, 3 December 2026</figcaption></figure>"#;
        check_page(&under_headline(elsewhere), authors, None);
        check_page(&under_headline(elsewhere), published, None);
        let above = under_headline("").replace(
            "<article>",
            "<p>By Ann Lee</p><p>3 December 2026</p><article>",
        );
        check_page(&above, authors, None);
        check_page(&above, published, None);
    }

    #[test]
    fn a_date_in_a_byline_is_no_author() {
        let page = |byline: &str| {
            format!(
                r#"<meta property="og:site_name" content="Stuttgarter Zeitung"><h1>Bridge reopens after two years</h1>
                <p class="text__byline">{byline}</p><p>The bridge reopened on Monday.</p>"#
            )
        };
        check_page(
            &page("<time>Veröffentlicht am 27.04.24 um 07:39 Uhr</time>"),
            authors,
            None,
        );
        check_page(&page("Von Anna Huber"), authors, Some("Anna Huber"));
    }

    #[test]
    fn a_title_ending_with_the_sites_name_as_its_address_writes_it_names_the_outlet() {
        let page = |title: &str, host: &str| {
            format!(
                r#"<title>{title}</title><link rel="canonical" href="https://www.{host}/news/a">"#
            )
        };
        for (title, host, expected) in [
            (
                "Ferry runs aground | The Harbour Gazette",
                "harbourgazette.example",
                Some("The Harbour Gazette"),
            ),
            (
                "Ferry runs aground - Le Courrier",
                "lecourrier.example",
                Some("Le Courrier"),
            ),
            (
                "Ferry runs aground - Island Radio",
                "islandradio.co.uk",
                Some("Island Radio"),
            ),
            (
                "Crue du Vidourle - Le Républicain du Midi",
                "republicaindumidi.fr",
                Some("Le Républicain du Midi"),
            ),
            // A section, or a name the address does not spell, is no outlet's name.
            ("Ferry runs aground | News", "harbourgazette.example", None),
            (
                "Ferry runs aground | Harbour",
                "harbourgazette.example",
                None,
            ),
            ("Ferry runs aground", "harbourgazette.example", None),
        ] {
            check_page(&page(title, host), outlet, expected);
        }
    }
}
