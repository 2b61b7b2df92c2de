//! Linking: clusters the mentions of all articles into entities despite spelling and transliteration variants.
//!
//! Each mention gets a key:
//! - dates: their normalised `value` (else their normalised text);
//! - a gazetteer identity (`canonical`, given by recognition or found here by looking the name up, also with
//!   transliteration tolerance): إيران, الإيرانية and الجمهورية الإسلامية are one entity `place:IR`; a one-word
//!   spelling variant takes the identity only if the corpus writes the entry as the gazetteer does at least as often
//!   (`confirm_spelling_variants`);
//! - otherwise its name: normalised words, the first one without clitics.
//!
//! Names are then merged:
//! 1. within one article, a one-word person name takes the full name it is the surname of (سيرغي شويغو … شويغو),
//!    the latest earlier one, else the first later one (a headline may come before the full name);
//! 2. across articles, names of the same kind are compared only with names that share match keys ([`match_keys`])
//!    of their first and last words, never all pairs: person names of two words or more match when their first and
//!    last words match ([`words_match`]), other names when all words match; two groups of forms join only when their
//!    heads (most mentioned forms) match too, so near spellings do not chain distant names together;
//! 3. a one-word person name left alone joins the one multi-word person whose last word it matches, if exactly one.
//!
//! Common given names alone (محمد, علي, …) never merge across articles: two people both called محمد stay apart.

use super::gazetteer::Gazetteer;
use super::mention::RawMention;
use super::model::{Entity, EntityKind, Mention};
use crate::arabic::{NameKey, TokenKind, match_keys, normalize, strip_clitics, tokenize, words_match};
use crate::corpus::Article;
use crate::word_list::WordList;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::HashMap;

/// A linking bucket: entity kind, name length class and spelling key.
type BucketKey = (EntityKind, usize, u64);

/// Given names too common to identify anyone alone (normalised).
static COMMON_GIVEN_NAMES: WordList = WordList::new(include_str!("../../assets/words/linking/common_given_names.txt"));

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Canonical(String),
    Date(String),
    /// Normalised words; the first without its clitics.
    Name(Vec<String>),
}

#[derive(Debug)]
struct Rec {
    article: usize,
    start: usize,
    end: usize,
    kind: EntityKind,
    key: Key,
    /// The gazetteer identity the name is a spelling variant of (its key stays the name until the corpus confirms it:
    /// see [`confirm_spelling_variants`]).
    variant_of: Option<String>,
}

/// Titles and roles a recogniser may leave before a person's name (normalised, clitics stripped).
static TITLES: WordList = WordList::new(include_str!("../../assets/words/linking/titles.txt"));

/// The normalised words of a name: leading titles dropped (اللواء محمد باقري → محمد باقري), the first word
/// without a conjunction or preposition.
fn person_words(text: &str, params: &LinkParams) -> Vec<String> {
    let mut words = name_words(text, params);
    while words.len() > 1 && TITLES.contains(strip_clitics(&words[0]).base.as_str()) {
        words.remove(0);
        if let Some(first) = words.first_mut() {
            let base = strip_clitics(first).base_with_article();
            if base.chars().count() >= params.name_min_letters {
                *first = base;
            }
        }
    }
    words
}

/// The normalised words of a name, the first without a conjunction or preposition.
fn name_words(text: &str, params: &LinkParams) -> Vec<String> {
    let mut words: Vec<String> = tokenize(text)
        .into_iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Latin | TokenKind::Number))
        .map(|t| t.norm)
        .collect();
    if let Some(first) = words.first_mut() {
        let a = strip_clitics(first);
        // Keep the article: العراق stays العراق; shed only و ف ب ك ل.
        let base = a.base_with_article();
        if base.chars().count() >= params.name_min_letters {
            *first = base;
        }
    }
    words
}

