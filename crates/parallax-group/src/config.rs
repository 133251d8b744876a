//! Settings of the grouping stage, with defaults tuned on real news collections.

use serde::{Deserialize, Serialize};

use crate::GroupError;

/// How articles are grouped. Similarities are cosines in `[0, 1]`; the defaults were chosen on
/// ECB+ (two events of one kind per topic) and DUC 2004 clusters, favouring round values that
/// sit on a plateau of the F1 curve over the single best point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroupConfig {
    /// Words per shingle for copy detection.
    pub shingle_words: usize,
    /// LSH bands over the MinHash signature; the signature has `bands * rows` hashes.
    pub lsh_bands: usize,
    /// MinHash values per LSH band.
    pub lsh_rows: usize,
    /// Estimated shingle Jaccard at or above which two articles are copies.
    pub duplicate_jaccard: f64,
    /// Estimated shingle containment (of the shorter in the longer) at or above which the
    /// shorter is a trimmed copy of the longer.
    pub duplicate_containment: f64,
    /// Shortest text, in shingles, considered for copy detection (tiny texts match by chance).
    pub duplicate_min_shingles: usize,
    /// A dated article more than this many days from its copy family's original is not counted
    /// as its copy: reprints follow within days, and a text reused months later (or a chain of
    /// near-copies across months) must not pull later stories into the first one.
    pub duplicate_days: i64,
    /// Share of similarity coming from names and numbers; the rest comes from content terms.
    pub name_weight: f64,
    /// How many times the headline's words count, against once for the body's.
    pub title_weight: f64,
    /// Words at the start of the body that make its lead.
    pub lead_words: usize,
    /// How many times the lead's words count, against once for the rest of the body.
    pub lead_weight: f64,
    /// Candidate neighbours kept per article when building the similarity graph.
    pub neighbours: usize,
    /// Heaviest terms of each article used to find candidates through the inverted index.
    pub index_terms: usize,
    /// Average similarity at or above which articles are first gathered into broad topics.
    pub topic_threshold: f64,
    /// Share of similarity coming from names and numbers in the within-topic view.
    pub topic_name_weight: f64,
    /// Weight of the collection-wide view in the blend with the within-topic view, where words
    /// shared by a whole topic count for nothing and what tells its events apart counts most.
    pub global_blend: f64,
    /// Average blended similarity at or above which two groups are one story.
    pub story_threshold: f64,
    /// Cosine to a story's centroid at or above which a loosely attached article joins it.
    pub attach_threshold: f64,
    /// Stories this small may be absorbed whole by a larger neighbour (one that names their key
    /// names, [`GroupConfig::fragment_name_share`]): half of a ten-report story split off by
    /// wording joins it again. Two stories this small that no larger one takes are one when each
    /// names the other's key names: a story of four reports split into its first day and its
    /// second.
    pub fragment_size: usize,
    /// Cosine between a small story's centroid and a larger one's at or above which it is absorbed.
    pub fragment_threshold: f64,
    /// Share of a small story's key names (those one of its articles gives twice or more, the
    /// headline's counting twice; each counted once per article that repeats it) that a larger
    /// story must name for it to absorb the small one: a few reports of another happening of the
    /// same kind share its words, not its people and place.
    pub fragment_name_share: f64,
    /// Most rounds of reassigning articles to their nearest story centroid; the rounds stop
    /// earlier once no article moves.
    pub refine_rounds: usize,
    /// Days apart with no penalty, when both articles are dated.
    pub time_grace_days: f64,
    /// Days over the grace after which a similarity is halved.
    pub time_half_days: f64,
    /// Streaming: stories with no article for this many days are closed and forgotten.
    pub window_days: i64,
    /// Streaming: at most this many recent articles are remembered (bounds memory when
    /// articles carry no dates).
    pub window_articles: usize,
    /// Streaming: cosine to a story centroid at or above which a new article joins it.
    pub stream_threshold: f64,
}

