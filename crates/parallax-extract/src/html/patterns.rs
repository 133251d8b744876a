//! What an element's markup (tag, role, class and id) says about it: page chrome or article.
//!
//! Class and id names are the page author's vocabulary, not the article's language, so matching
//! them does not tie extraction to English text.

use std::sync::LazyLock;

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
/// An id of this many words or more is a heading turned into an anchor
/// ("sharing-with-a-single-developer"): the words are the section's title, not a name.
const SLUG_WORDS: usize = 5;

/// The vocabularies of `data/chrome_names.txt` (strong, weak, content, and folded with held: both
/// are judged by whether the element holds paragraphs), one regex
/// each: a regex of alternatives tells whether any matches with a literal search that stops at the
/// first, where a set of them would run every alternative over the whole text.
static NAMES: LazyLock<[Regex; 4]> = LazyLock::new(|| {
    let mut vocabularies = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
    for line in parallax_text::lines(include_str!("../../data/chrome_names.txt")) {
        let Some((kind, name)) = line.split_once(':') else {
            continue;
        };
        let index = match kind {
            "strong" => STRONG,
            "weak" => WEAK,
            "content" => CONTENT,
            "folded" | "held" => FOLDED,
            _ => continue,
        };
        vocabularies[index].push(name.trim());
    }
    vocabularies.map(|names| {
        Regex::new(&names.join("|")).expect("the chrome names are regex fragments that compile")
    })
});

/// Every name of the four vocabularies in one regex.
static ANY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let all: Vec<&str> = NAMES.iter().map(Regex::as_str).collect();
    Regex::new(&all.join("|")).expect("the chrome names are regex fragments that compile")
});

/// The chrome names spelled out, found by their first two bytes: a table look-up per position of
/// a list of names, where the regexes cost a search each. `None` when a name is more than
/// lowercase letters, digits, hyphens and optional hyphens (`most-?read`: `mostread`,
/// `most-read`); the regexes then do.
static SPELLED: LazyLock<Option<Spelled>> = LazyLock::new(|| {
    let mut by_pair = vec![Vec::new(); 128 * 128];
    for line in parallax_text::lines(include_str!("../../data/chrome_names.txt")) {
        let Some((kind, name)) = line.split_once(':') else {
            continue;
        };
        let bit = match kind {
            "strong" => 1 << STRONG,
            "weak" => 1 << WEAK,
            "content" => 1 << CONTENT,
            "folded" | "held" => 1 << FOLDED,
            _ => continue,
        };
        let parts: Vec<&str> = name.trim().split("-?").collect();
        let plain = |part: &str| {
            part.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
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
            by_pair[usize::from(a) * 128 + usize::from(b)].push((spelled.into_bytes(), bit));
        }
    }
    Some(Spelled { by_pair })
});

/// The chrome names by their first two bytes (`a * 128 + b`), each with its vocabulary's bit.
struct Spelled {
    by_pair: Vec<Vec<(Vec<u8>, u8)>>,
}

impl Spelled {
    /// The vocabularies whose names occur in `names`, one bit each.
    fn vocabularies(&self, names: &[u8]) -> u8 {
        let mut bits = 0;
        for (at, pair) in names.windows(2).enumerate() {
            let (a, b) = (usize::from(pair[0]), usize::from(pair[1]));
            if a >= 128 || b >= 128 {
                continue;
            }
            for (name, bit) in &self.by_pair[a * 128 + b] {
                if names[at..].starts_with(name) {
                    bits |= bit;
                }
            }
        }
        bits
    }
}

/// The vocabularies of [`NAMES`] that match in `names`, one bit each.
fn vocabularies_of(names: &str) -> u8 {
    match &*SPELLED {
        Some(spelled) => spelled.vocabularies(names.as_bytes()),
        None if !ANY_NAME.is_match(names) => 0,
        None => (0..NAMES.len())
            .filter(|&v| NAMES[v].is_match(names))
            .fold(0, |bits, v| bits | 1 << v),
    }
}

/// The word that names opinion writing among class names, searched once built.
static COMMENTARY: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("commentary"));

/// The names of a thread of readers' comments (`data/comment_names.txt`).
static COMMENT_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<&str> =
        parallax_text::lines(include_str!("../../data/comment_names.txt")).collect();
    Regex::new(&names.join("|")).expect("the comment names are regex fragments that compile")
});

/// The names of a thread of customer reviews (`data/review_names.txt`), any case.
static REVIEW_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<&str> =
        parallax_text::lines(include_str!("../../data/review_names.txt")).collect();
    Regex::new(&format!("(?i){}", names.join("|")))
        .expect("the review names are regex fragments that compile")
});

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
        REVIEW_NAMES.is_match(class)
            && class
                .split_ascii_whitespace()
                .any(|name| REVIEW_NAMES.is_match(unfiled(name)))
    }) || el.id.is_some_and(|id| REVIEW_NAMES.is_match(id))
}

