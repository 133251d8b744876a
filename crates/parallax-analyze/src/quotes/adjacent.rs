//! What may stand between a speaker's name and the verb ("X of the Harbour Board said", "X, the
//! board's chair, said", "X (Greens) also said", "X on Monday told"), read by a hand-written
//! scanner. It accepts exactly what this regular expression does (the tests run both), at no
//! cost to compile:
//!
//! ```text
//! ^ (?:\s+(?:of|at|from|de|du|des|von|vom|der|del)\s+(?:(?:the|la|le|el|die|der|l')\s*)?NAMES)?
//!   (?:\s*\([^()]{0,60}\))?
//!   (?:\s*,(?:[^,;]{0,120},){1,2}|\s*,[^,;]{0,120},\s*NAMES)?
//!   \s*(?:(?i:ADVERBIAL))*$
//! ```
//!
//! where `NAMES` is `(?:\p{Lu}[\w'’.&-]*\s*)+` and `ADVERBIAL` one of [`TIME_WORDS`] followed by
//! a word (`on Monday `), or one of [`ADVERBIALS`], each ending in spaces. The scanner follows
//! every way the expression could read the gap at once: the set of byte offsets each part can
//! end at, the next part starting from each of them.

use std::sync::LazyLock;

use parallax_text::chars::{is_space, is_upper, is_word, space_end, starts_with_folded};

/// The word lists of the expression, by part (`data/adjacent_words.txt`).
const ADJACENT_WORDS: &str = include_str!("../../data/adjacent_words.txt");

/// The entries of `part` in [`ADJACENT_WORDS`], in their order.
fn part(part: &'static str) -> impl Iterator<Item = &'static str> {
    parallax_text::keyed_lines(ADJACENT_WORDS, part)
}

/// Prepositions of an affiliation ("of the Harbour Board"), matched as written.
static AFFILIATION: LazyLock<Vec<&'static str>> = LazyLock::new(|| part("affiliation").collect());
/// Articles of an affiliation's name, matched as written.
static ARTICLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| part("affiliation_article").collect());
/// Longest text in a bracket after a name, in characters.
const PAREN: usize = 60;
/// Longest text of each part of an apposition, in characters.
const APPOSITION: usize = 120;
/// Words that take a word after them: "on Monday", "last week" (any case).
static TIME_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| part("time_word").collect());
/// Adverbs, auxiliaries and phrases between a name and its verb (any case), each as its words.
static ADVERBIALS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    part("adverbial")
        .map(|p| p.split_whitespace().collect())
        .collect()
});

/// Whether `gap` may stand between a speaker's name and the verb.
pub fn is_adjacent(gap: &str) -> bool {
    let mut reach = Reach::new(gap.len());
    reach.add(0);
    for at in reach.positions() {
        affiliation(gap, at, &mut reach);
    }
    for at in reach.positions() {
        bracket(gap, at, &mut reach);
    }
    for at in reach.positions() {
        apposition(gap, at, &mut reach);
    }
    reach
        .positions()
        .into_iter()
        .any(|at| adverbials_to_end(gap, space_end(gap, at)))
}

/// The byte offsets of the gap that the parts read so far can end at.
struct Reach(Vec<bool>);

impl Reach {
    fn new(len: usize) -> Self {
        Self(vec![false; len + 1])
    }

    fn add(&mut self, at: usize) {
        if let Some(r) = self.0.get_mut(at) {
            *r = true;
        }
    }

