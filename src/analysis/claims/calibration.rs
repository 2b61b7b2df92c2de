//! All-pairs scoring for inspecting and calibrating on small corpora; never part of [`super::find_claims`].

use super::*;

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
        for unit in claim_units_with(article, &params.units) {
            let (data, unit_priors) = unit_data(ai, article, unit, &mentions[ai], entities, &params.features);
            priors.extend(unit_priors);
            units.push(data);
        }
    }
    let vectors = ArticleVectors::new(articles, entities, &StoryParams::default());
    let mut matcher = Matcher::new(&units, &priors, params);
    matcher.affinity = Some((&vectors, affinity_threshold(articles.len(), params)));
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

/// The clusters as text for reading: per cluster its id, kind and score, each member (article, sentence, byte
/// range, text), the shared spans and the differences.
pub fn dump_clusters(clusters: &[ClaimCluster]) -> String {
    let mut s = String::new();
    for c in clusters {
        s.push_str(&format!("== {} {:?} score {:.3}\n", c.id, c.kind, c.score));
        for m in &c.members {
            s.push_str(&format!(
                "  [{}#{} {}..{}] {}\n",
                m.article, m.sentence, m.start, m.end, m.text
            ));
        }
        for sh in &c.shared {
            s.push_str(&format!("    shared m{}: {}\n", sh.member, sh.text));
        }
        for d in &c.differences {
            s.push_str(&format!("    diff {}: {:?}\n", d.what, d.values));
        }
    }
    s
}
