//! Properties of every brief, whatever articles it is made from and in whatever order: each
//! summary sentence cites the article it came from first and only articles of the story; quote
//! variants and figure mentions name real articles; a figure is "single" exactly when one article
//! reports it; the timeline is oldest first.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

use std::collections::HashSet;
use std::path::PathBuf;

use parallax_core::{Analyzed, FigureStatus, Format, RawDoc, SourceMeta};
use parallax_fuse::{fuse, FuseConfig};
use proptest::prelude::*;

fn example() -> Vec<Analyzed> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbour-fire/articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let doc = RawDoc {
                source: p.display().to_string(),
                id: None,
                format: Format::Text,
                body: std::fs::read(p).unwrap(),
                meta: SourceMeta::default(),
            };
            parallax_analyze::analyze(
                parallax_extract::extract(&doc, &Default::default())
                    .unwrap()
                    .article,
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn every_brief_keeps_its_promises(order in Just((0..4usize).collect::<Vec<_>>()).prop_shuffle(), keep in 1..=4usize) {
        let all = example();
        let docs: Vec<Analyzed> = order.iter().take(keep).map(|&i| all[i].clone()).collect();
        let brief = fuse(&docs, Vec::new(), &FuseConfig::default());
        let ids: HashSet<&str> = docs.iter().map(|d| d.article.id.as_str()).collect();
        prop_assert!(!brief.summary.is_empty());
        for s in &brief.summary {
            prop_assert!(!s.sources.is_empty());
            prop_assert!(s.sources.iter().all(|id| ids.contains(id.as_str())));
            let own = docs.iter().find(|d| d.article.id == s.sources[0]).unwrap();
            let written = s.original.as_deref().unwrap_or(&s.text);
            prop_assert!(own.sentences.iter().any(|x| x.text == written), "{written} is not from {}", own.article.id);
        }
        for q in &brief.quotes {
            prop_assert!(q.variants.iter().all(|v| ids.contains(v.article.as_str())));
        }
        for f in &brief.figures {
            let articles: HashSet<&str> = f.mentions.iter().map(|m| m.article.as_str()).collect();
            prop_assert_eq!(f.status == FigureStatus::Single, articles.len() == 1);
        }
        prop_assert!(brief.timeline.windows(2).all(|w| w[0].date <= w[1].date));
        if docs.len() == 1 {
            prop_assert!(brief.exclusives.is_empty());
        }
    }
}
