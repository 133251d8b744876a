//! What an element's markup (tag, role, class and id) says about it: page chrome or article.
//!
//! Class and id names are the page author's vocabulary, not the article's language, so matching
//! them does not tie extraction to English text.

use std::sync::LazyLock;

#[cfg(test)]
use regex::Regex;

use super::attrs::Attrs;

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
/// Index in [`NAMES`] of a folded part of the article ("read-more", "collapsible"): chrome when
/// it is a link or a button, article when it holds paragraphs.
/// Chrome that pages also name the wrapper of their story by (`held:`) is judged the same way.
const FOLDED: usize = 3;
/// Index in [`NAMES`] of a box standing where content will be put once a script runs (an
/// embed's or an ad's placeholder): chrome like a strong name, but a `<p>` so named is text the
/// page holds already (a CMS marks every paragraph it can edit in place so).
const STAND_IN: usize = 4;
/// An id of this many words or more is a heading turned into an anchor
/// ("sharing-with-a-single-developer"): the words are the section's title, not a name.
const SLUG_WORDS: usize = 5;
/// On a heading, an id of this many words or more is its anchor (a table of contents' link
/// target, "nav_harbour_fire_0"): a heading is a section's title, and its id spells that title.
const HEADING_SLUG_WORDS: usize = 3;

/// The vocabularies of `data/chrome_names.txt` (strong, weak, content, folded with held: both
/// are judged by whether the element holds paragraphs, and stand-in), one regex each: what
/// [`SPELLED`] must find, and its tests check.
#[cfg(test)]
static NAMES: LazyLock<[Regex; 5]> = LazyLock::new(|| {
    let mut vocabularies = [Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new()];
    for line in parallax_text::lines(include_str!("../../data/chrome_names.txt")) {
        let Some((kind, name)) = line.split_once(':') else {
            continue;
        };
        let index = match kind {
            "strong" => STRONG,
            "weak" => WEAK,
            "content" => CONTENT,
            "folded" | "held" => FOLDED,
            "stand-in" => STAND_IN,
            _ => continue,
        };
        vocabularies[index].push(name.trim());
    }
    vocabularies.map(|names| {
        Regex::new(&names.join("|")).expect("the chrome names are regex fragments that compile")
    })
});

/// Every name of the five vocabularies in one regex.
#[cfg(test)]
static ANY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let all: Vec<&str> = NAMES.iter().map(Regex::as_str).collect();
    Regex::new(&all.join("|")).expect("the chrome names are regex fragments that compile")
});

/// The chrome names of `data/chrome_names.txt` (strong, weak, content, folded with held: both
/// are judged by whether the element holds paragraphs, and stand-in) spelled out, one bit per
/// vocabulary: a table look-up per position of a list of names, where regexes of them cost a
/// search each and milliseconds to compile. The names are lowercase letters, digits, hyphens and
/// optional hyphens (`most-?read`: `mostread`, `most-read`).
static SPELLED: LazyLock<Spelled> = LazyLock::new(|| {
    Spelled::new(
        parallax_text::lines(include_str!("../../data/chrome_names.txt")).filter_map(|line| {
            let (kind, name) = line.split_once(':')?;
            let bit = match kind {
                "strong" => 1 << STRONG,
                "weak" => 1 << WEAK,
                "content" => 1 << CONTENT,
                "folded" | "held" => 1 << FOLDED,
                "stand-in" => 1 << STAND_IN,
                _ => return None,
            };
            Some((name.trim(), bit))
        }),
    )
    .expect("the chrome names are lowercase words with optional hyphens")
});

/// Names spelled out from regex fragments of lowercase letters, digits, hyphens, underscores and
/// optional hyphens, found by their first two bytes (`a * 128 + b`), each with the bits of its
/// lists.
/// Compiling a regex of such names costs a millisecond or more, most of a short command's time;
/// this table is built in microseconds.
struct Spelled {
    by_pair: Vec<Vec<Spelling>>,
    /// Whether a byte opens a name, in either ASCII case: most places in a text are passed over
    /// on this one look.
    firsts: [bool; 256],
    whole: foldhash::HashMap<Vec<u8>, u8>,
}

