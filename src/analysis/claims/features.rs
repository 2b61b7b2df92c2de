//! What a claim unit says, as weighted features: content stems under the synonym table, linked entities, numbers,
//! dates, near pairs of those, and token shingles for verbatim reuse.

use super::params::FeatureParams;
use super::text::{background_factor, canonical, is_stop_word, light_stem, tokenize};
use super::units::ClaimUnit;
use crate::analysis::model::{Entity, EntityKind};
use crate::arabic;
use crate::corpus::Article;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeatureKind {
    Stem,
    Entity,
    Number,
    Date,
    Pair,
    Shingle,
}

/// A number or date stated in a unit, for the differences between members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// `number`, `quantity`, `date` or `entity`.
    pub what: &'static str,
    /// For entities, the entity kind (to compare like with like).
    pub entity_kind: Option<EntityKind>,
    /// The normalised value (a date as `2020-10-18`, a number as digits, an entity as its label).
    pub value: String,
}

/// A unit with everything the matcher needs.
#[derive(Debug, Clone)]
pub struct UnitData {
    pub article: usize,
    pub unit: ClaimUnit,
    /// Position of the unit within its article's units.
    pub position: usize,
    /// Byte range of each token in the article text.
    pub token_spans: Vec<(usize, usize)>,
    /// Hashes of the normalised tokens (for local alignment).
    pub token_hashes: Vec<u64>,
    /// Sorted, deduplicated feature hashes with their kinds.
    pub features: Vec<(u64, FeatureKind)>,
    pub facts: Vec<Fact>,
    /// Linked people the unit names (entity indices, sorted).
    pub people: Vec<usize>,
    /// Per token: the linked entity whose mention it is part of.
    pub token_entities: Vec<Option<usize>>,
}

fn hash_of(kind: FeatureKind, value: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    kind.hash(&mut h);
    value.hash(&mut h);
    h.finish()
}

/// Mentions of linked entities in one article: sorted `(start, end, entity index)`.
pub type MentionIndex = Vec<(usize, usize, usize)>;

/// One [`MentionIndex`] per article (by article position).
pub fn mention_indices(articles: &[Article], entities: &[Entity]) -> Vec<MentionIndex> {
    let position: HashMap<&str, usize> = articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut out = vec![MentionIndex::new(); articles.len()];
    for (e, entity) in entities.iter().enumerate() {
        for m in &entity.mentions {
            if let Some(&i) = position.get(m.article.as_str())
                && m.start < m.end
            {
                out[i].push((m.start, m.end, e));
            }
        }
    }
    for list in &mut out {
        list.sort_unstable();
    }
    out
}

/// The entity of the mention that overlaps the token `start..end` (a token may carry a conjunction or preposition
/// outside the mention: «وطهران» holds the mention «طهران»).
fn entity_at(index: &MentionIndex, start: usize, end: usize) -> Option<usize> {
    let k = index.partition_point(|&(s, _, _)| s < end);
    index[..k]
        .iter()
        .rev()
        .take(4)
        .find(|&&(s, e, _)| s < end && start < e)
        .map(|&(_, _, id)| id)
}

/// Group ids of the content features of dates and names, above any token index.
const DATE_GROUPS: usize = usize::MAX / 4;
const NAME_GROUPS: usize = usize::MAX / 2;

