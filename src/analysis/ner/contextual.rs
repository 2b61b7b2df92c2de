//! Word classes from the meaning model's sentence encoder: each word's hidden states in every sentence it occurs in,
//! averaged over its occurrences, then grouped by spherical k-means. The encoder was pretrained on far more text than
//! the labelled and unlabelled news the tagger sees, so these classes carry what it learnt there (that a word is a
//! club, a town, a first name) to words the exchange classes of [`super::classes`] group only by their neighbours.
//!
//! Measured on the ANERcorp split (issue 15): two tables (256 and 1,024 classes) over the words of the training
//! portion and the dev articles, after 6 of the encoder's 12 layers, raise 5-fold cross-validation F1 by 1.2 points
//! over the exchange classes alone. The encoder itself as the tagger's input (its word states with a linear layer
//! on top) tags far worse than the tagger (dev F1 66 after 6 layers, 58 after 12), and costs ~30 ms per sentence.

use super::classes::WordClasses;
use crate::analysis::meaning::{Model, encoder::Encoder};
use rustc_hash::FxHashMap;

/// How contextual classes are learnt.
#[derive(Clone, Debug)]
pub struct ContextualParams {
    /// Number of classes of each table (one table per entry).
    pub classes: Vec<usize>,
    /// Encoder layers run before a word's states are read (6 of 12: the middle layers say more about what kind of
    /// thing a word names than the last ones, trained for sentence similarity; 12 gave the probe 8 points less).
    pub layers: usize,
    /// Words seen fewer times than this get no class (2, as the exchange classes).
    pub min_count: u32,
    /// Sentences are read in windows of at most this many words (the encoder reads at most 128 pieces).
    pub window_words: usize,
    /// Rounds of k-means.
    pub iterations: usize,
}

impl Default for ContextualParams {
    fn default() -> Self {
        ContextualParams {
            classes: vec![256, 1024],
            layers: 6,
            min_count: 2,
            window_words: 48,
            iterations: 12,
        }
    }
}

/// Each word's mean hidden state over its occurrences in `sentences` (folded words), with its count; words the
/// encoder cannot read (no known piece) are left out. `log` hears the words read so far and the total.
pub fn word_vectors<S: AsRef<str>>(
    sentences: &[Vec<S>],
    encoder: &Encoder,
    model: &Model,
    params: &ContextualParams,
    log: impl Fn(usize, usize),
) -> Vec<(String, u32, Vec<f32>)> {
    let windows: Vec<Vec<&str>> = sentences
        .iter()
        .flat_map(|s| s.chunks(params.window_words.max(1)))
        .map(|c| c.iter().map(AsRef::as_ref).collect())
        .collect();
    let total: usize = windows.iter().map(Vec::len).sum();
    let mut sums: FxHashMap<&str, (u32, Vec<f32>)> = FxHashMap::default();
    let mut done = 0;
    // In slices, so memory holds one slice's states at a time; each slice's batches run in parallel, and the sums
    // are taken in text order (the same bytes on the same machine).
    for slice in windows.chunks(2000) {
        let states = encoder.word_states(model, slice, params.layers);
        for (words, states) in slice.iter().zip(states) {
            for (&word, state) in words.iter().zip(states) {
                let Some(state) = state else { continue };
                let entry = sums.entry(word).or_insert_with(|| (0, vec![0.0; state.len()]));
                entry.0 += 1;
                entry.1.iter_mut().zip(&state).for_each(|(s, x)| *s += x);
            }
            done += words.len();
        }
        log(done, total);
    }
    let mut out: Vec<(String, u32, Vec<f32>)> = sums
        .into_iter()
        .map(|(w, (n, mut sum))| {
            sum.iter_mut().for_each(|s| *s /= n as f32);
            (w.to_string(), n, sum)
        })
        .collect();
    // Most frequent first (k-means starts from words spread over this order), ties by the word.
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// One class table per `params.classes` entry over the words seen at least `min_count` times: the vectors centred
/// (the mean of all words taken off, so what every word shares does not decide the grouping) and of unit length,
/// grouped by spherical k-means.
pub fn classes_from_vectors(vectors: &[(String, u32, Vec<f32>)], params: &ContextualParams) -> Vec<WordClasses> {
    let kept: Vec<&(String, u32, Vec<f32>)> = vectors.iter().filter(|v| v.1 >= params.min_count).collect();
    let Some(dim) = kept.first().map(|v| v.2.len()) else {
        return Vec::new();
    };
    let mut mean = vec![0f64; dim];
    for (_, _, v) in &kept {
        mean.iter_mut().zip(v).for_each(|(m, x)| *m += *x as f64);
    }
    mean.iter_mut().for_each(|m| *m /= kept.len() as f64);
    let words: Vec<(String, Vec<f32>)> = kept
        .iter()
        .map(|(w, _, v)| {
            let mut c: Vec<f32> = v.iter().zip(&mean).map(|(x, m)| x - *m as f32).collect();
            let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
            c.iter_mut().for_each(|x| *x /= norm);
            (w.clone(), c)
        })
        .collect();
    params
        .classes
        .iter()
        .map(|&k| WordClasses::by_vectors(&words, k, params.iterations))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::meaning::{bundled_model, cosine, encoder::bundled_encoder};

    /// Places in one frame and verbs in another: the places' mean states are nearer each other than to a verb,
    /// and with two classes the places share one.
    #[test]
    fn places_gather_apart_from_verbs() {
        let (Some(encoder), Some(model)) = (bundled_encoder(), bundled_model()) else {
            panic!("the bundled encoder and piece table load");
        };
        let sentences: Vec<Vec<&str>> = [
            "وصل الوزير الى دمشق امس",
            "وصل الوزير الى بغداد امس",
            "وصل الوزير الى القاهره امس",
            "اعلن الوزير عن خطه جديده",
            "اكد الوزير عن خطه جديده",
            "نفى الوزير عن خطه جديده",
            "وصل الرئيس الى دمشق صباحا",
            "وصل الرئيس الى بغداد صباحا",
            "وصل الرئيس الى القاهره صباحا",
            "اعلن الرئيس عن خطه جديده",
            "اكد الرئيس عن خطه جديده",
            "نفى الرئيس عن خطه جديده",
        ]
        .iter()
        .map(|s| s.split(' ').collect())
        .collect();
        let params = ContextualParams::default();
        let vectors = word_vectors(&sentences, encoder, model, &params, |_, _| {});
        let of = |w: &str| &vectors.iter().find(|v| v.0 == w).expect(w).2;
        assert_eq!(vectors.iter().find(|v| v.0 == "الوزير").map(|v| v.1), Some(6));
        let places = cosine(of("دمشق"), of("بغداد"));
        assert!(places > cosine(of("دمشق"), of("اعلن")), "{places}");
        assert!(places > cosine(of("بغداد"), of("نفى")), "{places}");
        let two = ContextualParams {
            classes: vec![2],
            ..params
        };
        let places_and_verbs: Vec<(String, u32, Vec<f32>)> = vectors
            .iter()
            .filter(|v| ["دمشق", "بغداد", "القاهره", "اعلن", "اكد", "نفى"].contains(&v.0.as_str()))
            .cloned()
            .collect();
        let tables = classes_from_vectors(&places_and_verbs, &two);
        let class = |w: &str| tables[0].class_of(w).expect(w);
        assert_eq!(class("دمشق"), class("بغداد"));
        assert_eq!(class("دمشق"), class("القاهره"));
        assert_ne!(class("دمشق"), class("اعلن"));
    }
}