impl Spelled {
    /// The table of `names` (regex fragments, each with its bits), or `None` when a fragment is
    /// more than lowercase letters, digits, hyphens, underscores and optional hyphens.
    fn new<'a>(names: impl Iterator<Item = (&'a str, u8)>) -> Option<Self> {
        let mut by_pair = vec![Vec::new(); 128 * 128];
        let mut firsts = [false; 256];
        let mut whole = foldhash::HashMap::default();
        for (name, bit) in names {
            let parts: Vec<&str> = name.split("-?").collect();
            let plain = |part: &str| {
                part.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_')
                })
            };
            if !parts.iter().all(|p| plain(p)) || parts.len() > 8 {
                return None;
            }
            // Each optional hyphen there or not.
            for mask in 0..1u32 << (parts.len() - 1) {
                let mut spelled = parts[0].to_string();
                for (k, part) in parts.iter().enumerate().skip(1) {
                    if mask & 1 << (k - 1) != 0 {
                        spelled.push('-');
                    }
                    spelled.push_str(part);
                }
                let &[a, b, ..] = spelled.as_bytes() else {
                    return None;
                };
                firsts[usize::from(a)] = true;
                firsts[usize::from(a.to_ascii_uppercase())] = true;
                *whole.entry(spelled.clone().into_bytes()).or_insert(0) |= bit;
                by_pair[usize::from(a) * 128 + usize::from(b)]
                    .push(Spelling::new(spelled.into_bytes(), bit));
            }
        }
        Some(Spelled {
            by_pair,
            firsts,
            whole,
        })
    }

    /// The bits of the names that occur in `names`.
    fn vocabularies(&self, names: &[u8]) -> u8 {
        let mut bits = 0;
        for (at, pair) in names.windows(2).enumerate() {
            if !self.firsts[usize::from(pair[0])] {
                continue;
            }
            let (a, b) = (usize::from(pair[0]), usize::from(pair[1]));
            if a >= 128 || b >= 128 {
                continue;
            }
            let spellings = &self.by_pair[a * 128 + b];
            if spellings.is_empty() {
                continue;
            }
            let text = &names[at..];
            let head = head_of(text);
            for spelling in spellings {
                if spelling.opens(text, head) {
                    bits |= spelling.bit;
                }
            }
        }
        bits
    }

    /// Whether one of the names occurs in `text`, in any ASCII case: what lowercasing `text`
    /// and searching it for each name tells, without the copy and a search a name.
    fn occurs_in_any_case(&self, text: &str) -> bool {
        let text = text.as_bytes();
        text.windows(2).enumerate().any(|(at, pair)| {
            if !self.firsts[usize::from(pair[0])] {
                return false;
            }
            let (a, b) = (pair[0].to_ascii_lowercase(), pair[1].to_ascii_lowercase());
            a.is_ascii()
                && b.is_ascii()
                && self.by_pair[usize::from(a) * 128 + usize::from(b)]
                    .iter()
                    .any(|spelling| {
                        text.get(at..at + spelling.name.len())
                            .is_some_and(|run| run.eq_ignore_ascii_case(&spelling.name))
                    })
        })
    }

    /// The bits of the names that `text` is, whole.
    fn whole(&self, text: &[u8]) -> u8 {
        self.whole.get(text).copied().unwrap_or(0)
    }
}

/// A name of a [`Spelled`] table, its first eight bytes packed into a word: most names met at a
/// place in a text differ from the text there within them, told by one comparison of words.
#[derive(Debug, Clone)]
struct Spelling {
    /// The name's first eight bytes as [`head_of`] reads them.
    head: u64,
    /// Ones over the bytes of `head` the name fills (all of them when it is eight bytes or more).
    mask: u64,
    /// The whole name.
    name: Vec<u8>,
    /// The bits of its lists.
    bit: u8,
}

impl Spelling {
    /// A name (lowercase letters, digits, hyphens, underscores: no zero byte) with its bits.
    fn new(name: Vec<u8>, bit: u8) -> Self {
        let filled = name.len().min(8);
        let mask = if filled == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * filled)) - 1
        };
        Spelling {
            head: head_of(&name),
            mask,
            name,
            bit,
        }
    }

    /// Whether the name opens `text`, whose head is `head` ([`head_of`]). The zeros after a
    /// text shorter than eight bytes match no byte of a name.
    fn opens(&self, text: &[u8], head: u64) -> bool {
        head & self.mask == self.head
            && self
                .name
                .get(8..)
                .is_none_or(|tail| text.get(8..).is_some_and(|rest| rest.starts_with(tail)))
    }
}

/// The first eight bytes of `text` as a little-endian word, zeros after a shorter text.
fn head_of(text: &[u8]) -> u64 {
    if let Some(first) = text.first_chunk::<8>() {
        return u64::from_le_bytes(*first);
    }
    let mut word = [0u8; 8];
    for (w, b) in word.iter_mut().zip(text) {
        *w = *b;
    }
    u64::from_le_bytes(word)
}

/// The vocabularies of [`SPELLED`] whose names occur in `names`, one bit each.
fn vocabularies_of(names: &str) -> u8 {
    SPELLED.vocabularies(names.as_bytes())
}