fn record(article: usize, text: &str, m: &RawMention, gazetteer: &Gazetteer, params: &LinkParams) -> Option<Rec> {
    let span = text.get(m.start..m.end)?;
    if span.trim().is_empty() {
        return None;
    }
    let mut variant_of = None;
    let key = if m.kind == EntityKind::Date {
        Key::Date(m.value.clone().unwrap_or_else(|| normalize(span.trim())))
    } else if let Some(c) = &m.canonical {
        Key::Canonical(c.clone())
    } else if m.kind != EntityKind::Person {
        match gazetteer.lookup(span) {
            Some((_, c)) => Key::Canonical(c.to_string()),
            None => {
                let words = name_words(span, params);
                let found = gazetteer.lookup_fuzzy(span).map(|(_, c)| c.to_string());
                // A variant of several words shares a word with the entry as written: its identity is taken at once.
                match found {
                    Some(c) if words.len() > 1 => Key::Canonical(c),
                    found => {
                        variant_of = found;
                        Key::Name(words)
                    }
                }
            }
        }
    } else {
        Key::Name(person_words(span, params))
    };
    if let Key::Name(w) = &key
        && w.is_empty()
    {
        return None;
    }
    Some(Rec {
        article,
        start: m.start,
        end: m.end,
        kind: m.kind,
        key,
        variant_of,
    })
}

/// A one-word name the gazetteer finds only as a spelling variant of an entry takes the entry's identity when the
/// corpus names that entry as the gazetteer writes it at least as often as it writes the variant: a variant is a
/// variant of something the articles say the usual way. A well-formed name of another place that happens to lie one letter
/// from a rare entry (أوروبا from أروبا, القابون from الغابون, سامراء from سامارا, ديالى from ديلي on the dev articles)
/// is written often and the entry never, so it stays its own name; بروكسيل beside a hundred بروكسل joins Brussels.
fn confirm_spelling_variants(recs: &mut [Rec]) {
    let mut exact: FxHashMap<&str, usize> = FxHashMap::default();
    let mut written: FxHashMap<(&Key, &str), usize> = FxHashMap::default();
    for r in recs.iter() {
        match (&r.key, &r.variant_of) {
            (Key::Canonical(c), _) => *exact.entry(c.as_str()).or_default() += 1,
            (key, Some(c)) => *written.entry((key, c.as_str())).or_default() += 1,
            _ => {}
        }
    }
    let confirmed: Vec<bool> = recs
        .iter()
        .map(|r| {
            r.variant_of.as_deref().is_some_and(|c| {
                let variant = written.get(&(&r.key, c)).copied().unwrap_or(0);
                exact.get(c).copied().unwrap_or(0) >= variant
            })
        })
        .collect();
    for (r, yes) in recs.iter_mut().zip(confirmed) {
        if yes && let Some(c) = r.variant_of.take() {
            r.key = Key::Canonical(c);
        }
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index stays root: deterministic.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Whether two distinct name forms (normalised words) of the same kind name the same entity.
fn forms_match(kind: EntityKind, a: &[String], b: &[String]) -> bool {
    if kind == EntityKind::Person && a.len() >= 2 && b.len() >= 2 {
        return words_match(&a[0], &b[0]) && words_match(&a[a.len() - 1], &b[b.len() - 1]);
    }
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| words_match(x, y))
}

/// The tunable numbers of linking, with their defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkParams {
    /// A name's first word keeps its clitics unless at least this many letters are left without them: 2.
    pub name_min_letters: usize,
    /// A label written with لل is cited with the article (للحرس → الحرس) when its first word keeps at least this
    /// many letters: 3.
    pub citation_rest_min_letters: usize,
}

impl Default for LinkParams {
    fn default() -> Self {
        Self {
            name_min_letters: 2,
            citation_rest_min_letters: 3,
        }
    }
}

/// `mentions[i]` are the mentions of `articles[i]`. Entity ids are stable for the same input. Default parameters.
pub fn link_entities(articles: &[Article], mentions: &[Vec<RawMention>]) -> Vec<Entity> {
    link_entities_with(articles, mentions, &LinkParams::default())
}