impl Default for GroupConfig {
    fn default() -> Self {
        Self {
            shingle_words: 4,
            lsh_bands: 32,
            lsh_rows: 2,
            duplicate_jaccard: 0.5,
            duplicate_containment: 0.8,
            duplicate_min_shingles: 12,
            duplicate_days: 2,
            name_weight: 0.3,
            title_weight: 2.0,
            lead_words: 60,
            lead_weight: 1.0,
            neighbours: 30,
            index_terms: 20,
            topic_threshold: 0.13,
            topic_name_weight: 0.7,
            global_blend: 0.25,
            story_threshold: 0.135,
            attach_threshold: 0.2,
            refine_rounds: 3,
            fragment_size: 5,
            fragment_threshold: 0.25,
            fragment_name_share: 0.2,
            time_grace_days: 2.0,
            time_half_days: 5.0,
            window_days: 14,
            window_articles: 50_000,
            stream_threshold: 0.25,
        }
    }
}

impl GroupConfig {
    /// Checks that every setting is usable, naming the first that is not.
    pub fn validate(&self) -> Result<(), GroupError> {
        let unit = [
            ("duplicate_jaccard", self.duplicate_jaccard),
            ("duplicate_containment", self.duplicate_containment),
            ("name_weight", self.name_weight),
            ("topic_name_weight", self.topic_name_weight),
            ("topic_threshold", self.topic_threshold),
            ("global_blend", self.global_blend),
            ("story_threshold", self.story_threshold),
            ("attach_threshold", self.attach_threshold),
            ("fragment_threshold", self.fragment_threshold),
            ("fragment_name_share", self.fragment_name_share),
            ("stream_threshold", self.stream_threshold),
        ];
        for (name, value) in unit {
            if !(0.0..=1.0).contains(&value) {
                return Err(GroupError::OutOfRange {
                    name,
                    value,
                    expected: "between 0 and 1",
                });
            }
        }
        let positive = [
            ("shingle_words", self.shingle_words as f64),
            ("lsh_bands", self.lsh_bands as f64),
            ("lsh_rows", self.lsh_rows as f64),
            ("neighbours", self.neighbours as f64),
            ("index_terms", self.index_terms as f64),
            ("time_half_days", self.time_half_days),
            ("window_days", self.window_days as f64),
            ("window_articles", self.window_articles as f64),
        ];
        for (name, value) in positive {
            // `is_nan` too, since NaN compares false with everything.
            if value.is_nan() || value <= 0.0 {
                return Err(GroupError::OutOfRange {
                    name,
                    value,
                    expected: "above 0",
                });
            }
        }
        for (name, value) in [
            ("title_weight", self.title_weight),
            ("time_grace_days", self.time_grace_days),
            ("duplicate_days", self.duplicate_days as f64),
        ] {
            if value.is_nan() || value < 0.0 {
                return Err(GroupError::OutOfRange {
                    name,
                    value,
                    expected: "0 or above",
                });
            }
        }
        Ok(())
    }

    /// How much a similarity keeps when the articles are `days` apart.
    pub(crate) fn time_factor(&self, days: f64) -> f64 {
        let over = (days.abs() - self.time_grace_days).max(0.0);
        0.5f64.powf(over / self.time_half_days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_bad_values_are_named() {
        assert_eq!(GroupConfig::default().validate(), Ok(()));
        let bad = GroupConfig {
            story_threshold: 1.5,
            ..GroupConfig::default()
        };
        let err = bad.validate().unwrap_err();
        assert!(err.to_string().contains("story_threshold"), "{err}");
        let bad = GroupConfig {
            neighbours: 0,
            ..GroupConfig::default()
        };
        assert!(bad
            .validate()
            .unwrap_err()
            .to_string()
            .contains("neighbours"));
        let bad = GroupConfig {
            time_half_days: f64::NAN,
            ..GroupConfig::default()
        };
        assert!(bad.validate().is_err());
    }

    #[test]
    fn time_penalty_starts_after_the_grace() {
        let c = GroupConfig::default();
        assert_eq!(c.time_factor(1.0), 1.0);
        assert!((c.time_factor(7.0) - 0.5).abs() < 1e-9);
        assert!(c.time_factor(30.0) < 0.05);
    }
}