    fn positions(&self) -> Vec<usize> {
        (0..self.0.len()).filter(|&i| self.0[i]).collect()
    }
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// `\s+(?:of|…)\s+(?:(?:the|…)\s*)?NAMES`.
fn affiliation(gap: &str, at: usize, reach: &mut Reach) {
    let word_at = space_end(gap, at);
    if word_at == at {
        return;
    }
    let rest = gap.get(word_at..).unwrap_or("");
    for word in AFFILIATION.iter().filter(|w| rest.starts_with(*w)) {
        let after = word_at + word.len();
        let name_at = space_end(gap, after);
        if name_at == after {
            continue;
        }
        names(gap, name_at, reach);
        let rest = gap.get(name_at..).unwrap_or("");
        for article in ARTICLES.iter().filter(|a| rest.starts_with(*a)) {
            names(gap, space_end(gap, name_at + article.len()), reach);
        }
    }
}

/// `(?:\p{Lu}[\w'’.&-]*\s*)+` from `at`: every offset it can end at.
fn names(gap: &str, at: usize, reach: &mut Reach) {
    let mut chars = gap.get(at..).unwrap_or("").char_indices();
    if !chars.next().is_some_and(|(_, c)| is_upper(c)) {
        return;
    }
    let mut after_space = false;
    let mut end = at + chars.offset();
    reach.add(end);
    for (i, c) in chars {
        let name_char = is_word(c) || matches!(c, '\'' | '’' | '.' | '&' | '-');
        if is_space(c) {
            after_space = true;
        } else if !name_char || (after_space && !is_upper(c)) {
            break;
        } else {
            after_space = false;
        }
        end = at + i + c.len_utf8();
        reach.add(end);
    }
}

/// `\s*\([^()]{0,60}\)`.
fn bracket(gap: &str, at: usize, reach: &mut Reach) {
    let open = space_end(gap, at);
    if char_at(gap, open) != Some('(') {
        return;
    }
    if let Some(end) = run_to(gap, open + 1, ['(', ')'], ')', PAREN) {
        reach.add(end);
    }
}

/// After `from`, at most `max` characters other than `stops` and then `close`: the offset past
/// `close`.
fn run_to(gap: &str, from: usize, stops: [char; 2], close: char, max: usize) -> Option<usize> {
    let rest = gap.get(from..)?;
    let (i, c) = rest.char_indices().find(|(_, c)| stops.contains(c))?;
    (c == close && rest[..i].chars().count() <= max).then_some(from + i + c.len_utf8())
}

/// `\s*,(?:[^,;]{0,120},){1,2}` or `\s*,[^,;]{0,120},\s*NAMES`.
fn apposition(gap: &str, at: usize, reach: &mut Reach) {
    let comma = space_end(gap, at);
    if char_at(gap, comma) != Some(',') {
        return;
    }
    let part = |from| run_to(gap, from, [',', ';'], ',', APPOSITION);
    let Some(first) = part(comma + 1) else {
        return;
    };
    reach.add(first);
    if let Some(second) = part(first) {
        reach.add(second);
    }
    names(gap, space_end(gap, first), reach);
}

/// Whether the gap from `at` (not a space) to its end is a run of adverbials, each ending in
/// spaces.
fn adverbials_to_end(gap: &str, at: usize) -> bool {
    let mut todo = vec![at];
    let mut seen = Reach::new(gap.len());
    while let Some(at) = todo.pop() {
        if at >= gap.len() {
            return true;
        }
        if seen.0.get(at).copied().unwrap_or(true) {
            continue;
        }
        seen.add(at);
        let rest = gap.get(at..).unwrap_or("");
        for word in TIME_WORDS.iter() {
            let Some(after) = starts_with_folded(rest, word).and_then(|n| spaces(gap, at + n))
            else {
                continue;
            };
            let word_end = after + word_len(gap, after);
            if word_end > after {
                todo.extend(spaces(gap, word_end));
            }
        }
        for phrase in ADVERBIALS.iter() {
            let mut end = Some(at);
            for word in phrase.iter() {
                end = end.and_then(|e| {
                    let rest = gap.get(e..)?;
                    spaces(gap, e + starts_with_folded(rest, word)?)
                });
            }
            todo.extend(end);
        }
    }
    false
}

/// `\s+` from `at`: the offset past the spaces, when there is at least one.
fn spaces(gap: &str, at: usize) -> Option<usize> {
    let end = space_end(gap, at);
    (end > at).then_some(end)
}

/// The length in bytes of the run of `\w` at `at`.
fn word_len(gap: &str, at: usize) -> usize {
    let rest = gap.get(at..).unwrap_or("");
    rest.len() - rest.trim_start_matches(is_word).len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The expression the scanner replaces, with the words of the lists (built from the lists as
    /// they were, it is the expression as it was written).
    fn adjacent_pattern() -> String {
        let alternatives = |words: &[&str]| {
            let escaped: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
            escaped.join("|")
        };
        let adverbials: Vec<String> = ADVERBIALS
            .iter()
            .map(|p| {
                p.iter()
                    .map(|w| format!(r"{}\s+", regex::escape(w)))
                    .collect()
            })
            .collect();
        let adverbials = adverbials.join("|");
        format!(
            r"(?x)^
        (?:\s+(?:{})\s+(?:(?:{})\s*)?(?:\p{{Lu}}[\w'’.&-]*\s*)+)?
        (?:\s*\([^()]{{0,60}}\))?
        (?:\s*,(?:[^,;]{{0,120}},){{1,2}}|\s*,[^,;]{{0,120}},\s*(?:\p{{Lu}}[\w'’.&-]*\s*)+)?
        \s*(?:(?i:(?:{})\s+\w+\s+|{}))*$",
            alternatives(&AFFILIATION),
            alternatives(&ARTICLES),
            alternatives(&TIME_WORDS),
            adverbials
        )
    }

    static ADJACENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&adjacent_pattern()).expect("valid regex"));

    #[track_caller]
    fn check(gap: &str, expected: bool) {
        assert_eq!(is_adjacent(gap), expected, "{gap:?}");
        assert_eq!(ADJACENT.is_match(gap), expected, "{gap:?}");
    }

    #[test]
    fn gaps_between_a_name_and_its_verb() {
        check("", true);
        check("  ", true);
        check(" of the Harbour Board", true);
        check(", the board's chair,", true);
        check(" (Greens)", true);
        check(" also", false);
        check(" also ", true);
        check(" on Monday ", true);
        check(" and the board", false);
        let long = format!(", {},", "a".repeat(119));
        check(&long, true);
        check(&format!(", {},", "a".repeat(121)), false);
        check(&format!(" ({})", "b".repeat(61)), false);
    }

    #[test]
    fn one_case_per_part() {
        check(" de l'Aquila ", true);
        check(" of the harbour board", false);
        check(", a lawyer, Smith ", true);
        check(", a lawyer, the firm's head, ", true);
        check(", a lawyer; ", false);
        check(" ALSO ", true);
        check(" in a statement ", true);
        check(" in a letter ", false);
        check(" Tambi\u{c9}n ", true);
        check(" on Monday's ", false);
        check(" (the (Greens)) ", false);
    }

    /// A random gap of pieces that exercise every part of the expression, bounds and case
    /// folding included.
    fn random_gap(state: &mut u64) -> String {
        const PIECES: [&str; 44] = [
            " ",
            "  ",
            "\t",
            "\u{a0}",
            ",",
            "(",
            ")",
            ";",
            " of ",
            "of",
            " de ",
            "des ",
            "der",
            "the ",
            "l'",
            "la",
            "Harbour",
            "Board",
            "board",
            "’s",
            "'",
            "-",
            ".",
            "&",
            "Élise",
            "élan",
            "x",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            " also ",
            "ALSO",
            "on Monday ",
            "ON ",
            "late ",
            "in a statement ",
            "In A ",
            "statement",
            "tambi\u{c9}n ",
            "had ",
            "a ",
            "\u{212a}",
            "\u{17f}",
            "hatte",
            "2024",
            "filmed ",
        ];
        let mut gap = String::new();
        loop {
            *state ^= *state << 13;
            *state ^= *state >> 7;
            *state ^= *state << 17;
            gap.push_str(PIECES[(*state % PIECES.len() as u64) as usize]);
            if state.is_multiple_of(11) || gap.len() > 300 {
                return gap;
            }
        }
    }

    /// The scanner reads every gap as the expression does.
    #[test]
    fn the_scanner_agrees_with_the_expression_it_replaces() {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut matched = 0;
        for _ in 0..40_000 {
            let gap = random_gap(&mut state);
            let expected = ADJACENT.is_match(&gap);
            assert_eq!(is_adjacent(&gap), expected, "{gap:?}");
            matched += usize::from(expected);
        }
        // The gaps reach both answers often enough to compare them.
        assert!(matched > 1_000, "{matched}");
    }
}
