//! The side-by-side alignment: a progressive multiple-sequence alignment of the articles' claim units over their
//! cluster ids, the way a collation tool aligns witnesses.

use super::units::claim_units;
use crate::analysis::model::{AlignedUnit, Alignment, AlignmentRow, Report};
use std::collections::HashMap;

/// Rows for `article_ids` (unknown ids get empty columns): every claim unit of every chosen article appears once, in
/// its article's reading order; units of one cluster share a row wherever the orders allow it.
pub fn align_units(report: &Report, article_ids: &[String]) -> Alignment {
    let mut cluster_of: HashMap<(&str, usize, usize), &str> = HashMap::new();
    for cluster in &report.claims {
        for m in &cluster.members {
            cluster_of.insert((m.article.as_str(), m.start, m.end), cluster.id.as_str());
        }
    }
    let columns = article_ids.len();
    let mut rows: Vec<AlignmentRow> = Vec::new();
    for (col, id) in article_ids.iter().enumerate() {
        let Some(article) = report.article(id) else {
            continue;
        };
        let sequence: Vec<(AlignedUnit, Option<&str>)> = claim_units(article)
            .into_iter()
            .map(|u| {
                let cluster = cluster_of.get(&(id.as_str(), u.start, u.end)).copied();
                (
                    AlignedUnit {
                        start: u.start,
                        end: u.end,
                    },
                    cluster,
                )
            })
            .collect();
        rows = merge(rows, &sequence, col, columns);
    }
    Alignment {
        articles: article_ids.to_vec(),
        rows,
    }
}

/// Aligns one more column to the rows so far: the longest order-preserving matching of same-cluster units (LCS by
/// dynamic programming), unmatched units becoming rows of their own between their neighbours.
fn merge(
    rows: Vec<AlignmentRow>,
    sequence: &[(AlignedUnit, Option<&str>)],
    col: usize,
    columns: usize,
) -> Vec<AlignmentRow> {
    let (n, m) = (rows.len(), sequence.len());
    let width = m + 1;
    let mut matching = vec![false; n * width];
    for (i, row) in rows.iter().enumerate() {
        for (j, unit) in sequence.iter().enumerate() {
            matching[i * width + j] = match (&row.cluster, unit.1) {
                (Some(a), Some(b)) => a == b && row.cells[col].is_none(),
                _ => false,
            };
        }
    }
    let same = |i: usize, j: usize| matching[i * width + j];
    // best[i][j]: matches aligning rows[i..] with sequence[j..].
    let mut best = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let skip = best[(i + 1) * width + j].max(best[i * width + j + 1]);
            let take = if same(i, j) {
                best[(i + 1) * width + j + 1] + 1
            } else {
                0
            };
            best[i * width + j] = skip.max(take);
        }
    }
    let new_row = |j: usize| {
        let mut cells = vec![None; columns];
        cells[col] = Some(sequence[j].0);
        AlignmentRow {
            cluster: sequence[j].1.map(str::to_string),
            cells,
        }
    };
    let mut out = Vec::with_capacity(n + m);
    let mut rows = rows.into_iter().map(Some).collect::<Vec<_>>();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && same(i, j) && best[i * width + j] == best[(i + 1) * width + j + 1] + 1 {
            if let Some(mut row) = rows[i].take() {
                row.cells[col] = Some(sequence[j].0);
                out.push(row);
            }
            i += 1;
            j += 1;
        } else if j < m && (i == n || best[i * width + j] == best[i * width + j + 1]) && !row_first(&rows, i, n) {
            out.push(new_row(j));
            j += 1;
        } else if i < n {
            if let Some(row) = rows[i].take() {
                out.push(row);
            }
            i += 1;
        } else {
            out.push(new_row(j));
            j += 1;
        }
    }
    out
}

/// Whether an unmatched existing row should be emitted before the next unmatched unit: rows that belong to no
/// cluster keep their place first, so each column reads down in its own order.
fn row_first(rows: &[Option<AlignmentRow>], i: usize, n: usize) -> bool {
    i < n && rows[i].as_ref().is_some_and(|r| r.cluster.is_none())
}
