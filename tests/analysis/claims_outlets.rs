//! Claims across outlets on small hand-made corpora: an outlet repeating itself is no claim, clusters do not depend on
//! the order of the articles, who speaks does not make two statements one, figures in words equal digits, a rounded
//! figure is a soft difference, and the earliest source comes first.

use qarin::analysis::ClaimCluster;
use qarin::analysis::claims::{ClaimParams, RepetitionKind, analyze_claims, find_claims};
use qarin::analysis::entities::link_entities;
use qarin::analysis::ner;
use qarin::corpus::{Article, Segment, SegmentKind, Sentence};
use qarin::progress::Progress;

fn article(id: &str, source: &str, date: &str, sentences: &[&str]) -> Article {
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
        source: (!source.is_empty()).then(|| source.to_string()),
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

fn with_entities(articles: &[Article]) -> Vec<ClaimCluster> {
    let mentions: Vec<_> = articles.iter().map(ner::recognize).collect();
    let entities = link_entities(articles, &mentions);
    find_claims(articles, &entities, &Progress::new())
}

const FOOTER: &str = "جميع الحقوق محفوظة لموقع النهار الإخباري ويمنع نسخ المواد المنشورة دون إذن مسبق من إدارة التحرير.";
const STATEMENT: &str =
    "أعلنت وزارة الزراعة أن محصول القمح هذا الموسم بلغ مستوى قياسيا بفضل الأمطار الغزيرة وتوسيع المساحات المزروعة.";
const OTHER: &[&str] = &[
    "افتتح المهرجان السينمائي الدولي دورته الجديدة بعرض فيلم وثائقي عن تاريخ المدينة القديمة.",
    "فاز الفريق المحلي بالمباراة النهائية بهدفين مقابل هدف واحد وسط حضور جماهيري كبير.",
    "شهدت العاصمة أمطارا غزيرة تسببت في إغلاق عدد من الطرق الرئيسية صباح اليوم.",
    "أعلنت الجامعة عن منح دراسية جديدة للطلاب المتفوقين في كليات الهندسة والطب.",
];

#[test]
fn an_outlet_repeating_its_footer_is_a_repetition_not_a_claim() {
    let a = article("a", "النهار", "2021-01-01", &[OTHER[0], FOOTER]);
    let b = article("b", "النهار", "2021-01-02", &[OTHER[1], FOOTER]);
    let c = article("c", "الغد", "2021-01-03", &[OTHER[2]]);
    let analysis = analyze_claims(&[a, b, c], &[], &ClaimParams::default(), &Progress::new());
    assert!(analysis.clusters.is_empty(), "{:#?}", analysis.clusters);
    let repeat = analysis
        .repetitions
        .iter()
        .find(|r| r.kind == RepetitionKind::SameOutlet)
        .unwrap_or_else(|| panic!("{:#?}", analysis.repetitions));
    assert_eq!((repeat.article.as_str(), repeat.repeat_article.as_str()), ("a", "b"));
}

#[test]
fn a_claim_keeps_one_unit_per_outlet_and_shows_the_outlets_own_repeat() {
    let a = article("a", "النهار", "2021-01-01", &[STATEMENT, OTHER[0]]);
    let b = article("b", "النهار", "2021-01-02", &[OTHER[1], STATEMENT]);
    let c = article("c", "الغد", "2021-01-03", &[OTHER[2], STATEMENT]);
    let clusters = find_claims(&[a, b, c], &[], &Progress::new());
    assert_eq!(clusters.len(), 1, "{clusters:#?}");
    let outlets: Vec<&str> = clusters[0].members.iter().map(|m| m.article.as_str()).collect();
    assert_eq!(outlets.len(), 2, "{clusters:#?}");
    assert!(outlets.contains(&"c"));
    assert_eq!(clusters[0].repeated_by_outlet.len(), 1, "{clusters:#?}");
}

#[test]
fn clusters_do_not_depend_on_the_order_of_the_articles() {
    let variants = [
        STATEMENT.to_string(),
        STATEMENT.replace("الغزيرة ", ""),
        STATEMENT.replace("أعلنت", "وأعلنت"),
        STATEMENT.replace("هذا الموسم ", ""),
    ];
    let articles: Vec<Article> = variants
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let id = format!("x{i}");
            article(&id, &format!("outlet {i}"), "2021-02-01", &[OTHER[i], v])
        })
        .collect();
    let members = |list: &[Article]| {
        let mut sets: Vec<Vec<String>> = find_claims(list, &[], &Progress::new())
            .into_iter()
            .map(|c| {
                let mut m: Vec<String> = c.members.into_iter().map(|m| m.article).collect();
                m.sort();
                m
            })
            .collect();
        sets.sort();
        sets
    };
    let forward = members(&articles);
    let mut reversed = articles.clone();
    reversed.reverse();
    assert_eq!(forward, members(&reversed));
    assert_eq!(forward, vec![vec!["x0", "x1", "x2", "x3"]], "one claim, one cluster");
}

