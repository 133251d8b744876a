//! What an element's markup (tag, role, class and id) says about it: page chrome or article.
//!
//! Class and id names are the page author's vocabulary, not the article's language, so matching
//! them does not tie extraction to English text.

use std::sync::LazyLock;

use regex::RegexSet;

/// What the markup says an element is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Chrome {
    /// Nothing either way.
    Neutral,
    /// Named as article content (`article-body`, `itemprop=articleBody`, `role=main`).
    Content,
    /// Likely chrome (`header`, `sidebar`, `<nav>`), unless it also looks like content.
    Weak,
    /// Chrome whatever else it says (`share`, `related`, `comments`, cookie banners).
    Strong,
    /// Named as chrome and as content (`entry-content-read-more`): judged by what it holds.
    Mixed,
}

/// Index in [`NAMES`] of chrome whatever else the names say.
const STRONG: usize = 0;
/// Index in [`NAMES`] of chrome unless the names also say content.
const WEAK: usize = 1;
/// Index in [`NAMES`] of content.
const CONTENT: usize = 2;

/// The three vocabularies, matched in one pass.
static NAMES: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        concat!(
            r"comment|disqus|share|sharing|related|recommend|newsletter|subscri|signup|sign-up",
            r"|promo|sponsor|cookie|consent|gdpr|outbrain|taboola|popup|modal|breadcrumb",
            r"|most-?read|most-?popular|trending|read-?more|more-?stories|more-?from|also-?read",
            r"|further-?reading|recirc|newsletter|follow-?us|jump-?link|skip-?link|advert|adslot",
            r"|ad-?container|ad-?wrapper|ad-?unit|dfp|gpt-ad|google-?ad|banner-?ad|sr-only",
            r"|visually-?hidden|screen-?reader|print-?only|tooltip|lightbox|login|register|donate",
            r"|author-?bio|about-?the-?author|next-?article|prev-?article|pagination"
        ),
        concat!(
            r"header|footer|masthead|menu|nav|sidebar|side-?bar|rail|widget|banner|toolbar|meta",
            r"|byline|dateline|tags|topics|keywords|caption|credit|hidden|foot|aside|extra|teaser",
            r"|supplement|skyscraper|sticky|overlay|alert|notice|badge|rating"
        ),
        r"article|body|content|entry|main|post|story|text|blog|prose|markdown|detail",
    ])
    .expect("literal regexes compile")
});

/// Classifies an element by its tag, role and names.
pub(crate) fn classify(tag: &str, el: &scraper::node::Element) -> Chrome {
    if el
        .attr("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        return Chrome::Content;
    }
    match el.attr("role").map(str::to_ascii_lowercase).as_deref() {
        Some(
            "navigation" | "banner" | "contentinfo" | "complementary" | "search" | "menu"
            | "menubar" | "toolbar" | "dialog" | "alertdialog",
        ) => return Chrome::Weak,
        Some("main" | "article") => return Chrome::Content,
        _ => {}
    }
    if matches!(
        tag,
        "nav" | "aside" | "footer" | "menu" | "dialog" | "figcaption"
    ) {
        return Chrome::Weak;
    }
    let structural = matches!(tag, "header" | "form");
    let mut names = String::new();
    for part in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        names.push_str(&part.to_ascii_lowercase());
        names.push(' ');
    }
    if names.is_empty() {
        return if structural {
            Chrome::Weak
        } else {
            Chrome::Neutral
        };
    }
    // "Commentary" is opinion writing, not reader comments.
    let names = names.replace("commentary", "opinion");
    let matched = NAMES.matches(&names);
    let content = matched.matched(CONTENT);
    if matched.matched(STRONG) {
        if content {
            Chrome::Mixed
        } else {
            Chrome::Strong
        }
    } else if structural || matched.matched(WEAK) {
        if content {
            Chrome::Neutral
        } else {
            Chrome::Weak
        }
    } else if content {
        Chrome::Content
    } else {
        Chrome::Neutral
    }
}
