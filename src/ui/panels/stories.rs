//! The stories of a corpus: the story list a corpus of several stories opens on (label, outlets, dates, articles,
//! shared claims, a small time line each), and above an open story's columns its bar: back to the list, its other
//! articles a click away, and its time line (articles by outlet on a time axis, each claim's earliest known source).

use crate::analysis::stories::day_number;
use crate::analysis::{Report, Story};
use crate::ui::commands::UiCommand;
use crate::ui::context::ViewCtx;
use crate::ui::story_index::outlet_name;
use crate::ui::widgets::{rtl_line_ui, short_title};
use egui::{Color32, RichText, Ui};

const ROW_HEIGHT: f32 = 30.0;
const LIST_TIMELINE_WIDTH: f32 = 140.0;
/// Outlets named in a list row before "+N".
const OUTLETS_SHOWN: usize = 3;
/// Claims listed in an open story's time line.
const CLAIMS_SHOWN: usize = 8;

pub fn story_list_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui) {
    let state = ctx.state;
    let Some(report) = state.report.as_ref() else { return };
    let index = &state.stories;
    let multi = report.stories.iter().filter(|s| s.articles.len() > 1).count();
    ui.horizontal(|ui| {
        ui.heading(format!("Stories ({})", report.stories.len()));
        ui.label(
            RichText::new(format!(
                "{multi} told by two or more articles · {} articles",
                report.articles.len()
            ))
            .weak(),
        );
        let export = UiCommand::ExportStoriesCsv;
        if ui.button(export.label()).on_hover_text(export.tooltip()).clicked() {
            ctx.emit(export);
        }
    });
    ui.separator();
    let label_width = (ui.available_width() - LIST_TIMELINE_WIDTH - 570.0).max(200.0);
    egui::ScrollArea::vertical()
        .id_salt("story-list")
        .auto_shrink(false)
        .show_rows(ui, ROW_HEIGHT, index.list_order.len(), |ui, rows| {
            for row in rows {
                let s = index.list_order[row];
                let story = &report.stories[s];
                ui.horizontal(|ui| {
                    ui.set_height(ROW_HEIGHT - 4.0);
                    let open = UiCommand::OpenStory(s);
                    let button = ui
                        .add_sized(
                            [110.0, 22.0],
                            egui::Button::new(format!("{} · {} articles", story.id, story.articles.len())),
                        )
                        .on_hover_text(open.tooltip());
                    if button.clicked() {
                        ctx.emit(open);
                    }
                    let shared = index.shared_claims.get(s).map_or(0, Vec::len);
                    ui.add_sized(
                        [90.0, 22.0],
                        egui::Label::new(RichText::new(format!("{shared} shared claims")).small()),
                    );
                    ui.add_sized(
                        [200.0, 22.0],
                        egui::Label::new(RichText::new(date_range(story)).small().monospace()),
                    );
                    let days = index.days.get(s).map(Vec::as_slice).unwrap_or(&[]);
                    timeline_strip_ui(ui, days, index.span, ui.visuals().selection.bg_fill);
                    ui.add_sized(
                        [160.0, 22.0],
                        egui::Label::new(RichText::new(outlets_line(story)).small()).truncate(),
                    );
                    let title = short_title(&story.label, 120);
                    // What the row has left: a label wider than that would be cut where Arabic begins (right).
                    let width = ui.available_width().clamp(120.0, label_width);
                    if rtl_line_ui(ui, ctx.engine, &title, 14.0, ui.visuals().text_color(), width).clicked() {
                        ctx.emit(UiCommand::OpenStory(s));
                    }
                });
            }
        });
}

/// Above an open story's columns: the way back, the story, its other articles, its time line.
pub fn story_bar_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui) {
    let state = ctx.state;
    let (Some(report), Some(s)) = (state.report.as_ref(), state.story) else {
        return;
    };
    let Some(story) = report.stories.get(s) else { return };
    ui.horizontal(|ui| {
        let back = UiCommand::ShowStories;
        if ui.button(back.label()).on_hover_text(back.tooltip()).clicked() {
            ctx.emit(back);
        }
        ui.label(RichText::new(&story.id).strong());
        ui.label(RichText::new(date_range(story)).monospace());
        ui.label(format!(
            "{} articles · {} outlets",
            story.articles.len(),
            story.outlets.len()
        ));
        rtl_line_ui(
            ui,
            ctx.engine,
            &short_title(&story.label, 90),
            15.0,
            ui.visuals().strong_text_color(),
            520.0,
        );
    });
    let order = state.stories.column_order.get(s).map(Vec::as_slice).unwrap_or(&[]);
    let hidden: Vec<usize> = order.iter().copied().filter(|a| !state.columns.contains(a)).collect();
    if !hidden.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{} more:", hidden.len())).weak());
            for a in hidden {
                let cmd = UiCommand::ToggleColumn(a);
                let name = short_title(outlet_name(report, a), 24);
                if ui
                    .small_button(name)
                    .on_hover_text(format!("Show {} as a column", report.articles[a].id))
                    .clicked()
                {
                    ctx.emit(cmd);
                }
            }
        });
    }
    egui::CollapsingHeader::new("Time line")
        .id_salt(("story-timeline", s))
        .default_open(true)
        .show(ui, |ui| story_timeline_ui(ctx, ui, report, s));
    ui.separator();
}