#[test]
fn the_same_speaker_with_two_different_statements_is_no_claim() {
    let a = article(
        "a",
        "النهار",
        "2021-03-01",
        &["وقال المرصد السوري لحقوق الإنسان إن القصف استهدف سوقا شعبية في ريف إدلب وأوقع عشرات الضحايا."],
    );
    let b = article(
        "b",
        "الغد",
        "2021-03-02",
        &["وقال المرصد السوري لحقوق الإنسان إن فصائل المعارضة استعادت السيطرة على قرية قرب الحدود التركية."],
    );
    let clusters = with_entities(&[a, b]);
    assert!(clusters.is_empty(), "{clusters:#?}");
}

#[test]
fn figures_in_words_equal_digits_and_a_rounded_figure_is_a_soft_difference() {
    let exact = article(
        "a",
        "النهار",
        "2021-04-01",
        &["أعلنت وزارة الصحة تسجيل ألف إصابة جديدة بالفيروس في المحافظات الشمالية خلال الأسبوع الماضي وحده."],
    );
    let digits = article(
        "b",
        "الغد",
        "2021-04-02",
        &["أعلنت وزارة الصحة تسجيل 1000 إصابة جديدة بالفيروس في المحافظات الشمالية خلال الأسبوع الماضي وحده."],
    );
    let rounded = article(
        "c",
        "الرأي",
        "2021-04-03",
        &["أعلنت وزارة الصحة تسجيل أكثر من 900 إصابة جديدة بالفيروس في المحافظات الشمالية خلال الأسبوع الماضي وحده."],
    );
    let clusters = find_claims(&[exact.clone(), digits], &[], &Progress::new());
    assert_eq!(clusters.len(), 1, "{clusters:#?}");
    assert!(clusters[0].differences.is_empty(), "ألف = 1000: {clusters:#?}");
    let clusters = find_claims(&[exact, rounded], &[], &Progress::new());
    assert_eq!(clusters.len(), 1, "{clusters:#?}");
    let diff = clusters[0]
        .differences
        .iter()
        .find(|d| d.what == "quantity" || d.what == "number")
        .unwrap_or_else(|| panic!("{clusters:#?}"));
    assert!(diff.soft, "{diff:?}");
    assert!(diff.values["c"].starts_with('~'), "{diff:?}");
}

/// A decimal as scrapers space it (`1 . 4 مليون`) is the figure `1.4 مليون`, not the numbers 1 and 4 million.
#[test]
fn a_spaced_decimal_is_one_figure() {
    let spaced = article(
        "a",
        "النهار",
        "2021-04-01",
        &["وقالت المفوضية إن الأردن يستضيف نحو 1 . 4 مليون لاجئ سوري في المخيمات والمدن منذ بداية الحرب ."],
    );
    let glued = article(
        "b",
        "الغد",
        "2021-04-02",
        &["وقالت المفوضية إن الأردن يستضيف نحو 1.4 مليون لاجئ سوري في المخيمات والمدن منذ بداية الحرب ."],
    );
    let other = article(
        "c",
        "الرأي",
        "2021-04-03",
        &["وقالت المفوضية إن الأردن يستضيف نحو 1 . 6 مليون لاجئ سوري في المخيمات والمدن منذ بداية الحرب ."],
    );
    let clusters = find_claims(&[spaced.clone(), glued], &[], &Progress::new());
    assert_eq!(clusters.len(), 1, "{clusters:#?}");
    assert!(clusters[0].differences.is_empty(), "1 . 4 = 1.4: {clusters:#?}");
    let clusters = find_claims(&[spaced, other], &[], &Progress::new());
    assert_eq!(clusters.len(), 1, "{clusters:#?}");
    let diff = clusters[0]
        .differences
        .iter()
        .find(|d| d.what == "quantity" || d.what == "number")
        .unwrap_or_else(|| panic!("{clusters:#?}"));
    assert!(
        diff.values["a"].contains("1400000") && diff.values["c"].contains("1600000"),
        "{diff:?}"
    );
}

#[test]
fn of_one_date_the_source_the_others_copy_from_comes_first() {
    let full =
        "أكد وزير الخارجية أن المفاوضات مع الجانب الآخر ستستأنف الأسبوع المقبل في العاصمة العمانية بمشاركة وفود فنية.";
    let part_one = "أكد وزير الخارجية أن المفاوضات مع الجانب الآخر ستستأنف الأسبوع المقبل في العاصمة العمانية.";
    let part_two = "المفاوضات مع الجانب الآخر ستستأنف الأسبوع المقبل في العاصمة العمانية بمشاركة وفود فنية.";
    let a = article("a", "النهار", "2021-05-01", &[part_one]);
    let b = article("b", "الغد", "2021-05-01", &[full]);
    let c = article("c", "الرأي", "2021-05-01", &[part_two]);
    let clusters = find_claims(&[a, b, c], &[], &Progress::new());
    assert_eq!(clusters.len(), 1, "{clusters:#?}");
    assert_eq!(clusters[0].members.len(), 3, "{clusters:#?}");
    assert_eq!(clusters[0].members[0].article, "b", "{clusters:#?}");
}
