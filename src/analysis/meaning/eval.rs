//! `qarin eval-meaning`: how well meaning vectors find the lines that state a claim, against a lexical scorer.
//!
//! Data: story folders with a `gold.json` (`{"claim", "files": {name: {"stance", "claim_lines"}}}`); each agreeing
//! article's `claim_lines` (0-based lines of its file) restate the folder's claim. Two rankings per scorer: each
//! article's lines against the claim, and each claim line of one outlet against the lines of another agreeing
//! outlet of the same folder. Then one global threshold per scorer: the recall it keeps at a fixed precision over
//! every (query, line) pair, so "beats" means at the same precision.

use super::encoder::Encoder;
use super::{Model, Vector, cosine};
use crate::analysis::claims::text::{is_stop_word, light_stem, tokenize};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::path::Path;

/// The scorers compared.
pub const SCORERS: [&str; N] = [
    "lexical (TF-IDF of stems)",
    "semantic (meaning vectors)",
    "combined",
    "encoder (e5 transformer)",
    "lexical + encoder (centred)",
    "encoder re-rank of combined top-5",
];

/// Number of scorers.
pub const N: usize = 6;

/// Candidates per query the fast scorer (combined) hands to the encoder in the re-rank scorer.
pub const RERANK_TOP: usize = 5;

/// Index of the combined scorer in [`SCORERS`], which proposes the re-rank candidates.
const COMBINED: usize = 2;
/// Index of the encoder's own score.
const ENCODER: usize = 3;
/// Index of lexical + centred encoder.
const LEX_ENCODER: usize = 4;
/// Index of the re-rank scorer.
const RERANK: usize = 5;

#[derive(Deserialize)]
struct Gold {
    claim: String,
    files: std::collections::BTreeMap<String, GoldFile>,
}

#[derive(Deserialize)]
struct GoldFile {
    stance: String,
    #[serde(default)]
    claim_lines: Vec<usize>,
}

/// Recall@1 and mean reciprocal rank of one ranking task for one scorer.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Ranking {
    pub queries: usize,
    pub recall_at_1: f64,
    pub mrr: f64,
}

/// The recall a scorer keeps with one global threshold at which precision is at least `precision`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct AtPrecision {
    pub precision: f64,
    pub recall: f64,
    pub threshold: f32,
}

/// Everything `eval-meaning` reports; arrays are indexed like [`SCORERS`].
#[derive(Debug, Clone, Default)]
pub struct MeaningEval {
    pub folders: usize,
    pub articles: usize,
    pub pairs: usize,
    pub claim_ranking: [Ranking; N],
    pub outlet_ranking: [Ranking; N],
    /// Per target precision, per scorer.
    pub at_precision: Vec<[AtPrecision; N]>,
    /// Candidate lines scored and the time the semantic scorer took for them (vectors included).
    pub lines_embedded: usize,
    pub semantic_seconds: f64,
    /// Wall-clock time the encoder took for the same chunks (batched, in parallel) and the pieces it read.
    pub encoder_seconds: f64,
    pub encoder_pieces: usize,
}

/// One sentence-sized chunk: its static vector, its encoder vector and its term weights.
struct Chunk {
    sem: Vector,
    enc: Vector,
    terms: FxHashMap<String, f32>,
}

/// A candidate line: its index in the file and its chunks.
struct Line {
    number: usize,
    chunks: Vec<Chunk>,
}

struct ArticleLines {
    lines: Vec<Line>,
    gold: Vec<usize>,
}

/// Sentence-sized chunks of a (possibly glued) line: cut at sentence ends, short fragments dropped.
fn chunks(line: &str) -> Vec<&str> {
    let parts: Vec<&str> = line
        .split(['.', '!', '?', '؟', '\u{2026}'])
        .map(str::trim)
        .filter(|p| p.split_whitespace().count() >= 3)
        .collect();
    if parts.is_empty() && line.split_whitespace().count() >= 3 {
        vec![line.trim()]
    } else {
        parts
    }
}

fn stems(text: &str) -> Vec<String> {
    tokenize(text, 0, text.len())
        .into_iter()
        .filter(|t| !is_stop_word(&t.norm))
        .map(|t| light_stem(&t.norm))
        .collect()
}

