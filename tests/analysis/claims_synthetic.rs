//! Claims on small hand-made corpora: wire copy, paraphrase, conflicting details, repetition within one article,
//! unrelated text.

use qarin::analysis::ClaimKind;
use qarin::analysis::claims::{ClaimParams, analyze_claims, find_claims};
use qarin::corpus::{Article, Segment, SegmentKind, Sentence};
use qarin::progress::Progress;

fn article(id: &str, date: &str, sentences: &[&str]) -> Article {
    let mut text = String::from("عنوان\n");
    let mut spans = Vec::new();
    for s in sentences {
        let start = text.len();
        text.push_str(s);
        spans.push(Sentence { start, end: text.len() });
        text.push('\n');
    }
    Article {
        id: id.to_string(),
        path: format!("test:{id}"),
        title: "عنوان".to_string(),
        date: Some(date.to_string()),
        source: None,
        url: None,
        segments: vec![
            Segment {
                kind: SegmentKind::Title,
                start: 0,
                end: 11,
            },
            Segment {
                kind: SegmentKind::Body,
                start: 11,
                end: text.len(),
            },
        ],
        sentences: spans,
        text,
    }
}

const FILLER: &[&str] = &[
    "افتتح المهرجان السينمائي الدولي دورته الجديدة بعرض فيلم وثائقي عن تاريخ المدينة القديمة.",
    "ارتفعت أسعار القمح في الأسواق العالمية بعد موجة جفاف ضربت مناطق الزراعة الكبرى.",
    "فاز الفريق المحلي بالمباراة النهائية بهدفين مقابل هدف واحد وسط حضور جماهيري كبير.",
    "أعلنت الجامعة عن منح دراسية جديدة للطلاب المتفوقين في كليات الهندسة والطب.",
    "شهدت العاصمة أمطارا غزيرة تسببت في إغلاق عدد من الطرق الرئيسية صباح اليوم.",
];

#[test]
fn wire_copy_is_verbatim_with_shared_spans_and_the_date_difference_flagged() {
    let a = article(
        "a",
        "2020-10-19",
        &[
            "وقالت الوزارة إن القيود التسليحية المفروضة من قبل مجلس الامن الدولي على ايران انتهت في 18 اكتوبر 2020 رغم المحاولات الامريكية.",
            FILLER[0],
            FILLER[1],
        ],
    );
    let b = article(
        "b",
        "2020-10-20",
        &[
            FILLER[2],
            "وقالت الوزارة إن القيود التسليحية المفروضة من قبل مجلس الأمن الدولي على إيران انتهت في أكتوبر 2020 رغم المحاولات الأمريكية.",
            FILLER[3],
        ],
    );
    let c = article("c", "2020-10-21", &[FILLER[4]]);
    let clusters = find_claims(&[b.clone(), a.clone(), c], &[], &Progress::new());
    assert_eq!(clusters.len(), 1, "{clusters:#?}");
    let cluster = &clusters[0];
    assert_eq!(cluster.id, "c1");
    assert_eq!(cluster.kind, ClaimKind::Verbatim);
    assert_eq!(cluster.members[0].article, "a", "earliest article first");
    assert_eq!(cluster.members[1].article, "b");
    assert!(
        cluster
            .shared
            .iter()
            .any(|s| s.member == 0 && s.text.contains("القيود التسليحية المفروضة من قبل مجلس"))
    );
    assert!(
        cluster
            .shared
            .iter()
            .any(|s| s.member == 1 && s.text.contains("مجلس الأمن الدولي على إيران"))
    );
    let date = cluster
        .differences
        .iter()
        .find(|d| d.what == "date")
        .expect("date difference");
    assert_eq!(date.values["a"], "2020-10-18");
    assert_eq!(date.values["b"], "2020-10");
}

