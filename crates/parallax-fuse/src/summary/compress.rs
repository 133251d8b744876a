//! Sentence compression: drops the parts of a news sentence that a summary does not need, so
//! that more content fits in the budget. Only cuts that keep the sentence grammatical are made:
//! a trailing attribution (", officials said."), a weekday ("on Tuesday"), a short
//! parenthetical or aside between dashes, and a discourse opener ("However, ").

use std::sync::LazyLock;

use parallax_text::lines;

/// Weekday names dropped with their preposition (`data/compress_weekdays.txt`).
static WEEKDAYS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/compress_weekdays.txt")).collect());

/// The first bytes of [`WEEKDAYS`]: where one of them may begin.
static WEEKDAY_FIRST_BYTES: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut first = [false; 256];
    for d in WEEKDAYS.iter() {
        if let Some(&b) = d.as_bytes().first() {
            first[usize::from(b)] = true;
        }
    }
    first
});

/// Prepositions whose object a weekday phrase is, which keep it
/// (`data/compress_weekday_objects.txt`).
static WEEKDAY_OBJECTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/compress_weekday_objects.txt")).collect());

/// Discourse openers cut from a sentence's start, each with the space after it
/// (`data/compress_openers.txt`).
static OPENERS: LazyLock<Vec<String>> = LazyLock::new(|| {
    lines(include_str!("../../data/compress_openers.txt"))
        .map(|o| format!("{o} "))
        .collect()
});

/// Attribution verbs of a trailing attribution (`data/compress_said.txt`).
static SAID: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/compress_said.txt")).collect());

/// [`SAID`], each verb as its words, split once rather than at every comparison.
static SAID_WORDS: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| SAID.iter().map(|v| v.split(' ').collect()).collect());

/// Words that may follow an attribution verb without carrying news ("said on Friday"),
/// `data/compress_after_verb.txt`.
static AFTER_VERB: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/compress_after_verb.txt")).collect());

/// Words that open a trailing clause the summary may cut to make room, each set off as
/// ", WORD " (`data/compress_clauses.txt`).
static CLAUSES: LazyLock<Vec<String>> = LazyLock::new(|| {
    lines(include_str!("../../data/compress_clauses.txt"))
        .map(|w| format!(", {w} "))
        .collect()
});

/// An outlet's words for itself and what replaces them (`data/compress_self_references.txt`),
/// each phrase with the space before it, by the byte after that space and longest first: found
/// leftmost, and then longest, so that "gegenüber unserer Redaktion" goes before "unserer
/// Redaktion". (A few dozen phrases: sorting them costs a start-up less than an automaton.)
static SELF_REFERENCES: LazyLock<Vec<Vec<(String, &'static str)>>> = LazyLock::new(|| {
    let mut by_second_byte = vec![Vec::new(); 256];
    for (from, to) in lines(include_str!("../../data/compress_self_references.txt"))
        .filter_map(|l| l.split_once("=>"))
        .map(|(from, to)| (from.trim(), to.trim()))
    {
        if let Some(list) = from
            .as_bytes()
            .first()
            .and_then(|&b| by_second_byte.get_mut(usize::from(b)))
        {
            list.push((format!(" {from}"), to));
        }
    }
    for list in &mut by_second_byte {
        list.sort_by_key(|(from, _): &(String, &str)| std::cmp::Reverse(from.len()));
    }
    by_second_byte
});

/// Words that open a relative clause (`data/compress_relative_words.txt`).
static RELATIVE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/compress_relative_words.txt")).collect());

/// Fewest words a sentence keeps when its trailing clause is cut.
const MIN_HEAD_WORDS: usize = 6;

/// The sentence without its trailing clause (", which ...", ", après ...", ", weil ...") when
/// the clause runs from its sentence's last comma to the full stop, outside any quotation, and
/// at least [`MIN_HEAD_WORDS`] words stay; `None` otherwise. The main clause stands alone and
/// what it loses is detail: the summary may take it instead of the whole sentence when the
/// words saved say more elsewhere.
pub(crate) fn cut_trailing_clause(text: &str) -> Option<String> {
    let body = text.trim().strip_suffix('.')?;
    let comma = last_comma_space(body)?;
    let (head, tail) = (body.get(..comma)?, body.get(comma..)?);
    let lower = tail.to_lowercase();
    if lower.len() != tail.len() || !CLAUSES.iter().any(|c| lower.starts_with(c.as_str())) {
        return None;
    }
    let quotes = |t: &str| t.chars().filter(|&c| QUOTE_MARKS.contains(&c)).count();
    if quotes(tail) > 0 || quotes(head) % 2 == 1 || head.split_whitespace().count() < MIN_HEAD_WORDS
    {
        return None;
    }
    Some(format!("{}.", head.trim_end_matches([',', ';', ':'])))
}

