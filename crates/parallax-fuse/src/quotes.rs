//! Quote groups: the same statement as each outlet quotes it, grouped by its words first, then
//! credited to the speaker the outlets' attributions agree on.
//!
//! Statements are compared on normalised words (case, diacritics, punctuation, quotation marks and
//! tokenised clitics such as `did n't` do not count): the same words are one statement; a quote
//! contained in a longer one is a cut of it; a quote that shares most of its words and runs of
//! three words with another is a small rewording of it. Each outlet then votes for the speaker it
//! gives; when named speakers differ, the majority is shown with the others listed beside it, and
//! a tie names nobody.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::collections::BTreeMap;

use parallax_core::{Analyzed, BriefQuote, EntityKind, QuoteAttribution, QuoteVariant, Speaker};

use crate::names::{fold, NameIndex};

/// Share of the shorter quote's three-word runs the longer one must hold to be the same statement.
const SAME_RUNS: f64 = 0.5;
/// Share of the shorter quote's three-word runs the longer one must hold to be its words, even
/// when the outlets credit different people.
const NEARLY_ALL_RUNS: f64 = 0.8;
/// Share of the shorter quote's content words the longer one must hold, with some run in common.
const SAME_WORDS: f64 = 0.75;
/// A word shared by more quotes than this is too common to propose candidates by itself.
const COMMON_WORD: usize = 80;

/// A quote as it is compared with others, its words as ids of the [`Words`] of the quotes
/// compared with it.
struct Item<'a> {
    doc: usize,
    text: &'a str,
    speaker: Option<Credit>,
    wording: Wording,
}

/// A quote's words as they are compared, as ids of the [`Words`] of the quotes compared with it.
#[derive(Debug, Default)]
struct Wording {
    words: Vec<u32>,
    /// Its content words (four letters or more), sorted, each once.
    content: Vec<u32>,
    /// Its runs of three words, sorted, each once.
    runs: Vec<[u32; 3]>,
}

/// Ids of the words of the quotes compared with one another: the same id, the same word.
#[derive(Debug, Default)]
struct Words {
    ids: HashMap<String, u32>,
    /// Whether each word has four letters or more, by id.
    long: Vec<bool>,
}

impl Words {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.long.len() as u32;
        self.ids.insert(word.to_string(), id);
        self.long.push(word.chars().count() >= 4);
        id
    }
}

impl Wording {
    /// The wording of `text`; none when it holds no word.
    fn new(text: &str, vocab: &mut Words) -> Option<Self> {
        let words = statement_words(text, vocab);
        if words.is_empty() {
            return None;
        }
        let mut content: Vec<u32> = words
            .iter()
            .copied()
            .filter(|&w| vocab.long.get(w as usize).copied().unwrap_or(false))
            .collect();
        content.sort_unstable();
        content.dedup();
        let mut runs: Vec<[u32; 3]> = words.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
        runs.sort_unstable();
        runs.dedup();
        Some(Wording {
            content,
            runs,
            words,
        })
    }
}

impl<'a> Item<'a> {
    /// A quote of article `doc` as it is compared; none when it holds no word.
    fn new(doc: usize, text: &'a str, speaker: Option<Credit>, vocab: &mut Words) -> Option<Self> {
        Some(Item {
            doc,
            text,
            speaker,
            wording: Wording::new(text, vocab)?,
        })
    }
}

/// Whether a quote of another article (`quoted`) holds the statement (the same words, a cut of
/// them, or a small rewording), whoever either credits.
fn holds_statement(statement: &Wording, quoted: &Wording) -> bool {
    contains_run(&quoted.words, &statement.words)
        || same_wording(statement, quoted, None, None) != Match::Different
}

/// Whether article `other` quotes the statement `text` (the same words, a cut of them, or a small
/// rewording), whoever it credits: its quotes read afresh, for a text the quote groups do not
/// hold.
fn quotes_statement(other: &Analyzed, text: &str) -> bool {
    let mut vocab = Words::default();
    let Some(statement) = Wording::new(text, &mut vocab) else {
        return true;
    };
    other
        .quotes
        .iter()
        .filter_map(|q| Wording::new(&q.text, &mut vocab))
        .any(|q| holds_statement(&statement, &q))
}

