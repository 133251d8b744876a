//! Inputs that are not articles: a folder's README or answer key, a licence, a Markdown
//! document, a listing page of links. They are skipped with a warning, by general signals:
//! the file's name (a data list), Markdown structure, and the shape of the extracted text.

use parallax_core::{Format, RawDoc};

use crate::lexicon::NON_ARTICLE_NAMES;
use crate::text::{ends_with_terminal, words_exceed};

/// Share of non-empty lines with Markdown structure above which a text is a document, not news.
const MARKDOWN_SHARE: f64 = 0.3;

/// Why a document is not an article, or `None` when it may be one; `text` is its extracted text.
pub fn not_an_article(doc: &RawDoc, text: &str) -> Option<String> {
    not_a_page(doc).or_else(|| listing(text).map(|what| format!("skipped: {what}")))
}

/// Why a document is no page at all (folder documentation, a Markdown document), or `None`.
pub fn not_a_page(doc: &RawDoc) -> Option<String> {
    if let Some(name) = named_like_a_document(&doc.source) {
        return Some(format!(
            "skipped: `{name}` is a file name of folder documentation, not of an article"
        ));
    }
    // Markdown headings open with '#': a body without one is no Markdown document.
    if doc.format == Format::Text
        && memchr::memchr(b'#', &doc.body).is_some()
        && is_markdown_document(&String::from_utf8_lossy(&doc.body))
    {
        return Some(
            "skipped: a Markdown document (headings, lists, tables), not an article".into(),
        );
    }
    None
}

/// What a text is when it reads as a listing of headlines or links rather than an article:
/// stories leave such a page out ([`not_an_article`]); `parallax extract` reads it all the same,
/// with a warning, as a page it was asked for.
pub fn listing(text: &str) -> Option<&'static str> {
    is_listing(text)
        .then_some("a listing of headlines or links with almost no prose, not an article")
}

/// The file name, when its stem is one of the documentation names.
fn named_like_a_document(source: &str) -> Option<&str> {
    if source.starts_with("http://") || source.starts_with("https://") {
        return None;
    }
    let name = source.rsplit(['/', '\\']).next()?;
    let stem = name.split('.').next()?.to_lowercase();
    NON_ARTICLE_NAMES.contains(stem.as_str()).then_some(name)
}

/// Headings, list items, tables, fences and link references on many lines, and at least two
/// headings: the shape of a README, not of a news story.
fn is_markdown_document(text: &str) -> bool {
    let mut lines = 0usize;
    let mut structured = 0usize;
    let mut headings = 0usize;
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(2000)
    {
        lines += 1;
        let heading = line.starts_with('#')
            && line.trim_start_matches('#').starts_with(' ')
            && line.len() - line.trim_start_matches('#').len() <= 6;
        headings += usize::from(heading);
        if heading
            || line.starts_with("- ")
            || line.starts_with("* ")
            || line.starts_with('|') && line.ends_with('|')
            || line.starts_with("```")
            || line.starts_with('>')
            || line.starts_with('[') && line.contains("]:")
        {
            structured += 1;
        }
    }
    headings >= 2 && lines > 0 && structured as f64 >= MARKDOWN_SHARE * lines as f64
}

/// Words a paragraph of prose has at least.
const PROSE_WORDS: usize = 12;

/// Many short lines (headlines, link texts) and at most one paragraph of prose.
fn is_listing(text: &str) -> bool {
    let mut prose = 0usize;
    let mut short = 0usize;
    for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        // Words as the cleaner counts them: Chinese and Japanese write none between spaces.
        if ends_with_terminal(p) && words_exceed(p, PROSE_WORDS - 1) {
            prose += 1;
        } else {
            short += 1;
        }
    }
    prose <= 1 && short >= 12
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::raw as doc;

    #[track_caller]
    fn check(source: &str, format: Format, body: &str, skipped: bool) {
        let got = not_an_article(&doc(source, format, body), body);
        assert_eq!(got.is_some(), skipped, "{source}: {got:?}");
    }

    const STORY: &str = "The council approved the new budget on Tuesday after a long debate, officials said.\n\nThe mayor said the plan would fund two new schools and repair the old bridge by next year.";

    #[test]
    fn documentation_names_are_skipped() {
        check("examples/fire/EXPECTED.md", Format::Text, STORY, true);
        check("docs/README", Format::Text, STORY, true);
        check("corpus/license.txt", Format::Text, STORY, true);
        check("corpus/budget-vote.txt", Format::Text, STORY, false);
        check("https://example.com/readme", Format::Html, STORY, false);
    }

    #[test]
    fn markdown_documents_are_skipped() {
        let md = "# Project\n\nSome words here.\n\n## Install\n\n- step one\n- step two\n\n| a | b |\n|---|---|\n";
        check("notes.txt", Format::Text, md, true);
        // One heading line over a story is still a story.
        check(
            "story.md",
            Format::Text,
            &format!("# Budget approved\n\n{STORY}"),
            false,
        );
    }

    #[test]
    fn listings_are_skipped() {
        let listing: Vec<String> = (0..15)
            .map(|i| format!("Headline number {i} about the city"))
            .collect();
        check("index.html", Format::Html, &listing.join("\n\n"), true);
        check("a.html", Format::Html, STORY, false);
        // An article in a script written without spaces has prose all the same.
        let paragraph = "東京都内で大規模な停電が発生し、約三万世帯で電気が使えなくなったと電力会社が発表した。";
        let article: Vec<String> = (0..3)
            .map(|_| paragraph.to_string())
            .chain((0..12).map(|i| format!("関連記事 {i}")))
            .collect();
        check("ja.html", Format::Html, &article.join("\n\n"), false);
    }
}
