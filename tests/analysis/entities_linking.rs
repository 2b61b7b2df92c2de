//! Linking on the real sample articles with hand-made mentions (names as a tagger would mark them) plus the
//! gazetteer's matches.

use qarin::analysis::entities::link_entities;
use qarin::analysis::gazetteer::Gazetteer;
use qarin::analysis::{Entity, EntityKind, MentionOrigin, RawMention};
use qarin::corpus::{Article, load_builtin};

fn mention(article: &Article, needle: &str, kind: EntityKind) -> Vec<RawMention> {
    article
        .text
        .match_indices(needle)
        // Whole words only (إيران inside الإيراني is not a mention of its own).
        .filter(|(start, s)| {
            let before = article.text[..*start].chars().next_back();
            let after = article.text[start + s.len()..].chars().next();
            !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
        })
        .map(|(start, s)| RawMention {
            start,
            end: start + s.len(),
            kind,
            value: None,
            canonical: None,
            origin: MentionOrigin::Tagger,
            confidence: 0.9,
        })
        .collect()
}

fn sample_mentions(articles: &[Article]) -> Vec<Vec<RawMention>> {
    use EntityKind::*;
    let people = [
        "اللواء محمد باقري",
        "سيرغي شويغو",
        "سيرجي شويجو",
        "شويغو",
        "شويجو",
        "فالري غراسيموف",
        "فاليري جيراسيموف",
        "محمد باقري",
        "باقري",
        "محمد رضا اشتياني",
        "محمد رضا أشتياني",
        "اشتياني",
        "الكساندر فومين",
        "فومين",
        "ديميتري شوغاييف",
        "شوغاييف",
    ];
    let places = ["ايران", "إيران", "روسيا", "سوريا", "موسكو", "طهران", "مسقط"];
    let orgs = ["لمنظمة شانغاي", "منظمة شنجهاي للتعاون", "اتحاد شنغهاي للتعاون"];
    articles
        .iter()
        .map(|a| {
            let mut ms: Vec<RawMention> = Vec::new();
            // Longest names first; a shorter one inside a longer one is not a mention of its own.
            for (names, kind) in [(&people[..], Person), (&places[..], Place), (&orgs[..], Org)] {
                for n in names {
                    for m in mention(a, n, kind) {
                        if !ms.iter().any(|o| o.start < m.end && m.start < o.end) {
                            ms.push(m);
                        }
                    }
                }
            }
            for g in Gazetteer::global().find_all(&a.text) {
                if !ms.iter().any(|o| o.start < g.end && g.start < o.end) {
                    ms.push(RawMention::from_gazetteer(g));
                }
            }
            ms
        })
        .collect()
}

fn entity_with<'a>(entities: &'a [Entity], text: &str) -> &'a Entity {
    entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text == text))
        .unwrap_or_else(|| panic!("no entity has a mention {text}"))
}

fn linked() -> (Vec<Article>, Vec<Entity>) {
    let articles = load_builtin().articles;
    let mentions = sample_mentions(&articles);
    let entities = link_entities(&articles, &mentions);
    (articles, entities)
}

/// With `QARIN_DUMP` set, prints the entities (id, kind, label, variants, number of articles) for reading.
pub fn dump_when_asked(entities: &[Entity]) {
    if std::env::var_os("QARIN_DUMP").is_some() {
        for e in entities {
            eprintln!(
                "{} {:?} {} {:?} {}",
                e.id,
                e.kind,
                e.label,
                e.variants,
                e.articles.len()
            );
        }
    }
}

/// Whether the mentions `a` and `b` are of one entity.
fn same_entity(entities: &[Entity], a: &str, b: &str) -> bool {
    entity_with(entities, a).id == entity_with(entities, b).id
}

#[test]
fn variant_spellings_are_one_entity() {
    let (_, entities) = linked();
    for (a, b) in [
        ("سيرغي شويغو", "سيرجي شويجو"),
        ("سيرغي شويغو", "شويغو"),
        ("فالري غراسيموف", "فاليري جيراسيموف"),
        ("محمد رضا اشتياني", "محمد رضا أشتياني"),
        ("اشتياني", "محمد رضا أشتياني"),
        ("اللواء محمد باقري", "باقري"),
        ("ايران", "إيران"),
        ("ايران", "الإيراني"),
        ("لمنظمة شانغاي", "منظمة شنجهاي للتعاون"),
    ] {
        assert!(same_entity(&entities, a, b), "{a} / {b} should be one entity");
    }
    let shoigu = entity_with(&entities, "شويغو");
    assert_eq!(shoigu.kind, EntityKind::Person);
    assert!(shoigu.articles.len() >= 2, "{:?}", shoigu.articles);
}

#[test]
fn look_alikes_stay_apart() {
    let (_, entities) = linked();
    for (a, b) in [
        ("سوريا", "روسيا"),
        ("شويغو", "شوغاييف"),
        ("اللواء محمد باقري", "محمد رضا اشتياني"),
        ("موسكو", "مسقط"),
        ("ايران", "روسيا"),
    ] {
        assert!(!same_entity(&entities, a, b), "{a} / {b} should stay apart");
    }
}