/// Words of class names that hold a chrome or comment name and name something else
/// (`data/name_lookalikes.txt`: "football" holds the footer's "foot", "commentary" readers'
/// "comment"), spelled out for one search, and listed to be taken out.
static LOOKALIKES: LazyLock<(Spelled, Vec<&'static str>)> = LazyLock::new(|| {
    let list = include_str!("../../data/name_lookalikes.txt");
    (spelled_list(list), parallax_text::lines(list).collect())
});

/// Lowercased `names` without the words that hold a chrome or comment name and name something
/// else ([`LOOKALIKES`]), each left as a space between the names around it. Most names hold
/// none: one search tells, without a copy.
fn without_lookalikes(names: String) -> String {
    let (spelled, words) = &*LOOKALIKES;
    if spelled.vocabularies(names.as_bytes()) == 0 {
        return names;
    }
    words
        .iter()
        .fold(names, |names, word| names.replace(word, " "))
}

/// The names of a thread of readers' comments (`data/comment_names.txt`), spelled out.
static COMMENT_NAMES: LazyLock<Spelled> = LazyLock::new(|| {
    Spelled::new(parallax_text::lines(include_str!("../../data/comment_names.txt")).map(|n| (n, 1)))
        .expect("the comment names are lowercase words with optional hyphens")
});

/// The names of a question's answers (`data/answer_names.txt`), spelled out.
static ANSWER_NAMES: LazyLock<Spelled> =
    LazyLock::new(|| spelled_list(include_str!("../../data/answer_names.txt")));

/// Whether an element's class or id, in any ASCII case, names it a question's answer.
pub(crate) fn names_an_answer(el: &Attrs<'_>) -> bool {
    class_or_id_holds(el, &ANSWER_NAMES)
}

/// Whether an element's class or id holds, in any ASCII case, one of `names`.
fn class_or_id_holds(el: &Attrs<'_>, names: &Spelled) -> bool {
    [el.class, el.id]
        .into_iter()
        .flatten()
        .any(|part| names.occurs_in_any_case(part))
}

/// The names of a thread of customer reviews (`data/review_names.txt`), spelled out; matched in
/// any ASCII case.
static REVIEW_NAMES: LazyLock<Spelled> = LazyLock::new(|| {
    Spelled::new(parallax_text::lines(include_str!("../../data/review_names.txt")).map(|n| (n, 1)))
        .expect("the review names are lowercase words with optional hyphens")
});

/// Whether `text`, in any ASCII case, holds a customer reviews name.
fn holds_review_name(text: &str) -> bool {
    REVIEW_NAMES.occurs_in_any_case(text)
}

/// Prefixes of class names that name a post's taxonomy terms (`data/taxonomy_prefixes.txt`).
static TAXONOMY_PREFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    parallax_text::lines(include_str!("../../data/taxonomy_prefixes.txt")).collect()
});

/// Whether an element's class or id names it a thread of customer reviews. A class name that
/// files a post under a term (`category-reviews`: a blog's review of a book) is no such name,
/// whether the term's prefix opens the name or follows a part naming the post
/// (`entry-category-book_reviews`): only the part before the prefix says what the element is.
pub(crate) fn names_reviews(el: &Attrs<'_>) -> bool {
    fn unfiled(name: &str) -> &str {
        let filed_at = name
            .char_indices()
            .filter(|&(at, _)| at == 0 || name[..at].ends_with(['-', '_']))
            .map(|(at, _)| at)
            .find(|&at| {
                TAXONOMY_PREFIXES.iter().any(|p| {
                    name.get(at..at + p.len())
                        .is_some_and(|start| start.eq_ignore_ascii_case(p))
                })
            });
        filed_at.map_or(name, |at| &name[..at])
    }
    el.class.is_some_and(|class| {
        holds_review_name(class)
            && class
                .split_ascii_whitespace()
                .any(|name| holds_review_name(unfiled(name)))
    }) || el.id.is_some_and(holds_review_name)
}

/// Whether an element's class or id names it a thread of readers' comments.
pub(crate) fn names_comments(el: &Attrs<'_>) -> bool {
    [el.class, el.id].into_iter().flatten().any(|part| {
        // "commentary" holds "comment" and names an opinion piece, not readers' comments.
        let names = without_lookalikes(part.to_ascii_lowercase());
        COMMENT_NAMES.vocabularies(names.as_bytes()) != 0
    })
}

/// The words of class names that call an element the article's standfirst
/// (`data/lead_names.txt`).
static LEAD_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut names: Vec<&str> =
        parallax_text::lines(include_str!("../../data/lead_names.txt")).collect();
    names.sort_unstable();
    names
});

/// Whether a class attribute calls its element the article's standfirst: one of its words, cut
/// at every character that is not an ASCII letter or digit, is a name of a lead.
pub(crate) fn names_a_lead(class: &str) -> bool {
    class
        .split(|c: char| !c.is_ascii_alphanumeric())
        .flat_map(|w| [w, camel_case_head(w)])
        .filter(|w| (2..=12).contains(&w.len()))
        .any(|w| {
            LEAD_NAMES
                .binary_search(&w.to_ascii_lowercase().as_str())
                .is_ok()
        })
}

