//! The grouper's analyses from its workers, kept a while by content so that briefing a story
//! reuses them instead of analysing its articles again; what is not kept is analysed anew.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard, PoisonError};

use parallax_core::{Analyzed, Article, Brief};
use parallax_store::{content_hash, Pipeline};
use rayon::prelude::*;

use crate::pipeline::Stages;

/// Analyses by the content hash of their article, the oldest dropped past a cap.
#[derive(Debug)]
pub struct Analyses {
    kept: Mutex<(HashMap<String, Analyzed>, VecDeque<String>)>,
    cap: usize,
}

impl Analyses {
    /// Keeps at most `cap` analyses.
    pub fn new(cap: usize) -> Self {
        Self {
            kept: Mutex::new((HashMap::new(), VecDeque::new())),
            cap,
        }
    }

    /// The analyses; a panic elsewhere while they were held leaves them usable (they are a cache).
    fn kept(&self) -> MutexGuard<'_, (HashMap<String, Analyzed>, VecDeque<String>)> {
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Keeps the analysis of an article.
    pub fn keep(&self, analyzed: Analyzed) {
        if self.cap == 0 {
            return;
        }
        let key = content_hash(&analyzed.article);
        let mut kept = self.kept();
        let (map, order) = &mut *kept;
        if map.insert(key.clone(), analyzed).is_none() {
            order.push_back(key);
        }
        while order.len() > self.cap {
            if let Some(old) = order.pop_front() {
                map.remove(&old);
            }
        }
    }

    /// The analysis of `article` as stored (its store id kept): the worker's when kept, else made
    /// now. The analysis does not depend on the article's id.
    pub fn of(&self, article: &Article) -> Analyzed {
        let kept = self.kept().0.get(&content_hash(article)).cloned();
        match kept {
            Some(mut analyzed) => {
                analyzed.article = article.clone();
                analyzed
            }
            None => parallax_analyze::analyze(article.clone()),
        }
    }
}

/// The stages with the workers' analyses: what the grouper regroups and briefs through.
pub struct WithAnalyses<'a> {
    /// Grouping and briefing.
    pub stages: &'a Stages,
    /// The analyses at hand.
    pub analyses: &'a Analyses,
}

impl Pipeline for WithAnalyses<'_> {
    fn group(&self, articles: &[Article], previous: &[Option<i64>]) -> Vec<Vec<usize>> {
        Pipeline::group(self.stages, articles, previous)
    }

    fn brief(&self, articles: &[Article]) -> Brief {
        self.stages.brief_with(articles, |a| self.analyses.of(a))
    }

    fn briefs(&self, stories: &[Vec<Article>]) -> Vec<Brief> {
        stories.par_iter().map(|a| self.brief(a)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, text: &str) -> Article {
        Article {
            title: Some("Harbour fire".into()),
            ..Article::new(id, text, "en")
        }
    }

    #[test]
    fn a_kept_analysis_comes_back_with_the_stored_article_and_the_cap_holds() {
        let analyses = Analyses::new(1);
        let text = "A fire destroyed two warehouses on Monday, officials said.";
        let mut marked = parallax_analyze::analyze(article("input-1", text));
        // A mark the analyser never makes shows that the kept analysis was used.
        marked.quotes.clear();
        marked.sentences.truncate(0);
        analyses.keep(marked);
        let stored = article("17", text);
        let got = analyses.of(&stored);
        assert_eq!((got.article.id.as_str(), got.sentences.len()), ("17", 0));
        analyses.keep(parallax_analyze::analyze(article(
            "input-2",
            "Another text.",
        )));
        assert!(
            !analyses.of(&stored).sentences.is_empty(),
            "dropped past the cap"
        );
    }
}
