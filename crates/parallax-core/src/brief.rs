//! What `fuse` produces: the brief of one story, in the shape of the JSON contract
//! `parallax/brief/v1` (see `schema/brief-v1.schema.json`). Field names are part of that contract.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Article, DatePrecision, Diagnostic, EntityKind, Removed};

/// The value of `Brief::schema` for this version of the format.
pub const BRIEF_SCHEMA: &str = "parallax/brief/v1";

/// The brief of one story: what the outlets agree on, who said what, and what only one reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// Always [`BRIEF_SCHEMA`].
    pub schema: String,
    /// A headline for the story.
    pub title: String,
    /// The articles the brief is made from.
    pub articles: Vec<BriefArticle>,
    /// The summary, each sentence with the articles that support it.
    pub summary: Vec<SummarySentence>,
    /// Quotations grouped across articles: one group per statement, with each wording.
    pub quotes: Vec<BriefQuote>,
    /// Figures grouped by what they count, with whether the articles agree.
    pub figures: Vec<BriefFigure>,
    /// Details only one article reports.
    pub exclusives: Vec<Exclusive>,
    /// Dated happenings, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// People, organisations and places, most mentioned first.
    pub entities: Vec<BriefEntity>,
    /// Problems with the inputs.
    pub diagnostics: Vec<Diagnostic>,
}

/// An article as the brief lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefArticle {
    /// The article's id, which the other sections refer to.
    pub id: String,
    /// Where it came from (path as given, or URL).
    pub source: String,
    /// The publishing outlet.
    pub outlet: Option<String>,
    /// Wire services credited.
    pub wire: Vec<String>,
    /// The headline.
    pub title: Option<String>,
    /// Named bylines.
    pub authors: Vec<String>,
    /// The publication date, `YYYY-MM-DD`.
    pub published: Option<NaiveDate>,
    /// The article's URL.
    pub url: Option<String>,
    /// ISO 639-1 language code, or `und`.
    pub language: String,
    /// The clean body, its dateline set apart among what cleaning took out.
    pub text: String,
    /// What cleaning took out.
    pub removed: Vec<Removed>,
}

impl From<&Article> for BriefArticle {
    fn from(a: &Article) -> Self {
        let (text, dateline) = a.dateline_apart();
        let dateline = dateline.map(|d| Removed {
            kind: "dateline".into(),
            text: d.trim().to_string(),
        });
        Self {
            id: a.id.clone(),
            source: a.source.clone(),
            outlet: a.outlet.clone(),
            wire: a.wire.clone(),
            title: a.title.clone(),
            authors: a.authors.clone(),
            published: a.published,
            url: a.url.clone(),
            language: a.language.clone(),
            text: text.into_owned(),
            removed: a.removed.iter().cloned().chain(dateline).collect(),
        }
    }
}

/// One sentence of the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    /// The sentence as the summary gives it: an article's sentence, possibly shortened by dropping
    /// attributions, parentheticals and openers.
    pub text: String,
    /// Ids of every article that reports this content, the one it was taken from first.
    pub sources: Vec<String>,
    /// The sentence as the article wrote it, when `text` is shortened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    /// Groups of `sources` that are copies of one wire story: each group counts as one source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<Vec<String>>,
}

/// One statement and the wordings in which articles quote it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefQuote {
    /// Who said it: a full name, a description, or `null` when no article says.
    pub speaker: Option<String>,
    /// The speaker's role or title, kept apart from the name.
    pub speaker_title: Option<String>,
    /// Each article's wording.
    pub variants: Vec<QuoteVariant>,
    /// When articles credit the statement to different named speakers: each speaker with the
    /// articles that name them, most supported first (absent when they agree).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributions: Vec<QuoteAttribution>,
}

/// One speaker an article credits a statement to, when articles disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteAttribution {
    /// The speaker as those articles name them.
    pub speaker: String,
    /// The ids of the articles that credit this speaker.
    pub articles: Vec<String>,
}

/// One article's wording of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteVariant {
    /// The quoted words.
    pub text: String,
    /// The id of the article that quotes them.
    pub article: String,
    /// Whom this article itself credits, when it says (absent when it does not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// Whether the articles reporting a figure agree on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureStatus {
    /// Several articles report compatible values.
    Agree,
    /// Articles report values that cannot all be true.
    Differ,
    /// Only one article reports it.
    Single,
    /// A count that changes as the story unfolds (a death toll): articles give different values
    /// at different times. The mentions are in the order of their articles' dates.
    Updated,
}

/// Figures that count the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefFigure {
    /// What is counted ("troops").
    pub about: String,
    /// Whether the articles agree.
    pub status: FigureStatus,
    /// Each article's figure.
    pub mentions: Vec<FigureMention>,
}

/// One article's statement of a figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureMention {
    /// The value.
    pub value: f64,
    /// Its qualifier as written ("more than").
    pub qualifier: Option<String>,
    /// The figure phrase as written.
    pub text: String,
    /// The sentence it stands in (cut at 600 characters, ending in "…", when longer).
    pub sentence: String,
    /// The article's id.
    pub article: String,
    /// What kind of quantity it is: count, ordinal, percent, money, measure, duration, score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<crate::FigureKind>,
    /// The unit, normalised ("USD", "km", "%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The article's publication date, when known (the order of an updated count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
}

/// A detail only one article reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exclusive {
    /// The article's id.
    pub article: String,
    /// The sentence.
    pub text: String,
    /// Wire copies of the article that carry the detail too: one outlet's report, reprinted
    /// (empty when none; absent from briefs written before it was added).
    #[serde(default)]
    pub copies: Vec<String>,
}

/// A dated happening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// The day, or the first day of the week, month or year.
    pub date: NaiveDate,
    /// How precise `date` is.
    pub precision: DatePrecision,
    /// The date words as written ("next week").
    pub when: String,
    /// What happened, as one of the articles wrote it.
    pub text: String,
    /// Ids of the articles that report it.
    pub sources: Vec<String>,
}

/// A named entity across the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefEntity {
    /// The fullest name used.
    pub name: String,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// Other names used for it.
    pub aliases: Vec<String>,
    /// Roles or titles given to it, most used first.
    pub titles: Vec<String>,
    /// Ids of the articles that mention it.
    pub sources: Vec<String>,
    /// How often it is mentioned in all.
    pub mentions: usize,
}
