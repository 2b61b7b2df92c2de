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
                let path = Path::new(&a.path);
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
                let key = if on_story {
                    format!("story:{folder}")
                } else {
                    format!("alone:{}", a.path)
                };
                let next = ids.len();
                *ids.entry(key).or_insert(next)
            })
            .collect()
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
}
