//! Short forms of names given in full: a later surname alone is the same person.

use super::*;

/// A later (or earlier) surname alone, or a full name again, of a person named in full in the article — found where
/// nothing else was (شويغو after سيرغي شويغو; لشويجو after سيرجي شويجو gives شويجو).
pub(super) fn short_forms(
    text: &str,
    sentences: &[Sentence],
    params: &RecognitionParams,
    mentions: &mut Vec<RawMention>,
) {
    let mut surnames: HashSet<String> = HashSet::new();
    for words in full_person_names(text, mentions) {
        if let Some(last) = words.last()
            && last.chars().count() >= params.surname_min_letters
        {
            surnames.insert(last.clone());
        }
    }
    if surnames.is_empty() {
        return;
    }
    // The mentions are sorted by start; the furthest end reached by those up to each index tells in one binary search
    // whether a span overlaps any of them.
    let mut reach = Vec::with_capacity(mentions.len());
    let mut furthest = 0;
    for m in mentions.iter() {
        furthest = furthest.max(m.end);
        reach.push(furthest);
    }
    let free = |start: usize, end: usize| {
        let before_end = mentions.partition_point(|m| m.start < end);
        before_end == 0 || reach[before_end - 1] <= start
    };
    let mut added = Vec::new();
    for s in sentences {
        for t in &s.toks {
            let (start, hit) = if surnames.contains(&t.norm) {
                (t.start, true)
            } else if t.proclitic_bytes() > 0 && surnames.contains(t.base()) {
                (t.start + t.proclitic_bytes(), true)
            } else {
                (0, false)
            };
            if hit && free(start, t.end) {
                added.push(RawMention {
                    start,
                    end: t.end,
                    kind: EntityKind::Person,
                    value: None,
                    canonical: None,
                    origin: MentionOrigin::Coreference,
                    confidence: params.coreference_confidence,
                });
            }
        }
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| m.start);
}