/// One outlet's attribution of a quote.
#[derive(Debug, Clone)]
struct Credit {
    display: String,
    parts: Vec<String>,
    named: bool,
    title: Option<String>,
}

/// Which articles quote each statement, as the quote groups have it: the summary cites a quoted
/// sentence only to outlets that quote the same statement.
#[derive(Debug, Default)]
pub(crate) struct QuotedBy<'a> {
    /// (article, quote text) to its group and its wording in `wordings`.
    group_of: HashMap<(usize, &'a str), (usize, usize)>,
    /// Each group's articles.
    articles: Vec<HashSet<usize>>,
    /// The wording of every quote that holds words, over one vocabulary, in article and quote
    /// order: read once, however often another article's quotes are compared with a statement.
    wordings: Vec<Wording>,
    /// For each article, its quotes' range in `wordings`.
    of_doc: Vec<std::ops::Range<usize>>,
}

impl QuotedBy<'_> {
    /// Whether article `other` quotes the statement that article `doc` quotes as `text`: a quote
    /// of its is in the same group, or holds the same words (a cut of two words included: the
    /// sentence that shows it names the speaker, and `other` must name them as well).
    pub(crate) fn quotes(
        &self,
        doc: usize,
        text: &str,
        other: &Analyzed,
        other_doc: usize,
    ) -> bool {
        let Some(&(group, wording)) = self.group_of.get(&(doc, text)) else {
            return quotes_statement(other, text);
        };
        if self
            .articles
            .get(group)
            .is_some_and(|a| a.contains(&other_doc))
        {
            return true;
        }
        let (Some(statement), Some(quoted)) = (
            self.wordings.get(wording),
            self.of_doc
                .get(other_doc)
                .and_then(|r| self.wordings.get(r.clone())),
        ) else {
            return quotes_statement(other, text);
        };
        quoted.iter().any(|q| holds_statement(statement, q))
    }
}

/// Groups the quotes of all articles, and says which articles quote each statement.
pub(crate) fn grouped_quotes<'a>(
    docs: &'a [Analyzed],
    names: &NameIndex,
) -> (Vec<BriefQuote>, QuotedBy<'a>) {
    let mut items = Vec::new();
    let mut vocab = Words::default();
    let mut of_doc = Vec::with_capacity(docs.len());
    for (d, doc) in docs.iter().enumerate() {
        let start = items.len();
        for q in &doc.quotes {
            let speaker = q.speaker.as_ref().map(|s| credit(s, names));
            items.extend(Item::new(d, &q.text, speaker, &mut vocab));
        }
        of_doc.push(start..items.len());
    }
    let mut parent: Vec<usize> = (0..items.len()).collect();
    // The same words are one statement, whoever is credited.
    let mut exact: HashMap<&[u32], usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        if let Some(&j) = exact.get(item.wording.words.as_slice()) {
            union(&mut parent, i, j);
        } else {
            exact.insert(&item.wording.words, i);
        }
    }
    // The items with a named speaker in each group, by the group's root.
    let mut named: Vec<Vec<usize>> = (0..items.len()).map(|_| Vec::new()).collect();
    for (i, item) in items.iter().enumerate() {
        if item.speaker.as_ref().is_some_and(|c| c.named) {
            let root = find(&mut parent, i);
            named[root].push(i);
        }
    }
    // Candidates share a content word that is not too common.
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        for &w in &item.wording.content {
            postings.entry(w).or_default().push(i);
        }
    }
    for i in 0..items.len() {
        let mut candidates: Vec<usize> = items[i]
            .wording
            .content
            .iter()
            .filter_map(|w| postings.get(w))
            .filter(|p| p.len() <= COMMON_WORD)
            .flatten()
            .copied()
            .filter(|&j| j > i)
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for j in candidates {
            let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
            if ri == rj {
                continue;
            }
            let joins = match same_statement(&items[i], &items[j]) {
                Match::Same => true,
                // A rewording does not join two groups whose outlets name different people: a
                // quote credited to nobody would otherwise chain one person's words to another's.
                Match::Rewording => !speakers_conflict(&named[ri], &named[rj], &items),
                Match::Different => false,
            };
            if joins {
                union(&mut parent, i, j);
                let root = find(&mut parent, i);
                let other = if root == ri { rj } else { ri };
                let moved = std::mem::take(&mut named[other]);
                named[root].extend(moved);
            }
        }
    }
    let roles = story_roles(docs, names);
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut quoted_by = QuotedBy {
        of_doc,
        ..QuotedBy::default()
    };
    for (g, members) in groups.values().enumerate() {
        for &m in members {
            quoted_by
                .group_of
                .insert((items[m].doc, items[m].text), (g, m));
        }
        quoted_by
            .articles
            .push(members.iter().map(|&m| items[m].doc).collect());
    }
    let mut out: Vec<(usize, usize, BriefQuote)> = groups
        .into_values()
        .map(|members| {
            let outlets = members
                .iter()
                .map(|&m| items[m].doc)
                .collect::<HashSet<_>>()
                .len();
            let first = members.first().copied().unwrap_or(0);
            (outlets, first, brief_quote(&members, &items, docs, &roles))
        })
        .collect();
    out.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    quoted_by.wordings = items
        .iter_mut()
        .map(|item| std::mem::take(&mut item.wording))
        .collect();
    (out.into_iter().map(|(_, _, q)| q).collect(), quoted_by)
}

