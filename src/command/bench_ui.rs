//! `qarin bench-ui [PATHS…] [--frames N] [--columns K]`: frame-time figures of the real workbench as one JSON line.

use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(paths: Vec<PathBuf>, frames: usize, columns: usize) -> anyhow::Result<ExitCode> {
    super::warn_if_tagger_broken();
    let figures = qarin::ui::bench_figures(paths, frames, columns)?;
    let line = serde_json::json!({
        "frames": figures.frames,
        "first_frame_ms": figures.first_frame_ms,
        "p50_ms": figures.p50_ms,
        "p95_ms": figures.p95_ms,
        "max_rss_mb": figures.max_rss_mb,
    });
    println!("{}", serde_json::to_string(&line).context("cannot format the figures")?);
    Ok(ExitCode::SUCCESS)
}
