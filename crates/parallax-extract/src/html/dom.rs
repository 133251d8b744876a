//! A flat summary of a parsed page: its elements in document order, with text counts per subtree,
//! and its text cut into blocks at block-level elements.
//!
//! Everything here walks the tree with an explicit stack, so a page nested 100,000 levels deep
//! costs memory in proportion to its size and never recursion.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::attrs::Attrs;
use super::patterns::{self, Chrome};

/// Index of the pseudo-element standing for the document itself.
pub(crate) const ROOT: usize = 0;

/// One element of the page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct El<'a> {
    /// Lowercase tag name.
    pub tag: &'a str,
    /// Index of the parent element (`ROOT`'s parent is itself).
    pub parent: usize,
    /// Visible text characters (non-white space) in the subtree.
    pub chars: u32,
    /// Of those, the characters inside links.
    pub link_chars: u32,
    /// What its markup says it is (chrome, content, neutral).
    pub chrome: Chrome,
    /// Never visible text (scripts, styles, hidden elements): its text is not counted.
    pub invisible: bool,
    /// Characters in paragraph-like blocks (long enough, few links) in the subtree.
    pub para_chars: u32,
    /// Whether a block-level element opens inside it.
    pub has_block_child: bool,
    /// The `class` attribute, as written.
    pub class: &'a str,
    /// Named chrome as a thread of readers' comments.
    pub comments: bool,
    /// Named a thread of customer reviews.
    pub reviews: bool,
    /// The page's own content as HTML or ARIA marks it: a `<main>`, or an element of the
    /// `main` role (a shop's `<div role="main">` around its product).
    pub main: bool,
}

/// A run of text between block-level boundaries.
#[derive(Debug)]
pub(crate) struct Block {
    /// The innermost block-level element holding the run.
    pub owner: usize,
    /// The text, white space collapsed.
    pub text: String,
    /// Visible characters (non-white space).
    pub chars: u32,
    /// Of those, the characters inside links.
    pub link_chars: u32,
    /// Commas, of any script.
    pub commas: u32,
    /// Paragraph characters in this and all earlier blocks.
    pub para_total: u32,
}

/// The page as flat arrays.
#[derive(Debug)]
pub(crate) struct Flat<'a> {
    /// Elements in document order; index 0 is the document.
    pub els: Vec<El<'a>>,
    /// Text blocks in document order.
    pub blocks: Vec<Block>,
    /// Visible characters of text that only inline styles hide (`display:none`,
    /// `visibility:hidden` on it or around it, nothing else): what a script may show.
    pub styled_away: u32,
    /// Whether its links are read as plain text ([`Flat::links_as_text`]): none is told apart.
    pub links_as_text: bool,
    /// What the page's structured data declares it to be.
    pub declared: Declared,
}

impl<'a> Flat<'a> {
    /// Whether `el` lies inside `ancestor` (or is it).
    pub fn within(&self, mut el: usize, ancestor: usize) -> bool {
        loop {
            if el == ancestor {
                return true;
            }
            if el == ROOT {
                return false;
            }
            el = self.els[el].parent;
        }
    }

