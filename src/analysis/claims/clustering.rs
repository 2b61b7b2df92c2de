//! Order-independent clustering. Each unit proposes its few best candidates from an inverted index over units (rare
//! stems, names, numbers, dates and verbatim shingles; never all pairs); the pairs that match become edges; edges are
//! merged strongest first, so no file or date order matters:
//! - a cluster holds at most one unit per outlet: the unit an outlet states a claim with most plainly wins, its
//!   weaker units stay out, and two units of one outlet are a repetition ("repeated by this outlet"), never a claim;
//! - two clusters merge only when each side's joining unit resembles the other cluster's centre (its best-connected
//!   member) and most pairs between their first members match (a bounded average link): a unit that resembles one
//!   member only does not chain a different statement in.

use super::*;

/// What joined two units of one outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RepetitionKind {
    /// A unit restating an earlier unit of its own article (a lead restated in the body).
    SameArticle,
    /// An outlet repeating itself across its own articles (its boilerplate, or its own earlier report).
    SameOutlet,
}

/// The outlet of each article: the corpus layer's outlet key (the URL's domain, a domain in the file or folder name,
/// else the stated source, case and spacing folded), else the article alone.
pub(super) fn outlet_ids(articles: &[Article]) -> Vec<u32> {
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let source = a
                .source
                .as_deref()
                .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "));
            let key = crate::corpus::outlet::outlet_key(a.url.as_deref(), &a.path, source.as_deref())
                .unwrap_or_else(|| format!("\u{0}article {i}"));
            let next = ids.len() as u32;
            *ids.entry(key).or_insert(next)
        })
        .collect()
}

/// Units holding each feature (pairs left out: they only sharpen a score), features held by one unit left out.
///
/// Each list is in an order of its own, drawn from the feature and each unit's `unit_keys` (its article id and
/// place), so the prefix that candidate search reads ([`ClaimParams::posting_prefix`]) is a fair sample of a common
/// feature's units: not the corpus's first articles, which would then be read for every common feature they hold,
/// gather the most evidence and crowd out a late article's real partner, whatever the order the files came in.
pub(super) fn unit_postings(units: &[UnitData], unit_keys: &[u64]) -> FxHashMap<u64, Vec<u32>> {
    let mut held: Vec<(u64, u64, u32)> = units
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, u)| {
            let key = unit_keys[i];
            u.features
                .iter()
                .filter(|(_, k)| *k != FeatureKind::Pair)
                .map(move |&(f, _)| (f, mix(f ^ key), i as u32))
        })
        .collect();
    held.par_sort_unstable();
    let mut postings = FxHashMap::default();
    for run in held.chunk_by(|x, y| x.0 == y.0) {
        if run.len() >= 2 {
            postings.insert(run[0].0, run.iter().map(|&(_, _, u)| u).collect::<Vec<u32>>());
        }
    }
    postings
}

/// SplitMix64's finaliser: a well-spread 64-bit hash of a 64-bit value.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A unit's key independent of the corpus order: its article's id and its place in that article.
fn unit_key(article_id: &str, start: usize) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    std::hash::Hash::hash(article_id, &mut h);
    std::hash::Hash::hash(&start, &mut h);
    mix(std::hash::Hasher::finish(&h))
}

/// Per-unit sums of the evidence one unit shares with others: dense, with the units touched.
#[derive(Default)]
pub(super) struct Accumulator {
    sums: Vec<f32>,
    /// Shingles (runs of tokens) shared, per unit: the evidence of a copy, counted apart from the weighted sum.
    shingles: Vec<u16>,
    touched: Vec<u32>,
}

/// A candidate unit and the evidence it shares.
type Scored = (u32, f32);

