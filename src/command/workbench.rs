//! `qarin [PATHS…] [--screenshot FILE]`: opens the workbench, or renders it once to a PNG and exits.

use qarin::ui::ScreenshotOutcome;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(paths: Vec<PathBuf>, screenshot: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    if let Some(shot) = &screenshot {
        let inputs: Vec<&std::path::Path> = paths.iter().map(PathBuf::as_path).collect();
        super::check_output(shot, &inputs)?;
    }
    super::warn_if_tagger_broken();
    match qarin::ui::run_window(paths, screenshot)? {
        None => Ok(ExitCode::SUCCESS),
        Some(ScreenshotOutcome::Written { path, width, height }) => {
            eprintln!("qarin: wrote {} ({width}×{height})", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(ScreenshotOutcome::Failed(err)) => {
            eprintln!("qarin: {err:#}");
            Ok(ExitCode::from(2))
        }
        Some(ScreenshotOutcome::TimedOut) => {
            eprintln!("qarin: --screenshot timed out");
            Ok(ExitCode::from(2))
        }
    }
}
