//! Batch grouping: copies, candidate graph, broad topics, events within topics, refinement.

use std::collections::{BTreeMap, HashMap};

use parallax_core::Diagnostic;
use rayon::prelude::*;

use crate::features::{self, DocFeatures};
use crate::key_names::Names;
use crate::text::{hash_bytes, mix64, Featurizer};
use crate::vector::{self, IdMap, SparseVec};
use crate::{agglo, dedup, graph, GroupConfig, GroupDoc, Grouping, Placement, Story};

/// Term ids of the within-topic view are moved off the collection-wide ones by this mask.
const LOCAL_MASK: u64 = 0x5bd1_e995_9e37_79b9;

/// Groups a batch of articles into stories and marks copies. The result does not depend on the
/// order of `docs`: they are processed in an order fixed by their ids and content.
pub fn group(docs: &[GroupDoc<'_>], config: &GroupConfig) -> Grouping {
    let n = docs.len();
    let mut diagnostics = Vec::new();
    let order = canonical_order(docs);
    let featurizer = Featurizer;
    let feats: Vec<DocFeatures> = order
        .par_iter()
        .map(|&i| features::extract(&docs[i], config, &featurizer))
        .collect();
    for (pos, f) in feats.iter().enumerate() {
        if f.terms.is_empty() && f.names.is_empty() {
            let d = &docs[order[pos]];
            diagnostics.push(Diagnostic::warning(
                d.id,
                "no words to group by; the article stands alone",
            ));
        }
    }
    let days: Vec<Option<i64>> = feats.iter().map(|f| f.day).collect();
    let sigs: Vec<_> = feats.iter().map(|f| f.signature.as_ref()).collect();
    // Copies and stories are found apart (copies join their original's story only below):
    // side by side, the copy checks fill the core the topic pass leaves idle.
    let (copy_of, labels) = rayon::join(
        || dedup::find_copies(&sigs, &days, config),
        || cluster(&feats, &days, config),
    );

    // A copy always shares its original's story.
    let labels: Vec<usize> = (0..n)
        .map(|p| copy_of[p].map_or(labels[p], |o| labels[o]))
        .collect();
    assemble(docs, &order, &labels, &copy_of, diagnostics)
}

/// The order articles are processed in: by id, then by content, so input order cannot matter.
fn canonical_order(docs: &[GroupDoc<'_>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let keys: Vec<(u64, u64)> = docs
        .par_iter()
        .map(|d| {
            (
                hash_bytes(0, d.text.as_bytes()),
                hash_bytes(0, d.title.unwrap_or("").as_bytes()),
            )
        })
        .collect();
    order.sort_by(|&a, &b| {
        (docs[a].id, docs[a].published, keys[a]).cmp(&(docs[b].id, docs[b].published, keys[b]))
    });
    order
}

/// For each article, the one it is a copy of: the `duplicate_of` of [`group`]'s placements,
/// found without grouping (only the copy signatures are read), for a story already grouped.
pub fn copies(docs: &[GroupDoc<'_>], config: &GroupConfig) -> Vec<Option<usize>> {
    let order = canonical_order(docs);
    let days: Vec<Option<i64>> = order
        .iter()
        .map(|&i| docs[i].published.map(features::day_number))
        .collect();
    let signatures: Vec<_> = order
        .iter()
        .map(|&i| features::signature(docs[i].text, config))
        .collect();
    let sigs: Vec<_> = signatures.iter().map(Option::as_ref).collect();
    let copy_of = dedup::find_copies(&sigs, &days, config);
    let mut out = vec![None; docs.len()];
    for (pos, &i) in order.iter().enumerate() {
        out[i] = copy_of[pos].map(|o| order[o]);
    }
    out
}

/// Story labels (a representative position) for articles in canonical order.
pub(crate) fn cluster(
    feats: &[DocFeatures],
    days: &[Option<i64>],
    config: &GroupConfig,
) -> Vec<usize> {
    let n = feats.len();
    let df = document_frequencies(feats, None);
    let idf_table = vector::IdfTable::collection(n);
    let idf_of = |id: u64| idf_table.get(df.get(&id).copied().unwrap_or(0));
    let global = collection_vectors(feats, &df, &idf_table, config);
    let candidates = graph::candidate_edges(&global, config);
    let edges = candidates.pairs;

    // Broad topics first, then events within each topic seen through the topic's own
    // frequencies: words the whole topic shares stop counting, what splits it counts most.
    let topics = agglo::average_link(
        &global,
        days,
        &edges,
        Some(&candidates.cosines),
        config.topic_threshold,
        config,
    );
    drop(candidates.cosines);
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &t) in topics.iter().enumerate() {
        members.entry(t).or_default().push(i);
    }
    let blended = blend(feats, &global, &members, config);
    drop(members);
    let inner = within_topics(feats, &edges, &topics, idf_of);
    let mut labels =
        agglo::average_link(&blended, days, &inner, None, config.story_threshold, config);
    // The blended vectors are the largest allocation; free them before refinement.
    drop(blended);
    let adj = graph::adjacency(n, &edges);
    labels = refine_until_stable(&global, labels, &adj, config);
    let names: Vec<Names> = feats.par_iter().map(|f| Names::of(&f.names)).collect();
    absorb_fragments(&global, &names, days, &labels, &adj, config)
}

/// Articles of the batch a content term must be in to count in the collection-wide view. A
/// word no other article uses links its article to none: weighed as the rarest of all, it only
/// lengthened the vector, so an article rich in words of its own (a long feature, an analysis)
/// scored low with every report of its own story and was left out of it. Names and numbers
/// found once keep their weight: they are the specifics that keep two happenings of one kind
/// apart (dropping them too loses on both ECB+ and DUC 2004).
const SHARED_TERM_DF: u32 = 2;

/// Each article's vector in the collection-wide view: content terms of at least two articles
/// ([`SHARED_TERM_DF`]) when most of its weight is on those ([`MOSTLY_SHARED`]), else all its
/// terms, and all names and numbers, weighed by the batch's frequencies `df`.
fn collection_vectors(
    feats: &[DocFeatures],
    df: &IdMap<u32>,
    idf_table: &vector::IdfTable,
    config: &GroupConfig,
) -> Vec<SparseVec> {
    let idf_of = |id: u64| idf_table.get(df.get(&id).copied().unwrap_or(0));
    let term_idf = |id: u64| match df.get(&id).copied().unwrap_or(0) {
        d if d < SHARED_TERM_DF => 0.0,
        d => idf_table.get(d),
    };
    feats
        .par_iter()
        .map(|f| {
            let weights = vector::weigh(&f.terms, idf_of, 1.0);
            let shared: f64 = weights
                .iter()
                .filter(|(id, _)| df.get(id).copied().unwrap_or(0) >= SHARED_TERM_DF)
                .map(|&(_, w)| f64::from(w) * f64::from(w))
                .sum();
            if shared >= MOSTLY_SHARED {
                features::embed_parts(f, term_idf, idf_of, config.name_weight)
            } else {
                features::embed(f, idf_of, config.name_weight)
            }
        })
        .collect()
}

/// Share of an article's content-term weight (squared, as in its length) that must be on words
/// other articles use before its words of its own are dropped ([`SHARED_TERM_DF`]). An article
/// that shares few of its words (one with no other report of its story, or any article of a
/// small batch) keeps them: dropped, the one or two ordinary words it shares by chance ("police",
/// a weekday) would be all of its vector, and three unrelated reports would be one story.
const MOSTLY_SHARED: f64 = 2.0 / 3.0;

/// Distinct names and numbers each article of a pair needs before sharing none of them keeps
/// the two apart.
const NAMED_TERMS: usize = 5;

/// Cosine of two articles' names below which they share none that counts.
const NO_SHARED_NAMES: f64 = 0.05;

/// The candidate edges whose articles fall in one broad topic, less those between two articles
/// that each name several people, places or figures and share none of them: two happenings of
/// one kind told in the same words (a ferry sinking here, another there) are not linked
/// directly. Articles still join through others that share names with both.
fn within_topics(
    feats: &[DocFeatures],
    edges: &[(u32, u32)],
    topics: &[usize],
    idf_of: impl Fn(u64) -> f32 + Copy + Sync,
) -> Vec<(u32, u32)> {
    let names: Vec<Option<SparseVec>> = feats
        .par_iter()
        .map(|f| (f.names.len() >= NAMED_TERMS).then(|| vector::weigh(&f.names, idf_of, 1.0)))
        .collect();
    edges
        .par_iter()
        .copied()
        .filter(|&(a, b)| {
            let (a, b) = (a as usize, b as usize);
            if topics[a] != topics[b] {
                return false;
            }
            match (&names[a], &names[b]) {
                (Some(x), Some(y)) => vector::dot(x, y) >= NO_SHARED_NAMES,
                _ => true,
            }
        })
        .collect()
}

/// Moves each small story whole into the larger neighbouring story whose centroid is closest,
/// when close enough and when the larger one names enough of the small one's key names
/// ([`Names::found_in`]): pieces of one event split off by wording join it again, a few reports
/// of another happening of the same kind do not. A small story no larger one takes joins its
/// closest small neighbour when each names the other's key names: a story of a few reports can
/// fall apart into two halves (the first day's reports and the next day's), and neither half is
/// larger than the other to absorb it.
fn absorb_fragments(
    global: &[SparseVec],
    names: &[Names],
    days: &[Option<i64>],
    labels: &[usize],
    adj: &[Vec<u32>],
    config: &GroupConfig,
) -> Vec<usize> {
    let groups = label_sums(global, labels);
    let story_names: HashMap<usize, Names> = groups
        .par_iter()
        .map(|(&l, (_, members))| (l, Names::sum(members.iter().filter_map(|&i| names.get(i)))))
        .collect();
    let about =
        |small: usize, large: usize| match (story_names.get(&small), story_names.get(&large)) {
            (Some(small), Some(large)) => small.found_in(large, config.fragment_name_share),
            _ => true,
        };
    let norms: HashMap<usize, f64> = groups
        .par_iter()
        .map(|(&l, (sum, _))| (l, vector::norm(sum)))
        .collect();
    let is_large = |label: usize| groups[&label].1.len() > config.fragment_size;
    // Two small stories are one only when close in time too, as the first agglomeration has it.
    let spans: HashMap<usize, (i64, i64)> = groups
        .iter()
        .filter_map(|(&l, (_, members))| {
            let dated = members
                .iter()
                .filter_map(|&i| days.get(i).copied().flatten());
            let (first, last) = dated.fold(None, |span: Option<(i64, i64)>, d| {
                Some(span.map_or((d, d), |(a, b)| (a.min(d), b.max(d))))
            })?;
            Some((l, (first, last)))
        })
        .collect();
    let time_factor = |a: usize, b: usize| match (spans.get(&a), spans.get(&b)) {
        (Some(&(a0, a1)), Some(&(b0, b1))) => {
            config.time_factor((a0.max(b0) - a1.min(b1)).max(0) as f64)
        }
        _ => 1.0,
    };
    let shared = |a: usize, b: usize| match (story_names.get(&a), story_names.get(&b)) {
        (Some(x), Some(y)) => {
            x.shared_with(y, config.fragment_name_share)
                && y.shared_with(x, config.fragment_name_share)
        }
        _ => false,
    };
    let tables = SumTables::of(
        groups
            .iter()
            .filter(|(&label, _)| is_large(label))
            .map(|(&l, (sum, _))| (l, sum)),
    );
    // Each fragment's move is decided from the labels as they were, so all are decided at once.
    let small: Vec<(&usize, &(SparseVec, Vec<usize>))> = groups
        .iter()
        .filter(|(&label, _)| !is_large(label) && norms[&label] > 0.0)
        .collect();
    let moves: Vec<Option<(usize, usize)>> = small
        .into_par_iter()
        .map(|(&label, (sum, members))| {
            let mut near: Vec<usize> = members
                .iter()
                .flat_map(|&i| adj[i].iter().map(|&j| labels[j as usize]))
                .filter(|l| *l != label)
                .collect();
            near.sort_unstable();
            near.dedup();
            // A larger story first, then the closest.
            let mut best: Option<((bool, f64), usize)> = None;
            for other in near {
                let n = norms[&other];
                if n <= 0.0 {
                    continue;
                }
                let large = is_large(other);
                let mut cos = tables.dot(sum, other, &groups[&other].0) / (norms[&label] * n);
                if !large {
                    cos *= time_factor(label, other);
                }
                let rank = (large, cos);
                if cos >= config.fragment_threshold
                    && best.is_none_or(|(b, _)| rank > b)
                    && about(label, other)
                    && (large || shared(label, other))
                {
                    best = Some((rank, other));
                }
            }
            best.map(|(_, other)| (label, other))
        })
        .collect();
    // Each move links two stories; the stories linked are one (two small halves may each pick
    // the other), kept under the label of the larger.
    let mut joined: BTreeMap<usize, usize> = BTreeMap::new();
    let root = |joined: &BTreeMap<usize, usize>, mut label: usize| {
        while let Some(&to) = joined.get(&label) {
            label = to;
        }
        label
    };
    for (from, to) in moves.into_iter().flatten() {
        let (a, b) = (root(&joined, from), root(&joined, to));
        if a != b {
            let size = |l: usize| groups[&l].1.len();
            let (keep, gone) = if (size(a), b) > (size(b), a) {
                (a, b)
            } else {
                (b, a)
            };
            joined.insert(gone, keep);
        }
    }
    labels.iter().map(|&l| root(&joined, l)).collect()
}

/// Each label's members and the sum of their vectors.
fn label_sums(global: &[SparseVec], labels: &[usize]) -> BTreeMap<usize, (SparseVec, Vec<usize>)> {
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &l) in labels.iter().enumerate() {
        members.entry(l).or_default().push(i);
    }
    sums_of(global, members).into_iter().collect()
}

/// The sum of the vectors of each label's `members`, summed through a map so a large story
/// costs its members' terms once.
fn sums_of(
    global: &[SparseVec],
    members: BTreeMap<usize, Vec<usize>>,
) -> Vec<(usize, (SparseVec, Vec<usize>))> {
    let members: Vec<(usize, Vec<usize>)> = members.into_iter().collect();
    members
        .into_par_iter()
        .map(|(l, ids)| {
            let mut sum: IdMap<f32> = IdMap::default();
            for &i in &ids {
                for &(id, w) in &global[i] {
                    *sum.entry(id).or_insert(0.0) += w;
                }
            }
            (l, (vector::sorted(sum), ids))
        })
        .collect()
}

/// Articles whose document frequencies one thread counts before the count is shared out.
const DF_CHUNK: usize = 2048;

/// Document frequency of each term id over the articles `ids` names (all when `None`), counted
/// on every core in chunks whose counts are then added.
fn document_frequencies(feats: &[DocFeatures], ids: Option<&[usize]>) -> IdMap<u32> {
    let count = |df: &mut IdMap<u32>, f: &DocFeatures| {
        for &(id, _) in f.terms.iter().chain(&f.names).chain(&f.weekdays) {
            *df.entry(id).or_insert(0) += 1;
        }
    };
    let len = ids.map_or(feats.len(), <[usize]>::len);
    let chunk_df = |range: std::ops::Range<usize>| {
        let mut df = IdMap::default();
        for k in range {
            let i = ids.map_or(Some(k), |ids| ids.get(k).copied());
            if let Some(f) = i.and_then(|i| feats.get(i)) {
                count(&mut df, f);
            }
        }
        df
    };
    if len <= DF_CHUNK {
        return chunk_df(0..len);
    }
    (0..len.div_ceil(DF_CHUNK))
        .into_par_iter()
        .map(|c| chunk_df(c * DF_CHUNK..((c + 1) * DF_CHUNK).min(len)))
        .reduce(IdMap::default, |a, b| {
            let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            for (id, c) in small {
                *big.entry(id).or_insert(0) += c;
            }
            big
        })
}

/// Articles a broad topic needs before it is seen through its own frequencies. Over a handful
/// of articles those frequencies are noise (the place every report names weighs nothing, and
/// four reports of one train crash can fall apart into two pairs of outlets), but they are also
/// what keeps two small same-kind happenings of one language apart; a dozen (which mends the
/// first) loses the second, so the view starts at three.
const MIN_TOPIC_VIEW: usize = 3;

/// Articles of a topic a term must be in to count in the topic's own view. A term of one article
/// links it to none of the others; weighed by the topic's frequencies it would be the heaviest
/// of all (the rarest there), lengthen the article's vector and so lower all of its cosines,
/// drowning the few terms that half the topic shares and the other half lacks: the specifics
/// that tell two events of one kind apart.
const LOCAL_MIN_DF: u32 = 2;

/// Articles a topic needs before its view drops the terms of one article ([`LOCAL_MIN_DF`]).
/// In a smaller topic the terms two articles share are nearly all that would be left of each
/// vector, and one ordinary word shared across two events (two reports of a bridge collapse, two
/// of a bus crash, in one language) would link them; the weight of the terms of one article keeps
/// such a link small. Six is room for two events of three reports each.
const RARE_TERMS_DROPPED: usize = 2 * MIN_TOPIC_VIEW;

/// Each article's vector as the blend of the collection-wide view and its topic's view (for
/// topics of at least [`MIN_TOPIC_VIEW`] articles).
fn blend(
    feats: &[DocFeatures],
    global: &[SparseVec],
    topics: &BTreeMap<usize, Vec<usize>>,
    config: &GroupConfig,
) -> Vec<SparseVec> {
    let topic_list: Vec<&Vec<usize>> = topics
        .values()
        .filter(|m| m.len() >= MIN_TOPIC_VIEW)
        .collect();
    let g = config.global_blend.sqrt() as f32;
    let l = (1.0 - config.global_blend).sqrt() as f32;
    // Each topic's frequencies, then every article on every core: one topic can hold most of
    // the collection.
    let dfs: Vec<(IdMap<u32>, vector::IdfTable)> = topic_list
        .par_iter()
        .map(|ids| {
            let df = document_frequencies(feats, Some(ids));
            (df, vector::IdfTable::new(ids.len(), ids.len()))
        })
        .collect();
    let ids_len = |t: usize| topic_list.get(t).map_or(0, |ids| ids.len());
    let articles: Vec<(usize, usize)> = topic_list
        .iter()
        .enumerate()
        .flat_map(|(t, ids)| ids.iter().map(move |&i| (t, i)))
        .collect();
    let parts: Vec<(usize, SparseVec)> = articles
        .into_par_iter()
        .filter_map(|(t, i)| {
            let (df, idf_table) = dfs.get(t)?;
            let min_df = if ids_len(t) >= RARE_TERMS_DROPPED {
                LOCAL_MIN_DF
            } else {
                0
            };
            let idf_of = |id: u64| match df.get(&id).copied().unwrap_or(0) {
                d if d < min_df => 0.0,
                d => idf_table.get(d),
            };
            let local = features::embed_in_topic(feats.get(i)?, idf_of, config.topic_name_weight);
            let mut local: SparseVec = local
                .into_iter()
                .map(|(id, w)| (mix64(id ^ LOCAL_MASK), w * l))
                .collect();
            local.sort_unstable_by_key(|&(id, _)| id);
            let glob: SparseVec = global.get(i)?.iter().map(|&(id, w)| (id, w * g)).collect();
            Some((i, vector::add(&glob, &local)))
        })
        .collect();
    let mut out: Vec<Option<SparseVec>> = vec![None; global.len()];
    for (i, v) in parts {
        if let Some(slot) = out.get_mut(i) {
            *slot = Some(v);
        }
    }
    out.into_iter()
        .zip(global)
        .map(|(blended, g)| blended.unwrap_or_else(|| g.clone()))
        .collect()
}

/// Rounds of [`refine`] until no article moves (at most `refine_rounds`): each move shifts two
/// centroids, which can make a neighbour of the moved article closer to the other story in
/// turn, so a fixed number of rounds would stop halfway through a story's drift. After the
/// first round only the stories that gained or lost an article are summed again, only the
/// articles in them or next to them are looked at (every other one would decide as it did),
/// and those compare themselves again only with the stories that changed.
fn refine_until_stable(
    global: &[SparseVec],
    mut labels: Vec<usize>,
    adj: &[Vec<u32>],
    config: &GroupConfig,
) -> Vec<usize> {
    let n = labels.len();
    let mut sums = StorySums::default();
    let mut changed = vec![true; n];
    sums.update(global, &labels, &changed);
    let mut examine: Vec<usize> = (0..n).collect();
    let mut cosines: Vec<Cosines> = vec![Vec::new(); n];
    for _ in 0..config.refine_rounds {
        let round = Round {
            labels: &labels,
            sums: &sums,
            changed: &changed,
            cosines: &cosines,
        };
        let decided = refine(global, adj, &round, &examine, config);
        let mut moved = false;
        changed.fill(false);
        for (i, to, scores) in decided {
            cosines[i] = scores;
            if let Some(to) = to {
                for label in [labels[i], to] {
                    if let Some(c) = changed.get_mut(label) {
                        *c = true;
                    }
                }
                labels[i] = to;
                moved = true;
            }
        }
        if !moved {
            break;
        }
        sums.update(global, &labels, &changed);
        let touched = |i: usize| changed.get(labels[i]).copied().unwrap_or(false);
        examine = (0..n)
            .into_par_iter()
            .filter(|&i| touched(i) || adj[i].iter().any(|&j| touched(j as usize)))
            .collect();
    }
    labels
}

/// An article's cosine with each story it was compared with, by label, ascending.
type Cosines = Vec<(usize, f64)>;

/// What one round of [`refine`] reads: the labels, the stories' sums, which stories changed in
/// the last round (all, in the first) and each article's cosines from the round it was last
/// looked at.
struct Round<'a> {
    labels: &'a [usize],
    sums: &'a StorySums,
    changed: &'a [bool],
    cosines: &'a [Cosines],
}

