//! Finds the article in a page: scores the containers of paragraph-like text (more text, more
//! commas, fewer links), takes the best with its like siblings, and keeps its blocks minus chrome.

use super::dom::{is_heading, is_paragraph_block, Block, El, Flat, ROOT};
use super::patterns::{self, Chrome};

/// Share of a page's paragraphs under which chosen containers leave text elsewhere.
const CHOSEN_PROSE_SHARE: f32 = 1.0 / 3.0;
/// Share of the paragraphs of a page's `<main>` (those before the chosen containers and theirs)
/// under which the chosen containers leave the opening of the page's text before them.
const MAIN_PROSE_SHARE: f32 = 2.0 / 3.0;
/// Below this many characters a result is taken as a miss, and extraction retries more leniently.
pub(crate) const MIN_RESULT: u32 = 250;
/// Characters from which the strict pass's result in an element named the article is a short
/// post: kept when the lenient pass reads elsewhere or finds under [`MIN_RESULT`] too.
const MIN_SHORT_POST: u32 = 100;
/// Share of a page's paragraph characters under which the strict pass's result may have missed
/// an article hidden by its names (see [`main_blocks`]).
const STRICT_PROSE_SHARE: f32 = 0.25;
/// Share of a page's paragraph characters in elements named weak chrome from which the names
/// are taken to say how the page is built, not what is chrome.
const WEAK_PROSE_SHARE: f32 = 0.6;
/// Share of its text in links from which a page's container, read with its links as text, is a
/// listing of links.
const LISTING_LINK_SHARE: f32 = 0.5;
/// How many times the text found by its prose a page's listing holds to be read in its place.
const LISTING_OVER: f32 = 3.0;
/// Characters of a block that closes as a sentence from which it is a paragraph of prose: the
/// text found by its prose that holds one is an article, however short, and no listing beside
/// it is read in its place.
const LISTING_SENTENCE: u32 = 80;
/// Share of a list's text in links from which it is a menu, when a page is read with its links
/// as text.
const MENU_LINK_SHARE: f32 = 0.9;
/// Blocks this long (visible characters) are prose even when mostly links.
const LONG_BLOCK: u32 = 150;
/// A candidate scoring this share of the best, near it in the tree, holds more of the article.
const COUSIN_SHARE: f32 = 0.7;
/// The same for a candidate of the best one's class.
const SAME_CLASS_COUSIN_SHARE: f32 = 0.2;
/// How far above the best candidate such a neighbour may meet it.
const COUSIN_LEVELS: usize = 3;
/// How far above the best candidate a neighbour of its class may meet it (each part of an
/// article in wrappers of its own).
const SAME_CLASS_COUSIN_LEVELS: usize = 4;
/// Paragraph characters an element named both chrome and content needs to count as content.
const MIXED_MIN_PARAGRAPHS: u32 = 400;
/// Paragraph characters a `<details>` element so named (`collapsible`: folded, and so chrome
/// when it is only a link) needs, or a box whose class names a folded panel (an accordion's
/// section, a tab's pane): a panel the page folds, natively or by script, that holds one
/// paragraph is one of the article's sections (its conclusion, one FAQ's answer).
const DETAILS_MIN_PARAGRAPHS: u32 = 80;
/// How many levels above the chosen container a thread's unit may be.
const REPEAT_LEVELS: usize = 4;
/// Share of the best score an item built like the chosen container needs to be taken with it.
const ALIKE_SHARE: f32 = 0.5;
/// How many levels above the chosen container items built like it may meet it.
const ALIKE_LEVELS: usize = 7;
/// Levels of like tags and names that make two units of one template set at different depths.
const OFFSET_CHAIN: usize = 3;
/// How far above the best-scored unit an ancestor built like a candidate may stand.
const OFFSET_UNIT_LEVELS: usize = 2;
/// Near-best candidates looked at for units of one template at different depths.
const MAX_OFFSET_UNITS: usize = 64;
/// Siblings built like the chosen unit that make a thread (three units in all).
const MIN_REPEATS: usize = 2;
/// Paragraph characters outside a comment thread that holds most of a page's prose that make
/// an article beside it: the thread is then chrome, not the page's text.
const ARTICLE_BESIDE: u32 = 400;
/// Share of a box's paragraph characters that a post of [`MIN_SHORT_POST`] paragraph characters
/// or more, named the article and beside the box, holds at least to make the box chrome beside it.
const SHORT_POST_BESIDE: f32 = 0.1;
/// Share of a thread's text in paragraphs from which the comments in it are a forum's posts.
const THREAD_PROSE_SHARE: f32 = 0.75;
/// Share of a thread's text in links under which the comments in it may be a forum's posts.
const THREAD_LINK_SHARE: f32 = 0.15;
/// Share of a page's text from which a thread of customer reviews outweighs the product's
/// description (see [`reviews_beside_product`]).
const REVIEWS_SHARE: f32 = 0.3;

/// How far above an item or cell its list or table may be (a cell's row, a row's body), and how
/// far above a list set in a table's cell that table may be.
const LIST_LEVELS: usize = 4;
/// The share of a list's text in links above which the list is links only, wherever it is.
const LIST_LINK_SHARE: f32 = 0.8;
/// How far above a paragraph an element may be and still stand among the article's paragraphs.
const PROSE_LEVELS: usize = 3;

/// How many levels above the container an article's header with a standfirst may stand beside.
const HEADER_LEVELS: usize = 2;
/// How many levels above the container a header may stand whose standfirst is named so, or is a
/// `<p>` right under the headline: a notice of two sentences there ("You are using an old
/// browser. Please update it.") is no lead, as it is nearer the container.
const NAMED_HEADER_LEVELS: usize = 4;
/// How many levels above the container a header may stand whose standfirst is named so: an
/// article's header beside a body wrapped in a row, a column and a box around its text. A `<p>`
/// under a headline that far up is a landing page's tagline as often.
const NAMED_LEAD_LEVELS: usize = 5;
/// Text blocks an article's header holds at most (kicker, headline, byline, date, standfirst).
const HEADER_BLOCKS: usize = 5;
/// Text blocks an article's header holds at most when its standfirst is named so: a header that
/// also holds the lead image with its caption and credit, the byline, the date and a bar of
/// buttons ("Anhören", "Teilen"). Only the name tells the lead among that many.
const NAMED_LEAD_HEADER_BLOCKS: usize = 12;
/// Words from which an `<h2>` right after the headline is its standfirst set as a subheading (a
/// news site's dek); a section title or a kicker is shorter. In scripts written without spaces,
/// two characters count as a word.
const DEK_WORDS: usize = 12;
/// Words from which a dek right after the headline (an `<h2>`, a `<p>`) is its standfirst when
/// its class names it one (`data/lead_names.txt`: "deck", "standfirst", "summary"): the name tells
/// it from a section title, so a news site's short dek is enough ("Phones and tablets targeted in
/// a new suit.").
const NAMED_DEK_WORDS: usize = 8;
/// Headlines (`<h1>`) read for a dek after them, the first in the page: an article has one or
/// two, and each is checked against every block of the body.
const DEK_HEADLINES: usize = 8;
/// Visible characters from which one sentence in an article's header is its standfirst: a kicker
/// or a date line is shorter. Counted in characters, not words, so that scripts written without
/// spaces are measured alike (sixty characters are about twelve English words).
const ONE_SENTENCE_LEAD: u32 = 60;

/// How many levels above the chosen container a description in a header box may be.
const DESCRIPTION_LEVELS: usize = 4;
/// Visible characters from which one sentence in a header box is a description.
const ONE_SENTENCE_DESCRIPTION: u32 = 100;

/// Items a list of an article's key points has at most.
const SUMMARY_ITEMS: usize = 6;

/// Share of the best score an ancestor holding [`ANCESTOR_PROSE`] times its prose needs to be
/// taken instead.
const ANCESTOR_SHARE: f32 = 0.8;
/// How many times the best-scored element's paragraph characters such an ancestor holds.
const ANCESTOR_PROSE: u32 = 2;

/// Characters of a `<pre>` block per comma it counts at most (see [`choose_containers`]).
const CODE_CHARS_PER_COMMA: u32 = 100;
/// Characters from which a heading of two sentences or more reads as a paragraph.
const HEADING_PROSE: u32 = 200;

/// Share of a list's score an element named the article around it needs to stand for it.
const LIST_ARTICLE_SHARE: f32 = 0.45;

/// Share of a sibling's text in paragraphs from which, built like the chosen container, it is
/// the article's continuation.
const CONTINUATION_PROSE_SHARE: u32 = 80;
/// Paragraph characters such a continuation holds at least.
const MIN_CONTINUATION: u32 = 80;
/// Items of a list read back to find the sentence introducing it.
const MAX_INTRODUCED_ITEMS: usize = 100;
/// Wrappers a table of data may stand in below the element holding the article's paragraphs (a
/// page builder's embed box and a scrolling box around the table).
const TABLE_WRAPPERS: usize = 2;
/// Percent of a continuation's text in paragraphs when its name says chrome, if only a name its
/// container bears too (a page builder's "widget" on every part): nearly all of it, no caption,
/// byline or question beside them.
const NAMED_CONTINUATION_PROSE_SHARE: u32 = 95;
/// Share of a continuation's text in links, at most.
const CONTINUATION_LINK_SHARE: f32 = 0.25;
/// Share of its text in links up to which a list or table just before or after the article's
/// parts is part of it.
const ADJACENT_LINK_SHARE: f32 = 0.2;
/// Paragraphs a table just before or after the article's parts holds at least to be part of it.
const ADJACENT_TABLE_PARAGRAPHS: usize = 2;
/// Share of a box's text its tables hold for the box to be read as a table between the
/// article's parts.
const TABLE_BOX_SHARE: f32 = 0.75;

/// How far above a block of links the item of a grid it names may be (its heading, its link,
/// and a shop theme's boxes around them: a wrapper, a card, its content, its information).
const ITEM_LEVELS: usize = 7;
/// Visible characters an item of a grid holds at most (a name, a price, a line or two of
/// features); a part of an article built like the next is longer.
const MAX_ITEM: u32 = 500;
/// A parent's children looked at for an item's like siblings: a grid's items follow one another.
const GRID_SIBLINGS: usize = 100;

/// Rows of label and value a table holds at least to be a page's data sheet (see
/// [`choose_data_sheet`]).
const DATA_SHEET_ROWS: usize = 3;

/// Characters outside links that make a block with links more than a link.
const DESCRIBED_CHARS: u32 = 15;

/// Words a linked paragraph needs to read as a sentence rather than a label (in scripts written
/// without spaces, two characters count as a word).
pub(crate) const SENTENCE_WORDS: usize = 6;

/// Visible characters of the largest box read as a consent notice ([`consent_boxes`]): a
/// notice and its buttons run to a few paragraphs; a box of more holds the page's text too.
const MAX_CONSENT_BOX: u32 = 2_000;

/// Elements named article content looked at beside a sidebar (nested wrappers all count).
const MAX_NAMED_ARTICLES: usize = 32;

/// A block chosen as article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MainBlock {
    /// The text.
    pub text: String,
    /// Whether it is a heading (`h1` to `h6`).
    pub heading: bool,
}

/// The article's blocks in reading order: first leaving out all that the page names chrome,
/// then, when that leaves too little, only what is surely chrome. A page whose names call most
/// of its prose chrome (a site builder's "widget" boxes around each part, the article's too),
/// where leaving that out keeps under [`STRICT_PROSE_SHARE`] of its prose, is read leniently
/// when that finds more: its names say how it is built, not what is chrome. A post the strict
/// pass finds in an element named the article stays, however short, when the lenient pass
/// reads elsewhere (see [`reads_elsewhere`]).
pub(crate) fn main_blocks(flat: &Flat<'_>, title: Option<&str>) -> Vec<MainBlock> {
    // Copies of a part laid out for another screen, left out in every pass.
    let copies = super::variants::screen_variants(flat);
    let mut reading = read_by_prose(flat, title, &copies);
    // A page of several articles one after another (an endless scroll's next stories): the
    // one under the page's title is its article, however long the others.
    if let Some(article) = reading
        .as_ref()
        .and_then(|read| article_under_the_title(flat, title?, read.top))
    {
        let mut others = vec![true; flat.els.len()];
        for a in flat.up_from(article).chain(flat.descendants(article)) {
            others[a] = copies[a];
        }
        others[ROOT] = copies[ROOT];
        if let Some(read) = read_by_prose(flat, title, &others) {
            reading = Some(read);
        }
    }
    if let Some(mut read) = reading {
        if let Some(listing) = listing_instead(flat, title, &read.blocks, &copies) {
            return listing;
        }
        // A description set in a header box is added once the reading is settled: it decides
        // neither the pass nor the listing.
        if choose_described_header(flat, &mut read.dropped, read.top, &mut read.containers) {
            return collect(flat, &read.dropped, &read.containers, title);
        }
        return read.blocks;
    }
    // No container stands out: keep every block that is not chrome.
    let dropped_all = dropped(flat, Strictness::Lenient, &copies);
    let all = vec![true; flat.els.len()];
    let everything = collect(flat, &dropped_all, &all, title);
    // Unless the page's text is mostly links (a listing of cards, each one link around a title
    // and its description; a board of linked titles): read with its links as text, its
    // container holds more than all its text outside links, and mostly links.
    match read_as_listing(flat, title, &copies) {
        Some((blocks, chars)) if chars > weighted_chars(&everything) => blocks,
        _ => everything,
    }
}

/// A page read by its prose: the blocks kept, and what chose them.
struct Reading {
    /// The blocks kept.
    blocks: Vec<MainBlock>,
    /// The elements left out.
    dropped: Vec<bool>,
    /// The chosen containers.
    containers: Vec<bool>,
    /// The best-scored container.
    top: usize,
}

/// The blocks the strict pass keeps, or the lenient one (see [`main_blocks`]); `None` when
/// neither finds [`MIN_RESULT`] characters. `copies` are left out in both.
fn read_by_prose(flat: &Flat<'_>, title: Option<&str>, copies: &[bool]) -> Option<Reading> {
    let page_prose = flat.els.get(ROOT).map_or(0, |r| r.para_chars);
    let mut strict: Option<(Reading, u32)> = None;
    // A short post the strict pass finds in an element named the article: kept over a lenient
    // reading elsewhere (a blog's "about me" box beside a post of two sentences).
    let mut short_post: Option<Reading> = None;
    for strictness in [Strictness::Strict, Strictness::Lenient] {
        let mut dropped = dropped(flat, strictness, copies);
        let Some((containers, top)) = choose_containers(flat, &mut dropped) else {
            continue;
        };
        let containers = with_prose_elsewhere(flat, &dropped, containers);
        let blocks = collect(flat, &dropped, &containers, title);
        let chars = weighted_chars(&blocks);
        let read = Reading {
            blocks,
            dropped,
            containers,
            top,
        };
        if chars < MIN_RESULT {
            if strictness == Strictness::Strict
                && chars >= MIN_SHORT_POST
                && in_named_article(flat, top)
                && holds_the_prose_kept(flat, &read)
            {
                short_post = Some(read);
            }
            continue;
        }
        if let Some(post) = short_post.take() {
            if reads_elsewhere(flat, &post, &read) {
                return Some(post);
            }
        }
        match strict.take() {
            None if strictness == Strictness::Strict => {
                if chars as f32 >= STRICT_PROSE_SHARE * page_prose as f32
                    || !weak_names_hold_the_prose(flat)
                {
                    return Some(read);
                }
                strict = Some((read, chars));
            }
            Some((kept, kept_chars))
                if chars <= kept_chars || reads_elsewhere(flat, &kept, &read) =>
            {
                return Some(kept)
            }
            _ => return Some(read),
        }
    }
    strict.map(|(kept, _)| kept).or(short_post)
}

/// Headlines ([`MAX_HEADLINES`] at most) looked at for the article under a page's title.
const MAX_HEADLINES: usize = 16;
/// Letters and digits of a headline from which it is the page's title when the title holds
/// it (a site's name before or after the headline).
const MIN_TITLE_KEY: usize = 20;

/// The article under the page's title when the reading's best container `top` lies under
/// another headline: the nearest element around the `<h1>` that repeats the title holding
/// [`ARTICLE_BESIDE`] paragraph characters, when it holds no other `<h1>` and not `top`.
/// `None` when the page has one `<h1>` or none repeats the title, when `top` lies under the
/// title's or under none but the page's, or when the title's `<h1>` and another share their
/// nearest box of prose (a header's headline over a body with a heading of its own).
fn article_under_the_title(flat: &Flat<'_>, title: &str, top: usize) -> Option<usize> {
    let title = key(title);
    if title.is_empty() {
        return None;
    }
    let headlines: Vec<(usize, bool)> = flat
        .blocks
        .iter()
        .filter(|b| flat.els[b.owner].tag == "h1")
        .take(MAX_HEADLINES)
        .map(|b| {
            let k = key(&b.text);
            let is_title =
                k == title || k.chars().count() >= MIN_TITLE_KEY && title.contains(k.as_str());
            (b.owner, is_title)
        })
        .collect();
    if headlines.len() < 2 {
        return None;
    }
    let &(titled, _) = headlines.iter().find(|(_, is_title)| *is_title)?;
    let ends = subtree_ends(flat);
    let within = |el: usize, outer: usize| outer <= el && el <= ends[outer];
    // The nearest element around `top` that holds a headline: that headline's article.
    let top_article = flat
        .up_from(top)
        .find(|&a| headlines.iter().any(|&(h, _)| within(h, a)))?;
    if matches!(flat.els[top_article].tag, "body" | "html")
        || headlines
            .iter()
            .any(|&(h, is_title)| is_title && within(h, top_article))
    {
        return None;
    }
    let article = flat.up_from(titled).find(|&a| {
        flat.els[a].para_chars >= ARTICLE_BESIDE
            || headlines.iter().any(|&(h, _)| h != titled && within(h, a))
    })?;
    let holds_another = headlines
        .iter()
        .any(|&(h, _)| h != titled && within(h, article));
    (!holds_another && !within(top, article) && !matches!(flat.els[article].tag, "body" | "html"))
        .then_some(article)
}