/// The units that share most evidence with `u` through the inverted index: up to
/// [`ClaimParams::unit_candidates`] of other outlets and [`ClaimParams::own_outlet_candidates`] of its own.
pub(super) fn unit_candidates(
    u: usize,
    postings: &FxHashMap<u64, Vec<u32>>,
    matcher: &Matcher,
    outlet_of_unit: &[u32],
    acc: &mut Accumulator,
) -> Vec<u32> {
    let params = matcher.params;
    let unit = &matcher.units[u];
    if acc.sums.len() < matcher.units.len() {
        acc.sums.resize(matcher.units.len(), 0.0);
        acc.shingles.resize(matcher.units.len(), 0);
    }
    for &v in &acc.touched {
        acc.sums[v as usize] = 0.0;
        acc.shingles[v as usize] = 0;
    }
    acc.touched.clear();
    for (&(f, kind), &idf) in unit.features.iter().zip(&matcher.feature_idf[u]) {
        if kind == FeatureKind::Pair {
            continue;
        }
        let Some(list) = postings.get(&f) else {
            continue;
        };
        if list.len() > params.max_candidate_df {
            continue;
        }
        let w = match kind {
            FeatureKind::Shingle => params.shingle_candidate_weight,
            _ => idf * kind_factor(kind, params),
        };
        for &v in list.iter().take(params.posting_prefix) {
            if v as usize == u {
                continue;
            }
            let sum = &mut acc.sums[v as usize];
            if *sum == 0.0 {
                acc.touched.push(v);
            }
            *sum += w.max(f32::MIN_POSITIVE);
            if kind == FeatureKind::Shingle {
                acc.shingles[v as usize] = acc.shingles[v as usize].saturating_add(1);
            }
        }
    }
    let by_weight = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    let own = outlet_of_unit[u];
    let (mut others, mut same): (Vec<Scored>, Vec<Scored>) = acc
        .touched
        .iter()
        .map(|&v| (v, acc.sums[v as usize]))
        .partition(|&(v, _)| outlet_of_unit[v as usize] != own);
    let mut out = Vec::new();
    for (list, keep) in [
        (&mut others, params.unit_candidates),
        (&mut same, params.own_outlet_candidates),
    ] {
        if list.len() > keep && keep > 0 {
            list.select_nth_unstable_by(keep - 1, by_weight);
        }
        list.truncate(keep);
        out.extend(list.iter().map(|&(v, _)| v));
    }
    // Copies compete with copies: a unit copied word for word whose words are all common gains little weight from
    // them (their posting lists are only sampled) and would lose its slots to units that share a few rarer words, so
    // the units sharing most runs of tokens get slots of their own.
    if params.copy_candidates > 0 {
        // A short unit (a headline) holds few runs: then a share of its own runs, at least five.
        let own_runs = unit.features.iter().filter(|(_, k)| *k == FeatureKind::Shingle).count();
        let share = (params.copy_min_share * own_runs as f32).ceil() as usize;
        let floor = params.copy_min_shingles.min(share.max(COPY_MIN_SHORT));
        let mut copies: Vec<Scored> = acc
            .touched
            .iter()
            .filter(|&&v| {
                outlet_of_unit[v as usize] != own && acc.shingles[v as usize] as usize >= floor && !out.contains(&v)
            })
            .map(|&v| (v, f32::from(acc.shingles[v as usize])))
            .collect();
        if copies.len() > params.copy_candidates {
            copies.select_nth_unstable_by(params.copy_candidates - 1, by_weight);
        }
        copies.truncate(params.copy_candidates);
        out.extend(copies.iter().map(|&(v, _)| v));
    }
    out
}

/// Runs a short unit must share to propose a copy, whatever share of its own runs that is.
const COPY_MIN_SHORT: usize = 5;

/// A matching pair of units: similarity, the two units (smaller index first), whether they share an outlet.
type Edge = (f32, u32, u32, bool);