/// [`link_entities`] with explicit parameters.
pub fn link_entities_with(articles: &[Article], mentions: &[Vec<RawMention>], params: &LinkParams) -> Vec<Entity> {
    let gazetteer = Gazetteer::global();
    // 1. Keys, per article in parallel; within-article short-form resolution.
    let per_article: Vec<Vec<Rec>> = articles
        .par_iter()
        .zip(mentions.par_iter())
        .enumerate()
        .map(|(ai, (article, ms))| {
            // The mentions of one article in parallel too: a single long article is otherwise one thread's work.
            let mut recs: Vec<Rec> = ms
                .par_iter()
                .filter_map(|m| record(ai, &article.text, m, gazetteer, params))
                .collect();
            recs.sort_by_key(|r| (r.start, r.end));
            recs.dedup_by(|b, a| a.start == b.start && a.end == b.end && a.kind == b.kind);
            resolve_short_names(&mut recs);
            recs
        })
        .collect();
    let mut recs: Vec<Rec> = per_article.into_iter().flatten().collect();
    confirm_spelling_variants(&mut recs);

    // 2. Group identical keys; name forms become union-find nodes.
    let mut group_of_key: FxHashMap<(Option<EntityKind>, &Key, Option<usize>), usize> = FxHashMap::default();
    let mut groups: Vec<(EntityKind, Key)> = Vec::new();
    let mut rec_group: Vec<usize> = Vec::with_capacity(recs.len());
    for r in &recs {
        let kind_part = match r.key {
            Key::Canonical(_) => None,
            _ => Some(r.kind),
        };
        // A common given name alone is only itself within its article.
        let article_part = match &r.key {
            Key::Name(w) if w.len() == 1 && COMMON_GIVEN_NAMES.contains(w[0].as_str()) => Some(r.article),
            _ => None,
        };
        let next = groups.len();
        let g = *group_of_key.entry((kind_part, &r.key, article_part)).or_insert(next);
        if g == next {
            groups.push((r.kind, r.key.clone()));
        }
        rec_group.push(g);
    }
    let mut uf = UnionFind::new(groups.len());
    let common = |w: &[String]| w.len() == 1 && COMMON_GIVEN_NAMES.contains(w[0].as_str());

    // 3. Name forms compared only with those sharing match keys of their first and last words (never all pairs).
    // (bucket, group) in group order: most buckets hold one form, so they are filed in one sorted list, not a map.
    let mut filed: Vec<(BucketKey, usize)> = Vec::new();
    let mut surnames: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    // The match keys of each name form's first and last words, in parallel; filed in group order.
    // (group, kind, length class, more than one word, first-word keys, last-word keys)
    type FormKeys = (usize, EntityKind, usize, bool, Vec<String>, Vec<String>);
    let form_keys: Vec<FormKeys> = groups
        .par_iter()
        .enumerate()
        .filter_map(|(g, (kind, key))| {
            let Key::Name(w) = key else { return None };
            let (first, last) = (w.first()?, w.last()?);
            if common(w) {
                return None;
            }
            // Persons of two words or more compare first and last words whatever their length; others all words.
            let length_class = match (*kind, w.len()) {
                (_, 1) => 1,
                (EntityKind::Person, _) => 2,
                (_, n) => n + 1,
            };
            let first_keys = if w.len() > 1 {
                match_keys(first)
            } else {
                vec![String::new()]
            };
            Some((g, *kind, length_class, w.len() > 1, first_keys, match_keys(last)))
        })
        .collect();
    for &(g, kind, length_class, multi_word, ref first_keys, ref last_keys) in &form_keys {
        for fk in first_keys {
            for lk in last_keys {
                filed.push(((kind, length_class, hash_of(&(fk, lk))), g));
            }
        }
        if kind == EntityKind::Person && multi_word {
            for lk in last_keys {
                surnames.entry(hash_of(lk)).or_default().push(g);
            }
        }
    }
    // A stable sort keeps each bucket's members in group order; buckets of one member compare nothing.
    filed.par_sort_by_key(|&(key, _)| key);
    let mut bucket_list: Vec<(BucketKey, Vec<usize>)> = filed
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|run| run.len() >= 2)
        .map(|run| (run[0].0, run.iter().map(|&(_, g)| g).collect()))
        .collect();
    bucket_list.sort_by_key(|(key, members)| (members[0], key.1, key.2));
    // The comparisons of each bucket in parallel, skipping pairs the bucket's own matches already join; then the
    // matches are joined in bucket order. A pair the bucket already joins is joined corpus-wide too, so this makes
    // exactly the joins of one pass in that order (and one long article's linking is not one thread's work).
    let bucket_matches: Vec<Vec<(usize, usize)>> = bucket_list
        .par_iter()
        .map(|((kind, ..), members)| {
            let mut local = UnionFind::new(members.len());
            let mut matched = Vec::new();
            for (i, &a) in members.iter().enumerate() {
                for (j, &b) in members.iter().enumerate().skip(i + 1) {
                    if local.find(i) == local.find(j) {
                        continue;
                    }
                    if let (Key::Name(wa), Key::Name(wb)) = (&groups[a].1, &groups[b].1)
                        && forms_match(*kind, wa, wb)
                    {
                        local.union(i, j);
                        matched.push((a, b));
                    }
                }
            }
            matched
        })
        .collect();
    join_without_chains(&mut uf, &groups, &rec_group, bucket_matches.into_iter().flatten());
    // 4. A lone surname joins the single multi-word person it matches.
    let surname_keys: FxHashMap<usize, NameKey> = surnames
        .values()
        .flatten()
        .filter_map(|&b| match &groups[b].1 {
            Key::Name(wb) => wb.last().map(|last| (b, NameKey::of(last))),
            _ => None,
        })
        .collect();
    // The full names each lone surname matches, in parallel (the comparisons); the joins in group order after.
    let lone_surnames: Vec<(usize, Vec<usize>)> = groups
        .par_iter()
        .enumerate()
        .filter_map(|(a, (kind, key))| {
            let Key::Name(wa) = key else { return None };
            if *kind != EntityKind::Person || wa.len() != 1 || common(wa) {
                return None;
            }
            let key = NameKey::of(&wa[0]);
            let full_names: Vec<usize> = match_keys(&wa[0])
                .iter()
                .filter_map(|k| surnames.get(&hash_of(k)))
                .flatten()
                .filter(|&&b| surname_keys.get(&b).is_none_or(|kb| key.may_match(kb)))
                .filter(|&&b| matches!(&groups[b].1, Key::Name(wb) if words_match(&wa[0], &wb[wb.len() - 1])))
                .copied()
                .collect();
            Some((a, full_names))
        })
        .collect();
    for (a, full_names) in lone_surnames {
        let mut roots: Vec<usize> = full_names.iter().map(|&b| uf.find(b)).collect();
        roots.sort_unstable();
        roots.dedup();
        if let [root] = roots[..] {
            uf.union(a, root);
        }
    }

    // 5. Entities in order of first appearance.
    let mut order: Vec<usize> = (0..recs.len()).collect();
    order.sort_by_key(|&i| (recs[i].article, recs[i].start, recs[i].end));
    let mut entity_of_root: FxHashMap<usize, usize> = FxHashMap::default();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for &i in &order {
        let root = uf.find(rec_group[i]);
        let next = members.len();
        let e = *entity_of_root.entry(root).or_insert(next);
        if e == next {
            members.push(Vec::new());
        }
        members[e].push(i);
    }
    members
        .into_par_iter()
        .enumerate()
        .map(|(n, recs_of)| build_entity(n, &recs_of, &recs, articles, params))
        .collect()
}

