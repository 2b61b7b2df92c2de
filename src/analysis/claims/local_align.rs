//! Smith–Waterman local alignment over token sequences (as text-reuse tools such as passim do): the exactly shared
//! stretches inside two units, found one after another with the aligned tokens masked between rounds.

const MATCH: i32 = 2;
const MISMATCH: i32 = -1;
const GAP: i32 = -1;

/// One stretch of identical tokens: `a[a_start..a_start+len] == b[b_start..b_start+len]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SharedRun {
    pub a_start: usize,
    pub b_start: usize,
    pub len: usize,
}

/// The result of aligning two token sequences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocalAlignment {
    /// Tokens matched in all rounds.
    pub matched: usize,
    /// Runs of at least `min_run` consecutive matches.
    pub runs: Vec<SharedRun>,
}

/// One local alignment: (score, matched index pairs in order).
fn smith_waterman(a: &[u64], b: &[u64]) -> (i32, Vec<(usize, usize)>) {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return (0, Vec::new());
    }
    let width = m + 1;
    let mut h = vec![0i32; (n + 1) * width];
    let mut best = (0i32, 0usize, 0usize);
    for i in 1..=n {
        for j in 1..=m {
            let diag = h[(i - 1) * width + j - 1] + if a[i - 1] == b[j - 1] { MATCH } else { MISMATCH };
            let up = h[(i - 1) * width + j] + GAP;
            let left = h[i * width + j - 1] + GAP;
            let v = diag.max(up).max(left).max(0);
            h[i * width + j] = v;
            if v > best.0 {
                best = (v, i, j);
            }
        }
    }
    let (score, mut i, mut j) = best;
    let mut pairs = Vec::new();
    while i > 0 && j > 0 && h[i * width + j] > 0 {
        let v = h[i * width + j];
        let same = a[i - 1] == b[j - 1];
        if v == h[(i - 1) * width + j - 1] + if same { MATCH } else { MISMATCH } {
            if same {
                pairs.push((i - 1, j - 1));
            }
            i -= 1;
            j -= 1;
        } else if v == h[(i - 1) * width + j] + GAP {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();
    (score, pairs)
}

/// Aligns `a` and `b` up to `rounds` times (each round masks what the previous ones aligned), keeping alignments
/// that score at least `min_score`, and returns the shared runs of at least `min_run` tokens.
pub fn align_tokens(a: &[u64], b: &[u64], rounds: usize, min_score: i32, min_run: usize) -> LocalAlignment {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    let mut out = LocalAlignment::default();
    let mut mask = u64::MAX;
    for _ in 0..rounds {
        let (score, pairs) = smith_waterman(&a, &b);
        if score < min_score || pairs.is_empty() {
            break;
        }
        out.matched += pairs.len();
        let mut k = 0;
        while k < pairs.len() {
            let (a0, b0) = pairs[k];
            let mut len = 1;
            while k + len < pairs.len() && pairs[k + len] == (a0 + len, b0 + len) {
                len += 1;
            }
            if len >= min_run {
                out.runs.push(SharedRun {
                    a_start: a0,
                    b_start: b0,
                    len,
                });
            }
            k += len;
        }
        // Masked tokens never match again (distinct values on each side).
        for &(i, j) in &pairs {
            a[i] = mask;
            mask -= 1;
            b[j] = mask;
            mask -= 1;
        }
        let first = pairs[0];
        let last = pairs[pairs.len() - 1];
        for x in &mut a[first.0..=last.0] {
            *x = mask;
            mask -= 1;
        }
        for x in &mut b[first.1..=last.1] {
            *x = mask;
            mask -= 1;
        }
    }
    out.runs.sort_by_key(|r| r.a_start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_shared_runs_in_both_orders() {
        // a: 1 2 3 4 9 9 5 6 7 ; b: 5 6 7 8 1 2 3 4
        let a = [1, 2, 3, 4, 90, 91, 5, 6, 7];
        let b = [5, 6, 7, 80, 1, 2, 3, 4];
        let al = align_tokens(&a, &b, 3, 4, 2);
        assert_eq!(al.matched, 7);
        assert_eq!(
            al.runs,
            vec![
                SharedRun {
                    a_start: 0,
                    b_start: 4,
                    len: 4
                },
                SharedRun {
                    a_start: 6,
                    b_start: 0,
                    len: 3
                }
            ]
        );
    }

    #[test]
    fn tolerates_a_dropped_word() {
        let a = [1, 2, 3, 4, 5, 6];
        let b = [1, 2, 4, 5, 6];
        let al = align_tokens(&a, &b, 1, 4, 2);
        assert_eq!(al.matched, 5);
        assert_eq!(al.runs.len(), 2);
    }

    #[test]
    fn unrelated_sequences_share_nothing() {
        let al = align_tokens(&[1, 2, 3], &[4, 5, 6], 3, 4, 2);
        assert_eq!(al, LocalAlignment::default());
    }
}
