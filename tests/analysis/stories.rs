//! Stories on small invented corpora: two stories told by several outlets and one article about something else;
//! the grouping must not depend on the file order, must keep far-apart dates apart, and the report must carry it.

use qarin::analysis::stories::{self, StoryParams, assign_stories, outlet_story_csv, story_groups};
use qarin::analysis::{self, ClaimCluster, ClaimKind, ClaimMember, Report};
use qarin::corpus::{Article, Corpus, Segment, SegmentKind, Sentence};
use qarin::progress::Progress;
use std::collections::BTreeSet;

fn article(id: &str, source: &str, date: &str, body: &str) -> Article {
    let title = body.split('،').next().unwrap_or(body).to_string();
    let text = format!("{title}\n{body}\n");
    let body_start = title.len() + 1;
    Article {
        id: id.to_string(),
        path: format!("test:{id}"),
        title,
        date: Some(date.to_string()),
        source: Some(source.to_string()),
        url: None,
        segments: vec![
            Segment {
                kind: SegmentKind::Title,
                start: 0,
                end: body_start,
            },
            Segment {
                kind: SegmentKind::Body,
                start: body_start,
                end: text.len(),
            },
        ],
        sentences: vec![Sentence {
            start: body_start,
            end: body_start + body.len(),
        }],
        text,
    }
}

fn corpus() -> Vec<Article> {
    vec![
        article(
            "flood-1",
            "صحيفة الشمال",
            "2021-03-02",
            "غمرت مياه الفيضانات بلدة وادي الريحان شمال البلاد بعد أمطار غزيرة استمرت ثلاثة أيام، وقال رئيس البلدية \
             سليم القاسمي إن 240 منزلا تضررت وإن فرق الدفاع المدني أجلت 1300 شخص إلى مدارس البلدة. وذكرت مصادر في الدفاع المدني أن منسوب نهر الريحان ارتفع مترين خلال ليلة واحدة.",
        ),
        article(
            "flood-2",
            "وكالة الأنباء",
            "2021-03-03",
            "أعلن رئيس بلدية وادي الريحان سليم القاسمي أن الفيضانات ألحقت أضرارا بنحو 240 منزلا، فيما أجلت فرق الدفاع \
             المدني أكثر من 1300 من السكان إلى مدارس قريبة بعد أمطار غزيرة. وذكرت مصادر في الدفاع المدني أن منسوب نهر الريحان ارتفع مترين خلال ليلة واحدة.",
        ),
        article(
            "flood-3",
            "قناة الغد",
            "2021-03-04",
            "تواصل فرق الدفاع المدني في وادي الريحان ضخ مياه الفيضانات من الشوارع، وطالب سليم القاسمي رئيس البلدية \
             الحكومة بتعويض أصحاب المنازل المتضررة البالغ عددها 240 منزلا. وذكرت مصادر في الدفاع المدني أن منسوب نهر الريحان ارتفع مترين خلال ليلة واحدة.",
        ),
        article(
            "vote-1",
            "صحيفة الشمال",
            "2021-03-10",
            "فاز حزب النهضة الخضراء بزعامة نادية الفارسي بسبعة وخمسين مقعدا في الانتخابات البرلمانية، وقالت الفارسي إنها \
             ستبدأ مشاورات تشكيل الحكومة الأسبوع المقبل مع الكتل الفائزة. وبلغت نسبة المشاركة في الانتخابات البرلمانية ستين في المئة بحسب لجنة الانتخابات.",
        ),
        article(
            "vote-2",
            "قناة الغد",
            "2021-03-11",
            "حصلت نادية الفارسي وحزب النهضة الخضراء على سبعة وخمسين مقعدا في البرلمان، بحسب نتائج الانتخابات البرلمانية \
             الرسمية التي أعلنتها لجنة الانتخابات، وستبدأ الفارسي مشاورات تشكيل الحكومة. وبلغت نسبة المشاركة في الانتخابات البرلمانية ستين في المئة بحسب لجنة الانتخابات.",
        ),
        article(
            "vote-3",
            "وكالة الأنباء",
            "2021-03-12",
            "هنأ عدد من القادة نادية الفارسي بفوز حزب النهضة الخضراء في الانتخابات البرلمانية، ودعت المعارضة إلى احترام \
             نتائج الانتخابات وبدء مشاورات تشكيل الحكومة. وبلغت نسبة المشاركة في الانتخابات البرلمانية ستين في المئة بحسب لجنة الانتخابات.",
        ),
        article(
            "museum",
            "مجلة الفنون",
            "2021-03-05",
            "افتتح متحف الفنون الحديثة معرضا للخزف التقليدي يضم خمسا وثمانين قطعة من مجموعات خاصة، ويستمر المعرض حتى \
             نهاية الشهر المقبل بحضور فنانين من عدة مدن.",
        ),
    ]
}

fn analysed(articles: Vec<Article>) -> Report {
    let mut report = analysis::analyze(
        Corpus {
            articles,
            diagnostics: Vec::new(),
        },
        &Progress::new(),
    );
    assign_stories(&mut report, &StoryParams::default());
    report
}

