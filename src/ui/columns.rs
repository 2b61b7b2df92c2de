//! Articles side by side: one scrolled column per article, highlights, claim side bars, alignment and connector bands.

use super::article_text::{SpanStyle, TextBlock, TextSpan, tag, text_block_ui};
use super::commands::UiCommand;
use super::context::ViewCtx;
use super::palette;
use super::state::{WorkbenchState, is_secondary};
use super::widgets::{claim_tooltip_ui, entity_tooltip_ui, rtl_line_ui, short_title};
use crate::corpus::SegmentKind;
use egui::{Color32, Rect, RichText, Ui};
use std::collections::HashMap;

/// Space between columns, where the connector bands are drawn.
const GUTTER: f32 = 28.0;
/// Width of the claim side bar at a column's edge.
const BAR: f32 = 4.0;

/// What the last frame drew, per column: used to align claims and draw connector bands.
#[derive(Debug, Clone)]
pub struct ColumnRecord {
    pub article: usize,
    /// Screen rectangle of the column's scrolled text area.
    pub viewport: egui::Rect,
    /// Claim members drawn: (cluster, member, screen rect), clipped to nothing.
    pub claim_rects: Vec<(usize, usize, egui::Rect)>,
    /// Distance from the top of the scrolled content to the selected claim's member in this column.
    pub selected_member_content_y: Option<f32>,
    /// Distance from the top of the scrolled content to the first search hit (when a new search asked for it).
    pub first_hit_content_y: Option<f32>,
    pub scroll_offset: f32,
    pub header_height: f32,
}