/// Whether an element's class or id names it a thread of readers' comments.
pub(crate) fn names_comments(el: &Attrs<'_>) -> bool {
    [el.class, el.id].into_iter().flatten().any(|part| {
        // "commentary" holds "comment" and names an opinion piece, not readers' comments.
        let names = part.to_ascii_lowercase().replace("commentary", "opinion");
        COMMENT_NAMES.is_match(&names)
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
        .filter(|w| (2..=12).contains(&w.len()))
        .any(|w| {
            LEAD_NAMES
                .binary_search(&w.to_ascii_lowercase().as_str())
                .is_ok()
        })
}

/// The names of a page's or a box's header in the languages of [`NAMES`]
/// (`data/header_names.txt`).
static HEADER_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| parallax_text::lines(include_str!("../../data/header_names.txt")).collect());

/// Whether a class attribute names its element a header: one of its names holds a header name.
pub(crate) fn names_a_header(class: &str) -> bool {
    holds_any(class, &HEADER_NAMES)
}

/// Whether a class or id attribute, lowercased, holds one of the (lowercase) `names` anywhere.
fn holds_any(attribute: &str, names: &[&str]) -> bool {
    let attribute = attribute.to_ascii_lowercase();
    names.iter().any(|name| attribute.contains(name))
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
    let structural = matches!(tag, "header" | "form");
    let mut names = String::new();
    let id = el.id.filter(|id| !is_heading_slug(id));
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
    // "Commentary" is opinion writing, not reader comments.
    if COMMENTARY.find(names.as_bytes()).is_some() {
        names = names.replace("commentary", "opinion");
    }
    // Most lists of names hold none of the chrome names: one search tells.
    let vocabularies = vocabularies_of(&names) | modifiers;
    let matched = |vocabulary: usize| {
        vocabularies & 1 << vocabulary != 0 || vocabulary == WEAK && names_it_hidden(el.class)
    };
    let content = matched(CONTENT);
    let strong = matched(STRONG);
    if strong || matched(FOLDED) {
        if content || !strong {
            Chrome::Mixed
        } else {
            Chrome::Strong
        }
    } else if structural || matched(WEAK) {
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
        while let Some(at) = rest.find("--") {
            push_lowercase(names, &rest[..at]);
            let modifier = &rest[at + 2..];
            let end = modifier.find("__").unwrap_or(modifier.len());
            bits |= whole_part_vocabularies(&modifier[..end].to_ascii_lowercase());
            rest = &modifier[end..];
        }
        push_lowercase(names, rest);
        names.push(' ');
    }
    bits
}

/// Whether a class name is a state or a variant of its element rather than what the element is:
/// the `is-` classes of site builders and CSS conventions. `is-style-sidebar` is a block laid
/// out in the sidebar style (often the article's own columns), `is-sticky-header` one that
/// stays on screen like a header: neither is the sidebar or the header it names. (`has-`
/// classes are kept: `has-caption` and `has-legal-font-size` do say what their box holds.)
/// Whether a class hides its box is read from the raw class apart. So is a name whose last part
/// says what the box qualifies for (`subscription-eligible`: `data/state_suffixes.txt`): a
/// product that may be bought on subscription is no subscription box.
fn is_state_class(name: &str) -> bool {
    name.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("is-"))
        || name
            .rsplit_once('-')
            .is_some_and(|(_, last)| STATE_SUFFIXES.iter().any(|s| last.eq_ignore_ascii_case(s)))
}

/// Last parts of a class name that make it a state of its box (`data/state_suffixes.txt`).
static STATE_SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| parallax_text::lines(include_str!("../../data/state_suffixes.txt")).collect());

/// Each vocabulary of [`NAMES`] as one regex that must match the whole text.
static WHOLE_NAMES: LazyLock<[Regex; 4]> = LazyLock::new(|| {
    let whole = |v: usize| {
        Regex::new(&format!("^(?:{})$", NAMES[v].as_str()))
            .expect("the chrome names are regex fragments that compile")
    };
    [whole(0), whole(1), whole(2), whole(3)]
});

/// The most parts (cut at hyphens and underscores) a chrome name has, with room to spare:
/// `read-more-link` has three.
const NAME_PARTS: usize = 4;

/// The vocabularies whose names are one or more whole parts (cut at hyphens and underscores) of
/// a lowercased modifier: `read-more` in `more--read-more-link`, not `promo` in `promoted`.
fn whole_part_vocabularies(modifier: &str) -> u8 {
    if modifier.is_empty() || !ANY_NAME.is_match(modifier) {
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
            for (v, whole) in WHOLE_NAMES.iter().enumerate() {
                if whole.is_match(run) {
                    bits |= 1 << v;
                }
            }
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

/// Names of the panels a page folds its text into behind a toggle (`data/folded_panel_names.txt`).
static FOLDED_PANEL_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    parallax_text::lines(include_str!("../../data/folded_panel_names.txt")).collect()
});

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
    [attrs.class, attrs.id]
        .into_iter()
        .flatten()
        .any(|names| holds_any(names, &FOLDED_PANEL_NAMES))
}

/// Whether an id is a heading made into an anchor: many words joined by hyphens or underscores.
fn is_heading_slug(id: &str) -> bool {
    id.split(['-', '_'])
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
        >= SLUG_WORDS
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
            if let Some(spelled) = SPELLED.as_ref() {
                assert_eq!(spelled.vocabularies(names.as_bytes()), by_regex, "{names}");
            }
            assert_eq!(vocabularies_of(names), by_regex, "{names}");
        }
    }
}
