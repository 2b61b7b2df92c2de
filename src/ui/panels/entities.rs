//! The entities panel: filter, sort, and either the list by kind or the entity × article matrix.

use crate::analysis::EntityKind;
use crate::ui::commands::UiCommand;
use crate::ui::context::ViewCtx;
use crate::ui::state::{MatrixSort, kind_name};
use crate::ui::widgets::{entity_tooltip_ui, row_clicked, rtl_line_ui, text_field_ui};
use egui::{RichText, Ui};

pub fn entities_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui) {
    let state = ctx.state;
    let Some(report) = state.report.as_ref() else { return };
    ui.horizontal(|ui| {
        ui.heading(format!("Entities ({})", report.entities.len()));
    });
    ui.horizontal(|ui| {
        let (filter, filter_text) = text_field_ui(ctx, ui, &state.entity_filter, "filter…", 120.0, "Filter entities");
        if filter.changed() {
            ctx.emit(UiCommand::SetEntityFilter(filter_text));
        }
        let mut show_matrix = ctx.show_matrix;
        let matrix = UiCommand::ShowMatrix(show_matrix);
        if ui
            .toggle_value(&mut show_matrix, matrix.label())
            .on_hover_text(matrix.tooltip())
            .changed()
        {
            ctx.emit(UiCommand::ShowMatrix(show_matrix));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Sort:");
        let mut sort = state.matrix_sort;
        ui.selectable_value(&mut sort, MatrixSort::Articles, "by articles");
        ui.selectable_value(&mut sort, MatrixSort::Kind, "by kind");
        ui.selectable_value(&mut sort, MatrixSort::Label, "by name");
        if sort != state.matrix_sort {
            ctx.emit(UiCommand::SetMatrixSort(sort));
        }
    });
    let order = state.entities_in_order();
    let width = ui.available_width();
    egui::ScrollArea::both().id_salt("entities-list").show(ui, |ui| {
        if ctx.show_matrix {
            matrix_ui(ctx, ui, &order);
            return;
        }
        let kinds = [
            EntityKind::Person,
            EntityKind::Org,
            EntityKind::Place,
            EntityKind::Date,
            EntityKind::Other,
        ];
        for kind in kinds {
            let of_kind: Vec<usize> = order
                .iter()
                .copied()
                .filter(|&e| report.entities[e].kind == kind)
                .collect();
            if of_kind.is_empty() {
                continue;
            }
            egui::CollapsingHeader::new(format!("{} ({})", kind_name(kind), of_kind.len()))
                .id_salt(("kind", kind as u8))
                .default_open(true)
                .show(ui, |ui| {
                    for e in of_kind {
                        entity_row_ui(ctx, ui, e, width);
                    }
                });
        }
    });
}

/// One entity of the list: colour, number of articles, label, other spellings below.
fn entity_row_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui, e: usize, width: f32) {
    let state = ctx.state;
    let Some(entity) = state.report.as_ref().and_then(|r| r.entities.get(e)) else {
        return;
    };
    let selected = state.selection.entity == Some(e);
    let colour = state.entity_colour(e);
    let row = ui.horizontal(|ui| {
        let (r, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter().rect_filled(r, 2.0, colour);
        ui.label(RichText::new(format!("{}", entity.articles.len())).strong())
            .on_hover_text("articles mentioning it");
        let text_colour = if selected {
            ui.visuals().strong_text_color()
        } else {
            ui.visuals().text_color()
        };
        rtl_line_ui(
            ui,
            ctx.engine,
            &entity.label,
            15.0,
            text_colour,
            (width - 70.0).max(60.0),
        )
    });
    let response = row.response.interact(egui::Sense::click());
    if selected {
        ui.painter().rect_stroke(
            row.response.rect.expand(1.0),
            3.0,
            egui::Stroke::new(1.5, ui.visuals().selection.stroke.color),
            egui::StrokeKind::Outside,
        );
    }
    let label = format!("Entity {}", entity.label);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    let response = response.on_hover_ui(|ui| entity_tooltip_ui(state, ctx.engine, ui, e));
    if row_clicked(ui, &response) || row.inner.clicked() {
        ctx.emit(UiCommand::ToggleEntity(e));
    }
    // Other spellings under the label (the label is the most common one).
    let others: Vec<&str> = entity
        .variants
        .iter()
        .map(String::as_str)
        .filter(|v| *v != entity.label)
        .collect();
    if !others.is_empty() {
        ui.indent(("variants", e), |ui| {
            let weak = ui.visuals().weak_text_color();
            rtl_line_ui(ui, ctx.engine, &others.join("، "), 12.0, weak, (width - 40.0).max(60.0));
        });
    }
}

fn matrix_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui, order: &[usize]) {
    let state = ctx.state;
    let Some(report) = state.report.as_ref() else { return };
    egui::Grid::new("entity-matrix").striped(true).show(ui, |ui| {
        ui.label("");
        for (a, article) in report.articles.iter().enumerate() {
            let active = state.matrix_sort == MatrixSort::Article(a);
            if ui
                .selectable_label(active, article.id.chars().take(5).collect::<String>())
                .on_hover_text(format!(
                    "{}\n{}\nSort by mentions in this article",
                    article.id, article.title
                ))
                .clicked()
            {
                ctx.emit(UiCommand::SetMatrixSort(MatrixSort::Article(a)));
            }
        }
        ui.end_row();
        for &e in order {
            let entity = &report.entities[e];
            let selected = state.selection.entity == Some(e);
            let r = rtl_line_ui(ui, ctx.engine, &entity.label, 14.0, ui.visuals().text_color(), 120.0)
                .interact(egui::Sense::click());
            if r.clicked() {
                ctx.emit(UiCommand::ToggleEntity(e));
            }
            for a in 0..report.articles.len() {
                let n = state.index.mention_counts[e][a];
                let (rect, _) = ui.allocate_exact_size(egui::vec2(28.0, 18.0), egui::Sense::hover());
                if n > 0 {
                    let c = state.entity_colour(e);
                    ui.painter()
                        .rect_filled(rect.shrink(1.0), 2.0, if selected { c } else { c.gamma_multiply(0.8) });
                    ui.painter().text(
                        rect.center(),
                        egui::Align2::CENTER_CENTER,
                        n.to_string(),
                        egui::FontId::monospace(12.0),
                        ui.visuals().strong_text_color(),
                    );
                }
            }
            ui.end_row();
        }
    });
}