/// The matching pairs among every unit's candidates, strongest first (deterministic: ties by unit index).
fn matching_edges(
    matcher: &Matcher,
    postings: &FxHashMap<u64, Vec<u32>>,
    outlet_of_unit: &[u32],
    progress: &Progress,
) -> Vec<Edge> {
    let params = matcher.params;
    // Each unit's candidates first (sorted), so that a pair found from both sides is scored once: from its lower
    // unit, or from the one side that found it.
    let candidates: Vec<Vec<u32>> = (0..matcher.units.len())
        .into_par_iter()
        .map_init(Accumulator::default, |acc, u| {
            if progress.is_cancelled() {
                return Vec::new();
            }
            let mut found = unit_candidates(u, postings, matcher, outlet_of_unit, acc);
            found.sort_unstable();
            found
        })
        .collect();
    let mut edges: Vec<Edge> = (0..matcher.units.len())
        .into_par_iter()
        .map(|u| {
            if progress.is_cancelled() {
                return Vec::new();
            }
            candidates[u]
                .iter()
                .filter(|&&v| u < v as usize || candidates[v as usize].binary_search(&(u as u32)).is_err())
                .filter_map(|&v| {
                    let v = v as usize;
                    let same_outlet = outlet_of_unit[u] == outlet_of_unit[v];
                    let (a, b) = (u.min(v), u.max(v));
                    if !matcher.may_match(a, b) {
                        return None;
                    }
                    if same_outlet {
                        let s = matcher.score(a, b);
                        (s.verbatim || (s.matches && s.similarity >= params.repetition_similarity)).then_some((
                            s.similarity,
                            a as u32,
                            b as u32,
                            true,
                        ))
                    } else {
                        let s = matcher.quick_score(a, b);
                        s.matches.then_some((s.similarity, a as u32, b as u32, false))
                    }
                })
                .collect::<Vec<Edge>>()
        })
        .flatten()
        .collect();
    edges.par_sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    edges.dedup_by(|x, y| (x.1, x.2) == (y.1, y.2));
    edges
}

