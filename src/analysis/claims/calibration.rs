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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Progress;

    /// Over every cross-article unit pair of the sample corpus with one of its articles copied under another outlet
    /// (so wire copies, paraphrases and unrelated pairs all occur): how many pairs scoring matches, and how many the
    /// screen turns away; panics if it turns away a matching pair.
    fn screen_against_scoring(params: &ClaimParams) -> (usize, usize) {
        let mut articles = crate::analysis::analyze(crate::corpus::load_builtin(), &Progress::new()).articles;
        let mut copy = articles[0].clone();
        copy.id = "copy".into();
        copy.source = Some("another outlet".into());
        copy.url = None;
        articles.push(copy);
        let report = crate::analysis::analyze(
            crate::corpus::Corpus {
                articles,
                ..Default::default()
            },
            &Progress::new(),
        );
        let mentions = mention_indices(&report.articles, &report.entities);
        let mut units = Vec::new();
        let mut priors = FxHashMap::default();
        for (ai, article) in report.articles.iter().enumerate() {
            for unit in claim_units_with(article, &params.units) {
                let (data, p) = unit_data(ai, article, unit, &mentions[ai], &report.entities, &params.features);
                priors.extend(p);
                units.push(data);
            }
        }
        let vectors = ArticleVectors::new(&report.articles, &report.entities, &StoryParams::default());
        let mut matcher = Matcher::new(&units, &priors, params);
        matcher.affinity = Some((&vectors, affinity_threshold(report.articles.len(), params)));
        let (mut matching, mut screened_out) = (0, 0);
        for a in 0..units.len() {
            for b in a + 1..units.len() {
                if units[a].article == units[b].article {
                    continue;
                }
                let kept = matcher.may_match(a, b);
                screened_out += usize::from(!kept);
                if matcher.score(a, b).matches {
                    matching += 1;
                    assert!(
                        kept,
                        "screened out a matching pair: {:?} / {:?}",
                        units[a].unit, units[b].unit
                    );
                }
            }
        }
        (matching, screened_out)
    }

    /// The cheap screen before scoring ([`Matcher::may_match`]) never turns away a pair that scoring matches, with
    /// the default settings and with paraphrases ruled out (wire copies only: the verbatim bound alone).
    #[test]
    fn the_screen_before_scoring_keeps_every_pair_that_matches() {
        let (matching, screened_out) = screen_against_scoring(&ClaimParams::default());
        assert!(matching > 20, "{matching} matching pairs");
        assert!(screened_out > 1000, "{screened_out} pairs screened out");
        let copies_only = ClaimParams {
            min_shared_stems: 10_000,
            min_shared_stems_unanchored: 10_000,
            ..ClaimParams::default()
        };
        let (matching, _) = screen_against_scoring(&copies_only);
        assert!(matching > 10, "{matching} verbatim pairs");
    }
}
