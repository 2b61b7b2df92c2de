//! The Shanghai Cooperation Organisation is named three ways in the sample corpus — منظمة شانغاي (001),
//! اتحاد شنغهاي للتعاون (002), منظمة شنجهاي للتعاون (004) — and must be one entity.

use qarin::analysis::{self, EntityKind};
use qarin::corpus;
use qarin::progress::Progress;

#[test]
fn the_three_spellings_of_the_sco_are_one_entity() {
    let report = analysis::analyze(corpus::load_builtin(), &Progress::new());
    let sco: Vec<_> = report
        .entities
        .iter()
        .filter(|e| {
            e.variants
                .iter()
                .any(|v| v.contains("شنغهاي") || v.contains("شانغاي") || v.contains("شنجهاي"))
        })
        .filter(|e| e.kind == EntityKind::Org)
        .collect();
    assert_eq!(sco.len(), 1, "one SCO entity: {sco:#?}");
    let e = sco[0];
    for spelling in ["شانغاي", "شنغهاي", "شنجهاي"] {
        assert!(
            e.variants.iter().any(|v| v.contains(spelling)),
            "{spelling} in {:?}",
            e.variants
        );
    }
    assert_eq!(e.articles.len(), 3, "{:?}", e.articles);
    for m in &e.mentions {
        let text = &report.article(&m.article).expect("article").text;
        assert_eq!(&text[m.start..m.end], m.text);
    }
}