/// The last word of a name written in camel case, the one naming what the part is
/// (`articleSummary`: `Summary`; `summaryGrayDark`, a colour, is `Dark`); a name in one case is
/// its own.
fn camel_case_head(name: &str) -> &str {
    let bytes = name.as_bytes();
    let head = (1..bytes.len())
        .rev()
        .find(|&i| bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase())
        .unwrap_or(0);
    &name[head..]
}

/// The names of a page's or a box's header in the languages of [`NAMES`]
/// (`data/header_names.txt`).
static HEADER_NAMES: LazyLock<Spelled> =
    LazyLock::new(|| spelled_list(include_str!("../../data/header_names.txt")));

/// Whether a class attribute names its element a header: one of its names holds a header name.
pub(crate) fn names_a_header(class: &str) -> bool {
    HEADER_NAMES.occurs_in_any_case(class)
}

/// A list of lowercase names (one a line: letters, digits, hyphens and underscores), spelled out
/// to be searched for all at once.
fn spelled_list(lines: &'static str) -> Spelled {
    Spelled::new(parallax_text::lines(lines).map(|name| (name, 1)))
        .expect("the names are lowercase words of two letters or more")
}

/// Classifies an element by its tag, role and names.
pub(crate) fn classify(tag: &str, el: &Attrs<'_>) -> Chrome {
    if el
        .itemprop
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        return Chrome::Content;
    }
    match el.role.map(str::to_ascii_lowercase).as_deref() {
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
    // Preformatted text is the page's code or verse, whatever its highlighter names it
    // (`sp-pre-placeholder` until a script colours it), unless it is named hidden.
    if matches!(tag, "pre" | "code") && !names_it_hidden(el.class) {
        return Chrome::Neutral;
    }
    let structural = matches!(tag, "header" | "form");
    let slug_words = if super::dom::is_heading(tag) {
        HEADING_SLUG_WORDS
    } else {
        SLUG_WORDS
    };
    let id = el.id.filter(|id| !is_heading_slug(id, slug_words));
    // Room for the names and a space after each, so that the string is not grown name by name.
    let mut names = String::with_capacity(
        el.class.map_or(0, |class| class.len() + 1) + id.map_or(0, |id| id.len() + 1),
    );
    let modifiers = el
        .class
        .map_or(0, |class| push_without_modifiers(&mut names, class));
    if let Some(id) = id {
        push_lowercase(&mut names, id);
        names.push(' ');
    }
    if names.is_empty() {
        return if structural {
            Chrome::Weak
        } else {
            Chrome::Neutral
        };
    }
    // A heading named a "subheader" heads a section of the article (`<h2 class="subheader">`),
    // not the page's header that "header" names.
    if super::dom::is_heading(tag) && names.contains("header") {
        names = names
            .replace("sub-header", "subheader")
            .replace("subheader", "subheading");
    }
    // Words that hold a chrome name and name something else: "commentary" is opinion writing,
    // not readers' comments; a post's footnotes are its own notes, not the page's footer that
    // "foot" names (a note named so beside other chrome, `metaFootnote`, a print edition's line,
    // stays that chrome); "football", a film's "trailer".
    let names = without_lookalikes(names);
    // Most lists of names hold none of the chrome names: one search tells.
    let vocabularies = vocabularies_of(&names) | modifiers;
    let matched = |vocabulary: usize| {
        vocabularies & 1 << vocabulary != 0 || vocabulary == WEAK && names_it_hidden(el.class)
    };
    // A folded panel's own part named content (`accordion-content`, `tab__content`) is that
    // panel's text (a FAQ's answer, a tab's pane), not the article's: only a name beside the
    // panel's names the article (`tab-pane entry-content`).
    let content = matched(CONTENT) && (!names_a_folded_panel(el) || content_beyond_panels(el));
    let strong = matched(STRONG) || matched(STAND_IN) && tag != "p";
    if strong || matched(FOLDED) {
        if content || !strong {
            Chrome::Mixed
        } else {
            Chrome::Strong
        }
    } else if structural || matched(WEAK) {
        // A table's own header cells (`<th class="sideheader">`) head its rows and columns,
        // never the page.
        if content || matches!(tag, "th" | "thead") {
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

/// Whether an element's class names it weak chrome only by names the class `beside` bears too:
/// a page builder names every box of the page a "widget", the article's among them, and so that
/// name tells none of them apart.
pub(crate) fn weak_only_by_names_beside(tag: &str, class: &str, beside: &str) -> bool {
    let named = |class: &str| {
        classify(
            tag,
            &Attrs {
                class: Some(class),
                ..Attrs::default()
            },
        )
    };
    if named(class) != Chrome::Weak {
        return false;
    }
    // The weak names both bear, and then the element's names that hold none of them.
    let shared: Vec<&str> = class
        .split_ascii_whitespace()
        .filter(|name| beside.split_ascii_whitespace().any(|b| b == *name))
        .filter(|name| named(name) == Chrome::Weak)
        .collect();
    if shared.is_empty() {
        return false;
    }
    let own: Vec<&str> = class
        .split_ascii_whitespace()
        .filter(|name| !shared.iter().any(|s| name.contains(s)))
        .collect();
    named(&own.join(" ")) != Chrome::Weak
}

/// Appends a class attribute's names, lowercased, without their BEM modifiers, and returns the
/// vocabularies a modifier names in whole parts. In `block__element--modifier` the modifier
/// mostly says a state or a variant of the element (`node--promoted`, `body--truncated`,
/// `item--active-trail`), where a chrome word is only the start or the end of a longer word;
/// but some pages name the element itself there (`block--footer`, `site--header`,
/// `btn--read-more`), so a chrome name that is whole parts of the modifier still counts. A
/// modifier runs from `--` to the next `__` or the name's end. A state class is left out whole
/// (see [`is_state_class`]).
fn push_without_modifiers(names: &mut String, class: &str) -> u8 {
    let mut bits = 0;
    for name in class.split_ascii_whitespace() {
        if is_state_class(name) {
            continue;
        }
        let mut rest = name;
        while let Some(at) = find_pair(rest, b"--") {
            push_lowercase(names, &rest[..at]);
            let modifier = &rest[at + 2..];
            let end = find_pair(modifier, b"__").unwrap_or(modifier.len());
            bits |= whole_part_vocabularies(&modifier[..end].to_ascii_lowercase());
            rest = &modifier[end..];
        }
        push_lowercase(names, rest);
        names.push(' ');
    }
    bits
}

/// Where `pair` (two ASCII bytes, such as BEM's `--` and `__`) first occurs in `name`: what
/// `str::find` tells, without setting up a substring searcher for each name of each element.
fn find_pair(name: &str, pair: &[u8; 2]) -> Option<usize> {
    name.as_bytes().windows(2).position(|w| w == pair)
}

/// Whether a class name is a state or a variant of its element rather than what the element is:
/// the `is-` classes of site builders and CSS conventions. `is-style-sidebar` is a block laid
/// out in the sidebar style (often the article's own columns), `is-sticky-header` one that
/// stays on screen like a header: neither is the sidebar or the header it names. (`has-`
/// classes are kept: `has-caption` and `has-legal-font-size` do say what their box holds.)
/// Whether a class hides its box is read from the raw class apart. So is a name whose last part
/// says what the box qualifies for (`subscription-eligible`: `data/state_suffixes.txt`): a
/// product that may be bought on subscription is no subscription box. So is a name saying which
/// readers may see how much of the box (`subscriber-only`, `subscriber-preview`): a paragraph
/// kept for subscribers is no offer to subscribe.
fn is_state_class(name: &str) -> bool {
    let listed = |list: &[&str], word: &str| list.iter().any(|s| word.eq_ignore_ascii_case(s));
    name.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("is-"))
        || name.rsplit_once('-').is_some_and(|(rest, last)| {
            listed(&STATE_SUFFIXES, last)
                || listed(&ACCESS_LEVELS, last)
                    && rest
                        .rsplit(['-', '_'])
                        .next()
                        .is_some_and(|who| listed(&READER_GROUPS, who))
        })
}

/// The vocabulary of `data/state_suffixes.txt`.
const STATE_NAMES: &str = include_str!("../../data/state_suffixes.txt");

/// Last parts of a class name that make it a state of its box (`data/state_suffixes.txt`).
static STATE_SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    parallax_text::lines(STATE_NAMES)
        .filter(|l| !l.contains(':'))
        .collect()
});