    /// The elements inside `el`, in document order: the run of elements after it whose parents
    /// lie within it (children come after their parents).
    pub fn descendants(&self, el: usize) -> impl Iterator<Item = usize> + '_ {
        (el + 1..self.els.len()).take_while(move |&i| self.els[i].parent >= el)
    }

    /// The first child of `el`, the element right after it when that is inside it.
    pub fn first_child(&self, el: usize) -> Option<usize> {
        Some(el + 1).filter(|&c| c < self.els.len() && self.els[c].parent == el)
    }

    /// `el` and its ancestors, nearest first, the root left out.
    pub fn up_from(&self, el: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(el), |&a| Some(self.els[a].parent)).take_while(|&a| a != ROOT)
    }

    /// The page with its links read as plain text: every block and element keeps its text and
    /// counts no link characters, and paragraphs are counted again on that reading. For a page
    /// whose content is all links (a listing's cards, each a link around a title and its
    /// description; a board of linked titles).
    pub fn links_as_text(&self) -> Flat<'a> {
        let mut blocks: Vec<Block> = Vec::with_capacity(self.blocks.len());
        let mut para_total = 0;
        let mut own_para = vec![0u32; self.els.len()];
        for b in &self.blocks {
            let mut block = Block {
                owner: b.owner,
                text: b.text.clone(),
                chars: b.chars,
                link_chars: 0,
                commas: b.commas,
                para_total,
            };
            if is_paragraph_block(&block) {
                para_total += block.chars;
                block.para_total = para_total;
                own_para[b.owner] += block.chars;
            }
            blocks.push(block);
        }
        // Children come after their parents: sum each subtree's paragraphs bottom up.
        for i in (1..self.els.len()).rev() {
            let add = own_para[i];
            own_para[self.els[i].parent] += add;
        }
        let els = self
            .els
            .iter()
            .zip(own_para)
            .map(|(e, para_chars)| El {
                link_chars: 0,
                para_chars,
                ..*e
            })
            .collect();
        Flat {
            els,
            blocks,
            styled_away: self.styled_away,
            links_as_text: true,
            declared: self.declared,
        }
    }

    /// How many levels `el` stands below the document.
    pub fn depth(&self, mut el: usize) -> usize {
        let mut d = 0;
        while el != ROOT {
            el = self.els[el].parent;
            d += 1;
        }
        d
    }

    /// Share of `el`'s text that is link text.
    pub fn link_density(&self, el: usize) -> f32 {
        let e = &self.els[el];
        e.link_chars as f32 / e.chars.max(1) as f32
    }
}

/// Whether a tag is a heading's, `<h1>` to `<h6>`.
pub(crate) fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Tags whose start and end cut text into separate blocks.
pub(crate) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "tfoot"
            | "caption"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "address"
            | "body"
            | "center"
            | "details"
            | "summary"
            | "hgroup"
            | "menu"
            | "dialog"
            | "br"
            | "hr"
            | "legend"
            | "option"
            | "html"
    )
}

/// Tags whose content is never article text.
fn is_invisible_tag(tag: &str) -> bool {
    matches!(
        tag,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "select"
            | "button"
            | "input"
            | "textarea"
            | "video"
            | "audio"
            | "map"
            | "title"
            | "link"
            | "meta"
            | "base"
            | "source"
    )
}

/// Whether a link is a heading's own words pointing at a place in the page itself (a manual's
/// section heading linked back to its table of contents): the heading's text, not a link away.
/// A jump bar of letters or a short "back to top" is still a control.
fn names_its_heading(node: ego_tree::NodeRef<'_, Node>, attrs: &Attrs<'_>) -> bool {
    attrs.href.is_some_and(|h| h.starts_with('#'))
        && node
            .ancestors()
            .any(|a| a.value().as_element().is_some_and(|e| is_heading(e.name())))
        && node
            .descendants()
            .filter_map(|d| d.value().as_text())
            .flat_map(|t| t.split_whitespace())
            .count()
            >= HEADING_LINK_WORDS
}

/// An `<a>` other than a named anchor (`<a name="top">`: the prescan leaves an `<a>` its name
/// only when it has no target). Left open, as old pages leave it, a named anchor would make every
/// word after it link text. A script's `<a href="javascript:...">` (the prescan leaves only such a
/// target) that wraps paragraphs leads nowhere: what it wraps is the page's text; one around a
/// few words is a control (a share button, a toggle), as much chrome as a link.
pub(super) fn is_link(node: ego_tree::NodeRef<'_, Node>, tag: &str, attrs: &Attrs<'_>) -> bool {
    tag == "a"
        && attrs.name.is_none()
        && !names_its_heading(node, attrs)
        && !(attrs.href.is_some()
            && node
                .children()
                .any(|c| c.value().as_element().is_some_and(|e| is_block(e.name()))))
}

