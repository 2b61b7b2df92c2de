//! The top bar: menus, open buttons and path field, search, view switch, zoom and theme.

use crate::ui::commands::UiCommand;
use crate::ui::context::ViewCtx;
use crate::ui::state::ViewMode;
use crate::ui::widgets::{command_button, text_field_ui};
use egui::Ui;

/// A button showing `text` that emits `cmd`, with the command's tooltip.
fn bar_button(ctx: &mut ViewCtx<'_>, ui: &mut Ui, text: &str, cmd: UiCommand) {
    if ui.button(text).on_hover_text(cmd.tooltip()).clicked() {
        ctx.emit(cmd);
    }
}

/// A toggle showing whether a side panel is shown; a click (or its shortcut) shows or hides it.
fn panel_toggle(ctx: &mut ViewCtx<'_>, ui: &mut Ui, shown: bool, cmd: UiCommand) {
    let shortcut = cmd.shortcut().map(|s| ui.ctx().format_shortcut(&s)).unwrap_or_default();
    let response = ui
        .selectable_label(shown, cmd.label())
        .on_hover_text(format!("{} ({shortcut})", cmd.tooltip()));
    if response.clicked() {
        ctx.emit(cmd);
    }
}

pub fn top_bar_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui) {
    let state = ctx.state;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            command_button(ctx, ui, UiCommand::OpenFiles);
            command_button(ctx, ui, UiCommand::OpenFolder);
            command_button(ctx, ui, UiCommand::OpenSample);
            ui.menu_button("Recent corpora", |ui| {
                let recent = &state.settings.recent;
                if recent.is_empty() {
                    ui.label("(none yet)");
                }
                for paths in recent {
                    let label = paths
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ");
                    if ui.button(label).clicked() {
                        ctx.emit(UiCommand::OpenPaths(paths.clone()));
                        ui.close();
                    }
                }
            });
        });
        ui.menu_button("Export", |ui| {
            command_button(ctx, ui, UiCommand::ExportScreenshot);
            command_button(ctx, ui, UiCommand::ExportJson);
            command_button(ctx, ui, UiCommand::ExportCsv);
            command_button(ctx, ui, UiCommand::ExportHtml);
            ui.separator();
            let set_dir = UiCommand::SetExportDir(String::new());
            ui.label("Without a file dialog, exports are saved in:")
                .on_hover_text(set_dir.tooltip());
            let export_dir = ctx.export_dir;
            let (field, dir) = text_field_ui(ctx, ui, export_dir, "folder…", 320.0, set_dir.label());
            if field.changed() {
                ctx.emit(UiCommand::SetExportDir(dir));
            }
        });
        ui.menu_button("View", |ui| {
            command_button(ctx, ui, UiCommand::ToggleAlignedView);
            command_button(ctx, ui, UiCommand::NextClaim);
            command_button(ctx, ui, UiCommand::PreviousClaim);
            command_button(ctx, ui, UiCommand::ClearSelection);
            ui.separator();
            command_button(ctx, ui, UiCommand::ToggleCorpusPanel);
            command_button(ctx, ui, UiCommand::ToggleEntitiesPanel);
            ui.separator();
            command_button(ctx, ui, UiCommand::ZoomIn);
            command_button(ctx, ui, UiCommand::ZoomOut);
            command_button(ctx, ui, UiCommand::ZoomReset);
            command_button(ctx, ui, UiCommand::ToggleTheme);
            ui.separator();
            let mut column_width = state.settings.column_width;
            if ui
                .add(egui::Slider::new(&mut column_width, 160.0..=700.0).text("minimum column width"))
                .changed()
            {
                ctx.emit(UiCommand::SetColumnWidth(column_width));
            }
            let mut font_size = state.settings.font_size;
            if ui
                .add(egui::Slider::new(&mut font_size, 12.0..=28.0).text("text size"))
                .changed()
            {
                ctx.emit(UiCommand::SetFontSize(font_size));
            }
        });
        ui.menu_button("Help", |ui| {
            command_button(ctx, ui, UiCommand::Help);
            let problems = UiCommand::ShowProblems(true);
            if ui.button(problems.label()).on_hover_text(problems.tooltip()).clicked() {
                ctx.emit(problems);
                ui.close();
            }
        });
        ui.separator();
        bar_button(ctx, ui, "Open…", UiCommand::OpenFiles);
        bar_button(ctx, ui, "Folder…", UiCommand::OpenFolder);
        let open_path = ctx.open_path;
        let (path_edit, open_path) = text_field_ui(ctx, ui, open_path, "path to open…", 140.0, "Path to open");
        if path_edit.changed() {
            ctx.emit(UiCommand::SetOpenPath(open_path.clone()));
        }
        if path_edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) && !open_path.trim().is_empty() {
            ctx.emit(UiCommand::OpenPaths(vec![std::path::PathBuf::from(open_path.trim())]));
        }
        ui.separator();
        let (search, query) = text_field_ui(
            ctx,
            ui,
            &state.selection.query,
            "Find (Ctrl+F)",
            180.0,
            "Find in articles",
        );
        if ctx.focus_search {
            search.request_focus();
        }
        if search.changed() {
            ctx.emit(UiCommand::SetQuery(query));
        }
        // Enter / Shift+Enter: the next / previous hit, as in a browser's find bar; the field keeps the focus.
        if search.lost_focus()
            && ui.input(|i| i.key_pressed(egui::Key::Enter))
            && !state.selection.query.trim().is_empty()
        {
            let back = ui.input(|i| i.modifiers.shift);
            ctx.emit(UiCommand::StepSearchHit(!back));
            search.request_focus();
        }
        if !state.selection.query.trim().is_empty() {
            ui.label(format!("{} hits", state.search_hit_count()));
        }
        ui.separator();
        let aligned = state.view == ViewMode::Aligned;
        for (selected, view) in [(!aligned, ViewMode::Columns), (aligned, ViewMode::Aligned)] {
            let cmd = UiCommand::SetView(view);
            if ui
                .selectable_label(selected, cmd.label())
                .on_hover_text(cmd.tooltip())
                .clicked()
            {
                ctx.emit(cmd);
            }
        }
        ui.separator();
        panel_toggle(ctx, ui, state.settings.show_corpus_panel, UiCommand::ToggleCorpusPanel);
        panel_toggle(
            ctx,
            ui,
            state.settings.show_entities_panel,
            UiCommand::ToggleEntitiesPanel,
        );
        ui.separator();
        bar_button(ctx, ui, "-", UiCommand::ZoomOut);
        ui.label(format!("{:.0}%", state.settings.zoom * 100.0));
        bar_button(ctx, ui, "+", UiCommand::ZoomIn);
        let theme = if state.settings.dark {
            "Light theme"
        } else {
            "Dark theme"
        };
        bar_button(ctx, ui, theme, UiCommand::ToggleTheme);
    });
}