#[test]
fn paraphrase_with_synonyms_is_found_and_conflicting_numbers_flagged() {
    let a = article(
        "a",
        "2021-01-01",
        &[
            "أكد الوزير أن إيران ترغب في شراء مقاتلات روسية حديثة بعد رفع الحظر التسليحي، مشيرا إلى صفقة تشمل 24 طائرة.",
            FILLER[0],
        ],
    );
    let b = article(
        "b",
        "2021-01-02",
        &[
            FILLER[1],
            "وأوضح الوزير أن طهران تريد اقتناء مقاتلات روسية حديثة بعد انتهاء القيود التسليحية، في صفقة تشمل 30 طائرة.",
        ],
    );
    let clusters = find_claims(&[a, b], &[], &Progress::new());
    assert_eq!(clusters.len(), 1, "{clusters:#?}");
    assert_eq!(clusters[0].kind, ClaimKind::Paraphrase);
    assert!(
        clusters[0]
            .differences
            .iter()
            .any(|d| d.what == "quantity" || d.what == "number"),
        "{clusters:#?}"
    );
}

#[test]
fn repetition_inside_one_article_is_no_claim() {
    let lead = "أعلنت وزارة الدفاع الروسية أن المناورات البحرية المشتركة ستجري في بحر عمان أواخر العام الحالي.";
    let a = article(
        "a",
        "2021-01-01",
        &[
            lead,
            FILLER[0],
            "وأعلنت وزارة الدفاع الروسية أن المناورات البحرية المشتركة ستجري في بحر عمان أواخر العام.",
        ],
    );
    let b = article("b", "2021-01-02", &[FILLER[1], FILLER[2]]);
    let analysis = analyze_claims(&[a, b], &[], &ClaimParams::default(), &Progress::new());
    assert!(analysis.clusters.is_empty(), "{:#?}", analysis.clusters);
    assert_eq!(analysis.repetitions.len(), 1, "{:#?}", analysis.repetitions);
    assert_eq!(analysis.repetitions[0].article, "a");
}

#[test]
fn unrelated_articles_share_no_claim_and_bad_ranges_do_not_panic() {
    let a = article("a", "2021-01-01", &FILLER[..3]);
    let mut b = article("b", "2021-01-02", &FILLER[3..]);
    b.sentences.push(Sentence { start: 3, end: 100_000 });
    b.sentences.push(Sentence { start: 12, end: 13 });
    assert!(find_claims(&[a, b], &[], &Progress::new()).is_empty());
    assert!(find_claims(&[], &[], &Progress::new()).is_empty());
}

#[test]
fn where_outlets_place_an_event_differently_is_flagged() {
    use qarin::analysis::entities::link_entities;
    use qarin::analysis::ner;
    let a = article(
        "a",
        "2021-03-01",
        &[
            "وصل وزير الدفاع الروسي سيرغي شويغو إلى طهران لإجراء محادثات مع نظيره الإيراني حول توسيع التعاون العسكري بين البلدين.",
            FILLER[0],
        ],
    );
    let b = article(
        "b",
        "2021-03-02",
        &[
            FILLER[1],
            "ووصل وزير الدفاع الروسي سيرجي شويجو إلى بغداد لإجراء محادثات مع نظيره الإيراني بشأن توسيع التعاون العسكري بين البلدين.",
        ],
    );
    let articles = [a, b];
    let mentions: Vec<_> = articles.iter().map(ner::recognize).collect();
    let entities = link_entities(&articles, &mentions);
    let clusters = find_claims(&articles, &entities, &Progress::new());
    assert_eq!(clusters.len(), 1, "{clusters:#?}");
    let place = clusters[0]
        .differences
        .iter()
        .find(|d| d.what == "entity")
        .unwrap_or_else(|| panic!("the place is flagged: {clusters:#?}"));
    assert!(
        place.values["a"].contains("طهران") && place.values["b"].contains("بغداد"),
        "{place:?}"
    );
    // The same minister under two spellings is no difference.
    assert!(!place.values["b"].contains("شويجو"), "{place:?}");
}

