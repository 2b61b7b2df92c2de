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
