//! The brief's lists regrouped the way every renderer shows them: figures by status,
//! exclusives by article, entities by kind.

use parallax_core::{
    Brief, BriefEntity, BriefFigure, BriefQuote, EntityKind, Exclusive, FigureStatus,
};

use crate::labels::distinct;

/// Figure groups split by whether the articles agree, each part in the brief's order.
#[derive(Debug, Default)]
pub struct Figures<'a> {
    /// Groups where several articles report compatible values.
    pub agree: Vec<&'a BriefFigure>,
    /// Groups where articles report values that cannot all be true.
    pub differ: Vec<&'a BriefFigure>,
    /// Figures only one article reports.
    pub single: Vec<&'a BriefFigure>,
    /// Counts that changed as the story unfolded, in the order of their articles' dates.
    pub updated: Vec<&'a BriefFigure>,
}

impl<'a> Figures<'a> {
    /// Splits the figure groups of `brief`.
    pub fn of(brief: &'a Brief) -> Self {
        let mut parts = Figures::default();
        for figure in &brief.figures {
            match figure.status {
                FigureStatus::Agree => parts.agree.push(figure),
                FigureStatus::Differ => parts.differ.push(figure),
                FigureStatus::Single => parts.single.push(figure),
                FigureStatus::Updated => parts.updated.push(figure),
            }
        }
        parts
    }

    /// Whether there is no figure at all.
    pub fn is_empty(&self) -> bool {
        self.agree.is_empty()
            && self.differ.is_empty()
            && self.single.is_empty()
            && self.updated.is_empty()
    }
}

/// The ids of the articles that report a figure group, each once.
pub fn figure_articles(figure: &BriefFigure) -> Vec<&str> {
    distinct(figure.mentions.iter().map(|m| m.article.as_str()))
}

/// The distinct wordings of a figure group, in order.
pub fn figure_wordings(figure: &BriefFigure) -> Vec<&str> {
    distinct(figure.mentions.iter().map(|m| m.text.as_str()))
}

/// One speaker's statements, as readers see them: one block per speaker.
pub struct SpeakerBlock<'a> {
    /// The speaker, or `None` for statements no article attributes.
    pub speaker: Option<&'a str>,
    /// The speaker's role or title, from the first statement that gives one.
    pub title: Option<&'a str>,
    /// The statements, in the brief's order.
    pub quotes: Vec<&'a BriefQuote>,
}

/// The brief's quotes gathered under their speakers, in the order each speaker first appears;
/// unattributed statements last.
pub fn quotes_by_speaker(brief: &Brief) -> Vec<SpeakerBlock<'_>> {
    let mut blocks: Vec<SpeakerBlock<'_>> = Vec::new();
    for q in &brief.quotes {
        let speaker = q.speaker.as_deref();
        match blocks.iter_mut().find(|b| b.speaker == speaker) {
            Some(b) => {
                b.quotes.push(q);
                if b.title.is_none() {
                    b.title = q.speaker_title.as_deref();
                }
            }
            None => blocks.push(SpeakerBlock {
                speaker,
                title: q.speaker_title.as_deref(),
                quotes: vec![q],
            }),
        }
    }
    blocks.sort_by_key(|b| b.speaker.is_none());
    blocks
}

/// When outlets credit a statement to different speakers: "X (A, B); Y (C)".
pub fn disputed_speakers(quote: &BriefQuote, label: impl Fn(&str) -> String) -> Option<String> {
    if quote.attributions.is_empty() {
        return None;
    }
    let parts: Vec<String> = quote
        .attributions
        .iter()
        .map(|a| {
            let by: Vec<String> = a.articles.iter().map(|id| label(id)).collect();
            format!("{} ({})", a.speaker, by.join(", "))
        })
        .collect();
    Some(parts.join("; "))
}

/// The ids of the articles that quote a statement, each once.
pub fn quote_articles(quote: &BriefQuote) -> Vec<&str> {
    distinct(quote.variants.iter().map(|v| v.article.as_str()))
}

/// The exclusives of `brief` grouped by article: the brief's articles in order, then any id
/// the article list lacks.
pub fn exclusives_by_article(brief: &Brief) -> Vec<(&str, Vec<&Exclusive>)> {
    let order = distinct(
        brief
            .articles
            .iter()
            .map(|a| a.id.as_str())
            .chain(brief.exclusives.iter().map(|e| e.article.as_str())),
    );
    order
        .into_iter()
        .filter_map(|id| {
            let texts: Vec<&Exclusive> = brief
                .exclusives
                .iter()
                .filter(|e| e.article == id)
                .collect();
            (!texts.is_empty()).then_some((id, texts))
        })
        .collect()
}

/// The kinds of entity in the order they are shown, with a heading for each.
pub const KINDS: [(EntityKind, &str); 4] = [
    (EntityKind::Person, "People"),
    (EntityKind::Organization, "Organizations"),
    (EntityKind::Place, "Places"),
    (EntityKind::Other, "Other"),
];

/// The entities of `brief` by kind (in [`KINDS`] order, empty kinds left out), each kind in
/// the brief's order.
pub fn entities_by_kind(brief: &Brief) -> Vec<(&'static str, Vec<&BriefEntity>)> {
    KINDS
        .iter()
        .filter_map(|(kind, heading)| {
            let of_kind: Vec<&BriefEntity> =
                brief.entities.iter().filter(|e| e.kind == *kind).collect();
            (!of_kind.is_empty()).then_some((*heading, of_kind))
        })
        .collect()
}

/// "1 outlet", "3 outlets".
pub fn outlets(n: usize) -> String {
    if n == 1 {
        "1 outlet".to_string()
    } else {
        format!("{n} outlets")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::brief;

    #[test]
    fn figures_split_by_status() {
        let brief = brief();
        let figures = Figures::of(&brief);
        assert_eq!(figures.agree.len(), 1);
        assert_eq!(figures.differ.len(), 1);
        assert_eq!(figures.single.len(), 1);
        assert_eq!(figure_articles(figures.agree[0]), vec!["a1", "a2", "a3"]);
    }

    #[test]
    fn exclusives_follow_article_order() {
        let brief = brief();
        let groups = exclusives_by_article(&brief);
        let ids: Vec<&str> = groups.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, vec!["a1", "a2"]);
        assert_eq!(groups[0].1.len(), 2);
    }

    #[test]
    fn entity_kinds_in_fixed_order() {
        let brief = brief();
        let headings: Vec<&str> = entities_by_kind(&brief).iter().map(|(h, _)| *h).collect();
        assert_eq!(headings, vec!["People", "Organizations", "Places"]);
    }
}
