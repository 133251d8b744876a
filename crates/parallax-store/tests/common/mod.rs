//! Helpers shared by the store's tests.
#![allow(clippy::unwrap_used)] // Tests may unwrap: a panic there is a failed assertion.
#![allow(dead_code)]

use parallax_core::{Article, Brief, BriefArticle, SummarySentence, BRIEF_SCHEMA};
use std::collections::BTreeSet;

use parallax_store::{Pipeline, SqliteStore, Store};

/// A plain article for tests.
pub fn article(id: &str, outlet: &str, title: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        source: format!("test/{id}.txt"),
        outlet: Some(outlet.into()).filter(|o: &String| !o.is_empty()),
        wire: vec![],
        title: Some(title.into()),
        authors: vec![],
        published: None,
        url: None,
        language: "en".into(),
        text: text.into(),
        removed: vec![],
    }
}

/// A temporary folder removed on drop.
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    /// A fresh folder named after the test.
    pub fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("parallax-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    /// The database file inside it.
    pub fn db(&self) -> std::path::PathBuf {
        self.0.join("test.db")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Groups articles by the first word of their title; briefs list the articles and first sentences.
pub struct ByFirstWord;

impl Pipeline for ByFirstWord {
    fn group(&self, articles: &[Article], _previous: &[Option<i64>]) -> Vec<Vec<usize>> {
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, a) in articles.iter().enumerate() {
            let key = a
                .title
                .as_deref()
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, g)) => g.push(i),
                None => groups.push((key, vec![i])),
            }
        }
        groups.into_iter().map(|(_, g)| g).collect()
    }

    fn brief(&self, articles: &[Article]) -> Brief {
        brief_of(articles)
    }
}

/// A brief listing the articles, one summary sentence each.
pub fn brief_of(articles: &[Article]) -> Brief {
    Brief {
        schema: BRIEF_SCHEMA.into(),
        title: articles
            .first()
            .and_then(|a| a.title.clone())
            .unwrap_or_default(),
        articles: articles.iter().map(BriefArticle::from).collect(),
        summary: articles
            .iter()
            .map(|a| SummarySentence {
                text: a.text.clone(),
                sources: vec![a.id.clone()],
                original: None,
                copies: Vec::new(),
            })
            .collect(),
        quotes: vec![],
        figures: vec![],
        exclusives: vec![],
        timeline: vec![],
        entities: vec![],
        diagnostics: vec![],
    }
}

/// The stories as sets of input ids; asserts every article is placed and every brief current.
pub fn partition(store: &SqliteStore) -> BTreeSet<BTreeSet<String>> {
    let articles = store.articles().unwrap();
    assert!(
        articles.iter().all(|a| a.story.is_some()),
        "unplaced articles"
    );
    assert!(store.stale_briefs().unwrap().is_empty(), "stale briefs");
    let stories: BTreeSet<i64> = articles.iter().filter_map(|a| a.story).collect();
    stories
        .into_iter()
        .map(|s| {
            store
                .story_articles(s)
                .unwrap()
                .into_iter()
                .map(|a| a.input_id)
                .collect()
        })
        .collect()
}
