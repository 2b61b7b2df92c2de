//! Repeated claims: the same statement across articles, verbatim or paraphrased, clustered, with differences flagged;
//! and the alignment of claim units across a chosen sequence of articles for the side-by-side view.
//!
//! Pipeline: [`claim_units`] cuts each article's body into sentences and clauses → every unit becomes weighted
//! features (content stems under a synonym table, linked entities, numbers, dates, near pairs of those, token
//! shingles) → units are visited in date order and each joins the claim cluster whose members it resembles on
//! average (candidates come from an inverted index over the clusters' features, never from all pairs), or opens a new
//! one → clusters over ≥ 2 articles are reported with the spans a Smith–Waterman alignment finds shared, and the
//! numbers, dates and entities on which members disagree.

mod align;
mod features;
mod local_align;
pub mod text;
mod units;

pub use align::align_units;
pub use features::FeatureKind;
pub use local_align::{LocalAlignment, SharedRun, align_tokens};
pub use units::{ClaimUnit, claim_units};

use super::model::{
    Alignment, ClaimCluster, ClaimKind, ClaimMember, Difference, Entity, EntityKind, Report, SharedSpan,
};
use crate::corpus::Article;
use crate::progress::Progress;
use features::{UnitData, mention_indices, unit_data};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// The tunable numbers of claim matching, with the defaults calibrated for precision on news text.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimParams {
    /// Weighted-cosine similarity from which two units are taken to state the same thing.
    pub min_similarity: f32,
    /// Added to `min_similarity` per tenfold of claim units beyond [`SCALE_FREE_UNITS`]: every unit is matched against
    /// its best candidates among all the others, and the best of many chance resemblances grows with their number.
    pub similarity_per_decade: f32,
    /// Shared content stems (or one stem less and a near pair) two units need at least, whatever the score, when
    /// they also share a linked entity, a number or a date …
    pub min_shared_stems: usize,
    /// … and when they share none of those.
    pub min_shared_stems_unanchored: usize,
    /// A verbatim pair: the local alignment covers this share of the shorter unit …
    pub verbatim_coverage: f32,
    /// … and at least this many tokens.
    pub verbatim_min_tokens: usize,
    /// A unit's feature mass counts as at least this much, so that a heading of three common words does not match
    /// every sentence that contains them.
    pub min_mass: f32,
    /// A cluster's core (the features all its members state) must weigh this much to let loose matches join.
    pub min_core_weight: f32,
    /// Similarity to every sampled member a unit needs to join a cluster by its core.
    pub min_join_similarity: f32,
    /// Index postings longer than this (features shared by too many clusters) do not propose candidates.
    pub max_postings: usize,
    /// Candidate clusters scored per unit.
    pub candidates: usize,
    /// Members of a candidate cluster a unit is compared with (the earliest ones).
    pub sample_members: usize,
    /// Weight of a shared linked entity or number relative to a shared content stem of the same rarity.
    pub entity_factor: f32,
    /// Share of a shared near pair's weight added to the shared mass: the same rare words close together again.
    pub pair_share: f32,
    /// Factor on the shared weight of two units that name people, none of them the same.
    pub person_conflict: f32,
}

impl Default for ClaimParams {
    fn default() -> Self {
        Self {
            min_similarity: 0.30,
            similarity_per_decade: 0.03,
            min_shared_stems: 2,
            min_shared_stems_unanchored: 3,
            min_mass: 35.0,
            min_core_weight: 10.0,
            min_join_similarity: 0.15,
            verbatim_coverage: 0.6,
            verbatim_min_tokens: 6,
            max_postings: 32,
            candidates: 4,
            sample_members: 4,
            entity_factor: 0.7,
            pair_share: 0.5,
            person_conflict: 0.6,
        }
    }
}

/// Up to this many claim units (a few dozen articles) the similarity threshold is `min_similarity` itself.
pub const SCALE_FREE_UNITS: f32 = 100.0;

/// The similarity threshold for a corpus of `units` claim units (see [`ClaimParams::similarity_per_decade`]).
fn scaled_threshold(units: usize, params: &ClaimParams) -> f32 {
    let decades = (units as f32 / SCALE_FREE_UNITS).max(1.0).log10();
    params.min_similarity + params.similarity_per_decade * decades
}

