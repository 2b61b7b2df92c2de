//! What an article is about, as weighted features: content-word stems and numbers of its body, and the linked
//! entities it names (people, organisations and places weigh more than words). Weights are TF-IDF, learnt from the
//! corpus being grouped; a feature too common to tell stories apart (the countries every article names) is dropped, and
//! so is one that belongs to an outlet rather than a story: most of the articles naming it come from one outlet (its
//! menus, teasers and sign-offs that the corpus layer left in the body).

use super::StoryParams;
use crate::analysis::{Entity, EntityKind};
use crate::arabic::stem::stem_slice;
use crate::arabic::{TokenKind, for_each_token};
use crate::corpus::Article;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Term counts of one article and the weight of each term's kind, keyed by feature (`w:` stem, `n:` number, `e:`
/// entity id).
pub(super) type Terms = FxHashMap<String, (f32, f32)>;

/// The words and numbers of one article's body as [`Terms`].
pub(super) fn raw_terms(article: &Article, params: &StoryParams) -> Terms {
    let mut terms = Terms::default();
    // One buffer for the keys looked up: a key is allocated once per distinct term of the article.
    let mut key = String::new();
    for seg in article.body_segments() {
        let Some(body) = article.text.get(seg.start..seg.end) else {
            continue;
        };
        for_each_token(body, |token| match token.kind {
            TokenKind::Word | TokenKind::Latin => {
                if token.norm.chars().count() < params.min_word_letters {
                    return;
                }
                // Arabic script has no case: only other scripts are lowered.
                let lowered;
                let word = match token.kind {
                    TokenKind::Latin => {
                        lowered = token.norm.to_lowercase();
                        lowered.as_str()
                    }
                    _ => token.norm,
                };
                key.clear();
                key.push_str("w:");
                key.push_str(stem_slice(word));
                match terms.get_mut(key.as_str()) {
                    Some(term) => term.0 += 1.0,
                    None => {
                        terms.insert(key.clone(), (1.0, 1.0));
                    }
                }
            }
            TokenKind::Number => {
                if token.norm.chars().filter(|c| c.is_ascii_digit()).count() >= params.min_number_digits {
                    let key = format!("n:{}", token.norm);
                    terms.entry(key).or_insert((0.0, params.number_weight)).0 += 1.0;
                }
            }
            TokenKind::Punct => {}
        });
    }
    terms
}

/// The weight of an entity kind relative to a word.
pub(super) fn kind_weight(kind: EntityKind, params: &StoryParams) -> f32 {
    match kind {
        EntityKind::Person => params.person_weight,
        EntityKind::Org => params.org_weight,
        EntityKind::Place => params.place_weight,
        EntityKind::Date => params.date_weight,
        EntityKind::Other => params.other_weight,
    }
}

/// What each article of a corpus is about, as the unit-length vectors of [`story_vectors`]: how alike two articles
/// are as wholes (the cosine of their vectors), whatever their sentences share.
#[derive(Debug, Clone, Default)]
pub struct ArticleVectors {
    /// Per article (in the order given), its row in `vectors`.
    row: Vec<usize>,
    vectors: Vec<Vec<(u32, f32)>>,
}

impl ArticleVectors {
    /// The vectors of `articles`, with the features of `params` (ids and sums in a canonical order: the same corpus
    /// gives the same vectors whatever the file order).
    pub fn new(articles: &[Article], entities: &[Entity], params: &StoryParams) -> Self {
        let order = canonical_order(articles);
        let mut row = vec![0usize; articles.len()];
        for (pos, &i) in order.iter().enumerate() {
            row[i] = pos;
        }
        let vectors = if articles.len() < 2 {
            vec![Vec::new(); articles.len()]
        } else {
            story_vectors(articles, entities, &order, params)
        };
        Self { row, vectors }
    }

    /// The cosine of articles `a` and `b` (indices into the articles given): 1 for an article with itself, 0 for an
    /// index out of range.
    pub fn similarity(&self, a: usize, b: usize) -> f32 {
        if a == b {
            return 1.0;
        }
        let (Some(&ra), Some(&rb)) = (self.row.get(a), self.row.get(b)) else {
            return 0.0;
        };
        let (x, y) = (&self.vectors[ra], &self.vectors[rb]);
        let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += x[i].1 * y[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot
    }
}

/// The articles' indices sorted by id (then index): the order every id and sum is made in.
pub(super) fn canonical_order(articles: &[Article]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| articles[a].id.cmp(&articles[b].id).then(a.cmp(&b)));
    order
}

