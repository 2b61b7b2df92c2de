//! Entity extraction (tokens + gazetteer, the part of recognition this area owns) and linking over 10,000 articles.
//!
//! The articles are the five samples repeated, each with a sentence naming two generated people (thousands of
//! distinct names, so blocking is exercised) and a date. Run: `cargo bench --bench entities`.

use qarin::analysis::entities::link_entities;
use qarin::analysis::gazetteer::Gazetteer;
use qarin::analysis::{EntityKind, MentionOrigin, RawMention};
use qarin::corpus::{Article, Segment, SegmentKind};
use rayon::prelude::*;
use std::time::Instant;

#[path = "support/names.rs"]
mod names;
use names::name;

fn mention(start: usize, end: usize, kind: EntityKind, value: Option<String>) -> RawMention {
    RawMention {
        start,
        end,
        kind,
        value,
        canonical: None,
        origin: MentionOrigin::Tagger,
        confidence: 0.9,
    }
}

fn main() {
    let n_articles: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let samples = qarin::corpus::builtin::SAMPLE_FILES;
    let mut articles = Vec::with_capacity(n_articles);
    let mut names = Vec::with_capacity(n_articles);
    for i in 0..n_articles {
        let (file, body) = samples[i % samples.len()];
        let a = name(i * 7919 % 20_000, 3);
        let b = name(i * 104_729 % 20_000 + 1, 3);
        let extra = format!(
            "\nوقال الوزير {} {} إن نظيره {} {} وصل في 2020-10-{:02}.",
            name(i % 97, 2),
            a,
            name(i % 89, 2),
            b,
            i % 28 + 1
        );
        let text = format!("{body}{extra}");
        names.push((text.len() - extra.len(), a, b));
        articles.push(Article {
            id: format!("{i:05}_{file}"),
            path: format!("bench:{i}"),
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
            text,
        });
    }
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let gazetteer = Gazetteer::global();

    let t0 = Instant::now();
    let mentions: Vec<Vec<RawMention>> = articles
        .par_iter()
        .zip(names.par_iter())
        .map(|(a, (extra_start, x, y))| {
            let mut ms: Vec<RawMention> = gazetteer
                .find_all(&a.text)
                .into_iter()
                .map(RawMention::from_gazetteer)
                .collect();
            for n in [x, y] {
                if let Some(p) = a.text[*extra_start..].find(n.as_str()) {
                    let end = extra_start + p + n.len();
                    // The given name before the surname: the whole two-word name, then the surname alone.
                    let start = a.text[..extra_start + p - 1]
                        .rfind(' ')
                        .map_or(extra_start + p, |s| s + 1);
                    ms.push(mention(start, end, EntityKind::Person, None));
                    ms.push(mention(extra_start + p, end, EntityKind::Person, None));
                }
            }
            if let Some(p) = a.text.rfind("2020-10-") {
                ms.push(mention(
                    p,
                    p + 10,
                    EntityKind::Date,
                    Some(a.text[p..p + 10].to_string()),
                ));
            }
            ms
        })
        .collect();
    let t_extract = t0.elapsed();
    let n_mentions: usize = mentions.iter().map(Vec::len).sum();

    let t1 = Instant::now();
    let entities = link_entities(&articles, &mentions);
    let t_link = t1.elapsed();

    println!(
        "entities bench: {n_articles} articles, {:.1} MB, {n_mentions} mentions → {} entities",
        bytes as f64 / 1e6,
        entities.len()
    );
    println!("  tokens + gazetteer: {:.3} s", t_extract.as_secs_f64());
    println!("  linking:            {:.3} s", t_link.as_secs_f64());
    println!(
        "  total:              {:.3} s (target < 5 s on 2 cores)",
        (t_extract + t_link).as_secs_f64()
    );
}
