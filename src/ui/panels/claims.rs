//! The claims list: one card per claim cluster, most widely shared first; a click selects (or clears) it.

use crate::ui::commands::UiCommand;
use crate::ui::context::ViewCtx;
use crate::ui::widgets::{claim_kind_name, row_clicked, rtl_line_ui};
use egui::{RichText, Ui};

pub fn claims_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui) {
    let state = ctx.state;
    let Some(report) = state.report.as_ref() else { return };
    ui.horizontal(|ui| {
        ui.heading(format!("Claims ({})", report.claims.len()));
    });
    if report.claims.is_empty() {
        ui.label(RichText::new("No claim is shared by two or more articles.").weak());
        return;
    }
    let width = ui.available_width();
    egui::ScrollArea::vertical().id_salt("claims-list").show(ui, |ui| {
        for &c in state.index.claim_order.iter().filter(|&&c| state.claim_in_view(c)) {
            let cluster = &report.claims[c];
            let selected = state.selection.claim == Some(c);
            let colour = state.claim_colour(c);
            let frame = egui::Frame::group(ui.style()).stroke(if selected {
                egui::Stroke::new(2.0, colour)
            } else {
                ui.visuals().widgets.noninteractive.bg_stroke
            });
            let mut text_clicked = false;
            let inner = frame.show(ui, |ui| {
                ui.set_width(width - 16.0);
                ui.horizontal(|ui| {
                    let (r, _) = ui.allocate_exact_size(egui::vec2(10.0, 14.0), egui::Sense::hover());
                    ui.painter().rect_filled(r, 2.0, colour);
                    ui.label(RichText::new(format!("{} articles", state.index.claim_article_counts[c])).strong());
                    ui.label(RichText::new(claim_kind_name(cluster.kind)).small().weak());
                    if !cluster.differences.is_empty() {
                        let whats: Vec<&str> = cluster.differences.iter().map(|d| d.what.as_str()).collect();
                        ui.label(
                            RichText::new(format!("≠ {}", whats.join(", ")))
                                .color(ui.visuals().warn_fg_color)
                                .strong(),
                        )
                        .on_hover_text("The members disagree on these details");
                    }
                });
                if let Some(first) = cluster.members.first() {
                    let text: String = first.text.chars().take(110).collect();
                    text_clicked =
                        rtl_line_ui(ui, ctx.engine, &text, 13.0, ui.visuals().text_color(), width - 24.0).clicked();
                }
            });
            let response = inner.response.interact(egui::Sense::click());
            let clicked_here = row_clicked(ui, &response) || text_clicked;
            let label = format!(
                "Claim {} shared by {} articles",
                cluster.id, state.index.claim_article_counts[c]
            );
            response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
            if clicked_here {
                ctx.emit(UiCommand::ToggleClaim(c));
            }
            if selected && state.align_pending {
                response.scroll_to_me(Some(egui::Align::Center));
            }
        }
    });
}
