//! Entity extraction (and linking) over 10,000 articles generated from the sample corpus.
//! Run: `cargo bench --bench ner` (release). Issue target: extraction + linking < 5 s on 2 cores.

use qarin::analysis::entities::link_entities;
use qarin::analysis::ner::recognize;
use qarin::corpus::load_builtin;
use rayon::prelude::*;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(10_000);
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
}
