//! `qarin eval-claims [DIR] [--samples N]`: analyse every story folder under DIR as one corpus and print how the
//! claims agree with the gold annotations (see [`qarin::analysis::claims::evaluation`]).

use anyhow::Context;
use qarin::analysis::Report;
use qarin::analysis::claims::evaluation::{self, ClaimsEvaluation};
use qarin::pipeline::{self, Params, Timings};
use qarin::progress::Progress;
use std::path::Path;
use std::process::ExitCode;

pub fn run(dir: &Path, samples: usize, saved: Option<&Path>) -> anyhow::Result<ExitCode> {
    super::warn_if_tagger_broken();
    let (stories, paths) = evaluation::read_stories(dir)?;
    // The time only when this run analysed the folder: a saved report's analysis was not timed here.
    let (report, timings): (Report, Option<Timings>) = match saved {
        Some(file) => {
            let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
            let report: Report =
                serde_json::from_slice(&bytes).with_context(|| format!("{}: not a qarin report", file.display()))?;
            (report, None)
        }
        None => {
            let (report, timings) = pipeline::run_timed(&paths, &Params::default(), &Progress::new());
            (report, Some(timings))
        }
    };
    let eval = evaluation::evaluate(&report, &stories, samples);
    for (k, s) in eval.samples.iter().enumerate() {
        println!(
            "-- sample {} ({}, {}):\n   {}: {}\n   {}: {}",
            k + 1,
            s.cluster,
            if s.same_outlet { "same outlet" } else { "two outlets" },
            s.a.0,
            s.a.1,
            s.b.0,
            s.b.1
        );
    }
    print!("{}", summary(&eval));
    match timings {
        Some(timings) => println!(
            "time: load {:.2} s, analysis {:.2} s",
            timings.load.as_secs_f64(),
            timings.analysis.as_secs_f64()
        ),
        None => println!(
            "time: not measured (the report was read from {})",
            saved.map_or(String::new(), |f| f.display().to_string())
        ),
    }
    Ok(ExitCode::SUCCESS)
}

fn percent(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

fn summary(e: &ClaimsEvaluation) -> String {
    let cross = e.cross_story_same_outlet + e.cross_story_other;
    format!(
        "stories {}, articles {}, clusters {} ({} crossing stories)\n\
         agreeing pairs: {} aligned on their claim lines of {} ({:.0} %); {} linked anywhere\n\
         links: {} in all; {} cross stories ({:.1} %): {} same outlet, {} two outlets\n",
        e.stories,
        e.articles,
        e.clusters,
        e.clusters_crossing,
        e.aligned_pairs,
        e.agreeing_pairs,
        percent(e.aligned_pairs, e.agreeing_pairs),
        e.linked_pairs,
        e.links,
        cross,
        percent(cross, e.links),
        e.cross_story_same_outlet,
        e.cross_story_other,
    )
}
