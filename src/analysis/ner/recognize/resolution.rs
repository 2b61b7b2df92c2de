//! Overlapping candidates resolved into one mention per span, and lone tagger names without support dropped.

use super::*;
use std::collections::{BTreeMap, HashMap};

/// Keeps the best of overlapping candidates: higher rank, then longer, then earlier; returns them sorted by start.
pub(super) fn resolve(mut candidates: Vec<Candidate>) -> Vec<RawMention> {
    let origin_order = |o: MentionOrigin| match o {
        MentionOrigin::Date => 4,
        MentionOrigin::Gazetteer => 3,
        MentionOrigin::Pattern => 2,
        MentionOrigin::Coreference => 1,
        MentionOrigin::Tagger => 0,
    };
    candidates.sort_by(|a, b| {
        b.rank
            .cmp(&a.rank)
            .then((b.mention.end - b.mention.start).cmp(&(a.mention.end - a.mention.start)))
            .then(origin_order(b.mention.origin).cmp(&origin_order(a.mention.origin)))
            .then(a.mention.start.cmp(&b.mention.start))
    });
    // The spans taken so far, disjoint, by start: an overlap check looks at one neighbour (near-linear overall).
    let mut taken: BTreeMap<usize, RawMention> = BTreeMap::new();
    // The first identity given to each exact span (start, end, kind).
    let mut canonicals: HashMap<(usize, usize, EntityKind), String> = HashMap::new();
    for c in candidates {
        let mut m = c.mention;
        if let Some(canon) = &m.canonical {
            canonicals
                .entry((m.start, m.end, m.kind))
                .or_insert_with(|| canon.clone());
        }
        let free = taken.range(..m.end).next_back().is_none_or(|(_, t)| t.end <= m.start);
        if free && m.start < m.end {
            // A span the gazetteer also matched exactly carries its identity whoever found it.
            if m.canonical.is_none()
                && let Some(canon) = canonicals.get(&(m.start, m.end, m.kind))
            {
                m.canonical = Some(canon.clone());
            }
            taken.insert(m.start, m);
        }
    }
    let taken: Vec<RawMention> = taken.into_values().collect();
    taken
}

/// A one-word person from the tagger alone is kept only with support: training knew the word as a name, or it is a
/// word of a longer name in the same article. (Adjectives and verbs the tagger took for a name — عادل، جارية — go.)
pub(super) fn drop_unsupported_single_names(
    text: &str,
    lexicon: &Lexicon,
    params: &RecognitionParams,
    mentions: &mut Vec<RawMention>,
) {
    let mut name_words: HashSet<String> = HashSet::new();
    for words in full_person_names(text, mentions) {
        name_words.extend(words);
    }
    mentions.retain(|m| {
        if m.kind != EntityKind::Person || m.origin != MentionOrigin::Tagger {
            return true;
        }
        if tokenize(&text[m.start..m.end]).len() != 1 {
            return true;
        }
        let f = normalize(&text[m.start..m.end]);
        // Glued to a word before it (وعادل): a conjunction + adjective far more often than a name.
        let glued = text[..m.start].chars().next_back().is_some_and(char::is_alphabetic);
        name_words.contains(&f)
            || (!glued
                && lexicon.entity_type(&f) == Some("PERS")
                && lexicon.entity_count(&f) >= params.single_name_min_count
                && !lexicon.is_common(&f))
    });
}

/// The normalised words of each person mention of two words or more (a name given in full).
pub(super) fn full_person_names<'m>(
    text: &'m str,
    mentions: &'m [RawMention],
) -> impl Iterator<Item = Vec<String>> + 'm {
    mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| {
            tokenize(&text[m.start..m.end])
                .into_iter()
                .filter(Token::is_word)
                .map(|w| w.norm)
                .collect::<Vec<String>>()
        })
        .filter(|words| words.len() >= 2)
}
