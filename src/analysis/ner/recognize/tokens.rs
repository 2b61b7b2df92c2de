//! The sentences and tokens recognition works on: body sentences, each token with its proclitics measured.

use super::*;

/// One token of a body sentence: its byte range in the article text, its normalised form, and that form without
/// proclitics.
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) folded: String,
    /// Byte length in `folded` of its proclitics: `base()` is the rest.
    pub(super) clitic_len: usize,
    /// Byte length in the ORIGINAL text of those proclitics.
    pub(super) clitic_bytes: usize,
    pub(super) punct: bool,
    /// Written with a final ي (علي the name) rather than ى (على the preposition); both normalise to ي.
    pub(super) ya_final: bool,
}

impl Tok {
    pub(super) fn new(text: &str, t: Token) -> Tok {
        let (clitic, _) = strip_proclitics(&t.norm);
        let clitic_len = clitic.len();
        let clitic_bytes = original_prefix_bytes(&text[t.start..t.end], clitic.chars().count());
        Tok {
            start: t.start,
            end: t.end,
            clitic_len,
            folded: t.norm,
            clitic_bytes,
            punct: t.kind == TokenKind::Punct,
            ya_final: t.text.ends_with('ي'),
        }
    }

    pub(super) fn is_punct(&self) -> bool {
        self.punct
    }

    /// The folded form without proclitics.
    pub(super) fn base(&self) -> &str {
        &self.folded[self.clitic_len..]
    }

    /// The folded proclitics.
    pub(super) fn clitic(&self) -> &str {
        &self.folded[..self.clitic_len]
    }
}

/// Bytes of `raw` that hold its first `letters` normalised letters and the marks that follow them.
pub(super) fn original_prefix_bytes(raw: &str, letters: usize) -> usize {
    if letters == 0 {
        return 0;
    }
    let mut seen = 0;
    let mut buf = String::new();
    for (i, c) in raw.char_indices() {
        buf.clear();
        crate::arabic::push_normalized(c, &mut buf);
        if !buf.is_empty() {
            if seen >= letters {
                return i;
            }
            seen += buf.chars().count();
        }
    }
    raw.len()
}

pub(super) struct Sentence {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) toks: Vec<Tok>,
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
