//! The pipeline wiring of the binary, in one place: which stage runs after which, with which
//! settings. `brief`, `cluster`, `ingest`, `show` and `serve` all run the stages through
//! [`Stages`]; the store regroups and rebriefs through it (`parallax_store::Pipeline`) and the
//! server reads posted records through it (`parallax_serve::Stages`).

use parallax_core::{Analyzed, Article, Brief, Diagnostic};
use parallax_extract::{extract, ExtractConfig};
use parallax_fuse::{fuse, FuseConfig};
use parallax_group::{group, GroupConfig, GroupDoc, Grouping};
use parallax_serve::RecordError;
use parallax_store::Pipeline;
use rayon::prelude::*;
use serde_json::{Map, Value};

/// The stages after loading, with their settings: extract (for posted records), group, analyze
/// and fuse.
#[derive(Debug, Default)]
pub struct Stages {
    /// Settings of `extract` for posted records (files go through `load`).
    pub extract: ExtractConfig,
    /// Settings of grouping into stories.
    pub group: GroupConfig,
    /// Settings of the brief.
    pub fuse: FuseConfig,
}

impl Stages {
    /// Groups articles into stories (grouping reads articles, not their analysis).
    pub fn stories_of(&self, articles: &[Article]) -> Grouping {
        let docs: Vec<GroupDoc<'_>> = articles.iter().map(GroupDoc::from).collect();
        group(&docs, &self.group)
    }

    /// Analyses articles on all cores, in order.
    pub fn analyze_all(articles: Vec<Article>) -> Vec<Analyzed> {
        articles
            .into_par_iter()
            .map(parallax_analyze::analyze)
            .collect()
    }

    /// The brief of one story's analysed articles.
    pub fn brief_of(&self, story: &[Analyzed], diagnostics: Vec<Diagnostic>) -> Brief {
        fuse(story, diagnostics, &self.fuse)
    }
}

impl Pipeline for Stages {
    /// The batch grouper over every stored article: the same partition `parallax cluster` gives
    /// on the same articles, whatever order they arrived in. (`parallax_group::StoryIndex` groups
    /// incrementally, but keeps its index in memory only; a server that stays up could hold one.)
    fn group(&self, articles: &[Article], _previous: &[Option<i64>]) -> Vec<Vec<usize>> {
        self.stories_of(articles)
            .stories
            .into_iter()
            .map(|s| s.members)
            .collect()
    }

    fn brief(&self, articles: &[Article]) -> Brief {
        self.brief_with(articles, |a| parallax_analyze::analyze(a.clone()))
    }

    fn briefs(&self, stories: &[Vec<Article>]) -> Vec<Brief> {
        stories
            .par_iter()
            .map(|articles| Pipeline::brief(self, articles))
            .collect()
    }
}

impl Stages {
    /// The brief of one story's articles, each analysed by `analysis` (the queue's grouper hands
    /// in the analyses its workers made).
    pub fn brief_with(
        &self,
        articles: &[Article],
        analysis: impl Fn(&Article) -> Analyzed,
    ) -> Brief {
        let make = || {
            let docs: Vec<Analyzed> = articles.iter().map(&analysis).collect();
            self.brief_of(&docs, Vec::new())
        };
        // The last net: a bug one story reaches leaves that story a brief that says so, and the
        // other stories are briefed.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(make)).unwrap_or_else(|panic| {
            let source = articles.first().map_or("story", |a| a.id.as_str());
            let message = format!(
                "internal error while briefing: {}",
                crate::load::panic_text(&*panic)
            );
            self.brief_of(&[], vec![Diagnostic::error(source, message)])
        })
    }
}

impl parallax_serve::Stages for Stages {
    fn read_record(
        &self,
        source: &str,
        record: Map<String, Value>,
    ) -> Result<Article, RecordError> {
        let mut doc = parallax_ingest::record(source, record)?;
        // A posted record is known by its URL, when it has one, not by its place in a request.
        if let Some(url) = &doc.meta.url {
            doc.source.clone_from(url);
        }
        extract(&doc, &self.extract)
            .map(|e| e.article)
            .map_err(|e| RecordError::Rejected(Box::new(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_serve::Stages as _;
    use serde_json::json;

    fn map(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => unreachable!("a test record is an object"),
        }
    }

    #[test]
    fn posted_records_are_read_through_extract() {
        let stages = Stages::default();
        let record = map(json!({"title": "Harbour fire", "outlet": "Herald",
            "text": "A fire destroyed two warehouses at the harbour on Monday, officials said.\n\nNo one was hurt."}));
        let article = stages.read_record("request:1", record).unwrap();
        assert_eq!(article.title.as_deref(), Some("Harbour fire"));
        assert!(article.text.contains("warehouses"));
        assert!(stages
            .read_record("request:2", map(json!({"text": 3})))
            .is_err());
    }
}
