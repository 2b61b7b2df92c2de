//! Normalisation for matching: one original character → zero or more normalised characters.
//!
//! Choices (all for *matching*, never for display):
//! - tashkeel (U+064B–U+065F), dagger alef (U+0670), Quranic marks and tatweel (U+0640) are removed;
//! - أ إ آ ٱ → ا; ى → ي; ة → ه (the two are confused in print and ة is ه with dots);
//! - ؤ → و and ئ → ي: the seat letter is what readers see, and outlets often drop the hamza (مسؤول / مسئول / مسول
//!   still differ in the last, which is rare); a bare ء is kept;
//! - Persian/Urdu letters → their Arabic counterparts (ی ې ے → ي, ک ڪ گ → ك, ۀ ە ہ ھ ۃ → ه, پ → ب, چ → ج, ژ → ز, ڤ → ف, …);
//! - Arabic-Indic and Persian digits → ASCII digits, ٫ → `.`, ٬ → `,`;
//! - presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) and other compatibility characters via NFKC, then mapped again;
//! - zero-width characters and bidi controls are dropped; Latin letters are lower-cased.

use unicode_normalization::UnicodeNormalization;

/// True for characters that vanish under normalisation and never split a word: diacritics, Quranic marks and tatweel.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}'
        | '\u{0640}'
        | '\u{FE70}' | '\u{FE72}' | '\u{FE74}' | '\u{FE76}' | '\u{FE78}' | '\u{FE7A}' | '\u{FE7C}' | '\u{FE7E}'
        | '\u{FE71}' | '\u{FE77}' | '\u{FE79}' | '\u{FE7B}' | '\u{FE7D}' | '\u{FE7F}')
}

/// True for invisible format characters: zero-width (non-)joiners and spaces, bidi marks, embeddings and isolates,
/// the Arabic letter mark, BOM and the soft hyphen.
pub fn is_format_control(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}'
        | '\u{00AD}')
}

/// `char::is_alphabetic`, answered without the Unicode table lookup for ASCII and Arabic letters (most of
/// what Qarin reads): the lookup is the hottest call when every word of a corpus is looked at.
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        matches!(c, '\u{0620}'..='\u{064A}') || c.is_alphabetic()
    }
}

/// True for letters of the Arabic script (including Persian/Urdu letters and presentation forms), not digits,
/// punctuation or marks.
pub fn is_arabic_letter(c: char) -> bool {
    match c {
        '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}' => true,
        '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}' => true,
        '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}' => true,
        '\u{FB50}'..='\u{FDFB}' => !matches!(c, '\u{FD3E}'..='\u{FD4F}'),
        '\u{FE80}'..='\u{FEFC}' => true,
        _ => false,
    }
}

/// The ASCII value of a decimal digit in ASCII, Arabic-Indic or Persian (Extended Arabic-Indic) form.
pub fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '\u{0660}'..='\u{0669}' => Some((c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => Some((c as u32 - 0x06F0) as u8),
        _ => None,
    }
}

/// Appends the normalised form of one character to `out` (nothing for marks and format controls).
pub fn push_normalized(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // The base Arabic letters (most of what is folded) first, without the checks below: none of them is a mark, a
    // control or a digit, and only these seven change.
    if matches!(c, '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}') {
        out.push(match c {
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' | 'ئ' => 'ي',
            'ة' => 'ه',
            'ؤ' => 'و',
            _ => c,
        });
        return;
    }
    push_normalized_general(c, out);
}