/// A late article's copy is found whatever the order the files come in: candidate search reads a sample of each
/// common feature's units that does not favour the first articles (here with a tiny prefix, as at corpus scale).
#[test]
fn a_late_copy_is_linked_in_any_file_order() {
    let common = "أعلن الجيش التركي بدء عملية عسكرية في محافظة إدلب شمال سوريا";
    let mut articles: Vec<Article> = (0..8)
        .map(|i| {
            let own = format!("{common} وقال مسؤول إن القوات تقدمت نحو البلدة رقم {i} بعد قصف مدفعي");
            article(&format!("early-{i}"), "2017-10-01", &[own.as_str()])
        })
        .collect();
    let copy =
        "وأكد الجيش التركي أنه بدأ أنشطة الاستطلاع في محافظة إدلب قبل عملية عسكرية متوقعة في المنطقة المتنازع عليها";
    let retold = "أكد الجيش التركي يوم الاثنين أنه بدأ أنشطة الاستطلاع في محافظة إدلب قبل عملية عسكرية متوقعة في المنطقة المتنازع عليها";
    articles.push(article("late-a", "2017-10-09", &[copy]));
    articles.push(article("late-b", "2017-10-09", &[retold]));
    let params = ClaimParams {
        posting_prefix: 3,
        unit_candidates: 2,
        ..ClaimParams::default()
    };
    let clusters_of = |articles: &[Article]| {
        let mut sets: Vec<Vec<String>> = analyze_claims(articles, &[], &params, &Progress::new())
            .clusters
            .iter()
            .map(|c| {
                let mut ids: Vec<String> = c.members.iter().map(|m| m.article.clone()).collect();
                ids.sort();
                ids
            })
            .collect();
        sets.sort();
        sets
    };
    let forward = clusters_of(&articles);
    assert!(
        forward
            .iter()
            .any(|ids| ids.contains(&"late-a".to_string()) && ids.contains(&"late-b".to_string())),
        "{forward:?}"
    );
    articles.reverse();
    assert_eq!(clusters_of(&articles), forward);
}

/// A restatement in other words is a claim only between articles about the same thing: the same sentence pair links
/// when the rest of both articles tells one story, and not when each tells another (in a corpus large enough that
/// most pairs of articles are unrelated). A verbatim copy links either way.
#[test]
fn a_paraphrase_links_articles_of_one_story_and_not_of_two() {
    let said = "وأكد المتحدث العسكري أن القوات الحكومية استعادت السيطرة الكاملة على مدينة الباب بعد معارك عنيفة مع مسلحي التنظيم استمرت ثلاثة أسابيع";
    let retold =
        "القوات الحكومية تسيطر بالكامل على مدينة الباب إثر معارك عنيفة خاضتها ضد مسلحي التنظيم طوال ثلاثة أسابيع";
    let story = [
        "وفرت عشرات العائلات من الأحياء الشرقية لمدينة الباب نحو القرى المجاورة هربا من القصف المدفعي.",
        "وقال مسعفون إن المستشفى الميداني في الباب استقبل عشرات الجرحى من المدنيين خلال يومين.",
        "وتعد مدينة الباب آخر معقل كبير للتنظيم في ريف حلب الشمالي الشرقي.",
    ];
    let other_a = [
        "وافتتح وزير الزراعة موسم حصاد القطن في سهل الغاب وسط توقعات بإنتاج وفير هذا العام.",
        "وقال مزارعون إن ارتفاع أسعار الأسمدة والمحروقات يهدد أرباح الموسم في حقول القطن.",
        "وتصدر المحافظة معظم إنتاجها من القطن إلى مصانع الغزل والنسيج في الساحل.",
    ];
    let other_b = [
        "وأعلنت شركة الطيران الوطنية تسيير رحلات جديدة إلى العواصم الأوروبية اعتبارا من الصيف المقبل.",
        "وقال مدير الشركة إن الطائرات المستأجرة ستنقل المسافرين والبضائع بأسعار تنافسية.",
        "وتسعى الشركة إلى استعادة حصتها من سوق السفر الإقليمي بعد سنوات من الخسائر.",
    ];
    let with = |id: &str, first: &str, rest: &[&str]| {
        let mut sentences = vec![first];
        sentences.extend_from_slice(rest);
        article(id, "2017-02-23", &sentences)
    };
    let params = ClaimParams {
        min_paraphrase_affinity: 0.3,
        affinity_per_decade: 0.0,
        ..ClaimParams::default()
    };
    let linked = |articles: &[Article], params: &ClaimParams| {
        analyze_claims(articles, &[], params, &Progress::new())
            .clusters
            .iter()
            .any(|c| c.members.iter().any(|m| m.article == "p") && c.members.iter().any(|m| m.article == "q"))
    };
    let filler = article("filler", "2017-02-23", FILLER);
    let one_story = [with("p", said, &story), with("q", retold, &story[1..]), filler.clone()];
    assert!(linked(&one_story, &params), "one story");
    assert!(
        linked(&one_story, &ClaimParams::default()),
        "one story, default thresholds"
    );
    let two_stories = [with("p", said, &other_a), with("q", retold, &other_b), filler.clone()];
    assert!(!linked(&two_stories, &params), "two stories");
    // The same statement copied word for word is a claim whatever the articles are about.
    let copies = [with("p", said, &other_a), with("q", said, &other_b), filler];
    assert!(linked(&copies, &params), "a copy");
}