/// Joins the name forms of matching pairs, in order, unless the join would chain names that do not match.
/// Spelling tolerance is not transitive: الزبداني matches زبداني, which matches زبدين, which matches الجبارين …, and on
/// the dev articles one place gathered الزبداني, جوبر, جبل, القيروان and جازان (549 mentions). So two groups of forms
/// join only when their heads match: each group's most mentioned form, the name it is known by. A chain of near
/// spellings then cannot carry a name to a distant one.
fn join_without_chains(
    uf: &mut UnionFind,
    groups: &[(EntityKind, Key)],
    rec_group: &[usize],
    matches: impl Iterator<Item = (usize, usize)>,
) {
    let mut mentions = vec![0usize; groups.len()];
    for &g in rec_group {
        mentions[g] += 1;
    }
    let mut head: Vec<usize> = (0..groups.len()).collect();
    let words = |g: usize| match &groups[g].1 {
        Key::Name(w) => Some(w.as_slice()),
        _ => None,
    };
    for (a, b) in matches {
        let (ra, rb) = (uf.find(a), uf.find(b));
        if ra == rb {
            continue;
        }
        let (ha, hb) = (head[ra], head[rb]);
        let heads_match = (ha, hb) == (a, b)
            || (ha, hb) == (b, a)
            || matches!((words(ha), words(hb)), (Some(x), Some(y)) if forms_match(groups[ha].0, x, y));
        if !heads_match {
            continue;
        }
        uf.union(ra, rb);
        // The head is the form with more mentions (the earlier group on a tie: deterministic).
        head[uf.find(ra)] = if (mentions[hb], std::cmp::Reverse(hb)) > (mentions[ha], std::cmp::Reverse(ha)) {
            hb
        } else {
            ha
        };
    }
}

