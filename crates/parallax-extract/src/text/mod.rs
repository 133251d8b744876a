//! Text-level cleaning: sorts a document's blocks into the article body and the chrome around it,
//! and reads metadata (title, byline, wire, outlet, date, URL) out of that chrome.
//!
//! The body is found by shape, not by keywords: it is the run of blocks that read as prose
//! (several words ending like a sentence). What stands before it is the header (date lines, title,
//! byline, caption, credits), what stands after it is the footer (share bars, sign-up prompts,
//! source links). Inside the body, teasers for other stories are found by their shape too: a
//! marker line, a date line, a headline and a snippet cut off with an ellipsis.

mod address;
mod blocks;
mod credits;
mod date_scanners;
mod dateline;
mod error_page;
mod form_terms;
mod language;
mod media_stamps;
mod member_stats;
mod meta;
mod page_stamps;
mod runs;
mod scan;
mod source_lines;

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::NaiveDate;
use credits::{
    copyright_outlet, credit_ends, join_outlet, labelled_credit_ends, may_hold_copyright,
    may_hold_credit, may_open_with_join, may_open_with_reporting_credit,
    opens_with_reporting_credit,
};
use parallax_core::{Removed, SourceMeta};

pub use blocks::{ends_with_terminal, normalize, split_blocks};
pub(crate) use error_page::is_error_page;
pub use language::{detect_language, settle_language};
pub use meta::{
    date_from_url, dateline, find_date, find_date_in, may_hold_ambiguous_date, outlet_from_url,
    parse_byline, parse_date, wire_name, NumericOrder,
};
pub(crate) use meta::{is_date_word, split_joined};

use crate::lexicon::{
    BOILERPLATE, BOILERPLATE_ALL, BOILERPLATE_ANYWHERE, BOILERPLATE_AT_START, CHROME_BLOCKS,
    COUNTED, LABELS, RELATED,
};

/// The body of a document and the metadata read from the rest of it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Cleaned {
    /// The article's paragraphs.
    pub paragraphs: Vec<String>,
    /// What was taken out, and why.
    pub removed: Vec<Removed>,
    /// The headline.
    pub title: Option<String>,
    /// Named bylines.
    pub authors: Vec<String>,
    /// Wire services credited.
    pub wire: Vec<String>,
    /// The publishing outlet.
    pub outlet: Option<String>,
    /// The article's date.
    pub published: Option<NaiveDate>,
    /// The article's URL.
    pub url: Option<String>,
    /// The dateline opening one of its first paragraphs, left in place there.
    pub dateline: Option<String>,
}

/// Words in a block; in scripts written without spaces (Chinese, Japanese), two characters count
/// as a word. The code asks [`words_exceed`], which stops reading once it can tell; this is the
/// count it agrees with.
#[cfg(test)]
fn word_count(s: &str) -> usize {
    let spaced = s.split_whitespace().count();
    let unspaced = s.chars().filter(|c| is_cjk(*c)).count();
    spaced + unspaced / 2
}

/// Whether `s` has more than `limit` words as [`word_count`] counts them, read only as far as
/// it takes to tell: a long paragraph is known to be long after its first words.
/// One pass over the characters: a word starts at each character that is not white space after
/// one that is (or at the start), and the counts only grow, so the first time they pass `limit`
/// tells. Eight bytes of ASCII are read at once ([`ascii_word_starts`]): the answer is the same
/// when the limit is checked after them rather than after each of their words.
pub(crate) fn words_exceed(s: &str, limit: usize) -> bool {
    let (mut spaced, mut unspaced) = (0usize, 0usize);
    let mut in_word = false;
    let bytes = s.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // ASCII, most of most texts, is read without decoding characters: it is white space (as
        // `char::is_whitespace` has it) or a letter of a word, never CJK.
        if b.is_ascii() {
            if let Some(&eight) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
                let word = u64::from_le_bytes(eight);
                if word & HIGH_BITS == 0 {
                    let (starts, ends_in_word) = ascii_word_starts(word, in_word);
                    spaced += starts;
                    in_word = ends_in_word;
                    at += 8;
                    if spaced + unspaced / 2 > limit {
                        return true;
                    }
                    continue;
                }
            }
            at += 1;
            if is_ascii_white_space(b) {
                in_word = false;
            } else if !in_word {
                in_word = true;
                spaced += 1;
                if spaced + unspaced / 2 > limit {
                    return true;
                }
            }
            continue;
        }
        let Some(c) = s.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        at += c.len_utf8();
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        if !in_word {
            in_word = true;
            spaced += 1;
        }
        if is_cjk(c) {
            unspaced += 1;
        }
        if spaced + unspaced / 2 > limit {
            return true;
        }
    }
    false
}

/// The high bit of each byte of a word.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// One in each byte of a word.
const BYTE_ONES: u64 = 0x0101_0101_0101_0101;

/// Of eight ASCII bytes (little-endian in `word`), how many open a word (are not white space, as
/// [`is_ascii_white_space`] has it, and follow white space, or open the eight when `in_word` is
/// false), and whether the last is in a word. Each byte's flag is its high bit; no sum below
/// carries into the next byte, every byte being under 0x80.
fn ascii_word_starts(word: u64, in_word: bool) -> (usize, bool) {
    let white = ascii_white_space_bytes(word);
    let letters = !white & HIGH_BITS;
    let before_white = (white << 8) | if in_word { 0 } else { 0x80 };
    let starts = (letters & before_white).count_ones() as usize;
    (starts, letters >> 63 == 1)
}

/// The bytes of a word equal to `byte`, each flagged by its high bit.
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let low_bits = !HIGH_BITS;
    // The bytes that XOR leaves zero; no sum carries: each is at most 0x7f + 0x7f.
    let x = word ^ (u64::from(byte) * BYTE_ONES);
    !((x & low_bits).wrapping_add(low_bits) | x) & HIGH_BITS
}

/// The bytes of a word of ASCII bytes (each under 0x80) that are white space, as
/// [`is_ascii_white_space`] has it, each flagged by its high bit. No sum carries into the next
/// byte, every byte being under 0x80.
fn ascii_white_space_bytes(word: u64) -> u64 {
    // Tab to carriage return, 9 to 13: at least 9 and not at least 14.
    let from_tab = word.wrapping_add((0x80 - 9) * BYTE_ONES);
    let from_shift_out = word.wrapping_add((0x80 - 14) * BYTE_ONES);
    let controls = from_tab & !from_shift_out & HIGH_BITS;
    bytes_equal(word, b' ') | controls
}

/// How many of eight bytes (little-endian in `word`) are visible ASCII (neither white space, as
/// [`is_ascii_white_space`] has it, nor part of another character) before the first that is not
/// (eight when all are), and how many of those are commas.
pub(crate) fn visible_ascii_run(word: u64) -> (usize, u32) {
    // A byte of another character is a stop whatever its low bits read as.
    let stops = (word & HIGH_BITS) | ascii_white_space_bytes(word & !HIGH_BITS);
    // A stop's flag is bit 7 of its byte: the bits below it are the bytes before it.
    let run = (stops.trailing_zeros() / 8) as usize;
    let in_run = u64::MAX
        .checked_shl(8 * run as u32)
        .map_or(u64::MAX, |above| !above);
    (run, (bytes_equal(word, b',') & in_run).count_ones())
}

/// How many of eight bytes (little-endian in `word`) are ASCII white space, as
/// [`is_ascii_white_space`] has it, before the first that is not (eight when all are).
pub(crate) fn ascii_white_space_run(word: u64) -> usize {
    let stops = (word | !ascii_white_space_bytes(word & !HIGH_BITS)) & HIGH_BITS;
    (stops.trailing_zeros() / 8) as usize
}

/// Whether an ASCII byte is white space as [`char::is_whitespace`] has it (vertical tab too,
/// which `u8::is_ascii_whitespace` leaves out).
pub(crate) fn is_ascii_white_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Whether a character is of a script written without spaces between words (Chinese, Japanese)
/// or of Korean's syllables. (Most characters met are below all of them: one comparison tells.)
pub(crate) fn is_cjk(c: char) -> bool {
    c >= '\u{3040}'
        && matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

fn truncated(b: &str) -> bool {
    let t = b.trim_end();
    t.ends_with("...") || t.ends_with('…')
}

/// Blocks longer than this are prose, never boilerplate.
const MAX_BOILERPLATE_WORDS: usize = 30;
// A block short enough to be boilerplate is short enough to be read for address.
const _: () = assert!(MAX_BOILERPLATE_WORDS <= address::MAX_WORDS);

fn is_boilerplate(b: &str) -> bool {
    if words_exceed(b, MAX_BOILERPLATE_WORDS) {
        return false;
    }
    address::is_short_reader_address(b) || says_boilerplate(b)
}

/// Whether a short block says one of the phrases of site chrome (`data/boilerplate.txt`): "Share
/// this article", "Video: …", "© 2026 …", or one of them anywhere ("… our privacy policy").
fn says_boilerplate(b: &str) -> bool {
    if words_exceed(b, MAX_BOILERPLATE_WORDS) {
        return false;
    }
    let lower = b.to_lowercase();
    opens_with_boilerplate(&lower)
        || BOILERPLATE_ANYWHERE.is_match(&lower)
        || is_chrome_block(&lower)
}

/// Words of the longest block [`is_chrome_block`] looks up.
const MAX_CHROME_BLOCK_WORDS: usize = 5;

/// Words of the longest pair of chrome blocks [`is_chrome_pair`] reads.
const MAX_CHROME_PAIR_WORDS: usize = 6;

/// Whether a lowercased block is nothing but a piece of site chrome (`data/chrome_blocks.txt`):
/// an advertisement's label ("Anzeige", "Publicidad"), a share button, a consent placeholder where
/// an embed was ("Externer Inhalt"), or two such pieces side by side ([`is_chrome_pair`]). Only
/// the whole block counts: the same words open sentences of articles ("Anzeige erstattet hat
/// …", "Share prices fell").
fn is_chrome_block(lower: &str) -> bool {
    let block = lower.trim_matches(|c: char| !c.is_alphanumeric());
    !words_exceed(block, MAX_CHROME_BLOCK_WORDS) && CHROME_BLOCKS.contains(block)
        || !words_exceed(block, MAX_CHROME_PAIR_WORDS) && is_chrome_pair(block)
        || is_counter(block)
}

/// Whether a lowercased block is a counter and nothing else: a count ("12", "1,204", "3.4k")
/// and what it counts (`data/counters.txt`: "likes", "Antworten", "réponses").
fn is_counter(block: &str) -> bool {
    block.split_once(' ').is_some_and(|(count, counted)| {
        count.starts_with(|c: char| c.is_ascii_digit())
            && member_stats::is_count(count)
            && COUNTED.contains(counted.trim())
    })
}

/// Whether a lowercased block is two pieces of chrome one after the other: a toggle's two labels,
/// of which a script shows one ("Mehr anzeigen Weniger anzeigen"), also when both name what they
/// fold with one word ("Box aufklappen Box zuklappen"), or two buttons of a bar ("Teilen
/// Drucken").
fn is_chrome_pair(block: &str) -> bool {
    let words: Vec<&str> = block
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let chrome =
        |part: &[&str]| !part.is_empty() && CHROME_BLOCKS.contains(part.join(" ").as_str());
    (1..words.len()).any(|cut| {
        let (first, second) = words.split_at(cut);
        chrome(first) && chrome(second)
            || first.len() >= 2
                && second.len() >= 2
                && first[0] == second[0]
                && chrome(&first[1..])
                && chrome(&second[1..])
    })
}

/// Blocks of a page's article longer than this are read for a chrome phrase only at their start:
/// a sentence of the article may speak of "terms of service".
const MAX_PAGE_BOILERPLATE_WORDS: usize = 12;

/// Whether a block of a page's article is chrome by its phrases: one opening it ("This article
/// was updated to …", "Video: …"), or one anywhere in a block of a few words; or a form's legal
/// line ([`form_terms`]: "By signing up, you agree to …"); or a short block closing with a
/// player's stamp ([`media_stamps`]: a video teaser's caption, "… 18.04.2024 | 0:21 min") or
/// naming the programme a story was aired in; or a forum member's figure beside a post
/// ([`member_stats`]: "Posts: 9179").
fn page_block_says_boilerplate(b: &str) -> bool {
    if form_terms::is_form_terms(b) || member_stats::is_member_stat(b) {
        return true;
    }
    if !words_exceed(b, MAX_BOILERPLATE_WORDS)
        && (media_stamps::closes_with_media_stamp(b) || media_stamps::is_programme_line(b))
    {
        return true;
    }
    if words_exceed(b, MAX_PAGE_BOILERPLATE_WORDS) {
        !words_exceed(b, MAX_BOILERPLATE_WORDS) && opens_with_boilerplate(&b.to_lowercase())
    } else {
        says_boilerplate(b)
    }
}

/// Words of the longest notice [`is_notice_throughout`] reads: a consent box's or a comment
/// thread's rules run to a few sentences, an article's paragraph of more is its own.
const MAX_NOTICE_WORDS: usize = 120;

/// Whether a block too long to be read for a chrome phrase anywhere
/// ([`MAX_PAGE_BOILERPLATE_WORDS`]) is a notice of the site in each of its sentences ("An dieser
/// Stelle finden Sie einen externen Inhalt … . Sie können ihn … wieder ausblenden.", "We use
/// cookies to … . By continuing to use this site …", a comment thread's rules, a notice of
/// affiliate links: "… sind Affiliate-Links. Kommt darüber ein Einkauf zustande, erhalten wir
/// eine Provision."): its first sentence is chrome as a block of the article is
/// ([`page_block_says_boilerplate`]: a phrase opening it, or anywhere in a few words), and each
/// of the others says a chrome phrase anywhere, as a short block may ([`says_boilerplate`]), or
/// speaks of personal data, consent or privacy ([`speaks_of_data_policy`]).
/// A sentence that only addresses the reader does not count: an events page invites its readers
/// ("Join our experts … . Explore our insights …") in its own text. Read sentence by sentence,
/// and no further than the first that says no chrome phrase.
fn is_notice_throughout(b: &str) -> bool {
    if !words_exceed(b, MAX_PAGE_BOILERPLATE_WORDS) || words_exceed(b, MAX_NOTICE_WORDS) {
        return false;
    }
    let mut sentences = sentences(b);
    sentences.next().is_some_and(page_block_says_boilerplate)
        && sentences.all(|s| says_boilerplate(s) || speaks_of_data_policy(s))
}

/// Whether a sentence speaks of personal data, consent or privacy (`notice:` in
/// `data/boilerplate.txt`), as the sentences after the first of a notice asking consent to show
/// an embed do ("Damit können personenbezogene Daten an Drittplattformen übermittelt werden.").
fn speaks_of_data_policy(sentence: &str) -> bool {
    crate::lexicon::NOTICE_PHRASES.is_match(&sentence.to_lowercase())
}

/// The sentences of a block: cut after a full stop, a question or an exclamation mark that a
/// space and a capital (or an opening mark) follow.
pub(super) fn sentences(b: &str) -> impl Iterator<Item = &str> {
    let mut rest = b.trim();
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = rest
            .char_indices()
            .find(|&(i, c)| {
                matches!(c, '.' | '!' | '?') && {
                    let after = &rest[i + c.len_utf8()..];
                    let next = after.trim_start();
                    next.len() < after.len()
                        && next.chars().next().is_some_and(|n| {
                            n.is_uppercase() || matches!(n, '¿' | '¡' | '"' | '“' | '«' | '„')
                        })
                }
            })
            .map_or(rest.len(), |(i, c)| i + c.len_utf8());
        let (sentence, after) = rest.split_at(cut);
        rest = after.trim_start();
        Some(sentence)
    })
}

/// Whether a lowercased block opens with a phrase of site chrome, as a whole word: not the
/// first part of a compound joined by a hyphen ("Copyright-Streit: …", "Print-Ausgabe").
fn opens_with_boilerplate(lower: &str) -> bool {
    let first = lower.as_bytes().first().copied().unwrap_or(0);
    BOILERPLATE_AT_START
        .get(usize::from(first))
        .into_iter()
        .flatten()
        .any(|&phrase| {
            lower.strip_prefix(phrase).is_some_and(|rest| {
                let word_goes_on = rest.starts_with(char::is_alphanumeric)
                    || rest
                        .strip_prefix('-')
                        .is_some_and(|r| r.starts_with(char::is_alphanumeric));
                !word_goes_on || phrase.ends_with(|c: char| !c.is_alphanumeric())
            })
        })
}

/// The marks a sentence or a quotation closes with, which a caption's credit does not.
const CLOSING_MARKS: [char; 5] = ['.', '!', '?', '"', '”'];

fn is_caption(b: &str) -> bool {
    !b.ends_with(CLOSING_MARKS) && ends_with_credit(b)
        || is_reporting_credit(b)
        || ends_with_agency_credit(b)
}

