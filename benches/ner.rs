//! Entity extraction (and linking) over 10,000 articles generated from the sample corpus, then over ONE long article
//! (the sample bodies repeated with generated names, default 20 MB) at three sizes, to show the time grows linearly.
//! Run: `cargo bench --bench ner [ARTICLES] [MB]` (release). Issue targets: extraction + linking of the 10,000 < 5 s
//! on 2 cores; one 20 MB article < 10 s.

use qarin::analysis::entities::link_entities;
use qarin::analysis::ner::recognize;
use qarin::corpus::{Article, Segment, SegmentKind, load_builtin};
use rayon::prelude::*;
use std::time::Instant;

#[path = "support/names.rs"]
mod names;
use names::name;

fn main() {
    let mut numbers = std::env::args().skip(1).filter_map(|a| a.parse::<usize>().ok());
    let n = numbers.next().unwrap_or(10_000);
    let long_mb = numbers.next().unwrap_or(20);
    let samples = load_builtin().articles;
    let articles: Vec<_> = (0..n)
        .map(|i| {
            let mut a = samples[i % samples.len()].clone();
            a.id = format!("{}-{i}", a.id);
            a
        })
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    // Load the model once outside the timing, as the application does at its first article.
    let _ = recognize(&samples[0]);

    let t = Instant::now();
    let mentions: Vec<_> = articles.par_iter().map(recognize).collect();
    let extract = t.elapsed();
    let count: usize = mentions.iter().map(Vec::len).sum();
    println!(
        "recognize: {n} articles ({:.1} MB), {count} mentions in {:.2} s ({:.0} articles/s, {} threads)",
        bytes as f64 / 1e6,
        extract.as_secs_f64(),
        n as f64 / extract.as_secs_f64(),
        rayon::current_num_threads()
    );

    let t = Instant::now();
    let entities = link_entities(&articles, &mentions);
    let link = t.elapsed();
    println!("link: {} entities in {:.2} s", entities.len(), link.as_secs_f64());
    println!(
        "extraction + linking: {:.2} s (target < 5 s on 2 cores); peak RSS {:.0} MB (articles, mentions and entities held)",
        (extract + link).as_secs_f64(),
        qarin::measure::peak_rss_mb().unwrap_or(f64::NAN)
    );

    for mb in [long_mb / 4, long_mb / 2, long_mb] {
        one_long_article(&samples, mb.max(1));
    }
}

/// Recognition and linking of one article of about `mb` megabytes: the sample bodies in turn, each followed by a
/// sentence naming generated people (so the names are many and distinct) and a surname repeated alone.
fn one_long_article(samples: &[Article], mb: usize) {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < mb * 1_000_000 {
        let sample = &samples[i % samples.len()];
        for seg in sample.body_segments() {
            text.push_str(&sample.text[seg.start..seg.end]);
            text.push('\n');
        }
        let surname = name(i * 7919 % 50_000, 3);
        text.push_str(&format!(
            "وقال رئيس الوزراء {} {} إن نظيره {} {} وصل، وأكد {} أن حركة {} مستعدة.\n",
            name(i % 97, 2),
            surname,
            name(i % 89, 2),
            name(i * 104_729 % 50_000 + 1, 3),
            surname,
            name(i % 83, 3),
        ));
        i += 1;
    }
    let article = Article {
        id: "long".into(),
        path: "bench:long".into(),
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
    };
    let t = Instant::now();
    let mentions = vec![recognize(&article)];
    let extract = t.elapsed();
    let t = Instant::now();
    let entities = link_entities(std::slice::from_ref(&article), &mentions);
    let link = t.elapsed();
    println!(
        "one article of {:.1} MB: {} mentions in {:.2} s, {} entities in {:.2} s ({:.2} s per MB; target 20 MB < 10 s)",
        article.text.len() as f64 / 1e6,
        mentions[0].len(),
        extract.as_secs_f64(),
        entities.len(),
        link.as_secs_f64(),
        (extract + link).as_secs_f64() / (article.text.len() as f64 / 1e6),
    );
}
