//! Word classes learnt from unlabelled text, for the tagger's features: words used alike (club names, first names,
//! offices, foreign surnames) share a class, so what training learnt of a few of them carries to the rest, and to
//! names the labelled data never saw but the unlabelled news did.
//!
//! The classes are found by predictive exchange clustering (Uszkoreit & Brants, "Distributed Word Clustering for
//! Large Scale Class-Based Language Modeling in Machine Translation", ACL 2008): each word in turn moves to the class
//! that most raises the likelihood of the text under `P(word | class of the word before it)` (or after it, read
//! backwards). Deterministic: words are visited in a fixed order and ties keep the lower class.

use rustc_hash::FxHashMap;

/// How the classes are learnt.
#[derive(Clone, Copy, Debug)]
pub struct ClassParams {
    /// Number of classes.
    pub classes: usize,
    /// Words seen fewer times than this get no class (their contexts say too little).
    pub min_count: u32,
    /// Passes over the vocabulary.
    pub passes: usize,
    /// Cluster by the words that follow (`false`) or by those that precede (`true`).
    pub backward: bool,
}

impl ClassParams {
    /// `classes` classes learnt forward from words seen at least twice (3 gave 0.3–0.6 F1 less to the tagger), in at
    /// most 10 passes.
    pub fn with_classes(classes: usize) -> Self {
        ClassParams {
            classes,
            min_count: 2,
            passes: 10,
            backward: false,
        }
    }
}

/// Folded word → its class.
#[derive(Clone, Default, Debug, PartialEq)]
pub struct WordClasses {
    by_word: FxHashMap<String, u16>,
    classes: u16,
}

impl WordClasses {
    /// The class of a folded word, if it has one.
    pub fn class_of(&self, word: &str) -> Option<u16> {
        self.by_word.get(word).copied()
    }

    pub fn len(&self) -> usize {
        self.by_word.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_word.is_empty()
    }

    pub fn classes(&self) -> u16 {
        self.classes
    }

    /// The words and their classes, sorted by word (the order they are written in).
    pub fn sorted(&self) -> Vec<(&str, u16)> {
        let mut all: Vec<(&str, u16)> = self.by_word.iter().map(|(w, &c)| (w.as_str(), c)).collect();
        all.sort_unstable();
        all
    }

    pub fn from_parts(by_word: FxHashMap<String, u16>, classes: u16) -> Self {
        Self { by_word, classes }
    }

