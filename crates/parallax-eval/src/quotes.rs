//! Quote grouping and attribution against a gold set of shared statements
//! (`../shared/eval/quotes-ecbplus`): the rules of its `check.py`, reproduced word for word, plus a
//! breakdown by how each gold occurrence is attributed in its article.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::EvalError;

/// One statement of the gold set: every place two or more articles quote it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldGroup {
    /// The event the articles report.
    pub subtopic: String,
    /// The group's label.
    #[serde(default)]
    pub group: String,
    /// Who said it (a full name, an organisation, or a description).
    pub speaker: String,
    /// `person`, `organisation` or `unnamed`.
    pub speaker_kind: String,
    /// Each quoted span.
    pub occurrences: Vec<GoldOccurrence>,
}

/// One article's quoted span of a gold statement.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldOccurrence {
    /// The article's file name.
    pub doc: String,
    /// The words between the quotation marks.
    pub text: String,
    /// The words that attribute it, with bracketed notes (`[he = …]`, `[previous sentence]`).
    #[serde(default)]
    pub attribution: String,
}

/// One predicted quote group, in `check.py`'s prediction format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictedGroup {
    /// The event the group was found in (not used for matching).
    pub subtopic: String,
    /// The predicted speaker of the group.
    pub speaker: Option<String>,
    /// Each article's wording.
    pub variants: Vec<PredictedVariant>,
}

/// One article's wording in a predicted group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictedVariant {
    /// The article's id.
    pub doc: String,
    /// The quoted words.
    pub text: String,
    /// Whom this article itself credits (used by the breakdown only; `check.py` ignores it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// How an article attributes one gold occurrence, read from the gold `attribution` conventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// The speaker is named in the quote's own sentence.
    SameSentence,
    /// A pronoun must be resolved ("he said").
    Pronoun,
    /// Only a description names the speaker in that article ("the officer").
    Description,
    /// The attribution is in another sentence (a running quote, "X said:" before it).
    OtherSentence,
    /// No attribution near the quote.
    Unattributed,
}

impl AttributionKind {
    /// All kinds, in table order.
    pub const ALL: [AttributionKind; 5] = [
        AttributionKind::SameSentence,
        AttributionKind::Pronoun,
        AttributionKind::Description,
        AttributionKind::OtherSentence,
        AttributionKind::Unattributed,
    ];

    /// The label of the kind in tables.
    pub fn label(self) -> &'static str {
        match self {
            AttributionKind::SameSentence => "same sentence",
            AttributionKind::Pronoun => "pronoun",
            AttributionKind::Description => "description",
            AttributionKind::OtherSentence => "other sentence",
            AttributionKind::Unattributed => "none near",
        }
    }
}

const PRONOUNS: &[&str] = &[
    "he", "she", "his", "her", "him", "it", "they", "them", "we", "i", "one",
];

/// The kinds of attribution an occurrence shows (one or more).
pub fn attribution_kinds(attribution: &str) -> BTreeSet<AttributionKind> {
    let mut kinds = BTreeSet::new();
    let mut rest = attribution;
    while let Some(open) = rest.find('[') {
        let inner_start = open + 1;
        let close = rest[inner_start..]
            .find(']')
            .map_or(rest.len(), |c| inner_start + c);
        let note = &rest[inner_start..close];
        rest = rest.get(close + 1..).unwrap_or("");
        let key = note.split('=').next().unwrap_or("").trim();
        let lower = key.to_lowercase();
        if lower.contains("sentence") {
            kinds.insert(AttributionKind::OtherSentence);
        } else if lower.starts_with("none") || lower.starts_with("no ") {
            kinds.insert(AttributionKind::Unattributed);
        } else if !note.contains('=') {
            continue;
        } else if PRONOUNS.contains(&lower.as_str()) {
            kinds.insert(AttributionKind::Pronoun);
        } else if !(key.split_whitespace().count() == 1
            && key.chars().next().is_some_and(char::is_uppercase))
        {
            // A single capitalised word is a spelling variant of the name, not a description.
            kinds.insert(AttributionKind::Description);
        }
    }
    if kinds.is_empty() {
        kinds.insert(AttributionKind::SameSentence);
    }
    kinds
}