/// Whether the lenient pass reads the page away from the strict pass's article: the strict
/// one's best container lies in an element named the article, the lenient one's in none, and
/// the lenient reading leaves the strict one's best container out, nor holds it in its own (a
/// blog's "about me" box in its sidebar).
fn reads_elsewhere(flat: &Flat<'_>, strict: &Reading, lenient: &Reading) -> bool {
    in_named_article(flat, strict.top)
        && !in_named_article(flat, lenient.top)
        && !lenient.containers[strict.top]
        && !flat.within(strict.top, lenient.top)
}

/// Whether a reading's containers hold half the paragraph characters its pass keeps or more:
/// what the pass leaves outside them is not more of the page's text than they hold.
fn holds_the_prose_kept(flat: &Flat<'_>, read: &Reading) -> bool {
    let (mut held, mut kept) = (0u32, 0u32);
    for b in &flat.blocks {
        if !read.dropped[b.owner] && is_paragraph_block(b) {
            kept += b.chars;
            if read.containers[b.owner] {
                held += b.chars;
            }
        }
    }
    held * 2 >= kept
}

/// Whether an element is, or lies in, one named the article (`entry-content`, `itemprop=articleBody`)
/// outside any named chrome: the page says its article is there, however short.
fn in_named_article(flat: &Flat<'_>, el: usize) -> bool {
    let mut up = el;
    let mut named = false;
    while up != ROOT {
        match flat.els[up].chrome {
            Chrome::Content => named = true,
            Chrome::Weak | Chrome::Strong | Chrome::Mixed => return false,
            Chrome::Neutral => {}
        }
        up = flat.els[up].parent;
    }
    named
}

/// A listing's items in place of the text found by its prose, when that text holds no paragraph
/// of prose (no block of [`LISTING_SENTENCE`] characters closing as a sentence: a shop's
/// headings and notes, a sign-in box; a line of the site's data policy, a consent notice left
/// in the page, is none and counts nothing), the page's paragraph-long blocks of links hold
/// [`LISTING_OVER`] times as much, and read with its links as text the page's container holds
/// that much too (a shop's grid of products, each a linked name and a price).
fn listing_instead(
    flat: &Flat<'_>,
    title: Option<&str>,
    blocks: &[MainBlock],
    copies: &[bool],
) -> Option<Vec<MainBlock>> {
    // A line of the site's data policy (a consent notice left in the page) is neither the
    // article's prose nor text the listing must outweigh. Most pages hold prose: their first
    // paragraph settles it, and only that paragraph is asked whether it is such a line.
    let prose = blocks.iter().any(|b| {
        text_weight(&b.text) >= LISTING_SENTENCE
            && b.text
                .trim_end()
                .ends_with(['.', '!', '?', '。', '！', '？'])
            && !is_data_policy_line(&b.text)
    });
    if prose {
        return None;
    }
    let chars: u32 = blocks
        .iter()
        .filter(|b| !is_data_policy_line(&b.text))
        .map(|b| text_weight(&b.text))
        .sum();
    let linked_paragraphs: u32 = flat
        .blocks
        .iter()
        .filter(|b| b.chars >= super::dom::MIN_PARAGRAPH && b.link_chars * 2 > b.chars)
        .map(|b| b.chars)
        .sum();
    if (linked_paragraphs as f32) < LISTING_OVER * chars as f32 {
        return None;
    }
    read_as_listing(flat, title, copies)
        .filter(|&(_, listed)| listed as f32 >= LISTING_OVER * chars as f32)
        .map(|(listing, _)| listing)
}

/// The page read with its links as text, menus' items left out, with its visible characters:
/// `None` when that finds under [`MIN_RESULT`] characters or a container not mostly links.
fn read_as_listing(
    flat: &Flat<'_>,
    title: Option<&str>,
    copies: &[bool],
) -> Option<(Vec<MainBlock>, u32)> {
    // The same elements and texts, only their links counted as text: the same copies.
    let linked = flat.links_as_text();
    let mut dropped_linked = dropped(&linked, Strictness::Lenient, copies);
    drop_menu_items(flat, &mut dropped_linked);
    let (containers, _) = choose_containers(&linked, &mut dropped_linked)?;
    let (mut held, mut held_links) = (0u32, 0u32);
    for b in &flat.blocks {
        if containers[b.owner] && !dropped_linked[b.owner] {
            held += b.chars;
            held_links += b.link_chars;
        }
    }
    let blocks = collect(&linked, &dropped_linked, &containers, title);
    let chars = weighted_chars(&blocks);
    (chars >= MIN_RESULT && held_links as f32 >= LISTING_LINK_SHARE * held as f32)
        .then_some((blocks, chars))
}

/// Leaves out the items of menus when a page is read with its links as text: an item shorter
/// than a paragraph that is nothing but a link, in a list of links only. A listing's items say
/// more than their link (a price, a description, a source) or are long titles.
fn drop_menu_items(flat: &Flat<'_>, dropped: &mut [bool]) {
    for i in 1..flat.els.len() {
        let el = &flat.els[i];
        if dropped[el.parent] {
            dropped[i] = true;
            continue;
        }
        if el.tag == "li"
            && el.chars < super::dom::MIN_PARAGRAPH
            && el.link_chars == el.chars
            && flat.link_density(el.parent) >= MENU_LINK_SHARE
        {
            dropped[i] = true;
        }
    }
}

/// Visible characters of blocks, as the length limits count them.
fn weighted_chars(blocks: &[MainBlock]) -> u32 {
    blocks.iter().map(|b| text_weight(&b.text)).sum()
}

/// Visible characters of a text, as the length limits count them.
fn text_weight(text: &str) -> u32 {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(super::dom::char_weight)
        .sum()
}

/// Words of a shown paragraph that must open a passage of the stated text for the paragraph to
/// be the stated text's (a teaser's paragraph, cut short, still opens with them).
const TEASED_WORDS: usize = 8;
/// Characters the text stated in the markup has at least to stand for the article.
const STATED_BODY: usize = 500;

