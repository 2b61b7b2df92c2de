//! `recognize` on the sample corpus: the people, organisations, places and dates an analyst expects, with exact
//! offsets, and none of the look-alikes that are not names.

use qarin::analysis::ner::recognize;
use qarin::analysis::{EntityKind, MentionOrigin, RawMention};
use qarin::corpus::{Article, SegmentKind, load_builtin};

fn articles() -> Vec<(Article, Vec<RawMention>)> {
    load_builtin()
        .articles
        .into_iter()
        .map(|a| {
            let m = recognize(&a);
            (a, m)
        })
        .collect()
}

fn article<'a>(all: &'a [(Article, Vec<RawMention>)], id_prefix: &str) -> &'a (Article, Vec<RawMention>) {
    all.iter()
        .find(|(a, _)| a.id.starts_with(id_prefix))
        .expect("sample article")
}

/// Every occurrence of `name` in a body segment (byte offsets), word-bounded on the right.
fn occurrences(a: &Article, name: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = a.text[from..].find(name) {
        let start = from + i;
        let end = start + name.len();
        let in_body = a.body_segments().any(|s| s.start <= start && end <= s.end);
        let right_ok = a.text[end..].chars().next().is_none_or(|c| !c.is_alphabetic());
        if in_body && right_ok {
            out.push(start);
        }
        from = end;
    }
    out
}

/// `name` is found as a mention of `kind` with exactly its bytes at least at one of its occurrences in the body.
fn assert_found(all: &[(Article, Vec<RawMention>)], id: &str, name: &str, kind: EntityKind) {
    let (a, m) = article(all, id);
    let occ = occurrences(a, name);
    assert!(!occ.is_empty(), "{name} is not in the body of {id}");
    let hit = occ.iter().any(|&s| {
        m.iter()
            .any(|x| x.start == s && x.end == s + name.len() && x.kind == kind)
    });
    let found: Vec<String> = m
        .iter()
        .filter(|x| x.kind == kind)
        .map(|x| a.text[x.start..x.end].to_string())
        .collect();
    assert!(hit, "{name} ({kind:?}) not found exactly in {id}; found: {found:?}");
}

#[test]
fn finds_the_people_of_the_sample_corpus() {
    let all = articles();
    let people = [
        ("000", "الكساندر فومين"),
        ("000", "حجة الله قريشي"),
        ("000", "ديميتري شوغاييف"),
        ("000", "كاظم جلالي"),
        ("000", "علي اصغر خاجي"),
        ("001", "سعيد شعبانيان"),
        ("001", "لوان جاغريان"),
        ("002", "محمد باقري"),
        ("002", "فالري غراسيموف"),
        ("002", "فاليري جيراسيموف"),
        ("002", "فلاديمير بوتين"),
        ("002", "قاسم سيلماني"),
        ("003", "سيرغي شويغو"),
        ("003", "محمد رضا اشتياني"),
        ("003", "علي أكبر أحمديان"),
        ("004", "محمد رضا أشتياني"),
        ("004", "سيرجي شويجو"),
    ];
    for (id, name) in people {
        assert_found(&all, id, name, EntityKind::Person);
    }
    // Later short forms: the surname alone.
    assert_found(&all, "003", "شويغو", EntityKind::Person);
    assert_found(&all, "002", "باقري", EntityKind::Person);
}

/// An article whose whole text is one body segment.
fn body_only(text: &str) -> Article {
    Article {
        id: "own".into(),
        path: "own".into(),
        title: String::new(),
        date: None,
        source: None,
        url: None,
        segments: vec![qarin::corpus::Segment {
            kind: SegmentKind::Body,
            start: 0,
            end: text.len(),
        }],
        sentences: Vec::new(),
        text: text.to_string(),
    }
}

fn people(a: &Article) -> Vec<String> {
    recognize(a)
        .into_iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| a.text[m.start..m.end].to_string())
        .collect()
}

#[test]
fn people_in_the_related_article_of_004_when_it_is_body_text() {
    // The sample's appended related article (not analysed there) as an article of its own.
    let a = body_only(
        "أعلن وزير الدفاع الأميركي بيت هيغسيث، اليوم الأحد، أن بلاده لا تزال تأمل في التوصل إلى حل دبلوماسي مع إيران.\n\
         وترأس الوفد الإيراني وزير الخارجية عباس عراقجي، وهو دبلوماسي متمرس وأحد مهندسي الاتفاق النووي الإيراني في \
         2015، في حين قاد ستيفن ويتكوف مبعوث الرئيس الأميركي دونالد ترامب، وهو قطب عقارات، الوفد الأميركي.\n",
    );
    let found = people(&a);
    for name in ["بيت هيغسيث", "عباس عراقجي", "ستيفن ويتكوف", "دونالد ترامب"] {
        assert!(found.iter().any(|p| p == name), "{name} not in {found:?}");
    }
    for not_a_person in ["الأحد", "اليوم", "الأميركي", "إيران"] {
        assert!(
            !found.iter().any(|p| p == not_a_person),
            "{not_a_person} taken for a person: {found:?}"
        );
    }
}