/// Reads a JSON Lines file of gold groups.
pub fn read_gold(path: &Path) -> Result<Vec<GoldGroup>, EvalError> {
    read_lines(path)
}

/// Reads a JSON Lines file of predicted groups (`check.py`'s format).
pub fn read_predictions(path: &Path) -> Result<Vec<PredictedGroup>, EvalError> {
    read_lines(path)
}

fn read_lines<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>, EvalError> {
    let name = path.display().to_string();
    let body = std::fs::read_to_string(path).map_err(|error| EvalError::Io {
        path: name.clone(),
        error,
    })?;
    body.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(k, l)| {
            serde_json::from_str(l).map_err(|e| EvalError::Layout {
                path: format!("{name}:{}", k + 1),
                message: e.to_string(),
            })
        })
        .collect()
}

/// Case-folded words, tokenised clitics joined (`did n't` → `didn't`), then ASCII letter and
/// digit runs: `check.py`'s `words`.
pub fn words(text: &str) -> Vec<String> {
    let t = text.to_lowercase().replace('\u{2019}', "'");
    let joined = join_clitics(&t);
    ascii_runs(&joined, |c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

const CLITICS: &[&str] = &["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

fn join_clitics(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            let after = rest.trim_start();
            let joins = CLITICS.iter().any(|k| {
                after.starts_with(k)
                    && !after[k.len()..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_alphanumeric() || n == '_')
            });
            if joins {
                rest = after;
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn ascii_runs(t: &str, keep: impl Fn(char) -> bool) -> Vec<String> {
    t.split(|c: char| !keep(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// `check.py`'s `name_tokens`: lower-case, hyphens closed up, `[a-z0-9][a-z0-9'-]*` runs.
fn name_tokens(text: &str) -> HashSet<String> {
    let t = close_hyphens(&text.to_lowercase().replace('\u{2019}', "'"));
    let mut out = HashSet::new();
    let mut current = String::new();
    for c in t.chars() {
        let starts = c.is_ascii_lowercase() || c.is_ascii_digit();
        if starts || (!current.is_empty() && (c == '\'' || c == '-')) {
            current.push(c);
        } else if !current.is_empty() {
            out.insert(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.insert(current);
    }
    out
}

/// `\s*-\s*` → `-`.
fn close_hyphens(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for piece in t.split('-').enumerate() {
        if piece.0 > 0 {
            let trimmed = out.trim_end().len();
            out.truncate(trimmed);
            out.push('-');
            out.push_str(piece.1.trim_start());
        } else {
            out.push_str(piece.1);
        }
    }
    out
}

const STOP_HEAD: &[&str] = &[
    ",",
    "(",
    " of ",
    " who ",
    " in ",
    " at ",
    " with ",
    " for ",
    " from ",
    " on ",
    " to ",
    " involved ",
    " familiar ",
    " believed ",
    " overheard ",
];

/// Words of which one must appear in the predicted speaker: `check.py`'s `speaker_keys`.
fn speaker_keys(g: &GoldGroup) -> Vec<String> {
    let sp = g.speaker.trim();
    match g.speaker_kind.as_str() {
        "person" => split_and(sp)
            .iter()
            .filter_map(|person| {
                person
                    .split_whitespace()
                    .rfind(|w| {
                        !matches!(
                            w.trim_end_matches('.').to_lowercase().as_str(),
                            "jr" | "sr" | "ii" | "iii"
                        )
                    })
                    .map(|w| close_hyphens(&w.to_lowercase()))
            })
            .collect(),
        "organisation" => {
            let mut keys = Vec::new();
            let mut chars = sp.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if !c.is_ascii_uppercase() {
                    continue;
                }
                let mut end = i + c.len_utf8();
                while let Some(&(j, n)) = chars.peek() {
                    if n.is_alphanumeric() || n == '_' || n == '-' {
                        end = j + n.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let w = &sp[i..end];
                if w != "The" {
                    keys.push(w.to_lowercase());
                }
            }
            keys
        }
        _ => {
            let padded = format!(" {sp} ");
            let cut = STOP_HEAD
                .iter()
                .filter_map(|s| padded.find(s))
                .min()
                .unwrap_or(padded.len());
            padded[..cut]
                .split_whitespace()
                .next_back()
                .map(|w| vec![w.to_lowercase()])
                .unwrap_or_default()
        }
    }
}

/// `re.split(r"\s+and\s+", …)`.
fn split_and(sp: &str) -> Vec<String> {
    let words: Vec<&str> = sp.split_whitespace().collect();
    words.split(|w| *w == "and").map(|p| p.join(" ")).collect()
}

/// Whether the predicted speaker names the gold speaker: `check.py`'s `speaker_right`.
pub fn speaker_right(g: &GoldGroup, predicted: Option<&str>) -> bool {
    let mut have = name_tokens(predicted.unwrap_or(""));
    let singular: Vec<String> = have
        .iter()
        .filter_map(|w| w.strip_suffix('s').map(str::to_string))
        .collect();
    have.extend(singular);
    speaker_keys(g)
        .iter()
        .any(|k| have.contains(k) || have.contains(k.trim_end_matches('s')))
}

fn matches(variant: &PredictedVariant, occ: &GoldOccurrence) -> bool {
    if variant.doc != occ.doc {
        return false;
    }
    let gw = words(&occ.text);
    let vw: HashSet<String> = words(&variant.text).into_iter().collect();
    let hit = gw.iter().filter(|w| vw.contains(*w)).count();
    !gw.is_empty() && hit as f64 / gw.len() as f64 >= 0.6
}

fn matched_docs<'a>(pred: &PredictedGroup, g: &'a GoldGroup) -> HashSet<&'a str> {
    g.occurrences
        .iter()
        .filter(|o| pred.variants.iter().any(|v| matches(v, o)))
        .map(|o| o.doc.as_str())
        .collect()
}

/// The figures `check.py` prints, and the breakdown by attribution kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteScores {
    /// Gold statements.
    pub gold_groups: usize,
    /// Gold statements one predicted group holds in two or more of their documents.
    pub grouped: usize,
    /// Grouped statements whose best predicted group names the gold speaker.
    pub speaker_right: usize,
    /// Predicted groups spanning two or more documents.
    pub cross_doc: usize,
    /// Of those, the ones matching no gold statement.
    pub unmatched: usize,
    /// One row per attribution kind.
    pub kinds: Vec<KindRow>,
}

/// The figures of the gold occurrences (and their statements) of one attribution kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindRow {
    /// The kind.
    pub kind: AttributionKind,
    /// Statements with at least one occurrence of this kind.
    pub groups: usize,
    /// Of those, the grouped ones.
    pub grouped: usize,
    /// Of those, the ones whose speaker is right.
    pub speaker_right: usize,
    /// Occurrences of this kind.
    pub occurrences: usize,
    /// Occurrences found in a grouped statement's best predicted group.
    pub found: usize,
    /// Found occurrences whose own article's attribution (else the group's) names the speaker.
    pub own_speaker_right: usize,
    /// Found occurrences credited to nobody by their own article.
    pub own_speaker_none: usize,
}

impl QuoteScores {
    /// Share of gold statements grouped.
    pub fn grouped_share(&self) -> f64 {
        ratio(self.grouped, self.gold_groups)
    }
    /// Share of grouped statements with the right speaker.
    pub fn speaker_share(&self) -> f64 {
        ratio(self.speaker_right, self.grouped)
    }
    /// Share of cross-document predicted groups that match no gold statement.
    pub fn unmatched_share(&self) -> f64 {
        ratio(self.unmatched, self.cross_doc)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores predicted groups against the gold set by `check.py`'s rules.
pub fn score(gold: &[GoldGroup], preds: &[PredictedGroup]) -> QuoteScores {
    let mut by_doc: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for (i, p) in preds.iter().enumerate() {
        for v in &p.variants {
            by_doc.entry(v.doc.as_str()).or_default().insert(i);
        }
    }
    let mut rows: Vec<KindRow> = AttributionKind::ALL
        .iter()
        .map(|&kind| KindRow {
            kind,
            groups: 0,
            grouped: 0,
            speaker_right: 0,
            occurrences: 0,
            found: 0,
            own_speaker_right: 0,
            own_speaker_none: 0,
        })
        .collect();
    let (mut grouped, mut right) = (0, 0);
    let mut used = HashSet::new();
    for g in gold {
        let cands: BTreeSet<usize> = g
            .occurrences
            .iter()
            .flat_map(|o| by_doc.get(o.doc.as_str()).into_iter().flatten().copied())
            .collect();
        let (mut best, mut best_n) = (None, 1);
        for i in cands {
            let n = matched_docs(&preds[i], g).len();
            if n >= 2 {
                used.insert(i);
                if n > best_n {
                    best = Some(i);
                    best_n = n;
                }
            }
        }
        let ok = best.is_some_and(|b| speaker_right(g, preds[b].speaker.as_deref()));
        if best.is_some() {
            grouped += 1;
            right += usize::from(ok);
        }
        let group_kinds: BTreeSet<AttributionKind> = g
            .occurrences
            .iter()
            .flat_map(|o| attribution_kinds(&o.attribution))
            .collect();
        for row in rows.iter_mut().filter(|r| group_kinds.contains(&r.kind)) {
            row.groups += 1;
            row.grouped += usize::from(best.is_some());
            row.speaker_right += usize::from(ok);
        }
        for o in &g.occurrences {
            let found = best.and_then(|b| preds[b].variants.iter().find(|v| matches(v, o)));
            for kind in attribution_kinds(&o.attribution) {
                let Some(row) = rows.iter_mut().find(|r| r.kind == kind) else {
                    continue;
                };
                row.occurrences += 1;
                if let (Some(v), Some(b)) = (found, best) {
                    row.found += 1;
                    let own = v.speaker.as_deref().or(preds[b].speaker.as_deref());
                    row.own_speaker_none += usize::from(own.is_none());
                    row.own_speaker_right += usize::from(speaker_right(g, own));
                }
            }
        }
    }
    let cross: Vec<usize> = preds
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.variants
                .iter()
                .map(|v| v.doc.as_str())
                .collect::<HashSet<_>>()
                .len()
                >= 2
        })
        .map(|(i, _)| i)
        .collect();
    let unmatched = cross.iter().filter(|i| !used.contains(*i)).count();
    QuoteScores {
        gold_groups: gold.len(),
        grouped,
        speaker_right: right,
        cross_doc: cross.len(),
        unmatched,
        kinds: rows,
    }
}

/// The lines `check.py` prints, then the breakdown by attribution kind.
pub fn render_report(s: &QuoteScores) -> String {
    let mut out = format!("gold groups:                     {}\n", s.gold_groups);
    if s.gold_groups > 0 {
        out += &format!(
            "grouped:                         {} ({:.3})\n",
            s.grouped,
            s.grouped_share()
        );
    } else {
        out += "grouped: 0\n";
    }
    if s.grouped > 0 {
        out += &format!(
            "speaker right among grouped:     {} ({:.3})\n",
            s.speaker_right,
            s.speaker_share()
        );
    } else {
        out += "speaker right among grouped:     0\n";
    }
    out += &format!("predicted cross-doc groups:      {}\n", s.cross_doc);
    out += &format!("  matching no gold group:        {}", s.unmatched);
    if s.cross_doc > 0 {
        out += &format!(" ({:.3})", s.unmatched_share());
    }
    out += "\n\nby attribution kind (statements with at least one such occurrence; occurrences):\n";
    out += "| kind | groups | grouped | speaker right | occurrences | found | own speaker right | own speaker none |\n";
    out += "|---|---|---|---|---|---|---|---|\n";
    for r in &s.kinds {
        out += &format!(
            "| {} | {} | {} ({:.2}) | {} ({:.2}) | {} | {} ({:.2}) | {} ({:.2}) | {} |\n",
            r.kind.label(),
            r.groups,
            r.grouped,
            ratio(r.grouped, r.groups),
            r.speaker_right,
            ratio(r.speaker_right, r.grouped),
            r.occurrences,
            r.found,
            ratio(r.found, r.occurrences),
            r.own_speaker_right,
            ratio(r.own_speaker_right, r.found),
            r.own_speaker_none,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(speaker: &str, kind: &str, occ: &[(&str, &str, &str)]) -> GoldGroup {
        GoldGroup {
            subtopic: "1a".into(),
            group: "1a-01".into(),
            speaker: speaker.into(),
            speaker_kind: kind.into(),
            occurrences: occ
                .iter()
                .map(|&(doc, text, attribution)| GoldOccurrence {
                    doc: doc.into(),
                    text: text.into(),
                    attribution: attribution.into(),
                })
                .collect(),
        }
    }

    fn pred(speaker: Option<&str>, variants: &[(&str, &str)]) -> PredictedGroup {
        PredictedGroup {
            subtopic: "1a".into(),
            speaker: speaker.map(str::to_string),
            variants: variants
                .iter()
                .map(|&(doc, text)| PredictedVariant {
                    doc: doc.into(),
                    text: text.into(),
                    speaker: None,
                })
                .collect(),
        }
    }

    #[test]
    fn words_join_clitics_and_keep_ascii_runs() {
        assert_eq!(
            words("We did n't KNOW the family 's plans — ’til now"),
            ["we", "didn", "t", "know", "the", "family", "s", "plans", "til", "now"]
        );
    }

    #[test]
    fn kinds_follow_the_attribution_conventions() {
        use AttributionKind::*;
        let k = |a: &str| attribution_kinds(a).into_iter().collect::<Vec<_>>();
        assert_eq!(k("Mara Linde said"), [SameSentence]);
        assert_eq!(k("he said [he = Mara Linde]"), [Pronoun]);
        assert_eq!(
            k("the officer said [the officer = Ivo Brand]"),
            [Description]
        );
        assert_eq!(
            k("[previous sentence] she said [she = Mara Linde]"),
            [Pronoun, OtherSentence]
        );
        assert_eq!(k("[none] a press release"), [Unattributed]);
        assert_eq!(k("Lindy said [Lindy = Linde]"), [SameSentence]);
    }

    #[test]
    fn speakers_match_by_surname_capitalised_word_or_head_noun() {
        let person = gold("Mara Linde-Ost Jr.", "person", &[]);
        assert!(speaker_right(&person, Some("Ms Mara Linde - Ost")));
        assert!(!speaker_right(&person, Some("Mara")));
        let org = gold("the Harbour Authority", "organisation", &[]);
        assert!(speaker_right(&org, Some("harbour officials")));
        let unnamed = gold("a spokeswoman for the port", "unnamed", &[]);
        assert!(speaker_right(&unnamed, Some("a port spokeswoman")));
        assert!(!speaker_right(&unnamed, None));
        let plural = gold("police officers", "unnamed", &[]);
        assert!(speaker_right(&plural, Some("an officer")));
    }

    fn hand_made() -> (Vec<GoldGroup>, Vec<PredictedGroup>) {
        let g = vec![
            gold(
                "Mara Linde",
                "person",
                &[
                    ("a", "We will rebuild the pier by spring ,", "Linde said"),
                    (
                        "b",
                        "We will rebuild the pier by spring .",
                        "she said [she = Mara Linde]",
                    ),
                    (
                        "c",
                        "rebuild the pier",
                        "[previous sentence] Linde told reporters",
                    ),
                ],
            ),
            gold(
                "a fire officer",
                "unnamed",
                &[
                    (
                        "a",
                        "The smoke was visible for miles .",
                        "a fire officer said",
                    ),
                    (
                        "c",
                        "The smoke was visible for miles",
                        "the officer said [the officer = a fire officer]",
                    ),
                ],
            ),
        ];
        let p = vec![
            // Two documents of the first statement, speaker right.
            pred(
                Some("Mara Linde"),
                &[
                    ("a", "We will rebuild the pier by spring"),
                    ("b", "we will rebuild the pier"),
                ],
            ),
            // The second statement grouped, wrong speaker.
            pred(
                Some("Ivo Brand"),
                &[
                    ("a", "the smoke was visible"),
                    ("c", "The smoke was visible for miles"),
                ],
            ),
            // Matches nothing across documents.
            pred(
                None,
                &[
                    ("a", "entirely different words"),
                    ("b", "other words still"),
                ],
            ),
            // One document only: not a cross-document group.
            pred(None, &[("c", "rebuild the pier")]),
        ];
        (g, p)
    }

    #[test]
    fn scores_a_small_hand_made_pair_by_the_published_rules() {
        let (g, p) = hand_made();
        let s = score(&g, &p);
        assert_eq!((s.gold_groups, s.grouped, s.speaker_right), (2, 2, 1));
        assert_eq!((s.cross_doc, s.unmatched), (3, 1));
        let pronoun = &s.kinds[1];
        assert_eq!(
            (pronoun.groups, pronoun.occurrences, pronoun.found),
            (1, 1, 1)
        );
        let description = &s.kinds[2];
        assert_eq!(
            (description.speaker_right, description.own_speaker_right),
            (0, 0)
        );
        assert!(render_report(&s).contains("grouped:                         2 (1.000)"));
    }

    /// The published scorer, run on the same pair, prints the same figures.
    #[test]
    #[cfg_attr(not(shared_data), ignore = "needs ../shared")]
    fn agrees_with_check_py() {
        let script = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/eval/quotes-ecbplus/check.py");
        assert!(script.is_file(), "missing {}", script.display());
        let (g, p) = hand_made();
        let dir = std::env::temp_dir().join(format!("parallax-quotes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let gold_lines: Vec<String> = g
            .iter()
            .map(|g| {
                serde_json::json!({
                    "subtopic": g.subtopic, "group": g.group, "speaker": g.speaker,
                    "speaker_kind": g.speaker_kind,
                    "occurrences": g.occurrences.iter().map(|o| serde_json::json!({
                        "doc": o.doc, "text": o.text, "attribution": o.attribution
                    })).collect::<Vec<_>>(),
                })
                .to_string()
            })
            .collect();
        let pred_lines: Vec<String> = p
            .iter()
            .map(|p| serde_json::to_string(p).unwrap())
            .collect();
        std::fs::write(dir.join("gold.jsonl"), gold_lines.join("\n")).unwrap();
        std::fs::write(dir.join("pred.jsonl"), pred_lines.join("\n")).unwrap();
        let out = std::process::Command::new("python3")
            .arg(&script)
            .arg(dir.join("gold.jsonl"))
            .arg(dir.join("pred.jsonl"))
            .output()
            .expect("python3 runs");
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let printed = String::from_utf8_lossy(&out.stdout).to_string();
        let ours = render_report(&score(&g, &p));
        assert!(
            ours.starts_with(&printed),
            "check.py:\n{printed}\nours:\n{ours}"
        );
    }
}