impl Default for ColumnRecord {
    fn default() -> Self {
        Self {
            article: 0,
            viewport: egui::Rect::NOTHING,
            claim_rects: Vec::new(),
            selected_member_content_y: None,
            first_hit_content_y: None,
            scroll_offset: 0.0,
            header_height: 0.0,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct FrameRecord {
    pub columns: Vec<ColumnRecord>,
}

impl FrameRecord {
    /// Screen rectangle of the selected cluster's member in each column that has one.
    pub fn selected_member_rects(&self, cluster: usize) -> Vec<(usize, egui::Rect)> {
        self.columns
            .iter()
            .filter_map(|c| {
                c.claim_rects
                    .iter()
                    .filter(|(cl, _, _)| *cl == cluster)
                    .map(|(_, _, r)| *r)
                    .reduce(|a, b| if a.top() <= b.top() { a } else { b })
                    .map(|r| (c.article, r))
            })
            .collect()
    }
}

/// The highlights drawn in one column; told to assistive technology with the column's header.
#[derive(Debug, Clone, Copy, Default)]
pub struct Highlights {
    /// Mentions of the selected entity, drawn emphasised.
    pub emphasised: usize,
    /// Mentions of other entities, dimmed while an entity is selected.
    pub dimmed: usize,
    pub search_hits: usize,
}

impl Highlights {
    /// The accessible description of a column's highlights.
    pub fn label(&self, article_id: &str) -> String {
        format!(
            "Highlights in {article_id}: {} mentions of the selected entity, {} other mentions dimmed, {} search hits",
            self.emphasised, self.dimmed, self.search_hits
        )
    }
}

/// The spans of `start..end` of article `a`, relative to `start`, styled for the current selection.
pub fn block_spans(st: &WorkbenchState, a: usize, start: usize, end: usize, drawn: &mut Highlights) -> Vec<TextSpan> {
    let marks = &st.index.marks[a];
    let mut spans = Vec::new();
    let rel = |s: usize, e: usize| s.max(start) - start..e.min(end) - start;
    for (r, c, m) in &marks.claims {
        if r.end <= start || r.start >= end {
            continue;
        }
        let selected = st.selection.claim == Some(*c);
        let colour = st.claim_colour(*c);
        spans.push(TextSpan {
            range: rel(r.start, r.end),
            style: SpanStyle {
                underline: Some(if selected || st.selection.claim.is_none() {
                    colour
                } else {
                    colour.gamma_multiply(0.5)
                }),
                ..SpanStyle::default()
            },
            tag: tag::claim(*c, *m),
        });
    }
    for (r, e) in &marks.mentions {
        if r.end <= start || r.start >= end {
            continue;
        }
        let colour = st.entity_colour(*e);
        let style = match st.selection.entity {
            Some(sel) if sel == *e => {
                drawn.emphasised += 1;
                SpanStyle {
                    background: Some(colour),
                    colour: Some(if st.settings.dark {
                        Color32::WHITE
                    } else {
                        Color32::BLACK
                    }),
                    outline: Some(if st.settings.dark {
                        Color32::WHITE
                    } else {
                        Color32::BLACK
                    }),
                    ..SpanStyle::default()
                }
            }
            Some(_) => {
                // Other entities fade to a faint tint; their words stay readable.
                drawn.dimmed += 1;
                SpanStyle {
                    background: Some(colour.gamma_multiply(0.22)),
                    ..SpanStyle::default()
                }
            }
            None => SpanStyle {
                background: Some(colour),
                ..SpanStyle::default()
            },
        };
        spans.push(TextSpan {
            range: rel(r.start, r.end),
            style,
            tag: tag::entity(*e),
        });
    }
    if let Some(hits) = st.search_hits.get(a) {
        for r in hits {
            if r.end <= start || r.start >= end {
                continue;
            }
            drawn.search_hits += 1;
            spans.push(TextSpan {
                range: rel(r.start, r.end),
                style: SpanStyle {
                    background: Some(palette::search_hit_colour(st.settings.dark)),
                    ..SpanStyle::default()
                },
                tag: tag::SEARCH,
            });
        }
    }
    spans
}

enum Interaction {
    ClickEntity(usize),
    ClickClaim(usize),
}

/// The shown articles side by side. `previous` is what the last frame drew; `pending_scroll` the offsets to apply.
/// Returns what this frame drew.
pub fn columns_ui(
    ctx: &mut ViewCtx<'_>,
    ui: &mut Ui,
    previous: &FrameRecord,
    pending_scroll: &HashMap<usize, f32>,
) -> FrameRecord {
    let state = ctx.state;
    if state.columns.is_empty() {
        ui.label("No article is shown: tick articles in the corpus panel.");
        return FrameRecord::default();
    }
    let n = state.columns.len();
    let avail = ui.available_size();
    // Up to six columns share the width; narrower than `min_width` they scroll horizontally instead.
    let min_width = if ctx.compact {
        170.0
    } else {
        state.settings.column_width
    };
    let fit = ((avail.x - GUTTER * (n.min(6) as f32 - 1.0)) / n.min(6) as f32 - 2.0).floor();
    let column_width = fit.max(min_width);
    let header_height = previous.columns.iter().map(|c| c.header_height).fold(0.0f32, f32::max);
    let mut record = FrameRecord::default();
    let mut interaction = None;
    let columns = &state.columns;
    let bands_clip = ui.max_rect();
    egui::ScrollArea::horizontal()
        .id_salt("columns-h")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = GUTTER;
                for &a in columns {
                    let size = egui::vec2(column_width, avail.y - 4.0);
                    let inner = ui.allocate_ui_with_layout(size, egui::Layout::top_down(egui::Align::Min), |ui| {
                        ui.set_min_size(size);
                        ui.set_max_width(size.x);
                        let offset = pending_scroll.get(&a).copied();
                        column_ui(ctx, ui, a, column_width, header_height, offset, &mut interaction)
                    });
                    record.columns.push(inner.inner);
                }
            });
        });
    // Align the selected claim: every column scrolls so that its member sits at the same screen height.
    if state.selection.claim.is_some() && state.align_pending {
        let with_member: Vec<&ColumnRecord> = record
            .columns
            .iter()
            .filter(|r| r.selected_member_content_y.is_some())
            .collect();
        if !with_member.is_empty() {
            let view_top = with_member.iter().map(|r| r.viewport.top()).fold(f32::MIN, f32::max);
            let view_h = with_member.iter().map(|r| r.viewport.height()).fold(f32::MAX, f32::min);
            let natural_min = with_member
                .iter()
                .map(|r| r.viewport.top() + r.selected_member_content_y.unwrap_or(0.0))
                .fold(f32::MAX, f32::min);
            let target = (view_top + view_h * 0.3).min(natural_min);
            for r in &with_member {
                let y = r.viewport.top() + r.selected_member_content_y.unwrap_or(0.0);
                ctx.emit(UiCommand::ScrollColumn {
                    article: r.article,
                    offset: (y - target).max(0.0),
                });
            }
            ctx.emit(UiCommand::ClaimAligned);
            ui.ctx().request_repaint();
        }
    }
    // A new search: each column shows its first hit a third of the way down.
    if state.search_scroll_pending {
        for r in &record.columns {
            if let Some(y) = r.first_hit_content_y {
                ctx.emit(UiCommand::ScrollColumn {
                    article: r.article,
                    offset: (y - r.viewport.height() * 0.3).max(0.0),
                });
            }
        }
        ctx.emit(UiCommand::SearchScrolled);
        ui.ctx().request_repaint();
    }
    connector_bands(state, ui, &record, bands_clip);
    match interaction {
        Some(Interaction::ClickEntity(e)) => ctx.emit(UiCommand::ToggleEntity(e)),
        Some(Interaction::ClickClaim(c)) => ctx.emit(UiCommand::ToggleClaim(c)),
        None => {}
    }
    record
}