/// TF-IDF unit vector of `text` under document frequencies `df` over `n` documents.
fn tfidf(text: &str, df: &FxHashMap<String, u32>, n: usize) -> FxHashMap<String, f32> {
    let mut tf: FxHashMap<String, f32> = FxHashMap::default();
    for s in stems(text) {
        *tf.entry(s).or_default() += 1.0;
    }
    for (s, w) in tf.iter_mut() {
        let d = df.get(s).copied().unwrap_or(0) as f32;
        *w *= (1.0 + n as f32 / (1.0 + d)).ln();
    }
    let norm = tf.values().map(|w| w * w).sum::<f32>().sqrt().max(1e-9);
    tf.values_mut().for_each(|w| *w /= norm);
    tf
}

fn sparse_cosine(a: &FxHashMap<String, f32>, b: &FxHashMap<String, f32>) -> f32 {
    let (small, big) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().filter_map(|(k, w)| big.get(k).map(|v| w * v)).sum()
}

/// Weight of the semantic score in the combined one (lexical + this × semantic).
const SEMANTIC_SHARE: f32 = 1.0;

/// Weight of the encoder's centred score in "lexical + encoder".
const ENCODER_SHARE: f32 = 1.0;

/// The scores of a query chunk set against a line: the best over their chunk pairs (the last two columns are
/// filled in by [`per_query`]).
fn scores(query: &[Chunk], line: &Line) -> [f32; N] {
    let mut best = [f32::NEG_INFINITY; N];
    for q in query {
        for l in &line.chunks {
            let lex = sparse_cosine(&q.terms, &l.terms);
            let sem = cosine(&q.sem, &l.sem);
            let enc = cosine(&q.enc, &l.enc);
            let all = [lex, sem, lex + SEMANTIC_SHARE * sem, enc, lex, enc];
            for (b, s) in best.iter_mut().zip(all) {
                *b = b.max(s);
            }
        }
    }
    best
}

/// The scorers that look at all of one query's candidate lines at once.
///
/// "Lexical + encoder": the encoder's cosine minus its mean over the query's candidates (e5's cosines sit high and
/// their baseline varies from query to query; centred, they say how much nearer than the rest a line is), added to
/// the lexical score. "Re-rank": the [`RERANK_TOP`] lines the combined scorer ranks highest get that score, the
/// others are dropped (−10, below any score), as if the encoder ran only on what the fast stage proposes.
fn per_query(scored: &mut [([f32; N], bool)]) {
    let mean = scored.iter().map(|s| s.0[ENCODER]).sum::<f32>() / scored.len().max(1) as f32;
    for s in scored.iter_mut() {
        s.0[LEX_ENCODER] += ENCODER_SHARE * (s.0[ENCODER] - mean);
    }
    let mut order: Vec<usize> = (0..scored.len()).collect();
    order.sort_by(|&a, &b| scored[b].0[COMBINED].total_cmp(&scored[a].0[COMBINED]));
    for (rank, &i) in order.iter().enumerate() {
        scored[i].0[RERANK] = if rank < RERANK_TOP {
            scored[i].0[LEX_ENCODER]
        } else {
            -10.0
        };
    }
}

fn rank_of_first_gold(scored: &[(f32, bool)]) -> Option<usize> {
    let best_gold = scored
        .iter()
        .filter(|s| s.1)
        .map(|s| s.0)
        .fold(f32::NEG_INFINITY, f32::max);
    if best_gold == f32::NEG_INFINITY {
        return None;
    }
    // Ties count against the scorer: a gold line tied with others is not found first.
    Some(scored.iter().filter(|s| !s.1 && s.0 >= best_gold).count() + 1)
}

#[derive(Default)]
struct RankAcc {
    n: usize,
    hits: usize,
    rr: f64,
}

impl RankAcc {
    fn add(&mut self, rank: usize) {
        self.n += 1;
        self.hits += usize::from(rank == 1);
        self.rr += 1.0 / rank as f64;
    }
    fn finish(&self) -> Ranking {
        let n = self.n.max(1) as f64;
        Ranking {
            queries: self.n,
            recall_at_1: self.hits as f64 / n,
            mrr: self.rr / n,
        }
    }
}