/// Whether an element is hidden as the page first shows it: by the `hidden` attribute (not a
/// streamed segment, see [`is_streamed_segment`]), `aria-hidden` (not on a carousel's slide,
/// which shows in turn: `patterns::names_a_carousel_slide`; not on the main landmark,
/// [`is_main_landmark`]), or an inline style. A panel
/// folded behind a toggle (an accordion's section, a tab's pane) is not: it is the page's text,
/// shown with one click (`patterns::names_a_folded_panel`, or a control's `aria-controls` names
/// it: [`Marked`]). A popover and a `<dialog>` not
/// open are, whatever they hold: HTML shows them only when a script or a button opens them (an
/// app's install prompt, a menu, a sign-in box); so is an element that ARIA calls a modal dialog
/// (`role=dialog`, `aria-modal=true`: a consent box's settings, a policy behind its link).
fn is_hidden(tag: &str, attrs: &Attrs<'_>, styles: Styles, marked: &Marked<'_>) -> bool {
    if attrs.popover.is_some() || tag == "dialog" && attrs.open.is_none() {
        return true;
    }
    if attrs
        .aria_modal
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("true"))
        && attrs.role.is_some_and(|r| {
            r.eq_ignore_ascii_case("dialog") || r.eq_ignore_ascii_case("alertdialog")
        })
    {
        return true;
    }
    let hides =
        attrs.hidden.is_some() || attrs.aria_hidden == Some("true") || attrs.style.is_some();
    if hides && (patterns::names_a_folded_panel(attrs) || marked.opens(attrs.id)) {
        return false;
    }
    if attrs.hidden.is_some() && !attrs.id.is_some_and(is_streamed_segment) {
        return true;
    }
    if attrs.aria_hidden == Some("true")
        && !patterns::names_a_carousel_slide(attrs)
        && !is_main_landmark(tag, attrs)
    {
        return true;
    }
    styles == Styles::Hide
        && attrs.style.is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// What the page's elements say of others, read before any of them is: the ids of the
/// elements a control of the page opens, and whether any element is named a question's answer.
/// Read once a page and handed to each [`flatten`] of it.
pub(crate) struct Marked<'a> {
    /// The ids a control names (`aria-controls`: a disclosure button's panel, a tab's pane, an
    /// expander's rest): hidden as the page first shows them, they are its text a reader opens
    /// with one click, however they are named (a FAQ's answers in boxes of hashed class names).
    controlled: foldhash::HashSet<&'a str>,
    /// Whether an element's class or id names it an answer (`patterns::names_an_answer`).
    names_answers: bool,
}

impl<'a> Marked<'a> {
    /// What the elements of `doc` say; whether they name answers only on a question's page
    /// (`question`), the one page where it matters.
    pub(crate) fn of(doc: &'a Html, question: bool) -> Self {
        let mut marked = Marked {
            controlled: foldhash::HashSet::default(),
            names_answers: false,
        };
        for node in doc.tree.values() {
            if let Node::Element(e) = node {
                let attrs = Attrs::of(e);
                if let Some(controls) = attrs.aria_controls {
                    marked.controlled.extend(controls.split_ascii_whitespace());
                }
                marked.names_answers =
                    marked.names_answers || question && patterns::names_an_answer(&attrs);
            }
        }
        marked
    }

    /// Whether a control of the page opens the element of this id.
    fn opens(&self, id: Option<&str>) -> bool {
        id.is_some_and(|id| self.controlled.contains(id.trim()))
    }
}

/// Whether an element is the page's main landmark (`<main>`, `role=main`). `aria-hidden` on it
/// hides nothing from the eye: a script sets it while a dialog shows above the page (a consent
/// box), and a page saved so would have no text left.
fn is_main_landmark(tag: &str, attrs: &Attrs<'_>) -> bool {
    tag == "main" || attrs.role.is_some_and(|r| r.eq_ignore_ascii_case("main"))
}

/// Whether an `<a>` hidden from screen readers and nothing else wraps a sentence of
/// [`SENTENCE_WORDS`](super::content::SENTENCE_WORDS) words or more: a card's summary linked a
/// second time for the mouse (`aria-hidden`, out of the tab order) beside its title's link, which
/// readers and keyboards follow. It shows, and its words are the card's own text, not a link's.
/// A duplicated label, a photo's credit or a teaser's title linked so is no sentence: hidden.
fn is_summary_link(node: ego_tree::NodeRef<'_, Node>, attrs: &Attrs<'_>) -> bool {
    attrs.aria_hidden == Some("true")
        && attrs.hidden.is_none()
        && attrs.style.is_none()
        && holds_a_sentence(node)
}