/// One article's column: header, then its text blocks in a scroll area with claim side bars.
/// `offset`: a scroll offset to apply this frame.
fn column_ui(
    ctx: &mut ViewCtx<'_>,
    ui: &mut Ui,
    a: usize,
    width: f32,
    header_height: f32,
    offset: Option<f32>,
    interaction: &mut Option<Interaction>,
) -> ColumnRecord {
    let state = ctx.state;
    let engine = ctx.engine;
    let mut record = ColumnRecord {
        article: a,
        ..ColumnRecord::default()
    };
    let Some(report) = state.report.as_ref() else {
        return record;
    };
    let article = &report.articles[a];
    let mut drawn = Highlights::default();
    let header = egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(width - 12.0);
            ui.set_min_height((header_height - 12.0).max(0.0));
            rtl_line_ui(
                ui,
                engine,
                &short_title(&article.title, 90),
                16.0,
                ui.visuals().strong_text_color(),
                width - 12.0,
            )
            .widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Label,
                    true,
                    format!("Column {}: {}", article.id, article.title),
                )
            });
            // Source and date are often Arabic: they go through the text widget (egui labels have no bidi).
            let source_date: Vec<&str> = [article.source.as_deref(), article.date.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !source_date.is_empty() {
                rtl_line_ui(
                    ui,
                    engine,
                    &source_date.join(" · "),
                    12.0,
                    ui.visuals().text_color(),
                    width - 12.0,
                );
            }
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 6.0;
                let entities = state.index.mention_counts.iter().filter(|c| c[a] > 0).count();
                ui.label(
                    RichText::new(format!("{entities} entities · {} claims", state.index.claim_counts[a]))
                        .small()
                        .weak(),
                )
                .on_hover_text(format!("{}\n{}", article.id, article.path));
            });
        });
    record.header_height = header.response.rect.height();
    let font_size = state.settings.font_size;
    let text_colour = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let mut scroll = egui::ScrollArea::vertical().id_salt(("column", a)).auto_shrink(false);
    if let Some(offset) = offset {
        scroll = scroll.vertical_scroll_offset(offset);
        ctx.emit(UiCommand::ScrollTaken(a));
    }
    let selected_claim = state.selection.claim;
    let mut hovered: Option<u64> = None;
    let mut hover_response: Option<egui::Response> = None;
    let output = scroll.show(ui, |ui| {
        let content_top = ui.min_rect().top();
        // Inside the scroll area (its bar takes room): leave space for the claim side bar.
        let text_width = (ui.available_width() - BAR * 3.0).max(40.0);
        for (si, seg) in article.segments.iter().enumerate() {
            if seg.kind == SegmentKind::Title || seg.start >= seg.end {
                continue;
            }
            let Some(shared) = state.index.segment_texts.get(a).and_then(|t| t.get(si)) else {
                continue;
            };
            let text: &str = shared;
            if text.trim().is_empty() {
                continue;
            }
            if is_secondary(seg.kind) {
                let expanded = state.expanded.contains(&(a, si));
                let name = match seg.kind {
                    SegmentKind::Boilerplate => "boilerplate",
                    SegmentKind::Related => "related article",
                    _ => "repeated headline",
                };
                let arrow = if expanded { "[-]" } else { "[+]" };
                let label = format!("{arrow} {name} ({} characters)", text.chars().count());
                if ui
                    .add(egui::Button::new(RichText::new(label).small().color(weak)).frame(false))
                    .clicked()
                {
                    ctx.emit(UiCommand::ToggleSegment {
                        article: a,
                        segment: si,
                    });
                }
                if !expanded {
                    continue;
                }
            }
            let mut spans = block_spans(state, a, seg.start, seg.start + text.len(), &mut drawn);
            let colour = if is_secondary(seg.kind) || seg.kind == SegmentKind::Meta {
                weak
            } else {
                text_colour
            };
            if is_secondary(seg.kind) {
                for s in &mut spans {
                    s.style.dim = true;
                }
            }
            let size = if seg.kind == SegmentKind::Meta {
                font_size * 0.8
            } else {
                font_size
            };
            let block = TextBlock {
                id: egui::Id::unique(("qarin-segment", &article.id, si)),
                text: shared,
                reading_face: true,
                spans: &spans,
                width: text_width,
                font_size: size,
                colour,
                rects_for: if state.search_scroll_pending {
                    |t| tag::as_claim(t).is_some() || t == tag::SEARCH
                } else {
                    |t| tag::as_claim(t).is_some()
                },
            };
            let out = text_block_ui(ui, engine, &block);
            for (t, rect) in &out.tag_rects {
                if *t == tag::SEARCH && record.first_hit_content_y.is_none() {
                    record.first_hit_content_y = Some(rect.top() - content_top);
                }
                if let Some((c, m)) = tag::as_claim(*t) {
                    record.claim_rects.push((c, m, *rect));
                    if selected_claim == Some(c) {
                        let y = rect.top() - content_top;
                        record.selected_member_content_y =
                            Some(record.selected_member_content_y.map_or(y, |p: f32| p.min(y)));
                    }
                }
            }
            if let Some(&t) = out
                .hovered
                .iter()
                .rev()
                .find(|t| tag::as_entity(**t).is_some())
                .or(out.hovered.first())
            {
                hovered = Some(t);
                hover_response = Some(out.response.clone());
            }
            let clicked_entity = out.clicked.iter().find_map(|t| tag::as_entity(*t));
            let clicked_claim = out.clicked.iter().find_map(|t| tag::as_claim(*t));
            if let Some(e) = clicked_entity {
                *interaction = Some(Interaction::ClickEntity(e));
            } else if let Some((c, _)) = clicked_claim {
                *interaction = Some(Interaction::ClickClaim(c));
            }
            ui.add_space(size * 0.6);
        }
        // Room below the end so any claim member can be scrolled to the alignment line.
        ui.add_space(ui.clip_rect().height() * 0.8);
    });
    record.viewport = output.inner_rect;
    record.scroll_offset = output.state.clamped_offset().y;
    // Claim side bars at the column's right edge (the start of right-to-left lines).
    let painter = ui.painter().with_clip_rect(output.inner_rect);
    for (c, _, r) in &record.claim_rects {
        let selected = selected_claim == Some(*c);
        let colour = state.claim_colour(*c);
        let x = output.inner_rect.right() - BAR;
        let bar = Rect::from_x_y_ranges(x..=x + BAR - 1.0, r.top()..=r.bottom());
        painter.rect_filled(bar, 1.0, if selected { colour } else { colour.gamma_multiply(0.55) });
    }
    record.claim_rects.retain(|(_, _, r)| r.intersects(output.inner_rect));
    if let (Some(t), Some(resp)) = (hovered, hover_response) {
        if let Some(e) = tag::as_entity(t) {
            resp.on_hover_ui_at_pointer(|ui| entity_tooltip_ui(state, engine, ui, e));
        } else if let Some((c, _)) = tag::as_claim(t) {
            resp.on_hover_ui_at_pointer(|ui| claim_tooltip_ui(state, engine, ui, c));
        }
    }
    header
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, drawn.label(&article.id)));
    record
}