/// [`push_normalized`] for any character, by the general checks.
fn push_normalized_general(c: char, out: &mut String) {
    if is_arabic_mark(c) || is_format_control(c) {
        return;
    }
    if let Some(d) = digit_value(c) {
        out.push((b'0' + d) as char);
        return;
    }
    let mapped = match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => 'ا',
        'ى' | 'ئ' | 'ی' | 'ې' | 'ے' | 'ۍ' | 'ێ' | '\u{06D3}' => 'ي',
        'ة' | 'ۀ' | 'ە' | 'ہ' | 'ھ' | 'ۃ' | 'ۂ' => 'ه',
        'ؤ' | 'ۆ' | 'ۇ' | 'ۈ' | 'ۋ' | 'ۉ' | 'ۏ' => 'و',
        'ک' | 'ڪ' | 'گ' | 'ګ' | 'ڭ' => 'ك',
        'پ' => 'ب',
        'چ' | 'ڃ' => 'ج',
        'ژ' | 'ڙ' => 'ز',
        'ڤ' | 'ڥ' => 'ف',
        'ٹ' => 'ت',
        'ڈ' => 'د',
        'ڑ' => 'ر',
        'ں' | 'ڻ' => 'ن',
        '٫' => '.',
        '٬' => ',',
        _ => {
            let compat = matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{00A0}'..='\u{00FF}')
                || !matches!(c, '\u{0600}'..='\u{08FF}');
            if compat {
                let mut changed = false;
                let mut buf = [0u8; 4];
                let single = c.encode_utf8(&mut buf);
                let decomposed: String = single.nfkc().collect();
                if decomposed != *single {
                    changed = true;
                }
                if changed {
                    for d in decomposed.chars() {
                        if d != c {
                            push_normalized(d, out);
                        } else {
                            push_lower(d, out);
                        }
                    }
                    return;
                }
                push_lower(c, out);
                return;
            }
            c
        }
    };
    out.push(mapped);
}

fn push_lower(c: char, out: &mut String) {
    if c.is_uppercase() {
        out.extend(c.to_lowercase());
    } else {
        out.push(c);
    }
}

/// The normalised form of `text` for matching (see the module documentation for every choice).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_normalized(c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fast_path_for_base_letters_folds_as_the_general_one() {
        for c in ('\u{0600}'..='\u{06FF}').chain(['a', 'Z', '5']) {
            let (mut fast, mut general) = (String::new(), String::new());
            super::push_normalized(c, &mut fast);
            super::push_normalized_general(c, &mut general);
            assert_eq!(fast, general, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn is_letter_is_is_alphabetic() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(super::is_letter(c), c.is_alphabetic(), "U+{:04X}", c as u32);
        }
    }

    use super::*;

    /// (text, its normalised form, what the case shows)
    const CASES: &[(&str, &str, &str)] = &[
        ("أَشْتِيانِي", "اشتياني", "marks dropped, hamza alef"),
        ("إيـــران", "ايران", "tatweel"),
        ("مستشفى", "مستشفي", "alef maqsura"),
        ("الروسية", "الروسيه", "teh marbuta"),
        ("مسؤول", "مسوول", "hamza on waw"),
        ("رئيس", "رييس", "hamza on yeh"),
        ("ٱلرَّحْمَٰن", "الرحمن", "wasla and dagger alef"),
        ("ایران", "ايران", "Persian yeh"),
        ("کرمان", "كرمان", "Persian kaf"),
        ("٢٠٢٠", "2020", "Arabic-Indic digits"),
        ("۱۳۹۹", "1399", "Persian digits"),
        ("٣٫٥", "3.5", "Arabic decimal separator"),
        ("\u{FEFB}", "لا", "lam-alef ligature"),
        ("\u{FE8D}\u{FEDF}", "ال", "isolated and initial forms"),
        ("مو\u{200C}سكو\u{200F}", "موسكو", "zero-width and bidi controls"),
        ("\u{FEF7}", "لا", "lam-alef with hamza"),
        ("TASS Ｔａｓｓ", "tass tass", "Latin lower-cased, full width folded"),
    ];

    #[test]
    fn normalised_forms() {
        for (text, expected, why) in CASES {
            assert_eq!(normalize(text), *expected, "{why}: {text:?}");
        }
    }
}
