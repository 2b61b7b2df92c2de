//! One name, one label within a document: a second pass that tags later (or earlier) untagged occurrences of names the
//! tagger found elsewhere in the same document — a full name again, or a person's surname alone (كوفي أنان … أنان).

use super::conll::spans;
use super::tagger::TokenForms;
use super::tagger::{TAGS, tag_index};
use rustc_hash::FxHashMap as HashMap;

/// Words that never make a name on their own, even when the tagger put them inside one.
fn is_function_word(k: &str) -> bool {
    matches!(
        k,
        "في" | "من"
            | "الى"
            | "علي"
            | "عن"
            | "مع"
            | "ان"
            | "او"
            | "ما"
            | "لا"
            | "بن"
            | "ابن"
            | "بنت"
            | "عبد"
            | "ابو"
            | "ام"
            | "ال"
            | "و"
            | "ذلك"
            | "هذا"
            | "هذه"
            | "التي"
            | "الذي"
            | "بين"
            | "قد"
            | "كان"
            | "قال"
    ) || k.chars().count() < 3
}

/// A name a sentence contributes: its key sequence and type.
type Name<'a> = (Vec<&'a str>, &'static str);

/// Tags untagged token runs that repeat a name tagged in a sentence within `window` sentences of them.
/// `tags` are tag indices per sentence and are changed in place; only `O` tokens are ever relabelled.
/// Tokens match by their folded, clitic-free form.
pub fn propagate(sentences: &[Vec<TokenForms>], tags: &mut [Vec<usize>], window: usize) {
    let keys: Vec<Vec<&str>> = sentences.iter().map(|s| s.iter().map(|t| t.base()).collect()).collect();
    // Per sentence: the names it contributes.
    let mut names: Vec<Vec<Name>> = Vec::with_capacity(sentences.len());
    for (k, t) in keys.iter().zip(tags.iter()) {
        let tag_strs: Vec<&str> = t.iter().map(|&x| TAGS[x]).collect();
        let mut found = Vec::new();
        for (s, e, ty) in spans(&tag_strs) {
            let ty: &'static str = match ty.as_str() {
                "PERS" => "PERS",
                "LOC" => "LOC",
                "ORG" => "ORG",
                _ => continue,
            };
            let seq: Vec<&str> = k[s..e].to_vec();
            if seq.len() == 1 && is_function_word(seq[0]) {
                continue;
            }
            if ty == "PERS"
                && seq.len() >= 2
                && let Some(&last) = seq.last()
                && !is_function_word(last)
            {
                found.push((vec![last], ty));
            }
            found.push((seq, ty));
        }
        names.push(found);
    }
    if names.iter().all(Vec::is_empty) {
        return;
    }
    // With a window over the whole document every sentence sees the same names: gather and index them once; a
    // sentence's own names then only override their type.
    let whole = (window >= sentences.len()).then(|| NameIndex::new(candidates(&names, 0, sentences.len(), None)));
    let b_tags: HashMap<&str, (usize, usize)> = ["PERS", "LOC", "ORG"]
        .into_iter()
        .map(|ty| {
            let b = tag_index(&format!("B-{ty}")).unwrap_or(0);
            let inside = tag_index(&format!("I-{ty}")).unwrap_or(0);
            (ty, (b, inside))
        })
        .collect();
    for i in 0..sentences.len() {
        let local;
        let (index, own): (&NameIndex, HashMap<&[&str], &'static str>) = match &whole {
            Some(all) => (all, names[i].iter().map(|(seq, ty)| (seq.as_slice(), *ty)).collect()),
            None => {
                let lo = i.saturating_sub(window);
                let hi = i.saturating_add(window).saturating_add(1).min(sentences.len());
                local = NameIndex::new(candidates(&names, lo, hi, Some(i)));
                (&local, HashMap::default())
            }
        };
        if index.is_empty() {
            continue;
        }
        let k = &keys[i];
        let t = &mut tags[i];
        let mut pos = 0;
        while pos < k.len() {
            let mut advanced = false;
            if t[pos] == 0 {
                for &(seq, first_ty) in index.starting_with(k[pos]) {
                    let end = pos + seq.len();
                    if end <= k.len()
                        && k[pos..end] == *seq
                        && t[pos..end].iter().all(|&x| x == 0)
                        && (end == k.len() || !is_inside(t[end]))
                    {
                        let ty = own.get(seq).copied().unwrap_or(first_ty);
                        let (b, inside) = b_tags.get(ty).copied().unwrap_or((0, 0));
                        t[pos] = b;
                        for x in &mut t[pos + 1..end] {
                            *x = inside;
                        }
                        pos = end;
                        advanced = true;
                        break;
                    }
                }
            }
            if !advanced {
                pos += 1;
            }
        }
    }
}

/// Candidate names by their first key, each list in the candidates' order (longest first): a token looks up only the
/// names that can start at it.
struct NameIndex<'n, 'a> {
    by_first: HashMap<&'a str, Vec<(&'n [&'a str], &'static str)>>,
}

impl<'n, 'a> NameIndex<'n, 'a> {
    fn new(cands: Vec<(&'n [&'a str], &'static str)>) -> Self {
        let mut by_first: HashMap<&'a str, Vec<(&'n [&'a str], &'static str)>> = HashMap::default();
        for (seq, ty) in cands {
            if let Some(&first) = seq.first() {
                by_first.entry(first).or_default().push((seq, ty));
            }
        }
        Self { by_first }
    }

    fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    fn starting_with(&self, key: &str) -> &[(&'n [&'a str], &'static str)] {
        self.by_first.get(key).map_or(&[], Vec::as_slice)
    }
}

/// The names of sentences `lo..hi`, longest first (a full name wins over its surname), each with the type it first
/// had — or the type sentence `own` gives it.
fn candidates<'n, 'a>(
    names: &'n [Vec<Name<'a>>],
    lo: usize,
    hi: usize,
    own: Option<usize>,
) -> Vec<(&'n [&'a str], &'static str)> {
    let mut by_name: HashMap<&[&str], &'static str> = HashMap::default();
    for (j, ns) in names.iter().enumerate().take(hi).skip(lo) {
        for (seq, ty) in ns {
            let e = by_name.entry(seq.as_slice()).or_insert(ty);
            if *e != *ty && own == Some(j) {
                *e = ty;
            }
        }
    }
    let mut cands: Vec<(&[&str], &'static str)> = by_name.into_iter().collect();
    cands.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0)));
    cands
}

fn is_inside(tag: usize) -> bool {
    tag != 0 && tag.is_multiple_of(2)
}

#[cfg(test)]
mod tests {
    use super::super::tagger::{fold_all, forms_of};
    use super::*;

    #[test]
    fn surname_and_full_name_repeat() {
        let s1 = vec!["التقى", "كوفي", "أنان", "في", "نيويورك"];
        let s2 = vec!["وقال", "أنان", "ان", "نيويورك", "مدينة"];
        let sentences = [s1, s2];
        let folded: Vec<Vec<String>> = sentences.iter().map(|s| fold_all(s)).collect();
        let forms: Vec<Vec<TokenForms>> = sentences.iter().zip(&folded).map(|(s, f)| forms_of(s, f)).collect();
        for window in [5, usize::MAX] {
            let mut tags = vec![vec![0, 1, 2, 0, 3], vec![0, 0, 0, 0, 0]];
            propagate(&forms, &mut tags, window);
            assert_eq!(tags[1], vec![0, 1, 0, 3, 0]);
        }
    }
}
