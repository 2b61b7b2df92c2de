//! Transliteration keys and name comparison for foreign names written in Arabic letters.
//!
//! Outlets render the same foreign sound with different letters (Shoigu: شويغو / شويجو; Shanghai: شنغهاي / شانغاي /
//! شنجهاي) and write long vowels or not (فاليري / فالري). A [`translit_key`] groups the letters that render the same
//! sound and drops the vowel letters inside a word; [`names_match`] then demands BOTH a close key and a close
//! weighted edit distance on the letters themselves, so that variants meet while look-alikes that share a key by
//! accident do not (موسكو / مسقط share `msg…` but differ in three letters; سوريا / روسيا have the same letters in
//! another order).

use super::normalize::normalize;
use std::borrow::Cow;

/// The sound group of a normalised consonant letter (`None` for the vowel letters ا و ي, ء, and anything else).
fn group(c: char) -> Option<char> {
    Some(match c {
        'ب' => 'b',
        'ت' | 'ط' => 't',
        'ث' | 'س' | 'ص' => 's',
        'ج' | 'غ' | 'ك' | 'ق' => 'g',
        'ح' | 'ه' => 'h',
        'خ' => 'x',
        'د' | 'ض' => 'd',
        'ذ' | 'ز' | 'ظ' => 'z',
        'ر' => 'r',
        'ش' => 'c',
        'ع' => 'e',
        'ف' => 'f',
        'ل' => 'l',
        'م' => 'm',
        'ن' => 'n',
        c if c.is_ascii_alphanumeric() => c,
        _ => return None,
    })
}

/// Letters whose presence or absence is often just spelling (vowel letters, hamza, final ه for ة).
fn is_weak(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي' | 'ه' | 'ء')
}

fn word_key(word: &str, out: &mut String) {
    let chars: Vec<char> = word.chars().collect();
    let mut last: Option<char> = None;
    for (i, &c) in chars.iter().enumerate() {
        let k = match c {
            'ا' | 'و' | 'ي' if i == 0 => Some(match c {
                'ا' => 'a',
                'و' => 'w',
                _ => 'y',
            }),
            'ا' | 'و' | 'ي' | 'ء' => None,
            // A final ه is ة (a vowel ending) far more often than an h.
            'ه' if i + 1 == chars.len() && i > 0 => None,
            c => group(c),
        };
        if let Some(k) = k {
            if last != Some(k) {
                out.push(k);
            }
            last = Some(k);
        }
    }
}

/// The transliteration key of a normalised name (words keyed separately, joined by a space).
pub fn translit_key(norm: &str) -> String {
    let mut out = String::with_capacity(norm.len() / 2);
    for (i, w) in norm.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        word_key(w, &mut out);
    }
    out
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Edit distance on normalised letters where spelling-only differences are cheap: a substitution inside a sound
/// group costs 0.3, between two weak letters 0.5, between two sibilants ([`is_sibilant`]) 1; inserting or deleting ا
/// or ء costs 0.5, و ي ه 0.5 in words of six letters or more (1 in shorter words, where they tell names apart: محمد /
/// محمود); any other consonant substituted, inserted or deleted costs [`OTHER_SOUND`].
pub fn weighted_distance(a: &str, b: &str) -> f32 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let long = a.len().max(b.len()) >= 6;
    // A five-letter word ending in a consonant is where foreign names write a medial ي or leave it out (بينيت /
    // بينت); Arabic names of that length end in a nisba or ة (قريشي / قرشي stay apart), and و stays a letter there
    // (محمود / محمد).
    let longer = if a.len() >= b.len() { &a } else { &b };
    let five_foreign = longer.len() == 5 && !matches!(longer.last(), Some('ي' | 'ى' | 'ة' | 'ه'));
    // A final ا in a short word is a different name (علي / عليا), a medial one a spelling (ترامب / ترمب).
    let indel = |c: char, first: bool, last: bool| match c {
        'ا' if last && !long => 1.0,
        'ا' | 'ء' => 0.5,
        'و' | 'ي' | 'ه' if long => 0.5,
        'ي' if five_foreign && !first && !last => 0.5,
        'و' | 'ي' | 'ه' => 1.0,
        _ => OTHER_SOUND,
    };
    let sub = |x: char, y: char| {
        if x == y {
            0.0
        } else if group(x).is_some() && group(x) == group(y) {
            0.3
        } else if is_weak(x) && is_weak(y) {
            0.5
        } else if is_sibilant(x) && is_sibilant(y) {
            1.0
        } else {
            OTHER_SOUND
        }
    };
    let mut prev: Vec<f32> = Vec::with_capacity(b.len() + 1);
    prev.push(0.0);
    for (j, &cb) in b.iter().enumerate() {
        let last = prev[prev.len() - 1];
        prev.push(last + indel(cb, j == 0, j + 1 == b.len()));
    }
    let mut cur = vec![0.0f32; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        let (a_first, a_last) = (i == 0, i + 1 == a.len());
        cur[0] = prev[0] + indel(ca, a_first, a_last);
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + sub(ca, cb))
                .min(prev[j + 1] + indel(ca, a_first, a_last))
                .min(cur[j] + indel(cb, j == 0, j + 1 == b.len()));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Letters that render one of the hissing and hushing sounds of a foreign name, which outlets hear differently
