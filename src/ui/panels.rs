//! Top bar, status bar, corpus + claims panel, entities panel.

use super::app::Workbench;
use super::article_text::{Engine, TextBlock, text_block_ui};
use super::commands::UiCommand;
use super::state::{MatrixSort, ViewMode, kind_name, severity_name};
use crate::analysis::{ClaimKind, EntityKind};
use egui::{Color32, RichText, Ui};
use std::sync::Arc;

fn command_button(wb: &mut Workbench, ui: &mut Ui, cmd: UiCommand) {
    let mut button = egui::Button::new(cmd.label());
    if let Some(s) = cmd.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    if ui.add(button).on_hover_text(cmd.tooltip()).clicked() {
        let ctx = ui.ctx().clone();
        wb.run_command(&ctx, cmd);
        ui.close();
    }
}

/// A click anywhere on a row, also over the text drawn in it (the text widget takes pointer input for selection).
fn row_clicked(ui: &Ui, response: &egui::Response) -> bool {
    response.clicked() || (ui.rect_contains_pointer(response.rect) && ui.input(|i| i.pointer.primary_clicked()))
}

/// A short line of possibly right-to-left text, drawn through the text widget (bidi-correct).
pub fn rtl_line_ui(ui: &mut Ui, engine: &Engine, text: &str, size: f32, colour: Color32, width: f32) -> egui::Response {
    let shared: Arc<str> = Arc::from(text);
    let id = egui::Id::unique(("qarin-line", text, width.to_bits(), size.to_bits()));
    text_block_ui(ui, engine, &TextBlock::plain(id, &shared, width, size, colour)).response
}

pub fn top_bar_ui(wb: &mut Workbench, ui: &mut Ui) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            command_button(wb, ui, UiCommand::OpenFiles);
            command_button(wb, ui, UiCommand::OpenFolder);
            command_button(wb, ui, UiCommand::OpenSample);
            ui.menu_button("Recent corpora", |ui| {
                let recent = wb.state.settings.recent.clone();
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
                        let ctx = ui.ctx().clone();
                        wb.open(&ctx, paths);
                        ui.close();
                    }
                }
            });
        });
        ui.menu_button("Export", |ui| {
            command_button(wb, ui, UiCommand::ExportScreenshot);
            command_button(wb, ui, UiCommand::ExportJson);
            command_button(wb, ui, UiCommand::ExportCsv);
            command_button(wb, ui, UiCommand::ExportHtml);
        });
        ui.menu_button("View", |ui| {
            command_button(wb, ui, UiCommand::ToggleAlignedView);
            command_button(wb, ui, UiCommand::NextClaim);
            command_button(wb, ui, UiCommand::PreviousClaim);
            command_button(wb, ui, UiCommand::ClearSelection);
            ui.separator();
            command_button(wb, ui, UiCommand::ZoomIn);
            command_button(wb, ui, UiCommand::ZoomOut);
            command_button(wb, ui, UiCommand::ZoomReset);
            command_button(wb, ui, UiCommand::ToggleTheme);
            ui.separator();
            ui.add(egui::Slider::new(&mut wb.state.settings.column_width, 160.0..=700.0).text("minimum column width"));
            ui.add(egui::Slider::new(&mut wb.state.settings.font_size, 12.0..=28.0).text("text size"));
        });
        ui.separator();
        let ctx = ui.ctx().clone();
        if ui
            .button("Open…")
            .on_hover_text(UiCommand::OpenFiles.tooltip())
            .clicked()
        {
            wb.run_command(&ctx, UiCommand::OpenFiles);
        }
        if ui
            .button("Folder…")
            .on_hover_text(UiCommand::OpenFolder.tooltip())
            .clicked()
        {
            wb.run_command(&ctx, UiCommand::OpenFolder);
        }
        let path_edit = ui.add(
            egui::TextEdit::singleline(&mut wb.open_path_text)
                .hint_text("path to open…")
                .desired_width(140.0),
        );
        wb.text_inputs.push(path_edit.id);
        path_edit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Path to open"));
        if path_edit.lost_focus()
            && ui.input(|i| i.key_pressed(egui::Key::Enter))
            && !wb.open_path_text.trim().is_empty()
        {
            let path = std::path::PathBuf::from(wb.open_path_text.trim());
            wb.open(&ctx, vec![path]);
        }
        ui.separator();
        let search = ui.add(
            egui::TextEdit::singleline(&mut wb.state.selection.query)
                .hint_text("Find (Ctrl+F)")
                .desired_width(180.0),
        );
        wb.text_inputs.push(search.id);
        search.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Find in articles"));
        if wb.focus_search {
            search.request_focus();
            wb.focus_search = false;
        }
        if search.changed() {
            wb.state.refresh_search();
        }
        if !wb.state.selection.query.trim().is_empty() {
            ui.label(format!("{} hits", wb.state.search_hit_count()));
        }
        ui.separator();
        let aligned = wb.state.view == ViewMode::Aligned;
        if ui
            .selectable_label(!aligned, "Columns")
            .on_hover_text("Articles side by side")
            .clicked()
        {
            wb.state.view = ViewMode::Columns;
        }
        if ui
            .selectable_label(aligned, "Aligned")
            .on_hover_text(UiCommand::ToggleAlignedView.tooltip())
            .clicked()
        {
            wb.state.view = ViewMode::Aligned;
        }
        ui.separator();
        if ui.button("-").on_hover_text(UiCommand::ZoomOut.tooltip()).clicked() {
            wb.run_command(&ctx, UiCommand::ZoomOut);
        }
        ui.label(format!("{:.0}%", wb.state.settings.zoom * 100.0));
        if ui.button("+").on_hover_text(UiCommand::ZoomIn.tooltip()).clicked() {
            wb.run_command(&ctx, UiCommand::ZoomIn);
        }
        let theme = if wb.state.settings.dark {
            "Light theme"
        } else {
            "Dark theme"
        };
        if ui
            .button(theme)
            .on_hover_text(UiCommand::ToggleTheme.tooltip())
            .clicked()
        {
            wb.run_command(&ctx, UiCommand::ToggleTheme);
        }
    });
}