#[test]
fn nothing_is_found_outside_the_body() {
    let all = articles();
    let (a, m) = article(&all, "004");
    // 004 ends with a "read also" article (بيت هيغسيث, دونالد ترامب …): not part of this story.
    let related = a
        .segments
        .iter()
        .find(|s| s.kind == SegmentKind::Related)
        .expect("004 has a related block");
    assert!(a.text[related.start..related.end].contains("هيغسيث"));
    assert!(m.iter().all(|x| x.end <= related.start || x.start >= related.end));
}

#[test]
fn a_name_glued_to_a_preposition_covers_the_name_only() {
    let all = articles();
    let (a, m) = article(&all, "004");
    let glued = a.text.find("لشويجو").expect("لشويجو in the sample");
    let name_start = glued + "ل".len();
    assert!(
        m.iter()
            .any(|x| x.start == name_start && x.end == name_start + "شويجو".len() && x.kind == EntityKind::Person),
        "لشويجو should give the mention شويجو"
    );
}

#[test]
fn finds_organisations_places_and_dates() {
    let all = articles();
    assert_found(&all, "000", "وزارة الدفاع الروسية", EntityKind::Org);
    assert_found(&all, "000", "مجلس الامن الدولي", EntityKind::Org);
    assert_found(&all, "000", "تاس", EntityKind::Org);
    assert_found(&all, "000", "سبوتنيك", EntityKind::Org);
    assert_found(&all, "001", "ارنا", EntityKind::Org);
    assert_found(&all, "001", "منظمة شانغاي", EntityKind::Org);
    assert_found(&all, "002", "اتحاد شنغهاي للتعاون", EntityKind::Org);
    assert_found(&all, "004", "منظمة شنجهاي للتعاون", EntityKind::Org);
    assert_found(&all, "004", "بريكس", EntityKind::Org);
    assert_found(&all, "003", "نوفوستي", EntityKind::Org);
    assert_found(&all, "003", "المجلس الأعلى للأمن القومي الإيراني", EntityKind::Org);
    for (id, place) in [
        ("000", "ايران"),
        ("000", "روسيا"),
        ("000", "موسكو"),
        ("000", "طهران"),
        ("001", "الصين"),
        ("001", "سورية"),
        ("001", "طاشقند"),
        ("002", "سوريا"),
        ("004", "إيران"),
    ] {
        assert_found(&all, id, place, EntityKind::Place);
    }
    let (a, m) = article(&all, "000");
    let date = m.iter().find(|x| x.kind == EntityKind::Date).expect("a date in 000");
    assert_eq!(date.origin, MentionOrigin::Date);
    assert!(
        date.value.as_deref().is_some_and(|v| v.starts_with("2020-10")),
        "{:?}",
        date.value
    );
    assert!(a.text[date.start..date.end].contains("2020"));
    // Gazetteer identities travel with the mention, whoever found it.
    let (a, m) = article(&all, "000");
    let tass = m.iter().find(|x| &a.text[x.start..x.end] == "تاس").expect("تاس");
    assert!(
        tass.canonical.as_deref().is_some_and(|c| c.starts_with("org:")),
        "{:?}",
        tass.canonical
    );
    let (a, m) = article(&all, "001");
    let china = m.iter().find(|x| &a.text[x.start..x.end] == "الصين").expect("الصين");
    assert!(
        china.canonical.as_deref().is_some_and(|c| c.starts_with("place:")),
        "{:?}",
        china.canonical
    );
}

#[test]
fn no_weekdays_roles_or_quotes_as_names() {
    for (a, m) in articles() {
        for x in &m {
            let t = &a.text[x.start..x.end];
            if x.kind == EntityKind::Person {
                for bad in ["الثلاثاء", "الاثنين", "الرئيس", "وزير", "الدفاع", "اليوم", "عادل"]
                {
                    assert_ne!(t, bad, "{} has {bad} as a person", a.id);
                }
            }
            let first = t.chars().next().unwrap_or(' ');
            let last = t.chars().next_back().unwrap_or(' ');
            for c in [first, last] {
                assert!(c.is_alphanumeric(), "{}: mention {t:?} starts or ends with {c:?}", a.id);
            }
        }
    }
}

#[test]
fn mentions_are_sorted_disjoint_and_in_body_segments() {
    for (a, m) in articles() {
        for w in m.windows(2) {
            assert!(w[0].end <= w[1].start, "{}: overlapping {:?} {:?}", a.id, w[0], w[1]);
        }
        for x in &m {
            assert!(a.text.is_char_boundary(x.start) && a.text.is_char_boundary(x.end));
            assert!(
                a.segments
                    .iter()
                    .any(|s| s.kind == SegmentKind::Body && s.start <= x.start && x.end <= s.end),
                "{}: {:?} outside the body",
                a.id,
                x
            );
            assert!((0.0..=1.0).contains(&x.confidence));
        }
    }
}