/// Marks the role phrase before each named person (وزير الدفاع الروسي سيرغي شويغو, السفير الايراني في موسكو كاظم
/// جلالي) as consumed: who is speaking is not what is said, and two statements by people with the same title must not
/// meet on the title. The person's own mention still counts, as an entity.
fn consume_role_descriptors(
    tokens: &[arabic::Token],
    mentions: &MentionIndex,
    entities: &[Entity],
    descriptor_window: usize,
    consumed: &mut [bool],
) {
    let is_person =
        |t: &arabic::Token| entity_at(mentions, t.start, t.end).is_some_and(|e| entities[e].kind == EntityKind::Person);
    for i in 0..tokens.len() {
        if !is_person(&tokens[i]) || (i > 0 && is_person(&tokens[i - 1])) {
            continue;
        }
        let from = i.saturating_sub(descriptor_window);
        if let Some(role) = (from..i).rev().find(|&j| {
            let norm = tokens[j].norm.as_str();
            crate::analysis::ner::is_role(norm) || norm.strip_prefix('و').is_some_and(crate::analysis::ner::is_role)
        }) {
            for c in &mut consumed[role..i] {
                *c = true;
            }
        }
    }
}

/// How telling a stem or near-pair feature is in news generally ([`background_factor`]), by feature hash.
pub type Priors = Vec<(u64, f32)>;

