//! `qarin eval-stories [DIR] [--report FILE] [--threshold X]`: B-cubed precision, recall and F1 of Qarin's story
//! grouping against the gold stories of a folder of story folders, beside the TF-IDF + average-link baseline.

use qarin::analysis::Report;
use qarin::analysis::stories::eval::{self, BCubed, GoldStances};
use qarin::analysis::stories::{self, StoryParams};
use qarin::pipeline::{self, Params};
use qarin::progress::Progress;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// Thresholds the baseline is run at; its best F1 is the figure to beat.
/// (Up to 0.8: with most dev articles gold singletons, the baseline's F1 keeps rising with its threshold.)
const BASELINE_THRESHOLDS: [f32; 10] = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

pub fn run(dir: &Path, report: Option<&Path>, threshold: Option<f32>) -> anyhow::Result<ExitCode> {
    let gold = GoldStances::load(dir)?;
    let mut params = StoryParams::default();
    if let Some(t) = threshold {
        params.join_threshold = t;
    }
    let started = Instant::now();
    let mut report = match report {
        Some(path) => {
            let text = std::fs::read_to_string(path)?;
            serde_json::from_str::<Report>(&text)?
        }
        None => {
            super::warn_if_tagger_broken();
            pipeline::run(&[dir.to_path_buf()], &Params::default(), &Progress::new())
        }
    };
    let analysis_time = started.elapsed();
    let started = Instant::now();
    stories::assign_stories(&mut report, &params);
    let grouping_time = started.elapsed();

    // Written, not printed: a closed pipe (`| head`) ends the command with an error instead of a panic.
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let truth = gold.labels(&report.articles);
    let gold_stories = {
        let mut sizes = rustc_hash::FxHashMap::<usize, usize>::default();
        truth.iter().for_each(|&g| *sizes.entry(g).or_default() += 1);
        (sizes.len(), sizes.values().filter(|&&s| s > 1).count())
    };
    writeln!(
        out,
        "articles: {}; gold stories: {} ({} with two or more articles)",
        report.articles.len(),
        gold_stories.0,
        gold_stories.1
    )?;
    let known = gold.known(&report.articles);
    writeln!(
        out,
        "(\"known stories\": the same scores averaged over the {} articles the gold puts on their folder's story \
         only: how the other, unrelated articles group among themselves is not scored)",
        known.iter().filter(|&&k| k).count()
    )?;
    let qarin_groups = eval::report_groups(&report);
    let qarin = eval::b_cubed(&qarin_groups, &truth);
    let multi = report.stories.iter().filter(|s| s.articles.len() > 1).count();
    writeln!(
        out,
        "qarin (join threshold {:.2}): {}; known stories {}; {} stories ({} with two or more articles); \
         grouping {:.3} s (analysis before it {:.1} s)",
        params.join_threshold,
        figures(qarin),
        figures(eval::b_cubed_over(&qarin_groups, &truth, &known)),
        report.stories.len(),
        multi,
        grouping_time.as_secs_f64(),
        analysis_time.as_secs_f64()
    )?;
    let singletons: Vec<usize> = (0..report.articles.len()).collect();
    writeln!(
        out,
        "every article alone: {}; known stories {}",
        figures(eval::b_cubed(&singletons, &truth)),
        figures(eval::b_cubed_over(&singletons, &truth, &known))
    )?;
    let mut best: Option<(f32, BCubed)> = None;
    for t in BASELINE_THRESHOLDS {
        let started = Instant::now();
        let groups = eval::tfidf_groups(&report.articles, t);
        let scores = eval::b_cubed(&groups, &truth);
        writeln!(
            out,
            "baseline tf-idf cosine + average link (threshold {t:.2}): {}; known stories {}; {:.3} s",
            figures(scores),
            figures(eval::b_cubed_over(&groups, &truth, &known)),
            started.elapsed().as_secs_f64()
        )?;
        if best.is_none_or(|(_, b)| scores.f1 > b.f1) {
            best = Some((t, scores));
        }
    }
    if let Some((t, b)) = best {
        writeln!(
            out,
            "best baseline: threshold {t:.2}, F1 {:.3}; qarin F1 {:.3}",
            b.f1, qarin.f1
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn figures(b: BCubed) -> String {
    format!("B-cubed P {:.3} R {:.3} F1 {:.3}", b.precision, b.recall, b.f1)
}
