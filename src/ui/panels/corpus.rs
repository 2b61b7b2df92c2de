//! The corpus panel: one card per article (shown as a column or not, its place among the columns), then problems.

use crate::ui::commands::UiCommand;
use crate::ui::context::ViewCtx;
use crate::ui::state::severity_name;
use crate::ui::widgets::rtl_line_ui;
use egui::{RichText, Ui};

pub fn corpus_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui) {
    let state = ctx.state;
    let Some(report) = state.report.as_ref() else { return };
    let width = ui.available_width();
    let max_h = ui.available_height();
    ui.heading("Corpus");
    egui::ScrollArea::vertical()
        .id_salt("corpus-list")
        .max_height(max_h * 0.45)
        .show(ui, |ui| {
            for (a, article) in report.articles.iter().enumerate() {
                let shown_at = state.columns.iter().position(|&c| c == a);
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(width - 16.0);
                    ui.horizontal(|ui| {
                        let mut shown = shown_at.is_some();
                        let label = format!("Show {} as a column", article.id);
                        let cb = ui.checkbox(&mut shown, "");
                        cb.widget_info(|| egui::WidgetInfo::labeled(egui::Role::CheckBox, true, &label));
                        if cb.changed() {
                            ctx.emit(UiCommand::ToggleColumn(a));
                        }
                        if let Some(pos) = shown_at {
                            ui.label(RichText::new(format!("#{}", pos + 1)).strong());
                            for towards_start in [true, false] {
                                let cmd = UiCommand::MoveColumn {
                                    article: a,
                                    towards_start,
                                };
                                if ui.small_button(cmd.label()).on_hover_text(cmd.tooltip()).clicked() {
                                    ctx.emit(cmd);
                                }
                            }
                        }
                        ui.label(RichText::new(&article.id).monospace().weak());
                    });
                    rtl_line_ui(
                        ui,
                        ctx.engine,
                        &article.title,
                        14.0,
                        ui.visuals().strong_text_color(),
                        width - 24.0,
                    );
                    let entities = state
                        .index
                        .mention_counts
                        .iter()
                        .filter(|c| c.get(a).copied().unwrap_or(0) > 0)
                        .count();
                    ui.label(
                        RichText::new(format!(
                            "{} · {} · {entities} entities · {} claims",
                            article.source.as_deref().unwrap_or("unknown source"),
                            article
                                .date
                                .as_deref()
                                .map_or_else(|| "no date".to_string(), crate::ui::widgets::display_date),
                            state.index.claim_counts.get(a).copied().unwrap_or(0)
                        ))
                        .small(),
                    );
                });
            }
            let diagnostics = state.diagnostics();
            if !diagnostics.is_empty() {
                ui.separator();
                ui.label(RichText::new(format!("Problems ({})", diagnostics.len())).strong());
                for d in diagnostics {
                    let colour = match d.severity {
                        crate::corpus::Severity::Error => ui.visuals().error_fg_color,
                        crate::corpus::Severity::Warning => ui.visuals().warn_fg_color,
                        crate::corpus::Severity::Info => ui.visuals().weak_text_color(),
                    };
                    let file = std::path::Path::new(&d.path)
                        .file_name()
                        .map(|f| f.to_string_lossy().to_string())
                        .unwrap_or_else(|| d.path.clone());
                    ui.label(
                        RichText::new(format!("{} {}: {}", severity_name(d.severity), file, d.message)).color(colour),
                    )
                    .on_hover_text(&d.path);
                }
            }
        });
}