/// Where the last ", " of `s` starts: `s.rfind(", ")`, by a walk back over the bytes rather than
/// a substring searcher set up for each sentence.
fn last_comma_space(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    (0..bytes.len().saturating_sub(1))
        .rev()
        .find(|&k| bytes[k] == b',' && bytes[k + 1] == b' ')
}

/// Quotation marks, whose balance tells whether a cut would fall inside a quotation.
const QUOTE_MARKS: [char; 7] = ['"', '“', '”', '«', '»', '„', '‟'];

/// The sentence without the parts a summary can do without, or `None` when nothing was cut.
pub(crate) fn compress(text: &str) -> Option<String> {
    let original = text.trim();
    // Each step hands on the same string when it cuts nothing.
    let s = drop_dash_asides(drop_parentheticals(drop_weekdays(drop_attribution(
        drop_opener(drop_self_references(original.to_string())),
    ))));
    (s != original && s.split_whitespace().count() >= 5).then_some(s)
}

/// Rewrites an outlet's words for itself ("explicó a este periódico que" → "explicó que"),
/// every whole-word mention.
fn drop_self_references(s: String) -> String {
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(space) = s[at..].find(' ').map(|i| at + i) {
        let rest = &s[space..];
        let found = rest.as_bytes().get(1).and_then(|&b| {
            let list: &Vec<(String, &str)> = SELF_REFERENCES.get(usize::from(b))?;
            list.iter().find(|(from, _)| {
                rest.starts_with(from.as_str())
                    && !rest[from.len()..].starts_with(char::is_alphanumeric)
            })
        });
        let Some((from, to)) = found else {
            at = space + 1;
            continue;
        };
        out.push_str(&s[copied..space]);
        if !to.is_empty() {
            out.push(' ');
            out.push_str(to);
        }
        copied = space + from.len();
        at = copied;
    }
    if copied == 0 {
        return s;
    }
    out.push_str(&s[copied..]);
    out
}

fn drop_opener(s: String) -> String {
    for opener in OPENERS.iter() {
        if let Some(rest) = s.strip_prefix(opener) {
            let mut chars = rest.chars();
            if let Some(first) = chars.next() {
                return first.to_uppercase().chain(chars).collect();
            }
        }
    }
    s
}

/// Whether `tail` (what follows the sentence's last comma) is only an attribution:
/// "officials said", "the ministry said in a statement", "said Prime Minister Hun Sen",
/// "according to the police".
fn is_attribution(tail: &str) -> bool {
    if tail.starts_with("according to ") {
        return tail.split_whitespace().count() <= 6;
    }
    let words: Vec<&str> = tail.split_whitespace().collect();
    SAID_WORDS.iter().any(|verb| {
        let n = verb.len();
        (0..words.len().saturating_sub(n - 1)).any(|k| {
            if words.get(k..k + n) != Some(verb.as_slice()) {
                return false;
            }
            let (before, after) = (&words[..k], &words[k + n..]);
            if k == 0 {
                // Inverted: "said Prime Minister Hun Sen".
                !after.is_empty()
                    && after.len() <= 6
                    && after
                        .iter()
                        .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            } else {
                before.len() <= 5
                    && after.len() <= 3
                    && after.iter().all(|w| AFTER_VERB.contains(w))
            }
        })
    })
}

/// ", the minister said on Friday." -> "." when the attribution is all that follows the last
/// comma and the rest is not itself a quotation.
fn drop_attribution(s: String) -> String {
    let Some(body) = s.strip_suffix('.') else {
        return s;
    };
    let Some(comma) = last_comma_space(body) else {
        return s;
    };
    let (head, tail) = (&body[..comma], &body[comma + 2..]);
    let head_quoted = head.contains('"') || head.contains('\u{201d}') || head.contains("''");
    if is_attribution(tail) && head.split_whitespace().count() >= 6 && !head_quoted {
        if head.ends_with('.') {
            head.to_string()
        } else {
            format!("{head}.")
        }
    } else {
        s
    }
}

