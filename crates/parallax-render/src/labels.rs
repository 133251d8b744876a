//! Short names for articles, as readers see them next to each claim: the outlet, else the id.

use std::collections::HashMap;

use parallax_core::Brief;

/// The label of every article of a brief, keyed by article id.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    by_id: HashMap<String, String>,
}

impl Labels {
    /// Labels for the articles of `brief`. An outlet that several articles share gets the
    /// article id after it, so that two reports from one outlet stay apart.
    pub fn new(brief: &Brief) -> Self {
        let mut per_outlet: HashMap<&str, usize> = HashMap::new();
        for article in &brief.articles {
            if let Some(outlet) = outlet_of(article) {
                *per_outlet.entry(outlet).or_default() += 1;
            }
        }
        let by_id = brief
            .articles
            .iter()
            .map(|article| {
                let label = match outlet_of(article) {
                    Some(outlet) if per_outlet.get(outlet).copied().unwrap_or(0) > 1 => {
                        format!("{outlet} ({})", article.id)
                    }
                    Some(outlet) => outlet.to_string(),
                    None => article.id.clone(),
                };
                (article.id.clone(), label)
            })
            .collect();
        Self { by_id }
    }

    /// The label of article `id`; an id the brief does not list is shown as it is.
    pub fn get<'a>(&'a self, id: &'a str) -> &'a str {
        self.by_id.get(id).map(String::as_str).unwrap_or(id)
    }

    /// The labels of `ids`, each article once, in the order given.
    pub fn list<'a>(&'a self, ids: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
        distinct(ids).into_iter().map(|id| self.get(id)).collect()
    }
}

/// Each item once, in order of first appearance.
pub fn distinct<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = Vec::new();
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    seen
}

fn outlet_of(article: &parallax_core::BriefArticle) -> Option<&str> {
    article
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::brief;

    #[test]
    fn outlet_else_id() {
        let brief = brief();
        let labels = Labels::new(&brief);
        assert_eq!(labels.get("a1"), "The Harbour Gazette");
        assert_eq!(labels.get("a3"), "a3");
        assert_eq!(labels.get("nope"), "nope");
        assert_eq!(
            labels.list(["a1", "a3", "a1"]),
            vec!["The Harbour Gazette", "a3"]
        );
    }

    #[test]
    fn shared_outlets_keep_articles_apart() {
        let mut brief = brief();
        brief.articles[1].outlet = brief.articles[0].outlet.clone();
        let labels = Labels::new(&brief);
        assert_eq!(labels.get("a1"), "The Harbour Gazette (a1)");
        assert_eq!(labels.get("a2"), "The Harbour Gazette (a2)");
    }
}