/// Who speaks is not what is said: a line holding only a minister's title and name, copied into another outlet's
/// sentence about what he said, is no verbatim claim; the statement itself copied is.
#[test]
fn a_copied_title_and_name_alone_is_not_a_claim() {
    let name_only = "ومعالي وزير الخارجية عادل بن أحمد الجبير .";
    let statement =
        "وأوضح وزير الخارجية عادل بن أحمد الجبير أن المملكة ستستضيف مؤتمرا للمانحين في الشهر المقبل لدعم اللاجئين .";
    let restated =
        "وقال وزير الخارجية عادل بن أحمد الجبير إن المملكة ستستضيف مؤتمرا للمانحين في الشهر المقبل لدعم اللاجئين .";
    let corpus = |first: &str, second: &str| qarin::corpus::Corpus {
        articles: vec![
            article("a", "2017-03-01", &[first, FILLER[0]]),
            article("b", "2017-03-01", &[FILLER[1], second]),
        ],
        diagnostics: Vec::new(),
    };
    let report = qarin::analysis::analyze(corpus(name_only, statement), &Progress::new());
    assert!(
        report.entities.iter().any(|e| e.label.contains("الجبير")),
        "the minister is recognised: {:?}",
        report.entities.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
    assert!(report.claims.is_empty(), "{:?}", report.claims);
    let report = qarin::analysis::analyze(corpus(restated, statement), &Progress::new());
    assert!(
        report.claims.iter().any(|c| c.members.len() == 2),
        "the statement is a claim: {:?}",
        report.claims
    );
}

/// A statement quoted inside a longer sentence — another attribution around it in one outlet, a headline glued before
/// it in the other — is a verbatim copy though the copied run covers only half of either unit; a role, a body's and
/// a country's name and a person copied together into two different statements is not.
#[test]
fn a_long_copied_run_inside_longer_units_is_a_verbatim_claim() {
    let quoted = "وقال الموقع المقرب من دوائر الاستخبارات في تقرير نشره مساء أمس إن \" البرلمان وافق صباح الاثنين على مشروع تغيير البطاقات الشخصية للمواطنين المقيمين داخل البلاد \" بحسب مصادره الخاصة التي لم يسمها .";
    let glued = "البرلمان يقرر تغيير البطاقات والمتخلف سيحرم من الجنسية نقلا عن موقع محلي وافق البرلمان صباح الاثنين على مشروع تغيير البطاقات الشخصية للمواطنين المقيمين داخل البلاد .";
    let envoy_a = "وقال الممثل الخاص للأمين العام للأمم المتحدة في العراق يان كوبيش إن المنظمة سترسل فريقا طبيا إلى المستشفيات في الموصل الأسبوع المقبل .";
    let envoy_b = "وأدان الممثل الخاص للأمين العام للأمم المتحدة في العراق يان كوبيش التفجيرين اللذين استهدفا سوقا شعبية في بغداد وأوقعا عشرات الضحايا .";
    let analysed = |first: &str, second: &str| {
        qarin::analysis::analyze(
            qarin::corpus::Corpus {
                articles: vec![
                    article("a", "2017-03-01", &[first, FILLER[0]]),
                    article("b", "2017-03-01", &[FILLER[1], second]),
                ],
                diagnostics: Vec::new(),
            },
            &Progress::new(),
        )
    };
    let verbatim = |r: &qarin::analysis::Report, params: &ClaimParams| {
        analyze_claims(&r.articles, &r.entities, params, &Progress::new())
            .clusters
            .iter()
            .any(|c| c.kind == ClaimKind::Verbatim && c.members.len() == 2)
    };
    let report = analysed(quoted, glued);
    assert!(verbatim(&report, &ClaimParams::default()), "{:?}", report.claims);
    let no_runs = ClaimParams {
        verbatim_run_tokens: 1000,
        ..ClaimParams::default()
    };
    assert!(
        !verbatim(&report, &no_runs),
        "the run covers too little of the units to pass by coverage"
    );
    let report = analysed(envoy_a, envoy_b);
    assert!(
        report.entities.iter().any(|e| e.label.contains("كوبيش")),
        "the envoy is recognised: {:?}",
        report.entities.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
    assert!(!verbatim(&report, &ClaimParams::default()), "{:?}", report.claims);
}

/// A line that only names and titles someone states no claim that joins two unrelated articles, even when the other
/// prints the same names and titles inside its own sentence; the same names in a line that says something are a
/// claim. (Without the rule the titled name is a verbatim claim: the control below.)
#[test]
fn a_line_that_says_nothing_beyond_who_is_no_claim() {
    // Sentences of our own, shaped as scraped news prints them.
    let named = "وأضاف قائد فيلق القدس في الحرس الثوري , قاسم سليماني , .";
    let around = "وهي الخطة التي يشرف عليها قاسم سليماني قائد فيلق القدس في الحرس الثوري الإيراني منذ ربيع 2015 ( بحسب مصادر محلية )";
    // Two articles about other things (a festival and wheat prices; a match, grants and rain).
    let corpus = |first: &str, second: &str| qarin::corpus::Corpus {
        articles: vec![
            article("a", "2017-03-01", &[FILLER[0], first, FILLER[1]]),
            article("b", "2017-03-01", &[FILLER[2], FILLER[3], second, FILLER[4]]),
        ],
        diagnostics: Vec::new(),
    };
    let report = qarin::analysis::analyze(corpus(named, around), &Progress::new());
    // Two articles alone share a large part of their few names: the affinity that tells related articles asks for
    // more than at its small-corpus default, as at corpus scale.
    let unrelated = ClaimParams {
        min_paraphrase_affinity: 0.5,
        ..ClaimParams::default()
    };
    let claims = analyze_claims(&report.articles, &report.entities, &unrelated, &Progress::new());
    assert!(claims.clusters.is_empty(), "{:?}", claims.clusters);
    let without_the_rule = ClaimParams {
        min_said_words: 0,
        ..unrelated.clone()
    };
    let control = analyze_claims(&report.articles, &report.entities, &without_the_rule, &Progress::new());
    assert!(
        control.clusters.iter().any(|c| c.members.len() == 2),
        "the control links the titled name"
    );
    let said = "وقال قائد فيلق القدس في الحرس الثوري قاسم سليماني إن قواته ستبقى في سوريا حتى نهاية الحرب .";
    let report = qarin::analysis::analyze(corpus(said, said), &Progress::new());
    let claims = analyze_claims(&report.articles, &report.entities, &unrelated, &Progress::new());
    assert!(
        claims.clusters.iter().any(|c| c.members.len() == 2),
        "{:?}",
        claims.clusters
    );
}