/// Bands between neighbouring columns joining the members of one claim cluster, as diff tools join changed blocks.
fn connector_bands(state: &WorkbenchState, ui: &Ui, record: &FrameRecord, clip: Rect) {
    let painter = ui.painter().with_clip_rect(clip);
    for pair in record.columns.windows(2) {
        let (left, right) = (&pair[0], &pair[1]);
        for (c, _, lr) in &left.claim_rects {
            let Some((_, _, rr)) = right.claim_rects.iter().find(|(rc, _, _)| rc == c) else {
                continue;
            };
            let selected = state.selection.claim == Some(*c);
            if state.selection.claim.is_some() && !selected {
                continue;
            }
            let colour = state.claim_colour(*c);
            let fill = if selected {
                colour.gamma_multiply(0.45)
            } else {
                colour.gamma_multiply(0.16)
            };
            let clamp = |r: &Rect, v: &Rect| (r.top().max(v.top()), r.bottom().min(v.bottom()));
            let (lt, lb) = clamp(lr, &left.viewport);
            let (rt, rb) = clamp(rr, &right.viewport);
            if lt >= lb || rt >= rb {
                continue;
            }
            let x0 = left.viewport.right();
            let x1 = right.viewport.left();
            let points = vec![
                egui::pos2(x0, lt),
                egui::pos2(x1, rt),
                egui::pos2(x1, rb),
                egui::pos2(x0, lb),
            ];
            painter.add(egui::Shape::convex_polygon(
                points,
                fill,
                egui::Stroke::new(if selected { 1.5 } else { 0.0 }, colour),
            ));
        }
    }
}
