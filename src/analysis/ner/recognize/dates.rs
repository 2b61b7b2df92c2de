//! Date mentions with their normalised values.

use super::*;

/// Dates with their normalised values.
pub(super) fn date_mentions(text: &str, s: &Sentence, params: &RecognitionParams, out: &mut Vec<Candidate>) {
    let Some(body) = text.get(s.start..s.end) else { return };
    for d in find_dates(body) {
        let before = out.len();
        push(
            out,
            params,
            s.start + d.start,
            s.start + d.end,
            EntityKind::Date,
            MentionOrigin::Date,
            params.date_rank,
        );
        if let Some(c) = out.get_mut(before) {
            c.mention.value = Some(d.value.clone());
        }
    }
}