/// Whether an element's text is one sentence or more of
/// [`SENTENCE_WORDS`](super::content::SENTENCE_WORDS) words or more, closing as a sentence.
fn holds_a_sentence(n: ego_tree::NodeRef<'_, Node>) -> bool {
    let text: String = n
        .descendants()
        .filter_map(|d| d.value().as_text())
        .map(|t| &**t)
        .collect();
    let text = text.trim();
    crate::text::ends_with_terminal(text)
        && crate::text::words_exceed(text, super::content::SENTENCE_WORDS - 1)
}

/// Whether a `<p>` hidden from screen readers only goes on from the paragraphs before it: hidden
/// by `aria-hidden` and nothing else, it holds a sentence of
/// [`SENTENCE_WORDS`](super::content::SENTENCE_WORDS) words or more, and one of its last
/// [`PARAGRAPH_SIBLINGS`] siblings before it is a `<p>` not so hidden that does too.
/// `aria-hidden` hides nothing from the eye: a paywall marks the article's rest so, sent whole
/// and shown to subscribers, where icons, duplicated labels and "Loading…" notes are no sentence
/// after a paragraph.
fn goes_on_from_the_paragraphs(node: ego_tree::NodeRef<'_, Node>, attrs: &Attrs<'_>) -> bool {
    if attrs.aria_hidden != Some("true") || attrs.hidden.is_some() || attrs.style.is_some() {
        return false;
    }
    holds_a_sentence(node)
        && node
            .prev_siblings()
            .filter(|s| s.value().is_element())
            .take(PARAGRAPH_SIBLINGS)
            .any(|s| {
                s.value().as_element().is_some_and(|e| {
                    e.name() == "p"
                        && e.attr("aria-hidden") != Some("true")
                        && e.attr("style").is_none()
                }) && holds_a_sentence(s)
            })
}

/// How many siblings before a `<p>` hidden from screen readers are looked at for a paragraph.
const PARAGRAPH_SIBLINGS: usize = 12;

/// Whether an id names a segment of a page rendered as a stream (React's `S:` followed by the
/// segment's number, "S:1f"): the server sends the late parts of the page hidden at its end, and a
/// script moves each into its placeholder. They are the page as it shows, often its article.
fn is_streamed_segment(id: &str) -> bool {
    id.strip_prefix("S:")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Words a heading's in-page link needs to be read as the heading's text.
const HEADING_LINK_WORDS: usize = 4;

/// What an inline style hiding an element (`display:none`, `visibility:hidden`) does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Styles {
    /// The element is hidden, as the page first shows it.
    Hide,
    /// The element is read: for a page that hides all its text until a script shows it (a
    /// wrapper around the whole page kept hidden until its fonts or scripts load).
    Ignore,
}

/// What a page's structured data (JSON-LD or microdata) declares it to be, as the reading of
/// its elements needs it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Declared {
    /// A discussion (a forum's thread): the replies its software names comments are its posts,
    /// its text, not readers' comments beside an article.
    pub discussion: bool,
    /// A question with its answers (a `QAPage`): when its markup names no element an answer,
    /// the replies it names comments are its answers (a forum's software calling every reply a
    /// comment); when it does, its comments are the lines under each post.
    pub question: bool,
    /// Its subject typed an article or a product: what follows that subject in its `<main>` is
    /// not its text.
    pub typed_subject: bool,
}

