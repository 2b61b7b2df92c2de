//! One name, one label within a document: a second pass that tags later (or earlier) untagged occurrences of names the
//! tagger found elsewhere in the same document — a full name again, or a person's surname alone (كوفي أنان … أنان).

use super::conll::spans;
use super::tagger::{TAGS, tag_index};
use super::text::{fold, strip_proclitics};
use std::collections::HashMap;

/// The matching key of a token: folded, clitics off.
fn key(token: &str) -> String {
    let f = fold(token);
    strip_proclitics(&f).1.to_string()
}

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

/// Tags untagged token runs that repeat a name tagged in a sentence within `window` sentences of them.
/// `tags` are tag indices per sentence and are changed in place; only `O` tokens are ever relabelled.
pub fn propagate(sentences: &[Vec<&str>], tags: &mut [Vec<usize>], window: usize) {
    let keys: Vec<Vec<String>> = sentences.iter().map(|s| s.iter().map(|t| key(t)).collect()).collect();
    // Per sentence: the names it contributes, as (key sequence, type).
    let mut names: Vec<Vec<(Vec<String>, String)>> = Vec::with_capacity(sentences.len());
    for (k, t) in keys.iter().zip(tags.iter()) {
        let tag_strs: Vec<&str> = t.iter().map(|&x| TAGS[x]).collect();
        let mut found = Vec::new();
        for (s, e, ty) in spans(&tag_strs) {
            if ty == "MISC" {
                continue;
            }
            let seq: Vec<String> = k[s..e].to_vec();
            if seq.len() == 1 && is_function_word(&seq[0]) {
                continue;
            }
            if ty == "PERS"
                && seq.len() >= 2
                && let Some(last) = seq.last()
                && !is_function_word(last)
            {
                found.push((vec![last.clone()], ty.clone()));
            }
            found.push((seq, ty));
        }
        names.push(found);
    }
    for i in 0..sentences.len() {
        let lo = i.saturating_sub(window);
        let hi = i.saturating_add(window).saturating_add(1).min(sentences.len());
        // Longest names first so a full name wins over its surname.
        let mut candidates: HashMap<&[String], (&str, usize)> = HashMap::new();
        for (j, ns) in names.iter().enumerate().take(hi).skip(lo) {
            for (seq, ty) in ns {
                let e = candidates.entry(seq.as_slice()).or_insert((ty.as_str(), 0));
                if e.0 == ty {
                    e.1 += 1;
                } else if j == i {
                    *e = (ty.as_str(), 1);
                }
            }
        }
        if candidates.is_empty() {
            continue;
        }
        let mut cands: Vec<(&[String], &str)> = candidates.into_iter().map(|(s, (ty, _))| (s, ty)).collect();
        cands.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0)));
        let k = &keys[i];
        let t = &mut tags[i];
        let mut pos = 0;
        while pos < k.len() {
            let mut advanced = false;
            if t[pos] == 0 {
                for (seq, ty) in &cands {
                    let end = pos + seq.len();
                    if end <= k.len()
                        && k[pos..end] == **seq
                        && t[pos..end].iter().all(|&x| x == 0)
                        && (end == k.len() || !is_inside(t[end]))
                    {
                        let b = tag_index(&format!("B-{ty}")).unwrap_or(0);
                        let inside = tag_index(&format!("I-{ty}")).unwrap_or(0);
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

fn is_inside(tag: usize) -> bool {
    tag != 0 && tag.is_multiple_of(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_and_full_name_repeat() {
        let s1 = vec!["التقى", "كوفي", "أنان", "في", "نيويورك"];
        let s2 = vec!["وقال", "أنان", "ان", "نيويورك", "مدينة"];
        let sentences = vec![s1, s2];
        let mut tags = vec![vec![0, 1, 2, 0, 3], vec![0, 0, 0, 0, 0]];
        propagate(&sentences, &mut tags, 5);
        assert_eq!(tags[1], vec![0, 1, 0, 3, 0]);
    }
}
