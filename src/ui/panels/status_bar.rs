//! The status bar: loading progress (with Cancel), the latest message, corpus figures; the problem count opens the
//! Problems window. The figures are laid out first, at the right, and the message gets what is left (shortened,
//! whole on hover), so the two never overlap.

use crate::ui::commands::UiCommand;
use crate::ui::context::ViewCtx;
use egui::{RichText, Ui};

pub fn status_bar_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui) {
    let state = ctx.state;
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if let Some(r) = &state.report {
            let problems = r.diagnostics.len();
            let cmd = UiCommand::ShowProblems(!ctx.show_problems);
            let text = RichText::new(format!("{problems} problems"));
            let text = if problems > 0 {
                text.color(ui.visuals().warn_fg_color)
            } else {
                text
            };
            if ui.button(text).on_hover_text(cmd.tooltip()).clicked() {
                ctx.emit(cmd);
            }
            ui.label(format!(
                "{} articles · {} entities · {} claims ·",
                r.articles.len(),
                r.entities.len(),
                r.claims.len(),
            ));
            ui.separator();
        }
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            if let Some(job) = &state.job {
                let (stage, done, total) = job.progress.snapshot();
                let stage_text = if stage.is_empty() {
                    "loading…".to_string()
                } else if total > 0 {
                    format!("{stage} {done}/{total}")
                } else {
                    format!("{stage}…")
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
                ui.add(egui::Label::new(msg.as_str()).truncate())
                    .on_hover_text(msg.as_str());
            }
        });
    });
}