/// Each story's sum of its articles' vectors, size and squared length, kept from one round of
/// refinement to the next.
#[derive(Default)]
struct StorySums {
    sums: BTreeMap<usize, (SparseVec, usize, f64)>,
    tables: SumTables,
}

impl StorySums {
    /// Sums again the stories whose label is marked in `changed` (labels are article
    /// positions), dropping those left empty.
    fn update(&mut self, global: &[SparseVec], labels: &[usize], changed: &[bool]) {
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, &l) in labels.iter().enumerate() {
            if changed.get(l).copied().unwrap_or(false) {
                members.entry(l).or_default().push(i);
            }
        }
        for (label, _) in changed.iter().enumerate().filter(|(_, &c)| c) {
            self.sums.remove(&label);
            self.tables.0.remove(&label);
        }
        let fresh: Vec<(usize, (SparseVec, usize, f64))> = sums_of(global, members)
            .into_iter()
            .map(|(l, (sum, members))| {
                let len2 = vector::dot(&sum, &sum);
                (l, (sum, members.len(), len2))
            })
            .collect();
        let tables = SumTables::of(fresh.iter().map(|(l, (sum, _, _))| (*l, sum)));
        self.tables.0.extend(tables.0);
        self.sums.extend(fresh);
    }
}

/// One round of moving each article of `examine` to the story whose centroid it is closest to,
/// among its own and its graph neighbours' stories, when that is close enough. Returns, for each
/// examined article, the story it moves to if it moves and its cosines with the stories it was
/// compared with; a cosine with a story that has not changed is read from the last round.
fn refine(
    global: &[SparseVec],
    adj: &[Vec<u32>],
    round: &Round<'_>,
    examine: &[usize],
    config: &GroupConfig,
) -> Vec<(usize, Option<usize>, Cosines)> {
    let (labels, sums, tables) = (round.labels, &round.sums.sums, &round.sums.tables);
    examine
        .par_iter()
        .map(|&i| {
            let own = labels[i];
            let self_dot = vector::dot(&global[i], &global[i]);
            let dot_with = |label: usize, sum: &SparseVec| tables.dot(&global[i], label, sum);
            let computed = |label: usize| -> f64 {
                let Some((sum, size, sum_len2)) = sums.get(&label) else {
                    return -1.0;
                };
                let (dot, len2) = if label == own {
                    if *size <= 1 {
                        return -1.0;
                    }
                    // Leave the article itself out of its own story's centroid.
                    let d = dot_with(label, sum);
                    let n2 = sum_len2 - 2.0 * d + self_dot;
                    (d - self_dot, n2)
                } else {
                    (dot_with(label, sum), *sum_len2)
                };
                if len2 <= 1e-12 {
                    -1.0
                } else {
                    dot / len2.sqrt()
                }
            };
            let before = round.cosines.get(i).map_or(&[][..], Vec::as_slice);
            let cosine = |label: usize| -> f64 {
                let unchanged = !round.changed.get(label).copied().unwrap_or(true);
                match before.binary_search_by_key(&label, |&(l, _)| l) {
                    Ok(k) if unchanged => before[k].1,
                    _ => computed(label),
                }
            };
            let mut seen: Vec<usize> = adj[i].iter().map(|&j| labels[j as usize]).collect();
            seen.push(own);
            seen.sort_unstable();
            seen.dedup();
            let scores: Cosines = seen.into_iter().map(|l| (l, cosine(l))).collect();
            let own_score = scores
                .iter()
                .find(|&&(l, _)| l == own)
                .map_or(-1.0, |&(_, s)| s);
            let mut best = (own_score, own);
            for &(label, s) in &scores {
                if label == own {
                    continue;
                }
                if s > best.0 || (s == best.0 && label < best.1) {
                    best = (s, label);
                }
            }
            let to = (best.1 != own && best.0 >= config.attach_threshold).then_some(best.1);
            (i, to, scores)
        })
        .collect()
}