fn credit(s: &Speaker, names: &NameIndex) -> Credit {
    let display = if s.named {
        names.canonical(&s.name).to_string()
    } else {
        s.name.clone()
    };
    Credit {
        parts: NameIndex::name_parts(&display),
        display,
        named: s.named,
        title: s.title.clone(),
    }
}

/// The words of a statement as outlets' wordings are compared (folded, clitics joined, no
/// punctuation or quotation marks), as ids of `vocab`.
fn statement_words(text: &str, vocab: &mut Words) -> Vec<u32> {
    let mut t = fold(text);
    // Tokenised clitics are rare: the text is copied only for one it holds, and searched for
    // them only when it has an apostrophe at all.
    if t.contains('\'') {
        for spaced in [" n't", " 's", " 're", " 've", " 'll", " 'd", " 'm"] {
            if t.contains(spaced) {
                t = t.replace(spaced, &spaced[1..]);
            }
        }
    }
    // Apostrophes are taken out of each word, not out of the whole text first.
    t.split(|c: char| c != '\'' && !c.is_alphanumeric())
        .filter_map(|w| {
            let word = if w.contains('\'') {
                std::borrow::Cow::Owned(w.replace('\'', ""))
            } else {
                std::borrow::Cow::Borrowed(w)
            };
            (!word.is_empty()).then(|| vocab.id(&word))
        })
        .collect()
}

/// How surely two quotes are one statement.
#[derive(Debug, PartialEq, Eq)]
enum Match {
    /// The same words, or a cut of the longer quote.
    Same,
    /// A small rewording: most words and some runs of three in common.
    Rewording,
    Different,
}

