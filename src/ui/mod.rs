//! The eframe workbench: panels, columns, interaction, exports. The only place that knows egui layout.
//!
//! [`state`] holds what is shown (report, selection, settings, the loading job) and knows no drawing.
//! The views — [`panels`] (one per file), [`columns`] and [`aligned`] — draw from a [`context::ViewCtx`] (the state
//! they read, the text engine, a command queue) and emit [`commands::UiCommand`]s; they do not import each other.
//! Shared widgets live in [`widgets`]. [`app::Workbench`] lays the views out and applies their commands in one
//! place; [`export`] writes PNG, CSV and HTML.

pub mod aligned;
pub mod app;
pub mod article_text;
pub mod columns;
pub mod commands;
pub mod context;
pub mod dialogs;
pub mod export;
pub mod palette;
pub mod panels;
pub mod search;
pub mod state;
pub mod story_index;
pub mod widgets;

pub use app::Workbench;
pub use commands::UiCommand;
pub use state::{Settings, StartView, ViewMode, WorkbenchState};

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SETTINGS_KEY: &str = "qarin-settings";

/// Whether the central area can show the stories view (issue 14: it can).
pub const STORIES_VIEW: bool = true;

/// How a `--screenshot` run ended.
#[derive(Debug)]
pub enum ScreenshotOutcome {
    Written {
        path: PathBuf,
        width: usize,
        height: usize,
    },
    Failed(anyhow::Error),
    /// The corpus did not load and settle within five minutes.
    TimedOut,
}

/// How to open the window: `--screenshot`, `--size` and the state to show (`--view`, `--theme`, `--search`…).
#[derive(Debug, Clone, Default)]
pub struct WindowOptions {
    /// Render once to this PNG and close.
    pub screenshot: Option<PathBuf>,
    /// Inner size in points (default: 1600×1000; a screenshot 1280×960, the default Xvfb screen).
    pub size: Option<[f32; 2]>,
    pub start: StartView,
}

/// Renders once after load + analysis (by default with the first claim selected), writes the PNG and closes the window.
struct ScreenshotRun {
    target: PathBuf,
    started: Instant,
    /// Frames drawn since the layout settled (alignment done); the capture waits for a few.
    settled_frames: usize,
    /// Frames spent waiting for alignment or scrolls to settle.
    unsettled_frames: usize,
    requested: bool,
    /// Select the first claim before capturing (nothing else was asked for: the default picture).
    auto_claim: bool,
    outcome: Arc<Mutex<Option<ScreenshotOutcome>>>,
}

impl ScreenshotRun {
    fn finish(&self, ctx: &egui::Context, outcome: ScreenshotOutcome) {
        if let Ok(mut slot) = self.outcome.lock() {
            *slot = Some(outcome);
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

struct WorkbenchApp {
    workbench: Workbench,
    screenshot: Option<ScreenshotRun>,
}

impl WorkbenchApp {
    fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(run) = &mut self.screenshot else { return };
        ctx.request_repaint();
        let wb = &mut self.workbench;
        if run.started.elapsed() > Duration::from_secs(300) {
            run.finish(ctx, ScreenshotOutcome::TimedOut);
            return;
        }
        if let Some(err) = wb.start_view_error.take() {
            run.finish(ctx, ScreenshotOutcome::Failed(anyhow::anyhow!(err)));
            return;
        }
        if !wb.state.is_loading() && wb.state.report.is_none() {
            // Nothing is loading and nothing was loaded: a refused path, a failed or cancelled load.
            let why = wb
                .state
                .messages
                .last()
                .cloned()
                .unwrap_or_else(|| "nothing was loaded".into());
            run.finish(ctx, ScreenshotOutcome::Failed(anyhow::anyhow!(why)));
            return;
        }
        if wb.state.is_loading() || wb.state.report.is_none() || wb.start_view.is_some() {
            return;
        }
        if run.auto_claim
            && wb.state.selection.claim.is_none()
            && !wb.state.index.claim_order.is_empty()
            && run.settled_frames == 0
        {
            wb.run_command(ctx, UiCommand::NextClaim);
        }
        // Alignment and scrolls settle within a few frames; a view that shows no column (the story list) never
        // settles them, so the wait is bounded.
        if (wb.state.align_pending || !wb.pending_scroll.is_empty()) && run.unsettled_frames < 60 {
            run.unsettled_frames += 1;
            return;
        }
        run.settled_frames += 1;
        if run.settled_frames == 6 && !run.requested {
            run.requested = true;
            wb.request_screenshot(ctx);
            return;
        }
        let image = wb.screenshot.lock().ok().and_then(|s| s.image.clone());
        if let (true, Some(image)) = (run.requested, image) {
            let outcome = match export::write_png(&image, &run.target) {
                Ok(()) => ScreenshotOutcome::Written {
                    path: run.target.clone(),
                    width: image.size[0],
                    height: image.size[1],
                },
                Err(err) => ScreenshotOutcome::Failed(err),
            };
            run.finish(ctx, outcome);
        }
    }
}

impl eframe::App for WorkbenchApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.workbench.workbench_ui(ui);
        self.screenshot_step(&ctx);
    }

    /// A `--screenshot` run shows the default layout: wherever the X server puts the pointer must not hover anything.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.screenshot.is_some() {
            raw_input.events.retain(|e| {
                !matches!(
                    e,
                    egui::Event::PointerMoved(_)
                        | egui::Event::MouseMoved(_)
                        | egui::Event::PointerButton { .. }
                        | egui::Event::PointerGone
                        | egui::Event::MouseWheel { .. }
                        | egui::Event::Touch { .. }
                )
            });
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            eframe::set_value(storage, SETTINGS_KEY, &self.workbench.state.settings);
        }
    }
}