pub fn status_bar_ui(wb: &mut Workbench, ui: &mut Ui) {
    ui.horizontal(|ui| {
        if let Some(job) = &wb.state.job {
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
            if ui
                .button("Cancel")
                .on_hover_text("Stop loading; the current corpus stays")
                .clicked()
            {
                job.cancel();
            }
        }
        if let Some(msg) = wb.state.messages.last() {
            ui.label(msg);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(r) = &wb.state.report {
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

pub fn welcome_ui(wb: &mut Workbench, ui: &mut Ui) {
    ui.vertical_centered(|ui| {
        ui.add_space(80.0);
        ui.heading("Qarin — compare how articles tell the same story");
        ui.add_space(12.0);
        if wb.state.is_loading() {
            ui.spinner();
            ui.label("Loading and analysing…");
        } else {
            ui.label("Open files or a folder of articles, drop them here, or start with the sample corpus.");
            let ctx = ui.ctx().clone();
            if ui.button(UiCommand::OpenFolder.label()).clicked() {
                wb.run_command(&ctx, UiCommand::OpenFolder);
            }
            if ui.button(UiCommand::OpenSample.label()).clicked() {
                wb.run_command(&ctx, UiCommand::OpenSample);
            }
        }
    });
}

pub fn corpus_and_claims_ui(wb: &mut Workbench, ui: &mut Ui) {
    let Some(report) = wb.state.report.as_ref() else { return };
    let n_articles = report.articles.len();
    let width = ui.available_width();
    let max_h = ui.available_height();
    ui.heading("Corpus");
    egui::ScrollArea::vertical()
        .id_salt("corpus-list")
        .max_height(max_h * 0.45)
        .show(ui, |ui| {
            let mut toggle = None;
            let mut move_req = None;
            for a in 0..n_articles {
                let Some(report) = wb.state.report.as_ref() else { return };
                let article = &report.articles[a];
                let shown_at = wb.state.columns.iter().position(|&c| c == a);
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(width - 16.0);
                    ui.horizontal(|ui| {
                        let mut shown = shown_at.is_some();
                        let label = format!("Show {} as a column", article.id);
                        let cb = ui.checkbox(&mut shown, "");
                        cb.widget_info(|| egui::WidgetInfo::labeled(egui::Role::CheckBox, true, &label));
                        if cb.changed() {
                            toggle = Some(a);
                        }
                        if let Some(pos) = shown_at {
                            ui.label(RichText::new(format!("#{}", pos + 1)).strong());
                            if ui.small_button("<").on_hover_text("Move column left").clicked() {
                                move_req = Some((a, true));
                            }
                            if ui.small_button(">").on_hover_text("Move column right").clicked() {
                                move_req = Some((a, false));
                            }
                        }
                        ui.label(RichText::new(&article.id).monospace().weak());
                    });
                    rtl_line_ui(
                        ui,
                        &wb.engine,
                        &article.title,
                        14.0,
                        ui.visuals().strong_text_color(),
                        width - 24.0,
                    );
                    let entities = wb
                        .state
                        .index
                        .mention_counts
                        .iter()
                        .filter(|c| c.get(a).copied().unwrap_or(0) > 0)
                        .count();
                    ui.label(
                        RichText::new(format!(
                            "{} · {} · {entities} entities · {} claims",
                            article.source.as_deref().unwrap_or("unknown source"),
                            article.date.as_deref().unwrap_or("no date"),
                            wb.state.index.claim_counts.get(a).copied().unwrap_or(0)
                        ))
                        .small(),
                    );
                });
            }
            if let Some(a) = toggle {
                wb.state.toggle_column(a);
            }
            if let Some((a, left)) = move_req {
                wb.state.move_column(a, left);
            }
            let diagnostics = wb.state.diagnostics().to_vec();
            if !diagnostics.is_empty() {
                ui.separator();
                ui.label(RichText::new(format!("Problems ({})", diagnostics.len())).strong());
                for d in &diagnostics {
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
    ui.separator();
    claims_list_ui(wb, ui);
}

fn claims_list_ui(wb: &mut Workbench, ui: &mut Ui) {
    let Some(report) = wb.state.report.as_ref() else { return };
    ui.horizontal(|ui| {
        ui.heading(format!("Claims ({})", report.claims.len()));
    });
    if report.claims.is_empty() {
        ui.label(RichText::new("No claim is shared by two or more articles.").weak());
        return;
    }
    let width = ui.available_width();
    let mut clicked = None;
    egui::ScrollArea::vertical().id_salt("claims-list").show(ui, |ui| {
        let Some(report) = wb.state.report.as_ref() else { return };
        for &c in &wb.state.index.claim_order {
            let cluster = &report.claims[c];
            let selected = wb.state.selection.claim == Some(c);
            let colour = wb.state.claim_colour(c);
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
                    let kind = match cluster.kind {
                        ClaimKind::Verbatim => "verbatim",
                        ClaimKind::Paraphrase => "paraphrase",
                    };
                    ui.label(RichText::new(format!("{} articles", wb.state.index.claim_article_counts[c])).strong());
                    ui.label(RichText::new(kind).small().weak());
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
                        rtl_line_ui(ui, &wb.engine, &text, 13.0, ui.visuals().text_color(), width - 24.0).clicked();
                }
            });
            let response = inner.response.interact(egui::Sense::click());
            let clicked_here = row_clicked(ui, &response) || text_clicked;
            let label = format!(
                "Claim {} shared by {} articles",
                cluster.id, wb.state.index.claim_article_counts[c]
            );
            response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
            if clicked_here {
                clicked = Some(c);
            }
            if selected && wb.state.align_pending {
                response.scroll_to_me(Some(egui::Align::Center));
            }
        }
    });
    if let Some(c) = clicked {
        let again = wb.state.selection.claim == Some(c);
        wb.state.select_claim(if again { None } else { Some(c) });
    }
}

pub fn entities_ui(wb: &mut Workbench, ui: &mut Ui) {
    let Some(report) = wb.state.report.as_ref() else { return };
    ui.horizontal(|ui| {
        ui.heading(format!("Entities ({})", report.entities.len()));
    });
    ui.horizontal(|ui| {
        let filter = ui.add(
            egui::TextEdit::singleline(&mut wb.state.entity_filter)
                .hint_text("filter…")
                .desired_width(120.0),
        );
        wb.text_inputs.push(filter.id);
        filter.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Filter entities"));
        ui.toggle_value(&mut wb.show_matrix, "Matrix")
            .on_hover_text("Entity × article table (who mentions whom)");
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Sort:");
        let sort = &mut wb.state.matrix_sort;
        ui.selectable_value(sort, MatrixSort::Articles, "by articles");
        ui.selectable_value(sort, MatrixSort::Kind, "by kind");
        ui.selectable_value(sort, MatrixSort::Label, "by name");
    });
    let order = wb.state.entities_in_order();
    let width = ui.available_width();
    let mut clicked = None;
    egui::ScrollArea::both().id_salt("entities-list").show(ui, |ui| {
        let Some(report) = wb.state.report.as_ref() else { return };
        if wb.show_matrix {
            matrix_ui(wb, ui, &order, &mut clicked);
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
                        let entity = &report.entities[e];
                        let selected = wb.state.selection.entity == Some(e);
                        let colour = wb.state.entity_colour(e);
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
                                &wb.engine,
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
                        let response = response.on_hover_ui(|ui| entity_tooltip_ui(wb, ui, e));
                        if row_clicked(ui, &response) || row.inner.clicked() {
                            clicked = Some(e);
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
                                rtl_line_ui(ui, &wb.engine, &others.join("، "), 12.0, weak, (width - 40.0).max(60.0));
                            });
                        }
                    }
                });
        }
    });
    if let Some(e) = clicked {
        let again = wb.state.selection.entity == Some(e);
        wb.state.selection.entity = if again { None } else { Some(e) };
    }
}