/// Extracts the features of one unit, and the priors of its stem and pair features (the same for every unit that
/// has the feature: callers gather them once rather than keep a copy per unit).
pub fn unit_data(
    article_index: usize,
    article: &Article,
    position: usize,
    unit: ClaimUnit,
    mentions: &MentionIndex,
    entities: &[Entity],
    params: &FeatureParams,
) -> (UnitData, Priors) {
    let tokens = tokenize(&article.text, unit.start, unit.end);
    let token_hashes: Vec<u64> = tokens.iter().map(|t| hash_of(FeatureKind::Shingle, &t.norm)).collect();
    let token_entities: Vec<Option<usize>> = tokens.iter().map(|t| entity_at(mentions, t.start, t.end)).collect();
    let mut content: Vec<(u64, FeatureKind)> = Vec::new();
    // Per content feature: the token it starts at (pairs are formed in reading order) and what it belongs to (the
    // features of one name or one date never pair with each other: they are one item, not two close together).
    let mut place: Vec<(usize, usize)> = Vec::new();
    let mut facts: Vec<Fact> = Vec::new();
    let mut consumed = vec![false; tokens.len()];
    let mut priors: Vec<(u64, f32)> = Vec::new();
    let mut people: Vec<usize> = Vec::new();

    // Dates (a day, a month or a year named as such), by the toolkit's date finder; their tokens say nothing else.
    if let Some(slice) = article.text.get(unit.start..unit.end) {
        for (k, date) in arabic::dates::find_dates(slice).into_iter().enumerate() {
            let (start, end) = (unit.start + date.start, unit.start + date.end);
            let mut first = None;
            for (i, t) in tokens.iter().enumerate() {
                if t.start >= start && t.end <= end {
                    consumed[i] = true;
                    first.get_or_insert(i);
                }
            }
            let at = (first.unwrap_or(0), DATE_GROUPS + k);
            // A day also states its month: "18 October 2020" and "October 2020" share the month feature.
            let month = date.value.get(..7).filter(|_| date.value.len() >= 7);
            if let Some(month) = month {
                content.push((hash_of(FeatureKind::Date, &month), FeatureKind::Date));
                place.push(at);
            }
            if month != Some(date.value.as_str()) {
                content.push((hash_of(FeatureKind::Date, &date.value), FeatureKind::Date));
                place.push(at);
            }
            facts.push(Fact {
                what: "date",
                entity_kind: None,
                value: date.value,
            });
        }
    }

    consume_role_descriptors(&tokens, mentions, entities, params.descriptor_window, &mut consumed);

    let mut last_entity = None;
    let mut entity_run = NAME_GROUPS;
    for (i, tok) in tokens.iter().enumerate() {
        if consumed[i] {
            last_entity = None;
            continue;
        }
        if let Some(e) = entity_at(mentions, tok.start, tok.end) {
            if last_entity != Some(e) {
                entity_run += 1;
            }
            // The name word's transliteration key (its first three sounds) as well, so that spellings the linker
            // left apart (شنغهاي / شانغاي) still meet; generic words inside names (منظمة, اتحاد) are not keyed.
            if entities[e].kind != EntityKind::Date
                && tok.norm.chars().count() >= 4
                && background_factor(&light_stem(&tok.norm)) >= params.name_word_rarity
            {
                let key: String = arabic::translit_key(&tok.norm).chars().take(3).collect();
                if key.chars().count() == 3 {
                    content.push((hash_of(FeatureKind::Entity, &key), FeatureKind::Entity));
                    place.push((i, entity_run));
                }
            }
            if last_entity != Some(e) {
                let entity = &entities[e];
                if entity.kind == EntityKind::Date {
                    let value = entity.value.clone().unwrap_or_else(|| entity.label.clone());
                    content.push((hash_of(FeatureKind::Date, &value), FeatureKind::Date));
                    place.push((i, entity_run));
                    facts.push(Fact {
                        what: "date",
                        entity_kind: None,
                        value,
                    });
                } else {
                    if entity.kind == EntityKind::Person {
                        people.push(e);
                    }
                    content.push((hash_of(FeatureKind::Entity, &entity.id), FeatureKind::Entity));
                    place.push((i, entity_run));
                    facts.push(Fact {
                        what: "entity",
                        entity_kind: Some(entity.kind),
                        value: entity.label.clone(),
                    });
                }
            }
            last_entity = Some(e);
            continue;
        }
        last_entity = None;
        if tok.is_number() {
            let value = tok.norm.trim_start_matches('0').to_string();
            let value = if value.is_empty() { "0".to_string() } else { value };
            content.push((hash_of(FeatureKind::Number, &value), FeatureKind::Number));
            place.push((i, i));
            let unit_word = tokens
                .get(i + 1)
                .filter(|t| !t.is_number() && !is_stop_word(&t.norm) && !consumed[i + 1])
                .map(|t| light_stem(&t.norm));
            facts.push(match unit_word {
                Some(w) => Fact {
                    what: "quantity",
                    entity_kind: None,
                    value: format!("{value} {w}"),
                },
                None => Fact {
                    what: "number",
                    entity_kind: None,
                    value,
                },
            });
            continue;
        }
        if is_stop_word(&tok.norm) {
            continue;
        }
        let stem = light_stem(&tok.norm);
        let canon = canonical(&stem);
        let hash = hash_of(FeatureKind::Stem, &canon);
        content.push((hash, FeatureKind::Stem));
        place.push((i, i));
        priors.push((hash, background_factor(canon)));
    }

    let mut features: Vec<(u64, FeatureKind)> = content.clone();
    let prior_of = |h: u64| priors.iter().find(|p| p.0 == h).map_or(1.0, |p| p.1);
    let mut pair_priors = Vec::new();
    let mut reading: Vec<usize> = (0..content.len()).collect();
    reading.sort_by_key(|&k| place[k].0);
    for (n, &i) in reading.iter().enumerate() {
        for &j in &reading[n + 1..reading.len().min(n + 1 + params.pair_window)] {
            let (x, y) = (content[i].0, content[j].0);
            if x != y && place[i].1 != place[j].1 {
                let key = (x.min(y), x.max(y));
                let hash = hash_of(FeatureKind::Pair, &key);
                features.push((hash, FeatureKind::Pair));
                pair_priors.push((hash, prior_of(x) * prior_of(y)));
            }
        }
    }
    priors.extend(pair_priors);
    for w in token_hashes.windows(params.shingle) {
        features.push((hash_of(FeatureKind::Shingle, &w), FeatureKind::Shingle));
    }
    features.sort_unstable_by_key(|f| f.0);
    features.dedup_by_key(|f| f.0);
    facts.dedup();
    people.sort_unstable();
    people.dedup();

    let unit = UnitData {
        article: article_index,
        unit,
        position,
        token_spans: tokens.iter().map(|t| (t.start, t.end)).collect(),
        token_hashes,
        features,
        facts,
        people,
        token_entities,
    };
    (unit, priors)
}