/// Whether a block credits the people who reported, wrote or edited the article ("Reporting
/// by …; Editing by …"): the page's furniture, never its news.
fn is_reporting_credit(b: &str) -> bool {
    may_open_with_reporting_credit(b) && opens_with_reporting_credit(b)
}

/// Words of a photographer's name after an agency's slash, at most.
const MAX_PHOTOGRAPHER_WORDS: usize = 3;

/// Whether a block ends with a wire agency's photo credit, full stop or not ("… the storm.
/// EFE/ David Guzmán."): the word before the slash is an agency the data knows, so a measure
/// ("200 km/h.") or an either-or ("and/or") is none.
fn ends_with_agency_credit(b: &str) -> bool {
    let b = b.trim_end().trim_end_matches('.');
    let mut tail: Vec<&str> = b
        .rsplit(char::is_whitespace)
        .take(MAX_PHOTOGRAPHER_WORDS + 2)
        .collect();
    tail.reverse();
    let Some(slash) = tail.iter().rposition(|w| w.contains('/')) else {
        return false;
    };
    let (agency, after) = tail[slash].split_once('/').unwrap_or_default();
    let name: Vec<&str> = std::iter::once(after)
        .chain(tail[slash + 1..].iter().copied())
        .filter(|w| !w.is_empty())
        .collect();
    // A photographer has a first and a last name: "a survey by AP/NORC." is no credit.
    (2..=MAX_PHOTOGRAPHER_WORDS).contains(&name.len())
        && name
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && crate::lexicon::WIRES.contains_key(&agency.to_lowercase())
}

fn is_credit(b: &str) -> bool {
    !words_exceed(b, 6) && !ends_with_terminal(b) && (has_credit_slash(b) || ends_with_credit(b))
}

/// Whether a line holds a slash as credits write it, between an agency and a photographer
/// ("AP Photo/Evan Vucci", "picture alliance / dpa"). A slash opening a lowercase word is a
/// command or a path ("+ Added /clone command"), one between digits a ratio or a size ("24/7",
/// "40/42"): no credit.
fn has_credit_slash(b: &str) -> bool {
    b.match_indices('/').any(|(i, _)| {
        let before = b[..i].chars().next_back();
        let after = b[i + 1..].chars().next();
        let opens_word =
            before.is_none_or(char::is_whitespace) && after.is_some_and(char::is_lowercase);
        let between_digits =
            before.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit());
        !opens_word && !between_digits
    })
}

/// How far from a block's end a photo credit can start ("Photo: …", "… via Reuters").
const CREDIT_TAIL_BYTES: usize = 300;

/// Whether a block ends with a photo credit. Only its tail is searched ([`credit_tail`]).
fn ends_with_credit(b: &str) -> bool {
    let tail = credit_tail(b);
    may_hold_credit(tail) && credit_ends(tail)
}

/// Words of the longest caption set as a paragraph of an HTML page's article.
const MAX_CAPTION_WORDS: usize = 40;
/// Colons such a caption holds at most ("Ein Titel: … Bild: dpa"); code holds more ("image:
/// nginx:1.14 ports: …").
const MAX_CAPTION_COLONS: usize = 2;
/// Words of a credit after its label's colon, at most ("Keystone/The White House via AP/Adam
/// Schultz"); a heading's topic before a colon is followed by longer titles.
const MAX_CREDIT_WORDS: usize = 6;

/// Whether a block of an HTML page's article is a photo's caption set as a paragraph (the HTML
/// stage drops those set as `<figcaption>`): a short block without a closing stop that ends with
/// a credit saying it is one ("… Besucher an. Bild: Andreas Seidel/Archiv", "… an expert says
/// (Image: Getty)"), a few words after the colon and no more colons than a caption has. A
/// credit's other shapes ("via Paris", "…/index.htm") end subheadings and links as well.
fn is_labelled_caption(b: &str) -> bool {
    let b = b.trim_end();
    if words_exceed(b, MAX_CAPTION_WORDS)
        || b.ends_with(CLOSING_MARKS)
        || b.matches(':').count() > MAX_CAPTION_COLONS
        || b.rsplit_once(':')
            .is_some_and(|(_, credit)| words_exceed(credit, MAX_CREDIT_WORDS))
    {
        return false;
    }
    let tail = credit_tail(b);
    may_hold_credit(tail) && labelled_credit_ends(tail)
}

/// The last [`CREDIT_TAIL_BYTES`] of a block, from a word's start: the credit patterns are
/// anchored at the end, and searching a long block from every position costs far more than the
/// block is worth.
fn credit_tail(b: &str) -> &str {
    let cut = b.len().saturating_sub(CREDIT_TAIL_BYTES);
    // Start after a space, so that no word is cut into one that looks like "via".
    let start = match b.get(cut..) {
        _ if cut == 0 => 0,
        Some(tail) => tail.find(char::is_whitespace).map_or(b.len(), |i| cut + i),
        None => b
            .char_indices()
            .find(|&(i, c)| i > cut && c.is_whitespace())
            .map_or(b.len(), |(i, _)| i),
    };
    b.get(start..).unwrap_or_default()
}

fn is_related_marker(b: &str) -> bool {
    opens_with_related_marker_and(b, |rest| {
        rest.is_empty() || rest.starts_with(':') || (!ends_with_terminal(b) && !words_exceed(b, 25))
    })
}

/// Whether a block opens with a marker of a teaser for another story (`data/related.txt`), a
/// whole word or words: "Mehr zum Thema finden Sie …:", "More from …".
pub(crate) fn opens_with_related_marker(b: &str) -> bool {
    opens_with_related_marker_and(b, |rest| !rest.starts_with(char::is_alphanumeric))
}

/// Whether a related marker opens block `b` with what follows it, lowercased (at least its first
/// character), `after` says so.
fn opens_with_related_marker_and(b: &str, after: impl Fn(&str) -> bool) -> bool {
    // A marker opens the block: only the block's opening is lowercased, one character more than
    // the longest marker has (to see what follows the marker). Lowercasing maps character by
    // character, but for a capital sigma, which reads what comes after it.
    let head_end = b
        .char_indices()
        .nth(*LONGEST_RELATED_CHARS + 1)
        .map_or(b.len(), |(i, _)| i);
    let head = b.get(..head_end).unwrap_or(b);
    let lower = parallax_text::lowercase(if head.contains('Σ') { b } else { head });
    RELATED
        .iter()
        .any(|m| lower.strip_prefix(m).is_some_and(&after))
}

/// Reads as prose: enough words, ends like a sentence, not cut off, not chrome.
fn is_prose(b: &str) -> bool {
    words_exceed(b, 5)
        && ends_with_terminal(b)
        && !b.ends_with(':')
        && !truncated(b)
        && !is_boilerplate(b)
        && !is_caption(b)
}

/// Words a short sentence closing an article ("No one was hurt.") has at least.
const MIN_CLOSING_WORDS: usize = 3;

/// A short statement right after the last paragraph that still belongs to the article: it ends
/// with a full stop, opens with a capital, has a word in lowercase (a sentence, not a label in
/// title case) and is none of the chrome that ends pages (prompts, credits, bylines, dates,
/// addresses, links to other stories).
fn is_closing_sentence(b: &str, order: NumericOrder) -> bool {
    let t = b.trim();
    words_exceed(t, MIN_CLOSING_WORDS - 1)
        && !words_exceed(t, 5)
        && t.ends_with('.')
        && t.starts_with(char::is_uppercase)
        && t.split_whitespace()
            .skip(1)
            .any(|w| w.starts_with(char::is_lowercase))
        && !is_boilerplate(t)
        && !address::is_reader_address(t)
        && !is_caption(t)
        && !is_credit(t)
        && !is_related_marker(t)
        && meta::find_url(t).is_none()
        && parse_byline(t.trim_end_matches('.')).is_none()
        && !t.split_whitespace().any(|w| w == "by")
        && find_date_in(t, order).is_none()
}

/// How many blocks on either side of a block are looked at for the prose it stands among.
const PROSE_NEIGHBOURS: usize = 2;

/// Whether block `i` stands among the article's paragraphs: prose of ten words or more both
/// within [`PROSE_NEIGHBOURS`] blocks before it and within as many after it.
fn among_prose(blocks: &[String], i: usize) -> bool {
    let prose = |b: &String| is_prose(b) && words_exceed(b, 9);
    let before = blocks[i.saturating_sub(PROSE_NEIGHBOURS)..i]
        .iter()
        .any(prose);
    let after = blocks.iter().skip(i + 1).take(PROSE_NEIGHBOURS).any(prose);
    before && after
}

/// Whether block `i`, a line addressed to the reader inside an HTML page's article, is the
/// site's prompt rather than the text's own words to the reader: not advice or an instruction
/// among paragraphs, not a pointer to more of the story or a question asking for comments past
/// the first paragraph, not one of a how-to's steps, and not a short sentence of the text
/// between its first paragraph and its last ([`address::is_sentence_to_reader`]).
fn is_prompt(
    blocks: &[String],
    addressed: &[bool],
    i: usize,
    first_body: usize,
    last_body: usize,
) -> bool {
    let b = blocks[i].as_str();
    let advice = (address::is_advice(b) || address::is_instruction(b)) && among_prose(blocks, i);
    let pointer =
        i > first_body && (address::tells_where_more_is(b) || address::asks_for_comments(b));
    let sentence = i > first_body && i < last_body && address::is_sentence_to_reader(b);
    !advice && !pointer && !sentence && !among_steps(addressed, i, first_body, last_body)
}

/// Lines addressed to the reader in a row that make a list of steps.
const MIN_STEPS: usize = 3;

/// Whether block `i` is one of [`MIN_STEPS`] or more lines addressed to the reader in a row
/// inside the body, after its first paragraph and before its last: the steps of a how-to ("Plug
/// the dongle in.", "Call your phone.", "Set the sound to mute."), not a widget's prompt, which
/// stands alone or outside the text.
fn among_steps(addressed: &[bool], i: usize, first_body: usize, last_body: usize) -> bool {
    if i <= first_body || i >= last_body || !addressed.get(i).copied().unwrap_or(false) {
        return false;
    }
    let before = addressed[first_body + 1..i]
        .iter()
        .rev()
        .take_while(|&&a| a)
        .count();
    let after = addressed[i + 1..last_body]
        .iter()
        .take_while(|&&a| a)
        .count();
    before + 1 + after >= MIN_STEPS
}

/// Characters a one-word label has at most ("Schlagwörter:", "ジャンル：").
const MAX_LABEL_CHARS: usize = 16;

/// A label that would introduce what follows it: one word closing with a colon, of either width
/// ("Tags:", "Themen:", "ジャンル："). A phrase closing so ("See more photos:") may still
/// introduce what the article goes on with.
fn is_bare_label(b: &str) -> bool {
    let word = b.trim_end().trim_end_matches([':', '：']).trim_end();
    word.len() < b.trim_end().len()
        && !word.is_empty()
        && !word.contains(char::is_whitespace)
        && word.chars().count() <= MAX_LABEL_CHARS
}

/// Whether block `i` is a date line alone next to another: the dates of a list of teasers
/// ("1月13日", "1月13日", …), left when their linked titles were dropped. One date alone may
/// be a part of the article (a diary's day).
fn among_dates(blocks: &[String], i: usize, order: NumericOrder) -> bool {
    let date = |b: &String| is_date_line(b, order).is_some_and(|d| d.whole_line);
    date(&blocks[i])
        && (i.checked_sub(1).is_some_and(|p| date(&blocks[p]))
            || blocks.get(i + 1).is_some_and(date))
}

/// Words a date line has at most.
const MAX_DATE_LINE_WORDS: usize = 14;

fn is_date_line(b: &str, order: NumericOrder) -> Option<meta::LineDate> {
    // A date line is short; prose that mentions a date is not one. Punctuation standing apart
    // (tokenised text: "July 29 , 2009") is not a word.
    let words = b
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(MAX_DATE_LINE_WORDS + 1)
        .count();
    if words > MAX_DATE_LINE_WORDS {
        return None;
    }
    // A line with more than the date is a date line only when it is very short: a page header
    // ("Friday 14 March 2025 | Today's paper | Sign in") is not.
    find_date_in(b, order).filter(|d| d.whole_line || !words_exceed(b, 8))
}

/// Words of a place before a date line's comma at most ("Madrid, 27 de noviembre de 2026").
const MAX_DATE_PLACE_WORDS: usize = 3;

/// A place, a comma and a date line, nothing else: "Madrid, 27 de noviembre de 2026 - 13:15".
fn is_place_and_date(b: &str, order: NumericOrder) -> bool {
    let Some((place, date)) = b.split_once(", ") else {
        return false;
    };
    let place_words: Vec<&str> = place.split_whitespace().collect();
    (1..=MAX_DATE_PLACE_WORDS).contains(&place_words.len())
        && place_words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && !w.contains(|c: char| c.is_ascii_digit()))
        && find_date_in(date, order).is_some_and(|d| d.whole_line)
}

/// A line that is a web address, also when tokenised ("http : / / www . example . com / a").
fn is_url_line(b: &str) -> bool {
    let squashed: String = b.split_whitespace().collect();
    let lower = squashed.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www."))
        && !b.trim_end().ends_with(['.', '!', '?'])
        || meta::find_url(b).is_some() && !words_exceed(b, 4)
}

/// A header line that opens with a date dates the page only when it is this short.
const MAX_DATED_HEADER_WORDS: usize = 20;
/// Blocks searched for a date marker glued to the text after it.
const DATE_MARKER_BLOCKS: usize = 3;

/// An ISO date as a whole word ("2025-09-05", "2022-03", "2025-09-05T10:00Z"). It opens with a
/// digit and holds a hyphen; a word without both is no marker.
fn is_iso_marker(word: &str) -> bool {
    word.starts_with(|c: char| c.is_numeric())
        && word.contains('-')
        && date_scanners::is_iso_word(word)
}

/// The length of a date marker opening a block ("date 2025-09-05 Two officers ...", "2022-03
/// Headline"): date-line words, then an ISO date, then text. No sentence opens so.
fn date_marker_len(b: &str) -> Option<usize> {
    let mut pos = b.len() - b.trim_start().len();
    for _ in 0..4 {
        let rest = b.get(pos..)?;
        let word_end = rest.find(char::is_whitespace)?;
        let word = rest.get(..word_end)?;
        let after = pos + word_end + (rest.len() - word_end - rest[word_end..].trim_start().len());
        if is_iso_marker(word) {
            return b
                .get(after..)
                .filter(|t| !t.trim().is_empty())
                .map(|_| after);
        }
        let bare = word.trim_end_matches(':').to_lowercase();
        if !meta::is_date_word(&bare) {
            return None;
        }
        pos = after;
    }
    None
}

/// A block that is only a date marker: date-line words and one ISO date ("date 2022-03").
fn is_bare_date_marker(b: &str) -> bool {
    let words: Vec<&str> = b.split_whitespace().collect();
    words.iter().filter(|w| is_iso_marker(w)).count() == 1
        && words.iter().all(|w| {
            is_iso_marker(w) || meta::is_date_word(&w.trim_end_matches(':').to_lowercase())
        })
}

/// Splits a date marker glued to the text after it into a block of its own, in the first blocks.
fn split_date_markers(blocks: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(blocks.len() + 1);
    for (i, b) in blocks.into_iter().enumerate() {
        match date_marker_len(&b).filter(|_| i < DATE_MARKER_BLOCKS) {
            Some(len) => {
                let (marker, rest) = b.split_at(len);
                out.push(marker.trim().to_string());
                out.push(rest.to_string());
            }
            None => out.push(b),
        }
    }
    out
}

/// Where blocks come from, which decides how much chrome text cleaning looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockSource {
    /// Lines of a plain-text scrape: all the chrome is still there.
    Text,
    /// Blocks of an HTML page's main content: structure has already dropped the chrome, so only
    /// metadata lines (date, byline, title, credit, URL) are taken out.
    Html,
}

/// Sorts blocks into body and chrome, with metadata. Container metadata in `known` wins.
/// Numeric dates are read month first; [`clean_in`] reads them in a language's order.
pub fn clean(blocks: Vec<String>, known: &SourceMeta, source: BlockSource) -> Cleaned {
    clean_in(blocks, known, source, NumericOrder::MonthFirst)
}