/// A page that shows only the opening of its article (a paywall's teaser, the rest drawn by a
/// script) while its JSON-LD states the whole text (`articleBody`): the stated text is the
/// article, one block a line, when it is more than twice as long as what is shown, holds no
/// markup, and the shown paragraphs that open with [`TEASED_WORDS`] of its words in a row are
/// most of what is shown (the shown text is a part of it, not another text; a date line or a
/// notice beside it is not).
pub(crate) fn whole_when_teased(shown: Vec<String>, stated: Option<&str>) -> Vec<String> {
    let Some(stated) = stated.map(str::trim) else {
        return shown;
    };
    let shown_len: usize = shown.iter().map(String::len).sum();
    if stated.len() < STATED_BODY.max(2 * shown_len)
        || stated.contains("</")
        || holds_character_references(stated)
    {
        return shown;
    }
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let stated_words = format!(" {} ", words(stated).join(" "));
    let held: usize = shown
        .iter()
        .filter(|b| {
            let w = words(b);
            w.len() >= TEASED_WORDS
                && stated_words.contains(&format!(" {} ", w[..TEASED_WORDS].join(" ")))
        })
        .map(String::len)
        .sum();
    if held == 0 || 2 * held < shown_len {
        return shown;
    }
    stated
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// Whether a text holds HTML character references ("&amp;", "&ccedil;", "&#039;"): markup
/// escaped into a stated text (once or twice over), not the text itself.
fn holds_character_references(text: &str) -> bool {
    text.match_indices('&').any(|(at, _)| {
        let name: String = text[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
            .take(10)
            .collect();
        !name.is_empty() && text[at + 1 + name.len()..].starts_with(';')
    })
}

/// A page whose chosen containers hold under [`CHOSEN_PROSE_SHARE`] of its paragraphs, and that
/// names no element its article, is an old page laid out in tables and fonts whose text lies in
/// many places (a guide in several cells, a list of testimonials, one topic a box): every
/// paragraph outside chrome is its text too, with the short lines of the elements that hold
/// them. A page that names its article says where it is, and what lies outside is not its text,
/// but for the opening of its `<main>` (HTML's element for the page's own content): paragraphs
/// there before the chosen containers, when these hold under [`MAIN_PROSE_SHARE`] of those and
/// their own, are its text too (a product's description above the box of its details; what
/// follows the article in `<main>`, a biography or teasers, is not its opening). A page that
/// types no article and no product in its structured data (a service's page, a landing page)
/// sets its text in sections down its `<main>`, each styled apart: there, paragraphs after the
/// chosen containers are its text as well.
fn with_prose_elsewhere(flat: &Flat<'_>, dropped: &[bool], mut chosen: Vec<bool>) -> Vec<bool> {
    let named = flat
        .els
        .iter()
        .any(|e| e.chrome == Chrome::Content && e.para_chars >= ARTICLE_BESIDE);
    // On a page that names its article, only the opening of its `<main>` (see
    // [`main_around`]); elsewhere, the whole page.
    let (scope, share, first) = if named {
        match main_around(flat, &chosen) {
            Some(main) => (
                main,
                MAIN_PROSE_SHARE,
                flat.blocks.iter().position(|b| chosen[b.owner]),
            ),
            None => return chosen,
        }
    } else {
        (ROOT, CHOSEN_PROSE_SHARE, None)
    };
    let mut in_scope = vec![scope == ROOT; flat.els.len()];
    in_scope[scope] = true;
    for i in scope + 1..flat.els.len() {
        in_scope[i] = in_scope[i] || in_scope[flat.els[i].parent];
    }
    let first = first.unwrap_or(flat.blocks.len());
    let prose = |(i, b): &(usize, &Block)| {
        in_scope[b.owner]
            && !dropped[b.owner]
            && is_paragraph_block(b)
            && !link_heavy(flat, b)
            && (scope == ROOT || *i < first || chosen[b.owner] || !flat.declared.typed_subject)
    };
    let (mut kept, mut page) = (0u32, 0u32);
    for (_, b) in flat.blocks.iter().enumerate().filter(prose) {
        page += b.chars;
        if chosen[b.owner] {
            kept += b.chars;
        }
    }
    let held: u32 = flat
        .blocks
        .iter()
        .filter(|b| chosen[b.owner] && !dropped[b.owner])
        .map(|b| b.chars)
        .sum();
    if held < MIN_RESULT || kept as f32 >= share * page as f32 {
        return chosen;
    }
    let owners: Vec<usize> = flat
        .blocks
        .iter()
        .enumerate()
        .filter(prose)
        .map(|(_, b)| b.owner)
        .collect();
    for owner in owners {
        chosen[owner] = true;
    }
    chosen
}

/// The outermost `<main>` around a chosen container (or element of ARIA's `main` role, a shop's
/// `<div role="main">`): the page's own content, as HTML defines it. On a product's page its
/// description opens it, above the container of its details.
fn main_around(flat: &Flat<'_>, chosen: &[bool]) -> Option<usize> {
    let mut main = None;
    for i in (1..flat.els.len()).filter(|&i| chosen[i] && !chosen[flat.els[i].parent]) {
        let mut up = i;
        while up != ROOT {
            if flat.els[up].main && main.is_none_or(|m| flat.within(m, up)) {
                main = Some(up);
            }
            up = flat.els[up].parent;
        }
    }
    main
}

/// Whether the elements named weak chrome (outermost ones, none beside an element named the
/// article outside such chrome: a sidebar there is one) hold [`WEAK_PROSE_SHARE`] of the page's paragraph
/// characters or more.
fn weak_names_hold_the_prose(flat: &Flat<'_>) -> bool {
    let total_para = flat.els.get(ROOT).map_or(0, |r| r.para_chars);
    if total_para == 0 {
        return false;
    }
    // Elements named the article outside weak chrome: the one named so inside a widget is that
    // widget's text, and says nothing of the widget.
    let mut in_weak = vec![false; flat.els.len()];
    let mut named_articles = Vec::new();
    for (i, el) in flat.els.iter().enumerate().skip(1) {
        in_weak[i] = in_weak[el.parent] || el.chrome == Chrome::Weak;
        if !in_weak[i]
            && el.chrome == Chrome::Content
            && el.para_chars >= ARTICLE_BESIDE
            && named_articles.len() < MAX_NAMED_ARTICLES
        {
            named_articles.push(i);
        }
    }
    let mut inside = vec![false; flat.els.len()];
    let mut weak_para = 0u64;
    for (i, el) in flat.els.iter().enumerate().skip(1) {
        if inside[el.parent] || el.invisible {
            inside[i] = true;
            continue;
        }
        if el.chrome == Chrome::Weak
            && !named_articles
                .iter()
                .any(|&a| !flat.within(a, i) && !flat.within(i, a))
        {
            inside[i] = true;
            weak_para += u64::from(el.para_chars);
        }
    }
    weak_para as f32 >= WEAK_PROSE_SHARE * total_para as f32
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strictness {
    /// Drop everything the markup calls chrome.
    Strict,
    /// Drop only what is surely chrome.
    Lenient,
}

/// Which elements are left out, with their subtrees (`copies`: the copies of a part laid out
/// for another screen, [`super::variants::screen_variants`]).
fn dropped(flat: &Flat<'_>, strictness: Strictness, copies: &[bool]) -> Vec<bool> {
    let total = flat.els.get(ROOT).map_or(0, |r| r.chars);
    let total_para = flat.els.get(ROOT).map_or(0, |r| r.para_chars);
    // Whether an element holds one named as content (children come after their parents).
    let mut holds_content = vec![false; flat.els.len()];
    for (i, el) in flat.els.iter().enumerate().skip(1).rev() {
        if el.chrome == Chrome::Content || holds_content[i] {
            holds_content[el.parent] = true;
        }
    }
    // Elements named article content that hold prose, for chrome that holds more beside them
    // (a short post too: see `chrome_beside_article`).
    let named_articles: Vec<usize> = flat
        .els
        .iter()
        .enumerate()
        .filter(|(_, el)| el.chrome == Chrome::Content && el.para_chars >= MIN_SHORT_POST)
        .map(|(i, _)| i)
        .take(MAX_NAMED_ARTICLES)
        .collect();
    let mut dropped = vec![false; flat.els.len()];
    // Per element, the nearest element around it (or itself) named both ways and kept for its
    // paragraphs: its BEM elements are parts of it, judged with it.
    let mut kept_mixed = vec![ROOT; flat.els.len()];
    // Per element, whether it lies in a thread of comments that is the page's text (a forum's
    // thread): the comments in it, each named so, are its posts.
    let mut in_thread = vec![false; flat.els.len()];
    let consent = consent_boxes(flat);
    for (i, el) in flat.els.iter().enumerate().skip(1) {
        kept_mixed[i] = kept_mixed[el.parent];
        in_thread[i] = in_thread[el.parent];
        if dropped[el.parent] || el.invisible || consent[i] || copies[i] {
            dropped[i] = true;
            continue;
        }
        // An element holding most of the page's text, or most of its prose, is a wrapper
        // whatever its name says: a forum's thread, a page that is all comments. Not a thread
        // of comments beside an article (prose outside it, nothing named content in it): a
        // blog's comment thread longer than its post is not the page's text.
        let holds_most = el.chars as u64 * 10 >= total as u64 * 6
            || el.para_chars as u64 * 10 >= total_para as u64 * 6;
        let comments_beside_article = el.comments
            && !holds_content[i]
            && total_para.saturating_sub(el.para_chars) >= ARTICLE_BESIDE;
        // Nor a sidebar (a live feed, a column of teasers) beside an element named the article
        // that holds prose of its own: the page says where its article is. Unless the box holds
        // an element named the article that holds most of the page's prose itself (a theme's
        // box named a sidebar around its post, beside a list of teasers named posts; a `<p>`
        // named for its text is a paragraph, not an article: a blog's "about me" text in its
        // sidebar); a `<footer>`, an `<aside>`, a `<nav>` or a `<header>` is chrome by its tag
        // whatever it holds.
        let holds_the_article = || {
            !matches!(el.tag, "footer" | "aside" | "nav" | "header")
                && named_articles.iter().any(|&a| {
                    flat.within(a, i)
                        && flat.els[a].tag != "p"
                        && flat.els[a].para_chars >= ARTICLE_BESIDE
                        && flat.els[a].para_chars as u64 * 10 >= total_para as u64 * 6
                })
        };
        // The article beside: [`ARTICLE_BESIDE`] paragraph characters, or a short post of a
        // tenth of the box's prose at least (a blog's post of a few lines beside its sidebar's
        // longer "about me"; a cell or a teaser a hundredth of a forum's thread is none).
        let article_beside = |a: usize| {
            let prose = flat.els[a].para_chars;
            !flat.within(a, i)
                && !flat.within(i, a)
                && (prose >= ARTICLE_BESIDE
                    || prose as f32 >= SHORT_POST_BESIDE * el.para_chars as f32)
        };
        let chrome_beside_article = holds_most
            && matches!(el.chrome, Chrome::Weak | Chrome::Strong)
            && !holds_the_article()
            && named_articles.iter().any(|&a| article_beside(a));
        let wrapper = holds_most && !comments_beside_article && !chrome_beside_article
            || matches!(el.tag, "html" | "body");
        if wrapper
            && el.comments
            && is_a_thread_of_posts(el)
            && total_para.saturating_sub(el.para_chars) < MIN_SHORT_POST
        {
            in_thread[i] = true;
        }
        dropped[i] = !wrapper
            && (reviews_beside_product(flat, i, total, total_para)
                || match el.chrome {
                    Chrome::Strong => !(el.comments && in_thread[el.parent]),
                    // Named both ways: content when it holds real paragraphs, and so are
                    // the parts of such a box that bear its BEM block's name (a product's
                    // details box named a modal, and its `__paragraph`s one by one short);
                    // in a forum's thread, a post's text (`comment_text`), however short.
                    Chrome::Mixed => {
                        let min_paragraphs = if el.tag == "details"
                            || patterns::class_names_a_folded_panel(el.class)
                        {
                            DETAILS_MIN_PARAGRAPHS
                        } else {
                            MIXED_MIN_PARAGRAPHS
                        };
                        el.para_chars < min_paragraphs
                            && !is_bem_part_of(el.class, flat.els[kept_mixed[i]].class)
                            && !in_thread[el.parent]
                    }
                    Chrome::Weak => strictness == Strictness::Strict && !is_quotation(flat, i),
                    Chrome::Content | Chrome::Neutral => false,
                });
        if el.chrome == Chrome::Mixed && !dropped[i] {
            kept_mixed[i] = i;
        }
    }
    dropped
}

/// The boxes of a page that hold a notice asking consent to its cookies: around each block
/// opening as such a notice does (`data/consent_openings.txt`: "We use cookies …", "Wir
/// verwenden Cookies …"), the largest element below `<body>` of [`MAX_CONSENT_BOX`] characters
/// at most whose blocks that speak of cookies hold half its characters or more, whatever it is
/// named (a consent form's `…-text` box names no article). Left out in every pass, however much
/// of the page's prose it holds: a shop's page of a product's name, price and table of details
/// holds no paragraph but its consent form's, which would be read as its text. A short page's
/// wrapper around the notice and the article is no such box.
fn consent_boxes(flat: &Flat<'_>) -> Vec<bool> {
    let mut boxes = vec![false; flat.els.len()];
    for (at, b) in flat.blocks.iter().enumerate() {
        if !opens_a_consent_notice(&b.text) {
            continue;
        }
        let mut up = b.owner;
        let mut top = None;
        while up != ROOT
            && !matches!(flat.els[up].tag, "html" | "body")
            && flat.els[up].chars <= MAX_CONSENT_BOX
            && speaks_of_cookies_mostly(flat, at, up)
        {
            top = Some(up);
            up = flat.els[up].parent;
        }
        if let Some(top) = top {
            boxes[top] = true;
        }
    }
    boxes
}

/// Whether the blocks of `el` (which holds block `at`) that speak of cookies hold half its
/// characters or more. Its blocks run on both sides of `at` in document order.
fn speaks_of_cookies_mostly(flat: &Flat<'_>, at: usize, el: usize) -> bool {
    let inside = |b: &&Block| flat.within(b.owner, el);
    let before = flat.blocks[..at].iter().rev().take_while(inside);
    let after = flat.blocks[at..].iter().take_while(inside);
    let speaking: u32 = before
        .chain(after)
        .filter(|b| speaks_of_cookies(&b.text))
        .map(|b| b.chars)
        .sum();
    speaking * 2 >= flat.els[el].chars
}

/// Whether a text speaks of cookies (`word:` in `data/consent_openings.txt`).
fn speaks_of_cookies(text: &str) -> bool {
    holds_a_word(
        &parallax_text::lowercase(text),
        &crate::lexicon::CONSENT_WORDS,
    )
}

/// Whether a text is a site's line on its data policy: it speaks of cookies and of privacy,
/// consent or policy (`policy:` in `data/consent_openings.txt`), as no paragraph of a recipe
/// for cookies does.
fn is_data_policy_line(text: &str) -> bool {
    let lower = parallax_text::lowercase(text);
    holds_a_word(&lower, &crate::lexicon::CONSENT_WORDS)
        && holds_a_word(&lower, &crate::lexicon::DATA_POLICY_WORDS)
}

/// Whether a lowercased text holds one of `words` anywhere.
fn holds_a_word(lower: &str, words: &[&str]) -> bool {
    words.iter().any(|w| lower.contains(w))
}

/// Whether a block opens as a notice asking consent to cookies does, its words whole.
fn opens_a_consent_notice(text: &str) -> bool {
    let head = text.get(..64).unwrap_or(text);
    if head.is_ascii() {
        // Lowercasing ASCII lowers its letters and nothing else: the openings are compared
        // with the head itself, with no lowercased copy (most blocks open in ASCII).
        return crate::lexicon::CONSENT_OPENINGS
            .iter()
            .any(|&opening| opens_lowered(head.as_bytes(), opening.as_bytes()));
    }
    let lower = parallax_text::lowercase(head);
    crate::lexicon::CONSENT_OPENINGS.iter().any(|&opening| {
        lower
            .strip_prefix(opening)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })
}

/// Whether ASCII `head`, its letters lowered, opens with `opening` followed by no letter or
/// digit (what [`opens_a_consent_notice`] asks of its lowercase).
fn opens_lowered(head: &[u8], opening: &[u8]) -> bool {
    head.get(..opening.len()).is_some_and(|start| {
        start
            .iter()
            .zip(opening)
            .all(|(h, o)| h.to_ascii_lowercase() == *o)
    }) && !head
        .get(opening.len())
        .is_some_and(u8::is_ascii_alphanumeric)
}

/// Whether a thread of comments holding most of a page (and all but [`MIN_SHORT_POST`] of its
/// paragraph characters: no post of a blog beside it) is a forum's thread of posts: its text
/// [`THREAD_PROSE_SHARE`] paragraphs or more, and under [`THREAD_LINK_SHARE`] links. A blog's
/// comments under a picture or a short post are short lines ("Love this look!"), each with its
/// author's linked name and a permalink.
fn is_a_thread_of_posts(el: &super::dom::El<'_>) -> bool {
    el.para_chars as f32 >= THREAD_PROSE_SHARE * el.chars as f32
        && (el.link_chars as f32) < THREAD_LINK_SHARE * el.chars as f32
}

/// Whether a class names a BEM element of the block another class names or belongs to
/// (`details-modal__paragraph` in `details-modal` or in `details-modal__container`): a part of
/// that block, not a box of its own.
fn is_bem_part_of(class: &str, block: &str) -> bool {
    class.split_ascii_whitespace().any(|name| {
        name.split_once("__").is_some_and(|(owner, _)| {
            !owner.is_empty()
                && block
                    .split_ascii_whitespace()
                    .any(|b| b.split("__").next() == Some(owner))
        })
    })
}

/// Whether an element is a shop's thread of customer reviews beside its product's description:
/// named a thread of reviews (its parts' names may call them content), holding [`REVIEWS_SHARE`] of the
/// page's text or more, with [`ARTICLE_BESIDE`] paragraph characters outside it. Left in, the
/// thread outweighs the description and the product's lists. A few testimonials among a
/// service's sections, or a press quote or two, hold less, and are the page's text.
fn reviews_beside_product(flat: &Flat<'_>, i: usize, total: u32, total_para: u32) -> bool {
    let el = &flat.els[i];
    el.reviews
        && el.chars as f32 >= REVIEWS_SHARE * total as f32
        && total_para.saturating_sub(el.para_chars) >= ARTICLE_BESIDE
}

/// Whether an `<aside>` is a quotation: most of its text in a `<blockquote>`. A forum post
/// quoting another puts the quoted words (and "X wrote:") in one, inside the post; a sidebar
/// is not a quotation.
fn is_quotation(flat: &Flat<'_>, i: usize) -> bool {
    let el = &flat.els[i];
    el.tag == "aside"
        && el.chars > 0
        && flat
            .descendants(i)
            .any(|d| flat.els[d].tag == "blockquote" && flat.els[d].chars * 2 >= el.chars)
}

/// Whether a block is a heading only by its tag: an old page sets its paragraphs in `<h4>` for
/// their size, and a block of [`HEADING_PROSE`] characters or more closing its second sentence
/// or later, its words mostly in lowercase (a shop's banner shouts its offer in capitals), is
/// no title.
/// Beside the chosen container it is kept as a `<p>` would be, and it is read as a paragraph.
/// It votes for no container: alone on a page of headings and pictures (a shop's welcome set
/// in `<h4>`), one would outweigh all the page's other parts.
fn is_prose_heading(flat: &Flat<'_>, block: &Block) -> bool {
    is_heading(flat.els[block.owner].tag)
        && block.chars >= HEADING_PROSE
        && crate::text::ends_with_terminal(&block.text)
        && inner_sentence_ends(&block.text) >= 1
        && opens_in_lowercase_mostly(&block.text)
}

/// Whether more than half the words of a text that open with a letter open in lowercase, as
/// a paragraph's do; a banner's offer in capitals or in title case does not.
fn opens_in_lowercase_mostly(text: &str) -> bool {
    let (mut lower, mut cased) = (0usize, 0usize);
    for first in text.split_whitespace().filter_map(|w| w.chars().next()) {
        if first.is_lowercase() {
            lower += 1;
            cased += 1;
        } else if first.is_uppercase() {
            cased += 1;
        }
    }
    lower * 2 > cased
}

/// Tags whose block is a paragraph that votes for its parent, rather than text lying directly
/// in a container (which votes for the container itself).
fn is_paragraph(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "pre" | "td" | "blockquote" | "dd" | "li" | "font" | "span"
    )
}

/// A prior on each container kind, as readability has it.
fn tag_prior(tag: &str) -> f32 {
    match tag {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn chrome_prior(chrome: Chrome) -> f32 {
    match chrome {
        Chrome::Content => 25.0,
        Chrome::Weak | Chrome::Strong => -25.0,
        Chrome::Mixed => 0.0,
        Chrome::Neutral => 0.0,
    }
}

/// Marks the elements holding the article: the best-scored container and its like siblings.
/// A standfirst chosen in a `<header>` the strict pass drops is taken back out of `dropped`.
fn choose_containers(flat: &Flat<'_>, dropped: &mut [bool]) -> Option<(Vec<bool>, usize)> {
    let n = flat.els.len();
    let mut score = vec![0f32; n];
    let mut scored = vec![false; n];
    for block in &flat.blocks {
        let owner = block.owner;
        // Read with its links as text, a listing's headings are its cards' titles and vote,
        // and a line of the site's data policy does not.
        if dropped[owner]
            || !is_paragraph_block(block)
            || (is_heading(flat.els[owner].tag) && !flat.links_as_text)
            || (flat.links_as_text && is_data_policy_line(&block.text))
        {
            continue;
        }
        let o = &flat.els[owner];
        // Commas in code are its syntax, not the clauses of prose: a `<pre>` block counts one
        // a hundred characters at most, the rate of prose (a manual's one long listing would
        // otherwise outscore all its sections).
        let commas = if o.tag == "pre" {
            block.commas.min(block.chars / CODE_CHARS_PER_COMMA)
        } else {
            block.commas
        };
        let points = 1.0 + commas as f32 + (block.chars / 100).min(3) as f32;
        let mut el = if is_paragraph(o.tag) || !o.has_block_child {
            o.parent
        } else {
            owner
        };
        for level in 0..5 {
            if !scored[el] {
                scored[el] = true;
                score[el] = tag_prior(flat.els[el].tag) + chrome_prior(flat.els[el].chrome);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[el] += points / divider;
            if el == ROOT {
                break;
            }
            el = flat.els[el].parent;
        }
    }
    let described = described_links(flat);
    let final_score = |i: usize| {
        let e = &flat.els[i];
        let links = e.link_chars.saturating_sub(described[i]);
        score[i] * (1.0 - links as f32 / e.chars.max(1) as f32)
    };
    let mut candidates: Vec<usize> = (1..n)
        .filter(|&i| scored[i] && !dropped[i] && !matches!(flat.els[i].tag, "html"))
        .collect();
    candidates.sort_by(|&a, &b| final_score(b).total_cmp(&final_score(a)));
    let mut top = *candidates.first()?;
    let top_score = final_score(top);

    // When several near-best candidates share an ancestor, the article is split among them.
    let alternatives: Vec<usize> = candidates
        .iter()
        .skip(1)
        .take(4)
        .copied()
        .filter(|&c| {
            final_score(c) >= 0.75 * top_score && !flat.within(c, top) && !flat.within(top, c)
        })
        .collect();
    if alternatives.len() >= 3 {
        let mut ancestor = flat.els[top].parent;
        while ancestor != ROOT && flat.els[ancestor].tag != "body" {
            let holding = alternatives
                .iter()
                .filter(|&&c| flat.within(c, ancestor))
                .count();
            if holding >= 3 {
                top = ancestor;
                break;
            }
            ancestor = flat.els[ancestor].parent;
        }
    }
    // Climb while a scored parent keeps a good share of the score.
    let mut last = final_score(top);
    let threshold = last / 3.0;
    let mut parent = flat.els[top].parent;
    while parent != ROOT && flat.els[parent].tag != "body" {
        if !scored[parent] {
            parent = flat.els[parent].parent;
            continue;
        }
        let s = final_score(parent);
        if s < threshold {
            break;
        }
        if s > last {
            top = parent;
            break;
        }
        last = s;
        parent = flat.els[parent].parent;
    }
    // An ancestor scoring nearly as well that holds several times the prose is the article; the
    // best-scored element was one unit in it (a reader's comment under the post).
    let mut up = flat.els[top].parent;
    while up != ROOT && !matches!(flat.els[up].tag, "body" | "html") {
        if scored[up]
            && !dropped[up]
            && final_score(up) >= ANCESTOR_SHARE * final_score(top)
            && flat.els[up].para_chars >= ANCESTOR_PROSE * flat.els[top].para_chars
        {
            top = up;
        }
        up = flat.els[up].parent;
    }
    // A list scoring best inside an element named the article that scores nearly half as well
    // and holds prose of its own beside it is one part of that article (a gallery of captioned
    // slides in the article's body, a buyer's guide's products), not the article.
    if matches!(flat.els[top].tag, "ul" | "ol") {
        let mut up = flat.els[top].parent;
        while up != ROOT && !matches!(flat.els[up].tag, "body" | "html") {
            if scored[up]
                && !dropped[up]
                && flat.els[up].chrome == Chrome::Content
                && final_score(up) >= LIST_ARTICLE_SHARE * final_score(top)
                && flat.els[up].para_chars >= flat.els[top].para_chars + ARTICLE_BESIDE
            {
                top = up;
                break;
            }
            up = flat.els[up].parent;
        }
    }
    // The best-scored unit, before it stands for the parents it is the only child of.
    let unit = top;
    // A container that is its parent's only child stands for the parent.
    let mut children = vec![0u32; n];
    for el in flat.els.iter().skip(1) {
        children[el.parent] += 1;
    }
    while top != ROOT && flat.els[top].parent != ROOT && children[flat.els[top].parent] == 1 {
        let p = flat.els[top].parent;
        if matches!(flat.els[p].tag, "body" | "html") {
            break;
        }
        top = p;
    }

    let mut chosen = vec![false; n];
    chosen[top] = true;
    let parent = flat.els[top].parent;
    let top_final = final_score(top);
    let sibling_threshold = (top_final * 0.2).max(10.0);
    let paragraph_text = paragraph_texts(flat);
    let block_counts = subtree_blocks(flat);
    let mut prose_headings = vec![false; n];
    for b in flat.blocks.iter().filter(|b| is_prose_heading(flat, b)) {
        prose_headings[b.owner] = true;
    }
    // The element right after the container under its parent: where the rest of a post split
    // at its fold stands (a blog's `<div id="more">` after its body).
    let next_sibling = (top + 1..n).find(|&j| flat.els[j].parent == parent);
    for i in 1..n {
        if i == top || flat.els[i].parent != parent || top == ROOT {
            continue;
        }
        // A sibling left out only by a chrome name the container bears too (a page builder's
        // "widget" around each part of the article) is judged by what it holds, as a
        // continuation of the article.
        if dropped[i] {
            let el = &flat.els[i];
            if el.chrome == Chrome::Weak
                && el.para_chars * 100 >= el.chars * NAMED_CONTINUATION_PROSE_SHARE
                && !el.invisible
                && !dropped[parent]
                && super::patterns::weak_only_by_names_beside(el.tag, el.class, flat.els[top].class)
                && is_continuation(
                    flat,
                    &block_counts,
                    top,
                    i,
                    paragraph_text[i].is_some(),
                    next_sibling == Some(i),
                )
            {
                keep_but_strong_chrome(flat, dropped, i);
                chosen[i] = true;
            }
            continue;
        }
        if scored[i] && final_score(i) >= sibling_threshold {
            chosen[i] = true;
        } else if flat.els[i].tag == "p"
            || (!flat.els[i].has_block_child && flat.els[i].tag == "div")
            || i < top && wraps_one_paragraph(flat, i)
            || prose_headings[i]
        {
            // A `<p>`, a `<div>` holding only inline text, which reads as one, or before the
            // container a `<div>` holding only a `<p>` (a news template's first paragraph in a
            // box of its own above its `<div>` siblings), or a heading holding prose.
            let ld = flat.link_density(i);
            let chars = flat.els[i].chars;
            let ends_sentence = paragraph_text[i]
                .is_some_and(|t| t.ends_with(['.', '!', '?', '。', '」', '"', '”']));
            if (chars > 80 && ld < 0.25) || (chars > 0 && ld == 0.0 && ends_sentence) {
                chosen[i] = true;
            }
        } else if i < top
            && (is_standfirst(flat, &block_counts, i) || is_summary_list(flat, &block_counts, i))
            || is_continuation(
                flat,
                &block_counts,
                top,
                i,
                paragraph_text[i].is_some(),
                next_sibling == Some(i),
            )
        {
            chosen[i] = true;
        }
    }
    choose_between_parts(flat, dropped, top, &mut chosen);
    let column_score = |i: usize| (scored[i] && !dropped[i]).then(|| final_score(i));
    choose_column_cells(flat, top, sibling_threshold, column_score, &mut chosen);
    // An article split into several containers: near-best candidates close to the top one.
    let mut cousins = Vec::new();
    for &c in candidates.iter().take(16) {
        let same_class = shares_a_class(flat.els[top].class, flat.els[c].class);
        let share = if same_class {
            SAME_CLASS_COUSIN_SHARE
        } else {
            COUSIN_SHARE
        };
        if final_score(c) >= share * top_final
            && !flat.within(c, top)
            && !flat.within(top, c)
            && !dropped[c]
            && !matches!(flat.els[c].tag, "ul" | "ol" | "li")
            && common_ancestor_within(
                flat,
                top,
                c,
                if same_class {
                    SAME_CLASS_COUSIN_LEVELS
                } else {
                    COUSIN_LEVELS
                },
            )
        {
            chosen[c] = true;
            if same_class {
                cousins.push(c);
            }
        }
    }
    choose_cousins_of_one_build(flat, dropped, &candidates, top, &cousins, &mut chosen);
    choose_repeated_units(flat, dropped, top, &mut chosen);
    let near_best = candidates
        .iter()
        .take_while(|&&c| final_score(c) >= ALIKE_SHARE * top_score)
        .count();
    choose_alike_units(flat, dropped, &candidates, near_best, top, &mut chosen);
    choose_opening_unit(flat, dropped, &block_counts, top, &mut chosen);
    choose_offset_units(
        flat,
        dropped,
        &candidates,
        near_best,
        unit,
        top,
        &mut chosen,
    );
    choose_thread_opening(flat, dropped, top, &mut chosen);
    // The standfirsts chosen, said once however often the page sets its header.
    let mut said = foldhash::HashSet::default();
    choose_header_standfirst(flat, dropped, &block_counts, top, &mut chosen, &mut said);
    choose_headline_dek(flat, dropped, &block_counts, top, &mut chosen, &mut said);
    choose_header_sections(flat, dropped, top, &mut chosen);
    choose_data_sheet(flat, dropped, &mut chosen);
    choose_section_titles(flat, dropped, &mut chosen);
    // Everything inside a chosen element is chosen.
    for i in 1..n {
        if chosen[flat.els[i].parent] {
            chosen[i] = true;
        }
    }
    Some((chosen, top))
}

/// The table of a page's data sheet: its only table outside chrome whose rows, [`DATA_SHEET_ROWS`]
/// or more, each pair one header cell naming a property with one data cell giving its value
/// (`<tr><th>Weight</th><td>2 kg</td></tr>`) and whose text is mostly not links (a shop's
/// specifications below the product's description, set in a box of their own). A page of several
/// such tables holds them in its text when they are its own, or compares products elsewhere.
fn choose_data_sheet(flat: &Flat<'_>, dropped: &[bool], chosen: &mut [bool]) {
    let n = flat.els.len();
    // Per row: its header cells and its data cells holding text; other cells make it no pair.
    let mut headers = vec![0u8; n];
    let mut values = vec![0u8; n];
    let mut odd = vec![false; n];
    for el in flat.els.iter().skip(1) {
        let row = el.parent;
        if flat.els[row].tag != "tr" {
            continue;
        }
        match el.tag {
            "th" if el.chars > 0 => headers[row] = headers[row].saturating_add(1),
            "td" if el.chars > 0 => values[row] = values[row].saturating_add(1),
            _ => odd[row] = true,
        }
    }
    // Per table: its rows, and whether every one is a pair.
    let mut rows = vec![0usize; n];
    let mut paired = vec![true; n];
    for (i, el) in flat.els.iter().enumerate().skip(1) {
        if el.tag != "tr" {
            continue;
        }
        let mut table = el.parent;
        if matches!(flat.els[table].tag, "tbody" | "thead" | "tfoot") {
            table = flat.els[table].parent;
        }
        if flat.els[table].tag != "table" {
            continue;
        }
        rows[table] += 1;
        paired[table] &= headers[i] == 1 && values[i] == 1 && !odd[i];
    }
    let mut sheets = (1..n).filter(|&t| {
        rows[t] >= DATA_SHEET_ROWS
            && paired[t]
            && !dropped[t]
            && flat.link_density(t) <= ADJACENT_LINK_SHARE
    });
    if let (Some(sheet), None) = (sheets.next(), sheets.next()) {
        chosen[sheet] = true;
    }
}

/// Per element, the link characters of the blocks in its subtree that also say something of their
/// own: an item of a reading list or a shop's list ("<a>Portable drive</a> for $161.99 with free
/// shipping"), where a menu's items are links and nothing else.
fn described_links(flat: &Flat<'_>) -> Vec<u32> {
    let mut out = vec![0u32; flat.els.len()];
    for b in &flat.blocks {
        if own_chars(b) >= DESCRIBED_CHARS {
            out[b.owner] += b.link_chars;
        }
    }
    for i in (1..flat.els.len()).rev() {
        let add = out[i];
        out[flat.els[i].parent] += add;
    }
    out
}

/// The article runs from its first chosen part to its last: a list, a table or a quotation
/// standing between two of them, siblings under one parent, is part of it (the items of a list
/// between two runs of text, a shop's table of data between its description and its notes),
/// unless it is mostly links. A heading there is left to the scoring: Readability's pages drop
/// one between two parts. A list or table right before the first part or after the last is
/// part of it too when [`is_adjacent_part`] says so.
fn choose_between_parts(flat: &Flat<'_>, dropped: &[bool], top: usize, chosen: &mut [bool]) {
    if top == ROOT {
        return;
    }
    let Some((children, first, last)) = chosen_span(flat, flat.els[top].parent, chosen) else {
        return;
    };
    for &c in &children[first..last] {
        let el = &flat.els[c];
        if !chosen[c]
            && !dropped[c]
            && (matches!(el.tag, "ul" | "ol" | "dl" | "table" | "blockquote" | "pre")
                || holds_a_table_mostly(flat, c))
            && flat.link_density(c) <= 0.5
        {
            chosen[c] = true;
        }
    }
    // The sibling with text right before the first part and right after the last.
    let with_text = |c: usize| flat.els[c].chars > 0 && !dropped[c];
    let before = children[..first]
        .iter()
        .rev()
        .copied()
        .find(|&c| with_text(c));
    let after = children[last + 1..].iter().copied().find(|&c| with_text(c));
    for c in [before, after].into_iter().flatten() {
        if is_adjacent_part(flat, c) {
            chosen[c] = true;
        }
    }
}

/// Whether element `c` is a box around a table, the table of its children holding most of its
/// text (a `<div>` holding a table of figures and the lines naming it: "Districts:", "Tier 1").
fn holds_a_table_mostly(flat: &Flat<'_>, c: usize) -> bool {
    let el = &flat.els[c];
    if !matches!(el.tag, "div" | "section") || el.chars == 0 {
        return false;
    }
    let in_tables: u32 = flat
        .descendants(c)
        .filter(|&i| flat.els[i].parent == c && flat.els[i].tag == "table")
        .map(|i| flat.els[i].chars)
        .sum();
    in_tables as f32 >= TABLE_BOX_SHARE * el.chars as f32
}

/// Whether a list or table right before or after the article's parts belongs to it: nearly no
/// links (a shop's list of features, the ingredients over a recipe's steps, a closing list of
/// facts), a list's text all in its items (a widget lays out boxes of its own in them), and for
/// a table, paragraphs in two of its cells or more (a table of products with
/// their descriptions, not a footer's cell of copyright). Lists of further reading are links.
fn is_adjacent_part(flat: &Flat<'_>, c: usize) -> bool {
    let el = &flat.els[c];
    let list = matches!(el.tag, "ul" | "ol" | "dl")
        && flat
            .blocks
            .iter()
            .filter(|b| flat.within(b.owner, c))
            .all(|b| matches!(flat.els[b.owner].tag, "li" | "dt" | "dd"));
    let table = el.tag == "table"
        && flat
            .blocks
            .iter()
            .filter(|b| is_paragraph_block(b) && flat.within(b.owner, c))
            .nth(ADJACENT_TABLE_PARAGRAPHS - 1)
            .is_some();
    (list || table) && flat.link_density(c) <= ADJACENT_LINK_SHARE
}

/// An article laid out in a table, one row after another (the text, a picture, more text): a
/// cell in the chosen cell's column, in another row of its table, is read as a sibling of it,
/// and taken when it scores as a sibling must. Cells of other columns are the layout's
/// margins, left to the sibling rule of their own row.
fn choose_column_cells(
    flat: &Flat<'_>,
    top: usize,
    threshold: f32,
    score: impl Fn(usize) -> Option<f32>,
    chosen: &mut [bool],
) {
    if top == ROOT || flat.els[top].tag != "td" {
        return;
    }
    let row = flat.els[top].parent;
    let body = flat.els[row].parent;
    if flat.els[row].tag != "tr" || row == ROOT {
        return;
    }
    let cells = |r: usize| -> Vec<usize> {
        flat.descendants(r)
            .filter(|&i| flat.els[i].parent == r && matches!(flat.els[i].tag, "td" | "th"))
            .collect()
    };
    let Some(column) = cells(row).iter().position(|&c| c == top) else {
        return;
    };
    let rows: Vec<usize> = flat
        .descendants(body)
        .filter(|&i| i != row && flat.els[i].parent == body && flat.els[i].tag == "tr")
        .collect();
    for r in rows {
        if let Some(&cell) = cells(r).get(column) {
            if score(cell).is_some_and(|s| s >= threshold) && flat.link_density(cell) < 0.5 {
                chosen[cell] = true;
            }
        }
    }
}

/// A thread of posts (a forum's replies, a guest book) repeats one unit of markup: when the
/// chosen container, or one of its nearest ancestors, has at least [`MIN_REPEATS`] siblings
/// built like it that hold prose, every such sibling is chosen too. Two columns of a layout
/// are no thread, and link lists and chrome are left out.
fn choose_repeated_units(flat: &Flat<'_>, dropped: &[bool], top: usize, chosen: &mut [bool]) {
    let mut unit = top;
    for _ in 0..REPEAT_LEVELS {
        let parent = flat.els[unit].parent;
        if unit == ROOT || matches!(flat.els[parent].tag, "body" | "html") || parent == ROOT {
            return;
        }
        let tag = flat.els[unit].tag;
        // The parent's subtree is the run of elements after it whose parents lie within it.
        let like: Vec<usize> = flat
            .descendants(parent)
            .filter(|&i| {
                i != unit
                    && flat.els[i].parent == parent
                    && !dropped[i]
                    && flat.els[i].tag == flat.els[unit].tag
                    && (same_unit_class(flat.els[i].class, flat.els[unit].class)
                        || unnamed_rows(flat.els[i].class, flat.els[unit].class, tag))
                    && flat.els[i].para_chars >= super::dom::MIN_PARAGRAPH
                    && flat.link_density(i) < 0.5
            })
            .collect();
        if like.len() >= MIN_REPEATS {
            for i in like {
                chosen[i] = true;
            }
            return;
        }
        unit = parent;
    }
}

/// A page of several items built from one template (a page of news briefs, a shop's list of
/// products, an old forum's posts, each in a table of its own): when at least [`MIN_REPEATS`]
/// near-best candidates (the first `near_best` of `candidates`) lie outside the chosen
/// container, at its depth below the element where they meet it, along the same chain of tags
/// and class names (above the units, wrappers of one tag and first class name: see
/// [`wrapped_alike`]), each is an item like the chosen one. The units of a layout (a menu column
/// beside the text) are not built alike, and a teaser scores far below the article. Once such
/// items are found, the other units built alike that hold a paragraph and few links are items
/// too, however short: an article set in sections of one template, its short introduction
/// among them.
fn choose_alike_units(
    flat: &Flat<'_>,
    dropped: &[bool],
    candidates: &[usize],
    near_best: usize,
    top: usize,
    chosen: &mut [bool],
) {
    let alike_unit = |c: usize| unit_built_alike(flat, dropped, chosen, top, c);
    let mut alike = vec![false; flat.els.len()];
    let mut found = 0;
    for &c in candidates.iter().take(near_best) {
        if let Some(peer) = alike_unit(c).filter(|&p| !alike[p]) {
            alike[peer] = true;
            found += 1;
        }
    }
    if found < MIN_REPEATS {
        return;
    }
    for &c in candidates.iter().skip(near_best) {
        if let Some(peer) = alike_unit(c).filter(|&p| holds_a_paragraph_among_few_links(flat, p)) {
            alike[peer] = true;
        }
    }
    for (peer, is_alike) in alike.into_iter().enumerate() {
        chosen[peer] |= is_alike;
    }
}

/// The unit at the chosen container's depth that holds element `c`, when it is built like the
/// chosen container `top`: the same chain of tags and class names up to where the two meet,
/// within [`ALIKE_LEVELS`] (see [`choose_alike_units`]).
fn unit_built_alike(
    flat: &Flat<'_>,
    dropped: &[bool],
    chosen: &[bool],
    top: usize,
    c: usize,
) -> Option<usize> {
    if flat.within(c, top) || flat.within(top, c) || dropped[c] {
        return None;
    }
    let top_depth = flat.depth(top);
    let mut peer = c;
    let mut d = flat.depth(c);
    if d < top_depth {
        return None;
    }
    while d > top_depth {
        peer = flat.els[peer].parent;
        d -= 1;
    }
    if chosen[peer] || flat.link_density(peer) >= 0.5 {
        return None;
    }
    // Walk both chains up to where they meet, comparing them level by level.
    let (mut a, mut b) = (top, peer);
    let mut levels = 0;
    loop {
        if a == b {
            return (levels > 0).then_some(peer);
        }
        let (x, y) = (&flat.els[a], &flat.els[b]);
        let alike = built_alike(x, y) || levels > 0 && wrapped_alike(x, y);
        if !alike || levels == ALIKE_LEVELS {
            return None;
        }
        a = x.parent;
        b = y.parent;
        levels += 1;
    }
}

/// The article's opening set apart in a unit built like the chosen container (see
/// [`unit_built_alike`]), the nearest such before it with no paragraph between them: a page
/// builder's introduction in a box of its own above the box of the body. It is the article's
/// when, read as the container is (what the page builder names each of its boxes, the
/// container's own parts too, left in), two thirds of it are paragraphs, one at least. The
/// container must bear a class name: unnamed boxes are all built alike (a blog's header of its
/// name and tagline above an unnamed post, an old page's tables of ads above its text). Unnamed
/// boxes wrapping a first part named alike are one template's (an app's unnamed wrappers, each
/// around a part named `articleWidget_root`) when the container goes on in one chosen after it
/// (the body's first box and its rest split by a product's card). A box holding an `<h1>` is
/// the page's header, read by its own rules (a grid's `span12` row of the headline and byline
/// above the body's row). A box after the container is not looked for: what follows an article
/// in its template's boxes is as often a teaser of others or a call to act.
fn choose_opening_unit(
    flat: &Flat<'_>,
    dropped: &mut [bool],
    block_counts: &[(u32, usize)],
    top: usize,
    chosen: &mut [bool],
) {
    let named_alike_inside = |a: usize, b: usize| match (flat.first_child(a), flat.first_child(b)) {
        (Some(x), Some(y)) => {
            !flat.els[x].class.trim().is_empty() && built_alike(&flat.els[x], &flat.els[y])
        }
        _ => false,
    };
    let unnamed = flat.els[top].class.trim().is_empty();
    let parent = flat.els[top].parent;
    let goes_on = || {
        parent != ROOT
            && flat.descendants(parent).any(|i| {
                i > top
                    && flat.els[i].parent == parent
                    && chosen[i]
                    && built_alike(&flat.els[i], &flat.els[top])
                    && named_alike_inside(i, top)
            })
    };
    if unnamed && !goes_on() {
        return;
    }
    // A unit at the container's depth is never one of its ancestors. Depths of the elements
    // before it, read once (parents come before their children).
    let mut depth = vec![0usize; top];
    for j in 1..top {
        depth[j] = depth[flat.els[j].parent] + 1;
    }
    let top_depth = flat.depth(top);
    let Some(peer) = (1..top)
        .rev()
        .filter(|&j| depth[j] == top_depth)
        .find_map(|j| unit_built_alike(flat, dropped, chosen, top, j))
    else {
        return;
    };
    // The page's header, its headline in an `<h1>`, is read by the header's own rules.
    if unnamed && !named_alike_inside(peer, top)
        || flat.descendants(peer).any(|i| flat.els[i].tag == "h1")
    {
        return;
    }
    // A subtree's blocks are one run, ending at its last.
    let run = |el: usize| {
        let (count, last) = block_counts[el];
        (last + 1 - count as usize)..(last + 1)
    };
    let (peer_blocks, top_blocks) = (run(peer), run(top));
    if peer_blocks.is_empty()
        || (peer_blocks.end..top_blocks.start).any(|b| {
            let block = &flat.blocks[b];
            !dropped[block.owner] && is_paragraph_block(block)
        })
    {
        return;
    }
    // What is left out inside it only by the name of one of the container's own parts, kept
    // there (a page builder's `widget-container` around each box's text), is read as it is there.
    let names_in_top: foldhash::HashSet<(&str, &str)> = std::iter::once(top)
        .chain(flat.descendants(top))
        .filter(|&i| !dropped[i] && !flat.els[i].class.is_empty())
        .map(|i| (flat.els[i].tag, flat.els[i].class))
        .collect();
    // Whether each element of the unit is left out so read, by its index after the unit's.
    let mut left_out = vec![dropped[peer]];
    for i in flat.descendants(peer) {
        let e = &flat.els[i];
        let named_as_in_top = e.chrome == Chrome::Weak && names_in_top.contains(&(e.tag, e.class));
        let left_out_itself = dropped[i] && !dropped[e.parent];
        left_out.push(left_out[e.parent - peer] || left_out_itself && !named_as_in_top);
    }
    let paragraphs: u32 = peer_blocks
        .map(|b| &flat.blocks[b])
        .filter(|block| !left_out[block.owner - peer] && is_paragraph_block(block))
        .map(|block| block.chars)
        .sum();
    if paragraphs >= super::dom::MIN_PARAGRAPH && 3 * paragraphs >= 2 * flat.els[peer].chars {
        chosen[peer] = true;
        dropped[peer..peer + left_out.len()].copy_from_slice(&left_out);
    }
}

/// Cousins of one build, [`MIN_REPEATS`] or more among the same-class `cousins` chosen: every
/// other candidate so built within [`SAME_CLASS_COUSIN_LEVELS`] of the container is a part of
/// the article too, however far down the scores it stands, when it holds a paragraph among few
/// links (the twentieth entry of a list of reviews, each in a box of its own).
fn choose_cousins_of_one_build(
    flat: &Flat<'_>,
    dropped: &[bool],
    candidates: &[usize],
    top: usize,
    cousins: &[usize],
    chosen: &mut [bool],
) {
    let Some(&model) = cousins.first() else {
        return;
    };
    let model = &flat.els[model];
    let alike = |c: usize| built_alike(&flat.els[c], model);
    if cousins.iter().filter(|&&c| alike(c)).count() < MIN_REPEATS {
        return;
    }
    for &c in candidates {
        if !chosen[c]
            && !dropped[c]
            && alike(c)
            && holds_a_paragraph_among_few_links(flat, c)
            && !flat.within(c, top)
            && !flat.within(top, c)
            && common_ancestor_within(flat, top, c, SAME_CLASS_COUSIN_LEVELS)
        {
            chosen[c] = true;
        }
    }
}

/// Whether element `el` holds a paragraph ([`MIN_PARAGRAPH`](super::dom::MIN_PARAGRAPH)
/// characters of them) among few links (under [`CONTINUATION_LINK_SHARE`] of its text): what a
/// unit built like the article's parts holds to be one of them.
fn holds_a_paragraph_among_few_links(flat: &Flat<'_>, el: usize) -> bool {
    flat.els[el].para_chars >= super::dom::MIN_PARAGRAPH
        && flat.link_density(el) < CONTINUATION_LINK_SHARE
}

/// Under a parent of [`MIN_REPEATS`] chosen parts or more, the units built like them that hold
/// nothing but a heading, between two chosen parts: the titles of an article's sections, each
/// set by a page builder in a box of its own as the sections' text is.
fn choose_section_titles(flat: &Flat<'_>, dropped: &[bool], chosen: &mut [bool]) {
    let n = flat.els.len();
    let mut chosen_children = vec![0usize; n];
    for i in 1..n {
        if chosen[i] {
            chosen_children[flat.els[i].parent] += 1;
        }
    }
    let ends = subtree_ends(flat);
    for parent in (0..n).filter(|&p| chosen_children[p] >= MIN_REPEATS) {
        let Some((children, first, last)) = chosen_span(flat, parent, chosen) else {
            continue;
        };
        // The nearest chosen unit before each child, to compare it with.
        let mut unit = children[first];
        for &c in &children[first..last] {
            if chosen[c] {
                unit = c;
                continue;
            }
            let el = &flat.els[c];
            let only_a_heading = (c + 1..=ends[c])
                .any(|h| is_heading(flat.els[h].tag) && flat.els[h].chars == el.chars);
            if !dropped[c]
                && el.chars > 0
                && el.link_chars == 0
                && only_a_heading
                && built_alike(el, &flat.els[unit])
            {
                chosen[c] = true;
            }
        }
    }
}

/// The children of `parent`, in page order, with where the first and the last chosen of them
/// stand among them; `None` when none is chosen.
fn chosen_span(
    flat: &Flat<'_>,
    parent: usize,
    chosen: &[bool],
) -> Option<(Vec<usize>, usize, usize)> {
    let children: Vec<usize> = flat
        .descendants(parent)
        .filter(|&i| flat.els[i].parent == parent)
        .collect();
    let first = children.iter().position(|&c| chosen[c])?;
    let last = children.iter().rposition(|&c| chosen[c])?;
    Some((children, first, last))
}

/// Units of one template set at different depths (the first of a post's sections wrapped in
/// boxes of its own): near-best candidates whose chain of tags and names matches the
/// best-scored unit's, or one of its [`OFFSET_UNIT_LEVELS`] nearest ancestors', for
/// [`OFFSET_CHAIN`] levels or more, meeting it within [`ALIKE_LEVELS`], at least
/// [`MIN_REPEATS`] of them; the highest matching ancestor of each is chosen, or, matched from an
/// ancestor, the part standing where the chosen container stands. Once they are found, every
/// other candidate's unit so built that holds a paragraph among few links is chosen too, however
/// low it scores (a forum's reply quoting another).
fn choose_offset_units(
    flat: &Flat<'_>,
    dropped: &[bool],
    candidates: &[usize],
    near_best: usize,
    unit: usize,
    top: usize,
    chosen: &mut [bool],
) {
    // The chosen container is the unit or an ancestor it is the only child of.
    let top_levels = flat.depth(unit).saturating_sub(flat.depth(top));
    // The element of candidate `c` built like the unit, when there is one.
    let offset_unit = |c: usize| -> Option<usize> {
        if flat.within(c, top) || flat.within(top, c) || dropped[c] {
            return None;
        }
        // The unit, or the nearest of its ancestors built like the candidate: a forum's first
        // post sets its text in a box of its own inside the body its replies hold theirs in.
        let mut start = None;
        let mut u = unit;
        for skip in 0..=OFFSET_UNIT_LEVELS {
            if u == ROOT {
                break;
            }
            if flat.els[u].tag == flat.els[c].tag
                && same_unit_class(flat.els[c].class, flat.els[u].class)
            {
                start = Some((u, skip));
                break;
            }
            u = flat.els[u].parent;
        }
        let (u, skip) = start?;
        if flat.within(c, u) {
            return None;
        }
        // The candidate's ancestors matching the unit's, level by level.
        let (mut a, mut b) = (u, c);
        let mut chain = Vec::new();
        while chain.len() < ALIKE_LEVELS && a != b {
            let (x, y) = (&flat.els[a], &flat.els[b]);
            if !built_alike(x, y) || flat.within(top, b) || flat.within(c, a) || b == ROOT {
                break;
            }
            chain.push(b);
            a = x.parent;
            b = y.parent;
        }
        if chain.len() < OFFSET_CHAIN {
            return None;
        }
        // The highest matching ancestor; met from an ancestor of the unit, the candidate's part
        // that stands where the chosen container stands, not the whole unit around it (a
        // reply's body, not its poster's card).
        let at = if skip > 0 {
            top_levels.saturating_sub(skip).min(chain.len() - 1)
        } else {
            chain.len() - 1
        };
        let highest = *chain.get(at)?;
        if chosen[highest] || flat.link_density(highest) >= 0.5 {
            return None;
        }
        // They meet within reach of the candidate.
        common_ancestor_within(flat, c, unit, ALIKE_LEVELS).then_some(highest)
    };
    let mut found = Vec::new();
    let near = candidates.get(..near_best).unwrap_or_default();
    for &c in near.iter().take(MAX_OFFSET_UNITS) {
        if let Some(highest) = offset_unit(c).filter(|h| !found.contains(h)) {
            found.push(highest);
        }
    }
    if found.len() < MIN_REPEATS {
        return;
    }
    // Once the template is found, the other units built so that hold a paragraph among few
    // links are its units too, however low they score: a forum's reply quoting another, its
    // own words a loose run of text after the quotation's box and its links. Not a unit found
    // already, nor a part of one or a box around one (a reply's card around its body): each
    // found unit and its ancestors are marked, a walk up the page's bounded depth.
    let n = flat.els.len();
    let (mut is_found, mut holds_found) = (vec![false; n], vec![false; n]);
    let mark = |u: usize, is_found: &mut [bool], holds_found: &mut [bool]| {
        is_found[u] = true;
        let mut a = u;
        while a != ROOT && !holds_found[a] {
            holds_found[a] = true;
            a = flat.els[a].parent;
        }
    };
    for &u in &found {
        mark(u, &mut is_found, &mut holds_found);
    }
    let inside_found = |h: usize, is_found: &[bool]| flat.up_from(h).any(|a| is_found[a]);
    for &c in candidates.iter().skip(near_best) {
        if let Some(highest) = offset_unit(c).filter(|&h| {
            !holds_found[h]
                && !inside_found(h, &is_found)
                && holds_a_paragraph_among_few_links(flat, h)
        }) {
            mark(highest, &mut is_found, &mut holds_found);
            found.push(highest);
        }
    }
    for el in found {
        chosen[el] = true;
    }
}

/// The opening post of a thread set in a template of its own: once the chosen container and
/// [`MIN_REPEATS`] units or more chosen beside it bear one tag and class (a thread's replies,
/// each post's body named alike), another element of that tag and class, named, outside them and
/// outside chrome, before the first of them, holding a paragraph among few links, is a post too,
/// at whatever depth (a question's page sets the question in a cell of its own above the
/// answers, its body named as theirs are). An author's box after an article named as its body
/// is no opening.
fn choose_thread_opening(flat: &Flat<'_>, dropped: &[bool], top: usize, chosen: &mut [bool]) {
    let top_el = &flat.els[top];
    if top == ROOT || top_el.class.trim().is_empty() {
        return;
    }
    let alike = |i: usize| {
        let el = &flat.els[i];
        el.tag == top_el.tag && same_unit_class(el.class, top_el.class)
    };
    let n = flat.els.len();
    // Whether an element lies in a chosen or a dropped one (itself too): a walk up the bounded
    // depth.
    let in_chosen_or_dropped = |i: usize| {
        flat.up_from(i)
            .any(|a| chosen[a] || dropped[a] || flat.els[a].invisible)
    };
    let replies: Vec<usize> = (1..n)
        .filter(|&i| i == top || chosen[i] && alike(i))
        .collect();
    if replies.len() <= MIN_REPEATS {
        return;
    }
    // The thread opens before its first reply kept: after them stand an author's box, a list
    // of cases, whatever the page repeats below its text.
    let first_reply = replies[0];
    let openings: Vec<usize> = (1..first_reply)
        .filter(|&i| {
            alike(i) && holds_a_paragraph_among_few_links(flat, i) && !in_chosen_or_dropped(i)
        })
        .collect();
    for i in openings {
        chosen[i] = true;
    }
}

/// The article's opening sections set in the page's header: in a sibling before the chosen
/// container (a header the strict pass drops as weak chrome too), an element built like one of
/// the container's own parts (its tag and class, named) that is mostly paragraphs, few links
/// and no form controls (a manual's introduction under its title, in the header's box, with the
/// manual's sections after it). The headline and the controls around it stay out.
fn choose_header_sections(flat: &Flat<'_>, dropped: &mut [bool], top: usize, chosen: &mut [bool]) {
    let parent = flat.els[top].parent;
    if top == ROOT || parent == ROOT {
        return;
    }
    let end = |i: usize| flat.descendants(i).last().unwrap_or(i);
    let parts: Vec<(&str, &str)> = (top + 1..=end(top))
        .filter(|&c| flat.els[c].parent == top && !flat.els[c].class.trim().is_empty())
        .map(|c| (flat.els[c].tag, flat.els[c].class))
        .collect();
    if parts.is_empty() {
        return;
    }
    for s in (parent + 1..top).filter(|&s| flat.els[s].parent == parent) {
        let sib = &flat.els[s];
        if sib.invisible || matches!(sib.chrome, Chrome::Strong | Chrome::Mixed) {
            continue;
        }
        let (mut d, last_s) = (s + 1, end(s));
        while d <= last_s {
            let el = &flat.els[d];
            let alike = parts.iter().any(|&(t, c)| t == el.tag && c == el.class);
            if alike
                && !el.invisible
                && el.para_chars >= MIN_CONTINUATION
                && el.para_chars * 100 >= CONTINUATION_PROSE_SHARE * el.chars
                && flat.link_density(d) < CONTINUATION_LINK_SHARE
                && !holds_controls(flat, d)
            {
                chosen[d] = true;
                dropped[d] = false;
                let last = end(d);
                for j in d + 1..=last {
                    let e = &flat.els[j];
                    dropped[j] = dropped[e.parent] || e.invisible || e.chrome == Chrome::Strong;
                }
                d = last + 1;
            } else {
                d += 1;
            }
        }
    }
}

/// A shop's description set in a box the page names a header (`data/header_names.txt`), before
/// the chosen container or inside it, up to [`DESCRIPTION_LEVELS`] above it: a block of prose of
/// two sentences or one long one ([`ONE_SENTENCE_DESCRIPTION`]), no links, no address spelled
/// out, in a `<p>`, `<div>`, `<section>` or `<span>` that only header names (no other chrome, not
/// hidden, in no figure, link or form) leave out, in a box that holds no `<h1>`: a product's
/// summary beside its picture, a catalogue's introduction. An article's header holds its
/// headline; its byline, date and share bar are no such prose. Returns whether any was chosen.
fn choose_described_header(
    flat: &Flat<'_>,
    dropped: &mut [bool],
    top: usize,
    chosen: &mut [bool],
) -> bool {
    if top == ROOT {
        return false;
    }
    let mut scope = top;
    for _ in 0..DESCRIPTION_LEVELS {
        let p = flat.els[scope].parent;
        if p == ROOT || matches!(flat.els[p].tag, "body" | "html") {
            break;
        }
        scope = p;
    }
    let last = flat.descendants(top).last().unwrap_or(top);
    if scope == top && last == top {
        return false;
    }
    // Over the elements from the scope to the container's last: whether only header names
    // leave each out, the outermost element left out around it (its box), and whether it
    // holds an `<h1>`. Children come after their parents.
    let at = |i: usize| i - scope;
    let mut only_header = vec![false; last + 1 - scope];
    let mut boxed = vec![0usize; last + 1 - scope];
    let mut titled = vec![false; last + 1 - scope];
    for i in (scope + 1..=last).rev() {
        if flat.els[i].tag == "h1" || titled[at(i)] {
            titled[at(flat.els[i].parent)] = true;
        }
    }
    for i in scope + 1..=last {
        let el = &flat.els[i];
        let outside = el.parent == scope || !dropped[el.parent];
        boxed[at(i)] = if outside { i } else { boxed[at(el.parent)] };
        let named = match el.chrome {
            Chrome::Neutral | Chrome::Content => true,
            Chrome::Weak => el.tag == "header" || patterns::names_a_header(el.class),
            Chrome::Strong | Chrome::Mixed => false,
        };
        only_header[at(i)] = (outside || only_header[at(el.parent)])
            && named
            && !el.invisible
            && !el.reviews
            && !el.comments
            && !matches!(
                el.tag,
                "figure"
                    | "figcaption"
                    | "a"
                    | "nav"
                    | "aside"
                    | "footer"
                    | "button"
                    | "label"
                    | "form"
            );
    }
    let described: Vec<usize> = flat
        .blocks
        .iter()
        .filter(|b| {
            let o = b.owner;
            o > scope
                && o <= last
                && dropped[o]
                && only_header[at(o)]
                && !titled[at(boxed[at(o)])]
                && matches!(flat.els[o].tag, "p" | "div" | "section" | "span")
                && b.link_chars == 0
                && !b.text.contains("://")
                && b.chars >= ONE_SENTENCE_LEAD
                && crate::text::ends_with_terminal(&b.text)
                && (inner_sentence_ends(&b.text) >= 1 || b.chars >= ONE_SENTENCE_DESCRIPTION)
        })
        .map(|b| b.owner)
        .collect();
    for &o in &described {
        chosen[o] = true;
        keep_but_strong_chrome(flat, dropped, o);
    }
    !described.is_empty()
}

/// Keeps element `el`, left out by a weak name, and what it holds but for what is hidden or
/// named strong chrome.
fn keep_but_strong_chrome(flat: &Flat<'_>, dropped: &mut [bool], el: usize) {
    for i in std::iter::once(el).chain(flat.descendants(el)) {
        let e = &flat.els[i];
        dropped[i] = i != el && dropped[e.parent] || e.invisible || e.chrome == Chrome::Strong;
    }
}

/// Whether sibling `i` of the chosen container is another part of the article, cut off from it
/// by a widget (an ad, a newsletter box, a gallery) and too short to score as a sibling must: of
/// the container's tag and class (or both unnamed; or itself unnamed when it is the container's
/// `next` sibling: the rest of a post after its fold, `<div id="more">` after `<div
/// class="body">`), its text mostly paragraphs and few links, no text of its own outside them
/// (`owns_text`), and no form controls (a sign-up box is built like the article's parts too).
fn is_continuation(
    flat: &Flat<'_>,
    subtree_blocks: &[(u32, usize)],
    top: usize,
    i: usize,
    owns_text: bool,
    next: bool,
) -> bool {
    let (el, container) = (&flat.els[i], &flat.els[top]);
    let mostly_prose = |text: Text| {
        text.para_chars >= MIN_CONTINUATION
            && text.para_chars * 100 >= text.chars * CONTINUATION_PROSE_SHARE
            && (text.link_chars as f32) < CONTINUATION_LINK_SHARE * text.chars.max(1) as f32
    };
    matches!(el.tag, "div" | "section")
        && el.tag == container.tag
        && !owns_text
        && (mostly_prose(Text::of(el))
            || mostly_prose(text_outside_tables(flat, subtree_blocks, i)))
        && (shares_a_class(el.class, container.class)
            || el.class.trim().is_empty() && (next || container.class.trim().is_empty()))
        && !holds_controls(flat, i)
}

/// Characters of text: all, in links, in paragraphs.
#[derive(Clone, Copy)]
struct Text {
    chars: u32,
    link_chars: u32,
    para_chars: u32,
}

impl Text {
    /// An element's.
    fn of(el: &El<'_>) -> Self {
        Text {
            chars: el.chars,
            link_chars: el.link_chars,
            para_chars: el.para_chars,
        }
    }
}

/// Element `el`'s text outside the tables it holds (`subtree_blocks`: [`subtree_blocks`]): a
/// part of the article holding a table of linked names and their figures (a ranking's firms and
/// revenues) is no less the article for the links. The element's own counts when it holds no
/// table.
fn text_outside_tables(flat: &Flat<'_>, subtree_blocks: &[(u32, usize)], el: usize) -> Text {
    let end = (el + 1..flat.els.len())
        .find(|&j| flat.els[j].parent < el)
        .unwrap_or(flat.els.len());
    let (count, last) = subtree_blocks[el];
    if count == 0 || !(el..end).any(|j| flat.els[j].tag == "table") {
        return Text::of(&flat.els[el]);
    }
    let mut in_table = vec![false; end - el];
    for j in el..end {
        let e = &flat.els[j];
        in_table[j - el] = e.tag == "table" || j > el && in_table[e.parent - el];
    }
    let mut text = Text {
        chars: 0,
        link_chars: 0,
        para_chars: 0,
    };
    // A block-level element's blocks run unbroken up to its last.
    let first = (last + 1).saturating_sub(count as usize);
    for b in flat.blocks[first..=last]
        .iter()
        .filter(|b| (el..end).contains(&b.owner))
    {
        if in_table[b.owner - el] {
            continue;
        }
        text.chars += b.chars;
        text.link_chars += b.link_chars;
        if is_paragraph_block(b) {
            text.para_chars += b.chars;
        }
    }
    text
}

/// Whether an element holds a form or its controls.
fn holds_controls(flat: &Flat<'_>, i: usize) -> bool {
    std::iter::once(i).chain(flat.descendants(i)).any(|d| {
        matches!(
            flat.els[d].tag,
            "form" | "input" | "button" | "select" | "textarea"
        )
    })
}

/// A `<div>` before the article's container holding one paragraph of several sentences and no
/// links (the standfirst under the headline): the article's opening. A caption is one sentence.
fn is_standfirst(flat: &Flat<'_>, subtree_blocks: &[(u32, usize)], i: usize) -> bool {
    let el = &flat.els[i];
    if el.tag != "div" || el.link_chars != 0 || el.para_chars != el.chars || el.chars == 0 {
        return false;
    }
    let Some(only) = subtree_blocks
        .get(i)
        .filter(|(count, _)| *count == 1)
        .and_then(|&(_, b)| flat.blocks.get(b))
    else {
        return false;
    };
    crate::text::ends_with_terminal(&only.text) && inner_sentence_ends(&only.text) >= 1
}

/// Words from which a key point is a sentence without its stop (bullets often leave it out).
const KEY_POINT_WORDS: usize = 12;

/// Whether an element before the article's container is a list of its key points: two to
/// [`SUMMARY_ITEMS`] items, each a sentence (closing with a stop, or of [`KEY_POINT_WORDS`] words
/// or more), no links, at most a label over them (the summary under the headline: "Key points",
/// "Das Wichtigste in Kürze", "En bref"). Teasers link their items; a menu's items are not
/// sentences.
fn is_summary_list(flat: &Flat<'_>, subtree_blocks: &[(u32, usize)], i: usize) -> bool {
    let el = &flat.els[i];
    if el.link_chars != 0 || el.chars == 0 {
        return false;
    }
    let Some(&(count, last)) = subtree_blocks.get(i) else {
        return false;
    };
    let count = count as usize;
    if !(2..=SUMMARY_ITEMS + 1).contains(&count) {
        return false;
    }
    let run = &flat.blocks[last + 1 - count..=last];
    let items = run
        .iter()
        .filter(|b| flat.els[b.owner].tag == "li")
        .collect::<Vec<_>>();
    items.len() >= 2
        && run.len() - items.len() <= 1
        && items.iter().all(|b| {
            (crate::text::ends_with_terminal(&b.text)
                || crate::text::words_exceed(&b.text, KEY_POINT_WORDS - 1))
                && !b.text.ends_with(':')
                && crate::text::words_exceed(&b.text, SENTENCE_WORDS - 1)
        })
}

/// The standfirst inside the article's header, a sibling before the container or before one of
/// its nearest ancestors: a header of a few blocks (kicker, headline, byline, date) holding one
/// link-free paragraph of several sentences, the lead under the headline. Only that paragraph
/// is chosen; the headline and the metadata around it stay out. A bare `<header>` there is the
/// article's own, not the site's, and a lead named a teaser (German sites call it so) is the
/// article's own, not another's (those are links): the strict pass's dropping such weak chrome
/// does not hold for the lead. Asides, menus and figures stay dropped. Further up, to
/// [`NAMED_HEADER_LEVELS`], only a lead named so or a `<p>` right under the headline is one (a
/// page that wraps its body in a few more layouts than its header), and to
/// [`NAMED_LEAD_LEVELS`] only a lead named so. An article's header holding more than a few
/// blocks (its lead image's caption and credit, a bar of buttons), to
/// [`NAMED_LEAD_HEADER_BLOCKS`], yields only a lead named so. A header that yields none for its
/// many blocks is read again as the box setting its headline apart ([`heading_box`]), whose lead
/// stands right under the headline. The article's header inside the container (a `<header>`, or
/// a box named one, holding the `<h1>`), left out as weak chrome, is read as one beside it.
fn choose_header_standfirst<'f>(
    flat: &'f Flat<'_>,
    dropped: &mut [bool],
    block_counts: &[(u32, usize)],
    top: usize,
    chosen: &mut [bool],
    said: &mut foldhash::HashSet<&'f str>,
) {
    if top == ROOT {
        return;
    }
    // The article's own header inside the container (a `<main>` holding the header's section
    // and the body's).
    let end = flat.descendants(top).last().unwrap_or(top);
    let inner: Vec<usize> = (top + 1..=end)
        .filter(|&s| {
            let el = &flat.els[s];
            dropped[s]
                && !dropped[el.parent]
                && el.chrome == Chrome::Weak
                && !el.invisible
                && (matches!(el.tag, "header" | "hgroup") || patterns::names_a_header(el.class))
                && block_counts[s].0 > 0
                && {
                    let (count, last) = block_counts[s];
                    (last + 1 - count as usize..=last)
                        .any(|b| flat.els[flat.blocks[b].owner].tag == "h1")
                }
        })
        .collect();
    for s in inner {
        choose_lead_in_header(flat, dropped, block_counts, s, 0, chosen, said);
    }
    let mut node = top;
    for level in 0..NAMED_LEAD_LEVELS {
        let parent = flat.els[node].parent;
        if node == ROOT || parent == ROOT || matches!(flat.els[parent].tag, "body" | "html") {
            return;
        }
        let siblings: Vec<usize> = (parent + 1..node)
            .filter(|&s| {
                let el = &flat.els[s];
                el.parent == parent
                    && (!dropped[s]
                        || el.chrome == Chrome::Weak
                            && matches!(el.tag, "header" | "hgroup" | "section" | "div" | "p"))
            })
            .collect();
        for s in siblings {
            choose_lead_in_header(flat, dropped, block_counts, s, level, chosen, said);
        }
        node = parent;
    }
}

/// The standfirst [`choose_header_standfirst`] reads in header `s`, a sibling `level` levels
/// above the container (0: beside it, or inside it), unless a lead of the same words is `said`
/// already (a page that sets its header twice, a tab of its own for each view).
fn choose_lead_in_header<'f>(
    flat: &'f Flat<'_>,
    dropped: &mut [bool],
    block_counts: &[(u32, usize)],
    s: usize,
    level: usize,
    chosen: &mut [bool],
    said: &mut foldhash::HashSet<&'f str>,
) {
    // A subtree's blocks are one run, ending at its last.
    let (count, last) = block_counts[s];
    if count == 0 {
        return;
    }
    let first = last + 1 - count as usize;
    // An article's header (it holds the headline) may carry a breadcrumb trail.
    let holds_headline = (first..=last).any(|b| is_headline(flat, &flat.blocks[b]));
    let blocks = (first..=last)
        .filter(|&b| !holds_headline || counts_in_a_header(flat, b, s))
        .count();
    // A box named the standfirst holds it whole, in several paragraphs too.
    let lead_box = patterns::names_a_lead(flat.els[s].class);
    let leads_in = |s: usize, first: usize, last: usize, blocks: usize| {
        if blocks > NAMED_LEAD_HEADER_BLOCKS {
            return Vec::new();
        }
        // A header of more blocks than a kicker, headline, byline, date and lead yields
        // a lead named so, and only in the article's own header (the one with the
        // headline).
        let only_named = blocks > HEADER_BLOCKS;
        if only_named && !holds_headline && !lead_box {
            return Vec::new();
        }
        (first..=last)
            .filter(|&b| {
                !in_strong_chrome(flat, flat.blocks[b].owner, s)
                    && is_lead(flat, b, s, level < HEADER_LEVELS)
                    && (level < NAMED_HEADER_LEVELS && !only_named
                        || named_a_lead(flat, flat.blocks[b].owner, s)
                        || level < HEADER_LEVELS && sets_off_the_lead(flat, b, first, last))
            })
            .map(|b| flat.blocks[b].owner)
            .collect::<Vec<_>>()
    };
    let mut leads = leads_in(s, first, last, blocks);
    // A busy header (a breadcrumb trail, the byline, the date, buttons) that yields no
    // lead may set its headline and standfirst apart in a box of their own, read as a
    // header of its own whose lead is right under the headline.
    if leads.is_empty() && holds_headline && blocks > HEADER_BLOCKS {
        if let Some((heading, first, last, blocks)) =
            heading_box(flat, block_counts, first..=last, s)
        {
            leads = leads_in(heading, first, last, blocks);
            leads.retain(|&lead| flat.blocks[first + 1].owner == lead);
        }
    }
    if leads.len() == 1
        || is_a_deck_of_points(flat, &leads)
        || lead_box && is_a_standfirst_box(flat, &leads, s)
    {
        for lead in leads {
            let (count, last) = block_counts[lead];
            let text = (last + 1 - count as usize..=last)
                .find(|&b| flat.blocks[b].owner == lead)
                .map_or("", |b| flat.blocks[b].text.trim());
            if said.insert(text) {
                chosen[lead] = true;
                keep_with_what_it_holds(flat, dropped, lead);
            }
        }
    }
}

/// The box within an article's header `header` that holds its headline and what follows it and
/// nothing more (`<div class="heading"><h1>…</h1><p>…</p></div>`), with its first block, last
/// block and count of blocks: the headline's parent, when it is not the header itself and holds
/// two to [`HEADER_BLOCKS`] blocks, the headline (an `<h1>`) first.
fn heading_box(
    flat: &Flat<'_>,
    block_counts: &[(u32, usize)],
    blocks: std::ops::RangeInclusive<usize>,
    header: usize,
) -> Option<(usize, usize, usize, usize)> {
    let headline = blocks
        .into_iter()
        .find(|&b| flat.els[flat.blocks[b].owner].tag == "h1")?;
    let heading = flat.els[flat.blocks[headline].owner].parent;
    if heading == header || !flat.within(heading, header) {
        return None;
    }
    // A box named chrome (a sidebar's "about me" under its heading), or in a menu or a figure of
    // the header, is not its heading.
    let mut el = heading;
    while el != header {
        let e = &flat.els[el];
        if e.invisible
            || !matches!(e.chrome, Chrome::Content | Chrome::Neutral)
            || matches!(e.tag, "aside" | "nav" | "menu" | "figure" | "form")
        {
            return None;
        }
        el = e.parent;
    }
    let (count, last) = block_counts[heading];
    let count = count as usize;
    let first = last + 1 - count;
    ((2..=HEADER_BLOCKS).contains(&count) && first == headline)
        .then_some((heading, first, last, count))
}

/// Whether the several leads a box named the standfirst holds are its paragraphs: two to
/// [`SUMMARY_ITEMS`] of them, none in a part of the box named otherwise (a dek's box holding
/// a notice of affiliate links in a box of its own holds one lead, and the notice).
fn is_a_standfirst_box(flat: &Flat<'_>, leads: &[usize], lead_box: usize) -> bool {
    (2..=SUMMARY_ITEMS).contains(&leads.len())
        && leads.iter().all(|&lead| {
            let mut el = lead;
            while el != lead_box && el != ROOT {
                let class = flat.els[el].class;
                if !class.trim().is_empty() && !patterns::names_a_lead(class) {
                    return false;
                }
                el = flat.els[el].parent;
            }
            el == lead_box
        })
}

/// Whether the several leads an article's header holds are one standfirst set as points: two to
/// [`SUMMARY_ITEMS`] of them, side by side under one parent whose class names it the standfirst
/// (a news site's deck of subheadings, `<div class="subtitles"><h2>…</h2><h2>…</h2></div>`).
/// Elsewhere two leads are two boxes' paragraphs, and neither is taken.
fn is_a_deck_of_points(flat: &Flat<'_>, leads: &[usize]) -> bool {
    let Some(&first) = leads.first() else {
        return false;
    };
    let parent = flat.els[first].parent;
    (2..=SUMMARY_ITEMS).contains(&leads.len())
        && parent != ROOT
        && patterns::names_a_lead(flat.els[parent].class)
        && leads.iter().all(|&l| flat.els[l].parent == parent)
}

/// Whether a block of an article's header may be its headline: an `<h1>`, or an unlinked `<h2>`
/// when the page's `<h1>` stands above the article (a linked one is the site's name in its
/// banner).
fn is_headline(flat: &Flat<'_>, block: &Block) -> bool {
    match flat.els[block.owner].tag {
        "h1" => true,
        "h2" => block.link_chars == 0,
        _ => false,
    }
}

/// Whether block `b` of an article's header (blocks `first..=last`) is a `<p>` its place sets
/// off as the lead: right under the headline, of two sentences or more (one is as often a
/// dek the article's body leaves out), or closing the header right above the body, after the
/// kicker, headline, byline, date and buttons. A caption or a notice there stands in a figure
/// or among the byline's lines.
fn sets_off_the_lead(flat: &Flat<'_>, b: usize, first: usize, last: usize) -> bool {
    let under_headline = b > first
        && inner_sentence_ends(&flat.blocks[b].text) >= 1
        && is_headline(flat, &flat.blocks[b - 1]);
    flat.els[flat.blocks[b].owner].tag == "p" && (b == last || under_headline)
}

/// The standfirst a news site sets as a subheading: an `<h2>` or `<h3>` (a tabloid's, a
/// newsletter platform's subtitle) of [`DEK_WORDS`] words or more, or a `<p>` whose class names
/// it the standfirst (however busy the header around it, which [`choose_header_standfirst`] then
/// leaves), with no links, that is the very next element after the article's `<h1>` (or after
/// the date line that follows it: [`is_date_line_element`]), under the same parent, before the
/// container or in it and meeting it at most [`NAMED_LEAD_LEVELS`] levels above it. It is the
/// article's opening, kept whatever its header is named (weak chrome too), but not in a figure, a
/// menu, an aside or an element named strong chrome. An `<h2>` under an `<h1>` elsewhere (a
/// breadcrumb trail's last step as the headline, the section's title after it) is no sibling; a
/// linked `<h1>` is the site's name and the `<h2>` after it its tagline (an old blog's header);
/// a dek the body says again word for word is left to the body, and one the page's header says
/// twice is said once.
fn choose_headline_dek<'f>(
    flat: &'f Flat<'_>,
    dropped: &mut [bool],
    block_counts: &[(u32, usize)],
    top: usize,
    chosen: &mut [bool],
    said: &mut foldhash::HashSet<&'f str>,
) {
    // Read with its links as text (a listing), a page shows no linked `<h1>` to tell apart.
    if flat.links_as_text {
        return;
    }
    let n = flat.els.len();
    // A linked `<h1>` is the site's name (a blog's title over its tagline), not the headline.
    let headlines = (1..n)
        .filter(|&h| {
            let el = &flat.els[h];
            el.tag == "h1" && el.link_chars * 2 < el.chars
        })
        .take(DEK_HEADLINES);
    for h in headlines {
        let parent = flat.els[h].parent;
        // The next element sibling: the first element past the headline's subtree, or past a
        // date line's after it (a headline, the time it was published, then the dek).
        let next = |after: usize| (after + 1..n).find(|&d| !flat.within(d, after));
        let Some(mut dek) = next(h) else {
            continue;
        };
        if flat.els[dek].parent == parent && is_date_line_element(flat, block_counts, dek) {
            let Some(after) = next(dek) else {
                continue;
            };
            dek = after;
        }
        let el = &flat.els[dek];
        let named = patterns::names_a_lead(el.class);
        if !(matches!(el.tag, "h2" | "h3") || named && el.tag == "p")
            || el.parent != parent
            || el.link_chars != 0
            || el.chars == 0
        {
            continue;
        }
        let (count, last) = block_counts[dek];
        let near = flat.within(dek, top)
            || dek < top && common_ancestor_within(flat, top, dek, NAMED_LEAD_LEVELS);
        let text = flat.blocks[last].text.trim();
        let min_words = if named { NAMED_DEK_WORDS } else { DEK_WORDS };
        if !near || count != 1 || !crate::text::words_exceed(text, min_words - 1) {
            continue;
        }
        // A dek the body says again word for word is said there (a page repeating its opening).
        if flat
            .blocks
            .iter()
            .any(|b| b.owner != dek && b.text.contains(text) && flat.within(b.owner, top))
        {
            continue;
        }
        let mut up = dek;
        let mut aside = false;
        while up != ROOT && !flat.within(top, up) {
            let e = &flat.els[up];
            aside |= e.invisible
                || e.chrome == Chrome::Strong
                || matches!(e.tag, "figure" | "figcaption" | "aside" | "nav" | "menu");
            up = e.parent;
        }
        // A page that sets its header twice (a tab of its own for each view) says it once.
        if aside || !said.insert(text) {
            continue;
        }
        chosen[dek] = true;
        keep_with_what_it_holds(flat, dropped, dek);
    }
}

/// Visible characters under which a line between the headline and its dek may be its date line.
const DATE_LINE_CHARS: u32 = 60;

/// Whether an element is a date line between a headline and its dek: a `<p>`, `<div>`, `<span>`
/// or `<time>` of one short line, no links, no sentence, holding a digit ("Published 2 hours
/// ago", "12 March 2026, 09:30").
fn is_date_line_element(flat: &Flat<'_>, block_counts: &[(u32, usize)], el: usize) -> bool {
    let e = &flat.els[el];
    let (count, last) = block_counts[el];
    matches!(e.tag, "p" | "div" | "span" | "time")
        && count == 1
        && e.link_chars == 0
        && e.chars > 0
        && e.chars < DATE_LINE_CHARS
        && flat.blocks[last].text.chars().any(|c| c.is_ascii_digit())
        && !crate::text::ends_with_terminal(flat.blocks[last].text.trim_end())
}

/// Keeps element `el` and what it holds (its inline elements own no block, but are marked).
fn keep_with_what_it_holds(flat: &Flat<'_>, dropped: &mut [bool], el: usize) {
    for i in std::iter::once(el).chain(flat.descendants(el)) {
        dropped[i] = false;
    }
}

/// Whether `el`, or an element between it and the header `within`, is named strong chrome (a
/// bookmark button's tooltip: "Save this article to read later. Sign in to use it."): no lead.
fn in_strong_chrome(flat: &Flat<'_>, mut el: usize, within: usize) -> bool {
    while el != within && el != ROOT {
        if flat.els[el].chrome == Chrome::Strong {
            return true;
        }
        el = flat.els[el].parent;
    }
    false
}

/// Whether block `b` of the article's header `within` counts towards its [`HEADER_BLOCKS`]: the
/// text of a menu in it (a breadcrumb trail's "You are here:", its steps, the headline again as
/// the last) says nothing of how much the header holds.
fn counts_in_a_header(flat: &Flat<'_>, b: usize, within: usize) -> bool {
    let mut el = flat.blocks[b].owner;
    while el != within && el != ROOT {
        if matches!(flat.els[el].tag, "nav" | "menu") {
            return false;
        }
        el = flat.els[el].parent;
    }
    true
}

/// Whether block `b` reads as a standfirst: a paragraph without links of two sentences or more,
/// not in a figure (a caption of two sentences is still a caption); or a `<p>` of one long
/// sentence right under the headline, where a caption or a notice never stands; or one sentence
/// in an element named the standfirst ([`named_a_lead`]), which may close without a stop (an
/// Italian "sommario", a Spanish "entradilla" often do). Two sentences count only `near` the
/// container.
fn is_lead(flat: &Flat<'_>, b: usize, within: usize, near: bool) -> bool {
    let block = &flat.blocks[b];
    let mut el = block.owner;
    loop {
        if matches!(flat.els[el].tag, "figure" | "figcaption" | "a") {
            return false;
        }
        if el == within || el == ROOT {
            break;
        }
        el = flat.els[el].parent;
    }
    let tag = flat.els[block.owner].tag;
    let text = block.text.trim_end();
    if block.link_chars == 0
        && block.chars >= ONE_SENTENCE_LEAD
        && (crate::text::ends_with_terminal(text) || closes_as_a_named_lead(flat, block, text))
        && tag != "h1"
        && named_a_lead(flat, block.owner, within)
    {
        return true;
    }
    matches!(tag, "p" | "div")
        && block.link_chars == 0
        && crate::text::ends_with_terminal(text)
        && (near && inner_sentence_ends(text) >= 1
            || tag == "p"
                && block.chars >= ONE_SENTENCE_LEAD
                && b.checked_sub(1)
                    .is_some_and(|h| matches!(flat.els[flat.blocks[h].owner].tag, "h1" | "h2")))
}

/// Whether a block that closes without a stop is still a standfirst named so: a sentence of
/// [`SENTENCE_WORDS`] words or more, no label (it does not end with a colon), in an element
/// named the lead itself or right inside one (not a caption or a keyword line in a box further
/// in), and beside no image (a lead image's caption is named after it).
fn closes_as_a_named_lead(flat: &Flat<'_>, block: &Block, text: &str) -> bool {
    let owner = block.owner;
    let parent = flat.els[owner].parent;
    parent != ROOT
        && !text.ends_with(':')
        && crate::text::words_exceed(text, SENTENCE_WORDS - 1)
        && (patterns::names_a_lead(flat.els[owner].class)
            || patterns::names_a_lead(flat.els[parent].class))
        && !flat.descendants(parent).any(|d| {
            flat.els[d].parent == parent
                && matches!(flat.els[d].tag, "img" | "picture" | "figure" | "video")
        })
}

/// Whether the block element `owner`, or an element between it and `within`, is named the
/// article's standfirst by its class (`data/lead_names.txt`: "summary", "chapo", "Vorspann",
/// "entradilla", "spot"): then one sentence is a lead too, in whatever tag the page sets it (a
/// subheading's `<h2>`, a `<div>` around a `<p>`).
fn named_a_lead(flat: &Flat<'_>, owner: usize, within: usize) -> bool {
    // A `<p>` grouped with the headline in an `<hgroup>` is its subtitle by the markup itself.
    let parent = flat.els[owner].parent;
    if flat.els[owner].tag == "p" && parent != ROOT && flat.els[parent].tag == "hgroup" {
        return true;
    }
    let mut el = owner;
    loop {
        if patterns::names_a_lead(flat.els[el].class) {
            return true;
        }
        if el == within || el == ROOT {
            return false;
        }
        el = flat.els[el].parent;
    }
}

/// Sentence ends inside a text, before its last: a full stop, question or exclamation mark
/// followed by a space, or a full-width one (Chinese and Japanese put no space after it)
/// followed by more text.
fn inner_sentence_ends(text: &str) -> usize {
    let text = text.trim_end();
    text.match_indices(['.', '!', '?', '。', '！', '？'])
        .filter(|&(at, mark)| {
            text.get(at + mark.len()..).is_some_and(|r| {
                if mark.is_ascii() {
                    r.starts_with(' ')
                } else {
                    r.starts_with(|c: char| !matches!(c, '」' | '』' | '）' | '”'))
                }
            })
        })
        .count()
}

/// Per element, how many text blocks its subtree holds and the index of the last of them (a
/// subtree's blocks are one run, ending at its last).
pub(super) fn subtree_blocks(flat: &Flat<'_>) -> Vec<(u32, usize)> {
    let mut out = vec![(0u32, 0usize); flat.els.len()];
    for (b, block) in flat.blocks.iter().enumerate() {
        if let Some(slot) = out.get_mut(block.owner) {
            *slot = (slot.0 + 1, b);
        }
    }
    // Children come after their parents: add each subtree to its parent's, last to first.
    for i in (1..flat.els.len()).rev() {
        let (count, last) = out[i];
        let parent = &mut out[flat.els[i].parent];
        *parent = (parent.0 + count, parent.1.max(last));
    }
    out
}

/// Whether element `el` is a `<div>` whose text is all in one `<p>`, its first child.
fn wraps_one_paragraph(flat: &Flat<'_>, el: usize) -> bool {
    flat.els[el].tag == "div"
        && flat.first_child(el).is_some_and(|child| {
            flat.els[child].tag == "p" && flat.els[child].chars == flat.els[el].chars
        })
}

/// Rows of a table, its groups of rows (a forum's posts, each a `<tbody>` of a header row and
/// a body row) or items of a list, neither named: units of a thread by their kind (the columns
/// of a layout, unnamed `<div>`s, are not).
fn unnamed_rows(a: &str, b: &str, tag: &str) -> bool {
    matches!(tag, "tr" | "tbody" | "li") && a.trim().is_empty() && b.trim().is_empty()
}

/// Whether two elements are one level of one template: the same tag, and class names alike
/// ([`same_unit_class`]) or none on either.
fn built_alike(x: &El<'_>, y: &El<'_>) -> bool {
    x.tag == y.tag
        && (same_unit_class(x.class, y.class)
            || x.class.trim().is_empty() && y.class.trim().is_empty())
}

/// Whether two wrappers of units are one level of one template whose variants a page styles
/// apart (a page builder's sections, `page-section section-height--small white` and
/// `page-section section-height--medium dark`): the same tag and the same first class name.
fn wrapped_alike(x: &El<'_>, y: &El<'_>) -> bool {
    let (a, b) = (
        x.class.split_ascii_whitespace(),
        y.class.split_ascii_whitespace(),
    );
    x.tag == y.tag
        && a.take(1)
            .zip(b.take(1))
            .any(|(a, b)| a.eq_ignore_ascii_case(b))
}

/// Whether two units of a thread are named alike: the same class names, those that number or
/// alternate them ("post bg1", "post bg2"; "row odd", "row even") aside, or, where every name
/// holds a digit (hashed by a page builder), the same names.
fn same_unit_class(a: &str, b: &str) -> bool {
    let names = |s: &str| -> Vec<String> {
        let mut v: Vec<String> = s
            .split_whitespace()
            .filter(|c| !c.bytes().any(|b| b.is_ascii_digit()))
            .map(str::to_ascii_lowercase)
            .filter(|c| !matches!(c.as_str(), "odd" | "even" | "alt" | "first" | "last"))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (x, y) = (names(a), names(b));
    // Names that are all hashes (a page builder's "c4e19a07", a style sheet's module names)
    // name a unit only when they are the same.
    if x.is_empty() && y.is_empty() {
        let mut ra: Vec<&str> = a.split_whitespace().collect();
        let mut rb: Vec<&str> = b.split_whitespace().collect();
        ra.sort_unstable();
        rb.sort_unstable();
        return ra == rb && !ra.is_empty();
    }
    x == y && !x.is_empty()
}

/// Whether two class lists share a class: parts of one article split by an ad or a figure are
/// named alike ("story-body story-body-1", "story-body story-body-2").
fn shares_a_class(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .any(|x| b.split_whitespace().any(|y| x == y))
}

/// Whether `a` and `b` meet at most `levels` levels above `a`.
fn common_ancestor_within(flat: &Flat<'_>, a: usize, b: usize, levels: usize) -> bool {
    let mut up = a;
    for _ in 0..levels {
        up = flat.els[up].parent;
        if up == ROOT || matches!(flat.els[up].tag, "body" | "html") {
            return false;
        }
        if flat.within(b, up) {
            return true;
        }
    }
    false
}

/// The last text block owned by each element, for a look at how a sibling paragraph ends.
fn paragraph_texts<'b>(flat: &'b Flat<'_>) -> Vec<Option<&'b str>> {
    let mut out = vec![None; flat.els.len()];
    for b in &flat.blocks {
        out[b.owner] = Some(b.text.as_str());
    }
    out
}

/// The kept blocks inside the chosen containers, minus link lists and the repeated headline.
fn collect(
    flat: &Flat<'_>,
    dropped: &[bool],
    chosen: &[bool],
    title: Option<&str>,
) -> Vec<MainBlock> {
    let title_key = title.map(key);
    let kept = |b: &Block| chosen[b.owner] && !dropped[b.owner];
    // The article's prose runs from its first paragraph to its last: a list or table of links
    // between them is part of it (a reading list, the items a post presents); one after the
    // last is a list of further reading.
    let is_prose = |b: &Block| kept(b) && is_paragraph_block(b) && !link_heavy(flat, b);
    let first_prose = flat.blocks.iter().position(is_prose);
    let last_prose = flat.blocks.iter().rposition(is_prose);
    // Elements that hold a paragraph of prose as a child, or own one.
    let mut beside_prose = vec![false; flat.els.len()];
    for b in flat.blocks.iter().filter(|b| is_prose(b)) {
        let mut el = b.owner;
        for _ in 0..PROSE_LEVELS {
            beside_prose[el] = true;
            el = flat.els[el].parent;
        }
    }
    // Elements with a paragraph of prose as a child of their own.
    let mut parent_of_prose = vec![false; flat.els.len()];
    for b in flat.blocks.iter().filter(|b| is_prose(b)) {
        parent_of_prose[flat.els[b.owner].parent] = true;
    }
    // Characters of the blocks kept whatever their links.
    let shown: u32 = flat
        .blocks
        .iter()
        .filter(|b| kept(b) && !link_heavy(flat, b))
        .map(|b| b.chars)
        .sum();
    let ends = subtree_ends(flat);
    // Kept blocks before each block, so that whether any stands between two is read at once.
    let kept_before: Vec<usize> = std::iter::once(0)
        .chain(flat.blocks.iter().scan(0, |count, b| {
            *count += usize::from(kept(b));
            Some(*count)
        }))
        .collect();
    let mut out = Vec::new();
    for (i, block) in flat.blocks.iter().enumerate() {
        let owner = block.owner;
        if !kept(block) {
            continue;
        }
        if link_heavy(flat, block) && !names_an_item(flat, &ends, i, shown) {
            let inside = first_prose.is_some_and(|f| f < i) && last_prose.is_some_and(|l| i < l);
            // Only an article of two paragraphs or more has an opening and a close to tell.
            let at_an_edge = first_prose != last_prose
                && [first_prose, last_prose]
                    .into_iter()
                    .flatten()
                    .any(|edge| opens_or_closes_the_prose(flat, &kept_before, i, edge));
            if !(inside
                && (in_list_with_prose(flat, &beside_prose, &parent_of_prose, owner)
                    && !is_teaser_with_a_kicker(flat, i)
                    || linked_sentence(flat, block)
                    || linked_introduction(flat, block)
                    || introduced_by_a_sentence(flat, i)
                    || linked_section_heading(flat, &parent_of_prose, owner)
                    || linked_line_of_a_paragraph(flat, block))
                || at_an_edge && linked_sentence(flat, block) && words_of_its_own(block)
                || first_prose.is_some_and(|f| f < i)
                    && beside_prose[flat.els[owner].parent]
                    && numbered_line(flat, i))
            {
                continue;
            }
        }
        let heading = is_heading(flat.els[owner].tag) && !is_prose_heading(flat, block);
        if heading {
            if let Some(t) = &title_key {
                let k = key(&block.text);
                if !k.is_empty() && (t.starts_with(&k) || k.starts_with(t.as_str())) {
                    continue;
                }
            }
        }
        out.push(MainBlock {
            text: block.text.clone(),
            heading,
        });
    }
    out
}

/// Whether a block's element is an item or cell of a list or table that stands among the
/// article's paragraphs and whose text is not all links: the entries of a reading list ("Title
/// by Author"), the rows of a table of films (titles linked, years not), and the items of a
/// list of links set in a cell of such a table (a week's news, one row a day: its date beside a
/// list of linked items). A menu or a list of headlines is links only; a sidebar's archive list
/// stands beside no paragraph.
fn in_list_with_prose(
    flat: &Flat<'_>,
    beside_prose: &[bool],
    parent_of_prose: &[bool],
    owner: usize,
) -> bool {
    if !matches!(flat.els[owner].tag, "li" | "td" | "th" | "dt" | "dd") {
        return false;
    }
    let stands_among_prose =
        |el: usize| flat.link_density(el) <= LIST_LINK_SHARE && beside_prose[flat.els[el].parent];
    let Some(list) = enclosing(flat, owner, &["ul", "ol", "dl", "table"], LIST_LEVELS) else {
        return false;
    };
    if stands_among_prose(list) || in_row_of_values(flat, parent_of_prose, list, owner) {
        return true;
    }
    // A list of links set in a table's cell is one of the table's entries, when the table
    // stands among the article's paragraphs as their sibling (not a page laid out in a table).
    matches!(flat.els[list].tag, "ul" | "ol" | "dl")
        && matches!(flat.els[flat.els[list].parent].tag, "td" | "th")
        && enclosing(flat, list, &["table"], LIST_LEVELS).is_some_and(|table| {
            stands_among_prose(table) && parent_of_prose[flat.els[table].parent]
        })
}

/// Whether a table's cell stands in a row whose other cells hold text that is no link, in a table
/// set among the article's paragraphs (their sibling, or in wrappers of it up to
/// [`TABLE_WRAPPERS`] deep): a linked name beside its figures (a ranking's firm and its revenue),
/// an entry of a table of data.
fn in_row_of_values(flat: &Flat<'_>, parent_of_prose: &[bool], table: usize, cell: usize) -> bool {
    let unlinked = |el: usize| flat.els[el].chars - flat.els[el].link_chars.min(flat.els[el].chars);
    let among_prose = flat
        .up_from(table)
        .skip(1)
        .take(TABLE_WRAPPERS + 1)
        .any(|a| parent_of_prose[a]);
    flat.els[table].tag == "table"
        && matches!(flat.els[cell].tag, "td" | "th")
        && among_prose
        && enclosing(flat, cell, &["tr"], 1).is_some_and(|row| unlinked(row) > unlinked(cell))
}

/// The nearest element above `el`, at most `levels` up, whose tag is one of `tags`.
fn enclosing(flat: &Flat<'_>, mut el: usize, tags: &[&str], levels: usize) -> Option<usize> {
    for _ in 0..levels {
        el = flat.els[el].parent;
        if el == ROOT {
            return None;
        }
        if tags.contains(&flat.els[el].tag) {
            return Some(el);
        }
    }
    None
}

/// Words a teaser's kicker has at most.
const KICKER_WORDS: usize = 4;

/// Whether block `i` is an item of a list of teasers for other stories: a kicker of a few words
/// outside the link that closes with a colon or a question mark, then the story's linked
/// headline, the most of the item ("Warnung: <a>DRK-Präsidentin schlägt Alarm</a>", "KI in der
/// Schule? <a>…</a>"), beside an item built so with another kicker. A reading list's entry names
/// its title first and its author after ("<a>Title</a> by Author"); a list of picks repeats one
/// label ("My favourite hotel: <a>…</a>"); a schedule's date is longer than a kicker.
fn is_teaser_with_a_kicker(flat: &Flat<'_>, i: usize) -> bool {
    let Some(kicker) = kicker_of_linked_item(flat, &flat.blocks[i]) else {
        return false;
    };
    let list = flat.els[flat.blocks[i].owner].parent;
    let neighbours: Vec<&str> = [i.checked_sub(1), Some(i + 1)]
        .into_iter()
        .flatten()
        .filter_map(|j| flat.blocks.get(j))
        .filter(|b| flat.els[b.owner].parent == list)
        .filter_map(|b| kicker_of_linked_item(flat, b))
        .collect();
    !neighbours.is_empty() && neighbours.iter().all(|n| !n.eq_ignore_ascii_case(kicker))
}

/// The kicker of a list's item that is a short text outside its link, closing with a colon or
/// a question mark, then a link of at least half the item that closes it.
fn kicker_of_linked_item<'b>(flat: &Flat<'_>, block: &'b Block) -> Option<&'b str> {
    if flat.els[block.owner].tag != "li" || block.link_chars * 2 < block.chars {
        return None;
    }
    // The characters outside the link, read from the item's start as the block counted them
    // (`char_weight`): the kicker, when the link closes the item.
    let unlinked = own_chars(block);
    if unlinked == 0 {
        return None;
    }
    let mut seen = 0;
    let (at, c) = block.text.char_indices().find(|&(_, c)| {
        if !c.is_whitespace() {
            seen += super::dom::char_weight(c);
        }
        seen >= unlinked
    })?;
    let kicker = block.text[..at + c.len_utf8()].trim();
    (kicker.ends_with([':', '?', '：', '？']) && !crate::text::words_exceed(kicker, KICKER_WORDS))
        .then_some(kicker)
}

/// Whether a paragraph reads as a statement of its own, however much of it is links: a `<p>` of
/// several words that closes with a full stop, before a closing quotation mark or not ("So in
/// August I asked readers to <a>share their details</a>.", "… calling the situation <a>"tense
/// and volatile."</a>"). A teaser is a bare headline, or one that asks or trails off.
fn linked_sentence(flat: &Flat<'_>, block: &Block) -> bool {
    let text = block
        .text
        .trim_end()
        .trim_end_matches(['"', '”', '’', '»', '\'']);
    flat.els[block.owner].tag == "p"
        && crate::text::words_exceed(text, SENTENCE_WORDS - 1)
        && text.ends_with(['.', '!', '。', '！'])
        && !text.ends_with("..")
}

/// Visible characters outside its links from which a linked paragraph closing with a colon
/// introduces what follows it ("Some of the <a>benefits of the diet</a> include:").
const INTRODUCTION_OWN_CHARS: u32 = 15;

/// Whether a paragraph among the article's introduces what follows it, however much of it is
/// links: a `<p>` or a `<div>` of several words, [`INTRODUCTION_OWN_CHARS`] characters outside
/// its links, that closes with a colon ("It started with <a>this post</a> from <a>the
/// council</a>:" before a quotation, an embedded post, a video or a list). A label ("Read
/// more:") is a word or two.
fn linked_introduction(flat: &Flat<'_>, block: &Block) -> bool {
    let text = block.text.trim_end();
    matches!(flat.els[block.owner].tag, "p" | "div")
        && crate::text::words_exceed(text, SENTENCE_WORDS - 1)
        && text.ends_with([':', '：'])
        && own_chars(block) >= INTRODUCTION_OWN_CHARS
}

/// Whether block `i` is an item of a list that a sentence of the article introduces, however much
/// of it is links: the text right before the list closes with a colon after several words ("Many
/// patches were sent for review:" above their linked titles). A label ("Read more:", "Lesen Sie
/// auch:") is a word or three, a heading introduces nothing, and a line opening as a teaser does
/// (`data/related.txt`: "Mehr zum Thema finden Sie …:") introduces other stories.
fn introduced_by_a_sentence(flat: &Flat<'_>, i: usize) -> bool {
    let owner = flat.blocks[i].owner;
    let Some(list) = enclosing(flat, owner, &["ul", "ol"], LIST_LEVELS) else {
        return false;
    };
    // The block before the list's first, read back at most [`MAX_INTRODUCED_ITEMS`] blocks: the
    // first owned by an element opened before the list (its own come after it in page order).
    let before = flat.blocks[..i]
        .iter()
        .rev()
        .take(MAX_INTRODUCED_ITEMS)
        .find(|b| b.owner < list);
    before.is_some_and(|b| {
        let text = b.text.trim_end();
        !is_heading(flat.els[b.owner].tag)
            && crate::text::words_exceed(text, SENTENCE_WORDS - 1)
            && text.ends_with([':', '：'])
            && words_of_its_own(b)
            && !crate::text::opens_with_related_marker(text)
    })
}

/// Whether block `i` is an entry of a numbered list written as lines broken by `<br>` ("7. <a>A
/// post</a> (May 6, 2004)"): it opens with its number, a stop or a bracket and a space, and so
/// does the line before or after it in the same element. The author numbered the entries; a
/// list of further reading is a list of links.
fn numbered_line(flat: &Flat<'_>, i: usize) -> bool {
    let numbered = |b: &Block| {
        let text = b.text.trim_start();
        let digits = text.chars().take_while(char::is_ascii_digit).count();
        (1..=3).contains(&digits)
            && text[digits..].starts_with(['.', ')'])
            && text[digits + 1..].starts_with(char::is_whitespace)
    };
    let block = &flat.blocks[i];
    let same_owner_numbered = |j: usize| {
        flat.blocks
            .get(j)
            .is_some_and(|b| b.owner == block.owner && numbered(b))
    };
    numbered(block)
        && (i.checked_sub(1).is_some_and(same_owner_numbered) || same_owner_numbered(i + 1))
}

/// Visible characters outside links from which a linked sentence opening or closing the article
/// says something of its own ("Deadspin has an interesting profile on <a>…</a>."), rather than
/// only pointing to another page ("Via <a>…</a>.").
const OWN_WORDS_CHARS: u32 = 25;

/// Whether a block mostly of links holds [`OWN_WORDS_CHARS`] characters outside them.
fn words_of_its_own(block: &Block) -> bool {
    own_chars(block) >= OWN_WORDS_CHARS
}

/// The visible characters of a block outside its links.
fn own_chars(block: &Block) -> u32 {
    block.chars.saturating_sub(block.link_chars)
}

/// Whether block `i` opens or closes the article's prose, whose first or last paragraph is block
/// `edge`: no kept block stands between them (`kept_before[j]`: the kept blocks before block
/// `j`) and they are siblings, as a post's paragraphs are (its first or last paragraph, mostly a
/// link to what it reports: "The agency <a>approved the payments</a>.", "Also ahead of the
/// trial, <a>…</a> and <a>…</a>."). A box after the article's last paragraph is not its sibling.
fn opens_or_closes_the_prose(
    flat: &Flat<'_>,
    kept_before: &[usize],
    i: usize,
    edge: usize,
) -> bool {
    let (from, to) = if i < edge { (i, edge) } else { (edge, i) };
    from != to
        && flat.els[flat.blocks[i].owner].parent == flat.els[flat.blocks[edge].owner].parent
        && kept_before.get(to) == kept_before.get(from + 1)
}

/// Whether a block is a subheading standing among the article's paragraphs, their sibling,
/// that links to what it names (a listicle's "3) <a>The Square</a>", a review's linked product
/// name): the article's own section title. Teasers inside an article come in a box of their own
/// (a `<div>`, an `<aside>`, a list), not as siblings of its paragraphs.
fn linked_section_heading(flat: &Flat<'_>, parent_of_prose: &[bool], owner: usize) -> bool {
    let el = &flat.els[owner];
    matches!(el.tag, "h2" | "h3" | "h4" | "h5" | "h6") && parent_of_prose[el.parent]
}

/// Whether a block is one line of a `<p>` broken by `<br>` whose text as a whole is not mostly
/// links: a linked title over the line that describes it ("<a>Preparing for the Worst</a><br>
/// Ine looks at ..."), as a roundup of posts or a list of sources writes them. The paragraph is
/// read whole, as its other lines are.
fn linked_line_of_a_paragraph(flat: &Flat<'_>, block: &Block) -> bool {
    let p = &flat.els[block.owner];
    p.tag == "p" && block.chars < p.chars && p.link_chars * 2 <= p.chars
}

/// Whether block `b`, mostly links, is the name of an item of a grid (a shop's product tile: a
/// linked name over its price and features): an element within [`ITEM_LEVELS`] of it is an
/// item ([`built_like_siblings`]), `b` is its first block of links, and text of the item's own
/// follows it: a link closing a card after its text is a button to elsewhere ("View the map",
/// "$75 at a shop"), not its name. A menu's items are links only.
/// `shown` is the text kept whatever its links; `ends` gives each element's last descendant.
fn names_an_item(flat: &Flat<'_>, ends: &[usize], b: usize, shown: u32) -> bool {
    let mut el = flat.blocks[b].owner;
    for _ in 0..ITEM_LEVELS {
        let e = &flat.els[el];
        if el == ROOT || matches!(e.tag, "body" | "html") {
            return false;
        }
        if built_like_siblings(flat, ends, el) {
            let parent = e.parent;
            return 2 * flat.els[parent].chars >= shown
                && e.chars <= MAX_ITEM
                && e.chars.saturating_sub(e.link_chars) >= DESCRIBED_CHARS
                && flat.link_density(el) <= 0.5
                && flat.link_density(parent) <= 0.5
                && !flat.blocks[..b]
                    .iter()
                    .rev()
                    .take_while(|p| flat.within(p.owner, el))
                    .any(|p| link_heavy(flat, p))
                && flat.blocks[b + 1..]
                    .iter()
                    .take_while(|p| flat.within(p.owner, el))
                    .any(|p| !link_heavy(flat, p))
                && !holds_a_sentence(flat, b, el);
        }
        el = e.parent;
    }
    false
}

/// Whether an element has [`MIN_REPEATS`] siblings or more of its tag and class names (named,
/// or items of a list), among its parent's first [`GRID_SIBLINGS`] children.
fn built_like_siblings(flat: &Flat<'_>, ends: &[usize], el: usize) -> bool {
    let e = &flat.els[el];
    if e.tag != "li" && e.class.trim().is_empty() {
        return false;
    }
    let parent = e.parent;
    // The parent's children, each after the last descendant of the one before.
    let children = std::iter::successors(Some(parent + 1), |&c| ends.get(c).map(|e| e + 1))
        .take_while(|&c| c < flat.els.len() && flat.els[c].parent == parent)
        .take(GRID_SIBLINGS);
    children
        .filter(|&c| {
            let s = &flat.els[c];
            c != el
                && s.tag == e.tag
                && (s.class.trim() == e.class.trim() || same_unit_class(s.class, e.class))
        })
        .nth(MIN_REPEATS - 1)
        .is_some()
}

/// Whether item `el`, holding block `b`, holds a block of prose that closes as a sentence of
/// [`SENTENCE_WORDS`] words or more: a teaser's summary under its linked headline, where a
/// product's tile holds its price and features.
fn holds_a_sentence(flat: &Flat<'_>, b: usize, el: usize) -> bool {
    let within = |p: &&Block| flat.within(p.owner, el);
    let before = flat.blocks[..b].iter().rev().take_while(within);
    let after = flat.blocks[b..].iter().take_while(within);
    before.chain(after).any(|p| {
        let text = p.text.trim_end();
        p.link_chars * 2 <= p.chars
            && text.ends_with(['.', '!', '?', '。', '！', '？'])
            && crate::text::words_exceed(text, SENTENCE_WORDS - 1)
    })
}

/// Per element, the index of its last descendant (itself when it has none).
fn subtree_ends(flat: &Flat<'_>) -> Vec<usize> {
    let mut ends: Vec<usize> = (0..flat.els.len()).collect();
    for i in (1..flat.els.len()).rev() {
        let parent = flat.els[i].parent;
        ends[parent] = ends[parent].max(ends[i]);
    }
    ends
}

/// A block that is mostly links, or an item of a list that is mostly links.
fn link_heavy(flat: &Flat<'_>, block: &Block) -> bool {
    // A long paragraph with many links is still prose (a deals post, a link roundup); a short
    // mostly-link block is a teaser or a menu.
    let limit = if block.chars >= LONG_BLOCK { 0.8 } else { 0.5 };
    if block.link_chars as f32 > limit * block.chars as f32 {
        return true;
    }
    let owner = &flat.els[block.owner];
    if owner.tag == "li" {
        let list = owner.parent;
        return flat.link_density(list) > 0.5;
    }
    false
}

/// Letters and digits only, lowercased: for comparing a heading with the title.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `opens_a_consent_notice` as first written: the head lowercased, then each opening.
    fn opens_a_consent_notice_plainly(text: &str) -> bool {
        let lower = parallax_text::lowercase(text.get(..64).unwrap_or(text));
        crate::lexicon::CONSENT_OPENINGS.iter().any(|&opening| {
            lower
                .strip_prefix(opening)
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
    }

    #[test]
    fn consent_notices_are_told_as_by_the_lowercased_head() {
        // Blocks strung together at random (a fixed-seed generator: the same blocks every run):
        // openings in any case, cut and run on, characters whose lowercase is ASCII (the Kelvin
        // sign) or longer (a dotted capital I), and heads cut inside a character at byte 64.
        let mut pieces: Vec<String> = Vec::new();
        for opening in crate::lexicon::CONSENT_OPENINGS.iter() {
            pieces.push(opening.to_string());
            pieces.push(opening.to_uppercase());
            pieces.push(opening[..opening.len() / 2].to_string());
        }
        for piece in [
            " ",
            "s",
            "S",
            "1",
            ".",
            ",",
            "é",
            "İ",
            "\u{212A}",
            "\u{212A}IE",
            "x".repeat(40).as_str(),
            "We",
            " to ",
            "日本",
        ] {
            pieces.push(piece.to_string());
        }
        let mut below = crate::testing::below(crate::testing::SEED);
        let mut opened = 0;
        for _ in 0..30_000 {
            let count = 1 + below(4);
            let text: String = (0..count)
                .map(|_| pieces[below(pieces.len())].as_str())
                .collect();
            let plain = opens_a_consent_notice_plainly(&text);
            assert_eq!(opens_a_consent_notice(&text), plain, "{text:?}");
            opened += usize::from(plain);
        }
        assert!(opened > 500, "{opened}");
    }
}