/// (غوتيريش / غوتيريس, شولتس / شولتز, بريجنيف / بريزنيف): a substitution among them is a spelling.
fn is_sibilant(c: char) -> bool {
    matches!(c, 'س' | 'ش' | 'ص' | 'ث' | 'ز' | 'ذ' | 'ظ' | 'ج')
}

/// What another consonant costs, substituted, inserted or deleted: more than any word's allowance. Outlets do not
/// add or drop a consonant or hear ب as ف; names that differ so are other names (برلين / بروكلين, أوروبا / أورفا,
/// القابون / القاسيون on the dev articles).
const OTHER_SOUND: f32 = 3.0;

/// Drops a leading article from a long-enough word so that العراق and عراق compare equal, and writes the letter pairs
/// that render one foreign sound one way: تش (ch) as ش (تشافيز / شافيز, تشي / شي), a German initial شت (St) as ست
/// (شتولتنبرغ / ستولتنبرغ), a final تز (tz) as تس (شولتز / شولتس).
fn without_article(w: &str) -> Cow<'_, str> {
    let w = match w.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => w,
    };
    if !w.contains("تش") && !w.starts_with("شت") && !w.ends_with("تز") {
        return Cow::Borrowed(w);
    }
    let mut folded = w.replace("تش", "ش");
    if let Some(rest) = folded.strip_prefix("شت") {
        folded = format!("ست{rest}");
    }
    if let Some(stem) = folded.strip_suffix("تز") {
        folded = format!("{stem}تس");
    }
    Cow::Owned(folded)
}

/// Letters that can open a long foreign name for "zh": ج or ز (ژ is normalised to ز). Short words keep them apart.
const ZH_MIN_LETTERS: usize = 5;

fn zh_initial(word: &str) -> bool {
    word.chars().nth(ZH_MIN_LETTERS - 1).is_some() && (word.starts_with('ج') || word.starts_with('ز'))
}

/// A word's transliteration key, worked out once, so that a word compared with many candidates rules most of them out
/// without recomputing keys: [`NameKey::may_match`] is false only where [`words_match`] is certainly false.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameKey(Vec<char>);

impl NameKey {
    /// The key [`words_match`] reads for a normalised single word.
    pub fn of(word: &str) -> NameKey {
        NameKey(translit_key(&without_article(word)).chars().collect())
    }

    /// False when the two words' keys are too far apart for [`words_match`] to accept them. Keys with different
    /// first letters may still match (the "zh" rule), so they are left to [`words_match`].
    pub fn may_match(&self, other: &NameKey) -> bool {
        let (a, b) = (&self.0, &other.0);
        if a == b {
            return true;
        }
        if a.is_empty() || b.is_empty() {
            return false;
        }
        if a[0] != b[0] {
            return true;
        }
        a.len().min(b.len()) >= 3 && a.len().abs_diff(b.len()) <= 1 && levenshtein(a, b) <= 1
    }
}

/// Whether two normalised single words can be spellings of the same name.
pub fn words_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b) = (without_article(a), without_article(b));
    let (a, b) = (a.as_ref(), b.as_ref());
    if a == b {
        return true;
    }
    let (ka, kb) = (translit_key(a), translit_key(b));
    let ka: Vec<char> = ka.chars().collect();
    let kb: Vec<char> = kb.chars().collect();
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    // "zh" opens a long foreign name as ج or ز (جوكوف / ژوكوف, جيرينوفسكي / زيرينوفسكي): both are read with ج.
    let (mut ka, mut kb) = (ka, kb);
    let (mut a_zh, mut b_zh) = (None, None);
    if ka[0] != kb[0] {
        if !(zh_initial(a) && zh_initial(b)) {
            return false;
        }
        for (key, word, out) in [(&mut ka, a, &mut a_zh), (&mut kb, b, &mut b_zh)] {
            if let Some(rest) = word.strip_prefix('ز') {
                *out = Some(format!("ج{rest}"));
                key[0] = 'g';
                if key.get(1) == Some(&'g') {
                    key.remove(1);
                }
            }
        }
    }
    let a = a_zh.as_deref().unwrap_or(a);
    let b = b_zh.as_deref().unwrap_or(b);
    let key_ok = if ka.len().min(kb.len()) < 3 {
        ka == kb
    } else {
        levenshtein(&ka, &kb) <= 1
    };
    if !key_ok {
        return false;
    }
    // A nisba is another name: سليمان / سليماني, عثمان / عثماني.
    if a.strip_suffix('ي') == Some(b) || b.strip_suffix('ي') == Some(a) {
        return false;
    }
    // The allowance grows with the shorter word: two vowel letters added to a four-letter word make another name
    // (مقرن / ماكرون). Six letters allow two vowel letters written or not and one sound-alike letter (شانغاي /
    // شنجهاي), not three vowel letters (خامنئي / الخميني: one dropped, one moved).
    let min_len = a.chars().count().min(b.chars().count());
    let allowed = match min_len {
        0..=5 => 0.6,
        6 => 1.3,
        n => 0.25 * n as f32,
    };
    weighted_distance(a, b) <= allowed + 1e-4
}

