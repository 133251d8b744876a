//! What grouping reads and what it returns.

use chrono::NaiveDate;
use parallax_core::{Article, Diagnostic};
use serde::{Deserialize, Serialize};

/// The little of an article that grouping needs, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupDoc<'a> {
    /// The article's id, unique within a batch; ties between equal ids are broken by content.
    pub id: &'a str,
    /// The headline, if known; its words weigh more than the body's.
    pub title: Option<&'a str>,
    /// The body text.
    pub text: &'a str,
    /// The publication date, if known; articles far apart in time are less likely one story.
    pub published: Option<NaiveDate>,
}

impl<'a> From<&'a Article> for GroupDoc<'a> {
    fn from(a: &'a Article) -> Self {
        Self {
            id: &a.id,
            title: a.title.as_deref(),
            text: &a.text,
            published: a.published,
        }
    }
}

/// Where one input article ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    /// Index of its story in [`Grouping::stories`].
    pub story: usize,
    /// Index (in the input) of the article it is a copy of, if it is a copy.
    pub duplicate_of: Option<usize>,
}

/// A set of articles reporting one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// Indices of its articles in the input, oldest first (then by id).
    pub members: Vec<usize>,
}

/// The result of grouping a batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grouping {
    /// Stories, largest first; ties by their first article.
    pub stories: Vec<Story>,
    /// One entry per input article, in input order.
    pub placements: Vec<Placement>,
    /// Problems with the inputs (such as an empty text); such articles still get a story.
    pub diagnostics: Vec<Diagnostic>,
}
