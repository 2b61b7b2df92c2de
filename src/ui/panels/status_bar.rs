//! The status bar: loading progress (with Cancel), the latest message, corpus figures.

use crate::ui::commands::UiCommand;
use crate::ui::context::ViewCtx;
use egui::Ui;

pub fn status_bar_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui) {
    let state = ctx.state;
    ui.horizontal(|ui| {
        if let Some(job) = &state.job {
            let (stage, done, total) = job.progress.snapshot();
            let text = if total > 0 {
                format!("{stage} {done}/{total}")
            } else {
                format!("{stage}…")
            };
            let stage_text = if stage.is_empty() {
                "loading…".to_string()
            } else {
                text
            };
            ui.add(
                egui::ProgressBar::new(job.progress.fraction())
                    .desired_width(240.0)
                    .text(stage_text)
                    .animate(true),
            );
            let cancel = UiCommand::CancelLoading;
            if ui.button(cancel.label()).on_hover_text(cancel.tooltip()).clicked() {
                ctx.emit(cancel);
            }
        }
        if let Some(msg) = state.messages.last() {
            ui.label(msg);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(r) = &state.report {
                ui.label(format!(
                    "{} articles · {} entities · {} claims · {} problems",
                    r.articles.len(),
                    r.entities.len(),
                    r.claims.len(),
                    r.diagnostics.len()
                ));
            }
        });
    });
}
