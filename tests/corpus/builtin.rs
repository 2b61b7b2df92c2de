//! The built-in sample corpus: titles, dates, sources and segments as an analyst expects them.

use qarin::corpus::{self, Article, Corpus, SegmentKind};

fn corpus() -> Corpus {
    corpus::load_builtin()
}

fn article<'a>(c: &'a Corpus, prefix: &str) -> &'a Article {
    c.articles
        .iter()
        .find(|a| a.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no article {prefix}"))
}

/// The kinds of the segments containing `needle`.
fn kind_of(a: &Article, needle: &str) -> SegmentKind {
    let at = a
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {}", a.id));
    a.segments
        .iter()
        .find(|s| s.start <= at && at < s.end)
        .map(|s| s.kind)
        .unwrap_or_else(|| panic!("{needle:?} not covered in {}", a.id))
}

fn body_text(a: &Article) -> String {
    a.body_segments().map(|s| a.slice(s.start, s.end)).collect()
}

#[test]
fn five_articles_with_ids_paths_and_complete_segments() {
    let c = corpus();
    assert_eq!(c.articles.len(), 5);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "000_02fb1594d630ea6b",
            "001_6bd2e69447576664",
            "002_66044156b6c61a51",
            "003_64ed0be7bd66cdba",
            "004_b3eb34c7766d2623"
        ]
    );
    for a in &c.articles {
        assert_eq!(a.path, format!("builtin:{}.txt", a.id));
        assert_eq!(a.segments.first().map(|s| s.start), Some(0));
        assert_eq!(a.segments.last().map(|s| s.end), Some(a.text.len()));
        for w in a.segments.windows(2) {
            assert_eq!(w[0].end, w[1].start, "{}", a.id);
            assert_ne!(w[0].kind, w[1].kind, "{}: neighbours merge", a.id);
        }
        assert!(!a.text.contains('\r'));
        assert!(a.sentences.len() >= 8, "{}: {} sentences", a.id, a.sentences.len());
        for s in &a.sentences {
            assert!(a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end));
            assert!(
                a.body_segments().any(|b| b.start <= s.start && s.end <= b.end),
                "sentence outside the body in {}",
                a.id
            );
        }
    }
}

#[test]
fn titles() {
    let c = corpus();
    assert_eq!(article(&c, "000").title, "تطوير العلاقات الدفاعية بين ايران وروسيا");
    assert_eq!(
        kind_of(article(&c, "000"), "خلال لقاء مساعد وزير الدفاع"),
        SegmentKind::Title,
        "kicker"
    );
    let titles = [
        (
            "001",
            "طهران تعلن بدء صفحة جديدة من التعاون الإقليمي بين طهران وموسكو لـ”حل مشاكل المنطقة”",
        ),
        (
            "002",
            "اللواء باقري يبحث في موسكو صفقة شراء المعدات الدفاعية والعسكرية مع روسيا",
        ),
        ("003", "بهدف تعزيز العلاقات العسكرية.. وزير الدفاع الروسي في إيران"),
        (
            "004",
            "بيان لوزير الدفاع الإيراني بشأن العلاقات الأمنية والعسكرية مع روسيا",
        ),
    ];
    for (id, title) in titles {
        assert_eq!(article(&c, id).title, title, "title of {id}");
    }
}

#[test]
fn dates_where_the_text_states_them() {
    let c = corpus();
    assert_eq!(article(&c, "002").date.as_deref(), Some("2021-10-19T17:51:43"));
    assert_eq!(article(&c, "004").date.as_deref(), Some("2023-09-20"));
    // Dates inside the body are events, not the publication date.
    assert_eq!(article(&c, "000").date, None);
    assert_eq!(article(&c, "001").date, None);
    assert_eq!(article(&c, "003").date, None);
}

#[test]
fn sources() {
    let c = corpus();
    assert_eq!(article(&c, "001").source.as_deref(), Some("ميدل ايست نيوز"));
    assert_eq!(article(&c, "003").source.as_deref(), Some("وكالات"));
    assert_eq!(article(&c, "004").source.as_deref(), Some("صدى البلد"));
    // Agencies quoted in the body (وكالة "تاس", وكالة نوفوستي) are not the article's source.
    assert_eq!(article(&c, "000").source, None);
    assert_eq!(article(&c, "002").source, None);
}