#[test]
fn an_article_without_body_or_with_odd_text_gives_no_panic() {
    let mut a = load_builtin().articles.remove(0);
    a.segments.retain(|s| s.kind != SegmentKind::Body);
    a.sentences.clear();
    assert!(recognize(&a).is_empty());
    let odd = body_only("\u{200F}\"\" ،، .. ‏ووو ل ال 12/13/2020 بـ\u{064E}\u{0651}");
    for x in recognize(&odd) {
        assert!(odd.text.get(x.start..x.end).is_some());
    }
}

/// Scraped pages print words broken where a mark stood (نبيه برّي → «نبيه بر ي», معوّض → «معو ض»): no mention holds
/// such a cut-off letter, while an abbreviation spelled letter by letter stays possible.
#[test]
fn no_mention_holds_a_word_broken_by_the_scraper() {
    let a = body_only(
        "والأبرز في خلاف رئيس الجمهورية ميشال عون ورئيس المجلس نبيه بر ي هو أن الوسيط الطبيعي بين الرجلين غائب .\n\
         وتتجه الأنظار الى الجلسة التشريعية العامة التي دعا إليها الرئيس نبيه بر ي في 18 و 19 الجاري .\n\
         ونقلت وكالة أ ف ب عن المقد م حسن معو ض : لكن دكتور يكن أنت أطنبت الحديث عن ذلك .\n",
    );
    let lone = |w: &str| w.chars().count() == 1 && w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c));
    for m in recognize(&a).iter().filter(|m| m.kind != EntityKind::Date) {
        let words: Vec<&str> = a.text[m.start..m.end].split_whitespace().collect();
        let abbreviation = words.len() >= 3 && words.iter().all(|w| lone(w));
        assert!(
            abbreviation || !words.iter().any(|w| lone(w) || w.starts_with(['ة', 'ى', 'ؤ'])),
            "broken word in {:?} ({:?})",
            &a.text[m.start..m.end],
            m.kind
        );
    }
}

/// No name ends with a connector (أبو, بن, عبد, آل): a name cut there goes on over the word after it and the rest of
/// the name named right after («إبراهيم أبو» + «بكر» + «البغدادي»).
#[test]
fn a_name_cut_after_a_connector_goes_on_to_its_end() {
    let a = body_only(
        "وتابعت الوزارة إن زعيم داعش إبراهيم أبو بكر البغدادي كان حاضرا في الاجتماع وتم القضاء عليه جراء الغارة .\n\
         وقال مسؤول إن أبو بكر البغدادي لم يظهر منذ أشهر .\n",
    );
    let found = people(&a);
    assert!(
        found.iter().any(|p| p == "إبراهيم أبو بكر البغدادي"),
        "the whole name: {found:?}"
    );
    for cut in ["إبراهيم أبو", "إبراهيم أبو بكر"] {
        assert!(!found.iter().any(|p| p == cut), "{cut} in {found:?}");
    }
}

/// A body's head with its article (التحالف، الهيئة، التنظيم) heads no construct: the undetermined word after it is the
/// next thing said («غارات التحالف تسببت …», «الهيئة سارعت …»), not the body's name; after a head without the article
/// it is («منظمة شنغهاي»).
#[test]
fn a_definite_head_does_not_run_on_into_the_verb_after_it() {
    let a = body_only(
        "وذكر البيان الأسبوعي أن غارات التحالف تسببت في أضرار بالجسور والطرق في ريف المدينة .\n\
         وقال ناشطون إن الهيئة سارعت إلى نفي الخبر بعد ساعات .\n\
         ودعمت روسيا انضمام إيران إلى منظمة شنغهاي للتعاون في القمة .\n",
    );
    let orgs: Vec<String> = recognize(&a)
        .into_iter()
        .filter(|m| m.kind == EntityKind::Org)
        .map(|m| a.text[m.start..m.end].to_string())
        .collect();
    for verb in ["تسببت", "سارعت"] {
        assert!(!orgs.iter().any(|o| o.contains(verb)), "{verb} in {orgs:?}");
    }
    assert!(orgs.iter().any(|o| o.starts_with("منظمة شنغهاي")), "{orgs:?}");
}

/// A body's name stops before the title of the person who speaks for it; a title right after the head is the body's
/// own name. Sentences of our own.
#[test]
fn a_body_stops_before_the_title_of_its_speaker() {
    let a = body_only(
        "وقال رئيس مجلس الوزراء الدكتور هشام قنديل إن الحكومة ستعلن خطتها غدا .\n\
         وأعلنت قيادة القوات المسلحة العقيد أحمد المسماري متحدثا باسمها .\n\
         وتخرج الطالب في جامعة الملك سعود العام الماضي .\n",
    );
    let orgs: Vec<String> = recognize(&a)
        .into_iter()
        .filter(|m| m.kind == EntityKind::Org)
        .map(|m| a.text[m.start..m.end].to_string())
        .collect();
    for title in ["الدكتور", "العقيد"] {
        assert!(!orgs.iter().any(|o| o.contains(title)), "{title} in {orgs:?}");
    }
    assert!(orgs.iter().any(|o| o == "مجلس الوزراء"), "{orgs:?}");
    assert!(orgs.iter().any(|o| o.starts_with("جامعة الملك")), "{orgs:?}");
}
