//! The side-by-side alignment: a multiple-sequence alignment of the articles' claim units over their cluster ids, the
//! way a collation tool aligns witnesses. Each article's units form a chain in reading order; the members of a
//! cluster are merged into one node (most widely shared clusters first) unless that would contradict a reading order
//! already fixed (a cycle); the merged graph read in topological order gives the rows.

use super::units::claim_units;
use crate::analysis::model::{AlignedUnit, Alignment, AlignmentRow, Report};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

struct Unit<'a> {
    column: usize,
    position: usize,
    range: AlignedUnit,
    cluster: Option<&'a str>,
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Whether the graph of `edges` contracted by `parent` has no cycle.
fn acyclic(parent: &mut [usize], edges: &[(usize, usize)]) -> bool {
    let n = parent.len();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    for &(a, b) in edges {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra == rb {
            return false;
        }
        out[ra].push(rb);
        indegree[rb] += 1;
    }
    let roots: Vec<usize> = (0..n).filter(|&x| find(parent, x) == x).collect();
    let mut stack: Vec<usize> = roots.iter().copied().filter(|&r| indegree[r] == 0).collect();
    let mut seen = 0;
    while let Some(x) = stack.pop() {
        seen += 1;
        for &y in &out[x] {
            indegree[y] -= 1;
            if indegree[y] == 0 {
                stack.push(y);
            }
        }
    }
    seen == roots.len()
}

/// Rows for `article_ids` (unknown ids get empty columns): every claim unit of every chosen article appears once, in
/// its article's reading order, at most one per article per row; the units of a cluster share a row unless the
/// articles tell them in crossing orders.
pub fn align_units(report: &Report, article_ids: &[String]) -> Alignment {
    let mut cluster_of: HashMap<(&str, usize, usize), &str> = HashMap::new();
    for cluster in &report.claims {
        for m in &cluster.members {
            cluster_of.insert((m.article.as_str(), m.start, m.end), cluster.id.as_str());
        }
    }
    let columns = article_ids.len();
    let mut units: Vec<Unit> = Vec::new();
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for (column, id) in article_ids.iter().enumerate() {
        let Some(article) = report.article(id) else {
            continue;
        };
        for (position, u) in claim_units(article).into_iter().enumerate() {
            if position > 0 {
                edges.push((units.len() - 1, units.len()));
            }
            units.push(Unit {
                column,
                position,
                range: AlignedUnit {
                    start: u.start,
                    end: u.end,
                },
                cluster: cluster_of.get(&(id.as_str(), u.start, u.end)).copied(),
            });
        }
    }

    let mut parent: Vec<usize> = (0..units.len()).collect();
    for cluster in &report.claims {
        let members: Vec<usize> = (0..units.len())
            .filter(|&i| units[i].cluster == Some(cluster.id.as_str()))
            .collect();
        let mut used_columns: Vec<usize> = members.iter().map(|&i| units[i].column).collect();
        used_columns.sort_unstable();
        used_columns.dedup();
        // Two units of one column (an article chosen twice) can never share a row.
        if members.len() < 2 || used_columns.len() != members.len() {
            continue;
        }
        let saved = parent.clone();
        let root = find(&mut parent, members[0]);
        for &m in &members[1..] {
            let r = find(&mut parent, m);
            parent[r] = root;
        }
        if !acyclic(&mut parent, &edges) {
            parent = saved;
        }
    }

    // Topological order, preferring the node whose earliest unit comes first by (column, position).
    let n = units.len();
    let mut key = vec![(usize::MAX, usize::MAX); n];
    let mut nodes: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, unit) in units.iter().enumerate() {
        let r = find(&mut parent, i);
        nodes[r].push(i);
        key[r] = key[r].min((unit.column, unit.position));
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    for &(a, b) in &edges {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        out[ra].push(rb);
        indegree[rb] += 1;
    }
    let mut ready: BinaryHeap<Reverse<((usize, usize), usize)>> = (0..n)
        .filter(|&r| !nodes[r].is_empty() && indegree[r] == 0)
        .map(|r| Reverse((key[r], r)))
        .collect();
    let mut rows = Vec::with_capacity(n);
    while let Some(Reverse((_, r))) = ready.pop() {
        let mut cells = vec![None; columns];
        let mut cluster = None;
        for &i in &nodes[r] {
            cells[units[i].column] = Some(units[i].range);
            cluster = cluster.or(units[i].cluster);
        }
        rows.push(AlignmentRow {
            cluster: cluster.map(str::to_string),
            cells,
        });
        for &s in &out[r] {
            indegree[s] -= 1;
            if indegree[s] == 0 {
                ready.push(Reverse((key[s], s)));
            }
        }
    }
    Alignment {
        articles: article_ids.to_vec(),
        rows,
    }
}
