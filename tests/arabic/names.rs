//! Tables of name pairs that must and must not match, and toolkit behaviour on the sample corpus.

use qarin::arabic::{names_match, normalize, strip_clitics, tokenize, translit_key};

const MUST_MATCH: &[(&str, &str)] = &[
    ("شويغو", "شويجو"),
    ("غراسيموف", "جيراسيموف"),
    ("شنغهاي", "شانغاي"),
    ("شنغهاي", "شنجهاي"),
    ("شانغاي", "شنجهاي"),
    ("سوريا", "سورية"),
    ("اشتياني", "أشتياني"),
    ("سيرغي", "سيرجي"),
    ("فاليري", "فالري"),
    ("سيرغي شويغو", "سيرجي شويجو"),
    ("فاليري غراسيموف", "فالري جيراسيموف"),
    ("ایران", "إيران"),
    ("ترامب", "ترمب"),
    ("العراق", "عراق"),
    ("مُوسْكُو", "موسكو"),
    ("طهران", "تهران"),
    ("نتنياهو", "نتانياهو"),
    ("كيم جونغ اون", "كيم جونج أون"),
    ("أردوغان", "اردوغان"),
    ("لافروف", "لاڤروف"),
    ("روحاني", "روحانی"),
    ("بومبيو", "بومبايو"),
    // Spellings outlets of the dev corpus really use for one person.
    ("بيسكوف", "بسكوف"),
    ("ديميتري", "دميتري"),
    ("ستولتنبرغ", "شتولتنبرغ"),
    ("غوتيريش", "جوتيريش"),
    ("غوتيريش", "غوتيريس"),
    ("أنطونيو غوتيريش", "انطونيو جوتيريس"),
    ("شولتس", "شولتز"),
    ("تشافيز", "شافيز"),
    ("إردوغان", "أردوغان"),
    ("رئيسي", "رئيسى"),
    ("ميركل", "ميركيل"),
    ("زيلينسكي", "زيلنسكي"),
    ("ديميتري بيسكوف", "دميتري بسكوف"),
    ("تشي جين بينغ", "شي جين بينغ"),
    ("يونغ", "يونج"),
    ("گروسی", "غروسي"),
    // The spelling classes of the entities issue: "zh" as ج/ز/ژ, "g" as غ/ج, "ch" as تش/ش, a long vowel written
    // or not, a doubled letter or not.
    ("جوكوف", "ژوكوف"),
    ("جيرينوفسكي", "زيرينوفسكي"),
    ("غورباتشوف", "جورباتشوف"),
    ("تشرشل", "شرشل"),
    ("بريجنيف", "بريزنيف"),
    ("يائير لابيد", "يائير لبيد"),
    ("هولاند", "هولّاند"),
    // A medial ي of a five-letter foreign name written or not.
    ("بينيت", "بينت"),
    ("نفتالي بينيت", "نفتالي بينت"),
    // Spellings the dev articles use side by side for one place or person.
    ("كردستان", "كوردستان"),
    ("أوروبا", "أوربا"),
    ("لافروف", "لافاروف"),
    ("سيبيريا", "سايبيريا"),
    ("بافاريا", "بافريا"),
];

const MUST_NOT_MATCH: &[(&str, &str)] = &[
    ("سوريا", "روسيا"),
    ("شويغو", "شوغاييف"),
    ("طهران", "تهامة"),
    ("ايران", "العراق"),
    ("موسكو", "مسقط"),
    ("محمد", "محمود"),
    ("محمد", "أحمد"),
    ("النمسا", "المانيا"),
    ("لبنان", "لبنى"),
    ("فومين", "فوزي"),
    ("سيرغي شويغو", "سيرغي لافروف"),
    ("قريشي", "قرشي"),
    ("سيرغي شويغو", "شويغو"),
    ("علي", "عليا"),
    ("حسن", "حسين"),
    ("ظريف", "شريف"),
    ("ايران", "ايرلندا"),
    ("عمر", "عمرو"),
    ("كيم جونغ أون", "كيم جونغ إيل"),
    ("محمد بن سلمان", "محمد بن زايد"),
    ("بينيت", "بينس"),
    // Names the dev articles had joined into one entity: a consonant added or heard as another, a vowel moved.
    ("خامنئي", "الخميني"),
    ("برلين", "بروكلين"),
    ("أوروبا", "أورفا"),
    ("القابون", "القاسيون"),
    ("مقرن", "ماكرون"),
    ("سليمان", "سليماني"),
    ("عثمان", "عثماني"),
    ("لابيد", "لبيب"),
    // "zh" as ج or ز only in long foreign names: short words keep the letters apart.
    ("زياد", "جياد"),
    ("زيد", "جيد"),
    // A medial ي or و in short Arabic names is a letter of the name.
    ("سعيد", "سعد"),
    ("رشيد", "رشد"),
    ("جميلة", "جملة"),
    ("محمود", "محمد"),
];

#[test]
fn variants_match() {
    let failures: Vec<_> = MUST_MATCH
        .iter()
        .filter(|(a, b)| !names_match(a, b) || !names_match(b, a))
        .collect();
    assert!(failures.is_empty(), "should match: {failures:?}");
}

#[test]
fn look_alikes_do_not_match() {
    let failures: Vec<_> = MUST_NOT_MATCH
        .iter()
        .filter(|(a, b)| names_match(a, b) || names_match(b, a))
        .collect();
    assert!(failures.is_empty(), "should not match: {failures:?}");
}

#[test]
fn keys_of_variants_are_close() {
    assert_eq!(translit_key(&normalize("شويغو")), translit_key(&normalize("شويجو")));
    assert_ne!(translit_key(&normalize("سوريا")), translit_key(&normalize("روسيا")));
}

#[test]
fn sample_corpus_tokens_slice_the_original() {
    for (name, text) in qarin::corpus::builtin::SAMPLE_FILES {
        let tokens = tokenize(text);
        assert!(tokens.len() > 100, "{name}");
        let mut last_end = 0;
        for t in &tokens {
            assert_eq!(&text[t.start..t.end], t.text, "{name}");
            assert!(t.start >= last_end, "{name}: tokens overlap");
            assert!(!t.norm.is_empty(), "{name}: empty norm for {:?}", t.text);
            last_end = t.end;
        }
    }
}

#[test]
fn sample_corpus_clitics() {
    let text = qarin::corpus::builtin::SAMPLE_FILES[0].1;
    let bases: Vec<String> = tokenize(text).iter().map(|t| strip_clitics(&t.norm).base).collect();
    // وزارة الدفاع الروسية، موسكو وطهران
    assert!(bases.iter().any(|b| b == "روسيه"));
    assert!(bases.iter().any(|b| b == "طهران"));
    assert!(bases.iter().any(|b| b == "وزير"));
}
