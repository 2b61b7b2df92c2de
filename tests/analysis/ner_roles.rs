//! Roles and titles before names in the shapes news prose uses, on sentences written for these tests: the person is
//! found with the extent of the name alone, and the words around it are not taken for other entities.

use qarin::analysis::EntityKind;
use qarin::analysis::ner::recognize;
use qarin::corpus::{Article, Segment, SegmentKind};

/// An article whose whole text is one body segment.
fn body_only(text: &str) -> Article {
    Article {
        id: "own".into(),
        path: "own".into(),
        title: String::new(),
        date: None,
        source: None,
        url: None,
        segments: vec![Segment {
            kind: SegmentKind::Body,
            start: 0,
            end: text.len(),
        }],
        sentences: Vec::new(),
        text: text.to_string(),
    }
}

/// The mentions of one kind, as written.
fn found(text: &str, kind: EntityKind) -> Vec<String> {
    let a = body_only(text);
    recognize(&a)
        .into_iter()
        .filter(|m| m.kind == kind)
        .map(|m| a.text[m.start..m.end].to_string())
        .collect()
}

/// Words after a role that only look like a clitic and a word: not names.
#[test]
fn a_clitic_and_a_common_word_after_a_role_is_no_name() {
    let text = "وقالت الوزارة إنها أصابت زعيم جبهة فتح الشام المتشددة بإصابة بالغة في سوريا.";
    let people = found(text, EntityKind::Person);
    assert!(people.is_empty(), "{people:?}");
}

/// (sentence, the person it names, exactly).
const PEOPLE_AFTER_ROLES: &[(&str, &str)] = &[
    // A name whose first letters look like clitics (ف + الري): after a rank they are the name's own.
    ("والتقى الفريق فالري غراسيموف نظيره الإيراني في طهران.", "فالري غراسيموف"),
    (
        "قال رئيس الوزراء الإسرائيلي نفتالي بينيت إن الحكومة ستجتمع غدا.",
        "نفتالي بينيت",
    ),
    (
        "وأكد وزير الخارجية السعودي فيصل بن فرحان أن المحادثات مستمرة.",
        "فيصل بن فرحان",
    ),
    (
        "استقبل الرئيس الصيني شي جين بينغ ضيوفه في القاعة الكبرى.",
        "شي جين بينغ",
    ),
    (
        "وقال المتحدث باسم الكرملين نيكولاي باتروشيف إن الاجتماع مثمر.",
        "نيكولاي باتروشيف",
    ),
    (
        "وأعلن قائد فيلق القدس إسماعيل قاآني أن الرد سيكون قريبا.",
        "إسماعيل قاآني",
    ),
    (
        "وقال المبعوث الخاص إلى اليمن هانس غروندبرغ إن الهدنة صامدة.",
        "هانس غروندبرغ",
    ),
    (
        "وقال مستشار الأمن القومي جيك سوليفان إن واشنطن تراقب الوضع.",
        "جيك سوليفان",
    ),
    (
        "وبحث الوزير مع نظيره الإيراني محمد رضا أشتياني التعاون العسكري.",
        "محمد رضا أشتياني",
    ),
    ("وقال يائير لابيد إن المعارضة سترفض الخطة.", "يائير لابيد"),
    (
        "وقال زعيم حركة حماس يحيى السنوار إن الحركة مستعدة للتفاوض.",
        "يحيى السنوار",
    ),
    (
        "وأكد رئيس الوزراء العراقي محمد شياع السوداني أن الحكومة ستواصل الإصلاحات.",
        "محمد شياع السوداني",
    ),
    ("وأكد الجنرال مارك ميلي أن القوات جاهزة.", "مارك ميلي"),
    (
        "وأعلن رئيس هيئة الأركان الإيرانية اللواء محمد باقري بدء المناورات.",
        "محمد باقري",
    ),
];

#[test]
fn a_person_after_a_role_is_found_with_the_name_alone() {
    let mut failures = Vec::new();
    for &(sentence, name) in PEOPLE_AFTER_ROLES {
        let people = found(sentence, EntityKind::Person);
        if !people.iter().any(|p| p == name) {
            failures.push(format!("{name}: found {people:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn words_around_the_name_are_not_other_entities() {
    let orgs = found(
        "وقال المتحدث باسم الكرملين نيكولاي باتروشيف إن الاجتماع مثمر.",
        EntityKind::Org,
    );
    assert!(!orgs.iter().any(|o| o.contains("نيكولاي")), "{orgs:?}");
    let text = "وأعلن قائد فيلق القدس إسماعيل قاآني أن الرد سيكون قريبا.";
    let places = found(text, EntityKind::Place);
    assert!(
        !places.iter().any(|p| p == "القدس"),
        "فيلق القدس is no place: {places:?}"
    );
    let orgs = found(text, EntityKind::Org);
    assert!(orgs.iter().any(|o| o == "فيلق القدس"), "{orgs:?}");
}

/// (sentence, the organisation it names, exactly).
const ORGANISATIONS: &[(&str, &str)] = &[
    (
        "وقال زعيم حركة حماس يحيى السنوار إن الحركة مستعدة للتفاوض.",
        "حركة حماس",
    ),
    (
        "وأعلن حزب العمال الكردستاني وقف إطلاق النار من جانبه.",
        "حزب العمال الكردستاني",
    ),
    ("وذكرت وكالة رويترز أن الاجتماع تأجل.", "رويترز"),
    ("وقالت شركة أرامكو إن الإنتاج ارتفع.", "شركة أرامكو"),
];

#[test]
fn organisations_in_their_news_forms() {
    let mut failures = Vec::new();
    for &(sentence, name) in ORGANISATIONS {
        let orgs = found(sentence, EntityKind::Org);
        if !orgs.iter().any(|o| o == name) {
            failures.push(format!("{name}: found {orgs:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
