//! The pipeline wiring of the binary, in one place: which stage runs after which, with which
//! settings. `brief`, `cluster`, `ingest`, `show` and `serve` all run the stages through
//! [`Stages`]; the store regroups and rebriefs through it (`parallax_store::Pipeline`) and the
//! server reads posted records through it (`parallax_serve::Stages`).

use parallax_core::{Analyzed, Article, Brief, Diagnostic};
use parallax_extract::{extract, ExtractConfig};
use parallax_fuse::{fuse, fuse_with_copies, FuseConfig};
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

    /// How many stories [`Stages::stories_of`] finds, and the copies among the articles
    /// (`parallax_group::copies` with these settings), which the brief reuses rather than find
    /// them again: one grouping gives both, each text read once.
    pub fn story_count_and_copies<'a>(
        &self,
        articles: impl IntoIterator<Item = &'a Article>,
    ) -> (usize, Vec<Option<usize>>) {
        let docs: Vec<GroupDoc<'_>> = articles.into_iter().map(GroupDoc::from).collect();
        let grouping = group(&docs, &self.group);
        let copies = grouping.placements.iter().map(|p| p.duplicate_of).collect();
        (grouping.stories.len(), copies)
    }

    /// Analyses articles on all cores, in order (one article on this thread: no thread pool is
    /// started for it).
    pub fn analyze_all(articles: Vec<Article>) -> Vec<Analyzed> {
        if articles.len() <= 1 {
            return articles
                .into_iter()
                .map(parallax_analyze::analyze)
                .collect();
        }
        articles
            .into_par_iter()
            .map(parallax_analyze::analyze)
            .collect()
    }

    /// The brief of one story's analysed articles.
    pub fn brief_of(&self, story: &[Analyzed], diagnostics: Vec<Diagnostic>) -> Brief {
        fuse(story, diagnostics, &self.fuse)
    }

    /// [`Stages::brief_of`], with the copies among the articles when they were found already
    /// (by [`Stages::story_count_and_copies`] with the default grouping settings).
    pub fn brief_of_with_copies(
        &self,
        story: &[Analyzed],
        diagnostics: Vec<Diagnostic>,
        copies: Option<&[Option<usize>]>,
    ) -> Brief {
        match copies {
            Some(copies) => fuse_with_copies(story, diagnostics, &self.fuse, copies),
            None => fuse(story, diagnostics, &self.fuse),
        }
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

    /// The count is the grouping's, copies and all.
    #[test]
    fn stories_are_counted_as_grouping_finds_them() {
        let fire = "A fire destroyed two warehouses at the Bergen harbour on Monday night, and \
            firefighters from three towns fought the flames until dawn while the port stayed \
            closed to ships. The harbour master said no one was hurt and the cause is unknown.";
        let fire_again = "Fire crews from three towns fought a blaze that destroyed two \
            warehouses at Bergen harbour overnight; the port was closed and nobody was injured, \
            the harbour master said, adding that the cause of the fire is not yet known.";
        let vote = "The Spanish parliament approved the national budget on Thursday by a narrow \
            margin after the governing coalition won the support of two regional parties in \
            talks that ran late into the night, the finance minister told reporters.";
        let copy = format!("{fire} Updated.");
        let stages = Stages::default();
        let cases: [Vec<Article>; 5] = [
            vec![],
            vec![Article::new("a", fire, "en")],
            vec![
                Article::new("a", fire, "en"),
                Article::new("b", fire_again, "en"),
            ],
            vec![Article::new("a", fire, "en"), Article::new("b", vote, "en")],
            vec![
                Article::new("a", fire, "en"),
                Article::new("b", &copy, "en"),
                Article::new("c", vote, "en"),
                Article::new("d", fire_again, "en"),
            ],
        ];
        for articles in cases {
            let expected = stages.stories_of(&articles).stories.len();
            assert_eq!(
                stages.story_count_and_copies(&articles).0,
                expected,
                "{articles:?}"
            );
        }
    }

    /// The copies the count found make the same brief as the brief finding them itself.
    #[test]
    fn a_brief_with_the_counts_copies_is_the_same_brief() {
        let fire = "A fire destroyed two warehouses at the Bergen harbour on Monday night, and \
            firefighters from three towns fought the flames until dawn while the port stayed \
            closed to ships. The harbour master said no one was hurt and the cause is unknown.";
        let vote = "The Spanish parliament approved the national budget on Thursday by a narrow \
            margin after the governing coalition won the support of two regional parties in \
            talks that ran late into the night, the finance minister told reporters.";
        let copy = format!("{fire} Updated.");
        let articles = vec![
            Article::new("a", fire, "en"),
            Article::new("b", &copy, "en"),
            Article::new("c", vote, "en"),
        ];
        let stages = Stages::default();
        let (count, copies) = stages.story_count_and_copies(&articles);
        assert_eq!(count, 2);
        assert!(copies.iter().any(Option::is_some), "{copies:?}");
        let docs = Stages::analyze_all(articles);
        let own = serde_json::to_string(&stages.brief_of(&docs, Vec::new())).unwrap();
        let reused = stages.brief_of_with_copies(&docs, Vec::new(), Some(&copies));
        assert_eq!(serde_json::to_string(&reused).unwrap(), own);
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