/// Last parts saying how much of a box a reader may see (`access:`), a state after a
/// [`READER_GROUPS`] word.
static ACCESS_LEVELS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| parallax_text::keyed_lines(STATE_NAMES, "access").collect());

/// Words naming the readers a box is kept for (`reader:`: "subscriber", "abonnent").
static READER_GROUPS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| parallax_text::keyed_lines(STATE_NAMES, "reader").collect());

/// Each vocabulary of [`NAMES`] as one regex that must match the whole text.
#[cfg(test)]
static WHOLE_NAMES: LazyLock<[Regex; 5]> = LazyLock::new(|| {
    let whole = |v: usize| {
        Regex::new(&format!("^(?:{})$", NAMES[v].as_str()))
            .expect("the chrome names are regex fragments that compile")
    };
    [whole(0), whole(1), whole(2), whole(3), whole(4)]
});

/// The vocabularies of [`WHOLE_NAMES`] that `run` is, one bit each.
#[cfg(test)]
fn whole_vocabularies(run: &str) -> u8 {
    (0..WHOLE_NAMES.len())
        .filter(|&v| WHOLE_NAMES[v].is_match(run))
        .fold(0, |bits, v| bits | 1 << v)
}

/// The most parts (cut at hyphens and underscores) a chrome name has, with room to spare:
/// `read-more-link` has three.
const NAME_PARTS: usize = 4;