    /// Learns classes from sentences of folded words. `log` hears each pass's log-likelihood per bigram.
    pub fn learn<S: AsRef<str>>(
        sentences: &[Vec<S>],
        params: &ClassParams,
        mut log: impl FnMut(usize, f64),
    ) -> WordClasses {
        let k = params.classes.clamp(2, u16::MAX as usize - 1);
        // The vocabulary: frequent words, most frequent first (ties by the word), so the first pass starts from
        // the most frequent words each alone in a class.
        let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
        for s in sentences {
            for w in s {
                *counts.entry(w.as_ref()).or_default() += 1;
            }
        }
        let mut vocab: Vec<(&str, u32)> = counts
            .iter()
            .filter(|&(_, &n)| n >= params.min_count)
            .map(|(&w, &n)| (w, n))
            .collect();
        vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let v = vocab.len();
        if v == 0 {
            return WordClasses::default();
        }
        let id: FxHashMap<&str, u32> = vocab.iter().enumerate().map(|(i, &(w, _))| (w, i as u32)).collect();
        // Word ids; every rare word is one word `v` (it predicts and is predicted like any other, but never moves:
        // its class is `k`, of its own).
        let rare = v as u32;
        let mut bigrams: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        for s in sentences {
            let ids: Vec<u32> = s.iter().map(|w| id.get(w.as_ref()).copied().unwrap_or(rare)).collect();
            for pair in ids.windows(2) {
                let (context, word) = if params.backward {
                    (pair[1], pair[0])
                } else {
                    (pair[0], pair[1])
                };
                *bigrams.entry((context, word)).or_default() += 1;
            }
        }
        // Per context word, the words it predicts with their counts (sorted, for a fixed order of sums).
        let mut next: Vec<Vec<(u32, u32)>> = vec![Vec::new(); v + 1];
        for (&(c, w), &n) in &bigrams {
            next[c as usize].push((w, n));
        }
        drop(bigrams);
        next.iter_mut().for_each(|l| l.sort_unstable());
        let context_total: Vec<u64> = next
            .iter()
            .map(|l| l.iter().map(|&(_, n)| u64::from(n)).sum())
            .collect();

        let mut class: Vec<u16> = (0..=v)
            .map(|i| if i == v { k as u16 } else { (i % k) as u16 })
            .collect();
        // N(class, word) for every predicted word, sparse: (class, count), unordered.
        let mut by_class: Vec<Vec<(u16, u32)>> = vec![Vec::new(); v + 1];
        let mut class_total = vec![0u64; k + 1];
        for (c, list) in next.iter().enumerate() {
            let cl = class[c];
            class_total[cl as usize] += context_total[c];
            for &(w, n) in list {
                add(&mut by_class[w as usize], cl, n as i64);
            }
        }
        let total: f64 = context_total.iter().sum::<u64>().max(1) as f64;
        let mut gain = vec![0f64; k];
        for pass in 0..params.passes {
            let mut moved = 0usize;
            for word in 0..v {
                let list = &next[word];
                if list.is_empty() {
                    continue;
                }
                let from = class[word];
                let own = context_total[word];
                // Take the word out of its class …
                for &(w, n) in list {
                    add(&mut by_class[w as usize], from, -(n as i64));
                }
                class_total[from as usize] -= own;
                // … and score every class it could join: Σ_w f(N(c,w)+n) − f(N(c,w)) − [g(N(c)+own) − g(N(c))].
                // Classes where N(c,w) = 0 all gain f(n); the others are corrected from the sparse counts.
                let base: f64 = list.iter().map(|&(_, n)| xlogx(u64::from(n))).sum();
                gain.iter_mut().for_each(|g| *g = base);
                for &(w, n) in list {
                    let fnn = xlogx(u64::from(n));
                    for &(c, m) in &by_class[w as usize] {
                        if (c as usize) < k {
                            gain[c as usize] += xlogx(u64::from(m) + u64::from(n)) - xlogx(u64::from(m)) - fnn;
                        }
                    }
                }
                let mut best = from as usize;
                let mut best_gain = f64::NEG_INFINITY;
                for (c, g) in gain.iter_mut().enumerate() {
                    let t = class_total[c];
                    *g -= xlogx(t + own) - xlogx(t);
                    // Ties keep the word where it was, else go to the lower class.
                    if *g > best_gain + 1e-9 || (c == from as usize && *g >= best_gain - 1e-9) {
                        best_gain = *g;
                        best = c;
                    }
                }
                let to = best as u16;
                if to != from {
                    moved += 1;
                }
                class[word] = to;
                for &(w, n) in list {
                    add(&mut by_class[w as usize], to, n as i64);
                }
                class_total[to as usize] += own;
            }
            // Log-likelihood per bigram: Σ N(c,w) log N(c,w) − Σ N(c) log N(c) (word unigram terms left out).
            let ll: f64 = by_class
                .iter()
                .flatten()
                .map(|&(_, m)| xlogx(u64::from(m)))
                .sum::<f64>()
                - class_total.iter().map(|&t| xlogx(t)).sum::<f64>();
            log(pass + 1, ll / total);
            if moved == 0 {
                break;
            }
        }
        let by_word = vocab
            .iter()
            .zip(&class)
            .map(|(&(w, _), &c)| (w.to_string(), c))
            .collect();
        WordClasses {
            by_word,
            classes: k as u16,
        }
    }
}