/// How two units relate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairScore {
    /// 0..=1.
    pub similarity: f32,
    /// Passes the thresholds of [`ClaimParams`].
    pub matches: bool,
    /// Wire copy: the local alignment covers most of the shorter unit.
    pub verbatim: bool,
}

/// A unit that restates an earlier unit of the same article (a lead restated in the body): recognised, never a
/// cross-article claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repetition {
    pub article: String,
    /// The earlier unit.
    pub first: (usize, usize),
    /// The unit that repeats it.
    pub repeat: (usize, usize),
}

/// Everything claim detection finds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimAnalysis {
    pub clusters: Vec<ClaimCluster>,
    pub repetitions: Vec<Repetition>,
}

/// Claim clusters across ≥ 2 articles, most widely shared first. Ids are stable for the same input.
pub fn find_claims(articles: &[Article], entities: &[Entity], progress: &Progress) -> Vec<ClaimCluster> {
    analyze_claims(articles, entities, &ClaimParams::default(), progress).clusters
}

/// Rows lining up the claim units of `article_ids` (in that order) so that members of one cluster share a row.
pub fn align(report: &Report, article_ids: &[String]) -> Alignment {
    align_units(report, article_ids)
}

struct Matcher<'a> {
    units: &'a [UnitData],
    idf: FxHashMap<u64, f32>,
    /// The IDF of each unit's features, in the order of its `features` (no map lookup in the hot loops).
    feature_idf: Vec<Vec<f32>>,
    /// Total feature weight of each unit.
    mass: Vec<f32>,
    /// The similarity from which two units state the same thing, for a corpus of this many units.
    threshold: f32,
    params: &'a ClaimParams,
}

/// Weight of a feature kind in the similarity; near pairs and shingles only add evidence, they are not in a unit's
/// mass (a long unit would otherwise be diluted by the square of its length).
fn kind_factor(kind: FeatureKind, params: &ClaimParams) -> f32 {
    match kind {
        FeatureKind::Stem | FeatureKind::Date => 1.0,
        FeatureKind::Entity | FeatureKind::Number => params.entity_factor,
        FeatureKind::Pair | FeatureKind::Shingle => 0.0,
    }
}

impl<'a> Matcher<'a> {
    fn new(units: &'a [UnitData], priors: &FxHashMap<u64, f32>, params: &'a ClaimParams) -> Self {
        let df: FxHashMap<u64, u32> = units
            .par_iter()
            .fold(FxHashMap::default, |mut df: FxHashMap<u64, u32>, u| {
                for &(f, kind) in &u.features {
                    if kind != FeatureKind::Shingle {
                        *df.entry(f).or_default() += 1;
                    }
                }
                df
            })
            .reduce(FxHashMap::default, |a, b| {
                let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
                for (k, v) in small {
                    *big.entry(k).or_default() += v;
                }
                big
            });
        let n = units.len().max(1) as f32;
        // Squared IDF: what makes two statements the same is their rare words, not the topic's common ones.
        let idf: FxHashMap<u64, f32> = df
            .into_iter()
            .map(|(f, d)| {
                (
                    f,
                    (1.0 + n / d as f32).ln().powi(2) * priors.get(&f).copied().unwrap_or(1.0),
                )
            })
            .collect();
        // A near pair is rare by combinatorics alone once the corpus is large (two common words rarely stand together
        // by chance), so its own IDF would outweigh the words it joins: it weighs at most what a telling word does.
        let pair_cap = {
            let mut stem_idf: Vec<f32> = units
                .par_iter()
                .flat_map_iter(|u| {
                    u.features
                        .iter()
                        .filter(|(_, k)| *k == FeatureKind::Stem)
                        .map(|(f, _)| idf.get(f).copied().unwrap_or(0.0))
                })
                .collect();
            let k = stem_idf.len() * 9 / 10;
            if k < stem_idf.len() {
                *stem_idf.select_nth_unstable_by(k, f32::total_cmp).1
            } else {
                f32::INFINITY
            }
        };
        let feature_idf: Vec<Vec<f32>> = units
            .par_iter()
            .map(|u| {
                u.features
                    .iter()
                    .map(|(f, kind)| {
                        let w = idf.get(f).copied().unwrap_or(0.0);
                        if *kind == FeatureKind::Pair { w.min(pair_cap) } else { w }
                    })
                    .collect()
            })
            .collect();
        let mass = units
            .par_iter()
            .zip(&feature_idf)
            .map(|(u, idf)| {
                u.features
                    .iter()
                    .zip(idf)
                    .map(|(&(_, k), w)| w * kind_factor(k, params))
                    .sum::<f32>()
            })
            .collect();
        Self {
            units,
            idf,
            feature_idf,
            mass,
            threshold: scaled_threshold(units.len(), params),
            params,
        }
    }