/// Terms a story's sum needs before its articles look their terms up in it rather than search
/// for them.
const LOOKUP_TERMS: usize = 512;

/// The long sums among stories' sums, by label, each as a table of weights by id: a large
/// story's sum is multiplied with each of its articles and its neighbours', and
/// [`vector::dot_lookup`] costs one lookup per term of the short vector.
#[derive(Default)]
struct SumTables(HashMap<usize, IdMap<f32>>);

impl SumTables {
    /// The tables of the sums among `sums` of at least [`LOOKUP_TERMS`] terms.
    fn of<'a>(sums: impl Iterator<Item = (usize, &'a SparseVec)>) -> Self {
        let long: Vec<(usize, &SparseVec)> =
            sums.filter(|(_, s)| s.len() >= LOOKUP_TERMS).collect();
        Self(
            long.into_par_iter()
                .map(|(l, sum)| (l, vector::lookup(sum)))
                .collect(),
        )
    }

    /// `v`'s dot product with story `label`'s sum `sum`, through its table when it has one (the
    /// same value to the last bit either way).
    fn dot(&self, v: &SparseVec, label: usize, sum: &SparseVec) -> f64 {
        match self.0.get(&label) {
            Some(table) => vector::dot_lookup(v, table),
            None => vector::dot(v, sum),
        }
    }
}

