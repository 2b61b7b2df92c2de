//! Claims on the built-in sample corpus: the verified shared claims are found, and nothing else is linked.

use qarin::analysis::claims::dump_clusters;
use qarin::analysis::{self, ClaimCluster, Report};
use qarin::corpus;
use qarin::progress::Progress;

fn report() -> Report {
    analysis::analyze(corpus::load_builtin(), &Progress::new())
}

/// The cluster with members from every one of `articles` whose texts contain the given fragments.
fn find<'a>(claims: &'a [ClaimCluster], wanted: &[(&str, &str)]) -> Option<&'a ClaimCluster> {
    claims.iter().find(|c| {
        wanted.iter().all(|(article, fragment)| {
            c.members
                .iter()
                .any(|m| m.article.starts_with(article) && m.text.contains(fragment))
        })
    })
}

#[test]
fn the_shared_claims_of_the_sample_are_found() {
    let r = report();
    let dumped = dump_clusters(&r.claims);
    // The end of the UN arms restrictions on Iran (October 2020).
    let arms = find(
        &r.claims,
        &[
            ("000", "القيود التسليحية"),
            ("001", "الحظر التسليحي"),
            ("002", "رفع الحظر التسليحي"),
        ],
    );
    assert!(arms.is_some(), "arms restrictions 000/001/002:\n{dumped}");
    // The same, with the date stated by two outlets; the day in one and only the month in the other is flagged.
    let council = find(
        &r.claims,
        &[("000", "مجلس الامن الدولي"), ("001", "مجلس الأمن الدولي في أكتوبر 2020")],
    )
    .unwrap_or_else(|| panic!("UN Security Council restrictions 000/001:\n{dumped}"));
    assert!(council.members.len() >= 2);
    // Each expected claim: what it is, and a fragment of its unit in each article that must share it.
    let expected: &[(&str, &[(&str, &str)])] = &[
        // The multipolar world order.
        ("multipolar", &[("003", "متعدّد الأقطاب"), ("004", "متعدد الأقطاب")]),
        // The joint fight against terrorism: «الحرب المشتركة ضد الإرهاب» and «لمواجهة التهديدات المشتركة والإرهاب».
        // (002's «بإرادة ايران وروسيا في مكافحة الارهاب» shares only «fight terrorism» and no name: a weak paraphrase
        // the matcher leaves out rather than link on two words, as it leaves out «مذكرة التفاهم» below.)
        ("terrorism 003/004", &[("003", "والإرهاب الممنهج"), ("004", "ضد الإرهاب")]),
        // Russia's support for Iran joining the Shanghai Cooperation Organisation, spelled شانغاي and شنغهاي.
        (
            "SCO support 001/002",
            &[
                ("001", "دعم بلاده انضمام إيران لمنظمة شانغاي"),
                ("002", "دعمه انضمام ايران الى اتحاد شنغهاي"),
            ],
        ),
        // Bilateral military and defence cooperation continues and advances.
        (
            "bilateral cooperation 002/003",
            &[
                ("002", "واستمرار التعاون الثنائي"),
                ("003", "التعاون الدفاعي والعسكري الثنائي"),
            ],
        ),
        // The Shoigu–Ashtiani meeting.
        (
            "Shoigu–Ashtiani meeting",
            &[
                ("003", "في اجتماع مع نظيره الإيراني محمد رضا اشتياني"),
                ("004", "خلال لقاء مع نظيره الروسي"),
            ],
        ),
    ];
    for (what, wanted) in expected {
        assert!(find(&r.claims, wanted).is_some(), "{what}:\n{dumped}");
    }
}

#[test]
fn claims_are_well_formed() {
    let r = report();
    assert!(!r.claims.is_empty());
    for (i, c) in r.claims.iter().enumerate() {
        assert_eq!(c.id, format!("c{}", i + 1), "ids in order");
        assert!((0.0..=1.0).contains(&c.score));
        let mut articles: Vec<&str> = c.members.iter().map(|m| m.article.as_str()).collect();
        articles.dedup();
        assert_eq!(articles.len(), c.members.len(), "one unit per article in {}", c.id);
        assert!(c.members.len() >= 2);
        for m in &c.members {
            let article = r.article(&m.article).expect("member article");
            assert_eq!(article.slice(m.start, m.end), m.text, "member range slices the text");
            assert!(m.sentence < article.sentences.len());
            let s = article.sentences[m.sentence];
            assert!(s.start <= m.start && m.end <= s.end, "a unit lies inside its sentence");
            assert!(
                article
                    .body_segments()
                    .any(|seg| seg.start <= m.start && m.end <= seg.end),
                "claims come from body segments only"
            );
        }
        for sh in &c.shared {
            let m = &c.members[sh.member];
            let article = r.article(&m.article).expect("article");
            assert!(m.start <= sh.start && sh.end <= m.end);
            assert_eq!(article.slice(sh.start, sh.end), sh.text);
        }
        for d in &c.differences {
            assert!(["number", "date", "quantity", "entity"].contains(&d.what.as_str()));
            assert!(d.values.len() >= 2);
        }
    }
    // Most widely shared first.
    assert!(r.claims.windows(2).all(|w| w[0].members.len() >= w[1].members.len()));
}

#[test]
fn no_boilerplate_appended_article_or_false_link() {
    let r = report();
    let dumped = dump_clusters(&r.claims);
    for c in &r.claims {
        for m in &c.members {
            for junk in [
                "تعليق",
                "إقرأ أيضاً",
                "هيغسيث",
                "ترامب",
                "عمان",
                "مسقط",
                "تابع ميدل ايست",
                "كلمات دلالية",
            ] {
                assert!(
                    !m.text.contains(junk),
                    "boilerplate or appended text `{junk}` in a claim:\n{dumped}"
                );
            }
        }
    }
    for (a, ta, b, tb) in [
        // Two different meetings (Fomin–Qureshi and Ashtiani–Shoigu) are not the same claim.
        ("000", "الكساندر فومين", "004", "سيرجي شويجو"),
        // The same ambassador named in two unrelated statements is no shared claim.
        ("000", "كاظم جلالي", "002", "كاظم جلالي"),
        // Generic headings do not match every sentence on relations with Russia.
        (
            "000",
            "تطوير العلاقات الدفاعية بين ايران وروسيا",
            "002",
            "توسيع العلاقات مع روسيا",
        ),
        // Statements that share one compound or a topic and nothing specific are not the same claim.
        ("001", "ومذكرات التفاهم", "004", "مذكرة التفاهم"),
        ("000", "هنالك شروط مسبقة", "004", "الشروط المسبقة"),
        ("002", "اهمية خاصة بشأن توسيع العلاقات", "003", "ووصل الوزير شويغو"),
        ("002", "اتحاد شنغهاي", "004", "منظمة شنجهاي"),
        ("003", "أعرب وزير الدفاع الروسي", "004", "خلال لقاء مع نظيره الروسي"),
    ] {
        assert!(find(&r.claims, &[(a, ta), (b, tb)]).is_none(), "{ta} / {tb}:\n{dumped}");
    }
    // Precision: a handful of clusters on five articles, not a web of weak links.
    assert!(r.claims.len() <= 8, "{dumped}");
}

#[test]
fn claims_are_stable() {
    let a = report();
    let b = report();
    assert_eq!(a.claims, b.claims);
}