#[test]
fn meta_lines() {
    let c = corpus();
    let a = article(&c, "002");
    assert_eq!(kind_of(a, "معرف الأخبار : 76227"), SegmentKind::Meta);
    assert_eq!(kind_of(a, "تاريخ الإفراج"), SegmentKind::Meta);
    assert_eq!(kind_of(article(&c, "003"), "طهران – وكالات"), SegmentKind::Meta);
    assert_eq!(kind_of(article(&c, "004"), "تاريخ النشر"), SegmentKind::Meta);
    assert_eq!(kind_of(article(&c, "004"), "المصدر: صدى البلد"), SegmentKind::Meta);
    let a = article(&c, "001");
    assert_eq!(kind_of(a, "ميدل ايست نيوز: قال"), SegmentKind::Meta);
    assert_eq!(kind_of(a, "قال مساعد وزير الدفاع لشؤون التنسيق"), SegmentKind::Body);
}

#[test]
fn boilerplate_related_and_duplicate() {
    let c = corpus();
    let a = article(&c, "001");
    for needle in [
        "اترك تعليقاً",
        "لن يتم نشر عنوان بريدك",
        "عشرة + خمسة =",
        "زر الذهاب إلى الأعلى",
        "تابع ميدل ايست نيوز",
    ] {
        assert_eq!(kind_of(a, needle), SegmentKind::Boilerplate, "{needle}");
    }
    assert_eq!(kind_of(a, "مقالات ذات صلة"), SegmentKind::Related);

    let a = article(&c, "002");
    let headline = "اللواء باقري يبحث في موسكو صفقة شراء المعدات الدفاعية والعسكرية مع روسيا";
    let first_end = a.text.find(headline).unwrap() + headline.len();
    let second = a.text[first_end..].find(headline).unwrap() + first_end;
    let seg = a.segments.iter().find(|s| s.start <= second && second < s.end).unwrap();
    assert_eq!(seg.kind, SegmentKind::Duplicate);
    assert_eq!(kind_of(a, "اخبار مرتبط"), SegmentKind::Related);
    for needle in [
        "تعليقات",
        "الاسم",
        "البريد الالكتروني",
        "تعليقك",
        "\nX\n",
        "آگهی تبلیغاتی",
    ] {
        assert_eq!(kind_of(a, needle), SegmentKind::Boilerplate, "{needle}");
    }

    let a = article(&c, "004");
    assert_eq!(kind_of(a, "كلمات دلالية"), SegmentKind::Boilerplate);
    assert_eq!(kind_of(a, "إقرأ أيضاً:"), SegmentKind::Related);
    assert_eq!(kind_of(a, "وزير الدفاع الأميركي: جاهزون"), SegmentKind::Related);
    assert_eq!(kind_of(a, "هيغسيث"), SegmentKind::Related);
    assert_eq!(kind_of(a, "والذي اعتبره ترامب غير كافٍ"), SegmentKind::Related);
}

#[test]
fn bodies_are_clean() {
    let c = corpus();
    for a in &c.articles {
        let body = body_text(a);
        for junk in [
            "تعليق",
            "بريدك",
            "كلمات دلالية",
            "هيغسيث",
            "الذهاب إلى الأعلى",
            "آگهی",
            "المصدر:",
            "معرف الأخبار",
        ] {
            assert!(!body.contains(junk), "{}: body contains {junk:?}", a.id);
        }
        assert!(body.len() > 1500, "{}: body of {} bytes", a.id, body.len());
    }
}

#[test]
fn sentences_split_on_a_missing_space_and_not_inside_numbers() {
    let c = corpus();
    let a = article(&c, "000");
    let sents: Vec<&str> = a.sentences.iter().map(|s| a.slice(s.start, s.end)).collect();
    assert!(
        sents.iter().any(|s| s.ends_with("بتنفيذ التزامات عقود مبرمة.")),
        "{sents:#?}"
    );
    assert!(sents.iter().any(|s| s.starts_with("واضاف: هنالك آفاق")));
    let a = article(&c, "002");
    assert!(
        a.sentences
            .iter()
            .all(|s| !a.slice(s.start, s.end).contains("تاريخ الإفراج"))
    );
}
