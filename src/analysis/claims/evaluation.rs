//! Measuring claims on a folder of story folders (the layout of the UnifiedFC dev set): each folder holds the articles
//! retrieved for one story as `NN_<outlet domain>.txt` and a `gold.json` saying which articles state the story's
//! claim and on which lines. All folders are analysed as one corpus, as an analyst would load them; then
//! - an agreeing pair (two articles of different outlets that both state the claim) counts as aligned when some cluster
//!   holds a unit on a claim line of each;
//! - every link (two members of one cluster) that joins two folders joins two stories: a false claim, counted apart
//!   when both articles come from one outlet (its footer or teaser list, not a shared statement).

use crate::analysis::model::{ClaimCluster, Report};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why a folder of stories could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}: not a gold file: {source}", path.display())]
    Gold { path: PathBuf, source: serde_json::Error },
    #[error("{}: no story folder with a gold.json", path.display())]
    Empty { path: PathBuf },
}

/// What `gold.json` says of one file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct FileGold {
    /// `agree`, `disagree`, `discuss` or `unrelated`.
    #[serde(default)]
    pub stance: String,
    /// 0-based lines of the file's text that state the claim (agreeing articles only).
    #[serde(default)]
    pub claim_lines: Vec<usize>,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct GoldFile {
    #[serde(default)]
    files: BTreeMap<String, FileGold>,
}

/// One story folder: its name, and its files (by file name) with their gold annotations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Story {
    pub folder: String,
    pub files: BTreeMap<String, FileGold>,
}

/// The story folders under `dir` (those with a `gold.json`), sorted by name, and the article files they hold.
pub fn read_stories(dir: &Path) -> Result<(Vec<Story>, Vec<PathBuf>), EvalError> {
    let read_dir = |path: &Path| {
        std::fs::read_dir(path).map_err(|source| EvalError::Read {
            path: path.to_path_buf(),
            source,
        })
    };
    let mut folders: Vec<PathBuf> = read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("gold.json").is_file())
        .collect();
    folders.sort();
    let mut stories = Vec::new();
    let mut paths = Vec::new();
    for folder in folders {
        let gold_path = folder.join("gold.json");
        let bytes = std::fs::read(&gold_path).map_err(|source| EvalError::Read {
            path: gold_path.clone(),
            source,
        })?;
        let gold: GoldFile = serde_json::from_slice(&bytes).map_err(|source| EvalError::Gold {
            path: gold_path,
            source,
        })?;
        let mut files: Vec<PathBuf> = read_dir(&folder)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        paths.extend(files);
        stories.push(Story {
            folder: file_name(&folder).to_string(),
            files: gold.files,
        });
    }
    if stories.is_empty() {
        return Err(EvalError::Empty {
            path: dir.to_path_buf(),
        });
    }
    Ok((stories, paths))
}

fn file_name(path: &Path) -> &str {
    path.file_name().and_then(|n| n.to_str()).unwrap_or("")
}

/// The outlet of a file named `NN_<domain>.txt`: the site of its domain (the whole stem when there is no `NN_`), as
/// the corpus layer groups outlets (see [`crate::corpus::outlet::site_of`]).
pub fn outlet_of_file_name(name: &str) -> String {
    crate::corpus::outlet::site_of(domain_of_file_name(name))
}

/// The domain of a file named `NN_<domain>.txt` (the whole stem when there is no `NN_`).
fn domain_of_file_name(name: &str) -> &str {
    let stem = name.strip_suffix(".txt").unwrap_or(name);
    match stem.split_once('_') {
        Some((number, domain)) if number.chars().all(|c| c.is_ascii_digit()) && !domain.is_empty() => domain,
        _ => stem,
    }
}

/// Two members of one cluster that lie in different story folders, for reading.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossLink {
    pub cluster: String,
    pub same_outlet: bool,
    /// (story folder / file name, unit text) of each side.
    pub a: (String, String),
    pub b: (String, String),
}

/// The figures of one evaluation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimsEvaluation {
    pub stories: usize,
    pub articles: usize,
    pub clusters: usize,
    /// Pairs of articles of different outlets in one folder that both agree with its claim.
    pub agreeing_pairs: usize,
    /// … of which some cluster holds a unit on a claim line of each.
    pub aligned_pairs: usize,
    /// … of which some cluster links the two articles at all (on any lines).
    pub linked_pairs: usize,
    /// Member pairs within clusters.
    pub links: usize,
    /// Links joining two folders through articles of one outlet …
    pub cross_story_same_outlet: usize,
    /// … and through articles of two outlets.
    pub cross_story_other: usize,
    /// Clusters with at least one link across folders.
    pub clusters_crossing: usize,
    /// Up to the requested number of cross-story links, spread over the clusters.
    pub samples: Vec<CrossLink>,
}

/// Where an article of the report sits in the story layout.
struct Placed<'a> {
    story: usize,
    file: &'a str,
    outlet: String,
    /// Byte ranges of its claim lines.
    claim_ranges: Vec<(usize, usize)>,
    agrees: bool,
}

/// Byte ranges of the given 0-based lines of `text`.
fn line_ranges(text: &str, lines: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (n, line) in text.split('\n').enumerate() {
        if lines.contains(&n) {
            out.push((start, start + line.len()));
        }
        start += line.len() + 1;
    }
    out
}

