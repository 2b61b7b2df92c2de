//! Recognition + linking on the built-in corpus: the shared entities are linked, look-alikes are not merged.

use qarin::analysis::entities::link_entities;
use qarin::analysis::{Entity, ner};
use qarin::arabic::normalize;
use qarin::corpus::load_builtin;

fn entities() -> Vec<Entity> {
    let articles = load_builtin().articles;
    let mentions: Vec<_> = articles.iter().map(ner::recognize).collect();
    link_entities(&articles, &mentions)
}

/// The entity one of whose mentions normalises to `form`.
fn with_form<'a>(entities: &'a [Entity], form: &str) -> Option<&'a Entity> {
    let form = normalize(form);
    entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| normalize(&m.text) == form))
}

#[test]
fn shared_entities_are_linked_without_wrong_merges() {
    let entities = entities();
    crate::entities_linking::dump_when_asked(&entities);
    for e in &entities {
        let forms: Vec<String> = e.variants.iter().map(|v| normalize(v)).collect();
        let has = |w: &str| forms.iter().any(|f| f.contains(&normalize(w)));
        for (a, b, what) in [
            ("سوريا", "روسيا", "Syria and Russia"),
            ("شويغو", "شوغاييف", "Shoigu and Shugaev"),
            ("موسكو", "مسقط", "Moscow and Muscat"),
            ("باقري", "اشتياني", "two people called محمد"),
        ] {
            assert!(!(has(a) && has(b)), "{} merges {what}: {:?}", e.id, e.variants);
        }
    }
    let russia = with_form(&entities, "روسيا").expect("Russia");
    assert_eq!(russia.articles.len(), 5, "{:?}", russia.articles);
    let iran = with_form(&entities, "إيران").expect("Iran");
    assert_eq!(iran.articles.len(), 5);
    assert_eq!(with_form(&entities, "ايران").map(|e| &e.id), Some(&iran.id));
    if let (Some(a), Some(b)) = (with_form(&entities, "شويغو"), with_form(&entities, "شويجو")) {
        assert_eq!(a.id, b.id, "Shoigu variants: {:?} / {:?}", a.variants, b.variants);
    }
    if let (Some(a), Some(b)) = (with_form(&entities, "أشتياني"), with_form(&entities, "اشتياني")) {
        assert_eq!(a.id, b.id);
    }
}

#[test]
fn a_body_after_the_preposition_keeps_its_article() {
    // «التابع للحرس الثوري الإيراني» in 003: the whole word is the mention, the label is the citation form.
    let entities = entities();
    let guard = with_form(&entities, "للحرس الثوري الإيراني").expect("the Revolutionary Guard is found");
    assert_eq!(guard.label, "الحرس الثوري الإيراني");
    assert!(
        entities
            .iter()
            .flat_map(|e| &e.mentions)
            .all(|m| !normalize(&m.text).starts_with("حرس")),
        "no mention starts inside the word"
    );
}
