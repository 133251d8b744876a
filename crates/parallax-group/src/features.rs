//! Per-article features: term and name counts, the copy-detection signature, the date.

use chrono::NaiveDate;

use crate::minhash::{self, Signature};
use crate::text::{word_hashes, Featurizer, TextFeatures};
use crate::vector::{self, SparseVec};
use crate::{GroupConfig, GroupDoc};

/// What grouping knows about one article.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DocFeatures {
    /// Content-term counts (headline words weighted up).
    pub terms: SparseVec,
    /// Name and number counts.
    pub names: SparseVec,
    /// Counts of the days of the week the headline and lead name: the day a report says its
    /// happening took place.
    pub weekdays: SparseVec,
    /// MinHash signature of the body's shingles, if long enough.
    pub signature: Option<Signature>,
    /// Days since 1970-01-01 of the publication date.
    pub day: Option<i64>,
}

/// Days since the Unix epoch, for time arithmetic.
pub(crate) fn day_number(date: NaiveDate) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN);
    (date - epoch).num_days()
}

/// Reads an article's features.
pub(crate) fn extract(
    doc: &GroupDoc<'_>,
    config: &GroupConfig,
    featurizer: &Featurizer,
) -> DocFeatures {
    let mut body = TextFeatures::default();
    featurizer.add(doc.text, config.lead_words, &mut body);
    let mut terms = vector::IdMap::with_capacity_and_hasher(body.terms.len(), Default::default());
    let mut names = vector::IdMap::with_capacity_and_hasher(body.names.len(), Default::default());
    vector::count(&body.terms, 1.0, &mut terms);
    vector::count(&body.names, 1.0, &mut names);
    // The lead says what happened, to whom and where: its words count extra.
    let extra = (config.lead_weight - 1.0) as f32;
    if extra > 0.0 {
        vector::count(&body.terms[..body.lead_terms], extra, &mut terms);
        vector::count(&body.names[..body.lead_names], extra, &mut names);
    }
    let mut weekdays = vector::IdMap::default();
    vector::count(&body.weekdays[..body.lead_weekdays], 1.0, &mut weekdays);
    if let Some(title) = doc.title {
        let mut head = TextFeatures::default();
        featurizer.add_headline(title, &body, &mut head);
        let w = config.title_weight as f32;
        vector::count(&head.terms, w, &mut terms);
        vector::count(&head.names, w, &mut names);
        vector::count(&head.weekdays, 1.0, &mut weekdays);
    }
    let signature = sign_words(&body.words, config);
    DocFeatures {
        terms: vector::sorted(terms),
        names: vector::sorted(names),
        weekdays: vector::sorted(weekdays),
        signature,
        day: doc.published.map(day_number),
    }
}

/// The copy-detection signature of an article's body, read on its own.
pub(crate) fn signature(text: &str, config: &GroupConfig) -> Option<Signature> {
    let words = word_hashes(text);
    sign_words(&words, config)
}

fn sign_words(words: &[u64], config: &GroupConfig) -> Option<Signature> {
    minhash::sign(
        words,
        config.shingle_words,
        config.lsh_bands * config.lsh_rows,
        config.duplicate_min_shingles,
    )
}

/// The unit-length vector of an article: content terms and names, each part weighted by its
/// share of the similarity.
pub(crate) fn embed(
    f: &DocFeatures,
    idf_of: impl Fn(u64) -> f32 + Copy,
    name_weight: f64,
) -> SparseVec {
    embed_parts(f, idf_of, idf_of, name_weight)
}

/// [`embed`] with the content terms weighed by `term_idf` and the names and numbers by
/// `name_idf`.
pub(crate) fn embed_parts(
    f: &DocFeatures,
    term_idf: impl Fn(u64) -> f32 + Copy,
    name_idf: impl Fn(u64) -> f32 + Copy,
    name_weight: f64,
) -> SparseVec {
    embed_counts(&f.terms, &f.names, term_idf, name_idf, name_weight)
}

/// How much more than a name a day of the week weighs in a topic's own view.
const WEEKDAY_WEIGHT: f32 = 1.5;

/// An article's vector in its topic's own view: [`embed`] with the days of the week its lead
/// names counted among its names. Across a collection a weekday would link unrelated stories;
/// within a topic, reports of one happening give the day it took place and reports of another
/// happening of the kind most often another day, which tells them apart where reports carry
/// no date and links reports of one happening in two languages.
pub(crate) fn embed_in_topic(
    f: &DocFeatures,
    idf_of: impl Fn(u64) -> f32 + Copy,
    name_weight: f64,
) -> SparseVec {
    if f.weekdays.is_empty() {
        return embed(f, idf_of, name_weight);
    }
    let names = vector::add(&f.names, &f.weekdays);
    let name_idf = |id: u64| match f.weekdays.binary_search_by_key(&id, |&(day, _)| day) {
        Ok(_) => idf_of(id) * WEEKDAY_WEIGHT,
        Err(_) => idf_of(id),
    };
    embed_counts(&f.terms, &names, idf_of, name_idf, name_weight)
}

/// The unit-length vector of content-term and name counts, the terms weighed by `term_idf`
/// and the names by `name_idf`, each part weighted by its share of the similarity.
fn embed_counts(
    terms: &SparseVec,
    names: &SparseVec,
    term_idf: impl Fn(u64) -> f32 + Copy,
    name_idf: impl Fn(u64) -> f32 + Copy,
    name_weight: f64,
) -> SparseVec {
    let t = vector::weigh(terms, term_idf, (1.0 - name_weight).sqrt() as f32);
    let n = vector::weigh(names, name_idf, name_weight.sqrt() as f32);
    let mut v = vector::add(&t, &n);
    // When one part is empty the other carries the whole weight.
    let len = vector::norm(&v) as f32;
    if len > 0.0 {
        for (_, w) in &mut v {
            *w /= len;
        }
    }
    v
}
