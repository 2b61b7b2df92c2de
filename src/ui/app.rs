//! The workbench: owns the state, turns commands into state changes, lays out the panels.

use super::commands::UiCommand;
use super::state::{Settings, ViewMode, WorkbenchState};
use super::{aligned, columns, dialogs, export, panels};
use egui::{Context, Ui};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What the last frame drew, per column: used to align claims, draw connector bands, and by tests.
#[derive(Debug, Clone)]
pub struct ColumnRecord {
    pub article: usize,
    /// Screen rectangle of the column's scrolled text area.
    pub viewport: egui::Rect,
    /// Mentions drawn emphasised / dimmed (entity selection).
    pub emphasised_mentions: usize,
    pub dimmed_mentions: usize,
    pub search_hits_drawn: usize,
    /// Claim members drawn: (cluster, member, screen rect), clipped to nothing.
    pub claim_rects: Vec<(usize, usize, egui::Rect)>,
    /// Distance from the top of the scrolled content to the selected claim's member in this column.
    pub selected_member_content_y: Option<f32>,
    /// Distance from the top of the scrolled content to the first search hit (when a new search asked for it).
    pub first_hit_content_y: Option<f32>,
    pub scroll_offset: f32,
    pub header_height: f32,
}

impl Default for ColumnRecord {
    fn default() -> Self {
        Self {
            article: 0,
            viewport: egui::Rect::NOTHING,
            emphasised_mentions: 0,
            dimmed_mentions: 0,
            search_hits_drawn: 0,
            claim_rects: Vec::new(),
            selected_member_content_y: None,
            first_hit_content_y: None,
            scroll_offset: 0.0,
            header_height: 0.0,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct FrameRecord {
    pub columns: Vec<ColumnRecord>,
}

impl FrameRecord {
    /// Screen rectangle of the selected cluster's member in each column that has one.
    pub fn selected_member_rects(&self, cluster: usize) -> Vec<(usize, egui::Rect)> {
        self.columns
            .iter()
            .filter_map(|c| {
                c.claim_rects
                    .iter()
                    .filter(|(cl, _, _)| *cl == cluster)
                    .map(|(_, _, r)| *r)
                    .reduce(|a, b| if a.top() <= b.top() { a } else { b })
                    .map(|r| (c.article, r))
            })
            .collect()
    }
}

/// A screenshot the user asked for: where to write it once the frame is captured.
#[derive(Default)]
pub struct ScreenshotSlot {
    pub target: Option<PathBuf>,
    pub image: Option<Arc<egui::ColorImage>>,
}

pub struct Workbench {
    pub state: WorkbenchState,
    /// Lays out and draws all article text (cosmic-text).
    pub engine: super::article_text::Engine,
    pub last_frame: FrameRecord,
    /// Scroll offsets to apply to columns on the next frame (claim alignment, bench scrolling).
    pub pending_scroll: HashMap<usize, f32>,
    pub dialogs: dialogs::Dialogs,
    pub screenshot: Arc<Mutex<ScreenshotSlot>>,
    pub focus_search: bool,
    pub open_path_text: String,
    fonts_installed: bool,
    applied_title: String,
    applied_zoom: f32,
    applied_dark: Option<bool>,
    pub show_matrix: bool,
    /// Screenshot layout: no corpus panel, narrow entity panel, so all columns fit a small screen.
    pub compact: bool,
    /// Paths to open on the first frame (the context is needed to start the job).
    pub open_on_start: Option<Vec<PathBuf>>,
    /// Ids of the text fields drawn (search, filter, path): while one has focus, arrows and Esc belong to it.
    pub text_inputs: Vec<egui::Id>,
}

impl Workbench {
    pub fn new(settings: Settings) -> Self {
        Self {
            state: WorkbenchState::new(settings),
            engine: std::cell::RefCell::new(crate::text::TextEngine::new()),
            last_frame: FrameRecord::default(),
            pending_scroll: HashMap::new(),
            dialogs: dialogs::Dialogs::default(),
            screenshot: Arc::new(Mutex::new(ScreenshotSlot::default())),
            focus_search: false,
            open_path_text: String::new(),
            fonts_installed: false,
            applied_title: String::new(),
            applied_zoom: 0.0,
            applied_dark: None,
            show_matrix: false,
            compact: false,
            open_on_start: None,
            text_inputs: Vec::new(),
        }
    }

    /// A workbench already showing `report` (tests, bench, screenshot after a synchronous load).
    pub fn with_report(report: crate::analysis::Report, paths: Vec<PathBuf>) -> Self {
        let mut wb = Self::new(Settings::default());
        wb.state.set_report(report, paths);
        wb
    }

    pub fn open(&mut self, ctx: &Context, paths: Vec<PathBuf>) {
        let ctx = ctx.clone();
        self.state.start_loading(paths, move || ctx.request_repaint());
    }

    pub fn run_command(&mut self, ctx: &Context, cmd: UiCommand) {
        let st = &mut self.state;
        match cmd {
            UiCommand::OpenFiles => self.dialogs.open_files(ctx),
            UiCommand::OpenFolder => self.dialogs.open_folder(ctx),
            UiCommand::OpenSample => self.open(ctx, Vec::new()),
            UiCommand::ExportScreenshot => self.dialogs.save(ctx, dialogs::SaveWhat::Screenshot),
            UiCommand::ExportJson => self.dialogs.save(ctx, dialogs::SaveWhat::Json),
            UiCommand::ExportCsv => self.dialogs.save(ctx, dialogs::SaveWhat::Csv),
            UiCommand::ExportHtml => self.dialogs.save(ctx, dialogs::SaveWhat::Html),
            UiCommand::NextClaim => st.step_claim(true),
            UiCommand::PreviousClaim => st.step_claim(false),
            UiCommand::Find => self.focus_search = true,
            UiCommand::ZoomIn => st.settings.zoom = (st.settings.zoom * 1.1).min(3.0),
            UiCommand::ZoomOut => st.settings.zoom = (st.settings.zoom / 1.1).max(0.5),
            UiCommand::ZoomReset => st.settings.zoom = 1.0,
            UiCommand::ClearSelection => st.clear_selection(),
            UiCommand::ToggleTheme => st.settings.dark = !st.settings.dark,
            UiCommand::ToggleAlignedView => {
                st.view = if st.view == ViewMode::Aligned {
                    ViewMode::Columns
                } else {
                    ViewMode::Aligned
                }
            }
        }
    }

    /// Writes an export to `path`; the outcome goes to the status bar.
    pub fn export_to(&mut self, ctx: &Context, what: dialogs::SaveWhat, path: PathBuf) {
        if what == dialogs::SaveWhat::Screenshot {
            if let Ok(mut slot) = self.screenshot.lock() {
                slot.target = Some(path);
            }
            self.request_screenshot(ctx);
            return;
        }
        let Some(report) = &self.state.report else {
            self.state.message("Nothing to export yet");
            return;
        };
        let result = match what {
            dialogs::SaveWhat::Json => report.save_json(&path).map_err(Into::into),
            dialogs::SaveWhat::Csv => export::write_matrix_csv(report, &path),
            dialogs::SaveWhat::Html => export::write_html(&self.state, &path),
            dialogs::SaveWhat::Screenshot => Ok(()),
        };
        match result {
            Ok(()) => self.state.message(format!("Saved {}", path.display())),
            Err(err) => self
                .state
                .message(format!("Could not save {}: {err:#}", path.display())),
        }
    }

    /// Asks the integration for the pixels of the next rendered frame; they land in `self.screenshot`.
    pub fn request_screenshot(&self, ctx: &Context) {
        if let Ok(mut slot) = self.screenshot.lock() {
            slot.image = None;
        }
        let slot = Arc::clone(&self.screenshot);
        let waker = ctx.clone();
        ctx.request_screenshot(move |image| {
            if let Ok(mut slot) = slot.lock() {
                slot.image = Some(image);
            }
            waker.request_repaint();
        });
        ctx.request_repaint();
    }

    fn apply_context_settings(&mut self, ctx: &Context) {
        if !self.fonts_installed {
            install_fonts(ctx);
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            self.fonts_installed = true;
        }
        let st = &self.state.settings;
        if self.applied_dark != Some(st.dark) {
            ctx.set_visuals(if st.dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            });
            self.applied_dark = Some(st.dark);
        }
        if (self.applied_zoom - st.zoom).abs() > f32::EPSILON {
            ctx.set_zoom_factor(st.zoom);
            self.applied_zoom = st.zoom;
        }
        let title = self.state.title();
        if title != self.applied_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.applied_title = title;
        }
    }

    fn handle_input(&mut self, ctx: &Context) {
        let focused = ctx.memory(|m| m.focused());
        let typing = focused.is_some_and(|id| self.text_inputs.contains(&id));
        for cmd in UiCommand::from_shortcuts(ctx, typing) {
            self.run_command(ctx, cmd);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        if !dropped.is_empty() {
            self.open(ctx, dropped);
        }
        // A captured screenshot waiting to be written where the user chose.
        let captured = self
            .screenshot
            .lock()
            .ok()
            .and_then(|mut s| match (&s.image, &s.target) {
                (Some(image), Some(_)) => {
                    let image = Arc::clone(image);
                    s.target.take().map(|path| (image, path))
                }
                _ => None,
            });
        if let Some((image, path)) = captured {
            {
                match export::write_png(&image, &path) {
                    Ok(()) => self.state.message(format!("Saved {}", path.display())),
                    Err(err) => self
                        .state
                        .message(format!("Could not save {}: {err:#}", path.display())),
                }
            }
        }
        for event in self.dialogs.poll() {
            match event {
                dialogs::DialogEvent::Open(paths) => self.open(ctx, paths),
                dialogs::DialogEvent::Save(what, path) => self.export_to(ctx, what, path),
                dialogs::DialogEvent::Message(msg) => self.state.message(msg),
            }
        }
    }

    /// The whole workbench inside `ui` (the root ui of a window, a test harness or the bench).
    pub fn workbench_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.apply_context_settings(&ctx);
        if let Some(paths) = self.open_on_start.take() {
            self.open(&ctx, paths);
        }
        self.state.poll_job();
        self.handle_input(&ctx);
        self.text_inputs.clear();
        if self.state.is_loading() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }

        egui::Panel::top("top-bar").show(ui, |ui| panels::top_bar_ui(self, ui));
        egui::Panel::bottom("status-bar").show(ui, |ui| panels::status_bar_ui(self, ui));
        if self.state.report.is_some() {
            if !self.compact {
                egui::Panel::left("corpus-panel")
                    .resizable(true)
                    .default_size(260.0)
                    .show(ui, |ui| panels::corpus_and_claims_ui(self, ui));
            }
            egui::Panel::right("entities-panel")
                .resizable(true)
                .default_size(if self.compact { 190.0 } else { 270.0 })
                .show(ui, |ui| panels::entities_ui(self, ui));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if self.state.report.is_none() {
                panels::welcome_ui(self, ui);
            } else if self.state.view == ViewMode::Aligned {
                aligned::aligned_view_ui(self, ui);
            } else {
                columns::columns_ui(self, ui);
            }
        });
        let hovering_files = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering_files {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("qarin-drop-overlay"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop files or folders to open them",
                egui::FontId::proportional(28.0),
                egui::Color32::WHITE,
            );
        }
    }
}

/// Adds the bundled Arabic faces after egui's defaults so Arabic in panels renders.
pub fn install_fonts(ctx: &Context) {
    let mut fonts = egui::FontDefinitions::default();
    for (name, bytes) in [
        (
            "NotoSansArabic",
            &include_bytes!("../../fonts/NotoSansArabic-Regular.ttf")[..],
        ),
        (
            "NotoNaskhArabic",
            &include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf")[..],
        ),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(egui::FontData::from_static(bytes)));
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts.families.entry(family).or_default().push(name.to_owned());
        }
    }
    ctx.set_fonts(fonts);
}
