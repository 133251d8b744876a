//! What `extract` produces: one article's clean text and metadata.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A piece of the raw document that cleaning took out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// What it was: `boilerplate`, `teaser`, `caption`, `credit`, `byline`, `dateline`,
    /// `title`, `date`, `url`, `header`, `markup`.
    pub kind: String,
    /// The text as it stood in the input.
    pub text: String,
}

/// One article: clean body text plus the metadata recovered from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Unique within a batch; stable for the same input.
    pub id: String,
    /// Where it came from (the path as given, or a URL).
    pub source: String,
    /// The publishing outlet, when the input names it.
    pub outlet: Option<String>,
    /// Wire services the article is credited to (Reuters, AFP, AP, ...).
    pub wire: Vec<String>,
    /// The headline.
    pub title: Option<String>,
    /// Named bylines; better none than wrong.
    pub authors: Vec<String>,
    /// The article's own publication date (not a page header's or a teaser's).
    pub published: Option<NaiveDate>,
    /// The article's URL.
    pub url: Option<String>,
    /// ISO 639-1 code of the body's language, or `und` when unknown.
    pub language: String,
    /// The clean body: paragraphs separated by a blank line.
    pub text: String,
    /// The dateline opening one of the first paragraphs of `text` ("MOSCOW (Reuters) - "), as it
    /// stands there: where and for whom the story was filed, no part of its first sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// What cleaning took out.
    pub removed: Vec<Removed>,
}

impl Article {
    /// An article of `text` in `language` with nothing else known: no title, date, outlet, wire
    /// or authors, and its id for its source.
    pub fn new(id: &str, text: &str, language: &str) -> Self {
        Self {
            id: id.into(),
            source: id.into(),
            outlet: None,
            wire: Vec::new(),
            title: None,
            authors: Vec::new(),
            published: None,
            url: None,
            language: language.into(),
            text: text.into(),
            dateline: None,
            removed: Vec::new(),
        }
    }

    /// The paragraph of `text` its dateline opens (the first that opens with it) and the
    /// dateline's length in bytes.
    pub fn dateline_at(&self) -> Option<(usize, usize)> {
        let dateline = self.dateline.as_deref().filter(|d| !d.is_empty())?;
        self.text
            .split("\n\n")
            .position(|p| p.starts_with(dateline))
            .map(|p| (p, dateline.len()))
    }

    /// `text` without its dateline, and the dateline when a paragraph opens with it: the body
    /// as a brief shows it, the dateline set apart.
    pub fn dateline_apart(&self) -> (std::borrow::Cow<'_, str>, Option<&str>) {
        let (Some((at, len)), Some(dateline)) = (self.dateline_at(), self.dateline.as_deref())
        else {
            return (self.text.as_str().into(), None);
        };
        let start: usize = self.text.split("\n\n").take(at).map(|p| p.len() + 2).sum();
        let mut text = self.text.clone();
        text.replace_range(start..start + len, "");
        (text.into(), Some(dateline))
    }

    /// A short name for the article to show readers: its outlet, else its id.
    pub fn label(&self) -> &str {
        self.outlet.as_deref().unwrap_or(&self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, dateline: Option<&str>, expected: Option<(usize, usize)>) {
        let mut a = Article::new("a", text, "en");
        a.dateline = dateline.map(str::to_string);
        assert_eq!(a.dateline_at(), expected, "{text:?} with {dateline:?}");
    }

    #[test]
    fn a_dateline_is_found_in_the_paragraph_it_opens() {
        check(
            "KYIV (Reuters) - The talks resumed.\n\nThey ended at noon.",
            Some("KYIV (Reuters) - "),
            Some((0, 17)),
        );
        check(
            "A standfirst of the story.\n\nKYIV (Reuters) - The talks resumed.",
            Some("KYIV (Reuters) - "),
            Some((1, 17)),
        );
        check("The talks resumed.", None, None);
        check("The talks resumed.", Some(""), None);
        // A dateline no paragraph opens with (an article edited after extraction) is none.
        check("The talks resumed.", Some("KYIV (Reuters) - "), None);
    }

    #[test]
    fn the_text_without_its_dateline_keeps_every_other_paragraph() {
        let mut a = Article::new(
            "a",
            "A standfirst.\n\nKYIV (Reuters) - The talks resumed.\n\nThey ended.",
            "en",
        );
        assert_eq!(a.dateline_apart(), (a.text.as_str().into(), None));
        a.dateline = Some("KYIV (Reuters) - ".into());
        assert_eq!(
            a.dateline_apart(),
            (
                "A standfirst.\n\nThe talks resumed.\n\nThey ended.".into(),
                Some("KYIV (Reuters) - ")
            )
        );
    }
}