/// Keys under which a normalised word can be filed so that any two words that [`words_match`] share at least one:
/// the transliteration key of the word without its article, and, for keys of three letters or more, that key with
/// one letter after the first left out (a one-letter key difference is a shared deletion). Lets a caller compare only words that
/// share a key instead of all pairs; the comparison itself stays [`words_match`].
pub fn match_keys(word: &str) -> Vec<String> {
    let bare = without_article(word);
    let key: Vec<char> = translit_key(&bare).chars().collect();
    let mut keys = vec![key.iter().collect::<String>()];
    // A long name opening with ز is also filed under ج's key (words_match lets "zh" be either).
    let mut zh_keys: Vec<Vec<char>> = vec![key.clone()];
    if bare.starts_with('ز') && zh_initial(&bare) && !key.is_empty() {
        let mut as_g = key.clone();
        as_g[0] = 'g';
        if as_g.get(1) == Some(&'g') {
            as_g.remove(1);
        }
        keys.push(as_g.iter().collect());
        zh_keys.push(as_g);
    }
    for key in zh_keys.into_iter().filter(|k| k.len() >= 3) {
        // Never the first letter: words_match demands the same first letter, and a key never repeats a letter in a
        // row, so an edit at the front never leaves two matching keys.
        for skip in 1..key.len() {
            let variant: String = key
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != skip)
                .map(|(_, c)| *c)
                .collect();
            if !keys.contains(&variant) {
                keys.push(variant);
            }
        }
    }
    keys
}

/// Whether two names (one or more words, raw or normalised) can be spellings of the same name: same number of
/// words, each pair matching ([`words_match`]). Partial names (a surname alone) are the linker's business.
pub fn names_match(a: &str, b: &str) -> bool {
    let (na, nb) = (normalize(a), normalize(b));
    let wa: Vec<&str> = na.split_whitespace().collect();
    let wb: Vec<&str> = nb.split_whitespace().collect();
    !wa.is_empty() && wa.len() == wb.len() && wa.iter().zip(&wb).all(|(x, y)| words_match(x, y))
}

/// A similarity in 0..=1 between two names: 1 − weighted letter distance / longer length (on normalised forms).
pub fn name_similarity(a: &str, b: &str) -> f32 {
    let (na, nb) = (normalize(a), normalize(b));
    let max_len = na.chars().count().max(nb.chars().count());
    if max_len == 0 {
        return 1.0;
    }
    (1.0 - weighted_distance(&na, &nb) / max_len as f32).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_group_sounds() {
        assert_eq!(translit_key(&normalize("شويغو")), translit_key(&normalize("شويجو")));
        assert_eq!(
            translit_key(&normalize("غراسيموف")),
            translit_key(&normalize("جيراسيموف"))
        );
        assert_eq!(translit_key("شانغاي"), "cng");
        assert_eq!(translit_key("سيرغي شويغو"), "srg cg");
    }

    #[test]
    fn matching_words_share_a_match_key() {
        let pairs = [
            ("شويغو", "شويجو"),
            ("ديميتري", "دميتري"),
            ("فاليري", "فالري"),
            ("العراق", "عراق"),
            ("غراسيموف", "جيراسيموف"),
        ];
        for (a, b) in pairs {
            let (a, b) = (normalize(a), normalize(b));
            assert!(words_match(&a, &b), "{a} {b}");
            let kb = match_keys(&b);
            assert!(match_keys(&a).iter().any(|k| kb.contains(k)), "{a} {b}");
        }
    }

    #[test]
    fn weighted_distance_is_cheap_for_spelling() {
        assert!(weighted_distance("سيرغي", "سيرجي") < 0.5);
        assert!(weighted_distance("موسكو", "مسقط") > 1.5);
        assert_eq!(weighted_distance("", ""), 0.0);
    }
}