/// Flattens a parsed page, with what its elements say of others (`marked`, read off `doc`).
pub(crate) fn flatten<'a>(
    doc: &'a Html,
    styles: Styles,
    declared: Declared,
    marked: &Marked<'_>,
) -> Flat<'a> {
    // An element a node at most: room for all, not grown (and copied) element by element.
    let mut els = Vec::with_capacity(doc.tree.values().len());
    els.push(El {
        tag: "#document",
        parent: ROOT,
        chars: 0,
        link_chars: 0,
        chrome: Chrome::Neutral,
        invisible: false,
        para_chars: 0,
        has_block_child: false,
        class: "",
        comments: false,
        reviews: false,
        main: false,
    });
    let mut blocks = Vec::new();
    // Open elements: (index, total chars, link chars and paragraph chars at open, whether a link,
    // whether it holds a block of its own).
    let mut stack: Vec<(usize, u32, u32, u32, bool, bool)> = vec![(ROOT, 0, 0, 0, false, false)];
    let mut block_stack: Vec<usize> = vec![ROOT];
    let mut invisible_depth = 0usize;
    // Of the invisible elements open, those only an inline style hides, and the text in them.
    let mut styled_depth = 0usize;
    let mut styled = Vec::new();
    let mut styled_away = 0u32;
    let mut link_depth = 0usize;
    let (mut total, mut total_link) = (0u32, 0u32);
    let mut buf = Buf::default();
    let mut chrome_cache: foldhash::HashMap<(&str, &str), (Chrome, bool)> =
        foldhash::HashMap::default();

    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let tag = e.name();
                    let parent = stack.last().map_or(ROOT, |s| s.0);
                    let attrs = Attrs::of(e);
                    let summary_link = tag == "a" && is_summary_link(node, &attrs);
                    let invisible = is_invisible_tag(tag)
                        || is_hidden(tag, &attrs, styles, marked)
                            && !(tag == "p" && goes_on_from_the_paragraphs(node, &attrs))
                            && !summary_link;
                    let by_style = invisible
                        && styles == Styles::Hide
                        && !is_invisible_tag(tag)
                        && !is_hidden(tag, &attrs, Styles::Ignore, marked);
                    // Class lists repeat across a page; ids do not, so only id-less ones are cached.
                    // With it, whether the names call it a thread of reviews.
                    let (chrome, reviews) =
                        match (attrs.class, attrs.id, attrs.role, attrs.itemprop) {
                            (Some(class), None, None, None) => {
                                *chrome_cache.entry((tag, class)).or_insert_with(|| {
                                    (
                                        patterns::classify(tag, &attrs),
                                        patterns::names_reviews(&attrs),
                                    )
                                })
                            }
                            _ => (
                                patterns::classify(tag, &attrs),
                                patterns::names_reviews(&attrs),
                            ),
                        };
                    // On a page that declares itself a discussion, or a question whose markup
                    // names no answer, the replies named comments are its posts: named so,
                    // nothing else is said of them.
                    let named_comments = matches!(chrome, Chrome::Strong | Chrome::Mixed)
                        && patterns::names_comments(&attrs);
                    let replies_are_posts =
                        declared.discussion || declared.question && !marked.names_answers;
                    let chrome = if replies_are_posts && named_comments {
                        Chrome::Neutral
                    } else {
                        chrome
                    };
                    let idx = els.len();
                    els.push(El {
                        tag,
                        parent,
                        chars: 0,
                        link_chars: 0,
                        chrome,
                        invisible,
                        para_chars: 0,
                        has_block_child: false,
                        class: attrs.class.unwrap_or(""),
                        comments: chrome == Chrome::Strong && named_comments,
                        reviews,
                        main: is_main_landmark(tag, &attrs),
                    });
                    // A card's summary linked again for the mouse is the card's text.
                    let link = !summary_link && is_link(node, tag, &attrs);
                    let block = is_block(tag);
                    let holds_block = block && !matches!(tag, "br" | "hr");
                    stack.push((
                        idx,
                        total,
                        total_link,
                        blocks_para(&blocks),
                        link,
                        holds_block,
                    ));
                    if invisible {
                        invisible_depth += 1;
                    }
                    if by_style {
                        styled_depth += 1;
                    }
                    styled.push(by_style);
                    if link {
                        link_depth += 1;
                    }
                    if block {
                        let holder = block_stack.last().copied().unwrap_or(ROOT);
                        buf.flush(holder, &mut blocks);
                        if holds_block {
                            els[holder].has_block_child = true;
                            block_stack.push(idx);
                        }
                    } else if tag == "img" && invisible_depth == 0 {
                        // An image separates words on either side of it.
                        buf.space();
                    }
                }
                // Text only inline styles hide: counted, not read.
                Node::Text(t) if invisible_depth > 0 && invisible_depth == styled_depth => {
                    styled_away += t
                        .chars()
                        .filter(|&c| !c.is_whitespace() && !is_invisible(c))
                        .map(char_weight)
                        .sum::<u32>();
                }
                Node::Text(t) if invisible_depth == 0 => {
                    let chars = buf.push(t, link_depth > 0);
                    total += chars;
                    if link_depth > 0 {
                        total_link += chars;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if !node.value().is_element() {
                    continue;
                }
                let Some((idx, at_open, link_at_open, para_at_open, link, holds_block)) =
                    stack.pop()
                else {
                    continue;
                };
                if holds_block {
                    buf.flush(idx, &mut blocks);
                }
                els[idx].chars = total - at_open;
                els[idx].link_chars = total_link - link_at_open;
                els[idx].para_chars = blocks_para(&blocks) - para_at_open;
                if els[idx].invisible {
                    invisible_depth = invisible_depth.saturating_sub(1);
                }
                if styled.get(idx - 1).copied().unwrap_or(false) {
                    styled_depth = styled_depth.saturating_sub(1);
                }
                if link {
                    link_depth = link_depth.saturating_sub(1);
                }
                if holds_block {
                    block_stack.pop();
                }
            }
        }
    }
    buf.flush(ROOT, &mut blocks);
    els[ROOT].chars = total;
    els[ROOT].link_chars = total_link;
    els[ROOT].para_chars = blocks_para(&blocks);
    Flat {
        els,
        blocks,
        styled_away,
        links_as_text: false,
        declared,
    }
}