/// Opens the workbench window on `paths` until the user closes it; with `options.screenshot`, renders it once to
/// that PNG and closes it, returning how that went.
pub fn run_window(paths: Vec<PathBuf>, options: WindowOptions) -> anyhow::Result<Option<ScreenshotOutcome>> {
    let WindowOptions {
        screenshot,
        size,
        mut start,
    } = options;
    let outcome = Arc::new(Mutex::new(None));
    let auto_claim = !start.selects_anything();
    let screenshot_run = screenshot.map(|target| ScreenshotRun {
        target,
        started: Instant::now(),
        settled_frames: 0,
        unsettled_frames: 0,
        requested: false,
        auto_claim,
        outcome: Arc::clone(&outcome),
    });
    let screenshot_mode = screenshot_run.is_some();
    if screenshot_mode && start.panels.is_none() {
        // The default picture: every column of the sample corpus fits beside the entities.
        start.panels = Some((false, true));
    }
    // The default screenshot fits the default Xvfb screen (1280×1024).
    let size = size.unwrap_or(if screenshot_mode {
        [1280.0, 960.0]
    } else {
        [1600.0, 1000.0]
    });
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size(size)
            .with_min_inner_size([640.0, 400.0])
            .with_title("Qarin")
            .with_drag_and_drop(true),
        persist_window: !screenshot_mode,
        ..Default::default()
    };
    let result = eframe::run_native(
        "qarin",
        options,
        Box::new(move |cc| {
            let stored: Option<Settings> = if screenshot_mode {
                None
            } else {
                cc.storage.and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            };
            let mut settings = stored.unwrap_or_default();
            if screenshot_mode {
                settings.font_size = 15.0;
            }
            if let Some(dark) = start.dark {
                // From the first frame, not only once the corpus is loaded.
                settings.dark = dark;
            }
            // No paths on the command line: reopen the last corpus (the sample corpus the first time).
            let open = if paths.is_empty() && !screenshot_mode {
                settings.last_corpus.clone().unwrap_or_default()
            } else {
                paths
            };
            let mut workbench = Workbench::new(settings);
            workbench.flags.compact = screenshot_mode;
            workbench.start_view = Some(start);
            workbench.open(&cc.egui_ctx, open);
            Ok(Box::new(WorkbenchApp {
                workbench,
                screenshot: screenshot_run,
            }))
        }),
    );
    result.map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))?;
    if !screenshot_mode {
        return Ok(None);
    }
    let taken = outcome.lock().ok().and_then(|mut slot| slot.take());
    match taken {
        Some(outcome) => Ok(Some(outcome)),
        None => anyhow::bail!("the window closed before the screenshot was taken"),
    }
}

/// Runs the real workbench for `frames` frames in a headless egui context (layout, painting, tessellation),
/// scrolling every column; returns per-frame milliseconds.
pub fn bench_frames(workbench: &mut Workbench, frames: usize) -> Vec<f64> {
    let ctx = egui::Context::default();
    let mut times = Vec::with_capacity(frames);
    for f in 0..frames {
        let raw = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0))),
            time: Some(f as f64 / 60.0),
            ..Default::default()
        };
        if f > 0 {
            for &a in &workbench.state.columns {
                workbench.pending_scroll.insert(a, ((f * 23) % 1500) as f32);
            }
        }
        let t0 = Instant::now();
        let mut output = ctx.run_ui(raw, |ui| workbench.workbench_ui(ui));
        // No GPU here: the texture uploads are dropped.
        output.textures_delta.clear();
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
        times.push(t0.elapsed().as_secs_f64() * 1e3);
    }
    times
}

/// Frame-time figures of the real workbench driven headlessly (`qarin bench-ui`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BenchFigures {
    pub frames: usize,
    pub first_frame_ms: f64,
    /// Median and 95th percentile of the frames after the first.
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_rss_mb: Option<f64>,
}

/// Loads and analyses `paths`, shows `columns` articles with the widest claim selected, and runs `frames` frames.
pub fn bench_figures(paths: Vec<PathBuf>, frames: usize, columns: usize) -> anyhow::Result<BenchFigures> {
    let progress = crate::progress::Progress::new();
    let report = match state::load_and_analyze(&paths, &progress) {
        state::LoadOutcome::Done(report) => *report,
        state::LoadOutcome::Cancelled => anyhow::bail!("loading was cancelled"),
        state::LoadOutcome::Failed(err) => anyhow::bail!(err),
    };
    anyhow::ensure!(!report.articles.is_empty(), "no article could be loaded");
    let mut workbench = Workbench::with_report(report, paths);
    let shown = columns.clamp(1, workbench.state.report.as_ref().map_or(1, |r| r.articles.len()));
    workbench.state.columns = (0..shown).collect();
    workbench.state.step_claim(true);
    let times = bench_frames(&mut workbench, frames.max(1));
    let first = times[0];
    let mut rest: Vec<f64> = times.iter().skip(1).copied().collect();
    if rest.is_empty() {
        rest.push(first);
    }
    rest.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| rest[((rest.len() - 1) as f64 * p).round() as usize];
    Ok(BenchFigures {
        frames: times.len(),
        first_frame_ms: (first * 1000.0).round() / 1000.0,
        p50_ms: (pct(0.5) * 1000.0).round() / 1000.0,
        p95_ms: (pct(0.95) * 1000.0).round() / 1000.0,
        max_rss_mb: crate::measure::peak_rss_mb().map(|m| (m * 10.0).round() / 10.0),
    })
}
