//! Small widgets shared by the views: bidi-correct text lines, command buttons, clickable rows, titles, tooltips.
//! A leaf module: it imports no view.

use super::article_text::{Engine, TextBlock, text_block_ui};
use super::commands::UiCommand;
use super::context::ViewCtx;
use super::state::{WorkbenchState, kind_name, severity_name};
use crate::analysis::ClaimKind;
use egui::{Color32, RichText, Ui};
use std::sync::Arc;

/// A menu entry for `cmd` with its label, shortcut and tooltip; a click emits it and closes the menu.
pub fn command_button(ctx: &mut ViewCtx<'_>, ui: &mut Ui, cmd: UiCommand) {
    let mut button = egui::Button::new(cmd.label());
    if let Some(s) = cmd.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    if ui.add(button).on_hover_text(cmd.tooltip()).clicked() {
        ctx.emit(cmd);
        ui.close();
    }
}

/// A one-line text field showing `current`, named `label` for assistive technology and registered as a text input
/// (plain keys belong to it while it has focus). Returns its response and the text as edited this frame.
pub fn text_field_ui(
    ctx: &mut ViewCtx<'_>,
    ui: &mut Ui,
    current: &str,
    hint: &str,
    width: f32,
    label: &str,
) -> (egui::Response, String) {
    let mut text = current.to_string();
    let response = ui.add(
        egui::TextEdit::singleline(&mut text)
            .hint_text(hint)
            .desired_width(width),
    );
    ctx.text_input(response.id);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    (response, text)
}

/// A click anywhere on a row, also over the text drawn in it (the text widget takes pointer input for selection).
pub fn row_clicked(ui: &Ui, response: &egui::Response) -> bool {
    response.clicked() || (ui.rect_contains_pointer(response.rect) && ui.input(|i| i.pointer.primary_clicked()))
}

/// A short line of possibly right-to-left text, drawn through the text widget (bidi-correct).
/// Cut to `MAX_LINE_CHARS` first: a one-line article's whole text as its title must not be copied, hashed and laid
/// out every frame.
pub fn rtl_line_ui(ui: &mut Ui, engine: &Engine, text: &str, size: f32, colour: Color32, width: f32) -> egui::Response {
    let shortened = crate::text::shorten(text, MAX_LINE_CHARS);
    let text: &str = &shortened;
    let shared: Arc<str> = Arc::from(text);
    let id = egui::Id::unique(("qarin-line", text, width.to_bits(), size.to_bits()));
    text_block_ui(ui, engine, &TextBlock::plain(id, &shared, width, size, colour)).response
}

/// A report date as a reader writes it: `2021-10-19T17:51:43` → `2021-10-19 17:51` (the day alone stays as it is).
pub fn display_date(iso: &str) -> String {
    match iso.split_once('T') {
        Some((day, time)) => {
            let minutes: String = time.chars().take(5).collect();
            format!("{day} {minutes}")
        }
        None => iso.to_string(),
    }
}

/// A title cut at a word boundary after `max` characters, so column headers stay short.
pub fn short_title(title: &str, max: usize) -> String {
    crate::text::shorten(title, max).into_owned()
}

/// Longest text drawn by [`rtl_line_ui`] (titles, labels, tooltips).
const MAX_LINE_CHARS: usize = 2000;

pub fn claim_kind_name(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Verbatim => "verbatim",
        ClaimKind::Paraphrase => "paraphrase",
    }
}

/// What the user learns hovering an entity: its spellings and the articles mentioning it.
pub fn entity_tooltip_ui(state: &WorkbenchState, engine: &Engine, ui: &mut Ui, e: usize) {
    let Some(report) = state.report.as_ref() else { return };
    let Some(entity) = report.entities.get(e) else { return };
    ui.set_max_width(360.0);
    rtl_line_ui(ui, engine, &entity.label, 17.0, ui.visuals().strong_text_color(), 340.0);
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
            engine,
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
                    engine,
                    &a.title.chars().take(60).collect::<String>(),
                    12.0,
                    ui.visuals().weak_text_color(),
                    280.0,
                );
            });
        }
    }
}

