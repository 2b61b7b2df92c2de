//! What a claim unit says, as weighted features: content stems under the synonym table, linked entities, numbers,
//! dates, near pairs of those, and token shingles for verbatim reuse.

use super::params::FeatureParams;
use super::text::{background_factor, canonical, is_stop_word, light_stem, light_stem_slice, tokenize};
use super::units::ClaimUnit;
use crate::analysis::model::{Entity, EntityKind};
use crate::arabic;
use crate::corpus::Article;
use crate::word_list::WordList;
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
    /// The normalised value (a date as `2020-10-18`, a number as digits — words read as figures —, a time as `9:13`,
    /// an entity as its label).
    pub value: String,
    /// A rounded figure ("more than 300", "about 300"): against an exact one, a soft difference.
    pub approximate: bool,
}

/// A unit with everything the matcher needs.
#[derive(Debug, Clone)]
pub struct UnitData {
    pub article: usize,
    pub unit: ClaimUnit,
    /// Byte range of each token in the article text.
    pub token_spans: Vec<(usize, usize)>,
    /// Hashes of the normalised tokens (for local alignment).
    pub token_hashes: Vec<u64>,
    /// The low halves of `token_hashes`, sorted: what two units could at most align, before aligning them.
    pub sorted_tokens: Vec<u32>,
    /// Sorted, deduplicated feature hashes with their kinds.
    pub features: Vec<(u64, FeatureKind)>,
    pub facts: Vec<Fact>,
    /// Linked people the unit names (entity indices, sorted).
    pub people: Vec<usize>,
    /// Per token: the linked entity whose mention it is part of.
    pub token_entities: Vec<Option<usize>>,
    /// Per token: part of what is said, not of who says it or when (not a role before a name, an attribution verb,
    /// a medium's name, a person's name or a date).
    pub said: Vec<bool>,
    /// Words of what is said outside any linked name, not function words, of two letters or more: what the unit
    /// states beyond who and where.
    pub said_words: usize,
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

/// A figure stated in a unit: its value, the tokens it takes, whether it is rounded.
struct Figure {
    value: String,
    tokens: usize,
    approximate: bool,
}

/// Words before a figure that make it a rounded one: «أكثر من 300», «نحو 300», «قرابة 300».
const APPROXIMATE_BEFORE: &[&[&str]] = &[
    &["اكثر", "من"],
    &["اقل", "من"],
    &["يزيد", "عن"],
    &["يزيد", "علي"],
    &["يقارب"],
    &["نحو"],
    &["حوالي"],
    &["قرابه"],
    &["زهاء"],
    &["ما", "يقرب", "من"],
];

/// The figures of a unit by the token they start at: digits, number words (through [`arabic::numbers`]), and
/// clock times (`09 : 13` is one time, not two numbers). Tokens already consumed (dates) are not read.
fn read_figures(text: &str, tokens: &[arabic::Token], consumed: &[bool]) -> Vec<Option<Figure>> {
    let mut out: Vec<Option<Figure>> = (0..tokens.len()).map(|_| None).collect();
    let words: Vec<(&str, bool)> = tokens.iter().map(|t| (t.norm.as_str(), t.is_number())).collect();
    let mut i = 0;
    while i < tokens.len() {
        if consumed[i] {
            i += 1;
            continue;
        }
        // A clock time: two digit groups of at most two digits joined by a colon alone.
        let time = tokens.get(i + 1).filter(|next| {
            let (h, m) = (&tokens[i].norm, &next.norm);
            tokens[i].is_number()
                && next.is_number()
                && h.len() <= 2
                && m.len() == 2
                && h.parse::<u32>().is_ok_and(|h| h < 24)
                && m.parse::<u32>().is_ok_and(|m| m < 60)
                && text.get(tokens[i].end..next.start).is_some_and(|gap| gap.trim() == ":")
        });
        // A decimal as scrapers space it (`1 . 4 مليون`, `31 . 92 %`): short digit groups joined by a dot alone.
        let decimal = tokens.get(i + 1).filter(|next| {
            let (whole, part) = (&tokens[i].norm, &next.norm);
            time.is_none()
                && tokens[i].is_number()
                && next.is_number()
                && (1..=3).contains(&whole.len())
                && (1..=2).contains(&part.len())
                && whole.bytes().chain(part.bytes()).all(|b| b.is_ascii_digit())
                && text.get(tokens[i].end..next.start).is_some_and(|gap| gap.trim() == ".")
        });
        let found = match (time, decimal) {
            (Some(next), _) => Some((format!("{}:{}", tokens[i].norm.trim_start_matches('0'), next.norm), 2)),
            (None, Some(next)) => {
                let joined = format!("{}.{}", tokens[i].norm, next.norm);
                let mut spaced: Vec<(&str, bool)> = vec![(joined.as_str(), true)];
                spaced.extend_from_slice(&words[i + 2..]);
                arabic::numbers::read_figure(&spaced).map(|(value, n)| (arabic::numbers::format_value(value), n + 1))
            }
            (None, None) => {
                arabic::numbers::read_figure(&words[i..]).map(|(value, n)| (arabic::numbers::format_value(value), n))
            }
        };
        let Some((value, n)) = found else {
            i += 1;
            continue;
        };
        let before = |phrase: &[&str]| {
            i >= phrase.len()
                && phrase
                    .iter()
                    .zip(&tokens[i - phrase.len()..i])
                    .all(|(w, t)| t.norm == *w || t.norm.strip_prefix('و') == Some(*w))
        };
        let approximate = time.is_none()
            && (APPROXIMATE_BEFORE.iter().any(|&p| before(p)) || tokens.get(i + n).is_some_and(|t| t.norm == "تقريبا"));
        out[i] = Some(Figure {
            value: if value.is_empty() { "0".to_string() } else { value },
            tokens: n,
            approximate,
        });
        i += n;
    }
    out
}

/// Marks who speaks as consumed: an attribution verb or «according to» (قال, أكد, أفاد, نقلت, بحسب, وفقا …) with the
/// speaker it introduces — the first linked name within `window` tokens and any role words before it — and a
/// medium or statement word (وكالة, صحيفة, بيان …) with the name that follows it. Who says a thing is shown and
/// compared, but two statements do not become one by sharing their speaker.
fn consume_attribution(tokens: &[arabic::Token], mentions: &MentionIndex, window: usize, consumed: &mut [bool]) {
    let base = |norm: &str| -> String {
        let n = norm
            .strip_prefix('و')
            .or_else(|| norm.strip_prefix('ف'))
            .unwrap_or(norm);
        n.to_string()
    };
    let is_name = |t: &arabic::Token| entity_at(mentions, t.start, t.end).is_some();
    let mut i = 0;
    while i < tokens.len() {
        let word = base(&tokens[i].norm);
        let verb = ATTRIBUTION_VERBS.contains(word.as_str());
        let medium = !verb
            && (ATTRIBUTION_MEDIA.contains(word.as_str())
                || word.strip_prefix('ل').is_some_and(|w| ATTRIBUTION_MEDIA.contains(w)));
        if !verb && !medium {
            i += 1;
            continue;
        }
        consumed[i] = true;
        let reach = if medium { 2 } else { window };
        let end = (i + 1 + reach).min(tokens.len());
        // The speaker: up to the end of the first name in reach (a clause opener «أن/إن» ends the search).
        let mut last = None;
        let mut j = i + 1;
        while j < end {
            let n = tokens[j].norm.as_str();
            if matches!(n, "ان" | "انه" | "انها" | "بان" | "بانه") {
                break;
            }
            if is_name(&tokens[j]) {
                let mut k = j;
                while k + 1 < tokens.len() && is_name(&tokens[k + 1]) {
                    k += 1;
                }
                last = Some(k);
                break;
            }
            j += 1;
        }
        if let Some(k) = last {
            for c in &mut consumed[i..=k] {
                *c = true;
            }
            i = k + 1;
        } else {
            i += 1;
        }
    }
}

/// Reporting verbs and «according to» words that introduce who speaks (folded).
static ATTRIBUTION_VERBS: WordList = WordList::new(include_str!("../../../assets/words/claims/attribution_verbs.txt"));
/// Media and statement words whose following name is the source, not the content (folded).
static ATTRIBUTION_MEDIA: WordList = WordList::new(include_str!("../../../assets/words/claims/attribution_media.txt"));

/// How telling a stem or near-pair feature is in news generally ([`background_factor`]), by feature hash.
pub type Priors = Vec<(u64, f32)>;

/// Extracts the features of one unit, and the priors of its stem and pair features (the same for every unit that
/// has the feature: callers gather them once rather than keep a copy per unit).
pub fn unit_data(
    article_index: usize,
    article: &Article,
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
                approximate: false,
            });
        }
    }

    consume_role_descriptors(&tokens, mentions, entities, params.descriptor_window, &mut consumed);
    consume_attribution(&tokens, mentions, params.attribution_window, &mut consumed);
    let said: Vec<bool> = consumed
        .iter()
        .zip(&token_entities)
        .map(|(&c, e)| !c && e.is_none_or(|e| entities[e].kind != EntityKind::Person))
        .collect();
    let figures = read_figures(&article.text, &tokens, &consumed);

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
                && background_factor(light_stem_slice(&tok.norm)) >= params.name_word_rarity
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
                        approximate: false,
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
                        approximate: false,
                    });
                }
            }
            last_entity = Some(e);
            continue;
        }
        last_entity = None;
        if let Some(figure) = &figures[i] {
            content.push((hash_of(FeatureKind::Number, &figure.value), FeatureKind::Number));
            place.push((i, i));
            let after = i + figure.tokens;
            let unit_word = tokens
                .get(after)
                .filter(|t| !t.is_number() && !is_stop_word(&t.norm) && !consumed[after])
                .map(|t| light_stem(&t.norm));
            facts.push(Fact {
                what: if unit_word.is_some() { "quantity" } else { "number" },
                entity_kind: None,
                value: match unit_word {
                    Some(w) => format!("{} {w}", figure.value),
                    None => figure.value.clone(),
                },
                approximate: figure.approximate,
            });
            for c in &mut consumed[i..after.min(tokens.len())] {
                *c = true;
            }
            continue;
        }
        if tok.is_number() {
            continue;
        }
        if is_stop_word(&tok.norm) {
            continue;
        }
        let canon = canonical(light_stem_slice(&tok.norm));
        let hash = hash_of(FeatureKind::Stem, &canon);
        content.push((hash, FeatureKind::Stem));
        place.push((i, i));
        priors.push((hash, background_factor(canon)));
    }

    let mut features: Vec<(u64, FeatureKind)> =
        Vec::with_capacity(content.len() * (1 + params.pair_window) + token_hashes.len());
    features.extend_from_slice(&content);
    // Each content feature's prior (the first recorded for its hash), found once rather than once per pair.
    let content_prior: Vec<f32> = content
        .iter()
        .map(|&(h, _)| priors.iter().find(|p| p.0 == h).map_or(1.0, |p| p.1))
        .collect();
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
                pair_priors.push((hash, content_prior[i] * content_prior[j]));
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

    let said_words = tokens
        .iter()
        .enumerate()
        .filter(|&(k, t)| said[k] && token_entities[k].is_none() && t.end - t.start > 2 && !is_stop_word(&t.norm))
        .count();
    let mut sorted_tokens: Vec<u32> = token_hashes.iter().map(|&h| h as u32).collect();
    sorted_tokens.sort_unstable();
    let unit = UnitData {
        article: article_index,
        unit,
        token_spans: tokens.iter().map(|t| (t.start, t.end)).collect(),
        token_hashes,
        sorted_tokens,
        features,
        facts,
        people,
        token_entities,
        said,
        said_words,
    };
    (unit, priors)
}
