//! Average-link agglomerative clustering over a sparse similarity graph: two groups join while the mean similarity
//! over all their article pairs (a pair without an edge counts 0) reaches a threshold. Averaging over every pair is
//! what keeps one article about something else from gluing two stories together, as single-link chaining would.
//!
//! Cost: each merge touches the neighbours of the two groups, so it follows the number of edges times the group
//! sizes, not the square of the number of articles when the graph is sparse.

use rustc_hash::FxHashMap;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// One undirected edge `(a, b, similarity)` between items `a` and `b`.
pub type Edge = (u32, u32, f32);

/// A candidate merge; the heap pops the highest mean first, ties by the lower group ids (deterministic).
#[derive(Debug, Clone, Copy)]
struct Candidate {
    mean: f64,
    a: u32,
    b: u32,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.mean
            .total_cmp(&other.mean)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

/// Groups items `0..n`: returns, per item, the smallest item index of its group. Edges naming an item `>= n`, a
/// self-edge or a non-finite similarity are ignored; a repeated edge adds up.
pub fn average_link(n: usize, edges: &[Edge], threshold: f32) -> Vec<u32> {
    let threshold = f64::from(threshold);
    // Group ids: 0..n are the items; each merge makes a new id, so a heap entry is valid while both its ids live.
    let mut neighbours: Vec<FxHashMap<u32, f64>> = vec![FxHashMap::default(); n];
    let mut members: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    for &(a, b, s) in edges {
        if a == b || a as usize >= n || b as usize >= n || !s.is_finite() {
            continue;
        }
        *neighbours[a as usize].entry(b).or_default() += f64::from(s);
        *neighbours[b as usize].entry(a).or_default() += f64::from(s);
    }
    let mut heap = BinaryHeap::new();
    for (a, map) in neighbours.iter().enumerate() {
        for (&b, &sum) in map {
            if (a as u32) < b && sum >= threshold {
                heap.push(Candidate {
                    mean: sum,
                    a: a as u32,
                    b,
                });
            }
        }
    }
    while let Some(Candidate { a, b, .. }) = heap.pop() {
        if !(alive[a as usize] && alive[b as usize]) {
            continue;
        }
        let merged = members.len() as u32;
        alive[a as usize] = false;
        alive[b as usize] = false;
        let mut group = std::mem::take(&mut members[a as usize]);
        group.append(&mut members[b as usize]);
        let size = group.len() as f64;
        let mut sums = std::mem::take(&mut neighbours[a as usize]);
        for (k, s) in std::mem::take(&mut neighbours[b as usize]) {
            *sums.entry(k).or_default() += s;
        }
        sums.remove(&a);
        sums.remove(&b);
        let mut touched: Vec<(u32, f64)> = sums.iter().map(|(&k, &s)| (k, s)).collect();
        touched.sort_unstable_by_key(|&(k, _)| k);
        for &(k, s) in &touched {
            let theirs = &mut neighbours[k as usize];
            theirs.remove(&a);
            theirs.remove(&b);
            theirs.insert(merged, s);
            let mean = s / (size * members[k as usize].len() as f64);
            if mean >= threshold {
                heap.push(Candidate { mean, a: k, b: merged });
            }
        }
        members.push(group);
        neighbours.push(sums);
        alive.push(true);
    }
    let mut label = vec![0u32; n];
    for (id, group) in members.iter().enumerate() {
        if alive[id] {
            let smallest = group.iter().copied().min().unwrap_or(0);
            for &i in group {
                label[i as usize] = smallest;
            }
        }
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bridge_article_does_not_glue_two_groups() {
        // 0-1-2 and 3-4-5 are tight; 6 is close to 2 and to 3 only.
        let edges = [
            (0, 1, 0.9),
            (1, 2, 0.9),
            (0, 2, 0.9),
            (3, 4, 0.9),
            (4, 5, 0.9),
            (3, 5, 0.9),
            (2, 6, 0.5),
            (3, 6, 0.5),
        ];
        let label = average_link(7, &edges, 0.4);
        assert_eq!(label[..6], [0, 0, 0, 3, 3, 3]);
        assert_ne!(label[0], label[3]);
    }

    #[test]
    fn nothing_joins_below_the_threshold() {
        assert_eq!(
            average_link(3, &[(0, 1, 0.2), (5, 1, 0.9), (2, 2, 1.0)], 0.3),
            vec![0, 1, 2]
        );
    }
}