/// A cluster being built: its members, the member of each outlet, its best-connected member.
struct Building {
    members: Vec<u32>,
    by_outlet: FxHashMap<u32, u32>,
    centre: u32,
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// Merges cross-outlet edges strongest first into clusters of at most one unit per outlet, each merge checked
/// against the centres of both sides. Returns the clusters (members sorted by unit index) of ≥ 2 units.
fn merge_edges(matcher: &Matcher, edges: &[Edge], outlet_of_unit: &[u32]) -> Vec<Vec<u32>> {
    let n = matcher.units.len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut degree = vec![0u32; n];
    let mut groups: FxHashMap<u32, Building> = FxHashMap::default();
    let single = |u: u32| Building {
        members: vec![u],
        by_outlet: FxHashMap::from_iter([(outlet_of_unit[u as usize], u)]),
        centre: u,
    };
    let join = matcher.params.min_join_similarity;
    // Scores already taken, by ordered pair: a join that fails is tried again through the next edge between the
    // same groups, and a grown group meets members it met before (half the scores of a large corpus are repeats).
    let scored: std::cell::RefCell<FxHashMap<(u32, u32), (bool, f32)>> = Default::default();
    let quick = |x: u32, y: u32| -> (bool, f32) {
        if let Some(&known) = scored.borrow().get(&(x, y)) {
            return known;
        }
        let s = matcher.quick_score(x as usize, y as usize);
        scored.borrow_mut().insert((x, y), (s.matches, s.similarity));
        (s.matches, s.similarity)
    };
    for &(_, a, b, same_outlet) in edges {
        if same_outlet {
            continue;
        }
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra == rb {
            degree[a as usize] += 1;
            degree[b as usize] += 1;
            continue;
        }
        let ga = groups.remove(&ra).unwrap_or_else(|| single(a));
        let gb = groups.remove(&rb).unwrap_or_else(|| single(b));
        let (small, large) = if ga.members.len() <= gb.members.len() {
            (&ga, &gb)
        } else {
            (&gb, &ga)
        };
        // One unit per outlet: the outlet's unit already in holds a stronger match.
        let overlap = small.by_outlet.keys().any(|o| large.by_outlet.contains_key(o));
        // Each side's joining unit resembles the other side's centre (a unit meets itself).
        let resembles = |centre: u32, u: u32| centre == u || quick(centre, u).1 >= join;
        // … and the two sides agree as wholes: most pairs between their first members match. The pairs are scored
        // only until the answer is certain (clustering is one sequential pass: its cost is the wall time).
        let agree = || {
            let cap = matcher.params.join_check_members;
            let total = ga.members.len().min(cap) * gb.members.len().min(cap);
            let needed = matcher.params.min_join_agreement * total as f32;
            let (mut hits, mut seen) = (0usize, 0usize);
            for &x in ga.members.iter().take(cap) {
                for &y in gb.members.iter().take(cap) {
                    seen += 1;
                    if (x == a && y == b) || quick(x, y).0 {
                        hits += 1;
                    }
                    if hits as f32 >= needed {
                        return true;
                    }
                    if ((hits + total - seen) as f32) < needed {
                        return false;
                    }
                }
            }
            hits as f32 >= needed
        };
        let ok = !overlap && resembles(ga.centre, b) && resembles(gb.centre, a) && agree();
        if !ok {
            groups.insert(ra, ga);
            groups.insert(rb, gb);
            continue;
        }
        degree[a as usize] += 1;
        degree[b as usize] += 1;
        let (mut keep, other, root, child) = if ga.members.len() >= gb.members.len() {
            (ga, gb, ra, rb)
        } else {
            (gb, ga, rb, ra)
        };
        parent[child as usize] = root;
        let better =
            |x: u32, y: u32| (degree[x as usize], std::cmp::Reverse(x)) >= (degree[y as usize], std::cmp::Reverse(y));
        if !better(keep.centre, other.centre) {
            keep.centre = other.centre;
        }
        keep.members.extend(other.members);
        keep.by_outlet.extend(other.by_outlet);
        groups.insert(root, keep);
    }
    let mut out: Vec<Vec<u32>> = groups
        .into_values()
        .filter(|g| g.members.len() >= 2)
        .map(|mut g| {
            g.members.sort_unstable();
            g.members
        })
        .collect();
    out.sort_unstable();
    out
}

/// Claim detection with explicit parameters; also returns the repetitions (within an article, within an outlet) it
/// recognised.
pub fn analyze_claims(
    articles: &[Article],
    entities: &[Entity],
    params: &ClaimParams,
    progress: &Progress,
) -> ClaimAnalysis {
    let mentions = mention_indices(articles, entities);
    // Units in article order; the priors of their features gathered once (a copy per unit would be most of the
    // memory on a large corpus).
    let per_article: Vec<(Vec<UnitData>, FxHashMap<u64, f32>)> = articles
        .par_iter()
        .enumerate()
        .map(|(ai, article)| {
            // The units of one article in parallel too: a single long article is otherwise one thread's work.
            let described: Vec<(UnitData, super::features::Priors)> = claim_units_with(article, &params.units)
                .into_par_iter()
                .map(|unit| unit_data(ai, article, unit, &mentions[ai], entities, &params.features))
                .collect();
            let mut units = Vec::with_capacity(described.len());
            let mut priors = FxHashMap::default();
            for (data, unit_priors) in described {
                priors.extend(unit_priors);
                units.push(data);
            }
            progress.advance(1);
            (units, priors)
        })
        .collect();
    let mut units = Vec::new();
    let mut priors = FxHashMap::default();
    for (u, p) in per_article {
        units.extend(u);
        priors.extend(p);
    }
    if progress.is_cancelled() {
        return ClaimAnalysis::default();
    }
    // How alike whole articles are, for paraphrases (see `ClaimParams::min_paraphrase_affinity`).
    let vectors = ArticleVectors::new(articles, entities, &StoryParams::default());
    let mut matcher = Matcher::new(&units, &priors, params);
    matcher.affinity = Some((&vectors, affinity_threshold(articles.len(), params)));
    drop(priors);
    let outlets = outlet_ids(articles);
    let outlet_of_unit: Vec<u32> = units.iter().map(|u| outlets[u.article]).collect();
    let unit_keys: Vec<u64> = units
        .iter()
        .map(|u| unit_key(&articles[u.article].id, u.unit.start))
        .collect();
    let postings = unit_postings(&units, &unit_keys);
    let edges = matching_edges(&matcher, &postings, &outlet_of_unit, progress);
    drop(postings);
    let clusters = merge_edges(&matcher, &edges, &outlet_of_unit);

    let mut repetitions: Vec<Repetition> = edges
        .iter()
        .filter(|e| e.3)
        .map(|&(_, a, b, _)| {
            let (first, repeat) = (&units[a as usize], &units[b as usize]);
            Repetition {
                article: articles[first.article].id.clone(),
                first: (first.unit.start, first.unit.end),
                repeat: (repeat.unit.start, repeat.unit.end),
                kind: if first.article == repeat.article {
                    RepetitionKind::SameArticle
                } else {
                    RepetitionKind::SameOutlet
                },
                repeat_article: articles[repeat.article].id.clone(),
            }
        })
        .collect();
    repetitions.sort_by(|x, y| (x.kind, &x.article, x.first, x.repeat).cmp(&(y.kind, &y.article, y.first, y.repeat)));

    // Each cluster member's repetitions in other articles of its outlet, shown with the cluster.
    let mut outlet_repeats: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for &(_, a, b, same_outlet) in &edges {
        if same_outlet && units[a as usize].article != units[b as usize].article {
            outlet_repeats.entry(a).or_default().push(b);
            outlet_repeats.entry(b).or_default().push(a);
        }
    }
    let mut built: Vec<ClaimCluster> = clusters
        .par_iter()
        .map(|members| {
            let members: Vec<usize> = members.iter().map(|&m| m as usize).collect();
            let mut cluster = finish_cluster(articles, entities, &units, &matcher, &members);
            let mut repeated: Vec<usize> = members
                .iter()
                .flat_map(|m| outlet_repeats.get(&(*m as u32)).into_iter().flatten())
                .map(|&r| r as usize)
                .filter(|r| !members.contains(r))
                .collect();
            repeated.sort_unstable();
            repeated.dedup();
            cluster.repeated_by_outlet = repeated.iter().map(|&r| member_of(articles, &units[r])).collect();
            cluster
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Segment, SegmentKind, Sentence};

    /// An article of one sentence from its own outlet.
    fn article(id: &str, sentence: &str) -> Article {
        let text = format!("عنوان\n{sentence}\n");
        Article {
            id: id.into(),
            path: format!("test:{id}"),
            title: "عنوان".into(),
            date: None,
            source: Some(id.into()),
            url: None,
            segments: vec![
                Segment {
                    kind: SegmentKind::Title,
                    start: 0,
                    end: 10,
                },
                Segment {
                    kind: SegmentKind::Body,
                    start: 11,
                    end: text.len(),
                },
            ],
            sentences: vec![Sentence {
                start: 11,
                end: 11 + sentence.len(),
            }],
            text,
        }
    }

    /// Each article's one unit, and the units each proposes as candidates under `params`.
    fn candidates(articles: &[Article], params: &ClaimParams) -> Vec<Vec<u32>> {
        let mentions = mention_indices(articles, &[]);
        let mut units = Vec::new();
        let mut priors = FxHashMap::default();
        for (ai, a) in articles.iter().enumerate() {
            for unit in claim_units_with(a, &params.units) {
                let (data, p) = unit_data(ai, a, unit, &mentions[ai], &[], &params.features);
                priors.extend(p);
                units.push(data);
            }
        }
        assert_eq!(units.len(), articles.len(), "one unit per article");
        let matcher = Matcher::new(&units, &priors, params);
        let outlets = outlet_ids(articles);
        let outlet_of_unit: Vec<u32> = units.iter().map(|u| outlets[u.article]).collect();
        let keys: Vec<u64> = units
            .iter()
            .map(|u| unit_key(&articles[u.article].id, u.unit.start))
            .collect();
        let postings = unit_postings(&units, &keys);
        let mut acc = Accumulator::default();
        (0..units.len())
            .map(|u| unit_candidates(u, &postings, &matcher, &outlet_of_unit, &mut acc))
            .collect()
    }

    /// A word-for-word copy whose words are all common is proposed as a candidate. At corpus scale a common word's
    /// posting list is only sampled and its rarity weighs far more than a shared run of tokens, so units that happen
    /// to be in the samples of a few lists take every weighted slot: here 40 retellings of the wire sentence in
    /// shuffled order, one weighted slot, lists read two deep, runs nearly weightless. The units sharing most runs
    /// have slots of their own.
    #[test]
    fn a_copy_of_common_words_is_proposed_among_units_sharing_them() {
        let wire = "قال المرصد السوري لحقوق الإنسان إن ضربات جوية روسية قتلت عشرين شخصا في قرية على الجانب الشرقي من نهر الفرات في شرق سوريا";
        let words: Vec<&str> = wire.split(' ').collect();
        let mut articles = vec![article("wire", wire), article("copy", &format!("وفي تطور آخر {wire}"))];
        // Retellings: the same words in an order that keeps no two neighbours together (a stride coprime with the
        // length), so they share no run with the wire.
        let n = words.len();
        let strides: Vec<usize> = (2..n).filter(|&k| gcd(k, n) == 1 && k != n - 1).collect();
        for i in 0..40 {
            let k = strides[i % strides.len()];
            let shuffled: Vec<&str> = (0..n).map(|j| words[(j * k + i) % n]).collect();
            articles.push(article(&format!("retelling-{i}"), &shuffled.join(" ")));
        }
        let params = ClaimParams {
            posting_prefix: 2,
            unit_candidates: 1,
            shingle_candidate_weight: 1e-3,
            ..ClaimParams::default()
        };
        let (wire_unit, copy_unit) = (0u32, 1u32);
        let finds_copy = |c: &[Vec<u32>]| c[0].contains(&copy_unit) || c[1].contains(&wire_unit);
        let without = candidates(
            &articles,
            &ClaimParams {
                copy_candidates: 0,
                ..params.clone()
            },
        );
        assert!(
            !finds_copy(&without),
            "the retellings take the weighted slot: {:?} {:?}",
            without[0],
            without[1]
        );
        let with = candidates(&articles, &params);
        assert!(
            with[0].contains(&copy_unit) && with[1].contains(&wire_unit),
            "{:?} {:?}",
            with[0],
            with[1]
        );
    }

    /// A headline of few words copied into another outlet's longer line (its start, the line going on with a
    /// statement) shares fewer runs than a long copy must; it shares most of its own, and is proposed by them.
    #[test]
    fn a_headline_copied_into_a_longer_line_is_proposed_by_most_of_its_runs() {
        let headline = "روسيا تحقق في مقتل البغدادي في إحدى غاراتها على الرقة";
        let line = "روسيا ترجح مقتل البغدادي في إحدى غاراتها على الرقة وقالت وزارة الدفاع إن لديها معلومات عن مقتل زعيم التنظيم في غارة جوية";
        let words: Vec<&str> = headline.split(' ').collect();
        let mut articles = vec![article("headline", headline), article("line", line)];
        let n = words.len();
        let strides: Vec<usize> = (2..n).filter(|&k| gcd(k, n) == 1 && k != n - 1).collect();
        for i in 0..40 {
            let k = strides[i % strides.len()];
            let shuffled: Vec<&str> = (0..n).map(|j| words[(j * k + i) % n]).collect();
            articles.push(article(&format!("retelling-{i}"), &shuffled.join(" ")));
        }
        let params = ClaimParams {
            posting_prefix: 2,
            unit_candidates: 1,
            shingle_candidate_weight: 1e-3,
            ..ClaimParams::default()
        };
        let with = candidates(&articles, &params);
        assert!(with[0].contains(&1), "the headline proposes the line: {:?}", with[0]);
        let whole_share = candidates(
            &articles,
            &ClaimParams {
                copy_min_share: 1.0,
                ..params.clone()
            },
        );
        assert!(
            !whole_share[0].contains(&1),
            "five of seven runs are not all of them: {:?}",
            whole_share[0]
        );
    }

    fn gcd(a: usize, b: usize) -> usize {
        if b == 0 { a } else { gcd(b, a % b) }
    }
}