    fn weight(&self, f: u64, kind: FeatureKind) -> f32 {
        self.idf.get(&f).copied().unwrap_or(0.0) * kind_factor(kind, self.params)
    }

    /// The similarity of units `a` and `b` (indices into `units`).
    fn score(&self, a: usize, b: usize) -> PairScore {
        self.score_with(a, b, true)
    }

    /// As [`Self::score`], but skips the local alignment when the paraphrase score alone already matches (the
    /// verbatim flag may then be false): what clustering needs, at a fraction of the cost.
    fn quick_score(&self, a: usize, b: usize) -> PairScore {
        self.score_with(a, b, false)
    }

    fn score_with(&self, a: usize, b: usize, need_verbatim: bool) -> PairScore {
        let (ua, ub) = (&self.units[a], &self.units[b]);
        let (fa, fb) = (&ua.features, &ub.features);
        let idf_a = &self.feature_idf[a];
        let (mut i, mut j) = (0, 0);
        let mut shared = 0.0f32;
        let mut stems = 0usize;
        let mut pairs = 0usize;
        let mut shingles = 0usize;
        let mut anchors = 0usize;
        while i < fa.len() && j < fb.len() {
            match fa[i].0.cmp(&fb[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let kind = fa[i].1;
                    shared += if kind == FeatureKind::Pair {
                        self.params.pair_share * idf_a[i]
                    } else {
                        idf_a[i] * kind_factor(kind, self.params)
                    };
                    match kind {
                        FeatureKind::Stem => stems += 1,
                        FeatureKind::Date => {
                            stems += 1;
                            anchors += 1;
                        }
                        FeatureKind::Pair => pairs += 1,
                        FeatureKind::Shingle => shingles += 1,
                        FeatureKind::Entity | FeatureKind::Number => anchors += 1,
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        // Statements by wholly different named people are different statements, however alike their wording.
        if !ua.people.is_empty() && !ub.people.is_empty() && !ua.people.iter().any(|p| ub.people.contains(p)) {
            shared *= self.params.person_conflict;
        }
        let floor = self.params.min_mass;
        let denom = (self.mass[a].max(floor) * self.mass[b].max(floor)).sqrt();
        let cosine = if denom > 0.0 { (shared / denom).min(1.0) } else { 0.0 };
        let p = self.params;
        // Without a shared name, number or date, wording alone must carry the match: one more content word.
        let needed = if anchors > 0 {
            p.min_shared_stems
        } else {
            p.min_shared_stems_unanchored
        };
        // … and some of it in the same close order (two of the words near each other in both): a bag of the topic's
        // words shared by chance is not a restatement.
        let enough = if anchors > 0 {
            stems >= needed || (stems + 1 >= needed && pairs >= 1)
        } else {
            stems >= needed && pairs >= 2
        };
        let mut similarity = cosine;
        let mut verbatim = false;
        let paraphrase = enough && cosine >= self.threshold;
        if shingles >= 2 && (need_verbatim || !paraphrase) {
            let al = align_tokens(&ua.token_hashes, &ub.token_hashes, 3, 6, 2);
            let shorter = ua.token_hashes.len().min(ub.token_hashes.len()).max(1);
            let coverage = al.matched as f32 / shorter as f32;
            if al.matched >= p.verbatim_min_tokens && coverage >= p.verbatim_coverage {
                verbatim = true;
                similarity = similarity.max(coverage);
            }
        }
        PairScore {
            similarity,
            matches: verbatim || paraphrase,
            verbatim,
        }
    }
}

/// Similarity from which a unit counts as restating an earlier unit of its own article.
const REPETITION_SIMILARITY: f32 = 0.5;

struct Building {
    members: Vec<usize>,
    /// The articles of `members` and the member of each (no scan of large clusters per candidate).
    by_article: FxHashMap<usize, usize>,
}

/// Per-cluster sums of the feature weight one unit shares with each cluster: dense by cluster id, with the ids
/// touched, so finding a unit's candidates costs what its postings hold and no hashing.
#[derive(Default)]
struct Accumulator {
    sums: Vec<f32>,
    seen: Vec<bool>,
    touched: Vec<u32>,
}

/// The clusters sharing the most feature weight with unit `u`, from the inverted index (no all-pairs comparison).
fn candidate_clusters(
    u: usize,
    postings: &FxHashMap<u64, Vec<u32>>,
    matcher: &Matcher,
    acc: &mut Accumulator,
) -> Vec<(u32, f32)> {
    let unit = &matcher.units[u];
    for &c in &acc.touched {
        acc.sums[c as usize] = 0.0;
        acc.seen[c as usize] = false;
    }
    acc.touched.clear();
    // Stems, dates, names and numbers propose candidates, weighted as in the score (names matter: two units that
    // share little wording but the same rare people are worth comparing); a shingle counts one.
    for (&(f, kind), &idf) in unit.features.iter().zip(&matcher.feature_idf[u]) {
        if let Some(list) = postings.get(&f)
            && list.len() <= matcher.params.max_postings
        {
            let w = match kind {
                FeatureKind::Shingle => 1.0,
                // Near pairs only sharpen the score: as candidates they propose every text that happens to put two
                // common words close together (random filler in the benchmark's corpora).
                FeatureKind::Pair => 0.0,
                _ => idf * kind_factor(kind, matcher.params),
            };
            for &c in list {
                let i = c as usize;
                if i >= acc.sums.len() {
                    acc.sums.resize(i + 1, 0.0);
                    acc.seen.resize(i + 1, false);
                }
                if !acc.seen[i] {
                    acc.seen[i] = true;
                    acc.touched.push(c);
                }
                acc.sums[i] += w;
            }
        }
    }
    let mut candidates: Vec<(u32, f32)> = acc.touched.iter().map(|&c| (c, acc.sums[c as usize])).collect();
    let by_weight = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    let keep = matcher.params.candidates;
    if candidates.len() > keep && keep > 0 {
        candidates.select_nth_unstable_by(keep - 1, by_weight);
    }
    candidates.truncate(keep);
    candidates.sort_by(by_weight);
    candidates
}

/// The features every member of a cluster states (its signature), when they make a telling core: at least two
/// content stems or dates and [`ClaimParams::min_core_weight`] of weight.
fn cluster_core(units: &[UnitData], matcher: &Matcher, members: &[usize]) -> Option<Vec<(u64, FeatureKind)>> {
    let first = &units[*members.first()?];
    let core: Vec<(u64, FeatureKind)> = first
        .features
        .iter()
        .filter(|(_, k)| matches!(k, FeatureKind::Stem | FeatureKind::Date | FeatureKind::Entity))
        .filter(|(f, _)| {
            members[1..]
                .iter()
                .all(|&m| units[m].features.binary_search_by_key(f, |x| x.0).is_ok())
        })
        .copied()
        .collect();
    let content = core.iter().filter(|(_, k)| *k != FeatureKind::Entity).count();
    let weight: f32 = core.iter().map(|&(f, k)| matcher.weight(f, k)).sum();
    (content >= 2 && weight >= matcher.params.min_core_weight).then_some(core)
}

/// Second pass: a unit left alone joins a cluster of ≥ 2 articles when it states the cluster's whole core and
/// resembles its members at least loosely. Cores are fixed before the pass, so joining never drifts (no chaining).
fn join_by_core(
    units: &[UnitData],
    matcher: &Matcher,
    clusters: &mut [Building],
    postings: &FxHashMap<u64, Vec<u32>>,
    accumulated: &mut Accumulator,
    order: &[usize],
    cluster_of: &mut [usize],
) {
    let cores: Vec<Option<Vec<(u64, FeatureKind)>>> = clusters
        .iter()
        .map(|c| {
            if c.members.len() >= 2 {
                cluster_core(units, matcher, &c.members)
            } else {
                None
            }
        })
        .collect();
    let params = matcher.params;
    for &u in order {
        let unit = &units[u];
        if clusters[cluster_of[u]].members.len() != 1 {
            continue;
        }
        let mut best: Option<(usize, f32)> = None;
        for (c, _) in candidate_clusters(u, postings, matcher, accumulated) {
            let c = c as usize;
            let Some(core) = &cores[c] else {
                continue;
            };
            let cluster = &clusters[c];
            if cluster.by_article.contains_key(&unit.article) {
                continue;
            }
            if !core
                .iter()
                .all(|(f, _)| unit.features.binary_search_by_key(f, |x| x.0).is_ok())
            {
                continue;
            }
            let sample = &cluster.members[..cluster.members.len().min(params.sample_members)];
            let sims: Vec<f32> = sample.iter().map(|&m| matcher.quick_score(m, u).similarity).collect();
            let mean = sims.iter().sum::<f32>() / sims.len() as f32;
            if sims.iter().all(|&s| s >= params.min_join_similarity) && best.is_none_or(|b| mean > b.1) {
                best = Some((c, mean));
            }
        }
        if let Some((c, _)) = best {
            clusters[cluster_of[u]].members.clear();
            clusters[cluster_of[u]].by_article.clear();
            clusters[c].members.push(u);
            clusters[c].by_article.insert(unit.article, u);
            cluster_of[u] = c;
        }
    }
}

/// Units in the order sources are credited: article date (undated last), article order, position.
fn visiting_order(articles: &[Article], units: &[UnitData]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by(|&x, &y| {
        let (ux, uy) = (&units[x], &units[y]);
        let key = |u: &UnitData| {
            let date = articles[u.article].date.as_deref();
            (date.is_none(), date.unwrap_or(""), u.article, u.position)
        };
        key(ux).cmp(&key(uy))
    });
    order
}

/// Claim detection with explicit parameters; also returns the intra-article repetitions it recognised.
pub fn analyze_claims(
    articles: &[Article],
    entities: &[Entity],
    params: &ClaimParams,
    progress: &Progress,
) -> ClaimAnalysis {
    let mentions = mention_indices(articles, entities);
    // Units in article order; the priors of their features gathered once (a copy per unit would be most of the
    // memory on a large corpus).
    let (units, priors): (Vec<UnitData>, FxHashMap<u64, f32>) = articles
        .par_iter()
        .enumerate()
        .fold(
            || (Vec::new(), FxHashMap::default()),
            |(mut units, mut priors): (Vec<UnitData>, FxHashMap<u64, f32>), (ai, article)| {
                for (pos, unit) in claim_units(article).into_iter().enumerate() {
                    let (data, unit_priors) = unit_data(ai, article, pos, unit, &mentions[ai], entities);
                    priors.extend(unit_priors);
                    units.push(data);
                }
                progress.advance(1);
                (units, priors)
            },
        )
        .reduce(
            || (Vec::new(), FxHashMap::default()),
            |(mut units, mut priors), (more_units, more_priors)| {
                units.extend(more_units);
                priors.extend(more_priors);
                (units, priors)
            },
        );
    if progress.is_cancelled() {
        return ClaimAnalysis::default();
    }
    let matcher = Matcher::new(&units, &priors, params);
    drop(priors);

    let mut clusters: Vec<Building> = Vec::new();
    let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    let mut repetitions = Vec::new();
    let mut accumulated = Accumulator::default();
    let order = visiting_order(articles, &units);
    let mut cluster_of = vec![0usize; units.len()];
    for &u in &order {
        let unit = &units[u];
        let candidates = candidate_clusters(u, &postings, &matcher, &mut accumulated);

        let mut best: Option<(u32, f32)> = None;
        for &(c, _) in &candidates {
            let cluster = &clusters[c as usize];
            if let Some(&same) = cluster.by_article.get(&unit.article) {
                let score = matcher.score(same, u);
                if score.verbatim || score.similarity >= REPETITION_SIMILARITY {
                    let (first, repeat) = (&units[same].unit, &unit.unit);
                    repetitions.push(Repetition {
                        article: articles[unit.article].id.clone(),
                        first: (first.start, first.end),
                        repeat: (repeat.start, repeat.end),
                    });
                }
                continue;
            }
            let sample = &cluster.members[..cluster.members.len().min(params.sample_members)];
            let scores: Vec<PairScore> = sample.iter().map(|&m| matcher.quick_score(m, u)).collect();
            let good = scores.iter().filter(|s| s.matches).count();
            let mean = scores.iter().map(|s| s.similarity).sum::<f32>() / scores.len() as f32;
            if good * 2 >= scores.len() && good > 0 && mean >= matcher.threshold && best.is_none_or(|b| mean > b.1) {
                best = Some((c, mean));
            }
        }
        let cid = match best {
            Some((c, _)) => {
                clusters[c as usize].members.push(u);
                clusters[c as usize].by_article.insert(unit.article, u);
                c
            }
            None => {
                clusters.push(Building {
                    members: vec![u],
                    by_article: FxHashMap::from_iter([(unit.article, u)]),
                });
                (clusters.len() - 1) as u32
            }
        };
        cluster_of[u] = cid as usize;
        for &(f, _) in &unit.features {
            let list = postings.entry(f).or_default();
            if list.last() != Some(&cid) && list.len() <= params.max_postings {
                list.push(cid);
            }
        }
    }

    join_by_core(
        &units,
        &matcher,
        &mut clusters,
        &postings,
        &mut accumulated,
        &order,
        &mut cluster_of,
    );

    let mut built: Vec<ClaimCluster> = clusters
        .par_iter()
        .filter(|c| c.members.len() >= 2)
        .map(|c| finish_cluster(articles, entities, &units, &matcher, &c.members))
        .collect();
    // Ties are broken by corpus position, looked up once per article (not by scanning the articles per comparison).
    let position: FxHashMap<&str, usize> = articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    built.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(b.score.total_cmp(&a.score))
            .then_with(|| first_position(&position, a).cmp(&first_position(&position, b)))
    });
    for (i, c) in built.iter_mut().enumerate() {
        c.id = format!("c{}", i + 1);
    }
    ClaimAnalysis {
        clusters: built,
        repetitions,
    }
}

/// Where a cluster's first member stands in the corpus: (article position, byte offset).
fn first_position(position: &FxHashMap<&str, usize>, c: &ClaimCluster) -> (usize, usize) {
    let m = &c.members[0];
    (position.get(m.article.as_str()).copied().unwrap_or(usize::MAX), m.start)
}

/// Members compared all against all up to this size, against the first member beyond it.
const FULL_COHESION_MEMBERS: usize = 16;

fn finish_cluster(
    articles: &[Article],
    entities: &[Entity],
    units: &[UnitData],
    matcher: &Matcher,
    members: &[usize],
) -> ClaimCluster {
    let mut members = members.to_vec();
    members.sort_by(|&x, &y| {
        let (ux, uy) = (&units[x], &units[y]);
        let date = |u: &UnitData| {
            let d = articles[u.article].date.as_deref();
            (d.is_none(), d.unwrap_or(""))
        };
        date(ux)
            .cmp(&date(uy))
            .then(ux.article.cmp(&uy.article))
            .then(ux.unit.start.cmp(&uy.unit.start))
    });
    let mut pair_scores = Vec::new();
    if members.len() <= FULL_COHESION_MEMBERS {
        for i in 0..members.len() {
            for j in i + 1..members.len() {
                pair_scores.push(matcher.score(members[i], members[j]));
            }
        }
    } else {
        for &m in &members[1..] {
            pair_scores.push(matcher.score(members[0], m));
        }
    }
    let score = pair_scores.iter().map(|s| s.similarity).sum::<f32>() / pair_scores.len().max(1) as f32;
    let kind = if pair_scores.iter().all(|s| s.verbatim) {
        ClaimKind::Verbatim
    } else {
        ClaimKind::Paraphrase
    };

    let out_members: Vec<ClaimMember> = members
        .iter()
        .map(|&m| {
            let u = &units[m];
            let article = &articles[u.article];
            ClaimMember {
                article: article.id.clone(),
                sentence: u.unit.sentence,
                start: u.unit.start,
                end: u.unit.end,
                text: article.slice(u.unit.start, u.unit.end).to_string(),
            }
        })
        .collect();

    ClaimCluster {
        id: String::new(),
        kind,
        score: (score * 1000.0).round() / 1000.0,
        shared: shared_spans(articles, units, &members),
        differences: differences(articles, entities, units, &members),
        members: out_members,
    }
}

/// Spans exactly shared between the first member and each other one (both sides), merged per member.
fn shared_spans(articles: &[Article], units: &[UnitData], members: &[usize]) -> Vec<SharedSpan> {
    let mut ranges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); members.len()];
    let first = &units[members[0]];
    for (k, &m) in members.iter().enumerate().skip(1) {
        let other = &units[m];
        let al = align_tokens(&first.token_hashes, &other.token_hashes, 3, 4, 2);
        for run in al.runs {
            ranges[0].push((
                first.token_spans[run.a_start].0,
                first.token_spans[run.a_start + run.len - 1].1,
            ));
            ranges[k].push((
                other.token_spans[run.b_start].0,
                other.token_spans[run.b_start + run.len - 1].1,
            ));
        }
    }
    let mut out = Vec::new();
    for (k, list) in ranges.iter_mut().enumerate() {
        list.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for &(s, e) in list.iter() {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        let article = &articles[units[members[k]].article];
        for (s, e) in merged {
            out.push(SharedSpan {
                member: k,
                start: s,
                end: e,
                text: article.slice(s, e).to_string(),
            });
        }
    }
    out
}

/// Numbers, quantities, dates and named entities stated by several members with values that conflict.
fn differences(articles: &[Article], entities: &[Entity], units: &[UnitData], members: &[usize]) -> Vec<Difference> {
    let mut out = Vec::new();
    for what in ["date", "number", "quantity"] {
        let stated: Vec<(usize, Vec<&str>)> = members
            .iter()
            .map(|&m| {
                let values: Vec<&str> = units[m]
                    .facts
                    .iter()
                    .filter(|f| f.what == what)
                    .map(|f| f.value.as_str())
                    .collect();
                (m, values)
            })
            .filter(|(_, v)| !v.is_empty())
            .collect();
        push_conflict(&mut out, articles, units, what, &stated);
    }
    let entity_kinds = {
        let mut k: Vec<_> = members
            .iter()
            .flat_map(|&m| units[m].facts.iter().filter_map(|f| f.entity_kind))
            // Who is quoted can conflict anywhere in the unit; places and organisations only in the same slot (below).
            .filter(|k| *k == EntityKind::Person)
            .collect();
        k.sort();
        k.dedup();
        k
    };
    for kind in entity_kinds {
        let stated: Vec<(usize, Vec<&str>)> = members
            .iter()
            .map(|&m| {
                let values: Vec<&str> = units[m]
                    .facts
                    .iter()
                    .filter(|f| f.entity_kind == Some(kind))
                    .map(|f| f.value.as_str())
                    .collect();
                (m, values)
            })
            .filter(|(_, v)| !v.is_empty())
            .collect();
        // Entities conflict only when two members name disjoint ones of the same kind (an omission is no conflict).
        let disjoint = stated
            .iter()
            .enumerate()
            .any(|(i, (_, a))| stated[i + 1..].iter().any(|(_, b)| a.iter().all(|x| !b.contains(x))));
        if disjoint {
            push_conflict(&mut out, articles, units, "entity", &stated);
        }
    }
    for kind in [EntityKind::Place, EntityKind::Org] {
        let stated = slot_conflicts(entities, units, members, kind);
        push_conflict(&mut out, articles, units, "entity", &stated);
    }
    out
}

/// Tokens a gap between two shared runs may hold and still be one slot (a name and its article or title).
const SLOT_TOKENS: usize = 4;

/// Places or organisations of `kind` that members name in the same slot of a shared wording — between the same two
/// runs the local alignment finds — with different entities: «وصل شويغو إلى طهران لإجراء محادثات» against
/// «وصل شويجو إلى بغداد لإجراء محادثات». Places named elsewhere in a unit are context, not a conflict. Returns each
/// member's value when some member disagrees with the first (empty otherwise).
fn slot_conflicts<'e>(
    entities: &'e [Entity],
    units: &[UnitData],
    members: &[usize],
    kind: EntityKind,
) -> Vec<(usize, Vec<&'e str>)> {
    let first = &units[members[0]];
    let of_kind = |u: &UnitData, from: usize, to: usize| -> Vec<usize> {
        let mut ids: Vec<usize> = u.token_entities[from..to]
            .iter()
            .flatten()
            .copied()
            .filter(|&e| entities.get(e).is_some_and(|x| x.kind == kind))
            .collect();
        ids.dedup();
        ids
    };
    let label = |ids: &[usize]| -> Vec<&'e str> { ids.iter().map(|&e| entities[e].label.as_str()).collect() };
    let mut first_values: Vec<usize> = Vec::new();
    let mut others: Vec<(usize, Vec<&'e str>)> = Vec::new();
    for &m in &members[1..] {
        let other = &units[m];
        let al = align_tokens(&first.token_hashes, &other.token_hashes, 3, 4, 2);
        let mut runs = al.runs;
        runs.sort_by_key(|r| r.a_start);
        for pair in runs.windows(2) {
            let (r1, r2) = (&pair[0], &pair[1]);
            let (a_from, a_to) = (r1.a_start + r1.len, r2.a_start);
            let (b_from, b_to) = (r1.b_start + r1.len, r2.b_start);
            if a_from >= a_to || b_from >= b_to || a_to - a_from > SLOT_TOKENS || b_to - b_from > SLOT_TOKENS {
                continue;
            }
            let (ea, eb) = (of_kind(first, a_from, a_to), of_kind(other, b_from, b_to));
            if !ea.is_empty() && !eb.is_empty() && ea.iter().all(|e| !eb.contains(e)) {
                for e in ea {
                    if !first_values.contains(&e) {
                        first_values.push(e);
                    }
                }
                match others.last_mut() {
                    Some((last, values)) if *last == m => values.extend(label(&eb)),
                    _ => others.push((m, label(&eb))),
                }
            }
        }
    }
    if others.is_empty() {
        return Vec::new();
    }
    let mut stated = vec![(members[0], label(&first_values))];
    stated.extend(others);
    stated
}

fn push_conflict(
    out: &mut Vec<Difference>,
    articles: &[Article],
    units: &[UnitData],
    what: &str,
    stated: &[(usize, Vec<&str>)],
) {
    if stated.len() < 2 {
        return;
    }
    let joined: Vec<String> = stated.iter().map(|(_, v)| v.join(", ")).collect();
    if joined.iter().all(|v| v == &joined[0]) {
        return;
    }
    let values: BTreeMap<String, String> = stated
        .iter()
        .zip(joined)
        .map(|((m, _), v)| (articles[units[*m].article].id.clone(), v))
        .collect();
    out.push(Difference {
        what: what.to_string(),
        values,
    });
}

/// Two units of different articles and how they compare (see [`scored_pairs`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredPair {
    pub a: (String, usize, usize),
    pub b: (String, usize, usize),
    pub score: PairScore,
}