/// What one visible character counts towards a text's length. A Chinese, Japanese or Korean
/// character carries about what three Latin letters do (two of them make a word, as the text
/// stage counts): counted as three, so that every length limit here reads a Japanese paragraph
/// as long as an English one saying as much.
pub(crate) fn char_weight(c: char) -> u32 {
    if crate::text::is_cjk(c) {
        3
    } else {
        1
    }
}

/// Blocks shorter than this (visible characters) are not paragraphs.
pub(crate) const MIN_PARAGRAPH: u32 = 25;

/// Whether a block reads as a paragraph: long enough, and not mostly links.
pub(crate) fn is_paragraph_block(b: &Block) -> bool {
    b.chars >= MIN_PARAGRAPH && b.link_chars * 2 <= b.chars
}

/// Running total of paragraph characters over the blocks so far.
fn blocks_para(blocks: &[Block]) -> u32 {
    blocks.last().map_or(0, |b| b.para_total)
}

/// A byte-order mark left inside the page (a template's included file opens with one): it shows
/// nothing, and read as text a block of nothing else would be kept and a sentence would open
/// with it.
fn is_invisible(c: char) -> bool {
    c == '\u{feff}'
}

/// A zero-width space, joiner or word joiner: it stays in the text (it parts or binds what is
/// on either side of it: a long word's break, an emoji's sequence) but shows nothing, so a block
/// of nothing else is none (a theme's `<p>&zwj;</p>` spacing its paragraphs).
fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}')
}

/// The text of the block being gathered.
#[derive(Default)]
struct Buf {
    text: String,
    chars: u32,
    link_chars: u32,
    commas: u32,
}