/// Articles on a time axis, one row per outlet; then each shared claim's earliest known source.
fn story_timeline_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui, report: &Report, s: usize) {
    let state = ctx.state;
    let order = state.stories.column_order.get(s).map(Vec::as_slice).unwrap_or(&[]);
    let mut outlets: Vec<(&str, Vec<Option<i64>>)> = Vec::new();
    for &a in order {
        let name = outlet_name(report, a);
        let day = report.articles[a].date.as_deref().and_then(day_number).map(|d| d.0);
        match outlets.iter_mut().find(|(n, _)| *n == name) {
            Some((_, days)) => days.push(day),
            None => outlets.push((name, vec![day])),
        }
    }
    let days: Vec<i64> = outlets.iter().flat_map(|(_, d)| d.iter().flatten().copied()).collect();
    let span = days.iter().min().zip(days.iter().max()).map(|(a, b)| (*a, *b));
    let axis_width = (ui.available_width() - 260.0).clamp(120.0, 700.0);
    let colour = ui.visuals().selection.bg_fill;
    for (name, days) in outlets.iter().take(10) {
        ui.horizontal(|ui| {
            ui.add_sized([180.0, 14.0], egui::Label::new(RichText::new(*name).small()).truncate());
            let dated: Vec<i64> = days.iter().flatten().copied().collect();
            let (rect, _) = ui.allocate_exact_size(egui::vec2(axis_width, 12.0), egui::Sense::hover());
            let painter = ui.painter_at(rect);
            painter.hline(
                rect.x_range(),
                rect.center().y,
                ui.visuals().widgets.noninteractive.bg_stroke,
            );
            for d in &dated {
                painter.circle_filled(egui::pos2(day_x(*d, span, rect), rect.center().y), 4.0, colour);
            }
            let undated = days.len() - dated.len();
            if undated > 0 {
                ui.label(RichText::new(format!("{undated} undated")).small().weak());
            }
        });
    }
    if outlets.len() > 10 {
        ui.label(
            RichText::new(format!("… and {} more outlets", outlets.len() - 10))
                .small()
                .weak(),
        );
    }
    match span {
        Some((first, last)) if first != last => {
            ui.label(RichText::new(format!("axis: {} days", last - first + 1)).small().weak());
        }
        Some(_) => {}
        None => {
            ui.label(
                RichText::new("No publication date is known for these articles.")
                    .small()
                    .weak(),
            );
        }
    }
    let shared = state.stories.shared_claims.get(s).map(Vec::as_slice).unwrap_or(&[]);
    if shared.is_empty() {
        return;
    }
    ui.label(
        RichText::new("Earliest known source of each shared claim")
            .small()
            .strong(),
    );
    for &c in shared.iter().take(CLAIMS_SHOWN) {
        let cluster = &report.claims[c];
        let Some(first) = cluster.members.first() else { continue };
        let when = report
            .article(&first.article)
            .and_then(|a| a.date.clone())
            .unwrap_or_else(|| "undated".into());
        let outlet = state
            .index
            .article_by_id
            .get(&first.article)
            .map_or(first.article.as_str(), |&a| outlet_name(report, a));
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(egui::vec2(10.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 2.0, state.claim_colour(c));
            let cross = if cluster.stories.len() > 1 {
                " · also in other stories"
            } else {
                ""
            };
            let line = format!("{} · first: {outlet} ({when}){cross}", cluster.id);
            if ui.link(RichText::new(line).small()).clicked() {
                ctx.emit(UiCommand::ToggleClaim(c));
            }
            let text: String = first.text.chars().take(90).collect();
            rtl_line_ui(ui, ctx.engine, &text, 12.0, ui.visuals().weak_text_color(), 420.0);
        });
    }
    if shared.len() > CLAIMS_SHOWN {
        ui.label(
            RichText::new(format!("… and {} more shared claims", shared.len() - CLAIMS_SHOWN))
                .small()
                .weak(),
        );
    }
}

/// A strip of `LIST_TIMELINE_WIDTH` with a tick per dated article, on the corpus's time axis.
fn timeline_strip_ui(ui: &mut Ui, days: &[i64], span: Option<(i64, i64)>, colour: Color32) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(LIST_TIMELINE_WIDTH, 14.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_stroke(
        rect,
        2.0,
        ui.visuals().widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Inside,
    );
    for &d in days {
        let x = day_x(d, span, rect);
        painter.vline(x, rect.y_range().shrink(2.0), egui::Stroke::new(2.0, colour));
    }
    if days.is_empty() {
        response.on_hover_text("No publication date known");
    }
}

/// Where day `d` falls on `rect` for a time axis over `span` (the middle when the span is one day or unknown).
fn day_x(d: i64, span: Option<(i64, i64)>, rect: egui::Rect) -> f32 {
    match span {
        Some((first, last)) if last > first => {
            let t = (d - first) as f32 / (last - first) as f32;
            rect.left() + 4.0 + t.clamp(0.0, 1.0) * (rect.width() - 8.0)
        }
        _ => rect.center().x,
    }
}

fn date_range(story: &Story) -> String {
    match (&story.first, &story.last) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => "undated".into(),
    }
}

fn outlets_line(story: &Story) -> String {
    if story.outlets.is_empty() {
        return "outlets unknown".into();
    }
    let mut line = story
        .outlets
        .iter()
        .take(OUTLETS_SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if story.outlets.len() > OUTLETS_SHOWN {
        line.push_str(&format!(" +{}", story.outlets.len() - OUTLETS_SHOWN));
    }
    line
}
