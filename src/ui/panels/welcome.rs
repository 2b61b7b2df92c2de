//! What the central area shows before a corpus is loaded.

use crate::ui::commands::UiCommand;
use crate::ui::context::ViewCtx;
use egui::Ui;

pub fn welcome_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui) {
    ui.vertical_centered(|ui| {
        ui.add_space(80.0);
        ui.heading("Qarin — compare how articles tell the same story");
        ui.add_space(12.0);
        if ctx.state.is_loading() {
            ui.spinner();
            ui.label("Loading and analysing…");
        } else {
            ui.label("Open files or a folder of articles, drop them here, or start with the sample corpus.");
            for cmd in [UiCommand::OpenFolder, UiCommand::OpenSample] {
                if ui.button(cmd.label()).clicked() {
                    ctx.emit(cmd);
                }
            }
        }
    });
}

/// The central area when a corpus was read but no article could be loaded from it: says so, lists why.
pub fn nothing_loaded_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui) {
    ui.vertical_centered(|ui| {
        ui.add_space(60.0);
        ui.heading("Nothing could be loaded");
        ui.label("No article could be read from these files or folders. What went wrong:");
    });
    ui.add_space(8.0);
    egui::ScrollArea::vertical()
        .id_salt("nothing-loaded")
        .max_height(ui.available_height() - 60.0)
        .show(ui, |ui| {
            crate::ui::widgets::problems_ui(ctx.state, ui);
        });
    ui.horizontal(|ui| {
        for cmd in [UiCommand::OpenFiles, UiCommand::OpenFolder, UiCommand::OpenSample] {
            if ui.button(cmd.label()).on_hover_text(cmd.tooltip()).clicked() {
                ctx.emit(cmd);
            }
        }
    });
}
