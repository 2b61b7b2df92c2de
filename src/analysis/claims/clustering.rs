//! Units visited in date order join the cluster they resemble (candidates from an inverted index), then lone units
//! join a cluster whose whole core they state.

use super::*;

pub(super) struct Building {
    members: Vec<usize>,
    /// The articles of `members` and the member of each (no scan of large clusters per candidate).
    by_article: FxHashMap<usize, usize>,
}

/// Per-cluster sums of the feature weight one unit shares with each cluster: dense by cluster id, with the ids
/// touched, so finding a unit's candidates costs what its postings hold and no hashing.
#[derive(Default)]
pub(super) struct Accumulator {
    sums: Vec<f32>,
    seen: Vec<bool>,
    touched: Vec<u32>,
}

/// The clusters sharing the most feature weight with unit `u`, from the inverted index (no all-pairs comparison).
pub(super) fn candidate_clusters(
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
                FeatureKind::Shingle => matcher.params.shingle_candidate_weight,
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

/// The features every member of a cluster states (its signature), when they make a telling core: enough
/// content stems or dates ([`ClaimParams::min_core_stems`]) and [`ClaimParams::min_core_weight`] of weight.
pub(super) fn cluster_core(
    units: &[UnitData],
    matcher: &Matcher,
    members: &[usize],
) -> Option<Vec<(u64, FeatureKind)>> {
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
    (content >= matcher.params.min_core_stems && weight >= matcher.params.min_core_weight).then_some(core)
}

/// Second pass: a unit left alone joins a cluster of ≥ 2 articles when it states the cluster's whole core and
/// resembles its members at least loosely. Cores are fixed before the pass, so joining never drifts (no chaining).
pub(super) fn join_by_core(
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
pub(super) fn visiting_order(articles: &[Article], units: &[UnitData]) -> Vec<usize> {
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
                for (pos, unit) in claim_units_with(article, &params.units).into_iter().enumerate() {
                    let (data, unit_priors) =
                        unit_data(ai, article, pos, unit, &mentions[ai], entities, &params.features);
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
                if score.verbatim || score.similarity >= params.repetition_similarity {
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
pub(super) fn first_position(position: &FxHashMap<&str, usize>, c: &ClaimCluster) -> (usize, usize) {
    let m = &c.members[0];
    (position.get(m.article.as_str()).copied().unwrap_or(usize::MAX), m.start)
}
