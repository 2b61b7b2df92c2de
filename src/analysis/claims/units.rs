//! Claim units: the sentences of an article's body, long sentences cut into their clauses.

use super::params::UnitParams;
use super::text::tokenize;
use crate::corpus::{Article, SegmentKind};
use rayon::prelude::*;

/// A sentence, or a clause of a long sentence, of an article's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClaimUnit {
    /// Index into the article's `sentences`.
    pub sentence: usize,
    /// UTF-8 byte range into the article's text (trimmed: starts and ends on a visible character).
    pub start: usize,
    pub end: usize,
}

/// Words that open a new clause after a comma: participles that attach a second statement to a reporting verb.
const CLAUSE_OPENERS: &[&str] = &[
    "كما",
    "مضيفا",
    "مضيفاً",
    "مشيرا",
    "مشيراً",
    "مؤكدا",
    "مؤكداً",
    "معتبرا",
    "معتبراً",
    "لافتا",
    "لافتاً",
    "قائلا",
    "قائلاً",
    "متابعا",
    "متابعاً",
    "مصرحا",
    "مصرحاً",
    "موضحا",
    "موضحاً",
    "منوها",
    "منوهاً",
    "مشددا",
    "مشدداً",
    "متطلعا",
    "متطلعاً",
    "بينما",
    "في حين",
];

const QUOTES_OPEN: &[char] = &['"', '“', '«', '„'];

/// The claim units of `article` in reading order: its sentences that lie inside `body` segments, long ones cut at
/// clause boundaries (`، و…`, `، كما`, `، مضيفا`, `؛`, inner sentence ends, the opening of a quotation).
pub fn claim_units(article: &Article) -> Vec<ClaimUnit> {
    claim_units_with(article, &UnitParams::default())
}

/// [`claim_units`] with explicit parameters.
pub fn claim_units_with(article: &Article, params: &UnitParams) -> Vec<ClaimUnit> {
    let text = &article.text;
    // Body segments by start, so each sentence finds its segment by binary search (never sentences × segments).
    let mut body: Vec<(usize, usize)> = article
        .segments
        .iter()
        .filter(|seg| seg.kind == SegmentKind::Body)
        .map(|seg| (seg.start, seg.end))
        .collect();
    body.sort_unstable();
    // The furthest end among the segments starting at or before each one: a sentence is inside some body segment
    // exactly when the segments starting at or before it reach its end.
    let mut reach = Vec::with_capacity(body.len());
    let mut furthest = 0;
    for &(_, end) in &body {
        furthest = furthest.max(end);
        reach.push(furthest);
    }
    let in_body = |start: usize, end: usize| {
        let before = body.partition_point(|seg| seg.0 <= start);
        before > 0 && reach[before - 1] >= end
    };
    let per_sentence: Vec<Vec<ClaimUnit>> = article
        .sentences
        .par_iter()
        .enumerate()
        .map(|(index, sentence)| {
            if !in_body(sentence.start, sentence.end) || text.get(sentence.start..sentence.end).is_none() {
                return Vec::new();
            }
            split_clauses(text, sentence.start, sentence.end, params)
                .into_iter()
                .map(|(start, end)| ClaimUnit {
                    sentence: index,
                    start,
                    end,
                })
                .collect()
        })
        .collect();
    per_sentence.into_iter().flatten().collect()
}

/// Trims `text[start..end]` to its first and last visible (non-space, non-separator) character.
fn trim_range(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let slice = text.get(start..end)?;
    let is_edge = |c: char| c.is_whitespace() || matches!(c, '،' | '؛' | ',' | ';' | '-' | '–' | '—' | '*');
    let lead = slice.len() - slice.trim_start_matches(is_edge).len();
    let trimmed = slice.trim_matches(is_edge);
    if trimmed.is_empty() {
        return None;
    }
    Some((start + lead, start + lead + trimmed.len()))
}