/// Whether two groups' outlets name speakers and no person named in one is named in the other.
fn speakers_conflict(a: &[usize], b: &[usize], items: &[Item<'_>]) -> bool {
    let parts = |i: &usize| items[*i].speaker.as_ref().map(|c| c.parts.as_slice());
    !a.is_empty()
        && !b.is_empty()
        && !a
            .iter()
            .filter_map(parts)
            .any(|x| b.iter().filter_map(parts).any(|y| same_person(x, y)))
}

fn same_statement(a: &Item<'_>, b: &Item<'_>) -> Match {
    same_wording(
        &a.wording,
        &b.wording,
        a.speaker.as_ref(),
        b.speaker.as_ref(),
    )
}

/// How surely two wordings, credited to these speakers, are one statement.
fn same_wording(
    a: &Wording,
    b: &Wording,
    a_speaker: Option<&Credit>,
    b_speaker: Option<&Credit>,
) -> Match {
    let (short, long) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    let conflict = match (a_speaker, b_speaker) {
        (Some(x), Some(y)) => x.named && y.named && !same_person(&x.parts, &y.parts),
        _ => false,
    };
    // A cut of a longer quote; a two-word cut only when the speakers agree.
    let agree =
        matches!((a_speaker, b_speaker), (Some(x), Some(y)) if same_person(&x.parts, &y.parts));
    let min_cut = if agree { 2 } else { 3 };
    if short.words.len() >= min_cut && contains_run(&long.words, &short.words) {
        return Match::Same;
    }
    if short.runs.is_empty() {
        return Match::Different;
    }
    let shared_runs = shared(&short.runs, &long.runs);
    let run_share = shared_runs as f64 / short.runs.len() as f64;
    if run_share >= NEARLY_ALL_RUNS {
        return Match::Same;
    }
    // The same words credited to two people is shown as a conflict; anything less is two
    // statements.
    if conflict {
        return Match::Different;
    }
    if run_share >= SAME_RUNS {
        return Match::Rewording;
    }
    let shared_words = shared(&short.content, &long.content);
    let word_share = shared_words as f64 / short.content.len().max(1) as f64;
    if shared_runs > 0 && shared_words >= 3 && word_share >= SAME_WORDS {
        Match::Rewording
    } else {
        Match::Different
    }
}

/// How many values two sorted lists without repeats have in common.
fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether `short` stands in `long` as a run of consecutive words. A window is compared whole
/// only when its first word is `short`'s first: most are not, and that is one comparison.
fn contains_run(long: &[u32], short: &[u32]) -> bool {
    let Some(&first) = short.first() else {
        return false;
    };
    long.windows(short.len())
        .any(|w| w.first() == Some(&first) && w == short)
}

/// Whether two names are one person: every part of the shorter is in the longer ("Kahn",
/// "Strauss-Kahn", "Dominique Strauss-Kahn").
pub(crate) fn same_person(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && short.iter().all(|p| long.contains(p))
}

/// One speaker's votes in a group: the fullest name, the outlets naming them, the titles given.
struct Votes<'a>(&'a Credit, Vec<usize>, Vec<Option<String>>);

