//! Extract: clean article text and metadata from a raw document.
//!
//! HTML goes through main-content extraction first (`html`); every document then goes through
//! text-level cleaning (`text`), which drops the site chrome a scrape leaves in (share bars, sign-up
//! prompts, captions, credits, teasers for other stories) and recovers title, byline, wire service,
//! outlet, date and URL from what is left around the body.

mod decode;
mod error;
mod headline;
pub mod html;
mod inputs;
mod lexicon;
mod mojibake;
pub mod text;

use std::borrow::Cow;

use parallax_core::{Article, Diagnostic, Format, RawDoc};

pub use decode::decode_text;
pub use error::ExtractError;
pub use inputs::{listing, not_a_page, not_an_article};

/// The languages analysis reads (quotes, entities, figures, dates); text in another gets a warning.
const ANALYSED_LANGUAGES: [&str; 4] = ["en", "fr", "de", "es"];

/// Limits for extraction.
#[derive(Debug, Clone)]
pub struct ExtractConfig {
    /// Longest clean text kept, in bytes; the rest is cut at a paragraph boundary with a warning.
    pub max_text_bytes: usize,
    /// Whether to detect the language of an article whose source declares none. Grouping reads
    /// no language: `cluster` turns this off, and such an article's language is `und`.
    pub detect_language: bool,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        Self {
            max_text_bytes: 1 << 20,
            detect_language: true,
        }
    }
}

/// An article and the warnings met while extracting it.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The clean article.
    pub article: Article,
    /// Problems that did not stop extraction.
    pub diagnostics: Vec<Diagnostic>,
}

/// Cleans one raw document into an article. Its id is the document's own id, else the file stem
/// of its source; callers make ids unique within a batch.
pub fn extract(doc: &RawDoc, config: &ExtractConfig) -> Result<Extracted, ExtractError> {
    let mut diagnostics = Vec::new();
    let format = match doc.format {
        // A caller may have named a page text; its bytes tell.
        Format::Text => Format::of_content(&doc.body),
        Format::Html => Format::Html,
    };
    let (mut decoded, warning) = match format {
        // HTML honours a BOM, the transport's charset and `<meta charset>`, then detects.
        Format::Html => {
            let charset = doc.meta.extra.get("charset").and_then(|v| v.as_str());
            let d = html::decode_html(&doc.body, charset);
            (d.text, d.warning)
        }
        Format::Text => {
            let (text, warning) = decode_text(&doc.body);
            (Cow::Owned(text), warning)
        }
    };
    if let Some(message) = warning {
        diagnostics.push(Diagnostic::warning(&doc.source, message));
    }
    // No article is megabytes long: cleaning a huge input whole would only cost time.
    let raw_limit = config.max_text_bytes.saturating_mul(4);
    if format == Format::Text && decoded.len() > raw_limit {
        diagnostics.push(Diagnostic::warning(
            &doc.source,
            format!(
                "input is {} bytes of text; only the first {} bytes are read",
                decoded.len(),
                raw_limit
            ),
        ));
        let cut = floor_char_boundary(&decoded, raw_limit);
        decoded.to_mut().truncate(cut);
    }
    // Why a page without article text has none, known before cleaning sorts its blocks.
    let mut empty_because = "what text there is reads as page furniture (dates, bylines, labels, prompts), not as an article";
    let (blocks, mut meta, language, source) = match format {
        Format::Text => (
            text::split_blocks(&decoded),
            doc.meta.clone(),
            None,
            text::BlockSource::Text,
        ),
        Format::Html => {
            let page = html::extract_html(&decoded);
            if page.blocks.is_empty() {
                empty_because = if page.visible_chars == 0 {
                    "the page has no visible text"
                } else {
                    "all the page's text is navigation, links or other page chrome"
                };
            }
            (
                page.blocks,
                merge_meta(&doc.meta, page.meta),
                page.language,
                text::BlockSource::Html,
            )
        }
    };
    meta.authors.retain(|a| !a.trim().is_empty());
    // Numeric dates are read in the page's language's order: declared (unless its text says
    // otherwise), else detected; the page's own, in its text or shown in an element named a
    // date ("Publié le 03/07/2024"), alike. Detecting a language costs more than cleaning, and
    // the order only reads dates like 3/7/2022.
    let ambiguous = blocks.iter().any(|b| text::may_hold_ambiguous_date(b))
        || meta
            .published
            .as_deref()
            .is_some_and(text::may_hold_ambiguous_date);
    let order = if !ambiguous {
        match &language {
            Some(l) => text::NumericOrder::of(Some(&l.to_ascii_lowercase())),
            None => text::NumericOrder::MonthFirst,
        }
    } else {
        let mut head = String::new();
        for b in blocks.iter().take(200) {
            head.push_str(b);
            head.push('\n');
            if head.len() > 20_000 {
                break;
            }
        }
        let read_in = match &language {
            Some(l) if config.detect_language => text::settle_language(l, &head),
            Some(l) => l.to_ascii_lowercase(),
            None => text::detect_language(&head),
        };
        text::NumericOrder::of(Some(&read_in))
    };
    let cleaned = text::clean_in(blocks, &meta, source, order);
    let mut body = cleaned.paragraphs.join("\n\n");
    if body.len() > config.max_text_bytes {
        let cut = body[..floor_char_boundary(&body, config.max_text_bytes)]
            .rfind("\n\n")
            .unwrap_or_else(|| floor_char_boundary(&body, config.max_text_bytes));
        diagnostics.push(Diagnostic::warning(
            &doc.source,
            format!(
                "text is {} bytes; only the first {} bytes are used",
                body.len(),
                cut
            ),
        ));
        body.truncate(cut);
    }
    if text::is_error_page(cleaned.title.as_deref(), &body) {
        return Err(ExtractError::NoText {
            source_name: doc.source.clone(),
            reason: "the page says that the page asked for does not exist: a site's error page",
        });
    }
    if body.split_whitespace().next().is_none() {
        return Err(ExtractError::NoText {
            source_name: doc.source.clone(),
            reason: if decoded.trim().is_empty() {
                "the document is empty"
            } else {
                empty_because
            },
        });
    }
    let language = match language {
        Some(l) if config.detect_language => text::settle_language(&l, &body),
        Some(l) => l.to_ascii_lowercase(),
        None if config.detect_language => text::detect_language(&body),
        None => "und".to_string(),
    };
    if !ANALYSED_LANGUAGES.contains(&language.as_str()) && language != "und" {
        diagnostics.push(Diagnostic::warning(
            &doc.source,
            format!("language looks like `{language}`; quotes, entities and figures are read in English, French, German and Spanish only"),
        ));
    }
    let id = doc.id.clone().unwrap_or_else(|| default_id(&doc.source));
    let article = Article {
        id,
        source: doc.source.clone(),
        outlet: cleaned.outlet,
        wire: cleaned.wire,
        title: cleaned.title.map(headline::without_label),
        authors: cleaned.authors,
        published: cleaned.published,
        url: cleaned.url,
        language,
        dateline: cleaned.dateline,
        text: body,
        removed: cleaned.removed,
    };
    Ok(Extracted {
        article,
        diagnostics,
    })
}