/// The stories as sets of article ids (order-free).
fn story_sets(report: &Report) -> BTreeSet<BTreeSet<String>> {
    report
        .stories
        .iter()
        .map(|s| s.articles.iter().cloned().collect())
        .collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn two_stories_and_an_article_about_something_else() {
    let report = analysed(corpus());
    let expected: BTreeSet<BTreeSet<String>> = [
        set(&["flood-1", "flood-2", "flood-3"]),
        set(&["vote-1", "vote-2", "vote-3"]),
        set(&["museum"]),
    ]
    .into_iter()
    .collect();
    assert_eq!(story_sets(&report), expected);
    let ids: Vec<&str> = report.stories.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["s1", "s2", "s3"]);
    let flood = report.story_of("flood-2").expect("flood story");
    assert_eq!(
        (flood.first.as_deref(), flood.last.as_deref()),
        (Some("2021-03-02"), Some("2021-03-04"))
    );
    assert_eq!(flood.outlets.len(), 3);
    assert!(!flood.label.is_empty());
    let museum = report.story_of("museum").expect("a story of its own");
    assert_eq!(museum.articles, ["museum"]);
}

#[test]
fn the_file_order_does_not_change_the_stories() {
    // Every rotation and the reversal of the input order (also with an outlet's template, whose rules number the
    // outlets).
    for base in [corpus(), with_an_outlets_template()] {
        let expected = {
            let groups = story_groups(&base, &[], &[], &StoryParams::default());
            partition(&base, &groups)
        };
        for shift in 0..base.len() {
            for reverse in [false, true] {
                let mut shuffled = base.clone();
                shuffled.rotate_left(shift);
                if reverse {
                    shuffled.reverse();
                }
                let groups = story_groups(&shuffled, &[], &[], &StoryParams::default());
                assert_eq!(
                    partition(&shuffled, &groups),
                    expected,
                    "shift {shift}, reversed {reverse}"
                );
            }
        }
    }
    let base = corpus();
    // And through the whole analysis: the same stories, the same ids and labels.
    let mut shuffled = base.clone();
    shuffled.swap(0, 5);
    shuffled.swap(2, 6);
    let (a, b) = (analysed(base), analysed(shuffled));
    assert_eq!(story_sets(&a), story_sets(&b));
    let labels = |r: &Report| {
        r.stories
            .iter()
            .map(|s| (s.id.clone(), s.label.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(labels(&a), labels(&b));
}

fn partition(articles: &[Article], groups: &[usize]) -> BTreeSet<BTreeSet<String>> {
    let mut by_group: std::collections::BTreeMap<usize, BTreeSet<String>> = Default::default();
    for (i, &g) in groups.iter().enumerate() {
        by_group.entry(g).or_default().insert(articles[i].id.clone());
    }
    by_group.into_values().collect()
}

#[test]
fn articles_years_apart_are_not_one_story() {
    let mut articles = corpus();
    articles[2].date = Some("2018-06-01".into());
    let report = analysed(articles);
    assert_eq!(report.story_of("flood-3").map(|s| s.articles.len()), Some(1));
    assert_eq!(report.story_of("flood-1").map(|s| s.articles.len()), Some(2));
}

#[test]
fn every_article_is_in_exactly_one_story_and_cross_story_claims_are_marked() {
    let mut report = analysed(corpus());
    let member = |report: &Report, id: &str| {
        let a = report.article(id).expect("article");
        let s = a.sentences[0];
        ClaimMember {
            article: id.to_string(),
            sentence: 0,
            start: s.start,
            end: s.end,
            text: a.slice(s.start, s.end).to_string(),
        }
    };
    let background = ClaimCluster {
        id: "c-background".into(),
        kind: ClaimKind::Paraphrase,
        score: 0.5,
        members: vec![member(&report, "flood-1"), member(&report, "vote-1")],
        shared: Vec::new(),
        differences: Vec::new(),
        repeated_by_outlet: Vec::new(),
        stories: Vec::new(),
    };
    report.claims.push(background);
    assign_stories(&mut report, &StoryParams::default());
    let mut seen = BTreeSet::new();
    for story in &report.stories {
        for a in &story.articles {
            assert!(seen.insert(a.clone()), "{a} in two stories");
        }
    }
    assert_eq!(seen.len(), report.articles.len());
    let marked = report.claims.iter().find(|c| c.id == "c-background").expect("claim");
    assert_eq!(marked.stories.len(), 2, "{:?}", marked.stories);
    for s in &marked.stories {
        let story = report.stories.iter().find(|x| &x.id == s).expect("story");
        assert!(story.claims.contains(&marked.id));
    }
    let json = serde_json::to_string(&report).expect("json");
    let back: Report = serde_json::from_str(&json).expect("read back");
    assert_eq!(back.stories, report.stories);
}

#[test]
fn outlet_story_matrix_is_utf8_csv_with_a_byte_order_mark() {
    let report = analysed(corpus());
    let bytes = outlet_story_csv(&report).expect("csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
    let mut lines = text.lines();
    let header = lines.next().expect("header");
    assert!(header.starts_with("outlet,stories,s1 "), "{header}");
    // Three outlets told both stories; the art magazine only its own single-article story, not a column.
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows.iter().all(|r| r.split(',').nth(1) == Some("2")), "{rows:?}");
    assert!(!text.contains(stories::UNKNOWN_OUTLET));
}

/// Three articles of one outlet on different things, each ending in the same long block of the outlet's teasers and
/// sign-off that the corpus layer left in the body.
fn with_an_outlets_template() -> Vec<Article> {
    let template = "اقرأ أيضا على موقع المرصد اليومي: ارتفاع أسعار البرتقال في أسواق الجملة، مهرجان الطائرات الورقية يعود \
                    إلى شاطئ الرمال الذهبية، فريق الصقور يتأهل إلى نهائي كأس الأندية، نصائح للعناية بالنباتات المنزلية في \
                    الشتاء. جميع الحقوق محفوظة لموقع المرصد اليومي، تابعونا على صفحاتنا واشتركوا في نشرتنا البريدية.";
    let mut articles = corpus();
    articles.push(article(
        "bridge",
        "المرصد اليومي",
        "2021-03-06",
        &format!(
            "افتتح محافظ الإقليم جسر السنديان الجديد فوق وادي الصفصاف بطول أربعمئة متر بعد عامين من الأشغال، \
             ويختصر الجسر طريق القرى الجبلية إلى السوق بنصف ساعة. {template}"
        ),
    ));
    articles.push(article(
        "exams",
        "المرصد اليومي",
        "2021-03-07",
        &format!(
            "أعلنت مديرية التعليم مواعيد امتحانات الشهادة الثانوية التي تبدأ مطلع حزيران، ودعت الطلاب إلى مراجعة \
             جداول القاعات على لوحات المدارس. {template}"
        ),
    ));
    articles.push(article(
        "market",
        "المرصد اليومي",
        "2021-03-08",
        &format!(
            "افتتحت بلدية المدينة سوق المزارعين الأسبوعي في ساحة البرج القديمة، ويعرض فيه أكثر من ستين بائعا \
             منتجات الألبان والعسل والخضروات الموسمية. {template}"
        ),
    ));
    articles
}

#[test]
fn an_outlets_template_does_not_make_its_articles_one_story() {
    let mut report = analysed(with_an_outlets_template());
    let stories = story_sets(&report);
    assert!(stories.contains(&set(&["bridge"])), "{stories:?}");
    assert!(stories.contains(&set(&["exams"])), "{stories:?}");
    assert!(stories.contains(&set(&["market"])), "{stories:?}");
    // The stories told by several outlets are still found.
    assert!(
        stories.contains(&set(&["flood-1", "flood-2", "flood-3"])),
        "{stories:?}"
    );
    assert!(stories.contains(&set(&["vote-1", "vote-2", "vote-3"])), "{stories:?}");
    // What the rules prevent: counted as story words, at full weight, the template joins the two. (The claims matcher
    // no longer makes one outlet's repeated template a claim of its articles, so no claim bonus helps the template
    // here: the control lowers the bar the template words alone must clear.)
    let counted = StoryParams {
        max_outlet_share: 1.0,
        same_outlet_factor: 1.0,
        join_threshold: 0.3,
        ..StoryParams::default()
    };
    assign_stories(&mut report, &counted);
    assert!(story_sets(&report).contains(&set(&["bridge", "exams", "market"])));
    // Each rule alone keeps them apart here.
    for params in [
        StoryParams {
            max_outlet_share: 1.0,
            ..StoryParams::default()
        },
        StoryParams {
            same_outlet_factor: 1.0,
            ..StoryParams::default()
        },
    ] {
        assign_stories(&mut report, &params);
        let stories = story_sets(&report);
        assert!(stories.contains(&set(&["bridge"])), "{params:?}: {stories:?}");
    }
}

/// The article vectors the claims use to tell a restatement from a chance resemblance: two reports of one flood are
/// more alike than a flood report and an article about something else; the cosine is symmetric, 1 for an article
/// with itself and 0 for an index out of range.
#[test]
fn article_vectors_say_how_alike_two_articles_are() {
    let articles = corpus();
    let vectors = stories::ArticleVectors::new(&articles, &[], &StoryParams::default());
    let index = |id: &str| articles.iter().position(|a| a.id == id).unwrap();
    let (f1, f2) = (index("flood-1"), index("flood-2"));
    let other = articles.iter().position(|a| !a.id.starts_with("flood")).unwrap();
    let same = vectors.similarity(f1, f2);
    assert!(same > 0.2, "{same}");
    assert!(
        vectors.similarity(f1, other) < same / 2.0,
        "{}",
        vectors.similarity(f1, other)
    );
    assert_eq!(vectors.similarity(f1, f2), vectors.similarity(f2, f1));
    assert_eq!(vectors.similarity(f1, f1), 1.0);
    assert_eq!(vectors.similarity(f1, articles.len()), 0.0);
}