/// What the user learns hovering a claim member: every member's wording and where they differ.
pub fn claim_tooltip_ui(state: &WorkbenchState, engine: &Engine, ui: &mut Ui, c: usize) {
    let Some(report) = state.report.as_ref() else { return };
    let Some(cluster) = report.claims.get(c) else { return };
    ui.set_max_width(420.0);
    ui.label(
        RichText::new(format!(
            "Claim {} · {} · {} articles · score {:.2}",
            cluster.id,
            claim_kind_name(cluster.kind),
            state.index.claim_article_counts[c],
            cluster.score
        ))
        .strong(),
    );
    for m in &cluster.members {
        ui.label(RichText::new(&m.article).monospace().small());
        rtl_line_ui(ui, engine, &m.text, 14.0, ui.visuals().text_color(), 400.0);
    }
    for d in &cluster.differences {
        ui.label(RichText::new(format!("≠ {}", d.what)).color(ui.visuals().warn_fg_color));
        // One value a line, through the text widget: an id and an Arabic value on one egui label come out scrambled.
        for (a, v) in &d.values {
            ui.horizontal(|ui| {
                ui.label(RichText::new(a).monospace().small());
                rtl_line_ui(ui, engine, v, 13.0, ui.visuals().text_color(), 300.0);
            });
        }
    }
}

/// "Similar here": how near a marked unit of article `a` is to the chosen sentence, and the chosen sentence itself.
pub fn similar_tooltip_ui(state: &WorkbenchState, engine: &Engine, ui: &mut Ui, a: usize, sentence: usize) {
    let Some(report) = state.report.as_ref() else { return };
    let Some(similar) = state.similar_in(a).find(|s| s.sentence == sentence) else {
        return;
    };
    ui.set_max_width(420.0);
    ui.label(
        RichText::new(format!(
            "Similar here · score {:.2} (meaning {:.2}, shared words {:.2})",
            similar.score, similar.semantic, similar.lexical
        ))
        .strong(),
    );
    ui.label(
        RichText::new(
            "The nearest sentence of this article to the one you chose; not linked as a claim unless marked so",
        )
        .small(),
    );
    if let Some((chosen_article, chosen)) = state.selection.sentence
        && let Some(article) = report.articles.get(chosen_article)
        && let Some(s) = article.sentences.get(chosen)
    {
        ui.label(RichText::new(&article.id).monospace().small());
        rtl_line_ui(
            ui,
            engine,
            article.slice(s.start, s.end),
            14.0,
            ui.visuals().text_color(),
            400.0,
        );
    }
}

/// Every diagnostic of the loaded corpus, errors first, with its full path.
pub fn problems_ui(state: &WorkbenchState, ui: &mut Ui) {
    let diagnostics = state.diagnostics();
    if diagnostics.is_empty() {
        ui.label("No problems: every file was read.");
        return;
    }
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    order.sort_by_key(|&i| match diagnostics[i].severity {
        crate::corpus::Severity::Error => 0,
        crate::corpus::Severity::Warning => 1,
        crate::corpus::Severity::Info => 2,
    });
    for i in order {
        let d = &diagnostics[i];
        let colour = match d.severity {
            crate::corpus::Severity::Error => ui.visuals().error_fg_color,
            crate::corpus::Severity::Warning => ui.visuals().warn_fg_color,
            crate::corpus::Severity::Info => ui.visuals().weak_text_color(),
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(severity_name(d.severity)).color(colour).strong());
            ui.label(RichText::new(&d.path).monospace());
        });
        ui.label(&d.message);
        ui.separator();
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_read_as_a_reader_writes_them() {
        assert_eq!(super::display_date("2021-10-19T17:51:43"), "2021-10-19 17:51");
        assert_eq!(super::display_date("2018-01-14T09:13"), "2018-01-14 09:13");
        assert_eq!(super::display_date("2017-06-30"), "2017-06-30");
    }
}
