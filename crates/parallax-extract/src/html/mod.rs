//! Main text and metadata from an HTML page.
//!
//! The page is parsed into a DOM (html5ever, through `scraper`), flattened into elements and text
//! blocks ([`dom`]), the article's container is found by scoring where paragraph-like text gathers
//! ([`content`]), and metadata is read from JSON-LD, OpenGraph and `<meta>` ([`meta`]). Decoding
//! bytes to text, with charset declarations and detection, is [`decode_html`].

mod attrs;
mod content;
mod decode;
mod dom;
mod meta;
mod patterns;
mod prescan;
#[cfg(test)]
mod tests;

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
    let html = prescan::prescan(html, prescan::MAX_DEPTH);
    let doc = scraper::Html::parse_document(&html);
    let page_meta = meta::read(&doc);
    let mut flat = dom::flatten(&doc, dom::Styles::Hide);
    // A page whose text an inline style hides all but a little of, until a script shows it, is
    // read as it then shows.
    if flat.els[dom::ROOT].chars < content::MIN_RESULT {
        let shown = dom::flatten(&doc, dom::Styles::Ignore);
        if shown.els[dom::ROOT].chars > flat.els[dom::ROOT].chars {
            flat = shown;
        }
    }
    let blocks = content::main_blocks(&flat, page_meta.meta.title.as_deref());
    let visible_chars = flat.els.first().map_or(0, |root| root.chars);
    let blocks = blocks.into_iter().map(|b| b.text).collect();
    HtmlPage {
        visible_chars,
        blocks: content::whole_when_teased(blocks, page_meta.article_body.as_deref()),
        meta: page_meta.meta,
        language: page_meta.language,
    }
}
