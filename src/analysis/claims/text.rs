//! Private toolkit of the claims matcher (public for its calibration tests).
//!
//! The token view of a claim unit: normalised word tokens with byte ranges into the article, light stems, stop words,
//! the news synonym table, numbers and dates.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// One word or number of a unit, with its range in the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Normalised surface form (alef/yeh/teh-marbuta unified, marks and tatweel dropped, digits ASCII).
    pub norm: String,
    pub is_number: bool,
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' | '\u{200C}' | '\u{200D}')
}

fn fold(c: char) -> Option<char> {
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' | 'ئ' | 'ې' => 'ي',
        'ة' | 'ۀ' | 'ە' => 'ه',
        'ؤ' => 'و',
        'ک' => 'ك',
        'گ' => 'ك',
        'پ' => 'ب',
        'چ' => 'ج',
        'ژ' => 'ز',
        'ڤ' => 'ف',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        c if c.is_alphanumeric() => return c.to_lowercase().next(),
        _ => return None,
    })
}

/// Word and number tokens of `text[start..end]`; ranges are absolute byte offsets into `text`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let Some(slice) = text.get(start..end) else {
        return out;
    };
    let mut cur: Option<Token> = None;
    for (i, c) in slice.char_indices() {
        let pos = start + i;
        if is_mark(c) {
            if let Some(t) = cur.as_mut() {
                t.end = pos + c.len_utf8();
            }
            continue;
        }
        match fold(c) {
            Some(f) => {
                let digit = f.is_ascii_digit();
                match cur.as_mut() {
                    Some(t) if t.is_number == digit => {
                        t.norm.push(f);
                        t.end = pos + c.len_utf8();
                    }
                    _ => {
                        if let Some(t) = cur.take() {
                            out.push(t);
                        }
                        cur = Some(Token {
                            start: pos,
                            end: pos + c.len_utf8(),
                            norm: f.to_string(),
                            is_number: digit,
                        });
                    }
                }
            }
            None => {
                if let Some(t) = cur.take() {
                    out.push(t);
                }
            }
        }
    }
    if let Some(t) = cur.take() {
        out.push(t);
    }
    out
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

const PREFIXES: &[&str] = &[
    "وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "فب", "و", "ف", "ب", "ل",
];
const SUFFIXES: &[&str] = &[
    "هما", "كما", "تين", "تان", "يات", "يين", "يون", "يان", "ات", "ان", "ين", "ون", "ها", "هم", "كم", "نا", "يه", "ه",
    "ي",
];

/// A light stem (prefix and suffix stripping, never below three letters) of a normalised word.
pub fn light_stem(norm: &str) -> String {
    let len = |s: &str| s.chars().count();
    let mut w = norm;
    for p in PREFIXES {
        if let Some(rest) = w.strip_prefix(p) {
            let need = if p.ends_with("ال") || p.ends_with("لل") {
                2
            } else {
                3
            };
            if len(rest) >= need.max(3) {
                w = rest;
                break;
            }
        }
    }
    for _ in 0..2 {
        let mut stripped = false;
        for s in SUFFIXES {
            if let Some(rest) = w.strip_suffix(s)
                && len(rest) >= 3
            {
                w = rest;
                stripped = true;
                break;
            }
        }
        if !stripped {
            break;
        }
    }
    w.to_string()
}

/// Groups of news synonyms and near-synonyms (written as words); every member maps to its group's first member.
///
/// The groups are the interchangeable verbs and nouns of Arabic wire copy (reporting verbs, restriction, purchase,
/// cooperation, combat, creation, ending …). They were chosen from general news usage and checked against ANERcorp
/// (members occur in the same contexts there, see `tests/claims_synonyms.rs`), never read off the sample articles.
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

/// Month number of a normalised month name (Gregorian, Levantine and transliterated forms).
pub fn month_number(norm: &str) -> Option<u8> {
    let n = norm
        .strip_prefix('و')
        .filter(|r| r.chars().count() >= 4)
        .unwrap_or(norm);
    let n = n.strip_prefix('ب').filter(|r| r.chars().count() >= 4).unwrap_or(n);
    Some(match n {
        "يناير" | "جانفي" | "كانون الثاني" => 1,
        "فبراير" | "فيفري" | "شباط" => 2,
        "مارس" | "اذار" => 3,
        "ابريل" | "افريل" | "نيسان" => 4,
        "مايو" | "ماي" | "ايار" => 5,
        "يونيو" | "جوان" | "حزيران" => 6,
        "يوليو" | "جويليه" | "تموز" => 7,
        "اغسطس" | "اوت" | "اب" => 8,
        "سبتمبر" | "ايلول" => 9,
        "اكتوبر" | "تشرين" => 10,
        "نوفمبر" => 11,
        "ديسمبر" => 12,
        _ => return None,
    })
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
        assert_eq!(canonical(&light_stem("الحظر")), "قيود");
        assert_eq!(canonical(&light_stem("اقتناء")), "شراء");
        assert!(is_stop_word("وفي"));
        assert!(!is_stop_word("ارهاب"));
        assert_eq!(month_number("اكتوبر"), Some(10));
    }
}
