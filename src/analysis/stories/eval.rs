//! Measuring story grouping against a folder of story folders (the layout of the UnifiedFC dev set): each folder's
//! `gold.json` gives every file's stance towards the folder's claim; files that agree, disagree or discuss it are one
//! story, the `unrelated` ones are each a story of their own. Scores are B-cubed precision, recall and F1 over all
//! articles; the baseline to beat is TF-IDF cosine over folded words with average-link clustering.

use super::linkage;
use crate::analysis::Report;
use crate::arabic::{TokenKind, tokenize_range};
use crate::corpus::Article;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::path::Path;

/// Why the gold stories could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("{path} is not a gold file: {reason}")]
    Format { path: String, reason: String },
    #[error("no gold.json under {0}")]
    Empty(String),
}

/// The stance of each file of each story folder: `(folder name, file name)` → stance.
#[derive(Debug, Clone, Default)]
pub struct GoldStances {
    pub stances: FxHashMap<(String, String), String>,
}

impl GoldStances {
    /// Reads `DIR/*/gold.json`.
    pub fn load(dir: &Path) -> Result<GoldStances, GoldError> {
        let read_dir = std::fs::read_dir(dir).map_err(|source| GoldError::Read {
            path: dir.display().to_string(),
            source,
        })?;
        let mut stances = FxHashMap::default();
        for entry in read_dir.flatten() {
            let gold = entry.path().join("gold.json");
            if !gold.is_file() {
                continue;
            }
            let folder = entry.file_name().to_string_lossy().into_owned();
            let path = gold.display().to_string();
            let text = std::fs::read_to_string(&gold).map_err(|source| GoldError::Read {
                path: path.clone(),
                source,
            })?;
            let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| GoldError::Format {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            let files = value
                .get("files")
                .and_then(|f| f.as_object())
                .ok_or_else(|| GoldError::Format {
                    path: path.clone(),
                    reason: "no files object".into(),
                })?;
            for (file, info) in files {
                let stance = info.get("stance").and_then(|s| s.as_str()).unwrap_or("unrelated");
                stances.insert((folder.clone(), file.clone()), stance.to_string());
            }
        }
        if stances.is_empty() {
            return Err(GoldError::Empty(dir.display().to_string()));
        }
        Ok(GoldStances { stances })
    }

    /// Per article, its gold story: the folder's for an article on the folder's story, else one of its own.
    pub fn labels(&self, articles: &[Article]) -> Vec<usize> {
        let mut ids: FxHashMap<String, usize> = FxHashMap::default();
        articles
            .iter()
            .map(|a| {
                let key = match self.story_folder(a) {
                    Some(folder) => format!("story:{folder}"),
                    None => format!("alone:{}", a.path),
                };
                let next = ids.len();
                *ids.entry(key).or_insert(next)
            })
            .collect()
    }

    /// Per article, whether the gold knows its story (it agrees with, disagrees with or discusses its folder's
    /// claim); an `unrelated` article is about something else, but what, and with which others, the gold does not say.
    pub fn known(&self, articles: &[Article]) -> Vec<bool> {
        articles.iter().map(|a| self.story_folder(a).is_some()).collect()
    }

    /// The folder whose story the article is on, if it is on its folder's story.
    fn story_folder(&self, article: &Article) -> Option<String> {
        let path = Path::new(&article.path);
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folder = path
            .parent()
            .and_then(Path::file_name)
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let on_story = self
            .stances
            .get(&(folder.clone(), file))
            .is_some_and(|s| matches!(s.as_str(), "agree" | "disagree" | "discuss"));
        on_story.then_some(folder)
    }
}

/// B-cubed precision, recall and F1 (each averaged over items).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BCubed {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// B-cubed scores of `predicted` against `gold` (per item, a group label each; equal labels, one group).
pub fn b_cubed(predicted: &[usize], gold: &[usize]) -> BCubed {
    let n = predicted.len().min(gold.len());
    if n == 0 {
        return BCubed::default();
    }
    let mut both: FxHashMap<(usize, usize), f64> = FxHashMap::default();
    let mut pred_size: FxHashMap<usize, f64> = FxHashMap::default();
    let mut gold_size: FxHashMap<usize, f64> = FxHashMap::default();
    for i in 0..n {
        *both.entry((predicted[i], gold[i])).or_default() += 1.0;
        *pred_size.entry(predicted[i]).or_default() += 1.0;
        *gold_size.entry(gold[i]).or_default() += 1.0;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for i in 0..n {
        let shared = both[&(predicted[i], gold[i])];
        precision += shared / pred_size[&predicted[i]];
        recall += shared / gold_size[&gold[i]];
    }
    let (precision, recall) = (precision / n as f64, recall / n as f64);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    BCubed { precision, recall, f1 }
}

/// [`b_cubed`] averaged over the items where `keep` holds only, the groups left whole: how well the stories the gold
/// knows are found (recall) and kept free of anything else (precision: every other member of an item's group that is
/// not on its story counts against it, known or not), whatever is done with the other items among themselves.
pub fn b_cubed_over(predicted: &[usize], gold: &[usize], keep: &[bool]) -> BCubed {
    let n = predicted.len().min(gold.len()).min(keep.len());
    let mut both: FxHashMap<(usize, usize), f64> = FxHashMap::default();
    let mut pred_size: FxHashMap<usize, f64> = FxHashMap::default();
    let mut gold_size: FxHashMap<usize, f64> = FxHashMap::default();
    for i in 0..n {
        *both.entry((predicted[i], gold[i])).or_default() += 1.0;
        *pred_size.entry(predicted[i]).or_default() += 1.0;
        *gold_size.entry(gold[i]).or_default() += 1.0;
    }
    let (mut precision, mut recall, mut count) = (0.0, 0.0, 0.0);
    for i in (0..n).filter(|&i| keep[i]) {
        let shared = both[&(predicted[i], gold[i])];
        precision += shared / pred_size[&predicted[i]];
        recall += shared / gold_size[&gold[i]];
        count += 1.0;
    }
    if count == 0.0 {
        return BCubed::default();
    }
    let (precision, recall) = (precision / count, recall / count);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    BCubed { precision, recall, f1 }
}

/// Pairs less similar than this are dropped from the baseline's graph (counted 0 in its averages).
const BASELINE_MIN_EDGE: f32 = 0.02;

/// The baseline: TF-IDF (log-scaled counts × log inverse document frequency) over the folded words of each body,
/// cosine between every pair of articles sharing a word, average-link clustering at `threshold`. Per article, the
/// index of its group's first article.
pub fn tfidf_groups(articles: &[Article], threshold: f32) -> Vec<usize> {
    let n = articles.len();
    let counts: Vec<FxHashMap<String, f32>> = articles
        .par_iter()
        .map(|a| {
            let mut counts: FxHashMap<String, f32> = FxHashMap::default();
            for seg in a.body_segments() {
                for t in tokenize_range(&a.text, seg.start..seg.end) {
                    if matches!(t.kind, TokenKind::Word | TokenKind::Latin | TokenKind::Number) {
                        *counts.entry(t.norm).or_default() += 1.0;
                    }
                }
            }
            counts
        })
        .collect();
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut df: Vec<u32> = Vec::new();
    for c in &counts {
        for k in c.keys() {
            let next = ids.len() as u32;
            let id = *ids.entry(k.as_str()).or_insert(next);
            if id as usize == df.len() {
                df.push(0);
            }
            df[id as usize] += 1;
        }
    }
    let vectors: Vec<Vec<(u32, f32)>> = counts
        .iter()
        .map(|c| {
            let mut v: Vec<(u32, f32)> = c
                .iter()
                .map(|(k, &tf)| {
                    let id = ids[k.as_str()];
                    (id, (1.0 + tf.ln()) * (n as f32 / df[id as usize] as f32).ln())
                })
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        })
        .collect();
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); df.len()];
    for (i, v) in vectors.iter().enumerate() {
        for &(f, w) in v {
            postings[f as usize].push((i as u32, w));
        }
    }
    let edges: Vec<linkage::Edge> = (0..n)
        .into_par_iter()
        .map_init(
            || vec![0.0f32; n],
            |acc, i| {
                for &(f, w) in &vectors[i] {
                    let list = &postings[f as usize];
                    let from = list.partition_point(|&(j, _)| j as usize <= i);
                    for &(j, wj) in &list[from..] {
                        acc[j as usize] += w * wj;
                    }
                }
                let mut out = Vec::new();
                for (j, s) in acc.iter_mut().enumerate().skip(i + 1) {
                    if *s >= BASELINE_MIN_EDGE {
                        out.push((i as u32, j as u32, *s));
                    }
                    *s = 0.0;
                }
                out
            },
        )
        .flatten()
        .collect();
    linkage::average_link(n, &edges, threshold)
        .into_iter()
        .map(|l| l as usize)
        .collect()
}

