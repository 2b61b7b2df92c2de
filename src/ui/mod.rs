//! The eframe workbench: panels, columns, interaction, exports. The only place that knows egui layout.

use std::path::PathBuf;
use std::process::ExitCode;

/// `qarin [PATHS…] [--screenshot FILE]`: opens the workbench (or renders it once to a PNG and exits).
pub fn run_workbench(paths: Vec<PathBuf>, screenshot: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let _ = (paths, screenshot);
    anyhow::bail!("the workbench is not built yet")
}

/// `qarin bench-ui [PATHS…] [--frames N] [--columns K]`.
pub fn bench_ui(paths: Vec<PathBuf>, frames: usize, columns: usize) -> anyhow::Result<ExitCode> {
    let _ = (paths, frames, columns);
    anyhow::bail!("bench-ui is not built yet")
}
