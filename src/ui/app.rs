//! The workbench: owns the state, lays out the views, and applies the commands they emit (the one place where
//! a user action changes the workbench).

use super::columns::FrameRecord;
use super::commands::UiCommand;
use super::context::{ViewCtx, ViewFlags};
use super::panels::{claims, corpus, entities, help, status_bar, stories, top_bar, welcome};
use super::state::{Settings, StartView, ViewMode, WorkbenchState};
use super::{aligned, columns, dialogs, export};
use egui::{Context, Ui};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

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
    /// View toggles (compact layout, matrix), the path being typed, a pending search focus.
    pub flags: ViewFlags,
    /// Commands emitted by the views, applied after each panel is drawn.
    commands: Vec<UiCommand>,
    fonts_installed: bool,
    applied_title: String,
    applied_zoom: f32,
    applied_dark: Option<bool>,
    /// Paths to open on the first frame (the context is needed to start the job).
    pub open_on_start: Option<Vec<PathBuf>>,
    /// Ids of the text fields drawn (search, filter, path): while one has focus, arrows and Esc belong to it.
    pub text_inputs: Vec<egui::Id>,
    /// How to show the corpus once it is loaded (command-line options); taken on the first report.
    pub start_view: Option<StartView>,
    /// Why `start_view` could not be applied (a `--screenshot` run fails with it).
    pub start_view_error: Option<String>,
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
            flags: ViewFlags::default(),
            commands: Vec::new(),
            fonts_installed: false,
            applied_title: String::new(),
            applied_zoom: 0.0,
            applied_dark: None,
            open_on_start: None,
            text_inputs: Vec::new(),
            start_view: None,
            start_view_error: None,
        }
    }

    /// A workbench already showing `report` (tests, bench, screenshot after a synchronous load).
    pub fn with_report(report: crate::analysis::Report, paths: Vec<PathBuf>) -> Self {
        let mut wb = Self::new(Settings::default());
        wb.state.set_report(report, paths);
        wb
    }

    /// Loads `paths` (none: the sample corpus) in the background. A path that does not exist is refused at once
    /// with a message, and the corpus shown stays.
    pub fn open(&mut self, ctx: &Context, paths: Vec<PathBuf>) {
        let missing: Vec<String> = paths
            .iter()
            .filter(|p| !p.exists())
            .map(|p| p.display().to_string())
            .collect();
        if !missing.is_empty() {
            let stays = if self.state.report.is_some() {
                "; the current corpus stays"
            } else {
                ""
            };
            self.state.message(format!(
                "Cannot open {}: no such file or folder{stays}",
                missing.join(", ")
            ));
            return;
        }
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
            UiCommand::Find => self.flags.focus_search = true,
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
            UiCommand::Help => self.flags.show_help = true,
            UiCommand::ShowHelp(show) => self.flags.show_help = show,
            UiCommand::ShowProblems(show) => self.flags.show_problems = show,
            UiCommand::ToggleCorpusPanel => st.settings.show_corpus_panel = !st.settings.show_corpus_panel,
            UiCommand::ToggleEntitiesPanel => st.settings.show_entities_panel = !st.settings.show_entities_panel,
            UiCommand::SetExportDir(dir) => {
                st.settings.export_dir = (!dir.trim().is_empty()).then(|| PathBuf::from(dir.trim()));
                self.flags.export_dir = dir;
            }
            UiCommand::OpenPaths(paths) => self.open(ctx, paths),
            UiCommand::SetOpenPath(text) => self.flags.open_path = text,
            UiCommand::SetQuery(query) => {
                st.selection.query = query;
                st.refresh_search();
            }
            UiCommand::SetEntityFilter(filter) => st.entity_filter = filter,
            UiCommand::ToggleEntity(e) => {
                let again = st.selection.entity == Some(e);
                st.selection.entity = if again { None } else { Some(e) };
            }
            UiCommand::ToggleClaim(c) => {
                let again = st.selection.claim == Some(c);
                st.select_claim(if again { None } else { Some(c) });
            }
            UiCommand::SelectClaim(c) => st.select_claim(Some(c)),
            UiCommand::ToggleColumn(a) => st.toggle_column(a),
            UiCommand::MoveColumn { article, towards_start } => st.move_column(article, towards_start),
            UiCommand::ToggleSegment { article, segment } => {
                if !st.expanded.remove(&(article, segment)) {
                    st.expanded.insert((article, segment));
                }
            }
            UiCommand::SetView(view) => st.view = view,
            UiCommand::SetMatrixSort(sort) => st.matrix_sort = sort,
            UiCommand::ShowMatrix(show) => self.flags.show_matrix = show,
            UiCommand::AlignedOnlyBase(only) => st.aligned_only_base = only,
            UiCommand::SetAlignedBase(article) => st.aligned_base = Some(article),
            UiCommand::SetColumnWidth(width) => st.settings.column_width = width,
            UiCommand::SetColumnOrder(order) => st.settings.column_order = order,
            UiCommand::SetFontSize(size) => st.settings.font_size = size,
            UiCommand::CancelLoading => {
                if let Some(job) = &st.job {
                    job.cancel();
                }
            }
            UiCommand::ScrollColumn { article, offset } => {
                self.pending_scroll.insert(article, offset);
            }
            UiCommand::ScrollTaken(article) => {
                self.pending_scroll.remove(&article);
            }
            UiCommand::ClaimAligned => st.align_pending = false,
            UiCommand::SearchScrolled => st.search_scroll_pending = false,
            UiCommand::StepSearchHit(forward) => st.pending_hit_step += if forward { 1 } else { -1 },
            UiCommand::SearchHitStepped => st.pending_hit_step = 0,
            UiCommand::OpenStory(story) => st.open_story(story),
            UiCommand::ShowStories => st.show_story_list(),
            UiCommand::ExportStoriesCsv => self.dialogs.save(ctx, dialogs::SaveWhat::StoriesCsv),
            UiCommand::ToggleSentence { article, sentence } => st.toggle_sentence(article, sentence),
            UiCommand::SimilarScrolled => st.similar_scroll_pending = false,
        }
    }

    /// Applies the commands the views emitted, in order; the next frame shows their effect.
    fn apply_commands(&mut self, ctx: &Context) {
        if self.commands.is_empty() {
            return;
        }
        for cmd in std::mem::take(&mut self.commands) {
            self.run_command(ctx, cmd);
        }
        ctx.request_repaint();
    }

    /// What a view draws with: the state, the text engine, the flags, and the command queue.
    fn view_ctx(&mut self) -> ViewCtx<'_> {
        ViewCtx::new(
            &self.state,
            &self.engine,
            &self.flags,
            &mut self.commands,
            &mut self.text_inputs,
        )
    }

    /// Writes an export to `path`; the outcome goes to the status bar.
    pub fn export_to(&mut self, ctx: &Context, what: dialogs::SaveWhat, path: PathBuf) {
        // An export never replaces an input file (a typed path or a dialog can point at one).
        let inputs: Vec<&std::path::Path> = self.state.corpus_paths.iter().map(PathBuf::as_path).collect();
        if let Err(err) = crate::corpus::output::check_output(&path, &inputs) {
            self.state.message(format!("Not saved: {err:#}"));
            return;
        }
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
            dialogs::SaveWhat::StoriesCsv => crate::analysis::stories::outlet_story_csv(report)
                .map_err(anyhow::Error::from)
                .and_then(|bytes| std::fs::write(&path, bytes).map_err(Into::into)),
            dialogs::SaveWhat::Screenshot => Ok(()),
        };
        match result {
            Ok(()) => self.state.message(format!("Saved {}", path.display())),
            Err(err) => self
                .state
                .message(format!("Could not save {}: {err:#}", path.display())),
        }
    }

    /// The folder exports go to without a file dialog: the one typed in the Export menu, else the default.
    pub fn export_dir(&self) -> PathBuf {
        self.state
            .settings
            .export_dir
            .clone()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or_else(|| {
                dialogs::default_export_dir(|name: &str| std::env::var_os(name), &self.state.corpus_paths)
            })
    }

    /// Saves `what` into the export folder under an unused name and says where (no dialog service answered).
    pub fn save_without_dialog(&mut self, ctx: &Context, what: dialogs::SaveWhat) {
        let dir = self.export_dir();
        if let Err(err) = std::fs::create_dir_all(&dir) {
            self.state.message(format!(
                "No file dialog is available and the export folder {} cannot be made ({err}); type another folder \
                 in the Export menu",
                dir.display()
            ));
            return;
        }
        let path = dialogs::unused_path(&dir, what.default_name());
        self.state.message(format!(
            "No file dialog is available: saving to {} (folder set in the Export menu)",
            path.display()
        ));
        self.export_to(ctx, what, path);
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
            ctx.set_visuals(themed_visuals(st.dark));
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
                dialogs::DialogEvent::SaveWithoutDialog(what) => self.save_without_dialog(ctx, what),
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
        if self.state.report.is_some()
            && !self.state.is_loading()
            && let Some(start) = self.start_view.take()
            && let Err(err) = self.state.apply_start_view(&start)
        {
            self.state.message(err.clone());
            self.start_view_error = Some(err);
        }
        self.handle_input(&ctx);
        self.text_inputs.clear();
        if ctx.cumulative_frame_nr().is_multiple_of(30) || self.flags.export_dir.is_empty() {
            // Shown in the Export menu; a few file-system checks, so not every frame.
            self.flags.export_dir = self.export_dir().display().to_string();
        }
        if self.state.is_loading() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }

        egui::Panel::top("top-bar").show(ui, |ui| top_bar::top_bar_ui(&mut self.view_ctx(), ui));
        self.flags.focus_search = false;
        self.apply_commands(&ctx);
        egui::Panel::bottom("status-bar").show(ui, |ui| status_bar::status_bar_ui(&mut self.view_ctx(), ui));
        self.apply_commands(&ctx);
        if self.state.report.is_some() {
            if self.state.settings.show_corpus_panel {
                egui::Panel::left("corpus-panel")
                    .resizable(true)
                    .default_size(260.0)
                    .show(ui, |ui| {
                        let mut view = self.view_ctx();
                        corpus::corpus_ui(&mut view, ui);
                        ui.separator();
                        claims::claims_ui(&mut view, ui);
                    });
                self.apply_commands(&ctx);
            }
            if self.state.settings.show_entities_panel {
                egui::Panel::right("entities-panel")
                    .resizable(true)
                    .default_size(if self.flags.compact { 190.0 } else { 270.0 })
                    .show(ui, |ui| entities::entities_ui(&mut self.view_ctx(), ui));
                self.apply_commands(&ctx);
            }
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if self.state.report.is_none() {
                welcome::welcome_ui(&mut self.view_ctx(), ui);
            } else if self.state.report.as_ref().is_some_and(|r| r.articles.is_empty()) {
                welcome::nothing_loaded_ui(&mut self.view_ctx(), ui);
            } else if self.state.story_list {
                stories::story_list_ui(&mut self.view_ctx(), ui);
            } else if self.state.view == ViewMode::Aligned {
                aligned::aligned_view_ui(&mut self.view_ctx(), ui);
            } else if self.state.view == ViewMode::Stories {
                stories::story_list_ui(&mut self.view_ctx(), ui);
            } else {
                if self.state.story.is_some() {
                    stories::story_bar_ui(&mut self.view_ctx(), ui);
                }
                let mut view = ViewCtx::new(
                    &self.state,
                    &self.engine,
                    &self.flags,
                    &mut self.commands,
                    &mut self.text_inputs,
                );
                self.last_frame = columns::columns_ui(&mut view, ui, &self.last_frame, &self.pending_scroll);
            }
        });
        self.apply_commands(&ctx);
        help::windows_ui(&mut self.view_ctx(), &ctx);
        self.apply_commands(&ctx);
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

/// egui's visuals for the theme with the palette's text colour: article text and entity names pass WCAG AA on
/// every highlight (`palette` checks each background against it).
pub fn themed_visuals(dark: bool) -> egui::Visuals {
    let mut visuals = if dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    };
    visuals.widgets.noninteractive.fg_stroke.color = super::palette::text_colour(dark);
    visuals.panel_fill = super::palette::panel_colour(dark);
    visuals
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
