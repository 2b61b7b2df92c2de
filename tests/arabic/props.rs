//! Properties of the toolkit on arbitrary text: no panics, offsets always slice the original.

use proptest::prelude::*;
use qarin::arabic::{analyses, names_match, normalize, stem, strip_clitics, tokenize, translit_key};

fn arabicish() -> impl Strategy<Value = String> {
    // Arabic letters, marks, Persian letters, digits, presentation forms, controls, Latin, punctuation, spaces.
    let pieces = prop::sample::select(vec![
        "ا", "أ", "ل", "و", "ب", "ي", "ة", "ى", "ئ", "ؤ", "ـ", "َ", "ّ", "ٰ", "ی", "ک", "۱", "٢", "٫", "ﻻ", "ﺍ",
        "\u{200C}", "\u{200F}", "\u{202B}", "a", "Z", "1", ".", ",", "،", "«", " ", "\n", "é", "e\u{301}", "😀", "ش",
        "غ", "ج",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn tokens_slice_the_original(text in arabicish()) {
        let tokens = tokenize(&text);
        let mut last = 0;
        for t in &tokens {
            prop_assert!(t.start >= last && t.start < t.end);
            prop_assert_eq!(&text[t.start..t.end], t.text);
            prop_assert!(!t.norm.is_empty());
            let a = strip_clitics(&t.norm);
            let (s, e) = t.original_range(a.prefix_len, t.norm.len());
            prop_assert!(t.start <= s && s <= e && e <= t.end);
            prop_assert!(text.get(s..e).is_some());
            last = t.end;
        }
    }

    #[test]
    fn functions_never_panic(a in arabicish(), b in arabicish()) {
        let n = normalize(&a);
        let _ = (stem(&n), translit_key(&n), analyses(&n), names_match(&a, &b));
        prop_assert_eq!(normalize(&n), n.clone());
        prop_assert!(names_match(&a, &a) || n.split_whitespace().next().is_none());
    }
}