/// A group's quote: its wordings, and the speaker the outlets' votes settle.
fn brief_quote(
    members: &[usize],
    items: &[Item<'_>],
    docs: &[Analyzed],
    roles: &HashMap<String, Vec<String>>,
) -> BriefQuote {
    let article = |d: usize| {
        docs.get(d)
            .map_or_else(String::new, |a| a.article.id.clone())
    };
    let mut variants: Vec<QuoteVariant> = Vec::new();
    for &m in members {
        let item = &items[m];
        let v = QuoteVariant {
            text: item.text.to_string(),
            article: article(item.doc),
            speaker: item.speaker.as_ref().map(|c| c.display.clone()),
        };
        if !variants
            .iter()
            .any(|x| x.text == v.text && x.article == v.article)
        {
            variants.push(v);
        }
    }
    // Named speakers, one vote per outlet, surnames and spellings joined to the fullest name.
    let mut named: Vec<&Credit> = members
        .iter()
        .filter_map(|&m| items[m].speaker.as_ref())
        .filter(|c| c.named)
        .collect();
    named.sort_by_key(|c| std::cmp::Reverse(c.parts.len()));
    let mut people: Vec<Votes<'_>> = Vec::new();
    for &m in members {
        let Some(c) = items[m].speaker.as_ref().filter(|c| c.named) else {
            continue;
        };
        let Some(full) = named.iter().find(|n| same_person(&n.parts, &c.parts)) else {
            continue;
        };
        let entry = match people
            .iter_mut()
            .position(|p| same_person(&p.0.parts, &full.parts))
        {
            Some(k) => &mut people[k],
            None => {
                people.push(Votes(full, Vec::new(), Vec::new()));
                let last = people.len() - 1;
                &mut people[last]
            }
        };
        if !entry.1.contains(&items[m].doc) {
            entry.1.push(items[m].doc);
        }
        entry.2.push(c.title.clone());
    }
    people.sort_by_key(|p| std::cmp::Reverse(p.1.len()));
    let (speaker, speaker_title) = match people.as_slice() {
        [] => {
            let descriptions = members
                .iter()
                .filter_map(|&m| items[m].speaker.as_ref())
                .map(|c| c.display.clone());
            let described = most_common(descriptions);
            // "the judge" is the story's one person with that title, if it has exactly one,
            // and none of the quote's own articles brings in someone of that role unnamed ("One
            // computer executive said …": "the executive" is that one).
            let unnamed_in_own = |d: &str| {
                let role = fold(d).rsplit(' ').next().unwrap_or("").to_string();
                members.iter().any(|&m| {
                    docs.get(items[m].doc).is_some_and(|a| {
                        parallax_analyze::unnamed_holder(&fold(&a.article.text), &role)
                    })
                })
            };
            match described
                .as_deref()
                .and_then(|d| role_holder(d, roles).filter(|_| !unnamed_in_own(d)))
            {
                Some(name) => (Some(name), described),
                None => (described, None),
            }
        }
        [top, rest @ ..] if rest.first().is_none_or(|r| r.1.len() < top.1.len()) => (
            Some(top.0.display.clone()),
            most_common(top.2.iter().flatten().cloned()),
        ),
        // As many outlets name one speaker as another: the text does not settle it.
        _ => (None, None),
    };
    let attributions = if people.len() > 1 {
        people
            .iter()
            .map(|p| QuoteAttribution {
                speaker: p.0.display.clone(),
                articles: p.1.iter().map(|&d| article(d)).collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    BriefQuote {
        speaker,
        speaker_title,
        variants,
        attributions,
    }
}

/// The story's people by each word of their titles ("judge" → the people titled "Judge").
fn story_roles(docs: &[Analyzed], names: &NameIndex) -> HashMap<String, Vec<String>> {
    let mut roles: HashMap<String, Vec<String>> = HashMap::new();
    for e in docs.iter().flat_map(|d| &d.entities) {
        let Some(title) = e.title.as_deref().filter(|_| e.kind == EntityKind::Person) else {
            continue;
        };
        let name = names.canonical(&e.name).to_string();
        for word in fold(title).split(|c: char| !c.is_alphanumeric()) {
            let people = roles.entry(word.to_string()).or_default();
            if !people.contains(&name) {
                people.push(name.clone());
            }
        }
    }
    roles
}

/// The one person a definite description ("the judge", "le juge") names across the story.
fn role_holder(description: &str, roles: &HashMap<String, Vec<String>>) -> Option<String> {
    let words: Vec<String> = fold(description)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let definite = words
        .first()
        .is_some_and(|w| parallax_analyze::is_definite_article(w));
    if !definite || words.len() > 3 {
        return None;
    }
    match roles.get(words.last()?)?.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (a, b) = (find(parent, a), find(parent, b));
    parent[a.max(b)] = a.min(b);
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The most frequent value, the first seen winning ties.
pub fn most_common(values: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some((_, c)) => *c += 1,
            None => counts.push((v, 1)),
        }
    }
    let best = counts.iter().map(|(_, c)| *c).max()?;
    counts.into_iter().find(|(_, c)| *c == best).map(|(v, _)| v)
}

#[cfg(test)]
mod tests {

    use super::*;

    fn doc(id: &str, text: &str) -> Analyzed {
        parallax_analyze::analyze(crate::testing::article(id, text))
    }

    /// The groups of the articles' quotes: each as its speaker and the articles quoting it.
    #[track_caller]
    fn check(texts: &[&str], expected: &[(Option<&str>, &[&str])]) -> Vec<BriefQuote> {
        let docs: Vec<Analyzed> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| doc(&format!("d{i}"), t))
            .collect();
        let names = NameIndex::new(&docs);
        let (quotes, _) = grouped_quotes(&docs, &names);
        let got: Vec<(Option<&str>, Vec<&str>)> = quotes
            .iter()
            .map(|q| {
                let mut articles: Vec<&str> =
                    q.variants.iter().map(|v| v.article.as_str()).collect();
                articles.dedup();
                (q.speaker.as_deref(), articles)
            })
            .collect();
        let want: Vec<(Option<&str>, Vec<&str>)> =
            expected.iter().map(|(s, a)| (*s, a.to_vec())).collect();
        assert_eq!(got, want);
        quotes
    }

    #[test]
    fn the_same_words_in_any_marks_and_tokenisation_are_one_statement() {
        check(
            &[
                "“We didn't expect the water to rise so fast,” Mara Linde said.",
                "`` We did n't expect the water to rise so fast , '' Linde said .",
                "« We didn’t expect the water to rise so fast », said Mara Linde.",
            ],
            &[(Some("Mara Linde"), &["d0", "d1", "d2"])],
        );
    }

    #[test]
    fn a_cut_and_a_small_rewording_join_the_statement() {
        check(
            &[
                "“We will rebuild every house on the river before the winter comes,” Mara Linde said.",
                "Mara Linde said the town would “rebuild every house on the river”.",
                "“We are going to rebuild every house on the river before winter comes,” Mara Linde said.",
            ],
            &[(Some("Mara Linde"), &["d0", "d1", "d2"])],
        );
    }

    #[test]
    fn different_statements_stay_apart() {
        check(
            &[
                "“The bridge will stay closed until the engineers have checked it,” Mara Linde said.",
                "“The school will reopen on Monday for all the children of the valley,” Mara Linde said.",
            ],
            &[(Some("Mara Linde"), &["d0"]), (Some("Mara Linde"), &["d1"])],
        );
    }

    #[test]
    fn a_quote_credited_to_nobody_chains_no_two_speakers_statements() {
        // The uncredited quote rewords each of the others, which are not near enough each other to
        // be one statement credited to two people: two statements, each with its own speaker.
        check(
            &[
                "“The old rules have weakened the science behind the river protection law,” Mara Linde said.",
                "Critics say “the old rules weakened the science behind the river protection law”.",
                "“Past rules weakened the science behind the river protection law and we repair that now,” Ivo Brand said.",
            ],
            &[(Some("Mara Linde"), &["d0", "d1"]), (Some("Ivo Brand"), &["d2"])],
        );
    }

    #[test]
    fn names_with_and_without_diacritics_are_one_speaker() {
        check(
            &[
                "“Reconstruiremos el puerto antes del verano”, dijo José Núñez.",
                "“Reconstruiremos el puerto antes del verano”, dijo Jose Nunez.",
            ],
            &[(Some("José Núñez"), &["d0", "d1"])],
        );
    }

    #[test]
    fn outlets_vote_and_a_tie_names_nobody() {
        let q = check(
            &[
                "“Nobody could have stopped the flood waters last night,” Mara Linde said.",
                "“Nobody could have stopped the flood waters last night,” Mara Linde said.",
                "“Nobody could have stopped the flood waters last night,” Ivo Brand said.",
            ],
            &[(Some("Mara Linde"), &["d0", "d1", "d2"])],
        );
        assert_eq!(q[0].attributions.len(), 2);
        assert_eq!(q[0].attributions[1].speaker, "Ivo Brand");
        assert_eq!(q[0].variants[2].speaker.as_deref(), Some("Ivo Brand"));
        check(
            &[
                "“Nobody could have stopped the flood waters last night,” Mara Linde said.",
                "“Nobody could have stopped the flood waters last night,” Ivo Brand said.",
            ],
            &[(None, &["d0", "d1"])],
        );
    }

    #[test]
    fn a_definite_description_is_the_storys_one_person_with_that_title() {
        check(
            &[
                "Judge Mara Linde opened the hearing. “The court will not be rushed by anyone,” the judge said.",
                "“The court will not be rushed by anyone,” the judge said.",
            ],
            &[(Some("Mara Linde"), &["d0", "d1"])],
        );
        // Not when an outlet of the quote brings in an unnamed holder of that role: its "the
        // executive" is that one, not the story's executive.
        check(
            &[
                "Chief executive Mara Linde spoke first. The regulators met on Monday.",
                "One computer executive met the regulators. “Only the browser matters here,” the executive said.",
            ],
            &[(Some("the executive"), &["d1"])],
        );
    }

    #[test]
    fn a_named_speaker_outranks_a_description() {
        check(
            &[
                "“The fire is under control but not out,” Mara Linde said.",
                "“The fire is under control but not out,” a fire brigade spokeswoman said.",
            ],
            &[(Some("Mara Linde"), &["d0", "d1"])],
        );
    }
}