/// Where the article's text starts and ends among `blocks`: its first paragraph of prose of ten
/// words or more that is no date line or trail, and its last paragraph of prose, with a short
/// closing sentence right after it ([`is_closing_sentence`]). With no prose, every block.
fn body_bounds(blocks: &[String], order: NumericOrder) -> (usize, usize) {
    let first_body = blocks.iter().position(|b| {
        is_prose(b) && words_exceed(b, 9) && is_date_line(b, order).is_none() && !is_trail(b)
    });
    let last_body = blocks.iter().rposition(|b| is_prose(b)).map(|l| {
        l + usize::from(
            blocks
                .get(l + 1)
                .is_some_and(|b| is_closing_sentence(b, order)),
        )
    });
    match (first_body, last_body) {
        (Some(f), Some(l)) if f <= l => (f, l),
        // No prose at all: keep every block that is not chrome.
        _ => (0, blocks.len().saturating_sub(1)),
    }
}

/// [`clean`], reading numeric dates ("07/03/2022") in the given order.
pub fn clean_in(
    blocks: Vec<String>,
    known: &SourceMeta,
    source: BlockSource,
    order: NumericOrder,
) -> Cleaned {
    let blocks = split_date_markers(blocks);
    let n = blocks.len();
    let mut kinds: Vec<Option<&'static str>> = vec![None; n];
    let (first_body, last_body) = body_bounds(&blocks, order);

    // Lines addressed to the reader, read once: a run of them is a list of steps.
    let addressed: Vec<bool> = match source {
        BlockSource::Html => blocks
            .iter()
            .map(|b| address::is_reader_address(b))
            .collect(),
        BlockSource::Text => Vec::new(),
    };
    let pager = match source {
        BlockSource::Html => runs::pager_blocks(&blocks),
        BlockSource::Text => Vec::new(),
    };
    let mut out = Cleaned::default();
    let mut dates: Vec<(usize, meta::LineDate)> = Vec::new();
    let mut outlet_hints: Vec<(u8, String)> = Vec::new();
    let title_known = known.title.as_deref().map(|t| normalize(t).to_lowercase());
    // The headline on the page may be the title without its label ("Directo | …").
    let title_unlabelled = known
        .title
        .clone()
        .map(|t| normalize(&crate::headline::without_label(t)).to_lowercase());
    // Header lines shaped like a headline, in order: the first is the title unless it is the
    // site's own name ([`site_name_first`]).
    let mut title_lines: Vec<usize> = Vec::new();
    // Where the page's headline stands among the header's blocks, if it does.
    let headline_at = match source {
        BlockSource::Html => blocks[..first_body.min(n)]
            .iter()
            .position(|b| {
                [title_known.as_deref(), title_unlabelled.as_deref()]
                    .iter()
                    .flatten()
                    .any(|t| is_title_lowercased(b, t))
            })
            .unwrap_or(0),
        BlockSource::Text => 0,
    };
    // Whether every block from `i` to the end is a bare label: read once, from the end.
    let mut labels_to_end = vec![true; n + 1];
    for i in (0..n).rev() {
        labels_to_end[i] = labels_to_end[i + 1] && is_bare_label(&blocks[i]);
    }

    for (i, b) in blocks.iter().enumerate() {
        let kind = match source {
            BlockSource::Text if i < first_body => classify_header(
                b,
                title_known.as_deref(),
                &mut out,
                &mut dates,
                &mut outlet_hints,
                order,
            ),
            BlockSource::Text if i > last_body => Some(classify_footer(b, &mut out)),
            BlockSource::Text => {
                let date_line = is_date_line(b, order);
                let is_date = date_line.is_some();
                // A "Published ..." line below the first paragraph still dates the article.
                if let Some(d) = date_line.filter(|d| d.published && d.whole_line) {
                    dates.push((dates.len(), d));
                }
                classify_body(b, &mut out, is_date)
            }
            // "Tirol" over the headline: the section a page files the story under.
            BlockSource::Html if i < headline_at && is_label(b) => Some("header"),
            BlockSource::Html if i < first_body => classify_html_header(
                b,
                [title_known.as_deref(), title_unlabelled.as_deref()],
                &mut out,
                &mut dates,
                &mut outlet_hints,
                order,
            ),
            BlockSource::Html
                if i <= first_body + BODY_BYLINE_BLOCKS && is_standalone_byline(b) =>
            {
                classify_header(b, None, &mut out, &mut dates, &mut outlet_hints, order)
            }
            // A strip of metadata below a standfirst ("Laura Benítez · 14 ago 2026 - 09:30"), a
            // stamp of time or a date line saying it is the publication's or an update's, or a
            // run of such lines one under another ("Publiziert: 01.07.2023, 11:16", "Last updated
            // 6 hours ago", "4 minute read"). A bare date there may be a blog's own line.
            BlockSource::Html
                if i > first_body
                    && (i <= first_body + BODY_BYLINE_BLOCKS
                        || i > first_body + 1 && kinds[i - 1] == Some("header"))
                    && (metadata_strip(b, order).is_some()
                        || page_stamps::is_page_stamp(b)
                        || is_date_line(b, order).is_some_and(|d| d.published || d.updated)) =>
            {
                classify_html_header(
                    b,
                    [title_known.as_deref(), title_unlabelled.as_deref()],
                    &mut out,
                    &mut dates,
                    &mut outlet_hints,
                    order,
                )
            }
            // Past the article's last paragraph, what a dropped box leaves: the dates of a list
            // of teasers whose linked titles are gone, or labels introducing nothing ("Tags:"
            // over its links).
            BlockSource::Html
                if i > last_body && (among_dates(&blocks, i, order) || labels_to_end[i]) =>
            {
                Some("footer")
            }
            BlockSource::Html => classify_html_body(
                &blocks,
                &addressed,
                pager[i],
                i,
                (first_body, last_body),
                &mut out,
            ),
        };
        if source == BlockSource::Text
            && i < first_body
            && title_known.is_none()
            && matches!(kind, Some("title" | "header"))
            && is_title_shaped(b)
            && !is_trail(b)
            && find_date_in(b, order).is_none()
        {
            title_lines.push(i);
        }
        kinds[i] = kind;
        if let Some(outlet) = may_open_with_join(b).then(|| join_outlet(b)).flatten() {
            outlet_hints.push((2, capitalize_first(outlet)));
        } else if kind.is_some() && may_hold_copyright(b) {
            // "© News5 / Fricke" credits a photo (agency / photographer), not the outlet.
            if let Some(outlet) = copyright_outlet(b).filter(|_| !b.contains('/')) {
                outlet_hints.push((3, outlet.trim().to_string()));
            }
        }
    }
    if source == BlockSource::Text {
        mark_teasers(&blocks, &mut kinds, first_body, last_body);
        let body = &blocks[first_body.min(n)..(first_body + BODY_BLOCKS_FOR_TITLE).min(n)];
        if let Some(headline) = site_name_first(&blocks, &title_lines, &outlet_hints, body) {
            out.title = Some(blocks[headline].clone());
        }
    }

    // A document that is only a headline (or a few short lines) is still an article: keep what
    // was not plainly chrome.
    if kinds.iter().all(Option::is_some) {
        for k in kinds.iter_mut() {
            if matches!(*k, Some("title" | "header" | "heading")) {
                *k = None;
            }
        }
    }
    for (i, b) in blocks.into_iter().enumerate() {
        match kinds[i] {
            Some(kind) => out.removed.push(Removed {
                kind: kind.to_string(),
                text: b,
            }),
            None => out.paragraphs.push(b),
        }
    }
    strip_labels(&mut out);
    find_dateline(&mut out);
    settle_metadata(&mut out, known, &dates, outlet_hints, order);
    out
}

/// What block `i` of an HTML page's article is, if it is not the article's own text: a line
/// crediting the wire services the item comes from ("Quelle: dpa"), whose wires go to `out`; a
/// prompt of the site's ([`is_prompt`]; `addressed`: which blocks address the reader), chrome by
/// its words or a notice, a pager's (`in_pager`) or a line said over and over
/// ([`runs::repeats_in_a_run`]); or a caption by its labelled credit. `body`: the first and last
/// blocks of the article's text.
fn classify_html_body(
    blocks: &[String],
    addressed: &[bool],
    in_pager: bool,
    i: usize,
    (first_body, last_body): (usize, usize),
    out: &mut Cleaned,
) -> Option<&'static str> {
    let b = blocks[i].as_str();
    let wires = source_lines::credited_wires(b);
    if !wires.is_empty() {
        out.wire.extend(wires.into_iter().map(str::to_string));
        return Some("credit");
    }
    (addressed[i] && is_prompt(blocks, addressed, i, first_body, last_body)
        || in_pager
        || runs::repeats_in_a_run(blocks, i)
        || page_block_says_boilerplate(b)
        || is_notice_throughout(b)
        || is_reporting_credit(b))
    .then_some("boilerplate")
    .or_else(|| is_labelled_caption(b).then_some("caption"))
}

/// Fills the article's metadata from what the page declared (`known`) and, where it declared
/// nothing, from what its lines said: the date of its date lines or its address, the outlet its
/// lines or its host name (`outlet_hints`, best first by rank), the wires spelled out.
fn settle_metadata(
    out: &mut Cleaned,
    known: &SourceMeta,
    dates: &[(usize, meta::LineDate)],
    mut outlet_hints: Vec<(u8, String)>,
    order: NumericOrder,
) {
    out.published = known
        .published
        .as_deref()
        .and_then(|d| find_date_in(d, order)?.date)
        .or_else(|| pick_date(dates));
    if let Some(url) = &known.url {
        out.url = Some(url.clone());
    }
    if out.published.is_none() {
        out.published = out.url.as_deref().and_then(date_from_url);
    }
    if let Some(title) = &known.title {
        out.title = Some(normalize(title));
    }
    if !known.authors.is_empty() {
        out.authors.clone_from(&known.authors);
    }
    // A host split into words ("The Moscow Times") beats what the page says of itself; a bare
    // host ("example.com") only stands in when the page names nothing.
    let from_url = out.url.as_deref().and_then(outlet_from_url);
    if let Some(host) = from_url.as_ref().filter(|o| o.contains('.')) {
        outlet_hints.push((5, host.clone()));
    }
    outlet_hints.sort_by_key(|(rank, _)| *rank);
    spell_out_wires(out, &outlet_hints);
    out.outlet = known
        .outlet
        .clone()
        .or_else(|| from_url.filter(|o| !o.contains('.')))
        .or_else(|| outlet_hints.into_iter().map(|(_, name)| name).next());
    out.outlet = out.outlet.as_deref().and_then(without_widget_tail);
    out.wire.sort();
    out.wire.dedup();
}

fn classify_header(
    b: &str,
    title_known: Option<&str>,
    out: &mut Cleaned,
    dates: &mut Vec<(usize, meta::LineDate)>,
    outlet_hints: &mut Vec<(u8, String)>,
    order: NumericOrder,
) -> Option<&'static str> {
    let kind = if is_boilerplate(b) {
        "boilerplate"
    } else if is_caption(b) && words_exceed(b, 6) {
        "caption"
    } else if let Some(wire) = whole_dateline_wire(b) {
        // "MADRID, 2 Dic. (EUROPA PRESS) -" on a line of its own, the text below it.
        out.wire.push(wire.to_string());
        "dateline"
    } else if let Some(d) = is_date_line(b, order) {
        dates.push((dates.len(), d));
        "date"
    } else if is_bare_date_marker(b) {
        // "date 2022-03": a month dates no article, but the line is no headline.
        "date"
    } else if is_trail(b) && out.title.is_some() {
        // "Helen Marsh, Staff Writer · Dec. 3, 2026" under the headline: a strip of the
        // article's metadata, read part by part. Above the headline, the page's own strip
        // ("Sunday, March 9 2025 · E-Edition · Showers") is read as any header line.
        for part in trail_parts(b) {
            let opening_date = || find_date_in(part, order).filter(|d| d.opens_line);
            if let Some(d) = is_date_line(part, order).or_else(opening_date) {
                dates.push((dates.len(), d));
            } else if let Some(byline) = parse_byline(part) {
                take_byline(byline, out, outlet_hints);
            }
        }
        "header"
    } else if let Some(byline) = parse_byline(b) {
        take_byline(byline, out, outlet_hints);
        "byline"
    } else if let Some(wire) = meta::wire_name(b) {
        // A wire's name alone on a line of the header credits it ("Reuters").
        out.wire.push(wire.to_string());
        "byline"
    } else if is_url_line(b) {
        // A tokenised address ("http : / / www . example . com") is no page's own URL: two
        // documents of a corpus can carry the same one.
        if let Some(url) = meta::find_url(b).filter(|_| !words_exceed(b, 4)) {
            out.url.get_or_insert_with(|| url.to_string());
        } else {
            // Its host still names the outlet ("kctv5.com").
            let squashed: String = b.split_whitespace().collect();
            if let Some(host) = meta::find_url(&squashed).and_then(outlet_from_url) {
                outlet_hints.push((5, host));
            }
        }
        "url"
    } else if is_credit(b) {
        "credit"
    } else if let Some(d) = find_date_in(b, order) {
        // A line that opens with the date and goes on with other chrome ("26 Septembre 2021,
        // Rédigé par ...") dates the page; other lines with a date are a page header: today's
        // date, the weather, section links.
        if d.opens_line && !words_exceed(b, MAX_DATED_HEADER_WORDS) {
            dates.push((dates.len(), d));
        }
        "header"
    } else if is_trail(b) {
        "header"
    } else if title_known.is_some_and(|t| is_title_lowercased(b, t))
        || (title_known.is_none() && out.title.is_none() && is_title_shaped(b))
    {
        out.title.get_or_insert_with(|| b.to_string());
        "title"
    } else if out.title.is_some() && meta::names_an_outlet(b) {
        // Under the headline, a line that is an outlet's name names the page's ("Calder TV").
        outlet_hints.push((4, b.to_string()));
        "header"
    } else {
        "header"
    };
    Some(kind)
}

/// The wire a line credits when the line is a whole dateline and nothing else.
fn whole_dateline_wire(b: &str) -> Option<&'static str> {
    let (len, wire) = meta::dateline(b)?;
    b.get(len..)
        .is_some_and(|rest| rest.trim().is_empty())
        .then_some(wire)
        .flatten()
}

/// Replaces a wire credited by its abbreviation with the agency the page names by those
/// initials in its byline or copyright notice ([`meta::wire_spelled_out`]); that credit is then
/// no author.
fn spell_out_wires(out: &mut Cleaned, outlet_hints: &[(u8, String)]) {
    if out.wire.is_empty() {
        return;
    }
    let credits: Vec<&str> = out
        .authors
        .iter()
        .chain(outlet_hints.iter().map(|(_, name)| name))
        .map(String::as_str)
        .collect();
    let spelled: Vec<(usize, String)> = out
        .wire
        .iter()
        .enumerate()
        .filter_map(|(k, w)| Some((k, meta::wire_spelled_out(w, &credits)?)))
        .collect();
    for (k, name) in spelled {
        out.authors.retain(|a| !a.eq_ignore_ascii_case(&name));
        out.wire[k] = name;
    }
}

/// Records a byline's authors, wire and outlet.
fn take_byline(byline: meta::Byline, out: &mut Cleaned, outlet_hints: &mut Vec<(u8, String)>) {
    out.authors.extend(byline.authors);
    out.wire.extend(byline.wire);
    if let Some(outlet) = byline.outlet {
        outlet_hints.push((4, outlet));
    }
}

/// Whether a header line is shaped like a headline: two to thirty words, not closed by a full stop.
fn is_title_shaped(b: &str) -> bool {
    words_exceed(b, 1) && !words_exceed(b, 30) && !b.ends_with('.')
}

/// The body blocks a headline is compared with.
const BODY_BLOCKS_FOR_TITLE: usize = 3;

/// Longest site name read as such, in words ("Channel 9 News Ohio").
const MAX_SITE_NAME_WORDS: usize = 5;

/// The headline, when the first headline-shaped line of a plain text's header is the site's own
/// name ("Lindenauer Rundschau", then the headline): a name in capitals that the copyright
/// notice names, or that shares at most one word with the body's first blocks while a later
/// line in sentence case shares at least as many. `None` keeps the first line.
fn site_name_first(
    blocks: &[String],
    title_lines: &[usize],
    outlet_hints: &[(u8, String)],
    body: &[String],
) -> Option<usize> {
    let (&first, later) = title_lines.split_first()?;
    let name = blocks[first].as_str();
    if !is_name_shaped(name) {
        return None;
    }
    let named_outlet = outlet_hints
        .iter()
        .any(|(_, outlet)| outlet.eq_ignore_ascii_case(name));
    let body: HashSet<String> = body.iter().flat_map(|b| long_words(b)).collect();
    let words_shared = |line: &str| {
        let mut words = long_words(line);
        words.sort();
        words.dedup();
        words.iter().filter(|w| body.contains(*w)).count()
    };
    let shared = words_shared(name);
    later.iter().copied().find(|&i| {
        let line = blocks[i].as_str();
        named_outlet || (shared <= 1 && !is_name_shaped(line) && words_shared(line) >= shared)
    })
}