impl WordClasses {
    /// Classes of words by their meaning vectors (unit length, one dimension): spherical k-means, started from
    /// words spread evenly over the list (give it most frequent first), `iterations` rounds. Deterministic.
    pub fn by_vectors(words: &[(String, Vec<f32>)], classes: usize, iterations: usize) -> WordClasses {
        use rayon::prelude::*;
        let k = classes.clamp(1, u16::MAX as usize - 1).min(words.len().max(1));
        let Some(dim) = words.first().map(|(_, v)| v.len()) else {
            return WordClasses::default();
        };
        let mut centres: Vec<Vec<f32>> = (0..k).map(|i| words[i * words.len() / k].1.clone()).collect();
        let nearest = |v: &[f32], centres: &[Vec<f32>]| -> u16 {
            let mut best = (f32::NEG_INFINITY, 0u16);
            for (c, centre) in centres.iter().enumerate() {
                let dot: f32 = v.iter().zip(centre).map(|(a, b)| a * b).sum();
                if dot > best.0 {
                    best = (dot, c as u16);
                }
            }
            best.1
        };
        let mut assigned: Vec<u16> = Vec::new();
        for _ in 0..iterations.max(1) {
            assigned = words.par_iter().map(|(_, v)| nearest(v, &centres)).collect();
            let mut sums = vec![vec![0f32; dim]; k];
            for ((_, v), &c) in words.iter().zip(&assigned) {
                sums[c as usize].iter_mut().zip(v).for_each(|(s, x)| *s += x);
            }
            for (centre, sum) in centres.iter_mut().zip(sums) {
                let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
                if norm > 1e-9 {
                    *centre = sum.into_iter().map(|x| x / norm).collect();
                }
            }
        }
        WordClasses {
            by_word: words.iter().zip(&assigned).map(|((w, _), &c)| (w.clone(), c)).collect(),
            classes: k as u16,
        }
    }
}

/// At most this many class tables in one model (the tagger keeps each word's classes in a fixed array).
pub const MAX_TABLES: usize = 8;
/// A word's class in a table that does not know the word.
pub const NO_CLASS: u16 = u16::MAX;

/// Several class tables over one vocabulary (different sizes, forward and backward), as a model ships them: per
/// word, its class in every table.
#[derive(Clone, Debug, Default)]
pub struct ClassTables {
    index: FxHashMap<String, u32>,
    /// `ids[word * tables + t]`: the word's class in table `t` ([`NO_CLASS`] when that table lacks it).
    ids: Vec<u16>,
    sizes: Vec<u16>,
    /// Unique per learnt or read set of tables (0: none), so caches of per-word features know whose they are.
    identity: u64,
}

impl PartialEq for ClassTables {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index && self.ids == other.ids && self.sizes == other.sizes
    }
}

impl ClassTables {
    /// Learns one table per `params` (in parallel) from the same sentences.
    pub fn learn<S: AsRef<str> + Sync>(
        sentences: &[Vec<S>],
        params: &[ClassParams],
        log: impl Fn(usize, usize, f64) + Sync,
    ) -> ClassTables {
        use rayon::prelude::*;
        let tables: Vec<WordClasses> = params
            .par_iter()
            .enumerate()
            .map(|(t, p)| WordClasses::learn(sentences, p, |pass, ll| log(t, pass, ll)))
            .collect();
        Self::from_tables(&tables)
    }

    /// The tables as one (at most [`MAX_TABLES`] of them are kept).
    pub fn from_tables(tables: &[WordClasses]) -> ClassTables {
        let tables = &tables[..tables.len().min(MAX_TABLES)];
        let mut words: Vec<&str> = tables
            .iter()
            .flat_map(|t| t.by_word.keys().map(String::as_str))
            .collect();
        words.sort_unstable();
        words.dedup();
        let n = tables.len();
        let mut ids = vec![NO_CLASS; words.len() * n];
        for (i, w) in words.iter().enumerate() {
            for (t, table) in tables.iter().enumerate() {
                if let Some(c) = table.class_of(w) {
                    ids[i * n + t] = c;
                }
            }
        }
        ClassTables {
            index: words
                .iter()
                .enumerate()
                .map(|(i, w)| (w.to_string(), i as u32))
                .collect(),
            ids,
            sizes: tables.iter().map(|t| t.classes).collect(),
            identity: next_identity(),
        }
    }

    /// Number of tables.
    pub fn tables(&self) -> usize {
        self.sizes.len()
    }

    /// Number of classes of each table.
    pub fn sizes(&self) -> &[u16] {
        &self.sizes
    }

    /// Words with a class in some table.
    pub fn words(&self) -> usize {
        self.index.len()
    }

    pub fn identity(&self) -> u64 {
        self.identity
    }

    /// The word's class in every table, if any table knows it.
    pub fn classes_of(&self, word: &str) -> Option<&[u16]> {
        let n = self.sizes.len();
        self.index
            .get(word)
            .map(|&i| &self.ids[i as usize * n..(i as usize + 1) * n])
    }