/// Turns labels over canonical positions into the public result over input indices.
fn assemble(
    docs: &[GroupDoc<'_>],
    order: &[usize],
    labels: &[usize],
    copy_of: &[Option<usize>],
    diagnostics: Vec<Diagnostic>,
) -> Grouping {
    let n = docs.len();
    let mut by_label: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (pos, &l) in labels.iter().enumerate() {
        by_label.entry(l).or_default().push(pos);
    }
    let mut stories: Vec<Vec<usize>> = by_label.into_values().collect();
    for s in &mut stories {
        // Oldest first (undated last), then canonical order.
        s.sort_by_key(|&p| {
            (
                docs[order[p]].published.is_none(),
                docs[order[p]].published,
                p,
            )
        });
    }
    stories.sort_by(|a, b| {
        b.len()
            .cmp(&a.len())
            .then(a.iter().min().cmp(&b.iter().min()))
    });
    let mut placements = vec![
        Placement {
            story: 0,
            duplicate_of: None
        };
        n
    ];
    for (s, members) in stories.iter().enumerate() {
        for &p in members {
            placements[order[p]] = Placement {
                story: s,
                duplicate_of: copy_of[p].map(|o| order[o]),
            };
        }
    }
    let stories = stories
        .into_iter()
        .map(|m| Story {
            members: m.into_iter().map(|p| order[p]).collect(),
        })
        .collect();
    Grouping {
        stories,
        placements,
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refinement_goes_on_until_no_article_moves() {
        // Counts of three terms. Article 3 leaves its story in the first round, which pulls
        // story 0's centroid towards article 4; only in the third round is 4 closer to it.
        let counts = [
            [1, 1, 0],
            [0, 1, 3],
            [2, 3, 2],
            [1, 3, 1],
            [2, 3, 3],
            [0, 1, 3],
            [1, 1, 3],
        ];
        let vecs: Vec<SparseVec> = counts
            .iter()
            .map(|c| {
                let raw: SparseVec = (1u64..)
                    .zip(c)
                    .filter(|&(_, &n)| n > 0)
                    .map(|(id, &n)| (id, n as f32))
                    .collect();
                let norm = raw.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
                raw.into_iter().map(|(id, w)| (id, w / norm)).collect()
            })
            .collect();
        let n = vecs.len() as u32;
        let adj: Vec<Vec<u32>> = (0..n)
            .map(|i| (0..n).filter(|&j| j != i).collect())
            .collect();
        let config = GroupConfig::default();
        let settled = refine_until_stable(&vecs, vec![0, 0, 0, 3, 3, 3, 3], &adj, &config);
        assert_eq!(settled, vec![0, 3, 0, 0, 0, 3, 3]);
        let mut sums = StorySums::default();
        sums.update(&vecs, &settled, &[true; 7]);
        let all: Vec<usize> = (0..7).collect();
        let round = Round {
            labels: &settled,
            sums: &sums,
            changed: &[true; 7],
            cosines: &[],
        };
        let decided = refine(&vecs, &adj, &round, &all, &config);
        assert!(decided.iter().all(|(_, to, _)| to.is_none()));
    }

    /// Refinement as whole rounds: every story summed and every article looked at each time.
    fn whole_rounds(vecs: &[SparseVec], mut labels: Vec<usize>, adj: &[Vec<u32>]) -> Vec<usize> {
        let config = GroupConfig::default();
        let all: Vec<usize> = (0..labels.len()).collect();
        for _ in 0..config.refine_rounds {
            let mut sums = StorySums::default();
            let every = vec![true; labels.len()];
            sums.update(vecs, &labels, &every);
            let round = Round {
                labels: &labels,
                sums: &sums,
                changed: &every,
                cosines: &[],
            };
            let moves: Vec<(usize, usize)> = refine(vecs, adj, &round, &all, &config)
                .into_iter()
                .filter_map(|(i, to, _)| Some((i, to?)))
                .collect();
            if moves.is_empty() {
                break;
            }
            for (i, to) in moves {
                labels[i] = to;
            }
        }
        labels
    }

    #[test]
    fn refinement_looks_again_only_at_what_moved_and_ends_as_whole_rounds_do() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % m
        };
        for _ in 0..300 {
            let n = 6 + next(30) as usize;
            let vecs: Vec<SparseVec> = (0..n)
                .map(|_| {
                    let raw: SparseVec = (1..=5u64)
                        .map(|t| (t, next(4) as f32))
                        .filter(|&(_, w)| w > 0.0)
                        .collect();
                    let norm = raw.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
                    raw.into_iter().map(|(id, w)| (id, w / norm)).collect()
                })
                .collect();
            let labels: Vec<usize> = (0..n).map(|i| i - i % (2 + n / 5)).collect();
            let adj: Vec<Vec<u32>> = (0..n as u32)
                .map(|i| (0..n as u32).filter(|&j| j != i && next(3) == 0).collect())
                .collect();
            let adj: Vec<Vec<u32>> = (0..n)
                .map(|i| {
                    let mut both: Vec<u32> = (0..n as u32)
                        .filter(|&j| adj[i].contains(&j) || adj[j as usize].contains(&(i as u32)))
                        .collect();
                    both.dedup();
                    both
                })
                .collect();
            let config = GroupConfig::default();
            assert_eq!(
                refine_until_stable(&vecs, labels.clone(), &adj, &config),
                whole_rounds(&vecs, labels, &adj)
            );
        }
    }

    #[test]
    fn a_fragment_is_absorbed_only_by_a_story_naming_its_key_names() {
        // A story too large to be absorbed and a lone report in the same words (cosine 1 with
        // them all): absorbed when its key name (given twice) is the story's, kept apart when
        // it is another's.
        let config = GroupConfig::default();
        let n = config.fragment_size + 1;
        let words: SparseVec = vec![(1, 0.6), (2, 0.6), (3, 0.52915)];
        let vecs = vec![words; n + 1];
        let adj: Vec<Vec<u32>> = (0..=n as u32)
            .map(|i| (0..=n as u32).filter(|&j| j != i).collect())
            .collect();
        let mut labels = vec![0; n];
        labels.push(n);
        let story = Names::of(&vec![(100, 2.0), (101, 1.0)]);
        let absorbed = |lone: Names| {
            let mut names = vec![story.clone(); n];
            names.push(lone);
            absorb_undated(&vecs, &names, &labels, &adj, &config)[n] == 0
        };
        assert!(absorbed(Names::of(&vec![(100, 2.0), (300, 1.0)])));
        assert!(!absorbed(Names::of(&vec![(200, 2.0), (101, 1.0)])));
    }

    #[test]
    fn two_small_halves_of_a_story_join_only_when_each_names_the_others_key_names() {
        // Two stories of two articles each in the same words, neither larger than the other:
        // one story when both halves give the same place (100) twice, two when each gives its
        // own, even with a side name (101) in common.
        let config = GroupConfig::default();
        let words: SparseVec = vec![(1, 0.6), (2, 0.6), (3, 0.52915)];
        let vecs = vec![words; 4];
        let adj: Vec<Vec<u32>> = (0..4u32)
            .map(|i| (0..4u32).filter(|&j| j != i).collect())
            .collect();
        let labels = vec![0, 0, 2, 2];
        let joined = |first: Names, second: Names| {
            let names = vec![first.clone(), first, second.clone(), second];
            let out = absorb_undated(&vecs, &names, &labels, &adj, &config);
            out.iter().all(|&l| l == out[0])
        };
        let place = Names::of(&vec![(100, 2.0), (101, 1.0)]);
        assert!(joined(place.clone(), place.clone()));
        let elsewhere = Names::of(&vec![(200, 2.0), (101, 1.0)]);
        assert!(!joined(place, elsewhere));
    }

    /// [`absorb_fragments`] of articles without dates.
    fn absorb_undated(
        vecs: &[SparseVec],
        names: &[Names],
        labels: &[usize],
        adj: &[Vec<u32>],
        config: &GroupConfig,
    ) -> Vec<usize> {
        absorb_fragments(vecs, names, &vec![None; vecs.len()], labels, adj, config)
    }

    /// Each text's grouping features, as an article of its own.
    fn features_of<T: AsRef<str>>(texts: &[T], config: &GroupConfig) -> Vec<DocFeatures> {
        texts
            .iter()
            .map(|t| {
                let doc = GroupDoc {
                    id: "a",
                    title: None,
                    text: t.as_ref(),
                    published: None,
                };
                features::extract(&doc, config, &Featurizer)
            })
            .collect()
    }

    /// The topic view's terms of each text when the texts make one topic: the entries of its
    /// blended vector that are not in its collection-wide one.
    fn topic_view_terms(texts: &[&str]) -> Vec<usize> {
        let config = GroupConfig::default();
        let feats = features_of(texts, &config);
        let global: Vec<SparseVec> = feats
            .iter()
            .map(|f| features::embed(f, |_| 1.0, config.name_weight))
            .collect();
        let topics = BTreeMap::from([(0, (0..texts.len()).collect())]);
        let blended = blend(&feats, &global, &topics, &config);
        blended
            .iter()
            .zip(&global)
            .map(|(b, g)| {
                b.iter()
                    .filter(|(id, _)| !g.iter().any(|(gid, _)| gid == id))
                    .count()
            })
            .collect()
    }

    #[track_caller]
    fn check(texts: &[&str], expected: &[usize]) {
        assert_eq!(topic_view_terms(texts), expected, "{texts:?}");
    }

    #[test]
    fn a_term_of_one_article_counts_for_nothing_in_its_topics_view() {
        // "storm" is in all six (no weight in the topic's view); "floods", "harbour" and
        // "Halden" (a term and a name) in three, as are "breaks", "wharf" and "Oslo";
        // "sinking", "ferry", "killing" and "sailor" in one each, which links none of them.
        let texts = [
            "Storm floods harbour in Halden.",
            "Storm floods harbour in Halden, sinking a ferry.",
            "Storm floods harbour in Halden.",
            "Storm breaks wharf in Oslo.",
            "Storm breaks wharf in Oslo.",
            "Storm breaks wharf in Oslo, killing a sailor.",
        ];
        check(&texts, &[4, 4, 4, 4, 4, 4]);
        // Under six articles they keep their weight.
        check(&texts[..5], &[4, 6, 4, 4, 4]);
    }

    /// How many content terms and how many names and numbers of each text count in the
    /// collection-wide view of the texts as one batch.
    fn collection_view_parts(texts: &[&str]) -> Vec<(usize, usize)> {
        let config = GroupConfig::default();
        let feats = features_of(texts, &config);
        let df = document_frequencies(&feats, None);
        let idf_table = vector::IdfTable::collection(feats.len());
        let global = collection_vectors(&feats, &df, &idf_table, &config);
        feats
            .iter()
            .zip(&global)
            .map(|(f, v)| {
                let kept = |part: &SparseVec| {
                    part.iter()
                        .filter(|(id, _)| v.iter().any(|(k, w)| k == id && *w > 0.0))
                        .count()
                };
                (kept(&f.terms), kept(&f.names))
            })
            .collect()
    }

    #[test]
    fn a_word_of_one_article_counts_for_nothing_in_the_collections_view_but_a_name_does() {
        // Most words are in both. Only the first has "boat" and "sank", only the second "mayor"
        // and "Rolf Berge" (a name: the whole and each word; and two terms): the words go, the
        // names stay.
        let got = collection_view_parts(&[
            "Floods swamped the harbour at Halden, closing the ferry quay and the fish market; a boat sank.",
            "Floods swamped the harbour at Halden, closing the ferry quay and the fish market, mayor Rolf Berge said.",
        ]);
        assert_eq!(got, vec![(9, 1), (9, 4)]);
    }

    #[test]
    fn an_article_sharing_few_of_its_words_keeps_its_own() {
        // One word in common ("police"): the rest of each article is its own, so nothing is
        // dropped; dropping would leave each vector one ordinary word, the same for all three.
        let got = collection_view_parts(&[
            "Police said a driver died when his car hit a tree on the coast road near Alder Bay.",
            "Police arrested two men after a jewellery shop in the old town of Verdun was robbed.",
            "Police will guard the closed library on Elm Street at night, the council decided.",
        ]);
        assert!(got.iter().all(|&(terms, _)| terms > 3), "{got:?}");
    }

    #[test]
    fn only_a_topic_of_three_articles_or_more_is_seen_through_its_own_frequencies() {
        let config = GroupConfig::default();
        let texts: Vec<String> = (0..2 * MIN_TOPIC_VIEW)
            .map(|i| format!("Crews cleared snow from road {i} near Halden after the storm."))
            .collect();
        let feats = features_of(&texts, &config);
        let global: Vec<SparseVec> = feats
            .iter()
            .map(|f| features::embed(f, |_| 1.0, config.name_weight))
            .collect();
        let small: Vec<usize> = (0..MIN_TOPIC_VIEW - 1).collect();
        let large: Vec<usize> = (MIN_TOPIC_VIEW - 1..2 * MIN_TOPIC_VIEW).collect();
        let topics = BTreeMap::from([(0, small.clone()), (small.len(), large.clone())]);
        let blended = blend(&feats, &global, &topics, &config);
        assert!(small.iter().all(|&i| blended[i] == global[i]));
        assert!(large.iter().all(|&i| blended[i] != global[i]));
    }
}