/// How many times each weekday of [`WEEKDAYS`] stands in `s`, as `str::matches` counts them
/// (leftmost, not overlapping), in one pass over its bytes rather than one search per weekday.
fn weekday_counts(s: &str) -> Vec<usize> {
    let mut counts = vec![0; WEEKDAYS.len()];
    // Where each weekday may next begin: past its last match.
    let mut next = vec![0; WEEKDAYS.len()];
    let bytes = s.as_bytes();
    for (at, b) in bytes.iter().enumerate() {
        if !WEEKDAY_FIRST_BYTES[usize::from(*b)] {
            continue;
        }
        let rest = bytes.get(at..).unwrap_or_default();
        for ((d, count), free) in WEEKDAYS.iter().zip(&mut counts).zip(&mut next) {
            // `lines` never gives an empty entry, which would match everywhere.
            if at >= *free && rest.starts_with(d.as_bytes()) {
                *count += 1;
                *free = at + d.len();
            }
        }
    }
    counts
}

fn drop_weekdays(s: String) -> String {
    let counts = weekday_counts(&s);
    let mentions = counts.iter().sum::<usize>();
    if mentions == 0 {
        return s;
    }
    let mut out = s;
    // Only the weekdays the sentence names: a cut ends before a character that is not a letter
    // or digit, so it never joins two pieces into a weekday that was not there.
    let named = WEEKDAYS.iter().zip(&counts).filter(|(_, &n)| n > 0);
    for (day, _) in named {
        for prep in [" on ", " late ", " early ", " "] {
            let needle = format!("{prep}{day}");
            while let Some(mut at) = out.find(&needle) {
                let mut end = at + needle.len();
                for part in [" night", " morning", " afternoon", " evening"] {
                    if out[end..].starts_with(part) {
                        end += part.len();
                    }
                }
                // Only a whole word: "on Mondays" stays.
                if out[end..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric())
                {
                    break;
                }
                // "The blaze, which began on Friday afternoon, was …", "The attack, first
                // detected late Sunday, hit …": a relative or participle clause of a word or two
                // set off by commas says nothing without its weekday ("officials said Tuesday,"
                // is an attribution, and goes).
                let clause: Vec<&str> = out[..at]
                    .rsplit(',')
                    .next()
                    .unwrap_or("")
                    .split_whitespace()
                    .collect();
                let relative = clause.first().is_some_and(|w| RELATIVE_WORDS.contains(w));
                let participle = clause
                    .last()
                    .is_some_and(|w| w.ends_with("ed") && !SAID.contains(w));
                if out[end..].starts_with(',') && (relative || participle) && clause.len() <= 2 {
                    break;
                }
                // "as of early Thursday evening" stays: the preposition needs it.
                let previous = out[..at].rsplit(' ').next().unwrap_or("");
                if WEEKDAY_OBJECTS.contains(&previous.to_lowercase().as_str()) {
                    break;
                }
                // A bare weekday only right after a verb in the past ("said Friday",
                // "rejected Monday"), and only when it is the sentence's one weekday.
                if prep == " " {
                    let verb = previous.ends_with("ed") || SAID.contains(&previous);
                    if !verb || mentions > 1 {
                        break;
                    }
                }
                // "early on Thursday" goes whole: "early" alone says nothing.
                if prep == " on " {
                    for modifier in [" early", " late"] {
                        if out[..at].ends_with(modifier) {
                            at -= modifier.len();
                        }
                    }
                }
                out.replace_range(at..end, "");
            }
        }
    }
    out
}

/// Longest aside between dashes that is cut, in words.
const MAX_ASIDE_WORDS: usize = 12;

/// Dashes that set off an aside in pairs (" — ", " -- ", and the wire's " _ ").
const ASIDE_DASHES: [&str; 4] = [" — ", " – ", " -- ", " _ "];

