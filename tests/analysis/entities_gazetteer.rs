//! The gazetteer on the sample corpus.

use qarin::analysis::gazetteer::{GazKind, Gazetteer};
use qarin::corpus::builtin::SAMPLE_FILES;

#[test]
fn finds_places_and_bodies_in_every_sample() {
    let g = Gazetteer::global();
    for (name, text) in SAMPLE_FILES {
        let found = g.find_all(text);
        if std::env::var_os("QARIN_DUMP").is_some() {
            for m in &found {
                eprintln!("{name}\t{:?}\t{}\t{}", m.kind, m.canonical, &text[m.start..m.end]);
            }
        }
        for m in &found {
            assert!(
                text.get(m.start..m.end).is_some_and(|s| !s.is_empty()),
                "{name}: bad span {m:?}"
            );
        }
        assert!(found.iter().any(|m| m.canonical == "place:IR"), "{name}: no Iran");
        assert!(found.iter().any(|m| m.canonical == "place:RU"), "{name}: no Russia");
        assert!(
            found.iter().any(|m| m.kind == GazKind::Body || m.kind == GazKind::Org),
            "{name}: no body"
        );
    }
}

#[test]
fn overlapping_matches_never_happen() {
    let g = Gazetteer::global();
    for (_, text) in SAMPLE_FILES {
        let found = g.find_all(text);
        for w in found.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
    }
}