#[test]
fn entities_are_well_formed() {
    let (articles, entities) = linked();
    assert!(!entities.is_empty());
    dump_when_asked(&entities);
    let order: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    let mut last_first: Option<(usize, usize)> = None;
    for (i, e) in entities.iter().enumerate() {
        assert_eq!(e.id, format!("e{}", i + 1));
        // The label is a written form, or the citation form of one (للحكومة is labelled الحكومة).
        let cited = |v: &String| v.strip_prefix("لل").is_some_and(|rest| e.label == format!("ال{rest}"));
        assert!(e.variants.contains(&e.label) || e.variants.iter().any(cited), "{e:?}");
        let positions: Vec<usize> = e
            .articles
            .iter()
            .map(|a| order.iter().position(|o| o == a).expect("known article"))
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "articles not in corpus order: {:?}",
            e.articles
        );
        for m in &e.mentions {
            let a = articles.iter().find(|a| a.id == m.article).expect("article");
            assert_eq!(&a.text[m.start..m.end], m.text);
            assert!(e.articles.contains(&m.article));
        }
        // Ids follow first appearance.
        let m = &e.mentions[0];
        let first = (order.iter().position(|o| *o == m.article).unwrap_or(0), m.start);
        if let Some(prev) = last_first {
            assert!(prev < first, "{} not in order of first appearance", e.id);
        }
        last_first = Some(first);
    }
    // Stable for the same input.
    let (_, again) = linked();
    assert_eq!(entities, again);
}

#[test]
fn shoigu_label_is_the_full_name() {
    let (_, entities) = linked();
    let e = entity_with(&entities, "شويغو");
    assert!(e.label.split_whitespace().count() == 2, "{}", e.label);
    assert!(e.variants.iter().any(|v| v == "سيرجي شويجو"));
}

#[test]
fn dates_link_by_value_and_given_names_alone_stay_apart() {
    let articles = load_builtin().articles;
    let mk = |a: &Article, needle: &str, kind: EntityKind, value: Option<&str>| {
        let start = a.text.find(needle).expect("needle in sample");
        RawMention {
            start,
            end: start + needle.len(),
            kind,
            value: value.map(str::to_string),
            canonical: None,
            origin: MentionOrigin::Date,
            confidence: 1.0,
        }
    };
    let mentions = vec![
        vec![mk(&articles[0], "الثلاثاء", EntityKind::Date, Some("2020-10-20"))],
        vec![],
        vec![mk(&articles[2], "محمد", EntityKind::Person, None)],
        vec![mk(&articles[3], "محمد", EntityKind::Person, None)],
        vec![mk(&articles[4], "الإيراني", EntityKind::Date, Some("2020-10-20"))],
    ];
    let entities = link_entities(&articles, &mentions);
    assert_eq!(entities.len(), 3, "{entities:#?}");
    assert_eq!(entities[0].kind, EntityKind::Date);
    assert_eq!(entities[0].value.as_deref(), Some("2020-10-20"));
    assert_eq!(entities[0].articles.len(), 2);
    assert_eq!(entities[1].articles.len(), 1);
    assert_eq!(entities[2].articles.len(), 1);
}

#[test]
fn bad_ranges_are_skipped_not_fatal() {
    let articles = load_builtin().articles;
    let bad = RawMention {
        start: 1,
        end: 10_000_000,
        kind: EntityKind::Person,
        value: None,
        canonical: None,
        origin: MentionOrigin::Tagger,
        confidence: 0.5,
    };
    let mut mentions = vec![Vec::new(); articles.len()];
    mentions[0].push(bad);
    assert!(link_entities(&articles, &mentions).is_empty());
    assert!(link_entities(&[], &[]).is_empty());
}

/// An article of our own: two brothers share a surname; each surname alone belongs to the nearest full name before
/// it (a spelling variant included), and one before any full name to the first full name after it.
#[test]
fn a_surname_alone_takes_the_nearest_full_name_before_it() {
    let text = "رحب غانتس بالاتفاق. وقال الوزير بيني غانتس إن الاتفاق مهم. وأضاف غانتس أن الحكومة ستدعمه. \
                ثم تحدث شقيقه يوسي غانتس عن المشروع. وقال جانتس إن العمل سيبدأ قريبا.";
    let article = Article {
        id: "brothers".into(),
        path: "brothers.txt".into(),
        title: String::new(),
        date: None,
        source: None,
        url: None,
        segments: vec![qarin::corpus::Segment {
            kind: qarin::corpus::SegmentKind::Body,
            start: 0,
            end: text.len(),
        }],
        sentences: Vec::new(),
        text: text.into(),
    };
    let mut ms = Vec::new();
    for name in ["بيني غانتس", "يوسي غانتس"] {
        ms.extend(mention(&article, name, EntityKind::Person));
    }
    for short in ["غانتس", "جانتس"] {
        let alone: Vec<RawMention> = mention(&article, short, EntityKind::Person)
            .into_iter()
            .filter(|m| !ms.iter().any(|f: &RawMention| f.start <= m.start && m.end <= f.end))
            .collect();
        ms.extend(alone);
    }
    let entities = link_entities(std::slice::from_ref(&article), &[ms]);
    let of = |needle: &str, nth: usize| {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        entities
            .iter()
            .find(|e| e.mentions.iter().any(|m| m.start == start))
            .map(|e| e.id.clone())
            .unwrap_or_else(|| panic!("no entity at {needle} #{nth}"))
    };
    let (benny, yossi) = (of("بيني غانتس", 0), of("يوسي غانتس", 0));
    assert_ne!(benny, yossi);
    assert_eq!(of("غانتس", 0), benny, "before any full name: the first one after it");
    assert_eq!(of("غانتس", 2), benny, "after Benny, before Yossi");
    assert_eq!(of("جانتس", 0), yossi, "a variant spelling after Yossi");
}