/// Byte offsets (absolute) where a sentence (a scraped line often holds several, also with spaced punctuation:
/// `كلمة . كلمة`) or, when `clauses`, a clause may begin inside `text[start..end]`.
fn clause_starts(text: &str, start: usize, end: usize, clauses: bool) -> Vec<usize> {
    let slice = &text[start..end];
    let mut cuts = Vec::new();
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    for (k, &(_, c)) in chars.iter().enumerate() {
        let next_visible = chars[k + 1..].iter().find(|(_, c)| !c.is_whitespace());
        match c {
            '.' | '!' | '?' | '؟' => {
                // An inner sentence end (also glued: "الروسية.واضاف"), not a decimal point or an abbreviation dot.
                let prev_digit = k > 0 && chars[k - 1].1.is_ascii_digit();
                if let Some(&(j, n)) = next_visible
                    && crate::arabic::is_letter(n)
                    && !prev_digit
                {
                    cuts.push(start + j);
                }
            }
            _ if !clauses => {}
            '؛' | ';' => {
                if let Some(&(j, _)) = next_visible {
                    cuts.push(start + j);
                }
            }
            '،' | ',' => {
                if let Some(&(j, n)) = next_visible {
                    let rest = &slice[j..];
                    let word = rest
                        .split(|ch: char| !crate::arabic::is_letter(ch) && !is_mark(ch))
                        .next()
                        .unwrap_or("");
                    let opens =
                        n == 'و' && word.chars().count() >= 3 || CLAUSE_OPENERS.iter().any(|o| rest.starts_with(o));
                    if opens {
                        cuts.push(start + j);
                    }
                }
            }
            ':' => {
                // A quotation after a colon starts a clause of its own.
                if let Some(&(j, n)) = next_visible
                    && QUOTES_OPEN.contains(&n)
                {
                    cuts.push(start + j);
                }
            }
            _ => {}
        }
    }
    cuts
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// The word and number tokens of one sentence as byte ranges, tokenised once: a clause's count is then two binary
/// searches (clause bounds fall between tokens), not a tokenisation per candidate clause.
struct TokenSpans(Vec<(usize, usize)>);

impl TokenSpans {
    fn new(text: &str, start: usize, end: usize) -> Self {
        Self(tokenize(text, start, end).iter().map(|t| (t.start, t.end)).collect())
    }

    /// Tokens lying inside `start..end`.
    fn count(&self, start: usize, end: usize) -> usize {
        let first = self.0.partition_point(|t| t.0 < start);
        let past = self.0.partition_point(|t| t.1 <= end);
        past.saturating_sub(first)
    }
}

/// The clauses of one sentence (the sentence itself when short or without clause boundaries).
fn split_clauses(text: &str, start: usize, end: usize, params: &UnitParams) -> Vec<(usize, usize)> {
    let Some((start, end)) = trim_range(text, start, end) else {
        return Vec::new();
    };
    let spans = TokenSpans::new(text, start, end);
    let count_tokens = |_: &str, s: usize, e: usize| spans.count(s, e);
    let long = count_tokens(text, start, end) >= params.long_sentence_tokens;
    let mut bounds = vec![start];
    bounds.extend(clause_starts(text, start, end, long));
    if bounds.len() == 1 {
        return vec![(start, end)];
    }
    bounds.push(end);
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for pair in bounds.windows(2) {
        let Some(piece) = trim_range(text, pair[0], pair[1]) else {
            continue;
        };
        pieces.push(piece);
    }
    // Merge clauses too short to state anything into the previous one (the first into the next).
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for piece in pieces {
        match merged.last_mut() {
            Some(last) if count_tokens(text, last.0, last.1) < params.min_clause_tokens => last.1 = piece.1,
            Some(last) if count_tokens(text, piece.0, piece.1) < params.min_clause_tokens => last.1 = piece.1,
            _ => merged.push(piece),
        }
    }
    if merged.len() > 1
        && let Some(&(s, e)) = merged.last()
        && count_tokens(text, s, e) < params.min_clause_tokens
    {
        merged.pop();
        if let Some(last) = merged.last_mut() {
            last.1 = e;
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Segment, Sentence};

    #[test]
    fn only_sentences_inside_body_segments_become_units() {
        let lines = [
            (
                "أعلنت الوزارة اليوم افتتاح المعبر الحدودي أمام المسافرين.",
                SegmentKind::Body,
            ),
            (
                "اقرأ أيضا: أسعار الذهب تواصل الارتفاع في الأسواق العالمية.",
                SegmentKind::Related,
            ),
            ("وقال المتحدث إن العمل يبدأ صباح الغد بطاقة كاملة.", SegmentKind::Body),
            (
                "جميع الحقوق محفوظة لموقع الأخبار الإلكتروني ولا يجوز النقل.",
                SegmentKind::Boilerplate,
            ),
        ];
        let mut text = String::new();
        let (mut segments, mut sentences) = (Vec::new(), Vec::new());
        for (line, kind) in lines {
            let start = text.len();
            text.push_str(line);
            segments.push(Segment {
                kind,
                start,
                end: text.len(),
            });
            sentences.push(Sentence { start, end: text.len() });
            text.push('\n');
        }
        let article = Article {
            id: "a".into(),
            path: "a.txt".into(),
            title: String::new(),
            date: None,
            source: None,
            url: None,
            text,
            segments,
            sentences,
        };
        let units = claim_units(&article);
        let kept: Vec<usize> = units.iter().map(|u| u.sentence).collect();
        assert_eq!(kept, vec![0, 2]);
        assert!(article.text[units[1].start..units[1].end].starts_with("وقال المتحدث"));
    }

    #[test]
    fn long_sentence_splits_at_clause_openers() {
        let text = "وأشار أشتياني إلى أنه على مدى السنوات القليلة الماضية قامت روسيا وإيران بتوسيع تعاونهما بشكل كبير في \
                    العديد من المجالات، مضيفا: أود أن أشير بشكل خاص إلى القضية الإقليمية وهي الحرب المشتركة ضد الإرهاب.";
        let clauses = split_clauses(text, 0, text.len(), &UnitParams::default());
        assert_eq!(clauses.len(), 2, "{clauses:?}");
        assert!(text[clauses[1].0..clauses[1].1].starts_with("مضيفا"));
        assert!(text[clauses[0].0..clauses[0].1].ends_with("المجالات"));
    }

    #[test]
    fn a_line_of_several_sentences_is_cut_also_at_spaced_stops() {
        let text = "أعلنت الشركة عن افتتاح مصنعها الجديد في المدينة الصناعية . وقال المدير إن الإنتاج يبدأ الشهر المقبل بطاقة كاملة";
        let units = split_clauses(text, 0, text.len(), &UnitParams::default());
        assert_eq!(units.len(), 2, "{units:?}");
        assert!(text[units[0].0..units[0].1].ends_with("الصناعية ."));
        assert!(text[units[1].0..units[1].1].starts_with("وقال المدير"));
    }

    #[test]
    fn short_sentence_stays_whole() {
        let text = "  قال الوزير، وأكد الأمر.  ";
        assert_eq!(
            split_clauses(text, 0, text.len(), &UnitParams::default()),
            vec![(2, text.trim_end().len())]
        );
    }
}