/// Every cross-article unit pair with a similarity of at least `floor`, best first. Compares all pairs: for
/// inspecting and calibrating on small corpora only, never part of [`find_claims`].
pub fn scored_pairs(articles: &[Article], entities: &[Entity], params: &ClaimParams, floor: f32) -> Vec<ScoredPair> {
    let mentions = mention_indices(articles, entities);
    let mut units = Vec::new();
    let mut priors = FxHashMap::default();
    for (ai, article) in articles.iter().enumerate() {
        for (pos, unit) in claim_units(article).into_iter().enumerate() {
            let (data, unit_priors) = unit_data(ai, article, pos, unit, &mentions[ai], entities);
            priors.extend(unit_priors);
            units.push(data);
        }
    }
    let matcher = Matcher::new(&units, &priors, params);
    let key = |u: &UnitData| (articles[u.article].id.clone(), u.unit.start, u.unit.end);
    let mut out = Vec::new();
    for x in 0..units.len() {
        for y in x + 1..units.len() {
            if units[x].article == units[y].article {
                continue;
            }
            let score = matcher.score(x, y);
            if score.similarity >= floor {
                out.push(ScoredPair {
                    a: key(&units[x]),
                    b: key(&units[y]),
                    score,
                });
            }
        }
    }
    out.sort_by(|p, q| q.score.similarity.total_cmp(&p.score.similarity));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threshold_rises_with_the_number_of_comparisons() {
        let p = ClaimParams::default();
        assert_eq!(scaled_threshold(0, &p), p.min_similarity);
        assert_eq!(scaled_threshold(90, &p), p.min_similarity);
        let big = scaled_threshold(100_000, &p);
        assert!(
            (big - (p.min_similarity + 3.0 * p.similarity_per_decade)).abs() < 1e-5,
            "{big}"
        );
        assert!(scaled_threshold(10_000, &p) < big);
    }
}