/// Within one article (records sorted by position): a one-word person name takes the full name whose last word it
/// matches — the latest earlier one, else the first later one. Full names are filed by their last word and its match
/// keys, so each short name looks at the few surnames it may match and binary-searches their positions.
fn resolve_short_names(recs: &mut [Rec]) {
    // Distinct last words of full names → (start, words) of each full name ending so, by start.
    let mut by_last: FxHashMap<String, Vec<(usize, Vec<String>)>> = FxHashMap::default();
    for r in recs.iter().filter(|r| r.kind == EntityKind::Person) {
        if let Key::Name(w) = &r.key
            && w.len() >= 2
            && let Some(last) = w.last()
        {
            by_last.entry(last.clone()).or_default().push((r.start, w.clone()));
        }
    }
    if by_last.is_empty() {
        return;
    }
    // Each distinct last word with its key worked out once: a short name rules out most candidates by key alone.
    let lasts: Vec<&str> = by_last.keys().map(String::as_str).collect();
    let last_number: FxHashMap<&str, usize> = lasts.iter().enumerate().map(|(n, l)| (*l, n)).collect();
    let last_keys: Vec<NameKey> = lasts.iter().map(|last| NameKey::of(last)).collect();
    // Every full name by position, with its last word's number: a short name looks at the nearest ones first.
    let mut full_names: Vec<(usize, usize)> = by_last
        .iter()
        .flat_map(|(last, fulls)| fulls.iter().map(|f| (f.0, last_number[last.as_str()])))
        .collect();
    full_names.sort_unstable();
    let mut lasts_by_key: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (n, last) in lasts.iter().enumerate() {
        for k in match_keys(last) {
            lasts_by_key.entry(k).or_default().push(n);
        }
    }
    let matches = |short: &str, key: &NameKey, n: usize| key.may_match(&last_keys[n]) && words_match(short, lasts[n]);
    // Short names are resolved in parallel (each only reads the full names); the last words a short name matches
    // are worked out once per distinct short name and task (only for short names whose full name is not among the
    // nearest earlier ones).
    let chosen: Vec<(usize, Vec<String>)> = recs
        .par_iter()
        .enumerate()
        .filter(|(_, r)| r.kind == EntityKind::Person)
        .map_init(FxHashMap::<String, Vec<usize>>::default, |matches_of, (i, r)| {
            let Key::Name(w) = &r.key else { return None };
            if w.len() != 1 || COMMON_GIVEN_NAMES.contains(w[0].as_str()) {
                return None;
            }
            let key = NameKey::of(&w[0]);
            // The nearest earlier full names, latest first: the first that matches is the one the full search would
            // choose, so a name introduced just before costs a few comparisons, not one per similar surname.
            let before = full_names.partition_point(|f| f.0 < r.start);
            let nearest = full_names[..before]
                .iter()
                .rev()
                .take(NEAREST_FULL_NAMES)
                .find(|&&(_, n)| matches(&w[0], &key, n));
            let found = match nearest {
                Some(&(start, n)) => by_last[lasts[n]].iter().find(|f| f.0 == start),
                None => {
                    let candidates = matches_of.entry(w[0].clone()).or_insert_with(|| {
                        let mut found: Vec<usize> = match_keys(&w[0])
                            .iter()
                            .filter_map(|k| lasts_by_key.get(k))
                            .flatten()
                            .copied()
                            .filter(|&n| matches(&w[0], &key, n))
                            .collect();
                        found.sort_unstable();
                        found.dedup();
                        found
                    });
                    let mut earlier: Option<&(usize, Vec<String>)> = None;
                    let mut later: Option<&(usize, Vec<String>)> = None;
                    for &n in candidates.iter() {
                        let full = &by_last[lasts[n]];
                        let before = full.partition_point(|f| f.0 < r.start);
                        if let Some(f) = before.checked_sub(1).and_then(|b| full.get(b))
                            && earlier.is_none_or(|e| f.0 > e.0)
                        {
                            earlier = Some(f);
                        }
                        let after = full.partition_point(|f| f.0 <= r.start);
                        if let Some(f) = full.get(after)
                            && later.is_none_or(|l| f.0 < l.0)
                        {
                            later = Some(f);
                        }
                    }
                    earlier.or(later)
                }
            };
            found.map(|(_, words)| (i, words.clone()))
        })
        .flatten()
        .collect();
    for (i, words) in chosen {
        recs[i].key = Key::Name(words);
    }
}