/// Whether a line is shaped like a name: a few words, each of four letters or more capitalised
/// (connectors such as "de", "of" and digits aside), no sentence punctuation.
fn is_name_shaped(b: &str) -> bool {
    !words_exceed(b, MAX_SITE_NAME_WORDS)
        && !b.contains([':', ',', ';', '?', '!', '"', '«', '“', '„'])
        && b.split_whitespace().all(|w| {
            w.chars().count() < 4
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || w.contains(['\'', '’'])
        })
}

/// The words of four letters or more of `text`, lowercased: what a headline shares
/// with the body.
fn long_words(text: &str) -> Vec<String> {
    parallax_text::tokens(text)
        .iter()
        .map(|t| t.text(text))
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// Whether a header line is a trail of sections or site parts ("Home > World > Europe",
/// "News | Sport", "Portada › España › Granada"): words between separators that no headline
/// writes.
fn is_trail(b: &str) -> bool {
    let set_off =
        |(i, m): &(usize, &str)| b[..*i].ends_with(' ') && b[i + m.len()..].starts_with(' ');
    b.match_indices(TRAIL_MARKS).any(|m| set_off(&m))
        || (!words_exceed(b, MAX_QUOTE_TRAIL_WORDS)
            && b.match_indices(QUOTE_TRAIL_MARKS)
                .filter(set_off)
                .nth(1)
                .is_some()
            && !b.contains(['«', '‹'])
            && trail_parts(b).all(|p| !words_exceed(p, MAX_TRAIL_PART_WORDS)))
}

/// The marks that, set off by spaces, separate the parts of a trail.
const TRAIL_MARKS: [char; 3] = ['|', '·', '>'];

/// Marks that separate a trail's parts only twice or more, in short parts, on a line that opens
/// no quotation: French quotations close with "»" and "›" after a space, and " / " may set off
/// two words of a sentence.
const QUOTE_TRAIL_MARKS: [char; 3] = ['»', '›', '/'];

/// Longest part of a trail of [`QUOTE_TRAIL_MARKS`], in words.
const MAX_TRAIL_PART_WORDS: usize = 4;

/// Longest trail of [`QUOTE_TRAIL_MARKS`], in words and marks: a paragraph is read no further.
const MAX_QUOTE_TRAIL_WORDS: usize = 24;

/// The parts of a trail, between its marks ([`QUOTE_TRAIL_MARKS`] only where spaces set them
/// off: "04/05/2015" is one part).
fn trail_parts(b: &str) -> impl Iterator<Item = &str> {
    let mut cuts: Vec<(usize, usize)> = b
        .match_indices(TRAIL_MARKS)
        .map(|(i, m)| (i, i + m.len()))
        .chain(
            b.match_indices(QUOTE_TRAIL_MARKS)
                .filter(|(i, m)| b[..*i].ends_with(' ') && b[i + m.len()..].starts_with(' '))
                .map(|(i, m)| (i, i + m.len())),
        )
        .collect();
    cuts.sort_unstable();
    let mut start = 0;
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    for (from, to) in cuts {
        parts.push(&b[start..from]);
        start = to;
    }
    parts.push(&b[start..]);
    parts.into_iter().map(str::trim).filter(|p| !p.is_empty())
}

/// Whether block `b` lowercased is the lowercased title `t`. Lowercasing a character at most
/// divides its length by three (the Kelvin sign to "k"): a block over three times as long as
/// the title is not it, and is not lowercased to tell.
fn is_title_lowercased(b: &str, t: &str) -> bool {
    b.len() <= t.len().saturating_mul(3) && t == b.to_lowercase()
}

/// The header of an HTML page's content: only lines that are metadata are taken out. `titles`
/// are the known title, lowercased, as given and without its label.
fn classify_html_header(
    b: &str,
    titles: [Option<&str>; 2],
    out: &mut Cleaned,
    dates: &mut Vec<(usize, meta::LineDate)>,
    outlet_hints: &mut Vec<(u8, String)>,
    order: NumericOrder,
) -> Option<&'static str> {
    let title_known = titles[0];
    let is_title = titles.iter().flatten().any(|t| is_title_lowercased(b, t));
    if address::is_reader_address(b) || !is_title && page_block_says_boilerplate(b) {
        return Some("boilerplate");
    }
    let metadata = is_title
        || find_date_in(b, order).is_some_and(|d| d.whole_line)
        || is_place_and_date(b, order)
        || parse_byline(b).is_some()
        || is_url_line(b)
        || is_credit(b);
    if metadata {
        classify_header(b, title_known, out, dates, outlet_hints, order)
    } else if let Some(parts) = metadata_strip(b, order) {
        for part in parts {
            match part {
                StripPart::Date(d) => dates.push((dates.len(), d)),
                StripPart::Byline(byline) => {
                    out.authors.extend(byline.authors);
                    out.wire.extend(byline.wire);
                }
                StripPart::Stamp | StripPart::Label => {}
            }
        }
        Some("header")
    } else if page_stamps::is_page_stamp(b) {
        // "Dec 18, 2025 2 min read": the date it may hold dates the page.
        if let Some(d) = find_date_in(b, order) {
            dates.push((dates.len(), d));
        }
        Some("header")
    } else if is_kicker(b) {
        Some("header")
    } else {
        None
    }
}

/// The date and the authors a line of an HTML page's header states when it is metadata and
/// nothing else ("By Ann Lee, Political Editor", "Published: 3 December 2026 09:41 GMT |
/// Updated: 11:20"), read as [`classify_html_header`] reads the header's lines: for a line the
/// content pass left out with the page's chrome. Nothing for any other line.
pub(crate) fn header_line_metadata(
    line: &str,
    order: NumericOrder,
) -> (Option<NaiveDate>, Vec<String>) {
    let (mut out, mut dates, mut hints) = (Cleaned::default(), Vec::new(), Vec::new());
    classify_html_header(line, [None, None], &mut out, &mut dates, &mut hints, order);
    (pick_date(&dates), out.authors)
}

/// Words a kicker above a headline ("TEMPORAL", "BREAKING NEWS") has at most.
const MAX_KICKER_WORDS: usize = 3;
/// Letters a kicker has at least: fewer in capitals are an abbreviation ("NZ" in a fact box).
const MIN_KICKER_LETTERS: usize = 4;

/// Whether a block above an article's first paragraph is a kicker: the section or topic a page
/// files the story under, a few words in capitals and nothing else (no figure, no brackets, no
/// sentence's end). A word in lowercase there may be a fact box's label ("Capital").
fn is_kicker(b: &str) -> bool {
    let letters = || b.chars().filter(|c| c.is_alphabetic());
    !words_exceed(b, MAX_KICKER_WORDS)
        && !ends_with_terminal(b)
        && b.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '&'))
        && letters().nth(MIN_KICKER_LETTERS - 1).is_some()
        && letters().all(char::is_uppercase)
}

/// Whether a block is a label and nothing else: a few words opening with a capital, without a
/// figure or a sentence's end ("Tirol", "Faits divers", "Breaking"). Above the headline that is
/// the section or topic the page files the story under.
fn is_label(b: &str) -> bool {
    !words_exceed(b, MAX_KICKER_WORDS)
        && !ends_with_terminal(b)
        && b.starts_with(char::is_uppercase)
        && !b.contains(|c: char| c.is_ascii_digit())
}

/// Blocks after the first paragraph in which a byline standing alone is still the byline: a
/// standfirst often comes before it.
const BODY_BYLINE_BLOCKS: usize = 2;
/// Words a byline standing alone among the first paragraphs has at most.
const MAX_BODY_BYLINE_WORDS: usize = 15;

/// A block that is a byline and nothing else ("Por Ana Ruiz y Jan Kowal"): short, not ending
/// like a sentence.
fn is_standalone_byline(b: &str) -> bool {
    !words_exceed(b, MAX_BODY_BYLINE_WORDS) && !ends_with_terminal(b) && parse_byline(b).is_some()
}

/// Words a label of a metadata strip ("Le Monde", "18 min read") has at most.
const MAX_STRIP_LABEL_WORDS: usize = 4;
/// Words a metadata strip has at most.
const MAX_STRIP_WORDS: usize = 40;

/// One part of a metadata strip.
enum StripPart {
    Date(meta::LineDate),
    Byline(meta::Byline),
    /// How long ago, or how long to read ([`page_stamps`]: "Last updated 1 day ago", "4 min
    /// read").
    Stamp,
    Label,
}

/// The parts of a line of page metadata joined by separators ("Le Monde | 04.05.2015 à 13h36 |
/// Par Anne Roy", "Oct 15, 2015 · 18 min read"): every part a date, a byline or a short label,
/// and at least one a date or a byline. `None` for anything else.
fn metadata_strip(b: &str, order: NumericOrder) -> Option<Vec<StripPart>> {
    const SPACED_DASHES: [&str; 3] = [" - ", " – ", " — "];
    let dashed = || SPACED_DASHES.iter().any(|d| b.contains(d));
    if words_exceed(b, MAX_STRIP_WORDS) || !(b.contains(['|', '·', '•']) || dashed()) {
        return None;
    }
    // A dash with spaces around it separates parts as a bar does ("Par … - Publié le …").
    let mut barred = b.to_string();
    for d in SPACED_DASHES {
        barred = barred.replace(d, " | ");
    }
    let mut parts = Vec::new();
    for part in barred.split(['|', '·', '•']).map(str::trim) {
        if part.is_empty() {
            continue;
        }
        let part = if let Some(d) = is_date_line(part, order) {
            StripPart::Date(d)
        } else if let Some(byline) = parse_byline(part)
            // "Par Anne Roy (avec Luc Blanc)": the names before an aside are the byline's.
            .or_else(|| {
                part.split_once('(')
                    .and_then(|(head, _)| parse_byline(head.trim()))
            })
        {
            StripPart::Byline(byline)
        } else if let Some(wire) = meta::wire_joined_at_end(part) {
            StripPart::Byline(meta::Byline {
                wire: vec![wire.to_string()],
                ..meta::Byline::default()
            })
        } else if page_stamps::is_page_stamp(part) {
            StripPart::Stamp
        } else if !words_exceed(part, MAX_STRIP_LABEL_WORDS) && !ends_with_terminal(part)
            || meta::is_time_line(part)
        {
            StripPart::Label
        } else {
            return None;
        };
        parts.push(part);
    }
    let informative = parts.iter().any(|p| {
        matches!(
            p,
            StripPart::Date(_) | StripPart::Byline(_) | StripPart::Stamp
        )
    });
    (parts.len() >= 2 && informative).then_some(parts)
}

fn classify_footer(b: &str, out: &mut Cleaned) -> &'static str {
    if let Some(url) = meta::find_url(b).filter(|_| !words_exceed(b, 4)) {
        out.url.get_or_insert_with(|| url.to_string());
        "url"
    } else if is_caption(b) || is_credit(b) {
        "credit"
    } else {
        "boilerplate"
    }
}

/// Sorts a body block; `is_date` says whether it is a date line.
fn classify_body(b: &str, out: &mut Cleaned, is_date: bool) -> Option<&'static str> {
    if is_boilerplate(b) {
        Some("boilerplate")
    } else if is_caption(b) {
        Some("caption")
    } else if is_date {
        Some("date")
    } else if let Some(url) = meta::find_url(b).filter(|_| !words_exceed(b, 4)) {
        out.url.get_or_insert_with(|| url.to_string());
        Some("url")
    } else if (!ends_with_terminal(b) && !words_exceed(b, 19)
        || b.ends_with(':') && !words_exceed(b, 7))
        && !holds_quote(b)
        && !leads_on(b)
    {
        Some("heading")
    } else {
        None
    }
}

/// A block that stops at a comma goes on in the next one ("X, director of Y, commented,"
/// before a paragraph of quote): no heading ends so.
fn leads_on(b: &str) -> bool {
    b.trim_end().ends_with(',')
}

/// A name without widget text glued to its end ("Daily Planet Story Saved" -> "Daily Planet"):
/// cut where a furniture phrase begins after the first word; `None` when nothing is left.
pub(crate) fn without_widget_tail(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    // Most names hold no furniture phrase at all: one pass tells, before a search per phrase.
    let cut = BOILERPLATE_ALL
        .is_match(&lower)
        .then_some(())
        .and_then(|()| widget_tail_start(&lower));
    let kept = match cut {
        Some(i) if name.is_char_boundary(i) => {
            name[..i].trim_end_matches([' ', '-', '|', '·', ':'])
        }
        _ => name,
    };
    let kept = kept.trim();
    (!kept.is_empty()).then(|| kept.to_string())
}

/// Where the first furniture phrase after the first word of a lowercased name begins.
fn widget_tail_start(lower: &str) -> Option<usize> {
    BOILERPLATE
        .iter()
        .filter_map(|&(_, phrase)| {
            lower
                .match_indices(phrase)
                .map(|(i, _)| i)
                .find(|&i| i > 0 && lower[..i].ends_with(' ') && lower.is_char_boundary(i))
        })
        .min()
}

/// Whether a block holds a quotation (a pair of quote marks around words): a quote is content,
/// never a heading, whatever its length or ending.
fn holds_quote(b: &str) -> bool {
    let pairs = [('“', '”'), ('«', '»'), ('„', '“'), ('"', '"'), ('‘', '’')];
    pairs.iter().any(|&(open, close)| {
        b.find(open).is_some_and(|i| {
            let rest = &b[i + open.len_utf8()..];
            rest.find(close)
                .is_some_and(|j| rest[..j].split_whitespace().count() >= 2)
        })
    })
}

