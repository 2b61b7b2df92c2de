//! Private toolkit of the claims matcher (public for its calibration tests).
//!
//! The token view of a claim unit: normalised word tokens with byte ranges into the article, light stems, stop words,
//! the news synonym table, numbers and dates.

use crate::arabic::{self, TokenKind};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// One word or number of a unit, with its range in the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Normalised surface form ([`crate::arabic::normalize`]).
    pub norm: String,
    pub is_number: bool,
}

/// Word and number tokens of `text[start..end]` (from [`crate::arabic::tokenize`]); ranges are absolute byte
/// offsets into `text`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    arabic::tokenize(slice)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct && !t.norm.is_empty())
        .map(|t| Token {
            start: start + t.start,
            end: start + t.end,
            is_number: t.kind == TokenKind::Number,
            norm: t.norm,
        })
        .collect()
}

const STOP_WORDS: &[&str] = &[
    "في",
    "من",
    "على",
    "الى",
    "عن",
    "مع",
    "ان",
    "انه",
    "انها",
    "انهم",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "هذان",
    "هولاء",
    "التي",
    "الذي",
    "الذين",
    "اللذين",
    "اللتين",
    "كما",
    "قد",
    "لقد",
    "لا",
    "لم",
    "لن",
    "ما",
    "او",
    "ام",
    "ثم",
    "حيث",
    "بين",
    "خلال",
    "بعد",
    "قبل",
    "عند",
    "كل",
    "بعض",
    "اي",
    "هو",
    "هي",
    "هم",
    "هما",
    "نحن",
    "انا",
    "انت",
    "كان",
    "كانت",
    "يكون",
    "تكون",
    "تم",
    "ايضا",
    "لدى",
    "لها",
    "له",
    "لهم",
    "منها",
    "منه",
    "فيه",
    "فيها",
    "عليه",
    "عليها",
    "اليه",
    "حول",
    "منذ",
    "حتى",
    "لكن",
    "بل",
    "اذا",
    "لو",
    "غير",
    "عبر",
    "نحو",
    "مثل",
    "ذلك",
    "وذلك",
    "بان",
    "بانه",
    "بانها",
    "فان",
    "الا",
    "اما",
    "امس",
    "اليوم",
    "يوم",
    "وقت",
    "الوقت",
    "هناك",
    "هنا",
    "ليس",
    "وهو",
    "وهي",
    "به",
    "بها",
    "بهم",
    "لنا",
    "لكم",
    "عليهم",
    "اذ",
    "ف",
    "و",
    "ب",
    "ل",
    "يا",
    "جدا",
    "فقط",
    "كذلك",
    "لذلك",
    "الذى",
    "التى",
    "اخرى",
    "اخر",
    "الاخرى",
    "الاخر",
    "ضمن",
    "دون",
    "لدي",
    "تجاه",
    "ازاء",
    "قبال",
    "بشان",
    "شان",
    "اطار",
    "مجال",
    "المجال",
    "خاصه",
    "سيما",
    "ولاسيما",
    "لاسيما",
    "يذكر",
    "وفقا",
    "لما",
    "كون",
    "عام",
    "العام",
    "بشكل",
    "شكل",
    "ومن",
    "وفي",
    "وعلى",
    "والى",
    "وان",
    "فيما",
    "بما",
    "مما",
    "عما",
    "ممن",
    "لان",
    "كي",
    "لكي",
    "سوف",
    "هل",
    "كيف",
    "متى",
    "اين",
    "الان",
    "جانب",
    "الجانب",
    "صعيد",
    "قبيل",
    "اجل",
    "ضوء",
    "حين",
    "حينما",
    "عندما",
    "بينما",
    "اثناء",
    "لدى",
    "مدى",
    "علي",
];

fn stop_words() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        STOP_WORDS
            .iter()
            .filter_map(|w| tokenize(w, 0, w.len()).into_iter().next().map(|t| t.norm))
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
    // ل before the article is written لل (للتعاون = ل + التعاون): the toolkit strips it whole; cutting ل alone would
    // leave لتعاون, whose stem no longer meets التعاون's.
    if norm.starts_with("لل") {
        return arabic::stem(norm);
    }
    let base = ['ب', 'ل', 'ك', 'ف']
        .iter()
        .find_map(|&p| norm.strip_prefix(p).filter(|rest| rest.chars().count() >= 4))
        .unwrap_or(norm);
    arabic::stem(base)
}

/// Groups of news synonyms and near-synonyms (written as words); every member maps to its group's first member.
///
/// The groups are the interchangeable verbs and nouns of Arabic wire copy (reporting verbs, restriction, purchase,
/// cooperation, combat, creation, ending …). They were chosen from general news usage and checked against ANERcorp
/// (members occur in the same contexts there, see `tests/analysis/claims_synonyms.rs`), never read off the sample articles.
const SYNONYMS: &[&[&str]] = &[
    &[
        "قال", "اكد", "اشار", "اوضح", "اضاف", "صرح", "لفت", "نوه", "ذكر", "افاد", "اعلن", "كشف", "شدد", "تابع",
    ],
    &["قيود", "حظر", "قيد", "عقوبات"],
    &["شراء", "اقتناء", "امتلاك", "حيازة", "اشترى"],
    &["تعاون", "شراكة", "شريك"],
    &["مكافحة", "مواجهة", "محاربة", "حرب", "مجابهة", "قتال", "تصدي"],
    &["انشاء", "خلق", "اقامة", "تاسيس", "بناء"],
    &["انتهاء", "رفع", "انهاء", "الغاء", "انتهت", "انقضاء"],
    &["تسليح", "سلاح", "اسلحة", "تسليحية", "تسلح"],
    &["لقاء", "اجتماع", "محادثات", "مباحثات"],
    &["ارهاب", "ارهابي", "ارهابية"],
    &["دعم", "تاييد", "مساندة"],
    &["انضمام", "عضوية"],
    &["تطوير", "تعزيز", "تنمية", "توسيع", "تعميق"],
    &["استقرار", "مستقر"],
    &["الامم", "اممي", "الاممي"],
];

/// The synonym groups, as words (for inspection and the ANERcorp check).
pub fn synonym_groups() -> &'static [&'static [&'static str]] {
    SYNONYMS
}

fn synonym_table() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::new();
        for group in SYNONYMS {
            let key = |w: &str| tokenize(w, 0, w.len()).into_iter().next().map(|t| light_stem(&t.norm));
            let Some(head) = key(group[0]) else {
                continue;
            };
            for word in *group {
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
    static TABLE: OnceLock<(f32, HashMap<&'static str, f32>)> = OnceLock::new();
    let (sentences, table) = TABLE.get_or_init(|| {
        let mut sentences = 1.0f32;
        let mut map = HashMap::new();
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
    if token.is_number || is_stop_word(&token.norm) {
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
        assert!(toks[5].is_number);
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