/// Container metadata wins over what the page says about itself.
fn merge_meta(
    container: &parallax_core::SourceMeta,
    page: parallax_core::SourceMeta,
) -> parallax_core::SourceMeta {
    let mut meta = page;
    if container.url.is_some() {
        meta.url.clone_from(&container.url);
    }
    if container.title.is_some() {
        meta.title.clone_from(&container.title);
    }
    if container.published.is_some() {
        meta.published.clone_from(&container.published);
    }
    if container.outlet.is_some() {
        meta.outlet.clone_from(&container.outlet);
    }
    if !container.authors.is_empty() {
        meta.authors.clone_from(&container.authors);
    }
    meta.extra.extend(container.extra.clone());
    meta
}

/// The file stem of a path-like source, or the whole source when it has none.
fn default_id(source: &str) -> String {
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let stem = name
        .split('.')
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(name);
    if stem.is_empty() {
        source.to_string()
    } else {
        stem.to_string()
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// What the tests of extract's modules build their documents and random texts from.
#[cfg(test)]
mod testing {
    use parallax_core::{Format, RawDoc};

    /// The seed the randomized tests draw from unless they keep a stream of their own.
    pub(crate) const SEED: u64 = 0x9e37_79b9_7f4a_7c15;

    /// Draws of a number below `n` from `seed` (xorshift): the tests that check a fast reading
    /// against the plain one build the same texts every run, with no dependency.
    pub(crate) fn below(seed: u64) -> impl FnMut(usize) -> usize {
        let mut state = seed;
        move |n| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        }
    }

    /// A raw document named `source` holding `body`.
    pub(crate) fn raw(source: &str, format: Format, body: &str) -> RawDoc {
        RawDoc {
            source: source.into(),
            id: None,
            format,
            body: body.as_bytes().to_vec(),
            meta: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::raw;

    /// Extracts an HTML page and checks the reason given for finding no article, or that an
    /// article was found when `reason` is `None`.
    #[track_caller]
    fn check(html: &str, reason: Option<&str>) {
        let doc = raw("page.html", Format::Html, html);
        match (extract(&doc, &ExtractConfig::default()), reason) {
            (Ok(_), None) => {}
            (Err(e), Some(reason)) => assert_eq!(
                e.to_string(),
                format!("page.html: no article text found ({reason})")
            ),
            (got, _) => panic!("expected {reason:?}, got {got:?}"),
        }
    }

    /// The warnings extracting a plain-text document gives.
    fn warnings_of(text: &str) -> Vec<String> {
        let doc = raw("a.txt", Format::Text, text);
        let extracted = extract(&doc, &ExtractConfig::default()).expect("an article");
        extracted
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn only_a_language_analysis_cannot_read_is_warned_about() {
        let es = "Los bomberos trabajaron durante toda la noche para controlar el incendio que \
                  obligó a evacuar a los vecinos de la zona, según informaron las autoridades.";
        assert_eq!(warnings_of(es), Vec::<String>::new());
        let it = "I vigili del fuoco hanno lavorato tutta la notte per spegnere l'incendio che ha \
                  costretto gli abitanti della zona a lasciare le loro case, secondo le autorità.";
        let warnings = warnings_of(it);
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("language looks like `it`")),
            "{warnings:?}"
        );
    }

    #[test]
    fn without_detection_an_undeclared_language_is_und_and_unwarned() {
        let it = "I vigili del fuoco hanno lavorato tutta la notte per spegnere l'incendio che ha \
                  costretto gli abitanti della zona a lasciare le loro case, secondo le autorità.";
        let config = ExtractConfig {
            detect_language: false,
            ..ExtractConfig::default()
        };
        let extracted = extract(&raw("page.txt", Format::Text, it), &config).expect("an article");
        assert_eq!(extracted.article.language, "und");
        assert!(
            extracted.diagnostics.is_empty(),
            "{:?}",
            extracted.diagnostics
        );
    }

    #[test]
    fn a_template_s_declared_english_gives_way_to_the_page_s_german() {
        let de = "Die Feuerwehr hat die ganze Nacht gearbeitet, um den Brand zu löschen, der die \
                  Bewohner des Viertels zwang, ihre Häuser zu verlassen, teilten die Behörden mit.";
        let page = format!(
            "<html lang=\"en-US\"><body><article><h1>Brand in der Altstadt gelöscht</h1>\
             <p>03/07/2024</p><p>{de}</p><p>{de}</p></article></body></html>"
        );
        let doc = raw("page.html", Format::Html, &page);
        let article = extract(&doc, &ExtractConfig::default())
            .expect("an article")
            .article;
        assert_eq!(article.language, "de");
        // Its numeric date is read day first, as German writes it.
        assert_eq!(
            article.published.map(|d| d.to_string()),
            Some("2024-07-03".to_string())
        );
    }

    #[test]
    fn a_blog_s_date_badge_dates_the_post_and_leaves_its_text() {
        // The day and the month set in boxes of their own over the post's headline.
        let de = "Die Feuerwehr hat die ganze Nacht gearbeitet, um den Brand zu löschen, der die \
                  Bewohner des Viertels zwang, ihre Häuser zu verlassen, teilten die Behörden mit.";
        let page = format!(
            "<html lang=\"de\"><body><h1>Unser Blog</h1><section class=\"blog-entry\">\
             <div class=\"date\"><div class=\"day\">29</div><div class=\"month-year\">Mai 2013</div></div>\
             <h2>Brand in der Altstadt gelöscht</h2><p>{de}</p><p>{de}</p></section></body></html>"
        );
        let doc = raw("page.html", Format::Html, &page);
        let article = extract(&doc, &ExtractConfig::default())
            .expect("an article")
            .article;
        assert_eq!(
            article.published.map(|d| d.to_string()),
            Some("2013-05-29".to_string())
        );
        assert!(!article.text.contains("Mai 2013"), "{}", article.text);
        assert!(!article.text.starts_with("29"), "{}", article.text);
    }

    const FRENCH_PARAGRAPH: &str = "Les pompiers ont travaillé toute la nuit pour éteindre le feu \
        qui a forcé les habitants du quartier à quitter leurs maisons, ont indiqué les autorités.";
    const ENGLISH_PARAGRAPH: &str = "Firefighters worked through the night to put out the blaze \
        that forced the residents of the neighbourhood to leave their homes, officials said.";

    /// Extracts a page declared in `lang` that shows `shown` (markup) between its headline and
    /// two paragraphs `para`, and checks the article's date.
    #[track_caller]
    fn check_date(lang: &str, shown: &str, para: &str, expected: &str) {
        let page = format!(
            "<html lang=\"{lang}\"><head><title>Un incendie dans la vieille ville</title>\
             </head><body><article><h1>Un incendie dans la vieille ville</h1>\
             {shown}<p>{para}</p><p>{para}</p></article></body></html>"
        );
        let doc = raw("page.html", Format::Html, &page);
        let article = extract(&doc, &ExtractConfig::default())
            .expect("an article")
            .article;
        assert_eq!(
            article.published.map(|d| d.to_string()).as_deref(),
            Some(expected),
            "{lang} {shown}"
        );
    }

    #[test]
    fn a_date_shown_in_an_element_named_a_date_is_read_in_the_page_s_language() {
        let (fr, en) = (FRENCH_PARAGRAPH, ENGLISH_PARAGRAPH);
        let shown = r#"<span class="date">Publié le 03/07/2024</span>"#;
        check_date("fr", shown, fr, "2024-07-03");
        // Declared English over French text: the text settles the order.
        check_date("en", shown, fr, "2024-07-03");
        check_date(
            "en",
            r#"<span class="date">03/07/2024</span>"#,
            en,
            "2024-03-07",
        );
    }

    #[test]
    fn a_date_line_under_the_headline_is_read_in_the_page_s_language() {
        let (fr, en) = (FRENCH_PARAGRAPH, ENGLISH_PARAGRAPH);
        check_date("fr", "<p>Par Ana Ruiz<br>03/07/2024</p>", fr, "2024-07-03");
        // Declared English over French text: the text settles the order.
        check_date("en", "<p>Par Ana Ruiz<br>03/07/2024</p>", fr, "2024-07-03");
        check_date("en", "<p>03/07/2024 à 14h05</p>", fr, "2024-07-03");
        check_date("en", "<p>By Ana Ruiz<br>03/07/2024</p>", en, "2024-03-07");
        check_date(
            "fr",
            "<p>Par Ana Ruiz<br>3 juillet 2024</p>",
            fr,
            "2024-07-03",
        );
    }

    /// Extracts a document handed over as text and checks its clean text.
    #[track_caller]
    fn check_text(body: &str, expected: &str) {
        let doc = raw("page.txt", Format::Text, body);
        let got = extract(&doc, &ExtractConfig::default()).map(|e| e.article.text);
        assert_eq!(got.as_deref().ok(), Some(expected));
    }

    #[test]
    fn a_page_without_its_html_opening_is_still_read_as_html() {
        check_text(
            "\n<a name=\"top\"></a>\n<table><tr><td><a href=\"/\">Home</a></td></tr></table>\n<table><tr><td><p>The council voted on Tuesday to keep the old library open for another year.</p><p>Its budget will be set in the spring, the mayor said.</p></td></tr></table>",
            "The council voted on Tuesday to keep the old library open for another year.\n\nIts budget will be set in the spring, the mayor said.",
        );
    }

    #[test]
    fn a_page_without_an_article_says_why_and_one_with_an_article_never_does() {
        check("", Some("the document is empty"));
        check(
            "<html><body><script>var x = 1;</script><img src=a.png></body></html>",
            Some("the page has no visible text"),
        );
        check(
            r#"<html><body><div class="share"><a href="/a">Facebook</a> <a href="/b">Email</a></div></body></html>"#,
            Some("all the page's text is navigation, links or other page chrome"),
        );
        check(
            "<html><body><article><p>The bridge reopened on Monday after two years of repairs, the city said.</p></article></body></html>",
            None,
        );
        // An app's page whose article is escaped in its scripts' state is read as they render it;
        // a script's lone template paragraph is no article.
        check(
            r#"<html><body><div id="app"></div><script>window.__STATE__ = {"story":{"html":"\u003cp\u003eThe bridge reopened on Monday after two years of repairs.\u003c/p\u003e$$AD$$\u003cp\u003eTraffic was light, the city said.\u003c/p\u003e"}};</script></body></html>"#,
            None,
        );
        check_text(
            r#"<html><body><div id="app"></div><script>window.__STATE__ = {"story":{"html":"\u003cp\u003eThe bridge reopened on Monday after two years of repairs.\u003c/p\u003e$$AD$$\u003cp\u003eTraffic was light, the city said.\u003c/p\u003e"}};</script></body></html>"#,
            "The bridge reopened on Monday after two years of repairs.\n\nTraffic was light, the city said.",
        );
        check(
            r#"<html><body><div id="app"></div><script>var tpl = "<p>Loading the story</p>";</script></body></html>"#,
            Some("the page has no visible text"),
        );
        // One short paragraph in a page of chrome is still the article.
        check(
            r#"<html><body><nav><a href="/">Home</a></nav><div class="comment-count">3</div><p>Rain is expected all week.</p></body></html>"#,
            None,
        );
        // A site's error page, served as if it were the story, is none.
        check(
            r#"<html><head><title>Seite nicht gefunden</title></head><body><nav><a href="/">Start</a></nav><h1>Fehler 404</h1><p>Die angeforderte Seite existiert leider nicht oder nicht mehr.</p><p><a href="/">Zur Startseite</a></p></body></html>"#,
            Some("the page says that the page asked for does not exist: a site's error page"),
        );
    }
}
