//! CoNLL files (one `token … TAG` per line, blank line between sentences) and conlleval-style entity scoring.

use super::tagger::tag_index;
use std::collections::BTreeMap;

/// One non-blank line of a CoNLL file.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The line as read (without its line ending), printed back unchanged.
    pub text: String,
    /// First column (empty when the token itself is a space, as ANERcorp has a few).
    pub token: String,
    /// Last column when it is a BIO tag and there is more than one column.
    pub gold: Option<String>,
}

/// Sentences of a CoNLL text; a blank line ends a sentence.
pub fn parse(text: &str) -> Vec<Vec<Line>> {
    let mut sentences = Vec::new();
    let mut cur = Vec::new();
    for raw in text.lines() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() {
            if !cur.is_empty() {
                sentences.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let fields: Vec<&str> = raw.split_whitespace().collect();
        let starts_blank = raw.starts_with(char::is_whitespace);
        let last = fields.last().copied().unwrap_or("");
        let has_tag_column = (fields.len() >= 2 || starts_blank) && is_tag(last);
        let token = if starts_blank && fields.len() == 1 {
            ""
        } else {
            fields.first().copied().unwrap_or("")
        };
        cur.push(Line {
            text: raw.to_string(),
            token: token.to_string(),
            gold: has_tag_column.then(|| last.to_string()),
        });
    }
    if !cur.is_empty() {
        sentences.push(cur);
    }
    sentences
}

/// A BIO tag of any type (`O`, `B-X`, `I-X`).
fn is_tag(s: &str) -> bool {
    s == "O" || ((s.starts_with("B-") || s.starts_with("I-")) && s.len() > 2)
}

/// Gold tags as indices of the tagger's tag set; `None` if a line has no tag or one outside the set.
pub fn gold_indices(sentence: &[Line]) -> Option<Vec<usize>> {
    sentence.iter().map(|l| l.gold.as_deref().and_then(tag_index)).collect()
}

/// Entity spans `(start, end, type)` of a BIO sequence, conlleval-style: an `I-X` that does not continue an `X`
/// starts a new entity.
pub fn spans<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let t = t.as_ref();
        let (prefix, ty) = match t.split_once('-') {
            Some((p, ty)) if p == "B" || p == "I" => (p, ty),
            _ => ("O", ""),
        };
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, o)| o == ty);
        if !continues {
            if let Some((s, o)) = open.take() {
                out.push((s, i, o));
            }
            if prefix != "O" {
                open = Some((i, ty.to_string()));
            }
        }
    }
    if let Some((s, o)) = open {
        out.push((s, tags.len(), o));
    }
    out
}

/// Counts per entity type: (correct, predicted, gold).
#[derive(Debug, Default, Clone)]
pub struct Scores {
    pub per_type: BTreeMap<String, [usize; 3]>,
}

impl Scores {
    pub fn add<S: AsRef<str>, T: AsRef<str>>(&mut self, gold: &[S], pred: &[T]) {
        let g = spans(gold);
        let p = spans(pred);
        for (_, _, ty) in &g {
            self.per_type.entry(ty.clone()).or_default()[2] += 1;
        }
        for span in &p {
            let e = self.per_type.entry(span.2.clone()).or_default();
            e[1] += 1;
            if g.contains(span) {
                e[0] += 1;
            }
        }
    }

    /// (precision, recall, F1, correct, predicted, gold) over the given types (all when empty).
    pub fn prf(&self, types: &[&str]) -> (f64, f64, f64, usize, usize, usize) {
        let mut c = [0usize; 3];
        for (ty, v) in &self.per_type {
            if types.is_empty() || types.contains(&ty.as_str()) {
                for k in 0..3 {
                    c[k] += v[k];
                }
            }
        }
        let p = if c[1] == 0 { 0.0 } else { c[0] as f64 / c[1] as f64 };
        let r = if c[2] == 0 { 0.0 } else { c[0] as f64 / c[2] as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f, c[0], c[1], c[2])
    }

    /// The table printed after the tagged lines.
    pub fn report(&self) -> String {
        let mut out = String::from("# type        precision  recall     F1  correct predicted  gold\n");
        let mut line = |name: &str, types: &[&str]| {
            let (p, r, f, c, np, ng) = self.prf(types);
            out.push_str(&format!(
                "# {name:<12} {:>8.2}% {:>6.2}% {:>6.2}  {c:>7} {np:>9} {ng:>5}\n",
                p * 100.0,
                r * 100.0,
                f * 100.0
            ));
        };
        for ty in self.per_type.keys() {
            line(ty, &[ty.as_str()]);
        }
        line("PERS+LOC+ORG", &["PERS", "LOC", "ORG"]);
        line("overall", &[]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sentences_odd_lines_and_tags() {
        let s = parse("موسكو B-LOC\n  O\n. O\n\nقال O\nبوتين\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0][1].token, "");
        assert_eq!(s[0][1].gold.as_deref(), Some("O"));
        assert_eq!(s[1][1].gold, None);
        assert!(gold_indices(&s[1]).is_none());
        assert_eq!(gold_indices(&s[0]), Some(vec![3, 0, 0]));
    }

    #[test]
    fn spans_and_scores_conlleval_style() {
        assert_eq!(
            spans(&["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "I-LOC"]),
            vec![
                (0, 2, "PERS".into()),
                (3, 4, "LOC".into()),
                (4, 5, "ORG".into()),
                (5, 6, "LOC".into())
            ]
        );
        let mut s = Scores::default();
        s.add(&["B-PERS", "I-PERS", "O", "B-LOC"], &["B-PERS", "O", "O", "B-LOC"]);
        let (p, r, f, ..) = s.prf(&[]);
        assert_eq!((p, r, f), (0.5, 0.5, 0.5));
        let (p, ..) = s.prf(&["LOC"]);
        assert_eq!(p, 1.0);
    }
}