/// Unit-length TF-IDF vectors over the features shared by at least two and at most the background limit of
/// articles (`(feature id, weight)` sorted by id), for the articles in `order` (a canonical order: ids and float
/// sums do not depend on the order the files came in).
pub(super) fn story_vectors(
    articles: &[Article],
    entities: &[Entity],
    order: &[usize],
    params: &StoryParams,
) -> Vec<Vec<(u32, f32)>> {
    let mut per_article: Vec<Terms> = order.par_iter().map(|&i| raw_terms(&articles[i], params)).collect();
    let position: FxHashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(pos, &i)| (articles[i].id.as_str(), pos))
        .collect();
    for entity in entities {
        let weight = kind_weight(entity.kind, params);
        if weight <= 0.0 {
            continue;
        }
        let mut counts: FxHashMap<usize, f32> = FxHashMap::default();
        for m in &entity.mentions {
            if let Some(&pos) = position.get(m.article.as_str()) {
                *counts.entry(pos).or_default() += 1.0;
            }
        }
        for (pos, count) in counts {
            per_article[pos].insert(format!("e:{}", entity.id), (count, weight));
        }
    }
    let n = per_article.len();
    // Every feature gets an id in canonical order of first use (articles in canonical order, each one's features in
    // key order), so the same corpus gives the same ids and float sums; counted once per article.
    let sorted: Vec<Vec<(&str, f32, f32)>> = per_article
        .par_iter()
        .map(|terms| {
            let mut keys: Vec<(&str, f32, f32)> = terms.iter().map(|(k, &(c, s))| (k.as_str(), c, s)).collect();
            keys.sort_unstable_by(|a, b| a.0.cmp(b.0));
            keys
        })
        .collect();
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut document_frequency: Vec<u32> = Vec::new();
    let features: Vec<Vec<(u32, f32, f32)>> = sorted
        .into_iter()
        .map(|keys| {
            keys.into_iter()
                .map(|(key, count, scale)| {
                    let next = ids.len() as u32;
                    let id = *ids.entry(key).or_insert(next);
                    if id == next {
                        document_frequency.push(0);
                    }
                    document_frequency[id as usize] += 1;
                    (id, count, scale)
                })
                .collect()
        })
        .collect();
    let limit = params.background_limit(n) as u32;
    let outlet_bound = outlet_bound(articles, order, &features, &document_frequency, limit, params);
    // The features kept renumbered densely, in the same canonical order.
    let mut kept = vec![u32::MAX; document_frequency.len()];
    let mut next = 0u32;
    let mut vectors = Vec::with_capacity(n);
    for article in &features {
        let mut vector = Vec::new();
        let mut norm = 0.0f64;
        for &(id, count, scale) in article {
            let df = document_frequency[id as usize];
            if df > limit || outlet_bound[id as usize] {
                continue;
            }
            let weight = scale * (1.0 + count.max(1.0).ln()) * (1.0 + n as f32 / df as f32).ln();
            norm += f64::from(weight) * f64::from(weight);
            if df >= 2 {
                if kept[id as usize] == u32::MAX {
                    kept[id as usize] = next;
                    next += 1;
                }
                vector.push((kept[id as usize], weight));
            }
        }
        let norm = norm.sqrt() as f32;
        if norm > 0.0 {
            for (_, w) in &mut vector {
                *w /= norm;
            }
        }
        vector.sort_unstable_by_key(|&(id, _)| id);
        vectors.push(vector);
    }
    vectors
}

/// Per feature id, whether it is shared by two to `limit` articles most of which come from one outlet: more than
/// [`StoryParams::max_outlet_share`] of them, and at least [`StoryParams::min_outlet_articles`]. Such a feature is
/// the outlet's (its template, teasers, sign-off), not a story's: a story's words come from the several outlets that
/// tell it. Articles without a known outlet count as outlets of their own.
fn outlet_bound(
    articles: &[Article],
    order: &[usize],
    features: &[Vec<(u32, f32, f32)>],
    document_frequency: &[u32],
    limit: u32,
    params: &StoryParams,
) -> Vec<bool> {
    let mut bound = vec![false; document_frequency.len()];
    if params.max_outlet_share >= 1.0 {
        return bound;
    }
    let mut outlet_ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut uses: Vec<(u32, u32)> = Vec::new();
    for (pos, article) in features.iter().enumerate() {
        let next = outlet_ids.len() as u32;
        let a = &articles[order[pos]];
        let source = a.source.as_deref().map(str::trim).filter(|s| !s.is_empty());
        // The corpus layer's outlet key: a site, so one publisher's sections are one outlet.
        let outlet = match crate::corpus::outlet::outlet_key(a.url.as_deref(), &a.path, source) {
            Some(key) => *outlet_ids.entry(key).or_insert(next),
            // Its own outlet: an id no named outlet takes.
            None => u32::MAX - pos as u32,
        };
        for &(id, _, _) in article {
            if (2..=limit).contains(&document_frequency[id as usize]) {
                uses.push((id, outlet));
            }
        }
    }
    uses.par_sort_unstable();
    for run in uses.chunk_by(|a, b| a == b) {
        let id = run[0].0 as usize;
        if run.len() >= params.min_outlet_articles
            && run.len() as f32 > params.max_outlet_share * document_frequency[id] as f32
        {
            bound[id] = true;
        }
    }
    bound
}