/// Marks teasers for other stories inside the body: a "Related ..." marker and the headline, date
/// and snippet after it; or a snippet cut off with an ellipsis and the headline before it.
fn mark_teasers(blocks: &[String], kinds: &mut [Option<&'static str>], first: usize, last: usize) {
    let mut i = first;
    while i <= last && i < blocks.len() {
        let b = &blocks[i];
        if is_related_marker(b) {
            kinds[i] = Some("teaser");
            let mut j = i + 1;
            while j <= last && j < i + 6 && !(is_prose(&blocks[j]) && words_exceed(&blocks[j], 9)) {
                kinds[j] = Some("teaser");
                j += 1;
            }
            i = j;
            continue;
        }
        if truncated(b) && !words_exceed(b, 59) {
            kinds[i] = Some("teaser");
            let mut k = i;
            while k > first && kinds[k - 1].is_some_and(|kind| kind == "heading" || kind == "date")
            {
                kinds[k - 1] = Some("teaser");
                k -= 1;
            }
        }
        i += 1;
    }
}

fn capitalize_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Paragraphs searched for the dateline: a page can set a standfirst or a label before it.
const DATELINE_PARAGRAPHS: usize = 3;

/// Finds a leading dateline ("MOSCOW (Reuters) - ", "MADRID, 1 dic (EFE).- ") in the first
/// paragraph that has one and credits its wire. The dateline stays in the paragraph, as every
/// reader of the page sees it; the article names it, and analysis starts the first sentence
/// after it.
fn find_dateline(out: &mut Cleaned) {
    for p in out.paragraphs.iter().take(DATELINE_PARAGRAPHS) {
        let Some((len, wire)) = dateline(p) else {
            continue;
        };
        let (Some(head), Some(rest)) = (p.get(..len), p.get(len..)) else {
            return;
        };
        // A dateline opens a sentence; a paragraph that is only one is left alone.
        if rest.trim().is_empty() {
            return;
        }
        out.dateline = Some(head.to_string());
        if let Some(wire) = wire {
            out.wire.push(wire.to_string());
        }
        return;
    }
}

/// Characters in the longest marker of a teaser for another story.
static LONGEST_RELATED_CHARS: LazyLock<usize> =
    LazyLock::new(|| RELATED.iter().map(|m| m.chars().count()).max().unwrap_or(0));

/// Characters in the longest page label.
static LONGEST_LABEL_CHARS: LazyLock<usize> = LazyLock::new(|| {
    LABELS
        .iter()
        .map(|l| l.words.chars().count())
        .max()
        .unwrap_or(0)
});

/// The length of a page label opening a block ("Summary:", "Résumé :"), with its colon and the
/// space after; the whole block's when it is only a label. A phrase writers open their own
/// sentences with ("In short: the plan failed.") is a label only as the whole block.
fn label_len(b: &str) -> Option<usize> {
    // A label opens the block: one that does not open its first characters lowercased (as many
    // as the longest label has) opens no longer lowercasing, and the block is not lowercased
    // whole. Lowercasing maps character by character (the Greek final sigma aside, which no
    // label holds).
    let head: String = b.chars().take(*LONGEST_LABEL_CHARS).collect();
    let head = head.to_lowercase();
    if !LABELS.iter().any(|label| head.starts_with(label.words)) {
        return None;
    }
    let lower = b.to_lowercase();
    // Lowercasing can change byte lengths (rarely): then nothing is cut.
    if lower.len() != b.len() {
        return None;
    }
    LABELS.iter().find_map(|label| {
        let rest = lower.strip_prefix(label.words)?;
        let after_colon = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        if after_colon.trim_end_matches([':', '.']).trim().is_empty() {
            return Some(b.len());
        }
        if label.alone_only {
            return None;
        }
        let after = after_colon.strip_prefix(':')?;
        let body = after.trim_start();
        Some(b.len() - body.len())
    })
}

/// Takes page labels out of the paragraphs: a block that is only a label, and a label opening
/// a block ("Summary: The council met ..."), whose sentence is kept.
fn strip_labels(out: &mut Cleaned) {
    let mut kept = Vec::with_capacity(out.paragraphs.len());
    for p in std::mem::take(&mut out.paragraphs) {
        match label_len(&p) {
            Some(len) if len >= p.len() => out.removed.push(Removed {
                kind: "label".into(),
                text: p,
            }),
            Some(len) => {
                let (head, rest) = p.split_at(len);
                out.removed.push(Removed {
                    kind: "label".into(),
                    text: head.trim().to_string(),
                });
                kept.push(rest.to_string());
            }
            None => kept.push(p),
        }
    }
    out.paragraphs = kept;
}

/// The article's date among the header's date lines: one with a year, a line that says
/// "Published" first and one that says "Updated" last, a stated time preferred (page headers
/// rarely carry one), then the first.
fn pick_date(dates: &[(usize, meta::LineDate)]) -> Option<NaiveDate> {
    dates
        .iter()
        .filter(|(_, d)| d.date.is_some())
        .max_by_key(|(i, d)| {
            (
                d.published,
                !d.updated,
                d.has_time,
                d.whole_line,
                usize::MAX - i,
            )
        })
        .and_then(|(_, d)| d.date)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_block_is_the_title_only_when_it_lowercases_to_it() {
        assert!(is_title_lowercased("Bridge Reopens", "bridge reopens"));
        // Three Kelvin signs are nine bytes and lowercase to three: still the title.
        assert!(is_title_lowercased("\u{212A}\u{212A}\u{212A}", "kkk"));
        assert!(!is_title_lowercased(
            "Bridge reopens after two years",
            "bridge reopens"
        ));
    }

    #[test]
    fn a_teaser_s_marker_opens_a_line_as_whole_words() {
        fn check(line: &str, expected: bool) {
            assert_eq!(super::opens_with_related_marker(line), expected, "{line:?}");
        }
        check("Mehr zum Thema finden Sie auch im Dossier:", true);
        check("More from the harbour:", true);
        check("Lesen Sie auch: Die Brücke", true);
        check("Relatedness of things", false);
        check("Many patches were sent for review:", false);
    }

    #[test]
    fn related_markers_read_from_the_lowercased_opening_alone() {
        // The reading it replaced: the whole block lowercased.
        let whole = |b: &str| {
            let lower = b.to_lowercase();
            crate::lexicon::RELATED.iter().any(|m| {
                lower.strip_prefix(m).is_some_and(|rest| {
                    rest.is_empty()
                        || rest.starts_with(':')
                        || (!super::ends_with_terminal(b) && !super::words_exceed(b, 25))
                })
            })
        };
        let long = "The bridge reopened on Monday after two years of repairs. ".repeat(4);
        for b in [
            "Related",
            "RELATED:",
            "Related coverage",
            "Related articles: the bridge",
            "Read more: ΟΔΟΣ",
            "READ ALSO",
            "Relatedness of things",
            "À LIRE AUSSI",
            "Lesen Sie auch: Die Brücke",
            "ΣΧΕΤΙΚΑ ΑΡΘΡΑ ΣΣΣ",
            "Σ related",
            "İSTANBUL related",
            "",
            long.as_str(),
            &format!("Related: {long}"),
        ] {
            assert_eq!(super::is_related_marker(b), whole(b), "{b:?}");
        }
    }

    #[test]
    fn words_exceed_agrees_with_word_count() {
        for text in [
            "",
            "one",
            "one two three four five six",
            "  spaced   out\twords  here ",
            "北京市今天发布了新的规定",
            "mixed 北京市 words 今天 here",
            "tab\u{b}vertical\u{c}feed\r\nend",
            "no\u{a0}break\u{3000}ideographic\u{2009}thin\u{85}next",
            "北京 x北京市 今天y 서울시청 ひらがな",
            "é à ü 北 京",
            "\u{feff}zero\u{200b}width words",
            "eight by eight: runs of ASCII \x1f\x08\x0e\x7f read whole, then é and 北京 apart",
        ] {
            for limit in 0..12 {
                assert_eq!(
                    super::words_exceed(text, limit),
                    super::word_count(text) > limit,
                    "{text:?} over {limit}"
                );
            }
        }
    }

    /// Texts of every mix of white space, controls, ASCII and other letters, cut anywhere
    /// against the eight-byte steps: the steps count as the byte-by-byte reading does.
    #[test]
    fn words_exceed_reads_eight_bytes_as_one_at_a_time() {
        let pieces = [
            " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{8}", "\u{e}", "\u{1f}", "\u{7f}", "!",
            "a", "Zz", "word", "é", "北", "\u{a0}", "\u{3000}", "0", "~",
        ];
        let mut below = crate::testing::below(0x2545_f491_4f6c_dd1d);
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..below(40) {
                text.push_str(pieces[below(pieces.len())]);
            }
            let count = super::word_count(&text);
            for limit in 0..count + 2 {
                assert_eq!(
                    super::words_exceed(&text, limit),
                    count > limit,
                    "{text:?} over {limit}"
                );
            }
        }
    }

    #[test]
    fn boilerplate_phrases_match_at_the_start_or_anywhere_as_listed() {
        assert!(super::is_boilerplate("Share this article"));
        assert!(!super::is_boilerplate("Sharethis is no phrase"));
        let anywhere = crate::lexicon::BOILERPLATE
            .iter()
            .find(|(at_start, _)| !at_start)
            .map(|(_, p)| *p)
            .expect("an anywhere phrase is listed");
        assert!(super::is_boilerplate(&format!("Then, {anywhere} later")));
    }

    #[test]
    fn a_paywall_s_count_of_the_article_left_to_read_is_chrome_and_a_share_of_articles_is_not() {
        for notice in [
            "Pozostało jeszcze 89% artykułu",
            "Il vous reste 80 % de cet article à lire.",
            "Noch 70 % des Artikels",
            "Te queda el 60% del artículo",
        ] {
            assert!(super::is_boilerplate(notice), "{notice}");
        }
        assert!(!super::is_boilerplate(
            "Only 5% of the articles were retracted, the journal said."
        ));
    }

    #[test]
    fn a_pointer_to_the_site_s_live_blog_or_another_article_is_chrome() {
        for pointer in [
            "Mehr zur Lage im Nahen Osten lesen Sie in unserem Liveblog:",
            "Zum Artikel: Tarifrunde im Nahverkehr, das wird verhandelt",
            "Suivez les dernières informations dans notre direct.",
        ] {
            assert!(super::is_boilerplate(pointer), "{pointer}");
        }
        assert!(super::is_chrome_block("weitere informationen"));
        // Said in a sentence, the words are the article's.
        assert!(!super::is_boilerplate(
            "Weitere Informationen gab die Polizei am Abend nicht bekannt."
        ));
        assert!(!super::is_chrome_block(
            "weitere informationen gab die polizei nicht bekannt"
        ));
    }

    #[test]
    fn a_long_notice_chrome_in_each_sentence_goes() {
        let paragraphs = [
            "The harbour authority said on Tuesday that the fire, which started in a warehouse, was under control by noon.",
            "Firefighters from three towns worked through the night, and no one was hurt, a spokeswoman said.",
        ];
        for notice in [
            "We use cookies to give you the best experience on our website and to show you offers that suit you. \
             By continuing to use this site, you agree to how we use cookies on every page of it and in the apps we publish. \
             Manage cookies in your settings.",
            "An dieser Stelle finden Sie einen von der Redaktion ausgewählten externen Inhalt, der den Artikel ergänzt. \
             Mit einem Klick auf den Schalter können Sie den externen Inhalt hier anzeigen lassen und wieder ausblenden.",
            "Utilizamos cookies propias y de terceros para mejorar nuestros servicios. \
             Puede cambiar la configuración en cualquier momento o conocer los detalles de cada uso en nuestra política de cookies, que los explica uno a uno.",
            "Questo sito utilizza cookie tecnici e di profilazione. \
             Chiudendo questo banner o proseguendo la navigazione acconsenti all'uso dei cookie descritto nella nostra cookie policy, che puoi leggere in ogni momento della visita.",
            // An embed's placeholder asking consent goes on to speak of personal data.
            "Ich bin damit einverstanden, dass mir der externe Inhalt an dieser Stelle angezeigt wird. \
             Dabei können personenbezogene Daten an die Plattform des Anbieters übermittelt werden. \
             Ihre Wahl können Sie in den Einstellungen am Ende der Seite jederzeit widerrufen.",
            // A notice of affiliate links, of a few sentences and 13 to 30 words.
            "Disclosure: This post contains affiliate links. If you use them to make a purchase, we may earn a small commission at no extra cost to you.",
            "Die mit einem Symbol gekennzeichneten Links sind Affiliate-Links. Kommt darüber ein Einkauf zustande, erhalten wir eine Provision.",
            "Los enlaces de esta página son enlaces de afiliados. Si compras a través de ellos, recibimos una comisión sin coste para ti.",
        ] {
            check_html(
                &[paragraphs[0], notice, paragraphs[1]],
                &paragraphs,
            );
        }
        // A paragraph of the article that speaks of cookies after its first sentence stays.
        let article = "The regulator fined the publisher on Monday for the way its pages asked readers about tracking. \
             Its notice said the site uses cookies to measure audiences, and the fine covers three years of such notices.";
        check_html(
            &[paragraphs[0], article, paragraphs[1]],
            &[paragraphs[0], article, paragraphs[1]],
        );
    }

    #[test]
    fn a_forms_legal_line_among_the_paragraphs_goes() {
        let paragraphs = [
            "The harbour authority said on Tuesday that the fire, which started in a warehouse, was under control by noon.",
            "Firefighters from three towns worked through the night, and no one was hurt, a spokeswoman said.",
        ];
        for terms in [
            "By signing up, you agree to receive our offers by text message at the number you give us. Rates may apply, and you can stop the messages at any time.",
            "Mit Ihrer Anmeldung stimmen Sie unseren Nutzungsbedingungen und der Verarbeitung Ihrer Daten zu.",
        ] {
            check_html(&[paragraphs[0], terms, paragraphs[1]], &paragraphs);
        }
        let article = "By clicking the button several times in a row, you will see each answer arrive in turn, the developers explained.";
        check_html(
            &[paragraphs[0], article, paragraphs[1]],
            &[paragraphs[0], article, paragraphs[1]],
        );
    }

    #[test]
    fn an_agency_s_photo_credit_ends_a_caption_even_after_a_full_stop() {
        assert!(is_caption(
            "Crews clear a fallen tree from the road on Tuesday. EFE/ Ana Ruiz."
        ));
        assert!(is_caption("Rescuers at the pier. REUTERS/Jan Kowal"));
        assert!(!is_caption("Winds reached 200 km/h."));
        assert!(!is_caption(
            "The storm hit the coast with winds of 200 km/h Sunday."
        ));
        assert!(!is_caption("Residents may call the hotline and/or Visit."));
        assert!(!is_caption("Most backed the plan in a survey by AP/NORC."));
    }

    #[test]
    fn credits_are_read_at_the_end_of_a_block_of_any_length() {
        assert!(super::ends_with_credit(
            "Firefighters at the pier on Monday. Photo: Jan Kowal"
        ));
        assert!(super::ends_with_credit(&format!(
            "{} The harbour at dawn via Reuters",
            "word ".repeat(2000)
        )));
        // A long block without a credit is read in one short pass, not from every position.
        assert!(!super::ends_with_credit(&"é trivia ".repeat(40_000)));
        assert!(!super::ends_with_credit(&format!(
            "{}ivia Reuters",
            "a".repeat(298)
        )));
    }

    use super::*;

    /// A paragraph of a German report, the article's text around the chrome a test puts in.
    const FIRE_DE: &str =
        "Die Feuerwehr war die ganze Nacht im Einsatz, sagte ein Sprecher am Morgen.";

    fn clean_text(text: &str) -> Cleaned {
        clean(
            split_blocks(text),
            &SourceMeta::default(),
            BlockSource::Text,
        )
    }

    /// Cleans `text` and checks the title its header gives.
    #[track_caller]
    fn check_title(text: &str, expected: &str) {
        let c = clean_text(text);
        assert_eq!(c.title.as_deref(), Some(expected), "{:?}", c.removed);
    }

    /// Cleans `text` and checks the date its header gives.
    #[track_caller]
    fn check_date(text: &str, expected: &str) {
        let c = clean_text(text);
        let date = c.published.map(|d| d.to_string());
        assert_eq!(date.as_deref(), Some(expected), "{:?}", c.removed);
    }

    #[test]
    fn lines_under_the_headline_name_the_outlet_and_the_wire() {
        let body = "A wildfire north of Carden has burned more than 18,000 acres and forced about 12,000 people from their homes.\n\nMore than 900 firefighters and 40 aircraft are fighting it.";
        let c = clean_text(&format!(
            "Wildfire forces 12,000 to flee\n\nBy Sam Ellery, Valley Post\n\n{body}"
        ));
        assert_eq!(
            (c.authors, c.outlet.as_deref()),
            (vec!["Sam Ellery".to_string()], Some("Valley Post"))
        );
        let c = clean_text(&format!(
            "Wildfire forces 12,000 to flee\n\nReuters\n\n{body}"
        ));
        assert_eq!(c.wire, ["Reuters"]);
        let c = clean_text(&format!(
            "Wildfire forces 12,000 to flee\n\nCARDEN, 2 Dec. (EUROPA PRESS) -\n\n{body}"
        ));
        assert_eq!(c.wire, ["Europa Press"]);
        let c = clean_text(&format!(
            "Wildfire forces 12,000 to flee\n\nChannel 4 News\n\n{body}"
        ));
        assert_eq!(c.outlet.as_deref(), Some("Channel 4 News"));
        let c = clean_text(&format!(
            "Wildfire forces 12,000 to flee\n\nRadio Vallée\n\n{body}"
        ));
        assert_eq!(c.outlet.as_deref(), Some("Radio Vallée"));
        // A headline in capitals that ends so is still the headline.
        let c = clean_text(&format!("Storm Brings Good News\n\n{body}"));
        assert_eq!(
            (c.title.as_deref(), c.outlet),
            (Some("Storm Brings Good News"), None)
        );
    }

    #[test]
    fn a_photo_credit_with_a_slash_names_no_outlet() {
        let body = "A storm flooded the harbour at Velmar on Sunday, forcing the evacuation of 300 residents, officials said.\n\nThe harbour master said the sea wall had given way shortly after midnight on the north side.";
        let credit = clean_text(&format!("© Harbour Images / Ana Ruiz\n\n{body}"));
        assert_eq!(credit.outlet, None);
        let notice = clean_text(&format!("{body}\n\n© 2024 The Harbour Gazette"));
        assert_eq!(notice.outlet.as_deref(), Some("The Harbour Gazette"));
        let joined = clean_text(&format!(
            "{body}\n\n© 2026 Diario del Sur. Todos los derechos reservados."
        ));
        assert_eq!(joined.outlet.as_deref(), Some("Diario del Sur"));
    }

    #[test]
    fn an_archive_page_s_name_is_no_title() {
        check_title("Tag Archive: Velmar\n\nStorm floods the harbour at Velmar\n\nA storm flooded the harbour at Velmar on Sunday, forcing the evacuation of 300 residents, officials said.\n\nThe harbour master said the sea wall had given way shortly after midnight on the north side.", "Storm floods the harbour at Velmar");
    }

    #[test]
    fn a_strip_above_the_headline_dates_the_page_not_the_article() {
        check_date("Sunday, March 9 2025 · E-Edition · Showers, 9°C\n\nFire Contained, but Port Stays Shut\n\nWednesday, March 5, 2025\n\nInvestigators began sifting through the charred remains of a port warehouse on Wednesday, officials said.\n\nThe fire had burned since late Monday and forced hundreds of people to leave their homes.", "2025-03-05");
    }

    #[test]
    fn a_strip_of_metadata_is_read_part_by_part() {
        check_date("Dock workers walk out at three ports\n\nHelen Marsh, Staff Writer · Dec. 3, 2026, 4:12 p.m.\n\nAbout 12,000 dock workers walked off the job at three ports on Thursday, their union said.\n\nThe operators said they had offered a wage increase of 14 percent over four years.", "2026-12-03");
        // A French headline that closes a quotation is a headline.
        check_title("« Nous ne savons pas » : le préfet appelle au calme\n\nUn train a déraillé mardi matin près de la gare, faisant deux morts et quinze blessés selon la préfecture.\n\nLes secours sont arrivés sur place en quelques minutes, a indiqué la préfecture.", "« Nous ne savons pas » : le préfet appelle au calme");
    }

    #[test]
    fn a_trail_of_sections_is_no_title() {
        check_title("Startseite > Panorama > Schweiz\n\nErdrutsch verschüttet Bahnlinie im Wallis\n\nNach tagelangem Regen ist in der Nacht oberhalb des Dorfes ein Hang abgerutscht, teilte die Polizei mit.\n\nDie Behörden brachten 40 Bewohner in Sicherheit, verletzt wurde niemand.", "Erdrutsch verschüttet Bahnlinie im Wallis");
        // Guillemets and slashes part a trail twice or more, in short parts.
        check_title("Portada › Andalucía › Granada\n\nUn seísmo sacude la Vega y deja nueve heridos leves\n\nUn seísmo de magnitud 4,6 sacudió de madrugada la Vega, según el instituto geográfico.\n\nLos servicios de emergencia atendieron nueve heridos leves por caídas.", "Un seísmo sacude la Vega y deja nueve heridos leves");
        check_title("Home / News / Health\n\nHospital network hit by cyberattack diverts ambulances\n\nA cyberattack crippled the computer systems of a hospital network on Sunday night, officials said.\n\nDoctors went back to paper charts at eleven hospitals.", "Hospital network hit by cyberattack diverts ambulances");
        // A French title that closes a quotation after a guillemet is no trail.
        check_title("Le maire « ne démissionnera pas » » selon ses proches\n\nLe maire de la ville a confirmé mardi qu'il resterait en fonction malgré les critiques de l'opposition.\n\nIl s'exprimera jeudi devant le conseil municipal.", "Le maire « ne démissionnera pas » » selon ses proches");
    }

    #[test]
    fn the_site_s_name_above_the_headline_is_no_title() {
        // Named again by the copyright notice.
        check_title("Lindauer Anzeiger\n\nChemieunfall im Hafen: zwölf Verletzte nach Säureaustritt\n\n1. Dezember 2026 | Von Petra Schwenk\n\nIm Chemiepark am Hafen ist am Dienstagmorgen Säure aus einem beschädigten Tank ausgetreten, teilte die Feuerwehr mit.\n\nZwölf Beschäftigte klagten über Atemwegsreizungen.\n\n© Lindauer Anzeiger 2026", "Chemieunfall im Hafen: zwölf Verletzte nach Säureaustritt");
        // A name in capitals that the body never writes, before a headline in sentence case.
        check_title("Région Info\n\nTER déraillé : la circulation interrompue jusqu'à jeudi\n\nQuelques heures après le déraillement d'un train régional, la circulation reste interrompue entre les deux villes.\n\nLa compagnie prévoit une reprise jeudi soir au plus tôt.", "TER déraillé : la circulation interrompue jusqu'à jeudi");
        // A headline in capitals that the body bears out stays the title.
        check_title("Mayor Opens New Library\n\nThe first branch built in thirty years opens its doors to readers on Monday\n\nThe mayor opened the city's new library on Saturday, the first branch built since 1996.\n\nIt holds 40,000 books.", "Mayor Opens New Library");
    }

    #[test]
    fn a_byline_strip_under_the_headline_dates_the_page() {
        check_date("The Harbour Post\n\nHospital network diverts ambulances after cyberattack\n\nBy Nina Castro | December 1, 2026 at 8:15 a.m. EST\n\nA cyberattack that began on Sunday night crippled the computer systems of a hospital network, officials said.\n\nDoctors went back to paper charts.", "2026-12-01");
    }

    /// Cleans `text` and checks which of its blocks are kept as paragraphs.
    #[track_caller]
    fn check(text: &str, kept: &[&str]) {
        let c = clean_text(text);
        assert_eq!(c.paragraphs, kept, "{:#?}", c.removed);
    }

    const LEAD: &str = "The mayor opened the new city library on Sunday, the first in the district for forty years.";

    #[test]
    fn a_quote_is_never_a_heading() {
        check(
            &format!("{LEAD}\n\n“We waited a long time for this day” said a neighbour\n\nSection two\n\n{LEAD}"),
            &[LEAD, "“We waited a long time for this day” said a neighbour", LEAD],
        );
    }

    #[test]
    fn a_line_that_stops_at_a_comma_leads_into_the_next() {
        let lead_in = "Ana Ruiz, head of the port authority, commented,";
        let quote = "“The new quay will be ready before the winter storms arrive.”";
        check(
            &format!("{LEAD}\n\n{lead_in}\n\n{quote}\n\n{LEAD}"),
            &[LEAD, lead_in, quote, LEAD],
        );
        // Without the comma, a short line is a heading.
        check(
            &format!("{LEAD}\n\nPort authority\n\n{LEAD}"),
            &[LEAD, LEAD],
        );
    }

    #[test]
    fn widgets_and_reader_prompts_are_furniture() {
        for prompt in [
            "You can add location information to your posts, such as your city.",
            "Abonnez-vous à notre newsletter pour ne rien manquer.",
            "Melden Sie sich für unseren Newsletter an und lesen Sie mehr.",
            "Suscríbete para recibir las noticias cada mañana.",
            "Nous utilisons des cookies pour améliorer votre expérience.",
            "Iscriviti alla newsletter per ricevere le notizie del giorno.",
            "Assine a newsletter e receba as notícias todas as manhãs.",
            "Zapisz się do newslettera, a otrzymasz wiadomości co rano.",
        ] {
            check(&format!("{LEAD}\n\n{prompt}\n\n{LEAD}"), &[LEAD, LEAD]);
        }
        // A start phrase is a whole word: "Registered" is not "register", "Printed" not "print",
        // a compound's first part not the word ("Copyright-Streit").
        for s in [
            "Printed ballots ran out in two districts, officials said on Monday.",
            "Copyright-Streit: Verlage klagen gegen eine Suchmaschine.",
        ] {
            check(&format!("{LEAD}\n\n{s}\n\n{LEAD}"), &[LEAD, s, LEAD]);
        }
    }

    #[test]
    fn a_caption_set_as_a_paragraph_goes_by_its_labelled_credit() {
        const P: &str = FIRE_DE;
        const Q: &str = "The harbour reopened on Friday after a week of repairs, the mayor said.";
        check_html(
            &[
                P,
                "Das Lager brannte bis zum Morgen. Bild: Jana Roth/Archiv",
                Q,
                "Firefighters at the pier on Thursday night (Image: Harbour Press)",
                P,
                "Löschzug vor dem Lager. Bildrechte: Stadt Hafenau",
            ],
            &[P, Q, P],
        );
        // A credit's other shapes, a heading's topic before a colon, code and a sentence stay.
        let kept = [
            "Travelling to the islands via Paris",
            "A fresh start for borrowers with bad credit: loans, tips and the scams to avoid today",
            "services: web: build: . db: image: postgres:16",
            "The photo was taken on Friday. Photo: Jana Roth.",
        ];
        for k in kept {
            check_html(&[P, k, Q], &[P, k, Q]);
        }
    }

    #[test]
    fn a_block_that_is_only_an_ad_label_or_a_button_goes_in_any_language() {
        const P: &str = FIRE_DE;
        const Q: &str = "La ville a rouvert le port vendredi, après une semaine de travaux.";
        check_html(
            &[
                P,
                "Anzeige",
                Q,
                "Publicité",
                P,
                "Teilen",
                "Externer Inhalt",
                Q,
            ],
            &[P, Q, P, Q],
        );
        // A social network's share button, and a conjunction left between two buttons.
        check_html(&[P, "Twitter", "WhatsApp", Q, "or", "Oder", P], &[P, Q, P]);
        // A toggle's two labels side by side, bare or naming what they fold, and two buttons.
        check_html(
            &[
                P,
                "Mehr anzeigen Weniger anzeigen",
                Q,
                "Box aufklappen Box zuklappen",
                P,
                "Teilen | Drucken",
                Q,
            ],
            &[P, Q, P, Q],
        );
        // A sign-in button and a forum's jump menu; the same word opening a sentence stays.
        let sentence = "Anmelden müssen sich alle Teilnehmer bis Freitag.";
        check_html(
            &[P, "Sign in", "Anmelden", Q, "Jump to:", sentence],
            &[P, Q, sentence],
        );
        // A counter beside a post; a count of something else stays.
        check_html(
            &[P, "12 likes", "3 Antworten", Q, "1,204 réponses", "2 Tage"],
            &[P, Q, "2 Tage"],
        );
        // One label and a word that is none, or a label named with two different words, stay.
        let kept = ["Mehr anzeigen lassen", "Box aufklappen Tür zuklappen"];
        check_html(&[P, kept[0], Q, kept[1], P], &[P, kept[0], Q, kept[1], P]);
        // The same words opening a sentence are the article's.
        let complaint = "Anzeige erstattet hat der Besitzer des Lagers erst am Mittwoch.";
        check_html(&[P, complaint, Q], &[P, complaint, Q]);
        // A Japanese page's share bar above its first paragraph.
        const J: &str =
            "港の倉庫で火災が発生し、消防隊が夜通し消火活動にあたった。けが人はいなかった。";
        check_html(&["ポスト", "シェア", "ブックマーク", J, J], &[J, J]);
    }

    #[test]
    fn a_blog_s_like_share_and_related_boxes_go_without_their_class_names() {
        const P: &str = FIRE_DE;
        const Q: &str = "El puerto reabrió el viernes tras una semana de obras, dijo el alcalde.";
        check_html(
            &[
                P,
                P,
                "Teilen mit:",
                "Gefällt mir:",
                "Gefällt mir Wird geladen …",
                "Ähnliche Beiträge",
            ],
            &[P, P],
        );
        check_html(
            &[
                Q,
                Q,
                "Me gusta esto:",
                "Me gusta Cargando...",
                "Relacionado",
            ],
            &[Q, Q],
        );
        // A teaser box's heading and an advertisement's British label, in any of the languages.
        check_html(
            &[
                P,
                "Don't miss",
                "Advert",
                P,
                "Nicht verpassen:",
                "Related stories",
                P,
            ],
            &[P, P, P],
        );
        check_html(
            &[Q, "No te lo pierdas", Q, "À ne pas manquer", Q],
            &[Q, Q, Q],
        );
        // A manual introduces its example so: it stays.
        let example = "Like this:";
        check_html(&[P, example, Q], &[P, example, Q]);
    }

    #[test]
    fn prompts_and_credit_lines_go_in_the_page_s_language() {
        const P: &str = "El puerto reabrió el viernes tras una semana de obras, dijo el alcalde.";
        check_html(
            &[
                P,
                P,
                P,
                P,
                "Foto: Anna Roth",
                P,
                "Weiter nach der Anzeige",
                "Sie können sich jederzeit wieder abmelden.",
                "Fehler gefunden? Jetzt melden.",
                "Bitte markieren Sie die entsprechenden Wörter im Text. Mit nur zwei Klicks melden Sie den Fehler der Redaktion.",
                "Spotted a mistake? Highlight the text and press Ctrl+Enter.",
                P,
            ],
            &[P, P, P, P, P, P],
        );
        // The newsroom's credits for editing and translating the piece.
        for credit in [
            "Redaktion: Anna Roth und Jan Kowal",
            "Aus dem Englischen von Jan Kowal",
            "Redacción: Ana Ruiz",
            "Traduction : Léa Martin",
            "Tłumaczenie: Jan Kowal",
        ] {
            check_html(&[P, P, credit], &[P, P]);
        }
    }

    #[test]
    fn a_paragraph_opening_with_a_surname_ending_in_ez_is_the_article_s() {
        // "-ez" marks a French imperative ("Découvrez nos offres"); Spanish surnames end so too.
        let lead = "Sánchez anunció este martes en Madrid un plan de vivienda para jóvenes.";
        const P: &str = "El presidente explicó que la medida llegará a más de cincuenta mil familias durante los próximos dos años.";
        let last = "Jiménez recordó que el año pasado se anunció un programa similar.";
        check_html(&[lead, P, P, last], &[lead, P, P, last]);
        check_html(&[P, P, "Découvrez nos offres pour les lecteurs."], &[P, P]);
    }

    #[test]
    fn a_notice_that_scripts_are_off_goes_in_any_language() {
        // What a player or slideshow prints when scripts do not run, left in the article's box.
        const P: &str =
            "The ferry resumed its crossings on Friday after a week of repairs, the port said.";
        for notice in [
            "Turn on JavaScript to watch this clip.",
            "The gallery requires JavaScript.",
            "Dieses Video erfordert JavaScript.",
            "Ce diaporama nécessite JavaScript.",
            "Este vídeo requiere JavaScript.",
            "Il lettore richiede JavaScript.",
            "Este conteúdo requer JavaScript.",
            "Ten film wymaga JavaScript.",
        ] {
            check_html(&[P, notice, P], &[P, P]);
        }
        // A sentence of a longer paragraph on scripts is the article's.
        let story = "The council's new booking site requires JavaScript, which older library computers cannot run, so staff will take bookings by phone until the machines are replaced next spring.";
        check_html(&[P, story, P], &[P, story, P]);
    }

    /// Cleans the HTML blocks `blocks` and checks the paragraphs kept.
    #[track_caller]
    fn check_html(blocks: &[&str], kept: &[&str]) {
        let c = clean_html(blocks);
        assert_eq!(c.paragraphs, kept, "{:#?}", c.removed);
    }

    #[test]
    fn a_comment_button_and_the_rules_of_comments_go() {
        let p = "El puerto reabrió el viernes tras una semana de obras, según explicó el alcalde a los vecinos.";
        check_html(
            &[
                p,
                "Comentar",
                "Normas de uso y aviso legal",
                "El contenido de los comentarios es la opinión de los usuarios y no la de este diario.",
                "No está permitido verter comentarios contrarios a las leyes o injuriantes con terceros.",
                "Kommentieren",
            ],
            &[p],
        );
        // "Comment" heads a column's commentary as often as it labels a button.
        check_html(&[p, "Comment", p], &[p, "Comment", p]);
    }

    #[test]
    fn a_line_said_over_each_slide_of_a_gallery_is_said_once() {
        const P: &str = FIRE_DE;
        let title = "Weather threatens holiday plans";
        check_html(&[P, title, title, title, title, P], &[P, title, P]);
        // Said twice, or a table's cells of a word or two down a column, it stays.
        check_html(&[P, title, title, P], &[P, title, title, P]);
        check_html(
            &[P, "12 kg", "12 kg", "12 kg", P],
            &[P, "12 kg", "12 kg", "12 kg", P],
        );
    }

    #[test]
    fn a_post_s_app_signature_a_closed_thread_s_note_and_a_helpfulness_poll_go() {
        const P: &str = FIRE_DE;
        check_html(
            &[
                P,
                "Sent from my SM-S908U using Tapatalk",
                "Gesendet von meinem iPhone mit Tapatalk",
                P,
                "Not open for further replies.",
                "This topic was automatically closed after 30 days. New replies are no longer allowed.",
                "Was this helpful?",
                "War dieser Artikel hilfreich?",
            ],
            &[P, P],
        );
    }

    #[test]
    fn a_forum_member_s_figures_and_status_go_beside_every_post() {
        let q =
            "Reicht es, wenn ich Mitte März mit den Tomaten anfange, oder ist das schon zu spät?";
        let a = "Mitte März ist genau richtig, die Pflanzen brauchen etwa acht Wochen bis zum Auspflanzen.";
        let c = clean_html(&[
            "Offline",
            "Beiträge: 212",
            "Registriert: Mo 4. Mai 2020, 18:02",
            q,
            "Online",
            "Beiträge: 1.804",
            "Registriert: Sa 9. Jan 2016, 09:12",
            a,
            "Hors ligne",
            "Desconectado",
        ]);
        assert_eq!(c.paragraphs, [q, a], "{:#?}", c.removed);
        // Said in a sentence, being online is the discussion's.
        let online = "Online ist der Antrag schneller gestellt als auf dem Amt.";
        check_html(&[q, online, a], &[q, online, a]);
        // The date a member joined is not the page's.
        assert_eq!(c.published, None);
    }

    #[test]
    fn what_a_dropped_box_leaves_after_the_article_goes() {
        let p1 = "The harbour authority said on Tuesday that the fire was under control by noon.";
        let p2 = "Investigators will begin work on Wednesday, once the site has cooled.";
        // A list of teasers whose linked titles were dropped leaves their dates.
        check_html(&[p1, p2, "1月13日", "1月13日", "1月12日"], &[p1, p2]);
        check_html(&[p1, p2, "3 March 2026", "2 March 2026"], &[p1, p2]);
        // One date alone may be the article's.
        check_html(&[p1, p2, "3 March 2026"], &[p1, p2, "3 March 2026"]);
        // A one-word label over links that were dropped introduces nothing.
        check_html(&[p1, p2, "Themen:"], &[p1, p2]);
        check_html(&[p1, p2, "企業：", "業界："], &[p1, p2]);
        check_html(&[p1, p2, "ジャンル ："], &[p1, p2]);
        // A phrase may introduce what the page goes on with; a label before text introduces it.
        check_html(&[p1, p2, "See more photos:"], &[p1, p2, "See more photos:"]);
        check_html(
            &[p1, p2, "Quellen:", "Landesamt für Statistik"],
            &[p1, p2, "Quellen:", "Landesamt für Statistik"],
        );
        // Inside the article a label stays.
        check_html(&[p1, "Zitat:", p2], &[p1, "Zitat:", p2]);
    }

    #[test]
    fn the_widgets_of_a_page_are_chrome_in_seven_languages() {
        let p1 =
            "Der Hafen bleibt nach dem Brand im Lagerhaus bis Montag für alle Schiffe gesperrt.";
        let p2 = "Die Ermittler wollen am Mittwoch mit ihrer Arbeit beginnen, sobald der Ort abgekühlt ist.";
        // A placeholder where an embed waits for consent, a player loading, a toggle.
        let widgets = [
            "Hier wird ein externer Inhalt gezeigt; du kannst ihn wieder ausblenden.",
            "Der Player wird geladen …",
            "Mehr anzeigen",
            "Zasady komentowania i regulamin serwisu",
            "Hai notato un errore? Scrivici.",
            "Este artículo contiene enlaces de afiliados: si compras, recibimos una comisión.",
            "Déjà abonné ? Connectez-vous pour lire la suite.",
            "YouTube-Inhalte erlauben",
            // A skip link's target, and the mark closing a box, for screen readers.
            "Hauptinhalt",
            "Ende der weiteren Informationen",
        ];
        for widget in widgets {
            check_html(&[p1, widget, p2], &[p1, p2]);
        }
        // The same words in a sentence of the article stay.
        for story in [
            "Die Stadt zeigt Mehr anzeigen nicht an, weil die Schilder am Hafen noch fehlen.",
            "Hauptinhalt des Gesetzes ist die neue Steuer.",
        ] {
            check_html(&[p1, story, p2], &[p1, story, p2]);
        }
    }

    #[test]
    fn a_shop_s_buttons_on_its_product_cards_are_chrome() {
        let p1 = "Der Becher ist aus Emaille und wird in einer kleinen Manufaktur von Hand bemalt.";
        let p2 = "Er verträgt heiße Getränke und geht beim Herunterfallen nicht gleich zu Bruch.";
        let buttons = [
            "Zum Vergleich hinzufügen",
            "Schnellansicht",
            "Add to compare",
            "Quick view",
        ];
        check_html(
            &[p1, buttons[0], buttons[1], p2, buttons[2], buttons[3]],
            &[p1, p2],
        );
        // Said in a sentence, comparing is the text's, and so is a verb alone closing a list.
        let story = "Vergleichen Sie die Preise, bevor Sie bestellen, rät die Verbraucherzentrale.";
        check_html(&[p1, story, p2], &[p1, story, p2]);
        check_html(
            &[p1, p2, "Learn.", "Find.", "Compare."],
            &[p1, p2, "Learn.", "Find.", "Compare."],
        );
    }

    #[test]
    fn a_year_first_date_with_one_digit_parts_is_a_date_line() {
        let p1 = "The harbour authority said on Tuesday that the fire was under control by noon.";
        let p2 = "Investigators will begin work on Wednesday, once the site has cooled.";
        check_html(&["2025/1/21 20:50", p1, p2], &[p1, p2]);
        check_html(&["2025年1月21日 20:50", p1, p2], &[p1, p2]);
    }

    /// Cleans the blocks of an HTML page with no metadata known.
    fn clean_html(blocks: &[&str]) -> Cleaned {
        clean(
            blocks.iter().map(|b| b.to_string()).collect(),
            &SourceMeta::default(),
            BlockSource::Html,
        )
    }

    #[test]
    fn a_label_over_the_headline_is_the_pages_section() {
        let lead =
            "Ein Lawinenabgang im hinteren Ötztal hat am Donnerstag ein Todesopfer gefordert.";
        let more = "Zwei der drei Männer konnten sich selbst befreien und setzten einen Notruf ab.";
        let known = SourceMeta {
            title: Some("Lawine im Ötztal: Ein Toter".into()),
            ..SourceMeta::default()
        };
        let clean_with = |blocks: &[&str]| {
            clean(
                blocks.iter().map(|b| b.to_string()).collect(),
                &known,
                BlockSource::Html,
            )
            .paragraphs
        };
        assert_eq!(
            clean_with(&["Tirol", "Lawine im Ötztal: Ein Toter", lead, more]),
            [lead, more]
        );
        // Under the headline a short line may be the article's own (a heading of its text).
        assert_eq!(
            clean_with(&["Lawine im Ötztal: Ein Toter", lead, "Die Bergung", more]),
            [lead, "Die Bergung", more]
        );
    }

    #[test]
    fn a_strip_crediting_the_newsroom_with_a_wire_goes_and_credits_the_wire() {
        let lead = "Un pont s'est effondré dimanche soir au moment où un camion le traversait, deux personnes sont mortes.";
        let more = "L'effondrement s'est produit peu après 21 heures, a indiqué la gendarmerie.";
        let c = clean_html(&[
            "Par la rédaction, avec AFP · lundi 30 novembre 2026 à 8h05",
            lead,
            more,
        ]);
        assert_eq!(c.paragraphs, [lead, more], "{:#?}", c.removed);
        assert_eq!(c.wire, ["AFP"]);
    }

    #[test]
    fn a_newsroom_writing_with_a_wire_credits_the_wire() {
        let lead = "Près de 900 vols ont été annulés mercredi à Lyon et à Marseille, au premier jour d'une grève.";
        let more =
            "La grève des contrôleurs aériens doit durer jusqu'à jeudi soir, selon les syndicats.";
        let c = clean_html(&[
            "Rédaction Info Continu avec AFP · 25 novembre 2026 à 10h02",
            lead,
            more,
        ]);
        assert_eq!(c.paragraphs, [lead, more], "{:#?}", c.removed);
        assert_eq!(c.wire, ["AFP"]);
        assert!(c.authors.is_empty());
    }

    #[test]
    fn a_strip_ending_with_a_time_of_day_goes_and_dates_the_page() {
        let lead =
            "Una veintena de heridos es el balance del vuelco de un autobús escolar este jueves.";
        let more = "El autobús, con 44 alumnos y tres profesores, volcó sobre las 9.30 horas.";
        let blocks = ["Redacción · Córdoba · 03/12/2026 - 13:10 h.", lead, more];
        let c = clean_in(
            blocks.iter().map(|b| b.to_string()).collect(),
            &SourceMeta::default(),
            BlockSource::Html,
            NumericOrder::DayFirst,
        );
        assert_eq!(c.paragraphs, [lead, more], "{:#?}", c.removed);
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2026, 12, 3));
    }

    #[test]
    fn a_strip_of_byline_and_dates_parted_by_a_dash_goes() {
        let lead = "Près de 900 vols ont été annulés mercredi à Lyon et à Marseille, au premier jour d'une grève.";
        let more =
            "La grève des contrôleurs aériens doit durer jusqu'à jeudi soir, selon les syndicats.";
        let c = clean_html(&[
            lead,
            "Par Claire Fontanel - Publié le 25/11/2026 à 07h30, mis à jour à 11h12",
            more,
        ]);
        assert_eq!(c.paragraphs, [lead, more], "{:#?}", c.removed);
        assert_eq!(c.authors, ["Claire Fontanel"]);
    }

    #[test]
    fn a_place_and_a_date_above_the_article_go() {
        let lead = "Un tren de cercanías descarriló poco después de las siete de la mañana al entrar en la estación.";
        let more = "A bordo viajaban cerca de 200 personas, según la compañía ferroviaria.";
        check_html(
            &["Madrid, 27 de noviembre de 2026 - 13:15", lead, more],
            &[lead, more],
        );
    }

    #[test]
    fn a_video_teasers_caption_closing_with_its_running_time_goes() {
        let p1 = "The harbour authority said on Tuesday that the fire was under control by noon.";
        let p2 = "Investigators will begin work on Wednesday, once the site has cooled.";
        check_html(
            &[
                p1,
                "Crews describe the night at the warehouse. 12.04.2026 | 0:21 min",
                p2,
                "02:57 Min.. Verfügbar bis 06.05.2026.",
            ],
            &[p1, p2],
        );
        // A course's or an event's length is its text.
        check_html(
            &[p1, "Dauer: 90 Minuten", p2],
            &[p1, "Dauer: 90 Minuten", p2],
        );
    }

    #[test]
    fn a_line_crediting_the_wires_goes_and_credits_them() {
        let p1 = FIRE_DE;
        let p2 = "Der Hafen bleibt nach dem Brand bis Montag für alle Schiffe gesperrt.";
        let c = clean_html(&[p1, p2, "(Quelle: AFP/dpa)"]);
        assert_eq!(c.paragraphs, [p1, p2]);
        assert_eq!(c.wire, ["AFP", "dpa"]);
        // A source that is no wire service is the article's.
        check_html(
            &[p1, "Quelle: Statistisches Landesamt", p2],
            &[p1, "Quelle: Statistisches Landesamt", p2],
        );
    }

    #[test]
    fn a_page_block_saying_a_chrome_phrase_goes() {
        let body = "A jet with 148 people on board landed safely after an engine caught fire.";
        let more =
            "Three people were taken to hospital with minor injuries, the fire service said.";
        check_html(
            &[
                body,
                "Video: Fire engines meet the plane on the runway",
                more,
                "This article was updated to include comments from the airline.",
                "Escucha aquí la entrevista completa con el consejero",
            ],
            &[body, more],
        );
        // A notice says what was done to the article; "was" also opens the author's own verdict.
        let story = "This story was first published by the Harbour Gazette on Monday.";
        let verdict =
            "This article was a long look at the harbour's finances, and there is more to come.";
        check_html(&[body, more, story], &[body, more]);
        check_html(&[body, more, verdict], &[body, more, verdict]);
        for notice in [
            "Dieser Artikel wurde aktualisiert.",
            "Cet article a été mis à jour.",
            "Este artículo ha sido actualizado.",
            "Este artículo fue actualizado.",
        ] {
            check_html(&[body, more, notice], &[body, more]);
        }
        // An appeal for the reader's support under the article.
        check_html(
            &[
                body,
                more,
                "Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie unsere Arbeit mit einer Spende.",
            ],
            &[body, more],
        );
        // A paywall's line where the free part of the article ends.
        check_html(
            &[
                body,
                more,
                "Il vous reste 62% de cet article à lire. La suite est réservée aux abonnés.",
            ],
            &[body, more],
        );
        // A live blog's greeting and a request to be followed.
        check_html(
            &[
                body,
                more,
                "Bonjour à tous et bienvenue dans ce direct consacré à la grève des contrôleurs aériens.",
                "Pour ne rien manquer de l'actualité, suivez-nous sur nos réseaux sociaux.",
            ],
            &[body, more],
        );
        // A video's title under its label, set off by a bar as by a colon.
        check_html(
            &[
                body,
                "Video | Fire engines meet the plane on the runway",
                more,
                "Vídeo | Los bomberos llegan a la pista",
            ],
            &[body, more],
        );
        // Above the first paragraph too, where the page's metadata is read.
        check_html(
            &[
                "Video: Outside court as the verdict is read (2:14)",
                body,
                more,
            ],
            &[body, more],
        );
        // A sentence of the article may speak of what chrome speaks of.
        let terms = "Are those of us who never agreed to the site's terms of service simply fair game for the trackers?";
        check_html(&[body, terms], &[body, terms]);
    }

    #[test]
    fn the_headline_of_a_title_with_a_label_is_the_title() {
        let body = "A jet with 148 people on board landed safely after an engine caught fire.";
        let known = SourceMeta {
            title: Some("Live | Jet lands safely after engine fire".to_string()),
            ..SourceMeta::default()
        };
        let c = clean(
            vec![
                "Jet lands safely after engine fire".to_string(),
                body.to_string(),
            ],
            &known,
            BlockSource::Html,
        );
        assert_eq!(c.paragraphs, [body], "{:#?}", c.removed);
    }

    #[test]
    fn a_kicker_above_the_article_and_its_topics_below_go() {
        let body = "A jet with 148 people on board landed safely after an engine caught fire.";
        let more =
            "Three people were taken to hospital with minor injuries, the fire service said.";
        check_html(
            &[
                "TEMPORAL",
                body,
                more,
                "Temas: Temporal · Aviación · Sucesos",
            ],
            &[body, more],
        );
        check_html(&["BREAKING NEWS", body, more], &[body, more]);
        // Words in lowercase above the article may be its start or a fact box.
        check_html(&["Dear readers", body, more], &["Dear readers", body, more]);
        check_html(
            &["Capital", "NZ", body, more],
            &["Capital", "NZ", body, more],
        );
    }

    #[test]
    fn a_reporting_credit_below_the_article_goes() {
        let body = "A jet with 148 people on board landed safely after an engine caught fire.";
        let more =
            "Three people were taken to hospital with minor injuries, the fire service said.";
        check_html(
            &[body, more, "Reporting by Ann Roe; Editing by Mark Fell"],
            &[body, more],
        );
    }

    #[test]
    fn a_slash_opening_a_command_or_between_digits_makes_no_credit() {
        let body = "The update changes how worlds are made, and adds a new mode for players.";
        check_html(
            &[
                "AP Photo/Evan Vucci",
                "+ Added /clone command",
                "Open 24/7",
                body,
            ],
            &["+ Added /clone command", "Open 24/7", body],
        );
    }

    #[test]
    fn an_instruction_among_the_paragraphs_of_a_guide_stays_and_a_prompt_does_not() {
        let before =
            "Fill the pot two thirds with compost, then press it down gently with your hands.";
        let after =
            "After a week the seedlings are strong enough, and the pot can go out on the balcony.";
        for instruction in [
            "Gießen Sie die Pflanze jeden zweiten Tag, am besten am frühen Morgen.",
            "Arrosez la plante tous les deux jours, de préférence tôt le matin.",
            "Water the seedlings every other day, and keep them out of the midday sun.",
        ] {
            check_html(&[before, instruction, after], &[before, instruction, after]);
        }
        for prompt in [
            "Melden Sie sich für unseren Newsletter an und lesen Sie mehr.",
            "Klicken Sie hier, um das ganze Video in voller Länge zu sehen.",
        ] {
            check_html(&[before, prompt, after], &[before, after]);
        }
    }

    #[test]
    fn the_steps_of_a_how_to_stay_and_a_lone_prompt_does_not() {
        let before = "The dongle turns a phone call into a shutter release for your camera.";
        let after = "That is all it takes, and it works with any camera that has a remote socket.";
        let steps = [
            "Call your phone from another phone to take a photo.",
            "Set your computer's sound to mute.",
            "Choose your old ring tone again when you are done.",
        ];
        let prompt = "Sign up for our newsletter.";
        check_html(
            &[before, steps[0], steps[1], steps[2], after, prompt, after],
            &[before, steps[0], steps[1], steps[2], after, after],
        );
        check_html(&[before, prompt, after], &[before, after]);
        let vor = "Die Kamera lässt sich über das Telefon auslösen, das geht ganz ohne Kabel.";
        let nach = "Danach ist die Kamera bereit, und jedes Foto landet sofort auf dem Telefon.";
        let schritte = [
            "Öffnen Sie die Einstellungen.",
            "Tippen Sie auf Verbindungen.",
            "Wählen Sie die Kamera aus der Liste.",
        ];
        check_html(
            &[vor, schritte[0], schritte[1], schritte[2], nach],
            &[vor, schritte[0], schritte[1], schritte[2], nach],
        );
    }

    #[test]
    fn advice_among_the_paragraphs_of_a_page_stays() {
        let before =
            "Fill the pot two thirds with compost, then press it down gently with your hands.";
        let after =
            "Water the seedlings every other day, and keep them out of the midday sun for a week.";
        for advice in [
            "You can use any pot you like, as long as it drains well.",
            "Vous pouvez utiliser n'importe quel pot, pourvu qu'il soit percé.",
            "Puedes usar cualquier maceta, siempre que tenga agujeros.",
        ] {
            check_html(&[before, advice, after], &[before, advice, after]);
        }
        // A widget's label, an offer of the outlet's, or a line with no paragraph after it
        // still goes.
        check_html(&[before, "You may also like", after], &[before, after]);
        check_html(
            &[
                before,
                "You can read our guide to gardening in the archive.",
                after,
            ],
            &[before, after],
        );
        check_html(
            &[before, after, "You can change your settings at any time."],
            &[before, after],
        );
    }

    #[test]
    fn a_short_sentence_to_the_reader_inside_the_text_stays_and_a_prompt_does_not() {
        // Advice too short to be an instruction, with no paragraph on one side of it: the
        // text's own ("Check your smoke alarm."), in any of the languages. A prompt naming the
        // outlet, one of its channels or a comment, or pointing at the page still goes, and so
        // does one with no paragraph after it.
        let before =
            "The fire started in a kitchen on the second floor, the brigade said on Tuesday.";
        let after = "Firefighters said the family had left the flat before the smoke spread.";
        for sentence in [
            "Check your smoke alarm in the hallway.",
            "Prüfen Sie Ihren Rauchmelder im Flur.",
            "Vérifiez votre détecteur de fumée.",
            "You must leave by the stairs.",
        ] {
            check_html(
                &[before, sentence, "Keep the door shut.", after],
                &[before, sentence, "Keep the door shut.", after],
            );
        }
        for prompt in [
            "Sign up for our newsletter.",
            "Download your free copy of the app.",
            "Read your copy of the report here.",
            "Manage your account settings.",
        ] {
            check_html(&[before, prompt, after], &[before, after]);
        }
        check_html(
            &[before, after, "Check your smoke alarm in the hallway."],
            &[before, after],
        );
    }

    #[test]
    fn a_line_telling_the_reader_where_more_of_the_story_is_stays() {
        let p1 = "The harbour authority opened its new weather station on the east pier on Monday.";
        let p2 =
            "Readings from the station will be used to plan ferry crossings through the winter.";
        for pointer in [
            "You can see the first week of readings at the Harbour Weather Office's site.",
            "You can download the full report here.",
            "Vous pouvez télécharger le rapport complet ici.",
            "Sie können den vollständigen Bericht hier herunterladen.",
            "Puedes descargar el informe completo aquí.",
        ] {
            check_html(&[p1, p2, pointer], &[p1, p2, pointer]);
            check_html(&[p1, pointer, p2], &[p1, pointer, p2]);
        }
        // The outlet's channels and offers, its settings, and a line naming and pointing at
        // nothing still go.
        for prompt in [
            "You can follow Lena Hart on Twitter here.",
            "You can sign up for the morning newsletter here.",
            "Vous pouvez gérer vos notifications ici.",
            "You can read more stories like this in our archive here.",
            "You can change your settings at any time.",
            "Sie können sich jederzeit wieder abmelden.",
        ] {
            check_html(&[p1, p2, prompt], &[p1, p2]);
        }
    }

    #[test]
    fn the_author_s_question_to_readers_stays() {
        let p1 = "The harbour authority will decide in the spring what to build on the old pier.";
        let p2 = "Three plans are on the table: a fish market, a small park and a ferry terminal.";
        for question in [
            "Tell us in the comments which of the three plans you would choose for the pier.",
            "Dites-nous en commentaire quel projet vous choisiriez pour la jetée.",
            "Schreiben Sie uns in die Kommentare, welchen Plan Sie wählen würden.",
        ] {
            check_html(&[p1, p2, question], &[p1, p2, question]);
        }
        // A thread's notice about signing in goes.
        for notice in [
            "You must be logged in to post a comment.",
            "Haben Sie Probleme beim Kommentieren oder Registrieren?",
        ] {
            check_html(&[p1, p2, notice], &[p1, p2]);
        }
    }

    #[test]
    fn a_short_last_sentence_still_belongs_to_the_article() {
        for last in [
            "No one was hurt.",
            "Personne n'a été blessé.",
            "Niemand wurde verletzt.",
            "Nadie resultó herido.",
        ] {
            check(&format!("{LEAD}\n\n{last}"), &[LEAD, last]);
            check(
                &format!("{LEAD}\n\n{last}\n\nShare this story"),
                &[LEAD, last],
            );
        }
        // The chrome that ends pages still goes, and only one short line is taken.
        for footer in [
            "Comments are closed.",
            "Let your voice be heard!",
            "Photo: Jan Kowal/Reuters.",
            "Join The Daily Planet.",
            "Updated March 3, 2024.",
            "By Ana Ruiz.",
            "Read more at example.com.",
            "Reporting by Ana Ruiz.",
            "Edited by Jan Kowal.",
        ] {
            check(&format!("{LEAD}\n\n{footer}"), &[LEAD]);
        }
        check(
            &format!("{LEAD}\n\nNo one was hurt.\n\nThe road is open."),
            &[LEAD, "No one was hurt."],
        );
    }

    #[test]
    fn a_stamp_of_time_under_the_headline_is_metadata() {
        let standfirst =
            "The council gave up twelve floors of offices months before it called its staff back.";
        let date = "Published May 25, 2026";
        // A strip whose parts say how long ago and how long to read, and a run of such lines
        // under the standfirst, however many.
        let strip = "Published Jun 04, 2026 • Last updated 1 day ago • 2 minute read";
        check_html(&[standfirst, strip, LEAD], &[standfirst, LEAD]);
        check_html(
            &[
                standfirst,
                "Last updated 6 hours ago",
                "4 minute read",
                "vor 2 Stunden",
                LEAD,
            ],
            &[standfirst, LEAD],
        );
        // Above the first paragraph too, in any of the seven languages, and the date a stamp
        // holds dates the page.
        check_html(&["Lesezeit: 3 Min.", LEAD], &[LEAD]);
        let c = clean_html(&["Dec 18, 2025 2 min read", LEAD]);
        assert_eq!(c.paragraphs, [LEAD]);
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2025, 12, 18));
        // A date alone under the standfirst may be the article's line, and stays; one that
        // says it is the publication's is metadata.
        check_html(
            &[standfirst, "May 25, 2026", LEAD],
            &[standfirst, "May 25, 2026", LEAD],
        );
        check_html(&[standfirst, date, LEAD], &[standfirst, LEAD]);
        check_html(
            &[standfirst, "Publiziert: 01.07.2023, 11:16", LEAD],
            &[standfirst, LEAD],
        );
    }

    #[test]
    fn a_byline_below_the_standfirst_is_metadata() {
        let standfirst = "Desde la candidatura hasta la pandemia, China ha cumplido sus promesas y acallado a sus críticos.";
        let c = clean(
            vec![
                standfirst.into(),
                "Por Ana Ruiz, Luis Gómez y Jan Kowal".into(),
                LEAD.into(),
            ],
            &SourceMeta::default(),
            BlockSource::Html,
        );
        assert_eq!(c.paragraphs, [standfirst, LEAD]);
        assert_eq!(c.authors, ["Ana Ruiz", "Luis Gómez", "Jan Kowal"]);
        // So is a strip of a name and a date there.
        let strip = "Laura Benítez · 14 ago 2026 - 09:30";
        check_html(&[standfirst, strip, LEAD], &[standfirst, LEAD]);
        // A sentence that opens with "By" is no byline, and a byline far down the page is
        // something else (a signature, a credit list) left as it is.
        let by = "By the time the firemen arrived, the roof had fallen in";
        check_html(&[LEAD, by, LEAD], &[LEAD, by, LEAD]);
        let late = "By Ana Ruiz and Jan Kowal";
        check_html(
            &[LEAD, LEAD, LEAD, LEAD, late, LEAD],
            &[LEAD, LEAD, LEAD, LEAD, late, LEAD],
        );
    }

    #[test]
    fn a_strip_of_page_metadata_is_no_paragraph() {
        for strip in [
            "Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Anne Roy (avec Luc Blanc)",
            "Oct 15, 2015 · 18 min read",
            "Die Zeit | 3. März 2021 | Von Jan Kowal",
        ] {
            check_html(&[strip, LEAD], &[LEAD]);
        }
        let c = clean(
            vec![
                "Le Monde | 04.05.2015 à 13h36 | Par Anne Roy et Luc Blanc".into(),
                LEAD.into(),
            ],
            &SourceMeta::default(),
            BlockSource::Html,
        );
        assert_eq!(c.authors, ["Anne Roy", "Luc Blanc"]);
        assert_eq!(
            c.published.map(|d| d.to_string()).as_deref(),
            Some("2015-05-04")
        );
        // Links joined by bars, or a sentence beside a date, are not metadata.
        for kept in [
            "Home | World | Business | Sport",
            "May 4, 2015 | The council approved the harbour plan after a long debate.",
        ] {
            check_html(&[kept, LEAD], &[kept, LEAD]);
        }
    }

    #[test]
    fn page_labels_are_furniture() {
        for (label, sentence) in [
            (
                "Summary:",
                "The council approved the harbour plan on Monday.",
            ),
            ("Résumé :", "Le conseil a approuvé le plan du port lundi."),
            (
                "Zusammenfassung:",
                "Der Rat hat den Hafenplan am Montag gebilligt.",
            ),
            ("Resumen:", "El consejo aprobó el plan del puerto el lunes."),
            ("Update :", "The relief train has left for the harbour."),
            (
                "Mise à jour :",
                "Le train de secours est parti vers le port.",
            ),
        ] {
            check(
                &format!("{LEAD}\n\n{label} {sentence}\n\n{LEAD}"),
                &[LEAD, sentence, LEAD],
            );
            check_html(&[label, sentence, LEAD], &[sentence, LEAD]);
        }
        // A word that opens a sentence is no label: "Summary" needs its colon or a block alone.
        let s = "Summary judgments were issued in two cases, the court said on Monday.";
        check(&format!("{LEAD}\n\n{s}\n\n{LEAD}"), &[LEAD, s, LEAD]);
        // A phrase writers open their own sentences with is the sentence's, colon and all; as a
        // block of its own it is a box's label.
        for s in [
            "In short: the harbour plan failed because nobody paid for it.",
            "En bref : le plan du port a échoué faute d'argent.",
            "Kurz gesagt: Der Hafenplan scheiterte am Geld.",
        ] {
            check(&format!("{LEAD}\n\n{s}\n\n{LEAD}"), &[LEAD, s, LEAD]);
        }
        check_html(&["In short", LEAD], &[LEAD]);
        let cleaned = clean_text(&format!("{LEAD}\n\nIn short\n\n{LEAD}"));
        assert!(cleaned.paragraphs.iter().all(|p| p != "In short"));
    }

    #[test]
    fn a_wire_abbreviation_the_page_spells_out_names_that_agency() {
        let wire_of = |authors: &[&str], copyright: &str, source: BlockSource| {
            let known = SourceMeta {
                authors: authors.iter().map(|a| a.to_string()).collect(),
                ..SourceMeta::default()
            };
            let c = clean(
                vec![
                    "HARLOW (CP) — A former county treasurer was sentenced on Tuesday to seven years in prison for theft.".into(),
                    "The judge also ordered him to repay the money he took from a road maintenance fund.".into(),
                    copyright.into(),
                ],
                &known,
                source,
            );
            (c.wire, c.authors)
        };
        let (wire, authors) = wire_of(
            &["CONTINENTAL PRESS"],
            "Copyright 2026 Continental Press. All rights reserved.",
            BlockSource::Html,
        );
        assert_eq!(
            (wire, authors),
            (vec!["Continental Press".to_string()], vec![])
        );
        let (wire, _) = wire_of(
            &[],
            "© 2026 Continental Press. All rights reserved.",
            BlockSource::Text,
        );
        assert_eq!(wire, ["Continental Press"]);
        // A credit that does not spell the initials, or spells a listed wire, changes nothing.
        let (wire, authors) = wire_of(
            &["Lena Ortiz"],
            "© 2026 Valley Daily News.",
            BlockSource::Text,
        );
        assert_eq!(
            (wire, authors),
            (
                vec!["The Canadian Press".to_string()],
                vec!["Lena Ortiz".to_string()]
            )
        );
        let (wire, authors) = wire_of(
            &["Carl Peters"],
            "© 2026 Valley Daily News.",
            BlockSource::Html,
        );
        assert_eq!(
            (wire, authors),
            (
                vec!["The Canadian Press".to_string()],
                vec!["Carl Peters".to_string()]
            )
        );
        let (wire, _) = wire_of(&[], "© 2026 The Canadian Press.", BlockSource::Text);
        assert_eq!(wire, ["The Canadian Press"]);
    }

    #[test]
    fn the_dateline_is_named_and_left_in_its_paragraph_on_html_pages_too() {
        let lead = "MADRID, 1 dic (EFE).- El consejo aprobó el plan del puerto el lunes tras un largo debate.";
        let c = clean(
            vec![
                "The harbour plan wins the council's vote.".into(),
                lead.into(),
            ],
            &SourceMeta::default(),
            BlockSource::Html,
        );
        assert_eq!(
            c.paragraphs,
            ["The harbour plan wins the council's vote.", lead]
        );
        assert_eq!(c.dateline.as_deref(), Some("MADRID, 1 dic (EFE).- "));
        assert_eq!(c.wire, ["EFE"]);
        assert!(!c.removed.iter().any(|r| r.kind == "dateline"));
    }

    #[test]
    fn a_date_marker_glued_to_the_text_dates_the_page() {
        let body = "Zwei Beamte wurden am Montag in der Nähe des Hafens festgehalten, teilte die Polizei mit.";
        let c = clean_text(&format!(" date 2025-09-05 {body}\n\n{LEAD}\n"));
        assert_eq!(c.paragraphs, [body, LEAD]);
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2025, 9, 5));
        // A month alone dates nothing, but is not the headline either.
        let c = clean_text(&format!(
            " date 2022-03 Mehr Schutz für das Rathaus\n\n{LEAD}\n"
        ));
        assert_eq!(
            (c.title.as_deref(), c.published),
            (Some("Mehr Schutz für das Rathaus"), None)
        );
        // A year opening a sentence is no marker.
        let s = "2025 was the warmest year on record in the harbour district, officials said.";
        check(&format!("{s}\n\n{LEAD}"), &[s, LEAD]);
    }

    #[test]
    fn a_header_line_that_opens_with_the_date_dates_the_page() {
        let c = clean_text(&format!(
            "Titre de la page\n\n26 Septembre 2021 , Rédigé par Jean Martin Publié dans #Politique\n\n{LEAD}\n"
        ));
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2021, 9, 26));
    }

    #[test]
    fn widget_text_is_cut_from_names() {
        assert_eq!(
            without_widget_tail("Daily Planet Story Saved").as_deref(),
            Some("Daily Planet")
        );
        assert_eq!(
            without_widget_tail("The Harbour Gazette").as_deref(),
            Some("The Harbour Gazette")
        );
    }

    #[test]
    fn a_headline_alone_is_still_an_article() {
        let c = clean_text("Robbers in drag steal 80 million euros from Paris jeweller\n");
        assert_eq!(
            c.paragraphs,
            vec!["Robbers in drag steal 80 million euros from Paris jeweller"]
        );
    }

    #[test]
    fn teaser_markers_are_read_in_seven_languages() {
        for marker in [
            "Related stories",
            "Lire aussi",
            "Lesen Sie auch",
            "Te puede interesar",
            "Leggi anche",
            "Leia também",
            "Czytaj także",
        ] {
            check(
                &format!("{LEAD}\n\n{marker}\n\nHeavy rain closed the northern road on Monday.\n\n{LEAD}"),
                &[LEAD, LEAD],
            );
        }
    }

    #[test]
    fn a_teaser_marker_glued_to_its_headline_is_no_paragraph() {
        check(
            &format!("{LEAD}\n\nLea también: Ana Ruiz, exalcaldesa de Velmar, intentó \"huir del país\" en barco, dice su abogado\n\n{LEAD}"),
            &[LEAD, LEAD],
        );
    }

    #[test]
    fn chrome_around_a_body_is_sorted_out() {
        let c = clean_text(
            "Monday, May 6th | Weather 12C\n\nMayor Opens New Library\n\nBy Ann Lee and Reuters Staff\n\nMay 5, 2024 9:10 am\n\n\
             The mayor opened the new city library on Sunday, the first in the district for forty years.\n\n\
             Related coverage\n\nMay 6, 2024\n\nFloods close the northern road\n\nHeavy rain closed the road for...\n\n\
             More than 2,000 people came to the opening, officials said.\n\nShare this story: Facebook Twitter\n",
        );
        assert_eq!(c.title.as_deref(), Some("Mayor Opens New Library"));
        assert_eq!(c.authors, vec!["Ann Lee"]);
        assert_eq!(c.wire, vec!["Reuters"]);
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2024, 5, 5));
        assert_eq!(c.paragraphs.len(), 2, "{:#?}", c.paragraphs);
        let kinds: Vec<&str> = c.removed.iter().map(|r| r.kind.as_str()).collect();
        assert_eq!(
            kinds.iter().filter(|k| **k == "teaser").count(),
            4,
            "{kinds:?}"
        );
    }
}
