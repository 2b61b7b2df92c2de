//! `recognize` on the sample corpus: the people, organisations and places an analyst expects, with exact offsets.

use qarin::analysis::ner::recognize;
use qarin::analysis::{EntityKind, RawMention};
use qarin::corpus::builtin::SAMPLE_FILES;
use qarin::corpus::{Article, Segment, SegmentKind};

/// A sample article: its first line the title, the rest one body segment.
fn sample(i: usize) -> Article {
    let (name, text) = SAMPLE_FILES[i];
    let title_end = text.find('\n').unwrap_or(text.len());
    Article {
        id: name.to_string(),
        path: format!("builtin:{name}"),
        title: text[..title_end].to_string(),
        date: None,
        source: None,
        url: None,
        text: text.to_string(),
        segments: vec![
            Segment {
                kind: SegmentKind::Title,
                start: 0,
                end: title_end,
            },
            Segment {
                kind: SegmentKind::Body,
                start: title_end,
                end: text.len(),
            },
        ],
        sentences: Vec::new(),
    }
}

fn texts(a: &Article, m: &[RawMention], kind: EntityKind) -> Vec<String> {
    m.iter()
        .filter(|m| m.kind == kind)
        .map(|m| a.text[m.start..m.end].to_string())
        .collect()
}

#[test]
fn print_all() {
    for i in 0..SAMPLE_FILES.len() {
        let a = sample(i);
        let m = recognize(&a);
        println!("== {}", a.id);
        for k in [
            EntityKind::Person,
            EntityKind::Org,
            EntityKind::Place,
            EntityKind::Date,
            EntityKind::Other,
        ] {
            println!(
                "{k:?}: {}",
                m.iter()
                    .filter(|x| x.kind == k)
                    .map(|x| format!("{}/{:?}", &a.text[x.start..x.end], x.origin)
                        .chars()
                        .take(40)
                        .collect::<String>())
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
        }
    }
}