/// Evaluates the clusters of `report` against the stories read by [`read_stories`]; keeps up to `samples`
/// cross-story links for reading.
pub fn evaluate(report: &Report, stories: &[Story], samples: usize) -> ClaimsEvaluation {
    let story_of: FxHashMap<&str, usize> = stories
        .iter()
        .enumerate()
        .map(|(i, s)| (s.folder.as_str(), i))
        .collect();
    // Article id → its place, for articles whose path is `…/<story folder>/<file>`.
    let mut placed: FxHashMap<&str, Placed> = FxHashMap::default();
    for article in &report.articles {
        let path = Path::new(&article.path);
        let file = file_name(path);
        let Some(&story) = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .and_then(|n| story_of.get(n))
        else {
            continue;
        };
        let gold = stories[story].files.get(file).cloned().unwrap_or_default();
        let agrees = gold.stance == "agree";
        placed.insert(
            article.id.as_str(),
            Placed {
                story,
                file,
                outlet: outlet_of_file_name(file),
                claim_ranges: if agrees {
                    line_ranges(&article.text, &gold.claim_lines)
                } else {
                    Vec::new()
                },
                agrees,
            },
        );
    }

    let mut eval = ClaimsEvaluation {
        stories: stories.len(),
        articles: report.articles.len(),
        clusters: report.claims.len(),
        ..Default::default()
    };
    // Per pair of articles (ids sorted): linked at all, linked on claim lines.
    let mut pair_links: FxHashMap<(&str, &str), (bool, bool)> = FxHashMap::default();
    let on_claim_line =
        |p: &Placed, start: usize, end: usize| p.claim_ranges.iter().any(|&(s, e)| start < e && s < end);
    let mut crossing_clusters: Vec<&ClaimCluster> = Vec::new();
    for cluster in &report.claims {
        let mut crosses = false;
        for (i, a) in cluster.members.iter().enumerate() {
            for b in &cluster.members[i + 1..] {
                eval.links += 1;
                let (Some(pa), Some(pb)) = (placed.get(a.article.as_str()), placed.get(b.article.as_str())) else {
                    continue;
                };
                if pa.story != pb.story {
                    crosses = true;
                    if pa.outlet == pb.outlet {
                        eval.cross_story_same_outlet += 1;
                    } else {
                        eval.cross_story_other += 1;
                    }
                    continue;
                }
                let key = if a.article <= b.article {
                    (a.article.as_str(), b.article.as_str())
                } else {
                    (b.article.as_str(), a.article.as_str())
                };
                let entry = pair_links.entry(key).or_default();
                entry.0 = true;
                if on_claim_line(pa, a.start, a.end) && on_claim_line(pb, b.start, b.end) {
                    entry.1 = true;
                }
            }
        }
        if crosses {
            eval.clusters_crossing += 1;
            crossing_clusters.push(cluster);
        }
    }
    // Samples: the first crossing link of evenly spaced crossing clusters.
    let step = (crossing_clusters.len() / samples.max(1)).max(1);
    for cluster in crossing_clusters.iter().step_by(step).take(samples) {
        let found = cluster.members.iter().enumerate().find_map(|(i, a)| {
            cluster.members[i + 1..].iter().find_map(|b| {
                let (pa, pb) = (placed.get(a.article.as_str())?, placed.get(b.article.as_str())?);
                (pa.story != pb.story).then_some((a, pa, b, pb))
            })
        });
        if let Some((a, pa, b, pb)) = found {
            let label = |p: &Placed| format!("{}/{}", stories[p.story].folder, p.file);
            eval.samples.push(CrossLink {
                cluster: cluster.id.clone(),
                same_outlet: pa.outlet == pb.outlet,
                a: (label(pa), a.text.clone()),
                b: (label(pb), b.text.clone()),
            });
        }
    }

    // Agreeing pairs: by folder, articles of different outlets.
    let mut by_story: Vec<Vec<(&str, &Placed)>> = vec![Vec::new(); stories.len()];
    for (&id, p) in &placed {
        if p.agrees {
            by_story[p.story].push((id, p));
        }
    }
    for list in &mut by_story {
        list.sort_by_key(|(id, _)| *id);
        for (i, &(x, px)) in list.iter().enumerate() {
            for &(y, py) in &list[i + 1..] {
                if px.outlet == py.outlet {
                    continue;
                }
                eval.agreeing_pairs += 1;
                let (linked, aligned) = pair_links.get(&(x, y)).copied().unwrap_or_default();
                eval.linked_pairs += usize::from(linked);
                eval.aligned_pairs += usize::from(aligned);
            }
        }
    }
    eval
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_come_from_file_names() {
        assert_eq!(outlet_of_file_name("07_example.com.txt"), "example.com");
        assert_eq!(outlet_of_file_name("example.com.txt"), "example.com");
        assert_eq!(outlet_of_file_name("x_y.txt"), "x_y");
        // Sections of one site are one outlet.
        assert_eq!(outlet_of_file_name("03_mideast.liveuamap.com.txt"), "liveuamap.com");
        assert_eq!(outlet_of_file_name("04_gate.ahram.org.eg.txt"), "ahram.org.eg");
    }

    #[test]
    fn line_ranges_are_byte_ranges_of_lines() {
        let text = "أ\nبب\n\nج";
        assert_eq!(line_ranges(text, &[1, 3]), vec![(3, 7), (9, 11)]);
        assert_eq!(&text[3..7], "بب");
    }
}
