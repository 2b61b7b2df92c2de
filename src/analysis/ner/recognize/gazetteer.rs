//! Mentions from gazetteer matches (countries, cities, organisations, agencies, bodies) with their identities.

use super::*;

/// Gazetteer matches (countries, cities, organisations, agencies, bodies) with their canonical identities.
pub(super) fn gazetteer_mentions(s: &Sentence, params: &RecognitionParams, out: &mut Vec<Candidate>) {
    for m in &s.gaz {
        // A lone generic body word (حكومة، سفارة) names no particular body.
        if m.kind == GazKind::Body && m.tokens.len() == 1 {
            continue;
        }
        let before = out.len();
        push(
            out,
            params,
            m.start,
            m.end,
            m.kind.entity_kind(),
            MentionOrigin::Gazetteer,
            params.gazetteer_rank,
        );
        if let Some(c) = out.get_mut(before) {
            c.mention.canonical = (!m.canonical.is_empty()).then(|| m.canonical.clone());
        }
    }
}

/// Whether the gazetteer has this folded word as a name.
pub(super) fn gazetteer_knows(folded: &str) -> bool {
    Gazetteer::global().lookup(folded).is_some()
}