fn matrix_ui(wb: &mut Workbench, ui: &mut Ui, order: &[usize], clicked: &mut Option<usize>) {
    let Some(report) = wb.state.report.as_ref() else { return };
    let mut sort = None;
    egui::Grid::new("entity-matrix").striped(true).show(ui, |ui| {
        ui.label("");
        for (a, article) in report.articles.iter().enumerate() {
            let active = wb.state.matrix_sort == MatrixSort::Article(a);
            if ui
                .selectable_label(active, article.id.chars().take(5).collect::<String>())
                .on_hover_text(format!(
                    "{}\n{}\nSort by mentions in this article",
                    article.id, article.title
                ))
                .clicked()
            {
                sort = Some(MatrixSort::Article(a));
            }
        }
        ui.end_row();
        for &e in order {
            let entity = &report.entities[e];
            let selected = wb.state.selection.entity == Some(e);
            let r = rtl_line_ui(ui, &wb.engine, &entity.label, 14.0, ui.visuals().text_color(), 120.0)
                .interact(egui::Sense::click());
            if r.clicked() {
                *clicked = Some(e);
            }
            for a in 0..report.articles.len() {
                let n = wb.state.index.mention_counts[e][a];
                let (rect, _) = ui.allocate_exact_size(egui::vec2(28.0, 18.0), egui::Sense::hover());
                if n > 0 {
                    let c = wb.state.entity_colour(e);
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
    if let Some(s) = sort {
        wb.state.matrix_sort = s;
    }
}

pub fn entity_tooltip_ui(wb: &Workbench, ui: &mut Ui, e: usize) {
    let Some(report) = wb.state.report.as_ref() else { return };
    let Some(entity) = report.entities.get(e) else { return };
    ui.set_max_width(360.0);
    rtl_line_ui(
        ui,
        &wb.engine,
        &entity.label,
        17.0,
        ui.visuals().strong_text_color(),
        340.0,
    );
    ui.label(format!(
        "{} · in {} articles · {} mentions",
        kind_name(entity.kind),
        entity.articles.len(),
        entity.mentions.len()
    ));
    if let Some(v) = &entity.value {
        ui.label(format!("value: {v}"));
    }
    if entity.variants.len() > 1 {
        ui.label(RichText::new("Spellings:").weak());
        rtl_line_ui(
            ui,
            &wb.engine,
            &entity.variants.join("، "),
            14.0,
            ui.visuals().text_color(),
            340.0,
        );
    }
    for id in &entity.articles {
        if let Some(a) = report.article(id) {
            ui.horizontal(|ui| {
                ui.label(RichText::new(id).monospace().small());
                rtl_line_ui(
                    ui,
                    &wb.engine,
                    &a.title.chars().take(60).collect::<String>(),
                    12.0,
                    ui.visuals().weak_text_color(),
                    280.0,
                );
            });
        }
    }
}

pub fn claim_tooltip_ui(wb: &Workbench, ui: &mut Ui, c: usize) {
    let Some(report) = wb.state.report.as_ref() else { return };
    let Some(cluster) = report.claims.get(c) else { return };
    ui.set_max_width(420.0);
    let kind = match cluster.kind {
        ClaimKind::Verbatim => "verbatim",
        ClaimKind::Paraphrase => "paraphrase",
    };
    ui.label(
        RichText::new(format!(
            "Claim {} · {kind} · {} articles · score {:.2}",
            cluster.id, wb.state.index.claim_article_counts[c], cluster.score
        ))
        .strong(),
    );
    for m in &cluster.members {
        ui.label(RichText::new(&m.article).monospace().small());
        rtl_line_ui(ui, &wb.engine, &m.text, 14.0, ui.visuals().text_color(), 400.0);
    }
    for d in &cluster.differences {
        let values: Vec<String> = d.values.iter().map(|(a, v)| format!("{a}: {v}")).collect();
        ui.label(RichText::new(format!("≠ {} — {}", d.what, values.join(" · "))).color(ui.visuals().warn_fg_color));
    }
}