    /// Sizes, then the words in sorted order each with its classes: `u16 tables, u16 size × tables, u32 words,
    /// (u16 length, bytes, u16 class × tables) × words`, little endian.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.sizes.len() as u16).to_le_bytes());
        self.sizes.iter().for_each(|s| out.extend_from_slice(&s.to_le_bytes()));
        let mut words: Vec<(&String, u32)> = self.index.iter().map(|(w, &i)| (w, i)).collect();
        words.sort_unstable();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        let n = self.sizes.len();
        for (w, i) in words {
            out.extend_from_slice(&(w.len() as u16).to_le_bytes());
            out.extend_from_slice(w.as_bytes());
            for c in &self.ids[i as usize * n..(i as usize + 1) * n] {
                out.extend_from_slice(&c.to_le_bytes());
            }
        }
    }

    /// Reads what [`Self::write`] wrote from the start of `bytes`; the tables and the bytes read, or `None` when
    /// the bytes are not such tables.
    pub fn read(bytes: &[u8]) -> Option<(ClassTables, usize)> {
        let mut pos = 0usize;
        let mut take = |k: usize| -> Option<&[u8]> {
            let s = bytes.get(pos..pos + k)?;
            pos += k;
            Some(s)
        };
        let u16_at = |b: &[u8]| u16::from_le_bytes([b[0], b[1]]);
        let n = u16_at(take(2)?) as usize;
        if n > MAX_TABLES {
            return None;
        }
        let mut sizes = Vec::with_capacity(n);
        for _ in 0..n {
            sizes.push(u16_at(take(2)?));
        }
        let b = take(4)?;
        let count = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
        let mut index = FxHashMap::with_capacity_and_hasher(count.min(1 << 20), Default::default());
        let mut ids = Vec::with_capacity((count * n).min(1 << 24));
        for i in 0..count {
            let len = u16_at(take(2)?) as usize;
            let w = std::str::from_utf8(take(len)?).ok()?;
            index.insert(w.to_string(), i as u32);
            for _ in 0..n {
                ids.push(u16_at(take(2)?));
            }
        }
        let tables = ClassTables {
            index,
            ids,
            sizes,
            identity: next_identity(),
        };
        Some((tables, pos))
    }
}

fn next_identity() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

fn add(list: &mut Vec<(u16, u32)>, class: u16, n: i64) {
    if let Some(i) = list.iter().position(|&(c, _)| c == class) {
        let m = i64::from(list[i].1) + n;
        if m <= 0 {
            list.swap_remove(i);
        } else {
            list[i].1 = m as u32;
        }
    } else if n > 0 {
        list.push((class, n as u32));
    }
}

fn xlogx(x: u64) -> f64 {
    if x == 0 {
        0.0
    } else {
        let x = x as f64;
        x * x.ln()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two kinds of words in two kinds of places: clubs after «فريق» and before «الفرنسي»/«الإسباني», cities after
    /// «مدينة» and before «الساحلية»/«الجبلية». Learnt forward and backward, each kind shares a class, the two apart.
    #[test]
    fn words_used_alike_share_a_class() {
        let clubs = ["ليون", "ليل", "موناكو", "برشلونة", "اشبيلية"];
        let cities = ["طرطوس", "اللاذقية", "جبلة", "بانياس", "صافيتا"];
        let mut sentences: Vec<Vec<String>> = Vec::new();
        for round in 0..6 {
            for (i, c) in clubs.iter().enumerate() {
                let after = ["الفرنسي", "الإسباني"][(i + round) % 2];
                sentences.push(["فاز", "فريق", c, after, "على", "ضيفه"].map(String::from).to_vec());
            }
            for (i, c) in cities.iter().enumerate() {
                let after = ["الساحلية", "الجبلية"][(i + round) % 2];
                sentences.push(["وصل", "إلى", "مدينة", c, after, "أمس"].map(String::from).to_vec());
            }
        }
        for backward in [false, true] {
            let params = ClassParams {
                classes: 6,
                min_count: 2,
                passes: 10,
                backward,
            };
            let classes = WordClasses::learn(&sentences, &params, |_, _| {});
            let of = |w: &str| classes.class_of(w).unwrap();
            for c in &clubs[1..] {
                assert_eq!(of(c), of(clubs[0]), "{c} (backward: {backward})");
            }
            for c in &cities[1..] {
                assert_eq!(of(c), of(cities[0]), "{c} (backward: {backward})");
            }
            assert_ne!(of(clubs[0]), of(cities[0]), "backward: {backward}");
            // The same text gives the same classes.
            assert_eq!(classes, WordClasses::learn(&sentences, &params, |_, _| {}));
        }
    }
}
