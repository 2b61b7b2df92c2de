//! `qarin [PATHS…] [--screenshot FILE] [--size WxH] [--view V] [--theme T] [--search TEXT] [--select-entity TEXT]
//! [--select-claim N] [--panels LIST]`: opens the workbench showing that state, or renders it once to a PNG and exits.

use qarin::ui::{ScreenshotOutcome, ViewMode, WindowOptions};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(paths: Vec<PathBuf>, options: WindowOptions) -> anyhow::Result<ExitCode> {
    if let Some(shot) = &options.screenshot {
        let inputs: Vec<&std::path::Path> = paths.iter().map(PathBuf::as_path).collect();
        super::check_output(shot, &inputs)?;
    }
    super::warn_if_tagger_broken();
    if options.start.view == Some(ViewMode::Stories) && !qarin::ui::STORIES_VIEW {
        eprintln!("qarin: the stories view is not in this build yet; the window shows a note saying so");
    }
    match qarin::ui::run_window(paths, options)? {
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
