//! "Similar here": for one chosen sentence, the nearest sentences of other articles by meaning and words together,
//! so a reader can check what the claims matcher did not dare to link. Scores are the meaning vectors' cosine plus
//! the TF-IDF cosine of light stems (the combined scorer of `eval-meaning`, which ranks claim lines best).

use super::{Model, Vector, cosine};
use crate::analysis::claims::claim_units;
use crate::analysis::claims::text::{is_stop_word, light_stem, tokenize};
use crate::corpus::Article;
use rustc_hash::FxHashMap;

/// When a sentence of another article counts as similar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimilarParams {
    /// Least combined score (meaning cosine + words cosine). Low on purpose: the nearest unit of each article is
    /// offered for a reader to judge (with its score), only plainly unrelated ones are not.
    pub min_score: f32,
    /// Least meaning cosine on its own: shared names alone do not make two sentences say the same.
    pub min_semantic: f32,
    /// Sentences kept per other article, best first.
    pub per_article: usize,
    /// Share of the best score (over all the other articles) a unit must reach: where some article restates the
    /// sentence, an unrelated article's nearest unit is not offered beside it.
    pub min_share_of_best: f32,
    /// Sentences shorter than this (in words) are neither asked about nor offered.
    pub min_words: usize,
}

impl Default for SimilarParams {
    fn default() -> Self {
        Self {
            min_score: 0.7,
            min_semantic: 0.5,
            per_article: 1,
            min_share_of_best: 0.6,
            min_words: 4,
        }
    }
}

/// A unit (sentence or clause) of another article near the chosen sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimilarSentence {
    /// The article's index, as given with it.
    pub article: usize,
    /// Index into that article's `sentences` of the sentence the unit is part of.
    pub sentence: usize,
    /// Byte range of the unit in the article's text.
    pub start: usize,
    pub end: usize,
    /// `semantic + lexical`.
    pub score: f32,
    /// Cosine of the meaning vectors.
    pub semantic: f32,
    /// Cosine of the TF-IDF vectors of light stems.
    pub lexical: f32,
}

/// What a unit (a sentence, or a clause of a long one: the claims matcher's units) is compared by.
struct UnitFeatures {
    sentence: usize,
    start: usize,
    end: usize,
    vector: Vector,
    stems: Vec<String>,
}

/// Unit features per article, worked out once (the workbench keeps one while a corpus is open).
#[derive(Default)]
pub struct SentenceCache {
    articles: FxHashMap<usize, Vec<UnitFeatures>>,
}

impl SentenceCache {
    fn fill(&mut self, model: &Model, index: usize, article: &Article, params: &SimilarParams) {
        self.articles.entry(index).or_insert_with(|| {
            claim_units(article)
                .into_iter()
                .filter_map(|unit| {
                    let text = article.text.get(unit.start..unit.end)?;
                    let words = tokenize(text, 0, text.len());
                    if words.len() < params.min_words {
                        return None;
                    }
                    let stems = words
                        .iter()
                        .filter(|t| !t.is_number() && !is_stop_word(&t.norm))
                        .map(|t| light_stem(&t.norm))
                        .collect();
                    Some(UnitFeatures {
                        sentence: unit.sentence,
                        start: unit.start,
                        end: unit.end,
                        vector: model.sentence_vector(text),
                        stems,
                    })
                })
                .collect()
        });
    }
}

/// TF-IDF unit weights of `stems` under document frequencies `df` of `n` sentences.
fn weights(stems: &[String], df: &FxHashMap<&str, u32>, n: usize) -> FxHashMap<String, f32> {
    let mut tf: FxHashMap<String, f32> = FxHashMap::default();
    for s in stems {
        *tf.entry(s.clone()).or_default() += 1.0;
    }
    for (s, w) in tf.iter_mut() {
        let d = df.get(s.as_str()).copied().unwrap_or(0) as f32;
        *w *= (1.0 + n as f32 / (1.0 + d)).ln();
    }
    let norm = tf.values().map(|w| w * w).sum::<f32>().sqrt().max(1e-9);
    tf.values_mut().for_each(|w| *w /= norm);
    tf
}

fn sparse_cosine(a: &FxHashMap<String, f32>, b: &FxHashMap<String, f32>) -> f32 {
    let (small, big) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().filter_map(|(k, w)| big.get(k).map(|v| w * v)).sum()
}

/// The units (sentences, or clauses of long ones) of `articles` other than the asking one that are nearest to
/// sentence `query.1` of article `query.0` (article indexes as given), at most `per_article` per article, best first
/// within each article, articles in the order given. A long chosen sentence is compared clause by clause, the best
/// clause pair counting. Empty when the chosen sentence is too short or not among them.
pub fn similar_sentences(
    model: &Model,
    articles: &[(usize, &Article)],
    query: (usize, usize),
    cache: &mut SentenceCache,
    params: &SimilarParams,
) -> Vec<SimilarSentence> {
    let (query_article, query_sentence) = query;
    for &(index, article) in articles {
        cache.fill(model, index, article, params);
    }
    let units = |index: usize| cache.articles.get(&index).map(Vec::as_slice).unwrap_or(&[]);
    if !articles.iter().any(|(index, _)| *index == query_article) {
        return Vec::new();
    }
    let asked: Vec<&UnitFeatures> = units(query_article)
        .iter()
        .filter(|u| u.sentence == query_sentence)
        .collect();
    if asked.is_empty() {
        return Vec::new();
    }
    // Document frequencies over the units at hand: a word's rarity is judged in the articles being compared.
    let mut df: FxHashMap<&str, u32> = FxHashMap::default();
    let mut n = 0;
    for &(index, _) in articles {
        for u in units(index) {
            n += 1;
            let mut seen: Vec<&str> = u.stems.iter().map(String::as_str).collect();
            seen.sort_unstable();
            seen.dedup();
            for s in seen {
                *df.entry(s).or_default() += 1;
            }
        }
    }
    let asked: Vec<(&UnitFeatures, FxHashMap<String, f32>)> =
        asked.into_iter().map(|u| (u, weights(&u.stems, &df, n))).collect();
    let mut out = Vec::new();
    for &(index, _) in articles {
        if index == query_article {
            continue;
        }
        let mut found: Vec<SimilarSentence> = units(index)
            .iter()
            .filter_map(|u| {
                let candidate = weights(&u.stems, &df, n);
                let (semantic, lexical) = asked
                    .iter()
                    .map(|(q, qw)| (cosine(&q.vector, &u.vector), sparse_cosine(qw, &candidate)))
                    .max_by(|a, b| (a.0 + a.1).total_cmp(&(b.0 + b.1)))?;
                let score = semantic + lexical;
                (semantic >= params.min_semantic && score >= params.min_score).then_some(SimilarSentence {
                    article: index,
                    sentence: u.sentence,
                    start: u.start,
                    end: u.end,
                    score,
                    semantic,
                    lexical,
                })
            })
            .collect();
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.start.cmp(&b.start)));
        found.truncate(params.per_article);
        out.extend(found);
    }
    let best = out.iter().map(|s| s.score).fold(0.0f32, f32::max);
    out.retain(|s| s.score >= params.min_share_of_best * best);
    out
}
