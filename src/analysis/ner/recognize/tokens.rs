//! The sentences and tokens recognition works on: body sentences, each token with its proclitics measured.

use super::*;

/// One token of a body sentence (offsets into the article text) with its proclitics measured by recognition's rule
/// ([`strip_proclitics`]).
pub(super) type Tok<'a> = CliticSplit<'a>;

/// The token with its proclitics split off by recognition's rule.
pub(super) fn with_proclitics(token: Token<'_>) -> Tok<'_> {
    let proclitic_len = strip_proclitics(&token.norm).0.len();
    CliticSplit::new(token, proclitic_len)
}

/// Written with a final ي (علي the name) rather than ى (على the preposition); both fold to ي.
pub(super) fn ya_final(t: &Tok) -> bool {
    t.text.ends_with('ي')
}

pub(super) struct Sentence<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) toks: Vec<Tok<'a>>,
    /// Gazetteer matches over the sentence's tokens (shared by the tagger's features and the gazetteer mentions).
    pub(super) gaz: Vec<GazMatch>,
}

/// Byte ranges of the sentences to analyse: the article's body sentences, or its body segments split at line breaks
/// and sentence-final punctuation when the article has none.
pub(super) fn body_sentences(article: &Article) -> Vec<(usize, usize)> {
    if !article.sentences.is_empty() {
        return article.sentences.iter().map(|s| (s.start, s.end)).collect();
    }
    let mut out = Vec::new();
    for seg in article.body_segments() {
        let Some(body) = article.text.get(seg.start..seg.end) else {
            continue;
        };
        let mut start = 0;
        let mut chars = body.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
            if c == '\n' || (matches!(c, '.' | '!' | '?' | '؟') && next_is_space) {
                let end = i + c.len_utf8();
                if body[start..end].trim().chars().count() > 0 {
                    out.push((seg.start + start, seg.start + end));
                }
                start = end;
            }
        }
        if !body[start..].trim().is_empty() {
            out.push((seg.start + start, seg.end));
        }
    }
    out
}
