//! Private toolkit of the claims matcher (public for its calibration tests).
//!
//! The token view of a claim unit: the Arabic chain's word and number tokens with byte ranges into the article, light
//! stems, stop words and the news synonym table (both word lists in `assets/words/claims/`).

use crate::arabic::{self, Token};
use crate::word_list;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Word and number tokens of `text[start..end]` (the Arabic chain's tokens, punctuation dropped); ranges are
/// absolute byte offsets into `text`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    arabic::without_punctuation(arabic::tokenize_range(text, start..end))
        .filter(|t| !t.norm.is_empty())
        .collect()
}

/// The folded form of a word of a list, as the tokenizer gives it.
fn folded_word(word: &str) -> Option<String> {
    tokenize(word, 0, word.len()).into_iter().next().map(|t| t.norm)
}

fn stop_words() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        word_list::parse(include_str!("../../../assets/words/claims/stop_words.txt"))
            .into_iter()
            .filter_map(folded_word)
            .collect()
    })
}

/// True for function words and words that carry no claim by themselves (input: normalised form).
pub fn is_stop_word(norm: &str) -> bool {
    if norm.chars().count() < 2 {
        return true;
    }
    let set = stop_words();
    if set.contains(norm) {
        return true;
    }
    // A conjunction glued to a function word: وفي، فلا، ولم …
    norm.strip_prefix('و')
        .or_else(|| norm.strip_prefix('ف'))
        .is_some_and(|rest| set.contains(rest))
}

/// The stem of a normalised content word: [`crate::arabic::stem`] after a lone preposition or conjunction
/// (ب ل ك ف, which the toolkit keeps to protect names) is cut from a long word. Names inside linked mentions never get
/// here; unlinked ones are stemmed alike on every side, so they still match themselves.
pub fn light_stem(norm: &str) -> String {
    light_stem_slice(norm).to_string()
}

/// [`light_stem`] without allocating: the stem is a slice of the word.
pub fn light_stem_slice(norm: &str) -> &str {
    // ل before the article is written لل (للتعاون = ل + التعاون): the toolkit strips it whole; cutting ل alone would
    // leave لتعاون, whose stem no longer meets التعاون's.
    if norm.starts_with("لل") {
        return arabic::stem::stem_slice(norm);
    }
    let base = ['ب', 'ل', 'ك', 'ف']
        .iter()
        .find_map(|&p| norm.strip_prefix(p).filter(|rest| rest.chars().nth(3).is_some()))
        .unwrap_or(norm);
    arabic::stem::stem_slice(base)
}

/// Groups of news synonyms and near-synonyms (written as words), the first member naming the group: the
/// interchangeable verbs and nouns of Arabic wire copy (reporting verbs, restriction, purchase, cooperation, combat,
/// creation, ending …), from `assets/words/claims/news_synonyms.txt` (where its first line says they come from).
pub fn synonym_groups() -> &'static [Vec<&'static str>] {
    static GROUPS: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        word_list::parse(include_str!("../../../assets/words/claims/news_synonyms.txt"))
            .into_iter()
            .map(|line| line.split_whitespace().collect())
            .collect()
    })
}

/// Every member of a synonym group → its group's first member (as light stems).
fn synonym_table() -> &'static FxHashMap<String, String> {
    static TABLE: OnceLock<FxHashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = FxHashMap::default();
        for group in synonym_groups() {
            let key = |w: &str| folded_word(w).map(|norm| light_stem(&norm));
            let Some(head) = group.first().and_then(|w| key(w)) else {
                continue;
            };
            for word in group {
                if let Some(k) = key(word) {
                    map.entry(k).or_insert_with(|| head.clone());
                }
            }
        }
        map
    })
}

/// The canonical form of a light stem under the synonym table.
pub fn canonical(stem: &str) -> &str {
    synonym_table().get(stem).map(String::as_str).unwrap_or(stem)
}

/// How much a stem says about a particular statement, from how common it is in news generally (ANERcorp sentence
/// frequencies): 1 for rare words, down to 0.25 for the commonest (دول, قال, رئيس …).
pub fn background_factor(stem: &str) -> f32 {
    static TABLE: OnceLock<(f32, FxHashMap<&'static str, f32>)> = OnceLock::new();
    let (sentences, table) = TABLE.get_or_init(|| {
        let mut sentences = 1.0f32;
        let mut map = FxHashMap::default();
        for line in include_str!("news_frequencies.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            let (Some(word), Some(count)) = (parts.next(), parts.next().and_then(|c| c.parse::<f32>().ok())) else {
                continue;
            };
            if word == "sentences" {
                sentences = count;
            } else {
                map.insert(word, count);
            }
        }
        (sentences, map)
    });
    let count = table.get(stem).copied().unwrap_or(0.0);
    ((sentences / (count + 1.0)).ln() / sentences.ln()).clamp(0.25, 1.0)
}

/// The matcher's key for one word: normalised, light-stemmed, mapped through the synonym table.
pub fn word_key(word: &str) -> Option<String> {
    let token = tokenize(word, 0, word.len()).into_iter().next()?;
    if token.is_number() || is_stop_word(&token.norm) {
        return None;
    }
    Some(canonical(&light_stem(&token.norm)).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_original_ranges() {
        let text = "قال: إنّ القيودَ انتهت في 18 أكتوبر ٢٠٢٠.";
        let toks = tokenize(text, 0, text.len());
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["قال", "ان", "القيود", "انتهت", "في", "18", "اكتوبر", "2020"]);
        assert_eq!(&text[toks[1].start..toks[1].end], "إنّ");
        assert_eq!(&text[toks[7].start..toks[7].end], "٢٠٢٠");
        assert!(toks[5].is_number());
    }

    #[test]
    fn stems_and_synonyms() {
        assert_eq!(light_stem("التسليحيه"), "تسليح");
        assert_eq!(light_stem("التسليحي"), "تسليح");
        assert_eq!(light_stem("والارهاب"), "ارهاب");
        // ل + ال is one prefix: للتعاون meets التعاون, للامن meets الامن.
        assert_eq!(light_stem("للتعاون"), light_stem("التعاون"));
        assert_eq!(light_stem("للامن"), light_stem("الامن"));
        assert_eq!(light_stem("لروسيا"), light_stem("روسيا"));
        assert_eq!(canonical(&light_stem("الحظر")), "قيود");
        assert_eq!(canonical(&light_stem("اقتناء")), "شراء");
        assert!(is_stop_word("وفي"));
        assert!(!is_stop_word("ارهاب"));
    }
}
