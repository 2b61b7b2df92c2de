//! `qarin eval-meaning [DIR]`: prints how the meaning vectors rank claim lines against the lexical scorer.

use anyhow::{Context, Result, anyhow};
use qarin::analysis::meaning::{self, encoder, eval};
use std::path::Path;
use std::process::ExitCode;

/// Precisions at which the scorers' recall is compared.
const PRECISIONS: [f64; 3] = [0.9, 0.8, 0.6];

pub fn run(dir: &Path) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let model =
        meaning::bundled_model().ok_or_else(|| anyhow!(meaning::bundled_model_problem().unwrap_or_default()))?;
    let loaded = started.elapsed();
    let started = std::time::Instant::now();
    let enc =
        encoder::bundled_encoder().ok_or_else(|| anyhow!(encoder::bundled_encoder_problem().unwrap_or_default()))?;
    let enc_loaded = started.elapsed();
    // Latency of one sentence at a time (invented news-style sentences, each embedded alone, one thread).
    let samples = [
        "قال وزير الخارجية إن المحادثات كانت بناءة ومثمرة وإن الجانبين اتفقا على مواصلة الحوار",
        "ارتفعت أسعار القمح في الأسواق العالمية بعد تراجع المحاصيل في عدد من الدول المصدرة",
        "أعلنت الحكومة عن خطة جديدة لدعم الاقتصاد الوطني بعد الأزمة",
        "The minister said the talks were constructive and would continue next week",
    ];
    let started = std::time::Instant::now();
    let rounds = 5;
    let mut single_pieces = 0;
    for _ in 0..rounds {
        for s in samples {
            single_pieces += enc.pieces(model, s).len() + 2;
            std::hint::black_box(enc.embed(model, s));
        }
    }
    let single_ms = started.elapsed().as_secs_f64() * 1e3 / (rounds * samples.len()) as f64;
    let e = eval::evaluate(dir, model, enc, &PRECISIONS).with_context(|| format!("reading {}", dir.display()))?;
    println!(
        "{} folders, {} agreeing articles with claim lines, {} ordered outlet pairs",
        e.folders, e.articles, e.pairs
    );
    println!(
        "model: {} pieces × {} dims, {:.1} MB in memory, loaded in {:.0} ms",
        model.len(),
        model.dim(),
        model.memory_bytes() as f64 / 1e6,
        loaded.as_secs_f64() * 1e3
    );
    println!(
        "semantic cost: {} chunks embedded in {:.3} s ({:.1} µs per chunk)",
        e.lines_embedded,
        e.semantic_seconds,
        e.semantic_seconds * 1e6 / e.lines_embedded.max(1) as f64
    );
    println!(
        "encoder: {:.1} MB of weights in memory (f32; word table 4-bit), decoded in {:.0} ms",
        enc.memory_bytes() as f64 / 1e6,
        enc_loaded.as_secs_f64() * 1e3
    );
    println!(
        "encoder cost: one sentence alone {:.1} ms ({:.0} tokens on average, one thread); batched: {} chunks \
         ({:.0} tokens on average) in {:.1} s wall on {} threads = {:.1} ms per chunk",
        single_ms,
        single_pieces as f64 / (rounds * samples.len()) as f64,
        e.lines_embedded,
        e.encoder_pieces as f64 / e.lines_embedded.max(1) as f64,
        e.encoder_seconds,
        rayon::current_num_threads(),
        e.encoder_seconds * 1e3 / e.lines_embedded.max(1) as f64
    );
    println!(
        "\n{:<34} {:>22} {:>22}",
        "scorer", "claim → lines R@1/MRR", "outlet → outlet R@1/MRR"
    );
    for (k, name) in eval::SCORERS.iter().enumerate() {
        let (c, o) = (e.claim_ranking[k], e.outlet_ranking[k]);
        println!(
            "{name:<34} {:>12.3} / {:.3} {:>12.3} / {:.3}",
            c.recall_at_1, c.mrr, o.recall_at_1, o.mrr
        );
    }
    println!(
        "({} claim queries, {} outlet queries)",
        e.claim_ranking[0].queries, e.outlet_ranking[0].queries
    );
    println!("\nrecall of claim lines at one global threshold (claim → line pairs):");
    for row in &e.at_precision {
        let cells: Vec<String> = row
            .iter()
            .map(|a| format!("{:.3} (t={:.3})", a.recall, a.threshold))
            .collect();
        println!("  precision ≥ {:.2}: {}", row[0].precision, cells.join("  "));
    }
    println!("  columns: {}", eval::SCORERS.join(" | "));
    Ok(ExitCode::SUCCESS)
}