/// "the opposition _ claiming fraud _ has denied" -> "the opposition has denied": an aside set
/// off by a pair of like dashes, short and holding no quotation, goes as a parenthetical does.
/// A single dash (what follows it ends the sentence) stays.
fn drop_dash_asides(s: String) -> String {
    let mut out = s;
    for dash in ASIDE_DASHES {
        // A dash's own mark (its byte that is not a space) is looked for first, with memchr:
        // most sentences have no aside, and a substring search costs more than a byte search.
        let mark = dash.bytes().find(|&b| b != b' ');
        if mark.is_some_and(|m| !out.as_bytes().contains(&m)) {
            continue;
        }
        while let Some(open) = out.find(dash) {
            let inner = open + dash.len();
            let Some(close) = out[inner..].find(dash).map(|c| inner + c) else {
                break;
            };
            let aside = &out[inner..close];
            let quoted = aside.chars().any(|c| QUOTE_MARKS.contains(&c)) || aside.contains("''");
            if quoted || aside.split_whitespace().count() > MAX_ASIDE_WORDS {
                break;
            }
            out.replace_range(open..close + dash.len() - 1, "");
        }
    }
    out
}

fn drop_parentheticals(s: String) -> String {
    let mut out = s;
    if !out.contains('(') {
        return out;
    }
    while let Some(open) = out.find(" (") {
        let Some(close) = out[open..].find(')').map(|c| open + c) else {
            break;
        };
        if out[open..close].split_whitespace().count() > 9 {
            break;
        }
        // "at 8:30 a.m. (0630 GMT)." keeps one full stop.
        let doubled = out[..open].ends_with('.') && out[close + 1..].starts_with('.');
        out.replace_range(open..=close + usize::from(doubled), "");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{compress, cut_trailing_clause, weekday_counts, WEEKDAYS};

    #[test]
    fn the_last_comma_is_found_as_rfind_finds_it() {
        for s in ["", ",", ", ", "a, b, c", "a,b", "x, ", "é, ü,  ,", ",,, ,"] {
            assert_eq!(super::last_comma_space(s), s.rfind(", "), "{s:?}");
        }
    }

    /// The one-pass count is `str::matches`'s count, weekday by weekday.
    #[test]
    fn weekdays_are_counted_as_matches_counts_them() {
        for s in [
            "",
            "The council met on Monday and again on Monday night.",
            "MondayMonday, Tuesdays, Sunday's vote; Zürich's Friday",
            "Saturday",
            "No weekday here, only Mon and Tues.",
        ] {
            let expected: Vec<usize> = WEEKDAYS.iter().map(|d| s.matches(d).count()).collect();
            assert_eq!(weekday_counts(s), expected, "{s}");
        }
    }

    #[track_caller]
    fn check_cut(input: &str, expected: Option<&str>) {
        assert_eq!(cut_trailing_clause(input).as_deref(), expected);
    }

    #[test]
    fn trailing_clauses_go_when_room_is_short() {
        check_cut(
            "The council approved the harbour budget on its first vote, which surprised the opposition.",
            Some("The council approved the harbour budget on its first vote."),
        );
        check_cut(
            "Le conseil a approuvé le budget du port au premier vote, alors que l'opposition s'y attendait peu.",
            Some("Le conseil a approuvé le budget du port au premier vote."),
        );
        check_cut(
            "Der Rat hat den Haushalt für den Hafen angenommen, weil die Reparaturen dringend sind.",
            Some("Der Rat hat den Haushalt für den Hafen angenommen."),
        );
        // An inserted clause, a clause that is not last, a short head, a quotation: kept.
        check_cut(
            "The council, which met on Monday, approved the harbour budget.",
            None,
        );
        check_cut("The vote passed, which surprised many.", None);
        check_cut(
            "\"We approved the harbour budget on its first vote, which surprised us,\" she said.",
            None,
        );
        check_cut(
            "The council approved the harbour budget on its first vote, and the mayor signed it.",
            None,
        );
    }

    #[track_caller]
    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(compress(input).as_deref(), expected);
    }

    #[test]
    fn a_clause_that_is_its_weekday_keeps_it() {
        check(
            "The blaze, which began on Friday afternoon, was 15% contained by Sunday evening.",
            None,
        );
        check(
            "The governor, who visited the burned town on Friday, promised more aid.",
            Some("The governor, who visited the burned town, promised more aid."),
        );
        check(
            "The attack, first detected late Sunday, hit all 14 of the network's hospitals.",
            None,
        );
        check(
            "Nearly 400 residents left their homes, officials said Tuesday, as the fire spread.",
            Some("Nearly 400 residents left their homes, officials said, as the fire spread."),
        );
    }

    #[test]
    fn an_outlet_speaking_of_itself_goes() {
        check(
            "El alcalde, Andrés Molina, explicó a este periódico que el agua alcanzó el metro y medio.",
            Some("El alcalde, Andrés Molina, explicó que el agua alcanzó el metro y medio."),
        );
        check(
            "The mayor told this newspaper that the water reached the square.",
            Some("The mayor said that the water reached the square."),
        );
        check(
            "Der Zeuge sagte gegenüber unserer Redaktion, er habe einen Knall gehört.",
            Some("Der Zeuge sagte, er habe einen Knall gehört."),
        );
        check(
            "Eine Sprecherin des Werks sagte unserem Sender: „Wir bedauern den Vorfall sehr.“",
            Some("Eine Sprecherin des Werks sagte: „Wir bedauern den Vorfall sehr.“"),
        );
        check(
            "Le ministre juge sur notre antenne la grève disproportionnée.",
            Some("Le ministre juge la grève disproportionnée."),
        );
        // Another outlet named so is no self-reference, and a later mention still goes.
        check("The mayor told this newspaperman nothing at all.", None);
        check(
            "The mayor told this newspaperman nothing, but told this newspaper that the water rose.",
            Some("The mayor told this newspaperman nothing, but said that the water rose."),
        );
    }

    #[test]
    fn trailing_attributions_go() {
        check(
            "The talks will resume next week in Phnom Penh, government officials said.",
            Some("The talks will resume next week in Phnom Penh."),
        );
        check("He left, he said.", None);
    }

    #[test]
    fn reported_content_is_not_an_attribution() {
        check(
            "The prince's party, in a statement dated Friday and seen Saturday, said such a scenario was unconstitutional.",
            None,
        );
        check(
            "The deal was signed in the capital after weeks of talks, said Prime Minister Hun Sen.",
            Some("The deal was signed in the capital after weeks of talks."),
        );
        check(
            "AOL will buy Netscape Communications Corp., the Internet pioneer, sources said.",
            Some("AOL will buy Netscape Communications Corp., the Internet pioneer."),
        );
        check(
            "The suit names Microsoft Corp. and three partners of Netscape Communications Corp., people familiar with it said.",
            Some("The suit names Microsoft Corp. and three partners of Netscape Communications Corp."),
        );
    }

    #[test]
    fn weekdays_openers_and_parentheticals_go() {
        check(
            "However, Hun Sen on Friday rejected the demands of the opposition (FUNCINPEC).",
            Some("Hun Sen rejected the demands of the opposition."),
        );
        check(
            "The ministry said Friday that the talks had failed for good.",
            Some("The ministry said that the talks had failed for good."),
        );
        check(
            "The prince's party, in a statement dated Friday and seen Saturday, said such a scenario was unconstitutional.",
            None,
        );
        check("Hun Sen rejected the demands of the opposition.", None);
        check(
            "The first plane landed on the new runway at 8:30 a.m. (0630 GMT).",
            Some("The first plane landed on the new runway at 8:30 a.m."),
        );
        check(
            "A ferry ran aground in thick fog early on Thursday, and all were taken off.",
            Some("A ferry ran aground in thick fog, and all were taken off."),
        );
        check(
            "As of early Thursday evening, 127 people were known to have survived the sinking.",
            None,
        );
    }

    #[test]
    fn asides_between_dashes_go() {
        check(
            "The ruling party won a majority, but the opposition _ claiming fraud and intimidation _ has denied it a two-thirds vote.",
            Some("The ruling party won a majority, but the opposition has denied it a two-thirds vote."),
        );
        check(
            "The plan — drawn up by three ministries over the summer — will cost about 2 billion euros.",
            Some("The plan will cost about 2 billion euros."),
        );
        // One dash, an aside holding a quotation, a long aside: kept.
        check(
            "The council approved the harbour budget — the largest in its history.",
            None,
        );
        check(
            "The plan — which the mayor called “a disaster” — will cost about 2 billion euros.",
            None,
        );
        check(
            "The plan -- drawn up by three ministries and two outside firms over a long and difficult summer of talks -- will cost more.",
            None,
        );
    }
}