/// Best recall at precision ≥ `target` over every threshold of `pairs` (score, is gold).
fn recall_at_precision(pairs: &mut [(f32, bool)], target: f64) -> AtPrecision {
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let positives = pairs.iter().filter(|p| p.1).count().max(1) as f64;
    let mut best = AtPrecision {
        precision: target,
        recall: 0.0,
        threshold: f32::INFINITY,
    };
    let mut tp = 0usize;
    for (i, p) in pairs.iter().enumerate() {
        tp += usize::from(p.1);
        // Only at the end of a run of equal scores: a threshold cannot split ties.
        if pairs.get(i + 1).is_some_and(|next| next.0 == p.0) {
            continue;
        }
        let precision = tp as f64 / (i + 1) as f64;
        let recall = tp as f64 / positives;
        if precision >= target && recall > best.recall {
            best.recall = recall;
            best.threshold = p.0;
        }
    }
    best
}

/// Runs the evaluation over the story folders of `dir`. Unreadable folders or files are skipped (counted out).
pub fn evaluate(dir: &Path, model: &Model, encoder: &Encoder, precisions: &[f64]) -> std::io::Result<MeaningEval> {
    let mut out = MeaningEval::default();
    let mut claim_acc: [RankAcc; N] = Default::default();
    let mut outlet_acc: [RankAcc; N] = Default::default();
    let mut pair_scores: [Vec<(f32, bool)>; N] = Default::default();
    let mut folders: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    folders.sort();
    for folder in folders {
        let Ok(gold) = std::fs::read(folder.join("gold.json")) else {
            continue;
        };
        let Ok(gold) = serde_json::from_slice::<Gold>(&gold) else {
            continue;
        };
        let mut texts: Vec<(String, Vec<usize>)> = Vec::new();
        for (name, file) in &gold.files {
            if file.stance != "agree" || file.claim_lines.is_empty() {
                continue;
            }
            if let Ok(bytes) = std::fs::read(folder.join(name)) {
                texts.push((String::from_utf8_lossy(&bytes).into_owned(), file.claim_lines.clone()));
            }
        }
        if texts.is_empty() {
            continue;
        }
        out.folders += 1;
        // Document frequencies over every chunk of the folder's agreeing articles (what the lexical scorer knows).
        let mut df: FxHashMap<String, u32> = FxHashMap::default();
        let mut n_docs = 0;
        for (text, _) in &texts {
            for line in text.lines() {
                for c in chunks(line) {
                    n_docs += 1;
                    let mut seen: Vec<String> = stems(c);
                    seen.sort();
                    seen.dedup();
                    for s in seen {
                        *df.entry(s).or_default() += 1;
                    }
                }
            }
        }
        // Every chunk of the folder (the claim's first), embedded by the encoder in one batched call.
        let claim_chunks = chunks(&gold.claim);
        let article_lines: Vec<Vec<(usize, Vec<&str>)>> = texts
            .iter()
            .map(|(text, _)| {
                text.split('\n')
                    .enumerate()
                    .map(|(number, line)| (number, chunks(line)))
                    .filter(|(_, c)| !c.is_empty())
                    .collect()
            })
            .collect();
        let all: Vec<&str> = claim_chunks
            .iter()
            .chain(article_lines.iter().flatten().flat_map(|(_, c)| c))
            .copied()
            .collect();
        let t = std::time::Instant::now();
        let mut enc = encoder.embed_all(model, &all).into_iter();
        out.encoder_seconds += t.elapsed().as_secs_f64();
        out.encoder_pieces += all.iter().map(|c| encoder.pieces(model, c).len() + 2).sum::<usize>();
        let mut chunk = |text: &str| {
            let t = std::time::Instant::now();
            let sem = model.sentence_vector(text);
            out.semantic_seconds += t.elapsed().as_secs_f64();
            out.lines_embedded += 1;
            Chunk {
                sem,
                enc: enc.next().unwrap_or_default(),
                terms: tfidf(text, &df, n_docs),
            }
        };
        let query: Vec<Chunk> = claim_chunks.iter().map(|c| chunk(c)).collect();
        let articles: Vec<ArticleLines> = article_lines
            .iter()
            .zip(&texts)
            .map(|(lines, (_, gold_lines))| ArticleLines {
                lines: lines
                    .iter()
                    .map(|(number, c)| Line {
                        number: *number,
                        chunks: c.iter().map(|c| chunk(c)).collect(),
                    })
                    .collect(),
                gold: gold_lines.clone(),
            })
            .collect();
        // The claim against each article's lines.
        for a in &articles {
            let mut scored: Vec<([f32; N], bool)> = a
                .lines
                .iter()
                .map(|l| (scores(&query, l), a.gold.contains(&l.number)))
                .collect();
            per_query(&mut scored);
            out.articles += 1;
            for k in 0..N {
                let column: Vec<(f32, bool)> = scored.iter().map(|(s, g)| (s[k], *g)).collect();
                if let Some(rank) = rank_of_first_gold(&column) {
                    claim_acc[k].add(rank);
                }
                pair_scores[k].extend(column);
            }
        }
        // Each outlet's claim lines against another agreeing outlet's lines.
        for (i, a) in articles.iter().enumerate() {
            for (j, b) in articles.iter().enumerate() {
                if i == j {
                    continue;
                }
                out.pairs += 1;
                for q in a.lines.iter().filter(|l| a.gold.contains(&l.number)) {
                    let mut scored: Vec<([f32; N], bool)> = b
                        .lines
                        .iter()
                        .map(|l| (scores(&q.chunks, l), b.gold.contains(&l.number)))
                        .collect();
                    per_query(&mut scored);
                    for (k, acc) in outlet_acc.iter_mut().enumerate() {
                        let column: Vec<(f32, bool)> = scored.iter().map(|(s, g)| (s[k], *g)).collect();
                        if let Some(rank) = rank_of_first_gold(&column) {
                            acc.add(rank);
                        }
                    }
                }
            }
        }
    }
    for k in 0..N {
        out.claim_ranking[k] = claim_acc[k].finish();
        out.outlet_ranking[k] = outlet_acc[k].finish();
    }
    out.at_precision = precisions
        .iter()
        .map(|&p| {
            let mut row = [AtPrecision::default(); N];
            for (k, r) in row.iter_mut().enumerate() {
                *r = recall_at_precision(&mut pair_scores[k], p);
            }
            row
        })
        .collect();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recall_at_precision_picks_the_loosest_threshold_that_keeps_precision() {
        let mut pairs = vec![(0.9, true), (0.8, false), (0.7, true), (0.6, true), (0.1, false)];
        let r = recall_at_precision(&mut pairs, 0.75);
        assert_eq!(r.threshold, 0.6);
        assert!((r.recall - 1.0).abs() < 1e-9);
        let r = recall_at_precision(&mut pairs, 1.0);
        assert!((r.recall - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn ties_count_against_the_gold_line() {
        assert_eq!(rank_of_first_gold(&[(0.5, false), (0.5, true), (0.1, false)]), Some(2));
        assert_eq!(rank_of_first_gold(&[(0.4, false), (0.9, true)]), Some(1));
        assert_eq!(rank_of_first_gold(&[(0.4, false)]), None);
    }

    #[test]
    fn the_encoder_is_centred_per_query_and_reranks_only_the_proposed_lines() {
        // Columns: lexical, semantic, combined, encoder, lexical + encoder, re-rank.
        let line = |lex: f32, combined: f32, enc: f32| ([lex, 0.0, combined, enc, lex, enc], false);
        let mut scored: Vec<_> = (0..7).map(|i| line(0.1, i as f32, 0.80 + 0.01 * i as f32)).collect();
        per_query(&mut scored);
        // Mean encoder score 0.83: the line at 0.86 gains 0.03 over its lexical score, the one at 0.80 loses 0.03.
        assert!((scored[6].0[LEX_ENCODER] - 0.13).abs() < 1e-5);
        assert!((scored[0].0[LEX_ENCODER] - 0.07).abs() < 1e-5);
        // The five lines combined ranks highest (2..=6) keep that score, the other two are dropped.
        for (i, (s, _)) in scored.iter().enumerate() {
            let want = if i >= 2 { s[LEX_ENCODER] } else { -10.0 };
            assert_eq!(s[RERANK], want, "line {i}");
        }
    }

    #[test]
    fn glued_lines_are_cut_into_sentences() {
        assert_eq!(
            chunks("one two three. four five six? x"),
            vec!["one two three", "four five six"]
        );
        assert!(chunks("menu").is_empty());
    }
}
