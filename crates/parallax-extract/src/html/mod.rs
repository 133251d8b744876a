//! Main text and metadata from an HTML page.
//!
//! The page is parsed into a DOM (html5ever, through `scraper`), flattened into elements and text
//! blocks ([`dom`]), the article's container is found by scoring where paragraph-like text gathers
//! ([`content`]), and metadata is read from JSON-LD, OpenGraph and `<meta>` ([`meta`]). Decoding
//! bytes to text, with charset declarations and detection, is [`decode_html`].

mod attrs;
mod content;
mod date_badge;
mod decode;
mod dom;
mod meta;
mod patterns;
mod prescan;
mod scripted;
#[cfg(test)]
mod tests;
mod variants;

use parallax_core::SourceMeta;

pub use decode::{decode_html, Decoded};

/// What an HTML page yields before text-level cleaning.
#[derive(Debug, Clone, Default)]
pub struct HtmlPage {
    /// The main content as blocks (paragraphs, headings, list items), in reading order.
    pub blocks: Vec<String>,
    /// Metadata found in the markup (JSON-LD, OpenGraph, `<meta>`, `<title>`).
    pub meta: SourceMeta,
    /// The language the page declares, if any.
    pub language: Option<String>,
    /// Characters of visible text on the whole page (white space not counted), chrome included:
    /// tells a page with nothing to read from one whose text is all chrome.
    pub visible_chars: u32,
}

/// Extracts the main content blocks and metadata of a page.
pub fn extract_html(html: &str) -> HtmlPage {
    let source = html;
    let doc = parse(html);
    let page_meta = meta::read(&doc);
    let declared = page_meta.declared;
    let marked = dom::Marked::of(&doc, declared.question);
    let mut flat = dom::flatten(&doc, dom::Styles::Hide, declared, &marked);
    if may_show_more(&flat) {
        let shown = dom::flatten(&doc, dom::Styles::Ignore, declared, &marked);
        if shows_its_text(&flat, &shown) {
            flat = shown;
        }
    }
    let mut blocks = content::main_blocks(&flat, page_meta.meta.title.as_deref());
    let mut visible_chars = flat.els.first().map_or(0, |root| root.chars);
    if blocks.is_empty() {
        if let Some(markup) = scripted::markup_in_scripts(source) {
            // Read as a page of its own: the article its scripts would render.
            let rendered = parse(&markup);
            let marked = dom::Marked::of(&rendered, declared.question);
            let flat = dom::flatten(&rendered, dom::Styles::Hide, declared, &marked);
            blocks = content::main_blocks(&flat, page_meta.meta.title.as_deref());
            blocks.retain(|b| !scripted::is_placeholder(&b.text));
            if !blocks.is_empty() {
                visible_chars = flat.els.first().map_or(0, |root| root.chars);
            }
        }
    }
    let mut blocks = blocks.into_iter().map(|b| b.text).collect();
    date_badge::join_date_badges(&mut blocks);
    HtmlPage {
        visible_chars,
        blocks: content::whole_when_teased(blocks, page_meta.article_body.as_deref()),
        meta: page_meta.meta,
        language: page_meta.language,
    }
}

/// Prescans a page and parses it, as `scraper::Html::parse_document` does, into a tree made with
/// room for its nodes: grown one node at a time, the tree is copied whole at every doubling.
fn parse(html: &str) -> scraper::Html {
    use html5ever::tendril::TendrilSink;
    let prescan::Prescanned { markup, tags } = prescan::prescan(html, prescan::MAX_DEPTH);
    // Each element opens with a tag, and text nodes are about as many as elements: end tags,
    // which make no node, stand for most of them, and half as many again is room for the rest
    // (text between inline elements). Room left over is never written to.
    let nodes = tags + tags / 2 + 1;
    let doc = scraper::Html {
        errors: Vec::new(),
        quirks_mode: html5ever::tree_builder::QuirksMode::NoQuirks,
        tree: ego_tree::Tree::with_capacity(scraper::Node::Document, nodes),
    };
    // (Writing the prescan straight into the parser's tendril saves this copy but costs more in
    // the tendril's own pushes.)
    html5ever::parse_document(scraper::HtmlTreeSink::new(doc), Default::default())
        .one(markup.as_str())
}

/// How many times the text a page shows the text its inline styles hide must be for the page to
/// be read as its scripts show it.
const STYLED_AWAY_OVER: u32 = 10;

/// Whether inline styles may hide the text of a page until a script shows it (see
/// [`shows_its_text`]): it shows under [`content::MIN_RESULT`] characters, or they hide
/// [`STYLED_AWAY_OVER`] times what it shows, or some and it has a `<main>`.
fn may_show_more(flat: &dom::Flat<'_>) -> bool {
    let chars = flat.els[dom::ROOT].chars;
    chars < content::MIN_RESULT
        || flat.styled_away > STYLED_AWAY_OVER * chars
        || flat.styled_away >= content::MIN_RESULT && flat.els.iter().any(|e| e.tag == "main")
}

/// Whether a page is read as it shows once its scripts have run (inline styles that hide an
/// element ignored) rather than as it first shows: a page that shows all but a little of its
/// text hidden (a wrapper kept hidden until its fonts or scripts load; under
/// [`content::MIN_RESULT`] characters shown), one that shows a tenth of it or less (its parts
/// sent in hidden boxes a script moves into place), and one whose `<main>` (the outermost)
/// shows under [`content::MIN_RESULT`] characters and more when shown (a shop's catalogue
/// hidden until an app has checked the visitor). Elements indices are the same in both readings.
fn shows_its_text(hidden: &dom::Flat<'_>, shown: &dom::Flat<'_>) -> bool {
    let (chars, shown_chars) = (hidden.els[dom::ROOT].chars, shown.els[dom::ROOT].chars);
    if shown_chars <= chars {
        return false;
    }
    if chars < content::MIN_RESULT || shown_chars > STYLED_AWAY_OVER * chars {
        return true;
    }
    hidden
        .els
        .iter()
        .position(|e| e.tag == "main")
        .is_some_and(|main| {
            hidden.els[main].chars < content::MIN_RESULT
                && shown
                    .els
                    .get(main)
                    .is_some_and(|m| m.chars >= content::MIN_RESULT)
        })
}