impl Buf {
    /// Appends text, collapsing white space; returns the visible characters added.
    fn push(&mut self, s: &str, in_link: bool) -> u32 {
        let mut added: u32 = 0;
        let bytes = s.as_bytes();
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            // A run of visible ASCII is copied whole: each of its characters counts one, and
            // none is invisible or white space.
            if b.is_ascii() {
                // Runs are read eight bytes at a time while eight are left, the rest one by one.
                if crate::text::is_ascii_white_space(b) {
                    // The rest of a run of white space adds nothing to the one space.
                    self.space();
                    while let Some(&eight) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
                        let run = crate::text::ascii_white_space_run(u64::from_le_bytes(eight));
                        at += run;
                        if run < 8 {
                            break;
                        }
                    }
                    while bytes
                        .get(at)
                        .is_some_and(|&b| crate::text::is_ascii_white_space(b))
                    {
                        at += 1;
                    }
                    continue;
                }
                let from = at;
                while let Some(&eight) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
                    let (run, commas) = crate::text::visible_ascii_run(u64::from_le_bytes(eight));
                    self.commas += commas;
                    at += run;
                    if run < 8 {
                        break;
                    }
                }
                while let Some(&b) = bytes.get(at) {
                    if !b.is_ascii() || crate::text::is_ascii_white_space(b) {
                        break;
                    }
                    if b == b',' {
                        self.commas += 1;
                    }
                    at += 1;
                }
                self.text.push_str(s.get(from..at).unwrap_or_default());
                added = added.saturating_add(u32::try_from(at - from).unwrap_or(u32::MAX));
                continue;
            }
            let Some(c) = s.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            at += c.len_utf8();
            added += self.push_char(c);
        }
        self.count(added, in_link);
        added
    }

    /// Appends one character as [`Buf::push`] reads it (an invisible one is dropped, white space
    /// collapses); returns the visible characters it counts.
    fn push_char(&mut self, c: char) -> u32 {
        if is_invisible(c) {
            return 0;
        }
        if is_zero_width(c) {
            self.text.push(c);
            return 0;
        }
        if c.is_whitespace() {
            self.space();
            return 0;
        }
        self.text.push(c);
        if matches!(c, ',' | '，' | '、' | '،') {
            self.commas += 1;
        }
        char_weight(c)
    }

    /// Counts `added` visible characters, in a link or not.
    fn count(&mut self, added: u32, in_link: bool) {
        self.chars += added;
        if in_link {
            self.link_chars += added;
        }
    }

    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }

    fn flush(&mut self, owner: usize, blocks: &mut Vec<Block>) {
        if self.chars > 0 {
            let text = self.text.trim_end().to_string();
            let mut block = Block {
                owner,
                text,
                chars: self.chars,
                link_chars: self.link_chars,
                commas: self.commas,
                para_total: blocks_para(blocks),
            };
            if is_paragraph_block(&block) {
                block.para_total += block.chars;
            }
            blocks.push(block);
        }
        self.text.clear();
        self.chars = 0;
        self.link_chars = 0;
        self.commas = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::Buf;

    /// What [`Buf::push`] does, one character at a time.
    fn push_plain(buf: &mut Buf, s: &str, in_link: bool) -> u32 {
        let added = s.chars().map(|c| buf.push_char(c)).sum();
        buf.count(added, in_link);
        added
    }

    /// Texts of every mix of white space, commas, ASCII and other characters, pushed in pieces:
    /// the runs read eight bytes at a time gather what one character at a time does.
    #[test]
    fn push_gathers_what_pushing_characters_one_by_one_does() {
        let pieces = [
            " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", ",", ",,", "a", "word", "Zz9", "\u{7f}",
            "\u{1f}", "é", "北", "，", "、", "\u{a0}", "\u{3000}", "\u{feff}", "\u{200b}",
        ];
        let mut below = crate::testing::below(crate::testing::SEED);
        for _ in 0..3000 {
            let (mut fast, mut plain) = (Buf::default(), Buf::default());
            for _ in 0..below(4) {
                let mut text = String::new();
                for _ in 0..below(30) {
                    text.push_str(pieces[below(pieces.len())]);
                }
                let in_link = below(2) == 0;
                assert_eq!(
                    fast.push(&text, in_link),
                    push_plain(&mut plain, &text, in_link),
                    "{text:?}"
                );
                assert_eq!(fast.text, plain.text, "{text:?}");
                assert_eq!(
                    (fast.chars, fast.link_chars, fast.commas),
                    (plain.chars, plain.link_chars, plain.commas),
                    "{text:?}"
                );
            }
        }
    }
}
