//! Foreign-name shape: letter sequences typical of transliterated names (…وف، …سكي، …يتش، بيـ…) are evidence for a
//! person or place even when nothing knows the name. A character-trigram model, learnt once from the bundled
//! model's lexicon: the words training saw in persons and places against its common vocabulary. Nothing is shipped
//! but the code: the same lexicon gives the same model.

use super::*;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Log-probabilities of letter trigrams (with word boundaries) in names and in common words.
pub(super) struct NameShape {
    names: FxHashMap<[char; 3], u32>,
    common: FxHashMap<[char; 3], u32>,
    names_total: f32,
    common_total: f32,
}

/// The trigrams of a word with `^` and `$` at its ends.
fn trigrams(word: &str) -> impl Iterator<Item = [char; 3]> {
    let chars: Vec<char> = std::iter::once('^')
        .chain(word.chars())
        .chain(std::iter::once('$'))
        .collect();
    (0..chars.len().saturating_sub(2))
        .map(move |i| [chars[i], chars[i + 1], chars[i + 2]])
        .collect::<Vec<_>>()
        .into_iter()
}

/// A word without a leading article (names are learnt and scored on their own letters).
fn bare(word: &str) -> &str {
    match word.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => word,
    }
}

impl NameShape {
    pub(super) fn learn<'w>(
        names: impl IntoIterator<Item = &'w str>,
        common: impl IntoIterator<Item = &'w str>,
    ) -> Self {
        let count = |words: &mut dyn Iterator<Item = &'w str>| {
            let mut counts: FxHashMap<[char; 3], u32> = FxHashMap::default();
            let mut total = 0u32;
            for w in words {
                for g in trigrams(bare(w)) {
                    *counts.entry(g).or_default() += 1;
                    total += 1;
                }
            }
            (counts, total as f32)
        };
        let (names, names_total) = count(&mut names.into_iter());
        let (common, common_total) = count(&mut common.into_iter());
        NameShape {
            names,
            common,
            names_total,
            common_total,
        }
    }

    /// The model learnt from the bundled tagger's lexicon (persons and places against common words); an empty model
    /// (every score 0) when there is no tagger.
    pub(super) fn bundled() -> &'static NameShape {
        static SHAPE: OnceLock<NameShape> = OnceLock::new();
        SHAPE.get_or_init(|| {
            let empty = Lexicon::default();
            let lexicon = bundled_model().map_or(&empty, Model::lexicon);
            let mut names: Vec<&str> = lexicon
                .entity_words()
                .filter(|(_, ty)| matches!(*ty, "PERS" | "LOC"))
                .map(|(w, _)| w)
                .collect();
            let mut common: Vec<&str> = lexicon.common_words().collect();
            // Counting does not depend on order, but a sorted input keeps the model's build easy to reason about.
            names.sort_unstable();
            common.sort_unstable();
            NameShape::learn(names, common)
        })
    }

    /// Mean log-odds per trigram that a folded word is shaped like a name rather than common vocabulary: above 0
    /// name-like (باتروشيف، غروندبرغ), below 0 word-like (الحكومة، المحادثات). 0 with no model.
    pub(super) fn score(&self, folded: &str) -> f32 {
        if self.names_total == 0.0 || self.common_total == 0.0 {
            return 0.0;
        }
        let vocab = (self.names.len() + self.common.len()) as f32;
        let mut sum = 0.0;
        let mut n = 0;
        for g in trigrams(bare(folded)) {
            let p_name = (self.names.get(&g).copied().unwrap_or(0) as f32 + 1.0) / (self.names_total + vocab);
            let p_common = (self.common.get(&g).copied().unwrap_or(0) as f32 + 1.0) / (self.common_total + vocab);
            sum += (p_name / p_common).ln();
            n += 1;
        }
        if n == 0 { 0.0 } else { sum / n as f32 }
    }
}

/// Whether a folded word is shaped like a transliterated name by the bundled model.
pub(super) fn looks_like_a_name(folded: &str) -> bool {
    NameShape::bundled().score(folded) > 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_learnt_from_names_and_words_tells_them_apart() {
        let shape = NameShape::learn(
            [
                "شويغو",
                "لافروف",
                "باقري",
                "بوتين",
                "غراسيموف",
                "فومين",
                "ماكرون",
                "نافالني",
            ],
            [
                "الحكومه",
                "المحادثات",
                "الوزراء",
                "العلاقات",
                "الاجتماع",
                "قال",
                "التعاون",
                "المنطقه",
            ],
        );
        assert!(shape.score("باتروشيف") > 0.0);
        assert!(shape.score("المفاوضات") < 0.0);
        assert_eq!(NameShape::learn([""; 0], [""; 0]).score("اي"), 0.0);
    }

    #[test]
    fn the_bundled_model_knows_foreign_names_from_common_words() {
        for name in ["باتروشيف", "غروندبرغ", "سوليفان"] {
            assert!(looks_like_a_name(name), "{name}: {}", NameShape::bundled().score(name));
        }
        for word in ["المحادثات", "الحكومه", "مستعده", "الاجتماع"] {
            assert!(!looks_like_a_name(word), "{word}: {}", NameShape::bundled().score(word));
        }
    }
}