/// How many of the nearest earlier full names a short name tries before searching all full names by key.
const NEAREST_FULL_NAMES: usize = 16;

/// A hash of a bucket key (collisions only add comparisons; the comparison decides).
fn hash_of<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(value)
}

/// How a body or place is cited: a mention written with the preposition ل before the article (للحرس الثوري, kept
/// whole in the text) is labelled with the article alone (الحرس الثوري).
fn citation_form(written: &str, params: &LinkParams) -> String {
    match written.strip_prefix("لل") {
        Some(rest)
            if rest
                .split_whitespace()
                .next()
                .is_some_and(|w| w.chars().count() >= params.citation_rest_min_letters) =>
        {
            format!("ال{rest}")
        }
        _ => written.to_string(),
    }
}

fn build_entity(n: usize, idx: &[usize], recs: &[Rec], articles: &[Article], params: &LinkParams) -> Entity {
    let mut kind_counts: HashMap<EntityKind, usize> = HashMap::new();
    let mut form_counts: Vec<(String, usize, usize)> = Vec::new(); // (text, count, words)
    let mut form_of: FxHashMap<String, usize> = FxHashMap::default();
    let mut mentions = Vec::with_capacity(idx.len());
    let mut article_idx: Vec<usize> = Vec::new();
    let mut value = None;
    for &i in idx {
        let r = &recs[i];
        let article = &articles[r.article];
        let text = article.text[r.start..r.end].to_string();
        *kind_counts.entry(r.kind).or_default() += 1;
        match form_of.get(&text) {
            Some(&f) => form_counts[f].1 += 1,
            None => {
                let words = text.split_whitespace().count();
                form_of.insert(text.clone(), form_counts.len());
                form_counts.push((text.clone(), 1, words));
            }
        }
        if let (None, Key::Date(v)) = (&value, &r.key) {
            value = Some(v.clone());
        }
        if article_idx.last() != Some(&r.article) {
            article_idx.push(r.article);
        }
        mentions.push(Mention {
            article: article.id.clone(),
            start: r.start,
            end: r.end,
            text,
        });
    }
    // Most common kind; ties by the kind order (person before org before place …).
    let kind = kind_counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or(EntityKind::Other, |k| *k.0);
    // Variants: most common first, ties by first appearance (stable sort).
    let mut variants = form_counts.clone();
    variants.sort_by_key(|v| std::cmp::Reverse(v.1));
    // Label: the most common written form; for a person, among the forms with the most words (a full name rather
    // than the surname repeated after it).
    let label = if kind == EntityKind::Person {
        let most_words = variants.iter().map(|v| v.2).max().unwrap_or(0);
        variants.iter().find(|v| v.2 == most_words).map(|v| v.0.clone())
    } else {
        variants.first().map(|v| citation_form(&v.0, params))
    }
    .unwrap_or_default();
    Entity {
        id: format!("e{}", n + 1),
        kind,
        label,
        variants: variants.into_iter().map(|v| v.0).collect(),
        value: if kind == EntityKind::Date { value } else { None },
        articles: article_idx.into_iter().map(|a| articles[a].id.clone()).collect(),
        mentions,
    }
}