/// The vocabularies whose names are one or more whole parts (cut at hyphens and underscores) of
/// a lowercased modifier: `read-more` in `more--read-more-link`, not `promo` in `promoted`.
fn whole_part_vocabularies(modifier: &str) -> u8 {
    if modifier.is_empty() || vocabularies_of(modifier) == 0 {
        return 0;
    }
    let mut parts = Vec::new();
    let mut start = None;
    for (at, c) in modifier.char_indices().chain([(modifier.len(), '-')]) {
        match (c == '-' || c == '_', start) {
            (true, Some(s)) => {
                parts.push((s, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    let mut bits = 0;
    // Runs of at most `NAME_PARTS` parts: no chrome name has more, and a modifier of many parts
    // costs no more than a few of its runs each.
    for (i, &(from, _)) in parts.iter().enumerate() {
        for &(_, to) in parts[i..].iter().take(NAME_PARTS) {
            let run = &modifier[from..to];
            bits |= SPELLED.whole(run.as_bytes());
        }
    }
    bits
}

/// Appends `part` lowercased.
fn push_lowercase(names: &mut String, part: &str) {
    let start = names.len();
    names.push_str(part);
    if let Some(added) = names.get_mut(start..) {
        added.make_ascii_lowercase();
    }
}

/// Class names that say an element is not shown, as whole names (`data/hidden_names.txt`).
static HIDDEN_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| parallax_text::lines(include_str!("../../data/hidden_names.txt")).collect());

/// Whether one of the names of a class attribute, whole, says its element is not shown
/// ("hidden"); "overflow-hidden" or "hidden-xs" say how or where.
fn names_it_hidden(class: Option<&str>) -> bool {
    class.is_some_and(|class| {
        class.split_ascii_whitespace().any(|name| {
            HIDDEN_NAMES
                .iter()
                .any(|hidden| name.eq_ignore_ascii_case(hidden))
        })
    })
}

/// Whether a class names a panel folded behind a toggle, as [`names_a_folded_panel`] reads it.
pub(crate) fn class_names_a_folded_panel(class: &str) -> bool {
    FOLDED_PANEL_NAMES.occurs_in_any_case(class)
}

/// Names of the panels a page folds its text into behind a toggle (`data/folded_panel_names.txt`).
static FOLDED_PANEL_NAMES: LazyLock<Spelled> =
    LazyLock::new(|| spelled_list(include_str!("../../data/folded_panel_names.txt")));

/// Whether an element is a panel folded behind a toggle (an accordion's section, a tab's pane,
/// an expander's rest, a FAQ's answer): named so in its class or id, or given the tab panel's
/// role. Hidden as the page first shows it, its text is still the page's: a reader opens it with
/// one click, and a shop folds its description and specifications so.
pub(crate) fn names_a_folded_panel(attrs: &Attrs<'_>) -> bool {
    if attrs
        .role
        .is_some_and(|r| r.eq_ignore_ascii_case("tabpanel"))
    {
        return true;
    }
    class_or_id_holds(attrs, &FOLDED_PANEL_NAMES)
}

/// Class names of a carousel's slides (`data/carousel_slide_names.txt`).
static CAROUSEL_SLIDE_NAMES: LazyLock<Spelled> =
    LazyLock::new(|| spelled_list(include_str!("../../data/carousel_slide_names.txt")));

/// Whether an element's class names it a carousel's slide: `aria-hidden` on it says only that
/// the carousel does not show it at the moment; it shows in turn, or with a click.
pub(crate) fn names_a_carousel_slide(attrs: &Attrs<'_>) -> bool {
    attrs
        .class
        .is_some_and(|names| CAROUSEL_SLIDE_NAMES.occurs_in_any_case(names))
}

/// Whether an element's class or id names content outside its names of a folded panel: in
/// `tab-pane entry-content` the article's content, in `faq-accordion-content` only the panel's.
fn content_beyond_panels(el: &Attrs<'_>) -> bool {
    let mut names = String::new();
    let id = el.id.filter(|id| !is_heading_slug(id, SLUG_WORDS));
    for name in el
        .class
        .into_iter()
        .flat_map(str::split_ascii_whitespace)
        .chain(id)
    {
        if !FOLDED_PANEL_NAMES.occurs_in_any_case(name) {
            push_lowercase(&mut names, name);
            names.push(' ');
        }
    }
    vocabularies_of(&names) & 1 << CONTENT != 0
}

/// Whether an id is a heading made into an anchor: `words` words or more joined by hyphens or
/// underscores.
fn is_heading_slug(id: &str, words: usize) -> bool {
    id.split(['-', '_'])
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
        >= words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_alike_by_the_spelled_table_and_the_regexes() {
        for names in [
            "post-body share-bar ",
            "col-md-8 clearfix ",
            "most-read ",
            "sidebar ",
            "lire-la-suite ",
            "a-lire-aussi alireaussi widget-body ",
            "x ",
            "",
        ] {
            let any_vocabulary = NAMES.iter().any(|n| n.is_match(names));
            assert_eq!(ANY_NAME.is_match(names), any_vocabulary, "{names}");
            let by_regex = (0..NAMES.len())
                .filter(|&v| NAMES[v].is_match(names))
                .fold(0, |bits, v| bits | 1 << v);
            assert_eq!(vocabularies_of(names), by_regex, "{names}");
        }
    }

    /// Every spelled name, and runs that are none, is whole in exactly the vocabularies whose
    /// whole-name regexes match it.
    #[test]
    fn whole_names_are_found_alike_by_the_spelled_table_and_the_regexes() {
        let spelled = &*SPELLED;
        let mut runs: Vec<String> = ["read-more", "readmore", "side-bar", "promoted", "x", ""]
            .map(String::from)
            .to_vec();
        for names in &spelled.by_pair {
            for spelling in names {
                let name = String::from_utf8(spelling.name.clone()).expect("ASCII");
                runs.push(format!("{name}-link"));
                runs.push(name);
            }
        }
        for run in &runs {
            assert_eq!(
                spelled.whole(run.as_bytes()),
                whole_vocabularies(run),
                "{run}"
            );
        }
    }

    /// The comment and review names as the regexes of their fragments find them: comments in
    /// lowercased names, reviews in any ASCII case.
    #[test]
    fn comment_and_review_names_are_found_as_their_regexes_find_them() {
        let regex = |file: &'static str, flags: &str| {
            let names: Vec<&str> = parallax_text::lines(file).collect();
            Regex::new(&format!("{flags}{}", names.join("|"))).expect("fragments compile")
        };
        let comments = regex(include_str!("../../data/comment_names.txt"), "");
        let reviews = regex(include_str!("../../data/review_names.txt"), "(?i)");
        let mut texts: Vec<String> = ["", "x", "post-body", "commentary", "Customer-Reviews"]
            .map(String::from)
            .to_vec();
        for file in [
            include_str!("../../data/comment_names.txt"),
            include_str!("../../data/review_names.txt"),
        ] {
            for name in parallax_text::lines(file) {
                for spelled in [name.replace("-?", "-"), name.replace("-?", "")] {
                    texts.push(format!("box {spelled}-list"));
                    texts.push(spelled.to_ascii_uppercase());
                    texts.push(spelled.chars().skip(1).collect());
                    texts.push(spelled);
                }
            }
        }
        for text in &texts {
            let spelled = COMMENT_NAMES.vocabularies(text.as_bytes()) != 0;
            assert_eq!(spelled, comments.is_match(text), "comments: {text}");
            assert_eq!(
                holds_review_name(text),
                reviews.is_match(text),
                "reviews: {text}"
            );
        }
    }

    /// BEM's separators are found where `str::find` finds them, first occurrence first, also
    /// beside letters of other scripts.
    #[test]
    fn bem_separators_are_found_where_find_finds_them() {
        for name in [
            "",
            "-",
            "block--modifier",
            "block__element--modifier",
            "a---b",
            "über--straße__teil",
            "no-separator_here",
            "--",
            "x__",
        ] {
            assert_eq!(find_pair(name, b"--"), name.find("--"), "{name}");
            assert_eq!(find_pair(name, b"__"), name.find("__"), "{name}");
        }
        assert_eq!(find_pair("über--x", b"--"), Some(5));
    }

    /// Names of a header, a folded panel and a carousel's slide, found in any ASCII case
    /// anywhere in a class or id, and nowhere else.
    #[test]
    fn header_panel_and_slide_names_are_found_in_any_case() {
        for (class, header) in [
            ("site-Header", true),
            ("MASTHEAD", true),
            ("page-kopfzeile wide", true),
            ("subhead", false),
            ("heade", false),
            ("", false),
        ] {
            assert_eq!(names_a_header(class), header, "{class}");
        }
        fn named(class: &str) -> Attrs<'_> {
            Attrs {
                class: Some(class),
                ..Attrs::default()
            }
        }
        let panel = |class: &str| names_a_folded_panel(&named(class));
        for (class, folded) in [
            ("Accordion-item", true),
            ("box tab__Content", true),
            ("faq-respuesta", true),
            ("collapsible", true),
            ("tab content", false),
            ("tab_content", false),
            ("accordio", false),
        ] {
            assert_eq!(panel(class), folded, "{class}");
        }
        let slide = |class: &str| names_a_carousel_slide(&named(class));
        assert!(slide("Splide__Slide is-active"));
        assert!(slide("carousel-item"));
        assert!(!slide("slide"));
    }

    /// Each list's names are found as lowercasing a text and searching it for every name finds
    /// them: in texts that hold a name in other cases, cut short, or among other words.
    #[test]
    fn names_in_any_case_are_found_as_a_lowercase_search_finds_them() {
        for file in [
            include_str!("../../data/header_names.txt"),
            include_str!("../../data/folded_panel_names.txt"),
            include_str!("../../data/carousel_slide_names.txt"),
            include_str!("../../data/answer_names.txt"),
        ] {
            let names: Vec<&str> = parallax_text::lines(file).collect();
            let spelled = spelled_list(file);
            let mut texts: Vec<String> = ["", "x", "Ü-header", "main-Content é"]
                .map(String::from)
                .to_vec();
            for name in &names {
                texts.push(format!("box {}-list", name.to_ascii_uppercase()));
                texts.push(name.chars().skip(1).collect());
                texts.push(name[..name.len() - 1].to_string());
                texts.push(format!("é{name}"));
            }
            for text in &texts {
                let lower = text.to_ascii_lowercase();
                let searched = names.iter().any(|n| lower.contains(n));
                assert_eq!(spelled.occurs_in_any_case(text), searched, "{text}");
            }
        }
    }

    /// Checks what an element of `tag` and `class` is by its names.
    #[track_caller]
    fn check_chrome(tag: &str, class: &str, expected: Chrome) {
        let attrs = Attrs {
            class: Some(class),
            ..Attrs::default()
        };
        assert_eq!(classify(tag, &attrs), expected, "<{tag} class={class:?}>");
    }

    #[test]
    fn a_heading_named_a_subheader_heads_a_section_not_the_page() {
        let check = check_chrome;
        check("h2", "subheader", Chrome::Neutral);
        check("h3", "c-Sub-Header", Chrome::Neutral);
        // Elsewhere a sub-header is a bar of the site's header; a heading named the header is
        // the page's.
        check("div", "subheader", Chrome::Weak);
        check("div", "sub-header", Chrome::Weak);
        check("h2", "site-header__title", Chrome::Weak);
        check("h2", "subheader share", Chrome::Strong);
    }

    #[test]
    fn a_word_that_holds_a_chrome_name_and_names_something_else_is_no_name() {
        let check = |class: &str, expected: Chrome| check_chrome("div", class, expected);
        check("footballer-profile", Chrome::Neutral);
        check("film-trailer", Chrome::Neutral);
        check("accredited-course", Chrome::Neutral);
        check("extract", Chrome::Neutral);
        // The chrome names themselves, and beside such a word, still name chrome.
        check("page-foot", Chrome::Weak);
        check("football right-rail", Chrome::Weak);
        check("photo-credit", Chrome::Weak);
    }

    #[test]
    fn a_lead_is_named_by_a_word_or_a_camel_case_name_s_last_word() {
        fn check(class: &str, expected: bool) {
            assert_eq!(names_a_lead(class), expected, "{class:?}");
        }
        check("article-summary", true);
        check("c-chapo", true);
        check("articleSummary", true);
        check("styles_articleDek__Icz5H", true);
        check("storyIntro", true);
        // A camel-case name's last word says what the part is: a colour named after a summary
        // box names no lead, nor does a word that only holds a lead's name.
        check("text-summaryGrayDark", false);
        check("summaryCard", false);
        check("introvert", false);
        check("article-body", false);
    }

    #[test]
    fn a_chrome_name_the_container_bears_too_names_no_chrome() {
        fn check(class: &str, container: &str, expected: bool) {
            assert_eq!(
                weak_only_by_names_beside("div", class, container),
                expected,
                "{class:?} beside {container:?}"
            );
        }
        check(
            "so-panel widget widget_sow-editor",
            "so-panel widget widget_text",
            true,
        );
        check(
            "elementor-widget elementor-widget-image-box",
            "elementor-widget elementor-widget-theme-post-content",
            true,
        );
        // A chrome name of its own, or one the container does not bear.
        check(
            "panel widget sidebar-box",
            "panel widget widget_text",
            false,
        );
        check("panel widget", "panel story-text", false);
        // No chrome name at all, or one said with content's ("text").
        check("panel", "panel widget_text", false);
        check("panel widget widget_text", "panel widget", false);
    }
}