/// Qarin's stories of a report as groups (per article, a label), for [`b_cubed`].
pub fn report_groups(report: &Report) -> Vec<usize> {
    let story_of: FxHashMap<&str, usize> = report
        .stories
        .iter()
        .enumerate()
        .flat_map(|(s, story)| story.articles.iter().map(move |a| (a.as_str(), s)))
        .collect();
    let stories = report.stories.len();
    report
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| story_of.get(a.id.as_str()).copied().unwrap_or(stories + i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b_cubed_of_a_perfect_and_an_all_in_one_grouping() {
        let gold = [0, 0, 1, 2];
        let perfect = b_cubed(&[5, 5, 6, 7], &gold);
        assert!((perfect.f1 - 1.0).abs() < 1e-9);
        let one = b_cubed(&[0, 0, 0, 0], &gold);
        assert!((one.recall - 1.0).abs() < 1e-9);
        // Precision: 2/4 for the two story articles, 1/4 for each of the others.
        assert!((one.precision - (0.5 + 0.5 + 0.25 + 0.25) / 4.0).abs() < 1e-9);
    }

    #[test]
    fn b_cubed_over_the_known_items_scores_only_them() {
        // Items 2 and 3 are unknown: grouping them together costs nothing, joining them to the story does.
        let gold = [0, 0, 1, 2];
        let keep = [true, true, false, false];
        let apart = b_cubed_over(&[5, 5, 6, 6], &gold, &keep);
        assert!((apart.f1 - 1.0).abs() < 1e-9);
        let joined = b_cubed_over(&[5, 5, 5, 5], &gold, &keep);
        assert!((joined.precision - 0.5).abs() < 1e-9);
        assert!((joined.recall - 1.0).abs() < 1e-9);
        let split = b_cubed_over(&[5, 6, 7, 8], &gold, &keep);
        assert!((split.recall - 0.5).abs() < 1e-9);
    }
}
